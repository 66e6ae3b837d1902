//! People and access over HTTP: every write route × every role, CSRF,
//! session fixation, tokens, rate limiting, password resets.

use accord_app::negotiation::DraftRequest;
use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo};
use accord_domain::{PhaseKind, Role, RoleGrant};
use accord_testkit::{on_both_stores, TestDatabase};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

on_both_stores!(
    every_route_of_the_router_refuses_those_without_the_right,
    each_command_is_one_struct_read_from_json_or_from_a_form,
    the_api_refuses_unknown_fields_names_its_methods_and_locates_what_it_creates,
    every_write_route_as_every_role,
    signing_in_through_the_form,
    a_signed_in_readers_copies_are_their_own,
    the_sign_in_form_refuses_forgery_and_guessing,
    cookie_sessions_need_the_csrf_header_for_api_writes,
    tokens_revoked_or_expired_are_refused,
    bad_write_bodies_get_specific_errors_and_change_nothing,
    a_reset_link_from_the_secretariat_sets_a_new_password_once,
    the_audit_log_page_is_for_the_secretariat,
    the_speakers_list_shows_on_the_meeting_page_and_in_the_api,
    the_public_participants_list_never_shows_e_mail_addresses,
    the_secretariat_writes_through_html_forms,
    the_secretariat_postpones_and_cancels_a_meeting_in_the_portal,
    the_secretariat_opens_extends_and_closes_phases_in_the_portal,
    a_group_s_statement_is_credited_to_the_group_and_names_its_speaker,
    the_secretariat_reinstates_a_meeting_and_translates_its_title_in_the_portal,
    the_secretariat_edits_and_withdraws_a_document_in_the_portal,
    the_secretariat_edits_and_withdraws_a_theme_in_the_portal,
    the_secretariat_corrects_its_process_in_the_portal,
    the_secretariat_opens_and_closes_a_call_for_inputs_in_the_portal,
    the_secretariat_records_an_adoption_by_recorded_vote_in_the_portal,
    delegates_ask_for_the_floor_and_the_chair_runs_the_list_from_the_meeting_page,
    accreditation_through_the_portal,
    each_access_command_is_one_struct_read_from_json_or_from_a_form,
    api_tokens_from_the_account_page,
    the_secretariat_creates_accounts_and_reset_links_in_the_portal,
    the_consultation_phase_in_the_portal,
    files_go_up_and_come_down_byte_for_byte,
    nothing_restricted_or_embargoed_leaks_anywhere,
    a_document_has_its_own_page,
    a_state_is_never_bound_without_its_own_act,
    an_oversized_form_is_refused_before_it_is_read,
    nobody_is_locked_out_by_someone_else,
    a_crowd_is_told_to_come_back_not_given_threads,
    over_https_every_cookie_is_secure_and_hsts_is_sent,
    scripts_sign_in_for_a_token_without_a_form,
    process_and_meeting_titles_carry_translations,
    a_statement_filed_late_says_so_on_its_pages_and_in_the_api,
    two_versions_and_a_language_flag_on_the_statement_page,
);

const OPERATOR: Principal = Principal::System("test");
const PASSWORD: &str = "correct horse battery staple";

struct Site {
    router: Router,
    app: Arc<App>,
    _db: TestDatabase,
}

async fn site_with(db: TestDatabase, secure: bool) -> Site {
    let app = App::in_data_dir(db.store().await, &db.data_dir);
    app.load_demo(Demo::Gcm).await.unwrap();
    // A process with no phases yet, for the process-scoped routes.
    let mut trial = app.process("gcm").await.unwrap().process;
    trial.slug = "trial".parse().unwrap();
    app.create_process(&OPERATOR, trial).await.unwrap();
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    // An accredited stakeholder organisation (ORG-1), ten applications ready
    // for a decision, then a long no-objection period and one application
    // open to objections.
    app.set_objection_days(&OPERATOR, "trial", 0).await.unwrap();
    let apply = |name: &str| accord_domain::NewApplication {
        name: name.into(),
        kind: accord_domain::StakeholderKind::Ngo,
        country: "CHE".parse().unwrap(),
        website: "https://example.org".into(),
        ecosoc_status: false,
        description: "A test organisation.".into(),
    };
    let first = app
        .apply_for_accreditation(&Principal::Anonymous, "trial", apply("An NGO"), "192.0.2.1")
        .await
        .unwrap();
    let org = app
        .decide_accreditation(&OPERATOR, "trial", first, true, "")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(org.as_str(), "ORG-1");
    // The other process accredits an organisation of its own (ORG-2).
    app.set_objection_days(&OPERATOR, "other", 0).await.unwrap();
    let elsewhere = app
        .apply_for_accreditation(
            &Principal::Anonymous,
            "other",
            apply("Another NGO"),
            "192.0.2.3",
        )
        .await
        .unwrap();
    let org2 = app
        .decide_accreditation(&OPERATOR, "other", elsewhere, true, "")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(org2.as_str(), "ORG-2");
    for i in 0..10 {
        app.apply_for_accreditation(
            &Principal::Anonymous,
            "trial",
            apply(&format!("Applicant {i}")),
            &format!("198.51.100.{i}"),
        )
        .await
        .unwrap();
    }
    // Ten applications France objected to, referred to the plenary, their
    // no-objection period over (applied three days ago, a day to object).
    app.set_objection_days(&OPERATOR, "trial", 1).await.unwrap();
    let three_days_ago = chrono::Utc::now() - chrono::Duration::days(3);
    let then = app.clone_with_clock(Arc::new(move || three_days_ago));
    let objector = Principal::Account(
        app.create_account(
            &OPERATOR,
            "objector@example.org",
            "FRA objector",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap(),
    );
    for i in 0..10 {
        let id = then
            .apply_for_accreditation(
                &Principal::Anonymous,
                "trial",
                apply(&format!("Objected {i}")),
                &format!("198.51.101.{i}"),
            )
            .await
            .unwrap();
        then.object_to_accreditation(&objector, "trial", id, "FRA", "An objection")
            .await
            .unwrap();
    }
    app.set_objection_days(&OPERATOR, "trial", 30)
        .await
        .unwrap();
    app.apply_for_accreditation(
        &Principal::Anonymous,
        "trial",
        apply("Contested"),
        "192.0.2.2",
    )
    .await
    .unwrap();
    let app = Arc::new(app);
    // A meeting to come in the trial process, the EU chaired by France, and
    // one inscription on the meeting's speakers' list.
    let mut future = app
        .all_meetings("gcm", Some(accord_domain::MeetingKind::NegotiationRound))
        .await
        .unwrap()[0]
        .meeting
        .clone();
    future.process = "trial".parse().unwrap();
    future.start_date = "2030-06-01".parse().unwrap();
    future.end_date = "2030-06-05".parse().unwrap();
    future.chairs.clear();
    // A conference: it adopts texts (see `adoption_fixtures`).
    future.kind = accord_domain::MeetingKind::Conference;
    app.add_meeting(&OPERATOR, future).await.unwrap();
    let mut note = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0]
        .document
        .clone();
    note.process = "trial".parse().unwrap();
    note.slug = "trial-note".parse().unwrap();
    note.symbol = None;
    note.meeting = None;
    app.add_document(&OPERATOR, note).await.unwrap();
    app.set_group_chair(&OPERATOR, "trial", "EU", "FRA")
        .await
        .unwrap();
    let che = app
        .create_account(
            &OPERATOR,
            "che@example.org",
            "CHE delegate",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("CHE"))],
        )
        .await
        .unwrap();
    let meeting = app.all_meetings("trial", None).await.unwrap()[0].id;
    let floor = accord_app::FloorRequest {
        actor: "CHE".into(),
        agenda_item: 0,
        ministerial: false,
        right_of_reply: false,
    };
    app.inscribe(&Principal::Account(che), "trial", meeting, floor)
        .await
        .unwrap();
    // A statement by France at that meeting, and a call for inputs.
    app.add_statement(
        &OPERATOR,
        accord_domain::NewStatement {
            process: "trial".parse().unwrap(),
            meeting,
            agenda_item: 0,
            actor: "FRA".parse().unwrap(),
            on_behalf_of: None,
            title: "Test statement".into(),
            delivered_on: "2030-06-01".parse().unwrap(),
            distribution: accord_domain::Distribution::Public,
            embargo_until: None,
            synthetic: true,
        },
        vec![accord_domain::ItemText::typed(
            accord_domain::Language::En,
            "States should protect the rights of all migrants.",
        )
        .unwrap()],
    )
    .await
    .unwrap();
    app.add_theme(
        &OPERATOR,
        accord_domain::Theme {
            process: "trial".parse().unwrap(),
            code: "topic-a".parse().unwrap(),
            taxonomy: "thematic-sessions".parse().unwrap(),
            number: Some(1),
            title: "Rights of migrants".into(),
            withdrawn_reason: None,
        },
    )
    .await
    .unwrap();
    app.open_consultation(
        &OPERATOR,
        accord_domain::Consultation {
            process: "trial".parse().unwrap(),
            slug: "online".parse().unwrap(),
            title: "Test call for inputs".into(),
            description: String::new(),
            opens_at: "2020-01-01T00:00:00Z".parse().unwrap(),
            closes_at: None,
            synthetic: true,
        },
    )
    .await
    .unwrap();
    Site {
        router: accord_web::router_with(
            app.clone(),
            accord_web::Options {
                secure_cookies: secure,
                ..Default::default()
            },
        ),
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
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }
}

async fn send(site: &Site, req: Request<Body>) -> Reply {
    let res = site.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 4 << 20)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn grant(role: Role, process: Option<&str>, actor: Option<&str>) -> RoleGrant {
    RoleGrant {
        role,
        process: process.map(|p| p.parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    }
}

/// An account with the given roles, and a bearer token for it.
async fn bearer(site: &Site, email: &str, grants: &[RoleGrant]) -> String {
    let account = site
        .app
        .create_account(&OPERATOR, email, "Test Person", PASSWORD, grants)
        .await
        .unwrap();
    site.app
        .create_api_token(&Principal::Account(account), "tests", 30)
        .await
        .unwrap()
        .secret
}

/// The day before today (UTC): a day a deciding body may have decided on
/// the fixtures' referred applications (their period ended two days ago).
fn yesterday() -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string()
}

/// Ids a request may need.
struct Ctx {
    own_token: i64,
    meeting: i64,
    inscription: i64,
    /// Applications whose no-objection period is over.
    decidable: Vec<i64>,
    /// An application still open to objections.
    contested: i64,
    /// Applications France objected to, referred to the plenary, their
    /// period over.
    referred: Vec<i64>,
    /// A statement by France.
    statement: i64,
    /// A document of the trial process.
    document: i64,
    /// A recommendation in France's statement.
    recommendation: i64,
    /// This call's number on this site, to make names unique.
    n: usize,
    negotiation: Negotiation,
    adoption: Adoptions,
    /// Meetings of the trial process kept for the desk's changes, 13 for
    /// each of the edit, the postponement, the cancellation and the
    /// reinstatement (these 13 cancelled already), so each caller of a
    /// route changes a meeting of its own (a cancelled one takes no further
    /// change, a reinstated one is not reinstated twice).
    spare: Vec<i64>,
    /// Documents of the trial process for the desk: 13 to edit, 13 to
    /// withdraw (a withdrawn one takes no further change).
    spare_documents: Vec<i64>,
}

/// The trial process's adopted text (with objectives), what each adoption
/// route needs.
#[derive(Clone)]
struct Adoptions {
    /// Consensus adoptions at the trial meeting, one per call of the
    /// statement-linking route.
    consensus: Vec<i64>,
    /// Votes being taken: delegations cast their votes in the first twelve,
    /// the secretariat closes the other twelve.
    open_votes: Vec<i64>,
    /// Votes taken and closed (every state not voting), for statements of
    /// intention: each caller of the route states France's on its own.
    closed_votes: Vec<i64>,
    /// A pledge by France.
    pledge: i64,
    /// Plenary meetings of the trial process with no adoption yet: a
    /// meeting adopts a version once, so each new adoption takes its own.
    plenaries: Vec<i64>,
    /// The number of member states (a vote's totals add up to it). The
    /// draft "divided" has a version of 200 paragraphs, adopted nowhere:
    /// separate votes on them (one per paragraph a meeting) and oral
    /// changes are taken at the trial meeting.
    members: u64,
}

/// Plenary meetings of the trial process on the adoption's dates, `n` of them.
async fn plenaries(app: &App, meeting: i64, n: usize) -> Vec<i64> {
    let mut template = app
        .all_meetings("trial", None)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == meeting)
        .unwrap()
        .meeting;
    template.kind = accord_domain::MeetingKind::PlenaryMeeting;
    template.title = "A plenary meeting (test)".into();
    // The day after the trial's own meeting opens, so that one stays first.
    template.start_date = "2030-06-02".parse().unwrap();
    // Numbered after the plenaries made before.
    let before = app
        .all_meetings("trial", None)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.meeting.slug.as_str().starts_with("plenary-"))
        .count();
    let mut out = Vec::with_capacity(n);
    for i in before..before + n {
        template.slug = format!("plenary-{i}").parse().unwrap();
        out.push(app.add_meeting(&OPERATOR, template.clone()).await.unwrap());
    }
    out
}

const ADOPTED_TEXT: &str = "# Trial compact\n\n## Objectives {#objs}\n\n### Objective 1: Collect data {#o1}\n\n1. We collect data. {#p1}\n\n### Objective 2: Save lives {#o2}\n\n2. We save lives. {#p2}\n";

async fn adoption_fixtures(app: &App, meeting: i64) -> Adoptions {
    use accord_app::adoption::AdoptionRequest;
    use accord_app::negotiation::ImportSource;
    use accord_domain::adoption::*;
    app.create_draft(
        &OPERATOR,
        "trial",
        DraftRequest::negotiating_text("adopted", "Adopted compact", false),
    )
    .await
    .unwrap();
    // Twelve versions, each agreed in full (adopting needs every paragraph
    // agreed): the trial's conference adopts each once, as a meeting adopts
    // a version once; the votes are taken at plenaries of their own.
    for k in 1..=12u32 {
        let text = if k == 1 {
            ADOPTED_TEXT.to_owned()
        } else {
            format!("{ADOPTED_TEXT}\n3. Version {k}. {{#p3}}\n")
        };
        app.import_version(
            &OPERATOR,
            "trial",
            "adopted",
            &format!("Final {k}"),
            None,
            ImportSource::Markdown(text),
            true,
        )
        .await
        .unwrap();
        app.agree_ad_referendum(&OPERATOR, "trial", "adopted", k)
            .await
            .unwrap();
    }
    let mut meetings = plenaries(app, meeting, 24 + 12 + 16).await.into_iter();
    let mut versions = 1..=12u32;
    let mut request = |vote: Option<RecordedVote>| AdoptionRequest {
        meeting: if vote.is_some() {
            meetings.next().unwrap()
        } else {
            meeting
        },
        draft: "adopted".into(),
        version: if vote.is_some() {
            1
        } else {
            versions.next().unwrap()
        },
        title: "Adoption of the trial compact".into(),
        adopted_on: "2030-06-02".parse().unwrap(),
        symbol: None,
        method: if vote.is_some() {
            AdoptionMethod::RecordedVote
        } else {
            AdoptionMethod::Consensus
        },
        vote,
        endorses: None,
        note: None,
        as_it_stands: false,
    };
    let mut consensus = vec![];
    for _ in 0..12 {
        consensus.push(app.adopt(&OPERATOR, "trial", request(None)).await.unwrap());
    }
    let mut open_votes = vec![];
    for _ in 0..24 {
        open_votes.push(
            app.adopt(
                &OPERATOR,
                "trial",
                request(Some(RecordedVote {
                    majority: MajorityRule::Simple,
                    totals: Totals::default(),
                    ballots: vec![],
                    open: true,
                    present: None,
                })),
            )
            .await
            .unwrap(),
        );
    }
    let mut closed_votes = vec![];
    for _ in 0..12 {
        let id = app
            .adopt(
                &OPERATOR,
                "trial",
                request(Some(RecordedVote {
                    majority: MajorityRule::Simple,
                    totals: Totals::default(),
                    ballots: vec![],
                    open: true,
                    present: None,
                })),
            )
            .await
            .unwrap();
        app.close_vote(&OPERATOR, "trial", id).await.unwrap();
        closed_votes.push(id);
    }
    let pledge = app
        .make_pledge(
            &OPERATOR,
            NewPledge {
                process: "trial".parse().unwrap(),
                actor: "FRA".parse().unwrap(),
                objectives: vec![1],
                title: "Data".into(),
                description: "Better data.".into(),
                made_on: "2030-06-02".parse().unwrap(),
                status: PledgeStatus::Announced,
                meeting: None,
                synthetic: true,
            },
        )
        .await
        .unwrap();
    app.create_draft(
        &OPERATOR,
        "trial",
        DraftRequest::negotiating_text("divided", "Divided compact", false),
    )
    .await
    .unwrap();
    let divided: String =
        std::iter::once("# Divided compact\n\n## Operative part {#ops}\n".to_owned())
            .chain((1..=200).map(|i| format!("\n{i}. Paragraph {i}. {{#d{i}}}\n")))
            .collect();
    app.import_version(
        &OPERATOR,
        "trial",
        "divided",
        "Final",
        None,
        ImportSource::Markdown(divided),
        true,
    )
    .await
    .unwrap();
    let members = app
        .all_actors(Some(accord_domain::ActorKind::MemberState))
        .await
        .unwrap()
        .len() as u64;
    Adoptions {
        consensus,
        open_votes,
        closed_votes,
        pledge,
        plenaries: meetings.collect(),
        members,
    }
}

/// A negotiation in the trial process, with what each write route needs.
#[derive(Clone)]
struct Negotiation {
    /// Tabled amendments by Switzerland on "trial-draft", for positions and decisions.
    by_che: Vec<i64>,
    /// Tabled amendments by France, for its withdrawals.
    by_fra: Vec<i64>,
    /// Tabled amendments by Switzerland naming France a co-sponsor (pending).
    naming_fra: Vec<i64>,
    /// A silence procedure running on "quiet-open".
    silence: i64,
}

const TRIAL_TEXT: &str = "# Trial compact\n\n## Preamble {#pre}\n\n1. We adopt this compact. {#p1}\n\n2. We commit to act. {#p2}\n";

/// The trial process in its negotiation phase, with drafts to import into,
/// revise, amend and put under silence.
async fn negotiation_fixtures(app: &App) -> Negotiation {
    use accord_app::negotiation::{local_deadline, ImportSource, NewAmendment};
    use accord_domain::negotiation::{Operation, Wid};
    app.add_phase(
        &OPERATOR,
        accord_domain::Phase::planned(
            "trial".parse().unwrap(),
            accord_domain::PhaseKind::Negotiation,
            "2020-01-01".parse().unwrap(),
            // A planned end, far off, for the phase-decision rows to extend.
            Some("2039-12-31".parse().unwrap()),
            None,
        ),
    )
    .await
    .unwrap();
    let import = |draft: String| async move {
        app.create_draft(
            &OPERATOR,
            "trial",
            DraftRequest::negotiating_text(&draft, "Trial compact", false),
        )
        .await
        .unwrap();
        app.import_version(
            &OPERATOR,
            "trial",
            &draft,
            "Zero draft",
            None,
            ImportSource::Markdown(TRIAL_TEXT.into()),
            true,
        )
        .await
        .unwrap();
    };
    for draft in ["trial-draft", "revised", "quiet-open"] {
        import(draft.into()).await;
    }
    for i in 0..6 {
        import(format!("quiet-{i}")).await;
    }
    for i in 0..12 {
        app.create_draft(
            &OPERATOR,
            "trial",
            DraftRequest::negotiating_text(&format!("empty-{i}"), "Empty", false),
        )
        .await
        .unwrap();
    }
    let tables = |actor: &'static str, count: usize, co_sponsors: &'static [&'static str]| async move {
        let delegate = Principal::Account(
            app.create_account(
                &OPERATOR,
                &format!("{}-pool-{count}@example.org", actor.to_lowercase()),
                "Pool delegate",
                PASSWORD,
                &[grant(Role::Delegate, Some("trial"), Some(actor))],
            )
            .await
            .unwrap(),
        );
        let mut ids = vec![];
        for i in 0..count {
            let (id, _) = app
                .propose_amendment(
                    &delegate,
                    "trial",
                    "trial-draft",
                    1,
                    NewAmendment {
                        proposer: actor.parse().unwrap(),
                        co_sponsors: co_sponsors.iter().map(|c| c.parse().unwrap()).collect(),
                        operation: Operation::InsertText {
                            node: Wid::new("p2").unwrap(),
                            at: 0,
                            text: format!("{actor} {i} "),
                        },
                        justification: String::new(),
                    },
                    false,
                )
                .await
                .unwrap();
            ids.push(id);
        }
        ids
    };
    let by_che = tables("CHE", 11, &[]).await;
    let by_fra = tables("FRA", 5, &[]).await;
    let naming_fra = tables("CHE", 12, &["FRA"]).await;
    let silence = app
        .open_silence(
            &OPERATOR,
            "trial",
            "quiet-open",
            1,
            local_deadline("2099-01-01T12:00", "Europe/Zurich").unwrap(),
            "Europe/Zurich",
        )
        .await
        .unwrap();
    Negotiation {
        by_che,
        by_fra,
        naming_fra,
        silence,
    }
}

/// Every kind of meeting: a correction of the trial process that keeps
/// whatever meetings the run adds.
const ALL_MEETING_KINDS: [&str; 9] = [
    "thematic_session",
    "regional_consultation",
    "multi_stakeholder_hearing",
    "preparatory_meeting",
    "negotiation_round",
    "informal_consultation",
    "conference",
    "plenary_meeting",
    "review_forum",
];

