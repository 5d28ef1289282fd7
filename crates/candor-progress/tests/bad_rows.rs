//! A row that cannot be read is reported with its line and column, and the rest goes in.

use candor_progress::{ReadOptions, Zones, parse_with};

#[test]
fn a_cell_that_is_not_utf8_names_its_line_and_column() {
    // Row 3 was saved in Windows-1252 (0xEB is "ë"); a quoted title spans lines 4 and 5.
    let mut csv = b"id,title,created,done\nW-1,Sitemap,2026-09-01,\nW-2,Co".to_vec();
    csv.push(0xEB);
    csv.extend_from_slice(
        b"ffee,2026-09-02,2026-09-03\nW-3,\"Two\nlines\",2026-09-04,\nW-4,Late,2026-09-31,\n",
    );
    let zones = Zones::named("UTC", "UTC").unwrap();
    let p = parse_with(&csv, &ReadOptions::default(), &zones).unwrap();
    let keys: Vec<&str> = p.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["W-1", "W-3"]);
    assert_eq!(p.skipped.len(), 2, "{:?}", p.skipped);
    assert_eq!(p.skipped[0].line, 3);
    assert!(
        p.skipped[0]
            .error
            .starts_with("column 2 (title): is not UTF-8"),
        "{}",
        p.skipped[0].error
    );
    assert_eq!(p.skipped[1].line, 6, "after the two-line title");
    assert!(
        p.skipped[1].error.starts_with("column 3 (created)"),
        "{}",
        p.skipped[1].error
    );
}
