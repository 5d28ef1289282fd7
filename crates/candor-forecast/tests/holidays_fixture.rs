//! The embedded holidays match Python `holidays` exactly: every country, year, date and name,
//! and Python's own count of working days per year (fixture written by tools/holidays/generate.py).

use candor_forecast::{Calendar, coverage, holidays, supported_countries};
use jiff::civil::Date;
use serde_json::Value;

fn fixture() -> Value {
    let text = include_str!("fixtures/holidays_python.json");
    serde_json::from_str(text).expect("fixture is JSON")
}

#[test]
fn every_holiday_matches_python() {
    let fx = fixture();
    let countries = fx["countries"].as_object().unwrap();
    let mut codes: Vec<&str> = supported_countries().iter().map(|c| c.code).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        countries.keys().map(String::as_str).collect::<Vec<_>>()
    );
    let mut compared = 0;
    for (code, entry) in countries {
        for (year, list) in entry["holidays"].as_object().unwrap() {
            let ours = holidays(code, year.parse().unwrap()).unwrap();
            let ours: Vec<[String; 3]> = ours
                .iter()
                .map(|h| [h.date.to_string(), h.name.into(), h.name_en.into()])
                .collect();
            let python: Vec<[String; 3]> = serde_json::from_value(list.clone()).unwrap();
            assert_eq!(ours, python, "{code} {year}");
            compared += python.len();
        }
    }
    assert!(compared > 1_000, "compared only {compared} holidays");
}

#[test]
fn working_days_per_year_match_python() {
    let fx = fixture();
    for (code, entry) in fx["countries"].as_object().unwrap() {
        let cal = Calendar::new(&[code], &[]).unwrap();
        for (year, count) in entry["working_days"].as_object().unwrap() {
            let y: i16 = year.parse().unwrap();
            let first = Date::new(y, 1, 1).unwrap();
            let last = Date::new(y, 12, 31).unwrap();
            let ours = cal.count_business_days(first, last).unwrap();
            assert_eq!(u64::from(ours), count.as_u64().unwrap(), "{code} {year}");
        }
    }
}

#[test]
fn weekends_and_languages_match_python() {
    let fx = fixture();
    for info in supported_countries() {
        let entry = &fx["countries"][info.code];
        let weekend: Vec<u8> = serde_json::from_value(entry["weekend"].clone()).unwrap();
        assert_eq!(info.weekend, weekend, "{}", info.code);
        assert_eq!(info.language, entry["language"], "{}", info.code);
    }
    let (first, last) = coverage();
    assert_eq!(i64::from(first.year()), fx["first_year"].as_i64().unwrap());
    assert_eq!(i64::from(last.year()), fx["last_year"].as_i64().unwrap());
}

#[test]
fn well_known_days_have_their_local_names() {
    let nl = holidays("nl", 2027).unwrap();
    assert!(
        nl.iter()
            .any(|h| h.date == Date::constant(2027, 4, 27) && h.name == "Koningsdag")
    );
    let no = holidays("NO", 2027).unwrap();
    assert!(
        no.iter()
            .any(|h| h.date == Date::constant(2027, 5, 17) && h.name.contains("Grunnlovsdag"))
    );
    let bd = holidays("BD", 2027).unwrap();
    assert!(
        bd.iter()
            .any(|h| h.date == Date::constant(2027, 2, 21) && h.name.starts_with("শহীদ দিবস"))
    );
    assert!(
        bd.iter()
            .filter(|h| h.name_en.starts_with("Eid al-Fitr"))
            .count()
            >= 3
    );
}

#[test]
fn unknown_country_and_year_are_named() {
    let e = holidays("DE", 2027).unwrap_err().to_string();
    assert_eq!(
        e,
        "no holiday data for country \"DE\"; candor has NL, NO, BD, GB, US"
    );
    let e = holidays("NL", 2041).unwrap_err().to_string();
    assert!(
        e.contains("2041-01-01") && e.contains("2020-01-01 to 2040-12-31"),
        "{e}"
    );
}
