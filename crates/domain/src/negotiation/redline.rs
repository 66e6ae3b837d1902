//! Redline between two versions: nodes matched by their stable identity (so a
//! moved or renumbered paragraph is the same paragraph), word-level
//! differences inside each, and a summary.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::text::{DraftText, Node, NodeKind, Placed, Wid};
use super::words::{word_diff, WordOp};

crate::named_enum!(
    /// What happened to a node between two versions.
    NodeDiffKind, "node change" {
        Unchanged => "unchanged",
        Changed => "changed",
        Added => "added",
        Deleted => "deleted",
    }
);

/// One node of the redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NodeDiff {
    pub wid: Wid,
    pub kind: NodeKind,
    pub change: NodeDiffKind,
    /// It stands elsewhere: under another parent, or out of order among its
    /// siblings.
    pub moved: bool,
    /// Its number and eId in the older version (absent when added).
    pub old: Option<(String, String)>,
    /// Its number and eId in the newer version (absent when deleted).
    pub new: Option<(String, String)>,
    pub depth: usize,
    pub heading: Vec<WordOp>,
    pub text: Vec<WordOp>,
}

/// Counts of node changes, and of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedlineSummary {
    pub added: usize,
    pub deleted: usize,
    pub changed: usize,
    pub moved: usize,
    pub unchanged: usize,
    pub words_added: usize,
    pub words_deleted: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Redline {
    pub nodes: Vec<NodeDiff>,
    pub summary: RedlineSummary,
}

fn count_words(ops: &[WordOp], insert: bool) -> usize {
    ops.iter()
        .filter(|o| match o {
            WordOp::Insert(_) => insert,
            WordOp::Delete(_) => !insert,
            WordOp::Equal(_) => false,
        })
        .map(|o| {
            super::words::words(o.text())
                .iter()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum()
}

/// The redline from `old` to `new`, in the newer version's reading order with
/// deleted nodes where they stood.
pub fn redline(old: &DraftText, new: &DraftText) -> Redline {
    let old_placed = old.placed();
    let new_placed = new.placed();
    let old_nodes: HashMap<&Wid, &Node> = old.iter().map(|n| (&n.wid, n)).collect();
    let new_nodes: HashMap<&Wid, &Node> = new.iter().map(|n| (&n.wid, n)).collect();
    let old_at: HashMap<&Wid, (usize, &Placed)> = old_placed
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.wid, (i, p)))
        .collect();

    let moved = moved_nodes(new, &old_at);

    let mut nodes = Vec::with_capacity(new_placed.len() + 8);
    let mut summary = RedlineSummary::default();
    // Deleted nodes follow the nearest earlier node (in the old order) that
    // is still there; those with none come first.
    let mut deleted_after: HashMap<Option<Wid>, Vec<&Placed>> = HashMap::new();
    let mut last_kept: Option<Wid> = None;
    for p in &old_placed {
        if new_nodes.contains_key(&p.wid) {
            last_kept = Some(p.wid.clone());
        } else {
            deleted_after.entry(last_kept.clone()).or_default().push(p);
        }
    }
    let mut push_deleted =
        |after: Option<&Wid>, nodes: &mut Vec<NodeDiff>, summary: &mut RedlineSummary| {
            for p in deleted_after.remove(&after.cloned()).unwrap_or_default() {
                let node = old_nodes[&p.wid];
                let heading = del(&node.heading);
                let text = del(&node.text);
                summary.deleted += 1;
                summary.words_deleted += count_words(&heading, false) + count_words(&text, false);
                nodes.push(NodeDiff {
                    wid: p.wid.clone(),
                    kind: p.kind,
                    change: NodeDiffKind::Deleted,
                    moved: false,
                    old: Some((p.num.clone(), p.eid.clone())),
                    new: None,
                    depth: p.depth,
                    heading,
                    text,
                });
            }
        };
    push_deleted(None, &mut nodes, &mut summary);
    for p in &new_placed {
        let node = new_nodes[&p.wid];
        let diff = match old_nodes.get(&p.wid) {
            Some(before) => {
                let heading = word_diff(&before.heading, &node.heading);
                let text = word_diff(&before.text, &node.text);
                let same = before.heading == node.heading && before.text == node.text;
                let is_moved = moved.contains(&p.wid);
                if is_moved {
                    summary.moved += 1;
                }
                if same {
                    summary.unchanged += 1;
                } else {
                    summary.changed += 1;
                }
                summary.words_added += count_words(&heading, true) + count_words(&text, true);
                summary.words_deleted += count_words(&heading, false) + count_words(&text, false);
                let (_, old_p) = old_at[&p.wid];
                NodeDiff {
                    wid: p.wid.clone(),
                    kind: p.kind,
                    change: if same {
                        NodeDiffKind::Unchanged
                    } else {
                        NodeDiffKind::Changed
                    },
                    moved: is_moved,
                    old: Some((old_p.num.clone(), old_p.eid.clone())),
                    new: Some((p.num.clone(), p.eid.clone())),
                    depth: p.depth,
                    heading,
                    text,
                }
            }
            None => {
                let heading = ins(&node.heading);
                let text = ins(&node.text);
                summary.added += 1;
                summary.words_added += count_words(&heading, true) + count_words(&text, true);
                NodeDiff {
                    wid: p.wid.clone(),
                    kind: p.kind,
                    change: NodeDiffKind::Added,
                    moved: false,
                    old: None,
                    new: Some((p.num.clone(), p.eid.clone())),
                    depth: p.depth,
                    heading,
                    text,
                }
            }
        };
        nodes.push(diff);
        push_deleted(Some(&p.wid), &mut nodes, &mut summary);
    }
    Redline { nodes, summary }
}

