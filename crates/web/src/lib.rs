//! The HTTP face of Accord: the JSON API under `/api/v1`, the server-rendered
//! portal, and the mapping of app errors to responses. Handlers are thin:
//! they parse the request, call one `App` use case, and render the answer.

mod account_pages;
mod accreditation_pages;
mod adoption_pages;
mod api;
mod api_adoption;
mod api_consultation;
mod api_negotiation;
mod api_stocktaking;
mod api_write;
pub mod auth;
mod charts;
mod consultation_pages;
mod error;
mod feeds;
mod files;
pub mod i18n;
mod language_pages;
mod manage;
mod negotiation_pages;
mod portal;
mod report;
mod search_pages;
mod sign_in;
mod stocktaking_pages;
mod timeline;
mod vote_map;

use accord_app::App;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Router;
use std::sync::Arc;

pub use api::ApiDoc;
pub use api_write::{takes_raw_body, write_route_list};

/// Everything a request handler may use; built once, passed explicitly.
pub struct AppState {
    pub app: Arc<App>,
    pub i18n: Arc<i18n::I18n>,
    pub templates: minijinja::Environment<'static>,
    /// Mark cookies `Secure`: set when Accord is reached over HTTPS.
    pub secure_cookies: bool,
}

pub type SharedState = Arc<AppState>;

impl AppState {
    pub fn new(app: Arc<App>, secure_cookies: bool) -> SharedState {
        let i18n = Arc::new(i18n::I18n::new());
        let templates = portal::templates(i18n.clone());
        Arc::new(AppState {
            app,
            i18n,
            templates,
            secure_cookies,
        })
    }
}

/// The whole HTTP surface, with cookies for plain HTTP (development, tests).
pub fn router(app: Arc<App>) -> Router {
    router_with(app, false)
}

/// The whole HTTP surface; `secure_cookies` when Accord is served over HTTPS.
pub fn router_with(app: Arc<App>, secure_cookies: bool) -> Router {
    let state = AppState::new(app, secure_cookies);
    Router::new()
        .merge(api::routes())
        .merge(api_write::routes())
        .merge(portal::routes())
        .with_state(state)
        .layer(axum::middleware::from_fn(personal_answers_are_not_stored))
        .layer(axum::middleware::map_response(security_headers))
}

/// An answer to a signed-in caller may hold what only they may see (or a
/// form token): no cache — a browser's, a proxy's — may keep it, unless the
/// handler said otherwise (static files).
async fn personal_answers_are_not_stored(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let personal = req.headers().contains_key(header::AUTHORIZATION)
        || auth::cookie(req.headers(), auth::SESSION_COOKIE).is_some();
    let mut response = next.run(req).await;
    if personal && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Headers every response carries: a strict CSP (no inline script, no
/// framing), no MIME sniffing, and a conservative referrer policy.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    // A handler that set its own (stricter) policy keeps it: file downloads
    // are sandboxed.
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
