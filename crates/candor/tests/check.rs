//! `candor check` through the real binary: the JSON contract, exit codes, JSON Lines for several
//! inputs, and the roster read from the workspace database. Messages here are hand-written.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

fn candor(db: &str) -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary");
    c.env("CANDOR_DB", db)
        .env_remove("CANDOR_INTERNAL_TERMS")
        .env_remove("CANDOR_LANG_DIR");
    c
}

fn no_db() -> Command {
    candor("sqlite:///nonexistent/candor-check-test.db")
}

#[test]
fn json_output_follows_the_contract_with_byte_offsets() {
    let text = "Hei Kari.\nBeklager, men Ola glemte å sende rapporten. Vi leverer snart.";
    let out = no_db()
        .args(["check", "-", "--format", "json", "--type", "delay_email"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = String::from_utf8_lossy(&out.stdout);
    let at: Vec<usize> = [
        "\"path\"",
        "\"lang\"",
        "\"type\"",
        "\"elements\"",
        "\"findings\"",
    ]
    .iter()
    .map(|k| raw.find(k).unwrap())
    .collect();
    assert!(at.is_sorted(), "keys in contract order: {raw}");
    assert_eq!(v.as_object().unwrap().len(), 5);
    assert_eq!(
        (v["path"].as_str(), v["lang"].as_str(), v["type"].as_str()),
        (Some("-"), Some("nb"), Some("delay_email"))
    );
    assert_eq!(v["elements"].as_object().unwrap().len(), 9);
    assert_eq!(v["elements"]["apology"], true);
    let blame = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "blames_colleague")
        .expect("blame");
    let (start, end) = (
        blame["start"].as_u64().unwrap() as usize,
        blame["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Ola glemte");
    assert_eq!(
        (blame["line"].as_u64(), blame["column"].as_u64()),
        (Some(2), Some(15))
    );
    assert_eq!(blame["severity"], "error");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "missing:impact" && f["severity"] == "warning")
    );
}

#[test]
fn several_inputs_give_json_lines_and_a_clean_message_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &good,
        "Het spijt me. We leveren op vrijdag 4 december. Bedankt voor uw geduld.",
    )
    .unwrap();
    std::fs::write(&bad, "We never promised that feature.").unwrap();
    let out = no_db()
        .args(["check", "--format", "json"])
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["lang"], "nl");
    assert_eq!(lines[1]["findings"][0]["rule"], "denies_promise");
    no_db()
        .args(["check", "--lang", "nl"])
        .arg(&good)
        .assert()
        .code(0)
        .stdout(contains("good.txt: lang nl"));
}

#[test]
fn usage_and_input_errors_exit_two() {
    no_db()
        .args(["check", "--format", "yaml"])
        .write_stdin("x")
        .assert()
        .code(2);
    no_db()
        .args(["check", "--type", "memo", "--lang", "en"])
        .write_stdin("Sorry.")
        .assert()
        .code(2)
        .stderr(contains("delay_email"));
    no_db()
        .args(["check", "/nonexistent/file.txt"])
        .assert()
        .code(2)
        .stderr(contains("/nonexistent/file.txt"));
    no_db()
        .args(["check"])
        .write_stdin("Förlåt förseningen. Vi ringer dig i morgon.")
        .assert()
        .code(2)
        .stderr(contains("Swedish"));
}

#[test]
fn the_workspace_roster_and_internal_terms_feed_internal_detail() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("w.db").display());
    candor(&db).args(["init"]).assert().success();
    candor(&db)
        .args([
            "team",
            "add",
            "--name",
            "Priya Raman",
            "--email",
            "priya@agency.example",
        ])
        .assert()
        .success();
    let msg = "Priya was on holiday, so the fix waited in Gitea.";
    no_db()
        .args(["check", "--lang", "en"])
        .write_stdin(msg)
        .assert()
        .code(0);
    let out = candor(&db)
        .args([
            "check",
            "--lang",
            "en",
            "--format",
            "json",
            "--internal-term",
            "Gitea",
        ])
        .write_stdin(msg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["internal_detail", "internal_detail"]);
}
