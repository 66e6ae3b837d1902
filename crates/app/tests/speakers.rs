//! Delegations, group speakers and speakers' lists, on both real stores,
//! with the clock on the first day of the first negotiation round.

use accord_app::{App, AppError, FloorRequest, Principal};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase};

on_both_stores!(
    a_mixed_speakers_list_follows_precedence_then_time,
    refused_inscriptions_change_nothing,
);

const OPERATOR: Principal = Principal::System("test");
const PASSWORD: &str = "correct horse battery staple";

/// Accredits an organisation the way the process does; returns its actor code.
pub async fn accredit(app: &App, process: &str, name: &str) -> String {
    app.set_objection_days(&OPERATOR, process, 0).await.unwrap();
    let new = NewApplication {
        name: name.into(),
        kind: StakeholderKind::Ngo,
        country: "CHE".parse().unwrap(),
        website: "https://example.org".into(),
        ecosoc_status: true,
        description: "A test organisation.".into(),
    };
    let id = app
        .apply_for_accreditation(&Principal::Anonymous, process, new, "192.0.2.1")
        .await
        .unwrap();
    app.decide_accreditation(&OPERATOR, process, id, true, "")
        .await
        .unwrap()
        .unwrap()
        .to_string()
}

async fn app(db: TestDatabase) -> TestApp {
    TestApp::at(db, "2018-02-20T09:00:00Z").await
}

