//! Uploaded files in S3-compatible object storage: a `BlobStore` (the
//! trait of `accord_app::files`) on a bucket, chosen by a URL
//! (`s3://bucket/prefix`), with credentials and the endpoint from the
//! environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`,
//! `AWS_ENDPOINT_URL`, `AWS_ALLOW_HTTP`, …; never from the URL).
//!
//! Blobs are content-addressed as in a directory: the object
//! `prefix/<sha256>`, written once (an object already there is not written
//! again) and whole or not at all: bytes in memory go up in one PUT, a
//! stream in parts of a multipart upload that is completed only once the
//! bytes are known to hash to their name (else it is aborted and nothing is
//! visible). Downloads stream the object's body.

use accord_app::files::{
    hash_mismatch, hex, is_sha256, sha256_hex, Blob, BlobInfo, BlobStore, ByteStream, Bytes,
};
use async_trait::async_trait;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;

#[cfg(feature = "test-server")]
pub mod test_server;

/// A multipart upload's part (S3 takes 5 MiB at least, but the last).
const PART_SIZE: usize = 8 * 1024 * 1024;
/// Parts in flight at once during a multipart upload.
const PARTS_IN_FLIGHT: usize = 2;

/// What `--blobs s3://…` names: a bucket and a key prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Url {
    pub bucket: String,
    /// The keys' prefix, without leading or trailing `/` (may be empty).
    pub prefix: String,
}

impl std::fmt::Display for S3Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.prefix.is_empty() {
            write!(f, "s3://{}", self.bucket)
        } else {
            write!(f, "s3://{}/{}", self.bucket, self.prefix)
        }
    }
}

/// Why a blob-store URL or the environment that goes with it is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl S3Url {
    /// Reads `s3://bucket[/prefix]`. Credentials are never part of it.
    pub fn parse(url: &str) -> Result<S3Url, ConfigError> {
        let bad = |why: &str| ConfigError(format!("the blob store URL '{url}' {why}"));
        let Some(rest) = url.strip_prefix("s3://") else {
            return Err(bad(
                "is not s3://BUCKET/PREFIX (object storage) nor a directory",
            ));
        };
        if rest.contains(['@', '?', '#']) {
            return Err(ConfigError(
                "the blob store URL takes no credentials, query or fragment: give them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                    .into(),
            ));
        }
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(bad("names no bucket (s3://BUCKET/PREFIX)"));
        }
        // S3's bucket naming rules: 3 to 63 lower-case letters, digits,
        // dots and hyphens, starting and ending with a letter or digit.
        let valid = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-'))
            && bucket.as_bytes()[0].is_ascii_alphanumeric()
            && bucket.as_bytes()[bucket.len() - 1].is_ascii_alphanumeric();
        if !valid {
            return Err(bad(
                "names a bucket S3 would refuse (3 to 63 lower-case letters, digits, dots and hyphens)",
            ));
        }
        let prefix = prefix.trim_matches('/');
        if !prefix.is_empty() {
            let parts_ok = prefix.split('/').all(|p| {
                !p.is_empty()
                    && p != "."
                    && p != ".."
                    && p.chars().all(|c| !c.is_control() && c != '\\' && c != '*')
            });
            if !parts_ok || Path::parse(prefix).is_err() {
                return Err(bad("has a prefix that is not a plain key path"));
            }
        }
        Ok(S3Url {
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
        })
    }
}

/// The environment's settings for object storage (`AWS_*` variables), as
/// `object_store` reads them, checked for what would otherwise fail late.
fn builder_from_env(url: &S3Url) -> Result<AmazonS3Builder, ConfigError> {
    let mut b = AmazonS3Builder::from_env().with_bucket_name(&url.bucket);
    let endpoint = b
        .get_config_value(&AmazonS3ConfigKey::Endpoint)
        .unwrap_or_default();
    if let Some(host) = endpoint.strip_prefix("http://") {
        let host = host.split('/').next().unwrap_or_default();
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
        let allowed = std::env::var("AWS_ALLOW_HTTP").is_ok_and(|v| v.eq_ignore_ascii_case("true"));
        if loopback {
            b = b.with_allow_http(true);
        } else if !allowed {
            return Err(ConfigError(format!(
                "the object storage endpoint {endpoint} is plain HTTP: use https://, or set AWS_ALLOW_HTTP=true for a server on a private network"
            )));
        }
    }
    Ok(b)
}

/// Blobs as objects `prefix/<sha256>` in a bucket of S3-compatible storage.
pub struct S3BlobStore {
    store: Arc<AmazonS3>,
    url: S3Url,
}

