//! Record entries in the store: the per-client running folder.

use crate::{Result, StoreError, Tx, row};
use candor_core::{Direction, Id, NewRecordEntry, RecordEntry, RecordKind};
use sqlx::any::AnyRow;

const COLS: &str = "id, client_id, project_id, incident_id, kind, direction, at, author, \
                    participants, subject, body, source";

fn entry(r: &AnyRow) -> Result<RecordEntry> {
    let participants: Vec<String> =
        serde_json::from_str(&row::text(r, "participants")?).map_err(|e| StoreError::Corrupt {
            what: "participants",
            reason: e.to_string(),
        })?;
    Ok(RecordEntry {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        project_id: row::opt_int(r, "project_id")?,
        incident_id: row::opt_int(r, "incident_id")?,
        kind: row::parsed(r, "kind", RecordKind::parse)?,
        direction: row::parsed(r, "direction", Direction::parse)?,
        at: row::timestamp(r, "at")?,
        author: row::text(r, "author")?,
        participants,
        subject: row::text(r, "subject")?,
        body: row::text(r, "body")?,
        source: row::text(r, "source")?,
    })
}

/// Filters for listing record entries.
#[derive(Debug, Clone, Default)]
pub struct RecordFilter {
    /// Only this client.
    pub client_id: Option<Id>,
    /// Only this project.
    pub project_id: Option<Id>,
    /// Only this incident.
    pub incident_id: Option<Id>,
    /// At most this many (newest first when set).
    pub limit: Option<i64>,
}

impl Tx {
    /// Adds a record entry.
    pub async fn insert_record(&mut self, e: &NewRecordEntry) -> Result<RecordEntry> {
        let participants =
            serde_json::to_string(&e.participants).map_err(|err| StoreError::Corrupt {
                what: "participants",
                reason: err.to_string(),
            })?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO record_entries
             (client_id, project_id, incident_id, kind, direction, at, author, participants,
              subject, body, source)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {COLS}"
        )))
        .bind(e.client_id)
        .bind(e.project_id)
        .bind(e.incident_id)
        .bind(e.kind.as_str())
        .bind(e.direction.as_str())
        .bind(row::ts_text(e.at))
        .bind(&e.author)
        .bind(participants)
        .bind(&e.subject)
        .bind(&e.body)
        .bind(&e.source)
        .fetch_one(self.conn())
        .await?;
        entry(&r)
    }

    /// The record entry with this id.
    pub async fn record(&mut self, id: Id) -> Result<RecordEntry> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM record_entries WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "record entry",
            key: id.to_string(),
        })?;
        entry(&r)
    }

    /// Record entries matching `f`, in time order (the newest `limit` when a limit is set).
    pub async fn records(&mut self, f: &RecordFilter) -> Result<Vec<RecordEntry>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM record_entries
             WHERE ($1 IS NULL OR client_id = $1) AND ($2 IS NULL OR project_id = $2)
               AND ($3 IS NULL OR incident_id = $3)
             ORDER BY at DESC, id DESC LIMIT $4"
        )))
        .bind(f.client_id)
        .bind(f.project_id)
        .bind(f.incident_id)
        .bind(f.limit.unwrap_or(i64::MAX))
        .fetch_all(self.conn())
        .await?;
        let mut out = rows.iter().map(entry).collect::<Result<Vec<_>>>()?;
        out.reverse();
        Ok(out)
    }

    /// Every record entry by id (for export).
    pub async fn all_records(&mut self) -> Result<Vec<RecordEntry>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM record_entries ORDER BY id"
        )))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(entry).collect()
    }
}
