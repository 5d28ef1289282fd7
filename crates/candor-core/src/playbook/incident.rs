//! The incident aggregate: everything a playbook run holds, and the edits of its fields.

use super::contact::ContactAttempt;
use super::flow::{Skip, Transition};
use super::{ContactKind, IncidentKind, Playbook, PlaybookError, Remedy, Retrospective, Step};
use crate::{Id, KeyDate, Language, ValidationError, field};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// Where a broken promise came from, found while investigating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum PromiseLink {
    /// The commitment that was broken.
    Commitment(Id),
    /// No commitment was found; what was searched.
    NoneFound(String),
}

/// Something found while investigating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Evidence {
    /// A record entry (email, call note, document).
    Record(Id),
    /// A commitment.
    Commitment(Id),
}

impl Evidence {
    /// Parses `record:ID` or `commitment:ID`.
    pub fn parse(value: &str) -> Result<Evidence, ValidationError> {
        let bad = || ValidationError::new("evidence", value, "expected record:ID or commitment:ID");
        let (kind, id) = value.trim().split_once(':').ok_or_else(bad)?;
        let id: Id = id.trim().parse().map_err(|_| bad())?;
        match kind.trim() {
            "record" => Ok(Self::Record(id)),
            "commitment" => Ok(Self::Commitment(id)),
            _ => Err(bad()),
        }
    }
}

/// The contract side of an incident.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Legal {
    /// Whether a contract clause is involved (`None`: not checked yet).
    pub involved: Option<bool>,
    /// Which clause.
    pub clause: Option<String>,
    /// What legal said, once consulted.
    pub consulted: Option<String>,
}

/// A stored incident. Internal fields (`cause`, `evidence`, `legal`, `team`, `retro`, skip
/// reasons) never reach the client: client-facing code goes through [`super::ClientView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Incident {
    /// Database id (0 until stored).
    pub id: Id,
    /// Which playbook.
    pub kind: IncidentKind,
    /// The client.
    pub client_id: Id,
    /// Project, if any.
    pub project_id: Option<Id>,
    /// Milestone, if any.
    pub milestone_id: Option<Id>,
    /// The broken commitment, or that none was found.
    pub promise: Option<PromiseLink>,
    /// The current step.
    pub step: Step,
    /// When the incident was opened.
    #[schemars(with = "crate::schema::Timestamp")]
    pub opened_at: Timestamp,
    /// When the trouble became clear.
    #[schemars(with = "crate::schema::Timestamp")]
    pub trouble_since: Timestamp,
    /// The deadline the client was promised, if any.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub deadline: Option<Date>,
    /// What went wrong internally. Private.
    pub cause: Option<String>,
    /// The client's concrete impact.
    pub impact: Option<String>,
    /// The client's original goals.
    pub goals: Option<String>,
    /// The new completion date.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub new_date: Option<Date>,
    /// Recovery plan steps.
    pub plan: Vec<String>,
    /// The remedy offered.
    pub remedy: Option<Remedy>,
    /// Contract clause and legal consultation.
    pub legal: Legal,
    /// Who is lined up to help.
    pub team: Option<String>,
    /// Record entries and commitments found while investigating.
    pub evidence: Vec<Evidence>,
    /// Every contact attempt, in time order.
    pub contacts: Vec<ContactAttempt>,
    /// The written follow-up summary.
    pub follow_up_summary: Option<String>,
    /// When what was promised was delivered.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub delivered_on: Option<Date>,
    /// The blameless review.
    pub retro: Option<Retrospective>,
    /// Steps skipped, with reasons.
    pub skips: Vec<Skip>,
    /// Every step change, timestamped.
    pub transitions: Vec<Transition>,
}

/// What is needed to open an incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIncident {
    /// Kind.
    pub kind: IncidentKind,
    /// Client.
    pub client_id: Id,
    /// Project.
    pub project_id: Option<Id>,
    /// Milestone.
    pub milestone_id: Option<Id>,
    /// The broken commitment, if known.
    pub promise: Option<PromiseLink>,
    /// When the trouble became clear (defaults to now).
    pub trouble_since: Option<Timestamp>,
    /// The promised deadline (from the milestone, commitment or project).
    pub deadline: Option<Date>,
    /// The client's goals, prefilled from the client.
    pub goals: Option<String>,
}

