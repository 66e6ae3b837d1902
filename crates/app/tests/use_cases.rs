//! Use cases on both real stores (the app layer is the main test boundary).

use accord_app::{App, AppError, PageRequest, Principal};
use accord_demo::{Demo, LoadDemo};

use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR};

on_both_stores!(
    the_gcm_demo_loads_the_real_process,
    loading_the_demo_twice_changes_nothing,
    the_current_phase_follows_the_clock,
    rules_refuse_bad_writes_and_keep_what_is_stored,
    restricted_and_embargoed_documents_stay_hidden,
    lists_paginate_by_cursor,
    unknown_things_are_not_found,
    a_demo_that_breaks_a_rule_loads_nothing,
    simulated_delegations_stay_out_of_real_acts,
    the_eu_had_28_members_at_the_endorsement_and_has_27_today,
);

async fn app_at(db: TestDatabase, now: &str) -> TestApp {
    TestApp::empty(db, now).await
}

async fn demo_app(db: TestDatabase, now: &str) -> TestApp {
    TestApp::at(db, now).await
}

fn invalid_kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Err(AppError::Invalid(e)) => e.kind(),
        other => panic!("expected a rule violation, got {other:?}"),
    }
}

/// Everything a reader can list, as one comparable value.
async fn dump(app: &App) -> String {
    let mut out = String::new();
    for a in app.all_actors(None).await.unwrap() {
        out += &format!("{a:?}\n");
    }
    out += &format!("{:?}\n", app.process("gcm").await.unwrap());
    out += &format!("{:?}\n", app.all_meetings("gcm", None).await.unwrap());
    out += &format!("{:?}\n", app.themes("gcm").await.unwrap());
    out += &format!(
        "{:?}\n",
        app.documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(200))
            .await
            .unwrap()
    );
    out
}

