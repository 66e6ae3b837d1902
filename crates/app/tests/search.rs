//! Search through the app layer, on both real stores: what is published is
//! found at once, in its language, and nothing a reader may not see shows in
//! results, totals or facet counts; `reindex` rebuilds it all from the store.

use accord_app::{App, Facet, Principal, SearchRequest};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    published_items_are_found_by_those_who_may_see_them,
    actors_and_meetings_are_found_and_open_their_own_pages,
    two_servers_indexes_follow_the_outbox_of_one_store,
);

fn find(text: &str, filters: &[(&str, &str)]) -> SearchRequest {
    SearchRequest {
        text: text.into(),
        filters: filters
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        limit: 50,
        offset: 0,
    }
}

async fn statement(app: &App, distribution: Distribution, language: Language, text: &str) -> i64 {
    let m = app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    app.add_statement(
        &OPERATOR,
        NewStatement {
            process: "gcm".parse().unwrap(),
            meeting: m,
            agenda_item: 0,
            actor: "MEX".parse().unwrap(),
            on_behalf_of: None,
            title: format!("Test statement ({distribution})"),
            delivered_on: "2017-05-08".parse().unwrap(),
            distribution,
            embargo_until: None,
            synthetic: true,
        },
        vec![ItemText::typed(language, text).unwrap()],
    )
    .await
    .unwrap()
}

async fn published_items_are_found_by_those_who_may_see_them(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-10T12:00:00Z").await;
    let app = &t.app;
    let public = Principal::Anonymous;
    let mex = Principal::Account(
        app.create_account(
            &OPERATOR,
            "mex@example.org",
            "M",
            PASSWORD,
            &[RoleGrant {
                role: Role::Delegate,
                process: Some("gcm".parse().unwrap()),
                actor: Some("MEX".parse().unwrap()),
            }],
        )
        .await
        .unwrap(),
    );
    // The demo's documents are found by their titles.
    let report = app
        .search(&public, find("migration", &[("process", "gcm")]))
        .await
        .unwrap();
    assert!(report.total > 0, "the demo's documents are indexed");

    let open = statement(
        app,
        Distribution::Public,
        Language::En,
        "States should protect migrant workers in every sector.",
    )
    .await;
    let restricted = statement(
        app,
        Distribution::Restricted,
        Language::En,
        "Migrant workers deserve decent work and fair recruitment.",
    )
    .await;
    statement(
        app,
        Distribution::Secretariat,
        Language::Fr,
        "Les travailleurs migrants ont droit à un travail décent.",
    )
    .await;

    // Found at once, stemmed ("worker" finds "workers"), by who may see it.
    let worker = |p: &Principal| {
        let p = p.clone();
        async move {
            app.search(
                &p,
                find("worker", &[("process", "gcm"), ("kind", "statement")]),
            )
            .await
            .unwrap()
        }
    };
    let seen = worker(&public).await;
    assert_eq!(seen.total, 1);
    assert_eq!(seen.hits[0].item_id, open);
    assert!(
        seen.hits[0].snippet_html.contains("<mark>"),
        "{}",
        seen.hits[0].snippet_html
    );
    assert_eq!(
        seen.facet(Facet::Language),
        [("en".to_string(), 1)],
        "counts only what is seen"
    );
    let seen = worker(&mex).await;
    assert_eq!(seen.total, 2);
    assert!(seen.hits.iter().any(|h| h.item_id == restricted));
    assert_eq!(
        worker(&OPERATOR).await.total,
        2,
        "the French one is 'travailleur', not 'worker'"
    );
    let french = app
        .search(&OPERATOR, find("travailleur", &[("process", "gcm")]))
        .await
        .unwrap();
    assert_eq!(french.total, 1);
    assert_eq!(
        app.search(&mex, find("travailleur", &[("process", "gcm")]))
            .await
            .unwrap()
            .total,
        0
    );
    // Each hit at the reader's clearance in the hit's own process, with or
    // without a process filter (never the clearance the filter names).
    assert_eq!(
        app.search(&mex, find("worker", &[])).await.unwrap().total,
        2
    );

    // Inputs and recommendations too; a phrase matches only as a phrase.
    app.open_consultation(
        &OPERATOR,
        Consultation {
            process: "gcm".parse().unwrap(),
            slug: "online".parse().unwrap(),
            title: "Test call".into(),
            description: String::new(),
            opens_at: "2017-05-01T00:00:00Z".parse().unwrap(),
            closes_at: None,
            synthetic: true,
        },
    )
    .await
    .unwrap();
    let input = app
        .submit_input(
            &public,
            NewInput {
                process: "gcm".parse().unwrap(),
                consultation: "online".parse().unwrap(),
                author: None,
                organisation: Some("A test network".into()),
                country: None,
                language: Some(Language::Es),
                text:
                    "Los Estados deberían proteger a los trabajadores migrantes y a sus familias."
                        .into(),
                external_id: None,
                synthetic: true,
            },
            "1.1.1.1",
        )
        .await
        .unwrap();
    let found = app
        .search(&public, find("trabajador", &[("process", "gcm")]))
        .await
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(
        (found.hits[0].kind.as_str(), found.hits[0].item_id),
        ("input", input)
    );
    app.mark_recommendation(
        &OPERATOR,
        NewRecommendation {
            process: "gcm".parse().unwrap(),
            source: ItemKind::Statement,
            source_id: restricted,
            language: Language::En,
            passage: "fair recruitment".into(),
            themes: vec!["topic-1".parse().unwrap()],
        },
    )
    .await
    .unwrap();
    let recs = |p: &Principal| {
        let p = p.clone();
        async move {
            app.search(
                &p,
                find(
                    "\"fair recruitment\"",
                    &[("process", "gcm"), ("kind", "recommendation")],
                ),
            )
            .await
            .unwrap()
            .total
        }
    };
    assert_eq!(recs(&public).await, 0, "its source is restricted");
    assert_eq!(recs(&mex).await, 1);
    assert_eq!(
        app.search(&mex, find("\"recruitment fair\"", &[("process", "gcm")]))
            .await
            .unwrap()
            .total,
        0
    );

    // Rebuilt from the store, the index answers the same.
    let before = worker(&mex).await.total;
    let docs = app.reindex().await.unwrap();
    assert!(docs > 5, "{docs}");
    assert_eq!(worker(&mex).await.total, before);
    assert_eq!(recs(&mex).await, 1);

    // Bad requests are specific errors.
    assert_eq!(
        app.search(&public, find("x", &[("colour", "red")]))
            .await
            .unwrap_err()
            .kind(),
        "bad_request"
    );
}

