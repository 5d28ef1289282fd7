//! The incident playbook: how a team breaks bad news, as steps, gates and checklists kept as data.
//!
//! An [`Incident`] walks `investigate → prepare → contact → follow_up → retrospective → closed`.
//! Which checklist items each step asks of each [`IncidentKind`] lives in
//! `data/playbook.toml` (see [`Playbook`]); this module only knows how to evaluate them.

mod checklist;
mod contact;
mod data;
mod figures;
mod flow;
mod incident;
mod remedy;
mod retro;
mod view;

#[cfg(test)]
mod tests;

pub use checklist::{Check, ItemStatus, Requirement};
pub use contact::{ContactAttempt, ContactKind, NewContactAttempt};
pub use data::{ItemDef, Playbook, PlaybookDataError, StepDef, Text};
pub use figures::{CommsSummary, Figures, KindSummary};
pub use flow::{MIN_SKIP_REASON, Skip, Transition};
pub use incident::{
    Edit, EditContext, Evidence, Incident, Legal, NewIncident, PromiseLink, weekday_only,
};
pub use remedy::{Discount, Remedy};
pub use retro::{ActionItem, Retrospective};
pub use view::{ClientView, InternalView};

use crate::{ValidationError, field};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The three situations candor has a playbook for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    /// A deadline will be (or was) missed.
    Delay,
    /// Someone on our side made an error that hurts the client.
    Mistake,
    /// Something promised cannot be delivered.
    BrokenPromise,
}

impl IncidentKind {
    /// Every kind, in a stable order.
    pub const ALL: [IncidentKind; 3] = [Self::Delay, Self::Mistake, Self::BrokenPromise];

    /// Stable ID (`delay`, `mistake`, `broken_promise`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Delay => "delay",
            Self::Mistake => "mistake",
            Self::BrokenPromise => "broken_promise",
        }
    }

    /// Parses a kind ID, naming `field_name` and the allowed values when it is unknown.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|k| (k.as_str(), *k)).collect();
        field::one_of(field_name, value, &options)
    }
}

impl fmt::Display for IncidentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step of a playbook run, in order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Establish what went wrong and the facts.
    Investigate,
    /// Line up impact, plan, new date and remedy before talking to the client.
    Prepare,
    /// Tell the client, by the preferred channel.
    Contact,
    /// Confirm in writing, check in, deliver what was promised.
    FollowUp,
    /// Blameless team review.
    Retrospective,
    /// Done.
    Closed,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Self::Investigate,
        Self::Prepare,
        Self::Contact,
        Self::FollowUp,
        Self::Retrospective,
        Self::Closed,
    ];

    /// Stable ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Investigate => "investigate",
            Self::Prepare => "prepare",
            Self::Contact => "contact",
            Self::FollowUp => "follow_up",
            Self::Retrospective => "retrospective",
            Self::Closed => "closed",
        }
    }

    /// Parses a step ID.
    pub fn parse(field_name: &str, value: &str) -> Result<Self, ValidationError> {
        let options: Vec<(&str, Self)> = Self::ALL.iter().map(|s| (s.as_str(), *s)).collect();
        field::one_of(field_name, value, &options)
    }

    /// The step after this one (`closed` stays `closed`).
    pub fn next(self) -> Step {
        match self {
            Self::Investigate => Self::Prepare,
            Self::Prepare => Self::Contact,
            Self::Contact => Self::FollowUp,
            Self::FollowUp => Self::Retrospective,
            Self::Retrospective | Self::Closed => Self::Closed,
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a playbook command was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaybookError {
    /// Bad input, or an action the playbook does not allow at this point; names the field.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The step's checklist is not complete; lists the missing checklist IDs.
    #[error("{step} is not complete; missing: {}", missing.join(", "))]
    Incomplete {
        /// The step that cannot be left.
        step: Step,
        /// Checklist IDs still to do.
        missing: Vec<String>,
    },
}

/// Rewrites Bengali digits (০–৯) as ASCII digits so amounts and dates typed in Bengali parse.
pub fn ascii_digits(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
            _ => c,
        })
        .collect()
}
