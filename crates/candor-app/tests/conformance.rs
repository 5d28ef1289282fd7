//! The storage conformance suite: every scenario runs on SQLite and, when
//! `CANDOR_TEST_POSTGRES_URL` is set, on PostgreSQL, and must behave the same.

use candor_app::{
    App, AppError, ClientEdit, ClientInput, CommitmentInput, ContactInput, MilestoneInput,
    ProgressInput, ProjectInput, RecordInput, TeamInput,
};
use candor_testkit::{TestDb, backends};

async fn open(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-11-25".parse().unwrap());
    app
}

fn client(name: &str, lang: &str, domain: &str) -> ClientInput {
    ClientInput {
        name: name.into(),
        language: lang.into(),
        country: "NL".into(),
        time_zone: "Europe/Amsterdam".into(),
        goals: "Online bestellen".into(),
        key_dates: vec!["opening=2027-03-01".into()],
        domains: vec![domain.into()],
    }
}

fn project(client: &str, name: &str, deadline: &str) -> ProjectInput {
    ProjectInput {
        client: client.into(),
        name: name.into(),
        start: "2026-09-01".into(),
        deadline: deadline.into(),
        status: None,
    }
}

#[tokio::test]
async fn clients_round_trip_and_edit() {
    for db in backends() {
        let app = open(&db).await;
        let c = app
            .add_client(&client("Acme", "nl", "acme.nl"))
            .await
            .unwrap();
        assert_eq!(c.key_dates[0].label, "opening", "{}", db.backend);
        let edit = ClientEdit {
            language: Some("nb".into()),
            add_domains: vec!["acme.no".into()],
            remove_key_dates: vec!["opening".into()],
            add_key_dates: vec!["board=2027-01-10".into()],
            ..Default::default()
        };
        let c = app.edit_client("acme", &edit).await.unwrap();
        assert_eq!(c.language.code(), "nb");
        assert_eq!(c.email_domains, vec!["acme.nl", "acme.no"]);
        assert_eq!(c.key_dates.len(), 1);
        assert_eq!(c.key_dates[0].date.to_string(), "2027-01-10");
        let view = app.client_view(&c.id.to_string()).await.unwrap();
        assert_eq!(view.client, c, "{}", db.backend);
    }
}

#[tokio::test]
async fn conflicts_roll_back_the_whole_write() {
    for db in backends() {
        let app = open(&db).await;
        app.add_client(&client("Acme", "nl", "acme.nl"))
            .await
            .unwrap();
        let dup = app
            .add_client(&client("ACME", "en", "other.nl"))
            .await
            .unwrap_err();
        assert!(
            matches!(dup, AppError::Conflict(_)),
            "{}: {dup}",
            db.backend
        );
        // The client row is inserted before its domain: the clash on the domain must undo it.
        let clash = app
            .add_client(&client("Beta", "en", "acme.nl"))
            .await
            .unwrap_err();
        assert!(
            matches!(clash, AppError::Conflict(_)),
            "{}: {clash}",
            db.backend
        );
        let names: Vec<String> = app
            .clients()
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, vec!["Acme"], "{}", db.backend);
    }
}

#[tokio::test]
async fn invalid_input_names_the_field_and_writes_nothing() {
    for db in backends() {
        let app = open(&db).await;
        app.add_client(&client("Acme", "nl", "acme.nl"))
            .await
            .unwrap();
        let before = app.export_json().await.unwrap();
        let e = app
            .add_project(&project("Nobody", "Site", "2027-01-01"))
            .await
            .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("Nobody"), "{e}");
        let e = app
            .add_project(&project("Acme", "Site", "2026-02-30"))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("deadline"), "{e}");
        let e = app
            .add_client(&client("Gamma", "fr", "g.nl"))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("language"), "{e}");
        assert_eq!(app.export_json().await.unwrap(), before, "{}", db.backend);
    }
}

