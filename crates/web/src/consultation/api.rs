//! The consultation phase over the JSON API: statements and their texts,
//! calls for inputs and inputs, recommendations. Reads are filtered by what
//! the caller may see. Each write is one command (`http::command`), sent
//! as JSON to the API or by the portal's form ([`form_routes`]).

use crate::http::auth::Caller;
use crate::http::command::record;
use crate::http::command::{Command, Done, FormAgain, OpenCommand, Refusal, Via};
use crate::http::error::ApiError;
use crate::http::page::Reader;
use crate::http::query::{parse_id, Page};
use crate::http::routes::{post, PageRoutes};
use crate::SharedState;
use accord_app::{AppError, PageRequest, MAX_LIMIT};
use accord_domain as d;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize)]
struct ListQuery {
    cursor: Option<String>,
    limit: Option<String>,
    meeting: Option<String>,
    consultation: Option<String>,
    theme: Option<String>,
}

impl ListQuery {
    fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = self
            .limit
            .as_deref()
            .map(|l| {
                l.parse::<u32>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "limit must be a whole number from 1 to {MAX_LIMIT}"
                    ))
                })
            })
            .transpose()?;
        Ok(PageRequest {
            cursor: self.cursor.clone(),
            limit,
        })
    }
}

/// A statement as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultStatement {
    id: i64,
    /// The meeting's id.
    meeting: i64,
    /// 0 for the meeting as a whole.
    agenda_item: u32,
    /// Who delivered it: a state, a UN entity, an organisation.
    actor: d::ActorCode,
    /// The group it was delivered for, if any.
    on_behalf_of: Option<d::ActorCode>,
    /// Whose statement it is: the group it was delivered for, else its
    /// speaker ("Austria on behalf of the European Union" is the Union's).
    credited_to: d::ActorCode,
    title: String,
    delivered_on: NaiveDate,
    distribution: d::Distribution,
    embargo_until: Option<DateTime<Utc>>,
    /// Generated test data.
    synthetic: bool,
    /// Who entered it (an account's name), and when.
    entered_by: String,
    entered_at: DateTime<Utc>,
    /// Entered by the secretariat after the meeting's window for statements
    /// had closed.
    filed_late: bool,
}

impl From<d::Statement> for ConsultStatement {
    fn from(s: d::Statement) -> Self {
        let d::Statement {
            id,
            statement,
            entered_by,
            entered_at,
            filed_late,
        } = s;
        ConsultStatement {
            id,
            meeting: statement.meeting,
            agenda_item: statement.agenda_item,
            credited_to: statement.credited_to().clone(),
            actor: statement.actor,
            on_behalf_of: statement.on_behalf_of,
            title: statement.title,
            delivered_on: statement.delivered_on,
            distribution: statement.distribution,
            embargo_until: statement.embargo_until,
            synthetic: statement.synthetic,
            entered_by,
            entered_at,
            filed_late,
        }
    }
}

/// A statement with its texts per language and its recommendations.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultStatementDetail {
    #[serde(flatten)]
    statement: ConsultStatement,
    texts: Vec<ConsultText>,
    /// The versions kept beside the texts that stand (a file beside typed
    /// text, or typed text beside a file), one at most per language.
    other_versions: Vec<ConsultOtherVersion>,
    recommendations: Vec<ConsultRecommendation>,
}

/// A version of a statement's text kept beside the one that stands in its
/// language, and the secretariat's choice between the two once made.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultOtherVersion {
    #[serde(flatten)]
    text: ConsultText,
    /// Who chose the version that stands (an account's name); null while
    /// the choice is open and the version first given stands.
    chosen_by: Option<String>,
    chosen_at: Option<DateTime<Utc>>,
}

/// The file a text was extracted from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultTextFile {
    /// The name it was uploaded as.
    name: String,
    size: u64,
    content_type: String,
    /// Lower-case hex SHA-256 of the bytes.
    sha256: String,
    /// Where to download it.
    url: String,
}

