//! The HTTP face of Accord: the JSON API under `/api/v1`, the server-rendered
//! portal, and the mapping of app errors to responses. Handlers are thin:
//! they parse the request, call one `App` use case, and render the answer.

mod access;
mod adoption;
mod consultation;
mod http;
mod negotiation;
mod process;
mod search;
mod stocktaking;

pub use http::{auth, client, i18n};

use accord_app::App;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::sync::Arc;

/// Everything a request handler may use; built once, passed explicitly.
pub struct AppState {
    pub app: Arc<App>,
    pub i18n: Arc<i18n::I18n>,
    pub templates: minijinja::Environment<'static>,
    /// Mark cookies `Secure` and send HSTS: set when Accord is reached over
    /// HTTPS.
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<client::Cidr>,
    /// Requests counted and timed since the server started (`/metrics`).
    pub metrics: http::observe::Metrics,
    /// Copies of published pages and API reads (`http/cache.rs`).
    pub cache: http::cache::PageCache,
    /// Becomes `true` when the server begins to stop: long-lived answers
    /// (server-sent events) end so the server can finish.
    pub closing: Option<tokio::sync::watch::Receiver<bool>>,
}

/// How the HTTP surface is served, as the operator set it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Accord is reached over HTTPS: `Secure` cookies and HSTS.
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<client::Cidr>,
    /// Set to `true` by the server when it begins to stop (SIGTERM): live
    /// event streams end at once instead of holding the shutdown open.
    pub closing: Option<tokio::sync::watch::Receiver<bool>>,
}

pub type SharedState = Arc<AppState>;

impl AppState {
    pub fn new(app: Arc<App>, options: Options) -> SharedState {
        let i18n = Arc::new(i18n::I18n::new());
        let templates = http::page::templates(i18n.clone());
        Arc::new(AppState {
            app,
            i18n,
            templates,
            secure_cookies: options.secure_cookies,
            trusted_proxies: options.trusted_proxies,
            metrics: http::observe::Metrics::default(),
            cache: http::cache::PageCache::default(),
            closing: options.closing,
        })
    }
}

/// The whole HTTP surface, with cookies for plain HTTP (development, tests).
pub fn router(app: Arc<App>) -> Router {
    router_with(app, Options::default())
}

/// The whole HTTP surface, served as `options` say.
pub fn router_with(app: Arc<App>, options: Options) -> Router {
    let state = AppState::new(app, options);
    let (api, doc) = api().split_for_parts();
    // Serialised once: the document does not change while the server runs.
    let doc = axum::body::Bytes::from(
        serde_json::to_vec(&http::openapi::finish(doc)).expect("the OpenAPI document serialises"),
    );
    let (pages, _) = pages().into_parts();
    Router::new()
        .merge(api)
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move || {
                let doc = doc.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], doc) }
            }),
        )
        .route("/api/v1", axum::routing::any(http::openapi::api_not_found))
        .route(
            "/api/v1/{*rest}",
            axum::routing::any(http::openapi::api_not_found),
        )
        .merge(pages)
        .fallback(process::pages::not_found)
        .method_not_allowed_fallback(http::openapi::method_not_allowed)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            bounded_bodies,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .layer(compression())
        // Outside the compression: a copy is kept as it was sent.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::cache::published,
        ))
        // Outside the page cache, which keeps a signed-in reader's own
        // copies: it reads the handler's own `Cache-Control` (a page showing
        // a secret says `no-store` and is never kept).
        .layer(axum::middleware::from_fn(personal_answers_are_not_stored))
        .layer(axum::middleware::from_fn_with_state(
            state,
            http::observe::observe,
        ))
}

/// Answers compressed for clients that accept it: brotli, else gzip, at a
/// level cheap enough to run on every answer (brotli 4 takes a 563 KB vote
/// page to about a tenth). Server-sent events, images and tiny bodies are
/// left as they are (tower-http's default predicate), and so are files that
/// are compressed already.
fn compression(
) -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{NotForContentType, Predicate};
    use tower_http::compression::{CompressionLayer, CompressionLevel, DefaultPredicate};
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(
            DefaultPredicate::new()
                .and(NotForContentType::const_new("application/pdf"))
                .and(NotForContentType::const_new("application/zip"))
                .and(NotForContentType::const_new(
                    "application/vnd.openxmlformats-officedocument",
                ))
                .and(NotForContentType::const_new("application/gzip")),
        )
}

