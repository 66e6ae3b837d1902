//! Themes: which of a process's themes each text is about, and how sure.
//!
//! Learned from the theme descriptions and the secretariat's labelled
//! examples, its corrections of earlier runs among them ([`ThemeSeed`]), and
//! from the texts themselves: semi-supervised multinomial naive Bayes with EM
//! (Nigam, McCallum, Thrun & Mitchell 2000) over selected features.
//!
//! 1. A text's features are its content words and two-word phrases
//!    (stop words set aside), hashed.
//! 2. From the seeds, a feature is selected for a theme when it is
//!    concentrated in that theme's seeds and far more frequent there than in
//!    the texts as a whole (a log-likelihood ratio test), so that the words
//!    of a labelled example that have nothing to do with its theme are not.
//! 3. Every text is classified with the selected features only: most words
//!    of a text say nothing about its theme, and looked at they would swamp
//!    the few that do.
//! 4. The feature counts are estimated again from all texts, each counted
//!    for every theme with its posterior probability (the seeds stay as
//!    labelled, with their weight); features are selected again —
//!    concentrated in one theme, and significantly more frequent there than
//!    in the others — and the texts classified again. A few passes suffice.
//!    What the seeds taught stays as long as the texts agree.
//!
//! Two things keep EM from drifting. Near-duplicate texts — the copies of a
//! campaign letter, edited or not — count once when estimating (and so do
//! near-duplicate seeds of one theme): ten thousand copies would otherwise
//! make the letter's every word a word of its theme. And a feature is
//! compared across themes within its language (told by the stop words of
//! the texts it occurs in): a theme that happens to hold more texts in one
//! language must not take that language's common words for its own.
//!
//! A text with no selected feature, or whose best theme is less probable
//! than [`ThemeParams::min_confidence`], is left unassigned. A text that is,
//! after normalisation, a seed's text gets that seed's theme.
//!
//! Each text is read once, in the pass that finds near-duplicates
//! (MinHash): its content words are kept as hashes (8 bytes a word, a bit
//! more for whether it makes a phrase with the one before), with its
//! language and key, and the background (over at most 250,000 texts) and
//! the [`ThemeParams::iterations`] read those instead of the texts. Cutting
//! a text into words costs far more than reading its hashes; the name of a
//! feature is read again from the first [`SURFACE_SAMPLE`] texts it is in.
//! Counts are kept in a hashed table (`feature_buckets` rows of one count
//! per theme, per thread); a selected row is then tied to the one feature
//! that fills it, so that features sharing a row by chance are not taken
//! for it. Counts are integers, so the result does not depend on the number
//! of threads: the same texts, seeds and parameters give the same
//! assignments.

use rustc_hash::FxHashMap;

use crate::minhash::MinHasher;
use crate::words::{pair_hash, Feature, Tokeniser, LANGUAGES, MAX_GAP};

/// Posterior probabilities are counted in 64ths.
const UNIT: f64 = 64.0;
/// Additive smoothing of the feature counts (in occurrences).
const BETA: f64 = 0.5;

/// What the secretariat says about a theme: its description, or a text it
/// labelled (a correction of an earlier run is a labelled text too).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeSeed {
    /// Index of the theme, below `themes`.
    pub theme: u32,
    pub text: String,
    /// How much the seed counts: 1 for a description or an example; more
    /// for a correction that must prevail. Seeds of weight 0 or less are
    /// ignored.
    pub weight: f32,
}

/// How to learn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThemeParams {
    /// Passes over the texts: the first classifies them with what the seeds
    /// teach; each further one re-estimates from the previous one's
    /// classification (an EM step) and classifies again. At least 1.
    pub iterations: usize,
    pub threads: usize,
    /// Below this posterior probability a text is unassigned.
    pub min_confidence: f32,
    /// Weighted occurrences a feature needs in its theme.
    pub min_count: f32,
    /// Share of a feature's occurrences (per theme, relative to the theme's
    /// size) in its theme, at least.
    pub min_concentration: f32,
    /// Log-likelihood ratio (G²) of a feature's occurrences in its theme
    /// against the other themes', at least (6.63: p < 0.01).
    pub min_significance: f32,
    /// The same, for the first selection: of a feature's occurrences in a
    /// theme's seeds against the texts as a whole (3.84: p < 0.05). Lower,
    /// so that a word of a theme's description, met once, can count if it
    /// is rare in the texts.
    pub min_seed_significance: f32,
    /// Selected features per theme, at most (the most significant).
    pub max_features: usize,
    /// Features shown per theme in the [`ThemeModel`].
    pub top_features: usize,
    /// Rows of the hashed count table (a power of two, the next one up; less
    /// with many themes, so that a thread's table holds at most 2^25
    /// counts). Memory: rows × themes × 4 bytes per thread, 48 MB with six
    /// themes by default.
    pub feature_buckets: usize,
    /// Count near-duplicate texts (campaign letters, edited or not) once
    /// when estimating, as one letter: their words unrelated to their theme
    /// would otherwise become the theme's. Costs one more pass; needless
    /// when the texts are already one per campaign.
    pub dedupe: bool,
}

impl Default for ThemeParams {
    fn default() -> Self {
        ThemeParams {
            iterations: 3,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            min_confidence: 0.5,
            min_count: 1.0,
            min_concentration: 0.5,
            min_significance: 6.63,
            min_seed_significance: 3.84,
            max_features: 2_000,
            top_features: 20,
            feature_buckets: 1 << 21,
            dedupe: true,
        }
    }
}

/// A text's theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThemeAssignment {
    /// `None` when no selected feature occurs in the text, or when the best
    /// theme's probability is below [`ThemeParams::min_confidence`].
    pub theme: Option<u32>,
    /// The best theme's posterior probability (0 with no feature).
    pub confidence: f32,
    /// The best theme, assigned or not (`None` with no feature).
    pub best: Option<u32>,
}

impl ThemeAssignment {
    const NONE: ThemeAssignment = ThemeAssignment {
        theme: None,
        confidence: 0.0,
        best: None,
    };
}

/// A feature the model looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeFeature {
    /// A normalised word or two-word phrase, as it reads in the texts.
    pub phrase: String,
    /// How much one occurrence speaks for the theme: ln P(feature | theme)
    /// against the mean over the other themes.
    pub weight: f32,
    /// Its expected occurrences in the theme: in the texts (each counted
    /// with its probability of being about the theme, near-duplicates once)
    /// and the seeds (with their weight).
    pub count: f32,
    /// Its log-likelihood ratio, what it was selected and ranked by.
    pub significance: f32,
}

/// What was learned about one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeSummary {
    pub theme: u32,
    /// Texts assigned to it.
    pub assigned: usize,
    /// Seeds of it.
    pub seeds: usize,
    /// Features selected for it.
    pub features: usize,
    /// The most significant of them, most significant first.
    pub top: Vec<ThemeFeature>,
}

/// What the model looks at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThemeModel {
    pub themes: Vec<ThemeSummary>,
    /// Features selected in all.
    pub features: usize,
    /// Texts left unassigned.
    pub unassigned: usize,
    /// Classifying passes made over the texts as read (besides the one that
    /// reads them and finds near-duplicates, and the background's count).
    pub passes: usize,
}

