//! Accord's full-text index: one Tantivy index over everything Accord publishes
//! (statements, documents, inputs, recommendations), in the six UN languages.
//!
//! The index is derived state. The app rebuilds it from the store (`accord
//! reindex`, through [`SearchIndex::bulk`]) and keeps it current on publication
//! ([`SearchIndex::upsert`], [`SearchIndex::delete_item`]). Only this crate knows
//! Tantivy.
//!
//! Each document is one item in one language, indexed into that language's
//! title and body fields with the language's analyser ([`analysis`]). A query is
//! parsed once per language against that language's fields and the six parses
//! are OR-ed, so a document matches when it matches the whole query in its own
//! language (stop words of one language do not become required words in
//! another). Visibility ([`Reader`]) and facet filters are clauses of the same
//! query, so totals, pages and facet counts never include what the reader may
//! not see.

pub mod analysis;
mod schema;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::BuildHasher;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};

pub use accord_domain::Language;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query as TQuery, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Facet as TFacet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, IndexWriter, Order, ReloadPolicy, Searcher,
    TantivyDocument, Term,
};

use crate::schema::{slot, Fields};

// ---------------------------------------------------------------------------
// Public types

/// Who may read an indexed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Everyone.
    Public,
    /// Member states (and the secretariat): the UN's "restricted" distribution.
    MemberStates,
    /// The secretariat only.
    Secretariat,
}

impl Distribution {
    pub const ALL: &'static [Distribution] = &[
        Distribution::Public,
        Distribution::MemberStates,
        Distribution::Secretariat,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Distribution::Public => "public",
            Distribution::MemberStates => "member_states",
            Distribution::Secretariat => "secretariat",
        }
    }

    /// 0, 1, 2: a reader at a level sees items at that level and below.
    fn level(self) -> u64 {
        match self {
            Distribution::Public => 0,
            Distribution::MemberStates => 1,
            Distribution::Secretariat => 2,
        }
    }
}

impl From<accord_domain::Distribution> for Distribution {
    fn from(d: accord_domain::Distribution) -> Self {
        match d {
            accord_domain::Distribution::Public => Distribution::Public,
            accord_domain::Distribution::Restricted => Distribution::MemberStates,
            accord_domain::Distribution::Secretariat => Distribution::Secretariat,
        }
    }
}

impl From<accord_domain::Clearance> for Distribution {
    fn from(c: accord_domain::Clearance) -> Self {
        match c {
            accord_domain::Clearance::Public => Distribution::Public,
            accord_domain::Clearance::MemberStates => Distribution::MemberStates,
            accord_domain::Clearance::Secretariat => Distribution::Secretariat,
        }
    }
}

/// One item in one language, as indexed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Unique, e.g. "statement:12:en" (one document per item per language);
    /// indexing the same key again replaces the document.
    pub key: String,
    /// "statement" | "document" | "input" | "recommendation" | "meeting" |
    /// "actor" (an actor's `process` is empty: actors belong to none).
    pub kind: String,
    pub item_id: i64,
    /// The process's slug (empty for an actor).
    pub process: String,
    /// Meeting title or slug (a facet value).
    pub meeting: Option<String>,
    pub meeting_kind: Option<String>,
    /// Actor code, e.g. "MEX", "EU".
    pub actor: Option<String>,
    /// "member_state", "group", "un_entity", …
    pub actor_kind: Option<String>,
    pub themes: Vec<String>,
    pub language: Language,
    pub year: i32,
    pub document_kind: Option<String>,
    pub title: String,
    pub body: String,
    pub url: String,
    pub distribution: Distribution,
    /// Unix seconds; nobody but the secretariat sees the item before.
    pub embargo_until: Option<i64>,
    /// Generated test data: shown labelled.
    pub synthetic: bool,
}

/// Who is searching: what they may see, process by process.
///
/// A reader's clearance is never taken from the query's filters: `sees`
/// holds in every process, and `processes` raises it in the processes the
/// reader holds a role in. The index enforces both for every hit, by the
/// process the hit belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reader {
    /// What the reader sees in every process. `Public`: public items only;
    /// `MemberStates`: public and member-state items; `Secretariat`:
    /// everything, embargoed items included.
    pub sees: Distribution,
    /// Processes (by slug) where the reader sees more than `sees`.
    pub processes: Vec<(String, Distribution)>,
    /// Unix seconds: embargoes ending at or before `now` have passed.
    pub now: i64,
}

impl Reader {
    /// A reader who sees `sees` in every process and nothing more anywhere.
    pub fn everywhere(sees: Distribution, now: i64) -> Reader {
        Reader {
            sees,
            processes: vec![],
            now,
        }
    }
}

