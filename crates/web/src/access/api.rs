//! The API of access: accounts, sign-in for scripts, API tokens, password
//! resets, the audit log; who leads a delegation, chairs a group or speaks
//! for it; and the accreditation of stakeholder organisations.

use crate::access::{accounts, accreditation};
use crate::http::auth::Caller;
use crate::http::command::record;
use crate::http::command::{Command, Done, FormAgain, NoFields, OpenCommand, Refusal, Via};
use crate::http::error::ApiError;
use crate::http::json::{body, created, Created};
use crate::http::page::{PageResult, Reader};
use crate::http::query::{ApiQuery, Page};
use crate::http::routes::{post, PageRoutes};
use crate::SharedState;
use accord_app::{AppError, AuditFilter, PageRequest};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

/// A write the portal has no form for: a form sent to it anyway gets an
/// error page with the message.
async fn no_form(s: &SharedState, r: &Reader, again: FormAgain) -> PageResult {
    Err(r.error(s, AppError::BadRequest(again.described())))
}

/// A number from the path (an application's, a token's), or not found.
fn path_id(id: &str, what: &str) -> Result<i64, Refusal> {
    id.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        Refusal::from(AppError::NotFound(format!(
            "{what} '{}' does not exist",
            id.chars().take(32).collect::<String>()
        )))
    })
}

/// An actor's code as a person types it: upper-cased, then checked.
fn actor_code<'de, D: Deserializer<'de>>(de: D) -> Result<d::ActorCode, D::Error> {
    let code = String::deserialize(de)?;
    d::ActorCode::new(code.trim().to_uppercase()).map_err(serde::de::Error::custom)
}

/// An actor's code, or none: `null`, or a form's empty choice.
fn some_actor_code<'de, D: Deserializer<'de>>(de: D) -> Result<Option<d::ActorCode>, D::Error> {
    match Option::<String>::deserialize(de)? {
        Some(code) if !code.trim().is_empty() => d::ActorCode::new(code.trim().to_uppercase())
            .map(Some)
            .map_err(serde::de::Error::custom),
        _ => Ok(None),
    }
}

/// A role to grant: the role, in one process or all, for one actor or none.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Grant {
    role: d::Role,
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "gcm")]
    process: Option<d::Slug>,
    /// An actor's code (upper case; lower case is raised).
    #[serde(default, deserialize_with = "some_actor_code")]
    #[schema(value_type = Option<String>, example = "MEX")]
    actor: Option<d::ActorCode>,
}

impl From<Grant> for d::RoleGrant {
    fn from(g: Grant) -> Self {
        d::RoleGrant {
            role: g.role,
            process: g.process,
            actor: g.actor,
        }
    }
}

/// A new account. Without a password, the account gets one nobody knows
/// and the answer carries a one-time reset link, so the person chooses
/// their own (the account desk's form sends no password).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewAccount {
    email: String,
    name: String,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    roles: Vec<Grant>,
}

/// The account made; without a chosen password, the one-time link with
/// which the person chooses one.
#[derive(Serialize, ToSchema)]
struct AccountCreated {
    id: i64,
    #[schema(value_type = String, example = "delegate@example.org")]
    email: d::Email,
    /// The password-reset link (a path), when no password was sent
    /// (absent otherwise, never null).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = String)]
    link: Option<String>,
    /// Hours until the link expires, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = i64)]
    expires_in_hours: Option<i64>,
}

