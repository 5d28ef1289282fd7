//! `candor calendar export` and `candor calendar feed create|list|revoke`: follow-ups and weekly
//! check-ins as an iCalendar file, or as a revocable address a calendar app subscribes to.

use crate::output;
use anyhow::{Context, Result};
use candor_app::App;
use clap::Subcommand;
use std::path::PathBuf;

/// Arguments of `candor calendar export`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  candor calendar export --out followups.ics\n  \
    candor calendar export --client \"Fjordlys AS\" --tz Europe/Oslo --out fjordlys.ics\n\n\
    Open follow-ups are placed at 09:00 on their due day and weekly check-ins at 10:00 on the\n\
    Monday of their week, in --tz, else the team's time zone (candor team tz, CANDOR_TEAM_TZ, the\n\
    system's)."
)]
pub struct ExportArgs {
    /// Write here (default: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Only this client's follow-ups and check-ins.
    #[arg(long)]
    client: Option<String>,
    /// Time zone for the entries (IANA name such as Europe/Amsterdam).
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
}

/// Calendar feed subcommands.
#[derive(Debug, Subcommand)]
pub enum FeedCmd {
    /// Make a feed address for a calendar app to subscribe to (shown once).
    #[command(
        after_help = "Example:\n  candor calendar feed create --label \"Maya's phone\"\n  \
        candor calendar feed create --label \"Fjordlys only\" --client \"Fjordlys AS\" --json\n\n\
        The address is /calendar/<token>.ics on the server started by candor serve; prefix it\n\
        with --base-url to print it whole."
    )]
    Create {
        /// What the feed is for.
        #[arg(long)]
        label: String,
        /// Only this client's entries.
        #[arg(long)]
        client: Option<String>,
        /// The web app's address, e.g. https://candor.example.com.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Every feed (never its token).
    #[command(after_help = "Example:\n  candor calendar feed list --json")]
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Revoke a feed: its address answers 404 from now on.
    #[command(after_help = "Example:\n  candor calendar feed revoke 2")]
    Revoke {
        /// Feed id.
        id: i64,
    },
}

/// Runs `candor calendar export`.
pub async fn export(app: &App, a: ExportArgs) -> Result<()> {
    let ics = app
        .calendar_ics(a.client.as_deref(), a.tz.as_deref())
        .await?;
    match &a.out {
        Some(path) => {
            std::fs::write(path, &ics.text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "candor: wrote {} ({} follow-ups, {} weekly check-ins, time zone {})",
                path.display(),
                ics.follow_ups,
                ics.checkins,
                ics.zone
            );
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(ics.text.as_bytes())
                .unwrap_or_else(|e| output::stdout_failed(e));
        }
    }
    Ok(())
}

/// Runs `candor calendar feed …`.
pub async fn feed(app: &App, cmd: FeedCmd) -> Result<()> {
    match cmd {
        FeedCmd::Create {
            label,
            client,
            base_url,
            json,
        } => {
            let f = app.create_calendar_feed(&label, client.as_deref()).await?;
            let path = format!("/calendar/{}.ics", f.token);
            let url = match base_url {
                Some(b) => format!("{}{path}", b.trim_end_matches('/')),
                None => path,
            };
            if json {
                let mut v = serde_json::to_value(&f)?;
                v["url"] = url.into();
                output::json(&v)?;
            } else {
                crate::out!("calendar feed {} ({})", f.feed.id, f.feed.label);
                crate::out!("{url}");
                eprintln!(
                    "candor: the address is shown only now; revoke it with candor calendar feed revoke {}",
                    f.feed.id
                );
            }
        }
        FeedCmd::List { json } => {
            let feeds = app.calendar_feeds().await?;
            if json {
                output::json(&feeds)?;
            } else {
                let mut t = output::table(&["id", "label", "client", "created", "revoked"]);
                for f in feeds {
                    t.add_row(vec![
                        f.id.to_string(),
                        f.label,
                        output::or_dash(&f.client_id),
                        f.created_at,
                        output::or_dash(&f.revoked_at),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        FeedCmd::Revoke { id } => {
            let f = app.revoke_calendar_feed(id).await?;
            crate::out!("calendar feed {} ({}) revoked", f.id, f.label);
        }
    }
    Ok(())
}