impl NewIncident {
    /// Opens the incident at `investigate`; the trouble cannot become clear in the future.
    pub fn open(self, now: Timestamp) -> Result<Incident, ValidationError> {
        let trouble_since = self.trouble_since.unwrap_or(now);
        if trouble_since > now {
            return Err(ValidationError::new(
                "trouble-since",
                trouble_since.to_string(),
                "lies in the future; give the day the trouble became clear",
            ));
        }
        Ok(Incident {
            id: 0,
            kind: self.kind,
            client_id: self.client_id,
            project_id: self.project_id,
            milestone_id: self.milestone_id,
            promise: self.promise,
            step: Step::Investigate,
            opened_at: now,
            trouble_since,
            deadline: self.deadline,
            cause: None,
            impact: None,
            goals: self
                .goals
                .map(|g| g.trim().to_owned())
                .filter(|g| !g.is_empty()),
            new_date: None,
            plan: Vec::new(),
            remedy: None,
            legal: Legal::default(),
            team: None,
            evidence: Vec::new(),
            contacts: Vec::new(),
            follow_up_summary: None,
            delivered_on: None,
            retro: None,
            skips: Vec::new(),
            transitions: vec![Transition {
                from: None,
                to: Step::Investigate,
                at: now,
            }],
        })
    }
}

/// One change to an incident's fields (`incident set`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Internal cause.
    Cause(String),
    /// Client impact.
    Impact(String),
    /// Client goals.
    Goals(String),
    /// New completion date.
    NewDate(Date),
    /// Recovery plan (replaces the steps).
    Plan(Vec<String>),
    /// Remedy.
    Remedy(Remedy),
    /// Whether a contract clause is involved.
    LegalInvolved(bool),
    /// The clause.
    LegalClause(String),
    /// What legal said.
    LegalConsulted(String),
    /// Who is lined up.
    Team(String),
    /// Adds evidence.
    AddEvidence(Evidence),
    /// The broken commitment, or none found.
    Promise(PromiseLink),
    /// The written follow-up summary.
    FollowUpSummary(String),
    /// Delivery date.
    Delivered(Date),
    /// The promised deadline.
    Deadline(Date),
    /// When the trouble became clear.
    TroubleSince(Timestamp),
}

/// What edits are checked against: the clock, the client's key dates and language.
pub struct EditContext<'a> {
    /// Today, in the team's calendar.
    pub today: Date,
    /// Now.
    pub now: Timestamp,
    /// The client's key dates (for prefilling the impact).
    pub key_dates: &'a [KeyDate],
    /// The client's language (for the prefilled impact).
    pub language: Language,
    /// Whether a date is a business day (weekends and holidays are not).
    pub is_business_day: &'a dyn Fn(Date) -> bool,
}

