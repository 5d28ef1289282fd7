//! Reading domain values back out of `Any` rows, with a `Corrupt` error instead of a panic.

use crate::{Result, StoreError};
use jiff::civil::Date;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A text column.
pub fn text(row: &AnyRow, col: &str) -> Result<String> {
    Ok(row.try_get::<String, _>(col)?)
}

/// A nullable text column.
pub fn opt_text(row: &AnyRow, col: &str) -> Result<Option<String>> {
    Ok(row.try_get::<Option<String>, _>(col)?)
}

/// An integer column.
pub fn int(row: &AnyRow, col: &str) -> Result<i64> {
    Ok(row.try_get::<i64, _>(col)?)
}

/// A nullable integer column.
pub fn opt_int(row: &AnyRow, col: &str) -> Result<Option<i64>> {
    Ok(row.try_get::<Option<i64>, _>(col)?)
}

/// A non-negative count column.
pub fn count(row: &AnyRow, col: &'static str) -> Result<u32> {
    let v = int(row, col)?;
    u32::try_from(v).map_err(|_| StoreError::Corrupt {
        what: col,
        reason: format!("{v} is not a count"),
    })
}

/// An ISO date column.
pub fn date(row: &AnyRow, col: &'static str) -> Result<Date> {
    parse_date(col, &text(row, col)?)
}

/// A nullable ISO date column.
pub fn opt_date(row: &AnyRow, col: &'static str) -> Result<Option<Date>> {
    opt_text(row, col)?.map(|s| parse_date(col, &s)).transpose()
}

/// An RFC 3339 timestamp column.
pub fn timestamp(row: &AnyRow, col: &'static str) -> Result<jiff::Timestamp> {
    let s = text(row, col)?;
    s.parse().map_err(|e| StoreError::Corrupt {
        what: col,
        reason: format!("{s:?}: {e}"),
    })
}

fn parse_date(col: &'static str, s: &str) -> Result<Date> {
    s.parse().map_err(|e| StoreError::Corrupt {
        what: col,
        reason: format!("{s:?}: {e}"),
    })
}

/// Parses a stored enum ID with the domain's parser.
pub fn parsed<T>(
    row: &AnyRow,
    col: &'static str,
    parse: impl Fn(&str, &str) -> std::result::Result<T, candor_core::ValidationError>,
) -> Result<T> {
    let s = text(row, col)?;
    parse(col, &s).map_err(|e| StoreError::Corrupt {
        what: col,
        reason: e.to_string(),
    })
}

/// Formats a timestamp the one way the store writes it: whole seconds in UTC, so it sorts as text.
pub fn ts_text(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}
