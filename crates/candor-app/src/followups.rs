//! Follow-ups: what we owe a client and by when, in business days of the client's (and team's)
//! calendar. Created by hand, by the playbook (call back after a voicemail, the written summary
//! the day of a call, transition check-ins until the incident closes) and by dated promises in
//! our own messages; lateness is counted in business days.

use crate::{App, AppError, Result, resolve};
use candor_core::playbook::{ContactKind, Incident, Step};
use candor_core::{Id, ValidationError, field};
use candor_forecast::Calendar;
use candor_store::{FollowUp, NewFollowUp, Tx};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// During a transition, the client hears from us at least every this many business days.
pub const TRANSITION_CHECKIN_BUSINESS_DAYS: u32 = 3;

/// Raw input for a hand-made follow-up.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FollowUpInput {
    /// Client name or id.
    pub client: String,
    /// Project name or id.
    pub project: Option<String>,
    /// What to do.
    pub title: String,
    /// Due date (YYYY-MM-DD); or give `in_business_days`.
    pub due: Option<String>,
    /// Due this many business days from today.
    pub in_business_days: Option<u32>,
}

/// A follow-up as listed by `candor due`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    /// The follow-up.
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// Client name.
    pub client: String,
    /// `overdue`, `today` or `upcoming` (open ones); `done` or `done_late` (closed ones).
    pub state: String,
    /// Business days past the due date (when done, or today for open ones); 0 when on time.
    pub business_days_late: u32,
}

/// What `candor due` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueList {
    /// The day it was judged on.
    pub today: Date,
    /// Last due date included.
    pub until: Date,
    /// Open follow-ups due up to `until`, overdue first.
    pub items: Vec<DueItem>,
}

/// How late an incident's follow-ups went out (a figure against the incident).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lateness {
    /// Follow-ups of the incident.
    pub follow_ups: usize,
    /// Done after their due date, or still open past it.
    pub late: usize,
    /// Business days late, summed.
    pub business_days_late: u32,
}

/// The business calendar for a client: its country with the team's, less company days off;
/// weekdays only when a country has no holiday data.
pub(crate) async fn client_calendar(tx: &mut Tx, client_id: Id) -> Result<Option<Calendar>> {
    let client = tx.client(client_id).await?;
    let mut countries = vec![client.country.clone()];
    countries.extend(tx.team_country().await?);
    let off: Vec<Date> = tx
        .company_days_off()
        .await?
        .iter()
        .map(|d| d.date)
        .collect();
    let codes: Vec<&str> = countries.iter().map(String::as_str).collect();
    Ok(Calendar::new(&codes, &off)
        .or_else(|_| Calendar::new(&codes[..1], &off))
        .ok())
}

fn is_business_day(cal: Option<&Calendar>, d: Date) -> bool {
    match cal.map(|c| c.is_business_day(d)) {
        Some(Ok(b)) => b,
        _ => candor_core::playbook::weekday_only(d),
    }
}

/// The date `n` business days after `from` (`n = 0`: `from` itself when it is a business day,
/// else the next one).
pub fn add_business_days(cal: Option<&Calendar>, from: Date, n: u32) -> Date {
    let mut d = from;
    let mut left = n;
    if n == 0 {
        while !is_business_day(cal, d) {
            d = d.tomorrow().unwrap_or(d);
        }
        return d;
    }
    while left > 0 {
        d = match d.tomorrow() {
            Ok(next) => next,
            Err(_) => return d,
        };
        if is_business_day(cal, d) {
            left -= 1;
        }
    }
    d
}

/// Business days after `due` up to and including `on` (0 when `on` is not after `due`).
pub fn business_days_late(cal: Option<&Calendar>, due: Date, on: Date) -> u32 {
    let mut n = 0;
    let mut d = due;
    while d < on {
        d = match d.tomorrow() {
            Ok(next) => next,
            Err(_) => break,
        };
        if is_business_day(cal, d) {
            n += 1;
        }
    }
    n
}

fn state_of(f: &FollowUp, today: Date, late: u32) -> &'static str {
    match (f.status.as_str(), late) {
        ("open", _) if f.due < today => "overdue",
        ("open", _) if f.due == today => "today",
        ("open", _) => "upcoming",
        ("done", 0) => "done",
        ("done", _) => "done_late",
        _ => "cancelled",
    }
}

