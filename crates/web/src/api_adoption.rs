//! Adoption and follow-up over the JSON API: reads (adoptions with their
//! vote state by state, pledges, an objective's pledges by region) and the
//! write handlers listed in `api_write`'s table (record an adoption, add
//! ballots, link a statement, make a pledge, report progress).

use crate::api_write::{body, signed_in, Created};
use crate::auth::WriteCaller;
use crate::error::ApiError;
use crate::SharedState;
use accord_app::adoption::AdoptionRequest;
use accord_app::AppError;
use accord_domain::adoption::{AdoptionStatementKind, Ballot, NewPledge, PledgeStatus};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

pub fn add_reads(router: Router<SharedState>) -> Router<SharedState> {
    router
        .route("/api/v1/processes/{slug}/adoptions", get(list_adoptions))
        .route("/api/v1/processes/{slug}/adoptions/{id}", get(get_adoption))
        .route("/api/v1/processes/{slug}/pledges", get(list_pledges))
        .route("/api/v1/processes/{slug}/pledges/{id}", get(get_pledge))
        .route(
            "/api/v1/processes/{slug}/objectives/{number}",
            get(get_objective),
        )
}

/// Reads beside the writes, for the OpenAPI document: (path, summary).
pub const READ_ROUTES: &[(&str, &str)] = &[
    (
        "/api/v1/processes/{slug}/adoptions",
        "The process's adoptions, oldest first: meeting, version adopted, method, totals, outcome, what each endorses",
    ),
    (
        "/api/v1/processes/{slug}/adoptions/{id}",
        "One adoption: every member state's vote (null: not recorded), the majority needed, the linked statements, the endorsement chain",
    ),
    (
        "/api/v1/processes/{slug}/pledges",
        "A page of the process's pledges with their progress reports (`after` a pledge id, `limit`)",
    ),
    (
        "/api/v1/processes/{slug}/pledges/{id}",
        "One pledge with its progress reports",
    ),
    (
        "/api/v1/processes/{slug}/objectives/{number}",
        "One objective of the adopted text, with its pledges by region",
    ),
];

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| AppError::Internal(e.to_string()).into())
}

fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no {what} '{raw}'")).into())
}

async fn list_adoptions(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = s.app.adoptions(&slug).await?;
    Ok(Json(json!({ "items": to_json(&list)? })))
}

async fn get_adoption(
    State(s): State<SharedState>,
    caller: crate::auth::Caller,
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

async fn get_pledge(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = id_of(&id, "pledge")?;
    Ok(Json(to_json(&s.app.pledge(&slug, id).await?)?))
}

async fn get_objective(
    State(s): State<SharedState>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let number: u32 = number
        .parse()
        .map_err(|_| AppError::NotFound(format!("no objective '{number}'")))?;
    Ok(Json(to_json(&s.app.objective(&slug, number).await?)?))
}

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
    Ok((StatusCode::CREATED, Json(to_json(&d.summary)?)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BallotsBody {
    ballots: Vec<Ballot>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    statement: i64,
    kind: AdoptionStatementKind,
}

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

pub(crate) async fn make_pledge(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: axum::body::Bytes,
) -> Created {
    let p = signed_in(p)?;
    let pledge: NewPledge = body(&b, Some(&slug))?;
    let id = s.app.make_pledge(&p, pledge).await?;
    Ok((
        StatusCode::CREATED,
        Json(to_json(&s.app.pledge(&slug, id).await?)?),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportBody {
    reported_on: NaiveDate,
    status: PledgeStatus,
    text: String,
}

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
    Ok((
        StatusCode::CREATED,
        Json(to_json(&s.app.pledge(&slug, id).await?)?),
    ))
}
