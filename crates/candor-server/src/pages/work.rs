//! The everyday pages: dashboard, clients and a client's page, the project list, commitments.

use super::{done, lines, opt, render, render_value};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::PageError;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::{ClientInput, CommitmentInput, ContactInput, ProjectInput, RecordInput};
use candor_core::Id;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// The dashboard.
pub async fn dashboard(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let data = state.app.dashboard_shared().await?;
    let lang = crate::i18n::I18n::language(who.user.language.code());
    let body = crate::dashboard_view::body(&state.views, &data, lang)?;
    render_value(
        &state,
        &session,
        Some(&who),
        &headers,
        "dashboard",
        "dashboard.html",
        minijinja::context! { body => body },
    )
    .await
}

#[derive(Serialize)]
struct ClientsData {
    clients: Vec<candor_core::Client>,
}

/// Every client.
pub async fn clients(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let data = ClientsData {
        clients: state.app.clients().await?,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "clients",
        "clients.html",
        &data,
    )
    .await
}

/// The new-client form.
#[derive(Debug, Deserialize)]
pub struct ClientForm {
    name: String,
    language: String,
    country: String,
    time_zone: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    domains: String,
}

/// Adds a client.
pub async fn add_client(
    State(state): State<AppState>,
    session: Session,
    CsrfForm(f): CsrfForm<ClientForm>,
) -> Result<Redirect, PageError> {
    let c = state
        .app
        .add_client(&ClientInput {
            name: f.name,
            language: f.language,
            country: f.country,
            time_zone: f.time_zone,
            goals: f.goals,
            key_dates: vec![],
            domains: lines(&f.domains.replace(',', "\n")),
        })
        .await?;
    done(&session, "flash-saved", &format!("/clients/{}", c.id)).await
}

#[derive(Serialize)]
struct ClientData {
    #[serde(flatten)]
    view: candor_app::ClientView,
    records: Vec<candor_core::RecordEntry>,
    commitments: Vec<candor_core::Commitment>,
    remedies: Vec<candor_app::RemedyRow>,
    kinds: Vec<&'static str>,
}

/// One client: projects, contacts, commitments, the record as a timeline, remedies given.
pub async fn client(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
) -> Result<Html<String>, PageError> {
    let key = id.to_string();
    let data = ClientData {
        view: state.app.client_view(&key).await?,
        records: state.app.records(Some(&key), None, Some(100)).await?,
        commitments: state.app.commitments(Some(&key)).await?,
        remedies: state.app.remedies(Some(&key)).await?,
        kinds: candor_core::RecordKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect(),
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "clients",
        "client.html",
        &data,
    )
    .await
}

/// The new-contact form.
#[derive(Debug, Deserialize)]
pub struct ContactForm {
    name: String,
    email: Option<String>,
    phone: Option<String>,
    channel: Option<String>,
}

/// Adds a contact to a client.
pub async fn add_contact(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<ContactForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_contact(&ContactInput {
            client: id.to_string(),
            name: f.name,
            email: opt(&f.email),
            phone: opt(&f.phone),
            channel: opt(&f.channel),
            language: None,
        })
        .await?;
    done(&session, "flash-saved", &format!("/clients/{id}")).await
}

/// The new-record-entry form.
#[derive(Debug, Deserialize)]
pub struct RecordForm {
    kind: String,
    direction: Option<String>,
    subject: String,
    #[serde(default)]
    body: String,
}

/// Adds an entry to a client's record, authored by the signed-in user.
pub async fn add_record(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<RecordForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_record(&RecordInput {
            client: id.to_string(),
            project: None,
            kind: f.kind,
            direction: opt(&f.direction),
            at: None,
            author: who.user.name.clone(),
            participants: vec![],
            subject: f.subject,
            body: f.body,
            source: Some("web".into()),
        })
        .await?;
    done(&session, "flash-saved", &format!("/clients/{id}")).await
}

#[derive(Serialize)]
struct ProjectsData {
    projects: Vec<candor_app::ProjectSummary>,
    clients: Vec<candor_core::Client>,
}

/// Every project with scope totals.
pub async fn projects(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let data = ProjectsData {
        projects: state.app.projects(None).await?,
        clients: state.app.clients().await?,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "projects",
        "projects.html",
        &data,
    )
    .await
}

/// The new-project form.
#[derive(Debug, Deserialize)]
pub struct ProjectForm {
    client: String,
    name: String,
    start: String,
    deadline: String,
}

/// Adds a project.
pub async fn add_project(
    State(state): State<AppState>,
    session: Session,
    CsrfForm(f): CsrfForm<ProjectForm>,
) -> Result<Redirect, PageError> {
    let p = state
        .app
        .add_project(&ProjectInput {
            client: f.client,
            name: f.name,
            start: f.start,
            deadline: f.deadline,
            status: None,
        })
        .await?;
    done(&session, "flash-saved", &format!("/projects/{}", p.id)).await
}

#[derive(Serialize)]
struct CommitmentsData {
    commitments: Vec<candor_core::Commitment>,
    clients: Vec<candor_core::Client>,
    statuses: Vec<&'static str>,
}

/// Every commitment.
pub async fn commitments(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let data = CommitmentsData {
        commitments: state.app.commitments(None).await?,
        clients: state.app.clients().await?,
        statuses: candor_core::CommitmentStatus::ALL
            .iter()
            .map(|s| s.as_str())
            .collect(),
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "commitments",
        "commitments.html",
        &data,
    )
    .await
}

/// The new-commitment form.
#[derive(Debug, Deserialize)]
pub struct CommitmentForm {
    client: String,
    text: String,
    source: String,
    due: Option<String>,
}

/// Records a commitment made by the signed-in user.
pub async fn add_commitment(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    CsrfForm(f): CsrfForm<CommitmentForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_commitment(&CommitmentInput {
            client: f.client,
            project: None,
            text: f.text,
            made_by: who.user.name.clone(),
            made_at: None,
            source: Some(f.source),
            due: opt(&f.due),
            status: None,
        })
        .await?;
    done(&session, "flash-saved", "/commitments").await
}

/// The status form.
#[derive(Debug, Deserialize)]
pub struct StatusForm {
    status: String,
}

/// Changes a commitment's status.
pub async fn commitment_status(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<StatusForm>,
) -> Result<Redirect, PageError> {
    state.app.set_commitment_status(id, &f.status).await?;
    done(&session, "flash-saved", "/commitments").await
}
