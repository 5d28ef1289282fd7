//! Restoring exported objects with their original ids (import-json), and the checks around it.

use crate::{Backend, Result, SealedRecord, StoreError, Tx, row};
use candor_core::{Client, Commitment, Contact, Milestone, ProgressEntry, Project, TeamMember};

/// Tables restored by import-json, in an order that satisfies foreign keys.
const TABLES: &[&str] = &[
    "team_members",
    "clients",
    "client_key_dates",
    "client_domains",
    "contacts",
    "projects",
    "milestones",
    "progress_entries",
    "commitments",
    "record_entries",
];

impl Tx {
    /// Counts the rows of every workspace table; restore needs them all empty.
    pub async fn row_count(&mut self, tables: &[&str]) -> Result<i64> {
        let mut n = 0;
        for t in TABLES.iter().chain(tables) {
            let r = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) AS n FROM {t}"
            )))
            .fetch_one(self.conn())
            .await?;
            n += row::int(&r, "n")?;
        }
        Ok(n)
    }

    /// After inserting rows with explicit ids, moves PostgreSQL's identity sequences past them
    /// (SQLite's AUTOINCREMENT follows by itself).
    pub async fn reset_sequences(&mut self, extra_tables: &[&str]) -> Result<()> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        for t in TABLES.iter().chain(extra_tables) {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'),
                               COALESCE((SELECT MAX(id) FROM {t}), 0) + 1, false)"
            )))
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }

    /// Inserts a team member with its id.
    pub async fn restore_team_member(&mut self, m: &TeamMember) -> Result<()> {
        sqlx::query("INSERT INTO team_members (id, name, email, role) VALUES ($1, $2, $3, $4)")
            .bind(m.id)
            .bind(&m.name)
            .bind(&m.email)
            .bind(&m.role)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Inserts a client with its id, key dates and domains.
    pub async fn restore_client(&mut self, c: &Client) -> Result<()> {
        sqlx::query(
            "INSERT INTO clients (id, name, language, country, time_zone, goals)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(c.id)
        .bind(&c.name)
        .bind(c.language.code())
        .bind(&c.country)
        .bind(&c.time_zone)
        .bind(&c.goals)
        .execute(self.conn())
        .await?;
        for k in &c.key_dates {
            sqlx::query(
                "INSERT INTO client_key_dates (client_id, label, date) VALUES ($1, $2, $3)",
            )
            .bind(c.id)
            .bind(&k.label)
            .bind(k.date.to_string())
            .execute(self.conn())
            .await?;
        }
        for d in &c.email_domains {
            sqlx::query("INSERT INTO client_domains (client_id, domain) VALUES ($1, $2)")
                .bind(c.id)
                .bind(d)
                .execute(self.conn())
                .await
                .map_err(|e| StoreError::conflict_or(e, || format!("domain {d} listed twice")))?;
        }
        Ok(())
    }

    /// Inserts a contact with its id.
    pub async fn restore_contact(&mut self, c: &Contact) -> Result<()> {
        sqlx::query(
            "INSERT INTO contacts (id, client_id, name, email, phone, preferred_channel, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(c.id)
        .bind(c.client_id)
        .bind(&c.name)
        .bind(&c.email)
        .bind(&c.phone)
        .bind(c.preferred_channel.as_str())
        .bind(c.language.map(|l| l.code()))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts a project with its id.
    pub async fn restore_project(&mut self, p: &Project) -> Result<()> {
        sqlx::query(
            "INSERT INTO projects (id, client_id, name, start_date, deadline, status)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(p.id)
        .bind(p.client_id)
        .bind(&p.name)
        .bind(p.start.to_string())
        .bind(p.deadline.to_string())
        .bind(p.status.as_str())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts a milestone with its id.
    pub async fn restore_milestone(&mut self, m: &Milestone) -> Result<()> {
        sqlx::query(
            "INSERT INTO milestones (id, project_id, title, due, scope) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(m.id)
        .bind(m.project_id)
        .bind(&m.title)
        .bind(m.due.to_string())
        .bind(i64::from(m.scope))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts a progress entry with its id.
    pub async fn restore_progress(&mut self, p: &ProgressEntry) -> Result<()> {
        sqlx::query(
            "INSERT INTO progress_entries (id, project_id, milestone_id, date, done, added)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(p.id)
        .bind(p.project_id)
        .bind(p.milestone_id)
        .bind(p.date.to_string())
        .bind(i64::from(p.done))
        .bind(i64::from(p.added))
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts a commitment with its id.
    pub async fn restore_commitment(&mut self, c: &Commitment) -> Result<()> {
        let (kind, value) = c.source.to_parts();
        sqlx::query(
            "INSERT INTO commitments (id, client_id, project_id, text, made_by, made_at,
             source_kind, source_value, due, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(c.id)
        .bind(c.client_id)
        .bind(c.project_id)
        .bind(&c.text)
        .bind(&c.made_by)
        .bind(c.made_at.to_string())
        .bind(kind)
        .bind(value)
        .bind(c.due.map(|d| d.to_string()))
        .bind(c.status.as_str())
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Inserts a record entry with its id and chain fields exactly as exported (the caller
    /// verifies the chain afterwards).
    pub async fn restore_record(&mut self, s: &SealedRecord) -> Result<()> {
        let e = &s.entry;
        let participants = serde_json::to_string(&e.participants).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO record_entries (id, client_id, project_id, incident_id, kind, direction,
             at, author, participants, subject, body, source, corrects, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(e.id)
        .bind(e.client_id)
        .bind(e.project_id)
        .bind(e.incident_id)
        .bind(e.kind.as_str())
        .bind(e.direction.as_str())
        .bind(row::ts_text(e.at))
        .bind(&e.author)
        .bind(participants)
        .bind(&e.subject)
        .bind(&e.body)
        .bind(&e.source)
        .bind(s.corrects)
        .bind(&s.prev_hash)
        .bind(&s.hash)
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