/// The text of an item in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultText {
    language: d::Language,
    /// The plain text (empty while extraction is pending).
    text: String,
    /// Headings and paragraphs, when known.
    blocks: Vec<d::TextBlock>,
    status: d::TextStatus,
    /// What could not be read, in words.
    diagnostics: Vec<String>,
    /// The language was detected, not given by the uploader.
    language_detected: bool,
    /// The language the text looks like, when it is not the one declared:
    /// flagged for the secretariat, never refused.
    looks_like: Option<d::Language>,
    /// `typed`, or read from a `file`.
    source: d::TextSource,
    /// The file the text comes from, if any.
    file: Option<ConsultTextFile>,
}

impl ConsultText {
    fn new(slug: &str, kind: &str, id: i64, t: d::ItemText) -> Self {
        let language = t.language;
        let source = t.source();
        ConsultText {
            language,
            text: t.body,
            blocks: t.blocks,
            status: t.status,
            diagnostics: t.diagnostics,
            language_detected: t.language_detected,
            looks_like: t.looks_like,
            source,
            file: t.file.map(|f| ConsultTextFile {
                name: f.filename,
                size: f.size,
                content_type: f.content_type,
                sha256: f.sha256,
                url: format!("/processes/{slug}/{kind}/{id}/files/{language}"),
            }),
        }
    }
}

/// A written input as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultInput {
    id: i64,
    /// The consultation's slug.
    consultation: d::Slug,
    author: Option<String>,
    organisation: Option<String>,
    country: Option<d::ActorCode>,
    language: d::Language,
    /// The language was detected from the text.
    language_detected: bool,
    text: String,
    /// Generated test data.
    synthetic: bool,
    submitted_at: DateTime<Utc>,
}

impl From<d::Input> for ConsultInput {
    fn from(i: d::Input) -> Self {
        ConsultInput {
            id: i.id,
            consultation: i.consultation,
            author: i.author,
            organisation: i.organisation,
            country: i.country,
            language: i.language,
            language_detected: i.language_detected,
            text: i.text,
            synthetic: i.synthetic,
            submitted_at: i.submitted_at,
        }
    }
}

/// An input with its recommendations.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultInputDetail {
    #[serde(flatten)]
    input: ConsultInput,
    recommendations: Vec<ConsultRecommendation>,
}

/// A passage of a statement or an input marked as a recommendation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultRecommendation {
    id: i64,
    /// A statement or an input.
    source: d::ItemKind,
    source_id: i64,
    language: d::Language,
    passage: String,
    /// Where the passage starts in the source's text (characters).
    start: usize,
    themes: Vec<d::Slug>,
    marked_by: String,
    marked_at: DateTime<Utc>,
}

impl From<d::Recommendation> for ConsultRecommendation {
    fn from(r: d::Recommendation) -> Self {
        let d::Recommendation {
            id,
            recommendation,
            start,
            marked_by,
            marked_at,
        } = r;
        ConsultRecommendation {
            id,
            source: recommendation.source,
            source_id: recommendation.source_id,
            language: recommendation.language,
            passage: recommendation.passage,
            start,
            themes: recommendation.themes,
            marked_by,
            marked_at,
        }
    }
}

/// A call for written inputs.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultCall {
    slug: d::Slug,
    title: String,
    description: String,
    opens_at: DateTime<Utc>,
    /// Null while open with no set end.
    closes_at: Option<DateTime<Utc>>,
    /// Open now.
    open: bool,
    /// Generated test data.
    synthetic: bool,
}

/// The calls for written inputs (never long enough to page).
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultCallList {
    items: Vec<ConsultCall>,
}

/// What was made: its id, and the page that shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultCreated {
    id: i64,
    /// The portal's page.
    url: String,
}

/// A statement's text was added or replaced.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultTextRecord {
    /// The statement's id.
    id: i64,
    language: d::Language,
    /// True when a file's text stands in that language: the typed text is
    /// kept beside it until the process's secretariat chooses which stands.
    beside: bool,
    /// The language the text looks like, when it is not the one declared
    /// (flagged, not refused).
    looks_like: Option<d::Language>,
}

