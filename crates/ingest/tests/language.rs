//! Language detection picks the right one of the six UN languages on UDHR text.

mod common;

use accord_ingest::{detect_language, Language};
use common::*;

#[test]
fn udhr_articles_are_detected_in_each_language() {
    for (code, _) in UDHR {
        let Some(blocks) = udhr_blocks(code) else {
            return;
        };
        let expected: Language = code.parse().expect("code");
        // The whole text, and each paragraph of some length on its own.
        let all: String = paragraphs(&blocks).join("\n");
        let detected = detect_language(&all).expect("detected");
        assert_eq!(detected.language, expected, "{code}: whole text");
        assert!(detected.confidence > 0.5, "{code}: {}", detected.confidence);

        // Ideographs carry about three letters' worth each.
        let min_chars = if *code == "zh" { 20 } else { 60 };
        let mut tried = 0;
        for paragraph in paragraphs(&blocks) {
            if paragraph.chars().count() < min_chars {
                continue;
            }
            tried += 1;
            let detected = detect_language(paragraph)
                .unwrap_or_else(|| panic!("{code}: nothing detected for {paragraph:?}"));
            assert_eq!(detected.language, expected, "{code}: {paragraph:?}");
        }
        assert!(tried > 20, "{code}: only {tried} paragraphs tried");
    }
}

#[test]
fn short_or_foreign_text_is_not_guessed() {
    assert_eq!(detect_language(""), None);
    assert_eq!(detect_language("OK"), None);
    assert_eq!(detect_language("12345 67890 !!!"), None);
    // Japanese kana is none of the six.
    assert_eq!(
        detect_language(
            "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"
        ),
        None
    );
}

#[test]
fn short_headings_in_distinct_scripts_are_detected() {
    for (text, expected) in [
        ("الإعلان العالمي لحقوق الإنسان", Language::Ar),
        ("世界人权宣言 第一条", Language::Zh),
        ("Всеобщая декларация прав человека", Language::Ru),
    ] {
        assert_eq!(
            detect_language(text).map(|d| d.language),
            Some(expected),
            "{text}"
        );
    }
}
