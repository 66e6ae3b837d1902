//! Accounts, sessions, tokens, resets, the policy and the audit log, through
//! the app layer on both real stores (SQLite and PostgreSQL).

use accord_app::{App, AppError, PageRequest, Principal};
use accord_demo::{Demo, LoadDemo};
use accord_domain::audit::ChainBreak;
use accord_domain::*;
use chrono::Duration;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    sign_in_and_out,
    wrong_passwords_and_unknown_accounts_look_the_same,
    sign_in_is_rate_limited_per_account_and_per_address,
    api_tokens_are_revocable_and_expire,
    password_reset_links_work_once,
    bad_account_input_is_refused_and_changes_nothing,
    the_policy_decides_every_write,
    a_process_secretariat_cannot_reach_beyond_its_process,
    the_audit_chain_catches_tampering,
);

async fn demo_app(db: TestDatabase) -> TestApp {
    TestApp::at(db, "2018-03-01T12:00:00Z").await
}

fn grant(role: Role, process: Option<&str>, actor: Option<&str>) -> RoleGrant {
    RoleGrant {
        role,
        process: process.map(|p| p.parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    }
}

async fn person(app: &App, email: &str, grants: &[RoleGrant]) -> Principal {
    Principal::Account(
        app.create_account(&OPERATOR, email, "A Person", PASSWORD, grants)
            .await
            .unwrap(),
    )
}

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn sign_in_and_out(db: TestDatabase) {
    let t = demo_app(db).await;
    person(
        &t.app,
        "sec@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let first = t
        .app
        .login(" SEC@example.org ", PASSWORD, "10.0.0.1")
        .await
        .unwrap();
    let second = t
        .app
        .login("sec@example.org", PASSWORD, "10.0.0.1")
        .await
        .unwrap();
    assert_ne!(
        first.secret, second.secret,
        "a new session id at every sign-in"
    );
    assert_ne!(first.csrf, second.csrf);
    let active = t
        .app
        .session(&first.secret)
        .await
        .unwrap()
        .expect("signed in");
    assert_eq!(active.csrf, first.csrf);
    assert!(
        matches!(active.principal, Principal::Account(ref a) if a.email.as_str() == "sec@example.org")
    );
    // A secret the server never issued is no session (no fixation).
    assert!(t.app.session(&"0".repeat(64)).await.unwrap().is_none());
    t.app.logout(&first.secret).await.unwrap();
    assert!(t.app.session(&first.secret).await.unwrap().is_none());
    assert!(
        t.app.session(&second.secret).await.unwrap().is_some(),
        "other sessions stay"
    );
    t.advance(Duration::hours(13));
    assert!(
        t.app.session(&second.secret).await.unwrap().is_none(),
        "sessions expire"
    );
}

async fn wrong_passwords_and_unknown_accounts_look_the_same(db: TestDatabase) {
    let t = demo_app(db).await;
    person(&t.app, "sec@example.org", &[]).await;
    let wrong = t
        .app
        .login("sec@example.org", "not the password", "10.0.0.2")
        .await
        .unwrap_err();
    let unknown = t
        .app
        .login("nobody@example.org", PASSWORD, "10.0.0.3")
        .await
        .unwrap_err();
    let malformed = t
        .app
        .login("not an e-mail", PASSWORD, "10.0.0.4")
        .await
        .unwrap_err();
    assert_eq!(wrong.kind(), "unauthenticated");
    assert_eq!(wrong.to_string(), unknown.to_string());
    assert_eq!(wrong.to_string(), malformed.to_string());
}

async fn sign_in_is_rate_limited_per_account_and_per_address(db: TestDatabase) {
    let mut t = demo_app(db).await;
    t.app = t.app.clone().with_abuse_limits(accord_app::AbuseLimits {
        unknown_sign_ins_per_address: 3,
        ..Default::default()
    });
    person(&t.app, "a@example.org", &[]).await;
    person(&t.app, "b@example.org", &[]).await;
    // Five failures on one account from one address (a proxy, say).
    for _ in 0..5 {
        assert_eq!(
            kind(
                t.app
                    .login("a@example.org", "wrong password!", "10.0.0.1")
                    .await
            ),
            "unauthenticated"
        );
    }
    // From there the account backs off, even with the right password…
    assert_eq!(
        kind(t.app.login("a@example.org", PASSWORD, "10.0.0.1").await),
        "too_many_requests"
    );
    // …while nobody else behind that address is held back, and the
    // account's holder elsewhere is not either.
    assert!(
        t.app
            .login("b@example.org", PASSWORD, "10.0.0.1")
            .await
            .is_ok(),
        "others at the same address are not held back"
    );
    assert!(
        t.app
            .login("a@example.org", PASSWORD, "10.9.9.9")
            .await
            .is_ok(),
        "the holder at another address is not held back"
    );
    // An address that does not exist backs off the same way (the answer
    // tells nothing about which accounts exist).
    for _ in 0..5 {
        let _ = t
            .app
            .login("nobody@example.org", "wrong password!", "10.0.0.7")
            .await;
    }
    assert_eq!(
        kind(
            t.app
                .login("nobody@example.org", "wrong password!", "10.0.0.7")
                .await
        ),
        "too_many_requests"
    );
    // The backoff lasts a minute after five failures, then doubles.
    t.advance(Duration::seconds(61));
    let _ = t
        .app
        .login("a@example.org", "wrong again!!", "10.0.0.1")
        .await;
    t.advance(Duration::seconds(61));
    assert_eq!(
        kind(t.app.login("a@example.org", PASSWORD, "10.0.0.1").await),
        "too_many_requests",
        "two minutes after the sixth failure"
    );
    t.advance(Duration::seconds(61));
    assert!(
        t.app
            .login("a@example.org", PASSWORD, "10.0.0.1")
            .await
            .is_ok(),
        "the backoff passes"
    );
    // Guessing spread over many addresses backs the account off too.
    for i in 0..accord_app::ACCOUNT_ATTEMPTS {
        let _ = t
            .app
            .login(
                "b@example.org",
                "wrong password!",
                &format!("10.4.{}.{}", i / 250, i % 250),
            )
            .await;
    }
    assert_eq!(
        kind(t.app.login("b@example.org", PASSWORD, "10.5.0.1").await),
        "too_many_requests"
    );
    // One address spraying accounts that do not exist is held back for
    // unknown accounts only: a real account signs in from it.
    for i in 0..3 {
        let _ = t
            .app
            .login(
                &format!("guess{i}@example.org"),
                "wrong password!",
                "10.2.0.1",
            )
            .await;
    }
    assert_eq!(
        kind(
            t.app
                .login("guess9@example.org", "wrong password!", "10.2.0.1")
                .await
        ),
        "too_many_requests"
    );
    assert!(
        t.app
            .login("a@example.org", PASSWORD, "10.2.0.1")
            .await
            .is_ok(),
        "a known account is never held back by an address"
    );
    assert_eq!(
        kind(
            t.app
                .login("guess9@example.org", "wrong password!", "10.3.0.1")
                .await
        ),
        "unauthenticated",
        "another address is not held back"
    );
    t.advance(Duration::minutes(16));
    assert_eq!(
        kind(
            t.app
                .login("guess9@example.org", "wrong password!", "10.2.0.1")
                .await
        ),
        "unauthenticated",
        "the window passes"
    );
}

/// A process's secretariat manages only what is its own: resets for
/// accounts whose every role is in its processes, the audit entries of its
/// processes; never shared actors, global accounts or another process's
/// people. Using a reset ends the account's sessions and revokes its tokens.
async fn a_process_secretariat_cannot_reach_beyond_its_process(db: TestDatabase) {
    let t = demo_app(db).await;
    let app = &t.app;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let global = person(
        app,
        "global@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let gcm_sec = person(
        app,
        "gcm-sec@example.org",
        &[grant(Role::Secretariat, Some("gcm"), None)],
    )
    .await;
    let other_sec = person(
        app,
        "other-sec@example.org",
        &[grant(Role::Secretariat, Some("other"), None)],
    )
    .await;
    person(
        app,
        "gcm-del@example.org",
        &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
    )
    .await;
    person(
        app,
        "both@example.org",
        &[
            grant(Role::Delegate, Some("gcm"), Some("MEX")),
            grant(Role::Delegate, Some("other"), Some("MEX")),
        ],
    )
    .await;
    person(app, "nobody@example.org", &[]).await;

    // Resets: only accounts wholly inside one's processes; the rest are
    // answered as if they did not exist.
    assert!(app
        .issue_password_reset(&gcm_sec, "gcm-del@example.org")
        .await
        .is_ok());
    for email in [
        "global@example.org",
        "other-sec@example.org",
        "both@example.org",
        "nobody@example.org",
        "no-such@example.org",
    ] {
        assert_eq!(
            kind(app.issue_password_reset(&gcm_sec, email).await),
            "not_found",
            "{email}"
        );
    }
    assert_eq!(
        kind(
            app.issue_password_reset(&other_sec, "gcm-del@example.org")
                .await
        ),
        "not_found"
    );
    for email in [
        "global@example.org",
        "both@example.org",
        "nobody@example.org",
    ] {
        assert!(
            app.issue_password_reset(&global, email).await.is_ok(),
            "{email}"
        );
    }
    // Shared actors and accounts: the secretariat of every process only.
    let actor = accord_domain::Actor::new(
        "IOMX".parse().unwrap(),
        accord_domain::ActorKind::IntergovernmentalOrganisation,
        "An organisation",
    );
    assert_eq!(
        kind(app.create_actor(&gcm_sec, actor.clone()).await),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.create_account(
                &gcm_sec,
                "new@example.org",
                "New",
                PASSWORD,
                &[grant(Role::Delegate, Some("gcm"), Some("MEX"))]
            )
            .await
        ),
        "forbidden"
    );
    app.create_actor(&global, actor).await.unwrap();

    // The audit log: a process's secretariat reads its process's entries,
    // never another's nor those of no process (sign-ins, accounts, actors).
    let seen = app
        .audit_log(&gcm_sec, Default::default(), &PageRequest::first(200))
        .await
        .unwrap();
    assert!(!seen.items.is_empty());
    assert!(seen.items.iter().all(|e| e
        .record
        .process
        .as_ref()
        .is_some_and(|p| p.as_str() == "gcm")));
    let asked_other = app
        .audit_log(
            &gcm_sec,
            accord_app::AuditFilter {
                process: Some("other".parse().unwrap()),
                ..Default::default()
            },
            &PageRequest::first(200),
        )
        .await
        .unwrap();
    assert!(
        asked_other.items.is_empty(),
        "a filter never widens the scope"
    );
    let everything = app
        .audit_log(&global, Default::default(), &PageRequest::first(200))
        .await
        .unwrap();
    assert!(everything.items.iter().any(|e| e.record.process.is_none()));

    // Using a reset ends every session and revokes every API token.
    let victim = person(
        app,
        "victim@example.org",
        &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
    )
    .await;
    let token = app.create_api_token(&victim, "script", 30).await.unwrap();
    let session = app
        .login("victim@example.org", PASSWORD, "10.0.0.1")
        .await
        .unwrap();
    assert!(app.authenticate_token(&token.secret).await.is_ok());
    let link = app
        .issue_password_reset(&gcm_sec, "victim@example.org")
        .await
        .unwrap();
    app.reset_password(&link, "a brand new passphrase", "192.0.2.9")
        .await
        .unwrap();
    assert_eq!(
        kind(app.authenticate_token(&token.secret).await),
        "unauthenticated"
    );
    assert!(app.session(&session.secret).await.unwrap().is_none());
    let last = app
        .audit_log(
            &global,
            accord_app::AuditFilter {
                action_prefix: Some("password_reset.use".into()),
                ..Default::default()
            },
            &PageRequest::first(1),
        )
        .await
        .unwrap();
    assert!(last.items[0]
        .record
        .targets
        .contains(&"api_tokens_revoked:1".to_string()));
}

async fn api_tokens_are_revocable_and_expire(db: TestDatabase) {
    let t = demo_app(db).await;
    let p = person(
        &t.app,
        "script@example.org",
        &[grant(Role::Secretariat, Some("gcm"), None)],
    )
    .await;
    let token = t
        .app
        .create_api_token(&p, "nightly import", 30)
        .await
        .unwrap();
    assert!(token.secret.starts_with("acc_"));
    assert_eq!(t.app.authenticate_token(&token.secret).await.unwrap(), p);
    assert_eq!(
        kind(t.app.authenticate_token("acc_0000").await),
        "unauthenticated"
    );
    let other = t.app.create_api_token(&p, "short-lived", 1).await.unwrap();
    t.app.revoke_api_token(&p, token.id).await.unwrap();
    assert_eq!(
        kind(t.app.authenticate_token(&token.secret).await),
        "unauthenticated"
    );
    assert_eq!(
        kind(t.app.revoke_api_token(&p, token.id).await),
        "not_found"
    );
    assert!(t.app.authenticate_token(&other.secret).await.is_ok());
    t.advance(Duration::days(1));
    assert_eq!(
        kind(t.app.authenticate_token(&other.secret).await),
        "unauthenticated",
        "expired"
    );
    assert_eq!(
        kind(t.app.create_api_token(&p, "forever", 10_000).await),
        "bad_request"
    );
    assert_eq!(
        kind(t.app.create_api_token(&Principal::Anonymous, "x", 1).await),
        "unauthenticated"
    );
}

async fn password_reset_links_work_once(db: TestDatabase) {
    let t = demo_app(db).await;
    let sec = person(
        &t.app,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("gcm"), None)],
    )
    .await;
    let delegate = person(
        &t.app,
        "del@example.org",
        &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
    )
    .await;
    let session = t
        .app
        .login("del@example.org", PASSWORD, "10.0.0.1")
        .await
        .unwrap();
    assert_eq!(
        kind(
            t.app
                .issue_password_reset(&delegate, "sec@example.org")
                .await
        ),
        "forbidden"
    );
    let link = t
        .app
        .issue_password_reset(&sec, "del@example.org")
        .await
        .unwrap();
    assert_eq!(
        kind(t.app.reset_password(&link, "short", "192.0.2.9").await),
        "invalid"
    );
    t.app
        .reset_password(&link, "a brand new passphrase", "192.0.2.9")
        .await
        .unwrap();
    assert!(
        t.app.session(&session.secret).await.unwrap().is_none(),
        "old sessions end"
    );
    assert!(t
        .app
        .login("del@example.org", "a brand new passphrase", "10.0.0.1")
        .await
        .is_ok());
    assert_eq!(
        kind(
            t.app
                .reset_password(&link, "yet another passphrase", "192.0.2.9")
                .await
        ),
        "bad_request"
    );
    let late = t
        .app
        .issue_password_reset(&sec, "del@example.org")
        .await
        .unwrap();
    t.advance(Duration::hours(25));
    assert_eq!(
        kind(
            t.app
                .reset_password(&late, "yet another passphrase", "192.0.2.9")
                .await
        ),
        "bad_request"
    );
    // Using one link removes the account's other links.
    let first = t
        .app
        .issue_password_reset(&sec, "del@example.org")
        .await
        .unwrap();
    let second = t
        .app
        .issue_password_reset(&sec, "del@example.org")
        .await
        .unwrap();
    t.app
        .reset_password(&first, "the first new passphrase", "192.0.2.9")
        .await
        .unwrap();
    assert_eq!(
        kind(
            t.app
                .reset_password(&second, "the second new passphrase", "192.0.2.9")
                .await
        ),
        "bad_request",
        "an older link no longer works"
    );
    // Guessing links is limited per address; another address is not held back.
    for i in 0..accord_app::RESET_ATTEMPTS {
        let guess = format!("{i:064x}");
        assert_eq!(
            kind(
                t.app
                    .reset_password(&guess, "a guessed passphrase", "203.0.113.1")
                    .await
            ),
            "bad_request"
        );
    }
    assert_eq!(
        kind(
            t.app
                .reset_password(&"0".repeat(64), "a guessed passphrase", "203.0.113.1")
                .await
        ),
        "too_many_requests"
    );
    assert_eq!(
        kind(
            t.app
                .reset_password(&"0".repeat(64), "a guessed passphrase", "203.0.113.2")
                .await
        ),
        "bad_request"
    );
}

