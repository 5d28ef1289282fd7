//! Dates and times as the tools write them, turned into days in the team's time zone.
//!
//! A value with an offset (`2024-05-14T08:53:33Z`, Linear's `Fri Feb 06 2026 10:01:29 GMT+0000
//! (GMT)`) is an instant; a value without one (Jira's `11/May/24 03:26 PM`) is a wall-clock time
//! in the file's time zone (Jira writes the exporting user's zone). Both become the day it was in
//! the team's zone. A bare date (Asana's `2023-01-15`) is already a day and is kept as it is.

use crate::ProgressError;
use jiff::civil::{Date, DateTime};
use jiff::fmt::strtime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// The file's and the team's time zones.
#[derive(Debug, Clone)]
pub struct Zones {
    /// Zone of wall-clock times written without an offset.
    pub file: TimeZone,
    /// Zone whose calendar days progress is counted in.
    pub team: TimeZone,
}

/// Wall-clock layouts without an offset, tried in order (jiff `strptime` syntax).
const WALL_CLOCK: &[&str] = &[
    "%d/%b/%y %I:%M %p", // Jira: 11/May/24 03:26 PM
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%m/%d/%Y %H:%M", // Jira with a US profile date format: 6/21/2025 16:14
    "%m/%d/%Y %I:%M %p",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
];

/// Date-only layouts besides ISO, tried in order.
const DATE_ONLY: &[&str] = &["%d/%b/%y", "%d/%b/%Y", "%m/%d/%Y", "%d/%m/%Y"];

impl Zones {
    /// Looks both zones up by IANA name.
    pub fn named(file: &str, team: &str) -> Result<Zones, ProgressError> {
        Ok(Zones {
            file: zone(file)?,
            team: zone(team)?,
        })
    }

    /// The team-zone day of a tool's date or time value.
    pub fn day(&self, raw: &str) -> Result<Date, String> {
        let s = raw.trim();
        if let Some(ts) = instant(s) {
            return Ok(ts.to_zoned_datetime(self.team.clone()).date());
        }
        // jiff reads a date out of a longer date-time string too, so only a bare YYYY-MM-DD is
        // taken as a day; anything longer is a wall-clock time.
        if s.len() == 10
            && let Ok(d) = s.parse::<Date>()
        {
            return Ok(d);
        }
        if let Ok(dt) = s.parse::<DateTime>() {
            return self.wall_clock(dt, s);
        }
        for layout in WALL_CLOCK {
            if let Ok(dt) = strtime::parse(layout, s).and_then(|t| t.to_datetime()) {
                return self.wall_clock(dt, s);
            }
        }
        for layout in DATE_ONLY {
            if let Ok(d) = strtime::parse(layout, s).and_then(|t| t.to_date()) {
                return Ok(d);
            }
        }
        Err(format!(
            "{s:?} is not a date or time candor reads (examples: 2024-05-14, \
             2024-05-14T08:53:33Z, 11/May/24 03:26 PM)"
        ))
    }

    fn wall_clock(&self, dt: DateTime, raw: &str) -> Result<Date, String> {
        let zoned: ZonedDateTime = dt
            .to_zoned_datetime(self.file.clone())
            .map_err(|e| format!("{raw:?} does not exist in the file's time zone: {e}"))?;
        Ok(zoned.with_time_zone(self.team.clone()).date())
    }
}

/// An IANA time zone, or a clear error.
pub fn zone(name: &str) -> Result<TimeZone, ProgressError> {
    TimeZone::get(name.trim()).map_err(|_| ProgressError::TimeZone(name.to_owned()))
}

/// Parses a value that names an instant: RFC 3339, or ECMAScript `Date.prototype.toString`.
fn instant(s: &str) -> Option<Timestamp> {
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Some(ts);
    }
    // `Fri Feb 06 2026 10:01:29 GMT+0000 (GMT)`: the parenthesised zone name adds nothing the
    // numeric offset does not say, so it is cut off before parsing.
    let head = s.split(" (").next().unwrap_or(s);
    strtime::parse("%a %b %d %Y %H:%M:%S GMT%z", head)
        .and_then(|t| t.to_timestamp())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(file: &str, team: &str) -> Zones {
        Zones::named(file, team).unwrap()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn instants_land_on_the_team_day() {
        let z = zones("UTC", "Asia/Dhaka");
        // 20:30 UTC is 02:30 the next day in Dhaka (UTC+6).
        assert_eq!(z.day("2024-05-14T20:30:00Z").unwrap(), d("2024-05-15"));
        assert_eq!(z.day("2024-05-14T20:30:00.000Z").unwrap(), d("2024-05-15"));
        assert_eq!(
            z.day("Fri Feb 06 2026 20:01:29 GMT+0000 (GMT)").unwrap(),
            d("2026-02-07")
        );
        assert_eq!(
            z.day("Fri Apr 17 2026 04:00:00 GMT+0000 (GMT+00:00)")
                .unwrap(),
            d("2026-04-17")
        );
    }

    #[test]
    fn wall_clock_times_are_read_in_the_file_zone() {
        // 11 PM in New York is 05:00 the next morning in Amsterdam.
        let z = zones("America/New_York", "Europe/Amsterdam");
        assert_eq!(z.day("11/May/24 11:26 PM").unwrap(), d("2024-05-12"));
        assert_eq!(z.day("11/May/24 03:26 PM").unwrap(), d("2024-05-11"));
        assert_eq!(z.day("6/21/2025 16:14").unwrap(), d("2025-06-21"));
        assert_eq!(z.day("2025-06-21 23:30").unwrap(), d("2025-06-22"));
    }

    #[test]
    fn bare_dates_stay_as_they_are() {
        let z = zones("Pacific/Auckland", "America/Los_Angeles");
        assert_eq!(z.day("2023-01-15").unwrap(), d("2023-01-15"));
        assert_eq!(z.day("20/Aug/25").unwrap(), d("2025-08-20"));
    }

    #[test]
    fn nonsense_is_refused_with_the_value() {
        let z = zones("UTC", "UTC");
        let e = z.day("31/Feb/24 10:00 AM").unwrap_err();
        assert!(e.contains("31/Feb/24"), "{e}");
        assert!(z.day("soon").is_err());
        assert!(Zones::named("Mars/Base", "UTC").is_err());
    }
}