/// (kind, url) of each hit.
async fn hits(app: &App, reader: &Principal, req: SearchRequest) -> Vec<(String, String)> {
    app.search(reader, req)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.url))
        .collect()
}

async fn actors_and_meetings_are_found_and_open_their_own_pages(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-10T12:00:00Z").await;
    let app = &t.app;
    let public = Principal::Anonymous;
    // An actor: found by its name, its hit opens its page.
    let found = hits(app, &public, find("Mexico", &[("kind", "actor")])).await;
    assert_eq!(found.first().map(|h| h.1.as_str()), Some("/actors/MEX"));
    // The meeting held in Mexico is found by the host country's name too.
    let found = hits(app, &public, find("Mexico", &[("kind", "meeting")])).await;
    assert!(
        found
            .iter()
            .all(|(_, url)| url.starts_with("/processes/gcm/meetings/")),
        "{found:?}"
    );
    assert!(!found.is_empty(), "the meeting in Puerto Vallarta");

    // A second process, with a meeting of its own: found with its own
    // page, and only under its own process.
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
    let id = app
        .add_meeting(
            &OPERATOR,
            NewMeeting {
                title_translations: Default::default(),
                process: "other".parse().unwrap(),
                slug: "hearing".parse().unwrap(),
                kind: MeetingKind::ThematicSession,
                number: None,
                title: "Hearing on seasonal workers".into(),
                start_date: "2017-06-01".parse().unwrap(),
                end_date: "2017-06-01".parse().unwrap(),
                venue: None,
                chairs: vec![],
                agenda: vec![AgendaItem {
                    number: 1,
                    title: "Recruitment fees".into(),
                }],
                themes: vec![],
                note: None,
            },
        )
        .await
        .unwrap();
    let own = format!("/processes/other/meetings/{id}");
    assert_eq!(
        hits(app, &public, find("seasonal workers", &[])).await,
        vec![("meeting".to_string(), own.clone())]
    );
    assert_eq!(
        hits(
            app,
            &public,
            find("recruitment fees", &[("process", "other")])
        )
        .await,
        vec![("meeting".to_string(), own.clone())]
    );
    assert!(hits(
        app,
        &public,
        find("seasonal workers", &[("process", "gcm")])
    )
    .await
    .is_empty());
    // A new actor is found at once; after a rebuild, all the same.
    app.create_actor(
        &OPERATOR,
        Actor::new(
            "ORG-TEST".parse().unwrap(),
            ActorKind::StakeholderOrganisation,
            "Seasonal Workers Alliance",
        ),
    )
    .await
    .unwrap();
    let before = hits(app, &public, find("seasonal", &[])).await;
    assert!(before.contains(&("actor".to_string(), "/actors/ORG-TEST".to_string())));
    assert!(before.contains(&("meeting".to_string(), own.clone())));
    app.reindex().await.unwrap();
    let mut after = hits(app, &public, find("seasonal", &[])).await;
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(before, after);
    // Actors carry no year: the year facet counts only dated items.
    let results = app
        .search(&public, find("", &[("kind", "actor")]))
        .await
        .unwrap();
    assert!(results.total >= 195);
    let years = results
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::Year)
        .map(|(_, v)| v.len())
        .unwrap_or_default();
    assert_eq!(years, 0);
}

