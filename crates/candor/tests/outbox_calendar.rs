//! The outbox, weekly check-ins, `candor due` and the calendar export through the real binary,
//! on SQLite and PostgreSQL: a composed draft sent to an SMTP server started by the test (what
//! arrives is compared byte for byte with the stored `.eml`), a refused send that keeps the draft,
//! a discarded draft, check-ins drafted once per week, and an `.ics` read back by an independent
//! parser (the `ical` crate).

use assert_cmd::Command;
use candor_testkit::smtp::sink;
use candor_testkit::{TestDb, backends};
use predicates::str::contains;
use std::io::BufReader;

mod common;
use common::{candor, json};

fn smtp(c: &mut Command, port: u16) -> &mut Command {
    c.env("CANDOR_SMTP_HOST", "127.0.0.1")
        .env("CANDOR_SMTP_PORT", port.to_string())
        .env("CANDOR_SMTP_SECURITY", "none")
        .env_remove("CANDOR_SMTP_USER")
        .env_remove("CANDOR_SMTP_PASSWORD")
        .env_remove("CANDOR_SMTP_PASSWORD_FILE")
}

/// The status of a composer draft in `record_drafts`, read through SQL.
fn draft_status(url: &str, record_id: i64) -> String {
    let url = url.to_owned();
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async {
                let app = candor_app::App::open(&url).await.unwrap();
                let mut tx = app.store().begin().await.unwrap();
                let row = tx.draft(record_id).await.unwrap().expect("draft row");
                drop(tx);
                app.close().await;
                row.status
            })
    })
    .join()
    .unwrap()
}

fn incident(db: &TestDb, kind: &str) -> String {
    let list = json(db, &["incident", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == kind)
        .map(|i| i["id"].to_string())
        .unwrap_or_else(|| panic!("no {kind} incident in {list}"))
}

/// Composes and saves `kind` for the demo incident; returns the outbox message.
fn compose_saved(db: &TestDb, incident: &str, kind: &str) -> serde_json::Value {
    candor(db)
        .args(["compose", "--incident", incident, "--type", kind, "--save"])
        .assert()
        .success()
        .stderr(contains("in the outbox as message"));
    let list = json(db, &["outbox", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["kind"] == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} in the outbox: {list}"))
}

#[test]
fn a_composed_draft_is_sent_byte_for_byte_and_settles_the_draft() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let delay = incident(&db, "delay");
        let m = compose_saved(&db, &delay, "delay_email");
        let id = m["id"].to_string();
        assert_eq!(m["status"], "draft");
        let draft_entry = m["draft_record_id"].as_i64().expect("linked draft entry");
        assert_eq!(draft_status(&db.url, draft_entry), "draft");
        // `show --eml` prints the stored message; `show` its text.
        let eml = m["eml"].as_str().unwrap();
        let shown = candor(&db)
            .args(["outbox", "show", &id, "--eml"])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&shown.stdout).trim_end(),
            eml.trim_end()
        );
        candor(&db)
            .args(["outbox", "show", &id])
            .assert()
            .success()
            .stdout(contains(m["subject"].as_str().unwrap()))
            .stdout(contains(m["recipients"][0].as_str().unwrap()));
        // Sent with a login: the password reaches the server and is printed nowhere.
        let (port, got) = sink(false);
        let out = smtp(&mut candor(&db), port)
            .env("CANDOR_SMTP_USER", "maya")
            .env("CANDOR_SMTP_PASSWORD", "pw-7f3a9c-secret")
            .args(["outbox", "send", &id])
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{printed}");
        assert!(!printed.contains("pw-7f3a9c-secret"), "{printed}");
        let got = got.lock().unwrap().clone();
        assert_eq!(got.len(), 1, "{} {got:?}", db.backend);
        eprintln!(
            "the SMTP server received ({}): MAIL FROM:{} RCPT TO:{:?}\n{}",
            db.backend,
            got[0].mail_from,
            got[0].rcpt_to,
            String::from_utf8_lossy(&got[0].data)
        );
        assert_eq!(got[0].data, eml.as_bytes(), "byte for byte");
        let to = m["recipients"][0].as_str().unwrap();
        assert_eq!(got[0].rcpt_to, [format!("<{to}>")]);
        assert!(got[0].mail_from.starts_with('<') && got[0].mail_from.contains('@'));
        // AUTH PLAIN carries "\0maya\0password" in base64.
        assert_eq!(got[0].auth.len(), 1, "{:?}", got[0].auth);
        assert!(
            got[0].auth[0].contains("AG1heWEAcHctN2YzYTljLXNlY3JldA"),
            "{:?}",
            got[0].auth
        );
        // The outbox says sent; the record holds the sent message as a correction of the draft.
        let sent = json(&db, &["outbox", "list", "--status", "sent", "--json"]);
        let sent = sent.as_array().unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0]["id"], m["id"]);
        let rid = sent[0]["record_id"].as_i64().unwrap();
        assert_ne!(rid, draft_entry);
        let entry = json(&db, &["record", "show", &rid.to_string(), "--json"]);
        let draft = json(&db, &["record", "show", &draft_entry.to_string(), "--json"]);
        assert_eq!(entry["corrects"], draft_entry, "{entry}");
        assert_eq!(entry["direction"], "out");
        assert_eq!(entry["incident_id"], draft["incident_id"]);
        assert_eq!(entry["author"], draft["author"]);
        assert_eq!(entry["incident_id"].to_string(), delay);
        let mid = m["message_id"].as_str().unwrap();
        assert_eq!(entry["source"], format!("message-id:<{mid}>"));
        assert_eq!(draft_status(&db.url, draft_entry), "sent");
        candor(&db).args(["record", "verify"]).assert().code(0);
        // Sending it again is refused; nothing more arrives.
        smtp(&mut candor(&db), port)
            .args(["outbox", "send", &id])
            .assert()
            .code(2)
            .stderr(contains("only a draft can be sent"));
    }
}

