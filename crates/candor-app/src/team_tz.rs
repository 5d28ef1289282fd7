//! The team's time zone: the workspace setting whose calendar days imported progress is counted
//! in, so an item finished at 23:50 in New York lands on the day it was for the team.

use crate::{App, Result};
use candor_core::{ValidationError, field};
use jiff::tz::TimeZone;

/// Where the team's zone of an import came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamZoneFrom {
    /// Given for this one command (`--team-tz`).
    Flag,
    /// The workspace setting (`candor team tz`).
    Workspace,
    /// The `CANDOR_TEAM_TZ` environment variable.
    Environment,
    /// Nothing set: the system's zone.
    System,
}

impl App {
    /// The team's time zone, once set.
    pub async fn team_time_zone(&self) -> Result<Option<String>> {
        let mut tx = self.begin().await?;
        Ok(tx.team_time_zone().await?)
    }

    /// Sets the team's time zone; `name` must be an IANA name jiff knows. Returns the name as
    /// the time zone database spells it (`europe/oslo` becomes `Europe/Oslo`).
    pub async fn set_team_time_zone(&self, name: &str) -> Result<String> {
        let checked = field::time_zone("team-tz", name)?;
        let canonical = TimeZone::get(&checked)
            .ok()
            .and_then(|tz| tz.iana_name().map(str::to_owned))
            .unwrap_or(checked);
        let mut tx = self.begin().await?;
        tx.set_team_time_zone(&canonical).await?;
        tx.commit().await?;
        Ok(canonical)
    }

    /// The team's zone for one command: `flag` if given, else the workspace setting, else
    /// `CANDOR_TEAM_TZ`, else the system's zone.
    pub async fn team_zone(&self, flag: Option<&str>) -> Result<(TimeZone, TeamZoneFrom)> {
        let lookup = |name: &str| -> Result<TimeZone> {
            TimeZone::get(name.trim()).map_err(|_| {
                ValidationError::new(
                    "team-tz",
                    name,
                    "expected an IANA time zone such as Europe/Amsterdam",
                )
                .into()
            })
        };
        if let Some(name) = flag {
            return Ok((lookup(name)?, TeamZoneFrom::Flag));
        }
        if let Some(name) = self.team_time_zone().await? {
            return Ok((lookup(&name)?, TeamZoneFrom::Workspace));
        }
        if let Ok(name) = std::env::var("CANDOR_TEAM_TZ") {
            return Ok((lookup(&name)?, TeamZoneFrom::Environment));
        }
        Ok((TimeZone::system(), TeamZoneFrom::System))
    }
}
