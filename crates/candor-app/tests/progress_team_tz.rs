//! The team's time zone as a workspace setting, and the demo refreshed from the bundled Jira
//! export, on SQLite and (with CANDOR_TEST_POSTGRES_URL) PostgreSQL.

use candor_app::{App, ClientInput, ProgressImportInput, ProjectInput, TeamZoneFrom};
use candor_testkit::{TestDb, backends};

/// A Jira export whose only item was resolved at 18:30 in New York on Thursday 5 March 2026:
/// still Thursday there, already Friday 00:30 in Amsterdam (New York is on daylight saving
/// time from 8 March, Amsterdam from 29 March, so the gap is six hours that day).
const LATE: &str = "Summary,Issue key,Status,Resolution,Created,Updated,Resolved\n\
    Late fix,SHOP-9,Done,Done,02/Mar/26 09:00 AM,05/Mar/26 06:30 PM,05/Mar/26 06:30 PM\n";

async fn workspace(db: &TestDb) -> App {
    let mut app = App::open(&db.url).await.expect("open");
    app.set_today("2026-03-10".parse().unwrap());
    app.add_client(&ClientInput {
        name: "Hudson Bagels".into(),
        language: "en".into(),
        country: "US".into(),
        time_zone: "America/New_York".into(),
        goals: String::new(),
        key_dates: vec![],
        domains: vec!["hudsonbagels.example".into()],
    })
    .await
    .unwrap();
    app.add_project(&ProjectInput {
        client: "Hudson Bagels".into(),
        name: "Shop".into(),
        start: "2026-03-01".into(),
        deadline: "2026-06-30".into(),
        status: None,
    })
    .await
    .unwrap();
    app
}

fn late_import() -> ProgressImportInput {
    ProgressImportInput {
        project: "Shop".into(),
        file_name: "late.csv".into(),
        bytes: LATE.as_bytes().to_vec(),
        file_tz: Some("America/New_York".into()),
        ..ProgressImportInput::default()
    }
}

async fn done_days(app: &App) -> Vec<String> {
    let view = app.project_view("Shop", None).await.unwrap();
    view.progress
        .iter()
        .filter(|e| e.done > 0)
        .map(|e| e.date.to_string())
        .collect()
}

#[tokio::test]
async fn the_team_zone_is_stored_and_moves_a_late_item_to_the_next_day() {
    for db in backends() {
        let app = workspace(&db).await;
        assert_eq!(app.team_time_zone().await.unwrap(), None);
        let e = app.set_team_time_zone("Mars/Base").await.unwrap_err();
        assert!(e.to_string().contains("Mars/Base"), "{e}");
        assert_eq!(app.team_time_zone().await.unwrap(), None, "nothing stored");

        let set = app.set_team_time_zone(" europe/amsterdam ").await.unwrap();
        assert_eq!(set, "Europe/Amsterdam", "{}", db.backend);
        assert_eq!(
            app.team_time_zone().await.unwrap().as_deref(),
            Some("Europe/Amsterdam")
        );
        let (_, from) = app.team_zone(None).await.unwrap();
        assert_eq!(from, TeamZoneFrom::Workspace);

        let first = app.import_progress(&late_import()).await.unwrap();
        assert_eq!((first.items, first.done), (1, 1));
        assert!(
            first.detail.team_zone.starts_with("Europe/Amsterdam"),
            "{}",
            first.detail.team_zone
        );
        assert_eq!(done_days(&app).await, ["2026-03-06"], "Friday in Amsterdam");

        // The team moves to New York: the same file now puts the item on Thursday, in place.
        app.set_team_time_zone("America/New_York").await.unwrap();
        let second = app.import_progress(&late_import()).await.unwrap();
        assert_eq!(
            (second.detail.updated, second.detail.inserted),
            (1, 0),
            "{}",
            db.backend
        );
        assert_eq!(done_days(&app).await, ["2026-03-05"]);

        // A one-off --team-tz beats the setting.
        let mut input = late_import();
        input.team_tz = Some("Asia/Dhaka".into());
        let third = app.import_progress(&input).await.unwrap();
        assert!(third.detail.team_zone.contains("--team-tz"));
        assert_eq!(done_days(&app).await, ["2026-03-06"]);
    }
}

#[tokio::test]
async fn the_demo_is_refreshed_from_the_bundled_jira_export() {
    for db in backends() {
        let mut app = App::open(&db.url).await.expect("open");
        app.set_today("2026-11-26".parse().unwrap());
        app.set_team_time_zone("Europe/Amsterdam").await.unwrap();
        let first = app.refresh_demo_progress().await.unwrap();
        assert_eq!(
            (first.items, first.done, first.open),
            (6, 2, 3),
            "{}",
            db.backend
        );
        assert_eq!(first.skipped.len(), 1);
        assert_eq!(first.skipped[0].line, 7);
        assert!(
            first.skipped[0].error.contains("column 17 (Created)"),
            "{}",
            first.skipped[0].error
        );
        let before = first.risk_before.clone().unwrap();
        let after = first.risk_after.clone().unwrap();
        assert!(before.error.is_none(), "{before:?}");
        assert_eq!(
            after.remaining,
            before.remaining + 3,
            "three open items joined the scope"
        );

        let view = app.project_view("Webwinkel", None).await.unwrap();
        let backlog = view
            .milestones
            .iter()
            .find(|m| m.title == "Jira backlog")
            .expect("the sample's milestone");
        let done: Vec<String> = view
            .progress
            .iter()
            .filter(|e| e.milestone_id == Some(backlog.id) && e.done > 0)
            .map(|e| e.date.to_string())
            .collect();
        // 07/Oct/26 and 09/Oct/26 11:50 PM (Amsterdam), six weeks later.
        assert_eq!(done, ["2026-11-18", "2026-11-20"]);

        let again = app.refresh_demo_progress().await.unwrap();
        assert_eq!(
            again.detail.writes, 0,
            "a second refresh the same day is a no-op"
        );
        assert_eq!(again.risk_before, again.risk_after);
        assert_eq!(again.risk_after, first.risk_after);
    }
}

#[tokio::test]
async fn the_demo_refresh_refuses_another_workspace() {
    for db in backends() {
        let app = workspace(&db).await;
        let e = app.refresh_demo_progress().await.unwrap_err();
        assert!(e.to_string().contains("already holds a workspace"), "{e}");
        assert!(app.project_view("Webwinkel", None).await.is_err());
    }
}