#[test]
fn a_refused_send_keeps_the_draft_and_a_discard_settles_it() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let mistake = incident(&db, "mistake");
        let m = compose_saved(&db, &mistake, "mistake_email");
        let id = m["id"].to_string();
        let (port, got) = sink(true);
        smtp(&mut candor(&db), port)
            .args(["outbox", "send", &id])
            .assert()
            .code(1)
            .stderr(contains("mailbox unavailable here"))
            .stderr(contains("the draft is kept"));
        assert!(got.lock().unwrap().is_empty());
        let failed = json(&db, &["outbox", "list", "--status", "failed", "--json"]);
        assert_eq!(failed.as_array().unwrap().len(), 1, "{failed}");
        assert_eq!(failed[0]["status"], "draft");
        assert!(failed[0]["last_error"].as_str().unwrap().contains("550"));
        // `send --all` tries every draft and fails the same way.
        smtp(&mut candor(&db), port)
            .args(["outbox", "send", "--all"])
            .assert()
            .code(1)
            .stderr(contains("mailbox unavailable here"));
        // Discarding settles the composer draft; a discarded message cannot be sent.
        candor(&db)
            .args(["outbox", "discard", &id])
            .assert()
            .success()
            .stdout(contains("discarded"));
        let entry = m["draft_record_id"].as_i64().unwrap();
        assert_eq!(draft_status(&db.url, entry), "discarded");
        let listed = json(&db, &["outbox", "list", "--status", "discarded", "--json"]);
        assert_eq!(listed[0]["id"], m["id"]);
        smtp(&mut candor(&db), port)
            .args(["outbox", "send", &id])
            .assert()
            .code(2)
            .stderr(contains("is discarded"));
        candor(&db)
            .args(["outbox", "discard", &id])
            .assert()
            .code(2);
        // A contact without an address: the draft is saved, and the reason it is not queued said.
        let before = json(&db, &["outbox", "list", "--json"])
            .as_array()
            .unwrap()
            .len();
        let client = failed[0]["client_id"].to_string();
        candor(&db)
            .args([
                "contact",
                "add",
                "--client",
                &client,
                "--name",
                "Ola Utenpost",
            ])
            .assert()
            .success();
        candor(&db)
            .args(["compose", "--incident", &mistake, "--type", "mistake_email"])
            .args(["--contact", "Ola Utenpost", "--save"])
            .assert()
            .success()
            .stderr(contains("status draft"))
            .stderr(contains(
                "not put in the outbox: no email address for Ola Utenpost",
            ));
        let after = json(&db, &["outbox", "list", "--json"])
            .as_array()
            .unwrap()
            .len();
        assert_eq!(after, before);
        candor(&db)
            .args(["outbox", "list", "--status", "queued"])
            .assert()
            .code(2)
            .stderr(contains("draft, sending, sent, failed or discarded"));
        candor(&db)
            .args(["outbox", "show", "999"])
            .assert()
            .code(2)
            .stderr(contains("999"));
    }
}

