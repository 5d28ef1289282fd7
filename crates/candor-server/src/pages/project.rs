//! A project's page: milestones, progress, the forecast with its SVG chart, share links.

use super::{done, opt, render};
use crate::AppState;
use crate::auth::Principal;
use crate::chart::{ChartInput, burn_up};
use crate::csrf::CsrfForm;
use crate::error::PageError;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::{AppError, ForecastQuery, ForecastRow, MilestoneInput, ProgressInput};
use candor_core::Id;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// Fixed seed so the page shows the same forecast on every reload.
const PAGE_SEED: u64 = 20_261_125;

#[derive(Serialize)]
struct ProjectData {
    #[serde(flatten)]
    view: candor_app::ProjectView,
    forecast: Vec<ForecastRow>,
    forecast_error: Option<String>,
    chart: String,
    share_links: Vec<candor_app::share::ShareLinkRow>,
    new_share: Option<String>,
}

/// One project.
pub async fn project(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path(id): Path<Id>,
) -> Result<Html<String>, PageError> {
    let key = id.to_string();
    let view = state.app.project_view(&key, None).await?;
    let query = ForecastQuery {
        project: Some(key.clone()),
        seed: Some(PAGE_SEED),
        ..ForecastQuery::default()
    };
    let (forecast, forecast_error) = match state.app.forecast(&query).await {
        Ok(rows) => (rows, None),
        Err(AppError::Invalid(v)) => (Vec::new(), Some(v.to_string())),
        Err(e) => return Err(e.into()),
    };
    let whole = forecast.iter().find(|r| r.milestone.is_none());
    let lang = crate::i18n::I18n::language(who.user.language.code());
    let title = state.views.text(lang, "chart-title", &[]);
    let chart = burn_up(&ChartInput {
        start: view.project.start,
        deadline: view.project.deadline,
        today: state.app.today(),
        milestones: &view.milestones,
        progress: &view.progress,
        p50: whole.and_then(|r| r.p50),
        p85: whole.and_then(|r| r.p85),
        title: &title,
    });
    let new_share: Option<String> = session.remove("new_share").await.ok().flatten();
    let data = ProjectData {
        share_links: state.app.share_links(&key).await?,
        view,
        forecast,
        forecast_error,
        chart,
        new_share,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "projects",
        "project.html",
        &data,
    )
    .await
}

/// The progress form.
#[derive(Debug, Deserialize)]
pub struct ProgressForm {
    done: String,
    #[serde(default)]
    added: String,
    date: Option<String>,
    milestone: Option<String>,
}

/// Logs a day's progress.
pub async fn log_progress(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<ProgressForm>,
) -> Result<Redirect, PageError> {
    let added = if f.added.trim().is_empty() {
        "0".into()
    } else {
        f.added
    };
    state
        .app
        .log_progress(&ProgressInput {
            project: id.to_string(),
            client: None,
            milestone: opt(&f.milestone),
            date: opt(&f.date),
            done: f.done,
            added,
        })
        .await?;
    done(&session, "flash-saved", &format!("/projects/{id}")).await
}

/// The milestone form.
#[derive(Debug, Deserialize)]
pub struct MilestoneForm {
    title: String,
    due: String,
    scope: String,
}

/// Adds a milestone.
pub async fn add_milestone(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<MilestoneForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_milestone(&MilestoneInput {
            project: id.to_string(),
            client: None,
            title: f.title,
            due: f.due,
            scope: f.scope,
        })
        .await?;
    done(&session, "flash-saved", &format!("/projects/{id}")).await
}
