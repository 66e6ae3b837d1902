//! The negotiation phase's use cases: drafts and their versions (imported or
//! built as revisions), amendments with co-sponsors, support and objections,
//! the co-facilitators' decisions and paragraph statuses, the compilation
//! text, redlines, lineage, and silence procedures.
//!
//! Drafts, versions and amendments are public, as the GCM's co-facilitators
//! published theirs; who may write is decided by `policy`.

mod commands;
pub mod languages;
mod views;

use std::collections::{HashMap, HashSet};

use accord_domain::negotiation::{
    self as n, Amendment, AmendmentStatus, Change, Compilation, Draft, DraftKind, DraftText, Edit,
    Imported, LineageStep, NegotiationError, Operation, OutlineLine, ParagraphStatus,
    ProposalFilter, RecordedOutcome, Redline, SilenceBreak, SilenceOutcome, SilenceProcedure,
    Source, Stance, StatusCounts, StatusRecord, Version, Wid, WordOrigin,
};
use accord_domain::{ActorCode, ActorKind, PhaseKind, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::policy::{authorize, Action, Principal};
use crate::{parse_slug, AppError, Result, Unit};

/// Longest justification or break-of-silence letter, in characters.
pub const MAX_LETTER_CHARS: usize = 20_000;

/// Something changed that open pages show: they reload the part named by
/// `topic` ("draft/zero-draft", "meeting/12/speakers").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct LiveEvent {
    pub process: String,
    pub topic: String,
}

/// A draft with its versions (oldest first) and silence procedures.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftDetail {
    pub draft: Draft,
    pub versions: Vec<VersionSummary>,
    pub silence: Vec<SilenceView>,
}

/// A version without its text: label, date, counts.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    pub id: i64,
    pub seq: u32,
    pub label: String,
    pub issued_on: NaiveDate,
    pub counts: StatusCounts,
    pub amendments: usize,
    pub live_amendments: usize,
    pub words: usize,
}

/// A silence procedure with its outcome as of now.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SilenceView {
    pub procedure: SilenceProcedure,
    pub version_label: String,
    pub outcome: SilenceOutcome,
    /// The deadline in the procedure's own time zone, e.g. "2018-07-10 18:00 EDT".
    pub deadline_local: String,
}

/// One version with everything a reader of it needs.
#[derive(Debug, Clone, Serialize)]
pub struct VersionView {
    pub draft: Draft,
    pub version: Version,
    /// The latest version of the draft (where proposals go).
    pub is_latest: bool,
    pub statuses: Vec<StatusRecord>,
    pub amendments: Vec<Amendment>,
    pub counts: StatusCounts,
    /// The draft's versions, oldest first (for navigation).
    pub versions: Vec<(u32, String)>,
}

impl VersionView {
    pub fn status_of(&self, wid: &Wid) -> ParagraphStatus {
        self.statuses
            .iter()
            .find(|s| &s.wid == wid)
            .map_or(ParagraphStatus::UnderNegotiation, |s| s.status)
    }
}

/// Where each word of a passage came from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineageView {
    pub wid: Wid,
    pub origins: Vec<WordOrigin>,
    /// Labels of the draft's versions, by step index.
    pub labels: Vec<String>,
    /// Amendments named in `origins`: id → (version label, number, proposers).
    /// The ids are the JSON object's keys, so strings of digits.
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = HashMap<String, (String, u32, Vec<String>)>)
    )]
    pub amendments: HashMap<i64, (String, u32, Vec<String>)>,
}

/// What a version import is made from.
#[derive(Debug, Clone)]
pub enum ImportSource {
    Markdown(String),
    Docx(Vec<u8>),
}