/// A selected feature: a row of the count table, tied to one feature.
#[derive(Debug, Clone)]
struct Selected {
    bucket: u32,
    /// The feature's hash, once known.
    owner: Option<u64>,
    surface: Option<String>,
    theme: u32,
    significance: f64,
    /// Occurrences per theme.
    counts: Vec<f64>,
}

struct Model {
    themes: usize,
    shift: u32,
    /// The selected rows, as a bit set (most rows are not).
    bits: Vec<u64>,
    index: FxHashMap<u32, u32>,
    features: Vec<Selected>,
    /// ln P(feature | theme), feature-major.
    log_p: Vec<f64>,
    log_prior: Vec<f64>,
}

fn bucket(hash: u64, shift: u32) -> u32 {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as u32
}

impl Model {
    /// `prior[t]`: how many texts are thought to be about theme `t`.
    fn new(themes: usize, shift: u32, mut features: Vec<Selected>, prior: &[f64]) -> Model {
        features.sort_by_key(|a| a.bucket);
        let rows = 1usize << (64 - shift);
        let mut bits = vec![0u64; rows.div_ceil(64)];
        let mut index = FxHashMap::default();
        for (i, f) in features.iter().enumerate() {
            bits[f.bucket as usize / 64] |= 1 << (f.bucket % 64);
            index.insert(f.bucket, i as u32);
        }
        let mut totals = vec![0f64; themes];
        for f in &features {
            for (t, c) in totals.iter_mut().zip(&f.counts) {
                *t += c;
            }
        }
        let n = features.len() as f64;
        let mut log_p = Vec::with_capacity(features.len() * themes);
        for f in &features {
            for (c, total) in f.counts.iter().zip(&totals) {
                log_p.push(((c + BETA) / (total + BETA * n)).ln());
            }
        }
        let sum: f64 = prior.iter().sum::<f64>() + themes as f64;
        let log_prior = prior.iter().map(|p| ((p + 1.0) / sum).ln()).collect();
        Model {
            themes,
            shift,
            bits,
            index,
            features,
            log_p,
            log_prior,
        }
    }

    fn lookup(&self, bucket: u32) -> Option<usize> {
        if self.bits[bucket as usize / 64] & (1 << (bucket % 64)) == 0 {
            return None;
        }
        self.index.get(&bucket).map(|&i| i as usize)
    }
}

/// The seeds, read.
struct Seeds {
    /// Per feature hash: its weighted occurrences per theme (what the model
    /// learns) …
    counts: FxHashMap<u64, Vec<f64>>,
    /// … and its occurrences, unweighted (the evidence it is selected on: a
    /// heavier seed matters more, it is no more proof).
    seen: FxHashMap<u64, Vec<f64>>,
    /// Feature occurrences per theme and language, unweighted.
    seen_mass: Vec<f64>,
    surfaces: FxHashMap<u64, String>,
    /// The language of the seed a feature was first met in.
    languages: FxHashMap<u64, u8>,
    /// Weighted feature occurrences per theme and language.
    mass: Vec<f64>,
    /// Weighted seeds per theme.
    docs: Vec<f64>,
    per_theme: Vec<usize>,
    /// Normalised text hash → theme.
    exact: FxHashMap<u64, u32>,
}

fn read_seeds(seeds: &[ThemeSeed], themes: usize) -> Seeds {
    let mut out = Seeds {
        counts: FxHashMap::default(),
        seen: FxHashMap::default(),
        seen_mass: vec![0.0; themes * LANGUAGES],
        surfaces: FxHashMap::default(),
        languages: FxHashMap::default(),
        mass: vec![0.0; themes * LANGUAGES],
        docs: vec![0.0; themes],
        per_theme: vec![0; themes],
        exact: FxHashMap::default(),
    };
    let mut tok = Tokeniser::new();
    let mut feats: Vec<Feature> = Vec::new();
    let mut exact: FxHashMap<u64, Vec<f64>> = FxHashMap::default();
    let seeds: Vec<(usize, f64, &str)> = seeds
        .iter()
        .filter_map(|seed| {
            let w = f64::from(seed.weight);
            ((seed.theme as usize) < themes && w > 0.0).then_some((
                seed.theme as usize,
                w,
                seed.text.as_str(),
            ))
        })
        .collect();
    // Near-duplicate seeds of one theme (copies of a campaign letter
    // labelled one by one) count once, with the greatest weight among them.
    let hasher = MinHasher::new(DUP_PERM, 0x7E4E_5EED);
    let (mut keys, mut sigs) = (Vec::new(), Vec::new());
    let (mut words, mut shingles) = (Vec::new(), Vec::new());
    let mut sig = vec![0u32; DUP_PERM];
    for (i, &(t, _, text)) in seeds.iter().enumerate() {
        words.clear();
        tok.words(text, |_, h, _, _, is_stop| {
            if !is_stop {
                words.push(h);
            }
        });
        let from = keys.len();
        sketch(
            &words,
            &hasher,
            &mut shingles,
            &mut sig,
            i as u32,
            &mut keys,
            &mut sigs,
        );
        for key in &mut keys[from..] {
            key.0 = pair_hash(key.0, t as u64);
        }
    }
    let group = groups(keys, &sigs, seeds.len());
    let mut weight = vec![0f64; seeds.len()];
    for (i, &(_, w, _)) in seeds.iter().enumerate() {
        let g = group[i] as usize;
        weight[g] = weight[g].max(w);
    }
    for (i, &(t, _, text)) in seeds.iter().enumerate() {
        tok.features(text, &mut feats);
        out.per_theme[t] += 1;
        if feats.is_empty() {
            continue;
        }
        exact.entry(tok.key()).or_insert_with(|| vec![0.0; themes])[t] += weight[group[i] as usize];
        if group[i] as usize != i {
            continue;
        }
        let w = weight[i];
        let language = tok.language();
        out.docs[t] += w;
        out.mass[t * LANGUAGES + language] += w * feats.len() as f64;
        out.seen_mass[t * LANGUAGES + language] += feats.len() as f64;
        for f in &feats {
            out.seen.entry(f.hash).or_insert_with(|| vec![0.0; themes])[t] += 1.0;
            out.languages.entry(f.hash).or_insert(language as u8);
            out.counts
                .entry(f.hash)
                .or_insert_with(|| vec![0.0; themes])[t] += w;
            out.surfaces
                .entry(f.hash)
                .or_insert_with(|| tok.surface(f).to_owned());
        }
    }
    for (h, weights) in exact {
        out.exact.insert(h, argmax(&weights) as u32);
    }
    out
}

/// The first index of the largest value.
fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

/// G², the log-likelihood ratio of `o` of `n` occurrences falling in a part
/// expected to hold a share `s` of them (0 when no more than expected).
fn g2(o: f64, n: f64, s: f64) -> f64 {
    let e = n * s;
    if n <= 0.0 || o <= e || s <= 0.0 {
        return 0.0;
    }
    let term = |x: f64, e: f64| if x > 0.0 { x * (x / e).ln() } else { 0.0 };
    2.0 * (term(o, e) + term(n - o, n - e))
}

