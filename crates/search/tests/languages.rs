//! The analysers of the six UN languages, on the UDHR and on texts of our own.

mod common;

use accord_search::analysis::{index_terms, query_terms};
use accord_search::{Language, SearchIndex};
use common::*;

#[test]
fn udhr_parses_into_thirty_articles_in_each_language() {
    for &language in Language::ALL {
        let articles = udhr(language);
        assert_eq!(articles.len(), 30, "{language}");
        assert!(articles.iter().all(|(_, _, text)| !text.is_empty()));
    }
}

#[test]
fn each_language_finds_article_one_by_its_own_word_for_dignity() {
    let index = udhr_index();
    assert_eq!(index.doc_count(), 180);
    for (language, word) in [
        (Language::En, "dignity"),
        (Language::Fr, "dignité"),
        (Language::Es, "dignidad"),
        (Language::Ru, "достоинстве"),
        (Language::Ar, "الكرامة"),
        (Language::Zh, "尊严"),
    ] {
        let results = index.search(&public(), &query(word)).unwrap();
        let first_article = format!("document:1:{}", language.as_str());
        assert!(
            results.hits.iter().any(|h| h.key == first_article),
            "{word}: {:?}",
            keys(&results)
        );
        assert!(
            results.hits.iter().all(|h| h.language == language),
            "{word} matched another language: {:?}",
            keys(&results)
        );
    }
}

#[test]
fn stemming_matches_plural_and_singular() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[
            doc(
                "statement",
                1,
                Language::En,
                "Migrant workers",
                "Every migrant has rights.",
            ),
            doc(
                "statement",
                2,
                Language::Fr,
                "Travailleur",
                "Chaque travailleur migrant a des droits.",
            ),
            doc(
                "statement",
                3,
                Language::Es,
                "Trabajador",
                "Cada trabajador migrante tiene derechos.",
            ),
            doc(
                "statement",
                4,
                Language::Ru,
                "Мигрант",
                "Каждый мигрант имеет права на объём помощи.",
            ),
        ])
        .unwrap();
    for (text, key) in [
        ("migrants", "statement:1:en"),
        ("right", "statement:1:en"),
        ("travailleurs migrants", "statement:2:fr"),
        ("trabajadores migrantes", "statement:3:es"),
        ("мигрантов", "statement:4:ru"),
        ("мигранты", "statement:4:ru"),
        // ё and е are one letter for search.
        ("объем", "statement:4:ru"),
    ] {
        let results = index.search(&public(), &query(text)).unwrap();
        // French "migrant" is English "migrant" too: other languages may match
        // as well, but the intended one must.
        assert!(
            keys(&results).contains(&key.to_string()),
            "{text}: {:?}",
            keys(&results)
        );
    }
    // The singular and the plural are one term.
    assert_eq!(
        query_terms(Language::En, "migrants"),
        query_terms(Language::En, "migrant")
    );
    assert_eq!(
        query_terms(Language::Fr, "travailleurs"),
        query_terms(Language::Fr, "travailleur")
    );
    assert_eq!(
        query_terms(Language::Es, "trabajadores migrantes"),
        query_terms(Language::Es, "trabajador migrante")
    );
    assert_eq!(
        query_terms(Language::Ru, "мигрантов"),
        query_terms(Language::Ru, "мигрант")
    );
    // And in the UDHR: "freedoms" finds the articles that say "freedom".
    let udhr = udhr_index();
    let results = udhr.search(&public(), &query("freedoms")).unwrap();
    assert!(results.hits.iter().any(|h| h.key == "document:18:en"));
}

#[test]
fn stop_words_of_one_language_are_not_required_in_another() {
    let index = udhr_index();
    // "the", "to" are English stop words; the query still finds article 23 in
    // English, and no French article needs to contain "the".
    let results = index
        .search(&public(), &query("the right to work"))
        .unwrap();
    assert!(results.hits.iter().any(|h| h.key == "document:23:en"));
    // French stop words likewise.
    let results = index
        .search(&public(), &query("le droit au travail"))
        .unwrap();
    assert!(
        results.hits.iter().any(|h| h.key == "document:23:fr"),
        "{:?}",
        keys(&results)
    );
}

#[test]
fn arabic_normaliser_matches_variant_spellings() {
    // The normaliser on its own.
    assert_eq!(
        index_terms(Language::Ar, "أحرارًا"),
        index_terms(Language::Ar, "احرارا")
    );
    assert_eq!(
        index_terms(Language::Ar, "الهجرة"),
        index_terms(Language::Ar, "الهجـــره")
    );
    assert_eq!(
        index_terms(Language::Ar, "مستشفى"),
        index_terms(Language::Ar, "مستشفي")
    );
    assert_eq!(
        index_terms(Language::Ar, "إعلان"),
        index_terms(Language::Ar, "اعلان")
    );

    // In the index: article 1 writes أحرارًا (hamza, tanween).
    let index = udhr_index();
    let results = index.search(&public(), &query("احرارا")).unwrap();
    assert!(
        results.hits.iter().any(|h| h.key == "document:1:ar"),
        "{:?}",
        keys(&results)
    );

    let mine = SearchIndex::in_memory().unwrap();
    mine.upsert(&[doc(
        "statement",
        7,
        Language::Ar,
        "الهجرة الآمنة",
        "حماية حقوق المُهاجِرين في المستشفى والجامعة",
    )])
    .unwrap();
    for text in [
        "المهاجرين",
        "المُهاجِرين",
        "المهـــاجرين",
        "الهجره",
        "الامنه",
        "المستشفي",
        "الجامعه",
    ] {
        let results = mine.search(&public(), &query(text)).unwrap();
        assert_eq!(keys(&results), ["statement:7:ar"], "{text}");
    }
}

#[test]
fn chinese_is_segmented_with_jieba() {
    let terms = index_terms(Language::Zh, "移民问题是全球性的挑战。");
    assert!(terms.contains(&"移民".to_string()), "{terms:?}");
    assert!(terms.contains(&"问题".to_string()), "{terms:?}");
    assert!(!terms.iter().any(|t| t == "。"), "punctuation is dropped");
    // A query is cut into words without the inner words.
    assert_eq!(query_terms(Language::Zh, "移民"), ["移民"]);

    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(&[
            doc(
                "input",
                1,
                Language::Zh,
                "移民问题",
                "国际移民问题需要各国合作解决。",
            ),
            doc("input", 2, Language::Zh, "气候", "气候变化影响农业。"),
        ])
        .unwrap();
    for text in ["移民", "问题", "合作", "\"移民问题\""] {
        let results = index.search(&public(), &query(text)).unwrap();
        assert_eq!(keys(&results), ["input:1:zh"], "{text}");
    }
    // In the UDHR: article 1 says 尊严 (dignity) and 权利 (rights).
    let udhr = udhr_index();
    let results = udhr.search(&public(), &query("尊严 权利")).unwrap();
    assert!(results.hits.iter().any(|h| h.key == "document:1:zh"));
    assert!(results.hits.iter().all(|h| h.language == Language::Zh));
}

#[test]
fn language_facet_filters_to_one_language() {
    let index = udhr_index();
    let mut q = query("");
    q.filters = vec![(accord_search::Facet::Language, "ru".to_string())];
    let results = index.search(&public(), &q).unwrap();
    assert_eq!(results.total, 30);
    assert!(results.hits.iter().all(|h| h.language == Language::Ru));
}
