//! Writes over the JSON API. Every route that changes something is listed in
//! [`write_routes`]: the router is built from that table, and the
//! authorisation test walks it, so no write route can escape the test.

use crate::auth::{Caller, WriteCaller};
use crate::error::ApiError;
use crate::SharedState;
use accord_app::{AuditFilter, PageRequest, Principal};
use accord_domain as d;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post, put, MethodRouter};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A route that writes: its method, its path, its handler.
pub struct WriteRoute {
    pub method: &'static str,
    pub path: &'static str,
    /// What the route does, for the OpenAPI document.
    pub summary: &'static str,
    /// A valid request body (null for a route that takes none).
    pub example: Value,
    pub route: MethodRouter<SharedState>,
}

/// Every write route of the API.
pub fn write_routes() -> Vec<WriteRoute> {
    let r = |method, path, summary, example, route| WriteRoute {
        method,
        path,
        summary,
        example,
        route,
    };
    vec![
        r(
            "POST",
            "/api/v1/processes",
            "Create a process (secretariat of every process)",
            json!({
                "slug": "gcm", "title": "Global Compact for Safe, Orderly and Regular Migration",
                "mandate": ["A/RES/71/280"], "languages": ["ar", "zh", "en", "fr", "ru", "es"],
                "co_facilitators": ["MEX", "CHE"], "secretariat": [],
                "meeting_kinds": ["thematic_session", "negotiation_round", "conference"]
            }),
            post(create_process),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/phases",
            "Add a phase to a process (its secretariat)",
            json!({ "kind": "negotiation", "start_date": "2018-02-01", "end_date": "2018-07-31" }),
            post(add_phase),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings",
            "Add a meeting with its agenda (the process's secretariat)",
            json!({
                "slug": "round-1", "kind": "negotiation_round", "number": 1,
                "title": "First round of intergovernmental negotiations",
                "start_date": "2018-02-20", "end_date": "2018-02-22",
                "venue": { "city": "New York", "country": "USA" },
                "agenda": [{ "number": 1, "title": "Zero draft" }]
            }),
            post(add_meeting),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/documents",
            "Record a document's metadata (the process's secretariat)",
            json!({
                "slug": "zero-draft", "title": "Zero draft", "kind": "draft", "date": "2018-02-05",
                "languages": ["en"], "distribution": "public"
            }),
            post(add_document),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/themes",
            "Add a theme (the process's secretariat)",
            json!({ "code": "topic-1", "taxonomy": "topics", "number": 1, "title": "Human rights of all migrants" }),
            post(add_theme),
        ),
        r(
            "POST",
            "/api/v1/actors",
            "Add an actor or a group (secretariat)",
            json!({ "code": "IOM", "kind": "intergovernmental_organisation", "name": "International Organization for Migration" }),
            post(create_actor),
        ),
        r(
            "POST",
            "/api/v1/accounts",
            "Create an account with its roles (secretariat of every process)",
            json!({
                "email": "delegate@example.org", "name": "A. Delegate", "password": "a long enough passphrase",
                "roles": [{ "role": "delegate", "process": "gcm", "actor": "MEX" }]
            }),
            post(create_account),
        ),
        r(
            "POST",
            "/api/v1/sessions",
            "Sign in for a script: an e-mail address and a password give an API token that lasts as long as a sign-in (12 hours), for `Authorization: Bearer`; throttled as the sign-in form is (429 after repeated failures)",
            json!({ "email": "delegate@example.org", "password": "a long enough passphrase" }),
            post(sign_in_for_token),
        ),
        r(
            "POST",
            "/api/v1/tokens",
            "Make an API token for your own account (the secret is in this answer only)",
            json!({ "name": "nightly export", "days": 90 }),
            post(create_token),
        ),
        r(
            "DELETE",
            "/api/v1/tokens/{id}",
            "Revoke one of your API tokens",
            Value::Null,
            delete(revoke_token),
        ),
        r(
            "POST",
            "/api/v1/password-resets",
            "Issue a one-time password-reset link (secretariat)",
            json!({ "email": "delegate@example.org" }),
            post(issue_password_reset),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/delegations",
            "Name the head of a state's delegation (the state's delegates, or the secretariat)",
            json!({ "state": "MEX", "head": "A. Head" }),
            post(set_delegation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/group-chairs",
            "Record which state chairs a group (secretariat)",
            json!({ "group": "EU", "chair": "AUT" }),
            post(set_group_chair),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/group-speakers",
            "Designate who may speak for a group (the chairing state's delegates)",
            json!({ "group": "EU", "email": "delegate@example.org" }),
            post(designate_group_speaker),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/speakers",
            "Ask for the floor for your state, or your group when designated",
            json!({ "actor": "MEX", "agenda_item": 1, "ministerial": false, "right_of_reply": false }),
            post(inscribe),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status",
            "Mark a speaker as speaking or spoken (the chair, or the secretariat)",
            json!({ "status": "speaking" }),
            post(set_speaker_status),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/meetings/{id}/time-limits/{category}",
            "Set a category's time limit at a meeting, in seconds; null for the usual one (the chair, or the secretariat)",
            json!({ "seconds": 240 }),
            put(set_time_limit),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/period",
            "Set the no-objection period for accreditation, in days (secretariat)",
            json!({ "days": 10 }),
            post(set_objection_period),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications",
            "Apply for accreditation as a stakeholder organisation (anyone)",
            json!({
                "name": "Migrants' Rights Network", "kind": "ngo", "country": "GBR",
                "website": "https://example.org", "ecosoc_status": false, "description": "What the organisation does."
            }),
            post(apply_for_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications/{id}/objections",
            "Object to an application during the no-objection period (a member state's delegates)",
            json!({ "state": "MEX", "reason": "Why the state objects." }),
            post(object_to_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/accreditation/applications/{id}/decision",
            "Approve or reject an application after the period (secretariat)",
            json!({ "approve": true, "note": "" }),
            post(decide_accreditation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/statements",
            "Record a statement with its texts: a delegate for their state (for their group when designated), a UN entity, an accredited stakeholder, or the secretariat for anyone",
            json!({
                "meeting": 1, "agenda_item": 0, "actor": "MEX", "on_behalf_of": null,
                "title": "Statement by Mexico", "delivered_on": "2017-05-08", "distribution": "public",
                "texts": [{ "language": "en", "text": "Mr. Chair, …" }]
            }),
            post(crate::api_consultation::add_statement),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/statements/{id}/texts/{language}",
            "Add or replace a statement's text in a language",
            json!({ "text": "Monsieur le Président, …" }),
            put(crate::api_consultation::put_statement_text),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/statements/{id}/files/{language}",
            "Upload a statement's file in a language (`detect` to detect it): PDF, DOCX, ODT, HTML, Markdown or text, as the raw body; `?filename=` names it. 201 when read at once, 202 when a background job reads it",
            Value::Null,
            crate::files::upload_route(d::ItemKind::Statement),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/documents/{id}/files/{language}",
            "Upload a document's file in a language (the process's secretariat), as for statements",
            Value::Null,
            crate::files::upload_route(d::ItemKind::Document),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/consultations",
            "Open a call for written inputs (the process's secretariat)",
            json!({
                "slug": "online", "title": "Online consultation", "description": "",
                "opens_at": "2017-05-01T00:00:00Z", "closes_at": "2017-06-01T00:00:00Z"
            }),
            post(crate::api_consultation::open_consultation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/consultations/{consultation}/inputs",
            "Send a written input to an open consultation (anyone; limited per address)",
            json!({ "organisation": "A network", "country": "CHE", "language": "en", "text": "…" }),
            post(crate::api_consultation::submit_input),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/recommendations",
            "Mark a passage of a statement or an input as a recommendation, with themes (the process's secretariat)",
            json!({
                "source": "statement", "source_id": 1, "language": "en",
                "passage": "States should …", "themes": ["topic-1"]
            }),
            post(crate::api_consultation::mark_recommendation),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/meetings/{id}/registrations",
            "Register for a meeting (delegates, accredited stakeholders)",
            Value::Null,
            post(register_for_meeting),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts",
            "Create a draft (co-facilitators or the secretariat); its versions are imported or built as revisions",
            json!({ "slug": "compact", "title": "Global Compact for Safe, Orderly and Regular Migration" }),
            post(crate::api_negotiation::create_draft),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/versions",
            "Import the draft's next version (co-facilitators or the secretariat): the raw body is a DOCX file laid out as UN drafts are, or the documented Markdown format; `?label=Rev.1&issued_on=2018-03-26`; `&preview=true` only says what was recognised (200)",
            Value::Null,
            post(crate::api_negotiation::import_version),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/revisions",
            "Issue the next version from the latest: amendments taken up (as tabled, or `modified`) and the co-facilitators' own edits, applied together",
            json!({
                "label": "Rev.1", "issued_on": "2018-03-26",
                "take_up": [{ "amendment": 12 }],
                "own_edits": [{ "op": "replace_text", "node": "para17", "from": 0, "to": 9, "text": "We commit" }]
            }),
            post(crate::api_negotiation::issue_revision),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/amendments",
            "Table an amendment on the latest version, for a state (its delegate) or a group (its designated speaker), while the process negotiates; the co-sponsors it names are pending until each confirms (`…/co-sponsorship`)",
            json!({
                "proposer": "MEX", "co_sponsors": ["CHE"], "version": 1,
                "operation": { "op": "insert_text", "node": "para17", "at": 10, "text": "safe, " },
                "justification": "Consistency with the title."
            }),
            post(crate::api_negotiation::propose_amendment),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/positions",
            "Support or object to an amendment, for a state or a designated group (a later stance replaces an earlier one)",
            json!({ "actor": "CHE", "stance": "support" }),
            post(crate::api_negotiation::take_position),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/co-sponsorship",
            "Confirm (`confirm: true`) the co-sponsorship an amendment's proposer named a state or group for, or withdraw it (`false`), by that state's delegate or the group's designated speaker",
            json!({ "actor": "CHE", "confirm": true }),
            post(crate::api_negotiation::co_sponsorship),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/withdrawal",
            "Withdraw an amendment (its proposer)",
            Value::Null,
            post(crate::api_negotiation::withdraw_amendment),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/decision",
            "Decide an amendment: accepted, accepted_as_modified, rejected or superseded (co-facilitators)",
            json!({ "status": "rejected", "note": "No consensus." }),
            post(crate::api_negotiation::decide_amendment),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/statuses/{wid}",
            "Set a paragraph's status on a version: under_negotiation, agreed_ad_ref, bracketed (with options) or deleted (co-facilitators)",
            json!({ "status": "bracketed", "options": ["Option 1 text", "Option 2 text"] }),
            axum::routing::put(crate::api_negotiation::set_status),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/silence",
            "Circulate a version under silence procedure until a local deadline in a time zone (the secretariat)",
            json!({ "version": 4, "deadline": "2018-07-10T18:00", "time_zone": "America/New_York" }),
            post(crate::api_negotiation::open_silence),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/drafts/{draft}/silence/{id}/breaks",
            "Break silence for a member state with a letter, before the deadline (its delegate)",
            json!({ "state": "HUN", "letter": "The delegation breaks silence on paragraph 27." }),
            post(crate::api_negotiation::break_silence),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/consultations/{consultation}/inputs/import",
            "Import written inputs as a background job (the secretariat): the raw body is a CSV or JSON Lines file (gzip accepted), `?format=csv|jsonl` (default jsonl), `&synthetic=true` for test data; rows are idempotent by `external_id`; 202 with the job to follow",
            Value::Null,
            post(crate::api_stocktaking::import_inputs)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/analysis",
            "Analyse the process's inputs and statements as a background job (the secretariat): campaigns, themes, clusters; 202 with the job to follow",
            json!({ "threshold": 0.7, "taxonomy": "thematic-sessions" }),
            post(crate::api_stocktaking::start_analysis),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/theme-labels",
            "Label an input or a statement with a theme (the secretariat); the next analysis learns from it",
            json!({ "item_kind": "input", "item_id": 17, "theme": "topic-3" }),
            post(crate::api_stocktaking::label_theme),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/dismissals",
            "Pass over a suggested recommendation (the secretariat): it is not suggested again",
            json!({ "item_kind": "input", "item_id": 17, "language": "en", "start": 0 }),
            post(crate::api_stocktaking::dismiss),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/coverage",
            "Link a paragraph of a draft to a recommendation it answers, or unlink it with `linked: false` (co-facilitators or the secretariat)",
            json!({ "recommendation": 3, "draft": "compact", "wid": "para17", "linked": true }),
            post(crate::api_stocktaking::link_coverage),
        ),
        r(
            "PUT",
            "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/languages/{language}",
            "Give a version's text in another official language (the co-facilitators, or the secretariat for them): the raw body is Markdown or DOCX in the version's structure; each node is aligned by its `{#wid}`, else by its place (paragraph 17 is paragraph 17); replaces that language's text",
            Value::Null,
            axum::routing::put(crate::language_pages::put_expression),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/adoptions",
            "Record the adoption of a draft version at a meeting of the process, by consensus or by recorded vote (the secretariat): totals must add up to the member states; only member states vote, once each",
            json!({ "meeting": 42, "draft": "gcm-draft", "version": 5, "title": "Endorsement by the General Assembly", "adopted_on": "2018-12-19", "symbol": "A/RES/73/195", "method": "recorded_vote", "vote": { "majority": "simple", "totals": { "yes": 152, "no": 5, "abstain": 12, "not_voting": 24 }, "ballots": [{ "state": "HUN", "vote": "no" }] }, "endorses": 1 }),
            post(crate::api_adoption::adopt),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/adoptions/{id}/ballots",
            "Cast or record member states' votes, each state once: while a vote is being taken (`open`), a delegation casts its own state's vote (the secretariat may enter any); for a vote recorded after the fact, the secretariat adds votes within the totals",
            json!({ "ballots": [{ "state": "AUT", "vote": "abstain" }] }),
            post(crate::api_adoption::add_ballots),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/adoptions/{id}/close",
            "Close a vote being taken (the secretariat): the states that cast no vote did not vote; the totals are counted and the outcome follows (read it with GET …/adoptions/{id}); 204",
            Value::Null,
            post(crate::api_adoption::close_vote),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/adoptions/{id}/statements",
            "Link a statement made at the adopting meeting: explanation_before, explanation_after (of vote), position, reservation or dissociation (the secretariat)",
            json!({ "statement": 7, "kind": "explanation_after" }),
            post(crate::api_adoption::link_statement),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/pledges",
            "Make a pledge on objectives of the adopted text (the secretariat, or whoever may speak for the actor)",
            json!({ "actor": "MEX", "objectives": [5, 23], "title": "Regular pathways", "description": "More regular pathways for workers.", "made_on": "2022-05-18", "status": "announced", "meeting": 40 }),
            post(crate::api_adoption::make_pledge),
        ),
        r(
            "POST",
            "/api/v1/processes/{slug}/pledges/{id}/reports",
            "Report progress on a pledge; the pledge takes the report's status",
            json!({ "reported_on": "2024-05-01", "status": "in_progress", "text": "Two agreements signed." }),
            post(crate::api_adoption::report_progress),
        ),
    ]
}

/// Reads that sit beside the writes: (path, summary).
const READ_ROUTES: &[(&str, &str)] = &[
    (
        "/api/v1/audit",
        "The audit log, newest first, filtered by action prefix and process (secretariat)",
    ),
    (
        "/api/v1/processes/{slug}/meetings/{id}/speakers",
        "A meeting's speakers' list in speaking order, with time limits",
    ),
    (
        "/api/v1/processes/{slug}/meetings/{id}/time-limits",
        "Every speaker category's time limit at a meeting",
    ),
    (
        "/api/v1/processes/{slug}/delegations",
        "The heads of the states' delegations to a process",
    ),
    (
        "/api/v1/processes/{slug}/accreditation/applications",
        "Accreditation applications with objections and decisions (secretariat and member states)",
    ),
    (
        "/api/v1/processes/{slug}/meetings/{id}/participants",
        "Who registered for a meeting (never e-mail addresses)",
    ),
];

/// Adds the write routes (and the reads beside them) to the OpenAPI
/// document, from the same table the router is built from.
pub fn document(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
    use utoipa::openapi::request_body::RequestBodyBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::security::{
        HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
    };
    use utoipa::openapi::{ContentBuilder, Ref, Required, ResponseBuilder};

    let error = |what: &str| {
        ResponseBuilder::new()
            .description(what)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build()
    };
    let params = |path: &str| {
        path.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
            .map(|name| {
                let kind = match name.as_str() {
                    "id" | "inscription" => Type::Integer,
                    _ => Type::String,
                };
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .schema(Some(ObjectBuilder::new().schema_type(kind)))
                    .build()
            })
            .collect::<Vec<_>>()
    };
    let tag = |path: &str| {
        let p = path.trim_start_matches("/api/v1/");
        if p.contains("accreditation")
            || p.ends_with("registrations")
            || p.ends_with("participants")
        {
            "accreditation"
        } else if p.contains("speakers")
            || p.contains("time-limits")
            || p.contains("delegations")
            || p.contains("group-")
        {
            "speakers"
        } else if p.starts_with("tokens")
            || p.starts_with("accounts")
            || p.starts_with("password-resets")
            || p.starts_with("audit")
        {
            "access"
        } else if p.contains("/drafts") {
            "negotiation"
        } else {
            "writes"
        }
    };
    for w in write_routes() {
        let (method, ok) = match w.method {
            "POST" => (
                HttpMethod::Post,
                ("201", "Done; the answer names what was made"),
            ),
            "PUT" => (HttpMethod::Put, ("200", "Done")),
            "DELETE" => (HttpMethod::Delete, ("204", "Done")),
            other => unreachable!("a write route with method {other}"),
        };
        let mut op = OperationBuilder::new()
            .summary(Some(w.summary))
            .tag(tag(w.path))
            .parameters(Some(params(w.path)))
            .security(SecurityRequirement::new("bearer", Vec::<String>::new()))
            .security(SecurityRequirement::new("session", Vec::<String>::new()))
            .response(ok.0, ResponseBuilder::new().description(ok.1).build())
            .response("400", error("The body or the path is malformed"))
            .response("401", error("No valid session or token"))
            .response(
                "403",
                error("Not allowed, or the anti-forgery token is missing"),
            )
            .response("404", error("A named thing does not exist"))
            .response(
                "409",
                error("It exists already, or conflicts with what does"),
            )
            .response("422", error("A rule of the process refuses it"));
        if takes_raw_body(w.path) {
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .description(Some("The file's bytes"))
                    .content(
                        "application/octet-stream",
                        ContentBuilder::new()
                            .schema(Some(
                                ObjectBuilder::new()
                                    .schema_type(Type::String)
                                    .content_media_type("application/octet-stream"),
                            ))
                            .build(),
                    )
                    .build(),
            ));
        } else if !w.example.is_null() {
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(Required::True))
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .example(Some(w.example.clone()))
                            .build(),
                    )
                    .build(),
            ));
        }
        doc.paths
            .add_path_operation(w.path, vec![method], op.build());
    }
    for (path, summary) in READ_ROUTES
        .iter()
        .chain(crate::api_consultation::READ_ROUTES)
        .chain(crate::api_negotiation::READ_ROUTES)
        .chain(crate::api_stocktaking::READ_ROUTES)
        .chain(crate::api_adoption::READ_ROUTES)
        .chain(crate::language_pages::READ_ROUTES)
    {
        let op = OperationBuilder::new()
            .summary(Some(*summary))
            .tag(tag(path))
            .parameters(Some(params(path)))
            .response(
                "200",
                ResponseBuilder::new()
                    .description("A JSON object with `items`")
                    .build(),
            )
            .response("403", error("Not allowed"))
            .response("404", error("No such process or meeting"));
        doc.paths
            .add_path_operation(*path, vec![HttpMethod::Get], op.build());
    }
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "An API token made on your account page or with POST /api/v1/tokens",
                ))
                .build(),
        ),
    );
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Cookie(
            utoipa::openapi::security::ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "The portal's session cookie; a write must also send the session's anti-forgery token in X-CSRF-Token",
            ),
        )),
    );
}

