//! Shared by the integration tests: the UDHR in the six languages, and
//! documents and readers with sensible defaults.
#![allow(dead_code)]

use accord_search::{Distribution, Language, Reader, SearchDoc, SearchIndex};

/// "Now" in the tests: 2025-01-01T00:00:00Z.
pub const NOW: i64 = 1_735_689_600;

pub fn public() -> Reader {
    Reader::everywhere(Distribution::Public, NOW)
}

pub fn member_states() -> Reader {
    Reader::everywhere(Distribution::MemberStates, NOW)
}

pub fn secretariat() -> Reader {
    Reader::everywhere(Distribution::Secretariat, NOW)
}

/// A public statement by Mexico at the GCM in 2024, with defaults for the rest.
pub fn doc(kind: &str, item_id: i64, language: Language, title: &str, body: &str) -> SearchDoc {
    SearchDoc {
        key: format!("{kind}:{item_id}:{}", language.as_str()),
        kind: kind.to_string(),
        item_id,
        process: "gcm".to_string(),
        meeting: None,
        meeting_kind: None,
        actor: Some("MEX".to_string()),
        actor_kind: Some("member_state".to_string()),
        themes: Vec::new(),
        language,
        year: 2024,
        document_kind: None,
        title: title.to_string(),
        body: body.to_string(),
        url: format!("/{kind}s/{item_id}?lang={}", language.as_str()),
        distribution: Distribution::Public,
        embargo_until: None,
        synthetic: false,
    }
}

pub fn query(text: &str) -> accord_search::Query {
    accord_search::Query {
        text: text.to_string(),
        filters: Vec::new(),
        limit: 100,
        offset: 0,
    }
}

pub fn keys(results: &accord_search::Results) -> Vec<String> {
    let mut keys: Vec<String> = results.hits.iter().map(|h| h.key.clone()).collect();
    keys.sort();
    keys
}

fn udhr_file(language: Language) -> &'static str {
    match language {
        Language::Ar => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/arb.html"
        )),
        Language::Zh => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/cmn_hans.html"
        )),
        Language::En => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/eng.html"
        )),
        Language::Fr => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/fra.html"
        )),
        Language::Ru => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/rus.html"
        )),
        Language::Es => include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/udhr/spa.html"
        )),
    }
}

/// The 30 articles of the Universal Declaration of Human Rights in `language`:
/// (number, heading, text).
pub fn udhr(language: Language) -> Vec<(i64, String, String)> {
    let html = udhr_file(language);
    html.split("<article data-number=\"")
        .skip(1)
        .map(|chunk| {
            let (number, rest) = chunk.split_once('"').expect("article number");
            let article = rest.split("</article>").next().unwrap_or_default();
            let heading = between(article, "<h2>", "</h2>").unwrap_or_default();
            let text = strip_tags(article.split_once("</h2>").map_or(article, |(_, t)| t));
            (number.parse().expect("numeric article"), heading, text)
        })
        .collect()
}

fn between(s: &str, open: &str, close: &str) -> Option<String> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(s[start..end].trim().to_string())
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The UDHR's articles as documents: kind "document", item id = article number.
pub fn udhr_docs(language: Language) -> Vec<SearchDoc> {
    udhr(language)
        .into_iter()
        .map(|(n, heading, text)| SearchDoc {
            document_kind: Some("declaration".to_string()),
            actor: None,
            actor_kind: None,
            year: 1948,
            process: "udhr".to_string(),
            ..doc("document", n, language, &heading, &text)
        })
        .collect()
}

/// An in-memory index holding the UDHR in the six languages (180 documents).
pub fn udhr_index() -> SearchIndex {
    let index = SearchIndex::in_memory().expect("index");
    for &language in Language::ALL {
        index.upsert(&udhr_docs(language)).expect("upsert");
    }
    index
}
