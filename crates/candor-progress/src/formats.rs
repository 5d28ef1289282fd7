//! The column names and rules of each tool's CSV export.
//!
//! Column names are the ones the tools write (see `tests/fixtures/README.md` for the public
//! samples they were checked against). Jira: `Issue key`, `Summary`, `Created`, `Resolved`,
//! `Resolution`; Linear: `ID`, `Title`, `Created`, `Started`, `Completed`, `Canceled`; Asana:
//! `Task ID`, `Name`, `Created At`, `Completed At`; Trello: `Card ID`, `Card Name`, `List Name`,
//! `Last Activity Date`; generic: `id`, `title`, `created`, `started`, `done`, `milestone`.

use crate::table::{CellError, Row, col_of};
use crate::{ItemState, MilestoneFrom, ProgressError, Source, WorkItem, Zones};
use jiff::civil::Date;

/// Reads one row of a format.
pub(crate) type ReadRow = fn(&Row<'_>, &Zones, &Layout) -> Result<WorkItem, CellError>;

/// How to read one format's rows.
pub(crate) struct Layout {
    source: Source,
    group: Option<GroupRule>,
    /// Trello lists whose cards count as done, lower-cased.
    done_lists: Vec<String>,
    /// Reads one row.
    pub read: ReadRow,
}

/// Where the milestone group of a row comes from.
#[derive(Clone, Copy)]
struct GroupRule {
    cols: &'static [&'static str],
    /// The cell is a comma-separated list (labels, tags): take the first.
    list: bool,
}

const JIRA_NEEDS: &[&str] = &["Issue key", "Summary", "Created"];
const LINEAR_NEEDS: &[&str] = &["ID", "Title", "Created"];
const ASANA_NEEDS: &[&str] = &["Task ID", "Name", "Created At"];
const TRELLO_NEEDS: &[&str] = &["Card ID", "Card Name", "List Name"];
const GENERIC_ID: &[&str] = &["id", "key", "item id"];
const GENERIC_TITLE: &[&str] = &["title", "name", "summary"];
const GENERIC_CREATED: &[&str] = &["created", "created at", "created date", "backlog"];
const GENERIC_STARTED: &[&str] = &["started", "start", "in progress", "started at"];
const GENERIC_DONE: &[&str] = &["done", "completed", "resolved", "done at", "completed at"];
const GENERIC_GROUP: &[&str] = &["milestone", "epic", "group"];

/// Trello lists whose cards count as done unless `--done-list` names others (compared without
/// regard to case), besides cards marked `Due Complete`: English, Dutch, Norwegian Bokmål and
/// Bengali names teams give their last column.
pub const DEFAULT_DONE_LISTS: &[&str] = &[
    "Done",
    "Completed",
    "Complete",
    "Finished",
    "Shipped",
    "Klaar",
    "Gereed",
    "Afgerond",
    "Voltooid",
    "Ferdig",
    "Fullført",
    "সম্পন্ন",
    "সম্পূর্ণ",
];
/// Jira resolutions that mean the work will not be done.
const JIRA_DROPPED: &[&str] = &[
    "won't do",
    "won't fix",
    "duplicate",
    "cannot reproduce",
    "declined",
    "obsolete",
];

/// Whether a header row has what the generic format needs.
pub(crate) fn generic_ready(headers: &[String]) -> bool {
    let any = |names: &[&str]| names.iter().any(|n| col_of(headers, n).is_some());
    any(GENERIC_ID) && any(GENERIC_CREATED) && any(GENERIC_DONE)
}

fn group_rule(source: Source, from: MilestoneFrom) -> Option<GroupRule> {
    use MilestoneFrom::*;
    let (cols, list): (&'static [&'static str], bool) = match (source, from) {
        (Source::Jira, Epic) => (
            &[
                "Parent summary",
                "Custom field (Epic Link)",
                "Epic Link",
                "Parent",
            ],
            false,
        ),
        (Source::Jira, Label) => (&["Labels"], false),
        (Source::Jira, Milestone) => (&["Fix versions", "Fix Version/s", "Sprint"], false),
        (Source::Jira, Column) => (&["Status"], false),
        (Source::Linear, Epic) => (&["Project"], false),
        (Source::Linear, Label) => (&["Labels"], true),
        (Source::Linear, Milestone) => (&["Project Milestone", "Cycle Name"], false),
        (Source::Linear, Column) => (&["Status"], false),
        (Source::Asana, Epic) => (&["Parent task"], false),
        (Source::Asana, Label) => (&["Tags"], true),
        (Source::Asana, Column) => (&["Section/Column"], false),
        (Source::Trello, Label) => (&["Labels"], true),
        (Source::Trello, Column) => (&["List Name"], false),
        (Source::Generic, _) => (GENERIC_GROUP, false),
        _ => return None,
    };
    Some(GroupRule { cols, list })
}