impl App {
    /// Adds a follow-up by hand.
    pub async fn add_follow_up(&self, input: &FollowUpInput) -> Result<FollowUp> {
        let title = field::non_empty("title", &input.title)?;
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let project_id =
            resolve::project_id(&mut tx, input.project.as_deref(), Some(&client.name)).await?;
        let due = match (&input.due, input.in_business_days) {
            (Some(d), None) => field::date("due", d)?,
            (None, Some(n)) => {
                let cal = client_calendar(&mut tx, client.id).await?;
                add_business_days(cal.as_ref(), self.today(), n)
            }
            _ => {
                return Err(ValidationError::new(
                    "due",
                    input.due.clone().unwrap_or_default(),
                    "give either a due date or a number of business days",
                )
                .into());
            }
        };
        let f = tx
            .insert_follow_up(&NewFollowUp {
                client_id: client.id,
                project_id,
                incident_id: None,
                kind: "manual".into(),
                title,
                due,
                origin: None,
                source: "cli".into(),
            })
            .await?;
        tx.commit().await?;
        Ok(f)
    }

    /// Marks a follow-up done (today unless `on` is given).
    pub async fn complete_follow_up(&self, id: Id, on: Option<&str>) -> Result<FollowUp> {
        let on = match on {
            Some(d) => field::date("on", d)?,
            None => self.today(),
        };
        let mut tx = self.begin().await?;
        let f = tx.close_follow_up(id, "done", on, None).await?;
        tx.commit().await?;
        Ok(f)
    }

    /// Open follow-ups due by today (or by the end of this week), with lateness; the playbook's
    /// follow-ups of every incident are brought up to date first.
    pub async fn due(&self, week: bool) -> Result<DueList> {
        let today = self.today();
        let until = if week {
            let to_sunday = 7 - i64::from(today.weekday().to_monday_one_offset());
            today.checked_add(to_sunday.days()).unwrap_or(today)
        } else {
            today
        };
        let mut tx = self.begin().await?;
        sync_all_incidents(&mut tx, today).await?;
        let mut items = Vec::new();
        for f in tx.follow_ups(None, true).await? {
            if f.due > until {
                continue;
            }
            items.push(self.item(&mut tx, f).await?);
        }
        tx.commit().await?;
        Ok(DueList {
            today,
            until,
            items,
        })
    }

