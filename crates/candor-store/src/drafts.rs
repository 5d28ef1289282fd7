//! Composer drafts in the store: the status of a record entry the composer saved (`draft` until
//! it is sent or dropped), kept beside the entry so the entry itself is never rewritten.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use sqlx::any::AnyRow;

/// A saved draft's bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    /// The record entry holding the draft.
    pub record_id: Id,
    /// `draft`, `sent` or `discarded`.
    pub status: String,
    /// The composer's message type id.
    pub message_type: String,
    /// Language code.
    pub language: String,
    /// Last status change.
    pub updated_at: jiff::Timestamp,
}

/// The statuses a draft may have.
pub const DRAFT_STATUSES: [&str; 3] = ["draft", "sent", "discarded"];

fn draft(r: &AnyRow) -> Result<DraftRow> {
    Ok(DraftRow {
        record_id: row::int(r, "record_id")?,
        status: row::text(r, "status")?,
        message_type: row::text(r, "message_type")?,
        language: row::text(r, "language")?,
        updated_at: row::timestamp(r, "updated_at")?,
    })
}

impl Tx {
    /// Marks record entry `d.record_id` as a composer draft.
    pub async fn insert_draft(&mut self, d: &DraftRow) -> Result<()> {
        if !DRAFT_STATUSES.contains(&d.status.as_str()) {
            return Err(StoreError::Conflict(format!(
                "unknown draft status {:?}; expected one of {}",
                d.status,
                DRAFT_STATUSES.join(", ")
            )));
        }
        sqlx::query(
            "INSERT INTO record_drafts (record_id, status, message_type, language, updated_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(d.record_id)
        .bind(&d.status)
        .bind(&d.message_type)
        .bind(&d.language)
        .bind(row::ts_text(d.updated_at))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// The draft bookkeeping of a record entry, if the composer saved it.
    pub async fn draft(&mut self, record_id: Id) -> Result<Option<DraftRow>> {
        let r = sqlx::query(
            "SELECT record_id, status, message_type, language, updated_at
             FROM record_drafts WHERE record_id = $1",
        )
        .bind(record_id)
        .fetch_optional(self.conn())
        .await?;
        r.as_ref().map(draft).transpose()
    }

    /// Every saved draft, oldest first.
    pub async fn drafts(&mut self) -> Result<Vec<DraftRow>> {
        let rows = sqlx::query(
            "SELECT record_id, status, message_type, language, updated_at
             FROM record_drafts ORDER BY record_id",
        )
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(draft).collect()
    }

    /// Settles a saved draft: `sent` or `discarded` (from `draft` only).
    pub async fn set_draft_status(
        &mut self,
        record_id: Id,
        status: &str,
        at: jiff::Timestamp,
    ) -> Result<()> {
        if !DRAFT_STATUSES.contains(&status) {
            return Err(StoreError::Conflict(format!(
                "unknown draft status {status:?}; expected one of {}",
                DRAFT_STATUSES.join(", ")
            )));
        }
        let done = sqlx::query(
            "UPDATE record_drafts SET status = $1, updated_at = $2
             WHERE record_id = $3 AND status = 'draft'",
        )
        .bind(status)
        .bind(row::ts_text(at))
        .bind(record_id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!(
                "record entry {record_id} is not an open composer draft"
            )));
        }
        Ok(())
    }
}
