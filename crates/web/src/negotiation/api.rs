//! The negotiation phase over the JSON API: drafts, versions, the
//! compilation text, redlines, lineage and amendments (reads); the writes are
//! listed in `api_write::write_routes` and handled here.

use crate::http::auth::WriteCaller;
use crate::http::command::record;
use crate::http::command::{Command, Done, NoFields, Refusal};
use crate::http::error::ApiError;
use crate::http::json::signed_in;
use crate::http::page::Reader;
use crate::http::query::parse_id;
use crate::http::routes::{post, PageRoutes};
use crate::negotiation::params::{filter_of, parse_seq, AmendPage, DraftForm, VersionForm};
use crate::SharedState;
use accord_app::negotiation::{DraftDetail, LineageView};
use accord_app::negotiation::{DraftRequest, ImportSource, NewAmendment, RevisionRequest};
use accord_app::AppError;
use accord_domain::negotiation::{
    Amendment, AmendmentStatus, Compilation, Diagnostic, Draft, DraftKind, DraftText, NodeKind,
    Operation, ParagraphStatus, Placed, Redline, Stance, StatusCounts, StatusRecord, Version, Wid,
};
use accord_domain::{ActorCode, Slug};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::response::Response;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---- what the reads answer ---------------------------------------------------

/// The drafts of a process.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftList {
    items: Vec<Draft>,
}

/// A version named by its number (1 for the first) and its label.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftVersionRef {
    seq: u32,
    label: String,
}

impl From<&Version> for DraftVersionRef {
    fn from(v: &Version) -> Self {
        DraftVersionRef {
            seq: v.seq,
            label: v.label.clone(),
        }
    }
}

/// One version with its text, where each node stands, paragraph statuses,
/// counts and amendments.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftVersionRead {
    draft: Draft,
    version: Version,
    /// The draft's latest version (where proposals go).
    is_latest: bool,
    /// Each node's number and eId in this version, in reading order.
    numbering: Vec<Placed>,
    statuses: Vec<StatusRecord>,
    counts: StatusCounts,
    amendments: Vec<Amendment>,
}

/// A version's compilation text.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftCompilationRead {
    /// The draft's slug.
    draft: Slug,
    version: DraftVersionRef,
    /// Demo data: the amendments are a simulation.
    simulated: bool,
    compilation: Compilation,
}

/// The redline between two versions.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftRedlineRead {
    from: DraftVersionRef,
    to: DraftVersionRef,
    redline: Redline,
}

/// An amendment and the version it is on.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftAmendmentRead {
    version: DraftVersionRef,
    amendment: Amendment,
}

// ---- what the writes answer (the record of a `201`) -------------------------

/// A draft created.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftCreated {
    slug: Slug,
    id: i64,
}

/// What an import recognised, by kind of node.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftImportCounts {
    sections: usize,
    objectives: usize,
    paragraphs: usize,
    subparagraphs: usize,
}

/// A version imported (`201`), or what an import would recognise (`preview`, `200`).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftVersionImported {
    /// The new version's number; null for a preview.
    seq: Option<u32>,
    recognised: DraftImportCounts,
    diagnostics: Vec<Diagnostic>,
    text: DraftText,
}

/// A revision issued: the new version's number.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DraftRevisionIssued {
    seq: u32,
}

/// An amendment tabled: its id, and its number on the version.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AmendmentTabled {
    id: i64,
    number: u32,
}

/// A stance taken on an amendment.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AmendmentStanceTaken {
    amendment: i64,
    actor: ActorCode,
    stance: Stance,
}

/// A co-sponsorship confirmed (`true`) or withdrawn (`false`).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AmendmentCoSponsorship {
    amendment: i64,
    actor: ActorCode,
    confirmed: bool,
}

/// An amendment's new status (withdrawn, or the co-facilitators' decision).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AmendmentStatusChanged {
    amendment: i64,
    status: AmendmentStatus,
}

/// A paragraph's status set on a version.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ParagraphStatusSet {
    wid: String,
    status: ParagraphStatus,
}

/// A silence procedure opened, with its deadline in UTC.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SilenceOpened {
    id: i64,
    deadline: DateTime<Utc>,
}

/// Silence broken by a member state in a procedure.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SilenceBroken {
    procedure: i64,
    state: ActorCode,
}

/// The drafts of a process
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = DraftList))
)]
async fn list_drafts(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<DraftList>, ApiError> {
    Ok(Json(DraftList {
        items: s.app.drafts(&slug).await?,
    }))
}

/// A draft: its versions with paragraph counts (agreed, bracketed, with open proposals), and its silence procedures
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    responses((status = 200, description = "Found", body = DraftDetail))
)]
async fn get_draft(
    State(s): State<SharedState>,
    Path((slug, draft)): Path<(String, String)>,
) -> Result<Json<DraftDetail>, ApiError> {
    Ok(Json(s.app.draft(&slug, &draft).await?))
}

