//! The `accord` binary as an operator meets it: bad database URLs, the demo
//! loaded twice, and `serve` answering on a socket.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ACCORD: &str = env!("CARGO_BIN_EXE_accord");

fn accord(dir: &Path, args: &[&str]) -> Output {
    Command::new(ACCORD)
        .args(args)
        .current_dir(dir)
        .env_remove("ACCORD_DATABASE_URL")
        .env("ACCORD_LOG", "error")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn unsupported_schemes_are_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    for (url, needle) in [
        (
            "mysql://root@localhost/accord",
            "unsupported database URL scheme 'mysql'",
        ),
        (
            "file:///tmp/accord.db",
            "unsupported database URL scheme 'file'",
        ),
        ("accord.db", "has no scheme"),
        ("sqlite://", "names no file"),
        ("sqlite://:memory:", "in-memory"),
    ] {
        for cmd in [
            &["migrate", "--database", url][..],
            &["demo", "gcm", "--database", url][..],
            &["serve", "--addr", "127.0.0.1:0", "--database", url][..],
        ] {
            let out = accord(dir.path(), cmd);
            assert_eq!(out.status.code(), Some(3), "{cmd:?}: {}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains(needle),
                "{cmd:?}: {}",
                text(&out.stderr)
            );
        }
    }
    assert!(
        entries(dir.path()).is_empty(),
        "created: {:?}",
        entries(dir.path())
    );
}

#[test]
fn unreadable_paths_and_silent_servers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database, and must stay as it is").unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a file where a directory should be").unwrap();
    let cases = [
        format!("sqlite://{}", notes.display()),
        format!("sqlite://{}/sub/accord.db", blocker.display()),
        format!("sqlite://{}", dir.path().display()),
        "postgres://postgres@127.0.0.1:1/accord".to_string(),
    ];
    for url in &cases {
        let out = accord(dir.path(), &["migrate", "--database", url]);
        assert_eq!(out.status.code(), Some(4), "{url}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).starts_with("accord: "),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(entries(dir.path()), ["blocker", "notes.txt"]);
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "not a database, and must stay as it is"
    );
}

