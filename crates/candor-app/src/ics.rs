//! Follow-ups and weekly check-ins as an iCalendar file (RFC 5545, written with the `icalendar`
//! crate, which folds and escapes): one VEVENT per open follow-up on its due day and one per
//! active project's weekly check-in, at fixed local times in the user's time zone.
//!
//! Times are written as UTC instants computed in that zone (09:00 local becomes e.g.
//! `080000Z`), with the zone named in `X-WR-TIMEZONE`: `icalendar` cannot write the VTIMEZONE
//! that a `TZID=` reference needs, and a UTC instant is exact in every calendar app.

use crate::checkin::week_of;
use crate::{App, AppError, Result, resolve};
use candor_core::{Id, ProjectStatus};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

/// How many weeks ahead weekly check-ins are listed (and never past the project's deadline).
pub const CHECKIN_WEEKS_AHEAD: i64 = 12;

/// An iCalendar file and what is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsExport {
    /// The `.ics` text (CRLF line ends, folded at 75 octets).
    pub text: String,
    /// The time zone the entries were placed in.
    pub zone: String,
    /// Follow-up entries.
    pub follow_ups: usize,
    /// Weekly check-in entries.
    pub checkins: usize,
}

/// One weekly check-in slot.
struct Checkin {
    project: String,
    client: String,
    /// The outbox message and its status, once drafted.
    drafted: Option<(Id, String)>,
}

impl App {
    /// The open follow-ups and weekly check-ins (one client's when given) as iCalendar text, in
    /// time zone `tz` (else the team's zone: workspace setting, `CANDOR_TEAM_TZ`, the system's).
    pub async fn calendar_ics(&self, client: Option<&str>, tz: Option<&str>) -> Result<IcsExport> {
        let (zone, _) = self.team_zone(tz).await?;
        let zone_name = zone.iana_name().unwrap_or("UTC").to_owned();
        let mut cal = Calendar::empty();
        cal.append_property(Property::new("VERSION", "2.0"));
        cal.append_property(Property::new(
            "PRODID",
            "-//candor//follow-ups and check-ins//EN",
        ));
        cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
        cal.append_property(Property::new("METHOD", "PUBLISH"));
        cal.name("candor: follow-ups and check-ins");
        cal.timezone(zone_name.as_str());
        let stamp = utc(self.now());
        let mut follow_ups = 0;
        for item in self.follow_ups(client).await? {
            let f = &item.follow_up;
            if f.status != "open" {
                continue;
            }
            let mut what = format!("{} · due {}", f.kind.replace('_', " "), f.due);
            if item.state == "overdue" {
                what.push_str(&format!(
                    " · overdue by {} business day(s)",
                    item.business_days_late
                ));
            }
            what.push_str(&format!("\nDone? candor due done {}", f.id));
            let mut e = Event::new();
            e.uid(&format!("follow-up-{}@candor", f.id))
                .timestamp(stamp)
                .summary(&format!("Follow up: {} ({})", f.title, item.client))
                .description(&what)
                .starts(at(f.due, 9, &zone)?)
                .ends(at(f.due, 9, &zone)? + chrono::Duration::minutes(30))
                .status(EventStatus::Confirmed)
                .add_property("CATEGORIES", "candor,follow-up");
            cal.push(e.done());
            follow_ups += 1;
        }
        let slots = self.checkin_slots(client).await?;
        for ((project_id, monday), c) in &slots {
            let what = match &c.drafted {
                None => format!(
                    "Draft it: candor checkin --week {monday} --client \"{}\"",
                    c.client
                ),
                Some((id, status)) if status == "draft" => {
                    format!("Drafted, not sent yet: candor outbox send {id}")
                }
                Some((id, status)) => format!("Outbox message {id}: {status}"),
            };
            let mut e = Event::new();
            e.uid(&format!("checkin-{project_id}-{monday}@candor"))
                .timestamp(stamp)
                .summary(&format!("Weekly check-in: {} ({})", c.project, c.client))
                .description(&what)
                .starts(at(*monday, 10, &zone)?)
                .ends(at(*monday, 10, &zone)? + chrono::Duration::minutes(30))
                .status(EventStatus::Confirmed)
                .add_property("CATEGORIES", "candor,check-in");
            cal.push(e.done());
        }
        Ok(IcsExport {
            text: cal.to_string(),
            zone: zone_name,
            follow_ups,
            checkins: slots.len(),
        })
    }

    /// Check-ins already in the outbox, and the weeks ahead of every active project.
    async fn checkin_slots(&self, client: Option<&str>) -> Result<BTreeMap<(Id, Date), Checkin>> {
        let mut tx = self.begin().await?;
        let client_id = resolve::client_id(&mut tx, client).await?;
        let clients = tx.clients().await?;
        let projects = tx.projects(client_id).await?;
        let name = |id: Id| {
            clients
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        let mut slots = BTreeMap::new();
        let this_week = week_of(self.today());
        for p in projects
            .iter()
            .filter(|p| p.status == ProjectStatus::Active)
        {
            let last =
                week_of(p.deadline).min(this_week.saturating_add((CHECKIN_WEEKS_AHEAD * 7).days()));
            let mut w = this_week.max(week_of(p.start));
            while w <= last {
                let c = Checkin {
                    project: p.name.clone(),
                    client: name(p.client_id),
                    drafted: None,
                };
                slots.insert((p.id, w), c);
                w = w.saturating_add(7.days());
            }
        }
        for m in tx.outbox(None).await? {
            let (Some(pid), Some(week)) = (m.project_id, m.week.as_deref()) else {
                continue;
            };
            if m.kind != "weekly_checkin" || client_id.is_some_and(|c| c != m.client_id) {
                continue;
            }
            let Some(p) = projects.iter().find(|p| p.id == pid) else {
                continue;
            };
            let Ok(monday) = week.parse::<Date>() else {
                continue;
            };
            let slot = slots.entry((pid, monday)).or_insert_with(|| Checkin {
                project: p.name.clone(),
                client: name(p.client_id),
                drafted: None,
            });
            slot.drafted = Some((m.id, m.status));
        }
        Ok(slots)
    }
}

/// `hour`:00 local time on `day` in `zone`, as the UTC instant calendar apps read exactly.
fn at(day: Date, hour: i8, zone: &TimeZone) -> Result<DateTime<Utc>> {
    let z = day
        .at(hour, 0, 0, 0)
        .to_zoned_datetime(zone.clone())
        .map_err(|e| AppError::Check(format!("cannot place {day} in the time zone: {e}")))?;
    Ok(utc(z.timestamp()))
}

fn utc(t: jiff::Timestamp) -> DateTime<Utc> {
    DateTime::from_timestamp(t.as_second(), 0).unwrap_or_default()
}
