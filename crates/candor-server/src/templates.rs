//! Server-side rendering: minijinja templates from `templates/` (embedded at build time,
//! autoescaped as HTML) with a `t(key, ...)` function for UI strings in the page's language.

use crate::error::WebError;
use crate::i18n::I18n;
use axum::response::Html;
use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Serde};
use minijinja::{Environment, Error, State, Value};
use serde::Serialize;
use std::sync::Arc;

/// Every template file, embedded (a test checks the folder holds exactly these).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("setup.html", include_str!("../templates/setup.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    (
        "dashboard_body.html",
        include_str!("../templates/dashboard_body.html"),
    ),
    ("clients.html", include_str!("../templates/clients.html")),
    ("client.html", include_str!("../templates/client.html")),
    ("projects.html", include_str!("../templates/projects.html")),
    ("project.html", include_str!("../templates/project.html")),
    (
        "commitments.html",
        include_str!("../templates/commitments.html"),
    ),
    ("settings.html", include_str!("../templates/settings.html")),
    ("share.html", include_str!("../templates/share.html")),
    ("check.html", include_str!("../templates/check.html")),
    ("findings.html", include_str!("../templates/findings.html")),
    (
        "incidents.html",
        include_str!("../templates/incidents.html"),
    ),
    ("incident.html", include_str!("../templates/incident.html")),
    ("composer.html", include_str!("../templates/composer.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("promises.html", include_str!("../templates/promises.html")),
    ("outbox.html", include_str!("../templates/outbox.html")),
    (
        "outbox_message.html",
        include_str!("../templates/outbox_message.html"),
    ),
    (
        "settings_template.html",
        include_str!("../templates/settings_template.html"),
    ),
];

/// Templates plus UI strings.
pub struct Views {
    env: Environment<'static>,
    i18n: Arc<I18n>,
}

fn translate(i18n: &I18n, state: &State, key: &str, kwargs: Kwargs) -> Result<String, Error> {
    let lang = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "en".into());
    let mut args: Vec<(&str, FluentValue<'_>)> = Vec::new();
    let keys: Vec<&str> = kwargs.args().collect();
    for k in &keys {
        let v: Value = kwargs.get(k)?;
        let fv = match v.as_i64() {
            Some(n) => FluentValue::from(n),
            None => FluentValue::from(v.to_string()),
        };
        args.push((k, fv));
    }
    Ok(i18n.text(&lang, key, &args))
}

impl Views {
    /// Loads the embedded templates and strings.
    pub fn new() -> Views {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        for (name, src) in TEMPLATES {
            if let Err(e) = env.add_template(name, src) {
                tracing::error!("template {name}: {e}");
            }
        }
        let i18n = Arc::new(I18n::new());
        let strings = Arc::clone(&i18n);
        env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| {
            translate(&strings, state, key, kwargs)
        });
        env.add_filter("pct", |done: i64, total: i64| -> String {
            if total <= 0 {
                "0".into()
            } else {
                (done.clamp(0, total) * 100 / total).to_string()
            }
        });
        Views { env, i18n }
    }

    /// One UI string.
    pub fn text(&self, lang: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.text(lang, key, args)
    }

    /// Renders a template with a serialisable context.
    pub fn render<T: Serialize>(&self, name: &str, ctx: &T) -> Result<Html<String>, WebError> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| WebError::Render(e.to_string()))?;
        tmpl.render(Value::from(Serde(ctx)))
            .map(Html)
            .map_err(|e| WebError::Render(format!("{name}: {e:#}")))
    }
}

/// A bare error page that needs no state (also used when rendering itself failed).
pub fn error_page(status: u16, message: &str) -> Html<String> {
    let env = Environment::new();
    let out = env.render_str(
        include_str!("../templates/error.html"),
        minijinja::context! { status, message, lang => "en" },
    );
    Html(out.unwrap_or_else(|e| {
        format!("<!doctype html><title>Error</title><p>{status}</p><!-- {e} -->")
    }))
}
