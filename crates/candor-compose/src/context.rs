//! Turns the inputs into the values a template sees: names, locale-formatted dates and amounts,
//! and the remedy as a sentence. Internal incident fields enter the context only for the
//! internal retrospective; every client-facing template is built from the client view alone.

use crate::inputs::{IncidentFacts, Inputs};
use crate::locale::{LocaleFormat, currency_symbol};
use crate::strings::{Arg, Strings};
use crate::{ComposeError, Format, MessageType};
use candor_core::Language;
use candor_core::playbook::{Discount, Remedy};
use serde::Serialize;

/// A milestone line of the weekly timeline.
#[derive(Debug, Serialize)]
struct TimelineLine {
    title: String,
    due: String,
    forecast: Option<String>,
    late: bool,
    remaining: String,
}

/// An action item of the retrospective.
#[derive(Debug, Serialize)]
struct ActionLine {
    action: String,
    owner: String,
    due: String,
}

/// The internal part of the retrospective.
#[derive(Debug, Serialize)]
struct RetroCtx {
    held_on: String,
    what_happened: String,
    factors: Vec<String>,
    actions: Vec<ActionLine>,
    cause: Option<String>,
}

/// Everything a template may use.
#[derive(Debug, Serialize)]
pub struct Ctx {
    lang: &'static str,
    format: &'static str,
    message_type: &'static str,
    kind: Option<&'static str>,
    client: String,
    project: Option<String>,
    contact: Option<String>,
    contact_first: Option<String>,
    sender: String,
    sender_role: String,
    today: String,
    deadline: Option<String>,
    new_date: Option<String>,
    impact: Option<String>,
    goals: Option<String>,
    promise: Option<String>,
    plan: Vec<String>,
    remedy: Option<String>,
    remedy_type: Option<&'static str>,
    done_this_week: Option<String>,
    done_count: Option<u32>,
    remaining: Option<String>,
    remaining_count: Option<u32>,
    forecast: Option<String>,
    timeline: Vec<TimelineLine>,
    retro: Option<RetroCtx>,
}

fn first_name(full: &str) -> String {
    full.split_whitespace().next().unwrap_or(full).to_owned()
}

/// Builds the context for one draft.
pub fn build(
    inputs: &Inputs,
    t: MessageType,
    lang: Language,
    format: Format,
    loc: &LocaleFormat,
    strings: &Strings,
) -> Result<Ctx, ComposeError> {
    let incident = inputs.incident.as_ref();
    let view = incident.map(|i| &i.client);
    let goals = view
        .and_then(|v| v.goals.clone())
        .or_else(|| Some(inputs.client_goals.clone()).filter(|g| !g.trim().is_empty()));
    let remedy = match view.and_then(|v| v.remedy.as_ref()) {
        Some(r) => Some(close(&remedy_sentence(r, lang, loc, strings)?, lang)),
        None => None,
    };
    let week = inputs.week.as_ref();
    let deadline = incident
        .and_then(|i| i.deadline)
        .or(inputs.project_deadline);
    Ok(Ctx {
        lang: lang.code(),
        format: format.id(),
        message_type: t.id(),
        kind: incident.map(|i| i.kind().as_str()),
        client: inputs.client_name.clone(),
        project: inputs.project.clone(),
        contact: inputs.recipient.as_ref().map(|r| r.name.clone()),
        contact_first: inputs.recipient.as_ref().map(|r| first_name(&r.name)),
        sender: inputs
            .sender
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        sender_role: inputs
            .sender
            .as_ref()
            .map(|s| s.role.clone())
            .unwrap_or_default(),
        today: loc.date(inputs.today),
        deadline: deadline.map(|d| loc.date(d)),
        new_date: view.and_then(|v| v.new_date).map(|d| loc.date(d)),
        impact: view.and_then(|v| v.impact.clone()),
        goals,
        promise: inputs.promise.clone(),
        plan: view.map(|v| v.plan.clone()).unwrap_or_default(),
        remedy,
        remedy_type: view.and_then(|v| v.remedy.as_ref()).map(Remedy::type_id),
        done_this_week: week.map(|w| loc.integer(i64::from(w.done_this_week))),
        done_count: week.map(|w| w.done_this_week),
        remaining: week.map(|w| loc.integer(i64::from(w.remaining))),
        remaining_count: week.map(|w| w.remaining),
        forecast: week.and_then(|w| w.forecast).map(|d| loc.date(d)),
        timeline: week
            .map(|w| {
                w.timeline
                    .iter()
                    .map(|m| TimelineLine {
                        title: m.title.clone(),
                        due: loc.date(m.due),
                        forecast: m.forecast.map(|d| loc.date(d)),
                        late: m.forecast.is_some_and(|f| f > m.due),
                        remaining: loc.integer(i64::from(m.remaining)),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        retro: if t.client_facing() {
            None
        } else {
            incident.and_then(|i| retro(i, loc))
        },
    })
}

/// The internal review: only ever built for the internal retrospective document.
fn retro(i: &IncidentFacts, loc: &LocaleFormat) -> Option<RetroCtx> {
    let r = i.internal.retro.as_ref()?;
    Some(RetroCtx {
        held_on: loc.date(r.held_on),
        what_happened: r.what_happened.clone(),
        factors: r.factors.clone(),
        actions: r
            .actions
            .iter()
            .map(|a| ActionLine {
                action: a.action.clone(),
                owner: a.owner.clone(),
                due: loc.date(a.due),
            })
            .collect(),
        cause: i.internal.cause.clone(),
    })
}

/// Ends a sentence that closes with user text with the language's full stop.
fn close(text: &str, lang: Language) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?', '।']) {
        t.to_owned()
    } else if lang == Language::Bn {
        format!("{t}।")
    } else {
        format!("{t}.")
    }
}

/// The remedy as one sentence in `lang` (Fluent `remedy-*` messages), amounts in local digits.
fn remedy_sentence(
    r: &Remedy,
    lang: Language,
    loc: &LocaleFormat,
    strings: &Strings,
) -> Result<String, ComposeError> {
    let text = |s: &str| Arg::Text(s.to_owned());
    let future = |f: bool| text(if f { "yes" } else { "no" });
    match r {
        Remedy::Discount {
            discount: Discount::Percent { percent },
            future_project,
        } => strings.get(
            lang,
            "remedy-discount-percent",
            &[
                ("percent", text(&loc.integer(i64::from(*percent)))),
                ("future", future(*future_project)),
            ],
        ),
        Remedy::Discount {
            discount: Discount::Amount { minor, currency },
            future_project,
        } => {
            let money = strings.get(
                lang,
                "money",
                &[
                    ("amount", text(&loc.amount(*minor))),
                    ("symbol", text(currency_symbol(currency))),
                ],
            )?;
            strings.get(
                lang,
                "remedy-discount-amount",
                &[
                    ("amount", text(&money)),
                    ("future", future(*future_project)),
                ],
            )
        }
        Remedy::FreeHours { hours } => strings.get(
            lang,
            "remedy-free-hours",
            &[
                ("count", Arg::Number(f64::from(*hours))),
                ("hours", text(&loc.integer(i64::from(*hours)))),
            ],
        ),
        Remedy::FreeExtras { what } => {
            strings.get(lang, "remedy-free-extras", &[("what", text(what))])
        }
        Remedy::Substitute { what } => {
            strings.get(lang, "remedy-substitute", &[("what", text(what))])
        }
        Remedy::None { goals_route, .. } => {
            strings.get(lang, "remedy-none", &[("route", text(goals_route))])
        }
    }
}
