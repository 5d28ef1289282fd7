//! `candor record add|list`: the client's running folder of calls, meetings, notes, documents.

use super::Ctx;
use crate::output;
use anyhow::{Context, Result};
use candor_app::RecordInput;
use clap::Subcommand;
use std::io::Read;
use std::process::ExitCode;

/// Record subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a call note, meeting note, document reference or other entry.
    #[command(
        after_help = "Example:\n  candor record add --client \"Fjordlys AS\" --kind call --author \"Maya Jensen\" \\\n    --subject \"Weekly call\" --body \"Ingrid asked for a test version before Easter.\"\n  echo \"long notes\" | candor record add --client 2 --kind note --author Maya --subject Notes --body -"
    )]
    Add {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// Project name or id.
        #[arg(long)]
        project: Option<String>,
        /// email, call, voicemail, meeting, note or document.
        #[arg(long)]
        kind: String,
        /// in, out or internal (default: internal for notes, out otherwise).
        #[arg(long)]
        direction: Option<String>,
        /// When: YYYY-MM-DD or RFC 3339 (default now).
        #[arg(long)]
        at: Option<String>,
        /// Who wrote it or held the call.
        #[arg(long)]
        author: String,
        /// Someone involved (repeatable).
        #[arg(long = "participant")]
        participants: Vec<String>,
        /// Subject or title.
        #[arg(long, default_value = "")]
        subject: String,
        /// Body text, or - to read it from standard input.
        #[arg(long, default_value = "")]
        body: String,
        /// Where it came from (a file name, a URL).
        #[arg(long)]
        source: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List record entries in time order.
    #[command(
        after_help = "Example:\n  candor record list --client \"Fjordlys AS\" --limit 20 --json"
    )]
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// Only this project.
        #[arg(long)]
        project: Option<String>,
        /// The newest N entries.
        #[arg(long)]
        limit: Option<i64>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a record subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            client,
            project,
            kind,
            direction,
            at,
            author,
            participants,
            subject,
            mut body,
            source,
            json,
        } => {
            if body == "-" {
                body.clear();
                std::io::stdin()
                    .read_to_string(&mut body)
                    .context("cannot read the body from standard input")?;
            }
            let input = RecordInput {
                client,
                project,
                kind,
                direction,
                at,
                author,
                participants,
                subject,
                body,
                source,
            };
            let e = app.add_record(&input).await?;
            if json {
                output::json(&e)?;
            } else {
                crate::out!("added {} entry {} to the record", e.kind.as_str(), e.id);
            }
        }
        Cmd::List {
            client,
            project,
            limit,
            json,
        } => {
            let list = app
                .records(client.as_deref(), project.as_deref(), limit)
                .await?;
            if json {
                output::json(&list)?;
            } else {
                let mut t = output::table(&["id", "when", "kind", "dir", "author", "subject"]);
                for e in &list {
                    t.add_row(vec![
                        e.id.to_string(),
                        e.at.to_string(),
                        e.kind.as_str().into(),
                        e.direction.as_str().into(),
                        e.author.clone(),
                        e.subject.clone(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