fn atlantis(code: &str, name: &str) -> Actor {
    Actor::new(
        code.parse().unwrap(),
        ActorKind::IntergovernmentalOrganisation,
        name,
    )
}

async fn found_actor(app: &App, name: &str) -> bool {
    app.search(&Principal::Anonymous, find(name, &[("kind", "actor")]))
        .await
        .unwrap()
        .hits
        .iter()
        .any(|h| h.title == name)
}

/// Two servers on one store, each with its own index: a change made through
/// one reaches the other's index when it follows the outbox (not before); a
/// server behind the pruning horizon rebuilds; `request_reindex` makes every
/// server rebuild.
async fn two_servers_indexes_follow_the_outbox_of_one_store(db: TestDatabase) {
    let t = TestApp::at(db, "2017-05-10T12:00:00Z").await;
    let one = &t.app;
    let other_dir = tempfile::tempdir().unwrap();
    let two = App::in_data_dir(t.db.store().await, other_dir.path());
    // A new index rebuilds from the store, then is caught up.
    two.follow_index().await.unwrap();
    assert_eq!(two.readiness().await.unwrap().index_lag, 0);
    assert!(found_actor(&two, "Mexico").await);

    one.create_actor(&OPERATOR, atlantis("ATLANTIS-C", "Atlantis Commission"))
        .await
        .unwrap();
    // The writer's own server found it at once; the other once it follows.
    assert!(found_actor(one, "Atlantis Commission").await);
    assert_eq!(one.readiness().await.unwrap().index_lag, 0);
    assert!(!found_actor(&two, "Atlantis Commission").await);
    let behind = two.readiness().await.unwrap();
    assert_eq!(behind.index_lag, 1);
    assert!(behind.index_lag_seconds >= 0.0);
    assert_eq!(two.follow_index().await.unwrap(), 1);
    assert!(found_actor(&two, "Atlantis Commission").await);
    assert_eq!(two.readiness().await.unwrap().index_lag, 0);

    // The outbox pruned past what the second server applied: it rebuilds
    // from the store and misses nothing.
    one.create_actor(&OPERATOR, atlantis("UTOPIA-B", "Utopia Board"))
        .await
        .unwrap();
    let store = t.db.store().await;
    let far = chrono::Utc::now() + chrono::Duration::days(1);
    assert!(store.prune_index_changes(far).await.unwrap() > 0);
    assert!(store.index_changes(0, 10).await.unwrap().is_empty());
    two.follow_index().await.unwrap();
    assert!(found_actor(&two, "Utopia Board").await);
    assert_eq!(two.readiness().await.unwrap().index_lag, 0);

    // A rebuild asked for (`accord reindex`) is followed by every server.
    let n = one.request_reindex().await.unwrap();
    assert!(n > 0);
    let before = two.readiness().await.unwrap().index_lag;
    assert_eq!(before, 1);
    assert_eq!(two.follow_index().await.unwrap(), 1);
    assert!(found_actor(&two, "Utopia Board").await);
    assert_eq!(two.readiness().await.unwrap().index_lag, 0);
}
