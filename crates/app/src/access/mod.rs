//! Accounts, sign-in sessions, API tokens and password resets.

pub(crate) mod accreditation;
mod commands;
mod views;

use crate::policy::{authorize, Action, Principal};
use crate::{AppError, Result};
use accord_domain::{check_person_name, Account, Email, Role, RoleGrant, ValidationError};
use accord_store::{ApiTokenRecord, SessionRecord};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use subtle::ConstantTimeEq;

/// How long a sign-in lasts.
pub const SESSION_HOURS: i64 = 12;
/// The longest life an API token may have.
pub const MAX_TOKEN_DAYS: i64 = 366;
/// How long a password-reset link works.
pub const RESET_HOURS: i64 = 24;
/// Failed sign-ins to an account before it backs off (1 minute, doubling
/// with each further failure, at most an hour).
pub const LOGIN_ATTEMPTS: usize = 5;
/// The window for failed sign-ins to unknown accounts from one address.
pub const LOGIN_WINDOW_MINUTES: i64 = 15;
const MIN_PASSWORD: usize = 12;
const MAX_PASSWORD: usize = 1024;

/// A fresh secret: 32 random bytes, hex-encoded.
pub fn secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A strong password for a new account: 24 random characters.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Rejection sampling keeps every character equally likely.
    let limit = 256 - 256 % ALPHABET.len();
    let mut out = String::with_capacity(24);
    while out.len() < 24 {
        let mut b = [0u8; 1];
        OsRng.fill_bytes(&mut b);
        if (b[0] as usize) < limit {
            out.push(ALPHABET[b[0] as usize % ALPHABET.len()] as char);
        }
    }
    out
}

/// What the store keeps of a secret.
pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compares two secrets in constant time.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("password hashing failed: {e}")))
}

fn check_password(password: &str) -> Result<()> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        return Err(ValidationError::Invalid {
            what: "password",
            value: String::new(),
            reason: "must be at least 12 characters long",
        }
        .into());
    }
    if n > MAX_PASSWORD {
        return Err(ValidationError::TooLong {
            what: "password",
            max: MAX_PASSWORD,
        }
        .into());
    }
    Ok(())
}

/// A verifier that costs what a real one does, for unknown accounts, so the
/// time a sign-in takes does not tell whether the account exists.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no account has this password").unwrap_or_default())
}

/// How many keys a throttle remembers; past it the key seen longest ago is
/// forgotten (never all of them at once).
pub const THROTTLE_KEYS: usize = 100_000;

/// Events (failed sign-ins, inputs sent) counted by key over a sliding
/// window; a key with `limit` events in the window is held back — until the
/// oldest leaves the window, or, with a backoff, for `base × 2^(n − limit)`
/// after the last event (at most the window). Memory is bounded: past
/// `capacity` keys, the key whose last event is oldest is forgotten.
pub struct Throttle {
    /// Its name in the store (`shared`).
    name: &'static str,
    /// On PostgreSQL, the events are kept in the store, so every server
    /// counts them; otherwise in `state`, in this server's memory.
    shared: Option<std::sync::Arc<dyn accord_store::Store>>,
    limit: usize,
    window: Duration,
    backoff: Option<Duration>,
    capacity: usize,
    state: Mutex<ThrottleState>,
}

#[derive(Default)]
struct ThrottleState {
    events: HashMap<String, Events>,
    /// (last event, key), oldest first: what to forget when full. Exactly
    /// one entry per key in `events`.
    by_age: std::collections::BTreeSet<(DateTime<Utc>, String)>,
}

struct Events {
    /// The events still in the window, oldest first.
    times: VecDeque<DateTime<Utc>>,
    /// The last event: its entry in `by_age`.
    last: DateTime<Utc>,
}

impl ThrottleState {
    /// Drops the events that left the window; forgets the key when none is
    /// left.
    fn prune(&mut self, key: &str, since: DateTime<Utc>) {
        let Some(e) = self.events.get_mut(key) else {
            return;
        };
        while e.times.front().is_some_and(|t| *t < since) {
            e.times.pop_front();
        }
        if e.times.is_empty() {
            let last = e.last;
            self.events.remove(key);
            self.by_age.remove(&(last, key.to_owned()));
        }
    }

    fn forget(&mut self, key: &str) {
        if let Some(e) = self.events.remove(key) {
            self.by_age.remove(&(e.last, key.to_owned()));
        }
    }
}

