//! `accord backup`, `restore` and `copy` as an operator runs them: a backup
//! taken while `accord serve` writes, restored into a fresh SQLite file and
//! a fresh PostgreSQL schema with every table's rows and every file equal;
//! a copy from SQLite to PostgreSQL of the GCM demo with 20,000 synthetic inputs
//! (exact to the row: instants are kept to the microsecond); a non-empty target refused; damaged,
//! cut-short and foreign files refused with the target left empty.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(ACCORD)
        .args(args)
        .current_dir(dir)
        .env_remove("ACCORD_DATABASE_URL")
        .env("ACCORD_LOG", "error")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "accord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn refused(dir: &Path, args: &[&str], code: i32, needle: &str) {
    let out = run(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "accord {args:?}: {stderr}");
    assert!(stderr.contains(needle), "accord {args:?}: {stderr}");
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(dir: &Path, url: &str) -> Server {
        let mut child = Command::new(ACCORD)
            .args(["serve", "--addr", "127.0.0.1:0", "--database", url])
            .current_dir(dir)
            .env_remove("ACCORD_DATABASE_URL")
            .env("ACCORD_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = common::served_address(&mut child);
        Server { child, addr }
    }

    /// One request; its status code and body.
    fn request(&self, method: &str, path: &str, token: &str, body: &[u8]) -> (u16, String) {
        let addr = &self.addr;
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.get(9..12).and_then(|s| s.parse().ok()).unwrap();
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    fn create_process(&self, token: &str, slug: &str) {
        let body = format!(
            r#"{{"slug":"{slug}","title":"Backup test {slug}","mandate":[],"languages":["en"],"co_facilitators":[],"secretariat":[],"meeting_kinds":["conference"]}}"#
        );
        let (status, answer) = self.request("POST", "/api/v1/processes", token, body.as_bytes());
        assert_eq!(status, 201, "{answer}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh PostgreSQL schema, dropped when the test ends.
struct Schema {
    server: String,
    name: String,
}

impl Schema {
    fn new(name: &str) -> Schema {
        let s = Schema {
            server: accord_testkit::postgres_server_url(),
            name: name.to_owned(),
        };
        s.admin(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ));
        s
    }

    fn admin(&self, sql: &str) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&self.server)
                .await
                .expect("PostgreSQL answers");
            sqlx::Executor::execute(&mut c, sql).await.unwrap();
        });
    }

    fn url(&self) -> String {
        let sep = if self.server.contains('?') { '&' } else { '?' };
        format!(
            "{}{sep}options=-c%20search_path%3D{}",
            self.server, self.name
        )
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        self.admin(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

/// A backup's tables, unpacked: each table's rows, JSON text compared as
/// JSON (PostgreSQL keeps JSONB's keys in an order of its own), sorted.
fn tables_of(file: &Path) -> BTreeMap<String, Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("tar")
        .arg("xf")
        .arg(file)
        .arg("-C")
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for t in manifest["tables"].as_array().unwrap() {
        let text = std::fs::read_to_string(dir.path().join(t["file"].as_str().unwrap())).unwrap();
        let mut rows: Vec<String> = text
            .lines()
            .map(|line| {
                let cells: Vec<serde_json::Value> = serde_json::from_str(line).unwrap();
                let cells: Vec<serde_json::Value> = cells
                    .into_iter()
                    .map(
                        |c| match c.as_str().map(serde_json::from_str::<serde_json::Value>) {
                            Some(Ok(v)) if v.is_object() || v.is_array() => v,
                            _ => c,
                        },
                    )
                    .collect();
                serde_json::to_string(&cells).unwrap()
            })
            .collect();
        rows.sort();
        assert_eq!(rows.len() as u64, t["rows"].as_u64().unwrap());
        out.insert(t["name"].as_str().unwrap().to_owned(), rows);
    }
    out
}

/// Every file under a blob directory, by name, each hashing to its name.
fn blobs_of(dir: &Path) -> Vec<String> {
    use sha2::Digest;
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
                let name = p.file_name().unwrap().to_str().unwrap().to_owned();
                let sha: String = sha2::Sha256::digest(std::fs::read(&p).unwrap())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                assert_eq!(sha, name, "{}", p.display());
                out.push(name);
            }
        }
    }
    out.sort();
    out
}

fn backup_of(dir: &Path, url: &str, data: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    ok(
        dir,
        &[
            "backup",
            "--to",
            file.to_str().unwrap(),
            "--database",
            url,
            "--data-dir",
            data.to_str().unwrap(),
        ],
    );
    file
}

