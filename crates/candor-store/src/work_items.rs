//! Work items imported from other tools, the progress entries derived from them, and the live
//! sources a project syncs from.

use crate::{Result, StoreError, Tx, row};
use candor_core::{Id, ProgressEntry};
use jiff::civil::Date;
use sqlx::any::AnyRow;

/// A work item as stored: keyed by project, source and the tool's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItemRow {
    /// Project the item counts toward.
    pub project_id: Id,
    /// Tool ID (`jira`, `github`, …).
    pub source: String,
    /// The tool's id for the item.
    pub external_id: String,
    /// Title.
    pub title: String,
    /// `open`, `done` or `dropped`.
    pub state: String,
    /// Day created (team time zone).
    pub created: Date,
    /// Day started, if known.
    pub started: Option<Date>,
    /// Day finished or dropped, if it is.
    pub finished: Option<Date>,
    /// Milestone group.
    pub group_name: String,
    /// Due date of the group, if the tool gave one.
    pub group_due: Option<Date>,
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// The item was new.
    Inserted,
    /// The item existed and changed (moved, reopened, finished, renamed).
    Updated,
    /// The item existed exactly so.
    Unchanged,
}

/// A milestone group that imported items fill: the groups `candor_progress::derive::plan` plans
/// (items neither dropped nor finished before the project start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedGroup {
    /// Project.
    pub project_id: Id,
    /// Tool ID of the items (`jira`, `github`, …).
    pub source: String,
    /// Group name, as stored with the items.
    pub group_name: String,
}

/// A live source a project syncs from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressSource {
    /// Row id.
    pub id: Id,
    /// Project.
    pub project_id: Id,
    /// Kind (`github`).
    pub kind: String,
    /// Where (`owner/repo`).
    pub locator: String,
    /// `--milestone-from` choice, if any.
    pub milestone_from: Option<String>,
    /// ETag of the last full answer.
    pub etag: Option<String>,
}

const ITEM_COLS: &str = "project_id, source, external_id, title, state, created, started, \
                         finished, group_name, group_due";

fn item(r: &AnyRow) -> Result<WorkItemRow> {
    Ok(WorkItemRow {
        project_id: row::int(r, "project_id")?,
        source: row::text(r, "source")?,
        external_id: row::text(r, "external_id")?,
        title: row::text(r, "title")?,
        state: row::text(r, "state")?,
        created: row::date(r, "created")?,
        started: row::opt_date(r, "started")?,
        finished: row::opt_date(r, "finished")?,
        group_name: row::text(r, "group_name")?,
        group_due: row::opt_date(r, "group_due")?,
    })
}

fn source(r: &AnyRow) -> Result<ProgressSource> {
    Ok(ProgressSource {
        id: row::int(r, "id")?,
        project_id: row::int(r, "project_id")?,
        kind: row::text(r, "kind")?,
        locator: row::text(r, "locator")?,
        milestone_from: row::opt_text(r, "milestone_from")?,
        etag: row::opt_text(r, "etag")?,
    })
}

