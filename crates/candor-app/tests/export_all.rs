//! Export and import-json over every table that holds user data: a workspace with every exported
//! table populated round-trips byte for byte within and across SQLite and PostgreSQL, the record
//! chain verifies after import, logins, API tokens and the search index keep working, and no table
//! of the live schema is left off both the export and the commented exclusion list.
//! (The foundation round trip and bad-file cases live in conformance.rs and record_chain.rs.)

use candor_app::accounts::UserInput;
use candor_app::{
    App, ClientInput, ComposeRequest, ContactLogInput, FollowUpInput, IncidentSetInput,
    OpenIncidentInput, OutboxInput, ProgressImportInput, ProjectInput, TeamInput,
};
use candor_store::{EXPORTED_TABLES, NOT_EXPORTED, SOFT_REFERENCES};
use candor_testkit::{TestDb, backends};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../candor-progress/tests/fixtures"
);

const INCOMING: &str = "From: Ingrid Berg <ingrid@nordlys.example>\nTo: Maya Jensen <maya@agency.example>\n\
Subject: Mobile app\nDate: Mon, 13 Apr 2026 09:00:00 +0200\nMessage-ID: <in-1@nordlys.example>\n\n\
When will the mobile app be ready?\n";
const OUTGOING: &str = "From: Maya Jensen <maya@agency.example>\nTo: Ingrid Berg <ingrid@nordlys.example>\n\
Subject: Re: Mobile app\nDate: Tue, 14 Apr 2026 10:00:00 +0200\nMessage-ID: <out-1@agency.example>\n\
In-Reply-To: <in-1@nordlys.example>\nReferences: <in-1@nordlys.example>\n\n\
Hi Ingrid,\n\nWe will deliver the mobile app by 1 May. Could you send the logo?\n";
const STRANGER: &str = "From: someone@elsewhere.example\nTo: maya@agency.example\n\
Subject: Hello\nDate: Wed, 15 Apr 2026 10:00:00 +0000\nMessage-ID: <x-1@elsewhere.example>\n\nHi there.\n";

async fn open(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-11-25".parse().unwrap());
    app
}

/// The secrets handed out while building the workspace (candor keeps only their digests).
struct Secrets {
    api_token: String,
    share_link: String,
    calendar_feed: String,
}

