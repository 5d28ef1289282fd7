//! The dashboard as one use case: what needs attention today — projects at risk (tell the client
//! now), open incidents with their current step, follow-ups due and overdue, weekly check-ins due.

use crate::{App, ForecastQuery, IncidentDetail, Result, Warning};
use candor_core::{Commitment, CommitmentStatus, Direction, Id, ProjectStatus};
use candor_store::RecordFilter;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

/// Follow-ups due within this many days count as "due".
const DUE_SOON_DAYS: i64 = 7;
/// A project whose client heard nothing from us for this many days needs a check-in.
const CHECKIN_DAYS: i64 = 7;
/// Fixed forecast seed so the dashboard reads the same on every reload.
const DASHBOARD_SEED: u64 = 20_261_125;

/// A commitment with its client's name.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// The commitment.
    #[serde(flatten)]
    pub commitment: Commitment,
    /// Client name.
    pub client: String,
}

/// An active project whose client is due a check-in.
#[derive(Debug, Clone, Serialize)]
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
    pub last_contact: Option<Timestamp>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    /// The day it is judged on.
    pub today: Date,
    /// Forecasts at risk or off track.
    pub at_risk: Vec<Warning>,
    /// Open incidents.
    pub incidents: Vec<IncidentDetail>,
    /// Open commitments due within a week.
    pub due: Vec<FollowUp>,
    /// Open commitments past their due date.
    pub overdue: Vec<FollowUp>,
    /// Weekly check-ins due.
    pub checkins: Vec<CheckinDue>,
}

impl App {
    /// Builds the dashboard.
    pub async fn dashboard(&self) -> Result<Dashboard> {
        let today = self.today();
        let query = ForecastQuery {
            seed: Some(DASHBOARD_SEED),
            ..ForecastQuery::default()
        };
        let at_risk = self.risks(&query).await?;
        let incidents = self.incidents(None, true).await?;
        let mut tx = self.begin().await?;
        let clients = tx.clients().await?;
        let name = |id: Id| {
            clients
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        let (mut due, mut overdue) = (Vec::new(), Vec::new());
        for c in tx.commitments(None).await? {
            let Some(d) = c.due.filter(|_| c.status == CommitmentStatus::Open) else {
                continue;
            };
            let row = FollowUp {
                client: name(c.client_id),
                commitment: c,
            };
            if d < today {
                overdue.push(row);
            } else if d <= today.saturating_add(DUE_SOON_DAYS.days()) {
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
        let mut checkins = Vec::new();
        for p in tx.projects(None).await? {
            if p.status != ProjectStatus::Active {
                continue;
            }
            let records = tx
                .records(&RecordFilter {
                    client_id: Some(p.client_id),
                    project_id: None,
                    incident_id: None,
                    limit: Some(50),
                })
                .await?;
            let last_contact = records
                .iter()
                .filter(|r| r.direction == Direction::Out)
                .map(|r| r.at)
                .max();
            if last_contact.is_none_or(|t| t < cutoff) {
                checkins.push(CheckinDue {
                    project_id: p.id,
                    project: p.name.clone(),
                    client_id: p.client_id,
                    client: name(p.client_id),
                    last_contact,
                });
            }
        }
        Ok(Dashboard {
            today,
            at_risk,
            incidents,
            due,
            overdue,
            checkins,
        })
    }
}
