//! `candor forecast`: when will each project and milestone be done, and how likely on time?

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::{ForecastQuery, ForecastRow};
use std::process::ExitCode;

/// Forecast options shared with `candor risks`.
#[derive(Debug, Clone, clap::Args)]
pub struct ModelArgs {
    /// Only this project (name or id); default: every active project.
    #[arg(long)]
    pub project: Option<String>,
    /// Client, when two clients have a project of that name.
    #[arg(long)]
    pub client: Option<String>,
    /// Simulated futures.
    #[arg(long, default_value_t = 10_000)]
    pub trials: u32,
    /// Random seed; the same seed and data give the same forecast (default: a fresh seed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Forecast as of this day (default today); later progress is ignored.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Business days of recorded throughput to sample from.
    #[arg(long, default_value_t = 30)]
    pub window: u32,
    /// Also sample the items added per day (scope growth).
    #[arg(long)]
    pub scope_growth: bool,
    /// P(on time) at or above this is on track.
    #[arg(long, env = "CANDOR_ON_TRACK", default_value_t = 0.8)]
    pub on_track: f64,
    /// P(on time) at or above this is at risk; below it, off track.
    #[arg(long, env = "CANDOR_AT_RISK", default_value_t = 0.5)]
    pub at_risk: f64,
}

impl ModelArgs {
    /// The app-level query.
    pub fn query(&self) -> ForecastQuery {
        ForecastQuery {
            project: self.project.clone(),
            client: self.client.clone(),
            trials: Some(self.trials),
            seed: self.seed,
            as_of: self.as_of.clone(),
            window: Some(self.window),
            scope_growth: self.scope_growth,
            on_track: Some(self.on_track),
            at_risk: Some(self.at_risk),
        }
    }
}

/// Arguments of `candor forecast`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  candor forecast --json\n  \
    candor forecast --project Webwinkel --trials 20000 --seed 7 --as-of 2026-11-25\n\n\
    Model: for each business day after the as-of date, draw that day's throughput from the last\n\
    --window business days of logged progress (days without an entry count as 0); done on the\n\
    first business day the drawn items reach the remaining work. P50/P85/P95 are the days by\n\
    which that share of simulated futures is done. Business days exclude the weekends and\n\
    holidays of the client's and the team's countries and company days off.")]
pub struct Args {
    /// Model options.
    #[command(flatten)]
    pub model: ModelArgs,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Runs the forecast and prints it.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let rows = app.forecast(&a.model.query()).await?;
    if a.json {
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = output::table(&[
        "project",
        "milestone",
        "left",
        "deadline",
        "P50",
        "P85",
        "P95",
        "P(on time)",
        "risk",
    ]);
    for r in &rows {
        t.add_row(cells(r));
    }
    crate::out!("{t}");
    print_notes(&rows);
    if let Some(r) = rows.first() {
        crate::out!(
            "as of {}, seed {} (pass --seed to reproduce)",
            r.as_of,
            r.seed
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints errors and notes under the table; a note every row shares is printed once.
fn print_notes(rows: &[ForecastRow]) {
    let shared = |line: &String| rows.iter().all(|r| r.notes.contains(line));
    for r in rows {
        let what = r.milestone.as_deref().unwrap_or("whole project");
        for line in r.error.iter().chain(r.notes.iter().filter(|l| !shared(l))) {
            crate::out!("{} / {what}: {line}", r.project);
        }
    }
    for line in rows.first().map(|r| r.notes.as_slice()).unwrap_or_default() {
        if shared(line) {
            crate::out!("note: {line}");
        }
    }
}

/// A table row for one forecast.
pub fn cells(r: &ForecastRow) -> Vec<String> {
    vec![
        r.project.clone(),
        output::or_dash(&r.milestone),
        r.remaining.to_string(),
        r.deadline.to_string(),
        output::or_dash(&r.p50),
        output::or_dash(&r.p85),
        output::or_dash(&r.p95),
        r.p_on_time
            .map_or_else(|| "-".into(), |p| format!("{p:.2}")),
        output::or_dash(&r.risk),
    ]
}
