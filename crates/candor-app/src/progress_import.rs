//! Progress from the tools teams already use: import a Jira, Linear, Asana, Trello, GitHub or
//! generic export, or sync a GitHub repository, then re-run the forecast and the early warning.
//!
//! Items are stored keyed by project, source and the tool's id, so importing the same data again
//! changes nothing and a moved or reopened item is updated in place. From all items of the
//! project the progress log is derived (`candor_progress::derive`): throughput on the days items
//! were finished, scope growth on the days items were created after the project start, and the
//! planned scope of each milestone. Derived entries carry origin `import` and are rewritten to
//! match on every import; entries logged by hand are never touched. Where the import fills a
//! milestone (or holds items without one), it supersedes the hand-logged entries there: they stay
//! in the log but no longer count (`projects::superseded` holds the rule).

use crate::TeamZoneFrom;
use crate::forecast::ForecastQuery;
use crate::projects::Superseded;
use crate::{App, AppError, Result, resolve};
use candor_core::{Id, NewMilestone, Project, ValidationError};
use candor_forecast::Risk;
use candor_progress::derive::{self, Plan};
use candor_progress::github::{self, Fetch};
use candor_progress::{
    ItemState, MilestoneFrom, Parsed, ReadOptions, Skipped, Source, WorkItem, Zones,
};
use candor_store::{Tx, Upsert, WorkItemRow};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::BTreeMap;

/// Seed of the before/after forecasts, so the two differ only by the imported progress.
const RISK_SEED: u64 = 20_261_125;

/// Raw input of `candor progress import`.
#[derive(Debug, Clone, Default)]
pub struct ProgressImportInput {
    /// Project name or id.
    pub project: String,
    /// Client, when two clients have a project of that name.
    pub client: Option<String>,
    /// File name, for messages.
    pub file_name: String,
    /// File contents.
    pub bytes: Vec<u8>,
    /// `auto` (or absent), `jira`, `linear`, `asana`, `trello`, `github` or `generic`.
    pub format: Option<String>,
    /// `epic`, `label`, `milestone` or `column`.
    pub milestone_from: Option<String>,
    /// Time zone of times written without an offset (default: the team's).
    pub file_tz: Option<String>,
    /// The team's time zone for this import (default: the workspace setting, else
    /// `CANDOR_TEAM_TZ`, else the system's).
    pub team_tz: Option<String>,
    /// Trello lists whose cards count as done (default: [`candor_progress::DEFAULT_DONE_LISTS`]).
    pub done_lists: Vec<String>,
}

/// Raw input of `candor progress sync`.
#[derive(Debug, Clone, Default)]
pub struct ProgressSyncInput {
    /// Project name or id.
    pub project: String,
    /// Client, when two clients have a project of that name.
    pub client: Option<String>,
    /// `owner/repo` to configure as the project's live source (kept for later syncs).
    pub repo: Option<String>,
    /// `label` or `milestone`, stored with the source.
    pub milestone_from: Option<String>,
    /// The team's time zone (default: as for import).
    pub team_tz: Option<String>,
    /// API root (default `https://api.github.com`, or `CANDOR_GITHUB_API`).
    pub api: Option<String>,
    /// Token (default `GITHUB_TOKEN` from the environment).
    pub token: Option<String>,
}

/// The project's forecast at one moment, as far as the early warning reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskView {
    /// `on_track`, `at_risk` or `off_track`; null when no forecast was possible.
    pub risk: Option<Risk>,
    /// Share of simulated futures finished by the deadline.
    pub p_on_time: Option<f64>,
    /// The date 85% of simulated futures finish by.
    pub p85: Option<Date>,
    /// Items still to do.
    pub remaining: u32,
    /// Why no forecast was possible, if none was.
    pub error: Option<String>,
}

