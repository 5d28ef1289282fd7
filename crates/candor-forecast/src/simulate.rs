//! The Monte Carlo kernel: bootstrap daily throughput until the remaining work is done.
//!
//! Works in business-day offsets (0 = the first business day after the as-of date), so the
//! calendar is consulted only before and after, never inside the loop.
//!
//! Randomness: a ChaCha8 stream (seed, stream = the job's key) gives each trial one 64-bit seed
//! for its own Xoshiro256++ generator. A trial's draws therefore never depend on how many draws
//! earlier trials used, so the same trial sees the same days whatever the remaining work: more
//! work can never finish earlier, exactly, not just on average. Xoshiro256++ is named rather
//! than `SmallRng` so a rand upgrade cannot change seeded results.
//!
//! Two speed-ups that keep the model exact:
//!
//! * Each 64-bit draw of the generator gives four 16-bit chunks, and a chunk becomes a uniform
//!   index with Lemire's multiply-and-reject method (exactly uniform: biased chunks are
//!   rejected, never folded).
//! * While the window has at most 256 days, one index picks an ordered *pair* of days from a
//!   precomputed table of (first day, both days) sums: half the draws and half the loop turns,
//!   and still two independent uniform picks, so the distribution is unchanged.

use rand::rngs::{ChaCha8Rng, Xoshiro256PlusPlus};
use rand::{Rng, SeedableRng};

/// Completion counts of one simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// `finished[k]`: trials that finished on business-day offset `k`.
    pub(crate) finished: Vec<u32>,
    /// Trials that had not finished within the horizon.
    pub(crate) unfinished: u32,
}

/// One bootstrap: `values` are the window's net items per business day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run<'a> {
    pub(crate) values: &'a [i64],
    pub(crate) remaining: i64,
    pub(crate) trials: u32,
    pub(crate) horizon: u32,
    pub(crate) seed: u64,
    pub(crate) stream: u64,
}

/// Uniform indices, 16 bits at a time, from one trial's generator.
struct Draws {
    rng: Xoshiro256PlusPlus,
    bits: u64,
    left: u32,
}

impl Draws {
    /// A fresh generator for one trial.
    fn for_trial(seed: u64) -> Self {
        Self {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            bits: 0,
            left: 0,
        }
    }

    /// A uniform index in `0..m` (`1 <= m <= 65_536`); `reject = 65_536 % m`.
    #[inline(always)]
    fn below(&mut self, m: u32, reject: u32) -> usize {
        loop {
            if self.left == 0 {
                self.bits = self.rng.next_u64();
                self.left = 4;
            }
            let chunk = (self.bits & 0xFFFF) as u32;
            self.bits >>= 16;
            self.left -= 1;
            let product = chunk * m;
            if product & 0xFFFF >= reject {
                return (product >> 16) as usize;
            }
        }
    }
}

/// Largest window simulated with the pair table (256² = 65,536 pairs fit one 16-bit chunk).
const PAIR_LIMIT: usize = 256;

/// Runs all trials; `values` must not be empty.
pub(crate) fn simulate(run: Run<'_>) -> Outcome {
    let mut seeds = ChaCha8Rng::seed_from_u64(run.seed);
    seeds.set_stream(run.stream);
    let mut out = Outcome {
        finished: vec![0; run.horizon as usize],
        unfinished: 0,
    };
    if run.values.len() <= PAIR_LIMIT {
        let pairs = pair_table(run.values);
        let m = u32::try_from(pairs.len()).unwrap_or(1);
        for _ in 0..run.trials {
            let mut draws = Draws::for_trial(seeds.next_u64());
            record(&mut out, pair_trial(&mut draws, &pairs, m, run));
        }
    } else {
        let m = u32::try_from(run.values.len()).unwrap_or(1);
        for _ in 0..run.trials {
            let mut draws = Draws::for_trial(seeds.next_u64());
            record(&mut out, single_trial(&mut draws, m, run));
        }
    }
    out
}

