//! The negotiation phase's use cases: drafts and their versions (imported or
//! built as revisions), amendments with co-sponsors, support and objections,
//! the co-facilitators' decisions and paragraph statuses, the compilation
//! text, redlines, lineage, and silence procedures.
//!
//! Drafts, versions and amendments are public, as the GCM's co-facilitators
//! published theirs; who may write is decided by `policy`.

use std::collections::{HashMap, HashSet};

use accord_domain::negotiation::{
    self as n, Amendment, AmendmentStatus, Change, Compilation, Draft, DraftText, Edit, Imported,
    LineageStep, NegotiationError, Operation, OutlineLine, ParagraphStatus, ProposalFilter,
    RecordedOutcome, Redline, SilenceBreak, SilenceOutcome, SilenceProcedure, Source, Stance,
    StatusCounts, StatusRecord, Version, Wid, WordOrigin,
};
use accord_domain::{ActorCode, ActorKind, PhaseKind, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::policy::{authorize, Action, Principal};
use crate::{parse_slug, App, AppError, Result, Unit};

/// Longest justification or break-of-silence letter, in characters.
pub const MAX_LETTER_CHARS: usize = 20_000;

/// Something changed that open pages show: they reload the part named by
/// `topic` ("draft/zero-draft", "meeting/12/speakers").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveEvent {
    pub process: String,
    pub topic: String,
}

/// A draft with its versions (oldest first) and silence procedures.
#[derive(Debug, Clone, Serialize)]
pub struct DraftDetail {
    pub draft: Draft,
    pub versions: Vec<VersionSummary>,
    pub silence: Vec<SilenceView>,
}

/// A version without its text: label, date, counts.
#[derive(Debug, Clone, Serialize)]
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
pub struct LineageView {
    pub wid: Wid,
    pub origins: Vec<WordOrigin>,
    /// Labels of the draft's versions, by step index.
    pub labels: Vec<String>,
    /// Amendments named in `origins`: id → (version label, number, proposers).
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

impl App {
    // ---- live updates -----------------------------------------------------

    /// Events for open pages (compilation texts, speakers' lists).
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<LiveEvent> {
        self.live.subscribe()
    }

    pub(crate) fn announce(&self, process: &Slug, topic: String) {
        // Nobody listening is not an error.
        let _ = self.live.send(LiveEvent {
            process: process.to_string(),
            topic,
        });
    }

    // ---- reads ------------------------------------------------------------

    /// Whether `p` is designated to speak (and negotiate) for `group`.
    pub async fn is_group_speaker(&self, p: &Principal, process: &str, group: &str) -> bool {
        let (Some(account), Ok(process), Ok(group)) = (
            p.account_id(),
            process.parse::<Slug>(),
            group.parse::<ActorCode>(),
        ) else {
            return false;
        };
        // A read, not a unit of work: on SQLite a unit takes the writer's turn.
        self.store
            .group_speaker(&process, &group, account)
            .await
            .unwrap_or(false)
    }

