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
    the_vote_page_names_states_in_the_readers_language,
    the_map_and_legend_say_which_votes_the_record_does_not_name,
    the_vote_map_is_a_file_revalidated_by_its_etag,
    an_endorsing_resolution_is_created_adopted_and_shown,
    separate_votes_and_oral_changes_are_shown_before_the_vote_on_the_whole,
);

/// CLDR's name of the territory `iso2` in `lang`, read by the test from the
/// vendored file (not typed here, not through the code under test).
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

/// A GET with headers; the body as text, and the answer's headers.
async fn get_in(
    router: &axum::Router,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, String, header::HeaderMap) {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    let res = router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let h = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 8 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap(), h)
}

/// The GCM's endorsement by the General Assembly (the recorded vote).
async fn recorded_vote(app: &App) -> i64 {
    app.adoptions("gcm")
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.adoption.vote.is_some())
        .unwrap()
        .adoption
        .id
}

async fn the_vote_page_names_states_in_the_readers_language(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let ga = recorded_vote(&app).await;
    let page = format!("/processes/gcm/adoptions/{ga}");
    for (lang, dir) in [("fr", "ltr"), ("ar", "rtl"), ("zh", "ltr")] {
        let lang_header = [(header::ACCEPT_LANGUAGE, lang)];
        let (status, html, _) = get_in(&router, &page, &lang_header).await;
        assert_eq!(status, StatusCode::OK);
        for (code, iso2) in [("MEX", "MX"), ("USA", "US"), ("HUN", "HU")] {
            let name = cldr(lang, iso2);
            let cell =
                format!("<a href=\"/actors/{code}\" lang=\"{lang}\" dir=\"{dir}\">{name}</a>");
            assert!(html.contains(&cell), "{lang}: {cell}");
        }
        assert!(
            !html.contains(">Mexico</a>"),
            "{lang}: no English name left in the table"
        );
        // The map names them in the reader's language too.
        let (_, map, _) = get_in(&router, &map_src(&html), &lang_header).await;
        assert!(
            map.contains(&format!("data-state=\"HUN\"><title>{}: ", cldr(lang, "HU"))),
            "{lang}"
        );
        // The CSV keeps the English name and adds the reader's.
        let (_, csv, _) = get_in(&router, &format!("{page}/votes.csv"), &lang_header).await;
        let header_line = csv.lines().next().unwrap();
        assert_eq!(
            header_line,
            format!("code,name,name_{lang},region,subregion,vote,intended")
        );
        let usa = csv.lines().find(|l| l.starts_with("USA,")).unwrap();
        assert!(
            usa.starts_with(&format!("USA,United States,{},", cldr(lang, "US"))),
            "{usa}"
        );
    }
    // Sorted by the names the reader sees, accents aside: in French the
    // United States (États-Unis) come among the E's, before Finland.
    let (_, html, _) = get_in(&router, &page, &[(header::ACCEPT_LANGUAGE, "fr")]).await;
    let at = |iso2: &str| html.find(&format!(">{}</a>", cldr("fr", iso2))).unwrap();
    assert!(at("ES") < at("US") && at("US") < at("FI") && at("US") < at("ZW"));
    // Regions and sub-regions too, by their M49 codes' names in CLDR.
    assert!(
        html.contains("<td lang=\"fr\" dir=\"ltr\">Europe de l’Ouest</td>"),
        "France's sub-region in French"
    );
    assert!(!html.contains(">Western Europe<"));
    // In English, the United Nations' names as stored.
    let (_, html, _) = get(&router, &page).await;
    assert!(html.contains("<a href=\"/actors/MEX\" lang=\"en\" dir=\"ltr\">Mexico</a>"));
}

