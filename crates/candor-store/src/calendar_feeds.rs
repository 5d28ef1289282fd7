//! Calendar feed tokens in the store: only the SHA-256 digest of a token is kept, so the table
//! cannot be used to read anyone's feed; a revoked feed is kept (for the list) but never answers.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use jiff::Timestamp;
use serde::Serialize;
use sqlx::any::AnyRow;

const COLS: &str = "id, label, client_id, created_at, revoked_at";

/// A calendar feed as listed (never with its token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarFeedRow {
    /// Database id.
    pub id: Id,
    /// What it is for ("Maya's phone").
    pub label: String,
    /// Only this client's entries, when set.
    pub client_id: Option<Id>,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was revoked (RFC 3339).
    pub revoked_at: Option<String>,
}

fn feed(r: &AnyRow) -> Result<CalendarFeedRow> {
    Ok(CalendarFeedRow {
        id: row::int(r, "id")?,
        label: row::text(r, "label")?,
        client_id: row::opt_int(r, "client_id")?,
        created_at: row::text(r, "created_at")?,
        revoked_at: row::opt_text(r, "revoked_at")?,
    })
}

impl Tx {
    /// Stores a new feed under the digest of its token.
    pub async fn insert_calendar_feed(
        &mut self,
        token_hash: &str,
        label: &str,
        client_id: Option<Id>,
        now: Timestamp,
    ) -> Result<CalendarFeedRow> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO calendar_feeds (token_hash, label, client_id, created_at)
             VALUES ($1, $2, $3, $4) RETURNING {COLS}"
        )))
        .bind(token_hash)
        .bind(label)
        .bind(client_id)
        .bind(row::ts_text(now))
        .fetch_one(self.conn())
        .await?;
        feed(&r)
    }

    /// Every feed, oldest first.
    pub async fn calendar_feeds(&mut self) -> Result<Vec<CalendarFeedRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM calendar_feeds ORDER BY id"
        )))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(feed).collect()
    }

    /// The live (not revoked) feed with this token digest.
    pub async fn calendar_feed_by_hash(
        &mut self,
        token_hash: &str,
    ) -> Result<Option<CalendarFeedRow>> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL"
        )))
        .bind(token_hash)
        .fetch_optional(self.conn())
        .await?;
        r.as_ref().map(feed).transpose()
    }

    /// Revokes a feed (again is harmless: the first revocation time stays).
    pub async fn revoke_calendar_feed(
        &mut self,
        id: Id,
        now: Timestamp,
    ) -> Result<CalendarFeedRow> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE calendar_feeds SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1
             RETURNING {COLS}"
        )))
        .bind(id)
        .bind(row::ts_text(now))
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "calendar feed",
            key: id.to_string(),
        })?;
        feed(&r)
    }
}
