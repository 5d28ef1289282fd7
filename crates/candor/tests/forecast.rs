//! Forecast, calendar and early warning through the real binary, on SQLite and (when
//! `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL. The data is hand-written: a Dutch client with a
//! steady two items a day, so every date below can be worked out on a calendar.

use assert_cmd::Command;
use candor_testkit::{TestDb, backends};
use predicates::str::contains;
use serde_json::Value;

mod common;
use common::{candor_on, json_of};

fn candor(db: &TestDb) -> Command {
    candor_on(db, TODAY)
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    json_of(candor(db).args(args))
}

/// Friday 23 April 2027, the last business day before Koningsdag week.
const TODAY: &str = "2027-04-23";

fn ok(db: &TestDb, args: &[&str]) {
    candor(db).args(args).assert().success();
}

/// Client, team country, a project with two milestones, and two items done every business day
/// from 29 March (Easter Monday, a holiday) to 23 April: 19 business days, 38 items.
fn workspace(db: &TestDb) {
    ok(
        db,
        &[
            "client",
            "add",
            "--name",
            "Bakkerij",
            "--language",
            "nl",
            "--country",
            "NL",
            "--time-zone",
            "Europe/Amsterdam",
        ],
    );
    ok(db, &["calendar", "team-country", "NL"]);
    ok(
        db,
        &[
            "project",
            "add",
            "--client",
            "Bakkerij",
            "--name",
            "Webwinkel",
            "--start",
            "2027-03-29",
            "--deadline",
            "2027-05-31",
        ],
    );
    // 38 done: Build has 4 items left (due Wed 28 April), Launch 10 more (due Fri 30 April).
    ok(
        db,
        &[
            "milestone",
            "add",
            "--project",
            "Webwinkel",
            "--title",
            "Build",
            "--due",
            "2027-04-28",
            "--scope",
            "42",
        ],
    );
    ok(
        db,
        &[
            "milestone",
            "add",
            "--project",
            "Webwinkel",
            "--title",
            "Launch",
            "--due",
            "2027-04-30",
            "--scope",
            "10",
        ],
    );
    let days = json(
        db,
        &[
            "calendar",
            "business-days",
            "--country",
            "NL",
            "--from",
            "2027-03-29",
            "--to",
            TODAY,
            "--json",
        ],
    );
    assert_eq!(days["count"], 19, "{days}");
    for day in days["days"].as_array().unwrap() {
        let d = day.as_str().unwrap();
        ok(
            db,
            &[
                "progress",
                "log",
                "--project",
                "Webwinkel",
                "--milestone",
                "Build",
                "--date",
                d,
                "--done",
                "2",
            ],
        );
    }
}

fn row<'a>(rows: &'a Value, milestone: Option<&str>) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["milestone"].as_str() == milestone)
        .unwrap_or_else(|| panic!("no row for {milestone:?} in {rows}"))
}

#[test]
fn holidays_and_business_days() {
    for db in backends() {
        let nl = json(
            &db,
            &[
                "calendar",
                "holidays",
                "--country",
                "NL",
                "--year",
                "2027",
                "--json",
            ],
        );
        let koningsdag = nl
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["date"] == "2027-04-27")
            .unwrap();
        assert_eq!(koningsdag["name"], "Koningsdag");
        let bd = json(
            &db,
            &[
                "calendar",
                "holidays",
                "--country",
                "bd",
                "--year",
                "2027",
                "--json",
            ],
        );
        assert!(
            bd.as_array()
                .unwrap()
                .iter()
                .any(|h| h["name"] == "স্বাধীনতা দিবস" && h["date"] == "2027-03-26")
        );
        // 19–30 April 2027: ten weekdays less Koningsdag; with Bangladesh also less the Friday(s).
        let range = ["--from", "2027-04-19", "--to", "2027-04-30", "--json"];
        let nl_days = json(
            &db,
            &[
                &["calendar", "business-days", "--country", "NL"][..],
                &range,
            ]
            .concat(),
        );
        assert_eq!(nl_days["count"], 9);
        let joint = json(
            &db,
            &[
                &[
                    "calendar",
                    "business-days",
                    "--country",
                    "NL",
                    "--country",
                    "BD",
                ][..],
                &range,
            ]
            .concat(),
        );
        assert_eq!(joint["count"], 7);
        ok(
            &db,
            &[
                "calendar",
                "day-off",
                "add",
                "--date",
                "2027-04-28",
                "--label",
                "heidag",
            ],
        );
        let with_off = json(
            &db,
            &[
                &["calendar", "business-days", "--country", "NL"][..],
                &range,
            ]
            .concat(),
        );
        assert_eq!(with_off["count"], 8);
        assert_eq!(with_off["company_days_off"][0]["label"], "heidag");
        let listed = json(&db, &["calendar", "day-off", "list", "--json"]);
        assert_eq!(listed.as_array().unwrap().len(), 1);
        candor(&db)
            .args(["calendar", "day-off", "add", "--date", "2027-04-28"])
            .assert()
            .code(2)
            .stderr(contains("already a company day off"));
        ok(
            &db,
            &["calendar", "day-off", "remove", "--date", "2027-04-28"],
        );
        candor(&db)
            .args(["calendar", "day-off", "remove", "--date", "2027-04-28"])
            .assert()
            .code(2);
    }
}

