//! candor's application layer: every use case the CLI and the web server offer, each one
//! validated by the domain and written in a single transaction.

pub mod accounts;
mod accounts_tokens;
mod calendar;
pub mod calendar_feed;
pub mod check;
mod checkin;
mod clients;
mod compose;
pub mod dashboard;
pub mod demo;
mod demo_content;
mod demo_incidents;
mod demo_progress;
mod error;
pub mod export;
pub mod followups;
mod forecast;
mod ics;
mod import;
mod incidents;
mod memo;
pub mod message_templates;
pub mod outbox;
mod progress_import;
mod projects;
pub mod promises;
mod records;
mod report;
mod resolve;
pub mod search;
pub mod share;
mod team_tz;

pub use calendar::{BusinessDays, DayOffRow, HolidayRow};
pub use calendar_feed::NewCalendarFeed;
pub use candor_store::redact;
pub use candor_store::{ChainBreak, ChainStatus, SealedRecord};
pub use checkin::CheckinRow;
pub use clients::{ClientEdit, ClientInput, ClientView, ContactInput, TeamInput};
pub use compose::{ComposeOutcome, ComposeRequest, EditedText, incident_message_types};
pub use error::{AppError, Result};
pub use followups::{DueItem, DueList, FollowUpInput, Lateness};
pub use forecast::{ForecastQuery, ForecastRow, Warning};
pub use ics::IcsExport;
pub use import::{ImportFailure, ImportSummary, UnassignedMail};
pub use incidents::{
    AdvanceOutcome, ContactLogInput, IncidentDetail, IncidentSetInput, NameRef, OpenIncidentInput,
    RetroInput,
};
pub use outbox::{OutboxInput, OutboxMessage, Security, SmtpSettings};
pub use progress_import::{
    ImportDetail, ProgressImportInput, ProgressImportReport, ProgressSyncInput, RiskView,
};
pub use projects::ScopeTotals;
pub use projects::{MilestoneInput, ProgressInput, ProjectInput, ProjectSummary, ProjectView};
pub use records::{CommitmentInput, RecordInput};
pub use report::{CommsReport, FigureRow, RemedyRow};
pub use team_tz::TeamZoneFrom;

use candor_store::{Store, Tx};
use jiff::civil::Date;

/// An open workspace: the store plus the clock every date rule is judged against.
#[derive(Clone)]
pub struct App {
    store: Store,
    today: Option<Date>,
    search_dir: std::path::PathBuf,
    memos: std::sync::Arc<memo::Memos>,
    templates_dir: Option<std::path::PathBuf>,
}

impl App {
    /// Opens the workspace database at `url` (migrating it) and reads `CANDOR_TODAY` and
    /// `CANDOR_TEMPLATES` if set.
    pub async fn open(url: &str) -> Result<App> {
        let store = Store::open(url).await?;
        let today = match std::env::var("CANDOR_TODAY") {
            Ok(v) => Some(candor_core::field::date("CANDOR_TODAY", &v)?),
            Err(_) => None,
        };
        Ok(App {
            store,
            today,
            search_dir: search::index_dir(url),
            memos: std::sync::Arc::default(),
            templates_dir: std::env::var_os("CANDOR_TEMPLATES").map(std::path::PathBuf::from),
        })
    }

    /// Today's date (fixed by `CANDOR_TODAY` in tests and demos, else the system's local date).
    pub fn today(&self) -> Date {
        self.today
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
    }

    /// Pins today's date (tests, reproducible demos).
    pub fn set_today(&mut self, today: Date) {
        self.today = Some(today);
    }

    /// The underlying store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Starts a transaction for a use case.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(self.store.begin().await?)
    }

    /// Closes the database cleanly.
    pub async fn close(&self) {
        self.store.close().await;
    }
}
