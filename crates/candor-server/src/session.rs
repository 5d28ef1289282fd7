//! The session store: tower-sessions keeps sessions server-side, in candor's own database
//! through the application layer. (`tower-sessions-sqlx-store` pins sqlx 0.8, so this small
//! store of three methods is our own.)

use async_trait::async_trait;
use candor_app::App;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

/// Sessions in the workspace database.
#[derive(Clone)]
pub struct DbStore {
    app: App,
}

impl std::fmt::Debug for DbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbStore")
    }
}

impl DbStore {
    /// A store over a workspace.
    pub fn new(app: App) -> Self {
        DbStore { app }
    }
}

fn backend(e: candor_app::AppError) -> Error {
    Error::Backend(e.to_string())
}

fn expiry(record: &Record) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_second(record.expiry_date.unix_timestamp())
        .map_err(|e| Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for DbStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        while self
            .app
            .session_exists(&record.id.to_string())
            .await
            .map_err(backend)?
        {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(record).map_err(|e| Error::Encode(e.to_string()))?;
        self.app
            .save_session(&record.id.to_string(), &data, expiry(record)?)
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some(data) = self
            .app
            .session_data(&id.to_string())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let record: Record =
            serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?;
        // The application layer may answer from memory: a kept session can have expired since.
        if record.expiry_date <= time::OffsetDateTime::now_utc() {
            return Ok(None);
        }
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.app
            .delete_session(&id.to_string())
            .await
            .map_err(backend)
    }
}
