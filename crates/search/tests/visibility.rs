//! Who sees what: distribution and embargo are part of the query, so totals,
//! pages and facet counts never include what the reader may not see. And the
//! facets themselves: counts and filters.

mod common;

use std::collections::BTreeSet;

use accord_search::{Distribution, Facet, Language, Reader, SearchDoc, SearchIndex};
use common::*;

const FUTURE: i64 = NOW + 86_400;
const PAST: i64 = NOW - 86_400;

/// 26 statements that all mention migration:
/// - 10 public (ids 1–10), 2 public whose embargo has passed (11–12);
/// - 4 public under embargo (21–24), actor "EMB", theme "embargoed";
/// - 5 for member states (31–35), actor "RES", theme "restricted";
/// - 2 for member states under embargo (41–42), actor "RES";
/// - 3 for the secretariat (51–53), actor "SEC", theme "internal".
fn visibility_index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    let mut docs = Vec::new();
    let mut add = |ids: std::ops::RangeInclusive<i64>,
                   distribution: Distribution,
                   embargo_until: Option<i64>,
                   actor: &str,
                   theme: &str| {
        for id in ids {
            docs.push(SearchDoc {
                distribution,
                embargo_until,
                actor: Some(actor.to_string()),
                themes: vec![theme.to_string()],
                year: 2020 + (id % 5) as i32,
                ..doc(
                    "statement",
                    id,
                    Language::En,
                    &format!("Statement {id}"),
                    "On safe, orderly and regular migration.",
                )
            });
        }
    };
    add(1..=10, Distribution::Public, None, "MEX", "labour");
    add(11..=12, Distribution::Public, Some(PAST), "MEX", "labour");
    add(
        21..=24,
        Distribution::Public,
        Some(FUTURE),
        "EMB",
        "embargoed",
    );
    add(
        31..=35,
        Distribution::MemberStates,
        None,
        "RES",
        "restricted",
    );
    add(
        41..=42,
        Distribution::MemberStates,
        Some(FUTURE),
        "RES",
        "restricted",
    );
    add(51..=53, Distribution::Secretariat, None, "SEC", "internal");
    index.upsert(&docs).unwrap();
    index
}

fn ids(range: std::ops::RangeInclusive<i64>) -> BTreeSet<String> {
    range.map(|id| format!("statement:{id}:en")).collect()
}

fn expected(reader: &Reader) -> BTreeSet<String> {
    let mut keys = ids(1..=12);
    if reader.sees >= Distribution::MemberStates {
        keys.extend(ids(31..=35));
    }
    if reader.sees == Distribution::Secretariat {
        keys.extend(ids(21..=24));
        keys.extend(ids(41..=42));
        keys.extend(ids(51..=53));
    }
    keys
}

/// Every page, `limit` at a time, until a page comes back empty.
fn all_pages(index: &SearchIndex, reader: &Reader, text: &str, limit: usize) -> Vec<String> {
    let mut keys = Vec::new();
    let mut offset = 0;
    loop {
        let mut q = query(text);
        q.limit = limit;
        q.offset = offset;
        let page = index.search(reader, &q).unwrap();
        assert!(page.hits.len() <= limit);
        if page.hits.is_empty() {
            assert!(offset >= page.total, "an empty page before the end");
            return keys;
        }
        keys.extend(page.hits.into_iter().map(|h| h.key));
        offset += limit;
    }
}

