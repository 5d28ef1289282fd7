//! One HTTP error type. Policy: application errors keep their stable code (`AppError::code`);
//! the web adds `unauthorized`, `forbidden`, `csrf_failed`, `bad_request` and `not_found` for
//! unknown routes. API requests get the JSON envelope, pages get an HTML error page.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use candor_app::AppError;
use serde::Serialize;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A use case failed.
    #[error(transparent)]
    App(#[from] AppError),
    /// No valid session or token.
    #[error("sign in first")]
    Unauthorized,
    /// Signed in, but the role does not allow this.
    #[error("your role does not allow this")]
    Forbidden,
    /// A form came without the right CSRF token.
    #[error("the form expired or did not come from this site; reload the page and try again")]
    Csrf,
    /// The request body or query could not be read.
    #[error("{0}")]
    BadRequest(String),
    /// A template failed to render (a bug).
    #[error("page rendering failed: {0}")]
    Render(String),
}

/// Every stable error code the API answers with (the OpenAPI document lists exactly these).
pub const ERROR_CODES: &[&str] = &[
    "invalid_input",
    "not_found",
    "conflict",
    "check_failed",
    "internal",
    "unauthorized",
    "forbidden",
    "csrf_failed",
    "bad_request",
];

/// The schema of [`ErrorBody::code`]: one of [`ERROR_CODES`].
pub struct ErrorCode;

impl schemars::JsonSchema for ErrorCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ErrorCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Stable machine-readable code",
            "enum": ERROR_CODES,
        })
    }
}

/// The JSON error envelope: `{"error": {"code": "...", "message": "...", "field": ...}}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "Error")]
pub struct ErrorEnvelope {
    /// The error.
    pub error: ErrorBody,
}

/// The inside of the envelope.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code.
    #[schemars(with = "ErrorCode")]
    pub code: &'static str,
    /// Human-readable message.
    pub message: String,
    /// The input field at fault, for `invalid_input`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl WebError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::App(e) => match e {
                AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                AppError::NotFound { .. } => StatusCode::NOT_FOUND,
                AppError::Conflict(_) | AppError::Check(_) => StatusCode::CONFLICT,
                AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            WebError::App(e) => e.code(),
            WebError::Unauthorized => "unauthorized",
            WebError::Forbidden => "forbidden",
            WebError::Csrf => "csrf_failed",
            WebError::BadRequest(_) => "bad_request",
            WebError::Render(_) => "internal",
        }
    }

    /// The envelope for this error; internal details are logged, not sent.
    pub fn envelope(&self) -> ErrorEnvelope {
        let message = match self {
            WebError::App(AppError::Internal(_)) | WebError::Render(_) => {
                tracing::error!("{self:?}");
                "internal error; see the server log".to_owned()
            }
            other => other.to_string(),
        };
        let field = match self {
            WebError::App(AppError::Invalid(v)) => Some(v.field.clone()),
            _ => None,
        };
        ErrorEnvelope {
            error: ErrorBody {
                code: self.code(),
                message,
                field,
            },
        }
    }
}

/// An error answered as JSON (API routes).
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0.status(), Json(self.0.envelope())).into_response()
    }
}

/// An error answered as an HTML page (web routes); anonymous visitors go to the login page.
#[derive(Debug)]
pub struct PageError(pub WebError);

impl<E: Into<WebError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if matches!(self.0, WebError::Unauthorized) {
            return Redirect::to("/login").into_response();
        }
        let status = self.0.status();
        let env = self.0.envelope();
        let body = crate::templates::error_page(status.as_u16(), &env.error.message);
        (status, body).into_response()
    }
}