fn sqlite(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// A store with the demo, a few writes through a running server and an
/// uploaded file; returns its URL, its data dir and the backup taken while
/// the server ran.
fn installation(dir: &Path) -> (String, PathBuf, PathBuf) {
    let data = dir.join("source");
    let url = sqlite(&data.join("accord.db"));
    ok(dir, &["demo", "gcm", "--database", &url]);
    ok(
        dir,
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
        &[
            "token",
            "create",
            "--email",
            "sec@example.org",
            "--name",
            "backup test",
            "--database",
            &url,
        ],
    )
    .trim()
    .to_owned();
    let server = Server::start(dir, &url);
    server.create_process(&token, "before-backup");
    let (status, answer) = server.request(
        "PUT",
        "/api/v1/processes/gcm/documents/1/files/en?filename=note.txt",
        &token,
        "A note on the compact, uploaded before the backup, long enough to read.".as_bytes(),
    );
    assert!(status == 201 || status == 202, "{status}: {answer}");
    let file = dir.join("while-serving.tar.gz");
    let out = ok(
        dir,
        &["backup", "--to", file.to_str().unwrap(), "--database", &url],
    );
    assert!(out.contains("1 files"), "{out}");
    // The server still answers, and writes after the backup are not in it.
    server.create_process(&token, "after-backup");
    drop(server);
    (url, data, file)
}

#[test]
fn a_backup_taken_while_serving_restores_exactly_into_sqlite_and_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (_, source_data, file) = installation(dir);
    let expected = tables_of(&file);
    assert!(expected["processes"]
        .iter()
        .any(|r| r.contains("before-backup")));
    assert!(!expected["processes"]
        .iter()
        .any(|r| r.contains("after-backup")));
    assert_eq!(expected["files"].len(), 1);
    let files = blobs_of(&source_data.join("blobs"));
    assert_eq!(files.len(), 1);

    // Into a fresh SQLite file.
    let restored = dir.join("restored");
    let url = sqlite(&restored.join("accord.db"));
    let out = ok(
        dir,
        &[
            "restore",
            "--from",
            file.to_str().unwrap(),
            "--database",
            &url,
        ],
    );
    assert!(out.contains("audit log intact"), "{out}");
    assert!(out.contains("search index rebuilt"), "{out}");
    assert_eq!(
        tables_of(&backup_of(dir, &url, &restored, "r1.tar")),
        expected
    );
    assert_eq!(blobs_of(&restored.join("blobs")), files);
    ok(dir, &["audit", "verify", "--database", &url]);
    // The restored store takes new writes after its ids.
    let server = Server::start(dir, &url);
    drop(server);

    // Into a fresh PostgreSQL schema.
    let schema = Schema::new("accord_test_cli_restore");
    let pg_data = dir.join("pg-data");
    let out = ok(
        dir,
        &[
            "restore",
            "--from",
            file.to_str().unwrap(),
            "--database",
            &schema.url(),
            "--data-dir",
            pg_data.to_str().unwrap(),
        ],
    );
    assert!(out.contains("audit log intact"), "{out}");
    assert_eq!(
        tables_of(&backup_of(dir, &schema.url(), &pg_data, "r2.tar")),
        expected
    );
    assert_eq!(blobs_of(&pg_data.join("blobs")), files);
    ok(dir, &["audit", "verify", "--database", &schema.url()]);
    // Sequences were set past the ids loaded: a new account gets a new id.
    ok(
        dir,
        &[
            "user",
            "add",
            "--email",
            "new@example.org",
            "--role",
            "secretariat",
            "--database",
            &schema.url(),
        ],
    );

    // Neither target is empty now: a second restore is refused, unchanged.
    refused(
        dir,
        &[
            "restore",
            "--from",
            file.to_str().unwrap(),
            "--database",
            &url,
        ],
        8,
        "not empty",
    );
    assert_eq!(
        tables_of(&backup_of(dir, &url, &restored, "r3.tar")),
        expected
    );
}

#[test]
fn copy_moves_an_installation_from_sqlite_to_postgres_and_refuses_a_full_target() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (url, source_data, _) = installation(dir);
    // The GCM demo with 20,000 synthetic inputs (labelled so), as issue 19 asks.
    let loaded = ok(
        dir,
        &["demo", "synthetic", "--inputs", "20000", "--database", &url],
    );
    assert!(
        loaded.contains("20000") || loaded.contains("20,000"),
        "{loaded}"
    );
    let expected = tables_of(&backup_of(dir, &url, &source_data, "source.tar"));
    let schema = Schema::new("accord_test_cli_copy");
    let pg_data = dir.join("pg-data");
    let args = [
        "copy",
        "--from",
        &url,
        "--to",
        &schema.url(),
        "--to-data-dir",
        pg_data.to_str().unwrap(),
    ];
    let out = ok(dir, &args);
    assert!(out.contains("every count and file verified"), "{out}");
    assert!(out.contains("audit log intact"), "{out}");
    assert!(out.contains("search index rebuilt"), "{out}");
    same_tables(
        &tables_of(&backup_of(dir, &schema.url(), &pg_data, "copied.tar")),
        &expected,
    );
    assert_eq!(
        blobs_of(&pg_data.join("blobs")),
        blobs_of(&source_data.join("blobs"))
    );
    refused(dir, &args, 8, "not empty");
    same_tables(
        &tables_of(&backup_of(dir, &schema.url(), &pg_data, "again.tar")),
        &expected,
    );
}

