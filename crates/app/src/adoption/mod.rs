//! Adoption and follow-up use cases: a draft version adopted at a meeting of
//! the process, by consensus or recorded vote (ballots of member states,
//! each once; totals that add up to the membership), statements linked to
//! it (explanations of vote, positions, reservations, dissociations), an
//! endorsement chain (an endorsement adopts a draft resolution of its own,
//! which names the adoption it endorses); then pledges on the adopted text's objectives, their
//! progress reports, and the page of one objective.
//!
//! All of it is public, as UN records of adoptions and pledges are; the
//! secretariat records adoptions, and a pledge is made by the secretariat or
//! by whoever may speak for the actor making it.

mod commands;
#[cfg(feature = "openapi")]
pub mod openapi;
mod views;

use std::collections::{BTreeMap, HashMap, HashSet};

use accord_domain::adoption::{
    check_ballots, check_cast, check_delegation, check_intention, check_oral_change,
    check_paragraph_vote, check_progress_report, not_agreed_paragraphs, text_as_adopted, Adoption,
    AdoptionMethod, AdoptionSetting, AdoptionStatement, AdoptionStatementKind, Ballot,
    BeforeTheWhole, Endorsement, NewAdoption, NewPledge, OralChange, OralChangeKind,
    OralChangeOutcome, ParagraphVote, ParagraphVoteResult, Pledge, PledgeStatus, RecordedVote,
    Resolution, Totals, VoteChoice, VoteIntention,
};
use accord_domain::negotiation::{Draft, DraftKind, DraftText, NodeKind, ParagraphStatus, Version};
use accord_domain::{
    current_phase, Actor, ActorCode, ActorKind, Meeting, Slug, Statement, ValidationError,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::policy::{authorize, clearance, Action, Principal};
use crate::{parse_slug, AppError, Result};

/// An adoption as the secretariat records it: the version by its draft and
/// number, the meeting by id.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdoptionRequest {
    pub meeting: i64,
    pub draft: String,
    /// The version's number (1 for the first version).
    pub version: u32,
    pub title: String,
    pub adopted_on: NaiveDate,
    #[serde(default)]
    pub symbol: Option<String>,
    pub method: AdoptionMethod,
    #[serde(default)]
    pub vote: Option<RecordedVote>,
    /// The adoption this one endorses: the version adopted is then a draft
    /// resolution's of its own, never the endorsed text's.
    #[serde(default)]
    pub endorses: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
    /// The meeting decided to adopt the text as it stands: paragraphs not
    /// agreed are then allowed, and listed with the adoption.
    #[serde(default)]
    pub as_it_stands: bool,
}

/// A separate vote on a paragraph, as the secretariat records it once
/// taken: the version by its draft and number, the paragraph by its number
/// (`23`), eId (`para_23`) or wId; the meeting is the path's. The result
/// (retained or deleted) follows from the vote and its majority rule.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ParagraphVoteRequest {
    pub draft: String,
    /// The version's number (1 for the first version).
    pub version: u32,
    /// The paragraph: its number, eId or wId.
    pub paragraph: String,
    /// The delegation that requested the separate vote (a member state, an
    /// observer state or a group).
    pub requested_by: ActorCode,
    pub voted_on: NaiveDate,
    pub vote: RecordedVote,
}

/// An oral amendment or oral revision moved from the floor, as the
/// secretariat records it: put to a vote (`vote`, the outcome then follows
/// from it) or not (`outcome` given).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OralChangeRequest {
    pub draft: String,
    /// The version's number (1 for the first version).
    pub version: u32,
    /// The paragraph: its number, eId or wId.
    pub paragraph: String,
    pub kind: OralChangeKind,
    /// The delegation that moved it (a member state, an observer state or a group).
    pub moved_by: ActorCode,
    pub moved_on: NaiveDate,
    /// The change as read out.
    pub text: String,
    #[serde(default)]
    pub outcome: Option<OralChangeOutcome>,
    #[serde(default)]
    pub vote: Option<RecordedVote>,
}

/// A separate vote with the names a reader needs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParagraphVoteView {
    pub paragraph_vote: ParagraphVote,
    pub requested_by_name: String,
    /// The draft and version voted on ("Rev.3").
    pub draft: String,
    pub version_label: String,
}

/// An oral change with the names a reader needs.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OralChangeView {
    pub oral_change: OralChange,
    pub moved_by_name: String,
    pub draft: String,
    pub version_label: String,
}

/// What was decided at a meeting before the votes on the whole: the
/// separate votes on paragraphs and the oral changes, each oldest first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BeforeTheWholeView {
    pub paragraph_votes: Vec<ParagraphVoteView>,
    pub oral_changes: Vec<OralChangeView>,
}

