//! Promise candidates in the store: sentences from outgoing mail that look like commitments,
//! waiting for a person to confirm them into the commitments or reject them.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use jiff::civil::Date;
use sqlx::any::AnyRow;

/// A candidate with the message it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseCandidate {
    /// Candidate id.
    pub id: Id,
    /// The message.
    pub mail_id: Id,
    /// The message's record entry, if assigned.
    pub record_id: Option<Id>,
    /// The message's client, if assigned.
    pub client_id: Option<Id>,
    /// Message-ID of the message.
    pub message_id: Option<String>,
    /// The sentence.
    pub text: String,
    /// Byte offsets of the sentence in the message body.
    pub start: i64,
    /// End offset.
    pub end: i64,
    /// Due date stated in the sentence.
    pub due: Option<Date>,
    /// Who wrote it (sender name or address).
    pub made_by: String,
    /// When it was sent.
    pub made_at: jiff::Timestamp,
    /// Subject of the message.
    pub subject: String,
    /// `pending`, `confirmed` or `rejected`.
    pub status: String,
    /// The commitment made from it, once confirmed.
    pub commitment_id: Option<Id>,
}

const SELECT: &str = "SELECT p.id AS id, p.mail_id AS mail_id, m.record_id AS record_id,
    m.client_id AS client_id, m.message_id AS message_id, p.text AS text,
    p.start_offset AS start_offset, p.end_offset AS end_offset, p.due AS due,
    COALESCE(m.from_name, m.from_addr) AS made_by, m.sent_at AS sent_at, m.subject AS subject,
    p.status AS status, p.commitment_id AS commitment_id
    FROM promise_candidates p JOIN mail_messages m ON m.id = p.mail_id";

fn candidate(r: &AnyRow) -> Result<PromiseCandidate> {
    Ok(PromiseCandidate {
        id: row::int(r, "id")?,
        mail_id: row::int(r, "mail_id")?,
        record_id: row::opt_int(r, "record_id")?,
        client_id: row::opt_int(r, "client_id")?,
        message_id: row::opt_text(r, "message_id")?,
        text: row::text(r, "text")?,
        start: row::int(r, "start_offset")?,
        end: row::int(r, "end_offset")?,
        due: row::opt_date(r, "due")?,
        made_by: row::text(r, "made_by")?,
        made_at: row::timestamp(r, "sent_at")?,
        subject: row::text(r, "subject")?,
        status: row::text(r, "status")?,
        commitment_id: row::opt_int(r, "commitment_id")?,
    })
}

impl Tx {
    /// Stores a candidate found in a message (once per message and offset).
    pub async fn insert_promise_candidate(
        &mut self,
        mail_id: Id,
        text: &str,
        start: i64,
        end: i64,
        due: Option<Date>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO promise_candidates (mail_id, text, start_offset, end_offset, due, status)
             VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (mail_id, start_offset) DO NOTHING",
        )
        .bind(mail_id)
        .bind(text)
        .bind(start)
        .bind(end)
        .bind(due.map(|d| d.to_string()))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Candidates of a client (all clients when None), optionally with one status, by date.
    pub async fn promise_candidates(
        &mut self,
        client_id: Option<Id>,
        status: Option<&str>,
    ) -> Result<Vec<PromiseCandidate>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE ($1 IS NULL OR m.client_id = $1) AND ($2 IS NULL OR p.status = $2)
             ORDER BY m.sent_at, p.id"
        )))
        .bind(client_id)
        .bind(status)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(candidate).collect()
    }

    /// One candidate.
    pub async fn promise_candidate(&mut self, id: Id) -> Result<PromiseCandidate> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE p.id = $1")))
            .bind(id)
            .fetch_optional(self.conn())
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: "promise candidate",
                key: id.to_string(),
            })?;
        candidate(&r)
    }

    /// Marks a candidate confirmed (with its commitment) or rejected.
    pub async fn set_promise_status(
        &mut self,
        id: Id,
        status: &str,
        commitment_id: Option<Id>,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE promise_candidates SET status = $1, commitment_id = $2 WHERE id = $3",
        )
        .bind(status)
        .bind(commitment_id)
        .bind(id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "promise candidate",
                key: id.to_string(),
            });
        }
        Ok(())
    }
}
