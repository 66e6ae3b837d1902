//! Test support shared by the crates' integration tests: every test that
//! must hold on both stores gets a fresh, real database of its own — a
//! temporary SQLite file, or a PostgreSQL schema on the server named by
//! `ACCORD_TEST_POSTGRES_URL` (or, when that is unset, on a throwaway
//! cluster the test process starts itself) — and `on_both_stores!` runs it
//! on each.
//!
//! There is no in-memory stand-in: a PostgreSQL server that does not answer
//! fails the PostgreSQL half of every such test.

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// Which real store a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, empty database for one test, named by `url` and opened by
/// [`TestDatabase::store`]. A SQLite file lives in a temporary directory removed on drop; a
/// PostgreSQL schema is dropped and made anew when the same test next runs.
/// Either way the test gets a fresh directory for files and the search
/// index, `data_dir`.
pub struct TestDatabase {
    pub url: String,
    pub backend: Backend,
    /// A fresh directory for the test's files and search index.
    pub data_dir: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// The PostgreSQL server the tests use: the one `ACCORD_TEST_POSTGRES_URL`
/// names, or else a throwaway cluster of this test process's own, started
/// on first use from the machine's PostgreSQL binaries (see [`throwaway`]).
/// Without PostgreSQL installed, the PostgreSQL half of a test fails with
/// one line saying how to install it.
pub fn postgres_server_url() -> String {
    if let Some(url) = std::env::var("ACCORD_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    {
        return url;
    }
    static CLUSTER: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    CLUSTER
        .get_or_init(throwaway::start)
        .clone()
        .unwrap_or_else(|e| panic!("{e}"))
}

pub mod throwaway;

impl TestDatabase {
    /// A fresh database for the test called `name` (any text; a PostgreSQL
    /// schema name is derived from it, unique per name).
    pub async fn new(backend: Backend, name: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let data_dir = dir.path().join("data");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("accord.db").display());
                TestDatabase {
                    url,
                    backend,
                    data_dir: data_dir.clone(),
                    _dir: dir,
                }
            }
            Backend::Postgres => {
                let schema = schema_name(name);
                let server = postgres_server_url();
                admin(
                    &server,
                    &format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"),
                )
                .await;
                let sep = if server.contains('?') { '&' } else { '?' };
                TestDatabase {
                    url: format!("{server}{sep}options[search_path]={schema}"),
                    backend,
                    data_dir: data_dir.clone(),
                    _dir: dir,
                }
            }
        }
    }
}

impl TestDatabase {
    /// The database opened as a store, migrations applied.
    pub async fn store(&self) -> std::sync::Arc<dyn accord_store::Store> {
        match self.backend {
            Backend::Sqlite => std::sync::Arc::new(
                accord_store_sqlite::SqliteStore::open(std::path::Path::new(
                    self.url.trim_start_matches("sqlite://"),
                ))
                .await
                .expect("the test's SQLite file opens"),
            ),
            Backend::Postgres => std::sync::Arc::new(
                accord_store_postgres::PgStore::connect(&self.url)
                    .await
                    .expect("the test's PostgreSQL schema opens"),
            ),
        }
    }
}

/// A PostgreSQL identifier from a test's name: lower-case letters, digits and
/// underscores, at most 63 bytes, with a hash of the whole name so two long
/// names that share an ending still differ.
pub fn schema_name(name: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut hasher);
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let tail: String = clean
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "t_{:08x}_{}",
        hasher.finish() as u32,
        tail.trim_start_matches('_')
    )
}

async fn admin(server: &str, sql: &str) {
    let mut conn = PgConnectOptions::from_str(server)
        .expect("ACCORD_TEST_POSTGRES_URL must be a PostgreSQL URL")
        .connect()
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {server} does not answer: {e}"));
    sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
}

/// Runs `async fn $name(db: TestDatabase)` once on each store, as the tests
/// `$name::sqlite` and `$name::postgres`, each with a fresh database.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[::tokio::test]
                async fn sqlite() {
                    let db = $crate::TestDatabase::new($crate::Backend::Sqlite, module_path!()).await;
                    super::$name(db).await
                }
                #[::tokio::test]
                async fn postgres() {
                    let db = $crate::TestDatabase::new($crate::Backend::Postgres, module_path!()).await;
                    super::$name(db).await
                }
            }
        )+
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_are_identifiers_and_differ_per_test() {
        let a = schema_name("access_http::every_write_route_as_every_role::postgres");
        let b = schema_name("speakers::every_write_route_as_every_role::postgres");
        assert_ne!(a, b);
        assert!(a.len() <= 63, "{a}");
        assert!(a
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
    }
}
