//! MinHash signatures: for each of `n` hash functions, the smallest hash of a
//! text's shingles. Two texts agree on a position with probability equal to
//! the Jaccard similarity of their shingle sets.

/// A text's signature.
pub type Signature = Vec<u32>;

/// `n` hash functions `h(x) = (a·x + b) mod 2^32` over 32-bit folds of the
/// shingle hashes, `a` odd: cheap, and the loop over functions vectorises.
#[derive(Debug, Clone)]
pub struct MinHasher {
    a: Vec<u32>,
    b: Vec<u32>,
}

impl MinHasher {
    /// `num_perm` functions drawn from `seed` (the same seed, the same functions).
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed ^ 0x5851_F42D_4C95_7F2D;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let a = (0..num_perm).map(|_| (next() as u32) | 1).collect();
        let b = (0..num_perm).map(|_| next() as u32).collect();
        MinHasher { a, b }
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
    pub fn signature_into(&self, shingles: &[u64], sig: &mut [u32]) {
        sig.fill(u32::MAX);
        for &s in shingles {
            let x = (s ^ (s >> 32)) as u32;
            for ((m, &a), &b) in sig.iter_mut().zip(&self.a).zip(&self.b) {
                let h = a.wrapping_mul(x).wrapping_add(b);
                *m = (*m).min(h);
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
}
