//! Embeds the composer's language data (`lang/<code>/templates/*.j2`, `lang/<code>/composer.ftl`)
//! so the binary works without the repository, while the files stay plain data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../../lang")
        .canonicalize()
        .expect("the lang/ folder exists at the repository root");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut templates = String::from("pub static TEMPLATES: &[(&str, &str, &str)] = &[\n");
    let mut strings = String::from("pub static STRINGS: &[(&str, &str)] = &[\n");
    let mut langs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("lang/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for dir in langs {
        let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let ftl = dir.join("composer.ftl");
        if ftl.is_file() {
            watch(&ftl);
            writeln!(
                strings,
                "    ({code:?}, include_str!({:?})),",
                ftl.display()
            )
            .unwrap();
        }
        let tdir = dir.join("templates");
        if !tdir.is_dir() {
            continue;
        }
        watch(&tdir);
        let mut files: Vec<PathBuf> = fs::read_dir(&tdir)
            .expect("templates/ is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "j2"))
            .collect();
        files.sort();
        for f in files {
            watch(&f);
            let name = f.file_stem().and_then(|n| n.to_str()).unwrap_or_default();
            writeln!(
                templates,
                "    ({code:?}, {name:?}, include_str!({:?})),",
                f.display()
            )
            .unwrap();
        }
    }
    templates.push_str("];\n");
    strings.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    fs::write(out, templates + &strings).expect("OUT_DIR is writable");
}

fn watch(p: &Path) {
    println!("cargo:rerun-if-changed={}", p.display());
}