/// Which theme a feature is concentrated in, and how much: its rate in each
/// theme (occurrences over the theme's size), the best theme's share of the
/// rates.
fn concentration(counts: &[f64], mass: &[f64]) -> (usize, f64) {
    let mut best = 0;
    let mut best_rate = -1.0;
    let mut sum = 0.0;
    for (t, (&c, &m)) in counts.iter().zip(mass).enumerate() {
        if m > 0.0 {
            let r = c / m;
            sum += r;
            if r > best_rate {
                best_rate = r;
                best = t;
            }
        }
    }
    (best, if sum > 0.0 { best_rate / sum } else { 0.0 })
}

/// Keeps the `max` most significant features per theme, and one per row.
fn keep_best(mut features: Vec<Selected>, themes: usize, max: usize) -> Vec<Selected> {
    features.sort_by(|a, b| {
        b.significance
            .total_cmp(&a.significance)
            .then(a.bucket.cmp(&b.bucket))
            .then(a.owner.cmp(&b.owner))
    });
    let mut per_theme = vec![0usize; themes];
    let mut rows = rustc_hash::FxHashSet::default();
    features.retain(|f| {
        let keep = per_theme[f.theme as usize] < max && rows.insert(f.bucket);
        if keep {
            per_theme[f.theme as usize] += 1;
        }
        keep
    });
    features
}

/// The masses of the themes in one language (all languages for
/// [`NO_LANGUAGE`]).
fn in_language(mass: &[f64], language: u8, out: &mut [f64]) {
    for (t, m) in out.iter_mut().enumerate() {
        let row = &mass[t * LANGUAGES..(t + 1) * LANGUAGES];
        *m = if language == NO_LANGUAGE {
            row.iter().sum()
        } else {
            row[language as usize]
        };
    }
}

/// The first model: what the seeds teach, against the texts as a whole.
fn from_seeds(seeds: &Seeds, background: &Background, params: &ThemeParams, shift: u32) -> Model {
    let themes = seeds.docs.len();
    let mut hashes: Vec<u64> = seeds.counts.keys().copied().collect();
    hashes.sort_unstable();
    let mut selected = Vec::new();
    let mut mass = vec![0f64; themes];
    for h in hashes {
        let counts = &seeds.counts[&h];
        let b = bucket(h, shift);
        // Compared within the feature's language: the themes' seeds need
        // not be in the languages in the same proportions.
        let mut language = background.language[b as usize];
        if language == NO_LANGUAGE {
            language = seeds.languages.get(&h).copied().unwrap_or(NO_LANGUAGE);
        }
        in_language(&seeds.seen_mass, language, &mut mass);
        let seen = &seeds.seen[&h];
        let (t, share) = concentration(seen, &mass);
        let o = seen[t];
        if share < f64::from(params.min_concentration) || counts[t] < f64::from(params.min_count) {
            continue;
        }
        // The theme's seeds against the texts.
        let corpus = if language == NO_LANGUAGE {
            background.mass.iter().sum()
        } else {
            background.mass[language as usize]
        };
        let n = o + f64::from(background.rows[b as usize]);
        let s = mass[t] / (mass[t] + corpus);
        let g = g2(o, n, s);
        if g < f64::from(params.min_seed_significance) {
            continue;
        }
        selected.push(Selected {
            bucket: b,
            owner: Some(h),
            surface: seeds.surfaces.get(&h).cloned(),
            theme: t as u32,
            significance: g,
            counts: counts.clone(),
        });
    }
    let selected = keep_best(selected, themes, params.max_features);
    // The seeds are no sample of the texts: every theme as likely at first.
    Model::new(themes, shift, selected, &vec![0.0; themes])
}

/// What one thread found in one pass.
struct PassOut {
    /// Rows × themes, in 64ths (empty when not counting).
    table: Vec<u32>,
    /// Per theme: texts; per theme and language: feature occurrences; in
    /// 64ths.
    docs: Vec<u64>,
    mass: Vec<u64>,
    /// Features of selected rows not yet tied to a feature: (feature, hash)
    /// → occurrences, and the first texts each hash is in (at most
    /// [`SURFACE_SAMPLE`], in the texts' order), to name it.
    owners: FxHashMap<(u32, u64), u64>,
    seen_in: FxHashMap<u64, Vec<u32>>,
    assignments: Vec<ThemeAssignment>,
}

struct Pass<'a> {
    model: &'a Model,
    /// Whether each text is counted when estimating (empty: all are).
    counted: &'a [bool],
    exact: &'a FxHashMap<u64, u32>,
    count: bool,
    output: bool,
    min_confidence: f64,
}

/// The texts a feature's name is read from, at most: the first it is in.
const SURFACE_SAMPLE: usize = 64;

/// One pass over the texts `from..to`, as read.
fn run_part(read: &Reads, from: usize, to: usize, counted: &[bool], pass: &Pass) -> PassOut {
    let model = pass.model;
    let themes = model.themes;
    let rows = 1usize << (64 - model.shift);
    let mut out = PassOut {
        table: if pass.count {
            vec![0; rows * themes]
        } else {
            Vec::new()
        },
        docs: vec![0; themes],
        mass: vec![0; themes * LANGUAGES],
        owners: FxHashMap::default(),
        seen_in: FxHashMap::default(),
        assignments: Vec::with_capacity(if pass.output { to - from } else { 0 }),
    };
    let mut feats: Vec<u64> = Vec::new();
    let mut scores = vec![0f64; themes];
    let mut q = vec![0u32; themes];
    for text in from..to {
        let n = text - from;
        read.features(text, &mut feats);
        scores.copy_from_slice(&model.log_prior);
        let mut hits = 0usize;
        for &f in &feats {
            let Some(i) = model.lookup(bucket(f, model.shift)) else {
                continue;
            };
            match model.features[i].owner {
                Some(o) if o != f => continue,
                Some(_) => {}
                None => {
                    *out.owners.entry((i as u32, f)).or_default() += 1;
                    let seen = out.seen_in.entry(f).or_default();
                    if seen.len() < SURFACE_SAMPLE && seen.last() != Some(&(text as u32)) {
                        seen.push(text as u32);
                    }
                }
            }
            hits += 1;
            for (s, lp) in scores.iter_mut().zip(&model.log_p[i * themes..]) {
                *s += lp;
            }
        }
        let exact = if pass.exact.is_empty() || feats.is_empty() {
            None
        } else {
            pass.exact.get(&read.key(text)).copied()
        };
        if hits == 0 && exact.is_none() {
            if pass.output {
                out.assignments.push(ThemeAssignment::NONE);
            }
            continue;
        }
        // Posterior probabilities.
        let best = argmax(&scores);
        let top = scores[best];
        let mut sum = 0.0;
        for s in &mut scores {
            *s = (*s - top).exp();
            sum += *s;
        }
        for s in &mut scores {
            *s /= sum;
        }
        if let Some(t) = exact {
            scores.iter_mut().for_each(|s| *s = 0.0);
            scores[t as usize] = 1.0;
        }
        let best = argmax(&scores);
        if pass.count {
            for (q, s) in q.iter_mut().zip(&scores) {
                *q = (s * UNIT).round() as u32;
            }
            // Every text counts for the themes' sizes; only the first of a
            // group of near-duplicates for the features'.
            for (d, &qt) in out.docs.iter_mut().zip(&q) {
                *d += u64::from(qt);
            }
            if counted.get(n).copied().unwrap_or(true) {
                let len = feats.len() as u64;
                let language = read.language(text);
                for (t, &qt) in q.iter().enumerate() {
                    out.mass[t * LANGUAGES + language] += u64::from(qt) * len;
                }
                for &f in &feats {
                    let row = bucket(f, model.shift) as usize * themes;
                    for (cell, &qt) in out.table[row..row + themes].iter_mut().zip(&q) {
                        if qt > 0 {
                            *cell = cell.saturating_add(qt);
                        }
                    }
                }
            }
        }
        if pass.output {
            let confidence = scores[best];
            out.assignments.push(ThemeAssignment {
                theme: (confidence >= pass.min_confidence).then_some(best as u32),
                confidence: confidence as f32,
                best: Some(best as u32),
            });
        }
    }
    out
}

