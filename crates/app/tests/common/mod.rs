//! What the app's test files share: a real store (SQLite or PostgreSQL, see
//! `accord_testkit`) on a clock the test moves.

#![allow(dead_code)]

use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo};
pub use accord_testkit::{on_both_stores, TestDatabase};

pub mod udhr;
use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

pub const OPERATOR: Principal = Principal::System("test");
pub const PASSWORD: &str = "correct horse battery staple";

/// An app on a fresh store, with the clock where the test puts it.
pub struct TestApp {
    pub app: App,
    now: Arc<Mutex<DateTime<Utc>>>,
    pub db: TestDatabase,
}

impl TestApp {
    /// An empty store, with the clock at `now` (RFC 3339).
    pub async fn empty(db: TestDatabase, now: &str) -> Self {
        let now = Arc::new(Mutex::new(now.parse::<DateTime<Utc>>().unwrap()));
        let clock = now.clone();
        let app = App::in_data_dir(db.store().await, &db.data_dir)
            .with_clock(Arc::new(move || *clock.lock().unwrap()));
        TestApp { app, now, db }
    }

    /// The GCM demo, with the clock at `now` (RFC 3339).
    pub async fn at(db: TestDatabase, now: &str) -> Self {
        let t = Self::empty(db, now).await;
        t.app.load_demo(Demo::Gcm).await.unwrap();
        t
    }

    pub fn advance(&self, by: Duration) {
        *self.now.lock().unwrap() += by;
    }

    pub fn set_now(&self, now: &str) {
        *self.now.lock().unwrap() = now.parse().unwrap();
    }
}
