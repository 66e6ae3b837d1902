//! Writes over the JSON API. Every route that changes something is listed in
//! [`write_routes`]: the router is built from that table, and the
//! authorisation test walks it, so no write route can escape the test.

use crate::auth::{Caller, WriteCaller};
use crate::error::ApiError;
use crate::SharedState;
use accord_app::{AuditFilter, PageRequest, Principal};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post, MethodRouter};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A route that writes: its method, its path, its handler.
pub struct WriteRoute {
    pub method: &'static str,
    pub path: &'static str,
    pub route: MethodRouter<SharedState>,
}

/// Every write route of the API.
pub fn write_routes() -> Vec<WriteRoute> {
    let r = |method, path, route| WriteRoute {
        method,
        path,
        route,
    };
    vec![
        r("POST", "/api/v1/processes", post(create_process)),
        r("POST", "/api/v1/processes/{slug}/phases", post(add_phase)),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings",
            post(add_meeting),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/documents",
            post(add_document),
        ),
        r("POST", "/api/v1/processes/{slug}/themes", post(add_theme)),
        r("POST", "/api/v1/actors", post(create_actor)),
        r("POST", "/api/v1/accounts", post(create_account)),
        r("POST", "/api/v1/tokens", post(create_token)),
        r("DELETE", "/api/v1/tokens/{id}", delete(revoke_token)),
        r(
            "POST",
            "/api/v1/password-resets",
            post(issue_password_reset),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/delegations",
            post(set_delegation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/group-chairs",
            post(set_group_chair),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/group-speakers",
            post(designate_group_speaker),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/speakers",
            post(inscribe),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status",
            post(set_speaker_status),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/period",
            post(set_objection_period),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications",
            post(apply_for_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications/{id}/objections",
            post(object_to_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications/{id}/decision",
            post(decide_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/registrations",
            post(register_for_meeting),
        ),
    ]
}

/// (method, path) of every write route, for tests and documentation.
pub fn write_route_list() -> Vec<(&'static str, &'static str)> {
    write_routes()
        .into_iter()
        .map(|w| (w.method, w.path))
        .collect()
}

pub fn routes() -> Router<SharedState> {
    let mut router = Router::new()
        .route("/api/v1/audit", get(audit_log))
        .route(
            "/api/v1/processes/{slug}/meetings/{id}/speakers",
            get(speakers_list),
        )
        .route("/api/v1/processes/{slug}/delegations", get(delegations))
        .route(
            "/api/v1/processes/{slug}/accreditation/applications",
            get(applications),
        )
        .route(
            "/api/v1/processes/{slug}/meetings/{id}/participants",
            get(participants),
        );
    for w in write_routes() {
        router = router.route(w.path, w.route);
    }
    router
}

/// Parses a JSON body; `process` (from the path) is set on the object first.
fn body<T: DeserializeOwned>(bytes: &Bytes, process: Option<&str>) -> Result<T, ApiError> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    if let Some(slug) = process {
        match value.as_object_mut() {
            Some(obj) => {
                obj.insert("process".into(), json!(slug));
            }
            None => return Err(ApiError::bad_request("the body must be a JSON object")),
        }
    }
    serde_json::from_value(value).map_err(|e| ApiError::bad_request(format!("invalid body: {e}")))
}

fn created(value: Value) -> (StatusCode, Json<Value>) {
    (StatusCode::CREATED, Json(value))
}

/// A signed-in caller: the public may not write.
fn signed_in(p: Principal) -> Result<Principal, ApiError> {
    match p {
        Principal::Anonymous => Err(accord_app::AppError::Unauthenticated(
            "sign in, or send an API token".into(),
        )
        .into()),
        p => Ok(p),
    }
}

type Created = Result<(StatusCode, Json<Value>), ApiError>;

async fn create_process(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let process: d::Process = body(&b, None)?;
    let slug = process.slug.to_string();
    s.app.create_process(&p, process).await?;
    Ok(created(json!({ "slug": slug })))
}

async fn add_phase(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let phase: d::Phase = body(&b, Some(&slug))?;
    let kind = phase.kind.to_string();
    s.app.add_phase(&p, phase).await?;
    Ok(created(json!({ "kind": kind })))
}

async fn add_meeting(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting: d::NewMeeting = body(&b, Some(&slug))?;
    let id = s.app.add_meeting(&p, meeting).await?;
    Ok(created(json!({ "id": id })))
}

async fn add_document(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let document: d::NewDocument = body(&b, Some(&slug))?;
    let id = s.app.add_document(&p, document).await?;
    Ok(created(json!({ "id": id })))
}

async fn add_theme(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let theme: d::Theme = body(&b, Some(&slug))?;
    let code = theme.code.to_string();
    s.app.add_theme(&p, theme).await?;
    Ok(created(json!({ "code": code })))
}

async fn create_actor(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let actor: d::Actor = body(&b, None)?;
    let code = actor.code.to_string();
    s.app.create_actor(&p, actor).await?;
    Ok(created(json!({ "code": code })))
}

#[derive(Deserialize)]
struct NewAccountBody {
    email: String,
    name: String,
    password: String,
    #[serde(default)]
    roles: Vec<d::RoleGrant>,
}

async fn create_account(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let new: NewAccountBody = body(&b, None)?;
    let account = s
        .app
        .create_account(&p, &new.email, &new.name, &new.password, &new.roles)
        .await?;
    Ok(created(json!({ "id": account.id, "email": account.email })))
}

#[derive(Deserialize)]
struct NewTokenBody {
    name: String,
    /// Days until the token expires (1 to 366).
    days: i64,
}

async fn create_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let new: NewTokenBody = body(&b, None)?;
    let token = s.app.create_api_token(&p, &new.name, new.days).await?;
    Ok(created(json!({
        "id": token.id,
        "name": token.name,
        "token": token.secret,
        "expires_at": token.expires_at,
    })))
}

async fn revoke_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "API token")?;
    s.app.revoke_api_token(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct ResetBody {
    email: String,
}

async fn issue_password_reset(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: ResetBody = body(&b, None)?;
    let secret = s.app.issue_password_reset(&p, &req.email).await?;
    Ok(created(json!({
        "link": format!("/reset-password?token={secret}"),
        "expires_in_hours": accord_app::RESET_HOURS,
    })))
}

#[derive(Deserialize)]
struct AuditParams {
    action: Option<String>,
    account: Option<i64>,
    process: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

#[derive(Serialize)]
struct AuditPage {
    items: Vec<d::audit::AuditEntry>,
    next_cursor: Option<String>,
}

async fn audit_log(
    State(s): State<SharedState>,
    caller: Caller,
    crate::api::ApiQuery(q): crate::api::ApiQuery<AuditParams>,
) -> Result<Json<AuditPage>, ApiError> {
    let process = q
        .process
        .map(|p| d::Slug::new(p).map_err(|e| ApiError::bad_request(e.to_string())))
        .transpose()?;
    let filter = AuditFilter {
        action_prefix: q.action,
        account: q.account,
        process,
    };
    let page = PageRequest {
        cursor: q.cursor,
        limit: q.limit,
    };
    let listing = s.app.audit_log(&caller.principal, filter, &page).await?;
    Ok(Json(AuditPage {
        items: listing.items,
        next_cursor: listing.next_cursor,
    }))
}

// ---- delegations, groups and speakers' lists ------------------------------

#[derive(Deserialize)]
struct DelegationBody {
    state: String,
    head: String,
}

async fn set_delegation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: DelegationBody = body(&b, None)?;
    s.app
        .set_delegation(&p, &slug, &req.state, &req.head)
        .await?;
    Ok(created(
        json!({ "state": req.state, "head": req.head.trim() }),
    ))
}

async fn delegations(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let items: Vec<Value> = s
        .app
        .delegations(&slug)
        .await?
        .into_iter()
        .map(|(state, head)| json!({ "state": state.code, "name": state.name, "head": head }))
        .collect();
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize)]
struct GroupChairBody {
    group: String,
    chair: String,
}

