//! Properties of the forecast that must hold for any history, remaining work and seed.

use candor_forecast::{Calendar, Forecast, Job, Progress, Settings, forecast};
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::OnceLock;

const CODES: [&str; 5] = ["NL", "NO", "BD", "GB", "US"];

/// One calendar per (client, team) pair, built once.
fn calendar(client: usize, team: usize) -> &'static Calendar {
    static ALL: OnceLock<Vec<Calendar>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let off = [Date::constant(2027, 8, 2), Date::constant(2027, 8, 3)];
        (0..25)
            .map(|i| Calendar::new(&[CODES[i / 5], CODES[i % 5]], &off).unwrap())
            .collect()
    });
    &all[client * 5 + team]
}

#[derive(Debug, Clone)]
struct Case {
    client: usize,
    team: usize,
    as_of: Date,
    daily: Vec<(u32, u32)>,
    remaining: u32,
    deadline_days: i32,
    seed: u64,
    growth: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0usize..5, 0usize..5, 0i32..6_000),
        prop::collection::vec((0u32..6, 0u32..3), 5..45),
        (1u32..300, -10i32..200, any::<u64>(), any::<bool>()),
    )
        .prop_map(
            |((client, team, day), daily, (remaining, deadline_days, seed, growth))| Case {
                client,
                team,
                as_of: Date::constant(2021, 1, 1)
                    .checked_add(jiff::Span::new().days(day))
                    .unwrap(),
                daily,
                remaining,
                deadline_days,
                seed,
                growth,
            },
        )
}

/// Progress on consecutive calendar days ending at the as-of date (some fall on days off).
fn log(c: &Case) -> Vec<Progress> {
    let n = c.daily.len() as i32;
    c.daily
        .iter()
        .enumerate()
        .map(|(i, &(done, added))| Progress {
            date: c
                .as_of
                .checked_sub(jiff::Span::new().days(n - 1 - i as i32))
                .unwrap(),
            done,
            added,
        })
        .collect()
}

fn run(c: &Case, remaining: u32) -> Forecast {
    let progress = log(c);
    let job = Job {
        key: 3,
        calendar: calendar(c.client, c.team),
        as_of: c.as_of,
        start: Date::constant(2020, 6, 1),
        deadline: c
            .as_of
            .checked_add(jiff::Span::new().days(c.deadline_days))
            .unwrap(),
        remaining,
        progress: &progress,
    };
    let settings = Settings {
        trials: 400,
        horizon: 400,
        seed: c.seed,
        scope_growth: c.growth,
        ..Settings::default()
    };
    forecast(&job, &settings).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn percentiles_are_ordered(c in case()) {
        let f = run(&c, c.remaining);
        // An absent date lies beyond the horizon, later than any present one.
        let key = |d: Option<Date>| d.map_or((1, Date::MIN), |d| (0, d));
        prop_assert!(key(f.p50) <= key(f.p85) && key(f.p85) <= key(f.p95), "{f:?}");
        prop_assert!((0.0..=1.0).contains(&f.p_on_time));
    }

    #[test]
    fn returned_dates_are_business_days_after_the_as_of_date(c in case()) {
        let f = run(&c, c.remaining);
        let cal = calendar(c.client, c.team);
        for day in [f.p50, f.p85, f.p95].into_iter().flatten() {
            prop_assert!(cal.is_business_day(day).unwrap(), "{day} is a day off");
            prop_assert!(day > c.as_of);
        }
    }

    #[test]
    fn more_work_never_finishes_earlier(c in case(), extra in 1u32..100) {
        // Without scope growth every day's throughput is ≥ 0, so with the same draws the
        // cumulative sum reaches a larger target no earlier.
        let c = Case { growth: false, ..c };
        let less = run(&c, c.remaining);
        let more = run(&c, c.remaining + extra);
        let key = |d: Option<Date>| d.map_or((1, Date::MIN), |d| (0, d));
        prop_assert!(key(less.p50) <= key(more.p50));
        prop_assert!(key(less.p85) <= key(more.p85));
        prop_assert!(key(less.p95) <= key(more.p95));
        prop_assert!(less.p_on_time >= more.p_on_time);
    }

    #[test]
    fn the_same_seed_gives_the_same_forecast(c in case()) {
        prop_assert_eq!(run(&c, c.remaining), run(&c, c.remaining));
    }
}
