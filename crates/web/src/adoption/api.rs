//! Adoption and follow-up over the JSON API: reads (adoptions with their
//! vote state by state, pledges, an objective's pledges by region) and the
//! write handlers listed in `api_write`'s table (record an adoption, add
//! ballots, link a statement, make a pledge, report progress).

use crate::http::auth::WriteCaller;
use crate::http::error::ApiError;
use crate::http::json::body;
use crate::http::json::signed_in;
use crate::http::json::{created, Created};
use crate::SharedState;
use accord_app::adoption::AdoptionRequest;
use accord_app::AppError;
use accord_domain::adoption::{AdoptionStatementKind, Ballot, NewPledge, PledgeStatus};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| AppError::Internal(e.to_string()).into())
}

fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no {what} '{raw}'")).into())
}

/// The process's adoptions, oldest first: meeting, version adopted, method, totals, outcome, what each endorses
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/adoptions",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn list_adoptions(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = s.app.adoptions(&slug).await?;
    Ok(Json(json!({ "items": to_json(&list)? })))
}

/// One adoption: every member state's vote (null: not recorded), the majority needed, the linked statements, the endorsement chain
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/adoptions/{id}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn get_adoption(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&id, "adoption")?;
    let d = s.app.adoption(&caller.principal, &slug, id).await?;
    Ok(Json(to_json(&d)?))
}

#[derive(Deserialize)]
struct PledgePage {
    after: Option<i64>,
    limit: Option<u32>,
}

/// A page of the process's pledges with their progress reports (`after` a pledge id, `limit`)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/pledges",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn list_pledges(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    Query(q): Query<PledgePage>,
) -> Result<Json<Value>, ApiError> {
    let (items, more) = s
        .app
        .pledges(&slug, q.after, q.limit.unwrap_or(100))
        .await?;
    let next = if more {
        items.last().map(|p| p.pledge.id)
    } else {
        None
    };
    Ok(Json(
        json!({ "items": to_json(&items)?, "next_after": next }),
    ))
}

/// One pledge with its progress reports
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/pledges/{id}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn get_pledge(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&id, "pledge")?;
    Ok(Json(to_json(&s.app.pledge(&slug, id).await?)?))
}

/// One objective of the adopted text, with its pledges by region
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/objectives/{number}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("number" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn get_objective(
    State(s): State<SharedState>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let number: u32 = number
        .parse()
        .map_err(|_| AppError::NotFound(format!("no objective '{number}'")))?;
    Ok(Json(to_json(&s.app.objective(&slug, number).await?)?))
}

/// Record the adoption of a draft version at a meeting of the process, by consensus or by recorded vote (the secretariat): totals must add up to the member states; only member states vote, once each
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = AdoptionRequest, example = json!({ "meeting": 42, "draft": "gcm-draft", "version": 5, "title": "Endorsement by the General Assembly", "adopted_on": "2018-12-19", "symbol": "A/RES/73/195", "method": "recorded_vote", "vote": { "majority": "simple", "totals": { "yes": 152, "no": 5, "abstain": 12, "not_voting": 24 }, "ballots": [{ "state": "HUN", "vote": "no" }] }, "endorses": 1 })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
pub(crate) async fn adopt(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: axum::body::Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: AdoptionRequest = body(&b, None)?;
    let id = s.app.adopt(&p, &slug, req).await?;
    let d = s.app.adoption(&p, &slug, id).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/adoptions/{id}"),
        to_json(&d.summary)?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct BallotsBody {
    ballots: Vec<Ballot>,
}

/// Cast or record member states' votes, each state once: while a vote is being taken (`open`), a delegation casts its own state's vote (the secretariat may enter any); for a vote recorded after the fact, the secretariat adds votes within the totals
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/ballots",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = BallotsBody, example = json!({ "ballots": [{ "state": "AUT", "vote": "abstain" }] })),
    responses((status = 204, description = "Done"))
)]
pub(crate) async fn add_ballots(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = id_of(&id, "adoption")?;
    let req: BallotsBody = body(&b, None)?;
    s.app.record_ballots(&p, &slug, id, req.ballots).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    statement: i64,
    kind: AdoptionStatementKind,
}

/// Link a statement made at the adopting meeting: explanation_before, explanation_after (of vote), position, reservation or dissociation (the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/statements",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = LinkBody, example = json!({ "statement": 7, "kind": "explanation_after" })),
    responses((status = 204, description = "Done"))
)]
pub(crate) async fn link_statement(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = id_of(&id, "adoption")?;
    let req: LinkBody = body(&b, None)?;
    s.app
        .link_adoption_statement(&p, &slug, id, req.statement, req.kind)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Close a vote being taken (the secretariat): the states that cast no vote did not vote; the totals are counted and the outcome follows (read it with GET …/adoptions/{id}); 204
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/close",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 204, description = "Done"))
)]
pub(crate) async fn close_vote(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = id_of(&id, "adoption")?;
    s.app.close_vote(&p, &slug, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Make a pledge on objectives of the adopted text (the secretariat, or whoever may speak for the actor)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/pledges",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewPledge, example = json!({ "actor": "MEX", "objectives": [5, 23], "title": "Regular pathways", "description": "More regular pathways for workers.", "made_on": "2022-05-18", "status": "announced", "meeting": 40 })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
pub(crate) async fn make_pledge(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: axum::body::Bytes,
) -> Created {
    let p = signed_in(p)?;
    let pledge: NewPledge = body(&b, Some(&slug))?;
    let id = s.app.make_pledge(&p, pledge).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/pledges/{id}"),
        to_json(&s.app.pledge(&slug, id).await?)?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ReportBody {
    reported_on: NaiveDate,
    status: PledgeStatus,
    text: String,
}

/// Report progress on a pledge; the pledge takes the report's status
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/pledges/{id}/reports",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = ReportBody, example = json!({ "reported_on": "2024-05-01", "status": "in_progress", "text": "Two agreements signed." })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
pub(crate) async fn report_progress(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: axum::body::Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = id_of(&id, "pledge")?;
    let r: ReportBody = body(&b, None)?;
    s.app
        .report_progress(&p, &slug, id, r.reported_on, r.status, &r.text)
        .await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/pledges/{id}"),
        to_json(&s.app.pledge(&slug, id).await?)?,
    ))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(adopt, list_adoptions))
        .routes(utoipa_axum::routes!(add_ballots))
        .routes(utoipa_axum::routes!(close_vote))
        .routes(utoipa_axum::routes!(link_statement))
        .routes(utoipa_axum::routes!(make_pledge, list_pledges))
        .routes(utoipa_axum::routes!(report_progress))
        .routes(utoipa_axum::routes!(get_adoption))
        .routes(utoipa_axum::routes!(get_pledge))
        .routes(utoipa_axum::routes!(get_objective))
}
