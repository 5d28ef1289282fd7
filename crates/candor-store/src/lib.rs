//! The Store: candor's one narrow, domain-shaped storage interface over SQLite and PostgreSQL.
//!
//! Both backends run through sqlx's `Any` driver with the same SQL (`$1` placeholders), so there is
//! one implementation to test, not two. Every read and write goes through a [`Tx`]; a use case
//! opens one, does its work, and commits once, so a failure part-way writes nothing.

mod accounts;
mod accounts_tokens;
mod calendar;
mod calendar_feeds;
pub mod chain;
mod clients;
mod commitments;
mod drafts;
mod error;
mod followups;
mod incidents;
mod last_contact;
mod mail;
pub mod migrate;
mod outbox;
mod projects;
mod promises;
mod records;
mod records_batch;
mod restore;
mod row;
mod sql;
mod stamp;
mod team;
mod team_tz;
mod verify;
mod work_items;

pub use accounts::{ApiTokenRow, NewUserRow, ShareLinkRow, StoredUser};
pub use calendar::DayOff;
pub use calendar_feeds::CalendarFeedRow;
pub use drafts::{DRAFT_STATUSES, DraftRow};
pub use error::{Result, StoreError};
pub use followups::{FollowUp, NewFollowUp};
pub use incidents::IncidentFilter;
pub use mail::{MailRow, NewMail};
pub use outbox::{NewOutboxMessage, OutboxMessage};
pub use promises::PromiseCandidate;
pub use records::{RecordFilter, SealedRecord};
pub use restore::{
    Column, ColumnType, EXPORTED_TABLES, NOT_EXPORTED, Reference, SOFT_REFERENCES, TableSchema,
};
pub use stamp::DataVersion;
pub use verify::{ChainBreak, ChainStatus};
pub use work_items::{ImportedGroup, ProgressSource, Upsert, WorkItemRow};

use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyPool};
use std::path::Path;

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (the embedded default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// An open database with its migrations applied.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    versions: std::sync::Arc<stamp::Versions>,
}

/// One database transaction; dropped without [`Tx::commit`], it rolls back.
pub struct Tx {
    inner: sqlx::Transaction<'static, Any>,
    backend: Backend,
    versions: std::sync::Arc<stamp::Versions>,
}

/// Hides the password of a database URL for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Picks the backend from a URL, or says why it cannot.
pub fn backend_of(url: &str) -> Result<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::Open {
            url: redact(url),
            reason: "expected a sqlite://PATH or postgres://… URL".into(),
        })
    }
}

/// Turns `sqlite://PATH` into a URL sqlx opens read-write-create, creating the parent folder.
fn sqlite_url(url: &str) -> Result<String> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    if rest.is_empty() || rest == ":memory:" {
        return Ok("sqlite::memory:".into());
    }
    let path = rest.split('?').next().unwrap_or(rest);
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|e| StoreError::Open {
            url: url.into(),
            reason: format!("cannot create folder {}: {e}", parent.display()),
        })?;
    }
    let sep = if rest.contains('?') { '&' } else { '?' };
    if rest.contains("mode=") {
        Ok(format!("sqlite://{rest}"))
    } else {
        Ok(format!("sqlite://{rest}{sep}mode=rwc"))
    }
}

/// SQLite settings per connection, for writing in bulk (an import stores 2,000 messages per
/// transaction into the mail table and its four indexes):
/// - `page_size` of 16 KiB for a new database (an existing one keeps its size): a mail body
///   spans a quarter of the pages, and an import makes a quarter of the write calls.
/// - `temp_store = MEMORY`: a multi-row insert that may hit a unique key keeps a statement
///   journal of every page it changes; in a temporary file, that was three of every four
///   write calls of an import (and the SQLite thread's writes were 13% of its CPU).
/// - `cache_size` of 32 MiB instead of 2 MiB: with 2 MiB, index pages were evicted within a
///   transaction and read back (39,000 reads for 30,000 messages).
///
/// 30,000 messages: 250,750 `pwrite` and 39,275 `pread` calls before, 19,532 and 79 after.
const SQLITE_PRAGMAS: [&str; 3] = [
    "PRAGMA page_size = 16384",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32768",
];

impl Store {
    /// Opens (creating an SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let (real_url, max) = match backend {
            // One connection: SQLite serialises writers anyway, and a single connection makes
            // `sqlite::memory:` one database instead of one per connection.
            Backend::Sqlite => (sqlite_url(url)?, 1),
            Backend::Postgres => (url.to_owned(), 5),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        use sqlx::Executor;
                        for pragma in SQLITE_PRAGMAS {
                            conn.execute(pragma).await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect(&real_url)
            .await
            .map_err(|e| StoreError::Open {
                url: redact(url),
                reason: e.to_string(),
            })?;
        migrate::run(&pool, backend).await?;
        let store = Store {
            pool,
            backend,
            versions: std::sync::Arc::default(),
        };
        let mut tx = store.begin().await?;
        tx.seal_legacy_records().await?;
        tx.commit().await?;
        Ok(store)
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(Tx {
            inner: self.pool.begin().await?,
            backend: self.backend,
            versions: self.versions.clone(),
        })
    }

    /// Closes every connection (flushes SQLite's WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Tx {
    /// Makes every write of this transaction permanent.
    pub async fn commit(self) -> Result<()> {
        self.inner.commit().await?;
        self.versions.bump();
        Ok(())
    }

    /// The backend in use (for the few statements that differ).
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The underlying connection, for area modules.
    pub fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
    }

    #[test]
    fn sqlite_urls_get_create_mode() {
        assert_eq!(
            sqlite_url("sqlite:///tmp/candor-test/x.db").unwrap(),
            "sqlite:///tmp/candor-test/x.db?mode=rwc"
        );
        assert!(backend_of("mysql://x").is_err());
    }

    #[tokio::test]
    async fn sqlite_connections_keep_temporary_data_in_memory_and_a_larger_cache() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store = Store::open(&url).await.unwrap();
        let mut conn = store.pool.acquire().await.unwrap();
        for (pragma, want) in [
            ("PRAGMA temp_store", 2),      // MEMORY
            ("PRAGMA cache_size", -32768), // 32 MiB
            ("PRAGMA page_size", 16384),   // a new database has 16 KiB pages
        ] {
            let (got,): (i64,) = sqlx::query_as(pragma).fetch_one(&mut *conn).await.unwrap();
            assert_eq!(got, want, "{pragma}");
        }
    }
}