/// Create an account with its roles (secretariat of every process)
///
/// The account desk's form (`/accounts`) sends the same command, as `roles[0][role]`, `roles[0][process]`, `roles[0][actor]`.
#[utoipa::path(
    post,
    path = "/api/v1/accounts",
    tag = "access",
    request_body(content = NewAccount, example = json!({
                "email": "delegate@example.org", "name": "A. Delegate", "password": "a long enough passphrase",
                "roles": [{ "role": "delegate", "process": "gcm", "actor": "MEX" }]
            })),
    responses((status = 201, description = "Created", body = AccountCreated))
)]
pub(crate) async fn create_account(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    command: Command<NewAccount>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let roles: Vec<d::RoleGrant> = c.roles.into_iter().map(Into::into).collect();
        let chosen = c.password.is_some();
        let password = c.password.unwrap_or_else(accord_app::generate_password);
        let account = s
            .app
            .create_account(&principal, &c.email, &c.name, &password, &roles)
            .await?;
        let link = if chosen {
            None
        } else {
            let secret = s
                .app
                .issue_password_reset(&principal, account.email.as_str())
                .await?;
            Some(accounts::reset_path(&secret))
        };
        let created = AccountCreated {
            id: account.id,
            email: account.email.clone(),
            expires_in_hours: link.as_ref().map(|_| accord_app::RESET_HOURS),
            link: link.clone(),
        };
        let link = link.map(|path| (account.email.to_string(), path));
        Ok((
            Done {
                location: format!("/api/v1/accounts/{}", account.id),
                record: record(&created)?,
                page: "/accounts".into(),
            },
            link,
        ))
    }
    .await;
    accounts::desk_answer(&s, &r, &principal, &headers, via, result, "account").await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct SignInBody {
    email: String,
    password: String,
}

/// An API token from signing in; the secret is in this answer only.
#[derive(Serialize, ToSchema)]
struct SessionToken {
    id: i64,
    /// The secret, for `Authorization: Bearer`.
    token: String,
    expires_at: chrono::DateTime<chrono::Utc>,
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
    responses((status = 201, description = "Created", body = SessionToken)),
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
        record(&SessionToken {
            id: token.id,
            token: token.secret,
            expires_at: token.expires_at,
        })?,
    ))
}

/// Days a token lives unless the command says otherwise.
pub(crate) const DEFAULT_TOKEN_DAYS: i64 = 90;

fn default_token_days() -> i64 {
    DEFAULT_TOKEN_DAYS
}

/// A new API token for the sender's own account.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewToken {
    name: String,
    /// Days until the token expires (1 to 366; 90 if absent).
    #[serde(default = "default_token_days")]
    days: i64,
}

/// An API token made; the secret is in this answer only.
#[derive(Serialize, ToSchema)]
struct TokenCreated {
    id: i64,
    name: String,
    /// The secret, for `Authorization: Bearer`.
    token: String,
    expires_at: chrono::DateTime<chrono::Utc>,
}

/// Make an API token for your own account (the secret is in this answer only)
///
/// The form on the account page (`/account/tokens`) sends the same command, and shows the secret once.
#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "access",
    request_body(content = NewToken, example = json!({ "name": "nightly export", "days": 90 })),
    responses((status = 201, description = "Created", body = TokenCreated))
)]
pub(crate) async fn create_token(
    State(s): State<SharedState>,
    r: Reader,
    command: Command<NewToken>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        Ok(s.app.create_api_token(&principal, &c.name, c.days).await?)
    }
    .await;
    let form = matches!(via, Via::Form(_));
    match result {
        // The secret is shown once, on the page that answers the form.
        Ok(token) if form => accounts::account_with_token(&s, &r, &principal, token).await,
        result => {
            let done = result.and_then(|token| {
                Ok(Done {
                    location: format!("/api/v1/tokens/{}", token.id),
                    record: record(&TokenCreated {
                        id: token.id,
                        name: token.name,
                        token: token.secret,
                        expires_at: token.expires_at,
                    })?,
                    page: "/account#tokens-h".into(),
                })
            });
            accounts::private(
                via.answer(&s, &r, done, |again| {
                    accounts::account_page_again(&s, &r, &principal, again)
                })
                .await,
            )
        }
    }
}

/// Revoke one of your API tokens
///
/// The account page's button (`POST /account/tokens/{id}/revoke`) sends the same command.
#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "access",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Done"))
)]
pub(crate) async fn revoke_token(
    State(s): State<SharedState>,
    r: Reader,
    Path(id): Path<String>,
    command: Command<NoFields>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        input?;
        let id = path_id(&id, "API token")?;
        s.app.revoke_api_token(&principal, id).await?;
        Ok(Done {
            location: format!("/api/v1/tokens/{id}"),
            record: serde_json::json!({ "id": id, "revoked": true }),
            page: "/account#tokens-h".into(),
        })
    }
    .await;
    // Revoking deletes: the API answers 204, with nothing to show.
    accounts::private(
        via.answer_as(StatusCode::NO_CONTENT, &s, &r, result, |again| {
            accounts::account_page_again(&s, &r, &principal, again)
        })
        .await,
    )
}

