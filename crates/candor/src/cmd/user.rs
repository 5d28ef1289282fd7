//! `candor user add|list|role|password|remove|token`: web accounts (roles admin, member, viewer).

use super::Ctx;
use crate::output;
use anyhow::{Context, Result};
use candor_app::accounts::UserInput;
use clap::Subcommand;
use std::io::Read as _;
use std::process::ExitCode;

/// User subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Add a user; without a password source a strong one is generated and printed once.
    #[command(
        after_help = "Example:\n  candor user add --admin --email maya@agency.example --name \"Maya Jensen\"\n  echo 'a long passphrase' | candor user add --email jo@agency.example --name Jo --role viewer --password-stdin"
    )]
    Add {
        /// Login email.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// Role: admin, member or viewer.
        #[arg(long, default_value = "member", conflicts_with = "admin")]
        role: String,
        /// Shorthand for --role admin.
        #[arg(long)]
        admin: bool,
        /// UI language: en, nl, nb or bn.
        #[arg(long, default_value = "en")]
        language: String,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// List users.
    #[command(after_help = "Example:\n  candor user list --json")]
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Change a user's role.
    #[command(after_help = "Example:\n  candor user role 2 viewer")]
    Role {
        /// User id.
        id: i64,
        /// New role.
        role: String,
    },
    /// Set a new password (read from standard input).
    #[command(after_help = "Example:\n  echo 'a long passphrase' | candor user password 2")]
    Password {
        /// User id.
        id: i64,
    },
    /// Remove a user.
    #[command(after_help = "Example:\n  candor user remove 3")]
    Remove {
        /// User id.
        id: i64,
    },
    /// Make an API bearer token for a user (printed once).
    #[command(after_help = "Example:\n  candor user token 1 --name ci")]
    Token {
        /// User id.
        id: i64,
        /// What the token is for.
        #[arg(long)]
        name: String,
    },
}

fn stdin_password() -> Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("cannot read the password from standard input")?;
    Ok(s.trim_end_matches(['\r', '\n']).to_owned())
}

/// Runs a user subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Add {
            email,
            name,
            role,
            admin,
            language,
            password_stdin,
            json,
        } => {
            let (password, generated) = if password_stdin {
                (stdin_password()?, false)
            } else {
                (candor_app::accounts::generate_password()?, true)
            };
            let role = if admin { "admin".to_owned() } else { role };
            let input = UserInput {
                email,
                name,
                password: password.clone(),
                role: Some(role),
                language: Some(language),
            };
            let u = app.add_user(&input).await?;
            if json {
                output::json(&u)?;
            } else {
                crate::out!(
                    "added user {} <{}> as {} with id {}",
                    u.name,
                    u.email,
                    u.role.as_str(),
                    u.id
                );
            }
            if generated {
                eprintln!("password (shown once): {password}");
            }
        }
        Cmd::List { json } => {
            let users = app.users().await?;
            if json {
                output::json(&users)?;
            } else {
                let mut t = output::table(&["id", "name", "email", "role", "language"]);
                for u in &users {
                    t.add_row(vec![
                        u.id.to_string(),
                        u.name.clone(),
                        u.email.clone(),
                        u.role.as_str().into(),
                        u.language.code().into(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::Role { id, role } => {
            let u = app.set_user_role(id, &role).await?;
            crate::out!("{} is now {}", u.email, u.role.as_str());
        }
        Cmd::Password { id } => {
            let u = app.set_user_password(id, &stdin_password()?).await?;
            crate::out!("new password set for {}", u.email);
        }
        Cmd::Remove { id } => {
            app.remove_user(id).await?;
            crate::out!("removed user {id}");
        }
        Cmd::Token { id, name } => {
            let t = app.create_api_token(id, &name).await?;
            crate::out!("{}", t.secret);
            eprintln!(
                "token {} for user {id}: shown once; send it as 'Authorization: Bearer …'",
                t.token.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
