//! The incident playbook through the real binary: the full flow of each kind, on SQLite and
//! (when `CANDOR_TEST_POSTGRES_URL` is set) PostgreSQL, and the contract scripts rely on.

use assert_cmd::Command;
use candor_testkit::{TestDb, backends};
use serde_json::Value;

mod common;
use common::{candor_on, json_of};

fn candor(db: &TestDb) -> Command {
    candor_on(db, TODAY)
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    json_of(candor(db).args(args))
}

/// A Friday; "now" is noon UTC of this day (see `App::now`).
const TODAY: &str = "2026-11-20";

/// Runs a command that must fail with `code`; returns stderr.
fn fails(db: &TestDb, args: &[&str], code: i32) -> String {
    let out = candor(db).args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn show(db: &TestDb, id: &str) -> Value {
    json(db, &["incident", "show", id, "--json"])
}

fn advance(db: &TestDb, id: &str, to: &str) {
    let v = json(db, &["incident", "advance", id, "--json"]);
    assert_eq!(v["step"], to, "{v}");
}

fn setup(db: &TestDb) {
    json(
        db,
        &[
            "client",
            "add",
            "--name",
            "Acme BV",
            "--language",
            "nl",
            "--country",
            "NL",
            "--time-zone",
            "Europe/Amsterdam",
            "--goals",
            "Online bestellen in alle vestigingen",
            "--key-date",
            "jaarlijkse aandeelhoudersvergadering=2026-11-26",
            "--json",
        ],
    );
    json(
        db,
        &[
            "project",
            "add",
            "--client",
            "Acme BV",
            "--name",
            "Webshop",
            "--start",
            "2026-09-01",
            "--deadline",
            "2026-11-24",
            "--json",
        ],
    );
}

fn open(db: &TestDb, kind: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "incident",
        "open",
        "--kind",
        kind,
        "--client",
        "Acme BV",
        "--trouble-since",
        "2026-11-18",
        "--json",
    ];
    args.extend_from_slice(extra);
    let v = json(db, &args);
    assert_eq!(v["kind"], kind);
    assert_eq!(v["step"], "investigate");
    v["id"].as_i64().expect("id").to_string()
}

fn checklist_item<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {v}"))
}

/// Record entries of one incident, read back through `record list`.
fn incident_records(db: &TestDb, id: &str) -> Vec<Value> {
    let all = json(db, &["record", "list", "--client", "Acme BV", "--json"]);
    all.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["incident_id"].as_i64().map(|n| n.to_string()).as_deref() == Some(id))
        .cloned()
        .collect()
}

