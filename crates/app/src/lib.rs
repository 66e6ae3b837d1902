//! Accord's use cases. Everything the portal, the API and the CLI do goes
//! through [`App`]: it validates with the domain's rules, runs each write in
//! one store transaction, and answers in domain types.

mod database;
pub mod demo;
mod listing;

pub use database::{open_store, DatabaseTarget, DatabaseUrlError, OpenError, DEFAULT_DATABASE_URL};
pub use listing::{Listing, PageRequest, DEFAULT_LIMIT, MAX_LIMIT};

use accord_domain::*;
use accord_store::{
    ActorQuery, DocumentQuery, MeetingQuery, Page, ProcessQuery, Store, StoreError, Tx,
};
use chrono::{DateTime, NaiveDate, Utc};
use listing::{decode, encode, Position};
use std::sync::Arc;

/// A use case's failure, with a machine-readable kind.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(String),
    /// The request itself is malformed (a bad cursor, a bad filter value).
    #[error("{0}")]
    BadRequest(String),
    /// A domain rule refused the write.
    #[error("{0}")]
    Invalid(ValidationError),
    #[error("{0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn kind(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "not_found",
            AppError::BadRequest(_) => "bad_request",
            AppError::Invalid(e) => e.kind(),
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        AppError::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => AppError::NotFound(format!("{what} does not exist")),
            StoreError::Unavailable(m) => AppError::Unavailable(m),
            // Use cases check the rules before writing; a conflict the schema
            // still finds is a race or a bug, never the caller's input to echo.
            StoreError::Conflict(m) | StoreError::Other(m) => AppError::Internal(m),
        }
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Tells the time; fixed in tests so "the current phase" is reproducible.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// A process as listed: with the phase it is in today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessSummary {
    pub process: Process,
    pub current_phase: Option<PhaseKind>,
}

/// A process with everything its page shows at the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessOverview {
    pub process: Process,
    pub phases: Vec<Phase>,
    pub current_phase: Option<PhaseKind>,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    /// The meeting's documents the reader may see.
    pub documents: Vec<Document>,
    /// The meeting's themes, resolved.
    pub themes: Vec<Theme>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorDetail {
    pub actor: Actor,
    /// For a group: its members, resolved.
    pub members: Vec<Actor>,
    /// The groups the actor belongs to.
    pub groups: Vec<Actor>,
}

pub struct App {
    store: Arc<dyn Store>,
    clock: Clock,
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> Self {
        App {
            store,
            clock: Arc::new(Utc::now),
        }
    }

    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same store seen through another clock.
    pub fn clone_with_clock(&self, clock: Clock) -> Self {
        App {
            store: self.store.clone(),
            clock,
        }
    }

    /// Opens the store a database URL names.
    pub async fn open(url: &str) -> Result<Self, OpenError> {
        let target = DatabaseTarget::parse(url)?;
        Ok(App::new(open_store(&target).await?))
    }

    pub fn backend(&self) -> &'static str {
        self.store.backend()
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    // ---- reads ----------------------------------------------------------

    pub async fn processes(&self, page: &PageRequest) -> Result<Listing<ProcessSummary>> {
        let limit = page.limit()?;
        let after = match cursor(page, "processes")? {
            Some(Position::Slug(s)) => Some(Slug::new(s).map_err(bad_cursor)?),
            Some(_) => return Err(bad_cursor(())),
            None => None,
        };
        let found = self
            .store
            .list_processes(&ProcessQuery { after, limit })
            .await?;
        let next = next_cursor(&found, "processes", |p| Position::Slug(p.slug.to_string()));
        let today = self.today();
        let mut items = Vec::with_capacity(found.items.len());
        for process in found.items {
            let phases = self.store.list_phases(&process.slug).await?;
            let current_phase = current_phase(&phases, today).map(|p| p.kind);
            items.push(ProcessSummary {
                process,
                current_phase,
            });
        }
        Ok(Listing {
            items,
            next_cursor: next,
        })
    }

    pub async fn process(&self, slug: &str) -> Result<ProcessOverview> {
        let slug = parse_slug("process", slug)?;
        let process = self.store.get_process(&slug).await?;
        let phases = self.store.list_phases(&slug).await?;
        let today = self.today();
        let current_phase = current_phase(&phases, today).map(|p| p.kind);
        Ok(ProcessOverview {
            process,
            phases,
            current_phase,
            today,
        })
    }

