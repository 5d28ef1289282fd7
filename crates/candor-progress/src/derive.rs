//! From work items to what candor's forecast reads: daily throughput, scope growth and the
//! planned scope of each milestone.
//!
//! The rules, for a project that starts on `start`:
//! * a dropped item (cancelled, closed as not planned) counts nowhere;
//! * an item finished before the start is history and counts nowhere;
//! * an item created on or before the start is planned scope of its milestone;
//! * an item created after the start is scope growth: `added` on the day it was created;
//! * a done item is throughput: `done` on the day it was finished (never before it was created).
//!
//! Days off are not moved here: the forecast counts work logged on a day off toward the business
//! day before it, so the per-day counts stay exactly what happened.

use crate::{ItemState, WorkItem};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Done and added on one day for one milestone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCount {
    /// Items finished.
    pub done: u32,
    /// Items added to the scope.
    pub added: u32,
}

/// One milestone group: its planned scope and due date (when a tool gave one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Items planned at the project start.
    pub planned: u32,
    /// Due date from the tool (GitHub milestone `due_on`), if any.
    pub due: Option<Date>,
}

/// The derived progress of one project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Milestone groups by name.
    pub groups: BTreeMap<String, Group>,
    /// Per day and group.
    pub days: BTreeMap<(Date, String), DayCount>,
}

/// The milestone an item counts toward: its group, or the tool's backlog.
pub fn group_name(item: &WorkItem) -> String {
    item.group
        .clone()
        .unwrap_or_else(|| format!("{} backlog", item.source.label()))
}

/// Applies the rules above to every item of a project.
pub fn plan(items: &[WorkItem], start: Date) -> Plan {
    let mut plan = Plan::default();
    for item in items {
        if item.state == ItemState::Dropped {
            continue;
        }
        let finished = match item.state {
            ItemState::Done => item.finished.map(|f| f.max(item.created)),
            _ => None,
        };
        if finished.is_some_and(|f| f < start) {
            continue;
        }
        let name = group_name(item);
        let group = plan.groups.entry(name.clone()).or_default();
        if group.due.is_none() {
            group.due = item.group_due;
        }
        if item.created <= start {
            group.planned += 1;
        } else {
            plan.days
                .entry((item.created, name.clone()))
                .or_default()
                .added += 1;
        }
        if let Some(f) = finished {
            plan.days.entry((f, name)).or_default().done += 1;
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn item(key: &str, created: &str, state: ItemState, finished: Option<&str>) -> WorkItem {
        WorkItem {
            source: Source::Jira,
            key: key.into(),
            title: key.into(),
            state,
            created: d(created),
            started: None,
            finished: finished.map(d),
            group: Some("Checkout".into()),
            group_due: None,
        }
    }

    #[test]
    fn planned_growth_throughput_and_what_counts_nowhere() {
        let items = [
            item("A-1", "2026-09-01", ItemState::Open, None),
            item("A-2", "2026-09-20", ItemState::Done, Some("2026-10-05")),
            item("A-3", "2026-10-07", ItemState::Done, Some("2026-10-09")),
            item("A-4", "2026-10-07", ItemState::Open, None),
            item("A-5", "2026-09-02", ItemState::Done, Some("2026-09-15")),
            item("A-6", "2026-10-08", ItemState::Dropped, Some("2026-10-09")),
        ];
        let p = plan(&items, d("2026-10-01"));
        assert_eq!(p.groups["Checkout"].planned, 2, "A-1 and A-2");
        let day = |s: &str| p.days.get(&(d(s), "Checkout".to_owned())).copied();
        assert_eq!(day("2026-10-05"), Some(DayCount { done: 1, added: 0 }));
        assert_eq!(day("2026-10-07"), Some(DayCount { done: 0, added: 2 }));
        assert_eq!(day("2026-10-09"), Some(DayCount { done: 1, added: 0 }));
        assert_eq!(
            p.days.len(),
            3,
            "history and dropped items leave no days: {p:?}"
        );
    }

    #[test]
    fn items_without_a_group_go_to_the_tool_backlog() {
        let mut i = item("A-1", "2026-09-01", ItemState::Open, None);
        i.group = None;
        assert_eq!(group_name(&i), "Jira backlog");
        i.source = Source::Github;
        assert_eq!(group_name(&i), "GitHub backlog");
    }

    #[test]
    fn a_done_day_before_creation_is_moved_to_creation() {
        let items = [item(
            "A-1",
            "2026-10-03",
            ItemState::Done,
            Some("2026-10-02"),
        )];
        let p = plan(&items, d("2026-10-01"));
        let got = p.days[&(d("2026-10-03"), "Checkout".to_owned())];
        assert_eq!(got, DayCount { done: 1, added: 1 });
    }
}
