//! Which of the six UN languages a text is in.

use std::sync::OnceLock;

use whatlang::{Detector, Lang};

use crate::{Block, Detected, Language};

/// Texts with fewer letters than this are too short to tell.
const MIN_LETTERS: usize = 12;
/// Letters read at most: a long document's opening is enough, and detection stays fast.
const SAMPLE_CHARS: usize = 20_000;
/// Below this confidence the answer is a guess.
const MIN_CONFIDENCE: f64 = 0.4;

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        Detector::with_allowlist(vec![
            Lang::Ara,
            Lang::Cmn,
            Lang::Eng,
            Lang::Fra,
            Lang::Rus,
            Lang::Spa,
        ])
    })
}

fn to_language(lang: Lang) -> Option<Language> {
    match lang {
        Lang::Ara => Some(Language::Ar),
        Lang::Cmn => Some(Language::Zh),
        Lang::Eng => Some(Language::En),
        Lang::Fra => Some(Language::Fr),
        Lang::Rus => Some(Language::Ru),
        Lang::Spa => Some(Language::Es),
        _ => None,
    }
}

/// Detects which of the six UN languages a text is in (whatlang restricted to those six);
/// None when unsure or too short.
pub fn detect_language(text: &str) -> Option<Detected> {
    let sample: String = text.chars().take(SAMPLE_CHARS).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    // Ideographs carry more per character than letters do.
    let ideographs = sample.chars().filter(|c| crate::sink::is_cjk(*c)).count();
    if letters < MIN_LETTERS && ideographs < MIN_LETTERS / 2 {
        return None;
    }
    let info = detector().detect(&sample)?;
    let language = to_language(info.lang())?;
    let confidence = info.confidence();
    if confidence < MIN_CONFIDENCE {
        return None;
    }
    Some(Detected {
        language,
        confidence,
    })
}

pub(crate) fn detect_blocks(blocks: &[Block]) -> Option<Detected> {
    let mut sample = String::new();
    for block in blocks {
        if sample.len() >= SAMPLE_CHARS * 4 {
            break;
        }
        sample.push_str(block.text());
        sample.push('\n');
    }
    detect_language(&sample)
}
