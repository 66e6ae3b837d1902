//! The negotiation benchmark (issue 5): a draft of about 30,000 words in about
//! 400 nodes with 5,000 amendments. Times the compilation text (compile and
//! render it to HTML) and the redline between two versions, and writes the
//! node pairs of the redline for `bench/negotiation/peers.py`, which computes
//! the same word-level diffs with Python's difflib and diff-match-patch.
//!
//!     cargo run --release -p accord-domain --example bench_negotiation -- \
//!         [--seed S] [--rounds R] [--dump pairs.json] [--json results.json]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use accord_domain::negotiation::{
    apply, compile, redline, AmendmentStatus, DraftText, Edit, Node, NodeKind, Operation, Proposal,
    ProposalFilter, Segment, Source, Wid,
};

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// English words of the Universal Declaration of Human Rights (the repo's
/// test data), as the vocabulary.
fn vocabulary() -> Vec<String> {
    let html = include_str!("../../../testdata/udhr/eng.html");
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

fn sentence(rng: &mut SplitMix, vocab: &[String], words: usize) -> String {
    let start = rng.below(vocab.len() - words);
    let mut s = vocab[start..start + words].join(" ");
    s.push('.');
    s
}

/// 16 sections of 16 paragraphs (every fourth with a chapeau and two
/// sub-paragraphs): 400 nodes and about 30,000 words.
fn draft(rng: &mut SplitMix, vocab: &[String]) -> DraftText {
    let mut nodes = Vec::new();
    for s in 0..16 {
        let mut section = Node::new(Wid::new(format!("s{s}")).unwrap(), NodeKind::Section);
        section.heading = sentence(rng, vocab, 4);
        for p in 0..16 {
            let mut para = Node::new(Wid::new(format!("p{s}x{p}")).unwrap(), NodeKind::Paragraph);
            if p % 4 == 0 {
                para.text = sentence(rng, vocab, 30);
                for k in 0..2 {
                    let mut sub = Node::new(
                        Wid::new(format!("p{s}x{p}s{k}")).unwrap(),
                        NodeKind::Subparagraph,
                    );
                    sub.text = sentence(rng, vocab, 55);
                    para.children.push(sub);
                }
            } else {
                para.text = sentence(rng, vocab, 106);
            }
            section.children.push(para);
        }
        nodes.push(section);
    }
    DraftText {
        title: "A benchmark compact".into(),
        nodes,
    }
}

/// A span of whole words in `text`: (from, to) in characters.
fn word_span(rng: &mut SplitMix, text: &str, max_words: usize) -> (usize, usize) {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.char_indices()
                .filter(|(_, c)| *c == ' ')
                .map(|(i, _)| text[..i].chars().count() + 1),
        )
        .collect();
    let i = rng.below(starts.len());
    let j = (i + 1 + rng.below(max_words)).min(starts.len());
    let from = starts[i];
    let to = if j == starts.len() {
        text.chars().count()
    } else {
        starts[j] - 1
    };
    (from, to.max(from + 1).min(text.chars().count()))
}

fn paragraphs(text: &DraftText) -> Vec<&Node> {
    text.iter()
        .filter(|n| matches!(n.kind, NodeKind::Paragraph | NodeKind::Subparagraph))
        .collect()
}

