//! Mail import, search and the promise register through the real binary, on SQLite and (when
//! `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL. The small Maildir below is hand-written by
//! the team; the SpamAssassin corpus is real (`../shared/data`).

use assert_cmd::Command;
use candor_testkit::{TestDb, backends, sqlite};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn candor(db: &TestDb, search_dir: &Path) -> Command {
    let mut c = Command::cargo_bin("candor").expect("binary");
    c.env("CANDOR_DB", &db.url)
        .env("CANDOR_SEARCH_DIR", search_dir)
        .env("CANDOR_TODAY", "2026-04-20");
    c
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn spamassassin() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/spamassassin/spamassassin-2002.mbox.gz");
    assert!(p.exists(), "test data missing: {}", p.display());
    p
}

const INCOMING: &str = "From: Ingrid Berg <ingrid@fjordlys.no>\nTo: Maya Jensen <maya@agency.example>\n\
Subject: Mobile app\nDate: Mon, 13 Apr 2026 09:00:00 +0200\nMessage-ID: <in-1@fjordlys.no>\n\n\
When will the mobile app be ready?\n";
const OUTGOING: &str = "From: Maya Jensen <maya@agency.example>\nTo: Ingrid Berg <ingrid@fjordlys.no>\n\
Subject: Re: Mobile app\nDate: Tue, 14 Apr 2026 10:00:00 +0200\nMessage-ID: <out-1@agency.example>\n\
In-Reply-To: <in-1@fjordlys.no>\nReferences: <in-1@fjordlys.no>\n\n\
Hi Ingrid,\n\nWe will deliver the mobile app by 1 May. Could you send the logo?\n\n\
On Mon, 13 Apr 2026, Ingrid wrote:\n> I'll send the logo Friday.\n";
const STRANGER: &str = "From: someone@elsewhere.example\nTo: maya@agency.example\n\
Subject: Hello\nDate: Wed, 15 Apr 2026 10:00:00 +0000\nMessage-ID: <x-1@elsewhere.example>\n\nHi there.\n";

fn maildir(root: &Path) -> PathBuf {
    let md = root.join("Maildir");
    for (name, text) in [
        ("cur/1.a:2,S", INCOMING),
        ("cur/2.a:2,S", OUTGOING),
        ("new/3.a", STRANGER),
    ] {
        let p = md.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    md
}

fn setup(db: &TestDb, s: &Path) {
    candor(db, s)
        .args([
            "team",
            "add",
            "--name",
            "Maya Jensen",
            "--email",
            "maya@agency.example",
        ])
        .assert()
        .success();
    candor(db, s)
        .args([
            "client",
            "add",
            "--name",
            "Fjordlys AS",
            "--language",
            "nb",
            "--country",
            "NO",
        ])
        .args(["--time-zone", "Europe/Oslo", "--domain", "fjordlys.no"])
        .assert()
        .success();
}

#[test]
fn maildir_import_matches_clients_finds_promises_and_searches() {
    for db in backends() {
        let tmp = tempfile::tempdir().unwrap();
        let s = tmp.path().join("search");
        setup(&db, &s);
        let md = maildir(tmp.path());
        let sum = json(candor(&db, &s).args(["import", "--json"]).arg(&md));
        assert_eq!(
            (
                sum["read"].as_u64(),
                sum["imported"].as_u64(),
                sum["duplicates"].as_u64()
            ),
            (Some(3), Some(3), Some(0)),
            "{}",
            db.backend
        );
        // Idempotent: a second run only finds duplicates.
        let again = json(candor(&db, &s).args(["import", "--json"]).arg(&md));
        assert_eq!(
            (again["imported"].as_u64(), again["duplicates"].as_u64()),
            (Some(0), Some(3))
        );

        let records =
            json(candor(&db, &s).args(["record", "list", "--client", "Fjordlys AS", "--json"]));
        let dirs: Vec<&str> = records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["direction"].as_str().unwrap())
            .collect();
        assert_eq!(dirs, ["in", "out"]);

        let hits = json(candor(&db, &s).args([
            "search",
            "\"mobile app\" from:maya@agency.example",
            "--json",
        ]));
        let hits = hits.as_array().unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0]["message_id"], "out-1@agency.example");
        assert!(hits[0]["record_id"].is_i64() && hits[0]["score"].as_f64().unwrap() > 0.0);
        let mine =
            json(candor(&db, &s).args(["search", "mobile", "--client", "Fjordlys AS", "--json"]));
        assert_eq!(mine.as_array().unwrap().len(), 2);

        // The quoted "I'll send the logo Friday." is Ingrid's, not ours: one candidate only.
        let list =
            json(candor(&db, &s).args(["promises", "list", "--client", "Fjordlys AS", "--json"]));
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0]["text"], "We will deliver the mobile app by 1 May.");
        assert_eq!(list[0]["due"], "2026-05-01");
        let id = list[0]["id"].as_i64().unwrap().to_string();
        let c = json(candor(&db, &s).args(["promises", "confirm", &id, "--json"]));
        assert_eq!(c["due"], "2026-05-01");
        candor(&db, &s)
            .args(["promises", "confirm", &id])
            .assert()
            .code(2);
        let pack = candor(&db, &s)
            .args([
                "promises",
                "evidence",
                "--client",
                "Fjordlys AS",
                "mobile app",
            ])
            .output()
            .unwrap();
        let pack = String::from_utf8(pack.stdout).unwrap();
        assert!(
            pack.contains("commitment") && pack.contains("Maya Jensen") && pack.contains("message"),
            "{pack}"
        );

        // The stranger's mail is unassigned until assigned.
        let un = json(candor(&db, &s).args(["import", "--unassigned", "--json"]));
        let un = un.as_array().unwrap();
        assert_eq!(un.len(), 1);
        let mail_id = un[0]["mail_id"].as_i64().unwrap().to_string();
        candor(&db, &s)
            .args(["import", "--assign", &mail_id, "--client", "Fjordlys AS"])
            .assert()
            .success();
        let after =
            json(candor(&db, &s).args(["search", "hello", "--client", "Fjordlys AS", "--json"]));
        assert!(after[0]["record_id"].is_i64(), "{after}");

        // reindex rebuilds the same answers.
        candor(&db, &s).arg("reindex").assert().success();
        let mine2 =
            json(candor(&db, &s).args(["search", "mobile", "--client", "Fjordlys AS", "--json"]));
        assert_eq!(mine2.as_array().unwrap().len(), 2);
    }
}

