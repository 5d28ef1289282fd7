//! The dashboard as one use case: what needs attention today — projects at risk (tell the client
//! now), open incidents with their current step, follow-ups due and overdue, weekly check-ins due.
//!
//! Speed (issue 8: 5,000 clients, 50,000 record entries, p99 under 30 ms at 200 connections):
//! forecasting every active project is far too slow for each page view, so the dashboard is
//! built once per change of the data and kept. The key is today's date plus the store's data
//! version (`Store::version`), read before building: a write through this server shows on the
//! next view (built in the foreground; views that come during it wait for it), one from another
//! process or server once a background build is done, started within about five seconds (views
//! meanwhile get the kept copy). Each list holds the most urgent [`LIST_LIMIT`] rows; `totals`
//! counts them all.

use crate::{App, ForecastQuery, IncidentDetail, Result, Warning};
use candor_core::{Commitment, CommitmentStatus, Id, ProjectStatus};
use candor_store::DataVersion;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Follow-ups due within this many days count as "due".
const DUE_SOON_DAYS: i64 = 7;
/// A project whose client heard nothing from us for this many days needs a check-in.
const CHECKIN_DAYS: i64 = 7;
/// Fixed forecast seed so the dashboard reads the same on every reload.
const DASHBOARD_SEED: u64 = 20_261_125;
/// Writes from other processes rebuild the dashboard in the background at most this often.
const BACKGROUND_EVERY: std::time::Duration = std::time::Duration::from_secs(5);
/// Each dashboard list shows at most this many rows, most urgent first.
pub const LIST_LIMIT: usize = 20;

/// A commitment with its client's name.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FollowUp {
    /// The commitment.
    #[serde(flatten)]
    pub commitment: Commitment,
    /// Client name.
    pub client: String,
}

/// An active project whose client is due a check-in.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckinDue {
    /// Project id.
    pub project_id: Id,
    /// Project name.
    pub project: String,
    /// Client id.
    pub client_id: Id,
    /// Client name.
    pub client: String,
    /// Our last message, call or meeting with the client, if any.
    #[schemars(with = "Option<candor_core::schema::Timestamp>")]
    pub last_contact: Option<Timestamp>,
}

/// How many rows each list has in all (the lists themselves stop at [`LIST_LIMIT`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DashboardTotals {
    /// Forecasts at risk or off track.
    pub at_risk: usize,
    /// Open incidents.
    pub incidents: usize,
    /// Open commitments due within a week.
    pub due: usize,
    /// Open commitments past their due date.
    pub overdue: usize,
    /// Weekly check-ins due.
    pub checkins: usize,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Dashboard {
    /// The day it is judged on.
    #[schemars(with = "candor_core::schema::Date")]
    pub today: Date,
    /// Forecasts at risk or off track, lowest chance of finishing on time first.
    pub at_risk: Vec<Warning>,
    /// Open incidents.
    pub incidents: Vec<IncidentDetail>,
    /// Open commitments due within a week, soonest first.
    pub due: Vec<FollowUp>,
    /// Open commitments past their due date, longest overdue first.
    pub overdue: Vec<FollowUp>,
    /// Weekly check-ins due, longest without contact first.
    pub checkins: Vec<CheckinDue>,
    /// Full counts of the lists above.
    pub totals: DashboardTotals,
}

fn cut<T>(list: &mut Vec<T>) -> usize {
    let n = list.len();
    list.truncate(LIST_LIMIT);
    n
}

impl App {
    /// The dashboard: built from the database when it changed since the last build (or the day
    /// turned), else the kept copy.
    pub async fn dashboard(&self) -> Result<Dashboard> {
        Ok(Dashboard::clone(&*self.dashboard_shared().await?))
    }

    /// The dashboard as [`App::dashboard`], shared: the same `Arc` until the data changes, so
    /// a caller can keep what it derives from it (the web page keeps its template value).
    pub async fn dashboard_shared(&self) -> Result<Arc<Dashboard>> {
        let today = self.today();
        let version = self.store().version().await?;
        let mut kept = self.memos.dashboard.lock().await;
        if let Some((day, v, d)) = kept.as_ref()
            && *day == today
        {
            if *v == version {
                return Ok(Arc::clone(d));
            }
            if v.same_local(&version) {
                // Only another process or server wrote: show the kept copy while one build runs
                // in the background, at most every BACKGROUND_EVERY (a busy shared PostgreSQL
                // server would otherwise keep a core building).
                if self.background_due() && !self.memos.rebuilding.swap(true, Ordering::AcqRel) {
                    let app = self.clone();
                    tokio::spawn(async move { app.rebuild_dashboard(today, version).await });
                }
                return Ok(Arc::clone(d));
            }
        }
        let built = Arc::new(self.build_off_workers(today).await?);
        *kept = Some((today, version, Arc::clone(&built)));
        Ok(built)
    }