/// A one-time password-reset link for an account.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PasswordReset {
    email: String,
}

/// A one-time password-reset link, shown once.
#[derive(Serialize, ToSchema)]
struct PasswordResetLink {
    /// The link (a path on this server).
    link: String,
    /// Hours until the link expires.
    expires_in_hours: i64,
}

/// Issue a one-time password-reset link (secretariat)
///
/// The account desk's form (`/accounts/password-resets`) sends the same command, and shows the link once.
#[utoipa::path(
    post,
    path = "/api/v1/password-resets",
    tag = "access",
    request_body(content = PasswordReset, example = json!({ "email": "delegate@example.org" })),
    responses((status = 201, description = "Created", body = PasswordResetLink))
)]
pub(crate) async fn issue_password_reset(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    command: Command<PasswordReset>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let secret = s
            .app
            .issue_password_reset(&principal, &c.email)
            .await
            .map_err(|error| Refusal {
                field: matches!(error, AppError::NotFound(_)).then(|| "email".into()),
                error,
            })?;
        let path = accounts::reset_path(&secret);
        Ok((
            Done {
                location: path.clone(),
                record: record(&PasswordResetLink {
                    link: path.clone(),
                    expires_in_hours: accord_app::RESET_HOURS,
                })?,
                page: "/accounts".into(),
            },
            Some((c.email.trim().to_lowercase(), path)),
        ))
    }
    .await;
    accounts::desk_answer(&s, &r, &principal, &headers, via, result, "reset").await
}

#[derive(Deserialize)]
struct AuditParams {
    action: Option<String>,
    account: Option<i64>,
    process: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The audit log, newest first, filtered by action prefix and process (secretariat)
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "access",
    responses((status = 200, description = "Found", body = Page<d::audit::AuditEntry>))
)]
async fn audit_log(
    State(s): State<SharedState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<AuditParams>,
) -> Result<Json<Page<d::audit::AuditEntry>>, ApiError> {
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
    Ok(Json(Page::from(listing, |entry| entry)))
}

/// Who heads a state's delegation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Delegation {
    state: String,
    head: String,
}

/// The head of a state's delegation, as recorded.
#[derive(Serialize, ToSchema)]
struct DelegationRecord {
    /// The state's actor code, as sent.
    state: String,
    head: String,
}

/// Name the head of a state's delegation (the state's delegates, or the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/delegations",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = Delegation, example = json!({ "state": "MEX", "head": "A. Head" })),
    responses((status = 201, description = "Created", body = DelegationRecord))
)]
async fn set_delegation(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<Delegation>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app
            .set_delegation(&principal, &slug, &c.state, &c.head)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/delegations"),
            record: record(&DelegationRecord {
                head: c.head.trim().to_owned(),
                state: c.state,
            })?,
            page: format!("/processes/{slug}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| no_form(&s, &r, again))
        .await
}

/// A state and the head of its delegation.
#[derive(Serialize, ToSchema)]
struct DelegationHead {
    /// The state's actor code.
    #[schema(value_type = String, example = "MEX")]
    state: d::ActorCode,
    /// The state's name.
    name: String,
    head: String,
}

/// The heads of the states' delegations to a process.
#[derive(Serialize, ToSchema)]
struct DelegationList {
    items: Vec<DelegationHead>,
}

/// The heads of the states' delegations to a process
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/delegations",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = DelegationList))
)]
async fn delegations(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<DelegationList>, ApiError> {
    let items = s
        .app
        .delegations(&slug)
        .await?
        .into_iter()
        .map(|(state, head)| DelegationHead {
            state: state.code,
            name: state.name,
            head,
        })
        .collect();
    Ok(Json(DelegationList { items }))
}

/// Which state chairs a group.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupChair {
    group: String,
    chair: String,
}

/// Which state chairs a group, as recorded.
#[derive(Serialize, ToSchema)]
struct GroupChairRecord {
    group: String,
    chair: String,
}

