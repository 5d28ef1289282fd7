//! The route table: every route with its method, path and access level in one list. The router
//! is built from it, the guard enforces its access levels, and the tests walk it (every route ×
//! every role) and compare it with the OpenAPI document.

use crate::auth::{Access, guard};
use crate::{AppState, Config, api, pages};
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, get, post};
use serde::Serialize;
use time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// One route as the tests and the OpenAPI check see it.
#[derive(Debug, Clone, Serialize)]
pub struct RouteInfo {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path with `{param}` placeholders.
    pub path: &'static str,
    /// Who may use it.
    pub access: Access,
}

impl RouteInfo {
    /// Whether this is a JSON API route.
    pub fn is_api(&self) -> bool {
        self.path.starts_with("/api/")
    }
}

struct Route {
    info: RouteInfo,
    handler: MethodRouter<AppState>,
}

fn r(method: &'static str, path: &'static str, access: Access, h: MethodRouter<AppState>) -> Route {
    Route {
        info: RouteInfo {
            method,
            path,
            access,
        },
        handler: h,
    }
}

fn routes() -> Vec<Route> {
    use Access::{Admin, Member, Public, Viewer};
    let mut v = vec![
        r("GET", "/static/htmx.min.js", Public, get(pages::htmx_js)),
        r("GET", "/static/candor.css", Public, get(pages::css)),
        r("GET", "/healthz", Public, get(pages::healthz)),
        r("GET", "/login", Public, get(pages::auth::login_page)),
        r("POST", "/login", Public, post(pages::auth::login)),
        r("POST", "/logout", Viewer, post(pages::auth::logout)),
        r(
            "GET",
            "/setup/{token}",
            Public,
            get(pages::auth::setup_page),
        ),
        r("POST", "/setup/{token}", Public, post(pages::auth::setup)),
        r(
            "GET",
            "/share/{token}",
            Public,
            get(pages::share::share_page),
        ),
        r(
            "GET",
            "/calendar/{file}",
            Public,
            get(pages::calendar_feed::feed),
        ),
        r("GET", "/", Viewer, get(pages::work::dashboard)),
        r("GET", "/clients", Viewer, get(pages::work::clients)),
        r("POST", "/clients", Member, post(pages::work::add_client)),
        r("GET", "/clients/{id}", Viewer, get(pages::work::client)),
        r(
            "POST",
            "/clients/{id}/contacts",
            Member,
            post(pages::work::add_contact),
        ),
        r(
            "POST",
            "/clients/{id}/records",
            Member,
            post(pages::work::add_record),
        ),
        r("GET", "/projects", Viewer, get(pages::work::projects)),
        r("POST", "/projects", Member, post(pages::work::add_project)),
        r(
            "GET",
            "/projects/{id}",
            Viewer,
            get(pages::project::project),
        ),
        r(
            "POST",
            "/projects/{id}/progress",
            Member,
            post(pages::project::log_progress),
        ),
        r(
            "POST",
            "/projects/{id}/milestones",
            Member,
            post(pages::project::add_milestone),
        ),
        r(
            "POST",
            "/projects/{id}/share",
            Member,
            post(pages::share::create),
        ),
        r(
            "POST",
            "/share-links/{id}/revoke",
            Member,
            post(pages::share::revoke),
        ),
        r("GET", "/commitments", Viewer, get(pages::work::commitments)),
        r(
            "POST",
            "/commitments",
            Member,
            post(pages::work::add_commitment),
        ),
        r(
            "POST",
            "/commitments/{id}/status",
            Member,
            post(pages::work::commitment_status),
        ),
        r("GET", "/incidents", Viewer, get(pages::incidents::list)),
        r(
            "GET",
            "/incidents/{id}",
            Viewer,
            get(pages::incidents::show),
        ),
        r(
            "POST",
            "/incidents/{id}/set",
            Member,
            post(pages::incidents::set),
        ),
        r(
            "POST",
            "/incidents/{id}/advance",
            Member,
            post(pages::incidents::advance),
        ),
        r(
            "POST",
            "/incidents/{id}/log",
            Member,
            post(pages::incidents::log),
        ),
        r("POST", "/incidents", Member, post(pages::incidents::open)),
        r(
            "GET",
            "/incidents/{id}/compose",
            Viewer,
            get(pages::compose::compose),
        ),
        r(
            "POST",
            "/incidents/{id}/compose",
            Member,
            post(pages::compose::save),
        ),
        r(
            "POST",
            "/incidents/{id}/check",
            Viewer,
            post(pages::compose::check),
        ),
        r("GET", "/search", Viewer, get(pages::search::page)),
        r("GET", "/promises", Viewer, get(pages::promises::page)),
        r(
            "POST",
            "/promises/{id}/confirm",
            Member,
            post(pages::promises::confirm),
        ),
        r(
            "POST",
            "/promises/{id}/reject",
            Member,
            post(pages::promises::reject),
        ),
        r("GET", "/check", Viewer, get(pages::check::page)),
        r("POST", "/check", Viewer, post(pages::check::check)),
        r("GET", "/settings", Viewer, get(pages::settings::page)),
        r(
            "POST",
            "/settings/language",
            Viewer,
            post(pages::settings::language),
        ),
        r(
            "POST",
            "/settings/tokens",
            Viewer,
            post(pages::settings::add_token),
        ),
        r(
            "POST",
            "/settings/team",
            Admin,
            post(pages::settings::add_team),
        ),
        r(
            "POST",
            "/settings/users",
            Admin,
            post(pages::settings::add_user),
        ),
        r(
            "POST",
            "/settings/users/{id}/role",
            Admin,
            post(pages::settings::set_role),
        ),
        r(
            "GET",
            "/settings/templates/{lang}/{message_type}",
            Viewer,
            get(pages::settings::template),
        ),
        r("GET", "/outbox", Viewer, get(pages::outbox::list)),
        r("GET", "/outbox/{id}", Viewer, get(pages::outbox::show)),
        r(
            "POST",
            "/outbox/{id}/send",
            Member,
            post(pages::outbox::send),
        ),
        r(
            "POST",
            "/outbox/{id}/discard",
            Member,
            post(pages::outbox::discard),
        ),
    ];
    v.extend(api::routes().into_iter().map(|(m, p, a, h)| r(m, p, a, h)));
    v
}

/// Every route (method, path, access), in table order.
pub fn route_table() -> Vec<RouteInfo> {
    routes().into_iter().map(|r| r.info).collect()
}

/// Builds the router: routes with their guards, sessions, and security headers.
pub fn build(state: AppState, config: &Config) -> Router {
    let mut router = Router::new();
    for route in routes() {
        let guard_state = (state.clone(), route.info.access, route.info.is_api());
        let handler = route
            .handler
            .route_layer(from_fn_with_state(guard_state, guard));
        router = router.route(route.info.path, handler);
    }
    let sessions = SessionManagerLayer::new(crate::session::DbStore::new(state.app.clone()))
        .with_name("candor_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(Duration::hours(12)));
    router
        .fallback(pages::not_found)
        .with_state(state)
        .layer(sessions)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                 object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}
