//! `candor team add|list`: the roster of people on our side.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::TeamInput;
use clap::Subcommand;
use std::process::ExitCode;

/// Team subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a team member.
    #[command(
        after_help = "Example:\n  candor team add --name \"Maya Jensen\" --email maya@agency.example --role \"account manager\""
    )]
    Add {
        /// Full name.
        #[arg(long)]
        name: String,
        /// Work email.
        #[arg(long)]
        email: String,
        /// Role.
        #[arg(long, default_value = "")]
        role: String,
        /// Print the stored member as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the team.
    #[command(after_help = "Example:\n  candor team list --json")]
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show or set the team's time zone (progress imports count days in it).
    Tz(super::team_tz::Args),
}

/// Runs a team subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    if let Cmd::Tz(a) = cmd {
        return super::team_tz::run(ctx, a).await;
    }
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            name,
            email,
            role,
            json,
        } => {
            let m = app
                .add_team_member(&TeamInput { name, email, role })
                .await?;
            if json {
                output::json(&m)?;
            } else {
                crate::out!(
                    "added team member {} ({}) with id {}",
                    m.name,
                    m.email,
                    m.id
                );
            }
        }
        Cmd::List { json } => {
            let team = app.team().await?;
            if json {
                output::json(&team)?;
            } else {
                let mut t = output::table(&["id", "name", "email", "role"]);
                for m in &team {
                    t.add_row(vec![
                        m.id.to_string(),
                        m.name.clone(),
                        m.email.clone(),
                        m.role.clone(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::Tz(_) => unreachable!("handled above"),
    }
    Ok(ExitCode::SUCCESS)
}
