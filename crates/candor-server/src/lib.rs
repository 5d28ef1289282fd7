//! candor's web app and JSON API: a library with [`router`] and [`serve`] so the binary and the
//! tests start the same server. Handlers only translate HTTP to application-layer calls.

mod api;
mod auth;
mod chart;
mod csrf;
mod dashboard_view;
mod describe;
mod error;
mod i18n;
mod openapi;
mod pages;
mod routes;
mod session;
mod templates;

pub use auth::Access;
pub use i18n::{UI_LANGUAGES, ui_keys};
pub use openapi::openapi_document;
pub use routes::{RouteInfo, route_table};

use axum::Router;
use candor_app::App;
use std::sync::Arc;
use tokio::net::TcpListener;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (on unless the server listens on a loopback address over HTTP).
    pub secure_cookies: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: true,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The workspace.
    pub app: App,
    /// Rendering: templates and UI strings.
    pub(crate) views: Arc<templates::Views>,
}

/// The whole web app and API over one workspace.
pub fn router(app: App, config: &Config) -> Router {
    let state = AppState {
        app,
        views: Arc::new(templates::Views::new()),
    };
    routes::build(state, config)
}

/// Serves the app on `listener` until the process ends.
pub async fn serve(listener: TcpListener, app: App, config: &Config) -> std::io::Result<()> {
    axum::serve(listener, router(app, config)).await
}
