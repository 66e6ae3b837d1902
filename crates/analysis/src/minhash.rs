//! MinHash signatures: for each of `n` positions, the smallest priority of a
//! text's shingles. Two texts agree on a position with probability equal to
//! the Jaccard similarity of their shingle sets.
//!
//! The priorities are those of fast similarity sketching (Dahlgaard, Knudsen
//! and Thorup, 2017): in round `r` each shingle is thrown into one position
//! with a random rank prefixed by `r`; a position that no shingle reached in
//! any round takes the smallest of the classic functions
//! `a·x + b mod 2^32`, prefixed past every round. A shingle's priority for a
//! position depends on nothing but the shingle, so each position is the
//! minimum of independent priorities over the set, and agrees between two
//! sets exactly when the minimum of their union lies in both: probability
//! the Jaccard similarity, as with `n` independent functions. The work is a
//! few rounds per shingle, not `n` functions per shingle; the classic
//! functions run only for the positions still empty (short texts).

/// A text's signature.
pub type Signature = Vec<u32>;

/// Rounds of throwing each shingle into a position; the top bits of a value
/// are its round (`ROUNDS` for the classic functions).
const ROUNDS: u32 = 7;
const FRACTION_BITS: u32 = 29;

/// The rounds' hash seeds and `n` functions `h(x) = (a·x + b) mod 2^32` over
/// 32-bit folds of the shingle hashes, `a` odd, for the positions no round
/// reached.
#[derive(Debug, Clone)]
pub struct MinHasher {
    rounds: [u64; ROUNDS as usize],
    a: Vec<u32>,
    b: Vec<u32>,
}

impl MinHasher {
    /// `num_perm` positions drawn from `seed` (the same seed, the same functions).
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed ^ 0x5851_F42D_4C95_7F2D;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            mix64(state)
        };
        let a = (0..num_perm).map(|_| (next() as u32) | 1).collect();
        let b = (0..num_perm).map(|_| next() as u32).collect();
        let rounds = std::array::from_fn(|_| next());
        MinHasher { rounds, a, b }
    }

    pub fn num_perm(&self) -> usize {
        self.a.len()
    }

    /// The signature of a set of shingle hashes (all `u32::MAX` when empty).
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut sig = vec![u32::MAX; self.a.len()];
        self.signature_into(shingles, &mut sig);
        sig
    }

    /// As [`signature`](Self::signature), into a buffer of `num_perm` values.
    /// Repeated shingles change nothing.
    pub fn signature_into(&self, shingles: &[u64], sig: &mut [u32]) {
        sig.fill(u32::MAX);
        let n = sig.len().min(self.a.len());
        if shingles.is_empty() || n == 0 {
            return;
        }
        let sig = &mut sig[..n];
        for (round, &seed) in (0..ROUNDS).zip(&self.rounds) {
            let prefix = round << FRACTION_BITS;
            for &s in shingles {
                let m = round_hash(s, seed);
                // The low half picks the position (Lemire's reduction), the
                // high bits rank the shingle there.
                let position = (((m & 0xFFFF_FFFF) * n as u64) >> 32) as usize;
                let rank = prefix | (m >> (64 - FRACTION_BITS)) as u32;
                sig[position] = sig[position].min(rank);
            }
            // Later rounds rank past every value already there.
            let next = (round + 1) << FRACTION_BITS;
            if sig.iter().all(|&v| v < next) {
                return;
            }
        }
        // Positions no round reached: the classic functions, ranked past
        // every round (the others keep their smaller values).
        let missing = sig.iter().filter(|&&v| v == u32::MAX).count();
        let fallback = |h: u32| (ROUNDS << FRACTION_BITS) | (h >> (32 - FRACTION_BITS));
        if missing * 4 >= n {
            for &s in shingles {
                let x = (s ^ (s >> 32)) as u32;
                for ((m, &a), &b) in sig.iter_mut().zip(&self.a).zip(&self.b) {
                    *m = (*m).min(fallback(a.wrapping_mul(x).wrapping_add(b)));
                }
            }
        } else {
            for (j, m) in sig.iter_mut().enumerate() {
                if *m == u32::MAX {
                    let (a, b) = (self.a[j], self.b[j]);
                    *m = shingles
                        .iter()
                        .map(|&s| fallback(a.wrapping_mul((s ^ (s >> 32)) as u32).wrapping_add(b)))
                        .min()
                        .unwrap_or(u32::MAX);
                }
            }
        }
    }

    /// The share of positions on which two signatures agree: an estimate of
    /// the Jaccard similarity of their texts.
    pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() {
            return 0.0;
        }
        let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
        same as f64 / a.len() as f64
    }
}

/// A shingle's hash in one round: one folded multiply (the shingle hashes
/// are already well mixed; the fold spreads every bit of the round's seed).
fn round_hash(s: u64, seed: u64) -> u64 {
    let p = u128::from(s ^ seed) * 0x9E37_79B9_7F4A_7C15u128;
    (p as u64) ^ ((p >> 64) as u64)
}