impl Throttle {
    pub fn new(limit: usize, window: Duration) -> Self {
        Throttle {
            name: "throttle",
            shared: None,
            limit: limit.max(1),
            window,
            backoff: None,
            capacity: THROTTLE_KEYS,
            state: Mutex::default(),
        }
    }

    /// Held back after `limit` events for `base`, doubling with each event
    /// after that, at most the window.
    pub fn with_backoff(mut self, base: Duration) -> Self {
        self.backoff = Some(base);
        self
    }

    #[cfg(test)]
    pub fn with_capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity.max(1);
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ThrottleState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Kept in `store` under `name`, shared by every server on it.
    pub(crate) fn shared(
        mut self,
        name: &'static str,
        store: Option<std::sync::Arc<dyn accord_store::Store>>,
    ) -> Self {
        self.name = name;
        self.shared = store;
        self
    }

    /// Until when `key` is held back, if it is (the state already pruned).
    fn until(&self, state: &ThrottleState, key: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let e = state.events.get(key)?;
        self.until_of(&e.times, e.last, now)
    }

    /// Until when a key with these events in the window (the last at
    /// `last`) is held back, if it is.
    fn until_of(
        &self,
        times: &VecDeque<DateTime<Utc>>,
        last: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if times.len() < self.limit {
            return None;
        }
        let until = match self.backoff {
            Some(base) => {
                let doublings = u32::try_from(times.len() - self.limit)
                    .unwrap_or(u32::MAX)
                    .min(20);
                let wait = base
                    .checked_mul(1 << doublings)
                    .unwrap_or(self.window)
                    .min(self.window);
                last + wait
            }
            None => *times.front()? + self.window,
        };
        (until > now).then_some(until)
    }

