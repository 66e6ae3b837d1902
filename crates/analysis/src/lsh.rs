//! Locality-sensitive hashing over MinHash signatures: a signature is cut
//! into `bands` of `rows` values; texts that share any whole band are
//! candidates.

/// The bands and rows for a Jaccard `threshold` with `num_perm` values:
/// those minimising the sum of the probabilities of false positives (pairs
/// below the threshold that would share a band) and false negatives (pairs
/// above it that would not), weighted equally — as datasketch's MinHashLSH
/// chooses them.
pub fn optimal_params(threshold: f64, num_perm: usize) -> (usize, usize) {
    let integrate = |f: &dyn Fn(f64) -> f64, a: f64, b: f64| {
        // Simpson's rule; the integrands are smooth.
        let n = 200;
        let h = (b - a) / n as f64;
        let mut sum = f(a) + f(b);
        for i in 1..n {
            let x = a + i as f64 * h;
            sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
        }
        sum * h / 3.0
    };
    let mut best = (1, num_perm.max(1));
    let mut min_error = f64::INFINITY;
    for bands in 1..=num_perm {
        for rows in 1..=num_perm / bands {
            let p = |s: f64| 1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32);
            let fp = integrate(&p, 0.0, threshold);
            let fn_ = integrate(&|s| 1.0 - p(s), threshold, 1.0);
            let error = 0.5 * fp + 0.5 * fn_;
            if error < min_error {
                min_error = error;
                best = (bands, rows);
            }
        }
    }
    best
}

/// The band tables: for each band, a bucket key → the first and the last
/// text seen in the bucket.
pub struct Lsh {
    rows: usize,
    tables: Vec<rustc_hash::FxHashMap<u64, (u32, u32)>>,
}

impl Lsh {
    pub fn new(bands: usize, rows: usize) -> Self {
        Lsh {
            rows,
            tables: (0..bands).map(|_| Default::default()).collect(),
        }
    }

    /// Inserts text `id` and calls `candidate(other)` for the texts already
    /// in one of its buckets (the first and the last of each).
    pub fn insert(&mut self, id: u32, signature: &[u32], mut candidate: impl FnMut(u32)) {
        for (band, table) in self.tables.iter_mut().enumerate() {
            let rows = &signature[band * self.rows..(band + 1) * self.rows];
            let mut key = 0xcbf2_9ce4_8422_2325u64 ^ band as u64;
            for &v in rows {
                key = (key ^ u64::from(v))
                    .wrapping_mul(0x0000_0100_0000_01b3)
                    .rotate_left(17);
            }
            match table.get_mut(&key) {
                Some((first, last)) => {
                    candidate(*first);
                    if *last != *first {
                        candidate(*last);
                    }
                    *last = id;
                }
                None => {
                    table.insert(key, (id, id));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_match_datasketch() {
        // datasketch 1.6.5's MinHashLSH with 128 permutations chooses
        // 25x5 at 0.5, 14x9 at 0.7 and 5x25 at 0.9.
        assert_eq!(optimal_params(0.5, 128), (25, 5));
        assert_eq!(optimal_params(0.7, 128), (14, 9));
        assert_eq!(optimal_params(0.9, 128), (5, 25));
    }

    #[test]
    fn shared_bands_make_candidates() {
        let mut lsh = Lsh::new(4, 2);
        let mut seen = vec![];
        lsh.insert(0, &[1, 2, 3, 4, 5, 6, 7, 8], |c| seen.push(c));
        lsh.insert(1, &[9, 9, 9, 9, 9, 9, 7, 8], |c| seen.push(c));
        lsh.insert(2, &[0, 0, 0, 0, 0, 0, 0, 0], |c| seen.push(c));
        assert_eq!(seen, [0]);
    }
}
