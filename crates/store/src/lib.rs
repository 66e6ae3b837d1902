//! The storage boundary: what Accord asks of a store, in domain words.
//! Backends (SQLite, PostgreSQL) implement these traits; nothing here knows SQL.
//!
//! Reads go through [`Store`]; every write goes through a [`Tx`], a unit of
//! work that is committed whole or not at all. Lookups a use case needs to
//! validate a write are on `Tx` too, so they see the transaction's own writes.

use accord_domain::adoption::{
    Adoption, AdoptionStatement, Ballot, NewAdoption, NewPledge, OralChange, ParagraphVote, Pledge,
    PledgeStatus, Totals, VoteIntention,
};
use accord_domain::audit::AuditEntry;
use accord_domain::negotiation::{
    Amendment, AmendmentStatus, Draft, Expression, RecordedOutcome, SilenceBreak, SilenceProcedure,
    Stance, StatusRecord, Version,
};
use accord_domain::stocktaking::{
    AnalysisRun, Campaign, CoverageLink, Dismissal, Job, JobStatus, ThemeAssignment, ThemeCluster,
    ThemeLabel,
};
use accord_domain::{
    Account, AccreditationStatus, Actor, ActorCode, ActorKind, Application, BodyDecision,
    Consultation, DecidingBody, Distribution, Document, DocumentKind, Email, Input, Inscription,
    ItemKind, ItemText, Language, Meeting, MeetingChange, MeetingKind, NewDocument, NewInput,
    NewMeeting, NewRecommendation, NewStatement, Objection, OtherVersion, Phase, PhaseChange,
    Process, Recommendation, RecordChange, RoleGrant, Slug, SpeakerCategory, SpeakerStatus,
    Statement, StoredFile, Symbol, Theme, VersionChoice,
};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

pub mod outbox;
pub mod portable;

pub use outbox::{
    IndexChange, IndexSubject, OutboxState, PeerHandler, PeerMessage, MAX_PEER_MESSAGE,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found: {0}")]
    NotFound(String),
    /// A uniqueness or reference rule of the schema refused the write.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database could not be reached or opened.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("storage error: {0}")]
    Other(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Largest page any list query returns.
pub const MAX_PAGE: u32 = 500;

/// One page of a keyset-paginated list; `more` says whether another follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub more: bool,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched in order.
    pub fn from_overfetch(mut rows: Vec<T>, limit: u32) -> Self {
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        Page { items: rows, more }
    }
}

/// What a reader may see: these distributions, and nothing embargoed past
/// `now`. A query without it lists everything (for the secretariat).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visible {
    pub distributions: Vec<Distribution>,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct StatementQuery {
    pub process: Slug,
    pub meeting: Option<i64>,
    pub visible: Option<Visible>,
    /// Only statements with a greater id.
    pub after: Option<i64>,
    pub limit: u32,
}

#[derive(Debug, Clone)]
pub struct InputQuery {
    pub process: Slug,
    pub consultation: Option<Slug>,
    pub visible: Option<Visible>,
    /// Only inputs with a greater id.
    pub after: Option<i64>,
    pub limit: u32,
}

#[derive(Debug, Clone)]
pub struct RecommendationQuery {
    pub process: Slug,
    /// Only the recommendations found in this statement or input.
    pub source: Option<(ItemKind, i64)>,
    pub theme: Option<Slug>,
    /// Only those whose source the reader may see.
    pub visible: Option<Visible>,
    /// Only recommendations with a greater id.
    pub after: Option<i64>,
    pub limit: u32,
}

#[derive(Debug, Clone, Default)]
pub struct ProcessQuery {
    /// Only processes whose slug sorts after this one.
    pub after: Option<Slug>,
    pub limit: u32,
}

#[derive(Debug, Clone)]
pub struct MeetingQuery {
    pub process: Slug,
    pub kind: Option<MeetingKind>,
    /// Only meetings after this (start date, id) in date order.
    pub after: Option<(NaiveDate, i64)>,
    pub limit: u32,
}

#[derive(Debug, Clone, Default)]
pub struct ActorQuery {
    pub kind: Option<ActorKind>,
    /// Only actors whose code sorts after this one.
    pub after: Option<ActorCode>,
    pub limit: u32,
}

#[derive(Debug, Clone)]
pub struct DocumentQuery {
    pub process: Slug,
    pub kind: Option<DocumentKind>,
    pub meeting: Option<i64>,
    /// Withdrawn documents too (lists leave them out).
    pub withdrawn: bool,
    /// Only what a reader may see; `None` lists all (the secretariat).
    pub visible: Option<Visible>,
    /// Only documents after this (date, id) in date order.
    pub after: Option<(NaiveDate, i64)>,
    pub limit: u32,
}

/// A decision on an accreditation application, as written: the status it
/// sets, when and by whom it was recorded, the note, the organisation made on
/// approval, and, for a referred application, the deciding body's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationDecision {
    pub status: AccreditationStatus,
    pub at: DateTime<Utc>,
    pub by: Option<i64>,
    pub note: String,
    pub actor: Option<ActorCode>,
    pub body_decision: Option<BodyDecision>,
}

/// An account as stored, with the hash of its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAccount {
    pub account: Account,
    pub password_hash: String,
}