/// Every table's rows equal; else the tables that differ, with their row
/// counts and a first row on each side that the other lacks.
fn same_tables(got: &BTreeMap<String, Vec<String>>, expected: &BTreeMap<String, Vec<String>>) {
    let mut differ = vec![];
    for name in got.keys().chain(expected.keys()) {
        let (g, e) = (got.get(name), expected.get(name));
        if g != e {
            let (g, e) = (
                g.cloned().unwrap_or_default(),
                e.cloned().unwrap_or_default(),
            );
            differ.push(format!(
                "{name}: {} rows, expected {}; only got: {:?}; only expected: {:?}",
                g.len(),
                e.len(),
                g.iter().find(|r| !e.contains(r)),
                e.iter().find(|r| !g.contains(r)),
            ));
        }
    }
    differ.dedup();
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The target is still empty: only the rows the migrations seed (the audit
/// head and the index outbox's counter).
fn assert_empty(dir: &Path, url: &str, data: &Path) {
    let out = ok(
        dir,
        &[
            "backup",
            "--to",
            dir.join("check.tar").to_str().unwrap(),
            "--database",
            url,
            "--data-dir",
            data.to_str().unwrap(),
        ],
    );
    assert!(out.contains(": 2 rows in"), "{out}");
    assert!(blobs_of(&data.join("blobs")).is_empty());
}

#[test]
fn damaged_cut_short_and_foreign_files_are_refused_and_the_target_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (url, data, _) = installation(dir);
    let good = backup_of(dir, &url, &data, "good.tar");
    let target = dir.join("target");
    let target_url = sqlite(&target.join("accord.db"));
    let restore = |file: &Path, code: i32, needle: &str| {
        refused(
            dir,
            &[
                "restore",
                "--from",
                file.to_str().unwrap(),
                "--database",
                &target_url,
            ],
            code,
            needle,
        );
        assert_empty(dir, &target_url, &target);
    };

    // Another format altogether, and nothing at all.
    let foreign = dir.join("notes.txt");
    std::fs::write(&foreign, "not a backup\n".repeat(100)).unwrap();
    restore(&foreign, 5, "not an Accord backup");
    let empty = dir.join("empty.tar");
    std::fs::write(&empty, b"").unwrap();
    restore(&empty, 5, "not an Accord backup");
    restore(&dir.join("missing.tar"), 5, "not a file");

    // Cut short: at several places, from the files to the last table.
    let bytes = std::fs::read(&good).unwrap();
    for cut in [bytes.len() / 10, bytes.len() / 2, bytes.len() - 2048] {
        let short = dir.join(format!("short-{cut}.tar"));
        std::fs::write(&short, &bytes[..cut]).unwrap();
        let out = run(
            dir,
            &[
                "restore",
                "--from",
                short.to_str().unwrap(),
                "--database",
                &target_url,
            ],
        );
        assert_eq!(out.status.code(), Some(5), "cut at {cut}");
        assert_empty(dir, &target_url, &target);
    }

    // Re-packed with a changed manifest or a changed file.
    let unpacked = dir.join("unpacked");
    std::fs::create_dir_all(&unpacked).unwrap();
    let tar = |args: &[&str], cwd: &Path| {
        let status = Command::new("tar")
            .args(args)
            .current_dir(cwd)
            .status()
            .unwrap();
        assert!(status.success());
    };
    tar(&["xf", good.to_str().unwrap()], &unpacked);
    let manifest_text = std::fs::read_to_string(unpacked.join("manifest.json")).unwrap();
    let mut entries = vec!["manifest.json".to_owned()];
    for dir in ["blobs", "tables"] {
        let mut names: Vec<String> = std::fs::read_dir(unpacked.join(dir))
            .unwrap()
            .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_str().unwrap()))
            .collect();
        names.sort();
        entries.extend(names);
    }
    let repack = |name: &str| -> PathBuf {
        let file = dir.join(name);
        let mut args = vec!["cf".to_owned(), file.to_str().unwrap().to_owned()];
        args.extend(entries.iter().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        tar(&args, &unpacked);
        file
    };
    // A row count that does not match the table.
    let manifest: serde_json::Value = serde_json::from_str(&manifest_text).unwrap();
    let mut wrong = manifest.clone();
    let audit = wrong["tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == "audit_log")
        .unwrap();
    audit["rows"] = (audit["rows"].as_u64().unwrap() + 1).into();
    std::fs::write(
        unpacked.join("manifest.json"),
        serde_json::to_vec(&wrong).unwrap(),
    )
    .unwrap();
    restore(&repack("counts.tar"), 5, "the manifest says");
    // Another format version.
    let mut wrong = manifest.clone();
    wrong["format_version"] = 99.into();
    std::fs::write(
        unpacked.join("manifest.json"),
        serde_json::to_vec(&wrong).unwrap(),
    )
    .unwrap();
    restore(&repack("version.tar"), 5, "format version 99");
    // A file whose bytes changed (its hash no longer matches).
    std::fs::write(unpacked.join("manifest.json"), &manifest_text).unwrap();
    let blob = entries.iter().find(|e| e.starts_with("blobs/")).unwrap();
    let mut bytes = std::fs::read(unpacked.join(blob)).unwrap();
    bytes[0] ^= 1;
    std::fs::write(unpacked.join(blob), bytes).unwrap();
    restore(&repack("hash.tar"), 5, "the backup is damaged");
}
