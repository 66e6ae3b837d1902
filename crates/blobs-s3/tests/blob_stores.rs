//! The `BlobStore` behaviours, run against each store from one table: a
//! directory (`DirBlobStore`) and a bucket of a real S3-compatible server
//! started by the test itself (`S3BlobStore` on s3s + s3s-fs).

use accord_app::files::{sha256_hex, BlobInfo, BlobStore, ByteStream, Bytes, DirBlobStore};
use accord_blobs_s3::test_server::{S3Server, ACCESS_KEY, SECRET_KEY};
use accord_blobs_s3::{S3BlobStore, S3Url};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Arc;

/// One store under test, with the file that holds a blob's bytes (to
/// damage it behind the store's back).
struct Case {
    name: &'static str,
    store: Arc<dyn BlobStore>,
    backing: Box<dyn Fn(&str) -> PathBuf>,
}

struct Cases {
    cases: Vec<Case>,
    _server: S3Server,
    _dirs: Vec<tempfile::TempDir>,
}

fn cases() -> Cases {
    let dir = tempfile::tempdir().unwrap();
    let s3_root = tempfile::tempdir().unwrap();
    let server = S3Server::start(s3_root.path(), &["accord-blobs"]);
    let blobs = dir.path().join("blobs");
    let bucket = s3_root.path().join("accord-blobs");
    let cases = vec![
        Case {
            name: "directory",
            store: Arc::new(DirBlobStore::new(&blobs)),
            backing: Box::new(move |sha| blobs.join(&sha[..2]).join(&sha[2..4]).join(sha)),
        },
        Case {
            name: "s3",
            store: Arc::new(server.blob_store("s3://accord-blobs/prod/files")),
            backing: Box::new(move |sha| bucket.join("prod").join("files").join(sha)),
        },
    ];
    Cases {
        cases,
        _server: server,
        _dirs: vec![dir, s3_root],
    }
}

/// `size` bytes that are not all alike, as chunks of 64 KiB made on demand.
fn generated(size: usize, seed: u8) -> impl Iterator<Item = Bytes> {
    const CHUNK: usize = 64 * 1024;
    (0..size.div_ceil(CHUNK)).map(move |i| {
        let len = CHUNK.min(size - i * CHUNK);
        let bytes: Vec<u8> = (0..len)
            .map(|j| {
                ((i * CHUNK + j) as u32)
                    .wrapping_mul(2_654_435_761)
                    .to_le_bytes()[3]
                    ^ seed
            })
            .collect();
        Bytes::from(bytes)
    })
}

fn stream_of(chunks: impl Iterator<Item = Bytes> + Send + 'static) -> ByteStream {
    Box::pin(futures_util::stream::iter(chunks.map(Ok)))
}

