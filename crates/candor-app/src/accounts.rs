//! Accounts: users with roles, argon2id passwords, the first-run setup link, login rate
//! limiting, API tokens and server-side session storage. The server calls these; it never
//! touches a password hash or a token table itself.

use crate::{App, AppError, Result};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use candor_core::{Id, Language, ValidationError, field};
pub use candor_store::ApiTokenRow;
use candor_store::{NewUserRow, StoredUser};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Failed logins allowed per login name within [`LOGIN_WINDOW`] before logins are refused.
pub const LOGIN_LIMIT: i64 = 5;
/// The window failed logins are counted in.
pub const LOGIN_WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// What a user may do.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads everything, changes nothing.
    Viewer,
    /// Reads and changes the workspace.
    Member,
    /// Also manages users and settings.
    Admin,
}

impl Role {
    /// Every role, least powerful first.
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Member, Role::Admin];

    /// The role ID.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Member => "member",
            Role::Admin => "admin",
        }
    }

    /// Parses a role ID.
    pub fn parse(field_name: &str, value: &str) -> std::result::Result<Role, ValidationError> {
        let options: Vec<(&str, Role)> = Role::ALL.iter().map(|r| (r.as_str(), *r)).collect();
        field::one_of(field_name, value, &options)
    }
}

/// A user as everyone may see it (no password hash).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct User {
    /// Id.
    pub id: Id,
    /// Login email.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// UI language.
    pub language: Language,
    /// When created.
    #[schemars(with = "candor_core::schema::Timestamp")]
    pub created_at: Timestamp,
}

impl TryFrom<StoredUser> for User {
    type Error = AppError;
    fn try_from(u: StoredUser) -> Result<User> {
        Ok(User {
            id: u.id,
            role: Role::parse("role", &u.role)?,
            language: Language::parse("language", &u.language)?,
            email: u.email,
            name: u.name,
            created_at: u.created_at,
        })
    }
}

/// Raw input for a new user.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct UserInput {
    /// Login email.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Password (at least [`MIN_PASSWORD_CHARS`] characters).
    pub password: String,
    /// Role ID (default member).
    pub role: Option<String>,
    /// UI language (default en).
    pub language: Option<String>,
}

/// Why a login failed (kept apart from [`AppError`] because the web maps them to 401 and 429).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginRefused {
    /// Unknown email or wrong password (never says which).
    BadCredentials,
    /// Too many failures for this login recently.
    RateLimited,
}

/// A newly created API token: the secret is shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct NewApiToken {
    /// The stored facts.
    #[serde(flatten)]
    pub token: ApiTokenRow,
    /// The bearer secret.
    pub secret: String,
}

/// A fresh 256-bit random secret as lowercase hex.
pub(crate) fn random_secret() -> Result<String> {
    let mut buf = [0u8; 32];
    getrandom::fill(&mut buf)
        .map_err(|e| AppError::Conflict(format!("the system random source failed: {e}")))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// A strong random password (24 characters) for generated accounts.
pub fn generate_password() -> Result<String> {
    Ok(random_secret()?[..24].to_owned())
}

/// SHA-256 of a secret as hex: tokens are stored and looked up only by this digest.
pub(crate) fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ValidationError::new(
            "password",
            "(hidden)",
            format!("use at least {MIN_PASSWORD_CHARS} characters"),
        )
        .into());
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::Conflict(format!("cannot hash the password: {e}")))
}

