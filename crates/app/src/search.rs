//! Search: the app keeps `accord-search`'s index current when something is
//! published (or its text changes), rebuilds it from the store
//! (`reindex`), and asks it with the reader's clearance, so nothing a reader
//! may not see appears in results, totals or facet counts. The index is
//! derived state: losing it loses nothing.

use crate::policy::{clearances, Principal};
use crate::{App, AppError, PageRequest, Result};
use accord_domain::{ItemKind, ItemText, Slug};
use accord_search::{Facet, Query, Reader, Results, SearchDoc, SearchIndex};
use accord_store::{IndexSubject, InputQuery, PeerMessage, RecommendationQuery, StatementQuery};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Outbox changes read (and applied) at a time.
const FOLLOW_BATCH: i64 = 500;
/// Documents put in the index per commit while following, at most (about:
/// one change's documents are never split).
const FOLLOW_DOCS: usize = 50_000;
/// How often a server on a shared store looks at the outbox when no other
/// server has announced a commit.
const FOLLOW_POLL: std::time::Duration = std::time::Duration::from_secs(1);
/// Outbox changes are kept this long; a server that has not applied them by
/// then rebuilds its index from the store.
pub const INDEX_RETENTION: chrono::Duration = chrono::Duration::days(7);
/// A server prunes the outbox at most this often.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(600);
/// Messages to the other servers that carry a live event (JSON after it).
pub(crate) const LIVE_PREFIX: &str = "live ";

/// The index, opened on first use in its directory.
pub(crate) struct Search {
    pub dir: PathBuf,
    pub index: OnceLock<std::result::Result<Arc<SearchIndex>, String>>,
    /// Changes made to the index by this server (part of
    /// [`App::generation`]: a search is current while it stays the same).
    pub changes: std::sync::atomic::AtomicU64,
    /// Held while following the outbox (or rebuilding): one at a time.
    pub following: tokio::sync::Mutex<()>,
    /// A rebuild from the store is under way (writers do not wait for it).
    pub rebuilding: std::sync::atomic::AtomicBool,
    /// Rings when another server commits: follow now.
    pub wake: Arc<tokio::sync::Notify>,
    /// When this server last pruned the outbox.
    pub pruned_at: std::sync::Mutex<Option<std::time::Instant>>,
}

impl Search {
    pub fn new(dir: PathBuf) -> Self {
        Search {
            dir,
            index: OnceLock::new(),
            changes: Default::default(),
            following: tokio::sync::Mutex::new(()),
            rebuilding: Default::default(),
            wake: Arc::default(),
            pruned_at: std::sync::Mutex::new(None),
        }
    }
}

/// A search as a reader asks it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub text: String,
    /// (facet name, value) pairs, e.g. ("process", "gcm"), ("language", "fr").
    pub filters: Vec<(String, String)>,
    pub limit: usize,
    pub offset: usize,
}

fn search_error(e: accord_search::SearchError) -> AppError {
    match e {
        accord_search::SearchError::BadQuery(m) => AppError::BadRequest(m),
        accord_search::SearchError::Index(m) => AppError::Unavailable(format!("search index: {m}")),
        e @ accord_search::SearchError::Busy(_) => AppError::Busy(e.to_string()),
    }
}

impl App {
    /// Runs a change to the index off the async threads; once it returns,
    /// the generation has moved on, so no copy of a search made before it
    /// is served after it (the page cache).
    async fn change_index<T, F>(&self, change: F) -> Result<T>
    where
        F: FnOnce(&SearchIndex) -> std::result::Result<T, accord_search::SearchError>
            + Send
            + 'static,
        T: Send + 'static,
    {
        let index = self.index()?;
        let changed = tokio::task::spawn_blocking(move || change(&index)).await;
        self.search
            .changes
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        changed
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(search_error)
    }