async fn the_gcm_demo_loads_the_real_process(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    let states = app.all_actors(Some(ActorKind::MemberState)).await.unwrap();
    assert_eq!(states.len(), 193);
    let observers = app
        .all_actors(Some(ActorKind::ObserverState))
        .await
        .unwrap();
    // Exactly the two real observer states: the negotiation demo's fictional
    // delegations are their own kind, never listed among real actors.
    let names: Vec<_> = observers.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Palestine", "Holy See"]);
    let everyone = app.all_actors(None).await.unwrap();
    assert!(
        everyone.iter().all(|a| !a.kind.is_simulated()),
        "no simulated actor among the real ones"
    );
    assert!(everyone.iter().all(|a| !a.code.as_str().starts_with("XA")));
    for kind in [ActorKind::SimulatedDelegation, ActorKind::SimulatedGroup] {
        assert!(
            matches!(
                app.actors(Some(kind), &PageRequest::first(10)).await,
                Err(AppError::BadRequest(m)) if m.contains("not real actors")
            ),
            "{kind} is not a kind of the directory"
        );
    }
    // They still exist, say what they are, and propose the simulated amendments.
    let xaa = app.actor("XAA").await.unwrap();
    assert_eq!(xaa.actor.kind, ActorKind::SimulatedDelegation);
    assert!(xaa.actor.name.contains("not a real state"));
    let sim_group = app.actor("SIM-GROUP").await.unwrap();
    assert_eq!(sim_group.actor.kind, ActorKind::SimulatedGroup);
    assert_eq!(sim_group.members.len(), 3);
    assert!(sim_group
        .members
        .iter()
        .all(|m| m.kind == ActorKind::SimulatedDelegation));
    // The draft: five versions, 54 paragraphs agreed in the final text.
    let draft = app.draft("gcm", "gcm-draft").await.unwrap();
    let labels: Vec<_> = draft.versions.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Zero draft",
            "Rev.1",
            "Rev.2",
            "Rev.3",
            "Final draft (agreed text)"
        ]
    );
    let objectives = |seq: u32| {
        let t = &draft.versions[seq as usize - 1];
        (t.counts.paragraphs, t.issued_on.to_string())
    };
    let zero = app.version("gcm", "gcm-draft", 1).await.unwrap();
    assert_eq!(
        zero.version
            .text
            .iter()
            .filter(|n| n.kind == accord_domain::negotiation::NodeKind::Objective)
            .count(),
        22
    );
    let last = app.version("gcm", "gcm-draft", 5).await.unwrap();
    assert_eq!(last.version.text.paragraph_count(), 54);
    assert_eq!(last.counts.agreed_ad_ref, last.counts.paragraphs);
    assert_eq!(objectives(5).1, "2018-07-13");
    // The real draft and its five versions are not a simulation; only the
    // amendments attached to Rev.3 are.
    assert!(
        !draft.draft.simulated,
        "the real GCM draft is not simulated"
    );
    assert!(!app.drafts("gcm").await.unwrap().iter().any(|d| d.simulated));
    let rev3 = app.version("gcm", "gcm-draft", 4).await.unwrap();
    assert!(!rev3.amendments.is_empty());
    assert!(rev3.amendments.iter().all(|a| a.simulated));
    assert!(rev3
        .amendments
        .iter()
        .all(|a| a.proposer.as_str().starts_with("XA") || a.proposer.as_str() == "SIM-GROUP"));

    let eu = app.actor("EU").await.unwrap();
    assert_eq!(eu.actor.kind, ActorKind::Group);
    assert_eq!(eu.members.len(), 28);
    assert!(
        eu.members.iter().any(|m| m.code.as_str() == "GBR"),
        "EU of 2018"
    );
    let france = app.actor("FRA").await.unwrap();
    assert_eq!(
        france
            .groups
            .iter()
            .map(|g| g.code.as_str())
            .collect::<Vec<_>>(),
        ["EU"]
    );
    assert_eq!(france.actor.subregion.as_deref(), Some("Western Europe"));

    let overview = app.process("gcm").await.unwrap();
    assert_eq!(
        overview
            .process
            .mandate
            .iter()
            .map(accord_domain::Symbol::as_str)
            .collect::<Vec<_>>(),
        ["A/RES/71/1", "A/RES/71/280", "A/RES/72/244"]
    );
    let cofacs: Vec<_> = overview
        .process
        .co_facilitators
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(cofacs, ["Juan José Gómez Camacho", "Jürg Lauber"]);
    assert_eq!(overview.current_phase, Some(PhaseKind::Negotiation));
    assert_eq!(overview.phases.len(), 5);

    let sessions = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap();
    let numbers: Vec<_> = sessions.iter().map(|m| m.number.unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    assert_eq!(sessions[0].start_date.to_string(), "2017-05-08");
    assert_eq!(sessions[0].venue.as_ref().unwrap().city, "Geneva");
    assert_eq!(sessions[4].venue.as_ref().unwrap().country.as_str(), "AUT");
    let rounds = app
        .all_meetings("gcm", Some(MeetingKind::NegotiationRound))
        .await
        .unwrap();
    assert_eq!(rounds.len(), 6);
    assert_eq!(rounds[5].end_date.to_string(), "2018-07-13");
    let hearings = app
        .all_meetings("gcm", Some(MeetingKind::MultiStakeholderHearing))
        .await
        .unwrap();
    assert!(
        hearings
            .iter()
            .filter(|h| h.slug.as_str().starts_with("multi-stakeholder-hearing-"))
            .count()
            == 5
    );
    assert!(
        hearings[1].venue.is_none(),
        "an unconfirmed venue is left out"
    );
    let conference = app
        .all_meetings("gcm", Some(MeetingKind::Conference))
        .await
        .unwrap();
    assert_eq!(conference[0].venue.as_ref().unwrap().city, "Marrakech");

    let themes = app.themes("gcm").await.unwrap();
    assert_eq!(
        themes
            .iter()
            .filter(|t| t.taxonomy.as_str() == "objectives")
            .count(),
        23
    );
    assert_eq!(
        themes
            .iter()
            .filter(|t| t.taxonomy.as_str() == "thematic-sessions")
            .count(),
        6
    );

    let docs = app
        .documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(200))
        .await
        .unwrap();
    let symbols: Vec<_> = docs
        .items
        .iter()
        .filter_map(|d| d.symbol.as_ref().map(accord_domain::Symbol::as_str))
        .collect();
    for s in ["A/72/643", "A/CONF.231/3", "A/RES/73/195"] {
        assert!(symbols.contains(&s), "{s} missing");
    }
    let marrakech = app
        .meeting(&Principal::Anonymous, "gcm", conference[0].id)
        .await
        .unwrap();
    assert_eq!(marrakech.documents.len(), 1);
    assert_eq!(
        marrakech.documents[0].symbol.as_ref().unwrap().as_str(),
        "A/CONF.231/3"
    );
}

