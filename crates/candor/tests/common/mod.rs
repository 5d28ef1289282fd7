//! What every CLI integration test needs: the real `candor` binary on a test database on a
//! fixed day, with no setting leaking in from the environment, and its JSON output.
#![allow(dead_code)] // each test binary uses a different part of this module

use assert_cmd::Command;
use candor_testkit::TestDb;
use serde_json::Value;

/// The day the demo workspace and most tests are set on.
pub const DEMO_TODAY: &str = "2026-11-25";

/// Settings read from the environment that would change what a test sees.
const SETTINGS: &[&str] = &[
    "CANDOR_ON_TRACK",
    "CANDOR_AT_RISK",
    "CANDOR_MAIL_FROM",
    "CANDOR_TEAM_TZ",
    "CANDOR_TEMPLATES",
    "CANDOR_SEARCH_DIR",
    "CANDOR_INTERNAL_TERMS",
    "CANDOR_CONFIG",
    "CANDOR_LANG_DIR",
    "CANDOR_SMTP_HOST",
    "CANDOR_SMTP_PORT",
    "CANDOR_SMTP_SECURITY",
    "CANDOR_SMTP_USER",
    "CANDOR_SMTP_PASSWORD",
    "CANDOR_SMTP_PASSWORD_FILE",
];

/// `candor` on `db` as of `today`.
pub fn candor_on(db: &TestDb, today: &str) -> Command {
    let mut c = Command::cargo_bin("candor").expect("the candor binary");
    c.env("CANDOR_DB", &db.url).env("CANDOR_TODAY", today);
    for s in SETTINGS {
        c.env_remove(s);
    }
    c
}

/// `candor` on `db` as of [`DEMO_TODAY`].
pub fn candor(db: &TestDb) -> Command {
    candor_on(db, DEMO_TODAY)
}

/// Runs `cmd`, which must succeed, and parses its standard output as JSON.
pub fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("candor runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{cmd:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// `candor ARGS` on `db` as of [`DEMO_TODAY`], which must succeed, as JSON.
pub fn json(db: &TestDb, args: &[&str]) -> Value {
    json_of(candor(db).args(args))
}