/// The layout of `source` for this header row, or why the file cannot be read as it.
pub(crate) fn layout(
    source: Source,
    headers: &[String],
    from: Option<MilestoneFrom>,
    done_lists: &[String],
) -> Result<Layout, ProgressError> {
    if !done_lists.is_empty() && source != Source::Trello {
        return Err(ProgressError::Format(format!(
            "--done-list names Trello lists, and this is a {} export",
            source.label()
        )));
    }
    let done_lists: Vec<String> = if done_lists.is_empty() {
        DEFAULT_DONE_LISTS
            .iter()
            .map(|l| l.to_lowercase())
            .collect()
    } else {
        done_lists.iter().map(|l| l.trim().to_lowercase()).collect()
    };
    let (needs, read): (&[&str], ReadRow) = match source {
        Source::Jira => (JIRA_NEEDS, jira),
        Source::Linear => (LINEAR_NEEDS, linear),
        Source::Asana => (ASANA_NEEDS, asana),
        Source::Trello => (TRELLO_NEEDS, trello),
        Source::Generic => (&[], generic),
        Source::Github => unreachable!("GitHub issues are JSON, read by github::parse_issues"),
    };
    let missing: Vec<&str> = needs
        .iter()
        .copied()
        .filter(|n| col_of(headers, n).is_none())
        .collect();
    if !missing.is_empty() || (source == Source::Generic && !generic_ready(headers)) {
        let what = if missing.is_empty() {
            "an id, a created and a done column".to_owned()
        } else {
            missing.join(", ")
        };
        return Err(ProgressError::Format(format!(
            "this is not a {} export: the header row has no {what}",
            source.label()
        )));
    }
    let group = match from {
        None => None,
        Some(f) => Some(checked_group(source, f, headers)?),
    };
    Ok(Layout {
        source,
        group,
        done_lists,
        read,
    })
}

fn checked_group(
    source: Source,
    from: MilestoneFrom,
    headers: &[String],
) -> Result<GroupRule, ProgressError> {
    let rule = group_rule(source, from).ok_or_else(|| {
        ProgressError::Format(format!(
            "{} exports have no {} field; choose another --milestone-from",
            source.label(),
            from.as_str()
        ))
    })?;
    if rule.cols.iter().all(|c| col_of(headers, c).is_none()) {
        return Err(ProgressError::Format(format!(
            "--milestone-from {} reads the column {} of a {} export, and this file has none",
            from.as_str(),
            rule.cols.join(" or "),
            source.label()
        )));
    }
    Ok(rule)
}

impl Layout {
    fn group(&self, row: &Row<'_>) -> Option<String> {
        let rule = self.group?;
        let (_, cell) = row.first_of(rule.cols)?;
        let first = if rule.list {
            cell.split(',').next().unwrap_or(cell)
        } else {
            cell
        };
        let name = match self.source {
            // Trello writes labels as `Name (colour)`.
            Source::Trello => first.rsplit_once(" (").map_or(first, |(n, _)| n),
            _ => first,
        };
        Some(name.trim().to_owned()).filter(|n| !n.is_empty())
    }

    fn item(&self, row: &Row<'_>, key: &str, title: &str, created: Date) -> WorkItem {
        WorkItem {
            source: self.source,
            key: key.to_owned(),
            title: title.to_owned(),
            state: ItemState::Open,
            created,
            started: None,
            finished: None,
            group: self.group(row),
            group_due: None,
        }
    }
}

/// The team-zone day in a cell, `None` when it is empty.
fn day(row: &Row<'_>, zones: &Zones, names: &[&str]) -> Result<Option<Date>, CellError> {
    match row.first_of(names) {
        None => Ok(None),
        Some((col, v)) => zones.day(v).map(Some).map_err(|msg| CellError { col, msg }),
    }
}

fn required_day(row: &Row<'_>, zones: &Zones, name: &str) -> Result<Date, CellError> {
    let (col, v) = row.required(name)?;
    zones.day(v).map_err(|msg| CellError { col, msg })
}