fn check_reader(reader: Reader, total: usize) {
    let index = visibility_index();
    let visible = expected(&reader);
    assert_eq!(visible.len(), total);
    for text in ["migration", ""] {
        let results = index.search(&reader, &query(text)).unwrap();
        assert_eq!(results.total, total, "{:?} {text:?}", reader.sees);
        let seen: BTreeSet<String> = results.hits.iter().map(|h| h.key.clone()).collect();
        assert_eq!(seen, visible, "{:?} {text:?}", reader.sees);

        // Facet counts add up to the visible documents, and only those.
        let actors: u64 = results.facet(Facet::Actor).iter().map(|(_, n)| n).sum();
        assert_eq!(actors, total as u64);
        let years: u64 = results.facet(Facet::Year).iter().map(|(_, n)| n).sum();
        assert_eq!(years, total as u64);
        assert_eq!(
            results.facet(Facet::Language),
            [("en".to_string(), total as u64)]
        );
        let actor_names: BTreeSet<&str> = results
            .facet(Facet::Actor)
            .iter()
            .map(|(a, _)| a.as_str())
            .collect();
        let themes: BTreeSet<&str> = results
            .facet(Facet::Theme)
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        match reader.sees {
            Distribution::Public => {
                assert_eq!(actor_names, BTreeSet::from(["MEX"]));
                assert_eq!(themes, BTreeSet::from(["labour"]));
            }
            Distribution::MemberStates => {
                assert_eq!(actor_names, BTreeSet::from(["MEX", "RES"]));
                assert_eq!(results.facet(Facet::Actor)[1], ("RES".to_string(), 5));
                assert_eq!(themes, BTreeSet::from(["labour", "restricted"]));
            }
            Distribution::Secretariat => {
                assert_eq!(actor_names, BTreeSet::from(["EMB", "MEX", "RES", "SEC"]));
                assert_eq!(results.facet(Facet::Actor)[1], ("RES".to_string(), 7));
            }
        }

        // Deep pages: paging through, small pages or large, yields exactly
        // the visible documents, each once.
        for limit in [1, 5, 7, 100] {
            let paged = all_pages(&index, &reader, text, limit);
            assert_eq!(paged.len(), total, "limit {limit}");
            assert_eq!(paged.into_iter().collect::<BTreeSet<_>>(), visible);
        }
        let mut beyond = query(text);
        beyond.offset = total;
        let results = index.search(&reader, &beyond).unwrap();
        assert!(results.hits.is_empty());
        assert_eq!(results.total, total);
    }

    // Filtering on a hidden value finds nothing, and counts nothing.
    if reader.sees == Distribution::Public {
        for (facet, value) in [(Facet::Actor, "SEC"), (Facet::Theme, "restricted")] {
            let mut q = query("migration");
            q.filters = vec![(facet, value.to_string())];
            let results = index.search(&reader, &q).unwrap();
            assert_eq!(results.total, 0);
            assert!(results.hits.is_empty());
            assert!(results.facets.iter().all(|(_, values)| values.is_empty()));
        }
    }
}

#[test]
fn the_public_sees_public_items_whose_embargo_has_passed() {
    check_reader(public(), 12);
}

#[test]
fn member_states_also_see_restricted_items_but_not_embargoed_ones() {
    check_reader(member_states(), 17);
}

#[test]
fn the_secretariat_sees_everything() {
    check_reader(secretariat(), 26);
}

#[test]
fn an_embargo_lifts_at_its_second() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[SearchDoc {
            embargo_until: Some(NOW),
            ..doc("document", 1, Language::Fr, "Rapport", "Les migrations.")
        }])
        .unwrap();
    let before = Reader::everywhere(Distribution::MemberStates, NOW - 1);
    let at = Reader::everywhere(Distribution::Public, NOW);
    assert_eq!(
        index.search(&before, &query("migrations")).unwrap().total,
        0
    );
    assert_eq!(index.search(&at, &query("migrations")).unwrap().total, 1);
    assert_eq!(index.search(&before, &query("")).unwrap().total, 0);
    let secretariat_before = Reader::everywhere(Distribution::Secretariat, NOW - 1);
    assert_eq!(
        index.search(&secretariat_before, &query("")).unwrap().total,
        1
    );
}

/// A process with statements by several actors, themes, meetings, years.
fn facet_index() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    let statement =
        |id: i64, actor: &str, actor_kind: &str, themes: &[&str], year: i32| SearchDoc {
            actor: Some(actor.to_string()),
            actor_kind: Some(actor_kind.to_string()),
            themes: themes
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            year,
            meeting: Some(format!("IMRF {year}")),
            meeting_kind: Some("review_forum".to_string()),
            ..doc(
                "statement",
                id,
                Language::En,
                "Statement",
                "Labour migration pathways.",
            )
        };
    index
        .upsert(&[
            statement(1, "MEX", "member_state", &["labour", "pathways"], 2022),
            statement(2, "MEX", "member_state", &["labour"], 2022),
            statement(3, "EU", "group", &["pathways"], 2022),
            statement(4, "IOM", "un_entity", &["labour", "data"], 2026),
            statement(5, "PHL", "member_state", &["labour"], 2026),
            SearchDoc {
                document_kind: Some("report".to_string()),
                actor: None,
                actor_kind: None,
                ..doc(
                    "document",
                    9,
                    Language::En,
                    "Report",
                    "Migration and labour data.",
                )
            },
        ])
        .unwrap();
    index
}