/// A search: free text (empty to browse), facet filters, a page.
///
/// Filters on the same facet are OR-ed (`language=en`, `language=fr`: either);
/// filters on different facets are AND-ed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Query {
    pub text: String,
    pub filters: Vec<(Facet, String)>,
    pub limit: usize,
    pub offset: usize,
}

/// What results can be counted by and filtered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Process,
    Meeting,
    MeetingKind,
    Actor,
    ActorKind,
    Theme,
    Language,
    Year,
    DocumentKind,
    Kind,
}

impl Facet {
    pub const ALL: &'static [Facet] = &[
        Facet::Process,
        Facet::Meeting,
        Facet::MeetingKind,
        Facet::Actor,
        Facet::ActorKind,
        Facet::Theme,
        Facet::Language,
        Facet::Year,
        Facet::DocumentKind,
        Facet::Kind,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Process => "process",
            Facet::Meeting => "meeting",
            Facet::MeetingKind => "meeting_kind",
            Facet::Actor => "actor",
            Facet::ActorKind => "actor_kind",
            Facet::Theme => "theme",
            Facet::Language => "language",
            Facet::Year => "year",
            Facet::DocumentKind => "document_kind",
            Facet::Kind => "kind",
        }
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Facet {
    type Err = SearchError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Facet::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Facet::ALL.iter().map(|f| f.as_str()).collect();
                SearchError::BadQuery(format!(
                    "unknown facet {:?}; expected one of {}",
                    s.chars().take(64).collect::<String>(),
                    names.join(", ")
                ))
            })
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub key: String,
    pub kind: String,
    pub item_id: i64,
    pub title: String,
    pub url: String,
    pub language: Language,
    /// HTML: the text is escaped, and `<mark>…</mark>` surrounds matched words;
    /// nothing else is markup. The opening of the body when nothing matched in it.
    pub snippet_html: String,
    /// BM25 relevance; 0 when browsing.
    pub score: f32,
    pub synthetic: bool,
    pub process: String,
    pub actor: Option<String>,
    pub year: i32,
}

/// A page of results, the total, and the facet counts over every visible match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Every visible match (not only this page).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Every facet, in `Facet::ALL` order; its values by count (highest first),
    /// then by value.
    pub facets: Vec<(Facet, Vec<(String, u64)>)>,
}

impl Results {
    /// The counts of one facet.
    pub fn facet(&self, facet: Facet) -> &[(String, u64)] {
        self.facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map_or(&[], |(_, values)| values.as_slice())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query cannot be run as asked (the message says why, for the user).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// The index failed (disk, lock, corruption).
    #[error("search index: {0}")]
    Index(String),
    /// Another process holds the index's writer (a server, or a rebuild).
    #[error("search index: another process is writing to it ({0})")]
    Busy(String),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            ) => SearchError::Busy(e.to_string()),
            e => SearchError::Index(e.to_string()),
        }
    }
}

impl From<std::io::Error> for SearchError {
    fn from(e: std::io::Error) -> Self {
        SearchError::Index(e.to_string())
    }
}

// ---------------------------------------------------------------------------
// Limits

/// Longest query text accepted.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Largest page; larger limits are clamped.
pub const MAX_LIMIT: usize = 1_000;
/// Deepest offset; deeper is a `BadQuery` (ranking that deep costs memory).
pub const MAX_OFFSET: usize = 100_000;
/// Longest snippet, in bytes of text.
const SNIPPET_BYTES: usize = 240;
/// Writer heap for `upsert`/`delete_item`/`clear` (one thread): Tantivy's
/// smallest, ample for the few documents of one item.
const SMALL_WRITER_HEAP: usize = 15_000_000;
/// Writer heap per indexing thread for `bulk`.
const BULK_HEAP_PER_THREAD: usize = 128_000_000;
/// At most this many indexing threads for `bulk`.
const BULK_MAX_THREADS: usize = 4;
/// Above this many documents, [`SearchIndex::apply`] takes a bulk writer.
const BULK_FROM: usize = 2_000;
/// How a commit's payload names the last outbox change applied.
const APPLIED_PREFIX: &str = "outbox:";
/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 2.0;

// ---------------------------------------------------------------------------
// The index