/// One version (1 for the first): its text as a tree of nodes with stable wIds, paragraph statuses and amendments
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path)),
    responses((status = 200, description = "Found", body = DraftVersionRead))
)]
async fn get_version(
    State(s): State<SharedState>,
    Path((slug, draft, seq)): Path<(String, String, String)>,
) -> Result<Json<DraftVersionRead>, ApiError> {
    let view = s.app.version(&slug, &draft, parse_seq(&seq)?).await?;
    let numbering = view.version.text.placed();
    Ok(Json(DraftVersionRead {
        draft: view.draft,
        version: view.version,
        is_latest: view.is_latest,
        numbering,
        statuses: view.statuses,
        counts: view.counts,
        amendments: view.amendments,
    }))
}

/// The compilation text: the version with live proposals inline, attributed; `actor` and `status` (repeatable) filter
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/compilation",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path)),
    responses((status = 200, description = "Found", body = DraftCompilationRead))
)]
async fn get_compilation(
    State(s): State<SharedState>,
    Path((slug, draft, seq)): Path<(String, String, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Json<DraftCompilationRead>, ApiError> {
    let filter = filter_of(&query)?;
    let (view, compilation) = s
        .app
        .compilation(&slug, &draft, parse_seq(&seq)?, &filter)
        .await?;
    Ok(Json(DraftCompilationRead {
        version: DraftVersionRef::from(&view.version),
        draft: view.draft.slug,
        simulated: view.draft.simulated,
        compilation,
    }))
}

/// For each word of a node: the version and amendment (or the co-facilitators) that brought it
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/lineage/{wid}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path), ("wid" = String, Path)),
    responses((status = 200, description = "Found", body = LineageView))
)]
async fn get_lineage(
    State(s): State<SharedState>,
    Path((slug, draft, seq, wid)): Path<(String, String, String, String)>,
) -> Result<Json<LineageView>, ApiError> {
    Ok(Json(
        s.app.lineage(&slug, &draft, parse_seq(&seq)?, &wid).await?,
    ))
}

#[derive(Deserialize)]
struct RedlineQuery {
    from: Option<String>,
    to: Option<String>,
}

/// The redline between versions `from` and `to`: nodes matched by wId, word-level changes, a summary
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/redline",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    responses((status = 200, description = "Found", body = DraftRedlineRead))
)]
async fn get_redline(
    State(s): State<SharedState>,
    Path((slug, draft)): Path<(String, String)>,
    Query(q): Query<RedlineQuery>,
) -> Result<Json<DraftRedlineRead>, ApiError> {
    let (from, to) = match (q.from.as_deref(), q.to.as_deref()) {
        (Some(a), Some(b)) => (parse_seq(a)?, parse_seq(b)?),
        _ => return Err(ApiError::bad_request("give the two versions: ?from=1&to=2")),
    };
    let (_, a, b, redline) = s.app.redline(&slug, &draft, from, to).await?;
    Ok(Json(DraftRedlineRead {
        from: DraftVersionRef::from(&a),
        to: DraftVersionRef::from(&b),
        redline,
    }))
}

/// One amendment with its co-sponsors, supporters, objectors and status
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = DraftAmendmentRead))
)]
async fn get_amendment(
    State(s): State<SharedState>,
    Path((slug, draft, id)): Path<(String, String, String)>,
) -> Result<Json<DraftAmendmentRead>, ApiError> {
    let (_, version, amendment) = s
        .app
        .amendment(&slug, &draft, parse_id(&id, "amendment")?)
        .await?;
    Ok(Json(DraftAmendmentRead {
        version: DraftVersionRef::from(&version),
        amendment,
    }))
}

// ---- writes ------------------------------------------------------------------

/// A draft to create.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewDraft {
    slug: Slug,
    title: String,
    /// A negotiating text (the default), or a draft resolution: an
    /// endorsement adopts a resolution of its own.
    #[serde(default)]
    kind: Option<DraftKind>,
    /// The draft's document symbol, if it has one (A/73/L.66).
    #[serde(default)]
    symbol: Option<String>,
}

