//! Application errors. Policy: user mistakes (invalid input, unknown names, conflicts) are
//! separate variants from internal failures, because the CLI maps them to exit code 2 and 3 and
//! the server to 4xx and 5xx; a `Check` failure is a finding, not a crash (exit code 1).

use candor_core::ValidationError;
use candor_store::StoreError;

/// What a use case can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input was rejected by a domain rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A named thing does not exist.
    #[error("unknown {what} {key:?}{hint}")]
    NotFound {
        /// Kind of thing.
        what: &'static str,
        /// The name or id given.
        key: String,
        /// Extra help, such as the names that do exist (starts with "; " when present).
        hint: String,
    },
    /// The change clashes with what is stored.
    #[error("{0}")]
    Conflict(String),
    /// A check ran and found problems (the message lists them).
    #[error("{0}")]
    Check(String),
    /// Something broke inside candor or its database.
    #[error("internal error: {0}")]
    Internal(#[source] StoreError),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { what, key } => AppError::NotFound {
                what,
                key,
                hint: String::new(),
            },
            StoreError::Conflict(m) => AppError::Conflict(m),
            StoreError::Open { url, reason } => {
                AppError::Invalid(ValidationError::new("db", url, reason))
            }
            other => AppError::Internal(other),
        }
    }
}

impl AppError {
    /// The process exit code for this error: 1 check, 2 usage or input, 3 internal.
    pub fn exit_code(&self) -> u8 {
        match self {
            AppError::Check(_) => 1,
            AppError::Invalid(_) | AppError::NotFound { .. } | AppError::Conflict(_) => 2,
            AppError::Internal(_) => 3,
        }
    }

    /// A stable machine-readable code for JSON error envelopes.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid_input",
            AppError::NotFound { .. } => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::Check(_) => "check_failed",
            AppError::Internal(_) => "internal",
        }
    }
}

/// Result alias for use cases.
pub type Result<T> = std::result::Result<T, AppError>;
