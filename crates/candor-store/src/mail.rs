//! Imported mail in the store: one row per distinct message (deduplicated by key), the change
//! log the search index catches up from, and assignment of unassigned mail to a client.

use crate::{Result, Tx, row};
use candor_core::Id;
use sqlx::any::AnyRow;
use std::collections::HashSet;

/// Bound values per statement in the batch queries (far below SQLite's and PostgreSQL's limits).
const PARAMS_PER_QUERY: usize = 500;

const COLS: &str = "id, dedupe_key, message_id, record_id, client_id, thread_id, in_reply_to, \
                    refs, from_name, from_addr, to_addrs, cc_addrs, sent_at, subject, body, html, \
                    language, direction, attachments, source";

/// `$1, $2, … $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A message to store. Address lists and attachments are JSON text, made by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// `mid:<Message-ID>` or `sha256:<hash>`; a second message with the same key is a duplicate.
    pub dedupe_key: String,
    /// Message-ID without brackets.
    pub message_id: Option<String>,
    /// The record entry made for it (None while unassigned).
    pub record_id: Option<Id>,
    /// The client it belongs to (None = unassigned).
    pub client_id: Option<Id>,
    /// Thread root id.
    pub thread_id: String,
    /// In-Reply-To.
    pub in_reply_to: Option<String>,
    /// References as a JSON array.
    pub refs: String,
    /// Sender name.
    pub from_name: Option<String>,
    /// Sender address (lower case), "" when unknown.
    pub from_addr: String,
    /// To as JSON `[{"name","address"}]`.
    pub to_addrs: String,
    /// Cc as JSON.
    pub cc_addrs: String,
    /// When it was sent.
    pub sent_at: jiff::Timestamp,
    /// Subject.
    pub subject: String,
    /// Plain text body.
    pub body: String,
    /// Sanitised HTML body.
    pub html: Option<String>,
    /// Detected language code, "" when unknown.
    pub language: String,
    /// `in`, `out` or `internal`.
    pub direction: String,
    /// Attachment metadata as JSON.
    pub attachments: String,
    /// Where it was read from (file and offset).
    pub source: String,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRow {
    /// Database id.
    pub id: Id,
    /// The stored fields.
    pub mail: NewMail,
}

fn mail_row(r: &AnyRow) -> Result<MailRow> {
    Ok(MailRow {
        id: row::int(r, "id")?,
        mail: NewMail {
            dedupe_key: row::text(r, "dedupe_key")?,
            message_id: row::opt_text(r, "message_id")?,
            record_id: row::opt_int(r, "record_id")?,
            client_id: row::opt_int(r, "client_id")?,
            thread_id: row::text(r, "thread_id")?,
            in_reply_to: row::opt_text(r, "in_reply_to")?,
            refs: row::text(r, "refs")?,
            from_name: row::opt_text(r, "from_name")?,
            from_addr: row::text(r, "from_addr")?,
            to_addrs: row::text(r, "to_addrs")?,
            cc_addrs: row::text(r, "cc_addrs")?,
            sent_at: row::timestamp(r, "sent_at")?,
            subject: row::text(r, "subject")?,
            body: row::text(r, "body")?,
            html: row::opt_text(r, "html")?,
            language: row::text(r, "language")?,
            direction: row::text(r, "direction")?,
            attachments: row::text(r, "attachments")?,
            source: row::text(r, "source")?,
        },
    })
}

impl Tx {
    /// Stores a message unless one with the same dedupe key exists; `None` means duplicate.
    pub async fn insert_mail(&mut self, m: &NewMail) -> Result<Option<Id>> {
        let id = self.insert_mail_unlogged(m).await?;
        if let Some(id) = id {
            self.log_mail_change(id).await?;
        }
        Ok(id)
    }

    /// Whether a message with this dedupe key is stored.
    pub async fn mail_exists(&mut self, dedupe_key: &str) -> Result<bool> {
        let r = sqlx::query("SELECT id FROM mail_messages WHERE dedupe_key = $1")
            .bind(dedupe_key)
            .fetch_optional(self.conn())
            .await?;
        Ok(r.is_some())
    }