/// Create a draft (co-facilitators or the secretariat); its versions are imported or built as revisions
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewDraft, example = json!({ "slug": "compact", "title": "Global Compact for Safe, Orderly and Regular Migration", "kind": "negotiating_text" })),
    responses((status = 201, description = "Created", body = DraftCreated))
)]
pub(crate) async fn create_draft(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewDraft>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let draft = s
            .app
            .create_draft(
                &principal,
                &slug,
                DraftRequest {
                    slug: c.slug.to_string(),
                    title: c.title,
                    kind: c.kind.unwrap_or(DraftKind::NegotiatingText),
                    symbol: c.symbol,
                    simulated: false,
                },
            )
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/drafts/{}", draft.slug),
            record: record(&DraftCreated {
                id: draft.id,
                slug: draft.slug.clone(),
            })?,
            page: format!("/processes/{slug}/drafts/{}", draft.slug),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_drafts(&s, &r, &slug, Some(form))
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct ImportQuery {
    label: Option<String>,
    issued_on: Option<String>,
    preview: Option<bool>,
}

/// Import the draft's next version (co-facilitators or the secretariat): the raw body is a DOCX file laid out as UN drafts are, or the documented Markdown format; `?label=Rev.1&issued_on=2018-03-26`; `&preview=true` only says what was recognised (200)
///
/// The body is the file itself: DOCX (recognised by its bytes) or Markdown.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    request_body(content = crate::http::openapi::FileBody, content_type = "application/octet-stream"),
    responses((status = 201, description = "Created", body = DraftVersionImported), (status = 200, description = "Done", body = DraftVersionImported))
)]
pub(crate) async fn import_version(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, draft)): Path<(String, String)>,
    Query(q): Query<ImportQuery>,
    body: axum::body::Body,
) -> Result<(StatusCode, Json<DraftVersionImported>), ApiError> {
    let p = signed_in(p)?;
    s.app.authorize_chair(&p, &slug).await?;
    let b = crate::http::upload::read_limited(&s, body).await?;
    let source = if b.starts_with(b"PK\x03\x04") {
        ImportSource::Docx(b.clone())
    } else {
        ImportSource::Markdown(String::from_utf8(b.clone()).map_err(|_| {
            ApiError::bad_request("the body is neither a DOCX file nor UTF-8 Markdown")
        })?)
    };
    let issued_on = q
        .issued_on
        .as_deref()
        .map(|d| {
            d.parse()
                .map_err(|_| ApiError::bad_request("issued_on: give a date as YYYY-MM-DD"))
        })
        .transpose()?;
    let preview = q.preview.unwrap_or(false);
    let (imported, seq) = s
        .app
        .import_version(
            &p,
            &slug,
            &draft,
            q.label.as_deref().unwrap_or(""),
            issued_on,
            source,
            !preview,
        )
        .await?;
    let status = if preview {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(DraftVersionImported {
            seq,
            recognised: DraftImportCounts {
                sections: imported.sections,
                objectives: imported.objectives,
                paragraphs: imported.paragraphs,
                subparagraphs: imported.subparagraphs,
            },
            diagnostics: imported.diagnostics,
            text: imported.text,
        }),
    ))
}

/// An amendment a revision takes up.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TakeUp {
    amendment: i64,
    /// The operation as modified by the co-facilitators; absent: as tabled.
    #[serde(default)]
    modified: Option<Operation>,
}

/// The next version, from the latest. The portal's form sends the label,
/// the date and the amendments ticked (`take_up[3][amendment]=12`).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Revision {
    label: String,
    issued_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    take_up: Vec<TakeUp>,
    #[serde(default)]
    own_edits: Vec<Operation>,
}

/// Issue the next version from the latest: amendments taken up (as tabled, or `modified`) and the co-facilitators' own edits, applied together
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/revisions",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    request_body(content = Revision, example = json!({
                "label": "Rev.1", "issued_on": "2018-03-26",
                "take_up": [{ "amendment": 12 }],
                "own_edits": [{ "op": "replace_text", "node": "para17", "from": 0, "to": 9, "text": "We commit" }]
            })),
    responses((status = 201, description = "Created", body = DraftRevisionIssued))
)]
pub(crate) async fn issue_revision(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft)): Path<(String, String)>,
    command: Command<Revision>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let seq = s
            .app
            .issue_revision(
                &principal,
                &slug,
                &draft,
                RevisionRequest {
                    label: c.label,
                    issued_on: c.issued_on,
                    take_up: c
                        .take_up
                        .into_iter()
                        .map(|t| (t.amendment, t.modified))
                        .collect(),
                    own_edits: c.own_edits,
                },
            )
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}"),
            record: record(&DraftRevisionIssued { seq })?,
            page: format!(
                "/processes/{slug}/drafts/{draft}/redline?from={}&to={seq}",
                seq - 1
            ),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_draft(
            &s,
            &r,
            &slug,
            &draft,
            None,
            Some((DraftForm::Revision, form)),
        )
    })
    .await
}

/// An amendment to table: its operation, given either as `operation` (offsets
/// counted in characters, the API's way) or as `wording` (the words quoted
/// from the paragraph, the portal form's way) — one of the two.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Proposal {
    proposer: ActorCode,
    #[serde(default)]
    co_sponsors: Vec<ActorCode>,
    /// What the amendment does, offsets counted in characters; or give `wording`.
    operation: Option<Operation>,
    /// The operation as a person writes it, instead of `operation`.
    wording: Option<Wording>,
    #[serde(default)]
    justification: String,
    /// The version the proposer read (guards against a revision issued meanwhile).
    version: Option<u32>,
}

/// What an amendment does, described by quoting the paragraph's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum WordingOp {
    Insert,
    Delete,
    Replace,
    Add,
    DeleteNode,
    Move,
    /// The paragraph's whole text as the proposer would have it: the
    /// change is read off as one tracked edit (insert, delete or replace).
    Revise,
}

/// An amendment's operation in words: the paragraph, the words it acts on
/// (quoted: they must stand once in the paragraph), the new words.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Wording {
    op: WordingOp,
    /// The paragraph amended (for `add`: the one the new paragraph follows).
    node: Wid,
    /// The words inserted after (`insert`; absent: at the start), deleted or replaced.
    #[serde(default)]
    words: String,
    /// The new words (`insert`, `replace`, `add`).
    #[serde(default)]
    text: String,
    /// The new node's kind (`add`).
    kind: Option<NodeKind>,
    /// The node the moved one goes after (`move`).
    after: Option<Wid>,
    /// The paragraph's whole text as amended (`revise`).
    #[serde(default)]
    revised: String,
}

