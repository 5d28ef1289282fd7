//! Refreshing the demo workspace from a tracker: the bundled Jira export of the demo's
//! "Webwinkel" project is imported like any other file, so the demo shows what an import does to
//! the forecast and the early warning without anyone having a Jira account.

use crate::progress_import::ProgressImportReport;
use crate::{App, AppError, Result};
use candor_progress::sample;

impl App {
    /// Imports the bundled Jira export into the demo's Webwinkel project (creating the demo
    /// first on an empty database; refusing on a database holding another workspace), with its
    /// dates moved by whole weeks up to today, then re-runs the forecast. Running it again on
    /// the same day changes nothing.
    pub async fn refresh_demo_progress(&self) -> Result<ProgressImportReport> {
        self.demo().await?;
        let (zones, team_zone) = self.zones(None, Some(sample::FILE_TZ)).await?;
        let project = self.project_for(sample::PROJECT, None).await?;
        let parsed = sample::read(self.today(), &zones)
            .map_err(|e| AppError::Check(format!("the bundled sample cannot be read: {e}")))?;
        self.import_parsed(&project, parsed, team_zone).await
    }
}
