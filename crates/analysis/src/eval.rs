//! How well found groups match a ground truth, counted over pairs of inputs:
//! precision is the share of pairs put together that belong together,
//! recall the share of pairs that belong together that were put together.

use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScores {
    pub precision: f64,
    pub recall: f64,
    /// Pairs in one found group.
    pub found_pairs: u64,
    /// Pairs in one true group.
    pub true_pairs: u64,
    /// Pairs in both.
    pub both: u64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// `found[i]` and `truth[i]` are input `i`'s group labels (a label of its own
/// for an input in no group).
pub fn pair_scores(found: &[u32], truth: &[u32]) -> PairScores {
    assert_eq!(found.len(), truth.len(), "one label per input on each side");
    let mut f: FxHashMap<u32, u64> = FxHashMap::default();
    let mut t: FxHashMap<u32, u64> = FxHashMap::default();
    let mut ft: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    for (&a, &b) in found.iter().zip(truth) {
        *f.entry(a).or_default() += 1;
        *t.entry(b).or_default() += 1;
        *ft.entry((a, b)).or_default() += 1;
    }
    let found_pairs: u64 = f.values().map(|&n| pairs(n)).sum();
    let true_pairs: u64 = t.values().map(|&n| pairs(n)).sum();
    let both: u64 = ft.values().map(|&n| pairs(n)).sum();
    PairScores {
        precision: if found_pairs == 0 {
            1.0
        } else {
            both as f64 / found_pairs as f64
        },
        recall: if true_pairs == 0 {
            1.0
        } else {
            both as f64 / true_pairs as f64
        },
        found_pairs,
        true_pairs,
        both,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_counting() {
        // Truth: {0,1,2} {3} {4}; found: {0,1} {2,3} {4}.
        let s = pair_scores(&[0, 0, 2, 2, 4], &[0, 0, 0, 3, 4]);
        assert_eq!((s.found_pairs, s.true_pairs, s.both), (2, 3, 1));
        assert!((s.precision - 0.5).abs() < 1e-9 && (s.recall - 1.0 / 3.0).abs() < 1e-9);
        let perfect = pair_scores(&[5, 5, 7], &[1, 1, 2]);
        assert_eq!((perfect.precision, perfect.recall), (1.0, 1.0));
    }
}