fn opt(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

impl Tx {
    /// Inserts a work item, or updates it in place when its key exists and anything changed.
    pub async fn upsert_work_item(
        &mut self,
        w: &WorkItemRow,
        now: jiff::Timestamp,
    ) -> Result<Upsert> {
        let existing = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLS} FROM work_items
             WHERE project_id = $1 AND source = $2 AND external_id = $3"
        )))
        .bind(w.project_id)
        .bind(&w.source)
        .bind(&w.external_id)
        .fetch_optional(self.conn())
        .await?;
        let sql = match existing.as_ref().map(item).transpose()? {
            Some(old) if old == *w => return Ok(Upsert::Unchanged),
            Some(_) => {
                "UPDATE work_items SET title = $4, state = $5, created = $6, started = $7,
                 finished = $8, group_name = $9, group_due = $10, updated_at = $11
                 WHERE project_id = $1 AND source = $2 AND external_id = $3"
            }
            None => {
                "INSERT INTO work_items (project_id, source, external_id, title, state, created,
                 started, finished, group_name, group_due, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            }
        };
        sqlx::query(sql)
            .bind(w.project_id)
            .bind(&w.source)
            .bind(&w.external_id)
            .bind(&w.title)
            .bind(&w.state)
            .bind(w.created.to_string())
            .bind(opt(w.started))
            .bind(opt(w.finished))
            .bind(&w.group_name)
            .bind(opt(w.group_due))
            .bind(row::ts_text(now))
            .execute(self.conn())
            .await?;
        Ok(if existing.is_some() {
            Upsert::Updated
        } else {
            Upsert::Inserted
        })
    }

    /// Every work item of a project, by source and id.
    pub async fn work_items(&mut self, project_id: Id) -> Result<Vec<WorkItemRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLS} FROM work_items WHERE project_id = $1
             ORDER BY source, external_id"
        )))
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(item).collect()
    }

    /// Progress entries of a project that an import derived (origin `import`), by id.
    pub async fn imported_progress(&mut self, project_id: Id) -> Result<Vec<ProgressEntry>> {
        let rows = sqlx::query(
            "SELECT id, project_id, milestone_id, date, done, added FROM progress_entries
             WHERE project_id = $1 AND origin = 'import' ORDER BY id",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ProgressEntry {
                    id: row::int(r, "id")?,
                    project_id: row::int(r, "project_id")?,
                    milestone_id: row::opt_int(r, "milestone_id")?,
                    date: row::date(r, "date")?,
                    done: row::count(r, "done")?,
                    added: row::count(r, "added")?,
                })
            })
            .collect()
    }

    /// The groups imported items of a project (or of all, with `None`) count toward, by
    /// project, source and name.
    pub async fn imported_groups(&mut self, project_id: Option<Id>) -> Result<Vec<ImportedGroup>> {
        let rows = sqlx::query(
            "SELECT DISTINCT w.project_id, w.source, w.group_name FROM work_items w
             JOIN projects p ON p.id = w.project_id
             WHERE ($1 IS NULL OR w.project_id = $1) AND w.state <> 'dropped'
               AND NOT (w.state = 'done' AND w.finished IS NOT NULL
                        AND w.finished < p.start_date AND w.created < p.start_date)
             ORDER BY w.project_id, w.source, w.group_name",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ImportedGroup {
                    project_id: row::int(r, "project_id")?,
                    source: row::text(r, "source")?,
                    group_name: row::text(r, "group_name")?,
                })
            })
            .collect()
    }

    /// Ids of the progress entries of a project (or of all, with `None`) logged by hand
    /// (origin NULL), by id.
    pub async fn hand_logged_progress(&mut self, project_id: Option<Id>) -> Result<Vec<Id>> {
        let rows = sqlx::query(
            "SELECT id FROM progress_entries
             WHERE ($1 IS NULL OR project_id = $1) AND origin IS NULL ORDER BY id",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(|r| row::int(r, "id")).collect()
    }

    /// Adds a derived progress entry.
    pub async fn insert_imported_progress(
        &mut self,
        project_id: Id,
        milestone_id: Id,
        date: Date,
        done: u32,
        added: u32,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO progress_entries (project_id, milestone_id, date, done, added, origin)
             VALUES ($1, $2, $3, $4, $5, 'import')",
        )
        .bind(project_id)
        .bind(milestone_id)
        .bind(date.to_string())
        .bind(i64::from(done))
        .bind(i64::from(added))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Changes the counts of a derived progress entry.
    pub async fn update_imported_progress(&mut self, id: Id, done: u32, added: u32) -> Result<()> {
        sqlx::query(
            "UPDATE progress_entries SET done = $1, added = $2 WHERE id = $3 AND origin = 'import'",
        )
        .bind(i64::from(done))
        .bind(i64::from(added))
        .bind(id)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Removes a derived progress entry (never one logged by hand).
    pub async fn delete_imported_progress(&mut self, id: Id) -> Result<()> {
        sqlx::query("DELETE FROM progress_entries WHERE id = $1 AND origin = 'import'")
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Sets the planned scope of a milestone.
    pub async fn set_milestone_scope(&mut self, id: Id, scope: u32) -> Result<()> {
        let done = sqlx::query("UPDATE milestones SET scope = $1 WHERE id = $2")
            .bind(i64::from(scope))
            .bind(id)
            .execute(self.conn())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                what: "milestone",
                key: id.to_string(),
            });
        }
        Ok(())
    }

    /// Live sources of a project, by id.
    pub async fn progress_sources(&mut self, project_id: Id) -> Result<Vec<ProgressSource>> {
        let rows = sqlx::query(
            "SELECT id, project_id, kind, locator, milestone_from, etag FROM progress_sources
             WHERE project_id = $1 ORDER BY id",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(source).collect()
    }

    /// Adds a live source, or updates its `milestone_from` when it exists.
    pub async fn upsert_progress_source(
        &mut self,
        project_id: Id,
        kind: &str,
        locator: &str,
        milestone_from: Option<&str>,
    ) -> Result<ProgressSource> {
        let found = self
            .progress_sources(project_id)
            .await?
            .into_iter()
            .find(|s| s.kind == kind && s.locator.eq_ignore_ascii_case(locator));
        if let Some(s) = found {
            sqlx::query("UPDATE progress_sources SET milestone_from = $1 WHERE id = $2")
                .bind(milestone_from)
                .bind(s.id)
                .execute(self.conn())
                .await?;
            return Ok(ProgressSource {
                milestone_from: milestone_from.map(str::to_owned),
                ..s
            });
        }
        let r = sqlx::query(
            "INSERT INTO progress_sources (project_id, kind, locator, milestone_from)
             VALUES ($1, $2, $3, $4)
             RETURNING id, project_id, kind, locator, milestone_from, etag",
        )
        .bind(project_id)
        .bind(kind)
        .bind(locator)
        .bind(milestone_from)
        .fetch_one(self.conn())
        .await?;
        source(&r)
    }

    /// Records a finished sync: the ETag to send next time and when it ran.
    pub async fn set_source_synced(
        &mut self,
        id: Id,
        etag: Option<&str>,
        at: jiff::Timestamp,
    ) -> Result<()> {
        sqlx::query("UPDATE progress_sources SET etag = $1, synced_at = $2 WHERE id = $3")
            .bind(etag)
            .bind(row::ts_text(at))
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
