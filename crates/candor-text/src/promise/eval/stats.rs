//! Counting and uncertainty for the evaluation: precision/recall/F1 from counts, a percentile
//! bootstrap over groups (emails) so that the small held-out split's figure comes with an
//! interval, and the development split's folds for checking that a rule change generalises.

/// True positives, false positives and false negatives.
#[derive(Default, Debug, Clone, Copy)]
pub(super) struct Counts {
    pub(super) tp: u32,
    pub(super) fp: u32,
    pub(super) fn_: u32,
}

impl Counts {
    pub(super) fn add(&mut self, gold: bool, found: bool) {
        match (gold, found) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    pub(super) fn plus(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    pub(super) fn prf(&self) -> (f64, f64, f64) {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// SplitMix64: a fixed, dependency-free generator so that the interval is reproducible.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// 95% percentile-bootstrap interval of F1, resampling whole groups (emails, or single
/// sentences when there are no emails) with replacement, 2,000 times, fixed seed.
pub(super) fn bootstrap_f1(groups: &[Counts]) -> (f64, f64) {
    const ROUNDS: usize = 2000;
    if groups.is_empty() {
        return (0.0, 0.0);
    }
    let mut rng = SplitMix(0x00c0_ffee);
    let n = groups.len() as u64;
    let mut f1s: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let mut c = Counts::default();
            for _ in 0..n {
                c.plus(groups[(rng.next() % n) as usize]);
            }
            c.prf().2
        })
        .collect();
    f1s.sort_by(f64::total_cmp);
    (f1s[ROUNDS * 25 / 1000], f1s[ROUNDS * 975 / 1000 - 1])
}

/// Formats counts with P/R/F1 and the bootstrap interval.
pub(super) fn report(c: Counts, groups: &[Counts]) -> String {
    let (p, r, f) = c.prf();
    let (lo, hi) = bootstrap_f1(groups);
    format!(
        "{c:?}, P {p:.3} R {r:.3} F1 {f:.3} (95% bootstrap over {} groups: {lo:.3}–{hi:.3})",
        groups.len()
    )
}

#[test]
fn bootstrap_interval_brackets_the_figure_and_narrows_with_data() {
    let one = |tp, fp, fn_| Counts { tp, fp, fn_ };
    let small: Vec<Counts> = (0..20)
        .map(|i| {
            if i % 4 == 0 {
                one(0, 1, 1)
            } else {
                one(1, 0, 0)
            }
        })
        .collect();
    let big: Vec<Counts> = small.iter().cycle().take(400).copied().collect();
    let mut total = Counts::default();
    small.iter().for_each(|c| total.plus(*c));
    let f = total.prf().2;
    let (lo, hi) = bootstrap_f1(&small);
    assert!(lo < f && f < hi, "{lo} {f} {hi}");
    let (blo, bhi) = bootstrap_f1(&big);
    assert!(bhi - blo < (hi - lo) / 2.0, "{blo}–{bhi} vs {lo}–{hi}");
}
