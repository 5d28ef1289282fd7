//! `candor record add|list|show|verify`: the client's running folder of calls, meetings, notes,
//! documents, and the check that nobody rewrote it.

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
        /// This entry corrects entry ID (which stays unchanged in the record).
        #[arg(long, value_name = "ID")]
        corrects: Option<i64>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show one entry with its hash-chain fields.
    #[command(after_help = "Example:\n  candor record show 12 --json")]
    Show {
        /// Entry id.
        id: i64,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Check the record's hash chains: exit 0 when intact, 1 naming the first broken entry.
    #[command(
        after_help = "Example:\n  candor record verify\n  candor record verify --client \"Fjordlys AS\" --json"
    )]
    Verify {
        /// Only this client's chain.
        #[arg(long)]
        client: Option<String>,
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
            corrects,
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
            match corrects {
                None => {
                    let e = app.add_record(&input).await?;
                    if json {
                        output::json(&e)?;
                    } else {
                        crate::out!("added {} entry {} to the record", e.kind.as_str(), e.id);
                    }
                }
                Some(old) => {
                    let e = app.add_correction(old, &input).await?;
                    if json {
                        output::json(&e)?;
                    } else {
                        crate::out!("added entry {} correcting entry {old}", e.entry.id);
                    }
                }
            }
        }
        Cmd::Show { id, json } => show(&app.record_entry(id).await?, json)?,
        Cmd::Verify { client, json } => {
            return verify(&app.verify_records(client.as_deref()).await?, json);
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

fn show(e: &candor_app::SealedRecord, json: bool) -> Result<()> {
    if json {
        return output::json(e);
    }
    let r = &e.entry;
    crate::out!(
        "entry {} · client {} · {} {} · {}",
        r.id,
        r.client_id,
        r.kind.as_str(),
        r.direction.as_str(),
        r.at
    );
    crate::out!("author: {}\nsubject: {}", r.author, r.subject);
    if let Some(c) = e.corrects {
        crate::out!("corrects entry {c}");
    }
    crate::out!(
        "prev hash: {}\nhash:      {}\n\n{}",
        e.prev_hash,
        e.hash,
        r.body
    );
    Ok(())
}

fn verify(chains: &[candor_app::ChainStatus], json: bool) -> Result<ExitCode> {
    let broken: Vec<_> = chains.iter().filter_map(|c| c.broken.as_ref()).collect();
    if json {
        output::json(&chains)?;
    } else {
        for c in chains {
            match &c.broken {
                None => crate::out!(
                    "client {}: {} entries intact, head {}",
                    c.client_id,
                    c.entries,
                    c.head
                ),
                Some(b) => crate::out!(
                    "client {}: BROKEN at entry {}: {}",
                    c.client_id,
                    b.entry_id,
                    b.reason
                ),
            }
        }
    }
    if let Some(first) = broken.iter().min_by_key(|b| b.entry_id) {
        eprintln!(
            "candor: the record was changed: first broken entry is {} (client {})",
            first.entry_id, first.client_id
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
