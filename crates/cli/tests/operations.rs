//! The server as an operator runs it: stopped with SIGTERM while a live
//! event stream is open, and killed with SIGKILL in the middle of writes,
//! on SQLite and on PostgreSQL.

mod common;

use common::{request, Server, DEADLINE};

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

fn accord(dir: &Path, database: Option<&str>, args: &[&str]) -> String {
    let mut c = Command::new(ACCORD);
    c.args(args)
        .current_dir(dir)
        .env_remove("ACCORD_DATABASE_URL")
        .env("ACCORD_LOG", "error");
    if let Some(url) = database {
        c.env("ACCORD_DATABASE_URL", url);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "accord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

impl Server {
    fn start(dir: &Path, database: Option<&str>, extra: &[&str]) -> Server {
        let mut c = Command::new(ACCORD);
        c.args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .current_dir(dir)
            .env_remove("ACCORD_DATABASE_URL")
            .env("ACCORD_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(url) = database {
            c.env("ACCORD_DATABASE_URL", url);
        }
        let mut child = c.spawn().unwrap();
        let addr = common::served_address(&mut child);
        Server { child, addr }
    }
}

#[test]
fn sigterm_ends_live_streams_and_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path(), None, &["--demo", "--shutdown-grace", "30"]);
    // A reader's page follows the negotiation live.
    let mut live = TcpStream::connect(&server.addr).unwrap();
    live.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        live,
        "GET /processes/gcm/live?topic=draft/gcm-draft HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut head = [0u8; 12];
    live.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"HTTP/1.1 200");

    let asked = Instant::now();
    server.signal("TERM");
    // The stream ends (the server closes it) instead of holding the
    // shutdown open until the grace runs out.
    let mut rest = Vec::new();
    live.read_to_end(&mut rest)
        .expect("the live stream is closed by the server, not left to time out");
    let status = server.exited();
    assert!(status.success(), "{status:?}");
    assert!(
        asked.elapsed() < Duration::from_secs(30),
        "stopped by the end of the stream, not by the grace: {:?}",
        asked.elapsed()
    );
    assert!(
        TcpStream::connect(&server.addr).is_err(),
        "nothing listens once stopped"
    );
}

/// Writes as fast as one client can until the server dies; returns the
/// slugs of the processes whose creation was acknowledged (201).
fn write_until_killed(addr: &str, token: &str, prefix: &str) -> Vec<String> {
    let mut acknowledged = Vec::new();
    for n in 0.. {
        let slug = format!("{prefix}-{n}");
        let body = format!(
            r#"{{"slug":"{slug}","title":"Kill test process {n}","mandate":[],"languages":["en"],"co_facilitators":[],"secretariat":[],"meeting_kinds":["conference"]}}"#
        );
        let Ok(mut stream) = TcpStream::connect(addr) else {
            break;
        };
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        let sent = write!(
            stream,
            "POST /api/v1/processes HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let mut response = String::new();
        if sent.is_err() || stream.read_to_string(&mut response).is_err() {
            break;
        }
        if response.starts_with("HTTP/1.1 201") {
            acknowledged.push(slug);
        } else if response.is_empty() {
            break;
        } else {
            panic!("a write was refused: {response}");
        }
    }
    acknowledged
}

fn acknowledged_writes_survive_kill_9(database: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    accord(
        dir.path(),
        database,
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
        database,
        &[
            "token",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "kill test",
        ],
    )
    .trim()
    .to_owned();
    let mut server = Server::start(dir.path(), database, &[]);
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (addr, token) = (server.addr.clone(), token.clone());
            std::thread::spawn(move || write_until_killed(&addr, &token, &format!("w{w}")))
        })
        .collect();
    // Kill once the first writer's tenth write is acknowledged, while all
    // three go on writing.
    let since = Instant::now();
    while request(&server.addr, "GET", "/api/v1/processes/w0-9", &token, "").0 != 200 {
        assert!(since.elapsed() < DEADLINE, "no write was acknowledged");
    }
    server.signal("KILL");
    server.exited();
    let acknowledged: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(acknowledged.len() >= 10, "{}", acknowledged.len());

    // Restarted on the same store, every acknowledged write is there.
    let again = Server::start(dir.path(), database, &[]);
    for slug in &acknowledged {
        let (status, body) = request(
            &again.addr,
            "GET",
            &format!("/api/v1/processes/{slug}"),
            &token,
            "",
        );
        assert_eq!(status, 200, "{slug} was acknowledged and is lost: {body}");
    }
    // And the audit chain still holds from the first entry to the last.
    drop(again);
    let verified = accord(dir.path(), database, &["audit", "verify"]);
    assert!(verified.contains("audit log intact"), "{verified}");
}

#[test]
fn acknowledged_writes_survive_kill_9_on_sqlite() {
    acknowledged_writes_survive_kill_9(None);
}

#[test]
fn acknowledged_writes_survive_kill_9_on_postgres() {
    let server = accord_testkit::postgres_server_url();
    let schema = "accord_test_cli_kill";
    let admin = |sql: &str| {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&server)
                .await
                .expect("PostgreSQL answers");
            sqlx::Executor::execute(&mut c, sql).await.unwrap();
        });
    };
    admin(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ));
    let sep = if server.contains('?') { '&' } else { '?' };
    let url = format!("{server}{sep}options=-c%20search_path%3D{schema}");
    acknowledged_writes_survive_kill_9(Some(&url));
    admin(&format!("DROP SCHEMA {schema} CASCADE"));
}
