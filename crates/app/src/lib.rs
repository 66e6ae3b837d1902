//! Accord's use cases. Everything the portal, the API and the CLI do goes
//! through [`App`]: it validates with the domain's rules, runs each write in
//! one store transaction, and answers in domain types.

mod access;
pub mod adoption;
mod consultation;
pub mod files;
pub mod jobs;
mod listing;
pub mod negotiation;
pub mod policy;
pub mod pool;
mod process;
mod search;
pub mod stocktaking;

pub use access::accreditation::{RecordedBodyDecision, DEFAULT_OBJECTION_DAYS};
pub use access::{
    digest, generate_password, same_secret, secret as new_secret, AbuseLimits, ActiveSession,
    ApiTokenSummary, NewApiToken, NewSession, ACCOUNT_ATTEMPTS, LOGIN_ATTEMPTS, RESET_ATTEMPTS,
    RESET_HOURS, SESSION_HOURS,
};
pub use accord_search::{Facet, Hit, Results as SearchResults};
pub use consultation::{
    suggested_recommendations, CallForInputs, ImportBatch, InputDetail, StatementDetail,
    STATEMENT_DAYS_AFTER_MEETING,
};
pub use listing::{Listing, PageRequest, DEFAULT_LIMIT, MAX_LIMIT};
pub use negotiation::languages;
pub use policy::{Action, Principal};
pub use process::speakers::{FloorRequest, Speaker, MAX_TIME_LIMIT, MIN_TIME_LIMIT};
pub(crate) use process::{create_actor, require_process};
pub use process::{
    ActorAmendment, ActorBallot, ActorExplanation, ActorInProcess, ActorPledge, ActorPosition,
    ActorRecord, ActorStatement, Attention, Counts, DocumentDetail, GroupMembership, LoadReport,
    PhasePlan, ProcessDescription, ThemeDetail,
};
pub use search::SearchRequest;
pub use stocktaking::import;

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
/// What an operator's probes read of a running server.
#[derive(Debug, Clone)]
pub struct Readiness {
    pub store: accord_store::Readiness,
    /// The search index opened, or why not.
    pub index: std::result::Result<(), String>,
    /// Changes of the outbox this server's index has not applied yet, and
    /// how long the oldest of them has waited (seconds).
    pub index_lag: i64,
    pub index_lag_seconds: f64,
    /// The work pool: its workers, and the requests waiting for one.
    pub workers: usize,
    pub waiting: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessOverview {
    pub process: Process,
    /// Its phases in date order, each with its plan and the decisions on it.
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
    /// What was changed in the meeting since it was recorded, oldest first.
    pub history: Vec<MeetingChange>,
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
    /// Sessions found lately (signed-in readers' requests).
    sessions: Arc<access::SessionMemo>,
    /// This server's leases on background jobs.
    jobs: Arc<jobs::Jobs>,
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
        let throttles = Arc::new(access::Throttles::new(
            access::AbuseLimits::default(),
            &store,
        ));
        App {
            store,
            files: Arc::new(files::Files::new(blobs)),
            search: Arc::new(search::Search::new(search_dir)),
            clock: Arc::new(Utc::now),
            throttles,
            sessions: Arc::default(),
            jobs: Arc::new(jobs::Jobs::new(jobs::JOB_LEASE)),
            pool: Arc::new(pool::WorkPool::for_this_machine()),
            live: tokio::sync::broadcast::channel(256).0,
        }
    }

    /// The same app with other abuse limits (per address and account).
    pub fn with_abuse_limits(mut self, limits: access::AbuseLimits) -> Self {
        self.throttles = Arc::new(access::Throttles::new(limits, &self.store));
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
            sessions: self.sessions.clone(),
            jobs: self.jobs.clone(),
            pool: self.pool.clone(),
            live: self.live.clone(),
        }
    }

    /// An app on `store` keeping files under `dir/blobs` and its search
    /// index in `dir/search`. (Which store a URL names is the binary's
    /// business: `accord-cli`'s `database` module.)
    pub fn in_data_dir(store: Arc<dyn Store>, dir: impl Into<std::path::PathBuf>) -> Self {
        let dir = dir.into();
        App::new(
            store,
            Arc::new(files::DirBlobStore::new(dir.join("blobs"))),
            dir.join("search"),
        )
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

    /// What an operator's probes read (`/readyz`, `/metrics`): the store
    /// reached, its schema against this build's migrations, its pool; the
    /// search index opened; the work pool's workers and queue.
    pub async fn readiness(&self) -> Result<Readiness> {
        let store = self.store.readiness().await?;
        let index = self.index().map(|_| ()).map_err(|e| e.to_string());
        let (index_lag, index_lag_seconds) = self.index_lag().await?;
        Ok(Readiness {
            store,
            index,
            index_lag,
            index_lag_seconds,
            workers: self.pool.workers(),
            waiting: self.pool.waiting(),
        })
    }

    /// Grows with every committed write: what was read at one generation is
    /// current while the generation stays the same (the page cache).
    pub fn generation(&self) -> u64 {
        self.store.generation()
            + self
                .search
                .changes
                .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// How many jobs of every process stand in each status, every status
    /// named (0 where no job is in it): `/metrics`.
    pub async fn job_counts(&self) -> Result<Vec<(accord_domain::stocktaking::JobStatus, i64)>> {
        let counted = self.store.job_counts().await?;
        Ok(accord_domain::stocktaking::JobStatus::ALL
            .iter()
            .map(|&status| {
                let n = counted
                    .iter()
                    .find(|(s, _)| *s == status)
                    .map_or(0, |(_, n)| *n);
                (status, n)
            })
            .collect())
    }

    /// The app clock's time, to the microsecond (what both stores hold
    /// exactly: PostgreSQL keeps no finer, so a copy is exact).
    pub fn now(&self) -> DateTime<Utc> {
        micros((self.clock)())
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    // ---- writes ---------------------------------------------------------

    /// Starts a unit of work on behalf of `principal`.
    pub(crate) async fn unit<'p>(&self, principal: &'p Principal) -> Result<Unit<'p>> {
        Ok(Unit {
            tx: self.store.begin().await?,
            principal,
            at: micros(self.now()),
            index: Vec::new(),
        })
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
    /// What this unit changed for the search index: recorded in the
    /// outbox as it commits.
    index: Vec<accord_store::IndexSubject>,
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

    /// Notes that the search index must take `subject` as it stands once
    /// this unit commits (every server follows the outbox; the writer's
    /// own server before it answers, see [`App::follow_index`]).
    pub fn index_changed(&mut self, subject: accord_store::IndexSubject) {
        if !self.index.contains(&subject) {
            self.index.push(subject);
        }
    }

    pub async fn commit(mut self) -> Result<()> {
        if !self.index.is_empty() {
            // Last: the outbox's row stays locked until the commit, so
            // nothing else this unit does waits behind it.
            self.tx.record_index_changes(&self.index, self.at).await?;
        }
        Ok(self.tx.commit().await?)
    }
}

// ---- write use cases, inside a unit of work -------------------------------
// Each checks the domain rules (with lookups in the same transaction) before
// it writes, so the caller gets the rule's own error, never a SQL one, and
// records what it did in the audit log.

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
