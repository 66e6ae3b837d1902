//! Accord's use cases. Everything the portal, the API and the CLI do goes
//! through [`App`]: it validates with the domain's rules, runs each write in
//! one store transaction, and answers in domain types.

mod access;
mod accreditation;
pub mod adoption;
mod consultation;
mod database;
pub mod demo;
mod demo_adoption;
mod demo_negotiation;
pub mod files;
pub mod import;
pub mod languages;
mod listing;
pub mod negotiation;
pub mod policy;
pub mod pool;
mod search;
mod speakers;
pub mod stocktaking;
pub mod synthetic;

pub use access::{
    digest, generate_password, same_secret, secret as new_secret, AbuseLimits, ActiveSession,
    ApiTokenSummary, NewApiToken, NewSession, ACCOUNT_ATTEMPTS, RESET_ATTEMPTS, RESET_HOURS,
    SESSION_HOURS,
};
pub use accord_search::{Facet, Hit, Results as SearchResults};
pub use accreditation::DEFAULT_OBJECTION_DAYS;
pub use consultation::{
    suggested_recommendations, ImportBatch, InputDetail, StatementDetail,
    STATEMENT_DAYS_AFTER_MEETING,
};
pub use database::{open_store, DatabaseTarget, DatabaseUrlError, OpenError, DEFAULT_DATABASE_URL};
pub use listing::{Listing, PageRequest, DEFAULT_LIMIT, MAX_LIMIT};
pub use policy::{Action, Principal};
pub use search::SearchRequest;
pub use speakers::{FloorRequest, Speaker, MAX_TIME_LIMIT, MIN_TIME_LIMIT};

