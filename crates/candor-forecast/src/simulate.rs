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
    // Narrow table entries keep a 60-day pair table (3,600 entries) inside the L1 cache.
    let narrow = run.values.iter().all(|v| v.unsigned_abs() < 1 << 30);
    let paired = run.values.len() <= PAIR_LIMIT;
    match (paired, narrow) {
        (true, true) => all_trials::<i32, true>(&mut out, &mut seeds, &pairs(run.values), run),
        (true, false) => all_trials::<i64, true>(&mut out, &mut seeds, &pairs(run.values), run),
        (false, _) => all_trials::<i64, false>(&mut out, &mut seeds, &singles(run.values), run),
    }
    out
}

/// `(a, a + b)` for every ordered pair of window days `(a, b)`.
fn pairs<T: TryFrom<i64> + Default>(values: &[i64]) -> Vec<(T, T)> {
    let narrow = |v: i64| T::try_from(v).unwrap_or_default();
    let all = values
        .iter()
        .flat_map(|&a| values.iter().map(move |&b| (a, a + b)));
    all.map(|(a, ab)| (narrow(a), narrow(ab))).collect()
}

/// `(a, a)` per window day, for windows too long to pair.
fn singles(values: &[i64]) -> Vec<(i64, i64)> {
    values.iter().map(|&v| (v, v)).collect()
}

fn all_trials<T: Copy + Into<i64>, const PAIRED: bool>(
    out: &mut Outcome,
    seeds: &mut ChaCha8Rng,
    table: &[(T, T)],
    run: Run<'_>,
) {
    let m = u32::try_from(table.len()).unwrap_or(1);
    let trial = Trial {
        table,
        m,
        reject: 65_536 % m,
        remaining: run.remaining,
        horizon: run.horizon,
        // Skipping ahead needs a cumulative sum that never falls: no negative days.
        monotone: PAIRED && run.values.iter().all(|v| *v >= 0),
    };
    for _ in 0..run.trials {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seeds.next_u64());
        match trial.run::<PAIRED>(&mut rng) {
            Some(day) => out.finished[day as usize] += 1,
            None => out.unfinished += 1,
        }
    }
}

/// What one trial needs, fixed for all trials of a run.
struct Trial<'t, T> {
    table: &'t [(T, T)],
    m: u32,
    reject: u32,
    remaining: i64,
    horizon: u32,
    monotone: bool,
}

/// Where a trial stands: cumulative items and the next business-day offset.
struct Walk {
    total: i64,
    day: u32,
}

impl<T: Copy + Into<i64>> Trial<'_, T> {
    /// One trial: the offset of the first business day with cumulative throughput ≥ remaining,
    /// or `None` when the horizon comes first.
    ///
    /// Each 64-bit draw gives four 16-bit chunks; chunk `c` maps to table index `(c·m) >> 16`
    /// and is skipped when `(c·m) mod 2¹⁶ < 2¹⁶ mod m` (Lemire's rejection), which leaves every
    /// index exactly equally likely. When the sum cannot fall, a draw whose four chunks are all
    /// accepted and whose eight days stay short of the target is added in one step; otherwise
    /// [`Trial::step`] walks its days one by one. Both consume the same chunks in the same
    /// order, so the shortcut never changes a result.
    #[inline]
    fn run<const PAIRED: bool>(&self, rng: &mut Xoshiro256PlusPlus) -> Option<u32> {
        let mut walk = Walk { total: 0, day: 0 };
        loop {
            let bits = rng.next_u64();
            let products = [0, 16, 32, 48].map(|shift| ((bits >> shift) as u32 & 0xFFFF) * self.m);
            if PAIRED && self.monotone && walk.day + 8 <= self.horizon {
                let rejected = products
                    .iter()
                    .fold(false, |any, p| any | (p & 0xFFFF < self.reject));
                if !rejected {
                    let both = products
                        .iter()
                        .fold(0i64, |sum, p| sum + self.table[(p >> 16) as usize].1.into());
                    if walk.total + both < self.remaining {
                        walk.total += both;
                        walk.day += 8;
                        continue;
                    }
                }
            }
            for product in products {
                if let Some(result) = self.step::<PAIRED>(&mut walk, product) {
                    return result;
                }
            }
        }
    }

    /// Walks the day(s) of one chunk; `Some` ends the trial (finished or out of horizon).
    #[inline(always)]
    fn step<const PAIRED: bool>(&self, walk: &mut Walk, product: u32) -> Option<Option<u32>> {
        if product & 0xFFFF < self.reject {
            return None;
        }
        if walk.day >= self.horizon {
            return Some(None);
        }
        let (first, both) = self.table[(product >> 16) as usize];
        if walk.total + first.into() >= self.remaining {
            return Some(Some(walk.day));
        }
        if !PAIRED {
            walk.total += first.into();
            walk.day += 1;
            return None;
        }
        if walk.day + 1 >= self.horizon {
            return Some(None);
        }
        walk.total += both.into();
        if walk.total >= self.remaining {
            return Some(Some(walk.day + 1));
        }
        walk.day += 2;
        None
    }
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
    fn skipping_ahead_never_changes_a_trial() {
        let values: Vec<i64> = (0..60).map(|i| (i * 7) % 9).collect();
        let table = pairs::<i32>(&values);
        for remaining in [1, 17, 90, 400] {
            let trial = |monotone| Trial {
                table: &table,
                m: 3_600,
                reject: 65_536 % 3_600,
                remaining,
                horizon: 150,
                monotone,
            };
            for seed in 0..300 {
                let mut a = Xoshiro256PlusPlus::seed_from_u64(seed);
                let mut b = Xoshiro256PlusPlus::seed_from_u64(seed);
                let fast = trial(true).run::<true>(&mut a);
                assert_eq!(
                    fast,
                    trial(false).run::<true>(&mut b),
                    "seed {seed}, {remaining}"
                );
            }
        }
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