/// One member state's line in a vote: its vote, or `None` — not recorded.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRow {
    pub code: ActorCode,
    pub name: String,
    /// ISO 3166-1 alpha-2, which names the state in other languages.
    pub iso2: Option<String>,
    pub region: String,
    pub subregion: String,
    pub m49: Option<u16>,
    pub vote: Option<VoteChoice>,
    /// What the state said, after the vote, it had intended to vote; its
    /// vote above stands as recorded.
    pub intended: Option<VoteChoice>,
}

/// A statement linked to an adoption.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedStatement {
    pub kind: AdoptionStatementKind,
    #[cfg_attr(feature = "openapi", schema(value_type = openapi::AdoptionStatementRecord))]
    pub statement: Statement,
    pub actor_name: String,
}

/// An adoption in a list: what, where, when, how, and the outcome.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptionSummary {
    pub adoption: Adoption,
    #[cfg_attr(feature = "openapi", schema(value_type = openapi::AdoptionMeetingRecord))]
    pub meeting: Meeting,
    pub draft: Draft,
    pub version_seq: u32,
    pub version_label: String,
    pub adopted: bool,
}

/// One adoption with everything its page shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdoptionDetail {
    #[serde(flatten)]
    pub summary: AdoptionSummary,
    /// The yes votes needed to carry (recorded votes).
    pub needed: Option<u32>,
    /// The members present and voting (yes or no), on which the majority
    /// is counted (recorded votes).
    pub present_and_voting: Option<u32>,
    /// How many member states were present, when the record lists them.
    pub present: Option<usize>,
    /// Member states whose vote is on record.
    pub recorded: usize,
    /// Every member state, by name.
    pub rows: Vec<VoteRow>,
    pub statements: Vec<LinkedStatement>,
    /// The separate votes on paragraphs of the version taken at the
    /// meeting before the vote on the whole, oldest first.
    pub paragraph_votes: Vec<ParagraphVoteView>,
    /// The oral amendments and revisions moved on the version at the
    /// meeting, oldest first.
    pub oral_changes: Vec<OralChangeView>,
    /// The paragraphs (numbers in the version, "23") deleted by separate
    /// votes: the text as adopted is the version without them.
    pub deleted: Vec<String>,
    /// Their wIds, to mark them in the text.
    pub deleted_wids: Vec<accord_domain::negotiation::Wid>,
    /// The adopted text read as a resolution — preambular, then operative
    /// paragraphs — when its draft is a draft resolution.
    pub resolution: Option<Resolution>,
    pub endorses: Option<AdoptionSummary>,
    pub endorsed_by: Vec<AdoptionSummary>,
}

impl AdoptionDetail {
    /// How many member states voted `choice`, by region.
    pub fn by_region(&self) -> BTreeMap<String, BTreeMap<String, u32>> {
        let mut out: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for r in &self.rows {
            let key = r.vote.map_or("not_recorded", |v| v.as_str());
            *out.entry(r.region.clone())
                .or_default()
                .entry(key.to_owned())
                .or_insert(0) += 1;
        }
        out
    }
}

/// A pledge with its maker's name and region.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeView {
    pub pledge: Pledge,
    pub actor_name: String,
    pub actor_kind: ActorKind,
    /// The maker's region; "" for actors that are not states.
    pub region: String,
}

/// The page of one objective of the adopted text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectiveView {
    pub number: u32,
    pub title: String,
    pub objectives: u32,
    /// (region, pledges), regions by name, then actors that are not states ("").
    pub by_region: Vec<(String, Vec<PledgeView>)>,
    pub pledges: usize,
}

/// Most pledges on one page.
pub const MAX_PLEDGES_PAGE: u32 = 500;

/// An adoption of `process`, read in the unit of work.
async fn adoption_in(unit: &mut crate::Unit<'_>, process: &Slug, id: i64) -> Result<Adoption> {
    unit.tx
        .find_adoption(id)
        .await?
        .filter(|a| &a.process == process)
        .ok_or_else(|| AppError::NotFound(format!("adoption {id} in '{process}'")))
}

/// The objectives (numbered in order) of a text.
pub fn objectives_of(text: &DraftText) -> Vec<String> {
    fn walk(nodes: &[accord_domain::negotiation::Node], out: &mut Vec<String>) {
        for n in nodes {
            if n.kind == NodeKind::Objective {
                out.push(n.heading.clone());
            }
            walk(&n.children, out);
        }
    }
    let mut out = vec![];
    walk(&text.nodes, &mut out);
    out
}
