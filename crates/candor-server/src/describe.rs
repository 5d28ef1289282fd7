//! What the OpenAPI document says about a handler, read from the handler's own signature: the
//! request body is the `T` of its `ApiJson<T>` argument, the query the `T` of its `Query<T>`,
//! and the response the `T` of the `Json<T>` it returns. A route cannot document a type other
//! than the one it really reads or writes, because the compiler picks the types.

use crate::AppState;
use crate::api::ApiJson;
use crate::auth::Principal;
use crate::error::ApiError;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use tower_sessions::Session;

/// A handler argument: whether it is the request body or the query string, and of what type.
pub trait Arg {
    /// The request body's schema, for `ApiJson<T>`.
    fn body(_: &mut SchemaGenerator) -> Option<Schema> {
        None
    }
    /// The query string's schema (an object of parameters), for `Query<T>`.
    fn query(_: &mut SchemaGenerator) -> Option<Schema> {
        None
    }
    /// The path parameter's schema, for `Path<T>`.
    fn path(_: &mut SchemaGenerator) -> Option<Schema> {
        None
    }
}

impl<T: JsonSchema> Arg for ApiJson<T> {
    fn body(g: &mut SchemaGenerator) -> Option<Schema> {
        Some(g.subschema_for::<T>())
    }
}

impl<T: JsonSchema> Arg for Query<T> {
    fn query(_: &mut SchemaGenerator) -> Option<Schema> {
        // Inlined: query parameters are listed one by one, not referenced.
        let settings = schemars::generate::SchemaSettings::draft2020_12().with(|s| {
            s.inline_subschemas = true;
        });
        Some(settings.into_generator().into_root_schema_for::<T>())
    }
}

impl Arg for State<AppState> {}
impl<T: JsonSchema> Arg for Path<T> {
    fn path(g: &mut SchemaGenerator) -> Option<Schema> {
        Some(g.subschema_for::<T>())
    }
}
impl Arg for Principal {}
impl Arg for Session {}
impl Arg for HeaderMap {}

/// What a handler answers on success: the body type and the status.
pub trait Reply {
    /// The success status (201 for creations).
    const STATUS: u16;
    /// The body's schema.
    fn schema(g: &mut SchemaGenerator) -> Schema;
}

impl<T: JsonSchema> Reply for Result<Json<T>, ApiError> {
    const STATUS: u16 = 200;
    fn schema(g: &mut SchemaGenerator) -> Schema {
        g.subschema_for::<T>()
    }
}

impl<T: JsonSchema> Reply for Result<(StatusCode, Json<T>), ApiError> {
    const STATUS: u16 = 201;
    fn schema(g: &mut SchemaGenerator) -> Schema {
        g.subschema_for::<T>()
    }
}

impl<T: JsonSchema> Reply for Json<T> {
    const STATUS: u16 = 200;
    fn schema(g: &mut SchemaGenerator) -> Schema {
        g.subschema_for::<T>()
    }
}

impl<T: JsonSchema> Reply for Result<Typed<T>, ApiError> {
    const STATUS: u16 = 200;
    fn schema(g: &mut SchemaGenerator) -> Schema {
        g.subschema_for::<T>()
    }
}

/// A JSON body already turned into a value, documented as `T` (for views that borrow, like the
/// checker's report, which cannot be returned as owned values).
pub struct Typed<T> {
    value: serde_json::Value,
    _type: std::marker::PhantomData<fn() -> T>,
}

impl<T> Typed<T> {
    /// Serialises `v` (a `T`, possibly with shorter lifetimes) now.
    pub fn new(v: &impl serde::Serialize) -> Result<Self, ApiError> {
        let value = serde_json::to_value(v)
            .map_err(|e| ApiError(crate::error::WebError::Render(e.to_string())))?;
        Ok(Typed {
            value,
            _type: std::marker::PhantomData,
        })
    }
}

impl<T> axum::response::IntoResponse for Typed<T> {
    fn into_response(self) -> axum::response::Response {
        Json(self.value).into_response()
    }
}

/// Everything the document needs about one handler.
pub struct Described {
    /// Success status.
    pub status: u16,
    /// Request body schema, if the handler reads one.
    pub request: Option<Schema>,
    /// Query parameters (an inlined object schema), if the handler reads a query.
    pub query: Option<Schema>,
    /// The path parameter's schema (every route has at most one).
    pub path: Option<Schema>,
    /// Response body schema.
    pub response: Schema,
}

/// Implemented for every `async fn` handler whose arguments are [`Arg`]s and whose output is
/// a [`Reply`]; `M` only tells the arities apart.
pub trait Describe<M> {
    /// Describes the handler, adding referenced types to `g`'s definitions.
    fn describe(g: &mut SchemaGenerator, body: &mut SchemaGenerator) -> Described;
}

macro_rules! describe {
    ($($a:ident),*) => {
        impl<F, Fut, $($a,)*> Describe<($($a,)*)> for F
        where
            F: Fn($($a),*) -> Fut,
            Fut: Future,
            Fut::Output: Reply,
            $($a: Arg,)*
        {
            fn describe(g: &mut SchemaGenerator, body: &mut SchemaGenerator) -> Described {
                let _ = &body;
                let request = None::<Schema>$(.or_else(|| <$a as Arg>::body(body)))*;
                let query = None::<Schema>$(.or_else(|| <$a as Arg>::query(g)))*;
                let path = None::<Schema>$(.or_else(|| <$a as Arg>::path(g)))*;
                Described {
                    status: <Fut::Output as Reply>::STATUS,
                    request,
                    query,
                    path,
                    response: <Fut::Output as Reply>::schema(g),
                }
            }
        }
    };
}

describe!();
describe!(A1);
describe!(A1, A2);
describe!(A1, A2, A3);
describe!(A1, A2, A3, A4);
describe!(A1, A2, A3, A4, A5);
describe!(A1, A2, A3, A4, A5, A6);
