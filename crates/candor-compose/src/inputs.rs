//! What a draft is written from: facts gathered from the workspace by the application layer.
//! The incident arrives as its client-facing view; the internal view is carried only for the
//! internal retrospective, and the composer never reads it for anything else.

use candor_core::playbook::{ClientView, IncidentKind, InternalView, Remedy};
use candor_core::{Id, KeyDate, Language};
use jiff::civil::Date;
use serde::Serialize;

/// The person the message goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    /// Full name.
    pub name: String,
    /// Email address, if known.
    pub email: Option<String>,
    /// The contact's own language, overriding the client's.
    pub language: Option<Language>,
}

/// The team member who signs the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sender {
    /// Full name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Role, e.g. "account manager".
    pub role: String,
}

/// A milestone on the up-to-date timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineItem {
    /// Title.
    pub title: String,
    /// The date promised.
    pub due: Date,
    /// The forecast date (P85) when one could be made.
    pub forecast: Option<Date>,
    /// Items still to do.
    pub remaining: u32,
}

/// Progress for the weekly check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekProgress {
    /// Items finished in the seven days up to today.
    pub done_this_week: u32,
    /// Items still to do on the whole project.
    pub remaining: u32,
    /// The project's forecast completion date (P85), if any.
    pub forecast: Option<Date>,
    /// Milestones in due order.
    pub timeline: Vec<TimelineItem>,
}

/// An incident as the composer may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFacts {
    /// Id, for the commands that fill a gap.
    pub id: Id,
    /// The promised deadline.
    pub deadline: Option<Date>,
    /// What the client may be told.
    pub client: ClientView,
    /// What stays inside the team: read for the retrospective only.
    pub internal: InternalView,
}

impl IncidentFacts {
    /// The incident kind.
    pub fn kind(&self) -> IncidentKind {
        self.client.kind
    }

    /// The remedy, if one is set.
    pub fn remedy(&self) -> Option<&Remedy> {
        self.client.remedy.as_ref()
    }
}

/// Everything one draft is written from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// Today (dates in the message are judged against it).
    pub today: Date,
    /// The client's name.
    pub client_name: String,
    /// The client's language.
    pub client_language: Language,
    /// The client's goals.
    pub client_goals: String,
    /// Dates that matter to the client.
    pub key_dates: Vec<KeyDate>,
    /// Who the message goes to.
    pub recipient: Option<Recipient>,
    /// Who signs it.
    pub sender: Option<Sender>,
    /// The project's name.
    pub project: Option<String>,
    /// The project's deadline.
    pub project_deadline: Option<Date>,
    /// What was promised, in the words of the broken commitment (walk-back email).
    pub promise: Option<String>,
    /// The incident, for every type but the weekly check-in.
    pub incident: Option<IncidentFacts>,
    /// Progress and timeline, for the weekly check-in.
    pub week: Option<WeekProgress>,
}

impl Inputs {
    /// The language to write in: `forced`, else the contact's, else the client's.
    pub fn language(&self, forced: Option<Language>) -> Language {
        forced
            .or_else(|| self.recipient.as_ref().and_then(|r| r.language))
            .unwrap_or(self.client_language)
    }
}
