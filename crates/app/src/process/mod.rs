//! Processes, their phases, themes, meetings and documents, and the actors
//! (states, groups, organisations): the writes inside a unit of work that
//! the use cases and the loaders share.

mod commands;
pub mod speakers;
mod views;

use crate::*;
use serde::Serialize;

/// A process described in full — the actors it names, the process, its
/// phases, themes, meetings and documents — to load in one unit of work
/// (`App::load_process_description`): a demo, or a process set up from
/// files.
#[derive(Debug, Clone)]
pub struct ProcessDescription {
    pub actors: Vec<Actor>,
    pub process: Process,
    pub phases: Vec<Phase>,
    pub themes: Vec<Theme>,
    pub meetings: Vec<NewMeeting>,
    pub documents: Vec<NewDocument>,
}

/// A phase's plan as the secretariat changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhasePlan {
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub note: Option<String>,
}

/// What needs the attention of who runs a process, each a count; `None`
/// where the reader may not see it (the dashboard shows only what is
/// `Some`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attention {
    /// Applications for accreditation still in their no-objection period.
    pub applications_in_objection_period: Option<usize>,
    /// Applications nobody objected to, their period over, waiting for the
    /// secretariat's decision.
    pub applications_to_decide: Option<usize>,
    /// Applications objected to, their period over, waiting for the
    /// decision of the body they were referred to.
    pub applications_referred: Option<usize>,
    /// Uploaded files of the process whose text is still being read.
    pub pending_uploads: Option<usize>,
    /// Silence procedures running now.
    pub open_silences: Option<usize>,
    /// Amendments to the drafts' latest versions still tabled.
    pub amendments_awaiting_decision: Option<usize>,
    pub running_jobs: Option<usize>,
    pub failed_jobs: Option<usize>,
}

/// What a load created and what it found already there, per kind of thing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub created: Counts,
    pub existing: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub actors: usize,
    pub drafts: usize,
    pub adoptions: usize,
    pub processes: usize,
    pub phases: usize,
    pub themes: usize,
    pub meetings: usize,
    pub documents: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.actors
            + self.processes
            + self.phases
            + self.themes
            + self.meetings
            + self.documents
            + self.drafts
            + self.adoptions
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} actors, {} process, {} phases, {} themes, {} meetings, {} documents, {} drafts, {} adoptions",
            self.actors,
            self.processes,
            self.phases,
            self.themes,
            self.meetings,
            self.documents,
            self.drafts,
            self.adoptions
        )
    }
}

pub(crate) async fn create_actor(u: &mut Unit<'_>, actor: &Actor) -> Result<()> {
    actor.validate()?;
    if u.tx.find_actor(&actor.code).await?.is_some() {
        return Err(ValidationError::DuplicateActorCode(actor.code.to_string()).into());
    }
    let mut kinds = std::collections::HashMap::new();
    for member in &actor.members {
        if let Some(found) = u.tx.find_actor(member).await? {
            kinds.insert(member.clone(), found.kind);
        }
    }
    actor.validate_members(|c| kinds.get(c).copied())?;
    u.tx.insert_actor(actor).await?;
    u.audit("actor.create", None, vec![format!("actor:{}", actor.code)])
        .await
}

pub(crate) async fn require_actors<'a>(
    tx: &mut dyn Tx,
    codes: impl Iterator<Item = &'a ActorCode>,
) -> Result<()> {
    for code in codes {
        if tx.find_actor(code).await?.is_none() {
            return Err(ValidationError::UnknownActor(code.to_string()).into());
        }
    }
    Ok(())
}

pub(crate) async fn require_process(tx: &mut dyn Tx, slug: &Slug) -> Result<Process> {
    tx.find_process(slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("process '{slug}' does not exist")))
}

pub(crate) async fn create_process(u: &mut Unit<'_>, process: &Process) -> Result<()> {
    process.validate()?;
    if u.tx.find_process(&process.slug).await?.is_some() {
        return Err(ValidationError::DuplicateProcessSlug(process.slug.to_string()).into());
    }
    require_actors(&mut *u.tx, process.referenced_actors()).await?;
    u.tx.insert_process(process).await?;
    u.audit(
        "process.create",
        Some(&process.slug),
        vec![format!("process:{}", process.slug)],
    )
    .await
}