async fn set_group_chair(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: GroupChairBody = body(&b, None)?;
    s.app
        .set_group_chair(&p, &slug, &req.group, &req.chair)
        .await?;
    Ok(created(json!({ "group": req.group, "chair": req.chair })))
}

#[derive(Deserialize)]
struct GroupSpeakerBody {
    group: String,
    email: String,
}

async fn designate_group_speaker(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: GroupSpeakerBody = body(&b, None)?;
    s.app
        .designate_group_speaker(&p, &slug, &req.group, &req.email)
        .await?;
    Ok(created(json!({ "group": req.group, "email": req.email })))
}

#[derive(Deserialize)]
struct FloorBody {
    actor: String,
    #[serde(default)]
    agenda_item: u32,
    #[serde(default)]
    ministerial: bool,
    #[serde(default)]
    right_of_reply: bool,
}

async fn inscribe(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let req: FloorBody = body(&b, None)?;
    let floor = accord_app::FloorRequest {
        actor: req.actor,
        agenda_item: req.agenda_item,
        ministerial: req.ministerial,
        right_of_reply: req.right_of_reply,
    };
    let id = s.app.inscribe(&p, &slug, meeting, floor).await?;
    Ok(created(json!({ "id": id })))
}

#[derive(Deserialize)]
struct StatusBody {
    status: String,
}

