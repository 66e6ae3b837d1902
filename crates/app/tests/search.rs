//! Search through the app layer, on both real stores: what is published is
//! found at once, in its language, and nothing a reader may not see shows in
//! results, totals or facet counts; `reindex` rebuilds it all from the store.

use accord_app::{App, Facet, Principal, SearchRequest};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(published_items_are_found_by_those_who_may_see_them);

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