#[test]
fn the_demo_states_are_the_checked_table() {
    // The project's copy must match the checked data, bar the Holy See's name.
    let shared = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/un-member-states.csv"
    ));
    let Ok(shared) = shared else {
        eprintln!("shared/data not present beside the checkout; skipping the cross-check");
        return;
    };
    let ours = accord_demo::parse_states(Demo::Gcm.files().states_csv).unwrap();
    // The checked list writes the EU's own codes beside ISO's as patterns
    // (`^GR$|^EL$`); the project keeps ISO 3166's, the first.
    let shared: String = shared
        .lines()
        .map(|line| {
            let mut fields: Vec<String> = line.split(',').map(str::to_owned).collect();
            if fields.len() > 1 && fields[1].starts_with('^') {
                fields[1] = fields[1][1..3].to_owned();
            }
            fields.join(",") + "\n"
        })
        .collect();
    let theirs = accord_demo::parse_states(&shared).unwrap();
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        if a.code.as_str() == "VAT" {
            assert_eq!(a.name, "Holy See");
            continue;
        }
        assert_eq!(a, b);
    }
}

async fn loading_the_demo_twice_changes_nothing(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let before = dump(&t.app).await;
    let report = t.app.load_demo(Demo::Gcm).await.unwrap();
    assert_eq!(report.created.total(), 0, "{report:?}");
    assert!(report.existing.actors >= 196);
    assert_eq!(dump(&t.app).await, before);
}

async fn the_current_phase_follows_the_clock(db: TestDatabase) {
    let t = demo_app(db, "2017-01-01T00:00:00Z").await;
    for (now, expected) in [
        ("2017-01-01T00:00:00Z", None),
        ("2017-05-08T09:00:00Z", Some(PhaseKind::Consultation)),
        ("2017-12-05T09:00:00Z", Some(PhaseKind::Stocktaking)),
        ("2018-09-01T00:00:00Z", None),
        ("2018-12-10T09:00:00Z", Some(PhaseKind::Adoption)),
        ("2026-11-28T00:00:00Z", Some(PhaseKind::FollowUp)),
    ] {
        t.set_now(now);
        assert_eq!(
            t.app.process("gcm").await.unwrap().current_phase,
            expected,
            "{now}"
        );
        let listed = t.app.processes(&PageRequest::default()).await.unwrap();
        assert_eq!(listed.items[0].current_phase, expected);
    }
}

