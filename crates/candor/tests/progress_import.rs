//! `candor progress import|sync` through the real binary on SQLite and (when
//! `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL: the demo workspace refreshed from a bundled
//! sample, the exact `--json` shape, re-import as a no-op, and usage errors.

use assert_cmd::Command;
use candor_testkit::{TestDb, backends};
use predicates::str::contains;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../candor-progress/tests/fixtures"
);

fn candor(db: &TestDb) -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary");
    c.env("CANDOR_DB", &db.url)
        .env("CANDOR_TODAY", "2026-11-25")
        .env("CANDOR_TEAM_TZ", "Europe/Amsterdam");
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
fn demo_refreshed_from_a_bundled_sample() {
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
