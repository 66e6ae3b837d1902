//! Clusters: within a theme, groups of texts that say similar things, each
//! named by its key phrases.
//!
//! 1. Each text is a TF-IDF vector of its content words (stop words set
//!    aside), l2-normalised.
//! 2. Spherical k-means, seeded by k-means++ from a seed (on a sample of
//!    the texts when there are many, then every text assigned to the
//!    nearest centre); `k` grows with the square root of the number of
//!    texts, up to [`ClusterParams::max_clusters`]. A text counts with its
//!    weight — the caller passes one text per campaign, weighted by the
//!    campaign's size.
//! 3. Clusters whose centres are nearly alike (cosine at least
//!    [`ClusterParams::merge_similarity`]) are merged: k-means cuts
//!    undifferentiated texts into arbitrary parts, which would be named
//!    alike.
//! 4. Key phrases: the words and two-word phrases frequent in the cluster
//!    and rare in the others (class-based TF-IDF, as BERTopic names topics),
//!    shown as they read in the texts; a word is left out when a phrase
//!    holding it says the same. Here a text counts 1 + ln(weight): a
//!    campaign more than one text, without its wording drowning the rest.
//!
//! Pure and deterministic: the same texts, weights and parameters give the
//! same clusters, whatever the number of threads.

use rustc_hash::FxHashMap;

use crate::words::{Feature, Tokeniser};

/// How to cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterParams {
    /// Clusters at most (fewer for few texts: about √(n/2)).
    pub max_clusters: usize,
    /// Key phrases per cluster.
    pub key_phrases: usize,
    /// Representative texts per cluster.
    pub representatives: usize,
    /// Seed of the k-means++ seeding.
    pub seed: u64,
    pub threads: usize,
    /// Clusters whose centres' cosine similarity reaches this are merged.
    pub merge_similarity: f32,
    /// k-means iterations at most.
    pub iterations: usize,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            max_clusters: 20,
            key_phrases: 8,
            representatives: 3,
            seed: 1,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            merge_similarity: 0.5,
            iterations: 25,
        }
    }
}

/// A cluster of texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Indices into the texts, in order.
    pub members: Vec<u32>,
    /// The sum of the members' weights.
    pub weight: u64,
    /// Normalised words and phrases, most characteristic first (none for
    /// the cluster of texts without content words).
    pub key_phrases: Vec<String>,
    /// Members closest to the cluster's centre, closest first.
    pub representatives: Vec<u32>,
}

/// Texts of the k-means sample at most.
const SAMPLE: usize = 20_000;
/// Words of the vocabulary at most (the most frequent).
const VOCABULARY: usize = 1 << 18;
/// Members read per cluster for its key phrases at most (evenly spaced).
const PHRASE_SAMPLE: usize = 5_000;

/// Sparse, l2-normalised vectors, one per text.
struct Vectors {
    start: Vec<usize>,
    ids: Vec<u32>,
    values: Vec<f32>,
    dims: usize,
}

impl Vectors {
    fn get(&self, i: usize) -> (&[u32], &[f32]) {
        let (a, b) = (self.start[i], self.start[i + 1]);
        (&self.ids[a..b], &self.values[a..b])
    }
    fn is_empty(&self, i: usize) -> bool {
        self.start[i] == self.start[i + 1]
    }
}

/// Runs `f` over contiguous parts of `0..n` on `threads` threads; the
/// parts' results in order.
fn parallel<T: Send>(n: usize, threads: usize, f: impl Fn(usize, usize) -> T + Sync) -> Vec<T> {
    let per = n.div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = (0..n)
            .step_by(per)
            .map(|from| scope.spawn(move || f(from, (from + per).min(n))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a clustering thread"))
            .collect()
    })
}

