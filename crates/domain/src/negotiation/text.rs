//! A version's text as a tree: sections, objectives, numbered paragraphs,
//! lettered sub-paragraphs. Every node has a stable identity (`wId`) that
//! survives renumbering and moves; its display number and its `eId` are
//! computed for each version from where it stands.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::NegotiationError;

/// A node's stable identity across versions (Akoma Ntoso's `wId`): lowercase
/// ASCII letters, digits, `_` and `-`, 1–40 long, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Wid(String);

impl Wid {
    pub fn new(value: impl Into<String>) -> Result<Self, NegotiationError> {
        let value = value.into();
        let ok = !value.is_empty()
            && value.len() <= 40
            && value.as_bytes()[0].is_ascii_lowercase()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if ok {
            Ok(Wid(value))
        } else {
            Err(NegotiationError::BadWid(value.chars().take(60).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Wid {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "a node's stable identifier in the text, e.g. `para17`",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Wid {}

impl TryFrom<String> for Wid {
    type Error = NegotiationError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Wid::new(value)
    }
}

impl std::str::FromStr for Wid {
    type Err = NegotiationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Wid::new(s)
    }
}

impl From<Wid> for String {
    fn from(w: Wid) -> String {
        w.0
    }
}

impl fmt::Display for Wid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::named_enum!(
    /// What a node of a draft is.
    NodeKind, "node kind" {
        Section => "section",
        Objective => "objective",
        Paragraph => "paragraph",
        Subparagraph => "subparagraph",
    }
);

impl NodeKind {
    /// Whether a node of this kind may hold a node of `child` kind.
    pub fn may_hold(self, child: NodeKind) -> bool {
        use NodeKind::*;
        matches!(
            (self, child),
            (Section, Objective | Paragraph) | (Objective, Paragraph) | (Paragraph, Subparagraph)
        )
    }

    /// Kinds allowed at the top of the text.
    pub fn may_be_top(self) -> bool {
        matches!(
            self,
            NodeKind::Section | NodeKind::Objective | NodeKind::Paragraph
        )
    }
}

/// One node of a version's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = DraftNode))]
pub struct Node {
    pub wid: Wid,
    pub kind: NodeKind,
    /// A section's heading, an objective's title; empty for paragraphs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    /// A paragraph's or sub-paragraph's words; for a paragraph with
    /// sub-paragraphs, its chapeau. Empty for sections and objectives.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<Node>,
}

impl Node {
    pub fn new(wid: Wid, kind: NodeKind) -> Self {
        Node {
            wid,
            kind,
            heading: String::new(),
            text: String::new(),
            children: Vec::new(),
        }
    }

    /// The words a reader sees for this node itself: heading, then text.
    pub fn own_words(&self) -> String {
        match (self.heading.is_empty(), self.text.is_empty()) {
            (false, false) => format!("{} {}", self.heading, self.text),
            (false, true) => self.heading.clone(),
            _ => self.text.clone(),
        }
    }
}

/// A version's text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftText {
    pub title: String,
    pub nodes: Vec<Node>,
}

/// Longest text of one node, in characters.
pub const MAX_NODE_CHARS: usize = 20_000;
/// Most nodes in one version.
pub const MAX_NODES: usize = 5_000;
/// Deepest nesting (section › objective › paragraph › sub-paragraph).
const MAX_DEPTH: usize = 4;

/// Where a node stands in one version: its number as shown and its `eId`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Placed {
    pub wid: Wid,
    pub kind: NodeKind,
    /// "17.", "(c)", "Objective 3", "" for sections.
    pub num: String,
    /// "para_17", "para_17__subpara_c", "obj_3", "sec_2".
    pub eid: String,
    pub depth: usize,
    /// The wId of the parent node; `None` at the top.
    pub parent: Option<Wid>,
}

/// "a", "b", … "z", "aa", "bb" … as UN texts letter sub-paragraphs.
pub fn letter(index: usize) -> String {
    let c = (b'a' + (index % 26) as u8) as char;
    std::iter::repeat_n(c, index / 26 + 1).collect()
}

impl DraftText {
    /// Checks the tree: identities unique, kinds nested as UN texts nest them,
    /// sizes within bounds, paragraphs with words.
    pub fn validate(&self) -> Result<(), NegotiationError> {
        if self.title.trim().is_empty() {
            return Err(NegotiationError::Structure("the text has no title".into()));
        }
        let mut seen = HashSet::new();
        let mut count = 0;
        fn walk(
            nodes: &[Node],
            parent: Option<&Node>,
            depth: usize,
            seen: &mut HashSet<Wid>,
            count: &mut usize,
        ) -> Result<(), NegotiationError> {
            for node in nodes {
                if depth > MAX_DEPTH {
                    return Err(NegotiationError::Structure(
                        "the text nests too deep".into(),
                    ));
                }
                *count += 1;
                if *count > MAX_NODES {
                    return Err(NegotiationError::Structure(format!(
                        "the text has more than {MAX_NODES} nodes"
                    )));
                }
                if !seen.insert(node.wid.clone()) {
                    return Err(NegotiationError::DuplicateWid(node.wid.to_string()));
                }
                let allowed = match parent {
                    None => node.kind.may_be_top(),
                    Some(p) => p.kind.may_hold(node.kind),
                };
                if !allowed {
                    return Err(NegotiationError::Structure(format!(
                        "a {} cannot stand {}",
                        node.kind,
                        match parent {
                            None => "at the top of the text".to_string(),
                            Some(p) => format!("inside a {}", p.kind),
                        }
                    )));
                }
                if node.text.chars().count() > MAX_NODE_CHARS
                    || node.heading.chars().count() > MAX_NODE_CHARS
                {
                    return Err(NegotiationError::Structure(format!(
                        "{} is longer than {MAX_NODE_CHARS} characters",
                        node.wid
                    )));
                }
                let has_words = !node.text.trim().is_empty();
                match node.kind {
                    NodeKind::Paragraph | NodeKind::Subparagraph
                        if !has_words && node.children.is_empty() =>
                    {
                        return Err(NegotiationError::Structure(format!(
                            "the {} {} has no words",
                            node.kind, node.wid
                        )));
                    }
                    NodeKind::Section | NodeKind::Objective if has_words => {
                        return Err(NegotiationError::Structure(format!(
                            "the {} {} holds words outside a paragraph",
                            node.kind, node.wid
                        )));
                    }
                    _ => {}
                }
                walk(&node.children, Some(node), depth + 1, seen, count)?;
            }
            Ok(())
        }
        walk(&self.nodes, None, 1, &mut seen, &mut count)
    }

    /// Every node in reading order with its number and `eId` in this version.
    /// Paragraphs are numbered through the whole text (as in the GCM: 1–54),
    /// objectives through the whole text, sub-paragraphs within their
    /// paragraph, sections in order.
    pub fn placed(&self) -> Vec<Placed> {
        let mut out = Vec::new();
        let mut counters = (0usize, 0usize, 0usize); // sections, objectives, paragraphs
        fn walk(
            nodes: &[Node],
            parent: Option<(&Node, &str)>,
            depth: usize,
            counters: &mut (usize, usize, usize),
            out: &mut Vec<Placed>,
        ) {
            let mut letters = 0;
            for node in nodes {
                let (num, eid) = match node.kind {
                    NodeKind::Section => {
                        counters.0 += 1;
                        (String::new(), format!("sec_{}", counters.0))
                    }
                    NodeKind::Objective => {
                        counters.1 += 1;
                        (
                            format!("Objective {}", counters.1),
                            format!("obj_{}", counters.1),
                        )
                    }
                    NodeKind::Paragraph => {
                        counters.2 += 1;
                        (format!("{}.", counters.2), format!("para_{}", counters.2))
                    }
                    NodeKind::Subparagraph => {
                        let l = letter(letters);
                        letters += 1;
                        let parent_eid = parent.map_or("", |(_, e)| e);
                        (format!("({l})"), format!("{parent_eid}__subpara_{l}"))
                    }
                };
                out.push(Placed {
                    wid: node.wid.clone(),
                    kind: node.kind,
                    num,
                    eid: eid.clone(),
                    depth,
                    parent: parent.map(|(p, _)| p.wid.clone()),
                });
                walk(&node.children, Some((node, &eid)), depth + 1, counters, out);
            }
        }
        walk(&self.nodes, None, 0, &mut counters, &mut out);
        out
    }

    /// Every node in reading order.
    pub fn iter(&self) -> impl Iterator<Item = &Node> {
        let mut stack: Vec<&Node> = self.nodes.iter().rev().collect();
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.children.iter().rev());
            Some(node)
        })
    }

    pub fn find(&self, wid: &Wid) -> Option<&Node> {
        self.iter().find(|n| &n.wid == wid)
    }

    pub fn find_mut(&mut self, wid: &Wid) -> Option<&mut Node> {
        fn walk<'a>(nodes: &'a mut [Node], wid: &Wid) -> Option<&'a mut Node> {
            for node in nodes {
                if &node.wid == wid {
                    return Some(node);
                }
                if let Some(found) = walk(&mut node.children, wid) {
                    return Some(found);
                }
            }
            None
        }
        walk(&mut self.nodes, wid)
    }

    /// The list holding `wid` (the top list or a node's children) and its
    /// index there.
    pub(crate) fn siblings_mut(&mut self, wid: &Wid) -> Option<(&mut Vec<Node>, usize)> {
        fn walk<'a>(nodes: &'a mut Vec<Node>, wid: &Wid) -> Option<(&'a mut Vec<Node>, usize)> {
            if let Some(i) = nodes.iter().position(|n| &n.wid == wid) {
                return Some((nodes, i));
            }
            for node in nodes.iter_mut() {
                if let Some(found) = walk(&mut node.children, wid) {
                    return Some(found);
                }
            }
            None
        }
        walk(&mut self.nodes, wid)
    }

    /// The kind of the node holding `wid`; `None` at the top (or unknown).
    pub fn parent_kind(&self, wid: &Wid) -> Option<NodeKind> {
        self.iter()
            .find(|n| n.children.iter().any(|c| &c.wid == wid))
            .map(|n| n.kind)
    }

    /// A wId not used in this text, from `prefix` and a counter.
    pub fn fresh_wid(&self, prefix: &str) -> Wid {
        let used: HashSet<&str> = self.iter().map(|n| n.wid.as_str()).collect();
        (1..)
            .map(|i| format!("{prefix}{i}"))
            .find(|w| !used.contains(w.as_str()))
            .and_then(|w| Wid::new(w).ok())
            .unwrap_or_else(|| Wid("n".into()))
    }

    /// Paragraph and sub-paragraph counts.
    pub fn paragraph_count(&self) -> usize {
        self.iter()
            .filter(|n| n.kind == NodeKind::Paragraph)
            .count()
    }

    /// Words in the whole text (headings included).
    pub fn word_count(&self) -> usize {
        self.iter()
            .map(|n| n.heading.split_whitespace().count() + n.text.split_whitespace().count())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::node;
    use super::*;

    #[test]
    fn numbers_and_eids_follow_position_not_identity() {
        use NodeKind::*;
        let mut text = DraftText {
            title: "T".into(),
            nodes: vec![
                node(
                    "pre",
                    Section,
                    "Preamble",
                    vec![node("p1", Paragraph, "One", vec![])],
                ),
                node(
                    "s2",
                    Section,
                    "Objectives",
                    vec![node(
                        "o1",
                        Objective,
                        "Data",
                        vec![node(
                            "p2",
                            Paragraph,
                            "We commit:",
                            vec![
                                node("a", Subparagraph, "first", vec![]),
                                node("b", Subparagraph, "second", vec![]),
                            ],
                        )],
                    )],
                ),
            ],
        };
        text.validate().unwrap();
        let placed = text.placed();
        let eids: Vec<_> = placed.iter().map(|p| p.eid.as_str()).collect();
        assert_eq!(
            eids,
            [
                "sec_1",
                "para_1",
                "sec_2",
                "obj_1",
                "para_2",
                "para_2__subpara_a",
                "para_2__subpara_b"
            ]
        );
        assert_eq!(placed[5].num, "(a)");
        // Remove the first paragraph: p2 is renumbered, keeps its wId.
        text.nodes[0].children.clear();
        let placed = text.placed();
        let p2 = placed.iter().find(|p| p.wid.as_str() == "p2").unwrap();
        assert_eq!((p2.num.as_str(), p2.eid.as_str()), ("1.", "para_1"));
    }

    #[test]
    fn bad_trees_are_refused() {
        use NodeKind::*;
        let dup = DraftText {
            title: "T".into(),
            nodes: vec![
                node("p1", Paragraph, "x", vec![]),
                node("p1", Paragraph, "y", vec![]),
            ],
        };
        assert_eq!(dup.validate().unwrap_err().kind(), "duplicate_wid");
        let nested = DraftText {
            title: "T".into(),
            nodes: vec![node("s", Subparagraph, "x", vec![])],
        };
        assert_eq!(nested.validate().unwrap_err().kind(), "bad_structure");
        assert!(Wid::new("Bad Id").is_err());
        assert_eq!(letter(0), "a");
        assert_eq!(letter(27), "bb");
    }
}
