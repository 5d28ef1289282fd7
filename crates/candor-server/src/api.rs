//! The JSON API under `/api/v1`: the application layer's own input and output types as request
//! and response bodies (the same structs the CLI prints with `--json`), one error envelope.

use crate::AppState;
use crate::auth::{Access, Principal};
use crate::describe::{Describe, Described, Typed};
use crate::error::{ApiError, WebError};
use axum::Json;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::handler::Handler;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{MethodRouter, get, post};
use candor_app::accounts::{User, UserInput};
use candor_app::check::{CheckSetup, check_text};
use candor_app::{
    ClientInput, CommitmentInput, ForecastQuery, MilestoneInput, ProgressInput, ProjectInput,
    RecordInput, TeamInput,
};
use candor_core::Id;
use schemars::{JsonSchema, SchemaGenerator};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tower_sessions::Session;

/// One API route with what the OpenAPI document says about it.
pub struct ApiRoute {
    /// Method.
    pub method: &'static str,
    /// Path.
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
    /// One line.
    pub summary: &'static str,
    /// Query parameters this route reads (a subset of its `Query<T>` type's fields).
    pub query: &'static [&'static str],
    /// Request, query and response schemas, read from the handler's signature.
    pub describe: fn(&mut SchemaGenerator, &mut SchemaGenerator) -> Described,
    handler: MethodRouter<AppState>,
}

type R<T> = Result<Json<T>, ApiError>;

/// A JSON body whose parse errors use the error envelope.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        Json::<T>::from_request(req, state)
            .await
            .map(|Json(v)| ApiJson(v))
            .map_err(|e| ApiError(WebError::BadRequest(e.body_text())))
    }
}

/// Writes through the session cookie need the CSRF header; bearer tokens do not.
async fn writable(who: &Principal, session: &Session, headers: &HeaderMap) -> Result<(), ApiError> {
    if who.bearer {
        return Ok(());
    }
    let sent = headers
        .get(crate::csrf::HEADER)
        .and_then(|v| v.to_str().ok());
    let expected: Option<String> = session.get("csrf").await.ok().flatten();
    match (sent, expected) {
        (Some(s), Some(e)) if s == e => Ok(()),
        _ => Err(ApiError(WebError::Csrf)),
    }
}

/// Filters for list endpoints (each route reads the ones its table row lists).
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub struct ListQuery {
    /// Client name or id.
    client: Option<String>,
    /// Project name or id.
    project: Option<String>,
    /// At most this many, newest first.
    limit: Option<i64>,
    /// Only open ones.
    open: Option<bool>,
}

async fn me(who: Principal) -> R<User> {
    Ok(Json(who.user))
}

async fn dashboard(State(s): State<AppState>) -> R<candor_app::dashboard::Dashboard> {
    Ok(Json(s.app.dashboard().await?))
}

async fn clients(State(s): State<AppState>) -> R<Vec<candor_core::Client>> {
    Ok(Json(s.app.clients().await?))
}

async fn client(State(s): State<AppState>, Path(key): Path<String>) -> R<candor_app::ClientView> {
    Ok(Json(s.app.client_view(&key).await?))
}

async fn add_client(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ClientInput>,
) -> Result<(StatusCode, Json<candor_core::Client>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((StatusCode::CREATED, Json(s.app.add_client(&input).await?)))
}

