//! Reading a text argument that names a file or `-` for standard input, one way for every
//! command, with an error that names the file and, for bad UTF-8, the byte where it goes wrong.

use anyhow::{Context, Result};
use std::io::Read;

/// Reads `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String> {
    let (name, bytes) = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        ("standard input", b)
    } else {
        let b = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
        (path, b)
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::Error::new(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{name}: not UTF-8 text (invalid byte at offset {at})"),
        ))
    })
}