#[test]
fn delay_full_flow_with_gate_and_channel_order() {
    for db in backends() {
        setup(&db);
        let id = open(&db, "delay", &["--project", "Webshop"]);
        assert_eq!(
            show(&db, &id)["deadline"],
            "2026-11-24",
            "deadline comes from the project"
        );
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--cause",
                "Jared forgot the data export",
                "--json",
            ],
        );
        advance(&db, &id, "prepare");
        // The gate: exit 1, the missing checklist IDs, the step unchanged.
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--plan",
                "Second developer on the export",
                "--json",
            ],
        );
        let err = fails(&db, &["incident", "advance", &id], 1);
        assert!(
            err.contains("new_date") && err.contains("impact") && err.contains("remedy"),
            "{err}"
        );
        assert!(!err.contains("plan,"), "{err}");
        let out = candor(&db)
            .args(["incident", "advance", &id, "--json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["missing"],
            serde_json::json!(["impact", "new_date", "remedy"])
        );
        let s = show(&db, &id);
        assert_eq!(s["step"], "prepare");
        assert_eq!(checklist_item(&s, "new_date")["done"], false);
        assert_eq!(checklist_item(&s, "new_date")["required"], true);
        assert!(s["client_told_at"].is_null());
        // A weekend or past date is refused; the impact is prefilled from the key date.
        fails(
            &db,
            &["incident", "set", &id, "--new-date", "2026-11-28"],
            2,
        );
        fails(
            &db,
            &["incident", "log", &id, "call", "--outcome", "too early"],
            2,
        );
        let s = json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--new-date",
                "2026-11-27",
                "--remedy",
                "discount:10%",
                "--json",
            ],
        );
        assert_eq!(
            s["client_facing"]["impact"],
            "Nodig vóór jaarlijkse aandeelhoudersvergadering (2026-11-26)"
        );
        advance(&db, &id, "contact");
        // call → voicemail → email needs no reason; told by email, so a call must follow.
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "call",
                "--no-answer",
                "--outcome",
                "No answer",
                "--at",
                "2026-11-20T08:00:00Z",
                "--json",
            ],
        );
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "voicemail",
                "--outcome",
                "Asked to call back",
                "--at",
                "2026-11-20T08:01:00Z",
                "--json",
            ],
        );
        let s = json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "email",
                "--outcome",
                "Sent the news and the new date",
                "--at",
                "2026-11-20T09:00:00Z",
                "--json",
            ],
        );
        assert_eq!(s["client_told_at"], "2026-11-20T09:00:00Z");
        assert_eq!(s["missing"], serde_json::json!(["call_held"]));
        fails(&db, &["incident", "advance", &id], 1);
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "call",
                "--outcome",
                "Agreed on the 27th",
                "--at",
                "2026-11-20T11:00:00Z",
                "--json",
            ],
        );
        advance(&db, &id, "follow_up");
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--follow-up-summary",
                "Summary email sent",
                "--delivered",
                "2026-11-20",
                "--json",
            ],
        );
        advance(&db, &id, "retrospective");
        fails(
            &db,
            &[
                "incident",
                "retro",
                &id,
                "--what-happened",
                "Export forgotten",
            ],
            2,
        );
        json(
            &db,
            &[
                "incident",
                "retro",
                &id,
                "--what-happened",
                "The export step was not on the checklist",
                "--factor",
                "Handover without a checklist",
                "--action",
                "Add export to the release checklist | Maya Jensen | 2026-12-04",
                "--json",
            ],
        );
        advance(&db, &id, "closed");
        let s = show(&db, &id);
        let steps: Vec<&str> = s["transitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["to"].as_str().unwrap())
            .collect();
        assert_eq!(
            steps,
            [
                "investigate",
                "prepare",
                "contact",
                "follow_up",
                "retrospective",
                "closed"
            ]
        );
        assert!(
            s["transitions"]
                .as_array()
                .unwrap()
                .iter()
                .all(|t| t["at"].is_string())
        );
        assert_eq!(s["figures"]["hours_to_tell"], 57.0);
        assert_eq!(s["figures"]["told_before_deadline"], true);
        let kinds: Vec<String> = incident_records(&db, &id)
            .iter()
            .map(|e| e["kind"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            kinds,
            ["call", "voicemail", "email", "call"],
            "{}",
            db.backend
        );
        // The internal cause is kept apart from what the client may see.
        let cf = s["client_facing"].to_string();
        assert!(!cf.contains("Jared"), "{cf}");
        assert_eq!(s["internal"]["cause"], "Jared forgot the data export");
    }
}

#[test]
fn mistake_flow_with_skips_and_email_first() {
    for db in backends() {
        setup(&db);
        let id = open(&db, "mistake", &[]);
        fails(
            &db,
            &["incident", "skip", &id, "investigate", "--reason", "n/a"],
            2,
        );
        fails(
            &db,
            &[
                "incident",
                "skip",
                &id,
                "prepare",
                "--reason",
                "No time to prepare today",
            ],
            2,
        );
        let s = json(
            &db,
            &[
                "incident",
                "skip",
                &id,
                "investigate",
                "--reason",
                "The cause is plain: the invoice run used old prices",
                "--json",
            ],
        );
        assert_eq!(s["step"], "prepare");
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--impact",
                "Invoices with wrong prices went to their customers",
                "--plan",
                "Credit notes today",
                "--plan",
                "Corrected invoices tomorrow",
                "--remedy",
                "hours:8",
                "--json",
            ],
        );
        advance(&db, &id, "contact");
        let err = fails(
            &db,
            &[
                "incident",
                "log",
                &id,
                "email",
                "--outcome",
                "Sent the news",
                "--at",
                "2026-11-20T09:00:00Z",
            ],
            2,
        );
        assert!(err.contains("reason"), "{err}");
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "email",
                "--outcome",
                "Sent the news",
                "--at",
                "2026-11-20T09:00:00Z",
                "--reason",
                "The client asked for email while travelling",
                "--call-on",
                "2026-11-23",
                "--json",
            ],
        );
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "meeting",
                "--outcome",
                "Walked through the credit notes",
                "--at",
                "2026-11-20T10:00:00Z",
                "--json",
            ],
        );
        advance(&db, &id, "follow_up");
        json(
            &db,
            &[
                "incident",
                "skip",
                &id,
                "retrospective",
                "--reason",
                "Reviewed in the monthly team review",
                "--json",
            ],
        );
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--follow-up-summary",
                "Confirmed by email",
                "--delivered",
                "2026-11-20",
                "--json",
            ],
        );
        advance(&db, &id, "closed");
        let notes: Vec<Value> = incident_records(&db, &id)
            .into_iter()
            .filter(|e| e["kind"] == "note")
            .collect();
        let bodies: Vec<&str> = notes.iter().map(|e| e["body"].as_str().unwrap()).collect();
        assert_eq!(
            bodies,
            [
                "The cause is plain: the invoice run used old prices",
                "Reviewed in the monthly team review"
            ]
        );
        let s = show(&db, &id);
        let contacts = s["contacts"].as_array().unwrap();
        assert_eq!(
            contacts[0]["email_first_reason"],
            "The client asked for email while travelling"
        );
        assert_eq!(contacts[0]["call_planned_on"], "2026-11-23");
    }
}

