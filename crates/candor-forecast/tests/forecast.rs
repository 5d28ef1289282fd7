//! Forecast scenarios: exact answers where the model is deterministic, clear errors otherwise.

use candor_forecast::{
    Calendar, ForecastError, Job, Note, Progress, Risk, Settings, forecast, forecast_many,
};
use jiff::civil::Date;

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::constant(y, m, day)
}

fn nl() -> Calendar {
    Calendar::new(&["NL"], &[]).unwrap()
}

/// `done` items on every business day from `from` to `to`.
fn steady(cal: &Calendar, from: Date, to: Date, done: u32) -> Vec<Progress> {
    let days = cal.business_days(from, to).unwrap();
    days.into_iter()
        .map(|date| Progress {
            date,
            done,
            added: 0,
        })
        .collect()
}

fn job<'a>(cal: &'a Calendar, progress: &'a [Progress], remaining: u32, deadline: Date) -> Job<'a> {
    Job {
        key: 1,
        calendar: cal,
        as_of: d(2027, 4, 23),
        start: d(2027, 3, 1),
        deadline,
        remaining,
        progress,
    }
}

#[test]
fn steady_pace_gives_exact_dates_around_koningsdag() {
    let cal = nl();
    let log = steady(&cal, d(2027, 3, 1), d(2027, 4, 23), 2);
    // As of Friday 23 April, 2 a day, 4 items: Mon 26, (Koningsdag 27 off), Wed 28 → done 28th.
    let f = forecast(&job(&cal, &log, 4, d(2027, 4, 28)), &Settings::default()).unwrap();
    assert_eq!(
        (f.p50, f.p85, f.p95),
        (
            Some(d(2027, 4, 28)),
            Some(d(2027, 4, 28)),
            Some(d(2027, 4, 28))
        )
    );
    assert_eq!((f.p_on_time, f.risk), (1.0, Risk::OnTrack));
    assert_eq!(f.history_days, 30);
    assert_eq!(f.mean_throughput, 2.0);
    let late = forecast(&job(&cal, &log, 4, d(2027, 4, 27)), &Settings::default()).unwrap();
    assert_eq!((late.p_on_time, late.risk), (0.0, Risk::OffTrack));
}

#[test]
fn weekend_work_counts_toward_the_friday_before() {
    let cal = nl();
    let mut log = steady(&cal, d(2027, 3, 1), d(2027, 4, 23), 0);
    log.push(Progress {
        date: d(2027, 4, 24),
        done: 30,
        added: 0,
    }); // Saturday after as-of: ignored
    log.push(Progress {
        date: d(2027, 4, 18),
        done: 30,
        added: 0,
    }); // Sunday: counts for Friday 16th
    let f = forecast(&job(&cal, &log, 5, d(2027, 6, 1)), &Settings::default()).unwrap();
    assert_eq!(f.mean_throughput, 1.0, "30 items over a 30-day window");
}

#[test]
fn no_history_names_how_much_is_needed() {
    let cal = nl();
    let e = forecast(&job(&cal, &[], 10, d(2027, 6, 1)), &Settings::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no progress logged on or before 2027-04-23: log the items done on at least 5 business \
         days, then forecast again"
    );
    let log = [Progress {
        date: d(2027, 4, 21),
        done: 3,
        added: 0,
    }];
    let young = Job {
        start: d(2027, 4, 21),
        ..job(&cal, &log, 10, d(2027, 6, 1))
    };
    let e = forecast(&young, &Settings::default()).unwrap_err();
    assert_eq!(
        e,
        ForecastError::NotEnoughHistory {
            have: 3,
            needed: 5,
            start: d(2027, 4, 21),
            ready: Some(d(2027, 4, 28))
        }
    );
    assert!(
        e.to_string()
            .ends_with("needs at least 5 (enough on 2027-04-28)"),
        "{e}"
    );
}

