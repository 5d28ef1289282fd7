//! The demo's incidents: one of each kind, at different steps, so `incident list` and
//! `report comms` have something real to show.

use crate::{AppError, Result};
use candor_core::playbook::{
    ContactKind, Edit, EditContext, Evidence, Incident, IncidentKind, NewContactAttempt,
    NewIncident, Playbook, PlaybookError, PromiseLink, Remedy,
};
use candor_core::{Client, NewCommitment};
use candor_store::Tx;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

const AUTHOR: &str = "Maya Jensen";

fn err(e: PlaybookError) -> AppError {
    AppError::Check(format!("demo incident: {e}"))
}

/// The first business day on or after `today + offset` in the client's country.
fn business_day(client: &Client, today: Date, offset: i64) -> Date {
    let cal = candor_forecast::Calendar::new(&[client.country.as_str()], &[]).ok();
    let mut d = today.saturating_add(offset.days());
    for _ in 0..14 {
        let ok = match cal.as_ref().map(|c| c.is_business_day(d)) {
            Some(Ok(b)) => b,
            _ => candor_core::playbook::weekday_only(d),
        };
        if ok {
            break;
        }
        d = d.saturating_add(1.days());
    }
    d
}

struct Demo<'a> {
    book: &'a Playbook,
    today: Date,
    now: Timestamp,
}

impl Demo<'_> {
    fn set(&self, i: &mut Incident, client: &Client, edits: Vec<Edit>) -> Result<()> {
        let business = |d: Date| business_day(client, d, 0) == d;
        let ctx = EditContext {
            today: self.today,
            now: self.now,
            key_dates: &client.key_dates,
            language: client.language,
            is_business_day: &business,
        };
        i.set(self.book, edits, &ctx).map_err(err)
    }

    fn log(
        &self,
        i: &mut Incident,
        kind: ContactKind,
        hours_ago: i64,
        outcome: &str,
    ) -> Result<()> {
        let attempt = NewContactAttempt {
            kind,
            at: self
                .now
                .saturating_sub(hours_ago.hours())
                .map_err(|e| AppError::Check(e.to_string()))?,
            outcome: outcome.into(),
            reason: None,
            call_on: None,
        };
        i.log_contact(self.book, attempt, self.today, self.now)
            .map_err(err)?;
        Ok(())
    }

    fn open(
        &self,
        kind: IncidentKind,
        client: &Client,
        project_id: Option<i64>,
        days_ago: i64,
    ) -> Result<Incident> {
        let since = self
            .now
            .saturating_sub((days_ago * 24).hours())
            .map_err(|e| AppError::Check(e.to_string()))?;
        Ok(NewIncident {
            kind,
            client_id: client.id,
            project_id,
            milestone_id: None,
            promise: None,
            trouble_since: Some(since),
            deadline: None,
            goals: Some(client.goals.clone()),
        }
        .open(self.now)?)
    }
}

/// Adds a delay at `contact`, a mistake at `follow_up` and a broken promise at `prepare`.
pub async fn add(tx: &mut Tx, today: Date, now: Timestamp) -> Result<()> {
    let demo = Demo {
        book: Playbook::builtin(),
        today,
        now,
    };
    let clients = tx.clients().await?;
    let by_country = |c: &str| clients.iter().find(|x| x.country == c).cloned();
    let (Some(gb), Some(nl), Some(no)) = (by_country("GB"), by_country("NL"), by_country("NO"))
    else {
        return Err(AppError::Check(
            "demo incidents: the demo clients are missing".into(),
        ));
    };
    delay(tx, &demo, &nl).await?;
    mistake(tx, &demo, &gb).await?;
    broken_promise(tx, &demo, &no).await
}

