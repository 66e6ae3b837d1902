//! The consultation phase over the JSON API: statements and their texts,
//! calls for inputs and inputs, recommendations. Reads are filtered by what
//! the caller may see; writes are listed in `api_write::write_routes`.

use crate::api::parse_id;
use crate::api_write::{body, created, signed_in, Created};
use crate::auth::{Caller, WriteCaller};
use crate::error::ApiError;
use crate::SharedState;
use accord_app::{PageRequest, MAX_LIMIT};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

/// Adds the reads to `router` (the writes come from `api_write`'s table, on
/// the same paths).
pub fn add_reads(router: Router<SharedState>) -> Router<SharedState> {
    router
        .route("/api/v1/processes/{slug}/statements", get(list_statements))
        .route(
            "/api/v1/processes/{slug}/statements/{id}",
            get(get_statement),
        )
        .route(
            "/api/v1/processes/{slug}/consultations",
            get(list_consultations),
        )
        .route("/api/v1/processes/{slug}/inputs", get(list_inputs))
        .route("/api/v1/processes/{slug}/inputs/{id}", get(get_input))
        .route(
            "/api/v1/processes/{slug}/recommendations",
            get(list_recommendations),
        )
}

/// Reads beside the writes, for the OpenAPI document: (path, summary).
pub const READ_ROUTES: &[(&str, &str)] = &[
    (
        "/api/v1/processes/{slug}/statements",
        "Statements the caller may see, in the order entered; `meeting` narrows to one meeting",
    ),
    (
        "/api/v1/processes/{slug}/statements/{id}",
        "One statement with its texts per language and its recommendations",
    ),
    (
        "/api/v1/processes/{slug}/consultations",
        "The calls for written inputs",
    ),
    (
        "/api/v1/processes/{slug}/inputs",
        "Written inputs the caller may see; `consultation` narrows to one call",
    ),
    (
        "/api/v1/processes/{slug}/inputs/{id}",
        "One input with its recommendations",
    ),
    (
        "/api/v1/processes/{slug}/recommendations",
        "Recommendations whose source the caller may see; `theme` narrows to one theme",
    ),
    (
        "/api/v1/search",
        "Search statements, documents, inputs and recommendations in the six languages: `q` (words, \"phrases\"), any facet as a parameter (process, meeting, meeting_kind, actor, actor_kind, theme, language, year, document_kind, kind), `limit`, `offset`; results, totals and facet counts hold only what the caller may see",
    ),
];

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

fn page_json<T>(listing: accord_app::Listing<T>, f: impl Fn(T) -> Value) -> Json<Value> {
    Json(json!({
        "items": listing.items.into_iter().map(f).collect::<Vec<_>>(),
        "next_cursor": listing.next_cursor,
    }))
}

fn statement_json(s: d::Statement) -> Value {
    json!({
        "id": s.id,
        "meeting": s.meeting,
        "agenda_item": s.agenda_item,
        "actor": s.actor,
        "on_behalf_of": s.on_behalf_of,
        "title": s.title,
        "delivered_on": s.delivered_on,
        "distribution": s.distribution,
        "embargo_until": s.embargo_until,
        "synthetic": s.synthetic,
        "entered_by": s.entered_by,
        "entered_at": s.entered_at,
    })
}

fn text_json(slug: &str, kind: &str, id: i64, t: d::ItemText) -> Value {
    json!({
        "language": t.language,
        "text": t.body,
        "blocks": t.blocks,
        "status": t.status,
        "diagnostics": t.diagnostics,
        "language_detected": t.language_detected,
        "file": t.file.map(|f| json!({
            "name": f.filename,
            "size": f.size,
            "content_type": f.content_type,
            "sha256": f.sha256,
            "url": format!("/processes/{slug}/{kind}/{id}/files/{}", t.language),
        })),
    })
}

fn input_json(i: d::Input) -> Value {
    json!({
        "id": i.id,
        "consultation": i.consultation,
        "author": i.author,
        "organisation": i.organisation,
        "country": i.country,
        "language": i.language,
        "language_detected": i.language_detected,
        "text": i.text,
        "synthetic": i.synthetic,
        "submitted_at": i.submitted_at,
    })
}

fn recommendation_json(r: d::Recommendation) -> Value {
    json!({
        "id": r.id,
        "source": r.source,
        "source_id": r.source_id,
        "language": r.language,
        "passage": r.passage,
        "start": r.start,
        "themes": r.themes,
        "marked_by": r.marked_by,
        "marked_at": r.marked_at,
    })
}

fn optional_id(v: &Option<String>, what: &str) -> Result<Option<i64>, ApiError> {
    v.as_deref().map(|m| parse_id(m, what)).transpose()
}

