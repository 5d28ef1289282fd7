//! Storage errors. Policy: a missing row is `NotFound` naming what and which key; a uniqueness
//! clash is `Conflict`; anything else from the database stays a `Database` error with its cause.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The requested row does not exist.
    #[error("no {what} {key:?}")]
    NotFound {
        /// Kind of object, e.g. "client".
        what: &'static str,
        /// The key that was looked up.
        key: String,
    },
    /// A uniqueness rule was violated.
    #[error("{0}")]
    Conflict(String),
    /// The URL names no supported backend or cannot be opened.
    #[error("cannot open database {url:?}: {reason}")]
    Open {
        /// The URL as given (passwords redacted).
        url: String,
        /// Why.
        reason: String,
    },
    /// A migration differs from the one applied earlier, or failed.
    #[error("migration {version} ({name}): {reason}")]
    Migration {
        /// Version number.
        version: i64,
        /// Name.
        name: String,
        /// What is wrong.
        reason: String,
    },
    /// A stored value could not be read back into the domain.
    #[error("corrupt {what} in the database: {reason}")]
    Corrupt {
        /// Which column.
        what: &'static str,
        /// Why.
        reason: String,
    },
    /// Any other database failure.
    #[error("database error")]
    Database(#[from] sqlx::Error),
}

impl StoreError {
    /// Maps a unique-constraint violation to `Conflict` with `message`; other errors pass through.
    pub fn conflict_or(e: sqlx::Error, message: impl FnOnce() -> String) -> Self {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => Self::Conflict(message()),
            _ => Self::Database(e),
        }
    }
}

/// Result alias for the store.
pub type Result<T> = std::result::Result<T, StoreError>;
