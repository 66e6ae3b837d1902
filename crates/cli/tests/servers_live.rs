//! Two `accord serve` on one fresh PostgreSQL database and one S3 bucket (issue 19, item 1),
//! and — when `nginx` is installed — nginx round-robin in front of them: a
//! write through one is read back through the other at once (no stale copy
//! of the page cache), a live event of one reaches a listener of the other
//! within a second (and each listener hears it once), a document uploaded
//! through one is found by search on the other within two seconds (and its
//! file read from the bucket by the other). Then the
//! second server's index lag under a stream of writes through the first is
//! measured and printed (`--nocapture`).
//!
//! Skips (passes, saying so) without `ACCORD_TEST_POSTGRES_URL`.

mod common;

use accord_blobs_s3::test_server::S3Server;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

/// The longest a step may take before the test fails instead of hanging.
const DEADLINE: Duration = Duration::from_secs(60);

fn accord(dir: &Path, database: &str, args: &[&str]) -> String {
    let out = Command::new(ACCORD)
        .args(args)
        .current_dir(dir)
        .env("ACCORD_DATABASE_URL", database)
        .env("ACCORD_LOG", "error")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "accord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A child process killed however the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `accord serve`; its address once it says it serves.
fn serve(dir: &Path, database: &str, s3: &S3Server, extra: &[&str]) -> (Running, String) {
    let mut child = Command::new(ACCORD)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .current_dir(dir)
        .envs(s3.env())
        .env("ACCORD_DATABASE_URL", database)
        .env("ACCORD_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let addr = common::served_address(&mut child);
    (Running(child), addr)
}

/// One request on its own connection: the status and the body.
fn request(
    addr: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &[u8],
) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    let kind = if method == "PUT" && path.contains("/files/") {
        "text/plain"
    } else {
        "application/json"
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Type: {kind}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {response:?}"));
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        unchunk(body)
    } else {
        body.to_owned()
    };
    (status, body)
}

fn unchunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// An open stream of server-sent events.
struct Live(BufReader<TcpStream>);

impl Live {
    fn open(addr: &str, path: &str) -> Live {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        // The stream is subscribed once its head is sent.
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
        }
        Live(reader)
    }

    /// The data of the next `change` event.
    fn next_change(&mut self) -> String {
        let mut event = String::new();
        loop {
            let mut line = String::new();
            assert!(self.0.read_line(&mut line).unwrap() > 0, "the stream ended");
            let line = line.trim_end();
            if let Some(e) = line.strip_prefix("event:") {
                event = e.trim().to_owned();
            } else if let Some(data) = line.strip_prefix("data:") {
                if event == "change" {
                    return data.trim().to_owned();
                }
            }
        }
    }
}

