//! The stocktaking: what the secretariat learns from everything said and
//! written — campaigns, themes, clusters — and what it decides on top of
//! that (theme labels, dismissed suggestions, which paragraphs answer a
//! recommendation). The analysis itself is derived data: a run can always
//! be computed again; the secretariat's decisions are kept across runs.

use crate::negotiation::Wid;
use crate::{ItemKind, Language, Slug};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::named_enum!(
    /// Long work the server does in the background.
    JobKind, "job kind" {
        ImportInputs => "import_inputs",
        Analysis => "analysis",
    }
);

crate::named_enum!(
    /// Where a job stands. A job whose server stopped in the middle of it is
    /// taken over by another (or the same, restarted) when it can be started
    /// again, else failed.
    JobStatus, "job status" {
        Running => "running",
        Succeeded => "succeeded",
        Failed => "failed",
    }
);

/// A background job and its progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Job {
    pub id: i64,
    pub process: Slug,
    pub kind: JobKind,
    pub status: JobStatus,
    /// Units done (rows read, steps done).
    pub done: i64,
    /// Units to do, when known.
    pub total: Option<i64>,
    /// What the job is doing now, or its summary when it is over, or why it
    /// failed.
    pub message: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// One complete analysis of a process's inputs and statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnalysisRun {
    pub id: i64,
    pub process: Slug,
    pub job: Option<i64>,
    /// The taxonomy whose themes were assigned, e.g. `thematic-sessions`.
    pub taxonomy: Slug,
    /// The near-duplicate threshold (estimated Jaccard similarity).
    pub threshold: f64,
    pub inputs: i64,
    pub statements: i64,
    /// Inputs that belong to a campaign.
    pub campaign_inputs: i64,
    pub campaigns: i64,
    /// Items given a theme.
    pub assigned: i64,
    /// The secretariat's labels the run learned from.
    pub labels: i64,
    pub seconds: f64,
    pub stats: RunStats,
    pub finished_at: DateTime<Utc>,
}

/// What came in, counted for the report. (Fields default, so runs stored
/// before a field existed still read.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RunStats {
    /// Inputs and statements that are generated test data.
    pub synthetic: i64,
    /// Inputs by language code.
    pub languages: BTreeMap<String, i64>,
    /// Inputs by the UN M49 region of their country ("" when none is given).
    pub regions: BTreeMap<String, i64>,
    /// Inputs by the Monday of the week they came in.
    pub weeks: BTreeMap<NaiveDate, i64>,
    /// Statements by the kind of actor who delivered them.
    pub statement_kinds: BTreeMap<String, i64>,
    /// Items per theme by who said them, as the run found them.
    pub who: Vec<WhoSaidWhat>,
}

/// Inputs that are one letter, sent many times (word for word, or with
/// small edits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Campaign {
    /// 1 is the largest.
    pub number: i64,
    pub size: i64,
    /// Distinct texts among them after normalisation (1 if every copy is the
    /// same letter).
    pub variants: i64,
    /// The input whose text stands for the campaign.
    pub representative: i64,
    pub language: Language,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub theme: Option<Slug>,
}

/// Which theme an input or a statement is about, and how sure the analysis
/// is (0–1). `theme` is None when nothing in the text points to a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeAssignment {
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub theme: Option<Slug>,
    pub confidence: f64,
}

/// A group of similar inputs within a theme, named by its key phrases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeCluster {
    pub theme: Slug,
    /// 1 is the largest within the theme.
    pub number: i64,
    /// Inputs in the cluster (a campaign counts with all its copies).
    pub inputs: i64,
    pub key_phrases: Vec<String>,
    /// Inputs closest to the cluster's centre, first the closest.
    pub representatives: Vec<i64>,
}

/// The secretariat's word on an item's theme: it wins over the analysis,
/// and the next run learns from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeLabel {
    pub process: Slug,
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub theme: Slug,
    pub labelled_by: String,
    pub labelled_at: DateTime<Utc>,
}

/// A suggested recommendation the secretariat passed over: it is not
/// suggested again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub language: Language,
    /// Where the sentence starts in the item's text (characters).
    pub start_char: i64,
    pub dismissed_by: String,
    pub dismissed_at: DateTime<Utc>,
}

/// The co-facilitators' word that a paragraph of a draft answers a
/// recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageLink {
    pub recommendation: i64,
    pub draft: i64,
    pub wid: Wid,
    pub linked_by: String,
    pub linked_at: DateTime<Utc>,
}

/// One cell of "who said what": how many items of a kind of actor (or of
/// one actor, or from one region) are about a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhoSaidWhat {
    pub item_kind: ItemKind,
    /// The actor's kind for statements (`member_state`, `observer`, …);
    /// None for inputs, which come from the public.
    pub actor_kind: Option<String>,
    /// The speaking actor (statements) or the country of origin (inputs).
    pub actor: Option<String>,
    /// The UN M49 region of the state, if a state.
    pub region: Option<String>,
    pub theme: Option<Slug>,
    pub items: i64,
}