/// A refusal about one field of the command.
fn at_field(field: &'static str) -> impl Fn(AppError) -> Refusal {
    move |error| Refusal {
        field: Some(field.to_owned()),
        error,
    }
}

/// The character offsets of `words` in `text`: the one place they stand.
fn locate_words(text: &str, words: &str, what: &str) -> Result<(usize, usize), AppError> {
    if words.is_empty() {
        return Err(AppError::BadRequest(format!(
            "{what}: quote the words from the paragraph"
        )));
    }
    let found: Vec<usize> = text.match_indices(words).map(|(i, _)| i).collect();
    match found.as_slice() {
        [] => Err(AppError::BadRequest(format!(
            "{what}: these words are not in the paragraph: \"{}\"",
            words.chars().take(80).collect::<String>()
        ))),
        [at] => {
            let from = text[..*at].chars().count();
            Ok((from, from + words.chars().count()))
        }
        many => Err(AppError::BadRequest(format!(
            "{what}: these words occur {} times in the paragraph; quote more of them so they stand once",
            many.len()
        ))),
    }
}

/// Whether a character belongs to a word (a tracked edit starts and ends
/// on a word's edge, never inside one).
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The one tracked edit that turns a paragraph's `current` text into the
/// `revised` one: the span between what both share at the start and at the
/// end, widened to whole words — an insertion, a deletion or a replacement,
/// offsets counted in characters. Line breaks a text box adds are spaces.
pub(crate) fn revision(node: Wid, current: &str, revised: &str) -> Result<Operation, AppError> {
    let revised: String = if current.contains('\n') {
        revised.replace("\r\n", "\n")
    } else {
        revised.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let revised = revised.trim();
    if revised.is_empty() {
        return Err(AppError::BadRequest(
            "the paragraph's text is empty; to delete the whole paragraph, choose \"delete this paragraph\"".into(),
        ));
    }
    let old: Vec<char> = current.chars().collect();
    let new: Vec<char> = revised.chars().collect();
    if old == new {
        return Err(AppError::BadRequest(
            "the text is unchanged: edit the words you would change".into(),
        ));
    }
    let shortest = old.len().min(new.len());
    let mut start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let mut tail = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(shortest - start)
        .take_while(|(a, b)| a == b)
        .count();
    // Widen to whole words: the shared text is the same in both, so moving
    // an edge moves it in both.
    let word_at = |text: &[char], i: usize| text.get(i).is_some_and(|c| in_word(*c));
    while start > 0 && in_word(old[start - 1]) && (word_at(&old, start) || word_at(&new, start)) {
        start -= 1;
    }
    while tail > 0
        && word_at(&old, old.len() - tail)
        && ((old.len() > tail && word_at(&old, old.len() - tail - 1))
            || (new.len() > tail && word_at(&new, new.len() - tail - 1)))
    {
        tail -= 1;
    }
    let (old_end, new_end) = (old.len() - tail, new.len() - tail);
    let words: String = new[start..new_end].iter().collect();
    Ok(if start == old_end {
        Operation::InsertText {
            node,
            at: start,
            text: words,
        }
    } else if start == new_end {
        Operation::DeleteText {
            node,
            from: start,
            to: old_end,
        }
    } else {
        Operation::ReplaceText {
            node,
            from: start,
            to: old_end,
            text: words,
        }
    })
}

impl Wording {
    /// The operation these words describe on a version's text.
    fn operation(self, text: &DraftText) -> Result<Operation, Refusal> {
        let current = text
            .find(&self.node)
            .ok_or_else(|| AppError::BadRequest("choose the paragraph to amend".into()))
            .map_err(at_field("wording.node"))?
            .text
            .clone();
        let Wording {
            op,
            node,
            words,
            text,
            kind,
            after,
            revised,
        } = self;
        Ok(match op {
            WordingOp::Revise => {
                revision(node, &current, &revised).map_err(at_field("wording.revised"))?
            }
            WordingOp::Insert => {
                let at = if words.is_empty() {
                    0
                } else {
                    locate_words(&current, &words, "insert after")
                        .map_err(at_field("wording.words"))?
                        .1
                };
                let text = if at > 0 && !text.starts_with([' ', ',', '.', ';']) {
                    format!(" {text}")
                } else {
                    text
                };
                Operation::InsertText { node, at, text }
            }
            WordingOp::Delete => {
                let (from, to) =
                    locate_words(&current, &words, "delete").map_err(at_field("wording.words"))?;
                Operation::DeleteText { node, from, to }
            }
            WordingOp::Replace => {
                let (from, to) =
                    locate_words(&current, &words, "replace").map_err(at_field("wording.words"))?;
                Operation::ReplaceText {
                    node,
                    from,
                    to,
                    text,
                }
            }
            WordingOp::Add => Operation::AddNode {
                after: node,
                kind: kind
                    .ok_or_else(|| AppError::BadRequest("choose the new node's kind".into()))
                    .map_err(at_field("wording.kind"))?,
                heading: String::new(),
                text,
            },
            WordingOp::DeleteNode => Operation::DeleteNode { node },
            WordingOp::Move => Operation::MoveNode {
                node,
                after: after
                    .ok_or_else(|| AppError::BadRequest("choose where the node goes".into()))
                    .map_err(at_field("wording.after"))?,
            },
        })
    }
}

/// A command's path on a draft; the version (`seq`) and the paragraph
/// (`wid`) when the route names them (a portal form's route names the
/// version its page shows; the API's status route names the paragraph).
#[derive(Deserialize)]
pub(crate) struct DraftPath {
    slug: String,
    draft: String,
    seq: Option<String>,
    wid: Option<String>,
}

/// Table an amendment on the latest version, for a state (its delegate) or a group (its designated speaker), while the process negotiates; the co-sponsors it names are pending until each confirms (`…/co-sponsorship`)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    request_body(content = Proposal, example = json!({
                "proposer": "MEX", "co_sponsors": ["CHE"], "version": 1,
                "operation": { "op": "insert_text", "node": "para17", "at": 10, "text": "safe, " },
                "justification": "Consistency with the title."
            })),
    responses((status = 201, description = "Created", body = AmendmentTabled))
)]
pub(crate) async fn propose_amendment(
    State(s): State<SharedState>,
    r: Reader,
    Path(path): Path<DraftPath>,
    command: Command<Proposal>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let DraftPath {
        slug,
        draft,
        seq,
        wid,
    } = path;
    let result = async {
        let c = input?;
        // The form's route names the version its page showed; the API's
        // command may name it in `version`; else the latest.
        let shown = seq
            .as_deref()
            .map(parse_seq)
            .transpose()
            .map_err(|e| AppError::NotFound(e.message))?;
        let seq = match (shown, c.version) {
            (Some(a), Some(b)) if a != b => {
                return Err(at_field("version")(AppError::BadRequest(format!(
                    "the page shows version {a}, not {b}"
                ))))
            }
            (Some(seq), _) | (None, Some(seq)) => seq,
            (None, None) => s
                .app
                .draft(&slug, &draft)
                .await?
                .versions
                .last()
                .map_or(0, |v| v.seq),
        };
        let operation = match (c.operation, c.wording) {
            (Some(operation), None) => operation,
            (None, Some(wording)) => {
                let view = s.app.version(&slug, &draft, seq).await?;
                wording.operation(&view.version.text)?
            }
            _ => {
                return Err(at_field("operation")(AppError::BadRequest(
                    "give the amendment's operation, or its wording (one of the two)".into(),
                )))
            }
        };
        // An unknown state is the field's fault: the proposer's or a
        // co-sponsor's.
        let named = |error: AppError| match &error {
            AppError::Invalid(accord_domain::ValidationError::UnknownActor(code)) => Refusal {
                field: Some(if *code == c.proposer.as_str() {
                    "proposer".to_owned()
                } else {
                    "co_sponsors".to_owned()
                }),
                error,
            },
            _ => Refusal::from(error),
        };
        let (id, number) = s
            .app
            .propose_amendment(
                &principal,
                &slug,
                &draft,
                seq,
                NewAmendment {
                    proposer: c.proposer.clone(),
                    co_sponsors: c.co_sponsors,
                    operation,
                    justification: c.justification,
                },
                false,
            )
            .await
            .map_err(named)?;
        Ok(amendment_done(
            &slug,
            &draft,
            id,
            record(&AmendmentTabled { id, number })?,
        ))
    }
    .await;
    // A refused form comes back on the paragraph's amendment page it was
    // sent from.
    let (page_seq, page_wid) = (seq.unwrap_or_default(), wid.unwrap_or_default());
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_amend(
            &s,
            &r,
            AmendPage {
                slug: &slug,
                draft: &draft,
                seq: &page_seq,
                wid: &page_wid,
            },
            Some(form),
            None,
        )
    })
    .await
}

