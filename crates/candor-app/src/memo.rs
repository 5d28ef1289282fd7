//! What the web app reads on every request (the session, the signed-in user, the dashboard),
//! kept in memory and keyed by the store's data version: a kept value is used only while the
//! data it came from is unchanged (see `candor_store::DataVersion`), so no page shows older
//! data than a fresh read would, give or take the half second other processes' writes take.

use crate::accounts::User;
use crate::dashboard::Dashboard;
use crate::{App, Result};
use candor_core::Id;
use candor_store::DataVersion;
use jiff::Timestamp;
use jiff::civil::Date;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// At most this many sessions or users are kept; past it the memo starts over.
const CAPACITY: usize = 10_000;

/// Values by key, each with the data version it was read at.
pub(crate) struct Memo<K, V>(Mutex<HashMap<K, (DataVersion, V)>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Mutex::new(HashMap::new()))
    }
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    fn get(&self, key: &K, version: &DataVersion) -> Option<V> {
        let map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(key)
            .filter(|(v, _)| v == version)
            .map(|(_, value)| value.clone())
    }

    fn put(&self, key: K, version: DataVersion, value: V) {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(key, (version, value));
    }
}

/// Every memo of one workspace (shared by the clones of an [`App`]).
#[derive(Default)]
pub(crate) struct Memos {
    /// The last dashboard built, with the day it was built for.
    pub(crate) dashboard: tokio::sync::Mutex<Option<(Date, DataVersion, Arc<Dashboard>)>>,
    /// A dashboard build runs in the background.
    pub(crate) rebuilding: std::sync::atomic::AtomicBool,
    /// When the last background build started.
    pub(crate) last_background: Mutex<Option<std::time::Instant>>,
    sessions: Memo<String, Option<String>>,
    users: Memo<Id, User>,
}

impl App {
    /// A live session's serialised data, from memory while nothing changed. The caller checks
    /// the expiry inside the data (a kept session may have expired since it was read).
    pub async fn session_data(&self, id: &str) -> Result<Option<String>> {
        let version = self.store().version().await?;
        if let Some(data) = self.memos.sessions.get(&id.to_owned(), &version) {
            return Ok(data);
        }
        let data = self.begin().await?.session(id, Timestamp::now()).await?;
        self.memos
            .sessions
            .put(id.to_owned(), version, data.clone());
        Ok(data)
    }

    /// The user a session belongs to (the per-request check), from memory while nothing
    /// changed; a role change or removal shows on the next request.
    pub async fn signed_in_user(&self, id: Id) -> Result<User> {
        let version = self.store().version().await?;
        if let Some(user) = self.memos.users.get(&id, &version) {
            return Ok(user);
        }
        let user = self.user(id).await?;
        self.memos.users.put(id, version, user.clone());
        Ok(user)
    }
}