/// The version that stands in a language was chosen.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultVersionChoiceRecord {
    /// The statement's id.
    id: i64,
    language: d::Language,
    /// The version that stands now.
    version: d::TextSource,
}

/// A call for inputs was opened.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultCallRecord {
    slug: String,
}

/// A recommendation was marked.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultRecommendationRecord {
    id: i64,
}

fn optional_id(v: &Option<String>, what: &str) -> Result<Option<i64>, ApiError> {
    v.as_deref().map(|m| parse_id(m, what)).transpose()
}

/// Statements the caller may see, in the order entered; `meeting` narrows to one meeting
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/statements",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = Page<ConsultStatement>))
)]
async fn list_statements(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<ConsultStatement>>, ApiError> {
    let meeting = optional_id(&q.meeting, "meeting")?;
    let listing = s
        .app
        .statements(&caller.principal, &slug, meeting, &q.page()?)
        .await?;
    Ok(Json(Page::from(listing, ConsultStatement::from)))
}

/// One statement with its texts per language and its recommendations
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/statements/{id}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = ConsultStatementDetail))
)]
async fn get_statement(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<ConsultStatementDetail>, ApiError> {
    let id = parse_id(&id, "statement")?;
    let detail = s.app.statement(&caller.principal, &slug, id).await?;
    Ok(Json(ConsultStatementDetail {
        statement: detail.statement.into(),
        texts: detail
            .texts
            .into_iter()
            .map(|t| ConsultText::new(&slug, "statements", id, t))
            .collect(),
        other_versions: detail
            .other_versions
            .into_iter()
            .map(|o| ConsultOtherVersion {
                text: ConsultText::new(&slug, "statements", id, o.text),
                chosen_by: o.chosen.as_ref().map(|c| c.by.clone()),
                chosen_at: o.chosen.map(|c| c.at),
            })
            .collect(),
        recommendations: detail.recommendations.into_iter().map(Into::into).collect(),
    }))
}

/// The calls for written inputs
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/consultations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = ConsultCallList))
)]
async fn list_consultations(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<ConsultCallList>, ApiError> {
    let now = s.app.now();
    let items = s
        .app
        .consultations(&slug)
        .await?
        .into_iter()
        .map(|c| ConsultCall {
            open: c.is_open_at(now),
            slug: c.slug,
            title: c.title,
            description: c.description,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            synthetic: c.synthetic,
        })
        .collect();
    Ok(Json(ConsultCallList { items }))
}

/// Written inputs the caller may see; `consultation` narrows to one call
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/inputs",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = Page<ConsultInput>))
)]
async fn list_inputs(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<ConsultInput>>, ApiError> {
    let listing = s
        .app
        .inputs(
            &caller.principal,
            &slug,
            q.consultation.as_deref(),
            &q.page()?,
        )
        .await?;
    Ok(Json(Page::from(listing, ConsultInput::from)))
}

/// One input with its recommendations
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/inputs/{id}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = ConsultInputDetail))
)]
async fn get_input(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<ConsultInputDetail>, ApiError> {
    let id = parse_id(&id, "input")?;
    let detail = s.app.input(&caller.principal, &slug, id).await?;
    Ok(Json(ConsultInputDetail {
        input: detail.input.into(),
        recommendations: detail.recommendations.into_iter().map(Into::into).collect(),
    }))
}

/// Recommendations whose source the caller may see; `theme` narrows to one theme
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/recommendations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = Page<ConsultRecommendation>))
)]
async fn list_recommendations(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<ConsultRecommendation>>, ApiError> {
    let listing = s
        .app
        .recommendations(&caller.principal, &slug, q.theme.as_deref(), &q.page()?)
        .await?;
    Ok(Json(Page::from(listing, ConsultRecommendation::from)))
}

// ---- writes: one command each, from JSON or from the portal's form -------

/// A text of a statement in one language.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TypedText {
    language: d::Language,
    /// A text left blank is no text (the form's field may be left empty).
    #[serde(default)]
    text: String,
}

