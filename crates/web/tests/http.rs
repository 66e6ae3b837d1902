//! Every route, called in-process through the router, on a real SQLite store
//! holding the GCM demo, with the clock fixed on 1 March 2018.

use accord_app::App;
use accord_demo::{Demo, LoadDemo};
use accord_testkit::{on_both_stores, Backend, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

on_both_stores!(
    healthz_answers,
    processes_list_and_detail,
    meetings_by_kind_in_date_order,
    meetings_paginate_by_cursor,
    one_meeting_and_its_errors,
    documents_and_themes,
    actors_all_193_member_states_and_groups,
    bad_queries_are_400_with_one_error_shape,
    openapi_document_describes_every_route,
    portal_pages_in_english,
    portal_in_arabic_is_right_to_left,
    the_language_switcher_remembers_and_stays_on_site,
    portal_errors_are_pages,
    output_is_escaped_and_headers_are_strict,
    the_stylesheet_is_served,
    static_files_have_content_hashed_addresses_kept_a_year,
    the_actors_directory_and_pages_name_states_in_the_readers_language,
    answers_are_compressed_for_clients_that_accept_it,
    a_server_you_can_watch_readyz_metrics_and_request_ids,
    published_pages_are_served_from_memory_until_a_write,
);

struct Site {
    router: Router,
    app: Arc<App>,
    _db: TestDatabase,
}

async fn site(db: TestDatabase) -> Site {
    let now: DateTime<Utc> = "2018-03-01T12:00:00Z".parse().unwrap();
    let app = App::in_data_dir(db.store().await, &db.data_dir).with_clock(Arc::new(move || now));
    app.load_demo(Demo::Gcm).await.unwrap();
    let app = Arc::new(app);
    Site {
        router: accord_web::router(app.clone()),
        app,
        _db: db,
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn get_with(site: &Site, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = site
        .router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 16 << 20)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(site: &Site, uri: &str) -> Reply {
    get_with(site, uri, &[]).await
}

fn assert_error(reply: &Reply, status: StatusCode, kind: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["error"], kind, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert_eq!(
        body.as_object().unwrap().len(),
        2,
        "one error shape: {body}"
    );
}

// ---- API ------------------------------------------------------------------

async fn healthz_answers(db: TestDatabase) {
    let store = match db.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let s = site(db).await;
    let r = get(&s, "/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        serde_json::json!({"status": "ok", "store": store})
    );
}

async fn processes_list_and_detail(db: TestDatabase) {
    let s = site(db).await;
    let list = get(&s, "/api/v1/processes").await;
    assert_eq!(list.status, StatusCode::OK);
    insta::assert_json_snapshot!("processes", list.json());
    let detail = get(&s, "/api/v1/processes/gcm").await;
    assert_eq!(detail.status, StatusCode::OK);
    let body = detail.json();
    assert_eq!(body["current_phase"], "negotiation");
    insta::assert_json_snapshot!("process_gcm", body);
    assert_error(
        &get(&s, "/api/v1/processes/nope").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&s, "/api/v1/processes/NOT%20A%20SLUG").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn meetings_by_kind_in_date_order(db: TestDatabase) {
    let s = site(db).await;
    let r = get(&s, "/api/v1/processes/gcm/meetings?kind=thematic_session").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let dates: Vec<&str> = items
        .iter()
        .map(|m| m["start_date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(items.iter().all(|m| m["kind"] == "thematic_session"));
    assert_eq!(items[0]["venue"]["city"], "Geneva");
    assert_eq!(items[0]["venue"]["country"], "CHE");
    assert!(body["next_cursor"].is_null());
    insta::assert_json_snapshot!("thematic_sessions", body);

    let rounds = get(&s, "/api/v1/processes/gcm/meetings?kind=negotiation_round")
        .await
        .json();
    assert_eq!(rounds["items"].as_array().unwrap().len(), 6);
}

async fn meetings_paginate_by_cursor(db: TestDatabase) {
    let s = site(db).await;
    let all = get(&s, "/api/v1/processes/gcm/meetings?limit=200")
        .await
        .json();
    let all_ids: Vec<i64> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert!(all_ids.len() > 30);
    let mut ids = vec![];
    let mut uri = "/api/v1/processes/gcm/meetings?limit=7".to_string();
    let mut pages = 0;
    loop {
        let page = get(&s, &uri).await.json();
        pages += 1;
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["id"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/processes/gcm/meetings?limit=7&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(ids, all_ids);
    assert_eq!(pages, all_ids.len().div_ceil(7));
}

async fn one_meeting_and_its_errors(db: TestDatabase) {
    let s = site(db).await;
    let list = get(&s, "/api/v1/processes/gcm/meetings?kind=conference")
        .await
        .json();
    let id = list["items"][0]["id"].as_i64().unwrap();
    let r = get(&s, &format!("/api/v1/processes/gcm/meetings/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let m = r.json();
    assert_eq!(m["venue"]["city"], "Marrakech");
    assert_eq!(m["start_date"], "2018-12-10");
    assert_eq!(m["chairs"][0]["name"], "Nasser Bourita");
    for bad in ["999999", "0", "-1", "abc", "1e3", "%27%20OR%201%3D1"] {
        assert_error(
            &get(&s, &format!("/api/v1/processes/gcm/meetings/{bad}")).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
    }
    assert_error(
        &get(&s, &format!("/api/v1/processes/other/meetings/{id}")).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn documents_and_themes(db: TestDatabase) {
    let s = site(db).await;
    let docs = get(&s, "/api/v1/processes/gcm/documents").await;
    assert_eq!(docs.status, StatusCode::OK);
    insta::assert_json_snapshot!("documents", docs.json());
    let drafts = get(&s, "/api/v1/processes/gcm/documents?kind=draft")
        .await
        .json();
    assert_eq!(drafts["items"].as_array().unwrap().len(), 5);
    let themes = get(&s, "/api/v1/processes/gcm/themes").await.json();
    let items = themes["items"].as_array().unwrap();
    assert_eq!(items.len(), 29);
    assert_eq!(
        items
            .iter()
            .filter(|t| t["taxonomy"] == "objectives")
            .count(),
        23
    );
    assert_error(
        &get(&s, "/api/v1/processes/nope/themes").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&s, "/api/v1/processes/nope/documents").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn actors_all_193_member_states_and_groups(db: TestDatabase) {
    let s = site(db).await;
    let mut codes = vec![];
    let mut uri = "/api/v1/actors?kind=member_state&limit=100".to_string();
    loop {
        let page = get(&s, &uri).await.json();
        codes.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["code"].as_str().unwrap().to_owned()),
        );
        assert!(page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] == "member_state"));
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/actors?kind=member_state&limit=100&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(codes.len(), 193);
    let groups = get(&s, "/api/v1/actors?kind=group").await.json();
    assert_eq!(groups["items"][0]["code"], "EU");
    assert_eq!(groups["items"][0]["members"].as_array().unwrap().len(), 28);
    let mexico = get(&s, "/api/v1/actors/MEX").await;
    assert_eq!(mexico.status, StatusCode::OK);
    insta::assert_json_snapshot!("actor_mex", mexico.json());
    let france = get(&s, "/api/v1/actors/FRA").await.json();
    assert_eq!(france["member_of"], serde_json::json!(["EU"]));
    assert_error(
        &get(&s, "/api/v1/actors/ZZZ").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&s, "/api/v1/actors/%3Cscript%3E").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn bad_queries_are_400_with_one_error_shape(db: TestDatabase) {
    let s = site(db).await;
    for uri in [
        "/api/v1/processes/gcm/meetings?kind=tea_party",
        "/api/v1/processes/gcm/meetings?kind=THEMATIC_SESSION",
        "/api/v1/processes/gcm/meetings?limit=0",
        "/api/v1/processes/gcm/meetings?limit=201",
        "/api/v1/processes/gcm/meetings?limit=abc",
        "/api/v1/processes/gcm/meetings?limit=-5",
        "/api/v1/processes/gcm/meetings?cursor=zz",
        "/api/v1/processes/gcm/meetings?cursor=%00%01",
        "/api/v1/actors?kind=planet",
        "/api/v1/actors?limit=99999999999999999999",
        "/api/v1/processes/gcm/documents?kind=novel",
        "/api/v1/processes?cursor=6d656574696e67737c647c323031372d30352d32327c32",
    ] {
        assert_error(&get(&s, uri).await, StatusCode::BAD_REQUEST, "bad_request");
    }
    // A cursor from one list is refused by another.
    let page = get(&s, "/api/v1/processes/gcm/meetings?limit=1")
        .await
        .json();
    let cursor = page["next_cursor"].as_str().unwrap();
    assert_error(
        &get(&s, &format!("/api/v1/actors?cursor={cursor}")).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &get(&s, "/api/v1/no-such-thing").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn openapi_document_describes_every_route(db: TestDatabase) {
    let s = site(db).await;
    let r = get(&s, "/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/healthz",
        "/api/v1/processes",
        "/api/v1/processes/{slug}",
        "/api/v1/processes/{slug}/meetings",
        "/api/v1/processes/{slug}/meetings/{id}",
        "/api/v1/processes/{slug}/documents",
        "/api/v1/processes/{slug}/themes",
        "/api/v1/actors",
        "/api/v1/actors/{code}",
    ] {
        assert!(paths.contains_key(p), "{p} missing from OpenAPI");
    }
    // Every API route the router serves is in the document, with a summary,
    // its path parameters, a success status and the error shape; writes
    // with their security and a request body schema where they take one.
    let routes: Vec<_> = accord_web::route_table()
        .into_iter()
        .filter(|(_, p)| p.starts_with("/api/v1/") || p == "/healthz")
        .collect();
    assert!(routes.len() > 90, "{} API routes", routes.len());
    for (method, path) in &routes {
        let op = &paths
            .get(path.as_str())
            .unwrap_or_else(|| panic!("{path} missing from OpenAPI"))
            [method.as_str().to_lowercase()];
        assert!(op.is_object(), "{method} {path} missing from OpenAPI");
        assert!(
            op["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{method} {path}: summary"
        );
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{method} {path}: a success status"
        );
        for status in ["400", "404", "503"] {
            assert_eq!(
                responses[status]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ErrorBody",
                "{method} {path}: {status}"
            );
        }
        if *method != axum::http::Method::GET {
            assert!(
                op["security"].as_array().is_some_and(|s| !s.is_empty()),
                "{path}"
            );
            assert!(
                responses.contains_key("401") && responses.contains_key("422"),
                "{path}"
            );
            let content = &op["requestBody"]["content"];
            if let Some(json) = content.get("application/json") {
                // A schema, and an example that the schema's own fields name.
                assert!(json["schema"].is_object(), "{method} {path}: schema");
                assert!(json["example"].is_object(), "{method} {path}: example");
            }
        }
        for name in path
            .split('{')
            .skip(1)
            .map(|p| p.split('}').next().unwrap())
        {
            assert!(
                op["parameters"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["name"] == name && p["in"] == "path"),
                "{path}: parameter {name}"
            );
        }
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    insta::assert_json_snapshot!("openapi", doc);
}

// ---- portal ---------------------------------------------------------------

async fn portal_pages_in_english(db: TestDatabase) {
    let s = site(db).await;
    let home = get(&s, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(home.body.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(home
        .body
        .contains("Global Compact for Safe, Orderly and Regular Migration"));
    assert!(home.body.contains("Negotiation"), "current phase shown");

    let process = get(&s, "/processes/gcm").await;
    assert_eq!(process.status, StatusCode::OK);
    for text in [
        "Juan José Gómez Camacho",
        "Jürg Lauber",
        "Louise Arbour",
        "A/RES/71/280",
        "<svg class=\"timeline\"",
        "Objectives",
        "Thematic sessions",
    ] {
        assert!(process.body.contains(text), "process page lacks {text}");
    }

    let sessions = get(&s, "/processes/gcm/meetings?kind=thematic_session").await;
    assert_eq!(sessions.status, StatusCode::OK);
    assert!(sessions.body.contains("6 meetings"));
    assert!(sessions.body.contains("8–9 May 2017"));
    assert!(
        !sessions.body.contains("Negotiation round ·"),
        "filtered by kind"
    );

    let meetings = get(&s, "/processes/gcm/meetings").await.json_free_ids();
    assert!(!meetings.is_empty());
    let meeting = get(&s, &format!("/processes/gcm/meetings/{}", meetings[0])).await;
    assert_eq!(meeting.status, StatusCode::OK);
    assert!(meeting
        .body
        .contains("Palais des Nations, Room XIX, Geneva, Switzerland"));

    let docs = get(&s, "/processes/gcm/documents").await;
    assert!(docs.body.contains("A/72/643") && docs.body.contains("Making migration work for all"));

    let actors = get(&s, "/actors?kind=member_state").await;
    assert!(actors.body.contains("193 actors"));
    let eu = get(&s, "/actors/EU").await;
    assert!(eu.body.contains("European Union") && eu.body.contains("28"));
}

trait MeetingLinks {
    fn json_free_ids(&self) -> Vec<i64>;
}
impl MeetingLinks for Reply {
    /// Meeting ids linked from a page.
    fn json_free_ids(&self) -> Vec<i64> {
        self.body
            .split("/processes/gcm/meetings/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect()
    }
}

async fn portal_in_arabic_is_right_to_left(db: TestDatabase) {
    let s = site(db).await;
    for headers in [
        &[("accept-language", "ar-EG,ar;q=0.9,en;q=0.5")][..],
        &[("cookie", "accord_lang=ar")][..],
    ] {
        let home = get_with(&s, "/processes/gcm", headers).await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.body.contains(r#"<html lang="ar" dir="rtl">"#));
        assert!(
            home.body.contains("الجدول الزمني"),
            "Timeline heading in Arabic"
        );
        assert!(home.body.contains("العمليات"), "navigation in Arabic");
    }
    for (lang, word) in [
        ("fr", "Réunions"),
        ("es", "Reuniones"),
        ("ru", "Заседания"),
        ("zh", "会议"),
    ] {
        let page = get_with(&s, "/processes/gcm", &[("accept-language", lang)]).await;
        assert!(page
            .body
            .contains(&format!(r#"<html lang="{lang}" dir="ltr">"#)));
        assert!(page.body.contains(word), "{lang}: {word}");
    }
}

async fn the_language_switcher_remembers_and_stays_on_site(db: TestDatabase) {
    let s = site(db).await;
    let r = get(&s, "/language?lang=fr&next=/processes/gcm").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/processes/gcm");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("accord_lang=fr;")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("HttpOnly")
    );
    for hostile in [
        "//evil.example",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "%2F%2Fevil.example",
    ] {
        let r = get(&s, &format!("/language?lang=es&next={hostile}")).await;
        assert_eq!(r.headers[header::LOCATION], "/", "{hostile}");
    }
    let bad = get(&s, "/language?lang=xx&next=/").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.headers.get(header::SET_COOKIE).is_none());
}

async fn portal_errors_are_pages(db: TestDatabase) {
    let s = site(db).await;
    let r = get(&s, "/processes/nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Page not found"));
    let r = get_with(&s, "/no/such/page", &[("accept-language", "fr")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Page introuvable"));
    assert_eq!(
        get(&s, "/processes/gcm/meetings?kind=tea_party")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&s, "/processes/gcm/meetings/abc").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&s, "/actors?kind=planet").await.status,
        StatusCode::BAD_REQUEST
    );
}

async fn output_is_escaped_and_headers_are_strict(db: TestDatabase) {
    let s = site(db).await;
    let mut process = s.app.process("gcm").await.unwrap().process;
    process.slug = "xss".parse().unwrap();
    process.title = "<script>alert(1)</script> & \"quotes\"".into();
    s.app
        .create_process(&accord_app::Principal::System("test"), process)
        .await
        .unwrap();
    let page = get(&s, "/processes/xss").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)</script>"));
    assert!(page
        .body
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    for uri in ["/", "/api/v1/processes", "/no/such/page"] {
        let r = get(&s, uri).await;
        let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{uri}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(r.headers.contains_key(header::REFERRER_POLICY));
    }
    // No page carries an inline script.
    for uri in [
        "/",
        "/processes/gcm",
        "/actors",
        "/actors/EU",
        "/processes/gcm/documents",
    ] {
        let body = get(&s, uri).await.body;
        assert!(!body.contains("<script"), "{uri}");
        assert!(!body.contains("style=\""), "{uri} has an inline style");
    }
}

async fn the_stylesheet_is_served(db: TestDatabase) {
    let s = site(db).await;
    let css = get(&s, "/static/accord.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert!(css.body.contains("margin-inline"));
    let icon = get(&s, "/static/favicon.svg").await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(icon.headers[header::CONTENT_TYPE], "image/svg+xml");
}

/// Pages link to the static files by addresses that name their content's
/// digest; those answer with a year's `immutable` cache, the plain ones
/// keep working with a short one, and an address that is neither is 404.
async fn static_files_have_content_hashed_addresses_kept_a_year(db: TestDatabase) {
    let s = site(db).await;
    let page = get(&s, "/processes/gcm").await.body;
    let href = |prefix: &str| -> String {
        let at = page
            .find(prefix)
            .unwrap_or_else(|| panic!("{prefix} in the page"));
        let rest = &page[at..];
        rest[..rest.find('"').unwrap()].to_owned()
    };
    let css = href("/static/accord.");
    let icon = href("/static/favicon.");
    for (hashed, plain) in [
        (css.as_str(), "/static/accord.css"),
        (icon.as_str(), "/static/favicon.svg"),
    ] {
        let digest = hashed.split('.').nth(1).unwrap();
        assert_eq!(digest.len(), 12, "{hashed}");
        assert!(digest.bytes().all(|b| b.is_ascii_hexdigit()), "{hashed}");
        let a = get(&s, hashed).await;
        assert_eq!(a.status, StatusCode::OK, "{hashed}");
        assert_eq!(
            a.headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let b = get(&s, plain).await;
        assert_eq!(b.status, StatusCode::OK);
        assert_eq!(a.body, b.body, "the same file at both addresses");
        let short = b.headers[header::CACHE_CONTROL].to_str().unwrap();
        assert!(
            short.starts_with("public, max-age=") && !short.contains("immutable"),
            "{short}"
        );
        assert_eq!(
            a.headers[header::CONTENT_TYPE],
            b.headers[header::CONTENT_TYPE]
        );
    }
    // A stale digest, or a path that is not a file of ours: not found.
    for uri in [
        "/static/accord.000000000000.css",
        "/static/..%2FCargo.toml",
        "/static/nope.css",
    ] {
        assert_eq!(get(&s, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    assert_eq!(get(&s, "/favicon.ico").await.status, StatusCode::OK);
}

/// CLDR's name of `iso2` in `lang`, read from the vendored file by the test.
fn cldr(lang: &str, iso2: &str) -> String {
    let path = format!(
        "{}/../cldr/data/{lang}/territories.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json.pointer(&format!(
        "/main/{lang}/localeDisplayNames/territories/{iso2}"
    ))
    .and_then(Value::as_str)
    .unwrap()
    .to_owned()
}

async fn the_actors_directory_and_pages_name_states_in_the_readers_language(db: TestDatabase) {
    let s = site(db).await;
    for (lang, dir) in [
        ("fr", "ltr"),
        ("ar", "rtl"),
        ("zh", "ltr"),
        ("es", "ltr"),
        ("ru", "ltr"),
    ] {
        let h = [("accept-language", lang)];
        let html = get_with(&s, "/actors", &h).await.body;
        for (code, iso2) in [("MEX", "MX"), ("USA", "US")] {
            let link = format!(
                "<a href=\"/actors/{code}\" lang=\"{lang}\" dir=\"{dir}\">{}</a>",
                cldr(lang, iso2)
            );
            assert!(html.contains(&link), "{lang}: {link}");
        }
        // A group keeps its stored name, marked as English.
        assert!(
            html.contains("<a href=\"/actors/EU\" lang=\"en\" dir=\"ltr\">European Union</a>"),
            "{lang}"
        );
        let page = get_with(&s, "/actors/MEX", &h).await.body;
        assert!(
            page.contains(&format!(
                "<h1 lang=\"{lang}\" dir=\"{dir}\">{}</h1>",
                cldr(lang, "MX")
            )),
            "{lang}"
        );
        // The EU's page lists its members in the reader's language.
        let eu = get_with(&s, "/actors/EU", &h).await.body;
        assert!(
            eu.contains(&format!(
                "<span lang=\"{lang}\" dir=\"{dir}\">{}</span>",
                cldr(lang, "FR")
            )),
            "{lang}"
        );
    }
    // The French directory is in French alphabetical order: the United
    // States (États-Unis) among the E's, before Finland (Finlande).
    let html = get_with(
        &s,
        "/actors?kind=member_state",
        &[("accept-language", "fr")],
    )
    .await
    .body;
    let at = |iso2: &str| html.find(&format!(">{}</a>", cldr("fr", iso2))).unwrap();
    assert!(at("ES") < at("US") && at("US") < at("FI"));
    // The Holy See is not CLDR's Vatican City: its own name stays.
    let html = get_with(
        &s,
        "/actors?kind=observer_state",
        &[("accept-language", "fr")],
    )
    .await
    .body;
    assert!(html.contains(">Holy See</a>") && !html.contains(&cldr("fr", "VA")));
    assert!(html.contains(&format!(">{}</a>", cldr("fr", "PS-alt-short"))));
}

/// A page, an API read and the stylesheet, each asked for plain, as gzip
/// and as brotli: the same bytes once decoded, a fraction of the size, and
/// `Vary: accept-encoding` so that caches keep them apart.
async fn answers_are_compressed_for_clients_that_accept_it(db: TestDatabase) {
    use std::io::Read;
    let s = site(db).await;
    let raw = |uri: &'static str, encoding: Option<&'static str>| {
        let mut req = Request::get(uri);
        if let Some(e) = encoding {
            req = req.header(header::ACCEPT_ENCODING, e);
        }
        let router = s.router.clone();
        async move {
            let res = router
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{uri}");
            let headers = res.headers().clone();
            let bytes = axum::body::to_bytes(res.into_body(), 16 << 20)
                .await
                .unwrap();
            (headers, bytes.to_vec())
        }
    };
    for uri in [
        "/processes/gcm",
        "/api/v1/processes/gcm/meetings",
        "/static/accord.css",
    ] {
        let (headers, plain) = raw(uri, None).await;
        assert!(headers.get(header::CONTENT_ENCODING).is_none(), "{uri}");
        let (headers, gzip) = raw(uri, Some("gzip")).await;
        assert_eq!(headers[header::CONTENT_ENCODING], "gzip", "{uri}");
        assert!(headers[header::VARY]
            .to_str()
            .unwrap()
            .contains("accept-encoding"));
        let mut decoded = vec![];
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain, "{uri}");
        let (headers, brotli) = raw(uri, Some("gzip, deflate, br")).await;
        assert_eq!(headers[header::CONTENT_ENCODING], "br", "{uri}");
        let mut decoded = vec![];
        brotli_decompressor::Decompressor::new(&brotli[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain, "{uri}");
        assert!(
            brotli.len() * 3 < plain.len() && gzip.len() * 3 < plain.len(),
            "{uri}: {} bytes plain, {} gzip, {} brotli",
            plain.len(),
            gzip.len(),
            brotli.len()
        );
    }
}

/// `/readyz` says the store's schema is current; every answer carries a
/// request id (the caller's own when sane, else one of ours, never the same
/// twice); `/metrics` counts the answers by the route as declared and times
/// them, in the Prometheus text format.
async fn a_server_you_can_watch_readyz_metrics_and_request_ids(db: TestDatabase) {
    let s = site(db).await;
    let ready = get(&s, "/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    let v: Value = serde_json::from_str(&ready.body).unwrap();
    assert_eq!(v["status"], "ready");
    let migrations = v["migrations"].as_u64().unwrap();
    assert!(migrations >= 19, "{migrations}");

    let own = get_with(&s, "/processes/gcm", &[("x-request-id", "lb-7f3a.42")]).await;
    assert_eq!(own.headers["x-request-id"], "lb-7f3a.42");
    let hostile = get_with(
        &s,
        "/processes/gcm",
        &[("x-request-id", "<script>alert(1)</script>")],
    )
    .await;
    let made = hostile.headers["x-request-id"].to_str().unwrap().to_owned();
    assert!(!made.contains('<') && !made.is_empty(), "{made}");
    let again = get(&s, "/processes/gcm").await;
    assert_ne!(again.headers["x-request-id"].to_str().unwrap(), made);
    let missing = get(&s, "/processes/no-such-process").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    // A made-up method is counted as `other`, never by its name.
    let odd = s
        .router
        .clone()
        .oneshot(
            Request::builder()
                .method("X-ATTACK-1")
                .uri("/processes/gcm")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(odd.status().is_client_error());

    let metrics = get(&s, "/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    let body = &metrics.body;
    assert!(
        body.contains("accord_http_requests_total{route=\"/processes/{slug}\",method=\"GET\",status=\"200\"} 3"),
        "three answers to the process page, counted under its route:\n{body}"
    );
    assert!(body.contains(
        "accord_http_requests_total{route=\"/processes/{slug}\",method=\"GET\",status=\"404\"} 1"
    ));
    assert!(
        body.contains("accord_http_request_duration_seconds_count{route=\"/processes/{slug}\"} 5")
    );
    assert!(body.contains(
        "accord_http_request_duration_seconds_bucket{route=\"/processes/{slug}\",le=\"+Inf\"} 5"
    ));
    assert!(body.contains(&format!(
        "accord_store_migrations{{state=\"applied\"}} {migrations}"
    )));
    assert!(body.contains(&format!(
        "accord_store_migrations{{state=\"known\"}} {migrations}"
    )));
    assert!(body.contains("accord_search_index_open 1"));
    for status in ["running", "succeeded", "failed"] {
        assert!(
            body.contains(&format!("accord_jobs{{status=\"{status}\"}} ")),
            "every job status is named:\n{body}"
        );
    }
    assert!(
        !body.contains("no-such-process"),
        "raw paths never become labels"
    );
    // Every sample line is `name{labels} value` or `name value`.
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "{line}");
        assert!(line.starts_with("accord_"), "{line}");
    }
}

/// The count of anonymous reads served from a copy (`/metrics`).
async fn cache_hits(s: &Site) -> u64 {
    let metrics = get(s, "/metrics").await.body;
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("accord_page_cache_requests_total{result=\"hit\"} "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no hit count in\n{metrics}"))
}

/// An anonymous read is served from a copy while nothing is written, with
/// an ETag a reader can revalidate (304); a write moves the generation on
/// and the next read shows it; each language and encoding has its copy.
async fn published_pages_are_served_from_memory_until_a_write(db: TestDatabase) {
    let s = site(db).await;
    let uri = "/api/v1/processes/gcm/themes";
    let first = get(&s, uri).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = first.headers[header::ETAG].to_str().unwrap().to_owned();
    let hits = cache_hits(&s).await;
    let again = get(&s, uri).await;
    assert_eq!(again.body, first.body);
    assert_eq!(again.headers[header::ETAG], etag.as_str());
    assert_eq!(cache_hits(&s).await, hits + 1, "the second read is a copy");
    let revalidated = get_with(&s, uri, &[("if-none-match", &etag)]).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.body.is_empty());
    assert_eq!(revalidated.headers[header::ETAG], etag.as_str());

    // A write, acknowledged: the next read shows it.
    let mut theme = s.app.themes("gcm").await.unwrap()[0].clone();
    theme.code = "cache-test".parse().unwrap();
    theme.number = None;
    theme.title = "A theme added after the first read".into();
    s.app
        .add_theme(&accord_app::Principal::System("test"), theme)
        .await
        .unwrap();
    let after = get(&s, uri).await;
    assert!(
        after.body.contains("A theme added after the first read"),
        "{}",
        after.body
    );
    assert_ne!(after.headers[header::ETAG], etag.as_str());
    let stale = get_with(&s, uri, &[("if-none-match", &etag)]).await;
    assert_eq!(stale.status, StatusCode::OK, "the old tag is not current");

    // Each language has its copy.
    let fr = get_with(&s, "/processes/gcm", &[("accept-language", "fr")]).await;
    let en = get_with(&s, "/processes/gcm", &[("accept-language", "en")]).await;
    let fr_again = get_with(&s, "/processes/gcm", &[("accept-language", "fr")]).await;
    assert!(fr.body.contains("lang=\"fr\"") && en.body.contains("lang=\"en\""));
    assert_eq!(fr_again.body, fr.body);
    // And each encoding: a copy kept compressed is given only to readers
    // who accept that encoding.
    let br = s
        .router
        .clone()
        .oneshot(
            Request::get("/processes/gcm")
                .header("accept-encoding", "br")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
    let plain = get(&s, "/processes/gcm").await;
    assert!(!plain.headers.contains_key(header::CONTENT_ENCODING));
    assert!(plain.body.contains("<html"));
    // A signed-in reader's answer is never a copy (it carries no ETag of
    // the cache and is not stored).
    let personal = get_with(&s, "/processes/gcm", &[("cookie", "accord_session=nobody")]).await;
    assert!(!personal.headers.contains_key(header::ETAG));
}