async fn bad_account_input_is_refused_and_changes_nothing(db: TestDatabase) {
    let t = demo_app(db).await;
    person(&t.app, "taken@example.org", &[]).await;
    let long = "x".repeat(201);
    let cases: Vec<(&str, &str, &str, Vec<RoleGrant>, &str)> = vec![
        ("not-an-email", "Name", PASSWORD, vec![], "invalid"),
        (
            "taken@example.org",
            "Name",
            PASSWORD,
            vec![],
            "duplicate_email",
        ),
        ("new@example.org", &long, PASSWORD, vec![], "too_long"),
        ("new@example.org", "Name", "short", vec![], "invalid"),
        (
            "new@example.org",
            "Name",
            PASSWORD,
            vec![grant(Role::Delegate, Some("gcm"), Some("IOM"))],
            "role_actor_mismatch",
        ),
        (
            "new@example.org",
            "Name",
            PASSWORD,
            vec![grant(Role::Delegate, Some("gcm"), None)],
            "role_needs_actor",
        ),
        (
            "new@example.org",
            "Name",
            PASSWORD,
            vec![grant(Role::Delegate, Some("nope"), Some("MEX"))],
            "not_found",
        ),
    ];
    let before = t.app.verify_audit().await.unwrap().unwrap();
    for (email, name, password, grants, expected) in cases {
        assert_eq!(
            kind(
                t.app
                    .create_account(&OPERATOR, email, name, password, &grants)
                    .await
            ),
            expected,
            "{email} {grants:?}"
        );
    }
    assert_eq!(
        t.app.verify_audit().await.unwrap().unwrap(),
        before,
        "no audit entry for a refused write"
    );
    assert_eq!(
        kind(t.app.login("new@example.org", PASSWORD, "10.0.0.1").await),
        "unauthenticated"
    );
}