/// A statement to record, with its texts. The form on the meeting's page
/// sends the same fields (`texts[0][language]`, `texts[0][text]`).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementBody {
    /// The meeting's id.
    meeting: i64,
    /// 0 for the meeting as a whole.
    #[serde(default)]
    agenda_item: u32,
    /// Who delivers it: a state, a UN entity, an organisation.
    actor: d::ActorCode,
    /// The group it is delivered for, if any.
    #[serde(default)]
    on_behalf_of: Option<d::ActorCode>,
    title: String,
    delivered_on: chrono::NaiveDate,
    distribution: d::Distribution,
    #[serde(default)]
    embargo_until: Option<chrono::DateTime<chrono::Utc>>,
    /// Generated test data, labelled as such wherever it appears.
    #[serde(default)]
    synthetic: bool,
    #[serde(default)]
    texts: Vec<TypedText>,
}

/// Record a statement with its texts: a delegate for their state (for their group when designated), a UN entity, an accredited stakeholder, or the secretariat for anyone. The form on the meeting's page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/statements",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = StatementBody, example = json!({
                "meeting": 1, "agenda_item": 0, "actor": "MEX", "on_behalf_of": null,
                "title": "Statement by Mexico", "delivered_on": "2017-05-08", "distribution": "public",
                "texts": [{ "language": "en", "text": "Mr. Chair, …" }]
            })),
    responses((status = 201, description = "Created", body = ConsultCreated))
)]
pub(crate) async fn add_statement(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<StatementBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let texts = c
            .texts
            .iter()
            .filter(|t| !t.text.trim().is_empty())
            .map(|t| d::ItemText::typed(t.language, &t.text))
            .collect::<Result<Vec<_>, _>>()
            .map_err(AppError::from)?;
        let statement = d::NewStatement {
            process: slug.parse().map_err(AppError::from)?,
            meeting: c.meeting,
            agenda_item: c.agenda_item,
            actor: c.actor,
            on_behalf_of: c.on_behalf_of,
            title: c.title,
            delivered_on: c.delivered_on,
            distribution: c.distribution,
            embargo_until: c.embargo_until,
            synthetic: c.synthetic,
        };
        let id = s.app.add_statement(&principal, statement, texts).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/statements/{id}"),
            record: record(&ConsultCreated {
                id,
                url: format!("/processes/{slug}/statements/{id}"),
            })?,
            page: format!("/processes/{slug}/statements/{id}"),
        })
    }
    .await;
    let (s, r) = (&s, &r);
    via.answer(s, r, result, |form| async move {
        let meeting = form
            .values
            .iter()
            .find(|(k, _)| k == "meeting")
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default();
        crate::process::pages::render_meeting(
            s,
            r,
            &slug,
            &meeting,
            Some(("statement".into(), form)),
        )
        .await
    })
    .await
}

/// A statement's text in the path's language.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextBody {
    text: String,
}

/// Add or replace a statement's text in a language
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/statements/{id}/texts/{language}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("language" = String, Path)),
    request_body(content = TextBody, example = json!({ "text": "Monsieur le Président, …" })),
    responses((status = 200, description = "Done", body = ConsultTextRecord))
)]
pub(crate) async fn put_statement_text(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, language)): Path<(String, String, String)>,
    command: Command<TextBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let id = parse_id(&id, "statement").ok();
    let result = async {
        let c = input?;
        let id = id.ok_or_else(|| AppError::NotFound("no such statement".into()))?;
        let language: d::Language = language.parse().map_err(|e: d::ValidationError| Refusal {
            field: Some("language".into()),
            error: AppError::BadRequest(e.to_string()),
        })?;
        let text = d::ItemText::typed(language, &c.text).map_err(AppError::from)?;
        let stored = s
            .app
            .put_statement_text(&principal, &slug, id, text)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/statements/{id}"),
            record: record(&ConsultTextRecord {
                id,
                language,
                beside: stored.placement == d::TextPlacement::Beside,
                looks_like: stored.looks_like,
            })?,
            page: format!("/processes/{slug}/statements/{id}"),
        })
    }
    .await;
    let (s, r) = (&s, &r);
    via.answer_as(StatusCode::OK, s, r, result, |form| async move {
        match id {
            Some(id) => {
                crate::consultation::pages::render_statement(s, r, &slug, id, Some(("text", form)))
                    .await
            }
            None => Err(r.error(s, AppError::NotFound("no such statement".into()))),
        }
    })
    .await
}

