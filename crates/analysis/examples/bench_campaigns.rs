//! The stocktaking benchmark's Accord side (issue 6): generates N synthetic
//! inputs with their ground truth (writing them as JSON lines for the
//! Python peers), reads them back, finds the campaigns, and scores them
//! against the truth. Prints wall times, peak memory, precision and recall.
//! Then times MinHash signatures alone, on one thread, for the first
//! `--signatures M` distinct texts (normalising, shingling and signing each
//! text), for the peers' signature table (rensa, datasketch).
//!
//!     cargo run --release -p accord-analysis --example bench_campaigns -- \
//!         [--inputs N] [--seed S] [--threshold T] [--signatures M] [--dump inputs.jsonl] [--json results.json]

use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

use accord_analysis::synthetic::{Corpus, CorpusParams};
use accord_analysis::{
    find_campaigns, normalise, normalise_into, pair_scores, shingle_hashes_into, CampaignParams,
    MinHasher,
};

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

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let mut inputs = 1_000_000usize;
    let mut seed = 42u64;
    let mut threshold = 0.7f64;
    let mut signatures = 50_000usize;
    let mut dump: Option<String> = None;
    let mut json: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--inputs" => inputs = value().parse().expect("--inputs N"),
            "--seed" => seed = value().parse().expect("--seed S"),
            "--threshold" => threshold = value().parse().expect("--threshold T"),
            "--signatures" => signatures = value().parse().expect("--signatures M"),
            "--dump" => dump = Some(value()),
            "--json" => json = Some(value()),
            other => panic!("unknown argument {other}"),
        }
    }
    let path = dump.unwrap_or_else(|| {
        std::env::temp_dir()
            .join("accord-campaigns.jsonl")
            .display()
            .to_string()
    });

    // Generate and write (not counted).
    let t = Instant::now();
    {
        let mut out = BufWriter::new(std::fs::File::create(&path).expect("create the dump"));
        for x in Corpus::new(CorpusParams {
            inputs,
            seed,
            ..CorpusParams::default()
        }) {
            writeln!(
                out,
                "{{\"external_id\":{},\"language\":\"{}\",\"text\":{},\"campaign\":{},\"theme\":{}}}",
                json_string(&x.external_id),
                x.language,
                json_string(&x.text),
                x.campaign.map_or("null".to_string(), |c| c.to_string()),
                x.theme
            )
            .expect("write");
        }
    }
    println!(
        "generated {inputs} inputs (seed {seed}) into {path} in {:.1} s (not counted)",
        t.elapsed().as_secs_f64()
    );

    // Read the texts and the truth back, as an import would.
    let t = Instant::now();
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("open the dump"));
    let mut texts: Vec<String> = Vec::with_capacity(inputs);
    let mut truth: Vec<u32> = Vec::with_capacity(inputs);
    for (i, line) in file.lines().enumerate() {
        let line = line.expect("read");
        let text = field(&line, "\"text\":").expect("a text");
        let campaign = line
            .rsplit("\"campaign\":")
            .next()
            .and_then(|r| r.split(',').next())
            .and_then(|c| c.parse::<u32>().ok());
        texts.push(text);
        truth.push(campaign.unwrap_or(10_000_000 + i as u32));
    }
    let read_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let params = CampaignParams {
        threshold,
        ..CampaignParams::default()
    };
    let found = find_campaigns(&texts, &params);
    let detect_s = t.elapsed().as_secs_f64();
    let scores = pair_scores(&found.group, &truth);
    let true_campaigns = {
        let mut c: Vec<u32> = truth.iter().copied().filter(|&x| x < 10_000_000).collect();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    println!(
        "read {} inputs in {read_s:.1} s; campaigns found in {detect_s:.1} s ({:.0} inputs/s) on {} threads: {} campaigns (truth: {true_campaigns}), {} distinct texts, LSH {}x{} at threshold {threshold}",
        texts.len(),
        texts.len() as f64 / detect_s,
        params.threads,
        found.campaigns.len(),
        found.distinct,
        found.bands,
        found.rows
    );
    println!(
        "pairs: precision {:.4}, recall {:.4} ({} found pairs, {} true pairs); peak memory {:.0} MB",
        scores.precision,
        scores.recall,
        scores.found_pairs,
        scores.true_pairs,
        peak_rss_mb()
    );
    let signing = time_signatures(&texts, signatures, &params);
    println!(
        "signatures alone, 1 thread: {} distinct texts in {:.2} s wall; CPU {:.2} s normalising, {:.2} s shingling and signing ({:.0} signatures per CPU second from the normalised text; {} permutations, {}-word shingles)",
        signing.texts,
        signing.wall_s,
        signing.normalise_cpu_s,
        signing.sign_cpu_s,
        signing.texts as f64 / signing.sign_cpu_s,
        params.num_perm,
        params.shingle
    );
    if let Some(json) = json {
        std::fs::write(
            json,
            format!(
                "{{\"inputs\":{},\"read_s\":{read_s},\"detect_s\":{detect_s},\"precision\":{},\"recall\":{},\"campaigns\":{},\"distinct\":{},\"peak_mb\":{},\"threads\":{},\"threshold\":{threshold},\"num_perm\":{},\"shingle\":{},\"bands\":{},\"rows\":{},\"sign_texts\":{},\"sign_wall_s\":{},\"normalise_cpu_s\":{},\"sign_cpu_s\":{},\"seed\":{}}}",
                texts.len(),
                scores.precision,
                scores.recall,
                found.campaigns.len(),
                found.distinct,
                peak_rss_mb(),
                params.threads,
                params.num_perm,
                params.shingle,
                found.bands,
                found.rows,
                signing.texts,
                signing.wall_s,
                signing.normalise_cpu_s,
                signing.sign_cpu_s,
                params.seed
            ),
        )
        .expect("write the results");
    }
}