#[tokio::test]
async fn progress_milestones_and_scope() {
    for db in backends() {
        let app = open(&db).await;
        app.add_client(&client("Acme", "nl", "acme.nl"))
            .await
            .unwrap();
        app.add_project(&project("Acme", "Site", "2027-01-29"))
            .await
            .unwrap();
        for (title, scope) in [("Design", "10"), ("Build", "30")] {
            app.add_milestone(&MilestoneInput {
                project: "site".into(),
                title: title.into(),
                due: "2027-01-15".into(),
                scope: scope.into(),
                ..Default::default()
            })
            .await
            .unwrap();
        }
        let log = |date: &str, done: &str, added: &str, m: Option<&str>| ProgressInput {
            project: "Site".into(),
            client: Some("Acme".into()),
            milestone: m.map(String::from),
            date: Some(date.into()),
            done: done.into(),
            added: added.into(),
        };
        app.log_progress(&log("2026-11-20", "4", "0", Some("design")))
            .await
            .unwrap();
        app.log_progress(&log("2026-11-23", "3", "2", None))
            .await
            .unwrap();
        let future = app
            .log_progress(&log("2026-11-26", "1", "0", None))
            .await
            .unwrap_err();
        assert!(future.to_string().contains("future"), "{future}");
        let unknown = app
            .log_progress(&log("2026-11-24", "1", "0", Some("Launch")))
            .await
            .unwrap_err();
        assert!(unknown.to_string().contains("Design"), "{unknown}");
        let v = app.project_view("Site", None).await.unwrap();
        assert_eq!(
            (
                v.scope.planned,
                v.scope.added,
                v.scope.done,
                v.scope.remaining
            ),
            (40, 2, 7, 35)
        );
        assert_eq!(
            v.progress[0].milestone_id,
            Some(v.milestones[0].id),
            "{}",
            db.backend
        );
    }
}

#[tokio::test]
async fn commitments_and_records() {
    for db in backends() {
        let app = open(&db).await;
        app.add_client(&client("Acme", "nl", "acme.nl"))
            .await
            .unwrap();
        app.add_client(&client("Beta", "en", "beta.nl"))
            .await
            .unwrap();
        app.add_team_member(&TeamInput {
            name: "Maya".into(),
            email: "maya@x.example".into(),
            role: "am".into(),
        })
        .await
        .unwrap();
        app.add_contact(&ContactInput {
            client: "Acme".into(),
            name: "Sanne".into(),
            email: Some("sanne@acme.nl".into()),
            ..Default::default()
        })
        .await
        .unwrap();
        let rec = |client: &str, at: &str, subject: &str| RecordInput {
            client: client.into(),
            kind: "call".into(),
            at: Some(at.into()),
            author: "Maya".into(),
            participants: vec!["Maya".into(), " ".into(), "Sanne".into()],
            subject: subject.into(),
            body: "Besproken: planning".into(),
            ..Default::default()
        };
        let late = app
            .add_record(&rec("Acme", "2026-11-20T15:00:00Z", "second"))
            .await
            .unwrap();
        app.add_record(&rec("Acme", "2026-11-19", "first"))
            .await
            .unwrap();
        let other = app
            .add_record(&rec("Beta", "2026-11-19", "beta"))
            .await
            .unwrap();
        assert_eq!(late.participants, vec!["Maya", "Sanne"]);
        let list = app.records(Some("Acme"), None, None).await.unwrap();
        let subjects: Vec<&str> = list.iter().map(|e| e.subject.as_str()).collect();
        assert_eq!(subjects, vec!["first", "second"], "{}", db.backend);
        let newest = app.records(Some("Acme"), None, Some(1)).await.unwrap();
        assert_eq!(newest[0].subject, "second");
        let mut input = CommitmentInput {
            client: "Acme".into(),
            text: "Webwinkel live vóór de opening".into(),
            made_by: "Maya".into(),
            made_at: Some("2026-10-01".into()),
            source: Some(format!("record:{}", other.id)),
            due: Some("2027-03-01".into()),
            ..Default::default()
        };
        let wrong = app.add_commitment(&input).await.unwrap_err();
        assert!(wrong.to_string().contains("another client"), "{wrong}");
        input.source = Some(format!("record:{}", late.id));
        let c = app.add_commitment(&input).await.unwrap();
        let c = app.set_commitment_status(c.id, "at-risk").await.unwrap();
        assert_eq!(c.status.as_str(), "at_risk");
        let missing = app.set_commitment_status(999, "kept").await.unwrap_err();
        assert!(matches!(missing, AppError::NotFound { .. }), "{missing}");
    }
}

