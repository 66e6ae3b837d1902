//! The negotiation pages, forms, exports and live updates, through the router,
//! on both real stores, with the GCM demo (its draft, and the simulated
//! amendments on Rev.3) and the clock in the negotiation phase (March 2018).

use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo};
use accord_domain::{Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

on_both_stores!(
    every_negotiation_page_renders_and_says_what_is_simulated,
    exports_are_the_formats_they_claim,
    a_delegate_amends_through_the_form_without_javascript,
    amendments_are_offered_only_while_the_process_negotiates,
    every_page_of_a_process_has_its_bar_with_the_section_and_the_phase_marked,
    open_pages_hear_of_a_change_within_a_second,
    a_translation_is_shown_side_by_side_and_exported,
);

const PASSWORD: &str = "correct horse battery staple";
const DRAFT: &str = "/processes/gcm/drafts/gcm-draft";

struct Site {
    router: Router,
    app: Arc<App>,
    _db: TestDatabase,
}

async fn site(db: TestDatabase) -> Site {
    site_on(db, "2018-03-01T12:00:00Z").await
}

/// The GCM demo's site with the clock at `now`.
async fn site_on(db: TestDatabase, now: &str) -> Site {
    let now: DateTime<Utc> = now.parse().unwrap();
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
    bytes: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

async fn send(site: &Site, req: Request<Body>) -> Reply {
    let res = site.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 16 << 20)
        .await
        .unwrap()
        .to_vec();
    Reply {
        status,
        headers,
        bytes,
    }
}

async fn get(site: &Site, uri: &str) -> Reply {
    send(site, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn every_negotiation_page_renders_and_says_what_is_simulated(db: TestDatabase) {
    let s = site(db).await;
    let simulation = "The amendments shown here are a simulation";
    let drafts = get(&s, "/processes/gcm/drafts").await;
    assert_eq!(drafts.status, StatusCode::OK);
    assert!(drafts.text().contains("gcm-draft"));
    let draft = get(&s, DRAFT).await;
    assert_eq!(draft.status, StatusCode::OK);
    for label in [
        "Zero draft",
        "Rev.1",
        "Rev.2",
        "Rev.3",
        "Final draft (agreed text)",
    ] {
        assert!(draft.text().contains(label), "{label}");
    }
    // The real draft is not a simulation: only its amendments are, and the
    // pages that show them say so.
    assert!(!draft.text().contains(simulation));
    let api = get(&s, "/api/v1/processes/gcm/drafts/gcm-draft").await;
    assert_eq!(api.status, StatusCode::OK);
    assert!(api.text().contains("\"simulated\":false"), "{}", api.text());
    // No simulated delegation among the real actors: the directory, its
    // filters and its API.
    let directory = get(&s, "/actors").await.text();
    assert!(directory.contains("Holy See"));
    assert!(!directory.contains("Simulated delegation") && !directory.contains("XAA"));
    let observers = get(&s, "/actors?kind=observer_state").await.text();
    assert!(!observers.contains("XAA"));
    let listed = get(&s, "/api/v1/actors?kind=observer_state&limit=200").await;
    let listed: serde_json::Value = serde_json::from_str(&listed.text()).unwrap();
    let codes: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["PSE", "VAT"]);
    let mut every: Vec<String> = Vec::new();
    let mut uri = "/api/v1/actors?limit=200".to_string();
    loop {
        let page: serde_json::Value = serde_json::from_str(&get(&s, &uri).await.text()).unwrap();
        for a in page["items"].as_array().unwrap() {
            every.push(a["code"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/actors?limit=200&cursor={c}"),
            None => break,
        }
    }
    assert!(every.len() > 195 && every.iter().any(|c| c == "MEX"));
    assert!(every
        .iter()
        .all(|c| !c.starts_with("XA") && c != "SIM-GROUP"));
    for kind in ["simulated_delegation", "simulated_group"] {
        let refused = get(&s, &format!("/api/v1/actors?kind={kind}")).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{kind}");
    }

    // The final text: 54 numbered paragraphs, agreed ad ref.
    let final_text = get(&s, &format!("{DRAFT}/versions/5")).await.text();
    assert!(final_text.contains(">54.</span>") && !final_text.contains(">55.</span>"));
    assert!(final_text.contains("Agreed ad ref"));
    assert!(final_text.contains("Objective 23: Strengthen international cooperation"));
    let zero = get(&s, &format!("{DRAFT}/versions/1")).await.text();
    assert!(zero.contains("Objective 22:") && !zero.contains("Objective 23:"));

    // The compilation text: proposals inline, attributed, and said to be simulated.
    let compilation = get(&s, &format!("{DRAFT}/versions/4/compilation")).await;
    assert_eq!(compilation.status, StatusCode::OK);
    let html = compilation.text();
    assert!(html.contains(simulation));
    assert!(
        html.contains("<del>People-centred</del>"),
        "a replacement's deletion"
    );
    assert!(html.contains("<ins>People-centred and rights-based</ins>"));
    assert!(html.contains("XAA, XAD"), "proposer and co-sponsor");
    assert!(html.contains("data-live=\"draft/gcm-draft\""));
    // Filtered by actor: only what XAB is part of.
    let xab = get(&s, &format!("{DRAFT}/versions/4/compilation?actor=XAB"))
        .await
        .text();
    assert!(!xab.contains("People-centred and rights-based") || xab.contains("XAB"));
    assert!(xab.contains("left out by the filter"));
    // Every status, withdrawn and decided ones too.
    let all = get(&s, &format!("{DRAFT}/versions/4/compilation?status=all"))
        .await
        .text();
    assert!(all.contains("Withdrawn") && all.contains("Rejected"));

    // Redline, lineage, an amendment.
    let redline = get(&s, &format!("{DRAFT}/redline?from=1&to=5"))
        .await
        .text();
    assert!(redline.contains("<ins>Strengthen international cooperation"));
    assert!(redline.contains("added"));
    let lineage = get(&s, &format!("{DRAFT}/versions/5/lineage/obj-23")).await;
    assert_eq!(lineage.status, StatusCode::OK);
    assert!(
        lineage.text().contains("Rev.2"),
        "objective 23 came with Rev.2"
    );
    let amendment = s
        .app
        .version("gcm", "gcm-draft", 4)
        .await
        .unwrap()
        .amendments[0]
        .id;
    let page = get(&s, &format!("{DRAFT}/amendments/{amendment}"))
        .await
        .text();
    assert!(page.contains(simulation) && page.contains("Supports") && page.contains("Objects"));

    // Bad addresses are pages, not crashes.
    for bad in [
        format!("{DRAFT}/versions/0"),
        format!("{DRAFT}/versions/99"),
        format!("{DRAFT}/versions/abc/compilation"),
        format!("{DRAFT}/versions/5/lineage/NOT%20A%20WID"),
        format!("{DRAFT}/versions/5/lineage/nowhere"),
        "/processes/gcm/drafts/nope".to_string(),
        format!("{DRAFT}/amendments/999999"),
        format!("{DRAFT}/versions/4/compilation?status=bogus"),
        format!("{DRAFT}/redline?from=1&to=77"),
    ] {
        let r = get(&s, &bad).await;
        assert!(r.status.is_client_error(), "{bad}: {}", r.status);
        assert!(r.text().contains("<html"), "{bad}: an HTML page");
    }
}

async fn exports_are_the_formats_they_claim(db: TestDatabase) {
    let s = site(db).await;
    let akn = get(&s, &format!("{DRAFT}/versions/5/akn.xml")).await;
    assert_eq!(akn.headers[header::CONTENT_TYPE], "application/akn+xml");
    let xml = akn.text();
    assert!(xml.contains("http://docs.oasis-open.org/legaldocml/ns/akn/3.0"));
    assert!(xml.contains("eId=\"para_54\"") && !xml.contains("eId=\"para_55\""));
    let amendments = get(&s, &format!("{DRAFT}/versions/4/amendments.xml"))
        .await
        .text();
    assert!(amendments.contains("amendmentList"));
    for (uri, phrase) in [
        (format!("{DRAFT}/versions/5/draft.docx"), "Objective 23"),
        (format!("{DRAFT}/versions/4/compilation.docx"), "simulation"),
        (format!("{DRAFT}/redline.docx?from=3&to=4"), "w:ins"),
    ] {
        let r = get(&s, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert_eq!(
            r.headers[header::CONTENT_TYPE],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert!(r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"gcm-draft-"));
        assert!(r.bytes.starts_with(b"PK\x03\x04"), "{uri}: a zip");
        let document = docx_document(&r.bytes);
        assert!(document.contains(phrase), "{uri}: {phrase}");
    }
    // Markdown: exported, it imports back to the same text.
    let md = get(&s, &format!("{DRAFT}/versions/5/draft.md"))
        .await
        .text();
    let back = accord_domain::negotiation::from_markdown(&md, None)
        .unwrap()
        .text;
    assert_eq!(
        back,
        s.app
            .version("gcm", "gcm-draft", 5)
            .await
            .unwrap()
            .version
            .text
    );
}

/// The text of `word/document.xml` inside a DOCX.
fn docx_document(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name("word/document.xml").unwrap();
    let mut out = String::new();
    std::io::Read::read_to_string(&mut file, &mut out).unwrap();
    out
}

/// A delegate of `state`, signed in: (session cookie, form token).
async fn delegate(s: &Site, email: &str, state: &str) -> (String, String) {
    s.app
        .create_account(
            &Principal::System("test"),
            email,
            "A delegate",
            PASSWORD,
            &[RoleGrant {
                role: Role::Delegate,
                process: Some("gcm".parse().unwrap()),
                actor: Some(state.parse().unwrap()),
            }],
        )
        .await
        .unwrap();
    let session = s.app.login(email, PASSWORD, "10.0.0.9").await.unwrap();
    (format!("accord_session={}", session.secret), session.csrf)
}

fn form(uri: &str, cookie: &str, body: String) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

async fn a_delegate_amends_through_the_form_without_javascript(db: TestDatabase) {
    let s = site(db).await;
    let (cookie, csrf) = delegate(&s, "mex@example.org", "MEX").await;
    let signed_in = |uri: String| {
        Request::get(uri)
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap()
    };
    // Each paragraph of the latest version offers the delegate its own
    // amendment page, which shows the paragraph and the form.
    let page = send(&s, signed_in(format!("{DRAFT}/versions/5")))
        .await
        .text();
    let amend = format!("{DRAFT}/versions/5/paragraphs/gp-b/amend");
    assert!(page.contains(&format!("href=\"{amend}\"")), "{page}");
    let current = s
        .app
        .version("gcm", "gcm-draft", 5)
        .await
        .unwrap()
        .version
        .text
        .find(&"gp-b".parse().unwrap())
        .unwrap()
        .text
        .clone();
    let page = send(&s, signed_in(amend.clone())).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.text();
    assert!(page.contains("Table the amendment"));
    assert!(
        page.contains(&format!(">{}</textarea>", minijinja_escape(&current))),
        "{page}"
    );
    // The readers of an older version are sent to the latest.
    let old = send(
        &s,
        signed_in(format!("{DRAFT}/versions/1/paragraphs/gp-b/amend")),
    )
    .await
    .text();
    assert!(!old.contains("Table the amendment") && old.contains("superseded"));
    let before = s
        .app
        .version("gcm", "gcm-draft", 5)
        .await
        .unwrap()
        .amendments
        .len();
    // The paragraph as the delegate would have it: " and solidarity" after
    // "International cooperation". The preview shows it, tables nothing.
    let revised = current.replacen(
        "International cooperation",
        "International cooperation and solidarity",
        1,
    );
    assert_ne!(revised, current);
    let body = format!(
        "csrf={csrf}&proposer=MEX&wording[node]=gp-b&wording[op]=revise&wording[revised]={}&wording[text]=&wording[kind]=paragraph&wording[after]=gp-a&co_sponsors[]=CHE&justification=Solidarity",
        form_urlencoded::byte_serialize(revised.as_bytes()).collect::<String>()
    );
    let preview = send(&s, form(&format!("{amend}/preview"), &cookie, body.clone())).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text());
    let preview = preview.text();
    assert!(preview.contains("<ins> and solidarity</ins>"), "{preview}");
    assert!(preview.contains("value=\"CHE\""));
    assert_eq!(
        s.app
            .version("gcm", "gcm-draft", 5)
            .await
            .unwrap()
            .amendments
            .len(),
        before
    );
    // Tabled: one tracked insertion, at the end of the words kept.
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/versions/5/paragraphs/gp-b/amendments"),
            &cookie,
            body,
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let view = s.app.version("gcm", "gcm-draft", 5).await.unwrap();
    assert_eq!(view.amendments.len(), before + 1);
    let made = view.amendments.last().unwrap();
    assert_eq!(made.proposer.as_str(), "MEX");
    assert_eq!(
        made.operation,
        accord_domain::negotiation::Operation::InsertText {
            node: "gp-b".parse().unwrap(),
            at: 25,
            text: " and solidarity".into()
        }
    );
    // Words that are not in the paragraph: a clear error, nothing stored.
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/versions/5/paragraphs/gp-b/amendments"),
            &cookie,
            format!("csrf={csrf}&proposer=MEX&wording[node]=gp-b&wording[op]=delete&wording[words]=not+there&wording[text]=&wording[kind]=paragraph&wording[after]=gp-b"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("not in the paragraph"));
    // Speaking for another state is refused.
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/versions/5/paragraphs/gp-b/amendments"),
            &cookie,
            format!("csrf={csrf}&proposer=CHE&wording[node]=gp-b&wording[op]=delete_node&wording[words]=&wording[text]=&wording[kind]=paragraph&wording[after]=gp-b"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // Without the form token: refused.
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/versions/5/paragraphs/gp-b/amendments"),
            &cookie,
            "proposer=MEX&wording[node]=gp-b&wording[op]=delete_node".into(),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        s.app
            .version("gcm", "gcm-draft", 5)
            .await
            .unwrap()
            .amendments
            .len(),
        before + 1
    );
    // Another state supports it through the amendment page's form.
    let (che, che_csrf) = delegate(&s, "che@example.org", "CHE").await;
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/amendments/{}/position", made.id),
            &che,
            format!("csrf={che_csrf}&actor=CHE&stance=support"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let page = get(&s, &format!("{DRAFT}/versions/5/compilation"))
        .await
        .text();
    assert!(page.contains("<ins> and solidarity</ins>"), "{page}");
    // In the compilation, another delegation objects in one click.
    let (bra, bra_csrf) = delegate(&s, "bra@example.org", "BRA").await;
    let page = send(
        &s,
        Request::get(format!("{DRAFT}/versions/5/compilation"))
            .header(header::COOKIE, &bra)
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .text();
    let action = format!("action=\"{DRAFT}/amendments/{}/position\"", made.id);
    assert!(page.contains(&action), "{page}");
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/amendments/{}/position", made.id),
            &bra,
            format!("csrf={bra_csrf}&actor=BRA&stance=object"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let a = s.app.amendment("gcm", "gcm-draft", made.id).await.unwrap();
    assert!(a
        .2
        .positions
        .iter()
        .any(|p| p.actor.as_str() == "BRA" && p.stance.as_str() == "object"));
}

/// Text as the templates escape it.
fn minijinja_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

async fn amendments_are_offered_only_while_the_process_negotiates(db: TestDatabase) {
    // 10 December 2018: the GCM is in its adoption phase.
    let s = site_on(db, "2018-12-10T12:00:00Z").await;
    let (cookie, _) = delegate(&s, "mex@example.org", "MEX").await;
    let get_signed_in = |uri: String| {
        Request::get(uri)
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap()
    };
    let version = send(&s, get_signed_in(format!("{DRAFT}/versions/5")))
        .await
        .text();
    assert!(!version.contains("/paragraphs/gp-b/amend"));
    let page = send(
        &s,
        get_signed_in(format!("{DRAFT}/versions/5/paragraphs/gp-b/amend")),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.text();
    assert!(page.contains("not in its negotiation phase"), "{page}");
    assert!(page.contains("Current phase: Adoption"), "{page}");
    assert!(!page.contains("Table the amendment"));
    // A paragraph the version does not have: 404, not a form.
    let missing = send(
        &s,
        get_signed_in(format!("{DRAFT}/versions/5/paragraphs/nope/amend")),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn open_pages_hear_of_a_change_within_a_second(db: TestDatabase) {
    let s = site(db).await;
    let (cookie, csrf) = delegate(&s, "mex@example.org", "MEX").await;
    let res = s
        .router
        .clone()
        .oneshot(
            Request::get("/processes/gcm/live?topic=draft/gcm-draft")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/event-stream");
    let mut body = res.into_body();
    // A change elsewhere (another topic) is not sent; this draft's is.
    let mex = s
        .app
        .session(cookie.trim_start_matches("accord_session="))
        .await
        .unwrap()
        .unwrap()
        .principal;
    let round_2 = s
        .app
        .all_meetings("gcm", None)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.meeting.slug.as_str() == "negotiation-round-2")
        .unwrap()
        .id;
    let speakers = s
        .router
        .clone()
        .oneshot(
            Request::get(format!(
                "/processes/gcm/live?topic=meeting/{round_2}/speakers"
            ))
            .body(Body::empty())
            .unwrap(),
        )
        .await
        .unwrap();
    let mut speakers = speakers.into_body();
    s.app
        .inscribe(
            &mex,
            "gcm",
            round_2,
            accord_app::FloorRequest {
                actor: "MEX".into(),
                agenda_item: 0,
                ministerial: false,
                right_of_reply: false,
            },
        )
        .await
        .unwrap();
    // The speakers' list's own stream hears of the inscription.
    let frame = tokio::time::timeout(Duration::from_secs(1), speakers.frame())
        .await
        .expect("an event within a second")
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(
        text.contains(&format!("data: meeting/{round_2}/speakers")),
        "{text}"
    );
    let reply = send(
        &s,
        form(
            &format!("{DRAFT}/versions/5/paragraphs/gp-b/amendments"),
            &cookie,
            format!("csrf={csrf}&proposer=MEX&wording[node]=gp-c&wording[op]=insert&wording[words]=&wording[text]=Full+respect+for&wording[kind]=paragraph&wording[after]=gp-c"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let frame = tokio::time::timeout(Duration::from_secs(1), body.frame())
        .await
        .expect("an event within a second")
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(text.contains("event: change"), "{text}");
    assert!(text.contains("data: draft/gcm-draft"), "{text}");
}

async fn a_translation_is_shown_side_by_side_and_exported(db: TestDatabase) {
    let s = site(db).await;
    let system = Principal::System("test");
    let account = s
        .app
        .create_account(
            &system,
            "sec@example.org",
            "Secretariat",
            PASSWORD,
            &[RoleGrant {
                role: Role::Secretariat,
                process: Some("gcm".parse().unwrap()),
                actor: None,
            }],
        )
        .await
        .unwrap();
    let token = s
        .app
        .create_api_token(&Principal::Account(account), "tests", 1)
        .await
        .unwrap()
        .secret;
    let put = |lang: &str, body: &str| {
        Request::put(format!("/api/v1{DRAFT}/versions/5/languages/{lang}"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "text/markdown")
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    // Paragraphs 1 and 2 in French (the demo's own placeholder sentence),
    // aligned by their place.
    let fr = "# Pacte mondial\n\n## Préambule\n\n1. Texte non reproduit dans cette démonstration.\n\n2. Texte non reproduit dans cette démonstration.\n";
    let r = send(&s, put("fr", fr)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let progress: serde_json::Value = serde_json::from_slice(&r.bytes).unwrap();
    assert_eq!(progress["language"], "fr");
    assert_eq!(progress["translated"], 3, "a section and two paragraphs");
    // Bad input: a sub-paragraph the version does not have; not a UN
    // language; neither Markdown nor DOCX.
    let r = send(
        &s,
        put(
            "fr",
            "# Pacte\n\n## Préambule\n\n1. Texte :\n\n(a) de trop.\n",
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(r.text().contains("bad_structure"));
    let r = send(&s, put("de", fr)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = send(
        &s,
        Request::put(format!("/api/v1{DRAFT}/versions/5/languages/fr"))
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(vec![0xff, 0xfe, 0x00]))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Side by side: French where it is, "not translated yet" elsewhere.
    let page = get(
        &s,
        &format!("{DRAFT}/versions/5/languages?left=en&right=fr"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html
        .contains("<td lang=\"fr\" dir=\"ltr\" class=\"status-translated\">Texte non reproduit"));
    assert!(html.contains("Not translated yet"));
    assert!(html.contains("3 of "), "progress: {html}");
    let json = get(
        &s,
        &format!("/api/v1{DRAFT}/versions/5/languages?show=en,fr"),
    )
    .await;
    let v: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    assert_eq!(v["shown"], serde_json::json!(["en", "fr"]));
    assert_eq!(v["rows"][1]["cells"][1]["status"], "translated");
    // Exports in French.
    let akn = get(&s, &format!("{DRAFT}/versions/5/languages/fr/akn.xml")).await;
    assert_eq!(akn.status, StatusCode::OK);
    let xml = akn.text();
    assert!(xml.contains("language=\"fra\""), "{xml}");
    assert!(xml.contains("Texte non reproduit dans cette démonstration."));
    let docx = get(&s, &format!("{DRAFT}/versions/5/languages/fr/draft.docx")).await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx_document(&docx.bytes).contains("Texte non reproduit"));
    let arabic = get(&s, &format!("{DRAFT}/versions/5/languages/ar/draft.docx")).await;
    assert_eq!(
        arabic.status,
        StatusCode::OK,
        "a language with nothing yet exports the original"
    );
    assert_eq!(
        get(&s, &format!("{DRAFT}/versions/5/languages/xx/akn.xml"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn every_page_of_a_process_has_its_bar_with_the_section_and_the_phase_marked(
    db: TestDatabase,
) {
    // 1 March 2018: the GCM negotiates.
    let s = site(db).await;
    let cases = [
        ("/processes/gcm", "\"/processes/gcm\" aria-current=\"page\""),
        (
            "/processes/gcm/meetings",
            "\"/processes/gcm/meetings\" aria-current=\"page\"",
        ),
        (
            "/processes/gcm/documents",
            "\"/processes/gcm/documents\" aria-current=\"page\"",
        ),
        (
            "/processes/gcm/stocktaking",
            "\"/processes/gcm/stocktaking\" aria-current=\"page\"",
        ),
        (
            "/processes/gcm/recommendations",
            "\"/processes/gcm/stocktaking\" aria-current=\"true\"",
        ),
        (
            "/processes/gcm/drafts",
            "\"/processes/gcm/drafts\" aria-current=\"page\"",
        ),
        (
            &format!("{DRAFT}/versions/5"),
            "\"/processes/gcm/drafts\" aria-current=\"true\"",
        ),
        (
            &format!("{DRAFT}/versions/5/compilation"),
            "\"/processes/gcm/drafts\" aria-current=\"true\"",
        ),
        (
            "/processes/gcm/adoptions",
            "\"/processes/gcm/adoptions\" aria-current=\"page\"",
        ),
        (
            "/processes/gcm/pledges",
            "\"/processes/gcm/pledges\" aria-current=\"page\"",
        ),
    ];
    for (path, current) in cases {
        let page = get(&s, path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let page = page.text();
        let bar = page
            .split("<nav class=\"process-bar\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{path} has no process bar"));
        let bar = &bar[..bar.find("</nav>").unwrap()];
        assert!(bar.contains(current), "{path}: {bar}");
        assert_eq!(bar.matches("aria-current").count(), 1, "{path}: {bar}");
        // The phase the process is in today, said in words.
        let phase = bar
            .split("class=\"phase-now\"")
            .nth(1)
            .expect("the current phase");
        assert!(
            phase.starts_with("><a href=\"/processes/gcm/drafts\"")
                && phase.contains("current phase"),
            "{path}: {bar}"
        );
        // No internal identifier shown to people.
        assert!(
            !page.contains(">follow_up<") && !page.contains("__subpara_"),
            "{path}"
        );
    }
    for path in ["/", "/actors", "/search?q=migration"] {
        assert!(
            !get(&s, path).await.text().contains("class=\"process-bar\""),
            "{path}"
        );
    }
}
