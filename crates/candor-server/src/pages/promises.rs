//! The promise register: sentences from outgoing mail that read like promises wait here until a
//! person confirms them into commitments or rejects them (the application layer decides).

use super::{done, opt, render};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::PageError;
use crate::pages::auth::Empty;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::promises::PromiseCandidate;
use candor_core::Id;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// The statuses a candidate can have, in the filter's order.
const STATUSES: [&str; 3] = ["pending", "confirmed", "rejected"];

/// The filter (a GET form).
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Filter {
    client: Option<String>,
    status: Option<String>,
}

/// One candidate as the page shows it.
#[derive(Debug, Serialize)]
struct CandidateView {
    id: Id,
    text: String,
    status: String,
    made_by: String,
    made_at: String,
    due: Option<String>,
    subject: String,
    client_id: Option<Id>,
    record_id: Option<Id>,
    commitment_id: Option<Id>,
}

impl From<PromiseCandidate> for CandidateView {
    fn from(c: PromiseCandidate) -> Self {
        CandidateView {
            id: c.id,
            text: c.text,
            status: c.status,
            made_by: c.made_by,
            made_at: c.made_at.to_string(),
            due: c.due.map(|d| d.to_string()),
            subject: c.subject,
            client_id: c.client_id,
            record_id: c.record_id,
            commitment_id: c.commitment_id,
        }
    }
}

#[derive(Serialize)]
struct PromisesData {
    filter: Filter,
    status: String,
    statuses: [&'static str; 3],
    clients: Vec<candor_core::Client>,
    candidates: Vec<CandidateView>,
}

/// Candidates, pending ones by default.
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Query(filter): Query<Filter>,
) -> Result<Html<String>, PageError> {
    // "all" (or an empty choice) lists every status; no choice at all means pending.
    let status = match &filter.status {
        None => "pending".to_owned(),
        Some(s) => s.trim().to_owned(),
    };
    let wanted = Some(status.as_str()).filter(|s| !s.is_empty() && *s != "all");
    let candidates = state
        .app
        .promise_candidates(opt(&filter.client).as_deref(), wanted)
        .await?;
    let data = PromisesData {
        status: wanted.unwrap_or("all").to_owned(),
        filter,
        statuses: STATUSES,
        clients: state.app.clients().await?,
        candidates: candidates.into_iter().map(CandidateView::from).collect(),
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "promises",
        "promises.html",
        &data,
    )
    .await
}

/// Confirms a candidate: it becomes a commitment of its client.
pub async fn confirm(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect, PageError> {
    state.app.confirm_promise(id).await?;
    done(&session, "flash-promise-confirmed", "/promises").await
}

/// Rejects a candidate: it was not a promise.
pub async fn reject(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect, PageError> {
    state.app.reject_promise(id).await?;
    done(&session, "flash-promise-rejected", "/promises").await
}