async fn person(app: &App, email: &str, role: Role, actor: Option<&str>) -> Principal {
    let grant = RoleGrant {
        role,
        process: Some("gcm".parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

fn floor(actor: &str) -> FloorRequest {
    FloorRequest {
        actor: actor.into(),
        agenda_item: 0,
        ministerial: false,
        right_of_reply: false,
    }
}

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn round_one(app: &App) -> i64 {
    app.all_meetings("gcm", Some(MeetingKind::NegotiationRound))
        .await
        .unwrap()[0]
        .id
}

async fn a_mixed_speakers_list_follows_precedence_then_time(db: TestDatabase) {
    let t = app(db).await;
    let app = &t.app;
    let m = round_one(app).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let cofac = person(app, "cofac@example.org", Role::CoFacilitator, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let che = person(app, "che@example.org", Role::Delegate, Some("CHE")).await;
    let fra = person(app, "fra@example.org", Role::Delegate, Some("FRA")).await;
    let mar = person(app, "mar@example.org", Role::Delegate, Some("MAR")).await;
    let hun = person(app, "hun@example.org", Role::Delegate, Some("HUN")).await;
    let pse = person(app, "pse@example.org", Role::Delegate, Some("PSE")).await;
    let iom = person(
        app,
        "iom@example.org",
        Role::UnEntityRepresentative,
        Some("IOM"),
    )
    .await;
    let ngo_code = accredit(app, "gcm", "An NGO").await;
    let ngo = person(
        app,
        "ngo@example.org",
        Role::StakeholderRepresentative,
        Some(&ngo_code),
    )
    .await;

    app.set_group_chair(&sec, "gcm", "EU", "FRA").await.unwrap();
    app.designate_group_speaker(&fra, "gcm", "EU", "fra@example.org")
        .await
        .unwrap();
    app.set_delegation(&mex, "gcm", "MEX", "Juan José Gómez Camacho")
        .await
        .unwrap();

    // Inscribed in an order unlike the order of speaking.
    app.inscribe(&ngo, "gcm", m, floor(&ngo_code))
        .await
        .unwrap();
    app.inscribe(&mex, "gcm", m, floor("MEX")).await.unwrap();
    app.inscribe(
        &hun,
        "gcm",
        m,
        FloorRequest {
            right_of_reply: true,
            ..floor("HUN")
        },
    )
    .await
    .unwrap();
    app.inscribe(&iom, "gcm", m, floor("IOM")).await.unwrap();
    app.inscribe(&pse, "gcm", m, floor("PSE")).await.unwrap();
    app.inscribe(&che, "gcm", m, floor("CHE")).await.unwrap();
    app.inscribe(&fra, "gcm", m, floor("EU")).await.unwrap();
    app.inscribe(
        &mar,
        "gcm",
        m,
        FloorRequest {
            ministerial: true,
            ..floor("MAR")
        },
    )
    .await
    .unwrap();

    let list = app.speakers_list("gcm", m).await.unwrap();
    let order: Vec<&str> = list.iter().map(|s| s.inscription.actor.as_str()).collect();
    assert_eq!(
        order,
        [
            "EU",
            "MAR",
            "MEX",
            "CHE",
            "PSE",
            "IOM",
            ngo_code.as_str(),
            "HUN"
        ]
    );
    assert_eq!(list[0].time_limit, 300);
    assert_eq!(list[2].time_limit, 180);
    assert_eq!(list[7].inscription.category, SpeakerCategory::RightOfReply);

    // The chair runs the list; a delegate may not.
    let first = list[0].inscription.id;
    assert_eq!(
        kind(
            app.set_speaker_status(&mex, "gcm", m, first, SpeakerStatus::Spoken)
                .await
        ),
        "forbidden"
    );
    app.set_speaker_status(&cofac, "gcm", m, first, SpeakerStatus::Speaking)
        .await
        .unwrap();
    app.set_speaker_status(&cofac, "gcm", m, first, SpeakerStatus::Spoken)
        .await
        .unwrap();
    assert_eq!(
        app.speakers_list("gcm", m).await.unwrap()[0]
            .inscription
            .status,
        SpeakerStatus::Spoken
    );
    assert_eq!(
        app.delegations("gcm").await.unwrap()[0].1,
        "Juan José Gómez Camacho"
    );

    // The chair announces other time limits for this meeting; the list
    // follows them, and going back restores the usual one.
    assert_eq!(
        kind(
            app.set_time_limit(&mex, "gcm", m, SpeakerCategory::State, Some(240))
                .await
        ),
        "forbidden"
    );
    let before = app.verify_audit().await.unwrap().unwrap();
    for bad in [0, 14, 3601] {
        assert_eq!(
            kind(
                app.set_time_limit(&cofac, "gcm", m, SpeakerCategory::State, Some(bad))
                    .await
            ),
            "invalid",
            "{bad} seconds"
        );
    }
    assert_eq!(
        kind(
            app.set_time_limit(&cofac, "gcm", 999_999, SpeakerCategory::State, Some(240))
                .await
        ),
        "not_found"
    );
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), before);
    app.set_time_limit(&cofac, "gcm", m, SpeakerCategory::State, Some(240))
        .await
        .unwrap();
    let list = app.speakers_list("gcm", m).await.unwrap();
    assert_eq!(list[0].time_limit, 300, "groups keep the usual limit");
    assert_eq!(list[2].time_limit, 240);
    let limits = app.time_limits("gcm", m).await.unwrap();
    assert!(limits.contains(&(SpeakerCategory::State, 240, true)));
    assert!(limits.contains(&(SpeakerCategory::Group, 300, false)));
    app.set_time_limit(&cofac, "gcm", m, SpeakerCategory::State, None)
        .await
        .unwrap();
    assert_eq!(
        app.speakers_list("gcm", m).await.unwrap()[2].time_limit,
        180
    );
}

async fn refused_inscriptions_change_nothing(db: TestDatabase) {
    let t = app(db).await;
    let app = &t.app;
    let m = round_one(app).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let fra = person(app, "fra@example.org", Role::Delegate, Some("FRA")).await;
    let deu = person(app, "deu@example.org", Role::Delegate, Some("DEU")).await;
    app.inscribe(&mex, "gcm", m, floor("MEX")).await.unwrap();
    let before = app.verify_audit().await.unwrap().unwrap();

    // For a state you do not represent.
    let err = app
        .inscribe(&mex, "gcm", m, floor("CHE"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "forbidden");
    assert!(err.to_string().contains("CHE"), "{err}");
    // For a group you are not designated for.
    assert_eq!(
        kind(app.inscribe(&fra, "gcm", m, floor("EU")).await),
        "forbidden"
    );
    // Twice.
    assert_eq!(
        kind(app.inscribe(&mex, "gcm", m, floor("MEX")).await),
        "already_inscribed"
    );
    // A right of reply is for states; ministers are of member states.
    assert_eq!(
        kind(
            app.inscribe(
                &mex,
                "gcm",
                m,
                FloorRequest {
                    agenda_item: 3,
                    ..floor("MEX")
                }
            )
            .await
        ),
        "unknown_agenda_item"
    );
    // A meeting that is over.
    let past = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    assert_eq!(
        kind(app.inscribe(&mex, "gcm", past, floor("MEX")).await),
        "meeting_over"
    );
    assert_eq!(
        kind(
            app.inscribe(&Principal::Anonymous, "gcm", m, floor("MEX"))
                .await
        ),
        "unauthenticated"
    );

    // Group designation: no chair yet; then by a delegation that is not the chair.
    let err = app
        .designate_group_speaker(&fra, "gcm", "EU", "fra@example.org")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "forbidden");
    assert_eq!(
        app.verify_audit().await.unwrap().unwrap(),
        before,
        "nothing was written"
    );
    app.set_group_chair(&sec, "gcm", "EU", "FRA").await.unwrap();
    let err = app
        .designate_group_speaker(&deu, "gcm", "EU", "deu@example.org")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "forbidden");
    assert!(err.to_string().contains("FRA"), "{err}");
    // The chair may only designate delegates of member states; an account
    // that does not exist is answered the same (nothing of other processes
    // shows through).
    let not_member = app
        .designate_group_speaker(&fra, "gcm", "EU", "mex@example.org")
        .await
        .unwrap_err();
    let no_account = app
        .designate_group_speaker(&fra, "gcm", "EU", "nobody-at-all@example.org")
        .await
        .unwrap_err();
    assert_eq!(not_member.kind(), "invalid");
    assert_eq!(
        no_account
            .to_string()
            .replace("nobody-at-all@example.org", "mex@example.org"),
        not_member.to_string()
    );
    assert_eq!(no_account.kind(), not_member.kind());
    assert_eq!(
        kind(app.set_group_chair(&sec, "gcm", "EU", "MEX").await),
        "invalid",
        "the chair is a member"
    );
    assert_eq!(
        kind(app.set_group_chair(&mex, "gcm", "EU", "FRA").await),
        "forbidden"
    );
    assert_eq!(
        kind(app.set_delegation(&mex, "gcm", "CHE", "Someone").await),
        "forbidden"
    );

    let list = app.speakers_list("gcm", m).await.unwrap();
    assert_eq!(list.len(), 1, "only the one valid inscription");
}
