//! `candor report comms`: how fast clients heard bad news, whether before the deadline, and
//! the remedies given.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_core::playbook::KindSummary;
use clap::Subcommand;
use std::process::ExitCode;

/// Report subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Time from "trouble clear" to "client told", told before the deadline, remedies.
    #[command(after_help = "Example:\n  candor report comms --json")]
    Comms {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

fn hours(h: Option<f64>) -> String {
    h.map_or_else(|| "-".into(), |h| format!("{h:.1} h"))
}

fn summary_row(name: &str, s: &KindSummary) -> Vec<String> {
    vec![
        name.to_owned(),
        s.incidents.to_string(),
        s.told.to_string(),
        hours(s.median_hours_to_tell),
        hours(s.mean_hours_to_tell),
        s.told_before_deadline.to_string(),
        s.missed_deadline.to_string(),
    ]
}

/// Runs a report.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let Cmd::Comms { client, json } = cmd;
    let r = app.report_comms(client.as_deref()).await?;
    if json {
        output::json(&r)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = output::table(&[
        "kind",
        "incidents",
        "told",
        "median",
        "mean",
        "in time",
        "late",
    ]);
    t.add_row(summary_row("all", &r.summary.all));
    for (kind, s) in &r.summary.by_kind {
        t.add_row(summary_row(kind.as_str(), s));
    }
    crate::out!("{t}");
    let mut t = output::table(&[
        "incident",
        "client",
        "kind",
        "trouble clear",
        "told",
        "to tell",
        "before deadline",
    ]);
    for f in &r.incidents {
        let before = match f.figures.told_before_deadline {
            Some(true) => "yes",
            Some(false) => "no",
            None => "-",
        };
        t.add_row(vec![
            f.figures.incident_id.to_string(),
            f.client.clone(),
            f.figures.kind.to_string(),
            f.figures.trouble_since.to_string(),
            output::or_dash(&f.figures.client_told_at),
            hours(f.figures.hours_to_tell),
            before.into(),
        ]);
    }
    crate::out!("{t}");
    if !r.remedies.is_empty() {
        crate::out!("remedies given:");
        for m in &r.remedies {
            crate::out!(
                "  {} · incident {} ({}): {}",
                m.client,
                m.incident_id,
                m.kind,
                m.description
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
