//! Access: the commands (writes).

use super::*;

impl crate::App {
    /// Counts one submission from `address` (checked and counted in one
    /// step), refused when the address has sent its hour's share; the
    /// process's secretariat (and Accord itself) is not limited.
    pub(crate) async fn count_submission(
        &self,
        p: &Principal,
        process: &accord_domain::Slug,
        what: Submission,
        address: &str,
    ) -> Result<()> {
        if authorize(p, Action::ManageConsultation(process)).is_ok() {
            return Ok(());
        }
        let t = &self.throttles;
        let (throttle, per_hour, name) = match what {
            Submission::Input => (&t.inputs, t.limits.inputs_per_hour, "inputs"),
            Submission::Application => (
                &t.applications,
                t.limits.applications_per_hour,
                "applications",
            ),
        };
        let now = self.now();
        throttle.check(address, now).await?.map_err(|until| {
            AppError::TooManyRequests(format!(
                "too many {name} from your address ({per_hour} an hour); try again {}",
                wait_phrase(until, now)
            ))
        })
    }

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

    /// Checks an e-mail address and a password: the account, or the same
    /// refusal, after the same work, whether the account exists or the
    /// password is wrong; held back after repeated failures (per account,
    /// with backoff; per address only for accounts that do not exist).
    pub(crate) async fn verify_sign_in(
        &self,
        email: &str,
        password: &str,
        address: &str,
    ) -> Result<accord_store::StoredAccount> {
        let now = self.now();
        let throttled = |until| {
            AppError::TooManyRequests(format!(
                "too many failed sign-ins; try again {}",
                wait_phrase(until, now)
            ))
        };
        // Attempts are counted as they are checked (a burst cannot slip
        // through), the same for accounts that exist and those that do not
        // (the answer tells nothing), and forgotten on success.
        let account_key = email.trim().to_lowercase();
        let pair_key = format!("{account_key}|{address}");
        let t = &self.throttles;
        t.sign_in.check(&pair_key, now).await?.map_err(throttled)?;
        t.sign_in_account
            .check(&account_key, now)
            .await?
            .map_err(throttled)?;
        let found = match Email::new(email) {
            Ok(email) => {
                let mut tx = self.store.begin().await?;
                tx.find_account_by_email(&email).await?
            }
            Err(_) => None,
        };
        // Per address, only for accounts that do not exist (spraying many
        // addresses), and set high: a proxy's readers share one address.
        if found.is_none() {
            t.unknown_sign_in
                .check(address, now)
                .await?
                .map_err(throttled)?;
        }
        let hash = found
            .as_ref()
            .map_or_else(|| dummy_hash().to_owned(), |f| f.password_hash.clone());
        let verified = self.check_on_pool(hash, password.to_owned()).await?;
        let Some(found) = found.filter(|_| verified) else {
            return Err(AppError::Unauthenticated(BAD_LOGIN.into()));
        };
        t.sign_in.clear(&pair_key).await?;
        t.sign_in_account.clear(&account_key).await?;
        Ok(found)
    }

