//! `candor progress import|sync` through the real binary on SQLite and (when
//! `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL: the demo workspace refreshed from the bundled
//! sample, the exact `--json` shape, re-import as a no-op, the team's time zone, Trello done
//! lists, and usage errors.

use assert_cmd::Command;
use candor_testkit::{TestDb, backends};
use predicates::str::contains;

mod common;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../candor-progress/tests/fixtures"
);

fn candor(db: &TestDb) -> Command {
    let mut c = common::candor(db);
    c.env("CANDOR_TEAM_TZ", "Europe/Amsterdam");
    c
}

fn import_json(db: &TestDb, file: &str, extra: &[&str]) -> serde_json::Value {
    let path = format!("{FIXTURES}/{file}");
    let out = candor(db)
        .args([
            "progress",
            "import",
            &path,
            "--project",
            "Webwinkel",
            "--json",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_fixture_imported_into_the_demo_changes_the_forecast() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let v = import_json(&db, "generic.csv", &["--milestone-from", "milestone"]);
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "done",
                "items",
                "open",
                "risk_after",
                "risk_before",
                "skipped"
            ]
        );
        assert_eq!(
            (v["items"].as_u64(), v["done"].as_u64(), v["open"].as_u64()),
            (Some(6), Some(3), Some(3))
        );
        assert!(v["risk_before"]["remaining"].as_u64().unwrap() > 0, "{v}");
        assert_ne!(
            v["risk_before"], v["risk_after"],
            "the import changes the forecast"
        );
        let again = import_json(&db, "generic.csv", &["--milestone-from", "milestone"]);
        assert_eq!(
            again["risk_before"], again["risk_after"],
            "re-import changes nothing"
        );
        assert_eq!(again["risk_after"], v["risk_after"]);
    }
}

#[test]
fn bad_rows_are_listed_with_line_and_column() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let v = import_json(&db, "jira.csv", &[]);
        assert_eq!(v["skipped"][0]["line"], 7);
        assert!(
            v["skipped"][0]["error"]
                .as_str()
                .unwrap()
                .contains("column 17 (Created)")
        );
        assert_eq!(v["items"], 6);
        candor(&db)
            .args([
                "progress",
                "import",
                &format!("{FIXTURES}/jira.csv"),
                "--project",
                "Webwinkel",
            ])
            .assert()
            .success()
            .stdout(contains("skipped line 7"))
            .stdout(contains("before:"));
    }
}

#[test]
fn usage_errors_exit_2_with_the_reason() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        candor(&db)
            .args([
                "progress",
                "import",
                &format!("{FIXTURES}/trello.csv"),
                "--project",
                "Webwinkel",
                "--milestone-from",
                "epic",
            ])
            .assert()
            .code(2)
            .stderr(contains("Trello exports have no epic"));
        candor(&db)
            .args(["progress", "sync", "--project", "Webwinkel"])
            .assert()
            .code(2)
            .stderr(contains("--repo OWNER/NAME"));
        candor(&db)
            .args([
                "progress",
                "import",
                "/nonexistent.csv",
                "--project",
                "Webwinkel",
            ])
            .assert()
            .failure()
            .stderr(contains("/nonexistent.csv"));
    }
}