/// SplitMix64's finaliser: every bit of the input moves every bit of the output.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{normalise, shingle_hashes};

    #[test]
    fn similarity_estimates_jaccard() {
        let h = MinHasher::new(256, 7);
        let words: Vec<String> = (0..200).map(|i| format!("w{i}")).collect();
        let a = words.join(" ");
        // Change 10 words in 200: about 30 of 198 shingles differ on each side.
        let mut edited = words.clone();
        for i in (0..200).step_by(20) {
            edited[i] = format!("x{i}");
        }
        let b = edited.join(" ");
        let (sa, sb) = (
            shingle_hashes(&normalise(&a), 3),
            shingle_hashes(&normalise(&b), 3),
        );
        let common = sa.iter().filter(|x| sb.binary_search(x).is_ok()).count() as f64;
        let jaccard = common / (sa.len() as f64 + sb.len() as f64 - common);
        let estimate = MinHasher::similarity(&h.signature(&sa), &h.signature(&sb));
        assert!(
            (estimate - jaccard).abs() < 0.08,
            "estimate {estimate} vs {jaccard}"
        );
        let other = shingle_hashes(
            &normalise(
                &(0..200)
                    .map(|i| format!("z{i}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            3,
        );
        assert!(MinHasher::similarity(&h.signature(&sa), &h.signature(&other)) < 0.05);
        assert_eq!(
            h.signature(&sa),
            MinHasher::new(256, 7).signature(&sa),
            "deterministic"
        );
    }

    /// Each position by its definition: the smallest over the set of each
    /// shingle's priority there (its smallest rank over the rounds that threw
    /// it there, else its classic function, ranked past every round).
    fn by_definition(h: &MinHasher, n: usize, shingles: &[u64]) -> Vec<u32> {
        let priority = |s: u64, j: usize| {
            let mut best = None;
            for (round, &seed) in (0..ROUNDS).zip(&h.rounds) {
                let m = round_hash(s, seed);
                if (((m & 0xFFFF_FFFF) * n as u64) >> 32) as usize == j && best.is_none() {
                    best = Some((round << FRACTION_BITS) | (m >> (64 - FRACTION_BITS)) as u32);
                }
            }
            best.unwrap_or_else(|| {
                let x = (s ^ (s >> 32)) as u32;
                (ROUNDS << FRACTION_BITS)
                    | (h.a[j].wrapping_mul(x).wrapping_add(h.b[j]) >> (32 - FRACTION_BITS))
            })
        };
        (0..n)
            .map(|j| {
                shingles
                    .iter()
                    .map(|&s| priority(s, j))
                    .min()
                    .unwrap_or(u32::MAX)
            })
            .collect()
    }

    #[test]
    fn signatures_are_the_minimum_priorities_whatever_the_shortcuts() {
        // Sizes that end after a few rounds, after all of them with a few
        // positions left (one by one) and with many left (all at once).
        for (n, size) in [
            (128, 1),
            (128, 5),
            (128, 40),
            (128, 135),
            (128, 600),
            (24, 3),
            (24, 30),
        ] {
            let h = MinHasher::new(n, 11);
            let shingles: Vec<u64> = (0..size as u64)
                .map(|i| mix64(i.wrapping_mul(0x1234_5678_9ABC_DEF1) ^ n as u64))
                .collect();
            assert_eq!(
                h.signature(&shingles),
                by_definition(&h, n, &shingles),
                "{n} positions, {size} shingles"
            );
        }
        assert!(MinHasher::new(8, 1)
            .signature(&[])
            .iter()
            .all(|&v| v == u32::MAX));
    }

    #[test]
    fn each_position_agrees_as_often_as_the_sets_overlap() {
        // Sets of 100 shingles sharing 50 (Jaccard 1/3), and of 10 sharing 5
        // (the classic functions): over many seeds, the share of agreeing
        // positions is the Jaccard similarity.
        for (size, shared, jaccard) in [(100u64, 50u64, 1.0 / 3.0), (10, 5, 1.0 / 3.0)] {
            let (mut same, mut total) = (0usize, 0usize);
            for seed in 0..200 {
                let h = MinHasher::new(128, seed);
                let base = seed * 1_000_000;
                let a: Vec<u64> = (base..base + size).map(mix64).collect();
                let b: Vec<u64> = (base + size - shared..base + 2 * size - shared)
                    .map(mix64)
                    .collect();
                let (sa, sb) = (h.signature(&a), h.signature(&b));
                same += sa.iter().zip(&sb).filter(|(x, y)| x == y).count();
                total += sa.len();
            }
            let share = same as f64 / total as f64;
            assert!(
                (share - jaccard).abs() < 0.01,
                "{size} shingles: {share} vs {jaccard}"
            );
        }
    }
}