async fn rules_refuse_bad_writes_and_keep_what_is_stored(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    let before = dump(app).await;
    let sessions = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap();
    let base = sessions[0].meeting.clone();

    let mut m = base.clone();
    m.slug = Slug::new("new-meeting").unwrap();
    m.end_date = "2017-05-01".parse().unwrap();
    assert_eq!(
        invalid_kind(app.add_meeting(&OPERATOR, m).await),
        "end_before_start"
    );

    assert_eq!(
        invalid_kind(app.add_meeting(&OPERATOR, base.clone()).await),
        "duplicate_slug"
    );

    let mut m = base.clone();
    m.slug = Slug::new("tea-party").unwrap();
    m.kind = MeetingKind::ReviewForum;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = Slug::new("narrow").unwrap();
    other.meeting_kinds = vec![MeetingKind::ThematicSession];
    app.create_process(&OPERATOR, other).await.unwrap();
    m.process = Slug::new("narrow").unwrap();
    m.themes.clear();
    assert_eq!(
        invalid_kind(app.add_meeting(&OPERATOR, m).await),
        "unknown_meeting_kind"
    );

    let mut m = base.clone();
    m.slug = Slug::new("nowhere").unwrap();
    m.venue.as_mut().unwrap().country = ActorCode::new("XXX").unwrap();
    assert_eq!(
        invalid_kind(app.add_meeting(&OPERATOR, m).await),
        "unknown_actor"
    );

    let mut m = base.clone();
    m.slug = Slug::new("no-theme").unwrap();
    m.themes = vec![Slug::new("objective-99").unwrap()];
    assert_eq!(
        invalid_kind(app.add_meeting(&OPERATOR, m).await),
        "unknown_theme"
    );

    let mut p = app.process("gcm").await.unwrap().process;
    assert_eq!(
        invalid_kind(app.create_process(&OPERATOR, p.clone()).await),
        "duplicate_slug"
    );
    p.slug = Slug::new("gcm-2").unwrap();
    p.co_facilitators[0].actor = Some(ActorCode::new("ZZZ").unwrap());
    assert_eq!(
        invalid_kind(app.create_process(&OPERATOR, p).await),
        "unknown_actor"
    );

    let mut eu = app.actor("EU").await.unwrap().actor;
    assert_eq!(
        invalid_kind(app.create_actor(&OPERATOR, eu.clone()).await),
        "duplicate_actor_code"
    );
    eu.code = ActorCode::new("G-SELF").unwrap();
    eu.members.push(ActorCode::new("G-SELF").unwrap());
    assert_eq!(
        invalid_kind(app.create_actor(&OPERATOR, eu.clone()).await),
        "group_contains_itself"
    );
    eu.members = vec![
        ActorCode::new("FRA").unwrap(),
        ActorCode::new("QQQ").unwrap(),
    ];
    // The EU's dates are for members this copy no longer has.
    eu.membership.clear();
    assert_eq!(
        invalid_kind(app.create_actor(&OPERATOR, eu).await),
        "unknown_actor"
    );

    let docs = app
        .documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(200))
        .await
        .unwrap();
    let mut d = docs
        .items
        .iter()
        .find(|d| d.symbol.is_some())
        .unwrap()
        .document
        .clone();
    d.slug = Slug::new("copy").unwrap();
    assert_eq!(
        invalid_kind(app.add_document(&OPERATOR, d.clone()).await),
        "duplicate_symbol"
    );
    d.symbol = None;
    d.meeting = Some(Slug::new("no-such-meeting").unwrap());
    assert_eq!(
        invalid_kind(app.add_document(&OPERATOR, d).await),
        "unknown_meeting"
    );

    let phase = app.process("gcm").await.unwrap().phases[0].clone();
    assert_eq!(
        invalid_kind(app.add_phase(&OPERATOR, phase).await),
        "duplicate_phase"
    );

    // Refused writes left no trace (the one process created above aside).
    let after = dump(app).await;
    assert_eq!(after, before);
}