#[test]
fn demo_refreshed_from_the_bundled_sample() {
    for db in backends() {
        let out = candor(&db)
            .args(["demo", "--refresh-progress", "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (v["items"].as_u64(), v["done"].as_u64()),
            (Some(6), Some(2))
        );
        assert_eq!(v["skipped"][0]["line"], 7);
        let before = v["risk_before"]["remaining"].as_u64().unwrap();
        assert_eq!(
            v["risk_after"]["remaining"].as_u64(),
            Some(before + 3),
            "{v}"
        );
        candor(&db)
            .args(["demo", "--refresh-progress"])
            .assert()
            .success()
            .stdout(contains("bundled Jira export"))
            .stdout(contains("0 progress rows written"))
            .stdout(contains(
                "days counted in Europe/Amsterdam (CANDOR_TEAM_TZ)",
            ));
        candor(&db)
            .args(["progress", "list", "--project", "Webwinkel"])
            .assert()
            .success()
            .stdout(contains("Jira backlog"));
    }
}

#[test]
fn the_team_zone_is_set_once_and_used_by_imports() {
    let csv = "Summary,Issue key,Status,Resolution,Created,Updated,Resolved\n\
               Late fix,SHOP-9,Done,Done,02/Nov/26 09:00 AM,05/Nov/26 06:30 PM,05/Nov/26 06:30 PM\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.csv");
    std::fs::write(&path, csv).unwrap();
    let path = path.to_str().unwrap();
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        candor(&db)
            .args(["team", "tz", "Mars/Base"])
            .assert()
            .code(2)
            .stderr(contains("Mars/Base"));
        candor(&db)
            .args(["team", "tz", "asia/dhaka"])
            .assert()
            .success()
            .stdout(contains("Asia/Dhaka"));
        candor(&db)
            .args(["team", "tz", "--json"])
            .assert()
            .success()
            .stdout(contains(r#""team_tz": "Asia/Dhaka""#));
        // 18:30 on Thursday 5 November in New York is 05:30 on Friday in Dhaka.
        candor(&db)
            .args([
                "progress",
                "import",
                path,
                "--project",
                "Webwinkel",
                "--tz",
                "America/New_York",
            ])
            .assert()
            .success()
            .stdout(contains(
                "days counted in Asia/Dhaka (the team's time zone)",
            ));
        let show = candor(&db)
            .args(["project", "show", "Webwinkel", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
        let backlog = v["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["title"] == "Jira backlog")
            .expect("the import's milestone")["id"]
            .clone();
        let done: Vec<&str> = v["progress"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["milestone_id"] == backlog && e["done"] == 1)
            .map(|e| e["date"].as_str().unwrap())
            .collect();
        assert_eq!(done, ["2026-11-06"], "{v}");
        candor(&db)
            .args(["init", "--team-tz", "Europe/Oslo"])
            .assert()
            .success()
            .stdout(contains("Europe/Oslo"));
    }
}

#[test]
fn done_lists_are_chosen_on_the_command_line() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let v = import_json(&db, "trello.csv", &[]);
        assert_eq!(v["done"], 1, "the card in Done: {v}");
        let v = import_json(
            &db,
            "trello.csv",
            &["--done-list", "Doing", "--done-list", "Done"],
        );
        assert_eq!(v["done"], 2, "Doing counts as done now: {v}");
        candor(&db)
            .args([
                "progress",
                "import",
                &format!("{FIXTURES}/generic.csv"),
                "--project",
                "Webwinkel",
                "--done-list",
                "Klaar",
            ])
            .assert()
            .code(2)
            .stderr(contains("--done-list names Trello lists"));
    }
}

/// `progress list --json` of a project.
fn listed(db: &TestDb, project: &str) -> Vec<serde_json::Value> {
    let out = candor(db)
        .args(["progress", "list", "--project", project, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_import_into_the_demo_portal_supersedes_its_hand_logged_progress() {
    // The fixture's open items (no done date): what the tracker says is left.
    let fixture = std::fs::read_to_string(format!("{FIXTURES}/generic.csv")).unwrap();
    let open = fixture
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(4) == Some(""))
        .count();
    assert_eq!(open, 3, "W-3, W-4, W-6");
    let path = format!("{FIXTURES}/generic.csv");
    let import = |db: &TestDb, json: bool| {
        let mut c = candor(db);
        c.args(["progress", "import", &path, "--project", "Customer portal"])
            .args(["--milestone-from", "milestone"]);
        if json {
            c.arg("--json");
        }
        c.output().unwrap()
    };
    let webwinkel = [
        "forecast",
        "--project",
        "Webwinkel",
        "--seed",
        "5",
        "--json",
    ];
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let hand = listed(&db, "Customer portal");
        assert!(
            hand.len() > 10,
            "the demo logs the portal's progress by hand"
        );
        assert!(hand.iter().all(|e| e["superseded"] == false), "{hand:?}");
        let other_before = candor(&db).args(webwinkel).output().unwrap().stdout;

        let out = import(&db, true);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let before = v["risk_before"]["remaining"].as_u64().unwrap();
        assert!(before > 0, "{v}");
        // Design, Build and Launch all come from the fixture now: what is left is exactly its
        // open items, not 0 (the hand-logged work counted a second time).
        assert_eq!(
            v["risk_after"]["remaining"].as_u64(),
            Some(open as u64),
            "{} on {v}",
            db.backend
        );

        let list = listed(&db, "Customer portal");
        let superseded: Vec<_> = list.iter().filter(|e| e["superseded"] == true).collect();
        assert_eq!(
            superseded.len(),
            hand.len(),
            "every hand-logged entry, none deleted"
        );
        for e in &hand {
            assert!(
                superseded.iter().any(|s| s["id"] == e["id"]),
                "{e} is kept and marked"
            );
        }
        assert!(
            list.len() > hand.len() && list.iter().any(|e| e["superseded"] == false),
            "the imported entries count"
        );
        assert_eq!(
            candor(&db).args(webwinkel).output().unwrap().stdout,
            other_before,
            "another project's hand-logged progress still counts as before"
        );

        // Re-import: no-op, and the human output says what happens to the hand-logged work.
        let again = import(&db, false);
        let text = String::from_utf8_lossy(&again.stdout);
        assert!(again.status.success(), "{text}");
        assert!(text.contains("0 progress rows written"), "{text}");
        assert!(
            text.contains("milestone \"Build\" now takes its scope and progress from the import")
                && text.contains("no longer counted"),
            "{text}"
        );
        assert!(text.contains(&format!("{open} left)")), "{text}");
        assert_eq!(
            listed(&db, "Customer portal"),
            list,
            "re-import changes nothing"
        );
        candor(&db)
            .args(["progress", "list", "--project", "Customer portal"])
            .assert()
            .success()
            .stdout(contains("no: superseded by the import"));
    }
}
