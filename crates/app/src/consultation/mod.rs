//! The consultation phase: statements at meetings, calls for inputs and the
//! inputs sent to them, the texts of each in their languages, and the
//! recommendations the secretariat marks in them. Every read is filtered by
//! what the reader may see (`policy::clearance`); an item the reader may not
//! see is "not found", never "forbidden", so its existence does not leak.

mod commands;
mod views;

use crate::listing::Position;
use crate::policy::{authorize, clearance, Action, Principal};
use crate::{bad_cursor, cursor, next_cursor, AppError, Listing, PageRequest, Result};
use accord_domain::{
    Actor, ActorKind, Clearance, Consultation, Distribution, Input, ItemKind, ItemText, Meeting,
    NewInput, NewRecommendation, NewStatement, Recommendation, Slug, Statement, ValidationError,
};
use accord_store::{InputQuery, RecommendationQuery, StatementQuery, Visible};
use chrono::Duration;

/// Delegates may add a statement until this many days after the meeting ends.
pub const STATEMENT_DAYS_AFTER_MEETING: i64 = 30;

/// A call for inputs as the secretariat's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallForInputs {
    pub consultation: Consultation,
    /// `open`, `upcoming` or `closed`, at the app's clock.
    pub state: &'static str,
    /// Why it was closed early, if it was.
    pub closed_reason: Option<String>,
}

/// A statement with what a reader needs to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementDetail {
    pub statement: Statement,
    pub actor: Actor,
    pub on_behalf_of: Option<Actor>,
    pub meeting: Meeting,
    pub texts: Vec<ItemText>,
    /// The versions kept beside the standing texts (a file beside typed
    /// text, or typed text beside a file), readable by whoever reads the
    /// statement, with the secretariat's choice once made.
    pub other_versions: Vec<accord_domain::OtherVersion>,
    pub recommendations: Vec<Recommendation>,
}

/// An input with the recommendations marked in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDetail {
    pub input: Input,
    pub recommendations: Vec<Recommendation>,
}

fn id_cursor(page: &PageRequest, list: &str) -> Result<Option<i64>> {
    match cursor(page, list)? {
        Some(Position::Seq(n)) => Ok(Some(n)),
        Some(_) => Err(bad_cursor(())),
        None => Ok(None),
    }
}

/// Country codes met in an import, and whether each is a state.
pub(crate) type KnownStates = std::collections::HashMap<accord_domain::ActorCode, bool>;

/// What one batch of an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportBatch {
    /// Inputs stored now.
    pub imported: usize,
    /// Rows whose external id was imported before: nothing changed.
    pub unchanged: usize,
    /// Rows refused: their line in the file, and why.
    pub rejected: Vec<(usize, String)>,
}

/// Sentences of an item's text that read like recommendations (in English,
/// French and Spanish) and are not marked as recommendations yet: for the
/// secretariat to confirm, or to pass over.
pub fn suggested_recommendations(
    text: &str,
    language: accord_domain::Language,
    marked: &[Recommendation],
) -> Vec<accord_analysis::Candidate> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let taken: Vec<String> = marked
        .iter()
        .filter(|r| r.recommendation.language == language)
        .map(|r| squash(&r.recommendation.passage))
        .collect();
    accord_analysis::recommendation_candidates(text, language.as_str())
        .into_iter()
        .filter(|c| {
            let sentence = squash(&c.sentence);
            !taken
                .iter()
                .any(|t| sentence.contains(t.as_str()) || t.contains(sentence.as_str()))
        })
        .collect()
}
