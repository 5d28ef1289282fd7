//! `candor project add|list|show`: the work we promised.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::ProjectInput;
use clap::Subcommand;
use std::process::ExitCode;

/// Project subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a project.
    #[command(
        after_help = "Example:\n  candor project add --client \"Fjordlys AS\" --name Bookingløsning \\\n    --start 2026-09-01 --deadline 2027-01-29"
    )]
    Add {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// Project name.
        #[arg(long)]
        name: String,
        /// Start date YYYY-MM-DD.
        #[arg(long)]
        start: String,
        /// Deadline YYYY-MM-DD.
        #[arg(long)]
        deadline: String,
        /// Status: active, on_hold, done, cancelled.
        #[arg(long)]
        status: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List projects with scope totals.
    #[command(after_help = "Example:\n  candor project list --client \"Fjordlys AS\" --json")]
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show a project with milestones and progress.
    #[command(after_help = "Example:\n  candor project show Webwinkel --json")]
    Show {
        /// Name or id.
        project: String,
        /// Client, when two clients have a project of that name.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a project subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            client,
            name,
            start,
            deadline,
            status,
            json,
        } => {
            let p = app
                .add_project(&ProjectInput {
                    client,
                    name,
                    start,
                    deadline,
                    status,
                })
                .await?;
            if json {
                output::json(&p)?;
            } else {
                crate::out!(
                    "added project {} with id {} (deadline {})",
                    p.name,
                    p.id,
                    p.deadline
                );
            }
        }
        Cmd::List { client, json } => {
            let list = app.projects(client.as_deref()).await?;
            if json {
                output::json(&list)?;
            } else {
                let mut t = output::table(&[
                    "id",
                    "client",
                    "project",
                    "start",
                    "deadline",
                    "status",
                    "done",
                    "remaining",
                ]);
                for s in &list {
                    t.add_row(vec![
                        s.project.id.to_string(),
                        s.client.clone(),
                        s.project.name.clone(),
                        s.project.start.to_string(),
                        s.project.deadline.to_string(),
                        s.project.status.as_str().into(),
                        s.scope.done.to_string(),
                        s.scope.remaining.to_string(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::Show {
            project,
            client,
            json,
        } => {
            let v = app.project_view(&project, client.as_deref()).await?;
            if json {
                output::json(&v)?;
            } else {
                let p = &v.project;
                crate::out!(
                    "{} for {} (id {}), {} → {}, {}",
                    p.name,
                    v.client,
                    p.id,
                    p.start,
                    p.deadline,
                    p.status.as_str()
                );
                crate::out!(
                    "  scope: {} planned + {} added, {} done, {} remaining",
                    v.scope.planned,
                    v.scope.added,
                    v.scope.done,
                    v.scope.remaining
                );
                let mut t = output::table(&["milestone", "due", "scope"]);
                for m in &v.milestones {
                    t.add_row(vec![
                        m.title.clone(),
                        m.due.to_string(),
                        m.scope.to_string(),
                    ]);
                }
                crate::out!("{t}");
                crate::out!(
                    "  {} progress entries; latest: {}",
                    v.progress.len(),
                    v.progress
                        .iter()
                        .map(|e| e.date)
                        .max()
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "none".into())
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