/// One pass over all texts on `threads` threads; the parts' counts summed.
fn run(read: &Reads, pass: &Pass, threads: usize) -> PassOut {
    let n = read.len();
    let per_thread = n.div_ceil(threads.max(1)).max(1);
    let parts: Vec<PassOut> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(per_thread)
            .map(|from| {
                let to = (from + per_thread).min(n);
                let counted =
                    &pass.counted[from.min(pass.counted.len())..to.min(pass.counted.len())];
                scope.spawn(move || run_part(read, from, to, counted, pass))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a theme thread"))
            .collect()
    });
    let mut parts = parts.into_iter();
    let mut all = parts.next().expect("at least one text");
    for part in parts {
        for (a, b) in all.table.iter_mut().zip(&part.table) {
            *a = a.saturating_add(*b);
        }
        for (a, b) in all.docs.iter_mut().zip(&part.docs) {
            *a += b;
        }
        for (a, b) in all.mass.iter_mut().zip(&part.mass) {
            *a += b;
        }
        for (k, c) in part.owners {
            *all.owners.entry(k).or_default() += c;
        }
        // The parts are in the texts' order: the first texts stay first.
        for (h, texts) in part.seen_in {
            let into = all.seen_in.entry(h).or_default();
            let room = SURFACE_SAMPLE.saturating_sub(into.len());
            into.extend(texts.into_iter().take(room));
        }
        all.assignments.extend(part.assignments);
    }
    all
}

/// Near-duplicates: texts whose MinHash signatures (over the shingles of
/// three content words) share a band and agree on at least [`DUP_AGREE`] of
/// their [`DUP_BANDS`] × [`DUP_ROWS`] values (an estimated Jaccard
/// similarity of 0.5: edited copies of a letter, not texts that merely
/// share a paragraph), transitively.
const DUP_BANDS: usize = 6;
const DUP_ROWS: usize = 4;
const DUP_PERM: usize = DUP_BANDS * DUP_ROWS;
const DUP_AGREE: usize = 12;

/// A text's signature (the low 16 bits of each value, enough to tell equal
/// values from unequal ones) into `sigs`, its band keys into `keys`.
fn sketch(
    words: &[u64],
    hasher: &MinHasher,
    shingles: &mut Vec<u64>,
    sig: &mut [u32],
    id: u32,
    keys: &mut Vec<(u64, u32)>,
    sigs: &mut Vec<u16>,
) {
    shingles.clear();
    if words.len() < 3 {
        shingles.push(words.iter().fold(0, |h, &w| pair_hash(h, w)));
    } else {
        shingles.extend(
            words
                .windows(3)
                .map(|w| pair_hash(pair_hash(w[0], w[1]), w[2])),
        );
    }
    hasher.signature_into(shingles, sig);
    sigs.extend(sig.iter().map(|&v| v as u16));
    if words.is_empty() {
        return;
    }
    for (band, rows) in sig.chunks_exact(DUP_ROWS).enumerate() {
        let key = rows
            .iter()
            .fold(band as u64, |h, &v| pair_hash(h, u64::from(v)));
        keys.push((key, id));
    }
}

/// The group of each of `n` items (its first item): items sharing a band
/// key, whose signatures agree enough, are in one group (transitively).
fn groups(mut keys: Vec<(u64, u32)>, sigs: &[u16], n: usize) -> Vec<u32> {
    keys.sort_unstable();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let p = parent[x as usize];
            parent[x as usize] = parent[p as usize];
            x = p;
        }
        x
    }
    let sig = |i: u32| &sigs[i as usize * DUP_PERM..(i as usize + 1) * DUP_PERM];
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        let first = run[0].1;
        for &(_, other) in &run[1..] {
            let agree = sig(first)
                .iter()
                .zip(sig(other))
                .filter(|(a, b)| a == b)
                .count();
            if agree >= DUP_AGREE {
                let (a, b) = (find(&mut parent, first), find(&mut parent, other));
                if a != b {
                    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                    parent[hi as usize] = lo;
                }
            }
        }
    }
    (0..n as u32).map(|i| find(&mut parent, i)).collect()
}

/// Band keys (key, text) and signatures, of a part of the texts.
type Sketches = (Vec<(u64, u32)>, Vec<u16>);

/// Texts as read once (a part of them, by one thread): their content words
/// (hashed), in order, and which of them make a phrase with the one before;
/// each text's key and language.
struct Read {
    words: Vec<u64>,
    /// One bit per word of `words`.
    joined: Vec<u64>,
    /// Where each text's words end in `words`.
    ends: Vec<usize>,
    /// Each text's [`Tokeniser::key`] and [`Tokeniser::language`].
    keys: Vec<u64>,
    languages: Vec<u8>,
}