#[test]
fn broken_promise_flow_with_legal_and_reports() {
    for db in backends() {
        setup(&db);
        let c = json(
            &db,
            &[
                "commitment",
                "add",
                "--client",
                "Acme BV",
                "--text",
                "Offline ordering in the app",
                "--made-by",
                "Former account manager",
                "--made-at",
                "2026-06-01",
                "--source",
                "clause:MSA §4.2",
                "--json",
            ],
        );
        let cid = c["id"].to_string();
        let id = open(&db, "broken_promise", &[]);
        let s = show(&db, &id);
        assert_eq!(
            s["missing"],
            serde_json::json!(["promise_traced", "contract_checked"]),
            "goals come from the client"
        );
        fails(
            &db,
            &[
                "incident",
                "skip",
                &id,
                "investigate",
                "--reason",
                "We already know who promised it",
            ],
            2,
        );
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--commitment",
                &cid,
                "--legal",
                "yes",
                "--legal-clause",
                "MSA §4.2",
                "--evidence",
                &format!("commitment:{cid}"),
                "--json",
            ],
        );
        advance(&db, &id, "prepare");
        fails(
            &db,
            &["incident", "set", &id, "--remedy", "discount:150%"],
            2,
        );
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--impact",
                "Their field staff cannot order offline",
                "--remedy",
                "substitute:Mobile web ordering with offline cache, free for a year",
                "--json",
            ],
        );
        let err = fails(&db, &["incident", "advance", &id], 1);
        assert!(err.contains("legal_consulted"), "{err}");
        json(
            &db,
            &[
                "incident",
                "set",
                &id,
                "--legal-consulted",
                "Legal: clause 4.2 is best effort",
                "--json",
            ],
        );
        advance(&db, &id, "contact");
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "email",
                "--call-request",
                "--outcome",
                "Asked for a call on Monday",
                "--at",
                "2026-11-20T08:00:00Z",
                "--json",
            ],
        );
        let s = show(&db, &id);
        assert!(
            s["client_told_at"].is_null(),
            "a call request does not tell the news"
        );
        json(
            &db,
            &[
                "incident",
                "log",
                &id,
                "call",
                "--outcome",
                "Explained and offered the alternative",
                "--at",
                "2026-11-20T10:30:00Z",
                "--json",
            ],
        );
        advance(&db, &id, "follow_up");
        let remedies = json(&db, &["remedies", "--client", "Acme BV", "--json"]);
        assert_eq!(remedies[0]["remedy"]["type"], "substitute");
        let report = json(&db, &["report", "comms", "--json"]);
        assert_eq!(report["summary"]["all"]["incidents"], 1);
        assert_eq!(report["summary"]["all"]["told"], 1);
        assert_eq!(report["incidents"][0]["hours_to_tell"], 58.5);
        assert_eq!(report["summary"]["by_kind"]["broken_promise"]["told"], 1);
        let list = json(&db, &["incident", "list", "--open", "--json"]);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert!(
            !s["client_facing"].to_string().contains("MSA"),
            "legal notes stay internal"
        );
    }
}
