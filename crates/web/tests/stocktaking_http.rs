//! The stocktaking in the portal: recommendation candidates suggested on an
//! input's page to the secretariat, confirmed with one click (no JavaScript).

use accord_app::demo::Demo;
use accord_app::{App, Principal};
use accord_domain::{Consultation, NewInput, Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tower::ServiceExt;

on_both_stores!(the_secretariat_confirms_a_suggested_recommendation);

async fn body(router: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 4 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn the_secretariat_confirms_a_suggested_recommendation(db: TestDatabase) {
    let now: DateTime<Utc> = "2017-06-01T12:00:00Z".parse().unwrap();
    let app = App::open(&db.url)
        .await
        .unwrap()
        .with_data_dir(&db.data_dir)
        .with_clock(Arc::new(move || now));
    app.load_demo(Demo::Gcm).await.unwrap();
    let system = Principal::System("test");
    app.open_consultation(
        &system,
        Consultation {
            process: "gcm".parse().unwrap(),
            slug: "online".parse().unwrap(),
            title: "Online consultation".into(),
            description: String::new(),
            opens_at: "2017-01-01T00:00:00Z".parse().unwrap(),
            closes_at: None,
            synthetic: true,
        },
    )
    .await
    .unwrap();
    let id = app
        .submit_input(
            &system,
            NewInput {
                process: "gcm".parse().unwrap(),
                consultation: "online".parse().unwrap(),
                author: None,
                organisation: None,
                country: None,
                language: Some("en".parse().unwrap()),
                text:
                    "Migration is as old as humanity. States should end child detention. Thank you."
                        .into(),
                external_id: None,
                synthetic: true,
            },
            "10.0.0.1",
        )
        .await
        .unwrap();
    app.create_account(
        &system,
        "sec@example.org",
        "Secretariat",
        "correct horse battery staple",
        &[RoleGrant {
            role: Role::Secretariat,
            process: Some("gcm".parse().unwrap()),
            actor: None,
        }],
    )
    .await
    .unwrap();
    let session = app
        .login(
            "sec@example.org",
            "correct horse battery staple",
            "10.0.0.2",
        )
        .await
        .unwrap();
    let cookie = format!("accord_session={}", session.secret);
    let router = accord_web::router(Arc::new(app));
    let page = |cookie: Option<&str>| {
        let mut req = Request::get(format!("/processes/gcm/inputs/{id}"));
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.body(Body::empty()).unwrap()
    };
    let (_, html) = body(&router, page(Some(&cookie))).await;
    assert!(html.contains("Suggested recommendations"), "{html}");
    assert!(html.contains("<q dir=\"auto\" lang=\"en\">States should end child detention.</q>"));
    assert!(
        !html.contains("<q dir=\"auto\" lang=\"en\">Migration is as old"),
        "not a recommendation"
    );
    // The public sees no suggestions.
    let (_, public) = body(&router, page(None)).await;
    assert!(!public.contains("Suggested recommendations"));
    // Confirmed with its form: marked, and no longer suggested.
    let (status, _) = body(
        &router,
        Request::post(format!("/processes/gcm/inputs/{id}/recommendations"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from(format!(
                "csrf={}&language=en&passage=States+should+end+child+detention.",
                session.csrf
            )))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, after) = body(&router, page(Some(&cookie))).await;
    assert!(after.contains("<mark"), "the passage is marked in the text");
    assert!(!after.contains("Suggested recommendations"));
}
