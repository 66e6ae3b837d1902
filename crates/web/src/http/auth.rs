//! Who is calling: a bearer token, a session cookie, or nobody; and the
//! anti-CSRF checks that cookie-authenticated writes must pass.

use crate::http::error::ApiError;
use crate::SharedState;
use accord_app::{same_secret, Principal};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method, StatusCode};

/// The session cookie: the secret whose SHA-256 names the stored session.
pub const SESSION_COOKIE: &str = "accord_session";
/// The anti-CSRF cookie for forms sent before signing in (double submit).
pub const FORM_COOKIE: &str = "accord_form";
/// The header a cookie-authenticated API write carries its CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Nothing,
    Cookie,
    Bearer,
}

/// The caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    /// The session's CSRF token, for a cookie-authenticated caller.
    pub csrf: Option<String>,
    pub via: Via,
}

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

impl FromRequestParts<SharedState> for Caller {
    type Rejection = ApiError;

    /// Resolved once per request: the page's reader, the command and the
    /// handler all see the same caller, for one look-up of the token or the
    /// session.
    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, ApiError> {
        if let Some(known) = parts.extensions.get::<Caller>() {
            return Ok(known.clone());
        }
        let caller = Self::resolve(parts, state).await?;
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

impl Caller {
    async fn resolve(parts: &Parts, state: &SharedState) -> Result<Self, ApiError> {
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let secret = auth
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .filter(|s| !s.is_empty() && s.len() <= 256)
                .ok_or_else(|| ApiError {
                    status: StatusCode::UNAUTHORIZED,
                    kind: "unauthenticated",
                    message: "use 'Authorization: Bearer <token>'".into(),
                })?;
            let principal = state.app.authenticate_token(secret).await?;
            return Ok(Caller {
                principal,
                csrf: None,
                via: Via::Bearer,
            });
        }
        if let Some(secret) = cookie(&parts.headers, SESSION_COOKIE).filter(|s| s.len() <= 256) {
            if let Some(active) = state.app.session(secret).await? {
                return Ok(Caller {
                    principal: active.principal,
                    csrf: Some(active.csrf),
                    via: Via::Cookie,
                });
            }
        }
        Ok(Caller {
            principal: Principal::Anonymous,
            csrf: None,
            via: Via::Nothing,
        })
    }
}

/// A caller allowed to attempt a write: a cookie-authenticated caller must
/// echo the session's CSRF token in `X-CSRF-Token` (bearer callers need not:
/// browsers never send bearer tokens on their own).
pub struct WriteCaller(pub Principal);

impl FromRequestParts<SharedState> for WriteCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        if caller.via == Via::Cookie && parts.method != Method::GET {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let expected = caller.csrf.as_deref().unwrap_or("");
            if !same_secret(sent, expected) {
                return Err(csrf_refused());
            }
        }
        Ok(WriteCaller(caller.principal))
    }
}

pub fn csrf_refused() -> ApiError {
    ApiError {
        status: StatusCode::FORBIDDEN,
        kind: "csrf",
        message: "the request did not carry this session's anti-forgery token".into(),
    }
}

/// `Set-Cookie` for the session (`Secure` is added to every cookie in one
/// place when the site is served over TLS: `lib.rs`'s security headers).
pub fn session_cookie(secret: &str, max_age_secs: i64) -> String {
    format!("{SESSION_COOKIE}={secret}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax")
}

pub fn clear_session_cookie() -> String {
    session_cookie("", 0)
}
