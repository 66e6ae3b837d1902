//! The conformance suite on a real PostgreSQL server: the one
//! `ACCORD_TEST_POSTGRES_URL` names, or the test kit's throwaway cluster.
//! Each case runs in a schema of its own, so cases run in parallel.

use accord_store::Store;
use accord_store_conformance::{conformance_suite, Fixture};
use accord_store_postgres::PgStore;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::str::FromStr;

fn server_url() -> String {
    accord_testkit::postgres_server_url()
}

struct PgSchema {
    store: PgStore,
    schema: String,
}

impl Fixture for PgSchema {
    fn store(&self) -> &dyn Store {
        &self.store
    }
    async fn teardown(self) {
        self.store.close().await;
        admin(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema)).await;
    }
}

async fn admin(sql: &str) {
    let url = server_url();
    let mut conn = PgConnectOptions::from_str(&url)
        .unwrap()
        .connect()
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {url} does not answer: {e}"));
    sqlx::Executor::execute(&mut conn, sql).await.unwrap();
    conn.close().await.unwrap();
}

async fn fixture(case: &'static str) -> PgSchema {
    let schema = format!("accord_test_{case}");
    admin(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ))
    .await;
    let options = PgConnectOptions::from_str(&server_url())
        .unwrap()
        .options([("search_path", schema.as_str())]);
    let store = PgStore::connect_with(options).await.unwrap();
    PgSchema { store, schema }
}

conformance_suite!(fixture);

#[test]
fn migrations_are_in_lockstep_with_sqlite() {
    let names = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    };
    let manifest = env!("CARGO_MANIFEST_DIR");
    let pg = names(&format!("{manifest}/migrations"));
    let sqlite = names(&format!("{manifest}/../store-sqlite/migrations"));
    assert!(!pg.is_empty());
    assert_eq!(pg, sqlite, "both stores must have the same migration files");
}

#[tokio::test]
async fn a_server_that_does_not_answer_is_unavailable() {
    // Port 1 on loopback: nothing listens there.
    let err = PgStore::connect("postgres://postgres@127.0.0.1:1/test")
        .await
        .err()
        .expect("must fail");
    assert!(
        matches!(err, accord_store::StoreError::Unavailable(_)),
        "{err}"
    );
}
