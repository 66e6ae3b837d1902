//! The consultation phase over the JSON API: statements and their texts,
//! calls for inputs and inputs, recommendations. Reads are filtered by what
//! the caller may see; writes are listed in `api_write::write_routes`.

use crate::http::auth::{Caller, WriteCaller};
use crate::http::error::ApiError;
use crate::http::json::body;
use crate::http::json::created;
use crate::http::json::signed_in;
use crate::http::json::Created;
use crate::http::query::parse_id;
use crate::SharedState;
use accord_app::{PageRequest, MAX_LIMIT};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

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

/// Statements the caller may see, in the order entered; `meeting` narrows to one meeting
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/statements",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

/// One statement with its texts per language and its recommendations
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/statements/{id}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

/// The calls for written inputs
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/consultations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

/// Written inputs the caller may see; `consultation` narrows to one call
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/inputs",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

/// One input with its recommendations
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/inputs/{id}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

/// Recommendations whose source the caller may see; `theme` narrows to one theme
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/recommendations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TypedText {
    language: d::Language,
    text: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct StatementBody {
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

/// Record a statement with its texts: a delegate for their state (for their group when designated), a UN entity, an accredited stakeholder, or the secretariat for anyone
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
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
pub(crate) async fn add_statement(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: StatementBody = body(&b, None)?;
    let statement = d::NewStatement {
        process: d::Slug::new(slug.as_str()).map_err(accord_app::AppError::from)?,
        meeting: req.meeting,
        agenda_item: req.agenda_item,
        actor: req.actor,
        on_behalf_of: req.on_behalf_of,
        title: req.title,
        delivered_on: req.delivered_on,
        distribution: req.distribution,
        embargo_until: req.embargo_until,
        synthetic: req.synthetic,
    };
    let texts = req
        .texts
        .iter()
        .map(|t| d::ItemText::typed(t.language, &t.text))
        .collect::<Result<Vec<_>, _>>()
        .map_err(accord_app::AppError::from)?;
    let id = s.app.add_statement(&p, statement, texts).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/statements/{id}"),
        json!({ "id": id, "url": format!("/processes/{slug}/statements/{id}") }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct TextBody {
    text: String,
}

/// Add or replace a statement's text in a language
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/statements/{id}/texts/{language}",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("language" = String, Path)),
    request_body(content = TextBody, example = json!({ "text": "Monsieur le Président, …" })),
    responses((status = 200, description = "Done", body = serde_json::Value))
)]
pub(crate) async fn put_statement_text(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, language)): Path<(String, String, String)>,
    b: Bytes,
) -> Result<Json<Value>, ApiError> {
    let p = signed_in(p)?;
    let id = parse_id(&id, "statement")?;
    let language: d::Language = language
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    let req: TextBody = body(&b, None)?;
    let text = d::ItemText::typed(language, &req.text).map_err(accord_app::AppError::from)?;
    s.app.put_statement_text(&p, &slug, id, text).await?;
    Ok(Json(json!({ "id": id, "language": language })))
}

/// Open a call for written inputs (the process's secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = d::Consultation, example = json!({
                "slug": "online", "title": "Online consultation", "description": "",
                "opens_at": "2017-05-01T00:00:00Z", "closes_at": "2017-06-01T00:00:00Z"
            })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
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
    Ok(created(
        format!("/api/v1/processes/{slug}/consultations"),
        json!({ "slug": name }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
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

/// Send a written input to an open consultation (anyone; limited per address)
///
/// Anyone may send an input to an open consultation; rate limited per address.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations/{consultation}/inputs",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm"), ("consultation" = String, Path)),
    request_body(content = InputBody, example = json!({ "organisation": "A network", "country": "CHE", "language": "en", "text": "…" })),
    responses((status = 201, description = "Created", body = serde_json::Value)),
    security((), ("bearer" = []), ("session" = []))
)]
pub(crate) async fn submit_input(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
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
        format!("/api/v1/processes/{slug}/inputs/{id}"),
        json!({ "id": id, "url": format!("/processes/{slug}/inputs/{id}") }),
    ))
}

/// Mark a passage of a statement or an input as a recommendation, with themes (the process's secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/recommendations",
    tag = "consultation",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = d::NewRecommendation, example = json!({
                "source": "statement", "source_id": 1, "language": "en",
                "passage": "States should …", "themes": ["topic-1"]
            })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
pub(crate) async fn mark_recommendation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let r: d::NewRecommendation = body(&b, Some(&slug))?;
    let id = s.app.mark_recommendation(&p, r).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/recommendations"),
        json!({ "id": id }),
    ))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(add_statement, list_statements))
        .routes(utoipa_axum::routes!(put_statement_text))
        .routes(utoipa_axum::routes!(open_consultation, list_consultations))
        .routes(utoipa_axum::routes!(submit_input))
        .routes(utoipa_axum::routes!(
            mark_recommendation,
            list_recommendations
        ))
        .routes(utoipa_axum::routes!(get_statement))
        .routes(utoipa_axum::routes!(list_inputs))
        .routes(utoipa_axum::routes!(get_input))
}
