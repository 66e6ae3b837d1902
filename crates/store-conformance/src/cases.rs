//! The cases. Each takes an empty, migrated store.

use accord_domain::*;
use accord_store::*;
use chrono::{DateTime, NaiveDate, Utc};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}
fn slug(s: &str) -> Slug {
    Slug::new(s).unwrap()
}
fn code(s: &str) -> ActorCode {
    ActorCode::new(s).unwrap()
}

fn state(c: &str, name: &str) -> Actor {
    Actor {
        code: code(c),
        kind: ActorKind::MemberState,
        name: name.into(),
        official_name: Some(format!("Official {name}")),
        iso2: Some(c[..2].into()),
        m49: Some(484),
        region: Some("Americas".into()),
        subregion: Some("Central America".into()),
        un_member_since: Some(1945),
        members: vec![],
        membership: vec![],
    }
}

fn group(c: &str, members: &[&str]) -> Actor {
    let mut g = Actor::new(code(c), ActorKind::Group, format!("Group {c}"));
    g.members = members.iter().map(|m| code(m)).collect();
    g
}

fn process(s: &str) -> Process {
    Process {
        slug: slug(s),
        title: format!("Process {s}"),
        // Translated titles round-trip (JSON on SQLite, JSONB on PostgreSQL).
        title_translations: [
            (Language::Fr, format!("Processus {s}")),
            (Language::Zh, format!("进程 {s}")),
        ]
        .into(),
        description: "A test process".into(),
        mandate: vec![Symbol::new("A/RES/71/1").unwrap()],
        languages: Language::ALL.to_vec(),
        co_facilitators: vec![Officer {
            name: "A. Co-facilitator".into(),
            title: "Permanent Representative".into(),
            actor: Some(code("MEX")),
        }],
        secretariat: vec![Officer {
            name: "A. Secretary".into(),
            title: "Head of secretariat".into(),
            actor: None,
        }],
        meeting_kinds: vec![MeetingKind::ThematicSession, MeetingKind::NegotiationRound],
        record_resolver: None,
    }
}

fn meeting(p: &str, s: &str, kind: MeetingKind, start: &str) -> NewMeeting {
    NewMeeting {
        process: slug(p),
        slug: slug(s),
        kind,
        number: Some(1),
        title: format!("Meeting {s}"),
        title_translations: [(Language::Ar, format!("اجتماع {s}"))].into(),
        start_date: d(start),
        end_date: d(start),
        venue: None,
        chairs: vec![],
        agenda: vec![],
        themes: vec![],
        note: None,
    }
}

fn document(p: &str, s: &str, symbol: Option<&str>, date: &str) -> NewDocument {
    NewDocument {
        process: slug(p),
        slug: slug(s),
        symbol: symbol.map(|x| Symbol::new(x).unwrap()),
        title: format!("Document {s}"),
        kind: DocumentKind::Report,
        date: d(date),
        languages: vec![Language::En, Language::Fr],
        distribution: Distribution::Public,
        embargo_until: None,
        meeting: None,
    }
}

/// Commits actors MEX and CHE and a process `p`.
async fn seed(store: &dyn Store, p: &str) {
    let mut tx = store.begin().await.unwrap();
    for a in [state("MEX", "Mexico"), state("CHE", "Switzerland")] {
        if tx.find_actor(&a.code).await.unwrap().is_none() {
            tx.insert_actor(&a).await.unwrap();
        }
    }
    tx.insert_process(&process(p)).await.unwrap();
    tx.commit().await.unwrap();
}

fn assert_conflict<T: std::fmt::Debug>(r: Result<T>, what: &str) {
    match r {
        Err(StoreError::Conflict(_)) => {}
        other => panic!("{what}: expected a conflict, got {other:?}"),
    }
}

pub async fn processes_round_trip(store: &dyn Store) {
    seed(store, "gcm").await;
    assert_eq!(
        store.get_process(&slug("gcm")).await.unwrap(),
        process("gcm")
    );
    let page = store
        .list_processes(&ProcessQuery {
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert_eq!(page.items, vec![process("gcm")]);
    assert!(!page.more);
    match store.get_process(&slug("nope")).await {
        Err(StoreError::NotFound(m)) => assert!(m.contains("nope"), "{m}"),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let mut tx = store.begin().await.unwrap();
    assert_conflict(tx.insert_process(&process("gcm")).await, "duplicate slug");
}

pub async fn processes_paginate_by_slug(store: &dyn Store) {
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&state("MEX", "Mexico")).await.unwrap();
    for s in ["c", "a", "e", "b", "d"] {
        tx.insert_process(&process(s)).await.unwrap();
    }
    tx.commit().await.unwrap();
    let mut seen = vec![];
    let mut after = None;
    loop {
        let page = store
            .list_processes(&ProcessQuery {
                after: after.clone(),
                limit: 2,
            })
            .await
            .unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|p| p.slug.to_string()));
        if !page.more {
            break;
        }
        after = page.items.last().map(|p| p.slug.clone());
    }
    assert_eq!(seen, ["a", "b", "c", "d", "e"]);
}

