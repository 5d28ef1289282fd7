//! Use cases for commitments and the client record (call notes, meetings, documents).

use crate::{App, Result, resolve};
use candor_core::{
    Commitment, CommitmentStatus, Direction, NewCommitment, NewRecordEntry, RecordEntry,
    RecordKind, field,
};
use candor_store::{ChainBreak, ChainStatus, RecordFilter, SealedRecord, Tx};
use serde::Deserialize;

/// Raw input for a new commitment.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct CommitmentInput {
    /// Client name or id.
    pub client: String,
    /// Project name or id.
    pub project: Option<String>,
    /// What was promised.
    pub text: String,
    /// Who promised it.
    pub made_by: String,
    /// When (default today).
    pub made_at: Option<String>,
    /// Source reference (`record:ID`, `message-id:<…>`, `clause:…`).
    pub source: Option<String>,
    /// Due date.
    pub due: Option<String>,
    /// Status (default open).
    pub status: Option<String>,
}

/// Raw input for a new record entry.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct RecordInput {
    /// Client name or id.
    pub client: String,
    /// Project name or id.
    pub project: Option<String>,
    /// Kind ID.
    pub kind: String,
    /// Direction ID (default: `internal` for notes, `out` otherwise).
    pub direction: Option<String>,
    /// When (default now).
    pub at: Option<String>,
    /// Author.
    pub author: String,
    /// Participants.
    pub participants: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// Source (default "cli").
    pub source: Option<String>,
}

impl App {
    /// Records a commitment made to a client.
    pub async fn add_commitment(&self, input: &CommitmentInput) -> Result<Commitment> {
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let project_id =
            resolve::project_id(&mut tx, input.project.as_deref(), Some(&client.name)).await?;
        let made_at = input
            .made_at
            .clone()
            .unwrap_or_else(|| self.today().to_string());
        let c = NewCommitment::parse(
            client.id,
            project_id,
            &input.text,
            &input.made_by,
            &made_at,
            input.source.as_deref().unwrap_or(""),
            input.due.as_deref(),
            input.status.as_deref(),
        )?;
        if let candor_core::SourceRef::Record(id) = c.source {
            let r = tx.record(id).await?;
            if r.client_id != client.id {
                return Err(candor_core::ValidationError::new(
                    "source",
                    format!("record:{id}"),
                    "that record entry belongs to another client",
                )
                .into());
            }
        }
        let stored = tx.insert_commitment(&c).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Commitments, of one client when given.
    pub async fn commitments(&self, client: Option<&str>) -> Result<Vec<Commitment>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        Ok(tx.commitments(client_id).await?)
    }

    /// Changes a commitment's status.
    pub async fn set_commitment_status(&self, id: i64, status: &str) -> Result<Commitment> {
        let status = CommitmentStatus::parse("status", status)?;
        let mut tx = self.begin().await?;
        let c = tx.set_commitment_status(id, status).await?;
        tx.commit().await?;
        Ok(c)
    }

    /// Adds an entry to a client's record.
    pub async fn add_record(&self, input: &RecordInput) -> Result<RecordEntry> {
        Ok(self.add_record_entry(input, None).await?.entry)
    }

    /// Adds a correction of entry `corrects`: a new entry naming the old one, which is kept
    /// unchanged (the record is never rewritten in place).
    pub async fn add_correction(&self, corrects: i64, input: &RecordInput) -> Result<SealedRecord> {
        self.add_record_entry(input, Some(corrects)).await
    }

    /// One record entry with its hash-chain fields.
    pub async fn record_entry(&self, id: i64) -> Result<SealedRecord> {
        let mut tx = self.begin().await?;
        Ok(tx.sealed_record(id).await?)
    }

    /// Verifies the record's hash chains (one client's when given): one status per client.
    pub async fn verify_records(&self, client: Option<&str>) -> Result<Vec<ChainStatus>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        Ok(tx.verify_chains(client_id).await?)
    }

    async fn add_record_entry(
        &self,
        input: &RecordInput,
        corrects: Option<i64>,
    ) -> Result<SealedRecord> {
        let kind = RecordKind::parse("kind", &input.kind)?;
        let direction = match &input.direction {
            Some(d) => Direction::parse("direction", d)?,
            None if kind == RecordKind::Note => Direction::Internal,
            None => Direction::Out,
        };
        let at = match &input.at {
            Some(a) => field::timestamp("at", a)?,
            None => jiff::Timestamp::now(),
        };
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let project_id =
            resolve::project_id(&mut tx, input.project.as_deref(), Some(&client.name)).await?;
        let e = NewRecordEntry {
            client_id: client.id,
            project_id,
            incident_id: None,
            kind,
            direction,
            at,
            author: input.author.clone(),
            participants: input.participants.clone(),
            subject: input.subject.clone(),
            body: input.body.clone(),
            source: input.source.clone().unwrap_or_else(|| "cli".into()),
        }
        .validate()?;
        let stored = match corrects {
            Some(old) => tx.insert_correction(&e, old).await?,
            None => {
                let id = tx.insert_record(&e).await?.id;
                tx.sealed_record(id).await?
            }
        };
        if kind == RecordKind::Email && direction == Direction::Out {
            let zone =
                jiff::tz::TimeZone::get(&client.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
            let sent = at.to_zoned_datetime(zone).date();
            crate::followups::from_sent_message(
                &mut tx,
                &stored.entry,
                client.language.code(),
                sent,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(stored)
    }

    /// Record entries in time order, filtered by client and project, the newest `limit`.
    pub async fn records(
        &self,
        client: Option<&str>,
        project: Option<&str>,
        limit: Option<i64>,
    ) -> Result<Vec<RecordEntry>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let project_id = resolve::project_id(&mut tx, project, client).await?;
        Ok(tx
            .records(&RecordFilter {
                client_id,
                project_id,
                incident_id: None,
                limit,
            })
            .await?)
    }
}

/// The first break in any chain (or the one client's), for checks inside a larger use case.
pub(crate) async fn first_break(tx: &mut Tx, client_id: Option<i64>) -> Result<Option<ChainBreak>> {
    Ok(tx
        .verify_chains(client_id)
        .await?
        .into_iter()
        .filter_map(|s| s.broken)
        .min_by_key(|b| b.entry_id))
}
