//! Benchmark: 1,000 projects × 10,000 trials × 60 business days of history, end to end, next
//! to the straightforward numpy implementation in `benches/forecast/numpy_forecast.py`.
//!
//! Run: `cargo run --release -p candor-forecast --example forecast_bench [-- --projects N
//! --trials N --runs N]`. Prints both absolute times, the ratio, and how closely the two
//! implementations agree (they use different random generators, so dates may differ by a day
//! where a percentile sits on a boundary).

use candor_forecast::{Calendar, Forecast, Job, Progress, Settings, forecast_many};
use jiff::civil::Date;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const COUNTRIES: [&str; 5] = ["NL", "NO", "BD", "GB", "US"];
const HISTORY: u32 = 60;

/// One synthetic project: client country, remaining items, deadline, 60 days of progress.
struct Project {
    client: &'static str,
    remaining: u32,
    deadline: Date,
    progress: Vec<Progress>,
}

struct Options {
    projects: usize,
    trials: u32,
    runs: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = options()?;
    let as_of = Date::constant(2027, 3, 15);
    let settings = Settings {
        trials: opts.trials,
        window: HISTORY,
        seed: 1,
        ..Settings::default()
    };
    let projects = synthetic(opts.projects, as_of)?;
    println!(
        "{} projects × {} trials × {HISTORY} business days of history (window {HISTORY}), \
         client countries NL/NO/BD/GB/US, team NL, as of {as_of}; {} cores",
        opts.projects,
        opts.trials,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut times = Vec::new();
    let mut ours = Vec::new();
    let cpu_before = cpu_seconds();
    for _ in 0..opts.runs {
        let started = Instant::now();
        ours = run_rust(&projects, as_of, &settings)?;
        times.push(started.elapsed());
    }
    if let (Some(a), Some(b)) = (cpu_before, cpu_seconds()) {
        // CPU time is far less sensitive than wall time to other work on a shared machine.
        println!(
            "candor-forecast CPU time per run (all threads): {:.3} s",
            (b - a) / opts.runs as f64
        );
    }
    times.sort();
    let rust = times[times.len() / 2];
    println!(
        "candor-forecast (Rust): median {} over {} runs (min {}, max {})",
        secs(rust),
        opts.runs,
        secs(times[0]),
        secs(times[times.len() - 1])
    );
    let (numpy, version, theirs) = run_numpy(&projects, as_of, &settings)?;
    println!("numpy {version}:          {}", secs(numpy));
    println!(
        "ratio numpy / Rust: {:.1}×",
        numpy.as_secs_f64() / rust.as_secs_f64()
    );
    agreement(&ours, &theirs);
    Ok(())
}

/// User + system CPU seconds of this process so far (Linux `/proc/self/stat`; ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn options() -> Result<Options, String> {
    let mut opts = Options {
        projects: 1_000,
        trials: 10_000,
        runs: 5,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair
            .get(1)
            .ok_or_else(|| format!("{} needs a value", pair[0]))?;
        let bad = |_| format!("{} expects a whole number, got {value:?}", pair[0]);
        match pair[0].as_str() {
            "--projects" => opts.projects = value.parse().map_err(bad)?,
            "--trials" => opts.trials = value.parse().map_err(bad)?,
            "--runs" => opts.runs = value.parse::<usize>().map_err(bad)?.max(1),
            other => {
                return Err(format!(
                    "unknown option {other}; use --projects, --trials, --runs"
                ));
            }
        }
    }
    Ok(opts)
}

/// Deterministic pseudo-random numbers for the synthetic data (SplitMix64).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn synthetic(count: usize, as_of: Date) -> Result<Vec<Project>, Box<dyn std::error::Error>> {
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let client = COUNTRIES[i % COUNTRIES.len()];
        let cal = Calendar::new(&[client, "NL"], &[])?;
        let days = cal.business_days(Date::constant(2026, 6, 1), as_of)?;
        let pace = 1 + mix(i as u64) % 6; // mean daily throughput differs per project
        let progress = days[days.len() - HISTORY as usize..]
            .iter()
            .enumerate()
            .map(|(k, &date)| Progress {
                date,
                done: (mix((i * 1_000 + k) as u64) % (2 * pace + 1)) as u32,
                added: 0,
            })
            .collect();
        let remaining = 40 + (mix(i as u64 + 7) % 300) as u32;
        let deadline =
            as_of.checked_add(jiff::Span::new().days(20 + (mix(i as u64 + 9) % 100) as i64))?;
        out.push(Project {
            client,
            remaining,
            deadline,
            progress,
        });
    }
    Ok(out)
}

