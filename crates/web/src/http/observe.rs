//! A server an operator can watch: every request gets an id (the caller's
//! `X-Request-Id` when it sends a sane one, else one made here), echoed in
//! the answer and carried by every log line written while it is served;
//! every answer is counted by route, method and status, and timed by route;
//! `/metrics` gives those in the Prometheus text format with the work pool,
//! the store's pool and schema and the process's memory; `/readyz` says
//! whether this server can serve (store reached, schema current, search
//! index open), beside `/healthz`.

use crate::http::error::{ApiError, ErrorBody};
use crate::SharedState;
use accord_app::AppError;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use tracing::Instrument;
use utoipa::ToSchema;

pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// One route's counters: answers by method and status, and their latency.
#[derive(Default)]
struct RouteCounters {
    answers: BTreeMap<(&'static str, u16), u64>,
    latency: Histogram,
}

#[derive(Default)]
struct Histogram {
    /// Answers at or under each bucket's bound (not cumulative here).
    buckets: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

/// The server's counters since it started.
pub struct Metrics {
    started: Instant,
    /// A number this run of the server made up, for request ids.
    run: u64,
    next_id: AtomicU64,
    /// By route as declared; a request finds its route's counters without
    /// allocating once the route has been answered once.
    routes: Mutex<BTreeMap<String, RouteCounters>>,
}

impl Default for Metrics {
    fn default() -> Self {
        use std::hash::{BuildHasher, Hasher};
        // A random number without a dependency: the standard library seeds
        // each `RandomState` from the operating system.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(0);
        Metrics {
            started: Instant::now(),
            run: h.finish() & 0xffff_ffff,
            next_id: AtomicU64::new(1),
            routes: Mutex::default(),
        }
    }
}

impl Metrics {
    fn new_request_id(&self) -> String {
        let n = self.next_id.fetch_add(1, Ordering::Relaxed);
        format!("{:08x}-{n:x}", self.run)
    }

    fn record(&self, route: &str, method: &'static str, status: u16, seconds: f64) {
        let Ok(mut routes) = self.routes.lock() else {
            return;
        };
        let counters = match routes.get_mut(route) {
            Some(counters) => counters,
            None => routes.entry(route.to_owned()).or_default(),
        };
        *counters.answers.entry((method, status)).or_default() += 1;
        let h = &mut counters.latency;
        if let Some(i) = BUCKETS.iter().position(|b| seconds <= *b) {
            h.buckets[i] += 1;
        }
        h.sum += seconds;
        h.count += 1;
    }
}

/// A caller's request id, when it is one we can echo and log as it is: 1
/// to 64 letters, digits and `-_.:`.
fn sane_id(v: &HeaderValue) -> Option<String> {
    let s = v.to_str().ok()?;
    (!s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))
    .then(|| s.to_owned())
}

/// The request's id, span, count and time (see the module's comment).
pub async fn observe(State(s): State<SharedState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(sane_id)
        .unwrap_or_else(|| s.metrics.new_request_id());
    // The route as declared (`/processes/{slug}`), never the raw path: the
    // counters stay as many as the routes.
    let matched = req.extensions().get::<MatchedPath>().cloned();
    let route = matched.as_ref().map_or("unmatched", MatchedPath::as_str);
    // Methods by name only when standard: a made-up one (`FOO`) would
    // otherwise grow the counters without bound.
    let method: &'static str = match req.method().as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "PATCH" => "PATCH",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    };
    let span = tracing::info_span!("request", id = %id, method = %method, route = %route);
    let mut response = next.run(req).instrument(span.clone()).await;
    let status = response.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    span.in_scope(|| tracing::debug!(status, ms = seconds * 1e3, "answered"));
    s.metrics.record(route, method, status, seconds);
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID.clone(), v);
    }
    response
}

/// A label value, escaped as the text format wants.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The resident memory of this process, in bytes (Linux).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The server's counters in the Prometheus text format: requests by
/// route, method and status; latency by route; the work pool; the store's
/// pool and schema; uptime and resident memory.
#[utoipa::path(get, path = "/metrics", tag = "service",
    responses((status = 200, description = "Prometheus text format 0.0.4", content_type = "text/plain", body = String),
              (status = 503, body = ErrorBody)))]
