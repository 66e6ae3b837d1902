//! Phrases, query syntax that does not parse, browsing, and snippets.

mod common;

use accord_search::{Facet, Language, SearchError, SearchIndex, MAX_OFFSET, MAX_QUERY_CHARS};
use common::*;

fn phrase_index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[
            doc(
                "recommendation",
                1,
                Language::En,
                "Objective",
                "We commit to facilitate safe, orderly and regular migration.",
            ),
            doc(
                "recommendation",
                2,
                Language::En,
                "Shuffled",
                "Migration that is regular and orderly is not always safe.",
            ),
            doc(
                "recommendation",
                3,
                Language::En,
                "Adjacent",
                "A safe orderly regular process.",
            ),
        ])
        .unwrap();
    index
}

#[test]
fn a_quoted_phrase_matches_only_that_phrase() {
    let index = phrase_index();
    let phrase = index
        .search(&public(), &query("\"safe orderly and regular\""))
        .unwrap();
    assert_eq!(keys(&phrase), ["recommendation:1:en"]);
    assert_eq!(phrase.total, 1);
    // The same words unquoted match wherever they are.
    let words = index
        .search(&public(), &query("safe orderly and regular"))
        .unwrap();
    assert_eq!(words.total, 3);

    // In the UDHR: article 19 and no other.
    let udhr = udhr_index();
    let results = udhr
        .search(&public(), &query("\"freedom of opinion and expression\""))
        .unwrap();
    assert_eq!(keys(&results), ["document:19:en"]);
    let results = udhr
        .search(&public(), &query("\"liberté d'opinion et d'expression\""))
        .unwrap();
    assert_eq!(keys(&results), ["document:19:fr"]);
}

#[test]
fn query_words_are_all_required() {
    let udhr = udhr_index();
    let both = udhr
        .search(&public(), &query("asylum persecution"))
        .unwrap();
    assert_eq!(keys(&both), ["document:14:en"]);
    let none = udhr
        .search(&public(), &query("asylum photosynthesis"))
        .unwrap();
    assert_eq!(none.total, 0);
    assert!(none.hits.is_empty());
}

#[test]
fn syntax_that_does_not_parse_is_read_as_words() {
    let index = phrase_index();
    for text in [
        "\"safe orderly",
        "safe orderly\"",
        "(safe orderly",
        "safe) AND (",
        "nofield:safe",
        "safe:",
        "^safe~",
        "[safe TO",
        "\\",
        "\"",
        "-",
        "AND OR NOT",
        "+++",
    ] {
        let result = index.search(&public(), &query(text));
        assert!(
            matches!(result, Ok(_) | Err(SearchError::BadQuery(_))),
            "{text}: {result:?}"
        );
    }
    let results = index.search(&public(), &query("\"safe orderly")).unwrap();
    assert_eq!(results.total, 3, "unbalanced quote read as two words");
    let results = index
        .search(&public(), &query("\"orderly and regular\" \"safe"))
        .unwrap();
    assert_eq!(
        keys(&results),
        ["recommendation:1:en"],
        "the balanced phrase holds"
    );
    let results = index.search(&public(), &query("nofield:safe")).unwrap();
    assert_eq!(results.total, 0, "read as the words nofield and safe");
    let results = index.search(&public(), &query("(safe orderly")).unwrap();
    assert_eq!(results.total, 3, "unbalanced parenthesis read as words");
}

#[test]
fn limits_are_bad_queries_not_panics() {
    let index = phrase_index();
    let long = "word ".repeat(MAX_QUERY_CHARS);
    assert!(matches!(
        index.search(&public(), &query(&long)),
        Err(SearchError::BadQuery(_))
    ));
    let mut deep = query("safe");
    deep.offset = MAX_OFFSET + 1;
    assert!(matches!(
        index.search(&public(), &deep),
        Err(SearchError::BadQuery(_))
    ));
    let mut nothing = query("safe");
    nothing.limit = 0;
    let results = index.search(&public(), &nothing).unwrap();
    assert_eq!(results.total, 3);
    assert!(results.hits.is_empty());
    let mut bad_year = query("");
    bad_year.filters = vec![(Facet::Year, "last year".into())];
    let err = index.search(&public(), &bad_year).unwrap_err();
    assert!(err.to_string().contains("year"), "{err}");
    assert!(matches!(
        "colour".parse::<Facet>(),
        Err(SearchError::BadQuery(_))
    ));
}

