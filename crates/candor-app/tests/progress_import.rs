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

async fn milestone(app: &App, title: &str, due: &str, scope: u32) {
    app.add_milestone(&candor_app::MilestoneInput {
        project: "Webwinkel".into(),
        client: None,
        title: title.into(),
        due: due.into(),
        scope: scope.to_string(),
    })
    .await
    .unwrap();
}

async fn log(app: &App, milestone: Option<&str>, date: &str, done: u32) -> i64 {
    app.log_progress(&candor_app::ProgressInput {
        project: "Webwinkel".into(),
        milestone: milestone.map(str::to_owned),
        date: Some(date.into()),
        done: done.to_string(),
        added: "0".into(),
        ..candor_app::ProgressInput::default()
    })
    .await
    .unwrap()
    .id
}

fn forecast_query() -> candor_app::ForecastQuery {
    candor_app::ForecastQuery {
        project: Some("Webwinkel".into()),
        seed: Some(11),
        as_of: Some("2026-10-12".into()),
        ..candor_app::ForecastQuery::default()
    }
}

/// (milestone, remaining, p50, p85) of every forecast row.
async fn forecast(app: &App) -> Vec<(Option<String>, u32, Option<String>, Option<String>)> {
    app.forecast(&forecast_query())
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let s = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string());
            (r.milestone, r.remaining, s(r.p50), s(r.p85))
        })
        .collect()
}

#[tokio::test]
async fn an_import_supersedes_progress_logged_by_hand_toward_the_milestones_it_fills() {
    for (db, twin_db) in backends().into_iter().zip(backends()) {
        // Two workspaces alike but for 3 items logged by hand toward Design, which the import
        // fills: after the import their forecasts must be the same to the day.
        let app = workspace(&db).await;
        let twin = workspace(&twin_db).await;
        for a in [&app, &twin] {
            milestone(a, "Design", "2026-10-30", 10).await;
            milestone(a, "Support", "2026-11-20", 4).await;
        }
        let design = log(&app, Some("Design"), "2026-09-15", 3).await;
        let mut counted = Vec::new();
        for a in [&app, &twin] {
            counted.push(log(a, Some("Support"), "2026-10-05", 2).await);
            counted.push(log(a, None, "2026-10-06", 1).await);
        }
        let before = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(before.scope.remaining, 14 - 6, "{}", db.backend);
        assert!(before.superseded.is_empty());

        let mut reports = Vec::new();
        for a in [&app, &twin] {
            let r = a
                .import_progress(&input(
                    "generic.csv",
                    fixture("generic.csv"),
                    Some("milestone"),
                ))
                .await
                .unwrap();
            reports.push(r);
        }
        let r = &reports[0];
        assert_eq!(r.detail.notes.len(), 1, "{:?}", r.detail.notes);
        let note = &r.detail.notes[0];
        assert!(
            note.contains("\"Design\"")
                && note.contains("1 entry logged by hand toward it (3 done, 0 added) is kept")
                && note.contains("no longer counted"),
            "{note}"
        );
        assert!(
            reports[1].detail.notes.is_empty(),
            "{:?}",
            reports[1].detail.notes
        );

        // The fixture: Design planned 2 (W-1, W-2, both done), Build planned 1 (W-3, open),
        // then W-4, W-5 (done) and W-6 added. Support (4 planned, 2 done by hand) and the
        // entry without a milestone (1 done) still count; the 3 toward Design do not.
        let view = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(view.superseded, [design], "{}", db.backend);
        let kept = [design, counted[0], counted[1]];
        assert!(
            kept.iter()
                .all(|id| view.progress.iter().any(|e| e.id == *id)),
            "nothing deleted"
        );
        assert_eq!(
            (view.scope.planned, view.scope.added, view.scope.done),
            (2 + 1 + 4, 3, 3 + 2 + 1),
            "{}",
            db.backend
        );
        assert_eq!(
            view.scope.remaining, 4,
            "3 open in the tracker + 2 of Support - 1"
        );
        let rows = forecast(&app).await;
        assert_eq!(rows[0].1, 4, "{rows:?}");
        let support = rows
            .iter()
            .find(|r| r.0.as_deref() == Some("Support"))
            .unwrap();
        assert_eq!(
            support.1, 2,
            "Design is all done; Support has 2 left: {rows:?}"
        );
        assert_eq!(rows, forecast(&twin).await, "throughput and scope alike");
        let listed = app
            .projects(None)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.project.name == "Webwinkel")
            .unwrap();
        assert_eq!(listed.scope, view.scope);
        // The client's share page counts the same way.
        let link = app.create_share_link("Webwinkel", "test").await.unwrap();
        let shared = app.shared_project(&link.token).await.unwrap();
        assert_eq!(shared.scope, view.scope, "{}", db.backend);

        // Re-import: nothing written, nothing else superseded.
        let again = app
            .import_progress(&input(
                "generic.csv",
                fixture("generic.csv"),
                Some("milestone"),
            ))
            .await
            .unwrap();
        assert_eq!(again.detail.writes, 0, "{}", db.backend);
        assert_eq!(again.risk_before, again.risk_after);
        assert_eq!(again.detail.notes, r.detail.notes);
        let view2 = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(view2.progress, view.progress);
        assert_eq!(view2.superseded, view.superseded);

        // An import without milestones also fills the project's work outside milestones: the
        // entry logged by hand without a milestone is superseded too; Support still counts.
        let backlog = "id,title,created,started,done\nB-1,Hosting,2026-08-30,,2026-10-07\n";
        let r = app
            .import_progress(&input("b.csv", backlog.as_bytes().to_vec(), None))
            .await
            .unwrap();
        assert!(
            r.detail.notes.iter().any(|n| n
                .contains("1 entry logged by hand without a milestone (1 done, 0 added) is kept")),
            "{:?}",
            r.detail.notes
        );
        let view3 = app.project_view("Webwinkel", None).await.unwrap();
        assert_eq!(view3.superseded, [design, counted[1]], "{}", db.backend);
        assert_eq!(
            (view3.scope.planned, view3.scope.done, view3.scope.remaining),
            (8, 3 + 1 + 2, 5),
            "B-1 planned and done; the entry without a milestone no longer counts"
        );
        assert!(
            !view3.superseded.contains(&counted[0]),
            "Support still counts"
        );
    }
}
