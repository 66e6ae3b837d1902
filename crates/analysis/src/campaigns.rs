//! Campaigns: groups of inputs that are the same letter, word for word or
//! with small edits.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lsh::{optimal_params, Lsh};
use crate::minhash::MinHasher;
use crate::text::{normalise_into, shingle_hashes_into, text_hash};

/// How near two texts must be, and how to measure it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CampaignParams {
    /// Estimated Jaccard similarity of word shingles at or above which two
    /// texts belong to one campaign.
    pub threshold: f64,
    /// MinHash functions per signature.
    pub num_perm: usize,
    /// Words per shingle.
    pub shingle: usize,
    /// Seed of the hash functions.
    pub seed: u64,
    /// Threads computing signatures.
    pub threads: usize,
    /// The fewest inputs a campaign has.
    pub min_size: usize,
}

impl Default for CampaignParams {
    fn default() -> Self {
        CampaignParams {
            threshold: 0.7,
            num_perm: 128,
            shingle: 3,
            seed: 1,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            min_size: 2,
        }
    }
}

/// What was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaigns {
    /// For each input, in the order given: its group (the same number for
    /// every input of one campaign; a number of its own otherwise).
    pub group: Vec<u32>,
    /// The campaigns, largest first: the indices of their inputs.
    pub campaigns: Vec<Vec<u32>>,
    /// For each input, in the order given: the number of its text after
    /// normalisation (one number for copies that differ only in case,
    /// spacing or punctuation: a campaign's variants).
    pub variant: Vec<u32>,
    /// Distinct texts after normalisation.
    pub distinct: usize,
    /// Bands and rows of the LSH.
    pub bands: usize,
    pub rows: usize,
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[x as usize];
            self.0[x as usize] = self.0[parent as usize];
            x = parent;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi as usize] = lo;
        }
    }
}

/// Texts read together: signed by one thread, then grouped in order.
const BATCH: usize = 8_192;

/// One batch, signed: for each text, its normalised-text hash and, when no
/// other text had claimed that hash, its signature (`None` for the rest: a
/// copy of a text signed elsewhere needs no signature of its own).
type Signed = Vec<(u64, Option<Box<[u32]>>)>;

/// Signs the word shingles of a normalised text into `sig`.
fn sign(
    norm: &str,
    params: &CampaignParams,
    hasher: &MinHasher,
    (words, shingles): &mut (Vec<u64>, Vec<u64>),
    sig: &mut [u32],
) {
    shingle_hashes_into(norm, params.shingle, words, shingles);
    hasher.signature_into(shingles, sig);
}

