//! The outbox in the store: drafted mail kept as its full `.eml` text until it is sent; a send
//! failure keeps the draft with the server's answer.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use serde::Serialize;
use sqlx::any::AnyRow;

const COLS: &str = "id, client_id, project_id, kind, subject, recipients, body, message_id, eml, \
                    status, created_at, sent_at, last_error, record_id, week, draft_record_id";

/// A stored outbox message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxMessage {
    /// Database id.
    pub id: Id,
    /// Client.
    pub client_id: Id,
    /// Project, if any.
    pub project_id: Option<Id>,
    /// `manual`, or the composer's message type id (`delay_email`, `weekly_checkin`, …).
    pub kind: String,
    /// Subject.
    pub subject: String,
    /// Recipient addresses.
    pub recipients: Vec<String>,
    /// Plain-text body (for the record once sent).
    pub body: String,
    /// The Message-ID without angle brackets.
    pub message_id: String,
    /// The complete message as an `.eml` (CRLF line ends).
    pub eml: String,
    /// `draft`, `sent` or `discarded` (a draft whose last attempt failed stays `draft`).
    pub status: String,
    /// When drafted (RFC 3339).
    pub created_at: String,
    /// When sent (RFC 3339).
    pub sent_at: Option<String>,
    /// The server's answer to the last failed attempt.
    pub last_error: Option<String>,
    /// The outgoing record entry, once sent.
    pub record_id: Option<Id>,
    /// The week a check-in covers (its Monday).
    pub week: Option<String>,
    /// The composer's draft record entry this message was made from, if any.
    pub draft_record_id: Option<Id>,
}

/// A message to put in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutboxMessage {
    /// Client.
    pub client_id: Id,
    /// Project.
    pub project_id: Option<Id>,
    /// Kind ID.
    pub kind: String,
    /// Subject.
    pub subject: String,
    /// Recipients.
    pub recipients: Vec<String>,
    /// Plain-text body.
    pub body: String,
    /// Message-ID.
    pub message_id: String,
    /// The `.eml` text.
    pub eml: String,
    /// Check-in week.
    pub week: Option<String>,
    /// The composer's draft record entry.
    pub draft_record_id: Option<Id>,
}

fn message(r: &AnyRow) -> Result<OutboxMessage> {
    let recipients =
        serde_json::from_str(&row::text(r, "recipients")?).map_err(|e| StoreError::Corrupt {
            what: "recipients",
            reason: e.to_string(),
        })?;
    Ok(OutboxMessage {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        project_id: row::opt_int(r, "project_id")?,
        kind: row::text(r, "kind")?,
        subject: row::text(r, "subject")?,
        recipients,
        body: row::text(r, "body")?,
        message_id: row::text(r, "message_id")?,
        eml: row::text(r, "eml")?,
        status: row::text(r, "status")?,
        created_at: row::text(r, "created_at")?,
        sent_at: row::opt_text(r, "sent_at")?,
        last_error: row::opt_text(r, "last_error")?,
        record_id: row::opt_int(r, "record_id")?,
        week: row::opt_text(r, "week")?,
        draft_record_id: row::opt_int(r, "draft_record_id")?,
    })
}

impl Tx {
    /// Puts a draft in the outbox.
    pub async fn insert_outbox(&mut self, m: &NewOutboxMessage) -> Result<OutboxMessage> {
        let recipients = serde_json::to_string(&m.recipients).unwrap_or_else(|_| "[]".into());
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO outbox (client_id, project_id, kind, subject, recipients, body,
             message_id, eml, status, created_at, week, draft_record_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $11) RETURNING {COLS}"
        )))
        .bind(m.client_id)
        .bind(m.project_id)
        .bind(&m.kind)
        .bind(&m.subject)
        .bind(recipients)
        .bind(&m.body)
        .bind(&m.message_id)
        .bind(&m.eml)
        .bind(row::ts_text(jiff::Timestamp::now()))
        .bind(&m.week)
        .bind(m.draft_record_id)
        .fetch_one(self.conn())
        .await?;
        message(&r)
    }

    /// The outbox message with this id.
    pub async fn outbox_message(&mut self, id: Id) -> Result<OutboxMessage> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM outbox WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "outbox message",
            key: id.to_string(),
        })?;
        message(&r)
    }

    /// Outbox messages by id, only those with `status` when given; `failed` means drafts whose
    /// last attempt failed.
    pub async fn outbox(&mut self, status: Option<&str>) -> Result<Vec<OutboxMessage>> {
        let (status, failed) = match status {
            Some("failed") => (Some("draft"), true),
            other => (other, false),
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM outbox WHERE ($1 IS NULL OR status = $1)
             AND ($2 = 0 OR last_error IS NOT NULL) ORDER BY id"
        )))
        .bind(status)
        .bind(i64::from(failed))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(message).collect()
    }

    /// The check-in already drafted for this project and week, if any.
    pub async fn outbox_checkin(&mut self, project_id: Id, week: &str) -> Result<Option<Id>> {
        let r = sqlx::query(
            "SELECT id FROM outbox WHERE kind = 'weekly_checkin' AND project_id = $1 AND week = $2",
        )
        .bind(project_id)
        .bind(week)
        .fetch_optional(self.conn())
        .await?;
        r.map(|r| row::int(&r, "id")).transpose()
    }

    /// Marks a draft sent, linking the outgoing record entry.
    pub async fn mark_outbox_sent(&mut self, id: Id, record_id: Id) -> Result<()> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, record_id = $2, last_error = NULL
             WHERE id = $3 AND status IN ('draft', 'sending')",
        )
        .bind(row::ts_text(jiff::Timestamp::now()))
        .bind(record_id)
        .bind(id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!(
                "outbox message {id} was already sent"
            )));
        }
        Ok(())
    }

    /// Claims a draft for sending (status `sending`), so two senders never both deliver it.
    /// `interrupted` also takes a message left `sending` by a send that never finished (the
    /// process died between the SMTP server and the database): the user's call to resend it.
    pub async fn claim_outbox(&mut self, id: Id, interrupted: bool) -> Result<()> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'sending'
             WHERE id = $1 AND (status = 'draft' OR ($2 = 1 AND status = 'sending'))",
        )
        .bind(id)
        .bind(i64::from(interrupted))
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
        let m = self.outbox_message(id).await?;
        Err(StoreError::Conflict(if m.status == "sending" {
            format!(
                "outbox message {id} is being sent, or a send of it was interrupted; if the \
                 recipient did not get it, resend it with: candor outbox send {id} --interrupted"
            )
        } else {
            format!(
                "outbox message {id} is {}; only a draft can be sent",
                m.status
            )
        }))
    }

    /// Keeps the draft (back from `sending`) and notes the server's answer to a failed attempt.
    pub async fn mark_outbox_failed(&mut self, id: Id, error: &str) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET last_error = $1, status = 'draft'
             WHERE id = $2 AND status IN ('draft', 'sending')",
        )
        .bind(error)
        .bind(id)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Drops a draft: it stays listed as `discarded` and can no longer be sent.
    pub async fn mark_outbox_discarded(&mut self, id: Id) -> Result<()> {
        let done = sqlx::query(
            "UPDATE outbox SET status = 'discarded' WHERE id = $1 AND status = 'draft'",
        )
        .bind(id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            let m = self.outbox_message(id).await?;
            return Err(StoreError::Conflict(format!(
                "outbox message {id} is {}; only a draft can be discarded",
                m.status
            )));
        }
        Ok(())
    }
}
