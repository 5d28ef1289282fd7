//! Copying whole tables out and back in with their ids (export / import-json), driven by the live
//! schema, so a table added by a later migration needs one line here instead of a restore twin of
//! every insert function.

use crate::{Backend, Result, Tx, row};
use serde_json::Value;
use sqlx::Row;

/// Every table that holds user data, in an order that satisfies foreign keys (parents first).
/// Export writes them in this order and import-json restores them in this order.
pub const EXPORTED_TABLES: &[&str] = &[
    "team_members",
    "clients",
    "client_key_dates",
    "client_domains",
    "contacts",
    "projects",
    "milestones",
    "progress_entries",
    "commitments",
    "record_entries",
    "incidents",
    "incident_transitions",
    "incident_evidence",
    "incident_contacts",
    "incident_skips",
    "company_days_off",
    "workspace_calendar",
    "team_time_zone",
    "mail_messages",
    "promise_candidates",
    // With password_hash, an argon2id PHC string (salted and slow): restoring a backup must
    // restore logins. The export file is as sensitive as the database itself.
    "users",
    // Only the SHA-256 digest of each random token is stored, never the token in clear: a
    // restored token keeps working and the file reveals no usable token.
    "api_tokens",
    // Digests too, like api_tokens: a client's link keeps working after a restore.
    "share_links",
    "record_drafts",
    "work_items",
    "progress_sources",
    "follow_ups",
    "outbox",
    // Digests too, like api_tokens: subscribed calendars keep working after a restore.
    "calendar_feeds",
];

/// The tables of a workspace proper (migration 0001), which the demo refuses to write over: the
/// first ten of [`EXPORTED_TABLES`], which lists them first.
const FOUNDATION_TABLES: &[&str] = EXPORTED_TABLES.split_at(10).0;

/// Tables deliberately left out of the export, each with the reason. A test fails when the live
/// schema has a table on neither list, so a new table cannot be dropped from backups silently.
pub const NOT_EXPORTED: &[(&str, &str)] = &[
    (
        "candor_migrations",
        "migration bookkeeping; the target database has its own",
    ),
    (
        "record_seal_backfill",
        "one-off marker for sealing pre-chain records",
    ),
    (
        "mail_changes",
        "search-index change log; import-json writes one change per restored message",
    ),
    (
        "sessions",
        "web logins in progress; a restored workspace starts logged out",
    ),
    (
        "setup_tokens",
        "first-run token that expires within the hour",
    ),
    (
        "login_failures",
        "rate-limiting state that expires within minutes",
    ),
];

/// `(table, column, referenced table, only when (column, value))`.
pub type SoftReference = (
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

/// References the schema cannot declare (the parent table comes later in the migrations, or the
/// column points at one of several tables depending on another column):
/// `(table, column, referenced table, only when (column, value))`. Import-json checks them like
/// foreign keys.
pub const SOFT_REFERENCES: &[SoftReference] = &[
    ("record_entries", "incident_id", "incidents", None),
    ("follow_ups", "incident_id", "incidents", None),
    ("follow_ups", "done_record_id", "record_entries", None),
    (
        "incident_evidence",
        "ref_id",
        "record_entries",
        Some(("kind", "record")),
    ),
    (
        "incident_evidence",
        "ref_id",
        "commitments",
        Some(("kind", "commitment")),
    ),
];

/// A column that points at another table's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The pointing column.
    pub column: String,
    /// The table pointed at.
    pub parent: String,
    /// Only rows whose column (first) holds this value (second) point there.
    pub when: Option<(String, String)>,
}

/// How a column's values are written to JSON and bound back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Whole numbers (ids, counts, 0/1 flags).
    Integer,
    /// Floating point.
    Real,
    /// PostgreSQL BOOLEAN (SQLite has none).
    Boolean,
    /// Text (dates and timestamps are ISO text).
    Text,
}

impl ColumnType {
    fn from_declared(t: &str) -> ColumnType {
        let t = t.to_ascii_uppercase();
        if t.contains("INT") {
            ColumnType::Integer
        } else if t.contains("BOOL") {
            ColumnType::Boolean
        } else if ["REAL", "DOUB", "FLOA", "NUMERIC", "DECIMAL"]
            .iter()
            .any(|k| t.contains(k))
        {
            ColumnType::Real
        } else {
            ColumnType::Text
        }
    }

    /// Lower-case name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Integer => "an integer",
            ColumnType::Real => "a number",
            ColumnType::Boolean => "true or false",
            ColumnType::Text => "a string",
        }
    }

    /// Whether `v` (not null) fits this column.
    pub fn accepts(self, v: &Value) -> bool {
        match self {
            ColumnType::Integer => v.as_i64().is_some(),
            ColumnType::Real => v.is_number(),
            ColumnType::Boolean => v.is_boolean(),
            ColumnType::Text => v.is_string(),
        }
    }
}

