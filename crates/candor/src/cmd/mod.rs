//! The subcommands: one module each, with an `Args` struct and a `run`.

mod calendar;
mod calendar_feed;
mod check;
mod checkin;
mod client;
mod commitment;
mod completions;
mod compose;
mod contact;
mod demo;
mod due;
mod export;
mod forecast;
mod import;
mod incident;
mod init;
mod milestone;
mod outbox;
mod progress;
mod progress_import;
mod project;
mod promises;
mod record;
mod reindex;
mod remedies;
mod report;
mod risks;
mod search;
mod serve;
mod team;
mod team_tz;
mod user;

use crate::settings::Settings;
use anyhow::Result;
use candor_app::App;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// candor: see trouble early, prepare, say it well in the client's language, keep the record.
#[derive(Debug, Parser)]
#[command(name = "candor", version, about, propagate_version = true)]
#[command(
    after_help = "Example:\n  candor --db sqlite:///tmp/demo.db demo\n  candor --db sqlite:///tmp/demo.db client list"
)]
pub struct Cli {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB (default: candor.db in the data folder).
    #[arg(long, global = true, env = "CANDOR_DB", value_name = "URL")]
    pub db: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Every subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create (or migrate) the workspace database.
    Init(init::Args),
    /// Fill an empty database with a realistic demo workspace.
    Demo(demo::Args),
    /// The team roster.
    #[command(subcommand)]
    Team(team::Cmd),
    /// Clients.
    #[command(subcommand)]
    Client(client::Cmd),
    /// Contacts at clients.
    #[command(subcommand)]
    Contact(contact::Cmd),
    /// Projects.
    #[command(subcommand)]
    Project(project::Cmd),
    /// Milestones of a project.
    #[command(subcommand)]
    Milestone(milestone::Cmd),
    /// The progress log that forecasts read.
    #[command(subcommand)]
    Progress(progress::Cmd),
    /// Forecast completion dates and P(on time) for projects and milestones.
    Forecast(forecast::Args),
    /// Early warning: what to tell which client now.
    Risks(risks::Args),
    /// Business days: national holidays, company days off, the team's country.
    #[command(subcommand)]
    Calendar(calendar::Cmd),
    /// Commitments made to clients.
    #[command(subcommand)]
    Commitment(commitment::Cmd),
    /// The per-client record: call notes, meetings, documents.
    #[command(subcommand)]
    Record(record::Cmd),
    /// Incidents: the playbook for a delay, a mistake or a broken promise.
    #[command(subcommand)]
    Incident(incident::Cmd),
    /// Remedies offered to clients before (precedents for the next offer).
    Remedies(remedies::Args),
    /// Reports.
    #[command(subcommand)]
    Report(report::Cmd),
    /// Export the whole workspace.
    Export(export::ExportArgs),
    /// Restore an export into an empty database.
    ImportJson(export::ImportArgs),
    /// Check a client message for required elements and anti-patterns.
    Check(check::Args),
    /// Write the first draft of a playbook message in the client's language.
    Compose(compose::Args),
    /// Run the web app and JSON API.
    Serve(serve::Args),
    /// Web accounts: users, roles, API tokens.
    #[command(subcommand)]
    User(user::Cmd),
    /// Print shell completions.
    Completions(completions::Args),
    /// Follow-ups due and overdue (and `due add`, `due done`, `due list`).
    Due(due::Args),
    /// Import mail archives (mbox, Maildir, .eml) into the record.
    Import(import::Args),
    /// Search imported mail.
    Search(search::Args),
    /// Rebuild the mail search index from the database.
    Reindex(reindex::Args),
    /// The promise register: commitments found in outgoing mail.
    #[command(subcommand)]
    Promises(promises::Cmd),
    /// Drafted mail: list, show, send over SMTP, discard.
    #[command(subcommand)]
    Outbox(outbox::Cmd),
    /// Draft this week's check-in of every active project into the outbox.
    Checkin(checkin::Args),
}

/// Context shared by subcommands: settings, and the workspace opened on first use.
pub struct Ctx {
    settings: Settings,
}

impl Ctx {
    /// Opens the workspace database.
    pub async fn app(&self) -> Result<App> {
        Ok(App::open(&self.settings.db).await?)
    }

    /// The database URL in use.
    pub fn db(&self) -> &str {
        &self.settings.db
    }
}

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<ExitCode> {
    if let Command::Completions(a) = &cli.command {
        return completions::run(a);
    }
    let ctx = Ctx {
        settings: Settings::load(cli.db)?,
    };
    match cli.command {
        Command::Init(a) => init::run(&ctx, a).await,
        Command::Demo(a) => demo::run(&ctx, a).await,
        Command::Team(c) => team::run(&ctx, c).await,
        Command::Client(c) => client::run(&ctx, c).await,
        Command::Contact(c) => contact::run(&ctx, c).await,
        Command::Project(c) => project::run(&ctx, c).await,
        Command::Milestone(c) => milestone::run(&ctx, c).await,
        Command::Progress(c) => progress::run(&ctx, c).await,
        Command::Forecast(a) => forecast::run(&ctx, a).await,
        Command::Risks(a) => risks::run(&ctx, a).await,
        Command::Calendar(c) => calendar::run(&ctx, c).await,
        Command::Commitment(c) => commitment::run(&ctx, c).await,
        Command::Record(c) => record::run(&ctx, c).await,
        Command::Incident(c) => incident::run(&ctx, c).await,
        Command::Remedies(a) => remedies::run(&ctx, a).await,
        Command::Report(c) => report::run(&ctx, c).await,
        Command::Export(a) => export::run_export(&ctx, a).await,
        Command::ImportJson(a) => export::run_import(&ctx, a).await,
        Command::Check(a) => check::run(&ctx, a).await,
        Command::Compose(a) => compose::run(&ctx, a).await,
        Command::Serve(a) => serve::run(&ctx, a).await,
        Command::User(c) => user::run(&ctx, c).await,
        Command::Completions(_) => Ok(ExitCode::SUCCESS),
        Command::Due(a) => due::run(&ctx, a).await,
        Command::Import(a) => import::run(&ctx, a).await,
        Command::Search(a) => search::run(&ctx, a).await,
        Command::Reindex(a) => reindex::run(&ctx, a).await,
        Command::Promises(c) => promises::run(&ctx, c).await,
        Command::Outbox(c) => outbox::run(&ctx, c).await,
        Command::Checkin(a) => checkin::run(&ctx, a).await,
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    fn leaves(cmd: &clap::Command, path: String, out: &mut Vec<(String, String)>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .collect();
        if subs.is_empty() {
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            out.push((path.clone(), help));
        }
        for s in subs {
            leaves(s, format!("{path} {}", s.get_name()), out);
        }
    }

    #[test]
    fn every_command_has_an_example_in_its_help() {
        let mut all = Vec::new();
        leaves(&Cli::command(), "candor".into(), &mut all);
        assert!(all.len() > 20, "found only {} commands", all.len());
        let missing: Vec<&str> = all
            .iter()
            .filter(|(_, help)| !help.contains("Example"))
            .map(|(p, _)| p.as_str())
            .collect();
        assert!(missing.is_empty(), "no example in --help of: {missing:?}");
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
