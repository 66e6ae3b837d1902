//! A throwaway PostgreSQL cluster for one test process, so the README's test
//! command passes on a machine where no server runs: `initdb` in a temporary
//! directory, `pg_ctl -w start` on a free port of 127.0.0.1 (durability off:
//! it is thrown away). A small shell watcher stops the server and removes
//! the directory once the test process has gone. `initdb` and `postgres` refuse to run as root, so
//! as root (CI) they run as the `postgres` user.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const HOW_TO_INSTALL: &str = "PostgreSQL is not installed: the PostgreSQL tests need its \
     binaries (apt-get install postgresql), or a server named by ACCORD_TEST_POSTGRES_URL";

/// Starts the cluster; its URL, or one line saying why it could not start.
pub fn start() -> Result<String, String> {
    let bin = binaries().ok_or_else(|| HOW_TO_INSTALL.to_string())?;
    let as_root = is_root();
    let dir = tempfile::Builder::new()
        .prefix("accord-test-pg-")
        .tempdir()
        .map_err(|e| format!("a directory for the test cluster: {e}"))?
        .keep();
    let data = dir.join("data");
    if as_root {
        run(Command::new("chown").arg("postgres:").arg(&dir), "chown")?;
    }
    run(
        as_user(as_root, &bin.join("initdb"))
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
                "-D",
            ])
            .arg(&data),
        "initdb",
    )?;
    let port = free_port()?;
    // `pg_ctl -w` returns once the server accepts connections.
    let options = format!(
        "-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        dir = quote(&dir),
    );
    let started = as_user(as_root, &bin.join("pg_ctl"))
        .args(["-w", "-t", "60", "-D"])
        .arg(&data)
        .arg("-l")
        .arg(dir.join("log"))
        .args(["-o", &options, "start"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("pg_ctl: {e}"))?;
    if !started.success() {
        let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
        return Err(format!("the test cluster did not start: {log}"));
    }
    // The watcher, run as this process's own user (so it may remove the
    // directory wherever the temporary directory is): once this process has
    // gone, the server stops (as its user) and the directory goes.
    let script = format!(
        "while [ -d /proc/{me} ]; do sleep 1; done; {as_postgres}{pg_ctl} -D {data} -m immediate stop; rm -rf {dir}",
        me = std::process::id(),
        as_postgres = if as_root { "runuser -u postgres -- " } else { "" },
        pg_ctl = quote(&bin.join("pg_ctl")),
        data = quote(&data),
        dir = quote(&dir),
    );
    Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("the test cluster's watcher: {e}"))?;
    Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"))
}

/// The directory of `initdb`, `pg_ctl` and `postgres`: `pg_config
/// --bindir`, or the newest `/usr/lib/postgresql/*/bin` (Debian keeps
/// `pg_config` in a -dev package).
fn binaries() -> Option<PathBuf> {
    let has_all = |d: &Path| {
        ["initdb", "pg_ctl", "postgres"]
            .iter()
            .all(|b| d.join(b).is_file())
    };
    let from_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if let Some(d) = from_config.filter(|d| has_all(d)) {
        return Some(d);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, d)| has_all(d))
        .collect();
    versions.sort();
    versions.pop().map(|(_, d)| d)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program`, as the `postgres` user when running as root.
fn as_user(as_root: bool, program: &Path) -> Command {
    if as_root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let out = command
        .output()
        .map_err(|e| format!("{what} could not run: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("a free port: {e}"))
}

/// A path as one shell word.
fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}