async fn list_statements(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let meeting = optional_id(&q.meeting, "meeting")?;
    let listing = s
        .app
        .statements(&caller.principal, &slug, meeting, &q.page()?)
        .await?;
    Ok(page_json(listing, statement_json))
}

async fn get_statement(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "statement")?;
    let detail = s.app.statement(&caller.principal, &slug, id).await?;
    let mut value = statement_json(detail.statement);
    value["texts"] = detail
        .texts
        .into_iter()
        .map(|t| text_json(&slug, "statements", id, t))
        .collect();
    value["recommendations"] = detail
        .recommendations
        .into_iter()
        .map(recommendation_json)
        .collect();
    Ok(Json(value))
}

async fn list_consultations(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let now = s.app.now();
    let items: Vec<Value> = s
        .app
        .consultations(&slug)
        .await?
        .into_iter()
        .map(|c| {
            json!({
                "slug": c.slug, "title": c.title, "description": c.description,
                "opens_at": c.opens_at, "closes_at": c.closes_at, "open": c.is_open_at(now),
                "synthetic": c.synthetic,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

async fn list_inputs(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let listing = s
        .app
        .inputs(
            &caller.principal,
            &slug,
            q.consultation.as_deref(),
            &q.page()?,
        )
        .await?;
    Ok(page_json(listing, input_json))
}

async fn get_input(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id, "input")?;
    let detail = s.app.input(&caller.principal, &slug, id).await?;
    let mut value = input_json(detail.input);
    value["recommendations"] = detail
        .recommendations
        .into_iter()
        .map(recommendation_json)
        .collect();
    Ok(Json(value))
}

async fn list_recommendations(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let listing = s
        .app
        .recommendations(&caller.principal, &slug, q.theme.as_deref(), &q.page()?)
        .await?;
    Ok(page_json(listing, recommendation_json))
}

// ---- writes (routed from api_write's table) -------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TypedText {
    language: d::Language,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementBody {
    #[serde(flatten)]
    statement: d::NewStatement,
    #[serde(default)]
    texts: Vec<TypedText>,
}

pub(crate) async fn add_statement(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: StatementBody = body(&b, Some(&slug))?;
    let texts = req
        .texts
        .iter()
        .map(|t| d::ItemText::typed(t.language, &t.text))
        .collect::<Result<Vec<_>, _>>()
        .map_err(accord_app::AppError::from)?;
    let id = s.app.add_statement(&p, req.statement, texts).await?;
    Ok(created(
        json!({ "id": id, "url": format!("/processes/{slug}/statements/{id}") }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextBody {
    text: String,
}

pub(crate) async fn put_statement_text(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, language)): Path<(String, String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = parse_id(&id, "statement")?;
    let language: d::Language = language
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    let req: TextBody = body(&b, None)?;
    let text = d::ItemText::typed(language, &req.text).map_err(accord_app::AppError::from)?;
    s.app.put_statement_text(&p, &slug, id, text).await?;
    Ok((
        StatusCode::OK,
        Json(json!({ "id": id, "language": language })),
    ))
}

pub(crate) async fn open_consultation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let c: d::Consultation = body(&b, Some(&slug))?;
    let name = c.slug.to_string();
    s.app.open_consultation(&p, c).await?;
    Ok(created(json!({ "slug": name })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InputBody {
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    country: Option<d::ActorCode>,
    #[serde(default)]
    language: Option<d::Language>,
    text: String,
}

/// Anyone may send an input to an open consultation; rate limited per address.
pub(crate) async fn submit_input(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    crate::client::ClientAddress(address): crate::client::ClientAddress,
    Path((slug, consultation)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let req: InputBody = body(&b, None)?;
    let input = d::NewInput {
        process: slug
            .parse()
            .map_err(|_| ApiError::not_found(format!("process '{slug}' does not exist")))?,
        consultation: consultation
            .parse()
            .map_err(|_| ApiError::not_found(format!("no consultation '{consultation}'")))?,
        author: req.author.filter(|a| !a.trim().is_empty()),
        organisation: req.organisation.filter(|o| !o.trim().is_empty()),
        country: req.country,
        language: req.language,
        text: req.text,
        external_id: None,
        synthetic: false,
    };
    let id = s.app.submit_input(&p, input, &address).await?;
    Ok(created(
        json!({ "id": id, "url": format!("/processes/{slug}/inputs/{id}") }),
    ))
}

pub(crate) async fn mark_recommendation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let r: d::NewRecommendation = body(&b, Some(&slug))?;
    let id = s.app.mark_recommendation(&p, r).await?;
    Ok(created(json!({ "id": id })))
}