/// One column of a live table.
#[derive(Debug, Clone)]
pub struct Column {
    /// Column name.
    pub name: String,
    /// Value type.
    pub ty: ColumnType,
}

/// A live table: columns in schema order, primary key, and the tables its columns point at.
#[derive(Debug, Clone)]
pub struct TableSchema {
    /// Table name.
    pub name: String,
    /// Columns in schema order.
    pub columns: Vec<Column>,
    /// Primary-key columns (rows are exported in this order).
    pub key: Vec<String>,
    /// Every foreign key and soft reference.
    pub references: Vec<Reference>,
}

impl TableSchema {
    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

impl Tx {
    /// Names of every table in the live schema, sorted.
    pub async fn table_names(&mut self) -> Result<Vec<String>> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 ORDER BY name"
            }
            Backend::Postgres => {
                "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                 ORDER BY table_name"
            }
        };
        let rows = sqlx::query(sql).fetch_all(self.conn()).await?;
        rows.iter().map(|r| row::text(r, "name")).collect()
    }

    /// Reads the shape of table `name` from the live schema (`name` must be a known table).
    pub async fn table_schema(&mut self, name: &str) -> Result<TableSchema> {
        let (cols_sql, fk_sql) = match self.backend() {
            Backend::Sqlite => (
                "SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid",
                "SELECT \"from\" AS col, \"table\" AS parent FROM pragma_foreign_key_list($1)",
            ),
            Backend::Postgres => (
                "SELECT CAST(c.column_name AS TEXT) AS name, CAST(c.data_type AS TEXT) AS type,
                        CAST(COALESCE(k.ordinal_position, 0) AS BIGINT) AS pk
                 FROM information_schema.columns c
                 LEFT JOIN (information_schema.key_column_usage k
                            JOIN information_schema.table_constraints t
                              ON t.constraint_name = k.constraint_name
                             AND t.table_schema = k.table_schema
                             AND t.constraint_type = 'PRIMARY KEY')
                   ON k.table_schema = c.table_schema AND k.table_name = c.table_name
                  AND k.column_name = c.column_name
                 WHERE c.table_schema = current_schema() AND c.table_name = $1
                 ORDER BY c.ordinal_position",
                "SELECT CAST(k.column_name AS TEXT) AS col, CAST(u.table_name AS TEXT) AS parent
                 FROM information_schema.table_constraints t
                 JOIN information_schema.key_column_usage k
                   ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
                 JOIN information_schema.constraint_column_usage u
                   ON u.constraint_name = t.constraint_name AND u.table_schema = t.table_schema
                 WHERE t.constraint_type = 'FOREIGN KEY' AND t.table_schema = current_schema()
                   AND t.table_name = $1
                 ORDER BY k.column_name",
            ),
        };
        let rows = sqlx::query(cols_sql)
            .bind(name)
            .fetch_all(self.conn())
            .await?;
        let mut columns = Vec::new();
        let mut key = Vec::new();
        for r in &rows {
            let col = row::text(r, "name")?;
            if row::int(r, "pk")? > 0 {
                key.push((row::int(r, "pk")?, col.clone()));
            }
            columns.push(Column {
                ty: ColumnType::from_declared(&row::text(r, "type")?),
                name: col,
            });
        }
        key.sort();
        let mut references = Vec::new();
        for r in &sqlx::query(fk_sql)
            .bind(name)
            .fetch_all(self.conn())
            .await?
        {
            references.push(Reference {
                column: row::text(r, "col")?,
                parent: row::text(r, "parent")?,
                when: None,
            });
        }
        for (t, c, parent, when) in SOFT_REFERENCES {
            if *t == name {
                references.push(Reference {
                    column: (*c).into(),
                    parent: (*parent).into(),
                    when: when.map(|(k, v)| (k.into(), v.into())),
                });
            }
        }
        Ok(TableSchema {
            name: name.into(),
            columns,
            key: key.into_iter().map(|(_, c)| c).collect(),
            references,
        })
    }

    /// Every row of a table as JSON values in column order, ordered by primary key.
    pub async fn dump_table(&mut self, t: &TableSchema) -> Result<Vec<Vec<Value>>> {
        let cols: Vec<String> = t.columns.iter().map(|c| quote(&c.name)).collect();
        let order = if t.key.is_empty() {
            cols.clone()
        } else {
            t.key.iter().map(|k| quote(k)).collect()
        };
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            cols.join(", "),
            quote(&t.name),
            order.join(", ")
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.conn())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut values = Vec::with_capacity(t.columns.len());
            for (i, c) in t.columns.iter().enumerate() {
                values.push(match c.ty {
                    ColumnType::Integer => r
                        .try_get::<Option<i64>, _>(i)?
                        .map_or(Value::Null, Value::from),
                    ColumnType::Real => r
                        .try_get::<Option<f64>, _>(i)?
                        .and_then(serde_json::Number::from_f64)
                        .map_or(Value::Null, Value::Number),
                    ColumnType::Boolean => match r.try_get::<Option<bool>, _>(i) {
                        Ok(b) => b.map_or(Value::Null, Value::Bool),
                        Err(_) => r
                            .try_get::<Option<i64>, _>(i)?
                            .map_or(Value::Null, |n| Value::Bool(n != 0)),
                    },
                    ColumnType::Text => r
                        .try_get::<Option<String>, _>(i)?
                        .map_or(Value::Null, Value::String),
                });
            }
            out.push(values);
        }
        Ok(out)
    }

    /// Inserts one row, with its ids, into `t`: `values` pairs columns of `t` with values the
    /// caller has checked against [`ColumnType::accepts`].
    pub async fn insert_row(
        &mut self,
        t: &TableSchema,
        values: &[(&Column, &Value)],
    ) -> std::result::Result<(), sqlx::Error> {
        let names: Vec<String> = values.iter().map(|(c, _)| quote(&c.name)).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(&t.name),
            names.join(", "),
            crate::sql::placeholders(1, values.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (c, v) in values {
            q = match c.ty {
                ColumnType::Integer => q.bind(v.as_i64()),
                ColumnType::Real => q.bind(v.as_f64()),
                ColumnType::Boolean => q.bind(v.as_bool()),
                ColumnType::Text => q.bind(v.as_str().map(str::to_owned)),
            };
        }
        q.execute(self.conn()).await?;
        Ok(())
    }

    /// Makes every later read of this transaction see one snapshot (PostgreSQL reads each
    /// statement's own snapshot otherwise; an SQLite read transaction already does). Must come
    /// before any other statement.
    pub async fn snapshot(&mut self) -> Result<()> {
        if self.backend() == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(self.conn())
                .await?;
        }
        Ok(())
    }

    /// Rebuilds the search index's change log after a restore: one change per message, in id
    /// order, so the index of the new database catches up on every message.
    pub async fn log_all_mail_changes(&mut self) -> Result<()> {
        sqlx::query("INSERT INTO mail_changes (mail_id) SELECT id FROM mail_messages ORDER BY id")
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Counts the rows of the foundation tables plus `tables` (the demo and import-json need a
    /// database without a workspace).
    pub async fn row_count(&mut self, tables: &[&str]) -> Result<i64> {
        let mut n = 0;
        for t in FOUNDATION_TABLES.iter().chain(tables) {
            let r = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) AS n FROM {}",
                quote(t)
            )))
            .fetch_one(self.conn())
            .await?;
            n += row::int(&r, "n")?;
        }
        Ok(n)
    }

    /// After inserting rows with explicit ids, moves PostgreSQL's identity sequences past them
    /// (SQLite's AUTOINCREMENT follows by itself). Tables whose key is not an identity column
    /// are left alone.
    pub async fn reset_sequences(&mut self, tables: &[&str]) -> Result<()> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        for t in tables {
            let s = self.table_schema(t).await?;
            let [key] = s.key.as_slice() else { continue };
            // pg_get_serial_sequence is NULL for a key without a sequence; setval(NULL) is a no-op.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence($1, $2),
                               COALESCE((SELECT MAX({k}) FROM {t}), 0) + 1, false)",
                k = quote(key),
                t = quote(t)
            )))
            .bind(*t)
            .bind(key.as_str())
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }
}