    /// `hit`, `held_until`, `record` and `forget` wherever the events are
    /// kept. In the store, a key's events are read, checked and written in
    /// one unit of work with the key's row locked, so a burst split over
    /// servers is counted one by one as on one server. Keys whose last event
    /// left the window are forgotten as events are recorded.
    pub(crate) async fn check(
        &self,
        key: &str,
        now: DateTime<Utc>,
    ) -> crate::Result<std::result::Result<(), DateTime<Utc>>> {
        let Some(store) = &self.shared else {
            return Ok(self.hit(key, now));
        };
        let mut tx = store.begin().await?;
        let mut times = self.stored(&mut *tx, key, now).await?;
        if let Some(until) = times
            .back()
            .and_then(|&last| self.until_of(&times, last, now))
        {
            return Ok(Err(until));
        }
        self.store_event(&mut *tx, key, &mut times, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    pub(crate) async fn held(
        &self,
        key: &str,
        now: DateTime<Utc>,
    ) -> crate::Result<Option<DateTime<Utc>>> {
        let Some(store) = &self.shared else {
            return Ok(self.held_until(key, now));
        };
        let mut tx = store.begin().await?;
        let times = self.stored(&mut *tx, key, now).await?;
        Ok(times
            .back()
            .and_then(|&last| self.until_of(&times, last, now)))
    }

    pub(crate) async fn count(&self, key: &str, now: DateTime<Utc>) -> crate::Result<()> {
        let Some(store) = &self.shared else {
            self.record(key, now);
            return Ok(());
        };
        let mut tx = store.begin().await?;
        let mut times = self.stored(&mut *tx, key, now).await?;
        self.store_event(&mut *tx, key, &mut times, now).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn clear(&self, key: &str) -> crate::Result<()> {
        let Some(store) = &self.shared else {
            self.forget(key);
            return Ok(());
        };
        let mut tx = store.begin().await?;
        tx.put_throttle_events(self.name, key, &[]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A key's stored events still in the window (its row locked).
    async fn stored(
        &self,
        tx: &mut dyn accord_store::Tx,
        key: &str,
        now: DateTime<Utc>,
    ) -> crate::Result<VecDeque<DateTime<Utc>>> {
        let since = now - self.window;
        Ok(tx
            .throttle_events(self.name, key)
            .await?
            .into_iter()
            .filter(|t| *t >= since)
            .collect())
    }

    async fn store_event(
        &self,
        tx: &mut dyn accord_store::Tx,
        key: &str,
        times: &mut VecDeque<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> crate::Result<()> {
        times.push_back(now);
        while times.len() > self.limit + 20 {
            times.pop_front();
        }
        let times: Vec<_> = times.iter().copied().collect();
        tx.put_throttle_events(self.name, key, &times).await?;
        tx.forget_throttle_keys_before(self.name, now - self.window)
            .await?;
        Ok(())
    }

    /// Is `key` held back at `now`? `Some(until)` says when it may try again.
    pub(crate) fn held_until(&self, key: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut state = self.lock();
        state.prune(key, now - self.window);
        self.until(&state, key, now)
    }

    #[cfg(test)]
    pub(crate) fn blocked(&self, key: &str, now: DateTime<Utc>) -> bool {
        self.held_until(key, now).is_some()
    }

    /// Checks and counts one attempt in one step (so a burst of concurrent
    /// attempts cannot all pass before any is counted): `Err(until)` when
    /// `key` is held back, and then nothing is counted.
    pub(crate) fn hit(
        &self,
        key: &str,
        now: DateTime<Utc>,
    ) -> std::result::Result<(), DateTime<Utc>> {
        let mut state = self.lock();
        state.prune(key, now - self.window);
        if let Some(until) = self.until(&state, key, now) {
            return Err(until);
        }
        self.record_locked(&mut state, key, now);
        Ok(())
    }

    pub(crate) fn record(&self, key: &str, now: DateTime<Utc>) {
        let mut state = self.lock();
        self.record_locked(&mut state, key, now);
    }

    fn record_locked(&self, state: &mut ThrottleState, key: &str, now: DateTime<Utc>) {
        let ThrottleState { events, by_age } = state;
        match events.get_mut(key) {
            Some(e) => {
                by_age.remove(&(e.last, key.to_owned()));
                e.times.push_back(now);
                e.last = now;
                // Only the last `limit` + 20 events ever matter.
                while e.times.len() > self.limit + 20 {
                    e.times.pop_front();
                }
            }
            None => {
                while events.len() >= self.capacity {
                    let Some((_, oldest)) = by_age.pop_first() else {
                        break;
                    };
                    events.remove(&oldest);
                }
                events.insert(
                    key.to_owned(),
                    Events {
                        times: VecDeque::from([now]),
                        last: now,
                    },
                );
            }
        }
        by_age.insert((now, key.to_owned()));
    }

    pub(crate) fn forget(&self, key: &str) {
        self.lock().forget(key);
    }

    /// How many keys it remembers (and entries in its age index).
    #[cfg(test)]
    pub fn keys(&self) -> (usize, usize) {
        let state = self.lock();
        (state.events.len(), state.by_age.len())
    }
}

/// Limits against abuse, per client address and per account: set once by
/// the operator (`accord serve --inputs-per-hour …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbuseLimits {
    /// Written inputs one address may send in an hour (the process's
    /// secretariat is not limited).
    pub inputs_per_hour: usize,
    /// Accreditation applications one address may send in an hour.
    pub applications_per_hour: usize,
    /// Failed sign-ins to accounts that do not exist, per address in
    /// `LOGIN_WINDOW_MINUTES` (high: behind a proxy many people share one).
    pub unknown_sign_ins_per_address: usize,
}

impl Default for AbuseLimits {
    fn default() -> Self {
        AbuseLimits {
            inputs_per_hour: 30,
            applications_per_hour: 5,
            unknown_sign_ins_per_address: 100,
        }
    }
}

/// The throttles an `App` keeps: in memory, per server; on PostgreSQL in
/// the store, shared by every server on it.
pub(crate) struct Throttles {
    pub limits: AbuseLimits,
    /// Sign-in attempts per (e-mail address, client address), with backoff:
    /// a guesser is slowed, someone at another address is not.
    pub sign_in: Throttle,
    /// Sign-in attempts per e-mail address from anywhere, with backoff, set
    /// higher: guessing spread over many addresses is slowed too.
    pub sign_in_account: Throttle,
    /// Failed sign-ins to unknown accounts, per client address.
    pub unknown_sign_in: Throttle,
    /// Failed password resets (a wrong or spent link), per client address.
    pub resets: Throttle,
    pub inputs: Throttle,
    pub applications: Throttle,
}

/// Sign-in attempts to one e-mail address from anywhere before it backs off.
pub const ACCOUNT_ATTEMPTS: usize = 20;
/// Failed password resets one address may make in `LOGIN_WINDOW_MINUTES`.
pub const RESET_ATTEMPTS: usize = 20;

impl Throttles {
    /// Throttles in memory, or in `store` when it is PostgreSQL (servers
    /// share it; SQLite has one server).
    pub fn new(limits: AbuseLimits, store: &std::sync::Arc<dyn accord_store::Store>) -> Self {
        let shared = (store.backend() == "postgres").then(|| store.clone());
        let s = |name| (name, shared.clone());
        let (n, st) = s("sign_in");
        let sign_in = Throttle::new(LOGIN_ATTEMPTS, Duration::hours(1))
            .with_backoff(Duration::minutes(1))
            .shared(n, st);
        let (n, st) = s("sign_in_account");
        let sign_in_account = Throttle::new(ACCOUNT_ATTEMPTS, Duration::hours(1))
            .with_backoff(Duration::minutes(1))
            .shared(n, st);
        let (n, st) = s("unknown_sign_in");
        let unknown_sign_in = Throttle::new(
            limits.unknown_sign_ins_per_address,
            Duration::minutes(LOGIN_WINDOW_MINUTES),
        )
        .shared(n, st);
        let (n, st) = s("resets");
        let resets =
            Throttle::new(RESET_ATTEMPTS, Duration::minutes(LOGIN_WINDOW_MINUTES)).shared(n, st);
        let (n, st) = s("inputs");
        let inputs = Throttle::new(limits.inputs_per_hour, Duration::hours(1)).shared(n, st);
        let (n, st) = s("applications");
        let applications =
            Throttle::new(limits.applications_per_hour, Duration::hours(1)).shared(n, st);
        Throttles {
            limits,
            sign_in,
            sign_in_account,
            unknown_sign_in,
            resets,
            inputs,
            applications,
        }
    }
}

/// What the public submits, limited per client address.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Submission {
    Input,
    Application,
}

/// "in 3 minutes", for a throttled caller.
pub(crate) fn wait_phrase(until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (until - now).num_seconds().div_euclid(60) + 1;
    if minutes <= 1 {
        "in a minute".into()
    } else {
        format!("in {minutes} minutes")
    }
}

fn check_token(name: &str, days: i64) -> Result<()> {
    check_person_name(name).map_err(|_| ValidationError::Invalid {
        what: "token name",
        value: name.chars().take(80).collect(),
        reason: "must be 1 to 200 characters long",
    })?;
    if !(1..=MAX_TOKEN_DAYS).contains(&days) {
        return Err(AppError::BadRequest(format!(
            "a token lives 1 to {MAX_TOKEN_DAYS} days, not {days}"
        )));
    }
    Ok(())
}

/// Records a new API token of `account` in the unit, with its audit entry;
/// the token with its secret (stored only as a digest).
async fn insert_token(
    unit: &mut crate::Unit<'_>,
    account: i64,
    name: &str,
    expires_at: DateTime<Utc>,
) -> Result<NewApiToken> {
    let secret = format!("acc_{}", secret());
    let id = unit
        .tx
        .insert_api_token(&ApiTokenRecord {
            id: 0,
            account,
            name: name.trim().to_owned(),
            token_hash: digest(&secret),
            created_at: unit.at,
            expires_at,
            revoked_at: None,
        })
        .await?;
    unit.audit(
        "api_token.create",
        None,
        vec![format!("api_token:{id}"), format!("account:{account}")],
    )
    .await?;
    Ok(NewApiToken {
        id,
        name: name.trim().to_owned(),
        secret,
        expires_at,
    })
}

/// A new sign-in: the cookie's secret and the session's anti-CSRF token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub secret: String,
    pub csrf: String,
    pub account: Account,
    pub expires_at: DateTime<Utc>,
}

/// Sessions found lately, so a signed-in reader's every request does not
/// read the store twice (`App::session`). An entry is used only while the
/// app's generation is the one it was read at — signing out, a password
/// reset, a grant: every change is a write, and every write moves the
/// generation on — and only before the session expires. At most
/// [`SESSIONS_REMEMBERED`]; when full it is emptied (a write empties it in
/// effect anyway).
#[derive(Default)]
pub(crate) struct SessionMemo {
    found: std::sync::RwLock<HashMap<String, RememberedSession>>,
}

/// The most sessions [`SessionMemo`] holds.
pub const SESSIONS_REMEMBERED: usize = 10_000;

struct RememberedSession {
    generation: u64,
    expires_at: DateTime<Utc>,
    session: ActiveSession,
}

impl SessionMemo {
    fn recall(&self, digest: &str, generation: u64, now: DateTime<Utc>) -> Option<ActiveSession> {
        let found = self.found.read().ok()?;
        let r = found.get(digest)?;
        (r.generation == generation && r.expires_at > now).then(|| r.session.clone())
    }

    fn remember(
        &self,
        digest: String,
        generation: u64,
        expires_at: DateTime<Utc>,
        session: ActiveSession,
    ) {
        let Ok(mut found) = self.found.write() else {
            return;
        };
        if found.len() >= SESSIONS_REMEMBERED {
            found.clear();
        }
        found.insert(
            digest,
            RememberedSession {
                generation,
                expires_at,
                session,
            },
        );
    }
}

/// A signed-in session, resolved from its cookie.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub principal: Principal,
    pub csrf: String,
}

/// A new API token; `secret` is shown once and never stored.
#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub id: i64,
    pub name: String,
    pub secret: String,
    pub expires_at: DateTime<Utc>,
}

/// An API token as its holder sees it listed: never its secret.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiTokenSummary {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Neither revoked nor expired.
    pub active: bool,
}

