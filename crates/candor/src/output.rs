//! Printing: JSON for scripts, tables for people, and one place that turns errors into exit codes.

use candor_app::AppError;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

/// Prints any serialisable value as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    crate::out!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A table with a header row, sized to the terminal.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    t
}

/// The whole cause chain of an error, once, on one line per cause.
pub fn chain(e: &anyhow::Error) -> String {
    let mut out = e.to_string();
    for cause in e.chain().skip(1) {
        let s = cause.to_string();
        if !out.contains(&s) {
            out.push_str(&format!("\n  caused by: {s}"));
        }
    }
    out
}

/// Exit code policy: 1 a check found problems, 2 usage or input error, 3 internal error.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    for cause in e.chain() {
        if let Some(app) = cause.downcast_ref::<AppError>() {
            return app.exit_code();
        }
        if cause
            .downcast_ref::<candor_core::ValidationError>()
            .is_some()
            || cause.downcast_ref::<std::io::Error>().is_some()
            || cause.downcast_ref::<toml::de::Error>().is_some()
        {
            return 2;
        }
    }
    3
}

/// "-" for an absent value in tables.
pub fn or_dash<T: ToString>(v: &Option<T>) -> String {
    v.as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| "-".into())
}

/// Called when stdout cannot be written: a closed pipe is a normal end, anything else exit 3.
pub fn stdout_failed(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("candor: cannot write to standard output: {e}");
    std::process::exit(3);
}