/// A signed-in session, stored by the SHA-256 of the cookie's secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id_hash: String,
    pub account: i64,
    /// The session's anti-CSRF token (random, compared in constant time).
    pub csrf: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// An API token, stored by the SHA-256 of the bearer secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub account: i64,
    pub name: String,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Someone registered for a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub account: i64,
    pub name: String,
    pub email: Email,
    /// The actor they attend for.
    pub actor: ActorCode,
    pub registered_at: DateTime<Utc>,
}

/// Which audit entries to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// Entries whose action starts with this, e.g. `meeting.`.
    pub action_prefix: Option<String>,
    pub account: Option<i64>,
    pub process: Option<Slug>,
    /// The reader's scope: only entries of these processes (`None`: every
    /// entry, those of no process included).
    pub within: Option<Vec<Slug>>,
    /// Only entries older than this sequence number.
    pub before: Option<i64>,
    pub limit: u32,
}

/// What `/readyz` and `/metrics` read of the store: its schema against the
/// migrations this build carries, and its connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// Migrations applied to the database.
    pub migrations_applied: usize,
    /// Migrations this build carries.
    pub migrations_known: usize,
    /// Connections open in the pool, and how many of them are idle.
    pub pool_size: u32,
    pub pool_idle: u32,
}

impl Readiness {
    /// The schema is the one this build expects.
    pub fn migrations_current(&self) -> bool {
        self.migrations_applied == self.migrations_known
    }
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// "sqlite" or "postgres".
    fn backend(&self) -> &'static str;

    /// A number that grows with every committed unit of work (bumped as the
    /// commit returns, before the caller can acknowledge the write). A copy
    /// of anything read from the store that was taken at generation `g` is
    /// current for as long as the generation is still `g` (the page cache).
    fn generation(&self) -> u64;

    /// Reaches the database and reads its schema's state and the pool's.
    async fn readiness(&self) -> Result<Readiness>;

    /// Every table's rows (but the migrations' own), read in one
    /// consistent snapshot while others may write, sent to `sink` in
    /// dependency order (see `portable`).
    async fn dump(&self, sink: &mut dyn portable::DumpSink) -> Result<()>;

    /// Loads a dump into this store in one transaction, keeping every id;
    /// refuses (`Conflict`, nothing written) a store that is not empty or a
    /// dump of another schema. Returns the rows loaded per table.
    async fn load(&self, source: &mut dyn portable::LoadSource) -> Result<portable::TableCounts>;

    /// The number of rows in every table but the migrations' own.
    async fn table_counts(&self) -> Result<portable::TableCounts>;

    /// Starts a unit of work. Dropping it without `commit` rolls it back.
    async fn begin(&self) -> Result<Box<dyn Tx>>;

    /// The search index's outbox: its counters (see [`outbox`]).
    async fn index_outbox(&self) -> Result<OutboxState>;
    /// Changes numbered after `after`, in order, at most `limit`.
    async fn index_changes(&self, after: i64, limit: i64) -> Result<Vec<IndexChange>>;
    /// Deletes the changes recorded before `before` and moves
    /// `pruned_through` on to the last of them; returns how many went.
    async fn prune_index_changes(&self, before: DateTime<Utc>) -> Result<u64>;

    /// Sends `message` (at most [`MAX_PEER_MESSAGE`] bytes) to the other
    /// servers on this database, now, outside any unit of work. A store
    /// only one process uses (SQLite) has nobody to tell.
    async fn tell_peers(&self, _message: &str) -> Result<()> {
        Ok(())
    }

    /// Starts listening to the other servers on this database (once; later
    /// calls add handlers): each commit another server makes moves this
    /// store's generation on, and `hear` is told. False when the store has
    /// no peers (SQLite: one process).
    fn listen_to_peers(&self, _hear: PeerHandler) -> bool {
        false
    }

    async fn list_processes(&self, q: &ProcessQuery) -> Result<Page<Process>>;
    async fn get_process(&self, slug: &Slug) -> Result<Process>;
    /// A process's phases in date order.
    async fn list_phases(&self, process: &Slug) -> Result<Vec<Phase>>;
    /// The history of a process's phases (decisions and changes of plan),
    /// oldest first.
    async fn list_phase_changes(&self, process: &Slug) -> Result<Vec<PhaseChange>>;
    async fn list_meetings(&self, q: &MeetingQuery) -> Result<Page<Meeting>>;
    async fn get_meeting(&self, process: &Slug, id: i64) -> Result<Meeting>;
    /// A meeting's history of changes, oldest first.
    async fn list_meeting_changes(&self, meeting: i64) -> Result<Vec<MeetingChange>>;
    /// The history of one record the desk changes (a document:
    /// `document:12`, a theme: `theme:objective-7`) in a process, oldest
    /// first.
    async fn list_record_changes(&self, process: &Slug, subject: &str)
        -> Result<Vec<RecordChange>>;
    async fn list_actors(&self, q: &ActorQuery) -> Result<Page<Actor>>;
    async fn get_actor(&self, code: &ActorCode) -> Result<Actor>;
    /// The groups an actor is a member of, by code.
    async fn groups_of(&self, code: &ActorCode) -> Result<Vec<Actor>>;
    async fn list_documents(&self, q: &DocumentQuery) -> Result<Page<Document>>;
    async fn get_document(&self, process: &Slug, id: i64) -> Result<Document>;
    /// A process's themes, by taxonomy then number.
    async fn list_themes(&self, process: &Slug) -> Result<Vec<Theme>>;

