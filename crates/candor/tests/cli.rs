//! The CLI contract from the foundation issue, driven through the real binary on SQLite and
//! (when `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL.

use assert_cmd::Command;
use candor_testkit::{TestDb, backends};
use predicates::prelude::*;
use predicates::str::contains;

mod common;
use common::candor;

fn export(db: &TestDb) -> Vec<u8> {
    let out = candor(db)
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn demo_then_client_list_json_has_four_clients() {
    for db in backends() {
        candor(&db)
            .arg("demo")
            .assert()
            .success()
            .stdout(contains("Try next"));
        let out = candor(&db)
            .args(["client", "list", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let arr = v.as_array().expect("array");
        assert_eq!(arr.len(), 4, "{}", db.backend);
        for c in arr {
            assert!(c["id"].is_i64() && c["name"].is_string() && c["language"].is_string());
        }
        let langs: Vec<&str> = arr
            .iter()
            .map(|c| c["language"].as_str().unwrap())
            .collect();
        assert_eq!(langs, ["en", "nl", "nb", "bn"]);
    }
}

#[test]
fn export_import_export_is_byte_identical_across_backends() {
    let sources = backends();
    for src in &sources {
        candor(src).arg("demo").assert().success();
        let first = export(src);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ws.json");
        std::fs::write(&file, &first).unwrap();
        for dst in backends() {
            candor(&dst)
                .arg("import-json")
                .arg(&file)
                .assert()
                .success()
                .stdout(contains("restored 4 clients"));
            assert!(export(&dst) == first, "{} → {}", src.backend, dst.backend);
            // The restored record chain verifies (the demo's incidents came along too).
            candor(&dst).args(["record", "verify"]).assert().success();
            candor(&dst)
                .args(["incident", "list", "--json"])
                .assert()
                .success()
                .stdout(contains("\"id\""));
        }
    }
}

#[test]
fn unknown_client_and_impossible_date_exit_2_and_change_nothing() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let before = export(&db);
        candor(&db)
            .args(["project", "add", "--client", "Nobody Inc", "--name", "X"])
            .args(["--start", "2026-01-05", "--deadline", "2026-03-01"])
            .assert()
            .code(2)
            .stderr(contains("unknown client \"Nobody Inc\""));
        candor(&db)
            .args(["project", "add", "--client", "Fjordlys AS", "--name", "X"])
            .args(["--start", "2026-01-05", "--deadline", "2026-02-30"])
            .assert()
            .code(2)
            .stderr(contains("deadline").and(contains("2026-02-30")));
        candor(&db)
            .args([
                "client",
                "add",
                "--name",
                "Y",
                "--language",
                "de",
                "--country",
                "DE",
            ])
            .args(["--time-zone", "Europe/Berlin"])
            .assert()
            .code(2)
            .stderr(contains("language"));
        assert!(export(&db) == before, "{}", db.backend);
    }
}

#[test]
fn full_record_keeping_flow() {
    for db in backends() {
        let run = |args: &[&str]| candor(&db).args(args).assert().success();
        run(&[
            "team",
            "add",
            "--name",
            "Maya Jensen",
            "--email",
            "maya@agency.example",
            "--role",
            "am",
        ]);
        run(&[
            "client",
            "add",
            "--name",
            "Fjordlys AS",
            "--language",
            "nb",
            "--country",
            "no",
            "--time-zone",
            "Europe/Oslo",
            "--domain",
            "fjordlys.no",
            "--key-date",
            "sesongstart=2027-05-01",
        ]);
        run(&[
            "contact",
            "add",
            "--client",
            "fjordlys as",
            "--name",
            "Ingrid",
            "--email",
            "ingrid@fjordlys.no",
        ]);
        run(&[
            "project",
            "add",
            "--client",
            "Fjordlys AS",
            "--name",
            "Booking",
            "--start",
            "2026-09-01",
            "--deadline",
            "2027-01-29",
        ]);
        run(&[
            "milestone",
            "add",
            "--project",
            "Booking",
            "--title",
            "Prototype",
            "--due",
            "2026-12-01",
            "--scope",
            "20",
        ]);
        run(&[
            "progress",
            "log",
            "--project",
            "Booking",
            "--date",
            "2026-11-24",
            "--done",
            "3",
            "--added",
            "1",
        ]);
        run(&[
            "commitment",
            "add",
            "--client",
            "Fjordlys AS",
            "--text",
            "Vi skal levere før sesongstart",
            "--made-by",
            "Maya Jensen",
            "--made-at",
            "2026-09-01",
            "--source",
            "clause:Avtale punkt 4",
        ]);
        run(&["commitment", "set-status", "1", "at_risk"]);
        candor(&db)
            .args([
                "record",
                "add",
                "--client",
                "Fjordlys AS",
                "--kind",
                "call",
                "--author",
                "Maya Jensen",
                "--subject",
                "Ukentlig samtale",
                "--body",
                "-",
                "--at",
                "2026-11-24T09:00:00Z",
            ])
            .write_stdin("Ingrid ønsker en testversjon før påske.\n")
            .assert()
            .success();
        let out = candor(&db)
            .args(["project", "show", "Booking", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["scope"]["remaining"], 18, "{}", db.backend);
        let out = candor(&db)
            .args(["record", "list", "--client", "Fjordlys AS", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v[0]["body"], "Ingrid ønsker en testversjon før påske.\n");
        let out = candor(&db)
            .args(["commitment", "list", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v[0]["status"], "at_risk");
        assert_eq!(v[0]["source"]["kind"], "contract_clause");
    }
}

#[test]
fn usage_errors_exit_2_and_bad_urls_are_named() {
    let db = candor_testkit::sqlite();
    candor(&db).arg("frobnicate").assert().code(2);
    candor(&db)
        .args(["project", "add", "--client", "x"])
        .assert()
        .code(2);
    let mut c = Command::cargo_bin("candor").unwrap();
    c.args(["--db", "mysql://localhost/x", "client", "list"])
        .assert()
        .code(2)
        .stderr(contains("mysql://localhost/x"));
    candor(&db)
        .args(["commitment", "set-status", "42", "kept"])
        .assert()
        .code(2)
        .stderr(contains("42"));
}