/// Finds campaigns among `texts`: exact duplicates after normalisation, and
/// near-duplicates whose estimated similarity reaches the threshold, grouped
/// transitively. `params.threads` threads normalise and sign batches of
/// texts while this one groups the batches already signed, in their order
/// (so the result does not depend on the threads).
pub fn find_campaigns<S: AsRef<str> + Sync>(texts: &[S], params: &CampaignParams) -> Campaigns {
    let hasher = MinHasher::new(params.num_perm, params.seed);
    let (bands, rows) = optimal_params(params.threshold, params.num_perm);
    let mut lsh = Lsh::new(bands, rows);
    // Exact groups: normalised-text hash → its distinct-text number.
    let mut exact: FxHashMap<u64, u32> = FxHashMap::default();
    let mut distinct_of: Vec<u32> = Vec::with_capacity(texts.len());
    let mut signatures: Vec<u32> = Vec::new();
    let mut uf = UnionFind(Vec::new());
    let n = params.num_perm;
    let threads = params.threads.max(1);
    let batches: Vec<&[S]> = texts.chunks(BATCH).collect();
    // Hashes a signing thread has claimed: a copy met later is not signed.
    let claimed: Mutex<FxHashSet<u64>> = Mutex::default();
    let next = AtomicUsize::new(0);

    std::thread::scope(|scope| {
        // At most two batches waiting per thread: memory stays flat.
        let (send, signed) = std::sync::mpsc::sync_channel::<(usize, Signed)>(threads * 2);
        for _ in 0..threads {
            let send = send.clone();
            let (batches, claimed, next, hasher) = (&batches, &claimed, &next, &hasher);
            scope.spawn(move || {
                let (mut norm, mut buffers) = (String::new(), Default::default());
                let mut sig = vec![0u32; n];
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(batch) = batches.get(k) else { break };
                    let mut out: Signed = Vec::with_capacity(batch.len());
                    for text in *batch {
                        normalise_into(text.as_ref(), &mut norm);
                        let hash = text_hash(&norm);
                        let first = claimed
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .insert(hash);
                        out.push((
                            hash,
                            first.then(|| {
                                sign(&norm, params, hasher, &mut buffers, &mut sig);
                                sig.clone().into_boxed_slice()
                            }),
                        ));
                    }
                    if send.send((k, out)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        // Grouped in the texts' order, whichever thread finished first.
        let mut waiting: BTreeMap<usize, Signed> = BTreeMap::new();
        let mut want = 0;
        let (mut norm, mut buffers) = (String::new(), Default::default());
        let mut own = vec![0u32; n];
        for (k, batch) in signed {
            waiting.insert(k, batch);
            while let Some(batch) = waiting.remove(&want) {
                let from = want * BATCH;
                want += 1;
                for (j, (hash, sig)) in batch.into_iter().enumerate() {
                    let next = exact.len() as u32;
                    let d = *exact.entry(hash).or_insert(next);
                    distinct_of.push(d);
                    if d != next {
                        continue;
                    }
                    // The first copy in order; a later copy may have been
                    // the one signed, by another thread.
                    let sig: &[u32] = match &sig {
                        Some(sig) => sig,
                        None => {
                            normalise_into(texts[from + j].as_ref(), &mut norm);
                            sign(&norm, params, &hasher, &mut buffers, &mut own);
                            &own
                        }
                    };
                    signatures.extend_from_slice(sig);
                    uf.0.push(d);
                    let mut candidates = Vec::new();
                    lsh.insert(d, sig, |c| candidates.push(c));
                    for c in candidates {
                        let other = &signatures[c as usize * n..(c as usize + 1) * n];
                        if MinHasher::similarity(sig, other) >= params.threshold {
                            uf.union(d, c);
                        }
                    }
                }
            }
        }
    });

    // Groups: the root of each distinct text; count inputs per root.
    let roots: Vec<u32> = (0..exact.len() as u32).map(|d| uf.find(d)).collect();
    let mut members: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, &d) in distinct_of.iter().enumerate() {
        members.entry(roots[d as usize]).or_default().push(i as u32);
    }
    let mut group = vec![0u32; texts.len()];
    let mut campaigns: Vec<Vec<u32>> = Vec::new();
    for (root, list) in members {
        for &i in &list {
            group[i as usize] = root;
        }
        if list.len() >= params.min_size.max(2) {
            campaigns.push(list);
        }
    }
    campaigns.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    Campaigns {
        group,
        campaigns,
        variant: distinct_of,
        distinct: exact.len(),
        bands,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(i: usize) -> String {
        (0..120)
            .map(|w| format!("word{}", (w * 7919 + i * 104_729) % 100_000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn copies_and_edited_copies_are_one_campaign() {
        let base = letter(0);
        let mut edited = base.split(' ').map(str::to_owned).collect::<Vec<_>>();
        edited[10] = "changed".into();
        edited[70] = "also".into();
        edited.insert(0, "Dear co-facilitators,".into());
        let texts = vec![
            base.clone(),
            base.to_uppercase() + "!!!", // the same after normalisation
            edited.join(" "),
            letter(1),
            letter(2),
        ];
        let found = find_campaigns(
            &texts,
            &CampaignParams {
                threads: 2,
                ..Default::default()
            },
        );
        assert_eq!(found.campaigns, vec![vec![0, 1, 2]]);
        assert_eq!(found.distinct, 4);
        assert_eq!(found.group[0], found.group[2]);
        assert_ne!(found.group[3], found.group[4]);
        // The same with one thread: the result does not depend on threads.
        let one = find_campaigns(
            &texts,
            &CampaignParams {
                threads: 1,
                ..Default::default()
            },
        );
        assert_eq!(one, found);
    }

    /// A text of 40 words drawn from a million by a hash of `i`: two of
    /// them share hardly a word.
    fn unrelated(i: usize) -> String {
        (0..40u64)
            .map(|w| {
                let z = crate::words::pair_hash(i as u64, w);
                format!("w{}", z % 1_000_000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn copies_across_batches_group_alike_whatever_the_threads() {
        // Copies of a few letters spread over several batches, each batch
        // signed by whichever thread takes it: the first copy in order may
        // not be the one a thread signed.
        let texts: Vec<String> = (0..3 * BATCH + 100)
            .map(|i| match i % 7 {
                0 => letter(1_000_000),
                1 => letter(1_000_001).to_uppercase(),
                _ => unrelated(i),
            })
            .collect();
        let with = |threads| {
            find_campaigns(
                &texts,
                &CampaignParams {
                    threads,
                    ..Default::default()
                },
            )
        };
        let one = with(1);
        assert_eq!(one.campaigns.len(), 2);
        assert_eq!(
            one.campaigns[0].len() + one.campaigns[1].len(),
            2 * texts.len().div_ceil(7) - 1
        );
        assert_eq!(one.variant[0], one.variant[7]);
        assert_ne!(one.variant[0], one.variant[1]);
        for threads in [2, 3, 4] {
            assert_eq!(with(threads), one, "{threads} threads");
        }
    }

    #[test]
    fn empty_and_tiny_inputs_are_handled() {
        let texts = ["", "", "!!!", "a", "a b"];
        let found = find_campaigns(&texts, &CampaignParams::default());
        // Empty and punctuation-only texts are one exact group.
        assert!(found.campaigns.iter().any(|c| c == &vec![0, 1, 2]));
        assert!(find_campaigns::<&str>(&[], &CampaignParams::default())
            .campaigns
            .is_empty());
    }
}
