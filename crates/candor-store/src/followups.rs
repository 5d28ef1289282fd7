//! Follow-ups in the store: things we owe a client by a date, created by hand, by the playbook
//! and by dated promises in our own messages; each carries an `origin` key so the automatic ones
//! are created once however often their source is re-read.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::any::AnyRow;

const COLS: &str = "id, client_id, project_id, incident_id, kind, title, due, origin, source, \
                    created_at, status, done_on, done_record_id";

/// A stored follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// Database id.
    pub id: Id,
    /// Client.
    pub client_id: Id,
    /// Project, if any.
    pub project_id: Option<Id>,
    /// Incident, if any.
    pub incident_id: Option<Id>,
    /// `manual`, `callback`, `call_summary`, `transition_checkin` or `promised_update`.
    pub kind: String,
    /// What to do.
    pub title: String,
    /// Due date.
    pub due: Date,
    /// Key of the automatic source (`None` for hand-made ones).
    pub origin: Option<String>,
    /// Where it came from (`cli`, `incident:3`, `record:12`).
    pub source: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// `open`, `done` or `cancelled`.
    pub status: String,
    /// The day it was done.
    pub done_on: Option<Date>,
    /// The record entry that did it, if known.
    pub done_record_id: Option<Id>,
}

/// A follow-up to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFollowUp {
    /// Client.
    pub client_id: Id,
    /// Project.
    pub project_id: Option<Id>,
    /// Incident.
    pub incident_id: Option<Id>,
    /// Kind ID.
    pub kind: String,
    /// What to do.
    pub title: String,
    /// Due date.
    pub due: Date,
    /// Unique key of the automatic source.
    pub origin: Option<String>,
    /// Where it came from.
    pub source: String,
}

fn follow_up(r: &AnyRow) -> Result<FollowUp> {
    Ok(FollowUp {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        project_id: row::opt_int(r, "project_id")?,
        incident_id: row::opt_int(r, "incident_id")?,
        kind: row::text(r, "kind")?,
        title: row::text(r, "title")?,
        due: row::date(r, "due")?,
        origin: row::opt_text(r, "origin")?,
        source: row::text(r, "source")?,
        created_at: row::text(r, "created_at")?,
        status: row::text(r, "status")?,
        done_on: row::opt_date(r, "done_on")?,
        done_record_id: row::opt_int(r, "done_record_id")?,
    })
}

impl Tx {
    /// Adds a follow-up; one with an `origin` already stored is left alone and returned.
    pub async fn insert_follow_up(&mut self, f: &NewFollowUp) -> Result<FollowUp> {
        if let Some(origin) = &f.origin
            && let Some(existing) = self.follow_up_by_origin(origin).await?
        {
            return Ok(existing);
        }
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO follow_ups (client_id, project_id, incident_id, kind, title, due, origin,
             source, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open')
             RETURNING {COLS}"
        )))
        .bind(f.client_id)
        .bind(f.project_id)
        .bind(f.incident_id)
        .bind(&f.kind)
        .bind(&f.title)
        .bind(f.due.to_string())
        .bind(&f.origin)
        .bind(&f.source)
        .bind(row::ts_text(jiff::Timestamp::now()))
        .fetch_one(self.conn())
        .await?;
        follow_up(&r)
    }

    /// The follow-up created from this origin key, if any.
    pub async fn follow_up_by_origin(&mut self, origin: &str) -> Result<Option<FollowUp>> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM follow_ups WHERE origin = $1"
        )))
        .bind(origin)
        .fetch_optional(self.conn())
        .await?;
        r.as_ref().map(follow_up).transpose()
    }

    /// The follow-up with this id.
    pub async fn follow_up(&mut self, id: Id) -> Result<FollowUp> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM follow_ups WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "follow-up",
            key: id.to_string(),
        })?;
        follow_up(&r)
    }

    /// Follow-ups by due date: every one, or only open ones; of one client when given.
    pub async fn follow_ups(
        &mut self,
        client_id: Option<Id>,
        open_only: bool,
    ) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM follow_ups WHERE ($1 IS NULL OR client_id = $1)
             AND ($2 = 0 OR status = 'open') ORDER BY due, id"
        )))
        .bind(client_id)
        .bind(i64::from(open_only))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(follow_up).collect()
    }

    /// Follow-ups of one incident.
    pub async fn incident_follow_ups(&mut self, incident_id: Id) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM follow_ups WHERE incident_id = $1 ORDER BY due, id"
        )))
        .bind(incident_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(follow_up).collect()
    }

    /// Closes an open follow-up as `done` (on a day, by a record entry) or `cancelled`.
    pub async fn close_follow_up(
        &mut self,
        id: Id,
        status: &str,
        on: Date,
        record_id: Option<Id>,
    ) -> Result<FollowUp> {
        let done = sqlx::query(
            "UPDATE follow_ups SET status = $1, done_on = $2, done_record_id = $3
             WHERE id = $4 AND status = 'open'",
        )
        .bind(status)
        .bind(on.to_string())
        .bind(record_id)
        .bind(id)
        .execute(self.conn())
        .await?;
        let f = self.follow_up(id).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!(
                "follow-up {id} is already {}",
                f.status
            )));
        }
        Ok(f)
    }
}
