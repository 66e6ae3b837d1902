//! Several `accord serve` processes on one PostgreSQL database: a job
//! started through one server runs exactly once, and is finished by another
//! when its server is killed (`kill -9`) or stopped (SIGTERM) in the middle
//! of it. Skipped without `ACCORD_TEST_POSTGRES_URL`.

mod common;

use common::{request, Server, DEADLINE};

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

/// A fresh database of its own on the test server, dropped when done.
struct FreshDatabase {
    server: String,
    name: String,
    url: String,
}

impl FreshDatabase {
    fn new(name: &str) -> Option<FreshDatabase> {
        let server = std::env::var("ACCORD_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.trim().is_empty());
        let Some(server) = server else {
            eprintln!("skipped: ACCORD_TEST_POSTGRES_URL is not set");
            return None;
        };
        let name = format!("accord_servers_{name}");
        admin(
            &server,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        admin(&server, &format!("CREATE DATABASE {name}"));
        let (base, query) = match server.split_once('?') {
            Some((b, q)) => (b, format!("?{q}")),
            None => (server.as_str(), String::new()),
        };
        let root = base.rsplit_once('/').map_or(base, |(root, _)| root);
        let url = format!("{root}/{name}{query}");
        Some(FreshDatabase { server, name, url })
    }

    /// One value a query on the database gives.
    fn scalar<T>(&self, sql: &str) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin,
    {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&self.url).await.unwrap();
            sqlx::query_scalar::<_, T>(sql)
                .fetch_one(&mut c)
                .await
                .unwrap()
        })
    }
}

impl Drop for FreshDatabase {
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

impl Server {
    fn start(dir: &Path, database: &str, gate: &Path, lease: &str) -> Server {
        std::fs::create_dir_all(dir).unwrap();
        let mut child = Command::new(ACCORD)
            .args(["serve", "--addr", "127.0.0.1:0", "--job-lease", lease])
            .current_dir(dir)
            .env("ACCORD_DATABASE_URL", database)
            .env("ACCORD_LOG", "error")
            .env("ACCORD_TEST_JOB_GATE", gate)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = common::served_address(&mut child);
        Server { child, addr }
    }
}

/// Polls `condition` until it holds (fails after the deadline).
fn until(what: &str, mut condition: impl FnMut() -> bool) {
    let since = Instant::now();
    while !condition() {
        assert!(since.elapsed() < DEADLINE, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Two servers on a fresh database with the demo, its synthetic inputs and
/// a secretariat's token; the analysis started through the first, which
/// holds it at the gate (a run half written). Returns the job's id.
struct TwoServers {
    db: FreshDatabase,
    dir: tempfile::TempDir,
    a: Server,
    b: Server,
    token: String,
    job: i64,
}

fn two_servers_with_a_job_held_by_a(name: &str, lease: &str) -> Option<TwoServers> {
    let db = FreshDatabase::new(name)?;
    let dir = tempfile::tempdir().unwrap();
    let url = db.url.clone();
    accord(dir.path(), &url, &["demo", "gcm"]);
    accord(dir.path(), &url, &["demo", "synthetic", "--inputs", "300"]);
    accord(
        dir.path(),
        &url,
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
        &url,
        &[
            "token",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "servers",
        ],
    )
    .trim()
    .to_owned();
    let gate = dir.path().join("gate");
    let a = Server::start(&dir.path().join("a"), &url, &gate, lease);
    let b = Server::start(&dir.path().join("b"), &url, &gate, lease);
    let (status, body) = request(
        &a.addr,
        "POST",
        "/api/v1/processes/gcm/analysis",
        &token,
        "{}",
    );
    assert_eq!(status, 202, "{body}");
    let job: serde_json::Value = serde_json::from_str(&body).unwrap();
    let job = job["id"].as_i64().unwrap();
    // A wrote its run's rows and waits at the gate, holding the job.
    until("server A writes a run", || {
        db.scalar::<i64>("SELECT COUNT(*) FROM analysis_runs") == 1
    });
    assert_eq!(
        db.scalar::<i64>(&format!(
            "SELECT attempts::BIGINT FROM jobs WHERE id = {job}"
        )),
        1
    );
    assert!(!db.scalar::<bool>("SELECT bool_or(complete) FROM analysis_runs"));
    Some(TwoServers {
        db,
        dir,
        a,
        b,
        token,
        job,
    })
}

impl TwoServers {
    fn lease_owner(&self) -> Option<String> {
        self.db.scalar(&format!(
            "SELECT lease_owner FROM jobs WHERE id = {}",
            self.job
        ))
    }

    /// B took the job over, finishes it once the gate opens, and exactly
    /// one complete run is left, the job ended once.
    fn b_finishes_the_job(&self, a_owner: &str) {
        let job = self.job;
        until("server B takes the job over", || {
            self.db.scalar::<i64>(&format!(
                "SELECT attempts::BIGINT FROM jobs WHERE id = {job}"
            )) == 2
        });
        let b_owner = self.lease_owner().expect("B holds the job");
        assert_ne!(b_owner, a_owner);
        std::fs::write(self.dir.path().join("gate"), b"open").unwrap();
        until("the job succeeds", || {
            let (status, body) = request(
                &self.b.addr,
                "GET",
                &format!("/api/v1/processes/gcm/jobs/{job}"),
                &self.token,
                "",
            );
            assert_eq!(status, 200, "{body}");
            let job: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_ne!(job["status"], "failed", "{body}");
            job["status"] == "succeeded"
        });
        assert_eq!(
            self.db.scalar::<i64>("SELECT COUNT(*) FROM analysis_runs"),
            1,
            "A's half-written run is gone"
        );
        assert_eq!(
            self.db.scalar::<i64>(&format!(
                "SELECT COUNT(*) FROM analysis_runs WHERE complete AND job_id = {job}"
            )),
            1
        );
        assert_eq!(
            self.db.scalar::<i64>(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'stocktaking.analyse'"
            ),
            1,
            "the run was completed once"
        );
        assert_eq!(self.lease_owner(), None, "the lease was let go");
        // The job stays as it ended, and no server takes it again.
        let ended: String = self.db.scalar(&format!(
            "SELECT status || ' ' || attempts FROM jobs WHERE id = {job}"
        ));
        assert_eq!(ended, "succeeded 2");
        let (status, body) = request(&self.b.addr, "GET", "/metrics", &self.token, "");
        assert_eq!(status, 200);
        assert!(
            body.contains("accord_jobs{status=\"succeeded\"} 1"),
            "{}",
            body.lines()
                .filter(|l| l.contains("jobs"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn a_job_whose_server_is_killed_is_finished_by_another_once() {
    let Some(mut t) = two_servers_with_a_job_held_by_a("kill", "2") else {
        return;
    };
    let a_owner = t.lease_owner().expect("A holds the job");
    t.a.signal("KILL");
    t.a.exited();
    t.b_finishes_the_job(&a_owner);
}

#[test]
fn a_server_stopped_with_sigterm_lets_its_job_go_at_once() {
    // A lease far longer than the test may take: B can take the job only
    // because A let it go.
    let Some(mut t) = two_servers_with_a_job_held_by_a("term", "600") else {
        return;
    };
    let a_owner = t.lease_owner().expect("A holds the job");
    t.a.signal("TERM");
    t.a.exited();
    t.b_finishes_the_job(&a_owner);
}
