//! Embeds every `migrations/<backend>/NNNN_name.sql` file, so adding a migration is adding a file.

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("migrations.rs");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("migrations");
    let mut code = String::new();
    for backend in ["sqlite", "postgres"] {
        let dir = root.join(backend);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .expect("migrations folder")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        code.push_str(&format!(
            "/// Migrations for {backend}, in order.\npub const {}: &[Migration] = &[\n",
            backend.to_uppercase()
        ));
        for f in files {
            let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
            let (num, name) = stem.split_once('_').expect("migration file NNNN_name.sql");
            let version: i64 = num.parse().expect("migration number");
            code.push_str(&format!(
                "    Migration {{ version: {version}, name: {name:?}, sql: include_str!({:?}) }},\n",
                f.display().to_string()
            ));
        }
        code.push_str("];\n");
    }
    fs::write(out, code).expect("write migrations.rs");
}