/// Quotes an identifier taken from the live schema.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types_map_the_same_on_both_backends() {
        for (sqlite, postgres, want) in [
            ("INTEGER", "bigint", ColumnType::Integer),
            ("INTEGER", "integer", ColumnType::Integer),
            ("TEXT", "text", ColumnType::Text),
            ("BOOLEAN", "boolean", ColumnType::Boolean),
            ("REAL", "double precision", ColumnType::Real),
        ] {
            assert_eq!(ColumnType::from_declared(sqlite), want, "{sqlite}");
            assert_eq!(ColumnType::from_declared(postgres), want, "{postgres}");
        }
        assert!(ColumnType::Integer.accepts(&Value::from(3)));
        assert!(!ColumnType::Integer.accepts(&Value::from("3")));
        assert!(!ColumnType::Text.accepts(&Value::from(3)));
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote("outbox"), "\"outbox\"");
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn the_lists_do_not_overlap() {
        for (t, why) in NOT_EXPORTED {
            assert!(!EXPORTED_TABLES.contains(t), "{t}");
            assert!(!why.is_empty());
        }
        assert_eq!(FOUNDATION_TABLES.first(), Some(&"team_members"));
        assert_eq!(FOUNDATION_TABLES.last(), Some(&"record_entries"));
        for (t, _, parent, _) in SOFT_REFERENCES {
            assert!(EXPORTED_TABLES.contains(t) && EXPORTED_TABLES.contains(parent));
        }
    }
}
