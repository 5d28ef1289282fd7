//! JSON Schema stand-ins for the `jiff` types, which `schemars` 1 does not describe (its `jiff02`
//! feature targets jiff 0.2): fields use `#[schemars(with = "crate::schema::Date")]`.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// A civil date as serialized by `jiff`: `YYYY-MM-DD`.
pub struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date"})
    }
}

/// An instant as serialized by `jiff`: RFC 3339 in UTC, e.g. `2026-11-25T12:00:00Z`.
pub struct Timestamp;

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date-time"})
    }
}
