//! Parsers for single fields: each returns a [`ValidationError`] naming the field and value.

use crate::ValidationError;
use jiff::civil::Date;

/// Parses an ISO date (`YYYY-MM-DD`); impossible dates such as 2026-02-30 are rejected.
pub fn date(field: &str, value: &str) -> Result<Date, ValidationError> {
    let v = value.trim();
    let bytes = v.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(ValidationError::new(
            field,
            value,
            "expected a date as YYYY-MM-DD",
        ));
    }
    let year: i16 = v[0..4].parse().unwrap_or(0);
    let month: i8 = v[5..7].parse().unwrap_or(0);
    let day: i8 = v[8..10].parse().unwrap_or(0);
    if !(1..=12).contains(&month) {
        return Err(ValidationError::new(
            field,
            value,
            format!("there is no month {month}"),
        ));
    }
    Date::new(year, month, day).map_err(|_| {
        let last = Date::new(year, month, 1)
            .map(|d| d.days_in_month())
            .unwrap_or(31);
        ValidationError::new(
            field,
            value,
            format!("{year}-{month:02} has {last} days, so day {day} does not exist"),
        )
    })
}

/// Trims `value` and rejects it when nothing is left.
pub fn non_empty(field: &str, value: &str) -> Result<String, ValidationError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ValidationError::new(field, value, "must not be empty"));
    }
    Ok(v.to_owned())
}

/// Trims and lower-cases an email address after a basic shape check (`local@domain.tld`).
pub fn email(field: &str, value: &str) -> Result<String, ValidationError> {
    let v = value.trim();
    let bad = || {
        ValidationError::new(
            field,
            value,
            "expected an email address like ann@example.com",
        )
    };
    let (local, domain) = v.split_once('@').ok_or_else(bad)?;
    if local.is_empty() || v.chars().any(char::is_whitespace) || v.matches('@').count() != 1 {
        return Err(bad());
    }
    domain_name(field, domain).map_err(|_| bad())?;
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// Validates a domain name such as `example.com` (lower-cased, no scheme, at least one dot).
pub fn domain_name(field: &str, value: &str) -> Result<String, ValidationError> {
    let v = value.trim().trim_start_matches('@').to_lowercase();
    let labels_ok = v.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if !v.contains('.') || !labels_ok {
        return Err(ValidationError::new(
            field,
            value,
            "expected a domain name like example.com",
        ));
    }
    Ok(v)
}

/// Validates an ISO 3166-1 alpha-2 country code and returns it upper-cased.
pub fn country(field: &str, value: &str) -> Result<String, ValidationError> {
    let v = value.trim().to_uppercase();
    if v.len() != 2 || !v.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(ValidationError::new(
            field,
            value,
            "expected a two-letter ISO 3166 country code such as NL, NO, BD, GB, US",
        ));
    }
    Ok(v)
}

/// Validates an IANA time zone name such as `Europe/Amsterdam`.
pub fn time_zone(field: &str, value: &str) -> Result<String, ValidationError> {
    let v = value.trim();
    match jiff::tz::TimeZone::get(v) {
        Ok(_) => Ok(v.to_owned()),
        Err(_) => Err(ValidationError::new(
            field,
            value,
            "expected an IANA time zone such as Europe/Amsterdam",
        )),
    }
}

/// Parses a non-negative whole number.
pub fn count(field: &str, value: &str) -> Result<u32, ValidationError> {
    value
        .trim()
        .parse::<u32>()
        .map_err(|_| ValidationError::new(field, value, "expected a whole number, 0 or more"))
}

/// Parses an RFC 3339 timestamp, or a plain date taken as midnight UTC.
pub fn timestamp(field: &str, value: &str) -> Result<jiff::Timestamp, ValidationError> {
    let v = value.trim();
    if v.len() == 10 {
        return date(field, v).map(|d| {
            d.to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        });
    }
    v.parse::<jiff::Timestamp>().map_err(|_| {
        ValidationError::new(
            field,
            value,
            "expected a date (YYYY-MM-DD) or a time such as 2026-11-25T14:30:00Z",
        )
    })
}

/// Implements `FromStr`-like parsing for a closed set of IDs, naming the allowed values.
pub fn one_of<T: Copy>(
    field: &str,
    value: &str,
    options: &[(&str, T)],
) -> Result<T, ValidationError> {
    let v = value.trim().to_lowercase().replace('-', "_");
    options
        .iter()
        .find(|(id, _)| *id == v)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            let ids: Vec<&str> = options.iter().map(|(id, _)| *id).collect();
            ValidationError::new(field, value, format!("expected one of {}", ids.join(", ")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_february_30_naming_field() {
        let e = date("deadline", "2026-02-30").unwrap_err();
        assert_eq!(e.field, "deadline");
        assert!(e.to_string().contains("2026-02-30"), "{e}");
        assert!(e.reason.contains("28 days"), "{e}");
    }

    #[test]
    fn accepts_leap_day_only_in_leap_years() {
        assert!(date("d", "2028-02-29").is_ok());
        assert!(date("d", "2027-02-29").is_err());
    }

    #[test]
    fn rejects_bad_shapes() {
        for v in [
            "2026-1-01",
            "2026/01/01",
            "",
            "20260101",
            "2026-13-01",
            "2026-00-10",
        ] {
            assert!(date("start", v).is_err(), "{v}");
        }
    }

    #[test]
    fn emails_and_domains() {
        assert_eq!(email("e", " Ann@Example.COM ").unwrap(), "Ann@example.com");
        assert!(email("e", "ann").is_err());
        assert!(email("e", "ann@localhost").is_err());
        assert!(email("e", "a b@x.com").is_err());
        assert_eq!(domain_name("d", "@Acme.NL").unwrap(), "acme.nl");
    }

    #[test]
    fn countries_and_zones() {
        assert_eq!(country("c", "nl").unwrap(), "NL");
        assert!(country("c", "NLD").is_err());
        assert!(time_zone("tz", "Europe/Oslo").is_ok());
        assert!(time_zone("tz", "Mars/Base").is_err());
    }

    proptest::proptest! {
        #[test]
        fn date_parse_never_panics(s in "\\PC{0,12}") {
            let _ = date("d", &s);
        }

        #[test]
        fn valid_dates_round_trip(y in 1900i16..2100, m in 1i8..=12, d in 1i8..=28) {
            let s = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(date("d", &s).unwrap().to_string(), s);
        }
    }
}