/// What an import or sync did. Serialises to exactly the fields `--json` promises.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressImportReport {
    /// Items read.
    pub items: usize,
    /// Of those, done.
    pub done: usize,
    /// Of those, still open.
    pub open: usize,
    /// Rows that could not be read.
    pub skipped: Vec<Skipped>,
    /// The project's forecast before.
    pub risk_before: Option<RiskView>,
    /// And after.
    pub risk_after: Option<RiskView>,
    /// Details for the human-readable output.
    #[serde(skip)]
    pub detail: ImportDetail,
}

/// Counts behind a report.
#[derive(Debug, Clone, Default)]
pub struct ImportDetail {
    /// Format read.
    pub source: Option<Source>,
    /// New items.
    pub inserted: usize,
    /// Items that changed.
    pub updated: usize,
    /// Items exactly as stored.
    pub unchanged: usize,
    /// Progress entries and milestones written.
    pub writes: usize,
    /// GitHub pages fetched; `None` when page 1 was unchanged (HTTP 304).
    pub pages: Vec<Option<u32>>,
    /// Early warnings after the import.
    pub warnings: Vec<String>,
    /// The zone dates were counted in, and where that came from.
    pub team_zone: String,
    /// Things to know about what the import did, such as progress logged by hand that it now
    /// supersedes.
    pub notes: Vec<String>,
}

fn invalid(field: &str, value: &str, reason: impl Into<String>) -> AppError {
    ValidationError::new(field, value, reason.into()).into()
}

fn parse_format(raw: Option<&str>) -> Result<Option<Source>> {
    match raw.map(str::trim) {
        None | Some("") | Some("auto") => Ok(None),
        Some(v) => Source::parse(v).map(Some).ok_or_else(|| {
            invalid(
                "format",
                v,
                "expected auto, jira, linear, asana, trello, github or generic",
            )
        }),
    }
}

fn parse_from(raw: Option<&str>) -> Result<Option<MilestoneFrom>> {
    raw.map(|v| {
        MilestoneFrom::parse(v).ok_or_else(|| {
            invalid(
                "milestone-from",
                v,
                "expected epic, label, milestone or column",
            )
        })
    })
    .transpose()
}

/// How a team zone is shown: its name and where it came from.
fn zone_label(zone: &TimeZone, from: &TeamZoneFrom) -> String {
    let name = zone.iana_name().unwrap_or("the system's zone");
    let why = match from {
        TeamZoneFrom::Flag => "--team-tz",
        TeamZoneFrom::Workspace => "the team's time zone",
        TeamZoneFrom::Environment => "CANDOR_TEAM_TZ",
        TeamZoneFrom::System => "no team time zone set; candor team tz ZONE sets one",
    };
    format!("{name} ({why})")
}

fn row_of(project: Id, w: &WorkItem) -> WorkItemRow {
    WorkItemRow {
        project_id: project,
        source: w.source.as_str().to_owned(),
        external_id: w.key.clone(),
        title: w.title.clone(),
        state: w.state.as_str().to_owned(),
        created: w.created,
        started: w.started,
        finished: w.finished,
        group_name: derive::group_name(w),
        group_due: w.group_due,
    }
}

fn item_of(r: &WorkItemRow) -> Option<WorkItem> {
    Some(WorkItem {
        source: Source::parse(&r.source)?,
        key: r.external_id.clone(),
        title: r.title.clone(),
        state: ItemState::parse(&r.state)?,
        created: r.created,
        started: r.started,
        finished: r.finished,
        group: Some(r.group_name.clone()),
        group_due: r.group_due,
    })
}

impl App {
    /// Imports an export file into a project's progress.
    pub async fn import_progress(
        &self,
        input: &ProgressImportInput,
    ) -> Result<ProgressImportReport> {
        let options = ReadOptions {
            format: parse_format(input.format.as_deref())?,
            milestone_from: parse_from(input.milestone_from.as_deref())?,
            done_lists: input
                .done_lists
                .iter()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect(),
        };
        let (zones, label) = self
            .zones(input.team_tz.as_deref(), input.file_tz.as_deref())
            .await?;
        let project = self
            .project_for(&input.project, input.client.as_deref())
            .await?;
        let parsed = candor_progress::parse_with(&input.bytes, &options, &zones)
            .map_err(|e| invalid("file", &input.file_name, e.to_string()))?;
        self.import_parsed(&project, parsed, label).await
    }

