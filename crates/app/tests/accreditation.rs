//! Stakeholder accreditation and meeting registration on the real SQLite store.

use accord_app::{App, AppError, Principal};
use accord_domain::*;
use chrono::{DateTime, Duration, Utc};

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    objections_during_the_period_then_a_decision,
    without_objections_an_organisation_is_accredited_and_registers,
    bad_applications_and_unaccredited_representatives_are_refused,
);

async fn setup(db: TestDatabase) -> TestApp {
    TestApp::at(db, "2018-02-01T09:00:00Z").await
}

async fn person(app: &App, email: &str, grants: Vec<RoleGrant>) -> Result<Principal, AppError> {
    Ok(Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &grants)
            .await?,
    ))
}

fn grant(role: Role, actor: Option<&str>) -> RoleGrant {
    RoleGrant {
        role,
        process: Some("gcm".parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    }
}

fn application(name: &str) -> NewApplication {
    NewApplication {
        name: name.into(),
        kind: StakeholderKind::MigrantsOrganisation,
        country: "MEX".parse().unwrap(),
        website: "https://example.org".into(),
        ecosoc_status: false,
        description: "Migrant workers' association.".into(),
    }
}

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn objections_during_the_period_then_a_decision(db: TestDatabase) {
    let t = setup(db).await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", vec![grant(Role::Secretariat, None)])
        .await
        .unwrap();
    let mex = person(
        app,
        "mex@example.org",
        vec![grant(Role::Delegate, Some("MEX"))],
    )
    .await
    .unwrap();
    let hun = person(
        app,
        "hun@example.org",
        vec![grant(Role::Delegate, Some("HUN"))],
    )
    .await
    .unwrap();
    let pse = person(
        app,
        "pse@example.org",
        vec![grant(Role::Delegate, Some("PSE"))],
    )
    .await
    .unwrap();
    app.set_objection_days(&sec, "gcm", 10).await.unwrap();
    let id = app
        .apply_for_accreditation(
            &Principal::Anonymous,
            "gcm",
            application("Contested Association"),
            "192.0.2.1",
        )
        .await
        .unwrap();

    app.object_to_accreditation(&mex, "gcm", id, "MEX", "Not registered in Mexico")
        .await
        .unwrap();
    t.advance(Duration::hours(1));
    app.object_to_accreditation(&hun, "gcm", id, "HUN", "Objection")
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.object_to_accreditation(&mex, "gcm", id, "MEX", "Again")
                .await
        ),
        "already_objected"
    );
    assert_eq!(
        kind(
            app.object_to_accreditation(&mex, "gcm", id, "HUN", "For another")
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.object_to_accreditation(&pse, "gcm", id, "PSE", "Observer")
                .await
        ),
        "cannot_speak",
        "observer states do not object"
    );
    assert_eq!(
        kind(
            app.object_to_accreditation(&mex, "gcm", id, "MEX", "")
                .await
        ),
        "invalid"
    );
    assert_eq!(
        kind(app.decide_accreditation(&sec, "gcm", id, false, "").await),
        "objection_period_running"
    );
    assert_eq!(
        kind(app.decide_accreditation(&mex, "gcm", id, true, "").await),
        "forbidden"
    );

    t.advance(Duration::days(11));
    assert_eq!(
        kind(
            app.object_to_accreditation(&mex, "gcm", id, "MEX", "Late")
                .await
        ),
        "objection_period_over"
    );
    assert_eq!(
        app.decide_accreditation(&sec, "gcm", id, false, "Objections by two member states")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        kind(app.decide_accreditation(&sec, "gcm", id, true, "").await),
        "already_decided"
    );

    let listed = app.applications(&mex, "gcm").await.unwrap();
    let a = listed.iter().find(|a| a.id == id).unwrap();
    assert_eq!(a.status, AccreditationStatus::Rejected);
    assert_eq!(
        a.decision_note.as_deref(),
        Some("Objections by two member states")
    );
    let by: Vec<&str> = a.objections.iter().map(|o| o.state.as_str()).collect();
    assert_eq!(by, ["MEX", "HUN"], "who objected, in order");
    assert_eq!(
        a.objections[0].at,
        "2018-02-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap(),
        "when"
    );
    assert_eq!(a.objections[0].reason, "Not registered in Mexico");
    assert_eq!(
        kind(app.applications(&Principal::Anonymous, "gcm").await),
        "unauthenticated"
    );
}

