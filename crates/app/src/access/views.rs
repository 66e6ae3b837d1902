//! Access: the views (reads).

use super::*;

impl crate::App {
    /// Verifies a password against its argon2id hash on the work pool (it is
    /// costly by design): a crowd of sign-ins waits there, or is told to
    /// come back, instead of stalling the threads that serve requests.
    pub(crate) async fn check_on_pool(&self, hash: String, password: String) -> Result<bool> {
        self.pool
            .run(move || {
                PasswordHash::new(&hash)
                    .map(|parsed| {
                        Argon2::default()
                            .verify_password(password.as_bytes(), &parsed)
                            .is_ok()
                    })
                    .unwrap_or(false)
            })
            .await
    }

    /// The session a cookie's secret names, if it is current.
    /// Recalled from [`SessionMemo`] while nothing was written since it was
    /// read from the store.
    pub async fn session(&self, secret: &str) -> Result<Option<ActiveSession>> {
        let digest = digest(secret);
        let now = self.now();
        // Read before the store is: a write committed meanwhile (a sign-out)
        // moves the generation past what is remembered.
        let generation = self.generation();
        if let Some(known) = self.sessions.recall(&digest, generation, now) {
            return Ok(Some(known));
        }
        let Some(record) = self.store.find_session(&digest).await? else {
            return Ok(None);
        };
        if record.expires_at <= now {
            return Ok(None);
        }
        let account = self.store.get_account(record.account).await?.account;
        let active = ActiveSession {
            principal: Principal::Account(account),
            csrf: record.csrf,
        };
        self.sessions
            .remember(digest, generation, record.expires_at, active.clone());
        Ok(Some(active))
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
}