async fn the_map_and_legend_say_which_votes_the_record_does_not_name(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let ga = recorded_vote(&app).await;
    let page = format!("/processes/gcm/adoptions/{ga}");
    // What the record says: the totals, and the states it names.
    let (_, body, _) = get(&router, &format!("/api/v1/processes/gcm/adoptions/{ga}")).await;
    let v: Value = serde_json::from_str(&body).unwrap();
    let totals = &v["adoption"]["vote"]["totals"];
    let named = |choice: &str| {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["vote"] == choice)
            .count() as u64
    };
    let yes = totals["yes"].as_u64().unwrap();
    let not_voting = totals["not_voting"].as_u64().unwrap();
    assert_eq!(named("yes"), 0, "the sources name no state in favour");
    assert_eq!(
        named("no"),
        totals["no"].as_u64().unwrap(),
        "every state against is named"
    );

    let (_, html, _) = get(&router, &page).await;
    let in_favour = format!("{yes} in favour — not named in the record");
    let not_voting = format!("{not_voting} not voting — not named in the record");
    // Prominently: a notice above the map, and in the legend beside the swatch.
    let notice = html.split("id=\"unnamed-votes\"").nth(1).expect("a notice");
    let notice = &notice[..notice.find("</div>").unwrap()];
    assert!(
        notice.contains(&format!("<li>{in_favour}</li>")),
        "{notice}"
    );
    assert!(
        notice.contains(&format!("<li>{not_voting}</li>")),
        "{notice}"
    );
    assert!(
        !notice.contains("against") && !notice.contains("abstentions"),
        "{notice}"
    );
    assert!(html.contains(&format!(
        "In favour <strong class=\"unnamed-count\">({in_favour})</strong>"
    )));
    assert!(
        html.find("id=\"unnamed-votes\"").unwrap() < html.find("<img class=\"vote-map\"").unwrap()
    );
    // On the map itself, which is also a file of its own.
    let (_, map, _) = get(&router, &map_src(&html)).await;
    assert!(
        map.contains(&format!(">{in_favour}</text>")),
        "the map says it"
    );
    assert!(map.contains(&format!(">{not_voting}</text>")));
    assert!(
        map.contains(&format!("{in_favour}.")),
        "and its description"
    );
    // In French and Arabic too (the notice's words from the catalogue).
    let (_, fr, _) = get_in(&router, &page, &[(header::ACCEPT_LANGUAGE, "fr")]).await;
    assert!(fr.contains(&format!(
        "<li>{yes} voix pour — non nommés dans le relevé</li>"
    )));
    let (_, ar_map, _) = get_in(&router, &map_src(&fr), &[(header::ACCEPT_LANGUAGE, "ar")]).await;
    assert!(
        ar_map.contains("direction=\"rtl\""),
        "Arabic notes run right to left"
    );
}