use accord_domain::audit::{self, AuditEntry, AuditRecord, ChainBreak};
use accord_domain::*;
use accord_store::{
    ActorQuery, AuditQuery, DocumentQuery, MeetingQuery, Page, ProcessQuery, Store, StoreError, Tx,
};
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use listing::{decode, encode, Position};
use policy::authorize;
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
    /// Nobody is signed in, or the credentials are not valid.
    #[error("{0}")]
    Unauthenticated(String),
    /// The principal's roles do not allow the action.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    TooManyRequests(String),
    /// An upload over the size limit.
    #[error("{0}")]
    TooLarge(String),
    /// A file of a kind Accord does not read.
    #[error("{0}")]
    UnsupportedMedia(String),
    /// A file that could not be read at all (empty, an archive bomb, …).
    #[error("{message}")]
    Unreadable { kind: &'static str, message: String },
    #[error("{0}")]
    Unavailable(String),
    /// The server is at capacity for this kind of work: try again shortly.
    #[error("{0}")]
    Busy(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn kind(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "not_found",
            AppError::BadRequest(_) => "bad_request",
            AppError::Invalid(e) => e.kind(),
            AppError::Unauthenticated(_) => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::TooManyRequests(_) => "too_many_requests",
            AppError::TooLarge(_) => "too_large",
            AppError::UnsupportedMedia(_) => "unsupported_media_type",
            AppError::Unreadable { kind, .. } => kind,
            AppError::Unavailable(_) => "unavailable",
            AppError::Busy(_) => "busy",
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

#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    files: Arc<files::Files>,
    search: Arc<search::Search>,
    clock: Clock,
    throttles: Arc<access::Throttles>,
    /// CPU-bound work (search, extraction): a worker per core, a bounded queue.
    pool: Arc<pool::WorkPool>,
    /// Changes that open pages show live (server-sent events).
    live: tokio::sync::broadcast::Sender<negotiation::LiveEvent>,
}

impl App {
    /// An app on `store`, keeping file bytes in `blobs` and its search
    /// index (derived state) in `search_dir`.
    pub fn new(
        store: Arc<dyn Store>,
        blobs: Arc<dyn files::BlobStore>,
        search_dir: std::path::PathBuf,
    ) -> Self {
        App {
            store,
            files: Arc::new(files::Files::new(blobs)),
            search: Arc::new(search::Search::new(search_dir)),
            clock: Arc::new(Utc::now),
            throttles: Arc::new(access::Throttles::new(access::AbuseLimits::default())),
            pool: Arc::new(pool::WorkPool::for_this_machine()),
            live: tokio::sync::broadcast::channel(256).0,
        }
    }

    /// The same app with other abuse limits (per address and account).
    pub fn with_abuse_limits(mut self, limits: access::AbuseLimits) -> Self {
        self.throttles = Arc::new(access::Throttles::new(limits));
        self
    }

    /// The same app running CPU-bound work on `workers` threads with
    /// `queue` more waiting (the rest are refused as busy).
    pub fn with_work_pool(mut self, workers: usize, queue: usize) -> Self {
        self.pool = Arc::new(pool::WorkPool::new(workers, queue));
        self
    }

    /// Runs CPU-bound work (an export, a big page) on the work pool: a
    /// worker per core and a bounded queue; `Busy` when the queue is full.
    pub async fn run_on_work_pool<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        self.pool.run(work).await
    }

    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same store seen through another clock.
    pub fn clone_with_clock(&self, clock: Clock) -> Self {
        App {
            store: self.store.clone(),
            files: self.files.clone(),
            search: self.search.clone(),
            clock,
            throttles: self.throttles.clone(),
            pool: self.pool.clone(),
            live: self.live.clone(),
        }
    }

    /// Opens the store a database URL names, with files and the search
    /// index in the default data directory (beside a SQLite file, or
    /// `./accord-data` with PostgreSQL); `with_data_dir` names another.
    pub async fn open(url: &str) -> Result<Self, OpenError> {
        let target = DatabaseTarget::parse(url)?;
        let data = target.default_data_dir();
        Ok(App::new(
            open_store(&target).await?,
            Arc::new(files::DirBlobStore::new(data.join("blobs"))),
            data.join("search"),
        ))
    }

    /// The same app keeping files under `dir/blobs` and its search index in
    /// `dir/search`.
    pub fn with_data_dir(self, dir: impl Into<std::path::PathBuf>) -> Self {
        let dir = dir.into();
        let mut app =
            self.with_files(|f| f.blobs = Arc::new(files::DirBlobStore::new(dir.join("blobs"))));
        app.search = Arc::new(search::Search::new(dir.join("search")));
        app
    }

    /// The same app with the largest upload and the size above which files
    /// are read in the background (bytes).
    pub fn with_upload_limits(self, upload_limit: u64, inline_extraction: u64) -> Self {
        self.with_files(|f| {
            f.upload_limit = upload_limit;
            f.limits.max_bytes = upload_limit;
            f.inline_extraction = inline_extraction;
        })
    }

    /// The largest upload, in bytes.
    pub fn upload_limit(&self) -> u64 {
        self.files.upload_limit
    }

    fn with_files(mut self, change: impl FnOnce(&mut files::Files)) -> Self {
        let mut files = files::Files::new(self.files.blobs.clone());
        files.upload_limit = self.files.upload_limit;
        files.inline_extraction = self.files.inline_extraction;
        files.limits = self.files.limits.clone();
        change(&mut files);
        self.files = Arc::new(files);
        self
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

    /// A meeting, with the documents the reader may see.
    pub async fn meeting(
        &self,
        reader: &Principal,
        process: &str,
        id: i64,
    ) -> Result<MeetingDetail> {
        let process = parse_slug("process", process)?;
        let meeting = self.store.get_meeting(&process, id).await?;
        let documents = self
            .store
            .list_documents(&DocumentQuery {
                process: process.clone(),
                kind: None,
                meeting: Some(id),
                visible: self.visible(reader, &process),
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

    /// The documents of a process the reader may see now, in date order.
    pub async fn documents(
        &self,
        reader: &Principal,
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
                visible: self.visible(reader, &process),
                process,
                kind,
                meeting: None,
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

    /// Every document of a process the reader may see, in date order.
    pub async fn all_documents(&self, reader: &Principal, process: &str) -> Result<Vec<Document>> {
        drain(|page| async move { self.documents(reader, process, None, &page).await }).await
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

    pub(crate) async fn existing_process(&self, slug: &str) -> Result<Slug> {
        let slug = parse_slug("process", slug)?;
        self.store.get_process(&slug).await?;
        Ok(slug)
    }

    // ---- writes ---------------------------------------------------------

    /// Starts a unit of work on behalf of `principal`.
    pub(crate) async fn unit<'p>(&self, principal: &'p Principal) -> Result<Unit<'p>> {
        Ok(Unit {
            tx: self.store.begin().await?,
            principal,
            at: micros(self.now()),
        })
    }

    pub async fn create_actor(&self, p: &Principal, actor: Actor) -> Result<()> {
        authorize(p, Action::ManageActors)?;
        let mut unit = self.unit(p).await?;
        create_actor(&mut unit, &actor).await?;
        unit.commit().await
    }

    pub async fn create_process(&self, p: &Principal, process: Process) -> Result<()> {
        authorize(p, Action::CreateProcess)?;
        let mut unit = self.unit(p).await?;
        create_process(&mut unit, &process).await?;
        unit.commit().await
    }

    /// What `p` may do in `process` (or across processes, with `None`), for
    /// the views: [`policy::capabilities`] with the facts it needs from the
    /// store — the kind of the actor `p` acts for, and the groups `p` is a
    /// designated speaker of. An unknown process gives only the global ones.
    pub async fn capabilities(&self, p: &Principal, process: Option<&str>) -> policy::Capabilities {
        let slug = process.and_then(|s| s.parse::<Slug>().ok());
        let mut acting = policy::ActingAs::default();
        if let (Some(slug), Some(actor)) = (&slug, p.acting_for(slug.as_ref())) {
            if let Ok(found) = self.actor(actor.as_str()).await {
                for g in &found.groups {
                    if self
                        .is_group_speaker(p, slug.as_str(), g.code.as_str())
                        .await
                    {
                        acting.speaks_for_groups.push(g.code.clone());
                    }
                }
                acting.actor = Some((actor, found.actor.kind));
            }
        }
        policy::capabilities(p, slug.as_ref(), &acting)
    }

    pub async fn add_phase(&self, p: &Principal, phase: Phase) -> Result<()> {
        authorize(p, Action::EditProcess(&phase.process))?;
        let mut unit = self.unit(p).await?;
        add_phase(&mut unit, &phase).await?;
        unit.commit().await
    }

    pub async fn add_theme(&self, p: &Principal, theme: Theme) -> Result<()> {
        authorize(p, Action::EditProcess(&theme.process))?;
        let mut unit = self.unit(p).await?;
        add_theme(&mut unit, &theme).await?;
        unit.commit().await
    }

    /// Records a meeting; returns its id.
    pub async fn add_meeting(&self, p: &Principal, meeting: NewMeeting) -> Result<i64> {
        authorize(p, Action::EditProcess(&meeting.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_meeting(&mut unit, &meeting).await?;
        unit.commit().await?;
        Ok(id)
    }

    /// Records document metadata; returns its id.
    pub async fn add_document(&self, p: &Principal, document: NewDocument) -> Result<i64> {
        authorize(p, Action::EditProcess(&document.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_document(&mut unit, &document).await?;
        unit.commit().await?;
        self.index_item(&document.process, ItemKind::Document, id)
            .await;
        Ok(id)
    }

    // ---- the audit log --------------------------------------------------

    /// Audit entries, newest first, filtered; for the secretariat.
    pub async fn audit_log(
        &self,
        p: &Principal,
        filter: AuditFilter,
        page: &PageRequest,
    ) -> Result<Listing<AuditEntry>> {
        let within = policy::audit_scope(p)?;
        let limit = page.limit()?;
        let before = match cursor(page, "audit")? {
            Some(Position::Seq(seq)) => Some(seq),
            Some(_) => return Err(bad_cursor(())),
            None => None,
        };
        let found = self
            .store
            .list_audit(&AuditQuery {
                action_prefix: filter.action_prefix,
                account: filter.account,
                process: filter.process,
                within,
                before,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "audit", |e| Position::Seq(e.seq));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Walks the whole audit chain against the store's head: the number of
    /// entries checked, or where the chain breaks.
    pub async fn verify_audit(&self) -> Result<std::result::Result<i64, ChainBreak>> {
        let (head_seq, head_hash) = self.store.audit_head().await?;
        let mut entries = Vec::new();
        let mut after = 0;
        loop {
            let batch = self.store.audit_entries(after, 5_000).await?;
            let Some(last) = batch.last() else { break };
            after = last.seq;
            entries.extend(batch);
        }
        Ok(audit::verify(&entries, head_seq, &head_hash))
    }
}

/// Which audit entries to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action_prefix: Option<String>,
    pub account: Option<i64>,
    pub process: Option<Slug>,
}

/// Instants are kept to the microsecond, so both stores hold them exactly.
pub(crate) fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

/// A unit of work on behalf of a principal: its writes and their audit
/// entries commit together or not at all.
pub(crate) struct Unit<'p> {
    pub tx: Box<dyn Tx>,
    pub principal: &'p Principal,
    pub at: DateTime<Utc>,
}

impl Unit<'_> {
    /// Appends an audit entry for what this unit did.
    pub async fn audit(
        &mut self,
        action: &str,
        process: Option<&Slug>,
        targets: Vec<String>,
    ) -> Result<()> {
        let (seq, hash) = self.tx.lock_audit_head().await?;
        let record = AuditRecord {
            at: self.at,
            account: self.principal.account_id(),
            by: self.principal.by(),
            acting_for: self.principal.acting_for(process),
            action: action.to_owned(),
            process: process.cloned(),
            targets,
        };
        Ok(self
            .tx
            .append_audit(&audit::next_entry(seq, &hash, record))
            .await?)
    }

    pub async fn commit(self) -> Result<()> {
        Ok(self.tx.commit().await?)
    }
}

// ---- write use cases, inside a unit of work -------------------------------
// Each checks the domain rules (with lookups in the same transaction) before
// it writes, so the caller gets the rule's own error, never a SQL one, and
// records what it did in the audit log.

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

// ---- helpers --------------------------------------------------------------

fn truncate(s: &str) -> String {
    s.chars().take(64).collect()
}

pub(crate) fn parse_slug(what: &str, s: &str) -> Result<Slug> {
    Slug::new(s).map_err(|_| AppError::NotFound(format!("{what} '{}' does not exist", truncate(s))))
}

pub(crate) fn bad_cursor<E>(_: E) -> AppError {
    AppError::BadRequest(
        "invalid cursor: pass back the next_cursor of the previous page unchanged".into(),
    )
}

pub(crate) fn cursor(page: &PageRequest, list: &str) -> Result<Option<Position>> {
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

pub(crate) fn next_cursor<T>(
    page: &Page<T>,
    list: &str,
    key: impl Fn(&T) -> Position,
) -> Option<String> {
    if page.more {
        page.items.last().map(|last| encode(list, &key(last)))
    } else {
        None
    }
}
