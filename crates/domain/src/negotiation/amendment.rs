//! Amendments: what a proposal does to a version's text, checked against that
//! text, and applied (alone, or many together when co-facilitators build a
//! revision) with a record of which words each one brought.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::text::{DraftText, Node, NodeKind, Wid, MAX_NODE_CHARS};
use super::NegotiationError;

/// What an amendment does. Offsets count characters (Unicode scalar values)
/// in the node's `text`, from 0; `to` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operation {
    /// Insert words at a position.
    InsertText { node: Wid, at: usize, text: String },
    /// Delete a span.
    DeleteText { node: Wid, from: usize, to: usize },
    /// Replace a span with other words.
    ReplaceText {
        node: Wid,
        from: usize,
        to: usize,
        text: String,
    },
    /// A new paragraph or sub-paragraph (or objective, section) after a node:
    /// as its first child when `after` may hold the new kind (a sub-paragraph
    /// after a paragraph), else as its next sibling.
    AddNode {
        after: Wid,
        kind: NodeKind,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        heading: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        text: String,
    },
    /// Delete a node and everything in it.
    DeleteNode { node: Wid },
    /// Move a node (with everything in it) to stand after another, with the
    /// same rule as `AddNode`.
    MoveNode { node: Wid, after: Wid },
}

crate::named_enum!(
    /// Where an amendment stands.
    AmendmentStatus, "amendment status" {
        Tabled => "tabled",
        Withdrawn => "withdrawn",
        Accepted => "accepted",
        AcceptedAsModified => "accepted_as_modified",
        Rejected => "rejected",
        Superseded => "superseded",
    }
);

impl AmendmentStatus {
    /// Still on the table: shown in the compilation text, open to support,
    /// objection and decision.
    pub fn is_live(self) -> bool {
        self == AmendmentStatus::Tabled
    }

    /// The outcomes co-facilitators may set.
    pub fn is_outcome(self) -> bool {
        matches!(
            self,
            AmendmentStatus::Accepted
                | AmendmentStatus::AcceptedAsModified
                | AmendmentStatus::Rejected
                | AmendmentStatus::Superseded
        )
    }
}

crate::named_enum!(
    /// A state's (or group's) position on someone else's amendment.
    Stance, "stance" {
        Support => "support",
        Object => "object",
    }
);

/// The longest text one operation may bring.
pub const MAX_OPERATION_CHARS: usize = 10_000;

fn chars(s: &str) -> usize {
    s.chars().count()
}

impl Operation {
    /// The node the amendment is about (for a new node: the node it follows).
    pub fn target(&self) -> &Wid {
        match self {
            Operation::InsertText { node, .. }
            | Operation::DeleteText { node, .. }
            | Operation::ReplaceText { node, .. }
            | Operation::DeleteNode { node }
            | Operation::MoveNode { node, .. } => node,
            Operation::AddNode { after, .. } => after,
        }
    }

    /// Every node the operation needs to be there.
    pub fn nodes(&self) -> Vec<&Wid> {
        match self {
            Operation::MoveNode { node, after } => vec![node, after],
            other => vec![other.target()],
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Operation::InsertText { .. } => "insert",
            Operation::DeleteText { .. } => "delete",
            Operation::ReplaceText { .. } => "replace",
            Operation::AddNode { .. } => "add",
            Operation::DeleteNode { .. } => "delete_node",
            Operation::MoveNode { .. } => "move",
        }
    }

    /// The span of the node's text the operation touches: `(from, to)`, equal
    /// for an insertion; `None` for operations on whole nodes.
    pub fn span(&self) -> Option<(usize, usize)> {
        match self {
            Operation::InsertText { at, .. } => Some((*at, *at)),
            Operation::DeleteText { from, to, .. } | Operation::ReplaceText { from, to, .. } => {
                Some((*from, *to))
            }
            _ => None,
        }
    }

    /// The words the operation brings in.
    pub fn new_words(&self) -> &str {
        match self {
            Operation::InsertText { text, .. } | Operation::ReplaceText { text, .. } => text,
            Operation::AddNode { heading, text, .. } => {
                if text.is_empty() {
                    heading
                } else {
                    text
                }
            }
            _ => "",
        }
    }

