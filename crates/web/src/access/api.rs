//! The API of access: accounts, sign-in for scripts, API tokens, password
//! resets, the audit log; who leads a delegation, chairs a group or speaks
//! for it; and the accreditation of stakeholder organisations.

use crate::http::auth::{Caller, WriteCaller};
use crate::http::error::ApiError;
use crate::http::json::{body, created, signed_in, Created};
use crate::http::query::parse_id;
use crate::SharedState;
use accord_app::{AuditFilter, PageRequest};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct NewAccountBody {
    email: String,
    name: String,
    password: String,
    #[serde(default)]
    roles: Vec<d::RoleGrant>,
}

/// Create an account with its roles (secretariat of every process)
#[utoipa::path(
    post,
    path = "/api/v1/accounts",
    tag = "access",
    request_body(content = NewAccountBody, example = json!({
                "email": "delegate@example.org", "name": "A. Delegate", "password": "a long enough passphrase",
                "roles": [{ "role": "delegate", "process": "gcm", "actor": "MEX" }]
            })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
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
    Ok(created(
        format!("/api/v1/accounts/{}", account.id),
        json!({ "id": account.id, "email": account.email }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct SignInBody {
    email: String,
    password: String,
}

/// Sign in for a script: an e-mail address and a password give an API token that lasts as long as a sign-in (12 hours), for `Authorization: Bearer`; throttled as the sign-in form is (429 after repeated failures)
///
/// Anyone may try; the answer is a bearer token, or the sign-in form's
/// refusal (the same for an unknown account and a wrong password).
#[utoipa::path(
    post,
    path = "/api/v1/sessions",
    tag = "access",
    request_body(content = SignInBody, example = json!({ "email": "delegate@example.org", "password": "a long enough passphrase" })),
    responses((status = 201, description = "Created", body = serde_json::Value)),
    security(())
)]
async fn sign_in_for_token(
    State(s): State<SharedState>,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    b: Bytes,
) -> Created {
    let req: SignInBody = body(&b, None)?;
    let token = s
        .app
        .sign_in_for_token(&req.email, &req.password, &address)
        .await?;
    Ok(created(
        format!("/api/v1/tokens/{}", token.id),
        json!({
            "id": token.id,
            "token": token.secret,
            "expires_at": token.expires_at,
        }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct NewTokenBody {
    name: String,
    /// Days until the token expires (1 to 366).
    days: i64,
}

/// Make an API token for your own account (the secret is in this answer only)
#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "access",
    request_body(content = NewTokenBody, example = json!({ "name": "nightly export", "days": 90 })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn create_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let new: NewTokenBody = body(&b, None)?;
    let token = s.app.create_api_token(&p, &new.name, new.days).await?;
    Ok(created(
        format!("/api/v1/tokens/{}", token.id),
        json!({
            "id": token.id,
            "name": token.name,
            "token": token.secret,
            "expires_at": token.expires_at,
        }),
    ))
}

/// Revoke one of your API tokens
#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "access",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Done"))
)]
async fn revoke_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = parse_id(&id, "API token")?;
    s.app.revoke_api_token(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    email: String,
}

/// Issue a one-time password-reset link (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/password-resets",
    tag = "access",
    request_body(content = ResetBody, example = json!({ "email": "delegate@example.org" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn issue_password_reset(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: ResetBody = body(&b, None)?;
    let secret = s.app.issue_password_reset(&p, &req.email).await?;
    Ok(created(
        format!("/reset-password?token={secret}"),
        json!({
            "link": format!("/reset-password?token={secret}"),
            "expires_in_hours": accord_app::RESET_HOURS,
        }),
    ))
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

/// The audit log, newest first, filtered by action prefix and process (secretariat)
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "access",
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn audit_log(
    State(s): State<SharedState>,
    caller: Caller,
    crate::http::query::ApiQuery(q): crate::http::query::ApiQuery<AuditParams>,
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

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct DelegationBody {
    state: String,
    head: String,
}

/// Name the head of a state's delegation (the state's delegates, or the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/delegations",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = DelegationBody, example = json!({ "state": "MEX", "head": "A. Head" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
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
        format!("/api/v1/processes/{slug}/delegations"),
        json!({ "state": req.state, "head": req.head.trim() }),
    ))
}

/// The heads of the states' delegations to a process
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/delegations",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
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

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct GroupChairBody {
    group: String,
    chair: String,
}

/// Record which state chairs a group (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/group-chairs",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = GroupChairBody, example = json!({ "group": "EU", "chair": "AUT" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
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
    Ok(created(
        format!("/api/v1/processes/{slug}/delegations"),
        json!({ "group": req.group, "chair": req.chair }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct GroupSpeakerBody {
    group: String,
    email: String,
}

/// Designate who may speak for a group (the chairing state's delegates)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/group-speakers",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = GroupSpeakerBody, example = json!({ "group": "EU", "email": "delegate@example.org" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
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
    Ok(created(
        format!("/api/v1/processes/{slug}/delegations"),
        json!({ "group": req.group, "email": req.email }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct PeriodBody {
    days: i64,
}

/// Set the no-objection period for accreditation, in days (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/period",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = PeriodBody, example = json!({ "days": 10 })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn set_objection_period(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: PeriodBody = body(&b, None)?;
    s.app.set_objection_days(&p, &slug, req.days).await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/accreditation/applications"),
        json!({ "days": req.days }),
    ))
}

/// Apply for accreditation as a stakeholder organisation (anyone)
///
/// Anyone may apply, signed in or not.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = d::NewApplication, example = json!({
                "name": "Migrants' Rights Network", "kind": "ngo", "country": "GBR",
                "website": "https://example.org", "ecosoc_status": false, "description": "What the organisation does."
            })),
    responses((status = 201, description = "Created", body = serde_json::Value)),
    security((), ("bearer" = []), ("session" = []))
)]
async fn apply_for_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let new: d::NewApplication = body(&b, None)?;
    let id = s
        .app
        .apply_for_accreditation(&p, &slug, new, &address)
        .await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/accreditation/applications"),
        json!({ "id": id }),
    ))
}

/// Accreditation applications with objections and decisions (secretariat and member states)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/accreditation/applications",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = serde_json::Value))
)]
async fn applications(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let items = s.app.applications(&caller.principal, &slug).await?;
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ObjectionBody {
    state: String,
    reason: String,
}

/// Object to an application during the no-objection period (a member state's delegates)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications/{id}/objections",
    tag = "access",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = ObjectionBody, example = json!({ "state": "MEX", "reason": "Why the state objects." })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn object_to_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = parse_id(&id, "application")?;
    let req: ObjectionBody = body(&b, None)?;
    s.app
        .object_to_accreditation(&p, &slug, id, &req.state, &req.reason)
        .await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/accreditation/applications"),
        json!({ "application": id, "state": req.state }),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct DecisionBody {
    approve: bool,
    #[serde(default)]
    note: String,
}

/// Approve or reject an application after the period (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications/{id}/decision",
    tag = "access",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = DecisionBody, example = json!({ "approve": true, "note": "" })),
    responses((status = 201, description = "Created", body = serde_json::Value))
)]
async fn decide_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = parse_id(&id, "application")?;
    let req: DecisionBody = body(&b, None)?;
    let actor = s
        .app
        .decide_accreditation(&p, &slug, id, req.approve, &req.note)
        .await?;
    Ok(created(
        format!("/api/v1/processes/{slug}/accreditation/applications"),
        json!({ "application": id, "approved": req.approve, "actor": actor }),
    ))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(create_account))
        .routes(utoipa_axum::routes!(sign_in_for_token))
        .routes(utoipa_axum::routes!(create_token))
        .routes(utoipa_axum::routes!(revoke_token))
        .routes(utoipa_axum::routes!(issue_password_reset))
        .routes(utoipa_axum::routes!(set_delegation, delegations))
        .routes(utoipa_axum::routes!(set_group_chair))
        .routes(utoipa_axum::routes!(designate_group_speaker))
        .routes(utoipa_axum::routes!(set_objection_period))
        .routes(utoipa_axum::routes!(apply_for_accreditation, applications))
        .routes(utoipa_axum::routes!(object_to_accreditation))
        .routes(utoipa_axum::routes!(decide_accreditation))
        .routes(utoipa_axum::routes!(audit_log))
}
