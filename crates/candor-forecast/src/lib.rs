//! Delivery forecasts from logged progress, counted in business days with real holidays.
//!
//! Two parts, both pure (no I/O, no clock):
//!
//! * [`calendar`]: weekends and national public holidays for NL, NO, BD, GB (England and
//!   Wales) and US (federal), 2020–2040, with local names, embedded from a table generated
//!   from Python's `holidays` package (`tools/holidays/generate.py`). A [`Calendar`] joins
//!   several countries and company days off: a day is a business day only when it is a working
//!   day everywhere.
//! * [`forecast`](mod@forecast): the daily-bootstrap Monte Carlo model (see its module docs).

pub mod calendar;
mod data;
pub mod forecast;
mod parallel;
mod settings;
mod simulate;

pub use calendar::{
    Calendar, CalendarError, CountryInfo, Holiday, coverage, holidays, supported_countries,
};
pub use forecast::{Forecast, Job, Note, Progress, forecast, forecast_many};
pub use settings::{ForecastError, Risk, Settings, Thresholds};