/// (method, path) of every write route, for tests and documentation.
/// Routes whose body is a file (raw bytes), not JSON: uploads and imports.
pub fn takes_raw_body(path: &str) -> bool {
    path.contains("/files/")
        || path.ends_with("/drafts/{draft}/versions")
        || path.ends_with("/inputs/import")
        || path.ends_with("/languages/{language}")
}

pub fn write_route_list() -> Vec<(&'static str, &'static str)> {
    write_routes()
        .into_iter()
        .map(|w| (w.method, w.path))
        .collect()
}

pub fn routes() -> Router<SharedState> {
    let mut router = Router::new()
        .route("/api/v1/audit", get(audit_log))
        .route(
            "/api/v1/processes/{slug}/meetings/{id}/speakers",
            get(speakers_list),
        )
        .route(
            "/api/v1/processes/{slug}/meetings/{id}/time-limits",
            get(time_limits),
        )
        .route("/api/v1/processes/{slug}/delegations", get(delegations))
        .route(
            "/api/v1/processes/{slug}/accreditation/applications",
            get(applications),
        )
        .route(
            "/api/v1/processes/{slug}/meetings/{id}/participants",
            get(participants),
        );
    router = crate::api_consultation::add_reads(router);
    router = crate::api_negotiation::add_reads(router);
    router = crate::api_stocktaking::add_reads(router);
    router = crate::api_adoption::add_reads(router);
    router = crate::language_pages::add_reads(router);
    for w in write_routes() {
        router = router.route(w.path, w.route);
    }
    router
}

