//! Calendar feeds: a revocable, unguessable address (`/calendar/<token>.ics`) a calendar app
//! subscribes to; the token is shown once and only its SHA-256 digest is stored.

use crate::accounts::{digest, random_secret};
use crate::{App, AppError, IcsExport, Result, resolve};
use candor_core::{Id, field};
pub use candor_store::CalendarFeedRow;
use serde::Serialize;

/// A newly made feed: the token is shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct NewCalendarFeed {
    /// The stored feed.
    #[serde(flatten)]
    pub feed: CalendarFeedRow,
    /// The secret in `/calendar/<token>.ics`.
    pub token: String,
}

impl App {
    /// Makes a calendar feed (of one client's entries when given).
    pub async fn create_calendar_feed(
        &self,
        label: &str,
        client: Option<&str>,
    ) -> Result<NewCalendarFeed> {
        let label = field::non_empty("label", label)?;
        let token = random_secret()?;
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let feed = tx
            .insert_calendar_feed(&digest(&token), &label, client_id, jiff::Timestamp::now())
            .await?;
        tx.commit().await?;
        Ok(NewCalendarFeed { feed, token })
    }

    /// Every feed, revoked ones included (never with a token).
    pub async fn calendar_feeds(&self) -> Result<Vec<CalendarFeedRow>> {
        let mut tx = self.begin().await?;
        Ok(tx.calendar_feeds().await?)
    }

    /// Revokes a feed: its address answers 404 from now on.
    pub async fn revoke_calendar_feed(&self, id: Id) -> Result<CalendarFeedRow> {
        let mut tx = self.begin().await?;
        let feed = tx.revoke_calendar_feed(id, jiff::Timestamp::now()).await?;
        tx.commit().await?;
        Ok(feed)
    }

    /// The calendar behind a feed token; unknown and revoked tokens are `NotFound`.
    pub async fn calendar_feed_ics(&self, token: &str) -> Result<IcsExport> {
        let feed = {
            let mut tx = self.begin().await?;
            tx.calendar_feed_by_hash(&digest(token)).await?
        };
        let feed = feed.ok_or_else(|| AppError::NotFound {
            what: "calendar feed",
            key: "(token)".into(),
            hint: String::new(),
        })?;
        let client = feed.client_id.map(|id| id.to_string());
        self.calendar_ics(client.as_deref(), None).await
    }
}