/// The search index in one directory.
///
/// `SearchIndex` is `Send + Sync`: share it behind an `Arc`. Writes take turns;
/// each opens a Tantivy writer (and the directory's writer lock) for itself
/// and lets it go once committed and merged, so an idle index holds no
/// writer, its thread or its memory arena; searches never wait for writes.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// One query parser per language, over that language's title and body.
    parsers: Vec<(Language, QueryParser)>,
    /// Held while writing: writes take turns.
    writing: Mutex<()>,
    rebuilt: bool,
    /// The index's files, when it has any (not in memory): see
    /// [`reload`](Self::reload).
    files: Option<MmapDirectory>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if
    /// needed. An index built with another schema or other analysers (an older
    /// Accord), or one that cannot be read, is deleted and recreated empty — it
    /// is derived state — and [`was_rebuilt`](Self::was_rebuilt) says so. A
    /// non-empty directory that holds no index is refused, never emptied.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = Fields::build();
        let files = MmapDirectory::open(dir)
            .map_err(|e| SearchError::Index(format!("cannot open {}: {e}", dir.display())))?;
        let create = |schema| Index::create(files.clone(), schema, settings());
        let mut rebuilt = false;
        let index = if dir.join("meta.json").exists() {
            match Index::open(files.clone()) {
                Ok(index) if index.schema() == schema && *index.settings() == settings() => index,
                Ok(old) => {
                    // Refuse to pull the files from under another writer.
                    let writer = old
                        .writer_with_num_threads::<TantivyDocument>(1, SMALL_WRITER_HEAP)
                        .map_err(|e| {
                            SearchError::Index(format!(
                                "the index in {} has an older schema or settings and cannot be rebuilt \
                                 while another process writes to it: {e}",
                                dir.display()
                            ))
                        })?;
                    drop(writer);
                    drop(old);
                    remove_index_files(dir)?;
                    rebuilt = true;
                    create(schema)?
                }
                Err(_) => {
                    remove_index_files(dir)?;
                    rebuilt = true;
                    create(schema)?
                }
            }
        } else {
            refuse_foreign_files(dir)?;
            create(schema)?
        };
        Self::with_index(
            index,
            Some(files),
            fields,
            rebuilt,
            ReloadPolicy::OnCommitWithDelay,
        )
    }

    /// An index in memory, for tests and demos.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = Fields::build();
        Self::with_index(
            Index::builder()
                .schema(schema)
                .settings(settings())
                .create_in_ram()?,
            None,
            fields,
            false,
            ReloadPolicy::Manual,
        )
    }

    fn with_index(
        index: Index,
        files: Option<MmapDirectory>,
        fields: Fields,
        rebuilt: bool,
        policy: ReloadPolicy,
    ) -> Result<Self, SearchError> {
        analysis::register_index_analysers(index.tokenizers());
        let query_analysers = analysis::query_analysers();
        let parsers = Language::ALL
            .iter()
            .map(|&language| {
                let (title, body) = (fields.title[slot(language)], fields.body[slot(language)]);
                let mut parser =
                    QueryParser::new(index.schema(), vec![title, body], query_analysers.clone());
                parser.set_conjunction_by_default();
                parser.set_field_boost(title, TITLE_BOOST);
                (language, parser)
            })
            .collect();
        let reader = index.reader_builder().reload_policy(policy).try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            parsers,
            writing: Mutex::new(()),
            files,
            rebuilt,
        })
    }

    /// Whether `open` found an index it could not use and started afresh: the
    /// caller should reindex from the store.
    pub fn was_rebuilt(&self) -> bool {
        self.rebuilt
    }

    /// The number of the last outbox change this index applied, as its last
    /// commit recorded it (`None`: none recorded — a new index, or one an
    /// older Accord wrote). Read from the directory, so it is right even when
    /// another process committed.
    pub fn applied(&self) -> Result<Option<i64>, SearchError> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.strip_prefix(APPLIED_PREFIX))
            .and_then(|n| n.parse().ok()))
    }

    /// Applies changes of the outbox in one commit that records `applied`,
    /// their last number: first every item of `deleted` (kind, id) goes, then
    /// `docs` replace any document with the same key. Many documents go
    /// through a bulk writer.
    pub fn apply(
        &self,
        deleted: &[(String, i64)],
        docs: &[SearchDoc],
        applied: i64,
    ) -> Result<(), SearchError> {
        for doc in docs {
            validate(doc)?;
        }
        let work = |writer: &mut IndexWriter, fields: &Fields| {
            for (kind, id) in deleted {
                writer.delete_term(Term::from_field_text(fields.item, &item_term(kind, *id)));
            }
            for doc in docs {
                writer.delete_term(Term::from_field_text(fields.key, &doc.key));
                writer.add_document(to_tantivy(fields, doc))?;
            }
            Ok(())
        };
        if docs.len() > BULK_FROM {
            let mut bulk = self.bulk()?;
            let writer = bulk.writer.as_mut().ok_or_else(committed)?;
            work(writer, &self.fields)?;
            bulk.commit_applied(applied)?;
            Ok(())
        } else {
            self.write_applied(Some(applied), work)
        }
    }

    /// How many documents (item × language) the index holds.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Indexes `docs`, each replacing any document with the same key, and
    /// commits: they are searchable when this returns.
    pub fn upsert(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        for doc in docs {
            validate(doc)?;
        }
        self.write(|writer, fields| {
            for doc in docs {
                writer.delete_term(Term::from_field_text(fields.key, &doc.key));
                writer.add_document(to_tantivy(fields, doc))?;
            }
            Ok(())
        })
    }

    /// Removes every language of an item.
    pub fn delete_item(&self, kind: &str, item_id: i64) -> Result<(), SearchError> {
        self.write(|writer, fields| {
            writer.delete_term(Term::from_field_text(
                fields.item,
                &item_term(kind, item_id),
            ));
            Ok(())
        })
    }

    /// Removes everything.
    pub fn clear(&self) -> Result<(), SearchError> {
        self.write(|writer, _| {
            writer.delete_all_documents()?;
            Ok(())
        })
    }

    /// A writer for reindexing many documents: a large heap, several threads,
    /// one commit at the end. Other writes wait until it is committed or
    /// dropped (dropping it discards what it added); searches go on, and see
    /// the old contents until the commit.
    pub fn bulk(&self) -> Result<BulkWriter<'_>, SearchError> {
        let guard = self.lock_writer()?;
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, BULK_MAX_THREADS);
        let writer = self
            .index
            .writer_with_num_threads(threads, threads * BULK_HEAP_PER_THREAD)?;
        // Read after the writer is taken: no other process can commit now.
        let empty = self
            .index
            .load_metas()?
            .segments
            .iter()
            .all(|segment| segment.num_docs() == 0);
        Ok(BulkWriter {
            index: self,
            _guard: guard,
            writer: Some(writer),
            added: 0,
            fresh: empty,
            keys: Default::default(),
        })
    }

    fn lock_writer(&self) -> Result<MutexGuard<'_, ()>, SearchError> {
        // A panic while writing leaves at worst uncommitted work behind, which
        // dropping its writer discarded: carry on.
        Ok(self
            .writing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Runs `work` on a writer of its own, then commits, waits for the merges
    /// the commit started (a writer let go mid-merge would leave the small
    /// segments unmerged) and reloads the reader; on failure, the writer is
    /// dropped with its uncommitted work.
    fn write(
        &self,
        work: impl FnOnce(&mut IndexWriter, &Fields) -> Result<(), SearchError>,
    ) -> Result<(), SearchError> {
        self.write_applied(None, work)
    }

    /// [`write`](Self::write), its commit recording the outbox change
    /// applied when given (else keeping the one recorded before).
    fn write_applied(
        &self,
        applied: Option<i64>,
        work: impl FnOnce(&mut IndexWriter, &Fields) -> Result<(), SearchError>,
    ) -> Result<(), SearchError> {
        let _turn = self.lock_writer()?;
        let mut writer = self.index.writer_with_num_threads(1, SMALL_WRITER_HEAP)?;
        work(&mut writer, &self.fields)?;
        commit_recording(&self.index, &mut writer, applied)?;
        writer.wait_merging_threads()?;
        self.reload()
    }

    /// Makes what was committed searchable, and has Tantivy forget the files
    /// no longer mapped. Its `MmapDirectory` remembers every file it has ever
    /// mapped (a path and a weak reference) until it is asked what it holds,
    /// and every commit maps new segment files: a server written to for hours
    /// grew by about 1.4 KB a commit (issue 18's soak). Asking drops the
    /// entries of the files no longer mapped; it reads only what the directory
    /// holds, a few dozen entries.
    fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload()?;
        if let Some(files) = &self.files {
            files.get_cache_info();
        }
        Ok(())
    }

    /// Searches what `reader` may see.
    pub fn search(&self, reader: &Reader, q: &Query) -> Result<Results, SearchError> {
        if q.text.chars().count() > MAX_QUERY_CHARS {
            return Err(SearchError::BadQuery(format!(
                "the query is too long (more than {MAX_QUERY_CHARS} characters)"
            )));
        }
        if q.offset > MAX_OFFSET {
            return Err(SearchError::BadQuery(format!(
                "results can be paged up to {MAX_OFFSET} deep; narrow the search instead"
            )));
        }
        let limit = q.limit.min(MAX_LIMIT);
        let text_query = if q.text.trim().is_empty() {
            None
        } else {
            Some(self.parse_text(&q.text)?)
        };

        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = vec![(
            Occur::Must,
            match &text_query {
                Some(query) => query.box_clone(),
                None => Box::new(AllQuery),
            },
        )];
        if let Some(visibility) = self.visibility(reader) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(visibility, 0.0))));
        }
        for filter in self.filters(&q.filters)? {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        let query = BooleanQuery::new(clauses);

        let mut facet_collector = FacetCollector::for_field("facets");
        for facet in Facet::ALL {
            facet_collector.add_facet(TFacet::from_path([facet.as_str()]));
        }
        let top = TopDocs::with_limit(limit.max(1)).and_offset(q.offset);
        let searcher = self.reader.searcher();
        let (total, mut page, counts): (usize, Vec<(f32, DocAddress)>, FacetCounts) =
            if text_query.is_some() {
                searcher.search(&query, &(Count, top.order_by_score(), facet_collector))?
            } else {
                let (total, page, counts) = searcher.search(
                    &query,
                    &(
                        Count,
                        top.order_by_fast_field::<i64>("year", Order::Desc),
                        facet_collector,
                    ),
                )?;
                let page = page
                    .into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect();
                (total, page, counts)
            };
        page.truncate(limit);

        let snippets = match &text_query {
            Some(query) => Some(self.snippet_generators(&searcher, query.as_ref())?),
            None => None,
        };
        let hits = page
            .into_iter()
            .map(|(score, address)| self.hit(&searcher, address, score, snippets.as_deref()))
            .collect::<Result<Vec<_>, _>>()?;
        let facets = Facet::ALL
            .iter()
            .map(|&facet| {
                let mut values: Vec<(String, u64)> = counts
                    .get(TFacet::from_path([facet.as_str()]))
                    .filter_map(|(value, count)| {
                        value.to_path().get(1).map(|v| ((*v).to_string(), count))
                    })
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                (facet, values)
            })
            .collect();
        Ok(Results {
            total,
            hits,
            facets,
        })
    }

    /// The text query: parsed against each language's fields, OR-ed. A query
    /// that does not parse (unbalanced quotes or parentheses, a colon after a
    /// word that is no field) is read again as plain words.
    fn parse_text(&self, text: &str) -> Result<Box<dyn TQuery>, SearchError> {
        let parse = |text: &str| {
            self.parsers
                .iter()
                .map(|(_, parser)| parser.parse_query(text))
                .collect::<Result<Vec<_>, _>>()
        };
        // An unbalanced quote would run a phrase to the end of the query:
        // the last, unmatched quote is dropped instead.
        let balanced;
        let text = if text.matches('"').count() % 2 == 1 {
            let last = text.rfind('"').unwrap_or_default();
            balanced = format!("{} {}", &text[..last], &text[last + 1..]);
            balanced.as_str()
        } else {
            text
        };
        let per_language = match parse(text) {
            Ok(queries) => queries,
            Err(_) => {
                let words = as_plain_words(text);
                parse(&words).map_err(|e| {
                    SearchError::BadQuery(format!("the query could not be read: {e}"))
                })?
            }
        };
        Ok(Box::new(BooleanQuery::union(per_language)))
    }

    /// What the reader may not see, as a query of what they may; `None` for
    /// a reader who sees everything everywhere. An item is visible at the
    /// clearance the reader holds in the item's own process.
    fn visibility(&self, reader: &Reader) -> Option<Box<dyn TQuery>> {
        if reader.sees == Distribution::Secretariat {
            return None;
        }
        let mut any: Vec<Box<dyn TQuery>> = vec![self.visible_at(reader.sees, reader.now)];
        for (process, sees) in &reader.processes {
            if *sees <= reader.sees {
                continue;
            }
            let in_process = Term::from_facet(
                self.fields.facets,
                &TFacet::from_path([Facet::Process.as_str(), &facet_value(process)]),
            );
            let in_process: Box<dyn TQuery> =
                Box::new(TermQuery::new(in_process, IndexRecordOption::Basic));
            any.push(if *sees == Distribution::Secretariat {
                in_process
            } else {
                Box::new(BooleanQuery::intersection(vec![
                    in_process,
                    self.visible_at(*sees, reader.now),
                ]))
            });
        }
        Some(if any.len() == 1 {
            any.remove(0)
        } else {
            Box::new(BooleanQuery::union(any))
        })
    }

    /// Items at `sees` or below whose embargo (if any) has passed.
    fn visible_at(&self, sees: Distribution, now: i64) -> Box<dyn TQuery> {
        let f = &self.fields;
        let distribution = RangeQuery::new(
            Bound::Included(Term::from_field_u64(f.distribution, 0)),
            Bound::Included(Term::from_field_u64(f.distribution, sees.level())),
        );
        let embargo = RangeQuery::new(
            Bound::Included(Term::from_field_i64(f.embargo_until, i64::MIN)),
            Bound::Included(Term::from_field_i64(f.embargo_until, now)),
        );
        Box::new(BooleanQuery::intersection(vec![
            Box::new(distribution),
            Box::new(embargo),
        ]))
    }

    /// One query per filtered facet (its values OR-ed).
    fn filters(&self, filters: &[(Facet, String)]) -> Result<Vec<Box<dyn TQuery>>, SearchError> {
        let mut by_facet: BTreeMap<Facet, Vec<Box<dyn TQuery>>> = BTreeMap::new();
        for (facet, value) in filters {
            let value = facet_value(value);
            match facet {
                Facet::Year if value.parse::<i32>().is_err() => {
                    return Err(SearchError::BadQuery(format!(
                        "year must be a number, not {value:?}"
                    )))
                }
                Facet::Language if value.parse::<Language>().is_err() => {
                    return Err(SearchError::BadQuery(format!(
                        "language must be one of ar, zh, en, fr, ru, es, not {value:?}"
                    )))
                }
                _ => {}
            }
            let term = Term::from_facet(
                self.fields.facets,
                &TFacet::from_path([facet.as_str(), &value]),
            );
            by_facet
                .entry(*facet)
                .or_default()
                .push(Box::new(TermQuery::new(term, IndexRecordOption::Basic)));
        }
        Ok(by_facet
            .into_values()
            .map(|mut queries| {
                if queries.len() == 1 {
                    queries.remove(0)
                } else {
                    Box::new(BooleanQuery::union(queries))
                }
            })
            .collect())
    }

    fn snippet_generators(
        &self,
        searcher: &Searcher,
        query: &dyn TQuery,
    ) -> Result<Vec<SnippetGenerator>, SearchError> {
        Language::ALL
            .iter()
            .map(|&language| {
                let mut generator =
                    SnippetGenerator::create(searcher, query, self.fields.body[slot(language)])?;
                generator.set_max_num_chars(SNIPPET_BYTES);
                Ok(generator)
            })
            .collect()
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        snippets: Option<&[SnippetGenerator]>,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let int = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_i64())
                .unwrap_or_default()
        };
        let language: Language = text(f.language).parse().unwrap_or(Language::En);
        let body = text(f.body[slot(language)]);
        let snippet_html = snippets
            .map(|generators| generators[slot(language)].snippet(&body))
            .filter(|snippet| !snippet.highlighted().is_empty())
            .map_or_else(
                || opening_html(&body),
                |snippet| {
                    // The fragment runs from the first to the last word it
                    // shows: what is cut off is marked with an ellipsis, or
                    // shown when it is only punctuation.
                    let range = snippet.fragment_range();
                    let (before, after) = (&body[..range.start], &body[range.end..]);
                    let mut html = String::new();
                    if before.chars().any(char::is_alphanumeric) {
                        html.push('…');
                    } else {
                        escape_html(before.trim_start(), &mut html);
                    }
                    html.push_str(&highlight_html(snippet.fragment(), snippet.highlighted()));
                    if after.chars().any(char::is_alphanumeric) {
                        html.push('…');
                    } else {
                        escape_html(after.trim_end(), &mut html);
                    }
                    html
                },
            );
        let actor = text(f.actor);
        Ok(Hit {
            key: text(f.key),
            kind: text(f.kind),
            item_id: int(f.item_id),
            title: text(f.title[slot(language)]),
            url: text(f.url),
            language,
            snippet_html,
            score,
            synthetic: doc
                .get_first(f.synthetic)
                .and_then(|v| v.as_bool())
                .unwrap_or_default(),
            process: text(f.process),
            actor: (!actor.is_empty()).then_some(actor),
            year: i32::try_from(int(f.year)).unwrap_or_default(),
        })
    }
}

