//! Themes at scale: generates N synthetic inputs (default 1,000,000), takes
//! as seeds the six GCM thematic-session titles and 10 labelled inputs per
//! theme and language (the first distinct ones met), assigns every input a
//! theme, and prints the accuracy on the inputs that are not seeds, the
//! time taken and the peak memory.
//!
//!     cargo run --release -p accord-analysis --example themes_scale -- \
//!         [N] [--seed S] [--threads T] [--iterations I] [--per P] [--verbose]
//!         [--top K] [--significance G] [--seed-significance G]
//!         [--min-count N] [--concentration C] [--max-features M]
//!         [--label-weight W]
//!
//! `--per 0` learns from the (English) titles alone. `--verbose` adds the
//! accuracy by kind of input and language, the confusion matrices, the
//! accuracy by confidence and the features each theme is recognised by.
//! The peak memory is the process's (VmHWM); "over the corpus" is beyond
//! what the generated corpus itself holds.

use std::time::Instant;

use accord_analysis::synthetic::{Corpus, CorpusParams, SyntheticInput, THEMES};
use accord_analysis::{assign_themes, normalise, ThemeParams, ThemeSeed};
use rustc_hash::{FxHashMap, FxHashSet};

/// The titles of the GCM's thematic sessions (crates/demo/data/gcm).
const TITLES: [&str; 6] = [
    "Human rights of all migrants, social inclusion, cohesion and all forms of discrimination, including racism, xenophobia and intolerance",
    "Addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises, through protection and assistance, sustainable development, poverty eradication, conflict prevention and resolution",
    "International cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration",
    "Contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits",
    "Smuggling of migrants, trafficking in persons and contemporary forms of slavery, including appropriate identification, protection and assistance to migrants and trafficking victims",
    "Irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications and other relevant measures",
];

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut inputs = 1_000_000usize;
    let mut seed = 42u64;
    let mut per = 10usize;
    let mut verbose = false;
    let mut label_weight = 1f32;
    let mut params = ThemeParams::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--seed" => seed = value().parse().expect("--seed S"),
            "--threads" => params.threads = value().parse().expect("--threads T"),
            "--iterations" => params.iterations = value().parse().expect("--iterations I"),
            "--per" => per = value().parse().expect("--per P"),
            "--verbose" => verbose = true,
            "--label-weight" => label_weight = value().parse().expect("--label-weight W"),
            "--top" => params.top_features = value().parse().expect("--top K"),
            "--significance" => {
                params.min_significance = value().parse().expect("--significance G");
            }
            "--seed-significance" => {
                params.min_seed_significance = value().parse().expect("--seed-significance G");
            }
            "--min-count" => params.min_count = value().parse().expect("--min-count N"),
            "--concentration" => {
                params.min_concentration = value().parse().expect("--concentration C");
            }
            "--max-features" => params.max_features = value().parse().expect("--max-features M"),
            n => inputs = n.parse().expect("N, the number of inputs"),
        }
    }

    let t = Instant::now();
    let corpus: Vec<SyntheticInput> = Corpus::new(CorpusParams {
        inputs,
        seed,
        ..CorpusParams::default()
    })
    .collect();
    let texts: Vec<&str> = corpus.iter().map(|x| x.text.as_str()).collect();
    let base_mb = peak_rss_mb();
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
    let mut seen: FxHashSet<String> = FxHashSet::default();
    for x in &corpus {
        let n = taken.entry((x.theme, x.language)).or_default();
        if *n < per && seen.insert(normalise(&x.text)) {
            *n += 1;
            seeds.push(ThemeSeed {
                theme: x.theme as u32,
                text: x.text.clone(),
                weight: label_weight,
            });
        }
    }
    println!(
        "generated {inputs} inputs (seed {seed}) and {} seeds in {:.1} s (not counted); {base_mb:.0} MB",
        seeds.len(),
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let (found, model) = assign_themes(&texts, THEMES.len(), &seeds, &params);
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_rss_mb();

    let mut total = 0usize;
    let mut right = 0usize;
    let mut right_best = 0usize;
    let (mut conf_right, mut conf_wrong, mut wrong) = (0f64, 0f64, 0usize);
    let mut confusion = vec![vec![0usize; THEMES.len() + 1]; THEMES.len()];
    let mut by_language: FxHashMap<&str, Vec<Vec<usize>>> = FxHashMap::default();
    // Accuracy by kind of input: campaign letter or not, and language.
    let mut by_kind: FxHashMap<(bool, &str), (usize, usize)> = FxHashMap::default();
    // Calibration: accuracy by confidence decile.
    let mut bins = [(0usize, 0usize); 10];
    for (x, a) in corpus.iter().zip(&found) {
        if seen.contains(&normalise(&x.text)) {
            continue;
        }
        total += 1;
        let ok = a.theme == Some(x.theme as u32);
        right += usize::from(ok);
        let k = by_kind
            .entry((x.campaign.is_some(), x.language))
            .or_default();
        k.0 += 1;
        k.1 += usize::from(ok);
        confusion[x.theme][a.theme.map_or(THEMES.len(), |t| t as usize)] += 1;
        by_language
            .entry(x.language)
            .or_insert_with(|| vec![vec![0usize; THEMES.len() + 1]; THEMES.len()])[x.theme]
            [a.theme.map_or(THEMES.len(), |t| t as usize)] += 1;
        if a.best == Some(x.theme as u32) {
            right_best += 1;
            conf_right += f64::from(a.confidence);
        } else {
            wrong += 1;
            conf_wrong += f64::from(a.confidence);
        }
        let bin = ((a.confidence * 10.0) as usize).min(9);
        bins[bin].0 += 1;
        bins[bin].1 += usize::from(a.best == Some(x.theme as u32));
    }
    println!(
        "assigned {} inputs to {} themes in {secs:.2} s on {} threads ({} passes, {} features); peak memory {peak:.0} MB ({:.0} MB over the corpus)",
        found.len(),
        THEMES.len(),
        params.threads,
        model.passes,
        model.features,
        peak - base_mb
    );
    println!(
        "accuracy {:.4} on {total} inputs that are not seeds (best theme right: {:.4}; unassigned {}); mean confidence {:.3} when right, {:.3} when wrong",
        right as f64 / total.max(1) as f64,
        right_best as f64 / total.max(1) as f64,
        model.unassigned,
        conf_right / right_best.max(1) as f64,
        conf_wrong / wrong.max(1) as f64
    );
    if verbose {
        let mut kinds: Vec<_> = by_kind.into_iter().collect();
        kinds.sort();
        for ((campaign, language), (n, ok)) in kinds {
            println!(
                "  {} {language}: {:.4} of {n}",
                if campaign { "campaign" } else { "single  " },
                ok as f64 / n.max(1) as f64
            );
        }
        println!("  confusion (rows: truth; columns: found, then unassigned):");
        for row in &confusion {
            println!("    {row:?}");
        }
        let mut languages: Vec<_> = by_language.into_iter().collect();
        languages.sort();
        for (language, rows) in languages {
            println!("  confusion in {language}:");
            for row in rows {
                println!("    {row:?}");
            }
        }
        println!("  by confidence (decile: inputs, best right):");
        for (i, (n, ok)) in bins.iter().enumerate() {
            if *n > 0 {
                println!(
                    "    {:.1}–{:.1}: {n}, {:.3}",
                    i as f64 / 10.0,
                    (i + 1) as f64 / 10.0,
                    *ok as f64 / *n as f64
                );
            }
        }
        for s in &model.themes {
            let top: Vec<String> = s
                .top
                .iter()
                .take(12)
                .map(|f| format!("{} ({:.1})", f.phrase, f.weight))
                .collect();
            println!(
                "  theme {} ({} texts, {} features): {}",
                s.theme,
                s.assigned,
                s.features,
                top.join(", ")
            );
        }
    }
}