pub(crate) async fn add_phase(u: &mut Unit<'_>, phase: &Phase) -> Result<()> {
    phase.validate()?;
    require_process(&mut *u.tx, &phase.process).await?;
    if u.tx.find_phase(&phase.process, phase.kind).await?.is_some() {
        return Err(ValidationError::DuplicatePhase(phase.kind.to_string()).into());
    }
    u.tx.insert_phase(phase).await?;
    u.audit(
        "phase.create",
        Some(&phase.process),
        vec![format!("phase:{}", phase.kind)],
    )
    .await
}

/// A theme of `process` that something new may be filed under: an unknown
/// code is `unknown_theme`, a withdrawn theme `theme_withdrawn`.
pub(crate) async fn theme_to_file_under(
    tx: &mut dyn Tx,
    process: &Slug,
    code: &Slug,
) -> Result<Theme> {
    let theme = tx
        .find_theme(process, code)
        .await?
        .ok_or_else(|| ValidationError::UnknownTheme(code.to_string()))?;
    theme.check_standing()?;
    Ok(theme)
}

pub(crate) async fn add_theme(u: &mut Unit<'_>, theme: &Theme) -> Result<()> {
    theme.validate()?;
    require_process(&mut *u.tx, &theme.process).await?;
    if u.tx
        .find_theme(&theme.process, &theme.code)
        .await?
        .is_some()
    {
        return Err(ValidationError::DuplicateSlug {
            what: "theme",
            slug: theme.code.to_string(),
        }
        .into());
    }
    u.tx.insert_theme(theme).await?;
    u.audit(
        "theme.create",
        Some(&theme.process),
        vec![format!("theme:{}", theme.code)],
    )
    .await
}

pub(crate) async fn add_meeting(u: &mut Unit<'_>, meeting: &NewMeeting) -> Result<i64> {
    meeting.validate()?;
    let process = require_process(&mut *u.tx, &meeting.process).await?;
    process.check_meeting_kind(meeting.kind)?;
    if u.tx
        .find_meeting(&meeting.process, &meeting.slug)
        .await?
        .is_some()
    {
        return Err(ValidationError::DuplicateSlug {
            what: "meeting",
            slug: meeting.slug.to_string(),
        }
        .into());
    }
    require_actors(&mut *u.tx, meeting.referenced_actors()).await?;
    for theme in &meeting.themes {
        theme_to_file_under(&mut *u.tx, &meeting.process, theme).await?;
    }
    let id = u.tx.insert_meeting(meeting).await?;
    u.audit(
        "meeting.create",
        Some(&meeting.process),
        vec![format!("meeting:{id}")],
    )
    .await?;
    Ok(id)
}

pub(crate) async fn add_document(u: &mut Unit<'_>, document: &NewDocument) -> Result<i64> {
    document.validate()?;
    require_process(&mut *u.tx, &document.process).await?;
    if u.tx
        .find_document(&document.process, &document.slug)
        .await?
        .is_some()
    {
        return Err(ValidationError::DuplicateSlug {
            what: "document",
            slug: document.slug.to_string(),
        }
        .into());
    }
    if let Some(symbol) = &document.symbol {
        if u.tx.find_document_by_symbol(symbol).await?.is_some() {
            return Err(ValidationError::DuplicateSymbol(symbol.to_string()).into());
        }
    }
    let meeting = match &document.meeting {
        None => None,
        Some(slug) => Some(
            u.tx.find_meeting(&document.process, slug)
                .await?
                .ok_or_else(|| ValidationError::UnknownMeeting(slug.to_string()))?
                .id,
        ),
    };
    let id = u.tx.insert_document(document, meeting).await?;
    u.audit(
        "document.create",
        Some(&document.process),
        vec![format!("document:{id}")],
    )
    .await?;
    Ok(id)
}

