//! Published pages served from memory. A `GET` of a page or an API read is
//! answered from a copy when one was made at the app's current generation:
//! the store bumps its generation as each unit of work commits, before the
//! write is acknowledged, so no reader is ever served a copy older than a
//! write acknowledged to anyone. The copy is kept as the compression layer
//! sent it (brotli, gzip or plain, by the reader's `Accept-Encoding`), so a
//! hit costs neither rendering nor compressing; it carries an `ETag`, and a
//! reader who has it gets `304`.
//!
//! Whose copy: an anonymous reader's copies are shared by every anonymous
//! reader. A reader signed in by a session cookie has copies of their own,
//! keyed by their session (a page shows what their grants and authorship let
//! them see, their name and their session's form token), served only while
//! the session is current (`App::session`: signing out is a write, expiry is
//! checked on every request). A request with an `Authorization` header, a
//! `Range`, or a cookie other than the language's, the session's and the
//! form token's is passed through, and so is a form token without a session
//! (a page made for one reader's forms). An answer that sets a cookie, says
//! `no-store` or `private` (a page showing a secret), or is not a success is
//! not kept. Pages that change with the clock rather than with a write (an
//! embargo lifting, the current phase at midnight) are re-rendered at least
//! every [`FRESH_FOR`].

use crate::http::auth::{Caller, Via, FORM_COOKIE, SESSION_COOKIE};
use crate::http::{assets, i18n};
use crate::SharedState;
use accord_domain::Language;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The longest a copy is served without a write having changed anything.
pub const FRESH_FOR: Duration = Duration::from_secs(5);
/// The most bytes (as sent, compressed) the copies may hold together; when a
/// new copy would pass it, the old copies are dropped.
const CAPACITY: usize = 64 << 20;
/// A larger answer is served but not kept.
const LARGEST: usize = 4 << 20;
/// A longer address (path and query) is served but not kept.
const LONGEST_ADDRESS: usize = 2048;
/// A longer `Accept-Encoding` is served but not kept.
const LONGEST_ENCODING: usize = 128;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    address: String,
    language: Language,
    /// The reader's `Accept-Encoding` as sent: the compression layer chose
    /// the copy's encoding from it.
    encoding: String,
    /// Whose copy: `None` for anonymous readers', else a digest of the
    /// session's secret with the form token's, for that reader alone.
    reader: Option<[u8; 32]>,
}

struct Copy {
    generation: u64,
    made: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
}

/// The copies, and how often they were used (`/metrics`).
#[derive(Default)]
pub struct PageCache {
    copies: RwLock<HashMap<Key, Arc<Copy>>>,
    /// Pages being made, by key: (the generation they are made at, which
    /// making, and where its copy will be told).
    making: Mutex<HashMap<Key, Making>>,
    next_making: AtomicU64,
    bytes: AtomicUsize,
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub revalidated: AtomicU64,
}

impl PageCache {
    fn get(&self, key: &Key, generation: u64) -> Option<Arc<Copy>> {
        let copies = self.copies.read().ok()?;
        let copy = copies.get(key)?;
        (copy.generation == generation && copy.made.elapsed() < FRESH_FOR).then(|| copy.clone())
    }

    /// The reader who misses either makes the page (and tells those who
    /// wait for it when done, through the `Maker`), or waits for the copy
    /// another reader is making at the same generation: a crowd that misses
    /// together (after a write, or when a copy grows old) renders each page
    /// once, not once per reader.
    fn make_or_wait(&self, key: &Key, generation: u64) -> Turn<'_> {
        let Ok(mut making) = self.making.lock() else {
            return Turn::Make(None);
        };
        if let Some(m) = making.get(key) {
            if m.generation == generation {
                return Turn::Wait(m.copy.clone());
            }
        }
        let id = self.next_making.fetch_add(1, Ordering::Relaxed);
        let (tell, copy) = watch::channel(None);
        making.insert(
            key.clone(),
            Making {
                generation,
                id,
                copy,
            },
        );
        Turn::Make(Some(Maker {
            cache: self,
            key: key.clone(),
            id,
            tell,
        }))
    }

    fn keep(&self, key: Key, copy: Arc<Copy>) {
        let Ok(mut copies) = self.copies.write() else {
            return;
        };
        let size = copy.body.len() + key.address.len();
        if self.bytes.load(Ordering::Relaxed) + size > CAPACITY {
            copies.clear();
            self.bytes.store(0, Ordering::Relaxed);
        }
        if let Some(old) = copies.insert(key.clone(), copy) {
            self.bytes
                .fetch_sub(old.body.len() + key.address.len(), Ordering::Relaxed);
        }
        self.bytes.fetch_add(size, Ordering::Relaxed);
    }

    /// The copies held now: how many, and their bytes as sent.
    pub fn held(&self) -> (usize, usize) {
        let n = self.copies.read().map(|c| c.len()).unwrap_or_default();
        (n, self.bytes.load(Ordering::Relaxed))
    }
}