fn vectors<S: AsRef<str> + Sync>(texts: &[S], threads: usize) -> Vectors {
    // Each text's distinct content words and their counts.
    let bags: Vec<Vec<(u64, u32)>> = parallel(texts.len(), threads, |from, to| {
        let mut tok = Tokeniser::new();
        let mut words = Vec::new();
        (from..to)
            .map(|i| {
                tok.content_words(texts[i].as_ref(), &mut words);
                let mut bag: Vec<(u64, u32)> = words.iter().map(|w| (w.0, 1)).collect();
                bag.sort_unstable();
                bag.dedup_by(|b, a| {
                    if a.0 == b.0 {
                        a.1 += 1;
                        true
                    } else {
                        false
                    }
                });
                bag
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for bag in &bags {
        for &(h, _) in bag {
            *df.entry(h).or_default() += 1;
        }
    }
    let mut vocabulary: Vec<(u32, u64)> = df.iter().map(|(&h, &n)| (n, h)).collect();
    vocabulary.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    vocabulary.truncate(VOCABULARY);
    let n = texts.len() as f32;
    let index: FxHashMap<u64, (u32, f32)> = vocabulary
        .iter()
        .enumerate()
        .map(|(id, &(df, h))| (h, (id as u32, ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0)))
        .collect();
    let mut out = Vectors {
        start: Vec::with_capacity(texts.len() + 1),
        ids: Vec::new(),
        values: Vec::new(),
        dims: vocabulary.len(),
    };
    out.start.push(0);
    let mut row: Vec<(u32, f32)> = Vec::new();
    for bag in bags {
        row.clear();
        row.extend(bag.iter().filter_map(|&(h, tf)| {
            index
                .get(&h)
                .map(|&(id, idf)| (id, (1.0 + (tf as f32).ln()) * idf))
        }));
        row.sort_unstable_by_key(|x| x.0);
        let norm = row.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for &(id, v) in &row {
                out.ids.push(id);
                out.values.push(v / norm);
            }
        }
        out.start.push(out.ids.len());
    }
    out
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Centres, transposed: for each dimension, its value in each of `k`
/// centres (what a sparse text's dot product with every centre reads).
struct Centres {
    k: usize,
    values: Vec<f32>,
}

impl Centres {
    fn scores(&self, (ids, values): (&[u32], &[f32]), out: &mut [f32]) {
        out.fill(0.0);
        for (&id, &v) in ids.iter().zip(values) {
            let row = &self.values[id as usize * self.k..(id as usize + 1) * self.k];
            for (o, &c) in out.iter_mut().zip(row) {
                *o += v * c;
            }
        }
    }

    /// The cosine similarity of a text and centre `c`.
    fn score(&self, (ids, values): (&[u32], &[f32]), c: usize) -> f32 {
        ids.iter()
            .zip(values)
            .map(|(&id, &v)| v * self.values[id as usize * self.k + c])
            .sum()
    }

    /// The nearest centre and its cosine similarity.
    fn nearest(&self, text: (&[u32], &[f32]), scratch: &mut [f32]) -> (usize, f32) {
        self.scores(text, scratch);
        let mut best = (0, f32::NEG_INFINITY);
        for (c, &s) in scratch.iter().enumerate() {
            if s > best.1 {
                best = (c, s);
            }
        }
        best
    }

    /// The weighted means of the texts of each centre, normalised; `None`
    /// for a centre with no text.
    fn from_members(
        k: usize,
        vectors: &Vectors,
        texts: &[usize],
        of: &[usize],
        weight: &[f64],
    ) -> (Centres, Vec<bool>) {
        let dims = vectors.dims;
        let mut sums = vec![0f64; k * dims];
        let mut used = vec![false; k];
        for (&i, &c) in texts.iter().zip(of) {
            used[c] = true;
            let (ids, values) = vectors.get(i);
            for (&id, &v) in ids.iter().zip(values) {
                sums[id as usize * k + c] += weight[i] * f64::from(v);
            }
        }
        let mut norms = vec![0f64; k];
        for row in sums.chunks_exact(k) {
            for (n, &v) in norms.iter_mut().zip(row) {
                *n += v * v;
            }
        }
        let norms: Vec<f64> = norms.into_iter().map(f64::sqrt).collect();
        let values = sums
            .chunks_exact(k)
            .flat_map(|row| {
                row.iter()
                    .zip(&norms)
                    .map(|(&v, &n)| if n > 0.0 { (v / n) as f32 } else { 0.0 })
            })
            .collect();
        (Centres { k, values }, used)
    }
}

/// k-means++ seeding over `texts`: up to `k` centres, each a text.
fn seeding(
    k: usize,
    vectors: &Vectors,
    texts: &[usize],
    weight: &[f64],
    rng: &mut Rng,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    // Distance (1 − cosine) to the nearest chosen centre.
    let mut distance = vec![1f64; texts.len()];
    let mut dense = vec![0f32; vectors.dims];
    while chosen.len() < k {
        let total: f64 = texts
            .iter()
            .zip(&distance)
            .map(|(&i, &d)| weight[i] * d * d)
            .sum();
        if total <= 1e-12 {
            break;
        }
        let mut x = rng.unit() * total;
        let mut pick = texts.len() - 1;
        for (j, (&i, &d)) in texts.iter().zip(&distance).enumerate() {
            x -= weight[i] * d * d;
            if x < 0.0 {
                pick = j;
                break;
            }
        }
        let centre = texts[pick];
        chosen.push(centre);
        let (ids, values) = vectors.get(centre);
        for (&id, &v) in ids.iter().zip(values) {
            dense[id as usize] = v;
        }
        for (d, &i) in distance.iter_mut().zip(texts) {
            let (ids, values) = vectors.get(i);
            let cos: f32 = ids
                .iter()
                .zip(values)
                .map(|(&id, &v)| v * dense[id as usize])
                .sum();
            *d = d.min((1.0 - f64::from(cos)).max(0.0));
        }
        for &id in ids {
            dense[id as usize] = 0.0;
        }
    }
    chosen
}

/// Assigns each of `texts` to its nearest centre, on threads.
fn assign(
    centres: &Centres,
    vectors: &Vectors,
    texts: &[usize],
    threads: usize,
) -> Vec<(usize, f32)> {
    parallel(texts.len(), threads, |from, to| {
        let mut scratch = vec![0f32; centres.k];
        texts[from..to]
            .iter()
            .map(|&i| centres.nearest(vectors.get(i), &mut scratch))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Spherical k-means over `texts`; returns the centres.
fn kmeans(
    k: usize,
    vectors: &Vectors,
    texts: &[usize],
    weight: &[f64],
    params: &ClusterParams,
) -> Centres {
    let mut rng = Rng(params.seed ^ 0xC1A5_7E45);
    let seeds = seeding(k, vectors, texts, weight, &mut rng);
    let k = seeds.len().max(1);
    let of: Vec<usize> = (0..seeds.len()).collect();
    let (mut centres, _) = Centres::from_members(k, vectors, &seeds, &of, weight);
    let mut previous: Vec<usize> = Vec::new();
    for _ in 0..params.iterations.max(1) {
        let of: Vec<usize> = assign(&centres, vectors, texts, params.threads)
            .into_iter()
            .map(|x| x.0)
            .collect();
        if of == previous {
            break;
        }
        // A centre left with no text becomes all zeros: it takes no text.
        centres = Centres::from_members(k, vectors, texts, &of, weight).0;
        previous = of;
    }
    centres
}

/// Merges clusters whose centres are alike (the most alike pair first, as
/// long as their cosine similarity reaches `threshold`) and drops empty
/// ones: `of[i]` is `texts[i]`'s cluster, renumbered in order; returns the
/// number of clusters.
fn merge(
    k: usize,
    vectors: &Vectors,
    texts: &[usize],
    of: &mut [usize],
    weight: &[f64],
    threshold: f32,
) -> usize {
    // The clusters' sums of weighted vectors, and their dot products.
    let dims = vectors.dims;
    let mut sums = vec![0f64; k * dims];
    let mut used = vec![false; k];
    for (&i, &c) in texts.iter().zip(of.iter()) {
        used[c] = true;
        let (ids, values) = vectors.get(i);
        for (&id, &v) in ids.iter().zip(values) {
            sums[id as usize * k + c] += weight[i] * f64::from(v);
        }
    }
    let mut gram = vec![0f64; k * k];
    for row in sums.chunks_exact(k) {
        for a in 0..k {
            if row[a] != 0.0 {
                for b in a..k {
                    gram[a * k + b] += row[a] * row[b];
                }
            }
        }
    }
    for a in 0..k {
        for b in 0..a {
            gram[a * k + b] = gram[b * k + a];
        }
    }
    let mut into: Vec<usize> = (0..k).collect();
    loop {
        let mut best = (0, 0, f64::NEG_INFINITY);
        for a in 0..k {
            for b in a + 1..k {
                if used[a] && used[b] {
                    let norm = (gram[a * k + a] * gram[b * k + b]).sqrt();
                    let cos = if norm > 0.0 {
                        gram[a * k + b] / norm
                    } else {
                        0.0
                    };
                    if cos > best.2 {
                        best = (a, b, cos);
                    }
                }
            }
        }
        let (a, b, cos) = best;
        if cos < f64::from(threshold) {
            break;
        }
        // b into a: a's sum is now a's plus b's.
        for c in 0..k {
            gram[a * k + c] += gram[b * k + c];
        }
        for c in 0..k {
            gram[c * k + a] = gram[a * k + c];
        }
        gram[a * k + a] += gram[b * k + a];
        used[b] = false;
        for x in &mut into {
            if *x == b {
                *x = a;
            }
        }
    }
    let mut number = vec![usize::MAX; k];
    let mut n = 0;
    for c in 0..k {
        if used[c] {
            number[c] = n;
            n += 1;
        }
    }
    for c in of.iter_mut() {
        *c = number[into[*c]];
    }
    n
}

/// A candidate key phrase's counts in one cluster.
#[derive(Default, Clone, Copy)]
struct Counts {
    /// Weighted number of member texts holding it.
    weight: f64,
    /// Member texts holding it.
    texts: u32,
    /// For a phrase, its words' hashes.
    first: u64,
    second: u64,
}

/// The key phrases of each cluster.
fn key_phrases<S: AsRef<str> + Sync>(
    texts: &[S],
    clusters: &[Vec<u32>],
    weight: &[f64],
    params: &ClusterParams,
) -> Vec<Vec<String>> {
    let wanted = params.key_phrases;
    if wanted == 0 || clusters.is_empty() {
        return vec![Vec::new(); clusters.len()];
    }
    // Members read: evenly spaced, each standing for `scale` of its cluster's weight.
    let samples: Vec<(Vec<u32>, f64)> = clusters
        .iter()
        .map(|members| {
            let stride = members.len().div_ceil(PHRASE_SAMPLE).max(1);
            let sample: Vec<u32> = members.iter().copied().step_by(stride).collect();
            let all: f64 = members.iter().map(|&i| weight[i as usize]).sum();
            let read: f64 = sample.iter().map(|&i| weight[i as usize]).sum();
            let scale = if read > 0.0 { all / read } else { 1.0 };
            (sample, scale)
        })
        .collect();
    let jobs: Vec<(usize, u32)> = samples
        .iter()
        .enumerate()
        .flat_map(|(c, (sample, _))| sample.iter().map(move |&i| (c, i)))
        .collect();
    // Per cluster: feature → counts (binary per text, weighted).
    let parts: Vec<Vec<FxHashMap<u64, Counts>>> =
        parallel(jobs.len(), params.threads, |from, to| {
            let mut maps: Vec<FxHashMap<u64, Counts>> = vec![FxHashMap::default(); clusters.len()];
            let mut tok = Tokeniser::new();
            let mut feats: Vec<Feature> = Vec::new();
            for &(c, i) in &jobs[from..to] {
                tok.features(texts[i as usize].as_ref(), &mut feats);
                feats.sort_unstable_by_key(|f| f.hash);
                feats.dedup_by_key(|f| f.hash);
                for f in &feats {
                    let e = maps[c].entry(f.hash).or_insert(Counts {
                        first: f.first,
                        second: f.second,
                        ..Counts::default()
                    });
                    e.weight += weight[i as usize];
                    e.texts += 1;
                }
            }
            maps
        });
    let mut maps: Vec<FxHashMap<u64, Counts>> = vec![FxHashMap::default(); clusters.len()];
    for part in parts {
        for (into, from) in maps.iter_mut().zip(part) {
            for (h, c) in from {
                let e = into.entry(h).or_insert(Counts {
                    first: c.first,
                    second: c.second,
                    ..Counts::default()
                });
                e.weight += c.weight;
                e.texts += c.texts;
            }
        }
    }
    for (map, (_, scale)) in maps.iter_mut().zip(&samples) {
        for c in map.values_mut() {
            c.weight *= scale;
        }
    }
    // Class-based TF-IDF.
    let mut overall: FxHashMap<u64, f64> = FxHashMap::default();
    for map in &maps {
        for (&h, c) in map {
            *overall.entry(h).or_default() += c.weight;
        }
    }
    let totals: Vec<f64> = maps
        .iter()
        .map(|m| m.values().map(|c| c.weight).sum())
        .collect();
    let average = totals.iter().sum::<f64>() / totals.len() as f64;
    let mut chosen: Vec<Vec<u64>> = Vec::with_capacity(maps.len());
    for ((map, total), members) in maps.iter().zip(&totals).zip(clusters) {
        let min_texts = if members.len() >= 2 { 2 } else { 1 };
        let mut scored: Vec<(f64, u64)> = map
            .iter()
            .filter(|(_, c)| c.texts >= min_texts)
            .map(|(&h, c)| {
                let tf = c.weight / total.max(1e-12);
                (tf * (1.0 + average / overall[&h]).ln(), h)
            })
            .collect();
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(wanted * 5);
        // A word goes when a phrase holding it is nearly as frequent.
        let covered: Vec<u64> = scored
            .iter()
            .filter_map(|&(_, h)| {
                let c = &map[&h];
                (c.first != 0).then_some([(c.first, c.weight), (c.second, c.weight)])
            })
            .flatten()
            .filter(|&(w, pw)| map.get(&w).is_some_and(|wc| pw >= 0.6 * wc.weight))
            .map(|(w, _)| w)
            .collect();
        chosen.push(
            scored
                .iter()
                .map(|&(_, h)| h)
                .filter(|h| !covered.contains(h))
                .take(wanted)
                .collect(),
        );
    }
    // Name them as they read: the most frequent surface of each.
    let surfaces: Vec<FxHashMap<u64, FxHashMap<String, u32>>> =
        parallel(jobs.len(), params.threads, |from, to| {
            let mut found: Vec<FxHashMap<u64, FxHashMap<String, u32>>> =
                vec![FxHashMap::default(); clusters.len()];
            let mut tok = Tokeniser::new();
            let mut feats: Vec<Feature> = Vec::new();
            for &(c, i) in &jobs[from..to] {
                tok.features(texts[i as usize].as_ref(), &mut feats);
                for f in &feats {
                    if chosen[c].contains(&f.hash) {
                        *found[c]
                            .entry(f.hash)
                            .or_default()
                            .entry(tok.surface(f).to_owned())
                            .or_default() += 1;
                    }
                }
            }
            found
        })
        .into_iter()
        .fold(
            vec![FxHashMap::default(); clusters.len()],
            |mut all, part| {
                for (into, from) in all.iter_mut().zip(part) {
                    for (h, names) in from {
                        let e: &mut FxHashMap<String, u32> = into.entry(h).or_default();
                        for (s, n) in names {
                            *e.entry(s).or_default() += n;
                        }
                    }
                }
                all
            },
        );
    chosen
        .iter()
        .zip(&surfaces)
        .map(|(hashes, names)| {
            hashes
                .iter()
                .filter_map(|h| {
                    names.get(h).and_then(|n| {
                        n.iter()
                            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                            .map(|(s, _)| s.clone())
                    })
                })
                .collect()
        })
        .collect()
}

/// Clusters `texts`, each weighing `weights[i]` (1 where `weights` is
/// shorter), into groups of similar texts named by their key phrases,
/// heaviest first. Every text is in one cluster; texts without content
/// words are together in a cluster without key phrases.
pub fn cluster_texts<S: AsRef<str> + Sync>(
    texts: &[S],
    weights: &[u32],
    params: &ClusterParams,
) -> Vec<Cluster> {
    if texts.is_empty() {
        return Vec::new();
    }
    let threads = params.threads.max(1);
    let weight_of = |i: usize| weights.get(i).copied().unwrap_or(1);
    // Computations count a text of weight 0 as 1; the clusters' weights do not.
    let weight: Vec<f64> = (0..texts.len())
        .map(|i| f64::from(weight_of(i).max(1)))
        .collect();
    let vectors = vectors(texts, threads);
    let worded: Vec<usize> = (0..texts.len()).filter(|&i| !vectors.is_empty(i)).collect();
    let mut clusters: Vec<Vec<u32>> = Vec::new();
    let mut centres_of: Vec<Vec<f32>> = Vec::new();
    if !worded.is_empty() {
        let k = ((worded.len() as f64 / 2.0).sqrt().round() as usize)
            .clamp(1, params.max_clusters.max(1));
        // k-means on a sample (the heaviest texts, and evenly spaced others).
        let sample: Vec<usize> = if worded.len() <= SAMPLE {
            worded.clone()
        } else {
            let mut heavy = worded.clone();
            heavy.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
            heavy.truncate(SAMPLE / 10);
            let stride = worded.len().div_ceil(SAMPLE - heavy.len());
            heavy.extend(worded.iter().copied().step_by(stride));
            heavy.sort_unstable();
            heavy.dedup();
            heavy
        };
        let centres = kmeans(k, &vectors, &sample, &weight, params);
        let mut of: Vec<usize> = assign(&centres, &vectors, &worded, threads)
            .into_iter()
            .map(|x| x.0)
            .collect();
        let n = merge(
            centres.k,
            &vectors,
            &worded,
            &mut of,
            &weight,
            params.merge_similarity,
        );
        clusters = vec![Vec::new(); n];
        for (&i, &c) in worded.iter().zip(&of) {
            clusters[c].push(i as u32);
        }
        // Representatives: the members nearest the final centres.
        let (centres, _) = Centres::from_members(n, &vectors, &worded, &of, &weight);
        centres_of = vec![Vec::new(); n];
        for (&i, &c) in worded.iter().zip(&of) {
            centres_of[c].push(centres.score(vectors.get(i), c));
        }
    }
    // Naming counts a campaign more than one text, but not so much that its
    // wording drowns the others': 1 + ln(weight).
    let naming: Vec<f64> = weight.iter().map(|w| 1.0 + w.ln()).collect();
    let names = key_phrases(texts, &clusters, &naming, params);
    let mut out: Vec<Cluster> = clusters
        .into_iter()
        .zip(names)
        .zip(centres_of)
        .map(|((members, key_phrases), near)| {
            let mut order: Vec<(f32, u32)> =
                near.into_iter().zip(members.iter().copied()).collect();
            order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            Cluster {
                weight: members
                    .iter()
                    .map(|&i| u64::from(weight_of(i as usize)))
                    .sum(),
                representatives: order
                    .iter()
                    .take(params.representatives)
                    .map(|x| x.1)
                    .collect(),
                members,
                key_phrases,
            }
        })
        .collect();
    let wordless: Vec<u32> = (0..texts.len() as u32)
        .filter(|&i| vectors.is_empty(i as usize))
        .collect();
    if !wordless.is_empty() {
        out.push(Cluster {
            weight: wordless
                .iter()
                .map(|&i| u64::from(weight_of(i as usize)))
                .sum(),
            representatives: wordless
                .iter()
                .copied()
                .take(params.representatives)
                .collect(),
            members: wordless,
            key_phrases: Vec::new(),
        });
    }
    out.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then(a.members[0].cmp(&b.members[0]))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` texts of `words` drawn from `vocabulary` (and a few generic ones).
    fn texts(vocabulary: &[&str], n: usize, words: usize, seed: u64) -> Vec<String> {
        let generic = [
            "we",
            "the",
            "people",
            "community",
            "believe",
            "important",
            "today",
        ];
        let mut rng = Rng(seed);
        (0..n)
            .map(|_| {
                (0..words)
                    .map(|j| {
                        if j % 4 == 3 {
                            generic[rng.next() as usize % generic.len()]
                        } else {
                            vocabulary[rng.next() as usize % vocabulary.len()]
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    const WATER: [&str; 10] = [
        "water",
        "wells",
        "drought",
        "rivers",
        "irrigation",
        "rainfall",
        "sanitation",
        "pumps",
        "reservoirs",
        "floods",
    ];
    const SCHOOL: [&str; 10] = [
        "schools",
        "teachers",
        "pupils",
        "classrooms",
        "curriculum",
        "exams",
        "scholarships",
        "literacy",
        "universities",
        "textbooks",
    ];

    #[test]
    fn two_vocabularies_make_two_clusters() {
        let mut all = texts(&WATER, 30, 24, 1);
        all.extend(texts(&SCHOOL, 50, 24, 2));
        // One water text stands for a campaign of 500.
        let mut weights = vec![1u32; all.len()];
        weights[3] = 500;
        for threads in [1, 2] {
            let params = ClusterParams {
                threads,
                ..ClusterParams::default()
            };
            let clusters = cluster_texts(&all, &weights, &params);
            assert_eq!(clusters.len(), 2, "{clusters:?}");
            // The water cluster is the heavier: 29 + 500.
            let (water, school) = (&clusters[0], &clusters[1]);
            assert_eq!(water.members, (0..30).collect::<Vec<u32>>());
            assert_eq!(school.members, (30..80).collect::<Vec<u32>>());
            assert_eq!((water.weight, school.weight), (529, 50));
            assert!(!water.key_phrases.is_empty() && !school.key_phrases.is_empty());
            // Words of its own vocabulary, none of the other's.
            for (c, own, other) in [(water, &WATER, &SCHOOL), (school, &SCHOOL, &WATER)] {
                for p in &c.key_phrases {
                    assert!(p.split(' ').any(|w| own.contains(&w)), "{p}");
                    assert!(!p.split(' ').any(|w| other.contains(&w)), "{p}");
                }
                assert!(
                    own.contains(&c.key_phrases[0].as_str()),
                    "{:?}",
                    c.key_phrases
                );
            }
            assert_eq!(water.representatives.len(), 3);
            assert!(water
                .representatives
                .iter()
                .all(|r| water.members.contains(r)));
        }
    }

    #[test]
    fn phrases_name_clusters_rather_than_their_words() {
        let mut all: Vec<String> = texts(&WATER, 20, 20, 3)
            .into_iter()
            .map(|t| format!("{t} because of climate change"))
            .collect();
        all.extend(texts(&SCHOOL, 20, 20, 4));
        let clusters = cluster_texts(&all, &[], &ClusterParams::default());
        assert_eq!(clusters.len(), 2);
        let water = clusters.iter().find(|c| c.members.contains(&0)).unwrap();
        assert_eq!(
            water.key_phrases[0], "climate change",
            "{:?}",
            water.key_phrases
        );
        assert!(!water
            .key_phrases
            .iter()
            .any(|p| p == "climate" || p == "change"));
    }

    #[test]
    fn many_texts_many_clusters() {
        // Six vocabularies of ten words each, 300 texts each.
        let vocabularies: Vec<Vec<String>> = (0..6)
            .map(|v| (0..10).map(|w| format!("topic{v}word{w}")).collect())
            .collect();
        let mut all = Vec::new();
        for (v, vocabulary) in vocabularies.iter().enumerate() {
            let words: Vec<&str> = vocabulary.iter().map(String::as_str).collect();
            all.extend(texts(&words, 300, 30, v as u64));
        }
        let clusters = cluster_texts(&all, &[], &ClusterParams::default());
        assert_eq!(
            clusters.len(),
            6,
            "{:?}",
            clusters.iter().map(|c| c.members.len()).collect::<Vec<_>>()
        );
        for c in &clusters {
            let v = c.members[0] / 300;
            assert!(c.members.iter().all(|&m| m / 300 == v));
            assert_eq!(c.members.len(), 300);
        }
    }

    #[test]
    fn tiny_inputs() {
        let params = ClusterParams::default();
        assert!(cluster_texts::<&str>(&[], &[], &params).is_empty());
        let one = cluster_texts(&["water for the wells"], &[7], &params);
        assert_eq!(one.len(), 1);
        assert_eq!((one[0].members.clone(), one[0].weight), (vec![0], 7));
        assert_eq!(one[0].representatives, vec![0]);
        let two = cluster_texts(
            &["water for the wells", "teachers for schools"],
            &[],
            &params,
        );
        let mut members: Vec<u32> = two.iter().flat_map(|c| c.members.clone()).collect();
        members.sort_unstable();
        assert_eq!(members, vec![0, 1]);
        // Texts without content words are together, without key phrases.
        let some = cluster_texts(
            &["", "the of and", "water wells", "water pumps"],
            &[2, 3, 1, 1],
            &params,
        );
        let wordless = some.iter().find(|c| c.members.contains(&0)).unwrap();
        assert_eq!((wordless.members.clone(), wordless.weight), (vec![0, 1], 5));
        assert!(wordless.key_phrases.is_empty());
        assert_eq!(some[0].weight, 5, "heaviest first");
        let worded = some.iter().find(|c| c.members.contains(&2)).unwrap();
        assert_eq!(worded.key_phrases[0], "water");
        let zero = cluster_texts(&["a", "b"], &[0, 0], &params);
        assert_eq!(zero[0].weight, 0);
    }
}

#[cfg(test)]
mod scale {
    use super::*;
    use crate::synthetic::{Corpus, CorpusParams};

    /// cargo test -p accord-analysis --release -- --ignored clusters_at_scale --nocapture
    #[test]
    #[ignore]
    fn clusters_at_scale() {
        let n: usize = std::env::var("CLUSTER_TEXTS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200_000);
        let texts: Vec<String> = Corpus::new(CorpusParams {
            inputs: n,
            seed: 3,
            ..CorpusParams::default()
        })
        .map(|x| x.text)
        .collect();
        let t = std::time::Instant::now();
        let clusters = cluster_texts(
            &texts,
            &[],
            &ClusterParams {
                threads: 2,
                ..ClusterParams::default()
            },
        );
        println!(
            "{n} texts: {} clusters in {:.2} s",
            clusters.len(),
            t.elapsed().as_secs_f64()
        );
        for c in clusters.iter().take(8) {
            println!("  {} texts: {:?}", c.members.len(), c.key_phrases);
        }
    }
}