/// nginx round-robin over `servers`, as this user, in `dir`; its address.
fn nginx(dir: &Path, servers: &[&str]) -> Option<(Running, String)> {
    let binary = ["nginx", "/usr/sbin/nginx"]
        .into_iter()
        .find(|b| Command::new(b).arg("-v").output().is_ok())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let prefix = dir.join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let upstream: String = servers
        .iter()
        .map(|s| format!("server {s};"))
        .collect::<Vec<_>>()
        .join(" ");
    let p = prefix.display();
    let conf = format!(
        "{user}worker_processes 1; daemon off; pid {p}/nginx.pid; error_log {p}/logs/error.log;\n\
         events {{ worker_connections 64; }}\n\
         http {{ access_log off;\n\
           client_body_temp_path {p}/body; proxy_temp_path {p}/proxy; fastcgi_temp_path {p}/fcgi;\n\
           uwsgi_temp_path {p}/uwsgi; scgi_temp_path {p}/scgi;\n\
           upstream accord {{ {upstream} }}\n\
           server {{ listen 127.0.0.1:{port}; client_max_body_size 10m;\n\
             location / {{ proxy_pass http://accord; proxy_http_version 1.1; proxy_buffering off; }} }} }}\n",
        user = if root { "user root;\n" } else { "" },
    );
    std::fs::write(prefix.join("nginx.conf"), conf).unwrap();
    let child = Command::new(binary)
        .args(["-p", &p.to_string(), "-c", &format!("{p}/nginx.conf")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let running = Running(child);
    let addr = format!("127.0.0.1:{port}");
    let since = Instant::now();
    while TcpStream::connect(&addr).is_err() {
        assert!(since.elapsed() < DEADLINE, "nginx did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    Some((running, addr))
}

/// A fresh database on the test server, dropped at the end.
struct Database {
    server: String,
    name: String,
    url: String,
}

impl Database {
    fn create(server: &str) -> Database {
        let name = format!(
            "accord_live_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis()
        );
        admin(server, &format!("CREATE DATABASE {name}"));
        let (base, query) = server.split_once('?').unwrap_or((server, ""));
        let (host, _) = base.rsplit_once('/').unwrap();
        let url = if query.is_empty() {
            format!("{host}/{name}")
        } else {
            format!("{host}/{name}?{query}")
        };
        Database {
            server: server.to_owned(),
            name,
            url,
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        admin(
            &self.server,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

fn admin(server: &str, sql: &str) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(server)
            .await
            .expect("PostgreSQL answers");
        sqlx::Executor::execute(&mut c, sql).await.unwrap();
    });
}

fn title_of(addr: &str, slug: &str) -> String {
    let (status, body) = request(addr, "GET", &format!("/api/v1/processes/{slug}"), None, b"");
    assert_eq!(status, 200, "{body}");
    json(&body)["title"].as_str().unwrap().to_owned()
}

fn edit_title(addr: &str, token: &str, slug: &str, title: &str) {
    let body = format!(
        r#"{{"title":"{title}","languages":["en"],"meeting_kinds":["negotiation_round"],"reason":"test"}}"#
    );
    let (status, answer) = request(
        addr,
        "PUT",
        &format!("/api/v1/processes/{slug}"),
        Some(token),
        body.as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
}

fn metric(addr: &str, name: &str) -> f64 {
    let (status, body) = request(addr, "GET", "/metrics", None, b"");
    assert_eq!(status, 200);
    body.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in /metrics"))
}

#[test]
fn two_servers_on_one_postgres_database() {
    let Ok(server) = std::env::var("ACCORD_TEST_POSTGRES_URL") else {
        eprintln!("skipped: ACCORD_TEST_POSTGRES_URL is not set");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = Database::create(&server);
    let url = db.url.as_str();
    accord(
        dir.path(),
        url,
        &[
            "user",
            "add",
            "--email",
            "ops@example.org",
            "--role",
            "secretariat",
        ],
    );
    let token = accord(
        dir.path(),
        url,
        &[
            "token",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "live",
        ],
    )
    .trim()
    .to_owned();
    let token = token.as_str();
    // One bucket for both servers' files (a real S3-compatible server, in
    // this process), each server's own data directory for its index.
    let s3 = S3Server::start(&dir.path().join("s3"), &["accord"]);
    let blobs = "s3://accord/files";
    let (data_a, data_b) = (dir.path().join("a"), dir.path().join("b"));
    let (_one, a) = serve(
        dir.path(),
        url,
        &s3,
        &["--data-dir", data_a.to_str().unwrap(), "--blobs", blobs],
    );
    let (_two, b) = serve(
        dir.path(),
        url,
        &s3,
        &["--data-dir", data_b.to_str().unwrap(), "--blobs", blobs],
    );

    let (status, body) = request(
        &a,
        "POST",
        "/api/v1/processes",
        Some(token),
        br#"{"slug":"live","title":"Live one","mandate":[],"languages":["en"],"co_facilitators":[],"secretariat":[],"meeting_kinds":["negotiation_round"]}"#,
    );
    assert_eq!(status, 201, "{body}");

    // 1. A write through one is read back through the other at once, even
    // though the other kept a copy of the page.
    assert_eq!(title_of(&b, "live"), "Live one");
    assert_eq!(title_of(&b, "live"), "Live one");
    edit_title(&a, token, "live", "Live two");
    assert_eq!(title_of(&b, "live"), "Live two");
    edit_title(&b, token, "live", "Live three");
    assert_eq!(title_of(&a, "live"), "Live three");

    // 2. A live event of one reaches a listener of the other within a
    // second; each listener hears each event once.
    let meeting = |n: u32| {
        let body = format!(
            r#"{{"slug":"round-{n}","kind":"negotiation_round","number":{n},"title":"Round {n}","start_date":"2018-02-20","end_date":"2018-02-22"}}"#
        );
        let (status, answer) = request(
            &a,
            "POST",
            "/api/v1/processes/live/meetings",
            Some(token),
            body.as_bytes(),
        );
        assert_eq!(status, 201, "{answer}");
        json(&answer)["id"].as_i64().unwrap()
    };
    let (m1, m2) = (meeting(1), meeting(2));
    let mut on_b = Live::open(&b, "/processes/live/live");
    let mut on_a = Live::open(&a, "/processes/live/live");
    let limit = |m: i64, seconds: u32| {
        let (status, answer) = request(
            &a,
            "PUT",
            &format!("/api/v1/processes/live/meetings/{m}/time-limits/state"),
            Some(token),
            format!(r#"{{"seconds":{seconds}}}"#).as_bytes(),
        );
        assert_eq!(status, 200, "{answer}");
    };
    let sent = Instant::now();
    limit(m1, 240);
    assert_eq!(on_b.next_change(), format!("meeting/{m1}/speakers"));
    let heard = sent.elapsed();
    assert!(heard < Duration::from_secs(1), "heard after {heard:?}");
    limit(m2, 300);
    assert_eq!(on_b.next_change(), format!("meeting/{m2}/speakers"));
    // The writer's own listener: each event once (a second copy of the
    // first would come before the second).
    assert_eq!(on_a.next_change(), format!("meeting/{m1}/speakers"));
    assert_eq!(on_a.next_change(), format!("meeting/{m2}/speakers"));

    // 3. A document uploaded through one is found by search on the other
    // within two seconds. (A first search on each server loads the
    // analysers' dictionaries: not what is measured.)
    for server in [&a, &b] {
        let (status, body) = request(server, "GET", "/api/v1/search?q=warm", None, b"");
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = request(
        &a,
        "POST",
        "/api/v1/processes/live/documents",
        Some(token),
        br#"{"slug":"note","title":"A note","kind":"draft","date":"2018-02-05","languages":["en"],"distribution":"public"}"#,
    );
    assert_eq!(status, 201, "{body}");
    let doc = json(&body)["id"].as_i64().unwrap();
    let (status, body) = request(
        &a,
        "PUT",
        &format!("/api/v1/processes/live/documents/{doc}/files/en?filename=note.txt"),
        Some(token),
        b"The quetzalcoatl protocol on regular pathways of migration.",
    );
    assert_eq!(status, 201, "{body}");
    let uploaded = Instant::now();
    let url = format!("/processes/live/documents/{doc}");
    loop {
        let (status, body) = request(&b, "GET", "/api/v1/search?q=quetzalcoatl", None, b"");
        assert_eq!(status, 200, "{body}");
        let found = json(&body)["hits"]
            .as_array()
            .is_some_and(|hits| hits.iter().any(|h| h["url"] == url.as_str()));
        if found {
            break;
        }
        assert!(
            uploaded.elapsed() < Duration::from_secs(2),
            "not found on the other server within 2 s: {body}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "found on the other server {:?} after the upload",
        uploaded.elapsed()
    );
    // And its file is read from the bucket by the other server.
    let (status, body) = request(
        &b,
        "GET",
        &format!("/processes/live/documents/{doc}/files/en"),
        None,
        b"",
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("The quetzalcoatl protocol"), "{body}");

    // Behind nginx, round-robin: each read may reach either server.
    if let Some((_nginx, lb)) = nginx(dir.path(), &[&a, &b]) {
        for _ in 0..4 {
            assert_eq!(title_of(&lb, "live"), "Live three");
        }
        for n in 4..8 {
            let title = format!("Live {n}");
            edit_title(&lb, token, "live", &title);
            // Two reads in a row: one reaches each server.
            assert_eq!(title_of(&lb, "live"), title);
            assert_eq!(title_of(&lb, "live"), title);
        }
        let (status, body) = request(&lb, "GET", "/api/v1/search?q=quetzalcoatl", None, b"");
        assert_eq!(status, 200, "{body}");
        eprintln!("nginx round-robin over both servers: reads current after each write");
    } else {
        eprintln!("nginx not installed: the round-robin part was skipped");
    }

    // The second server's index lag under a stream of writes through the
    // first (4 writers, 50 documents each): sampled from its /metrics.
    let started = Instant::now();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (a, token) = (a.clone(), token.to_owned());
            std::thread::spawn(move || {
                for n in 0..50 {
                    let body = format!(
                        r#"{{"slug":"stream-{w}-{n}","title":"Streamed {w} {n}","kind":"draft","date":"2018-02-05","languages":["en"],"distribution":"public"}}"#
                    );
                    let (status, answer) = request(
                        &a,
                        "POST",
                        "/api/v1/processes/live/documents",
                        Some(&token),
                        body.as_bytes(),
                    );
                    assert_eq!(status, 201, "{answer}");
                }
            })
        })
        .collect();
    let (mut most, mut most_seconds, mut samples) = (0.0_f64, 0.0_f64, 0);
    while writers.iter().any(|w| !w.is_finished()) {
        most = most.max(metric(&b, "accord_index_lag"));
        most_seconds = most_seconds.max(metric(&b, "accord_index_lag_seconds"));
        samples += 1;
    }
    for w in writers {
        w.join().unwrap();
    }
    let written = started.elapsed();
    while metric(&b, "accord_index_lag") > 0.0 {
        assert!(
            started.elapsed() < DEADLINE,
            "the second server never caught up"
        );
    }
    let caught_up = started.elapsed();
    eprintln!(
        "index lag of the second server under 200 writes through the first in {:.2} s ({:.0}/s): \
         at most {most} changes and {most_seconds:.3} s behind over {samples} samples; \
         caught up {:.3} s after the last write",
        written.as_secs_f64(),
        200.0 / written.as_secs_f64(),
        (caught_up - written).as_secs_f64()
    );
    let (status, _) = request(&b, "GET", "/readyz", None, b"");
    assert_eq!(status, 200);
}