#[test]
fn facets_count_the_matches_by_value() {
    let index = facet_index();
    let results = index.search(&public(), &query("labour")).unwrap();
    assert_eq!(results.total, 6);
    assert_eq!(
        results.facet(Facet::Actor),
        [
            ("MEX".to_string(), 2),
            ("EU".to_string(), 1),
            ("IOM".to_string(), 1),
            ("PHL".to_string(), 1)
        ]
    );
    assert_eq!(
        results.facet(Facet::ActorKind),
        [
            ("member_state".to_string(), 3),
            ("group".to_string(), 1),
            ("un_entity".to_string(), 1)
        ]
    );
    assert_eq!(
        results.facet(Facet::Theme),
        [
            ("labour".to_string(), 4),
            ("pathways".to_string(), 2),
            ("data".to_string(), 1)
        ]
    );
    assert_eq!(
        results.facet(Facet::Year),
        [
            ("2022".to_string(), 3),
            ("2026".to_string(), 2),
            ("2024".to_string(), 1)
        ]
    );
    assert_eq!(
        results.facet(Facet::Kind),
        [("statement".to_string(), 5), ("document".to_string(), 1)]
    );
    assert_eq!(
        results.facet(Facet::DocumentKind),
        [("report".to_string(), 1)]
    );
    assert_eq!(results.facet(Facet::Process), [("gcm".to_string(), 6)]);
    assert_eq!(
        results.facet(Facet::MeetingKind),
        [("review_forum".to_string(), 5)]
    );
    assert_eq!(
        results.facet(Facet::Meeting),
        [("IMRF 2022".to_string(), 3), ("IMRF 2026".to_string(), 2)]
    );
    // Every facet is reported, in Facet::ALL order.
    let order: Vec<Facet> = results.facets.iter().map(|(f, _)| *f).collect();
    assert_eq!(order, Facet::ALL);
}

#[test]
fn filters_narrow_and_across_facets_or_within_one() {
    let index = facet_index();
    let run = |filters: &[(Facet, &str)]| {
        let mut q = query("labour");
        q.filters = filters.iter().map(|(f, v)| (*f, v.to_string())).collect();
        index.search(&public(), &q).unwrap()
    };
    let mex = run(&[(Facet::Actor, "MEX")]);
    assert_eq!(keys(&mex), ["statement:1:en", "statement:2:en"]);
    assert_eq!(mex.total, 2);
    // Counts follow the filters.
    assert_eq!(
        mex.facet(Facet::Theme),
        [("labour".to_string(), 2), ("pathways".to_string(), 1)]
    );

    let mex_pathways = run(&[(Facet::Actor, "MEX"), (Facet::Theme, "pathways")]);
    assert_eq!(keys(&mex_pathways), ["statement:1:en"]);

    let mex_or_eu = run(&[(Facet::Actor, "MEX"), (Facet::Actor, "EU")]);
    assert_eq!(mex_or_eu.total, 3);

    let in_2026_by_states = run(&[(Facet::Year, "2026"), (Facet::ActorKind, "member_state")]);
    assert_eq!(keys(&in_2026_by_states), ["statement:5:en"]);

    let reports = run(&[(Facet::DocumentKind, "report"), (Facet::Kind, "document")]);
    assert_eq!(keys(&reports), ["document:9:en"]);

    let meeting = run(&[
        (Facet::Meeting, "IMRF 2022"),
        (Facet::MeetingKind, "review_forum"),
    ]);
    assert_eq!(meeting.total, 3);

    let nobody = run(&[(Facet::Actor, "XXX")]);
    assert_eq!(nobody.total, 0);
    let other_process = run(&[(Facet::Process, "other")]);
    assert_eq!(other_process.total, 0);
    let french = run(&[(Facet::Language, "fr")]);
    assert_eq!(french.total, 0);
}

