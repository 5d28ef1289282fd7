//! `candor contact add|list`: people at a client.

use super::Ctx;
use crate::output;
use anyhow::Result;
use candor_app::ContactInput;
use clap::Subcommand;
use std::process::ExitCode;

/// Contact subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a contact to a client.
    #[command(
        after_help = "Example:\n  candor contact add --client \"Fjordlys AS\" --name \"Ingrid Hansen\" \\\n    --email ingrid@fjordlys.no --phone \"+47 22 12 34 56\" --channel email"
    )]
    Add {
        /// Client name or id.
        #[arg(long)]
        client: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Email.
        #[arg(long)]
        email: Option<String>,
        /// Phone.
        #[arg(long)]
        phone: Option<String>,
        /// Preferred channel: call, email or in_person (default call).
        #[arg(long)]
        channel: Option<String>,
        /// Language override: en, nl, nb or bn.
        #[arg(long)]
        language: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List contacts (of one client).
    #[command(after_help = "Example:\n  candor contact list --client \"Fjordlys AS\" --json")]
    List {
        /// Client name or id.
        #[arg(long)]
        client: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a contact subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            client,
            name,
            email,
            phone,
            channel,
            language,
            json,
        } => {
            let input = ContactInput {
                client,
                name,
                email,
                phone,
                channel,
                language,
            };
            let c = app.add_contact(&input).await?;
            if json {
                output::json(&c)?;
            } else {
                crate::out!("added contact {} with id {}", c.name, c.id);
            }
        }
        Cmd::List { client, json } => {
            let contacts = app.contacts(client.as_deref()).await?;
            if json {
                output::json(&contacts)?;
            } else {
                let mut t = output::table(&["id", "client", "name", "email", "phone", "channel"]);
                for c in &contacts {
                    t.add_row(vec![
                        c.id.to_string(),
                        c.client_id.to_string(),
                        c.name.clone(),
                        output::or_dash(&c.email),
                        output::or_dash(&c.phone),
                        c.preferred_channel.as_str().into(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
