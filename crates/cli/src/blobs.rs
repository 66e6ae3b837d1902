//! Choosing the blob store (where uploaded files are kept) from `--blobs`:
//! the data directory's `blobs/` by default, another directory, or
//! S3-compatible object storage (`s3://BUCKET/PREFIX`, with credentials and
//! endpoint from the environment's `AWS_*` variables).

use crate::exit;
use accord_app::files::{BlobStore, DirBlobStore};
use accord_blobs_s3::S3BlobStore;
use std::path::Path;
use std::sync::Arc;

type Failure = (u8, String);

/// The blob store `spec` names (None: `data_dir/blobs`). A URL of another
/// scheme, or an `s3://` URL without a valid bucket, is refused as a bad URL
/// (exit 3); with `check`, object storage is reached once (exit 4 when it
/// cannot be, or refuses the credentials).
pub async fn open_blobs(
    spec: Option<&str>,
    data_dir: &Path,
    check: bool,
) -> Result<Arc<dyn BlobStore>, Failure> {
    let Some(spec) = spec.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Arc::new(DirBlobStore::new(data_dir.join("blobs"))));
    };
    if spec.starts_with("s3://") {
        let store = S3BlobStore::open(spec).map_err(|e| (exit::BAD_DATABASE_URL, e.to_string()))?;
        if check {
            store
                .check()
                .await
                .map_err(|e| (exit::DATABASE_UNAVAILABLE, e.to_string()))?;
        }
        return Ok(Arc::new(store));
    }
    if let Some((scheme, _)) = spec.split_once("://") {
        let scheme: String = scheme.chars().take(32).collect();
        return Err((
            exit::BAD_DATABASE_URL,
            format!(
                "unsupported blob store URL scheme '{scheme}': use s3://BUCKET/PREFIX or a directory"
            ),
        ));
    }
    Ok(Arc::new(DirBlobStore::new(spec)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_blob_store_is_a_directory_or_an_s3_url() {
        let data = Path::new("/srv/accord");
        let default = open_blobs(None, data, false).await.unwrap();
        assert_eq!(default.location(), "/srv/accord/blobs");
        let dir = open_blobs(Some("/mnt/files"), data, false).await.unwrap();
        assert_eq!(dir.location(), "/mnt/files");
        let s3 = open_blobs(Some("s3://accord-files/prod"), data, false)
            .await
            .unwrap();
        assert_eq!(s3.location(), "s3://accord-files/prod");
        for (bad, needle) in [
            ("gs://bucket/x", "unsupported blob store URL scheme 'gs'"),
            ("s3://", "names no bucket"),
            ("s3:///prefix", "names no bucket"),
            ("s3://Bad_Bucket", "a bucket S3 would refuse"),
            ("s3://key:secret@bucket", "takes no credentials"),
        ] {
            let (code, message) = open_blobs(Some(bad), data, false).await.err().unwrap();
            assert_eq!(code, exit::BAD_DATABASE_URL, "{bad}");
            assert!(message.contains(needle), "{bad}: {message}");
            assert!(!message.contains("secret@"), "{message}");
        }
    }
}
