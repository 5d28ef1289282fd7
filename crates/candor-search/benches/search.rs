//! Search latency in process: opens an existing index (`CANDOR_BENCH_INDEX`, e.g. the one
//! `candor import` built for the replicated corpus) and runs a fixed, realistic query mix
//! (words, phrases, from:, to:, client:, date ranges, combinations) many times, printing
//! p50/p99/max and the process's peak memory. `compare.py` in candor-mail runs it after the
//! import; by hand: `CANDOR_BENCH_INDEX=/path/db.search cargo bench -p candor-search`.
//! `CANDOR_BENCH_CLIENT` is the client id `client:` queries use (default 1).

use candor_search::{Query, SearchIndex};
use std::time::Instant;

/// The query mix; `true` marks a `client:` query (filtered by the bench client's id).
const QUERIES: [(&str, bool); 20] = [
    ("money", false),
    ("free software", false),
    ("\"click here\"", false),
    ("from:yahoo.com", false),
    ("linux kernel", false),
    ("after:2002-08-01 before:2002-09-01", false),
    ("razor spamassassin", false),
    ("to:zzzz", false),
    ("\"mailing list\" unsubscribe", false),
    ("perl python", false),
    ("", true),
    ("razor", true),
    ("\"spam filter\" after:2002-07-01", false),
    ("from:hotmail.com money", false),
    ("mortgage rates", false),
    ("sourceforge after:2002-09-01", false),
    ("the", false),
    ("\"please let me know\"", false),
    ("exmh nmh", false),
    ("security patch before:2002-08-15", false),
];

/// Peak resident memory of this process in MB (Linux), if known.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let Some(dir) = std::env::var_os("CANDOR_BENCH_INDEX") else {
        eprintln!("set CANDOR_BENCH_INDEX to an index folder (see the file header)");
        return;
    };
    let client: u64 = std::env::var("CANDOR_BENCH_CLIENT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1);
    let t = Instant::now();
    let index = SearchIndex::open(std::path::Path::new(&dir)).expect("open index");
    println!(
        "documents: {}, segments: {}, opened in {:.1} ms",
        index.len(),
        index.segment_count(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let parsed: Vec<(Query, Option<u64>)> = QUERIES
        .iter()
        .map(|(q, c)| (Query::parse(q).expect("query"), c.then_some(client)))
        .collect();
    let mut hits_per_query = Vec::new();
    for (q, c) in &parsed {
        hits_per_query.push(index.search(q, *c, 20).expect("warm-up").len());
    }
    let mut times = Vec::new();
    let mut worst = vec![0.0f64; parsed.len()];
    for _ in 0..50 {
        for (i, (q, c)) in parsed.iter().enumerate() {
            let t = Instant::now();
            let hits = index.search(q, *c, 20).expect("search");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            worst[i] = worst[i].max(ms);
            std::hint::black_box(hits);
        }
    }
    let mut slowest: Vec<(f64, &str)> = worst.iter().copied().zip(QUERIES.map(|q| q.0)).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest queries (max ms): {:?}", &slowest[..3]);
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!("hits per query (limit 20): {hits_per_query:?}");
    println!(
        "searches: {}, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (limit 20, snippets included), peak RSS {:.0} MB",
        times.len(),
        at(0.5),
        at(0.99),
        times[times.len() - 1],
        peak_rss_mb().unwrap_or(0.0)
    );
}
