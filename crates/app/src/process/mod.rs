//! Processes, their phases, themes, meetings and documents, and the actors
//! (states, groups, organisations): the writes inside a unit of work that
//! the use cases and the loaders share.

mod commands;
pub mod speakers;
mod views;

use crate::*;

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

/// What needs the attention of who runs a process, each a count; `None`
/// where the reader may not see it (the dashboard shows only what is
/// `Some`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attention {
    /// Applications for accreditation still in their no-objection period.
    pub applications_in_objection_period: Option<usize>,
    /// Applications whose period is over, waiting for a decision.
    pub applications_to_decide: Option<usize>,
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
        if u.tx.find_theme(&meeting.process, theme).await?.is_none() {
            return Err(ValidationError::UnknownTheme(theme.to_string()).into());
        }
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