struct Making {
    generation: u64,
    id: u64,
    copy: watch::Receiver<Option<Arc<Copy>>>,
}

enum Turn<'a> {
    /// Make the page (and tell the waiters, if there is a `Maker`).
    Make(Option<Maker<'a>>),
    /// Wait for the copy another reader is making.
    Wait(watch::Receiver<Option<Arc<Copy>>>),
}

/// The reader making a page for others: tells them the copy, or, dropped
/// without one (the answer is not kept, or the reader hung up), lets them
/// make it themselves.
struct Maker<'a> {
    cache: &'a PageCache,
    key: Key,
    id: u64,
    tell: watch::Sender<Option<Arc<Copy>>>,
}

impl Maker<'_> {
    fn made(self, copy: Arc<Copy>) {
        self.tell.send_replace(Some(copy));
    }
}

impl Drop for Maker<'_> {
    fn drop(&mut self) {
        if let Ok(mut making) = self.cache.making.lock() {
            if making.get(&self.key).is_some_and(|m| m.id == self.id) {
                making.remove(&self.key);
            }
        }
    }
}

/// The key a request's copy is kept under, when it may be served from one.
fn key_of(req: &Request) -> Option<Key> {
    if req.method() != Method::GET {
        return None;
    }
    let h = req.headers();
    if h.contains_key(header::AUTHORIZATION) || h.contains_key(header::RANGE) {
        return None;
    }
    let mut session = None;
    let mut form = None;
    for pair in h
        .get_all(header::COOKIE)
        .iter()
        .map(|v| v.to_str().ok())
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
    {
        match pair.split_once('=')? {
            (name, _) if name == i18n::LANG_COOKIE => {}
            (name, value) if name == SESSION_COOKIE && session.is_none() => session = Some(value),
            (name, value) if name == FORM_COOKIE && form.is_none() => form = Some(value),
            _ => return None,
        }
    }
    let reader = match (session, form) {
        (None, None) => None,
        (None, Some(_)) => return None,
        (Some(session), form) => {
            use sha2::Digest;
            let mut digest = sha2::Sha256::new();
            digest.update(session.as_bytes());
            digest.update(b"\n");
            digest.update(form.unwrap_or("").as_bytes());
            Some(digest.finalize().into())
        }
    };
    let address = req.uri().path_and_query()?.as_str();
    let path = req.uri().path();
    if address.len() > LONGEST_ADDRESS
        || matches!(path, "/healthz" | "/readyz" | "/metrics")
        || path.ends_with("/live")
    {
        return None;
    }
    let encoding = match h.get(header::ACCEPT_ENCODING) {
        Some(v) => v.to_str().ok()?,
        None => "",
    };
    if encoding.len() > LONGEST_ENCODING {
        return None;
    }
    Some(Key {
        address: address.to_owned(),
        language: i18n::negotiate(h),
        encoding: encoding.to_owned(),
        reader,
    })
}

/// Whether an answer is one anyone may be given again.
fn keepable(response: &Response) -> bool {
    let h = response.headers();
    let cache_control = h
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let kept_type = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            ["text/html", "application/json", "image/svg+xml", "text/css"]
                .iter()
                .any(|kept| t.starts_with(kept))
        });
    response.status() == StatusCode::OK
        && kept_type
        && !h.contains_key(header::SET_COOKIE)
        && !h.contains_key(header::CONTENT_DISPOSITION)
        && !cache_control.contains("no-store")
        && !cache_control.contains("private")
}

