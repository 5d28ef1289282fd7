//! Incidents: the list, and one incident's page with its checklist, every field, contact log
//! and the actions that walk the playbook (the composer lives in `compose`).

use super::compose::Composer;
use super::{done, lines, opt, render};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use crate::pages::auth::Empty;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::{
    ContactLogInput, IncidentDetail, IncidentSetInput, OpenIncidentInput, ProjectSummary,
};
use candor_core::Id;
use candor_core::playbook::IncidentKind;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

#[derive(Serialize)]
struct ListData {
    incidents: Vec<IncidentDetail>,
    clients: Vec<candor_core::Client>,
    projects: Vec<ProjectSummary>,
}

/// Every incident, open ones first.
pub async fn list(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let mut incidents = state.app.incidents(None, false).await?;
    incidents.sort_by_key(|i| (i.step == candor_core::playbook::Step::Closed, -i.id));
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "incidents",
        "incidents.html",
        &ListData {
            incidents,
            clients: state.app.clients().await?,
            projects: state.app.projects(None).await?,
        },
    )
    .await
}

#[derive(Serialize)]
struct ShowData {
    incident: IncidentDetail,
    #[serde(flatten)]
    composer: Composer,
}

/// One incident, its checklist in the user's language.
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
) -> Result<Html<String>, PageError> {
    render_incident(&state, &session, &headers, &who, id, Composer::empty()).await
}

/// The incident page with its composer in the state `composer` holds; a composer with no type
/// picked yet offers the usual first message of the incident's kind.
pub async fn render_incident(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    who: &Principal,
    id: Id,
    mut composer: Composer,
) -> Result<Html<String>, PageError> {
    let incident = state.app.incident(id, who.user.language).await?;
    if composer.message_type.is_empty() {
        composer.message_type = match incident.kind {
            IncidentKind::Delay => "delay_email",
            IncidentKind::Mistake => "mistake_email",
            IncidentKind::BrokenPromise => "call_request",
        }
        .into();
    }
    render(
        state,
        session,
        Some(who),
        headers,
        "incidents",
        "incident.html",
        &ShowData { incident, composer },
    )
    .await
}

/// The form that opens an incident.
#[derive(Debug, Deserialize)]
pub struct OpenForm {
    kind: String,
    client: String,
    project: Option<String>,
    deadline: Option<String>,
}

/// Opens an incident by the signed-in user and goes to its page.
pub async fn open(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    CsrfForm(f): CsrfForm<OpenForm>,
) -> Result<Redirect, PageError> {
    let input = OpenIncidentInput {
        kind: f.kind,
        client: f.client,
        project: opt(&f.project),
        deadline: opt(&f.deadline),
        author: Some(who.user.name.clone()),
        ..OpenIncidentInput::default()
    };
    let opened = state.app.open_incident(&input).await?;
    done(
        &session,
        "flash-incident-opened",
        &format!("/incidents/{}", opened.id),
    )
    .await
}

/// The incident fields form; empty fields are left as they are.
#[derive(Debug, Deserialize)]
pub struct SetForm {
    cause: Option<String>,
    impact: Option<String>,
    goals: Option<String>,
    new_date: Option<String>,
    #[serde(default)]
    plan: String,
    remedy: Option<String>,
    remedy_reason: Option<String>,
    goals_route: Option<String>,
    legal: Option<String>,
    team: Option<String>,
    follow_up_summary: Option<String>,
}

/// Changes incident fields.
pub async fn set(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<SetForm>,
) -> Result<Redirect, PageError> {
    let input = IncidentSetInput {
        cause: opt(&f.cause),
        impact: opt(&f.impact),
        goals: opt(&f.goals),
        new_date: opt(&f.new_date),
        plan: lines(&f.plan),
        remedy: opt(&f.remedy),
        remedy_reason: opt(&f.remedy_reason),
        goals_route: opt(&f.goals_route),
        legal: opt(&f.legal),
        team: opt(&f.team),
        follow_up_summary: opt(&f.follow_up_summary),
        ..IncidentSetInput::default()
    };
    // `App::set_incident`'s future is not `Send` (the playbook's edit context holds a non-`Sync`
    // closure across an await), so it runs to completion on a blocking thread.
    let app = state.app.clone();
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || handle.block_on(app.set_incident(id, &input)))
        .await
        .map_err(|e| WebError::Render(format!("incident update task failed: {e}")))??;
    done(&session, "flash-saved", &format!("/incidents/{id}")).await
}

/// Moves to the next step when the current one is complete.
pub async fn advance(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect, PageError> {
    let out = state.app.advance_incident(id).await?;
    let key = if out.advanced {
        "flash-advanced"
    } else {
        "flash-not-advanced"
    };
    done(&session, key, &format!("/incidents/{id}")).await
}

/// The contact log form.
#[derive(Debug, Deserialize)]
pub struct LogForm {
    channel: String,
    outcome: String,
    #[serde(default)]
    no_answer: Option<String>,
    reason: Option<String>,
    call_on: Option<String>,
}

/// Logs a contact attempt by the signed-in user.
pub async fn log(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<LogForm>,
) -> Result<Redirect, PageError> {
    let input = ContactLogInput {
        channel: f.channel,
        no_answer: f.no_answer.is_some(),
        call_request: false,
        outcome: f.outcome,
        at: None,
        reason: opt(&f.reason),
        call_on: opt(&f.call_on),
        author: Some(who.user.name.clone()),
    };
    state.app.log_incident_contact(id, &input).await?;
    done(&session, "flash-saved", &format!("/incidents/{id}")).await
}
