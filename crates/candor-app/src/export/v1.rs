//! Reading version 1 exports (foundation tables only, as domain objects) into version 2's
//! table rows, so files written by earlier builds still restore.

use super::format::{Row, TableRows, Tables};
use candor_core::{Client, Commitment, Contact, Milestone, ProgressEntry, Project, TeamMember};
use candor_store::SealedRecord;
use serde::Deserialize;
use serde_json::{Value, json};

/// A version 1 export: the foundation tables as domain objects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportV1 {
    // Checked from the header already; listed so `deny_unknown_fields` accepts them.
    #[expect(
        dead_code,
        reason = "read by the header check, kept for deny_unknown_fields"
    )]
    format: String,
    #[expect(
        dead_code,
        reason = "read by the header check, kept for deny_unknown_fields"
    )]
    version: u32,
    team: Vec<TeamMember>,
    clients: Vec<Client>,
    contacts: Vec<Contact>,
    projects: Vec<Project>,
    milestones: Vec<Milestone>,
    progress: Vec<ProgressEntry>,
    commitments: Vec<Commitment>,
    records: Vec<SealedRecord>,
}

/// A row from `(column, value)` pairs.
fn row<const N: usize>(pairs: [(&str, Value); N]) -> Row {
    Row(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn table(name: &str, rows: Vec<Row>) -> TableRows {
    TableRows {
        name: name.into(),
        rows,
    }
}

impl ExportV1 {
    /// The same data as version 2 table rows (key dates and domains get new ids, as version 1
    /// had none for them).
    pub fn into_tables(self) -> Tables {
        let team = self.team.iter().map(|m| {
            row([
                ("id", json!(m.id)),
                ("name", json!(m.name)),
                ("email", json!(m.email)),
                ("role", json!(m.role)),
            ])
        });
        let clients = self.clients.iter().map(|c| {
            row([
                ("id", json!(c.id)),
                ("name", json!(c.name)),
                ("language", json!(c.language.code())),
                ("country", json!(c.country)),
                ("time_zone", json!(c.time_zone)),
                ("goals", json!(c.goals)),
            ])
        });
        let key_dates = self.clients.iter().flat_map(|c| {
            c.key_dates.iter().map(|k| {
                row([
                    ("client_id", json!(c.id)),
                    ("label", json!(k.label)),
                    ("date", json!(k.date.to_string())),
                ])
            })
        });
        let domains = self.clients.iter().flat_map(|c| {
            c.email_domains
                .iter()
                .map(|d| row([("client_id", json!(c.id)), ("domain", json!(d))]))
        });
        let contacts = self.contacts.iter().map(|c| {
            row([
                ("id", json!(c.id)),
                ("client_id", json!(c.client_id)),
                ("name", json!(c.name)),
                ("email", json!(c.email)),
                ("phone", json!(c.phone)),
                ("preferred_channel", json!(c.preferred_channel.as_str())),
                ("language", json!(c.language.map(|l| l.code()))),
            ])
        });
        let projects = self.projects.iter().map(|p| {
            row([
                ("id", json!(p.id)),
                ("client_id", json!(p.client_id)),
                ("name", json!(p.name)),
                ("start_date", json!(p.start.to_string())),
                ("deadline", json!(p.deadline.to_string())),
                ("status", json!(p.status.as_str())),
            ])
        });
        let milestones = self.milestones.iter().map(|m| {
            row([
                ("id", json!(m.id)),
                ("project_id", json!(m.project_id)),
                ("title", json!(m.title)),
                ("due", json!(m.due.to_string())),
                ("scope", json!(m.scope)),
            ])
        });
        let progress = self.progress.iter().map(|p| {
            row([
                ("id", json!(p.id)),
                ("project_id", json!(p.project_id)),
                ("milestone_id", json!(p.milestone_id)),
                ("date", json!(p.date.to_string())),
                ("done", json!(p.done)),
                ("added", json!(p.added)),
            ])
        });
        let commitments = self.commitments.iter().map(|c| {
            let (kind, value) = c.source.to_parts();
            row([
                ("id", json!(c.id)),
                ("client_id", json!(c.client_id)),
                ("project_id", json!(c.project_id)),
                ("text", json!(c.text)),
                ("made_by", json!(c.made_by)),
                ("made_at", json!(c.made_at.to_string())),
                ("source_kind", json!(kind)),
                ("source_value", json!(value)),
                ("due", json!(c.due.map(|d| d.to_string()))),
                ("status", json!(c.status.as_str())),
            ])
        });
        let records = self.records.iter().map(|s| {
            let e = &s.entry;
            let participants =
                serde_json::to_string(&e.participants).unwrap_or_else(|_| "[]".into());
            row([
                ("id", json!(e.id)),
                ("client_id", json!(e.client_id)),
                ("project_id", json!(e.project_id)),
                ("incident_id", json!(e.incident_id)),
                ("kind", json!(e.kind.as_str())),
                ("direction", json!(e.direction.as_str())),
                // The store's one timestamp form: whole seconds in UTC.
                ("at", json!(e.at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())),
                ("author", json!(e.author)),
                ("participants", json!(participants)),
                ("subject", json!(e.subject)),
                ("body", json!(e.body)),
                ("source", json!(e.source)),
                ("corrects", json!(s.corrects)),
                ("prev_hash", json!(s.prev_hash)),
                ("hash", json!(s.hash)),
            ])
        });
        Tables(vec![
            table("team_members", team.collect()),
            table("clients", clients.collect()),
            table("client_key_dates", key_dates.collect()),
            table("client_domains", domains.collect()),
            table("contacts", contacts.collect()),
            table("projects", projects.collect()),
            table("milestones", milestones.collect()),
            table("progress_entries", progress.collect()),
            table("commitments", commitments.collect()),
            table("record_entries", records.collect()),
        ])
    }
}
