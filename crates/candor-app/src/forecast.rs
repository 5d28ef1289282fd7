//! Forecast and early-warning use cases: every active project and milestone, forecast from its
//! progress log in the business days of its client and the team.
//!
//! The model is `candor_forecast`'s daily bootstrap. Milestones are assumed to be worked in
//! order of their due dates at the project's pace (the whole progress log): a milestone's
//! remaining work is its own unfinished items plus those of every milestone due before it or on
//! the same day. The project's remaining work is everything planned plus added minus done.
//! Progress logged by hand that an import supersedes (see `projects::superseded`) counts nowhere.

use crate::projects::counted_progress;
use crate::{App, AppError, Result, resolve};
use candor_core::{Client, Id, Milestone, ProgressEntry, Project, ProjectStatus, ValidationError};
use candor_forecast::{Calendar, Forecast, ForecastError, Job, Progress, Risk, Settings};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// What to forecast and how; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct ForecastQuery {
    /// One project (name or id); all active projects when absent.
    pub project: Option<String>,
    /// Client, to tell apart projects with the same name.
    pub client: Option<String>,
    /// Simulated futures (default 10,000).
    pub trials: Option<u32>,
    /// Random seed (default: a fresh one, reported in each row).
    pub seed: Option<u64>,
    /// Forecast as of this day (default today).
    pub as_of: Option<String>,
    /// Business days of history sampled (default 30).
    pub window: Option<u32>,
    /// Also bootstrap the items added per day.
    pub scope_growth: bool,
    /// P(on time) at or above this is on track (default 0.8).
    pub on_track: Option<f64>,
    /// P(on time) at or above this is at risk, below it off track (default 0.5).
    pub at_risk: Option<f64>,
}

/// One forecast: a project (`milestone` null) or one of its milestones.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ForecastRow {
    /// Project name.
    pub project: String,
    /// Project id.
    pub project_id: Id,
    /// Client name.
    pub client: String,
    /// Milestone title, or null for the whole project.
    pub milestone: Option<String>,
    /// Items still to do (for a milestone: including earlier milestones).
    pub remaining: u32,
    /// The promised date.
    #[schemars(with = "candor_core::schema::Date")]
    pub deadline: Date,
    /// Half the simulated futures finish by this day.
    #[schemars(with = "Option<candor_core::schema::Date>")]
    pub p50: Option<Date>,
    /// 85% finish by this day: the date to promise.
    #[schemars(with = "Option<candor_core::schema::Date>")]
    pub p85: Option<Date>,
    /// 95% finish by this day.
    #[schemars(with = "Option<candor_core::schema::Date>")]
    pub p95: Option<Date>,
    /// Share of simulated futures finished by the deadline (null when no forecast was possible).
    pub p_on_time: Option<f64>,
    /// Risk level (null when no forecast was possible).
    pub risk: Option<Risk>,
    /// Countries whose days off were counted.
    pub calendar: Vec<&'static str>,
    /// Business days of history sampled.
    pub history_days: u32,
    /// Forecast as of this day.
    #[schemars(with = "candor_core::schema::Date")]
    pub as_of: Date,
    /// Seed used: pass it as `--seed` to reproduce this forecast.
    pub seed: u64,
    /// What the reader must know (zero throughput, horizon reached, calendar fallbacks).
    pub notes: Vec<String>,
    /// Why no forecast could be made, if none could.
    pub error: Option<String>,
}

/// A row that calls for telling the client now.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Warning {
    /// The forecast behind it.
    #[serde(flatten)]
    pub forecast: ForecastRow,
    /// "Tell <client> now: P(on time) is 0.42, below the warning threshold; suggested new date <P85>".
    pub message: String,
    /// The command that opens a delay incident prefilled with the P85 date.
    pub incident_command: String,
}

/// Everything one project's forecast reads.
struct ProjectData {
    project: Project,
    client: Client,
    milestones: Vec<Milestone>,
    progress: Vec<ProgressEntry>,
}

