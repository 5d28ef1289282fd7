//! The live message checker: type or paste a message, see findings highlighted in the text.
//! With htmx the findings refresh as you type; without JavaScript the form posts normally.

use super::render;
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::PageError;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Html;
use candor_app::check::{CheckSetup, check_text};
use candor_text::print::{JsonReport, json_view};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// A stretch of the checked text, marked when a finding covers it.
#[derive(Debug, Serialize)]
pub struct Segment {
    text: String,
    severity: Option<&'static str>,
    message: Option<String>,
}

/// Splits `text` at the findings' byte ranges (overlaps are merged into the first finding).
pub fn segments(text: &str, report: &candor_text::Report) -> Vec<Segment> {
    let mut spans: Vec<&candor_text::Finding> = report
        .findings
        .iter()
        .filter(|f| f.span.start < f.span.end && f.span.end <= text.len())
        .filter(|f| text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end))
        .collect();
    spans.sort_by_key(|f| f.span.start);
    let mut out = Vec::new();
    let mut at = 0;
    for f in spans {
        if f.span.start < at {
            continue;
        }
        if f.span.start > at {
            out.push(Segment {
                text: text[at..f.span.start].to_owned(),
                severity: None,
                message: None,
            });
        }
        out.push(Segment {
            text: text[f.span.clone()].to_owned(),
            severity: Some(f.severity.as_str()),
            message: Some(format!("{} — {}", f.message, f.suggestion)),
        });
        at = f.span.end;
    }
    if at < text.len() {
        out.push(Segment {
            text: text[at..].to_owned(),
            severity: None,
            message: None,
        });
    }
    out
}

/// The checker form.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct CheckForm {
    #[serde(default)]
    text: String,
    lang: Option<String>,
    #[serde(rename = "type")]
    message_type: Option<String>,
}

#[derive(Serialize)]
struct CheckData<'a> {
    form: &'a CheckForm,
    types: Vec<String>,
    report: Option<JsonReport<'a>>,
    segments: Vec<Segment>,
    error: Option<String>,
}

/// The empty checker.
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let checker = state.app.checker(&CheckSetup::default()).await?;
    let form = CheckForm::default();
    let data = CheckData {
        form: &form,
        types: checker.message_types().ids().map(str::to_owned).collect(),
        report: None,
        segments: vec![],
        error: None,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "check",
        "check.html",
        &data,
    )
    .await
}

/// Checks the text: the findings block for htmx, the whole page otherwise.
pub async fn check(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    CsrfForm(form): CsrfForm<CheckForm>,
) -> Result<Html<String>, PageError> {
    let checker = state.app.checker(&CheckSetup::default()).await?;
    let lang = super::opt(&form.lang).filter(|l| l != "auto");
    let ty = super::opt(&form.message_type);
    let result = if form.text.trim().is_empty() {
        None
    } else {
        Some(check_text(
            &checker,
            &form.text,
            lang.as_deref(),
            ty.as_deref(),
        ))
    };
    let (report, error) = match result {
        None => (None, None),
        Some(Ok(r)) => (Some(r), None),
        Some(Err(e)) => (None, Some(e.to_string())),
    };
    let data = CheckData {
        form: &form,
        types: checker.message_types().ids().map(str::to_owned).collect(),
        segments: report
            .as_ref()
            .map(|r| segments(&form.text, r))
            .unwrap_or_default(),
        report: report.as_ref().map(|r| json_view(r, "-")),
        error,
    };
    if headers.contains_key("hx-request") {
        let layout = super::layout(&session, Some(&who), &headers, "check").await?;
        #[derive(Serialize)]
        struct Partial<'a, 'b> {
            #[serde(flatten)]
            layout: super::Layout,
            #[serde(flatten)]
            data: &'b CheckData<'a>,
        }
        return Ok(state.views.render(
            "findings.html",
            &Partial {
                layout,
                data: &data,
            },
        )?);
    }
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "check",
        "check.html",
        &data,
    )
    .await
}