#[test]
fn zero_throughput_gives_no_dates_and_a_reason() {
    let cal = nl();
    let log = steady(&cal, d(2027, 3, 1), d(2027, 4, 23), 0);
    let f = forecast(&job(&cal, &log, 10, d(2027, 6, 1)), &Settings::default()).unwrap();
    assert_eq!(
        (f.p50, f.p85, f.p95, f.p_on_time, f.risk),
        (None, None, None, 0.0, Risk::OffTrack)
    );
    assert_eq!(
        f.notes,
        [Note::ZeroThroughput {
            from: d(2027, 3, 11),
            to: d(2027, 4, 23),
            days: 30
        }]
    );
    assert!(
        f.notes[0]
            .to_string()
            .starts_with("no items were finished in the last 30 business days")
    );
}

#[test]
fn slow_pace_stops_at_the_horizon_and_says_so() {
    let cal = nl();
    let mut log = steady(&cal, d(2027, 3, 1), d(2027, 4, 23), 0);
    log.push(Progress {
        date: d(2027, 4, 1),
        done: 1,
        added: 0,
    });
    let settings = Settings {
        horizon: 100,
        trials: 500,
        ..Settings::default()
    };
    let f = forecast(&job(&cal, &log, 50, d(2027, 6, 1)), &settings).unwrap();
    assert_eq!(f.p95, None);
    let [
        Note::BeyondHorizon {
            horizon,
            unfinished,
            last_day,
        },
    ] = f.notes.as_slice()
    else {
        panic!("expected a horizon note, got {:?}", f.notes)
    };
    assert_eq!(*horizon, 100);
    assert!(*unfinished > 0.9, "{unfinished}");
    assert_eq!(
        *last_day,
        Some(cal.business_days(d(2027, 4, 26), d(2027, 12, 31)).unwrap()[99])
    );
}

#[test]
fn scope_growth_slows_the_forecast() {
    let cal = nl();
    let mut log = steady(&cal, d(2027, 3, 1), d(2027, 4, 23), 3);
    for p in log.iter_mut().step_by(2) {
        p.added = 2;
    }
    let plain = Settings {
        seed: 9,
        ..Settings::default()
    };
    let growth = Settings {
        scope_growth: true,
        ..plain
    };
    let a = forecast(&job(&cal, &log, 60, d(2027, 6, 1)), &plain).unwrap();
    let b = forecast(&job(&cal, &log, 60, d(2027, 6, 1)), &growth).unwrap();
    assert_eq!(
        a.p50,
        cal.business_days(d(2027, 4, 26), d(2027, 12, 31))
            .unwrap()
            .get(19)
            .copied()
    );
    assert!(b.p50 > a.p50 && b.p_on_time < a.p_on_time, "{a:?} {b:?}");
}

#[test]
fn done_work_needs_no_history() {
    let cal = nl();
    let f = forecast(&job(&cal, &[], 0, d(2027, 6, 1)), &Settings::default()).unwrap();
    assert_eq!(
        (f.p_on_time, f.risk, f.notes.as_slice()),
        (1.0, Risk::OnTrack, [Note::Done].as_slice())
    );
}

#[test]
fn many_jobs_match_one_at_a_time() {
    let cal = Calendar::new(&["NL", "BD"], &[]).unwrap();
    let logs: Vec<Vec<Progress>> = (0..20u32)
        .map(|i| {
            let days = cal.business_days(d(2027, 1, 4), d(2027, 4, 23)).unwrap();
            days.into_iter()
                .enumerate()
                .map(|(k, date)| Progress {
                    date,
                    done: (k as u32 * 7 + i) % 5,
                    added: 0,
                })
                .collect()
        })
        .collect();
    let jobs: Vec<Job> = logs
        .iter()
        .enumerate()
        .map(|(i, log)| Job {
            key: i as u64,
            start: d(2027, 1, 4),
            ..job(&cal, log, 40 + i as u32, d(2027, 5, 31))
        })
        .collect();
    let settings = Settings {
        seed: 42,
        ..Settings::default()
    };
    let many = forecast_many(&jobs, &settings).unwrap();
    for (job, result) in jobs.iter().zip(&many) {
        assert_eq!(result, &forecast(job, &settings));
    }
    assert!(
        many.iter()
            .any(|r| r.as_ref().unwrap().risk != Risk::OnTrack)
    );
}
