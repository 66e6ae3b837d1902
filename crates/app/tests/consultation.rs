//! The consultation phase through the app layer, on both real stores:
//! statements, calls for inputs, inputs, recommendations, and what each
//! reader may see of them.

use accord_app::{App, AppError, PageRequest, Principal};
use accord_domain::*;
use chrono::Duration;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    who_may_deliver_a_statement,
    each_reader_sees_what_is_distributed_to_them,
    inputs_to_an_open_consultation,
    recommendations_link_back_to_their_source,
    a_statement_after_its_window_is_filed_late,
);

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn person(
    app: &App,
    email: &str,
    role: Role,
    process: Option<&str>,
    actor: Option<&str>,
) -> Principal {
    let grant = RoleGrant {
        role,
        process: process.map(|p| p.parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

async fn session_one(app: &App) -> i64 {
    app.all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id
}

fn statement(meeting: i64, actor: &str, distribution: Distribution) -> NewStatement {
    NewStatement {
        process: "gcm".parse().unwrap(),
        meeting,
        agenda_item: 0,
        actor: actor.parse().unwrap(),
        on_behalf_of: None,
        title: format!("Test statement for {actor}"),
        delivered_on: "2017-05-08".parse().unwrap(),
        distribution,
        embargo_until: None,
        synthetic: true,
    }
}

fn english(text: &str) -> Vec<ItemText> {
    vec![ItemText::typed(Language::En, text).unwrap()]
}

async fn who_may_deliver_a_statement(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = &t.app;
    let m = session_one(app).await;
    let mex = person(
        app,
        "mex@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("MEX"),
    )
    .await;
    let fra = person(
        app,
        "fra@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("FRA"),
    )
    .await;
    let sec = person(app, "sec@example.org", Role::Secretariat, Some("gcm"), None).await;
    let before = app.verify_audit().await.unwrap().unwrap();

    // Refusals change nothing.
    assert_eq!(
        kind(
            app.add_statement(
                &Principal::Anonymous,
                statement(m, "MEX", Distribution::Public),
                vec![]
            )
            .await
        ),
        "unauthenticated"
    );
    assert_eq!(
        kind(
            app.add_statement(&mex, statement(m, "CHE", Distribution::Public), vec![])
                .await
        ),
        "forbidden",
        "for a state the delegate does not represent"
    );
    let mut for_eu = statement(m, "FRA", Distribution::Public);
    for_eu.on_behalf_of = Some("EU".parse().unwrap());
    assert_eq!(
        kind(app.add_statement(&fra, for_eu.clone(), vec![]).await),
        "forbidden",
        "for a group it was not designated to speak for"
    );
    let mut mex_for_eu = statement(m, "MEX", Distribution::Public);
    mex_for_eu.on_behalf_of = Some("EU".parse().unwrap());
    assert_eq!(
        kind(app.add_statement(&sec, mex_for_eu, vec![]).await),
        "cannot_speak",
        "Mexico is not a member of the EU"
    );
    assert_eq!(
        kind(
            app.add_statement(&sec, statement(m, "EU", Distribution::Public), vec![])
                .await
        ),
        "cannot_speak",
        "a group speaks through a state"
    );
    let mut item = statement(m, "MEX", Distribution::Public);
    item.agenda_item = 7;
    assert_eq!(
        kind(app.add_statement(&mex, item, vec![]).await),
        "unknown_agenda_item"
    );
    let mut untitled = statement(m, "MEX", Distribution::Public);
    untitled.title = " ".into();
    assert_eq!(
        kind(app.add_statement(&mex, untitled, vec![]).await),
        "invalid"
    );
    let twice = vec![
        ItemText::typed(Language::En, "One.").unwrap(),
        ItemText::typed(Language::En, "Two.").unwrap(),
    ];
    assert_eq!(
        kind(
            app.add_statement(&mex, statement(m, "MEX", Distribution::Public), twice)
                .await
        ),
        "invalid"
    );
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), before);
    assert!(app
        .statements(&OPERATOR, "gcm", None, &PageRequest::default())
        .await
        .unwrap()
        .items
        .is_empty());

    // Allowed: a delegate for their state; a designated speaker for a group;
    // the secretariat for a UN entity.
    let own = app
        .add_statement(
            &mex,
            statement(m, "MEX", Distribution::Public),
            english("Test statement text."),
        )
        .await
        .unwrap();
    app.set_group_chair(&OPERATOR, "gcm", "EU", "FRA")
        .await
        .unwrap();
    app.designate_group_speaker(&fra, "gcm", "EU", "fra@example.org")
        .await
        .unwrap();
    let group = app
        .add_statement(
            &fra,
            for_eu,
            english("On behalf of the European Union and its member States."),
        )
        .await
        .unwrap();
    // A member speaks for its group only on days it is a member: the United
    // Kingdom until 31 January 2020.
    let mut gbr_for_eu = statement(m, "GBR", Distribution::Public);
    gbr_for_eu.on_behalf_of = Some("EU".parse().unwrap());
    gbr_for_eu.delivered_on = "2020-02-01".parse().unwrap();
    assert_eq!(
        kind(app.add_statement(&sec, gbr_for_eu.clone(), vec![]).await),
        "cannot_speak",
        "the United Kingdom left the EU on 31 January 2020"
    );
    gbr_for_eu.delivered_on = "2017-05-08".parse().unwrap();
    app.add_statement(&sec, gbr_for_eu, vec![]).await.unwrap();
    let iom = app
        .add_statement(
            &sec,
            statement(m, "IOM", Distribution::Public),
            english("Entered by the secretariat."),
        )
        .await
        .unwrap();
    let detail = app
        .statement(&Principal::Anonymous, "gcm", group)
        .await
        .unwrap();
    assert_eq!(detail.on_behalf_of.unwrap().code.as_str(), "EU");
    assert_eq!(detail.actor.code.as_str(), "FRA", "spoken by France");
    assert_eq!(detail.statement.credited_to().as_str(), "EU");
    // Found under the group, not under the state that spoke for it.
    let under = |actor: &'static str| accord_app::SearchRequest {
        text: "European Union".into(),
        filters: vec![("actor".into(), actor.into())],
        limit: 10,
        offset: 0,
    };
    let hits = app
        .search(&Principal::Anonymous, under("EU"))
        .await
        .unwrap();
    assert!(
        hits.hits
            .iter()
            .any(|h| h.kind == "statement" && h.item_id == group),
        "the group's statement is found under the group"
    );
    let hits = app
        .search(&Principal::Anonymous, under("FRA"))
        .await
        .unwrap();
    assert!(hits.hits.iter().all(|h| h.item_id != group));
    assert_eq!(detail.statement.entered_by, "fra@example.org");
    let detail = app
        .statement(&Principal::Anonymous, "gcm", own)
        .await
        .unwrap();
    assert_eq!(detail.texts[0].body, "Test statement text.");
    assert_eq!(detail.meeting.id, m);
    assert_eq!(
        app.statement(&Principal::Anonymous, "gcm", iom)
            .await
            .unwrap()
            .actor
            .code
            .as_str(),
        "IOM"
    );

    // A text in another language, later; then the meeting closes for delegates.
    app.put_statement_text(
        &mex,
        "gcm",
        own,
        ItemText::typed(Language::Es, "Texto de prueba.").unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        app.statement(&Principal::Anonymous, "gcm", own)
            .await
            .unwrap()
            .texts
            .len(),
        2
    );
    t.advance(Duration::days(45));
    assert_eq!(
        kind(
            app.add_statement(&mex, statement(m, "MEX", Distribution::Public), vec![])
                .await
        ),
        "meeting_over"
    );
    app.add_statement(&sec, statement(m, "MEX", Distribution::Public), vec![])
        .await
        .unwrap();
}

