//! Incidents in the store: the playbook run, its step changes, evidence, and the contact
//! attempts and skip reasons it keeps as record entries (with the incident id).

use crate::{Result, StoreError, Tx, row};
use candor_core::playbook::{
    ContactAttempt, ContactKind, Evidence, Incident, IncidentKind, Legal, PromiseLink, Skip, Step,
    Transition,
};
use candor_core::{Direction, Id, NewRecordEntry, RecordKind};
use sqlx::any::AnyRow;

const COLS: &str = "id, kind, client_id, project_id, milestone_id, commitment_id, \
    no_commitment_found, step, opened_at, trouble_since, deadline, cause, impact, goals, new_date, \
    plan, remedy, legal_involved, legal_clause, legal_consulted, team, follow_up_summary, \
    delivered_on, retro";

/// Filters for listing incidents.
#[derive(Debug, Clone, Copy, Default)]
pub struct IncidentFilter {
    /// Only this client.
    pub client_id: Option<Id>,
    /// Only incidents that are not closed.
    pub open_only: bool,
}

/// Maps a JSON column error to `Corrupt`. (Written per call site rather than as a generic
/// helper so this crate needs no direct `serde` dependency for the trait bounds.)
fn corrupt(what: &'static str) -> impl Fn(serde_json::Error) -> StoreError {
    move |e| StoreError::Corrupt {
        what,
        reason: e.to_string(),
    }
}

/// Reads the incident row; child lists are filled by [`Tx::incident_children`].
fn incident_row(r: &AnyRow) -> Result<Incident> {
    let promise = match (
        row::opt_int(r, "commitment_id")?,
        row::opt_text(r, "no_commitment_found")?,
    ) {
        (Some(id), _) => Some(PromiseLink::Commitment(id)),
        (None, Some(t)) => Some(PromiseLink::NoneFound(t)),
        (None, None) => None,
    };
    let opened_at = row::timestamp(r, "opened_at")?;
    Ok(Incident {
        id: row::int(r, "id")?,
        kind: row::parsed(r, "kind", IncidentKind::parse)?,
        client_id: row::int(r, "client_id")?,
        project_id: row::opt_int(r, "project_id")?,
        milestone_id: row::opt_int(r, "milestone_id")?,
        promise,
        step: row::parsed(r, "step", Step::parse)?,
        opened_at,
        trouble_since: row::timestamp(r, "trouble_since")?,
        deadline: row::opt_date(r, "deadline")?,
        cause: row::opt_text(r, "cause")?,
        impact: row::opt_text(r, "impact")?,
        goals: row::opt_text(r, "goals")?,
        new_date: row::opt_date(r, "new_date")?,
        plan: serde_json::from_str(&row::text(r, "plan")?).map_err(corrupt("plan"))?,
        remedy: match row::opt_text(r, "remedy")? {
            Some(s) => Some(serde_json::from_str(&s).map_err(corrupt("remedy"))?),
            None => None,
        },
        legal: Legal {
            involved: row::opt_int(r, "legal_involved")?.map(|v| v != 0),
            clause: row::opt_text(r, "legal_clause")?,
            consulted: row::opt_text(r, "legal_consulted")?,
        },
        team: row::opt_text(r, "team")?,
        evidence: Vec::new(),
        contacts: Vec::new(),
        follow_up_summary: row::opt_text(r, "follow_up_summary")?,
        delivered_on: row::opt_date(r, "delivered_on")?,
        retro: match row::opt_text(r, "retro")? {
            Some(s) => Some(serde_json::from_str(&s).map_err(corrupt("retro"))?),
            None => None,
        },
        skips: Vec::new(),
        transitions: Vec::new(),
    })
}

impl Tx {
    /// Stores a newly opened incident, setting its id.
    pub async fn insert_incident(&mut self, i: &mut Incident, author: &str) -> Result<()> {
        let r = sqlx::query(
            "INSERT INTO incidents (kind, client_id, step, opened_at, trouble_since, plan, updated_at)
             VALUES ($1, $2, $3, $4, $5, '[]', $4) RETURNING id",
        )
        .bind(i.kind.as_str())
        .bind(i.client_id)
        .bind(i.step.as_str())
        .bind(row::ts_text(i.opened_at))
        .bind(row::ts_text(i.trouble_since))
        .fetch_one(self.conn())
        .await?;
        i.id = row::int(&r, "id")?;
        self.save_incident(i, author).await
    }

