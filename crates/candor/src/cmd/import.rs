//! `candor import PATH…`: bring mbox, Maildir and .eml archives into the client record.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::search::index_dir;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Import arguments.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor import ~/mail/archive.mbox.gz ~/Maildir/acme --json\n  candor import export.eml --client \"Fjordlys AS\"\n  candor import --unassigned\n  candor import --assign 42 --client \"Fjordlys AS\""
)]
pub struct Args {
    /// mbox files (also .gz), Maildir folders, .eml files or folders of them.
    #[arg(required_unless_present_any = ["unassigned", "assign"])]
    paths: Vec<PathBuf>,
    /// Put every imported message with this client (name or id); with --assign, the client.
    #[arg(long)]
    client: Option<String>,
    /// List mail that matched no client.
    #[arg(long, conflicts_with_all = ["paths", "assign"])]
    unassigned: bool,
    /// Assign this unassigned mail id to --client.
    #[arg(
        long,
        value_name = "MAIL_ID",
        requires = "client",
        conflicts_with = "paths"
    )]
    assign: Option<i64>,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// Runs the import.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    if a.unassigned {
        let list = app.unassigned_mail(i64::MAX).await?;
        if a.json {
            output::json(&list)?;
        } else {
            let mut t = output::table(&["mail id", "date", "from", "subject"]);
            for m in &list {
                t.add_row(vec![
                    m.mail_id.to_string(),
                    m.date.clone(),
                    m.from.clone(),
                    m.subject.clone(),
                ]);
            }
            crate::out!("{t}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let (Some(id), Some(client)) = (a.assign, &a.client) {
        let e = app.assign_mail(id, client).await?;
        if a.json {
            output::json(&e)?;
        } else {
            crate::out!("mail {id} assigned; record entry {}", e.id);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let bar = (std::io::stderr().is_terminal() && !a.json).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_message("importing");
        b
    });
    let mut progress = |s: &candor_app::ImportSummary| {
        if let Some(b) = &bar {
            b.set_message(format!(
                "{} read, {} imported, {} duplicates, {} failed",
                s.read,
                s.imported,
                s.duplicates,
                s.failed.len()
            ));
            b.tick();
        }
    };
    let summary = app
        .import_mail(
            &a.paths,
            a.client.as_deref(),
            &index_dir(ctx.db()),
            &mut progress,
        )
        .await?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if a.json {
        output::json(&summary)?;
    } else {
        crate::out!(
            "{} read, {} imported, {} duplicates, {} failed",
            summary.read,
            summary.imported,
            summary.duplicates,
            summary.failed.len()
        );
        for f in &summary.failed {
            crate::out!("  {}: {}", f.source, f.error);
        }
    }
    Ok(ExitCode::SUCCESS)
}