    async fn get_account(&self, id: i64) -> Result<StoredAccount>;
    async fn find_session(&self, id_hash: &str) -> Result<Option<SessionRecord>>;
    async fn find_api_token(&self, token_hash: &str) -> Result<Option<ApiTokenRecord>>;
    /// An account's API tokens, oldest first, revoked and expired ones included.
    async fn list_api_tokens(&self, account: i64) -> Result<Vec<ApiTokenRecord>>;
    async fn list_audit(&self, q: &AuditQuery) -> Result<Page<AuditEntry>>;
    /// Audit entries after `after_seq`, oldest first (for verification).
    async fn audit_entries(&self, after_seq: i64, limit: u32) -> Result<Vec<AuditEntry>>;
    /// The number and hash of the last entry, as the store's head records them.
    async fn audit_head(&self) -> Result<(i64, String)>;

    async fn list_statements(&self, q: &StatementQuery) -> Result<Page<Statement>>;
    async fn get_statement(&self, process: &Slug, id: i64) -> Result<Statement>;
    /// The texts of an item, one per language, in language order.
    async fn list_texts(&self, kind: ItemKind, id: i64) -> Result<Vec<ItemText>>;
    async fn list_consultations(&self, process: &Slug) -> Result<Vec<Consultation>>;
    /// Why calls for inputs of a process were closed early, by slug (only
    /// those closed with a reason).
    async fn consultation_closures(&self, process: &Slug) -> Result<Vec<(Slug, String)>>;
    /// The process an item (document, statement, input) belongs to.
    async fn item_process(&self, kind: ItemKind, id: i64) -> Result<Option<Slug>>;
    /// The other versions of an item's texts (each beside the one standing
    /// in its language), in language order.
    async fn list_other_versions(&self, kind: ItemKind, id: i64) -> Result<Vec<OtherVersion>>;
    /// Texts whose file waits for extraction, standing or set beside:
    /// (item kind, item id, text).
    async fn list_pending_texts(&self) -> Result<Vec<(ItemKind, i64, ItemText)>>;
    async fn list_inputs(&self, q: &InputQuery) -> Result<Page<Input>>;
    async fn get_input(&self, process: &Slug, id: i64) -> Result<Input>;
    async fn list_recommendations(&self, q: &RecommendationQuery) -> Result<Page<Recommendation>>;

    /// A meeting's speakers' list, in order of inscription.
    async fn list_inscriptions(&self, meeting: i64) -> Result<Vec<Inscription>>;
    /// The time limits a meeting set instead of the usual ones, in seconds.
    async fn list_time_limits(&self, meeting: i64) -> Result<Vec<(SpeakerCategory, u32)>>;
    /// The delegations to a process: (state, head of delegation), by state.
    async fn list_delegations(&self, process: &Slug) -> Result<Vec<(ActorCode, String)>>;

    /// A process's accreditation applications, newest first, with objections.
    async fn list_applications(&self, process: &Slug) -> Result<Vec<Application>>;
    /// The body a process's rules name to decide objected applications, if
    /// one was named.
    async fn deciding_body(&self, process: &Slug) -> Result<Option<DecidingBody>>;
    /// Who registered for a meeting, in order of registration.
    async fn list_participants(&self, meeting: i64) -> Result<Vec<Participant>>;

    /// Whether an account is designated to speak for a group in a process.
    async fn group_speaker(&self, process: &Slug, group: &ActorCode, account: i64) -> Result<bool>;
    /// A process's drafts, oldest first.
    async fn list_drafts(&self, process: &Slug) -> Result<Vec<Draft>>;
    async fn get_draft(&self, process: &Slug, slug: &Slug) -> Result<Draft>;
    /// A draft's versions, oldest first.
    async fn list_versions(&self, draft: i64) -> Result<Vec<Version>>;
    /// A version's amendments by number, with co-sponsors and positions.
    async fn list_amendments(&self, version: i64) -> Result<Vec<Amendment>>;
    async fn get_amendment(&self, id: i64) -> Result<Amendment>;
    /// The statuses the co-facilitators set on a version's paragraphs.
    async fn list_paragraph_statuses(&self, version: i64) -> Result<Vec<StatusRecord>>;
    /// A version's expressions in other languages, by language code.
    async fn list_expressions(&self, version: i64) -> Result<Vec<Expression>>;
    /// A draft's silence procedures, oldest first, with their breaks.
    async fn list_silence_procedures(&self, draft: i64) -> Result<Vec<SilenceProcedure>>;
    /// Silence procedures whose deadline has passed with no outcome recorded.
    async fn due_silence_procedures(&self, now: DateTime<Utc>) -> Result<Vec<i64>>;