fn hash_of(chunks: impl Iterator<Item = Bytes>) -> String {
    let mut h = Sha256::new();
    for c in chunks {
        h.update(&c);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn each_store_keeps_a_blob_once_by_its_hash() {
    let t = cases();
    for Case { name, store, .. } in &t.cases {
        let hello = sha256_hex(b"hello");
        assert!(!store.exists(&hello).await.unwrap(), "{name}");
        assert!(
            store.get(&hello).await.unwrap().is_none(),
            "{name}: missing"
        );
        assert!(
            store.open(&hello).await.unwrap().is_none(),
            "{name}: missing"
        );
        assert_eq!(store.list().await.unwrap(), vec![], "{name}: empty");

        assert!(
            store
                .put(&hello, Bytes::from_static(b"hello"))
                .await
                .unwrap(),
            "{name}: written"
        );
        assert!(store.exists(&hello).await.unwrap(), "{name}");
        assert_eq!(
            store.get(&hello).await.unwrap().unwrap(),
            b"hello",
            "{name}"
        );
        // The same bytes again: nothing is written (and a stream is not read).
        assert!(
            !store
                .put(&hello, Bytes::from_static(b"hello"))
                .await
                .unwrap(),
            "{name}"
        );
        let unread: ByteStream = Box::pin(futures_util::stream::iter([Err(
            std::io::Error::other("a stream that should not be read"),
        )]));
        assert!(!store.put_stream(&hello, unread).await.unwrap(), "{name}");

        let world = sha256_hex(b"world");
        let chunks = [Bytes::from_static(b"wor"), Bytes::from_static(b"ld")];
        assert!(
            store
                .put_stream(&world, stream_of(chunks.into_iter()))
                .await
                .unwrap(),
            "{name}"
        );
        let mut listed = vec![
            BlobInfo {
                sha256: hello.clone(),
                size: 5,
            },
            BlobInfo {
                sha256: world.clone(),
                size: 5,
            },
        ];
        listed.sort_by(|a, b| a.sha256.cmp(&b.sha256));
        assert_eq!(store.list().await.unwrap(), listed, "{name}");
        assert_eq!(
            store.verify(&world).await.unwrap(),
            Some(BlobInfo {
                sha256: world.clone(),
                size: 5
            }),
            "{name}"
        );

        // Names that are not a SHA-256 are never a path or a key.
        for bad in ["../../etc/passwd", "ABCDEF", "", &"A".repeat(64)] {
            let e = store.put(bad, Bytes::from_static(b"x")).await.unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{name}: {bad}");
            assert!(store.open(bad).await.unwrap().is_none(), "{name}: {bad}");
            assert!(!store.exists(bad).await.unwrap(), "{name}: {bad}");
        }

        store.remove(&world).await.unwrap();
        assert!(!store.exists(&world).await.unwrap(), "{name}: removed");
        store.remove(&world).await.unwrap();
        assert_eq!(store.list().await.unwrap().len(), 1, "{name}");
    }
}

#[tokio::test]
async fn a_large_blob_streams_in_and_out_in_chunks() {
    const SIZE: usize = 24 * 1024 * 1024 + 12_345;
    let t = cases();
    for Case { name, store, .. } in &t.cases {
        let sha = hash_of(generated(SIZE, 7));
        assert!(
            store
                .put_stream(&sha, stream_of(generated(SIZE, 7)))
                .await
                .unwrap(),
            "{name}"
        );
        let mut blob = store.open(&sha).await.unwrap().expect("stored");
        assert_eq!(blob.size, SIZE as u64, "{name}");
        // Read back as a stream of many chunks, none of them the whole file.
        let (mut h, mut total, mut chunks, mut largest) = (Sha256::new(), 0, 0, 0);
        while let Some(chunk) = blob.bytes.next().await {
            let chunk = chunk.unwrap();
            h.update(&chunk);
            total += chunk.len();
            chunks += 1;
            largest = largest.max(chunk.len());
        }
        let got: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            (got.as_str(), total),
            (sha.as_str(), SIZE),
            "{name}: byte for byte"
        );
        assert!(chunks > 10, "{name}: streamed in {chunks} chunks");
        assert!(
            largest <= 8 * 1024 * 1024,
            "{name}: no chunk of {largest} bytes"
        );
        assert_eq!(
            store.list().await.unwrap(),
            vec![BlobInfo {
                sha256: sha.clone(),
                size: SIZE as u64
            }],
            "{name}"
        );
    }
}

#[tokio::test]
async fn bytes_that_do_not_hash_to_their_name_are_not_kept() {
    let t = cases();
    for Case { name, store, .. } in &t.cases {
        // In memory, streamed small, and streamed large (an S3 multipart
        // upload, aborted at the end).
        let claimed = sha256_hex(b"what was promised");
        let e = store
            .put(&claimed, Bytes::from_static(b"something else"))
            .await
            .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData, "{name}: {e}");
        assert!(
            e.to_string()
                .contains(&format!("the file {claimed} hashes to ")),
            "{name}: {e}"
        );
        let e = store
            .put_stream(
                &claimed,
                stream_of([Bytes::from_static(b"other")].into_iter()),
            )
            .await
            .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData, "{name}: {e}");
        let large = 20 * 1024 * 1024;
        let e = store
            .put_stream(&claimed, stream_of(generated(large, 1)))
            .await
            .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidData, "{name}: {e}");
        // A stream that fails half-way keeps nothing either.
        let failing: ByteStream = Box::pin(
            futures_util::stream::iter(generated(large, 2).map(Ok)).chain(
                futures_util::stream::iter([Err(std::io::Error::other("the upload was cut"))]),
            ),
        );
        let e = store.put_stream(&claimed, failing).await.unwrap_err();
        assert!(e.to_string().contains("the upload was cut"), "{name}: {e}");
        assert!(!store.exists(&claimed).await.unwrap(), "{name}");
        assert_eq!(store.list().await.unwrap(), vec![], "{name}: nothing kept");
    }
}