/// The settings every index is made with: stored fields (the text snippets
/// are cut from, the fields a hit shows) are written uncompressed, on the
/// indexing threads. On 2 cores, Tantivy's defaults (LZ4, on a thread of its
/// own) held bulk indexing to 41-43k documents a second on the search bench;
/// without the extra thread 48-50k, uncompressed 52-54k, for an index about
/// 40% larger (367 against 511 MB for 300,000 documents), whose hits are read
/// without decompressing. An index made with other settings is rebuilt when
/// opened, as one with an older schema is.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: tantivy::store::Compressor::None,
        docstore_compress_dedicated_thread: false,
        ..IndexSettings::default()
    }
}

// ---------------------------------------------------------------------------
// Bulk writing

/// Adds many documents with one commit at the end; see [`SearchIndex::bulk`].
pub struct BulkWriter<'a> {
    index: &'a SearchIndex,
    /// Holds the index's writer slot, so other writes wait.
    _guard: MutexGuard<'a, ()>,
    writer: Option<IndexWriter>,
    added: u64,
    /// No document from before this writer can be live at its commit: the
    /// index held none when the writer was taken, or `delete_all` was queued.
    /// A key then needs deleting only when this writer added it already.
    fresh: bool,
    /// While `fresh`, a hash of each key added (8 bytes a document): a key
    /// whose hash is here is deleted before it is added again (two keys
    /// sharing a hash cost a needless delete, never a lost or doubled
    /// document).
    keys: rustc_hash::FxHashSet<u64>,
}

