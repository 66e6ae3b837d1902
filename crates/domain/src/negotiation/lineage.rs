//! Lineage: for each word of a passage, the version that brought it and the
//! amendment (or the co-facilitators) it came from, back to the first version.

use serde::{Deserialize, Serialize};

use super::amendment::{Change, ChangeWhat, Source};
use super::text::{DraftText, Wid};
use super::words::words;

/// One version in a draft's history, oldest first.
pub struct LineageStep<'a> {
    pub text: &'a DraftText,
    /// How this version was made from the one before (empty for the first
    /// version, and for a version imported whole: its new words are then the
    /// co-facilitators').
    pub changes: &'a [Change],
}

/// A token of the passage (a word, a space or a punctuation mark) and where
/// it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordOrigin {
    pub token: String,
    /// Index of the step (version) that brought it.
    pub version: usize,
    /// `None`: it stands since the first version the node appears in, with
    /// nothing recorded about who wrote it (the first version's own words).
    pub source: Option<Source>,
}

/// The node's words in the last step, each with its origin; `None` when the
/// node is not in the last step. A node's words are its text, or its heading
/// when it has no text (sections, objectives).
pub fn lineage(steps: &[LineageStep<'_>], wid: &Wid) -> Option<Vec<WordOrigin>> {
    let mut current: Option<Vec<WordOrigin>> = None;
    for (index, step) in steps.iter().enumerate() {
        let Some(node) = step.text.find(wid) else {
            current = None;
            continue;
        };
        let words_of = |n: &super::text::Node| {
            if n.text.is_empty() {
                n.heading.clone()
            } else {
                n.text.clone()
            }
        };
        let now = words_of(node);
        let added = step
            .changes
            .iter()
            .find(|c| &c.wid == wid && c.what == ChangeWhat::Added);
        let origin_of = |char_at: usize| -> Option<Source> {
            if index == 0 {
                return None;
            }
            if let Some(c) = added {
                return Some(c.source);
            }
            step.changes
                .iter()
                .filter(|c| &c.wid == wid && c.what == ChangeWhat::Text)
                .find(|c| c.range.is_some_and(|(a, b)| a <= char_at && char_at < b))
                .map(|c| c.source)
                .or(Some(Source::CoFacilitators))
        };
        let tokens = words(&now);
        let mut next = Vec::with_capacity(tokens.len());
        match current.take() {
            None => {
                let mut at = 0;
                for t in tokens {
                    next.push(WordOrigin {
                        token: t.to_owned(),
                        version: index,
                        source: origin_of(at),
                    });
                    at += t.chars().count();
                }
            }
            Some(before) => {
                let old_tokens: Vec<&str> = before.iter().map(|w| w.token.as_str()).collect();
                let ops =
                    similar::capture_diff_slices(similar::Algorithm::Myers, &old_tokens, &tokens);
                let mut at = 0; // character offset in the new text
                for op in ops {
                    for change in op.iter_changes(&old_tokens, &tokens) {
                        match change.tag() {
                            similar::ChangeTag::Equal => {
                                let old_index = change.old_index().expect("equal has both");
                                next.push(before[old_index].clone());
                                at += change.value().chars().count();
                            }
                            similar::ChangeTag::Insert => {
                                next.push(WordOrigin {
                                    token: change.value().to_owned(),
                                    version: index,
                                    source: origin_of(at),
                                });
                                at += change.value().chars().count();
                            }
                            similar::ChangeTag::Delete => {}
                        }
                    }
                }
            }
        }
        current = Some(next);
    }
    current
}

#[cfg(test)]
mod tests {
    use super::super::amendment::{apply, Edit, Operation};
    use super::super::tests_support::sample;
    use super::*;

    fn w(s: &str) -> Wid {
        Wid::new(s).unwrap()
    }

    #[test]
    fn each_word_knows_its_version_and_amendment() {
        let v0 = sample();
        // Rev.1: amendment 7 replaces "the Heads of State" with "the Ministers".
        let (v1, c1) = apply(
            &v0,
            &[Edit {
                operation: Operation::ReplaceText {
                    node: w("p1"),
                    from: 3,
                    to: 21,
                    text: "the Ministers".into(),
                },
                source: Source::Amendment(7),
            }],
        )
        .unwrap();
        // Rev.2: the co-facilitators add " today" before the full stop.
        let at = v1.find(&w("p1")).unwrap().text.chars().count() - 1;
        let (v2, c2) = apply(
            &v1,
            &[Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at,
                    text: " today".into(),
                },
                source: Source::CoFacilitators,
            }],
        )
        .unwrap();
        let steps = [
            LineageStep {
                text: &v0,
                changes: &[],
            },
            LineageStep {
                text: &v1,
                changes: &c1,
            },
            LineageStep {
                text: &v2,
                changes: &c2,
            },
        ];
        let origins = lineage(&steps, &w("p1")).unwrap();
        let text: String = origins.iter().map(|o| o.token.as_str()).collect();
        assert_eq!(text, "We the Ministers adopt this compact today.");
        let of = |word: &str| {
            origins
                .iter()
                .find(|o| o.token == word)
                .map(|o| (o.version, o.source))
                .unwrap()
        };
        assert_eq!(of("We"), (0, None));
        assert_eq!(of("Ministers"), (1, Some(Source::Amendment(7))));
        assert_eq!(of("adopt"), (0, None));
        assert_eq!(of("today"), (2, Some(Source::CoFacilitators)));
        assert!(lineage(&steps, &w("nope")).is_none());
    }
}
