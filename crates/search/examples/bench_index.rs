//! Indexing throughput and query latency of Accord's search index.
//!
//! ```text
//! cargo run --release -p accord-search --example bench_index -- --docs 20000
//! ```
//!
//! Generates `--docs` synthetic documents of about 150 words, spread over the six
//! UN languages, from `--seed` (same seed, same documents): the vocabulary is
//! drawn from the Universal Declaration of Human Rights in /work/shared/data/udhr
//! when it is there, else from a small built-in word list. Indexes them with one
//! `BulkWriter` into a temporary directory (or `--dir`, which must be empty or
//! absent), then runs a fixed list of queries (single words in each language, a
//! phrase, facet filters, browsing) `--rounds` times each as a public reader and
//! reports p50/p99 latencies.
//!
//! Other engines (SQLite FTS5, PostgreSQL) can be fed the same documents: the
//! generator is deterministic, and `--dump FILE` writes them as JSON lines
//! (`SearchDoc`'s serde form). `--dump-tokens FILE` writes, for each Chinese
//! document, its title and body as Accord's index-side jieba segmentation
//! (terms joined by spaces: `{"key", "title", "body"}` per line), so that other
//! engines index the same Chinese tokens. `--json FILE` writes the results as
//! one JSON object: indexing throughput, and for each query its text, filters,
//! reader, class, total, p50/p99 and every sample in microseconds, plus the
//! query as Chinese would be cut (`zh_text`, in the same quoted-phrase syntax).
//! `bench/search/run.sh` runs all of this side by side with the peers.

/// The allocator of the `accord` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use accord_search::analysis::{index_terms, query_terms};
use accord_search::{Distribution, Facet, Language, Query, Reader, SearchDoc, SearchIndex};

struct Options {
    docs: usize,
    seed: u64,
    rounds: usize,
    dir: Option<PathBuf>,
    dump: Option<PathBuf>,
    dump_tokens: Option<PathBuf>,
    json: Option<PathBuf>,
}

fn options() -> Options {
    let mut options = Options {
        docs: 20_000,
        seed: 42,
        rounds: 50,
        dir: None,
        dump: None,
        dump_tokens: None,
        json: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("{arg} needs a value");
                std::process::exit(2)
            })
        };
        let number = |v: String| -> u64 {
            v.replace('_', "").parse().unwrap_or_else(|_| {
                eprintln!("not a number: {v}");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--docs" => options.docs = number(value()) as usize,
            "--seed" => options.seed = number(value()),
            "--rounds" => options.rounds = (number(value()) as usize).max(1),
            "--dir" => options.dir = Some(value().into()),
            "--dump" => options.dump = Some(value().into()),
            "--dump-tokens" => options.dump_tokens = Some(value().into()),
            "--json" => options.json = Some(value().into()),
            _ => {
                eprintln!(
                    "usage: bench_index [--docs N] [--seed S] [--rounds R] [--dir DIR] [--dump FILE] \
                     [--dump-tokens FILE] [--json FILE]"
                );
                std::process::exit(2)
            }
        }
    }
    options
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn udhr_file(language: Language) -> &'static str {
    match language {
        Language::Ar => "arb.html",
        Language::Zh => "cmn_hans.html",
        Language::En => "eng.html",
        Language::Fr => "fra.html",
        Language::Ru => "rus.html",
        Language::Es => "spa.html",
    }
}

fn builtin_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::Ar => &[
            "الهجرة",
            "المهاجرين",
            "حقوق",
            "الإنسان",
            "العمل",
            "الدول",
            "التعاون",
            "الحدود",
            "اللاجئين",
            "التنمية",
            "السلامة",
            "الكرامة",
            "الأسرة",
            "التعليم",
            "الصحة",
        ],
        Language::Zh => &[
            "移民", "问题", "权利", "国家", "合作", "发展", "安全", "劳动", "家庭", "教育", "健康",
            "边境", "难民", "尊严", "国际",
        ],
        Language::En => &[
            "migration",
            "migrants",
            "rights",
            "human",
            "labour",
            "states",
            "cooperation",
            "borders",
            "refugees",
            "development",
            "safety",
            "dignity",
            "family",
            "education",
            "health",
        ],
        Language::Fr => &[
            "migration",
            "migrants",
            "droits",
            "homme",
            "travail",
            "États",
            "coopération",
            "frontières",
            "réfugiés",
            "développement",
            "sécurité",
            "dignité",
            "famille",
            "éducation",
            "santé",
        ],
        Language::Ru => &[
            "миграция",
            "мигрантов",
            "права",
            "человека",
            "труд",
            "государства",
            "сотрудничество",
            "границы",
            "беженцы",
            "развитие",
            "безопасность",
            "достоинство",
            "семья",
            "образование",
            "здоровье",
        ],
        Language::Es => &[
            "migración",
            "migrantes",
            "derechos",
            "humanos",
            "trabajo",
            "Estados",
            "cooperación",
            "fronteras",
            "refugiados",
            "desarrollo",
            "seguridad",
            "dignidad",
            "familia",
            "educación",
            "salud",
        ],
    }
}