const BAD_LOGIN: &str = "the e-mail address or the password is not right";
const BAD_RESET: &str = "this password-reset link is not valid, or it has expired or been used";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_digests_stable() {
        assert_ne!(secret(), secret());
        assert_eq!(secret().len(), 64);
        assert_eq!(digest("abc"), digest("abc"));
        assert_eq!(digest("abc").len(), 64);
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }

    #[test]
    fn the_throttle_counts_events_in_a_window() {
        let t = Throttle::new(3, Duration::minutes(15));
        let now: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        for _ in 0..3 {
            assert!(!t.blocked("1.2.3.4", now));
            t.record("1.2.3.4", now);
        }
        assert!(t.blocked("1.2.3.4", now));
        assert!(!t.blocked("5.6.7.8", now), "another key is not held back");
        assert!(!t.blocked("1.2.3.4", now + Duration::minutes(16)));
    }

    #[test]
    fn sign_in_backoff_doubles_and_is_capped() {
        let t =
            Throttle::new(LOGIN_ATTEMPTS, Duration::hours(1)).with_backoff(Duration::minutes(1));
        let now: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        for _ in 0..LOGIN_ATTEMPTS {
            t.record("a@example.org", now);
        }
        assert_eq!(
            t.held_until("a@example.org", now),
            Some(now + Duration::minutes(1))
        );
        t.record("a@example.org", now);
        assert_eq!(
            t.held_until("a@example.org", now),
            Some(now + Duration::minutes(2))
        );
        for _ in 0..10 {
            t.record("a@example.org", now);
        }
        assert_eq!(
            t.held_until("a@example.org", now),
            Some(now + Duration::hours(1)),
            "never longer than the window"
        );
        assert_eq!(
            t.held_until("a@example.org", now + Duration::minutes(61)),
            None
        );
    }

    #[test]
    fn a_full_throttle_forgets_the_oldest_key_only() {
        let t = Throttle::new(1, Duration::hours(1)).with_capacity(3);
        let t0: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        for (i, key) in ["a", "b", "c"].iter().enumerate() {
            t.record(key, t0 + Duration::seconds(i as i64));
        }
        // "a" is seen again: "b" is now the oldest.
        t.record("a", t0 + Duration::seconds(10));
        t.record("d", t0 + Duration::seconds(11));
        assert_eq!(t.keys(), (3, 3));
        let now = t0 + Duration::seconds(12);
        assert!(t.blocked("a", now), "kept");
        assert!(!t.blocked("b", now), "the oldest, forgotten");
        assert!(t.blocked("c", now), "kept");
        assert!(t.blocked("d", now), "kept");
    }

    #[test]
    fn keys_whose_events_left_the_window_are_forgotten_whole() {
        let t = Throttle::new(2, Duration::minutes(10));
        let t0: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        for i in 0..50 {
            let now = t0 + Duration::minutes(11 * i);
            assert!(!t.blocked("a", now));
            t.record("a", now);
        }
        assert_eq!(t.keys(), (1, 1), "one key, one age entry");
        assert!(!t.blocked("a", t0 + Duration::days(1)));
        assert_eq!(t.keys(), (0, 0));
    }

    #[test]
    fn a_hit_checks_and_counts_in_one_step() {
        let t = Throttle::new(3, Duration::hours(1));
        let now: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        let passed = (0..10).filter(|_| t.hit("k", now).is_ok()).count();
        assert_eq!(passed, 3, "no more than the limit pass");
        assert_eq!(t.hit("k", now), Err(now + Duration::hours(1)));
    }
}
