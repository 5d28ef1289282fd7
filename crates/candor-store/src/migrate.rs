//! Embedded migrations applied on open. sqlx's own `migrate!` needs its proc-macro crate (the
//! `macros` feature, about a fifth of a clean build), so this small runner applies the embedded
//! files instead: each in its own transaction, recorded with a checksum that must never change.

use crate::{Backend, Result, StoreError};
use sqlx::{AnyPool, Row};

/// One embedded migration file.
pub struct Migration {
    /// Number from the file name.
    pub version: i64,
    /// Name from the file name.
    pub name: &'static str,
    /// The SQL text.
    pub sql: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// FNV-1a over the SQL text: enough to notice an edited migration.
fn checksum(sql: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in sql.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Applies every migration not yet applied; refuses to run over an edited one.
pub async fn run(pool: &AnyPool, backend: Backend) -> Result<()> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS candor_migrations (
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL)",
    )
    .execute(pool)
    .await?;
    let list = match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    for m in list {
        let mut tx = pool.begin().await?;
        if backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(7321011)")
                .execute(&mut *tx)
                .await?;
        }
        let applied = sqlx::query("SELECT checksum FROM candor_migrations WHERE version = $1")
            .bind(m.version)
            .fetch_optional(&mut *tx)
            .await?;
        let sum = checksum(m.sql);
        if let Some(row) = applied {
            let old: String = row.try_get(0)?;
            if old != sum {
                return Err(StoreError::Migration {
                    version: m.version,
                    name: m.name.into(),
                    reason: "the file changed after it was applied; add a new migration instead"
                        .into(),
                });
            }
            continue;
        }
        sqlx::raw_sql(m.sql)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::Migration {
                version: m.version,
                name: m.name.into(),
                reason: e.to_string(),
            })?;
        sqlx::query("INSERT INTO candor_migrations (version, name, checksum) VALUES ($1, $2, $3)")
            .bind(m.version)
            .bind(m.name)
            .bind(sum)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}
