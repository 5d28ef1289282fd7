//! Business days: weekends, national holidays and company days off, for one or more countries.

use crate::data::{CountryData, Table, table};
use jiff::civil::Date;
use serde::Serialize;

/// Why a calendar question has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// No holiday data for this country code.
    #[error("no holiday data for country {code:?}; candor has {supported}")]
    UnknownCountry {
        /// The code as given.
        code: String,
        /// The supported codes, comma-separated.
        supported: String,
    },
    /// The date lies outside the years the holiday data covers.
    #[error("{date} lies outside the holiday data, which covers {first} to {last}")]
    OutOfRange {
        /// The date asked about.
        date: Date,
        /// First covered day.
        first: Date,
        /// Last covered day.
        last: Date,
    },
    /// A calendar needs at least one country.
    #[error("a business calendar needs at least one country")]
    NoCountry,
    /// A date range whose end lies before its start.
    #[error("the range ends ({to}) before it starts ({from})")]
    BackwardRange {
        /// Start.
        from: Date,
        /// End.
        to: Date,
    },
}

/// A national public holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    /// The day.
    pub date: Date,
    /// Name in the country's own language (Dutch, Norwegian Bokmål, Bengali or English).
    pub name: &'static str,
    /// Name in English.
    pub name_en: &'static str,
}

/// A country the holiday data covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryInfo {
    /// ISO 3166 code, upper case.
    pub code: &'static str,
    /// Language of the local holiday names (`nl`, `nb`, `bn`, `en`).
    pub language: &'static str,
    /// English name of the country (and the region, where only part of it is covered).
    pub english_name: &'static str,
    /// Weekend days as ISO weekday numbers (Monday = 1, Sunday = 7).
    pub weekend: Vec<u8>,
}

/// Every country with holiday data, in a stable order.
pub fn supported_countries() -> Vec<CountryInfo> {
    table().countries.iter().map(country_info).collect()
}

/// First and last day the holiday data covers.
pub fn coverage() -> (Date, Date) {
    (table().first, table().last)
}

/// The public holidays of `country` in `year`, sorted by date.
pub fn holidays(country: &str, year: i16) -> Result<Vec<Holiday>, CalendarError> {
    let data = find_country(country)?;
    let t = table();
    if year < t.first.year() || year > t.last.year() {
        let date = Date::new(year, 1, 1).unwrap_or(t.last);
        return Err(out_of_range(date));
    }
    let list = data.holidays.iter().filter(|h| h.0.year() == year);
    Ok(list
        .map(|&(date, name, name_en)| Holiday {
            date,
            name,
            name_en,
        })
        .collect())
}

/// Working days for a team and a client together: a day counts only when it is a working day in
/// every country given and not a company day off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    countries: Vec<&'static str>,
    /// Business-day rank per covered day: how many business days fall on or before it.
    rank: Vec<u32>,
    /// Day index (into the covered range) of every business day, in order.
    business: Vec<u32>,
}

impl Calendar {
    /// Builds the joint calendar of `countries` (codes, any case; duplicates are fine) with
    /// company `days_off` (days outside the covered years are ignored: they cannot matter).
    pub fn new(countries: &[&str], days_off: &[Date]) -> Result<Self, CalendarError> {
        if countries.is_empty() {
            return Err(CalendarError::NoCountry);
        }
        let t = table();
        let data: Vec<&CountryData> = countries
            .iter()
            .map(|c| find_country(c))
            .collect::<Result<_, _>>()?;
        let mut off: Vec<bool> = t.days.iter().map(|d| is_weekend(&data, *d)).collect();
        let holidays = data.iter().flat_map(|c| c.holidays.iter().map(|h| h.0));
        for date in holidays.chain(days_off.iter().copied()) {
            if let Some(i) = t.index(date) {
                off[i] = true;
            }
        }
        let mut rank = Vec::with_capacity(off.len());
        let mut business = Vec::new();
        for (i, is_off) in off.iter().enumerate() {
            if !is_off {
                business.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
            rank.push(u32::try_from(business.len()).unwrap_or(u32::MAX));
        }
        let mut codes: Vec<&'static str> = data.iter().map(|c| c.code).collect();
        codes.dedup();
        Ok(Self {
            countries: codes,
            rank,
            business,
        })
    }

    /// The countries this calendar joins.
    pub fn countries(&self) -> &[&'static str] {
        &self.countries
    }

    /// Whether `date` is a business day.
    pub fn is_business_day(&self, date: Date) -> Result<bool, CalendarError> {
        let i = index(date)?;
        Ok(self.rank[i] > self.count_before(i))
    }

    /// The business days from `from` to `to`, both included.
    pub fn business_days(&self, from: Date, to: Date) -> Result<Vec<Date>, CalendarError> {
        let (lo, hi) = self.position_range(from, to)?;
        let t = table();
        Ok((lo..hi)
            .map(|p| t.days[self.business[p] as usize])
            .collect())
    }

    /// How many business days fall from `from` to `to`, both included.
    pub fn count_business_days(&self, from: Date, to: Date) -> Result<u32, CalendarError> {
        let (lo, hi) = self.position_range(from, to)?;
        Ok(u32::try_from(hi - lo).unwrap_or(u32::MAX))
    }

    /// Positions (in the business-day list) of the business days in `from..=to`: `lo..hi`.
    fn position_range(&self, from: Date, to: Date) -> Result<(usize, usize), CalendarError> {
        if to < from {
            return Err(CalendarError::BackwardRange { from, to });
        }
        let (a, b) = (index(from)?, index(to)?);
        Ok((self.count_before(a) as usize, self.rank[b] as usize))
    }

    /// Number of business days strictly before day index `i`.
    pub(crate) fn count_before(&self, i: usize) -> u32 {
        if i == 0 { 0 } else { self.rank[i - 1] }
    }

    /// Number of business days on or before `date` within the covered range.
    pub(crate) fn rank_of(&self, date: Date) -> Result<u32, CalendarError> {
        Ok(self.rank[index(date)?])
    }

    /// Total number of business days in the covered range.
    pub(crate) fn len(&self) -> u32 {
        u32::try_from(self.business.len()).unwrap_or(u32::MAX)
    }

    /// The business day at `position` (0 = the first covered business day).
    pub(crate) fn date_at(&self, position: u32) -> Option<Date> {
        let day = *self.business.get(position as usize)?;
        Some(table().days[day as usize])
    }
}

/// The covered-range index of `date`.
pub(crate) fn index(date: Date) -> Result<usize, CalendarError> {
    table().index(date).ok_or_else(|| out_of_range(date))
}

fn out_of_range(date: Date) -> CalendarError {
    let t: &Table = table();
    CalendarError::OutOfRange {
        date,
        first: t.first,
        last: t.last,
    }
}

fn is_weekend(countries: &[&CountryData], date: Date) -> bool {
    let day = date.weekday().to_monday_zero_offset() as usize;
    countries.iter().any(|c| c.weekend[day])
}

fn find_country(code: &str) -> Result<&'static CountryData, CalendarError> {
    let t = table();
    t.country(&code.trim().to_ascii_uppercase())
        .ok_or_else(|| CalendarError::UnknownCountry {
            code: code.to_owned(),
            supported: t
                .countries
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn country_info(c: &'static CountryData) -> CountryInfo {
    let weekend = (1..=7u8)
        .filter(|&d| c.weekend[usize::from(d - 1)])
        .collect();
    CountryInfo {
        code: c.code,
        language: c.language,
        english_name: c.english_name,
        weekend,
    }
}
