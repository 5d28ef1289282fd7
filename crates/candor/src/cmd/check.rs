//! `candor check`: does a message say what it must, and nothing it must not? Prints findings as
//! text or JSON Lines; exit 1 when any error-severity finding, 2 for usage or input errors.

use super::Ctx;
use anyhow::{Context, Result};
use candor_app::check::{CheckSetup, build_checker, check_text};
use candor_text::print::{render_json, render_text};
use clap::ValueEnum;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// file:line:col, rule, message, suggestion (colour on a terminal).
    Text,
    /// One JSON object per input (JSON Lines).
    Json,
}

/// Arguments of `candor check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor check draft.txt --type delay_email\n  \
    echo 'Sorry, Jared forgot the files.' | candor check - --format json\n  \
    candor check mails/*.txt --lang nb --internal-term Jira\n\n\
    Message types: call_request, call_script, voicemail, delay_email, mistake_email, walk_back_email,\n  \
    follow_up_summary, transition_checkin, weekly_checkin, retrospective_doc\n\
    Exit codes: 0 no error finding, 1 an error finding, 2 usage or input error."
)]
pub struct Args {
    /// Files to check; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Language: auto (detect per message), en, nl, nb or bn.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Message type whose required elements must be present.
    #[arg(long = "type", value_name = "MESSAGE_TYPE")]
    pub message_type: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// An internal term the client must not see (repeatable; also CANDOR_INTERNAL_TERMS, comma-separated).
    #[arg(long = "internal-term", value_name = "TERM")]
    pub internal_terms: Vec<String>,
    /// Folder of language packs (`<code>/checker/*.toml`) replacing or adding to the built-in ones.
    #[arg(long, env = "CANDOR_LANG_DIR", value_name = "DIR")]
    pub lang_dir: Option<PathBuf>,
    /// Do not read the team roster from the workspace database.
    #[arg(long)]
    pub no_db: bool,
}

/// Runs `candor check`.
pub async fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let mut internal_terms = args.internal_terms.clone();
    if let Ok(env) = std::env::var("CANDOR_INTERNAL_TERMS") {
        internal_terms.extend(
            env.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        );
    }
    let setup = CheckSetup {
        internal_terms,
        lang_dir: args.lang_dir.clone(),
    };
    let checker = match workspace_exists(ctx.db()) && !args.no_db {
        true => ctx.app().await?.checker(&setup).await?,
        false => build_checker(Vec::new(), &setup)?,
    };
    let lang = (args.lang != "auto").then_some(args.lang.as_str());
    let inputs = if args.files.is_empty() {
        vec!["-".to_owned()]
    } else {
        args.files.clone()
    };
    let color = args.format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let mut any_error = false;
    for path in &inputs {
        let text = crate::input::read_text(path)?;
        let report = check_text(&checker, &text, lang, args.message_type.as_deref())
            .with_context(|| format!("cannot check {path}"))?;
        any_error |= report.has_errors();
        match args.format {
            Format::Json => crate::out!("{}", render_json(&report, path)),
            Format::Text => crate::out!("{}", render_text(&report, path, &text, color).trim_end()),
        }
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether a workspace database is there to read the roster from (never creates one).
fn workspace_exists(url: &str) -> bool {
    match url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        Some(path) => {
            let path = path.split('?').next().unwrap_or(path);
            path != ":memory:" && std::path::Path::new(path).exists()
        }
        None => true,
    }
}