impl BulkWriter<'_> {
    /// Queues the removal of everything committed before (and added before by
    /// this writer): with `commit`, the index is replaced by what this writer
    /// adds from now on, in one step.
    pub fn delete_all(&mut self) -> Result<(), SearchError> {
        self.writer()?.delete_query(Box::new(AllQuery))?;
        self.fresh = true;
        self.keys.clear();
        Ok(())
    }

    /// Adds a document, replacing any with the same key.
    pub fn add(&mut self, doc: &SearchDoc) -> Result<(), SearchError> {
        validate(doc)?;
        let fields = &self.index.fields;
        let writer = self.writer.as_mut().ok_or_else(committed)?;
        // Deleting a key is work at every segment flush and merge, wasted
        // when nothing holds the key: skipped for a key new to a fresh index.
        let seen_before = !self.fresh
            || !self
                .keys
                .insert(rustc_hash::FxBuildHasher.hash_one(&doc.key));
        if seen_before {
            writer.delete_term(Term::from_field_text(fields.key, &doc.key));
        }
        writer.add_document(to_tantivy(fields, doc))?;
        self.added += 1;
        Ok(())
    }

    /// How many documents were added so far.
    pub fn added(&self) -> u64 {
        self.added
    }

    /// Commits, makes everything searchable, and waits for segment merges to
    /// finish; returns how many documents were added.
    pub fn commit(self) -> Result<u64, SearchError> {
        self.commit_recording(None)
    }

    /// [`commit`](Self::commit), recording `applied` as the last outbox
    /// change the index holds.
    pub fn commit_applied(self, applied: i64) -> Result<u64, SearchError> {
        self.commit_recording(Some(applied))
    }

    fn commit_recording(mut self, applied: Option<i64>) -> Result<u64, SearchError> {
        let mut writer = self.writer.take().ok_or_else(committed)?;
        commit_recording(&self.index.index, &mut writer, applied)?;
        self.index.reload()?;
        writer.wait_merging_threads()?;
        self.index.reload()?;
        Ok(self.added)
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, SearchError> {
        self.writer.as_mut().ok_or_else(committed)
    }
}

