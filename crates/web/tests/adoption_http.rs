//! Adoption and follow-up in the portal and the API: the GCM demo's
//! adoption and endorsement, the vote table sorted three ways, the world map
//! drawn by the server, the CSV and Akoma Ntoso exports; bad votes and
//! pledges refused over the API with their own error, nothing changed.

use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo};
use accord_domain::{Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

on_both_stores!(
    the_vote_is_shown_as_a_table_a_map_and_exports,
    bad_votes_and_pledges_are_refused_over_the_api,
    a_vote_is_taken_in_the_portal,
    pledges_are_made_and_reported_in_the_portal,
    the_records_an_adoption_embeds_are_declared_field_by_field,
);

async fn send(router: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<u8>, String) {
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let ct = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(res.into_body(), 8 << 20)
        .await
        .unwrap();
    (status, bytes.to_vec(), ct)
}

async fn get(router: &axum::Router, path: &str) -> (StatusCode, String, String) {
    let (s, b, ct) = send(router, Request::get(path).body(Body::empty()).unwrap()).await;
    (s, String::from_utf8(b).unwrap(), ct)
}

async fn site(db: &TestDatabase) -> (Arc<App>, axum::Router) {
    let app = App::in_data_dir(db.store().await, &db.data_dir);
    app.load_demo(Demo::Gcm).await.unwrap();
    let app = Arc::new(app);
    let router = accord_web::router(app.clone());
    (app, router)
}

async fn the_vote_is_shown_as_a_table_a_map_and_exports(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let list = app.adoptions("gcm").await.unwrap();
    let ga = list[1].adoption.id;
    let (status, html, _) = get(&router, "/processes/gcm/adoptions").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("A/CONF.231/3") && html.contains("A/RES/73/195"));
    assert!(html.contains("152 in favour, 5 against, 12 abstaining, 24 not voting"));

    let (status, html, _) = get(&router, &format!("/processes/gcm/adoptions/{ga}")).await;
    assert_eq!(status, StatusCode::OK);
    // The map: inline SVG with a shape per member state, its vote in its title.
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(html.contains("data-state=\"HUN\"><title>Hungary: Against</title>"));
    assert!(html.contains("data-state=\"CHE\"><title>Switzerland: Abstaining</title>"));
    assert!(html.contains("data-state=\"FRA\"><title>France: Not recorded</title>"));
    assert!(html.contains("Not drawn at this scale: Tuvalu (Not recorded)"));
    // The chain: it endorses the conference's adoption.
    assert!(html.contains(&format!("/processes/gcm/adoptions/{}", list[0].adoption.id)));
    assert!(html.contains("79 votes in favour needed"));
    // The table, 193 member states, sorted three ways.
    let rows = |html: &str| -> Vec<String> {
        html.split("<tr data-vote=\"")
            .skip(1)
            .map(|r| {
                let code = r.split("<span class=\"code\">").nth(1).unwrap();
                code[..3].to_owned()
            })
            .collect()
    };
    let by_name = rows(&html);
    assert_eq!(by_name.len(), 193);
    assert_eq!(by_name[0], "AFG");
    let (_, by_vote, _) = get(&router, &format!("/processes/gcm/adoptions/{ga}?sort=vote")).await;
    let by_vote = rows(&by_vote);
    assert_eq!(&by_vote[..5], ["CZE", "HUN", "ISR", "POL", "USA"]);
    assert_eq!(by_vote[5], "DZA", "then the abstentions, by name");
    let (_, by_region, _) = get(
        &router,
        &format!("/processes/gcm/adoptions/{ga}?sort=region"),
    )
    .await;
    let by_region = rows(&by_region);
    assert_eq!(by_region[0], "BDI", "Africa, Eastern Africa, Burundi");
    assert_ne!(by_name, by_region);

    // CSV: a line per member state; nobody's vote guessed.
    let (status, csv, ct) = get(&router, &format!("/processes/gcm/adoptions/{ga}/votes.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/csv"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 194);
    assert!(lines.contains(&"USA,United States,America,Northern America,no"));
    assert!(lines.contains(&"LIE,Liechtenstein,Europe,Western Europe,abstain"));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with(",not_recorded"))
            .count(),
        176
    );
    // The map alone.
    let (status, svg, ct) = get(&router, &format!("/processes/gcm/adoptions/{ga}/map.svg")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("image/svg+xml"));
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    // Akoma Ntoso: the totals and each named vote.
    let (status, xml, ct) = get(&router, &format!("/processes/gcm/adoptions/{ga}/akn.xml")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ct, "application/akn+xml");
    assert!(xml.contains("value=\"152\""), "{xml}");
    assert!(xml.contains("<vote by=\"#usa\" choice=\"#no\">United States</vote>"));
    // A consensus has no vote to export.
    let (status, _, _) = get(
        &router,
        &format!("/processes/gcm/adoptions/{}/votes.csv", list[0].adoption.id),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&router, "/processes/gcm/adoptions/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The API reads.
    let (status, body, _) = get(&router, &format!("/api/v1/processes/gcm/adoptions/{ga}")).await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 193);
    assert_eq!(v["recorded"], 17);
    let fra = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "FRA")
        .unwrap();
    assert_eq!(fra["vote"], Value::Null);
    // The objectives of the adopted text, and an objective's page.
    let (status, html, _) = get(&router, "/processes/gcm/pledges").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("/processes/gcm/objectives/23"));
    let (status, html, _) = get(&router, "/processes/gcm/objectives/20").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("remittances"), "{html}");
    let (status, _, _) = get(&router, "/processes/gcm/objectives/24").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn bad_votes_and_pledges_are_refused_over_the_api(db: TestDatabase) {
    let (app, router) = site(&db).await;
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
    let post = |path: String, body: Value| {
        Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let ga = app.adoptions("gcm").await.unwrap()[1].adoption.id;
    let meeting = app.adoptions("gcm").await.unwrap()[1].meeting.id;
    let vote = |totals: Value, ballots: Value| {
        json!({
            "meeting": meeting, "draft": "gcm-draft", "version": 5, "title": "A vote",
            "adopted_on": "2018-12-19", "method": "recorded_vote",
            "vote": { "majority": "simple", "totals": totals, "ballots": ballots }
        })
    };
    let good = json!({ "yes": 100, "no": 50, "abstain": 30, "not_voting": 13 });
    let cases = [
        (
            vote(
                json!({ "yes": 1, "no": 1, "abstain": 1, "not_voting": 1 }),
                json!([]),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "totals_do_not_add_up",
        ),
        (
            vote(good.clone(), json!([{ "state": "VAT", "vote": "yes" }])),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_a_member_state",
        ),
        (
            vote(
                good.clone(),
                json!([{ "state": "MEX", "vote": "yes" }, { "state": "MEX", "vote": "no" }]),
            ),
            StatusCode::CONFLICT,
            "already_voted",
        ),
        (
            vote(good.clone(), json!([{ "state": "MEX", "vote": "maybe" }])),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            json!({ "meeting": meeting, "draft": "gcm-draft", "version": 99, "title": "x",
                    "adopted_on": "2018-12-19", "method": "consensus" }),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (json!([1, 2, 3]), StatusCode::BAD_REQUEST, "bad_request"),
        // The General Assembly's plenary has adopted the final draft already.
        (
            vote(good.clone(), json!([])),
            StatusCode::CONFLICT,
            "already_adopted",
        ),
    ];
    for (body, status, kind) in cases {
        let (got, bytes, _) = send(
            &router,
            post("/api/v1/processes/gcm/adoptions".into(), body.clone()),
        )
        .await;
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(got, status, "{body}: {v}");
        assert_eq!(v["error"], kind, "{body}: {v}");
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    // A second vote by a state already on record.
    let (got, bytes, _) = send(
        &router,
        post(
            format!("/api/v1/processes/gcm/adoptions/{ga}/ballots"),
            json!({ "ballots": [{ "state": "HUN", "vote": "yes" }] }),
        ),
    )
    .await;
    assert_eq!(got, StatusCode::CONFLICT);
    assert_eq!(
        serde_json::from_slice::<Value>(&bytes).unwrap()["error"],
        "already_voted"
    );
    // A pledge on an objective the text does not have.
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/pledges".into(),
            json!({ "actor": "MEX", "objectives": [30], "title": "x", "description": "y",
                    "made_on": "2022-05-18", "status": "announced" }),
        ),
    )
    .await;
    assert_eq!(got, StatusCode::UNPROCESSABLE_ENTITY);
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["error"], "unknown_objective");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("has no objective 30"));
    // Nothing changed.
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), 2);
    let d = app.adoption(&system, "gcm", ga).await.unwrap();
    assert_eq!(d.recorded, 17);
    assert!(app.pledges("gcm", None, 10).await.unwrap().0.is_empty());
    // A good pledge, then its page.
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/pledges".into(),
            json!({ "actor": "MEX", "objectives": [5], "title": "Synthetic pledge", "description": "Generated to try the system.",
                    "made_on": "2022-05-18", "status": "announced", "synthetic": true }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let (_, html, _) = get(&router, "/processes/gcm/objectives/5").await;
    assert!(html.contains("Synthetic pledge"));
    assert!(html.contains("America"));
}