/// The amendment form's "preview as redline": reads the same command as
/// tabling it and shows the form again, everything kept, with the
/// paragraph as it would read; nothing is written.
async fn preview_amendment(
    State(s): State<SharedState>,
    r: Reader,
    Path(path): Path<DraftPath>,
    command: Command<Proposal>,
) -> Response {
    let Command { input, via, .. } = command;
    let DraftPath {
        slug,
        draft,
        seq,
        wid,
    } = path;
    let (seq, wid) = (seq.unwrap_or_default(), wid.unwrap_or_default());
    let at = AmendPage {
        slug: &slug,
        draft: &draft,
        seq: &seq,
        wid: &wid,
    };
    let typed = match &via {
        crate::http::command::Via::Form(values) => values.clone(),
        crate::http::command::Via::Json => Vec::new(),
    };
    let operation = async {
        let c = input?;
        let seq = parse_seq(&seq).map_err(|e| AppError::NotFound(e.message))?;
        let view = s.app.version(&slug, &draft, seq).await?;
        match (c.operation, c.wording) {
            (None, Some(wording)) => Ok((wording.operation(&view.version.text)?, view)),
            _ => Err(Refusal::from(AppError::BadRequest(
                "describe the amendment in the form's words".into(),
            ))),
        }
    }
    .await;
    let page = match operation {
        Ok((operation, view)) => {
            let again = crate::http::command::FormAgain {
                values: typed,
                field: None,
                message: String::new(),
            };
            crate::negotiation::pages::render_amend(
                &s,
                &r,
                at,
                Some(again),
                Some((&operation, &view.version.text)),
            )
            .await
        }
        Err(refusal) => {
            let again = crate::http::command::FormAgain {
                values: typed,
                field: refusal.field,
                message: refusal.error.to_string(),
            };
            crate::negotiation::pages::render_amend(&s, &r, at, Some(again), None).await
        }
    };
    match page {
        Ok(html) => html.into_response(),
        Err(e) => e.into_response(),
    }
}