/// 5,000 amendments by 193 proposers on random nodes.
fn amendments(rng: &mut SplitMix, text: &DraftText, vocab: &[String]) -> Vec<Proposal> {
    let nodes = paragraphs(text);
    let codes: Vec<String> = (0..193)
        .map(|i| {
            format!(
                "{}{}{}",
                (b'A' + (i / 26 % 26) as u8) as char,
                (b'A' + (i % 26) as u8) as char,
                'X'
            )
        })
        .collect();
    (0..5_000)
        .map(|i| {
            let node = nodes[rng.below(nodes.len())];
            let wid = node.wid.clone();
            let operation = match rng.below(10) {
                0..=2 => {
                    let (at, _) = word_span(rng, &node.text, 1);
                    Operation::InsertText {
                        node: wid,
                        at,
                        text: format!("{} ", sentence(rng, vocab, 3).trim_end_matches('.')),
                    }
                }
                3..=5 => {
                    let (from, to) = word_span(rng, &node.text, 4);
                    Operation::ReplaceText {
                        node: wid,
                        from,
                        to,
                        text: sentence(rng, vocab, 3).trim_end_matches('.').to_owned(),
                    }
                }
                6..=7 => {
                    let (from, to) = word_span(rng, &node.text, 5);
                    Operation::DeleteText {
                        node: wid,
                        from,
                        to,
                    }
                }
                8 => Operation::AddNode {
                    after: wid,
                    kind: if node.kind == NodeKind::Paragraph && node.children.is_empty() {
                        NodeKind::Paragraph
                    } else {
                        node.kind
                    },
                    heading: String::new(),
                    text: sentence(rng, vocab, 30),
                },
                _ => Operation::DeleteNode { node: wid },
            };
            let proposers = vec![
                codes[rng.below(codes.len())].clone(),
                codes[rng.below(codes.len())].clone(),
            ];
            Proposal {
                id: i as i64 + 1,
                number: i as u32 + 1,
                operation,
                proposers,
                supporters: (0..rng.below(6))
                    .map(|_| codes[rng.below(codes.len())].clone())
                    .collect(),
                objectors: (0..rng.below(4))
                    .map(|_| codes[rng.below(codes.len())].clone())
                    .collect(),
                status: AmendmentStatus::Tabled,
                simulated: true,
            }
        })
        .collect()
}

/// The next version: 40% of the paragraphs edited, five moved, five added,
/// five deleted.
fn revise(rng: &mut SplitMix, text: &DraftText, vocab: &[String]) -> DraftText {
    let nodes = paragraphs(text);
    let mut edits = Vec::new();
    let mut touched = std::collections::HashSet::new();
    for node in &nodes {
        if rng.below(10) < 4 {
            let (from, to) = word_span(rng, &node.text, 6);
            edits.push(Edit {
                operation: Operation::ReplaceText {
                    node: node.wid.clone(),
                    from,
                    to,
                    text: sentence(rng, vocab, 5).trim_end_matches('.').to_owned(),
                },
                source: Source::CoFacilitators,
            });
            touched.insert(node.wid.clone());
        }
    }
    let tops: Vec<&Node> = text
        .iter()
        .filter(|n| n.kind == NodeKind::Paragraph && n.children.is_empty())
        .collect();
    let mut pick = |rng: &mut SplitMix| loop {
        let n = tops[rng.below(tops.len())];
        if touched.insert(n.wid.clone()) {
            return n.wid.clone();
        }
    };
    for _ in 0..5 {
        let (node, after) = (pick(rng), pick(rng));
        edits.push(Edit {
            operation: Operation::MoveNode { node, after },
            source: Source::CoFacilitators,
        });
    }
    for _ in 0..5 {
        let after = pick(rng);
        edits.push(Edit {
            operation: Operation::AddNode {
                after,
                kind: NodeKind::Paragraph,
                heading: String::new(),
                text: sentence(rng, vocab, 60),
            },
            source: Source::CoFacilitators,
        });
    }
    for _ in 0..5 {
        let node = pick(rng);
        edits.push(Edit {
            operation: Operation::DeleteNode { node },
            source: Source::CoFacilitators,
        });
    }
    apply(text, &edits).expect("a valid revision").0
}