    // ---- stocktaking ----
    /// The process's jobs, latest first.
    async fn list_jobs(&self, process: &Slug, limit: u32) -> Result<Vec<Job>>;
    async fn get_job(&self, id: i64) -> Result<Job>;
    /// How many jobs of every process stand in each status (`/metrics`);
    /// a status no job is in is left out.
    async fn job_counts(&self) -> Result<Vec<(JobStatus, i64)>>;
    /// The latest complete analysis run of the process.
    async fn latest_analysis(&self, process: &Slug) -> Result<Option<AnalysisRun>>;
    /// The run's campaigns, largest first.
    async fn list_campaigns(&self, run: i64, limit: u32, offset: u32) -> Result<Vec<Campaign>>;
    async fn get_campaign(&self, run: i64, number: i64) -> Result<Campaign>;
    async fn campaign_of_input(&self, run: i64, input: i64) -> Result<Option<Campaign>>;
    /// Ids of a campaign's inputs greater than `after`, in order.
    async fn campaign_inputs(
        &self,
        run: i64,
        number: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<i64>>;
    async fn item_theme(
        &self,
        run: i64,
        kind: ItemKind,
        id: i64,
    ) -> Result<Option<ThemeAssignment>>;
    async fn list_clusters(&self, run: i64) -> Result<Vec<ThemeCluster>>;
    /// A page of the process's inputs or statements for the analysis: only
    /// what the public may read at `now` (the stocktaking is public).
    async fn analysis_texts(
        &self,
        process: &Slug,
        kind: ItemKind,
        after: i64,
        limit: u32,
        now: DateTime<Utc>,
    ) -> Result<Vec<AnalysisText>>;
    async fn list_theme_labels(&self, process: &Slug) -> Result<Vec<ThemeLabel>>;
    async fn list_dismissals(&self, kind: ItemKind, id: i64) -> Result<Vec<Dismissal>>;
    async fn list_coverage_links(&self, process: &Slug) -> Result<Vec<CoverageLink>>;

    // ---- adoption and follow-up ----
    /// The process's adoptions, oldest first, each with its ballots on record.
    async fn list_adoptions(&self, process: &Slug) -> Result<Vec<Adoption>>;
    async fn get_adoption(&self, process: &Slug, id: i64) -> Result<Adoption>;
    /// The statements linked to an adoption, in the order they were linked.
    async fn list_adoption_statements(&self, adoption: i64) -> Result<Vec<AdoptionStatement>>;
    /// The separate votes on paragraphs taken at a meeting, oldest first.
    async fn list_paragraph_votes(&self, meeting: i64) -> Result<Vec<ParagraphVote>>;
    /// The oral amendments and revisions moved at a meeting, oldest first.
    async fn list_oral_changes(&self, meeting: i64) -> Result<Vec<OralChange>>;
    /// A page of the process's pledges (with their progress reports), by id;
    /// only those on `objective` when given.
    async fn list_pledges(
        &self,
        process: &Slug,
        objective: Option<u32>,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Page<Pledge>>;
    async fn get_pledge(&self, process: &Slug, id: i64) -> Result<Pledge>;
}

/// An input or a statement as the stocktaking analysis reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisText {
    pub id: i64,
    pub language: Language,
    pub text: String,
    /// When it was sent (inputs) or entered (statements).
    pub at: DateTime<Utc>,
    /// The country of an input, or the actor who delivered a statement.
    pub origin: Option<String>,
    /// Generated test data.
    pub synthetic: bool,
}

/// A server's hold on a running job: who (`owner`, one name per server
/// process) and until when, unless renewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobLease {
    pub owner: String,
    pub until: DateTime<Utc>,
}

/// A job a server took: the job, what it was started with (JSON; `None`
/// for a job that cannot be started again elsewhere), and how many times a
/// server has taken it, this time included.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedJob {
    pub job: Job,
    pub args: Option<String>,
    pub attempts: i32,
}

/// Why a job whose lease ran out was failed, by case.
#[derive(Debug, Clone, Copy)]
pub struct AbandonedJobs<'a> {
    /// A job that cannot be started again (no arguments).
    pub not_resumable: &'a str,
    /// A job taken `max_attempts` times already.
    pub exhausted: &'a str,
    pub max_attempts: i32,
}

/// A unit of work. Writes refuse what the schema forbids with
/// `StoreError::Conflict`; use cases check the domain rules before writing.
#[async_trait]
pub trait Tx: Send {
    async fn find_actor(&mut self, code: &ActorCode) -> Result<Option<Actor>>;
    async fn insert_actor(&mut self, actor: &Actor) -> Result<()>;

    async fn find_process(&mut self, slug: &Slug) -> Result<Option<Process>>;
    async fn insert_process(&mut self, process: &Process) -> Result<()>;
    /// Writes a process as it is now (its slug stays).
    async fn update_process(&mut self, process: &Process) -> Result<()>;
    /// The kinds of meeting the process has meetings of (cancelled ones too).
    async fn meeting_kinds_in_use(&mut self, process: &Slug) -> Result<Vec<MeetingKind>>;

    async fn find_phase(
        &mut self,
        process: &Slug,
        kind: accord_domain::PhaseKind,
    ) -> Result<Option<Phase>>;
    async fn insert_phase(&mut self, phase: &Phase) -> Result<()>;
    /// Writes a phase's plan and the decisions on it (its process and kind stay).
    async fn update_phase(&mut self, phase: &Phase) -> Result<()>;
    /// Appends a change to a phase's history.
    async fn insert_phase_change(&mut self, change: &PhaseChange) -> Result<()>;

