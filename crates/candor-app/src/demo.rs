//! `candor demo`: fills an empty database with a realistic workspace to explore candor with.

use crate::demo_content::{CLIENTS, DemoClient, DemoProject, TEAM};
use crate::{App, AppError, Result};
use candor_core::{
    Direction, KeyDate, Language, NewClient, NewCommitment, NewContact, NewMilestone, NewProgress,
    NewProject, NewRecordEntry, NewTeamMember, RecordKind,
};
use candor_store::Tx;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

/// What the demo did.
#[derive(Debug, Clone, Serialize)]
pub struct DemoOutcome {
    /// False when the demo workspace was there already and nothing was written.
    pub created: bool,
    /// Clients in the workspace.
    pub clients: usize,
    /// Projects.
    pub projects: usize,
    /// Progress entries.
    pub progress_entries: usize,
}

/// Deterministic xorshift so the demo looks the same every time it is created.
struct Jitter(u64);

impl Jitter {
    fn next(&mut self, bound: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        u32::try_from(self.0 % u64::from(bound.max(1))).unwrap_or(0)
    }
}

fn day(today: Date, offset: i64) -> Date {
    today.saturating_add(offset.days())
}

impl App {
    /// Creates the demo workspace in one transaction; on a database that already holds it,
    /// writes nothing; on a database with other data, refuses.
    pub async fn demo(&self) -> Result<DemoOutcome> {
        let today = self.today();
        let mut tx = self.begin().await?;
        if tx.row_count(&[]).await? > 0 {
            if tx.client_by_name(CLIENTS[0].name).await.is_ok() {
                return Ok(DemoOutcome {
                    created: false,
                    clients: tx.clients().await?.len(),
                    projects: tx.projects(None).await?.len(),
                    progress_entries: tx.progress(None).await?.len(),
                });
            }
            return Err(AppError::Conflict(
                "this database already holds a workspace; run the demo on a new --db".into(),
            ));
        }
        for (name, email, role) in TEAM {
            tx.insert_team_member(&NewTeamMember::parse(name, email, role)?)
                .await?;
        }
        let mut progress_entries = 0;
        for (i, c) in CLIENTS.iter().enumerate() {
            progress_entries += demo_client(&mut tx, c, today, i as u64 + 1).await?;
        }
        crate::demo_incidents::add(&mut tx, today, self.now()).await?;
        let outcome = DemoOutcome {
            created: true,
            clients: CLIENTS.len(),
            projects: tx.projects(None).await?.len(),
            progress_entries,
        };
        tx.commit().await?;
        Ok(outcome)
    }
}

async fn demo_client(tx: &mut Tx, c: &DemoClient, today: Date, seed: u64) -> Result<usize> {
    let client = tx
        .insert_client(
            &NewClient {
                name: c.name.into(),
                language: Language::parse("language", c.language)?,
                country: c.country.into(),
                time_zone: c.time_zone.into(),
                goals: c.goals.into(),
                key_dates: vec![KeyDate {
                    label: c.key_date.0.into(),
                    date: day(today, c.key_date.1),
                }],
                email_domains: vec![c.domain.into()],
            }
            .validate()?,
        )
        .await?;
    let (name, email, phone, channel) = c.contact;
    tx.insert_contact(&NewContact::parse(
        client.id,
        name,
        Some(email),
        Some(phone),
        Some(channel),
        None,
    )?)
    .await?;
    let mut entries = 0;
    let mut first_project = None;
    for p in c.projects {
        let (id, n) = demo_project(tx, client.id, p, today, seed).await?;
        first_project.get_or_insert(id);
        entries += n;
    }
    let (text, by, made, due, clause) = c.commitment;
    tx.insert_commitment(&NewCommitment::parse(
        client.id,
        first_project,
        text,
        by,
        &day(today, made).to_string(),
        &format!("clause:{clause}"),
        Some(&day(today, due).to_string()),
        None,
    )?)
    .await?;
    for (kind, dir, offset, author, subject, body) in c.records {
        let at = day(today, *offset)
            .at(10, 30, 0, 0)
            .to_zoned_datetime(
                jiff::tz::TimeZone::get(c.time_zone)
                    .map_err(|e| AppError::Check(format!("demo time zone {}: {e}", c.time_zone)))?,
            )
            .map(|z| z.timestamp())
            .map_err(|e| AppError::Check(format!("demo date: {e}")))?;
        let entry = NewRecordEntry {
            client_id: client.id,
            project_id: first_project,
            incident_id: None,
            kind: RecordKind::parse("kind", kind)?,
            direction: Direction::parse("direction", dir)?,
            at,
            author: (*author).into(),
            participants: vec![(*author).into()],
            subject: (*subject).into(),
            body: (*body).into(),
            source: "demo".into(),
        }
        .validate()?;
        tx.insert_record(&entry).await?;
    }
    Ok(entries)
}

async fn demo_project(
    tx: &mut Tx,
    client_id: i64,
    p: &DemoProject,
    today: Date,
    seed: u64,
) -> Result<(i64, usize)> {
    let project = tx
        .insert_project(&NewProject::parse(
            client_id,
            p.name,
            &day(today, p.start).to_string(),
            &day(today, p.deadline).to_string(),
            None,
        )?)
        .await?;
    let mut milestones = Vec::new();
    for (title, due, scope) in p.milestones {
        let m = NewMilestone::parse(
            &project,
            title,
            &day(today, *due).to_string(),
            &scope.to_string(),
        )?;
        milestones.push(tx.insert_milestone(&m).await?);
    }
    let mut rng = Jitter(0x9E37_79B9_7F4A_7C15 ^ seed);
    let (mut carry, mut done_total, mut added_total, mut entries) = (0u32, 0u32, 0u32, 0);
    let mut d = project.start;
    let mut business_day = 0u32;
    while d < today {
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            business_day += 1;
            carry += rng.next(2 * p.rate_x10 + 1);
            let done = carry / 10;
            carry %= 10;
            let added = if p.growth > 0 && business_day.is_multiple_of(10) {
                p.growth
            } else {
                0
            };
            let scope: u32 = milestones.iter().map(|m| m.scope).sum::<u32>() + added_total + added;
            let done = done.min(scope.saturating_sub(done_total));
            let milestone = current_milestone(&milestones, done_total);
            done_total += done;
            added_total += added;
            if done > 0 || added > 0 {
                let np = NewProgress::parse(
                    &project,
                    milestone,
                    &d.to_string(),
                    &done.to_string(),
                    &added.to_string(),
                    today,
                )?;
                tx.insert_progress(&np).await?;
                entries += 1;
            }
        }
        d = d.saturating_add(1.day());
    }
    Ok((project.id, entries))
}

/// The milestone the next item of work counts toward: the first one not yet filled.
fn current_milestone(milestones: &[candor_core::Milestone], done: u32) -> Option<i64> {
    let mut cumulative = 0;
    for m in milestones {
        cumulative += m.scope;
        if done < cumulative {
            return Some(m.id);
        }
    }
    milestones.last().map(|m| m.id)
}