async fn each_reader_sees_what_is_distributed_to_them(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = &t.app;
    let m = session_one(app).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, Some("gcm"), None).await;
    let mex = person(
        app,
        "mex@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("MEX"),
    )
    .await;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let ngo = person(
        app,
        "reader@example.org",
        Role::Secretariat,
        Some("other-process"),
        None,
    )
    .await;
    let mut ids = vec![];
    for d in Distribution::ALL {
        ids.push(
            app.add_statement(&sec, statement(m, "MEX", *d), english("Text."))
                .await
                .unwrap(),
        );
    }
    let mut embargoed = statement(m, "MEX", Distribution::Public);
    embargoed.embargo_until = Some("2017-05-09T09:00:00Z".parse().unwrap());
    ids.push(
        app.add_statement(&sec, embargoed, english("Text."))
            .await
            .unwrap(),
    );
    let seen = |p: &Principal| {
        let p = p.clone();
        async move {
            app.statements(&p, "gcm", Some(m), &PageRequest::default())
                .await
                .unwrap()
                .items
                .iter()
                .map(|s| {
                    s.distribution.as_str().to_owned()
                        + if s.embargo_until.is_some() {
                            "+embargo"
                        } else {
                            ""
                        }
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(seen(&Principal::Anonymous).await, ["public"]);
    assert_eq!(
        seen(&ngo).await,
        ["public"],
        "a secretariat of another process"
    );
    assert_eq!(seen(&mex).await, ["public", "restricted"]);
    assert_eq!(
        seen(&sec).await,
        ["public", "restricted", "secretariat", "public+embargo"]
    );
    for (p, id, visible) in [
        (&Principal::Anonymous, ids[1], false),
        (&mex, ids[1], true),
        (&mex, ids[2], false),
        (&mex, ids[3], false),
        (&sec, ids[3], true),
    ] {
        assert_eq!(app.statement(p, "gcm", id).await.is_ok(), visible, "{id}");
        if !visible {
            assert_eq!(kind(app.statement(p, "gcm", id).await), "not_found");
        }
    }
    t.advance(Duration::days(1));
    assert_eq!(
        seen(&Principal::Anonymous).await,
        ["public", "public+embargo"]
    );

    // Documents follow the same rule.
    let mut restricted = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0]
        .document
        .clone();
    restricted.slug = "letter-to-states".parse().unwrap();
    restricted.symbol = None;
    restricted.distribution = Distribution::Restricted;
    app.add_document(&OPERATOR, restricted).await.unwrap();
    let has_letter =
        |docs: Vec<Document>| docs.iter().any(|d| d.slug.as_str() == "letter-to-states");
    assert!(!has_letter(
        app.all_documents(&Principal::Anonymous, "gcm")
            .await
            .unwrap()
    ));
    assert!(has_letter(app.all_documents(&mex, "gcm").await.unwrap()));
    assert!(has_letter(app.all_documents(&sec, "gcm").await.unwrap()));
}

fn consultation(opens: &str, closes: &str) -> Consultation {
    Consultation {
        process: "gcm".parse().unwrap(),
        slug: "online".parse().unwrap(),
        title: "Test consultation".into(),
        description: String::new(),
        opens_at: opens.parse().unwrap(),
        closes_at: Some(closes.parse().unwrap()),
        synthetic: true,
    }
}

fn input(text: &str) -> NewInput {
    NewInput {
        process: "gcm".parse().unwrap(),
        consultation: "online".parse().unwrap(),
        author: None,
        organisation: Some("A test network".into()),
        country: None,
        language: None,
        text: text.into(),
        external_id: None,
        synthetic: true,
    }
}

const ENGLISH: &str = "Migrants must have access to basic services, whatever their status, and States should protect the rights of every migrant worker.";
const FRENCH: &str = "Les migrants doivent avoir accès aux services de base, quel que soit leur statut, et les États devraient protéger leurs droits.";

async fn inputs_to_an_open_consultation(db: TestDatabase) {
    let t = TestApp::at(db, "2017-04-01T00:00:00Z").await;
    let app = &t.app;
    let mex = person(
        app,
        "mex@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("MEX"),
    )
    .await;
    let anyone = Principal::Anonymous;
    assert_eq!(
        kind(
            app.open_consultation(
                &mex,
                consultation("2017-05-01T00:00:00Z", "2017-06-01T00:00:00Z")
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.open_consultation(
                &OPERATOR,
                consultation("2017-05-01T00:00:00Z", "2017-04-01T00:00:00Z")
            )
            .await
        ),
        "end_before_start"
    );
    app.open_consultation(
        &OPERATOR,
        consultation("2017-05-01T00:00:00Z", "2017-06-01T00:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(
        kind(
            app.open_consultation(
                &OPERATOR,
                consultation("2017-05-01T00:00:00Z", "2017-06-01T00:00:00Z")
            )
            .await
        ),
        "duplicate_slug"
    );
    assert_eq!(
        kind(app.submit_input(&anyone, input(ENGLISH), "1.2.3.4").await),
        "invalid",
        "not open yet"
    );
    t.set_now("2017-05-10T12:00:00Z");
    let en = app
        .submit_input(&anyone, input(ENGLISH), "1.2.3.4")
        .await
        .unwrap();
    let fr = app
        .submit_input(&anyone, input(FRENCH), "5.6.7.8")
        .await
        .unwrap();
    let got = app.input(&anyone, "gcm", en).await.unwrap().input;
    assert_eq!((got.language, got.language_detected), (Language::En, true));
    let got = app.input(&anyone, "gcm", fr).await.unwrap().input;
    assert_eq!((got.language, got.language_detected), (Language::Fr, true));
    let mut said = input("Ok.");
    said.language = Some(Language::Es);
    let es = app.submit_input(&anyone, said, "5.6.7.8").await.unwrap();
    assert_eq!(
        app.input(&anyone, "gcm", es).await.unwrap().input.language,
        Language::Es
    );
    assert_eq!(
        kind(app.submit_input(&anyone, input("ok"), "5.6.7.8").await),
        "invalid",
        "too short to tell its language"
    );

    // Bad input, each refused with nothing stored.
    let before = app
        .inputs(&OPERATOR, "gcm", None, &PageRequest::default())
        .await
        .unwrap()
        .items
        .len();
    let mut nowhere = input(ENGLISH);
    nowhere.consultation = "missing".parse().unwrap();
    assert_eq!(
        kind(app.submit_input(&anyone, nowhere, "9.9.9.9").await),
        "not_found"
    );
    let mut atlantis = input(ENGLISH);
    atlantis.country = Some("ATL".parse().unwrap());
    assert_eq!(
        kind(app.submit_input(&anyone, atlantis, "9.9.9.9").await),
        "unknown_actor"
    );
    assert_eq!(
        kind(
            app.submit_input(&anyone, input(&"x".repeat(MAX_INPUT_CHARS + 1)), "9.9.9.9")
                .await
        ),
        "too_long"
    );
    assert_eq!(
        kind(app.submit_input(&anyone, input("   "), "9.9.9.9").await),
        "invalid"
    );
    assert_eq!(
        app.inputs(&OPERATOR, "gcm", None, &PageRequest::default())
            .await
            .unwrap()
            .items
            .len(),
        before
    );

    // Rate limited per address; another address is not held back.
    for _ in 1..accord_app::AbuseLimits::default().inputs_per_hour {
        app.submit_input(&anyone, input(ENGLISH), "1.2.3.4")
            .await
            .unwrap();
    }
    assert_eq!(
        kind(app.submit_input(&anyone, input(ENGLISH), "1.2.3.4").await),
        "too_many_requests"
    );
    app.submit_input(&anyone, input(ENGLISH), "4.3.2.1")
        .await
        .unwrap();
    // The process's secretariat is never limited, whatever its address.
    let sec = person(
        app,
        "inputs-sec@example.org",
        Role::Secretariat,
        Some("gcm"),
        None,
    )
    .await;
    app.submit_input(&sec, input(ENGLISH), "1.2.3.4")
        .await
        .unwrap();
    // Another process's secretariat is the public here.
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let other_sec = person(
        app,
        "other-sec@example.org",
        Role::Secretariat,
        Some("other"),
        None,
    )
    .await;
    assert_eq!(
        kind(
            app.submit_input(&other_sec, input(ENGLISH), "1.2.3.4")
                .await
        ),
        "too_many_requests"
    );
    t.advance(Duration::minutes(61));
    app.submit_input(&anyone, input(ENGLISH), "1.2.3.4")
        .await
        .unwrap();

    // An import by id twice stores it once; a closed consultation takes no more.
    let mut imported = input(ENGLISH);
    imported.external_id = Some("row-17".into());
    let a = app
        .submit_input(&OPERATOR, imported.clone(), "import")
        .await
        .unwrap();
    let b = app
        .submit_input(&OPERATOR, imported, "import")
        .await
        .unwrap();
    assert_eq!(a, b);
    t.set_now("2017-06-02T00:00:00Z");
    assert_eq!(
        kind(app.submit_input(&anyone, input(ENGLISH), "7.7.7.7").await),
        "consultation_closed"
    );
    let listed = app
        .inputs(&anyone, "gcm", Some("online"), &PageRequest::first(5))
        .await
        .unwrap();
    assert_eq!(listed.items.len(), 5);
    assert!(listed.next_cursor.is_some());
    assert_eq!(app.consultations("gcm").await.unwrap().len(), 1);
}

async fn recommendations_link_back_to_their_source(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-10T12:00:00Z").await;
    let app = &t.app;
    let m = session_one(app).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, Some("gcm"), None).await;
    let mex = person(
        app,
        "mex@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("MEX"),
    )
    .await;
    let public = app
        .add_statement(
            &sec,
            statement(m, "MEX", Distribution::Public),
            english(ENGLISH),
        )
        .await
        .unwrap();
    let hidden = app
        .add_statement(
            &sec,
            statement(m, "MEX", Distribution::Secretariat),
            english(ENGLISH),
        )
        .await
        .unwrap();
    let rec = |source, id, passage: &str, themes: &[&str]| NewRecommendation {
        process: "gcm".parse().unwrap(),
        source,
        source_id: id,
        language: Language::En,
        passage: passage.into(),
        themes: themes.iter().map(|t| t.parse().unwrap()).collect(),
    };
    let passage = "States should protect the rights of every migrant worker.";
    assert_eq!(
        kind(
            app.mark_recommendation(&mex, rec(ItemKind::Statement, public, passage, &[]))
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.mark_recommendation(
                &sec,
                rec(ItemKind::Statement, public, "States must build walls.", &[])
            )
            .await
        ),
        "invalid",
        "a passage that is not in the text"
    );
    assert_eq!(
        kind(
            app.mark_recommendation(
                &sec,
                rec(ItemKind::Statement, public, passage, &["topic-99"])
            )
            .await
        ),
        "unknown_theme"
    );
    let mut french = rec(ItemKind::Statement, public, passage, &[]);
    french.language = Language::Fr;
    assert_eq!(kind(app.mark_recommendation(&sec, french).await), "invalid");
    assert_eq!(
        kind(
            app.mark_recommendation(&sec, rec(ItemKind::Document, 1, passage, &[]))
                .await
        ),
        "invalid"
    );
    assert_eq!(
        kind(
            app.mark_recommendation(&sec, rec(ItemKind::Statement, 999_999, passage, &[]))
                .await
        ),
        "not_found"
    );
    let r = app
        .mark_recommendation(
            &sec,
            rec(
                ItemKind::Statement,
                public,
                "States  should protect\nthe rights",
                &["topic-1"],
            ),
        )
        .await
        .unwrap();
    app.mark_recommendation(
        &sec,
        rec(ItemKind::Statement, hidden, passage, &["topic-1"]),
    )
    .await
    .unwrap();
    let detail = app
        .statement(&Principal::Anonymous, "gcm", public)
        .await
        .unwrap();
    assert_eq!(detail.recommendations.len(), 1);
    assert_eq!(detail.recommendations[0].id, r);
    let start = detail.recommendations[0].start;
    assert!(ENGLISH
        .chars()
        .skip(start)
        .collect::<String>()
        .starts_with("States should protect"));
    let listed = |p: &Principal, theme: Option<&str>| {
        let p = p.clone();
        let theme = theme.map(str::to_owned);
        async move {
            app.recommendations(&p, "gcm", theme.as_deref(), &PageRequest::default())
                .await
                .unwrap()
                .items
                .len()
        }
    };
    assert_eq!(
        listed(&Principal::Anonymous, None).await,
        1,
        "the hidden source hides it"
    );
    assert_eq!(listed(&sec, None).await, 2);
    assert_eq!(listed(&sec, Some("topic-1")).await, 2);
    assert_eq!(listed(&sec, Some("topic-2")).await, 0);

    // From an input.
    app.open_consultation(
        &OPERATOR,
        consultation("2017-05-01T00:00:00Z", "2017-06-01T00:00:00Z"),
    )
    .await
    .unwrap();
    let i = app
        .submit_input(&Principal::Anonymous, input(ENGLISH), "1.1.1.1")
        .await
        .unwrap();
    app.mark_recommendation(
        &sec,
        rec(ItemKind::Input, i, "access to basic services", &["topic-1"]),
    )
    .await
    .unwrap();
    assert_eq!(
        app.input(&Principal::Anonymous, "gcm", i)
            .await
            .unwrap()
            .recommendations
            .len(),
        1
    );
    assert_eq!(listed(&Principal::Anonymous, None).await, 2);
}

/// After the meeting's window for statements (30 days after its last day), a
/// delegate is refused; the secretariat may still file, and the statement is
/// then flagged "filed late"; the loader of historical records is not late.
async fn a_statement_after_its_window_is_filed_late(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-08T15:00:00Z").await;
    let app = &t.app;
    let m = session_one(app).await;
    let end = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .end_date;
    let sec = person(app, "sec@example.org", Role::Secretariat, Some("gcm"), None).await;
    let mex = person(
        app,
        "mex@example.org",
        Role::Delegate,
        Some("gcm"),
        Some("MEX"),
    )
    .await;
    let system = Principal::System("records loader");
    // (days after the meeting's last day, who files, expected: Ok(filed late) or the error kind)
    let cases: [(i64, &str, Result<bool, &str>); 8] = [
        (0, "delegate", Ok(false)),
        (30, "delegate", Ok(false)),
        (31, "delegate", Err("meeting_over")),
        (40, "delegate", Err("meeting_over")),
        (30, "secretariat", Ok(false)),
        (31, "secretariat", Ok(true)),
        (40, "secretariat", Ok(true)),
        (400, "records loader", Ok(false)),
    ];
    for (days, who, expected) in cases {
        t.set_now(&format!("{}T12:00:00Z", end + Duration::days(days)));
        let p = match who {
            "delegate" => &mex,
            "secretariat" => &sec,
            _ => &system,
        };
        let count = || async {
            app.statements(&sec, "gcm", Some(m), &PageRequest::first(200))
                .await
                .unwrap()
                .items
                .len()
        };
        let before = count().await;
        let got = app
            .add_statement(
                p,
                statement(m, "MEX", Distribution::Public),
                english("A statement."),
            )
            .await;
        match expected {
            Ok(late) => {
                let id = got.unwrap_or_else(|e| panic!("{who} at +{days}: {e:?}"));
                let detail = app
                    .statement(&Principal::Anonymous, "gcm", id)
                    .await
                    .unwrap();
                assert_eq!(detail.statement.filed_late, late, "{who} at +{days}");
                assert_eq!(count().await, before + 1);
            }
            Err(expected) => {
                assert_eq!(kind(got), expected, "{who} at +{days}");
                assert_eq!(count().await, before, "nothing stored");
            }
        }
    }
}