#[test]
fn facet_names_parse_and_print() {
    for &facet in Facet::ALL {
        assert_eq!(facet.as_str().parse::<Facet>().unwrap(), facet);
        assert_eq!(facet.to_string(), facet.as_str());
    }
    assert_eq!("meeting_kind".parse::<Facet>().unwrap(), Facet::MeetingKind);
    assert_eq!(
        "document_kind".parse::<Facet>().unwrap(),
        Facet::DocumentKind
    );
    assert!("Meeting".parse::<Facet>().is_err());
}

/// Two processes, each with items at every distribution, embargoed or not.
/// A reader's clearance holds per process: a grant in "b" never shows a
/// restricted, secretariat-only or embargoed item of "a", whatever the
/// filters ask (none, "a", "b", both, repeated, in any order).
#[test]
fn clearance_holds_per_process_whatever_the_filters() {
    let index = SearchIndex::in_memory().unwrap();
    let mut docs = vec![];
    let mut id = 0;
    let kinds = [
        (Distribution::Public, None),
        (Distribution::Public, Some(FUTURE)),
        (Distribution::MemberStates, None),
        (Distribution::MemberStates, Some(FUTURE)),
        (Distribution::Secretariat, None),
    ];
    for process in ["a", "b"] {
        for (distribution, embargo_until) in kinds {
            id += 1;
            docs.push(SearchDoc {
                process: process.to_string(),
                distribution,
                embargo_until,
                ..doc(
                    "statement",
                    id,
                    Language::En,
                    &format!("Statement {id}"),
                    "On safe, orderly and regular migration.",
                )
            });
        }
    }
    index.upsert(&docs).unwrap();
    let visible_to = |sees: Distribution, d: &SearchDoc| {
        sees == Distribution::Secretariat
            || (d.distribution <= sees && d.embargo_until.is_none_or(|e| e <= NOW))
    };
    let readers: Vec<Reader> = {
        let mut all = vec![];
        for base in [Distribution::Public, Distribution::MemberStates] {
            for a in Distribution::ALL {
                for b in Distribution::ALL {
                    all.push(Reader {
                        sees: base,
                        processes: vec![("a".into(), *a), ("b".into(), *b)],
                        now: NOW,
                    });
                }
            }
        }
        all.push(Reader::everywhere(Distribution::Secretariat, NOW));
        all
    };
    let filter_sets: Vec<Vec<&str>> = vec![
        vec![],
        vec!["a"],
        vec!["b"],
        vec!["a", "b"],
        vec!["b", "a"],
        vec!["b", "b", "a"],
        vec!["c"],
    ];
    for reader in &readers {
        let sees_in = |process: &str| {
            reader
                .processes
                .iter()
                .find(|(p, _)| p == process)
                .map_or(reader.sees, |(_, s)| (*s).max(reader.sees))
        };
        for filters in &filter_sets {
            for text in ["migration", ""] {
                let mut q = query(text);
                q.limit = 100;
                q.filters = filters
                    .iter()
                    .map(|p| (Facet::Process, (*p).to_string()))
                    .collect();
                let results = index.search(reader, &q).unwrap();
                let want: BTreeSet<String> = docs
                    .iter()
                    .filter(|d| filters.is_empty() || filters.contains(&d.process.as_str()))
                    .filter(|d| visible_to(sees_in(&d.process), d))
                    .map(|d| d.key.clone())
                    .collect();
                let got: BTreeSet<String> = results.hits.iter().map(|h| h.key.clone()).collect();
                assert_eq!(got, want, "{reader:?} {filters:?} {text:?}");
                assert_eq!(results.total, want.len(), "{reader:?} {filters:?}");
                let counted: u64 = results.facet(Facet::Process).iter().map(|(_, n)| n).sum();
                assert_eq!(counted, want.len() as u64, "{reader:?} {filters:?}");
            }
        }
    }
}
