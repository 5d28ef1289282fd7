//! `candor outbox list|show|send|discard`: drafted mail waiting as `.eml`, sent over SMTP (settings
//! from `CANDOR_SMTP_*`, the password never printed); a failed send keeps the draft.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::{App, OutboxMessage, SmtpSettings};
use clap::Subcommand;
use std::process::ExitCode;

/// Outbox subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Drafted, sent, failed and discarded messages.
    #[command(
        after_help = "Examples:\n  candor outbox list\n  candor outbox list --status failed --json"
    )]
    List {
        /// Only these: draft, sent, failed (drafts whose last send failed) or discarded.
        #[arg(long)]
        status: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// One message: its headers and text, or the whole `.eml`.
    #[command(
        after_help = "Examples:\n  candor outbox show 3\n  candor outbox show 3 --eml > draft.eml"
    )]
    Show {
        /// Outbox message id.
        id: i64,
        /// Print the message exactly as it will be sent (RFC 5322).
        #[arg(long, conflicts_with = "json")]
        eml: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Send one draft, or every draft, over SMTP.
    #[command(after_help = SEND_HELP)]
    Send {
        /// Outbox message id.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<i64>,
        /// Send every draft.
        #[arg(long)]
        all: bool,
        /// Resend a message left `sending` by a send that never finished (check first that the
        /// recipient did not get it).
        #[arg(long, conflicts_with = "all")]
        interrupted: bool,
    },
    /// Drop a draft (it stays listed as discarded; a composed draft's record status follows).
    #[command(after_help = "Example:\n  candor outbox discard 3")]
    Discard {
        /// Outbox message id.
        id: i64,
    },
}

const SEND_HELP: &str = concat!(
    "Examples:\n  CANDOR_SMTP_HOST=smtp.example.net CANDOR_SMTP_USER=maya \\\n    ",
    "CANDOR_SMTP_PASSWORD_FILE=~/.candor-smtp candor outbox send 3\n  candor outbox send --all\n\n",
    "SMTP settings come from the environment: CANDOR_SMTP_HOST, CANDOR_SMTP_PORT (default 587,\n",
    "or 465 with tls), CANDOR_SMTP_SECURITY (starttls, tls or none), CANDOR_SMTP_USER, and\n",
    "CANDOR_SMTP_PASSWORD or CANDOR_SMTP_PASSWORD_FILE (a file holding only the password).\n",
    "The sender is CANDOR_MAIL_FROM (\"Name <address>\"), else the signing team member.\n",
    "A message the server refuses stays a draft; the server's answer is printed (exit 1)."
);

/// Runs `candor outbox …`.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::List { status, json } => {
            let list = app.outbox_list(status.as_deref()).await?;
            if json {
                output::json(&list)?;
            } else if list.is_empty() {
                crate::out!("the outbox is empty");
            } else {
                table(&app, &list).await?;
            }
        }
        Cmd::Show { id, eml, json } => {
            let m = app.outbox_message(id).await?;
            if eml {
                crate::out!("{}", m.eml.trim_end_matches("\r\n"));
            } else if json {
                output::json(&m)?;
            } else {
                show(&m);
            }
        }
        Cmd::Send {
            id,
            all,
            interrupted,
        } => return send(&app, id, all, interrupted).await,
        Cmd::Discard { id } => {
            let m = app.outbox_discard(id).await?;
            crate::out!("outbox message {} discarded: {}", m.id, m.subject);
            if let Some(r) = m.draft_record_id {
                crate::out!("record entry {r} is now a discarded draft");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn send(app: &App, id: Option<i64>, all: bool, interrupted: bool) -> Result<ExitCode> {
    let smtp = SmtpSettings::from_vars(|k| std::env::var(k).ok())?;
    let ids: Vec<i64> = if all {
        app.outbox_list(Some("draft"))
            .await?
            .iter()
            .map(|m| m.id)
            .collect()
    } else {
        id.into_iter().collect()
    };
    if ids.is_empty() {
        crate::out!("no drafts to send");
        return Ok(ExitCode::SUCCESS);
    }
    let mut failed = 0;
    for id in ids {
        match app.outbox_send(id, &smtp, interrupted).await {
            Ok(m) => crate::out!(
                "sent outbox message {} to {} (record entry {})",
                m.id,
                m.recipients.join(", "),
                output::or_dash(&m.record_id)
            ),
            Err(e) if all => {
                failed += 1;
                eprintln!("candor: {e}");
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

async fn table(app: &App, list: &[OutboxMessage]) -> Result<()> {
    let clients = app.clients().await?;
    let mut t = output::table(&[
        "id",
        "status",
        "kind",
        "client",
        "to",
        "subject",
        "last error",
    ]);
    for m in list {
        let client = clients
            .iter()
            .find(|c| c.id == m.client_id)
            .map_or_else(|| m.client_id.to_string(), |c| c.name.clone());
        t.add_row(vec![
            m.id.to_string(),
            m.status.clone(),
            m.kind.clone(),
            client,
            m.recipients.join(", "),
            m.subject.clone(),
            output::or_dash(&m.last_error),
        ]);
    }
    crate::out!("{t}");
    Ok(())
}

fn show(m: &OutboxMessage) {
    crate::out!("outbox message {} ({}, {})", m.id, m.status, m.kind);
    crate::out!("To: {}", m.recipients.join(", "));
    crate::out!("Subject: {}", m.subject);
    crate::out!("Drafted: {}", m.created_at);
    if let Some(s) = &m.sent_at {
        crate::out!("Sent: {s} (record entry {})", output::or_dash(&m.record_id));
    }
    if let Some(w) = &m.week {
        crate::out!("Week of: {w}");
    }
    if let Some(e) = &m.last_error {
        crate::out!("Last attempt failed: {e}");
    }
    crate::out!("\n{}", m.body.trim_end());
}
