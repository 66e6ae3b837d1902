//! Paragraph status, and the counts per version that show how a negotiation
//! moves across its rounds.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::text::{DraftText, NodeKind, Wid};

crate::named_enum!(
    /// Where a paragraph stands in the negotiation.
    ParagraphStatus, "paragraph status" {
        UnderNegotiation => "under_negotiation",
        AgreedAdRef => "agreed_ad_ref",
        Bracketed => "bracketed",
        Deleted => "deleted",
    }
);

/// Per-version counts of the numbered paragraphs by status. A paragraph has
/// open proposals when it, or one of its sub-paragraphs, has a live one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCounts {
    pub paragraphs: usize,
    pub under_negotiation: usize,
    pub agreed_ad_ref: usize,
    pub bracketed: usize,
    pub deleted: usize,
    /// Paragraphs with at least one live proposal.
    pub with_open_proposals: usize,
}

impl StatusCounts {
    /// Counts the numbered paragraphs of `text`; a paragraph with no recorded
    /// status is under negotiation.
    pub fn of(
        text: &DraftText,
        statuses: &HashMap<Wid, ParagraphStatus>,
        with_proposals: &HashSet<Wid>,
    ) -> Self {
        let mut c = StatusCounts::default();
        for node in text.iter() {
            if node.kind != NodeKind::Paragraph {
                continue;
            }
            c.paragraphs += 1;
            match statuses
                .get(&node.wid)
                .copied()
                .unwrap_or(ParagraphStatus::UnderNegotiation)
            {
                ParagraphStatus::UnderNegotiation => c.under_negotiation += 1,
                ParagraphStatus::AgreedAdRef => c.agreed_ad_ref += 1,
                ParagraphStatus::Bracketed => c.bracketed += 1,
                ParagraphStatus::Deleted => c.deleted += 1,
            }
            if with_proposals.contains(&node.wid)
                || node
                    .children
                    .iter()
                    .any(|c| with_proposals.contains(&c.wid))
            {
                c.with_open_proposals += 1;
            }
        }
        c
    }
}
