//! Progress from the tools teams already use: work items read from Jira, Linear, Asana and
//! Trello CSV exports, a generic one-row-per-item CSV, and GitHub Issues (a saved API response
//! or the live REST API), so candor's forecast sees the work where it is already tracked.
//!
//! Everything here is I/O-free except [`github::Client`]; dates come out as calendar days in the
//! team's time zone. Turning items into daily throughput and scope growth is [`derive`].

pub mod dates;
pub mod derive;
mod formats;
pub mod github;
mod ratelimit;
pub mod replay;
pub mod sample;
mod table;

pub use dates::Zones;
pub use formats::DEFAULT_DONE_LISTS;
pub use table::{Parsed, ReadOptions, Skipped, parse_file, parse_with};

use jiff::civil::Date;
use serde::Serialize;
use std::fmt;

/// Where an item came from; part of its identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Jira CSV export ("Export Excel CSV (all fields)").
    Jira,
    /// Linear CSV export.
    Linear,
    /// Asana project CSV export.
    Asana,
    /// Trello board CSV export.
    Trello,
    /// GitHub Issues (REST API JSON).
    Github,
    /// One row per item: id, title, created, started, done, milestone.
    Generic,
}

impl Source {
    /// Every source, in the order auto-detection tries them.
    pub const ALL: [Source; 6] = [
        Source::Jira,
        Source::Linear,
        Source::Asana,
        Source::Trello,
        Source::Github,
        Source::Generic,
    ];

    /// Stable ID, stored with each item.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Jira => "jira",
            Source::Linear => "linear",
            Source::Asana => "asana",
            Source::Trello => "trello",
            Source::Github => "github",
            Source::Generic => "generic",
        }
    }

    /// The product name people know.
    pub fn label(self) -> &'static str {
        match self {
            Source::Jira => "Jira",
            Source::Linear => "Linear",
            Source::Asana => "Asana",
            Source::Trello => "Trello",
            Source::Github => "GitHub",
            Source::Generic => "Generic",
        }
    }

    /// Parses a stable ID (case-insensitive).
    pub fn parse(s: &str) -> Option<Source> {
        Source::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which field of an item names the milestone it counts toward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MilestoneFrom {
    /// The epic (Jira parent/epic link, Linear project, Asana parent task).
    Epic,
    /// The first label (tag).
    Label,
    /// The milestone (GitHub milestone, Jira fix version, Linear project milestone).
    Milestone,
    /// The board column or status.
    Column,
}

impl MilestoneFrom {
    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneFrom::Epic => "epic",
            MilestoneFrom::Label => "label",
            MilestoneFrom::Milestone => "milestone",
            MilestoneFrom::Column => "column",
        }
    }

    /// Parses a stable ID (case-insensitive).
    pub fn parse(s: &str) -> Option<MilestoneFrom> {
        [Self::Epic, Self::Label, Self::Milestone, Self::Column]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Whether an item still counts toward the remaining scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    /// Still to do.
    Open,
    /// Finished.
    Done,
    /// Cancelled or closed as not planned: out of scope, never throughput.
    Dropped,
}

impl ItemState {
    /// Stable ID, stored.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Open => "open",
            ItemState::Done => "done",
            ItemState::Dropped => "dropped",
        }
    }

    /// Parses a stored ID.
    pub fn parse(s: &str) -> Option<ItemState> {
        match s {
            "open" => Some(ItemState::Open),
            "done" => Some(ItemState::Done),
            "dropped" => Some(ItemState::Dropped),
            _ => None,
        }
    }
}

/// One work item, with its days already in the team's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkItem {
    /// The tool it came from.
    pub source: Source,
    /// Its id in that tool (Jira key, Linear ID, Asana task ID, Trello card ID, `owner/repo#n`).
    pub key: String,
    /// Title or summary.
    pub title: String,
    /// Open, done or dropped.
    pub state: ItemState,
    /// Day it was created.
    pub created: Date,
    /// Day work started, when the tool records it.
    pub started: Option<Date>,
    /// Day it was finished (or dropped), when it is.
    pub finished: Option<Date>,
    /// Milestone group chosen by `--milestone-from`, when the item has one.
    pub group: Option<String>,
    /// Due date of that group, when the tool gives one (GitHub milestones).
    pub group_due: Option<Date>,
}

/// Why a file or a response could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// The file is not one of the known formats.
    #[error("{0}")]
    Format(String),
    /// The CSV could not be read (broken quoting, I/O).
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A time zone name is unknown.
    #[error("unknown time zone {0:?} (use an IANA name such as Europe/Amsterdam)")]
    TimeZone(String),
    /// The GitHub API answered with an error.
    #[error("GitHub: {0}")]
    Github(String),
    /// JSON could not be read.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}
