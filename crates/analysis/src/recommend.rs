//! Recommendation candidates: sentences that recommend — modal forms ("States
//! should", "les États devraient", "los Estados deberían"), explicit ones
//! ("we recommend", "nous recommandons", "recomendamos") and imperatives
//! opening a sentence ("Ensure…", "Garantir…", "Garantizar…") — proposed to
//! the secretariat, who confirms them as recommendations or passes.

/// A sentence that looks like a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The sentence, trimmed.
    pub sentence: String,
    /// Where it starts in the text, in characters.
    pub start: usize,
    /// The words that made it a candidate.
    pub cue: String,
    /// Explicit ("we recommend") and modal ("should") cues are strong;
    /// sentence-opening imperatives weaker.
    pub strong: bool,
}

struct Cues {
    /// Matched anywhere in the sentence (lowercase, at word starts).
    anywhere: &'static [&'static str],
    /// Matched as the sentence's first word.
    openings: &'static [&'static str],
}

fn cues(language: &str) -> Option<Cues> {
    Some(match language {
        "en" => Cues {
            anywhere: &[
                "we recommend",
                "recommend that",
                "recommends that",
                "should",
                "must",
                "ought to",
                "call on",
                "calls on",
                "call upon",
                "urge",
                "urges",
                "we encourage",
                "need to",
                "it is essential",
                "it is crucial",
            ],
            openings: &[
                "ensure",
                "establish",
                "provide",
                "promote",
                "strengthen",
                "develop",
                "adopt",
                "create",
                "guarantee",
                "protect",
                "abolish",
                "invest",
                "include",
                "end",
                "expand",
                "facilitate",
                "recognize",
                "recognise",
                "support",
                "eliminate",
            ],
        },
        "fr" => Cues {
            anywhere: &[
                "nous recommandons",
                "recommandons",
                "recommande que",
                "devrait",
                "devraient",
                "doit",
                "doivent",
                "il faut",
                "il est essentiel",
                "il est indispensable",
                "appelons",
                "exhortons",
                "encourageons",
                "nous demandons",
            ],
            openings: &[
                "garantir",
                "assurer",
                "établir",
                "renforcer",
                "promouvoir",
                "adopter",
                "créer",
                "protéger",
                "veiller",
                "faciliter",
                "éliminer",
                "investir",
                "reconnaître",
                "élargir",
                "mettre",
            ],
        },
        "es" => Cues {
            anywhere: &[
                "recomendamos",
                "recomienda que",
                "debería",
                "deberían",
                "debe",
                "deben",
                "es necesario",
                "es esencial",
                "es indispensable",
                "instamos",
                "exhortamos",
                "alentamos",
                "pedimos",
                "hay que",
            ],
            openings: &[
                "garantizar",
                "asegurar",
                "establecer",
                "fortalecer",
                "promover",
                "adoptar",
                "crear",
                "proteger",
                "velar",
                "facilitar",
                "eliminar",
                "invertir",
                "reconocer",
                "ampliar",
                "poner",
            ],
        },
        _ => return None,
    })
}

/// Splits `text` into sentences: (start in characters, the sentence).
fn sentences(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let ends = matches!(c, '.' | '!' | '?' | ';' | '\n')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if ends || i + 1 == chars.len() {
            let s: String = chars[start..=i].iter().collect();
            let lead = s.chars().take_while(|c| c.is_whitespace()).count();
            let trimmed = s.trim();
            if trimmed.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                out.push((start + lead, trimmed.to_owned()));
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Whether `phrase` stands in `hay` at the start of a word.
fn at_word(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase).any(|(i, _)| {
        let before_ok = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &hay[i + phrase.len()..];
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

/// The sentences of `text` (in `language`: "en", "fr" or "es"; others give
/// none) that recommend.
pub fn recommendation_candidates(text: &str, language: &str) -> Vec<Candidate> {
    let Some(cues) = cues(language) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (start, sentence) in sentences(text) {
        let lower = sentence.to_lowercase();
        if let Some(cue) = cues.anywhere.iter().find(|c| at_word(&lower, c)) {
            out.push(Candidate {
                sentence,
                start,
                cue: (*cue).to_owned(),
                strong: true,
            });
            continue;
        }
        let first: String = lower
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if let Some(cue) = cues.openings.iter().find(|c| **c == first) {
            out.push(Candidate {
                sentence,
                start,
                cue: (*cue).to_owned(),
                strong: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, language: &str) -> Vec<String> {
        recommendation_candidates(text, language)
            .into_iter()
            .map(|c| c.sentence)
            .collect()
    }

    #[test]
    fn english_french_and_spanish_recommendations_are_found() {
        let en = "Migration is a reality. States should protect migrant workers. We recommend regular pathways; Ensure access to justice. The shoulder of the road is narrow.";
        assert_eq!(
            found(en, "en"),
            [
                "States should protect migrant workers.",
                "We recommend regular pathways;",
                "Ensure access to justice."
            ]
        );
        let fr = "La migration est une réalité. Les États devraient protéger les travailleurs migrants. Garantir l'accès à la justice.";
        assert_eq!(
            found(fr, "fr"),
            [
                "Les États devraient protéger les travailleurs migrants.",
                "Garantir l'accès à la justice."
            ]
        );
        let es = "La migración es una realidad. Los Estados deberían proteger a los trabajadores migrantes. Recomendamos vías regulares.";
        assert_eq!(
            found(es, "es"),
            [
                "Los Estados deberían proteger a los trabajadores migrantes.",
                "Recomendamos vías regulares."
            ]
        );
    }

    #[test]
    fn positions_strength_and_hostile_text() {
        let text = "Intro.  Governments must act now.";
        let c = recommendation_candidates(text, "en");
        assert_eq!(c.len(), 1);
        assert!(c[0].strong);
        let start: String = text.chars().skip(c[0].start).take(11).collect();
        assert_eq!(start, "Governments");
        assert!(recommendation_candidates("Ensure.", "en")
            .iter()
            .all(|c| !c.strong));
        // Other languages, empty text, punctuation only, a huge sentence: no panic.
        assert!(recommendation_candidates("Государствам следует защищать права.", "ru").is_empty());
        assert!(recommendation_candidates("", "en").is_empty());
        assert!(recommendation_candidates("...;;;!!!", "fr").is_empty());
        let long = "should ".repeat(50_000);
        assert_eq!(recommendation_candidates(&long, "en").len(), 1);
    }
}
