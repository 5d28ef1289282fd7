//! An index batch on its own thread, so that an import goes on storing and parsing while
//! tantivy writes a segment.
//!
//! Why: tantivy's commit joins its indexing thread while that thread writes out everything
//! added since the last commit (seconds, for the 20,000 messages an import commits at once).
//! Called on the import's thread, that stalled the import each time: the database waited, and
//! the reader's workers stopped once their one batch ahead was ready. Here a commit is queued
//! like a document; the caller waits only when the queue is full, or at [`BackgroundBatch::finish`].

use crate::{IndexBatch, MailDoc, SearchError};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// One change for the batch's thread, in the order given.
enum Op {
    Add(MailDoc),
    Upsert(MailDoc),
    Commit(u64),
}

/// An [`IndexBatch`] working through queued changes and commits on its own thread. Errors
/// are reported by the next call after them, or by [`BackgroundBatch::finish`].
pub struct BackgroundBatch {
    ops: Option<SyncSender<Op>>,
    thread: Option<JoinHandle<Result<(), SearchError>>>,
    path: String,
}

impl IndexBatch {
    /// Moves the batch to a thread of its own; at most `queue` changes wait for it (the
    /// documents' memory is bounded by that), beyond which callers wait.
    pub fn in_background(self, queue: usize) -> Result<BackgroundBatch, SearchError> {
        let path = self.path().to_owned();
        let (ops, rx) = sync_channel(queue.max(1));
        let thread = std::thread::Builder::new()
            .name("candor-index".into())
            .spawn(move || work(self, rx))
            .map_err(|e| {
                SearchError::at(&path)(tantivy::TantivyError::SystemError(format!(
                    "cannot start the index thread: {e}"
                )))
            })?;
        Ok(BackgroundBatch {
            ops: Some(ops),
            thread: Some(thread),
            path,
        })
    }
}

/// The batch's thread: every change in order; the first error ends it (and is returned).
fn work(mut batch: IndexBatch, ops: Receiver<Op>) -> Result<(), SearchError> {
    for op in ops {
        match op {
            Op::Add(doc) => batch.add_new(&doc)?,
            Op::Upsert(doc) => batch.upsert(&doc)?,
            Op::Commit(seq) => batch.commit(seq)?,
        }
    }
    batch.finish()
}

impl BackgroundBatch {
    /// Queues [`IndexBatch::add_new`].
    pub fn add_new(&mut self, doc: MailDoc) -> Result<(), SearchError> {
        self.send(Op::Add(doc))
    }

    /// Queues [`IndexBatch::upsert`].
    pub fn upsert(&mut self, doc: MailDoc) -> Result<(), SearchError> {
        self.send(Op::Upsert(doc))
    }

    /// Queues [`IndexBatch::commit`] of everything queued before it; returns without waiting
    /// for it.
    pub fn commit(&mut self, seq: u64) -> Result<(), SearchError> {
        self.send(Op::Commit(seq))
    }

    /// Waits for every queued change and commit, then closes the batch as
    /// [`IndexBatch::finish`] does. Changes queued after the last commit are dropped.
    pub fn finish(mut self) -> Result<(), SearchError> {
        self.ops = None;
        self.join()
    }

    fn send(&mut self, op: Op) -> Result<(), SearchError> {
        let sent = match &self.ops {
            Some(ops) => ops.send(op).is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        // The thread has stopped: it failed, and says why.
        self.ops = None;
        self.join()?;
        Err(self.stopped("the index thread stopped"))
    }

    /// The thread's result (once; later calls find it gone). A panic is raised here.
    fn join(&mut self) -> Result<(), SearchError> {
        match self.thread.take().map(JoinHandle::join) {
            None => Err(self.stopped("the index thread already stopped")),
            Some(Ok(result)) => result,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
        }
    }

    fn stopped(&self, why: &str) -> SearchError {
        SearchError::at(&self.path)(tantivy::TantivyError::SystemError(why.to_owned()))
    }
}

impl Drop for BackgroundBatch {
    /// Dropped without [`BackgroundBatch::finish`] (an import that failed): the thread ends
    /// after what is queued; uncommitted changes are lost, as with [`IndexBatch`].
    fn drop(&mut self) {
        self.ops = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