    /// Every follow-up (open and closed), of one client when given, with lateness.
    pub async fn follow_ups(&self, client: Option<&str>) -> Result<Vec<DueItem>> {
        let mut tx = self.begin().await?;
        sync_all_incidents(&mut tx, self.today()).await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let mut out = Vec::new();
        for f in tx.follow_ups(client_id, false).await? {
            out.push(self.item(&mut tx, f).await?);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// How late the incident's follow-ups were (the promised updates that went out late).
    pub async fn incident_lateness(&self, incident_id: Id) -> Result<Lateness> {
        let mut tx = self.begin().await?;
        let incident = tx.incident(incident_id).await?;
        sync_incident(&mut tx, &incident, self.today()).await?;
        let list = tx.incident_follow_ups(incident_id).await?;
        let mut out = Lateness {
            follow_ups: list.len(),
            late: 0,
            business_days_late: 0,
        };
        for f in list {
            let late = self.item(&mut tx, f).await?.business_days_late;
            out.late += usize::from(late > 0);
            out.business_days_late += late;
        }
        tx.commit().await?;
        Ok(out)
    }

    async fn item(&self, tx: &mut Tx, f: FollowUp) -> Result<DueItem> {
        let client = tx.client(f.client_id).await?;
        let cal = client_calendar(tx, f.client_id).await?;
        let today = self.today();
        let late = match (f.status.as_str(), f.done_on) {
            ("open", _) => business_days_late(cal.as_ref(), f.due, today),
            ("done", Some(on)) => business_days_late(cal.as_ref(), f.due, on),
            _ => 0,
        };
        Ok(DueItem {
            state: state_of(&f, today, late).into(),
            client: client.name,
            business_days_late: late,
            follow_up: f,
        })
    }
}

async fn sync_all_incidents(tx: &mut Tx, today: Date) -> Result<()> {
    let all = tx
        .incidents(candor_store::IncidentFilter::default())
        .await?;
    for i in &all {
        sync_incident(tx, i, today).await?;
    }
    Ok(())
}

/// When and by which record entry a wanted follow-up was already done.
type Closure = (Date, Option<Id>);

/// Brings an incident's playbook follow-ups up to date: creates the ones its contacts and its
/// telling call for, closes those a later contact did, cancels the rest once it is closed.
/// Idempotent; the incident use cases call it after every save.
pub async fn sync_incident(tx: &mut Tx, i: &Incident, today: Date) -> Result<()> {
    let client = tx.client(i.client_id).await?;
    let cal = client_calendar(tx, i.client_id).await?;
    let zone = jiff::tz::TimeZone::get(&client.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let day = |t: jiff::Timestamp| t.to_zoned_datetime(zone.clone()).date();
    let mut wanted: Vec<(NewFollowUp, Option<Closure>)> = Vec::new();
    let base = |kind: &str, title: String, due: Date, origin: String| NewFollowUp {
        client_id: i.client_id,
        project_id: i.project_id,
        incident_id: Some(i.id),
        kind: kind.into(),
        title,
        due,
        origin: Some(origin),
        source: format!("incident:{}", i.id),
    };
    for c in &i.contacts {
        let Some(rid) = c.record_id else { continue };
        let later = |kinds: &[ContactKind]| {
            i.contacts
                .iter()
                .filter(|o| o.at > c.at && kinds.contains(&o.kind))
                .min_by_key(|o| o.at)
                .map(|o| (day(o.at), o.record_id))
        };
        match c.kind {
            ContactKind::VoicemailLeft | ContactKind::CallNotAnswered => wanted.push((
                base(
                    "callback",
                    format!("Call {} back (incident {})", client.name, i.id),
                    add_business_days(cal.as_ref(), day(c.at), 1),
                    format!("incident:{}:callback:{rid}", i.id),
                ),
                later(&[ContactKind::CallAnswered, ContactKind::MeetingHeld]),
            )),
            ContactKind::CallAnswered | ContactKind::MeetingHeld => wanted.push((
                base(
                    "call_summary",
                    format!(
                        "Send {} the written summary of the call (incident {})",
                        client.name, i.id
                    ),
                    day(c.at),
                    format!("incident:{}:summary:{rid}", i.id),
                ),
                later(&[ContactKind::EmailSent]),
            )),
            _ => {}
        }
    }
    if let Some(told) = i.client_told_at() {
        checkins(
            i,
            &client.name,
            cal.as_ref(),
            day(told),
            &day,
            &base,
            &mut wanted,
        );
    }
    for (new, done) in wanted {
        let f = tx.insert_follow_up(&new).await?;
        if f.status == "open"
            && let Some((on, rid)) = done
        {
            tx.close_follow_up(f.id, "done", on, rid).await?;
        }
    }
    if i.step == Step::Closed {
        for f in tx.incident_follow_ups(i.id).await? {
            if f.status == "open" {
                tx.close_follow_up(f.id, "cancelled", today, None).await?;
            }
        }
    }
    Ok(())
}

type Wanted = Vec<(NewFollowUp, Option<(Date, Option<Id>)>)>;

/// Transition check-ins: every N business days after the client was told, each done by the
/// first contact after the previous one; the next one counts from when that went out.
fn checkins(
    i: &Incident,
    client: &str,
    cal: Option<&Calendar>,
    told: Date,
    day: &dyn Fn(jiff::Timestamp) -> Date,
    base: &dyn Fn(&str, String, Date, String) -> NewFollowUp,
    wanted: &mut Wanted,
) {
    let mut anchor = told;
    for k in 1..=200 {
        let due = add_business_days(cal, anchor, TRANSITION_CHECKIN_BUSINESS_DAYS);
        let done = i
            .contacts
            .iter()
            .filter(|c| c.kind != ContactKind::CallNotAnswered && day(c.at) > anchor)
            .min_by_key(|c| c.at)
            .map(|c| (day(c.at), c.record_id));
        let title = format!("Transition check-in {k} with {client} (incident {})", i.id);
        let origin = format!("incident:{}:checkin:{k}", i.id);
        wanted.push((base("transition_checkin", title, due, origin), done));
        match done {
            Some((on, _)) if i.step != Step::Closed => anchor = on,
            _ => break,
        }
    }
}

/// Follow-ups for every dated promise in a message we sent ("next update on 4 December"):
/// one per promise, due on its date, created once per record entry and promise.
pub async fn from_sent_message(
    tx: &mut Tx,
    record: &candor_core::RecordEntry,
    lang: &str,
    sent: Date,
) -> Result<Vec<FollowUp>> {
    let detector = candor_text::promise::PromiseDetector::new()
        .map_err(|e| AppError::Check(format!("promise rules: {e}")))?;
    let mut out = Vec::new();
    for (n, p) in detector.scan(&record.body, lang, sent).iter().enumerate() {
        let Some(due) = p.due else { continue };
        let f = tx
            .insert_follow_up(&NewFollowUp {
                client_id: record.client_id,
                project_id: record.project_id,
                incident_id: record.incident_id,
                kind: "promised_update".into(),
                title: format!("Promised: {}", p.text.trim()),
                due,
                origin: Some(format!("record:{}:promise:{n}", record.id)),
                source: format!("record:{}", record.id),
            })
            .await?;
        out.push(f);
    }
    Ok(out)
}
