//! Search: the app keeps `accord-search`'s index current when something is
//! published (or its text changes), rebuilds it from the store
//! (`reindex`), and asks it with the reader's clearance, so nothing a reader
//! may not see appears in results, totals or facet counts. The index is
//! derived state: losing it loses nothing.

use crate::policy::{clearances, Principal};
use crate::{App, AppError, PageRequest, Result};
use accord_domain::{ItemKind, ItemText, Slug};
use accord_search::{Facet, Query, Reader, Results, SearchDoc, SearchIndex};
use accord_store::{InputQuery, RecommendationQuery, StatementQuery};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The index, opened on first use in its directory.
pub(crate) struct Search {
    pub dir: PathBuf,
    pub index: OnceLock<std::result::Result<Arc<SearchIndex>, String>>,
    /// Changes made to the index by this server (part of
    /// [`App::generation`]: a search is current while it stays the same).
    pub changes: std::sync::atomic::AtomicU64,
}

impl Search {
    pub fn new(dir: PathBuf) -> Self {
        Search {
            dir,
            index: OnceLock::new(),
            changes: Default::default(),
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

    /// Puts an item (all its languages) in the index as it stands now; a
    /// failure is logged, never the writer's error (`reindex` repairs).
    pub(crate) async fn index_item(&self, process: &Slug, kind: ItemKind, id: i64) {
        let result = async {
            let docs = self.search_docs(process, kind, id).await?;
            let kind_name = kind.as_str();
            self.change_index(move |index| {
                index.delete_item(kind_name, id)?;
                index.upsert(&docs)
            })
            .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(%kind, id, error = %e, "the search index was not updated");
        }
    }

    /// Adds documents of new items in one commit (a bulk import's inputs);
    /// a failure is logged, never the writer's error (`reindex` repairs).
    pub(crate) async fn index_docs(&self, docs: Vec<SearchDoc>) {
        if docs.is_empty() {
            return;
        }
        let result = self
            .change_index(move |index| {
                let mut bulk = index.bulk()?;
                for d in &docs {
                    bulk.add(d)?;
                }
                bulk.commit()
            })
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "imported inputs were not indexed; run `accord reindex`");
        }
    }

    pub(crate) async fn index_recommendation(&self, process: &Slug, id: i64) {
        let result = async {
            let docs = self.recommendation_docs(process, Some(id)).await?;
            self.change_index(move |index| index.upsert(&docs)).await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(id, error = %e, "the search index was not updated");
        }
    }

    /// Puts an actor in the index as it stands now (actors are public and
    /// belong to no process); a failure is logged (`reindex` repairs).
    pub(crate) async fn index_actor(&self, code: &accord_domain::ActorCode) {
        let result = async {
            let doc = actor_doc(&self.store.get_actor(code).await?);
            self.change_index(move |index| index.upsert(&[doc])).await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(%code, error = %e, "the search index was not updated");
        }
    }

    /// Puts a meeting in the index as it stands now; a failure is logged
    /// (`reindex` repairs).
    pub(crate) async fn index_meeting(&self, process: &Slug, id: i64) {
        let result = async {
            let meeting = self.store.get_meeting(process, id).await?;
            let doc = self.meeting_doc(process, &meeting).await?;
            self.change_index(move |index| index.upsert(&[doc])).await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(id, error = %e, "the search index was not updated");
        }
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
                docs.push(input_doc(
                    process,
                    id,
                    i.language,
                    &i.text,
                    i.organisation.as_deref(),
                    i.submitted_at,
                    i.distribution,
                    i.synthetic,
                ));
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

    /// Rebuilds the whole index from the store; returns how many index
    /// documents it holds. What readers see switches at the end, at once.
    pub async fn reindex(&self) -> Result<u64> {
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
                for i in &page.items {
                    docs.extend(self.search_docs(process, ItemKind::Input, i.id).await?);
                }
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
            bulk.commit()
        })
        .await
    }
}

/// An input's index document (inputs have one language each).
#[allow(clippy::too_many_arguments)]
pub(crate) fn input_doc(
    process: &Slug,
    id: i64,
    language: accord_domain::Language,
    text: &str,
    organisation: Option<&str>,
    submitted_at: chrono::DateTime<chrono::Utc>,
    distribution: accord_domain::Distribution,
    synthetic: bool,
) -> SearchDoc {
    use chrono::Datelike;
    SearchDoc {
        key: format!("{}:{id}:{language}", ItemKind::Input),
        kind: ItemKind::Input.as_str().into(),
        item_id: id,
        process: process.to_string(),
        meeting: None,
        meeting_kind: None,
        actor: None,
        actor_kind: Some("public".into()),
        themes: vec![],
        language,
        year: submitted_at.year(),
        document_kind: None,
        title: match organisation {
            Some(o) => format!("Input {id} — {o}"),
            None => format!("Input {id}"),
        },
        body: text.to_string(),
        url: format!("/processes/{process}/inputs/{id}"),
        distribution: distribution.into(),
        embargo_until: None,
        synthetic,
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
