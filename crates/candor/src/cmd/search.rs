//! `candor search QUERY`: find mail by words, "phrases", from:, to:, client:, before:, after:.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::search::index_dir;
use std::process::ExitCode;

/// Search arguments.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor search '\"mobile app\" from:ana@studio.example after:2026-01-01'\n  candor search বন্ধু --client \"Dhaka Traders\" --json\n\nOperators: \"phrase\", from:, to:, client:, before:YYYY-MM-DD, after:YYYY-MM-DD"
)]
pub struct Args {
    /// The query.
    query: String,
    /// Only this client's mail (name or id).
    #[arg(long)]
    client: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// Runs a search.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    let hits = app
        .search_mail(&index_dir(ctx.db()), &a.query, a.client.as_deref(), a.limit)
        .await?;
    if a.json {
        output::json(&hits)?;
    } else {
        let mut t = output::table(&["record", "date", "from", "subject", "snippet"]);
        for h in &hits {
            t.add_row(vec![
                output::or_dash(&h.record_id),
                h.date.clone(),
                h.from.clone(),
                h.subject.clone(),
                h.snippet.clone(),
            ]);
        }
        crate::out!("{t}");
    }
    Ok(ExitCode::SUCCESS)
}