/// Who said what: an actor, its groups or members over time, and per
/// process the reader may read in, what it said and did there
/// (`App::actor_record`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorRecord {
    pub actor: Actor,
    /// For a group: its members, past and present, with their dates where known.
    pub members: Vec<GroupMembership>,
    /// The groups the actor belongs or belonged to, with the dates.
    pub groups: Vec<GroupMembership>,
    /// Processes where the actor has something on record the reader may see.
    pub processes: Vec<ActorInProcess>,
}

/// One side of a membership: the other actor (a member, or a group), and
/// when it joined and left where known.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupMembership {
    pub code: ActorCode,
    pub name: String,
    /// A state's ISO 3166-1 alpha-2 code (its name in other languages).
    pub iso2: Option<String>,
    pub joined: Option<NaiveDate>,
    /// The last day of membership; `None` while it lasts (or when unknown).
    pub left: Option<NaiveDate>,
}

/// An actor's record in one process. Each item carries `page`, its own page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorInProcess {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub process: Slug,
    pub title: String,
    pub statements: Vec<ActorStatement>,
    pub amendments: Vec<ActorAmendment>,
    pub positions: Vec<ActorPosition>,
    pub ballots: Vec<ActorBallot>,
    pub explanations: Vec<ActorExplanation>,
    pub pledges: Vec<ActorPledge>,
}

impl ActorInProcess {
    fn is_empty(&self) -> bool {
        self.statements.is_empty()
            && self.amendments.is_empty()
            && self.positions.is_empty()
            && self.ballots.is_empty()
            && self.explanations.is_empty()
            && self.pledges.is_empty()
    }
}

/// A statement the actor delivered (or that was delivered for it, a group).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorStatement {
    pub id: i64,
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub actor: ActorCode,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub on_behalf_of: Option<ActorCode>,
    pub meeting: i64,
    pub meeting_title: String,
    pub delivered_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub distribution: Distribution,
    pub synthetic: bool,
    pub page: String,
}

/// An amendment the actor tabled, co-sponsors, or was named to co-sponsor.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorAmendment {
    pub id: i64,
    pub number: u32,
    /// "proposer", "co_sponsor" or "named_co_sponsor" (awaiting its own confirmation).
    pub role: &'static str,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub proposer: ActorCode,
    pub draft_title: String,
    pub version_label: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: accord_domain::negotiation::AmendmentStatus,
    pub simulated: bool,
    pub page: String,
}

/// The actor's support of, or objection to, another's amendment.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorPosition {
    pub amendment: i64,
    pub number: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub proposer: ActorCode,
    pub draft_title: String,
    pub version_label: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub stance: accord_domain::negotiation::Stance,
    pub at: DateTime<Utc>,
    pub simulated: bool,
    pub page: String,
}

/// The actor's vote, as recorded, in a recorded vote.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorBallot {
    pub adoption: i64,
    pub title: String,
    pub adopted_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub vote: accord_domain::adoption::VoteChoice,
    pub page: String,
}

/// A statement of the actor linked to an adoption: an explanation of vote,
/// a position, a reservation, a dissociation.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorExplanation {
    pub adoption: i64,
    pub adoption_title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kind: accord_domain::adoption::AdoptionStatementKind,
    pub statement: i64,
    pub statement_title: String,
    pub page: String,
}

/// A pledge the actor made.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorPledge {
    pub id: i64,
    pub title: String,
    pub made_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub status: accord_domain::adoption::PledgeStatus,
    pub objectives: Vec<u32>,
    pub synthetic: bool,
    pub page: String,
}

/// A document's own page: its metadata, each language's text and file, the
/// meeting it belongs to, and where its official record is (`App::document`).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    pub document: Document,
    /// One per language with a file or text, in the order stored.
    pub texts: Vec<ItemText>,
    pub meeting: Option<Meeting>,
    /// The official record by symbol (the process's resolver), for a
    /// document with a symbol.
    pub official_record: Option<String>,
    /// What was changed in it since it was recorded (edited, withdrawn),
    /// oldest first.
    pub history: Vec<RecordChange>,
}

/// A theme with its history (edited, withdrawn), oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeDetail {
    pub theme: Theme,
    pub history: Vec<RecordChange>,
}
