//! candor's prose layer: language packs as data, sentence splitting, date finding, language
//! detection and the message checker that tells whether a bad-news message says what it must.
//!
//! Adding a language is adding a folder `lang/<code>/checker/` at the repository root with a
//! `language.toml` (abbreviations, negations, date words, missing-element messages) and any
//! number of rule files (`[[rule]]` tables); `build.rs` embeds every such folder, and
//! [`Checker::with_override_dir`] loads the same layout from disk at run time.

mod boundary;
pub mod checker;
mod compile;
pub mod dates;
pub mod detect;
mod detect_words;
pub mod ids;
pub mod pack;
pub mod print;
pub mod promise;
pub mod report;
pub mod sentence;
pub mod types;
mod words;

pub use checker::{CheckError, CheckOptions, Checker};
pub use compile::CheckerConfig;
pub use dates::{DateFinder, DateKind, DateMention};
pub use detect::{Detected, detect_language};
pub use ids::{AntiPattern, Element, Target};
pub use pack::{LanguageSpec, PackError};
pub use report::{Finding, Report, Severity};
pub use sentence::SentenceSplitter;
pub use types::{MessageType, MessageTypes};