    /// Whether a background build may start now (and if so, notes that it does).
    fn background_due(&self) -> bool {
        let mut last = self
            .memos
            .last_background
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if last.is_some_and(|t| t.elapsed() < BACKGROUND_EVERY) {
            return false;
        }
        *last = Some(std::time::Instant::now());
        true
    }

    /// The background build: keeps its result unless this process wrote meanwhile (then the
    /// next view builds in the foreground anyway). A failure keeps the old copy; the next
    /// foreground build reports it.
    async fn rebuild_dashboard(&self, today: Date, version: DataVersion) {
        if let Ok(built) = self.build_off_workers(today).await {
            let mut kept = self.memos.dashboard.lock().await;
            let current = kept
                .as_ref()
                .is_none_or(|(day, v, _)| *day == today && v.same_local(&version));
            if current {
                *kept = Some((today, version, Arc::new(built)));
            }
        }
        self.memos.rebuilding.store(false, Ordering::Release);
    }

    /// Builds the dashboard on a blocking-pool thread: the forecasts are seconds of CPU work
    /// that would otherwise hold an async worker and stall every request queued on it.
    async fn build_off_workers(&self, today: Date) -> Result<Dashboard> {
        let app = self.clone();
        let handle = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || handle.block_on(app.build_dashboard(today)))
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }

    /// Builds the dashboard from the database.
    async fn build_dashboard(&self, today: Date) -> Result<Dashboard> {
        let query = ForecastQuery {
            seed: Some(DASHBOARD_SEED),
            ..ForecastQuery::default()
        };
        let mut at_risk = self.risks(&query).await?;
        at_risk.sort_by(|a, b| {
            let p = |w: &Warning| w.forecast.p_on_time.unwrap_or(0.0);
            p(a).total_cmp(&p(b))
        });
        let mut incidents = self.incidents(None, true).await?;
        let mut tx = self.begin().await?;
        let names: HashMap<Id, String> = tx
            .clients()
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let name = |id: Id| names.get(&id).cloned().unwrap_or_default();
        let (mut due, mut overdue) = (Vec::new(), Vec::new());
        let soon = today.saturating_add(DUE_SOON_DAYS.days());
        for c in tx.commitments(None).await? {
            let Some(d) = c.due.filter(|_| c.status == CommitmentStatus::Open) else {
                continue;
            };
            if d > soon {
                continue;
            }
            let row = FollowUp {
                client: name(c.client_id),
                commitment: c,
            };
            if d < today {
                overdue.push(row);
            } else {
                due.push(row);
            }
        }
        due.sort_by_key(|f| f.commitment.due);
        overdue.sort_by_key(|f| f.commitment.due);
        let cutoff = today
            .saturating_sub(CHECKIN_DAYS.days())
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let last = tx.last_outbound_contacts().await?;
        let mut checkins: Vec<CheckinDue> = tx
            .projects(None)
            .await?
            .into_iter()
            .filter(|p| p.status == ProjectStatus::Active)
            .filter_map(|p| {
                let last_contact = last.get(&p.client_id).copied();
                last_contact.is_none_or(|t| t < cutoff).then(|| CheckinDue {
                    project_id: p.id,
                    client: name(p.client_id),
                    project: p.name,
                    client_id: p.client_id,
                    last_contact,
                })
            })
            .collect();
        // Never contacted first (None sorts first), then the longest silence.
        checkins.sort_by_key(|c| c.last_contact);
        drop(tx);
        let totals = DashboardTotals {
            at_risk: cut(&mut at_risk),
            incidents: cut(&mut incidents),
            due: cut(&mut due),
            overdue: cut(&mut overdue),
            checkins: cut(&mut checkins),
        };
        Ok(Dashboard {
            today,
            at_risk,
            incidents,
            due,
            overdue,
            checkins,
            totals,
        })
    }
}
