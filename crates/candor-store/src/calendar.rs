//! The workspace's business calendar in the store: company days off and the team's country.

use crate::{Result, StoreError, Tx, row};
use jiff::civil::Date;

/// A company-wide day off (counts as a non-working day in every forecast).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOff {
    /// The day.
    pub date: Date,
    /// What it is, e.g. "company outing".
    pub label: String,
}

impl Tx {
    /// Every company day off, by date.
    pub async fn company_days_off(&mut self) -> Result<Vec<DayOff>> {
        let rows = sqlx::query("SELECT date, label FROM company_days_off ORDER BY date")
            .fetch_all(self.conn())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(DayOff {
                    date: row::date(r, "date")?,
                    label: row::text(r, "label")?,
                })
            })
            .collect()
    }

    /// Adds a company day off; a date can be added once.
    pub async fn insert_day_off(&mut self, day: &DayOff) -> Result<()> {
        sqlx::query("INSERT INTO company_days_off (date, label) VALUES ($1, $2)")
            .bind(day.date.to_string())
            .bind(&day.label)
            .execute(self.conn())
            .await
            .map_err(|e| {
                StoreError::conflict_or(e, || format!("{} is already a company day off", day.date))
            })?;
        Ok(())
    }

    /// Removes a company day off.
    pub async fn delete_day_off(&mut self, date: Date) -> Result<()> {
        let done = sqlx::query("DELETE FROM company_days_off WHERE date = $1")
            .bind(date.to_string())
            .execute(self.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "company day off",
                key: date.to_string(),
            });
        }
        Ok(())
    }

    /// The team's country, once set.
    pub async fn team_country(&mut self) -> Result<Option<String>> {
        let r = sqlx::query("SELECT team_country FROM workspace_calendar WHERE id = 1")
            .fetch_optional(self.conn())
            .await?;
        r.map(|r| row::text(&r, "team_country")).transpose()
    }

    /// Sets the team's country (an upper-case ISO code, validated by the caller).
    pub async fn set_team_country(&mut self, code: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO workspace_calendar (id, team_country) VALUES (1, $1)
             ON CONFLICT (id) DO UPDATE SET team_country = excluded.team_country",
        )
        .bind(code)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
