//! `candor init`: create or migrate the workspace database.

use super::Ctx;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor --db postgres://postgres@127.0.0.1/candor init")]
pub struct Args {}

/// Opens (and so migrates) the database and says where it is.
pub async fn run(ctx: &Ctx, _a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    app.close().await;
    crate::out!("workspace ready at {}", candor_app::redact(ctx.db()));
    Ok(ExitCode::SUCCESS)
}
