//! `candor reindex`: rebuild the mail search index from the database.

use super::Ctx;
use anyhow::Result;
use candor_app::search::index_dir;
use std::process::ExitCode;

/// Reindex arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor reindex")]
pub struct Args {}

/// Rebuilds the index.
pub async fn run(ctx: &Ctx, _a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let dir = index_dir(ctx.db());
    let n = app.reindex(&dir).await?;
    crate::out!("indexed {n} messages in {}", dir.display());
    Ok(ExitCode::SUCCESS)
}
