//! The consultation phase through the app layer, on both real stores:
//! statements, calls for inputs, inputs, recommendations, and what each
//! reader may see of them.

use accord_app::files::Upload;
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
    an_upload_beside_typed_text_keeps_both_versions,
    a_text_that_looks_like_another_language_is_flagged,
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

/// A step of a statement's texts in English, by someone.
#[derive(Debug, Clone, Copy)]
enum Step {
    Type(&'static str),
    Upload(&'static str),
    Choose(TextSource),
}

/// The statement's English text: (the body that stands, the body kept
/// beside it, whether the choice between them is recorded).
async fn english_versions(app: &App, id: i64) -> (String, Option<String>, bool) {
    let detail = app
        .statement(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    let standing = detail
        .texts
        .iter()
        .find(|t| t.language == Language::En)
        .map(|t| t.body.clone())
        .unwrap_or_default();
    let other = detail
        .other_versions
        .iter()
        .find(|o| o.text.language == Language::En);
    (
        standing,
        other.map(|o| o.text.body.clone()),
        other.is_some_and(|o| o.chosen.is_some()),
    )
}

/// A file uploaded beside typed text is kept beside it: the typed text
/// stays shown until the process's secretariat chooses which version
/// stands; the choice is recorded and audited, the other version stays
/// readable, and only that process's secretariat may choose.
async fn an_upload_beside_typed_text_keeps_both_versions(db: TestDatabase) {
    use Step::*;
    use TextSource::{File, Typed};
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
    let sec = person(app, "sec@example.org", Role::Secretariat, Some("gcm"), None).await;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let other_sec = person(
        app,
        "other@example.org",
        Role::Secretariat,
        Some("other-process"),
        None,
    )
    .await;
    let other_mex = person(
        app,
        "mex-other@example.org",
        Role::Delegate,
        Some("other-process"),
        Some("MEX"),
    )
    .await;
    let id = app
        .add_statement(&mex, statement(m, "MEX", Distribution::Public), vec![])
        .await
        .unwrap();
    let typed1 = "Mr. Chair, we thank the co-facilitators for this session.";
    let file1 = "Mr. Chair, we thank the co-facilitators for this thematic session.";
    let typed2 = "Mr. Chair, we thank the co-facilitators for this session and the secretariat.";
    let file2 = "Mr. Chair, we thank the co-facilitators and the secretariat for this session.";
    // (who, step, expected: Ok((standing, beside, choice recorded)) or the error kind)
    type Expected = Result<(&'static str, Option<&'static str>, bool), &'static str>;
    let cases: [(&str, Step, Expected); 13] = [
        ("delegate", Type(typed1), Ok((typed1, None, false))),
        ("delegate", Choose(File), Err("forbidden")),
        ("secretariat", Choose(File), Err("one_version")),
        ("delegate", Upload(file1), Ok((typed1, Some(file1), false))),
        ("delegate", Choose(File), Err("forbidden")),
        (
            "another process's secretariat",
            Choose(File),
            Err("forbidden"),
        ),
        (
            "another process's delegate",
            Upload(file2),
            Err("forbidden"),
        ),
        (
            "secretariat",
            Choose(Typed),
            Ok((typed1, Some(file1), true)),
        ),
        ("secretariat", Choose(File), Ok((file1, Some(typed1), true))),
        // Typed text beside the file that stands: kept beside, the choice open again.
        ("delegate", Type(typed2), Ok((file1, Some(typed2), false))),
        // A corrected file replaces the file, which stands.
        ("delegate", Upload(file2), Ok((file2, Some(typed2), false))),
        (
            "secretariat",
            Choose(Typed),
            Ok((typed2, Some(file2), true)),
        ),
        ("anonymous", Choose(File), Err("unauthenticated")),
    ];
    for (n, (who, step, expected)) in cases.into_iter().enumerate() {
        let p = match who {
            "delegate" => &mex,
            "secretariat" => &sec,
            "another process's secretariat" => &other_sec,
            "another process's delegate" => &other_mex,
            _ => &Principal::Anonymous,
        };
        let before = english_versions(app, id).await;
        let got = match step {
            Type(text) => app
                .put_statement_text(p, "gcm", id, ItemText::typed(Language::En, text).unwrap())
                .await
                .map(|stored| stored.placement),
            Upload(text) => app
                .upload(
                    p,
                    "gcm",
                    ItemKind::Statement,
                    id,
                    accord_app::files::Upload {
                        filename: format!("statement-{n}.md"),
                        bytes: text.as_bytes().to_vec(),
                        language: Some(Language::En),
                    },
                )
                .await
                .map(|out| out.stored.placement),
            Choose(version) => app
                .choose_text_version(p, "gcm", id, Language::En, version)
                .await
                .map(|()| TextPlacement::Stands),
        };
        match expected {
            Ok((standing, beside, chosen)) => {
                got.unwrap_or_else(|e| panic!("{n}: {who} {step:?}: {e:?}"));
                assert_eq!(
                    english_versions(app, id).await,
                    (standing.to_owned(), beside.map(str::to_owned), chosen),
                    "{n}: {who} {step:?}"
                );
            }
            Err(kind_expected) => {
                assert_eq!(kind(got), kind_expected, "{n}: {who} {step:?}");
                assert_eq!(
                    english_versions(app, id).await,
                    before,
                    "{n}: nothing changed"
                );
            }
        }
    }
    // The file of the language stays downloadable whichever version stands.
    let download = app
        .download(
            &Principal::Anonymous,
            "gcm",
            ItemKind::Statement,
            id,
            Language::En,
        )
        .await
        .unwrap();
    assert_eq!(download.read_all().await.unwrap(), file2.as_bytes());
    // Each choice is in the audit log, which still verifies.
    let chosen = app
        .audit_log(
            &sec,
            accord_app::AuditFilter {
                action_prefix: Some("statement.text.choose".into()),
                ..Default::default()
            },
            &PageRequest::first(200),
        )
        .await
        .unwrap()
        .items;
    assert_eq!(chosen.len(), 3);
    assert!(chosen
        .iter()
        .all(|e| e.record.targets.contains(&format!("statement:{id}"))));
    assert!(app.verify_audit().await.unwrap().is_ok());
}

/// A text declared in one language that the detector says is in another,
/// with confidence, is flagged to whoever gave it and on the statement,
/// never refused; texts too short to judge, detected languages and
/// hostile input raise no flag.
async fn a_text_that_looks_like_another_language_is_flagged(db: TestDatabase) {
    use common::udhr::udhr;
    use Language::*;
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
    #[derive(Debug, Clone, Copy)]
    enum Given {
        Typed,
        /// Uploaded as a text file, its language declared (or detected: None).
        File(Option<Language>),
    }
    let binary: &[u8] = &[0x00, 0x01, 0xFF, 0xFE, 0x00, 0x9C, 0x12, 0x80, 0x00, 0x00];
    // (declared, text, how it is given, expected: Ok(flag) or the error kind)
    type Case = (
        Language,
        Vec<u8>,
        Given,
        Result<Option<Language>, &'static str>,
    );
    let cases: Vec<Case> = vec![
        (En, udhr(Es).into(), Given::Typed, Ok(Some(Es))),
        (En, udhr(En).into(), Given::Typed, Ok(None)),
        (Fr, udhr(En).into(), Given::Typed, Ok(Some(En))),
        (Es, udhr(Fr).into(), Given::Typed, Ok(Some(Fr))),
        (Ru, udhr(Zh).into(), Given::Typed, Ok(Some(Zh))),
        (Zh, udhr(Ru).into(), Given::Typed, Ok(Some(Ru))),
        (Ar, udhr(Ar).into(), Given::Typed, Ok(None)),
        (En, udhr(Ar).into(), Given::Typed, Ok(Some(Ar))),
        (En, udhr(Es).into(), Given::File(Some(En)), Ok(Some(Es))),
        (Fr, udhr(Fr).into(), Given::File(Some(Fr)), Ok(None)),
        // Detected, not declared: nothing to contradict.
        (Es, udhr(Es).into(), Given::File(None), Ok(None)),
        // Too short to judge: no false flag.
        (
            En,
            "Gracias, señor Presidente.".into(),
            Given::Typed,
            Ok(None),
        ),
        (En, "Merci.".into(), Given::Typed, Ok(None)),
        (Fr, "OK".into(), Given::Typed, Ok(None)),
        (
            En,
            "12345 67890 !!! 2017-05-08 A/72/643".into(),
            Given::Typed,
            Ok(None),
        ),
        (En, "世界人权宣言".into(), Given::Typed, Ok(None)),
        // Hostile: empty and binary.
        (En, "   ".into(), Given::Typed, Err("invalid")),
        (
            En,
            binary.to_vec(),
            Given::File(Some(En)),
            Err("unsupported_media_type"),
        ),
    ];
    for (n, (declared, text, given, expected)) in cases.into_iter().enumerate() {
        let id = app
            .add_statement(&mex, statement(m, "MEX", Distribution::Public), vec![])
            .await
            .unwrap();
        let got = match given {
            Given::Typed => match ItemText::typed(declared, &String::from_utf8_lossy(&text)) {
                Ok(typed) => app
                    .put_statement_text(&mex, "gcm", id, typed)
                    .await
                    .map(|s| s.looks_like),
                Err(e) => Err(e.into()),
            },
            Given::File(language) => app
                .upload(
                    &mex,
                    "gcm",
                    ItemKind::Statement,
                    id,
                    Upload {
                        filename: "statement.txt".into(),
                        bytes: text.clone(),
                        language,
                    },
                )
                .await
                .map(|out| out.stored.looks_like),
        };
        let texts = app
            .statement(&Principal::Anonymous, "gcm", id)
            .await
            .unwrap()
            .texts;
        match expected {
            Ok(flag) => {
                let told = got.unwrap_or_else(|e| panic!("{n}: {e:?}"));
                assert_eq!(told, flag, "{n}: the one who gave it is told at once");
                assert_eq!(texts.len(), 1, "{n}: stored, never refused");
                assert_eq!(texts[0].looks_like, flag, "{n}: flagged on the statement");
            }
            Err(kind_expected) => {
                assert_eq!(kind(got), kind_expected, "{n}");
                assert!(texts.is_empty(), "{n}: nothing stored");
            }
        }
    }
    // A statement recorded with its texts is checked the same way.
    let id = app
        .add_statement(
            &mex,
            statement(m, "MEX", Distribution::Public),
            vec![
                ItemText::typed(En, udhr(Es)).unwrap(),
                ItemText::typed(Fr, udhr(Fr)).unwrap(),
            ],
        )
        .await
        .unwrap();
    let flags: Vec<_> = app
        .statement(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap()
        .texts
        .iter()
        .map(|t| (t.language, t.looks_like))
        .collect();
    assert_eq!(flags, [(En, Some(Es)), (Fr, None)]);
}
