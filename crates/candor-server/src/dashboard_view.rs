//! The dashboard page's template value, kept while the dashboard is the same: turning the
//! dashboard into template values is most of a page view's work, and it only changes when the
//! data does (the application layer hands out the same `Arc` until then).

use candor_app::dashboard::Dashboard;
use minijinja::Value;
use std::sync::{Arc, Mutex};

/// The last dashboard seen and its template value (one slot: one workspace per server).
static KEPT: Mutex<Option<(Arc<Dashboard>, Value)>> = Mutex::new(None);

/// The template value of `d`, converted once per dashboard build.
pub fn template_value(d: &Arc<Dashboard>) -> Value {
    let mut kept = KEPT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((seen, value)) = kept.as_ref()
        && Arc::ptr_eq(seen, d)
    {
        return value.clone();
    }
    let value = Value::from(minijinja::value::Serde(&**d));
    // Keeping the Arc keeps its address from being reused by another dashboard.
    *kept = Some((Arc::clone(d), value.clone()));
    value
}
