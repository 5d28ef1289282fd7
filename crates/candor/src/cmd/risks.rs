//! `candor risks`: the projects and milestones to tell a client about now (early warning).

use super::Ctx;
use super::forecast::ModelArgs;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments of `candor risks`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor risks\n  candor risks --json --seed 7\n\n\
    Lists every project and milestone whose chance of finishing by its deadline is below the\n\
    on-track threshold, with what to tell the client and the command that opens a delay\n\
    incident prefilled with the P85 date."
)]
pub struct Args {
    /// Model options (as for `candor forecast`).
    #[command(flatten)]
    pub model: ModelArgs,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Runs the forecast and prints the warnings.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let warnings = app.risks(&a.model.query()).await?;
    if a.json {
        output::json(&warnings)?;
        return Ok(ExitCode::SUCCESS);
    }
    if warnings.is_empty() {
        crate::out!("no project or milestone is at risk");
        return Ok(ExitCode::SUCCESS);
    }
    for w in &warnings {
        crate::out!("{} [{}]", w.message, output::or_dash(&w.forecast.risk));
        crate::out!("  open a delay incident: {}", w.incident_command);
    }
    Ok(ExitCode::SUCCESS)
}
