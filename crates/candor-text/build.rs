//! Embeds every language pack found under `lang/<code>/checker/*.toml` at the repository root,
//! so adding a language is adding a folder (no Rust change needed).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let lang_root = manifest.join("../../lang");
    println!("cargo::rerun-if-changed={}", lang_root.display());
    let mut entries: Vec<(String, String, PathBuf)> = Vec::new();
    if let Ok(dirs) = fs::read_dir(&lang_root) {
        for dir in dirs.flatten() {
            let code = dir.file_name().to_string_lossy().into_owned();
            let checker = dir.path().join("checker");
            println!("cargo::rerun-if-changed={}", checker.display());
            let Ok(files) = fs::read_dir(&checker) else {
                continue;
            };
            for file in files.flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    println!("cargo::rerun-if-changed={}", path.display());
                    let name = file.file_name().to_string_lossy().into_owned();
                    entries.push((code.clone(), name, path));
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from(
        "/// (language code, file name, contents) of every embedded pack file.\npub(crate) static EMBEDDED: &[(&str, &str, &str)] = &[\n",
    );
    for (code, name, path) in &entries {
        let abs = path.canonicalize().expect("pack file path resolves");
        writeln!(
            out,
            "    ({code:?}, {name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_packs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