/// Commits, with the outbox change applied as the commit's payload: the
/// one given, else the one the last commit recorded (a payload is per
/// commit, so an index written outside the outbox keeps its place).
fn commit_recording(
    index: &Index,
    writer: &mut IndexWriter,
    applied: Option<i64>,
) -> Result<(), SearchError> {
    let payload = match applied {
        Some(n) => Some(format!("{APPLIED_PREFIX}{n}")),
        None => index.load_metas()?.payload,
    };
    let mut prepared = writer.prepare_commit()?;
    if let Some(p) = &payload {
        prepared.set_payload(p);
    }
    prepared.commit()?;
    Ok(())
}

fn committed() -> SearchError {
    SearchError::Index("the bulk writer was already committed".into())
}

// ---------------------------------------------------------------------------
// Documents

fn validate(doc: &SearchDoc) -> Result<(), SearchError> {
    if doc.key.trim().is_empty() {
        return Err(SearchError::Index("a search document needs a key".into()));
    }
    if doc.kind.trim().is_empty() {
        return Err(SearchError::Index(format!(
            "search document {:?} has no kind",
            doc.key
        )));
    }
    Ok(())
}

fn item_term(kind: &str, item_id: i64) -> String {
    format!("{kind}:{item_id}")
}

/// A facet value as indexed and filtered: trimmed, without NUL (Tantivy's
/// path separator).
fn facet_value(value: &str) -> Cow<'_, str> {
    let value = value.trim();
    if value.contains('\0') {
        Cow::Owned(value.replace('\0', ""))
    } else {
        Cow::Borrowed(value)
    }
}

