//! Progress import and GitHub sync on SQLite and (with CANDOR_TEST_POSTGRES_URL) PostgreSQL:
//! real-shaped exports, re-import as a no-op, moved and reopened items updated in place, bad
//! rows reported while the rest goes in, and a replayed GitHub recording synced twice.

use candor_app::{App, ClientInput, ProgressImportInput, ProgressSyncInput, ProjectInput};
use candor_progress::replay::{self, Recorded};
use candor_testkit::{TestDb, backends};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../candor-progress/tests/fixtures"
);

async fn workspace(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-10-12".parse().unwrap());
    app.add_client(&ClientInput {
        name: "Bakkerij Jansen".into(),
        language: "nl".into(),
        country: "NL".into(),
        time_zone: "Europe/Amsterdam".into(),
        goals: String::new(),
        key_dates: vec![],
        domains: vec!["jansen.nl".into()],
    })
    .await
    .unwrap();
    app.add_project(&ProjectInput {
        client: "Bakkerij Jansen".into(),
        name: "Webwinkel".into(),
        start: "2026-09-01".into(),
        deadline: "2026-12-18".into(),
        status: None,
    })
    .await
    .unwrap();
    app
}

fn input(file: &str, bytes: Vec<u8>, from: Option<&str>) -> ProgressImportInput {
    ProgressImportInput {
        project: "Webwinkel".into(),
        file_name: file.into(),
        bytes,
        milestone_from: from.map(str::to_owned),
        team_tz: Some("Europe/Amsterdam".into()),
        ..ProgressImportInput::default()
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

#[tokio::test]
async fn generic_import_reimport_and_changes_in_place() {
    for db in backends() {
        let app = workspace(&db).await;
        let first = app
            .import_progress(&input(
                "generic.csv",
                fixture("generic.csv"),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!(
            (first.items, first.done, first.open),
            (6, 3, 3),
            "{}",
            db.backend
        );
        assert!(first.skipped.is_empty());
        let keys: Vec<String> = serde_json::to_value(&first)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
        for k in [
            "items",
            "done",
            "open",
            "skipped",
            "risk_before",
            "risk_after",
        ] {
            assert!(keys.contains(&k.to_owned()), "{k} missing from {keys:?}");
        }
        let view = app.project_view("Webwinkel", None).await.unwrap();
        let titles: Vec<&str> = view.milestones.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Build", "Design", "Launch"], "{}", db.backend);
        assert_eq!(view.scope.planned, 3, "W-1, W-2, W-3 existed at the start");
        assert_eq!(view.scope.added, 3, "W-4, W-5, W-6 came later");
        assert_eq!(view.scope.done, 3);
        assert_eq!(view.scope.remaining, 3, "equals the open items");
        assert_eq!(first.risk_after.as_ref().unwrap().remaining, 3);

        let again = app
            .import_progress(&input(
                "generic.csv",
                fixture("generic.csv"),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!(again.detail.unchanged, 6);
        assert_eq!(again.detail.writes, 0, "re-import writes nothing");
        let view2 = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(view2.progress, view.progress, "same entries, same ids");
        assert_eq!(again.risk_before, again.risk_after);

        // W-3 finished, W-5 reopened, W-6 moved to Build.
        let changed = String::from_utf8(fixture("generic.csv"))
            .unwrap()
            .replace(
                "W-3,Templates,2026-09-01,2026-10-01,,Build",
                "W-3,Templates,2026-09-01,2026-10-01,2026-10-09,Build",
            )
            .replace(
                "2026-10-06,2026-10-06,2026-10-08,Build",
                "2026-10-06,2026-10-06,,Build",
            )
            .replace(
                "Go-live checklist,2026-10-07,,,Launch",
                "Go-live checklist,2026-10-07,,,Build",
            );
        let third = app
            .import_progress(&input(
                "generic.csv",
                changed.into_bytes(),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!((third.detail.updated, third.detail.inserted), (3, 0));
        let view3 = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(view3.scope.done, 3, "one more done, one reopened");
        assert_eq!(view3.scope.remaining, 3);
        let launch = view3
            .milestones
            .iter()
            .find(|m| m.title == "Launch")
            .unwrap();
        assert!(
            view3
                .progress
                .iter()
                .all(|e| e.milestone_id != Some(launch.id))
        );
        let oct9: u32 = view3
            .progress
            .iter()
            .filter(|e| e.date.to_string() == "2026-10-09")
            .map(|e| e.done)
            .sum();
        assert_eq!(oct9, 1);
    }
}

#[tokio::test]
async fn every_format_imports_its_sample_and_bad_rows_are_reported() {
    let cases = [
        ("jira.csv", Some("label"), 6, 1),
        ("linear.csv", Some("epic"), 5, 0),
        ("asana.csv", Some("column"), 4, 1),
        ("trello.csv", Some("column"), 4, 1),
        ("github/issues-mixed.json", Some("milestone"), 3, 1),
    ];
    for db in backends() {
        let app = workspace(&db).await;
        for (file, from, items, skipped) in cases {
            let r = app
                .import_progress(&input(file, fixture(file), from))
                .await
                .unwrap();
            assert_eq!(
                (r.items, r.skipped.len()),
                (items, skipped),
                "{file} on {}",
                db.backend
            );
            let again = app
                .import_progress(&input(file, fixture(file), from))
                .await
                .unwrap();
            assert_eq!(again.detail.writes, 0, "{file}: re-import is a no-op");
        }
        let jira = app
            .import_progress(&input("jira.csv", fixture("jira.csv"), None))
            .await
            .unwrap();
        assert_eq!(jira.skipped[0].line, 7);
        assert!(jira.skipped[0].error.contains("column 17 (Created)"));
        let e = app
            .import_progress(&input("trello.csv", fixture("trello.csv"), Some("epic")))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("no epic"), "{e}");
    }
}

#[tokio::test]
async fn github_sync_pages_then_a_conditional_no_op() {
    let pages = replay::load_pages(&format!("{FIXTURES}/github/paginate-issues.json"));
    let server = replay::start(move |req| {
        let page = &pages[replay::page_of(&req.path) - 1];
        match &req.if_none_match {
            Some(tag) if Some(tag) == page.headers.get("ETag") => Recorded {
                status: 304,
                body: serde_json::Value::Null,
                ..page.clone()
            },
            _ => page.clone(),
        }
    });
    for db in backends() {
        let app = workspace(&db).await;
        let sync = |repo: Option<&str>| ProgressSyncInput {
            project: "Webwinkel".into(),
            repo: repo.map(str::to_owned),
            team_tz: Some("UTC".into()),
            api: Some(server.base.clone()),
            token: Some("t".into()),
            ..ProgressSyncInput::default()
        };
        let e = app.sync_progress(&sync(None)).await.unwrap_err();
        assert!(e.to_string().contains("--repo"), "{e}");
        let first = app
            .sync_progress(&sync(Some("octokit-fixture-org/demo")))
            .await
            .unwrap();
        assert_eq!((first.items, first.open), (13, 13), "{}", db.backend);
        assert_eq!(first.detail.pages, vec![Some(5)]);
        let second = app.sync_progress(&sync(None)).await.unwrap();
        assert_eq!(second.detail.pages, vec![None], "304: nothing changed");
        assert_eq!((second.items, second.detail.writes), (0, 0));
        let view = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(
            view.scope.planned, 13,
            "created 2021, before the project start"
        );
        assert_eq!(view.milestones[0].title, "GitHub backlog");
    }
}

#[tokio::test]
async fn a_planned_item_moved_out_of_its_milestone_leaves_it_empty() {
    let csv = |w1: &str| {
        format!(
            "id,title,created,started,done,milestone\n\
             W-1,Sitemap,2026-08-20,,,{w1}\n\
             W-2,Templates,2026-08-21,,,Build\n"
        )
    };
    for db in backends() {
        let app = workspace(&db).await;
        let scopes = |v: &candor_app::ProjectView| -> Vec<(String, u32)> {
            v.milestones
                .iter()
                .map(|m| (m.title.clone(), m.scope))
                .collect()
        };
        app.import_progress(&input(
            "a.csv",
            csv("Design").into_bytes(),
            Some("milestone"),
        ))
        .await
        .unwrap();
        let view = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(
            scopes(&view),
            [("Build".to_owned(), 1), ("Design".to_owned(), 1)]
        );
        let moved = app
            .import_progress(&input(
                "a.csv",
                csv("Build").into_bytes(),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!(moved.detail.updated, 1, "{}", db.backend);
        let view = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(
            scopes(&view),
            [("Build".to_owned(), 2), ("Design".to_owned(), 0)],
            "{}",
            db.backend
        );
        assert_eq!(view.scope.remaining, 2, "W-1 counted once, in Build");
    }
}

#[tokio::test]
async fn a_milestone_shared_with_progress_logged_by_hand_is_pointed_out() {
    for db in backends() {
        let app = workspace(&db).await;
        app.add_milestone(&candor_app::MilestoneInput {
            project: "Webwinkel".into(),
            client: None,
            title: "Design".into(),
            due: "2026-10-30".into(),
            scope: "10".into(),
        })
        .await
        .unwrap();
        app.log_progress(&candor_app::ProgressInput {
            project: "Webwinkel".into(),
            milestone: Some("Design".into()),
            date: Some("2026-09-15".into()),
            done: "3".into(),
            added: "0".into(),
            ..candor_app::ProgressInput::default()
        })
        .await
        .unwrap();
        let r = app
            .import_progress(&input(
                "generic.csv",
                fixture("generic.csv"),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!(r.detail.notes.len(), 1, "{:?}", r.detail.notes);
        assert!(
            r.detail.notes[0].contains("\"Design\"") && r.detail.notes[0].contains("3 items"),
            "{}",
            r.detail.notes[0]
        );
    }
}