/// A signed-in account: (cookie header, form token).
async fn session(app: &App, email: &str, role: Role, actor: Option<&str>) -> (String, String) {
    app.create_account(
        &Principal::System("test"),
        email,
        email,
        "correct horse battery staple",
        &[RoleGrant {
            role,
            process: Some("gcm".parse().unwrap()),
            actor: actor.map(|a| a.parse().unwrap()),
        }],
    )
    .await
    .unwrap();
    let s = app
        .login(email, "correct horse battery staple", "10.0.0.9")
        .await
        .unwrap();
    (format!("accord_session={}", s.secret), s.csrf)
}

async fn a_vote_is_taken_in_the_portal(db: TestDatabase) {
    use accord_app::adoption::AdoptionRequest;
    use accord_domain::adoption::*;
    let (app, router) = site(&db).await;
    // A plenary of its own: the demo's has adopted the final draft already,
    // and a meeting adopts a version once.
    let mut plenary = app.adoptions("gcm").await.unwrap()[1]
        .meeting
        .meeting
        .clone();
    plenary.slug = "test-plenary".parse().unwrap();
    plenary.title = "A plenary meeting (test)".into();
    let ga = app
        .add_meeting(&Principal::System("test"), plenary)
        .await
        .unwrap();
    let id = app
        .adopt(
            &Principal::System("test"),
            "gcm",
            AdoptionRequest {
                meeting: ga,
                draft: "gcm-draft".into(),
                version: 5,
                title: "A vote taken in Accord".into(),
                adopted_on: "2018-12-19".parse().unwrap(),
                symbol: None,
                method: AdoptionMethod::RecordedVote,
                vote: Some(RecordedVote {
                    majority: MajorityRule::Simple,
                    totals: Totals::default(),
                    ballots: vec![],
                    open: true,
                }),
                endorses: None,
                note: None,
                as_it_stands: false,
            },
        )
        .await
        .unwrap();
    let page = format!("/processes/gcm/adoptions/{id}");
    let (mex_cookie, mex_csrf) =
        session(&app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let (sec_cookie, sec_csrf) = session(&app, "sec@example.org", Role::Secretariat, None).await;
    let as_ = |cookie: &str, path: &str| {
        Request::get(path)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    let form = |cookie: &str, path: String, body: String| {
        Request::post(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    // The public sees the vote being taken, live, with nobody's vote guessed.
    let (_, public, _) = get(&router, &page).await;
    assert!(public.contains("Voting open"));
    assert!(public.contains(&format!("data-live=\"adoption/{id}\"")));
    assert!(public.contains("data-state=\"MEX\"><title>Mexico: Not yet voted</title>"));
    assert!(
        !public.contains("The vote of Mexico"),
        "no form for the public"
    );
    // Mexico's delegate sees a form for Mexico only.
    let (_, b, _) = send(&router, as_(&mex_cookie, &page)).await;
    let html = String::from_utf8(b).unwrap();
    assert!(html.contains("The vote of Mexico"));
    assert!(!html.contains("The vote of France"));
    assert!(!html.contains("Close the vote"));
    let (status, _, _) = send(
        &router,
        form(
            &mex_cookie,
            format!("{page}/vote"),
            format!("csrf={mex_csrf}&ballots[0][state]=MEX&ballots[0][vote]=yes"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // Once: the form is gone, and a second vote is refused.
    let (_, b, _) = send(&router, as_(&mex_cookie, &page)).await;
    let html = String::from_utf8(b).unwrap();
    assert!(!html.contains("The vote of Mexico"));
    assert!(html.contains("data-state=\"MEX\"><title>Mexico: In favour</title>"));
    let (status, _, _) = send(
        &router,
        form(
            &mex_cookie,
            format!("{page}/vote"),
            format!("csrf={mex_csrf}&ballots[0][state]=MEX&ballots[0][vote]=no"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Not for another state; not without the form token.
    let (status, _, _) = send(
        &router,
        form(
            &mex_cookie,
            format!("{page}/vote"),
            format!("csrf={mex_csrf}&ballots[0][state]=FRA&ballots[0][vote]=no"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = send(
        &router,
        form(
            &mex_cookie,
            format!("{page}/vote"),
            "ballots[0][state]=MEX&ballots[0][vote]=no".into(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // No Akoma Ntoso record of a vote still being taken.
    let (status, _, _) = get(&router, &format!("{page}/akn.xml")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // The secretariat closes it: counted, and the outcome shown.
    let (_, b, _) = send(&router, as_(&sec_cookie, &page)).await;
    assert!(String::from_utf8(b).unwrap().contains("Close the vote"));
    let (status, _, _) = send(
        &router,
        form(
            &sec_cookie,
            format!("{page}/close"),
            format!("csrf={sec_csrf}"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html, _) = get(&router, &page).await;
    assert!(!html.contains("Voting open"));
    assert!(html.contains("Adopted"));
    assert!(html.contains("data-state=\"FRA\"><title>France: Not voting</title>"));
    let (_, csv, _) = get(&router, &format!("{page}/votes.csv")).await;
    assert!(csv.contains("MEX,Mexico,America,Central America,yes"));
    assert_eq!(
        csv.lines().filter(|l| l.ends_with(",not_voting")).count(),
        192
    );
}

async fn pledges_are_made_and_reported_in_the_portal(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let (cookie, csrf) = session(&app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let page = |cookie: &str| {
        Request::get("/processes/gcm/pledges")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap()
    };
    let form = |path: &str, body: String| {
        Request::post(path)
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    // The public reads; a delegate may pledge for their own state only.
    let (_, public, _) = get(&router, "/processes/gcm/pledges").await;
    assert!(!public.contains("Record the pledge"));
    let (_, b, _) = send(&router, page(&cookie)).await;
    let html = String::from_utf8(b).unwrap();
    assert!(html.contains("<option value=\"MEX\">Mexico</option>"));
    assert!(!html.contains("<option value=\"FRA\">"), "not for France");
    let fields = |objectives: &str| {
        format!(
            "csrf={csrf}&actor=MEX&made_on=2022-05-18&status=announced&meeting=&title=Regular+pathways&description=More+regular+pathways.{objectives}"
        )
    };
    let (status, _, _) = send(
        &router,
        form(
            "/processes/gcm/pledges",
            fields("&objectives[]=5&objectives[]=23"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // An objective the text does not have: the rule's own message, nothing stored.
    let (status, body, _) = send(
        &router,
        form("/processes/gcm/pledges", fields("&objectives[]=30")),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(String::from_utf8(body).unwrap().contains("no objective 30"));
    let (pledges, _) = app.pledges("gcm", None, 10).await.unwrap();
    assert_eq!(pledges.len(), 1);
    assert_eq!(pledges[0].pledge.objectives, vec![5, 23]);
    let id = pledges[0].pledge.id;
    // Its maker reports progress from the pledge's card.
    let (_, b, _) = send(&router, page(&cookie)).await;
    assert!(String::from_utf8(b)
        .unwrap()
        .contains(&format!("/pledges/{id}/reports")));
    let (status, _, _) = send(
        &router,
        form(
            &format!("/processes/gcm/pledges/{id}/reports"),
            format!(
                "csrf={csrf}&reported_on=2024-05-01&status=in_progress&text=Two+agreements+signed."
            ),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html, _) = get(&router, "/processes/gcm/objectives/23").await;
    assert!(html.contains("Regular pathways"));
    assert!(html.contains("Two agreements signed."));
    assert!(html.contains("In progress"));
}

/// The keys of a schema's properties (through `allOf`), in the document.
fn declared(doc: &Value, name: &str) -> std::collections::BTreeSet<String> {
    let schema = &doc["components"]["schemas"][name];
    let mut out = std::collections::BTreeSet::new();
    let parts = match schema["allOf"].as_array() {
        Some(parts) => parts.clone(),
        None => vec![schema.clone()],
    };
    for part in parts {
        if let Some(r) = part["$ref"].as_str() {
            out.extend(declared(doc, r.rsplit('/').next().unwrap()));
        }
        if let Some(props) = part["properties"].as_object() {
            out.extend(props.keys().cloned());
        }
    }
    assert!(!out.is_empty(), "no schema {name}");
    out
}

#[track_caller]
fn keys(v: &Value) -> std::collections::BTreeSet<String> {
    let Some(o) = v.as_object() else {
        panic!("not an object: {v}")
    };
    o.keys().cloned().collect()
}

/// The meeting, the statement and the pledge an adoption's or a pledge's
/// answer embeds are declared by schemas of their own (their request part's
/// allows no other field): they name every field serialized, no other.
async fn the_records_an_adoption_embeds_are_declared_field_by_field(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let (_, doc, _) = get(&router, "/api/v1/openapi.json").await;
    let doc: Value = serde_json::from_str(&doc).unwrap();
    let first = &app.adoptions("gcm").await.unwrap()[0];
    let statement = app
        .add_statement(
            &Principal::System("test"),
            accord_domain::NewStatement {
                process: "gcm".parse().unwrap(),
                meeting: first.meeting.id,
                agenda_item: 0,
                actor: "MEX".parse().unwrap(),
                on_behalf_of: None,
                title: "Explanation of position".into(),
                delivered_on: first.adoption.adopted_on,
                distribution: accord_domain::Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            vec![
                accord_domain::ItemText::typed(accord_domain::Language::En, "Mr. Chair, …")
                    .unwrap(),
            ],
        )
        .await
        .unwrap();
    app.link_adoption_statement(
        &Principal::System("test"),
        "gcm",
        first.adoption.id,
        statement,
        accord_domain::adoption::AdoptionStatementKind::Position,
    )
    .await
    .unwrap();
    let (status, body, _) = get(
        &router,
        &format!("/api/v1/processes/gcm/adoptions/{}", first.adoption.id),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(keys(&v["meeting"]), declared(&doc, "AdoptionMeetingRecord"));
    assert_eq!(keys(&v["draft"]), declared(&doc, "Draft"));
    assert_eq!(keys(&v["adoption"]), declared(&doc, "Adoption"));
    assert_eq!(
        keys(&v["statements"][0]["statement"]),
        declared(&doc, "AdoptionStatementRecord")
    );
    app.make_pledge(
        &Principal::System("test"),
        accord_domain::adoption::NewPledge {
            process: "gcm".parse().unwrap(),
            actor: "MEX".parse().unwrap(),
            objectives: vec![5, 23],
            title: "Regular pathways".into(),
            description: "More regular pathways for workers.".into(),
            made_on: "2022-05-18".parse().unwrap(),
            status: accord_domain::adoption::PledgeStatus::Announced,
            meeting: None,
            synthetic: true,
        },
    )
    .await
    .unwrap();
    let (status, body, _) = get(&router, "/api/v1/processes/gcm/pledges?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(keys(&v["items"][0]["pledge"]), declared(&doc, "Pledge"));
    assert_eq!(keys(&v), declared(&doc, "PledgeList"));
}