pub(crate) async fn metrics(State(s): State<SharedState>) -> Result<Response, ApiError> {
    let ready = s.app.readiness().await?;
    let mut out = String::with_capacity(16 * 1024);
    let m = &s.metrics;
    out.push_str("# HELP accord_http_requests_total Requests answered, by route, method and status.\n# TYPE accord_http_requests_total counter\n");
    // One pass under the lock: the answers' lines now, the latencies' after.
    let mut histograms = String::new();
    if let Ok(routes) = m.routes.lock() {
        for (route, counters) in routes.iter() {
            let route = label(route);
            for ((method, status), n) in &counters.answers {
                let _ = writeln!(
                    out,
                    "accord_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {n}",
                );
            }
            let h = &counters.latency;
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(h.buckets) {
                cumulative += n;
                let _ = writeln!(
                    histograms,
                    "accord_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                histograms,
                "accord_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\naccord_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\naccord_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count, h.sum, h.count
            );
        }
    }
    out.push_str("# HELP accord_http_request_duration_seconds Time to answer, by route.\n# TYPE accord_http_request_duration_seconds histogram\n");
    out.push_str(&histograms);
    let store = ready.store;
    let _ = write!(
        out,
        "# HELP accord_work_pool_workers Workers of the pool that runs CPU-bound work.\n# TYPE accord_work_pool_workers gauge\naccord_work_pool_workers {}\n\
         # HELP accord_work_pool_waiting Requests waiting for a worker.\n# TYPE accord_work_pool_waiting gauge\naccord_work_pool_waiting {}\n\
         # HELP accord_store_pool_connections Connections of the store's pool, by state.\n# TYPE accord_store_pool_connections gauge\n\
         accord_store_pool_connections{{state=\"idle\"}} {}\naccord_store_pool_connections{{state=\"busy\"}} {}\n\
         # HELP accord_store_migrations Schema migrations: those this build carries and those applied.\n# TYPE accord_store_migrations gauge\n\
         accord_store_migrations{{state=\"known\"}} {}\naccord_store_migrations{{state=\"applied\"}} {}\n\
         # HELP accord_search_index_open Whether the search index is open (1) or not (0).\n# TYPE accord_search_index_open gauge\naccord_search_index_open {}\n\
         # HELP accord_index_lag Changes of the search index outbox this server's index has not applied.\n# TYPE accord_index_lag gauge\naccord_index_lag {}\n\
         # HELP accord_index_lag_seconds How long the oldest change this server's index has not applied has waited.\n# TYPE accord_index_lag_seconds gauge\naccord_index_lag_seconds {:.3}\n\
         # HELP accord_uptime_seconds Seconds since the server started.\n# TYPE accord_uptime_seconds gauge\naccord_uptime_seconds {:.3}\n",
        ready.workers,
        ready.waiting,
        store.pool_idle,
        store.pool_size.saturating_sub(store.pool_idle),
        store.migrations_known,
        store.migrations_applied,
        u8::from(ready.index.is_ok()),
        ready.index_lag,
        ready.index_lag_seconds,
        m.started.elapsed().as_secs_f64(),
    );
    let cache = &s.cache;
    let (copies, bytes) = cache.held();
    let _ = write!(
        out,
        "# HELP accord_page_cache_requests_total Anonymous reads, by whether a copy of the page served them.\n# TYPE accord_page_cache_requests_total counter\n\
         accord_page_cache_requests_total{{result=\"hit\"}} {}\naccord_page_cache_requests_total{{result=\"miss\"}} {}\n\
         # HELP accord_page_cache_not_modified_total Readers told their copy is current (304).\n# TYPE accord_page_cache_not_modified_total counter\naccord_page_cache_not_modified_total {}\n\
         # HELP accord_page_cache_copies Copies of pages held.\n# TYPE accord_page_cache_copies gauge\naccord_page_cache_copies {copies}\n\
         # HELP accord_page_cache_bytes Bytes of the copies held, as sent.\n# TYPE accord_page_cache_bytes gauge\naccord_page_cache_bytes {bytes}\n",
        cache.hits.load(std::sync::atomic::Ordering::Relaxed),
        cache.misses.load(std::sync::atomic::Ordering::Relaxed),
        cache.revalidated.load(std::sync::atomic::Ordering::Relaxed),
    );
    out.push_str("# HELP accord_jobs Background jobs (imports, analyses) of every process, by status.\n# TYPE accord_jobs gauge\n");
    for (status, n) in s.app.job_counts().await? {
        let _ = writeln!(out, "accord_jobs{{status=\"{status}\"}} {n}");
    }
    if let Some(rss) = resident_bytes() {
        let _ = write!(
            out,
            "# HELP accord_resident_memory_bytes Resident memory of the server process.\n# TYPE accord_resident_memory_bytes gauge\naccord_resident_memory_bytes {rss}\n"
        );
    }
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        out,
    )
        .into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Ready {
    #[schema(example = "ready")]
    status: &'static str,
    /// The store backend: `sqlite` or `postgres`.
    store: &'static str,
    /// Schema migrations applied, all of those this build carries.
    migrations: usize,
}

/// A server whose search index is more changes behind the outbox than this
/// is not ready (it is catching up: just started, or rebuilding).
pub const INDEX_READY_LAG: i64 = 1_000;

/// Readiness: 200 when this server can serve — the store answers, its
/// schema has every migration this build carries, the search index is open
/// and at most 1,000 changes of the store behind (`INDEX_READY_LAG`);
/// 503 naming what is not so (a load balancer sends no traffic then).
/// `/healthz` says only that the process is alive and reaches its store.
#[utoipa::path(get, path = "/readyz", tag = "service",
    responses((status = 200, body = Ready), (status = 503, body = ErrorBody)))]
