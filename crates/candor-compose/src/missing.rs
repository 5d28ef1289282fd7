//! Which inputs each message type needs, and the command that supplies a missing one: a draft
//! with a gap is refused with the fix, never papered over with a placeholder.

use crate::inputs::{IncidentFacts, Inputs};
use crate::{Format, MessageType};
use candor_core::playbook::IncidentKind;
use serde::Serialize;
use std::fmt;

/// One input a draft cannot be written without.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingInput {
    /// What is missing, e.g. "new date".
    pub what: String,
    /// The command that fills it in.
    pub fix: String,
}

impl fmt::Display for MissingInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what, self.fix)
    }
}

fn gap(what: &str, fix: String) -> MissingInput {
    MissingInput {
        what: what.to_owned(),
        fix,
    }
}

/// Every input `t` needs that `inputs` lacks, in the order a user would fill them in.
pub fn missing(inputs: &Inputs, t: MessageType, format: Format) -> Vec<MissingInput> {
    let mut out = Vec::new();
    let client = &inputs.client_name;
    if t.client_facing() {
        match &inputs.recipient {
            None => out.push(gap(
                "a contact to write to",
                format!("candor contact add --client {client:?} --name NAME --email EMAIL"),
            )),
            Some(r) if format == Format::Eml && r.email.is_none() => out.push(gap(
                "the contact's email address (for .eml)",
                format!(
                    "candor contact add --client {client:?} --name {:?} --email EMAIL",
                    r.name
                ),
            )),
            Some(_) => {}
        }
    }
    if inputs.sender.is_none() {
        out.push(gap(
            "someone on the team to sign it",
            "candor team add --name NAME --email EMAIL --role ROLE".into(),
        ));
    }
    if t == MessageType::WeeklyCheckin {
        week_gaps(inputs, &mut out);
        return out;
    }
    let Some(incident) = &inputs.incident else {
        out.push(gap(
            "an incident",
            format!("candor compose --incident ID --type {t} (see candor incident list)"),
        ));
        return out;
    };
    incident_gaps(incident, t, &mut out);
    out
}

fn week_gaps(inputs: &Inputs, out: &mut Vec<MissingInput>) {
    let Some(project) = &inputs.project else {
        out.push(gap(
            "a project",
            "candor compose --project PROJECT --type weekly_checkin".into(),
        ));
        return;
    };
    let has_timeline = inputs.week.as_ref().is_some_and(|w| !w.timeline.is_empty());
    if !has_timeline {
        out.push(gap(
            "a timeline (the project has no milestones)",
            format!(
                "candor milestone add --project {project:?} --title TITLE --due YYYY-MM-DD --scope N"
            ),
        ));
    }
}

/// What each incident message needs from the incident itself.
fn incident_gaps(i: &IncidentFacts, t: MessageType, out: &mut Vec<MissingInput>) {
    use MessageType as M;
    let id = i.id;
    let c = &i.client;
    let set = |flag: &str| format!("candor incident set {id} {flag}");
    let needs_date = i.kind() == IncidentKind::Delay;
    let (impact, plan, remedy, date) = match t {
        M::CallRequest | M::Voicemail | M::RetrospectiveDoc | M::WeeklyCheckin => {
            (false, false, false, false)
        }
        M::CallScript => (true, true, true, needs_date),
        M::DelayEmail => (true, true, true, true),
        M::MistakeEmail => (true, true, true, false),
        M::WalkBackEmail => (false, false, true, false),
        M::FollowUpSummary | M::TransitionCheckin => (false, true, false, needs_date),
    };
    if impact && c.impact.is_none() {
        out.push(gap(
            &format!("{t} needs the client's impact"),
            set("--impact TEXT"),
        ));
    }
    if date && c.new_date.is_none() {
        out.push(gap(
            &format!("{t} needs a new date"),
            set("--new-date YYYY-MM-DD"),
        ));
    }
    if plan && c.plan.is_empty() {
        out.push(gap(
            &format!("{t} needs a recovery plan"),
            set("--plan STEP --plan STEP"),
        ));
    }
    if remedy && c.remedy.is_none() {
        let spec = if i.kind() == IncidentKind::BrokenPromise {
            "--remedy substitute:TEXT (or --remedy none --remedy-reason TEXT --goals-route TEXT)"
        } else {
            "--remedy discount:10% (or hours:8, extras:TEXT)"
        };
        out.push(gap(&format!("{t} needs a remedy"), set(spec)));
    }
    if t == M::RetrospectiveDoc && i.internal.retro.is_none() {
        out.push(gap(
            "retrospective_doc needs the review",
            format!(
                "candor incident retro {id} --what-happened TEXT --factor TEXT --action \"WHAT | OWNER | YYYY-MM-DD\""
            ),
        ));
    }
}
