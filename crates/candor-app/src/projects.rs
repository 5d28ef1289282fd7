//! Use cases for projects, milestones and the progress log.

mod superseded;

use crate::{App, AppError, Result, resolve};
use candor_core::{
    Id, Milestone, NewMilestone, NewProgress, NewProject, ProgressEntry, Project, ValidationError,
};
use serde::{Deserialize, Serialize};
pub(crate) use superseded::{Superseded, counted_progress};

/// Raw input for a new project.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ProjectInput {
    /// Client name or id.
    pub client: String,
    /// Name.
    pub name: String,
    /// Start date.
    pub start: String,
    /// Deadline.
    pub deadline: String,
    /// Status (default active).
    pub status: Option<String>,
}

/// Raw input for a new milestone.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct MilestoneInput {
    /// Project name or id.
    pub project: String,
    /// Client, to tell apart projects with the same name.
    pub client: Option<String>,
    /// Title.
    pub title: String,
    /// Due date.
    pub due: String,
    /// Scope in items.
    pub scope: String,
}

/// Raw input for a progress entry.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct ProgressInput {
    /// Project name or id.
    pub project: String,
    /// Client, to tell apart projects with the same name.
    pub client: Option<String>,
    /// Milestone title, if the work counted toward one.
    pub milestone: Option<String>,
    /// Day (default today).
    pub date: Option<String>,
    /// Items done.
    pub done: String,
    /// Items added.
    pub added: String,
}

/// Scope arithmetic of a project: everything planned, added, done and left, counting the
/// progress entries that count (not those an import supersedes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ScopeTotals {
    /// Items planned in milestones.
    pub planned: u64,
    /// Items added since (scope growth).
    pub added: u64,
    /// Items done.
    pub done: u64,
    /// Items left (never negative).
    pub remaining: u64,
}

impl ScopeTotals {
    pub(crate) fn of(milestones: &[Milestone], progress: &[ProgressEntry]) -> Self {
        let planned = milestones.iter().map(|m| u64::from(m.scope)).sum();
        let added = progress.iter().map(|p| u64::from(p.added)).sum();
        let done = progress.iter().map(|p| u64::from(p.done)).sum();
        Self {
            planned,
            added,
            done,
            remaining: (planned + added).saturating_sub(done),
        }
    }
}

/// One line of the project list.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProjectSummary {
    /// The project.
    #[serde(flatten)]
    pub project: Project,
    /// Its client's name.
    pub client: String,
    /// Scope totals.
    pub scope: ScopeTotals,
}

/// A project with its milestones and progress.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProjectView {
    /// The project.
    #[serde(flatten)]
    pub project: Project,
    /// Its client's name.
    pub client: String,
    /// Scope totals.
    pub scope: ScopeTotals,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Progress log: every entry, including those an import supersedes.
    pub progress: Vec<ProgressEntry>,
    /// Ids of the entries logged by hand that an import supersedes: kept and listed, but no
    /// longer counted, because the import now fills their milestone.
    pub superseded: Vec<Id>,
}

impl App {
    /// Adds a project to a client.
    pub async fn add_project(&self, input: &ProjectInput) -> Result<Project> {
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let p = NewProject::parse(
            client.id,
            &input.name,
            &input.start,
            &input.deadline,
            input.status.as_deref(),
        )?;
        let stored = tx.insert_project(&p).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Every project (of one client when given) with scope totals.
    pub async fn projects(&self, client: Option<&str>) -> Result<Vec<ProjectSummary>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let clients = tx.clients().await?;
        let mut out = Vec::new();
        for project in tx.projects(client_id).await? {
            let ms = tx.milestones(Some(project.id)).await?;
            let pr = tx.progress(Some(project.id)).await?;
            let pr = counted_progress(&mut tx, Some(project.id), &ms, pr).await?;
            let client = clients
                .iter()
                .find(|c| c.id == project.client_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            out.push(ProjectSummary {
                scope: ScopeTotals::of(&ms, &pr),
                project,
                client,
            });
        }
        Ok(out)
    }

    /// One project with milestones and progress.
    pub async fn project_view(&self, key: &str, client: Option<&str>) -> Result<ProjectView> {
        let mut tx = self.begin().await?;
        let project = resolve::project(&mut tx, key, client).await?;
        let client = tx.client(project.client_id).await?.name;
        let milestones = tx.milestones(Some(project.id)).await?;
        let progress = tx.progress(Some(project.id)).await?;
        let superseded =
            Superseded::load(&mut tx, Some(project.id), &milestones, &progress).await?;
        let counted = superseded.counted(progress.clone());
        Ok(ProjectView {
            scope: ScopeTotals::of(&milestones, &counted),
            superseded: superseded.ids_in(&progress),
            project,
            client,
            milestones,
            progress,
        })
    }

    /// Ids of a project's hand-logged progress entries that an import supersedes.
    pub async fn superseded_progress(&self, project_id: Id) -> Result<Vec<Id>> {
        let mut tx = self.begin().await?;
        let milestones = tx.milestones(Some(project_id)).await?;
        let progress = tx.progress(Some(project_id)).await?;
        let s = Superseded::load(&mut tx, Some(project_id), &milestones, &progress).await?;
        Ok(s.ids_in(&progress))
    }

    /// Adds a milestone to a project.
    pub async fn add_milestone(&self, input: &MilestoneInput) -> Result<Milestone> {
        let mut tx = self.begin().await?;
        let project = resolve::project(&mut tx, &input.project, input.client.as_deref()).await?;
        let m = NewMilestone::parse(&project, &input.title, &input.due, &input.scope)?;
        let stored = tx.insert_milestone(&m).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Logs a day's progress on a project.
    pub async fn log_progress(&self, input: &ProgressInput) -> Result<ProgressEntry> {
        let mut tx = self.begin().await?;
        let project = resolve::project(&mut tx, &input.project, input.client.as_deref()).await?;
        let milestone_id = match &input.milestone {
            Some(title) => {
                let ms = tx.milestones(Some(project.id)).await?;
                let found = ms
                    .iter()
                    .find(|m| m.title.eq_ignore_ascii_case(title.trim()))
                    .ok_or_else(|| AppError::NotFound {
                        what: "milestone",
                        key: title.clone(),
                        hint: format!(
                            "; {} has: {}",
                            project.name,
                            ms.iter()
                                .map(|m| m.title.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    })?;
                Some(found.id)
            }
            None => None,
        };
        let today = self.today();
        let date = input.date.clone().unwrap_or_else(|| today.to_string());
        let p = NewProgress::parse(
            &project,
            milestone_id,
            &date,
            &input.done,
            &input.added,
            today,
        )?;
        if p.done == 0 && p.added == 0 && input.date.is_none() {
            return Err(ValidationError::new(
                "done",
                &input.done,
                "nothing to log: give --done or --added (log an explicit --date to record a zero day)",
            )
            .into());
        }
        let stored = tx.insert_progress(&p).await?;
        tx.commit().await?;
        Ok(stored)
    }
}
