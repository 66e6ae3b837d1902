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
    check_ballots, check_cast, check_intention, check_progress_report, not_agreed_paragraphs,
    Adoption, AdoptionMethod, AdoptionSetting, AdoptionStatement, AdoptionStatementKind, Ballot,
    Endorsement, NewAdoption, NewPledge, Pledge, PledgeStatus, RecordedVote, Resolution, Totals,
    VoteChoice, VoteIntention,
};
use accord_domain::negotiation::{Draft, DraftKind, DraftText, NodeKind};
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
