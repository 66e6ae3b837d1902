use accord_domain::{Actor, ActorKind};
use accord_store::Store;
use accord_store_conformance::{conformance_suite, Fixture};
use accord_store_sqlite::SqliteStore;

struct TempSqlite {
    store: SqliteStore,
    _dir: tempfile::TempDir,
}

impl Fixture for TempSqlite {
    fn store(&self) -> &dyn Store {
        &self.store
    }
    async fn teardown(self) {
        self.store.close().await;
    }
}

async fn fixture(_case: &'static str) -> TempSqlite {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("accord.db"))
        .await
        .unwrap();
    TempSqlite { store, _dir: dir }
}

conformance_suite!(fixture);

#[tokio::test]
async fn wal_and_foreign_keys_are_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    // A write through the store creates the WAL file beside the database.
    tx.insert_actor(&Actor::new(
        "FRA".parse().unwrap(),
        ActorKind::MemberState,
        "France",
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert!(
        dir.path().join("accord.db-wal").exists(),
        "journal mode is WAL"
    );
    store.close().await;
}

#[tokio::test]
async fn reopening_keeps_data_and_does_not_rerun_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&Actor::new(
        "EU".parse().unwrap(),
        ActorKind::Group,
        "European Union",
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    store.close().await;
    let again = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        again.get_actor(&"EU".parse().unwrap()).await.unwrap().name,
        "European Union"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = b"These are meeting notes, not a database. ".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = SqliteStore::open(&path).await.err().expect("must fail");
    assert!(
        matches!(err, accord_store::StoreError::Unavailable(_)),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        content,
        "the file is untouched"
    );
}