/// Which of a statement's two versions in a language stands.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct VersionChoiceBody {
    /// `typed`, or the one read from the `file`.
    version: d::TextSource,
}

/// Choose which of a statement's two versions in a language stands, the typed one or the one read from its file (the process's secretariat); the other stays readable beside it. The statement page's form sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/statements/{id}/texts/{language}/choice",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("language" = String, Path)),
    request_body(content = VersionChoiceBody, example = json!({ "version": "file" })),
    responses((status = 200, description = "Chosen", body = ConsultVersionChoiceRecord))
)]
pub(crate) async fn choose_text_version(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, language)): Path<(String, String, String)>,
    command: Command<VersionChoiceBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let id = parse_id(&id, "statement").ok();
    let result = async {
        let c = input?;
        let id = id.ok_or_else(|| AppError::NotFound("no such statement".into()))?;
        let language: d::Language = language.parse().map_err(|e: d::ValidationError| Refusal {
            field: Some("language".into()),
            error: AppError::BadRequest(e.to_string()),
        })?;
        s.app
            .choose_text_version(&principal, &slug, id, language, c.version)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/statements/{id}"),
            record: record(&ConsultVersionChoiceRecord {
                id,
                language,
                version: c.version,
            })?,
            page: format!("/processes/{slug}/statements/{id}#text-{language}"),
        })
    }
    .await;
    let (s, r) = (&s, &r);
    via.answer_as(StatusCode::OK, s, r, result, |mut form| async move {
        // The page shows the refusal beside the form of the path's language.
        form.values.push(("language".into(), language));
        match id {
            Some(id) => {
                crate::consultation::pages::render_statement(
                    s,
                    r,
                    &slug,
                    id,
                    Some(("choose", form)),
                )
                .await
            }
            None => Err(r.error(s, AppError::NotFound("no such statement".into()))),
        }
    })
    .await
}

/// A call for written inputs to open (the process is the path's).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewConsultation {
    slug: d::Slug,
    title: String,
    #[serde(default)]
    description: String,
    /// RFC 3339; the form's local date and time (`2030-05-01T09:00`) is read as UTC.
    #[serde(deserialize_with = "crate::process::params::required_instant")]
    opens_at: chrono::DateTime<chrono::Utc>,
    /// Open with no set end when absent.
    #[serde(default, deserialize_with = "crate::process::params::instant")]
    closes_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Generated test data, labelled as such wherever it appears.
    #[serde(default)]
    synthetic: bool,
}

/// Open a call for written inputs (the process's secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewConsultation, example = json!({
                "slug": "online", "title": "Online consultation", "description": "",
                "opens_at": "2017-05-01T00:00:00Z", "closes_at": "2017-06-01T00:00:00Z"
            })),
    responses((status = 201, description = "Created", body = ConsultCallRecord))
)]
pub(crate) async fn open_consultation(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewConsultation>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let consultation = d::Consultation {
            process: slug.parse().map_err(AppError::from)?,
            slug: c.slug,
            title: c.title,
            description: c.description,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            synthetic: c.synthetic,
        };
        let name = consultation.slug.to_string();
        s.app.open_consultation(&principal, consultation).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/consultations"),
            record: record(&ConsultCallRecord { slug: name.clone() })?,
            page: format!("/processes/{slug}/consultations?done=consultation-opened#call-{name}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::consultation::pages::render_calls(&s, &r, &slug, Some(("open".into(), form)))
    })
    .await
}

