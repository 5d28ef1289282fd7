//! `candor compose`: the first draft of a playbook message, in the contact's language, from what
//! the workspace knows; to standard output or a file, and with `--save` into the client's record
//! (and an email into the outbox, where sending or discarding it settles the draft).

use super::Ctx;
use anyhow::{Context, Result};
use candor_app::{ComposeRequest, EditedText};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `candor compose`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor compose --incident 3 --type delay_email\n  \
    candor compose --incident 3 --type delay_email --lang nl --format eml --out delay.eml --save\n  \
    candor compose --project \"Customer portal\" --type weekly_checkin --format md\n  \
    candor compose --incident 3 --type delay_email --save --text edited.txt --subject \"New date\"\n\n\
    Message types: call_request, call_script, voicemail, delay_email, mistake_email, walk_back_email,\n  \
    follow_up_summary, transition_checkin, weekly_checkin (needs --project), retrospective_doc\n\
    Language: --lang, else the contact's own language, else the client's.\n\
    Templates: --templates DIR (or CANDOR_TEMPLATES) holds <code>/templates/<type>.j2 and\n  \
    <code>/composer.ftl files that replace the built-in ones."
)]
pub struct Args {
    /// Message type.
    #[arg(long = "type", value_name = "TYPE")]
    pub message_type: String,
    /// The incident the message is about.
    #[arg(long, value_name = "ID")]
    pub incident: Option<i64>,
    /// The project (for weekly_checkin), name or id.
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<String>,
    /// The client, when two clients have a project of that name.
    #[arg(long)]
    pub client: Option<String>,
    /// Write in this language (en, nl, nb, bn) instead of the contact's or client's.
    #[arg(long)]
    pub lang: Option<String>,
    /// Output: text, md or eml.
    #[arg(long, default_value = "text")]
    pub format: String,
    /// The contact to write to (name, email or id; default the client's first contact).
    #[arg(long)]
    pub contact: Option<String>,
    /// Who signs (team member name or email; default the first team member).
    #[arg(long)]
    pub from: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Keep the draft in the client's record as an outgoing entry with status draft; an email
    /// to the client also goes into the outbox (candor outbox send ID / discard ID).
    #[arg(long)]
    pub save: bool,
    /// Keep this text (a file, or - for standard input) instead of candor's draft: the draft
    /// as you edited it. Needs --save; plain text only.
    #[arg(long, value_name = "FILE", requires = "save")]
    pub text: Option<PathBuf>,
    /// The subject to keep with --text (default: candor's subject).
    #[arg(long, requires = "text")]
    pub subject: Option<String>,
    /// Folder of templates and phrases replacing the built-in ones.
    #[arg(long, env = "CANDOR_TEMPLATES", value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `candor compose`.
pub async fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let edited = match &args.text {
        Some(path) => Some(EditedText {
            subject: args.subject.clone(),
            body: crate::input::read_text(&path.to_string_lossy())?,
        }),
        None => None,
    };
    let app = ctx.app().await?;
    let outcome = app
        .compose(&ComposeRequest {
            message_type: args.message_type,
            incident: args.incident,
            project: args.project,
            client: args.client,
            lang: args.lang,
            format: Some(args.format),
            contact: args.contact,
            from: args.from,
            templates: args.templates,
            save: args.save,
            week: None,
            edited,
        })
        .await?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, &outcome.draft.output)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "candor: wrote {} ({}, {})",
                path.display(),
                outcome.draft.message_type,
                outcome.draft.lang
            );
        }
        None => crate::out!("{}", outcome.draft.output.trim_end()),
    }
    if let Some(entry) = &outcome.saved {
        eprintln!("candor: saved as record entry {} (status draft)", entry.id);
    }
    if let Some(m) = &outcome.outbox {
        eprintln!(
            "candor: in the outbox as message {id} (candor outbox send {id}, or discard {id})",
            id = m.id
        );
    }
    if let Some(why) = &outcome.not_in_outbox {
        eprintln!("candor: {why}");
    }
    Ok(ExitCode::SUCCESS)
}
