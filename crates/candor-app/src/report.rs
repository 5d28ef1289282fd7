//! Communication figures across incidents (`report comms`) and the remedies given per client.

use crate::{App, Result};
use candor_core::Id;
use candor_core::playbook::{CommsSummary, Figures, IncidentKind, Remedy, Step};
use jiff::Timestamp;
use serde::Serialize;

/// One remedy given (or chosen) in an incident: a precedent for the next offer.
#[derive(Debug, Clone, Serialize)]
pub struct RemedyRow {
    /// Client id.
    pub client_id: Id,
    /// Client name.
    pub client: String,
    /// Incident.
    pub incident_id: Id,
    /// Kind of incident.
    pub kind: IncidentKind,
    /// Where the incident stands (a remedy is offered from `contact` on).
    pub step: Step,
    /// When the incident was opened.
    pub opened_at: Timestamp,
    /// The remedy.
    pub remedy: Remedy,
    /// One-line description.
    pub description: String,
}

/// One incident's figures with its client's name.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    /// Client name.
    pub client: String,
    /// The figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// `report comms`: how fast and how timely clients heard bad news, and the remedies given.
#[derive(Debug, Clone, Serialize)]
pub struct CommsReport {
    /// Totals, over all incidents and per kind.
    pub summary: CommsSummary,
    /// Per incident.
    pub incidents: Vec<FigureRow>,
    /// Remedies per client.
    pub remedies: Vec<RemedyRow>,
}

impl App {
    /// Remedies chosen in incidents, by client then time (of one client when given).
    pub async fn remedies(&self, client: Option<&str>) -> Result<Vec<RemedyRow>> {
        let rows = self.incident_details(client).await?;
        let mut out: Vec<RemedyRow> = rows
            .into_iter()
            .filter_map(|d| {
                let remedy = d.client_facing.remedy?;
                Some(RemedyRow {
                    client_id: d.client.id,
                    client: d.client.name,
                    incident_id: d.id,
                    kind: d.kind,
                    step: d.step,
                    opened_at: d.opened_at,
                    description: remedy.to_string(),
                    remedy,
                })
            })
            .collect();
        out.sort_by(|a, b| a.client.cmp(&b.client).then(a.opened_at.cmp(&b.opened_at)));
        Ok(out)
    }

    /// The communication report (of one client when given).
    pub async fn report_comms(&self, client: Option<&str>) -> Result<CommsReport> {
        let details = self.incident_details(client).await?;
        let figures: Vec<Figures> = details.iter().map(|d| d.figures.clone()).collect();
        let incidents = details
            .iter()
            .map(|d| FigureRow {
                client: d.client.name.clone(),
                figures: d.figures.clone(),
            })
            .collect();
        Ok(CommsReport {
            summary: CommsSummary::of(&figures),
            incidents,
            remedies: self.remedies(client).await?,
        })
    }

    async fn incident_details(&self, client: Option<&str>) -> Result<Vec<crate::IncidentDetail>> {
        self.incidents(client, false).await
    }
}