fn del(s: &str) -> Vec<WordOp> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![WordOp::Delete(s.to_owned())]
    }
}

fn ins(s: &str) -> Vec<WordOp> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![WordOp::Insert(s.to_owned())]
    }
}

/// Nodes present in both versions that moved: under another parent, or out
/// of order among the siblings that kept their parent (those outside the
/// longest run of siblings in their old order).
fn moved_nodes<'a>(
    new: &'a DraftText,
    old_at: &HashMap<&Wid, (usize, &Placed)>,
) -> HashSet<&'a Wid> {
    let mut moved = HashSet::new();
    let mut lists: Vec<(Option<&Wid>, &[Node])> = vec![(None, &new.nodes)];
    while let Some((parent, list)) = lists.pop() {
        let mut same_parent: Vec<(&Wid, usize)> = Vec::new();
        for node in list {
            lists.push((Some(&node.wid), &node.children));
            let Some(&(index, was)) = old_at.get(&node.wid) else {
                continue;
            };
            if was.parent.as_ref() != parent {
                moved.insert(&node.wid);
            } else {
                same_parent.push((&node.wid, index));
            }
        }
        let keep = longest_increasing(&same_parent.iter().map(|(_, i)| *i).collect::<Vec<_>>());
        for (k, (wid, _)) in same_parent.iter().enumerate() {
            if !keep.contains(&k) {
                moved.insert(*wid);
            }
        }
    }
    moved
}

/// Positions (in `xs`) of one longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> HashSet<usize> {
    let mut tails: Vec<usize> = Vec::new(); // positions in xs
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let at = tails.partition_point(|&t| xs[t] < x);
        if at > 0 {
            prev[i] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = HashSet::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.insert(i);
        cur = prev[i];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::amendment::{apply, Edit, Operation, Source};
    use super::super::tests_support::sample;
    use super::*;

    fn w(s: &str) -> Wid {
        Wid::new(s).unwrap()
    }

    #[test]
    fn a_moved_and_renumbered_paragraph_is_recognised() {
        let old = sample();
        let edits = vec![
            Edit {
                operation: Operation::MoveNode {
                    node: w("p1"),
                    after: w("p2"),
                },
                source: Source::CoFacilitators,
            },
            Edit {
                operation: Operation::ReplaceText {
                    node: w("p2a"),
                    from: 0,
                    to: 7,
                    text: "gather".into(),
                },
                source: Source::Amendment(1),
            },
            Edit {
                operation: Operation::DeleteNode { node: w("p2b") },
                source: Source::Amendment(2),
            },
        ];
        let (new, _) = apply(&old, &edits).unwrap();
        let r = redline(&old, &new);
        let p1 = r.nodes.iter().find(|n| n.wid == w("p1")).unwrap();
        assert!(p1.moved);
        assert_eq!(p1.change, NodeDiffKind::Unchanged);
        assert_eq!(p1.old.as_ref().unwrap().0, "1.");
        assert_eq!(p1.new.as_ref().unwrap().0, "2.");
        let p2a = r.nodes.iter().find(|n| n.wid == w("p2a")).unwrap();
        assert_eq!(p2a.change, NodeDiffKind::Changed);
        assert!(p2a.text.contains(&WordOp::Delete("collect".into())));
        assert!(p2a.text.contains(&WordOp::Insert("gather".into())));
        let p2b = r.nodes.iter().find(|n| n.wid == w("p2b")).unwrap();
        assert_eq!(p2b.change, NodeDiffKind::Deleted);
        assert_eq!(
            (
                r.summary.moved,
                r.summary.changed,
                r.summary.deleted,
                r.summary.added
            ),
            (1, 1, 1, 0)
        );
        assert_eq!((r.summary.words_added, r.summary.words_deleted), (1, 3));
        // p2 itself did not move: only p1 did.
        assert!(!r.nodes.iter().find(|n| n.wid == w("p2")).unwrap().moved);
    }
}
