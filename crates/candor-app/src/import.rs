//! Importing mail archives: every message read, parsed, deduplicated, matched to a client,
//! stored with its record entry and scanned for promises, in batches that each commit once.
//!
//! Speed: reading, parsing and language detection of the next batches run on worker threads
//! (one per core, for the whole import) while the current batch is written; each batch is one
//! transaction, and the search index, on a writer kept open for the whole import (on its own
//! thread), commits every few batches.
//!
//! Crash safety: a batch is one transaction and duplicates are skipped by key, so a run killed
//! at any point and run again ends in exactly the state of one clean run. Batches keep the
//! archive's order, so the stored order (and ids, on SQLite) does not depend on threads.

use crate::{App, AppError, Result, resolve};
use candor_core::{Direction, Id, NewRecordEntry, RecordKind};
use candor_mail::{Archive, Mailbox, ParsedMessage};
use candor_search::{BackgroundBatch, SearchIndex};
use candor_store::{MailRow, Tx};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod pool;
mod store;

/// Messages per transaction: large enough to be fast, small enough that a crash loses little.
const BATCH: usize = 2000;

/// A batch also ends once its raw messages take this many bytes, so memory stays bounded: at
/// most four batches are in flight (one being stored, [`READY_AHEAD`] waiting, one handed on
/// by the reader, and the next being read and prepared, see `import/pool.rs`).
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// Messages the search index takes between commits. Each commit writes a segment (term
/// dictionary, postings) that later merges rewrite: committing every 2,000-message batch spent
/// about a fifth of the import's CPU writing and merging small segments. At 10,000, an import
/// of 100,000 messages made eight segments of one size, which tantivy merges (rewriting
/// 72,000 documents, about a tenth of the import's CPU); at 20,000 it makes six, none merged,
/// and searches are as fast (p99 4.2-4.3 ms on 100,000 messages either way). The writer's
/// memory must hold this many messages (`candor_search::IMPORT_WRITER_BYTES`). A crash loses
/// at most this much indexing, which the next run catches up from the database. The first
/// batch commits at once, so searches see an import's mail from its first batch on.
const INDEX_COMMIT_DOCS: i64 = 20_000;

/// Messages that may wait for the index's thread (see `candor_search::BackgroundBatch`): two
/// batches, so that the import stores two more batches while the index writes a segment.
const INDEX_QUEUE_DOCS: usize = 2 * BATCH;

/// What an import did, as `--json` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Messages (or files) read.
    pub read: u64,
    /// Newly stored.
    pub imported: u64,
    /// Already stored (same Message-ID or content hash).
    pub duplicates: u64,
    /// Messages that could not be read or parsed, with where they are.
    pub failed: Vec<ImportFailure>,
}

/// One message that did not go in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFailure {
    /// File and byte offset, or file name.
    pub source: String,
    /// What is wrong.
    pub error: String,
}

/// Who is who, loaded once per import so matching costs no queries.
pub(crate) struct Directory {
    team: HashSet<String>,
    contacts: HashMap<String, Id>,
    domains: HashMap<String, Id>,
    forced: Option<Id>,
}

impl Directory {
    pub(crate) async fn load(tx: &mut Tx, forced: Option<Id>) -> Result<Self> {
        let team = tx
            .team_members()
            .await?
            .into_iter()
            .map(|m| m.email.to_lowercase())
            .collect();
        let contacts = tx
            .contacts(None)
            .await?
            .into_iter()
            .filter_map(|c| c.email.map(|e| (e.trim().to_lowercase(), c.client_id)))
            .collect();
        let mut domains = HashMap::new();
        for c in tx.clients().await? {
            for d in c.email_domains {
                domains.insert(d.trim().trim_start_matches('@').to_lowercase(), c.id);
            }
        }
        Ok(Self {
            team,
            contacts,
            domains,
            forced,
        })
    }

    fn client_of(&self, m: &Mailbox) -> Option<Id> {
        self.contacts
            .get(&m.address)
            .or_else(|| m.domain().and_then(|d| self.domains.get(d)))
            .copied()
    }

    /// Direction and client: mail from a team member is outgoing (internal when every
    /// recipient is on the team too) and belongs to the first recipient's client.
    pub(crate) fn classify(&self, p: &ParsedMessage) -> (Direction, Option<Id>) {
        let from_team = p
            .from
            .as_ref()
            .is_some_and(|f| self.team.contains(&f.address));
        let recipients: Vec<&Mailbox> = p.to.iter().chain(&p.cc).collect();
        let direction = match from_team {
            true if recipients.iter().all(|r| self.team.contains(&r.address)) => {
                Direction::Internal
            }
            true => Direction::Out,
            false => Direction::In,
        };
        let client = self.forced.or_else(|| match from_team {
            true => recipients.iter().find_map(|r| self.client_of(r)),
            false => p.from.as_ref().and_then(|f| self.client_of(f)),
        });
        (direction, client)
    }
}