    pub(crate) fn index(&self) -> Result<Arc<SearchIndex>> {
        self.search
            .index
            .get_or_init(|| {
                std::fs::create_dir_all(&self.search.dir)
                    .map_err(|e| e.to_string())
                    .and_then(|_| SearchIndex::open(&self.search.dir).map_err(|e| e.to_string()))
                    .map(Arc::new)
            })
            .clone()
            .map_err(|e| AppError::Unavailable(format!("search index: {e}")))
    }

    /// Searches what the reader may see: each hit at the reader's clearance
    /// in the hit's own process (never the clearance of a process the
    /// filters name).
    pub async fn search(&self, p: &Principal, req: SearchRequest) -> Result<Results> {
        let mut filters = vec![];
        for (name, value) in &req.filters {
            let facet: Facet = name.parse().map_err(search_error)?;
            filters.push((facet, value.clone()));
        }
        let sees = clearances(p);
        let reader = Reader {
            sees: sees.everywhere.into(),
            processes: sees
                .processes
                .into_iter()
                .map(|(slug, c)| (slug.to_string(), c.into()))
                .collect(),
            now: self.now().timestamp(),
        };
        let query = Query {
            text: req.text,
            filters,
            limit: req.limit.clamp(1, 100),
            offset: req.offset,
        };
        let index = self.index()?;
        self.pool
            .run(move || index.search(&reader, &query))
            .await?
            .map_err(search_error)
    }

    /// Brings this server's index up to the outbox's last change; a failure
    /// is logged, never the writer's error (the next write, the follower
    /// or `accord reindex` repairs).
    ///
    /// While the index is being rebuilt (a start, `accord reindex`), a
    /// writer does not wait for it: the rebuild's follower reads the outbox
    /// again once done, and applies the writer's change then.
    pub(crate) async fn catch_up_index(&self) {
        if self
            .search
            .rebuilding
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        if let Err(e) = self.follow_index().await {
            tracing::warn!(error = %e, "the search index was not brought up to date");
        }
    }

    /// Applies the outbox's changes this index has not applied, in order,
    /// each commit of the index recording the last it holds; rebuilds from
    /// the store when the index recorded none (new, or written by an older
    /// Accord), when changes it lacks were pruned, or at a rebuild asked for
    /// by `accord reindex`. One follow at a time per server. Returns how many
    /// changes were applied.
    pub async fn follow_index(&self) -> Result<i64> {
        let _turn = self.search.following.lock().await;
        let index = self.index()?;
        let mut done = 0;
        loop {
            let state = self.store.index_outbox().await?;
            let applied = index.applied().map_err(search_error)?;
            let Some(applied) = applied.filter(|&a| a >= state.pruned_through) else {
                // Read the outbox before the store: changes made while the
                // rebuild reads are applied again after it (harmlessly).
                self.rebuild_index(state.last).await?;
                continue;
            };
            if applied >= state.last {
                break;
            }
            let changes = self.store.index_changes(applied, FOLLOW_BATCH).await?;
            if changes.first().map(|c| c.seq) != Some(applied + 1) {
                // Pruned in the meantime: what is missing is in the store.
                self.rebuild_index(state.last).await?;
                continue;
            }
            if let Some(at) = changes
                .iter()
                .rposition(|c| c.subject == Some(IndexSubject::Rebuild))
            {
                self.rebuild_index(changes[at].seq).await?;
                done += i64::try_from(at).unwrap_or(0) + 1;
                continue;
            }
            let (mut deleted, mut docs) = (Vec::new(), Vec::new());
            for (i, change) in changes.iter().enumerate() {
                match &change.subject {
                    Some(subject) => self.change_docs(subject, &mut deleted, &mut docs).await?,
                    None => tracing::warn!(
                        seq = change.seq,
                        "an outbox change this version cannot read was skipped"
                    ),
                }
                if docs.len() >= FOLLOW_DOCS || i + 1 == changes.len() {
                    let applied = change.seq;
                    let (d, x) = (std::mem::take(&mut deleted), std::mem::take(&mut docs));
                    self.change_index(move |index| index.apply(&d, &x, applied))
                        .await?;
                }
            }
            done += i64::try_from(changes.len()).unwrap_or(0);
        }
        self.prune_outbox().await;
        Ok(done)
    }

