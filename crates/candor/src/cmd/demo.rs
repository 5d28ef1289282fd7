//! `candor demo`: a realistic workspace to explore, and what to try next.

use super::Ctx;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor --db sqlite:///tmp/demo.db demo")]
pub struct Args {
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Creates the demo workspace (or finds it) and prints next steps.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let outcome = app.demo().await?;
    if a.json {
        output::json(&outcome)?;
        return Ok(ExitCode::SUCCESS);
    }
    if outcome.created {
        crate::out!(
            "Created the demo workspace: {} clients (en, nl, nb, bn), {} projects, {} progress entries.",
            outcome.clients,
            outcome.projects,
            outcome.progress_entries
        );
    } else {
        crate::out!(
            "The demo workspace is already here ({} clients).",
            outcome.clients
        );
    }
    let db = candor_app::redact(ctx.db());
    crate::out!("\nTry next:");
    crate::out!("  candor --db {db} client list");
    crate::out!("  candor --db {db} project list");
    crate::out!("  candor --db {db} project show Webwinkel");
    crate::out!("  candor --db {db} client show \"Fjordlys AS\"");
    crate::out!("  candor --db {db} record list --client \"নদী ট্রেডার্স\"");
    crate::out!("  candor --db {db} commitment list");
    crate::out!("  candor --db {db} export --format json");
    Ok(ExitCode::SUCCESS)
}