/// Why a call for inputs is closed before its time.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConsultationClosure {
    /// Required: inputs sent after the closing are refused with it.
    reason: String,
}

/// Close an open call for inputs now, with the reason (the process's
/// secretariat). Inputs sent after are refused (`consultation_closed`,
/// naming the closing and the reason). Audited (`consultation.close`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations/{consultation}/closure",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("consultation" = String, Path, example = "online")),
    request_body(content = ConsultationClosure, example = json!({
                "reason": "The co-facilitators asked for the inputs by this date"
            })),
    responses((status = 201, description = "Closed", body = ConsultCallRecord))
)]
pub(crate) async fn close_consultation(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, name)): Path<(String, String)>,
    command: Command<ConsultationClosure>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app
            .close_consultation(&principal, &slug, &name, &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/consultations"),
            record: record(&ConsultCallRecord { slug: name.clone() })?,
            page: format!("/processes/{slug}/consultations?done=consultation-closed#call-{name}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::consultation::pages::render_calls(
            &s,
            &r,
            &slug,
            Some((format!("close-{name}"), form)),
        )
    })
    .await
}

/// A later closing for a call for inputs.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConsultationExtension {
    /// RFC 3339; the form's local date and time is read as UTC. After the
    /// present closing.
    #[serde(deserialize_with = "crate::process::params::required_instant")]
    closes_at: chrono::DateTime<chrono::Utc>,
}

/// Extend a call for inputs to a later closing (the process's
/// secretariat); a closed call is not reopened. Audited
/// (`consultation.extend`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations/{consultation}/extension",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("consultation" = String, Path, example = "online")),
    request_body(content = ConsultationExtension, example = json!({
                "closes_at": "2017-07-01T00:00:00Z"
            })),
    responses((status = 201, description = "Extended", body = ConsultCallRecord))
)]
pub(crate) async fn extend_consultation(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, name)): Path<(String, String)>,
    command: Command<ConsultationExtension>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app
            .extend_consultation(&principal, &slug, &name, c.closes_at)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/consultations"),
            record: record(&ConsultCallRecord { slug: name.clone() })?,
            page: format!("/processes/{slug}/consultations?done=consultation-extended#call-{name}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::consultation::pages::render_calls(
            &s,
            &r,
            &slug,
            Some((format!("extend-{name}"), form)),
        )
    })
    .await
}

/// A written input to a consultation: the form on the consultation's page
/// sends the same fields.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InputBody {
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    country: Option<d::ActorCode>,
    /// Detected from the text when absent.
    #[serde(default)]
    language: Option<d::Language>,
    text: String,
}

/// Send a written input to an open consultation (anyone; limited per address)
///
/// Anyone may send an input to an open consultation; rate limited per address.
/// The public form on the consultation's page sends the same fields.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations/{consultation}/inputs",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("consultation" = String, Path)),
    request_body(content = InputBody, example = json!({ "organisation": "A network", "country": "CHE", "language": "en", "text": "…" })),
    responses((status = 201, description = "Created", body = ConsultCreated)),
    security((), ("bearer" = []), ("session" = []))
)]
pub(crate) async fn submit_input(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Path((slug, consultation)): Path<(String, String)>,
    OpenCommand(command): OpenCommand<InputBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let input = d::NewInput {
            process: slug
                .parse()
                .map_err(|_| AppError::NotFound(format!("process '{slug}' does not exist")))?,
            consultation: consultation
                .parse()
                .map_err(|_| AppError::NotFound(format!("no consultation '{consultation}'")))?,
            author: c.author.filter(|a| !a.trim().is_empty()),
            organisation: c.organisation.filter(|o| !o.trim().is_empty()),
            country: c.country,
            language: c.language,
            text: c.text,
            external_id: None,
            synthetic: false,
        };
        let id = s.app.submit_input(&principal, input, &address).await?;
        Ok::<_, Refusal>(Done {
            location: format!("/api/v1/processes/{slug}/inputs/{id}"),
            record: record(&ConsultCreated {
                id,
                url: format!("/processes/{slug}/inputs/{id}"),
            })?,
            page: format!("/processes/{slug}/inputs/{id}"),
        })
    }
    .await;
    let token = crate::http::auth::cookie(&headers, crate::http::auth::FORM_COOKIE)
        .unwrap_or("")
        .to_owned();
    let again = |form: FormAgain| {
        crate::consultation::pages::render_consultation(
            &s,
            &r,
            &slug,
            &consultation,
            None,
            &token,
            Some(form),
        )
    };
    // Over the limit, the form comes back with what was written too.
    if let (Via::Form(values), Err(refused)) = (&via, &result) {
        if let AppError::TooManyRequests(_) = &refused.error {
            let form = FormAgain {
                values: values.clone(),
                field: None,
                message: refused.error.to_string(),
            };
            return match again(form).await {
                Ok(html) => (StatusCode::TOO_MANY_REQUESTS, html).into_response(),
                Err(page) => page.into_response(),
            };
        }
    }
    via.answer(&s, &r, result, again).await
}