fn jira(row: &Row<'_>, zones: &Zones, layout: &Layout) -> Result<WorkItem, CellError> {
    let (_, key) = row.required("Issue key")?;
    let title = row.get("Summary").map_or("", |c| c.1);
    let mut item = layout.item(row, key, title, required_day(row, zones, "Created")?);
    let resolved = day(row, zones, &["Resolved"])?;
    let status = row.get("Status").map_or("", |c| c.1).to_lowercase();
    let resolution = row.get("Resolution").map_or("", |c| c.1).to_lowercase();
    let finished = match resolved {
        Some(d) => Some(d),
        None if ["done", "closed", "resolved"].contains(&status.as_str()) => {
            day(row, zones, &["Updated"])?
        }
        None => None,
    };
    if let Some(d) = finished {
        item.finished = Some(d);
        item.state = if JIRA_DROPPED.contains(&resolution.as_str()) {
            ItemState::Dropped
        } else {
            ItemState::Done
        };
    }
    Ok(item)
}

fn linear(row: &Row<'_>, zones: &Zones, layout: &Layout) -> Result<WorkItem, CellError> {
    let (_, key) = row.required("ID")?;
    let title = row.get("Title").map_or("", |c| c.1);
    let mut item = layout.item(row, key, title, required_day(row, zones, "Created")?);
    item.started = day(row, zones, &["Started"])?;
    if let Some(d) = day(row, zones, &["Completed"])? {
        item.state = ItemState::Done;
        item.finished = Some(d);
    } else if let Some(d) = day(row, zones, &["Canceled"])? {
        item.state = ItemState::Dropped;
        item.finished = Some(d);
    }
    Ok(item)
}

fn asana(row: &Row<'_>, zones: &Zones, layout: &Layout) -> Result<WorkItem, CellError> {
    let (_, key) = row.required("Task ID")?;
    let title = row.get("Name").map_or("", |c| c.1);
    let mut item = layout.item(row, key, title, required_day(row, zones, "Created At")?);
    item.started = day(row, zones, &["Start Date"])?;
    if let Some(d) = day(row, zones, &["Completed At"])? {
        item.state = ItemState::Done;
        item.finished = Some(d);
    }
    Ok(item)
}

/// Trello's CSV has no creation date, but a card ID is a MongoDB ObjectId whose first four
/// bytes are the creation time in Unix seconds.
fn trello_created(row: &Row<'_>, zones: &Zones) -> Result<Date, CellError> {
    let (col, id) = row.required("Card ID")?;
    let secs = id
        .get(..8)
        .and_then(|h| i64::from_str_radix(h, 16).ok())
        .ok_or_else(|| CellError {
            col,
            msg: format!("{id:?} is not a Trello card ID (24 hexadecimal digits)"),
        })?;
    let ts = jiff::Timestamp::from_second(secs).map_err(|e| CellError {
        col,
        msg: format!("{id:?}: {e}"),
    })?;
    Ok(ts.to_zoned_datetime(zones.team.clone()).date())
}

fn trello(row: &Row<'_>, zones: &Zones, layout: &Layout) -> Result<WorkItem, CellError> {
    let (_, key) = row.required("Card ID")?;
    let title = row.get("Card Name").map_or("", |c| c.1);
    let mut item = layout.item(row, key, title, trello_created(row, zones)?);
    item.started = day(row, zones, &["Start Date"])?;
    let list = row
        .get("List Name")
        .map_or("", |c| c.1)
        .trim()
        .to_lowercase();
    let flag = |name: &str| {
        row.get(name)
            .is_some_and(|c| c.1.eq_ignore_ascii_case("true"))
    };
    let done = layout.done_lists.contains(&list) || flag("Due Complete");
    if done || flag("Archived") {
        // The export has no completion time; the last activity is the closest it records.
        item.finished = Some(day(row, zones, &["Last Activity Date"])?.unwrap_or(item.created));
        item.state = if done {
            ItemState::Done
        } else {
            ItemState::Dropped
        };
    }
    Ok(item)
}

fn generic(row: &Row<'_>, zones: &Zones, layout: &Layout) -> Result<WorkItem, CellError> {
    let (_, key) = row.first_of(GENERIC_ID).ok_or_else(|| CellError {
        col: GENERIC_ID.iter().find_map(|n| row.col(n)).unwrap_or(0),
        msg: "is empty".into(),
    })?;
    let title = row.first_of(GENERIC_TITLE).map_or("", |c| c.1);
    let created = day(row, zones, GENERIC_CREATED)?.ok_or_else(|| CellError {
        col: GENERIC_CREATED.iter().find_map(|n| row.col(n)).unwrap_or(0),
        msg: "is empty".into(),
    })?;
    let mut item = layout.item(row, key, title, created);
    item.started = day(row, zones, GENERIC_STARTED)?;
    if let Some(d) = day(row, zones, GENERIC_DONE)? {
        item.state = ItemState::Done;
        item.finished = Some(d);
    }
    Ok(item)
}
