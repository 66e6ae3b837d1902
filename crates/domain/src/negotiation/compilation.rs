//! The compilation text: a version with every live proposal inline where it
//! applies — deletions and insertions marked, each tagged with its proposers,
//! supporters and objectors.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::amendment::{AmendmentStatus, Operation};
use super::text::{DraftText, Placed, Wid};

/// A proposal as the compilation shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = CompiledProposal))]
pub struct Proposal {
    pub id: i64,
    /// Its number on the version ("A12"), for people to cite.
    pub number: u32,
    pub operation: Operation,
    /// The proposer first, then the co-sponsors (actor codes).
    pub proposers: Vec<String>,
    pub supporters: Vec<String>,
    pub objectors: Vec<String>,
    pub status: AmendmentStatus,
    /// Part of a simulation (demo data), to be said wherever it is shown.
    pub simulated: bool,
}

impl Proposal {
    /// Whether `actor` proposed, co-sponsored, supported or objected.
    pub fn involves(&self, actor: &str) -> bool {
        self.proposers.iter().any(|a| a == actor)
            || self.supporters.iter().any(|a| a == actor)
            || self.objectors.iter().any(|a| a == actor)
    }
}

/// Which proposals to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalFilter {
    /// Only those this actor proposed, co-sponsored, supported or objected to.
    pub actor: Option<String>,
    /// Only these statuses; empty: the live ones (tabled).
    pub statuses: Vec<AmendmentStatus>,
}

impl ProposalFilter {
    pub fn admits(&self, p: &Proposal) -> bool {
        let status_ok = if self.statuses.is_empty() {
            p.status.is_live()
        } else {
            self.statuses.contains(&p.status)
        };
        status_ok && self.actor.as_deref().is_none_or(|a| p.involves(a))
    }
}

/// A run of a node's text in the compilation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = CompilationSegment))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Segment {
    /// Words of the version; `deleted_by` lists the proposals (indices into
    /// `Compilation::proposals`) that would delete or replace them.
    Text {
        text: String,
        deleted_by: Vec<usize>,
    },
    /// Words a proposal would insert here (for a replacement: after the words
    /// it replaces).
    Insert { text: String, by: usize },
}

/// One node of the compilation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompiledNode {
    pub placed: Placed,
    pub heading: String,
    pub segments: Vec<Segment>,
    /// Proposals to delete this node.
    pub delete_proposed_by: Vec<usize>,
    /// Proposals to move this node elsewhere.
    pub move_proposed_by: Vec<usize>,
    /// Nodes proposed to follow this one (new ones, or moved here).
    pub proposed_after: Vec<usize>,
    /// Live proposals on this node, of every kind.
    pub open: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Compilation {
    pub nodes: Vec<CompiledNode>,
    /// The proposals shown, by id.
    pub proposals: Vec<Proposal>,
    /// Proposals left out by the filter.
    pub hidden: usize,
}

/// Compiles `text` with the proposals `filter` admits. Proposals whose
/// operation does not fit the text (they should not exist: they are checked
/// when tabled) are left out and counted as hidden.
pub fn compile(text: &DraftText, proposals: &[Proposal], filter: &ProposalFilter) -> Compilation {
    let mut shown: Vec<Proposal> = Vec::new();
    let mut hidden = 0;
    for p in proposals {
        if filter.admits(p) && p.operation.check(text).is_ok() {
            shown.push(p.clone());
        } else {
            hidden += 1;
        }
    }
    shown.sort_by_key(|p| (p.number, p.id));

    let mut on_node: HashMap<&Wid, Vec<usize>> = HashMap::new();
    for (i, p) in shown.iter().enumerate() {
        on_node.entry(p.operation.target()).or_default().push(i);
    }
    let mut nodes = Vec::new();
    for placed in text.placed() {
        let node = text.find(&placed.wid).expect("placed from the text");
        let mine = on_node.get(&placed.wid).map_or(&[][..], Vec::as_slice);
        let mut compiled = CompiledNode {
            heading: node.heading.clone(),
            segments: Vec::new(),
            delete_proposed_by: Vec::new(),
            move_proposed_by: Vec::new(),
            proposed_after: Vec::new(),
            open: mine.len(),
            placed,
        };
        let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // from, to, proposal
        for &i in mine {
            match &shown[i].operation {
                Operation::DeleteNode { .. } => compiled.delete_proposed_by.push(i),
                Operation::MoveNode { .. } => compiled.move_proposed_by.push(i),
                Operation::AddNode { .. } => compiled.proposed_after.push(i),
                op => {
                    if let Some((from, to)) = op.span() {
                        spans.push((from, to, i));
                    }
                }
            }
        }
        // A move shows at its destination too.
        for (i, p) in shown.iter().enumerate() {
            if let Operation::MoveNode { after, .. } = &p.operation {
                if after == &compiled.placed.wid {
                    compiled.proposed_after.push(i);
                }
            }
        }
        compiled.segments = segments(&node.text, &spans, &shown);
        nodes.push(compiled);
    }
    Compilation {
        nodes,
        proposals: shown,
        hidden,
    }
}