#[test]
fn empty_text_browses_newest_first() {
    let index = SearchIndex::in_memory().unwrap();
    let mut docs = Vec::new();
    for (id, year) in [(1, 2019), (2, 2024), (3, 2021), (4, 2024)] {
        docs.push(accord_search::SearchDoc {
            year,
            ..doc("input", id, Language::En, "Input", "Text of an input.")
        });
    }
    index.upsert(&docs).unwrap();
    let results = index.search(&public(), &query("  ")).unwrap();
    assert_eq!(results.total, 4);
    let years: Vec<i32> = results.hits.iter().map(|h| h.year).collect();
    assert_eq!(years, [2024, 2024, 2021, 2019]);
    assert!(results.hits.iter().all(|h| h.score == 0.0));
    assert_eq!(results.hits[0].snippet_html, "Text of an input.");
    // Browsing with a filter.
    let mut q = query("");
    q.filters = vec![(Facet::Year, "2024".into())];
    let results = index.search(&public(), &q).unwrap();
    assert_eq!(keys(&results), ["input:2:en", "input:4:en"]);
}

#[test]
fn snippets_mark_matches_and_escape_everything_else() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[doc(
            "input",
            1,
            Language::En,
            "Tricky <b>title</b>",
            "Migration & mobility: <script>alert('x')</script> \"quotes\" and migrants' rights.",
        )])
        .unwrap();
    let results = index
        .search(&public(), &query("migration migrant"))
        .unwrap();
    let html = &results.hits[0].snippet_html;
    assert!(html.contains("<mark>Migration</mark>"), "{html}");
    assert!(html.contains("<mark>migrants</mark>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("&amp; mobility"), "{html}");
    assert!(html.contains("&quot;quotes&quot;"), "{html}");
    assert!(html.ends_with("rights."), "the whole body fits: {html}");
    let unmarked = html.replace("<mark>", "").replace("</mark>", "");
    assert!(!unmarked.contains('<') && !unmarked.contains('>'), "{html}");
    // The title is returned as text, for the caller to escape.
    assert_eq!(results.hits[0].title, "Tricky <b>title</b>");
}

#[test]
fn snippets_come_from_the_language_that_matched() {
    let udhr = udhr_index();
    for (text, language, marked) in [
        ("достоинстве", Language::Ru, "<mark>достоинстве</mark>"),
        ("尊严", Language::Zh, "<mark>尊严</mark>"),
        ("الكرامة", Language::Ar, "<mark>الكرامة</mark>"),
        ("dignité", Language::Fr, "<mark>dignité</mark>"),
    ] {
        let mut q = query(text);
        q.filters = vec![(Facet::Language, language.as_str().into())];
        let results = udhr.search(&public(), &q).unwrap();
        let first = results
            .hits
            .iter()
            .find(|h| h.key == format!("document:1:{}", language.as_str()))
            .unwrap_or_else(|| panic!("{text}: {:?}", keys(&results)));
        assert!(
            first.snippet_html.contains(marked),
            "{}",
            first.snippet_html
        );
        assert!(first.score > 0.0);
    }
    // A long article: the snippet is a window around the match, with ellipses.
    let results = udhr.search(&public(), &query("asylum")).unwrap();
    let html = &results.hits[0].snippet_html;
    assert!(html.contains("<mark>asylum</mark>"), "{html}");
    assert!(html.len() < 400, "{html}");
}

#[test]
fn hits_carry_what_the_page_shows() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[accord_search::SearchDoc {
            synthetic: true,
            actor: Some("EU".into()),
            ..doc(
                "statement",
                42,
                Language::Es,
                "Declaración",
                "Los migrantes y sus derechos.",
            )
        }])
        .unwrap();
    let results = index.search(&public(), &query("migrante")).unwrap();
    let hit = &results.hits[0];
    assert_eq!(hit.key, "statement:42:es");
    assert_eq!(hit.kind, "statement");
    assert_eq!(hit.item_id, 42);
    assert_eq!(hit.title, "Declaración");
    assert_eq!(hit.url, "/statements/42?lang=es");
    assert_eq!(hit.language, Language::Es);
    assert!(hit.synthetic);
    assert_eq!(hit.process, "gcm");
    assert_eq!(hit.actor.as_deref(), Some("EU"));
    assert_eq!(hit.year, 2024);
}

#[test]
fn random_query_syntax_never_panics() {
    let index = phrase_index();
    let pieces = [
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        "^",
        "~",
        "+",
        "-",
        "!",
        "*",
        "?",
        "\\",
        "/",
        " ",
        "AND",
        "OR",
        "NOT",
        "TO",
        "IN",
        "safe",
        "orderly",
        "regular",
        "移民",
        "الهجرة",
        "title_en",
        "key",
        "year",
        "facets",
        "2",
        "1.5",
        "<",
        ">",
        "=",
        "\u{0}",
        "\u{0301}",
        "ـ",
    ];
    // A fixed sequence of 600 random queries (SplitMix64).
    let mut state: u64 = 7;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as usize
    };
    for _ in 0..600 {
        let text: String = (0..1 + next() % 8)
            .map(|_| pieces[next() % pieces.len()])
            .collect();
        match index.search(&public(), &query(&text)) {
            Ok(results) => assert!(results.hits.len() <= results.total),
            Err(SearchError::BadQuery(message)) => assert!(!message.is_empty()),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }
}