pub(crate) async fn readyz(State(s): State<SharedState>) -> Result<Json<Ready>, ApiError> {
    let ready = s.app.readiness().await?;
    let mut not_ready = vec![];
    if !ready.store.migrations_current() {
        not_ready.push(format!(
            "the store's schema has {} of the {} migrations this build carries (run `accord migrate`)",
            ready.store.migrations_applied, ready.store.migrations_known
        ));
    }
    if let Err(e) = &ready.index {
        not_ready.push(format!("the search index is not open: {e}"));
    }
    if ready.index_lag > INDEX_READY_LAG {
        not_ready.push(format!(
            "the search index is {} changes behind the store (at most {INDEX_READY_LAG})",
            ready.index_lag
        ));
    }
    if !not_ready.is_empty() {
        return Err(AppError::Unavailable(not_ready.join("; ")).into());
    }
    Ok(Json(Ready {
        status: "ready",
        store: s.app.backend(),
        migrations: ready.store.migrations_applied,
    }))
}

pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(readyz))
        .routes(utoipa_axum::routes!(metrics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caller_s_request_id_is_kept_only_when_sane() {
        let v = |s: &str| sane_id(&HeaderValue::from_str(s).unwrap());
        assert_eq!(v("abc-123_x.y:z").as_deref(), Some("abc-123_x.y:z"));
        assert_eq!(v(""), None);
        assert_eq!(v("a b"), None);
        assert_eq!(v("<script>"), None);
        assert_eq!(v(&"a".repeat(65)), None);
        let m = Metrics::default();
        let (a, b) = (m.new_request_id(), m.new_request_id());
        assert_ne!(a, b);
        assert!(sane_id(&HeaderValue::from_str(&a).unwrap()).is_some());
    }

    #[test]
    fn latency_lands_in_its_bucket_and_labels_are_escaped() {
        let m = Metrics::default();
        m.record("/a", "GET", 200, 0.003);
        m.record("/a", "GET", 200, 20.0);
        let routes = m.routes.lock().unwrap();
        let h = &routes["/a"].latency;
        assert_eq!(h.count, 2);
        assert_eq!(h.buckets[2], 1, "3 ms is at or under 5 ms");
        assert_eq!(h.buckets.iter().sum::<u64>(), 1, "20 s is only in +Inf");
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
