//! Accounts, sign-in sessions, API tokens and password resets.

use crate::policy::{authorize, Action, Principal};
use crate::{App, AppError, Result};
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
/// Failed sign-ins allowed per account, and per address, in the window.
pub const LOGIN_ATTEMPTS: usize = 5;
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

/// Events (failed sign-ins, inputs sent) counted by key over a sliding
/// window; a key with `limit` events in the window is held back.
pub struct Throttle {
    limit: usize,
    window: Duration,
    events: Mutex<HashMap<String, VecDeque<DateTime<Utc>>>>,
}

impl Throttle {
    pub fn new(limit: usize, window: Duration) -> Self {
        Throttle {
            limit,
            window,
            events: Mutex::default(),
        }
    }

    /// For sign-in: failures by account and by address.
    pub fn for_sign_in() -> Self {
        Throttle::new(LOGIN_ATTEMPTS, Duration::minutes(LOGIN_WINDOW_MINUTES))
    }

    pub fn window_minutes(&self) -> i64 {
        self.window.num_minutes()
    }

    pub(crate) fn blocked(&self, keys: &[String], now: DateTime<Utc>) -> bool {
        let mut map = self.events.lock().unwrap_or_else(|e| e.into_inner());
        let since = now - self.window;
        keys.iter().any(|k| {
            map.get_mut(k).is_some_and(|q| {
                while q.front().is_some_and(|t| *t < since) {
                    q.pop_front();
                }
                q.len() >= self.limit
            })
        })
    }

    pub(crate) fn record(&self, keys: &[String], now: DateTime<Utc>) {
        let mut map = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            map.clear(); // bounded memory under a flood of addresses
        }
        for k in keys {
            map.entry(k.clone()).or_default().push_back(now);
        }
    }

    pub(crate) fn forget(&self, key: &str) {
        let mut map = self.events.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(key);
    }
}

/// A new sign-in: the cookie's secret and the session's anti-CSRF token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub secret: String,
    pub csrf: String,
    pub account: Account,
    pub expires_at: DateTime<Utc>,
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

impl App {
    /// Creates an account with roles. The operator (`Principal::System`) or
    /// the secretariat of all processes may do it.
    pub async fn create_account(
        &self,
        principal: &Principal,
        email: &str,
        name: &str,
        password: &str,
        grants: &[RoleGrant],
    ) -> Result<Account> {
        authorize(principal, Action::ManageAccounts)?;
        let email = Email::new(email)?;
        check_person_name(name)?;
        check_password(password)?;
        let password_hash = hash_password(password)?;
        let mut unit = self.unit(principal).await?;
        if unit.tx.find_account_by_email(&email).await?.is_some() {
            return Err(ValidationError::DuplicateEmail(email.to_string()).into());
        }
        for grant in grants {
            let kind = match &grant.actor {
                Some(code) => unit.tx.find_actor(code).await?.map(|a| a.kind),
                None => None,
            };
            grant.validate(kind)?;
            if let Some(process) = &grant.process {
                if unit.tx.find_process(process).await?.is_none() {
                    return Err(AppError::NotFound(format!(
                        "process '{process}' does not exist"
                    )));
                }
                // A stakeholder is represented only once accredited to the process.
                if let (Role::StakeholderRepresentative, Some(actor)) = (grant.role, &grant.actor) {
                    if !unit.tx.is_accredited(process, actor).await? {
                        return Err(ValidationError::NotAccredited(actor.to_string()).into());
                    }
                }
            }
        }
        let id = unit
            .tx
            .insert_account(&email, name.trim(), &password_hash, unit.at)
            .await?;
        for grant in grants {
            unit.tx.insert_grant(id, grant).await?;
        }
        let mut targets = vec![format!("account:{id}")];
        targets.extend(grants.iter().map(|g| format!("role:{}", g.role)));
        unit.audit("account.create", None, targets).await?;
        unit.commit().await?;
        Ok(Account {
            id,
            email,
            name: name.trim().to_owned(),
            grants: grants.to_vec(),
        })
    }