impl S3BlobStore {
    /// The store `s3://bucket/prefix` names, with the environment's
    /// credentials, region and endpoint. Nothing is contacted yet: `check`
    /// does that.
    pub fn open(url: &str) -> Result<S3BlobStore, ConfigError> {
        let url = S3Url::parse(url)?;
        S3BlobStore::with_builder(url.clone(), builder_from_env(&url)?)
    }

    /// The store at `url` with settings given here rather than by the
    /// environment (tests; several stores in one process).
    pub fn with_builder(url: S3Url, builder: AmazonS3Builder) -> Result<S3BlobStore, ConfigError> {
        // reqwest's TLS (rustls) takes ring as its provider; a provider
        // installed already (by another part of the program) is kept.
        // (ring's provider is deprecated in rustls for lacking post-quantum
        // key exchange; aws-lc-rs, which has it, costs minutes to build.)
        #[allow(deprecated)]
        let _ = rustls::crypto::ring::default_provider().install_default();
        let retry = object_store::RetryConfig {
            max_retries: 3,
            retry_timeout: Duration::from_secs(30),
            ..Default::default()
        };
        let store = builder
            .with_bucket_name(&url.bucket)
            .with_retry(retry)
            .build()
            .map_err(|e| ConfigError(format!("object storage {url}: {e}")))?;
        Ok(S3BlobStore {
            store: Arc::new(store),
            url,
        })
    }

    /// Reaches the bucket (lists a key under the prefix): an unreachable
    /// endpoint, a missing bucket or refused credentials are told here, at
    /// start, rather than at the first upload.
    pub async fn check(&self) -> std::io::Result<()> {
        let prefix = self.prefix_path();
        let mut list = self.store.list(prefix.as_ref());
        match list.next().await {
            None | Some(Ok(_)) => Ok(()),
            Some(Err(e)) => Err(self.error("cannot be reached", &e)),
        }
    }

    fn prefix_path(&self) -> Option<Path> {
        (!self.url.prefix.is_empty()).then(|| Path::from(self.url.prefix.as_str()))
    }

    fn key(&self, sha256: &str) -> Path {
        if self.url.prefix.is_empty() {
            Path::from(sha256)
        } else {
            Path::from(format!("{}/{sha256}", self.url.prefix))
        }
    }

    fn checked_key(&self, sha256: &str) -> std::io::Result<Path> {
        if is_sha256(sha256) {
            Ok(self.key(sha256))
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a SHA-256",
            ))
        }
    }

    /// An `object_store` error as an IO error that says which store and
    /// what failed (its text names the bucket and key, never the secret).
    fn error(&self, what: &str, e: &object_store::Error) -> std::io::Error {
        use std::io::ErrorKind;
        let text = e.to_string();
        let kind = match e {
            object_store::Error::NotFound { .. } => ErrorKind::NotFound,
            object_store::Error::PermissionDenied { .. }
            | object_store::Error::Unauthenticated { .. } => ErrorKind::PermissionDenied,
            // A list request's refusal comes as a generic error (its
            // status is not exposed otherwise).
            _ if text.contains("403 Forbidden") || text.contains("401 Unauthorized") => {
                ErrorKind::PermissionDenied
            }
            _ => ErrorKind::Other,
        };
        let hint = match kind {
            ErrorKind::PermissionDenied => {
                " (check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and the bucket's policy)"
            }
            _ => "",
        };
        std::io::Error::new(
            kind,
            format!("object storage {}: {what}: {text}{hint}", self.url),
        )
    }

    async fn put_parts(
        &self,
        sha256: &str,
        key: &Path,
        first: Bytes,
        mut hasher: Sha256,
        mut rest: ByteStream,
    ) -> std::io::Result<()> {
        let upload = self
            .store
            .put_multipart(key)
            .await
            .map_err(|e| self.error("cannot start an upload", &e))?;
        let mut w = WriteMultipart::new_with_chunk_size(upload, PART_SIZE);
        w.put(first);
        let streamed = async {
            while let Some(chunk) = rest.next().await {
                let chunk = chunk?;
                hasher.update(&chunk);
                w.wait_for_capacity(PARTS_IN_FLIGHT)
                    .await
                    .map_err(|e| self.error("cannot upload", &e))?;
                w.put(chunk);
            }
            let got = hex(&hasher.finalize());
            if got != sha256 {
                return Err(hash_mismatch(sha256, &got));
            }
            Ok(())
        }
        .await;
        match streamed {
            Ok(()) => {
                w.finish()
                    .await
                    .map_err(|e| self.error("cannot complete an upload", &e))?;
                Ok(())
            }
            Err(e) => {
                // Nothing of an aborted multipart upload is ever visible.
                let _ = w.abort().await;
                Err(e)
            }
        }
    }
}

#[async_trait]
impl BlobStore for S3BlobStore {
    fn location(&self) -> String {
        self.url.to_string()
    }

