//! The forecast model: a daily bootstrap of recorded throughput, in business days.
//!
//! For each business day after the as-of date, that day's throughput is drawn uniformly, with
//! replacement, from the last `window` (default 30) business days of recorded throughput up to
//! and including the as-of date (business days without a progress entry count as 0; the window
//! never reaches before the project start; work logged on a day off counts toward the business
//! day before it). Completion is the first business day on which cumulative throughput reaches
//! the remaining items. With scope growth on, each drawn day also brings that same day's items
//! added, so a day's net throughput is `done - added`. Each of `trials` (default 10,000)
//! simulated futures gives one completion day; P50/P85/P95 are the 50th/85th/95th percentiles
//! (the smallest day by which at least that share of trials finished), `p_on_time` is the share
//! finished on or before the deadline, and the risk level follows from the thresholds.
//! A future is simulated for at most `horizon` business days (and never past the holiday data),
//! so zero or negative throughput can never loop forever.

use crate::settings::{ForecastError, Risk, Settings};
use crate::simulate::{Outcome, Run, simulate};
use crate::{Calendar, calendar};
use jiff::civil::Date;
use serde::Serialize;
use std::fmt;

/// Items done and added on one day, as logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The day the work was done.
    pub date: Date,
    /// Items finished.
    pub done: u32,
    /// Items added to the scope.
    pub added: u32,
}

/// One thing to forecast: a project or a milestone.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// Identifies the random stream: the same key and seed always give the same forecast,
    /// whatever else is forecast alongside.
    pub key: u64,
    /// Business days of the client and the team together.
    pub calendar: &'a Calendar,
    /// Forecast as seen at the end of this day.
    pub as_of: Date,
    /// Project start: history never reaches before it.
    pub start: Date,
    /// The promised date.
    pub deadline: Date,
    /// Items still to do.
    pub remaining: u32,
    /// Logged progress, any order; entries after `as_of` are ignored.
    pub progress: &'a [Progress],
}

/// Something the reader of a forecast must know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// Nothing remains.
    Done,
    /// The window holds no positive throughput, so the work never finishes at this pace.
    ZeroThroughput {
        /// First day of the window.
        from: Date,
        /// Last day of the window.
        to: Date,
        /// Business days in the window.
        days: u32,
    },
    /// Some trials had not finished when the simulated future ended.
    BeyondHorizon {
        /// Business days simulated.
        horizon: u32,
        /// The last simulated day, if any.
        last_day: Option<Date>,
        /// Share of trials unfinished by then.
        unfinished: f64,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Done => f.write_str("all items are done"),
            Note::ZeroThroughput { from, to, days } => write!(
                f,
                "no items were finished in the last {days} business days ({from} to {to}), \
                 so no completion date can be forecast; P(on time) is 0"
            ),
            Note::BeyondHorizon {
                horizon,
                last_day,
                unfinished,
            } => {
                let pct = (unfinished * 100.0).round();
                write!(f, "{pct}% of simulated futures had not finished within ")?;
                match last_day {
                    Some(day) => write!(f, "{horizon} business days (by {day})"),
                    None => f.write_str("the holiday data's range"),
                }?;
                f.write_str("; dates beyond that are not given")
            }
        }
    }
}

/// The forecast of one project or milestone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// Items still to do.
    pub remaining: u32,
    /// Half of the simulated futures finish by this day.
    pub p50: Option<Date>,
    /// 85% finish by this day: the date to promise.
    pub p85: Option<Date>,
    /// 95% finish by this day.
    pub p95: Option<Date>,
    /// Share of simulated futures finished on or before the deadline.
    pub p_on_time: f64,
    /// Risk level from `p_on_time`.
    pub risk: Risk,
    /// Business days of history sampled.
    pub history_days: u32,
    /// Mean net items per business day in that history.
    pub mean_throughput: f64,
    /// What the reader must know (done, zero throughput, horizon reached).
    pub notes: Vec<Note>,
}

/// Forecasts one job.
pub fn forecast(job: &Job<'_>, settings: &Settings) -> Result<Forecast, ForecastError> {
    settings.validate()?;
    forecast_valid(job, settings)
}

