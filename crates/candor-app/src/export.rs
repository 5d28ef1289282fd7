//! The whole workspace as one JSON document, and restoring it into an empty database.
//! Export is deterministic (objects by id, fixed field order), so export → import → export gives
//! byte-identical output on either backend and across them.

use crate::{App, AppError, Result};
use candor_core::{
    Client, Commitment, Contact, Milestone, ProgressEntry, Project, TeamMember, ValidationError,
};
use candor_store::SealedRecord;
use serde::{Deserialize, Serialize};

/// The format marker written into every export.
pub const FORMAT: &str = "candor-workspace";
/// The export format version this build writes and reads.
pub const VERSION: u32 = 1;

/// Everything in a workspace.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceExport {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Team roster.
    pub team: Vec<TeamMember>,
    /// Clients with key dates and domains.
    pub clients: Vec<Client>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Projects.
    pub projects: Vec<Project>,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Progress log.
    pub progress: Vec<ProgressEntry>,
    /// Commitments.
    pub commitments: Vec<Commitment>,
    /// Record entries with their hash-chain fields (verified on import).
    pub records: Vec<SealedRecord>,
}

impl App {
    /// Reads the whole workspace in one consistent snapshot.
    pub async fn export(&self) -> Result<WorkspaceExport> {
        let mut tx = self.begin().await?;
        Ok(WorkspaceExport {
            format: FORMAT.into(),
            version: VERSION,
            team: tx.team_members().await?,
            clients: tx.clients().await?,
            contacts: tx.contacts(None).await?,
            projects: tx.projects(None).await?,
            milestones: tx.milestones(None).await?,
            progress: tx.progress(None).await?,
            commitments: tx.commitments(None).await?,
            records: tx.all_sealed_records().await?,
        })
    }

    /// The export as pretty JSON text with a trailing newline.
    pub async fn export_json(&self) -> Result<String> {
        let data = self.export().await?;
        let mut s = serde_json::to_string_pretty(&data)
            .map_err(|e| AppError::Check(format!("cannot serialise the export: {e}")))?;
        s.push('\n');
        Ok(s)
    }

    /// Restores an export into an empty database, all or nothing.
    pub async fn import_json(&self, text: &str, origin: &str) -> Result<WorkspaceExport> {
        let data: WorkspaceExport = serde_json::from_str(text).map_err(|e| {
            ValidationError::new(
                "file",
                origin,
                format!(
                    "not a candor workspace export (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        if data.format != FORMAT || data.version != VERSION {
            return Err(ValidationError::new(
                "file",
                origin,
                format!(
                    "format {:?} version {} is not {FORMAT:?} version {VERSION}",
                    data.format, data.version
                ),
            )
            .into());
        }
        let mut tx = self.begin().await?;
        if tx.row_count(&[]).await? > 0 {
            return Err(AppError::Conflict(
                "import-json restores into an empty database only; this one has data \
                 (use a new --db)"
                    .into(),
            ));
        }
        if let Err(e) = restore(&mut tx, &data).await {
            // A dangling reference or a duplicate in a hand-edited file is bad input, not a crash.
            return Err(match e {
                candor_store::StoreError::Database(db) => ValidationError::new(
                    "file",
                    origin,
                    format!("the export is inconsistent and was not restored: {db}"),
                )
                .into(),
                other => other.into(),
            });
        }
        tx.reset_sequences(&[]).await?;
        if let Some(b) = crate::records::first_break(&mut tx, None).await? {
            return Err(ValidationError::new(
                "file",
                origin,
                format!(
                    "the record's hash chain is broken at entry {} (client {}): {}; nothing was \
                     restored",
                    b.entry_id, b.client_id, b.reason
                ),
            )
            .into());
        }
        tx.commit().await?;
        Ok(data)
    }
}

/// Inserts every object of `data` with its id, parents before children.
async fn restore(tx: &mut candor_store::Tx, data: &WorkspaceExport) -> candor_store::Result<()> {
    for m in &data.team {
        tx.restore_team_member(m).await?;
    }
    for c in &data.clients {
        tx.restore_client(c).await?;
    }
    for c in &data.contacts {
        tx.restore_contact(c).await?;
    }
    for p in &data.projects {
        tx.restore_project(p).await?;
    }
    for m in &data.milestones {
        tx.restore_milestone(m).await?;
    }
    for p in &data.progress {
        tx.restore_progress(p).await?;
    }
    for c in &data.commitments {
        tx.restore_commitment(c).await?;
    }
    for r in &data.records {
        tx.restore_record(r).await?;
    }
    Ok(())
}
