//! `candor team tz [ZONE]`: the team's time zone, whose calendar days imported progress counts in.

use super::Ctx;
use crate::output;
use anyhow::Result;
use serde::Serialize;
use std::process::ExitCode;

/// Arguments of `candor team tz`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  candor team tz Europe/Amsterdam\n  candor team tz --json\n\n\
    Progress imports count a date in this zone: an item finished at 23:50 in New York was\n\
    finished the next day for a team in Amsterdam."
)]
pub struct Args {
    /// IANA time zone name to set, e.g. Europe/Amsterdam; without it, show the current one.
    pub zone: Option<String>,
    /// JSON output: {"team_tz": "Europe/Amsterdam"} (null when not set).
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct TeamTz {
    team_tz: Option<String>,
}

/// Shows or sets the team's time zone.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let now = match &a.zone {
        Some(z) => Some(app.set_team_time_zone(z).await?),
        None => app.team_time_zone().await?,
    };
    if a.json {
        output::json(&TeamTz { team_tz: now })?;
    } else {
        match (&a.zone, now) {
            (Some(_), Some(z)) => crate::out!("the team's time zone is now {z}"),
            (_, Some(z)) => crate::out!("the team's time zone is {z}"),
            (_, None) => crate::out!(
                "no team time zone set; imports use CANDOR_TEAM_TZ or the system's zone \
                 (set one with: candor team tz Europe/Amsterdam)"
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}
