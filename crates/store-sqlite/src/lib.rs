//! The embedded default store: SQLite in WAL mode with foreign keys on.

use accord_store::{Result, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

mod portable;

pub struct SqliteStore {
    pool: SqlitePool,
    /// SQLite has one writer at a time. A unit of work reads before it writes;
    /// were two to interleave, the later one's write would fail with
    /// SQLITE_BUSY_SNAPSHOT. Units of work therefore take turns here.
    writer: Arc<tokio::sync::Mutex<()>>,
    /// Units of work committed since the store was opened.
    generation: Arc<std::sync::atomic::AtomicU64>,
}

pub struct SqliteTx {
    tx: WriterTx,
    generation: Arc<std::sync::atomic::AtomicU64>,
}

/// A transaction that holds the writer's turn until it is over: committed,
/// or — when dropped without a commit — rolled back. (sqlx rolls a dropped
/// transaction back later, on its connection's worker; were the turn given
/// up at once, the next unit would wait on the file lock, up to the busy
/// timeout, for a rollback it cannot see.)
struct WriterTx {
    tx: Option<sqlx::Transaction<'static, Sqlite>>,
    writer: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriterTx {
    async fn commit(mut self) -> Result<(), sqlx::Error> {
        let tx = self
            .tx
            .take()
            .expect("a transaction is open until committed");
        let result = tx.commit().await;
        drop(self.writer.take());
        result
    }
}

impl SqliteTx {
    /// Nothing to announce: one process uses a SQLite file.
    #[allow(clippy::unused_async)]
    async fn before_commit(&mut self) -> Result<()> {
        Ok(())
    }
}

impl std::ops::Deref for WriterTx {
    type Target = sqlx::SqliteConnection;
    fn deref(&self) -> &Self::Target {
        self.tx
            .as_ref()
            .expect("a transaction is open until committed")
    }
}

impl std::ops::DerefMut for WriterTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.tx
            .as_mut()
            .expect("a transaction is open until committed")
    }
}

impl Drop for WriterTx {
    fn drop(&mut self) {
        let (Some(tx), writer) = (self.tx.take(), self.writer.take()) else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            // Roll back, then give up the turn.
            Ok(runtime) => {
                runtime.spawn(async move {
                    let _ = tx.rollback().await;
                    drop(writer);
                });
            }
            Err(_) => drop((tx, writer)),
        }
    }
}

accord_store_sql::sql_store!(
    db: sqlx::Sqlite,
    conn: sqlx::SqliteConnection,
    store: SqliteStore,
    tx: SqliteTx,
    backend: "sqlite"
);

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl SqliteStore {
    /// The migrations this build carries (`/readyz` compares them with the
    /// database's).
    pub fn migrations_known() -> usize {
        MIGRATOR.migrations.len()
    }
}

impl SqliteStore {
    /// Opens (creating if missing) the database file at `path` and brings its
    /// schema up to date. The parent directory must exist.
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // A system of record: each commit reaches the disk before it is
            // acknowledged, so a power cut loses no acknowledged write
            // (NORMAL would survive a killed process but not a lost machine).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot open {}: {e}", path.display())))?;
        let store = SqliteStore {
            pool,
            writer: Arc::new(tokio::sync::Mutex::new(())),
            generation: Arc::default(),
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn begin_tx(&self) -> Result<SqliteTx> {
        let writer = self.writer.clone().lock_owned().await;
        let tx = self
            .pool
            .begin()
            .await
            .map_err(accord_store_sql::store_error)?;
        Ok(SqliteTx {
            tx: WriterTx {
                tx: Some(tx),
                writer: Some(writer),
            },
            generation: self.generation.clone(),
        })
    }

    fn current_generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// One process uses a SQLite file: nobody to tell.
    async fn tell(&self, _message: &str) -> Result<()> {
        Ok(())
    }

    /// One process uses a SQLite file: nobody to hear.
    fn listen(&self, _hear: accord_store::PeerHandler) -> bool {
        false
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot apply migrations: {e}")))
    }

    /// Closes the pool, checkpointing the write-ahead log.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
