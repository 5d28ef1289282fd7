//! Weekly check-ins: one composed `weekly_checkin` per active project and week, saved as a draft
//! (record entry and outbox `.eml`) through the same path as `candor compose --save`, so sending
//! or discarding it in the outbox settles it; drafting a week twice finds the first one. Also
//! what a check-in reports: the week's progress and the forecast timeline.

use crate::{App, ComposeRequest, ForecastQuery, Result, resolve};
use candor_compose::{TimelineItem, WeekProgress};
use candor_core::{Id, Project, ProjectStatus, field};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

/// What `candor checkin` did for one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckinRow {
    /// Project id.
    pub project_id: Id,
    /// Project name.
    pub project: String,
    /// Client name.
    pub client: String,
    /// The week (its Monday).
    pub week: Date,
    /// `drafted` (new), `exists` (drafted before) or `skipped` (see `reason`).
    pub outcome: String,
    /// The outbox message holding the check-in.
    pub outbox_id: Option<Id>,
    /// The draft record entry, when drafted now.
    pub record_id: Option<Id>,
    /// Why it was skipped.
    pub reason: Option<String>,
}

impl App {
    /// Drafts the weekly check-in of every active project (one client's when given) for the
    /// week containing `week` (default today) into the outbox, once per project and week.
    pub async fn checkin(
        &self,
        week: Option<&str>,
        client: Option<&str>,
    ) -> Result<Vec<CheckinRow>> {
        let day = match week {
            Some(w) => field::date("week", w)?,
            None => self.today(),
        };
        let monday = week_of(day);
        let (projects, clients) = {
            let mut tx = self.begin().await?;
            let client_id = resolve::client_id(&mut tx, client).await?;
            (tx.projects(client_id).await?, tx.clients().await?)
        };
        let mut rows = Vec::new();
        for p in projects
            .into_iter()
            .filter(|p| p.status == ProjectStatus::Active)
        {
            let client = clients
                .iter()
                .find(|c| c.id == p.client_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let mut row = CheckinRow {
                project_id: p.id,
                project: p.name.clone(),
                client,
                week: monday,
                outcome: "drafted".into(),
                outbox_id: None,
                record_id: None,
                reason: None,
            };
            let (existing, first_contact) = {
                let mut tx = self.begin().await?;
                let existing = tx.outbox_checkin(p.id, &monday.to_string()).await?;
                let contacts = tx.contacts(Some(p.client_id)).await?;
                (existing, contacts.into_iter().next())
            };
            if let Some(id) = existing {
                row.outcome = "exists".into();
                row.outbox_id = Some(id);
                rows.push(row);
                continue;
            }
            let skip = match &first_contact {
                None => Some(format!("{} has no contact to write to", row.client)),
                Some(c) if c.email.is_none() => Some(format!("no email address for {}", c.name)),
                Some(_) => None,
            };
            if let Some(reason) = skip {
                row.outcome = "skipped".into();
                row.reason = Some(reason);
                rows.push(row);
                continue;
            }
            let req = ComposeRequest {
                message_type: "weekly_checkin".into(),
                project: Some(p.id.to_string()),
                save: true,
                week: Some(monday),
                ..ComposeRequest::default()
            };
            match self.compose(&req).await {
                Ok(done) => {
                    row.outbox_id = done.outbox.map(|m| m.id);
                    row.record_id = done.saved.map(|e| e.id);
                }
                Err(e) if e.exit_code() == 2 => {
                    row.outcome = "skipped".into();
                    row.reason = Some(e.to_string());
                }
                Err(e) => return Err(e),
            }
            rows.push(row);
        }
        Ok(rows)
    }

    /// Progress of the seven days up to `week`'s Sunday (or today, if sooner) and the forecast
    /// timeline of a project.
    pub(crate) async fn week(&self, project: &Project, week: Option<Date>) -> Result<WeekProgress> {
        let today = match week {
            Some(w) => self.today().min(week_of(w).saturating_add(6.days())),
            None => self.today(),
        };
        let since = today.saturating_sub(7.days());
        let (milestones, progress) = {
            let mut tx = self.begin().await?;
            let milestones = tx.milestones(Some(project.id)).await?;
            let all = tx.progress(Some(project.id)).await?;
            // Progress an import supersedes is not reported twice.
            let mut progress =
                crate::projects::counted_progress(&mut tx, Some(project.id), &milestones, all)
                    .await?;
            // A past week is reported as it stood at its end: later progress does not count.
            progress.retain(|p| p.date <= today);
            (milestones, progress)
        };
        let rows = self
            .forecast(&ForecastQuery {
                project: Some(project.id.to_string()),
                as_of: Some(today.to_string()),
                ..ForecastQuery::default()
            })
            .await
            .unwrap_or_default();
        let p85 = |title: Option<&str>| {
            rows.iter()
                .find(|r| r.milestone.as_deref() == title)
                .and_then(|r| r.p85)
        };
        let scope: u32 = milestones.iter().map(|m| m.scope).sum::<u32>()
            + progress.iter().map(|p| p.added).sum::<u32>();
        let done: u32 = progress.iter().map(|p| p.done).sum();
        let mut timeline = Vec::new();
        for m in &milestones {
            let done_here: u32 = progress
                .iter()
                .filter(|p| p.milestone_id == Some(m.id))
                .map(|p| p.done)
                .sum();
            timeline.push(TimelineItem {
                title: m.title.clone(),
                due: m.due,
                forecast: p85(Some(&m.title)),
                remaining: m.scope.saturating_sub(done_here),
            });
        }
        timeline.sort_by_key(|m| m.due);
        Ok(WeekProgress {
            done_this_week: progress
                .iter()
                .filter(|p| p.date > since && p.date <= today)
                .map(|p| p.done)
                .sum(),
            remaining: scope.saturating_sub(done),
            forecast: p85(None),
            timeline,
        })
    }
}

/// The Monday of the week `d` falls in: the key of a weekly check-in.
pub(crate) fn week_of(d: Date) -> Date {
    d.saturating_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
}