async fn restricted_and_embargoed_documents_stay_hidden(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    let template = app
        .documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(1))
        .await
        .unwrap()
        .items[0]
        .document
        .clone();
    let mut restricted = template.clone();
    restricted.slug = Slug::new("restricted-letter").unwrap();
    restricted.symbol = None;
    restricted.distribution = Distribution::Restricted;
    app.add_document(&OPERATOR, restricted).await.unwrap();
    let mut embargoed = template.clone();
    embargoed.slug = Slug::new("embargoed-draft").unwrap();
    embargoed.symbol = None;
    embargoed.embargo_until = Some("2018-03-01T12:00:01Z".parse().unwrap());
    app.add_document(&OPERATOR, embargoed).await.unwrap();

    let slugs = |l: accord_app::Listing<Document>| {
        l.items
            .into_iter()
            .map(|d| d.slug.to_string())
            .collect::<Vec<_>>()
    };
    let now = slugs(
        app.documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(200))
            .await
            .unwrap(),
    );
    assert!(!now.contains(&"restricted-letter".to_string()));
    assert!(!now.contains(&"embargoed-draft".to_string()));

    t.set_now("2018-03-01T12:00:01Z");
    let then = slugs(
        app.documents(&Principal::Anonymous, "gcm", None, &PageRequest::first(200))
            .await
            .unwrap(),
    );
    assert!(
        then.contains(&"embargoed-draft".to_string()),
        "the embargo has passed"
    );
    assert!(!then.contains(&"restricted-letter".to_string()));
}

async fn lists_paginate_by_cursor(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    let mut page = PageRequest::first(50);
    let mut codes = vec![];
    let mut pages = 0;
    loop {
        let l = app
            .actors(Some(ActorKind::MemberState), &page)
            .await
            .unwrap();
        assert!(l.items.len() <= 50);
        codes.extend(l.items.into_iter().map(|a| a.code.to_string()));
        pages += 1;
        match l.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(pages, 4);
    assert_eq!(codes.len(), 193);
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, codes, "in code order, no repeats");

    let first = app
        .meetings("gcm", None, &PageRequest::first(5))
        .await
        .unwrap();
    let cursor = first.next_cursor.clone().unwrap();
    let second = app
        .meetings(
            "gcm",
            None,
            &PageRequest {
                cursor: Some(cursor.clone()),
                limit: Some(5),
            },
        )
        .await
        .unwrap();
    assert!(first.items.last().unwrap().start_date <= second.items[0].start_date);
    // A meetings cursor is refused by the actors list, and garbage everywhere.
    for (cursor, list) in [(cursor.as_str(), "actors"), ("not-a-cursor", "meetings")] {
        let page = PageRequest {
            cursor: Some(cursor.into()),
            limit: None,
        };
        let r = if list == "actors" {
            app.actors(None, &page).await.map(|_| ())
        } else {
            app.meetings("gcm", None, &page).await.map(|_| ())
        };
        assert!(matches!(r, Err(AppError::BadRequest(_))), "{list}: {r:?}");
    }
    assert!(matches!(
        app.actors(None, &PageRequest::first(0)).await,
        Err(AppError::BadRequest(_))
    ));
}

