//! A version's text in the other official languages: an `Expression` holds,
//! for one language, the words of each node of the version, keyed by the
//! node's wId — so paragraph 17 in French is paragraph 17 in English, and
//! stays aligned whatever the numbering of a later version. A node with no
//! words in a language is "missing" there; the export of that language keeps
//! the original wording for it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::{DraftText, NodeKind, Wid};
use super::NegotiationError;
use crate::Language;

/// One node's words in a language: a heading (sections, objectives) and a
/// text (paragraphs, sub-paragraphs, chapeaux).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NodeWords {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A version in one language other than its original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expression {
    pub version: i64,
    pub language: Language,
    /// The text's title in this language ("" when not translated).
    #[serde(default)]
    pub title: String,
    pub nodes: BTreeMap<Wid, NodeWords>,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

crate::named_enum!(
    /// Where a node stands in one language.
    TranslationStatus, "translation status" {
        Original => "original",
        Translated => "translated",
        Missing => "missing",
    }
);

/// Aligns a translated text with the version it translates: each node of
/// `translated` is the version's node with the same wId (given as `{#wid}`
/// in the file, or recognised when importing), else the one at the same
/// place (`eId`: paragraph 17, objective 3, sub-paragraph (c) of 17). A node
/// that matches none, or matches a node of another kind, is refused: the
/// translation must follow the version's structure.
pub fn align(
    version: &DraftText,
    translated: &DraftText,
) -> Result<BTreeMap<Wid, NodeWords>, NegotiationError> {
    let by_eid: BTreeMap<String, Wid> = version
        .placed()
        .into_iter()
        .map(|p| (p.eid, p.wid))
        .collect();
    let mut out: BTreeMap<Wid, NodeWords> = BTreeMap::new();
    for placed in translated.placed() {
        let node = translated
            .find(&placed.wid)
            .expect("a placed node is in its text");
        let target = if version.find(&placed.wid).is_some() {
            placed.wid.clone()
        } else {
            by_eid.get(&placed.eid).cloned().ok_or_else(|| {
                NegotiationError::Structure(format!(
                    "the translation has a node the version does not: {} {}",
                    kind_word(node.kind),
                    if placed.num.is_empty() {
                        preview(&node.heading)
                    } else {
                        placed.num.clone()
                    }
                ))
            })?
        };
        let original = version
            .find(&target)
            .expect("aligned to a node of the version");
        if original.kind != node.kind {
            return Err(NegotiationError::Structure(format!(
                "'{target}' is a {} in the version but a {} in the translation",
                kind_word(original.kind),
                kind_word(node.kind)
            )));
        }
        let words = NodeWords {
            heading: node.heading.trim().to_owned(),
            text: node.text.trim().to_owned(),
        };
        if out.insert(target.clone(), words).is_some() {
            return Err(NegotiationError::DuplicateWid(target.to_string()));
        }
    }
    Ok(out)
}

fn kind_word(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Section => "section",
        NodeKind::Objective => "objective",
        NodeKind::Paragraph => "paragraph",
        NodeKind::Subparagraph => "sub-paragraph",
    }
}

fn preview(s: &str) -> String {
    let p: String = s.chars().take(40).collect();
    format!("\"{p}\"")
}

/// A node's status in a language: translated when it has words wherever the
/// original has (a heading, a text); missing otherwise.
pub fn translation_status(
    original: &super::text::Node,
    words: Option<&NodeWords>,
) -> TranslationStatus {
    match words {
        Some(w)
            if (original.heading.is_empty() || !w.heading.is_empty())
                && (original.text.is_empty() || !w.text.is_empty()) =>
        {
            TranslationStatus::Translated
        }
        _ => TranslationStatus::Missing,
    }
}

