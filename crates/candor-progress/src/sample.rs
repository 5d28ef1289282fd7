//! A real-format export bundled with candor, so the demo workspace can be refreshed from a
//! tracker without one: the Jira Cloud CSV of the demo's "Webwinkel" shop (see
//! `tests/fixtures/README.md` for where its header and date formats come from).
//!
//! The file's dates are fixed; [`read`] moves them by whole weeks so the last of them falls in
//! the week up to `today`, on the same weekday, so the demo's progress always looks current.

use crate::{Parsed, ProgressError, ReadOptions, Source, Zones, parse_with};
use jiff::ToSpan;
use jiff::civil::Date;

/// The bundled Jira export (one row, SHOP-6, has an impossible date on purpose: line 7, column 17).
pub const JIRA_CSV: &[u8] = include_bytes!("../tests/fixtures/jira.csv");

/// Name shown for the bundled file.
pub const FILE_NAME: &str = "bundled sample: Webwinkel Jira export";

/// The zone the export's wall-clock times are in (the exporting user's, in the Netherlands).
pub const FILE_TZ: &str = "Europe/Amsterdam";

/// The demo project the sample belongs to.
pub const PROJECT: &str = "Webwinkel";

/// The last day written in the file (an `Updated` value): the day it was exported.
pub fn exported_on() -> Date {
    jiff::civil::date(2026, 10, 12)
}

/// Whole weeks, in days, that move `exported_on` to the latest same weekday on or before `today`.
pub fn shift_days(today: Date) -> i64 {
    let days = i64::from(exported_on().until(today).map_or(0, |s| s.get_days()));
    days.div_euclid(7) * 7
}

/// Reads the bundled export with its dates moved by [`shift_days`]`(today)`; `zones.file` should
/// be [`FILE_TZ`].
pub fn read(today: Date, zones: &Zones) -> Result<Parsed, ProgressError> {
    let options = ReadOptions {
        format: Some(Source::Jira),
        ..ReadOptions::default()
    };
    let mut parsed = parse_with(JIRA_CSV, &options, zones)?;
    let by = shift_days(today).days();
    let shift = |d: Date| d.saturating_add(by);
    for item in &mut parsed.items {
        item.created = shift(item.created);
        item.started = item.started.map(shift);
        item.finished = item.finished.map(shift);
        item.group_due = item.group_due.map(shift);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ItemState;

    #[test]
    fn dates_move_by_whole_weeks_up_to_today() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(shift_days(d("2026-10-12")), 0);
        assert_eq!(shift_days(d("2026-10-18")), 0);
        assert_eq!(shift_days(d("2026-10-19")), 7);
        assert_eq!(shift_days(d("2026-11-26")), 42);
        assert_eq!(shift_days(d("2026-10-11")), -7);
        let zones = Zones::named(FILE_TZ, FILE_TZ).unwrap();
        let p = read(d("2026-11-26"), &zones).unwrap();
        assert_eq!(p.items.len(), 6);
        assert_eq!((p.skipped[0].line, p.skipped.len()), (7, 1));
        let shop1 = &p.items[0];
        assert_eq!(shop1.key, "SHOP-1");
        assert_eq!(shop1.created, d("2026-10-14"), "02/Sep/26 plus six weeks");
        assert_eq!(shop1.finished, Some(d("2026-11-18")));
        assert_eq!(shop1.state, ItemState::Done);
        assert_eq!(shop1.created.weekday(), d("2026-09-02").weekday());
    }
}