/// Recognises a draft's structure in a Markdown or DOCX file; `previous`
/// lends its wIds to the nodes it recognises.
pub(crate) fn recognise(source: ImportSource, previous: Option<&DraftText>) -> Result<Imported> {
    Ok(match source {
        ImportSource::Markdown(text) => n::from_markdown(&text, previous).map_err(bad)?,
        ImportSource::Docx(bytes) => {
            let extracted = accord_ingest::extract_as(
                accord_ingest::Format::Docx,
                &bytes,
                &accord_ingest::Limits::default(),
            )
            .map_err(|e| AppError::Unreadable {
                kind: e.kind(),
                message: e.to_string(),
            })?;
            let lines: Vec<OutlineLine> = extracted
                .blocks
                .iter()
                .enumerate()
                .map(|(i, b)| OutlineLine {
                    line: i + 1,
                    heading: match b {
                        accord_ingest::Block::Heading { level, .. } => Some(*level),
                        accord_ingest::Block::Paragraph { .. } => None,
                    },
                    text: b.text().to_owned(),
                })
                .collect();
            n::from_outline(&lines, previous).map_err(bad)?
        }
    })
}

/// A new draft: a negotiating text, or a draft resolution (whose adoption
/// may endorse an earlier adoption), with its document symbol if it has one.
#[derive(Debug, Clone)]
pub struct DraftRequest {
    pub slug: String,
    pub title: String,
    pub kind: DraftKind,
    pub symbol: Option<String>,
    /// Demo data: its amendments are a simulation.
    pub simulated: bool,
}

impl DraftRequest {
    /// A negotiating text with no symbol.
    pub fn negotiating_text(slug: &str, title: &str, simulated: bool) -> DraftRequest {
        DraftRequest {
            slug: slug.to_owned(),
            title: title.to_owned(),
            kind: DraftKind::NegotiatingText,
            symbol: None,
            simulated,
        }
    }
}

/// A new amendment, as a delegate tables it.
#[derive(Debug, Clone)]
pub struct NewAmendment {
    /// The state (or group) proposing.
    pub proposer: ActorCode,
    pub co_sponsors: Vec<ActorCode>,
    pub operation: Operation,
    pub justification: String,
}

/// The co-facilitators' revision: amendments taken up (as tabled, or with a
/// modified operation) and their own edits, on the latest version.
#[derive(Debug, Clone, Default)]
pub struct RevisionRequest {
    pub label: String,
    pub issued_on: Option<NaiveDate>,
    pub take_up: Vec<(i64, Option<Operation>)>,
    pub own_edits: Vec<Operation>,
}

fn bad(e: NegotiationError) -> AppError {
    AppError::Invalid(ValidationError::Negotiation(e))
}

fn check_label(label: &str) -> Result<String> {
    let label = label.trim();
    if label.is_empty() {
        return Err(ValidationError::Empty("version label").into());
    }
    if label.chars().count() > 80 {
        return Err(ValidationError::TooLong {
            what: "version label",
            max: 80,
        }
        .into());
    }
    Ok(label.to_owned())
}

fn check_letter(what: &'static str, text: &str, required: bool) -> Result<String> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(ValidationError::Empty(what).into());
    }
    if text.chars().count() > MAX_LETTER_CHARS {
        return Err(ValidationError::TooLong {
            what,
            max: MAX_LETTER_CHARS,
        }
        .into());
    }
    Ok(text.to_owned())
}

/// The canonical digest of a text: the same text is never issued twice.
fn digest_text(text: &DraftText) -> String {
    let digest = Sha256::digest(n::to_markdown(text).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses "2018-07-10T18:00" (local to `zone`, an IANA name) into an instant.
pub fn local_deadline(local: &str, zone: &str) -> Result<DateTime<Utc>> {
    let tz: chrono_tz::Tz = zone.trim().parse().map_err(|_| {
        bad(NegotiationError::BadDeadline(format!(
            "'{}' is not a time zone name such as America/New_York or Europe/Zurich",
            zone.chars().take(64).collect::<String>()
        )))
    })?;
    let local = local.trim();
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            bad(NegotiationError::BadDeadline(format!(
                "'{}' is not a date and time like 2018-07-10T18:00",
                local.chars().take(64).collect::<String>()
            )))
        })?;
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(..) => Err(bad(NegotiationError::BadDeadline(format!(
            "{local} happens twice in {tz} (the clocks go back); choose another time"
        )))),
        chrono::LocalResult::None => Err(bad(NegotiationError::BadDeadline(format!(
            "{local} does not exist in {tz} (the clocks go forward); choose another time"
        )))),
    }
}