fn to_tantivy(f: &Fields, doc: &SearchDoc) -> TantivyDocument {
    let mut t = TantivyDocument::new();
    let language = doc.language;
    t.add_text(f.key, &doc.key);
    t.add_text(f.item, item_term(&doc.kind, doc.item_id));
    t.add_text(f.kind, &doc.kind);
    t.add_i64(f.item_id, doc.item_id);
    t.add_text(f.process, &doc.process);
    if let Some(actor) = &doc.actor {
        t.add_text(f.actor, actor);
    }
    t.add_text(f.language, language.as_str());
    t.add_text(f.url, &doc.url);
    t.add_bool(f.synthetic, doc.synthetic);
    t.add_i64(f.year, i64::from(doc.year));
    t.add_u64(f.distribution, doc.distribution.level());
    t.add_i64(f.embargo_until, doc.embargo_until.unwrap_or(i64::MIN));
    t.add_text(f.title[slot(language)], &doc.title);
    t.add_text(f.body[slot(language)], &doc.body);

    let year = doc.year.to_string();
    let mut facet = |facet: Facet, value: &str| {
        let value = facet_value(value);
        if !value.is_empty() {
            t.add_facet(f.facets, TFacet::from_path([facet.as_str(), &value]));
        }
    };
    facet(Facet::Process, &doc.process);
    facet(Facet::Language, language.as_str());
    if doc.year != 0 {
        // 0: an item without a year (an actor).
        facet(Facet::Year, &year);
    }
    facet(Facet::Kind, &doc.kind);
    for (name, value) in [
        (Facet::Meeting, &doc.meeting),
        (Facet::MeetingKind, &doc.meeting_kind),
        (Facet::Actor, &doc.actor),
        (Facet::ActorKind, &doc.actor_kind),
        (Facet::DocumentKind, &doc.document_kind),
    ] {
        if let Some(value) = value {
            facet(name, value);
        }
    }
    for theme in &doc.themes {
        facet(Facet::Theme, theme);
    }
    t
}