/// Monday to Friday: the business-day rule when no holiday calendar is at hand.
pub fn weekday_only(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

impl Incident {
    /// When the client first heard the news (first answered call, meeting or email).
    pub fn client_told_at(&self) -> Option<Timestamp> {
        self.contacts
            .iter()
            .filter(|c| c.kind.tells_client())
            .map(|c| c.at)
            .min()
    }

    /// Whether the client first heard the news by email.
    pub fn told_by_email(&self) -> bool {
        self.contacts
            .iter()
            .filter(|c| c.kind.tells_client())
            .min_by_key(|c| c.at)
            .is_some_and(|c| c.kind == ContactKind::EmailSent)
    }

    /// Whether we reached out again after the client was told.
    pub fn checked_in(&self) -> bool {
        self.client_told_at().is_some_and(|t| {
            self.contacts
                .iter()
                .any(|c| c.kind.tells_client() && c.at > t)
        })
    }

    /// Applies edits all at once: either every edit holds, or nothing changes. An edit may not
    /// undo a checklist item of a step the incident has already left.
    pub fn set(
        &mut self,
        book: &Playbook,
        edits: Vec<Edit>,
        ctx: &EditContext<'_>,
    ) -> Result<(), PlaybookError> {
        if self.step == Step::Closed {
            return Err(
                ValidationError::new("id", self.id.to_string(), "the incident is closed").into(),
            );
        }
        let mut next = self.clone();
        for edit in edits {
            next.apply(edit, ctx)?;
        }
        next.prefill_impact(book, ctx);
        next.check_passed_steps(book)?;
        *self = next;
        Ok(())
    }

    fn apply(&mut self, edit: Edit, ctx: &EditContext<'_>) -> Result<(), ValidationError> {
        match edit {
            Edit::Cause(t) => self.cause = Some(field::non_empty("cause", &t)?),
            Edit::Impact(t) => self.impact = Some(field::non_empty("impact", &t)?),
            Edit::Goals(t) => self.goals = Some(field::non_empty("goals", &t)?),
            Edit::NewDate(d) => self.new_date = Some(check_new_date(d, ctx)?),
            Edit::Plan(steps) => self.plan = check_plan(steps)?,
            Edit::Remedy(r) => {
                r.check_kind(self.kind)?;
                self.remedy = Some(r);
            }
            Edit::LegalInvolved(b) => self.legal.involved = Some(b),
            Edit::LegalClause(t) => self.legal.clause = Some(field::non_empty("legal-clause", &t)?),
            Edit::LegalConsulted(t) => {
                self.legal.consulted = Some(field::non_empty("legal-consulted", &t)?);
            }
            Edit::Team(t) => self.team = Some(field::non_empty("team", &t)?),
            Edit::AddEvidence(e) => {
                if !self.evidence.contains(&e) {
                    self.evidence.push(e);
                }
            }
            Edit::Promise(PromiseLink::NoneFound(t)) => {
                let t = field::non_empty("no-commitment-found", &t)?;
                self.promise = Some(PromiseLink::NoneFound(t));
            }
            Edit::Promise(p) => self.promise = Some(p),
            Edit::FollowUpSummary(t) => {
                self.follow_up_summary = Some(field::non_empty("follow-up-summary", &t)?);
            }
            Edit::Delivered(d) => {
                if d > ctx.today {
                    return Err(ValidationError::new(
                        "delivered",
                        d.to_string(),
                        format!(
                            "lies in the future (today is {}); record delivery once it happened",
                            ctx.today
                        ),
                    ));
                }
                self.delivered_on = Some(d);
            }
            Edit::Deadline(d) => self.deadline = Some(d),
            Edit::TroubleSince(t) => {
                if t > ctx.now {
                    return Err(ValidationError::new(
                        "trouble-since",
                        t.to_string(),
                        "lies in the future",
                    ));
                }
                self.trouble_since = t;
            }
        }
        Ok(())
    }

    /// Fills an empty impact from the client's key dates that the new date now misses:
    /// those on or after today (and the original deadline) and before the new date.
    fn prefill_impact(&mut self, book: &Playbook, ctx: &EditContext<'_>) {
        let (None, Some(new_date)) = (&self.impact, self.new_date) else {
            return;
        };
        let from = self.deadline.map_or(ctx.today, |d| d.max(ctx.today));
        let template = book.impact_prefill(ctx.language);
        let hit: Vec<String> = ctx
            .key_dates
            .iter()
            .filter(|k| k.date >= from && k.date < new_date)
            .map(|k| {
                template
                    .replace("{label}", &k.label)
                    .replace("{date}", &k.date.to_string())
            })
            .collect();
        if !hit.is_empty() {
            self.impact = Some(hit.join("; "));
        }
    }

    /// Fails when a step already left (not skipped) has a required item missing.
    pub(super) fn check_passed_steps(&self, book: &Playbook) -> Result<(), PlaybookError> {
        for step in Step::ALL.iter().filter(|s| **s < self.step) {
            if self.skips.iter().any(|s| s.step == *step) {
                continue;
            }
            let missing = self.missing(book, *step);
            if !missing.is_empty() {
                return Err(ValidationError::new(
                    "step",
                    step.as_str(),
                    format!(
                        "this change would leave {step}, which the incident has already passed, \
                         missing {}; record those in the same command",
                        missing.join(", ")
                    ),
                )
                .into());
            }
        }
        Ok(())
    }
}

fn check_new_date(d: Date, ctx: &EditContext<'_>) -> Result<Date, ValidationError> {
    if d <= ctx.today {
        return Err(ValidationError::new(
            "new-date",
            d.to_string(),
            format!(
                "must lie after today ({}); a new date is a promise about the future",
                ctx.today
            ),
        ));
    }
    if !(ctx.is_business_day)(d) {
        return Err(ValidationError::new(
            "new-date",
            d.to_string(),
            format!(
                "is a {:?}, not a business day; pick a working day",
                d.weekday()
            ),
        ));
    }
    Ok(d)
}

fn check_plan(steps: Vec<String>) -> Result<Vec<String>, ValidationError> {
    let steps: Vec<String> = steps
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if steps.is_empty() {
        return Err(ValidationError::new(
            "plan",
            "",
            "a recovery plan needs at least one step",
        ));
    }
    Ok(steps)
}