impl App {
    /// Forecasts one project or every active project, with each milestone.
    pub async fn forecast(&self, query: &ForecastQuery) -> Result<Vec<ForecastRow>> {
        let settings = settings(query)?;
        let as_of = match &query.as_of {
            Some(s) => candor_core::field::date("as-of", s)?,
            None => self.today(),
        };
        let mut tx = self.begin().await?;
        let projects = match &query.project {
            Some(key) => vec![resolve::project(&mut tx, key, query.client.as_deref()).await?],
            None => active(tx.projects(None).await?),
        };
        let days_off: Vec<Date> = tx
            .company_days_off()
            .await?
            .iter()
            .map(|d| d.date)
            .collect();
        let team = tx.team_country().await?;
        let data = if query.project.is_some() {
            let mut data = Vec::with_capacity(projects.len());
            for project in projects {
                let milestones = tx.milestones(Some(project.id)).await?;
                let progress = tx.progress(Some(project.id)).await?;
                data.push(ProjectData {
                    client: tx.client(project.client_id).await?,
                    progress: counted_progress(&mut tx, Some(project.id), &milestones, progress)
                        .await?,
                    milestones,
                    project,
                });
            }
            data
        } else {
            // Every active project: five queries in all, not five per project.
            bulk(&mut tx, projects).await?
        };
        let ctx = Context {
            settings,
            as_of,
            team: team.as_deref(),
            days_off: &days_off,
        };
        let rows = ctx.rows(&data);
        if let (Some(key), Some(row)) = (&query.project, rows.first())
            && let Some(error) = &row.error
        {
            return Err(ValidationError::new("project", key.as_str(), error.as_str()).into());
        }
        Ok(rows)
    }

    /// Forecasts and keeps the rows at risk or off track, each with what to tell whom.
    pub async fn risks(&self, query: &ForecastQuery) -> Result<Vec<Warning>> {
        let rows = self.forecast(query).await?;
        Ok(rows.into_iter().filter_map(warning).collect())
    }

    /// The warnings for one project, e.g. right after its progress was logged.
    pub async fn project_warnings(&self, project_id: Id) -> Result<Vec<Warning>> {
        let query = ForecastQuery {
            project: Some(project_id.to_string()),
            ..ForecastQuery::default()
        };
        match self.risks(&query).await {
            // Too little history is not a warning; the forecast command explains it.
            Err(AppError::Invalid(_)) => Ok(Vec::new()),
            other => other,
        }
    }
}

/// Loads clients, milestones and progress of `projects` with one query each (two more find what
/// imports supersede).
async fn bulk(tx: &mut candor_store::Tx, projects: Vec<Project>) -> Result<Vec<ProjectData>> {
    let mut clients: HashMap<Id, Client> =
        tx.clients().await?.into_iter().map(|c| (c.id, c)).collect();
    let all_milestones = tx.milestones(None).await?;
    let all_progress = tx.progress(None).await?;
    let all_progress = counted_progress(tx, None, &all_milestones, all_progress).await?;
    let mut milestones: HashMap<Id, Vec<Milestone>> = HashMap::new();
    for m in all_milestones {
        milestones.entry(m.project_id).or_default().push(m);
    }
    let mut progress: HashMap<Id, Vec<ProgressEntry>> = HashMap::new();
    for p in all_progress {
        progress.entry(p.project_id).or_default().push(p);
    }
    let mut data = Vec::with_capacity(projects.len());
    for project in projects {
        let client = match clients.get(&project.client_id) {
            Some(c) => c.clone(),
            None => {
                let c = tx.client(project.client_id).await?;
                clients.insert(c.id, c.clone());
                c
            }
        };
        data.push(ProjectData {
            client,
            milestones: milestones.remove(&project.id).unwrap_or_default(),
            progress: progress.remove(&project.id).unwrap_or_default(),
            project,
        });
    }
    Ok(data)
}

fn active(projects: Vec<Project>) -> Vec<Project> {
    let keep = |p: &Project| p.status == ProjectStatus::Active;
    projects.into_iter().filter(keep).collect()
}

/// Validated model settings from the query, with a fresh seed unless one was given.
fn settings(q: &ForecastQuery) -> Result<Settings> {
    let mut s = Settings {
        seed: q
            .seed
            .unwrap_or_else(|| RandomState::new().hash_one(std::process::id())),
        scope_growth: q.scope_growth,
        ..Settings::default()
    };
    s.trials = q.trials.unwrap_or(s.trials);
    s.window = q.window.unwrap_or(s.window);
    s.min_history = s.min_history.min(s.window);
    s.thresholds.on_track = q.on_track.unwrap_or(s.thresholds.on_track);
    s.thresholds.at_risk = q.at_risk.unwrap_or(s.thresholds.at_risk);
    match s.validate() {
        Ok(()) => Ok(s),
        Err(ForecastError::InvalidSetting {
            name,
            value,
            reason,
        }) => Err(ValidationError::new(name, value, reason).into()),
        Err(other) => Err(ValidationError::new("forecast", "", other.to_string()).into()),
    }
}

