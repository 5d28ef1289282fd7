//! `candor due`: what we owe clients and by when (follow-ups), overdue first, with lateness in
//! business days; `due add` and `due done` for the hand-made ones.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::{DueItem, FollowUpInput};
use clap::Subcommand;
use std::process::ExitCode;

/// Arguments of `candor due`.
#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Example:\n  candor due\n  candor due --week --json\n  candor due add --client \"Fjordlys AS\" --title \"Send the test plan\" --in 2\n  candor due done 4"
)]
pub struct Args {
    /// Also what falls due later this week (to Sunday).
    #[arg(long)]
    week: bool,
    /// JSON output.
    #[arg(long)]
    json: bool,
    /// Add, complete or list every follow-up.
    #[command(subcommand)]
    cmd: Option<Cmd>,
}

/// Follow-up subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a follow-up by hand.
    #[command(
        after_help = "Example:\n  candor due add --client \"Fjordlys AS\" --title \"Send the test plan\" --due 2026-12-01\n  candor due add --client 2 --title \"Call Ingrid\" --in 1"
    )]
    Add {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// Project name or id.
        #[arg(long)]
        project: Option<String>,
        /// What to do.
        #[arg(long)]
        title: String,
        /// Due date (YYYY-MM-DD).
        #[arg(long, conflicts_with = "in_days")]
        due: Option<String>,
        /// Due this many business days from today.
        #[arg(long = "in", value_name = "BUSINESS_DAYS")]
        in_days: Option<u32>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Mark a follow-up done.
    #[command(after_help = "Example:\n  candor due done 4\n  candor due done 4 --on 2026-11-27")]
    Done {
        /// Follow-up id.
        id: i64,
        /// The day it was done (default today).
        #[arg(long)]
        on: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Every follow-up, open and closed, with lateness.
    #[command(after_help = "Example:\n  candor due list --client \"Fjordlys AS\" --json")]
    List {
        /// Only this client.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `candor due`.
pub async fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match args.cmd {
        None => {
            let list = app.due(args.week).await?;
            if args.json {
                output::json(&list)?;
            } else if list.items.is_empty() {
                crate::out!("nothing due up to {}", list.until);
            } else {
                table(&list.items);
            }
        }
        Some(Cmd::Add {
            client,
            project,
            title,
            due,
            in_days,
            json,
        }) => {
            let input = FollowUpInput {
                client,
                project,
                title,
                due,
                in_business_days: in_days,
            };
            let f = app.add_follow_up(&input).await?;
            if json {
                output::json(&f)?;
            } else {
                crate::out!("follow-up {} due {}", f.id, f.due);
            }
        }
        Some(Cmd::Done { id, on, json }) => {
            let f = app.complete_follow_up(id, on.as_deref()).await?;
            if json {
                output::json(&f)?;
            } else {
                crate::out!("follow-up {} done on {}", f.id, output::or_dash(&f.done_on));
            }
        }
        Some(Cmd::List { client, json }) => {
            let list = app.follow_ups(client.as_deref()).await?;
            if json {
                output::json(&list)?;
            } else {
                table(&list);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn table(items: &[DueItem]) {
    let mut t = output::table(&["id", "due", "state", "late (bd)", "client", "what"]);
    for i in items {
        t.add_row(vec![
            i.follow_up.id.to_string(),
            i.follow_up.due.to_string(),
            i.state.clone(),
            i.business_days_late.to_string(),
            i.client.clone(),
            i.follow_up.title.clone(),
        ]);
    }
    crate::out!("{t}");
}
