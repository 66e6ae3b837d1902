//! The negotiation phase: drafts as trees of nodes with stable identities,
//! amendments on them, the compilation text, revisions, redlines, lineage,
//! paragraph status and the silence procedure. Pure functions over values;
//! the app stores them and decides who may do what.

mod amendment;
mod compilation;
mod expression;
mod lineage;
mod markdown;
mod records;
mod redline;
mod silence;
mod status;
mod text;
mod words;

pub use amendment::{
    apply, AmendmentStatus, Change, ChangeWhat, Edit, Operation, Source, Stance,
    MAX_OPERATION_CHARS,
};
pub use compilation::{compile, Compilation, CompiledNode, Proposal, ProposalFilter, Segment};
pub use expression::{
    align, translated_text, translation_status, Expression, NodeWords, TranslationStatus,
};
pub use lineage::{lineage, LineageStep, WordOrigin};
pub use markdown::{
    from_markdown, from_outline, title_only, to_markdown, Diagnostic, Imported, OutlineLine,
};
pub use records::{
    Amendment, Draft, DraftKind, Position, RecordedOutcome, SilenceBreak, SilenceProcedure,
    StatusRecord, Version,
};
pub use redline::{redline, NodeDiff, NodeDiffKind, Redline, RedlineSummary};
pub use silence::{SilenceOutcome, SilenceState};
pub use status::{ParagraphStatus, StatusCounts};
pub use text::{letter, DraftText, Node, NodeKind, Placed, Wid, MAX_NODES, MAX_NODE_CHARS};
pub use words::{word_diff, words, WordOp};

/// A broken rule of the negotiation; `kind()` is the machine-readable name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NegotiationError {
    #[error("'{0}' is not a node identity (lowercase letters, digits, '_' and '-', starting with a letter, at most 40)")]
    BadWid(String),
    #[error("{0}")]
    Structure(String),
    #[error("the node '{0}' appears twice in the text")]
    DuplicateWid(String),
    #[error("the node '{0}' is not in this version")]
    UnknownNode(String),
    #[error(
        "the span {from}–{to} is outside the text of '{node}', which is {len} characters long"
    )]
    SpanOutsideText {
        node: String,
        from: usize,
        to: usize,
        len: usize,
    },
    #[error("the proposal brings no words")]
    EmptyProposal,
    #[error("the text would be longer than {0} characters")]
    TooLong(usize),
    #[error("'{0}' cannot be moved into itself or into one of its own parts")]
    MoveIntoItself(String),
    #[error("two edits taken into the revision touch the same part of '{0}'")]
    OverlappingEdits(String),
    #[error("nothing in the file looks like a draft: {0}")]
    NothingRecognised(String),
    #[error("the process is not in its negotiation phase ({0}); amendments are taken only while it negotiates")]
    NotNegotiating(String),
    #[error("amendment {number} is {status}; only a tabled amendment can be {what}")]
    NotLive {
        number: u32,
        status: String,
        what: &'static str,
    },
    #[error("{0} is not the draft's latest version; proposals and revisions start from the latest ({1})")]
    NotLatest(String, String),
    #[error("this draft already has that version: {0}")]
    DuplicateVersion(String),
    #[error("the silence procedure ended at {0}; silence can no longer be broken")]
    SilenceOver(String),
    #[error("a silence procedure on this draft is still running, until {0}")]
    SilenceRunning(String),
    #[error("{0} has already broken silence")]
    AlreadyBroken(String),
    #[error("{0}")]
    BadDeadline(String),
    #[error("{actor} cannot {what}")]
    NotAllowedFor { actor: String, what: &'static str },
    /// Confirming or withdrawing a co-sponsorship the amendment does not hold.
    #[error("{0}")]
    NotCoSponsor(String),
}

impl NegotiationError {
    pub fn kind(&self) -> &'static str {
        use NegotiationError::*;
        match self {
            BadWid(_) => "bad_wid",
            Structure(_) => "bad_structure",
            DuplicateWid(_) => "duplicate_wid",
            UnknownNode(_) => "unknown_node",
            SpanOutsideText { .. } => "span_outside_text",
            EmptyProposal => "empty_proposal",
            TooLong(_) => "too_long",
            MoveIntoItself(_) => "move_into_itself",
            OverlappingEdits(_) => "overlapping_edits",
            NothingRecognised(_) => "no_numbering",
            NotNegotiating(_) => "not_negotiating",
            NotLive { .. } => "amendment_not_live",
            NotLatest(..) => "not_latest_version",
            DuplicateVersion(_) => "duplicate_version",
            SilenceOver(_) => "silence_over",
            SilenceRunning(_) => "silence_running",
            AlreadyBroken(_) => "already_broken",
            BadDeadline(_) => "bad_deadline",
            NotAllowedFor { .. } => "not_allowed_for_actor",
            NotCoSponsor(_) => "not_named_co_sponsor",
        }
    }

    /// True when the error is a clash with something already stored.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            NegotiationError::DuplicateVersion(_)
                | NegotiationError::AlreadyBroken(_)
                | NegotiationError::SilenceRunning(_)
                | NegotiationError::NotCoSponsor(_)
        )
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) fn node(wid: &str, kind: NodeKind, text: &str, children: Vec<Node>) -> Node {
        let mut n = Node::new(Wid::new(wid).unwrap(), kind);
        match kind {
            NodeKind::Section | NodeKind::Objective => n.heading = text.into(),
            _ => n.text = text.into(),
        }
        n.children = children;
        n
    }

    /// A small text: a preamble with one paragraph; a section with one
    /// objective whose paragraph has two sub-paragraphs.
    pub(crate) fn sample() -> DraftText {
        use NodeKind::*;
        DraftText {
            title: "Test compact".into(),
            nodes: vec![
                node(
                    "pre",
                    Section,
                    "Preamble",
                    vec![node(
                        "p1",
                        Paragraph,
                        "We the Heads of State adopt this compact.",
                        vec![],
                    )],
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
                            "We commit to:",
                            vec![
                                node("p2a", Subparagraph, "collect data;", vec![]),
                                node("p2b", Subparagraph, "share data.", vec![]),
                            ],
                        )],
                    )],
                ),
            ],
        }
    }
}