/// Parses a JSON body; `process` (from the path) is set on the object first.
pub(crate) fn body<T: DeserializeOwned>(
    bytes: &Bytes,
    process: Option<&str>,
) -> Result<T, ApiError> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    if let Some(slug) = process {
        match value.as_object_mut() {
            Some(obj) => {
                obj.insert("process".into(), json!(slug));
            }
            None => return Err(ApiError::bad_request("the body must be a JSON object")),
        }
    }
    serde_json::from_value(value).map_err(|e| ApiError::bad_request(format!("invalid body: {e}")))
}

pub(crate) fn created(value: Value) -> (StatusCode, Json<Value>) {
    (StatusCode::CREATED, Json(value))
}

/// A signed-in caller: the public may not write.
pub(crate) fn signed_in(p: Principal) -> Result<Principal, ApiError> {
    match p {
        Principal::Anonymous => Err(accord_app::AppError::Unauthenticated(
            "sign in, or send an API token".into(),
        )
        .into()),
        p => Ok(p),
    }
}

pub(crate) type Created = Result<(StatusCode, Json<Value>), ApiError>;

async fn create_process(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let process: d::Process = body(&b, None)?;
    let slug = process.slug.to_string();
    s.app.create_process(&p, process).await?;
    Ok(created(json!({ "slug": slug })))
}

