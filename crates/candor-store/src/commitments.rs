//! Commitments in the store.

use crate::{Result, StoreError, Tx, row};
use candor_core::{Commitment, CommitmentStatus, Id, NewCommitment, SourceRef};
use sqlx::any::AnyRow;

const COLS: &str =
    "id, client_id, project_id, text, made_by, made_at, source_kind, source_value, due, status";

fn commitment(r: &AnyRow) -> Result<Commitment> {
    let source = SourceRef::from_parts(
        &row::text(r, "source_kind")?,
        &row::text(r, "source_value")?,
    )
    .map_err(|e| StoreError::Corrupt {
        what: "source_kind",
        reason: e.to_string(),
    })?;
    Ok(Commitment {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        project_id: row::opt_int(r, "project_id")?,
        text: row::text(r, "text")?,
        made_by: row::text(r, "made_by")?,
        made_at: row::date(r, "made_at")?,
        source,
        due: row::opt_date(r, "due")?,
        status: row::parsed(r, "status", CommitmentStatus::parse)?,
    })
}

impl Tx {
    /// Adds a commitment.
    pub async fn insert_commitment(&mut self, c: &NewCommitment) -> Result<Commitment> {
        let (kind, value) = c.source.to_parts();
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO commitments
             (client_id, project_id, text, made_by, made_at, source_kind, source_value, due, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLS}"
        )))
        .bind(c.client_id)
        .bind(c.project_id)
        .bind(&c.text)
        .bind(&c.made_by)
        .bind(c.made_at.to_string())
        .bind(kind)
        .bind(value)
        .bind(c.due.map(|d| d.to_string()))
        .bind(c.status.as_str())
        .fetch_one(self.conn())
        .await?;
        commitment(&r)
    }

    /// The commitment with this id.
    pub async fn commitment(&mut self, id: Id) -> Result<Commitment> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM commitments WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "commitment",
            key: id.to_string(),
        })?;
        commitment(&r)
    }

    /// Sets a commitment's status.
    pub async fn set_commitment_status(
        &mut self,
        id: Id,
        status: CommitmentStatus,
    ) -> Result<Commitment> {
        let done = sqlx::query("UPDATE commitments SET status = $1 WHERE id = $2")
            .bind(status.as_str())
            .bind(id)
            .execute(self.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "commitment",
                key: id.to_string(),
            });
        }
        self.commitment(id).await
    }

    /// Commitments of a client (or all, with `None`), by id.
    pub async fn commitments(&mut self, client_id: Option<Id>) -> Result<Vec<Commitment>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM commitments WHERE ($1 IS NULL OR client_id = $1) ORDER BY id"
        )))
        .bind(client_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(commitment).collect()
    }
}
