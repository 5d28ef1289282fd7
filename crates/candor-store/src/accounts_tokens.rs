//! Token tables in the store: API tokens, the one-time setup token, failed logins and client
//! share links. Tokens are looked up by their SHA-256 digest only.

use crate::accounts::{ApiTokenRow, ShareLinkRow, StoredUser};
use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use jiff::Timestamp;

impl Tx {
    /// Stores a new API token digest for a user.
    pub async fn insert_api_token(
        &mut self,
        user_id: Id,
        name: &str,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<ApiTokenRow> {
        let r = sqlx::query(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)
             RETURNING id, user_id, name, created_at, revoked_at",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(row::ts_text(now))
        .fetch_one(self.conn())
        .await?;
        crate::accounts::token_row(&r)
    }

    /// The user owning a live (unrevoked) API token.
    pub async fn api_token_user(&mut self, token_hash: &str) -> Result<Option<StoredUser>> {
        let r = sqlx::query(
            "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(self.conn())
        .await?;
        match r {
            Some(r) => Ok(Some(self.user(row::int(&r, "user_id")?).await?)),
            None => Ok(None),
        }
    }

    /// A user's API tokens.
    pub async fn api_tokens(&mut self, user_id: Id) -> Result<Vec<ApiTokenRow>> {
        let rows = sqlx::query(
            "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens
             WHERE user_id = $1 ORDER BY id",
        )
        .bind(user_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(crate::accounts::token_row).collect()
    }

    /// Revokes one of a user's API tokens.
    pub async fn revoke_api_token(&mut self, id: Id, user_id: Id, now: Timestamp) -> Result<()> {
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2
             AND revoked_at IS NULL",
        )
        .bind(id)
        .bind(user_id)
        .bind(row::ts_text(now))
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "API token",
                key: id.to_string(),
            });
        }
        Ok(())
    }

    /// Replaces the setup token (there is at most one).
    pub async fn put_setup_token(&mut self, token_hash: &str, expires: Timestamp) -> Result<()> {
        sqlx::query("DELETE FROM setup_tokens")
            .execute(self.conn())
            .await?;
        sqlx::query("INSERT INTO setup_tokens (token_hash, expires_at) VALUES ($1, $2)")
            .bind(token_hash)
            .bind(row::ts_text(expires))
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Whether a setup token is live.
    pub async fn setup_token_valid(&mut self, token_hash: &str, now: Timestamp) -> Result<bool> {
        let r = sqlx::query(
            "SELECT COUNT(*) AS n FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(row::ts_text(now))
        .fetch_one(self.conn())
        .await?;
        Ok(row::int(&r, "n")? > 0)
    }

    /// Removes every setup token (after the first admin exists).
    pub async fn clear_setup_tokens(&mut self) -> Result<()> {
        sqlx::query("DELETE FROM setup_tokens")
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Notes a failed login for a login name.
    pub async fn insert_login_failure(&mut self, login: &str, at: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO login_failures (login, at) VALUES ($1, $2)")
            .bind(login)
            .bind(row::ts_text(at))
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Failed logins for a login name since a moment.
    pub async fn login_failures_since(&mut self, login: &str, since: Timestamp) -> Result<i64> {
        let r =
            sqlx::query("SELECT COUNT(*) AS n FROM login_failures WHERE login = $1 AND at > $2")
                .bind(login)
                .bind(row::ts_text(since))
                .fetch_one(self.conn())
                .await?;
        row::int(&r, "n")
    }

    /// Forgets failed logins for a login name (after a success).
    pub async fn clear_login_failures(&mut self, login: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE login = $1")
            .bind(login)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Stores a new share link digest for a project.
    pub async fn insert_share_link(
        &mut self,
        project_id: Id,
        token_hash: &str,
        created_by: &str,
        now: Timestamp,
    ) -> Result<ShareLinkRow> {
        let r = sqlx::query(
            "INSERT INTO share_links (project_id, token_hash, created_by, created_at)
             VALUES ($1, $2, $3, $4) RETURNING id, project_id, created_by, created_at, revoked_at",
        )
        .bind(project_id)
        .bind(token_hash)
        .bind(created_by)
        .bind(row::ts_text(now))
        .fetch_one(self.conn())
        .await?;
        crate::accounts::share_row(&r)
    }

    /// The project id of a live (unrevoked) share link.
    pub async fn share_link_project(&mut self, token_hash: &str) -> Result<Option<Id>> {
        let r = sqlx::query(
            "SELECT project_id FROM share_links WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(self.conn())
        .await?;
        r.map(|r| row::int(&r, "project_id")).transpose()
    }

    /// A project's share links, newest first.
    pub async fn share_links(&mut self, project_id: Id) -> Result<Vec<ShareLinkRow>> {
        let rows = sqlx::query(
            "SELECT id, project_id, created_by, created_at, revoked_at FROM share_links
             WHERE project_id = $1 ORDER BY id DESC",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(crate::accounts::share_row).collect()
    }

    /// Revokes a share link.
    pub async fn revoke_share_link(&mut self, id: Id, now: Timestamp) -> Result<ShareLinkRow> {
        let r = sqlx::query(
            "UPDATE share_links SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1
             RETURNING id, project_id, created_by, created_at, revoked_at",
        )
        .bind(id)
        .bind(row::ts_text(now))
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "share link",
            key: id.to_string(),
        })?;
        crate::accounts::share_row(&r)
    }
}
