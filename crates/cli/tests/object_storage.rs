//! Uploaded files in object storage, as an operator runs it: `accord serve
//! --blobs s3://…` against a real S3-compatible server (s3s over s3s-fs,
//! started by the test on 127.0.0.1) with the credentials in the
//! environment; a file uploaded and downloaded through HTTP, read by the
//! background job from the bucket; a backup of that installation restored
//! into directory blobs and into another prefix; bad URLs and refused
//! credentials told before anything starts, never echoing the secret.

mod common;

use accord_blobs_s3::test_server::S3Server;
use sha2::Digest;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

fn accord(dir: &Path, s3: &S3Server) -> Command {
    let mut c = Command::new(ACCORD);
    c.current_dir(dir)
        .env_remove("ACCORD_DATABASE_URL")
        .env_remove("ACCORD_BLOBS")
        .env_remove("AWS_ALLOW_HTTP")
        .env("ACCORD_LOG", "error")
        .envs(s3.env());
    c
}

fn run(dir: &Path, s3: &S3Server, args: &[&str]) -> Output {
    accord(dir, s3).args(args).output().unwrap()
}

fn ok(dir: &Path, s3: &S3Server, args: &[&str]) -> String {
    let out = run(dir, s3, args);
    assert!(
        out.status.success(),
        "accord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(dir: &Path, s3: &S3Server, args: &[&str]) -> Server {
        let mut child = accord(dir, s3)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = common::served_address(&mut child);
        Server { child, addr }
    }

    /// One request; its status, headers and body.
    fn request(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: &[u8],
    ) -> (u16, String, Vec<u8>) {
        let addr = &self.addr;
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut response = vec![];
        stream.read_to_end(&mut response).unwrap();
        let end = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&response[..end]).into_owned();
        let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap();
        (status, head, response[end + 4..].to_vec())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sqlite(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// Files under a directory, recursively, by name.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.file_name().unwrap().to_str().unwrap().to_owned());
            }
        }
    }
    out.sort();
    out
}

/// A text file of about 3 MB (over the 2 MiB read at once: a background
/// job reads it back from the bucket).
fn large_text() -> Vec<u8> {
    let mut text = String::from("# A note on the compact\n\n");
    let mut i = 0;
    while text.len() < 3 * 1024 * 1024 {
        i += 1;
        text.push_str(&format!(
            "Paragraph {i}: States should protect the rights of all migrants, whatever their status, and cooperate on safe, orderly and regular migration.\n\n"
        ));
    }
    text.into_bytes()
}

