//! Secrets around accounts: the first-run setup link, API bearer tokens and the server-side
//! session table the web server's session layer reads and writes.

use crate::accounts::{NewApiToken, Role, User, UserInput, digest, random_secret};
use crate::{App, AppError, Result};
use candor_core::Id;
use candor_store::ApiTokenRow;
use jiff::{SignedDuration, Timestamp};

/// How long a first-run setup link stays valid.
const SETUP_VALID: SignedDuration = SignedDuration::from_hours(24);

impl App {
    /// True while no user exists: the web app then only offers the setup page.
    pub async fn needs_setup(&self) -> Result<bool> {
        Ok(self.begin().await?.user_count().await? == 0)
    }

    /// Makes a fresh one-time setup secret (valid 24 hours) when no user exists yet.
    pub async fn create_setup_token(&self) -> Result<String> {
        let mut tx = self.begin().await?;
        if tx.user_count().await? > 0 {
            return Err(AppError::Conflict(
                "users exist already; an admin adds more users".into(),
            ));
        }
        let secret = random_secret()?;
        tx.put_setup_token(&digest(&secret), Timestamp::now() + SETUP_VALID)
            .await?;
        tx.commit().await?;
        Ok(secret)
    }

    /// Whether a setup secret is valid now.
    pub async fn setup_token_valid(&self, secret: &str) -> Result<bool> {
        let mut tx = self.begin().await?;
        Ok(tx.user_count().await? == 0
            && tx
                .setup_token_valid(&digest(secret), Timestamp::now())
                .await?)
    }

    /// Creates the first admin with a valid setup secret; the secret is then spent.
    pub async fn complete_setup(&self, secret: &str, input: &UserInput) -> Result<User> {
        if !self.setup_token_valid(secret).await? {
            return Err(AppError::NotFound {
                what: "setup link",
                key: "(hidden)".into(),
                hint: "; it was used or expired: run `candor serve` again for a new one".into(),
            });
        }
        let input = UserInput {
            role: Some(Role::Admin.as_str().into()),
            ..input.clone()
        };
        self.add_user(&input).await
    }

    /// Makes an API token for a user; the secret is returned this once.
    pub async fn create_api_token(&self, user_id: Id, name: &str) -> Result<NewApiToken> {
        let name = candor_core::field::non_empty("name", name)?;
        let secret = format!("candor_{}", random_secret()?);
        let mut tx = self.begin().await?;
        let token = tx
            .insert_api_token(user_id, &name, &digest(&secret), Timestamp::now())
            .await?;
        tx.commit().await?;
        Ok(NewApiToken { token, secret })
    }

    /// A user's API tokens.
    pub async fn api_tokens(&self, user_id: Id) -> Result<Vec<ApiTokenRow>> {
        Ok(self.begin().await?.api_tokens(user_id).await?)
    }

    /// Revokes one of a user's API tokens.
    pub async fn revoke_api_token(&self, user_id: Id, id: Id) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.revoke_api_token(id, user_id, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user a bearer secret belongs to, if it is live.
    pub async fn user_for_api_token(&self, secret: &str) -> Result<Option<User>> {
        let found = self.begin().await?.api_token_user(&digest(secret)).await?;
        found.map(User::try_from).transpose()
    }

    /// Stores a session's data until `expires`.
    pub async fn save_session(&self, id: &str, data: &str, expires: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.save_session(id, data, expires).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether a session id is taken.
    pub async fn session_exists(&self, id: &str) -> Result<bool> {
        Ok(self.begin().await?.session_exists(id).await?)
    }

    /// Deletes a session (and every expired one).
    pub async fn delete_session(&self, id: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.delete_session(id, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(())
    }
}