async fn the_vote_map_is_a_file_revalidated_by_its_etag(db: TestDatabase) {
    let (app, router) = site(&db).await;
    let ga = recorded_vote(&app).await;
    let (_, html, _) = get(&router, &format!("/processes/gcm/adoptions/{ga}")).await;
    let src = map_src(&html);
    let (status, svg, h) = get_in(&router, &src, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(svg.starts_with("<svg"));
    let etag = h[header::ETAG].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    assert_eq!(h[header::CACHE_CONTROL], "public, no-cache");
    let vary: Vec<&str> = h
        .get_all(header::VARY)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("accept-language")),
        "{vary:?}"
    );
    // Asked again with its tag: 304, no body.
    let (status, body, h304) = get_in(&router, &src, &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(h304[header::ETAG].to_str().unwrap(), etag);
    // Another tag, or another language's map: the whole map.
    let (status, _, _) = get_in(
        &router,
        &src,
        &[(header::IF_NONE_MATCH, "W/\"000000000000\"")],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, fr) = get_in(
        &router,
        &src,
        &[
            (header::IF_NONE_MATCH, &etag),
            (header::ACCEPT_LANGUAGE, "fr"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(fr[header::ETAG].to_str().unwrap(), etag);
    // A signed-in reader's answer is kept by no cache, as every personal one.
    let (cookie, _) = session(&app, "sec@example.org", Role::Secretariat, None).await;
    let (status, _, h) = get_in(&router, &src, &[(header::COOKIE, &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
}

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

/// The address of the vote map a vote page shows (`<img src>`).
fn map_src(html: &str) -> String {
    let img = html
        .split("<img class=\"vote-map\" src=\"")
        .nth(1)
        .expect("a map");
    img[..img.find('"').unwrap()].replace("&amp;", "&")
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
    // The majority counts the members present and voting (152 + 5); the
    // record does not list who was present, so no presence is shown.
    assert!(
        html.contains("Present and voting: 157; majority required: 79"),
        "{html}"
    );
    assert!(!html.contains("of whom 12 abstaining"));
    // The map: its own file, not inlined, with a text alternative that
    // points at the table; a shape per member state, its vote in its title.
    assert!(!html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let src = map_src(&html);
    assert!(
        src.starts_with(&format!("/processes/gcm/adoptions/{ga}/map.svg?v=")),
        "{src}"
    );
    assert!(html
        .contains("Each member state&#39;s vote is in the table of member states below the map."));
    let (_, map, _) = get(&router, &src).await;
    assert!(map.contains("data-state=\"HUN\"><title>Hungary: Against</title>"));
    assert!(map.contains("data-state=\"CHE\"><title>Switzerland: Abstaining</title>"));
    assert!(map.contains("data-state=\"FRA\"><title>France: Not recorded</title>"));
    assert!(html.contains("Not drawn at this scale: Tuvalu (Not recorded)"));
    // The chain: it endorses the conference's adoption, and links to the
    // text endorsed; its own text is a resolution, whose wording the demo
    // does not reproduce: it says so and points at the official record.
    assert!(html.contains(&format!("/processes/gcm/adoptions/{}", list[0].adoption.id)));
    assert!(html.contains(&format!(
        "class=\"endorsed-text\" href=\"/processes/gcm/drafts/gcm-draft/versions/{}\"",
        list[0].version_seq
    )));
    assert!(
        html.contains("Adopted from the draft resolution <span class=\"symbol\">A/73/L.66</span>")
    );
    assert!(html.contains("The resolution&#39;s wording is not recorded here."));
    assert!(html.contains("href=\"https://undocs.org/A/RES/73/195\""));
    assert!(
        !html.contains("class=\"operative\""),
        "no paragraph is invented"
    );
    // The conference's page: endorsed by A/RES/73/195.
    let (_, conference, _) = get(
        &router,
        &format!("/processes/gcm/adoptions/{}", list[0].adoption.id),
    )
    .await;
    assert!(conference.contains(&format!(
        "<a class=\"endorsed-by\" href=\"/processes/gcm/adoptions/{ga}\" lang=\"en\" dir=\"ltr\"><span class=\"symbol\">A/RES/73/195</span></a>"
    )));
    assert!(!conference.contains("id=\"resolution-h\""));
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
    assert_eq!(lines[0], "code,name,name_en,region,subregion,vote,intended");
    assert!(lines.contains(&"USA,United States,United States,America,Northern America,no,"));
    assert!(lines.contains(&"LIE,Liechtenstein,Liechtenstein,Europe,Western Europe,abstain,"));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with(",not_recorded,"))
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
    let marrakech = app.adoptions("gcm").await.unwrap()[0].adoption.id;
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
        // The General Assembly's plenary has adopted its resolution already.
        (
            json!({ "meeting": meeting, "draft": "a-73-l66", "version": 1, "title": "Again",
                    "adopted_on": "2018-12-19", "method": "consensus" }),
            StatusCode::CONFLICT,
            "already_adopted",
        ),
        // An endorsement adopts a text of its own, a resolution.
        (
            json!({ "meeting": meeting, "draft": "gcm-draft", "version": 5, "title": "Endorsement",
                    "adopted_on": "2018-12-19", "method": "consensus", "endorses": marrakech }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "endorsement_needs_its_own_text",
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
                    present: None,
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
    // The script that refreshes it, at its content-hashed address.
    let script = public.split("<script src=\"").nth(1).unwrap();
    let script = &script[..script.find('"').unwrap()];
    assert!(
        script.starts_with("/static/live.")
            && script.ends_with(".js")
            && script != "/static/live.js"
    );
    let (status, js, h) = get_in(&router, script, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        h[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert!(js.contains("data-live"));
    let (_, map, _) = get(&router, &map_src(&public)).await;
    assert!(map.contains("data-state=\"MEX\"><title>Mexico: Not yet voted</title>"));
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
    // A ballot changes the map's address: a page refreshed after it never
    // shows a map the browser kept from before.
    assert_ne!(map_src(&html), map_src(&public));
    let (_, b, _) = send(&router, as_(&mex_cookie, &map_src(&html))).await;
    assert!(String::from_utf8(b)
        .unwrap()
        .contains("data-state=\"MEX\"><title>Mexico: In favour</title>"));
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
    let (_, map, _) = get(&router, &map_src(&html)).await;
    assert!(map.contains("data-state=\"FRA\"><title>France: Not voting</title>"));
    // Every ballot named: nothing to say about unnamed votes.
    assert!(!html.contains("not named in the record") && !map.contains("unnamed-notes"));
    let (_, csv, _) = get(&router, &format!("{page}/votes.csv")).await;
    assert!(csv.contains("MEX,Mexico,Mexico,America,Central America,yes"));
    assert_eq!(
        csv.lines().filter(|l| l.ends_with(",not_voting,")).count(),
        192
    );

    // After the vote, Mexico's delegation says it intended to vote against:
    // its own state only is offered; the vote it cast is refused beside the
    // field, what was chosen kept; the statement then stands beside the
    // ballot, which does not change.
    let (_, mine, _) = send(&router, as_(&mex_cookie, &page)).await;
    let mine = String::from_utf8(mine).unwrap();
    assert!(mine.contains("id=\"state-intention\""));
    assert!(mine.contains("<option value=\"MEX\">Mexico</option>"));
    assert!(
        !mine.contains("<option value=\"FRA\">"),
        "only its own state"
    );
    assert!(
        !html.contains("id=\"state-intention\""),
        "not offered to the public"
    );
    let intend = |vote: &str| {
        form(
            &mex_cookie,
            format!("{page}/intentions"),
            format!("csrf={mex_csrf}&state=MEX&vote={vote}"),
        )
    };
    let (status, back, _) = send(&router, intend("yes")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let back = String::from_utf8(back).unwrap();
    assert!(
        back.contains("id=\"intention-error\""),
        "the message beside the form"
    );
    assert!(
        back.contains("MEX is recorded as voting &#39;yes&#39; already"),
        "{back}"
    );
    assert!(
        back.contains("<option value=\"yes\" selected>"),
        "what was chosen is kept"
    );
    let (status, _, _) = send(&router, intend("no")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html, _) = get(&router, &page).await;
    assert!(html.contains("In favour <span class=\"intended\">(intended to vote against)</span>"));
    assert!(html.contains("Adopted"), "the outcome stands");
    let (_, csv, _) = get(&router, &format!("{page}/votes.csv")).await;
    assert!(csv.contains("MEX,Mexico,Mexico,America,Central America,yes,no\r\n"));
    let (status, _, _) = send(&router, intend("abstain")).await;
    assert_eq!(status, StatusCode::CONFLICT, "one statement per state");
    let (_, mine, _) = send(&router, as_(&mex_cookie, &page)).await;
    assert!(!String::from_utf8(mine)
        .unwrap()
        .contains("id=\"state-intention\""));
    // Over the API, the secretariat records France's: the detail says it.
    let (status, _, _) = send(
        &router,
        form(
            &sec_cookie,
            format!("{page}/intentions"),
            format!("csrf={sec_csrf}&state=FRA&vote=abstain"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, detail, _) = get(&router, &format!("/api/v1/processes/gcm/adoptions/{id}")).await;
    let detail: Value = serde_json::from_str(&detail).unwrap();
    let fra = detail["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "FRA")
        .unwrap();
    assert_eq!(
        (fra["vote"].as_str(), fra["intended"].as_str()),
        (Some("not_voting"), Some("abstain"))
    );
    assert_eq!(
        detail["adoption"]["intentions"].as_array().unwrap().len(),
        2
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
    // Named in the reader's language.
    let (_, b, _) = send(
        &router,
        Request::get("/processes/gcm/pledges")
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT_LANGUAGE, "fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let html = String::from_utf8(b).unwrap();
    assert!(html.contains("<option value=\"MEX\">Mexique</option>"));
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

/// A draft resolution made over the API, imported, adopted as an
/// endorsement of the conference's adoption: its page shows the preambular
/// and operative paragraphs, the API gives them; a bad kind is refused.
async fn an_endorsing_resolution_is_created_adopted_and_shown(db: TestDatabase) {
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
    let post = |path: &str, body: Value| {
        Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/drafts",
            json!({ "slug": "res", "title": "A resolution (test)", "kind": "decree" }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/drafts",
            json!({ "slug": "res", "title": "A resolution (test)", "kind": "resolution", "symbol": "A/73/L.999" }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    app.import_version(
        &system,
        "gcm",
        "res",
        "L.999",
        Some("2018-12-18".parse().unwrap()),
        accord_app::negotiation::ImportSource::Markdown(
            "# A resolution (test)\n\n## Preamble\n\n1. Recalling the compact (test).\n\n## Operative part\n\n2. Endorses the compact (test).\n".into(),
        ),
        true,
    )
    .await
    .unwrap();
    app.agree_ad_referendum(&system, "gcm", "res", 1)
        .await
        .unwrap();
    let list = app.adoptions("gcm").await.unwrap();
    let (marrakech, meeting) = (list[0].adoption.id, list[1].meeting.id);
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/adoptions",
            json!({ "meeting": meeting, "draft": "res", "version": 1, "title": "Endorsement (test)",
                    "adopted_on": "2018-12-19", "symbol": "A/RES/73/999", "method": "consensus",
                    "endorses": marrakech }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let id = serde_json::from_slice::<Value>(&bytes).unwrap()["adoption"]["id"]
        .as_i64()
        .unwrap();
    let (_, json, _) = get(&router, &format!("/api/v1/processes/gcm/adoptions/{id}")).await;
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["resolution"]["preambular"][0]["num"], Value::Null, "{v}");
    assert_eq!(v["resolution"]["operative"][0]["num"], "1.");
    assert_eq!(
        v["resolution"]["operative"][0]["text"],
        "Endorses the compact (test)."
    );
    assert_eq!(v["draft"]["kind"], "resolution");
    assert_eq!(v["draft"]["symbol"], "A/73/L.999");
    let (_, html, _) = get(&router, &format!("/processes/gcm/adoptions/{id}")).await;
    assert!(html.contains("<p class=\"preambular\""), "{html}");
    assert!(html.contains("Recalling the compact (test)."));
    assert!(html.contains("<span class=\"num\">1.</span> Endorses the compact (test)."));
    assert!(!html.contains("resolution-not-recorded"));
    let (_, conference, _) = get(&router, &format!("/processes/gcm/adoptions/{marrakech}")).await;
    assert!(conference.contains("<span class=\"symbol\">A/RES/73/999</span>"));
    let (_, drafts, _) = get(&router, "/processes/gcm/drafts").await;
    assert!(drafts.contains("A/73/L.999"));
}

/// Separate votes and oral changes over the API and in the portal: the
/// secretariat records a separate vote that deletes a paragraph and an oral
/// amendment put to the vote; the meeting's desk and, once the text is
/// adopted, the adoption's page show them in order before the vote on the
/// whole, the deleted paragraph marked in the text; a second vote on the
/// paragraph is refused with its kind; a delegate's form is refused.
async fn separate_votes_and_oral_changes_are_shown_before_the_vote_on_the_whole(db: TestDatabase) {
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
    let post = |path: &str, body: Value| {
        Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    app.create_draft(
        &system,
        "gcm",
        accord_app::negotiation::DraftRequest {
            slug: "res".into(),
            title: "A resolution (test)".into(),
            kind: accord_domain::negotiation::DraftKind::Resolution,
            symbol: Some("A/73/L.998".into()),
            simulated: false,
        },
    )
    .await
    .unwrap();
    app.import_version(
        &system,
        "gcm",
        "res",
        "L.998",
        Some("2018-12-18".parse().unwrap()),
        accord_app::negotiation::ImportSource::Markdown(
            "# A resolution (test)\n\n## Preamble\n\n1. Recalling the compact (test).\n\n## Operative part\n\n2. Endorses the compact (test).\n\n3. Requests a report (test).\n".into(),
        ),
        true,
    )
    .await
    .unwrap();
    app.agree_ad_referendum(&system, "gcm", "res", 1)
        .await
        .unwrap();
    // A plenary of its own (the demo's has adopted its texts already).
    let mut plenary = app.adoptions("gcm").await.unwrap()[1]
        .meeting
        .meeting
        .clone();
    plenary.slug = "test-plenary".parse().unwrap();
    plenary.title = "A plenary meeting (test)".into();
    let m = app.add_meeting(&system, plenary).await.unwrap();
    let members = app
        .all_actors(Some(accord_domain::ActorKind::MemberState))
        .await
        .unwrap()
        .len() as u64;
    let votes = format!("/api/v1/processes/gcm/meetings/{m}/paragraph-votes");
    let separate = json!({
        "draft": "res", "version": 1, "paragraph": "para_3", "requested_by": "HUN",
        "voted_on": "2018-12-19",
        "vote": { "majority": "simple", "totals": { "yes": 30, "no": 120, "abstain": 20, "not_voting": members - 170 },
                  "ballots": { "no": "USA", "yes": "HUN" } }
    });
    let (got, bytes, _) = send(&router, post(&votes, separate.clone())).await;
    let body = String::from_utf8_lossy(&bytes).to_string();
    assert_eq!(got, StatusCode::CREATED, "{body}");
    let made: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(made["paragraph_vote"]["result"], "deleted", "{made}");
    assert_eq!(made["paragraph_vote"]["number"], "3.");
    assert_eq!(made["requested_by_name"], "Hungary");
    // Once a meeting: refused with its kind, nothing stored.
    let (got, bytes, _) = send(&router, post(&votes, separate)).await;
    assert_eq!(got, StatusCode::CONFLICT);
    let refused: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(refused["error"], "paragraph_already_voted", "{refused}");
    let (got, bytes, _) = send(
        &router,
        post(
            &format!("/api/v1/processes/gcm/meetings/{m}/oral-changes"),
            json!({
                "draft": "res", "version": 1, "paragraph": "2", "kind": "oral_amendment",
                "moved_by": "HUN", "moved_on": "2018-12-19", "text": "Replace \"Endorses\" by \"Takes note of\".",
                "vote": { "majority": "simple", "totals": { "yes": 20, "no": 130, "abstain": 20, "not_voting": members - 170 } }
            }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let (status, json, _) = get(&router, &votes).await;
    assert_eq!(status, StatusCode::OK);
    let list: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        list["items"][0]["paragraph_vote"]["vote"]["ballots"],
        json!([{ "state": "USA", "vote": "no" }, { "state": "HUN", "vote": "yes" }]),
        "the ballots on record, kept whole"
    );
    let (_, json, _) = get(
        &router,
        &format!("/api/v1/processes/gcm/meetings/{m}/oral-changes"),
    )
    .await;
    let list: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        list["items"][0]["oral_change"]["outcome"], "rejected",
        "{list}"
    );
    assert_eq!(list["items"][0]["oral_change"]["moved_by"], "HUN");

    // The meeting's desk, as anyone reads it: the separate vote and the
    // amendment, in the order recorded on the day; no forms.
    let (status, html, _) = get(&router, &format!("/processes/gcm/meetings/{m}/adoption")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let vote_line = "Paragraph 3 (requested by Hungary): deleted, 30–120–20";
    let oral_line = "Oral amendment moved by Hungary to paragraph 2: rejected";
    assert!(html.contains(vote_line), "{html}");
    assert!(html.contains(oral_line), "{html}");
    assert!(
        html.find(vote_line) < html.find(oral_line),
        "in the order recorded"
    );
    assert!(!html.contains("id=\"paragraph-vote-form\""));

    // The vote on the whole; its page shows what preceded it and the text
    // as adopted, paragraph 3 (operative 2) deleted.
    let (got, bytes, _) = send(
        &router,
        post(
            "/api/v1/processes/gcm/adoptions",
            json!({ "meeting": m, "draft": "res", "version": 1, "title": "Adoption (test)",
                    "adopted_on": "2018-12-19", "method": "consensus" }),
        ),
    )
    .await;
    assert_eq!(
        got,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let id = serde_json::from_slice::<Value>(&bytes).unwrap()["adoption"]["id"]
        .as_i64()
        .unwrap();
    let (_, html, _) = get(&router, &format!("/processes/gcm/adoptions/{id}")).await;
    assert!(
        html.contains(vote_line) && html.contains(oral_line),
        "{html}"
    );
    let before = html
        .find("id=\"before-h\"")
        .expect("the section before the whole");
    assert!(before < html.find("id=\"resolution-h\"").unwrap());
    assert!(
        html.contains("Paragraphs deleted from the text as adopted: 3"),
        "{html}"
    );
    assert!(
        html.contains("<del>Requests a report (test).</del>"),
        "the deleted paragraph is struck in the text: {html}"
    );
    assert!(html.contains("Endorses the compact (test).</p>"));
    let (_, json, _) = get(&router, &format!("/api/v1/processes/gcm/adoptions/{id}")).await;
    let d: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(d["deleted"], json!(["3"]), "{d}");
    assert_eq!(d["paragraph_votes"].as_array().unwrap().len(), 1);
    assert_eq!(d["oral_changes"].as_array().unwrap().len(), 1);
    // After the vote on the whole, nothing more before it.
    let (got, bytes, _) = send(
        &router,
        post(
            &votes,
            json!({ "draft": "res", "version": 1, "paragraph": "2", "requested_by": "HUN", "voted_on": "2018-12-19",
                    "vote": { "majority": "simple", "totals": { "yes": members, "no": 0, "abstain": 0, "not_voting": 0 } } }),
        ),
    )
    .await;
    assert_eq!(got, StatusCode::CONFLICT);
    assert_eq!(
        serde_json::from_slice::<Value>(&bytes).unwrap()["error"],
        "version_already_adopted"
    );

    // A delegate's form is refused; the secretariat's desk has the forms.
    let (cookie, csrf) = session(&app, "hun@example.org", Role::Delegate, Some("HUN")).await;
    let res = router
        .clone()
        .oneshot(
            Request::post(format!("/processes/gcm/meetings/{m}/oral-changes"))
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "csrf={csrf}&draft=res&version=1&paragraph=2&kind=oral_revision&moved_by=HUN&moved_on=2018-12-19&text=x&outcome=accepted"
                )))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (cookie, _) = session(&app, "sec2@example.org", Role::Secretariat, None).await;
    let (status, html, _) = get_in(
        &router,
        &format!("/processes/gcm/meetings/{m}/adoption"),
        &[(header::COOKIE, &cookie)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("id=\"paragraph-vote-form\"") && html.contains("id=\"oral-change-form\"")
    );
}