    pub async fn drafts(&self, process: &str) -> Result<Vec<Draft>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_drafts(&process).await?)
    }

    pub(crate) async fn find_draft(&self, process: &str, draft: &str) -> Result<Draft> {
        let process = self.existing_process(process).await?;
        let slug = parse_slug("draft", draft)?;
        Ok(self.store.get_draft(&process, &slug).await?)
    }

    /// A draft, its versions with their counts, and its silence procedures
    /// (outcomes due are recorded first).
    pub async fn draft(&self, process: &str, draft: &str) -> Result<DraftDetail> {
        let draft = self.find_draft(process, draft).await?;
        self.settle_silence().await?;
        let versions = self.store.list_versions(draft.id).await?;
        let mut summaries = Vec::new();
        for v in &versions {
            let statuses = self.store.list_paragraph_statuses(v.id).await?;
            let amendments = self.store.list_amendments(v.id).await?;
            summaries.push(summary(v, &statuses, &amendments));
        }
        let silence = self.silence_views(&draft, &versions).await?;
        Ok(DraftDetail {
            draft,
            versions: summaries,
            silence,
        })
    }

    async fn silence_views(&self, draft: &Draft, versions: &[Version]) -> Result<Vec<SilenceView>> {
        let now = self.now();
        Ok(self
            .store
            .list_silence_procedures(draft.id)
            .await?
            .into_iter()
            .map(|procedure| SilenceView {
                version_label: versions
                    .iter()
                    .find(|v| v.id == procedure.version)
                    .map_or_else(String::new, |v| v.label.clone()),
                outcome: procedure.state().outcome(now),
                deadline_local: show_in_zone(procedure.deadline, &procedure.time_zone),
                procedure,
            })
            .collect())
    }

    /// One version (by its sequence number, 1 for the first) with statuses
    /// and amendments.
    pub async fn version(&self, process: &str, draft: &str, seq: u32) -> Result<VersionView> {
        let draft = self.find_draft(process, draft).await?;
        let versions = self.store.list_versions(draft.id).await?;
        let is_latest = versions.last().is_some_and(|v| v.seq == seq);
        let nav = versions.iter().map(|v| (v.seq, v.label.clone())).collect();
        let version = nth_version(&versions, &draft, seq)?.clone();
        let statuses = self.store.list_paragraph_statuses(version.id).await?;
        let amendments = self.store.list_amendments(version.id).await?;
        let counts = counts(&version.text, &statuses, &amendments);
        Ok(VersionView {
            draft,
            version,
            is_latest,
            statuses,
            amendments,
            counts,
            versions: nav,
        })
    }

    /// The compilation text of a version: its live proposals (or those the
    /// filter asks for) inline.
    pub async fn compilation(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        filter: &ProposalFilter,
    ) -> Result<(VersionView, Compilation)> {
        let view = self.version(process, draft, seq).await?;
        let proposals: Vec<_> = view.amendments.iter().map(Amendment::proposal).collect();
        let compilation = n::compile(&view.version.text, &proposals, filter);
        Ok((view, compilation))
    }

    /// The redline from version `from` to version `to` (any two, either order).
    pub async fn redline(
        &self,
        process: &str,
        draft: &str,
        from: u32,
        to: u32,
    ) -> Result<(Draft, Version, Version, Redline)> {
        let draft = self.find_draft(process, draft).await?;
        let versions = self.store.list_versions(draft.id).await?;
        let a = nth_version(&versions, &draft, from)?.clone();
        let b = nth_version(&versions, &draft, to)?.clone();
        let redline = n::redline(&a.text, &b.text);
        Ok((draft, a, b, redline))
    }

    /// For each word of node `wid` in version `seq`: the version and the
    /// amendment (or the co-facilitators) that brought it.
    pub async fn lineage(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        wid: &str,
    ) -> Result<LineageView> {
        let draft = self.find_draft(process, draft).await?;
        let wid = Wid::new(wid).map_err(bad)?;
        let versions: Vec<Version> = self
            .store
            .list_versions(draft.id)
            .await?
            .into_iter()
            .take_while(|v| v.seq <= seq)
            .collect();
        if versions.last().is_none_or(|v| v.seq != seq) {
            return Err(AppError::NotFound(format!(
                "version {seq} of '{}' does not exist",
                draft.slug
            )));
        }
        let steps: Vec<LineageStep<'_>> = versions
            .iter()
            .map(|v| LineageStep {
                text: &v.text,
                changes: &v.changes,
            })
            .collect();
        let origins = n::lineage(&steps, &wid)
            .ok_or_else(|| bad(NegotiationError::UnknownNode(wid.to_string())))?;
        let mut amendments = HashMap::new();
        for o in &origins {
            if let Some(Source::Amendment(id)) = o.source {
                if let std::collections::hash_map::Entry::Vacant(e) = amendments.entry(id) {
                    let a = self.store.get_amendment(id).await?;
                    let label = versions
                        .iter()
                        .find(|v| v.id == a.version)
                        .map_or_else(String::new, |v| v.label.clone());
                    let proposers = std::iter::once(&a.proposer)
                        .chain(&a.co_sponsors)
                        .map(std::string::ToString::to_string)
                        .collect();
                    e.insert((label, a.number, proposers));
                }
            }
        }
        Ok(LineageView {
            wid,
            origins,
            labels: versions.iter().map(|v| v.label.clone()).collect(),
            amendments,
        })
    }

    /// An amendment, with the draft and version it is on.
    pub async fn amendment(
        &self,
        process: &str,
        draft: &str,
        id: i64,
    ) -> Result<(Draft, Version, Amendment)> {
        let draft = self.find_draft(process, draft).await?;
        let amendment = self.store.get_amendment(id).await?;
        let version = self
            .store
            .list_versions(draft.id)
            .await?
            .into_iter()
            .find(|v| v.id == amendment.version)
            .ok_or_else(|| {
                AppError::NotFound(format!("amendment {id} of '{}' does not exist", draft.slug))
            })?;
        Ok((draft, version, amendment))
    }

    // ---- writes: drafts and versions ---------------------------------------

    /// A new, empty draft of a process (co-facilitators or secretariat).
    pub async fn create_draft(
        &self,
        p: &Principal,
        process: &str,
        slug: &str,
        title: &str,
        simulated: bool,
    ) -> Result<Draft> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ChairNegotiation(&process))?;
        let slug = parse_slug("draft", slug)?;
        let title = title.trim();
        if title.is_empty() {
            return Err(ValidationError::Empty("draft title").into());
        }
        let mut unit = self.unit(p).await?;
        if unit.tx.find_draft(&process, &slug).await?.is_some() {
            return Err(ValidationError::DuplicateSlug {
                what: "draft",
                slug: slug.to_string(),
            }
            .into());
        }
        let mut draft = Draft {
            id: 0,
            process: process.clone(),
            slug,
            title: title.chars().take(300).collect(),
            simulated,
            created_at: unit.at,
        };
        draft.id = unit.tx.insert_draft(&draft).await?;
        unit.audit(
            "draft.create",
            Some(&process),
            vec![format!("draft:{}", draft.id)],
        )
        .await?;
        unit.commit().await?;
        Ok(draft)
    }

    /// Reads a version from Markdown or DOCX. With `commit` false, only
    /// says what was recognised (a preview); with `commit` true, also issues
    /// it as the draft's next version: node identities follow the latest
    /// version's where the file gives none, and tabled amendments on nodes it
    /// left untouched carry forward.
    #[allow(clippy::too_many_arguments)]
    pub async fn import_version(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        label: &str,
        issued_on: Option<NaiveDate>,
        source: ImportSource,
        commit: bool,
    ) -> Result<(Imported, Option<u32>)> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let label = check_label(label)?;
        let latest = self.store.list_versions(draft.id).await?.pop();
        let previous = latest.as_ref().map(|v| &v.text);
        let imported = recognise(source, previous)?;
        if !commit {
            return Ok((imported, None));
        }
        let seq = self
            .issue(
                p,
                &draft,
                &label,
                issued_on,
                imported.text.clone(),
                Vec::new(),
            )
            .await?;
        Ok((imported, Some(seq)))
    }

    /// Builds the next version from the latest: amendments taken up (as
    /// tabled or modified) and the co-facilitators' own edits, all applied
    /// together; every change records where it came from.
    pub async fn issue_revision(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        request: RevisionRequest,
    ) -> Result<u32> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let label = check_label(&request.label)?;
        let latest = self
            .store
            .list_versions(draft.id)
            .await?
            .pop()
            .ok_or_else(|| {
                AppError::BadRequest("the draft has no version yet: import the first one".into())
            })?;
        let amendments = self.store.list_amendments(latest.id).await?;
        let mut edits = Vec::new();
        let mut seen = HashSet::new();
        for (id, modified) in &request.take_up {
            let a = amendments.iter().find(|a| a.id == *id).ok_or_else(|| {
                AppError::BadRequest(format!(
                    "amendment {id} is not on {}, the latest version",
                    latest.label
                ))
            })?;
            if !seen.insert(*id) {
                return Err(AppError::BadRequest(format!(
                    "amendment {} is taken up twice",
                    a.number
                )));
            }
            if !a.status.is_live() {
                return Err(bad(NegotiationError::NotLive {
                    number: a.number,
                    status: a.status.to_string(),
                    what: "taken up",
                }));
            }
            edits.push(Edit {
                operation: modified.clone().unwrap_or_else(|| a.operation.clone()),
                source: Source::Amendment(a.id),
            });
        }
        for op in &request.own_edits {
            edits.push(Edit {
                operation: op.clone(),
                source: Source::CoFacilitators,
            });
        }
        if edits.is_empty() {
            return Err(AppError::BadRequest(
                "a revision takes up at least one amendment or makes one edit".into(),
            ));
        }
        let (text, changes) = n::apply(&latest.text, &edits).map_err(bad)?;
        let decisions: Vec<(i64, AmendmentStatus)> = request
            .take_up
            .iter()
            .map(|(id, modified)| {
                (
                    *id,
                    if modified.is_some() {
                        AmendmentStatus::AcceptedAsModified
                    } else {
                        AmendmentStatus::Accepted
                    },
                )
            })
            .collect();
        self.issue_with(
            p,
            &draft,
            &label,
            request.issued_on,
            text,
            changes,
            &decisions,
        )
        .await
    }

    async fn issue(
        &self,
        p: &Principal,
        draft: &Draft,
        label: &str,
        issued_on: Option<NaiveDate>,
        text: DraftText,
        changes: Vec<Change>,
    ) -> Result<u32> {
        self.issue_with(p, draft, label, issued_on, text, changes, &[])
            .await
    }

    /// Records the next version in one unit: the version, the decisions on
    /// amendments taken up, amendments carried forward (tabled ones on nodes
    /// the new version did not touch) or superseded (the others), and the
    /// paragraph statuses of untouched nodes.
    #[allow(clippy::too_many_arguments)]
    async fn issue_with(
        &self,
        p: &Principal,
        draft: &Draft,
        label: &str,
        issued_on: Option<NaiveDate>,
        text: DraftText,
        changes: Vec<Change>,
        decisions: &[(i64, AmendmentStatus)],
    ) -> Result<u32> {
        text.validate().map_err(bad)?;
        let mut unit = self.unit(p).await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let content_sha256 = digest_text(&text);
        if let Some(same) = versions.iter().find(|v| v.content_sha256 == content_sha256) {
            return Err(bad(NegotiationError::DuplicateVersion(format!(
                "the same text was issued as {}",
                same.label
            ))));
        }
        if versions.iter().any(|v| v.label.eq_ignore_ascii_case(label)) {
            return Err(bad(NegotiationError::DuplicateVersion(format!(
                "a version is already labelled {label}"
            ))));
        }
        let seq = versions.last().map_or(1, |v| v.seq + 1);
        let version = Version {
            id: 0,
            draft: draft.id,
            seq,
            label: label.to_owned(),
            issued_on: issued_on.unwrap_or_else(|| unit.at.date_naive()),
            text,
            changes,
            content_sha256,
            issued_by: p.name(),
            issued_at: unit.at,
        };
        let id = unit.tx.insert_version(&version).await?;
        if let Some(previous) = versions.last() {
            carry_forward(&mut unit, previous, &version, id, decisions).await?;
        }
        unit.audit(
            "draft.version.issue",
            Some(&draft.process),
            vec![format!("draft:{}", draft.id), format!("version:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(seq)
    }

    // ---- writes: amendments -----------------------------------------------

    /// Checks that `p` may act for `actor` (a state, or a group it is
    /// designated for) in the negotiation, and that the process negotiates.
    async fn negotiator(
        &self,
        unit: &mut Unit<'_>,
        process: &Slug,
        actor: &ActorCode,
        what: &'static str,
    ) -> Result<ActorKind> {
        let found = unit
            .tx
            .find_actor(actor)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(actor.to_string()))?;
        if !(found.kind.is_state() || found.kind == ActorKind::Group) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("{actor} (a {})", found.kind),
                what,
            }));
        }
        let designated = found.kind == ActorKind::Group
            && match unit.principal.account_id() {
                Some(account) => unit.tx.is_group_speaker(process, actor, account).await?,
                None => false,
            };
        authorize(
            unit.principal,
            Action::NegotiateFor {
                process,
                actor,
                kind: found.kind,
                designated,
            },
        )?;
        if !matches!(unit.principal, Principal::System(_)) {
            let phases = self.store.list_phases(process).await?;
            let today = self.today();
            match accord_domain::current_phase(&phases, today) {
                Some(phase) if phase.kind == PhaseKind::Negotiation => {}
                other => {
                    return Err(bad(NegotiationError::NotNegotiating(match other {
                        Some(phase) => format!("it is in its {} phase", phase.kind),
                        None => "no phase covers today".into(),
                    })))
                }
            }
        }
        Ok(found.kind)
    }

    /// Tables an amendment on the latest version; returns its id and number.
    pub async fn propose_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        new: NewAmendment,
        simulated: bool,
    ) -> Result<(i64, u32)> {
        let draft = self.find_draft(process, draft).await?;
        let justification = check_letter("justification", &new.justification, false)?;
        let mut unit = self.unit(p).await?;
        self.negotiator(
            &mut unit,
            &draft.process,
            &new.proposer,
            "propose amendments",
        )
        .await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let latest = versions
            .last()
            .ok_or_else(|| AppError::BadRequest("the draft has no version yet".into()))?;
        let version = nth_version(&versions, &draft, seq)?;
        // Operators (the system) may record amendments on earlier versions:
        // a past negotiation loaded from its records.
        if version.id != latest.id && !matches!(p, Principal::System(_)) {
            return Err(bad(NegotiationError::NotLatest(
                version.label.clone(),
                latest.label.clone(),
            )));
        }
        new.operation.check(&version.text).map_err(bad)?;
        // A state co-sponsors by its own act: those the proposer names are
        // pending until their delegation confirms, unless the caller acts
        // for them too (or Accord loads a record).
        let mut co_sponsors: Vec<ActorCode> = Vec::new();
        let mut pending: Vec<ActorCode> = Vec::new();
        for c in &new.co_sponsors {
            if c == &new.proposer || co_sponsors.contains(c) || pending.contains(c) {
                continue;
            }
            let found = unit
                .tx
                .find_actor(c)
                .await?
                .ok_or_else(|| ValidationError::UnknownActor(c.to_string()))?;
            if !(found.kind.is_state() || found.kind == ActorKind::Group) {
                return Err(bad(NegotiationError::NotAllowedFor {
                    actor: format!("{c} (a {})", found.kind),
                    what: "co-sponsor amendments",
                }));
            }
            let designated = found.kind == ActorKind::Group
                && match p.account_id() {
                    Some(account) => unit.tx.is_group_speaker(&draft.process, c, account).await?,
                    None => false,
                };
            let own_act = authorize(
                p,
                Action::NegotiateFor {
                    process: &draft.process,
                    actor: c,
                    kind: found.kind,
                    designated,
                },
            )
            .is_ok();
            if own_act {
                co_sponsors.push(c.clone());
            } else {
                pending.push(c.clone());
            }
        }
        let amendment = Amendment {
            id: 0,
            version: version.id,
            number: 0,
            proposer: new.proposer.clone(),
            co_sponsors,
            pending_co_sponsors: pending,
            positions: Vec::new(),
            operation: new.operation,
            justification,
            status: AmendmentStatus::Tabled,
            outcome_note: String::new(),
            decided_at: None,
            carried_from: None,
            simulated: simulated || draft.simulated,
            proposed_by: p.name(),
            proposed_at: unit.at,
        };
        let (id, number) = unit.tx.insert_amendment(&amendment).await?;
        unit.audit(
            "amendment.propose",
            Some(&draft.process),
            vec![
                format!("amendment:{id}"),
                format!("version:{}", version.id),
                format!("actor:{}", new.proposer),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok((id, number))
    }

    async fn live_amendment(
        &self,
        unit: &mut Unit<'_>,
        draft: &Draft,
        id: i64,
        what: &'static str,
    ) -> Result<Amendment> {
        let a = unit
            .tx
            .find_amendment(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("amendment {id} does not exist")))?;
        let on_draft = unit
            .tx
            .find_version(a.version)
            .await?
            .is_some_and(|v| v.draft == draft.id);
        if !on_draft {
            return Err(AppError::NotFound(format!(
                "amendment {id} of '{}' does not exist",
                draft.slug
            )));
        }
        if !a.status.is_live() {
            return Err(bad(NegotiationError::NotLive {
                number: a.number,
                status: a.status.to_string(),
                what,
            }));
        }
        Ok(a)
    }

    /// Records `actor`'s support for, or objection to, an amendment (a
    /// later stance replaces an earlier one).
    pub async fn take_position(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        actor: &ActorCode,
        stance: Stance,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        self.negotiator(
            &mut unit,
            &draft.process,
            actor,
            "support or object to amendments",
        )
        .await?;
        let a = self
            .live_amendment(&mut unit, &draft, id, "supported or objected to")
            .await?;
        if &a.proposer == actor || a.co_sponsors.contains(actor) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: actor.to_string(),
                what: "support or object to its own amendment",
            }));
        }
        unit.tx.set_position(id, actor, stance, unit.at).await?;
        unit.audit(
            &format!("amendment.{}", stance.as_str()),
            Some(&draft.process),
            vec![format!("amendment:{id}"), format!("actor:{actor}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// Refuses, as the write itself would, a principal who may not chair the
    /// process's negotiation: checked before a version's file is read.
    pub async fn authorize_chair(&self, p: &Principal, process: &str) -> Result<()> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ChairNegotiation(&process))
    }

    /// A co-sponsor's own act: its delegation confirms the co-sponsorship the
    /// proposer named it for (`confirm`), or withdraws it, named or confirmed
    /// (after which it may support or object like any other state).
    pub async fn co_sponsorship(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        actor: &ActorCode,
        confirm: bool,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        self.negotiator(&mut unit, &draft.process, actor, "co-sponsor amendments")
            .await?;
        let a = self
            .live_amendment(&mut unit, &draft, id, "co-sponsored")
            .await?;
        let named = a.pending_co_sponsors.contains(actor);
        let confirmed = a.co_sponsors.contains(actor);
        let changes = if confirm { named } else { named || confirmed };
        if !changes {
            return Err(bad(NegotiationError::NotCoSponsor(
                if confirm && confirmed {
                    format!("{actor} already co-sponsors amendment {}", a.number)
                } else {
                    format!(
                        "amendment {} does not name {actor} as a co-sponsor",
                        a.number
                    )
                },
            )));
        }
        unit.tx
            .set_co_sponsorship(id, actor, confirm, unit.at)
            .await?;
        unit.audit(
            if confirm {
                "amendment.co_sponsor_confirm"
            } else {
                "amendment.co_sponsor_withdraw"
            },
            Some(&draft.process),
            vec![format!("amendment:{id}"), format!("actor:{actor}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The proposer withdraws its amendment.
    pub async fn withdraw_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        let a = unit
            .tx
            .find_amendment(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("amendment {id} does not exist")))?;
        self.negotiator(
            &mut unit,
            &draft.process,
            &a.proposer,
            "withdraw amendments",
        )
        .await?;
        self.live_amendment(&mut unit, &draft, id, "withdrawn")
            .await?;
        unit.tx
            .set_amendment_status(id, AmendmentStatus::Withdrawn, "", Some(unit.at))
            .await?;
        unit.audit(
            "amendment.withdraw",
            Some(&draft.process),
            vec![format!("amendment:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The co-facilitators' outcome for an amendment.
    pub async fn decide_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        outcome: AmendmentStatus,
        note: &str,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        if !outcome.is_outcome() {
            return Err(AppError::BadRequest(format!(
                "'{outcome}' is not an outcome; choose accepted, accepted_as_modified, rejected or superseded"
            )));
        }
        let note = check_letter("outcome note", note, false)?;
        let mut unit = self.unit(p).await?;
        self.live_amendment(&mut unit, &draft, id, "decided")
            .await?;
        unit.tx
            .set_amendment_status(id, outcome, &note, Some(unit.at))
            .await?;
        unit.audit(
            &format!("amendment.{}", outcome.as_str()),
            Some(&draft.process),
            vec![format!("amendment:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The co-facilitators mark a paragraph (or sub-paragraph) of a version.
    #[allow(clippy::too_many_arguments)]
    pub async fn set_paragraph_status(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        wid: &str,
        status: ParagraphStatus,
        options: Vec<String>,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let wid = Wid::new(wid).map_err(bad)?;
        let options: Vec<String> = options
            .into_iter()
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        if status != ParagraphStatus::Bracketed && !options.is_empty() {
            return Err(AppError::BadRequest(
                "only a bracketed paragraph has alternative options".into(),
            ));
        }
        if options.len() > 20 || options.iter().any(|o| o.chars().count() > 5_000) {
            return Err(AppError::BadRequest(
                "at most 20 options of 5,000 characters each".into(),
            ));
        }
        let mut unit = self.unit(p).await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?;
        let node = version
            .text
            .find(&wid)
            .ok_or_else(|| bad(NegotiationError::UnknownNode(wid.to_string())))?;
        if !matches!(
            node.kind,
            n::NodeKind::Paragraph | n::NodeKind::Subparagraph
        ) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("the {} {wid}", node.kind),
                what: "have a paragraph status",
            }));
        }
        unit.tx
            .set_paragraph_status(
                version.id,
                &StatusRecord {
                    wid: wid.clone(),
                    status,
                    options,
                    set_at: unit.at,
                },
            )
            .await?;
        unit.audit(
            "draft.paragraph.status",
            Some(&draft.process),
            vec![
                format!("version:{}", version.id),
                format!("node:{wid}"),
                format!("status:{status}"),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    // ---- silence procedures -----------------------------------------------

    /// The secretariat circulates a version under silence until `deadline`.
    pub async fn open_silence(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        deadline: DateTime<Utc>,
        time_zone: &str,
    ) -> Result<i64> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::OpenSilence(&draft.process))?;
        let zone: chrono_tz::Tz = time_zone.parse().map_err(|_| {
            bad(NegotiationError::BadDeadline(format!(
                "'{time_zone}' is not a time zone name"
            )))
        })?;
        let mut unit = self.unit(p).await?;
        if deadline <= unit.at {
            return Err(bad(NegotiationError::BadDeadline(format!(
                "the deadline {} has already passed",
                show_in_zone(deadline, zone.name())
            ))));
        }
        let versions = unit.tx.draft_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?;
        if let Some(running) = self
            .store
            .list_silence_procedures(draft.id)
            .await?
            .into_iter()
            .find(|s| s.deadline > unit.at)
        {
            return Err(bad(NegotiationError::SilenceRunning(show_in_zone(
                running.deadline,
                &running.time_zone,
            ))));
        }
        let id = unit
            .tx
            .insert_silence(&SilenceProcedure {
                id: 0,
                version: version.id,
                deadline,
                time_zone: zone.name().to_owned(),
                opened_by: p.name(),
                opened_at: unit.at,
                breaks: Vec::new(),
                outcome: None,
                outcome_at: None,
            })
            .await?;
        unit.audit(
            "silence.open",
            Some(&draft.process),
            vec![format!("silence:{id}"), format!("version:{}", version.id)],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(id)
    }

    /// A member state breaks silence with a letter, before the deadline.
    pub async fn break_silence(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        state: &ActorCode,
        letter: &str,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let letter = check_letter("letter", letter, true)?;
        let mut unit = self.unit(p).await?;
        let actor = unit
            .tx
            .find_actor(state)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(state.to_string()))?;
        authorize(
            p,
            Action::BreakSilence {
                process: &draft.process,
                state,
                kind: actor.kind,
            },
        )?;
        let procedure =
            unit.tx.find_silence(id).await?.ok_or_else(|| {
                AppError::NotFound(format!("silence procedure {id} does not exist"))
            })?;
        let on_draft = unit
            .tx
            .find_version(procedure.version)
            .await?
            .is_some_and(|v| v.draft == draft.id);
        if !on_draft {
            return Err(AppError::NotFound(format!(
                "silence procedure {id} does not exist"
            )));
        }
        if !procedure.state().open_at(unit.at) {
            return Err(bad(NegotiationError::SilenceOver(show_in_zone(
                procedure.deadline,
                &procedure.time_zone,
            ))));
        }
        if procedure.breaks.iter().any(|b| &b.actor == state) {
            return Err(bad(NegotiationError::AlreadyBroken(state.to_string())));
        }
        unit.tx
            .insert_silence_break(
                id,
                &SilenceBreak {
                    actor: state.clone(),
                    letter,
                    at: unit.at,
                },
            )
            .await?;
        unit.audit(
            "silence.break",
            Some(&draft.process),
            vec![format!("silence:{id}"), format!("actor:{state}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// Records the outcome of every silence procedure whose deadline has
    /// passed (run by the server every few seconds, and before a draft is
    /// read); returns how many were recorded.
    pub async fn settle_silence(&self) -> Result<usize> {
        let now = self.now();
        let due = self.store.due_silence_procedures(now).await?;
        if due.is_empty() {
            return Ok(0);
        }
        let system = Principal::System("silence deadline");
        let mut recorded = 0;
        for id in due {
            let mut unit = self.unit(&system).await?;
            let Some(procedure) = unit.tx.find_silence(id).await? else {
                continue;
            };
            if procedure.outcome.is_some() {
                continue;
            }
            let outcome = match procedure.state().outcome(now) {
                SilenceOutcome::AdoptedUnderSilence => RecordedOutcome::AdoptedUnderSilence,
                SilenceOutcome::Broken { .. } => RecordedOutcome::Broken,
                SilenceOutcome::Running { .. } => continue,
            };
            unit.tx.set_silence_outcome(id, outcome, now).await?;
            let mut targets = vec![format!("silence:{id}"), format!("outcome:{outcome}")];
            targets.extend(
                procedure
                    .breaks
                    .iter()
                    .map(|b| format!("actor:{}", b.actor)),
            );
            unit.audit("silence.outcome", None, targets).await?;
            unit.commit().await?;
            recorded += 1;
        }
        Ok(recorded)
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