    /// Deletes outbox changes older than [`INDEX_RETENTION`], at most once
    /// every [`PRUNE_EVERY`] per server; a failure is logged.
    async fn prune_outbox(&self) {
        {
            let mut last = self
                .search
                .pruned_at
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if last.is_some_and(|at| at.elapsed() < PRUNE_EVERY) {
                return;
            }
            *last = Some(std::time::Instant::now());
        }
        match self
            .store
            .prune_index_changes(chrono::Utc::now() - INDEX_RETENTION)
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(pruned = n, "old changes of the search index outbox pruned"),
            Err(e) => tracing::warn!(error = %e, "the search index outbox was not pruned"),
        }
    }

    /// What one change of the outbox does to the index: the items to remove
    /// and the documents to put, as the store holds them now (an item gone
    /// from the store goes from the index).
    async fn change_docs(
        &self,
        subject: &IndexSubject,
        deleted: &mut Vec<(String, i64)>,
        docs: &mut Vec<SearchDoc>,
    ) -> Result<()> {
        let gone = |r: Result<()>| match r {
            Err(AppError::NotFound(_)) => Ok(()),
            other => other,
        };
        match subject {
            IndexSubject::Item { process, kind, id } => {
                deleted.push((kind.as_str().to_owned(), *id));
                gone(
                    async {
                        docs.extend(self.search_docs(process, *kind, *id).await?);
                        Ok(())
                    }
                    .await,
                )
            }
            IndexSubject::Recommendation { process, id } => {
                deleted.push(("recommendation".to_owned(), *id));
                gone(
                    async {
                        docs.extend(self.recommendation_docs(process, Some(*id)).await?);
                        Ok(())
                    }
                    .await,
                )
            }
            IndexSubject::Meeting { process, id } => {
                deleted.push(("meeting".to_owned(), *id));
                gone(
                    async {
                        let meeting = self.store.get_meeting(process, *id).await?;
                        docs.push(self.meeting_doc(process, &meeting).await?);
                        Ok(())
                    }
                    .await,
                )
            }
            IndexSubject::Actor(code) => gone(
                async {
                    docs.push(actor_doc(&self.store.get_actor(code).await?));
                    Ok(())
                }
                .await,
            ),
            IndexSubject::Inputs {
                process,
                first,
                last,
            } => {
                let mut after = Some(first - 1);
                loop {
                    let page = self
                        .store
                        .list_inputs(&InputQuery {
                            process: process.clone(),
                            consultation: None,
                            visible: None,
                            after,
                            limit: accord_store::MAX_PAGE,
                        })
                        .await?;
                    docs.extend(
                        page.items
                            .iter()
                            .filter(|i| i.id <= *last)
                            .map(|i| input_doc(process, i)),
                    );
                    match (page.more, page.items.last()) {
                        (true, Some(l)) if l.id < *last => after = Some(l.id),
                        _ => return Ok(()),
                    }
                }
            }
            // The follower rebuilds at a rebuild; never here.
            IndexSubject::Rebuild => Ok(()),
        }
    }

    /// Changes of the outbox this server's index has not applied, and how
    /// long the oldest of them has waited (seconds): `/metrics`, `/readyz`.
    pub(crate) async fn index_lag(&self) -> Result<(i64, f64)> {
        let state = self.store.index_outbox().await?;
        let applied = self
            .index()
            .ok()
            .and_then(|i| i.applied().ok().flatten())
            .unwrap_or(0);
        let lag = (state.last - applied).max(0);
        if lag == 0 {
            return Ok((0, 0.0));
        }
        let oldest = self
            .store
            .index_changes(applied.max(state.pruned_through), 1)
            .await?;
        let seconds = oldest.first().map_or(0.0, |c| {
            let waited = chrono::Utc::now() - c.at;
            #[allow(clippy::cast_precision_loss)]
            let ms = waited.num_milliseconds().max(0) as f64;
            ms / 1000.0
        });
        Ok((lag, seconds))
    }

    /// Asks every server on the store — this process included — to rebuild
    /// its index from the store (`accord reindex`): a change of the outbox
    /// each follows, so running servers rebuild too, each its own index, and
    /// nobody writes another's. Returns the documents this index holds once
    /// rebuilt.
    pub async fn request_reindex(&self) -> Result<u64> {
        let mut tx = self.store.begin().await?;
        tx.record_index_changes(&[IndexSubject::Rebuild], crate::micros(self.now()))
            .await?;
        tx.commit().await?;
        self.follow_index().await?;
        Ok(self.index()?.doc_count())
    }

    /// Follows the outbox for as long as the server runs: caught up at once,
    /// then — on a store several servers share (PostgreSQL) — woken by each
    /// commit another server announces, and every [`FOLLOW_POLL`] anyway.
    /// Also relays the live events other servers announce to this server's
    /// listeners. On SQLite (one process) only the first catch-up runs: the
    /// process's own writes bring the index up to date as they commit.
    pub fn keep_index_current(&self) {
        let wake = self.search.wake.clone();
        let live = self.live.clone();
        let peers = self
            .store
            .listen_to_peers(Arc::new(move |heard| match heard {
                PeerMessage::Committed | PeerMessage::Reconnected => wake.notify_one(),
                PeerMessage::Said(said) => {
                    if let Some(event) = said
                        .strip_prefix(LIVE_PREFIX)
                        .and_then(|json| serde_json::from_str(json).ok())
                    {
                        // Nobody listening is not an error.
                        let _ = live.send(event);
                    }
                }
            }));
        let app = self.clone();
        tokio::spawn(async move {
            loop {
                app.catch_up_index().await;
                if !peers {
                    return;
                }
                tokio::select! {
                    () = app.search.wake.notified() => {}
                    () = tokio::time::sleep(FOLLOW_POLL) => {}
                }
            }
        });
    }

    /// A meeting's index document: its title, kind, dates, venue (with the
    /// host country's name), chairs, agenda and note, in its process, seen
    /// where its process is (meetings are public, as processes are).
    async fn meeting_doc(&self, process: &Slug, m: &accord_domain::Meeting) -> Result<SearchDoc> {
        use chrono::Datelike;
        let mut body = vec![m.kind.as_str().replace('_', " ")];
        body.push(format!("{} – {}", m.start_date, m.end_date));
        if let Some(v) = &m.venue {
            body.extend(v.name.clone());
            body.push(v.city.clone());
            if let Ok(country) = self.store.get_actor(&v.country).await {
                body.push(country.name);
            }
        }
        body.extend(m.chairs.iter().map(|c| format!("{}, {}", c.name, c.title)));
        body.extend(m.agenda.iter().map(|a| a.title.clone()));
        body.extend(m.note.clone());
        Ok(SearchDoc {
            key: format!("meeting:{}:en", m.id),
            kind: "meeting".into(),
            item_id: m.id,
            process: process.to_string(),
            meeting: Some(m.title.clone()),
            meeting_kind: Some(m.kind.to_string()),
            actor: None,
            actor_kind: None,
            themes: m
                .themes
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            language: accord_domain::Language::En,
            year: m.start_date.year(),
            document_kind: None,
            title: m.title.clone(),
            body: body.join("\n"),
            url: format!("/processes/{process}/meetings/{}", m.id),
            distribution: accord_search::Distribution::Public,
            embargo_until: None,
            synthetic: false,
        })
    }

    fn doc(
        &self,
        kind: ItemKind,
        id: i64,
        process: &Slug,
        text: &ItemText,
        fields: DocFields,
    ) -> SearchDoc {
        SearchDoc {
            key: format!("{kind}:{id}:{}", text.language),
            kind: kind.as_str().into(),
            item_id: id,
            process: process.to_string(),
            meeting: fields.meeting,
            meeting_kind: fields.meeting_kind,
            actor: fields.actor,
            actor_kind: fields.actor_kind,
            themes: fields.themes,
            language: text.language,
            year: fields.year,
            document_kind: fields.document_kind,
            title: fields.title,
            body: text.body.clone(),
            url: fields.url,
            distribution: fields.distribution.into(),
            embargo_until: fields.embargo.map(|e| e.timestamp()),
            synthetic: fields.synthetic,
        }
    }

    /// The index's documents for one item: one per language with text.
    async fn search_docs(&self, process: &Slug, kind: ItemKind, id: i64) -> Result<Vec<SearchDoc>> {
        use chrono::Datelike;
        let mut docs = vec![];
        match kind {
            ItemKind::Statement => {
                let st = self.store.get_statement(process, id).await?;
                let meeting = self.store.get_meeting(process, st.meeting).await?;
                // Found under whose statement it is: a group's, when a
                // member state spoke for it.
                let actor = self.store.get_actor(st.credited_to()).await?;
                for text in self.store.list_texts(kind, id).await? {
                    if text.body.is_empty() {
                        continue;
                    }
                    let fields = DocFields {
                        meeting: Some(meeting.title.clone()),
                        meeting_kind: Some(meeting.kind.to_string()),
                        actor: Some(actor.code.to_string()),
                        actor_kind: Some(actor.kind.to_string()),
                        themes: meeting
                            .themes
                            .iter()
                            .map(std::string::ToString::to_string)
                            .collect(),
                        year: st.delivered_on.year(),
                        document_kind: None,
                        title: st.title.clone(),
                        url: format!("/processes/{process}/statements/{id}"),
                        distribution: st.distribution,
                        embargo: st.embargo_until,
                        synthetic: st.synthetic,
                    };
                    docs.push(self.doc(kind, id, process, &text, fields));
                }
            }
            ItemKind::Document => {
                let d = self.store.get_document(process, id).await?;
                let meeting = match &d.meeting {
                    Some(m) => self
                        .all_meetings(process.as_str(), None)
                        .await?
                        .into_iter()
                        .find(|x| &x.slug == m),
                    None => None,
                };
                let mut texts: Vec<ItemText> = self
                    .store
                    .list_texts(kind, id)
                    .await?
                    .into_iter()
                    .filter(|t| !t.body.is_empty())
                    .collect();
                if texts.is_empty() {
                    // Metadata only: its title is still found.
                    let language = if d.languages.contains(&accord_domain::Language::En) {
                        Some(accord_domain::Language::En)
                    } else {
                        d.languages.first().copied()
                    };
                    if let Some(l) = language {
                        texts.push(ItemText::typed(l, &d.title)?);
                    }
                }
                for text in texts {
                    let fields = DocFields {
                        meeting: meeting.as_ref().map(|m| m.title.clone()),
                        meeting_kind: meeting.as_ref().map(|m| m.kind.to_string()),
                        actor: None,
                        actor_kind: None,
                        themes: meeting
                            .as_ref()
                            .map(|m| {
                                m.themes
                                    .iter()
                                    .map(std::string::ToString::to_string)
                                    .collect()
                            })
                            .unwrap_or_default(),
                        year: d.date.year(),
                        document_kind: Some(d.kind.to_string()),
                        title: match &d.symbol {
                            Some(s) => format!("{s} — {}", d.title),
                            None => d.title.clone(),
                        },
                        url: format!("/processes/{process}/documents/{id}"),
                        distribution: d.distribution,
                        embargo: d.embargo_until,
                        synthetic: false,
                    };
                    docs.push(self.doc(kind, id, process, &text, fields));
                }
            }
            ItemKind::Input => {
                let i = self.store.get_input(process, id).await?;
                docs.push(input_doc(process, &i));
            }
        }
        Ok(docs)
    }

    /// Recommendations as index documents (one, or all of a process), each
    /// seen where its source is.
    async fn recommendation_docs(
        &self,
        process: &Slug,
        only: Option<i64>,
    ) -> Result<Vec<SearchDoc>> {
        use chrono::Datelike;
        let mut docs = vec![];
        let mut after = None;
        loop {
            let page = self
                .store
                .list_recommendations(&RecommendationQuery {
                    process: process.clone(),
                    source: None,
                    theme: None,
                    visible: None,
                    after,
                    limit: accord_store::MAX_PAGE,
                })
                .await?;
            for r in &page.items {
                if only.is_some_and(|id| id != r.id) {
                    continue;
                }
                let (actor, actor_kind, distribution, embargo, synthetic, url) = match r.source {
                    ItemKind::Statement => {
                        let st = self.store.get_statement(process, r.source_id).await?;
                        let actor = self.store.get_actor(&st.actor).await?;
                        (
                            Some(actor.code.to_string()),
                            Some(actor.kind.to_string()),
                            st.distribution,
                            st.embargo_until,
                            st.synthetic,
                            format!(
                                "/processes/{process}/statements/{}#rec-{}",
                                r.source_id, r.id
                            ),
                        )
                    }
                    _ => {
                        let i = self.store.get_input(process, r.source_id).await?;
                        (
                            None,
                            Some("public".into()),
                            i.distribution,
                            None,
                            i.synthetic,
                            format!("/processes/{process}/inputs/{}#rec-{}", r.source_id, r.id),
                        )
                    }
                };
                let text = ItemText {
                    language: r.language,
                    body: r.passage.clone(),
                    blocks: vec![],
                    file: None,
                    status: accord_domain::TextStatus::Ready,
                    diagnostics: vec![],
                    language_detected: false,
                    looks_like: None,
                };
                let fields = DocFields {
                    meeting: None,
                    meeting_kind: None,
                    actor,
                    actor_kind,
                    themes: r
                        .themes
                        .iter()
                        .map(std::string::ToString::to_string)
                        .collect(),
                    year: r.marked_at.year(),
                    document_kind: None,
                    title: format!("Recommendation {}", r.id),
                    url,
                    distribution,
                    embargo,
                    synthetic,
                };
                docs.push(SearchDoc {
                    kind: "recommendation".into(),
                    key: format!("recommendation:{}:{}", r.id, r.language),
                    ..self.doc(ItemKind::Statement, r.id, process, &text, fields)
                });
            }
            match (page.more, page.items.last()) {
                (true, Some(last)) => after = Some(last.id),
                _ => break,
            }
        }
        Ok(docs)
    }

    /// Rebuilds the whole index from the store now (waiting for a follow
    /// under way); returns how many index documents it holds. What readers
    /// see switches at the end, at once. (`accord reindex` asks every server
    /// to: [`App::request_reindex`].)
    pub async fn reindex(&self) -> Result<u64> {
        let _turn = self.search.following.lock().await;
        let state = self.store.index_outbox().await?;
        self.rebuild_index(state.last).await
    }

    /// Rebuilds the whole index from the store, recording `applied` (read
    /// before the store is) as the last outbox change it holds.
    async fn rebuild_index(&self, applied: i64) -> Result<u64> {
        /// Clears the flag however the rebuild ends.
        struct Rebuilding<'a>(&'a std::sync::atomic::AtomicBool);
        impl Drop for Rebuilding<'_> {
            fn drop(&mut self) {
                self.0.store(false, std::sync::atomic::Ordering::SeqCst);
            }
        }
        self.search
            .rebuilding
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let _rebuilding = Rebuilding(&self.search.rebuilding);
        let mut docs = vec![];
        let mut processes = vec![];
        let mut page = PageRequest::first(crate::MAX_LIMIT);
        loop {
            let listing = self.processes(&page).await?;
            processes.extend(listing.items.into_iter().map(|p| p.process.slug));
            match listing.next_cursor {
                Some(c) => page.cursor = Some(c),
                None => break,
            }
        }
        for actor in self.all_actors(None).await? {
            docs.push(actor_doc(&actor));
        }
        for process in &processes {
            for m in self.all_meetings(process.as_str(), None).await? {
                docs.push(self.meeting_doc(process, &m).await?);
            }
            for d in self
                .all_documents(&Principal::System("reindex"), process.as_str())
                .await?
            {
                docs.extend(self.search_docs(process, ItemKind::Document, d.id).await?);
            }
            let mut after = None;
            loop {
                let page = self
                    .store
                    .list_statements(&StatementQuery {
                        process: process.clone(),
                        meeting: None,
                        visible: None,
                        after,
                        limit: accord_store::MAX_PAGE,
                    })
                    .await?;
                for st in &page.items {
                    docs.extend(
                        self.search_docs(process, ItemKind::Statement, st.id)
                            .await?,
                    );
                }
                match (page.more, page.items.last()) {
                    (true, Some(last)) => after = Some(last.id),
                    _ => break,
                }
            }
            let mut after = None;
            loop {
                let page = self
                    .store
                    .list_inputs(&InputQuery {
                        process: process.clone(),
                        consultation: None,
                        visible: None,
                        after,
                        limit: accord_store::MAX_PAGE,
                    })
                    .await?;
                // Built from the page read: one query per page, not per input.
                docs.extend(page.items.iter().map(|i| input_doc(process, i)));
                match (page.more, page.items.last()) {
                    (true, Some(last)) => after = Some(last.id),
                    _ => break,
                }
            }
            docs.extend(self.recommendation_docs(process, None).await?);
        }
        self.change_index(move |index| {
            let mut bulk = index.bulk()?;
            bulk.delete_all()?;
            for d in &docs {
                bulk.add(d)?;
            }
            bulk.commit_applied(applied)
        })
        .await
    }
}

