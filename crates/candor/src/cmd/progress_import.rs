//! `candor progress import|sync`: progress from Jira, Linear, Asana, Trello, GitHub or a generic
//! CSV, followed by the forecast before and after.

use super::Ctx;
use crate::output;
use anyhow::{Context, Result};
use candor_app::{ProgressImportInput, ProgressImportReport, ProgressSyncInput, RiskView};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `candor progress import`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  candor progress import jira.csv --project Webwinkel --milestone-from epic --tz America/New_York --json\n  \
    candor progress import issues.json --project Webwinkel --format github --milestone-from milestone\n  \
    candor progress import board.csv --project Nettside --done-list Ferdig --done-list Levert\n\n\
    Dates are counted in the team's time zone: set it once with `candor team tz Europe/Amsterdam`."
)]
pub struct ImportArgs {
    /// The export: a CSV file, or a GitHub issues JSON array.
    pub file: PathBuf,
    /// Project name or id.
    #[arg(long)]
    pub project: String,
    /// Client, when two clients have a project of that name.
    #[arg(long)]
    pub client: Option<String>,
    /// Which tool wrote the file.
    #[arg(long, default_value = "auto", value_parser = ["auto", "jira", "linear", "asana", "trello", "github", "generic"])]
    pub format: String,
    /// Which field names the milestone an item counts toward.
    #[arg(long, value_parser = ["epic", "label", "milestone", "column"])]
    pub milestone_from: Option<String>,
    /// Time zone of the file's times written without an offset, e.g. Jira's (default: the team's).
    #[arg(long = "tz", visible_alias = "file-tz", value_name = "ZONE")]
    pub file_tz: Option<String>,
    /// The team's time zone for this import only (default: `candor team tz`, else
    /// CANDOR_TEAM_TZ, else the system's).
    #[arg(long, value_name = "ZONE")]
    pub team_tz: Option<String>,
    /// A Trello list whose cards are done; repeat for several. Replaces the defaults: Done,
    /// Completed, Complete, Finished, Shipped, Klaar, Gereed, Afgerond, Voltooid, Ferdig,
    /// Fullført, সম্পন্ন, সম্পূর্ণ.
    #[arg(long = "done-list", value_name = "NAME")]
    pub done_lists: Vec<String>,
    /// JSON output: {"items", "done", "open", "skipped", "risk_before", "risk_after"}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `candor progress sync`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  GITHUB_TOKEN=… candor progress sync --project Webwinkel --repo acme/webshop --milestone-from milestone\n  \
    candor progress sync --project Webwinkel --json"
)]
pub struct SyncArgs {
    /// Project name or id.
    #[arg(long)]
    pub project: String,
    /// Client, when two clients have a project of that name.
    #[arg(long)]
    pub client: Option<String>,
    /// GitHub repository OWNER/NAME to sync from; remembered for later syncs.
    #[arg(long)]
    pub repo: Option<String>,
    /// Which field names the milestone an item counts toward (label or milestone).
    #[arg(long, value_parser = ["label", "milestone"])]
    pub milestone_from: Option<String>,
    /// The team's time zone for this sync only (default: `candor team tz`, else
    /// CANDOR_TEAM_TZ, else the system's).
    #[arg(long, value_name = "ZONE")]
    pub team_tz: Option<String>,
    /// JSON output, as for import.
    #[arg(long)]
    pub json: bool,
}

/// Runs `candor progress import`.
pub async fn run_import(ctx: &Ctx, a: ImportArgs) -> Result<ExitCode> {
    let bytes =
        std::fs::read(&a.file).with_context(|| format!("cannot read {}", a.file.display()))?;
    let app = ctx.app().await?;
    let report = app
        .import_progress(&ProgressImportInput {
            project: a.project,
            client: a.client,
            file_name: a.file.display().to_string(),
            bytes,
            format: Some(a.format),
            milestone_from: a.milestone_from,
            file_tz: a.file_tz,
            team_tz: a.team_tz,
            done_lists: a.done_lists,
        })
        .await?;
    print(&report, a.json)
}

/// Runs `candor progress sync`.
pub async fn run_sync(ctx: &Ctx, a: SyncArgs) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let report = app
        .sync_progress(&ProgressSyncInput {
            project: a.project,
            client: a.client,
            repo: a.repo,
            milestone_from: a.milestone_from,
            team_tz: a.team_tz,
            api: None,
            token: None,
        })
        .await?;
    print(&report, a.json)
}

fn risk_line(r: &Option<RiskView>) -> String {
    match r {
        None => "no forecast".into(),
        Some(RiskView { error: Some(e), .. }) => format!("no forecast ({e})"),
        Some(v) => format!(
            "{} (P(on time) {}, P85 {}, {} left)",
            v.risk.map_or("-", |r| r.as_str()),
            v.p_on_time.map_or("-".into(), |p| format!("{p:.2}")),
            output::or_dash(&v.p85),
            v.remaining
        ),
    }
}

/// Runs `candor demo --refresh-progress`: the bundled Jira sample into the demo's Webwinkel.
pub async fn run_demo_refresh(ctx: &Ctx, json: bool) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let report = app.refresh_demo_progress().await?;
    if !json {
        crate::out!("Refreshed the demo project Webwinkel from the bundled Jira export.");
    }
    print(&report, json)
}

fn print(r: &ProgressImportReport, json: bool) -> Result<ExitCode> {
    if json {
        output::json(r)?;
        return Ok(ExitCode::SUCCESS);
    }
    let d = &r.detail;
    let source = d.source.map_or("", |s| s.label());
    crate::out!(
        "{source}: {} items read ({} done, {} open); {} new, {} changed, {} unchanged; {} progress rows written",
        r.items,
        r.done,
        r.open,
        d.inserted,
        d.updated,
        d.unchanged,
        d.writes
    );
    crate::out!("days counted in {}", d.team_zone);
    for p in &d.pages {
        match p {
            Some(n) => crate::out!("GitHub: {n} pages fetched"),
            None => crate::out!("GitHub: nothing changed since the last sync"),
        }
    }
    for s in &r.skipped {
        crate::out!("skipped line {}: {}", s.line, s.error);
    }
    for n in &d.notes {
        crate::out!("note: {n}");
    }
    crate::out!("before: {}", risk_line(&r.risk_before));
    crate::out!("after:  {}", risk_line(&r.risk_after));
    for w in &d.warnings {
        crate::out!("{w}");
    }
    Ok(ExitCode::SUCCESS)
}
