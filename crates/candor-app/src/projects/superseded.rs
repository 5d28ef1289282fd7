//! Which progress logged by hand an import supersedes. Once a milestone's items come from a
//! tracker, the tracker alone says what was planned, added and done in it: entries logged by
//! hand toward it stay in the log (listed, exported, never deleted) but no longer count, or the
//! same work would be counted twice.
//!
//! The rule, per project:
//! * a hand-logged entry toward a milestone counts unless an import fills that milestone (the
//!   milestone's title is a group of imported items that `derive::plan` plans);
//! * a hand-logged entry without a milestone counts unless the import holds items without a
//!   milestone of their own (its "<Tool> backlog", e.g. an import without `--milestone-from`);
//! * entries an import derived always count: they are the tracker's own account.

use crate::Result;
use candor_core::{Id, Milestone, ProgressEntry};
use candor_progress::Source;
use candor_store::{ImportedGroup, Tx};
use std::collections::HashSet;

/// The hand-logged entries an import supersedes, of one project or of all.
#[derive(Debug, Clone, Default)]
pub(crate) struct Superseded {
    ids: HashSet<Id>,
}

impl Superseded {
    /// Applies the rule to `progress` (all entries of `project_id`, or of every project with
    /// `None`) and `milestones` (the same projects').
    pub(crate) async fn load(
        tx: &mut Tx,
        project_id: Option<Id>,
        milestones: &[Milestone],
        progress: &[ProgressEntry],
    ) -> Result<Self> {
        let groups = tx.imported_groups(project_id).await?;
        if groups.is_empty() {
            return Ok(Self::default());
        }
        let hand: HashSet<Id> = tx
            .hand_logged_progress(project_id)
            .await?
            .into_iter()
            .collect();
        Ok(Self {
            ids: rule(&groups, &hand, milestones, progress),
        })
    }

    /// Whether the entry with this id is superseded.
    pub(crate) fn contains(&self, id: Id) -> bool {
        self.ids.contains(&id)
    }

    /// The entries that count, in their order.
    pub(crate) fn counted(&self, progress: Vec<ProgressEntry>) -> Vec<ProgressEntry> {
        progress
            .into_iter()
            .filter(|e| !self.contains(e.id))
            .collect()
    }

    /// The superseded ids among `progress`, in its order.
    pub(crate) fn ids_in(&self, progress: &[ProgressEntry]) -> Vec<Id> {
        progress
            .iter()
            .filter(|e| self.contains(e.id))
            .map(|e| e.id)
            .collect()
    }
}

/// The entries counted in a forecast or a scope total: `progress` without what an import
/// supersedes.
pub(crate) async fn counted_progress(
    tx: &mut Tx,
    project_id: Option<Id>,
    milestones: &[Milestone],
    progress: Vec<ProgressEntry>,
) -> Result<Vec<ProgressEntry>> {
    let s = Superseded::load(tx, project_id, milestones, &progress).await?;
    Ok(s.counted(progress))
}

/// The name `derive::group_name` gives items without a milestone: "<Tool> backlog".
fn backlog(source: Source) -> String {
    format!("{} backlog", source.label())
}

/// The rule above, on loaded rows: `hand` holds the ids of the entries logged by hand.
fn rule(
    groups: &[ImportedGroup],
    hand: &HashSet<Id>,
    milestones: &[Milestone],
    progress: &[ProgressEntry],
) -> HashSet<Id> {
    // Milestones are matched to groups the way the import matches them: ASCII case ignored.
    let filled: HashSet<(Id, String)> = groups
        .iter()
        .map(|g| (g.project_id, g.group_name.to_ascii_lowercase()))
        .collect();
    let covered: HashSet<Id> = milestones
        .iter()
        .filter(|m| filled.contains(&(m.project_id, m.title.to_ascii_lowercase())))
        .map(|m| m.id)
        .collect();
    let backlog_projects: HashSet<Id> = groups
        .iter()
        .filter(|g| Source::parse(&g.source).is_some_and(|s| g.group_name == backlog(s)))
        .map(|g| g.project_id)
        .collect();
    progress
        .iter()
        .filter(|e| hand.contains(&e.id))
        .filter(|e| match e.milestone_id {
            Some(m) => covered.contains(&m),
            None => backlog_projects.contains(&e.project_id),
        })
        .map(|e| e.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_progress::{ItemState, WorkItem, derive};

    fn d(s: &str) -> jiff::civil::Date {
        s.parse().unwrap()
    }

    fn group(project_id: Id, source: &str, name: &str) -> ImportedGroup {
        ImportedGroup {
            project_id,
            source: source.into(),
            group_name: name.into(),
        }
    }

    fn milestone(id: Id, project_id: Id, title: &str) -> Milestone {
        Milestone {
            id,
            project_id,
            title: title.into(),
            due: d("2026-12-01"),
            scope: 5,
        }
    }

    fn entry(id: Id, project_id: Id, milestone_id: Option<Id>) -> ProgressEntry {
        ProgressEntry {
            id,
            project_id,
            milestone_id,
            date: d("2026-10-01"),
            done: 2,
            added: 0,
        }
    }

    #[test]
    fn the_backlog_name_is_the_one_derive_gives_items_without_a_milestone() {
        for source in [
            Source::Jira,
            Source::Github,
            Source::Generic,
            Source::Trello,
        ] {
            let item = WorkItem {
                source,
                key: "1".into(),
                title: "t".into(),
                state: ItemState::Open,
                created: d("2026-09-01"),
                started: None,
                finished: None,
                group: None,
                group_due: None,
            };
            assert_eq!(backlog(source), derive::group_name(&item));
        }
    }

    #[test]
    fn covered_milestones_and_the_backlog_supersede_only_hand_logged_entries() {
        let milestones = [
            milestone(10, 1, "Design"),
            milestone(11, 1, "Launch"),
            milestone(12, 2, "Design"),
        ];
        let progress = [
            entry(100, 1, Some(10)), // hand, covered: superseded
            entry(101, 1, Some(11)), // hand, not covered: counts
            entry(102, 1, Some(10)), // imported: counts
            entry(103, 1, None),     // hand, no milestone, no backlog: counts
            entry(104, 2, Some(12)), // other project, same title, no import there: counts
        ];
        let hand: HashSet<Id> = [100, 101, 103, 104].into();
        let groups = [group(1, "generic", "design")];
        let got = rule(&groups, &hand, &milestones, &progress);
        assert_eq!(got, [100].into());

        let with_backlog = [
            group(1, "generic", "design"),
            group(1, "jira", "Jira backlog"),
        ];
        let got = rule(&with_backlog, &hand, &milestones, &progress);
        assert_eq!(got, [100, 103].into());

        let named_like_another_tools_backlog = [group(1, "generic", "Jira backlog")];
        let got = rule(
            &named_like_another_tools_backlog,
            &hand,
            &milestones,
            &progress,
        );
        assert!(
            got.is_empty(),
            "a generic group that is only named so: {got:?}"
        );
    }
}