/// End to end: build the calendars, then forecast every project.
fn run_rust(
    projects: &[Project],
    as_of: Date,
    settings: &Settings,
) -> Result<Vec<Forecast>, Box<dyn std::error::Error>> {
    let mut calendars = HashMap::new();
    for p in projects {
        if !calendars.contains_key(p.client) {
            calendars.insert(p.client, Calendar::new(&[p.client, "NL"], &[])?);
        }
    }
    let jobs: Vec<Job> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| Job {
            key: i as u64,
            calendar: &calendars[p.client],
            as_of,
            start: Date::constant(2026, 6, 1),
            deadline: p.deadline,
            remaining: p.remaining,
            progress: &p.progress,
        })
        .collect();
    let results = forecast_many(&jobs, settings)?;
    Ok(results.into_iter().collect::<Result<_, _>>()?)
}

type NumpyResult = (Duration, String, Vec<serde_json::Value>);

fn run_numpy(
    projects: &[Project],
    as_of: Date,
    settings: &Settings,
) -> Result<NumpyResult, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("candor-forecast-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    write_inputs(&dir, projects)?;
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../benches/forecast/numpy_forecast.py");
    let output = dir.join("numpy.json");
    let status = Command::new("python3")
        .arg(&script)
        .args([
            "--input".as_ref(),
            dir.as_os_str(),
            "--output".as_ref(),
            output.as_os_str(),
        ])
        .args([
            "--as-of",
            &as_of.to_string(),
            "--trials",
            &settings.trials.to_string(),
        ])
        .args([
            "--window",
            &settings.window.to_string(),
            "--horizon",
            &settings.horizon.to_string(),
        ])
        .env_remove("OPENBLAS_CORETYPE")
        .env_remove("OPENBLAS_L2_SIZE")
        .status()
        .map_err(|e| format!("could not start python3 for {}: {e}", script.display()))?;
    if !status.success() {
        return Err(format!(
            "{} failed ({status}); is numpy installed? pip install numpy",
            script.display()
        )
        .into());
    }
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&output)?)?;
    std::fs::remove_dir_all(&dir)?;
    let seconds = json["seconds"]
        .as_f64()
        .ok_or("numpy output lacks seconds")?;
    let version = json["numpy"].as_str().unwrap_or("?").to_owned();
    let results = json["results"]
        .as_array()
        .ok_or("numpy output lacks results")?
        .clone();
    Ok((Duration::from_secs_f64(seconds), version, results))
}

fn write_inputs(dir: &Path, projects: &[Project]) -> std::io::Result<()> {
    let mut head = String::from("id,client,team,remaining,deadline\n");
    let mut log = String::from("id,date,done\n");
    for (i, p) in projects.iter().enumerate() {
        let _ = writeln!(head, "{i},{},NL,{},{}", p.client, p.remaining, p.deadline);
        for e in &p.progress {
            let _ = writeln!(log, "{i},{},{}", e.date, e.done);
        }
    }
    std::fs::write(dir.join("projects.csv"), head)?;
    std::fs::write(dir.join("progress.csv"), log)
}

/// How closely the two implementations agree (independent random streams).
fn agreement(ours: &[Forecast], theirs: &[serde_json::Value]) {
    let mut same_p50 = 0;
    let mut within_one = 0;
    let mut p_diff = 0.0f64;
    for (a, b) in ours.iter().zip(theirs) {
        let theirs_p50: Option<Date> = b["p50"].as_str().and_then(|s| s.parse().ok());
        same_p50 += usize::from(a.p50 == theirs_p50);
        if let (Some(x), Some(y)) = (
            a.p85,
            b["p85"].as_str().and_then(|s| s.parse::<Date>().ok()),
        ) {
            within_one += usize::from((x - y).get_days().abs() <= 3);
        }
        p_diff = p_diff.max((a.p_on_time - b["p_on_time"].as_f64().unwrap_or(f64::NAN)).abs());
    }
    let n = ours.len();
    println!(
        "agreement: P50 identical for {same_p50}/{n} projects; P85 within 3 calendar days for \
         {within_one}/{n}; largest |Δ p_on_time| {p_diff:.3}"
    );
}
