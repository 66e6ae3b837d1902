//! A real S3-compatible server for tests, in the test's own process: `s3s`
//! (the S3 protocol: SigV4 authentication, XML, multipart uploads) over
//! `s3s-fs` (buckets as directories), served by hyper on 127.0.0.1 at a
//! free port, on a thread and runtime of its own (so a synchronous test, or
//! a child `accord` process, can use it), until it is dropped.

use crate::S3Url;
use hyper_util::rt::{TokioExecutor, TokioIo};
use object_store::aws::AmazonS3Builder;
use std::path::Path;

/// The access key the server takes.
pub const ACCESS_KEY: &str = "accord-test";
/// Its secret.
pub const SECRET_KEY: &str = "accord-test-secret-key";
/// The region signed for (s3s checks the signature, not the region).
pub const REGION: &str = "us-east-1";

/// A running server; stops when dropped.
pub struct S3Server {
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl S3Server {
    /// Serves the directories under `root` as buckets, and makes `buckets`
    /// there (empty).
    pub fn start(root: &Path, buckets: &[&str]) -> S3Server {
        for b in buckets {
            std::fs::create_dir_all(root.join(b)).expect("a bucket's directory");
        }
        let fs = s3s_fs::FileSystem::new(root).expect("s3s-fs on the directory");
        let service = {
            let mut b = s3s::service::S3ServiceBuilder::new(fs);
            b.set_auth(s3s::auth::SimpleAuth::from_single(ACCESS_KEY, SECRET_KEY));
            b.build()
        };
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener.set_nonblocking(true).expect("non-blocking");
        let endpoint = format!("http://{}", listener.local_addr().expect("its address"));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the S3 server's runtime");
            rt.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
                let http = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                let mut stopped = std::pin::pin!(stopped);
                loop {
                    let socket = tokio::select! {
                        accepted = listener.accept() => match accepted {
                            Ok((socket, _)) => socket,
                            Err(_) => continue,
                        },
                        _ = stopped.as_mut() => break,
                    };
                    let conn = http
                        .serve_connection(TokioIo::new(socket), service.clone())
                        .into_owned();
                    tokio::spawn(async move {
                        let _ = conn.await;
                    });
                }
            });
            rt.shutdown_background();
        });
        S3Server {
            endpoint,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The environment an `accord` process needs to reach this server.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ACCESS_KEY_ID", ACCESS_KEY.into()),
            ("AWS_SECRET_ACCESS_KEY", SECRET_KEY.into()),
            ("AWS_REGION", REGION.into()),
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
        ]
    }

    /// A client's settings for this server, with the given credentials.
    pub fn builder_with(&self, access_key: &str, secret_key: &str) -> AmazonS3Builder {
        AmazonS3Builder::new()
            .with_endpoint(&self.endpoint)
            .with_allow_http(true)
            .with_region(REGION)
            .with_access_key_id(access_key)
            .with_secret_access_key(secret_key)
    }

    /// A blob store on `s3://bucket/prefix` of this server.
    pub fn blob_store(&self, url: &str) -> crate::S3BlobStore {
        let url = S3Url::parse(url).expect("an s3:// URL");
        crate::S3BlobStore::with_builder(url, self.builder_with(ACCESS_KEY, SECRET_KEY))
            .expect("a client for the test server")
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