#[test]
fn calendar_input_errors_name_the_problem() {
    for db in backends() {
        candor(&db)
            .args(["calendar", "holidays", "--country", "DE", "--year", "2027"])
            .assert()
            .code(2)
            .stderr(contains(
                "no holiday data for country \"DE\"; candor has NL, NO, BD, GB, US",
            ));
        candor(&db)
            .args(["calendar", "holidays", "--country", "NL", "--year", "2045"])
            .assert()
            .code(2)
            .stderr(contains("2020-01-01 to 2040-12-31"));
        candor(&db)
            .args([
                "calendar",
                "business-days",
                "--country",
                "NL",
                "--from",
                "2027-05-01",
                "--to",
                "2027-04-01",
            ])
            .assert()
            .code(2)
            .stderr(contains("invalid to"));
        candor(&db)
            .args(["calendar", "team-country", "FR"])
            .assert()
            .code(2)
            .stderr(contains("NL, NO, BD, GB, US"));
        let none = json(&db, &["calendar", "team-country", "--json"]);
        assert_eq!(none["team_country"], Value::Null);
    }
}

#[test]
fn forecast_dates_follow_the_calendar_and_the_seed() {
    for db in backends() {
        workspace(&db);
        let args = ["forecast", "--seed", "7", "--json"];
        let rows = json(&db, &args);
        assert_eq!(rows.as_array().unwrap().len(), 3, "{rows}");
        // Build: 4 left at 2 a day: Monday 26, (Koningsdag off), Wednesday 28 April.
        let build = row(&rows, Some("Build"));
        assert_eq!(
            (build["remaining"].as_u64(), build["p50"].as_str()),
            (Some(4), Some("2027-04-28"))
        );
        assert_eq!(
            (build["p_on_time"].as_f64(), build["risk"].as_str()),
            (Some(1.0), Some("on_track"))
        );
        // Launch waits for Build: 14 left, seven business days: 26, 28, 29, 30 April, 3, 4, 5 May.
        let launch = row(&rows, Some("Launch"));
        assert_eq!(
            (launch["remaining"].as_u64(), launch["p85"].as_str()),
            (Some(14), Some("2027-05-05"))
        );
        assert_eq!(
            (launch["p_on_time"].as_f64(), launch["risk"].as_str()),
            (Some(0.0), Some("off_track"))
        );
        let project = row(&rows, None);
        assert_eq!(
            (project["deadline"].as_str(), project["risk"].as_str()),
            (Some("2027-05-31"), Some("on_track"))
        );
        assert_eq!(project["calendar"], serde_json::json!(["NL"]));
        assert_eq!(json(&db, &args), rows, "same seed, same output");
        // A company day off on Monday 3 May and Ascension Day on the 6th push Launch to Friday 7 May.
        ok(&db, &["calendar", "day-off", "add", "--date", "2027-05-03"]);
        let rows = json(&db, &args);
        assert_eq!(row(&rows, Some("Launch"))["p50"], "2027-05-07");
        // As of a week earlier the later progress is ignored: 14 days of 2 done, 14 left, seven
        // business days from Monday 19 April (Koningsdag skipped again).
        let earlier = json(
            &db,
            &[
                "forecast",
                "--seed",
                "7",
                "--as-of",
                "2027-04-16",
                "--project",
                "Webwinkel",
                "--json",
            ],
        );
        let build = row(&earlier, Some("Build"));
        assert_eq!(
            (build["remaining"].as_u64(), build["p50"].as_str()),
            (Some(14), Some("2027-04-28"))
        );
    }
}

