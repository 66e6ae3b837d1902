//! Signing in and out, and setting a new password from a reset link: HTML
//! forms, each protected against cross-site request forgery.

use crate::http::auth::{clear_session_cookie, cookie, session_cookie, FORM_COOKIE};
use crate::http::page::safe_next;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, post, PageRoutes};
use crate::SharedState;
use accord_app::{same_secret, AppError, SESSION_HOURS};
use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/reset-password", get(reset_form).post(reset))
}

/// The anti-CSRF value for forms shown before signing in: the one in the
/// reader's cookie, or a new one to set.
pub(crate) fn form_token(headers: &HeaderMap) -> (String, Option<String>) {
    match cookie(headers, FORM_COOKIE).filter(|v| v.len() == 64) {
        Some(v) => (v.to_owned(), None),
        None => {
            let v = accord_app::new_secret();
            (
                v.clone(),
                Some(format!(
                    "{FORM_COOKIE}={v}; Path=/; HttpOnly; SameSite=Strict"
                )),
            )
        }
    }
}

pub(crate) fn with_cookie(page: PageResult, set: Option<String>, status: StatusCode) -> Response {
    match page {
        Ok(html) => match set {
            Some(c) => (status, [(header::SET_COOKIE, c)], html).into_response(),
            None => (status, html).into_response(),
        },
        Err(e) => e.into_response(),
    }
}

async fn login_form(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (token, set) = form_token(&headers);
    let next = safe_next(q.get("next").map(String::as_str));
    let page = r.render(
        &s,
        "login.html",
        context! { form_token => token, next => next, error => None::<String>, email => "" },
    );
    with_cookie(page, set, StatusCode::OK)
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    csrf: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Form(form): Form<LoginForm>,
) -> Response {
    let expected = cookie(&headers, FORM_COOKIE).unwrap_or("");
    if expected.is_empty() || !same_secret(&form.csrf, expected) {
        return r
            .error_page(
                &s,
                StatusCode::FORBIDDEN,
                "the form has expired; open the sign-in page again".into(),
            )
            .into_response();
    }
    let next = safe_next(Some(&form.next));
    match s.app.login(&form.email, &form.password, &address).await {
        Ok(session) => {
            let cookie = session_cookie(&session.secret, SESSION_HOURS * 3600);
            ([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response()
        }
        Err(e @ (AppError::Unauthenticated(_) | AppError::TooManyRequests(_))) => {
            let status = crate::http::error::status_of(&e);
            let key = if status == StatusCode::TOO_MANY_REQUESTS {
                "login-throttled"
            } else {
                "login-failed"
            };
            let page = r.render(
                &s,
                "login.html",
                context! { form_token => expected, next => next, error => key, email => form.email },
            );
            with_cookie(page, None, status)
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

#[derive(Deserialize)]
struct LogoutForm {
    csrf: String,
}

async fn logout(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Response {
    let Some(expected) = r.session_csrf() else {
        return Redirect::to("/").into_response();
    };
    if !same_secret(&form.csrf, expected) {
        return r
            .error_page(
                &s,
                StatusCode::FORBIDDEN,
                "the sign-out form has expired".into(),
            )
            .into_response();
    }
    if let Some(secret) = cookie(&headers, crate::http::auth::SESSION_COOKIE) {
        if let Err(e) = s.app.logout(secret).await {
            return r.error(&s, e).into_response();
        }
    }
    (
        [(header::SET_COOKIE, clear_session_cookie())],
        Redirect::to("/"),
    )
        .into_response()
}

async fn reset_form(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (token, set) = form_token(&headers);
    let secret = q.get("token").cloned().unwrap_or_default();
    let page = r.render(
        &s,
        "reset.html",
        context! { form_token => token, secret => secret, error => None::<String> },
    );
    with_cookie(page, set, StatusCode::OK)
}

#[derive(Deserialize)]
struct ResetForm {
    secret: String,
    password: String,
    confirm: String,
    csrf: String,
}

async fn reset(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Form(form): Form<ResetForm>,
) -> Response {
    let expected = cookie(&headers, FORM_COOKIE).unwrap_or("");
    if expected.is_empty() || !same_secret(&form.csrf, expected) {
        return r
            .error_page(
                &s,
                StatusCode::FORBIDDEN,
                "the form has expired; open the link again".into(),
            )
            .into_response();
    }
    let again = |error: String, status| {
        let page = r.render(
            &s,
            "reset.html",
            context! { form_token => expected, secret => &form.secret, error => error },
        );
        with_cookie(page, None, status)
    };
    if form.password != form.confirm {
        return again(
            s.i18n.text(r.lang(), "reset-mismatch", None),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    match s
        .app
        .reset_password(&form.secret, &form.password, &address)
        .await
    {
        Ok(()) => r
            .render(&s, "message.html", context! { title_key => "reset-done-title", body_key => "reset-done-body", link => "/login", link_key => "nav-sign-in" })
            .into_response(),
        Err(e @ (AppError::BadRequest(_) | AppError::Invalid(_))) => {
            let status = crate::http::error::status_of(&e);
            again(e.to_string(), status)
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}