    /// Checks the operation against the version it is proposed on.
    pub fn check(&self, text: &DraftText) -> Result<(), NegotiationError> {
        for wid in self.nodes() {
            if text.find(wid).is_none() {
                return Err(NegotiationError::UnknownNode(wid.to_string()));
            }
        }
        let brought = chars(self.new_words());
        if brought > MAX_OPERATION_CHARS {
            return Err(NegotiationError::TooLong(MAX_OPERATION_CHARS));
        }
        match self {
            Operation::InsertText {
                node,
                at,
                text: new,
            } => {
                let len = node_len(text, node);
                if *at > len {
                    return Err(NegotiationError::SpanOutsideText {
                        node: node.to_string(),
                        from: *at,
                        to: *at,
                        len,
                    });
                }
                if new.trim().is_empty() {
                    return Err(NegotiationError::EmptyProposal);
                }
                if len + brought > MAX_NODE_CHARS {
                    return Err(NegotiationError::TooLong(MAX_NODE_CHARS));
                }
            }
            Operation::DeleteText { node, from, to }
            | Operation::ReplaceText { node, from, to, .. } => {
                let len = node_len(text, node);
                if from >= to || *to > len {
                    return Err(NegotiationError::SpanOutsideText {
                        node: node.to_string(),
                        from: *from,
                        to: *to,
                        len,
                    });
                }
                if let Operation::ReplaceText { text: new, .. } = self {
                    if new.trim().is_empty() {
                        return Err(NegotiationError::EmptyProposal);
                    }
                    if len - (to - from) + brought > MAX_NODE_CHARS {
                        return Err(NegotiationError::TooLong(MAX_NODE_CHARS));
                    }
                }
            }
            Operation::AddNode {
                after,
                kind,
                heading,
                text: words,
            } => {
                placement(text, after, *kind)?;
                match kind {
                    NodeKind::Paragraph | NodeKind::Subparagraph if words.trim().is_empty() => {
                        return Err(NegotiationError::EmptyProposal)
                    }
                    NodeKind::Section | NodeKind::Objective if heading.trim().is_empty() => {
                        return Err(NegotiationError::EmptyProposal)
                    }
                    NodeKind::Section | NodeKind::Objective if !words.is_empty() => {
                        return Err(NegotiationError::Structure(format!(
                            "a new {kind} has a heading, not words of its own"
                        )))
                    }
                    _ => {}
                }
            }
            Operation::DeleteNode { .. } => {}
            Operation::MoveNode { node, after } => {
                if node == after {
                    return Err(NegotiationError::MoveIntoItself(node.to_string()));
                }
                let moving = text.find(node).expect("checked above");
                if contains(moving, after) {
                    return Err(NegotiationError::MoveIntoItself(node.to_string()));
                }
                placement(text, after, moving.kind)?;
            }
        }
        Ok(())
    }
}

fn node_len(text: &DraftText, wid: &Wid) -> usize {
    text.find(wid).map_or(0, |n| chars(&n.text))
}

/// Every node inside `node`, at any depth.
fn subtree(node: &Node) -> impl Iterator<Item = &Node> {
    let mut stack: Vec<&Node> = node.children.iter().collect();
    std::iter::from_fn(move || {
        let next = stack.pop()?;
        stack.extend(next.children.iter());
        Some(next)
    })
}

fn contains(node: &Node, wid: &Wid) -> bool {
    node.children
        .iter()
        .any(|c| &c.wid == wid || contains(c, wid))
}

/// Where a node of `kind` "after" `after` goes: as `after`'s first child, or as
/// its next sibling; refused when neither fits the tree's nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placement {
    FirstChild,
    NextSibling,
}

fn placement(text: &DraftText, after: &Wid, kind: NodeKind) -> Result<Placement, NegotiationError> {
    let anchor = text
        .find(after)
        .ok_or_else(|| NegotiationError::UnknownNode(after.to_string()))?;
    if anchor.kind.may_hold(kind) {
        return Ok(Placement::FirstChild);
    }
    let fits = match text.parent_kind(after) {
        None => kind.may_be_top(),
        Some(parent) => parent.may_hold(kind),
    };
    if fits {
        Ok(Placement::NextSibling)
    } else {
        Err(NegotiationError::Structure(format!(
            "a {kind} cannot stand after the {} {after}",
            anchor.kind
        )))
    }
}