/// Every API route, each declared once (in its area) with its OpenAPI
/// description: the router and the document are two views of this.
fn api() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::with_openapi(http::openapi::frame())
        .merge(process::api::api_routes())
        .merge(process::phases::api_routes())
        .merge(process::speakers::api_routes())
        .merge(process::files::api_routes())
        .merge(access::api::api_routes())
        .merge(consultation::api::api_routes())
        .merge(stocktaking::api::api_routes())
        .merge(negotiation::api::api_routes())
        .merge(negotiation::languages::api_routes())
        .merge(adoption::api::api_routes())
        .merge(search::api_routes())
        .merge(http::observe::api_routes())
}

/// The portal's pages and forms, each area's own.
fn pages() -> http::routes::PageRoutes {
    http::routes::PageRoutes::new()
        .merge(process::pages::routes())
        .merge(http::assets::routes())
        .merge(process::manage::routes())
        .merge(process::api::form_routes())
        .merge(process::phases::routes())
        .merge(access::api::form_routes())
        .merge(process::files::routes())
        .merge(process::feeds::routes())
        .merge(access::sign_in::routes())
        .merge(access::accounts::routes())
        .merge(access::accreditation::routes())
        .merge(consultation::pages::routes())
        .merge(consultation::api::form_routes())
        .merge(stocktaking::pages::routes())
        .merge(stocktaking::api::form_routes())
        .merge(negotiation::pages::routes())
        .merge(negotiation::api::form_routes())
        .merge(negotiation::languages::routes())
        .merge(adoption::pages::routes())
        .merge(adoption::api::form_routes())
        .merge(search::routes())
}

/// Every (method, path) the server answers, read off the declarations the
/// router is built from: the API's from its OpenAPI document, the portal's
/// from its route table. Tests walk it, so a route cannot escape them.
pub fn route_table() -> Vec<(axum::http::Method, String)> {
    let mut routes = Vec::new();
    for (path, item) in api().split_for_parts().1.paths.paths {
        let ops = [
            (item.get.is_some(), axum::http::Method::GET),
            (item.post.is_some(), axum::http::Method::POST),
            (item.put.is_some(), axum::http::Method::PUT),
            (item.delete.is_some(), axum::http::Method::DELETE),
            (item.patch.is_some(), axum::http::Method::PATCH),
        ];
        routes.extend(
            ops.into_iter()
                .filter(|(has, _)| *has)
                .map(|(_, m)| (m, path.clone())),
        );
    }
    routes.extend(pages().into_parts().1);
    routes
}

/// Slack above the upload limit for a multipart form's other fields.
const FORM_SLACK: u64 = 1024 * 1024;

/// No request body is larger than the largest upload (plus a form's other
/// fields): a larger declared length is refused at once with 413, before a
/// byte of it is read, and a body that turns out larger stops being read at
/// the limit. Below that, each route bounds its own body: JSON and forms by
/// axum's default limit (2 MB), uploads by the upload limit.
async fn bounded_bodies(
    axum::extract::State(s): axum::extract::State<SharedState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let limit = s.app.upload_limit().saturating_add(FORM_SLACK);
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        // Answered at once; the connection closes rather than read the body.
        let mut refused = http::error::ApiError::from(accord_app::AppError::TooLarge(format!(
            "the request is over the limit of {limit} bytes"
        )))
        .into_response();
        refused
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        return refused;
    }
    let (parts, body) = req.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(
        body,
        usize::try_from(limit).unwrap_or(usize::MAX),
    ));
    next.run(axum::extract::Request::from_parts(parts, body))
        .await
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
/// framing), no MIME sniffing, a conservative referrer policy, and — when
/// Accord is served over HTTPS (`--secure-cookies`) — HSTS.
async fn security_headers(
    axum::extract::State(s): axum::extract::State<SharedState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = next.run(req).await;
    let busy = response.status() == axum::http::StatusCode::SERVICE_UNAVAILABLE;
    let h = response.headers_mut();
    if busy {
        h.entry(header::RETRY_AFTER)
            .or_insert(HeaderValue::from_static("1"));
    }
    if s.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
        // Every cookie (session, form, language) travels over HTTPS only,
        // whichever handler set it.
        let cookies: Vec<HeaderValue> = h.get_all(header::SET_COOKIE).iter().cloned().collect();
        if !cookies.is_empty() {
            h.remove(header::SET_COOKIE);
            for c in cookies {
                let secured = match c.to_str() {
                    Ok(v)
                        if !v
                            .split(';')
                            .any(|a| a.trim().eq_ignore_ascii_case("secure")) =>
                    {
                        HeaderValue::from_str(&format!("{v}; Secure")).unwrap_or(c)
                    }
                    _ => c,
                };
                h.append(header::SET_COOKIE, secured);
            }
        }
    }
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