/// Turns an at-risk or off-track row into a warning.
fn warning(row: ForecastRow) -> Option<Warning> {
    let p = row.p_on_time?;
    if row.risk? == Risk::OnTrack {
        return None;
    }
    let what = match &row.milestone {
        Some(m) => format!("{} / {m}", row.project),
        None => row.project.clone(),
    };
    let new_date = row
        .p85
        .map_or_else(|| "none yet (see the notes)".to_owned(), |d| d.to_string());
    let message = format!(
        "Tell {} now: P(on time) is {p:.2}, below the warning threshold; suggested new date {new_date} ({what}, deadline {})",
        row.client, row.deadline
    );
    let date_arg = row
        .p85
        .map_or_else(|| "YYYY-MM-DD".to_owned(), |d| d.to_string());
    let incident_command = format!(
        "candor incident open --kind delay --client {} --project {} --new-date {date_arg}",
        shell_word(&row.client),
        shell_word(&row.project)
    );
    Some(Warning {
        forecast: row,
        message,
        incident_command,
    })
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "-_./@".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The shared inputs of one forecast run.
struct Context<'a> {
    settings: Settings,
    as_of: Date,
    team: Option<&'a str>,
    days_off: &'a [Date],
}

/// A job before it is run: the row it fills and what the model needs.
struct Pending {
    row: ForecastRow,
    key: u64,
    calendar: Option<usize>,
    start: Date,
    progress: usize,
}

impl Context<'_> {
    /// Forecasts every project and milestone in `data`, in that order.
    fn rows(&self, data: &[ProjectData]) -> Vec<ForecastRow> {
        let mut calendars: Vec<Calendar> = Vec::new();
        let mut index: HashMap<Vec<&'static str>, usize> = HashMap::new();
        let logs: Vec<Vec<Progress>> = data.iter().map(|d| progress(&d.progress)).collect();
        let mut pending = Vec::new();
        for (i, d) in data.iter().enumerate() {
            let (codes, notes) = self.countries(&d.client);
            let calendar = self.calendar(&codes, &mut calendars, &mut index);
            for (milestone, remaining, deadline, key) in targets(d, self.as_of) {
                let mut row = self.blank_row(d, milestone, remaining, deadline);
                row.calendar = codes.clone();
                row.notes = notes.clone();
                if calendar.is_none() {
                    row.error = Some(no_calendar(&d.client.country));
                }
                pending.push(Pending {
                    row,
                    key,
                    calendar,
                    start: d.project.start,
                    progress: i,
                });
            }
        }
        let runnable: Vec<(usize, Job)> = pending
            .iter()
            .enumerate()
            .filter_map(|(n, p)| {
                let calendar = &calendars[p.calendar?];
                Some((n, self.job(p, calendar, &logs[p.progress])))
            })
            .collect();
        let jobs: Vec<Job> = runnable.iter().map(|(_, j)| *j).collect();
        let results = candor_forecast::forecast_many(&jobs, &self.settings)
            .unwrap_or_else(|e| jobs.iter().map(|_| Err(e.clone())).collect());
        let mut rows: Vec<ForecastRow> = pending.into_iter().map(|p| p.row).collect();
        for ((n, _), result) in runnable.iter().zip(results) {
            fill(&mut rows[*n], result);
        }
        rows
    }

    fn job<'c>(&self, p: &Pending, calendar: &'c Calendar, log: &'c [Progress]) -> Job<'c> {
        Job {
            key: p.key,
            calendar,
            as_of: self.as_of,
            start: p.start,
            deadline: p.row.deadline,
            remaining: p.row.remaining,
            progress: log,
        }
    }

    fn blank_row(
        &self,
        d: &ProjectData,
        milestone: Option<String>,
        remaining: u32,
        deadline: Date,
    ) -> ForecastRow {
        ForecastRow {
            project: d.project.name.clone(),
            project_id: d.project.id,
            client: d.client.name.clone(),
            milestone,
            remaining,
            deadline,
            p50: None,
            p85: None,
            p95: None,
            p_on_time: None,
            risk: None,
            calendar: Vec::new(),
            history_days: 0,
            as_of: self.as_of,
            seed: self.settings.seed,
            notes: Vec::new(),
            error: None,
        }
    }

    /// The countries whose days off count for a client's project, and notes on fallbacks.
    fn countries(&self, client: &Client) -> (Vec<&'static str>, Vec<String>) {
        let known = |code: &str| {
            candor_forecast::supported_countries()
                .into_iter()
                .find(|c| c.code.eq_ignore_ascii_case(code))
                .map(|c| c.code)
        };
        let mut notes = Vec::new();
        let mut codes = Vec::new();
        match known(&client.country) {
            Some(c) => codes.push(c),
            None => notes.push(format!(
                "no holiday data for the client's country {}; counting the team's days off only",
                client.country
            )),
        }
        match self.team.and_then(known) {
            Some(t) if !codes.contains(&t) => codes.push(t),
            Some(_) => {}
            None => notes.push(
                "the team's country is not set; counting the client's days off only \
                 (candor calendar team-country CODE)"
                    .to_owned(),
            ),
        }
        (codes, notes)
    }

    /// The calendar for `codes`, built once per distinct set of countries.
    fn calendar(
        &self,
        codes: &[&'static str],
        calendars: &mut Vec<Calendar>,
        index: &mut HashMap<Vec<&'static str>, usize>,
    ) -> Option<usize> {
        if let Some(i) = index.get(codes) {
            return Some(*i);
        }
        let calendar = Calendar::new(codes, self.days_off).ok()?;
        calendars.push(calendar);
        index.insert(codes.to_vec(), calendars.len() - 1);
        Some(calendars.len() - 1)
    }
}