async fn set_speaker_status(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, inscription)): Path<(String, String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let inscription = crate::api::parse_id(&inscription, "inscription")?;
    let req: StatusBody = body(&b, None)?;
    let status: d::SpeakerStatus = req
        .status
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    s.app
        .set_speaker_status(&p, &slug, meeting, inscription, status)
        .await?;
    Ok(created(json!({ "id": inscription, "status": status })))
}

async fn speakers_list(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = crate::api::parse_id(&id, "meeting")?;
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

// ---- accreditation and registration ----------------------------------------

#[derive(Deserialize)]
struct PeriodBody {
    days: i64,
}

async fn set_objection_period(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: PeriodBody = body(&b, None)?;
    s.app.set_objection_days(&p, &slug, req.days).await?;
    Ok(created(json!({ "days": req.days })))
}

/// Anyone may apply, signed in or not.
async fn apply_for_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let new: d::NewApplication = body(&b, None)?;
    let id = s.app.apply_for_accreditation(&p, &slug, new).await?;
    Ok(created(json!({ "id": id })))
}

async fn applications(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let items = s.app.applications(&caller.principal, &slug).await?;
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize)]
struct ObjectionBody {
    state: String,
    reason: String,
}

async fn object_to_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "application")?;
    let req: ObjectionBody = body(&b, None)?;
    s.app
        .object_to_accreditation(&p, &slug, id, &req.state, &req.reason)
        .await?;
    Ok(created(json!({ "application": id, "state": req.state })))
}

#[derive(Deserialize)]
struct DecisionBody {
    approve: bool,
    #[serde(default)]
    note: String,
}

async fn decide_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "application")?;
    let req: DecisionBody = body(&b, None)?;
    let actor = s
        .app
        .decide_accreditation(&p, &slug, id, req.approve, &req.note)
        .await?;
    Ok(created(
        json!({ "application": id, "approved": req.approve, "actor": actor }),
    ))
}

async fn register_for_meeting(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    s.app.register_for_meeting(&p, &slug, meeting).await?;
    Ok(created(json!({ "meeting": meeting })))
}

/// The public participants list: names and whom they represent, never e-mail.
async fn participants(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .participants(&slug, meeting)
        .await?
        .into_iter()
        .map(|(p, actor)| json!({ "name": p.name, "actor": actor.code, "actor_name": actor.name, "registered_at": p.registered_at }))
        .collect();
    Ok(Json(json!({ "items": items })))
}