/// The demo plus one of everything: a mail import with a promise candidate, an incident walked
/// through its steps, a follow-up, an outbox draft, a saved composer draft, work items from a
/// progress import, a live progress source, a user with an API token, a share link, calendar
/// settings (days off, team country and time zone) and a calendar feed.
async fn populated(db: &TestDb, dir: &Path) -> (App, Secrets) {
    let app = open(db).await;
    app.demo().await.unwrap();
    app.add_team_member(&TeamInput {
        name: "Maya Jensen".into(),
        email: "maya@agency.example".into(),
        role: "lead".into(),
    })
    .await
    .unwrap();
    app.add_client(&ClientInput {
        name: "Nordlys".into(),
        language: "nb".into(),
        country: "NO".into(),
        time_zone: "Europe/Oslo".into(),
        goals: "A mobile app for the spring".into(),
        key_dates: vec!["launch=2027-02-01".into()],
        domains: vec!["nordlys.example".into()],
    })
    .await
    .unwrap();
    app.add_project(&ProjectInput {
        client: "Nordlys".into(),
        name: "Mobile app".into(),
        start: "2026-09-01".into(),
        deadline: "2027-03-01".into(),
        status: None,
    })
    .await
    .unwrap();

    let md = dir.join("Maildir");
    for (name, text) in [
        ("cur/1.a:2,S", INCOMING),
        ("cur/2.a:2,S", OUTGOING),
        ("new/3.a", STRANGER),
    ] {
        let p = md.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let summary = app
        .import_mail(&[md], None, &dir.join("index"), &mut |_| {})
        .await
        .unwrap();
    assert_eq!(summary.imported, 3, "{}", db.backend);

    let i = app
        .open_incident(&OpenIncidentInput {
            kind: "mistake".into(),
            client: "Nordlys".into(),
            project: Some("Mobile app".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let mail_record = app.records(Some("Nordlys"), None, None).await.unwrap()[0].id;
    app.skip_incident_step(
        i.id,
        "investigate",
        "The cause is plain: the build used old texts",
        None,
    )
    .await
    .unwrap();
    app.set_incident(
        i.id,
        &IncidentSetInput {
            impact: Some("The app showed last year's prices".into()),
            plan: vec!["Fix the texts today".into()],
            remedy: Some("hours:4".into()),
            evidence: vec![format!("record:{mail_record}")],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    app.advance_incident(i.id).await.unwrap();
    app.log_incident_contact(
        i.id,
        &ContactLogInput {
            channel: "email".into(),
            outcome: "Sent the news".into(),
            reason: Some("Ingrid asked for email while travelling".into()),
            call_on: Some("2026-11-27".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    app.add_follow_up(&FollowUpInput {
        client: "Nordlys".into(),
        project: Some("Mobile app".into()),
        title: "Send the test build".into(),
        due: None,
        in_business_days: Some(3),
    })
    .await
    .unwrap();
    app.outbox_add(&OutboxInput {
        client: "Nordlys".into(),
        project: Some("Mobile app".into()),
        to: vec!["ingrid@nordlys.example".into()],
        subject: "Test build".into(),
        body: "Hei Ingrid,\n\nTestversjonen kommer fredag.\n".into(),
    })
    .await
    .unwrap();
    app.compose(&ComposeRequest {
        message_type: "weekly_checkin".into(),
        project: Some("Bookingløsning".into()),
        save: true,
        ..Default::default()
    })
    .await
    .unwrap();

    app.import_progress(&ProgressImportInput {
        project: "Mobile app".into(),
        file_name: "generic.csv".into(),
        bytes: std::fs::read(format!("{FIXTURES}/generic.csv")).unwrap(),
        milestone_from: Some("milestone".into()),
        ..Default::default()
    })
    .await
    .unwrap();

    let user = app
        .add_user(&UserInput {
            email: "maya@agency.example".into(),
            name: "Maya Jensen".into(),
            password: "correct horse battery staple".into(),
            role: Some("admin".into()),
            language: Some("nb".into()),
        })
        .await
        .unwrap();
    let api_token = app
        .create_api_token(user.id, "backup script")
        .await
        .unwrap()
        .secret;
    let share_link = app
        .create_share_link("Mobile app", "maya@agency.example")
        .await
        .unwrap()
        .token;
    let calendar_feed = app
        .create_calendar_feed("Team calendar", Some("Nordlys"))
        .await
        .unwrap()
        .token;
    app.set_team_time_zone("Europe/Amsterdam").await.unwrap();
    app.add_day_off("2026-12-24", "Christmas Eve")
        .await
        .unwrap();
    app.set_team_country("NL").await.unwrap();

    let mut tx = app.begin().await.unwrap();
    let project = tx.projects(None).await.unwrap().last().unwrap().id;
    tx.upsert_progress_source(project, "github", "fjordlys/app", Some("milestone"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let secrets = Secrets {
        api_token,
        share_link,
        calendar_feed,
    };
    (app, secrets)
}

/// On PostgreSQL, checks that every identity sequence of an exported table will hand out an id
/// above the largest restored one (SQLite's AUTOINCREMENT follows by itself).
async fn sequences_continue(app: &App) {
    use sqlx::Row;
    let mut tx = app.begin().await.unwrap();
    let mut checked = 0;
    for t in EXPORTED_TABLES {
        let schema = tx.table_schema(t).await.unwrap();
        let [key] = schema.key.as_slice() else {
            continue;
        };
        let seq: Option<String> = sqlx::query("SELECT pg_get_serial_sequence($1, $2) AS s")
            .bind(*t)
            .bind(key.as_str())
            .fetch_one(tx.conn())
            .await
            .unwrap()
            .get("s");
        let Some(seq) = seq else { continue };
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT CAST(last_value AS BIGINT) AS last, CAST(is_called AS INTEGER) AS called,
                    (SELECT COALESCE(MAX({key}), 0) FROM {t}) AS max_id FROM {seq}"
        )))
        .fetch_one(tx.conn())
        .await
        .unwrap();
        let (last, called, max_id): (i64, i32, i64) =
            (r.get("last"), r.get("called"), r.get("max_id"));
        let next = if called == 1 { last + 1 } else { last };
        assert!(
            next > max_id,
            "{t}: next id {next}, restored up to {max_id}"
        );
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} sequences found");
}

/// Rows per exported table, from an export's text.
fn counts(text: &str) -> Vec<(String, usize)> {
    let v: Value = serde_json::from_str(text).unwrap();
    v["tables"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(t, rows)| (t.clone(), rows.as_array().unwrap().len()))
        .collect()
}

#[tokio::test]
async fn every_table_is_exported_or_excluded_for_a_reason() {
    for db in backends() {
        let app = open(&db).await;
        let mut tx = app.begin().await.unwrap();
        let live: BTreeSet<String> = tx.table_names().await.unwrap().into_iter().collect();
        let exported: BTreeSet<String> = EXPORTED_TABLES.iter().map(|t| t.to_string()).collect();
        let excluded: BTreeSet<String> = NOT_EXPORTED.iter().map(|(t, _)| t.to_string()).collect();
        assert_eq!(
            exported.len(),
            EXPORTED_TABLES.len(),
            "a table is listed twice"
        );
        assert!(
            exported.is_disjoint(&excluded),
            "both exported and excluded: {:?}",
            exported.intersection(&excluded).collect::<Vec<_>>()
        );
        let unlisted: Vec<_> = live
            .iter()
            .filter(|t| !exported.contains(*t) && !excluded.contains(*t))
            .collect();
        assert!(
            unlisted.is_empty(),
            "{}: tables neither exported nor on NOT_EXPORTED (with a reason): {unlisted:?}",
            db.backend
        );
        let stale: Vec<_> = exported
            .union(&excluded)
            .filter(|t| !live.contains(*t))
            .collect();
        assert!(
            stale.is_empty(),
            "{}: listed but not in the schema: {stale:?}",
            db.backend
        );
        assert!(NOT_EXPORTED.iter().all(|(_, why)| why.len() > 10));
        // Restore order: every foreign key points at a table restored earlier (or the same one).
        for (i, t) in EXPORTED_TABLES.iter().enumerate() {
            for r in tx.table_schema(t).await.unwrap().references {
                let (col, parent) = (r.column, r.parent);
                let at = EXPORTED_TABLES.iter().position(|p| *p == parent);
                assert!(
                    at.is_some_and(|p| p <= i)
                        || SOFT_REFERENCES
                            .iter()
                            .any(|s| (s.0, s.1, s.2) == (*t, col.as_str(), parent.as_str())),
                    "{t}.{col} points at {parent}, which is restored later or not at all"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_full_workspace_round_trips_byte_for_byte_within_and_across_backends() {
    let dir = tempfile::tempdir().unwrap();
    for (n, src) in backends().iter().enumerate() {
        let (app, secrets) = populated(src, &dir.path().join(format!("src{n}"))).await;
        let first = app.export_json().await.unwrap();
        for (table, rows) in counts(&first) {
            assert!(
                rows > 0,
                "{}: table {table} is empty in the test workspace",
                src.backend
            );
        }
        assert_eq!(
            counts(&first).len(),
            EXPORTED_TABLES.len(),
            "every exported table is in the file"
        );
        assert!(
            first.contains("\"password_hash\": \"$argon2id$"),
            "logins are kept"
        );
        for (m, dst) in backends().iter().enumerate() {
            let target = open(dst).await;
            let restored = target.import_json(&first, "export.json").await.unwrap();
            assert_eq!(restored.count("users"), 1);
            let again = target.export_json().await.unwrap();
            assert!(
                again == first,
                "{} → {}: export after import differs",
                src.backend,
                dst.backend
            );
            if dst.backend == "postgres" {
                sequences_continue(&target).await;
            }
            let chains = target.verify_records(None).await.unwrap();
            assert!(!chains.is_empty());
            assert!(
                chains.iter().all(|c| c.broken.is_none()),
                "{} → {}: {chains:?}",
                src.backend,
                dst.backend
            );
            // New rows continue after the restored ids on every table with a sequence.
            let fu = target
                .add_follow_up(&FollowUpInput {
                    client: "Nordlys".into(),
                    project: None,
                    title: "After the restore".into(),
                    due: Some("2026-12-01".into()),
                    in_business_days: None,
                })
                .await
                .unwrap();
            let max_fu = serde_json::from_str::<Value>(&first).unwrap()["tables"]["follow_ups"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|r| r["id"].as_i64())
                .max()
                .unwrap();
            assert_eq!(fu.id, max_fu + 1, "{} → {}", src.backend, dst.backend);
            // The password hash came along: the user can log in to the restored workspace.
            let user = target
                .login("maya@agency.example", "correct horse battery staple")
                .await
                .unwrap()
                .expect("the restored password hash accepts the password");
            assert_eq!(user.email, "maya@agency.example");
            // So did the digests: the API token, the share link and the calendar feed handed
            // out before the backup still work.
            let by_token = target.user_for_api_token(&secrets.api_token).await.unwrap();
            assert_eq!(by_token.map(|u| u.id), Some(user.id));
            let shared = target.shared_project(&secrets.share_link).await.unwrap();
            assert_eq!(shared.project, "Mobile app");
            target
                .calendar_feed_ics(&secrets.calendar_feed)
                .await
                .unwrap();
            // The search index of the new database catches up on the restored mail.
            let hits = target
                .search_mail(&dir.path().join(format!("idx{n}{m}")), "logo", None, 10)
                .await
                .unwrap();
            assert_eq!(hits.len(), 1, "{} → {}", src.backend, dst.backend);
        }
    }
}

/// A version 1 file as earlier builds wrote it: the foundation tables as domain objects, read
/// with the same store readers the version 1 export used.
async fn version_1(app: &App) -> String {
    let mut tx = app.begin().await.unwrap();
    let v = json!({
        "format": "candor-workspace",
        "version": 1,
        "team": tx.team_members().await.unwrap(),
        "clients": tx.clients().await.unwrap(),
        "contacts": tx.contacts(None).await.unwrap(),
        "projects": tx.projects(None).await.unwrap(),
        "milestones": tx.milestones(None).await.unwrap(),
        "progress": tx.progress(None).await.unwrap(),
        "commitments": tx.commitments(None).await.unwrap(),
        "records": tx.all_sealed_records().await.unwrap(),
    });
    serde_json::to_string_pretty(&v).unwrap()
}

#[tokio::test]
async fn version_1_files_still_restore_the_foundation_tables() {
    let src_db = candor_testkit::sqlite();
    let src = open(&src_db).await;
    src.demo().await.unwrap();
    let old = version_1(&src).await;
    let current: Value = serde_json::from_str(&src.export_json().await.unwrap()).unwrap();
    for db in backends() {
        let app = open(&db).await;
        let data = app.import_json(&old, "old.json").await.unwrap();
        assert_eq!(data.version, 2);
        assert_eq!(data.count("clients"), 4);
        let restored: Value = serde_json::from_str(&app.export_json().await.unwrap()).unwrap();
        assert_eq!(restored["version"], 2);
        for table in [
            "team_members",
            "clients",
            "client_key_dates",
            "client_domains",
            "contacts",
            "projects",
            "milestones",
            "progress_entries",
            "commitments",
            "record_entries",
        ] {
            assert!(
                !current["tables"][table].as_array().unwrap().is_empty(),
                "the demo fills {table}"
            );
            assert_eq!(
                restored["tables"][table], current["tables"][table],
                "{}: {table}",
                db.backend
            );
        }
        let chains = app.verify_records(None).await.unwrap();
        assert!(chains.iter().all(|c| c.broken.is_none()), "{chains:?}");
    }
}

/// Imports `text` into a fresh database, expecting a refusal that mentions every part of `want`
/// and leaves the database empty.
async fn refused(db: &TestDb, text: &str, want: &[&str]) {
    let app = open(db).await;
    let e = app.import_json(text, "edited.json").await.unwrap_err();
    assert_eq!(e.exit_code(), 2, "{e}");
    let msg = e.to_string();
    for w in want {
        assert!(msg.contains(w), "{}: {msg:?} lacks {w:?}", db.backend);
    }
    assert!(
        msg.contains("edited.json") && msg.contains("nothing was restored"),
        "{msg}"
    );
    let mut tx = app.begin().await.unwrap();
    assert_eq!(
        tx.row_count(EXPORTED_TABLES).await.unwrap(),
        0,
        "{}: rolled back wholly",
        db.backend
    );
}

#[tokio::test]
async fn bad_rows_in_any_table_are_named_and_roll_back_everything() {
    let dir = tempfile::tempdir().unwrap();
    let src_db = candor_testkit::sqlite();
    let (src, _) = populated(&src_db, dir.path()).await;
    let text = src.export_json().await.unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let edit = |table: &str, field: &str, value: Value| {
        let mut d = doc.clone();
        d["tables"][table][0][field] = value;
        serde_json::to_string_pretty(&d).unwrap()
    };
    let first_id = |table: &str| doc["tables"][table][0]["id"].as_i64().unwrap().to_string();
    for db in backends() {
        // A promise candidate whose message is not in the file.
        refused(
            &db,
            &edit("promise_candidates", "mail_id", json!(999)),
            &[
                "table promise_candidates",
                &format!("row id {}", first_id("promise_candidates")),
                "field mail_id",
                "mail_messages 999",
            ],
        )
        .await;
        // A follow-up for an incident that is not in the file (a reference the schema cannot
        // declare).
        refused(
            &db,
            &edit("follow_ups", "incident_id", json!(777)),
            &["table follow_ups", "field incident_id", "incidents 777"],
        )
        .await;
        // Evidence whose record or commitment (by its kind) is not in the file.
        refused(
            &db,
            &edit("incident_evidence", "ref_id", json!(99_999)),
            &["table incident_evidence", "field ref_id", " 99999, "],
        )
        .await;
        // Text where a number belongs, and a field no table has.
        refused(
            &db,
            &edit("work_items", "project_id", json!("Mobile app")),
            &["table work_items", "field project_id", "an integer"],
        )
        .await;
        refused(
            &db,
            &edit("outbox", "colour", json!("red")),
            &["table outbox", "unknown field \"colour\""],
        )
        .await;
        // A value the application cannot read back.
        refused(
            &db,
            &edit("follow_ups", "due", json!("next Tuesday")),
            &["table follow_ups", "due"],
        )
        .await;
        // Two rows with one id: the database refuses, the message says where.
        let mut d = doc.clone();
        let twin = d["tables"]["api_tokens"][0].clone();
        let mut twin2 = twin.clone();
        twin2["token_hash"] = json!("cd".repeat(32));
        d["tables"]["api_tokens"] = json!([twin, twin2]);
        refused(
            &db,
            &serde_json::to_string(&d).unwrap(),
            &[
                "table api_tokens",
                &format!("row id {}", first_id("api_tokens")),
            ],
        )
        .await;
        // SQLite keeps a NUL character in text (some imported mail has one); PostgreSQL cannot.
        if db.backend == "postgres" {
            refused(
                &db,
                &edit("outbox", "subject", json!("Test\u{0}build")),
                &["table outbox", "field subject", "NUL"],
            )
            .await;
        }
        // A table candor does not have.
        let mut d = doc.clone();
        d["tables"]["passwords"] = json!([]);
        refused(&db, &serde_json::to_string(&d).unwrap(), &["\"passwords\""]).await;
    }
}