async fn add_phase(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let phase: d::Phase = body(&b, Some(&slug))?;
    let kind = phase.kind.to_string();
    s.app.add_phase(&p, phase).await?;
    Ok(created(json!({ "kind": kind })))
}

async fn add_meeting(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting: d::NewMeeting = body(&b, Some(&slug))?;
    let id = s.app.add_meeting(&p, meeting).await?;
    Ok(created(json!({ "id": id })))
}

async fn add_document(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let document: d::NewDocument = body(&b, Some(&slug))?;
    let id = s.app.add_document(&p, document).await?;
    Ok(created(json!({ "id": id })))
}

async fn add_theme(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let theme: d::Theme = body(&b, Some(&slug))?;
    let code = theme.code.to_string();
    s.app.add_theme(&p, theme).await?;
    Ok(created(json!({ "code": code })))
}

async fn create_actor(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let actor: d::Actor = body(&b, None)?;
    let code = actor.code.to_string();
    s.app.create_actor(&p, actor).await?;
    Ok(created(json!({ "code": code })))
}

#[derive(Deserialize)]
struct NewAccountBody {
    email: String,
    name: String,
    password: String,
    #[serde(default)]
    roles: Vec<d::RoleGrant>,
}

async fn create_account(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let new: NewAccountBody = body(&b, None)?;
    let account = s
        .app
        .create_account(&p, &new.email, &new.name, &new.password, &new.roles)
        .await?;
    Ok(created(json!({ "id": account.id, "email": account.email })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignInBody {
    email: String,
    password: String,
}

/// Anyone may try; the answer is a bearer token, or the sign-in form's
/// refusal (the same for an unknown account and a wrong password).
async fn sign_in_for_token(
    State(s): State<SharedState>,
    crate::client::ClientAddress(address): crate::client::ClientAddress,
    b: Bytes,
) -> Created {
    let req: SignInBody = body(&b, None)?;
    let token = s
        .app
        .sign_in_for_token(&req.email, &req.password, &address)
        .await?;
    Ok(created(json!({
        "id": token.id,
        "token": token.secret,
        "expires_at": token.expires_at,
    })))
}

#[derive(Deserialize)]
struct NewTokenBody {
    name: String,
    /// Days until the token expires (1 to 366).
    days: i64,
}

async fn create_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let new: NewTokenBody = body(&b, None)?;
    let token = s.app.create_api_token(&p, &new.name, new.days).await?;
    Ok(created(json!({
        "id": token.id,
        "name": token.name,
        "token": token.secret,
        "expires_at": token.expires_at,
    })))
}

async fn revoke_token(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "API token")?;
    s.app.revoke_api_token(&p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct ResetBody {
    email: String,
}

async fn issue_password_reset(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: ResetBody = body(&b, None)?;
    let secret = s.app.issue_password_reset(&p, &req.email).await?;
    Ok(created(json!({
        "link": format!("/reset-password?token={secret}"),
        "expires_in_hours": accord_app::RESET_HOURS,
    })))
}

#[derive(Deserialize)]
struct AuditParams {
    action: Option<String>,
    account: Option<i64>,
    process: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

#[derive(Serialize)]
struct AuditPage {
    items: Vec<d::audit::AuditEntry>,
    next_cursor: Option<String>,
}

async fn audit_log(
    State(s): State<SharedState>,
    caller: Caller,
    crate::api::ApiQuery(q): crate::api::ApiQuery<AuditParams>,
) -> Result<Json<AuditPage>, ApiError> {
    let process = q
        .process
        .map(|p| d::Slug::new(p).map_err(|e| ApiError::bad_request(e.to_string())))
        .transpose()?;
    let filter = AuditFilter {
        action_prefix: q.action,
        account: q.account,
        process,
    };
    let page = PageRequest {
        cursor: q.cursor,
        limit: q.limit,
    };
    let listing = s.app.audit_log(&caller.principal, filter, &page).await?;
    Ok(Json(AuditPage {
        items: listing.items,
        next_cursor: listing.next_cursor,
    }))
}

// ---- delegations, groups and speakers' lists ------------------------------

#[derive(Deserialize)]
struct DelegationBody {
    state: String,
    head: String,
}

async fn set_delegation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: DelegationBody = body(&b, None)?;
    s.app
        .set_delegation(&p, &slug, &req.state, &req.head)
        .await?;
    Ok(created(
        json!({ "state": req.state, "head": req.head.trim() }),
    ))
}

async fn delegations(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let items: Vec<Value> = s
        .app
        .delegations(&slug)
        .await?
        .into_iter()
        .map(|(state, head)| json!({ "state": state.code, "name": state.name, "head": head }))
        .collect();
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize)]
struct GroupChairBody {
    group: String,
    chair: String,
}

async fn set_group_chair(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: GroupChairBody = body(&b, None)?;
    s.app
        .set_group_chair(&p, &slug, &req.group, &req.chair)
        .await?;
    Ok(created(json!({ "group": req.group, "chair": req.chair })))
}

#[derive(Deserialize)]
struct GroupSpeakerBody {
    group: String,
    email: String,
}

async fn designate_group_speaker(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: GroupSpeakerBody = body(&b, None)?;
    s.app
        .designate_group_speaker(&p, &slug, &req.group, &req.email)
        .await?;
    Ok(created(json!({ "group": req.group, "email": req.email })))
}

#[derive(Deserialize)]
struct FloorBody {
    actor: String,
    #[serde(default)]
    agenda_item: u32,
    #[serde(default)]
    ministerial: bool,
    #[serde(default)]
    right_of_reply: bool,
}

async fn inscribe(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let req: FloorBody = body(&b, None)?;
    let floor = accord_app::FloorRequest {
        actor: req.actor,
        agenda_item: req.agenda_item,
        ministerial: req.ministerial,
        right_of_reply: req.right_of_reply,
    };
    let id = s.app.inscribe(&p, &slug, meeting, floor).await?;
    Ok(created(json!({ "id": id })))
}

#[derive(Deserialize)]
struct StatusBody {
    status: String,
}

async fn set_speaker_status(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, inscription)): Path<(String, String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let inscription = crate::api::parse_id(&inscription, "inscription")?;
    let req: StatusBody = body(&b, None)?;
    let status: d::SpeakerStatus = req
        .status
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    s.app
        .set_speaker_status(&p, &slug, meeting, inscription, status)
        .await?;
    Ok(created(json!({ "id": inscription, "status": status })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeLimitBody {
    /// Seconds (15 to 3600), or null for the usual limit.
    seconds: Option<u32>,
}

async fn set_time_limit(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, category)): Path<(String, String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let category: d::SpeakerCategory = category
        .parse()
        .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))?;
    let req: TimeLimitBody = body(&b, None)?;
    s.app
        .set_time_limit(&p, &slug, meeting, category, req.seconds)
        .await?;
    Ok((
        StatusCode::OK,
        Json(
            json!({ "category": category, "seconds": req.seconds.unwrap_or(category.default_time_limit()), "set_for_meeting": req.seconds.is_some() }),
        ),
    ))
}

async fn time_limits(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .time_limits(&slug, meeting)
        .await?
        .into_iter()
        .map(|(category, seconds, set)| {
            json!({ "category": category, "seconds": seconds, "set_for_meeting": set })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

async fn speakers_list(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .speakers_list(&slug, meeting)
        .await?
        .into_iter()
        .enumerate()
        .map(|(n, sp)| {
            json!({
                "position": n + 1,
                "id": sp.inscription.id,
                "agenda_item": sp.inscription.agenda_item,
                "actor": sp.actor.code,
                "name": sp.actor.name,
                "category": sp.inscription.category,
                "status": sp.inscription.status,
                "time_limit_seconds": sp.time_limit,
                "inscribed_at": sp.inscription.inscribed_at,
            })
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

// ---- accreditation and registration ----------------------------------------

#[derive(Deserialize)]
struct PeriodBody {
    days: i64,
}

async fn set_objection_period(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let req: PeriodBody = body(&b, None)?;
    s.app.set_objection_days(&p, &slug, req.days).await?;
    Ok(created(json!({ "days": req.days })))
}

/// Anyone may apply, signed in or not.
async fn apply_for_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    crate::client::ClientAddress(address): crate::client::ClientAddress,
    Path(slug): Path<String>,
    b: Bytes,
) -> Created {
    let new: d::NewApplication = body(&b, None)?;
    let id = s
        .app
        .apply_for_accreditation(&p, &slug, new, &address)
        .await?;
    Ok(created(json!({ "id": id })))
}

async fn applications(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let items = s.app.applications(&caller.principal, &slug).await?;
    Ok(Json(json!({ "items": items })))
}

#[derive(Deserialize)]
struct ObjectionBody {
    state: String,
    reason: String,
}

async fn object_to_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "application")?;
    let req: ObjectionBody = body(&b, None)?;
    s.app
        .object_to_accreditation(&p, &slug, id, &req.state, &req.reason)
        .await?;
    Ok(created(json!({ "application": id, "state": req.state })))
}

#[derive(Deserialize)]
struct DecisionBody {
    approve: bool,
    #[serde(default)]
    note: String,
}

async fn decide_accreditation(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
    b: Bytes,
) -> Created {
    let p = signed_in(p)?;
    let id = crate::api::parse_id(&id, "application")?;
    let req: DecisionBody = body(&b, None)?;
    let actor = s
        .app
        .decide_accreditation(&p, &slug, id, req.approve, &req.note)
        .await?;
    Ok(created(
        json!({ "application": id, "approved": req.approve, "actor": actor }),
    ))
}

async fn register_for_meeting(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id)): Path<(String, String)>,
) -> Created {
    let p = signed_in(p)?;
    let meeting = crate::api::parse_id(&id, "meeting")?;
    s.app.register_for_meeting(&p, &slug, meeting).await?;
    Ok(created(json!({ "meeting": meeting })))
}

/// The public participants list: names and whom they represent, never e-mail.
async fn participants(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let meeting = crate::api::parse_id(&id, "meeting")?;
    let items: Vec<Value> = s
        .app
        .participants(&slug, meeting)
        .await?
        .into_iter()
        .map(|(p, actor)| json!({ "name": p.name, "actor": actor.code, "actor_name": actor.name, "registered_at": p.registered_at }))
        .collect();
    Ok(Json(json!({ "items": items })))
}
