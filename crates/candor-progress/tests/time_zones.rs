//! Dates converted from the file's time zone to the team's with real zone rules: a time near
//! midnight changes business day, and the answer follows daylight saving time on both sides.

use candor_progress::{ItemState, ReadOptions, Source, Zones, parse_with};
use jiff::civil::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn day(file: &str, team: &str, raw: &str) -> Date {
    Zones::named(file, team).unwrap().day(raw).unwrap()
}

#[test]
fn an_instant_near_midnight_lands_on_the_team_day_by_the_offset_of_that_date() {
    // Amsterdam is UTC+2 until 25 October 2026 03:00 and UTC+1 after: the same 22:30 UTC is
    // past midnight on Saturday but still Sunday evening a day later.
    assert_eq!(
        day("UTC", "Europe/Amsterdam", "2026-10-24T22:30:00Z"),
        d("2026-10-25")
    );
    assert_eq!(
        day("UTC", "Europe/Amsterdam", "2026-10-25T22:30:00Z"),
        d("2026-10-25")
    );
    // Oslo the same way in spring (UTC+1 to UTC+2 on 29 March 2026).
    assert_eq!(
        day("UTC", "Europe/Oslo", "2026-03-28T22:30:00Z"),
        d("2026-03-28")
    );
    assert_eq!(
        day("UTC", "Europe/Oslo", "2026-03-29T22:30:00Z"),
        d("2026-03-30")
    );
}

#[test]
fn wall_clock_times_follow_both_zones_daylight_saving_rules() {
    // New York moves its clocks on 8 March 2026, Amsterdam on 29 March: between the two the
    // gap is five hours, not six. 18:30 in New York is 00:30 the next day in Amsterdam before
    // 8 March (a Thursday becomes a Friday), and 23:30 the same day between the two dates.
    let ny_ams = |raw| day("America/New_York", "Europe/Amsterdam", raw);
    assert_eq!(ny_ams("2026-03-05 18:30"), d("2026-03-06"));
    assert_eq!(ny_ams("2026-03-19 18:30"), d("2026-03-19"));
    assert_eq!(ny_ams("2026-03-30 18:30"), d("2026-03-31"));
    // Jira's format, and a Friday night in New York that is Saturday in Dhaka (no DST there).
    assert_eq!(
        day("America/New_York", "Asia/Dhaka", "13/Nov/26 01:10 PM"),
        d("2026-11-14")
    );
    assert_eq!(
        day("America/New_York", "Asia/Dhaka", "13/Nov/26 12:50 PM"),
        d("2026-11-13")
    );
}

#[test]
fn a_jira_row_changes_business_day_in_the_team_zone() {
    let csv = "Summary,Issue key,Status,Resolution,Created,Updated,Resolved\n\
               Late fix,SHOP-9,Done,Done,05/Mar/26 09:00 AM,05/Mar/26 06:30 PM,05/Mar/26 06:30 PM\n";
    let options = ReadOptions {
        format: Some(Source::Jira),
        ..ReadOptions::default()
    };
    let read = |team: &str| {
        let zones = Zones::named("America/New_York", team).unwrap();
        let p = parse_with(csv.as_bytes(), &options, &zones).unwrap();
        assert_eq!(p.items[0].state, ItemState::Done);
        p.items[0].finished.unwrap()
    };
    assert_eq!(read("America/New_York"), d("2026-03-05"), "Thursday");
    assert_eq!(read("Europe/Amsterdam"), d("2026-03-06"), "Friday");
    assert_eq!(read("Asia/Dhaka"), d("2026-03-06"));
}