async fn without_objections_an_organisation_is_accredited_and_registers(db: TestDatabase) {
    let t = setup(db).await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", vec![grant(Role::Secretariat, None)])
        .await
        .unwrap();
    let id = app
        .apply_for_accreditation(
            &Principal::Anonymous,
            "gcm",
            application("Open Association"),
            "192.0.2.2",
        )
        .await
        .unwrap();
    // Before accreditation, nobody may represent it.
    assert_eq!(
        kind(app.decide_accreditation(&sec, "gcm", id, true, "").await),
        "objection_period_running"
    );
    t.advance(Duration::days(10));
    let code = app
        .decide_accreditation(&sec, "gcm", id, true, "No objection")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.actor(code.as_str()).await.unwrap().actor.name,
        "Open Association"
    );
    let rep = person(
        app,
        "rep@example.org",
        vec![grant(Role::StakeholderRepresentative, Some(code.as_str()))],
    )
    .await
    .unwrap();

    // Registration for a meeting still to come (round 1 starts on 20 February 2018).
    let round = app
        .all_meetings("gcm", Some(MeetingKind::NegotiationRound))
        .await
        .unwrap()[0]
        .id;
    let mex = person(
        app,
        "mex@example.org",
        vec![grant(Role::Delegate, Some("MEX"))],
    )
    .await
    .unwrap();
    app.register_for_meeting(&rep, "gcm", round).await.unwrap();
    app.register_for_meeting(&mex, "gcm", round).await.unwrap();
    assert_eq!(
        kind(app.register_for_meeting(&mex, "gcm", round).await),
        "already_registered"
    );
    let nobody = person(app, "nobody@example.org", vec![]).await.unwrap();
    assert_eq!(
        kind(app.register_for_meeting(&nobody, "gcm", round).await),
        "forbidden"
    );
    let past = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    assert_eq!(
        kind(app.register_for_meeting(&mex, "gcm", past).await),
        "meeting_over"
    );
    let participants = app.participants("gcm", round).await.unwrap();
    let names: Vec<&str> = participants.iter().map(|(_, a)| a.name.as_str()).collect();
    assert_eq!(names, ["Open Association", "Mexico"]);
}

async fn bad_applications_and_unaccredited_representatives_are_refused(db: TestDatabase) {
    let t = setup(db).await;
    let app = &t.app;
    let cases = [
        (
            NewApplication {
                name: "x".repeat(301),
                ..application("x")
            },
            "too_long",
        ),
        (
            NewApplication {
                website: "not a website".into(),
                ..application("x")
            },
            "invalid",
        ),
        (
            NewApplication {
                country: "IOM".parse().unwrap(),
                ..application("x")
            },
            "unknown_actor",
        ),
        (
            NewApplication {
                description: "d".repeat(5001),
                ..application("x")
            },
            "too_long",
        ),
    ];
    for (i, (new, expected)) in cases.into_iter().enumerate() {
        assert_eq!(
            kind(
                app.apply_for_accreditation(
                    &Principal::Anonymous,
                    "gcm",
                    new,
                    &format!("198.51.100.{i}")
                )
                .await
            ),
            expected
        );
    }
    let sec = person(app, "sec@example.org", vec![grant(Role::Secretariat, None)])
        .await
        .unwrap();
    assert!(
        app.applications(&sec, "gcm").await.unwrap().is_empty(),
        "nothing was stored"
    );
    app.create_actor(
        &OPERATOR,
        Actor::new(
            "NGO9".parse().unwrap(),
            ActorKind::StakeholderOrganisation,
            "Never applied",
        ),
    )
    .await
    .unwrap();
    let refused = person(
        app,
        "rep@example.org",
        vec![grant(Role::StakeholderRepresentative, Some("NGO9"))],
    )
    .await;
    assert_eq!(kind(refused), "not_accredited");
    assert_eq!(
        kind(app.set_objection_days(&sec, "gcm", 365).await),
        "bad_request"
    );
}