    /// Signs in. The same answer, after the same work, whether the account
    /// exists or the password is wrong; refused for a while after repeated
    /// failures for the account or from the address.
    pub async fn login(&self, email: &str, password: &str, address: &str) -> Result<NewSession> {
        let found = self.verify_sign_in(email, password, address).await?;
        let principal = Principal::Account(found.account.clone());
        let session = NewSession {
            secret: secret(),
            csrf: secret(),
            account: found.account,
            expires_at: self.now() + Duration::hours(SESSION_HOURS),
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
        check_token(name, days)?;
        let mut unit = self.unit(principal).await?;
        let expires_at = unit.at + Duration::days(days);
        let token = insert_token(&mut unit, account, name, expires_at).await?;
        unit.commit().await?;
        Ok(token)
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

    /// An API token for the account with this e-mail address, made by the
    /// operator on the server's machine (`accord token create`), for scripts
    /// that have no browser. The secret is in the answer only.
    pub async fn create_api_token_for(
        &self,
        operator: &Principal,
        email: &str,
        name: &str,
        days: i64,
    ) -> Result<NewApiToken> {
        if !matches!(operator, Principal::System(_)) {
            return Err(AppError::Forbidden(
                "only the operator, on the server's machine, makes tokens for others".into(),
            ));
        }
        check_token(name, days)?;
        let email = Email::new(email)?;
        let mut unit = self.unit(operator).await?;
        let Some(found) = unit.tx.find_account_by_email(&email).await? else {
            return Err(AppError::NotFound(format!(
                "no account has the e-mail address {email}"
            )));
        };
        let expires_at = unit.at + Duration::days(days);
        let token = insert_token(&mut unit, found.account.id, name, expires_at).await?;
        unit.commit().await?;
        Ok(token)
    }

    /// Signs in for a script: an e-mail address and a password (throttled as
    /// the sign-in form is) give an API token that lasts as long as a
    /// session, so an API client never reads a form for its anti-forgery
    /// token.
    pub async fn sign_in_for_token(
        &self,
        email: &str,
        password: &str,
        address: &str,
    ) -> Result<NewApiToken> {
        let found = self.verify_sign_in(email, password, address).await?;
        let principal = Principal::Account(found.account.clone());
        let name = format!(
            "signed in from {}",
            address.chars().take(60).collect::<String>()
        );
        let mut unit = self.unit(&principal).await?;
        let expires_at = unit.at + Duration::hours(SESSION_HOURS);
        let token = insert_token(&mut unit, found.account.id, &name, expires_at).await?;
        unit.commit().await?;
        Ok(token)
    }

    /// Issues a one-time password-reset link secret for an account (the
    /// secretariat passes it on; there is no mail server).
    pub async fn issue_password_reset(&self, principal: &Principal, email: &str) -> Result<String> {
        authorize(principal, Action::IssuePasswordReset { target: None })?;
        let email = Email::new(email)?;
        let mut unit = self.unit(principal).await?;
        // An account outside the secretariat's processes is answered as one
        // that does not exist: the desk tells nothing of other processes.
        let found = unit
            .tx
            .find_account_by_email(&email)
            .await?
            .filter(|found| {
                authorize(
                    principal,
                    Action::IssuePasswordReset {
                        target: Some(&found.account.grants),
                    },
                )
                .is_ok()
            });
        let Some(found) = found else {
            return Err(AppError::NotFound(format!(
                "no account you manage has the e-mail address {email}"
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
    /// every session of the account ends and every API token it holds is
    /// revoked (whoever had the old password may have made one).
    pub async fn reset_password(
        &self,
        secret: &str,
        new_password: &str,
        address: &str,
    ) -> Result<()> {
        check_password(new_password)?;
        let now = self.now();
        if let Some(until) = self.throttles.resets.held(address, now).await? {
            return Err(AppError::TooManyRequests(format!(
                "too many password-reset links that do not work; try again {}",
                wait_phrase(until, now)
            )));
        }
        let mut unit = self.unit(&Principal::System("password reset")).await?;
        let Some((account, expires)) = unit.tx.take_password_reset(&digest(secret)).await? else {
            drop(unit);
            self.throttles.resets.count(address, now).await?;
            return Err(AppError::BadRequest(BAD_RESET.into()));
        };
        if expires <= unit.at {
            // Keep the removal of the spent link, refuse the change.
            unit.commit().await?;
            self.throttles.resets.count(address, now).await?;
            return Err(AppError::BadRequest(BAD_RESET.into()));
        }
        // Hashed only for a link that works, on the work pool.
        let password = new_password.to_owned();
        let hash = self.pool.run(move || hash_password(&password)).await??;
        unit.tx.set_password(account, &hash).await?;
        unit.tx.delete_sessions_of(account).await?;
        let tokens = unit.tx.revoke_api_tokens_of(account, unit.at).await?;
        let links = unit.tx.delete_password_resets_of(account).await?;
        unit.audit(
            "password_reset.use",
            None,
            vec![
                format!("account:{account}"),
                "sessions:ended".into(),
                format!("api_tokens_revoked:{tokens}"),
                format!("other_reset_links_removed:{links}"),
            ],
        )
        .await?;
        unit.commit().await
    }
}