#[test]
fn checkins_are_drafted_once_per_project_and_week() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let active: Vec<String> = json(&db, &["project", "list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["status"] == "active")
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect();
        assert!(!active.is_empty());
        let first = json(&db, &["checkin", "--json"]);
        let first = first.as_array().unwrap();
        assert_eq!(first.len(), active.len(), "{first:?}");
        for r in first {
            assert_eq!(r["outcome"], "drafted", "{r}");
            assert_eq!(r["week"], "2026-11-23", "the Monday of 2026-11-25");
            assert!(active.contains(&r["project"].as_str().unwrap().to_owned()));
        }
        // Again: nothing new, the same outbox messages.
        let again = json(&db, &["checkin", "--json"]);
        for (a, b) in again.as_array().unwrap().iter().zip(first) {
            assert_eq!(a["outcome"], "exists");
            assert_eq!(a["outbox_id"], b["outbox_id"]);
        }
        let outbox = json(&db, &["outbox", "list", "--json"]);
        let checkins: Vec<_> = outbox
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == "weekly_checkin")
            .collect();
        assert_eq!(checkins.len(), active.len());
        assert!(checkins.iter().all(|m| m["week"] == "2026-11-23"));
        // Composing the same week's check-in by hand finds the drafted one.
        let project = &active[0];
        candor(&db)
            .args([
                "compose",
                "--project",
                project,
                "--type",
                "weekly_checkin",
                "--save",
            ])
            .assert()
            .code(2)
            .stderr(contains("already drafted"));
        // Another week, one client: one new draft.
        let client = first[0]["client"].as_str().unwrap();
        let other = json(
            &db,
            &[
                "checkin",
                "--week",
                "2026-11-18",
                "--client",
                client,
                "--json",
            ],
        );
        let other = other.as_array().unwrap();
        assert!(
            other
                .iter()
                .all(|r| r["client"] == client && r["week"] == "2026-11-16")
        );
        assert!(other.iter().all(|r| r["outcome"] == "drafted"));
        candor(&db)
            .args(["checkin", "--week", "2026-11-31"])
            .assert()
            .code(2)
            .stderr(contains("week"));
    }
}

#[test]
fn due_lists_the_demo_follow_ups() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let all = json(&db, &["due", "list", "--json"]);
        let open_by_today: Vec<&serde_json::Value> = all
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "open" && f["due"].as_str().unwrap() <= "2026-11-25")
            .collect();
        assert!(!open_by_today.is_empty(), "the demo owes something: {all}");
        let due = json(&db, &["due", "--json"]);
        let items = due["items"].as_array().unwrap();
        assert_eq!(items.len(), open_by_today.len(), "{due}");
        for i in items {
            assert!(
                matches!(i["state"].as_str(), Some("overdue" | "today")),
                "{i}"
            );
        }
        let week = json(&db, &["due", "--week", "--json"]);
        assert_eq!(week["until"], "2026-11-29");
        assert!(week["items"].as_array().unwrap().len() >= items.len());
        let mut text = candor(&db).arg("due").assert().success();
        for i in items {
            text = text.stdout(contains(i["title"].as_str().unwrap()));
        }
    }
}

