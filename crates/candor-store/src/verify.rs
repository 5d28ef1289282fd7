//! Walking the record's hash chains: recomputing every entry's hash from the stored columns and
//! checking each link, plus the one-time sealing of entries written before the chain existed.

use crate::chain::{GENESIS, Sealable};
use crate::{Result, Tx, row};
use candor_core::Id;
use serde::Serialize;
use sqlx::any::AnyRow;

/// The first place a client's chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainBreak {
    /// Client whose chain it is.
    pub client_id: Id,
    /// The first entry that does not check out.
    pub entry_id: Id,
    /// What is wrong with it.
    pub reason: String,
}

/// One client's chain as verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainStatus {
    /// Client.
    pub client_id: Id,
    /// Entries walked.
    pub entries: u64,
    /// The newest entry's stored hash (note it down to catch removal of newest entries later).
    pub head: String,
    /// The first break, if any.
    pub broken: Option<ChainBreak>,
}

/// The raw stored columns a hash covers.
struct RawEntry {
    id: Id,
    client_id: Id,
    project_id: Option<Id>,
    incident_id: Option<Id>,
    corrects: Option<Id>,
    texts: [String; 8],
    prev_hash: String,
    hash: String,
}

const TEXT_COLS: [&str; 8] = [
    "kind",
    "direction",
    "at",
    "author",
    "participants",
    "subject",
    "body",
    "source",
];

impl RawEntry {
    fn read(r: &AnyRow) -> Result<Self> {
        let mut texts: [String; 8] = Default::default();
        for (slot, col) in texts.iter_mut().zip(TEXT_COLS) {
            *slot = row::text(r, col)?;
        }
        Ok(RawEntry {
            id: row::int(r, "id")?,
            client_id: row::int(r, "client_id")?,
            project_id: row::opt_int(r, "project_id")?,
            incident_id: row::opt_int(r, "incident_id")?,
            corrects: row::opt_int(r, "corrects")?,
            texts,
            prev_hash: row::text(r, "prev_hash")?,
            hash: row::text(r, "hash")?,
        })
    }

    /// The hash of this entry as if its previous hash were `prev`.
    fn compute(&self, prev: &str) -> String {
        let [
            kind,
            direction,
            at,
            author,
            participants,
            subject,
            body,
            source,
        ] = &self.texts;
        Sealable {
            id: self.id,
            client_id: self.client_id,
            project_id: self.project_id,
            incident_id: self.incident_id,
            corrects: self.corrects,
            kind,
            direction,
            at,
            author,
            participants,
            subject,
            body,
            source,
            prev_hash: prev,
        }
        .hash()
    }
}

/// Checks one entry against the hash before it; `None` when it is intact.
fn check(e: &RawEntry, expected_prev: &str, corrected_ok: bool) -> Option<String> {
    if e.prev_hash != expected_prev {
        return Some(format!(
            "its previous-entry hash {} does not match the hash {} of the client's entry before \
             it: an entry before it was removed, inserted or re-sealed",
            short(&e.prev_hash),
            short(expected_prev)
        ));
    }
    let computed = e.compute(&e.prev_hash);
    if computed != e.hash {
        return Some(format!(
            "its content does not match its hash (stored {}, computed {}): the entry was \
             changed after it was written",
            short(&e.hash),
            short(&computed)
        ));
    }
    if !corrected_ok {
        return Some(format!(
            "it claims to correct entry {}, which is not an earlier entry of the same client",
            e.corrects.unwrap_or_default()
        ));
    }
    None
}

fn short(h: &str) -> String {
    if h.is_empty() {
        "(none)".into()
    } else {
        h.chars().take(12).collect()
    }
}

const RAW_COLS: &str = "id, client_id, project_id, incident_id, corrects, kind, direction, at, \
                        author, participants, subject, body, source, prev_hash, hash";

impl Tx {
    /// Verifies every client's chain (or one client's), reporting each chain's first break.
    pub async fn verify_chains(&mut self, client_id: Option<Id>) -> Result<Vec<ChainStatus>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {RAW_COLS} FROM record_entries WHERE ($1 IS NULL OR client_id = $1)
             ORDER BY client_id, id"
        )))
        .bind(client_id)
        .fetch_all(self.conn())
        .await?;
        let mut out: Vec<ChainStatus> = Vec::new();
        let mut seen: Vec<Id> = Vec::new();
        for r in &rows {
            let e = RawEntry::read(r)?;
            if out.last().is_none_or(|s| s.client_id != e.client_id) {
                seen.clear();
                out.push(ChainStatus {
                    client_id: e.client_id,
                    entries: 0,
                    head: GENESIS.to_owned(),
                    broken: None,
                });
            }
            let status = out.last_mut().expect("pushed above");
            status.entries += 1;
            let corrected_ok = e.corrects.is_none_or(|c| seen.contains(&c));
            if status.broken.is_none()
                && let Some(reason) = check(&e, &status.head, corrected_ok)
            {
                status.broken = Some(ChainBreak {
                    client_id: e.client_id,
                    entry_id: e.id,
                    reason,
                });
            }
            seen.push(e.id);
            status.head = e.hash;
        }
        Ok(out)
    }

    /// Seals entries stored before the chain existed (migration 0008 leaves a marker row);
    /// runs once: the marker is removed in the same transaction.
    pub async fn seal_legacy_records(&mut self) -> Result<u64> {
        let marker = sqlx::query("DELETE FROM record_seal_backfill WHERE pending = 1")
            .execute(self.conn())
            .await?;
        if marker.rows_affected() == 0 {
            return Ok(0);
        }
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {RAW_COLS} FROM record_entries ORDER BY client_id, id"
        )))
        .fetch_all(self.conn())
        .await?;
        let (mut client, mut prev, mut n) = (None, GENESIS.to_owned(), 0);
        for r in &rows {
            let e = RawEntry::read(r)?;
            if client != Some(e.client_id) {
                client = Some(e.client_id);
                prev = GENESIS.to_owned();
            }
            let hash = e.compute(&prev);
            sqlx::query("UPDATE record_entries SET prev_hash = $1, hash = $2 WHERE id = $3")
                .bind(&prev)
                .bind(&hash)
                .bind(e.id)
                .execute(self.conn())
                .await?;
            prev = hash;
            n += 1;
        }
        Ok(n)
    }
}