/// The version's text in the expression's language: translated words where
/// there are some, the original's elsewhere.
pub fn translated_text(version: &DraftText, expression: &Expression) -> DraftText {
    let mut text = version.clone();
    if !expression.title.is_empty() {
        text.title = expression.title.clone();
    }
    for (wid, words) in &expression.nodes {
        if let Some(node) = text.find_mut(wid) {
            if !words.heading.is_empty() {
                node.heading = words.heading.clone();
            }
            if !words.text.is_empty() {
                node.text = words.text.clone();
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::negotiation::from_markdown;

    const EN: &str = "# Compact\n\n## Objectives {#objs}\n\n### Objective 1: Collect data {#o1}\n\n1. We collect data. {#p1}\n\n2. We commit to: {#p2}\n\n(a) share it; {#p2a}\n\n(b) protect it. {#p2b}\n";

    fn version() -> DraftText {
        from_markdown(EN, None).unwrap().text
    }

    #[test]
    fn a_translation_aligns_by_wid_or_by_place() {
        let v = version();
        // Ids on some nodes only: the others align by their place.
        let fr = "# Pacte\n\n## Objectifs\n\n### Objectif 1 : Collecter des données {#o1}\n\n1. Nous collectons des données.\n\n2. Nous nous engageons à :\n\n(a) les partager ;\n\n(b) les protéger.\n";
        let t = from_markdown(fr, Some(&v)).unwrap().text;
        let nodes = align(&v, &t).unwrap();
        assert_eq!(nodes.len(), 6);
        let w = |id: &str| Wid::new(id).unwrap();
        assert_eq!(nodes[&w("o1")].heading, "Collecter des données");
        assert_eq!(nodes[&w("p1")].text, "Nous collectons des données.");
        assert_eq!(nodes[&w("p2b")].text, "les protéger.");
        assert_eq!(nodes[&w("objs")].heading, "Objectifs");
        let e = Expression {
            version: 1,
            language: Language::Fr,
            title: t.title.clone(),
            nodes,
            updated_by: "t".into(),
            updated_at: "2018-07-13T00:00:00Z".parse().unwrap(),
        };
        let text = translated_text(&v, &e);
        assert_eq!(text.title, "Pacte");
        assert_eq!(text.find(&w("p2a")).unwrap().text, "les partager ;");
        assert_eq!(
            translation_status(v.find(&w("p1")).unwrap(), e.nodes.get(&w("p1"))),
            TranslationStatus::Translated
        );
    }

    #[test]
    fn a_partial_translation_leaves_nodes_missing() {
        let v = version();
        let es = "# Pacto\n\n## Objetivos {#objs}\n\n### Objetivo 1: Recopilar datos\n\n\n1. Recopilamos datos. {#p1}\n";
        let t = from_markdown(es, Some(&v)).unwrap().text;
        let nodes = align(&v, &t).unwrap();
        let w = |id: &str| Wid::new(id).unwrap();
        assert_eq!(nodes.len(), 3);
        assert_eq!(
            translation_status(v.find(&w("p2")).unwrap(), nodes.get(&w("p2"))),
            TranslationStatus::Missing
        );
        // An empty text where the original has words is missing too.
        let empty = NodeWords::default();
        assert_eq!(
            translation_status(v.find(&w("p1")).unwrap(), Some(&empty)),
            TranslationStatus::Missing
        );
    }

    #[test]
    fn objectives_are_recognised_in_the_six_languages() {
        let v = version();
        for (line, title) in [
            (
                "Objectif 1 : Collecter des données",
                "Collecter des données",
            ),
            ("Objetivo 1: Recopilar datos", "Recopilar datos"),
            ("Цель 1: Сбор данных", "Сбор данных"),
            ("الهدف 1: جمع البيانات", "جمع البيانات"),
            ("目标1：收集数据", "收集数据"),
        ] {
            let md = format!("# T\n\n## S\n\n### {line}\n\n1. x\n\n2. y:\n\n(a) a;\n\n(b) b.\n");
            let t = from_markdown(&md, Some(&v)).unwrap().text;
            let nodes = align(&v, &t).unwrap();
            assert_eq!(nodes[&Wid::new("o1").unwrap()].heading, title, "{line}");
        }
    }

    #[test]
    fn a_translation_that_does_not_follow_the_version_is_refused() {
        let v = version();
        // A third paragraph the version does not have.
        let extra = "# Compact\n\n## Objectives {#objs}\n\n### Objective 1: Data {#o1}\n\n1. One. {#p1}\n\n2. Two: {#p2}\n\n(a) a; {#p2a}\n\n(b) b. {#p2b}\n\n3. Three.\n";
        let t = from_markdown(extra, Some(&v)).unwrap().text;
        let err = align(&v, &t).unwrap_err();
        assert_eq!(err.kind(), "bad_structure");
        assert!(err.to_string().contains("3."), "{err}");
        // A paragraph given the id of an objective.
        let wrong = "# Compact\n\n1. Words. {#o1}\n";
        let t = from_markdown(wrong, None).unwrap().text;
        let err = align(&v, &t).unwrap_err();
        assert!(
            err.to_string().contains("objective in the version"),
            "{err}"
        );
    }
}
