//! Stakeholder accreditation and meeting registration on the real SQLite store.

use accord_app::{App, AppError, AuditFilter, PageRequest, Principal, RecordedBodyDecision};
use accord_domain::*;
use chrono::{DateTime, Duration, Utc};

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    objections_during_the_period_then_a_decision,
    an_objected_application_is_decided_by_the_body_the_rules_name,
    the_body_decision_rules_as_a_table_of_cases,
    only_the_secretariat_of_the_process_records_a_body_decision,
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

fn body_decision(outcome: AccreditationOutcome, date: &str, note: &str) -> RecordedBodyDecision {
    RecordedBodyDecision {
        outcome,
        date: date.parse().unwrap(),
        meeting: None,
        reference: None,
        note: note.into(),
    }
}

/// A plenary meeting of `process` on these days.
async fn plenary(app: &App, process: &str, slug: &str, start: &str, end: &str) -> i64 {
    app.add_meeting(
        &OPERATOR,
        NewMeeting {
            title_translations: Default::default(),
            process: process.parse().unwrap(),
            slug: slug.parse().unwrap(),
            kind: MeetingKind::PlenaryMeeting,
            number: None,
            title: format!("Plenary {slug}"),
            start_date: start.parse().unwrap(),
            end_date: end.parse().unwrap(),
            venue: None,
            chairs: vec![],
            agenda: vec![],
            themes: vec![],
            note: None,
        },
    )
    .await
    .unwrap()
}

/// The audit log's accreditation entries of a process: (action, targets).
async fn audited(app: &App, process: &str) -> Vec<(String, Vec<String>)> {
    let mut entries: Vec<_> = app
        .audit_log(
            &OPERATOR,
            AuditFilter {
                action_prefix: Some("accreditation.".into()),
                account: None,
                process: Some(process.parse().unwrap()),
            },
            &PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| (e.record.action, e.record.targets))
        .collect();
    entries.reverse();
    entries
}

/// A second process, "ocean", cloned from the GCM (same meeting kinds).
async fn ocean(app: &App) {
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "ocean".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
}

