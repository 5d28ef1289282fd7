//! The outbox: drafts waiting to be sent, sent and discarded messages; sending (SMTP settings
//! from the server's environment) and discarding go through the application layer.

use super::{done, opt, render};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::{AppError, OutboxMessage, SmtpSettings};
use candor_core::Id;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// The statuses the list can be narrowed to.
const STATUSES: [&str; 5] = ["draft", "sending", "sent", "failed", "discarded"];

/// Session key holding the server's answer to a failed send, shown once on the message page.
const SEND_ERROR: &str = "outbox_send_error";

/// The list's filter.
#[derive(Debug, Deserialize)]
pub struct OutboxQuery {
    status: Option<String>,
}

#[derive(Serialize)]
struct ListData {
    messages: Vec<OutboxMessage>,
    status: String,
    statuses: [&'static str; 5],
}

/// The outbox, narrowed to one status when asked.
pub async fn list(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Query(q): Query<OutboxQuery>,
) -> Result<Html<String>, PageError> {
    let status = opt(&q.status).filter(|s| s != "all");
    let data = ListData {
        messages: state.app.outbox_list(status.as_deref()).await?,
        status: status.unwrap_or_else(|| "all".into()),
        statuses: STATUSES,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "outbox",
        "outbox.html",
        &data,
    )
    .await
}

#[derive(Serialize)]
struct ShowData {
    message: OutboxMessage,
    /// The `.eml`'s header block as stored.
    head: String,
    send_error: Option<String>,
}

/// One message: its headers and body as they will be sent.
pub async fn show(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
) -> Result<Html<String>, PageError> {
    let message = state.app.outbox_message(id).await?;
    let head = message
        .eml
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .replace("\r\n", "\n");
    let send_error: Option<String> = session.remove(SEND_ERROR).await.ok().flatten();
    let data = ShowData {
        message,
        head,
        send_error,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "outbox",
        "outbox_message.html",
        &data,
    )
    .await
}

/// A form with nothing but its CSRF token.
#[derive(Debug, Deserialize)]
pub struct EmptyForm {}

/// Sends a draft. A refusal (no SMTP settings, the server's answer, already sent) is shown on
/// the message page and the draft is kept.
pub async fn send(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Redirect, PageError> {
    let to = format!("/outbox/{id}");
    let sent = match SmtpSettings::from_vars(|k| std::env::var(k).ok()) {
        Ok(smtp) => state.app.outbox_send(id, &smtp, false).await.map(|_| ()),
        Err(e) => Err(e),
    };
    match sent {
        Ok(()) => done(&session, "flash-outbox-sent", &to).await,
        Err(e @ (AppError::Check(_) | AppError::Invalid(_) | AppError::Conflict(_))) => {
            session
                .insert(SEND_ERROR, e.to_string())
                .await
                .map_err(|e| WebError::BadRequest(e.to_string()))?;
            Ok(Redirect::to(&to))
        }
        Err(e) => Err(e.into()),
    }
}

/// Discards a draft (it stays listed as discarded).
pub async fn discard(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Redirect, PageError> {
    state.app.outbox_discard(id).await?;
    done(&session, "flash-outbox-discarded", &format!("/outbox/{id}")).await
}