    /// The team's zone (see [`App::team_zone`]) and the file's (`file`, else the team's), with
    /// the label of the team's for messages.
    pub(crate) async fn zones(
        &self,
        team: Option<&str>,
        file: Option<&str>,
    ) -> Result<(Zones, String)> {
        let (team, from) = self.team_zone(team).await?;
        let label = zone_label(&team, &from);
        let file = match file {
            Some(name) => candor_progress::dates::zone(name)
                .map_err(|e| invalid("file-tz", name, e.to_string()))?,
            None => team.clone(),
        };
        Ok((Zones { file, team }, label))
    }

    /// Stores items read from a file, re-runs the forecast and says what changed.
    pub(crate) async fn import_parsed(
        &self,
        project: &Project,
        parsed: Parsed,
        team_zone: String,
    ) -> Result<ProgressImportReport> {
        let risk_before = self.risk_view(project.id).await;
        let mut detail = ImportDetail {
            source: Some(parsed.source),
            team_zone,
            ..ImportDetail::default()
        };
        let mut tx = self.begin().await?;
        self.store_items(&mut tx, project, &parsed.items, &mut detail)
            .await?;
        tx.commit().await?;
        self.report(
            project.id,
            &parsed.items,
            parsed.skipped,
            risk_before,
            detail,
        )
        .await
    }

    /// Fetches the project's GitHub repositories (configuring `repo` first when given).
    pub async fn sync_progress(&self, input: &ProgressSyncInput) -> Result<ProgressImportReport> {
        let from = parse_from(input.milestone_from.as_deref())?;
        let (zones, team_zone) = self.zones(input.team_tz.as_deref(), None).await?;
        let project = self
            .project_for(&input.project, input.client.as_deref())
            .await?;
        let mut tx = self.begin().await?;
        if let Some(repo) = &input.repo {
            let repo = repo.trim();
            if repo.split('/').filter(|p| !p.is_empty()).count() != 2 {
                return Err(invalid("repo", repo, "expected OWNER/NAME"));
            }
            tx.upsert_progress_source(project.id, "github", repo, from.map(|f| f.as_str()))
                .await?;
        }
        let sources = tx.progress_sources(project.id).await?;
        tx.commit().await?;
        if sources.is_empty() {
            return Err(invalid(
                "repo",
                "",
                format!(
                    "{} has no live source yet; run candor progress sync --project {:?} --repo OWNER/NAME once",
                    project.name, project.name
                ),
            ));
        }
        let risk_before = self.risk_view(project.id).await;
        let mut detail = ImportDetail {
            source: Some(Source::Github),
            team_zone,
            ..ImportDetail::default()
        };
        let (mut items, mut skipped) = (Vec::new(), Vec::new());
        for s in sources {
            let fetch = fetch(input, s.locator.clone(), s.etag.clone()).await?;
            let (issues, etag, pages) = match fetch {
                Fetch::NotModified => {
                    detail.pages.push(None);
                    continue;
                }
                Fetch::Issues {
                    issues,
                    etag,
                    pages,
                } => (issues, etag, pages),
            };
            detail.pages.push(Some(pages));
            let from = parse_from(s.milestone_from.as_deref())?;
            let (got, bad) = github::items(issues, &zones, from)
                .map_err(|e| invalid("repo", &s.locator, e.to_string()))?;
            let mut tx = self.begin().await?;
            self.store_items(&mut tx, &project, &got, &mut detail)
                .await?;
            tx.set_source_synced(s.id, etag.as_deref(), jiff::Timestamp::now())
                .await?;
            tx.commit().await?;
            items.extend(got);
            skipped.extend(bad);
        }
        self.report(project.id, &items, skipped, risk_before, detail)
            .await
    }

