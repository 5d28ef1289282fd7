//! CSRF protection for every form: a random token per session (synchronizer token pattern),
//! sent back as a hidden `csrf` field or, from htmx, the `X-CSRF-Token` header. Small enough
//! to own; the crates offering it pull their own cookie and crypto stacks.

use crate::error::WebError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use tower_sessions::Session;

const KEY: &str = "csrf";
/// The header htmx sends the token in.
pub const HEADER: &str = "x-csrf-token";

/// The session's CSRF token, made on first use.
pub async fn token(session: &Session) -> Result<String, WebError> {
    let existing: Option<String> = session
        .get(KEY)
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    if let Some(t) = existing {
        return Ok(t);
    }
    let mut buf = [0u8; 32];
    getrandom::fill(&mut buf).map_err(|e| WebError::Render(e.to_string()))?;
    let t: String = buf.iter().map(|b| format!("{b:02x}")).collect();
    session
        .insert(KEY, &t)
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    Ok(t)
}

/// Constant-time comparison, so the token cannot be guessed byte by byte from timing.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A form body of type `T` whose CSRF token was checked against the session.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = crate::error::PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let session = req
            .extensions()
            .get::<Session>()
            .cloned()
            .ok_or(WebError::Csrf)?;
        let header = req
            .headers()
            .get(HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|e| WebError::BadRequest(e.to_string()))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
            .map_err(|e| WebError::BadRequest(format!("unreadable form: {e}")))?;
        let sent = header.or_else(|| pairs.iter().find(|(k, _)| k == KEY).map(|(_, v)| v.clone()));
        let expected: Option<String> = session
            .get(KEY)
            .await
            .map_err(|e| WebError::BadRequest(e.to_string()))?;
        match (sent, expected) {
            (Some(s), Some(e)) if same(&s, &e) => {}
            _ => return Err(WebError::Csrf.into()),
        }
        let value = serde_urlencoded::from_bytes(&body)
            .map_err(|e| WebError::BadRequest(format!("unreadable form: {e}")))?;
        Ok(CsrfForm(value))
    }
}
