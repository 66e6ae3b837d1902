//! The stocktaking in the portal and the API: recommendation candidates
//! suggested on an input's page to the secretariat, confirmed or dismissed
//! with one click (no JavaScript); the analysis started from its page as a
//! job; the stocktaking page, campaigns, the report (HTML and DOCX),
//! coverage; an import over the API as a job.

use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo};
use accord_domain::{Consultation, NewInput, Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tower::ServiceExt;

on_both_stores!(
    the_secretariat_confirms_a_suggested_recommendation,
    the_analysis_is_run_read_and_corrected_in_the_portal,
);

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
    let app = App::in_data_dir(db.store().await, &db.data_dir).with_clock(Arc::new(move || now));
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
        Request::post("/processes/gcm/recommendations")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from(format!(
                "csrf={}&source=input&source_id={id}&language=en&passage=States+should+end+child+detention.",
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

/// Follows a job to its end through the app's live events (the timeout only
/// stops a test that would hang).
async fn wait_for_job(app: &App, id: i64) -> accord_domain::stocktaking::Job {
    let system = Principal::System("test");
    let mut events = app.subscribe();
    let topic = format!("job-{id}");
    tokio::time::timeout(std::time::Duration::from_secs(120), async {
        loop {
            let job = app.job(&system, "gcm", id).await.unwrap();
            if job.status != accord_domain::stocktaking::JobStatus::Running {
                return job;
            }
            while events.recv().await.unwrap().topic != topic {}
        }
    })
    .await
    .expect("the job ends")
}

fn form(uri: &str, cookie: &str, fields: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(fields.to_owned()))
        .unwrap()
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(uri);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

async fn the_analysis_is_run_read_and_corrected_in_the_portal(db: TestDatabase) {
    let now: DateTime<Utc> = "2017-06-01T12:00:00Z".parse().unwrap();
    let app = App::in_data_dir(db.store().await, &db.data_dir).with_clock(Arc::new(move || now));
    app.load_demo(Demo::Gcm).await.unwrap();
    let report = accord_demo::synthetic::generate_inputs(&app, "gcm", 800, 5)
        .await
        .unwrap();
    assert_eq!(report.inputs, 800);
    let system = Principal::System("test");
    let account = app
        .create_account(
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
    let token = app
        .create_api_token(&Principal::Account(account), "tests", 1)
        .await
        .unwrap()
        .secret;
    let session = app
        .login(
            "sec@example.org",
            "correct horse battery staple",
            "10.0.0.2",
        )
        .await
        .unwrap();
    let cookie = format!("accord_session={}", session.secret);
    let app = Arc::new(app);
    let router = accord_web::router(app.clone());

    // Before any analysis.
    let (status, html) = body(&router, get("/processes/gcm/stocktaking", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Nothing has been analysed yet."));
    assert!(
        !html.contains("Analyse now"),
        "only the secretariat may analyse"
    );

    // Started from the page: a job, followed on its page.
    let (status, html) = body(
        &router,
        form(
            "/processes/gcm/stocktaking/analyse",
            &cookie,
            &format!("csrf={}&threshold=2", session.csrf),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a threshold out of range");
    assert!(html.contains("value=\"2\""), "the threshold typed is kept");
    let (status, html) = body(
        &router,
        form(
            "/processes/gcm/stocktaking/analyse",
            &cookie,
            &format!("csrf={}&threshold=high", session.csrf),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("threshold:") && html.contains("aria-invalid=\"true\""));
    let res = router
        .clone()
        .oneshot(form(
            "/processes/gcm/stocktaking/analyse",
            &cookie,
            &format!("csrf={}&threshold=0.7", session.csrf),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let id: i64 = to.rsplit('/').next().unwrap().parse().unwrap();
    let job = wait_for_job(&app, id).await;
    assert_eq!(
        job.status,
        accord_domain::stocktaking::JobStatus::Succeeded,
        "{}",
        job.message
    );
    let (status, html) = body(&router, get(&to, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("800 inputs"), "{html}");
    let (status, _) = body(&router, get(&to, None)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "jobs are the secretariat's"
    );

    // The stocktaking page, for anyone.
    let (status, html) = body(&router, get("/processes/gcm/stocktaking", None)).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "Who said what",
        "<svg class=\"chart\"",
        "Human rights of all migrants",
        "Key phrases",
        "/processes/gcm/campaigns/1",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    let st = app
        .stocktaking(&Principal::Anonymous, "gcm")
        .await
        .unwrap()
        .unwrap();
    let (largest, _) = &st.campaigns[0];
    let (status, html) = body(&router, get("/processes/gcm/campaigns/1", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("{} inputs", largest.size)));
    let (status, _) = body(&router, get("/processes/gcm/campaigns/99999", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = body(&router, get("/processes/gcm/campaigns/x", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // An input of the largest campaign shows it, and its theme; the secretariat corrects the theme.
    let member = app
        .campaign(&Principal::Anonymous, "gcm", largest.number, 0)
        .await
        .unwrap()
        .inputs[0]
        .id;
    let input_page = format!("/processes/gcm/inputs/{member}");
    let (_, html) = body(&router, get(&input_page, None)).await;
    assert!(html.contains(&format!("/processes/gcm/campaigns/{}", largest.number)));
    assert!(html.contains("confidence") || html.contains("No theme"));
    assert!(!html.contains("Correct the theme"));
    let (status, _) = body(
        &router,
        form(
            "/processes/gcm/theme-labels",
            &cookie,
            &format!(
                "csrf={}&item_kind=input&item_id={member}&theme=topic-5",
                session.csrf
            ),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = body(&router, get(&input_page, Some(&cookie))).await;
    assert!(html.contains("labelled by the secretariat"));
    assert!(html.contains("<option value=\"topic-5\" selected"));
    let (status, _) = body(
        &router,
        form(
            "/processes/gcm/theme-labels",
            &cookie,
            &format!(
                "csrf={}&item_kind=input&item_id={member}&theme=nonsense",
                session.csrf
            ),
        ),
    )
    .await;
    assert_eq!(status.as_u16() / 100, 4);

    // The report, as a page that prints and as a Word document.
    let (status, html) = body(&router, get("/processes/gcm/stocktaking/report", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Stocktaking report") && html.contains("Inputs by language"));
    assert!(html.matches("<svg class=\"chart\"").count() >= 4);
    let res = router
        .clone()
        .oneshot(get("/processes/gcm/stocktaking/report.docx", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(res.into_body(), 16 << 20)
        .await
        .unwrap();
    assert!(bytes.starts_with(b"PK"));
    let (status, html) = body(&router, get("/processes/gcm/coverage", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Coverage of recommendations"));

    // The API: the analysis as JSON, and an import as a job.
    let (status, json) = body(&router, get("/api/v1/processes/gcm/stocktaking", None)).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["themes"].as_array().unwrap().len(), 6);
    assert_eq!(v["run"]["inputs"], 800);
    let import = |bytes: &'static [u8], query: &str| {
        Request::post(format!(
            "/api/v1/processes/gcm/consultations/synthetic-inputs/inputs/import{query}"
        ))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(bytes))
        .unwrap()
    };
    let res = router
        .clone()
        .oneshot(import(
            b"external_id,text,language\nbulk-1,States should act.,en\n",
            "?format=csv",
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let job: serde_json::Value = serde_json::from_slice(
        &axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap(),
    )
    .unwrap();
    let done = wait_for_job(&app, job["id"].as_i64().unwrap()).await;
    assert!(
        done.message.starts_with("1 rows read: 1 imported"),
        "{}",
        done.message
    );
    let res = router
        .clone()
        .oneshot(
            Request::get(&location)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (status, json) = body(
        &router,
        import(b"id,body\n1,no text column\n", "?format=csv"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert!(json.contains("no \\\"text\\\" column"), "{json}");
    let (status, json) = body(&router, import(b"x", "?format=xml")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{json}");
    let (status, _) = body(&router, import(b"", "")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The analysis over the API: the form's command as JSON, 202 with the
    // job at its Location; a wrong field is named.
    let analyse = |json: &'static str| {
        Request::post("/api/v1/processes/gcm/analysis")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json))
            .unwrap()
    };
    let (status, json) = body(&router, analyse(r#"{"threshold": "high"}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(json.contains("threshold:"), "{json}");
    let res = router
        .clone()
        .oneshot(analyse(r#"{"threshold": 0.7}"#))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let job: serde_json::Value = serde_json::from_slice(
        &axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap(),
    )
    .unwrap();
    let id = job["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/processes/gcm/jobs/{id}"));
    wait_for_job(&app, id).await;
}
