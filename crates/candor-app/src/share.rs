//! Client share links: a revocable, unguessable read-only view of one project for the client.
//! The view is built here from an allow-list of client-safe fields, so nothing internal (notes,
//! incident causes, other clients, commitments' sources) can leak through a template.

use crate::accounts::{digest, random_secret};
use crate::projects::ScopeTotals;
use crate::{App, AppError, Result, resolve};
use candor_core::{Direction, Id, Language, ProjectStatus, RecordKind};
use candor_store::RecordFilter;
pub use candor_store::ShareLinkRow;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// Check-ins shown on a share page.
const CHECKINS_SHOWN: usize = 5;

/// A newly made share link: the secret is shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct NewShareLink {
    /// The stored facts.
    #[serde(flatten)]
    pub link: ShareLinkRow,
    /// The secret for `/share/<token>`.
    pub token: String,
}

/// A milestone as the client sees it.
#[derive(Debug, Clone, Serialize)]
pub struct SharedMilestone {
    /// Title.
    pub title: String,
    /// Promised date.
    pub due: Date,
    /// Items in scope.
    pub scope: u32,
    /// Items done toward it.
    pub done: u32,
}

/// A message or meeting with the client, as the client sees it (no body, no author).
#[derive(Debug, Clone, Serialize)]
pub struct SharedCheckin {
    /// When.
    pub at: Timestamp,
    /// Kind.
    pub kind: RecordKind,
    /// Subject.
    pub subject: String,
}

/// Everything a share page shows, and nothing else.
#[derive(Debug, Clone, Serialize)]
pub struct SharedProject {
    /// Project name.
    pub project: String,
    /// The client's own name.
    pub client: String,
    /// The client's language (the page is shown in it).
    pub language: Language,
    /// Start.
    pub start: Date,
    /// Deadline.
    pub deadline: Date,
    /// Status.
    pub status: ProjectStatus,
    /// Scope totals.
    pub scope: ScopeTotals,
    /// Milestones.
    pub milestones: Vec<SharedMilestone>,
    /// The latest check-ins with the client, newest first.
    pub checkins: Vec<SharedCheckin>,
}

impl App {
    /// Makes a share link for a project.
    pub async fn create_share_link(&self, project: &str, created_by: &str) -> Result<NewShareLink> {
        let token = random_secret()?;
        let mut tx = self.begin().await?;
        let p = resolve::project(&mut tx, project, None).await?;
        let link = tx
            .insert_share_link(p.id, &digest(&token), created_by, Timestamp::now())
            .await?;
        tx.commit().await?;
        Ok(NewShareLink { link, token })
    }

    /// A project's share links, newest first.
    pub async fn share_links(&self, project: &str) -> Result<Vec<ShareLinkRow>> {
        let mut tx = self.begin().await?;
        let p = resolve::project(&mut tx, project, None).await?;
        Ok(tx.share_links(p.id).await?)
    }

    /// Revokes a share link; its page stops working at once.
    pub async fn revoke_share_link(&self, id: Id) -> Result<ShareLinkRow> {
        let mut tx = self.begin().await?;
        let link = tx.revoke_share_link(id, Timestamp::now()).await?;
        tx.commit().await?;
        Ok(link)
    }

    /// The client view behind a share token; unknown and revoked tokens are `NotFound`.
    pub async fn shared_project(&self, token: &str) -> Result<SharedProject> {
        let mut tx = self.begin().await?;
        let project_id = tx
            .share_link_project(&digest(token))
            .await?
            .ok_or_else(|| AppError::NotFound {
                what: "share link",
                key: "(hidden)".into(),
                hint: String::new(),
            })?;
        let project = tx.project(project_id).await?;
        let client = tx.client(project.client_id).await?;
        let milestones = tx.milestones(Some(project.id)).await?;
        let all = tx.progress(Some(project.id)).await?;
        // What an import supersedes is not counted for the client either.
        let progress =
            crate::projects::counted_progress(&mut tx, Some(project.id), &milestones, all).await?;
        let records = tx
            .records(&RecordFilter {
                client_id: Some(client.id),
                project_id: Some(project.id),
                incident_id: None,
                limit: None,
            })
            .await?;
        let mut checkins: Vec<SharedCheckin> = records
            .into_iter()
            .filter(|r| r.direction == Direction::Out)
            .filter(|r| {
                matches!(
                    r.kind,
                    RecordKind::Email | RecordKind::Call | RecordKind::Meeting
                )
            })
            .map(|r| SharedCheckin {
                at: r.at,
                kind: r.kind,
                subject: r.subject,
            })
            .collect();
        checkins.sort_by_key(|c| std::cmp::Reverse(c.at));
        checkins.truncate(CHECKINS_SHOWN);
        let shared_ms = milestones
            .iter()
            .map(|m| SharedMilestone {
                title: m.title.clone(),
                due: m.due,
                scope: m.scope,
                done: progress
                    .iter()
                    .filter(|p| p.milestone_id == Some(m.id))
                    .map(|p| p.done)
                    .sum(),
            })
            .collect();
        Ok(SharedProject {
            scope: ScopeTotals::of(&milestones, &progress),
            project: project.name,
            client: client.name,
            language: client.language,
            start: project.start,
            deadline: project.deadline,
            status: project.status,
            milestones: shared_ms,
            checkins,
        })
    }
}