async fn delay(tx: &mut Tx, demo: &Demo<'_>, client: &Client) -> Result<()> {
    let project = tx.projects(Some(client.id)).await?.into_iter().next();
    let mut i = demo.open(
        IncidentKind::Delay,
        client,
        project.as_ref().map(|p| p.id),
        2,
    )?;
    i.deadline = project.as_ref().map(|p| p.deadline);
    demo.set(
        &mut i,
        client,
        vec![Edit::Cause(
            "The POS vendor's API changed without notice; the integration needs a rewrite.".into(),
        )],
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.set(
        &mut i,
        client,
        vec![
            Edit::NewDate(business_day(client, demo.today, 40)),
            Edit::Plan(vec![
                "Een tweede ontwikkelaar werkt mee aan de koppeling met het kassasysteem.".into(),
                "Elke vrijdag sturen we een korte voortgangsupdate met de actuele planning.".into(),
            ]),
            Edit::Remedy(Remedy::parse("future-discount:10%", None, None)?),
            Edit::Team("Lisa de Boer (project lead), Tom Okafor".into()),
        ],
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.log(
        &mut i,
        ContactKind::CallNotAnswered,
        3,
        "Geen gehoor bij Sanne.",
    )?;
    demo.log(
        &mut i,
        ContactKind::VoicemailLeft,
        3,
        "Voicemail ingesproken: graag terugbellen over de planning.",
    )?;
    tx.insert_incident(&mut i, AUTHOR).await?;
    Ok(())
}

async fn mistake(tx: &mut Tx, demo: &Demo<'_>, client: &Client) -> Result<()> {
    let project = tx.projects(Some(client.id)).await?.into_iter().next();
    let mut i = demo.open(
        IncidentKind::Mistake,
        client,
        project.as_ref().map(|p| p.id),
        3,
    )?;
    demo.set(
        &mut i,
        client,
        vec![Edit::Cause(
            "The price table import was left out of the release checklist.".into(),
        )],
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.set(
        &mut i,
        client,
        vec![
            Edit::Impact(
                "The portal showed last year's prices to your customers for two days.".into(),
            ),
            Edit::Plan(vec![
                "We have corrected the prices and checked every product page.".into(),
                "Orders placed at the old prices are honoured, and we cover the difference.".into(),
            ]),
            Edit::Remedy(Remedy::parse("hours:6", None, None)?),
        ],
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.log(
        &mut i,
        ContactKind::CallAnswered,
        30,
        "Explained the error and the fix; they accepted the free hours.",
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.set(
        &mut i,
        client,
        vec![Edit::FollowUpSummary(
            "Summary email sent the same afternoon; they asked for a list of affected orders."
                .into(),
        )],
    )?;
    tx.insert_incident(&mut i, AUTHOR).await?;
    Ok(())
}

async fn broken_promise(tx: &mut Tx, demo: &Demo<'_>, client: &Client) -> Result<()> {
    let made = demo.today.saturating_sub(200.days()).to_string();
    let commitment = tx
        .insert_commitment(&NewCommitment::parse(
            client.id,
            None,
            "Synkronisering med kanalmanageren er inkludert i bookingløsningen.",
            "Tidligere salgssjef",
            &made,
            "clause:Avtale §3.2",
            None,
            Some("broken"),
        )?)
        .await?;
    let mut i = demo.open(
        IncidentKind::BrokenPromise,
        client,
        commitment.project_id,
        1,
    )?;
    demo.set(
        &mut i,
        client,
        vec![
            Edit::Promise(PromiseLink::Commitment(commitment.id)),
            Edit::AddEvidence(Evidence::Commitment(commitment.id)),
            Edit::LegalInvolved(true),
            Edit::LegalClause("Avtale §3.2".into()),
            Edit::Cause(
                "Sales promised a channel-manager sync that the platform has never had.".into(),
            ),
        ],
    )?;
    i.advance(demo.book, demo.now).map_err(err)?;
    demo.set(
        &mut i,
        client,
        vec![Edit::Impact(
            "Dere må oppdatere ledige rom for hånd i to systemer i høysesongen.".into(),
        )],
    )?;
    tx.insert_incident(&mut i, AUTHOR).await?;
    Ok(())
}