async fn unknown_things_are_not_found(db: TestDatabase) {
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    assert!(matches!(
        app.process("nope").await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.process("../../etc/passwd").await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.meeting(&Principal::Anonymous, "gcm", 999_999).await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(app.actor("ZZZ").await, Err(AppError::NotFound(_))));
    assert!(matches!(
        app.actor("<script>").await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(
        app.meetings("nope", None, &PageRequest::default()).await,
        Err(AppError::NotFound(_))
    ));
}

#[test]
fn malformed_demo_files_are_refused_with_the_file_named() {
    use accord_demo::{parse_states, DemoFiles};
    let header = "iso3,iso2,m49,name,official_name,continent,un_subregion,status,un_member_since,eu_member_in_2018\n";
    for (rows, needle) in [
        (
            "FRA,FR,250,France,French Republic,Europe,Western Europe,planet,1945,yes\n",
            "row 2",
        ),
        (
            "FR,FR,250,France,French Republic,Europe,Western Europe,member_state,1945,yes\n",
            "states.csv",
        ),
        (
            "FRA,FR,99999,France,French Republic,Europe,Western Europe,member_state,1945,yes\n",
            "row 2",
        ),
        ("FRA,FR,250,France\n", "row 2"),
        (
            "FRA,FR,250,,French Republic,Europe,Western Europe,member_state,1945,yes\n",
            "states.csv",
        ),
        ("\"unterminated,FR,250\n", "states.csv"),
    ] {
        let err = parse_states(&format!("{header}{rows}")).unwrap_err();
        assert!(matches!(err, AppError::BadRequest(_)), "{err:?}");
        assert!(err.to_string().contains(needle), "{rows:?}: {err}");
    }
    let good = Demo::Gcm.files();
    let broken = |meetings: &'static str, process: &'static str| DemoFiles {
        meetings_toml: meetings,
        process_toml: process,
        ..Demo::Gcm.files()
    };
    for (files, needle) in [
        (broken("[[meeting]]\nslug = 42\n", good.process_toml), "meetings.toml"),
        (broken("meeting = \"not a table\"\n", good.process_toml), "meetings.toml"),
        (broken("[[meeting]\n", good.process_toml), "meetings.toml"),
        (broken(good.meetings_toml, "title = \"no process table\"\n"), "process.toml"),
        (
            broken("[[meeting]]\nslug = \"x\"\nkind = \"tea_party\"\ntitle = \"t\"\nstart_date = \"2017-01-01\"\nend_date = \"2017-01-01\"\n", good.process_toml),
            "tea_party",
        ),
        (
            broken("[[meeting]]\nslug = \"x\"\nkind = \"conference\"\ntitle = \"t\"\nstart_date = \"2017-02-30\"\nend_date = \"2017-03-01\"\n", good.process_toml),
            "meetings.toml",
        ),
    ] {
        let err = files.parse().unwrap_err();
        assert!(err.to_string().contains(needle), "{err}");
    }
}

async fn a_demo_that_breaks_a_rule_loads_nothing(db: TestDatabase) {
    let t = app_at(db, "2018-03-01T12:00:00Z").await;
    let mut data = Demo::Gcm.files().parse().unwrap();
    // The last meeting ends before it starts: the whole load is refused.
    let last = data.meetings.last_mut().unwrap();
    last.end_date = "2000-01-01".parse().unwrap();
    let err = t
        .app
        .load_process_description(&accord_app::Principal::System("test"), &data)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "end_before_start");
    assert!(
        t.app.all_actors(None).await.unwrap().is_empty(),
        "one transaction: nothing stayed"
    );
    assert!(matches!(
        t.app.process("gcm").await,
        Err(AppError::NotFound(_))
    ));
}

/// The simulation apart from fact: a simulated delegation takes no part in a
/// real amendment, no account acts for it, and no group mixes it with real
/// states; what was stored stays as it was.
async fn simulated_delegations_stay_out_of_real_acts(db: TestDatabase) {
    use accord_app::negotiation::NewAmendment;
    use accord_domain::negotiation::{Operation, Wid};
    let t = demo_app(db, "2018-03-01T12:00:00Z").await;
    let app = &t.app;
    let system = Principal::System("test");
    let code = |s: &str| s.parse::<ActorCode>().unwrap();
    let proposal = |proposer: &str, co: &[&str]| NewAmendment {
        proposer: code(proposer),
        co_sponsors: co.iter().map(|c| code(c)).collect(),
        operation: Operation::ReplaceText {
            node: Wid::new("gp-a").unwrap(),
            from: 0,
            to: 14,
            text: "People-centred".into(),
        },
        justification: String::new(),
    };
    let before = app.version("gcm", "gcm-draft", 4).await.unwrap().amendments;
    // (proposer, co-sponsors, simulated amendment?, error kind expected)
    let cases: [(&str, &[&str], bool, &str); 4] = [
        ("XAA", &[], false, "not_allowed_for_actor"),
        ("SIM-GROUP", &[], false, "not_allowed_for_actor"),
        ("MEX", &["XAB"], false, "not_allowed_for_actor"),
        ("XAA", &["DESA"], true, "not_allowed_for_actor"),
    ];
    for (proposer, co, simulated, expected) in cases {
        let got = app
            .propose_amendment(
                &system,
                "gcm",
                "gcm-draft",
                4,
                proposal(proposer, co),
                simulated,
            )
            .await;
        assert_eq!(
            got.expect_err("must be refused").kind(),
            expected,
            "{proposer} {co:?}"
        );
    }
    // The simulation itself still works: a simulated amendment by XAA.
    let (id, _) = app
        .propose_amendment(
            &system,
            "gcm",
            "gcm-draft",
            4,
            proposal("XAA", &["XAB"]),
            true,
        )
        .await
        .unwrap();
    let after = app.version("gcm", "gcm-draft", 4).await.unwrap().amendments;
    assert_eq!(
        after.len(),
        before.len() + 1,
        "only the simulated one added"
    );
    assert!(after.iter().any(|a| a.id == id && a.simulated));
    // A group mixing simulation and fact is refused, and nothing is stored.
    for (kind, group, member) in [
        (ActorKind::Group, "MIXED", "XAA"),
        (ActorKind::SimulatedGroup, "SIM-MIXED", "MEX"),
    ] {
        let mut g = Actor::new(code(group), kind, group);
        g.members = vec![code(member)];
        assert_eq!(
            invalid_kind(app.create_actor(&OPERATOR, g).await),
            "simulation_mixed_with_fact"
        );
        assert!(app.actor(group).await.is_err(), "{group} not stored");
    }
}

/// Issue 17's read-back of the GCM demo, on a day of its own: the EU had 28
/// members on 19 December 2018 (the endorsement, the United Kingdom among
/// them) and has 27 today (the test clock, after the United Kingdom left on
/// 31 January 2020). No read of the API gives a group's members on a day,
/// so the domain's `had_member_on` is asked of what the app returns.
async fn the_eu_had_28_members_at_the_endorsement_and_has_27_today(db: TestDatabase) {
    let t = demo_app(db, "2026-12-06T12:00:00Z").await;
    let app = &t.app;
    assert_eq!(
        app.all_actors(Some(ActorKind::MemberState))
            .await
            .unwrap()
            .len(),
        193
    );
    let observers = app
        .all_actors(Some(ActorKind::ObserverState))
        .await
        .unwrap();
    assert_eq!(observers.len(), 2, "exactly two observer states");
    let eu = app.actor("EU").await.unwrap().actor;
    let gbr: ActorCode = "GBR".parse().unwrap();
    let fra: ActorCode = "FRA".parse().unwrap();
    let members_on = |day: chrono::NaiveDate| -> Vec<ActorCode> {
        eu.members
            .iter()
            .filter(|m| eu.had_member_on(m, day))
            .cloned()
            .collect()
    };
    let endorsement: chrono::NaiveDate = "2018-12-19".parse().unwrap();
    let then = members_on(endorsement);
    assert_eq!(then.len(), 28, "the EU on 19 December 2018");
    assert!(then.contains(&gbr) && then.contains(&fra));
    let today = app.today();
    assert_eq!(today.to_string(), "2026-12-06", "the test clock's day");
    let now = members_on(today);
    assert_eq!(now.len(), 27, "the EU today");
    assert!(
        !now.contains(&gbr),
        "the United Kingdom left on 31 January 2020"
    );
    assert!(now.contains(&fra));
    // The day the United Kingdom left is its last as a member.
    assert!(eu.had_member_on(&gbr, "2020-01-31".parse().unwrap()));
    assert!(!eu.had_member_on(&gbr, "2020-02-01".parse().unwrap()));
    // The GCM's endorsement by recorded vote was on that day.
    let endorsed = app
        .adoptions("gcm")
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.adoption.vote.is_some())
        .unwrap();
    assert_eq!(endorsed.adoption.adopted_on, endorsement);
}
