//! Who is asking and what they may do. Every route declares an [`Access`] level in the route
//! table; one guard enforces it before the handler runs, so a handler cannot forget.

use crate::AppState;
use crate::error::{ApiError, PageError, WebError};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use candor_app::accounts::{Role, User};
use serde::Serialize;
use tower_sessions::Session;

/// Session key holding the signed-in user's id.
pub const USER_KEY: &str = "user_id";

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Everyone (login, setup, share pages with their own token check, static files).
    Public,
    /// Any signed-in user.
    Viewer,
    /// Members and admins.
    Member,
    /// Admins only.
    Admin,
}

impl Access {
    /// Whether a user with `role` passes.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public | Access::Viewer => true,
            Access::Member => role >= Role::Member,
            Access::Admin => role == Role::Admin,
        }
    }
}

/// The signed-in user of a request, put there by the guard.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The user.
    pub user: User,
    /// True when authenticated by an API bearer token (no CSRF check needed).
    pub bearer: bool,
}

/// Finds the user behind a bearer token or the session cookie.
pub async fn identify(state: &AppState, parts: &Parts) -> Result<Option<Principal>, WebError> {
    if let Some(h) = parts.headers.get(axum::http::header::AUTHORIZATION) {
        let secret = h
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(WebError::Unauthorized)?;
        let user = state
            .app
            .user_for_api_token(secret.trim())
            .await?
            .ok_or(WebError::Unauthorized)?;
        return Ok(Some(Principal { user, bearer: true }));
    }
    let Some(session) = parts.extensions.get::<Session>() else {
        return Ok(None);
    };
    let id: Option<i64> = session
        .get(USER_KEY)
        .await
        .map_err(|e| WebError::BadRequest(format!("unreadable session: {e}")))?;
    let Some(id) = id else { return Ok(None) };
    match state.app.signed_in_user(id).await {
        Ok(user) => Ok(Some(Principal {
            user,
            bearer: false,
        })),
        Err(candor_app::AppError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The guard: checks a route's access level and stores the [`Principal`] for the handler.
pub async fn guard(
    State((state, access, api)): State<(AppState, Access, bool)>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let found = identify(&state, &parts).await;
    let verdict = match (&found, access) {
        (_, Access::Public) => Ok(()),
        (Err(_), _) => Err(WebError::Unauthorized),
        (Ok(None), _) => Err(WebError::Unauthorized),
        (Ok(Some(p)), a) if a.allows(p.user.role) => Ok(()),
        (Ok(Some(_)), _) => Err(WebError::Forbidden),
    };
    if let Err(e) = verdict {
        return if api {
            ApiError(e).into_response()
        } else {
            PageError(e).into_response()
        };
    }
    if let Ok(Some(p)) = found {
        // Cookie-authenticated API writes need the CSRF header, checked before the body is read.
        if api && parts.method != axum::http::Method::GET && !p.bearer && !api_csrf_ok(&parts).await
        {
            return ApiError(WebError::Csrf).into_response();
        }
        parts.extensions.insert(p);
    }
    next.run(Request::from_parts(parts, body)).await
}

async fn api_csrf_ok(parts: &Parts) -> bool {
    let sent = parts
        .headers
        .get(crate::csrf::HEADER)
        .and_then(|v| v.to_str().ok());
    let Some(session) = parts.extensions.get::<Session>() else {
        return false;
    };
    let expected: Option<String> = session.get("csrf").await.ok().flatten();
    matches!((sent, expected), (Some(s), Some(e)) if s == e)
}

impl<S: Send + Sync> FromRequestParts<S> for Principal {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .ok_or(WebError::Unauthorized)
    }
}

/// The signed-in user if any (for public pages that adapt, like the login page).
#[derive(Debug, Clone)]
pub struct MaybePrincipal(pub Option<Principal>);

impl<S: Send + Sync> FromRequestParts<S> for MaybePrincipal {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybePrincipal(parts.extensions.get::<Principal>().cloned()))
    }
}

impl axum::response::IntoResponse for WebError {
    fn into_response(self) -> Response {
        ApiError(self).into_response()
    }
}