/// `deadline` shown in `zone`, e.g. "2018-07-10 18:00 EDT".
pub fn show_in_zone(deadline: DateTime<Utc>, zone: &str) -> String {
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => deadline
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string(),
        Err(_) => deadline.format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

/// Version `seq` of `draft` among its `versions`.
pub(crate) fn nth_version<'v>(
    versions: &'v [Version],
    draft: &Draft,
    seq: u32,
) -> Result<&'v Version> {
    versions.iter().find(|v| v.seq == seq).ok_or_else(|| {
        AppError::NotFound(format!("version {seq} of '{}' does not exist", draft.slug))
    })
}

fn counts(text: &DraftText, statuses: &[StatusRecord], amendments: &[Amendment]) -> StatusCounts {
    let map: HashMap<Wid, ParagraphStatus> =
        statuses.iter().map(|s| (s.wid.clone(), s.status)).collect();
    let open: HashSet<Wid> = amendments
        .iter()
        .filter(|a| a.status.is_live())
        .map(|a| a.operation.target().clone())
        .collect();
    StatusCounts::of(text, &map, &open)
}

fn summary(v: &Version, statuses: &[StatusRecord], amendments: &[Amendment]) -> VersionSummary {
    VersionSummary {
        id: v.id,
        seq: v.seq,
        label: v.label.clone(),
        issued_on: v.issued_on,
        counts: counts(&v.text, statuses, amendments),
        amendments: amendments.len(),
        live_amendments: amendments.iter().filter(|a| a.status.is_live()).count(),
        words: v.text.word_count(),
    }
}

/// After a new version: records the decisions; carries tabled amendments
/// whose nodes the new version left as they were to it (the old ones are
/// superseded, with a note saying where they went); supersedes the other
/// tabled ones; keeps the statuses of untouched paragraphs.
async fn carry_forward(
    unit: &mut Unit<'_>,
    previous: &Version,
    next: &Version,
    next_id: i64,
    decisions: &[(i64, AmendmentStatus)],
) -> Result<()> {
    let at = unit.at;
    for (id, status) in decisions {
        unit.tx
            .set_amendment_status(
                *id,
                *status,
                &format!("taken up in {}", next.label),
                Some(at),
            )
            .await?;
    }
    let untouched = |wid: &Wid| {
        let before = previous.text.find(wid);
        let after = next.text.find(wid);
        let same = matches!((before, after), (Some(b), Some(a))
            if b.text == a.text && b.heading == a.heading && b.children.len() == a.children.len());
        same && !next.changes.iter().any(|c| &c.wid == wid)
    };
    for a in unit.tx.version_amendments(previous.id).await? {
        if !a.status.is_live() || decisions.iter().any(|(id, _)| *id == a.id) {
            continue;
        }
        let fits =
            a.operation.nodes().into_iter().all(untouched) && a.operation.check(&next.text).is_ok();
        if fits {
            let carried = Amendment {
                id: 0,
                version: next_id,
                carried_from: Some(a.id),
                positions: a.positions.clone(),
                ..a.clone()
            };
            let (_, number) = unit.tx.insert_amendment(&carried).await?;
            unit.tx
                .set_amendment_status(
                    a.id,
                    AmendmentStatus::Superseded,
                    &format!("carried forward to {} as amendment {number}", next.label),
                    Some(at),
                )
                .await?;
        } else {
            unit.tx
                .set_amendment_status(
                    a.id,
                    AmendmentStatus::Superseded,
                    &format!("the text it amends changed in {}", next.label),
                    Some(at),
                )
                .await?;
        }
    }
    for s in unit.tx.version_statuses(previous.id).await? {
        if untouched(&s.wid) {
            unit.tx
                .set_paragraph_status(next_id, &StatusRecord { set_at: at, ..s })
                .await?;
        }
    }
    Ok(())
}
