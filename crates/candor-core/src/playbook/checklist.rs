//! Evaluates checklist items against an incident: each item is done when its fact holds.

use super::{Incident, Playbook, Step};
use crate::Language;
use serde::Serialize;

/// A fact about an incident that a checklist item can ask for. The table maps item IDs to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The internal cause is written down.
    Cause,
    /// At least one record entry or commitment is linked as evidence.
    Evidence,
    /// The promise is traced to a commitment, or "none found" is recorded.
    PromiseTraced,
    /// The client's original goals are written down.
    Goals,
    /// Whether a contract clause is involved has been decided.
    ContractChecked,
    /// The client's concrete impact is written down.
    Impact,
    /// A new completion date is set.
    NewDate,
    /// The recovery plan has at least one step.
    Plan,
    /// A remedy (or "none" with the goals route) is chosen.
    Remedy,
    /// Legal has been consulted.
    LegalConsulted,
    /// The people needed are lined up.
    TeamLinedUp,
    /// A short email asked the client for a call.
    CallRequested,
    /// The client has heard the news.
    ClientTold,
    /// A call was answered or a meeting held.
    CallHeld,
    /// The written follow-up summary is recorded.
    SummarySent,
    /// A contact attempt came after the client was told.
    CheckIn,
    /// What was promised is delivered.
    Delivered,
    /// A retrospective is recorded.
    Retro,
}

impl Check {
    /// Parses the table's name for a check.
    pub fn parse(name: &str) -> Option<Check> {
        Some(match name {
            "cause" => Self::Cause,
            "evidence" => Self::Evidence,
            "promise_traced" => Self::PromiseTraced,
            "goals" => Self::Goals,
            "contract_checked" => Self::ContractChecked,
            "impact" => Self::Impact,
            "new_date" => Self::NewDate,
            "plan" => Self::Plan,
            "remedy" => Self::Remedy,
            "legal_consulted" => Self::LegalConsulted,
            "team_lined_up" => Self::TeamLinedUp,
            "call_requested" => Self::CallRequested,
            "client_told" => Self::ClientTold,
            "call_held" => Self::CallHeld,
            "summary_sent" => Self::SummarySent,
            "check_in" => Self::CheckIn,
            "delivered" => Self::Delivered,
            "retro" => Self::Retro,
            _ => return None,
        })
    }

    /// Whether the fact holds for `incident`.
    pub fn holds(self, incident: &Incident) -> bool {
        let i = incident;
        match self {
            Self::Cause => i.cause.is_some(),
            Self::Evidence => !i.evidence.is_empty(),
            Self::PromiseTraced => i.promise.is_some(),
            Self::Goals => i.goals.is_some(),
            Self::ContractChecked => i.legal.involved.is_some(),
            Self::Impact => i.impact.is_some(),
            Self::NewDate => i.new_date.is_some(),
            Self::Plan => !i.plan.is_empty(),
            Self::Remedy => i.remedy.is_some(),
            Self::LegalConsulted => i.legal.consulted.is_some(),
            Self::TeamLinedUp => i.team.is_some(),
            Self::CallRequested => i.contacts.iter().any(|c| c.kind.is_call_request()),
            Self::ClientTold => i.client_told_at().is_some(),
            Self::CallHeld => i.contacts.iter().any(|c| c.kind.is_conversation()),
            Self::SummarySent => i.follow_up_summary.is_some(),
            Self::CheckIn => i.checked_in(),
            Self::Delivered => i.delivered_on.is_some(),
            Self::Retro => i.retro.is_some(),
        }
    }
}

/// When an item must be done before its step can be left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Always.
    Always,
    /// Never; the item is a reminder.
    Optional,
    /// When the incident touches a contract clause.
    WhenLegal,
    /// When the client first heard the news by email.
    WhenToldByEmail,
}

impl Requirement {
    /// Whether the item is required for `incident` as it stands.
    pub fn applies(self, incident: &Incident) -> bool {
        match self {
            Self::Always => true,
            Self::Optional => false,
            Self::WhenLegal => incident.legal.involved == Some(true),
            Self::WhenToldByEmail => incident.told_by_email(),
        }
    }
}

/// One checklist item's state for an incident (the `checklist` array of `incident show --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ItemStatus {
    /// Stable checklist ID.
    pub id: String,
    /// The step it belongs to.
    pub step: Step,
    /// Whether it is done.
    pub done: bool,
    /// Whether it must be done to leave its step.
    pub required: bool,
    /// What it means, in the requested language.
    pub label: String,
    /// The command that completes it.
    pub action: String,
}

impl Incident {
    /// The checklist of one step, evaluated.
    pub fn step_checklist(&self, book: &Playbook, step: Step, lang: Language) -> Vec<ItemStatus> {
        book.step(self.kind, step)
            .items
            .iter()
            .map(|(index, req)| {
                let def = book.item(*index);
                ItemStatus {
                    id: def.id.clone(),
                    step,
                    done: def.check.holds(self),
                    required: req.applies(self),
                    label: def.label.get(lang).to_owned(),
                    action: def.action.replace("{id}", &self.id.to_string()),
                }
            })
            .collect()
    }

    /// The whole checklist, every step in order.
    pub fn checklist(&self, book: &Playbook, lang: Language) -> Vec<ItemStatus> {
        Step::ALL
            .iter()
            .flat_map(|s| self.step_checklist(book, *s, lang))
            .collect()
    }

    /// IDs of the required items of `step` that are not done.
    pub fn missing(&self, book: &Playbook, step: Step) -> Vec<String> {
        book.step(self.kind, step)
            .items
            .iter()
            .filter(|(index, req)| req.applies(self) && !book.item(*index).check.holds(self))
            .map(|(index, _)| book.item(*index).id.clone())
            .collect()
    }
}