/// Words of each language: from the UDHR's paragraphs when the file is there
/// (Chinese cut into two-character pieces, as it has no spaces), else built in.
fn vocabulary(language: Language) -> (Vec<String>, &'static str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/udhr")
        .join(udhr_file(language));
    let Ok(html) = std::fs::read_to_string(&path) else {
        let words = builtin_words(language)
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        return (words, "built-in list");
    };
    let mut text = String::new();
    for paragraph in html.split("<p>").skip(1).chain(html.split("<li>").skip(1)) {
        let end = paragraph.find('<').unwrap_or(paragraph.len());
        text.push_str(&paragraph[..end]);
        text.push(' ');
    }
    let words: Vec<String> = if language == Language::Zh {
        let han: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
        han.chunks(2).map(|pair| pair.iter().collect()).collect()
    } else {
        text.split(|c: char| !c.is_alphanumeric() && !('\u{064B}'..='\u{065F}').contains(&c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    (words, "UDHR")
}

const KINDS: &[&str] = &["statement", "document", "input", "recommendation"];
const PROCESSES: &[&str] = &["gcm", "imrf-2026", "bbnj"];
const ACTORS: &[(&str, &str)] = &[
    ("MEX", "member_state"),
    ("PHL", "member_state"),
    ("MAR", "member_state"),
    ("BGD", "member_state"),
    ("DEU", "member_state"),
    ("CAN", "member_state"),
    ("NGA", "member_state"),
    ("CHN", "member_state"),
    ("RUS", "member_state"),
    ("FRA", "member_state"),
    ("EGY", "member_state"),
    ("ARG", "member_state"),
    ("EU", "group"),
    ("G77", "group"),
    ("AU", "group"),
    ("IOM", "un_entity"),
    ("UNHCR", "un_entity"),
    ("ILO", "un_entity"),
];
const THEMES: &[&str] = &[
    "labour",
    "pathways",
    "data",
    "remittances",
    "climate",
    "return",
    "detention",
    "smuggling",
    "integration",
    "border_management",
    "children",
    "gender",
];
const MEETING_KINDS: &[&str] = &["plenary", "informal_consultation", "review_forum"];
const DOCUMENT_KINDS: &[&str] = &["report", "draft", "note", "resolution"];
const PHRASE: &str = "safe orderly and regular migration";

fn generate(count: usize, seed: u64) -> (Vec<SearchDoc>, &'static str) {
    let mut rng = Rng(seed);
    let mut sources = Vec::new();
    let vocabularies: Vec<Vec<String>> = Language::ALL
        .iter()
        .map(|&l| {
            let (words, source) = vocabulary(l);
            sources.push(source);
            words
        })
        .collect();
    let source = if sources.iter().all(|s| *s == "UDHR") {
        "UDHR"
    } else {
        "built-in list"
    };
    let docs = (0..count)
        .map(|i| {
            let slot = i % Language::ALL.len();
            let language = Language::ALL[slot];
            let words = &vocabularies[slot];
            let separator = if language == Language::Zh { "" } else { " " };
            let sentence = |n: usize, rng: &mut Rng| {
                (0..n)
                    .map(|_| rng.pick(words).as_str())
                    .collect::<Vec<_>>()
                    .join(separator)
            };
            let title = sentence(6, &mut rng);
            let mut body = sentence(150, &mut rng);
            if language == Language::En && rng.chance(10) {
                body.push_str(". ");
                body.push_str(PHRASE);
            }
            // One item in six languages: six consecutive documents.
            let item_id = (i / Language::ALL.len()) as i64 + 1;
            let kind = KINDS[item_id as usize % KINDS.len()];
            let (actor, actor_kind) = *rng.pick(ACTORS);
            let themes = (0..1 + rng.below(3))
                .map(|_| rng.pick(THEMES).to_string())
                .collect();
            let year = 2018 + rng.below(9) as i32;
            let distribution = match rng.below(100) {
                0..=79 => Distribution::Public,
                80..=94 => Distribution::MemberStates,
                _ => Distribution::Secretariat,
            };
            let embargo_until = rng
                .chance(5)
                .then(|| 1_700_000_000 + rng.below(200_000_000) as i64);
            SearchDoc {
                key: format!("{kind}:{item_id}:{}", language.as_str()),
                kind: kind.to_string(),
                item_id,
                process: rng.pick(PROCESSES).to_string(),
                meeting: Some(format!("Session {}", 1 + rng.below(20))),
                meeting_kind: Some(rng.pick(MEETING_KINDS).to_string()),
                actor: Some(actor.to_string()),
                actor_kind: Some(actor_kind.to_string()),
                themes,
                language,
                year,
                document_kind: (kind == "document").then(|| rng.pick(DOCUMENT_KINDS).to_string()),
                title,
                body,
                url: format!("/{kind}s/{item_id}?lang={}", language.as_str()),
                distribution,
                embargo_until,
                synthetic: true,
            }
        })
        .collect();
    (docs, source)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn us(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e7).round() / 10.0
}

/// The query as Accord's Chinese analyser cuts it, in the same syntax: a
/// quoted phrase, and a word cut into several terms (Tantivy's query parser
/// makes a phrase of it), become a quoted phrase of their terms; a word cut
/// into one term stays bare. Other engines search Chinese with this.
fn zh_query(text: &str) -> String {
    let mut parts = Vec::new();
    for (i, segment) in text.split('"').enumerate() {
        let pieces: Vec<&str> = if i % 2 == 1 {
            vec![segment]
        } else {
            segment.split_whitespace().collect()
        };
        for piece in pieces {
            let terms = query_terms(Language::Zh, piece);
            match terms.len() {
                0 => {}
                1 if i % 2 == 0 => parts.push(terms[0].clone()),
                _ => parts.push(format!("\"{}\"", terms.join(" "))),
            }
        }
    }
    parts.join(" ")
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() {
    let options = options();
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run with --release for meaningful numbers");
    }

    let started = Instant::now();
    let (docs, source) = generate(options.docs, options.seed);
    let spaced: Vec<usize> = docs
        .iter()
        .filter(|d| d.language != Language::Zh)
        .map(|d| d.body.split_whitespace().count())
        .collect();
    let words = spaced.iter().sum::<usize>() / spaced.len().max(1);
    println!(
        "generated {} documents (seed {}, vocabulary: {source}, ~{words} words/doc outside Chinese) in {:.2} s",
        docs.len(),
        options.seed,
        started.elapsed().as_secs_f64()
    );
    if let Some(path) = &options.dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
        for doc in &docs {
            serde_json::to_writer(&mut out, doc).expect("write");
            out.write_all(b"\n").expect("write");
        }
        out.flush().expect("write");
        println!("wrote {}", path.display());
    }

    // Warm the Chinese dictionary so its one-time load is not counted.
    let warm = Instant::now();
    let _ = index_terms(Language::Zh, "移民");
    println!(
        "jieba dictionary loaded in {:.2} s",
        warm.elapsed().as_secs_f64()
    );

    // The Chinese documents as Accord's analyser cuts them, for the peers. The
    // time it takes is part of Accord's indexing time below, not of theirs.
    let mut zh_segment_s = None;
    if let Some(path) = &options.dump_tokens {
        let started = Instant::now();
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("tokens file"));
        let mut zh_docs = 0;
        for doc in docs.iter().filter(|d| d.language == Language::Zh) {
            let line = serde_json::json!({
                "key": doc.key,
                "title": index_terms(Language::Zh, &doc.title).join(" "),
                "body": index_terms(Language::Zh, &doc.body).join(" "),
            });
            serde_json::to_writer(&mut out, &line).expect("write");
            out.write_all(b"\n").expect("write");
            zh_docs += 1;
        }
        out.flush().expect("write");
        let seconds = started.elapsed().as_secs_f64();
        zh_segment_s = Some(seconds);
        println!(
            "wrote {} ({zh_docs} Chinese documents segmented and written in {seconds:.2} s)",
            path.display()
        );
    }

    let temp;
    let dir = match &options.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = std::env::temp_dir().join(format!("accord-bench-{}", std::process::id()));
            temp.clone()
        }
    };
    let index = SearchIndex::open(&dir).expect("open index");

    let started = Instant::now();
    let mut bulk = index.bulk().expect("bulk writer");
    for doc in &docs {
        bulk.add(doc).expect("add");
    }
    let added_at = started.elapsed();
    bulk.commit().expect("commit");
    let elapsed = started.elapsed();
    let index_bytes = dir_size(&dir);
    println!(
        "indexed {} documents in {:.2} s ({:.0} docs/s; adding {:.2} s, commit and merges {:.2} s); index {:.1} MB on disk",
        index.doc_count(),
        elapsed.as_secs_f64(),
        docs.len() as f64 / elapsed.as_secs_f64(),
        added_at.as_secs_f64(),
        (elapsed - added_at).as_secs_f64(),
        index_bytes as f64 / 1e6
    );

    let now = 1_800_000_000;
    let public = Reader::everywhere(Distribution::Public, now);
    let secretariat = Reader::everywhere(Distribution::Secretariat, now);
    let q = |text: &str, filters: &[(Facet, &str)]| Query {
        text: text.to_string(),
        filters: filters.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        limit: 20,
        offset: 0,
    };
    // (name, class, reader, query); the classes are the issue's: single words,
    // phrases, facet filters (browsing by a facet included).
    let queries: Vec<(&str, &str, Reader, Query)> = vec![
        ("en word", "word", public.clone(), q("rights", &[])),
        (
            "en two words",
            "word",
            public.clone(),
            q("human rights", &[]),
        ),
        ("fr word", "word", public.clone(), q("liberté", &[])),
        ("es word", "word", public.clone(), q("derechos", &[])),
        ("ru word", "word", public.clone(), q("права", &[])),
        ("ar word", "word", public.clone(), q("حقوق", &[])),
        ("zh word", "word", public.clone(), q("权利", &[])),
        (
            "phrase",
            "phrase",
            public.clone(),
            q("\"safe orderly and regular\"", &[]),
        ),
        (
            "word + actor",
            "facet",
            public.clone(),
            q("rights", &[(Facet::Actor, "MEX")]),
        ),
        (
            "word + theme + year",
            "facet",
            public.clone(),
            q("rights", &[(Facet::Theme, "labour"), (Facet::Year, "2024")]),
        ),
        (
            "browse + kind",
            "facet",
            public.clone(),
            q("", &[(Facet::Kind, "statement")]),
        ),
        (
            "word, secretariat",
            "word",
            secretariat.clone(),
            q("rights", &[]),
        ),
        ("word, page 10", "word", public.clone(), {
            let mut deep = q("rights", &[]);
            deep.offset = 180;
            deep
        }),
    ];
    println!(
        "\n{:<22} {:>8} {:>10} {:>10}   ({} runs each, limit 20, facets counted)",
        "query", "total", "p50", "p99", options.rounds
    );
    let mut all = Vec::new();
    let mut records = Vec::new();
    for (name, class, reader, query) in &queries {
        let results = index.search(reader, query).expect("search"); // warm-up
        let mut times: Vec<Duration> = (0..options.rounds)
            .map(|_| {
                let t = Instant::now();
                let r = index.search(reader, query).expect("search");
                std::hint::black_box(r);
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{:<22} {:>8} {:>10} {:>10}",
            name,
            results.total,
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0))
        );
        records.push(serde_json::json!({
            "name": name,
            "class": class,
            "text": query.text,
            "zh_text": zh_query(&query.text),
            "filters": query
                .filters
                .iter()
                .map(|(facet, value)| serde_json::json!([facet.as_str(), value]))
                .collect::<Vec<_>>(),
            "reader": reader.sees.as_str(),
            "now": reader.now,
            "limit": query.limit,
            "offset": query.offset,
            "total": results.total,
            "hits": results.hits.iter().map(|h| h.key.as_str()).collect::<Vec<_>>(),
            "p50_us": us(percentile(&times, 50.0)),
            "p99_us": us(percentile(&times, 99.0)),
            "samples_us": times.iter().map(|&t| us(t)).collect::<Vec<_>>(),
        }));
        all.extend(times);
    }
    all.sort();
    println!(
        "{:<22} {:>8} {:>10} {:>10}",
        "all queries",
        "",
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0))
    );

    if let Some(path) = &options.json {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let report = serde_json::json!({
            "engine": "accord",
            "docs": docs.len(),
            "seed": options.seed,
            "rounds": options.rounds,
            "vocabulary": source,
            "cores": threads,
            "index": {
                "docs": index.doc_count(),
                "seconds": elapsed.as_secs_f64(),
                "docs_per_s": docs.len() as f64 / elapsed.as_secs_f64(),
                "add_seconds": added_at.as_secs_f64(),
                "commit_seconds": (elapsed - added_at).as_secs_f64(),
                "bytes": index_bytes,
            },
            "zh_segment_seconds": zh_segment_s,
            "queries": records,
        });
        std::fs::write(path, serde_json::to_string_pretty(&report).expect("json"))
            .expect("json file");
        println!("wrote {}", path.display());
    }

    drop(index);
    if options.dir.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