async fn projects(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> R<Vec<candor_app::ProjectSummary>> {
    Ok(Json(s.app.projects(q.client.as_deref()).await?))
}

async fn project(
    State(s): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<ListQuery>,
) -> R<candor_app::ProjectView> {
    Ok(Json(s.app.project_view(&key, q.client.as_deref()).await?))
}

async fn add_project(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ProjectInput>,
) -> Result<(StatusCode, Json<candor_core::Project>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((StatusCode::CREATED, Json(s.app.add_project(&input).await?)))
}

async fn add_milestone(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<MilestoneInput>,
) -> Result<(StatusCode, Json<candor_core::Milestone>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((
        StatusCode::CREATED,
        Json(s.app.add_milestone(&input).await?),
    ))
}

async fn log_progress(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ProgressInput>,
) -> Result<(StatusCode, Json<candor_core::ProgressEntry>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((StatusCode::CREATED, Json(s.app.log_progress(&input).await?)))
}

/// Query parameters of `GET /api/v1/forecast` (the CLI's `forecast` flags).
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub struct ForecastParams {
    /// One project (name or id); every active project when absent.
    project: Option<String>,
    /// Client, to tell apart projects with the same name.
    client: Option<String>,
    /// Simulated futures (default 10,000).
    trials: Option<u32>,
    /// Random seed.
    seed: Option<u64>,
    /// Forecast as of this day (`YYYY-MM-DD`, default today).
    as_of: Option<String>,
    /// Business days of history sampled (default 30).
    window: Option<u32>,
}

async fn forecast(
    State(s): State<AppState>,
    Query(q): Query<ForecastParams>,
) -> R<Vec<candor_app::ForecastRow>> {
    let query = ForecastQuery {
        project: q.project,
        client: q.client,
        trials: q.trials,
        seed: q.seed,
        as_of: q.as_of,
        window: q.window,
        ..ForecastQuery::default()
    };
    Ok(Json(s.app.forecast(&query).await?))
}

async fn commitments(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> R<Vec<candor_core::Commitment>> {
    Ok(Json(s.app.commitments(q.client.as_deref()).await?))
}

async fn add_commitment(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<CommitmentInput>,
) -> Result<(StatusCode, Json<candor_core::Commitment>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((
        StatusCode::CREATED,
        Json(s.app.add_commitment(&input).await?),
    ))
}

async fn records(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> R<Vec<candor_core::RecordEntry>> {
    let list = s
        .app
        .records(q.client.as_deref(), q.project.as_deref(), q.limit)
        .await?;
    Ok(Json(list))
}

async fn add_record(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<RecordInput>,
) -> Result<(StatusCode, Json<candor_core::RecordEntry>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((StatusCode::CREATED, Json(s.app.add_record(&input).await?)))
}

async fn team(State(s): State<AppState>) -> R<Vec<candor_core::TeamMember>> {
    Ok(Json(s.app.team().await?))
}

async fn add_team(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<TeamInput>,
) -> Result<(StatusCode, Json<candor_core::TeamMember>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((
        StatusCode::CREATED,
        Json(s.app.add_team_member(&input).await?),
    ))
}

async fn users(State(s): State<AppState>) -> R<Vec<User>> {
    Ok(Json(s.app.users().await?))
}

async fn add_user(
    State(s): State<AppState>,
    who: Principal,
    session: Session,
    headers: HeaderMap,
    ApiJson(input): ApiJson<UserInput>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    writable(&who, &session, &headers).await?;
    Ok((StatusCode::CREATED, Json(s.app.add_user(&input).await?)))
}

async fn incidents(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> R<Vec<candor_app::IncidentDetail>> {
    let list = s
        .app
        .incidents(q.client.as_deref(), q.open.unwrap_or(false))
        .await?;
    Ok(Json(list))
}

async fn incident(
    State(s): State<AppState>,
    who: Principal,
    Path(id): Path<Id>,
) -> R<candor_app::IncidentDetail> {
    Ok(Json(s.app.incident(id, who.user.language).await?))
}

/// The body of `POST /api/v1/check`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CheckRequest {
    /// The message to check.
    text: String,
    /// Language code (detected when absent).
    lang: Option<String>,
    /// Message type, e.g. `delay`.
    #[serde(rename = "type")]
    message_type: Option<String>,
}

async fn check(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<CheckRequest>,
) -> Result<Typed<candor_text::print::JsonReport<'static>>, ApiError> {
    let checker = s.app.checker(&CheckSetup::default()).await?;
    let report = check_text(
        &checker,
        &req.text,
        req.lang.as_deref(),
        req.message_type.as_deref(),
    )?;
    // The checker's own JSON contract (shared with `candor check --json`).
    Typed::new(&candor_text::print::json_view(&report, "-"))
}

async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::openapi_document())
}

