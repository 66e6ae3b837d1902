//! The servers on one PostgreSQL database, told of each other's commits and
//! messages through `LISTEN/NOTIFY` on one channel — no other broker. The
//! channel is `accord:<schema>` (NOTIFY reaches the whole database; the
//! schema keeps two Accords in one database apart).
//!
//! Every unit of work NOTIFYs `"<server> c"` inside its transaction, just
//! before COMMIT, so the notification is delivered if and only if the commit
//! happens; [`PgStore::tell`] sends `"<server> m <message>"` at once. Each
//! server that listens (`serve`) keeps one connection of its own on the
//! channel: a commit of another server moves this store's generation on (the
//! page cache drops its copies) and the app is told; its own notifications
//! are ignored (the commit moved the generation already, its messages were
//! delivered locally). A lost connection is opened again (backing off up to
//! 5 s); while it is down the generation moves on at every read, so no copy
//! is served, and once back the app hears [`PeerMessage::Reconnected`]
//! (notifications sent meanwhile are lost: caches are dropped, the index
//! follower polls the outbox anyway).

use crate::{PgStore, PgTx};
use accord_store::{PeerHandler, PeerMessage, Result, StoreError, MAX_PEER_MESSAGE};
use sqlx::postgres::PgListener;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The channel every Accord server on a schema listens on: this, then the
/// schema's name.
pub const CHANNEL: &str = "accord:";

pub(crate) struct Peers {
    /// This server's id: random, so two servers never share one.
    pub server: u64,
    /// `accord:<schema>`.
    pub channel: String,
    handlers: RwLock<Vec<PeerHandler>>,
    listening: AtomicBool,
    /// The listening connection is down (or not up yet): no copy may be
    /// trusted.
    deaf: AtomicBool,
}

impl Peers {
    pub fn new(schema: &str) -> Self {
        // Random keys (std's per-process seed), the process and the clock:
        // two servers share an id as often as 64 random bits collide.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        Peers {
            server: h.finish(),
            channel: {
                // PostgreSQL's identifiers (and channels) have 63 bytes.
                let mut c = format!("{CHANNEL}{schema}");
                while c.len() > 63 {
                    c.pop();
                }
                c
            },
            handlers: RwLock::new(Vec::new()),
            listening: AtomicBool::new(false),
            deaf: AtomicBool::new(false),
        }
    }

    fn hear(&self, message: &PeerMessage) {
        let handlers = self
            .handlers
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        for h in handlers {
            h(message.clone());
        }
    }
}

impl PgStore {
    pub(crate) fn current_generation(&self) -> u64 {
        if self.peers.deaf.load(Ordering::SeqCst) {
            // Deaf to the others: whatever was read may be stale already.
            return self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        }
        self.generation.load(Ordering::SeqCst)
    }

    pub(crate) async fn tell(&self, message: &str) -> Result<()> {
        if message.len() > MAX_PEER_MESSAGE {
            return Err(StoreError::Other(format!(
                "a message to the other servers of {} bytes (at most {MAX_PEER_MESSAGE})",
                message.len()
            )));
        }
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(&self.peers.channel)
            .bind(format!("{:x} m {message}", self.peers.server))
            .execute(&self.pool)
            .await
            .map_err(accord_store_sql::store_error)?;
        Ok(())
    }

    pub(crate) fn listen(&self, hear: PeerHandler) -> bool {
        self.peers
            .handlers
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(hear);
        if !self.peers.listening.swap(true, Ordering::SeqCst) {
            self.peers.deaf.store(true, Ordering::SeqCst);
            tokio::spawn(listen(
                self.pool.clone(),
                self.generation.clone(),
                self.peers.clone(),
            ));
        }
        true
    }
}

impl PgTx {
    /// Tells the other servers, delivered only if this unit commits.
    pub(crate) async fn before_commit(&mut self) -> Result<()> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(&*self.channel)
            .bind(format!("{:x} c", self.server))
            .execute(&mut *self.tx)
            .await
            .map_err(accord_store_sql::store_error)?;
        Ok(())
    }
}

async fn listen(pool: sqlx::PgPool, generation: Arc<AtomicU64>, peers: Arc<Peers>) {
    let own = format!("{:x} ", peers.server);
    let mut wait = Duration::from_millis(100);
    let mut first = true;
    loop {
        if pool.is_closed() {
            return;
        }
        let connected = async {
            let mut l = PgListener::connect_with(&pool).await?;
            // A lost connection is opened again here, not inside try_recv.
            l.eager_reconnect(false);
            l.listen(&peers.channel).await?;
            Ok::<_, sqlx::Error>(l)
        }
        .await;
        let mut listener = match connected {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen to the other servers; trying again");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(5));
                continue;
            }
        };
        wait = Duration::from_millis(100);
        peers.deaf.store(false, Ordering::SeqCst);
        generation.fetch_add(1, Ordering::SeqCst);
        if first {
            first = false;
        } else {
            tracing::info!("listening to the other servers again");
            peers.hear(&PeerMessage::Reconnected);
        }
        loop {
            match listener.try_recv().await {
                Ok(Some(n)) => match heard(n.payload(), &own) {
                    Some(PeerMessage::Committed) => {
                        generation.fetch_add(1, Ordering::SeqCst);
                        peers.hear(&PeerMessage::Committed);
                    }
                    Some(said) => peers.hear(&said),
                    None => {}
                },
                Ok(None) => {
                    tracing::warn!("lost the connection listening to the other servers");
                    break;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "lost the connection listening to the other servers");
                    break;
                }
            }
        }
        peers.deaf.store(true, Ordering::SeqCst);
        generation.fetch_add(1, Ordering::SeqCst);
    }
}

/// What a notification's payload says, unless this server sent it (`own`:
/// its id and a space) or it is none of Accord's.
fn heard(payload: &str, own: &str) -> Option<PeerMessage> {
    if payload.starts_with(own) {
        return None;
    }
    let (sender, rest) = payload.split_once(' ')?;
    if sender.is_empty() || !sender.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    if rest == "c" {
        Some(PeerMessage::Committed)
    } else {
        rest.strip_prefix("m ")
            .map(|said| PeerMessage::Said(said.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_are_read_strictly_and_never_from_oneself() {
        let own = "abc ";
        assert_eq!(heard("def c", own), Some(PeerMessage::Committed));
        assert_eq!(
            heard("def m live {}", own),
            Some(PeerMessage::Said("live {}".into()))
        );
        assert_eq!(heard("def m ", own), Some(PeerMessage::Said(String::new())));
        for hostile in [
            "abc c",
            "abc m live {}",
            "",
            "c",
            " c",
            "def",
            "def x",
            "def c ",
            "def cc",
            "def m",
            "zz-z c",
            "def\nc",
        ] {
            assert_eq!(heard(hostile, own), None, "{hostile:?}");
        }
    }
}
