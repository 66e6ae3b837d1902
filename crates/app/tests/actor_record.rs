//! Who said what: an actor's record across processes, at each reader's
//! clearance in each process, and groups' members over time — on both
//! real stores.

use accord_app::{App, Principal};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    an_actor_record_shows_only_what_the_reader_may_see_in_each_process,
    groups_show_their_members_over_time,
);

async fn person(app: &App, email: &str, role: Role, process: &str, actor: &str) -> Principal {
    let grant = RoleGrant {
        role,
        process: Some(process.parse().unwrap()),
        actor: Some(actor.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

/// A second process beside the GCM, with one meeting.
async fn second_process(app: &App) -> i64 {
    app.create_process(
        &OPERATOR,
        Process {
            title_translations: Default::default(),
            slug: "other".parse().unwrap(),
            title: "Another process".into(),
            description: String::new(),
            mandate: vec![],
            languages: vec![Language::En],
            co_facilitators: vec![],
            secretariat: vec![],
            meeting_kinds: vec![MeetingKind::ThematicSession],
            record_resolver: None,
        },
    )
    .await
    .unwrap();
    app.add_meeting(
        &OPERATOR,
        NewMeeting {
            title_translations: Default::default(),
            process: "other".parse().unwrap(),
            slug: "session-1".parse().unwrap(),
            kind: MeetingKind::ThematicSession,
            number: Some(1),
            title: "Other session".into(),
            start_date: "2017-05-08".parse().unwrap(),
            end_date: "2017-05-09".parse().unwrap(),
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

async fn statement(app: &App, process: &str, meeting: i64, distribution: Distribution) -> i64 {
    app.add_statement(
        &OPERATOR,
        NewStatement {
            process: process.parse().unwrap(),
            meeting,
            agenda_item: 0,
            actor: "MEX".parse().unwrap(),
            on_behalf_of: None,
            title: format!("Mexico in {process}, {distribution}"),
            delivered_on: "2017-05-08".parse().unwrap(),
            distribution,
            embargo_until: None,
            synthetic: true,
        },
        vec![ItemText::typed(Language::En, "We speak on migration.").unwrap()],
    )
    .await
    .unwrap()
}

/// (process, statement ids) of Mexico's record as `reader` reads it.
async fn seen(app: &App, reader: &Principal) -> Vec<(String, Vec<i64>)> {
    let record = app.actor_record(reader, "MEX").await.unwrap();
    record
        .processes
        .iter()
        .map(|p| {
            let mut ids: Vec<i64> = p.statements.iter().map(|s| s.id).collect();
            ids.sort_unstable();
            (p.process.to_string(), ids)
        })
        .collect()
}

async fn an_actor_record_shows_only_what_the_reader_may_see_in_each_process(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = &t.app;
    let gcm_session = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    let other_session = second_process(app).await;
    let gcm_public = statement(app, "gcm", gcm_session, Distribution::Public).await;
    let gcm_restricted = statement(app, "gcm", gcm_session, Distribution::Restricted).await;
    let other_restricted = statement(app, "other", other_session, Distribution::Restricted).await;
    let in_gcm = person(app, "gcm@example.org", Role::Delegate, "gcm", "MEX").await;
    let in_other = person(app, "other@example.org", Role::Delegate, "other", "MEX").await;

    // The public: the public statement only; the other process, where
    // nothing is public, contributes nothing (not even its name).
    assert_eq!(
        seen(app, &Principal::Anonymous).await,
        vec![("gcm".to_string(), vec![gcm_public])]
    );
    // A delegate in the GCM: the GCM's restricted statement, not the other
    // process's.
    assert_eq!(
        seen(app, &in_gcm).await,
        vec![("gcm".to_string(), vec![gcm_public, gcm_restricted])]
    );
    // A delegate in the other process: the reverse.
    assert_eq!(
        seen(app, &in_other).await,
        vec![
            ("gcm".to_string(), vec![gcm_public]),
            ("other".to_string(), vec![other_restricted]),
        ]
    );
    // The secretariat of every process sees all three, each with its
    // meeting and its own page.
    let record = app.actor_record(&OPERATOR, "MEX").await.unwrap();
    let all: Vec<&accord_app::ActorStatement> = record
        .processes
        .iter()
        .flat_map(|p| &p.statements)
        .collect();
    assert_eq!(all.len(), 3);
    let other = all.iter().find(|s| s.id == other_restricted).unwrap();
    assert_eq!(other.meeting_title, "Other session");
    assert_eq!(
        other.page,
        format!("/processes/other/statements/{other_restricted}")
    );
    // An actor that does not exist is not found.
    assert_eq!(
        app.actor_record(&Principal::Anonymous, "XXX")
            .await
            .unwrap_err()
            .kind(),
        "not_found"
    );
}

async fn groups_show_their_members_over_time(db: TestDatabase) {
    let t = TestApp::at(db, "2020-06-01T12:00:00Z").await;
    let app = &t.app;
    let eu = app.actor_record(&Principal::Anonymous, "EU").await.unwrap();
    let gbr = eu
        .members
        .iter()
        .find(|m| m.code.as_str() == "GBR")
        .unwrap();
    assert_eq!(gbr.joined, Some("1973-01-01".parse().unwrap()));
    assert_eq!(gbr.left, Some("2020-01-31".parse().unwrap()));
    let hrv = eu
        .members
        .iter()
        .find(|m| m.code.as_str() == "HRV")
        .unwrap();
    assert_eq!(
        (hrv.joined, hrv.left),
        (Some("2013-07-01".parse().unwrap()), None)
    );
    // From the member's side, the same dates.
    let uk = app
        .actor_record(&Principal::Anonymous, "GBR")
        .await
        .unwrap();
    assert_eq!(uk.groups.len(), 1);
    assert_eq!(uk.groups[0].left, Some("2020-01-31".parse().unwrap()));
    // The group's rule: a member on a day is one whose dates cover it.
    let group = app.actor("EU").await.unwrap().actor;
    let code: ActorCode = "GBR".parse().unwrap();
    assert!(group.had_member_on(&code, "2018-12-19".parse().unwrap()));
    assert!(group.had_member_on(&code, "2020-01-31".parse().unwrap()));
    assert!(!group.had_member_on(&code, "2020-02-01".parse().unwrap()));

    // Dates for a state that is not a member, or that end before they
    // begin, are refused, and nothing is stored.
    let mut bad = Actor::new("G-DATES".parse().unwrap(), ActorKind::Group, "Dated group");
    bad.members = vec!["FRA".parse().unwrap()];
    bad.membership = vec![Membership {
        member: "DEU".parse().unwrap(),
        joined: None,
        left: None,
    }];
    assert_eq!(
        app.create_actor(&OPERATOR, bad.clone())
            .await
            .unwrap_err()
            .kind(),
        "invalid"
    );
    bad.membership = vec![Membership {
        member: "FRA".parse().unwrap(),
        joined: Some("2020-01-01".parse().unwrap()),
        left: Some("2019-01-01".parse().unwrap()),
    }];
    assert_eq!(
        app.create_actor(&OPERATOR, bad.clone())
            .await
            .unwrap_err()
            .kind(),
        "invalid"
    );
    assert!(app.actor("G-DATES").await.is_err());
    // Dates kept as given, on both stores.
    bad.membership[0].left = Some("2021-01-01".parse().unwrap());
    app.create_actor(&OPERATOR, bad.clone()).await.unwrap();
    assert_eq!(
        app.actor("G-DATES").await.unwrap().actor.membership,
        bad.membership
    );
}
