//! `candor promises scan|list|confirm|reject|evidence`: the promise register.

use super::Ctx;
use crate::output;
use anyhow::{Context, Result};
use candor_app::search::index_dir;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// Promise subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Find the promises in any text (a file, or - for standard input).
    #[command(
        after_help = "Example:\n  echo \"I'll send the draft Friday.\" | candor promises scan - --lang en --json"
    )]
    Scan {
        /// The text file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Language code (en, nl, nb, bn); detected when left out.
        #[arg(long)]
        lang: Option<String>,
        /// The day the text was written, for resolving "Friday" (default today).
        #[arg(long)]
        date: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List promise candidates found in outgoing mail.
    #[command(
        after_help = "Example:\n  candor promises list --client \"Fjordlys AS\" --status pending --json"
    )]
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// pending, confirmed or rejected.
        #[arg(long)]
        status: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Confirm a candidate: it becomes a commitment.
    #[command(after_help = "Example:\n  candor promises confirm 12")]
    Confirm {
        /// Candidate id.
        id: i64,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Reject a candidate: it was not a promise.
    #[command(after_help = "Example:\n  candor promises reject 13")]
    Reject {
        /// Candidate id.
        id: i64,
    },
    /// Assemble the dispute pack for a topic: commitments and messages as a timeline.
    #[command(
        after_help = "Example:\n  candor promises evidence --client \"Fjordlys AS\" \"mobile app\" --format html --out pack.html"
    )]
    Evidence {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// What the dispute is about.
        topic: String,
        /// markdown, html or json.
        #[arg(long, default_value = "markdown")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Runs a promises subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    if let Cmd::Scan {
        file,
        lang,
        date,
        json,
    } = &cmd
    {
        let text = crate::input::read_text(file)?;
        let found = candor_app::promises::scan_text(&text, lang.as_deref(), date.as_deref())?;
        if *json {
            output::json(&found)?;
        } else {
            for p in &found {
                crate::out!(
                    "{}..{}\t{}\t{}",
                    p.start,
                    p.end,
                    output::or_dash(&p.due),
                    p.text
                );
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let app = ctx.app().await?;
    match cmd {
        Cmd::Scan { .. } => unreachable!("handled above"),
        Cmd::List {
            client,
            status,
            json,
        } => {
            let list = app
                .promise_candidates(client.as_deref(), status.as_deref())
                .await?;
            if json {
                let rows: Vec<_> = list.iter().map(candidate_json).collect();
                output::json(&rows)?;
            } else {
                let mut t = output::table(&["id", "status", "when", "who", "due", "promise"]);
                for c in &list {
                    t.add_row(vec![
                        c.id.to_string(),
                        c.status.clone(),
                        c.made_at.to_string(),
                        c.made_by.clone(),
                        output::or_dash(&c.due),
                        c.text.clone(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::Confirm { id, json } => {
            let c = app.confirm_promise(id).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("promise {id} confirmed as commitment {}", c.id);
            }
        }
        Cmd::Reject { id } => {
            app.reject_promise(id).await?;
            crate::out!("promise {id} rejected");
        }
        Cmd::Evidence {
            client,
            topic,
            format,
            out,
        } => {
            let pack = app.evidence(&index_dir(ctx.db()), &client, &topic).await?;
            let text = match format.as_str() {
                "markdown" | "md" => pack.to_markdown(),
                "html" => pack.to_html(),
                "json" => serde_json::to_string_pretty(&pack)?,
                other => anyhow::bail!(candor_core::ValidationError::new(
                    "format",
                    other,
                    "expected markdown, html or json"
                )),
            };
            match out {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => crate::out!("{text}"),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON shape of a candidate in `promises list --json`.
#[derive(serde::Serialize)]
struct CandidateJson<'a> {
    id: i64,
    status: &'a str,
    text: &'a str,
    due: Option<String>,
    made_by: &'a str,
    made_at: String,
    subject: &'a str,
    mail_id: i64,
    record_id: Option<i64>,
    client_id: Option<i64>,
    message_id: Option<&'a str>,
    commitment_id: Option<i64>,
}

fn candidate_json(c: &candor_app::promises::PromiseCandidate) -> CandidateJson<'_> {
    CandidateJson {
        id: c.id,
        status: &c.status,
        text: &c.text,
        due: c.due.map(|d| d.to_string()),
        made_by: &c.made_by,
        made_at: c.made_at.to_string(),
        subject: &c.subject,
        mail_id: c.mail_id,
        record_id: c.record_id,
        client_id: c.client_id,
        message_id: c.message_id.as_deref(),
        commitment_id: c.commitment_id,
    }
}