#[test]
fn the_default_store_is_created_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let out = accord(dir.path(), &["migrate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("sqlite"));
    assert!(dir.path().join("accord-data/accord.db").is_file());
}

#[test]
fn the_demo_loads_once_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = accord(dir.path(), &["demo", "gcm"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let first = text(&first.stdout);
    assert!(
        first.contains("created:  205 actors, 1 process, 5 phases, 29 themes"),
        "{first}"
    );
    let second = accord(dir.path(), &["demo", "gcm"]);
    assert!(second.status.success());
    let second = text(&second.stdout);
    assert!(
        second
            .contains("created:  0 actors, 0 process, 0 phases, 0 themes, 0 meetings, 0 documents"),
        "{second}"
    );
    assert!(
        second.contains("existing: 205 actors, 1 process, 5 phases, 29 themes"),
        "{second}"
    );

    let unknown = accord(dir.path(), &["demo", "atlantis"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown demo 'atlantis'"));
}

#[test]
fn the_database_url_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(ACCORD)
        .args(["migrate"])
        .current_dir(dir.path())
        .env("ACCORD_DATABASE_URL", "sqlite://elsewhere/store.db")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("elsewhere/store.db").is_file());
    assert!(!dir.path().join("accord-data").exists());
}

#[test]
fn the_demo_loads_into_postgres_too() {
    let server = accord_testkit::postgres_server_url();
    let schema = "accord_test_cli_demo";
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
    let dir = tempfile::tempdir().unwrap();
    let first = accord(dir.path(), &["demo", "gcm", "--database", &url]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("created:  205 actors"));
    let second = accord(dir.path(), &["demo", "gcm", "--database", &url]);
    assert!(text(&second.stdout)
        .contains("created:  0 actors, 0 process, 0 phases, 0 themes, 0 meetings, 0 documents"));
    assert_eq!(
        entries(dir.path()),
        ["accord-data"],
        "no database file for PostgreSQL: only the data directory (files, search index)"
    );
    assert_eq!(entries(&dir.path().join("accord-data")), ["search"]);
    admin(&format!("DROP SCHEMA {schema} CASCADE"));
}

#[test]
fn serve_answers_health_checks_on_its_socket() {
    let dir = tempfile::tempdir().unwrap();
    /// Kills the server however the test ends.
    struct Server(std::process::Child);
    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Server(
        Command::new(ACCORD)
            .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
            .current_dir(dir.path())
            .env_remove("ACCORD_DATABASE_URL")
            .env("ACCORD_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let addr = common::served_address(&mut server.0);
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    drop(server);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(r#"{"status":"ok","store":"sqlite"}"#),
        "{response}"
    );
}

#[test]
fn the_first_secretariat_account_and_the_audit_check() {
    let dir = tempfile::tempdir().unwrap();
    assert!(accord(dir.path(), &["demo", "gcm"]).status.success());
    let out = accord(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "Sec@Example.org",
            "--role",
            "secretariat",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("sec@example.org") && stdout.contains("secretariat"),
        "{stdout}"
    );
    let password = stdout
        .lines()
        .find_map(|l| l.strip_prefix("password: "))
        .expect("a generated password");
    assert_eq!(password.len(), 24);

    let again = accord(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "sec@example.org",
            "--role",
            "secretariat",
        ],
    );
    assert_eq!(again.status.code(), Some(5));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    for (args, needle) in [
        (
            &["--email", "not-an-email", "--role", "secretariat"][..],
            "e-mail",
        ),
        (
            &["--email", "d@example.org", "--role", "emperor"][..],
            "unknown role",
        ),
        (
            &[
                "--email",
                "d@example.org",
                "--role",
                "delegate",
                "--process",
                "gcm",
            ][..],
            "name its actor",
        ),
        (
            &[
                "--email",
                "d@example.org",
                "--role",
                "delegate",
                "--process",
                "gcm",
                "--actor",
                "IOM",
            ][..],
            "IOM",
        ),
    ] {
        let out = accord(dir.path(), &[&["user", "add"][..], args].concat());
        assert_eq!(out.status.code(), Some(5), "{args:?}");
        assert!(
            text(&out.stderr).contains(needle),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = Command::new(ACCORD)
        .args([
            "user",
            "add",
            "--email",
            "d@example.org",
            "--role",
            "delegate",
            "--process",
            "gcm",
            "--actor",
            "MEX",
            "--password-stdin",
        ])
        .current_dir(dir.path())
        .env_remove("ACCORD_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"a delegate's own passphrase\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains("password:"),
        "a given password is not echoed"
    );

    let verify = accord(dir.path(), &["audit", "verify"]);
    assert!(verify.status.success(), "{}", text(&verify.stderr));
    assert!(text(&verify.stdout).contains("audit log intact"));

    // Edit one entry behind Accord's back.
    let db = dir.path().join("accord-data/accord.db");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        sqlx::Executor::execute(
            &mut c,
            "UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 3",
        )
        .await
        .unwrap();
    });
    let verify = accord(dir.path(), &["audit", "verify"]);
    assert_eq!(verify.status.code(), Some(6));
    assert!(
        text(&verify.stderr).contains("entry 3 was changed"),
        "{}",
        text(&verify.stderr)
    );
}

#[test]
fn synthetic_inputs_then_a_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("accord.db").display());
    let made = accord(
        dir.path(),
        &[
            "demo",
            "synthetic",
            "--inputs",
            "40",
            "--seed",
            "9",
            "--database",
            &db,
        ],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(text(&made.stdout).contains("40 synthetic inputs (seed 9)"));
    // The same seed again changes nothing; the index rebuilds from the store.
    let again = accord(
        dir.path(),
        &[
            "demo",
            "synthetic",
            "--inputs",
            "40",
            "--seed",
            "9",
            "--database",
            &db,
        ],
    );
    assert!(again.status.success());
    let rebuilt = accord(dir.path(), &["reindex", "--database", &db]);
    assert!(rebuilt.status.success(), "{}", text(&rebuilt.stderr));
    let out = text(&rebuilt.stdout);
    let n: u64 = out
        .split("rebuilt: ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    // The demo's actors (its states and the others it names) and meetings
    // are in the index too, one document each.
    let actors = include_str!("../../demo/data/gcm/states.csv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count()
        + include_str!("../../demo/data/gcm/actors.toml")
            .lines()
            .filter(|l| l.trim() == "[[actor]]")
            .count();
    // The negotiation's simulated delegations and their group are not real
    // actors: never in the index.
    let meetings = include_str!("../../demo/data/gcm/meetings.toml")
        .lines()
        .filter(|l| l.trim() == "[[meeting]]")
        .count() as u64;
    assert_eq!(
        n,
        40 + 12 + actors as u64 + meetings,
        "40 inputs, the demo's 12 documents, {actors} actors and {meetings} meetings, once each"
    );
    assert!(
        dir.path().join("search").is_dir(),
        "the index beside the database"
    );
    // A synthetic run into a process that does not exist: exit 5, nothing made.
    let missing = accord(
        dir.path(),
        &[
            "demo",
            "synthetic",
            "--inputs",
            "3",
            "--process",
            "nope",
            "--database",
            &db,
        ],
    );
    assert_eq!(missing.status.code(), Some(5));
    assert!(text(&missing.stderr).contains("process 'nope' does not exist"));
}

/// An import longer than the index's catch-up step (50,000 inputs) indexes
/// its first parts beside the batches that follow: when the command has
/// returned, every input is in the index (read as it was left, not through
/// a server, which would catch up itself), none twice.
#[test]
fn a_long_import_is_indexed_whole_by_the_time_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("accord.db").display());
    let n = 2 * accord_app::import::INDEX_EVERY + 7;
    let made = accord(
        dir.path(),
        &[
            "demo",
            "synthetic",
            "--inputs",
            &n.to_string(),
            "--database",
            &db,
        ],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    let index = accord_search::SearchIndex::open(&dir.path().join("search")).unwrap();
    let inputs = index
        .search(
            &accord_search::Reader::everywhere(accord_search::Distribution::Public, i64::MAX),
            &accord_search::Query {
                text: String::new(),
                filters: vec![(accord_search::Facet::Kind, "input".into())],
                limit: 1,
                offset: 0,
            },
        )
        .unwrap();
    assert_eq!(inputs.total, n);
}

#[test]
fn inputs_import_from_csv_and_gzipped_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("accord.db").display());
    // The call for synthetic inputs (made by a small synthetic run).
    let made = accord(
        dir.path(),
        &["demo", "synthetic", "--inputs", "1", "--database", &db],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    // A file of 300 inputs with its ground truth beside it.
    let file = dir.path().join("inputs.jsonl");
    let out = accord(
        dir.path(),
        &[
            "demo",
            "synthetic",
            "--inputs",
            "300",
            "--seed",
            "3",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let truth = std::fs::read_to_string(dir.path().join("inputs.truth.jsonl")).unwrap();
    assert_eq!(truth.lines().count(), 300);
    assert!(truth.lines().all(|l| l.contains("\"theme\":\"topic-")));
    // Gzipped, imported; a second run changes nothing.
    let gz = dir.path().join("inputs.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(&std::fs::read(&file).unwrap()).unwrap();
    enc.finish().unwrap();
    let args = |f: &Path| {
        vec![
            "import".to_string(),
            "inputs".into(),
            f.display().to_string(),
            "--consultation".into(),
            "synthetic-inputs".into(),
            "--database".into(),
            db.clone(),
        ]
    };
    let run = |f: &Path| {
        let a = args(f);
        accord(
            dir.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    let first = run(&gz);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("300 rows read"),
        "{}",
        text(&first.stdout)
    );
    assert!(text(&first.stdout).contains("300 imported, 0 unchanged"));
    let again = run(&gz);
    assert!(
        text(&again.stdout).contains("0 imported, 300 unchanged"),
        "{}",
        text(&again.stdout)
    );

    // CSV with bad rows: each reported by its line, the others imported, exit 7.
    let csv = dir.path().join("inputs.csv");
    std::fs::write(
        &csv,
        "external_id,text,language,country\n\
         c1,States should protect migrant workers.,en,MEX\n\
         c2,Une contribution en français.,xx,\n\
         c3,\"A quoted, multi-line\ninput.\",en,ZZZ\n\
         c4,Los Estados deberían proteger a los migrantes.,es,\n",
    )
    .unwrap();
    let partial = run(&csv);
    assert_eq!(partial.status.code(), Some(7), "{}", text(&partial.stderr));
    let err = text(&partial.stderr);
    assert!(err.contains("line 3: language"), "{err}");
    assert!(err.contains("line 4:") && err.contains("ZZZ"), "{err}");
    assert!(
        text(&partial.stdout).contains("4 rows read")
            && text(&partial.stdout).contains("2 imported")
    );

    // Files that cannot be read at all: exit 5, nothing imported.
    std::fs::write(dir.path().join("no-text.csv"), "external_id,body\nx,y\n").unwrap();
    let no_text = run(&dir.path().join("no-text.csv"));
    assert_eq!(no_text.status.code(), Some(5));
    assert!(text(&no_text.stderr).contains("no \"text\" column"));
    let bytes = std::fs::read(&gz).unwrap();
    std::fs::write(dir.path().join("cut.jsonl.gz"), &bytes[..bytes.len() / 2]).unwrap();
    let cut = run(&dir.path().join("cut.jsonl.gz"));
    assert_eq!(cut.status.code(), Some(5), "{}", text(&cut.stderr));
    let unknown = run(&dir.path().join("inputs.txt"));
    assert_eq!(unknown.status.code(), Some(5));
}

#[test]
fn the_operator_makes_a_token_for_a_script() {
    let dir = tempfile::tempdir().unwrap();
    assert!(accord(dir.path(), &["demo", "gcm"]).status.success());
    let add = accord(
        dir.path(),
        &[
            "user",
            "add",
            "--email",
            "script@example.org",
            "--role",
            "secretariat",
        ],
    );
    assert!(add.status.success(), "{}", text(&add.stderr));
    let out = accord(
        dir.path(),
        &[
            "token",
            "create",
            "--email",
            "script@example.org",
            "--name",
            "nightly export",
            "--days",
            "7",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let secret = text(&out.stdout).trim().to_owned();
    assert!(secret.starts_with("acc_"), "{secret}");
    assert!(text(&out.stderr).contains("nightly export"));
    // The token signs the script in as that account.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let data = dir.path().join("accord-data");
    let principal = rt.block_on(async {
        let store = accord_store_sqlite::SqliteStore::open(&data.join("accord.db"))
            .await
            .unwrap();
        let app = accord_app::App::in_data_dir(std::sync::Arc::new(store), data);
        app.authenticate_token(&secret).await.unwrap()
    });
    assert_eq!(principal.by(), "script@example.org");
    // Bad input: a clear message, exit code 5, nothing made.
    for (args, needle) in [
        (
            &["--email", "nobody@example.org", "--name", "x"][..],
            "no account",
        ),
        (
            &[
                "--email",
                "script@example.org",
                "--name",
                "x",
                "--days",
                "0",
            ][..],
            "1 to 366",
        ),
        (
            &["--email", "script@example.org", "--name", ""][..],
            "token name",
        ),
    ] {
        let mut all = vec!["token", "create"];
        all.extend_from_slice(args);
        let refused = accord(dir.path(), &all);
        assert_eq!(refused.status.code(), Some(5), "{args:?}");
        assert!(
            text(&refused.stderr).contains(needle),
            "{args:?}: {}",
            text(&refused.stderr)
        );
        assert!(text(&refused.stdout).is_empty());
    }
}