/// Who brought a change into a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = ChangeSource))]
#[serde(rename_all = "snake_case", tag = "by", content = "amendment")]
pub enum Source {
    /// An amendment (its id), taken up as tabled or as modified.
    Amendment(i64),
    /// The co-facilitators' own change.
    CoFacilitators,
}

/// One operation of a revision and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub operation: Operation,
    pub source: Source,
}

/// What a revision changed in one node, and who brought it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = VersionChange))]
pub struct Change {
    pub wid: Wid,
    pub source: Source,
    /// What happened: "text", "added", "deleted", "moved".
    pub what: ChangeWhat,
    /// For "text": the characters of the new text that came from this source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(usize, usize)>,
}

crate::named_enum!(
    /// What a change did to a node.
    ChangeWhat, "change" {
        Text => "text",
        Added => "added",
        Deleted => "deleted",
        Moved => "moved",
    }
);

/// Applies `edits` to `base` together, as a revision does: every edit is
/// checked against `base`; edits of the text of one node must not overlap
/// (two insertions at one point overlap too: their order would be a guess);
/// a node deleted or moved may not also be edited or be the anchor of
/// another edit. Returns the new text and what changed, by whom.
pub fn apply(
    base: &DraftText,
    edits: &[Edit],
) -> Result<(DraftText, Vec<Change>), NegotiationError> {
    for edit in edits {
        edit.operation.check(base)?;
    }
    // A node is deleted or moved at most once, and nothing else may touch a
    // node that goes away (or anything inside it).
    let mut whole: HashSet<&Wid> = HashSet::new();
    let mut removed: HashSet<&Wid> = HashSet::new();
    for edit in edits {
        if let Operation::DeleteNode { node } | Operation::MoveNode { node, .. } = &edit.operation {
            if !whole.insert(node) {
                return Err(NegotiationError::OverlappingEdits(node.to_string()));
            }
        }
        if let Operation::DeleteNode { node } = &edit.operation {
            let deleted = base.find(node).expect("checked");
            let inside = std::iter::once(deleted).chain(subtree(deleted));
            for n in inside {
                if !removed.insert(&n.wid) {
                    return Err(NegotiationError::OverlappingEdits(node.to_string()));
                }
            }
        }
    }
    for edit in edits {
        if matches!(edit.operation, Operation::DeleteNode { .. }) {
            continue;
        }
        if let Some(wid) = edit
            .operation
            .nodes()
            .into_iter()
            .find(|w| removed.contains(w))
        {
            return Err(NegotiationError::OverlappingEdits(wid.to_string()));
        }
    }

    // Text edits, node by node.
    let mut by_node: BTreeMap<&Wid, Vec<(usize, &Edit)>> = BTreeMap::new();
    for (i, edit) in edits.iter().enumerate() {
        if edit.operation.span().is_some() {
            by_node
                .entry(edit.operation.target())
                .or_default()
                .push((i, edit));
        }
    }
    let mut text = base.clone();
    let mut changes = Vec::new();
    for (wid, mut node_edits) in by_node {
        node_edits.sort_by_key(|(_, e)| e.operation.span());
        for pair in node_edits.windows(2) {
            let (a_from, a_to) = pair[0].1.operation.span().unwrap_or_default();
            let (b_from, b_to) = pair[1].1.operation.span().unwrap_or_default();
            // Spans that share characters, or two insertions at one point.
            let overlap = b_from < a_to || (a_from == a_to && b_from == b_to && a_from == b_from);
            if overlap {
                return Err(NegotiationError::OverlappingEdits(wid.to_string()));
            }
        }
        let node = text.find_mut(wid).expect("checked");
        // Each character of the new text: `None` when it was in the base.
        let old: Vec<char> = node.text.chars().collect();
        let mut tagged: Vec<(char, Option<Source>)> = Vec::with_capacity(old.len() + 16);
        let mut cursor = 0;
        for (_, edit) in &node_edits {
            let (from, to) = edit.operation.span().unwrap_or_default();
            tagged.extend(old[cursor..from].iter().map(|&c| (c, None)));
            tagged.extend(
                edit.operation
                    .new_words()
                    .chars()
                    .map(|c| (c, Some(edit.source))),
            );
            cursor = to;
        }
        tagged.extend(old[cursor..].iter().map(|&c| (c, None)));
        node.text = tagged.iter().map(|(c, _)| c).collect();
        if node.text.chars().count() > MAX_NODE_CHARS {
            return Err(NegotiationError::TooLong(MAX_NODE_CHARS));
        }
        // Every edit is recorded; the ones that brought words with their range.
        for (_, edit) in &node_edits {
            let range = runs(&tagged, edit.source);
            if range.is_empty() {
                changes.push(Change {
                    wid: wid.clone(),
                    source: edit.source,
                    what: ChangeWhat::Text,
                    range: None,
                });
            }
            for r in range {
                changes.push(Change {
                    wid: wid.clone(),
                    source: edit.source,
                    what: ChangeWhat::Text,
                    range: Some(r),
                });
            }
        }
    }
    changes.dedup();

    // Node operations, in the order given.
    for edit in edits {
        match &edit.operation {
            Operation::AddNode {
                after,
                kind,
                heading,
                text: words,
            } => {
                let wid = text.fresh_wid(match kind {
                    NodeKind::Section => "sec",
                    NodeKind::Objective => "obj",
                    NodeKind::Paragraph => "para",
                    NodeKind::Subparagraph => "sub",
                });
                let mut node = Node::new(wid.clone(), *kind);
                node.heading = heading.trim().to_owned();
                node.text = words.trim().to_owned();
                insert_after(&mut text, after, node)?;
                changes.push(Change {
                    wid,
                    source: edit.source,
                    what: ChangeWhat::Added,
                    range: None,
                });
            }
            Operation::DeleteNode { node } => {
                let (list, i) = text
                    .siblings_mut(node)
                    .ok_or_else(|| NegotiationError::UnknownNode(node.to_string()))?;
                list.remove(i);
                changes.push(Change {
                    wid: node.clone(),
                    source: edit.source,
                    what: ChangeWhat::Deleted,
                    range: None,
                });
            }
            Operation::MoveNode { node, after } => {
                let (list, i) = text
                    .siblings_mut(node)
                    .ok_or_else(|| NegotiationError::UnknownNode(node.to_string()))?;
                let moving = list.remove(i);
                insert_after(&mut text, after, moving)?;
                changes.push(Change {
                    wid: node.clone(),
                    source: edit.source,
                    what: ChangeWhat::Moved,
                    range: None,
                });
            }
            _ => {}
        }
    }
    text.validate()?;
    Ok((text, changes))
}