/// Forecasts many jobs on all cores; results come back in the order of `jobs`.
pub fn forecast_many(
    jobs: &[Job<'_>],
    settings: &Settings,
) -> Result<Vec<Result<Forecast, ForecastError>>, ForecastError> {
    settings.validate()?;
    Ok(crate::parallel::map(jobs, |job| {
        forecast_valid(job, settings)
    }))
}

fn forecast_valid(job: &Job<'_>, settings: &Settings) -> Result<Forecast, ForecastError> {
    let cal = job.calendar;
    let as_of_rank = cal.rank_of(job.as_of)?;
    if job.remaining == 0 {
        return Ok(done(job.remaining, settings));
    }
    let window = history(job, settings, as_of_rank)?;
    let mean = window.values.iter().sum::<i64>() as f64 / window.values.len() as f64;
    let horizon = settings.horizon.min(cal.len() - as_of_rank);
    let deadline_days = days_until_deadline(cal, job.as_of, job.deadline, as_of_rank)?;
    let mut result = Forecast {
        remaining: job.remaining,
        p50: None,
        p85: None,
        p95: None,
        p_on_time: 0.0,
        risk: Risk::OffTrack,
        history_days: window.days,
        mean_throughput: mean,
        notes: Vec::new(),
    };
    if window.values.iter().all(|v| *v <= 0) {
        result.notes.push(Note::ZeroThroughput {
            from: window.from,
            to: window.to,
            days: window.days,
        });
        result.risk = settings.thresholds.classify(0.0);
        return Ok(result);
    }
    let outcome = simulate(Run {
        values: &window.values,
        remaining: i64::from(job.remaining),
        trials: settings.trials,
        horizon,
        seed: settings.seed,
        stream: job.key,
    });
    summarise(
        &mut result,
        &outcome,
        cal,
        as_of_rank,
        deadline_days,
        settings,
    );
    Ok(result)
}

/// Fills dates, probability, risk and the horizon note from the trial counts.
fn summarise(
    out: &mut Forecast,
    outcome: &Outcome,
    cal: &Calendar,
    as_of_rank: u32,
    deadline_days: u32,
    settings: &Settings,
) {
    let trials = settings.trials;
    let on_time: u32 = outcome.finished.iter().take(deadline_days as usize).sum();
    out.p_on_time = f64::from(on_time) / f64::from(trials);
    out.risk = settings.thresholds.classify(out.p_on_time);
    let at = |pct: u32| {
        percentile_offset(&outcome.finished, trials, pct).and_then(|k| cal.date_at(as_of_rank + k))
    };
    (out.p50, out.p85, out.p95) = (at(50), at(85), at(95));
    if outcome.unfinished > 0 {
        let horizon = u32::try_from(outcome.finished.len()).unwrap_or(u32::MAX);
        out.notes.push(Note::BeyondHorizon {
            horizon,
            last_day: horizon
                .checked_sub(1)
                .and_then(|k| cal.date_at(as_of_rank + k)),
            unfinished: f64::from(outcome.unfinished) / f64::from(trials),
        });
    }
}

/// The smallest offset by which at least `pct`% of trials finished (inverted CDF).
pub(crate) fn percentile_offset(finished: &[u32], trials: u32, pct: u32) -> Option<u32> {
    let needed = (u64::from(trials) * u64::from(pct)).div_ceil(100).max(1);
    let mut seen = 0u64;
    for (k, count) in finished.iter().enumerate() {
        seen += u64::from(*count);
        if seen >= needed {
            return u32::try_from(k).ok();
        }
    }
    None
}

fn done(remaining: u32, settings: &Settings) -> Forecast {
    Forecast {
        remaining,
        p50: None,
        p85: None,
        p95: None,
        p_on_time: 1.0,
        risk: settings.thresholds.classify(1.0),
        history_days: 0,
        mean_throughput: 0.0,
        notes: vec![Note::Done],
    }
}

/// Business days after `as_of` up to and including the deadline (0 when it has passed).
fn days_until_deadline(
    cal: &Calendar,
    as_of: Date,
    deadline: Date,
    as_of_rank: u32,
) -> Result<u32, ForecastError> {
    if deadline <= as_of {
        return Ok(0);
    }
    let (_, last) = calendar::coverage();
    let rank = cal.rank_of(deadline.min(last))?;
    Ok(rank - as_of_rank)
}

/// The sampled window: net throughput per business day.
struct Window {
    values: Vec<i64>,
    days: u32,
    from: Date,
    to: Date,
}

/// Builds the window of the last `settings.window` business days up to `as_of`.
fn history(job: &Job<'_>, settings: &Settings, as_of_rank: u32) -> Result<Window, ForecastError> {
    let cal = job.calendar;
    let needed = settings.min_history;
    if !job.progress.iter().any(|p| p.date <= job.as_of) {
        return Err(ForecastError::NoHistory {
            as_of: job.as_of,
            needed,
        });
    }
    let start_pos = match calendar::index(job.start) {
        Ok(i) => cal.count_before(i),
        Err(_) if job.start < calendar::coverage().0 => 0,
        Err(e) => return Err(e.into()),
    };
    let available = as_of_rank.saturating_sub(start_pos);
    if available < needed {
        return Err(ForecastError::NotEnoughHistory {
            have: available,
            needed,
            start: job.start,
            ready: cal.date_at(start_pos + needed - 1),
        });
    }
    let days = available.min(settings.window);
    let first = as_of_rank - days;
    let mut values = vec![0i64; days as usize];
    for p in job.progress.iter().filter(|p| p.date <= job.as_of) {
        let Ok(rank) = cal.rank_of(p.date) else {
            continue;
        };
        if let Some(slot) = rank.checked_sub(1 + first) {
            let net = i64::from(p.done)
                - if settings.scope_growth {
                    i64::from(p.added)
                } else {
                    0
                };
            values[slot as usize] += net;
        }
    }
    let date = |pos: u32| cal.date_at(pos).unwrap_or(job.as_of);
    Ok(Window {
        values,
        days,
        from: date(first),
        to: date(as_of_rank - 1),
    })
}