pub async fn actors_and_groups(store: &dyn Store) {
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&state("FRA", "France")).await.unwrap();
    tx.insert_actor(&state("DEU", "Germany")).await.unwrap();
    tx.insert_actor(&state("MEX", "Mexico")).await.unwrap();
    tx.insert_actor(&group("EU", &["FRA", "DEU"]))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let eu = store.get_actor(&code("EU")).await.unwrap();
    assert_eq!(eu.kind, ActorKind::Group);
    assert_eq!(
        eu.members,
        vec![code("DEU"), code("FRA")],
        "members sorted by code"
    );
    assert_eq!(
        store.get_actor(&code("FRA")).await.unwrap(),
        state("FRA", "France")
    );

    let groups = store.groups_of(&code("FRA")).await.unwrap();
    assert_eq!(
        groups.iter().map(|g| g.code.as_str()).collect::<Vec<_>>(),
        ["EU"]
    );
    assert!(store.groups_of(&code("MEX")).await.unwrap().is_empty());

    let states = store
        .list_actors(&ActorQuery {
            kind: Some(ActorKind::MemberState),
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    let codes: Vec<_> = states.items.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["DEU", "FRA", "MEX"]);
    let groups = store
        .list_actors(&ActorQuery {
            kind: Some(ActorKind::Group),
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert_eq!(groups.items.len(), 1);
    assert_eq!(
        groups.items[0].members.len(),
        2,
        "listed groups carry members"
    );
    assert!(matches!(
        store.get_actor(&code("XXX")).await,
        Err(StoreError::NotFound(_))
    ));
}

pub async fn actors_paginate_by_code(store: &dyn Store) {
    let mut tx = store.begin().await.unwrap();
    let codes = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"];
    for c in codes {
        tx.insert_actor(&state(c, c)).await.unwrap();
    }
    tx.insert_actor(&group("G1", &["AAA"])).await.unwrap();
    tx.commit().await.unwrap();
    let mut seen = vec![];
    let mut after = None;
    let mut pages = 0;
    loop {
        let page = store
            .list_actors(&ActorQuery {
                kind: Some(ActorKind::MemberState),
                after: after.clone(),
                limit: 3,
            })
            .await
            .unwrap();
        pages += 1;
        seen.extend(page.items.iter().map(|a| a.code.to_string()));
        if !page.more {
            break;
        }
        after = page.items.last().map(|a| a.code.clone());
    }
    assert_eq!(seen, codes);
    assert_eq!(pages, 3);
}

pub async fn group_rules_hold_in_the_schema(store: &dyn Store) {
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&state("FRA", "France")).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_actor(&group("EU", &["EU"])).await,
        "group inside itself",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_actor(&group("EU", &["XXX"])).await,
        "unknown member",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_actor(&state("FRA", "France again")).await,
        "duplicate code",
    );
    drop(tx);
    assert!(matches!(
        store.get_actor(&code("EU")).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.get_actor(&code("FRA")).await.unwrap().name, "France");
}

pub async fn phases_in_date_order(store: &dyn Store) {
    seed(store, "gcm").await;
    let phase = |kind, start: &str, end: Option<&str>| {
        Phase::planned(
            slug("gcm"),
            kind,
            d(start),
            end.map(d),
            Some("by month".into()),
        )
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_phase(&phase(
        PhaseKind::Negotiation,
        "2018-02-01",
        Some("2018-07-31"),
    ))
    .await
    .unwrap();
    tx.insert_phase(&phase(
        PhaseKind::Consultation,
        "2017-04-01",
        Some("2017-11-30"),
    ))
    .await
    .unwrap();
    tx.insert_phase(&phase(PhaseKind::FollowUp, "2018-12-19", None))
        .await
        .unwrap();
    assert_eq!(
        tx.find_phase(&slug("gcm"), PhaseKind::FollowUp)
            .await
            .unwrap(),
        Some(phase(PhaseKind::FollowUp, "2018-12-19", None))
    );
    assert_eq!(
        tx.find_phase(&slug("gcm"), PhaseKind::Stocktaking)
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();
    let phases = store.list_phases(&slug("gcm")).await.unwrap();
    let kinds: Vec<_> = phases.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PhaseKind::Consultation,
            PhaseKind::Negotiation,
            PhaseKind::FollowUp
        ]
    );
    assert_eq!(phases[2].end_date, None);
    assert!(store.list_phases(&slug("other")).await.unwrap().is_empty());
}

pub async fn phase_decisions_and_their_history(store: &dyn Store) {
    seed(store, "gcm").await;
    seed(store, "other").await;
    let planned = |process: &str| {
        Phase::planned(
            slug(process),
            PhaseKind::Negotiation,
            d("2018-02-01"),
            Some(d("2018-07-31")),
            None,
        )
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_phase(&planned("gcm")).await.unwrap();
    tx.insert_phase(&planned("other")).await.unwrap();
    tx.commit().await.unwrap();

    let mut next = planned("gcm");
    next.opened_on = Some(d("2018-01-25"));
    next.extended_to = Some(d("2018-08-15"));
    next.closed_on = Some(d("2018-07-13"));
    next.note = Some("six rounds".into());
    let change = PhaseChange {
        process: slug("gcm"),
        phase: PhaseKind::Negotiation,
        kind: PhaseChangeKind::Opened,
        at: "2018-01-25T10:00:00Z".parse().unwrap(),
        by: "A. Secretary".into(),
        reason: Some("the zero draft is out".into()),
        changes: vec![FieldChange {
            field: "opened_on".into(),
            before: String::new(),
            after: "2018-01-25".into(),
        }],
    };
    let mut tx = store.begin().await.unwrap();
    tx.update_phase(&next).await.unwrap();
    tx.insert_phase_change(&change).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.list_phases(&slug("gcm")).await.unwrap(), vec![next]);
    assert_eq!(
        store.list_phase_changes(&slug("gcm")).await.unwrap(),
        vec![change.clone()]
    );
    assert_eq!(
        store.list_phases(&slug("other")).await.unwrap(),
        vec![planned("other")],
        "the other process's phase is untouched"
    );
    assert!(store
        .list_phase_changes(&slug("other"))
        .await
        .unwrap()
        .is_empty());

    // A phase the process does not have, or a change on it, is refused.
    let mut tx = store.begin().await.unwrap();
    let mut missing = planned("gcm");
    missing.kind = PhaseKind::Adoption;
    assert!(matches!(
        tx.update_phase(&missing).await,
        Err(StoreError::NotFound(_))
    ));
    let mut orphan = change;
    orphan.phase = PhaseKind::Adoption;
    assert_conflict(
        tx.insert_phase_change(&orphan).await,
        "a change to a phase that is not there",
    );
}

pub async fn phase_dates_and_duplicates_are_refused(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut phase = Phase::planned(
        slug("gcm"),
        PhaseKind::Consultation,
        d("2017-04-01"),
        Some(d("2017-03-01")),
        None,
    );
    let mut tx = store.begin().await.unwrap();
    assert_conflict(tx.insert_phase(&phase).await, "end before start");
    drop(tx);
    phase.end_date = None;
    let mut tx = store.begin().await.unwrap();
    tx.insert_phase(&phase).await.unwrap();
    assert_conflict(tx.insert_phase(&phase).await, "same kind twice");
    drop(tx);
    phase.process = slug("unknown");
    let mut tx = store.begin().await.unwrap();
    assert_conflict(tx.insert_phase(&phase).await, "unknown process");
}

pub async fn meetings_round_trip(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    for (n, title) in [(1u32, "Human rights"), (2, "Drivers")] {
        tx.insert_theme(&Theme {
            process: slug("gcm"),
            code: slug(&format!("ts-{n}")),
            taxonomy: slug("topics"),
            number: Some(n),
            title: title.into(),
            withdrawn_reason: None,
        })
        .await
        .unwrap();
    }
    let mut m = meeting(
        "gcm",
        "thematic-session-1",
        MeetingKind::ThematicSession,
        "2017-05-08",
    );
    m.end_date = d("2017-05-09");
    m.venue = Some(Venue {
        name: Some("Palais des Nations, Room XIX".into()),
        city: "Geneva".into(),
        country: code("CHE"),
    });
    m.chairs = vec![Chair {
        name: "A. Chair".into(),
        title: "Co-facilitator".into(),
    }];
    m.agenda = vec![
        AgendaItem {
            number: 1,
            title: "Opening".into(),
        },
        AgendaItem {
            number: 2,
            title: "Panel".into(),
        },
    ];
    m.themes = vec![slug("ts-1"), slug("ts-2")];
    m.note = Some("a note".into());
    let id = tx.insert_meeting(&m).await.unwrap();
    let found = tx
        .find_meeting(&slug("gcm"), &slug("thematic-session-1"))
        .await
        .unwrap();
    assert_eq!(found.as_ref().map(|f| f.id), Some(id));
    tx.commit().await.unwrap();

    let got = store.get_meeting(&slug("gcm"), id).await.unwrap();
    assert_eq!(got, m.clone().with_id(id));
    let listed = store
        .list_meetings(&MeetingQuery {
            process: slug("gcm"),
            kind: None,
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert_eq!(
        listed.items,
        vec![m.with_id(id)],
        "lists carry agenda and themes"
    );
    assert!(matches!(
        store.get_meeting(&slug("other"), id).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.get_meeting(&slug("gcm"), id + 100).await,
        Err(StoreError::NotFound(_))
    ));
}

pub async fn meetings_filter_by_kind_and_paginate_in_date_order(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    // Inserted out of order, with two on the same date.
    let specs = [
        ("r2", MeetingKind::NegotiationRound, "2018-03-12"),
        ("t3", MeetingKind::ThematicSession, "2017-06-19"),
        ("t1", MeetingKind::ThematicSession, "2017-05-08"),
        ("r1", MeetingKind::NegotiationRound, "2018-02-20"),
        ("t2", MeetingKind::ThematicSession, "2017-05-22"),
        ("t2b", MeetingKind::ThematicSession, "2017-05-22"),
    ];
    for (s, k, date) in specs {
        tx.insert_meeting(&meeting("gcm", s, k, date))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let collect = |kind: Option<MeetingKind>, limit: u32| async move {
        let mut seen = vec![];
        let mut after = None;
        loop {
            let page = store
                .list_meetings(&MeetingQuery {
                    process: slug("gcm"),
                    kind,
                    after,
                    limit,
                })
                .await
                .unwrap();
            seen.extend(page.items.iter().map(|m| m.slug.to_string()));
            if !page.more {
                break;
            }
            let last = page.items.last().unwrap();
            after = Some((last.start_date, last.id));
        }
        seen
    };
    assert_eq!(
        collect(None, 100).await,
        ["t1", "t2", "t2b", "t3", "r1", "r2"]
    );
    assert_eq!(
        collect(None, 2).await,
        ["t1", "t2", "t2b", "t3", "r1", "r2"]
    );
    assert_eq!(
        collect(None, 1).await,
        ["t1", "t2", "t2b", "t3", "r1", "r2"]
    );
    assert_eq!(
        collect(Some(MeetingKind::NegotiationRound), 1).await,
        ["r1", "r2"]
    );
    assert!(collect(Some(MeetingKind::Conference), 5).await.is_empty());
}

pub async fn meeting_references_are_enforced(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_meeting(&meeting(
            "nope",
            "m",
            MeetingKind::ThematicSession,
            "2017-01-01",
        ))
        .await,
        "unknown process",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    let mut m = meeting("gcm", "m", MeetingKind::ThematicSession, "2017-01-02");
    m.end_date = d("2017-01-01");
    assert_conflict(tx.insert_meeting(&m).await, "end before start");
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    let mut m = meeting("gcm", "m", MeetingKind::ThematicSession, "2017-01-01");
    m.themes = vec![slug("no-such-theme")];
    assert_conflict(tx.insert_meeting(&m).await, "unknown theme");
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    let m = meeting("gcm", "m", MeetingKind::ThematicSession, "2017-01-01");
    tx.insert_meeting(&m).await.unwrap();
    assert_conflict(tx.insert_meeting(&m).await, "duplicate slug");
}

pub async fn documents_and_visibility(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "conference",
            MeetingKind::ThematicSession,
            "2018-12-10",
        ))
        .await
        .unwrap();
    let public = document("gcm", "a-72-643", Some("A/72/643"), "2017-12-12");
    let mut restricted = document("gcm", "restricted-note", None, "2018-01-01");
    restricted.distribution = Distribution::Restricted;
    let mut embargoed = document("gcm", "embargoed", None, "2018-01-02");
    let until: DateTime<Utc> = "2018-06-01T09:00:00Z".parse().unwrap();
    embargoed.embargo_until = Some(until);
    let mut outcome = document("gcm", "outcome", Some("A/CONF.231/3"), "2018-07-13");
    outcome.meeting = Some(slug("conference"));
    let ids = [
        tx.insert_document(&public, None).await.unwrap(),
        tx.insert_document(&restricted, None).await.unwrap(),
        tx.insert_document(&embargoed, None).await.unwrap(),
        tx.insert_document(&outcome, Some(mid)).await.unwrap(),
    ];
    assert_eq!(
        tx.find_document_by_symbol(&Symbol::new("A/72/643").unwrap())
            .await
            .unwrap()
            .map(|x| x.id),
        Some(ids[0])
    );
    assert_eq!(
        tx.find_document(&slug("gcm"), &slug("outcome"))
            .await
            .unwrap()
            .map(|x| x.id),
        Some(ids[3])
    );
    assert_eq!(
        tx.find_document(&slug("gcm"), &slug("missing"))
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();

    let q = |public_at: Option<DateTime<Utc>>, meeting: Option<i64>| DocumentQuery {
        process: slug("gcm"),
        kind: None,
        meeting,
        withdrawn: false,
        visible: public_at.map(|now| Visible {
            distributions: vec![Distribution::Public],
            now,
        }),
        after: None,
        limit: 50,
    };
    let all = store.list_documents(&q(None, None)).await.unwrap();
    assert_eq!(all.items.len(), 4);
    let before: DateTime<Utc> = "2018-06-01T08:59:59Z".parse().unwrap();
    let seen = |p: Page<Document>| {
        p.items
            .iter()
            .map(|x| x.slug.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seen(store.list_documents(&q(Some(before), None)).await.unwrap()),
        ["a-72-643", "outcome"]
    );
    assert_eq!(
        seen(store.list_documents(&q(Some(until), None)).await.unwrap()),
        ["a-72-643", "embargoed", "outcome"]
    );
    assert_eq!(
        seen(store.list_documents(&q(None, Some(mid))).await.unwrap()),
        ["outcome"]
    );

    let got = store.get_document(&slug("gcm"), ids[3]).await.unwrap();
    assert_eq!(got, outcome.with_id(ids[3]), "meeting slug comes back");
    assert_eq!(
        store
            .get_document(&slug("gcm"), ids[2])
            .await
            .unwrap()
            .embargo_until,
        Some(until)
    );
    assert!(matches!(
        store.get_document(&slug("gcm"), 9999).await,
        Err(StoreError::NotFound(_))
    ));
}

pub async fn documents_paginate_in_date_order(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    for (s, date) in [
        ("c", "2018-03-26"),
        ("a", "2018-02-05"),
        ("b", "2018-03-05"),
        ("b2", "2018-03-05"),
    ] {
        tx.insert_document(&document("gcm", s, None, date), None)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let mut seen = vec![];
    let mut after = None;
    loop {
        let page = store
            .list_documents(&DocumentQuery {
                process: slug("gcm"),
                kind: Some(DocumentKind::Report),
                meeting: None,
                withdrawn: false,
                visible: None,
                after,
                limit: 1,
            })
            .await
            .unwrap();
        seen.extend(page.items.iter().map(|x| x.slug.to_string()));
        if !page.more {
            break;
        }
        let last = page.items.last().unwrap();
        after = Some((last.date, last.id));
    }
    assert_eq!(seen, ["a", "b", "b2", "c"]);
}

pub async fn duplicate_symbols_are_refused(store: &dyn Store) {
    seed(store, "gcm").await;
    seed_second_process(store).await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_document(
        &document("gcm", "one", Some("A/72/643"), "2017-12-12"),
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_document(
            &document("other", "two", Some("A/72/643"), "2017-12-12"),
            None,
        )
        .await,
        "symbols are unique across processes",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_document(&document("gcm", "one", None, "2017-12-12"), None)
            .await,
        "slugs are unique within a process",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.insert_document(&document("other", "one", None, "2017-12-12"), None)
        .await
        .expect("the same slug in another process is fine");
}

async fn seed_second_process(store: &dyn Store) {
    let mut tx = store.begin().await.unwrap();
    tx.insert_process(&process("other")).await.unwrap();
    tx.commit().await.unwrap();
}

pub async fn themes_in_order(store: &dyn Store) {
    seed(store, "gcm").await;
    let theme = |taxonomy: &str, n: u32| Theme {
        process: slug("gcm"),
        code: slug(&format!("{taxonomy}-{n}")),
        taxonomy: slug(taxonomy),
        number: Some(n),
        title: format!("{taxonomy} {n}"),
        withdrawn_reason: None,
    };
    let mut tx = store.begin().await.unwrap();
    for t in [
        theme("objective", 10),
        theme("objective", 2),
        theme("topic", 1),
        theme("objective", 1),
    ] {
        tx.insert_theme(&t).await.unwrap();
    }
    assert_eq!(
        tx.find_theme(&slug("gcm"), &slug("topic-1")).await.unwrap(),
        Some(theme("topic", 1))
    );
    assert_conflict(tx.insert_theme(&theme("topic", 1)).await, "duplicate theme");
    drop(tx); // the whole unit of work is gone
    assert!(store.list_themes(&slug("gcm")).await.unwrap().is_empty());

    let mut tx = store.begin().await.unwrap();
    for t in [
        theme("objective", 10),
        theme("objective", 2),
        theme("topic", 1),
        theme("objective", 1),
        Theme {
            code: slug("objective-cross-cutting"),
            number: None,
            ..theme("objective", 0)
        },
    ] {
        tx.insert_theme(&t).await.unwrap();
    }
    tx.commit().await.unwrap();
    // Numbered first, then the unnumbered by code, on every store (SQLite
    // and PostgreSQL put NULL at opposite ends unless told).
    let codes: Vec<_> = store
        .list_themes(&slug("gcm"))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.code.to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "objective-1",
            "objective-2",
            "objective-10",
            "objective-cross-cutting",
            "topic-1"
        ]
    );
}

pub async fn uncommitted_work_is_rolled_back(store: &dyn Store) {
    seed(store, "gcm").await;
    {
        let mut tx = store.begin().await.unwrap();
        tx.insert_actor(&state("FRA", "France")).await.unwrap();
        tx.insert_meeting(&meeting(
            "gcm",
            "m",
            MeetingKind::ThematicSession,
            "2017-01-01",
        ))
        .await
        .unwrap();
        assert!(
            tx.find_actor(&code("FRA")).await.unwrap().is_some(),
            "a tx sees its own writes"
        );
        // dropped without commit
    }
    assert!(matches!(
        store.get_actor(&code("FRA")).await,
        Err(StoreError::NotFound(_))
    ));
    let meetings = store
        .list_meetings(&MeetingQuery {
            process: slug("gcm"),
            kind: None,
            after: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert!(meetings.items.is_empty());
    // What was committed before is intact.
    assert_eq!(
        store.get_process(&slug("gcm")).await.unwrap(),
        process("gcm")
    );
}

pub async fn text_in_six_languages_round_trips(store: &dyn Store) {
    seed(store, "gcm").await;
    let titles = [
        "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية",
        "安全、有序和正常移民全球契约",
        "Pacte mondial pour des migrations sûres, ordonnées et régulières",
        "Глобальный договор о безопасной, упорядоченной и легальной миграции",
        "Pacto Mundial para la Migración Segura, Ordenada y Regular",
        "Quotes ' \" ; -- and <tags> & NUL-free oddities \u{200f}",
    ];
    let mut tx = store.begin().await.unwrap();
    let mut ids = vec![];
    for (i, t) in titles.iter().enumerate() {
        let mut doc = document("gcm", &format!("doc-{i}"), None, "2018-07-13");
        doc.title = (*t).to_owned();
        ids.push(tx.insert_document(&doc, None).await.unwrap());
    }
    tx.commit().await.unwrap();
    for (id, t) in ids.iter().zip(titles) {
        assert_eq!(
            store.get_document(&slug("gcm"), *id).await.unwrap().title,
            t
        );
    }
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

async fn account(store: &dyn Store, email: &str) -> i64 {
    let mut tx = store.begin().await.unwrap();
    let id = tx
        .insert_account(
            &Email::new(email).unwrap(),
            "A. Person",
            "$argon2id$v=19$fake",
            at("2018-01-01T00:00:00Z"),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

pub async fn accounts_and_grants_round_trip(store: &dyn Store) {
    seed(store, "gcm").await;
    let id = account(store, "Delegate@Example.org").await;
    let mut tx = store.begin().await.unwrap();
    let grants = [
        RoleGrant {
            role: Role::Delegate,
            process: Some(slug("gcm")),
            actor: Some(code("MEX")),
        },
        RoleGrant {
            role: Role::Secretariat,
            process: None,
            actor: None,
        },
    ];
    for g in &grants {
        tx.insert_grant(id, g).await.unwrap();
    }
    let found = tx
        .find_account_by_email(&Email::new("delegate@example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.account.id, id);
    assert_eq!(found.account.email.as_str(), "delegate@example.org");
    assert_eq!(found.password_hash, "$argon2id$v=19$fake");
    assert_eq!(found.account.grants.len(), 2);
    tx.set_password(id, "$argon2id$new").await.unwrap();
    assert_conflict(
        tx.insert_account(
            &Email::new("delegate@example.org").unwrap(),
            "Again",
            "x",
            at("2018-01-01T00:00:00Z"),
        )
        .await,
        "duplicate e-mail",
    );
    drop(tx);
    // The failed insert rolled back the whole unit of work, grants included.
    assert!(store
        .get_account(id)
        .await
        .unwrap()
        .account
        .grants
        .is_empty());
    let mut tx = store.begin().await.unwrap();
    tx.insert_grant(id, &grants[0]).await.unwrap();
    assert_conflict(
        tx.insert_grant(
            id,
            &RoleGrant {
                role: Role::Delegate,
                process: Some(slug("gcm")),
                actor: Some(code("XXX")),
            },
        )
        .await,
        "grant for an unknown actor",
    );
    drop(tx);
    assert!(matches!(
        store.get_account(id + 1000).await,
        Err(StoreError::NotFound(_))
    ));
}

pub async fn sessions_tokens_and_resets(store: &dyn Store) {
    let id = account(store, "sec@example.org").await;
    let other = account(store, "other@example.org").await;
    let session = SessionRecord {
        id_hash: "a".repeat(64),
        account: id,
        csrf: "c".repeat(43),
        created_at: at("2018-01-01T10:00:00Z"),
        expires_at: at("2018-01-02T10:00:00Z"),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_session(&session).await.unwrap();
    tx.insert_session(&SessionRecord {
        id_hash: "b".repeat(64),
        ..session.clone()
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store.find_session(&session.id_hash).await.unwrap(),
        Some(session.clone())
    );
    assert_eq!(store.find_session("nope").await.unwrap(), None);
    let mut tx = store.begin().await.unwrap();
    tx.delete_session(&session.id_hash).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.find_session(&session.id_hash).await.unwrap(), None);
    assert!(store.find_session(&"b".repeat(64)).await.unwrap().is_some());
    let mut tx = store.begin().await.unwrap();
    tx.delete_sessions_of(id).await.unwrap();
    tx.commit().await.unwrap();
    assert!(store.find_session(&"b".repeat(64)).await.unwrap().is_none());

    let token = ApiTokenRecord {
        id: 0,
        account: id,
        name: "nightly import".into(),
        token_hash: "d".repeat(64),
        created_at: at("2018-01-01T10:00:00Z"),
        expires_at: at("2018-04-01T10:00:00Z"),
        revoked_at: None,
    };
    let mut tx = store.begin().await.unwrap();
    let tid = tx.insert_api_token(&token).await.unwrap();
    assert!(
        !tx.revoke_api_token(other, tid, at("2018-01-03T00:00:00Z"))
            .await
            .unwrap(),
        "not theirs"
    );
    tx.commit().await.unwrap();
    let found = store
        .find_api_token(&token.token_hash)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        found,
        ApiTokenRecord {
            id: tid,
            ..token.clone()
        }
    );
    let mut tx = store.begin().await.unwrap();
    assert!(tx
        .revoke_api_token(id, tid, at("2018-01-03T00:00:00Z"))
        .await
        .unwrap());
    assert!(
        !tx.revoke_api_token(id, tid, at("2018-01-04T00:00:00Z"))
            .await
            .unwrap(),
        "already revoked"
    );
    tx.insert_password_reset(&"e".repeat(64), id, at("2018-01-01T11:00:00Z"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let listed = store.list_api_tokens(id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].revoked_at, Some(at("2018-01-03T00:00:00Z")));
    assert!(store.list_api_tokens(id + 1000).await.unwrap().is_empty());
    assert_eq!(
        store
            .find_api_token(&token.token_hash)
            .await
            .unwrap()
            .unwrap()
            .revoked_at,
        Some(at("2018-01-03T00:00:00Z"))
    );
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.take_password_reset(&"e".repeat(64)).await.unwrap(),
        Some((id, at("2018-01-01T11:00:00Z")))
    );
    assert_eq!(
        tx.take_password_reset(&"e".repeat(64)).await.unwrap(),
        None,
        "one use only"
    );
}

pub async fn the_audit_log_chains_and_filters(store: &dyn Store) {
    use accord_domain::audit::{next_entry, verify, AuditRecord, GENESIS};
    seed(store, "gcm").await;
    assert_eq!(store.audit_head().await.unwrap(), (0, GENESIS.to_owned()));
    let record = |i: i64, action: &str, account: Option<i64>| AuditRecord {
        at: at("2018-01-01T10:00:00.123456Z") + chrono::Duration::seconds(i),
        account,
        by: "sec@example.org".into(),
        acting_for: Some(code("MEX")),
        action: action.into(),
        // Actors are shared by every process: their entries name none.
        process: (action != "actor.create").then(|| slug("gcm")),
        targets: vec![format!("meeting:{i}"), "process:gcm".into()],
    };
    for (i, action) in [
        "meeting.create",
        "document.create",
        "meeting.create",
        "actor.create",
    ]
    .iter()
    .enumerate()
    {
        let mut tx = store.begin().await.unwrap();
        let (seq, hash) = tx.lock_audit_head().await.unwrap();
        let entry = next_entry(seq, &hash, record(i as i64, action, Some(i as i64 % 2)));
        tx.append_audit(&entry).await.unwrap();
        tx.commit().await.unwrap();
    }
    // A unit of work that is not committed leaves the log as it was.
    {
        let mut tx = store.begin().await.unwrap();
        let (seq, hash) = tx.lock_audit_head().await.unwrap();
        tx.append_audit(&next_entry(seq, &hash, record(9, "x.y", None)))
            .await
            .unwrap();
    }
    let (head, head_hash) = store.audit_head().await.unwrap();
    assert_eq!(head, 4);
    let entries = store.audit_entries(0, 100).await.unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(
        entries[0].record,
        record(0, "meeting.create", Some(0)),
        "timestamps and targets round-trip exactly"
    );
    assert_eq!(verify(&entries, head, &head_hash), Ok(4));
    assert_eq!(store.audit_entries(2, 1).await.unwrap()[0].seq, 3);

    let list = |q: AuditQuery| async move { store.list_audit(&q).await.unwrap() };
    let seqs = |p: &Page<accord_domain::audit::AuditEntry>| {
        p.items.iter().map(|e| e.seq).collect::<Vec<_>>()
    };
    let all = list(AuditQuery {
        limit: 10,
        ..Default::default()
    })
    .await;
    assert_eq!(seqs(&all), [4, 3, 2, 1], "newest first");
    let meetings = list(AuditQuery {
        action_prefix: Some("meeting.".into()),
        limit: 10,
        ..Default::default()
    })
    .await;
    assert_eq!(seqs(&meetings), [3, 1]);
    let by_one = list(AuditQuery {
        account: Some(1),
        limit: 10,
        ..Default::default()
    })
    .await;
    assert_eq!(seqs(&by_one), [4, 2]);
    let page = list(AuditQuery {
        limit: 2,
        before: Some(4),
        ..Default::default()
    })
    .await;
    assert_eq!(seqs(&page), [3, 2]);
    assert!(page.more);
    let other = list(AuditQuery {
        process: Some(slug("other")),
        limit: 10,
        ..Default::default()
    })
    .await;
    assert!(other.items.is_empty());
    // A reader's scope: only its processes' entries, never those of none.
    let within = |processes: &[&str]| AuditQuery {
        within: Some(processes.iter().map(|p| slug(p)).collect()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(seqs(&list(within(&["gcm"])).await), [3, 2, 1]);
    assert_eq!(seqs(&list(within(&["other", "gcm"])).await), [3, 2, 1]);
    assert!(list(within(&["other"])).await.items.is_empty());
    assert!(list(within(&[])).await.items.is_empty());
}

pub async fn delegations_groups_and_speakers_lists(store: &dyn Store) {
    seed(store, "gcm").await;
    let sec = account(store, "chair@example.org").await;
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&state("FRA", "France")).await.unwrap();
    tx.insert_actor(&group("EU", &["FRA"])).await.unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "round-1",
            MeetingKind::NegotiationRound,
            "2018-02-20",
        ))
        .await
        .unwrap();
    tx.set_delegation(&slug("gcm"), &code("MEX"), "A. Head")
        .await
        .unwrap();
    tx.set_delegation(&slug("gcm"), &code("MEX"), "B. Head")
        .await
        .unwrap();
    tx.set_delegation(&slug("gcm"), &code("CHE"), "C. Head")
        .await
        .unwrap();
    assert_eq!(
        tx.find_group_chair(&slug("gcm"), &code("EU"))
            .await
            .unwrap(),
        None
    );
    tx.set_group_chair(&slug("gcm"), &code("EU"), &code("MEX"))
        .await
        .unwrap();
    tx.set_group_chair(&slug("gcm"), &code("EU"), &code("FRA"))
        .await
        .unwrap();
    assert_eq!(
        tx.find_group_chair(&slug("gcm"), &code("EU"))
            .await
            .unwrap(),
        Some(code("FRA"))
    );
    assert!(!tx
        .is_group_speaker(&slug("gcm"), &code("EU"), sec)
        .await
        .unwrap());
    tx.insert_group_speaker(&slug("gcm"), &code("EU"), sec, sec)
        .await
        .unwrap();
    tx.insert_group_speaker(&slug("gcm"), &code("EU"), sec, sec)
        .await
        .unwrap();
    assert!(tx
        .is_group_speaker(&slug("gcm"), &code("EU"), sec)
        .await
        .unwrap());
    let inscription = |actor: &str, category, minute: i64| Inscription {
        id: 0,
        meeting: mid,
        agenda_item: 0,
        actor: code(actor),
        account: sec,
        category,
        status: SpeakerStatus::Waiting,
        inscribed_at: at("2018-02-20T10:00:00Z") + chrono::Duration::minutes(minute),
    };
    let a = tx
        .insert_inscription(&inscription("MEX", SpeakerCategory::State, 1))
        .await
        .unwrap();
    let b = tx
        .insert_inscription(&inscription("EU", SpeakerCategory::Group, 2))
        .await
        .unwrap();
    tx.set_inscription_status(a, SpeakerStatus::Spoken)
        .await
        .unwrap();
    assert_eq!(
        tx.find_inscription(a).await.unwrap().unwrap().status,
        SpeakerStatus::Spoken
    );
    assert_eq!(tx.find_inscription(b + 100).await.unwrap(), None);
    assert_eq!(tx.meeting_inscriptions(mid).await.unwrap().len(), 2);
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_inscription(&inscription("MEX", SpeakerCategory::State, 9))
            .await,
        "once per category",
    );
    drop(tx);
    let list = store.list_inscriptions(mid).await.unwrap();
    assert_eq!(
        list.iter().map(|i| i.actor.as_str()).collect::<Vec<_>>(),
        ["MEX", "EU"],
        "by time of inscription"
    );
    assert_eq!(
        list[1],
        Inscription {
            id: b,
            ..inscription("EU", SpeakerCategory::Group, 2)
        }
    );
    assert_eq!(
        store.list_delegations(&slug("gcm")).await.unwrap(),
        vec![
            (code("CHE"), "C. Head".to_string()),
            (code("MEX"), "B. Head".to_string())
        ]
    );
}

pub async fn meeting_time_limits(store: &dyn Store) {
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "round-1",
            MeetingKind::NegotiationRound,
            "2018-02-20",
        ))
        .await
        .unwrap();
    tx.set_time_limit(mid, SpeakerCategory::State, Some(240))
        .await
        .unwrap();
    tx.set_time_limit(mid, SpeakerCategory::Stakeholder, Some(90))
        .await
        .unwrap();
    tx.set_time_limit(mid, SpeakerCategory::State, Some(150))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut limits = store.list_time_limits(mid).await.unwrap();
    limits.sort();
    assert_eq!(
        limits,
        vec![
            (SpeakerCategory::State, 150),
            (SpeakerCategory::Stakeholder, 90)
        ],
        "the second setting replaced the first"
    );
    // Back to the usual limit; out-of-range values are refused by the schema.
    let mut tx = store.begin().await.unwrap();
    tx.set_time_limit(mid, SpeakerCategory::State, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store.list_time_limits(mid).await.unwrap(),
        vec![(SpeakerCategory::Stakeholder, 90)]
    );
    let mut tx = store.begin().await.unwrap();
    assert!(tx
        .set_time_limit(mid, SpeakerCategory::Group, Some(5))
        .await
        .is_err());
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert!(
        tx.set_time_limit(mid + 1000, SpeakerCategory::Group, Some(60))
            .await
            .is_err(),
        "no such meeting"
    );
    drop(tx);
    assert_eq!(store.list_time_limits(mid).await.unwrap().len(), 1);
}

pub async fn accreditation_and_registration(store: &dyn Store) {
    seed(store, "gcm").await;
    let delegate = account(store, "del@example.org").await;
    let new = NewApplication {
        name: "Réseau des migrants « Solidarité »".into(),
        kind: StakeholderKind::MigrantsOrganisation,
        country: code("MEX"),
        website: "https://example.org".into(),
        ecosoc_status: true,
        description: "A network.".into(),
    };
    let application = Application {
        id: 0,
        process: slug("gcm"),
        application: new.clone(),
        applied_at: at("2017-03-01T09:00:00Z"),
        objection_deadline: at("2017-03-11T09:00:00Z"),
        status: AccreditationStatus::Pending,
        referred_to: None,
        decided_at: None,
        decision_note: None,
        body_decision: None,
        actor: None,
        objections: vec![],
    };
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.objection_days(&slug("gcm")).await.unwrap(), None);
    assert_eq!(tx.deciding_body(&slug("gcm")).await.unwrap(), None);
    // The two rules are set each on its own: the body first, then the period.
    tx.set_deciding_body(&slug("gcm"), DecidingBody::Bureau)
        .await
        .unwrap();
    assert_eq!(tx.objection_days(&slug("gcm")).await.unwrap(), None);
    tx.set_objection_days(&slug("gcm"), 10).await.unwrap();
    tx.set_objection_days(&slug("gcm"), 14).await.unwrap();
    assert_eq!(tx.objection_days(&slug("gcm")).await.unwrap(), Some(14));
    assert_eq!(
        tx.deciding_body(&slug("gcm")).await.unwrap(),
        Some(DecidingBody::Bureau)
    );
    let id = tx.insert_application(&application).await.unwrap();
    let objection = Objection {
        state: code("CHE"),
        account: delegate,
        at: at("2017-03-02T09:00:00Z"),
        reason: "Not a migrants' organisation".into(),
    };
    tx.insert_objection(id, &objection).await.unwrap();
    assert_conflict(
        tx.insert_objection(id, &objection).await,
        "one objection per state",
    );
    drop(tx);

    let mut tx = store.begin().await.unwrap();
    let id = tx.insert_application(&application).await.unwrap();
    tx.insert_objection(id, &objection).await.unwrap();
    assert!(!tx.is_accredited(&slug("gcm"), &code("MEX")).await.unwrap());
    tx.insert_actor(&Actor::new(
        code("ORG-1"),
        ActorKind::StakeholderOrganisation,
        "Réseau",
    ))
    .await
    .unwrap();
    tx.refer_application(id, DecidingBody::Plenary)
        .await
        .unwrap();
    let referred = tx.find_application(id).await.unwrap().unwrap();
    assert_eq!(referred.status, AccreditationStatus::Referred);
    assert_eq!(referred.referred_to, Some(DecidingBody::Plenary));
    assert_eq!(referred.body_decision, None);
    let plenary = tx
        .insert_meeting(&meeting(
            "gcm",
            "plenary",
            MeetingKind::PlenaryMeeting,
            "2017-03-20",
        ))
        .await
        .unwrap();
    let decision = BodyDecision {
        body: DecidingBody::Plenary,
        date: "2017-03-20".parse().unwrap(),
        meeting: Some(plenary),
        reference: Some("A/71/L.99 — « décision »".into()),
    };
    tx.decide_application(
        id,
        &ApplicationDecision {
            status: AccreditationStatus::Approved,
            at: at("2017-03-21T09:00:00Z"),
            by: Some(delegate),
            note: "The plenary did not uphold the objection".into(),
            actor: Some(code("ORG-1")),
            body_decision: Some(decision.clone()),
        },
    )
    .await
    .unwrap();
    let decided = tx.find_application(id).await.unwrap().unwrap();
    assert_eq!(decided.status, AccreditationStatus::Approved);
    assert_eq!(decided.body_decision, Some(decision));
    assert_eq!(decided.decided_at, Some(at("2017-03-21T09:00:00Z")));
    assert_eq!(decided.actor, Some(code("ORG-1")));
    assert!(tx
        .is_accredited(&slug("gcm"), &code("ORG-1"))
        .await
        .unwrap());
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "m",
            MeetingKind::ThematicSession,
            "2017-05-08",
        ))
        .await
        .unwrap();
    tx.insert_registration(mid, delegate, &code("MEX"), at("2017-05-01T09:00:00Z"))
        .await
        .unwrap();
    assert!(tx.is_registered(mid, delegate).await.unwrap());
    assert_conflict(
        tx.insert_registration(mid, delegate, &code("MEX"), at("2017-05-01T09:00:00Z"))
            .await,
        "registered once",
    );
    drop(tx);
    // The conflict rolled the unit back: do it again and commit.
    let mut tx = store.begin().await.unwrap();
    let id = tx.insert_application(&application).await.unwrap();
    tx.insert_objection(id, &objection).await.unwrap();
    tx.insert_actor(&Actor::new(
        code("ORG-1"),
        ActorKind::StakeholderOrganisation,
        "Réseau",
    ))
    .await
    .unwrap();
    tx.set_deciding_body(&slug("gcm"), DecidingBody::Bureau)
        .await
        .unwrap();
    tx.decide_application(
        id,
        &ApplicationDecision {
            status: AccreditationStatus::Approved,
            at: at("2017-03-12T09:00:00Z"),
            by: Some(delegate),
            note: "ok".into(),
            actor: Some(code("ORG-1")),
            body_decision: None,
        },
    )
    .await
    .unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "m",
            MeetingKind::ThematicSession,
            "2017-05-08",
        ))
        .await
        .unwrap();
    tx.insert_registration(mid, delegate, &code("MEX"), at("2017-05-01T09:00:00Z"))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let listed = store.list_applications(&slug("gcm")).await.unwrap();
    assert_eq!(listed.len(), 1);
    let got = &listed[0];
    assert_eq!(
        got.application, new,
        "text round-trips, accents and guillemets included"
    );
    assert_eq!(got.status, AccreditationStatus::Approved);
    assert_eq!(got.objections, vec![objection]);
    assert_eq!(got.actor, Some(code("ORG-1")));
    assert_eq!(got.decided_at, Some(at("2017-03-12T09:00:00Z")));
    assert_eq!((got.referred_to, &got.body_decision), (None, &None));
    assert_eq!(
        store.deciding_body(&slug("gcm")).await.unwrap(),
        Some(DecidingBody::Bureau),
        "the rules as committed, read outside a unit"
    );
    assert_eq!(store.deciding_body(&slug("other")).await.unwrap(), None);
    let participants = store.list_participants(mid).await.unwrap();
    assert_eq!(participants.len(), 1);
    assert_eq!(participants[0].email.as_str(), "del@example.org");
    assert_eq!(participants[0].actor, code("MEX"));
}

pub async fn statements_texts_inputs_and_recommendations(store: &dyn Store) {
    seed(store, "gcm").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&group("EU", &["MEX"])).await.unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "session-1",
            MeetingKind::ThematicSession,
            "2017-05-08",
        ))
        .await
        .unwrap();
    let statement = |title: &str, distribution, embargo: Option<&str>| NewStatement {
        process: slug("gcm"),
        meeting: mid,
        agenda_item: 1,
        actor: code("MEX"),
        on_behalf_of: Some(code("EU")),
        title: title.into(),
        delivered_on: d("2017-05-08"),
        distribution,
        embargo_until: embargo.map(at),
        synthetic: true,
    };
    let public = statement("Public", Distribution::Public, None);
    let mut ids = vec![];
    for st in [
        public.clone(),
        statement("Restricted", Distribution::Restricted, None),
        statement("Secretariat", Distribution::Secretariat, None),
        statement(
            "Embargoed",
            Distribution::Public,
            Some("2017-05-09T00:00:00Z"),
        ),
    ] {
        ids.push(
            tx.insert_statement(&st, "Amina", at("2017-05-08T10:00:00Z"))
                .await
                .unwrap(),
        );
    }
    let found = tx.find_statement(ids[0]).await.unwrap().unwrap();
    assert_eq!(found.statement, public);
    assert_eq!(found.entered_by, "Amina");
    assert!(!found.filed_late, "on time unless marked");
    tx.mark_statement_filed_late(ids[1]).await.unwrap();
    assert!(tx.find_statement(ids[1]).await.unwrap().unwrap().filed_late);
    assert!(!tx.find_statement(ids[0]).await.unwrap().unwrap().filed_late);

    // Texts: typed in one language, extracted from a file in another.
    let file = StoredFile {
        sha256: "ab".repeat(32),
        size: 1234,
        content_type: "application/pdf".into(),
        filename: "statement-fr.pdf".into(),
    };
    tx.insert_file(&file, at("2017-05-08T10:00:00Z"))
        .await
        .unwrap();
    tx.insert_file(&file, at("2017-05-08T11:00:00Z"))
        .await
        .unwrap();
    let en = ItemText::typed(
        Language::En,
        "Mr. Chair,\n\nWe call on States to protect migrants.",
    )
    .unwrap();
    let fr = ItemText {
        language: Language::Fr,
        body: "Monsieur le Président, nous appelons les États à protéger les migrants.".into(),
        blocks: vec![TextBlock::Heading {
            level: 1,
            text: "Déclaration".into(),
        }],
        file: Some(file.clone()),
        status: TextStatus::Partial,
        diagnostics: vec!["page 2 could not be read".into()],
        language_detected: true,
        looks_like: None,
    };
    tx.put_text(ItemKind::Statement, ids[0], &en, at("2017-05-08T10:00:00Z"))
        .await
        .unwrap();
    tx.put_text(ItemKind::Statement, ids[0], &fr, at("2017-05-08T10:00:00Z"))
        .await
        .unwrap();
    let mut en2 = en.clone();
    en2.body = "Mr. Chair, we call on States to protect all migrants.".into();
    tx.put_text(
        ItemKind::Statement,
        ids[0],
        &en2,
        at("2017-05-08T12:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(
        tx.find_text(ItemKind::Statement, ids[0], Language::En)
            .await
            .unwrap(),
        Some(en2.clone()),
        "a second text in a language replaces the first"
    );
    // A text naming a file that was never stored is refused.
    let mut orphan = fr.clone();
    orphan.language = Language::Es;
    orphan.file = Some(StoredFile {
        sha256: "cd".repeat(32),
        ..file.clone()
    });
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.put_text(
            ItemKind::Statement,
            ids[0],
            &orphan,
            at("2017-05-08T12:00:00Z"),
        )
        .await,
        "a text whose file is not stored",
    );
    drop(tx);
    assert_eq!(
        store.list_texts(ItemKind::Statement, ids[0]).await.unwrap(),
        vec![en2, fr],
        "in language order, the file's size and type joined in"
    );
    assert!(store
        .list_texts(ItemKind::Document, ids[0])
        .await
        .unwrap()
        .is_empty());

    // What each reader sees of the statements.
    let sq = |visible: Option<Visible>| StatementQuery {
        process: slug("gcm"),
        meeting: Some(mid),
        visible,
        after: None,
        limit: 50,
    };
    let titles = |p: Page<Statement>| {
        p.items
            .into_iter()
            .map(|s| s.statement.title)
            .collect::<Vec<_>>()
    };
    let public_reader = |now: &str| {
        Some(Visible {
            distributions: vec![Distribution::Public],
            now: at(now),
        })
    };
    assert_eq!(
        titles(store.list_statements(&sq(None)).await.unwrap()).len(),
        4
    );
    assert_eq!(
        titles(
            store
                .list_statements(&sq(public_reader("2017-05-08T12:00:00Z")))
                .await
                .unwrap()
        ),
        ["Public"]
    );
    assert_eq!(
        titles(
            store
                .list_statements(&sq(public_reader("2017-05-09T00:00:00Z")))
                .await
                .unwrap()
        ),
        ["Public", "Embargoed"]
    );
    let states = Some(Visible {
        distributions: vec![Distribution::Public, Distribution::Restricted],
        now: at("2017-05-08T12:00:00Z"),
    });
    assert_eq!(
        titles(store.list_statements(&sq(states.clone())).await.unwrap()),
        ["Public", "Restricted"]
    );
    let page = store
        .list_statements(&StatementQuery {
            limit: 1,
            after: Some(ids[0]),
            ..sq(None)
        })
        .await
        .unwrap();
    assert_eq!(titles(page.clone()), ["Restricted"]);
    assert!(page.more);
    assert!(matches!(
        store.get_statement(&slug("other"), ids[0]).await,
        Err(StoreError::NotFound(_))
    ));

    // A call for inputs, and inputs to it.
    let mut tx = store.begin().await.unwrap();
    let consultation = Consultation {
        process: slug("gcm"),
        slug: slug("online"),
        title: "Online consultation".into(),
        description: String::new(),
        opens_at: at("2017-05-01T00:00:00Z"),
        closes_at: Some(at("2017-06-01T00:00:00Z")),
        synthetic: true,
    };
    tx.insert_consultation(&consultation).await.unwrap();
    assert_eq!(
        tx.find_consultation(&slug("gcm"), &slug("online"))
            .await
            .unwrap(),
        Some(consultation.clone())
    );
    let input = |text: &str, external: Option<&str>| NewInput {
        process: slug("gcm"),
        consultation: slug("online"),
        author: None,
        organisation: Some("A network".into()),
        country: Some(code("CHE")),
        language: None,
        text: text.into(),
        external_id: external.map(str::to_owned),
        synthetic: true,
    };
    let first = tx
        .insert_input(
            &input("Protect the rights of migrant workers.", Some("row-1")),
            Language::En,
            true,
            Distribution::Public,
            at("2017-05-10T00:00:00Z"),
        )
        .await
        .unwrap();
    let hidden = tx
        .insert_input(
            &input("Un avis privé.", None),
            Language::Fr,
            false,
            Distribution::Secretariat,
            at("2017-05-11T00:00:00Z"),
        )
        .await
        .unwrap();
    assert_eq!(
        tx.find_input_by_external_id(&slug("gcm"), "row-1")
            .await
            .unwrap(),
        Some(first)
    );
    assert_eq!(
        tx.find_input_by_external_id(&slug("gcm"), "row-2")
            .await
            .unwrap(),
        None
    );
    let got = tx.find_input(first).await.unwrap().unwrap();
    assert_eq!(got.language, Language::En);
    assert!(got.language_detected);
    assert_eq!(got.country, Some(code("CHE")));
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_input(
            &input("Again", Some("row-1")),
            Language::En,
            false,
            Distribution::Public,
            at("2017-05-12T00:00:00Z"),
        )
        .await,
        "a second input with the same external id",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    let mut nowhere = input("To a consultation that does not exist.", None);
    nowhere.consultation = slug("missing");
    assert_conflict(
        tx.insert_input(
            &nowhere,
            Language::En,
            false,
            Distribution::Public,
            at("2017-05-12T00:00:00Z"),
        )
        .await,
        "an input to an unknown consultation",
    );
    drop(tx);
    assert_eq!(
        store.list_consultations(&slug("gcm")).await.unwrap(),
        vec![consultation]
    );
    let iq = |visible| InputQuery {
        process: slug("gcm"),
        consultation: Some(slug("online")),
        visible,
        after: None,
        limit: 50,
    };
    assert_eq!(store.list_inputs(&iq(None)).await.unwrap().items.len(), 2);
    let seen = store
        .list_inputs(&iq(public_reader("2017-06-01T00:00:00Z")))
        .await
        .unwrap();
    assert_eq!(seen.items.len(), 1);
    assert_eq!(seen.items[0].id, first);
    assert_eq!(
        store.get_input(&slug("gcm"), hidden).await.unwrap().text,
        "Un avis privé."
    );

    // Recommendations are seen only where their source is.
    let mut tx = store.begin().await.unwrap();
    let rec = |source, source_id, passage: &str| NewRecommendation {
        process: slug("gcm"),
        source,
        source_id,
        language: Language::En,
        passage: passage.into(),
        themes: vec![slug("objective-6")],
    };
    let r1 = rec(ItemKind::Statement, ids[0], "protect all migrants");
    let a = tx
        .insert_recommendation(&r1, 31, "Amina", at("2017-05-20T00:00:00Z"))
        .await
        .unwrap();
    tx.insert_recommendation(
        &rec(ItemKind::Statement, ids[2], "a secret"),
        0,
        "Amina",
        at("2017-05-20T00:00:00Z"),
    )
    .await
    .unwrap();
    let c = tx
        .insert_recommendation(
            &NewRecommendation {
                themes: vec![],
                ..rec(ItemKind::Input, first, "Protect the rights")
            },
            0,
            "Amina",
            at("2017-05-20T00:00:00Z"),
        )
        .await
        .unwrap();
    tx.insert_recommendation(
        &rec(ItemKind::Input, hidden, "Un avis"),
        0,
        "Amina",
        at("2017-05-20T00:00:00Z"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let rq = |visible, theme: Option<&str>| RecommendationQuery {
        process: slug("gcm"),
        source: None,
        theme: theme.map(slug),
        visible,
        after: None,
        limit: 50,
    };
    let ids_of = |p: Page<Recommendation>| p.items.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids_of(
            store
                .list_recommendations(&rq(public_reader("2017-06-01T00:00:00Z"), None))
                .await
                .unwrap()
        ),
        [a, c]
    );
    assert_eq!(
        store
            .list_recommendations(&rq(None, None))
            .await
            .unwrap()
            .items
            .len(),
        4
    );
    assert_eq!(
        ids_of(
            store
                .list_recommendations(&rq(
                    public_reader("2017-06-01T00:00:00Z"),
                    Some("objective-6")
                ))
                .await
                .unwrap()
        ),
        [a]
    );
    let first_rec = store
        .list_recommendations(&RecommendationQuery {
            source: Some((ItemKind::Statement, ids[0])),
            ..rq(None, None)
        })
        .await
        .unwrap();
    assert_eq!(first_rec.items.len(), 1);
    assert_eq!(first_rec.items[0].recommendation, r1);
    assert_eq!(first_rec.items[0].start, 31);
}

