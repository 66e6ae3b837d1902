//! The API of a meeting's conduct: the speakers' list, the floor, speaking
//! time limits.

use crate::http::command::record;
use crate::http::command::{Command, Done, Refusal};
use crate::http::error::ApiError;
use crate::http::page::Reader;
use crate::http::query::parse_id;
use crate::process::pages::render_meeting;
use crate::SharedState;
use accord_app::AppError;
use accord_domain as d;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// The inscription just made on the speakers' list.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerInscribed {
    id: i64,
}

/// An inscription's status, as just set.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerStatusSet {
    id: i64,
    status: d::SpeakerStatus,
}

/// A speaker category's time limit at a meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingTimeLimit {
    category: d::SpeakerCategory,
    /// Seconds.
    seconds: u32,
    /// False when the category has its usual limit.
    set_for_meeting: bool,
}

/// Every speaker category's time limit at a meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingTimeLimitList {
    items: Vec<MeetingTimeLimit>,
}

/// One speaker on a meeting's list.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingSpeaker {
    /// The place in speaking order, from 1.
    position: usize,
    /// The inscription.
    id: i64,
    /// 0 for the meeting as a whole.
    agenda_item: u32,
    actor: d::ActorCode,
    /// The actor's name.
    name: String,
    category: d::SpeakerCategory,
    status: d::SpeakerStatus,
    time_limit_seconds: u32,
    inscribed_at: DateTime<Utc>,
}

/// A meeting's speakers' list in speaking order.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingSpeakersList {
    items: Vec<MeetingSpeaker>,
}

/// A request for the floor. The form on the meeting's page sends the same
/// command (its check boxes send `true`).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FloorBody {
    /// The state, or the group when designated to speak for it.
    actor: String,
    /// The agenda item; 0 or left out for the meeting as a whole.
    #[serde(default)]
    agenda_item: u32,
    #[serde(default)]
    ministerial: bool,
    #[serde(default)]
    right_of_reply: bool,
}

/// A meeting's number from its path, or the rule's refusal.
fn meeting_of(id: &str) -> Result<i64, AppError> {
    parse_id(id, "meeting").map_err(|e| AppError::NotFound(e.message))
}

/// Done with the speakers' list: read it back over the API, or see it on
/// the meeting's page.
fn on_the_list(slug: &str, meeting: i64, record: Value) -> Done {
    Done {
        location: format!("/api/v1/processes/{slug}/meetings/{meeting}/speakers"),
        record,
        page: format!("/processes/{slug}/meetings/{meeting}#speakers-h"),
    }
}

/// Ask for the floor for your state, or your group when designated. The
/// form on the meeting's page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = FloorBody, example = json!({ "actor": "MEX", "agenda_item": 1, "ministerial": false, "right_of_reply": false })),
    responses((status = 201, description = "Created", body = SpeakerInscribed))
)]
pub(crate) async fn inscribe(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<FloorBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = meeting_of(&id)?;
        let floor = accord_app::FloorRequest {
            actor: c.actor,
            agenda_item: c.agenda_item,
            ministerial: c.ministerial,
            right_of_reply: c.right_of_reply,
        };
        let inscription = s.app.inscribe(&principal, &slug, meeting, floor).await?;
        Ok(on_the_list(
            &slug,
            meeting,
            record(&SpeakerInscribed { id: inscription })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        render_meeting(&s, &r, &slug, &id, Some(("floor".into(), form)))
    })
    .await
}

/// A speaker's new status on the list.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusBody {
    /// `speaking`, then `spoken`.
    status: d::SpeakerStatus,
}

/// Mark a speaker as speaking or spoken (the chair, or the secretariat).
/// The buttons on the meeting's page send the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("inscription" = i64, Path)),
    request_body(content = StatusBody, example = json!({ "status": "speaking" })),
    responses((status = 201, description = "Created", body = SpeakerStatusSet))
)]
pub(crate) async fn set_speaker_status(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, inscription)): Path<(String, String, String)>,
    command: Command<StatusBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = meeting_of(&id)?;
        let inscription =
            parse_id(&inscription, "inscription").map_err(|e| AppError::NotFound(e.message))?;
        s.app
            .set_speaker_status(&principal, &slug, meeting, inscription, c.status)
            .await?;
        Ok(on_the_list(
            &slug,
            meeting,
            record(&SpeakerStatusSet {
                id: inscription,
                status: c.status,
            })?,
        ))
    }
    .await;
    via.answer(&s, &r, result, |form| {
        render_meeting(&s, &r, &slug, &id, Some(("speaker".into(), form)))
    })
    .await
}