/// A stored input's index document (inputs have one language each).
pub(crate) fn input_doc(process: &Slug, i: &accord_domain::Input) -> SearchDoc {
    use chrono::Datelike;
    let id = i.id;
    SearchDoc {
        key: format!("{}:{id}:{}", ItemKind::Input, i.language),
        kind: ItemKind::Input.as_str().into(),
        item_id: id,
        process: process.to_string(),
        meeting: None,
        meeting_kind: None,
        actor: None,
        actor_kind: Some("public".into()),
        themes: vec![],
        language: i.language,
        year: i.submitted_at.year(),
        document_kind: None,
        title: match &i.organisation {
            Some(o) => format!("Input {id} — {o}"),
            None => format!("Input {id}"),
        },
        body: i.text.clone(),
        url: format!("/processes/{process}/inputs/{id}"),
        distribution: i.distribution.into(),
        embargo_until: None,
        synthetic: i.synthetic,
    }
}

/// An actor's index document: its names, code and region. Actors belong
/// to no process and are public; they have no year (0: no year facet).
pub(crate) fn actor_doc(a: &accord_domain::Actor) -> SearchDoc {
    let mut body = vec![a.code.to_string(), a.kind.as_str().replace('_', " ")];
    body.extend(a.official_name.clone());
    body.extend(a.iso2.clone());
    body.extend(a.region.clone());
    body.extend(a.subregion.clone());
    SearchDoc {
        key: format!("actor:{}:en", a.code),
        kind: "actor".into(),
        item_id: 0,
        process: String::new(),
        meeting: None,
        meeting_kind: None,
        actor: Some(a.code.to_string()),
        actor_kind: Some(a.kind.to_string()),
        themes: vec![],
        language: accord_domain::Language::En,
        year: 0,
        document_kind: None,
        title: a.name.clone(),
        body: body.join("\n"),
        url: format!("/actors/{}", a.code),
        distribution: accord_search::Distribution::Public,
        embargo_until: None,
        synthetic: false,
    }
}

struct DocFields {
    meeting: Option<String>,
    meeting_kind: Option<String>,
    actor: Option<String>,
    actor_kind: Option<String>,
    themes: Vec<String>,
    year: i32,
    document_kind: Option<String>,
    title: String,
    url: String,
    distribution: accord_domain::Distribution,
    embargo: Option<chrono::DateTime<chrono::Utc>>,
    synthetic: bool,
}