pub async fn drafts_versions_amendments_and_silence(store: &dyn Store) {
    use accord_domain::negotiation::*;
    seed(store, "gcm").await;
    let text = from_markdown(
        "# Compact\n\n## Preamble {#pre}\n\n1. We adopt this compact. {#p1}\n\n2. We commit to: {#p2}\n\n(a) collect data; {#p2a}\n",
        None,
    )
    .unwrap()
    .text;
    let wid = |s: &str| Wid::new(s).unwrap();
    let mut tx = store.begin().await.unwrap();
    let draft = Draft {
        id: 0,
        process: slug("gcm"),
        slug: slug("compact"),
        title: "Compact".into(),
        kind: DraftKind::NegotiatingText,
        symbol: None,
        simulated: true,
        created_at: at("2018-02-05T12:00:00Z"),
    };
    let draft_id = tx.insert_draft(&draft).await.unwrap();
    // A draft resolution, with its document symbol.
    let resolution = Draft {
        id: 0,
        slug: slug("endorsement"),
        title: "Endorsement of the compact".into(),
        kind: DraftKind::Resolution,
        symbol: Some("A/73/L.66".into()),
        simulated: false,
        ..draft.clone()
    };
    let resolution_id = tx.insert_draft(&resolution).await.unwrap();
    let version = Version {
        id: 0,
        draft: draft_id,
        seq: 1,
        label: "Zero draft".into(),
        issued_on: d("2018-02-05"),
        text: text.clone(),
        changes: vec![],
        content_sha256: "abc".into(),
        issued_by: "chair@example.org".into(),
        issued_at: at("2018-02-05T12:00:00Z"),
    };
    let v1 = tx.insert_version(&version).await.unwrap();
    let amendment = Amendment {
        id: 0,
        version: v1,
        number: 0,
        proposer: code("MEX"),
        co_sponsors: vec![code("CHE")],
        pending_co_sponsors: vec![],
        positions: vec![],
        operation: Operation::InsertText {
            node: wid("p1"),
            at: 3,
            text: "hereby ".into(),
        },
        justification: "Clarity".into(),
        status: AmendmentStatus::Tabled,
        outcome_note: String::new(),
        decided_at: None,
        carried_from: None,
        simulated: true,
        proposed_by: "delegate@example.org".into(),
        proposed_at: at("2018-02-20T10:00:00Z"),
    };
    let (a1, n1) = tx.insert_amendment(&amendment).await.unwrap();
    let (_, n2) = tx.insert_amendment(&amendment).await.unwrap();
    assert_eq!((n1, n2), (1, 2), "numbers run per version");
    // A co-sponsor's relation is never overwritten by a position.
    tx.set_position(a1, &code("CHE"), Stance::Object, at("2018-02-21T10:00:00Z"))
        .await
        .unwrap();
    tx.insert_actor(&state("FRA", "France")).await.unwrap();
    tx.set_position(a1, &code("FRA"), Stance::Object, at("2018-02-21T10:00:00Z"))
        .await
        .unwrap();
    tx.set_position(
        a1,
        &code("FRA"),
        Stance::Support,
        at("2018-02-22T10:00:00Z"),
    )
    .await
    .unwrap();
    tx.set_paragraph_status(
        v1,
        &StatusRecord {
            wid: wid("p2"),
            status: ParagraphStatus::Bracketed,
            options: vec!["Option 1".into(), "Option 2".into()],
            set_at: at("2018-02-23T10:00:00Z"),
        },
    )
    .await
    .unwrap();
    tx.set_paragraph_status(
        v1,
        &StatusRecord {
            wid: wid("p1"),
            status: ParagraphStatus::AgreedAdRef,
            options: vec![],
            set_at: at("2018-02-23T10:00:00Z"),
        },
    )
    .await
    .unwrap();
    let sid = tx
        .insert_silence(&SilenceProcedure {
            id: 0,
            version: v1,
            deadline: at("2018-07-10T22:00:00Z"),
            time_zone: "America/New_York".into(),
            opened_by: "sec@example.org".into(),
            opened_at: at("2018-07-09T12:00:00Z"),
            breaks: vec![],
            outcome: None,
            outcome_at: None,
        })
        .await
        .unwrap();
    tx.insert_silence_break(
        sid,
        &SilenceBreak {
            actor: code("MEX"),
            letter: "We break silence on paragraph 2.".into(),
            at: at("2018-07-10T15:00:00Z"),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(
        store.list_drafts(&slug("gcm")).await.unwrap(),
        [
            Draft {
                id: draft_id,
                ..draft
            },
            Draft {
                id: resolution_id,
                ..resolution
            }
        ]
    );
    let versions = store.list_versions(draft_id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].text, text, "the tree round-trips as JSON");
    assert_eq!(versions[0].issued_on, d("2018-02-05"));
    let listed = store.list_amendments(v1).await.unwrap();
    assert_eq!(listed.len(), 2);
    let a = store.get_amendment(a1).await.unwrap();
    assert_eq!(a.operation, amendment.operation);
    assert_eq!(a.co_sponsors, [code("CHE")]);
    assert_eq!(a.positions.len(), 1);
    assert_eq!(
        (a.positions[0].actor.as_str(), a.positions[0].stance),
        ("FRA", Stance::Support)
    );
    assert_eq!(listed[0].positions, a.positions);

    // A co-sponsor named by the proposer is pending until it confirms; it
    // may withdraw, named or confirmed.
    let mut tx = store.begin().await.unwrap();
    tx.insert_actor(&state("DEU", "Germany")).await.unwrap();
    let (a3, _) = tx
        .insert_amendment(&Amendment {
            co_sponsors: vec![],
            pending_co_sponsors: vec![code("DEU")],
            ..amendment.clone()
        })
        .await
        .unwrap();
    let found = tx.find_amendment(a3).await.unwrap().unwrap();
    assert_eq!(found.pending_co_sponsors, [code("DEU")]);
    assert!(found.co_sponsors.is_empty());
    let when = at("2018-02-22T10:00:00Z");
    assert!(tx
        .set_co_sponsorship(a3, &code("DEU"), true, when)
        .await
        .unwrap());
    assert!(
        !tx.set_co_sponsorship(a3, &code("DEU"), true, when)
            .await
            .unwrap(),
        "once"
    );
    assert!(
        !tx.set_co_sponsorship(a3, &code("MEX"), true, when)
            .await
            .unwrap(),
        "not named"
    );
    let found = tx.find_amendment(a3).await.unwrap().unwrap();
    assert_eq!(found.co_sponsors, [code("DEU")]);
    assert!(found.pending_co_sponsors.is_empty());
    assert!(tx
        .set_co_sponsorship(a3, &code("DEU"), false, when)
        .await
        .unwrap());
    let found = tx.find_amendment(a3).await.unwrap().unwrap();
    assert!(found.co_sponsors.is_empty() && found.pending_co_sponsors.is_empty());
    tx.commit().await.unwrap();
    let statuses = store.list_paragraph_statuses(v1).await.unwrap();
    assert_eq!(statuses.len(), 2);
    assert_eq!(statuses[1].options, ["Option 1", "Option 2"]);

    // Silence: due only after its deadline; the outcome is recorded once.
    assert!(store
        .due_silence_procedures(at("2018-07-10T21:59:59Z"))
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store
            .due_silence_procedures(at("2018-07-10T22:00:00Z"))
            .await
            .unwrap(),
        [sid]
    );
    let mut tx = store.begin().await.unwrap();
    tx.set_silence_outcome(sid, RecordedOutcome::Broken, at("2018-07-10T22:00:01Z"))
        .await
        .unwrap();
    tx.set_silence_outcome(
        sid,
        RecordedOutcome::AdoptedUnderSilence,
        at("2018-07-10T22:00:02Z"),
    )
    .await
    .unwrap();
    tx.set_amendment_status(
        a1,
        AmendmentStatus::Accepted,
        "as tabled",
        Some(at("2018-03-01T00:00:00Z")),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let procedures = store.list_silence_procedures(draft_id).await.unwrap();
    assert_eq!(procedures[0].outcome, Some(RecordedOutcome::Broken));
    assert_eq!(procedures[0].breaks[0].actor, code("MEX"));
    assert_eq!(procedures[0].time_zone, "America/New_York");
    assert_eq!(
        store.get_amendment(a1).await.unwrap().status,
        AmendmentStatus::Accepted
    );

    // The same text, or the same label, twice in one draft is refused.
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_version(&Version {
            seq: 2,
            label: "Rev.1".into(),
            ..version.clone()
        })
        .await,
        "same content twice",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_version(&Version {
            seq: 2,
            content_sha256: "def".into(),
            ..version.clone()
        })
        .await,
        "same label twice",
    );
}

/// The stocktaking: jobs and their progress; an analysis run written in
/// pieces and visible only once complete, with its campaigns, themes and
/// clusters; older runs deleted; the secretariat's labels, dismissals and
/// coverage links; the texts the analysis reads.
pub async fn stocktaking_jobs_runs_and_decisions(store: &dyn Store) {
    use accord_domain::negotiation::{Draft, DraftKind, Wid};
    use accord_domain::stocktaking::*;
    seed(store, "gcm").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut tx = store.begin().await.unwrap();
    for (n, c) in ["topic-1", "topic-2"].iter().enumerate() {
        tx.insert_theme(&Theme {
            process: slug("gcm"),
            code: slug(c),
            taxonomy: slug("thematic-sessions"),
            number: Some(n as u32 + 1),
            title: format!("Topic {}", n + 1),
            withdrawn_reason: None,
        })
        .await
        .unwrap();
    }
    tx.insert_consultation(&Consultation {
        process: slug("gcm"),
        slug: slug("online"),
        title: "Online".into(),
        description: String::new(),
        opens_at: at("2017-05-01T00:00:00Z"),
        closes_at: None,
        synthetic: true,
    })
    .await
    .unwrap();
    let mut inputs = vec![];
    for i in 0..5 {
        let input = NewInput {
            process: slug("gcm"),
            consultation: slug("online"),
            author: None,
            organisation: None,
            country: Some(code(if i % 2 == 0 { "MEX" } else { "CHE" })),
            language: Some(Language::En),
            text: format!("Input {i}: states should act."),
            external_id: Some(format!("x-{i}")),
            synthetic: true,
        };
        inputs.push(
            tx.insert_input(
                &input,
                Language::En,
                false,
                Distribution::Public,
                at("2017-05-02T00:00:00Z"),
            )
            .await
            .unwrap(),
        );
    }
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "s-1",
            MeetingKind::ThematicSession,
            "2017-05-08",
        ))
        .await
        .unwrap();
    let statement = tx
        .insert_statement(
            &NewStatement {
                process: slug("gcm"),
                meeting: mid,
                agenda_item: 1,
                actor: code("MEX"),
                on_behalf_of: None,
                title: "Statement".into(),
                delivered_on: d("2017-05-08"),
                distribution: Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            "Amina",
            at("2017-05-08T10:00:00Z"),
        )
        .await
        .unwrap();
    for (l, body) in [
        (Language::Es, "Los Estados deberían actuar."),
        (Language::En, "States should act."),
    ] {
        tx.put_text(
            ItemKind::Statement,
            statement,
            &ItemText::typed(l, body).unwrap(),
            at("2017-05-08T10:00:00Z"),
        )
        .await
        .unwrap();
    }
    let rec = tx
        .insert_recommendation(
            &NewRecommendation {
                process: slug("gcm"),
                source: ItemKind::Statement,
                source_id: statement,
                language: Language::En,
                passage: "States should act.".into(),
                themes: vec![],
            },
            0,
            "Amina",
            at("2017-05-09T00:00:00Z"),
        )
        .await
        .unwrap();
    let draft = tx
        .insert_draft(&Draft {
            id: 0,
            process: slug("gcm"),
            slug: slug("compact"),
            title: "Compact".into(),
            kind: DraftKind::NegotiatingText,
            symbol: None,
            simulated: false,
            created_at: at("2018-02-05T12:00:00Z"),
        })
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Batches: which external ids exist; many inputs in one statement.
    let mut tx = store.begin().await.unwrap();
    let mut known = tx
        .existing_external_ids(&slug("gcm"), &["x-1", "x-9", "x-3"])
        .await
        .unwrap();
    known.sort();
    assert_eq!(known, vec!["x-1".to_owned(), "x-3".to_owned()]);
    let more: Vec<NewInput> = (10..13)
        .map(|i| NewInput {
            process: slug("gcm"),
            consultation: slug("online"),
            author: None,
            organisation: None,
            country: None,
            language: Some(Language::Fr),
            text: format!("Contribution {i}."),
            external_id: Some(format!("x-{i}")),
            synthetic: true,
        })
        .collect();
    let rows: Vec<(&NewInput, Language, bool)> =
        more.iter().map(|i| (i, Language::Fr, false)).collect();
    let batch = tx
        .insert_inputs(&rows, Distribution::Public, at("2017-05-03T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(batch.len(), 3);
    assert!(batch[0] > inputs[4]);
    // The ids come in the order of the rows.
    for (id, input) in batch.iter().zip(&more) {
        let found = tx.find_input(*id).await.unwrap().unwrap();
        assert_eq!(found.text, input.text);
        assert_eq!(found.language, Language::Fr);
    }
    tx.commit().await.unwrap();
    inputs.extend(batch);

    // A restricted input: never in the (public) analysis.
    let mut tx = store.begin().await.unwrap();
    let restricted = tx
        .insert_input(
            &NewInput {
                process: slug("gcm"),
                consultation: slug("online"),
                author: None,
                organisation: None,
                country: None,
                language: Some(Language::En),
                text: "For member states only.".into(),
                external_id: None,
                synthetic: false,
            },
            Language::En,
            false,
            Distribution::Restricted,
            at("2017-05-02T00:00:00Z"),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let now = at("2017-06-01T00:00:00Z");
    // The texts the analysis reads: public inputs in pages; statements in English first.
    let page = store
        .analysis_texts(&slug("gcm"), ItemKind::Input, 0, 3, now)
        .await
        .unwrap();
    assert_eq!(page.iter().map(|x| x.id).collect::<Vec<_>>(), inputs[..3]);
    assert_eq!(page[0].origin.as_deref(), Some("MEX"));
    let rest = store
        .analysis_texts(&slug("gcm"), ItemKind::Input, inputs[2], 3, now)
        .await
        .unwrap();
    assert_eq!(rest.len(), 3);
    assert!(rest.iter().all(|x| x.id != restricted && x.synthetic));
    let st = store
        .analysis_texts(&slug("gcm"), ItemKind::Statement, 0, 10, now)
        .await
        .unwrap();
    assert_eq!(st.len(), 1, "one text per statement");
    assert_eq!(st[0].language, Language::En);
    assert_eq!(st[0].origin.as_deref(), Some("MEX"));

    // Jobs: progress while running; an ended job stays as it ended.
    let mut tx = store.begin().await.unwrap();
    let mut job = Job {
        id: 0,
        process: slug("gcm"),
        kind: JobKind::Analysis,
        status: JobStatus::Running,
        done: 0,
        total: None,
        message: "starting".into(),
        created_by: "Amina".into(),
        created_at: at("2017-06-01T00:00:00Z"),
        finished_at: None,
    };
    job.id = tx.insert_job(&job).await.unwrap();
    let other = tx
        .insert_job(&Job {
            kind: JobKind::ImportInputs,
            ..job.clone()
        })
        .await
        .unwrap();
    job.done = 3;
    job.total = Some(5);
    job.message = "reading".into();
    tx.update_job(&job).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.get_job(job.id).await.unwrap(), job);
    let mut tx = store.begin().await.unwrap();
    let ended = Job {
        status: JobStatus::Succeeded,
        finished_at: Some(at("2017-06-01T00:01:00Z")),
        message: "done".into(),
        ..job.clone()
    };
    tx.update_job(&ended).await.unwrap();
    tx.update_job(&Job {
        message: "late progress".into(),
        ..job.clone()
    })
    .await
    .unwrap();
    assert_eq!(
        tx.fail_running_jobs("stopped", at("2017-06-02T00:00:00Z"))
            .await
            .unwrap(),
        1
    );
    tx.commit().await.unwrap();
    assert_eq!(store.get_job(job.id).await.unwrap(), ended);
    let listed = store.list_jobs(&slug("gcm"), 10).await.unwrap();
    assert_eq!(
        listed.iter().map(|j| j.id).collect::<Vec<_>>(),
        vec![other, job.id]
    );
    assert_eq!(listed[0].status, JobStatus::Failed);
    assert_eq!(listed[0].message, "stopped");
    assert_eq!(
        store.job_counts().await.unwrap(),
        [(JobStatus::Failed, 1), (JobStatus::Succeeded, 1)],
        "counted by status, statuses with no job left out"
    );
    assert!(matches!(
        store.get_job(other + 100).await,
        Err(StoreError::NotFound(_))
    ));

    // A run, written in pieces, is invisible until complete.
    let stats = RunStats {
        synthetic: 5,
        languages: [("en".to_owned(), 5)].into(),
        regions: [("Americas".to_owned(), 3), ("Europe".to_owned(), 2)].into(),
        weeks: [(d("2017-05-01"), 5)].into(),
        statement_kinds: [("member_state".to_owned(), 1)].into(),
        who: vec![WhoSaidWhat {
            item_kind: ItemKind::Statement,
            actor_kind: Some("member_state".into()),
            actor: Some("MEX".into()),
            region: Some("Americas".into()),
            theme: Some(slug("topic-1")),
            items: 1,
        }],
    };
    let mut run = AnalysisRun {
        id: 0,
        process: slug("gcm"),
        job: Some(job.id),
        taxonomy: slug("thematic-sessions"),
        threshold: 0.7,
        inputs: 5,
        statements: 1,
        campaign_inputs: 3,
        campaigns: 1,
        assigned: 5,
        labels: 0,
        seconds: 0.0,
        stats: RunStats::default(),
        finished_at: at("2017-06-01T00:00:00Z"),
    };
    let mut tx = store.begin().await.unwrap();
    run.id = tx.insert_analysis_run(&run).await.unwrap();
    let campaign = Campaign {
        number: 1,
        size: 3,
        variants: 2,
        representative: inputs[0],
        language: Language::En,
        first_seen: at("2017-05-02T00:00:00Z"),
        last_seen: at("2017-05-03T00:00:00Z"),
        theme: Some(slug("topic-1")),
    };
    tx.insert_campaigns(run.id, std::slice::from_ref(&campaign))
        .await
        .unwrap();
    tx.insert_campaign_inputs(run.id, &[(inputs[0], 1), (inputs[1], 1), (inputs[2], 1)])
        .await
        .unwrap();
    let assignment = |kind, id, theme: Option<&str>, confidence| ThemeAssignment {
        item_kind: kind,
        item_id: id,
        theme: theme.map(slug),
        confidence,
    };
    tx.insert_theme_assignments(
        run.id,
        &[
            assignment(ItemKind::Input, inputs[0], Some("topic-1"), 0.6),
            assignment(ItemKind::Input, inputs[1], Some("topic-1"), 0.9),
            assignment(ItemKind::Input, inputs[2], None, 0.2),
            assignment(ItemKind::Statement, statement, Some("topic-1"), 0.8),
        ],
    )
    .await
    .unwrap();
    let cluster = ThemeCluster {
        theme: slug("topic-1"),
        number: 1,
        inputs: 4,
        key_phrases: vec!["states should".into(), "écrit « ça »".into()],
        representatives: vec![inputs[1], inputs[0]],
    };
    tx.insert_clusters(run.id, std::slice::from_ref(&cluster))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(store.latest_analysis(&slug("gcm")).await.unwrap(), None);
    let mut tx = store.begin().await.unwrap();
    run.stats = stats.clone();
    run.seconds = 1.5;
    tx.complete_analysis_run(&run).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store.latest_analysis(&slug("gcm")).await.unwrap(),
        Some(run.clone())
    );
    assert_eq!(
        store.list_campaigns(run.id, 10, 0).await.unwrap(),
        vec![campaign.clone()]
    );
    assert_eq!(store.get_campaign(run.id, 1).await.unwrap(), campaign);
    assert!(matches!(
        store.get_campaign(run.id, 2).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(
        store.campaign_of_input(run.id, inputs[1]).await.unwrap(),
        Some(campaign.clone())
    );
    assert_eq!(
        store.campaign_of_input(run.id, inputs[4]).await.unwrap(),
        None
    );
    assert_eq!(
        store.campaign_inputs(run.id, 1, 0, 2).await.unwrap(),
        inputs[..2]
    );
    assert_eq!(
        store
            .campaign_inputs(run.id, 1, inputs[1], 2)
            .await
            .unwrap(),
        vec![inputs[2]]
    );
    assert_eq!(
        store
            .item_theme(run.id, ItemKind::Statement, statement)
            .await
            .unwrap(),
        Some(assignment(
            ItemKind::Statement,
            statement,
            Some("topic-1"),
            0.8
        ))
    );
    assert_eq!(store.list_clusters(run.id).await.unwrap(), vec![cluster]);

    // A second run replaces the first; the first's results are gone.
    let mut tx = store.begin().await.unwrap();
    let mut second = AnalysisRun {
        id: 0,
        ..run.clone()
    };
    second.id = tx.insert_analysis_run(&second).await.unwrap();
    tx.complete_analysis_run(&second).await.unwrap();
    tx.delete_analysis_runs_before(&slug("gcm"), second.id)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store
            .latest_analysis(&slug("gcm"))
            .await
            .unwrap()
            .unwrap()
            .id,
        second.id
    );
    assert_eq!(
        store.campaign_of_input(run.id, inputs[1]).await.unwrap(),
        None
    );
    assert!(store.list_clusters(run.id).await.unwrap().is_empty());
    assert_eq!(
        store
            .item_theme(run.id, ItemKind::Input, inputs[0])
            .await
            .unwrap(),
        None
    );

    // The secretariat's decisions: one label per item (the latest wins), on a theme that exists.
    let label = |theme: &str| ThemeLabel {
        process: slug("gcm"),
        item_kind: ItemKind::Input,
        item_id: inputs[3],
        theme: slug(theme),
        labelled_by: "Amina".into(),
        labelled_at: at("2017-06-03T00:00:00Z"),
    };
    let mut tx = store.begin().await.unwrap();
    tx.set_theme_label(&label("topic-1")).await.unwrap();
    tx.set_theme_label(&label("topic-2")).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store.list_theme_labels(&slug("gcm")).await.unwrap(),
        vec![label("topic-2")]
    );
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.set_theme_label(&label("topic-9")).await,
        "a label on an unknown theme",
    );
    drop(tx);
    let dismissal = Dismissal {
        item_kind: ItemKind::Statement,
        item_id: statement,
        language: Language::En,
        start_char: 0,
        dismissed_by: "Amina".into(),
        dismissed_at: at("2017-06-03T00:00:00Z"),
    };
    let link = CoverageLink {
        recommendation: rec,
        draft,
        wid: Wid::new("para17").unwrap(),
        linked_by: "Co-facilitator".into(),
        linked_at: at("2018-03-01T00:00:00Z"),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_dismissal(&dismissal).await.unwrap();
    tx.insert_dismissal(&dismissal).await.unwrap();
    assert_eq!(tx.find_recommendation(rec).await.unwrap().unwrap().id, rec);
    assert!(tx.find_recommendation(rec + 100).await.unwrap().is_none());
    tx.insert_coverage_link(&link).await.unwrap();
    tx.insert_coverage_link(&link).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store
            .list_dismissals(ItemKind::Statement, statement)
            .await
            .unwrap(),
        vec![dismissal]
    );
    assert_eq!(
        store.list_coverage_links(&slug("gcm")).await.unwrap(),
        vec![link]
    );
    let mut tx = store.begin().await.unwrap();
    assert!(tx.delete_coverage_link(rec, draft, "para17").await.unwrap());
    assert!(!tx.delete_coverage_link(rec, draft, "para17").await.unwrap());
    tx.commit().await.unwrap();
    assert!(store
        .list_coverage_links(&slug("gcm"))
        .await
        .unwrap()
        .is_empty());
}