    /// Which of `keys` (dedupe keys) are stored already, in a few queries for the whole list.
    pub async fn stored_mail_keys(&mut self, keys: &[&str]) -> Result<HashSet<String>> {
        let mut found = HashSet::new();
        for chunk in keys.chunks(PARAMS_PER_QUERY) {
            let sql = format!(
                "SELECT dedupe_key FROM mail_messages WHERE dedupe_key IN ({})",
                placeholders(chunk.len())
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for k in chunk {
                q = q.bind(*k);
            }
            for r in q.fetch_all(self.conn()).await? {
                found.insert(row::text(&r, "dedupe_key")?);
            }
        }
        Ok(found)
    }

    /// Stores a message like [`Tx::insert_mail`] but leaves the change log to the caller, who
    /// must pass every id returned here to [`Tx::log_mail_changes`] before committing (an
    /// import logs a whole batch in one statement).
    pub async fn insert_mail_unlogged(&mut self, m: &NewMail) -> Result<Option<Id>> {
        let r = sqlx::query(
            "INSERT INTO mail_messages (dedupe_key, message_id, record_id, client_id, thread_id,
               in_reply_to, refs, from_name, from_addr, to_addrs, cc_addrs, sent_at, subject, body,
               html, language, direction, attachments, source)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
               $18, $19)
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        )
        .bind(&m.dedupe_key)
        .bind(&m.message_id)
        .bind(m.record_id)
        .bind(m.client_id)
        .bind(&m.thread_id)
        .bind(&m.in_reply_to)
        .bind(&m.refs)
        .bind(&m.from_name)
        .bind(&m.from_addr)
        .bind(&m.to_addrs)
        .bind(&m.cc_addrs)
        .bind(row::ts_text(m.sent_at))
        .bind(&m.subject)
        .bind(&m.body)
        .bind(&m.html)
        .bind(&m.language)
        .bind(&m.direction)
        .bind(&m.attachments)
        .bind(&m.source)
        .fetch_optional(self.conn())
        .await?;
        r.map(|r| row::int(&r, "id")).transpose()
    }

    /// Appends the messages to the change log, in the order given, so the search index picks
    /// them up.
    pub async fn log_mail_changes(&mut self, mail_ids: &[Id]) -> Result<()> {
        for chunk in mail_ids.chunks(PARAMS_PER_QUERY) {
            let values: Vec<String> = (1..=chunk.len()).map(|i| format!("(${i})")).collect();
            let sql = format!(
                "INSERT INTO mail_changes (mail_id) VALUES {}",
                values.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(self.conn()).await?;
        }
        Ok(())
    }

    /// Appends to the change log so the search index picks the message up.
    async fn log_mail_change(&mut self, mail_id: Id) -> Result<()> {
        sqlx::query("INSERT INTO mail_changes (mail_id) VALUES ($1)")
            .bind(mail_id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// The thread a stored message belongs to, by its Message-ID.
    pub async fn mail_thread_of(&mut self, message_id: &str) -> Result<Option<String>> {
        let r = sqlx::query("SELECT thread_id FROM mail_messages WHERE message_id = $1 LIMIT 1")
            .bind(message_id)
            .fetch_optional(self.conn())
            .await?;
        r.map(|r| row::text(&r, "thread_id")).transpose()
    }

    /// A stored message.
    pub async fn mail(&mut self, id: Id) -> Result<MailRow> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM mail_messages WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| crate::StoreError::NotFound {
            what: "mail message",
            key: id.to_string(),
        })?;
        mail_row(&r)
    }

    /// Messages of one client (or the unassigned ones when `client_id` is None), oldest first.
    pub async fn mails_of(&mut self, client_id: Option<Id>, limit: i64) -> Result<Vec<MailRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM mail_messages
             WHERE ($1 IS NULL AND client_id IS NULL) OR client_id = $1
             ORDER BY sent_at, id LIMIT $2"
        )))
        .bind(client_id)
        .bind(limit)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(mail_row).collect()
    }

    /// Gives an unassigned message its client and record entry.
    pub async fn assign_mail(&mut self, id: Id, client_id: Id, record_id: Id) -> Result<()> {
        sqlx::query("UPDATE mail_messages SET client_id = $1, record_id = $2 WHERE id = $3")
            .bind(client_id)
            .bind(record_id)
            .bind(id)
            .execute(self.conn())
            .await?;
        self.log_mail_change(id).await
    }

    /// Messages changed after change number `seq`, with the change number, oldest first.
    /// (On PostgreSQL a concurrent writer may commit a lower number late; `reindex` repairs it.)
    pub async fn mail_changes_after(
        &mut self,
        seq: i64,
        limit: i64,
    ) -> Result<Vec<(i64, MailRow)>> {
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT c.seq AS seq, {} FROM mail_changes c JOIN mail_messages m ON m.id = c.mail_id
             WHERE c.seq > $1 ORDER BY c.seq LIMIT $2",
            COLS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
        )))
            .bind(seq)
            .bind(limit)
            .fetch_all(self.conn())
            .await?;
        rows.iter()
            .map(|r| Ok((row::int(r, "seq")?, mail_row(r)?)))
            .collect()
    }

    /// The change numbers after `seq` with the message each names, oldest first, at most
    /// `limit` (a light look at the log, without the messages).
    pub async fn mail_change_ids_after(&mut self, seq: i64, limit: i64) -> Result<Vec<(i64, Id)>> {
        let rows = sqlx::query(
            "SELECT seq, mail_id FROM mail_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| Ok((row::int(r, "seq")?, row::int(r, "mail_id")?)))
            .collect()
    }

    /// The newest change number (0 when nothing was ever imported).
    pub async fn mail_last_change(&mut self) -> Result<i64> {
        let r = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS seq FROM mail_changes")
            .fetch_one(self.conn())
            .await?;
        row::int(&r, "seq")
    }

    /// Number of stored messages.
    pub async fn mail_count(&mut self) -> Result<i64> {
        let r = sqlx::query("SELECT COUNT(*) AS n FROM mail_messages")
            .fetch_one(self.conn())
            .await?;
        row::int(&r, "n")
    }
}
