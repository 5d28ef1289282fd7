//! The dashboard page's content, kept while the dashboard is the same: turning the dashboard
//! into HTML is most of a page view's work, and it only changes when the data does (the
//! application layer hands out the same `Arc` until then). Kept per UI language; the layout
//! around it (user, CSRF token) is rendered for each request.

use crate::error::WebError;
use crate::templates::Views;
use candor_app::dashboard::Dashboard;
use minijinja::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The last dashboard seen and its content by language (one slot: one workspace per server).
type Kept = Option<(Arc<Dashboard>, HashMap<&'static str, Value>)>;

static KEPT: Mutex<Kept> = Mutex::new(None);

/// The dashboard's content as safe HTML in `lang`, rendered once per dashboard build.
pub fn body(views: &Views, d: &Arc<Dashboard>, lang: &'static str) -> Result<Value, WebError> {
    let mut kept = KEPT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((seen, by_lang)) = kept.as_ref()
        && Arc::ptr_eq(seen, d)
        && let Some(html) = by_lang.get(lang)
    {
        return Ok(html.clone());
    }
    let data = Value::from(minijinja::value::Serde(&**d));
    let ctx = minijinja::context! { lang => lang, ..data };
    let html = Value::from_safe_string(views.render("dashboard_body.html", &ctx)?.0);
    // Keeping the Arc keeps its address from being reused by another dashboard.
    match kept.as_mut() {
        Some((seen, by_lang)) if Arc::ptr_eq(seen, d) => {
            by_lang.insert(lang, html.clone());
        }
        _ => *kept = Some((Arc::clone(d), HashMap::from([(lang, html.clone())]))),
    }
    Ok(html)
}