/// One archive item worked out on a worker thread, ready to store.
enum Prepared {
    /// A parsed message with what the database needs besides it.
    Message(Box<Ready>),
    /// Could not be read or parsed.
    Failed(ImportFailure),
}

struct Ready {
    source: String,
    parsed: ParsedMessage,
    language: String,
    direction: Direction,
    client_id: Option<Id>,
}

/// Parses, classifies and detects the language of one item (no database access).
fn prepare(dir: &Directory, item: candor_mail::Item) -> Prepared {
    let raw = match item {
        Ok(raw) => raw,
        Err(f) => {
            return Prepared::Failed(ImportFailure {
                source: f.location.to_string(),
                error: f.error,
            });
        }
    };
    let source = raw.location.to_string();
    let parsed = candor_mail::parse(&raw).and_then(|p| match p.date {
        Some(_) => Ok(p),
        None => Err("no Date header and no envelope date".to_owned()),
    });
    match parsed {
        Ok(parsed) => {
            let (direction, client_id) = dir.classify(&parsed);
            let language = detect(&parsed);
            Prepared::Message(Box::new(Ready {
                source,
                parsed,
                language,
                direction,
                client_id,
            }))
        }
        Err(error) => Prepared::Failed(ImportFailure { source, error }),
    }
}

/// Reads the next batch of raw items from the archive; an empty batch means it is exhausted.
fn read_batch(archive: &mut Archive) -> Vec<candor_mail::Item> {
    let mut items = Vec::new();
    let mut bytes = 0;
    while items.len() < BATCH && bytes < BATCH_BYTES {
        let Some(item) = archive.next() else { break };
        if let Ok(raw) = &item {
            bytes += raw.bytes.len();
        }
        items.push(item);
    }
    items
}

/// Prepared batches waiting for the database: the reader keeps this many ready besides the one
/// it is preparing, so its workers keep going while a slow batch is stored (a commit's fsync,
/// a segment commit of the index) instead of waiting for it at each batch boundary.
const READY_AHEAD: usize = 1;

/// The thread that reads and prepares batches ahead of the database, in archive order.
struct Reader {
    batches: tokio::sync::mpsc::Receiver<Vec<Prepared>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Reader {
    /// Starts reading `archive`; an empty batch is never sent (the channel closes instead).
    fn start(mut archive: Archive, dir: Arc<Directory>) -> std::io::Result<Self> {
        let (tx, batches) = tokio::sync::mpsc::channel(READY_AHEAD);
        let thread = std::thread::Builder::new()
            .name("candor-import-read".into())
            .spawn(move || {
                let threads = std::thread::available_parallelism()
                    .map_or(1, |n| n.get())
                    .clamp(1, 8);
                pool::run(
                    threads,
                    || read_batch(&mut archive),
                    |item| prepare(&dir, item),
                    // A closed channel: the import stopped (an error), nothing more is wanted.
                    |batch| tx.blocking_send(batch).is_ok(),
                );
            })?;
        Ok(Self {
            batches,
            thread: Some(thread),
        })
    }

    /// The next batch, `None` once the archive is exhausted; a panic of the reader is raised
    /// here rather than taken for the end of the archive.
    async fn next(&mut self) -> Option<Vec<Prepared>> {
        if let Some(batch) = self.batches.recv().await {
            return Some(batch);
        }
        if let Some(Err(panic)) = self.thread.take().map(|t| t.join()) {
            std::panic::resume_unwind(panic);
        }
        None
    }
}

impl App {
    /// Imports the mail at `paths`, keeping the search index in `index_dir` in step;
    /// `on_progress` is called with the running summary after every batch.
    pub async fn import_mail(
        &self,
        paths: &[PathBuf],
        client: Option<&str>,
        index_dir: &Path,
        on_progress: &mut dyn FnMut(&ImportSummary),
    ) -> Result<ImportSummary> {
        let archive = Archive::open(paths)
            .map_err(|e| candor_core::ValidationError::new("path", "", e.to_string()))?;
        let mut tx = self.begin().await?;
        let forced = resolve::client_id(&mut tx, client).await?;
        let dir = Arc::new(Directory::load(&mut tx, forced).await?);
        drop(tx);
        let index = SearchIndex::open(index_dir)?;
        let mut writer = index.batch_single_thread()?;
        // The index may be behind (an earlier run killed between its two commits).
        self.catch_up(&index, &mut writer).await?;
        // From here on, commits run on the writer's own thread while the import goes on.
        let mut writer = writer.in_background(INDEX_QUEUE_DOCS)?;
        // Change number of the last message handed to the writer (committed or not), and of
        // the last one committed.
        let mut fed = index.indexed_seq()? as i64;
        let (start, mut committed) = (fed, fed);
        let mut summary = ImportSummary::default();
        // The next batches are read and parsed while this one is written.
        let mut reader = Reader::start(archive, dir)
            .map_err(|e| AppError::Conflict(format!("cannot start the import reader: {e}")))?;
        while let Some(batch) = reader.next().await {
            let rows = self.store_batch(batch, &mut summary).await?;
            // The index commits behind the database, never before it: what it holds
            // uncommitted was indexed by tantivy's thread while this batch was stored. A
            // crash in between only leaves the index behind, and the next run catches it up.
            if fed - committed >= INDEX_COMMIT_DOCS || (committed == start && fed != start) {
                writer.commit(fed as u64)?;
                committed = fed;
            }
            fed = self.feed_new(&mut writer, fed, rows).await?;
            on_progress(&summary);
        }
        if fed != committed {
            writer.commit(fed as u64)?;
        }
        writer.finish()?;
        on_progress(&summary);
        Ok(summary)
    }

