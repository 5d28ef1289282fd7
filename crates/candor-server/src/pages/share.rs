//! The client share page (`/share/<token>`, no sign-in) and making and revoking share links.

use super::done;
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use crate::pages::auth::Empty;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use candor_core::Id;
use serde::Serialize;
use tower_sessions::Session;

#[derive(Serialize)]
struct ShareData<'a> {
    lang: &'static str,
    shared: &'a candor_app::share::SharedProject,
}

/// The read-only client view of one project, in the client's language.
pub async fn share_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let shared = state.app.shared_project(&token).await?;
    let lang = crate::i18n::I18n::language(shared.language.code());
    let page = state.views.render(
        "share.html",
        &ShareData {
            lang,
            shared: &shared,
        },
    )?;
    let mut resp = page.into_response();
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    Ok(resp)
}

/// Makes a share link; its address is shown once on the project page.
pub async fn create(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect, PageError> {
    let link = state
        .app
        .create_share_link(&id.to_string(), &who.user.name)
        .await?;
    session
        .insert("new_share", format!("/share/{}", link.token))
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    done(&session, "flash-share-made", &format!("/projects/{id}")).await
}

/// Revokes a share link.
pub async fn revoke(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect, PageError> {
    let link = state.app.revoke_share_link(id).await?;
    done(
        &session,
        "flash-share-revoked",
        &format!("/projects/{}", link.project_id),
    )
    .await
}
