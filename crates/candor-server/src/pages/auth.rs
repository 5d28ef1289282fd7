//! Login, logout and the first-run setup page.

use super::{done, render};
use crate::AppState;
use crate::auth::{MaybePrincipal, USER_KEY};
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use candor_app::accounts::{LoginRefused, UserInput};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

#[derive(Debug, Default, Serialize)]
struct LoginData {
    email: String,
    error: Option<String>,
    needs_setup: bool,
}

/// The login form.
pub async fn login_page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    MaybePrincipal(who): MaybePrincipal,
) -> Result<Response, PageError> {
    if who.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let data = LoginData {
        needs_setup: state.app.needs_setup().await?,
        ..LoginData::default()
    };
    Ok(render(
        &state,
        &session,
        None,
        &headers,
        "login",
        "login.html",
        &data,
    )
    .await?
    .into_response())
}

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

/// Signs in: a new session id on success (no fixation), a counted failure otherwise.
pub async fn login(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, PageError> {
    match state.app.login(&form.email, &form.password).await? {
        Ok(user) => {
            session
                .cycle_id()
                .await
                .map_err(|e| WebError::BadRequest(e.to_string()))?;
            session
                .insert(USER_KEY, user.id)
                .await
                .map_err(|e| WebError::BadRequest(e.to_string()))?;
            Ok(Redirect::to("/").into_response())
        }
        Err(refused) => {
            let (status, key) = match refused {
                LoginRefused::BadCredentials => {
                    (axum::http::StatusCode::UNAUTHORIZED, "login-failed")
                }
                LoginRefused::RateLimited => (
                    axum::http::StatusCode::TOO_MANY_REQUESTS,
                    "login-rate-limited",
                ),
            };
            let data = LoginData {
                email: form.email,
                error: Some(key.to_owned()),
                needs_setup: false,
            };
            let page = render(
                &state,
                &session,
                None,
                &headers,
                "login",
                "login.html",
                &data,
            )
            .await?;
            Ok((status, page).into_response())
        }
    }
}

/// Signs out.
pub async fn logout(session: Session, CsrfForm(_): CsrfForm<Empty>) -> Result<Redirect, PageError> {
    session
        .flush()
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    Ok(Redirect::to("/login"))
}

/// A form with nothing but its CSRF token.
#[derive(Debug, Deserialize)]
pub struct Empty {}

#[derive(Debug, Serialize)]
struct SetupData {
    token: String,
    valid: bool,
}

/// The first-run page that creates the first admin.
pub async fn setup_page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let valid = state.app.setup_token_valid(&token).await?;
    let page = render(
        &state,
        &session,
        None,
        &headers,
        "setup",
        "setup.html",
        &SetupData { token, valid },
    )
    .await?;
    let status = if valid {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::NOT_FOUND
    };
    Ok((status, page).into_response())
}

/// The setup form's fields.
#[derive(Debug, Deserialize)]
pub struct SetupForm {
    email: String,
    name: String,
    password: String,
    language: Option<String>,
}

/// Creates the first admin and signs them in.
pub async fn setup(
    State(state): State<AppState>,
    session: Session,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> Result<Redirect, PageError> {
    let input = UserInput {
        email: form.email,
        name: form.name,
        password: form.password,
        role: None,
        language: form.language,
    };
    let user = state.app.complete_setup(&token, &input).await?;
    session
        .cycle_id()
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    session
        .insert(USER_KEY, user.id)
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    done(&session, "flash-welcome", "/").await
}