/// The answer's own tag, else one made from the bytes kept (weak, as the
/// vote map's: the same page in another encoding has another tag).
fn etag_of(body: &[u8], headers: &HeaderMap) -> HeaderValue {
    headers
        .get(header::ETAG)
        .cloned()
        .unwrap_or_else(|| assets::etag_of(body))
}

fn matches_etag(req: &HeaderMap, etag: &HeaderValue) -> bool {
    etag.to_str()
        .is_ok_and(|etag| assets::matches_etag(req, etag))
}

impl Copy {
    fn answer(&self, req: &HeaderMap) -> Response {
        if matches_etag(req, &self.etag) {
            let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
            let h = not_modified.headers_mut();
            h.insert(header::ETAG, self.etag.clone());
            for name in [header::CACHE_CONTROL, header::VARY] {
                if let Some(v) = self.headers.get(&name) {
                    h.insert(name, v.clone());
                }
            }
            return not_modified;
        }
        let mut response = Response::new(Body::from(self.body.clone()));
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// The layer: serve from a copy, or serve and keep a copy (see the module).
pub async fn published(State(s): State<SharedState>, req: Request, next: Next) -> Response {
    let Some(key) = key_of(&req) else {
        return next.run(req).await;
    };
    let cache = &s.cache;
    // Read before rendering: a write that commits meanwhile moves the
    // generation on, so what is rendered now is never served after it.
    let generation = s.app.generation();
    let req = if key.reader.is_some() {
        // A reader's own copy is theirs only while their session is current.
        // The caller found here is the one the handler is given.
        let (mut parts, body) = req.into_parts();
        let caller = Caller::from_request_parts(&mut parts, &s).await;
        let req = Request::from_parts(parts, body);
        if !matches!(
            caller,
            Ok(Caller {
                via: Via::Cookie,
                ..
            })
        ) {
            return next.run(req).await;
        }
        req
    } else {
        req
    };
    // Only the reader's tags are needed once the request has gone on.
    let mut asked = HeaderMap::new();
    for tag in req.headers().get_all(header::IF_NONE_MATCH) {
        asked.append(header::IF_NONE_MATCH, tag.clone());
    }
    if let Some(copy) = cache.get(&key, generation) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        let answer = copy.answer(&asked);
        if answer.status() == StatusCode::NOT_MODIFIED {
            cache.revalidated.fetch_add(1, Ordering::Relaxed);
        }
        return answer;
    }
    let maker = match cache.make_or_wait(&key, generation) {
        Turn::Make(maker) => maker,
        Turn::Wait(mut copy) => {
            // The maker drops its sender once done: a copy, or none to share.
            if let Ok(made) = copy.wait_for(Option::is_some).await {
                if let Some(copy) = made.clone() {
                    cache.hits.fetch_add(1, Ordering::Relaxed);
                    return copy.answer(&asked);
                }
            }
            None
        }
    };
    cache.misses.fetch_add(1, Ordering::Relaxed);
    let response = next.run(req).await;
    if !keepable(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            tracing::warn!(error = %e, "an answer's body could not be read whole");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let etag = etag_of(&body, &parts.headers);
    parts.headers.insert(header::ETAG, etag.clone());
    parts.headers.remove(header::CONTENT_LENGTH);
    if body.len() <= LARGEST {
        let copy = Arc::new(Copy {
            generation,
            made: Instant::now(),
            status: parts.status,
            headers: parts.headers.clone(),
            body: body.clone(),
            etag: etag.clone(),
        });
        cache.keep(key, copy.clone());
        if let Some(maker) = maker {
            maker.made(copy);
        }
    }
    let copy_answer = matches_etag(&asked, &etag);
    if copy_answer {
        cache.revalidated.fetch_add(1, Ordering::Relaxed);
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        not_modified.headers_mut().insert(header::ETAG, etag);
        return not_modified;
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)]) -> Request {
        let mut r = axum::http::Request::builder().uri("/processes/gcm?x=1");
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        r.body(Body::empty()).unwrap()
    }

