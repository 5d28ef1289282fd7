//! The data version: what lets a use case keep what it computed from the database (the
//! dashboard, sessions, users) and know for sure when to compute it again.
//!
//! It has two parts. `local` counts the commits of this process's store (moved by
//! [`Tx::commit`]), so a write through this server shows on its very next read. `external` is a
//! stamp from the database itself that moves when another process or server writes; it is read
//! at most every [`EXTERNAL_CHECK`], so those writes show within that time. SQLite (one pooled
//! connection): `data_version`, which moves when another connection commits; PostgreSQL: the
//! current snapshot (`xmin:xmax:in-progress`), which moves whenever any write transaction starts
//! or ends. Both err on the side of "changed": a reconnect or an unrelated write only costs a
//! recomputation.

use crate::{Backend, Result, Store, Tx, row};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How often the database's own stamp is read (writes from other processes show this late).
pub const EXTERNAL_CHECK: Duration = Duration::from_millis(500);

/// The version of everything a reader can see; equal versions mean equal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataVersion {
    local: u64,
    external: String,
}

impl DataVersion {
    /// Whether this process committed nothing between the two (only other processes wrote).
    pub fn same_local(&self, other: &DataVersion) -> bool {
        self.local == other.local
    }
}

/// Shared by a store and its transactions.
#[derive(Debug, Default)]
pub(crate) struct Versions {
    local: AtomicU64,
    /// The last external stamp and when it was read.
    external: Mutex<Option<(Instant, String)>>,
    refreshing: AtomicBool,
}

impl Versions {
    /// After a commit of this process.
    pub(crate) fn bump(&self) {
        self.local.fetch_add(1, Ordering::AcqRel);
    }

    fn external(&self, fresh_only: bool) -> Option<String> {
        let kept = self
            .external
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        kept.as_ref()
            .filter(|(at, _)| !fresh_only || at.elapsed() < EXTERNAL_CHECK)
            .map(|(_, s)| s.clone())
    }
}

impl Store {
    /// The current data version (reads the database at most every [`EXTERNAL_CHECK`]).
    pub async fn version(&self) -> Result<DataVersion> {
        // Read `local` first: data read after this is at least this new.
        let local = self.versions.local.load(Ordering::Acquire);
        if let Some(external) = self.versions.external(true) {
            return Ok(DataVersion { local, external });
        }
        // One reader refreshes; the others keep using the last stamp meanwhile.
        let refresh = self
            .versions
            .refreshing
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if !refresh && let Some(external) = self.versions.external(false) {
            return Ok(DataVersion { local, external });
        }
        let stamp = async {
            let mut tx = self.begin().await?;
            tx.change_stamp().await
        }
        .await;
        if refresh {
            self.versions.refreshing.store(false, Ordering::Release);
        }
        let external = stamp?;
        *self
            .versions
            .external
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some((Instant::now(), external.clone()));
        Ok(DataVersion { local, external })
    }
}

impl Tx {
    /// The database's own change stamp, as this transaction sees it (see the module docs).
    pub async fn change_stamp(&mut self) -> Result<String> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT CAST(data_version AS TEXT) AS stamp FROM pragma_data_version()"
            }
            Backend::Postgres => "SELECT pg_current_snapshot()::text AS stamp",
        };
        let r = sqlx::query(sql).fetch_one(self.conn()).await?;
        row::text(&r, "stamp")
    }
}