fn password_matches(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A valid argon2id hash of a random password, verified against when the login is unknown so
/// that a wrong email takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        Argon2::default()
            .hash_password(b"candor-dummy-password")
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

impl App {
    /// Adds a user.
    pub async fn add_user(&self, input: &UserInput) -> Result<User> {
        let email = field::email("email", &input.email)?;
        let name = field::non_empty("name", &input.name)?;
        let role = Role::parse("role", input.role.as_deref().unwrap_or("member"))?;
        let language = Language::parse("language", input.language.as_deref().unwrap_or("en"))?;
        let hash = hash_password(&input.password)?;
        let mut tx = self.begin().await?;
        let row = NewUserRow {
            email: &email,
            name: &name,
            password_hash: &hash,
            role: role.as_str(),
            language: language.code(),
        };
        let u = tx.insert_user(&row, Timestamp::now()).await?;
        tx.clear_setup_tokens().await?;
        tx.commit().await?;
        User::try_from(u)
    }

    /// Every user.
    pub async fn users(&self) -> Result<Vec<User>> {
        let rows = self.begin().await?.users().await?;
        rows.into_iter().map(User::try_from).collect()
    }

    /// One user.
    pub async fn user(&self, id: Id) -> Result<User> {
        User::try_from(self.begin().await?.user(id).await?)
    }

    /// Changes a user's role; the last admin cannot stop being one.
    pub async fn set_user_role(&self, id: Id, role: &str) -> Result<User> {
        let role = Role::parse("role", role)?;
        let mut tx = self.begin().await?;
        let current = User::try_from(tx.user(id).await?)?;
        if current.role == Role::Admin && role != Role::Admin {
            last_admin_guard(&mut tx).await?;
        }
        let u = tx.update_user(id, Some(role.as_str()), None, None).await?;
        tx.commit().await?;
        User::try_from(u)
    }

    /// Changes a user's UI language.
    pub async fn set_user_language(&self, id: Id, language: &str) -> Result<User> {
        let language = Language::parse("language", language)?;
        let mut tx = self.begin().await?;
        let u = tx
            .update_user(id, None, Some(language.code()), None)
            .await?;
        tx.commit().await?;
        User::try_from(u)
    }

    /// Sets a new password.
    pub async fn set_user_password(&self, id: Id, password: &str) -> Result<User> {
        let hash = hash_password(password)?;
        let mut tx = self.begin().await?;
        let u = tx.update_user(id, None, None, Some(&hash)).await?;
        tx.commit().await?;
        User::try_from(u)
    }

    /// Removes a user; the last admin cannot be removed.
    pub async fn remove_user(&self, id: Id) -> Result<()> {
        let mut tx = self.begin().await?;
        let current = User::try_from(tx.user(id).await?)?;
        if current.role == Role::Admin {
            last_admin_guard(&mut tx).await?;
        }
        tx.delete_user(id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a login; failures are counted per email and refused past [`LOGIN_LIMIT`].
    pub async fn login(
        &self,
        email: &str,
        password: &str,
    ) -> Result<std::result::Result<User, LoginRefused>> {
        let login = email.trim().to_lowercase();
        let now = Timestamp::now();
        let mut tx = self.begin().await?;
        if tx.login_failures_since(&login, now - LOGIN_WINDOW).await? >= LOGIN_LIMIT {
            return Ok(Err(LoginRefused::RateLimited));
        }
        let found = tx.user_by_email(&login).await?;
        let phc = found
            .as_ref()
            .map_or(dummy_hash(), |u| u.password_hash.as_str());
        let ok = password_matches(password, phc);
        match found.filter(|_| ok) {
            Some(u) => {
                tx.clear_login_failures(&login).await?;
                tx.commit().await?;
                Ok(Ok(User::try_from(u)?))
            }
            None => {
                tx.insert_login_failure(&login, now).await?;
                tx.commit().await?;
                Ok(Err(LoginRefused::BadCredentials))
            }
        }
    }
}

async fn last_admin_guard(tx: &mut candor_store::Tx) -> Result<()> {
    let admins = tx
        .users()
        .await?
        .iter()
        .filter(|u| u.role == Role::Admin.as_str())
        .count();
    if admins <= 1 {
        return Err(AppError::Conflict(
            "this is the last admin; make another user admin first".into(),
        ));
    }
    Ok(())
}
