//! Search latency in process: opens an existing index (`CANDOR_BENCH_INDEX`, e.g. the one
//! `candor import` built for the replicated corpus) and runs a fixed query mix many times,
//! printing p50/p99/max. Run: `CANDOR_BENCH_INDEX=/path/db.search cargo bench -p candor-search`.

use candor_search::{Query, SearchIndex};
use std::time::Instant;

const QUERIES: [&str; 10] = [
    "money",
    "free software",
    "\"click here\"",
    "from:yahoo.com",
    "linux kernel",
    "after:2002-08-01 before:2002-09-01",
    "razor spamassassin",
    "to:zzzz",
    "\"mailing list\" unsubscribe",
    "perl python",
];

fn main() {
    let Some(dir) = std::env::var_os("CANDOR_BENCH_INDEX") else {
        eprintln!("set CANDOR_BENCH_INDEX to an index folder (see the file header)");
        return;
    };
    let index = SearchIndex::open(std::path::Path::new(&dir)).expect("open index");
    println!("documents: {}", index.len());
    let parsed: Vec<Query> = QUERIES
        .iter()
        .map(|q| Query::parse(q).expect("query"))
        .collect();
    for q in &parsed {
        index.search(q, None, 20).expect("warm-up");
    }
    let mut times = Vec::new();
    for _ in 0..50 {
        for q in &parsed {
            let t = Instant::now();
            let hits = index.search(q, None, 20).expect("search");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "searches: {}, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (limit 20, snippets included)",
        times.len(),
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    );
}