/// Record which state chairs a group (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/group-chairs",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = GroupChair, example = json!({ "group": "EU", "chair": "AUT" })),
    responses((status = 201, description = "Created", body = GroupChairRecord))
)]
async fn set_group_chair(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<GroupChair>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app
            .set_group_chair(&principal, &slug, &c.group, &c.chair)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/delegations"),
            record: record(&GroupChairRecord {
                group: c.group,
                chair: c.chair,
            })?,
            page: format!("/processes/{slug}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| no_form(&s, &r, again))
        .await
}

/// Who may speak for a group.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupSpeaker {
    group: String,
    email: String,
}

/// Who may speak for a group, as recorded.
#[derive(Serialize, ToSchema)]
struct GroupSpeakerRecord {
    group: String,
    email: String,
}

/// Designate who may speak for a group (the chairing state's delegates)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/group-speakers",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = GroupSpeaker, example = json!({ "group": "EU", "email": "delegate@example.org" })),
    responses((status = 201, description = "Created", body = GroupSpeakerRecord))
)]
async fn designate_group_speaker(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<GroupSpeaker>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app
            .designate_group_speaker(&principal, &slug, &c.group, &c.email)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/delegations"),
            record: record(&GroupSpeakerRecord {
                group: c.group,
                email: c.email,
            })?,
            page: format!("/processes/{slug}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| no_form(&s, &r, again))
        .await
}

/// The no-objection period for accreditation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObjectionPeriod {
    days: i64,
}

/// The no-objection period, as recorded.
#[derive(Serialize, ToSchema)]
struct ObjectionPeriodRecord {
    days: i64,
}

/// Set the no-objection period for accreditation, in days (secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/period",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = ObjectionPeriod, example = json!({ "days": 10 })),
    responses((status = 201, description = "Created", body = ObjectionPeriodRecord))
)]
async fn set_objection_period(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<ObjectionPeriod>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app.set_objection_days(&principal, &slug, c.days).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/applications"),
            record: record(&ObjectionPeriodRecord { days: c.days })?,
            page: format!("/processes/{slug}/accreditation"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| no_form(&s, &r, again))
        .await
}

/// What an organisation sends when it applies for accreditation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccreditationApplication {
    name: String,
    kind: d::StakeholderKind,
    /// Where it is based: a state's actor code (lower case is raised).
    #[serde(deserialize_with = "actor_code")]
    #[schema(value_type = String, example = "GBR")]
    country: d::ActorCode,
    website: String,
    /// Holds ECOSOC consultative status (false if absent).
    #[serde(default)]
    ecosoc_status: bool,
    description: String,
}

/// An application received.
#[derive(Serialize, ToSchema)]
struct AccreditationReceived {
    /// The application's number.
    id: i64,
}

/// Apply for accreditation as a stakeholder organisation (anyone)
///
/// Anyone may apply, signed in or not. The form on the process's
/// accreditation page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = AccreditationApplication, example = json!({
                "name": "Migrants' Rights Network", "kind": "ngo", "country": "GBR",
                "website": "https://example.org", "ecosoc_status": false, "description": "What the organisation does."
            })),
    responses((status = 201, description = "Created", body = AccreditationReceived)),
    security((), ("bearer" = []), ("session" = []))
)]
pub(crate) async fn apply_for_accreditation(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Path(slug): Path<String>,
    OpenCommand(command): OpenCommand<AccreditationApplication>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let new = d::NewApplication {
            name: c.name,
            kind: c.kind,
            country: c.country,
            website: c.website,
            ecosoc_status: c.ecosoc_status,
            description: c.description,
        };
        let id = s
            .app
            .apply_for_accreditation(&principal, &slug, new, &address)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/applications"),
            record: record(&AccreditationReceived { id })?,
            page: format!("/processes/{slug}/accreditation?received={id}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| {
        accreditation::render(
            &s,
            &r,
            &principal,
            &headers,
            &slug,
            None,
            Some(("apply".into(), again)),
        )
    })
    .await
}

/// A process's accreditation applications.
#[derive(Serialize, ToSchema)]
struct AccreditationList {
    items: Vec<d::Application>,
}

