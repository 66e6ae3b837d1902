//! Choosing and opening the store named by a database URL.

use accord_store::{Store, StoreError};
use accord_store_postgres::PgStore;
use accord_store_sqlite::SqliteStore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The store used when none is named.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://./accord-data/accord.db";

/// Where the data lives, parsed from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    /// `sqlite://relative/path` or `sqlite:///absolute/path`.
    Sqlite(PathBuf),
    /// `postgres://…` or `postgresql://…`, passed to the driver as given.
    Postgres(String),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DatabaseUrlError {
    #[error("unsupported database URL scheme '{0}': use sqlite://PATH or postgres://…")]
    UnsupportedScheme(String),
    #[error("the database URL has no scheme: use sqlite://PATH or postgres://…")]
    NoScheme,
    #[error(
        "the sqlite URL names no file: use sqlite://PATH, e.g. sqlite://./accord-data/accord.db"
    )]
    EmptyPath,
    #[error("in-memory SQLite is not supported: Accord keeps what it is given; name a file")]
    InMemory,
    #[error("the sqlite URL may not carry a query ('?…'); name only the file")]
    Query,
}

impl DatabaseTarget {
    pub fn parse(url: &str) -> Result<Self, DatabaseUrlError> {
        let url = url.trim();
        let Some((scheme, rest)) = url.split_once("://") else {
            return match url.split_once(':') {
                Some((scheme, _)) if !scheme.is_empty() && !scheme.contains('/') => Err(
                    DatabaseUrlError::UnsupportedScheme(scheme.chars().take(32).collect()),
                ),
                _ => Err(DatabaseUrlError::NoScheme),
            };
        };
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => {
                if rest.is_empty() {
                    return Err(DatabaseUrlError::EmptyPath);
                }
                if rest == ":memory:" || rest.contains("mode=memory") {
                    return Err(DatabaseUrlError::InMemory);
                }
                if rest.contains('?') {
                    return Err(DatabaseUrlError::Query);
                }
                Ok(DatabaseTarget::Sqlite(PathBuf::from(rest)))
            }
            "postgres" | "postgresql" => Ok(DatabaseTarget::Postgres(url.to_owned())),
            "" => Err(DatabaseUrlError::NoScheme),
            other => Err(DatabaseUrlError::UnsupportedScheme(
                other.chars().take(32).collect(),
            )),
        }
    }

    /// Where files and the search index live unless configured otherwise:
    /// the SQLite file's directory; `./accord-data` with PostgreSQL.
    pub fn default_data_dir(&self) -> PathBuf {
        match self {
            DatabaseTarget::Sqlite(path) => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
            DatabaseTarget::Postgres(_) => PathBuf::from("accord-data"),
        }
    }

    /// The URL without credentials, fit to print.
    pub fn display(&self) -> String {
        match self {
            DatabaseTarget::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseTarget::Postgres(url) => match (url.split_once("://"), url.rfind('@')) {
                (Some((scheme, _)), Some(at)) => format!("{scheme}://…@{}", &url[at + 1..]),
                _ => url.clone(),
            },
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Url(#[from] DatabaseUrlError),
    #[error("cannot use {path}: {reason}")]
    Path { path: String, reason: String },
    #[error("{0}")]
    Store(StoreError),
}

/// Opens the store a URL names, applying migrations. A SQLite file and its
/// missing parent directories are created; if opening then fails, whatever
/// was created is removed again, so a failure leaves nothing behind.
pub async fn open_store(target: &DatabaseTarget) -> Result<Arc<dyn Store>, OpenError> {
    match target {
        DatabaseTarget::Postgres(url) => PgStore::connect(url)
            .await
            .map(|s| Arc::new(s) as Arc<dyn Store>)
            .map_err(OpenError::Store),
        DatabaseTarget::Sqlite(path) => open_sqlite(path).await,
    }
}

async fn open_sqlite(path: &Path) -> Result<Arc<dyn Store>, OpenError> {
    let path_err = |reason: String| OpenError::Path {
        path: path.display().to_string(),
        reason,
    };
    if path.is_dir() {
        return Err(path_err("it is a directory; name a database file".into()));
    }
    let existed = path.exists();
    // The outermost directory this call creates, to remove on failure.
    let mut created_dir = None;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let mut first_missing = None;
        for ancestor in parent.ancestors() {
            if ancestor.as_os_str().is_empty() || ancestor.exists() {
                break;
            }
            first_missing = Some(ancestor.to_path_buf());
        }
        if let Some(dir) = first_missing {
            std::fs::create_dir_all(parent)
                .map_err(|e| path_err(format!("cannot create its directory: {e}")))?;
            created_dir = Some(dir);
        }
    }
    match SqliteStore::open(path).await {
        Ok(store) => Ok(Arc::new(store)),
        Err(e) => {
            if !existed {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut p = path.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
            }
            if let Some(dir) = created_dir {
                let _ = std::fs::remove_dir_all(dir);
            }
            Err(OpenError::Store(e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_two_schemes() {
        assert_eq!(
            DatabaseTarget::parse(DEFAULT_DATABASE_URL).unwrap(),
            DatabaseTarget::Sqlite("./accord-data/accord.db".into())
        );
        assert_eq!(
            DatabaseTarget::parse("sqlite:///var/lib/accord.db").unwrap(),
            DatabaseTarget::Sqlite("/var/lib/accord.db".into())
        );
        assert!(matches!(
            DatabaseTarget::parse("postgresql://u:p@db:5432/accord").unwrap(),
            DatabaseTarget::Postgres(_)
        ));
    }

    #[test]
    fn hostile_and_malformed_urls_are_refused() {
        use DatabaseUrlError::*;
        let cases = [
            (
                "mysql://root@localhost/db",
                UnsupportedScheme("mysql".into()),
            ),
            ("file:///tmp/x.db", UnsupportedScheme("file".into())),
            ("redis:localhost", UnsupportedScheme("redis".into())),
            ("./accord.db", NoScheme),
            ("", NoScheme),
            ("://nothing", NoScheme),
            ("sqlite://", EmptyPath),
            ("sqlite://:memory:", InMemory),
            ("sqlite://x.db?mode=memory", InMemory),
            ("sqlite://x.db?mode=ro", Query),
        ];
        for (url, expected) in cases {
            assert_eq!(DatabaseTarget::parse(url), Err(expected), "{url}");
        }
        let long = format!("{}://x", "z".repeat(10_000));
        match DatabaseTarget::parse(&long) {
            Err(UnsupportedScheme(s)) => assert!(s.len() <= 32),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn credentials_are_not_displayed() {
        let t = DatabaseTarget::parse("postgres://accord:s3cret@db.example:5432/accord").unwrap();
        assert!(!t.display().contains("s3cret"));
        assert!(t.display().ends_with("db.example:5432/accord"));
    }

    #[tokio::test]
    async fn a_failed_open_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        // The parent "directory" is a file: nothing can be created under it.
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"x").unwrap();
        let target = DatabaseTarget::Sqlite(blocker.join("sub/accord.db"));
        assert!(open_store(&target).await.is_err());
        let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(entries.len(), 1, "only the blocker remains");

        // A directory in place of the file.
        assert!(matches!(
            open_store(&DatabaseTarget::Sqlite(dir.path().to_path_buf())).await,
            Err(OpenError::Path { .. })
        ));
    }

    #[tokio::test]
    async fn missing_directories_are_created_for_a_new_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accord-data/nested/accord.db");
        open_store(&DatabaseTarget::Sqlite(path.clone()))
            .await
            .unwrap();
        assert!(path.exists());
    }
}