async fn the_policy_decides_every_write(db: TestDatabase) {
    let t = demo_app(db).await;
    let app = &t.app;
    let gcm_sec = person(
        app,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("gcm"), None)],
    )
    .await;
    let delegate = person(
        app,
        "del@example.org",
        &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
    )
    .await;
    let meeting = app.all_meetings("gcm", None).await.unwrap()[0]
        .meeting
        .clone();
    let mut m = meeting.clone();
    m.slug = "informal-1".parse().unwrap();
    m.kind = MeetingKind::InformalConsultation;
    assert_eq!(
        kind(app.add_meeting(&Principal::Anonymous, m.clone()).await),
        "unauthenticated"
    );
    assert_eq!(
        kind(app.add_meeting(&delegate, m.clone()).await),
        "forbidden"
    );
    let id = app.add_meeting(&gcm_sec, m).await.unwrap();
    let process = app.process("gcm").await.unwrap().process;
    let mut other = process.clone();
    other.slug = "other".parse().unwrap();
    assert_eq!(
        kind(app.create_process(&gcm_sec, other.clone()).await),
        "forbidden"
    );

    // The audit log names who acted, for which actor, what and which ids.
    let log = app
        .audit_log(&gcm_sec, Default::default(), &PageRequest::first(5))
        .await
        .unwrap();
    let newest = &log.items[0].record;
    assert_eq!(newest.action, "meeting.create");
    assert_eq!(newest.by, "sec@example.org");
    assert_eq!(newest.targets, vec![format!("meeting:{id}")]);
    assert_eq!(newest.process.as_ref().unwrap().as_str(), "gcm");
    assert_eq!(
        kind(
            app.audit_log(&delegate, Default::default(), &PageRequest::first(5))
                .await
        ),
        "forbidden"
    );
    let global = person(
        app,
        "all@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let filtered = app
        .audit_log(
            &global,
            accord_app::AuditFilter {
                action_prefix: Some("account.".into()),
                ..Default::default()
            },
            &PageRequest::first(50),
        )
        .await
        .unwrap();
    assert_eq!(filtered.items.len(), 3);
    assert!(filtered
        .items
        .iter()
        .all(|e| e.record.action == "account.create"));
}

