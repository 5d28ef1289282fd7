//! Imported mail in the store: one row per distinct message (deduplicated by key), the change
//! log the search index catches up from, and assignment of unassigned mail to a client.

use crate::sql::{placeholders_in, update_by_id, value_rows_in};
use crate::{Backend, Result, Tx, row};
use candor_core::Id;
use sqlx::any::AnyRow;
use std::collections::{HashMap, HashSet};

/// Bound values per statement in the batch queries (far below SQLite's and PostgreSQL's limits).
const PARAMS_PER_QUERY: usize = 500;

/// Columns bound per message by [`Tx::insert_mails_unlogged`].
const MAIL_PARAMS: usize = 19;

/// Messages per multi-row insert (304 bound values). Not more: SQLite looks each `$n` up by
/// walking the statement's parameter list, so binding costs grow with the square of the
/// parameter count (at 100 rows that lookup was 10% of import CPU).
const MAILS_PER_INSERT: usize = 16;

/// Messages per multi-row insert on PostgreSQL (1,900 bound values), which has no such
/// lookup: there the cost is per statement (a round trip and an executor start each).
const PG_MAILS_PER_INSERT: usize = 100;

const COLS: &str = "id, dedupe_key, message_id, record_id, client_id, thread_id, in_reply_to, \
                    refs, from_name, from_addr, to_addrs, cc_addrs, sent_at, subject, body, html, \
                    language, direction, attachments, source";

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
            self.log_mail_changes(&[id]).await?;
        }
        Ok(id)
    }

    /// Which of `keys` (dedupe keys) are stored already, in a few queries for the whole list.
    pub async fn stored_mail_keys(&mut self, keys: &[&str]) -> Result<HashSet<String>> {
        let mut found = HashSet::new();
        for chunk in keys.chunks(PARAMS_PER_QUERY) {
            let sql = format!(
                "SELECT dedupe_key FROM mail_messages WHERE dedupe_key IN ({})",
                placeholders_in(self.backend(), chunk.len())
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
        let ids = self.insert_mails_unlogged(std::slice::from_ref(m)).await?;
        Ok(ids.into_iter().next().flatten())
    }

    /// Stores messages like [`Tx::insert_mail_unlogged`], many rows per statement (one round
    /// trip per 16 messages on SQLite, per 100 on PostgreSQL, instead of one each). Returns
    /// each message's new id in the order given, `None` for a duplicate key. Ids are given out
    /// in that order.
    pub async fn insert_mails_unlogged(&mut self, mails: &[NewMail]) -> Result<Vec<Option<Id>>> {
        let mut ids = Vec::with_capacity(mails.len());
        let per = match self.backend() {
            Backend::Sqlite => MAILS_PER_INSERT,
            Backend::Postgres => PG_MAILS_PER_INSERT,
        };
        for chunk in mails.chunks(per) {
            let sql = format!(
                "INSERT INTO mail_messages (dedupe_key, message_id, record_id, client_id, thread_id,
                   in_reply_to, refs, from_name, from_addr, to_addrs, cc_addrs, sent_at, subject,
                   body, html, language, direction, attachments, source)
                 VALUES {}
                 ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key",
                value_rows_in(self.backend(), chunk.len(), MAIL_PARAMS, "")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for m in chunk {
                q = q
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
                    .bind(&m.source);
            }
            // RETURNING order is not promised: match rows to messages by key.
            let mut new: HashMap<String, Id> = HashMap::with_capacity(chunk.len());
            for r in q.fetch_all(self.conn()).await? {
                new.insert(row::text(&r, "dedupe_key")?, row::int(&r, "id")?);
            }
            ids.extend(chunk.iter().map(|m| new.remove(&m.dedupe_key)));
        }
        Ok(ids)
    }

    /// The threads of the stored messages with these Message-IDs (absent ones are left out),
    /// in a few queries for the whole list.
    pub async fn mail_threads_of(
        &mut self,
        message_ids: &[&str],
    ) -> Result<HashMap<String, String>> {
        let mut found = HashMap::new();
        for chunk in message_ids.chunks(PARAMS_PER_QUERY) {
            let sql = format!(
                "SELECT message_id, thread_id FROM mail_messages WHERE message_id IN ({})",
                placeholders_in(self.backend(), chunk.len())
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for k in chunk {
                q = q.bind(*k);
            }
            for r in q.fetch_all(self.conn()).await? {
                found
                    .entry(row::text(&r, "message_id")?)
                    .or_insert(row::text(&r, "thread_id")?);
            }
        }
        Ok(found)
    }

    /// Gives stored messages their record entries, `(mail id, record id)` pairs, a few
    /// statements for the whole list (an import makes the entries after the messages, so that
    /// a message another writer stored first gets no entry).
    pub async fn link_mail_records(&mut self, links: &[(Id, Id)]) -> Result<()> {
        for chunk in links.chunks(MAILS_PER_INSERT) {
            let sql = update_by_id("mail_messages", &["record_id"], chunk.len());
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (mail, record) in chunk {
                q = q.bind(*mail).bind(*record);
            }
            q.execute(self.conn()).await?;
        }
        Ok(())
    }

    /// Appends the messages to the change log, in the order given, so the search index picks
    /// them up.
    pub async fn log_mail_changes(&mut self, mail_ids: &[Id]) -> Result<()> {
        for chunk in mail_ids.chunks(PARAMS_PER_QUERY) {
            let sql = format!(
                "INSERT INTO mail_changes (mail_id) VALUES {}",
                value_rows_in(self.backend(), chunk.len(), 1, "")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(self.conn()).await?;
        }
        Ok(())
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
        self.log_mail_changes(&[id]).await
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(key: &str, message_id: &str, thread: &str) -> NewMail {
        NewMail {
            dedupe_key: key.into(),
            message_id: Some(message_id.into()),
            record_id: None,
            client_id: None,
            thread_id: thread.into(),
            in_reply_to: None,
            refs: "[]".into(),
            from_name: None,
            from_addr: "a@example.com".into(),
            to_addrs: "[]".into(),
            cc_addrs: "[]".into(),
            sent_at: jiff::Timestamp::from_second(1_000_000_000).unwrap(),
            subject: format!("subject {key}"),
            body: "body".into(),
            html: None,
            language: "en".into(),
            direction: "in".into(),
            attachments: "[]".into(),
            source: "test".into(),
        }
    }

    #[tokio::test]
    async fn batched_insert_skips_duplicates_and_keeps_order() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = crate::Store::open(&url).await.unwrap();
        let mut tx = store.begin().await.unwrap();
        let first = tx
            .insert_mail_unlogged(&mail("k3", "m3", "t3"))
            .await
            .unwrap();
        // More than one statement's worth, with a stored key and a key repeated in the list.
        let mut mails: Vec<NewMail> = (0..MAILS_PER_INSERT + 5)
            .map(|i| mail(&format!("k{i}"), &format!("m{i}"), &format!("t{i}")))
            .collect();
        mails.push(mail("k0", "m0-again", "t0"));
        let ids = tx.insert_mails_unlogged(&mails).await.unwrap();
        assert_eq!(ids.len(), mails.len());
        assert_eq!(ids[3], None, "k3 was stored before");
        assert_eq!(ids.last().unwrap(), &None, "k0 is earlier in the same list");
        let new: Vec<Id> = ids.iter().flatten().copied().collect();
        assert_eq!(new.len(), MAILS_PER_INSERT + 4);
        assert!(
            new.windows(2).all(|w| w[0] < w[1]),
            "ids follow the list order"
        );
        for (m, id) in mails.iter().zip(&ids) {
            if let Some(id) = id {
                assert_eq!(tx.mail(*id).await.unwrap().mail, *m);
            }
        }
        let threads = tx.mail_threads_of(&["m3", "m1", "missing"]).await.unwrap();
        assert_eq!(threads.len(), 2);
        assert_eq!(threads["m3"], "t3");
        assert_eq!(threads["m1"], "t1");
        assert!(first.is_some());
    }
}