/// Cuts `text` at every boundary of every span; each piece lists the
/// proposals deleting it; insertions go at their point, a replacement's
/// words after the words it replaces.
fn segments(text: &str, spans: &[(usize, usize, usize)], shown: &[Proposal]) -> Vec<Segment> {
    if spans.is_empty() {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Segment::Text {
                text: text.to_owned(),
                deleted_by: Vec::new(),
            }]
        };
    }
    // Byte offset of every character boundary.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    cuts.insert(0);
    cuts.insert(bytes.len() - 1);
    for &(from, to, _) in spans {
        cuts.insert(from);
        cuts.insert(to);
    }
    // Insertions by the point they go at.
    let mut inserts: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(_, to, i) in spans {
        if !shown[i].operation.new_words().is_empty() {
            inserts.entry(to).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let emit_inserts = |at: usize, out: &mut Vec<Segment>| {
        if let Some(list) = inserts.get(&at) {
            for &i in list {
                out.push(Segment::Insert {
                    text: shown[i].operation.new_words().to_owned(),
                    by: i,
                });
            }
        }
    };
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Pure insertions at `a` come before the text that starts there;
        // replacements ending at `a` too (they replace what came before).
        emit_inserts(a, &mut out);
        let deleted_by: Vec<usize> = spans
            .iter()
            .filter(|&&(from, to, _)| from <= a && b <= to && from < to)
            .map(|&(_, _, i)| i)
            .collect();
        out.push(Segment::Text {
            text: text[bytes[a]..bytes[b]].to_owned(),
            deleted_by,
        });
    }
    emit_inserts(*cuts.last().unwrap_or(&0), &mut out);
    out.retain(|s| !matches!(s, Segment::Text { text, .. } if text.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::sample;
    use super::*;

    fn w(s: &str) -> Wid {
        Wid::new(s).unwrap()
    }

    fn proposal(id: i64, op: Operation, by: &[&str]) -> Proposal {
        Proposal {
            id,
            number: id as u32,
            operation: op,
            proposers: by.iter().map(std::string::ToString::to_string).collect(),
            supporters: vec!["MEX".into()],
            objectors: vec![],
            status: AmendmentStatus::Tabled,
            simulated: true,
        }
    }

    #[test]
    fn proposals_stand_inline_with_their_proposers() {
        let text = sample();
        // "We the Heads of State adopt this compact."
        let proposals = vec![
            proposal(
                1,
                Operation::ReplaceText {
                    node: w("p1"),
                    from: 3,
                    to: 21,
                    text: "the Ministers".into(),
                },
                &["EU", "CELAC"],
            ),
            proposal(
                2,
                Operation::DeleteText {
                    node: w("p1"),
                    from: 7,
                    to: 21,
                },
                &["USA"],
            ),
            proposal(
                3,
                Operation::InsertText {
                    node: w("p1"),
                    at: 0,
                    text: "Today ".into(),
                },
                &["G77"],
            ),
            proposal(4, Operation::DeleteNode { node: w("p2b") }, &["AFG"]),
        ];
        let c = compile(&text, &proposals, &ProposalFilter::default());
        let p1 = c.nodes.iter().find(|n| n.placed.wid == w("p1")).unwrap();
        assert_eq!(p1.open, 3);
        // Insertion at 0, then "We " untouched, "the " deleted by 1, "Heads of
        // State" deleted by 1 and 2, then 1's words, then the rest.
        let shape: Vec<String> = p1
            .segments
            .iter()
            .map(|s| match s {
                Segment::Text { text, deleted_by } => format!("{text}|{deleted_by:?}"),
                Segment::Insert { text, by } => format!("+{text}|{}", c.proposals[*by].id),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "+Today |3",
                "We |[]",
                "the |[0]",
                "Heads of State|[0, 1]",
                "+the Ministers|1",
                " adopt this compact.|[]"
            ]
        );
        assert_eq!(c.proposals[0].proposers, ["EU", "CELAC"]);
        let p2b = c.nodes.iter().find(|n| n.placed.wid == w("p2b")).unwrap();
        assert_eq!(p2b.delete_proposed_by.len(), 1);
        // By actor: only what the EU is part of.
        let eu = compile(
            &text,
            &proposals,
            &ProposalFilter {
                actor: Some("EU".into()),
                statuses: vec![],
            },
        );
        assert_eq!((eu.proposals.len(), eu.hidden), (1, 3));
    }
}
