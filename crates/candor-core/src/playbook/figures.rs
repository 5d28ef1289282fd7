//! Communication figures: how fast the client heard the news, and whether before the deadline.

use super::{Incident, IncidentKind};
use crate::Id;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::BTreeMap;

/// The figures of one incident.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Figures {
    /// Incident.
    pub incident_id: Id,
    /// Kind.
    pub kind: IncidentKind,
    /// Client.
    pub client_id: Id,
    /// When the trouble became clear.
    #[schemars(with = "crate::schema::Timestamp")]
    pub trouble_since: Timestamp,
    /// When the client first heard the news.
    #[schemars(with = "Option<crate::schema::Timestamp>")]
    pub client_told_at: Option<Timestamp>,
    /// Hours from "trouble clear" to "client told" (one decimal).
    pub hours_to_tell: Option<f64>,
    /// The deadline the client was promised.
    #[schemars(with = "Option<crate::schema::Date>")]
    pub deadline: Option<Date>,
    /// Told on or before the deadline day (`None`: no deadline, or not told and still in time).
    pub told_before_deadline: Option<bool>,
}

impl Incident {
    /// The incident's figures; dates are read in the client's time zone `tz`.
    pub fn figures(&self, tz: &TimeZone, today: Date) -> Figures {
        let told = self.client_told_at();
        let hours = told.map(|t| {
            let secs = t.as_second() - self.trouble_since.as_second();
            (secs as f64 / 360.0).round() / 10.0
        });
        let before = match (told, self.deadline) {
            (_, None) => None,
            (Some(t), Some(d)) => Some(t.to_zoned_datetime(tz.clone()).date() <= d),
            (None, Some(d)) if today > d => Some(false),
            (None, Some(_)) => None,
        };
        Figures {
            incident_id: self.id,
            kind: self.kind,
            client_id: self.client_id,
            trouble_since: self.trouble_since,
            client_told_at: told,
            hours_to_tell: hours,
            deadline: self.deadline,
            told_before_deadline: before,
        }
    }
}

/// Figures of a group of incidents (`report comms`).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct KindSummary {
    /// Incidents counted.
    pub incidents: usize,
    /// Incidents whose client has been told.
    pub told: usize,
    /// Median hours from trouble to telling, over told incidents.
    pub median_hours_to_tell: Option<f64>,
    /// Mean hours from trouble to telling.
    pub mean_hours_to_tell: Option<f64>,
    /// Told on or before the deadline.
    pub told_before_deadline: usize,
    /// Told after the deadline, or not told and the deadline passed.
    pub missed_deadline: usize,
    /// Share of decided cases told in time (0–1), when any is decided.
    pub on_time_rate: Option<f64>,
}

/// All incidents, and per kind.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CommsSummary {
    /// Over every incident.
    pub all: KindSummary,
    /// Per kind, in kind order; kinds without incidents are left out.
    pub by_kind: BTreeMap<IncidentKind, KindSummary>,
}

impl KindSummary {
    /// Aggregates figures.
    pub fn of<'a>(figures: impl IntoIterator<Item = &'a Figures>) -> KindSummary {
        let figures: Vec<&Figures> = figures.into_iter().collect();
        let mut hours: Vec<f64> = figures.iter().filter_map(|f| f.hours_to_tell).collect();
        hours.sort_by(f64::total_cmp);
        let median = match hours.len() {
            0 => None,
            n if n % 2 == 1 => Some(hours[n / 2]),
            n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
        };
        let mean = (!hours.is_empty()).then(|| hours.iter().sum::<f64>() / hours.len() as f64);
        let before = figures
            .iter()
            .filter(|f| f.told_before_deadline == Some(true))
            .count();
        let missed = figures
            .iter()
            .filter(|f| f.told_before_deadline == Some(false))
            .count();
        KindSummary {
            incidents: figures.len(),
            told: hours.len(),
            median_hours_to_tell: median.map(round1),
            mean_hours_to_tell: mean.map(round1),
            told_before_deadline: before,
            missed_deadline: missed,
            on_time_rate: (before + missed > 0)
                .then(|| (before as f64 / (before + missed) as f64 * 1000.0).round() / 1000.0),
        }
    }
}

impl CommsSummary {
    /// Aggregates every incident's figures.
    pub fn of(figures: &[Figures]) -> CommsSummary {
        let by_kind = IncidentKind::ALL
            .iter()
            .filter(|k| figures.iter().any(|f| f.kind == **k))
            .map(|k| (*k, KindSummary::of(figures.iter().filter(|f| f.kind == *k))))
            .collect();
        CommsSummary {
            all: KindSummary::of(figures),
            by_kind,
        }
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
