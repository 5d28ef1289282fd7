//! Reads the mail archives people actually have (mbox, Maildir, .eml) as a bounded-memory stream.
//!
//! [`Archive`] walks paths and yields one [`RawMessage`] at a time together with where it came
//! from; [`parse`] turns the bytes into a [`ParsedMessage`] with decoded text, sanitised HTML,
//! attachment metadata and a deduplication key. Malformed input never stops the stream: it is
//! reported as a [`Failure`] naming the file and byte offset (or Maildir file name).

mod archive;
mod mbox;
mod parse;

pub use archive::{Archive, Format, Item, detect_format};
pub use mbox::MboxReader;
pub use parse::{Attachment, Mailbox, ParsedMessage, parse};

use std::fmt;
use std::path::PathBuf;

/// The largest single message accepted; anything bigger is skipped and reported, so one
/// runaway message cannot exhaust memory.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// Where a message was found, precise enough for a person to open the file and look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A message inside an mbox file (plain or gzip), starting at this byte offset of the
    /// uncompressed stream (the envelope `From ` line).
    Mbox {
        /// The mbox file.
        file: PathBuf,
        /// Byte offset of the message's `From ` line in the (decompressed) mbox.
        offset: u64,
    },
    /// A whole file: a Maildir entry or an `.eml` file.
    File(PathBuf),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Mbox { file, offset } => write!(f, "{} at byte {offset}", file.display()),
            Self::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One message's bytes, not yet parsed.
#[derive(Debug, Clone)]
pub struct RawMessage {
    /// Where it was read from.
    pub location: Location,
    /// The RFC 5322 bytes (mbox escaping already undone).
    pub bytes: Vec<u8>,
    /// A date to use when the message has no usable `Date:` header: the mbox envelope date,
    /// or the file's modification time.
    pub fallback_date: Option<jiff::Timestamp>,
}

/// A message (or file) that could not be read or parsed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, in words.
    pub error: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.error)
    }
}

/// Errors that stop an archive from being opened at all.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// A path given on the command line does not exist or cannot be read.
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}