#[test]
fn serve_keeps_uploads_in_object_storage_and_a_backup_restores_them_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let s3_root = dir.join("s3");
    let s3 = S3Server::start(&s3_root, &["accord-files"]);
    let data = dir.join("source");
    let url = sqlite(&data.join("accord.db"));
    let blobs = "s3://accord-files/prod/blobs";
    ok(dir, &s3, &["demo", "gcm", "--database", &url]);
    ok(
        dir,
        &s3,
        &[
            "user",
            "add",
            "--email",
            "sec@example.org",
            "--role",
            "secretariat",
            "--database",
            &url,
        ],
    );
    let token = ok(
        dir,
        &s3,
        &[
            "token",
            "create",
            "--email",
            "sec@example.org",
            "--name",
            "s3 test",
            "--database",
            &url,
        ],
    )
    .trim()
    .to_owned();

    let server = Server::start(dir, &s3, &["--database", &url, "--blobs", blobs]);
    let bytes = large_text();
    let (status, _, answer) = server.request(
        "PUT",
        "/api/v1/processes/gcm/documents/1/files/en?filename=note.md",
        &token,
        &bytes,
    );
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert_eq!(status, 202, "read in the background: {answer}");
    let sha = sha256(&bytes);
    assert!(answer.contains(&sha), "{answer}");
    // In the bucket under the prefix, by its hash; nothing in the data dir.
    let object = s3_root.join("accord-files/prod/blobs").join(&sha);
    assert_eq!(std::fs::read(&object).unwrap(), bytes);
    assert!(files_under(&data.join("blobs")).is_empty());

    // The background job reads the file back from the bucket.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (status, _, body) =
            server.request("GET", "/api/v1/processes/gcm/documents/1", &token, b"");
        let body = String::from_utf8_lossy(&body).into_owned();
        assert_eq!(status, 200, "{body}");
        if body.contains(r#""status":"ready""#) && body.contains("Paragraph 1000:") {
            break;
        }
        assert!(!body.contains(r#""status":"failed""#), "{body}");
        assert!(
            Instant::now() < deadline,
            "never read: {}",
            &body[..body.len().min(2000)]
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    // Downloaded through HTTP, streamed from the bucket, byte for byte.
    let (status, head, got) = server.request("GET", "/processes/gcm/documents/1/files/en", "", b"");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains(&format!("content-length: {}", bytes.len())),
        "{head}"
    );
    assert_eq!(got.len(), bytes.len());
    assert_eq!(sha256(&got), sha);

    // A backup while it serves takes the bucket's files.
    let backup = dir.join("on-s3.tar.gz");
    let out = ok(
        dir,
        &s3,
        &[
            "backup",
            "--to",
            backup.to_str().unwrap(),
            "--database",
            &url,
            "--blobs",
            blobs,
        ],
    );
    assert!(out.contains("1 files"), "{out}");
    drop(server);

    // Restored into an installation whose files are in a directory.
    let restored = dir.join("restored");
    let out = ok(
        dir,
        &s3,
        &[
            "restore",
            "--from",
            backup.to_str().unwrap(),
            "--database",
            &sqlite(&restored.join("accord.db")),
        ],
    );
    assert!(out.contains("every count and file verified"), "{out}");
    let on_disk = restored
        .join("blobs")
        .join(&sha[..2])
        .join(&sha[2..4])
        .join(&sha);
    assert_eq!(std::fs::read(on_disk).unwrap(), bytes);

    // And into another prefix of the bucket.
    let again = dir.join("again");
    ok(
        dir,
        &s3,
        &[
            "restore",
            "--from",
            backup.to_str().unwrap(),
            "--database",
            &sqlite(&again.join("accord.db")),
            "--blobs",
            "s3://accord-files/restored",
        ],
    );
    assert_eq!(
        std::fs::read(s3_root.join("accord-files/restored").join(&sha)).unwrap(),
        bytes
    );
    assert!(files_under(&again.join("blobs")).is_empty());

    // Copied from the bucket to a directory by `copy`.
    let copied = dir.join("copied");
    ok(
        dir,
        &s3,
        &[
            "copy",
            "--from",
            &url,
            "--from-blobs",
            blobs,
            "--to",
            &sqlite(&copied.join("accord.db")),
        ],
    );
    assert_eq!(files_under(&copied.join("blobs")), vec![sha.clone()]);
}

#[test]
fn a_bad_blob_store_or_refused_credentials_stop_the_server_before_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let s3 = S3Server::start(&dir.join("s3"), &["accord-files"]);
    let url = sqlite(&dir.join("data/accord.db"));
    let serve = |blobs: &str, env: &[(&str, &str)]| {
        let out = accord(dir, &s3)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--database",
                &url,
                "--blobs",
                blobs,
            ])
            .envs(env.iter().copied())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.stdout,
        )
    };
    for (blobs, needle) in [
        (
            "gs://accord-files/x",
            "unsupported blob store URL scheme 'gs'",
        ),
        ("s3://", "names no bucket"),
        ("s3://x", "a bucket S3 would refuse"),
        ("s3://key:hunter2@accord-files/x", "takes no credentials"),
    ] {
        let (code, stderr, stdout) = serve(blobs, &[]);
        assert_eq!(code, Some(3), "{blobs}: {stderr}");
        assert!(stderr.contains(needle), "{blobs}: {stderr}");
        assert!(!stderr.contains("hunter2"), "{stderr}");
        assert!(
            stdout.is_empty(),
            "never served: {}",
            String::from_utf8_lossy(&stdout)
        );
    }
    // Refused credentials, a missing bucket, a plain-HTTP endpoint elsewhere.
    let (code, stderr, _) = serve(
        "s3://accord-files/x",
        &[("AWS_SECRET_ACCESS_KEY", "wrong-secret-9f2c")],
    );
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stderr.contains("s3://accord-files/x"), "{stderr}");
    assert!(stderr.contains("AWS_SECRET_ACCESS_KEY"), "{stderr}");
    assert!(
        !stderr.contains("wrong-secret-9f2c"),
        "never the secret: {stderr}"
    );
    let (code, stderr, _) = serve("s3://no-such-bucket", &[]);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stderr.contains("s3://no-such-bucket"), "{stderr}");
    let (code, stderr, _) = serve(
        "s3://accord-files/x",
        &[("AWS_ENDPOINT_URL", "http://s3.example.org:9000")],
    );
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("AWS_ALLOW_HTTP=true"), "{stderr}");

    // --help names where the credentials go.
    let help = ok(dir, &s3, &["serve", "--help"]);
    for var in [
        "--blobs",
        "s3://BUCKET/PREFIX",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_REGION",
        "AWS_ENDPOINT_URL",
        "ACCORD_BLOBS",
    ] {
        assert!(help.contains(var), "{var} in {help}");
    }
}
