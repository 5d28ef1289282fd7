//! Forecast settings and risk levels, validated once so the model never sees nonsense.

use serde::Serialize;
use std::fmt;

/// Why a forecast could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ForecastError {
    /// A setting outside its allowed range.
    #[error("invalid {name} {value}: {reason}")]
    InvalidSetting {
        /// Setting name as the user knows it (`trials`, `window`, …).
        name: &'static str,
        /// The value given.
        value: String,
        /// The allowed range.
        reason: String,
    },
    /// Nothing was ever logged, so there is no throughput to sample.
    #[error(
        "no progress logged on or before {as_of}: log the items done on at least {needed} \
         business days, then forecast again"
    )]
    NoHistory {
        /// The as-of date.
        as_of: jiff::civil::Date,
        /// Business days of history the forecast needs.
        needed: u32,
    },
    /// The project has not run long enough to have a throughput history.
    #[error(
        "only {have} business days of history since the project started on {start}; a forecast \
         needs at least {needed}{}", ready.map(|d| format!(" (enough on {d})")).unwrap_or_default()
    )]
    NotEnoughHistory {
        /// Business days from the start to the as-of date.
        have: u32,
        /// Business days needed.
        needed: u32,
        /// Project start.
        start: jiff::civil::Date,
        /// First day with enough history, when the calendar covers it.
        ready: Option<jiff::civil::Date>,
    },
    /// The calendar could not answer (unknown country, date outside the data).
    #[error(transparent)]
    Calendar(#[from] crate::CalendarError),
}

/// How likely a date is to be met, in three plain levels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// P(on time) at or above the on-track threshold (default 0.8).
    OnTrack,
    /// P(on time) at or above the at-risk threshold (default 0.5), below on-track.
    AtRisk,
    /// Below the at-risk threshold.
    OffTrack,
}

impl Risk {
    /// Stable ID (`on_track`, `at_risk`, `off_track`).
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::OnTrack => "on_track",
            Risk::AtRisk => "at_risk",
            Risk::OffTrack => "off_track",
        }
    }
}

impl fmt::Display for Risk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Probability thresholds between the risk levels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Thresholds {
    /// P(on time) at or above this is `on_track`.
    pub on_track: f64,
    /// P(on time) at or above this (and below `on_track`) is `at_risk`; below is `off_track`.
    pub at_risk: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            on_track: 0.8,
            at_risk: 0.5,
        }
    }
}

impl Thresholds {
    /// The risk level of a probability of finishing on time.
    pub fn classify(&self, p_on_time: f64) -> Risk {
        if p_on_time >= self.on_track {
            Risk::OnTrack
        } else if p_on_time >= self.at_risk {
            Risk::AtRisk
        } else {
            Risk::OffTrack
        }
    }
}

/// Model settings; [`Settings::default`] is the documented default model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Settings {
    /// Simulated futures per forecast (default 10,000).
    pub trials: u32,
    /// Business days of recorded throughput sampled from (default 30).
    pub window: u32,
    /// Fewest business days since the project start before a forecast is made (default 5).
    pub min_history: u32,
    /// Longest simulated future in business days (default 1,300, about five years).
    pub horizon: u32,
    /// Also bootstrap the items added per day (scope growth).
    pub scope_growth: bool,
    /// Risk thresholds.
    pub thresholds: Thresholds,
    /// Seed of the random generator: the same seed gives the same forecast.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            trials: 10_000,
            window: 30,
            min_history: 5,
            horizon: 1_300,
            scope_growth: false,
            thresholds: Thresholds::default(),
            seed: 0,
        }
    }
}

impl Settings {
    /// Checks every setting's range; the error names the setting.
    pub fn validate(&self) -> Result<(), ForecastError> {
        check_range("trials", self.trials, 1, 1_000_000)?;
        check_range("window", self.window, 1, 2_000)?;
        check_range("min-history", self.min_history, 1, self.window.max(1))
            .map_err(|e| with_reason(e, "must be between 1 and the window"))?;
        check_range("horizon", self.horizon, 1, 10_000)?;
        let t = self.thresholds;
        if !(0.0..=1.0).contains(&t.on_track) {
            return Err(invalid("on-track", t.on_track, "must lie between 0 and 1"));
        }
        if !(0.0..=t.on_track).contains(&t.at_risk) {
            return Err(invalid(
                "at-risk",
                t.at_risk,
                "must lie between 0 and on-track",
            ));
        }
        Ok(())
    }
}

fn check_range(name: &'static str, value: u32, lo: u32, hi: u32) -> Result<(), ForecastError> {
    if (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(invalid(
            name,
            value,
            &format!("must be between {lo} and {hi}"),
        ))
    }
}

fn with_reason(e: ForecastError, reason: &str) -> ForecastError {
    match e {
        ForecastError::InvalidSetting { name, value, .. } => invalid(name, value, reason),
        other => other,
    }
}

fn invalid(name: &'static str, value: impl ToString, reason: &str) -> ForecastError {
    ForecastError::InvalidSetting {
        name,
        value: value.to_string(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_classify_at_the_boundaries() {
        let t = Thresholds::default();
        assert_eq!(t.classify(0.8), Risk::OnTrack);
        assert_eq!(t.classify(0.79), Risk::AtRisk);
        assert_eq!(t.classify(0.5), Risk::AtRisk);
        assert_eq!(t.classify(0.42), Risk::OffTrack);
        let strict = Thresholds {
            on_track: 0.95,
            at_risk: 0.9,
        };
        assert_eq!(strict.classify(0.92), Risk::AtRisk);
    }

    #[test]
    fn bad_settings_name_the_setting() {
        let bad = Settings {
            trials: 0,
            ..Settings::default()
        };
        let e = bad.validate().unwrap_err().to_string();
        assert_eq!(e, "invalid trials 0: must be between 1 and 1000000");
        let bad = Settings {
            thresholds: Thresholds {
                on_track: 0.5,
                at_risk: 0.8,
            },
            ..Settings::default()
        };
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .starts_with("invalid at-risk 0.8")
        );
        let bad = Settings {
            min_history: 40,
            ..Settings::default()
        };
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("the window")
        );
        assert!(Settings::default().validate().is_ok());
    }
}
