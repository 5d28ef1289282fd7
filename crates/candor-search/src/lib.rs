//! Full-text search over imported mail, kept beside the database as a tantivy index.
//!
//! The database is the truth; the index is derived from it. Each commit records the highest
//! database change sequence number it contains, so on open the caller feeds it every change
//! after [`SearchIndex::indexed_seq`] and the index catches up; `reindex` rebuilds from zero.

mod background;
mod index;
mod query;
mod search;
mod stem;
mod tokenizer;

pub use background::BackgroundBatch;
pub use index::{Hit, IMPORT_WRITER_BYTES, IndexBatch, MailDoc, STORED_BODY_BYTES, SearchIndex};
pub use query::{Query, QueryError};
pub use tokenizer::{WordTokenizer, analyzer_for};

/// Errors from the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index files could not be opened, read or written.
    #[error("search index at {path}: {source}")]
    Index {
        /// The index folder (or "memory").
        path: String,
        /// What tantivy reported.
        source: tantivy::TantivyError,
    },
    /// The folder exists but holds something that is not a candor index of this version.
    #[error("search index at {path} is not usable ({reason}); run `candor reindex`")]
    Incompatible {
        /// The index folder.
        path: String,
        /// Why.
        reason: String,
    },
    /// The query cannot be read.
    #[error(transparent)]
    Query(#[from] QueryError),
}

impl SearchError {
    /// Turns what tantivy reports into the error of the index at `path` (for `map_err`).
    pub(crate) fn at(path: &str) -> impl Fn(tantivy::TantivyError) -> SearchError + Copy + '_ {
        move |source| SearchError::Index {
            path: path.to_owned(),
            source,
        }
    }

    /// True when another process holds the index's writer lock (an import is running).
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Self::Index {
                source: tantivy::TantivyError::LockFailure(..),
                ..
            }
        )
    }
}