/// Signs the first `limit` texts whose normalised forms are distinct (the
/// sample the peers sign too), one thread, as `find_campaigns` signs each
/// text: normalise, then shingle hashes and signature. Returns the number
/// of texts and the CPU seconds of normalising and of signing the
/// normalised texts (wall seconds of both together).
fn time_signatures(texts: &[String], limit: usize, params: &CampaignParams) -> Signing {
    let mut seen = std::collections::HashSet::new();
    let sample: Vec<&str> = texts
        .iter()
        .filter(|t| seen.insert(normalise(t)))
        .take(limit)
        .map(String::as_str)
        .collect();
    let hasher = MinHasher::new(params.num_perm, params.seed);
    let mut sig = vec![0u32; params.num_perm];
    let (mut words, mut shingles) = (Vec::new(), Vec::new());
    let mut check = 0u32;
    let (t, cpu) = (Instant::now(), thread_cpu_s());
    let mut normalised = vec![String::new(); sample.len()];
    for (text, norm) in sample.iter().zip(&mut normalised) {
        normalise_into(text, norm);
    }
    let normalise_cpu_s = thread_cpu_s() - cpu;
    let cpu = thread_cpu_s();
    for norm in &normalised {
        shingle_hashes_into(norm, params.shingle, &mut words, &mut shingles);
        hasher.signature_into(&shingles, &mut sig);
        check ^= sig[0];
    }
    let (wall_s, sign_cpu_s) = (t.elapsed().as_secs_f64(), thread_cpu_s() - cpu);
    std::hint::black_box(check);
    Signing {
        texts: sample.len(),
        wall_s,
        normalise_cpu_s,
        sign_cpu_s,
    }
}

/// This thread's CPU time in seconds (Linux's schedstat), or 0 where unknown:
/// on a busy machine, wall time counts other programs' turns too.
fn thread_cpu_s() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

struct Signing {
    texts: usize,
    wall_s: f64,
    normalise_cpu_s: f64,
    sign_cpu_s: f64,
}

/// The JSON string value after `key` on a line written by this program.
fn field(line: &str, key: &str) -> Option<String> {
    let start = line.find(key)? + key.len();
    let rest = &line[start..];
    let mut out = String::new();
    let mut chars = rest.chars();
    if chars.next()? != '"' {
        return None;
    }
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
    None
}