/// Tampering done straight in the database, the way an intruder would.
async fn tamper(url: &str, sql: &str) {
    use sqlx::Connection;
    if url.starts_with("sqlite") {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::Executor::execute(&mut c, sql).await.unwrap();
    } else {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::Executor::execute(&mut c, sql).await.unwrap();
    }
}

async fn the_audit_chain_catches_tampering(db: TestDatabase) {
    let url = db.url.as_str();
    let app = App::in_data_dir(db.store().await, &db.data_dir);
    app.load_demo(Demo::Gcm).await.unwrap();
    let entries = match app.verify_audit().await.unwrap() {
        Ok(n) => n,
        Err(e) => panic!("a fresh chain must verify: {e}"),
    };
    assert!(entries > 280, "every demo write was audited: {entries}");

    tamper(
        url,
        "UPDATE audit_log SET by_whom = 'someone else' WHERE seq = 10",
    )
    .await;
    assert_eq!(
        app.verify_audit().await.unwrap(),
        Err(ChainBreak::Changed(10))
    );
    tamper(
        url,
        "UPDATE audit_log SET by_whom = 'system: demo loader' WHERE seq = 10",
    )
    .await;
    assert_eq!(app.verify_audit().await.unwrap(), Ok(entries), "restored");

    tamper(
        url,
        "CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE seq = 20",
    )
    .await;
    tamper(url, "DELETE FROM audit_log WHERE seq = 20").await;
    assert_eq!(
        app.verify_audit().await.unwrap(),
        Err(ChainBreak::Removed(20))
    );
    tamper(
        url,
        "INSERT INTO audit_log SELECT * FROM audit_saved; DROP TABLE audit_saved",
    )
    .await;
    assert_eq!(app.verify_audit().await.unwrap(), Ok(entries), "restored");

    tamper(
        url,
        &format!(
            "INSERT INTO audit_log (seq, at, account_id, by_whom, acting_for, action, process, targets, prev_hash, hash) \
             SELECT {n}, at, account_id, by_whom, acting_for, 'meeting.delete', process, targets, hash, hash \
             FROM audit_log WHERE seq = {last}",
            n = entries + 1,
            last = entries
        ),
    )
    .await;
    assert!(
        matches!(app.verify_audit().await.unwrap(), Err(ChainBreak::Changed(n) | ChainBreak::Inserted(n)) if n == entries + 1)
    );
}