fn a<H, T, M>(
    method: &'static str,
    path: &'static str,
    access: Access,
    summary: &'static str,
    query: &'static [&'static str],
    handler: H,
) -> ApiRoute
where
    H: Handler<T, AppState> + Describe<M>,
    T: 'static,
{
    ApiRoute {
        method,
        path,
        access,
        summary,
        query,
        describe: <H as Describe<M>>::describe,
        handler: if method == "GET" {
            get(handler)
        } else {
            post(handler)
        },
    }
}

/// Every API route.
#[expect(clippy::too_many_lines, reason = "one flat table reads best")]
pub fn api_routes() -> Vec<ApiRoute> {
    use Access::{Admin, Member, Public, Viewer};
    vec![
        a(
            "GET",
            "/api/openapi.json",
            Public,
            "This document",
            &[],
            openapi,
        ),
        a("GET", "/api/v1/me", Viewer, "The signed-in user", &[], me),
        a(
            "GET",
            "/api/v1/dashboard",
            Viewer,
            "What needs attention today",
            &[],
            dashboard,
        ),
        a(
            "GET",
            "/api/v1/clients",
            Viewer,
            "Every client",
            &[],
            clients,
        ),
        a(
            "POST",
            "/api/v1/clients",
            Member,
            "Add a client",
            &[],
            add_client,
        ),
        a(
            "GET",
            "/api/v1/clients/{key}",
            Viewer,
            "One client by id or name",
            &[],
            client,
        ),
        a(
            "GET",
            "/api/v1/projects",
            Viewer,
            "Projects with scope totals",
            &["client"],
            projects,
        ),
        a(
            "POST",
            "/api/v1/projects",
            Member,
            "Add a project",
            &[],
            add_project,
        ),
        a(
            "GET",
            "/api/v1/projects/{key}",
            Viewer,
            "One project by id or name",
            &["client"],
            project,
        ),
        a(
            "POST",
            "/api/v1/milestones",
            Member,
            "Add a milestone",
            &[],
            add_milestone,
        ),
        a(
            "POST",
            "/api/v1/progress",
            Member,
            "Log progress",
            &[],
            log_progress,
        ),
        a(
            "GET",
            "/api/v1/forecast",
            Viewer,
            "Monte Carlo forecasts",
            &["project", "client", "trials", "seed", "as_of", "window"],
            forecast,
        ),
        a(
            "GET",
            "/api/v1/commitments",
            Viewer,
            "Commitments",
            &["client"],
            commitments,
        ),
        a(
            "POST",
            "/api/v1/commitments",
            Member,
            "Record a commitment",
            &[],
            add_commitment,
        ),
        a(
            "GET",
            "/api/v1/records",
            Viewer,
            "The client record",
            &["client", "project", "limit"],
            records,
        ),
        a(
            "POST",
            "/api/v1/records",
            Member,
            "Add a record entry",
            &[],
            add_record,
        ),
        a("GET", "/api/v1/team", Viewer, "The team roster", &[], team),
        a(
            "POST",
            "/api/v1/team",
            Admin,
            "Add a team member",
            &[],
            add_team,
        ),
        a("GET", "/api/v1/users", Admin, "Every user", &[], users),
        a("POST", "/api/v1/users", Admin, "Add a user", &[], add_user),
        a(
            "GET",
            "/api/v1/incidents",
            Viewer,
            "Incidents",
            &["client", "open"],
            incidents,
        ),
        a(
            "GET",
            "/api/v1/incidents/{id}",
            Viewer,
            "One incident",
            &[],
            incident,
        ),
        a(
            "POST",
            "/api/v1/check",
            Viewer,
            "Check a client message",
            &[],
            check,
        ),
    ]
}

/// The API routes for the router.
pub fn routes() -> Vec<(&'static str, &'static str, Access, MethodRouter<AppState>)> {
    api_routes()
        .into_iter()
        .map(|r| (r.method, r.path, r.access, r.handler))
        .collect()
}
