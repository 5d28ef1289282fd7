//! Record entries in the store: the per-client running folder, sealed into a hash chain per
//! client (see [`crate::chain`] for the canonical form) and never updated in place.

use crate::chain::{GENESIS, Sealable};
use crate::{Backend, Result, StoreError, Tx, row};
use candor_core::{Direction, Id, NewRecordEntry, RecordEntry, RecordKind};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;

const COLS: &str = "id, client_id, project_id, incident_id, kind, direction, at, author, \
                    participants, subject, body, source, corrects, prev_hash, hash";

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

fn sealed(r: &AnyRow) -> Result<SealedRecord> {
    Ok(SealedRecord {
        entry: entry(r)?,
        corrects: row::opt_int(r, "corrects")?,
        prev_hash: row::text(r, "prev_hash")?,
        hash: row::text(r, "hash")?,
    })
}

/// A record entry with its place in the client's hash chain (what export writes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRecord {
    /// The entry itself.
    #[serde(flatten)]
    pub entry: RecordEntry,
    /// The entry this one corrects, if it is a correction.
    pub corrects: Option<Id>,
    /// The hash of the client's previous entry (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 of this entry's canonical form.
    pub hash: String,
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
    /// Adds a record entry at the end of its client's chain.
    pub async fn insert_record(&mut self, e: &NewRecordEntry) -> Result<RecordEntry> {
        Ok(self.insert_sealed(e, None).await?.entry)
    }

    /// Adds a correction: a new entry that names the entry it corrects (same client), which
    /// itself stays as it was.
    pub async fn insert_correction(
        &mut self,
        e: &NewRecordEntry,
        corrects: Id,
    ) -> Result<SealedRecord> {
        let old = self.record(corrects).await?;
        if old.client_id != e.client_id {
            return Err(StoreError::Conflict(format!(
                "record entry {corrects} belongs to another client; a correction stays with \
                 the client of the entry it corrects"
            )));
        }
        self.insert_sealed(e, Some(corrects)).await
    }

    /// Inserts, then seals with the id the database gave (one transaction, so nobody sees the
    /// unsealed row).
    async fn insert_sealed(
        &mut self,
        e: &NewRecordEntry,
        corrects: Option<Id>,
    ) -> Result<SealedRecord> {
        let participants =
            serde_json::to_string(&e.participants).map_err(|err| StoreError::Corrupt {
                what: "participants",
                reason: err.to_string(),
            })?;
        let prev = self.chain_head(e.client_id).await?;
        let at = row::ts_text(e.at);
        let r = sqlx::query(
            "INSERT INTO record_entries
             (client_id, project_id, incident_id, kind, direction, at, author, participants,
              subject, body, source, corrects, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '') RETURNING id",
        )
        .bind(e.client_id)
        .bind(e.project_id)
        .bind(e.incident_id)
        .bind(e.kind.as_str())
        .bind(e.direction.as_str())
        .bind(&at)
        .bind(&e.author)
        .bind(&participants)
        .bind(&e.subject)
        .bind(&e.body)
        .bind(&e.source)
        .bind(corrects)
        .bind(&prev)
        .fetch_one(self.conn())
        .await?;
        let id = row::int(&r, "id")?;
        let hash = Sealable {
            id,
            client_id: e.client_id,
            project_id: e.project_id,
            incident_id: e.incident_id,
            corrects,
            kind: e.kind.as_str(),
            direction: e.direction.as_str(),
            at: &at,
            author: &e.author,
            participants: &participants,
            subject: &e.subject,
            body: &e.body,
            source: &e.source,
            prev_hash: &prev,
        }
        .hash();
        sqlx::query("UPDATE record_entries SET hash = $1 WHERE id = $2")
            .bind(&hash)
            .bind(id)
            .execute(self.conn())
            .await?;
        self.sealed_record(id).await
    }

    /// The hash of the client's newest entry (64 zeros when it has none), holding a lock on
    /// the client row on PostgreSQL so two writers cannot fork the chain.
    pub async fn chain_head(&mut self, client_id: Id) -> Result<String> {
        if self.backend() == Backend::Postgres {
            sqlx::query("SELECT id FROM clients WHERE id = $1 FOR UPDATE")
                .bind(client_id)
                .execute(self.conn())
                .await?;
        }
        let r = sqlx::query(
            "SELECT hash FROM record_entries WHERE client_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(client_id)
        .fetch_optional(self.conn())
        .await?;
        match r {
            Some(r) => row::text(&r, "hash"),
            None => Ok(GENESIS.to_owned()),
        }
    }

    /// The record entry with this id.
    pub async fn record(&mut self, id: Id) -> Result<RecordEntry> {
        Ok(self.sealed_record(id).await?.entry)
    }

    /// The record entry with this id and its chain fields.
    pub async fn sealed_record(&mut self, id: Id) -> Result<SealedRecord> {
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
        sealed(&r)
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

    /// Every record entry by id (for listings that do not need the chain).
    pub async fn all_records(&mut self) -> Result<Vec<RecordEntry>> {
        Ok(self
            .all_sealed_records()
            .await?
            .into_iter()
            .map(|s| s.entry)
            .collect())
    }

    /// Every record entry by id with its chain fields (for export).
    pub async fn all_sealed_records(&mut self) -> Result<Vec<SealedRecord>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM record_entries ORDER BY id"
        )))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(sealed).collect()
    }
}