#[test]
fn bad_paths_and_queries_are_input_errors() {
    let db = sqlite();
    let tmp = tempfile::tempdir().unwrap();
    let s = tmp.path().join("search");
    candor(&db, &s)
        .args(["import", "/no/such/file.mbox"])
        .assert()
        .code(2);
    candor(&db, &s)
        .args(["search", "before:someday"])
        .assert()
        .code(2);
}

/// `kill -9` in the middle of an import, then a re-run, gives exactly the state of one clean
/// run; and every message of the SpamAssassin mbox is accounted for.
#[test]
fn killed_import_rerun_equals_clean_run_and_counts_match_python() {
    let tmp = tempfile::tempdir().unwrap();
    let (killed, clean) = (sqlite(), sqlite());
    let (sk, sc) = (tmp.path().join("sk"), tmp.path().join("sc"));
    let bin = assert_cmd::cargo::cargo_bin("candor");
    let mut child = std::process::Command::new(&bin)
        .env("CANDOR_DB", &killed.url)
        .env("CANDOR_SEARCH_DIR", &sk)
        .args(["import", "--json"])
        .arg(spamassassin())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until at least one batch is committed (the index has caught up once: its commit
    // carries the change number as payload), then kill while the next batch is being written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let committed = || {
        std::fs::read_to_string(sk.join("meta.json"))
            .ok()
            .and_then(|m| serde_json::from_str::<Value>(&m).ok())
            .is_some_and(|v| v["payload"].is_string())
    };
    while !committed() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    child.kill().unwrap(); // SIGKILL on Unix
    assert!(
        !child.wait().unwrap().success(),
        "the import finished before it could be killed"
    );

    let rerun = json(
        candor(&killed, &sk)
            .args(["import", "--json"])
            .arg(spamassassin()),
    );
    assert!(
        rerun["duplicates"].as_u64().unwrap() > 0,
        "nothing was committed before the kill"
    );
    let full = json(
        candor(&clean, &sc)
            .args(["import", "--json"])
            .arg(spamassassin()),
    );
    let total = |v: &Value| {
        v["imported"].as_u64().unwrap()
            + v["duplicates"].as_u64().unwrap()
            + v["failed"].as_array().unwrap().len() as u64
    };
    // Python's mailbox.mbox counts 6,046 messages in this file (shared/data/README.md).
    assert_eq!(full["read"], 6046);
    assert_eq!(total(&full), 6046);
    assert_eq!(total(&rerun), 6046);
    assert_eq!(
        rerun["imported"].as_u64().unwrap() + rerun["duplicates"].as_u64().unwrap(),
        full["imported"].as_u64().unwrap() + full["duplicates"].as_u64().unwrap()
    );
    let state =
        |db: &TestDb, s: &Path| json(candor(db, s).args(["import", "--unassigned", "--json"]));
    assert_eq!(state(&killed, &sk), state(&clean, &sc));
    let count = |db: &TestDb, s: &Path| {
        json(candor(db, s).args(["search", "", "--limit", "100000", "--json"]))
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&killed, &sk), count(&clean, &sc));
    assert_eq!(
        count(&clean, &sc) as u64,
        full["imported"].as_u64().unwrap()
    );
}
