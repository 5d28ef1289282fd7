//! Business-calendar use cases: national holidays, business days, company days off and the
//! team's country.

use crate::{App, Result};
use candor_core::{ValidationError, field};
use candor_forecast::{Calendar, CalendarError};
use candor_store::DayOff;
use jiff::civil::Date;
use serde::Serialize;

/// A national public holiday, for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HolidayRow {
    /// The day.
    pub date: Date,
    /// Local name (Dutch, Norwegian Bokmål, Bengali or English).
    pub name: String,
    /// English name.
    pub name_en: String,
}

/// A company day off, for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayOffRow {
    /// The day.
    pub date: Date,
    /// What it is.
    pub label: String,
}

/// The business days in a range for one or more countries together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BusinessDays {
    /// Countries joined (a day counts only when it is a working day in all of them).
    pub countries: Vec<&'static str>,
    /// First day of the range.
    pub from: Date,
    /// Last day of the range.
    pub to: Date,
    /// How many business days.
    pub count: usize,
    /// The business days.
    pub days: Vec<Date>,
    /// Company days off in the range (not counted as business days).
    pub company_days_off: Vec<DayOffRow>,
}

impl App {
    /// The public holidays of a country in a year.
    pub fn holidays(&self, country: &str, year: &str) -> Result<Vec<HolidayRow>> {
        let y: i16 = year
            .trim()
            .parse()
            .map_err(|_| ValidationError::new("year", year, "expected a year such as 2027"))?;
        let list = candor_forecast::holidays(country, y).map_err(|e| calendar_error(country, e))?;
        Ok(list
            .into_iter()
            .map(|h| HolidayRow {
                date: h.date,
                name: h.name.to_owned(),
                name_en: h.name_en.to_owned(),
            })
            .collect())
    }

    /// The business days from `from` to `to` (both included) for the given countries together,
    /// with the company's days off taken out.
    pub async fn business_days(
        &self,
        countries: &[String],
        from: &str,
        to: &str,
    ) -> Result<BusinessDays> {
        let first = field::date("from", from)?;
        let last = field::date("to", to)?;
        if last < first {
            let reason = format!("lies before --from ({first})");
            return Err(ValidationError::new("to", to, reason).into());
        }
        let mut tx = self.begin().await?;
        let off = tx.company_days_off().await?;
        let dates: Vec<Date> = off.iter().map(|d| d.date).collect();
        let codes: Vec<&str> = countries.iter().map(String::as_str).collect();
        let label = codes.join(",");
        let cal = Calendar::new(&codes, &dates).map_err(|e| calendar_error(&label, e))?;
        let days = cal
            .business_days(first, last)
            .map_err(|e| calendar_error(&label, e))?;
        Ok(BusinessDays {
            countries: cal.countries().to_vec(),
            from: first,
            to: last,
            count: days.len(),
            days,
            company_days_off: off
                .into_iter()
                .filter(|d| d.date >= first && d.date <= last)
                .map(day_off_row)
                .collect(),
        })
    }

    /// Every company day off.
    pub async fn days_off(&self) -> Result<Vec<DayOffRow>> {
        let mut tx = self.begin().await?;
        Ok(tx
            .company_days_off()
            .await?
            .into_iter()
            .map(day_off_row)
            .collect())
    }

    /// Adds a company day off; it counts in every forecast from now on.
    pub async fn add_day_off(&self, date: &str, label: &str) -> Result<DayOffRow> {
        let day = DayOff {
            date: field::date("date", date)?,
            label: label.trim().to_owned(),
        };
        let mut tx = self.begin().await?;
        tx.insert_day_off(&day).await?;
        tx.commit().await?;
        Ok(day_off_row(day))
    }

    /// Removes a company day off.
    pub async fn remove_day_off(&self, date: &str) -> Result<()> {
        let d = field::date("date", date)?;
        let mut tx = self.begin().await?;
        tx.delete_day_off(d).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The team's country, if set.
    pub async fn team_country(&self) -> Result<Option<String>> {
        let mut tx = self.begin().await?;
        Ok(tx.team_country().await?)
    }

    /// Sets the team's country; it must be one candor has holidays for.
    pub async fn set_team_country(&self, code: &str) -> Result<String> {
        let normal = field::country("country", code)?;
        let known = candor_forecast::supported_countries();
        let Some(info) = known.iter().find(|c| c.code == normal) else {
            let list: Vec<&str> = known.iter().map(|c| c.code).collect();
            let reason = format!("candor has holidays for {} only", list.join(", "));
            return Err(ValidationError::new("country", code, reason).into());
        };
        let mut tx = self.begin().await?;
        tx.set_team_country(info.code).await?;
        tx.commit().await?;
        Ok(info.code.to_owned())
    }
}

fn day_off_row(d: DayOff) -> DayOffRow {
    DayOffRow {
        date: d.date,
        label: d.label,
    }
}

/// A calendar error as a validation error naming the input at fault.
fn calendar_error(country: &str, e: CalendarError) -> crate::AppError {
    let (field, value) = match &e {
        CalendarError::UnknownCountry { code, .. } => ("country", code.clone()),
        CalendarError::OutOfRange { date, .. } => ("date", date.to_string()),
        CalendarError::NoCountry => ("country", country.to_owned()),
        CalendarError::BackwardRange { to, .. } => ("to", to.to_string()),
    };
    ValidationError::new(field, value, e.to_string()).into()
}
