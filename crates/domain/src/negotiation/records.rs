//! What the store keeps of a negotiation: drafts, their versions, amendments
//! with who stands where, paragraph statuses and silence procedures.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::amendment::{AmendmentStatus, Change, Operation, Stance};
use super::status::ParagraphStatus;
use super::text::{DraftText, Wid};
use crate::{ActorCode, Slug};

crate::named_enum!(
    /// What a draft is: a negotiating text (a compact, a declaration: the
    /// outcome the process negotiates), or a draft resolution, whose
    /// adoption may endorse an outcome adopted before (the General
    /// Assembly's resolution endorsing a compact).
    DraftKind, "draft kind" {
        NegotiatingText => "negotiating_text",
        Resolution => "resolution",
    }
);

/// A negotiating text of a process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub id: i64,
    pub process: Slug,
    pub slug: Slug,
    pub title: String,
    pub kind: DraftKind,
    /// The draft's document symbol, when it has one (a draft resolution's
    /// "A/73/L.66").
    pub symbol: Option<String>,
    /// Demo data: its amendments are a simulation, said on every page.
    pub simulated: bool,
    pub created_at: DateTime<Utc>,
}

/// One version of a draft (zero draft, Rev.1 …), oldest first by `seq`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Version {
    pub id: i64,
    pub draft: i64,
    /// 1 for the first version, then 2, 3 …
    pub seq: u32,
    /// "Zero draft", "Rev.1", "Final".
    pub label: String,
    pub issued_on: NaiveDate,
    pub text: DraftText,
    /// How it was made from the version before (empty when imported whole).
    pub changes: Vec<Change>,
    /// SHA-256 of the text's canonical JSON: the same text is not issued twice.
    pub content_sha256: String,
    pub issued_by: String,
    pub issued_at: DateTime<Utc>,
}

/// An actor's stance on an amendment, and when it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = AmendmentPosition))]
pub struct Position {
    pub actor: ActorCode,
    pub stance: Stance,
    pub at: DateTime<Utc>,
}

/// An amendment as tabled on a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Amendment {
    pub id: i64,
    pub version: i64,
    /// Its number on the version, from 1.
    pub number: u32,
    /// A state, or a group of states.
    pub proposer: ActorCode,
    /// Co-sponsors who confirmed: a state co-sponsors by its own act.
    pub co_sponsors: Vec<ActorCode>,
    /// Named by the proposer, not yet confirmed by the co-sponsor's own
    /// delegation: shown as pending, never counted among the proposers.
    #[serde(default)]
    pub pending_co_sponsors: Vec<ActorCode>,
    /// Support and objections, in the order they came.
    pub positions: Vec<Position>,
    pub operation: Operation,
    pub justification: String,
    pub status: AmendmentStatus,
    /// The co-facilitators' note on their decision.
    pub outcome_note: String,
    pub decided_at: Option<DateTime<Utc>>,
    /// The amendment on the earlier version this one carries forward.
    pub carried_from: Option<i64>,
    pub simulated: bool,
    pub proposed_by: String,
    pub proposed_at: DateTime<Utc>,
}

impl Amendment {
    pub fn supporters(&self) -> impl Iterator<Item = &ActorCode> {
        self.positions
            .iter()
            .filter(|p| p.stance == Stance::Support)
            .map(|p| &p.actor)
    }

    pub fn objectors(&self) -> impl Iterator<Item = &ActorCode> {
        self.positions
            .iter()
            .filter(|p| p.stance == Stance::Object)
            .map(|p| &p.actor)
    }

    /// As the compilation text shows it.
    pub fn proposal(&self) -> super::Proposal {
        super::Proposal {
            id: self.id,
            number: self.number,
            operation: self.operation.clone(),
            proposers: std::iter::once(&self.proposer)
                .chain(&self.co_sponsors)
                .map(std::string::ToString::to_string)
                .collect(),
            supporters: self
                .supporters()
                .map(std::string::ToString::to_string)
                .collect(),
            objectors: self
                .objectors()
                .map(std::string::ToString::to_string)
                .collect(),
            status: self.status,
            simulated: self.simulated,
        }
    }
}

/// A paragraph's status on a version, as the co-facilitators set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusRecord {
    pub wid: Wid,
    pub status: ParagraphStatus,
    /// For a bracketed paragraph: the alternatives still on the table.
    pub options: Vec<String>,
    pub set_at: DateTime<Utc>,
}

/// A letter breaking silence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SilenceBreak {
    pub actor: ActorCode,
    pub letter: String,
    pub at: DateTime<Utc>,
}

/// A silence procedure on a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SilenceProcedure {
    pub id: i64,
    pub version: i64,
    pub deadline: DateTime<Utc>,
    /// The IANA time zone the deadline was set in (shown to readers).
    pub time_zone: String,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    pub breaks: Vec<SilenceBreak>,
    /// Recorded once the deadline has passed.
    pub outcome: Option<RecordedOutcome>,
    pub outcome_at: Option<DateTime<Utc>>,
}

crate::named_enum!(
    /// A silence procedure's outcome, as recorded after its deadline.
    RecordedOutcome, "silence outcome" {
        AdoptedUnderSilence => "adopted_under_silence",
        Broken => "broken",
    }
);

impl SilenceProcedure {
    pub fn state(&self) -> super::SilenceState {
        super::SilenceState {
            deadline: self.deadline,
            breaks: self
                .breaks
                .iter()
                .map(|b| (b.actor.to_string(), b.at))
                .collect(),
        }
    }
}
