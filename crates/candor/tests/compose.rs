//! `candor compose` through the real binary: a draft to standard output and to an .eml file, a
//! saved draft, a weekly check-in for a project, and a missing input named with its fix.

use candor_testkit::{TestDb, backends};
use predicates::prelude::*;
use predicates::str::contains;

mod common;
use common::{candor, json};

/// The id of the demo incident of `kind`.
fn incident(db: &TestDb, kind: &str) -> String {
    let list = json(db, &["incident", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .map(|i| i["id"].to_string())
        .unwrap_or_else(|| panic!("no {kind} incident in {list}"))
}

#[test]
fn compose_writes_checks_and_saves_drafts() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let id = incident(&db, "mistake");
        // The English mistake, to standard output; the cause stays inside.
        candor(&db)
            .args(["compose", "--incident", &id, "--type", "mistake_email"])
            .assert()
            .success()
            .stdout(contains("I'm sorry."))
            .stdout(contains("6 hours of work free of charge"))
            .stdout(contains("release checklist").not());
        // Forced Bengali, as an .eml file, saved as a draft.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mistake.eml");
        candor(&db)
            .args([
                "compose",
                "--incident",
                &id,
                "--type",
                "mistake_email",
                "--lang",
                "bn",
            ])
            .args(["--format", "eml", "--save", "--out"])
            .arg(&path)
            .assert()
            .success()
            .stderr(contains("status draft"));
        let raw = std::fs::read_to_string(&path).unwrap();
        assert!(raw.contains("Subject: =?utf-8?"), "{raw}");
        assert!(raw.contains("Content-Language: bn"), "{raw}");
        // The draft is in the record, and it passes the checker.
        let records = json(&db, &["record", "list", "--json"]);
        let saved = records
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["source"] == "candor compose mistake_email")
            .expect("saved draft");
        assert_eq!(saved["direction"], "out");
        let body = saved["body"].as_str().unwrap();
        candor(&db)
            .args(["check", "-", "--type", "mistake_email", "--lang", "bn"])
            .write_stdin(body)
            .assert()
            .success();
        // A weekly check-in for a project, in Markdown.
        candor(&db)
            .args([
                "compose",
                "--project",
                "Customer portal",
                "--type",
                "weekly_checkin",
            ])
            .args(["--format", "md"])
            .assert()
            .success()
            .stdout(contains("# Customer portal: weekly update"));
    }
}

#[test]
fn a_missing_input_names_the_command_that_fills_it() {
    let db = candor_testkit::sqlite();
    candor(&db).arg("demo").assert().success();
    let id = incident(&db, "mistake");
    candor(&db)
        .args(["compose", "--incident", &id, "--type", "delay_email"])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "candor incident set {id} --new-date YYYY-MM-DD"
        )));
    candor(&db)
        .args(["compose", "--incident", &id, "--type", "delay_mail"])
        .assert()
        .code(2)
        .stderr(contains("delay_email"));
    candor(&db)
        .args([
            "compose",
            "--incident",
            &id,
            "--type",
            "voicemail",
            "--format",
            "eml",
        ])
        .assert()
        .code(2)
        .stderr(contains("not an email"));
}

#[test]
fn contact_and_from_choose_the_recipient_language_and_signature() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let id = incident(&db, "mistake");
        // A second contact at the English client who reads Dutch.
        candor(&db)
            .args(["contact", "add", "--client", "Harbour & Finch Ltd"])
            .args([
                "--name",
                "Pieter Jansen",
                "--email",
                "pieter@harbourfinch.co.uk",
            ])
            .args(["--channel", "email", "--language", "nl"])
            .assert()
            .success();
        let out = candor(&db)
            .args(["compose", "--incident", &id, "--type", "mistake_email"])
            .args(["--format", "eml", "--contact", "pieter@harbourfinch.co.uk"])
            .args(["--from", "Lisa de Boer"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let eml = String::from_utf8(out.stdout).unwrap();
        assert!(eml.contains("pieter@harbourfinch.co.uk"), "{eml}");
        assert!(!eml.contains("olivia.bennett@"), "{eml}");
        assert!(eml.contains("Content-Language: nl"), "{eml}");
        assert!(eml.contains("lisa@brightlane.example"), "{eml}");
        // The text version is Dutch and signed by Lisa, not by the default sender.
        candor(&db)
            .args(["compose", "--incident", &id, "--type", "mistake_email"])
            .args([
                "--contact",
                "Pieter Jansen",
                "--from",
                "lisa@brightlane.example",
            ])
            .assert()
            .success()
            .stdout(contains("Lisa de Boer"))
            .stdout(contains("Maya Jensen").not());
        // An unknown contact or sender is named, and nothing is written.
        candor(&db)
            .args(["compose", "--incident", &id, "--type", "mistake_email"])
            .args(["--contact", "Nobody Here"])
            .assert()
            .code(2)
            .stderr(contains("Nobody Here"));
        candor(&db)
            .args(["compose", "--incident", &id, "--type", "mistake_email"])
            .args(["--from", "ghost@nowhere.example"])
            .assert()
            .code(2)
            .stderr(contains("ghost@nowhere.example"));
    }
}

#[test]
fn an_edited_text_is_kept_instead_of_the_draft() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let id = incident(&db, "delay");
        let delay_email = || {
            let mut c = candor(&db);
            c.args(["compose", "--incident", &id, "--type", "delay_email"]);
            c
        };
        let edited = "Beste Sanne,\n\nHet spijt me: Webwinkel komt later dan beloofd. \
                      Ik bel u morgen om 10 uur met de nieuwe datum.\n\nMaya";
        delay_email()
            .args([
                "--save",
                "--text",
                "-",
                "--subject",
                "Webwinkel: ons excuus",
            ])
            .write_stdin(edited)
            .assert()
            .success()
            .stdout(contains("Ik bel u morgen"))
            .stderr(contains("in the outbox as message"));
        let records = json(&db, &["record", "list", "--json"]);
        let kept = records
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["source"] == "candor compose delay_email")
            .expect("the kept draft");
        assert_eq!(kept["body"], edited, "{}", db.backend);
        assert_eq!(kept["subject"], "Webwinkel: ons excuus");
        let outbox = json(&db, &["outbox", "list", "--json"]);
        let m = &outbox.as_array().unwrap()[0];
        assert_eq!(m["subject"], "Webwinkel: ons excuus", "{outbox}");

        // Not UTF-8: exit 2 naming the file and the byte; nothing more is kept.
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("latin1.txt");
        std::fs::write(&bad, b"Het spijt me, caf\xe9").unwrap();
        delay_email()
            .args(["--save", "--text"])
            .arg(&bad)
            .assert()
            .code(2)
            .stderr(contains(
                "latin1.txt: not UTF-8 text (invalid byte at offset 17)",
            ));
        // --text keeps a draft, so it needs --save; an empty text is refused.
        delay_email().args(["--text", "-"]).assert().code(2);
        delay_email()
            .args(["--save", "--text", "-"])
            .write_stdin("  \n")
            .assert()
            .code(2)
            .stderr(contains("empty"));
        let again = json(&db, &["record", "list", "--json"]);
        assert_eq!(
            again.as_array().unwrap().len(),
            records.as_array().unwrap().len()
        );
    }
}