#[test]
fn risks_tell_whom_to_call_with_the_p85_date() {
    for db in backends() {
        workspace(&db);
        let warnings = json(&db, &["risks", "--seed", "3", "--json"]);
        let list = warnings.as_array().unwrap();
        assert_eq!(list.len(), 1, "{warnings}");
        assert_eq!(list[0]["milestone"], "Launch");
        assert!(list[0]["message"].as_str().unwrap().starts_with(
            "Tell Bakkerij now: P(on time) is 0.00, below the warning threshold; suggested new date 2027-05-05"
        ));
        assert_eq!(
            list[0]["incident_command"],
            "candor incident open --kind delay --client Bakkerij --project Webwinkel --new-date 2027-05-05"
        );
        candor(&db)
            .args(["risks", "--seed", "3"])
            .assert()
            .success()
            .stdout(contains("Tell Bakkerij now"));
        // Thresholds are configurable: with both at 0 nothing counts as at risk.
        let none = json(
            &db,
            &[
                "risks",
                "--seed",
                "3",
                "--on-track",
                "0",
                "--at-risk",
                "0",
                "--json",
            ],
        );
        assert_eq!(none.as_array().unwrap().len(), 0);
        // Logging progress re-runs the forecast and warns at once.
        candor(&db)
            .args(["progress", "log", "--project", "Webwinkel", "--done", "1"])
            .assert()
            .success()
            .stdout(contains("Tell Bakkerij now: P(on time) is"))
            .stdout(contains("candor incident open --kind delay"));
    }
}

#[test]
fn no_history_and_zero_throughput_are_explained() {
    for db in backends() {
        ok(
            &db,
            &[
                "client",
                "add",
                "--name",
                "Fjord",
                "--language",
                "nb",
                "--country",
                "NO",
                "--time-zone",
                "Europe/Oslo",
            ],
        );
        ok(
            &db,
            &[
                "project",
                "add",
                "--client",
                "Fjord",
                "--name",
                "Booking",
                "--start",
                "2027-03-01",
                "--deadline",
                "2027-06-01",
            ],
        );
        ok(
            &db,
            &[
                "milestone",
                "add",
                "--project",
                "Booking",
                "--title",
                "Alt",
                "--due",
                "2027-06-01",
                "--scope",
                "20",
            ],
        );
        candor(&db)
            .args(["forecast", "--project", "Booking"])
            .assert()
            .code(2)
            .stderr(contains("no progress logged on or before 2027-04-23"))
            .stderr(contains("at least 5 business days"));
        for d in ["2027-04-19", "2027-04-20", "2027-04-21"] {
            ok(
                &db,
                &[
                    "progress",
                    "log",
                    "--project",
                    "Booking",
                    "--date",
                    d,
                    "--done",
                    "0",
                ],
            );
        }
        let rows = json(&db, &["forecast", "--project", "Booking", "--json"]);
        let p = row(&rows, None);
        assert_eq!(
            (
                p["p_on_time"].as_f64(),
                p["p50"].is_null(),
                p["risk"].as_str()
            ),
            (Some(0.0), true, Some("off_track"))
        );
        let notes = p["notes"].to_string();
        assert!(
            notes.contains("no items were finished in the last 30 business days"),
            "{notes}"
        );
        assert!(notes.contains("the team's country is not set"), "{notes}");
        candor(&db)
            .args(["forecast", "--trials", "0"])
            .assert()
            .code(2)
            .stderr(contains("invalid trials"));
    }
}