    /// Writes every field of `i`, replaces its transitions and evidence, and adds new contact
    /// attempts and skips as record entries (setting their `record_id`).
    pub async fn save_incident(&mut self, i: &mut Incident, author: &str) -> Result<()> {
        self.update_incident_row(i).await?;
        sqlx::query("DELETE FROM incident_transitions WHERE incident_id = $1")
            .bind(i.id)
            .execute(self.conn())
            .await?;
        for t in &i.transitions {
            sqlx::query(
                "INSERT INTO incident_transitions (incident_id, from_step, to_step, at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(i.id)
            .bind(t.from.map(Step::as_str))
            .bind(t.to.as_str())
            .bind(row::ts_text(t.at))
            .execute(self.conn())
            .await?;
        }
        sqlx::query("DELETE FROM incident_evidence WHERE incident_id = $1")
            .bind(i.id)
            .execute(self.conn())
            .await?;
        for e in &i.evidence {
            let (kind, id) = match e {
                Evidence::Record(id) => ("record", *id),
                Evidence::Commitment(id) => ("commitment", *id),
            };
            sqlx::query(
                "INSERT INTO incident_evidence (incident_id, kind, ref_id) VALUES ($1, $2, $3)",
            )
            .bind(i.id)
            .bind(kind)
            .bind(id)
            .execute(self.conn())
            .await?;
        }
        self.save_new_contacts(i, author).await?;
        self.save_new_skips(i, author).await
    }

    async fn update_incident_row(&mut self, i: &Incident) -> Result<()> {
        let (commitment_id, none_found) = match &i.promise {
            Some(PromiseLink::Commitment(id)) => (Some(*id), None),
            Some(PromiseLink::NoneFound(t)) => (None, Some(t.clone())),
            None => (None, None),
        };
        let remedy = match &i.remedy {
            Some(r) => Some(serde_json::to_string(r).map_err(corrupt("remedy"))?),
            None => None,
        };
        let retro = match &i.retro {
            Some(r) => Some(serde_json::to_string(r).map_err(corrupt("retro"))?),
            None => None,
        };
        let plan = serde_json::to_string(&i.plan).map_err(corrupt("plan"))?;
        sqlx::query(
            "UPDATE incidents SET project_id = $2, milestone_id = $3, commitment_id = $4,
               no_commitment_found = $5, step = $6, trouble_since = $7, deadline = $8, cause = $9,
               impact = $10, goals = $11, new_date = $12, plan = $13, remedy_type = $14,
               remedy = $15, legal_involved = $16, legal_clause = $17, legal_consulted = $18,
               team = $19, follow_up_summary = $20, delivered_on = $21, retro = $22,
               client_told_at = $23, updated_at = $24
             WHERE id = $1",
        )
        .bind(i.id)
        .bind(i.project_id)
        .bind(i.milestone_id)
        .bind(commitment_id)
        .bind(none_found)
        .bind(i.step.as_str())
        .bind(row::ts_text(i.trouble_since))
        .bind(i.deadline.map(|d| d.to_string()))
        .bind(i.cause.clone())
        .bind(i.impact.clone())
        .bind(i.goals.clone())
        .bind(i.new_date.map(|d| d.to_string()))
        .bind(plan)
        .bind(i.remedy.as_ref().map(|r| r.type_id()))
        .bind(remedy)
        .bind(i.legal.involved.map(i64::from))
        .bind(i.legal.clause.clone())
        .bind(i.legal.consulted.clone())
        .bind(i.team.clone())
        .bind(i.follow_up_summary.clone())
        .bind(i.delivered_on.map(|d| d.to_string()))
        .bind(retro)
        .bind(i.client_told_at().map(row::ts_text))
        .bind(row::ts_text(jiff::Timestamp::now()))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    fn record_for(
        i: &Incident,
        kind: RecordKind,
        direction: Direction,
        at: jiff::Timestamp,
    ) -> NewRecordEntry {
        NewRecordEntry {
            client_id: i.client_id,
            project_id: i.project_id,
            incident_id: Some(i.id),
            kind,
            direction,
            at,
            author: String::new(),
            participants: Vec::new(),
            subject: String::new(),
            body: String::new(),
            source: format!("incident:{}", i.id),
        }
    }

    async fn save_new_contacts(&mut self, i: &mut Incident, author: &str) -> Result<()> {
        for index in 0..i.contacts.len() {
            let c = &i.contacts[index];
            if c.record_id.is_some() {
                continue;
            }
            let mut e = Self::record_for(i, c.kind.record_kind(), Direction::Out, c.at);
            e.author = author.to_owned();
            e.subject = format!("Incident {}: {}", i.id, c.kind.as_str().replace('_', " "));
            e.body = c.outcome.clone();
            let stored = self.insert_record(&e).await?;
            sqlx::query(
                "INSERT INTO incident_contacts
                 (incident_id, record_id, kind, email_first_reason, call_planned_on)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(i.id)
            .bind(stored.id)
            .bind(c.kind.as_str())
            .bind(c.email_first_reason.clone())
            .bind(c.call_planned_on.map(|d| d.to_string()))
            .execute(self.conn())
            .await?;
            i.contacts[index].record_id = Some(stored.id);
        }
        Ok(())
    }

    async fn save_new_skips(&mut self, i: &mut Incident, author: &str) -> Result<()> {
        for index in 0..i.skips.len() {
            let s = &i.skips[index];
            if s.record_id.is_some() {
                continue;
            }
            let mut e = Self::record_for(i, RecordKind::Note, Direction::Internal, s.at);
            e.author = author.to_owned();
            e.subject = format!("Incident {}: skipped {}", i.id, s.step);
            e.body = s.reason.clone();
            let stored = self.insert_record(&e).await?;
            sqlx::query(
                "INSERT INTO incident_skips (incident_id, record_id, step) VALUES ($1, $2, $3)",
            )
            .bind(i.id)
            .bind(stored.id)
            .bind(s.step.as_str())
            .execute(self.conn())
            .await?;
            i.skips[index].record_id = Some(stored.id);
        }
        Ok(())
    }

    /// The incident with this id, with its whole history.
    pub async fn incident(&mut self, id: Id) -> Result<Incident> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM incidents WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: "incident",
            key: id.to_string(),
        })?;
        let mut i = incident_row(&r)?;
        self.incident_children(&mut i).await?;
        Ok(i)
    }

