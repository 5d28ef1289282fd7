//! Moving an incident through its steps: gates, skips with reasons, contact attempts, review.

use super::contact::{ContactAttempt, NewContactAttempt};
use super::{Incident, Playbook, PlaybookError, Retrospective, Step};
use crate::ValidationError;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The shortest reason accepted for skipping a step: a few real words, not "n/a".
pub const MIN_SKIP_REASON: usize = 10;

/// A step skipped with a written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Skip {
    /// The record entry that holds it (set once stored).
    pub record_id: Option<crate::Id>,
    /// The step.
    pub step: Step,
    /// Why.
    pub reason: String,
    /// When it was decided.
    #[schemars(with = "crate::schema::Timestamp")]
    pub at: Timestamp,
}

/// A step change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Transition {
    /// The step left (`None` when the incident was opened).
    pub from: Option<Step>,
    /// The step entered.
    pub to: Step,
    /// When.
    #[schemars(with = "crate::schema::Timestamp")]
    pub at: Timestamp,
}

impl Incident {
    /// Whether `step` has been skipped.
    pub fn is_skipped(&self, step: Step) -> bool {
        self.skips.iter().any(|s| s.step == step)
    }

    /// When the incident entered `step`, if it did.
    pub fn entered_at(&self, step: Step) -> Option<Timestamp> {
        self.transitions.iter().find(|t| t.to == step).map(|t| t.at)
    }

    /// Moves to the next step that is not skipped, once the current step's checklist is done.
    /// Returns the step entered.
    pub fn advance(&mut self, book: &Playbook, now: Timestamp) -> Result<Step, PlaybookError> {
        if self.step == Step::Closed {
            return Err(closed(self));
        }
        let missing = self.missing(book, self.step);
        if !missing.is_empty() {
            return Err(PlaybookError::Incomplete {
                step: self.step,
                missing,
            });
        }
        self.move_on(book, now)
    }

    /// Skips `step` (the current one or a later one) with a written reason; skipping the
    /// current step moves on. Only steps the table marks skippable can be skipped.
    pub fn skip(
        &mut self,
        book: &Playbook,
        step: Step,
        reason: &str,
        now: Timestamp,
    ) -> Result<Step, PlaybookError> {
        if self.step == Step::Closed {
            return Err(closed(self));
        }
        if step < self.step || step == Step::Closed {
            return Err(ValidationError::new(
                "step",
                step.as_str(),
                format!(
                    "only the current step ({}) or a later one can be skipped",
                    self.step
                ),
            )
            .into());
        }
        if !book.step(self.kind, step).skippable {
            return Err(ValidationError::new(
                "step",
                step.as_str(),
                format!(
                    "a {} cannot skip {step}: the playbook needs it done",
                    self.kind
                ),
            )
            .into());
        }
        if self.is_skipped(step) {
            return Err(ValidationError::new("step", step.as_str(), "is already skipped").into());
        }
        let reason = reason.trim();
        if reason.chars().count() < MIN_SKIP_REASON {
            return Err(ValidationError::new(
                "reason",
                reason,
                format!("write why the step is skipped (at least {MIN_SKIP_REASON} characters)"),
            )
            .into());
        }
        self.skips.push(Skip {
            record_id: None,
            step,
            reason: reason.to_owned(),
            at: now,
        });
        if step == self.step {
            return self.move_on(book, now);
        }
        Ok(self.step)
    }

    /// Enters the next step that is not skipped, checking the entry gate of every step passed:
    /// each earlier step must be complete or skipped (so `contact` never starts before prepare
    /// is complete).
    fn move_on(&mut self, book: &Playbook, now: Timestamp) -> Result<Step, PlaybookError> {
        let mut to = self.step.next();
        while to != Step::Closed && self.is_skipped(to) {
            to = to.next();
        }
        let from = self.step;
        self.step = to;
        if let Err(e) = self.check_passed_steps(book) {
            self.step = from;
            return Err(e);
        }
        self.transitions.push(Transition {
            from: Some(from),
            to,
            at: now,
        });
        Ok(to)
    }

    /// Logs a contact attempt. Attempts start at `contact` (never before prepare is complete)
    /// and follow the channel order call → voicemail → email.
    pub fn log_contact(
        &mut self,
        book: &Playbook,
        attempt: NewContactAttempt,
        today: Date,
        now: Timestamp,
    ) -> Result<&ContactAttempt, PlaybookError> {
        if self.step < Step::Contact || self.step == Step::Closed {
            return Err(ValidationError::new(
                "step",
                self.step.as_str(),
                "contact attempts are logged from the contact step on; finish prepare and \
                 `candor incident advance` first",
            )
            .into());
        }
        if attempt.at > now || attempt.at < self.trouble_since {
            return Err(ValidationError::new(
                "at",
                attempt.at.to_string(),
                format!(
                    "must lie between the trouble ({}) and now",
                    self.trouble_since
                ),
            )
            .into());
        }
        let stored = attempt.validate(&self.contacts, today)?;
        let index = self.contacts.partition_point(|c| c.at <= stored.at);
        self.contacts.insert(index, stored);
        if let Err(e) = self.check_passed_steps(book) {
            self.contacts.remove(index);
            return Err(e);
        }
        Ok(&self.contacts[index])
    }

    /// Records (or replaces) the blameless review.
    pub fn record_retro(&mut self, retro: Retrospective) -> Result<(), PlaybookError> {
        if self.step == Step::Closed {
            return Err(closed(self));
        }
        if self.step < Step::Contact {
            return Err(ValidationError::new(
                "step",
                self.step.as_str(),
                "the review comes after the client has been contacted",
            )
            .into());
        }
        self.retro = Some(retro);
        Ok(())
    }
}

fn closed(i: &Incident) -> PlaybookError {
    ValidationError::new("id", i.id.to_string(), "the incident is closed").into()
}