/// An amendment's id in a command's path.
fn amendment_id(raw: &str) -> Result<i64, AppError> {
    parse_id(raw, "amendment").map_err(|e| AppError::NotFound(e.message))
}

/// A command on an amendment is done: the amendment is where to read it,
/// over the API and in the portal.
fn amendment_done(slug: &str, draft: &str, id: i64, record: Value) -> Done {
    Done {
        location: format!("/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}"),
        record,
        page: format!("/processes/{slug}/drafts/{draft}/amendments/{id}"),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PositionBody {
    actor: ActorCode,
    stance: Stance,
}

/// Support or object to an amendment, for a state or a designated group (a later stance replaces an earlier one)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/positions",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    request_body(content = PositionBody, example = json!({ "actor": "CHE", "stance": "support" })),
    responses((status = 201, description = "Created", body = AmendmentStanceTaken))
)]
pub(crate) async fn take_position(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
    command: Command<PositionBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = amendment_id(&id)?;
        s.app
            .take_position(&principal, &slug, &draft, id, &c.actor, c.stance)
            .await?;
        Ok(amendment_done(
            &slug,
            &draft,
            id,
            record(&AmendmentStanceTaken {
                amendment: id,
                actor: c.actor,
                stance: c.stance,
            })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_amendment(&s, &r, &slug, &draft, &id, Some(form))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoSponsorshipBody {
    actor: ActorCode,
    confirm: bool,
}

/// Confirm (`confirm: true`) the co-sponsorship an amendment's proposer named a state or group for, or withdraw it (`false`), by that state's delegate or the group's designated speaker
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/co-sponsorship",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    request_body(content = CoSponsorshipBody, example = json!({ "actor": "CHE", "confirm": true })),
    responses((status = 201, description = "Created", body = AmendmentCoSponsorship))
)]
pub(crate) async fn co_sponsorship(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
    command: Command<CoSponsorshipBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = amendment_id(&id)?;
        s.app
            .co_sponsorship(&principal, &slug, &draft, id, &c.actor, c.confirm)
            .await?;
        Ok(amendment_done(
            &slug,
            &draft,
            id,
            record(&AmendmentCoSponsorship {
                amendment: id,
                actor: c.actor,
                confirmed: c.confirm,
            })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_amendment(&s, &r, &slug, &draft, &id, Some(form))
    })
    .await
}

/// Withdraw an amendment (its proposer)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/withdrawal",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    responses((status = 201, description = "Created", body = AmendmentStatusChanged))
)]
pub(crate) async fn withdraw_amendment(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
    command: Command<NoFields>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = amendment_id(&id)?;
        let NoFields {} = c;
        s.app
            .withdraw_amendment(&principal, &slug, &draft, id)
            .await?;
        Ok(amendment_done(
            &slug,
            &draft,
            id,
            record(&AmendmentStatusChanged {
                amendment: id,
                status: AmendmentStatus::Withdrawn,
            })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_amendment(&s, &r, &slug, &draft, &id, Some(form))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Decision {
    status: AmendmentStatus,
    #[serde(default)]
    note: String,
}

/// Decide an amendment: accepted, accepted_as_modified, rejected or superseded (co-facilitators)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/decision",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    request_body(content = Decision, example = json!({ "status": "rejected", "note": "No consensus." })),
    responses((status = 201, description = "Created", body = AmendmentStatusChanged))
)]
pub(crate) async fn decide_amendment(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
    command: Command<Decision>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = amendment_id(&id)?;
        s.app
            .decide_amendment(&principal, &slug, &draft, id, c.status, &c.note)
            .await?;
        Ok(amendment_done(
            &slug,
            &draft,
            id,
            record(&AmendmentStatusChanged {
                amendment: id,
                status: c.status,
            })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_amendment(&s, &r, &slug, &draft, &id, Some(form))
    })
    .await
}

/// A paragraph's status. The API's route names the paragraph in its path;
/// the portal's form (one form for every paragraph of the version) names it
/// in `node` — one of the two.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParagraphStatusBody {
    status: ParagraphStatus,
    #[serde(default)]
    options: Vec<String>,
    /// The paragraph, when the path does not name it (the portal's form).
    node: Option<Wid>,
}