    pub(crate) async fn project_for(&self, key: &str, client: Option<&str>) -> Result<Project> {
        let mut tx = self.begin().await?;
        resolve::project(&mut tx, key, client).await
    }

    /// Upserts items, then rewrites the derived progress of the whole project.
    async fn store_items(
        &self,
        tx: &mut Tx,
        project: &Project,
        items: &[WorkItem],
        detail: &mut ImportDetail,
    ) -> Result<()> {
        let stored =
            |rows: Vec<WorkItemRow>| -> Vec<WorkItem> { rows.iter().filter_map(item_of).collect() };
        let before = derive::plan(&stored(tx.work_items(project.id).await?), project.start);
        let now = jiff::Timestamp::now();
        for item in items {
            match tx.upsert_work_item(&row_of(project.id, item), now).await? {
                Upsert::Inserted => detail.inserted += 1,
                Upsert::Updated => detail.updated += 1,
                Upsert::Unchanged => detail.unchanged += 1,
            }
        }
        let plan = derive::plan(&stored(tx.work_items(project.id).await?), project.start);
        // A group the last import planned and this one does not (its items moved or were
        // dropped) keeps its milestone, with no planned items left in it.
        let emptied: Vec<&str> = before
            .groups
            .keys()
            .filter(|g| !plan.groups.contains_key(*g))
            .map(String::as_str)
            .collect();
        detail.writes += apply_plan(tx, project, &plan, &emptied).await?;
        detail.notes = superseded_notes(tx, project).await?;
        Ok(())
    }

    async fn report(
        &self,
        project_id: Id,
        items: &[WorkItem],
        skipped: Vec<Skipped>,
        risk_before: Option<RiskView>,
        mut detail: ImportDetail,
    ) -> Result<ProgressImportReport> {
        let count = |s: ItemState| items.iter().filter(|i| i.state == s).count();
        let risk_after = self.risk_view(project_id).await;
        detail.warnings = self
            .project_warnings(project_id)
            .await?
            .into_iter()
            .map(|w| w.message)
            .collect();
        Ok(ProgressImportReport {
            items: items.len(),
            done: count(ItemState::Done),
            open: count(ItemState::Open),
            skipped,
            risk_before,
            risk_after,
            detail,
        })
    }

    /// The project's forecast now, with a fixed seed; `None` if the project has none at all.
    async fn risk_view(&self, project_id: Id) -> Option<RiskView> {
        let query = ForecastQuery {
            project: Some(project_id.to_string()),
            seed: Some(RISK_SEED),
            ..ForecastQuery::default()
        };
        match self.forecast(&query).await {
            Ok(rows) => rows
                .into_iter()
                .find(|r| r.milestone.is_none())
                .map(|r| RiskView {
                    risk: r.risk,
                    p_on_time: r.p_on_time,
                    p85: r.p85,
                    remaining: r.remaining,
                    error: r.error,
                }),
            Err(e) => Some(RiskView {
                risk: None,
                p_on_time: None,
                p85: None,
                remaining: 0,
                error: Some(e.to_string()),
            }),
        }
    }
}

/// Runs the blocking GitHub fetch off the async workers.
async fn fetch(input: &ProgressSyncInput, repo: String, etag: Option<String>) -> Result<Fetch> {
    let api = input
        .api
        .clone()
        .or_else(|| std::env::var("CANDOR_GITHUB_API").ok())
        .unwrap_or_else(|| github::API.to_owned());
    let token = input
        .token
        .clone()
        .or_else(|| std::env::var("GITHUB_TOKEN").ok());
    let shown = repo.clone();
    let joined = tokio::task::spawn_blocking(move || {
        github::Client::new(&api, token).fetch_issues(&repo, etag.as_deref())
    })
    .await;
    match joined {
        Ok(Ok(f)) => Ok(f),
        Ok(Err(e)) => Err(invalid("repo", &shown, e.to_string())),
        Err(e) => Err(invalid("repo", &shown, format!("the sync stopped: {e}"))),
    }
}