    async fn find_meeting(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Meeting>>;
    /// Records a meeting with its agenda and themes; returns its new id.
    async fn insert_meeting(&mut self, meeting: &NewMeeting) -> Result<i64>;
    /// Writes a meeting's title, dates, venue, note, status and agenda
    /// (replaced whole) as given; its kind, number, slug and themes stay.
    async fn update_meeting(&mut self, meeting: &Meeting) -> Result<()>;
    /// Appends a change to a meeting's history.
    async fn insert_meeting_change(&mut self, change: &MeetingChange) -> Result<()>;
    /// The agenda items of a meeting that statements or speakers' list
    /// inscriptions are filed under.
    async fn agenda_items_in_use(&mut self, meeting: i64) -> Result<Vec<u32>>;

    async fn find_document(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Document>>;
    async fn find_document_by_symbol(&mut self, symbol: &Symbol) -> Result<Option<Document>>;
    /// A document of `process` by id, withdrawn or not.
    async fn document_by_id(&mut self, process: &Slug, id: i64) -> Result<Option<Document>>;
    /// Writes a document's metadata and withdrawal as they are now (its
    /// slug and process stay); `meeting` is the meeting's id.
    async fn update_document(&mut self, document: &Document, meeting: Option<i64>) -> Result<()>;
    async fn insert_record_change(&mut self, process: &Slug, change: &RecordChange) -> Result<()>;
    /// Records document metadata; `meeting` is the id of the meeting it belongs to.
    async fn insert_document(
        &mut self,
        document: &NewDocument,
        meeting: Option<i64>,
    ) -> Result<i64>;

    async fn find_theme(&mut self, process: &Slug, code: &Slug) -> Result<Option<Theme>>;
    async fn insert_theme(&mut self, theme: &Theme) -> Result<()>;
    /// Writes a theme's title, number and withdrawal as they are now (its
    /// process, code and taxonomy stay).
    async fn update_theme(&mut self, theme: &Theme) -> Result<()>;

    async fn find_account(&mut self, id: i64) -> Result<Option<StoredAccount>>;
    async fn find_account_by_email(&mut self, email: &Email) -> Result<Option<StoredAccount>>;
    /// Records an account; returns its id.
    async fn insert_account(
        &mut self,
        email: &Email,
        name: &str,
        password_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    async fn set_password(&mut self, account: i64, password_hash: &str) -> Result<()>;
    async fn insert_grant(&mut self, account: i64, grant: &RoleGrant) -> Result<()>;

    async fn insert_session(&mut self, session: &SessionRecord) -> Result<()>;
    async fn delete_session(&mut self, id_hash: &str) -> Result<()>;
    /// Ends every session of an account (after a password change).
    async fn delete_sessions_of(&mut self, account: i64) -> Result<()>;

    /// Records an API token (its `id` is ignored); returns its id.
    async fn insert_api_token(&mut self, token: &ApiTokenRecord) -> Result<i64>;
    /// Revokes one of an account's tokens; false if it has no such token.
    async fn revoke_api_token(&mut self, account: i64, id: i64, at: DateTime<Utc>) -> Result<bool>;
    /// Revokes every current token of an account (after a password reset);
    /// returns how many.
    async fn revoke_api_tokens_of(&mut self, account: i64, at: DateTime<Utc>) -> Result<u64>;

    async fn insert_password_reset(
        &mut self,
        token_hash: &str,
        account: i64,
        expires_at: DateTime<Utc>,
    ) -> Result<()>;
    /// Removes every other reset link of an account (after one was used);
    /// returns how many.
    async fn delete_password_resets_of(&mut self, account: i64) -> Result<u64>;
    /// Removes a reset token and returns its account and expiry, if it existed.
    async fn take_password_reset(
        &mut self,
        token_hash: &str,
    ) -> Result<Option<(i64, DateTime<Utc>)>>;

    /// Locks the audit log's head for this unit of work and returns it:
    /// concurrent appends wait here, so the chain never forks.
    async fn lock_audit_head(&mut self) -> Result<(i64, String)>;
    /// Appends an entry and moves the head to it.
    async fn append_audit(&mut self, entry: &AuditEntry) -> Result<()>;

    /// Records or replaces the head of a state's delegation.
    async fn set_delegation(
        &mut self,
        process: &Slug,
        state: &ActorCode,
        head_name: &str,
    ) -> Result<()>;
    /// Records or replaces the state chairing a group in a process.
    async fn set_group_chair(
        &mut self,
        process: &Slug,
        group: &ActorCode,
        chair: &ActorCode,
    ) -> Result<()>;
    async fn find_group_chair(
        &mut self,
        process: &Slug,
        group: &ActorCode,
    ) -> Result<Option<ActorCode>>;
    async fn insert_group_speaker(
        &mut self,
        process: &Slug,
        group: &ActorCode,
        account: i64,
        designated_by: i64,
    ) -> Result<()>;
    async fn is_group_speaker(
        &mut self,
        process: &Slug,
        group: &ActorCode,
        account: i64,
    ) -> Result<bool>;

    /// Records an inscription (its `id` is ignored); returns its id.
    async fn insert_inscription(&mut self, inscription: &Inscription) -> Result<i64>;
    async fn find_inscription(&mut self, id: i64) -> Result<Option<Inscription>>;
    async fn set_inscription_status(&mut self, id: i64, status: SpeakerStatus) -> Result<()>;
    async fn meeting_inscriptions(&mut self, meeting: i64) -> Result<Vec<Inscription>>;
    /// Records a statement; returns its id.
    async fn insert_statement(
        &mut self,
        statement: &NewStatement,
        entered_by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    /// Marks a statement as entered after its meeting's window closed.
    async fn mark_statement_filed_late(&mut self, id: i64) -> Result<()>;
    async fn find_statement(&mut self, id: i64) -> Result<Option<Statement>>;
    /// Records a file's metadata once (a second upload of the same bytes
    /// changes nothing).
    async fn insert_file(&mut self, file: &StoredFile, at: DateTime<Utc>) -> Result<()>;
    /// Records or replaces an item's text in a language.
    async fn put_text(
        &mut self,
        kind: ItemKind,
        id: i64,
        text: &ItemText,
        at: DateTime<Utc>,
    ) -> Result<()>;
    async fn find_text(
        &mut self,
        kind: ItemKind,
        id: i64,
        language: Language,
    ) -> Result<Option<ItemText>>;
    /// Records or replaces the other version of an item's text in a
    /// language (the standing one must exist), with the choice made
    /// between the two (`None`: open).
    async fn put_other_version(
        &mut self,
        kind: ItemKind,
        id: i64,
        text: &ItemText,
        chosen: Option<&VersionChoice>,
        at: DateTime<Utc>,
    ) -> Result<()>;
    async fn find_other_version(
        &mut self,
        kind: ItemKind,
        id: i64,
        language: Language,
    ) -> Result<Option<OtherVersion>>;
    async fn find_consultation(
        &mut self,
        process: &Slug,
        slug: &Slug,
    ) -> Result<Option<Consultation>>;
    async fn insert_consultation(&mut self, consultation: &Consultation) -> Result<()>;
    /// Sets a call's closing instant, and why it closed early (`None`: an
    /// extension, which keeps no reason).
    async fn set_consultation_closing(
        &mut self,
        process: &Slug,
        slug: &Slug,
        closes_at: DateTime<Utc>,
        closed_reason: Option<&str>,
    ) -> Result<()>;
    /// Why a call was closed early, if it was.
    async fn consultation_closed_reason(
        &mut self,
        process: &Slug,
        slug: &Slug,
    ) -> Result<Option<String>>;
    /// Records an input in its (given or detected) language; returns its id.
    async fn insert_input(
        &mut self,
        input: &NewInput,
        language: Language,
        language_detected: bool,
        distribution: Distribution,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    async fn find_input(&mut self, id: i64) -> Result<Option<Input>>;
    /// Records many inputs at once (an import batch); returns their ids in
    /// the order of `rows`.
    async fn insert_inputs(
        &mut self,
        rows: &[(&NewInput, Language, bool)],
        distribution: Distribution,
        at: DateTime<Utc>,
    ) -> Result<Vec<i64>>;
    /// Which of these external ids the process's inputs already carry.
    async fn existing_external_ids(&mut self, process: &Slug, ids: &[&str]) -> Result<Vec<String>>;
    async fn find_input_by_external_id(
        &mut self,
        process: &Slug,
        external_id: &str,
    ) -> Result<Option<i64>>;
    /// Records a recommendation found at char `start` of its source's text.
    async fn insert_recommendation(
        &mut self,
        recommendation: &NewRecommendation,
        start: usize,
        marked_by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;

    /// Sets a meeting's time limit for a category, or (`None`) goes back to
    /// the usual one.
    async fn set_time_limit(
        &mut self,
        meeting: i64,
        category: SpeakerCategory,
        seconds: Option<u32>,
    ) -> Result<()>;

    /// The no-objection period of a process, in days, if one was set.
    async fn objection_days(&mut self, process: &Slug) -> Result<Option<i64>>;
    async fn set_objection_days(&mut self, process: &Slug, days: i64) -> Result<()>;
    /// The body a process's rules name to decide objected applications, if
    /// one was named.
    async fn deciding_body(&mut self, process: &Slug) -> Result<Option<DecidingBody>>;
    async fn set_deciding_body(&mut self, process: &Slug, body: DecidingBody) -> Result<()>;
    /// Records an application (its `id`, decision and objections are ignored).
    async fn insert_application(&mut self, application: &Application) -> Result<i64>;
    async fn find_application(&mut self, id: i64) -> Result<Option<Application>>;
    async fn insert_objection(&mut self, application: i64, objection: &Objection) -> Result<()>;
    /// Marks an application referred to a deciding body.
    async fn refer_application(&mut self, id: i64, body: DecidingBody) -> Result<()>;
    async fn decide_application(&mut self, id: i64, decision: &ApplicationDecision) -> Result<()>;
    /// Is `actor` the organisation of an approved application in `process`?
    async fn is_accredited(&mut self, process: &Slug, actor: &ActorCode) -> Result<bool>;
    async fn insert_registration(
        &mut self,
        meeting: i64,
        account: i64,
        actor: &ActorCode,
        at: DateTime<Utc>,
    ) -> Result<()>;
    async fn is_registered(&mut self, meeting: i64, account: i64) -> Result<bool>;

    async fn find_draft(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Draft>>;
    /// Records a draft (its `id` is ignored); returns its id.
    async fn insert_draft(&mut self, draft: &Draft) -> Result<i64>;
    /// A draft's versions, oldest first.
    async fn draft_versions(&mut self, draft: i64) -> Result<Vec<Version>>;
    async fn find_version(&mut self, id: i64) -> Result<Option<Version>>;
    /// Records a version (its `id` is ignored); returns its id.
    async fn insert_version(&mut self, version: &Version) -> Result<i64>;
    async fn find_amendment(&mut self, id: i64) -> Result<Option<Amendment>>;
    async fn version_amendments(&mut self, version: i64) -> Result<Vec<Amendment>>;
    /// Records an amendment with its co-sponsors and positions (its `id` and
    /// `number` are ignored); returns its id and its number on the version.
    async fn insert_amendment(&mut self, amendment: &Amendment) -> Result<(i64, u32)>;
    /// Records or changes an actor's support or objection (never a co-sponsor's).
    async fn set_position(
        &mut self,
        amendment: i64,
        actor: &ActorCode,
        stance: Stance,
        at: DateTime<Utc>,
    ) -> Result<()>;
    /// A named co-sponsor confirms (`confirmed`), or a co-sponsor (named or
    /// confirmed) withdraws; false when there was nothing to change.
    async fn set_co_sponsorship(
        &mut self,
        amendment: i64,
        actor: &ActorCode,
        confirmed: bool,
        at: DateTime<Utc>,
    ) -> Result<bool>;
    async fn set_amendment_status(
        &mut self,
        id: i64,
        status: AmendmentStatus,
        note: &str,
        at: Option<DateTime<Utc>>,
    ) -> Result<()>;
    async fn set_paragraph_status(&mut self, version: i64, record: &StatusRecord) -> Result<()>;
    /// Records a version's expression in a language, replacing the one before.
    async fn put_expression(&mut self, expression: &Expression) -> Result<()>;
    async fn version_statuses(&mut self, version: i64) -> Result<Vec<StatusRecord>>;
    /// Records a silence procedure (its `id`, breaks and outcome are ignored).
    async fn insert_silence(&mut self, procedure: &SilenceProcedure) -> Result<i64>;
    async fn find_silence(&mut self, id: i64) -> Result<Option<SilenceProcedure>>;
    async fn insert_silence_break(&mut self, procedure: i64, letter: &SilenceBreak) -> Result<()>;
    /// Records the outcome once; a second call changes nothing.
    async fn set_silence_outcome(
        &mut self,
        id: i64,
        outcome: RecordedOutcome,
        at: DateTime<Utc>,
    ) -> Result<()>;

    // ---- stocktaking ----
    async fn insert_job(&mut self, job: &Job) -> Result<i64>;
    /// Records a running job's progress or outcome (a job that is over is left as it ended).
    async fn update_job(&mut self, job: &Job) -> Result<()>;
    /// Fails every job still running (the server stopped in the middle of them).
    async fn fail_running_jobs(&mut self, message: &str, at: DateTime<Utc>) -> Result<u64>;
    /// Inserts a running job held at once by `lease` (the server that
    /// starts it runs it first; its first attempt). `args` (JSON) say how
    /// to start it again elsewhere; `None`: it cannot be.
    async fn insert_leased_job(
        &mut self,
        job: &Job,
        args: Option<&str>,
        lease: &JobLease,
    ) -> Result<i64>;
    /// Takes the oldest running job whose lease ran out before `now` (or was
    /// released) that can be started again and was taken fewer than
    /// `max_attempts` times: it is held by `lease` and its attempts counted.
    /// Two servers never take the same job (PostgreSQL: `FOR UPDATE SKIP
    /// LOCKED`; SQLite: one writer).
    async fn claim_job(
        &mut self,
        lease: &JobLease,
        now: DateTime<Utc>,
        max_attempts: i32,
    ) -> Result<Option<ClaimedJob>>;
    /// Fails, as of `now`, the running jobs whose lease ran out (or was
    /// released) that no server may take; returns them as they ended.
    async fn fail_abandoned_jobs(
        &mut self,
        why: AbandonedJobs<'_>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Job>>;
    /// Extends the lease of a job `lease.owner` still holds; `false` when
    /// it does not (the job is over, or another server took it).
    async fn renew_job_lease(&mut self, job: i64, lease: &JobLease) -> Result<bool>;
    /// Records a job's outcome (status, progress, message, end) if `owner`
    /// still holds it, and lets the lease go; `false` (nothing written) when
    /// it does not: a job finishes or fails exactly once. On PostgreSQL the
    /// row stays locked until the unit ends, so nobody takes it meanwhile.
    async fn finish_leased_job(&mut self, job: &Job, owner: &str) -> Result<bool>;
    /// Lets go of the leases `owner` holds (every lease: `None`), so another
    /// server takes those jobs at once; returns how many.
    async fn release_job_leases(&mut self, owner: Option<&str>) -> Result<u64>;
    /// Tries to take the lock named `key` for the rest of this unit of work,
    /// without waiting: `false` when another unit holds it (PostgreSQL:
    /// `pg_try_advisory_xact_lock`). SQLite's units take turns anyway: always
    /// `true`.
    async fn try_lock(&mut self, key: i64) -> Result<bool>;
    /// The events of `key` in `throttle` (oldest first), its row locked for
    /// the rest of this unit so a burst across servers is counted one by one.
    async fn throttle_events(&mut self, throttle: &str, key: &str) -> Result<Vec<DateTime<Utc>>>;
    /// Replaces the events of `key` in `throttle` (none: forgets the key).
    async fn put_throttle_events(
        &mut self,
        throttle: &str,
        key: &str,
        events: &[DateTime<Utc>],
    ) -> Result<()>;
    /// Forgets the keys of `throttle` whose last event is before `before`.
    async fn forget_throttle_keys_before(
        &mut self,
        throttle: &str,
        before: DateTime<Utc>,
    ) -> Result<u64>;
    /// A run being written: invisible to readers until completed.
    async fn insert_analysis_run(&mut self, run: &AnalysisRun) -> Result<i64>;
    async fn insert_campaigns(&mut self, run: i64, campaigns: &[Campaign]) -> Result<()>;
    /// (input id, campaign number) pairs.
    async fn insert_campaign_inputs(&mut self, run: i64, members: &[(i64, i64)]) -> Result<()>;
    async fn insert_theme_assignments(&mut self, run: i64, list: &[ThemeAssignment]) -> Result<()>;
    async fn insert_clusters(&mut self, run: i64, clusters: &[ThemeCluster]) -> Result<()>;
    /// Makes the run the process's latest, with its final counts.
    async fn complete_analysis_run(&mut self, run: &AnalysisRun) -> Result<()>;
    /// Deletes the process's runs older than `keep`, and what they found.
    async fn delete_analysis_runs_before(&mut self, process: &Slug, keep: i64) -> Result<()>;
    async fn set_theme_label(&mut self, label: &ThemeLabel) -> Result<()>;
    /// Records a dismissal (again: nothing changes).
    async fn insert_dismissal(&mut self, dismissal: &Dismissal) -> Result<()>;
    async fn find_recommendation(&mut self, id: i64) -> Result<Option<Recommendation>>;
    /// Records a link (again: nothing changes).
    async fn insert_coverage_link(&mut self, link: &CoverageLink) -> Result<()>;

    // ---- adoption and follow-up ----
    /// A meeting of any process, by id.
    async fn meeting_by_id(&mut self, id: i64) -> Result<Option<Meeting>>;
    /// Records an adoption with its ballots.
    async fn insert_adoption(
        &mut self,
        adoption: &NewAdoption,
        entered_by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    async fn find_adoption(&mut self, id: i64) -> Result<Option<Adoption>>;
    /// The adoptions of a version, oldest first, without their ballots: the
    /// adoption guards and the closing of an adopted text read them.
    async fn adoptions_of_version(&mut self, version: i64) -> Result<Vec<Adoption>>;
    /// Adds ballots to a recorded vote (a state already on record is a conflict).
    async fn insert_ballots(&mut self, adoption: i64, ballots: &[Ballot]) -> Result<()>;
    /// Closes a vote being taken: its counted totals, the states present
    /// (those that cast a ballot), and the ballots closing adds (not
    /// voting, for the states that cast none). A vote that is not open is a
    /// conflict.
    async fn close_vote(
        &mut self,
        adoption: i64,
        totals: &Totals,
        present: &[ActorCode],
        added: &[Ballot],
    ) -> Result<()>;
    /// Records a state's statement of how it intended to vote, beside its
    /// ballot (a second by the same state is a conflict).
    async fn insert_vote_intention(
        &mut self,
        adoption: i64,
        intention: &VoteIntention,
    ) -> Result<()>;
    async fn insert_adoption_statement(&mut self, link: &AdoptionStatement) -> Result<()>;
    async fn adoption_statements(&mut self, adoption: i64) -> Result<Vec<AdoptionStatement>>;
    /// Records a separate vote on a paragraph (its `id` is ignored); a
    /// second vote on the same paragraph of the version at the meeting is a
    /// conflict.
    async fn insert_paragraph_vote(&mut self, vote: &ParagraphVote) -> Result<i64>;
    /// The separate votes taken at a meeting, as the rules read them.
    async fn paragraph_votes_at(&mut self, meeting: i64) -> Result<Vec<ParagraphVote>>;
    /// Records an oral amendment or revision (its `id` is ignored).
    async fn insert_oral_change(&mut self, change: &OralChange) -> Result<i64>;
    async fn insert_pledge(
        &mut self,
        pledge: &NewPledge,
        entered_by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    async fn find_pledge(&mut self, id: i64) -> Result<Option<Pledge>>;
    /// Records a progress report; the pledge takes the report's status.
    async fn insert_progress_report(
        &mut self,
        pledge: i64,
        reported_on: NaiveDate,
        status: PledgeStatus,
        text: &str,
        entered_by: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    /// False when there was no such link.
    async fn delete_coverage_link(
        &mut self,
        recommendation: i64,
        draft: i64,
        wid: &str,
    ) -> Result<bool>;

    /// Records what this unit changed for the search index, numbered after
    /// every change committed before; the numbers are taken in commit order
    /// (the outbox's row stays locked until this unit ends), so call it
    /// last, just before `commit`.
    async fn record_index_changes(
        &mut self,
        changes: &[IndexSubject],
        at: DateTime<Utc>,
    ) -> Result<()>;

    async fn commit(self: Box<Self>) -> Result<()>;
}