/// Set a paragraph's status on a version: under_negotiation, agreed_ad_ref, bracketed (with options) or deleted (co-facilitators)
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/statuses/{wid}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path), ("wid" = String, Path)),
    request_body(content = ParagraphStatusBody, example = json!({ "status": "bracketed", "options": ["Option 1 text", "Option 2 text"] })),
    responses((status = 200, description = "Done", body = ParagraphStatusSet))
)]
pub(crate) async fn set_status(
    State(s): State<SharedState>,
    r: Reader,
    Path(path): Path<DraftPath>,
    command: Command<ParagraphStatusBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let DraftPath {
        slug,
        draft,
        seq,
        wid,
    } = path;
    let seq = seq.unwrap_or_default();
    let result = async {
        let c = input?;
        let n = parse_seq(&seq).map_err(|e| AppError::NotFound(e.message))?;
        let wid = match (wid, c.node) {
            (Some(wid), None) => wid,
            (None, Some(node)) => node.to_string(),
            (Some(_), Some(_)) => {
                return Err(at_field("node")(AppError::BadRequest(
                    "the path names the paragraph already".into(),
                )))
            }
            (None, None) => {
                return Err(at_field("node")(AppError::BadRequest(
                    "choose the paragraph".into(),
                )))
            }
        };
        let options = c
            .options
            .into_iter()
            .filter(|o| !o.trim().is_empty())
            .collect();
        s.app
            .set_paragraph_status(&principal, &slug, &draft, n, &wid, c.status, options)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/drafts/{draft}/versions/{n}"),
            record: record(&ParagraphStatusSet {
                wid: wid.clone(),
                status: c.status,
            })?,
            page: format!("/processes/{slug}/drafts/{draft}/versions/{n}#{wid}"),
        })
    }
    .await;
    // A PUT changes what is there: 200, as the API has always answered.
    via.answer_as(StatusCode::OK, &s, &r, result, |form| {
        crate::negotiation::pages::render_version(
            &s,
            &r,
            &slug,
            &draft,
            &seq,
            Some((VersionForm::Status, form)),
        )
    })
    .await
}

/// A silence procedure to open.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SilenceBody {
    version: u32,
    /// Local date and time, e.g. "2018-07-10T18:00".
    deadline: String,
    /// IANA time zone of the deadline, e.g. "America/New_York".
    time_zone: String,
}

/// Circulate a version under silence procedure until a local deadline in a time zone (the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/silence",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path)),
    request_body(content = SilenceBody, example = json!({ "version": 4, "deadline": "2018-07-10T18:00", "time_zone": "America/New_York" })),
    responses((status = 201, description = "Created", body = SilenceOpened))
)]
pub(crate) async fn open_silence(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft)): Path<(String, String)>,
    command: Command<SilenceBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let deadline =
            accord_app::negotiation::local_deadline(&c.deadline, &c.time_zone).map_err(|e| {
                // The zone, if it is not one; else the date and time.
                let zone_ok =
                    accord_app::negotiation::local_deadline("2000-01-01T12:00", &c.time_zone)
                        .is_ok();
                at_field(if zone_ok { "deadline" } else { "time_zone" })(e)
            })?;
        let id = s
            .app
            .open_silence(&principal, &slug, &draft, c.version, deadline, &c.time_zone)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/drafts/{draft}"),
            record: record(&SilenceOpened { id, deadline })?,
            page: format!("/processes/{slug}/drafts/{draft}#silence"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_draft(
            &s,
            &r,
            &slug,
            &draft,
            None,
            Some((DraftForm::Silence, form)),
        )
    })
    .await
}

/// A member state's letter breaking silence.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BreakBody {
    state: ActorCode,
    letter: String,
}

/// Break silence for a member state with a letter, before the deadline (its delegate)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/drafts/{draft}/silence/{id}/breaks",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("id" = i64, Path)),
    request_body(content = BreakBody, example = json!({ "state": "HUN", "letter": "The delegation breaks silence on paragraph 27." })),
    responses((status = 201, description = "Created", body = SilenceBroken))
)]
pub(crate) async fn break_silence(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
    command: Command<BreakBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let procedure = parse_id(&id, "silence procedure");
    let result = async {
        let c = input?;
        let id = *procedure
            .as_ref()
            .map_err(|e| AppError::NotFound(e.message.clone()))?;
        s.app
            .break_silence(&principal, &slug, &draft, id, &c.state, &c.letter)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/drafts/{draft}"),
            record: record(&SilenceBroken {
                procedure: id,
                state: c.state,
            })?,
            page: format!("/processes/{slug}/drafts/{draft}#silence"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::negotiation::pages::render_draft(
            &s,
            &r,
            &slug,
            &draft,
            None,
            Some((DraftForm::Break(procedure.unwrap_or_default()), form)),
        )
    })
    .await
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(create_draft, list_drafts))
        .routes(utoipa_axum::routes!(import_version))
        .routes(utoipa_axum::routes!(issue_revision))
        .routes(utoipa_axum::routes!(propose_amendment))
        .routes(utoipa_axum::routes!(take_position))
        .routes(utoipa_axum::routes!(co_sponsorship))
        .routes(utoipa_axum::routes!(withdraw_amendment))
        .routes(utoipa_axum::routes!(decide_amendment))
        .routes(utoipa_axum::routes!(set_status))
        .routes(utoipa_axum::routes!(open_silence))
        .routes(utoipa_axum::routes!(break_silence))
        .routes(utoipa_axum::routes!(get_draft))
        .routes(utoipa_axum::routes!(get_version))
        .routes(utoipa_axum::routes!(get_compilation))
        .routes(utoipa_axum::routes!(get_lineage))
        .routes(utoipa_axum::routes!(get_redline))
        .routes(utoipa_axum::routes!(get_amendment))
}