/// What the import now supersedes, as notes: per milestone it fills, and for work without a
/// milestone, the hand-logged entries that stay in the log but no longer count.
async fn superseded_notes(tx: &mut Tx, project: &Project) -> Result<Vec<String>> {
    let milestones = tx.milestones(Some(project.id)).await?;
    let progress = tx.progress(Some(project.id)).await?;
    let superseded = Superseded::load(tx, Some(project.id), &milestones, &progress).await?;
    // Per milestone (None: no milestone): entries, done, added.
    let mut by: BTreeMap<Option<Id>, (usize, u64, u64)> = BTreeMap::new();
    for e in progress.iter().filter(|e| superseded.contains(e.id)) {
        let t = by.entry(e.milestone_id).or_default();
        *t = (t.0 + 1, t.1 + u64::from(e.done), t.2 + u64::from(e.added));
    }
    let notes = by
        .into_iter()
        .map(|(m, (n, done, added))| {
            let (entries, are) = if n == 1 {
                ("entry", "is")
            } else {
                ("entries", "are")
            };
            let (why, toward) = match m.and_then(|id| milestones.iter().find(|m| m.id == id)) {
                Some(m) => (
                    format!(
                        "milestone {:?} now takes its scope and progress from the import",
                        m.title
                    ),
                    "toward it",
                ),
                None => (
                    "the import holds items without a milestone, so it now stands for the \
                     project's work outside milestones"
                        .to_owned(),
                    "without a milestone",
                ),
            };
            format!(
                "{why}; {n} {entries} logged by hand {toward} ({done} done, {added} added) {are} \
                 kept in the log but no longer counted (candor progress list marks superseded \
                 entries)"
            )
        })
        .collect();
    Ok(notes)
}

/// Makes milestones and derived progress entries match the plan, and empties the milestones of
/// `emptied` groups; returns the rows written.
async fn apply_plan(
    tx: &mut Tx,
    project: &Project,
    plan: &Plan,
    emptied: &[&str],
) -> Result<usize> {
    let mut writes = 0;
    let mut ids: BTreeMap<&str, Id> = BTreeMap::new();
    let milestones = tx.milestones(Some(project.id)).await?;
    for m in &milestones {
        if m.scope != 0 && emptied.iter().any(|g| m.title.eq_ignore_ascii_case(g)) {
            tx.set_milestone_scope(m.id, 0).await?;
            writes += 1;
        }
    }
    for (name, group) in &plan.groups {
        let found = milestones
            .iter()
            .find(|m| m.title.eq_ignore_ascii_case(name));
        let id = match found {
            Some(m) => {
                if m.scope != group.planned {
                    tx.set_milestone_scope(m.id, group.planned).await?;
                    writes += 1;
                }
                m.id
            }
            None => {
                let due = group.due.unwrap_or(project.deadline).max(project.start);
                let m = NewMilestone {
                    project_id: project.id,
                    title: name.clone(),
                    due,
                    scope: group.planned,
                };
                writes += 1;
                tx.insert_milestone(&m).await?.id
            }
        };
        ids.insert(name.as_str(), id);
    }
    let mut want: BTreeMap<(Date, Id), (u32, u32)> = BTreeMap::new();
    for ((date, name), c) in &plan.days {
        if let Some(id) = ids.get(name.as_str()) {
            want.insert((*date, *id), (c.done, c.added));
        }
    }
    for old in tx.imported_progress(project.id).await? {
        let key = (old.date, old.milestone_id.unwrap_or(0));
        match want.remove(&key) {
            Some((done, added)) if (done, added) == (old.done, old.added) => {}
            Some((done, added)) => {
                tx.update_imported_progress(old.id, done, added).await?;
                writes += 1;
            }
            None => {
                tx.delete_imported_progress(old.id).await?;
                writes += 1;
            }
        }
    }
    for ((date, milestone), (done, added)) in want {
        tx.insert_imported_progress(project.id, milestone, date, done, added)
            .await?;
        writes += 1;
    }
    Ok(writes)
}
