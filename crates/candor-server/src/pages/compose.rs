//! The composer on the incident page: pick a message type and a language, get the draft from
//! the application layer's compose use case, and check it live as you edit it (htmx posts the
//! text and swaps in the findings; without JavaScript the same form posts and the page returns).

use super::check::{Segment, segments};
use super::incidents::render_incident;
use super::{done, opt};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::check::{CheckSetup, check_text};
use candor_app::{ComposeOutcome, ComposeRequest, EditedText};
use candor_core::Id;
use candor_text::Report;
use candor_text::print::json_view;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// What the composer section of the incident page shows.
#[derive(Debug, Default, Serialize)]
pub struct Composer {
    /// The message types to pick from.
    pub types: Vec<&'static str>,
    /// The picked type.
    pub message_type: String,
    /// The picked language (`""` = the contact's, else the client's).
    pub pick_lang: String,
    /// The draft's language (what the checker checks against).
    pub draft_lang: Option<String>,
    /// Subject line of the draft.
    pub subject: String,
    /// The text in the editor.
    pub text: Option<String>,
    /// Why no draft could be written.
    pub compose_error: Option<String>,
    /// The checker's report on the text.
    pub report: Option<serde_json::Value>,
    /// The text split at the findings, for the highlighted copy.
    pub segments: Vec<Segment>,
    /// Why the text could not be checked.
    pub error: Option<String>,
}

impl Composer {
    /// The composer before anything is picked.
    pub fn empty() -> Composer {
        Composer {
            types: candor_app::incident_message_types(),
            ..Composer::default()
        }
    }

    fn checked(&mut self, text: &str, result: candor_app::Result<Report>) {
        match result {
            Ok(r) => {
                self.segments = segments(text, &r);
                self.report = serde_json::to_value(json_view(&r, "-")).ok();
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.text = Some(text.to_owned());
    }
}

/// The pickers: a message type and a language.
#[derive(Debug, Deserialize)]
pub struct ComposeQuery {
    #[serde(rename = "type")]
    message_type: Option<String>,
    lang: Option<String>,
}

fn request(id: Id, message_type: &str, lang: Option<String>, save: bool) -> ComposeRequest {
    ComposeRequest {
        message_type: message_type.to_owned(),
        incident: Some(id),
        lang,
        save,
        ..ComposeRequest::default()
    }
}

/// Runs the compose use case. Its future is not `Send` (the composer's template engine holds
/// non-`Sync` state across an await), so it runs to completion on a blocking thread.
async fn run_compose(
    state: &AppState,
    req: ComposeRequest,
) -> Result<candor_app::Result<ComposeOutcome>, PageError> {
    let app = state.app.clone();
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || handle.block_on(app.compose(&req)))
        .await
        .map_err(|e| WebError::Render(format!("compose task failed: {e}")).into())
}

/// Writes the draft of the picked type and language and checks it.
pub async fn compose(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
    Query(q): Query<ComposeQuery>,
) -> Result<Html<String>, PageError> {
    let mut c = Composer::empty();
    c.pick_lang = opt(&q.lang).unwrap_or_default();
    let Some(t) = opt(&q.message_type) else {
        return render_incident(&state, &session, &headers, &who, id, c).await;
    };
    c.message_type = t;
    let req = request(id, &c.message_type, opt(&q.lang), false);
    match run_compose(&state, req).await? {
        Ok(out) => {
            let lang = out.draft.lang.code().to_owned();
            let checker = state.app.checker(&CheckSetup::default()).await?;
            let report = check_text(
                &checker,
                &out.draft.body,
                Some(&lang),
                Some(out.draft.message_type.id()),
            );
            c.subject = out.draft.subject;
            c.draft_lang = Some(lang);
            c.checked(&out.draft.body, report);
        }
        Err(e @ candor_app::AppError::Internal(_)) => return Err(e.into()),
        Err(e) => c.compose_error = Some(e.to_string()),
    }
    render_incident(&state, &session, &headers, &who, id, c).await
}

/// The editor's form: the text and what it is checked as.
#[derive(Debug, Deserialize)]
pub struct CheckForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    subject: String,
    #[serde(rename = "type", default)]
    message_type: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    draft_lang: String,
}

/// Checks the edited text: the findings block for htmx, the whole incident page otherwise.
pub async fn check(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<CheckForm>,
) -> Result<Html<String>, PageError> {
    let checker = state.app.checker(&CheckSetup::default()).await?;
    let draft_lang = opt(&Some(f.draft_lang.clone()));
    let ty = opt(&Some(f.message_type.clone()));
    let mut c = Composer::empty();
    if let Some(t) = &ty {
        c.message_type = t.clone();
    }
    c.pick_lang = f.lang.clone();
    c.subject = f.subject.clone();
    c.draft_lang = draft_lang.clone();
    if f.text.trim().is_empty() {
        c.text = Some(String::new());
    } else {
        let report = check_text(&checker, &f.text, draft_lang.as_deref(), ty.as_deref());
        c.checked(&f.text, report);
    }
    if headers.contains_key("hx-request") {
        let layout = super::layout(&session, Some(&who), &headers, "incidents").await?;
        #[derive(Serialize)]
        struct Partial<'a> {
            #[serde(flatten)]
            layout: super::Layout,
            #[serde(flatten)]
            composer: &'a Composer,
        }
        return Ok(state.views.render(
            "findings.html",
            &Partial {
                layout,
                composer: &c,
            },
        )?);
    }
    render_incident(&state, &session, &headers, &who, id, c).await
}

/// The draft to keep: its type and language, and the text as edited in the composer.
#[derive(Debug, Deserialize)]
pub struct SaveForm {
    #[serde(rename = "type")]
    message_type: String,
    #[serde(default)]
    lang: String,
    /// The edited text; absent (an older form), candor's own draft is kept.
    text: Option<String>,
    #[serde(default)]
    subject: String,
}

/// Keeps the draft as edited in the composer in the client's record (status `draft`); an email
/// to the client also goes into the outbox.
pub async fn save(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<SaveForm>,
) -> Result<Redirect, PageError> {
    let mut req = request(id, &f.message_type, opt(&Some(f.lang)), true);
    req.edited = f.text.map(|body| EditedText {
        subject: opt(&Some(f.subject)),
        body,
    });
    run_compose(&state, req).await??;
    done(&session, "flash-draft-saved", &format!("/incidents/{id}")).await
}
