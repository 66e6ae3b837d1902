//! A person's own account (their roles and API tokens), and the
//! secretariat's account desk (new accounts, password-reset links). A secret
//! — a new token, a reset link — is shown once, on the page that answers the
//! form, and never again.

use crate::access::api::DEFAULT_TOKEN_DAYS;
use crate::http::auth::Caller;
use crate::http::command::{Done, FormAgain, Refusal, Via};
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::policy::{authorize, Action};
use accord_app::{AppError, Principal, RESET_HOURS};
use accord_domain as d;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use std::collections::BTreeMap;

/// The pages; their forms are served by the API's handlers
/// (`access::api::form_routes`).
pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/account", get(account_page))
        .route("/accounts", get(accounts_page))
}

/// What a refused form sent, for the page to show again: the typed values
/// by field name, the field at fault (as the form names it) and the message.
pub(crate) fn again_context(again: Option<&FormAgain>) -> minijinja::Value {
    match again {
        None => minijinja::Value::from(()),
        Some(a) => {
            let values: BTreeMap<&str, &str> = a
                .values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            context! {
                values => values,
                field => a.field.as_deref().map(form_name),
                error => a.described(),
            }
        }
    }
}

/// A field's path as the refusal names it (`roles[0].actor`) turned into
/// the form's name for it (`roles[0][actor]`).
pub(crate) fn form_name(path: &str) -> String {
    let mut parts = path.split('.');
    let mut name = parts.next().unwrap_or_default().to_owned();
    for p in parts {
        match p.split_once('[') {
            Some((head, rest)) => name += &format!("[{head}][{rest}"),
            None => name += &format!("[{p}]"),
        }
    }
    name
}

async fn render_account(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    new_token: Option<accord_app::NewApiToken>,
    again: Option<&FormAgain>,
) -> PageResult {
    let Principal::Account(account) = principal else {
        return Err(r.error(
            s,
            AppError::Unauthenticated("sign in to see your account".into()),
        ));
    };
    let tokens = s
        .app
        .api_tokens(principal)
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
            token_form => again_context(again),
        },
    )
}

/// The account page answering the token form: the new token's secret, shown this once.
pub(crate) async fn account_with_token(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    token: accord_app::NewApiToken,
) -> Response {
    no_store(
        StatusCode::CREATED,
        render_account(s, r, principal, Some(token), None).await,
    )
}

/// The account page again, with the token form as it was sent and the message.
pub(crate) async fn account_page_again(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    again: FormAgain,
) -> PageResult {
    render_account(s, r, principal, None, Some(&again)).await
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

/// An answer that may carry a secret (a new token in JSON) or what a
/// person typed about someone (a refused form shown again): never cached.
pub(crate) fn private(mut answer: Response) -> Response {
    answer.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    answer
}

async fn account_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> Response {
    no_store(
        StatusCode::OK,
        render_account(&s, &r, &caller.principal, None, None).await,
    )
}

// ---- the secretariat's account desk ----------------------------------------

/// The desk page: a reset link to pass on (email, path), or a form
/// (`account`, `reset`) to show again with what was typed.
async fn render_desk(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    headers: &HeaderMap,
    link: Option<(String, String)>,
    again: Option<(&str, &FormAgain)>,
) -> PageResult {
    authorize(principal, Action::IssuePasswordReset { target: None }).map_err(|e| r.error(s, e))?;
    let processes = s
        .app
        .processes(&accord_app::PageRequest::first(accord_app::MAX_LIMIT))
        .await
        .map_err(|e| r.error(s, e))?;
    let (form, again) = again.unzip();
    r.render(
        s,
        "accounts.html",
        context! {
            can => accord_app::policy::capabilities(principal, None, &Default::default()),
            roles => d::Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            processes => processes.items.iter().map(|p| context! { slug => p.process.slug.as_str(), title => &p.process.title }).collect::<Vec<_>>(),
            failed_form => form,
            failed => again_context(again),
            link => link.map(|(email, path)| context! { email => email, url => absolute(headers, s, &path) }),
            link_hours => RESET_HOURS,
        },
    )
}

/// The answer to a desk command (a new account, a reset link): JSON as
/// every command; the form gets the desk page showing the link once (not a
/// redirect: the secret is on no other page), or the form again — also
/// for an unknown address or one already taken.
pub(crate) async fn desk_answer(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    headers: &HeaderMap,
    via: Via,
    result: Result<(Done, Option<(String, String)>), Refusal>,
    form: &'static str,
) -> Response {
    match (via, result) {
        (Via::Form(_), Ok((_, Some(link)))) => no_store(
            StatusCode::CREATED,
            render_desk(s, r, principal, headers, Some(link), None).await,
        ),
        (
            Via::Form(values),
            Err(Refusal {
                field,
                error: error @ AppError::NotFound(_),
            }),
        ) => {
            let status = crate::http::error::status_of(&error);
            let again = FormAgain {
                values,
                field,
                message: error.to_string(),
            };
            no_store(
                status,
                render_desk(s, r, principal, headers, None, Some((form, &again))).await,
            )
        }
        (via, result) => private(
            via.answer(s, r, result.map(|(done, _)| done), |again| async move {
                render_desk(s, r, principal, headers, None, Some((form, &again))).await
            })
            .await,
        ),
    }
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
    no_store(
        StatusCode::OK,
        render_desk(&s, &r, &caller.principal, &headers, None, None).await,
    )
}

pub(crate) fn reset_path(secret: &str) -> String {
    format!("/reset-password?token={secret}")
}
