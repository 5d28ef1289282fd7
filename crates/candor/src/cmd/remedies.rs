//! `candor remedies`: what was offered to clients before, the precedents for the next offer.

use super::Ctx;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments of `candor remedies`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor remedies --client \"Acme BV\" --json")]
pub struct Args {
    /// Only this client.
    #[arg(long)]
    client: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// Lists remedies per client.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let rows = app.remedies(a.client.as_deref()).await?;
    if a.json {
        output::json(&rows)?;
    } else {
        let mut t = output::table(&["client", "incident", "kind", "step", "remedy"]);
        for r in &rows {
            t.add_row(vec![
                r.client.clone(),
                r.incident_id.to_string(),
                r.kind.to_string(),
                r.step.to_string(),
                r.description.clone(),
            ]);
        }
        crate::out!("{t}");
    }
    Ok(ExitCode::SUCCESS)
}