/// Parses an `.ics` with the `ical` crate; returns each VEVENT's properties (name -> value).
fn events(ics: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut cals = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let cal = cals.next().expect("one calendar").expect("valid iCalendar");
    assert!(cals.next().is_none());
    let top: Vec<_> = cal.properties.iter().map(|p| p.name.as_str()).collect();
    assert!(
        top.contains(&"VERSION") && top.contains(&"PRODID"),
        "{top:?}"
    );
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

#[test]
fn calendar_export_is_read_back_by_an_independent_parser() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        candor(&db)
            .args([
                "due",
                "add",
                "--client",
                "নদী ট্রেডার্স",
                "--due",
                "2026-11-30",
            ])
            .args([
                "--title",
                "পরীক্ষার পরিকল্পনা পাঠান; then call Rahim, after lunch",
            ])
            .assert()
            .success();
        json(&db, &["checkin", "--json"]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("followups.ics");
        candor(&db)
            .args(["calendar", "export", "--tz", "Asia/Dhaka", "--out"])
            .arg(&path)
            .assert()
            .success()
            .stderr(contains("time zone Asia/Dhaka"));
        let ics = std::fs::read_to_string(&path).unwrap();
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(ics.contains("\r\n") && ics.contains("X-WR-TIMEZONE:Asia/Dhaka"));
        let evs = events(&ics);
        let open = json(&db, &["due", "list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "open")
            .count();
        let follow_ups: Vec<_> = evs
            .iter()
            .filter(|e| e["UID"].starts_with("follow-up-"))
            .collect();
        assert_eq!(follow_ups.len(), open);
        // 09:00 in Dhaka (UTC+6) on the due day, unfolded and unescaped back to the title.
        let mine = follow_ups
            .iter()
            .find(|e| e["SUMMARY"].contains("পরীক্ষার পরিকল্পনা"))
            .expect("the Bengali follow-up");
        assert_eq!(mine["DTSTART"], "20261130T030000Z");
        assert_eq!(mine["DTEND"], "20261130T033000Z");
        assert!(
            mine["SUMMARY"].contains(r"পাঠান\; then call Rahim\, after lunch (নদী ট্রেডার্স)"),
            "escaped as RFC 5545 says: {}",
            mine["SUMMARY"]
        );
        // Weekly check-ins at 10:00 on Mondays; this week's say they are drafted.
        let checkins: Vec<_> = evs
            .iter()
            .filter(|e| e["UID"].starts_with("checkin-"))
            .collect();
        assert!(!checkins.is_empty());
        let this_week: Vec<_> = checkins
            .iter()
            .filter(|e| e["DTSTART"] == "20261123T040000Z")
            .collect();
        let drafted = json(&db, &["outbox", "list", "--json"])
            .as_array()
            .unwrap()
            .len();
        assert_eq!(this_week.len(), drafted);
        assert!(
            this_week
                .iter()
                .all(|e| e["DESCRIPTION"].contains("candor outbox send"))
        );
        // One client only; and another zone moves the same entry.
        let fjord = candor(&db)
            .args([
                "calendar",
                "export",
                "--client",
                "Fjordlys AS",
                "--tz",
                "Europe/Oslo",
            ])
            .output()
            .unwrap();
        let fjord = events(&String::from_utf8(fjord.stdout).unwrap());
        assert!(!fjord.is_empty());
        assert!(fjord.iter().all(|e| e["SUMMARY"].contains("Fjordlys AS")));
        assert!(
            fjord
                .iter()
                .any(|e| e["UID"].starts_with("checkin-") && e["DTSTART"] == "20261123T090000Z")
        );
        candor(&db)
            .args(["calendar", "export", "--tz", "Mars/Olympus"])
            .assert()
            .code(2)
            .stderr(contains("Mars/Olympus"));
    }
}

#[test]
fn feed_tokens_are_made_listed_and_revoked() {
    for db in backends() {
        candor(&db).arg("demo").assert().success();
        let made = json(
            &db,
            &[
                "calendar",
                "feed",
                "create",
                "--label",
                "Maya's phone",
                "--json",
            ],
        );
        let token = made["token"].as_str().unwrap();
        assert_eq!(token.len(), 64);
        assert_eq!(made["url"], format!("/calendar/{token}.ics"));
        let listed = candor(&db)
            .args(["calendar", "feed", "list", "--json"])
            .output()
            .unwrap();
        let listed = String::from_utf8(listed.stdout).unwrap();
        assert!(!listed.contains(token), "the token is shown once");
        assert!(listed.contains("Maya's phone"));
        let id = made["id"].to_string();
        candor(&db)
            .args(["calendar", "feed", "revoke", &id])
            .assert()
            .success()
            .stdout(contains("revoked"));
        let after = json(&db, &["calendar", "feed", "list", "--json"]);
        assert!(after[0]["revoked_at"].is_string());
        candor(&db)
            .args([
                "calendar",
                "feed",
                "create",
                "--label",
                "x",
                "--client",
                "Nobody BV",
            ])
            .assert()
            .code(2)
            .stderr(contains("Nobody BV"));
    }
}
