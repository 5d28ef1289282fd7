//! `candor client add|list|show|edit`: the clients we answer to.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::{ClientEdit, ClientInput};
use clap::Subcommand;
use std::process::ExitCode;

/// Client subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a client.
    #[command(
        after_help = "Example:\n  candor client add --name \"Bakkerij Van Dijk\" --language nl --country NL \\\n    --time-zone Europe/Amsterdam --domain bakkerijvandijk.nl \\\n    --key-date \"opening Utrecht=2027-03-01\" --goals \"Online bestellen in alle vestigingen\""
    )]
    Add {
        /// Unique name.
        #[arg(long)]
        name: String,
        /// Language we write in: en, nl, nb or bn.
        #[arg(long)]
        language: String,
        /// ISO country code (holidays, formatting).
        #[arg(long)]
        country: String,
        /// IANA time zone.
        #[arg(long)]
        time_zone: String,
        /// The client's goals, in their words.
        #[arg(long, default_value = "")]
        goals: String,
        /// A date that matters to the client: LABEL=YYYY-MM-DD (repeatable).
        #[arg(long = "key-date")]
        key_dates: Vec<String>,
        /// An email domain of the client (repeatable).
        #[arg(long = "domain")]
        domains: Vec<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List clients.
    #[command(after_help = "Example:\n  candor client list --json")]
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show one client with contacts and projects.
    #[command(after_help = "Example:\n  candor client show \"Fjordlys AS\" --json")]
    Show {
        /// Name or id.
        client: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Change a client.
    #[command(
        after_help = "Example:\n  candor client edit \"Fjordlys AS\" --add-key-date \"board meeting=2027-02-10\" --language nb"
    )]
    Edit {
        /// Name or id.
        client: String,
        /// New name.
        #[arg(long)]
        name: Option<String>,
        /// New language.
        #[arg(long)]
        language: Option<String>,
        /// New country.
        #[arg(long)]
        country: Option<String>,
        /// New time zone.
        #[arg(long)]
        time_zone: Option<String>,
        /// New goals.
        #[arg(long)]
        goals: Option<String>,
        /// Add a key date LABEL=YYYY-MM-DD (repeatable).
        #[arg(long = "add-key-date")]
        add_key_dates: Vec<String>,
        /// Remove the key date with this label (repeatable).
        #[arg(long = "remove-key-date")]
        remove_key_dates: Vec<String>,
        /// Add an email domain (repeatable).
        #[arg(long = "add-domain")]
        add_domains: Vec<String>,
        /// Remove an email domain (repeatable).
        #[arg(long = "remove-domain")]
        remove_domains: Vec<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a client subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            name,
            language,
            country,
            time_zone,
            goals,
            key_dates,
            domains,
            json,
        } => {
            let input = ClientInput {
                name,
                language,
                country,
                time_zone,
                goals,
                key_dates,
                domains,
            };
            let c = app.add_client(&input).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("added client {} with id {}", c.name, c.id);
            }
        }
        Cmd::List { json } => {
            let clients = app.clients().await?;
            if json {
                output::json(&clients)?;
            } else {
                let mut t =
                    output::table(&["id", "name", "language", "country", "time zone", "domains"]);
                for c in &clients {
                    t.add_row(vec![
                        c.id.to_string(),
                        c.name.clone(),
                        c.language.to_string(),
                        c.country.clone(),
                        c.time_zone.clone(),
                        c.email_domains.join(", "),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::Show { client, json } => {
            let v = app.client_view(&client).await?;
            if json {
                output::json(&v)?;
            } else {
                print_client(&v);
            }
        }
        Cmd::Edit {
            client,
            name,
            language,
            country,
            time_zone,
            goals,
            add_key_dates,
            remove_key_dates,
            add_domains,
            remove_domains,
            json,
        } => {
            let edit = ClientEdit {
                name,
                language,
                country,
                time_zone,
                goals,
                add_key_dates,
                remove_key_dates,
                add_domains,
                remove_domains,
            };
            let c = app.edit_client(&client, &edit).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("updated client {} (id {})", c.name, c.id);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_client(v: &candor_app::ClientView) {
    let c = &v.client;
    crate::out!("{} (id {})", c.name, c.id);
    crate::out!(
        "  language {}, country {}, time zone {}",
        c.language,
        c.country,
        c.time_zone
    );
    if !c.goals.is_empty() {
        crate::out!("  goals: {}", c.goals);
    }
    for k in &c.key_dates {
        crate::out!("  key date: {} — {}", k.date, k.label);
    }
    if !c.email_domains.is_empty() {
        crate::out!("  domains: {}", c.email_domains.join(", "));
    }
    let mut t = output::table(&["contact", "email", "phone", "channel", "language"]);
    for p in &v.contacts {
        t.add_row(vec![
            p.name.clone(),
            output::or_dash(&p.email),
            output::or_dash(&p.phone),
            p.preferred_channel.as_str().into(),
            output::or_dash(&p.language),
        ]);
    }
    crate::out!("{t}");
    let mut t = output::table(&["project", "start", "deadline", "status"]);
    for p in &v.projects {
        t.add_row(vec![
            p.name.clone(),
            p.start.to_string(),
            p.deadline.to_string(),
            p.status.as_str().into(),
        ]);
    }
    crate::out!("{t}");
}
