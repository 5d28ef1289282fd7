//! `candor commitment add|list|set-status`: what we promised, and whether we kept it.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::CommitmentInput;
use clap::Subcommand;
use std::process::ExitCode;

/// Commitment subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Record a commitment made to a client.
    #[command(
        after_help = "Example:\n  candor commitment add --client \"Fjordlys AS\" --text \"Booking live before the summer season\" \\\n    --made-by \"Maya Jensen\" --made-at 2026-09-01 --due 2027-05-01 --source \"clause:Agreement §4\""
    )]
    Add {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// Project name or id.
        #[arg(long)]
        project: Option<String>,
        /// What was promised.
        #[arg(long)]
        text: String,
        /// Who promised it.
        #[arg(long)]
        made_by: String,
        /// When (default today).
        #[arg(long)]
        made_at: Option<String>,
        /// Where it is written: record:ID, message-id:<ID> or clause:TEXT.
        #[arg(long)]
        source: Option<String>,
        /// Due date.
        #[arg(long)]
        due: Option<String>,
        /// Status (default open).
        #[arg(long)]
        status: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List commitments.
    #[command(after_help = "Example:\n  candor commitment list --client \"Fjordlys AS\" --json")]
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Change a commitment's status.
    #[command(after_help = "Example:\n  candor commitment set-status 3 kept")]
    SetStatus {
        /// Commitment id.
        id: i64,
        /// open, kept, at_risk, broken, withdrawn or renegotiated.
        status: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a commitment subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            client,
            project,
            text,
            made_by,
            made_at,
            source,
            due,
            status,
            json,
        } => {
            let input = CommitmentInput {
                client,
                project,
                text,
                made_by,
                made_at,
                source,
                due,
                status,
            };
            let c = app.add_commitment(&input).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("recorded commitment {}: {}", c.id, c.text);
            }
        }
        Cmd::List { client, json } => {
            let list = app.commitments(client.as_deref()).await?;
            if json {
                output::json(&list)?;
            } else {
                let mut t = output::table(&[
                    "id", "client", "text", "made by", "made at", "due", "status",
                ]);
                for c in &list {
                    t.add_row(vec![
                        c.id.to_string(),
                        c.client_id.to_string(),
                        c.text.clone(),
                        c.made_by.clone(),
                        c.made_at.to_string(),
                        output::or_dash(&c.due),
                        c.status.as_str().into(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::SetStatus { id, status, json } => {
            let c = app.set_commitment_status(id, &status).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("commitment {} is now {}", c.id, c.status.as_str());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
