//! HTML pages. Each handler reads its input, calls one application-layer use case, and renders
//! a template; the layout (language, user, CSRF token, navigation) is filled in here.

pub mod auth;
pub mod calendar_feed;
pub mod check;
pub mod compose;
pub mod incidents;
pub mod outbox;
pub mod project;
pub mod promises;
pub mod search;
pub mod settings;
pub mod share;
pub mod work;

use crate::AppState;
use crate::auth::Principal;
use crate::error::{PageError, WebError};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use candor_app::accounts::Role;
use serde::Serialize;
use tower_sessions::Session;

const HTMX: &str = include_str!("../../static/htmx-2.0.11.min.js");
const CSS: &str = include_str!("../../static/candor.css");

/// The vendored htmx 2.0.11.
pub async fn htmx_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        HTMX,
    )
        .into_response()
}

/// The stylesheet.
pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// Liveness probe.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Unknown paths.
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        crate::templates::error_page(404, "There is no page at this address."),
    )
        .into_response()
}

/// The user as the layout shows it.
#[derive(Debug, Serialize)]
pub struct LayoutUser {
    name: String,
    email: String,
    role: Role,
}

/// What every page's layout needs.
#[derive(Debug, Serialize)]
pub struct Layout {
    lang: &'static str,
    nav: &'static str,
    csrf: String,
    user: Option<LayoutUser>,
    can_write: bool,
    is_admin: bool,
    flash: Option<String>,
}

/// A page: the layout plus the page's own data.
#[derive(Debug, Serialize)]
struct Page<'a, T: Serialize> {
    #[serde(flatten)]
    layout: Layout,
    #[serde(flatten)]
    data: &'a T,
}

/// The layout for a request.
pub async fn layout(
    session: &Session,
    who: Option<&Principal>,
    headers: &HeaderMap,
    nav: &'static str,
) -> Result<Layout, WebError> {
    let lang = match who {
        Some(p) => crate::i18n::I18n::language(p.user.language.code()),
        None => crate::i18n::from_accept_language(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
        ),
    };
    // `remove` marks the session changed (a database write per page view), so only when set.
    let flash: Option<String> = session.get("flash").await.ok().flatten();
    if flash.is_some() {
        let _: Option<String> = session.remove("flash").await.ok().flatten();
    }
    Ok(Layout {
        lang,
        nav,
        csrf: crate::csrf::token(session).await?,
        can_write: who.is_some_and(|p| p.user.role >= Role::Member),
        is_admin: who.is_some_and(|p| p.user.role == Role::Admin),
        user: who.map(|p| LayoutUser {
            name: p.user.name.clone(),
            email: p.user.email.clone(),
            role: p.user.role,
        }),
        flash,
    })
}

/// Renders a full page.
pub async fn render<T: Serialize>(
    state: &AppState,
    session: &Session,
    who: Option<&Principal>,
    headers: &HeaderMap,
    nav: &'static str,
    template: &str,
    data: &T,
) -> Result<Html<String>, PageError> {
    let layout = layout(session, who, headers, nav).await?;
    Ok(state.views.render(template, &Page { layout, data })?)
}

/// Renders a full page whose data is already a template value (kept between views, see
/// `dashboard_view`): the layout is merged in without converting the data again.
pub async fn render_value(
    state: &AppState,
    session: &Session,
    who: Option<&Principal>,
    headers: &HeaderMap,
    nav: &'static str,
    template: &str,
    data: minijinja::Value,
) -> Result<Html<String>, PageError> {
    let layout = layout(session, who, headers, nav).await?;
    let layout = minijinja::Value::from(minijinja::value::Serde(layout));
    let ctx = minijinja::context! { ..layout, ..data };
    Ok(state.views.render(template, &ctx)?)
}

/// After a successful form: a UI string key shown on the next page, then Post/Redirect/Get.
pub async fn done(session: &Session, key: &str, to: &str) -> Result<Redirect, PageError> {
    session
        .insert("flash", key)
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    Ok(Redirect::to(to))
}

/// Splits a text field into trimmed non-empty lines (list inputs in forms).
pub fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An empty form field means "not given".
pub fn opt(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}
