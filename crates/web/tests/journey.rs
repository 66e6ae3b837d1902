//! The end-to-end journey (issue 17): a new process, "a global compact on
//! ocean plastics", from an empty store to adopted and followed up, through
//! the HTTP API only, as an API client would drive it — in-process through
//! the router, on both stores, with the clock moved forward by the test as
//! the months pass. Beside it stands another process with a secretariat of
//! its own: it sees none of the journey, and its secretariat is refused
//! every write into the journey's process.
//!
//! The only step outside the API is the first account, made as the
//! operator makes it (`accord user add`, `Principal::System`): a store
//! starts with nobody who could sign in. The run time is printed
//! (`--nocapture`).

use accord_app::{App, Principal};
use accord_domain::{Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tower::ServiceExt;

on_both_stores!(a_process_from_empty_to_adopted_and_followed_up);

const PASSWORD: &str = "correct horse battery staple";
const P: &str = "/api/v1/processes/ocean-plastics";
const OTHER: &str = "/api/v1/processes/other";

/// The router of an app on a fresh store, and the hand on its clock.
struct Journey {
    router: Router,
    app: Arc<App>,
    now: Arc<Mutex<DateTime<Utc>>>,
    /// Each account's API token and when it was signed in for: a sign-in
    /// lasts 12 hours, so a client signs in again on a later day.
    tokens: Mutex<HashMap<String, (String, DateTime<Utc>)>>,
    /// Requests sent, sign-ins included.
    requests: AtomicUsize,
}

impl Journey {
    /// Moves the clock to noon (UTC) on `day`.
    fn on(&self, day: &str) {
        *self.now.lock().unwrap() = format!("{day}T12:00:00Z").parse().unwrap();
    }

    fn at(&self, instant: &str) {
        *self.now.lock().unwrap() = instant.parse().unwrap();
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        who: Option<&str>,
        body: Option<Body>,
        content_type: &str,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method.clone()).uri(path);
        if let Some(email) = who {
            let token = self.token(email).await;
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let req = match body {
            Some(b) => req.header(header::CONTENT_TYPE, content_type).body(b),
            None => req.body(Body::empty()),
        }
        .unwrap();
        self.requests.fetch_add(1, Ordering::Relaxed);
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), 16 << 20)
            .await
            .unwrap();
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                panic!(
                    "{method} {path}: not JSON ({status}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            })
        };
        (status, value)
    }

    /// A JSON write; the answer's status must be `expect`.
    async fn write(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Value,
        expect: StatusCode,
    ) -> Value {
        let (status, v) = self
            .send(
                method.clone(),
                path,
                token,
                Some(Body::from(body.to_string())),
                "application/json",
            )
            .await;
        assert_eq!(status, expect, "{method} {path}: {v}");
        v
    }

    /// A JSON POST that creates (201).
    async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Value {
        self.write(Method::POST, path, token, body, StatusCode::CREATED)
            .await
    }

    /// A JSON POST refused with `status` and the error `kind`; what it
    /// would have written is checked unchanged by the caller.
    async fn refused(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Value,
        status: StatusCode,
        kind: &str,
    ) {
        let v = self.write(method, path, token, body, status).await;
        assert_eq!(v["error"], kind, "{path}: {v}");
    }

    /// A GET answered 200.
    async fn get(&self, path: &str, token: Option<&str>) -> Value {
        let (status, v) = self.send(Method::GET, path, token, None, "").await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {v}");
        v
    }

    /// A draft's version imported from Markdown (raw body).
    async fn import(&self, draft: &str, query: &str, token: &str, markdown: &str) -> Value {
        let path = format!("{P}/drafts/{draft}/versions?{query}");
        let (status, v) = self
            .send(
                Method::POST,
                &path,
                Some(token),
                Some(Body::from(markdown.to_owned())),
                "application/octet-stream",
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{path}: {v}");
        v
    }

    /// The account's API token: signed in for (`POST /api/v1/sessions`)
    /// on first use, and again once the last sign-in is 11 hours old.
    async fn token(&self, email: &str) -> String {
        let now = *self.now.lock().unwrap();
        if let Some((token, at)) = self.tokens.lock().unwrap().get(email) {
            if now - *at < chrono::Duration::hours(11) {
                return token.clone();
            }
        }
        let req = Request::post("/api/v1/sessions")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({ "email": email, "password": PASSWORD }).to_string(),
            ))
            .unwrap();
        self.requests.fetch_add(1, Ordering::Relaxed);
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(status, StatusCode::CREATED, "signing in as {email}: {v}");
        let token = v["token"].as_str().unwrap().to_owned();
        self.tokens
            .lock()
            .unwrap()
            .insert(email.to_owned(), (token.clone(), now));
        token
    }

    /// An account made by the administrator: its e-mail address, by which
    /// the test names who calls.
    async fn account(
        &self,
        admin: &str,
        email: &str,
        role: &str,
        process: &str,
        actor: Option<&str>,
    ) -> String {
        // The grant's `actor` is left out rather than sent as `null`: the
        // schema says it may be null, but the parser refuses a null there.
        let mut grant = json!({ "role": role, "process": process });
        if let Some(actor) = actor {
            grant["actor"] = json!(actor);
        }
        self.post(
            "/api/v1/accounts",
            Some(admin),
            json!({ "email": email, "name": email, "password": PASSWORD, "roles": [grant] }),
        )
        .await;
        email.to_owned()
    }

    /// Follows a background job to its end through the API, woken by the
    /// app's live events (the timeout only stops a test that would hang).
    async fn job_done(&self, id: i64, token: &str) -> Value {
        let mut events = self.app.subscribe();
        let topic = format!("job-{id}");
        tokio::time::timeout(std::time::Duration::from_secs(120), async {
            loop {
                let job = self.get(&format!("{P}/jobs/{id}"), Some(token)).await;
                if job["status"] != "running" {
                    return job;
                }
                while events.recv().await.unwrap().topic != topic {}
            }
        })
        .await
        .expect("the job ends")
    }
}

