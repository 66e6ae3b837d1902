//! The production store: PostgreSQL.

use accord_store::{Result, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgPool, Postgres};
use std::str::FromStr;
use std::time::Duration;

mod peers;
mod portable;

pub use peers::CHANNEL;

pub struct PgStore {
    pool: PgPool,
    /// Units of work committed through this server since it connected, and
    /// those it heard other servers commit (see `peers`).
    generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
    peers: std::sync::Arc<peers::Peers>,
}

pub struct PgTx {
    tx: sqlx::Transaction<'static, Postgres>,
    generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// This server's id among the servers on the database, and their
    /// channel.
    server: u64,
    channel: std::sync::Arc<str>,
}

accord_store_sql::sql_store!(
    db: sqlx::Postgres,
    conn: sqlx::PgConnection,
    store: PgStore,
    tx: PgTx,
    backend: "postgres"
);

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl PgStore {
    /// The migrations this build carries (`/readyz` compares them with the
    /// database's).
    pub fn migrations_known() -> usize {
        MIGRATOR.migrations.len()
    }
}

impl PgStore {
    /// Connects to the server at `url` and brings the schema up to date.
    /// A server that does not answer within a few seconds is an error.
    pub async fn connect(url: &str) -> Result<Self> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Unavailable(format!("invalid PostgreSQL URL: {e}")))?;
        Self::connect_with(options).await
    }

    /// Connects with prepared options (tests use them to pick a schema).
    pub async fn connect_with(options: PgConnectOptions) -> Result<Self> {
        // One direct attempt first: a refused or failed connection is reported
        // at once with its real cause, instead of after the pool's retries.
        let probe = tokio::time::timeout(Duration::from_secs(5), options.connect()).await;
        match probe {
            Err(_) => {
                return Err(StoreError::Unavailable(
                    "PostgreSQL did not answer within 5 s".into(),
                ))
            }
            Ok(Err(e)) => {
                return Err(StoreError::Unavailable(format!(
                    "cannot connect to PostgreSQL: {e}"
                )))
            }
            Ok(Ok(conn)) => {
                let _ = conn.close().await;
            }
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot connect to PostgreSQL: {e}")))?;
        let schema: String = sqlx::query_scalar("SELECT COALESCE(current_schema(), '')")
            .fetch_one(&pool)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot read the schema: {e}")))?;
        let store = PgStore {
            pool,
            generation: Default::default(),
            peers: std::sync::Arc::new(peers::Peers::new(&schema)),
        };
        MIGRATOR
            .run(&store.pool)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot apply migrations: {e}")))?;
        Ok(store)
    }

    async fn begin_tx(&self) -> Result<PgTx> {
        let tx = self
            .pool
            .begin()
            .await
            .map_err(accord_store_sql::store_error)?;
        Ok(PgTx {
            tx,
            generation: self.generation.clone(),
            server: self.peers.server,
            channel: self.peers.channel.as_str().into(),
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