/// Accreditation applications with objections and decisions (secretariat and member states)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/accreditation/applications",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = AccreditationList))
)]
async fn applications(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<AccreditationList>, ApiError> {
    let items = s.app.applications(&caller.principal, &slug).await?;
    Ok(Json(AccreditationList { items }))
}

/// A member state's objection to an application.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccreditationObjection {
    /// The objecting member state's code (lower case is raised).
    #[serde(deserialize_with = "actor_code")]
    #[schema(value_type = String, example = "MEX")]
    state: d::ActorCode,
    reason: String,
}

/// An objection, as recorded.
#[derive(Serialize, ToSchema)]
struct AccreditationObjectionRecord {
    /// The application's number.
    application: i64,
    /// The objecting member state.
    #[schema(value_type = String, example = "MEX")]
    state: d::ActorCode,
}

/// Object to an application during the no-objection period (a member state's delegates)
///
/// The form beside the application on the accreditation page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications/{id}/objections",
    tag = "access",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = AccreditationObjection, example = json!({ "state": "MEX", "reason": "Why the state objects." })),
    responses((status = 201, description = "Created", body = AccreditationObjectionRecord))
)]
pub(crate) async fn object_to_accreditation(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    command: Command<AccreditationObjection>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let id = path_id(&id, "application")?;
        let c = input?;
        s.app
            .object_to_accreditation(&principal, &slug, id, c.state.as_str(), &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/applications"),
            record: record(&AccreditationObjectionRecord {
                application: id,
                state: c.state,
            })?,
            page: format!("/processes/{slug}/accreditation#application-{id}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| {
        accreditation::render(
            &s,
            &r,
            &principal,
            &headers,
            &slug,
            None,
            Some((format!("objection-{id}"), again)),
        )
    })
    .await
}

/// The secretariat's decision on an application.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccreditationDecision {
    approve: bool,
    #[serde(default)]
    note: String,
}

/// A decision on an application, as recorded.
#[derive(Serialize, ToSchema)]
struct AccreditationDecisionRecord {
    /// The application's number.
    application: i64,
    approved: bool,
    /// The stakeholder organisation made on approval; null on rejection.
    #[schema(value_type = Option<String>, example = "ORG-1")]
    actor: Option<d::ActorCode>,
}

/// Approve or reject an application after the period (secretariat)
///
/// The form beside the application on the accreditation page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications/{id}/decision",
    tag = "access",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = AccreditationDecision, example = json!({ "approve": true, "note": "" })),
    responses((status = 201, description = "Created", body = AccreditationDecisionRecord))
)]
pub(crate) async fn decide_accreditation(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    command: Command<AccreditationDecision>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let id = path_id(&id, "application")?;
        let c = input?;
        let actor = s
            .app
            .decide_accreditation(&principal, &slug, id, c.approve, &c.note)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/applications"),
            record: record(&AccreditationDecisionRecord {
                application: id,
                approved: c.approve,
                actor,
            })?,
            page: format!("/processes/{slug}/accreditation#application-{id}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| {
        accreditation::render(
            &s,
            &r,
            &principal,
            &headers,
            &slug,
            None,
            Some((format!("decision-{id}"), again)),
        )
    })
    .await
}

/// The deciding body's decision on a referred application, as the
/// secretariat records it.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccreditationBodyDecision {
    outcome: d::AccreditationOutcome,
    /// The day the body decided.
    #[schema(value_type = String, format = Date, example = "2018-02-12")]
    date: chrono::NaiveDate,
    /// The meeting of the process at which it decided (its number).
    #[serde(default)]
    meeting: Option<i64>,
    /// The decision's symbol or other reference.
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    note: String,
}

/// A deciding body's decision, as recorded.
#[derive(Serialize, ToSchema)]
struct AccreditationBodyDecisionRecord {
    /// The application's number.
    application: i64,
    outcome: d::AccreditationOutcome,
    /// The stakeholder organisation made on approval; null on rejection.
    #[schema(value_type = Option<String>, example = "ORG-1")]
    actor: Option<d::ActorCode>,
}

