//! `candor checkin`: draft this week's check-in of every active project into the outbox (once per
//! project and week; running it again lists what is already drafted).

use super::Ctx;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments of `candor checkin`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor checkin\n  candor checkin --week 2026-11-23 --client \"Fjordlys AS\" --json\n\n\
    Each draft is a weekly_checkin (progress since last week, the timeline with forecast dates) in\n\
    the contact's language, kept in the client's record as a draft and in the outbox:\n\
    candor outbox list, candor outbox send ID."
)]
pub struct Args {
    /// Any day of the week to cover (default: this week).
    #[arg(long, value_name = "DATE")]
    week: Option<String>,
    /// Only this client's projects.
    #[arg(long)]
    client: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// Runs `candor checkin`.
pub async fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let rows = app
        .checkin(args.week.as_deref(), args.client.as_deref())
        .await?;
    if args.json {
        output::json(&rows)?;
    } else if rows.is_empty() {
        crate::out!("no active projects");
    } else {
        let mut t = output::table(&["project", "client", "week", "outcome", "outbox id", "note"]);
        for r in &rows {
            t.add_row(vec![
                r.project.clone(),
                r.client.clone(),
                r.week.to_string(),
                r.outcome.clone(),
                output::or_dash(&r.outbox_id),
                r.reason.clone().unwrap_or_default(),
            ]);
        }
        crate::out!("{t}");
    }
    Ok(ExitCode::SUCCESS)
}
