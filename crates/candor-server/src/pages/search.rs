//! Mail search: the query language of `candor search` (words, "phrases", from:, to:, subject:,
//! before:, after:, client:) with a client filter and a result limit, through the application
//! layer, which brings the search index up to date first.

use super::{opt, render};
use crate::AppState;
use crate::auth::Principal;
use crate::error::PageError;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Html;
use candor_app::AppError;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Result counts the limit picker offers; the first is the default.
pub const LIMITS: [usize; 4] = [20, 50, 100, 200];

/// The search form (a GET form, so results have a URL).
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct SearchForm {
    #[serde(default)]
    q: String,
    client: Option<String>,
    limit: Option<usize>,
}

/// One hit as the page shows it.
#[derive(Debug, Serialize)]
struct HitView {
    date: String,
    from: String,
    subject: String,
    snippet: String,
    record_id: Option<u64>,
    message_id: String,
}

#[derive(Serialize)]
struct SearchData {
    form: SearchForm,
    limit: usize,
    limits: [usize; 4],
    clients: Vec<candor_core::Client>,
    hits: Option<Vec<HitView>>,
    error: Option<String>,
}

/// The search page; with a query, its results (a bad query is explained on the page).
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Query(form): Query<SearchForm>,
) -> Result<Html<String>, PageError> {
    let limit = form
        .limit
        .filter(|l| LIMITS.contains(l))
        .unwrap_or(LIMITS[0]);
    let client = opt(&form.client);
    let (hits, error) = if form.q.trim().is_empty() {
        (None, None)
    } else {
        match state
            .app
            .search_mail(state.app.search_dir(), &form.q, client.as_deref(), limit)
            .await
        {
            Ok(hits) => (
                Some(
                    hits.into_iter()
                        .map(|h| HitView {
                            date: h.date,
                            from: h.from,
                            subject: h.subject,
                            snippet: h.snippet,
                            record_id: h.record_id,
                            message_id: h.message_id,
                        })
                        .collect(),
                ),
                None,
            ),
            Err(e @ AppError::Internal(_)) => return Err(e.into()),
            Err(e) => (None, Some(e.to_string())),
        }
    };
    let data = SearchData {
        form,
        limit,
        limits: LIMITS,
        clients: state.app.clients().await?,
        hits,
        error,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "search",
        "search.html",
        &data,
    )
    .await
}