/// Record the decision of the body an objected application was referred to (secretariat)
///
/// An application a member state objected to is referred to the body the
/// process's rules name (the plenary unless the bureau is named); the
/// secretariat cannot decide it alone, and records here that body's
/// decision, once, after the no-objection period. The form beside the
/// application on the accreditation page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/accreditation/applications/{id}/body-decision",
    tag = "access",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = AccreditationBodyDecision, example = json!({
        "outcome": "approved", "date": "2018-02-12", "reference": "A/72/L.2", "note": ""
    })),
    responses((status = 201, description = "Created", body = AccreditationBodyDecisionRecord))
)]
pub(crate) async fn record_body_decision(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    command: Command<AccreditationBodyDecision>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let id = path_id(&id, "application")?;
        let c = input?;
        let actor = s
            .app
            .record_body_decision(
                &principal,
                &slug,
                id,
                accord_app::RecordedBodyDecision {
                    outcome: c.outcome,
                    date: c.date,
                    meeting: c.meeting,
                    reference: c.reference,
                    note: c.note,
                },
            )
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/applications"),
            record: record(&AccreditationBodyDecisionRecord {
                application: id,
                outcome: c.outcome,
                actor,
            })?,
            page: format!("/processes/{slug}/accreditation#application-{id}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |again| {
        accreditation::render(
            &s,
            &r,
            &principal,
            &headers,
            &slug,
            None,
            Some((format!("body-decision-{id}"), again)),
        )
    })
    .await
}

/// The body that decides objected applications, in the process's rules.
#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DecidingBodyRule {
    body: d::DecidingBody,
}

/// Name the body that decides the applications member states object to (secretariat)
///
/// The plenary unless the bureau is named. An application already referred
/// stays with the body it was referred to. The form on the accreditation
/// page sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/accreditation/deciding-body",
    tag = "access",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = DecidingBodyRule, example = json!({ "body": "plenary" })),
    responses((status = 200, description = "Replaced", body = DecidingBodyRule))
)]
pub(crate) async fn set_deciding_body(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Path(slug): Path<String>,
    command: Command<DecidingBodyRule>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        s.app.set_deciding_body(&principal, &slug, c.body).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/accreditation/deciding-body"),
            record: record(&c)?,
            page: format!("/processes/{slug}/accreditation#rules"),
        })
    }
    .await;
    via.answer_as(StatusCode::OK, &s, &r, result, |again| {
        accreditation::render(
            &s,
            &r,
            &principal,
            &headers,
            &slug,
            None,
            Some(("rules".into(), again)),
        )
    })
    .await
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
        .routes(utoipa_axum::routes!(record_body_decision))
        .routes(utoipa_axum::routes!(set_deciding_body))
        .routes(utoipa_axum::routes!(audit_log))
}

/// This area's forms, served by the API's handlers (the same commands).
pub fn form_routes() -> PageRoutes {
    let a = "/processes/{slug}/accreditation";
    PageRoutes::new()
        .route("/accounts", post(create_account))
        .route("/accounts/password-resets", post(issue_password_reset))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route(a, post(apply_for_accreditation))
        .route(
            format!("{a}/{{id}}/objection"),
            post(object_to_accreditation),
        )
        .route(format!("{a}/{{id}}/decision"), post(decide_accreditation))
        .route(
            format!("{a}/{{id}}/body-decision"),
            post(record_body_decision),
        )
        .route(format!("{a}/deciding-body"), post(set_deciding_body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_s_actor_may_be_null_empty_or_a_code() {
        let actor = |json: &str| {
            serde_json::from_str::<Grant>(json).map(|g| g.actor.map(|a| a.as_str().to_owned()))
        };
        for none in [
            r#"{"role":"secretariat"}"#,
            r#"{"role":"secretariat","actor":null}"#,
            r#"{"role":"secretariat","actor":"  "}"#,
        ] {
            assert_eq!(actor(none).unwrap(), None, "{none}");
        }
        assert_eq!(
            actor(r#"{"role":"delegate","actor":" mex "}"#).unwrap(),
            Some("MEX".to_owned())
        );
        for hostile in [
            r#"{"role":"delegate","actor":"<script>"}"#,
            r#"{"role":"delegate","actor":42}"#,
        ] {
            assert!(actor(hostile).is_err(), "{hostile}");
        }
    }
}
