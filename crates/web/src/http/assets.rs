//! The portal's static files (`static/`: the stylesheet, the script that
//! refreshes live regions, the icon), embedded at build time and served at
//! content-hashed addresses — `/static/accord.3f2a1c9e5b7d.css`, the digest
//! of the file's bytes, computed once on first use — that never change, so
//! browsers and proxies keep them a year (`immutable`). Templates get the
//! hashed address from `asset(name)`. The plain address
//! (`/static/accord.css`) keeps working, with a short cache, for whatever
//! still links to it. Also the ETag helpers for answers that can change
//! (the vote map).

use crate::http::routes::{get, PageRoutes};
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// A static file: its name, type, bytes, and the plain address's cache.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
    /// `Cache-Control` at the plain address.
    plain_cache: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "accord.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../static/accord.css"),
        plain_cache: "public, max-age=300",
    },
    Asset {
        name: "live.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../../static/live.js"),
        plain_cache: "public, max-age=300",
    },
    Asset {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../../static/favicon.svg"),
        plain_cache: "public, max-age=86400",
    },
];

/// How long a hashed address may be kept: a year, without asking again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The first 12 hexadecimal digits of the SHA-256 of `bytes`: enough to
/// tell two versions of a file (or of a vote map) apart.
pub fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// `accord.css` with the digest of `bytes` before its extension:
/// `accord.3f2a1c9e5b7d.css`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = short_hash(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Each asset's hashed name, computed once.
fn hashed_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        ASSETS
            .iter()
            .map(|a| hashed_name(a.name, a.bytes))
            .collect()
    })
}

/// The address to link to a static file by (its hashed address), or
/// `None` for a name that is not one of them.
pub fn asset_url(name: &str) -> Option<String> {
    let i = ASSETS.iter().position(|a| a.name == name)?;
    Some(format!("/static/{}", hashed_names()[i]))
}

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/static/{file}", get(static_file))
        .route("/favicon.ico", get(favicon))
}

/// A static file by its hashed name (kept a year) or its plain name (kept
/// briefly); anything else is not found.
async fn static_file(Path(file): Path<String>) -> Response {
    let hashed = hashed_names();
    let found = ASSETS.iter().enumerate().find_map(|(i, a)| {
        if hashed[i] == file {
            Some((a, IMMUTABLE))
        } else if a.name == file {
            Some((a, a.plain_cache))
        } else {
            None
        }
    });
    match found {
        Some((a, cache)) => (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, cache),
            ],
            a.bytes,
        )
            .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "no static file at this address",
        )
            .into_response(),
    }
}

async fn favicon() -> Response {
    static_file(Path("favicon.svg".to_owned())).await
}

/// Whether a request's `If-None-Match` names `etag` (or is `*`): the
/// client's copy is current. Weak and strong tags compare alike (a weak
/// comparison, RFC 9110 §13.1.2); a header that is not text matches nothing.
pub fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = opaque(etag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == ours)
}

/// A weak ETag for `bytes` (weak: the compression layer may send the same
/// content in other encodings under the same tag).
pub fn etag_of(bytes: &[u8]) -> HeaderValue {
    HeaderValue::from_str(&format!("W/\"{}\"", short_hash(bytes))).expect("hex digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_byte_changes_the_hashed_name() {
        let css = ASSETS[0].bytes;
        let name = hashed_name("accord.css", css);
        assert!(
            name.starts_with("accord.") && name.ends_with(".css"),
            "{name}"
        );
        assert_eq!(name.len(), "accord..css".len() + 12);
        assert_eq!(
            name,
            hashed_name("accord.css", css),
            "the same bytes, the same name"
        );
        for at in [0, css.len() / 2, css.len() - 1] {
            let mut changed = css.to_vec();
            changed[at] ^= 1;
            assert_ne!(hashed_name("accord.css", &changed), name, "byte {at}");
        }
        assert_eq!(asset_url("accord.css"), Some(format!("/static/{name}")));
        assert_eq!(asset_url("../Cargo.toml"), None);
    }

    #[test]
    fn if_none_match_is_read_as_a_list_of_tags_and_nothing_else() {
        let etag = "W/\"0123456789ab\"";
        let with = |v: &[u8]| {
            let mut h = HeaderMap::new();
            h.insert(header::IF_NONE_MATCH, HeaderValue::from_bytes(v).unwrap());
            matches_etag(&h, etag)
        };
        assert!(with(b"W/\"0123456789ab\""));
        assert!(with(b"\"0123456789ab\""));
        assert!(with(b"\"x\", W/\"0123456789ab\""));
        assert!(with(b"*"));
        assert!(!matches_etag(&HeaderMap::new(), etag));
        for hostile in [
            &b"\"0123456789ac\""[..],
            b"0123456789ab",
            b"W/",
            b"",
            b",,,,",
            b"\"0123456789ab",
            b"\xff\xfe\"0123456789ab\"",
            b"W/W/\"0123456789ab\"x",
        ] {
            assert!(!with(hostile), "{:?}", String::from_utf8_lossy(hostile));
        }
    }
}