    pub async fn meetings(
        &self,
        process: &str,
        kind: Option<MeetingKind>,
        page: &PageRequest,
    ) -> Result<Listing<Meeting>> {
        let process = self.existing_process(process).await?;
        let limit = page.limit()?;
        let after = dated_cursor(page, "meetings")?;
        let found = self
            .store
            .list_meetings(&MeetingQuery {
                process,
                kind,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "meetings", |m| Position::Dated(m.start_date, m.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every meeting of a process in date order (for timelines).
    pub async fn all_meetings(
        &self,
        process: &str,
        kind: Option<MeetingKind>,
    ) -> Result<Vec<Meeting>> {
        drain(|page| async move { self.meetings(process, kind, &page).await }).await
    }

    pub async fn meeting(&self, process: &str, id: i64) -> Result<MeetingDetail> {
        let process = parse_slug("process", process)?;
        let meeting = self.store.get_meeting(&process, id).await?;
        let documents = self
            .store
            .list_documents(&DocumentQuery {
                process: process.clone(),
                kind: None,
                meeting: Some(id),
                public_at: Some(self.now()),
                after: None,
                limit: accord_store::MAX_PAGE,
            })
            .await?
            .items;
        let all_themes = self.store.list_themes(&process).await?;
        let themes = all_themes
            .into_iter()
            .filter(|t| meeting.themes.contains(&t.code))
            .collect();
        Ok(MeetingDetail {
            meeting,
            documents,
            themes,
        })
    }

    /// The documents of a process the public may read now, in date order.
    pub async fn documents(
        &self,
        process: &str,
        kind: Option<DocumentKind>,
        page: &PageRequest,
    ) -> Result<Listing<Document>> {
        let process = self.existing_process(process).await?;
        let limit = page.limit()?;
        let after = dated_cursor(page, "documents")?;
        let found = self
            .store
            .list_documents(&DocumentQuery {
                process,
                kind,
                meeting: None,
                public_at: Some(self.now()),
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "documents", |d| Position::Dated(d.date, d.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every public document of a process, in date order.
    pub async fn all_documents(&self, process: &str) -> Result<Vec<Document>> {
        drain(|page| async move { self.documents(process, None, &page).await }).await
    }

    pub async fn themes(&self, process: &str) -> Result<Vec<Theme>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_themes(&process).await?)
    }

    pub async fn actors(
        &self,
        kind: Option<ActorKind>,
        page: &PageRequest,
    ) -> Result<Listing<Actor>> {
        let limit = page.limit()?;
        let after = match cursor(page, "actors")? {
            Some(Position::Code(c)) => Some(ActorCode::new(c).map_err(bad_cursor)?),
            Some(_) => return Err(bad_cursor(())),
            None => None,
        };
        let found = self
            .store
            .list_actors(&ActorQuery { kind, after, limit })
            .await?;
        let next = next_cursor(&found, "actors", |a| Position::Code(a.code.to_string()));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every actor of a kind, by code (for the directory page).
    pub async fn all_actors(&self, kind: Option<ActorKind>) -> Result<Vec<Actor>> {
        drain(|page| async move { self.actors(kind, &page).await }).await
    }

    pub async fn actor(&self, code: &str) -> Result<ActorDetail> {
        let code = ActorCode::new(code).map_err(|_| {
            AppError::NotFound(format!("actor '{}' does not exist", truncate(code)))
        })?;
        let actor = self.store.get_actor(&code).await?;
        let mut members = Vec::with_capacity(actor.members.len());
        for m in &actor.members {
            members.push(self.store.get_actor(m).await?);
        }
        let groups = self.store.groups_of(&code).await?;
        Ok(ActorDetail {
            actor,
            members,
            groups,
        })
    }

    async fn existing_process(&self, slug: &str) -> Result<Slug> {
        let slug = parse_slug("process", slug)?;
        self.store.get_process(&slug).await?;
        Ok(slug)
    }

    // ---- writes ---------------------------------------------------------

    pub async fn create_actor(&self, actor: Actor) -> Result<()> {
        let mut tx = self.store.begin().await?;
        create_actor(&mut *tx, &actor).await?;
        Ok(tx.commit().await?)
    }

    pub async fn create_process(&self, process: Process) -> Result<()> {
        let mut tx = self.store.begin().await?;
        create_process(&mut *tx, &process).await?;
        Ok(tx.commit().await?)
    }

    pub async fn add_phase(&self, phase: Phase) -> Result<()> {
        let mut tx = self.store.begin().await?;
        add_phase(&mut *tx, &phase).await?;
        Ok(tx.commit().await?)
    }

    pub async fn add_theme(&self, theme: Theme) -> Result<()> {
        let mut tx = self.store.begin().await?;
        add_theme(&mut *tx, &theme).await?;
        Ok(tx.commit().await?)
    }

    /// Records a meeting; returns its id.
    pub async fn add_meeting(&self, meeting: NewMeeting) -> Result<i64> {
        let mut tx = self.store.begin().await?;
        let id = add_meeting(&mut *tx, &meeting).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records document metadata; returns its id.
    pub async fn add_document(&self, document: NewDocument) -> Result<i64> {
        let mut tx = self.store.begin().await?;
        let id = add_document(&mut *tx, &document).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub(crate) fn store(&self) -> &dyn Store {
        &*self.store
    }
}

// ---- write use cases, inside a unit of work -------------------------------
// Each checks the domain rules (with lookups in the same transaction) before
// it writes, so the caller gets the rule's own error, never a SQL one.

pub(crate) async fn create_actor(tx: &mut dyn Tx, actor: &Actor) -> Result<()> {
    actor.validate()?;
    if tx.find_actor(&actor.code).await?.is_some() {
        return Err(ValidationError::DuplicateActorCode(actor.code.to_string()).into());
    }
    let mut kinds = std::collections::HashMap::new();
    for member in &actor.members {
        if let Some(found) = tx.find_actor(member).await? {
            kinds.insert(member.clone(), found.kind);
        }
    }
    actor.validate_members(|c| kinds.get(c).copied())?;
    Ok(tx.insert_actor(actor).await?)
}

async fn require_actors<'a>(
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

async fn require_process(tx: &mut dyn Tx, slug: &Slug) -> Result<Process> {
    tx.find_process(slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("process '{slug}' does not exist")))
}

pub(crate) async fn create_process(tx: &mut dyn Tx, process: &Process) -> Result<()> {
    process.validate()?;
    if tx.find_process(&process.slug).await?.is_some() {
        return Err(ValidationError::DuplicateProcessSlug(process.slug.to_string()).into());
    }
    require_actors(tx, process.referenced_actors()).await?;
    Ok(tx.insert_process(process).await?)
}

pub(crate) async fn add_phase(tx: &mut dyn Tx, phase: &Phase) -> Result<()> {
    phase.validate()?;
    require_process(tx, &phase.process).await?;
    if tx.find_phase(&phase.process, phase.kind).await?.is_some() {
        return Err(ValidationError::DuplicatePhase(phase.kind.to_string()).into());
    }
    Ok(tx.insert_phase(phase).await?)
}

pub(crate) async fn add_theme(tx: &mut dyn Tx, theme: &Theme) -> Result<()> {
    theme.validate()?;
    require_process(tx, &theme.process).await?;
    if tx.find_theme(&theme.process, &theme.code).await?.is_some() {
        return Err(ValidationError::DuplicateSlug {
            what: "theme",
            slug: theme.code.to_string(),
        }
        .into());
    }
    Ok(tx.insert_theme(theme).await?)
}

pub(crate) async fn add_meeting(tx: &mut dyn Tx, meeting: &NewMeeting) -> Result<i64> {
    meeting.validate()?;
    let process = require_process(tx, &meeting.process).await?;
    process.check_meeting_kind(meeting.kind)?;
    if tx
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
    require_actors(tx, meeting.referenced_actors()).await?;
    for theme in &meeting.themes {
        if tx.find_theme(&meeting.process, theme).await?.is_none() {
            return Err(ValidationError::UnknownTheme(theme.to_string()).into());
        }
    }
    Ok(tx.insert_meeting(meeting).await?)
}

pub(crate) async fn add_document(tx: &mut dyn Tx, document: &NewDocument) -> Result<i64> {
    document.validate()?;
    require_process(tx, &document.process).await?;
    if tx
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
        if tx.find_document_by_symbol(symbol).await?.is_some() {
            return Err(ValidationError::DuplicateSymbol(symbol.to_string()).into());
        }
    }
    let meeting = match &document.meeting {
        None => None,
        Some(slug) => Some(
            tx.find_meeting(&document.process, slug)
                .await?
                .ok_or_else(|| ValidationError::UnknownMeeting(slug.to_string()))?
                .id,
        ),
    };
    Ok(tx.insert_document(document, meeting).await?)
}

// ---- helpers --------------------------------------------------------------

fn truncate(s: &str) -> String {
    s.chars().take(64).collect()
}

fn parse_slug(what: &str, s: &str) -> Result<Slug> {
    Slug::new(s).map_err(|_| AppError::NotFound(format!("{what} '{}' does not exist", truncate(s))))
}

fn bad_cursor<E>(_: E) -> AppError {
    AppError::BadRequest(
        "invalid cursor: pass back the next_cursor of the previous page unchanged".into(),
    )
}

fn cursor(page: &PageRequest, list: &str) -> Result<Option<Position>> {
    page.cursor.as_deref().map(|c| decode(list, c)).transpose()
}

/// The (date, id) a dated list resumes after.
fn dated_cursor(page: &PageRequest, list: &str) -> Result<Option<(NaiveDate, i64)>> {
    match cursor(page, list)? {
        Some(Position::Dated(d, id)) => Ok(Some((d, id))),
        Some(_) => Err(bad_cursor(())),
        None => Ok(None),
    }
}

/// Every item of a paginated list, following its cursors.
async fn drain<T, F, Fut>(mut next: F) -> Result<Vec<T>>
where
    F: FnMut(PageRequest) -> Fut,
    Fut: std::future::Future<Output = Result<Listing<T>>>,
{
    let mut all = Vec::new();
    let mut page = PageRequest::first(MAX_LIMIT);
    loop {
        let listing = next(page.clone()).await?;
        all.extend(listing.items);
        match listing.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => return Ok(all),
        }
    }
}

fn next_cursor<T>(page: &Page<T>, list: &str, key: impl Fn(&T) -> Position) -> Option<String> {
    if page.more {
        page.items.last().map(|last| encode(list, &key(last)))
    } else {
        None
    }
}
