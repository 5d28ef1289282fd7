//! `candor export --format json` and `candor import-json`: the whole workspace in one file.

use super::Ctx;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Export formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One JSON document.
    Json,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor export --format json --out workspace.json")]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `import-json`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  candor --db postgres://postgres@127.0.0.1/fresh import-json workspace.json"
)]
pub struct ImportArgs {
    /// The export file, or - for standard input.
    pub file: String,
}

/// Prints or writes the export.
pub async fn run_export(ctx: &Ctx, a: ExportArgs) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let Format::Json = a.format;
    let text = app.export_json().await?;
    match a.out {
        Some(path) => std::fs::write(&path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
                crate::output::stdout_failed(e);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Restores an export (of this version or version 1) into an empty database.
pub async fn run_import(ctx: &Ctx, a: ImportArgs) -> Result<ExitCode> {
    let text = crate::input::read_text(&a.file)?;
    let app = ctx.app().await?;
    let data = app.import_json(&text, &a.file).await?;
    crate::out!(
        "restored {} clients, {} projects, {} record entries ({} rows in all)",
        data.count("clients"),
        data.count("projects"),
        data.count("record_entries"),
        data.total()
    );
    Ok(ExitCode::SUCCESS)
}