// ---------------------------------------------------------------------------
// Files

/// Tantivy's lock files may outlive a process; nothing else may be there.
fn is_lock_file(name: &str) -> bool {
    name.starts_with(".tantivy-") && name.ends_with(".lock")
}

fn refuse_foreign_files(dir: &Path) -> Result<(), SearchError> {
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !is_lock_file(&name.to_string_lossy()) {
            return Err(SearchError::Index(format!(
                "{} is not empty and holds no search index; refusing to use it",
                dir.display()
            )));
        }
    }
    Ok(())
}

/// Removes the files of an index (the directory holds `meta.json`, so it is
/// one); subdirectories are left alone.
fn remove_index_files(dir: &Path) -> Result<(), SearchError> {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(std::result::Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .collect();
    for file in files {
        std::fs::remove_file(file)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Query text and HTML

/// The query with Tantivy's syntax characters made spaces: only words remain.
fn as_plain_words(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | ':' | '^' | '~' | '+' | '-' | '!'
            | '*' | '\\' | '/' | '<' | '>' | '=' | '`' => ' ',
            c => c,
        })
        .collect()
}

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `fragment`, escaped, with `<mark>` around the highlighted byte ranges.
fn highlight_html(fragment: &str, highlighted: &[std::ops::Range<usize>]) -> String {
    let mut ranges: Vec<_> = highlighted
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= fragment.len()
                && fragment.is_char_boundary(r.start)
                && fragment.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut html = String::with_capacity(fragment.len() + 32);
    let mut at = 0;
    for range in merged {
        escape_html(&fragment[at..range.start], &mut html);
        html.push_str("<mark>");
        escape_html(&fragment[range.clone()], &mut html);
        html.push_str("</mark>");
        at = range.end;
    }
    escape_html(&fragment[at..], &mut html);
    html
}

/// The opening of `body`, escaped: up to `SNIPPET_BYTES`, cut at a space when
/// there is one in the second half, with an ellipsis when cut.
fn opening_html(body: &str) -> String {
    let body = body.trim();
    let mut html = String::new();
    if body.len() <= SNIPPET_BYTES {
        escape_html(body, &mut html);
        return html;
    }
    let mut end = SNIPPET_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(space) = body[..end].rfind(char::is_whitespace) {
        if space > SNIPPET_BYTES / 2 {
            end = space;
        }
    }
    escape_html(body[..end].trim_end(), &mut html);
    html.push('…');
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_escapes_and_merges() {
        assert_eq!(
            highlight_html("a <b> & c", &[2..5, 8..9, 3..4]),
            "a <mark>&lt;b&gt;</mark> &amp; <mark>c</mark>"
        );
    }

    #[test]
    fn opening_is_cut_at_a_space() {
        let body = "word ".repeat(100);
        let html = opening_html(&body);
        assert!(html.ends_with("word…"), "{html}");
        assert!(html.len() <= SNIPPET_BYTES + '…'.len_utf8());
    }

    #[test]
    fn search_index_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<SearchIndex>();
    }
}