/// A valid request for a write route, made fresh for each call.
fn request_for(method: &str, path: &str, ctx: &Ctx) -> (String, Value) {
    let n = ctx.n;
    let p = |s: &str| {
        s.replace("{slug}", "trial")
            .replace("{id}", &ctx.meeting.to_string())
            .replace("{inscription}", &ctx.inscription.to_string())
    };
    match (method, path) {
        ("POST", "/api/v1/processes") => (
            p(path),
            json!({
                "slug": format!("new-process-{n}"), "title": "A new process", "mandate": [], "languages": ["en"],
                "co_facilitators": [], "secretariat": [], "meeting_kinds": ["conference"]
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/phases") => {
            // The trial process negotiates already (see `negotiation_fixtures`).
            let kinds = ["consultation", "stocktaking", "adoption", "follow_up"];
            (
                p(path),
                json!({ "kind": kinds[n % 4], "start_date": "2030-01-01" }),
            )
        }
        ("POST", "/api/v1/processes/{slug}/phases/{kind}/decisions") => {
            // Each call extends the trial negotiation a day further.
            let until = chrono::NaiveDate::from_ymd_opt(2040, 1, 1).unwrap()
                + chrono::Days::new(n as u64);
            (
                "/api/v1/processes/trial/phases/negotiation/decisions".into(),
                json!({ "decision": "extend", "until": until, "reason": format!("Round {n}") }),
            )
        }
        ("PUT", "/api/v1/processes/{slug}/phases/{kind}") => {
            let end = chrono::NaiveDate::from_ymd_opt(2039, 1, 1).unwrap()
                + chrono::Days::new(n as u64);
            (
                "/api/v1/processes/trial/phases/negotiation".into(),
                json!({ "start_date": "2020-01-01", "end_date": end, "reason": format!("Plan {n}") }),
            )
        }
        ("POST", "/api/v1/processes/{slug}/meetings") => (
            p(path),
            json!({
                "slug": format!("meeting-{n}"), "kind": "conference", "title": "A conference",
                "start_date": "2030-01-01", "end_date": "2030-01-02",
                "venue": { "city": "Geneva", "country": "CHE" },
                "agenda": [{ "number": 1, "title": "Opening" }]
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/documents") => (
            p(path),
            json!({
                "slug": format!("document-{n}"), "title": "A note", "kind": "concept_note", "date": "2030-01-01",
                "languages": ["en", "fr"], "distribution": "public"
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/themes") => (
            p(path),
            json!({ "code": format!("theme-{n}"), "taxonomy": "topics", "number": 1, "title": "A theme" }),
        ),
        ("POST", "/api/v1/actors") => (
            p(path),
            json!({ "code": format!("ORG{n}"), "kind": "intergovernmental_organisation", "name": "An organisation" }),
        ),
        ("POST", "/api/v1/accounts") => (
            p(path),
            json!({
                "email": format!("new{n}@example.org"), "name": "New Person", "password": PASSWORD,
                "roles": [{ "role": "delegate", "process": "trial", "actor": "FRA" }]
            }),
        ),
        ("POST", "/api/v1/tokens") => (p(path), json!({ "name": "a script", "days": 7 })),
        ("POST", "/api/v1/sessions") => (
            p(path),
            json!({ "email": "delegate@example.org", "password": PASSWORD }),
        ),
        ("DELETE", "/api/v1/tokens/{id}") => (
            path.replace("{id}", &ctx.own_token.to_string()),
            Value::Null,
        ),
        ("POST", "/api/v1/password-resets") => {
            (p(path), json!({ "email": "delegate@example.org" }))
        }
        ("POST", "/api/v1/processes/{slug}/delegations") => {
            (p(path), json!({ "state": "FRA", "head": "A. Head" }))
        }
        ("POST", "/api/v1/processes/{slug}/group-chairs") => {
            (p(path), json!({ "group": "EU", "chair": "FRA" }))
        }
        ("POST", "/api/v1/processes/{slug}/group-speakers") => (
            p(path),
            json!({ "group": "EU", "email": "delegate@example.org" }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/speakers") => {
            (p(path), json!({ "actor": "FRA" }))
        }
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status") => (
            p(path),
            json!({ "status": if n.is_multiple_of(2) { "speaking" } else { "spoken" } }),
        ),
        ("PUT", "/api/v1/processes/{slug}/meetings/{id}/time-limits/{category}") => (
            p(path).replace("{category}", "state"),
            json!({ "seconds": if n.is_multiple_of(2) { Value::from(240) } else { Value::Null } }),
        ),
        ("POST", "/api/v1/processes/{slug}/accreditation/period") => {
            (p(path), json!({ "days": 30 }))
        }
        ("POST", "/api/v1/processes/{slug}/accreditation/applications") => (
            p(path),
            json!({
                "name": format!("Applicant organisation {n}"), "kind": "academia", "country": "CHE",
                "website": "https://example.org", "ecosoc_status": false, "description": "A university."
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/accreditation/applications/{id}/objections") => (
            format!(
                "/api/v1/processes/trial/accreditation/applications/{}/objections",
                ctx.contested
            ),
            json!({ "state": "FRA", "reason": "An objection" }),
        ),
        ("POST", "/api/v1/processes/{slug}/accreditation/applications/{id}/decision") => (
            format!(
                "/api/v1/processes/trial/accreditation/applications/{}/decision",
                ctx.decidable[n % ctx.decidable.len()]
            ),
            json!({ "approve": n.is_multiple_of(2), "note": "Decided" }),
        ),
        ("POST", "/api/v1/processes/{slug}/accreditation/applications/{id}/body-decision") => (
            format!(
                "/api/v1/processes/trial/accreditation/applications/{}/body-decision",
                ctx.referred[n % ctx.referred.len()]
            ),
            json!({
                "outcome": if n.is_multiple_of(2) { "approved" } else { "rejected" },
                "date": yesterday(), "reference": format!("A/72/L.{n}")
            }),
        ),
        ("PUT", "/api/v1/processes/{slug}/accreditation/deciding-body") => (
            p(path),
            json!({ "body": if n.is_multiple_of(2) { "plenary" } else { "bureau" } }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/registrations") => (p(path), Value::Null),
        ("PUT", "/api/v1/processes/{slug}/meetings/{id}") => (
            format!("/api/v1/processes/trial/meetings/{}", ctx.spare[n % 13]),
            json!({
                "title": format!("Edited meeting {n}"), "start_date": "2030-03-01", "end_date": "2030-03-02",
                "venue": { "city": "Geneva", "country": "CHE" }, "agenda": [{ "title": "Opening" }]
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/postponements") => (
            format!(
                "/api/v1/processes/trial/meetings/{}/postponements",
                ctx.spare[13 + n % 13]
            ),
            json!({ "start_date": format!("2031-01-{:02}", 1 + n % 28), "end_date": "2031-02-01", "reason": format!("Postponed {n}") }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/cancellation") => (
            format!(
                "/api/v1/processes/trial/meetings/{}/cancellation",
                ctx.spare[26 + n % 13]
            ),
            json!({ "reason": "No quorum" }),
        ),
        ("PUT", "/api/v1/processes/{slug}") => (
            p(path),
            json!({
                "title": format!("Trial process, corrected {n}"),
                "mandate": ["A/RES/71/280"],
                "languages": ["ar", "zh", "en", "fr", "ru", "es"],
                "meeting_kinds": ALL_MEETING_KINDS,
            }),
        ),
        ("PUT", "/api/v1/processes/{slug}/documents/{id}") => (
            format!(
                "/api/v1/processes/trial/documents/{}",
                ctx.spare_documents[n % 13]
            ),
            json!({
                "title": format!("Edited document {n}"), "kind": "concept_note", "date": "2030-03-02",
                "languages": ["en"], "distribution": "public"
            }),
        ),
        ("PUT", "/api/v1/processes/{slug}/themes/{code}") => (
            format!("/api/v1/processes/trial/themes/spare-theme-{}", n % 13),
            json!({ "title": format!("Edited theme {n}"), "number": 3 }),
        ),
        ("POST", "/api/v1/processes/{slug}/themes/{code}/withdrawal") => (
            format!(
                "/api/v1/processes/trial/themes/spare-theme-{}/withdrawal",
                13 + n % 13
            ),
            json!({ "reason": "Merged into another theme" }),
        ),
        ("POST", "/api/v1/processes/{slug}/documents/{id}/withdrawal") => (
            format!(
                "/api/v1/processes/trial/documents/{}/withdrawal",
                ctx.spare_documents[13 + n % 13]
            ),
            json!({ "reason": "Issued in error" }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/reinstatement") => (
            format!(
                "/api/v1/processes/trial/meetings/{}/reinstatement",
                ctx.spare[39 + n % 13]
            ),
            json!({ "reason": "Quorum reached" }),
        ),
        ("POST", "/api/v1/processes/{slug}/statements") => (
            p(path),
            json!({
                "meeting": ctx.meeting, "actor": "FRA", "title": format!("Statement {n}"),
                "delivered_on": "2030-06-01", "distribution": "public",
                "texts": [{ "language": "fr", "text": "Monsieur le Président." }]
            }),
        ),
        ("PUT", "/api/v1/processes/{slug}/statements/{id}/texts/{language}") => (
            format!(
                "/api/v1/processes/trial/statements/{}/texts/es",
                ctx.statement
            ),
            json!({ "text": format!("Texto {n}.") }),
        ),
        ("PUT", "/api/v1/processes/{slug}/statements/{id}/texts/{language}/choice") => (
            format!(
                "/api/v1/processes/trial/statements/{}/texts/ru/choice",
                ctx.statement
            ),
            json!({ "version": if n.is_multiple_of(2) { "file" } else { "typed" } }),
        ),
        ("PUT", "/api/v1/processes/{slug}/statements/{id}/files/{language}") => (
            format!(
                "/api/v1/processes/trial/statements/{}/files/fr?filename=s{n}.txt",
                ctx.statement
            ),
            Value::from(format!("Monsieur le Président, déclaration numéro {n}.")),
        ),
        ("PUT", "/api/v1/processes/{slug}/documents/{id}/files/{language}") => (
            format!(
                "/api/v1/processes/trial/documents/{}/files/en?filename=d{n}.md",
                ctx.document
            ),
            Value::from(format!("# Note {n}\n\nA note to member states.")),
        ),
        ("POST", "/api/v1/processes/{slug}/consultations") => (
            p(path),
            json!({ "slug": format!("call-{n}"), "title": "A call", "opens_at": "2030-01-01T00:00:00Z" }),
        ),
        ("POST", "/api/v1/processes/{slug}/consultations/{consultation}/closure") => (
            p(path).replace("{consultation}", &format!("spare-call-{}", n % 13)),
            json!({ "reason": "Enough inputs" }),
        ),
        ("POST", "/api/v1/processes/{slug}/consultations/{consultation}/extension") => (
            p(path).replace("{consultation}", "spare-call-13"),
            json!({ "closes_at": (chrono::DateTime::parse_from_rfc3339("2099-01-01T00:00:00Z").unwrap() + chrono::Duration::minutes(n as i64)).to_rfc3339() }),
        ),
        ("POST", "/api/v1/processes/{slug}/consultations/{consultation}/inputs") => (
            p(path).replace("{consultation}", "online"),
            json!({ "language": "en", "text": format!("Input number {n}.") }),
        ),
        ("POST", "/api/v1/processes/{slug}/recommendations") => (
            p(path),
            json!({
                "source": "statement", "source_id": ctx.statement, "language": "en",
                "passage": "protect the rights", "themes": []
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/consultations/{consultation}/inputs/import") => (
            p(path).replace("{consultation}", "online") + "?format=jsonl",
            Value::from(format!(
                "{{\"external_id\": \"bulk-{n}\", \"text\": \"An imported input.\", \"language\": \"en\"}}\n"
            )),
        ),
        ("POST", "/api/v1/processes/{slug}/analysis") => (p(path), json!({ "threshold": 0.8 })),
        ("POST", "/api/v1/processes/{slug}/theme-labels") => (
            p(path),
            json!({ "item_kind": "statement", "item_id": ctx.statement, "theme": "topic-a" }),
        ),
        ("POST", "/api/v1/processes/{slug}/dismissals") => (
            p(path),
            json!({ "item_kind": "statement", "item_id": ctx.statement, "language": "en", "start": 0 }),
        ),
        ("POST", "/api/v1/processes/{slug}/coverage") => (
            p(path),
            json!({ "recommendation": ctx.recommendation, "draft": "trial-draft", "wid": "p2", "linked": true }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts") => (
            p(path),
            json!({ "slug": format!("draft-{n}"), "title": "A draft" }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/versions") => (
            format!(
                "/api/v1/processes/trial/drafts/empty-{}/versions?label=Zero%20draft",
                n % 12
            ),
            Value::from(TRIAL_TEXT),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/revisions") => (
            p(path).replace("{draft}", "revised"),
            json!({
                "label": format!("Rev.{n}"),
                "own_edits": [{ "op": "insert_text", "node": "p1", "at": 0, "text": format!("{n} ") }]
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments") => (
            p(path).replace("{draft}", "trial-draft"),
            json!({
                "proposer": "FRA",
                "operation": { "op": "insert_text", "node": "p1", "at": 0, "text": format!("{n} ") }
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/positions") => (
            format!(
                "/api/v1/processes/trial/drafts/trial-draft/amendments/{}/positions",
                ctx.negotiation.by_che[10]
            ),
            json!({ "actor": "FRA", "stance": if n.is_multiple_of(2) { "support" } else { "object" } }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/co-sponsorship") => (
            format!(
                "/api/v1/processes/trial/drafts/trial-draft/amendments/{}/co-sponsorship",
                ctx.negotiation.naming_fra[n % 12]
            ),
            json!({ "actor": "FRA", "confirm": true }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/withdrawal") => (
            format!(
                "/api/v1/processes/trial/drafts/trial-draft/amendments/{}/withdrawal",
                ctx.negotiation.by_fra[n % 5]
            ),
            Value::Null,
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/decision") => (
            format!(
                "/api/v1/processes/trial/drafts/trial-draft/amendments/{}/decision",
                ctx.negotiation.by_che[n % 10]
            ),
            json!({ "status": "rejected", "note": "No consensus." }),
        ),
        ("PUT", "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/statuses/{wid}") => (
            "/api/v1/processes/trial/drafts/trial-draft/versions/1/statuses/p1".into(),
            json!({ "status": if n.is_multiple_of(2) { "agreed_ad_ref" } else { "under_negotiation" } }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/silence") => (
            p(path).replace("{draft}", &format!("quiet-{}", n % 6)),
            json!({ "version": 1, "deadline": "2099-01-01T12:00", "time_zone": "Europe/Zurich" }),
        ),
        ("POST", "/api/v1/processes/{slug}/drafts/{draft}/silence/{id}/breaks") => (
            format!(
                "/api/v1/processes/trial/drafts/quiet-open/silence/{}/breaks",
                ctx.negotiation.silence
            ),
            json!({ "state": "FRA", "letter": "France breaks silence." }),
        ),
        ("PUT", "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/languages/{language}") => (
            "/api/v1/processes/trial/drafts/trial-draft/versions/1/languages/fr".into(),
            Value::from(format!(
                "# Pacte d'essai\n\n## Préambule {{#pre}}\n\n1. Nous adoptons ce pacte ({n}). {{#p1}}\n\n2. Nous nous engageons à agir.\n"
            )),
        ),
        ("POST", "/api/v1/processes/{slug}/adoptions") => (
            p(path),
            json!({
                "meeting": ctx.adoption.plenaries[n % ctx.adoption.plenaries.len()], "draft": "adopted", "version": 1, "title": format!("Adoption {n}"),
                "adopted_on": "2030-06-03", "method": "consensus"
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/adoptions/{id}/ballots") => (
            format!(
                "/api/v1/processes/trial/adoptions/{}/ballots",
                ctx.adoption.open_votes[n % 12]
            ),
            json!({ "ballots": [{ "state": "FRA", "vote": "yes" }] }),
        ),
        ("POST", "/api/v1/processes/{slug}/adoptions/{id}/close") => (
            format!(
                "/api/v1/processes/trial/adoptions/{}/close",
                ctx.adoption.open_votes[12 + n % 12]
            ),
            Value::Null,
        ),
        ("POST", "/api/v1/processes/{slug}/adoptions/{id}/intentions") => (
            format!(
                "/api/v1/processes/trial/adoptions/{}/intentions",
                ctx.adoption.closed_votes[n % 12]
            ),
            json!({ "state": "FRA", "vote": "yes" }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/paragraph-votes") => (
            p(path),
            json!({
                "draft": "divided", "version": 1, "paragraph": (n % 200 + 1).to_string(),
                "requested_by": "FRA", "voted_on": "2030-06-02",
                "vote": { "majority": "simple", "totals": { "yes": ctx.adoption.members, "no": 0, "abstain": 0, "not_voting": 0 } }
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/oral-changes") => (
            p(path),
            json!({
                "draft": "divided", "version": 1, "paragraph": "1", "kind": "oral_revision",
                "moved_by": "FRA", "moved_on": "2030-06-02", "text": format!("Revision {n}."),
                "outcome": "accepted"
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/adoptions/{id}/statements") => (
            format!(
                "/api/v1/processes/trial/adoptions/{}/statements",
                ctx.adoption.consensus[n % ctx.adoption.consensus.len()]
            ),
            json!({ "statement": ctx.statement, "kind": "position" }),
        ),
        ("POST", "/api/v1/processes/{slug}/pledges") => (
            p(path),
            json!({
                "actor": "FRA", "objectives": [1, 2], "title": format!("Pledge {n}"),
                "description": "More data.", "made_on": "2030-06-03", "status": "announced"
            }),
        ),
        ("POST", "/api/v1/processes/{slug}/pledges/{id}/reports") => (
            format!(
                "/api/v1/processes/trial/pledges/{}/reports",
                ctx.adoption.pledge
            ),
            json!({ "reported_on": "2031-01-01", "status": "in_progress", "text": format!("Report {n}.") }),
        ),
        other => panic!("no row for the write route {other:?}: add one to this table"),
    }
}

/// The public read (an API `GET` an anonymous reader may make) that shows
/// what a write to `path` (its template; `uri` the address written to)
/// changed, or `None` where no public read shows it. With an empty `uri`,
/// only whether there is one.
fn public_read_showing(
    method: &str,
    path: &str,
    uri: &str,
    sent: &Value,
    reads: &[String],
) -> Option<String> {
    let trial = |rest: &str| Some(format!("/api/v1/processes/trial{rest}"));
    let chosen = match (method, path) {
        // Accounts, sessions, tokens and resets: nothing public shows them.
        (
            "POST",
            "/api/v1/accounts" | "/api/v1/sessions" | "/api/v1/tokens" | "/api/v1/password-resets",
        )
        | ("DELETE", "/api/v1/tokens/{id}") => return None,
        // Who chairs or speaks for a group in a process: grants, not
        // published.
        (
            "POST",
            "/api/v1/processes/{slug}/group-chairs" | "/api/v1/processes/{slug}/group-speakers",
        ) => return None,
        // Applications for accreditation, objections to them, decisions on
        // them and the objection period they run under are seen by those
        // who review them (an approval's organisation is then published,
        // tried in the accreditation tests).
        (
            "POST",
            "/api/v1/processes/{slug}/accreditation/period"
            | "/api/v1/processes/{slug}/accreditation/applications"
            | "/api/v1/processes/{slug}/accreditation/applications/{id}/objections"
            | "/api/v1/processes/{slug}/accreditation/applications/{id}/decision"
            | "/api/v1/processes/{slug}/accreditation/applications/{id}/body-decision",
        ) => return None,
        // The rules are shown on the accreditation page, which carries a
        // form for applicants and so is never kept.
        ("PUT", "/api/v1/processes/{slug}/accreditation/deciding-body") => return None,
        // Suggested passages are the secretariat's working view: a
        // dismissal changes nothing a reader sees.
        ("POST", "/api/v1/processes/{slug}/dismissals") => return None,
        ("POST", "/api/v1/processes/{slug}/meetings/{id}/registrations") => Some(format!(
            "{}/participants",
            uri.trim_end_matches("/registrations")
        )),
        (
            "POST",
            "/api/v1/processes/{slug}/consultations/{consultation}/inputs"
            | "/api/v1/processes/{slug}/consultations/{consultation}/inputs/import",
        ) => trial("/inputs"),
        ("POST", "/api/v1/processes/{slug}/analysis") => trial("/stocktaking"),
        ("POST", "/api/v1/processes/{slug}/theme-labels") => {
            Some(format!("/processes/trial/statements/{}", sent["item_id"]))
        }
        ("POST", "/api/v1/processes") => Some("/api/v1/processes".to_string()),
        ("POST", "/api/v1/actors") => {
            Some("/api/v1/actors?kind=intergovernmental_organisation&limit=200".to_string())
        }
        ("PUT", "/api/v1/processes/{slug}") => trial(""),
        ("POST", "/api/v1/processes/{slug}/phases/{kind}/decisions")
        | ("PUT", "/api/v1/processes/{slug}/phases/{kind}") => trial("/phases"),
        _ => {
            // The nearest public read above the address written to.
            if uri.is_empty() {
                return Some(String::new());
            }
            let mut address = uri.split('?').next().unwrap_or_default().to_string();
            loop {
                if reads
                    .iter()
                    .any(|template| template_matches(template, &address))
                {
                    break Some(address);
                }
                match address.rfind('/') {
                    Some(cut) if cut > "/api/v1".len() => address.truncate(cut),
                    _ => break None,
                }
            }
        }
    };
    if uri.is_empty() {
        return chosen.map(|_| String::new());
    }
    chosen
}

fn template_matches(template: &str, address: &str) -> bool {
    let (t, a): (Vec<_>, Vec<_>) = (template.split('/').collect(), address.split('/').collect());
    t.len() == a.len()
        && t.iter()
            .zip(&a)
            .all(|(t, a)| t == a || (t.starts_with('{') && !a.is_empty()))
}

/// Reads `address` as an anonymous reader twice, the second time from the
/// page cache (checked on `/metrics`), and returns what it showed.
async fn warm_copy(site: &Site, address: &str) -> Result<String, String> {
    let hits = || async {
        send(site, page_get(None, "/metrics"))
            .await
            .body
            .lines()
            .find_map(|l| l.strip_prefix("accord_page_cache_requests_total{result=\"hit\"} "))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap()
    };
    // A job still running in the background (an analysis an earlier row
    // started) may commit between two reads: read again until it has not.
    let mut why = String::new();
    for _ in 0..100 {
        let first = send(site, page_get(None, address)).await;
        if first.status == StatusCode::NOT_FOUND && address.ends_with("/stocktaking") {
            // No analysis yet: nothing to keep a copy of.
            return Ok(String::new());
        }
        if first.status != StatusCode::OK {
            return Err(format!("answers {}", first.status));
        }
        let before = hits().await;
        let again = send(site, page_get(None, address)).await;
        if hits().await == before + 1 && again.body == first.body {
            return Ok(again.body);
        }
        why = format!(
            "not kept in the page cache (Cache-Control {:?}, Set-Cookie {:?})",
            again.headers.get(header::CACHE_CONTROL),
            again.headers.get(header::SET_COOKIE).is_some()
        );
    }
    Err(why)
}

/// Waits for a job's end (the timeout only stops a test that would hang).
async fn job_ended(site: &Site, id: i64) {
    tokio::time::timeout(
        std::time::Duration::from_secs(120),
        site.app.job_ended(&OPERATOR, "trial", id),
    )
    .await
    .expect("the job ends")
    .unwrap();
}

async fn every_write_route_as_every_role(db: TestDatabase) {
    let site = site_with(db, false).await;
    let roles: Vec<(&str, Vec<RoleGrant>)> = vec![
        (
            "global secretariat",
            vec![grant(Role::Secretariat, None, None)],
        ),
        (
            "trial secretariat",
            vec![grant(Role::Secretariat, Some("trial"), None)],
        ),
        (
            "other secretariat",
            vec![grant(Role::Secretariat, Some("other"), None)],
        ),
        (
            "co-facilitator",
            vec![grant(Role::CoFacilitator, Some("trial"), None)],
        ),
        (
            "delegate",
            vec![grant(Role::Delegate, Some("trial"), Some("FRA"))],
        ),
        (
            "UN entity",
            vec![grant(
                Role::UnEntityRepresentative,
                Some("trial"),
                Some("IOM"),
            )],
        ),
        (
            "stakeholder",
            vec![grant(
                Role::StakeholderRepresentative,
                Some("trial"),
                Some("ORG-1"),
            )],
        ),
        // The same roles held in the other process: each must give
        // nothing in "trial", where every route below is tried.
        (
            "other co-facilitator",
            vec![grant(Role::CoFacilitator, Some("other"), None)],
        ),
        (
            "other delegate",
            vec![grant(Role::Delegate, Some("other"), Some("FRA"))],
        ),
        (
            "other UN entity",
            vec![grant(
                Role::UnEntityRepresentative,
                Some("other"),
                Some("IOM"),
            )],
        ),
        (
            "other stakeholder",
            vec![grant(
                Role::StakeholderRepresentative,
                Some("other"),
                Some("ORG-2"),
            )],
        ),
        ("account without roles", vec![]),
    ];
    let mut tokens = vec![];
    for (i, (name, grants)) in roles.iter().enumerate() {
        let email = if *name == "delegate" {
            "delegate@example.org".to_string()
        } else {
            format!("role{i}@example.org")
        };
        tokens.push((*name, Some(bearer(&site, &email, grants).await)));
    }
    tokens.push(("anonymous", None));

    // Who may: route → the roles allowed (anything else is refused).
    let any_account = [
        "global secretariat",
        "trial secretariat",
        "other secretariat",
        "co-facilitator",
        "delegate",
        "UN entity",
        "stakeholder",
        "other co-facilitator",
        "other delegate",
        "other UN entity",
        "other stakeholder",
        "account without roles",
    ];
    let chairs = vec!["global secretariat", "trial secretariat", "co-facilitator"];
    let table: Vec<((&str, &str), Vec<&str>)> = vec![
        (("POST", "/api/v1/processes"), vec!["global secretariat"]),
        (
            ("POST", "/api/v1/processes/{slug}/phases"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/phases/{kind}/decisions"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("PUT", "/api/v1/processes/{slug}/phases/{kind}"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/meetings"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/documents"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/themes"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (("POST", "/api/v1/actors"), vec!["global secretariat"]),
        (("POST", "/api/v1/accounts"), vec!["global secretariat"]),
        (("POST", "/api/v1/sessions"), vec!["anyone"]),
        (("POST", "/api/v1/tokens"), any_account.to_vec()),
        (("DELETE", "/api/v1/tokens/{id}"), any_account.to_vec()),
        // The account reset has its one role in "trial": the other
        // process's secretariat is answered as if it did not exist (404).
        (
            ("POST", "/api/v1/password-resets"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/delegations"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/group-chairs"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/group-speakers"),
            vec!["delegate"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/meetings/{id}/speakers"),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/speakers/{inscription}/status",
            ),
            vec!["global secretariat", "trial secretariat", "co-facilitator"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/statements"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/statements/{id}/texts/{language}",
            ),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/statements/{id}/texts/{language}/choice",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/statements/{id}/files/{language}",
            ),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/documents/{id}/files/{language}",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/consultations"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/consultations/{consultation}/inputs",
            ),
            vec!["anyone"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/recommendations"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/meetings/{id}/time-limits/{category}",
            ),
            vec!["global secretariat", "trial secretariat", "co-facilitator"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/accreditation/period"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/accreditation/applications",
            ),
            vec!["anyone"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/accreditation/applications/{id}/objections",
            ),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/accreditation/applications/{id}/decision",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/accreditation/applications/{id}/body-decision",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/accreditation/deciding-body",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/registrations",
            ),
            vec!["delegate", "UN entity", "stakeholder"],
        ),
        (
            ("PUT", "/api/v1/processes/{slug}/meetings/{id}"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/consultations/{consultation}/closure",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/consultations/{consultation}/extension",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/postponements",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/cancellation",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/reinstatement",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("PUT", "/api/v1/processes/{slug}"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("PUT", "/api/v1/processes/{slug}/documents/{id}"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/documents/{id}/withdrawal"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("PUT", "/api/v1/processes/{slug}/themes/{code}"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/themes/{code}/withdrawal"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (("POST", "/api/v1/processes/{slug}/drafts"), chairs.clone()),
        (
            ("POST", "/api/v1/processes/{slug}/drafts/{draft}/versions"),
            chairs.clone(),
        ),
        (
            ("POST", "/api/v1/processes/{slug}/drafts/{draft}/revisions"),
            chairs.clone(),
        ),
        (
            ("POST", "/api/v1/processes/{slug}/drafts/{draft}/amendments"),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/positions",
            ),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/co-sponsorship",
            ),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/withdrawal",
            ),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/drafts/{draft}/amendments/{id}/decision",
            ),
            chairs.clone(),
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/statuses/{wid}",
            ),
            chairs.clone(),
        ),
        (
            ("POST", "/api/v1/processes/{slug}/drafts/{draft}/silence"),
            chairs.clone(),
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/drafts/{draft}/silence/{id}/breaks",
            ),
            vec!["delegate"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/consultations/{consultation}/inputs/import",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/analysis"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/theme-labels"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/dismissals"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/coverage"),
            chairs.clone(),
        ),
        (
            (
                "PUT",
                "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/languages/{language}",
            ),
            chairs.clone(),
        ),
        (
            ("POST", "/api/v1/processes/{slug}/adoptions"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/adoptions/{id}/ballots"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/adoptions/{id}/close"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/adoptions/{id}/intentions"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/adoptions/{id}/statements"),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/paragraph-votes",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            (
                "POST",
                "/api/v1/processes/{slug}/meetings/{id}/oral-changes",
            ),
            vec!["global secretariat", "trial secretariat"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/pledges"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
        (
            ("POST", "/api/v1/processes/{slug}/pledges/{id}/reports"),
            vec!["global secretariat", "trial secretariat", "delegate"],
        ),
    ];
    let negotiation = negotiation_fixtures(&site.app).await;
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    // Open calls for inputs to close (13, one per caller) and one to extend.
    for i in 0..14 {
        site.app
            .open_consultation(
                &OPERATOR,
                accord_domain::Consultation {
                    process: "trial".parse().unwrap(),
                    slug: format!("spare-call-{i}").parse().unwrap(),
                    title: format!("Spare call {i}"),
                    description: String::new(),
                    opens_at: "2020-01-01T00:00:00Z".parse().unwrap(),
                    closes_at: Some("2099-01-01T00:00:00Z".parse().unwrap()),
                    synthetic: false,
                },
            )
            .await
            .unwrap();
    }
    let mut spare = vec![];
    for i in 0..52 {
        spare.push(
            site.app
                .add_meeting(
                    &OPERATOR,
                    accord_domain::NewMeeting {
                        title_translations: Default::default(),
                        process: "trial".parse().unwrap(),
                        slug: format!("spare-{i}").parse().unwrap(),
                        kind: accord_domain::MeetingKind::NegotiationRound,
                        number: None,
                        title: format!("Spare meeting {i}"),
                        start_date: "2030-03-01".parse().unwrap(),
                        end_date: "2030-03-02".parse().unwrap(),
                        venue: None,
                        chairs: vec![],
                        agenda: vec![],
                        themes: vec![],
                        note: None,
                    },
                )
                .await
                .unwrap(),
        );
    }
    // The last 13, cancelled, to be reinstated.
    for id in &spare[39..] {
        site.app
            .cancel_meeting(&OPERATOR, "trial", *id, "Cancelled to be reinstated")
            .await
            .unwrap();
    }
    let mut spare_documents = vec![];
    for i in 0..26 {
        spare_documents.push(
            site.app
                .add_document(
                    &OPERATOR,
                    accord_domain::NewDocument {
                        process: "trial".parse().unwrap(),
                        slug: format!("spare-document-{i}").parse().unwrap(),
                        symbol: None,
                        title: format!("Spare document {i}"),
                        kind: accord_domain::DocumentKind::ConceptNote,
                        date: "2030-03-01".parse().unwrap(),
                        languages: vec![accord_domain::Language::En],
                        distribution: accord_domain::Distribution::Public,
                        embargo_until: None,
                        meeting: None,
                    },
                )
                .await
                .unwrap(),
        );
    }
    for i in 0..26 {
        site.app
            .add_theme(
                &OPERATOR,
                accord_domain::Theme {
                    process: "trial".parse().unwrap(),
                    code: format!("spare-theme-{i}").parse().unwrap(),
                    taxonomy: "spare".parse().unwrap(),
                    number: Some(i),
                    title: format!("Spare theme {i}"),
                    withdrawn_reason: None,
                },
            )
            .await
            .unwrap();
    }
    let adoption = adoption_fixtures(&site.app, meeting).await;
    let inscription = site.app.speakers_list("trial", meeting).await.unwrap()[0]
        .inscription
        .id;
    let applications = site.app.applications(&OPERATOR, "trial").await.unwrap();
    let decidable: Vec<i64> = applications
        .iter()
        .filter(|a| {
            a.status == accord_domain::AccreditationStatus::Pending
                && a.application.name.starts_with("Applicant ")
        })
        .map(|a| a.id)
        .collect();
    assert_eq!(decidable.len(), 10);
    let referred: Vec<i64> = applications
        .iter()
        .filter(|a| a.status == accord_domain::AccreditationStatus::Referred)
        .map(|a| a.id)
        .collect();
    assert_eq!(referred.len(), 10);
    let calls = AtomicUsize::new(0);
    let document = site.app.all_documents(&OPERATOR, "trial").await.unwrap()[0].id;
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    // Two versions in Russian, typed and from a file, for the secretariat to choose between.
    site.app
        .put_statement_text(
            &OPERATOR,
            "trial",
            statement,
            accord_domain::ItemText::typed(accord_domain::Language::Ru, "Господин Председатель.")
                .unwrap(),
        )
        .await
        .unwrap();
    site.app
        .upload(
            &OPERATOR,
            "trial",
            accord_domain::ItemKind::Statement,
            statement,
            accord_app::files::Upload {
                filename: "statement-ru.txt".into(),
                bytes: "Господин Председатель, уважаемые делегаты."
                    .as_bytes()
                    .to_vec(),
                language: Some(accord_domain::Language::Ru),
            },
        )
        .await
        .unwrap();
    let recommendation = site
        .app
        .mark_recommendation(
            &OPERATOR,
            accord_domain::NewRecommendation {
                process: "trial".parse().unwrap(),
                source: accord_domain::ItemKind::Statement,
                source_id: statement,
                language: accord_domain::Language::En,
                passage: "protect the rights of all migrants".into(),
                themes: vec![],
            },
        )
        .await
        .unwrap();
    let contested = applications
        .iter()
        .find(|a| a.application.name == "Contested")
        .unwrap()
        .id;
    // Every API route that writes, read off the router's own declarations.
    let routes: BTreeSet<(String, String)> = accord_web::route_table()
        .into_iter()
        .filter(|(m, p)| p.starts_with("/api/v1/") && *m != axum::http::Method::GET)
        .map(|(m, p)| (m.to_string(), p))
        .collect();
    let rows: BTreeSet<(String, String)> = table
        .iter()
        .map(|((m, p), _)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        rows, routes,
        "every write route needs exactly one row in this table"
    );

    // Each write route's first successful write is read back as an
    // anonymous reader: the public read that shows it, warmed into the
    // page cache before the write, answers differently after it.
    let reads: Vec<String> = accord_web::route_table()
        .into_iter()
        .filter(|(m, p)| p.starts_with("/api/v1/") && *m == axum::http::Method::GET)
        .map(|(_, p)| p)
        .collect();
    let mut witnessed: BTreeSet<(String, String)> = BTreeSet::new();
    let mut stale = vec![];
    let mut cases = 0;
    for ((method, path), allowed) in &table {
        for (role, token) in &tokens {
            // A token of the caller's own, for the revocation route.
            let own = match token {
                Some(t) => {
                    let p = site.app.authenticate_token(t).await.unwrap();
                    site.app
                        .create_api_token(&p, "to revoke", 1)
                        .await
                        .unwrap()
                        .id
                }
                None => 1,
            };
            let (uri, body) = request_for(
                method,
                path,
                &Ctx {
                    own_token: own,
                    meeting,
                    inscription,
                    decidable: decidable.clone(),
                    contested,
                    referred: referred.clone(),
                    statement,
                    document,
                    recommendation,
                    n: calls.fetch_add(1, Ordering::SeqCst),
                    negotiation: negotiation.clone(),
                    adoption: adoption.clone(),
                    spare: spare.clone(),
                    spare_documents: spare_documents.clone(),
                },
            );
            let witness = if witnessed.contains(&(method.to_string(), path.to_string())) {
                None
            } else {
                public_read_showing(method, path, &uri, &body, &reads)
            };
            let mut req = Request::builder()
                .method(*method)
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(t) = token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            // A string is a raw body (a file); anything else is JSON.
            let body: Body = match body {
                Value::Null => Body::empty(),
                Value::String(raw) => Body::from(raw),
                json => Body::from(json.to_string()),
            };
            // Each call from an address of its own: the per-address limits
            // are tried elsewhere.
            let mut req = req.body(body).unwrap();
            let n = calls.load(Ordering::SeqCst);
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                    [10, (n >> 16) as u8, (n >> 8) as u8, n as u8],
                    4000,
                ))));

            let shown_before = match &witness {
                Some(address) => {
                    let copy = warm_copy(&site, address).await;
                    if let Err(why) = &copy {
                        stale.push(format!("GET {address}, for {method} {path}: {why}"));
                        witnessed.insert((method.to_string(), path.to_string()));
                    }
                    copy.ok()
                }
                None => None,
            };
            let before = site.app.generation();
            let reply = send(&site, req).await;
            cases += 1;
            if let (true, Some(address), Some(shown_before)) =
                (reply.status.is_success(), &witness, shown_before)
            {
                if reply.status == StatusCode::ACCEPTED {
                    // A job: what it does is shown once it has ended.
                    job_ended(&site, reply.json()["id"].as_i64().expect("a job's id")).await;
                }
                let after = send(&site, page_get(None, address)).await;
                if after.status != StatusCode::OK || after.body == shown_before {
                    stale.push(format!(
                        "{method} {path} as {role} succeeded ({}), and GET {address} answers {} as before it",
                        reply.status, after.status
                    ));
                }
                witnessed.insert((method.to_string(), path.to_string()));
            }
            // A write that succeeded has moved the generation on: no copy of
            // a page kept before it is served after it.
            assert!(
                !reply.status.is_success() || site.app.generation() > before,
                "{method} {path} as {role}: {} and the generation stayed {before}",
                reply.status
            );
            let expected = if allowed.contains(&"anyone") {
                vec![StatusCode::CREATED]
            } else if token.is_none() {
                vec![StatusCode::UNAUTHORIZED]
            } else if allowed.contains(role) && path.contains("/files/") {
                vec![StatusCode::CREATED]
            } else if allowed.contains(role)
                && (path.ends_with("/inputs/import") || path.ends_with("/analysis"))
            {
                // Jobs: accepted, to be followed; or, for an analysis, refused
                // because the previous role's is still running (so allowed).
                vec![StatusCode::ACCEPTED, StatusCode::CONFLICT]
            } else if allowed.contains(role) && *method == "PUT" {
                vec![StatusCode::OK]
            } else if allowed.contains(role) {
                vec![StatusCode::CREATED, StatusCode::NO_CONTENT]
            } else if *path == "/api/v1/password-resets" && role.ends_with("secretariat") {
                vec![StatusCode::NOT_FOUND]
            } else {
                vec![StatusCode::FORBIDDEN]
            };
            assert!(
                expected.contains(&reply.status),
                "{method} {path} as {role}: got {} {}",
                reply.status,
                reply.body
            );
            if !reply.status.is_success() {
                let kind = reply.json()["error"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                assert!(
                    kind == "unauthenticated"
                        || kind == "forbidden"
                        || (kind == "not_found" && *path == "/api/v1/password-resets")
                        || (kind == "analysis_running" && allowed.contains(role)),
                    "{method} {path} as {role}: {kind}"
                );
            }
        }
    }
    // Every write route that a public read shows was read back after a write.
    let unwitnessed: Vec<_> = table
        .iter()
        .map(|((m, p), _)| (m.to_string(), p.to_string()))
        .filter(|(m, p)| {
            !witnessed.contains(&(m.clone(), p.clone()))
                && public_read_showing(m, p, "", &Value::Null, &reads).is_some()
        })
        .collect();
    assert!(
        unwitnessed.is_empty(),
        "write routes never read back: {unwitnessed:?}"
    );
    assert!(stale.is_empty(), "{}", stale.join("\n"));
    // The documented examples, as a client reading only the OpenAPI document
    // sends them: each write's example is a request its route reads — never
    // refused as malformed, of an unknown shape or of the wrong media type.
    let doc = send(
        &site,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .json();
    let secretariat = tokens[0].1.clone().expect("the global secretariat's token");
    assert_eq!(tokens[0].0, "global secretariat");
    let mut examples = vec![];
    let mut undocumented = vec![];
    for ((method, path), _) in &table {
        let json = &doc["paths"][*path][method.to_lowercase()]["requestBody"]["content"]
            ["application/json"];
        let body = &json["example"];
        let takes_fields =
            !json.is_null() && json["schema"]["$ref"] != "#/components/schemas/NoFields";
        if body.is_null() {
            if takes_fields {
                undocumented.push((method, path));
            }
            continue;
        }
        let own = site
            .app
            .create_api_token(
                &site.app.authenticate_token(&secretariat).await.unwrap(),
                "to revoke",
                1,
            )
            .await
            .unwrap()
            .id;
        let (uri, _) = request_for(
            method,
            path,
            &Ctx {
                own_token: own,
                meeting,
                inscription,
                decidable: decidable.clone(),
                contested,
                referred: referred.clone(),
                statement,
                document,
                recommendation,
                n: calls.fetch_add(1, Ordering::SeqCst),
                negotiation: negotiation.clone(),
                adoption: adoption.clone(),
                spare: spare.clone(),
                spare_documents: spare_documents.clone(),
            },
        );
        let mut req = Request::builder()
            .method(*method)
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {secretariat}"))
            .body(Body::from(body.to_string()))
            .unwrap();
        let n = calls.load(Ordering::SeqCst);
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [10, (n >> 16) as u8, (n >> 8) as u8, n as u8],
                4000,
            ))));
        let reply = send(&site, req).await;
        // Read as the route reads it: not of the wrong media type, not
        // malformed (the parser's refusals); a rule may still refuse it
        // here (an amendment of another version, say), in its own words.
        let message = reply.json()["message"].as_str().unwrap_or("").to_owned();
        let malformed = [
            "unknown field",
            "missing field",
            "invalid type",
            "invalid value",
            "unknown variant",
            "EOF while parsing",
            "trailing characters",
        ]
        .iter()
        .any(|m| message.contains(m));
        assert!(
            reply.status != StatusCode::UNSUPPORTED_MEDIA_TYPE && !malformed,
            "{method} {path}: its documented example {body} was refused: {} {}",
            reply.status,
            reply.body
        );
        examples.push((method, path, reply.status));
    }
    eprintln!(
        "documented examples sent: {} (every write with fields); {} accepted as they are",
        examples.len(),
        examples.iter().filter(|(_, _, s)| s.is_success()).count()
    );
    assert!(
        undocumented.is_empty(),
        "writes whose fields have no documented example: {undocumented:?}"
    );
    assert!(examples.len() >= 40, "{examples:?}");
    // Every route, as every role held in the trial process, in the other
    // process, in every process, in none, and as nobody.
    assert_eq!(cases, table.len() * tokens.len());
    eprintln!(
        "authorisation table: {} routes × {} callers = {cases} cases",
        table.len(),
        tokens.len()
    );
}

async fn form_cookie(site: &Site) -> String {
    let page = send(site, Request::get("/login").body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    let set = page
        .cookie("accord_form")
        .expect("the sign-in page sets its form cookie");
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"));
    set.split(';')
        .next()
        .unwrap()
        .trim_start_matches("accord_form=")
        .to_owned()
}

fn login_request(
    form_cookie: &str,
    form_token: &str,
    email: &str,
    password: &str,
    extra_cookie: &str,
) -> Request<Body> {
    let body = format!(
        "email={}&password={}&csrf={form_token}&next=%2Fprocesses%2Fgcm",
        email.replace('@', "%40"),
        password.replace(' ', "+")
    );
    Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::COOKIE,
            format!("accord_form={form_cookie}{extra_cookie}"),
        )
        .body(Body::from(body))
        .unwrap()
}

fn session_of(reply: &Reply) -> String {
    let set = reply.cookie("accord_session").expect("a session cookie");
    set.split(';')
        .next()
        .unwrap()
        .trim_start_matches("accord_session=")
        .to_owned()
}

async fn signing_in_through_the_form(db: TestDatabase) {
    let site = site_with(db, true).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "Amina Secretary",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let form = form_cookie(&site).await;

    // Session fixation: a session id planted before sign-in is never used.
    let reply = send(
        &site,
        login_request(
            &form,
            &form,
            "sec@example.org",
            PASSWORD,
            "; accord_session=planted-by-attacker",
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.headers[header::LOCATION], "/processes/gcm");
    let set = reply.cookie("accord_session").unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("; Secure"),
        "{set}"
    );
    let session = session_of(&reply);
    assert_ne!(session, "planted-by-attacker");
    assert!(site
        .app
        .session("planted-by-attacker")
        .await
        .unwrap()
        .is_none());

    let home = send(
        &site,
        Request::get("/")
            .header(header::COOKIE, format!("accord_session={session}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        home.body.contains("Signed in as Amina Secretary"),
        "{}",
        home.body
    );
    assert_eq!(
        home.headers[header::CACHE_CONTROL],
        "no-store",
        "a signed-in page is kept by no cache"
    );
    let public = send(&site, Request::get("/").body(Body::empty()).unwrap()).await;
    assert!(!public.headers.contains_key(header::CACHE_CONTROL));

    // Sign out needs the session's token.
    let csrf = site.app.session(&session).await.unwrap().unwrap().csrf;
    let bad = send(
        &site,
        Request::post("/logout")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_session={session}"))
            .body(Body::from("csrf=forged"))
            .unwrap(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::FORBIDDEN);
    assert!(
        site.app.session(&session).await.unwrap().is_some(),
        "a forged sign-out changes nothing"
    );
    let out = send(
        &site,
        Request::post("/logout")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_session={session}"))
            .body(Body::from(format!("csrf={csrf}")))
            .unwrap(),
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out.cookie("accord_session").unwrap().contains("Max-Age=0"));
    assert!(site.app.session(&session).await.unwrap().is_none());
}

async fn the_sign_in_form_refuses_forgery_and_guessing(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(&OPERATOR, "del@example.org", "D", PASSWORD, &[])
        .await
        .unwrap();
    let form = form_cookie(&site).await;
    // No form cookie, or a token that does not match it: refused before any check.
    let forged = send(
        &site,
        login_request("", "whatever", "del@example.org", PASSWORD, ""),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let mismatched = send(
        &site,
        login_request(&form, "other-token", "del@example.org", PASSWORD, ""),
    )
    .await;
    assert_eq!(mismatched.status, StatusCode::FORBIDDEN);
    assert!(mismatched.cookie("accord_session").is_none());

    let wrong = send(
        &site,
        login_request(&form, &form, "del@example.org", "wrong password", ""),
    )
    .await;
    let unknown = send(
        &site,
        login_request(&form, &form, "ghost@example.org", PASSWORD, ""),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    let message = |r: &Reply| {
        r.body
            .split("role=\"alert\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .map(str::to_owned)
    };
    assert_eq!(message(&wrong), message(&unknown), "no account enumeration");
    for _ in 0..4 {
        send(
            &site,
            login_request(&form, &form, "del@example.org", "wrong password", ""),
        )
        .await;
    }
    let locked = send(
        &site,
        login_request(&form, &form, "del@example.org", PASSWORD, ""),
    )
    .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.cookie("accord_session").is_none());
}

async fn cookie_sessions_need_the_csrf_header_for_api_writes(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let session = site
        .app
        .login("sec@example.org", PASSWORD, "test")
        .await
        .unwrap();
    let write = |csrf: Option<&str>, code: &str| {
        let mut req = Request::post("/api/v1/actors")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, format!("accord_session={}", session.secret));
        if let Some(c) = csrf {
            req = req.header("x-csrf-token", c);
        }
        req.body(Body::from(
            json!({"code": code, "kind": "un_entity", "name": "X"}).to_string(),
        ))
        .unwrap()
    };
    let none = send(&site, write(None, "UNX1")).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    assert_eq!(none.json()["error"], "csrf");
    let forged = send(&site, write(Some("0000"), "UNX1")).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(site.app.actor("UNX1").await.is_err(), "nothing was written");
    let ok = send(&site, write(Some(&session.csrf), "UNX1")).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
}

async fn tokens_revoked_or_expired_are_refused(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "script@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let call = |t: &str| {
        Request::post("/api/v1/tokens")
            .header(header::AUTHORIZATION, format!("Bearer {t}"))
            .body(Body::from(json!({"name": "child", "days": 1}).to_string()))
            .unwrap()
    };
    let made = send(&site, call(&token)).await;
    assert_eq!(made.status, StatusCode::CREATED);
    let child = made.json();
    let child_secret = child["token"].as_str().unwrap().to_owned();
    let revoke = Request::delete(format!("/api/v1/tokens/{}", child["id"]))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&site, revoke).await.status, StatusCode::NO_CONTENT);
    let refused = send(&site, call(&child_secret)).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json()["error"], "unauthenticated");
    for bad in ["Bearer ", "Basic abc", "Bearer acc_not-a-token"] {
        let r = send(
            &site,
            Request::post("/api/v1/tokens")
                .header(header::AUTHORIZATION, bad)
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad}");
    }
    let r = send(
        &site,
        Request::post("/api/v1/tokens")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from("not json"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

async fn bad_write_bodies_get_specific_errors_and_change_nothing(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let post = |path: &str, body: Value| {
        Request::post(path.to_string())
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let before = site.app.verify_audit().await.unwrap().unwrap();
    let cases = [
        (
            "/api/v1/processes/trial/meetings",
            json!({"slug": "m", "kind": "conference", "title": "T", "start_date": "2030-01-02", "end_date": "2030-01-01"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "end_before_start",
        ),
        (
            "/api/v1/processes/trial/meetings",
            json!({"slug": "m", "kind": "tea_party", "title": "T", "start_date": "2030-01-02", "end_date": "2030-01-03"}),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/v1/processes/gcm/meetings",
            json!({"slug": "thematic-session-1", "kind": "thematic_session", "title": "T", "start_date": "2030-01-02", "end_date": "2030-01-03"}),
            StatusCode::CONFLICT,
            "duplicate_slug",
        ),
        (
            "/api/v1/processes/nope/meetings",
            json!({"slug": "m", "kind": "conference", "title": "T", "start_date": "2030-01-02", "end_date": "2030-01-03"}),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/api/v1/actors",
            json!({"code": "EU2", "kind": "group", "name": "G", "members": ["EU2"]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "group_contains_itself",
        ),
        (
            "/api/v1/actors",
            json!({"code": "MEX", "kind": "member_state", "name": "Mexico"}),
            StatusCode::CONFLICT,
            "duplicate_actor_code",
        ),
        (
            "/api/v1/processes/gcm/documents",
            json!({"slug": "d", "symbol": "A/72/643", "title": "T", "kind": "report", "date": "2030-01-01", "languages": ["en"], "distribution": "public"}),
            StatusCode::CONFLICT,
            "duplicate_symbol",
        ),
        (
            "/api/v1/accounts",
            json!({"email": "not an email", "name": "N", "password": PASSWORD}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "/api/v1/accounts",
            json!({"email": "n@example.org", "name": "x".repeat(300), "password": PASSWORD}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_long",
        ),
        (
            "/api/v1/accounts",
            json!({"email": "sec@example.org", "name": "N", "password": PASSWORD}),
            StatusCode::CONFLICT,
            "duplicate_email",
        ),
    ];
    for (path, body, status, kind) in cases {
        let r = send(&site, post(path, body.clone())).await;
        assert_eq!(r.status, status, "{path} {body}: {}", r.body);
        assert_eq!(r.json()["error"], kind, "{path} {body}");
    }
    assert_eq!(
        site.app.verify_audit().await.unwrap().unwrap(),
        before,
        "refused writes leave no trace"
    );
}

async fn a_reset_link_from_the_secretariat_sets_a_new_password_once(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("gcm"), None)],
    )
    .await;
    site.app
        .create_account(
            &OPERATOR,
            "del@example.org",
            "D",
            PASSWORD,
            &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
        )
        .await
        .unwrap();
    let issued = send(
        &site,
        Request::post("/api/v1/password-resets")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::from(json!({"email": "del@example.org"}).to_string()))
            .unwrap(),
    )
    .await;
    assert_eq!(issued.status, StatusCode::CREATED);
    let link = issued.json()["link"].as_str().unwrap().to_owned();
    let secret = link.split("token=").nth(1).unwrap().to_owned();
    let page = send(&site, Request::get(&link).body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    let form = page
        .cookie("accord_form")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("accord_form=")
        .to_owned();
    let submit = |password: &str, confirm: &str| {
        Request::post("/reset-password")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_form={form}"))
            .body(Body::from(format!(
                "secret={secret}&password={password}&confirm={confirm}&csrf={form}"
            )))
            .unwrap()
    };
    assert_eq!(
        send(&site, submit("a-new-passphrase-1", "a-new-passphrase-2"))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let done = send(&site, submit("a-new-passphrase-1", "a-new-passphrase-1")).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(site
        .app
        .login("del@example.org", "a-new-passphrase-1", "t")
        .await
        .is_ok());
    assert_eq!(
        send(&site, submit("a-new-passphrase-3", "a-new-passphrase-3"))
            .await
            .status,
        StatusCode::BAD_REQUEST,
        "used once"
    );
}

async fn the_audit_log_page_is_for_the_secretariat(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("gcm"), None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "del@example.org",
            "D",
            PASSWORD,
            &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
        )
        .await
        .unwrap();
    let page = |cookie: Option<String>, uri: &str| {
        let mut req = Request::get(uri);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, format!("accord_session={c}"));
        }
        req.body(Body::empty()).unwrap()
    };
    let anonymous = send(&site, page(None, "/audit")).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert!(
        anonymous.body.contains("/login?next=/audit"),
        "a sign-in link back to the page"
    );
    let delegate = site
        .app
        .login("del@example.org", PASSWORD, "t")
        .await
        .unwrap()
        .secret;
    assert_eq!(
        send(&site, page(Some(delegate), "/audit")).await.status,
        StatusCode::FORBIDDEN
    );
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap()
        .secret;
    let all = send(&site, page(Some(sec.clone()), "/audit")).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("meeting.create"));
    assert!(
        !all.body.contains("session.create") && !all.body.contains("process.create"),
        "a process's secretariat reads its process's entries, not those of none"
    );
    let other = send(&site, page(Some(sec.clone()), "/audit?process=trial")).await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(
        !other.body.contains("meeting.create"),
        "nor another process's, whatever the filter asks"
    );
    site.app
        .create_account(
            &OPERATOR,
            "global@example.org",
            "G",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let global = site
        .app
        .login("global@example.org", PASSWORD, "t")
        .await
        .unwrap()
        .secret;
    let everything = send(&site, page(Some(global), "/audit")).await;
    assert!(
        everything.body.contains("session.create")
            && everything.body.contains("global@example.org")
    );
    let meetings = send(
        &site,
        page(Some(sec.clone()), "/audit?action=meeting.&process=gcm"),
    )
    .await;
    assert!(meetings.body.contains("meeting.create"));
    assert!(
        !meetings.body.contains("session.create"),
        "filtered by action"
    );
    assert!(
        !meetings.body.contains("/audit?cursor="),
        "31 meetings fit one page"
    );
    assert!(
        all.body.contains("/audit?cursor="),
        "hundreds of entries are paginated"
    );
    assert_eq!(
        send(&site, page(Some(sec), "/audit?process=Not%20A%20Slug"))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

async fn the_speakers_list_shows_on_the_meeting_page_and_in_the_api(db: TestDatabase) {
    let site = site_with(db, false).await;
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let page = send(
        &site,
        Request::get(format!("/processes/trial/meetings/{meeting}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Speakers&#39; list") || page.body.contains("Speakers' list"),
        "heading"
    );
    assert!(
        page.body.contains("Switzerland") && page.body.contains("3:00"),
        "the inscribed state and its time"
    );
    let api = send(
        &site,
        Request::get(format!(
            "/api/v1/processes/trial/meetings/{meeting}/speakers"
        ))
        .body(Body::empty())
        .unwrap(),
    )
    .await;
    assert_eq!(api.status, StatusCode::OK);
    let items = api.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["actor"], "CHE");
    assert_eq!(items[0]["category"], "state");
    assert_eq!(items[0]["time_limit_seconds"], 180);
    let ar = send(
        &site,
        Request::get(format!("/processes/trial/meetings/{meeting}"))
            .header("accept-language", "ar")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(ar.body.contains("قائمة المتكلمين"));
}

async fn the_public_participants_list_never_shows_e_mail_addresses(db: TestDatabase) {
    let site = site_with(db, false).await;
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let token = bearer(
        &site,
        "fra.delegate@example.org",
        &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
    )
    .await;
    let register = || {
        Request::post(format!(
            "/api/v1/processes/trial/meetings/{meeting}/registrations"
        ))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
    };
    assert_eq!(send(&site, register()).await.status, StatusCode::CREATED);
    let twice = send(&site, register()).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.json()["error"], "already_registered");
    let api = send(
        &site,
        Request::get(format!(
            "/api/v1/processes/trial/meetings/{meeting}/participants"
        ))
        .body(Body::empty())
        .unwrap(),
    )
    .await;
    assert_eq!(api.json()["items"][0]["actor_name"], "France");
    assert!(!api.body.contains("@example.org"), "{}", api.body);
    let page = send(
        &site,
        Request::get(format!("/processes/trial/meetings/{meeting}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(page.body.contains("Test Person") && page.body.contains("France"));
    assert!(!page.body.contains("fra.delegate@example.org"));
}

async fn the_secretariat_writes_through_html_forms(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "del@example.org",
            "D",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let del = site
        .app
        .login("del@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let get = |secret: Option<&str>, uri: &str| {
        let mut req = Request::get(uri.to_string());
        if let Some(s) = secret {
            req = req.header(header::COOKIE, format!("accord_session={s}"));
        }
        req.body(Body::empty()).unwrap()
    };
    let form = |secret: &str, uri: &str, body: String| {
        Request::post(uri.to_string())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_session={secret}"))
            .body(Body::from(body))
            .unwrap()
    };
    assert_eq!(
        send(&site, get(None, "/processes/trial/manage"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&site, get(Some(&del.secret), "/processes/trial/manage"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = send(&site, get(Some(&sec.secret), "/processes/trial/manage")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&sec.csrf),
        "the forms carry the session's token"
    );
    for l in ["ar", "zh", "en", "fr", "ru", "es"] {
        assert!(
            page.body
                .contains(&format!("name=\"languages[]\" value=\"{l}\"")),
            "a document's language {l} can be ticked"
        );
    }

    let meeting = |csrf: &str, end: &str| {
        format!(
            "csrf={csrf}&slug=informal-1&kind=informal_consultation&number=1&title=Informal+consultation+on+the+zero+draft\
             &start_date=2030-02-01&end_date={end}&venue%5Bname%5D=&venue%5Bcity%5D=New+York&venue%5Bcountry%5D=USA\
             &agenda=Opening%0D%0AThe+zero+draft%0D%0A%0D%0AClosing&note="
        )
    };
    let forged = send(
        &site,
        form(
            &sec.secret,
            "/processes/trial/manage/meetings",
            meeting("forged", "2030-02-02"),
        ),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let refused = send(
        &site,
        form(
            &sec.secret,
            "/processes/trial/manage/meetings",
            meeting(&sec.csrf, "2030-01-01"),
        ),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("ends (2030-01-01) before it starts"),
        "the rule's own message"
    );
    assert!(
        refused
            .body
            .contains("Informal consultation on the zero draft"),
        "the form keeps what was typed"
    );
    assert!(site
        .app
        .all_meetings(
            "trial",
            Some(accord_domain::MeetingKind::InformalConsultation)
        )
        .await
        .unwrap()
        .is_empty());

    let made = send(
        &site,
        form(
            &sec.secret,
            "/processes/trial/manage/meetings",
            meeting(&sec.csrf, "2030-02-02"),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let created = &site
        .app
        .all_meetings(
            "trial",
            Some(accord_domain::MeetingKind::InformalConsultation),
        )
        .await
        .unwrap()[0];
    assert_eq!(
        made.headers[header::LOCATION],
        format!("/processes/trial/meetings/{}", created.id).as_str()
    );
    let agenda: Vec<&str> = created.agenda.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(agenda, ["Opening", "The zero draft", "Closing"]);
    assert_eq!(created.venue.as_ref().unwrap().country.as_str(), "USA");

    let document = format!(
        "csrf={}&slug=issues-paper&symbol=&kind=concept_note&title=Issues+paper&date=2030-01-15&languages%5B%5D=en&languages%5B%5D=fr\
         &distribution=public&embargo_until=&meeting=informal-1",
        sec.csrf
    );
    let made = send(
        &site,
        form(&sec.secret, "/processes/trial/manage/documents", document),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let docs = site
        .app
        .all_documents(&Principal::System("test"), "trial")
        .await
        .unwrap();
    let paper = docs
        .iter()
        .find(|d| d.slug.as_str() == "issues-paper")
        .unwrap();
    assert_eq!(
        paper.languages,
        vec![accord_domain::Language::En, accord_domain::Language::Fr]
    );
    assert_eq!(paper.meeting.as_ref().unwrap().as_str(), "informal-1");

    let phase = format!(
        "csrf={}&kind=negotiation&start_date=2030-01-01&end_date=2030-06-30&note=",
        sec.csrf
    );
    assert_eq!(
        send(
            &site,
            form(&sec.secret, "/processes/trial/manage/phases", phase.clone())
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let again = send(
        &site,
        form(&sec.secret, "/processes/trial/manage/phases", phase),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    // Actors and groups, which every process shares: the secretariat of
    // every process, not one process's.
    let group = |csrf: &str| {
        format!("csrf={csrf}&code=G-TEST&kind=group&name=A+test+group&members=FRA%2C+DEU")
    };
    assert_eq!(
        send(&site, form(&sec.secret, "/actors/manage", group(&sec.csrf)))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    site.app
        .create_account(
            &OPERATOR,
            "all@example.org",
            "A",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let all = site
        .app
        .login("all@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let made = send(&site, form(&all.secret, "/actors/manage", group(&all.csrf))).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(site.app.actor("G-TEST").await.unwrap().members.len(), 2);
    let selfish = format!(
        "csrf={}&code=G-SELF&kind=group&name=Self&members=G-SELF",
        all.csrf
    );
    let refused = send(&site, form(&all.secret, "/actors/manage", selfish)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("cannot be a member of itself"));
    let by_delegate = format!(
        "csrf={}&code=G-DEL&kind=group&name=No&members=FRA",
        del.csrf
    );
    assert_eq!(
        send(&site, form(&del.secret, "/actors/manage", by_delegate))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Themes: the process's secretariat.
    let theme = |code: &str| {
        format!(
            "csrf={}&code={code}&taxonomy=objectives&number=24&title=Strengthen+cooperation",
            sec.csrf
        )
    };
    let made = send(
        &site,
        form(
            &sec.secret,
            "/processes/trial/manage/themes",
            theme("objective-24"),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert!(site
        .app
        .themes("trial")
        .await
        .unwrap()
        .iter()
        .any(|t| t.code.as_str() == "objective-24" && t.number == Some(24)));
    for (code, status) in [
        ("objective-24", StatusCode::CONFLICT),
        ("Objective 24!", StatusCode::BAD_REQUEST),
    ] {
        let reply = send(
            &site,
            form(&sec.secret, "/processes/trial/manage/themes", theme(code)),
        )
        .await;
        assert_eq!(reply.status, status, "{code}: {}", reply.body);
        assert!(reply.body.contains("value=\"Strengthen cooperation\""));
    }

    // A new process: only a secretariat of every process.
    assert_eq!(
        send(&site, get(Some(&sec.secret), "/manage/processes"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    site.app
        .create_account(
            &OPERATOR,
            "global@example.org",
            "G",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let global = site
        .app
        .login("global@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let home = send(&site, get(Some(&global.secret), "/")).await;
    assert!(home.body.contains("href=\"/manage/processes\""));
    assert_eq!(
        send(&site, get(Some(&global.secret), "/manage/processes"))
            .await
            .status,
        StatusCode::OK
    );
    let process = |slug: &str, extra: &str| {
        format!(
            "csrf={}&slug={slug}&title=Global+Compact+on+Refugees&description=&mandate=A%2FRES%2F71%2F1\
             &co_facilitators=A.+Person+%7C+Co-facilitator+%7C+CHE{extra}",
            global.csrf
        )
    };
    for (body, status, needle) in [
        (
            process("gcr", "&meeting_kinds[]=conference"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "official languages",
        ),
        (
            process(
                "gcr",
                "&languages[]=en&meeting_kinds[]=conference&secretariat=A+%7C+B+%7C+C+%7C+D",
            ),
            StatusCode::BAD_REQUEST,
            "one person per line",
        ),
        (
            process("gcm", "&languages[]=en&meeting_kinds[]=conference"),
            StatusCode::CONFLICT,
            "gcm",
        ),
    ] {
        let reply = send(&site, form(&global.secret, "/manage/processes", body)).await;
        assert_eq!(reply.status, status, "{}", reply.body);
        assert!(reply.body.contains(needle), "{needle}: {}", reply.body);
        assert!(reply.body.contains("Global Compact on Refugees"), "kept");
    }
    assert!(site.app.process("gcr").await.is_err(), "nothing was made");
    let made = send(
        &site,
        form(
            &global.secret,
            "/manage/processes",
            process("gcr", "&languages[]=en&languages[]=fr&meeting_kinds[]=conference&meeting_kinds[]=thematic_session"),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(made.headers[header::LOCATION], "/processes/gcr/manage");
    let gcr = site.app.process("gcr").await.unwrap().process;
    assert_eq!(gcr.languages.len(), 2);
    assert_eq!(gcr.meeting_kinds.len(), 2);
    assert_eq!(
        gcr.co_facilitators[0].actor.as_ref().unwrap().as_str(),
        "CHE"
    );
    assert_eq!(gcr.mandate[0].as_str(), "A/RES/71/1");
}

async fn delegates_ask_for_the_floor_and_the_chair_runs_the_list_from_the_meeting_page(
    db: TestDatabase,
) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "fra@example.org",
            "F",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let fra = site
        .app
        .login("fra@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let url = format!("/processes/trial/meetings/{meeting}");
    let page = |secret: &str| {
        Request::get(url.clone())
            .header(header::COOKIE, format!("accord_session={secret}"))
            .body(Body::empty())
            .unwrap()
    };
    let post = |secret: &str, path: String, body: String| {
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_session={secret}"))
            .body(Body::from(body))
            .unwrap()
    };
    let seen = send(&site, page(&fra.secret)).await;
    assert!(
        seen.body.contains("Ask for the floor") && seen.body.contains("Register for this meeting")
    );
    assert!(
        !seen.body.contains("Give the floor"),
        "a delegate does not run the list"
    );

    let asked = send(
        &site,
        post(
            &fra.secret,
            format!("{url}/floor"),
            format!("csrf={}&actor=FRA&ministerial=true", fra.csrf),
        ),
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        asked.headers[header::LOCATION],
        format!("{url}#speakers-h").as_str()
    );
    let refused = send(
        &site,
        post(
            &fra.secret,
            format!("{url}/floor"),
            format!("csrf={}&actor=CHE", fra.csrf),
        ),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "not for a state you do not represent"
    );
    let forged = send(
        &site,
        post(
            &fra.secret,
            format!("{url}/floor"),
            "csrf=nope&actor=FRA".into(),
        ),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    let list = site.app.speakers_list("trial", meeting).await.unwrap();
    assert_eq!(
        list[0].inscription.actor.as_str(),
        "FRA",
        "ministerial level speaks before other states"
    );
    let chair_view = send(&site, page(&sec.secret)).await;
    assert!(chair_view.body.contains("Give the floor"));
    let given = send(
        &site,
        post(
            &sec.secret,
            format!("{url}/speakers/{}", list[0].inscription.id),
            format!("csrf={}&status=speaking", sec.csrf),
        ),
    )
    .await;
    assert_eq!(given.status, StatusCode::SEE_OTHER);
    assert_eq!(
        site.app.speakers_list("trial", meeting).await.unwrap()[0]
            .inscription
            .status,
        accord_domain::SpeakerStatus::Speaking
    );

    let registered = send(
        &site,
        post(
            &fra.secret,
            format!("{url}/register"),
            format!("csrf={}", fra.csrf),
        ),
    )
    .await;
    assert_eq!(registered.status, StatusCode::SEE_OTHER);
    let again = send(
        &site,
        post(
            &fra.secret,
            format!("{url}/register"),
            format!("csrf={}", fra.csrf),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        site.app.participants("trial", meeting).await.unwrap().len(),
        1
    );

    // The chair sets the meeting's time limits from the page, one category
    // at a time (the API's command, minutes typed as `2:30`); a delegate
    // cannot, and a bad limit comes back typed, with the message beside it.
    let limit = |category: &str, seconds: &str, who: &accord_app::NewSession| {
        post(
            &who.secret,
            format!("{url}/time-limits/{category}"),
            format!("csrf={}&seconds={}", who.csrf, seconds.replace(':', "%3A")),
        )
    };
    assert_eq!(
        send(&site, limit("state", "4:00", &fra)).await.status,
        StatusCode::FORBIDDEN
    );
    for (bad, status) in [
        ("0:05", StatusCode::UNPROCESSABLE_ENTITY),
        ("ten", StatusCode::BAD_REQUEST),
        ("61", StatusCode::BAD_REQUEST),
    ] {
        let reply = send(&site, limit("group", bad, &sec)).await;
        assert_eq!(reply.status, status, "{bad}: {}", reply.body);
        assert!(reply.body.contains("seconds:"), "{}", reply.body);
        assert!(
            reply.body.contains(&format!("value=\"{bad}\"")),
            "what was typed is kept"
        );
        assert!(reply.body.contains("aria-invalid=\"true\""));
    }
    assert!(
        site.app
            .time_limits("trial", meeting)
            .await
            .unwrap()
            .iter()
            .all(|(_, _, set)| !set),
        "nothing was set"
    );
    for (category, typed) in [("state", "2:30"), ("stakeholder", "")] {
        let set = send(&site, limit(category, typed, &sec)).await;
        assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    }
    let now = site.app.time_limits("trial", meeting).await.unwrap();
    assert!(now.contains(&(accord_domain::SpeakerCategory::State, 150, true)));
    assert!(
        now.iter()
            .any(|(c, _, set)| *c == accord_domain::SpeakerCategory::Stakeholder && !set),
        "left empty, the usual limit"
    );
    let shown = send(&site, page(&fra.secret)).await;
    assert!(shown.body.contains("2:30"), "the list shows the new limit");
    assert!(shown.body.contains("set for this meeting"));
}

async fn accreditation_through_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "fra@example.org",
            "F",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let fra = site
        .app
        .login("fra@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let page = send(
        &site,
        Request::get("/processes/trial/accreditation")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Apply for accreditation"));
    assert!(
        !page.body.contains("Contested"),
        "the public does not see the applications"
    );
    let token = page
        .cookie("accord_form")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("accord_form=")
        .to_owned();
    let apply = |csrf: &str, website: &str| {
        Request::post("/processes/trial/accreditation")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_form={token}"))
            .body(Body::from(format!(
                "csrf={csrf}&name=Portal+Applicant&kind=academia&country=che&website={website}&ecosoc_status=true&description=A+university"
            )))
            .unwrap()
    };
    assert_eq!(
        send(&site, apply("forged", "https%3A%2F%2Fexample.org"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let bad = send(&site, apply(&token, "not-a-site")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("https://example.org"),
        "the rule says what it wants"
    );
    assert!(
        bad.body.contains("value=\"Portal Applicant\""),
        "what was typed is kept"
    );
    let ok = send(&site, apply(&token, "https%3A%2F%2Fexample.org")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let received = ok.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(received.contains("received="), "{received}");
    let shown = send(&site, page_get(None, &received)).await;
    assert!(shown.body.contains("received"));
    let listed = site.app.applications(&OPERATOR, "trial").await.unwrap();
    let mine = listed
        .iter()
        .find(|a| a.application.name == "Portal Applicant")
        .unwrap();
    assert!(mine.application.ecosoc_status);
    assert_eq!(mine.application.country.as_str(), "CHE");

    // A delegation sees it and objects; the secretariat sees the objection.
    let as_fra = send(
        &site,
        Request::get("/processes/trial/accreditation")
            .header(header::COOKIE, format!("accord_session={}", fra.secret))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(as_fra.body.contains("Portal Applicant") && as_fra.body.contains(">Object<"));
    let objected = send(
        &site,
        Request::post(format!(
            "/processes/trial/accreditation/{}/objection",
            mine.id
        ))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("accord_session={}", fra.secret))
        .body(Body::from(format!(
            "csrf={}&state=FRA&reason=Not+a+university",
            fra.csrf
        )))
        .unwrap(),
    )
    .await;
    assert_eq!(objected.status, StatusCode::SEE_OTHER);
    let as_sec = send(
        &site,
        Request::get("/processes/trial/accreditation")
            .header(header::COOKIE, format!("accord_session={}", sec.secret))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        as_sec.body.contains("Not a university"),
        "objections are shown"
    );
    let early = send(
        &site,
        Request::post(format!(
            "/processes/trial/accreditation/{}/decision",
            mine.id
        ))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("accord_session={}", sec.secret))
        .body(Body::from(format!("csrf={}&approve=true&note=", sec.csrf)))
        .unwrap(),
    )
    .await;
    assert_eq!(
        early.status,
        StatusCode::CONFLICT,
        "objected to: the plenary decides, not the secretariat"
    );
    assert!(
        early.body.contains("referred to the plenary"),
        "{}",
        early.body
    );
    let as_sec = page_get(Some(&sec.secret), "/processes/trial/accreditation");
    let as_sec = send(&site, as_sec).await;
    let article = between(
        &as_sec.body,
        &format!("id=\"application-{}\"", mine.id),
        "</article>",
    );
    assert!(article.contains("Referred to the plenary"), "{article}");
    assert!(
        !article.contains("/body-decision"),
        "no decision while states may still object"
    );

    // An application referred earlier, its period over: the secretariat
    // records the plenary's decision through the form beside it.
    let referred = site
        .app
        .applications(&OPERATOR, "trial")
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.application.name == "Objected 0")
        .unwrap();
    let article = between(
        &as_sec.body,
        &format!("id=\"application-{}\"", referred.id),
        "</article>",
    );
    assert!(article.contains("Referred to the plenary"), "{article}");
    assert!(article.contains("the plenary decides. Record its decision."));
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].clone();
    let post_decision = |fields: String| {
        Request::post(format!(
            "/processes/trial/accreditation/{}/body-decision",
            referred.id
        ))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("accord_session={}", sec.secret))
        .body(Body::from(format!("csrf={}&{fields}", sec.csrf)))
        .unwrap()
    };
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Duration::days(2);
    let refused = send(
        &site,
        post_decision(format!(
            "outcome=rejected&date={tomorrow}&meeting=&reference=A%2F72%2FL.7&note=Kept"
        )),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("a day still to come"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("value=\"A/72/L.7\"")
            && refused.body.contains(&format!("value=\"{tomorrow}\"")),
        "what was typed is kept"
    );
    assert!(refused
        .body
        .contains("<option value=\"rejected\" selected>"));
    // A delegate cannot record it.
    let by_fra = send(
        &site,
        Request::post(format!(
            "/processes/trial/accreditation/{}/body-decision",
            referred.id
        ))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("accord_session={}", fra.secret))
        .body(Body::from(format!(
            "csrf={}&outcome=approved&date={}",
            fra.csrf,
            yesterday()
        )))
        .unwrap(),
    )
    .await;
    assert_eq!(by_fra.status, StatusCode::FORBIDDEN);
    // At a meeting of the process that did not sit that day: refused.
    let outside = send(
        &site,
        post_decision(format!(
            "outcome=approved&date={}&meeting={}&reference=",
            yesterday(),
            meeting.id
        )),
    )
    .await;
    assert_eq!(
        outside.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        outside.body
    );
    assert!(outside.body.contains("the meeting ran from"));
    let done = send(
        &site,
        post_decision(format!(
            "outcome=rejected&date={}&meeting=&reference=A%2F72%2FL.7&note=",
            yesterday()
        )),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let again = send(
        &site,
        post_decision(format!("outcome=approved&date={}", yesterday())),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "a second decision");
    let shown = send(
        &site,
        page_get(Some(&sec.secret), "/processes/trial/accreditation"),
    )
    .await;
    let article = between(
        &shown.body,
        &format!("id=\"application-{}\"", referred.id),
        "</article>",
    );
    assert!(article.contains("Decision of the plenary"), "{article}");
    assert!(article.contains("A/72/L.7") && article.contains("Rejected"));
    assert!(!article.contains("/body-decision"), "decided: no form");
    let api = send(
        &site,
        Request::get("/api/v1/processes/trial/accreditation/applications")
            .header(header::COOKIE, format!("accord_session={}", fra.secret))
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .json();
    let record = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == referred.id)
        .unwrap()
        .clone();
    assert_eq!(record["status"], "rejected");
    assert_eq!(record["referred_to"], "plenary");
    assert_eq!(
        record["body_decision"],
        json!({ "body": "plenary", "date": yesterday(), "meeting": null, "reference": "A/72/L.7" })
    );

    // The rules: the secretariat names the bureau; a body the rules do not
    // know is refused beside its field.
    assert!(shown.body.contains("are decided by the plenary"));
    let rules = |body: &str| {
        Request::post("/processes/trial/accreditation/deciding-body")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_session={}", sec.secret))
            .body(Body::from(format!("csrf={}&body={body}", sec.csrf)))
            .unwrap()
    };
    let wrong = send(&site, rules("council")).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(
        wrong.body.contains("aria-invalid=\"true\""),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("body:"), "the message names the field");
    let set = send(&site, rules("bureau")).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let public = send(&site, page_get(None, "/processes/trial/accreditation")).await;
    assert!(
        public.body.contains("are decided by the bureau"),
        "the rule is public"
    );
}

/// The text between `start` and the next `end` after it.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {body}"))
        + start.len();
    let len = body[from..].find(end).expect("an end");
    &body[from..from + len]
}

/// The JSON object a form's fields stand for: `venue[city]` nested,
/// `agenda[0][title]` and `languages[]` lists; whole numbers and `true` or
/// `false` as JSON's own.
fn json_of<K: AsRef<str>>(pairs: &[(K, String)]) -> serde_json::Map<String, Value> {
    let mut object = Value::Object(serde_json::Map::new());
    for (key, v) in pairs {
        let key = key.as_ref();
        let value = match v.as_str() {
            "true" => json!(true),
            "false" => json!(false),
            _ => v
                .parse::<u32>()
                .map_or(Value::String(v.clone()), |x| json!(x)),
        };
        let (name, rest) = key.split_once('[').unwrap_or((key, ""));
        let mut segments = vec![name];
        segments.extend(
            rest.split('[')
                .map(|s| s.trim_end_matches(']'))
                .filter(|_| !rest.is_empty()),
        );
        let mut at = &mut object;
        for (i, segment) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            let next = || {
                if last {
                    value.clone()
                } else if segments[i + 1].is_empty() || segments[i + 1].parse::<usize>().is_ok() {
                    json!([])
                } else {
                    json!({})
                }
            };
            at = if segment.is_empty() {
                let list = at.as_array_mut().unwrap();
                list.push(next());
                list.last_mut().unwrap()
            } else if let Ok(index) = segment.parse::<usize>() {
                let list = at.as_array_mut().unwrap();
                while list.len() <= index {
                    list.push(Value::Null);
                }
                if list[index].is_null() {
                    list[index] = next();
                }
                &mut list[index]
            } else {
                let map = at.as_object_mut().unwrap();
                if last || !map.contains_key(*segment) {
                    map.insert(segment.to_string(), next());
                }
                map.get_mut(*segment).unwrap()
            };
        }
    }
    match object {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// [`json_of`] as a JSON value.
fn json_value<K: AsRef<str>>(pairs: &[(K, String)]) -> Value {
    Value::Object(json_of(pairs))
}

fn form_post(session: &str, uri: &str, body: String) -> Request<Body> {
    Request::post(uri.to_string())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("accord_session={session}"))
        .body(Body::from(body))
        .unwrap()
}

/// "Austria on behalf of the European Union": the meeting's list and the
/// statement's page name the group first and its speaker after it, in the
/// reader's language; the API says whose statement it is.
async fn a_group_s_statement_is_credited_to_the_group_and_names_its_speaker(db: TestDatabase) {
    let site = site_with(db, false).await;
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].clone();
    let id = site
        .app
        .add_statement(
            &OPERATOR,
            accord_domain::NewStatement {
                process: "trial".parse().unwrap(),
                meeting: meeting.id,
                agenda_item: 0,
                actor: "AUT".parse().unwrap(),
                on_behalf_of: Some("EU".parse().unwrap()),
                title: "Statement of the European Union".into(),
                delivered_on: meeting.start_date,
                distribution: accord_domain::Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            vec![],
        )
        .await
        .unwrap();
    let page = send(
        &site,
        page_get(None, &format!("/processes/trial/meetings/{}", meeting.id)),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let row = between(&page.body, "Statement of the European Union</a>", "</li>");
    assert!(
        row.contains(
            ">European Union</a> <span class=\"muted\">(spoken by <a href=\"/actors/AUT\""
        ),
        "{row}"
    );
    let page = send(
        &site,
        Request::get(format!("/processes/trial/statements/{id}"))
            .header("accept-language", "fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let lead = between(&page.body, "<p class=\"lead\">", "</p>");
    assert!(lead.starts_with("<a href=\"/actors/EU\""), "{lead}");
    assert!(
        lead.contains("prononcée par <a href=\"/actors/AUT\""),
        "{lead}"
    );
    assert!(
        lead.contains(">Autriche</a>"),
        "the speaker named in French: {lead}"
    );
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/trial/statements/{id}")),
    )
    .await;
    assert_eq!(api.json()["credited_to"], "EU");
    assert_eq!(api.json()["actor"], "AUT");
}

/// Phases as decisions in the portal and the API: the plan and the
/// decisions shown to everyone, the forms to the process's own secretariat
/// only; a refused decision keeps what was typed and changes nothing; the
/// decision makes the phase current, is confirmed, listed by the API with
/// its history and audited; the other process is untouched.
async fn the_secretariat_opens_extends_and_closes_phases_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let today = site.app.today();
    let day = |offset: i64| today + chrono::Duration::days(offset);
    for process in ["trial", "other"] {
        for (kind, start, end) in [
            (PhaseKind::Consultation, day(-90), Some(day(-10))),
            (PhaseKind::Negotiation, day(30), Some(day(120))),
        ] {
            site.app
                .add_phase(
                    &OPERATOR,
                    accord_domain::Phase::planned(process.parse().unwrap(), kind, start, end, None),
                )
                .await
                .unwrap();
        }
    }
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
        (
            "del@example.org",
            grant(Role::Delegate, Some("trial"), Some("FRA")),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other, del) = (&sessions[0], &sessions[1], &sessions[2]);
    assert_eq!(site.app.process("trial").await.unwrap().current_phase, None);

    // Everyone reads the plan; only the process's secretariat gets forms.
    let decisions = "/processes/trial/phases/negotiation/decisions";
    for who in [None, Some(&other.secret), Some(&del.secret)] {
        let page = send(
            &site,
            page_get(who.map(String::as_str), "/processes/trial/phases"),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("id=\"phase-negotiation\""),
            "{}",
            page.body
        );
        assert!(!page.body.contains(decisions), "no forms for this reader");
    }
    let page = send(
        &site,
        page_get(Some(&sec.secret), "/processes/trial/phases"),
    )
    .await;
    assert!(page.body.contains(&format!("action=\"{decisions}\"")));
    assert!(
        page.body.contains("aria-current=\"page\""),
        "the process bar marks the overview"
    );

    // Another process's secretariat and a delegate are refused; nothing changes.
    for who in [other, del] {
        let refused = send(
            &site,
            form_post(
                &who.secret,
                decisions,
                format!("csrf={}&decision=open&on={today}", who.csrf),
            ),
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }

    // Opening tomorrow is refused: the form comes back open, as typed.
    let again = send(
        &site,
        form_post(
            &sec.secret,
            decisions,
            format!(
                "csrf={}&decision=open&on={}&reason=The+zero+draft+is+out",
                sec.csrf,
                day(1)
            ),
        ),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    assert!(
        again.body.contains(&format!("value=\"{}\"", day(1))),
        "the day typed stays"
    );
    assert!(
        again.body.contains("value=\"The zero draft is out\""),
        "the reason typed stays"
    );
    assert!(
        again.body.contains("id=\"open-negotiation-on-error\""),
        "the message beside the day"
    );
    assert!(again.body.contains("<details open>"), "the form stays open");
    assert!(site.app.phase_history("trial").await.unwrap().is_empty());

    // Opened today: the negotiation runs now, and the page says so.
    let done = send(
        &site,
        form_post(
            &sec.secret,
            decisions,
            format!(
                "csrf={}&decision=open&on={today}&reason=The+zero+draft+is+out",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        "/processes/trial/phases?done=phase-opened#phase-negotiation"
    );
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(
        page.body
            .contains("<p class=\"flash\" role=\"status\">The phase was opened.</p>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("The zero draft is out"));
    let trial = site.app.process("trial").await.unwrap();
    assert_eq!(trial.current_phase, Some(PhaseKind::Negotiation));
    assert_eq!(site.app.process("other").await.unwrap().current_phase, None);

    // The API: the plan and the facts side by side, and the history.
    let list = send(&site, page_get(None, "/api/v1/processes/trial/phases")).await;
    assert_eq!(list.status, StatusCode::OK);
    let json = list.json();
    let negotiation = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "negotiation")
        .unwrap()
        .clone();
    assert_eq!(negotiation["start_date"], day(30).to_string());
    assert_eq!(negotiation["opened_on"], today.to_string());
    assert_eq!(negotiation["starts"], today.to_string());
    assert_eq!(json["current_phase"], "negotiation");
    assert_eq!(json["history"][0]["kind"], "opened");
    assert_eq!(json["history"][0]["by"], "Amina Secretary");
    let elsewhere = send(&site, page_get(None, "/api/v1/processes/other/phases")).await;
    assert_eq!(elsewhere.json()["history"], json!([]));

    // An extension without its last day is refused as JSON, naming the field.
    let json_post = |body: Value| {
        Request::post(decisions.replace("/processes/", "/api/v1/processes/"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, format!("accord_session={}", sec.secret))
            .header("x-csrf-token", &sec.csrf)
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let refused = send(
        &site,
        json_post(json!({ "decision": "extend", "reason": "More rounds" })),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.json()["message"]
        .as_str()
        .unwrap()
        .starts_with("until:"));
    let closed = send(&site, json_post(json!({ "decision": "close" }))).await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.body);
    assert_eq!(closed.json()["kind"], "closed");
    let twice = send(&site, json_post(json!({ "decision": "close" }))).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.json()["error"], "phase_closed");

    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("phase.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &accord_app::PageRequest::first(10),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.record.action)
        .filter(|a| a != "phase.create")
        .collect();
    assert_eq!(audit, ["phase.close", "phase.open"]);
}

/// The meeting desk in the portal: postponed and cancelled through the
/// forms, the history and the cancellation shown on the meeting's page, in
/// the list and in the calendar feed, a confirmation once on the next page,
/// a refused form keeping what was typed; the other process's secretariat
/// and a delegate are refused the desk.
async fn the_secretariat_postpones_and_cancels_a_meeting_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
        (
            "del@example.org",
            grant(Role::Delegate, Some("trial"), Some("FRA")),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other, del) = (&sessions[0], &sessions[1], &sessions[2]);
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let desk = format!("/processes/trial/meetings/{meeting}/edit");
    for (who, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(&other.secret), StatusCode::FORBIDDEN),
        (Some(&del.secret), StatusCode::FORBIDDEN),
    ] {
        let page = send(&site, page_get(who.map(String::as_str), &desk)).await;
        assert_eq!(page.status, status, "{desk}");
    }
    let refused = send(
        &site,
        form_post(
            &other.secret,
            &format!("/processes/trial/meetings/{meeting}/cancel"),
            format!("csrf={}&reason=Not+mine", other.csrf),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let page = send(&site, page_get(Some(&sec.secret), &desk)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("id=\"postpone-meeting\""),
        "{}",
        page.body
    );

    // A postponement with the end before the start comes back, as typed.
    let again = send(
        &site,
        form_post(
            &sec.secret,
            &format!("/processes/trial/meetings/{meeting}/postpone"),
            format!(
                "csrf={}&start_date=2030-07-19&end_date=2030-07-10&reason=Hall+needed",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    assert!(
        again.body.contains("value=\"2030-07-19\""),
        "the dates typed stay"
    );
    assert!(
        again.body.contains("value=\"Hall needed\""),
        "the reason typed stays"
    );
    assert!(again.body.contains("role=\"alert\""));
    let unchanged = site.app.meeting(&OPERATOR, "trial", meeting).await.unwrap();
    assert!(
        unchanged.history.is_empty(),
        "a refused form changes nothing"
    );

    let done = send(
        &site,
        form_post(
            &sec.secret,
            &format!("/processes/trial/meetings/{meeting}/postpone"),
            format!(
                "csrf={}&start_date=2030-07-19&end_date=2030-07-20&reason=The+hall+is+needed",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        format!("/processes/trial/meetings/{meeting}?done=meeting-postponed")
    );
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(
        page.body
            .contains("<p class=\"flash\" role=\"status\">The meeting was postponed.</p>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Postponed from "), "{}", page.body);
    assert!(page.body.contains("The hall is needed"));
    // The confirmation is on that page only, and only ours.
    let plain = send(
        &site,
        page_get(
            Some(&sec.secret),
            &format!("/processes/trial/meetings/{meeting}"),
        ),
    )
    .await;
    assert!(!plain.body.contains("role=\"status\""));
    let crafted = send(
        &site,
        page_get(
            None,
            &format!(
                "/processes/trial/meetings/{meeting}?done=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            ),
        ),
    )
    .await;
    assert_eq!(crafted.status, StatusCode::OK);
    assert!(!crafted.body.contains("class=\"flash\""));
    assert!(!crafted.body.contains("<script>alert"));

    let done = send(
        &site,
        form_post(
            &sec.secret,
            &format!("/processes/trial/meetings/{meeting}/cancel"),
            format!("csrf={}&reason=Agreed+under+silence", sec.csrf),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = send(
        &site,
        page_get(None, &format!("/processes/trial/meetings/{meeting}")),
    )
    .await;
    assert!(
        page.body.contains("meeting-status-cancelled"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Agreed under silence"));
    let list = send(&site, page_get(None, "/processes/trial/meetings")).await;
    assert!(list.body.contains("status-cancelled"), "{}", list.body);
    let ics = send(&site, page_get(None, "/processes/trial/meetings.ics")).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert_eq!(
        ics.body.matches("STATUS:CANCELLED").count(),
        1,
        "{}",
        ics.body
    );
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/trial/meetings/{meeting}")),
    )
    .await
    .json();
    assert_eq!(api["status"], "cancelled");
    assert_eq!(api["history"][0]["kind"], "postponed");
    assert_eq!(api["history"][0]["reason"], "The hall is needed");
    assert_eq!(api["history"][1]["kind"], "cancelled");
    assert_eq!(api["history"][1]["by"], "Amina Secretary");
    // A cancelled meeting takes no further change: the desk says so.
    let page = send(&site, page_get(Some(&sec.secret), &desk)).await;
    assert!(!page.body.contains("id=\"postpone-meeting\""));
    let refused = send(
        &site,
        form_post(
            &sec.secret,
            &format!("/processes/trial/meetings/{meeting}/cancel"),
            format!("csrf={}&reason=Again", sec.csrf),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("meeting.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&format!("meeting:{meeting}")))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(
        audit,
        ["meeting.cancel", "meeting.postpone", "meeting.create"]
    );
}

/// A cancelled meeting reinstated through the desk's form (the other
/// process's secretariat refused, a form without a reason back on the same
/// page), the confirmation and the history on the meeting's page; then the
/// edit form carries the title's translations, which the meeting's page
/// shows in the reader's language and the API returns.
async fn the_secretariat_reinstates_a_meeting_and_translates_its_title_in_the_portal(
    db: TestDatabase,
) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other) = (&sessions[0], &sessions[1]);
    // A meeting of its own (the trial's first has statements under an item).
    let meeting = site
        .app
        .add_meeting(
            &OPERATOR,
            accord_domain::NewMeeting {
                title_translations: Default::default(),
                process: "trial".parse().unwrap(),
                slug: "to-reinstate".parse().unwrap(),
                kind: accord_domain::MeetingKind::NegotiationRound,
                number: None,
                title: "A round to reinstate".into(),
                start_date: "2031-05-01".parse().unwrap(),
                end_date: "2031-05-02".parse().unwrap(),
                venue: None,
                chairs: vec![],
                agenda: vec![],
                themes: vec![],
                note: None,
            },
        )
        .await
        .unwrap();
    site.app
        .cancel_meeting(&OPERATOR, "trial", meeting, "No quorum")
        .await
        .unwrap();
    let desk = format!("/processes/trial/meetings/{meeting}/edit");
    let reinstate = format!("/processes/trial/meetings/{meeting}/reinstate");
    let page = send(&site, page_get(Some(&sec.secret), &desk)).await;
    assert!(
        page.body.contains("id=\"reinstate-meeting\""),
        "{}",
        page.body
    );
    assert!(!page.body.contains("id=\"edit-meeting\""));

    let refused = send(
        &site,
        form_post(
            &other.secret,
            &reinstate,
            format!("csrf={}&reason=Not+mine", other.csrf),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let again = send(
        &site,
        form_post(
            &sec.secret,
            &reinstate,
            format!("csrf={}&reason=", sec.csrf),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(
        again.body.contains("id=\"reinstate-meeting\""),
        "the same page"
    );
    assert!(again.body.contains("role=\"alert\""));
    let unchanged = site.app.meeting(&OPERATOR, "trial", meeting).await.unwrap();
    assert_eq!(
        unchanged.meeting.status,
        accord_domain::MeetingStatus::Cancelled
    );
    assert_eq!(unchanged.history.len(), 1, "refusals change nothing");

    let done = send(
        &site,
        form_post(
            &sec.secret,
            &reinstate,
            format!("csrf={}&reason=Quorum+reached+after+all", sec.csrf),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        format!("/processes/trial/meetings/{meeting}?done=meeting-reinstated")
    );
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(
        page.body
            .contains("<p class=\"flash\" role=\"status\">The meeting was reinstated.</p>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("meeting-status-cancelled"));
    assert!(
        page.body.contains("<strong>Reinstated</strong>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Quorum reached after all"));

    // The edit form now, with the title's translations.
    let page = send(&site, page_get(Some(&sec.secret), &desk)).await;
    assert!(page.body.contains("name=\"title_translations[fr]\""));
    let m = site
        .app
        .meeting(&OPERATOR, "trial", meeting)
        .await
        .unwrap()
        .meeting;
    let edit = |fr: &str, es: &str| {
        format!(
            "csrf={}&title={}&title_translations[fr]={fr}&title_translations[es]={es}\
             &start_date={}&end_date={}",
            sec.csrf,
            m.title.replace(' ', "+"),
            m.start_date,
            m.end_date
        )
    };
    let done = send(
        &site,
        form_post(
            &sec.secret,
            &desk,
            edit("R%C3%A9union+d%27essai", "Reuni%C3%B3n+de+prueba"),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let french = send(
        &site,
        Request::get(format!("/processes/trial/meetings/{meeting}"))
            .header(header::ACCEPT_LANGUAGE, "fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        french
            .body
            .contains("lang=\"fr\" dir=\"ltr\">Réunion d&#39;essai</h1>"),
        "{}",
        french.body
    );
    // The Spanish one taken away again: the set is replaced whole.
    let done = send(
        &site,
        form_post(&sec.secret, &desk, edit("R%C3%A9union+d%27essai", "")),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/trial/meetings/{meeting}")),
    )
    .await
    .json();
    assert_eq!(
        api["title_translations"],
        json!({ "fr": "Réunion d'essai" })
    );
    let kinds: Vec<&str> = api["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["cancelled", "reinstated", "edited", "edited"]);
    assert_eq!(
        api["history"][3]["changes"][0]["field"],
        "title_translations"
    );
    assert_eq!(
        api["history"][3]["changes"][0]["before"],
        "fr: Réunion d'essai\nes: Reunión de prueba"
    );
    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("meeting.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&format!("meeting:{meeting}")))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(
        audit,
        [
            "meeting.edit",
            "meeting.edit",
            "meeting.reinstate",
            "meeting.cancel",
            "meeting.create"
        ]
    );
}

/// The process's desk in the portal: the other process's secretariat and a
/// delegate refused; a correction with a mistake back on the same page as
/// typed, with the message; then the correction, shown on
/// the process page (its title, its history) and in the API, audited once.
async fn the_secretariat_corrects_its_process_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
        (
            "del@example.org",
            grant(Role::Delegate, Some("trial"), Some("FRA")),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other, del) = (&sessions[0], &sessions[1], &sessions[2]);
    let desk = "/processes/trial/edit";
    for (who, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(&other.secret), StatusCode::FORBIDDEN),
        (Some(&del.secret), StatusCode::FORBIDDEN),
    ] {
        let page = send(&site, page_get(who.map(String::as_str), desk)).await;
        assert_eq!(page.status, status, "{desk}");
    }
    let before = site.app.process("trial").await.unwrap().process;
    let form = |resolver: &str| {
        let mut body = format!(
            "csrf={}&title=A+trial+compact+(corrected)&title_translations[fr]=Un+pacte+d%27essai\
             &mandate=A%2FRES%2F71%2F280&record_resolver={resolver}&reason=As+issued",
            sec.csrf
        );
        for l in &before.languages {
            body += &format!("&languages[]={l}");
        }
        for k in &before.meeting_kinds {
            body += &format!("&meeting_kinds[]={k}");
        }
        body
    };
    let refused = send(&site, form_post(&other.secret, desk, form(""))).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let page = send(
        &site,
        page_get(Some(&sec.secret), "/processes/trial/manage"),
    )
    .await;
    assert!(
        page.body.contains(&format!("href=\"{desk}\"")),
        "the desk is linked"
    );
    let page = send(&site, page_get(Some(&sec.secret), desk)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("value=\"{}\"", before.title)),
        "the form reads as the process does"
    );
    assert!(
        page.body.contains("<code>trial</code>"),
        "the slug is shown, not edited"
    );

    let again = send(
        &site,
        form_post(
            &sec.secret,
            desk,
            form("http%3A%2F%2Fundocs.org%2F%7Bsymbol%7D"),
        ),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    assert!(
        again.body.contains("action=\"/processes/trial/edit\""),
        "the same page"
    );
    assert!(
        again.body.contains("value=\"A trial compact (corrected)\""),
        "what was typed stays"
    );
    assert!(
        again.body.contains("value=\"Un pacte d&#x27;essai\"")
            || again.body.contains("value=\"Un pacte d&#39;essai\""),
        "{}",
        again.body
    );
    assert!(
        again.body.contains("an https:// address"),
        "the message is shown"
    );
    assert_eq!(
        site.app.process("trial").await.unwrap().process,
        before,
        "nothing stored"
    );

    let done = send(&site, form_post(&sec.secret, desk, form(""))).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.headers[header::LOCATION].to_str().unwrap(),
        "/processes/trial?done=process-edited"
    );
    let page = send(
        &site,
        page_get(None, "/processes/trial?done=process-edited"),
    )
    .await;
    assert!(page.body.contains("A trial compact (corrected)"));
    assert!(page.body.contains("The process was corrected."));
    assert!(
        page.body.contains("id=\"history-h\""),
        "its history is shown"
    );
    assert!(page.body.contains("As issued"));
    let api = send(&site, page_get(None, "/api/v1/processes/trial")).await;
    let history = &api.json()["history"];
    assert_eq!(history.as_array().unwrap().len(), 1, "{}", api.body);
    assert_eq!(history[0]["kind"], "edited");
    assert_eq!(history[0]["by"], "Amina Secretary");
    assert!(history[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "title" && c["after"] == "A trial compact (corrected)"));
    assert_eq!(api.json()["slug"], "trial");
    assert_eq!(
        send(&site, page_get(None, "/api/v1/processes/other"))
            .await
            .json()["history"],
        json!([])
    );
    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("process.edit".into()),
                account: None,
                process: None,
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.record.targets.join(" "))
        .collect();
    assert_eq!(audit, ["process:trial"]);
}

/// A document's desk in the portal: the other process's secretariat and a
/// delegate refused; an edit with a mistake back on the same page as typed;
/// an edit, then a withdrawal with its reason; the document's page marks
/// it withdrawn with the reason and its history, the list leaves it out,
/// A theme's desk in the portal: the other process's secretariat and a
/// delegate refused; an edit with a mistake back on the same page as typed;
/// an edit, then a withdrawal with its reason; the desk shows the history,
/// the process page marks the theme withdrawn, the statement's form no
/// longer offers it while the recommendation filed under it keeps it,
/// marked; the API says so; each step audited.
async fn the_secretariat_edits_and_withdraws_a_theme_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
        (
            "del@example.org",
            grant(Role::Delegate, Some("trial"), Some("FRA")),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other, del) = (&sessions[0], &sessions[1], &sessions[2]);
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    site.app
        .mark_recommendation(
            &OPERATOR,
            accord_domain::NewRecommendation {
                process: "trial".parse().unwrap(),
                source: accord_domain::ItemKind::Statement,
                source_id: statement,
                language: accord_domain::Language::En,
                passage: "States should protect the rights of all migrants.".into(),
                themes: vec!["topic-a".parse().unwrap()],
            },
        )
        .await
        .unwrap();
    let desk = "/processes/trial/themes/topic-a/edit";
    let withdraw = "/processes/trial/themes/topic-a/withdraw";
    for (who, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(&other.secret), StatusCode::FORBIDDEN),
        (Some(&del.secret), StatusCode::FORBIDDEN),
    ] {
        let page = send(&site, page_get(who.map(String::as_str), desk)).await;
        assert_eq!(page.status, status, "{desk}");
    }
    for (who, csrf) in [(&other.secret, &other.csrf), (&del.secret, &del.csrf)] {
        let refused = send(
            &site,
            form_post(who, withdraw, format!("csrf={csrf}&reason=Not+mine")),
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let unknown = send(
        &site,
        page_get(Some(&sec.secret), "/processes/trial/themes/topic-z/edit"),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let process = send(&site, page_get(Some(&sec.secret), "/processes/trial")).await;
    assert!(
        process.body.contains(&format!("href=\"{desk}\"")),
        "the desk is linked from the process's themes"
    );
    let public = send(&site, page_get(None, "/processes/trial")).await;
    assert!(!public.body.contains(&format!("href=\"{desk}\"")));
    let page = send(&site, page_get(Some(&sec.secret), desk)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("value=\"Rights of migrants\""),
        "{}",
        page.body
    );

    let edit = |number: &str| {
        format!(
            "csrf={}&title=Human+rights+of+all+migrants&number={number}&reason=As+adopted",
            sec.csrf
        )
    };
    let again = send(&site, form_post(&sec.secret, desk, edit("first"))).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("id=\"edit-theme\""), "the same page");
    assert!(
        again
            .body
            .contains("value=\"Human rights of all migrants\""),
        "what was typed stays"
    );
    assert!(again.body.contains("value=\"first\""));
    let done = send(&site, form_post(&sec.secret, desk, edit("1"))).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.headers[header::LOCATION].to_str().unwrap(),
        "/processes/trial/themes/topic-a/edit?done=theme-edited"
    );

    let again = send(
        &site,
        form_post(&sec.secret, withdraw, format!("csrf={}&reason=+", sec.csrf)),
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("id=\"withdraw-theme\""));
    let done = send(
        &site,
        form_post(
            &sec.secret,
            withdraw,
            format!("csrf={}&reason=Merged+into+topic+B", sec.csrf),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        "/processes/trial/themes/topic-a/edit?done=theme-withdrawn"
    );
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(
        page.body
            .contains("<p class=\"flash\" role=\"status\">The theme was withdrawn.</p>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Merged into topic B"));
    assert!(!page.body.contains("id=\"edit-theme\""), "no more forms");
    assert!(page.body.contains("As adopted"), "the history");
    // The process page marks it; the statement's form no longer offers it,
    // while the recommendation filed under it keeps it, marked withdrawn.
    let process = send(&site, page_get(None, "/processes/trial")).await;
    assert!(process.body.contains("Human rights of all migrants"));
    assert!(process.body.contains("theme-withdrawn"), "{}", process.body);
    let page = send(
        &site,
        page_get(
            Some(&sec.secret),
            &format!("/processes/trial/statements/{statement}"),
        ),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("name=\"themes[]\" value=\"topic-a\""),
        "not offered for choosing"
    );
    assert!(
        page.body.contains("recommendations?theme=topic-a"),
        "still on what was filed under it"
    );
    assert!(page.body.contains("theme-withdrawn"));
    let api = send(&site, page_get(None, "/api/v1/processes/trial/themes"))
        .await
        .json();
    let theme = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "topic-a")
        .unwrap()
        .clone();
    assert_eq!(theme["withdrawn_reason"], "Merged into topic B");
    assert_eq!(theme["title"], "Human rights of all migrants");
    // A withdrawn theme takes no further change, nor anything new filed under it.
    let refused = send(&site, form_post(&sec.secret, desk, edit("2"))).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    let token = bearer(
        &site,
        "api@example.org",
        &[grant(Role::Secretariat, Some("trial"), None)],
    )
    .await;
    let refused = send(
        &site,
        Request::builder()
            .method("POST")
            .uri("/api/v1/processes/trial/recommendations")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({
                    "source": "statement", "source_id": statement, "language": "en",
                    "passage": "States should protect the rights of all migrants.",
                    "themes": ["topic-a"]
                })
                .to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert_eq!(refused.json()["error"], "theme_withdrawn");
    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("theme.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&"theme:topic-a".to_owned()))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(audit, ["theme.withdraw", "theme.edit", "theme.create"]);
}

/// the API says so; each step audited.
async fn the_secretariat_edits_and_withdraws_a_document_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
        (
            "del@example.org",
            grant(Role::Delegate, Some("trial"), Some("FRA")),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "Amina Secretary", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other, del) = (&sessions[0], &sessions[1], &sessions[2]);
    let id = site
        .app
        .add_document(
            &OPERATOR,
            accord_domain::NewDocument {
                process: "trial".parse().unwrap(),
                slug: "desk-note".parse().unwrap(),
                symbol: None,
                title: "A note to change".into(),
                kind: accord_domain::DocumentKind::ConceptNote,
                date: "2030-03-01".parse().unwrap(),
                languages: vec![accord_domain::Language::En],
                distribution: accord_domain::Distribution::Public,
                embargo_until: None,
                meeting: None,
            },
        )
        .await
        .unwrap();
    let desk = format!("/processes/trial/documents/{id}/edit");
    let withdraw = format!("/processes/trial/documents/{id}/withdraw");
    for (who, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(&other.secret), StatusCode::FORBIDDEN),
        (Some(&del.secret), StatusCode::FORBIDDEN),
    ] {
        let page = send(&site, page_get(who.map(String::as_str), &desk)).await;
        assert_eq!(page.status, status, "{desk}");
    }
    let refused = send(
        &site,
        form_post(
            &other.secret,
            &withdraw,
            format!("csrf={}&reason=Not+mine", other.csrf),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let page = send(
        &site,
        page_get(
            Some(&sec.secret),
            &format!("/processes/trial/documents/{id}"),
        ),
    )
    .await;
    assert!(
        page.body.contains(&format!("href=\"{desk}\"")),
        "the desk is linked"
    );
    let page = send(&site, page_get(Some(&sec.secret), &desk)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("value=\"A note to change\""),
        "{}",
        page.body
    );

    let edit = |date: &str| {
        format!(
            "csrf={}&title=Concept+note+(corrected)&kind=concept_note&date={date}\
             &languages[]=en&languages[]=fr&distribution=public&symbol=A%2FCONF.231%2F9",
            sec.csrf
        )
    };
    let again = send(&site, form_post(&sec.secret, &desk, edit("soon"))).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("id=\"edit-document\""), "the same page");
    assert!(
        again.body.contains("value=\"Concept note (corrected)\""),
        "what was typed stays"
    );
    assert!(again.body.contains("value=\"soon\""));
    let done = send(&site, form_post(&sec.secret, &desk, edit("2030-03-02"))).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.headers[header::LOCATION].to_str().unwrap(),
        format!("/processes/trial/documents/{id}?done=document-edited")
    );

    let again = send(
        &site,
        form_post(&sec.secret, &withdraw, format!("csrf={}&reason=", sec.csrf)),
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("id=\"withdraw-document\""));
    let done = send(
        &site,
        form_post(
            &sec.secret,
            &withdraw,
            format!("csrf={}&reason=Superseded+by+Rev.1", sec.csrf),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(
        next,
        format!("/processes/trial/documents/{id}?done=document-withdrawn")
    );
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(
        page.body
            .contains("<p class=\"flash\" role=\"status\">The document was withdrawn.</p>"),
        "{}",
        page.body
    );
    // Anyone who may see it still reads it, marked withdrawn with the reason.
    let public = send(
        &site,
        page_get(None, &format!("/processes/trial/documents/{id}")),
    )
    .await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(
        public.body.contains("<strong>Withdrawn</strong>"),
        "{}",
        public.body
    );
    assert!(public.body.contains("Superseded by Rev.1"));
    assert!(public.body.contains("Concept note (corrected)"));
    assert!(
        !public.body.contains(&format!("href=\"{desk}\"")),
        "no desk for the public"
    );
    let list = send(&site, page_get(None, "/processes/trial/documents")).await;
    assert!(
        !list
            .body
            .contains(&format!("/processes/trial/documents/{id}\"")),
        "not listed"
    );
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/trial/documents/{id}")),
    )
    .await
    .json();
    assert_eq!(api["withdrawn_reason"], "Superseded by Rev.1");
    assert_eq!(api["symbol"], "A/CONF.231/9");
    assert_eq!(api["history"][0]["kind"], "edited");
    assert_eq!(api["history"][1]["kind"], "withdrawn");
    assert_eq!(api["history"][1]["by"], "Amina Secretary");
    // A withdrawn document takes no further change.
    let refused = send(&site, form_post(&sec.secret, &desk, edit("2030-03-03"))).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    let audit: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("document.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&format!("document:{id}")))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(
        audit,
        ["document.withdraw", "document.edit", "document.create"]
    );
}

/// Calls for inputs in the portal: the list for everyone, the forms for the
/// process's secretariat only; a call opened with a mistake comes back as
/// typed, then opened, closed with a reason; an input sent after is refused
/// with the closing and the reason; each step audited.
async fn the_secretariat_opens_and_closes_a_call_for_inputs_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("trial"), None),
        ),
        (
            "other@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, "S", PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let (sec, other) = (&sessions[0], &sessions[1]);
    let public = send(&site, page_get(None, "/processes/trial/consultations")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public
        .body
        .contains("href=\"/processes/trial/consultations/online\""));
    assert!(
        !public.body.contains("id=\"open-call\""),
        "no form for the public"
    );
    let theirs = send(
        &site,
        page_get(Some(&other.secret), "/processes/trial/consultations"),
    )
    .await;
    assert!(
        !theirs.body.contains("id=\"open-call\""),
        "nor for another process's secretariat"
    );
    let refused = send(
        &site,
        form_post(
            &other.secret,
            "/processes/trial/consultations",
            format!(
                "csrf={}&slug=theirs&title=Theirs&opens_at=2030-01-01T00%3A00",
                other.csrf
            ),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let again = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/consultations",
            format!(
                "csrf={}&slug=written-inputs&title=Written+inputs+on+Rev.1&opens_at=2020-05-01T09%3A00&closes_at=2020-04-01T09%3A00",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    assert!(
        again.body.contains("value=\"Written inputs on Rev.1\""),
        "typed title kept"
    );
    assert!(
        again.body.contains("value=\"2020-04-01T09:00\""),
        "typed closing kept"
    );
    assert!(again.body.contains("role=\"alert\""));
    let done = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/consultations",
            format!(
                "csrf={}&slug=written-inputs&title=Written+inputs+on+Rev.1&opens_at=2020-05-01T09%3A00&closes_at=2099-04-01T09%3A00",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    let page = send(&site, page_get(Some(&sec.secret), &next)).await;
    assert!(page.body.contains("The call for inputs was opened."));
    assert!(page.body.contains("id=\"call-written-inputs\""));
    assert!(page.body.contains("/consultations/written-inputs/close"));

    let closed = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/consultations/written-inputs/close",
            format!("csrf={}&reason=Rev.2+is+out", sec.csrf),
        ),
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
    let page = send(&site, page_get(None, "/processes/trial/consultations")).await;
    assert!(page.body.contains("Rev.2 is out"), "the reason is public");
    let late = send(
        &site,
        Request::post("/api/v1/processes/trial/consultations/written-inputs/inputs")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({ "language": "en", "text": "Too late?" }).to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert_eq!(late.json()["error"], "consultation_closed");
    assert!(
        late.json()["message"]
            .as_str()
            .unwrap()
            .contains("Rev.2 is out"),
        "{}",
        late.body
    );
    let actions: Vec<String> = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("consultation.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| {
            e.record
                .targets
                .contains(&"consultation:written-inputs".to_owned())
        })
        .map(|e| e.record.action)
        .collect();
    assert_eq!(actions, ["consultation.close", "consultation.open"]);
}

/// An adoption by recorded vote from the portal's form: the counts and each
/// vote's states pasted as lists of codes; a list with a code that is not
/// one comes back with everything typed and the message beside the field;
/// then recorded, confirmed, each pasted state's vote on record and the
/// others "not recorded"; audited.
async fn the_secretariat_records_an_adoption_by_recorded_vote_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let conference = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    adoption_fixtures(&site.app, conference).await;
    // The fixtures' conference has adopted the text already: this vote is
    // taken at a plenary meeting of its own (a meeting adopts a text once).
    let meeting = plenaries(&site.app, conference, 1).await[0];
    let members = site
        .app
        .all_actors(Some(accord_domain::ActorKind::MemberState))
        .await
        .unwrap()
        .len();
    let form = |no: &str| {
        format!(
            "csrf={}&meeting={meeting}&draft=adopted&version=1&title=Adoption+by+vote&adopted_on=2030-06-02\
             &method=recorded_vote&vote%5Bmajority%5D=simple&vote%5Btotals%5D%5Byes%5D={}\
             &vote%5Btotals%5D%5Bno%5D=2&vote%5Btotals%5D%5Babstain%5D=1&vote%5Btotals%5D%5Bnot_voting%5D=0\
             &vote%5Bballots%5D%5Bno%5D={no}&vote%5Bballots%5D%5Babstain%5D=che",
            sec.csrf,
            members - 3
        )
    };
    let again = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/adoptions",
            form("FRA%2C+M%C3%89X"),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.body);
    assert!(again.body.contains("is not a state code"), "{}", again.body);
    assert!(
        again.body.contains("value=\"Adoption by vote\""),
        "the title typed stays"
    );
    assert!(
        again.body.contains(">FRA, MÉX</textarea>"),
        "the list typed stays"
    );
    let done = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/adoptions",
            form("FRA%0D%0Amex"),
        ),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let next = done.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(next.ends_with("?done=adoption-recorded"), "{next}");
    let page = send(&site, page_get(None, &next)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("The adoption was recorded."));
    let id: i64 = next
        .trim_start_matches("/processes/trial/adoptions/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let d = site
        .app
        .adoption(&accord_app::Principal::Anonymous, "trial", id)
        .await
        .unwrap();
    let vote_of = |c: &str| d.rows.iter().find(|r| r.code.as_str() == c).unwrap().vote;
    assert_eq!(
        vote_of("FRA"),
        Some(accord_domain::adoption::VoteChoice::No)
    );
    assert_eq!(
        vote_of("MEX"),
        Some(accord_domain::adoption::VoteChoice::No)
    );
    assert_eq!(
        vote_of("CHE"),
        Some(accord_domain::adoption::VoteChoice::Abstain)
    );
    assert_eq!(d.recorded, 3, "only the pasted states are on record");
    let audit = site
        .app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("adoption.".into()),
                account: None,
                process: Some("trial".parse().unwrap()),
            },
            &Default::default(),
        )
        .await
        .unwrap()
        .items;
    assert!(
        audit
            .iter()
            .any(|e| e.record.targets.contains(&format!("adoption:{id}"))),
        "{audit:?}"
    );
}

fn page_get(session: Option<&str>, uri: &str) -> Request<Body> {
    let mut req = Request::get(uri.to_string());
    if let Some(s) = session {
        req = req.header(header::COOKIE, format!("accord_session={s}"));
    }
    req.body(Body::empty()).unwrap()
}

async fn api_tokens_from_the_account_page(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "fra@example.org",
            "Delegate of France",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let s = site
        .app
        .login("fra@example.org", PASSWORD, "t")
        .await
        .unwrap();
    assert_eq!(
        send(&site, page_get(None, "/account")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let page = send(&site, page_get(Some(&s.secret), "/account")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("fra@example.org"));
    assert!(page.body.contains("Delegate") && page.body.contains(">FRA<"));
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");

    // A forged form creates nothing; bad days are refused with the reason.
    let forged = send(
        &site,
        form_post(
            &s.secret,
            "/account/tokens",
            "csrf=forged&name=x&days=30".into(),
        ),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let bad = send(
        &site,
        form_post(
            &s.secret,
            "/account/tokens",
            format!("csrf={}&name=export&days=4000", s.csrf),
        ),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("1 to 366 days"), "{}", bad.body);
    let principal = site
        .app
        .session(&s.secret)
        .await
        .unwrap()
        .unwrap()
        .principal;
    assert!(site.app.api_tokens(&principal).await.unwrap().is_empty());

    // A token made on the page is shown once, and works as a bearer.
    let made = send(
        &site,
        form_post(
            &s.secret,
            "/account/tokens",
            format!("csrf={}&name=nightly+export&days=30", s.csrf),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(made.headers[header::CACHE_CONTROL], "no-store");
    let secret = between(&made.body, "id=\"new-token\">", "<").to_owned();
    assert!(secret.starts_with("acc_"), "{secret}");
    // The audit log is for the secretariat: a delegate's live token gets
    // 403 (known, not allowed), a dead one 401.
    let audit_as = |token: &str| {
        Request::get("/api/v1/audit")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&site, audit_as(&secret)).await.status,
        StatusCode::FORBIDDEN
    );
    let listed = send(&site, page_get(Some(&s.secret), "/account")).await;
    assert!(listed.body.contains("nightly export"));
    assert!(
        !listed.body.contains(&secret),
        "the secret is never shown again"
    );
    let id = site.app.api_tokens(&principal).await.unwrap()[0].id;
    assert!(listed
        .body
        .contains(&format!("/account/tokens/{id}/revoke")));

    // Revoking from the page: the token stops working at once.
    let revoked = send(
        &site,
        form_post(
            &s.secret,
            &format!("/account/tokens/{id}/revoke"),
            format!("csrf={}", s.csrf),
        ),
    )
    .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        send(&site, audit_as(&secret)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let after = send(&site, page_get(Some(&s.secret), "/account")).await;
    assert!(after.body.contains("Revoked"));
    assert!(!after.body.contains(&format!("/account/tokens/{id}/revoke")));
    // Someone else's token, or none: not found, nothing changes.
    let other = send(
        &site,
        form_post(
            &s.secret,
            "/account/tokens/999999/revoke",
            format!("csrf={}", s.csrf),
        ),
    )
    .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

async fn the_secretariat_creates_accounts_and_reset_links_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "del@example.org",
            "D",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let del = site
        .app
        .login("del@example.org", PASSWORD, "t")
        .await
        .unwrap();
    assert_eq!(
        send(&site, page_get(Some(&del.secret), "/accounts"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let desk = send(&site, page_get(Some(&sec.secret), "/accounts")).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(
        desk.body.contains("href=\"/accounts\""),
        "in the navigation"
    );
    let audit_before = site.app.verify_audit().await.unwrap().unwrap();

    // A delegate cannot create accounts, even by posting the form.
    let refused = send(
        &site,
        form_post(
            &del.secret,
            "/accounts",
            format!(
                "csrf={}&email=new%40example.org&name=N&roles%5B0%5D%5Brole%5D=&roles%5B0%5D%5Bprocess%5D=&roles%5B0%5D%5Bactor%5D=",
                del.csrf
            ),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Bad input: the form again, filled in, with the rule's message.
    for (body, status, needle) in [
        (
            "email=not-an-address&name=Ana&roles%5B0%5D%5Brole%5D=delegate&roles%5B0%5D%5Bprocess%5D=trial&roles%5B0%5D%5Bactor%5D=MEX",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not-an-address&#39;: needs an",
        ),
        (
            "email=del%40example.org&name=Ana&roles%5B0%5D%5Brole%5D=delegate&roles%5B0%5D%5Bprocess%5D=trial&roles%5B0%5D%5Bactor%5D=MEX",
            StatusCode::CONFLICT,
            "del@example.org",
        ),
        (
            "email=ana%40example.org&name=Ana&roles%5B0%5D%5Brole%5D=delegate&roles%5B0%5D%5Bprocess%5D=trial&roles%5B0%5D%5Bactor%5D=ATLANTIS",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ATLANTIS",
        ),
        (
            "email=ana%40example.org&name=Ana&roles%5B0%5D%5Brole%5D=pope&roles%5B0%5D%5Bprocess%5D=trial&roles%5B0%5D%5Bactor%5D=MEX",
            StatusCode::BAD_REQUEST,
            "role",
        ),
    ] {
        let reply = send(
            &site,
            form_post(
                &sec.secret,
                "/accounts",
                format!("csrf={}&{body}", sec.csrf),
            ),
        )
        .await;
        assert_eq!(reply.status, status, "{body}: {}", reply.body);
        assert!(reply.body.contains(needle), "{body}: {}", reply.body);
        assert_eq!(
            reply.headers[header::CACHE_CONTROL],
            "no-store",
            "what was typed about someone is not cached"
        );
        assert!(
            reply.body.contains("value=\"Ana\"") || !body.contains("name=Ana"),
            "what was typed is kept"
        );
    }
    assert!(site
        .app
        .login("ana@example.org", PASSWORD, "t2")
        .await
        .is_err());
    assert_eq!(
        site.app.verify_audit().await.unwrap().unwrap(),
        audit_before,
        "refused forms write nothing"
    );

    // A new account: a link for the person to choose their password.
    let made = send(
        &site,
        form_post(
            &sec.secret,
            "/accounts",
            format!(
                "csrf={}&email=Ana%40Example.org&name=Ana+Delegate&roles%5B0%5D%5Brole%5D=delegate&roles%5B0%5D%5Bprocess%5D=trial&roles%5B0%5D%5Bactor%5D=mex",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(made.headers[header::CACHE_CONTROL], "no-store");
    assert!(made.body.contains("ana@example.org"));
    let link = between(&made.body, "id=\"reset-link\">", "<").to_owned();
    assert!(link.starts_with("/reset-password?token="), "{link}");
    let secret = link.split("token=").nth(1).unwrap();
    site.app
        .reset_password(secret, "ana's own passphrase", "192.0.2.9")
        .await
        .unwrap();
    let ana = site
        .app
        .login("ana@example.org", "ana's own passphrase", "t3")
        .await
        .unwrap();
    assert_eq!(
        ana.account.grants,
        vec![grant(Role::Delegate, Some("trial"), Some("MEX"))]
    );

    // A reset link for an existing account; none for an unknown one.
    let issued = send(
        &site,
        form_post(
            &sec.secret,
            "/accounts/password-resets",
            format!("csrf={}&email=del%40example.org", sec.csrf),
        ),
    )
    .await;
    assert_eq!(issued.status, StatusCode::CREATED);
    let link = between(&issued.body, "id=\"reset-link\">", "<").to_owned();
    site.app
        .reset_password(
            link.split("token=").nth(1).unwrap(),
            "del's new passphrase",
            "192.0.2.9",
        )
        .await
        .unwrap();
    let unknown = send(
        &site,
        form_post(
            &sec.secret,
            "/accounts/password-resets",
            format!("csrf={}&email=nobody%40example.org", sec.csrf),
        ),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("nobody@example.org"));
    assert!(!unknown.body.contains("id=\"reset-link\""));
}

async fn the_consultation_phase_in_the_portal(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    site.app
        .create_account(
            &OPERATOR,
            "fra@example.org",
            "F",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let fra = site
        .app
        .login("fra@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;

    // A delegate adds a statement from the meeting page, restricted to member states.
    let page = send(
        &site,
        page_get(
            Some(&fra.secret),
            &format!("/processes/trial/meetings/{meeting}"),
        ),
    )
    .await;
    assert!(page.body.contains("action=\"/processes/trial/statements\""));
    assert!(page
        .body
        .contains(&format!("name=\"meeting\" value=\"{meeting}\"")));
    let made = send(
        &site,
        form_post(
            &fra.secret,
            "/processes/trial/statements",
            format!(
                "csrf={}&meeting={meeting}&actor=FRA&on_behalf_of=&title=Statement+by+France&delivered_on=2030-06-01\
                 &distribution=restricted&texts%5B0%5D%5Blanguage%5D=fr&texts%5B0%5D%5Btext%5D=Monsieur+le+Pr%C3%A9sident%2C%0A%0ALes+%C3%89tats+devraient+prot%C3%A9ger+les+migrants.",
                fra.csrf
            ),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let url = made.headers[header::LOCATION].to_str().unwrap().to_owned();
    let id: i64 = url.rsplit('/').next().unwrap().parse().unwrap();
    // Forged, or for another state: refused, nothing added.
    let forged = send(
        &site,
        form_post(
            &fra.secret,
            "/processes/trial/statements",
            format!("csrf=forged&meeting={meeting}&actor=FRA&title=x&delivered_on=2030-06-01&distribution=public"),
        ),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let other = send(
        &site,
        form_post(
            &fra.secret,
            "/processes/trial/statements",
            format!("csrf={}&meeting={meeting}&actor=DEU&title=x&delivered_on=2030-06-01&distribution=public", fra.csrf),
        ),
    )
    .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);

    // The public never sees it, anywhere; the delegate and the secretariat do.
    let public_meeting = send(
        &site,
        page_get(None, &format!("/processes/trial/meetings/{meeting}")),
    )
    .await;
    assert!(!public_meeting.body.contains("Statement by France"));
    assert_eq!(
        send(&site, page_get(None, &url)).await.status,
        StatusCode::NOT_FOUND
    );
    let api = send(&site, page_get(None, "/api/v1/processes/trial/statements")).await;
    assert!(!api.body.contains("Statement by France"), "{}", api.body);
    let seen = send(&site, page_get(Some(&fra.secret), &url)).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen
        .body
        .contains("Les États devraient protéger les migrants."));
    assert!(seen.body.contains("Member states only"));

    // The secretariat marks a recommendation; it is highlighted in the text.
    let marked = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/recommendations",
            format!(
                "csrf={}&source=statement&source_id={id}&language=fr&passage=Les+%C3%89tats+devraient+prot%C3%A9ger+les+migrants.",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
    let missing = send(
        &site,
        form_post(
            &sec.secret,
            "/processes/trial/recommendations",
            format!(
                "csrf={}&source=statement&source_id={id}&language=fr&passage=Construire+des+murs.",
                sec.csrf
            ),
        ),
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("does not stand in the source"));
    assert!(
        missing.body.contains(">Construire des murs.</textarea>"),
        "the passage typed is kept"
    );
    let seen = send(&site, page_get(Some(&fra.secret), &url)).await;
    assert!(seen.body.contains("<mark id=\"rec-"), "{}", seen.body);
    let listed = send(&site, page_get(None, "/processes/trial/recommendations")).await;
    assert!(
        !listed.body.contains("devraient"),
        "its source is restricted"
    );
    let listed = send(
        &site,
        page_get(Some(&fra.secret), "/processes/trial/recommendations"),
    )
    .await;
    assert!(listed.body.contains("devraient"));

    // The public input form: the double-submit token, then the input, published.
    let call = send(
        &site,
        page_get(None, "/processes/trial/consultations/online"),
    )
    .await;
    assert_eq!(call.status, StatusCode::OK);
    let token = call
        .cookie("accord_form")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("accord_form=")
        .to_owned();
    let send_input = |csrf: &str, text: &str| {
        Request::post("/processes/trial/consultations/online/inputs")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("accord_form={token}"))
            .body(Body::from(format!(
                "csrf={csrf}&author=&organisation=A+test+network&country=CHE&language=&text={text}"
            )))
            .unwrap()
    };
    assert_eq!(
        send(&site, send_input("forged", "Hello")).await.status,
        StatusCode::FORBIDDEN
    );
    // A text left blank is a field left out: refused, naming it.
    let refused = send(&site, send_input(&token, "")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(
        refused.body.contains("missing field `text`"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("A test network"),
        "what was typed is kept"
    );
    let sent = send(
        &site,
        send_input(
            &token,
            "Migrants+should+have+access+to+basic+services+whatever+their+status%2C+and+%3Cscript%3Ealert(1)%3C%2Fscript%3E.",
        ),
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let input_url = sent.headers[header::LOCATION].to_str().unwrap().to_owned();
    let shown = send(&site, page_get(None, &input_url)).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("A test network"));
    assert!(shown.body.contains("English"), "the language was detected");
    assert!(shown.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!shown.body.contains("<script>alert"));
    let call = send(
        &site,
        page_get(None, "/processes/trial/consultations/online"),
    )
    .await;
    assert!(call.body.contains(&input_url));

    // Search: the restricted statement is in nobody's results but the member
    // states' and the secretariat's — not in hits, totals or facet counts.
    let api = |session: Option<&str>| {
        let session = session.map(str::to_owned);
        let site = &site;
        async move {
            send(
                site,
                page_get(
                    session.as_deref(),
                    "/api/v1/search?q=migrants&process=trial",
                ),
            )
            .await
            .json()
        }
    };
    let public = api(None).await;
    assert_eq!(
        public["total"], 3,
        "the note, the public statement, the input: {public}"
    );
    assert!(!public.to_string().contains("Statement by France"));
    assert!(public["facets"]["language"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["value"] != "fr"));
    let delegate = api(Some(&fra.secret)).await;
    assert_eq!(
        delegate["total"], 5,
        "and the statement and its recommendation: {delegate}"
    );
    assert!(delegate.to_string().contains("Statement by France"));
    let page = send(&site, page_get(None, "/search?q=migrants&process=trial")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<mark>"), "{}", page.body);
    assert!(
        page.body.contains("&lt;script&gt;"),
        "the snippet is escaped"
    );
    assert!(!page.body.contains("Statement by France"));
    // The actor facet names states in the reader's language.
    let facets = |body: &str| between(body, "class=\"column-side facets\"", "</aside>").to_owned();
    assert!(
        facets(&page.body).contains("<span lang=\"en\" dir=\"ltr\">France</span>"),
        "{}",
        facets(&page.body)
    );
    let spanish = send(
        &site,
        Request::get("/search?q=migrants&process=trial")
            .header("accept-language", "es")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        facets(&spanish.body).contains("<span lang=\"es\" dir=\"ltr\">Francia</span>"),
        "{}",
        facets(&spanish.body)
    );
    let bad = send(&site, page_get(None, "/api/v1/search?q=x&colour=red")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

async fn files_go_up_and_come_down_byte_for_byte(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("trial"), None)],
    )
    .await;
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    let put = |path: String, body: Vec<u8>| {
        Request::put(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(body))
            .unwrap()
    };
    let html = "<html><body><h1>Déclaration</h1><p>Les États doivent protéger tous les migrants.</p><script>alert(1)</script></body></html>";
    let up = send(
        &site,
        put(
            format!("/api/v1/processes/trial/statements/{statement}/files/detect?filename=d%C3%A9claration%20FR.html"),
            html.as_bytes().to_vec(),
        ),
    )
    .await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.body);
    assert_eq!(up.json()["language"], "fr");
    let url = up.json()["url"].as_str().unwrap().to_owned();
    assert_eq!(
        url,
        format!("/processes/trial/statements/{statement}/files/fr")
    );

    // Served byte for byte, as an attachment, sandboxed: never run in our origin.
    let down = send(&site, page_get(None, &url)).await;
    assert_eq!(down.status, StatusCode::OK);
    assert_eq!(down.body, html);
    assert_eq!(
        down.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let disposition = down.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''d%C3%A9claration%20FR.html"),
        "{disposition}"
    );
    assert!(down.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("sandbox"));
    let page = send(
        &site,
        page_get(None, &format!("/processes/trial/statements/{statement}")),
    )
    .await;
    assert!(page
        .body
        .contains("Les États doivent protéger tous les migrants."));
    assert!(!page.body.contains("alert(1)"));
    assert!(
        page.body.contains("<h3>Déclaration</h3>"),
        "the file's heading is shown as a heading"
    );

    // Bad uploads: each its own status, nothing stored.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    for (body, lang, status) in [
        (vec![], "en", StatusCode::UNPROCESSABLE_ENTITY),
        (png, "en", StatusCode::UNSUPPORTED_MEDIA_TYPE),
        (b"x".to_vec(), "xx", StatusCode::BAD_REQUEST),
    ] {
        let reply = send(
            &site,
            put(
                format!("/api/v1/processes/trial/statements/{statement}/files/{lang}"),
                body,
            ),
        )
        .await;
        assert_eq!(reply.status, status, "{}", reply.body);
    }
    let small = site.app.clone().as_ref().clone().with_upload_limits(64, 64);
    let limited = accord_web::router(std::sync::Arc::new(small));
    let reply = limited
        .oneshot(put(
            format!("/api/v1/processes/trial/statements/{statement}/files/en"),
            vec![b'a'; 1000],
        ))
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        site.app
            .statement(&OPERATOR, "trial", statement)
            .await
            .unwrap()
            .texts
            .len(),
        2,
        "the typed English text and the French file, nothing else"
    );

    // The portal's multipart form.
    let sec = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let boundary = "XaccordX";
    let multipart = |csrf: &str| {
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nes\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"es.md\"\r\nContent-Type: text/markdown\r\n\r\n\
             # Declaración\n\nLos Estados deben proteger a todos los migrantes.\r\n--{boundary}--\r\n"
        );
        Request::post(format!("/processes/trial/statements/{statement}/files"))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("accord_session={}", sec.secret))
            .body(Body::from(body))
            .unwrap()
    };
    assert_eq!(
        send(&site, multipart("forged")).await.status,
        StatusCode::FORBIDDEN
    );
    let sent = send(&site, multipart(&sec.csrf)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = send(
        &site,
        page_get(
            Some(&sec.secret),
            &format!("/processes/trial/statements/{statement}"),
        ),
    )
    .await;
    assert!(page
        .body
        .contains("Los Estados deben proteger a todos los migrantes."));
    assert!(page.body.contains("enctype=\"multipart/form-data\""));

    // A document's file, from the documents page's form; then its download link.
    let document = site.app.all_documents(&OPERATOR, "trial").await.unwrap()[0].id;
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\n{document}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\n\
         A note to member states about migration.\r\n--{boundary}--\r\n",
        sec.csrf
    );
    let sent = send(
        &site,
        Request::post("/processes/trial/document-files")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("accord_session={}", sec.secret))
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let listed = send(&site, page_get(None, "/processes/trial/documents")).await;
    let link = format!("/processes/trial/documents/{document}/files/en");
    assert!(listed.body.contains(&link), "{}", listed.body);
    let file = send(&site, page_get(None, &link)).await;
    assert_eq!(file.body, "A note to member states about migration.");
}

/// Issue 16, item 5: a document's own page — its metadata, each language's
/// file and text (folded, in its language and direction), its meeting, its
/// official record by symbol through the process's resolver — and a
/// restricted document is not found for a reader who may not see it.
async fn a_document_has_its_own_page(db: TestDatabase) {
    use accord_domain::{Distribution, ItemKind, Language};
    let site = site_with(db, false).await;
    let app = &site.app;
    let meeting = app.all_meetings("trial", None).await.unwrap()[0].clone();
    let mut doc = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0]
        .document
        .clone();
    doc.process = "trial".parse().unwrap();
    doc.slug = "outcome".parse().unwrap();
    doc.symbol = Some("A/TRIAL/2018/3".parse().unwrap());
    doc.meeting = Some(meeting.slug.clone());
    doc.title = "Outcome of the conference".into();
    doc.languages = vec![Language::En, Language::Fr, Language::Ar];
    doc.distribution = Distribution::Public;
    doc.embargo_until = None;
    let id = app.add_document(&OPERATOR, doc.clone()).await.unwrap();
    for (language, name, text) in [
        (Language::En, "outcome-en.txt", "States agree to cooperate."),
        (
            Language::Fr,
            "outcome-fr.txt",
            "Les États conviennent de coopérer.",
        ),
        (Language::Ar, "outcome-ar.txt", "تتفق الدول على التعاون."),
    ] {
        app.upload(
            &OPERATOR,
            "trial",
            ItemKind::Document,
            id,
            accord_app::files::Upload {
                filename: name.into(),
                bytes: text.as_bytes().to_vec(),
                language: Some(language),
            },
        )
        .await
        .unwrap();
    }
    let page = send(
        &site,
        page_get(None, &format!("/processes/trial/documents/{id}")),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = &page.body;
    for (language, dir, name, text) in [
        ("en", "ltr", "outcome-en.txt", "States agree to cooperate."),
        (
            "fr",
            "ltr",
            "outcome-fr.txt",
            "Les États conviennent de coopérer.",
        ),
        ("ar", "rtl", "outcome-ar.txt", "تتفق الدول على التعاون."),
    ] {
        let link = format!("href=\"/processes/trial/documents/{id}/files/{language}\" download");
        assert!(body.contains(&link), "{language} file link in {body}");
        assert!(body.contains(name));
        // The text is there, folded, marked with its language and direction.
        let text_at = body.find(text).unwrap_or_else(|| panic!("{language} text"));
        let before = &body[..text_at];
        let details = before.rfind("<details class=\"extracted-text\">").unwrap();
        assert!(!before[details..].contains(" open"), "folded by default");
        assert!(before[details..].contains(&format!("lang=\"{language}\" dir=\"{dir}\"")));
    }
    assert!(body.contains("text/plain"), "the file's type");
    assert!(body.contains(&format!(
        "href=\"/processes/trial/meetings/{}\"",
        meeting.id
    )));
    assert!(
        body.contains("href=\"https://undocs.org/A/TRIAL/2018/3\""),
        "{body}"
    );
    // The API read says the same.
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/trial/documents/{id}")),
    )
    .await;
    assert_eq!(api.status, StatusCode::OK);
    let v: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(v["official_record"], "https://undocs.org/A/TRIAL/2018/3");
    assert_eq!(v["meeting_id"], meeting.id);
    assert_eq!(v["texts"].as_array().unwrap().len(), 3);
    let fr = v["texts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["language"] == "fr")
        .unwrap();
    assert_eq!(fr["text"], "Les États conviennent de coopérer.");
    assert_eq!(
        fr["file"]["size"],
        "Les États conviennent de coopérer.".len()
    );
    assert_eq!(
        fr["file"]["download"],
        format!("/processes/trial/documents/{id}/files/fr")
    );
    // The documents list and the meeting page link to the page.
    for list in [
        "/processes/trial/documents".to_string(),
        format!("/processes/trial/meetings/{}", meeting.id),
    ] {
        let listed = send(&site, page_get(None, &list)).await;
        assert!(
            listed
                .body
                .contains(&format!("href=\"/processes/trial/documents/{id}\"")),
            "{list}"
        );
    }

    // A process with its own resolver; a resolver that could break the
    // link is refused, naming the rule, and no process is made.
    let sec = bearer(
        &site,
        "sec-all@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let create = |resolver: &str| {
        Request::post("/api/v1/processes")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {sec}"))
            .body(Body::from(
                json!({
                    "slug": "resolved", "title": "Resolved", "languages": ["en"],
                    "meeting_kinds": ["thematic_session"], "record_resolver": resolver,
                })
                .to_string(),
            ))
            .unwrap()
    };
    for hostile in [
        "https://records.example.org/?s={symbol}\" onclick=\"alert(1)",
        "javascript:alert(1)//{symbol}",
        "https://records.example.org/",
    ] {
        let refused = send(&site, create(hostile)).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{hostile}: {}",
            refused.body
        );
        assert!(refused.body.contains("record resolver"), "{}", refused.body);
        assert!(app.process("resolved").await.is_err());
    }
    let made = send(
        &site,
        create("https://records.example.org/find?symbol={symbol}"),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let mut there = doc.clone();
    there.process = "resolved".parse().unwrap();
    there.meeting = None;
    there.symbol = Some("A/RESOLVED/1".parse().unwrap());
    let there = app.add_document(&OPERATOR, there).await.unwrap();
    let page = send(
        &site,
        page_get(None, &format!("/processes/resolved/documents/{there}")),
    )
    .await;
    assert!(
        page.body
            .contains("href=\"https://records.example.org/find?symbol=A/RESOLVED/1\""),
        "{}",
        page.body
    );
    // A hostile symbol never reaches a page: it is refused at the door.
    let refused = send(
        &site,
        Request::post("/api/v1/processes/trial/documents")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {sec}"))
            .body(Body::from(
                json!({
                    "slug": "hostile", "title": "Hostile", "kind": "report", "date": "2018-01-01",
                    "languages": ["en"], "distribution": "public",
                    "symbol": "A/1\"><script>alert(1)</script>",
                })
                .to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert!(refused.status.is_client_error(), "{}", refused.body);
    assert!(refused.body.contains("symbol"), "{}", refused.body);
    assert!(!app
        .all_documents(&OPERATOR, "trial")
        .await
        .unwrap()
        .iter()
        .any(|d| d.slug.as_str() == "hostile"));

    // A restricted document of the other process: not found for the public
    // and for a delegate in trial; there for a delegate in other.
    let mut restricted = doc.clone();
    restricted.process = "other".parse().unwrap();
    restricted.slug = "restricted".parse().unwrap();
    restricted.meeting = None;
    restricted.symbol = None;
    restricted.distribution = Distribution::Restricted;
    let hidden = app.add_document(&OPERATOR, restricted).await.unwrap();
    let in_trial = bearer(
        &site,
        "fra-t@example.org",
        &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
    )
    .await;
    let in_other = bearer(
        &site,
        "fra-o@example.org",
        &[grant(Role::Delegate, Some("other"), Some("FRA"))],
    )
    .await;
    for uri in [
        format!("/processes/other/documents/{hidden}"),
        format!("/api/v1/processes/other/documents/{hidden}"),
    ] {
        let read = |token: Option<&str>| {
            let mut req = Request::get(uri.clone());
            if let Some(t) = token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            req.body(Body::empty()).unwrap()
        };
        assert_eq!(
            send(&site, read(None)).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
        let trial_reads = send(&site, read(Some(&in_trial))).await;
        assert_eq!(trial_reads.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!trial_reads.body.contains("Outcome of the conference"));
        assert_eq!(
            send(&site, read(Some(&in_other))).await.status,
            StatusCode::OK,
            "{uri}"
        );
        // What a reader who may see it was given is never kept for others.
        assert_eq!(
            send(&site, read(None)).await.status,
            StatusCode::NOT_FOUND,
            "{uri}, read by the public after a delegate of other"
        );
    }
    // Ids that are not ids are not found.
    for uri in [
        "/processes/trial/documents/abc",
        "/processes/trial/documents/0",
        "/processes/trial/documents/99999",
    ] {
        assert_eq!(
            send(&site, page_get(None, uri)).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
}

/// Issue 4's rule: nothing restricted or embargoed appears in any page,
/// list, count, search result, facet count, feed or download for someone
/// not allowed to see it. Each surface is checked for each reader.
async fn nothing_restricted_or_embargoed_leaks_anywhere(db: TestDatabase) {
    use accord_domain::{
        Distribution, ItemKind, ItemText, Language, NewRecommendation, NewStatement,
    };
    let site = site_with(db, false).await;
    let app = &site.app;
    // Two processes, each with its own meeting and hidden items.
    let meeting = app.all_meetings("trial", None).await.unwrap()[0].id;
    let mut elsewhere = app.all_meetings("trial", None).await.unwrap()[0]
        .meeting
        .clone();
    elsewhere.process = "other".parse().unwrap();
    let other_meeting = app.add_meeting(&OPERATOR, elsewhere).await.unwrap();
    let later = Some("2099-01-01T00:00:00Z".parse().unwrap());
    // Each hidden item carries a word found nowhere else:
    // (word, process, distribution, embargoed?, statement or document id).
    let mut hidden: Vec<(&str, &str, Distribution, bool, i64)> = vec![];
    for (word, process, distribution, embargo) in [
        ("zanzibarword", "trial", Distribution::Restricted, None),
        ("quokkaword", "trial", Distribution::Public, later),
        ("secretword", "trial", Distribution::Secretariat, None),
        ("okapiword", "other", Distribution::Restricted, None),
        ("tapirword", "other", Distribution::Secretariat, None),
        ("dugongword", "other", Distribution::Public, later),
    ] {
        let text = format!("States should protect migrants, said the {word} statement.");
        let id = app
            .add_statement(
                &OPERATOR,
                NewStatement {
                    process: process.parse().unwrap(),
                    meeting: if process == "trial" {
                        meeting
                    } else {
                        other_meeting
                    },
                    agenda_item: 0,
                    actor: "FRA".parse().unwrap(),
                    on_behalf_of: None,
                    title: format!("Title {word}"),
                    delivered_on: "2030-06-01".parse().unwrap(),
                    distribution,
                    embargo_until: embargo,
                    synthetic: true,
                },
                vec![ItemText::typed(Language::En, &text).unwrap()],
            )
            .await
            .unwrap();
        app.upload(
            &OPERATOR,
            process,
            ItemKind::Statement,
            id,
            accord_app::files::Upload {
                filename: format!("{word}.md"),
                bytes: format!("# {word}\n\nLes États devraient protéger les migrants ({word}).")
                    .into_bytes(),
                language: Some(Language::Fr),
            },
        )
        .await
        .unwrap();
        app.mark_recommendation(
            &OPERATOR,
            NewRecommendation {
                process: process.parse().unwrap(),
                source: ItemKind::Statement,
                source_id: id,
                language: Language::En,
                passage: format!("the {word} statement."),
                themes: vec![],
            },
        )
        .await
        .unwrap();
        hidden.push((word, process, distribution, embargo.is_some(), id));
    }
    for (word, process, distribution, embargo) in [
        ("wombatword", "trial", Distribution::Restricted, None),
        ("numbatword", "trial", Distribution::Public, later),
        ("quollbatword", "other", Distribution::Restricted, None),
    ] {
        let mut doc = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0]
            .document
            .clone();
        doc.process = process.parse().unwrap();
        doc.slug = word.parse().unwrap();
        doc.symbol = None;
        doc.meeting = None;
        doc.title = format!("Title {word}");
        doc.distribution = distribution;
        doc.embargo_until = embargo;
        let id = app.add_document(&OPERATOR, doc).await.unwrap();
        app.upload(
            &OPERATOR,
            process,
            ItemKind::Document,
            id,
            accord_app::files::Upload {
                filename: format!("{word}.txt"),
                bytes: format!("A note about migrants: {word}.").into_bytes(),
                language: Some(Language::En),
            },
        )
        .await
        .unwrap();
        hidden.push((word, process, distribution, embargo.is_some(), id));
    }
    // Readers, each with grants on one process (or on every process), and
    // what they hold where: (name, session, bearer, clearance by process).
    let session_of = |email: &'static str, grants: Vec<RoleGrant>| {
        let app = &site.app;
        async move {
            app.create_account(&OPERATOR, email, "F", PASSWORD, &grants)
                .await
                .unwrap();
            app.login(email, PASSWORD, "t").await.unwrap().secret
        }
    };
    let trial_delegate = session_of(
        "fra@example.org",
        vec![grant(Role::Delegate, Some("trial"), Some("FRA"))],
    )
    .await;
    let other_delegate = session_of(
        "fra-other@example.org",
        vec![grant(Role::Delegate, Some("other"), Some("FRA"))],
    )
    .await;
    let trial_secretariat = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("trial"), None)],
    )
    .await;
    let other_secretariat = bearer(
        &site,
        "sec-other@example.org",
        &[grant(Role::Secretariat, Some("other"), None)],
    )
    .await;
    let global_secretariat = bearer(
        &site,
        "sec-all@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;

    // Every surface, as text: each process's pages, lists, feeds, files, and
    // search with every combination of process filters (none, one, the
    // other, both in either order, repeated), with and without words.
    let mut surfaces: Vec<String> = vec![];
    for process in ["trial", "other"] {
        surfaces.extend([
            format!("/processes/{process}"),
            format!("/processes/{process}/documents"),
            format!("/processes/{process}/recommendations"),
            format!("/processes/{process}/feed.atom"),
            format!("/api/v1/processes/{process}/statements"),
            format!("/api/v1/processes/{process}/documents"),
            format!("/api/v1/processes/{process}/recommendations"),
        ]);
    }
    surfaces.push(format!("/processes/trial/meetings/{meeting}"));
    surfaces.push(format!("/processes/other/meetings/{other_meeting}"));
    // Who said what: France's page and record, across both processes.
    surfaces.push("/actors/FRA".to_string());
    surfaces.push("/api/v1/actors/FRA/record".to_string());
    let filter_sets = [
        "",
        "&process=trial",
        "&process=other",
        "&process=trial&process=other",
        "&process=other&process=trial",
        "&process=other&process=other&process=trial",
        "&process=gcm&process=trial",
    ];
    let mut queries = vec!["migrants".to_string(), String::new()];
    queries.extend(hidden.iter().map(|(word, ..)| (*word).to_string()));
    for filters in filter_sets {
        for q in &queries {
            surfaces.push(format!("/api/v1/search?q={q}{filters}"));
        }
        // The search page shows the words asked for: it is asked for words
        // found in every hidden item instead.
        for q in ["migrants", "migrants+statement", ""] {
            surfaces.push(format!("/search?q={q}{filters}"));
        }
    }
    for (word, process, _, _, id) in &hidden {
        if word.ends_with("batword") {
            surfaces.push(format!("/processes/{process}/documents/{id}/files/en"));
            surfaces.push(format!("/processes/{process}/documents/{id}"));
            surfaces.push(format!("/api/v1/processes/{process}/documents/{id}"));
        } else {
            surfaces.push(format!("/processes/{process}/statements/{id}"));
            surfaces.push(format!("/api/v1/processes/{process}/statements/{id}"));
            surfaces.push(format!("/processes/{process}/statements/{id}/files/fr"));
        }
    }
    let read = |session: Option<String>, bearer: Option<String>, uri: String| {
        let site = &site;
        async move {
            let mut req = Request::get(uri.clone());
            if let Some(s) = session {
                req = req.header(header::COOKIE, format!("accord_session={s}"));
            }
            if let Some(t) = bearer {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            let reply = send(site, req.body(Body::empty()).unwrap()).await;
            assert!(
                reply.status == StatusCode::OK || reply.status == StatusCode::NOT_FOUND,
                "{uri}: {}",
                reply.status
            );
            reply.body
        }
    };
    // What each reader sees on each surface, one reader at a time.
    let seen = |session: Option<String>, bearer: Option<String>| {
        let surfaces = surfaces.clone();
        let read = &read;
        async move {
            let mut by_surface = vec![];
            for uri in surfaces {
                let body = read(session.clone(), bearer.clone(), uri.clone()).await;
                by_surface.push((uri, body));
            }
            by_surface
        }
    };
    // (reader, session, bearer, its clearance in trial and in other).
    use accord_domain::Clearance::{MemberStates, Public, Secretariat};
    let readers = [
        ("the public", None, None, [Public, Public]),
        (
            "a delegate in trial",
            Some(trial_delegate.clone()),
            None,
            [MemberStates, Public],
        ),
        (
            "a delegate in other",
            Some(other_delegate),
            None,
            [Public, MemberStates],
        ),
        (
            "trial's secretariat",
            None,
            Some(trial_secretariat),
            [Secretariat, Public],
        ),
        (
            "other's secretariat",
            None,
            Some(other_secretariat),
            [Public, Secretariat],
        ),
        (
            "every process's secretariat",
            None,
            Some(global_secretariat),
            [Secretariat, Secretariat],
        ),
    ];
    let mut checked = 0;
    for (reader, session, bearer, clearance) in readers {
        let bodies = seen(session, bearer).await;
        for (word, process, distribution, embargoed, _) in &hidden {
            let c = clearance[usize::from(*process == "other")];
            let may = c == Secretariat
                || (c == MemberStates && *distribution == Distribution::Restricted && !embargoed);
            let leaked: Vec<&str> = bodies
                .iter()
                .filter(|(_, body)| body.contains(word))
                .map(|(uri, _)| uri.as_str())
                .collect();
            if may {
                assert!(!leaked.is_empty(), "{word} ({process}) for {reader}");
            } else {
                assert!(
                    leaked.is_empty(),
                    "{word} ({process}) leaked to {reader} on {leaked:?}"
                );
            }
            checked += bodies.len();
        }
    }
    eprintln!(
        "leak test: {} surfaces × 6 readers × {} hidden items checked ({checked})",
        surfaces.len(),
        hidden.len()
    );
    // Counts: the public's totals and facets count only the public test
    // statement and note; a delegate's include the restricted ones — of its
    // own process only, whatever the filters name.
    let total = |body: String| -> u64 {
        serde_json::from_str::<Value>(&body).unwrap()["total"]
            .as_u64()
            .unwrap()
    };
    for filters in [
        "process=trial",
        "process=trial&process=other",
        "process=other&process=trial",
    ] {
        let uri = format!("/api/v1/search?q=&{filters}");
        let public_total = total(read(None, None, uri.clone()).await);
        let delegate_total = total(read(Some(trial_delegate.clone()), None, uri).await);
        assert_eq!(
            delegate_total - public_total,
            1 + 1 + 1 + 1,
            "{filters}: the restricted statement's two texts, its recommendation, and the restricted note"
        );
    }
}

/// Finding 3: a delegate names another state as co-sponsor; that state is
/// pending until its own delegate confirms, and may decline, object, or
/// withdraw a confirmed co-sponsorship.
async fn a_state_is_never_bound_without_its_own_act(db: TestDatabase) {
    let site = site_with(db, false).await;
    negotiation_fixtures(&site.app).await;
    let che = bearer(
        &site,
        "che-named@example.org",
        &[grant(Role::Delegate, Some("trial"), Some("CHE"))],
    )
    .await;
    let fra = bearer(
        &site,
        "fra-named@example.org",
        &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
    )
    .await;
    let fra_elsewhere = bearer(
        &site,
        "fra-other@example.org",
        &[grant(Role::Delegate, Some("other"), Some("FRA"))],
    )
    .await;
    let post = |token: &str, uri: String, body: Value| {
        Request::post(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let base = "/api/v1/processes/trial/drafts/trial-draft/amendments";
    let tabled = send(
        &site,
        post(
            &che,
            base.into(),
            json!({ "proposer": "CHE", "co_sponsors": ["FRA"], "operation": { "op": "insert_text", "node": "p1", "at": 0, "text": "Bound " } }),
        ),
    )
    .await;
    assert_eq!(tabled.status, StatusCode::CREATED, "{}", tabled.body);
    let id = tabled.json()["id"].as_i64().unwrap();
    let a = amendment_json(&site, id).await;
    assert_eq!(a["co_sponsors"], json!([]), "{a}");
    assert_eq!(a["pending_co_sponsors"], json!(["FRA"]));
    // The proposer cannot confirm for France, nor France's delegate of
    // another process.
    for token in [&che, &fra_elsewhere] {
        let reply = send(
            &site,
            post(
                token,
                format!("{base}/{id}/co-sponsorship"),
                json!({ "actor": "FRA", "confirm": true }),
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    }
    // France confirms; it is then a proposer and cannot object…
    let confirmed = send(
        &site,
        post(
            &fra,
            format!("{base}/{id}/co-sponsorship"),
            json!({ "actor": "FRA", "confirm": true }),
        ),
    )
    .await;
    assert_eq!(confirmed.status, StatusCode::CREATED, "{}", confirmed.body);
    assert_eq!(
        amendment_json(&site, id).await["co_sponsors"],
        json!(["FRA"])
    );
    let object = || {
        post(
            &fra,
            format!("{base}/{id}/positions"),
            json!({ "actor": "FRA", "stance": "object" }),
        )
    };
    assert_eq!(
        send(&site, object()).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // …until it withdraws its co-sponsorship, which is its own act too.
    let withdrawn = send(
        &site,
        post(
            &fra,
            format!("{base}/{id}/co-sponsorship"),
            json!({ "actor": "FRA", "confirm": false }),
        ),
    )
    .await;
    assert_eq!(withdrawn.status, StatusCode::CREATED, "{}", withdrawn.body);
    assert_eq!(send(&site, object()).await.status, StatusCode::CREATED);
    let a = amendment_json(&site, id).await;
    assert_eq!(a["co_sponsors"], json!([]));
    assert_eq!(a["pending_co_sponsors"], json!([]));
    // A misspelt field is refused, naming it.
    let typo = send(
        &site,
        post(
            &fra,
            format!("{base}/{id}/co-sponsorship"),
            json!({ "actor": "FRA", "confirmed": true }),
        ),
    )
    .await;
    assert_eq!(typo.status, StatusCode::BAD_REQUEST);
    assert!(typo.body.contains("confirmed"), "{}", typo.body);
}

/// An amendment of the trial draft's first version, as the API shows it.
async fn amendment_json(site: &Site, id: i64) -> Value {
    let uri = format!("/api/v1/processes/trial/drafts/trial-draft/amendments/{id}");
    let reply = send(site, Request::get(uri).body(Body::empty()).unwrap()).await;
    reply.json()["amendment"].clone()
}

/// A body that counts the bytes the server pulls from it: `total` bytes of
/// `b'x'` in 64 KiB chunks, made only when asked for, each after a pause
/// (as a socket's would be).
fn counted_body(total: usize, pulled: Arc<std::sync::atomic::AtomicUsize>) -> Body {
    let chunk = bytes::Bytes::from(vec![b'x'; 64 * 1024]);
    let stream = futures_util::stream::unfold(0usize, move |sent| {
        let chunk = chunk.clone();
        let pulled = pulled.clone();
        async move {
            if sent >= total {
                return None;
            }
            // As from a socket: the next chunk is not always there yet.
            tokio::task::yield_now().await;
            pulled.fetch_add(chunk.len(), Ordering::SeqCst);
            Some((Ok::<_, std::io::Error>(chunk), sent + 64 * 1024))
        }
    });
    Body::from_stream(stream)
}

/// Finding 4: an anonymous 300 MiB multipart field is refused before it is
/// read (and so is a signed-in one past the field's bound), bounded by a
/// limit, whatever the time.
async fn an_oversized_form_is_refused_before_it_is_read(db: TestDatabase) {
    let site = site_with(db, false).await;
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    let big = 300 << 20;
    let multipart = |cookie: Option<&str>,
                     pulled: Arc<std::sync::atomic::AtomicUsize>,
                     prefix: &str| {
        let boundary = "XyZ";
        let head = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{prefix}"
        );
        let stream =
            futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(head))]);
        let rest = counted_body(big, pulled).into_data_stream();
        use futures_util::StreamExt;
        let body = Body::from_stream(stream.chain(rest.map(|r| r.map_err(std::io::Error::other))));
        let mut req = Request::post(format!("/processes/trial/statements/{statement}/files"))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            );
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, format!("accord_session={c}"));
        }
        req.body(body).unwrap()
    };
    // Anonymous, no length declared: refused without reading a byte.
    let pulled = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let reply = send(&site, multipart(None, pulled.clone(), "")).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        pulled.load(Ordering::SeqCst),
        0,
        "nothing read for an anonymous caller"
    );
    // Signed in, a first field that never ends: refused at its small bound.
    site.app
        .create_account(
            &OPERATOR,
            "big@example.org",
            "B",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let session = site
        .app
        .login("big@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let pulled = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let reply = send(&site, multipart(Some(&session.secret), pulled.clone(), "")).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{} after {} bytes",
        between(&reply.body, "<main", "</main>"),
        pulled.load(Ordering::SeqCst)
    );
    assert!(
        pulled.load(Ordering::SeqCst) <= 256 * 1024,
        "read {} bytes of a 300 MiB field",
        pulled.load(Ordering::SeqCst)
    );
    // A declared length over the limit: refused at once, for anyone.
    let pulled = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let req = Request::post("/api/v1/processes/trial/consultations/online/inputs")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.to_string())
        .body(counted_body(big, pulled.clone()))
        .unwrap();
    let reply = send(&site, req).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.json()["error"], "too_large");
    assert_eq!(pulled.load(Ordering::SeqCst), 0);
    // A JSON body without a length, over the small limit: read no further
    // than the limit.
    let pulled = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let req = Request::post("/api/v1/processes/trial/consultations/online/inputs")
        .header(header::CONTENT_TYPE, "application/json")
        .body(counted_body(big, pulled.clone()))
        .unwrap();
    let reply = send(&site, req).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.body
    );
    assert!(
        pulled.load(Ordering::SeqCst) <= 3 << 20,
        "read {}",
        pulled.load(Ordering::SeqCst)
    );
    // Nothing was stored.
    assert!(site.app.verify_audit().await.unwrap().is_ok());
}

async fn sign_in_from(site: &Site, email: &str, password: &str, ip: [u8; 4]) -> StatusCode {
    let form = form_cookie(site).await;
    let req = login_request(&form, &form, email, password, "");
    send(site, from_address(req, ip)).await.status
}

fn from_address(mut req: Request<Body>, ip: [u8; 4]) -> Request<Body> {
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 5000,
        ))));
    req
}

/// Finding 5: failed sign-ins on one account never lock out the others at
/// the same address; behind a trusted proxy each reader is told apart by
/// `X-Forwarded-For`; the secretariat is not limited in sending inputs.
async fn nobody_is_locked_out_by_someone_else(db: TestDatabase) {
    let site = site_with(db, false).await;
    for email in ["victim@example.org", "bystander@example.org"] {
        site.app
            .create_account(&OPERATOR, email, "P", PASSWORD, &[])
            .await
            .unwrap();
    }
    let proxy = [10, 0, 0, 1];
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&site, "victim@example.org", "a wrong password!", proxy).await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        sign_in_from(&site, "victim@example.org", PASSWORD, proxy).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_from(&site, "bystander@example.org", PASSWORD, proxy).await,
        StatusCode::SEE_OTHER,
        "someone else at the same address signs in"
    );

    // Inputs behind a trusted proxy: each client by its forwarded address.
    let behind = accord_web::router_with(
        site.app.clone(),
        accord_web::Options {
            secure_cookies: false,
            trusted_proxies: vec!["10.0.0.0/8".parse().unwrap()],
            ..Default::default()
        },
    );
    let input = |client: &str| {
        let req = Request::post("/api/v1/processes/trial/consultations/online/inputs")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-forwarded-for", client)
            .body(Body::from(json!({ "text": "States should protect the rights of all migrants.", "language": "en" }).to_string()))
            .unwrap();
        let router = behind.clone();
        async move {
            router
                .oneshot(from_address(req, proxy))
                .await
                .unwrap()
                .status()
        }
    };
    let limit = accord_app::AbuseLimits::default().inputs_per_hour;
    for _ in 0..limit {
        assert_eq!(input("203.0.113.5").await, StatusCode::CREATED);
    }
    assert_eq!(input("203.0.113.5").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        input("203.0.113.6").await,
        StatusCode::CREATED,
        "another reader behind the proxy"
    );
    // A client cannot forge its way out: what it adds is left of the proxy's.
    assert_eq!(
        input("1.1.1.1, 203.0.113.5").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The process's secretariat, at the same address, is not limited.
    let sec = bearer(
        &site,
        "sec-inputs@example.org",
        &[grant(Role::Secretariat, Some("trial"), None)],
    )
    .await;
    let req = Request::post("/api/v1/processes/trial/consultations/online/inputs")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {sec}"))
        .header("x-forwarded-for", "203.0.113.5")
        .body(Body::from(
            json!({ "text": "Entered by the secretariat from a letter.", "language": "en" })
                .to_string(),
        ))
        .unwrap();
    assert_eq!(
        behind
            .clone()
            .oneshot(from_address(req, proxy))
            .await
            .unwrap()
            .status(),
        StatusCode::CREATED
    );
    // Accreditation applications are limited per address too.
    let apply = || {
        Request::post("/api/v1/processes/trial/accreditation/applications")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-forwarded-for", "203.0.113.7")
            .body(Body::from(json!({ "name": "A flood", "kind": "ngo", "country": "CHE", "website": "https://example.org", "ecosoc_status": false, "description": "x" }).to_string()))
            .unwrap()
    };
    for _ in 0..accord_app::AbuseLimits::default().applications_per_hour {
        assert_eq!(
            behind
                .clone()
                .oneshot(from_address(apply(), proxy))
                .await
                .unwrap()
                .status(),
            StatusCode::CREATED
        );
    }
    assert_eq!(
        behind
            .clone()
            .oneshot(from_address(apply(), proxy))
            .await
            .unwrap()
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// Finding 6: when the work pool's queue is full, a search is answered 503
/// with `Retry-After` at once, instead of a thread of its own.
async fn a_crowd_is_told_to_come_back_not_given_threads(db: TestDatabase) {
    let site = site_with(db, false).await;
    let app = Arc::new(site.app.as_ref().clone().with_work_pool(1, 0));
    let router = accord_web::router(app.clone());
    // The one worker is busy until released.
    let (release, hold) = std::sync::mpsc::channel::<()>();
    let (started_tx, started) = std::sync::mpsc::channel::<()>();
    let pool = app.clone();
    let busy = tokio::spawn(async move {
        pool.run_on_work_pool(move || {
            started_tx.send(()).unwrap();
            hold.recv().unwrap();
        })
        .await
    });
    tokio::task::spawn_blocking(move || started.recv().unwrap())
        .await
        .unwrap();
    for uri in ["/api/v1/search?q=migrants", "/search?q=migrants"] {
        let reply = router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(reply.status(), StatusCode::SERVICE_UNAVAILABLE, "{uri}");
        assert_eq!(reply.headers()[header::RETRY_AFTER], "1", "{uri}");
    }
    release.send(()).unwrap();
    busy.await.unwrap().unwrap();
    let reply = router
        .oneshot(
            Request::get("/api/v1/search?q=migrants")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK, "free again");
}

/// With `--secure-cookies`: HSTS, and every cookie `Secure`.
async fn over_https_every_cookie_is_secure_and_hsts_is_sent(db: TestDatabase) {
    let site = site_with(db, true).await;
    let login = send(&site, Request::get("/login").body(Body::empty()).unwrap()).await;
    assert!(login.headers[header::STRICT_TRANSPORT_SECURITY]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
    assert!(login.cookie("accord_form").unwrap().contains("; Secure"));
    let lang = send(
        &site,
        Request::get("/language?lang=fr&next=/")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let cookies: Vec<&str> = lang
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        !cookies.is_empty(),
        "the language form sets a cookie ({})",
        lang.status
    );
    assert!(
        cookies.iter().all(|c| c.contains("; Secure")),
        "{cookies:?}"
    );
    let plain = site_with_plain(&site);
    let reply = plain
        .oneshot(Request::get("/login").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert!(
        reply
            .headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_none(),
        "not over plain HTTP"
    );
}

fn site_with_plain(site: &Site) -> Router {
    accord_web::router(site.app.clone())
}

/// An API client signs in with an e-mail address and a password and gets a
/// bearer token: no form, no anti-forgery value; throttled as the form is.
async fn scripts_sign_in_for_a_token_without_a_form(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "script@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    let sign_in = |body: Value| {
        Request::post("/api/v1/sessions")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let reply = send(
        &site,
        sign_in(json!({ "email": "script@example.org", "password": PASSWORD })),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let token = reply.json()["token"].as_str().unwrap().to_owned();
    assert!(reply.json()["expires_at"].is_string());
    // The token writes as the account, without any anti-forgery value.
    let theme = Request::post("/api/v1/processes/trial/themes")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(json!({ "code": "by-script", "taxonomy": "topics", "number": 9, "title": "Made by a script" }).to_string()))
        .unwrap();
    assert_eq!(send(&site, theme).await.status, StatusCode::CREATED);
    // Refusals: a misspelt field, a wrong password and an unknown account
    // alike, then the account backs off.
    let typo = send(
        &site,
        sign_in(json!({ "email": "script@example.org", "pasword": PASSWORD })),
    )
    .await;
    assert_eq!(typo.status, StatusCode::BAD_REQUEST);
    assert!(typo.body.contains("pasword"), "{}", typo.body);
    let wrong = send(
        &site,
        sign_in(json!({ "email": "script@example.org", "password": "not the one!!" })),
    )
    .await;
    let unknown = send(
        &site,
        sign_in(json!({ "email": "nobody@example.org", "password": "not the one!!" })),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (unknown.status, unknown.body.clone()),
        (wrong.status, wrong.body.clone())
    );
    for _ in 0..4 {
        send(
            &site,
            sign_in(json!({ "email": "script@example.org", "password": "not the one!!" })),
        )
        .await;
    }
    let held = send(
        &site,
        sign_in(json!({ "email": "script@example.org", "password": PASSWORD })),
    )
    .await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS, "{}", held.body);
}

/// Routes any signed-in person, or anyone, may write to: their own account,
/// signing in and out, the language, applying for accreditation, sending a
/// written input.
const OPEN_FORMS: &[&str] = &[
    "/login",
    "/logout",
    "/reset-password",
    "/account/password",
    "/account/tokens",
    "/account/tokens/{id}/revoke",
    "/processes/{slug}/accreditation/apply",
    "/processes/{slug}/consultations/{consultation}/inputs",
];

/// Every route of the router — the API's and the portal's, reads and forms,
/// read off the router's own table — walked as nobody and as a delegate of
/// another process (with a real session and its anti-forgery token): no
/// route answers with a server error; no write but the open ones lets either
/// through; under `/api/v1` every refusal is in the JSON error shape.
async fn every_route_of_the_router_refuses_those_without_the_right(db: TestDatabase) {
    let site = site_with(db, false).await;
    site.app
        .create_account(
            &OPERATOR,
            "elsewhere@example.org",
            "E",
            PASSWORD,
            &[grant(Role::Delegate, Some("other"), Some("MEX"))],
        )
        .await
        .unwrap();
    let session = site
        .app
        .login("elsewhere@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let routes = accord_web::route_table();
    let mut walked = 0;
    for (method, path) in &routes {
        let uri = path
            .replace("{slug}", "trial")
            .replace("{id}", &meeting.to_string())
            .replace("{*rest}", "x")
            .replace(['{', '}'], "");
        for signed_in in [false, true] {
            let mut req = Request::builder().method(method.clone()).uri(&uri);
            let body = if signed_in {
                req = req.header(header::COOKIE, format!("accord_session={}", session.secret));
                if path.starts_with("/api/") {
                    req = req
                        .header("x-csrf-token", &session.csrf)
                        .header(header::CONTENT_TYPE, "application/json");
                    Body::from("{}")
                } else {
                    req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                    Body::from(format!("csrf={}", session.csrf))
                }
            } else {
                Body::empty()
            };
            let res = site
                .router
                .clone()
                .oneshot(req.body(body).unwrap())
                .await
                .unwrap();
            // A live stream (server-sent events) never ends: its head is enough.
            let streams = res
                .headers()
                .get(header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
            let status = res.status();
            let body = if streams {
                String::new()
            } else {
                let bytes = axum::body::to_bytes(res.into_body(), 64 << 20)
                    .await
                    .unwrap();
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let reply = Reply {
                status,
                headers: Default::default(),
                body,
            };
            walked += 1;
            let status = reply.status;
            assert!(
                !status.is_server_error(),
                "{method} {uri} (signed in: {signed_in}): {status} {}",
                reply.body
            );
            let writes = *method != axum::http::Method::GET;
            let open = OPEN_FORMS.contains(&path.as_str())
                || path == "/api/v1/sessions"
                || path.ends_with("/accreditation/applications")
                || path.ends_with("/inputs");
            if writes && !open {
                assert!(
                    !status.is_success() && !status.is_redirection(),
                    "{method} {uri} (signed in: {signed_in}) let a caller without the right through: {status}"
                );
            }
            if path.starts_with("/api/v1") && !status.is_success() {
                assert!(
                    reply.json()["error"].is_string(),
                    "{method} {uri}: {status} is not in the error shape: {}",
                    reply.body
                );
            }
        }
    }
    assert!(routes.len() > 180, "{} routes", routes.len());
    eprintln!("{} routes walked, {walked} requests", routes.len());
}

/// A misspelled field is refused with 400 naming it (and nothing is
/// stored); a method a path does not have is a JSON 405 with `Allow`; a
/// create answers 201 with `Location`, which reads the thing back.
async fn the_api_refuses_unknown_fields_names_its_methods_and_locates_what_it_creates(
    db: TestDatabase,
) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let call = |method: &str, path: &str, body: Option<Value>| {
        Request::builder()
            .method(method)
            .uri(path.to_string())
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
            .unwrap()
    };
    let meeting = json!({
        "slug": "m-typo", "kind": "conference", "title": "A conference",
        "start_date": "2030-01-01", "end_date": "2030-01-02", "venu": { "city": "Geneva", "country": "CHE" }
    });
    let before = site.app.all_meetings("trial", None).await.unwrap().len();
    let refused = send(
        &site,
        call("POST", "/api/v1/processes/trial/meetings", Some(meeting)),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    let message = refused.json()["message"].as_str().unwrap().to_owned();
    assert!(message.contains("unknown field `venu`"), "{message}");
    assert_eq!(
        site.app.all_meetings("trial", None).await.unwrap().len(),
        before
    );
    // Nested objects too.
    let nested = send(
        &site,
        call(
            "POST",
            "/api/v1/processes/trial/meetings",
            Some(json!({
                "slug": "m-nested", "kind": "conference", "title": "A conference",
                "start_date": "2030-01-01", "end_date": "2030-01-02",
                "venue": { "city": "Geneva", "country": "CHE", "room": "XX" }
            })),
        ),
    )
    .await;
    assert_eq!(nested.status, StatusCode::BAD_REQUEST, "{}", nested.body);
    assert!(
        nested.body.contains("unknown field `room`"),
        "{}",
        nested.body
    );

    let wrong = send(
        &site,
        call("DELETE", "/api/v1/processes/trial/meetings", None),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        wrong.json()["error"],
        "method_not_allowed",
        "{}",
        wrong.body
    );
    let allow = wrong.headers[header::ALLOW].to_str().unwrap().to_owned();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");

    let made = send(
        &site,
        call(
            "POST",
            "/api/v1/processes/trial/meetings",
            Some(json!({
                "slug": "m-made", "kind": "conference", "title": "A conference",
                "start_date": "2030-01-01", "end_date": "2030-01-02"
            })),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let location = made.headers[header::LOCATION].to_str().unwrap().to_owned();
    let id = made.json()["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/processes/trial/meetings/{id}"));
    let back = send(&site, call("GET", &location, None)).await;
    assert_eq!(back.status, StatusCode::OK);
    assert_eq!(back.json()["slug"], "m-made");
}

/// The writes served by one command (`http::command::Command`): each is sent
/// once as JSON and once as the portal's form, from the same row — same
/// fields, same rules — and refused the same way: JSON with a 400 naming the
/// field, the form shown again with what was typed.
async fn each_command_is_one_struct_read_from_json_or_from_a_form(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, Some("trial"), None)],
    )
    .await;
    let session = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    // (API path, form path, a valid command (by its number n), a field and a bad value for it)
    type Row = (
        &'static str,
        &'static str,
        fn(usize) -> Vec<(&'static str, String)>,
        &'static str,
        &'static str,
    );
    let table: Vec<Row> = vec![
        (
            "/api/v1/processes/trial/phases",
            "/processes/trial/manage/phases",
            |n| {
                vec![
                    (
                        "kind",
                        ["consultation", "stocktaking", "adoption", "follow_up"][n % 4].into(),
                    ),
                    ("start_date", "2030-01-01".into()),
                    ("note", format!("Phase {n}")),
                ]
            },
            "start_date",
            "the first of January",
        ),
        (
            "/api/v1/processes/trial/themes",
            "/processes/trial/manage/themes",
            |n| {
                vec![
                    ("code", format!("theme-{n}")),
                    ("taxonomy", "topics".into()),
                    ("number", n.to_string()),
                    ("title", format!("Theme {n}")),
                ]
            },
            "number",
            "seven",
        ),
        // negotiation (drafts, versions, revisions, amendments, paragraph statuses, silence procedures)
        (
            "/api/v1/processes/trial/drafts",
            "/processes/trial/drafts",
            |n| {
                vec![
                    ("slug", format!("draft-{n}")),
                    ("title", format!("Draft {n}")),
                ]
            },
            "slug",
            "Not A Slug",
        ),
        // adoption (adoptions, ballots, explanations of vote, closing a vote, pledges and progress reports)
        // — nested commands (a vote, ballots, objectives): their rows are in
        // `adoption_commands`, called at the end of this test.
        // process (meetings, documents, processes, actors, registration, speakers' list)
        (
            "/api/v1/processes/trial/meetings",
            "/processes/trial/manage/meetings",
            |n| {
                vec![
                    // After the trial's own meeting (2030-06), which other rows take as the first.
                    ("slug", format!("meeting-{n}")),
                    ("kind", "negotiation_round".into()),
                    ("title", format!("Meeting {n}")),
                    ("start_date", "2031-03-01".into()),
                    ("end_date", "2031-03-02".into()),
                    ("venue[city]", "Geneva".into()),
                    ("venue[country]", "CHE".into()),
                    ("agenda[0][title]", "Opening".into()),
                    ("agenda[1][number]", "2".into()),
                    ("agenda[1][title]", "Other matters".into()),
                ]
            },
            "start_date",
            "the first of March",
        ),
        (
            "/api/v1/processes/trial/documents",
            "/processes/trial/manage/documents",
            |n| {
                vec![
                    ("slug", format!("document-{n}")),
                    ("title", format!("Document {n}")),
                    ("kind", "concept_note".into()),
                    ("date", "2030-01-01".into()),
                    ("languages[]", "en".into()),
                    ("languages[]", "fr".into()),
                    ("distribution", "public".into()),
                    ("embargo_until", "2030-01-02T10:00".into()),
                ]
            },
            "date",
            "soon",
        ),
        // access (accounts, tokens, password resets, accreditation, delegations and group roles)
        // — their rows are in `each_access_command_is_one_struct_read_from_json_or_from_a_form`:
        // their forms answer with a secret shown once (201, not a redirect), or are sent by a
        // delegate or by anyone, to paths naming an application or a token.
        // consultation and stocktaking
        (
            "/api/v1/processes/trial/consultations/online/inputs",
            "/processes/trial/consultations/online/inputs",
            |n| {
                vec![
                    ("organisation", format!("Network {n}")),
                    ("language", "en".into()),
                    ("text", format!("Input number {n}.")),
                ]
            },
            "language",
            "klingon",
        ),
    ];
    let mut n = 0;
    for (api, form_path, fields, bad_field, bad_value) in &table {
        // As JSON, with a bearer token.
        n += 1;
        let json = json_of(&fields(n));
        let post_json = |body: &serde_json::Map<String, Value>| {
            Request::post(*api)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(Value::Object(body.clone()).to_string()))
                .unwrap()
        };
        let made = send(&site, post_json(&json)).await;
        assert_eq!(made.status, StatusCode::CREATED, "{api}: {}", made.body);
        assert!(made.headers.contains_key(header::LOCATION), "{api}");
        let mut wrong = json.clone();
        wrong.insert((*bad_field).to_owned(), json!(bad_value));
        let refused = send(&site, post_json(&wrong)).await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{api}: {}",
            refused.body
        );
        assert!(
            refused.json()["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{bad_field}:")),
            "{api}: {}",
            refused.body
        );

        // As the portal's form, with the session and its anti-forgery token.
        n += 1;
        let encode = |pairs: &[(&str, String)]| {
            let mut body = format!("csrf={}", session.csrf);
            for (k, v) in pairs {
                body += &format!("&{k}={}", v.replace(' ', "+"));
            }
            body
        };
        let done = send(
            &site,
            form_post(&session.secret, form_path, encode(&fields(n))),
        )
        .await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{form_path}: {}",
            done.body
        );
        let mut wrong = fields(n + 100);
        for pair in &mut wrong {
            if pair.0 == *bad_field {
                pair.1 = (*bad_value).to_owned();
            }
        }
        let again = send(&site, form_post(&session.secret, form_path, encode(&wrong))).await;
        assert_eq!(
            again.status,
            StatusCode::BAD_REQUEST,
            "{form_path}: {}",
            again.body
        );
        assert!(
            again.body.contains(&format!("{bad_field}:")),
            "{form_path}: the message names the field"
        );
        assert!(
            again.body.contains(&format!(
                "value=\"{}\"",
                wrong
                    .iter()
                    .find(|(k, _)| *k != *bad_field && *k != "kind")
                    .unwrap()
                    .1
            )),
            "{form_path}: what was typed is in the form again"
        );
        // An unknown field is refused in a form as in JSON.
        let mut extra = fields(n + 200);
        extra.push(("colour", "blue".into()));
        let unknown = send(&site, form_post(&session.secret, form_path, encode(&extra))).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{form_path}");
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{form_path}"
        );
    }
    // process (meetings, documents, processes, actors, registration, speakers' list):
    // commands that need someone else than the process's secretariat, or
    // another method, or a path the run makes: (who, the API's method and
    // path, the form's path, a valid command (by its number n), the API's
    // status when done, a field and a bad value for it, if it has fields).
    // The meeting to come with one inscription (the rows above added others).
    let meeting = site
        .app
        .all_meetings("trial", None)
        .await
        .unwrap()
        .iter()
        .find(|m| m.start_date.to_string() == "2030-06-01")
        .unwrap()
        .id;
    let inscription = site.app.speakers_list("trial", meeting).await.unwrap()[0]
        .inscription
        .id;
    let on_the_meeting = |path: &str| format!("/processes/trial/meetings/{meeting}{path}");
    // A meeting of its own for the desk's changes (edited, postponed).
    let desk = site
        .app
        .add_meeting(
            &OPERATOR,
            accord_domain::NewMeeting {
                title_translations: Default::default(),
                process: "trial".parse().unwrap(),
                slug: "desk-meeting".parse().unwrap(),
                kind: accord_domain::MeetingKind::NegotiationRound,
                number: None,
                title: "A meeting to change".into(),
                start_date: "2031-01-01".parse().unwrap(),
                end_date: "2031-01-01".parse().unwrap(),
                venue: None,
                chairs: vec![],
                agenda: vec![],
                themes: vec![],
                note: None,
            },
        )
        .await
        .unwrap();
    site.app
        .open_consultation(
            &OPERATOR,
            accord_domain::Consultation {
                process: "trial".parse().unwrap(),
                slug: "desk-call".parse().unwrap(),
                title: "A call to extend".into(),
                description: String::new(),
                opens_at: "2020-01-01T00:00:00Z".parse().unwrap(),
                closes_at: Some("2099-01-01T00:00:00Z".parse().unwrap()),
                synthetic: false,
            },
        )
        .await
        .unwrap();
    // A statement with two versions in Russian (typed, and from a file).
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    site.app
        .put_statement_text(
            &OPERATOR,
            "trial",
            statement,
            accord_domain::ItemText::typed(accord_domain::Language::Ru, "Господин Председатель.")
                .unwrap(),
        )
        .await
        .unwrap();
    site.app
        .upload(
            &OPERATOR,
            "trial",
            accord_domain::ItemKind::Statement,
            statement,
            accord_app::files::Upload {
                filename: "statement-ru.txt".into(),
                bytes: "Господин Председатель, уважаемые делегаты."
                    .as_bytes()
                    .to_vec(),
                language: Some(accord_domain::Language::Ru),
            },
        )
        .await
        .unwrap();
    type Fields = fn(usize) -> Vec<(&'static str, String)>;
    type Other = (
        RoleGrant,
        axum::http::Method,
        String,
        String,
        Fields,
        StatusCode,
        Option<(&'static str, &'static str)>,
    );
    let others: Vec<Other> = vec![
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::PUT,
            format!("/api/v1/processes/trial/statements/{statement}/texts/ru/choice"),
            format!("/processes/trial/statements/{statement}/texts/ru/choice"),
            |n| vec![("version", ["file", "typed"][n % 2].into())],
            StatusCode::OK,
            Some(("version", "both")),
        ),
        (
            grant(Role::Secretariat, None, None),
            axum::http::Method::POST,
            "/api/v1/processes".into(),
            "/manage/processes".into(),
            |n| {
                vec![
                    ("slug", format!("process-{n}")),
                    ("title", format!("Process {n}")),
                    ("mandate[]", "A/RES/71/1".into()),
                    ("languages[]", "en".into()),
                    ("languages[]", "fr".into()),
                    ("meeting_kinds[]", "conference".into()),
                    ("co_facilitators[0][name]", "A. Person".into()),
                    ("co_facilitators[0][actor]", "CHE".into()),
                ]
            },
            StatusCode::CREATED,
            Some(("slug", "Not a slug!")),
        ),
        (
            grant(Role::Secretariat, None, None),
            axum::http::Method::POST,
            "/api/v1/actors".into(),
            "/actors/manage".into(),
            |n| {
                vec![
                    ("code", format!("ORG-T{n}")),
                    ("kind", "intergovernmental_organisation".into()),
                    ("name", format!("Organisation {n}")),
                ]
            },
            StatusCode::CREATED,
            Some(("code", "not a code!")),
        ),
        (
            grant(Role::Delegate, Some("trial"), Some("FRA")),
            axum::http::Method::POST,
            format!("/api/v1/processes/trial/meetings/{meeting}/registrations"),
            on_the_meeting("/register"),
            |_| vec![],
            StatusCode::CREATED,
            None,
        ),
        (
            grant(Role::Delegate, Some("trial"), Some("FRA")),
            axum::http::Method::POST,
            format!("/api/v1/processes/trial/meetings/{meeting}/speakers"),
            on_the_meeting("/floor"),
            |n| {
                vec![
                    ("actor", "FRA".into()),
                    ("ministerial", (n % 2 == 0).to_string()),
                ]
            },
            StatusCode::CREATED,
            Some(("agenda_item", "first")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::POST,
            format!("/api/v1/processes/trial/meetings/{meeting}/speakers/{inscription}/status"),
            on_the_meeting(&format!("/speakers/{inscription}")),
            |n| vec![("status", ["speaking", "spoken"][n % 2].into())],
            StatusCode::CREATED,
            Some(("status", "later")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::PUT,
            format!("/api/v1/processes/trial/meetings/{meeting}/time-limits/state"),
            on_the_meeting("/time-limits/state"),
            |n| vec![("seconds", format!("{}:30", n % 3 + 1))],
            StatusCode::OK,
            Some(("seconds", "ten")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::PUT,
            "/api/v1/processes/trial".into(),
            "/processes/trial/edit".into(),
            |n| {
                let mut fields = vec![
                    ("title", format!("Trial process {n}")),
                    ("title_translations[fr]", format!("Processus d’essai {n}")),
                    ("mandate", "A/RES/71/1, A/RES/71/280".into()),
                    ("co_facilitators", "A. Person | Ambassador | CHE".into()),
                    ("reason", format!("Correction {n}")),
                ];
                fields.extend(
                    ["ar", "zh", "en", "fr", "ru", "es"].map(|l| ("languages[]", l.to_owned())),
                );
                fields.extend(ALL_MEETING_KINDS.map(|k| ("meeting_kinds[]", k.to_owned())));
                fields
            },
            StatusCode::OK,
            Some(("mandate", "a/res/71/1")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::PUT,
            format!("/api/v1/processes/trial/meetings/{desk}"),
            format!("/processes/trial/meetings/{desk}/edit"),
            |n| {
                vec![
                    ("title", format!("Edited {n}")),
                    ("start_date", "2031-01-01".into()),
                    ("end_date", "2031-01-01".into()),
                    ("venue[city]", "Geneva".into()),
                    ("venue[country]", "CHE".into()),
                    ("agenda", format!("Opening\nItem {n}")),
                ]
            },
            StatusCode::OK,
            Some(("end_date", "next week")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::POST,
            "/api/v1/processes/trial/consultations/desk-call/extension".into(),
            "/processes/trial/consultations/desk-call/extend".into(),
            |n| vec![("closes_at", format!("2099-02-{:02}T10:00", n + 1))],
            StatusCode::CREATED,
            Some(("closes_at", "next month")),
        ),
        (
            grant(Role::Secretariat, Some("trial"), None),
            axum::http::Method::POST,
            format!("/api/v1/processes/trial/meetings/{desk}/postponements"),
            format!("/processes/trial/meetings/{desk}/postpone"),
            |n| {
                vec![
                    ("start_date", format!("2031-02-{:02}", n + 1)),
                    ("end_date", "2031-03-01".into()),
                    ("reason", format!("Postponed, reason {n}")),
                ]
            },
            StatusCode::CREATED,
            Some(("end_date", "later")),
        ),
    ];
    for (i, (role, method, api, form_path, fields, status, bad)) in others.iter().enumerate() {
        // Each way by its own account: some commands are once a person.
        let token = bearer(
            &site,
            &format!("json-{i}@example.org"),
            std::slice::from_ref(role),
        )
        .await;
        site.app
            .create_account(
                &OPERATOR,
                &format!("form-{i}@example.org"),
                "F",
                PASSWORD,
                std::slice::from_ref(role),
            )
            .await
            .unwrap();
        let session = site
            .app
            .login(&format!("form-{i}@example.org"), PASSWORD, "t")
            .await
            .unwrap();
        let send_json = |body: serde_json::Map<String, Value>| {
            Request::builder()
                .method(method.clone())
                .uri(api.as_str())
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(Value::Object(body).to_string()))
                .unwrap()
        };
        let made = send(&site, send_json(json_of(&fields(1)))).await;
        assert_eq!(made.status, *status, "{api}: {}", made.body);
        if *status == StatusCode::CREATED {
            assert!(made.headers.contains_key(header::LOCATION), "{api}");
        }
        let mut extra = json_of(&fields(3));
        extra.insert("colour".into(), json!("blue"));
        let unknown = send(&site, send_json(extra)).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{api}");
        let encode = |pairs: &[(&str, String)]| {
            let mut body = format!("csrf={}", session.csrf);
            for (k, v) in pairs {
                body += &format!("&{k}={}", v.replace(' ', "+").replace(':', "%3A"));
            }
            body
        };
        let done = send(
            &site,
            form_post(&session.secret, form_path, encode(&fields(2))),
        )
        .await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{form_path}: {}",
            done.body
        );
        let mut extra = fields(4);
        extra.push(("colour", "blue".into()));
        let unknown = send(&site, form_post(&session.secret, form_path, encode(&extra))).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{form_path}");
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{form_path}"
        );
        let Some((bad_field, bad_value)) = bad else {
            continue;
        };
        let mut wrong = json_of(&fields(5));
        wrong.insert((*bad_field).to_owned(), json!(bad_value));
        let refused = send(&site, send_json(wrong)).await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{api}: {}",
            refused.body
        );
        assert!(
            refused.json()["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{bad_field}:")),
            "{api}: {}",
            refused.body
        );
        let mut wrong = fields(6);
        wrong.retain(|(k, _)| k != bad_field);
        wrong.push((bad_field, (*bad_value).to_owned()));
        let again = send(&site, form_post(&session.secret, form_path, encode(&wrong))).await;
        assert_eq!(
            again.status,
            StatusCode::BAD_REQUEST,
            "{form_path}: {}",
            again.body
        );
        assert!(
            again.body.contains(&format!("{bad_field}:")),
            "{form_path}: the message names the field"
        );
        if let Some((_, kept)) = wrong.iter().find(|(k, _)| *k != *bad_field && *k != "kind") {
            assert!(
                again.body.contains(&format!("value=\"{kept}\"")),
                "{form_path}: what was typed is in the form again"
            );
        }
    }
    // A refused button on an amendment's page comes back to that page, with
    // the message naming the field.
    let negotiation = negotiation_fixtures(&site.app).await;
    let amendment = format!(
        "/processes/trial/drafts/trial-draft/amendments/{}",
        negotiation.by_che[0]
    );
    let refused = send(
        &site,
        form_post(
            &session.secret,
            &format!("{amendment}/decision"),
            format!("csrf={}&status=maybe", session.csrf),
        ),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.body.contains("role=\"alert\""), "{}", refused.body);
    assert!(
        refused.body.contains("status:"),
        "the message names the field"
    );
    let decided = send(
        &site,
        form_post(
            &session.secret,
            &format!("{amendment}/decision"),
            format!("csrf={}&status=rejected&note=No+consensus", session.csrf),
        ),
    )
    .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    assert_eq!(decided.headers[header::LOCATION], amendment.as_str());
    // Made once each way, per row: two phases and two themes in the trial process.
    let overview = site.app.process("trial").await.unwrap();
    assert!(overview
        .phases
        .iter()
        .any(|p| p.note.as_deref() == Some("Phase 1")));
    assert!(overview
        .phases
        .iter()
        .any(|p| p.note.as_deref() == Some("Phase 2")));
    let themes = site.app.themes("trial").await.unwrap();
    assert!(
        themes.iter().any(|t| t.title == "Theme 3") && themes.iter().any(|t| t.title == "Theme 4")
    );
    let drafts = site.app.drafts("trial").await.unwrap();
    assert_eq!(
        drafts
            .iter()
            .filter(|d| d.title.starts_with("Draft "))
            .count(),
        2,
        "one draft made each way"
    );

    // negotiation (drafts, versions, revisions, amendments, paragraph statuses, silence procedures)
    // Commands whose routes name a draft or a procedure made for each
    // attempt, and whose fields nest (`wording[node]`, `take_up[0][amendment]`,
    // `options[]`): the same pairs sent as a form and, nested, as JSON.
    negotiation_commands_both_ways(&site, &token, &session).await;
    adoption_commands(&site, &token, &session.secret, &session.csrf).await;

    // consultation and stocktaking: commands on a statement, a meeting or a
    // draft (ids of this site), with nested fields and lists, and the
    // status each answered JSON with before (204 when nothing is made).
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    let recommendation = site
        .app
        .mark_recommendation(
            &OPERATOR,
            accord_domain::NewRecommendation {
                process: "trial".parse().unwrap(),
                source: accord_domain::ItemKind::Statement,
                source_id: statement,
                language: accord_domain::Language::En,
                passage: "protect the rights of all migrants".into(),
                themes: vec![],
            },
        )
        .await
        .unwrap();
    struct Nested {
        api: &'static str,
        form: &'static str,
        fields: Box<dyn Fn(usize) -> Vec<(&'static str, String)>>,
        bad: (&'static str, &'static str),
        json_status: StatusCode,
        /// What the page shown again keeps of the typed fields (None for
        /// buttons, whose fields are all hidden).
        kept: Option<&'static str>,
    }
    let nested = vec![
        Nested {
            api: "/api/v1/processes/trial/statements",
            form: "/processes/trial/statements",
            fields: Box::new(move |n| {
                vec![
                    ("title", format!("Statement {n}")),
                    ("meeting", meeting.to_string()),
                    ("actor", "FRA".into()),
                    ("delivered_on", "2030-06-01".into()),
                    ("distribution", "public".into()),
                    ("texts[0][language]", "fr".into()),
                    ("texts[0][text]", format!("Déclaration {n}.")),
                ]
            }),
            bad: ("delivered_on", "yesterday"),
            json_status: StatusCode::CREATED,
            kept: Some("title"),
        },
        Nested {
            api: "/api/v1/processes/trial/recommendations",
            form: "/processes/trial/recommendations",
            fields: Box::new(move |_| {
                vec![
                    ("source", "statement".into()),
                    ("source_id", statement.to_string()),
                    ("language", "en".into()),
                    ("passage", "protect the rights".into()),
                    ("themes[]", "topic-a".into()),
                ]
            }),
            bad: ("language", "klingon"),
            json_status: StatusCode::CREATED,
            kept: Some("passage"),
        },
        Nested {
            api: "/api/v1/processes/trial/theme-labels",
            form: "/processes/trial/theme-labels",
            fields: Box::new(move |_| {
                vec![
                    ("item_kind", "statement".into()),
                    ("item_id", statement.to_string()),
                    ("theme", "topic-a".into()),
                ]
            }),
            bad: ("item_kind", "painting"),
            json_status: StatusCode::CREATED,
            kept: None,
        },
        Nested {
            api: "/api/v1/processes/trial/dismissals",
            form: "/processes/trial/dismissals",
            fields: Box::new(move |_n| {
                vec![
                    ("item_kind", "statement".into()),
                    ("item_id", statement.to_string()),
                    ("language", "en".into()),
                    ("start", "0".into()),
                ]
            }),
            bad: ("start", "first"),
            json_status: StatusCode::NO_CONTENT,
            kept: None,
        },
        Nested {
            api: "/api/v1/processes/trial/coverage",
            form: "/processes/trial/coverage",
            fields: Box::new(move |_| {
                vec![
                    ("recommendation", recommendation.to_string()),
                    ("draft", "trial-draft".into()),
                    ("wid", "p2".into()),
                ]
            }),
            bad: ("recommendation", "the third"),
            json_status: StatusCode::CREATED,
            kept: None,
        },
    ];
    for row in &nested {
        let (bad_field, bad_value) = row.bad;
        n += 1;
        let post_json = |body: &Value| {
            Request::post(row.api)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap()
        };
        let made = send(&site, post_json(&json_value(&(row.fields)(n)))).await;
        assert_eq!(made.status, row.json_status, "{}: {}", row.api, made.body);
        if row.json_status == StatusCode::CREATED {
            assert!(made.headers.contains_key(header::LOCATION), "{}", row.api);
        }
        let mut wrong = (row.fields)(n);
        for pair in &mut wrong {
            if pair.0 == bad_field {
                pair.1 = bad_value.to_owned();
            }
        }
        let refused = send(&site, post_json(&json_value(&wrong))).await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{}: {}",
            row.api,
            refused.body
        );
        assert!(
            refused.json()["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{bad_field}:")),
            "{}: {}",
            row.api,
            refused.body
        );

        // The same fields from the portal's form.
        n += 1;
        let encode = |pairs: &[(&str, String)]| {
            form_urlencoded::Serializer::new(format!("csrf={}&", session.csrf))
                .extend_pairs(pairs)
                .finish()
        };
        let done = send(
            &site,
            form_post(&session.secret, row.form, encode(&(row.fields)(n))),
        )
        .await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            row.form,
            done.body
        );
        let mut wrong = (row.fields)(n + 100);
        for pair in &mut wrong {
            if pair.0 == bad_field {
                pair.1 = bad_value.to_owned();
            }
        }
        let again = send(&site, form_post(&session.secret, row.form, encode(&wrong))).await;
        assert_eq!(
            again.status,
            StatusCode::BAD_REQUEST,
            "{}: {}",
            row.form,
            again.body
        );
        assert!(
            again.body.contains(&format!("{bad_field}:")),
            "{}: the message names the field: {}",
            row.form,
            again.body
        );
        if let Some(kept) = row.kept {
            let typed = &wrong.iter().find(|(k, _)| *k == kept).unwrap().1;
            assert!(
                again.body.contains(&format!("value=\"{typed}\""))
                    || again.body.contains(&format!(">{typed}</textarea>")),
                "{}: what was typed is in the form again",
                row.form
            );
            assert!(again.body.contains("aria-invalid=\"true\""), "{}", row.form);
        }
        let mut extra = (row.fields)(n + 200);
        extra.push(("colour", "blue".into()));
        let unknown = send(&site, form_post(&session.secret, row.form, encode(&extra))).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{}", row.form);
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{}: {}",
            row.form,
            unknown.body
        );
    }
    // The statement came with its text from both ways.
    let made = site
        .app
        .statements(&OPERATOR, "trial", Some(meeting), &Default::default())
        .await
        .unwrap();
    assert_eq!(
        made.items
            .iter()
            .filter(|s| s.statement.title.starts_with("Statement "))
            .count(),
        2,
        "one statement made each way"
    );
}

/// One command of the negotiation, sent five times (attempt `i`): as JSON,
/// as JSON with a bad value, as a form, as a form with a bad value, as a
/// form with an unknown field.
struct NegotiationCommand {
    method: &'static str,
    api: Box<dyn Fn(usize) -> String>,
    form: Box<dyn Fn(usize) -> String>,
    /// Sent by France's delegate (else by the secretariat).
    delegate: bool,
    fields: Box<dyn Fn(usize) -> Vec<(String, String)>>,
    /// Fields only the form sends (what the API's path names).
    form_only: Vec<(String, String)>,
    /// The form field, the path the message names, a bad value.
    bad: (&'static str, &'static str, &'static str),
    /// A value typed (for attempt `i`) that the refused form shows again.
    kept: Box<dyn Fn(usize) -> String>,
    done: StatusCode,
}

async fn negotiation_commands_both_ways(
    site: &Site,
    token: &str,
    session: &accord_app::NewSession,
) {
    use accord_app::negotiation::{local_deadline, ImportSource, NewAmendment};
    use accord_domain::negotiation::{Operation, Wid};
    let app = &site.app;
    let fra = app
        .create_account(
            &OPERATOR,
            "fra-commands@example.org",
            "France",
            PASSWORD,
            &[grant(Role::Delegate, Some("trial"), Some("FRA"))],
        )
        .await
        .unwrap();
    let fra = Principal::Account(fra);
    let fra_token = app
        .create_api_token(&fra, "tests", 30)
        .await
        .unwrap()
        .secret;
    let fra_session = app
        .login("fra-commands@example.org", PASSWORD, "t")
        .await
        .unwrap();
    // Per attempt: a draft with a tabled amendment to take up, and a draft
    // under silence to break.
    let (mut tabled, mut procedures) = (vec![], vec![]);
    for i in 0..5 {
        for draft in [format!("rev-{i}"), format!("hush-{i}")] {
            app.create_draft(
                &OPERATOR,
                "trial",
                DraftRequest::negotiating_text(&draft, "Trial compact", false),
            )
            .await
            .unwrap();
            app.import_version(
                &OPERATOR,
                "trial",
                &draft,
                "Zero draft",
                None,
                ImportSource::Markdown(TRIAL_TEXT.into()),
                true,
            )
            .await
            .unwrap();
        }
        let (id, _) = app
            .propose_amendment(
                &fra,
                "trial",
                &format!("rev-{i}"),
                1,
                NewAmendment {
                    proposer: "FRA".parse().unwrap(),
                    co_sponsors: vec![],
                    operation: Operation::InsertText {
                        node: Wid::new("p2").unwrap(),
                        at: 0,
                        text: "Together, ".into(),
                    },
                    justification: String::new(),
                },
                false,
            )
            .await
            .unwrap();
        tabled.push(id);
        procedures.push(
            app.open_silence(
                &OPERATOR,
                "trial",
                &format!("hush-{i}"),
                1,
                local_deadline("2099-01-01T12:00", "Europe/Zurich").unwrap(),
                "Europe/Zurich",
            )
            .await
            .unwrap(),
        );
    }
    let pairs = |p: &[(&str, String)]| -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    };
    let d = "/processes/trial/drafts";
    let api = "/api/v1/processes/trial/drafts";
    let table: Vec<NegotiationCommand> = vec![
        NegotiationCommand {
            method: "POST",
            api: Box::new(move |_| format!("{api}/trial-draft/amendments")),
            form: Box::new(move |_| format!("{d}/trial-draft/versions/1/paragraphs/p1/amendments")),
            delegate: true,
            fields: Box::new(move |i| {
                pairs(&[
                    ("proposer", "FRA".into()),
                    ("wording[node]", "p1".into()),
                    ("wording[op]", "revise".into()),
                    ("wording[revised]", format!("We adopt this compact ({i}).")),
                    ("justification", format!("Because {i} reasons")),
                ])
            }),
            form_only: vec![],
            bad: (
                "wording[revised]",
                "wording.revised",
                "We adopt this compact.",
            ),
            kept: Box::new(|i| format!("Because {i} reasons")),
            done: StatusCode::CREATED,
        },
        NegotiationCommand {
            method: "PUT",
            api: Box::new(move |_| format!("{api}/trial-draft/versions/1/statuses/p2")),
            form: Box::new(move |_| format!("{d}/trial-draft/versions/1/status")),
            delegate: false,
            fields: Box::new(move |i| {
                pairs(&[
                    ("status", "bracketed".into()),
                    ("options[]", format!("Option A{i}")),
                    ("options[]", "Option B".into()),
                ])
            }),
            form_only: vec![("node".into(), "p2".into())],
            bad: ("status", "status", "maybe"),
            kept: Box::new(|i| format!("value=\"Option A{i}\"")),
            done: StatusCode::OK,
        },
        NegotiationCommand {
            method: "POST",
            api: Box::new(move |i| format!("{api}/rev-{i}/revisions")),
            form: Box::new(move |i| format!("{d}/rev-{i}/revision")),
            delegate: false,
            fields: Box::new(move |i| {
                pairs(&[
                    ("label", format!("Rev.{i}")),
                    ("issued_on", "2030-01-02".into()),
                    ("take_up[0][amendment]", tabled[i].to_string()),
                ])
            }),
            form_only: vec![],
            bad: ("issued_on", "issued_on", "tomorrow"),
            kept: Box::new(|i| format!("value=\"Rev.{i}\"")),
            done: StatusCode::CREATED,
        },
        NegotiationCommand {
            method: "POST",
            api: Box::new(move |i| format!("{api}/quiet-{i}/silence")),
            form: Box::new(move |i| format!("{d}/quiet-{i}/silence")),
            delegate: false,
            fields: Box::new(move |i| {
                pairs(&[
                    ("version", "1".into()),
                    ("deadline", format!("2099-01-0{}T12:00", i + 1)),
                    ("time_zone", "Asia/Tokyo".into()),
                ])
            }),
            form_only: vec![],
            bad: ("deadline", "deadline", "next Tuesday"),
            kept: Box::new(|_| "value=\"Asia/Tokyo\"".into()),
            done: StatusCode::CREATED,
        },
        NegotiationCommand {
            method: "POST",
            api: {
                let procedures = procedures.clone();
                Box::new(move |i| format!("{api}/hush-{i}/silence/{}/breaks", procedures[i]))
            },
            form: Box::new(move |i| format!("{d}/hush-{i}/silence/{}/break", procedures[i])),
            delegate: true,
            fields: Box::new(move |i| {
                pairs(&[
                    ("state", "FRA".into()),
                    ("letter", format!("France breaks silence ({i}).")),
                ])
            }),
            form_only: vec![],
            bad: ("state", "state", "France"),
            kept: Box::new(|i| format!("France breaks silence ({i}).")),
            done: StatusCode::CREATED,
        },
    ];
    for c in &table {
        let (token, session) = if c.delegate {
            (fra_token.as_str(), &fra_session)
        } else {
            (token, session)
        };
        let send_json = |i: usize, fields: Vec<(String, String)>| {
            Request::builder()
                .method(c.method)
                .uri((c.api)(i))
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json_value(&fields).to_string()))
                .unwrap()
        };
        let with_bad = |mut fields: Vec<(String, String)>| {
            for pair in &mut fields {
                if pair.0 == c.bad.0 {
                    pair.1 = c.bad.2.to_owned();
                }
            }
            fields
        };
        // As JSON, with a bearer token.
        let made = send(site, send_json(0, (c.fields)(0))).await;
        assert_eq!(made.status, c.done, "{}: {}", (c.api)(0), made.body);
        assert!(
            made.headers.contains_key(header::LOCATION),
            "{}",
            (c.api)(0)
        );
        let refused = send(site, send_json(1, with_bad((c.fields)(1)))).await;
        assert!(
            [StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY].contains(&refused.status),
            "{}: {} {}",
            (c.api)(1),
            refused.status,
            refused.body
        );
        assert!(
            refused.json()["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{}:", c.bad.1)),
            "{}: {}",
            (c.api)(1),
            refused.body
        );
        // As the portal's form, with the session and its anti-forgery token.
        let encode = |fields: Vec<(String, String)>| {
            let mut body = format!("csrf={}", session.csrf);
            for (k, v) in fields.iter().chain(&c.form_only) {
                body += &format!("&{k}={}", v.replace(' ', "+"));
            }
            body
        };
        let done = send(
            site,
            form_post(&session.secret, &(c.form)(2), encode((c.fields)(2))),
        )
        .await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            (c.form)(2),
            done.body
        );
        let again = send(
            site,
            form_post(
                &session.secret,
                &(c.form)(3),
                encode(with_bad((c.fields)(3))),
            ),
        )
        .await;
        assert!(
            [StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY].contains(&again.status),
            "{}: {} {}",
            (c.form)(3),
            again.status,
            again.body
        );
        assert!(
            again.body.contains(&format!("{}:", c.bad.1)),
            "{}: the message names the field",
            (c.form)(3)
        );
        assert!(
            again.body.contains("class=\"field-error\""),
            "{}: the message stands beside the field",
            (c.form)(3)
        );
        assert!(
            again.body.contains(&(c.kept)(3)),
            "{}: what was typed is in the form again",
            (c.form)(3)
        );
        // An unknown field is refused in a form as in JSON.
        let mut extra = (c.fields)(4);
        extra.push(("colour".into(), "blue".into()));
        let unknown = send(
            site,
            form_post(&session.secret, &(c.form)(4), encode(extra)),
        )
        .await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{}", (c.form)(4));
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{}: {}",
            (c.form)(4),
            unknown.body
        );
    }
    // Done once each way: revisions of rev-0 (JSON) and rev-2 (the form).
    for draft in ["rev-0", "rev-2"] {
        assert_eq!(
            app.draft("trial", draft).await.unwrap().versions.len(),
            2,
            "{draft}"
        );
    }
    // The import form (a multipart upload, not a command) comes back refused
    // with what was typed too (all but the file).
    let boundary = "XyZzY";
    let part = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let body = [
        part("csrf", &session.csrf),
        part("label", "Rev.9"),
        part("issued_on", "tomorrow"),
        part("markdown", "# Kept text"),
        part("action", "issue"),
    ]
    .concat()
        + &format!("--{boundary}--\r\n");
    let imported = send(
        site,
        Request::post("/processes/trial/drafts/rev-4/import")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("accord_session={}", session.secret))
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(
        imported.status,
        StatusCode::BAD_REQUEST,
        "{}",
        imported.body
    );
    assert!(imported.body.contains("class=\"field-error\""));
    assert!(imported.body.contains("value=\"Rev.9\"") && imported.body.contains("# Kept text"));
    let view = app.version("trial", "trial-draft", 1).await.unwrap();
    let status = view
        .statuses
        .iter()
        .find(|s| s.wid.as_str() == "p2")
        .unwrap();
    assert_eq!(status.options, ["Option A2", "Option B"]);
}

/// A command's form fields from its JSON: objects nested as `vote[majority]`,
/// lists of objects as `ballots[0][state]`, lists of values as
/// `objectives[]` — the names the portal's forms use.
fn form_fields(name: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(fields) => {
            for (k, x) in fields {
                let key = if name.is_empty() {
                    k.clone()
                } else {
                    format!("{name}[{k}]")
                };
                form_fields(&key, x, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let key = if x.is_object() {
                    format!("{name}[{i}]")
                } else {
                    format!("{name}[]")
                };
                form_fields(&key, x, out);
            }
        }
        Value::String(text) => out.push((name.to_owned(), text.clone())),
        other => out.push((name.to_owned(), other.to_string())),
    }
}

/// One command of the adoption area, sent as JSON and as a form.
struct NestedRow {
    /// Where the JSON goes, and where the portal's form goes.
    api: String,
    form: String,
    /// A valid command, by its number.
    command: Box<dyn Fn(usize) -> Value>,
    /// Where to put a bad value (a JSON pointer), the field as the refusal
    /// names it, and the value; none for a command without fields.
    bad: Option<(&'static str, &'static str, Value)>,
    /// A field (JSON pointer) whose typed value the refused form shows again.
    kept: Option<&'static str>,
}

/// The adoption area's commands, nested or not: each sent as JSON and as
/// the portal's form (its fields named as `form_fields` names them), done
/// both ways, and refused both ways naming the field.
async fn adoption_commands(site: &Site, token: &str, session: &str, csrf: &str) {
    let meeting = site.app.all_meetings("trial", None).await.unwrap()[0].id;
    let fx = adoption_fixtures(&site.app, meeting).await;
    let statement = site
        .app
        .statements(&OPERATOR, "trial", None, &Default::default())
        .await
        .unwrap()
        .items[0]
        .id;
    let adoptions = "/api/v1/processes/trial/adoptions";
    let (open, closing, consensus) = (fx.open_votes[0], &fx.open_votes[12..14], &fx.consensus);
    let free = fx.plenaries.clone();
    let members = fx.members;
    let table = vec![
        NestedRow {
            api: adoptions.into(),
            form: "/processes/trial/adoptions".into(),
            command: Box::new(move |n| {
                json!({
                    "meeting": free[n % free.len()], "draft": "adopted", "version": 1,
                    "title": format!("Adoption {n}"), "adopted_on": "2030-06-03",
                    "method": "recorded_vote", "vote": { "majority": "simple", "open": true }
                })
            }),
            bad: Some(("/vote/majority", "vote.majority", json!("most"))),
            kept: Some("/title"),
        },
        NestedRow {
            api: format!("{adoptions}/{open}/ballots"),
            form: format!("/processes/trial/adoptions/{open}/vote"),
            command: Box::new(|n| {
                let state = ["FRA", "MEX", "CHE", "DEU"][n % 4];
                json!({ "ballots": [{ "state": state, "vote": "yes" }] })
            }),
            bad: Some(("/ballots/0/vote", "ballots[0].vote", json!("maybe"))),
            kept: None,
        },
        NestedRow {
            api: format!("{adoptions}/{}/statements", consensus[0]),
            form: format!("/processes/trial/adoptions/{}/statements", consensus[1]),
            command: Box::new(move |_| json!({ "statement": statement, "kind": "position" })),
            bad: Some(("/kind", "kind", json!("applause"))),
            kept: None,
        },
        NestedRow {
            api: format!("{adoptions}/{}/close", closing[0]),
            form: format!("/processes/trial/adoptions/{}/close", closing[1]),
            command: Box::new(|_| json!({})),
            bad: None,
            kept: None,
        },
        NestedRow {
            api: "/api/v1/processes/trial/pledges".into(),
            form: "/processes/trial/pledges".into(),
            command: Box::new(|n| {
                json!({
                    "actor": "FRA", "objectives": [1, 2], "title": format!("Pledge {n}"),
                    "description": "More data.", "made_on": "2030-06-03", "status": "announced"
                })
            }),
            bad: Some(("/made_on", "made_on", json!("next spring"))),
            kept: Some("/title"),
        },
        NestedRow {
            api: format!("/api/v1/processes/trial/pledges/{}/reports", fx.pledge),
            form: format!("/processes/trial/pledges/{}/reports", fx.pledge),
            command: Box::new(
                |n| json!({ "reported_on": "2031-01-01", "status": "in_progress", "text": format!("Report {n}.") }),
            ),
            bad: Some(("/reported_on", "reported_on", json!("soon"))),
            kept: Some("/text"),
        },
        NestedRow {
            api: format!("{adoptions}/{}/intentions", fx.closed_votes[0]),
            form: format!(
                "/processes/trial/adoptions/{}/intentions",
                fx.closed_votes[0]
            ),
            command: Box::new(|n| {
                let state = ["FRA", "MEX", "CHE", "DEU"][n % 4];
                json!({ "state": state, "vote": "abstain" })
            }),
            bad: Some(("/vote", "vote", json!("maybe"))),
            kept: None,
        },
        NestedRow {
            api: format!("/api/v1/processes/trial/meetings/{meeting}/paragraph-votes"),
            form: format!("/processes/trial/meetings/{meeting}/paragraph-votes"),
            command: Box::new(move |n| {
                json!({
                    "draft": "divided", "version": 1, "paragraph": format!("para_{}", n % 200 + 1),
                    "requested_by": "FRA", "voted_on": "2030-06-02",
                    "vote": { "majority": "two_thirds", "totals": { "yes": 1, "no": 1, "abstain": 0, "not_voting": members - 2 },
                              "ballots": { "no": "CHE" } }
                })
            }),
            bad: Some(("/vote/majority", "vote.majority", json!("most"))),
            kept: Some("/paragraph"),
        },
        NestedRow {
            api: format!("/api/v1/processes/trial/meetings/{meeting}/oral-changes"),
            form: format!("/processes/trial/meetings/{meeting}/oral-changes"),
            command: Box::new(|n| {
                json!({
                    "draft": "divided", "version": 1, "paragraph": "7", "kind": "oral_amendment",
                    "moved_by": "MEX", "moved_on": "2030-06-02", "text": format!("Oral amendment {n}."),
                    "outcome": "withdrawn"
                })
            }),
            bad: Some(("/kind", "kind", json!("shout"))),
            kept: Some("/text"),
        },
    ];
    let post_json = |uri: &str, body: &Value| {
        Request::post(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let post_form = |uri: &str, body: &Value| {
        let mut fields = vec![];
        form_fields("", body, &mut fields);
        let encoded = form_urlencoded::Serializer::new(format!("csrf={csrf}"))
            .extend_pairs(fields)
            .finish();
        form_post(session, uri, encoded)
    };
    let mut n = 1000;
    for row in &table {
        let spoiled = |mut body: Value| {
            if let Some((pointer, _, value)) = &row.bad {
                *body.pointer_mut(pointer).unwrap() = value.clone();
            }
            body
        };
        let unknown = |mut body: Value| {
            body.as_object_mut()
                .unwrap()
                .insert("colour".into(), json!("blue"));
            body
        };
        // As JSON, with a bearer token.
        n += 1;
        let made = send(site, post_json(&row.api, &(row.command)(n))).await;
        assert_eq!(
            made.status,
            StatusCode::CREATED,
            "{}: {}",
            row.api,
            made.body
        );
        assert!(made.headers.contains_key(header::LOCATION), "{}", row.api);
        if let Some((_, field, _)) = &row.bad {
            let refused = send(site, post_json(&row.api, &spoiled((row.command)(n + 100)))).await;
            assert_eq!(
                refused.status,
                StatusCode::BAD_REQUEST,
                "{}: {}",
                row.api,
                refused.body
            );
            assert!(
                refused.json()["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{field}:")),
                "{}: {}",
                row.api,
                refused.body
            );
        }
        let refused = send(site, post_json(&row.api, &unknown((row.command)(n + 200)))).await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{}: {}",
            row.api,
            refused.body
        );
        assert!(
            refused.body.contains("colour"),
            "{}: {}",
            row.api,
            refused.body
        );

        // As the portal's form, with the session and its anti-forgery token.
        n += 1;
        let done = send(site, post_form(&row.form, &(row.command)(n))).await;
        assert_eq!(
            done.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            row.form,
            done.body
        );
        if let Some((_, field, _)) = &row.bad {
            let typed = spoiled((row.command)(n + 100));
            let again = send(site, post_form(&row.form, &typed)).await;
            assert_eq!(
                again.status,
                StatusCode::BAD_REQUEST,
                "{}: {}",
                row.form,
                again.body
            );
            assert!(
                again.body.contains(&format!("{field}:")),
                "{}: the message names the field: {}",
                row.form,
                again.body
            );
            if let Some(kept) = row.kept {
                let value = typed.pointer(kept).unwrap().as_str().unwrap();
                assert!(
                    again.body.contains(value),
                    "{}: what was typed is in the form again",
                    row.form
                );
            }
        }
        let unknown = send(site, post_form(&row.form, &unknown((row.command)(n + 200)))).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "{}", row.form);
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{}: {}",
            row.form,
            unknown.body
        );
    }
    // Done once each way: two adoptions with a vote being taken, two votes
    // cast, two statements linked, two votes closed, two pledges, two
    // reports, two statements of intention.
    let adopted = site.app.adoptions("trial").await.unwrap();
    assert!(["Adoption 1001", "Adoption 1002"]
        .iter()
        .all(|t| adopted.iter().any(|a| a.adoption.title == *t)));
    let cast = site.app.adoption(&OPERATOR, "trial", open).await.unwrap();
    assert_eq!(cast.recorded, 2);
    for id in closing {
        let closed = site.app.adoption(&OPERATOR, "trial", *id).await.unwrap();
        assert!(!closed.summary.adoption.vote.as_ref().unwrap().open);
    }
    for id in &consensus[0..2] {
        let linked = site.app.adoption(&OPERATOR, "trial", *id).await.unwrap();
        assert_eq!(linked.statements.len(), 1);
    }
    let (pledges, _) = site.app.pledges("trial", None, 100).await.unwrap();
    assert!(["Pledge 1009", "Pledge 1010"]
        .iter()
        .all(|t| pledges.iter().any(|p| p.pledge.title == *t)));
    let reported = site.app.pledge("trial", fx.pledge).await.unwrap();
    assert_eq!(reported.pledge.reports.len(), 2);
    let stated = site
        .app
        .adoption(&OPERATOR, "trial", fx.closed_votes[0])
        .await
        .unwrap();
    assert_eq!(stated.summary.adoption.intentions.len(), 2);
    // Two separate votes (each deleting its paragraph: one yes, one no, short
    // of two thirds) and two oral amendments, one each way.
    let before = site
        .app
        .votes_before_the_whole("trial", meeting)
        .await
        .unwrap();
    assert_eq!(before.paragraph_votes.len(), 2);
    assert!(before
        .paragraph_votes
        .iter()
        .all(|v| v.paragraph_vote.result == accord_domain::adoption::ParagraphVoteResult::Deleted));
    assert_eq!(before.oral_changes.len(), 2);
    // The secretariat's forms, as the pages offer them.
    for (page, form) in [
        (
            "/processes/trial/adoptions".to_owned(),
            "id=\"record-adoption\"",
        ),
        (
            format!("/processes/trial/adoptions/{}", consensus[2]),
            "id=\"link-statement\"",
        ),
        ("/processes/trial/pledges".to_owned(), "id=\"make-pledge\""),
        (
            format!("/processes/trial/meetings/{meeting}/adoption"),
            "id=\"paragraph-vote-form\"",
        ),
        (
            format!("/processes/trial/meetings/{meeting}/adoption"),
            "id=\"oral-change-form\"",
        ),
    ] {
        let shown = send(site, page_get(Some(session), &page)).await;
        assert_eq!(shown.status, StatusCode::OK, "{page}: {}", shown.body);
        assert!(shown.body.contains(form), "{page}");
        assert!(!shown.body.contains("aria-invalid"), "{page}");
    }
}

/// A form's field name as a refusal names it: `roles[0][role]` is `roles[0].role`.
fn dotted(name: &str) -> String {
    let mut out = String::new();
    for part in name.split('[') {
        let part = part.trim_end_matches(']');
        if out.is_empty() {
            out += part;
        } else if part.parse::<usize>().is_ok() {
            out += &format!("[{part}]");
        } else {
            out += &format!(".{part}");
        }
    }
    out
}

/// Who sends a row's commands.
#[derive(Clone, Copy, PartialEq)]
enum Sender {
    /// The secretariat of every process.
    Secretariat,
    /// A delegate of France and Germany in the trial process.
    Delegate,
    /// Nobody signed in (the form with the pre-sign-in anti-forgery cookie).
    Anyone,
}

/// The access writes, each one command read from JSON or from the
/// portal's form (the same struct, the same rules), as
/// `each_command_is_one_struct_read_from_json_or_from_a_form` does, with
/// what these need besides: paths naming an application or a token (by the
/// attempt's number), nested fields, a sender who is a delegate or anyone,
/// and forms that answer with a secret shown once (201) instead of a
/// redirect.
async fn each_access_command_is_one_struct_read_from_json_or_from_a_form(db: TestDatabase) {
    use axum::http::Method;
    let site = site_with(db, false).await;
    let sec = site
        .app
        .create_account(
            &OPERATOR,
            "sec@example.org",
            "S",
            PASSWORD,
            &[grant(Role::Secretariat, None, None)],
        )
        .await
        .unwrap();
    let sec_token = site
        .app
        .create_api_token(&Principal::Account(sec.clone()), "tests", 30)
        .await
        .unwrap()
        .secret;
    let sec_session = site
        .app
        .login("sec@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let del_token = bearer(
        &site,
        "del@example.org",
        &[
            grant(Role::Delegate, Some("trial"), Some("FRA")),
            grant(Role::Delegate, Some("trial"), Some("DEU")),
        ],
    )
    .await;
    let del_session = site
        .app
        .login("del@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let form_token = {
        let page = send(&site, page_get(None, "/processes/trial/accreditation")).await;
        page.cookie("accord_form")
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("accord_form=")
            .to_owned()
    };
    // Tokens of the secretariat's to revoke, applications to decide, and
    // the one still open to objections.
    let mut own_tokens = vec![];
    for i in 0..4 {
        own_tokens.push(
            site.app
                .create_api_token(&Principal::Account(sec.clone()), &format!("old {i}"), 30)
                .await
                .unwrap()
                .id,
        );
    }
    let listed = site.app.applications(&OPERATOR, "trial").await.unwrap();
    let decidable: Vec<i64> = listed
        .iter()
        .filter(|a| {
            a.status == accord_domain::AccreditationStatus::Pending
                && a.application.name.starts_with("Applicant")
        })
        .map(|a| a.id)
        .collect();
    let contested = listed
        .iter()
        .find(|a| a.application.name == "Contested")
        .unwrap()
        .id;
    let referred: Vec<i64> = listed
        .iter()
        .filter(|a| a.status == accord_domain::AccreditationStatus::Referred)
        .map(|a| a.id)
        .collect();

    struct Row {
        /// (API method and path, form path) for the attempt numbered n.
        paths: Box<dyn Fn(usize) -> (Method, String, String)>,
        /// A valid command for the attempt numbered n.
        fields: fn(usize) -> Vec<(&'static str, String)>,
        /// A field (as the form names it) and a bad value for it.
        bad: Option<(&'static str, &'static str)>,
        sender: Sender,
        /// The answers when done: JSON's, the form's.
        done: (StatusCode, StatusCode),
    }
    let a = "/api/v1/processes/trial/accreditation/applications";
    let table: Vec<Row> = vec![
        // access (accounts, tokens, password resets, accreditation, delegations and group roles)
        Row {
            paths: Box::new(|_| (Method::POST, "/api/v1/accounts".into(), "/accounts".into())),
            fields: |n| {
                vec![
                    ("email", format!("new{n}@example.org")),
                    ("name", format!("New Person {n}")),
                    ("roles[0][role]", "delegate".into()),
                    ("roles[0][process]", "trial".into()),
                    ("roles[0][actor]", "MEX".into()),
                ]
            },
            bad: Some(("roles[0][role]", "pope")),
            sender: Sender::Secretariat,
            done: (StatusCode::CREATED, StatusCode::CREATED),
        },
        Row {
            paths: Box::new(|_| {
                (
                    Method::POST,
                    "/api/v1/tokens".into(),
                    "/account/tokens".into(),
                )
            }),
            fields: |n| vec![("name", format!("script {n}")), ("days", "30".into())],
            bad: Some(("days", "ninety")),
            sender: Sender::Secretariat,
            done: (StatusCode::CREATED, StatusCode::CREATED),
        },
        Row {
            paths: Box::new(move |n| {
                let id = own_tokens[n % own_tokens.len()];
                (
                    Method::DELETE,
                    format!("/api/v1/tokens/{id}"),
                    format!("/account/tokens/{id}/revoke"),
                )
            }),
            fields: |_| vec![],
            bad: None,
            sender: Sender::Secretariat,
            done: (StatusCode::NO_CONTENT, StatusCode::SEE_OTHER),
        },
        Row {
            paths: Box::new(|_| {
                (
                    Method::POST,
                    "/api/v1/password-resets".into(),
                    "/accounts/password-resets".into(),
                )
            }),
            fields: |_| vec![("email", "del@example.org".into())],
            bad: None,
            sender: Sender::Secretariat,
            done: (StatusCode::CREATED, StatusCode::CREATED),
        },
        Row {
            paths: Box::new(move |_| {
                (
                    Method::POST,
                    a.into(),
                    "/processes/trial/accreditation".into(),
                )
            }),
            fields: |n| {
                vec![
                    ("name", format!("Applicant organisation {n}")),
                    ("kind", "academia".into()),
                    ("country", "che".into()),
                    ("website", "https://example.org".into()),
                    ("ecosoc_status", "true".into()),
                    ("description", "A university.".into()),
                ]
            },
            bad: Some(("kind", "church")),
            sender: Sender::Anyone,
            done: (StatusCode::CREATED, StatusCode::SEE_OTHER),
        },
        Row {
            paths: Box::new(move |_| {
                (
                    Method::POST,
                    format!("{a}/{contested}/objections"),
                    format!("/processes/trial/accreditation/{contested}/objection"),
                )
            }),
            // France objects as JSON, Germany through the form.
            fields: |n| {
                vec![
                    ("state", if n % 2 == 1 { "FRA" } else { "deu" }.into()),
                    ("reason", format!("Objection {n}")),
                ]
            },
            bad: Some(("state", "france!")),
            sender: Sender::Delegate,
            done: (StatusCode::CREATED, StatusCode::SEE_OTHER),
        },
        Row {
            paths: Box::new(move |n| {
                let id = decidable[n % decidable.len()];
                (
                    Method::POST,
                    format!("{a}/{id}/decision"),
                    format!("/processes/trial/accreditation/{id}/decision"),
                )
            }),
            fields: |n| {
                vec![
                    ("approve", (n % 2 == 0).to_string()),
                    ("note", format!("Decision {n}")),
                ]
            },
            bad: Some(("approve", "perhaps")),
            sender: Sender::Secretariat,
            done: (StatusCode::CREATED, StatusCode::SEE_OTHER),
        },
        Row {
            paths: Box::new(move |n| {
                let id = referred[n % referred.len()];
                (
                    Method::POST,
                    format!("{a}/{id}/body-decision"),
                    format!("/processes/trial/accreditation/{id}/body-decision"),
                )
            }),
            fields: |n| {
                vec![
                    (
                        "outcome",
                        if n % 2 == 0 { "approved" } else { "rejected" }.into(),
                    ),
                    ("date", yesterday()),
                    ("reference", format!("A/72/L.{n}")),
                    ("note", format!("Decided by the plenary {n}")),
                ]
            },
            bad: Some(("outcome", "adjourned")),
            sender: Sender::Secretariat,
            done: (StatusCode::CREATED, StatusCode::SEE_OTHER),
        },
        Row {
            paths: Box::new(|_| {
                (
                    Method::PUT,
                    "/api/v1/processes/trial/accreditation/deciding-body".into(),
                    "/processes/trial/accreditation/deciding-body".into(),
                )
            }),
            fields: |n| vec![("body", if n % 2 == 0 { "plenary" } else { "bureau" }.into())],
            // Its refusal in the portal: `accreditation_through_the_portal`.
            bad: None,
            sender: Sender::Secretariat,
            done: (StatusCode::OK, StatusCode::SEE_OTHER),
        },
    ];
    let mut n = 0;
    for row in &table {
        // As JSON, with a bearer token (or none, for anyone).
        n += 1;
        let (method, api, _) = (row.paths)(n);
        let token = match row.sender {
            Sender::Secretariat => Some(&sec_token),
            Sender::Delegate => Some(&del_token),
            Sender::Anyone => None,
        };
        let send_json = |body: Value, api: String| {
            let mut req = Request::builder()
                .method(method.clone())
                .uri(api)
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(t) = token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            let body = if body == json!({}) {
                Body::empty()
            } else {
                Body::from(body.to_string())
            };
            send(&site, req.body(body).unwrap())
        };
        let made = send_json(json_value(&(row.fields)(n)), api.clone()).await;
        assert_eq!(made.status, row.done.0, "{api}: {}", made.body);
        if row.done.0 == StatusCode::CREATED {
            assert!(made.headers.contains_key(header::LOCATION), "{api}");
        }
        let with_bad = |n: usize| {
            let mut pairs = (row.fields)(n);
            let (field, value) = row.bad.unwrap();
            for pair in &mut pairs {
                if pair.0 == field {
                    pair.1 = value.to_owned();
                }
            }
            pairs
        };
        if let Some((field, _)) = row.bad {
            let refused = send_json(json_value(&with_bad(n + 100)), api.clone()).await;
            assert_eq!(
                refused.status,
                StatusCode::BAD_REQUEST,
                "{api}: {}",
                refused.body
            );
            assert!(
                refused.json()["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{}:", dotted(field))),
                "{api}: {}",
                refused.body
            );
        }

        // As the portal's form: the session and its anti-forgery token, or
        // for anyone the pre-sign-in one.
        n += 1;
        let (_, _, form_path_n) = (row.paths)(n);
        // Refused forms go to the next attempt's path (an application still
        // to decide, whose form the page shows again).
        let (_, _, form_path) = (row.paths)(n + 1);
        let form = |pairs: &[(&str, String)], path: &str| {
            let (csrf, cookie) = match row.sender {
                Sender::Secretariat => (
                    sec_session.csrf.clone(),
                    format!("accord_session={}", sec_session.secret),
                ),
                Sender::Delegate => (
                    del_session.csrf.clone(),
                    format!("accord_session={}", del_session.secret),
                ),
                Sender::Anyone => (form_token.clone(), format!("accord_form={form_token}")),
            };
            let body = form_urlencoded::Serializer::new(format!("csrf={csrf}"))
                .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
                .finish();
            Request::post(path.to_owned())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, cookie)
                .body(Body::from(body))
                .unwrap()
        };
        let done = send(&site, form(&(row.fields)(n), &form_path_n)).await;
        assert_eq!(done.status, row.done.1, "{form_path_n}: {}", done.body);
        if let Some((field, _)) = row.bad {
            let wrong = with_bad(n + 100);
            let again = send(&site, form(&wrong, &form_path)).await;
            assert_eq!(
                again.status,
                StatusCode::BAD_REQUEST,
                "{form_path}: {}",
                again.body
            );
            assert!(
                again.body.contains(&format!("{}:", dotted(field))),
                "{form_path}: the message names the field: {}",
                again.body
            );
            assert!(
                again.body.contains("aria-invalid=\"true\""),
                "{form_path}: the field at fault is marked"
            );
            let kept = wrong
                .iter()
                .find(|(k, _)| *k != field && *k != "kind" && *k != "roles[0][role]")
                .unwrap();
            assert!(
                again.body.contains(&format!("value=\"{}\"", kept.1)),
                "{form_path}: what was typed ({}) is in the form again",
                kept.0
            );
        }
        // An unknown field is refused in a form as in JSON.
        let mut extra = (row.fields)(n + 200);
        extra.push(("colour", "blue".into()));
        let unknown = send(&site, form(&extra, &form_path)).await;
        assert_eq!(
            unknown.status,
            StatusCode::BAD_REQUEST,
            "{form_path}: {}",
            unknown.body
        );
        assert!(
            unknown.body.contains("unknown field `colour`"),
            "{form_path}: {}",
            unknown.body
        );
        let mut extra = json_value(&(row.fields)(n + 300));
        extra["colour"] = json!("blue");
        let unknown = send_json(extra, api.clone()).await;
        assert_eq!(
            unknown.status,
            StatusCode::BAD_REQUEST,
            "{api}: {}",
            unknown.body
        );
    }
}

/// A process's and a meeting's title in other languages: given through the
/// API and the secretariat's forms (an empty language left out), shown in
/// the reader's language with the original where there is none; a language
/// that is not one of the six, or an empty or overlong title, is refused
/// with its own error and nothing is stored.
async fn process_and_meeting_titles_carry_translations(db: TestDatabase) {
    let site = site_with(db, false).await;
    let token = bearer(
        &site,
        "sec@example.org",
        &[grant(Role::Secretariat, None, None)],
    )
    .await;
    let post = |path: &str, body: Value| {
        Request::post(path.to_string())
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let in_lang = |uri: &str, lang: &str| {
        Request::get(uri.to_string())
            .header(header::ACCEPT_LANGUAGE, lang)
            .body(Body::empty())
            .unwrap()
    };
    let meeting = |slug: &str, translations: Value| {
        json!({"slug": slug, "kind": "conference", "title": "Intergovernmental conference",
               "title_translations": translations, "start_date": "2030-01-02", "end_date": "2030-01-03"})
    };
    let count = || async { site.app.all_meetings("trial", None).await.unwrap().len() };
    let before = count().await;
    // Refused, each with its own error; nothing stored.
    for (body, status, kind) in [
        (
            meeting("m1", json!({"xx": "Titre"})),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            meeting("m1", json!({"FR": "Titre"})),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            meeting("m1", json!({"fr": 7})),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            meeting("m1", json!(["fr", "Titre"])),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            meeting("m1", json!({"fr": "x".repeat(501)})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_long",
        ),
    ] {
        let r = send(
            &site,
            post("/api/v1/processes/trial/meetings", body.clone()),
        )
        .await;
        assert_eq!(r.status, status, "{body}: {}", r.body);
        assert_eq!(r.json()["error"], kind, "{body}");
    }
    let r = send(
        &site,
        post(
            "/api/v1/processes/trial/meetings",
            meeting("m1", json!({"xx": "T"})),
        ),
    )
    .await;
    assert!(
        r.body.contains("title_translations"),
        "the field is named: {}",
        r.body
    );
    assert_eq!(count().await, before, "nothing stored");

    // Through the API: French given, Arabic left empty (no translation).
    let r = send(
        &site,
        post(
            "/api/v1/processes/trial/meetings",
            meeting(
                "m1",
                json!({"fr": "  Conférence intergouvernementale ", "ar": " "}),
            ),
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let stored = site.app.all_meetings("trial", None).await.unwrap();
    let m1 = stored.iter().find(|m| m.slug.as_str() == "m1").unwrap();
    let fr: accord_domain::TitleTranslations = [(
        accord_domain::Language::Fr,
        "Conférence intergouvernementale".to_owned(),
    )]
    .into();
    assert_eq!(m1.title_translations, fr);
    let page = format!("/processes/trial/meetings/{}", m1.id);
    let html = send(&site, in_lang(&page, "fr")).await.body;
    assert!(
        html.contains("<h1 lang=\"fr\" dir=\"ltr\">Conférence intergouvernementale</h1>"),
        "{html}"
    );
    let html = send(&site, in_lang(&page, "ar")).await.body;
    assert!(html.contains("<h1 lang=\"en\" dir=\"ltr\">Intergovernmental conference</h1>"));
    let list = send(&site, in_lang("/processes/trial/meetings", "fr"))
        .await
        .body;
    assert!(list.contains(">Conférence intergouvernementale</a>"));
    // The API read gives them all.
    let read = send(
        &site,
        in_lang(&format!("/api/v1/processes/trial/meetings/{}", m1.id), "en"),
    )
    .await;
    assert_eq!(
        read.json()["title_translations"]["fr"],
        "Conférence intergouvernementale",
        "{}",
        read.body
    );

    // Through the secretariat's form, without JavaScript: Chinese given,
    // the five other fields sent empty.
    site.app
        .create_account(
            &OPERATOR,
            "desk@example.org",
            "D",
            PASSWORD,
            &[grant(Role::Secretariat, Some("trial"), None)],
        )
        .await
        .unwrap();
    let desk = site
        .app
        .login("desk@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let manage = send(
        &site,
        page_get(Some(&desk.secret), "/processes/trial/manage"),
    )
    .await
    .body;
    for l in ["ar", "zh", "en", "fr", "ru", "es"] {
        assert!(
            manage.contains(&format!("name=\"title_translations[{l}]\" lang=\"{l}\"")),
            "{l}"
        );
    }
    let mut body = format!(
        "csrf={}&slug=m2&kind=conference&title=Review+conference&start_date=2030-03-01&end_date=2030-03-02\
         &venue%5Bname%5D=&venue%5Bcity%5D=&venue%5Bcountry%5D=&agenda=&note=",
        desk.csrf
    );
    for l in ["ar", "en", "fr", "ru", "es"] {
        body += &format!("&title_translations%5B{l}%5D=");
    }
    body += "&title_translations%5Bzh%5D=%E5%AE%A1%E6%9F%A5%E4%BC%9A%E8%AE%AE";
    let made = send(
        &site,
        form_post(&desk.secret, "/processes/trial/manage/meetings", body),
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let m2 = site
        .app
        .all_meetings("trial", None)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.slug.as_str() == "m2")
        .unwrap();
    assert_eq!(m2.title_translations.len(), 1);
    let zh = &m2.title_translations[&accord_domain::Language::Zh];
    let html = send(
        &site,
        in_lang(&format!("/processes/trial/meetings/{}", m2.id), "zh"),
    )
    .await
    .body;
    assert!(html.contains(&format!("<h1 lang=\"zh\" dir=\"ltr\">{zh}</h1>")));
    // A refused form keeps the translations typed.
    let bad = format!(
        "csrf={}&slug=m3&kind=conference&title=T&start_date=2030-03-02&end_date=2030-03-01\
         &title_translations%5Bru%5D=%D0%9A%D0%BE%D0%BD%D1%84%D0%B5%D1%80%D0%B5%D0%BD%D1%86%D0%B8%D1%8F",
        desk.csrf
    );
    let refused = send(
        &site,
        form_post(&desk.secret, "/processes/trial/manage/meetings", bad),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("value=\"Конференция\""), "kept");

    // A process with a translated title: its page and the home page.
    let r = send(
        &site,
        post(
            "/api/v1/processes",
            json!({"slug": "titled", "title": "Global Compact", "title_translations": {"es": "Pacto Mundial"},
                   "languages": ["en", "es"], "meeting_kinds": ["conference"]}),
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let html = send(&site, in_lang("/processes/titled", "es")).await.body;
    assert!(html.contains("<h1 lang=\"es\" dir=\"ltr\">Pacto Mundial</h1>"));
    let home = send(&site, in_lang("/", "es")).await.body;
    assert!(
        home.contains("<a href=\"/processes/titled\" lang=\"es\" dir=\"ltr\">Pacto Mundial</a>")
    );
    let home = send(&site, in_lang("/", "ru")).await.body;
    assert!(
        home.contains("<a href=\"/processes/titled\" lang=\"en\" dir=\"ltr\">Global Compact</a>")
    );
}

/// A statement the secretariat enters after its meeting's window (the GCM's
/// 2017 sessions, on today's clock) is flagged on the statement page, the
/// meeting page and in the API; a delegate of another process's grant is
/// refused, and nothing is stored.
async fn a_statement_filed_late_says_so_on_its_pages_and_in_the_api(db: TestDatabase) {
    use accord_domain::{Distribution, ItemText, Language, MeetingKind, NewStatement};
    let site = site_with(db, false).await;
    let account = |email: &'static str, g: RoleGrant| {
        let app = site.app.clone();
        async move {
            Principal::Account(
                app.create_account(&OPERATOR, email, email, PASSWORD, &[g])
                    .await
                    .unwrap(),
            )
        }
    };
    let sec = account(
        "sec@example.org",
        grant(Role::Secretariat, Some("gcm"), None),
    )
    .await;
    let mex = account(
        "mex@example.org",
        grant(Role::Delegate, Some("gcm"), Some("MEX")),
    )
    .await;
    let elsewhere = account(
        "other-sec@example.org",
        grant(Role::Secretariat, Some("other"), None),
    )
    .await;
    let meeting = site
        .app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    let statement = NewStatement {
        process: "gcm".parse().unwrap(),
        meeting,
        agenda_item: 0,
        actor: "MEX".parse().unwrap(),
        on_behalf_of: None,
        title: "A statement entered late".into(),
        delivered_on: "2017-05-08".parse().unwrap(),
        distribution: Distribution::Public,
        embargo_until: None,
        synthetic: true,
    };
    let text = || vec![ItemText::typed(Language::En, "Mr. Chair, a late text.").unwrap()];
    for refused in [&mex, &elsewhere] {
        let r = site
            .app
            .add_statement(refused, statement.clone(), text())
            .await;
        assert!(r.is_err(), "{refused:?} may not file after the window");
    }
    let id = site
        .app
        .add_statement(&sec, statement.clone(), text())
        .await
        .unwrap();
    let page = send(
        &site,
        page_get(None, &format!("/processes/gcm/statements/{id}")),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("badge filed-late"), "{}", page.body);
    assert!(page.body.contains("Filed late"));
    let listed = send(
        &site,
        page_get(None, &format!("/processes/gcm/meetings/{meeting}")),
    )
    .await;
    assert!(listed.body.contains("badge filed-late"));
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/gcm/statements/{id}")),
    )
    .await;
    let json: Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["filed_late"], json!(true), "{}", api.body);
}

/// A file uploaded beside typed text: the API says it was kept beside; the
/// statement page shows both versions, the typed one standing, and the
/// flag of a text that looks like another language to its uploader and the
/// secretariat; only the process's secretariat gets the form that chooses,
/// and the other process's secretariat is refused it.
async fn two_versions_and_a_language_flag_on_the_statement_page(db: TestDatabase) {
    use accord_domain::{Distribution, ItemText, Language, MeetingKind, NewStatement};
    let site = site_with(db, false).await;
    let mex_token = bearer(
        &site,
        "mex@example.org",
        &[grant(Role::Delegate, Some("gcm"), Some("MEX"))],
    )
    .await;
    let mut sessions = vec![];
    for (email, g) in [
        (
            "sec@example.org",
            grant(Role::Secretariat, Some("gcm"), None),
        ),
        (
            "other-sec@example.org",
            grant(Role::Secretariat, Some("other"), None),
        ),
    ] {
        site.app
            .create_account(&OPERATOR, email, email, PASSWORD, &[g])
            .await
            .unwrap();
        sessions.push(site.app.login(email, PASSWORD, "t").await.unwrap());
    }
    let mex_session = site
        .app
        .login("mex@example.org", PASSWORD, "t")
        .await
        .unwrap();
    let (sec, other_sec) = (&sessions[0], &sessions[1]);
    let meeting = site
        .app
        .all_meetings("gcm", Some(MeetingKind::ThematicSession))
        .await
        .unwrap()[0]
        .id;
    // Typed in Spanish, declared English (the UDHR's preamble).
    let spanish = "Considerando que la libertad, la justicia y la paz en el mundo tienen por base el reconocimiento de la dignidad intrínseca y de los derechos iguales e inalienables de todos los miembros de la familia humana;";
    let id = site
        .app
        .add_statement(
            &OPERATOR,
            NewStatement {
                process: "gcm".parse().unwrap(),
                meeting,
                agenda_item: 0,
                actor: "MEX".parse().unwrap(),
                on_behalf_of: None,
                title: "A statement in two versions".into(),
                delivered_on: "2017-05-08".parse().unwrap(),
                distribution: Distribution::Public,
                embargo_until: None,
                synthetic: true,
            },
            vec![ItemText::typed(Language::En, spanish).unwrap()],
        )
        .await
        .unwrap();
    let english = "Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world.";
    let uploaded = send(
        &site,
        Request::put(format!(
            "/api/v1/processes/gcm/statements/{id}/files/en?filename=statement-en.txt"
        ))
        .header(header::AUTHORIZATION, format!("Bearer {mex_token}"))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(english))
        .unwrap(),
    )
    .await;
    assert_eq!(uploaded.status, StatusCode::CREATED, "{}", uploaded.body);
    assert_eq!(uploaded.json()["beside"], json!(true));
    assert_eq!(uploaded.json()["looks_like"], Value::Null);

    let page = |session: Option<&str>| {
        let site = &site;
        let session = session.map(str::to_owned);
        async move {
            send(
                site,
                page_get(
                    session.as_deref(),
                    &format!("/processes/gcm/statements/{id}"),
                ),
            )
            .await
        }
    };
    let flag = "This text looks like Spanish, not English.";
    let choose = format!("/processes/gcm/statements/{id}/texts/en/choice");
    // (who, sees the flag, has the choose form)
    for (who, session, flagged, form) in [
        (
            "the uploader",
            Some(mex_session.secret.as_str()),
            true,
            false,
        ),
        ("the secretariat", Some(sec.secret.as_str()), true, true),
        (
            "another process's secretariat",
            Some(other_sec.secret.as_str()),
            false,
            false,
        ),
        ("the public", None, false, false),
    ] {
        let got = page(session).await;
        assert_eq!(got.status, StatusCode::OK, "{who}");
        assert!(got.body.contains("Two versions in English:"), "{who}");
        assert!(got.body.contains("from the file statement-en.txt"), "{who}");
        assert!(got.body.contains("The version shown: typed."), "{who}");
        assert!(
            got.body.contains(english),
            "{who}: the other version is readable"
        );
        assert_eq!(got.body.contains(flag), flagged, "{who}");
        assert_eq!(got.body.contains(&choose), form, "{who}");
    }
    let chose = |session: &accord_app::NewSession, version: &str| {
        form_post(
            &session.secret,
            &choose,
            format!("csrf={}&version={version}", session.csrf),
        )
    };
    let refused = send(&site, chose(other_sec, "file")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(page(None).await.body.contains("The version shown: typed."));
    let again = send(&site, chose(sec, "both")).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(
        again.body.contains("version:"),
        "the refusal beside its field"
    );
    let done = send(&site, chose(sec, "file")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let after = page(None).await.body;
    assert!(after.contains("The version shown: from the file statement-en.txt."));
    assert!(after.contains("Chosen by sec@example.org"));
    assert!(after.contains(spanish), "the typed version stays readable");
    let api = send(
        &site,
        page_get(None, &format!("/api/v1/processes/gcm/statements/{id}")),
    )
    .await;
    let detail = api.json();
    assert_eq!(detail["texts"][0]["source"], json!("file"));
    assert_eq!(detail["other_versions"][0]["source"], json!("typed"));
    assert_eq!(detail["other_versions"][0]["looks_like"], json!("es"));
    assert_eq!(
        detail["other_versions"][0]["chosen_by"],
        json!("sec@example.org")
    );
}

/// Issue 18: a signed-in reader's pages are served from copies of their own
/// (keyed by their session), never to another reader — anonymous, or a
/// delegate of another process — and not after signing out.
async fn a_signed_in_readers_copies_are_their_own(db: TestDatabase) {
    use accord_domain::Distribution;
    let site = site_with(db, false).await;
    let app = &site.app;
    let mut restricted = app.all_documents(&OPERATOR, "gcm").await.unwrap()[0]
        .document
        .clone();
    restricted.process = "other".parse().unwrap();
    restricted.slug = "restricted".parse().unwrap();
    restricted.meeting = None;
    restricted.symbol = None;
    restricted.title = "Only for the delegates of other".into();
    restricted.distribution = Distribution::Restricted;
    restricted.embargo_until = None;
    let hidden = app.add_document(&OPERATOR, restricted).await.unwrap();
    let mut sessions = vec![];
    for (email, process) in [
        ("fra-o@example.org", "other"),
        ("fra-t@example.org", "trial"),
    ] {
        app.create_account(
            &OPERATOR,
            email,
            "Delegate of France",
            PASSWORD,
            &[grant(Role::Delegate, Some(process), Some("FRA"))],
        )
        .await
        .unwrap();
        sessions.push(app.login(email, PASSWORD, "test").await.unwrap());
    }
    let (in_other, in_trial) = (&sessions[0], &sessions[1]);
    let hits = || async {
        let metrics = send(&site, page_get(None, "/metrics")).await.body;
        metrics
            .lines()
            .find_map(|l| l.strip_prefix("accord_page_cache_requests_total{result=\"hit\"} "))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap()
    };
    let page = format!("/processes/other/documents/{hidden}");
    let first = send(&site, page_get(Some(&in_other.secret), &page)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(first.body.contains("Only for the delegates of other"));
    assert!(
        first.body.contains(&in_other.csrf),
        "the page's sign-out form"
    );
    let before = hits().await;
    let again = send(&site, page_get(Some(&in_other.secret), &page)).await;
    assert_eq!(again.body, first.body);
    assert_eq!(
        hits().await,
        before + 1,
        "the second read is the reader's copy"
    );
    assert_eq!(
        again.headers[header::CACHE_CONTROL],
        "no-store",
        "no browser or proxy keeps it"
    );

    // Nobody else is given it.
    for (who, reply) in [
        ("the public", send(&site, page_get(None, &page)).await),
        (
            "a delegate of trial",
            send(&site, page_get(Some(&in_trial.secret), &page)).await,
        ),
        (
            "an unknown session",
            send(&site, page_get(Some("not-a-session"), &page)).await,
        ),
    ] {
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{who}");
        assert!(
            !reply.body.contains("Only for the delegates of other"),
            "{who}"
        );
    }
    // Each reader's page says who they are, never another's name or form token.
    let trial_home = send(&site, page_get(Some(&in_trial.secret), "/processes/gcm")).await;
    let other_home = send(&site, page_get(Some(&in_other.secret), "/processes/gcm")).await;
    assert!(trial_home.body.contains(&in_trial.csrf));
    assert!(!trial_home.body.contains(&in_other.csrf));
    assert!(other_home.body.contains(&in_other.csrf));

    // Signed out: the cookie no longer opens the copy.
    app.logout(&in_other.secret).await.unwrap();
    let after = send(&site, page_get(Some(&in_other.secret), &page)).await;
    assert_eq!(after.status, StatusCode::NOT_FOUND, "{}", after.body);
}
