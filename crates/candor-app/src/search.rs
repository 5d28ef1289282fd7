//! Searching imported mail. The tantivy index lives beside the database and is derived from
//! it: before each use it catches up from the last change number it holds, so it stays in step
//! with the database on both backends; `reindex` rebuilds it from nothing.

use crate::{App, AppError, Result, resolve};
use candor_search::{Hit, IndexBatch, MailDoc, Query, SearchError, SearchIndex};
use candor_store::MailRow;
use std::path::{Path, PathBuf};

/// Changes read from the database per round while catching up.
const PAGE: i64 = 2000;

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Query(q) => AppError::Invalid(candor_core::ValidationError::new(
                "query",
                q.part.clone(),
                q.reason,
            )),
            other if other.is_busy() => AppError::Conflict(format!(
                "{other}: another candor process is writing the search index (an import?); try again when it ends"
            )),
            other => AppError::Internal(candor_store::StoreError::Corrupt {
                what: "search index",
                reason: other.to_string(),
            }),
        }
    }
}

/// Where the index of the database at `url` lives: `CANDOR_SEARCH_DIR`, else next to an
/// SQLite file (`candor.db.search/`), else under the system temp folder named after the
/// PostgreSQL database (set `CANDOR_SEARCH_DIR` to keep it elsewhere).
pub fn index_dir(url: &str) -> PathBuf {
    if let Ok(dir) = std::env::var("CANDOR_SEARCH_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(rest) = url.strip_prefix("sqlite:") {
        let path = rest
            .trim_start_matches("//")
            .split('?')
            .next()
            .unwrap_or_default();
        if !path.is_empty() && path != ":memory:" {
            return PathBuf::from(format!("{path}.search"));
        }
    }
    let safe: String = candor_store::redact(url)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    std::env::temp_dir().join(format!("candor-search-{safe}"))
}

/// The index document of a stored message.
pub(crate) fn doc(row: MailRow) -> MailDoc {
    let m = row.mail;
    let from = match &m.from_name {
        Some(n) => format!("{n} <{}>", m.from_addr),
        None => m.from_addr,
    };
    MailDoc {
        mail_id: row.id as u64,
        record_id: m.record_id.map(|r| r as u64),
        message_id: m.message_id.unwrap_or_default(),
        date: m.sent_at,
        client_id: m.client_id.map(|c| c as u64),
        from,
        to: format!("{} {}", addresses(&m.to_addrs), addresses(&m.cc_addrs)),
        subject: m.subject,
        body: m.body,
        lang: m.language,
    }
}

/// "Name <address>, …" from the stored JSON list.
fn addresses(json: &str) -> String {
    #[derive(serde::Deserialize)]
    struct A {
        name: Option<String>,
        address: String,
    }
    let list: Vec<A> = serde_json::from_str(json).unwrap_or_default();
    list.iter()
        .map(|a| match &a.name {
            Some(n) => format!("{n} <{}>", a.address),
            None => a.address.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl App {
    /// Where this workspace's search index lives ([`index_dir`] of the URL it was opened with).
    pub fn search_dir(&self) -> &Path {
        &self.search_dir
    }

    /// Brings the index up to the database's latest change; returns how many changes it read.
    /// With `skip_if_busy`, an index another process is writing is left as it is.
    pub async fn sync_index(&self, index: &SearchIndex, skip_if_busy: bool) -> Result<u64> {
        let mut tx = self.begin().await?;
        if tx.mail_last_change().await? <= index.indexed_seq()? as i64 {
            return Ok(0);
        }
        drop(tx);
        let mut batch = match index.batch() {
            Ok(b) => b,
            Err(e) if skip_if_busy && e.is_busy() => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        let seen = self.catch_up(index, &mut batch).await?;
        batch.finish()?;
        Ok(seen)
    }

    /// Feeds `batch` every change after the index's sequence number and commits; returns how
    /// many changes it read. The caller holds the writer, so nobody else moves the number.
    pub(crate) async fn catch_up(
        &self,
        index: &SearchIndex,
        batch: &mut IndexBatch,
    ) -> Result<u64> {
        let (seq, seen) = self
            .feed_changes(&mut |doc| batch.upsert(&doc), index.indexed_seq()? as i64)
            .await?;
        if seen > 0 {
            batch.commit(seq as u64)?;
        }
        Ok(seen)
    }

    /// Hands every change after change number `seq` to `upsert` (a batch's, uncommitted);
    /// returns the newest change number and how many changes it read.
    pub(crate) async fn feed_changes(
        &self,
        upsert: &mut (dyn FnMut(MailDoc) -> std::result::Result<(), SearchError> + Send),
        mut seq: i64,
    ) -> Result<(i64, u64)> {
        let mut seen = 0;
        let mut tx = self.begin().await?;
        loop {
            let changes = tx.mail_changes_after(seq, PAGE).await?;
            let Some((newest, _)) = changes.last() else {
                break;
            };
            seq = *newest;
            for (_, row) in changes {
                upsert(doc(row))?;
                seen += 1;
            }
        }
        Ok((seq, seen))
    }

    /// Searches mail; the index catches up first. `client` filters by client name or id.
    pub async fn search_mail(
        &self,
        index_dir: &Path,
        query: &str,
        client: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let q = Query::parse(query).map_err(SearchError::from)?;
        let client_key = client.map(str::to_owned).or_else(|| q.client.clone());
        let client_id = match client_key {
            Some(c) => {
                let mut tx = self.begin().await?;
                Some(resolve::client(&mut tx, &c).await?.id as u64)
            }
            None => None,
        };
        let index = SearchIndex::open(index_dir)?;
        // While an import holds the writer lock, search what is indexed so far; the import
        // brings the index up to date itself.
        self.sync_index(&index, true).await?;
        Ok(index.search(&q, client_id, limit)?)
    }

    /// Rebuilds the index from the database; returns the number of messages indexed.
    pub async fn reindex(&self, dir: &Path) -> Result<u64> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| {
                AppError::Conflict(format!(
                    "cannot remove the old index {}: {e}",
                    dir.display()
                ))
            })?;
        }
        let index = SearchIndex::open(dir)?;
        self.sync_index(&index, false).await?;
        Ok(index.len())
    }
}