/// A passage of a statement or an input to mark as a recommendation (the
/// process is the path's).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewRecommendation {
    /// A statement or an input.
    source: d::ItemKind,
    source_id: i64,
    language: d::Language,
    /// The passage, as it stands in the source's text in that language.
    passage: String,
    #[serde(default)]
    themes: Vec<d::Slug>,
}

/// Mark a passage of a statement or an input as a recommendation, with themes (the process's secretariat). The forms on the statement's and the input's pages send the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/recommendations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewRecommendation, example = json!({
                "source": "statement", "source_id": 1, "language": "en",
                "passage": "States should …", "themes": ["topic-1"]
            })),
    responses((status = 201, description = "Created", body = ConsultRecommendationRecord))
)]
pub(crate) async fn mark_recommendation(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewRecommendation>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let recommendation = d::NewRecommendation {
            process: slug.parse().map_err(AppError::from)?,
            source: c.source,
            source_id: c.source_id,
            language: c.language,
            passage: c.passage,
            themes: c.themes,
        };
        let id = s
            .app
            .mark_recommendation(&principal, recommendation)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/recommendations"),
            record: record(&ConsultRecommendationRecord { id })?,
            page: format!(
                "/processes/{slug}/{}s/{}#rec-{id}",
                c.source.as_str(),
                c.source_id
            ),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::consultation::pages::render_item(
            &s,
            &r,
            &slug,
            ("mark", "source", "source_id"),
            form,
        )
    })
    .await
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(add_statement, list_statements))
        .routes(utoipa_axum::routes!(put_statement_text))
        .routes(utoipa_axum::routes!(choose_text_version))
        .routes(utoipa_axum::routes!(open_consultation, list_consultations))
        .routes(utoipa_axum::routes!(close_consultation))
        .routes(utoipa_axum::routes!(extend_consultation))
        .routes(utoipa_axum::routes!(submit_input))
        .routes(utoipa_axum::routes!(
            mark_recommendation,
            list_recommendations
        ))
        .routes(utoipa_axum::routes!(get_statement))
        .routes(utoipa_axum::routes!(list_inputs))
        .routes(utoipa_axum::routes!(get_input))
}

/// The portal's forms that send this area's commands (the same handlers):
/// a statement from the meeting's page, an input from the consultation's,
/// a recommendation from a statement's or an input's page (the source is
/// in the form's fields, as in the API's body).
pub fn form_routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/statements", post(add_statement))
        .route(
            "/processes/{slug}/statements/{id}/texts/{language}/choice",
            post(choose_text_version),
        )
        .route("/processes/{slug}/consultations", post(open_consultation))
        .route(
            "/processes/{slug}/consultations/{consultation}/close",
            post(close_consultation),
        )
        .route(
            "/processes/{slug}/consultations/{consultation}/extend",
            post(extend_consultation),
        )
        .route(
            "/processes/{slug}/consultations/{consultation}/inputs",
            post(submit_input),
        )
        .route(
            "/processes/{slug}/recommendations",
            post(mark_recommendation),
        )
}