    #[test]
    fn who_may_be_served_a_copy() {
        assert_eq!(key_of(&request(&[])).unwrap().reader, None);
        assert_eq!(
            key_of(&request(&[("cookie", "accord_lang=fr")]))
                .unwrap()
                .reader,
            None
        );
        // A session's reader has copies of their own; another session, or the
        // same one with another form token, has others.
        let mine = key_of(&request(&[("cookie", "accord_session=abc")])).unwrap();
        let theirs = key_of(&request(&[(
            "cookie",
            "accord_lang=fr; accord_session=abd",
        )]))
        .unwrap();
        let mine_with_form = key_of(&request(&[(
            "cookie",
            "accord_session=abc; accord_form=xyz",
        )]))
        .unwrap();
        assert!(mine.reader.is_some() && theirs.reader.is_some());
        assert_ne!(mine.reader, theirs.reader);
        assert_ne!(mine.reader, mine_with_form.reader);
        for personal in [
            ("cookie", "accord_lang=fr; accord_form=xyz"),
            ("cookie", "garbage"),
            ("cookie", "accord_session=abc; tracker=1"),
            ("authorization", "Bearer acc_x"),
            ("range", "bytes=0-10"),
        ] {
            assert!(key_of(&request(&[personal])).is_none(), "{personal:?}");
        }
        let post = axum::http::Request::builder()
            .method("POST")
            .uri("/processes/gcm")
            .body(Body::empty())
            .unwrap();
        assert!(key_of(&post).is_none());
        let live = axum::http::Request::builder()
            .uri("/processes/gcm/live?topic=x")
            .body(Body::empty())
            .unwrap();
        assert!(key_of(&live).is_none());
        let long = axum::http::Request::builder()
            .uri(format!("/search?q={}", "a".repeat(3000)))
            .body(Body::empty())
            .unwrap();
        assert!(key_of(&long).is_none());
    }

    /// Readers who miss the same page at the same generation wait for the
    /// one making it, and are given its copy; a maker that keeps nothing
    /// lets them make it themselves; a reader at a newer generation never
    /// waits for an older page.
    #[tokio::test]
    async fn a_crowd_that_misses_together_makes_the_page_once() {
        let cache = PageCache::default();
        let key = key_of(&request(&[])).unwrap();
        let Turn::Make(Some(maker)) = cache.make_or_wait(&key, 7) else {
            panic!("the first reader makes the page");
        };
        let Turn::Wait(mut waiting) = cache.make_or_wait(&key, 7) else {
            panic!("the second waits for it");
        };
        assert!(
            matches!(cache.make_or_wait(&key, 8), Turn::Make(Some(_))),
            "after a write, a reader makes the page anew"
        );
        let copy = Arc::new(Copy {
            generation: 7,
            made: Instant::now(),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"the page"),
            etag: HeaderValue::from_static("W/\"x\""),
        });
        maker.made(copy);
        let given = waiting.wait_for(Option::is_some).await.unwrap().clone();
        assert_eq!(given.unwrap().body, Bytes::from_static(b"the page"));
        assert!(
            cache.making.lock().unwrap().is_empty(),
            "nothing left making"
        );

        let Turn::Make(Some(maker)) = cache.make_or_wait(&key, 9) else {
            panic!("made anew at another generation");
        };
        let Turn::Wait(mut waiting) = cache.make_or_wait(&key, 9) else {
            panic!("waits");
        };
        drop(maker);
        assert!(
            waiting.wait_for(Option::is_some).await.is_err(),
            "a maker gone without a copy frees its waiters"
        );
        assert!(matches!(cache.make_or_wait(&key, 9), Turn::Make(Some(_))));
    }

    #[test]
    fn the_language_and_encoding_are_part_of_the_key() {
        let fr = key_of(&request(&[("accept-language", "fr")])).unwrap();
        let en = key_of(&request(&[("accept-language", "en")])).unwrap();
        let br = key_of(&request(&[("accept-encoding", "br")])).unwrap();
        assert!(fr != en && en != br);
        assert_eq!(fr.language, Language::Fr);
    }
}