    /// Signs in. The same answer, after the same work, whether the account
    /// exists or the password is wrong; refused for a while after repeated
    /// failures for the account or from the address.
    pub async fn login(&self, email: &str, password: &str, address: &str) -> Result<NewSession> {
        let now = self.now();
        let account_key = format!("account:{}", email.trim().to_lowercase());
        let keys = [account_key.clone(), format!("address:{address}")];
        if self.throttle.blocked(&keys, now) {
            return Err(AppError::TooManyRequests(format!(
                "too many failed sign-ins; try again in {LOGIN_WINDOW_MINUTES} minutes"
            )));
        }
        let found = match Email::new(email) {
            Ok(email) => {
                let mut tx = self.store.begin().await?;
                tx.find_account_by_email(&email).await?
            }
            Err(_) => None,
        };
        let hash = found
            .as_ref()
            .map(|f| f.password_hash.as_str())
            .unwrap_or(dummy_hash());
        let verified = PasswordHash::new(hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        let Some(found) = found.filter(|_| verified) else {
            self.throttle.record(&keys, now);
            return Err(AppError::Unauthenticated(BAD_LOGIN.into()));
        };
        self.throttle.forget(&account_key);
        let principal = Principal::Account(found.account.clone());
        let session = NewSession {
            secret: secret(),
            csrf: secret(),
            account: found.account,
            expires_at: now + Duration::hours(SESSION_HOURS),
        };
        let mut unit = self.unit(&principal).await?;
        unit.tx
            .insert_session(&SessionRecord {
                id_hash: digest(&session.secret),
                account: session.account.id,
                csrf: session.csrf.clone(),
                created_at: unit.at,
                expires_at: session.expires_at,
            })
            .await?;
        unit.audit(
            "session.create",
            None,
            vec![format!("account:{}", session.account.id)],
        )
        .await?;
        unit.commit().await?;
        Ok(session)
    }

    /// The session a cookie's secret names, if it is current.
    pub async fn session(&self, secret: &str) -> Result<Option<ActiveSession>> {
        let Some(record) = self.store.find_session(&digest(secret)).await? else {
            return Ok(None);
        };
        if record.expires_at <= self.now() {
            return Ok(None);
        }
        let account = self.store.get_account(record.account).await?.account;
        Ok(Some(ActiveSession {
            principal: Principal::Account(account),
            csrf: record.csrf,
        }))
    }

    /// Ends a session (sign-out). Unknown secrets are ignored.
    pub async fn logout(&self, secret: &str) -> Result<()> {
        let Some(active) = self.session(secret).await? else {
            return Ok(());
        };
        let mut unit = self.unit(&active.principal).await?;
        unit.tx.delete_session(&digest(secret)).await?;
        let id = active.principal.account_id().unwrap_or_default();
        unit.audit("session.delete", None, vec![format!("account:{id}")])
            .await?;
        unit.commit().await
    }

    /// The principal a bearer token names: refused if unknown, revoked or expired.
    pub async fn authenticate_token(&self, secret: &str) -> Result<Principal> {
        let refuse = || {
            AppError::Unauthenticated(
                "the API token is not valid, or it was revoked or has expired".into(),
            )
        };
        let hash = digest(secret);
        let token = self.store.find_api_token(&hash).await?.ok_or_else(refuse)?;
        if !same_secret(&token.token_hash, &hash)
            || token.revoked_at.is_some()
            || token.expires_at <= self.now()
        {
            return Err(refuse());
        }
        Ok(Principal::Account(
            self.store.get_account(token.account).await?.account,
        ))
    }

    /// Issues an API token for the principal's own account.
    pub async fn create_api_token(
        &self,
        principal: &Principal,
        name: &str,
        days: i64,
    ) -> Result<NewApiToken> {
        authorize(principal, Action::ManageOwnTokens)?;
        let Some(account) = principal.account_id() else {
            return Err(AppError::Forbidden(
                "only an account can hold API tokens".into(),
            ));
        };
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
        let secret = format!("acc_{}", secret());
        let mut unit = self.unit(principal).await?;
        let expires_at = unit.at + Duration::days(days);
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
        unit.audit("api_token.create", None, vec![format!("api_token:{id}")])
            .await?;
        unit.commit().await?;
        Ok(NewApiToken {
            id,
            name: name.trim().to_owned(),
            secret,
            expires_at,
        })
    }

    /// The principal's own API tokens, newest first (never their secrets).
    pub async fn api_tokens(&self, principal: &Principal) -> Result<Vec<ApiTokenSummary>> {
        authorize(principal, Action::ManageOwnTokens)?;
        let Some(account) = principal.account_id() else {
            return Ok(vec![]);
        };
        let now = self.now();
        let tokens = self.store.list_api_tokens(account).await?;
        Ok(tokens
            .into_iter()
            .rev()
            .map(|t| ApiTokenSummary {
                active: t.revoked_at.is_none() && t.expires_at > now,
                id: t.id,
                name: t.name,
                created_at: t.created_at,
                expires_at: t.expires_at,
                revoked_at: t.revoked_at,
            })
            .collect())
    }

    /// Revokes one of the principal's own tokens.
    pub async fn revoke_api_token(&self, principal: &Principal, id: i64) -> Result<()> {
        authorize(principal, Action::ManageOwnTokens)?;
        let account = principal.account_id().unwrap_or_default();
        let mut unit = self.unit(principal).await?;
        if !unit.tx.revoke_api_token(account, id, unit.at).await? {
            return Err(AppError::NotFound(format!(
                "you have no active API token {id}"
            )));
        }
        unit.audit("api_token.revoke", None, vec![format!("api_token:{id}")])
            .await?;
        unit.commit().await
    }

    /// Issues a one-time password-reset link secret for an account (the
    /// secretariat passes it on; there is no mail server).
    pub async fn issue_password_reset(&self, principal: &Principal, email: &str) -> Result<String> {
        authorize(principal, Action::IssuePasswordReset)?;
        let email = Email::new(email)?;
        let mut unit = self.unit(principal).await?;
        let Some(found) = unit.tx.find_account_by_email(&email).await? else {
            return Err(AppError::NotFound(format!(
                "no account has the e-mail address {email}"
            )));
        };
        let secret = secret();
        let expires = unit.at + Duration::hours(RESET_HOURS);
        unit.tx
            .insert_password_reset(&digest(&secret), found.account.id, expires)
            .await?;
        unit.audit(
            "password_reset.issue",
            None,
            vec![format!("account:{}", found.account.id)],
        )
        .await?;
        unit.commit().await?;
        Ok(secret)
    }

    /// Sets a new password with a reset link's secret; the link works once,
    /// and every session of the account ends.
    pub async fn reset_password(&self, secret: &str, new_password: &str) -> Result<()> {
        check_password(new_password)?;
        let hash = hash_password(new_password)?;
        let mut unit = self.unit(&Principal::System("password reset")).await?;
        let Some((account, expires)) = unit.tx.take_password_reset(&digest(secret)).await? else {
            return Err(AppError::BadRequest(BAD_RESET.into()));
        };
        if expires <= unit.at {
            // Keep the removal of the spent link, refuse the change.
            unit.commit().await?;
            return Err(AppError::BadRequest(BAD_RESET.into()));
        }
        unit.tx.set_password(account, &hash).await?;
        unit.tx.delete_sessions_of(account).await?;
        unit.audit(
            "password_reset.use",
            None,
            vec![format!("account:{account}")],
        )
        .await?;
        unit.commit().await
    }
}

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
    fn the_throttle_counts_failures_in_a_window() {
        let t = Throttle::for_sign_in();
        let now: DateTime<Utc> = "2018-01-01T10:00:00Z".parse().unwrap();
        let keys = [
            "account:a@example.org".to_string(),
            "address:1.2.3.4".to_string(),
        ];
        for _ in 0..LOGIN_ATTEMPTS {
            assert!(!t.blocked(&keys, now));
            t.record(&keys, now);
        }
        assert!(t.blocked(&keys, now));
        assert!(
            t.blocked(&["address:1.2.3.4".to_string()], now),
            "by address alone"
        );
        assert!(!t.blocked(&keys, now + Duration::minutes(LOGIN_WINDOW_MINUTES + 1)));
    }
}
