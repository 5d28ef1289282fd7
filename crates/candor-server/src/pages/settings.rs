//! Settings: the team roster, users and roles (admins), your language and API tokens, and which
//! message templates the composer uses (built in or overridden), each readable.

use super::{done, render};
use crate::AppState;
use crate::auth::Principal;
use crate::csrf::CsrfForm;
use crate::error::{PageError, WebError};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, Redirect};
use candor_app::TeamInput;
use candor_app::accounts::{Role, User, UserInput};
use candor_app::message_templates::MessageTemplate;
use candor_core::Id;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

#[derive(Serialize)]
struct SettingsData {
    team: Vec<candor_core::TeamMember>,
    users: Vec<User>,
    tokens: Vec<candor_app::accounts::ApiTokenRow>,
    new_token: Option<String>,
    me: User,
    roles: Vec<&'static str>,
    languages: [&'static str; 4],
    templates: Vec<TemplateRow>,
    templates_dir: Option<String>,
    /// Why the templates folder cannot be used (the rest of the page still works).
    templates_error: Option<String>,
}

/// One message type's row in the templates table: each language built in or overridden.
#[derive(Serialize)]
struct TemplateRow {
    message_type: &'static str,
    overridden: Vec<(&'static str, bool)>,
}

/// Groups the composer's templates by message type, in the composer's order.
fn template_rows(all: Vec<MessageTemplate>) -> Vec<TemplateRow> {
    let mut rows: Vec<TemplateRow> = Vec::new();
    for m in all {
        match rows.last_mut() {
            Some(r) if r.message_type == m.message_type => {
                r.overridden.push((m.lang, m.overridden))
            }
            _ => rows.push(TemplateRow {
                message_type: m.message_type,
                overridden: vec![(m.lang, m.overridden)],
            }),
        }
    }
    rows
}

/// The settings page (the user list only for admins).
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
) -> Result<Html<String>, PageError> {
    let users = if who.user.role == Role::Admin {
        state.app.users().await?
    } else {
        vec![]
    };
    let (templates, templates_error) = match state.app.message_templates() {
        Ok(t) => (Some(t), None),
        Err(e @ candor_app::AppError::Invalid(_)) => (None, Some(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let data = SettingsData {
        team: state.app.team().await?,
        users,
        tokens: state.app.api_tokens(who.user.id).await?,
        new_token: session.remove("new_token").await.ok().flatten(),
        me: who.user.clone(),
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        languages: crate::UI_LANGUAGES,
        templates: templates.map(template_rows).unwrap_or_default(),
        templates_dir: state.app.templates_dir().map(|d| d.display().to_string()),
        templates_error,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "settings",
        "settings.html",
        &data,
    )
    .await
}

/// The language form.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    language: String,
}

/// Changes your UI language.
pub async fn language(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .set_user_language(who.user.id, &f.language)
        .await?;
    done(&session, "flash-saved", "/settings").await
}

/// The token form.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    name: String,
}

/// Makes an API token for yourself; the secret is shown once.
pub async fn add_token(
    State(state): State<AppState>,
    session: Session,
    who: Principal,
    CsrfForm(f): CsrfForm<TokenForm>,
) -> Result<Redirect, PageError> {
    let t = state.app.create_api_token(who.user.id, &f.name).await?;
    session
        .insert("new_token", t.secret)
        .await
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    done(&session, "flash-saved", "/settings").await
}

/// The team member form.
#[derive(Debug, Deserialize)]
pub struct TeamForm {
    name: String,
    email: String,
    #[serde(default)]
    role: String,
}

/// Adds a team member.
pub async fn add_team(
    State(state): State<AppState>,
    session: Session,
    CsrfForm(f): CsrfForm<TeamForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_team_member(&TeamInput {
            name: f.name,
            email: f.email,
            role: f.role,
        })
        .await?;
    done(&session, "flash-saved", "/settings").await
}

/// The new-user form.
#[derive(Debug, Deserialize)]
pub struct UserForm {
    email: String,
    name: String,
    password: String,
    role: String,
    language: Option<String>,
}

/// Adds a user.
pub async fn add_user(
    State(state): State<AppState>,
    session: Session,
    CsrfForm(f): CsrfForm<UserForm>,
) -> Result<Redirect, PageError> {
    state
        .app
        .add_user(&UserInput {
            email: f.email,
            name: f.name,
            password: f.password,
            role: Some(f.role),
            language: f.language,
        })
        .await?;
    done(&session, "flash-saved", "/settings").await
}

/// The role form.
#[derive(Debug, Deserialize)]
pub struct RoleForm {
    role: String,
}

/// Changes a user's role.
pub async fn set_role(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
    CsrfForm(f): CsrfForm<RoleForm>,
) -> Result<Redirect, PageError> {
    state.app.set_user_role(id, &f.role).await?;
    done(&session, "flash-saved", "/settings").await
}

#[derive(Serialize)]
struct TemplateData {
    tmpl: MessageTemplate,
}

/// One message template's source, read-only.
pub async fn template(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    who: Principal,
    Path((lang, message_type)): Path<(String, String)>,
) -> Result<Html<String>, PageError> {
    let data = TemplateData {
        tmpl: state.app.message_template(&lang, &message_type)?,
    };
    render(
        &state,
        &session,
        Some(&who),
        &headers,
        "settings",
        "settings_template.html",
        &data,
    )
    .await
}