pub async fn adoptions_ballots_and_pledges(store: &dyn Store) {
    use accord_domain::adoption::*;
    use accord_domain::negotiation::{Draft, DraftKind, DraftText, Version};
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    let m = tx
        .insert_meeting(&meeting(
            "gcm",
            "plenary",
            MeetingKind::PlenaryMeeting,
            "2018-12-19",
        ))
        .await
        .unwrap();
    let draft = tx
        .insert_draft(&Draft {
            id: 0,
            process: slug("gcm"),
            slug: slug("compact"),
            title: "Compact".into(),
            kind: DraftKind::NegotiatingText,
            symbol: None,
            simulated: false,
            created_at: at("2018-07-13T12:00:00Z"),
        })
        .await
        .unwrap();
    let v = tx
        .insert_version(&Version {
            id: 0,
            draft,
            seq: 1,
            label: "Final".into(),
            issued_on: d("2018-07-13"),
            text: DraftText::default(),
            changes: vec![],
            content_sha256: "final".into(),
            issued_by: "chair@example.org".into(),
            issued_at: at("2018-07-13T12:00:00Z"),
        })
        .await
        .unwrap();
    let consensus = NewAdoption {
        process: slug("gcm"),
        meeting: m,
        version: v,
        title: "Adoption".into(),
        adopted_on: d("2018-12-19"),
        symbol: Some("A/CONF.1/1".into()),
        method: AdoptionMethod::Consensus,
        vote: None,
        endorses: None,
        note: None,
        as_it_stands: true,
        not_agreed: vec!["3".into(), "17".into()],
    };
    let first = tx
        .insert_adoption(&consensus, "sec@example.org", at("2018-12-19T15:00:00Z"))
        .await
        .unwrap();
    let voted = NewAdoption {
        title: "Endorsement".into(),
        symbol: Some("A/RES/1".into()),
        method: AdoptionMethod::RecordedVote,
        vote: Some(RecordedVote {
            majority: MajorityRule::TwoThirds,
            totals: Totals {
                yes: 1,
                no: 1,
                abstain: 0,
                not_voting: 0,
            },
            ballots: vec![Ballot {
                state: code("MEX"),
                vote: VoteChoice::Yes,
            }],
            open: false,
            present: Some(vec![code("MEX"), code("USA")]),
        }),
        endorses: Some(first),
        note: Some("Note.".into()),
        as_it_stands: false,
        not_agreed: vec![],
        ..consensus.clone()
    };
    let second = tx
        .insert_adoption(&voted, "sec@example.org", at("2018-12-19T16:00:00Z"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // The same state twice: the store refuses it too (and the unit of work
    // is dropped, as the app drops it).
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_ballots(
            second,
            &[Ballot {
                state: code("MEX"),
                vote: VoteChoice::No,
            }],
        )
        .await,
        "a second ballot by the same state",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.insert_ballots(
        second,
        &[Ballot {
            state: code("CHE"),
            vote: VoteChoice::No,
        }],
    )
    .await
    .unwrap();
    assert!(tx.meeting_by_id(m).await.unwrap().is_some());
    assert!(tx.meeting_by_id(m + 1000).await.unwrap().is_none());
    // The adoptions of the version, as the adoption guards read them.
    let of_version = tx.adoptions_of_version(v).await.unwrap();
    assert_eq!(
        of_version.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![first, second]
    );
    assert_eq!(of_version[0].not_agreed, vec!["3", "17"]);
    assert!(of_version[0].as_it_stands && !of_version[1].as_it_stands);
    assert!(tx.adoptions_of_version(v + 1000).await.unwrap().is_empty());
    tx.commit().await.unwrap();

    let list = store.list_adoptions(&slug("gcm")).await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].adoption, consensus);
    assert_eq!(list[0].entered_by, "sec@example.org");
    let got = store.get_adoption(&slug("gcm"), second).await.unwrap();
    let mut expected = voted.clone();
    expected.vote.as_mut().unwrap().ballots.push(Ballot {
        state: code("CHE"),
        vote: VoteChoice::No,
    });
    // Ballots by state code.
    expected
        .vote
        .as_mut()
        .unwrap()
        .ballots
        .sort_by(|a, b| a.state.cmp(&b.state));
    assert_eq!(got.adoption, expected);
    assert!(got.intentions.is_empty());
    assert!(matches!(
        store.get_adoption(&slug("other"), second).await,
        Err(StoreError::NotFound(_))
    ));

    // Statements of intention beside the ballots, read by state code; a
    // second by the same state is a conflict; the ballots stay as they were.
    let intention = |state: &str, vote: VoteChoice| VoteIntention {
        state: code(state),
        vote,
        entered_by: "sec@example.org".into(),
        entered_at: at("2018-12-20T09:00:00Z"),
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_vote_intention(second, &intention("MEX", VoteChoice::Yes))
        .await
        .unwrap();
    tx.insert_vote_intention(second, &intention("CHE", VoteChoice::Abstain))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_vote_intention(second, &intention("MEX", VoteChoice::No))
            .await,
        "a second statement of intention by the same state",
    );
    drop(tx);
    let got = store.get_adoption(&slug("gcm"), second).await.unwrap();
    assert_eq!(
        got.intentions,
        vec![
            intention("CHE", VoteChoice::Abstain),
            intention("MEX", VoteChoice::Yes)
        ]
    );
    assert_eq!(got.adoption, expected, "the ballots stand as recorded");
    assert!(store.list_adoptions(&slug("gcm")).await.unwrap()[0]
        .intentions
        .is_empty());

    // Statements linked to it.
    let mut tx = store.begin().await.unwrap();
    let st = tx
        .insert_statement(
            &NewStatement {
                process: slug("gcm"),
                meeting: m,
                agenda_item: 0,
                actor: code("MEX"),
                on_behalf_of: None,
                title: "Explanation of vote".into(),
                delivered_on: d("2018-12-19"),
                distribution: Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            "sec@example.org",
            at("2018-12-19T16:30:00Z"),
        )
        .await
        .unwrap();
    let link = AdoptionStatement {
        adoption: second,
        statement: st,
        kind: AdoptionStatementKind::ExplanationAfter,
    };
    tx.insert_adoption_statement(&link).await.unwrap();
    assert_eq!(
        tx.adoption_statements(second).await.unwrap(),
        vec![link.clone()]
    );
    tx.commit().await.unwrap();
    assert_eq!(
        store.list_adoption_statements(second).await.unwrap(),
        vec![link]
    );

    // Pledges: by objective, paged, with progress reports.
    let mut tx = store.begin().await.unwrap();
    let pledge = |actor: &str, objectives: Vec<u32>| NewPledge {
        process: slug("gcm"),
        actor: code(actor),
        objectives,
        title: format!("{actor} pledges"),
        description: "More pathways.".into(),
        made_on: d("2022-05-18"),
        status: PledgeStatus::Announced,
        meeting: Some(m),
        synthetic: true,
    };
    let p1 = tx
        .insert_pledge(
            &pledge("MEX", vec![5, 23]),
            "mex@example.org",
            at("2022-05-18T10:00:00Z"),
        )
        .await
        .unwrap();
    let p2 = tx
        .insert_pledge(
            &pledge("CHE", vec![5]),
            "che@example.org",
            at("2022-05-18T11:00:00Z"),
        )
        .await
        .unwrap();
    tx.insert_progress_report(
        p1,
        d("2024-05-01"),
        PledgeStatus::InProgress,
        "Two agreements signed.",
        "mex@example.org",
        at("2024-05-01T09:00:00Z"),
    )
    .await
    .unwrap();
    let found = tx.find_pledge(p1).await.unwrap().unwrap();
    assert_eq!(found.status, PledgeStatus::InProgress);
    assert_eq!(found.reports.len(), 1);
    tx.commit().await.unwrap();

    let five = store
        .list_pledges(&slug("gcm"), Some(5), None, 10)
        .await
        .unwrap();
    assert_eq!(
        five.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![p1, p2]
    );
    let twenty_three = store
        .list_pledges(&slug("gcm"), Some(23), None, 10)
        .await
        .unwrap();
    assert_eq!(twenty_three.items.len(), 1);
    assert_eq!(twenty_three.items[0].objectives, vec![5, 23]);
    assert_eq!(
        twenty_three.items[0].reports[0].text,
        "Two agreements signed."
    );
    let first_page = store
        .list_pledges(&slug("gcm"), None, None, 1)
        .await
        .unwrap();
    assert!(first_page.more);
    let rest = store
        .list_pledges(&slug("gcm"), None, Some(first_page.items[0].id), 1)
        .await
        .unwrap();
    assert_eq!(rest.items[0].id, p2);
    assert!(!rest.more);
    let got = store.get_pledge(&slug("gcm"), p2).await.unwrap();
    assert_eq!(got.pledge, pledge("CHE", vec![5]));
    assert!(got.reports.is_empty());
}

pub async fn meeting_changes_and_history(store: &dyn Store) {
    seed(store, "gcm").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut tx = store.begin().await.unwrap();
    let mut m = meeting(
        "gcm",
        "round-1",
        MeetingKind::NegotiationRound,
        "2018-07-12",
    );
    m.agenda = vec![
        AgendaItem {
            number: 1,
            title: "Opening".into(),
        },
        AgendaItem {
            number: 2,
            title: "Rev.2".into(),
        },
    ];
    let id = tx.insert_meeting(&m).await.unwrap();
    let other = tx
        .insert_meeting(&meeting(
            "gcm",
            "round-2",
            MeetingKind::NegotiationRound,
            "2018-08-01",
        ))
        .await
        .unwrap();
    tx.insert_statement(
        &NewStatement {
            process: slug("gcm"),
            meeting: id,
            agenda_item: 2,
            actor: code("MEX"),
            on_behalf_of: None,
            title: "On Rev.2".into(),
            delivered_on: d("2018-07-12"),
            distribution: Distribution::Public,
            embargo_until: None,
            synthetic: false,
        },
        "Amina",
        at("2018-07-12T10:00:00Z"),
    )
    .await
    .unwrap();
    assert_eq!(tx.agenda_items_in_use(id).await.unwrap(), vec![2]);
    assert!(tx.agenda_items_in_use(other).await.unwrap().is_empty());
    tx.commit().await.unwrap();

    let before = store.get_meeting(&slug("gcm"), id).await.unwrap();
    assert_eq!(before.status, MeetingStatus::Scheduled);
    let (next, kind, changes) = before
        .rescheduled(d("2018-07-19"), d("2018-07-20"), "The hall is needed")
        .unwrap();
    let mut next = next;
    next.meeting.title = "Sixth round".into();
    // The translations replaced whole: the Arabic one goes, a French one comes.
    assert!(next.title_translations.contains_key(&Language::Ar));
    next.meeting.title_translations = [(Language::Fr, "Sixième cycle".to_owned())].into();
    next.meeting.agenda = vec![AgendaItem {
        number: 2,
        title: "Rev.3".into(),
    }];
    next.meeting.venue = Some(Venue {
        name: None,
        city: "New York".into(),
        country: code("MEX"),
    });
    next.status = MeetingStatus::Cancelled;
    let mut tx = store.begin().await.unwrap();
    tx.update_meeting(&next).await.unwrap();
    let change = MeetingChange {
        meeting: id,
        kind,
        at: at("2018-07-01T09:30:00Z"),
        by: "A. Secretary".into(),
        reason: Some("The hall is needed".into()),
        changes,
    };
    tx.insert_meeting_change(&change).await.unwrap();
    let second = MeetingChange {
        meeting: id,
        kind: MeetingChangeKind::Cancelled,
        at: at("2018-07-02T09:30:00Z"),
        by: "A. Secretary".into(),
        reason: None,
        changes: vec![],
    };
    tx.insert_meeting_change(&second).await.unwrap();
    tx.commit().await.unwrap();

    let got = store.get_meeting(&slug("gcm"), id).await.unwrap();
    assert_eq!(
        got, next,
        "every field written, the agenda and the title's translations replaced whole"
    );
    assert_eq!(got.slug, slug("round-1"));
    assert_eq!(
        store.list_meeting_changes(id).await.unwrap(),
        vec![change, second],
        "the history in order, with each field before and after"
    );
    assert!(store.list_meeting_changes(other).await.unwrap().is_empty());
    let untouched = store.get_meeting(&slug("gcm"), other).await.unwrap();
    assert_eq!(untouched.status, MeetingStatus::Scheduled);
    assert_eq!(untouched.title, "Meeting round-2");
}

pub async fn consultation_closing_keeps_its_reason(store: &dyn Store) {
    seed(store, "gcm").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let call = |name: &str| Consultation {
        process: slug("gcm"),
        slug: slug(name),
        title: format!("Call {name}"),
        description: String::new(),
        opens_at: at("2018-06-01T00:00:00Z"),
        closes_at: Some(at("2018-08-01T00:00:00Z")),
        synthetic: false,
    };
    let mut tx = store.begin().await.unwrap();
    tx.insert_consultation(&call("online")).await.unwrap();
    tx.insert_consultation(&call("other")).await.unwrap();
    tx.set_consultation_closing(
        &slug("gcm"),
        &slug("online"),
        at("2018-07-01T09:00:00Z"),
        Some("Enough inputs"),
    )
    .await
    .unwrap();
    tx.set_consultation_closing(
        &slug("gcm"),
        &slug("other"),
        at("2018-09-01T00:00:00Z"),
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        tx.consultation_closed_reason(&slug("gcm"), &slug("online"))
            .await
            .unwrap()
            .as_deref(),
        Some("Enough inputs")
    );
    assert_eq!(
        tx.consultation_closed_reason(&slug("gcm"), &slug("other"))
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();
    let calls = store.list_consultations(&slug("gcm")).await.unwrap();
    let closes: Vec<_> = calls
        .iter()
        .map(|c| (c.slug.as_str(), c.closes_at))
        .collect();
    assert_eq!(
        closes,
        [
            ("online", Some(at("2018-07-01T09:00:00Z"))),
            ("other", Some(at("2018-09-01T00:00:00Z")))
        ]
    );
    assert_eq!(
        store.consultation_closures(&slug("gcm")).await.unwrap(),
        vec![(slug("online"), "Enough inputs".to_owned())]
    );
}

pub async fn documents_edited_and_withdrawn_with_history(store: &dyn Store) {
    seed(store, "gcm").await;
    seed(store, "other").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut tx = store.begin().await.unwrap();
    let round = tx
        .insert_meeting(&meeting(
            "gcm",
            "round-1",
            MeetingKind::NegotiationRound,
            "2018-07-12",
        ))
        .await
        .unwrap();
    let new = |s: &str| NewDocument {
        process: slug("gcm"),
        slug: slug(s),
        symbol: None,
        title: format!("Document {s}"),
        kind: DocumentKind::ConceptNote,
        date: d("2018-07-01"),
        languages: vec![Language::En],
        distribution: Distribution::Public,
        embargo_until: None,
        meeting: None,
    };
    let id = tx.insert_document(&new("note"), None).await.unwrap();
    let kept = tx.insert_document(&new("kept"), None).await.unwrap();
    assert_eq!(
        tx.document_by_id(&slug("other"), id).await.unwrap(),
        None,
        "another process's"
    );
    let mut doc = tx.document_by_id(&slug("gcm"), id).await.unwrap().unwrap();
    assert_eq!(doc.withdrawn_reason, None);
    doc.document.symbol = Some(Symbol::new("A/CONF.231/1").unwrap());
    doc.document.title = "Concept note".into();
    doc.document.kind = DocumentKind::Programme;
    doc.document.languages = vec![Language::En, Language::Fr];
    doc.document.distribution = Distribution::Restricted;
    doc.document.embargo_until = Some(at("2018-07-10T12:00:00Z"));
    doc.document.meeting = Some(slug("round-1"));
    doc.withdrawn_reason = Some("Issued in error".into());
    tx.update_document(&doc, Some(round)).await.unwrap();
    let change = RecordChange {
        subject: format!("document:{id}"),
        kind: ChangeKind::Withdrawn,
        at: at("2018-07-02T09:30:00Z"),
        by: "A. Secretary".into(),
        reason: Some("Issued in error".into()),
        changes: vec![FieldChange {
            field: "status".into(),
            before: "standing".into(),
            after: "withdrawn".into(),
        }],
    };
    tx.insert_record_change(&slug("gcm"), &change)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    assert_eq!(
        store.get_document(&slug("gcm"), id).await.unwrap(),
        doc,
        "every field written"
    );
    assert_eq!(
        store
            .list_record_changes(&slug("gcm"), &format!("document:{id}"))
            .await
            .unwrap(),
        vec![change]
    );
    assert!(store
        .list_record_changes(&slug("other"), &format!("document:{id}"))
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .list_record_changes(&slug("gcm"), &format!("document:{kept}"))
        .await
        .unwrap()
        .is_empty());
    // Lists leave a withdrawn document out unless asked.
    let q = |withdrawn: bool| DocumentQuery {
        process: slug("gcm"),
        kind: None,
        meeting: None,
        withdrawn,
        visible: None,
        after: None,
        limit: 50,
    };
    let ids = |p: Page<Document>| p.items.iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(ids(store.list_documents(&q(false)).await.unwrap()), [kept]);
    assert_eq!(
        ids(store.list_documents(&q(true)).await.unwrap()),
        [id, kept]
    );
}

/// Two versions of a text in a language: the one that stands in `texts`,
/// the other kept beside it (with the choice once made); both pending
/// extractions are found after a restart.
pub async fn other_versions_of_a_text(store: &dyn Store) {
    seed(store, "gcm").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut tx = store.begin().await.unwrap();
    let mid = tx
        .insert_meeting(&meeting(
            "gcm",
            "session-1",
            MeetingKind::ThematicSession,
            "2017-05-08",
        ))
        .await
        .unwrap();
    let id = tx
        .insert_statement(
            &NewStatement {
                process: slug("gcm"),
                meeting: mid,
                agenda_item: 0,
                actor: code("MEX"),
                on_behalf_of: None,
                title: "Statement".into(),
                delivered_on: d("2017-05-08"),
                distribution: Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            "Amina",
            at("2017-05-08T10:00:00Z"),
        )
        .await
        .unwrap();
    let file = StoredFile {
        sha256: "ef".repeat(32),
        size: 99,
        content_type: "application/pdf".into(),
        filename: "statement-en.pdf".into(),
    };
    tx.insert_file(&file, at("2017-05-08T10:00:00Z"))
        .await
        .unwrap();
    let mut typed = ItemText::typed(Language::En, "Mr. Chair, thank you.").unwrap();
    typed.looks_like = Some(Language::Es);
    let from_file = ItemText {
        language: Language::En,
        body: String::new(),
        blocks: vec![],
        file: Some(file.clone()),
        status: TextStatus::Pending,
        diagnostics: vec![],
        language_detected: false,
        looks_like: None,
    };
    // No version beside a text that does not stand.
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.put_other_version(
            ItemKind::Statement,
            id,
            &from_file,
            None,
            at("2017-05-08T11:00:00Z"),
        )
        .await,
        "a version beside no standing text",
    );
    drop(tx);
    let mut tx = store.begin().await.unwrap();
    tx.put_text(ItemKind::Statement, id, &typed, at("2017-05-08T10:00:00Z"))
        .await
        .unwrap();
    tx.put_other_version(
        ItemKind::Statement,
        id,
        &from_file,
        None,
        at("2017-05-08T11:00:00Z"),
    )
    .await
    .unwrap();
    let beside = tx
        .find_other_version(ItemKind::Statement, id, Language::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(beside.text, from_file);
    assert_eq!(beside.chosen, None, "the choice is open");
    assert_eq!(
        tx.find_other_version(ItemKind::Statement, id, Language::Fr)
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();
    assert_eq!(
        store.list_texts(ItemKind::Statement, id).await.unwrap(),
        vec![typed.clone()],
        "the typed text stands, its flag kept"
    );
    let pending = store.list_pending_texts().await.unwrap();
    assert_eq!(
        pending,
        vec![(ItemKind::Statement, id, from_file.clone())],
        "a file kept beside is read after a restart too"
    );

    // The choice recorded; the versions change places.
    let choice = VersionChoice {
        by: "Amina".into(),
        at: at("2017-05-09T09:00:00Z"),
    };
    let mut read = from_file.clone();
    read.status = TextStatus::Ready;
    read.body = "Mr. Chair, thank you for this session.".into();
    let mut tx = store.begin().await.unwrap();
    tx.put_text(ItemKind::Statement, id, &read, choice.at)
        .await
        .unwrap();
    tx.put_other_version(ItemKind::Statement, id, &typed, Some(&choice), choice.at)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        store.list_texts(ItemKind::Statement, id).await.unwrap(),
        vec![read]
    );
    assert_eq!(
        store
            .list_other_versions(ItemKind::Statement, id)
            .await
            .unwrap(),
        vec![OtherVersion {
            text: typed,
            chosen: Some(choice),
        }]
    );
    assert!(store.list_pending_texts().await.unwrap().is_empty());
    assert!(store
        .list_other_versions(ItemKind::Document, id)
        .await
        .unwrap()
        .is_empty());
}

pub async fn themes_edited_and_withdrawn_with_history(store: &dyn Store) {
    seed(store, "gcm").await;
    seed(store, "other").await;
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let theme = |process: &str, code: &str| Theme {
        process: slug(process),
        code: slug(code),
        taxonomy: slug("objectives"),
        number: Some(7),
        title: format!("Theme {code} of {process}"),
        withdrawn_reason: None,
    };
    let mut tx = store.begin().await.unwrap();
    for t in [
        theme("gcm", "objective-7"),
        theme("gcm", "objective-8"),
        theme("other", "objective-7"),
    ] {
        tx.insert_theme(&t).await.unwrap();
    }
    let mut edited = tx
        .find_theme(&slug("gcm"), &slug("objective-7"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(edited, theme("gcm", "objective-7"));
    edited.title = "Reduce vulnerabilities".into();
    edited.number = Some(3);
    edited.withdrawn_reason = Some("Merged into objective 8".into());
    tx.update_theme(&edited).await.unwrap();
    assert_eq!(
        tx.find_theme(&slug("gcm"), &slug("objective-7"))
            .await
            .unwrap()
            .as_ref(),
        Some(&edited),
        "the transaction sees its own write"
    );
    let change = RecordChange {
        subject: "theme:objective-7".into(),
        kind: ChangeKind::Withdrawn,
        at: at("2018-07-02T09:30:00Z"),
        by: "A. Secretary".into(),
        reason: Some("Merged into objective 8".into()),
        changes: vec![FieldChange {
            field: "status".into(),
            before: "standing".into(),
            after: "withdrawn".into(),
        }],
    };
    tx.insert_record_change(&slug("gcm"), &change)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Every field written; the other process's theme of the same code and
    // the process's other theme untouched; withdrawn themes still listed.
    assert_eq!(
        store.list_themes(&slug("gcm")).await.unwrap(),
        vec![edited, theme("gcm", "objective-8")]
    );
    assert_eq!(
        store.list_themes(&slug("other")).await.unwrap(),
        vec![theme("other", "objective-7")]
    );
    assert_eq!(
        store
            .list_record_changes(&slug("gcm"), "theme:objective-7")
            .await
            .unwrap(),
        vec![change]
    );
    for (process, subject) in [("other", "theme:objective-7"), ("gcm", "theme:objective-8")] {
        assert!(store
            .list_record_changes(&slug(process), subject)
            .await
            .unwrap()
            .is_empty());
    }
}

pub async fn paragraph_votes_and_oral_changes(store: &dyn Store) {
    use accord_domain::adoption::*;
    use accord_domain::negotiation::{Draft, DraftKind, DraftText, Version, Wid};
    seed(store, "gcm").await;
    let mut tx = store.begin().await.unwrap();
    let m = tx
        .insert_meeting(&meeting(
            "gcm",
            "conference",
            MeetingKind::Conference,
            "2018-12-10",
        ))
        .await
        .unwrap();
    let other = tx
        .insert_meeting(&meeting(
            "gcm",
            "plenary",
            MeetingKind::PlenaryMeeting,
            "2018-12-19",
        ))
        .await
        .unwrap();
    let draft = tx
        .insert_draft(&Draft {
            id: 0,
            process: slug("gcm"),
            slug: slug("compact"),
            title: "Compact".into(),
            kind: DraftKind::NegotiatingText,
            symbol: None,
            simulated: false,
            created_at: at("2018-07-13T12:00:00Z"),
        })
        .await
        .unwrap();
    let v = tx
        .insert_version(&Version {
            id: 0,
            draft,
            seq: 1,
            label: "Final".into(),
            issued_on: d("2018-07-13"),
            text: DraftText::default(),
            changes: vec![],
            content_sha256: "final".into(),
            issued_by: "chair@example.org".into(),
            issued_at: at("2018-07-13T12:00:00Z"),
        })
        .await
        .unwrap();
    let wid = |w: &str| Wid::new(w).unwrap();
    // A vote kept whole: rule, totals, ballots and presence.
    let recorded = RecordedVote {
        majority: MajorityRule::TwoThirds,
        totals: Totals {
            yes: 1,
            no: 1,
            abstain: 0,
            not_voting: 0,
        },
        ballots: vec![
            Ballot {
                state: code("CHE"),
                vote: VoteChoice::No,
            },
            Ballot {
                state: code("MEX"),
                vote: VoteChoice::Yes,
            },
        ],
        open: false,
        present: Some(vec![code("CHE"), code("MEX")]),
    };
    let separate = ParagraphVote {
        id: 0,
        process: slug("gcm"),
        meeting: m,
        version: v,
        paragraph: wid("p23"),
        number: "23.".into(),
        requested_by: code("CHE"),
        voted_on: d("2018-12-10"),
        vote: recorded.clone(),
        result: ParagraphVoteResult::Deleted,
        created_by: "sec@example.org".into(),
        created_at: at("2018-12-10T15:00:00Z"),
    };
    let first = tx.insert_paragraph_vote(&separate).await.unwrap();
    let retained = ParagraphVote {
        paragraph: wid("p5"),
        number: "5.".into(),
        result: ParagraphVoteResult::Retained,
        vote: RecordedVote {
            present: None,
            ballots: vec![],
            majority: MajorityRule::Simple,
            totals: Totals {
                yes: 2,
                no: 0,
                abstain: 0,
                not_voting: 0,
            },
            open: false,
        },
        ..separate.clone()
    };
    let second = tx.insert_paragraph_vote(&retained).await.unwrap();
    // The unit of work reads its own writes.
    assert_eq!(
        tx.paragraph_votes_at(m)
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect::<Vec<_>>(),
        vec![first, second]
    );
    let amendment = OralChange {
        id: 0,
        process: slug("gcm"),
        meeting: m,
        version: v,
        paragraph: wid("p5"),
        number: "5.".into(),
        kind: OralChangeKind::OralAmendment,
        moved_by: code("MEX"),
        moved_on: d("2018-12-10"),
        text: "Insert \"safe\" before \"return\" — ‘quoted’ in full.".into(),
        outcome: OralChangeOutcome::Rejected,
        vote: Some(recorded.clone()),
        created_by: "sec@example.org".into(),
        created_at: at("2018-12-10T14:00:00Z"),
    };
    let a = tx.insert_oral_change(&amendment).await.unwrap();
    let revision = OralChange {
        kind: OralChangeKind::OralRevision,
        outcome: OralChangeOutcome::Accepted,
        vote: None,
        moved_by: code("CHE"),
        ..amendment.clone()
    };
    let r = tx.insert_oral_change(&revision).await.unwrap();
    tx.commit().await.unwrap();

    // Once per paragraph of the version at the meeting: the store refuses
    // a second too.
    let mut tx = store.begin().await.unwrap();
    assert_conflict(
        tx.insert_paragraph_vote(&separate).await,
        "a second separate vote on the paragraph at the meeting",
    );
    drop(tx);
    // The same paragraph at another meeting is another vote.
    let mut tx = store.begin().await.unwrap();
    let elsewhere = tx
        .insert_paragraph_vote(&ParagraphVote {
            meeting: other,
            ..separate.clone()
        })
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let got = store.list_paragraph_votes(m).await.unwrap();
    assert_eq!(
        got,
        vec![
            ParagraphVote {
                id: first,
                ..separate.clone()
            },
            ParagraphVote {
                id: second,
                ..retained
            }
        ],
        "the vote round-trips whole: rule, totals, ballots, presence"
    );
    assert_eq!(
        store
            .list_paragraph_votes(other)
            .await
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect::<Vec<_>>(),
        vec![elsewhere]
    );
    assert!(store
        .list_paragraph_votes(m + 1000)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store.list_oral_changes(m).await.unwrap(),
        vec![
            OralChange { id: a, ..amendment },
            OralChange { id: r, ..revision }
        ]
    );
    assert!(store.list_oral_changes(other).await.unwrap().is_empty());
}

struct Collected(Vec<portable::Item>);

#[async_trait::async_trait]
impl portable::DumpSink for Collected {
    async fn put(&mut self, item: portable::Item) -> Result<()> {
        self.0.push(item);
        Ok(())
    }
}

struct Given(std::vec::IntoIter<portable::Item>);

#[async_trait::async_trait]
impl portable::LoadSource for Given {
    async fn next(&mut self) -> Result<Option<portable::Item>> {
        Ok(self.0.next())
    }
}

async fn dumped(store: &dyn Store) -> Vec<portable::Item> {
    let mut sink = Collected(vec![]);
    store.dump(&mut sink).await.unwrap();
    sink.0
}

/// The rows a dump holds for one table.
fn rows_of<'a>(items: &'a [portable::Item], table: &str) -> Vec<&'a Vec<portable::Cell>> {
    let mut out = vec![];
    let mut inside = false;
    for item in items {
        match item {
            portable::Item::Table(h) => inside = h.name == table,
            portable::Item::Row(r) if inside => out.push(r),
            _ => {}
        }
    }
    out
}

pub async fn whole_stores_dump_and_load(store: &dyn Store) {
    use portable::{Cell, Item, TableHeader};
    let empty = store.table_counts().await.unwrap();
    assert!(portable::is_empty(&empty), "{empty:?}");
    assert_eq!(empty.get("audit_head"), Some(&1));
    assert!(empty.contains_key("processes"));
    assert!(!empty.contains_key("_sqlx_migrations"));

    let fresh = dumped(store).await;
    let Some(Item::Schema { migrations }) = fresh.first() else {
        panic!("a dump begins with its schema");
    };
    assert!(migrations.len() >= 23 && migrations.windows(2).all(|w| w[0] < w[1]));
    let order: Vec<&str> = fresh
        .iter()
        .filter_map(|i| match i {
            Item::Table(h) => Some(h.name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(order.len(), empty.len(), "every table once");
    let at = |t: &str| order.iter().position(|x| *x == t).unwrap();
    assert!(at("processes") < at("meetings"));
    assert!(at("meetings") < at("agenda_items"));
    assert!(at("drafts") < at("draft_versions") && at("draft_versions") < at("amendments"));

    // Refused, and nothing written: another schema, a table this store
    // lacks, a row of the wrong length, a value no column holds.
    let with = |f: &dyn Fn(&mut Vec<Item>)| {
        let mut v = fresh.clone();
        f(&mut v);
        v
    };
    let header = |name: &str, columns: &[&str]| {
        Item::Table(TableHeader {
            name: name.into(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        })
    };
    let bad = [
        with(&|v| {
            v[0] = Item::Schema {
                migrations: vec![1, 2],
            }
        }),
        with(&|v| v.truncate(0)),
        with(&|v| v.push(header("no_such_table", &["a"]))),
        with(&|v| {
            v.push(header("actors_x", &["code"]));
        }),
        vec![
            fresh[0].clone(),
            header(
                "themes",
                &[
                    "process",
                    "code",
                    "taxonomy",
                    "number",
                    "title",
                    "withdrawn_reason",
                ],
            ),
            Item::Row(vec![Cell::from("gcm")]),
        ],
        vec![
            fresh[0].clone(),
            header(
                "themes",
                &[
                    "process",
                    "code",
                    "taxonomy",
                    "number",
                    "title",
                    "withdrawn_reason",
                ],
            ),
            Item::Row(vec![
                Cell::from("gcm"),
                Cell::from("t"),
                Cell::from("x"),
                Cell::from(vec![Cell::from(1)]),
                Cell::from("T"),
                Cell::Null,
            ]),
        ],
        // A row whose process does not exist: its foreign key fails.
        vec![
            fresh[0].clone(),
            header(
                "themes",
                &[
                    "process",
                    "code",
                    "taxonomy",
                    "number",
                    "title",
                    "withdrawn_reason",
                ],
            ),
            Item::Row(vec![
                Cell::from("nowhere"),
                Cell::from("t"),
                Cell::from("x"),
                Cell::from(1),
                Cell::from("T"),
                Cell::Null,
            ]),
        ],
    ];
    for (n, items) in bad.into_iter().enumerate() {
        assert!(
            store.load(&mut Given(items.into_iter())).await.is_err(),
            "bad dump {n} was loaded"
        );
        assert_eq!(store.table_counts().await.unwrap(), empty, "bad dump {n}");
    }

    // A dump loads into an empty store, its seeded rows replaced.
    let loaded = store
        .load(&mut Given(fresh.clone().into_iter()))
        .await
        .unwrap();
    assert_eq!(loaded, empty);
    assert_eq!(dumped(store).await, fresh);

    // Rows written are dumped; a store with rows takes no load.
    seed(store, "gcm").await;
    let full = dumped(store).await;
    let processes = rows_of(&full, "processes");
    assert_eq!(processes.len(), 1);
    assert!(processes[0].contains(&Cell::from("gcm")));
    let counts = store.table_counts().await.unwrap();
    assert_eq!(counts["processes"], 1);
    assert!(!portable::is_empty(&counts));
    match store.load(&mut Given(full.into_iter())).await {
        Err(StoreError::Conflict(m)) => assert!(m.contains("not empty"), "{m}"),
        other => panic!("a full store took a load: {other:?}"),
    }
    assert_eq!(store.table_counts().await.unwrap(), counts);
}

/// Jobs across servers: a job is held by one server's lease, renewed while
/// it runs, taken over once the lease runs out (and only then, by one
/// server), finished only by the server holding it, failed when it cannot
/// be started again or was taken too often; leases are let go at shutdown.
pub async fn jobs_are_leased_claimed_and_finished_once(store: &dyn Store) {
    use accord_domain::stocktaking::*;
    use accord_store::{AbandonedJobs, JobLease};
    seed(store, "gcm").await;
    let t = |s: u32| at("2017-06-01T00:00:00Z") + chrono::Duration::seconds(i64::from(s));
    let lease = |owner: &str, until: u32| JobLease {
        owner: owner.into(),
        until: t(until),
    };
    let why = AbandonedJobs {
        not_resumable: "the server running it stopped",
        exhausted: "tried too often",
        max_attempts: 2,
    };
    let job = Job {
        id: 0,
        process: slug("gcm"),
        kind: JobKind::Analysis,
        status: JobStatus::Running,
        done: 0,
        total: None,
        message: "starting".into(),
        created_by: "Amina".into(),
        created_at: t(0),
        finished_at: None,
    };
    let mut tx = store.begin().await.unwrap();
    let analysis = tx
        .insert_leased_job(&job, Some(r#"{"threshold":0.7}"#), &lease("a", 30))
        .await
        .unwrap();
    let import = tx
        .insert_leased_job(
            &Job {
                kind: JobKind::ImportInputs,
                ..job.clone()
            },
            None,
            &lease("a", 30),
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Held: nobody else takes it, nothing is failed.
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.claim_job(&lease("b", 60), t(10), 2).await.unwrap(), None);
    assert!(tx.fail_abandoned_jobs(why, t(10)).await.unwrap().is_empty());
    // The holder renews; another server cannot.
    assert!(tx.renew_job_lease(analysis, &lease("a", 40)).await.unwrap());
    assert!(!tx.renew_job_lease(analysis, &lease("b", 90)).await.unwrap());
    assert_eq!(tx.claim_job(&lease("b", 60), t(35), 2).await.unwrap(), None);
    tx.commit().await.unwrap();

    // Expired: the resumable job is taken over once, the other one failed.
    let mut tx = store.begin().await.unwrap();
    let failed = tx.fail_abandoned_jobs(why, t(41)).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].id, import);
    assert_eq!(failed[0].status, JobStatus::Failed);
    assert_eq!(failed[0].message, "the server running it stopped");
    assert_eq!(failed[0].finished_at, Some(t(41)));
    let claimed = tx
        .claim_job(&lease("b", 71), t(41), 2)
        .await
        .unwrap()
        .expect("an expired resumable job is taken over");
    assert_eq!(claimed.job.id, analysis);
    assert_eq!(claimed.args.as_deref(), Some(r#"{"threshold":0.7}"#));
    assert_eq!(claimed.attempts, 2);
    assert_eq!(claimed.job.status, JobStatus::Running);
    assert_eq!(tx.claim_job(&lease("c", 71), t(41), 5).await.unwrap(), None);
    tx.commit().await.unwrap();

    // The old holder lost it: no renewal, no finishing.
    let mut tx = store.begin().await.unwrap();
    assert!(!tx.renew_job_lease(analysis, &lease("a", 90)).await.unwrap());
    let by_a = Job {
        status: JobStatus::Succeeded,
        message: "done by a".into(),
        finished_at: Some(t(50)),
        ..claimed.job.clone()
    };
    assert!(!tx.finish_leased_job(&by_a, "a").await.unwrap());
    tx.commit().await.unwrap();
    assert_eq!(
        store.get_job(analysis).await.unwrap().status,
        JobStatus::Running
    );

    // Released at shutdown: taken at once, before the lease would run out;
    // after `max_attempts` it is failed instead.
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.release_job_leases(Some("a")).await.unwrap(), 0);
    assert_eq!(tx.release_job_leases(Some("b")).await.unwrap(), 1);
    assert_eq!(
        tx.claim_job(&lease("c", 90), t(51), 2).await.unwrap(),
        None,
        "tried twice"
    );
    let failed = tx.fail_abandoned_jobs(why, t(51)).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].message, "tried too often");
    tx.commit().await.unwrap();

    // A job finishes exactly once, by its holder.
    let mut tx = store.begin().await.unwrap();
    let third = tx
        .insert_leased_job(&job, Some("{}"), &lease("a", 30))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let done = Job {
        id: third,
        status: JobStatus::Succeeded,
        done: 7,
        total: Some(7),
        message: "done".into(),
        finished_at: Some(t(20)),
        ..job.clone()
    };
    assert!(tx.finish_leased_job(&done, "a").await.unwrap());
    assert!(!tx
        .finish_leased_job(
            &Job {
                status: JobStatus::Failed,
                message: "twice".into(),
                ..done.clone()
            },
            "a"
        )
        .await
        .unwrap());
    tx.commit().await.unwrap();
    assert_eq!(store.get_job(third).await.unwrap(), done);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.claim_job(&lease("b", 90), t(99), 5).await.unwrap(), None);
    assert!(tx.fail_abandoned_jobs(why, t(99)).await.unwrap().is_empty());
    // Every lease let go (SQLite's one server, at start): a job is taken.
    let fourth = tx
        .insert_leased_job(&job, Some("{}"), &lease("a", 900))
        .await
        .unwrap();
    assert_eq!(tx.release_job_leases(None).await.unwrap(), 1);
    let claimed = tx.claim_job(&lease("b", 90), t(60), 5).await.unwrap();
    assert_eq!(claimed.map(|c| c.job.id), Some(fourth));
    tx.commit().await.unwrap();
}

/// Two servers claiming at the same moment take different jobs (PostgreSQL
/// skips a row another unit holds; SQLite's units take turns).
pub async fn concurrent_claims_take_different_jobs(store: &dyn Store) {
    use accord_domain::stocktaking::*;
    use accord_store::JobLease;
    seed(store, "gcm").await;
    let now = at("2017-06-01T00:00:00Z");
    let job = Job {
        id: 0,
        process: slug("gcm"),
        kind: JobKind::Analysis,
        status: JobStatus::Running,
        done: 0,
        total: None,
        message: "starting".into(),
        created_by: "Amina".into(),
        created_at: now,
        finished_at: None,
    };
    let mut tx = store.begin().await.unwrap();
    for _ in 0..2 {
        tx.insert_leased_job(
            &job,
            Some("{}"),
            &JobLease {
                owner: "gone".into(),
                until: now,
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let lease = |owner: &str| JobLease {
        owner: owner.into(),
        until: now + chrono::Duration::seconds(30),
    };
    let later = now + chrono::Duration::seconds(1);
    let mut first = store.begin().await.unwrap();
    let a = first
        .claim_job(&lease("a"), later, 5)
        .await
        .unwrap()
        .unwrap();
    if store.backend() == "postgres" {
        // The first unit is still open: its row is skipped, not waited on.
        let mut second = store.begin().await.unwrap();
        let b = second
            .claim_job(&lease("b"), later, 5)
            .await
            .unwrap()
            .unwrap();
        assert_ne!(a.job.id, b.job.id);
        // The advisory lock: one unit at a time, none waits.
        assert!(second.try_lock(7).await.unwrap());
        assert!(!first.try_lock(7).await.unwrap());
        second.commit().await.unwrap();
        assert!(first.try_lock(7).await.unwrap());
        first.commit().await.unwrap();
    } else {
        assert!(first.try_lock(7).await.unwrap());
        first.commit().await.unwrap();
        let mut second = store.begin().await.unwrap();
        let b = second
            .claim_job(&lease("b"), later, 5)
            .await
            .unwrap()
            .unwrap();
        assert_ne!(a.job.id, b.job.id);
        second.commit().await.unwrap();
    }
    let mut tx = store.begin().await.unwrap();
    assert_eq!(tx.claim_job(&lease("c"), later, 5).await.unwrap(), None);
    tx.commit().await.unwrap();
}

/// A throttle's events per key: read (and locked) and replaced in one unit,
/// forgotten when empty or old.
pub async fn throttle_events_round_trip(store: &dyn Store) {
    let t = |s: i64| at("2017-06-01T00:00:00Z") + chrono::Duration::seconds(s);
    let mut tx = store.begin().await.unwrap();
    assert!(tx.throttle_events("sign_in", "a").await.unwrap().is_empty());
    tx.put_throttle_events("sign_in", "a", &[t(1), t(2)])
        .await
        .unwrap();
    tx.put_throttle_events("sign_in", "b", &[t(100)])
        .await
        .unwrap();
    tx.put_throttle_events("inputs", "a", &[t(3)])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    assert_eq!(
        tx.throttle_events("sign_in", "a").await.unwrap(),
        vec![t(1), t(2)]
    );
    assert_eq!(tx.throttle_events("inputs", "a").await.unwrap(), vec![t(3)]);
    assert_eq!(
        tx.forget_throttle_keys_before("sign_in", t(50))
            .await
            .unwrap(),
        1,
        "only the key last seen before"
    );
    assert!(tx.throttle_events("sign_in", "a").await.unwrap().is_empty());
    assert_eq!(
        tx.throttle_events("sign_in", "b").await.unwrap(),
        vec![t(100)]
    );
    tx.put_throttle_events("sign_in", "b", &[]).await.unwrap();
    assert!(tx.throttle_events("sign_in", "b").await.unwrap().is_empty());
    assert_eq!(tx.throttle_events("inputs", "a").await.unwrap(), vec![t(3)]);
    tx.commit().await.unwrap();
}

async fn record(store: &dyn Store, changes: &[IndexSubject], when: DateTime<Utc>) {
    let mut tx = store.begin().await.unwrap();
    tx.record_index_changes(changes, when).await.unwrap();
    tx.commit().await.unwrap();
}

pub async fn the_index_outbox_numbers_changes_in_commit_order(store: &dyn Store) {
    assert_eq!(store.index_outbox().await.unwrap(), OutboxState::default());
    assert!(store.index_changes(0, 10).await.unwrap().is_empty());
    let statement = IndexSubject::Item {
        process: slug("gcm"),
        kind: ItemKind::Statement,
        id: 5,
    };
    let actor = IndexSubject::Actor(code("FRA"));
    let when = at("2026-03-01T10:00:00.123456Z");
    record(store, &[statement.clone(), actor.clone()], when).await;
    // A unit rolled back leaves no change and takes no number.
    {
        let mut tx = store.begin().await.unwrap();
        tx.record_index_changes(&[IndexSubject::Rebuild], when)
            .await
            .unwrap();
    }
    let inputs = IndexSubject::Inputs {
        process: slug("gcm"),
        first: 10,
        last: 5_009,
    };
    record(store, &[inputs.clone(), IndexSubject::Rebuild], when).await;
    // Nothing recorded: nothing numbered.
    record(store, &[], when).await;
    assert_eq!(
        store.index_outbox().await.unwrap(),
        OutboxState {
            last: 4,
            pruned_through: 0
        }
    );
    let all = store.index_changes(0, 10).await.unwrap();
    assert_eq!(
        all.iter().map(|c| c.seq).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert_eq!(
        all.iter().map(|c| c.subject.clone()).collect::<Vec<_>>(),
        vec![
            Some(statement),
            Some(actor),
            Some(inputs),
            Some(IndexSubject::Rebuild)
        ]
    );
    assert!(all.iter().all(|c| c.at == when));
    // After a number, at most a limit.
    let after = store.index_changes(2, 1).await.unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].seq, 3);
    // Many changes in one unit: numbered one after another, in order.
    let many: Vec<IndexSubject> = (1..=1_500)
        .map(|id| IndexSubject::Item {
            process: slug("gcm"),
            kind: ItemKind::Input,
            id,
        })
        .collect();
    record(store, &many, when).await;
    assert_eq!(store.index_outbox().await.unwrap().last, 1_504);
    let read = store.index_changes(4, 2_000).await.unwrap();
    assert_eq!(read.len(), 1_500);
    for (i, c) in read.iter().enumerate() {
        assert_eq!(c.seq, 5 + i64::try_from(i).unwrap());
        assert_eq!(c.subject.as_ref(), Some(&many[i]));
    }
}

pub async fn the_index_outbox_prunes_old_changes(store: &dyn Store) {
    let subject = |id| IndexSubject::Meeting {
        process: slug("gcm"),
        id,
    };
    record(store, &[subject(1)], at("2020-01-01T00:00:00Z")).await;
    record(store, &[subject(2), subject(3)], at("2020-01-02T00:00:00Z")).await;
    record(store, &[subject(4)], at("2026-01-01T00:00:00Z")).await;
    assert_eq!(
        store
            .prune_index_changes(at("2019-12-31T00:00:00Z"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(store.index_outbox().await.unwrap().pruned_through, 0);
    assert_eq!(
        store
            .prune_index_changes(at("2021-01-01T00:00:00Z"))
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        store.index_outbox().await.unwrap(),
        OutboxState {
            last: 4,
            pruned_through: 3
        }
    );
    let left = store.index_changes(0, 10).await.unwrap();
    assert_eq!(left.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![4]);
    // Pruning again finds nothing older, and never moves the mark back.
    assert_eq!(
        store
            .prune_index_changes(at("2021-01-01T00:00:00Z"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(store.index_outbox().await.unwrap().pruned_through, 3);
    // Numbers go on after pruning.
    record(store, &[subject(5)], at("2026-01-02T00:00:00Z")).await;
    assert_eq!(store.index_outbox().await.unwrap().last, 5);
}