    /// Incidents matching `f`, oldest first.
    pub async fn incidents(&mut self, f: IncidentFilter) -> Result<Vec<Incident>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLS} FROM incidents
             WHERE ($1 IS NULL OR client_id = $1) AND ($2 = 0 OR step <> 'closed')
             ORDER BY id"
        )))
        .bind(f.client_id)
        .bind(i64::from(f.open_only))
        .fetch_all(self.conn())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut i = incident_row(r)?;
            self.incident_children(&mut i).await?;
            out.push(i);
        }
        Ok(out)
    }

    async fn incident_children(&mut self, i: &mut Incident) -> Result<()> {
        let rows = sqlx::query(
            "SELECT from_step, to_step, at FROM incident_transitions WHERE incident_id = $1 ORDER BY id",
        )
        .bind(i.id)
        .fetch_all(self.conn())
        .await?;
        for r in &rows {
            let from = row::opt_text(r, "from_step")?
                .map(|s| Step::parse("from_step", &s))
                .transpose()
                .map_err(|e| StoreError::Corrupt {
                    what: "from_step",
                    reason: e.to_string(),
                })?;
            i.transitions.push(Transition {
                from,
                to: row::parsed(r, "to_step", Step::parse)?,
                at: row::timestamp(r, "at")?,
            });
        }
        let rows = sqlx::query(
            "SELECT kind, ref_id FROM incident_evidence WHERE incident_id = $1 ORDER BY id",
        )
        .bind(i.id)
        .fetch_all(self.conn())
        .await?;
        for r in &rows {
            let id = row::int(r, "ref_id")?;
            i.evidence.push(match row::text(r, "kind")?.as_str() {
                "record" => Evidence::Record(id),
                _ => Evidence::Commitment(id),
            });
        }
        let rows = sqlx::query(
            "SELECT c.record_id, c.kind, c.email_first_reason, c.call_planned_on, r.at, r.body
             FROM incident_contacts c JOIN record_entries r ON r.id = c.record_id
             WHERE c.incident_id = $1 ORDER BY r.at, c.id",
        )
        .bind(i.id)
        .fetch_all(self.conn())
        .await?;
        for r in &rows {
            i.contacts.push(ContactAttempt {
                record_id: Some(row::int(r, "record_id")?),
                kind: row::parsed(r, "kind", ContactKind::parse)?,
                at: row::timestamp(r, "at")?,
                outcome: row::text(r, "body")?,
                email_first_reason: row::opt_text(r, "email_first_reason")?,
                call_planned_on: row::opt_date(r, "call_planned_on")?,
            });
        }
        let rows = sqlx::query(
            "SELECT s.record_id, s.step, r.at, r.body
             FROM incident_skips s JOIN record_entries r ON r.id = s.record_id
             WHERE s.incident_id = $1 ORDER BY s.id",
        )
        .bind(i.id)
        .fetch_all(self.conn())
        .await?;
        for r in &rows {
            i.skips.push(Skip {
                record_id: Some(row::int(r, "record_id")?),
                step: row::parsed(r, "step", Step::parse)?,
                reason: row::text(r, "body")?,
                at: row::timestamp(r, "at")?,
            });
        }
        Ok(())
    }
}