/// A category's time limit at a meeting.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimeLimitBody {
    /// Seconds (15 to 3600), or null for the usual limit. (The form on
    /// the meeting's page sends minutes as text, `3` or `2:30`, and
    /// nothing for the usual limit.)
    #[serde(default, deserialize_with = "crate::process::params::time_limit")]
    #[schema(value_type = Option<u32>)]
    seconds: Option<u32>,
}

/// Set a category's time limit at a meeting, in seconds; null for the
/// usual one (the chair, or the secretariat). The form on the meeting's
/// page, one per category, sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/meetings/{id}/time-limits/{category}",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("category" = String, Path)),
    request_body(content = TimeLimitBody, example = json!({ "seconds": 240 })),
    responses((status = 200, description = "Done", body = MeetingTimeLimit))
)]
pub(crate) async fn set_time_limit(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, category)): Path<(String, String, String)>,
    command: Command<TimeLimitBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = meeting_of(&id)?;
        let category: d::SpeakerCategory = category
            .parse()
            .map_err(|e: d::ValidationError| AppError::BadRequest(e.to_string()))?;
        s.app
            .set_time_limit(&principal, &slug, meeting, category, c.seconds)
            .await
            .map_err(|error| Refusal {
                // The rule refuses nothing but the limit itself.
                field: matches!(error, AppError::Invalid(_)).then(|| "seconds".into()),
                error,
            })?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}/time-limits"),
            record: record(&MeetingTimeLimit {
                category,
                seconds: c.seconds.unwrap_or(category.default_time_limit()),
                set_for_meeting: c.seconds.is_some(),
            })?,
            page: format!("/processes/{slug}/meetings/{meeting}#speakers-h"),
        })
    }
    .await;
    let form = format!("time-limit-{category}");
    // A PUT that is done answers 200 with the record, as it always has.
    via.answer_as(StatusCode::OK, &s, &r, result, |again| {
        render_meeting(&s, &r, &slug, &id, Some((form, again)))
    })
    .await
}

/// Every speaker category's time limit at a meeting
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/time-limits",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = MeetingTimeLimitList))
)]
async fn time_limits(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<MeetingTimeLimitList>, ApiError> {
    let meeting = parse_id(&id, "meeting")?;
    let items = s
        .app
        .time_limits(&slug, meeting)
        .await?
        .into_iter()
        .map(|(category, seconds, set_for_meeting)| MeetingTimeLimit {
            category,
            seconds,
            set_for_meeting,
        })
        .collect();
    Ok(Json(MeetingTimeLimitList { items }))
}

/// A meeting's speakers' list in speaking order, with time limits
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/speakers",
    tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = MeetingSpeakersList))
)]
async fn speakers_list(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<MeetingSpeakersList>, ApiError> {
    let meeting = parse_id(&id, "meeting")?;
    let items = s
        .app
        .speakers_list(&slug, meeting)
        .await?
        .into_iter()
        .enumerate()
        .map(|(n, sp)| MeetingSpeaker {
            position: n + 1,
            id: sp.inscription.id,
            agenda_item: sp.inscription.agenda_item,
            actor: sp.actor.code,
            name: sp.actor.name,
            category: sp.inscription.category,
            status: sp.inscription.status,
            time_limit_seconds: sp.time_limit,
            inscribed_at: sp.inscription.inscribed_at,
        })
        .collect();
    Ok(Json(MeetingSpeakersList { items }))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(inscribe, speakers_list))
        .routes(utoipa_axum::routes!(set_speaker_status))
        .routes(utoipa_axum::routes!(set_time_limit))
        .routes(utoipa_axum::routes!(time_limits))
}
