//! Projects, milestones and progress entries in the store.

use crate::{Result, StoreError, Tx, row};
use candor_core::{
    Id, Milestone, NewMilestone, NewProgress, NewProject, ProgressEntry, Project, ProjectStatus,
};
use sqlx::any::AnyRow;

const PROJECT_COLS: &str = "id, client_id, name, start_date, deadline, status";

fn project(r: &AnyRow) -> Result<Project> {
    Ok(Project {
        id: row::int(r, "id")?,
        client_id: row::int(r, "client_id")?,
        name: row::text(r, "name")?,
        start: row::date(r, "start_date")?,
        deadline: row::date(r, "deadline")?,
        status: row::parsed(r, "status", ProjectStatus::parse)?,
    })
}

fn milestone(r: &AnyRow) -> Result<Milestone> {
    Ok(Milestone {
        id: row::int(r, "id")?,
        project_id: row::int(r, "project_id")?,
        title: row::text(r, "title")?,
        due: row::date(r, "due")?,
        scope: row::count(r, "scope")?,
    })
}

fn progress(r: &AnyRow) -> Result<ProgressEntry> {
    Ok(ProgressEntry {
        id: row::int(r, "id")?,
        project_id: row::int(r, "project_id")?,
        milestone_id: row::opt_int(r, "milestone_id")?,
        date: row::date(r, "date")?,
        done: row::count(r, "done")?,
        added: row::count(r, "added")?,
    })
}

impl Tx {
    /// Adds a project; names are unique per client.
    pub async fn insert_project(&mut self, p: &NewProject) -> Result<Project> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO projects (client_id, name, start_date, deadline, status)
             VALUES ($1, $2, $3, $4, $5) RETURNING {PROJECT_COLS}"
        )))
        .bind(p.client_id)
        .bind(&p.name)
        .bind(p.start.to_string())
        .bind(p.deadline.to_string())
        .bind(p.status.as_str())
        .fetch_one(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || {
                format!("this client already has a project named {:?}", p.name)
            })
        })?;
        project(&r)
    }

    /// Sets a project's status.
    pub async fn set_project_status(&mut self, id: Id, status: ProjectStatus) -> Result<Project> {
        sqlx::query("UPDATE projects SET status = $1 WHERE id = $2")
            .bind(status.as_str())
            .bind(id)
            .execute(self.conn())
            .await?;
        self.project(id).await
    }

    /// The project with this id.
    pub async fn project(&mut self, id: Id) -> Result<Project> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {PROJECT_COLS} FROM projects WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "project",
            key: id.to_string(),
        })?;
        project(&r)
    }

    /// Projects whose name matches (case-insensitive), optionally within one client.
    pub async fn projects_named(
        &mut self,
        name: &str,
        client_id: Option<Id>,
    ) -> Result<Vec<Project>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {PROJECT_COLS} FROM projects
             WHERE lower(name) = lower($1) AND ($2 IS NULL OR client_id = $2) ORDER BY id"
        )))
        .bind(name.trim())
        .bind(client_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(project).collect()
    }

    /// Every project (of one client with `Some`), by id.
    pub async fn projects(&mut self, client_id: Option<Id>) -> Result<Vec<Project>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {PROJECT_COLS} FROM projects WHERE ($1 IS NULL OR client_id = $1) ORDER BY id"
        )))
        .bind(client_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(project).collect()
    }

    /// Adds a milestone; titles are unique per project.
    pub async fn insert_milestone(&mut self, m: &NewMilestone) -> Result<Milestone> {
        let r = sqlx::query(
            "INSERT INTO milestones (project_id, title, due, scope) VALUES ($1, $2, $3, $4)
             RETURNING id, project_id, title, due, scope",
        )
        .bind(m.project_id)
        .bind(&m.title)
        .bind(m.due.to_string())
        .bind(i64::from(m.scope))
        .fetch_one(self.conn())
        .await
        .map_err(|e| {
            StoreError::conflict_or(e, || {
                format!("this project already has a milestone titled {:?}", m.title)
            })
        })?;
        milestone(&r)
    }

    /// Milestones of a project (or all, with `None`), by due date.
    pub async fn milestones(&mut self, project_id: Option<Id>) -> Result<Vec<Milestone>> {
        let rows = sqlx::query(
            "SELECT id, project_id, title, due, scope FROM milestones
             WHERE ($1 IS NULL OR project_id = $1) ORDER BY id",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(milestone).collect()
    }

    /// Adds a progress entry.
    pub async fn insert_progress(&mut self, p: &NewProgress) -> Result<ProgressEntry> {
        let r = sqlx::query(
            "INSERT INTO progress_entries (project_id, milestone_id, date, done, added)
             VALUES ($1, $2, $3, $4, $5) RETURNING id, project_id, milestone_id, date, done, added",
        )
        .bind(p.project_id)
        .bind(p.milestone_id)
        .bind(p.date.to_string())
        .bind(i64::from(p.done))
        .bind(i64::from(p.added))
        .fetch_one(self.conn())
        .await?;
        progress(&r)
    }

    /// Progress entries of a project (or all, with `None`), by id.
    pub async fn progress(&mut self, project_id: Option<Id>) -> Result<Vec<ProgressEntry>> {
        let rows = sqlx::query(
            "SELECT id, project_id, milestone_id, date, done, added FROM progress_entries
             WHERE ($1 IS NULL OR project_id = $1) ORDER BY id",
        )
        .bind(project_id)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(progress).collect()
    }
}
