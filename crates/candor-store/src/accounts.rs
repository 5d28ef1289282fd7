//! Accounts in the store: users, sessions, API tokens, the setup token, failed logins and
//! client share links. Secrets arrive here already hashed; this module never sees a password.

use crate::{Result, StoreError, Tx, row};
use candor_core::Id;
use jiff::Timestamp;
use serde::Serialize;
use sqlx::any::AnyRow;

/// A user row, with its password hash (never serialised).
#[derive(Debug, Clone)]
pub struct StoredUser {
    /// Id.
    pub id: Id,
    /// Login email.
    pub email: String,
    /// Display name.
    pub name: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role ID (`admin`, `member`, `viewer`).
    pub role: String,
    /// UI language code.
    pub language: String,
    /// When created.
    pub created_at: Timestamp,
}

/// An API token's public facts (the secret is only shown once, at creation).
#[derive(Debug, Clone, Serialize)]
pub struct ApiTokenRow {
    /// Id.
    pub id: Id,
    /// Owner.
    pub user_id: Id,
    /// What it is for.
    pub name: String,
    /// When created.
    pub created_at: Timestamp,
    /// When revoked.
    pub revoked_at: Option<Timestamp>,
}

/// A client share link's public facts.
#[derive(Debug, Clone, Serialize)]
pub struct ShareLinkRow {
    /// Id.
    pub id: Id,
    /// The shared project.
    pub project_id: Id,
    /// Who made it.
    pub created_by: String,
    /// When made.
    pub created_at: Timestamp,
    /// When revoked.
    pub revoked_at: Option<Timestamp>,
}

const USER_COLS: &str = "id, email, name, password_hash, role, language, created_at";

fn user(r: &AnyRow) -> Result<StoredUser> {
    Ok(StoredUser {
        id: row::int(r, "id")?,
        email: row::text(r, "email")?,
        name: row::text(r, "name")?,
        password_hash: row::text(r, "password_hash")?,
        role: row::text(r, "role")?,
        language: row::text(r, "language")?,
        created_at: row::timestamp(r, "created_at")?,
    })
}

fn opt_ts(r: &AnyRow, col: &'static str) -> Result<Option<Timestamp>> {
    row::opt_text(r, col)?
        .map(|s| {
            s.parse().map_err(|e| StoreError::Corrupt {
                what: col,
                reason: format!("{s:?}: {e}"),
            })
        })
        .transpose()
}

pub(crate) fn token_row(r: &AnyRow) -> Result<ApiTokenRow> {
    Ok(ApiTokenRow {
        id: row::int(r, "id")?,
        user_id: row::int(r, "user_id")?,
        name: row::text(r, "name")?,
        created_at: row::timestamp(r, "created_at")?,
        revoked_at: opt_ts(r, "revoked_at")?,
    })
}

pub(crate) fn share_row(r: &AnyRow) -> Result<ShareLinkRow> {
    Ok(ShareLinkRow {
        id: row::int(r, "id")?,
        project_id: row::int(r, "project_id")?,
        created_by: row::text(r, "created_by")?,
        created_at: row::timestamp(r, "created_at")?,
        revoked_at: opt_ts(r, "revoked_at")?,
    })
}

/// The fields of a new user.
#[derive(Debug, Clone)]
pub struct NewUserRow<'a> {
    /// Login email.
    pub email: &'a str,
    /// Display name.
    pub name: &'a str,
    /// argon2id PHC string.
    pub password_hash: &'a str,
    /// Role ID.
    pub role: &'a str,
    /// UI language code.
    pub language: &'a str,
}

impl Tx {
    /// Adds a user; a second user with the same email is a conflict.
    pub async fn insert_user(&mut self, u: &NewUserRow<'_>, now: Timestamp) -> Result<StoredUser> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO users (email, name, password_hash, role, language, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {USER_COLS}"
        )))
        .bind(u.email)
        .bind(u.name)
        .bind(u.password_hash)
        .bind(u.role)
        .bind(u.language)
        .bind(row::ts_text(now))
        .fetch_one(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || {
                format!("a user with email {} exists already", u.email)
            })
        })?;
        user(&r)
    }

    /// How many users exist.
    pub async fn user_count(&mut self) -> Result<i64> {
        let r = sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(self.conn())
            .await?;
        row::int(&r, "n")
    }

    /// Every user, by id.
    pub async fn users(&mut self) -> Result<Vec<StoredUser>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users ORDER BY id"
        )))
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(user).collect()
    }

    /// One user by id.
    pub async fn user(&mut self, id: Id) -> Result<StoredUser> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "user",
            key: id.to_string(),
        })?;
        user(&r)
    }

    /// One user by email (case-insensitive), if any.
    pub async fn user_by_email(&mut self, email: &str) -> Result<Option<StoredUser>> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users WHERE lower(email) = lower($1)"
        )))
        .bind(email)
        .fetch_optional(self.conn())
        .await?;
        r.as_ref().map(user).transpose()
    }

    /// Changes a user's role, language and password hash (each when given).
    pub async fn update_user(
        &mut self,
        id: Id,
        role: Option<&str>,
        language: Option<&str>,
        password_hash: Option<&str>,
    ) -> Result<StoredUser> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE users SET role = COALESCE($2, role), language = COALESCE($3, language),
             password_hash = COALESCE($4, password_hash) WHERE id = $1 RETURNING {USER_COLS}"
        )))
        .bind(id)
        .bind(role)
        .bind(language)
        .bind(password_hash)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "user",
            key: id.to_string(),
        })?;
        user(&r)
    }

    /// Removes a user with their tokens.
    pub async fn delete_user(&mut self, id: Id) -> Result<()> {
        sqlx::query("DELETE FROM api_tokens WHERE user_id = $1")
            .bind(id)
            .execute(self.conn())
            .await?;
        let done = sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(id)
            .execute(self.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "user",
                key: id.to_string(),
            });
        }
        Ok(())
    }
}

impl Tx {
    /// A session's data when it exists and has not expired.
    pub async fn session(&mut self, id: &str, now: Timestamp) -> Result<Option<String>> {
        let r = sqlx::query("SELECT data FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id)
            .bind(row::ts_text(now))
            .fetch_optional(self.conn())
            .await?;
        r.map(|r| row::text(&r, "data")).transpose()
    }

    /// Writes a session (insert or replace).
    pub async fn save_session(&mut self, id: &str, data: &str, expires: Timestamp) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(id)
        .bind(data)
        .bind(row::ts_text(expires))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Whether a session id is taken (for collision-free creation).
    pub async fn session_exists(&mut self, id: &str) -> Result<bool> {
        let r = sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE id = $1")
            .bind(id)
            .fetch_one(self.conn())
            .await?;
        Ok(row::int(&r, "n")? > 0)
    }

    /// Deletes one session, and every expired one.
    pub async fn delete_session(&mut self, id: &str, now: Timestamp) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1 OR expires_at <= $2")
            .bind(id)
            .bind(row::ts_text(now))
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
