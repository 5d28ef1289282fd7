//! `candor milestone add`: a dated slice of a project's scope.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::MilestoneInput;
use clap::Subcommand;
use std::process::ExitCode;

/// Milestone subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a milestone to a project.
    #[command(
        after_help = "Example:\n  candor milestone add --project Webwinkel --title Livegang --due 2027-02-26 --scope 20"
    )]
    Add {
        /// Project name or id.
        #[arg(long)]
        project: String,
        /// Client, when two clients have a project of that name.
        #[arg(long)]
        client: Option<String>,
        /// Title.
        #[arg(long)]
        title: String,
        /// Due date YYYY-MM-DD.
        #[arg(long)]
        due: String,
        /// Scope in work items.
        #[arg(long)]
        scope: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a milestone subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            project,
            client,
            title,
            due,
            scope,
            json,
        } => {
            let m = app
                .add_milestone(&MilestoneInput {
                    project,
                    client,
                    title,
                    due,
                    scope,
                })
                .await?;
            if json {
                output::json(&m)?;
            } else {
                crate::out!(
                    "added milestone {} (id {}), due {}, {} items",
                    m.title,
                    m.id,
                    m.due,
                    m.scope
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
