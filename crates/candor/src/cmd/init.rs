//! `candor init`: create or migrate the workspace database.

use super::Ctx;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  candor --db postgres://postgres@127.0.0.1/candor init\n  candor init --team-tz Europe/Amsterdam"
)]
pub struct Args {
    /// Also set the team's time zone (an IANA name; see `candor team tz`).
    #[arg(long, value_name = "ZONE")]
    pub team_tz: Option<String>,
}

/// Opens (and so migrates) the database and says where it is.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let zone = match &a.team_tz {
        Some(z) => Some(app.set_team_time_zone(z).await?),
        None => None,
    };
    app.close().await;
    crate::out!("workspace ready at {}", candor_app::redact(ctx.db()));
    if let Some(z) = zone {
        crate::out!("the team's time zone is {z}");
    }
    Ok(ExitCode::SUCCESS)
}
