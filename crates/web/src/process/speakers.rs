//! The API of a meeting's conduct: the speakers' list, the floor, speaking
//! time limits.

use crate::http::auth::WriteCaller;
use crate::http::error::ApiError;
use crate::http::json::{body, created, signed_in, Created};
use crate::http::query::parse_id;
use crate::SharedState;
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct FloorBody {
    actor: String,
    #[serde(default)]
    agenda_item: u32,
    #[serde(default)]
    ministerial: bool,
    #[serde(default)]
    right_of_reply: bool,
}

/// Ask for the floor for your state, or your group when designated
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = FloorBody, example = json!({ "actor": "MEX", "agenda_item": 1, "ministerial": false, "right_of_reply": false })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn inscribe(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = parse_id(&id, "meeting")?;
    let req: FloorBody = body(&b, None)?;
    let floor = accord_app::FloorRequest {
        actor: req.actor,
        agenda_item: req.agenda_item,
        ministerial: req.ministerial,
        right_of_reply: req.right_of_reply,
    };
    let id = s.app.inscribe(&p, &slug, meeting, floor).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/meetings/{meeting}/speakers"),
        json!({ "id": id }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct StatusBody {
    status: String,
}

/// Mark a speaker as speaking or spoken (the chair, or the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("inscription" = i64, Path)),
    request_body(content = StatusBody, example = json!({ "status": "speaking" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn set_speaker_status(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, inscription)): Path<(String, String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = parse_id(&id, "meeting")?;
    let inscription = parse_id(&inscription, "inscription")?;
    let req: StatusBody = body(&b, None)?;
    let status: d::SpeakerStatus = req
        .status
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    s.app
        .set_speaker_status(&p, &slug, meeting, inscription, status)
        .await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/meetings/{meeting}/speakers"),
        json!({ "id": inscription, "status": status }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct TimeLimitBody {
    /// Seconds (15 to 3600), or null for the usual limit.
    seconds: Option<u32>,
}

/// Set a category's time limit at a meeting, in seconds; null for the usual one (the chair, or the secretariat)
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/meetings/{id}/time-limits/{category}",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("category" = String, Path)),
    request_body(content = TimeLimitBody, example = json!({ "seconds": 240 })),
    responses((status = 200, description = "Done", body = serde_json::Value))
)]
async fn set_time_limit(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, category)): Path<(String, String, String)>,
    b: Bytes,
) -> Result<Json<Value>, ApiError> {
    let p = signed_in(p)?;
    let meeting = parse_id(&id, "meeting")?;
    let category: d::SpeakerCategory = category
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    let req: TimeLimitBody = body(&b, None)?;
    s.app
        .set_time_limit(&p, &slug, meeting, category, req.seconds)
        .await?;
    Ok(Json(
        json!({ "category": category, "seconds": req.seconds.unwrap_or(category.default_time_limit()), "set_for_meeting": req.seconds.is_some() }),
    ))
}

/// Every speaker category's time limit at a meeting
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/time-limits",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn time_limits(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .time_limits(&slug, meeting)
        .await?
        .into_iter()
        .map(|(category, seconds, set)| {
            json!({ "category": category, "seconds": seconds, "set_for_meeting": set })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

/// A meeting's speakers' list in speaking order, with time limits
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn speakers_list(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .speakers_list(&slug, meeting)
        .await?
        .into_iter()
        .enumerate()
        .map(|(n, sp)| {
            json!({
                "position": n + 1,
                "id": sp.inscription.id,
                "agenda_item": sp.inscription.agenda_item,
                "actor": sp.actor.code,
                "name": sp.actor.name,
                "category": sp.inscription.category,
                "status": sp.inscription.status,
                "time_limit_seconds": sp.time_limit,
                "inscribed_at": sp.inscription.inscribed_at,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(inscribe, speakers_list))
        .routes(utoipa_axum::routes!(set_speaker_status))
        .routes(utoipa_axum::routes!(set_time_limit))
        .routes(utoipa_axum::routes!(time_limits))
}