impl Read {
    fn new(texts: usize) -> Read {
        Read {
            words: Vec::new(),
            joined: Vec::new(),
            ends: Vec::with_capacity(texts),
            keys: Vec::with_capacity(texts),
            languages: Vec::with_capacity(texts),
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Reads one more text; returns its content words.
    fn push(&mut self, tok: &mut Tokeniser, text: &str) -> &[u64] {
        let from = self.words.len();
        let (words, joined) = (&mut self.words, &mut self.joined);
        let mut gap: Option<usize> = None;
        tok.words(text, |_, h, _, _, is_stop| {
            if is_stop {
                if let Some(g) = gap.as_mut() {
                    *g += 1;
                }
                return;
            }
            let j = words.len();
            words.push(h);
            if j / 64 >= joined.len() {
                joined.push(0);
            }
            if gap.is_some_and(|g| g <= MAX_GAP) {
                joined[j / 64] |= 1 << (j % 64);
            }
            gap = Some(0);
        });
        self.ends.push(self.words.len());
        self.keys.push(tok.key());
        self.languages.push(tok.language() as u8);
        &self.words[from..]
    }

    /// Text `n`'s features, as [`Tokeniser::features`] gives them: each
    /// content word, and after it the phrase it ends, if any.
    fn features(&self, n: usize, out: &mut Vec<u64>) {
        out.clear();
        let from = if n == 0 { 0 } else { self.ends[n - 1] };
        for j in from..self.ends[n] {
            let h = self.words[j];
            out.push(h);
            if self.joined[j / 64] >> (j % 64) & 1 == 1 {
                out.push(pair_hash(self.words[j - 1], h));
            }
        }
    }
}

/// All the texts as read, in the parts the threads read.
struct Reads {
    parts: Vec<Read>,
    /// The first text of each part.
    starts: Vec<usize>,
}

impl Reads {
    fn len(&self) -> usize {
        self.starts
            .last()
            .zip(self.parts.last())
            .map_or(0, |(s, p)| s + p.len())
    }

    fn part(&self, n: usize) -> (&Read, usize) {
        let k = self.starts.partition_point(|&s| s <= n).saturating_sub(1);
        (&self.parts[k], n - self.starts[k])
    }

    /// Text `n`'s features (see [`Read::features`]).
    fn features(&self, n: usize, out: &mut Vec<u64>) {
        let (part, i) = self.part(n);
        part.features(i, out);
    }

    fn key(&self, n: usize) -> u64 {
        let (part, i) = self.part(n);
        part.keys[i]
    }

    fn language(&self, n: usize) -> usize {
        let (part, i) = self.part(n);
        usize::from(part.languages[i])
    }
}

/// Reads every text once, on `threads` threads (see [`Read`]); and, with
/// `dedupe`, whether each is counted when estimating: the first of each
/// group of near-duplicates only, so that a letter sent ten thousand times
/// teaches the model as much as one letter, not ten thousand times more —
/// its words that have nothing to do with its theme would otherwise become
/// the theme's.
fn read_texts<S: AsRef<str> + Sync>(
    texts: &[S],
    threads: usize,
    dedupe: bool,
) -> (Reads, Vec<bool>) {
    let per_thread = texts.len().div_ceil(threads.max(1)).max(1);
    let hasher = MinHasher::new(DUP_PERM, 0x7E4E_5EED);
    let parts: Vec<(Read, Sketches)> = std::thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(per_thread)
            .enumerate()
            .map(|(k, part)| {
                let hasher = &hasher;
                scope.spawn(move || {
                    let mut read = Read::new(part.len());
                    let sketches = if dedupe { part.len() } else { 0 };
                    let mut keys = Vec::with_capacity(sketches * DUP_BANDS);
                    let mut sigs = Vec::with_capacity(sketches * DUP_PERM);
                    let mut tok = Tokeniser::new();
                    let mut shingles = Vec::new();
                    let mut sig = vec![0u32; DUP_PERM];
                    for (i, text) in part.iter().enumerate() {
                        let words = read.push(&mut tok, text.as_ref());
                        if dedupe {
                            let id = (k * per_thread + i) as u32;
                            sketch(
                                words,
                                hasher,
                                &mut shingles,
                                &mut sig,
                                id,
                                &mut keys,
                                &mut sigs,
                            );
                        }
                    }
                    (read, (keys, sigs))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a reading thread"))
            .collect()
    });
    let mut read = Reads {
        parts: Vec::with_capacity(parts.len()),
        starts: Vec::with_capacity(parts.len()),
    };
    let mut keys = Vec::new();
    let mut sigs = Vec::new();
    for (r, (k, s)) in parts {
        read.starts.push(read.len());
        read.parts.push(r);
        keys.extend(k);
        sigs.extend(s);
    }
    if !dedupe {
        return (read, Vec::new());
    }
    let counted = groups(keys, &sigs, texts.len())
        .iter()
        .enumerate()
        .map(|(i, &root)| root as usize == i)
        .collect();
    (read, counted)
}

/// Texts read for the background, at most (evenly spaced among the counted).
const BACKGROUND_SAMPLE: usize = 250_000;

/// Rows with no occurrence in the background have no language.
const NO_LANGUAGE: u8 = u8::MAX;

/// The texts as a whole, no matter the theme.
struct Background {
    /// Occurrences per row.
    rows: Vec<u32>,
    /// The language most occurrences of each row are in.
    language: Vec<u8>,
    /// Feature occurrences per language.
    mass: Vec<f64>,
}

/// Every row's count over the counted texts (or an even sample of them),
/// no matter the theme: what the seeds are compared with.
fn background(read: &Reads, counted: &[bool], shift: u32, threads: usize) -> Background {
    let rows = 1usize << (64 - shift);
    let mut sample: Vec<u32> = (0..read.len() as u32)
        .filter(|&i| counted.get(i as usize).copied().unwrap_or(true))
        .collect();
    let stride = sample.len().div_ceil(BACKGROUND_SAMPLE).max(1);
    if stride > 1 {
        sample = sample.into_iter().step_by(stride).collect();
    }
    let per_thread = sample.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<Vec<u32>> = std::thread::scope(|scope| {
        let handles: Vec<_> = sample
            .chunks(per_thread)
            .map(|part| {
                scope.spawn(move || {
                    let mut table = vec![0u32; rows * LANGUAGES];
                    let mut feats = Vec::new();
                    for &i in part {
                        read.features(i as usize, &mut feats);
                        let language = read.language(i as usize);
                        for &f in &feats {
                            let cell = bucket(f, shift) as usize * LANGUAGES + language;
                            table[cell] = table[cell].saturating_add(1);
                        }
                    }
                    table
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a counting thread"))
            .collect()
    });
    let mut parts = parts.into_iter();
    let mut all = parts.next().unwrap_or_else(|| vec![0; rows * LANGUAGES]);
    for part in parts {
        for (a, b) in all.iter_mut().zip(&part) {
            *a = a.saturating_add(*b);
        }
    }
    let mut out = Background {
        rows: Vec::with_capacity(rows),
        language: Vec::with_capacity(rows),
        mass: vec![0.0; LANGUAGES],
    };
    for row in all.chunks_exact(LANGUAGES) {
        let mut total = 0u32;
        let mut best = (0u32, NO_LANGUAGE);
        for (l, &c) in row.iter().enumerate() {
            total = total.saturating_add(c);
            out.mass[l] += f64::from(c);
            if c > best.0 {
                best = (c, l as u8);
            }
        }
        out.rows.push(total);
        out.language.push(best.1);
    }
    out
}

/// Ties the model's untied rows to the feature that filled them most (in
/// the pass just made, or in the seeds), and names them: by the surface
/// most frequent in the first texts it is in, else in the seeds.
fn tie<S: AsRef<str>>(model: &mut Model, out: &PassOut, seeds: &Seeds, texts: &[S]) {
    let mut candidates: FxHashMap<u32, Vec<(u64, f64)>> = FxHashMap::default();
    for (&(i, h), &c) in &out.owners {
        candidates.entry(i).or_default().push((h, c as f64));
    }
    let untied: FxHashMap<u32, u32> = model
        .features
        .iter()
        .enumerate()
        .filter(|(_, f)| f.owner.is_none())
        .map(|(i, f)| (f.bucket, i as u32))
        .collect();
    if untied.is_empty() {
        return;
    }
    for (&h, counts) in &seeds.counts {
        if let Some(&i) = untied.get(&bucket(h, model.shift)) {
            candidates
                .entry(i)
                .or_default()
                .push((h, counts.iter().sum()));
        }
    }
    let mut ties: Vec<(u32, u64)> = Vec::with_capacity(candidates.len());
    for (i, mut list) in candidates {
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Some(&(h, _)) = list.first() {
            ties.push((i, h));
        }
    }
    let surfaces = surfaces(texts, ties.iter().map(|&(_, h)| h), &out.seen_in);
    for (i, h) in ties {
        let surface = surfaces
            .get(&h)
            .and_then(|s| {
                s.iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(s, _)| s.clone())
            })
            .or_else(|| seeds.surfaces.get(&h).cloned());
        let f = &mut model.features[i as usize];
        f.owner = Some(h);
        f.surface = surface;
    }
}

/// How often each of `hashes` is written each way in the texts it was seen
/// in (`seen_in`): each of those texts is cut into words once more.
fn surfaces<S: AsRef<str>>(
    texts: &[S],
    hashes: impl Iterator<Item = u64>,
    seen_in: &FxHashMap<u64, Vec<u32>>,
) -> FxHashMap<u64, FxHashMap<String, u32>> {
    let mut wanted: std::collections::BTreeMap<u32, Vec<u64>> = Default::default();
    for h in hashes {
        for &n in seen_in.get(&h).map_or(&[][..], Vec::as_slice) {
            wanted.entry(n).or_default().push(h);
        }
    }
    let mut found: FxHashMap<u64, FxHashMap<String, u32>> = FxHashMap::default();
    let mut tok = Tokeniser::new();
    let mut feats = Vec::new();
    for (n, hashes) in wanted {
        tok.features(texts[n as usize].as_ref(), &mut feats);
        for f in &feats {
            if hashes.contains(&f.hash) {
                *found
                    .entry(f.hash)
                    .or_default()
                    .entry(tok.surface(f).to_owned())
                    .or_default() += 1;
            }
        }
    }
    found
}

/// The next model: from all texts' counts (each weighted by its posterior)
/// and the seeds'.
fn from_counts(
    mut out: PassOut,
    seeds: &Seeds,
    background: &Background,
    previous: &Model,
    first: &FxHashMap<u32, u32>,
    params: &ThemeParams,
) -> Model {
    let themes = previous.themes;
    let shift = previous.shift;
    // The seeds, as labelled, with their weight.
    for (&h, counts) in &seeds.counts {
        let row = bucket(h, shift) as usize * themes;
        for (cell, c) in out.table[row..row + themes].iter_mut().zip(counts) {
            *cell = cell.saturating_add((c * UNIT).round() as u32);
        }
    }
    let all_mass: Vec<f64> = out
        .mass
        .iter()
        .zip(&seeds.mass)
        .map(|(&m, &s)| m as f64 + s * UNIT)
        .collect();
    let docs: Vec<f64> = (0..themes)
        .map(|t| (out.docs[t] as f64 + seeds.docs[t] * UNIT) / UNIT)
        .collect();
    let min = f64::from(params.min_count) * UNIT;
    let tied: FxHashMap<u32, (Option<u64>, Option<String>)> = previous
        .features
        .iter()
        .map(|f| (f.bucket, (f.owner, f.surface.clone())))
        .collect();
    // The themes' masses in each language.
    let masses: Vec<Vec<f64>> = (0..=LANGUAGES)
        .map(|l| {
            let mut m = vec![0f64; themes];
            let l = if l == LANGUAGES { NO_LANGUAGE } else { l as u8 };
            in_language(&all_mass, l, &mut m);
            m
        })
        .collect();
    let mut selected = Vec::new();
    let mut counts = vec![0f64; themes];
    for (b, row) in out.table.chunks_exact(themes).enumerate() {
        let n: u64 = row.iter().map(|&c| u64::from(c)).sum();
        if (n as f64) < min {
            continue;
        }
        for (c, &r) in counts.iter_mut().zip(row) {
            *c = f64::from(r);
        }
        // Compared within the feature's language: a theme may hold more
        // texts of one language than the others do.
        let language = background.language[b];
        let mass = &masses[if language == NO_LANGUAGE {
            LANGUAGES
        } else {
            language as usize
        }];
        let (t, share) = concentration(&counts, mass);
        if share < f64::from(params.min_concentration) || counts[t] < min {
            continue;
        }
        let total: f64 = mass.iter().sum();
        let g = g2(counts[t] / UNIT, n as f64 / UNIT, mass[t] / total);
        // What the seeds taught stays while the texts agree, significant
        // or not (few texts cannot make it so).
        if g < f64::from(params.min_significance) && first.get(&(b as u32)) != Some(&(t as u32)) {
            continue;
        }
        let (owner, surface) = tied.get(&(b as u32)).cloned().unwrap_or((None, None));
        selected.push(Selected {
            bucket: b as u32,
            owner,
            surface,
            theme: t as u32,
            significance: g,
            counts: counts.iter().map(|c| c / UNIT).collect(),
        });
    }
    let selected = keep_best(selected, themes, params.max_features);
    Model::new(themes, shift, selected, &docs)
}

/// Assigns each of `texts` to one of `themes` themes (or none), learning
/// from `seeds` and from the texts themselves; returns the assignments, in
/// the order of the texts, and what the model looks at.
pub fn assign_themes<S: AsRef<str> + Sync>(
    texts: &[S],
    themes: usize,
    seeds: &[ThemeSeed],
    params: &ThemeParams,
) -> (Vec<ThemeAssignment>, ThemeModel) {
    let mut assignments = vec![ThemeAssignment::NONE; texts.len()];
    let seeds = read_seeds(seeds, themes);
    let mut summary = ThemeModel {
        themes: (0..themes)
            .map(|t| ThemeSummary {
                theme: t as u32,
                assigned: 0,
                seeds: seeds.per_theme[t],
                features: 0,
                top: Vec::new(),
            })
            .collect(),
        features: 0,
        unassigned: texts.len(),
        passes: 0,
    };
    if themes == 0 || texts.is_empty() || seeds.counts.is_empty() {
        return (assignments, summary);
    }
    // At most 2^25 counts (128 MB) per thread, however many themes.
    let budget = ((1usize << 25) / themes).max(1 << 16);
    let rows = params
        .feature_buckets
        .clamp(64, 1 << 30)
        .next_power_of_two()
        .min(1 << budget.ilog2());
    let shift = 64 - rows.trailing_zeros();
    let threads = params.threads.max(1);

    let (read, counted) = read_texts(texts, threads, params.dedupe);
    let background = background(&read, &counted, shift, threads);
    let mut model = from_seeds(&seeds, &background, params, shift);
    let first: FxHashMap<u32, u32> = model.features.iter().map(|f| (f.bucket, f.theme)).collect();
    let passes = params.iterations.max(1);
    for p in 0..passes {
        let last = p + 1 == passes;
        let pass = Pass {
            model: &model,
            counted: &counted,
            exact: &seeds.exact,
            count: !last,
            output: last,
            min_confidence: f64::from(params.min_confidence),
        };
        let mut out = run(&read, &pass, threads);
        summary.passes += 1;
        tie(&mut model, &out, &seeds, texts);
        if last {
            assignments = std::mem::take(&mut out.assignments);
            break;
        }
        let next = from_counts(out, &seeds, &background, &model, &first, params);
        if !next.features.is_empty() {
            model = next;
        }
    }

    // What the model looks at.
    summary.features = model.features.len();
    for a in &assignments {
        if let Some(t) = a.theme {
            summary.themes[t as usize].assigned += 1;
        }
    }
    summary.unassigned = assignments.iter().filter(|a| a.theme.is_none()).count();
    let mut order: Vec<usize> = (0..model.features.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&model.features[a], &model.features[b]);
        fb.significance
            .total_cmp(&fa.significance)
            .then(fa.bucket.cmp(&fb.bucket))
    });
    for i in order {
        let f = &model.features[i];
        let t = f.theme as usize;
        let s = &mut summary.themes[t];
        s.features += 1;
        if s.top.len() >= params.top_features {
            continue;
        }
        let lp = &model.log_p[i * themes..(i + 1) * themes];
        let others = if themes > 1 {
            (lp.iter().sum::<f64>() - lp[t]) / (themes - 1) as f64
        } else {
            lp[t]
        };
        s.top.push(ThemeFeature {
            phrase: f
                .surface
                .clone()
                .unwrap_or_else(|| format!("#{:016x}", f.owner.unwrap_or(0))),
            weight: (lp[t] - others) as f32,
            count: f.counts[t] as f32,
            significance: f.significance as f32,
        });
    }
    (assignments, summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{Corpus, CorpusParams, SyntheticInput, THEMES};
    use crate::text::normalise;

    /// The titles of the GCM's thematic sessions (crates/demo/data/gcm).
    const TITLES: [&str; 6] = [
        "Human rights of all migrants, social inclusion, cohesion and all forms of discrimination, including racism, xenophobia and intolerance",
        "Addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises, through protection and assistance, sustainable development, poverty eradication, conflict prevention and resolution",
        "International cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration",
        "Contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits",
        "Smuggling of migrants, trafficking in persons and contemporary forms of slavery, including appropriate identification, protection and assistance to migrants and trafficking victims",
        "Irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications and other relevant measures",
    ];

    /// The titles, and `per` distinct labelled inputs per theme and language
    /// (the first met); the indices of the labelled inputs.
    pub(crate) fn seeds_for(inputs: &[SyntheticInput], per: usize) -> (Vec<ThemeSeed>, Vec<bool>) {
        let mut seeds: Vec<ThemeSeed> = TITLES
            .iter()
            .enumerate()
            .map(|(t, title)| ThemeSeed {
                theme: t as u32,
                text: (*title).to_owned(),
                weight: 1.0,
            })
            .collect();
        let mut taken: FxHashMap<(usize, &str), usize> = FxHashMap::default();
        let mut seen = rustc_hash::FxHashSet::default();
        let mut is_seed = vec![false; inputs.len()];
        for (i, x) in inputs.iter().enumerate() {
            let n = taken.entry((x.theme, x.language)).or_default();
            if *n < per && seen.insert(normalise(&x.text)) {
                *n += 1;
                is_seed[i] = true;
                seeds.push(ThemeSeed {
                    theme: x.theme as u32,
                    text: x.text.clone(),
                    weight: 1.0,
                });
            }
        }
        assert_eq!(seeds.len(), TITLES.len() + per * THEMES.len() * 3);
        // Inputs with the very text of a seed are not counted either.
        for (i, x) in inputs.iter().enumerate() {
            if seen.contains(&normalise(&x.text)) {
                is_seed[i] = true;
            }
        }
        (seeds, is_seed)
    }

    /// A synthetic consultation of `inputs` texts, from `seed`.
    fn corpus(inputs: usize, seed: u64) -> Vec<SyntheticInput> {
        Corpus::new(CorpusParams {
            inputs,
            seed,
            ..CorpusParams::default()
        })
        .collect()
    }

    #[test]
    fn themes_of_a_synthetic_consultation_are_found() {
        let inputs: Vec<SyntheticInput> = corpus(20_000, 11);
        let (seeds, is_seed) = seeds_for(&inputs, 10);
        let texts: Vec<&str> = inputs.iter().map(|x| x.text.as_str()).collect();
        let params = ThemeParams {
            threads: 2,
            ..ThemeParams::default()
        };
        let (found, model) = assign_themes(&texts, THEMES.len(), &seeds, &params);
        assert_eq!(found.len(), inputs.len());
        let (mut right, mut total) = (0usize, 0usize);
        let (mut conf_right, mut conf_wrong, mut wrong) = (0f64, 0f64, 0usize);
        for ((x, a), &seed) in inputs.iter().zip(&found).zip(&is_seed) {
            if seed {
                continue;
            }
            total += 1;
            if a.theme == Some(x.theme as u32) {
                right += 1;
            }
            if a.best == Some(x.theme as u32) {
                conf_right += f64::from(a.confidence);
            } else {
                wrong += 1;
                conf_wrong += f64::from(a.confidence);
            }
        }
        let accuracy = right as f64 / total as f64;
        let (mean_right, mean_wrong) = (
            conf_right / (total - wrong).max(1) as f64,
            conf_wrong / wrong.max(1) as f64,
        );
        println!(
            "accuracy {accuracy:.4} on {total} inputs; mean confidence {mean_right:.3} right, {mean_wrong:.3} wrong ({wrong}); {} features, {} unassigned",
            model.features, model.unassigned
        );
        for s in &model.themes {
            let top: Vec<&str> = s.top.iter().take(8).map(|f| f.phrase.as_str()).collect();
            println!(
                "  theme {} ({} texts, {} features): {top:?}",
                s.theme, s.assigned, s.features
            );
        }
        assert!(accuracy >= 0.9, "accuracy {accuracy}");
        assert!(
            wrong == 0 || mean_right > mean_wrong,
            "{mean_right} vs {mean_wrong}"
        );
    }

    #[test]
    fn texts_as_read_give_the_features_the_tokeniser_gives() {
        let inputs: Vec<SyntheticInput> = corpus(3_000, 21);
        let mut texts: Vec<String> = inputs.into_iter().map(|x| x.text).collect();
        // Stop words between content words (a gap of one, two and three),
        // other scripts, an empty text and one of stop words only.
        texts.push("the right of the migrants to work, and of all of the children".into());
        texts.push("Все люди рождаются свободными; 人人生而自由，在尊严和权利上一律平等。".into());
        texts.push("كل الناس يولدون أحراراً ومتساوين في الكرامة".into());
        texts.push(String::new());
        texts.push("of the and to".into());
        let mut tok = Tokeniser::new();
        let mut expected = Vec::new();
        let mut got = Vec::new();
        for threads in [1, 3] {
            let (read, counted) = read_texts(&texts, threads, false);
            assert!(counted.is_empty());
            assert_eq!(read.len(), texts.len());
            for (n, text) in texts.iter().enumerate() {
                tok.features(text, &mut expected);
                read.features(n, &mut got);
                let hashes: Vec<u64> = expected.iter().map(|f| f.hash).collect();
                assert_eq!(got, hashes, "text {n} with {threads} threads");
                assert_eq!(read.key(n), tok.key());
                assert_eq!(read.language(n), tok.language());
            }
        }
        // Phrases are there: the features are more than the words.
        let (read, _) = read_texts(&texts[texts.len() - 5..], 1, false);
        read.features(0, &mut got);
        assert_eq!(
            got.len(),
            4 + 2,
            "right, migrants, work, children; right…migrants, migrants…work"
        );
    }

    #[test]
    fn near_duplicates_are_counted_once() {
        let inputs: Vec<SyntheticInput> = corpus(20_000, 13);
        let texts: Vec<&str> = inputs.iter().map(|x| x.text.as_str()).collect();
        let counted = read_texts(&texts, 2, true).1;
        let mut per_campaign: FxHashMap<u32, (usize, usize)> = FxHashMap::default();
        let mut singles = (0usize, 0usize);
        for (x, &c) in inputs.iter().zip(&counted) {
            match x.campaign {
                Some(k) => {
                    let e = per_campaign.entry(k).or_default();
                    e.0 += 1;
                    e.1 += usize::from(c);
                }
                None => {
                    singles.0 += 1;
                    singles.1 += usize::from(c);
                }
            }
        }
        let copies: usize = per_campaign.values().map(|c| c.0).sum();
        let counted_copies: usize = per_campaign.values().map(|c| c.1).sum();
        println!(
            "singles counted: {} of {}; campaign letters counted: {counted_copies} of {copies} ({} campaigns)",
            singles.1,
            singles.0,
            per_campaign.len()
        );
        assert_eq!(
            singles.1, singles.0,
            "no text is taken for a copy of another"
        );
        assert!(counted_copies <= per_campaign.len() + copies / 50);
        assert_eq!(counted, read_texts(&texts, 1, true).1);
    }

    #[test]
    fn a_correction_carries_to_the_texts_near_it() {
        let inputs: Vec<SyntheticInput> = Corpus::new(CorpusParams {
            inputs: 4_000,
            seed: 5,
            campaigns: 40,
            ..CorpusParams::default()
        })
        .collect();
        let (mut seeds, is_seed) = seeds_for(&inputs, 10);
        let texts: Vec<&str> = inputs.iter().map(|x| x.text.as_str()).collect();
        let params = ThemeParams {
            threads: 2,
            ..ThemeParams::default()
        };
        let (before, _) = assign_themes(&texts, THEMES.len(), &seeds, &params);
        // Deterministic, whatever the threads.
        let one = ThemeParams {
            threads: 1,
            ..params
        };
        assert_eq!(assign_themes(&texts, THEMES.len(), &seeds, &one).0, before);
        // A campaign none of whose copies is a seed, all of them rightly
        // assigned.
        let mut copies: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, x) in inputs.iter().enumerate() {
            if let Some(c) = x.campaign {
                copies.entry(c).or_default().push(i);
            }
        }
        let mut campaigns: Vec<(u32, Vec<usize>)> = copies
            .into_iter()
            .filter(|(_, list)| {
                list.len() >= 8
                    && list
                        .iter()
                        .all(|&i| !is_seed[i] && before[i].theme == Some(inputs[i].theme as u32))
            })
            .collect();
        campaigns.sort();
        let (_, list) = campaigns.first().expect("a campaign to correct");
        let truth = inputs[list[0]].theme as u32;
        let other = (truth + 1) % THEMES.len() as u32;
        // The secretariat corrects one copy (an edited one, if any).
        let corrected = list
            .iter()
            .copied()
            .find(|&i| inputs[i].text != inputs[list[0]].text)
            .unwrap_or(list[0]);
        seeds.push(ThemeSeed {
            theme: other,
            text: inputs[corrected].text.clone(),
            weight: 1.0,
        });
        let (after, _) = assign_themes(&texts, THEMES.len(), &seeds, &params);
        assert_eq!(after[corrected].theme, Some(other));
        let moved = list
            .iter()
            .filter(|&&i| i != corrected && after[i].theme == Some(other))
            .count();
        println!(
            "the correction moved {moved} of the {} other copies",
            list.len() - 1
        );
        assert!(
            moved * 10 >= (list.len() - 1) * 9,
            "{moved} of {}",
            list.len() - 1
        );
        // The other texts stay where they were.
        let changed = (0..inputs.len())
            .filter(|i| !list.contains(i) && before[*i].theme != after[*i].theme)
            .count();
        assert!(
            changed * 100 <= inputs.len(),
            "{changed} other texts changed"
        );
    }

    #[test]
    fn nothing_to_learn_from_or_to_assign() {
        let seeds = vec![
            ThemeSeed {
                theme: 0,
                text: "climate change and disasters".into(),
                weight: 1.0,
            },
            ThemeSeed {
                theme: 1,
                text: "remittances and diaspora investment".into(),
                weight: 1.0,
            },
        ];
        let params = ThemeParams::default();
        let none = ThemeAssignment::NONE;
        // No texts.
        let (found, model) = assign_themes::<&str>(&[], 2, &seeds, &params);
        assert!(found.is_empty() && model.unassigned == 0);
        // Texts without words, or with stop words only.
        let texts = ["", "  !!! ...", "the of and", "2018"];
        let (found, model) = assign_themes(&texts, 2, &seeds, &params);
        assert_eq!(found, vec![none; 4]);
        assert_eq!(model.unassigned, 4);
        // No themes; no seeds; seeds of themes that are not there, or of no weight.
        let texts = ["climate change", "diaspora investment"];
        assert_eq!(assign_themes(&texts, 0, &seeds, &params).0, vec![none; 2]);
        assert_eq!(assign_themes(&texts, 2, &[], &params).0, vec![none; 2]);
        let stray: Vec<ThemeSeed> = seeds
            .iter()
            .map(|s| ThemeSeed {
                theme: s.theme + 2,
                ..s.clone()
            })
            .chain(seeds.iter().map(|s| ThemeSeed {
                weight: 0.0,
                ..s.clone()
            }))
            .collect();
        assert_eq!(assign_themes(&texts, 2, &stray, &params).0, vec![none; 2]);
        // One text, one theme; zero iterations taken as one.
        let (found, _) = assign_themes(
            &["climate change"],
            1,
            &seeds[..1],
            &ThemeParams {
                iterations: 0,
                ..params
            },
        );
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn descriptions_alone_assign_texts_in_their_language() {
        let seeds: Vec<ThemeSeed> = [
            "Climate change, natural disasters and environmental degradation as drivers of migration",
            "Remittances, diaspora investment and financial inclusion",
            "Trafficking in persons, smuggling of migrants and the identification of victims",
        ]
        .iter()
        .enumerate()
        .map(|(t, d)| ThemeSeed {
            theme: t as u32,
            text: (*d).to_owned(),
            weight: 1.0,
        })
        .collect();
        // Texts of generic words, each with a sentence on one theme.
        let generic: Vec<&str> =
            "we our organisation welcomes compact states partners region communities \
            local national support implementation review progress forum report members network \
            civil society youth women workers cities dialogue cooperation commitment action plan \
            data evidence access services health education housing justice law policy programme"
                .split_whitespace()
                .collect();
        let sentences = [
            [
                "floods and droughts caused by climate change force families to move",
                "disasters and climate change destroy harvests",
            ],
            [
                "the cost of sending remittances home must come down",
                "the diaspora invests in their home towns",
            ],
            [
                "victims of trafficking need identification and protection",
                "smuggling networks exploit migrants",
            ],
        ];
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        let mut texts = Vec::new();
        for i in 0..90 {
            let mut words: Vec<&str> = (0..25).map(|_| generic[next(generic.len())]).collect();
            words.insert(next(20), sentences[i % 3][next(2)]);
            texts.push(words.join(" "));
        }
        texts.push(generic[..20].join(" "));
        let (found, model) = assign_themes(&texts, 3, &seeds, &ThemeParams::default());
        for (i, a) in found[..90].iter().enumerate() {
            assert_eq!(a.theme, Some((i % 3) as u32), "{}: {a:?}", texts[i]);
        }
        assert_eq!(found[90].theme, None, "generic words say nothing");
        let words: Vec<&str> = model.themes[1]
            .top
            .iter()
            .map(|f| f.phrase.as_str())
            .collect();
        assert!(words.contains(&"remittances"), "{words:?}");
        assert!(!words.iter().any(|w| generic.contains(w)), "{words:?}");
    }
}
