//! Each export format read from its fixture (see fixtures/README.md for where each shape comes from).

use candor_progress::{ItemState, MilestoneFrom, Parsed, Source, Zones, parse_file};
use jiff::civil::Date;

fn read(name: &str, format: Option<Source>, from: Option<MilestoneFrom>, zones: &Zones) -> Parsed {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    parse_file(&bytes, format, zones, from).unwrap()
}

fn utc() -> Zones {
    Zones::named("UTC", "UTC").unwrap()
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn jira_export_with_a_bad_row() {
    let z = Zones::named("Europe/Amsterdam", "Asia/Dhaka").unwrap();
    let p = read("jira.csv", None, Some(MilestoneFrom::Label), &z);
    assert_eq!(p.source, Source::Jira);
    assert_eq!(p.items.len(), 6);
    assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
    assert_eq!(p.skipped[0].line, 7);
    assert!(
        p.skipped[0].error.starts_with("column 17 (Created)"),
        "{}",
        p.skipped[0].error
    );
    let by = |k: &str| p.items.iter().find(|i| i.key == k).unwrap();
    // 09/Oct/26 11:50 PM in Amsterdam is 03:50 on the 10th in Dhaka.
    assert_eq!(by("SHOP-4").finished, Some(d("2026-10-10")));
    assert_eq!(by("SHOP-4").state, ItemState::Done);
    assert_eq!(by("SHOP-5").state, ItemState::Dropped, "Won't Do");
    assert_eq!(by("SHOP-2").state, ItemState::Open);
    assert_eq!(by("SHOP-2").group.as_deref(), Some("payments"));
    assert_eq!(by("SHOP-5").group, None);
}

#[test]
fn linear_export_with_both_date_forms() {
    let z = Zones::named("UTC", "Europe/Oslo").unwrap();
    let p = read("linear.csv", None, Some(MilestoneFrom::Epic), &z);
    assert_eq!(p.source, Source::Linear);
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    assert_eq!(p.items.len(), 5);
    let by = |k: &str| p.items.iter().find(|i| i.key == k).unwrap();
    assert_eq!(by("IN-10").finished, Some(d("2024-05-23")));
    // 22:30 GMT on the 17th is 00:30 on the 18th in Oslo (summer time).
    assert_eq!(by("APP-22").created, d("2024-05-18"));
    assert_eq!(by("APP-22").finished, Some(d("2024-05-22")));
    assert_eq!(by("APP-23").state, ItemState::Dropped);
    assert_eq!(by("APP-21").group.as_deref(), Some("Launch"));
    assert_eq!(by("APP-21").started, Some(d("2024-05-15")));
    assert_eq!(by("APP-24").group, None);
}

#[test]
fn asana_export_reports_the_bad_date_and_keeps_the_rest() {
    let p = read("asana.csv", None, Some(MilestoneFrom::Column), &utc());
    assert_eq!(p.source, Source::Asana);
    assert_eq!(p.items.len(), 4);
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 6);
    assert!(
        p.skipped[0].error.contains("column 2 (Created At)"),
        "{}",
        p.skipped[0].error
    );
    let done = p
        .items
        .iter()
        .filter(|i| i.state == ItemState::Done)
        .count();
    assert_eq!(done, 2);
    assert_eq!(p.items[1].group.as_deref(), Some("In Progress"));
}

#[test]
fn trello_export_takes_creation_from_the_card_id() {
    let p = read("trello.csv", None, Some(MilestoneFrom::Label), &utc());
    assert_eq!(p.source, Source::Trello);
    assert_eq!(p.items.len(), 4);
    assert_eq!(p.skipped.len(), 1);
    assert!(
        p.skipped[0].error.contains("Card ID"),
        "{}",
        p.skipped[0].error
    );
    assert_eq!(p.items[0].created, d("2026-09-03"));
    assert_eq!(p.items[0].state, ItemState::Done);
    assert_eq!(p.items[0].finished, Some(d("2026-09-18")));
    assert_eq!(
        p.items[0].group.as_deref(),
        Some("Content"),
        "colour stripped"
    );
    assert_eq!(p.items[2].created, d("2026-10-03"));
    assert_eq!(
        p.items[3].state,
        ItemState::Dropped,
        "archived without being done"
    );
}

#[test]
fn generic_file() {
    let p = read("generic.csv", None, Some(MilestoneFrom::Milestone), &utc());
    assert_eq!(p.source, Source::Generic);
    assert_eq!(p.items.len(), 6);
    assert_eq!(
        p.items
            .iter()
            .filter(|i| i.state == ItemState::Done)
            .count(),
        3
    );
    assert_eq!(p.items[5].group.as_deref(), Some("Launch"));
}

#[test]
fn github_issue_json() {
    let z = Zones::named("UTC", "Europe/Amsterdam").unwrap();
    let p = read(
        "github/issues-mixed.json",
        None,
        Some(MilestoneFrom::Milestone),
        &z,
    );
    assert_eq!(p.source, Source::Github);
    assert_eq!(
        p.items.len(),
        3,
        "the pull request is skipped, the broken one reported"
    );
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].line, 5);
    let i = &p.items[0];
    assert_eq!(i.key, "acme/webshop#42");
    assert_eq!(
        i.created,
        d("2026-09-03"),
        "22:30Z is after midnight in Amsterdam"
    );
    assert_eq!(i.group.as_deref(), Some("v1.0"));
    assert_eq!(i.group_due, Some(d("2026-11-30")));
    assert_eq!(p.items[2].state, ItemState::Dropped);
}

#[test]
fn wrong_choices_are_refused_with_a_reason() {
    let path = format!("{}/tests/fixtures/trello.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    let e = parse_file(&bytes, None, &utc(), Some(MilestoneFrom::Epic)).unwrap_err();
    assert!(e.to_string().contains("Trello exports have no epic"), "{e}");
    let e = parse_file(&bytes, Some(Source::Jira), &utc(), None).unwrap_err();
    assert!(e.to_string().contains("Issue key"), "{e}");
    let e = parse_file(b"a,b\n1,2\n", None, &utc(), None).unwrap_err();
    assert!(e.to_string().contains("cannot tell"), "{e}");
}