/// The compilation text as HTML, as the portal renders it (markup only).
fn render(text: &DraftText, proposals: &[Proposal]) -> String {
    let c = compile(text, proposals, &ProposalFilter::default());
    let mut html = String::with_capacity(1 << 20);
    for node in &c.nodes {
        let _ = write!(
            html,
            "<div id=\"{}\"><p><span class=\"num\">{}</span> ",
            node.placed.wid, node.placed.num
        );
        for seg in &node.segments {
            match seg {
                Segment::Text { text, deleted_by } if deleted_by.is_empty() => html.push_str(text),
                Segment::Text { text, deleted_by } => {
                    let _ = write!(html, "<del>{text}</del><sup>");
                    for &i in deleted_by {
                        let p = &c.proposals[i];
                        let _ = write!(html, "A{} {} ", p.number, p.proposers.join(", "));
                    }
                    html.push_str("</sup>");
                }
                Segment::Insert { text, by } => {
                    let p = &c.proposals[*by];
                    let _ = write!(
                        html,
                        "<ins>{text}</ins><sup>A{} {}</sup>",
                        p.number,
                        p.proposers.join(", ")
                    );
                }
            }
        }
        for &i in node.delete_proposed_by.iter().chain(&node.proposed_after) {
            let p = &c.proposals[i];
            let _ = write!(
                html,
                "<p class=\"node-proposal\">A{} {}</p>",
                p.number,
                p.proposers.join(", ")
            );
        }
        html.push_str("</p></div>\n");
    }
    html
}

fn stats(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| ms(samples[((samples.len() as f64 - 1.0) * q).round() as usize]);
    (p(0.5), p(0.99))
}

fn main() {
    let mut seed = 42u64;
    let mut rounds = 50usize;
    let mut dump = None;
    let mut json = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--rounds N");
            }
            "--dump" => dump = args.next(),
            "--json" => json = args.next(),
            other => {
                eprintln!("usage: bench_negotiation [--seed S] [--rounds R] [--dump FILE] [--json FILE] (not {other})");
                std::process::exit(2);
            }
        }
    }
    let vocab = vocabulary();
    let mut rng = SplitMix(seed);
    let v1 = draft(&mut rng, &vocab);
    let proposals = amendments(&mut rng, &v1, &vocab);
    let v2 = revise(&mut rng, &v1, &vocab);
    let nodes = v1.iter().count();
    println!(
        "draft: {} nodes, {} words; {} amendments; next version: {} nodes, {} words",
        nodes,
        v1.word_count(),
        proposals.len(),
        v2.iter().count(),
        v2.word_count()
    );

    // Warm up once, then time.
    let html = render(&v1, &proposals);
    let mut compile_samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        let out = render(&v1, &proposals);
        compile_samples.push(t.elapsed());
        assert_eq!(out.len(), html.len());
    }
    let r = redline(&v1, &v2);
    let mut redline_samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        let out = redline(&v1, &v2);
        redline_samples.push(t.elapsed());
        assert_eq!(out.summary, r.summary);
    }
    let (c50, c99) = stats(compile_samples);
    let (r50, r99) = stats(redline_samples);
    println!("compilation text (compile + render HTML, {} KB): p50 {c50:.2} ms, p99 {c99:.2} ms   (goal: under 50 ms)", html.len() / 1024);
    println!(
        "redline ({} added, {} deleted, {} changed, {} moved): p50 {r50:.2} ms, p99 {r99:.2} ms   (goal: under 10 ms)",
        r.summary.added, r.summary.deleted, r.summary.changed, r.summary.moved
    );

    if let Some(path) = dump {
        // The node pairs a redline diffs word by word: (old, new) of every
        // node in both versions, headings and texts.
        let mut pairs = Vec::new();
        for node in v2.iter() {
            if let Some(old) = v1.find(&node.wid) {
                pairs.push((old.heading.clone(), node.heading.clone()));
                pairs.push((old.text.clone(), node.text.clone()));
            }
        }
        let mut out = String::from("[");
        for (i, (a, b)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "[{},{}]", json_string(a), json_string(b));
        }
        out.push(']');
        std::fs::write(&path, out).expect("write the dump");
    }
    if let Some(path) = json {
        let out = format!(
            "{{\"nodes\":{nodes},\"words\":{},\"amendments\":{},\"rounds\":{rounds},\"compile_p50_ms\":{c50},\"compile_p99_ms\":{c99},\"redline_p50_ms\":{r50},\"redline_p99_ms\":{r99}}}",
            v1.word_count(),
            proposals.len()
        );
        std::fs::write(&path, out).expect("write the results");
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
