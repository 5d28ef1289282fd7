//! `candor progress log|list`: what got done, day by day, and which entries logged by hand an
//! import supersedes.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::ProgressInput;
use clap::Subcommand;
use std::process::ExitCode;

/// One line of `progress list --json`: the entry, and whether an import supersedes it.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    entry: &'a candor_core::ProgressEntry,
    /// Logged by hand toward work an import now tracks: kept, not counted.
    superseded: bool,
}

/// Progress subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Log a day's progress.
    #[command(
        after_help = "Example:\n  candor progress log --project Webwinkel --done 3 --added 1 --date 2026-11-24"
    )]
    Log {
        /// Project name or id.
        #[arg(long)]
        project: String,
        /// Client, when two clients have a project of that name.
        #[arg(long)]
        client: Option<String>,
        /// Milestone title the work counted toward.
        #[arg(long)]
        milestone: Option<String>,
        /// Day (default today).
        #[arg(long)]
        date: Option<String>,
        /// Items finished.
        #[arg(long, default_value = "0")]
        done: String,
        /// Items added to the scope.
        #[arg(long, default_value = "0")]
        added: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Import progress from a Jira, Linear, Asana, Trello, GitHub or generic export.
    Import(super::progress_import::ImportArgs),
    /// Sync progress from the project's GitHub repository.
    Sync(super::progress_import::SyncArgs),
    /// List a project's progress log.
    #[command(after_help = "Example:\n  candor progress list --project Webwinkel --json")]
    List {
        /// Project name or id.
        #[arg(long)]
        project: String,
        /// Client, when two clients have a project of that name.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a progress subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let cmd = match cmd {
        Cmd::Import(a) => return super::progress_import::run_import(ctx, a).await,
        Cmd::Sync(a) => return super::progress_import::run_sync(ctx, a).await,
        other => other,
    };
    let app = ctx.app().await?;
    match cmd {
        Cmd::Log {
            project,
            client,
            milestone,
            date,
            done,
            added,
            json,
        } => {
            let e = app
                .log_progress(&ProgressInput {
                    project,
                    client,
                    milestone,
                    date,
                    done,
                    added,
                })
                .await?;
            if json {
                output::json(&e)?;
            } else {
                crate::out!(
                    "logged {} done, {} added on {} (entry {})",
                    e.done,
                    e.added,
                    e.date,
                    e.id
                );
                if app.superseded_progress(e.project_id).await?.contains(&e.id) {
                    crate::out!(
                        "note: an import now tracks this work, so this entry is kept but not \
                         counted (candor progress list marks it superseded)"
                    );
                }
                // Early warning: logging progress re-runs this project's forecast.
                for w in app.project_warnings(e.project_id).await? {
                    crate::out!(
                        "{}\n  open a delay incident: {}",
                        w.message,
                        w.incident_command
                    );
                }
            }
        }
        Cmd::List {
            project,
            client,
            json,
        } => {
            let v = app.project_view(&project, client.as_deref()).await?;
            if json {
                let rows: Vec<Listed<'_>> = v
                    .progress
                    .iter()
                    .map(|entry| Listed {
                        entry,
                        superseded: v.superseded.contains(&entry.id),
                    })
                    .collect();
                output::json(&rows)?;
            } else {
                let mut t = output::table(&["date", "done", "added", "milestone", "counted"]);
                for e in &v.progress {
                    let m = v
                        .milestones
                        .iter()
                        .find(|m| Some(m.id) == e.milestone_id)
                        .map(|m| m.title.clone());
                    t.add_row(vec![
                        e.date.to_string(),
                        e.done.to_string(),
                        e.added.to_string(),
                        output::or_dash(&m),
                        if v.superseded.contains(&e.id) {
                            "no: superseded by the import".to_owned()
                        } else {
                            "yes".to_owned()
                        },
                    ]);
                }
                crate::out!("{t}");
                if !v.superseded.is_empty() {
                    crate::out!(
                        "Entries logged by hand toward work an import now tracks stay in the log \
                         but no longer count; the import counts that work."
                    );
                }
            }
        }
        Cmd::Import(_) | Cmd::Sync(_) => unreachable!("handled above"),
    }
    Ok(ExitCode::SUCCESS)
}
