//! The JSON shape of an export: tables in restore order, each row an object whose fields keep the
//! schema's column order (written by hand so the order never depends on serde_json features).

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// One row: `(column, value)` pairs in column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row(pub Vec<(String, Value)>);

impl Row {
    /// The value of `column`, if the row has it.
    pub fn get(&self, column: &str) -> Option<&Value> {
        self.0.iter().find(|(c, _)| c == column).map(|(_, v)| v)
    }
}

/// The rows of one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRows {
    /// Table name.
    pub name: String,
    /// Rows in primary-key order.
    pub rows: Vec<Row>,
}

/// Every exported table, in restore order; serialised as one JSON object keyed by table name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables(pub Vec<TableRows>);

impl Tables {
    /// The rows of `table` (empty when the file has none).
    pub fn rows(&self, table: &str) -> &[Row] {
        self.0
            .iter()
            .find(|t| t.name == table)
            .map_or(&[], |t| t.rows.as_slice())
    }
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for Tables {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for t in &self.0 {
            m.serialize_entry(&t.name, &t.rows)?;
        }
        m.end()
    }
}

/// Collects a JSON object's entries in file order, refusing a key given twice.
fn entries<'de, A: MapAccess<'de>, V: Deserialize<'de>>(
    mut map: A,
    what: &str,
) -> Result<Vec<(String, V)>, A::Error> {
    let mut out: Vec<(String, V)> = Vec::new();
    while let Some((k, v)) = map.next_entry::<String, V>()? {
        if out.iter().any(|(seen, _)| *seen == k) {
            return Err(serde::de::Error::custom(format!(
                "{what} {k:?} appears twice"
            )));
        }
        out.push((k, v));
    }
    Ok(out)
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = Row;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Row, A::Error> {
        Ok(Row(entries(map, "field")?))
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RowVisitor)
    }
}

struct TablesVisitor;

impl<'de> Visitor<'de> for TablesVisitor {
    type Value = Tables;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of tables")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Tables, A::Error> {
        Ok(Tables(
            entries::<A, Vec<Row>>(map, "table")?
                .into_iter()
                .map(|(name, rows)| TableRows { name, rows })
                .collect(),
        ))
    }
}

impl<'de> Deserialize<'de> for Tables {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(TablesVisitor)
    }
}
