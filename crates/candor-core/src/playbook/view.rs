//! The two faces of an incident: what the client may see, and what stays inside the team.
//!
//! Anything that writes to a client (the composer, exports, emails) must build its text from
//! [`ClientView`]; it has no field for the internal cause, evidence, legal notes or skip
//! reasons, and a test proves none of them leaks through it.

use super::flow::Skip;
use super::{Evidence, Incident, IncidentKind, Legal, PromiseLink, Remedy, Retrospective};
use jiff::civil::Date;
use serde::Serialize;

/// What the client may be told about an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ClientView {
    /// Which kind of news it is.
    pub kind: IncidentKind,
    /// Their concrete impact, as we understood it.
    pub impact: Option<String>,
    /// Their goals, in their words.
    pub goals: Option<String>,
    /// The new completion date.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub new_date: Option<Date>,
    /// What we will do to get back on track.
    pub plan: Vec<String>,
    /// What we offer.
    pub remedy: Option<Remedy>,
}

/// What stays inside the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct InternalView {
    /// What went wrong internally.
    pub cause: Option<String>,
    /// Where the broken promise came from.
    pub promise: Option<PromiseLink>,
    /// Evidence found.
    pub evidence: Vec<Evidence>,
    /// Contract and legal notes.
    pub legal: Legal,
    /// Who is lined up.
    pub team: Option<String>,
    /// Skipped steps with reasons.
    pub skips: Vec<Skip>,
    /// The blameless review.
    pub retro: Option<Retrospective>,
}

impl Incident {
    /// The client-facing view: the only way client-bound text may read an incident.
    pub fn client_view(&self) -> ClientView {
        ClientView {
            kind: self.kind,
            impact: self.impact.clone(),
            goals: self.goals.clone(),
            new_date: self.new_date,
            plan: self.plan.clone(),
            remedy: self.remedy.clone(),
        }
    }

    /// The internal view, for the team's screens only.
    pub fn internal_view(&self) -> InternalView {
        InternalView {
            cause: self.cause.clone(),
            promise: self.promise.clone(),
            evidence: self.evidence.clone(),
            legal: self.legal.clone(),
            team: self.team.clone(),
            skips: self.skips.clone(),
            retro: self.retro.clone(),
        }
    }
}
