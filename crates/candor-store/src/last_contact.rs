//! The newest outgoing record entry per client in one grouped query (the dashboard's weekly
//! check-ins), instead of one query per project.

use crate::{Result, Tx, row};
use candor_core::{Direction, Id};
use std::collections::HashMap;

impl Tx {
    /// For every client with an outgoing entry (message, call, meeting), when the newest was.
    pub async fn last_outbound_contacts(&mut self) -> Result<HashMap<Id, jiff::Timestamp>> {
        // `at` is fixed-width UTC text, so its maximum is the latest time.
        let rows = sqlx::query(
            "SELECT client_id, MAX(at) AS last FROM record_entries WHERE direction = $1 \
             GROUP BY client_id",
        )
        .bind(Direction::Out.as_str())
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| Ok((row::int(r, "client_id")?, row::timestamp(r, "last")?)))
            .collect()
    }
}
