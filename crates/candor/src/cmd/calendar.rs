//! `candor calendar …`: national holidays, business days, company days off, the team's country.

use super::Ctx;
use crate::output;
use anyhow::Result;
use clap::Subcommand;
use std::process::ExitCode;

/// Calendar subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List a country's public holidays in a year (NL, NO, BD, GB, US; 2020–2040).
    #[command(after_help = "Example:\n  candor calendar holidays --country NL --year 2027 --json")]
    Holidays {
        /// Country code.
        #[arg(long)]
        country: String,
        /// Year.
        #[arg(long)]
        year: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Count and list business days: working days in every country given, minus company days off.
    #[command(
        after_help = "Examples:\n  candor calendar business-days --country NL --from 2027-04-19 --to 2027-04-30\n  \
        candor calendar business-days --country NL --country BD --from 2027-04-19 --to 2027-04-30 --json"
    )]
    BusinessDays {
        /// Country code; repeat for a client and a team in different countries.
        #[arg(long, required = true)]
        country: Vec<String>,
        /// First day.
        #[arg(long)]
        from: String,
        /// Last day (included).
        #[arg(long)]
        to: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Company days off: they count as days off in every forecast.
    #[command(subcommand)]
    DayOff(DayOffCmd),
    /// Show or set the team's country (its holidays count next to each client's).
    #[command(
        after_help = "Examples:\n  candor calendar team-country NL\n  candor calendar team-country --json"
    )]
    TeamCountry {
        /// New country code; without it, shows the current one.
        country: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Follow-ups and weekly check-ins as an iCalendar (.ics) file.
    Export(super::calendar_feed::ExportArgs),
    /// Calendar feed addresses (/calendar/<token>.ics) for calendar apps.
    #[command(subcommand)]
    Feed(super::calendar_feed::FeedCmd),
}

/// JSON shape of `candor calendar team-country --json`.
#[derive(serde::Serialize)]
struct TeamCountry {
    team_country: Option<String>,
}

/// Company day-off subcommands.
#[derive(Debug, Subcommand)]
pub enum DayOffCmd {
    /// Add a company day off.
    #[command(
        after_help = "Example:\n  candor calendar day-off add --date 2027-12-27 --label \"office closed\""
    )]
    Add {
        /// The day.
        #[arg(long)]
        date: String,
        /// What it is.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List company days off.
    #[command(after_help = "Example:\n  candor calendar day-off list --json")]
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Remove a company day off.
    #[command(after_help = "Example:\n  candor calendar day-off remove --date 2027-12-27")]
    Remove {
        /// The day.
        #[arg(long)]
        date: String,
    },
}

/// Runs a calendar subcommand.
pub async fn run(ctx: &Ctx, cmd: Cmd) -> Result<ExitCode> {
    let app = ctx.app().await?;
    match cmd {
        Cmd::Holidays {
            country,
            year,
            json,
        } => {
            let list = app.holidays(&country, &year)?;
            if json {
                output::json(&list)?;
            } else {
                let mut t = output::table(&["date", "day", "name", "English name"]);
                for h in &list {
                    let day = h.date.strftime("%a").to_string();
                    t.add_row(vec![
                        h.date.to_string(),
                        day,
                        h.name.clone(),
                        h.name_en.clone(),
                    ]);
                }
                crate::out!("{t}");
            }
        }
        Cmd::BusinessDays {
            country,
            from,
            to,
            json,
        } => {
            let b = app.business_days(&country, &from, &to).await?;
            if json {
                output::json(&b)?;
            } else {
                crate::out!(
                    "{} business days from {} to {} ({}; company days off in range: {})",
                    b.count,
                    b.from,
                    b.to,
                    b.countries.join(" and "),
                    b.company_days_off.len()
                );
            }
        }
        Cmd::DayOff(c) => day_off(&app, c).await?,
        Cmd::Export(a) => super::calendar_feed::export(&app, a).await?,
        Cmd::Feed(c) => super::calendar_feed::feed(&app, c).await?,
        Cmd::TeamCountry { country, json } => {
            let now = match country {
                Some(c) => Some(app.set_team_country(&c).await?),
                None => app.team_country().await?,
            };
            if json {
                output::json(&TeamCountry { team_country: now })?;
            } else {
                match now {
                    Some(c) => crate::out!("team country: {c}"),
                    None => {
                        crate::out!("team country: not set (candor calendar team-country CODE)")
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn day_off(app: &candor_app::App, cmd: DayOffCmd) -> Result<()> {
    match cmd {
        DayOffCmd::Add { date, label } => {
            let d = app.add_day_off(&date, &label).await?;
            crate::out!("added company day off {} {}", d.date, d.label);
        }
        DayOffCmd::List { json } => {
            let list = app.days_off().await?;
            if json {
                output::json(&list)?;
            } else {
                let mut t = output::table(&["date", "label"]);
                for d in &list {
                    t.add_row(vec![d.date.to_string(), d.label.clone()]);
                }
                crate::out!("{t}");
            }
        }
        DayOffCmd::Remove { date } => {
            app.remove_day_off(&date).await?;
            crate::out!("removed company day off {date}");
        }
    }
    Ok(())
}