fn items(v: &Value) -> &Vec<Value> {
    v.get("items")
        .and_then(Value::as_array)
        .or_else(|| v.as_array())
        .unwrap_or_else(|| panic!("a list: {v}"))
}

const ZERO_DRAFT: &str = "# Global compact on ocean plastics\n\n\
## Preamble {#pre}\n\n\
1. We, the States, alarmed by the plastic in the ocean, agree on this compact. {#p1}\n\n\
## Objectives {#objs}\n\n\
### Objective 1: Reduce plastic production {#o1}\n\n\
2. We will reduce the production of primary plastic polymers. {#p2}\n\n\
### Objective 2: Clean the ocean {#o2}\n\n\
3. We will remove plastic waste from the sea and the coasts. {#p3}\n";

const RESOLUTION: &str = "# Global compact on ocean plastics (endorsement)\n\n\
## Preamble {#rpre}\n\n\
1. Recalling the conference on ocean plastics held in Nairobi. {#r1}\n\n\
## Operative part {#rop}\n\n\
2. Endorses the Global compact on ocean plastics. {#r2}\n";

async fn a_process_from_empty_to_adopted_and_followed_up(db: TestDatabase) {
    let started = Instant::now();
    let now = Arc::new(Mutex::new(
        "2030-01-07T12:00:00Z".parse::<DateTime<Utc>>().unwrap(),
    ));
    let clock = now.clone();
    let app = Arc::new(
        App::in_data_dir(db.store().await, &db.data_dir)
            .with_clock(Arc::new(move || *clock.lock().unwrap())),
    );
    let j = Journey {
        router: accord_web::router(app.clone()),
        app: app.clone(),
        now,
        tokens: Mutex::new(HashMap::new()),
        requests: AtomicUsize::new(0),
    };

    // ---- An empty store: no process, no actor. -------------------------
    assert!(items(&j.get("/api/v1/processes", None).await).is_empty());
    assert!(items(&j.get("/api/v1/actors", None).await).is_empty());

    // The operator's first account (`accord user add`), then the API.
    app.create_account(
        &Principal::System("operator"),
        "admin@example.org",
        "Administrator",
        PASSWORD,
        &[RoleGrant {
            role: Role::Secretariat,
            process: None,
            actor: None,
        }],
    )
    .await
    .unwrap();
    let admin = "admin@example.org";

    // ---- The actors: eight member states, a group of two. ---------------
    let states = [
        ("KEN", "KE", "Kenya"),
        ("MEX", "MX", "Mexico"),
        ("CHE", "CH", "Switzerland"),
        ("FRA", "FR", "France"),
        ("DEU", "DE", "Germany"),
        ("NOR", "NO", "Norway"),
        ("BRA", "BR", "Brazil"),
        ("JPN", "JP", "Japan"),
    ];
    for (code, iso2, name) in states {
        let v = j
            .post(
                "/api/v1/actors",
                Some(admin),
                json!({ "code": code, "kind": "member_state", "name": name, "iso2": iso2 }),
            )
            .await;
        assert_eq!(v["code"], code);
    }
    j.post(
        "/api/v1/actors",
        Some(admin),
        json!({ "code": "EU", "kind": "group", "name": "European Union",
                "members": ["FRA", "DEU"],
                "membership": [{ "member": "FRA", "joined": "1958-01-01" },
                               { "member": "DEU", "joined": "1958-01-01" }] }),
    )
    .await;
    assert_eq!(
        items(&j.get("/api/v1/actors?kind=member_state", None).await).len(),
        8
    );

    // ---- Two processes, each with a secretariat of its own. -------------
    let created = j
        .post(
            "/api/v1/processes",
            Some(admin),
            json!({ "slug": "ocean-plastics", "title": "Global compact on ocean plastics",
                    "languages": ["ar", "zh", "en", "fr", "ru", "es"],
                    "mandate": ["A/RES/84/1"],
                    "meeting_kinds": ["multi_stakeholder_hearing", "negotiation_round",
                                      "conference", "plenary_meeting", "review_forum"],
                    "co_facilitators": [{ "actor": "NOR", "name": "A. Norwegian", "title": "Permanent Representative of Norway" }],
                    "secretariat": [{ "name": "Ocean secretariat" }] }),
        )
        .await;
    assert_eq!(created["slug"], "ocean-plastics");
    j.post(
        "/api/v1/processes",
        Some(admin),
        json!({ "slug": "other", "title": "Another process", "languages": ["en", "fr"],
                "meeting_kinds": ["negotiation_round", "conference"],
                "secretariat": [{ "name": "Other secretariat" }] }),
    )
    .await;
    assert_eq!(items(&j.get("/api/v1/processes", None).await).len(), 2);

    let sec = j
        .account(
            admin,
            "sec@ocean.example",
            "secretariat",
            "ocean-plastics",
            None,
        )
        .await;
    let sec = sec.as_str();
    let other = j
        .account(admin, "sec@other.example", "secretariat", "other", None)
        .await;
    let other = other.as_str();
    let cofac = j
        .account(
            admin,
            "cofac@ocean.example",
            "co_facilitator",
            "ocean-plastics",
            None,
        )
        .await;
    let cofac = cofac.as_str();
    let mut delegate = HashMap::new();
    for code in ["KEN", "MEX", "CHE", "FRA", "DEU", "NOR", "BRA"] {
        let email = j
            .account(
                admin,
                &format!("{}@delegates.example", code.to_lowercase()),
                "delegate",
                "ocean-plastics",
                Some(code),
            )
            .await;
        delegate.insert(code, email);
    }
    let d = |code: &str| delegate[code].clone();

    // ---- The plan: three phases and the follow-up. ----------------------
    for (kind, start, end) in [
        ("consultation", "2030-02-01", Some("2030-04-30")),
        ("negotiation", "2030-05-01", Some("2030-08-31")),
        ("adoption", "2030-09-01", Some("2030-09-30")),
        ("follow_up", "2030-10-01", None),
    ] {
        let v = j
            .post(
                &format!("{P}/phases"),
                Some(sec),
                json!({ "kind": kind, "start_date": start, "end_date": end }),
            )
            .await;
        assert_eq!(v["kind"], kind);
    }
    j.refused(
        Method::POST,
        &format!("{P}/phases"),
        Some(other),
        json!({ "kind": "stocktaking", "start_date": "2030-04-01" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let phases = j.get(&format!("{P}/phases"), None).await;
    assert_eq!(items(&phases).len(), 4, "{phases}");
    assert_eq!(
        phases["current_phase"],
        Value::Null,
        "before the first phase: {phases}"
    );

    // ---- The meetings. --------------------------------------------------
    let mut meeting = HashMap::new();
    for (slug, kind, title, start, end) in [
        (
            "hearing",
            "multi_stakeholder_hearing",
            "Multi-stakeholder hearing",
            "2030-03-11",
            "2030-03-12",
        ),
        (
            "round-1",
            "negotiation_round",
            "First round of negotiations",
            "2030-06-10",
            "2030-06-14",
        ),
        (
            "conference",
            "conference",
            "Conference to adopt the compact",
            "2030-09-16",
            "2030-09-17",
        ),
        (
            "plenary",
            "plenary_meeting",
            "Plenary meeting of the General Assembly",
            "2030-09-26",
            "2030-09-26",
        ),
        (
            "review-1",
            "review_forum",
            "First review forum",
            "2032-05-10",
            "2032-05-12",
        ),
    ] {
        let v = j
            .post(
                &format!("{P}/meetings"),
                Some(sec),
                json!({ "slug": slug, "kind": kind, "title": title,
                        "start_date": start, "end_date": end,
                        "venue": { "city": "Nairobi", "country": "KEN" },
                        "agenda": [{ "number": 1, "title": "The compact" }] }),
            )
            .await;
        meeting.insert(slug, v["id"].as_i64().unwrap());
    }
    let m = |slug: &str| meeting[slug];
    j.refused(
        Method::POST,
        &format!("{P}/meetings"),
        Some(other),
        json!({ "slug": "intruder", "kind": "conference", "title": "Not ours",
                "start_date": "2030-09-16", "end_date": "2030-09-17" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let listed = j.get(&format!("{P}/meetings"), None).await;
    let slugs: Vec<&str> = items(&listed)
        .iter()
        .map(|m| m["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["hearing", "round-1", "conference", "plenary", "review-1"]
    );
    for (code, title) in [("plastics", "Plastics"), ("coasts", "Coasts")] {
        j.post(
            &format!("{P}/themes"),
            Some(sec),
            json!({ "code": code, "number": if code == "plastics" { 1 } else { 2 },
                    "taxonomy": "topics", "title": title }),
        )
        .await;
    }

    // ---- Consultation: the phase opens, a call for inputs. --------------
    j.on("2030-02-01");
    let decision = j
        .post(
            &format!("{P}/phases/consultation/decisions"),
            Some(sec),
            json!({ "decision": "open" }),
        )
        .await;
    assert_eq!(decision["phase"], "consultation", "{decision}");
    j.refused(
        Method::POST,
        &format!("{P}/phases/negotiation/decisions"),
        Some(other),
        json!({ "decision": "open" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    j.post(
        &format!("{P}/consultations"),
        Some(sec),
        json!({ "slug": "call", "title": "Call for written inputs",
                "opens_at": "2030-02-01T00:00:00Z", "closes_at": "2030-04-15T00:00:00Z" }),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/consultations"),
        Some(other),
        json!({ "slug": "intruder", "title": "Not ours", "opens_at": "2030-02-01T00:00:00Z" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let calls = j.get(&format!("{P}/consultations"), None).await;
    assert_eq!(items(&calls).len(), 1, "{calls}");

    // ---- Accreditation: two applications, one objected to. --------------
    j.on("2030-02-03");
    j.post(
        &format!("{P}/accreditation/period"),
        Some(sec),
        json!({ "days": 10 }),
    )
    .await;
    j.write(
        Method::PUT,
        &format!("{P}/accreditation/deciding-body"),
        Some(sec),
        json!({ "body": "plenary" }),
        StatusCode::OK,
    )
    .await;
    let network = j
        .post(
            &format!("{P}/accreditation/applications"),
            None,
            json!({ "name": "Ocean Cleanup Network", "kind": "ngo", "country": "NOR",
                    "website": "https://ocean-cleanup.example", "description": "Cleans beaches." }),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let industry = j
        .post(
            &format!("{P}/accreditation/applications"),
            None,
            json!({ "name": "Plastics Industry Forum", "kind": "private_sector", "country": "JPN",
                    "website": "https://plastics-forum.example", "description": "Makes plastics." }),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    j.on("2030-02-05");
    j.post(
        &format!("{P}/accreditation/applications/{industry}/objections"),
        Some(&d("KEN")),
        json!({ "state": "KEN", "reason": "The forum lobbies against the compact." }),
    )
    .await;
    // Kenya's delegate objects for Kenya only.
    j.refused(
        Method::POST,
        &format!("{P}/accreditation/applications/{network}/objections"),
        Some(&d("KEN")),
        json!({ "state": "MEX", "reason": "Not Kenya's to say." }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    j.on("2030-02-14");
    let approved = j
        .post(
            &format!("{P}/accreditation/applications/{network}/decision"),
            Some(sec),
            json!({ "approve": true, "note": "No objection." }),
        )
        .await;
    assert_eq!(approved["approved"], true);
    let network_code = approved["actor"].as_str().unwrap().to_owned();
    j.refused(
        Method::POST,
        &format!("{P}/accreditation/applications/{industry}/decision"),
        Some(sec),
        json!({ "approve": true }),
        StatusCode::CONFLICT,
        "objection_pending_decision",
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/accreditation/applications/{industry}/body-decision"),
        Some(other),
        json!({ "outcome": "approved", "date": "2030-02-14" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let body = j
        .post(
            &format!("{P}/accreditation/applications/{industry}/body-decision"),
            Some(sec),
            json!({ "outcome": "approved", "date": "2030-02-14", "reference": "A/84/OP/1",
                    "note": "The plenary heard Kenya and approved." }),
        )
        .await;
    assert_eq!(body["outcome"], "approved", "{body}");
    let apps = j
        .get(&format!("{P}/accreditation/applications"), Some(sec))
        .await;
    let apps = items(&apps);
    assert_eq!(apps.len(), 2);
    assert!(apps.iter().all(|a| a["status"] == "approved"), "{apps:?}");
    let referred = apps.iter().find(|a| a["id"] == industry).unwrap();
    assert_eq!(referred["referred_to"], "plenary", "{referred}");
    assert_eq!(referred["objections"][0]["state"], "KEN");

    // ---- Inputs and statements. -----------------------------------------
    j.on("2030-02-10");
    for (text, country) in [
        (
            "Ban single-use plastic bags everywhere; states should tax virgin plastic.",
            "KEN",
        ),
        (
            "Fishing nets lost at sea must be collected by the fishing industry.",
            "NOR",
        ),
        (
            "Ban single-use plastic bags everywhere; states should tax virgin plastic!",
            "MEX",
        ),
    ] {
        let v = j
            .post(
                &format!("{P}/consultations/call/inputs"),
                None,
                json!({ "text": text, "language": "en", "country": country }),
            )
            .await;
        assert!(v["id"].as_i64().is_some(), "{v}");
    }
    let stakeholder = j
        .account(
            admin,
            "voice@ocean-cleanup.example",
            "stakeholder_representative",
            "ocean-plastics",
            Some(&network_code),
        )
        .await;
    j.on("2030-03-11");
    let hearing = m("hearing");
    let statement = |actor: &str, on_behalf_of: Option<&str>, text: &str| {
        json!({ "meeting": hearing, "actor": actor, "on_behalf_of": on_behalf_of,
                "title": format!("Statement by {actor}"), "delivered_on": "2030-03-11",
                "distribution": "public", "agenda_item": 1,
                "texts": [{ "language": "en", "text": text }] })
    };
    j.post(
        &format!("{P}/statements"),
        Some(&stakeholder),
        statement(
            &network_code,
            None,
            "Beaches are covered in plastic; we ask for a ban on microbeads.",
        ),
    )
    .await;
    j.post(
        &format!("{P}/statements"),
        Some(&d("MEX")),
        statement(
            "MEX",
            None,
            "Mexico supports binding targets on plastic production.",
        ),
    )
    .await;
    // The EU speaks through its chair's delegate, once designated.
    j.post(
        &format!("{P}/group-chairs"),
        Some(sec),
        json!({ "group": "EU", "chair": "FRA" }),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/statements"),
        Some(&d("FRA")),
        statement("FRA", Some("EU"), "Not yet designated."),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    j.post(
        &format!("{P}/group-speakers"),
        Some(&d("FRA")),
        json!({ "group": "EU", "email": "fra@delegates.example" }),
    )
    .await;
    j.post(
        &format!("{P}/statements"),
        Some(&d("FRA")),
        statement(
            "FRA",
            Some("EU"),
            "The European Union and its member States support a cap on production.",
        ),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/statements"),
        Some(other),
        statement("MEX", None, "Not ours to file."),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let said = j.get(&format!("{P}/statements"), None).await;
    let said = items(&said);
    assert_eq!(said.len(), 3, "{said:?}");
    let eu = said
        .iter()
        .find(|s| s["on_behalf_of"] == "EU")
        .unwrap_or_else(|| panic!("the group's statement: {said:?}"));
    assert_eq!(eu["actor"], "FRA", "spoken by France: {eu}");
    assert_eq!(eu["credited_to"], "EU", "the group's: {eu}");
    let inputs = j.get(&format!("{P}/inputs"), None).await;
    assert_eq!(items(&inputs).len(), 3);

    // ---- Stocktaking. ---------------------------------------------------
    j.on("2030-04-30");
    j.post(
        &format!("{P}/phases/consultation/decisions"),
        Some(sec),
        json!({ "decision": "close" }),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/analysis"),
        Some(other),
        json!({ "taxonomy": "topics" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let job = j
        .write(
            Method::POST,
            &format!("{P}/analysis"),
            Some(sec),
            json!({ "taxonomy": "topics", "threshold": 0.7 }),
            StatusCode::ACCEPTED,
        )
        .await;
    let job = j.job_done(job["id"].as_i64().unwrap(), sec).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    let stocktaking = j.get(&format!("{P}/stocktaking"), None).await;
    assert_eq!(stocktaking["run"]["inputs"], 3, "{stocktaking}");
    assert_eq!(stocktaking["run"]["statements"], 3, "{stocktaking}");

    // ---- Negotiation: a draft, amendments, revisions. -------------------
    j.on("2030-05-01");
    j.post(
        &format!("{P}/phases/negotiation/decisions"),
        Some(sec),
        json!({ "decision": "open" }),
    )
    .await;
    j.post(
        &format!("{P}/drafts"),
        Some(cofac),
        json!({ "slug": "compact", "title": "Global compact on ocean plastics" }),
    )
    .await;
    let zero = j
        .import(
            "compact",
            "label=Zero%20draft&issued_on=2030-05-01",
            cofac,
            ZERO_DRAFT,
        )
        .await;
    assert_eq!(zero["seq"], 1);
    assert_eq!(zero["recognised"]["objectives"], 2, "{zero}");
    assert_eq!(zero["recognised"]["paragraphs"], 3, "{zero}");

    j.on("2030-06-10");
    let amend = |proposer: &str, operation: Value| {
        json!({ "proposer": proposer, "version": 1, "operation": operation,
                "justification": format!("Proposed by {proposer}.") })
    };
    // Mexico: "and phase out" after "reduce"; Switzerland: "plastic waste" → "litter".
    let p2 = "We will reduce the production of primary plastic polymers.";
    let at = p2.find("reduce").unwrap() + "reduce".len();
    let mex = j
        .post(
            &format!("{P}/drafts/compact/amendments"),
            Some(&d("MEX")),
            amend(
                "MEX",
                json!({ "op": "insert_text", "node": "p2", "at": at, "text": " and phase out" }),
            ),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let p3 = "We will remove plastic waste from the sea and the coasts.";
    let from = p3.find("plastic waste").unwrap();
    let che = j
        .post(
            &format!("{P}/drafts/compact/amendments"),
            Some(&d("CHE")),
            amend(
                "CHE",
                json!({ "op": "replace_text", "node": "p3", "from": from,
                                  "to": from + "plastic waste".len(), "text": "litter" }),
            ),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    // Mexico's delegate tables for Mexico only.
    j.refused(
        Method::POST,
        &format!("{P}/drafts/compact/amendments"),
        Some(&d("MEX")),
        amend(
            "CHE",
            json!({ "op": "insert_text", "node": "p2", "at": 0, "text": "x" }),
        ),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for (who, amendment, stance) in [
        ("DEU", mex, "support"),
        ("KEN", mex, "support"),
        ("NOR", che, "object"),
        ("BRA", che, "object"),
    ] {
        j.post(
            &format!("{P}/drafts/compact/amendments/{amendment}/positions"),
            Some(&d(who)),
            json!({ "actor": who, "stance": stance }),
        )
        .await;
    }
    // The EU's designated speaker supports for the group.
    j.post(
        &format!("{P}/drafts/compact/amendments/{mex}/positions"),
        Some(&d("FRA")),
        json!({ "actor": "EU", "stance": "support" }),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/drafts/compact/amendments/{che}/decision"),
        Some(other),
        json!({ "status": "accepted" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    j.post(
        &format!("{P}/drafts/compact/amendments/{che}/decision"),
        Some(cofac),
        json!({ "status": "rejected", "note": "Objected to by Norway and Brazil." }),
    )
    .await;
    let read = j
        .get(&format!("{P}/drafts/compact/amendments/{mex}"), None)
        .await;
    let read_text = read.to_string();
    for supporter in ["DEU", "KEN", "EU"] {
        assert!(read_text.contains(supporter), "{supporter}: {read}");
    }
    j.on("2030-06-14");
    let rev1 = j
        .post(
            &format!("{P}/drafts/compact/revisions"),
            Some(cofac),
            json!({ "label": "Rev.1", "issued_on": "2030-06-14", "take_up": [{ "amendment": mex }] }),
        )
        .await;
    assert_eq!(rev1["seq"], 2);
    let status_of = |v: &Value| v["amendment"]["status"].clone();
    let mex_read = j
        .get(&format!("{P}/drafts/compact/amendments/{mex}"), None)
        .await;
    assert_eq!(status_of(&mex_read), "accepted", "{mex_read}");
    let che_read = j
        .get(&format!("{P}/drafts/compact/amendments/{che}"), None)
        .await;
    assert_eq!(status_of(&che_read), "rejected", "{che_read}");
    let v2 = j.get(&format!("{P}/drafts/compact/versions/2"), None).await;
    assert!(
        v2.to_string()
            .contains("We will reduce and phase out the production"),
        "{v2}"
    );

    // ---- Silence: broken, revised, passed. -------------------------------
    j.on("2030-07-01");
    j.refused(
        Method::POST,
        &format!("{P}/drafts/compact/silence"),
        Some(other),
        json!({ "version": 2, "deadline": "2030-07-08T18:00", "time_zone": "Africa/Nairobi" }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let first = j
        .post(
            &format!("{P}/drafts/compact/silence"),
            Some(sec),
            json!({ "version": 2, "deadline": "2030-07-08T18:00", "time_zone": "Africa/Nairobi" }),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    j.on("2030-07-03");
    j.post(
        &format!("{P}/drafts/compact/silence/{first}/breaks"),
        Some(&d("BRA")),
        json!({ "state": "BRA", "letter": "Brazil breaks silence on paragraph 3: the coasts include rivers." }),
    )
    .await;
    j.on("2030-07-09");
    let p3_rev = "We will remove plastic waste from the sea and the coasts.";
    let end = p3_rev.find(" and the coasts").unwrap();
    let rev2 = j
        .post(
            &format!("{P}/drafts/compact/revisions"),
            Some(cofac),
            json!({ "label": "Rev.2", "issued_on": "2030-07-09",
                    "own_edits": [{ "op": "insert_text", "node": "p3", "at": end, "text": ", the rivers" }] }),
        )
        .await;
    assert_eq!(rev2["seq"], 3);
    let second = j
        .post(
            &format!("{P}/drafts/compact/silence"),
            Some(sec),
            json!({ "version": 3, "deadline": "2030-07-20T18:00", "time_zone": "Africa/Nairobi" }),
        )
        .await["id"]
        .as_i64()
        .unwrap();
    assert_ne!(first, second);
    j.at("2030-07-21T09:00:00Z");
    let draft = j.get(&format!("{P}/drafts/compact"), None).await;
    let silences = draft["silence"].as_array().unwrap();
    let outcome = |id: i64| {
        silences
            .iter()
            .find(|s| s["procedure"]["id"] == id)
            .map(|s| s["procedure"]["outcome"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(outcome(first), "broken", "{draft}");
    assert_eq!(outcome(second), "adopted_under_silence", "{draft}");
    let v3 = j.get(&format!("{P}/drafts/compact/versions/3"), None).await;
    let v3_text = v3.to_string();
    assert!(
        v3_text.contains("the sea, the rivers and the coasts"),
        "{v3}"
    );
    assert_eq!(
        v3["counts"]["agreed_ad_ref"], 3,
        "every paragraph agreed ad referendum as of the deadline: {v3}"
    );
    assert_eq!(v3["counts"]["paragraphs"], 3);
    assert!(v3["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["set_at"] == "2030-07-20T15:00:00Z"));

    // ---- Adoption at the conference, by recorded vote. -------------------
    j.on("2030-08-31");
    j.post(
        &format!("{P}/phases/negotiation/decisions"),
        Some(sec),
        json!({ "decision": "close" }),
    )
    .await;
    j.on("2030-09-01");
    j.post(
        &format!("{P}/phases/adoption/decisions"),
        Some(sec),
        json!({ "decision": "open" }),
    )
    .await;
    j.on("2030-09-17");
    let adoption = json!({ "meeting": m("conference"), "draft": "compact", "version": 3,
                           "title": "Adoption of the Global compact on ocean plastics",
                           "adopted_on": "2030-09-17", "method": "recorded_vote",
                           "symbol": "A/CONF.300/1",
                           "vote": { "majority": "simple", "open": true,
                                     "totals": { "yes": 0, "no": 0, "abstain": 0, "not_voting": 0 } } });
    j.refused(
        Method::POST,
        &format!("{P}/adoptions"),
        Some(other),
        adoption.clone(),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let conference = j.post(&format!("{P}/adoptions"), Some(sec), adoption).await;
    let conference = conference["adoption"]["id"].as_i64().unwrap();
    for (state, vote) in [
        ("MEX", "yes"),
        ("CHE", "yes"),
        ("FRA", "yes"),
        ("DEU", "yes"),
        ("NOR", "yes"),
        ("KEN", "yes"),
        ("BRA", "abstain"),
    ] {
        j.post(
            &format!("{P}/adoptions/{conference}/ballots"),
            Some(&d(state)),
            json!({ "ballots": [{ "state": state, "vote": vote }] }),
        )
        .await;
    }
    // Brazil votes once; Mexico for Mexico only.
    j.refused(
        Method::POST,
        &format!("{P}/adoptions/{conference}/ballots"),
        Some(&d("BRA")),
        json!({ "ballots": [{ "state": "BRA", "vote": "no" }] }),
        StatusCode::CONFLICT,
        "already_voted",
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/adoptions/{conference}/ballots"),
        Some(&d("MEX")),
        json!({ "ballots": [{ "state": "JPN", "vote": "no" }] }),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let closed = j
        .post(
            &format!("{P}/adoptions/{conference}/close"),
            Some(sec),
            json!({}),
        )
        .await;
    assert_eq!(closed["adopted"], true, "{closed}");
    let read = j.get(&format!("{P}/adoptions/{conference}"), None).await;
    let vote = &read["adoption"]["vote"];
    assert_eq!(
        vote["totals"],
        json!({ "yes": 6, "no": 0, "abstain": 1, "not_voting": 1 }),
        "{read}"
    );
    let mut present: Vec<&str> = vote["present"]
        .as_array()
        .unwrap_or_else(|| panic!("presence recorded: {read}"))
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    present.sort();
    assert_eq!(
        present,
        ["BRA", "CHE", "DEU", "FRA", "KEN", "MEX", "NOR"],
        "Japan cast no vote: not present"
    );
    assert_eq!(read["present"], 7, "{read}");
    assert_eq!(
        read["present_and_voting"], 6,
        "abstaining is not voting: {read}"
    );
    let japan = items(&read["rows"])
        .iter()
        .find(|r| r["code"] == "JPN")
        .cloned()
        .unwrap_or_else(|| panic!("Japan's row: {read}"));
    assert_eq!(japan["vote"], "not_voting", "{japan}");

    // ---- The endorsing resolution, at the plenary. ------------------------
    j.post(
        &format!("{P}/drafts"),
        Some(cofac),
        json!({ "slug": "endorsement", "title": "Global compact on ocean plastics",
                "kind": "resolution", "symbol": "A/85/L.1" }),
    )
    .await;
    j.import(
        "endorsement",
        "label=L.1&issued_on=2030-09-20",
        cofac,
        RESOLUTION,
    )
    .await;
    for wid in ["r1", "r2"] {
        j.write(
            Method::PUT,
            &format!("{P}/drafts/endorsement/versions/1/statuses/{wid}"),
            Some(cofac),
            json!({ "status": "agreed_ad_ref" }),
            StatusCode::OK,
        )
        .await;
    }
    j.on("2030-09-26");
    let endorsed = j
        .post(
            &format!("{P}/adoptions"),
            Some(sec),
            json!({ "meeting": m("plenary"), "draft": "endorsement", "version": 1,
                    "title": "Endorsement by the General Assembly", "adopted_on": "2030-09-26",
                    "symbol": "A/RES/85/1", "method": "consensus", "endorses": conference }),
        )
        .await;
    let endorsement = endorsed["adoption"]["id"].as_i64().unwrap();
    let read = j.get(&format!("{P}/adoptions/{endorsement}"), None).await;
    assert_eq!(
        read["resolution"]["operative"][0]["text"],
        "Endorses the Global compact on ocean plastics.",
        "{read}"
    );
    let conference_read = j.get(&format!("{P}/adoptions/{conference}"), None).await;
    assert!(
        conference_read.to_string().contains("A/RES/85/1"),
        "the conference's adoption names what endorsed it: {conference_read}"
    );

    // ---- Follow-up: pledges and progress. ---------------------------------
    j.on("2030-09-30");
    j.post(
        &format!("{P}/phases/adoption/decisions"),
        Some(sec),
        json!({ "decision": "close" }),
    )
    .await;
    j.on("2030-10-01");
    j.post(
        &format!("{P}/phases/follow_up/decisions"),
        Some(sec),
        json!({ "decision": "open" }),
    )
    .await;
    j.on("2032-05-10");
    let review = m("review-1");
    let pledge = |actor: &str, objectives: Value, title: &str| {
        json!({ "actor": actor, "objectives": objectives, "title": title,
                "description": format!("{title}, by {actor}."), "made_on": "2032-05-10",
                "status": "announced", "meeting": review })
    };
    let mexico = j
        .post(
            &format!("{P}/pledges"),
            Some(&d("MEX")),
            pledge("MEX", json!([1]), "Halve virgin plastic by 2040"),
        )
        .await;
    let mexico = mexico["pledge"]["id"].as_i64().unwrap();
    j.post(
        &format!("{P}/pledges"),
        Some(&stakeholder),
        pledge(&network_code, json!([2]), "Clean a thousand beaches"),
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/pledges"),
        Some(&d("MEX")),
        pledge("MEX", json!([3]), "An objective the compact does not have"),
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown_objective",
    )
    .await;
    j.refused(
        Method::POST,
        &format!("{P}/pledges"),
        Some(other),
        pledge("MEX", json!([1]), "Not ours"),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    j.on("2032-05-11");
    let reported = j
        .post(
            &format!("{P}/pledges/{mexico}/reports"),
            Some(&d("MEX")),
            json!({ "reported_on": "2032-05-11", "status": "in_progress",
                    "text": "A law on virgin plastic passed." }),
        )
        .await;
    assert_eq!(reported["pledge"]["status"], "in_progress", "{reported}");
    let pledges = j.get(&format!("{P}/pledges"), None).await;
    assert_eq!(items(&pledges).len(), 2, "{pledges}");
    let objective = j.get(&format!("{P}/objectives/1"), None).await;
    assert!(
        objective
            .to_string()
            .contains("Halve virgin plastic by 2040"),
        "{objective}"
    );
    let phases = j.get(&format!("{P}/phases"), None).await;
    assert_eq!(phases["current_phase"], "follow_up", "{phases}");

    // ---- The other process saw none of it. ---------------------------------
    for list in [
        "meetings",
        "consultations",
        "statements",
        "inputs",
        "drafts",
        "adoptions",
        "pledges",
        "themes",
        "documents",
    ] {
        let v = j.get(&format!("{OTHER}/{list}"), Some(other)).await;
        assert!(items(&v).is_empty(), "the other process's {list}: {v}");
    }
    let v = j
        .get(&format!("{OTHER}/accreditation/applications"), Some(other))
        .await;
    assert!(items(&v).is_empty(), "{v}");
    let v = j.get(&format!("{OTHER}/phases"), Some(other)).await;
    assert!(items(&v).is_empty(), "{v}");
    assert!(v["history"].as_array().unwrap().is_empty(), "{v}");

    eprintln!(
        "journey ({:?}): from empty to adopted and followed up in {:.2?}, {} requests",
        db.backend,
        started.elapsed(),
        j.requests.load(Ordering::Relaxed)
    );
}