    /// Hands the messages just stored to the index writer, straight from memory when they
    /// are exactly the changes after `fed` (the usual case), else every change from the
    /// database (another writer was busy too). Returns the newest change number fed.
    async fn feed_new(
        &self,
        writer: &mut BackgroundBatch,
        fed: i64,
        rows: Vec<MailRow>,
    ) -> Result<i64> {
        let mut tx = self.begin().await?;
        let changes = tx.mail_change_ids_after(fed, rows.len() as i64 + 1).await?;
        drop(tx);
        let ours = changes.len() == rows.len()
            && changes.iter().zip(&rows).all(|((_, id), r)| *id == r.id);
        if !ours {
            return Ok(self
                .feed_changes(&mut |doc| writer.upsert(doc), fed)
                .await?
                .0);
        }
        // Ids the database just gave out have never been indexed: no delete needed.
        for row in rows {
            writer.add_new(crate::search::doc(row))?;
        }
        Ok(changes.last().map_or(fed, |(seq, _)| *seq))
    }
}

/// The language of the subject and the start of the body (detection reads only a sample,
/// so the rest of a long body is not copied).
fn detect(p: &ParsedMessage) -> String {
    let body = &p.text[..p.text.floor_char_boundary(2048)];
    let sample = format!("{}\n{}", p.subject, body);
    candor_text::detect_language(&sample)
        .map(|d| d.code)
        .unwrap_or_default()
}

/// An unassigned message, for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnassignedMail {
    /// Mail id (what `--assign` takes).
    pub mail_id: Id,
    /// When it was sent.
    pub date: String,
    /// Sender address.
    pub from: String,
    /// Subject.
    pub subject: String,
}

impl App {
    /// Mail that matched no client, oldest first.
    pub async fn unassigned_mail(&self, limit: i64) -> Result<Vec<UnassignedMail>> {
        let mut tx = self.begin().await?;
        let rows = tx.mails_of(None, limit).await?;
        Ok(rows
            .into_iter()
            .map(|r| UnassignedMail {
                mail_id: r.id,
                date: r.mail.sent_at.to_string(),
                from: r.mail.from_addr,
                subject: r.mail.subject,
            })
            .collect())
    }

    /// Assigns an unassigned message to a client, making its record entry.
    pub async fn assign_mail(&self, mail_id: Id, client: &str) -> Result<candor_core::RecordEntry> {
        let mut tx = self.begin().await?;
        let c = resolve::client(&mut tx, client).await?;
        let row = tx.mail(mail_id).await?;
        if let Some(owner) = row.mail.client_id {
            return Err(AppError::Conflict(format!(
                "mail {mail_id} already belongs to client {owner}"
            )));
        }
        let m = &row.mail;
        let direction = Direction::parse("direction", &m.direction)?;
        #[derive(serde::Deserialize)]
        struct Addr {
            address: String,
        }
        let to: Vec<Addr> = serde_json::from_str(&m.to_addrs).unwrap_or_default();
        let cc: Vec<Addr> = serde_json::from_str(&m.cc_addrs).unwrap_or_default();
        let entry = NewRecordEntry {
            client_id: c.id,
            project_id: None,
            incident_id: None,
            kind: RecordKind::Email,
            direction,
            at: m.sent_at,
            author: m.from_name.clone().unwrap_or_else(|| m.from_addr.clone()),
            participants: to.into_iter().chain(cc).map(|a| a.address).collect(),
            subject: if m.subject.is_empty() {
                "(no subject)".into()
            } else {
                m.subject.clone()
            },
            body: m.body.clone(),
            source: match &m.message_id {
                Some(id) => format!("message-id:<{id}>"),
                None => m.source.clone(),
            },
        }
        .validate()?;
        let stored = tx.insert_record(&entry).await?;
        tx.assign_mail(mail_id, c.id, stored.id).await?;
        tx.commit().await?;
        Ok(stored)
    }
}