#[tokio::test]
async fn export_import_is_byte_identical_within_and_across_backends() {
    let sources = backends();
    for src in &sources {
        let app = open(src).await;
        app.demo().await.unwrap();
        let first = app.export_json().await.unwrap();
        for dst in backends() {
            let target = open(&dst).await;
            target.import_json(&first, "export.json").await.unwrap();
            assert_eq!(
                target.export_json().await.unwrap(),
                first,
                "{} → {}",
                src.backend,
                dst.backend
            );
            // Ids continue after the restored ones.
            let c = target
                .add_client(&client("After", "en", "after.example"))
                .await
                .unwrap();
            assert_eq!(c.id, 5, "{} → {}", src.backend, dst.backend);
            let again = target.import_json(&first, "export.json").await.unwrap_err();
            assert!(matches!(again, AppError::Conflict(_)));
        }
    }
}

#[tokio::test]
async fn import_rejects_bad_files_and_writes_nothing() {
    for db in backends() {
        let app = open(&db).await;
        let e = app
            .import_json("{\"format\": 1", "bad.json")
            .await
            .unwrap_err();
        assert!(
            e.to_string().contains("bad.json") && e.to_string().contains("line"),
            "{e}"
        );
        let src_db = candor_testkit::sqlite();
        let src = open(&src_db).await;
        src.demo().await.unwrap();
        let text = src.export_json().await.unwrap();
        // A contact pointing at a client that is not in the file: the restore must roll back.
        let broken = text.replacen("\"client_id\": 1,", "\"client_id\": 99,", 1);
        let e = app.import_json(&broken, "broken.json").await.unwrap_err();
        assert_eq!(e.exit_code(), 2, "{e}");
        assert!(e.to_string().contains("broken.json"), "{e}");
        assert!(app.clients().await.unwrap().is_empty(), "{}", db.backend);
        assert!(app.team().await.unwrap().is_empty(), "{}", db.backend);
    }
}

#[tokio::test]
async fn demo_is_idempotent_and_refuses_foreign_data() {
    for db in backends() {
        let app = open(&db).await;
        let first = app.demo().await.unwrap();
        assert!(first.created);
        assert_eq!(first.clients, 4);
        let langs: Vec<String> = app
            .clients()
            .await
            .unwrap()
            .iter()
            .map(|c| c.language.to_string())
            .collect();
        assert_eq!(langs, vec!["en", "nl", "nb", "bn"]);
        let again = app.demo().await.unwrap();
        assert!(!again.created);
        assert_eq!(
            again.progress_entries, first.progress_entries,
            "{}",
            db.backend
        );
        let fresh = candor_testkit::sqlite();
        let app2 = open(&fresh).await;
        app2.add_client(&client("Mine", "en", "mine.example"))
            .await
            .unwrap();
        assert!(matches!(
            app2.demo().await.unwrap_err(),
            AppError::Conflict(_)
        ));
    }
}

#[tokio::test]
async fn demo_history_is_long_enough_and_one_project_slips() {
    let db = candor_testkit::sqlite();
    let app = open(&db).await;
    app.demo().await.unwrap();
    let today: jiff::civil::Date = "2026-11-25".parse().unwrap();
    let mut slipping = 0;
    for s in app.projects(None).await.unwrap() {
        let v = app
            .project_view(&s.project.id.to_string(), None)
            .await
            .unwrap();
        let first = v.progress.iter().map(|p| p.date).min().unwrap();
        assert!(
            (today - first).get_days() >= 56,
            "{} has under eight weeks of history",
            v.project.name
        );
        // Recent pace (last 30 entries) against what is left before the deadline.
        let recent: Vec<_> = v.progress.iter().rev().take(30).collect();
        let pace = recent.iter().map(|p| f64::from(p.done)).sum::<f64>() / 30.0;
        let business_days_left = f64::from((v.project.deadline - today).get_days()) * 5.0 / 7.0;
        if pace * business_days_left < v.scope.remaining as f64 * 0.8 {
            slipping += 1;
        }
    }
    assert!(slipping >= 1, "no demo project is visibly slipping");
}
