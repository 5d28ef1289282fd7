//! The calendar feed (`/calendar/<token>.ics`, no sign-in: calendar apps cannot log in): follow-ups
//! and weekly check-ins as iCalendar; an unknown or revoked token is a plain 404.

use crate::AppState;
use crate::error::PageError;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The feed behind `<token>.ics`.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let Some(token) = file.strip_suffix(".ics") else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let ics = match state.app.calendar_feed_ics(token).await {
        Ok(ics) => ics,
        Err(candor_app::AppError::NotFound { .. }) => {
            return Ok((StatusCode::NOT_FOUND, "no such calendar feed\n").into_response());
        }
        Err(e) => return Err(e.into()),
    };
    let mut resp = ics.text.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"candor.ics\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    Ok(resp)
}
