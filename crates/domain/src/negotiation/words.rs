//! Words: how texts are cut for redlines and lineage, and the word-level diff.

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Cuts text into tokens that together give the text back exactly: runs of
/// letters and digits (a word), runs of white space, and single other
/// characters (punctuation).
pub fn words(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        match current {
            Some(prev) if prev == k && k != Class::Other => {}
            Some(_) => {
                out.push(&text[start..i]);
                start = i;
            }
            None => {}
        }
        current = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// One run of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum WordOp {
    Equal(String),
    Insert(String),
    Delete(String),
}

impl WordOp {
    pub fn text(&self) -> &str {
        match self {
            WordOp::Equal(t) | WordOp::Insert(t) | WordOp::Delete(t) => t,
        }
    }
}

/// The word-level differences between two texts (Myers' algorithm over the
/// tokens of [`words`]), as runs; equal texts give one `Equal` run (or none
/// when both are empty).
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![WordOp::Equal(old.to_owned())]
        };
    }
    let a = words(old);
    let b = words(new);
    let mut out: Vec<WordOp> = Vec::new();
    let mut push = |op: WordOp| match (out.last_mut(), &op) {
        (Some(WordOp::Equal(t)), WordOp::Equal(s))
        | (Some(WordOp::Insert(t)), WordOp::Insert(s))
        | (Some(WordOp::Delete(t)), WordOp::Delete(s)) => t.push_str(s),
        _ => out.push(op),
    };
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(WordOp::Equal(a[old_index..old_index + len].concat()));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(WordOp::Delete(a[old_index..old_index + old_len].concat())),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(WordOp::Insert(b[new_index..new_index + new_len].concat())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(WordOp::Delete(a[old_index..old_index + old_len].concat()));
                push(WordOp::Insert(b[new_index..new_index + new_len].concat()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_give_the_text_back() {
        let text = "States should, as appropriate: (a) collect data — “now”.";
        assert_eq!(words(text).concat(), text);
        assert_eq!(words("ab  cd,")[..], ["ab", "  ", "cd", ","]);
    }

    #[test]
    fn diffs_are_word_level_and_rebuild_both_sides() {
        let old = "We commit to ensure safe migration.";
        let new = "We commit to promote safe and regular migration.";
        let ops = word_diff(old, new);
        let rebuilt_old: String = ops
            .iter()
            .filter(|o| !matches!(o, WordOp::Insert(_)))
            .map(WordOp::text)
            .collect();
        let rebuilt_new: String = ops
            .iter()
            .filter(|o| !matches!(o, WordOp::Delete(_)))
            .map(WordOp::text)
            .collect();
        assert_eq!((rebuilt_old.as_str(), rebuilt_new.as_str()), (old, new));
        assert!(ops.contains(&WordOp::Delete("ensure".into())));
        assert!(ops.contains(&WordOp::Insert("promote".into())));
    }
}