/// The portal's forms that send this area's commands (the same handlers as
/// the API's): the drafts page's, the draft's, the version's and the
/// amendment's.
pub fn form_routes() -> PageRoutes {
    let d = "/processes/{slug}/drafts/{draft}";
    let a = "/processes/{slug}/drafts/{draft}/amendments/{id}";
    PageRoutes::new()
        .route(format!("{a}/position"), post(take_position))
        .route(format!("{a}/withdraw"), post(withdraw_amendment))
        .route(format!("{a}/co-sponsorship"), post(co_sponsorship))
        .route(format!("{a}/decision"), post(decide_amendment))
        .route("/processes/{slug}/drafts", post(create_draft))
        .route(format!("{d}/revision"), post(issue_revision))
        .route(format!("{d}/silence"), post(open_silence))
        .route(format!("{d}/silence/{{id}}/break"), post(break_silence))
        .route(
            format!("{d}/versions/{{seq}}/paragraphs/{{wid}}/amendments"),
            post(propose_amendment),
        )
        .route(
            format!("{d}/versions/{{seq}}/paragraphs/{{wid}}/amend/preview"),
            post(preview_amendment),
        )
        .route(format!("{d}/versions/{{seq}}/status"), post(set_status))
}

#[cfg(test)]
mod tests {
    use super::revision;
    use accord_app::AppError;
    use accord_domain::negotiation::Operation;

    fn revise(current: &str, revised: &str) -> Result<Operation, AppError> {
        revision("p1".parse().unwrap(), current, revised)
    }

    /// The paragraph the operation leaves, to check it reads as revised.
    fn applied(current: &str, op: &Operation) -> String {
        let chars: Vec<char> = current.chars().collect();
        let (from, to, text) = match op {
            Operation::InsertText { at, text, .. } => (*at, *at, text.as_str()),
            Operation::DeleteText { from, to, .. } => (*from, *to, ""),
            Operation::ReplaceText { from, to, text, .. } => (*from, *to, text.as_str()),
            other => panic!("not a text edit: {other:?}"),
        };
        let mut out: String = chars[..from].iter().collect();
        out.push_str(text);
        out.extend(&chars[to..]);
        out
    }

    #[test]
    fn an_insertion_a_deletion_and_a_replacement_are_read_off_the_revised_text() {
        let current = "We commit to safe and orderly migration.";
        let cases = [
            (
                "We commit to safe, orderly and regular migration.",
                "replace",
            ),
            (
                "We commit to safe and orderly and regular migration.",
                "insert",
            ),
            ("We commit to orderly migration.", "delete"),
        ];
        for (revised, kind) in cases {
            let op = revise(current, revised).unwrap();
            assert_eq!(applied(current, &op), revised, "{op:?}");
            let name = match op {
                Operation::InsertText { .. } => "insert",
                Operation::DeleteText { .. } => "delete",
                Operation::ReplaceText { .. } => "replace",
                _ => "other",
            };
            assert_eq!(name, kind, "{revised}: {op:?}");
        }
    }

    #[test]
    fn a_change_inside_a_word_replaces_the_whole_word() {
        let op = revise("regular migration", "regulated migration").unwrap();
        assert_eq!(
            op,
            Operation::ReplaceText {
                node: "p1".parse().unwrap(),
                from: 0,
                to: 7,
                text: "regulated".into()
            }
        );
    }

    #[test]
    fn offsets_count_characters_in_any_script() {
        let current = "نلتزم بالهجرة الآمنة";
        let revised = "نلتزم بالهجرة الآمنة والمنظمة";
        let op = revise(current, revised).unwrap();
        assert_eq!(applied(current, &op), revised);
        let current = "我们致力于安全的移民。";
        let revised = "我们致力于安全、有序的移民。";
        assert_eq!(
            applied(current, &revise(current, revised).unwrap()),
            revised
        );
    }

    #[test]
    fn line_breaks_a_text_box_adds_are_spaces() {
        let op = revise("safe and orderly", "safe\r\nand   orderly and regular\r\n").unwrap();
        assert_eq!(
            applied("safe and orderly", &op),
            "safe and orderly and regular"
        );
    }

    #[test]
    fn nothing_changed_or_nothing_left_is_refused_with_what_to_do() {
        let same = revise("We agree.", "  We agree.  ")
            .unwrap_err()
            .to_string();
        assert!(same.contains("unchanged"), "{same}");
        let empty = revise("We agree.", " \r\n ").unwrap_err().to_string();
        assert!(empty.contains("delete this paragraph"), "{empty}");
    }
}