/// The character ranges of `tagged` brought by `source`.
fn runs(tagged: &[(char, Option<Source>)], source: Source) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, (_, s)) in tagged.iter().enumerate() {
        match (*s == Some(source), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                out.push((from, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push((from, tagged.len()));
    }
    out
}

fn insert_after(text: &mut DraftText, after: &Wid, node: Node) -> Result<(), NegotiationError> {
    match placement(text, after, node.kind)? {
        Placement::FirstChild => {
            let anchor = text
                .find_mut(after)
                .ok_or_else(|| NegotiationError::UnknownNode(after.to_string()))?;
            anchor.children.insert(0, node);
        }
        Placement::NextSibling => {
            let (list, i) = text
                .siblings_mut(after)
                .ok_or_else(|| NegotiationError::UnknownNode(after.to_string()))?;
            list.insert(i + 1, node);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::sample;
    use super::*;

    fn w(s: &str) -> Wid {
        Wid::new(s).unwrap()
    }

    #[test]
    fn checks_name_the_problem() {
        let text = sample();
        let unknown = Operation::DeleteNode { node: w("nope") };
        assert_eq!(unknown.check(&text).unwrap_err().kind(), "unknown_node");
        let outside = Operation::DeleteText {
            node: w("p1"),
            from: 2,
            to: 500,
        };
        assert_eq!(
            outside.check(&text).unwrap_err().kind(),
            "span_outside_text"
        );
        let into_child = Operation::MoveNode {
            node: w("p2"),
            after: w("p2a"),
        };
        assert_eq!(
            into_child.check(&text).unwrap_err().kind(),
            "move_into_itself"
        );
    }

    #[test]
    fn a_revision_applies_edits_together_and_records_their_words() {
        let text = sample();
        // p1 is "We the Heads of State adopt this compact."
        let edits = vec![
            Edit {
                operation: Operation::ReplaceText {
                    node: w("p1"),
                    from: 3,
                    to: 21,
                    text: "the Ministers".into(),
                },
                source: Source::Amendment(7),
            },
            Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at: 40,
                    text: " today".into(),
                },
                source: Source::CoFacilitators,
            },
            Edit {
                operation: Operation::DeleteNode { node: w("p2b") },
                source: Source::Amendment(9),
            },
        ];
        let (new, changes) = apply(&text, &edits).unwrap();
        assert_eq!(
            new.find(&w("p1")).unwrap().text,
            "We the Ministers adopt this compact today."
        );
        assert!(new.find(&w("p2b")).is_none());
        let from_7: Vec<_> = changes
            .iter()
            .filter(|c| c.source == Source::Amendment(7))
            .collect();
        assert_eq!(from_7.len(), 1);
        let (a, b) = from_7[0].range.unwrap();
        let brought: String = new
            .find(&w("p1"))
            .unwrap()
            .text
            .chars()
            .skip(a)
            .take(b - a)
            .collect();
        assert_eq!(brought, "the Ministers");
        assert!(changes
            .iter()
            .any(|c| c.what == ChangeWhat::Deleted && c.source == Source::Amendment(9)));
    }

    #[test]
    fn overlapping_edits_are_refused_and_nothing_changes() {
        let text = sample();
        let edits = vec![
            Edit {
                operation: Operation::DeleteText {
                    node: w("p1"),
                    from: 0,
                    to: 10,
                },
                source: Source::Amendment(1),
            },
            Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at: 5,
                    text: "x".into(),
                },
                source: Source::Amendment(2),
            },
        ];
        assert_eq!(
            apply(&text, &edits).unwrap_err().kind(),
            "overlapping_edits"
        );
        let same_point = vec![
            Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at: 5,
                    text: "x".into(),
                },
                source: Source::Amendment(1),
            },
            Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at: 5,
                    text: "y".into(),
                },
                source: Source::Amendment(2),
            },
        ];
        assert_eq!(
            apply(&text, &same_point).unwrap_err().kind(),
            "overlapping_edits"
        );
        let edit_deleted = vec![
            Edit {
                operation: Operation::DeleteNode { node: w("p1") },
                source: Source::Amendment(1),
            },
            Edit {
                operation: Operation::InsertText {
                    node: w("p1"),
                    at: 0,
                    text: "x".into(),
                },
                source: Source::Amendment(2),
            },
        ];
        assert_eq!(
            apply(&text, &edit_deleted).unwrap_err().kind(),
            "overlapping_edits"
        );
    }

    #[test]
    fn new_and_moved_nodes_land_where_the_nesting_allows() {
        let text = sample();
        let edits = vec![
            Edit {
                operation: Operation::AddNode {
                    after: w("p2"),
                    kind: NodeKind::Subparagraph,
                    heading: String::new(),
                    text: "a new first point".into(),
                },
                source: Source::Amendment(3),
            },
            Edit {
                operation: Operation::MoveNode {
                    node: w("p1"),
                    after: w("p2"),
                },
                source: Source::CoFacilitators,
            },
        ];
        let (new, _) = apply(&text, &edits).unwrap();
        let p2 = new.find(&w("p2")).unwrap();
        assert_eq!(p2.children[0].text, "a new first point");
        // p1 (a paragraph) cannot go inside p2 (a paragraph): it follows it.
        let placed = new.placed();
        let order: Vec<_> = placed
            .iter()
            .filter(|p| p.kind == NodeKind::Paragraph)
            .map(|p| p.wid.as_str())
            .collect();
        assert_eq!(order, ["p2", "p1"]);
    }
}
