//! Servers on one PostgreSQL database hear each other (`LISTEN/NOTIFY`):
//! a commit of one moves the other's generation on, a message of one is
//! heard by the other and never by itself, a unit rolled back says nothing,
//! and a lost listening connection is opened again, the generation moved on
//! and `Reconnected` heard (notifications may have been missed meanwhile).

use accord_store::{PeerMessage, Store};
use accord_store_postgres::PgStore;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);

async fn admin(sql: &str) {
    let url = accord_testkit::postgres_server_url();
    let mut conn = PgConnectOptions::from_str(&url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    sqlx::Executor::execute(&mut conn, sql).await.unwrap();
    conn.close().await.unwrap();
}

async fn server(schema: &str) -> PgStore {
    let options = PgConnectOptions::from_str(&accord_testkit::postgres_server_url())
        .unwrap()
        .options([("search_path", schema)])
        .application_name("accord-peers-test");
    PgStore::connect_with(options).await.unwrap()
}

type Heard = Arc<Mutex<Vec<PeerMessage>>>;

fn listen(store: &PgStore) -> Heard {
    let heard: Heard = Arc::default();
    let h = heard.clone();
    assert!(store.listen_to_peers(Arc::new(move |m| h.lock().unwrap().push(m))));
    heard
}

/// Polls `check` until it holds (fails after the deadline).
async fn until(what: &str, mut check: impl FnMut() -> bool) {
    let since = Instant::now();
    while !check() {
        assert!(since.elapsed() < DEADLINE, "never: {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_on_one_database_hear_each_other() {
    let schema = "accord_test_peers";
    admin(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
    ))
    .await;
    let (one, two) = (server(schema).await, server(schema).await);
    let (heard_one, heard_two) = (listen(&one), listen(&two));
    // Listening once the generation has moved from deaf to hearing.
    let mut listening = two.generation();
    until("the second server listens", || {
        let g = two.generation();
        let steady = g == listening;
        listening = g;
        steady
    })
    .await;

    // A commit of one: the other's generation moves on, it hears it.
    let before = two.generation();
    let tx = one.begin().await.unwrap();
    tx.commit().await.unwrap();
    until("the commit is heard", || {
        heard_two.lock().unwrap().contains(&PeerMessage::Committed)
    })
    .await;
    assert!(two.generation() > before);

    // A unit rolled back says nothing; a message is heard by the other
    // only (its sender skips its own).
    drop(one.begin().await.unwrap());
    heard_two.lock().unwrap().clear();
    one.tell_peers("live {\"process\":\"gcm\",\"topic\":\"t\"}")
        .await
        .unwrap();
    until("the message is heard", || {
        heard_two.lock().unwrap().contains(&PeerMessage::Said(
            "live {\"process\":\"gcm\",\"topic\":\"t\"}".into(),
        ))
    })
    .await;
    assert_eq!(
        *heard_two.lock().unwrap(),
        vec![PeerMessage::Said(
            "live {\"process\":\"gcm\",\"topic\":\"t\"}".into()
        )],
        "the rolled-back unit was not announced"
    );
    assert!(
        heard_one.lock().unwrap().is_empty(),
        "a server hears neither its own commits nor its own messages: {:?}",
        heard_one.lock().unwrap()
    );
    // A message too large for NOTIFY is refused, not cut.
    assert!(two.tell_peers(&"x".repeat(8_000)).await.is_err());

    // The listening connections are cut: each server opens its own again
    // and hears that it may have missed something.
    admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE application_name = 'accord-peers-test' AND query LIKE 'LISTEN%'",
    )
    .await;
    until("the second server listens again", || {
        heard_two
            .lock()
            .unwrap()
            .contains(&PeerMessage::Reconnected)
    })
    .await;
    let before = two.generation();
    let tx = one.begin().await.unwrap();
    tx.commit().await.unwrap();
    until("a commit is heard after the reconnection", || {
        two.generation() > before
            && heard_two
                .lock()
                .unwrap()
                .iter()
                .filter(|m| **m == PeerMessage::Committed)
                .count()
                >= 1
    })
    .await;
    one.close().await;
    two.close().await;
    admin(&format!("DROP SCHEMA {schema} CASCADE")).await;
}