fn record(out: &mut Outcome, done_at: Option<u32>) {
    match done_at {
        Some(day) => out.finished[day as usize] += 1,
        None => out.unfinished += 1,
    }
}

/// `(a, a + b)` for every ordered pair of window days `(a, b)`.
fn pair_table(values: &[i64]) -> Vec<(i64, i64)> {
    values
        .iter()
        .flat_map(|&a| values.iter().map(move |&b| (a, a + b)))
        .collect()
}

/// One trial, two days per draw: the offset of the first day with cumulative ≥ remaining.
#[inline]
fn pair_trial(draws: &mut Draws, pairs: &[(i64, i64)], m: u32, run: Run<'_>) -> Option<u32> {
    let reject = 65_536 % m;
    let mut total = 0i64;
    let mut day = 0u32;
    while day < run.horizon {
        let (first, both) = pairs[draws.below(m, reject)];
        if total + first >= run.remaining {
            return Some(day);
        }
        if day + 1 >= run.horizon {
            return None;
        }
        total += both;
        if total >= run.remaining {
            return Some(day + 1);
        }
        day += 2;
    }
    None
}

/// One trial, one day per draw (windows longer than [`PAIR_LIMIT`]).
fn single_trial(draws: &mut Draws, m: u32, run: Run<'_>) -> Option<u32> {
    let reject = 65_536 % m;
    let mut total = 0i64;
    for day in 0..run.horizon {
        total += run.values[draws.below(m, reject)];
        if total >= run.remaining {
            return Some(day);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(values: &[i64], remaining: i64, horizon: u32) -> Run<'_> {
        Run {
            values,
            remaining,
            trials: 2_000,
            horizon,
            seed: 7,
            stream: 1,
        }
    }

    #[test]
    fn constant_throughput_finishes_on_the_exact_day() {
        // 3 a day, 10 items: day offsets 0,1,2 give 3,6,9; offset 3 gives 12 ≥ 10.
        let out = simulate(run(&[3, 3, 3], 10, 50));
        assert_eq!(out.finished[3], 2_000);
        assert_eq!(out.unfinished, 0);
        // Odd offsets go through the pair's first half.
        let out = simulate(run(&[3, 3, 3], 9, 50));
        assert_eq!(out.finished[2], 2_000);
    }

    #[test]
    fn horizon_caps_trials() {
        let out = simulate(run(&[1], 100, 30));
        assert_eq!(out.unfinished, 2_000);
        assert_eq!(out.finished.iter().sum::<u32>(), 0);
        // Horizon 31 covers offsets 0..=30; one a day reaches 31 items on offset 30.
        let out = simulate(run(&[1], 31, 31));
        assert_eq!(out.finished[30], 2_000);
        let out = simulate(run(&[1], 32, 31));
        assert_eq!(out.unfinished, 2_000);
    }

    #[test]
    fn draws_are_uniform_over_the_window() {
        // Values 0 and 1 with 100 items: mean completion near 200 days; a biased draw shifts it.
        let values: Vec<i64> = (0..30).map(|i| i64::from(i % 2 == 0)).collect();
        let out = simulate(Run {
            trials: 4_000,
            ..run(&values, 100, 1_000)
        });
        let mean = out
            .finished
            .iter()
            .enumerate()
            .map(|(k, c)| (k as f64 + 1.0) * f64::from(*c))
            .sum::<f64>()
            / 4_000.0;
        assert!((mean - 200.0).abs() < 2.0, "mean completion {mean}");
    }

    #[test]
    fn long_windows_use_single_draws_with_the_same_answer() {
        let values = vec![2i64; 300];
        let out = simulate(run(&values, 11, 100));
        assert_eq!(out.finished[5], 2_000);
    }

    #[test]
    fn same_seed_same_stream_same_outcome_other_stream_differs() {
        let values: Vec<i64> = (0..30).map(|i| i % 5).collect();
        let a = simulate(run(&values, 80, 500));
        assert_eq!(a, simulate(run(&values, 80, 500)));
        let other = simulate(Run {
            stream: 2,
            ..run(&values, 80, 500)
        });
        assert_ne!(a, other);
    }
}
