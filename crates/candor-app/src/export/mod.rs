//! The whole workspace as one JSON document, and restoring it into an empty database.
//! Export is deterministic (tables in restore order, rows by primary key, columns in schema
//! order), so export → import → export gives byte-identical output on either backend and across
//! them.
//!
//! What a backup holds: every table on [`candor_store::EXPORTED_TABLES`]. That includes users'
//! password hashes (argon2id PHC strings: salted and slow, and a restored backup must let people
//! log in again) and the SHA-256 digests of API tokens, share links and calendar feeds (never the
//! tokens themselves, which candor does not keep, so the file gives no usable token; restored
//! tokens keep working). Treat an export file like the database itself. Sessions, login
//! failures and setup tokens are not exported ([`candor_store::NOT_EXPORTED`] says why).

mod format;
mod load;
mod v1;

pub use format::{Row, TableRows, Tables};

use crate::{App, AppError, Result};
use candor_core::ValidationError;
use candor_store::EXPORTED_TABLES;
use serde::{Deserialize, Serialize};

/// The format marker written into every export.
pub const FORMAT: &str = "candor-workspace";
/// The export format version this build writes. Version 1 (foundation tables as domain objects)
/// is still read.
pub const VERSION: u32 = 2;

/// Everything in a workspace: the rows of every exported table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceExport {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written by this build.
    pub version: u32,
    /// Rows per table, in restore order; record entries carry their hash-chain fields
    /// (verified on import).
    pub tables: Tables,
}

/// Just the header, to pick the reader for the rest.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

impl App {
    /// Reads the whole workspace in one consistent snapshot.
    pub async fn export(&self) -> Result<WorkspaceExport> {
        let mut tx = self.begin().await?;
        tx.snapshot().await?;
        let mut tables = Vec::with_capacity(EXPORTED_TABLES.len());
        for name in EXPORTED_TABLES {
            let schema = tx.table_schema(name).await?;
            let rows = tx
                .dump_table(&schema)
                .await?
                .into_iter()
                .map(|values| {
                    Row(schema
                        .columns
                        .iter()
                        .map(|c| c.name.clone())
                        .zip(values)
                        .collect())
                })
                .collect();
            tables.push(TableRows {
                name: (*name).into(),
                rows,
            });
        }
        Ok(WorkspaceExport {
            format: FORMAT.into(),
            version: VERSION,
            tables: Tables(tables),
        })
    }

    /// The export as pretty JSON text with a trailing newline.
    pub async fn export_json(&self) -> Result<String> {
        let data = self.export().await?;
        let mut s = serde_json::to_string_pretty(&data)
            .map_err(|e| AppError::Check(format!("cannot serialise the export: {e}")))?;
        s.push('\n');
        Ok(s)
    }

    /// Restores an export (this version or version 1) into an empty database, all or nothing:
    /// any inconsistency rolls the whole import back with an error naming the table, row and
    /// field.
    pub async fn import_json(&self, text: &str, origin: &str) -> Result<WorkspaceExport> {
        let bad_json = |e: serde_json::Error| {
            ValidationError::new(
                "file",
                origin,
                format!(
                    "not a candor workspace export (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
            )
        };
        let head: Header = serde_json::from_str(text).map_err(bad_json)?;
        let data = match (head.format.as_str(), head.version) {
            (FORMAT, VERSION) => serde_json::from_str::<WorkspaceExport>(text).map_err(bad_json)?,
            (FORMAT, 1) => WorkspaceExport {
                format: FORMAT.into(),
                version: VERSION,
                tables: serde_json::from_str::<v1::ExportV1>(text)
                    .map_err(bad_json)?
                    .into_tables(),
            },
            (f, v) => {
                return Err(ValidationError::new(
                    "file",
                    origin,
                    format!("format {f:?} version {v} is not {FORMAT:?} version {VERSION} or 1"),
                )
                .into());
            }
        };
        let mut tx = self.begin().await?;
        if tx.row_count(EXPORTED_TABLES).await? > 0 {
            return Err(AppError::Conflict(
                "import-json restores into an empty database only; this one has data \
                 (use a new --db)"
                    .into(),
            ));
        }
        load::restore(&mut tx, &data.tables).await.map_err(|m| {
            ValidationError::new("file", origin, format!("{m}; nothing was restored"))
        })?;
        if let Some(b) = crate::records::first_break(&mut tx, None).await? {
            return Err(ValidationError::new(
                "file",
                origin,
                format!(
                    "the record's hash chain is broken at entry {} (client {}): {}; nothing was \
                     restored",
                    b.entry_id, b.client_id, b.reason
                ),
            )
            .into());
        }
        load::check_readable(&mut tx).await.map_err(|m| {
            ValidationError::new("file", origin, format!("{m}; nothing was restored"))
        })?;
        tx.commit().await?;
        Ok(data)
    }
}

impl WorkspaceExport {
    /// How many rows the export holds for `table`.
    pub fn count(&self, table: &str) -> usize {
        self.tables.rows(table).len()
    }

    /// How many rows the export holds in all.
    pub fn total(&self) -> usize {
        self.tables.0.iter().map(|t| t.rows.len()).sum()
    }
}
