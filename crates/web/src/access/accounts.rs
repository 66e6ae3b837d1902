//! A person's own account (their roles and API tokens), and the
//! secretariat's account desk (new accounts, password-reset links). A secret
//! — a new token, a reset link — is shown once, on the page that answers the
//! form, and never again.

use crate::http::auth::Caller;
use crate::http::forms::checked;
use crate::http::forms::one;
use crate::http::forms::Fields;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, post, PageRoutes};
use crate::SharedState;
use accord_app::policy::{authorize, Action};
use accord_app::{AppError, Principal, RESET_HOURS};
use accord_domain as d;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/account", get(account_page))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/accounts", get(accounts_page).post(create_account))
        .route("/accounts/password-resets", post(issue_reset))
}

/// Days a token made from the page lives unless the form says otherwise.
const DEFAULT_TOKEN_DAYS: i64 = 90;

async fn render_account(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    new_token: Option<accord_app::NewApiToken>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let page = async {
        let Principal::Account(account) = &caller.principal else {
            return Err(r.error(s, AppError::Unauthenticated("sign in to see your account".into())));
        };
        let tokens = s
            .app
            .api_tokens(&caller.principal)
            .await
            .map_err(|e| r.error(s, e))?;
        r.render(
            s,
            "account.html",
            context! {
                account => context! {
                    name => &account.name,
                    email => account.email.as_str(),
                    grants => &account.grants,
                },
                tokens => tokens,
                new_token => new_token.map(|t| context! { name => t.name, secret => t.secret, expires_at => t.expires_at }),
                default_days => DEFAULT_TOKEN_DAYS,
                error => error,
            },
        )
    }
    .await;
    no_store(status, page)
}

/// Pages that may show a secret, or a person's own data, are never cached.
fn no_store(status: StatusCode, page: PageResult) -> Response {
    match page {
        Ok(html) => (
            status,
            [(axum::http::header::CACHE_CONTROL, "no-store")],
            html,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

async fn account_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> Response {
    render_account(&s, &r, &caller, None, None, StatusCode::OK).await
}

async fn create_token(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let days = match one(&f, "days") {
            v if v.is_empty() => DEFAULT_TOKEN_DAYS,
            v => v.parse().map_err(|_| {
                AppError::BadRequest("days: a whole number of days, 1 to 366".into())
            })?,
        };
        s.app.create_api_token(&p, &one(&f, "name"), days).await
    }
    .await;
    match result {
        Ok(token) => render_account(&s, &r, &caller, Some(token), None, StatusCode::CREATED).await,
        Err(e @ (AppError::Invalid(_) | AppError::BadRequest(_))) => {
            let status = crate::http::error::status_of(&e);
            render_account(&s, &r, &caller, None, Some(e.to_string()), status).await
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn revoke_token(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let id = id
            .parse()
            .map_err(|_| AppError::NotFound(format!("you have no API token '{id}'")))?;
        s.app.revoke_api_token(&p, id).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/account#tokens-h").into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

// ---- the secretariat's account desk ----------------------------------------

/// What the desk page shows after a form: a reset link to pass on, or the
/// rule a form broke (with what was typed).
#[derive(Default)]
struct Desk {
    link: Option<(String, String)>,
    error: Option<(&'static str, String)>,
    typed: Fields,
}

async fn render_desk(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    headers: &HeaderMap,
    desk: Desk,
    status: StatusCode,
) -> Response {
    let page = async {
        authorize(&caller.principal, Action::IssuePasswordReset { target: None }).map_err(|e| r.error(s, e))?;
        let processes = s
            .app
            .processes(&accord_app::PageRequest::first(accord_app::MAX_LIMIT))
            .await
            .map_err(|e| r.error(s, e))?;
        let (form, error) = desk.error.unzip();
        let value = |k: &str| if form.is_some() { one(&desk.typed, k) } else { String::new() };
        r.render(
            s,
            "accounts.html",
            context! {
                can => accord_app::policy::capabilities(&caller.principal, None, &Default::default()),
                roles => d::Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                processes => processes.items.iter().map(|p| context! { slug => p.process.slug.as_str(), title => &p.process.title }).collect::<Vec<_>>(),
                failed_form => form,
                error => error,
                values => context! {
                    email => value("email"),
                    name => value("name"),
                    role => value("role"),
                    process => value("process"),
                    actor => value("actor"),
                },
                link => desk.link.map(|(email, path)| context! { email => email, url => absolute(headers, s, &path) }),
                link_hours => RESET_HOURS,
            },
        )
    }
    .await;
    no_store(status, page)
}

/// The link as the secretariat can pass it on: with the host they reached
/// Accord by, and https when Accord is served over TLS.
fn absolute(headers: &HeaderMap, s: &SharedState, path: &str) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        });
    match host {
        Some(host) => {
            let scheme = if s.secure_cookies { "https" } else { "http" };
            format!("{scheme}://{host}{path}")
        }
        None => path.to_owned(),
    }
}

async fn accounts_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
) -> Response {
    render_desk(&s, &r, &caller, &headers, Desk::default(), StatusCode::OK).await
}

fn reset_path(secret: &str) -> String {
    format!("/reset-password?token={secret}")
}

/// A new account gets a password nobody knows and a reset link, so the
/// person sets their own: the secretariat never learns it.
async fn create_account(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let role = one(&f, "role");
        let grants = if role.is_empty() {
            vec![]
        } else {
            vec![d::RoleGrant {
                role: role
                    .parse()
                    .map_err(|e: d::ValidationError| AppError::BadRequest(format!("role: {e}")))?,
                process: Some(one(&f, "process"))
                    .filter(|v| !v.is_empty())
                    .map(|v| v.parse())
                    .transpose()
                    .map_err(|e: d::ValidationError| {
                        AppError::BadRequest(format!("process: {e}"))
                    })?,
                actor: Some(one(&f, "actor").to_uppercase())
                    .filter(|v| !v.is_empty())
                    .map(|v| v.parse())
                    .transpose()
                    .map_err(|e: d::ValidationError| AppError::BadRequest(format!("actor: {e}")))?,
            }]
        };
        let password = accord_app::generate_password();
        let account = s
            .app
            .create_account(&p, &one(&f, "email"), &one(&f, "name"), &password, &grants)
            .await?;
        let secret = s
            .app
            .issue_password_reset(&p, account.email.as_str())
            .await?;
        Ok((account.email.to_string(), reset_path(&secret)))
    }
    .await;
    desk_outcome(&s, &r, &caller, &headers, result, "account", f).await
}

async fn issue_reset(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let email = one(&f, "email");
        let secret = s.app.issue_password_reset(&p, &email).await?;
        Ok((email.to_lowercase(), reset_path(&secret)))
    }
    .await;
    desk_outcome(&s, &r, &caller, &headers, result, "reset", f).await
}

async fn desk_outcome(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    headers: &HeaderMap,
    result: Result<(String, String), AppError>,
    form: &'static str,
    typed: Fields,
) -> Response {
    match result {
        Ok(link) => {
            let desk = Desk {
                link: Some(link),
                ..Desk::default()
            };
            render_desk(s, r, caller, headers, desk, StatusCode::CREATED).await
        }
        Err(e @ (AppError::Invalid(_) | AppError::BadRequest(_) | AppError::NotFound(_))) => {
            let status = crate::http::error::status_of(&e);
            let desk = Desk {
                link: None,
                error: Some((form, e.to_string())),
                typed,
            };
            render_desk(s, r, caller, headers, desk, status).await
        }
        Err(e) => r.error(s, e).into_response(),
    }
}