async fn apply(app: &App, process: &str, name: &str, address: &str) -> i64 {
    app.apply_for_accreditation(&Principal::Anonymous, process, application(name), address)
        .await
        .unwrap()
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
        "objection_pending_decision",
        "objected to: the secretariat may not decide it alone"
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
        kind(app.decide_accreditation(&sec, "gcm", id, true, "").await),
        "objection_pending_decision"
    );
    assert_eq!(
        app.record_body_decision(
            &sec,
            "gcm",
            id,
            body_decision(
                AccreditationOutcome::Rejected,
                "2018-02-12",
                "Objections by two member states"
            )
        )
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

/// The GCM path (GA resolution 71/280): the names objected to go to the
/// plenary, which decides; an application nobody objected to is the
/// secretariat's. Both paths audited and counted on the dashboard; a
/// process whose rules name the bureau refers to the bureau, and a change of
/// rules leaves an application with the body it went to.
async fn an_objected_application_is_decided_by_the_body_the_rules_name(db: TestDatabase) {
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
    assert_eq!(
        app.deciding_body("gcm").await.unwrap(),
        DecidingBody::Plenary
    );
    let objected = apply(app, "gcm", "Objected Network", "192.0.2.1").await;
    let unopposed = apply(app, "gcm", "Unopposed Network", "192.0.2.2").await;
    app.object_to_accreditation(&mex, "gcm", objected, "MEX", "Not an NGO")
        .await
        .unwrap();
    let a = &app.applications(&sec, "gcm").await.unwrap()[1];
    assert_eq!(a.id, objected);
    assert_eq!(
        (a.status, a.referred_to),
        (AccreditationStatus::Referred, Some(DecidingBody::Plenary)),
        "the first objection refers it"
    );
    let desk = app.attention(&sec, "gcm").await.unwrap();
    assert_eq!(
        (
            desk.applications_in_objection_period,
            desk.applications_to_decide,
            desk.applications_referred
        ),
        (Some(2), Some(0), Some(0))
    );

    t.advance(Duration::days(11));
    let desk = app.attention(&sec, "gcm").await.unwrap();
    assert_eq!(
        (
            desk.applications_in_objection_period,
            desk.applications_to_decide,
            desk.applications_referred
        ),
        (Some(0), Some(1), Some(1)),
        "one for the secretariat, one waiting for the plenary"
    );
    let meeting = plenary(app, "gcm", "plenary-72", "2018-02-12", "2018-02-12").await;
    let org = app
        .record_body_decision(
            &sec,
            "gcm",
            objected,
            RecordedBodyDecision {
                outcome: AccreditationOutcome::Approved,
                date: "2018-02-12".parse().unwrap(),
                meeting: Some(meeting),
                reference: Some("  A/72/L.99 ".into()),
                note: "The plenary did not uphold the objection".into(),
            },
        )
        .await
        .unwrap()
        .expect("approved: an organisation");
    assert_eq!(
        app.actor(org.as_str()).await.unwrap().actor.name,
        "Objected Network"
    );
    app.decide_accreditation(&sec, "gcm", unopposed, true, "No objection")
        .await
        .unwrap();
    let listed = app.applications(&mex, "gcm").await.unwrap();
    let a = listed.iter().find(|a| a.id == objected).unwrap();
    assert_eq!(a.status, AccreditationStatus::Approved);
    assert_eq!(
        a.body_decision,
        Some(BodyDecision {
            body: DecidingBody::Plenary,
            date: "2018-02-12".parse().unwrap(),
            meeting: Some(meeting),
            reference: Some("A/72/L.99".into()),
        })
    );
    assert_eq!(
        a.decision_note.as_deref(),
        Some("The plenary did not uphold the objection")
    );
    let b = listed.iter().find(|a| a.id == unopposed).unwrap();
    assert_eq!(
        (b.status, b.referred_to, &b.body_decision),
        (AccreditationStatus::Approved, None, &None)
    );
    let desk = app.attention(&sec, "gcm").await.unwrap();
    assert_eq!(
        (desk.applications_to_decide, desk.applications_referred),
        (Some(0), Some(0))
    );
    assert_eq!(
        audited(app, "gcm").await,
        vec![
            (
                "accreditation.apply".into(),
                vec![format!("application:{objected}")]
            ),
            (
                "accreditation.apply".into(),
                vec![format!("application:{unopposed}")]
            ),
            (
                "accreditation.object".into(),
                vec![
                    format!("application:{objected}"),
                    "actor:MEX".into(),
                    "referred-to:plenary".into()
                ]
            ),
            (
                "accreditation.body-decision".into(),
                vec![
                    format!("application:{objected}"),
                    "status:approved".into(),
                    "body:plenary".into(),
                    "date:2018-02-12".into(),
                    format!("meeting:{meeting}"),
                ]
            ),
            (
                "accreditation.decide".into(),
                vec![format!("application:{unopposed}"), "status:approved".into()]
            ),
        ],
        "both paths audited, the referral with the objection"
    );

    // A process whose rules name its bureau.
    ocean(app).await;
    let sec = person(
        app,
        "ocean-sec@example.org",
        vec![RoleGrant {
            role: Role::Secretariat,
            process: Some("ocean".parse().unwrap()),
            actor: None,
        }],
    )
    .await
    .unwrap();
    app.set_deciding_body(&sec, "ocean", DecidingBody::Bureau)
        .await
        .unwrap();
    assert_eq!(
        app.deciding_body("ocean").await.unwrap(),
        DecidingBody::Bureau
    );
    assert_eq!(
        app.deciding_body("gcm").await.unwrap(),
        DecidingBody::Plenary
    );
    let to_bureau = apply(app, "ocean", "Reef Watch", "192.0.2.3").await;
    app.set_objection_days(&sec, "ocean", 10).await.unwrap();
    let mex_ocean = person(
        app,
        "mex-ocean@example.org",
        vec![RoleGrant {
            role: Role::Delegate,
            process: Some("ocean".parse().unwrap()),
            actor: Some("MEX".parse().unwrap()),
        }],
    )
    .await
    .unwrap();
    app.object_to_accreditation(&mex_ocean, "ocean", to_bureau, "MEX", "Objection")
        .await
        .unwrap();
    // The rules change after the referral: the application stays with the bureau.
    app.set_deciding_body(&sec, "ocean", DecidingBody::Plenary)
        .await
        .unwrap();
    t.advance(Duration::days(11));
    app.record_body_decision(
        &sec,
        "ocean",
        to_bureau,
        body_decision(
            AccreditationOutcome::Rejected,
            &t.app.today().to_string(),
            "",
        ),
    )
    .await
    .unwrap();
    let a = &app.applications(&sec, "ocean").await.unwrap()[0];
    assert_eq!(a.status, AccreditationStatus::Rejected);
    assert_eq!(a.referred_to, Some(DecidingBody::Bureau));
    assert_eq!(a.body_decision.as_ref().unwrap().body, DecidingBody::Bureau);
    assert_eq!(a.actor, None);
    assert!(audited(app, "ocean")
        .await
        .iter()
        .any(|(action, targets)| action == "accreditation.deciding-body"
            && targets == &vec!["body:bureau".to_owned()]));
}

/// Each rule of a body's decision and of the secretariat's, through the use
/// cases, as a table: (case, the application, the command, the error kind
/// expected). A refused command changes nothing and audits nothing.
async fn the_body_decision_rules_as_a_table_of_cases(db: TestDatabase) {
    let t = setup(db).await;
    let app = &t.app;
    ocean(app).await;
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
    // Applied on 1 February 2018 at 09:00; the period ends on 11 February.
    let objected = apply(app, "gcm", "Objected", "192.0.2.1").await;
    let unopposed = apply(app, "gcm", "Unopposed", "192.0.2.2").await;
    let decided = apply(app, "gcm", "Decided", "192.0.2.3").await;
    for id in [objected, decided] {
        app.object_to_accreditation(&mex, "gcm", id, "MEX", "Objection")
            .await
            .unwrap();
    }
    let early = app
        .record_body_decision(
            &sec,
            "gcm",
            objected,
            body_decision(AccreditationOutcome::Approved, "2018-02-01", ""),
        )
        .await;
    assert_eq!(
        kind(early),
        "objection_period_running",
        "states may still object"
    );
    t.set_now("2018-02-15T12:00:00Z");
    app.record_body_decision(
        &sec,
        "gcm",
        decided,
        body_decision(AccreditationOutcome::Rejected, "2018-02-14", ""),
    )
    .await
    .unwrap();
    let at_plenary = plenary(app, "gcm", "plenary-a", "2018-02-13", "2018-02-14").await;
    let at_ocean = plenary(app, "ocean", "plenary-b", "2018-02-13", "2018-02-14").await;
    let with = |date: &str, meeting: Option<i64>, reference: Option<String>| RecordedBodyDecision {
        outcome: AccreditationOutcome::Approved,
        date: date.parse().unwrap(),
        meeting,
        reference,
        note: String::new(),
    };
    let before = app.applications(&sec, "gcm").await.unwrap();
    let audit_before = audited(app, "gcm").await.len();
    let cases: Vec<(&str, i64, RecordedBodyDecision, &str)> = vec![
        (
            "no objection: not referred",
            unopposed,
            with("2018-02-14", None, None),
            "not_referred",
        ),
        (
            "a second decision",
            decided,
            with("2018-02-14", None, None),
            "already_decided",
        ),
        (
            "dated tomorrow",
            objected,
            with("2018-02-16", None, None),
            "decision_date_in_future",
        ),
        (
            "dated before the period ended",
            objected,
            with("2018-02-10", None, None),
            "decision_before_period_end",
        ),
        (
            "a day its meeting did not sit",
            objected,
            with("2018-02-15", Some(at_plenary), None),
            "decision_outside_meeting",
        ),
        (
            "a meeting of another process",
            objected,
            with("2018-02-14", Some(at_ocean), None),
            "meeting_of_another_process",
        ),
        (
            "a meeting that does not exist",
            objected,
            with("2018-02-14", Some(999_999), None),
            "not_found",
        ),
        (
            "a reference too long",
            objected,
            with("2018-02-14", None, Some("A".repeat(201))),
            "too_long",
        ),
        (
            "an application of no process of ours",
            999_999,
            with("2018-02-14", None, None),
            "not_found",
        ),
    ];
    for (name, id, decision, expected) in cases {
        let got = app.record_body_decision(&sec, "gcm", id, decision).await;
        assert_eq!(kind(got), expected, "{name}");
    }
    // The secretariat's own decision on the same applications.
    for (name, id, expected) in [
        (
            "objected: the plenary's",
            objected,
            "objection_pending_decision",
        ),
        ("decided by the plenary", decided, "already_decided"),
    ] {
        let got = app.decide_accreditation(&sec, "gcm", id, true, "").await;
        assert_eq!(kind(got), expected, "{name}");
    }
    assert_eq!(
        app.applications(&sec, "gcm").await.unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(
        audited(app, "gcm").await.len(),
        audit_before,
        "nothing audited"
    );
}

/// Two processes, a secretariat and a delegation in each: only the
/// secretariat of the application's own process records a body's decision.
async fn only_the_secretariat_of_the_process_records_a_body_decision(db: TestDatabase) {
    let t = setup(db).await;
    let app = &t.app;
    ocean(app).await;
    let in_process = |process: &str, role: Role, actor: Option<&str>| RoleGrant {
        role,
        process: Some(process.parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    let gcm_sec = person(
        app,
        "gcm-sec@example.org",
        vec![in_process("gcm", Role::Secretariat, None)],
    )
    .await
    .unwrap();
    let ocean_sec = person(
        app,
        "ocean-sec@example.org",
        vec![in_process("ocean", Role::Secretariat, None)],
    )
    .await
    .unwrap();
    let gcm_mex = person(
        app,
        "gcm-mex@example.org",
        vec![in_process("gcm", Role::Delegate, Some("MEX"))],
    )
    .await
    .unwrap();
    let ocean_mex = person(
        app,
        "ocean-mex@example.org",
        vec![in_process("ocean", Role::Delegate, Some("MEX"))],
    )
    .await
    .unwrap();
    let in_gcm = apply(app, "gcm", "Objected in the GCM", "192.0.2.1").await;
    let in_ocean = apply(app, "ocean", "Objected in ocean", "192.0.2.2").await;
    app.object_to_accreditation(&gcm_mex, "gcm", in_gcm, "MEX", "Objection")
        .await
        .unwrap();
    app.object_to_accreditation(&ocean_mex, "ocean", in_ocean, "MEX", "Objection")
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.object_to_accreditation(&ocean_mex, "gcm", in_gcm, "MEX", "Here too")
                .await
        ),
        "forbidden",
        "a delegation of ocean objects in ocean only"
    );
    t.advance(Duration::days(11));
    let today = app.today().to_string();
    let decide = |p: Principal, process: &'static str, id: i64| {
        let today = today.clone();
        async move {
            app.record_body_decision(
                &p,
                process,
                id,
                body_decision(AccreditationOutcome::Approved, &today, ""),
            )
            .await
        }
    };
    let cases: Vec<(&str, Principal, &'static str, i64, &str)> = vec![
        (
            "ocean's secretariat, the GCM's application",
            ocean_sec.clone(),
            "gcm",
            in_gcm,
            "forbidden",
        ),
        (
            "ocean's secretariat, the GCM's application through ocean",
            ocean_sec.clone(),
            "ocean",
            in_gcm,
            "not_found",
        ),
        (
            "the GCM's delegate of a member state",
            gcm_mex.clone(),
            "gcm",
            in_gcm,
            "forbidden",
        ),
        (
            "ocean's delegate of a member state",
            ocean_mex.clone(),
            "gcm",
            in_gcm,
            "forbidden",
        ),
        (
            "the GCM's secretariat, ocean's application",
            gcm_sec.clone(),
            "ocean",
            in_ocean,
            "forbidden",
        ),
        (
            "the public",
            Principal::Anonymous,
            "gcm",
            in_gcm,
            "unauthenticated",
        ),
    ];
    for (name, p, process, id, expected) in cases {
        assert_eq!(kind(decide(p, process, id).await), expected, "{name}");
    }
    assert_eq!(
        kind(
            app.set_deciding_body(&ocean_sec, "gcm", DecidingBody::Bureau)
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.set_deciding_body(&gcm_mex, "gcm", DecidingBody::Bureau)
                .await
        ),
        "forbidden"
    );
    assert!(app
        .applications(&gcm_sec, "gcm")
        .await
        .unwrap()
        .iter()
        .all(|a| a.status == AccreditationStatus::Referred));
    // Each secretariat in its own process.
    decide(gcm_sec, "gcm", in_gcm).await.unwrap();
    decide(ocean_sec, "ocean", in_ocean).await.unwrap();
}