fn no_calendar(country: &str) -> String {
    format!(
        "no business calendar: candor has no holiday data for {country} and the team's country \
         is not set (candor calendar team-country CODE)"
    )
}

fn progress(entries: &[ProgressEntry]) -> Vec<Progress> {
    let map = |e: &ProgressEntry| Progress {
        date: e.date,
        done: e.done,
        added: e.added,
    };
    entries.iter().map(map).collect()
}

/// The project and each milestone: (milestone title, remaining, deadline, stream key), as of
/// the end of `as_of` (later progress does not count yet).
fn targets(d: &ProjectData, as_of: Date) -> Vec<(Option<String>, u32, Date, u64)> {
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let logged: Vec<&ProgressEntry> = d.progress.iter().filter(|p| p.date <= as_of).collect();
    let planned: u64 = d.milestones.iter().map(|m| u64::from(m.scope)).sum();
    let added: u64 = logged.iter().map(|p| u64::from(p.added)).sum();
    let done: u64 = logged.iter().map(|p| u64::from(p.done)).sum();
    let key = |milestone: Id| (d.project.id as u64) << 32 | (milestone as u64 & 0xFFFF_FFFF);
    let mut out = vec![(
        None,
        clamp((planned + added).saturating_sub(done)),
        d.project.deadline,
        key(0),
    )];
    let own = |m: &Milestone| {
        let tagged = logged.iter().filter(|p| p.milestone_id == Some(m.id));
        let (add, dn) = tagged.fold((0u64, 0u64), |(a, n), p| {
            (a + u64::from(p.added), n + u64::from(p.done))
        });
        (u64::from(m.scope) + add).saturating_sub(dn)
    };
    for m in &d.milestones {
        let ahead: u64 = d
            .milestones
            .iter()
            .filter(|o| o.due <= m.due)
            .map(own)
            .sum();
        out.push((Some(m.title.clone()), clamp(ahead), m.due, key(m.id)));
    }
    out
}

/// Copies a forecast (or its error) into a row.
fn fill(row: &mut ForecastRow, result: std::result::Result<Forecast, ForecastError>) {
    match result {
        Ok(f) => {
            row.p50 = f.p50;
            row.p85 = f.p85;
            row.p95 = f.p95;
            row.p_on_time = Some(f.p_on_time);
            row.risk = Some(f.risk);
            row.history_days = f.history_days;
            row.notes.extend(f.notes.iter().map(ToString::to_string));
        }
        Err(e) => row.error = Some(e.to_string()),
    }
}
