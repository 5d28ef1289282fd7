//! The team's time zone in the store: the workspace setting imported progress is counted in.

use crate::{Result, Tx, row};

impl Tx {
    /// The team's time zone (an IANA name), once set.
    pub async fn team_time_zone(&mut self) -> Result<Option<String>> {
        let r = sqlx::query("SELECT zone FROM team_time_zone WHERE id = 1")
            .fetch_optional(self.conn())
            .await?;
        r.map(|r| row::text(&r, "zone")).transpose()
    }

    /// Sets the team's time zone (an IANA name, validated by the caller).
    pub async fn set_team_time_zone(&mut self, zone: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO team_time_zone (id, zone) VALUES (1, $1)
             ON CONFLICT (id) DO UPDATE SET zone = excluded.zone",
        )
        .bind(zone)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