#[tokio::test]
async fn a_blob_damaged_behind_the_stores_back_is_found_by_verify() {
    let t = cases();
    for Case {
        name,
        store,
        backing,
    } in &t.cases
    {
        let sha = sha256_hex(b"the original");
        store
            .put(&sha, Bytes::from_static(b"the original"))
            .await
            .unwrap();
        std::fs::write(backing(&sha), b"the damaged!").unwrap();
        let found = store.verify(&sha).await.unwrap().unwrap();
        assert_ne!(found.sha256, sha, "{name}");
        assert_eq!(found.sha256, sha256_hex(b"the damaged!"), "{name}");
        assert_eq!(
            store.verify(&sha256_hex(b"none")).await.unwrap(),
            None,
            "{name}"
        );
    }
}

#[tokio::test]
async fn wrong_credentials_and_an_unreachable_endpoint_are_clear_errors() {
    let root = tempfile::tempdir().unwrap();
    let server = S3Server::start(root.path(), &["accord-blobs"]);
    let url = S3Url::parse("s3://accord-blobs/x").unwrap();
    let wrong = S3BlobStore::with_builder(
        url.clone(),
        server.builder_with(ACCESS_KEY, "not-the-secret"),
    )
    .unwrap();
    let sha = sha256_hex(b"x");
    for e in [
        wrong.check().await.unwrap_err(),
        wrong.put(&sha, Bytes::from_static(b"x")).await.unwrap_err(),
        wrong.open(&sha).await.err().unwrap(),
    ] {
        assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied, "{e}");
        let message = e.to_string();
        assert!(message.contains("s3://accord-blobs/x"), "{message}");
        assert!(message.contains("AWS_SECRET_ACCESS_KEY"), "{message}");
        assert!(
            !message.contains("not-the-secret"),
            "never the secret: {message}"
        );
    }
    let unknown =
        S3BlobStore::with_builder(url.clone(), server.builder_with("nobody", SECRET_KEY)).unwrap();
    assert_eq!(
        unknown.check().await.unwrap_err().kind(),
        std::io::ErrorKind::PermissionDenied
    );
    // A bucket that is not there.
    let missing = server.blob_store("s3://no-such-bucket");
    let e = missing.check().await.unwrap_err();
    assert!(e.to_string().contains("s3://no-such-bucket"), "{e}");
    // Nothing listens: told after a few quick retries, not minutes.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let nowhere = S3BlobStore::with_builder(
        url,
        object_store::aws::AmazonS3Builder::new()
            .with_endpoint(format!("http://127.0.0.1:{port}"))
            .with_allow_http(true)
            .with_region("us-east-1")
            .with_access_key_id(ACCESS_KEY)
            .with_secret_access_key(SECRET_KEY),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let e = nowhere.check().await.unwrap_err();
    assert!(e.to_string().contains("cannot be reached"), "{e}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(40),
        "{e}"
    );
    // The server itself kept nothing.
    let right = server.blob_store("s3://accord-blobs/x");
    right.check().await.unwrap();
    assert!(!right.exists(&sha).await.unwrap());
}

#[tokio::test]
async fn stores_on_one_bucket_see_only_their_own_prefix() {
    let root = tempfile::tempdir().unwrap();
    let server = S3Server::start(root.path(), &["shared"]);
    let a = server.blob_store("s3://shared/a");
    let nested = server.blob_store("s3://shared/a/b");
    let whole = server.blob_store("s3://shared");
    let sha = sha256_hex(b"one");
    a.put(&sha, Bytes::from_static(b"one")).await.unwrap();
    assert!(a.exists(&sha).await.unwrap());
    assert!(!nested.exists(&sha).await.unwrap());
    assert!(!whole.exists(&sha).await.unwrap());
    assert_eq!(nested.list().await.unwrap(), vec![]);
    assert_eq!(
        whole.list().await.unwrap(),
        vec![],
        "a deeper key is not the root's blob"
    );
    // Two servers on one bucket and prefix share the files.
    let other_server_view = server.blob_store("s3://shared/a/");
    assert_eq!(other_server_view.get(&sha).await.unwrap().unwrap(), b"one");
}