    async fn put_stream(&self, sha256: &str, mut bytes: ByteStream) -> std::io::Result<bool> {
        let key = self.checked_key(sha256)?;
        if self.exists(sha256).await? {
            return Ok(false);
        }
        // Up to a part's worth in memory: a small blob goes up in one PUT.
        let mut hasher = Sha256::new();
        let mut head = bytes::BytesMut::new();
        while head.len() < PART_SIZE {
            match bytes.next().await {
                Some(chunk) => {
                    let chunk = chunk?;
                    hasher.update(&chunk);
                    head.extend_from_slice(&chunk);
                }
                None => {
                    let got = hex(&hasher.finalize());
                    if got != sha256 {
                        return Err(hash_mismatch(sha256, &got));
                    }
                    self.store
                        .put(&key, PutPayload::from_bytes(head.freeze()))
                        .await
                        .map_err(|e| self.error("cannot store a file", &e))?;
                    return Ok(true);
                }
            }
        }
        self.put_parts(sha256, &key, head.freeze(), hasher, bytes)
            .await
            .map(|()| true)
    }

    async fn put(&self, sha256: &str, bytes: Bytes) -> std::io::Result<bool> {
        let key = self.checked_key(sha256)?;
        if self.exists(sha256).await? {
            return Ok(false);
        }
        let got = sha256_hex(&bytes);
        if got != sha256 {
            return Err(hash_mismatch(sha256, &got));
        }
        // The upload's own bytes, not a copy, in one PUT (S3 takes up to 5 GB).
        self.store
            .put(&key, PutPayload::from_bytes(bytes))
            .await
            .map_err(|e| self.error("cannot store a file", &e))?;
        Ok(true)
    }

    async fn open(&self, sha256: &str) -> std::io::Result<Option<Blob>> {
        if !is_sha256(sha256) {
            return Ok(None);
        }
        match self.store.get(&self.key(sha256)).await {
            Ok(got) => {
                let size = got.meta.size;
                let url = self.url.clone();
                let bytes = got.into_stream().map_err(move |e| {
                    std::io::Error::other(format!("object storage {url}: reading a file: {e}"))
                });
                Ok(Some(Blob {
                    size,
                    bytes: Box::pin(bytes),
                }))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.error("cannot read a file", &e)),
        }
    }

    async fn exists(&self, sha256: &str) -> std::io::Result<bool> {
        if !is_sha256(sha256) {
            return Ok(false);
        }
        match self.store.head(&self.key(sha256)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(self.error("cannot look a file up", &e)),
        }
    }

    async fn list(&self) -> std::io::Result<Vec<BlobInfo>> {
        let prefix = self.prefix_path();
        // Only the prefix's own level: `prefix/<sha256>`, nothing deeper.
        let listed = self
            .store
            .list_with_delimiter(prefix.as_ref())
            .await
            .map_err(|e| self.error("cannot list the files", &e))?;
        let mut out: Vec<BlobInfo> = listed
            .objects
            .into_iter()
            .filter_map(|o| {
                let name = o.location.filename()?.to_owned();
                is_sha256(&name).then_some(BlobInfo {
                    sha256: name,
                    size: o.size,
                })
            })
            .collect();
        out.sort_by(|a, b| a.sha256.cmp(&b.sha256));
        Ok(out)
    }

    async fn remove(&self, sha256: &str) -> std::io::Result<()> {
        if !is_sha256(sha256) {
            return Ok(());
        }
        match self.store.delete(&self.key(sha256)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.error("cannot remove a file", &e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_a_bucket_and_a_prefix_and_nothing_else() {
        assert_eq!(
            S3Url::parse("s3://accord-files/prod/blobs/").unwrap(),
            S3Url {
                bucket: "accord-files".into(),
                prefix: "prod/blobs".into()
            }
        );
        assert_eq!(S3Url::parse("s3://abc").unwrap().prefix, "");
        assert_eq!(
            S3Url::parse("s3://abc/x").unwrap().to_string(),
            "s3://abc/x"
        );
        for bad in [
            "",
            "s3://",
            "s3:///prefix",
            "s3://ab",
            "s3://Upper",
            "s3://-abc",
            "s3://abc-",
            "s3://a_b_c",
            &format!("s3://{}", "a".repeat(64)),
            "gs://bucket/x",
            "http://bucket/x",
            "s3://key:secret@bucket/x",
            "s3://bucket/x?secret=1",
            "s3://bucket/x#y",
            "s3://bucket/../x",
            "s3://bucket/a//b",
            "s3://bucket/a/\u{7}",
            "s3://bucket/a\\b",
        ] {
            let e = S3Url::parse(bad).unwrap_err();
            assert!(
                !e.0.contains("secret"),
                "a refused URL's credentials are not repeated: {e}"
            );
        }
    }
}