/// Two servers on one PostgreSQL database share the throttles: a burst of
/// wrong passwords split over both passes the limit no more often than on
/// one server (each check and count is one unit with the key's row locked).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_split_over_two_servers_is_limited_as_one() {
    let db = TestDatabase::new(
        accord_testkit::Backend::Postgres,
        "access::a_burst_split_over_two_servers_is_limited_as_one",
    )
    .await;
    let t = demo_app(db).await;
    person(&t.app, "a@example.org", &[]).await;
    let other = tempfile::tempdir().unwrap();
    let second = App::in_data_dir(t.db.store().await, other.path()).clone_with_clock(
        std::sync::Arc::new(|| "2018-03-01T12:00:00Z".parse().unwrap()),
    );
    let tries: Vec<_> = (0..16)
        .map(|i| {
            let app = if i % 2 == 0 {
                t.app.clone()
            } else {
                second.clone()
            };
            tokio::spawn(async move {
                app.login("a@example.org", "wrong password!", "10.0.0.1")
                    .await
                    .expect_err("a wrong password")
                    .kind()
            })
        })
        .collect();
    let mut passed = 0;
    for t in tries {
        match t.await.unwrap() {
            "unauthenticated" => passed += 1,
            "too_many_requests" => {}
            other => panic!("{other}"),
        }
    }
    assert_eq!(
        passed,
        accord_app::LOGIN_ATTEMPTS,
        "checked as many times as one server allows"
    );
    // Either server holds the pair back now, even with the right password;
    // the holder at another address is not held back.
    assert_eq!(
        kind(second.login("a@example.org", PASSWORD, "10.0.0.1").await),
        "too_many_requests"
    );
    assert!(t
        .app
        .login("a@example.org", PASSWORD, "10.9.9.9")
        .await
        .is_ok());
}
