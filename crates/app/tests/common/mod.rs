//! What the app's test files share: a demo store on a clock the test moves.

#![allow(dead_code)]

use accord_app::demo::Demo;
use accord_app::{App, Principal};
use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

pub const OPERATOR: Principal = Principal::System("test");
pub const PASSWORD: &str = "correct horse battery staple";

/// An app on a fresh SQLite store holding the GCM demo.
pub struct TestApp {
    pub app: App,
    now: Arc<Mutex<DateTime<Utc>>>,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The demo, with the clock at `now` (RFC 3339).
    pub async fn at(now: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("accord.db").display());
        let now = Arc::new(Mutex::new(now.parse::<DateTime<Utc>>().unwrap()));
        let clock = now.clone();
        let app = App::open(&url)
            .await
            .unwrap()
            .with_clock(Arc::new(move || *clock.lock().unwrap()));
        app.load_demo(Demo::Gcm).await.unwrap();
        TestApp {
            app,
            now,
            _dir: dir,
        }
    }

    pub fn advance(&self, by: Duration) {
        *self.now.lock().unwrap() += by;
    }
}
