//! Which Trello lists count as done: the defaults in English, Dutch, Norwegian and Bengali, or
//! the lists given with `--done-list`.

use candor_progress::{DEFAULT_DONE_LISTS, ItemState, ReadOptions, Source, Zones, parse_with};

const HEADER: &str = "Card ID,Card Name,List Name,Last Activity Date,Archived,Due Complete\n";

fn board(lists: &[&str]) -> String {
    let mut csv = HEADER.to_owned();
    for (i, list) in lists.iter().enumerate() {
        csv.push_str(&format!(
            "6a990dc04c2b1a0012a1b{i:03},Card {i},{list},2026-10-0{}T10:00:00.000Z,false,false\n",
            i + 1
        ));
    }
    csv
}

fn states(csv: &str, done_lists: &[&str]) -> Vec<ItemState> {
    let options = ReadOptions {
        format: None,
        done_lists: done_lists.iter().map(|s| (*s).to_owned()).collect(),
        ..ReadOptions::default()
    };
    let zones = Zones::named("UTC", "Europe/Oslo").unwrap();
    let p = parse_with(csv.as_bytes(), &options, &zones).unwrap();
    assert_eq!(p.source, Source::Trello);
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    p.items.iter().map(|i| i.state).collect()
}

#[test]
fn default_done_lists_in_four_languages() {
    use ItemState::*;
    let csv = board(&[
        "Done",
        "klaar",
        "FERDIG",
        "Fullført",
        "সম্পন্ন",
        "Doing",
        "Bezig",
        "Pågår",
    ]);
    assert_eq!(
        states(&csv, &[]),
        [Done, Done, Done, Done, Done, Open, Open, Open]
    );
    for name in ["Done", "Klaar", "Ferdig", "সম্পন্ন"] {
        assert!(DEFAULT_DONE_LISTS.contains(&name), "{name}");
    }
}

#[test]
fn done_lists_given_replace_the_defaults() {
    use ItemState::*;
    let csv = board(&["Live", "Done", "Opgeleverd", "Review"]);
    assert_eq!(
        states(&csv, &["live", "  Opgeleverd "]),
        [Done, Open, Done, Open]
    );
    let done_card = states(&csv, &["Review"]);
    assert_eq!(done_card, [Open, Open, Open, Done]);
}

#[test]
fn done_lists_are_refused_for_other_formats() {
    let options = ReadOptions {
        done_lists: vec!["Klaar".into()],
        ..ReadOptions::default()
    };
    let zones = Zones::named("UTC", "UTC").unwrap();
    let csv = "id,title,created,done\nW-1,Sitemap,2026-09-01,\n";
    let e = parse_with(csv.as_bytes(), &options, &zones).unwrap_err();
    assert!(e.to_string().contains("--done-list"), "{e}");
    assert!(e.to_string().contains("Generic"), "{e}");
    let e = parse_with(b"[]", &options, &zones).unwrap_err();
    assert!(e.to_string().contains("GitHub"), "{e}");
}
