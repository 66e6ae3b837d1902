//! The secretariat's desk through the app layer, on both real stores:
//! meetings edited, postponed and cancelled with their history and audit
//! entries, in two processes with a secretariat in each.

use accord_app::{App, AuditFilter, PageRequest, Principal};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    a_meeting_is_edited_postponed_and_cancelled_with_its_history,
    a_secretariat_changes_only_its_own_process_s_meetings,
    a_refused_change_leaves_the_meeting_and_its_history_as_they_were,
    a_call_for_inputs_is_closed_early_or_extended_by_its_own_secretariat,
    the_dashboard_counts_only_the_reader_s_process,
    phases_are_opened_extended_and_closed_by_decision,
    a_refused_phase_decision_changes_nothing,
    a_cancelled_meeting_is_reinstated_by_its_own_secretariat,
    an_edit_replaces_the_title_s_translations,
    a_document_is_edited_and_withdrawn_by_its_own_secretariat,
    a_theme_is_edited_and_withdrawn_by_its_own_secretariat,
    a_process_is_corrected_by_its_own_secretariat_and_its_slug_stays,
);

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// Two processes, `ocean` and `forest`, each with a meeting and a
/// secretariat of its own; returns (ocean's meeting, forest's meeting,
/// ocean's secretariat, forest's secretariat).
async fn two_processes(app: &App) -> (i64, i64, Principal, Principal) {
    app.create_actor(
        &OPERATOR,
        Actor::new("KEN".parse().unwrap(), ActorKind::MemberState, "Kenya"),
    )
    .await
    .unwrap();
    let mut ids = vec![];
    let mut people = vec![];
    for slug in ["ocean", "forest"] {
        app.create_process(
            &OPERATOR,
            Process {
                title_translations: Default::default(),
                slug: slug.parse().unwrap(),
                title: format!("A compact on the {slug}"),
                description: String::new(),
                mandate: vec![],
                languages: vec![Language::En],
                co_facilitators: vec![],
                secretariat: vec![],
                meeting_kinds: vec![MeetingKind::NegotiationRound],
                record_resolver: None,
            },
        )
        .await
        .unwrap();
        let id = app
            .add_meeting(
                &OPERATOR,
                NewMeeting {
                    title_translations: Default::default(),
                    process: slug.parse().unwrap(),
                    slug: "round-6".parse().unwrap(),
                    kind: MeetingKind::NegotiationRound,
                    number: Some(6),
                    title: "Sixth round".into(),
                    start_date: d("2018-07-12"),
                    end_date: d("2018-07-13"),
                    venue: None,
                    chairs: vec![],
                    agenda: vec![AgendaItem {
                        number: 1,
                        title: "Rev.2".into(),
                    }],
                    themes: vec![],
                    note: None,
                },
            )
            .await
            .unwrap();
        ids.push(id);
        let grant = RoleGrant {
            role: Role::Secretariat,
            process: Some(slug.parse().unwrap()),
            actor: None,
        };
        let email = format!("secretariat@{slug}.example.org");
        let name = format!("Secretariat of {slug}");
        people.push(Principal::Account(
            app.create_account(&OPERATOR, &email, &name, PASSWORD, &[grant])
                .await
                .unwrap(),
        ));
    }
    let forest = people.pop().unwrap();
    let ocean = people.pop().unwrap();
    (ids[0], ids[1], ocean, forest)
}

fn edit_of(m: &Meeting) -> MeetingEdit {
    MeetingEdit {
        title: m.title.clone(),
        title_translations: m.title_translations.clone(),
        start_date: m.start_date,
        end_date: m.end_date,
        venue: m.venue.clone(),
        agenda: m.agenda.clone(),
        note: m.note.clone(),
    }
}

async fn audit_actions(app: &App, process: &str) -> Vec<String> {
    audit_actions_of(app, process, "meeting.").await
}

async fn audit_actions_of(app: &App, process: &str, prefix: &str) -> Vec<String> {
    app.audit_log(
        &OPERATOR,
        AuditFilter {
            action_prefix: Some(prefix.into()),
            account: None,
            process: Some(process.parse().unwrap()),
        },
        &PageRequest::first(100),
    )
    .await
    .unwrap()
    .items
    .into_iter()
    .map(|e| e.record.action)
    .collect()
}

async fn a_meeting_is_edited_postponed_and_cancelled_with_its_history(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (ocean_round, forest_round, secretariat, _) = two_processes(app).await;
    let before = app
        .meeting(&secretariat, "ocean", ocean_round)
        .await
        .unwrap();
    assert!(before.history.is_empty());

    let mut edit = edit_of(&before.meeting);
    edit.title = "Sixth round of intergovernmental negotiations".into();
    edit.venue = Some(Venue {
        name: Some("Conference Room 4".into()),
        city: "New York".into(),
        country: "KEN".parse().unwrap(),
    });
    edit.agenda.push(AgendaItem {
        number: 2,
        title: "Other matters".into(),
    });
    app.edit_meeting(&secretariat, "ocean", ocean_round, edit, None)
        .await
        .unwrap();
    let change = app
        .reschedule_meeting(
            &secretariat,
            "ocean",
            ocean_round,
            d("2018-07-19"),
            d("2018-07-20"),
            "The General Assembly Hall is needed for a special session",
        )
        .await
        .unwrap();
    assert_eq!(change.kind, MeetingChangeKind::Postponed);
    app.cancel_meeting(
        &secretariat,
        "ocean",
        ocean_round,
        "Consensus reached by silence",
    )
    .await
    .unwrap();

    let after = app
        .meeting(&Principal::Anonymous, "ocean", ocean_round)
        .await
        .unwrap();
    assert_eq!(after.meeting.status, MeetingStatus::Cancelled);
    assert_eq!(
        after.meeting.title,
        "Sixth round of intergovernmental negotiations"
    );
    assert_eq!(after.meeting.start_date, d("2018-07-19"));
    assert_eq!(after.meeting.agenda.len(), 2);
    let kinds: Vec<MeetingChangeKind> = after.history.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            MeetingChangeKind::Edited,
            MeetingChangeKind::Postponed,
            MeetingChangeKind::Cancelled
        ]
    );
    let postponed = &after.history[1];
    assert_eq!(
        postponed.by, "Secretariat of ocean",
        "a name, never an e-mail"
    );
    assert_eq!(
        postponed.reason.as_deref(),
        Some("The General Assembly Hall is needed for a special session")
    );
    let start = postponed
        .changes
        .iter()
        .find(|c| c.field == "start_date")
        .unwrap();
    assert_eq!(
        (start.before.as_str(), start.after.as_str()),
        ("2018-07-12", "2018-07-19")
    );
    let fields: Vec<&str> = after.history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["title", "venue", "agenda"]);
    assert_eq!(
        audit_actions(app, "ocean").await,
        [
            "meeting.cancel",
            "meeting.postpone",
            "meeting.edit",
            "meeting.create"
        ]
    );
    // The other process's meeting is untouched.
    let forest = app
        .meeting(&Principal::Anonymous, "forest", forest_round)
        .await
        .unwrap();
    assert_eq!(forest.meeting.status, MeetingStatus::Scheduled);
    assert!(forest.history.is_empty());
    assert_eq!(audit_actions(app, "forest").await, ["meeting.create"]);
}

async fn a_secretariat_changes_only_its_own_process_s_meetings(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (ocean_round, forest_round, ocean, forest) = two_processes(app).await;
    // Ocean's secretariat, on forest's meeting: refused, by either path.
    let refused = app
        .cancel_meeting(&ocean, "forest", forest_round, "no")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
    // Forest's meeting named under ocean's slug is not found there.
    let refused = app
        .cancel_meeting(&ocean, "ocean", forest_round, "wrong process")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "not_found");
    let refused = app
        .reschedule_meeting(
            &Principal::Anonymous,
            "ocean",
            ocean_round,
            d("2018-08-01"),
            d("2018-08-01"),
            "x",
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "unauthenticated");
    // Forest's secretariat may.
    app.reschedule_meeting(
        &forest,
        "forest",
        forest_round,
        d("2018-07-05"),
        d("2018-07-05"),
        "Brought forward",
    )
    .await
    .unwrap();
    let forest_meeting = app.meeting(&forest, "forest", forest_round).await.unwrap();
    assert_eq!(
        forest_meeting.history[0].kind,
        MeetingChangeKind::Rescheduled
    );
    let ocean_meeting = app.meeting(&ocean, "ocean", ocean_round).await.unwrap();
    assert!(ocean_meeting.history.is_empty());
    assert_eq!(audit_actions(app, "ocean").await, ["meeting.create"]);
}

async fn a_refused_change_leaves_the_meeting_and_its_history_as_they_were(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (round, _, secretariat, _) = two_processes(app).await;
    let before = app.meeting(&secretariat, "ocean", round).await.unwrap();
    // A statement is filed under agenda item 1: it cannot be removed.
    app.add_statement(
        &secretariat,
        NewStatement {
            process: "ocean".parse().unwrap(),
            meeting: round,
            agenda_item: 1,
            actor: "KEN".parse().unwrap(),
            on_behalf_of: None,
            title: "Kenya on Rev.2".into(),
            delivered_on: d("2018-07-12"),
            distribution: Distribution::Public,
            embargo_until: None,
            synthetic: false,
        },
        vec![],
    )
    .await
    .unwrap();
    let mut edit = edit_of(&before.meeting);
    edit.agenda = vec![AgendaItem {
        number: 2,
        title: "Something else".into(),
    }];
    let refused = app
        .edit_meeting(&secretariat, "ocean", round, edit, None)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "agenda_item_in_use");
    let refused = app
        .reschedule_meeting(
            &secretariat,
            "ocean",
            round,
            d("2018-07-20"),
            d("2018-07-19"),
            "late",
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "end_before_start");
    let refused = app
        .cancel_meeting(&secretariat, "ocean", round, "   ")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "invalid");
    let mut edit = edit_of(&before.meeting);
    edit.venue = Some(Venue {
        name: None,
        city: "Atlantis".into(),
        country: "ATL".parse().unwrap(),
    });
    let refused = app
        .edit_meeting(&secretariat, "ocean", round, edit, None)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "unknown_actor");
    let after = app.meeting(&secretariat, "ocean", round).await.unwrap();
    assert_eq!(after.meeting, before.meeting);
    assert!(after.history.is_empty());
    assert_eq!(audit_actions(app, "ocean").await, ["meeting.create"]);
}

fn call(process: &str, slug: &str, opens: &str, closes: Option<&str>) -> Consultation {
    Consultation {
        process: process.parse().unwrap(),
        slug: slug.parse().unwrap(),
        title: format!("Call {slug}"),
        description: String::new(),
        opens_at: opens.parse().unwrap(),
        closes_at: closes.map(|c| c.parse().unwrap()),
        synthetic: false,
    }
}

fn input(process: &str, slug: &str) -> NewInput {
    NewInput {
        process: process.parse().unwrap(),
        consultation: slug.parse().unwrap(),
        author: Some("A. Person".into()),
        organisation: None,
        country: None,
        language: Some(Language::En),
        text: "Protect the oceans from plastic.".into(),
        external_id: None,
        synthetic: false,
    }
}

async fn a_call_for_inputs_is_closed_early_or_extended_by_its_own_secretariat(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, forest) = two_processes(app).await;
    for process in ["ocean", "forest"] {
        app.open_consultation(
            &OPERATOR,
            call(
                process,
                "online",
                "2018-06-01T00:00:00Z",
                Some("2018-08-01T00:00:00Z"),
            ),
        )
        .await
        .unwrap();
    }
    app.open_consultation(
        &OPERATOR,
        call("ocean", "later", "2018-09-01T00:00:00Z", None),
    )
    .await
    .unwrap();
    let states = |calls: Vec<accord_app::CallForInputs>| -> Vec<(String, &'static str)> {
        calls
            .into_iter()
            .map(|c| (c.consultation.slug.to_string(), c.state))
            .collect()
    };
    assert_eq!(
        states(app.calls_for_inputs("ocean").await.unwrap()),
        [
            ("online".to_string(), "open"),
            ("later".to_string(), "upcoming")
        ]
    );
    // Forest's secretariat may not close ocean's call; a reason is required.
    let refused = app
        .close_consultation(&forest, "ocean", "online", "Not mine")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
    let refused = app
        .close_consultation(&ocean, "ocean", "online", "  ")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "invalid");
    let refused = app
        .close_consultation(&ocean, "ocean", "later", "Too early")
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("has not opened yet"),
        "{refused}"
    );
    // Extending: later only.
    let refused = app
        .extend_consultation(
            &ocean,
            "ocean",
            "online",
            "2018-07-15T00:00:00Z".parse().unwrap(),
        )
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("not after"), "{refused}");
    app.extend_consultation(
        &ocean,
        "ocean",
        "online",
        "2018-08-15T00:00:00Z".parse().unwrap(),
    )
    .await
    .unwrap();
    app.submit_input(&Principal::Anonymous, input("ocean", "online"), "10.0.0.1")
        .await
        .unwrap();
    app.close_consultation(&ocean, "ocean", "online", "The co-facilitators have enough")
        .await
        .unwrap();
    let refused = app
        .submit_input(&Principal::Anonymous, input("ocean", "online"), "10.0.0.2")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "consultation_closed");
    let message = refused.to_string();
    assert!(
        message.contains("closed on 2018-07-01 09:00 UTC")
            && message.contains("The co-facilitators have enough"),
        "{message}"
    );
    let calls = app.calls_for_inputs("ocean").await.unwrap();
    assert_eq!(calls[0].state, "closed");
    assert_eq!(
        calls[0].closed_reason.as_deref(),
        Some("The co-facilitators have enough")
    );
    let refused = app
        .extend_consultation(
            &ocean,
            "ocean",
            "online",
            "2018-09-15T00:00:00Z".parse().unwrap(),
        )
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("closed already"), "{refused}");
    // Forest's call is open still, and takes inputs.
    assert_eq!(
        states(app.calls_for_inputs("forest").await.unwrap()),
        [("online".to_string(), "open")]
    );
    app.submit_input(&Principal::Anonymous, input("forest", "online"), "10.0.0.3")
        .await
        .unwrap();
    let actions: Vec<String> = app
        .audit_log(
            &OPERATOR,
            AuditFilter {
                action_prefix: Some("consultation.".into()),
                account: None,
                process: Some("ocean".parse().unwrap()),
            },
            &PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.record.action)
        .collect();
    assert_eq!(
        actions,
        [
            "consultation.close",
            "consultation.extend",
            "consultation.open",
            "consultation.open"
        ]
    );
}

async fn the_dashboard_counts_only_the_reader_s_process(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, forest) = two_processes(app).await;
    // Two applications to ocean, one to forest, all in their no-objection period.
    for (process, name) in [
        ("ocean", "Blue Network"),
        ("ocean", "Reef Watch"),
        ("forest", "Tree Alliance"),
    ] {
        app.apply_for_accreditation(
            &Principal::Anonymous,
            process,
            accord_domain::NewApplication {
                name: name.into(),
                kind: accord_domain::StakeholderKind::ALL[0],
                country: "KEN".parse().unwrap(),
                website: "https://example.org".into(),
                ecosoc_status: false,
                description: "We work on it.".into(),
            },
            "10.0.0.9",
        )
        .await
        .unwrap();
    }
    let seen = app.attention(&ocean, "ocean").await.unwrap();
    assert_eq!(seen.applications_in_objection_period, Some(2));
    assert_eq!(seen.applications_to_decide, Some(0));
    assert_eq!(seen.pending_uploads, Some(0));
    assert_eq!(seen.open_silences, Some(0));
    assert_eq!(seen.amendments_awaiting_decision, Some(0));
    assert_eq!(seen.running_jobs, Some(0));
    let theirs = app.attention(&forest, "forest").await.unwrap();
    assert_eq!(theirs.applications_in_objection_period, Some(1));
    // Ocean's secretariat sees nothing of forest, nor the public of either.
    assert_eq!(
        app.attention(&ocean, "forest").await.unwrap(),
        accord_app::Attention::default()
    );
    assert_eq!(
        app.attention(&Principal::Anonymous, "ocean").await.unwrap(),
        accord_app::Attention::default()
    );
    // Once the period is over, the applications wait for a decision.
    t.advance(chrono::Duration::days(60));
    let later = app.attention(&ocean, "ocean").await.unwrap();
    assert_eq!(later.applications_in_objection_period, Some(0));
    assert_eq!(later.applications_to_decide, Some(2));
}

/// Both processes get the same plan: consultation, then negotiation.
async fn plan_phases(app: &App) {
    for slug in ["ocean", "forest"] {
        for (kind, start, end) in [
            (PhaseKind::Consultation, "2018-01-01", Some("2018-03-31")),
            (PhaseKind::Negotiation, "2018-05-01", Some("2018-07-31")),
        ] {
            app.add_phase(
                &OPERATOR,
                Phase::planned(slug.parse().unwrap(), kind, d(start), end.map(d), None),
            )
            .await
            .unwrap();
        }
    }
}

async fn phases_are_opened_extended_and_closed_by_decision(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-04-10T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, forest) = two_processes(app).await;
    plan_phases(app).await;
    // Between phases by the plan: no phase today.
    assert_eq!(app.process("ocean").await.unwrap().current_phase, None);

    // The secretariat opens the negotiation early: it runs from today.
    app.decide_phase(
        &ocean,
        "ocean",
        PhaseKind::Negotiation,
        PhaseDecision::Open {
            on: d("2018-04-10"),
        },
        Some("the zero draft is out".into()),
    )
    .await
    .unwrap();
    let view = app.process("ocean").await.unwrap();
    assert_eq!(view.current_phase, Some(PhaseKind::Negotiation));
    assert_eq!(
        app.process("forest").await.unwrap().current_phase,
        None,
        "the other process keeps its plan"
    );

    // Extended past its planned end, then closed (its last day today).
    t.set_now("2018-07-30T09:00:00Z");
    app.decide_phase(
        &ocean,
        "ocean",
        PhaseKind::Negotiation,
        PhaseDecision::Extend {
            until: d("2018-08-15"),
        },
        Some("a seventh round".into()),
    )
    .await
    .unwrap();
    t.set_now("2018-08-10T09:00:00Z");
    assert_eq!(
        app.process("ocean").await.unwrap().current_phase,
        Some(PhaseKind::Negotiation),
        "the decision, not the plan, says it runs"
    );
    let close = app
        .decide_phase(
            &ocean,
            "ocean",
            PhaseKind::Negotiation,
            PhaseDecision::Close {
                on: d("2018-08-09"),
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(close.by, "Secretariat of ocean");
    assert_eq!(close.changes[0].field, "closed_on");
    assert_eq!(app.process("ocean").await.unwrap().current_phase, None);

    // The plan can still be corrected, with a reason; the decisions stay.
    app.replan_phase(
        &ocean,
        "ocean",
        PhaseKind::Consultation,
        accord_app::PhasePlan {
            start_date: d("2018-01-02"),
            end_date: Some(d("2018-03-31")),
            note: Some("from the modalities resolution".into()),
        },
        "the first hearing was on 2 January",
    )
    .await
    .unwrap();

    let view = app.process("ocean").await.unwrap();
    let kinds: Vec<(PhaseKind, PhaseChangeKind)> = app
        .phase_history("ocean")
        .await
        .unwrap()
        .iter()
        .map(|c| (c.phase, c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (PhaseKind::Negotiation, PhaseChangeKind::Opened),
            (PhaseKind::Negotiation, PhaseChangeKind::Extended),
            (PhaseKind::Negotiation, PhaseChangeKind::Closed),
            (PhaseKind::Consultation, PhaseChangeKind::Replanned),
        ]
    );
    let negotiation = view
        .phases
        .iter()
        .find(|p| p.kind == PhaseKind::Negotiation)
        .unwrap();
    assert_eq!(
        (
            negotiation.start_date,
            negotiation.opened_on,
            negotiation.closed_on
        ),
        (
            d("2018-05-01"),
            Some(d("2018-04-10")),
            Some(d("2018-08-09"))
        ),
        "the plan and the facts side by side"
    );
    assert_eq!(
        audit_actions_of(app, "ocean", "phase.").await,
        [
            "phase.replan",
            "phase.close",
            "phase.extend",
            "phase.open",
            "phase.create",
            "phase.create"
        ],
        "newest first"
    );
    assert_eq!(
        audit_actions_of(app, "forest", "phase.").await,
        ["phase.create", "phase.create"]
    );
    assert!(app.phase_history("forest").await.unwrap().is_empty());

    // Forest's secretariat cannot decide on ocean's phases.
    let err = app
        .decide_phase(
            &forest,
            "ocean",
            PhaseKind::Consultation,
            PhaseDecision::Close {
                on: d("2018-03-01"),
            },
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "forbidden");
}

async fn a_refused_phase_decision_changes_nothing(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-04-10T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, _) = two_processes(app).await;
    plan_phases(app).await;
    let before = app.process("ocean").await.unwrap();
    let cases: Vec<(PhaseKind, PhaseDecision, Option<&str>, &str)> = vec![
        (
            PhaseKind::Negotiation,
            PhaseDecision::Open {
                on: d("2018-04-11"),
            },
            None,
            "decision_in_future",
        ),
        (
            PhaseKind::Consultation,
            PhaseDecision::Open {
                on: d("2018-04-10"),
            },
            None,
            "phase_ends_before_opening",
        ),
        (
            PhaseKind::Negotiation,
            PhaseDecision::Extend {
                until: d("2018-07-01"),
            },
            Some("why"),
            "not_an_extension",
        ),
        (
            PhaseKind::Negotiation,
            PhaseDecision::Extend {
                until: d("2018-09-01"),
            },
            None,
            "invalid",
        ),
        (
            PhaseKind::Negotiation,
            PhaseDecision::Close {
                on: d("2018-04-01"),
            },
            None,
            "close_before_opening",
        ),
        (
            PhaseKind::Adoption,
            PhaseDecision::Open {
                on: d("2018-04-10"),
            },
            None,
            "not_found",
        ),
    ];
    for (phase, decision, reason, kind) in cases {
        let err = app
            .decide_phase(&ocean, "ocean", phase, decision, reason.map(Into::into))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), kind, "{phase} {decision:?}: {err}");
    }
    let err = app
        .replan_phase(
            &ocean,
            "ocean",
            PhaseKind::Negotiation,
            accord_app::PhasePlan {
                start_date: d("2018-08-01"),
                end_date: Some(d("2018-07-31")),
                note: None,
            },
            "moved",
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "end_before_start");
    let after = app.process("ocean").await.unwrap();
    assert_eq!(after.phases, before.phases);
    assert!(app.phase_history("ocean").await.unwrap().is_empty());
    assert_eq!(
        audit_actions_of(app, "ocean", "phase.").await,
        ["phase.create", "phase.create"],
        "nothing but the plan"
    );
}

async fn a_cancelled_meeting_is_reinstated_by_its_own_secretariat(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (ocean_round, forest_round, ocean, forest) = two_processes(app).await;
    // Only a cancelled meeting is reinstated.
    let refused = app
        .reinstate_meeting(&ocean, "ocean", ocean_round, "Quorum reached")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "nothing_changed");
    app.cancel_meeting(&ocean, "ocean", ocean_round, "No quorum")
        .await
        .unwrap();
    app.cancel_meeting(&forest, "forest", forest_round, "No quorum")
        .await
        .unwrap();
    // The other process's secretariat is refused; under the wrong slug the
    // meeting is not found; a reason is required.
    let refused = app
        .reinstate_meeting(&forest, "ocean", ocean_round, "Not mine")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
    let refused = app
        .reinstate_meeting(&ocean, "ocean", forest_round, "Not mine")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "not_found");
    let refused = app
        .reinstate_meeting(&ocean, "ocean", ocean_round, "  ")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "invalid");
    let change = app
        .reinstate_meeting(&ocean, "ocean", ocean_round, "Quorum reached after all")
        .await
        .unwrap();
    assert_eq!(change.kind, MeetingChangeKind::Reinstated);
    let after = app
        .meeting(&Principal::Anonymous, "ocean", ocean_round)
        .await
        .unwrap();
    assert_eq!(after.meeting.status, MeetingStatus::Scheduled);
    let last = after.history.last().unwrap();
    assert_eq!(last.kind, MeetingChangeKind::Reinstated);
    assert_eq!(last.by, "Secretariat of ocean");
    assert_eq!(last.reason.as_deref(), Some("Quorum reached after all"));
    assert_eq!(
        (
            last.changes[0].before.as_str(),
            last.changes[0].after.as_str()
        ),
        ("cancelled", "scheduled")
    );
    assert_eq!(
        audit_actions(app, "ocean").await,
        ["meeting.reinstate", "meeting.cancel", "meeting.create"]
    );
    // Forest's meeting stays cancelled.
    let forest_meeting = app
        .meeting(&Principal::Anonymous, "forest", forest_round)
        .await
        .unwrap();
    assert_eq!(forest_meeting.meeting.status, MeetingStatus::Cancelled);
    assert_eq!(
        audit_actions(app, "forest").await,
        ["meeting.cancel", "meeting.create"]
    );
}

async fn an_edit_replaces_the_title_s_translations(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (round, _, secretariat, _) = two_processes(app).await;
    let before = app.meeting(&secretariat, "ocean", round).await.unwrap();
    let mut edit = edit_of(&before.meeting);
    edit.title_translations = [
        (Language::Fr, "Sixième cycle".to_owned()),
        (Language::Es, "Sexta ronda".to_owned()),
    ]
    .into();
    app.edit_meeting(&secretariat, "ocean", round, edit.clone(), None)
        .await
        .unwrap();
    edit.title_translations.remove(&Language::Es);
    let change = app
        .edit_meeting(
            &secretariat,
            "ocean",
            round,
            edit,
            Some("No Spanish yet".into()),
        )
        .await
        .unwrap();
    assert_eq!(change.changes[0].field, "title_translations");
    assert_eq!(
        change.changes[0].before,
        "fr: Sixième cycle\nes: Sexta ronda"
    );
    assert_eq!(change.changes[0].after, "fr: Sixième cycle");
    let after = app
        .meeting(&Principal::Anonymous, "ocean", round)
        .await
        .unwrap();
    assert_eq!(
        after.meeting.title_translations,
        [(Language::Fr, "Sixième cycle".to_owned())].into()
    );
}

async fn a_document_is_edited_and_withdrawn_by_its_own_secretariat(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, forest) = two_processes(app).await;
    let mut ids = vec![];
    for (process, slug) in [
        ("ocean", "note"),
        ("ocean", "other-note"),
        ("forest", "note"),
    ] {
        ids.push(
            app.add_document(
                &OPERATOR,
                NewDocument {
                    process: process.parse().unwrap(),
                    slug: slug.parse().unwrap(),
                    symbol: None,
                    title: format!("A note of {process}"),
                    kind: DocumentKind::ConceptNote,
                    date: d("2018-07-01"),
                    languages: vec![Language::En],
                    distribution: Distribution::Public,
                    embargo_until: None,
                    meeting: None,
                },
            )
            .await
            .unwrap(),
        );
    }
    let (note, other_note, forest_note) = (ids[0], ids[1], ids[2]);
    app.edit_document(
        &OPERATOR,
        "ocean",
        other_note,
        DocumentEdit {
            symbol: Some("A/CONF.231/2".parse().unwrap()),
            title: "Taken".into(),
            kind: DocumentKind::ConceptNote,
            date: d("2018-07-01"),
            languages: vec![Language::En],
            distribution: Distribution::Public,
            embargo_until: None,
            meeting: None,
        },
        None,
    )
    .await
    .unwrap();
    let edit = |symbol: &str, meeting: Option<&str>| DocumentEdit {
        symbol: Some(symbol.parse().unwrap()),
        title: "Concept note of the sixth round".into(),
        kind: DocumentKind::ConceptNote,
        date: d("2018-07-02"),
        languages: vec![Language::En, Language::Fr],
        distribution: Distribution::Restricted,
        embargo_until: None,
        meeting: meeting.map(|m| m.parse().unwrap()),
    };
    // Forest's secretariat may not; under forest's slug the note is not found.
    let refused = app
        .edit_document(&forest, "ocean", note, edit("A/CONF.231/1", None), None)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
    let refused = app
        .withdraw_document(&forest, "forest", note, "Not ours")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "not_found");
    // A symbol another document holds, or a meeting the process lacks: refused.
    let refused = app
        .edit_document(&ocean, "ocean", note, edit("A/CONF.231/2", None), None)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "duplicate_symbol");
    let refused = app
        .edit_document(
            &ocean,
            "ocean",
            note,
            edit("A/CONF.231/1", Some("round-9")),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "unknown_meeting");
    let change = app
        .edit_document(
            &ocean,
            "ocean",
            note,
            edit("A/CONF.231/1", Some("round-6")),
            Some("As issued".into()),
        )
        .await
        .unwrap();
    let fields: Vec<&str> = change.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "symbol",
            "title",
            "date",
            "languages",
            "distribution",
            "meeting"
        ]
    );
    // The public no longer sees it (restricted), the secretariat does, with its meeting.
    assert_eq!(
        app.document(&Principal::Anonymous, "ocean", note)
            .await
            .unwrap_err()
            .kind(),
        "not_found"
    );
    let seen = app.document(&ocean, "ocean", note).await.unwrap();
    assert_eq!(seen.document.meeting.as_ref().unwrap().as_str(), "round-6");
    assert_eq!(seen.meeting.unwrap().slug.as_str(), "round-6");

    let refused = app
        .withdraw_document(&ocean, "ocean", note, " ")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "invalid");
    app.withdraw_document(&ocean, "ocean", note, "Issued in error")
        .await
        .unwrap();
    let seen = app.document(&ocean, "ocean", note).await.unwrap();
    assert_eq!(
        seen.document.withdrawn_reason.as_deref(),
        Some("Issued in error")
    );
    let kinds: Vec<ChangeKind> = seen.history.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Edited, ChangeKind::Withdrawn]);
    assert_eq!(seen.history[0].reason.as_deref(), Some("As issued"));
    assert_eq!(seen.history[1].by, "Secretariat of ocean");
    // Lists leave it out; a withdrawn document takes no further change.
    let listed: Vec<i64> = app
        .all_documents(&ocean, "ocean")
        .await
        .unwrap()
        .iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(listed, [other_note]);
    let refused = app
        .withdraw_document(&ocean, "ocean", note, "Again")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "document_withdrawn");
    let audit: Vec<String> = app
        .audit_log(
            &OPERATOR,
            AuditFilter {
                action_prefix: Some("document.".into()),
                account: None,
                process: Some("ocean".parse().unwrap()),
            },
            &PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&format!("document:{note}")))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(
        audit,
        ["document.withdraw", "document.edit", "document.create"]
    );
    // Forest's note is untouched.
    let theirs = app.document(&forest, "forest", forest_note).await.unwrap();
    assert!(theirs.history.is_empty());
    assert_eq!(theirs.document.withdrawn_reason, None);
}

fn process_edit_of(p: &Process) -> ProcessEdit {
    ProcessEdit {
        title: p.title.clone(),
        title_translations: p.title_translations.clone(),
        description: p.description.clone(),
        mandate: p.mandate.clone(),
        languages: p.languages.clone(),
        co_facilitators: p.co_facilitators.clone(),
        secretariat: p.secretariat.clone(),
        meeting_kinds: p.meeting_kinds.clone(),
        record_resolver: p.record_resolver.clone(),
    }
}

/// The secretariat corrects its process's title, translations, mandate,
/// languages and resolver; each change is kept in the process's history
/// and audited. The other process's secretariat is refused, a meeting kind
/// in use stays, an unknown officer's actor is refused, and a refusal
/// leaves the process and its history as they were.
async fn a_process_is_corrected_by_its_own_secretariat_and_its_slug_stays(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-01T09:00:00Z").await;
    let app = &t.app;
    let (_, _, ocean, forest) = two_processes(app).await;
    let before = app.process("ocean").await.unwrap().process;
    let mut edit = process_edit_of(&before);
    edit.title = "A compact for the ocean".into();
    edit.title_translations
        .insert(Language::Fr, "Un pacte pour l'océan".into());
    edit.mandate = vec!["A/RES/77/1".parse().unwrap()];
    edit.languages = vec![Language::En, Language::Fr];
    edit.record_resolver = Some("https://documents.un.org/s?s={symbol}".into());

    let refused = app
        .edit_process(&forest, "ocean", edit.clone(), None)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");

    let change = app
        .edit_process(&ocean, "ocean", edit.clone(), Some("  As mandated ".into()))
        .await
        .unwrap();
    assert_eq!(change.subject, "process");
    assert_eq!(change.kind, ChangeKind::Edited);
    assert_eq!(change.by, "Secretariat of ocean");
    assert_eq!(change.reason.as_deref(), Some("As mandated"));
    let fields: Vec<&str> = change.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "title",
            "title_translations",
            "mandate",
            "languages",
            "record_resolver"
        ]
    );
    let after = app.process("ocean").await.unwrap().process;
    assert_eq!(after.slug.as_str(), "ocean");
    assert_eq!(after.title, "A compact for the ocean");
    assert_eq!(
        after.title_translations.get(&Language::Fr).unwrap(),
        "Un pacte pour l'océan"
    );
    assert_eq!(after.languages, [Language::En, Language::Fr]);
    assert_eq!(
        app.process("forest").await.unwrap().process.title,
        "A compact on the forest"
    );

    // Refused, each leaving the process and its history as they were.
    let mut no_rounds = process_edit_of(&after);
    no_rounds.meeting_kinds = vec![MeetingKind::Conference];
    let e = app
        .edit_process(&ocean, "ocean", no_rounds, None)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "meeting_kind_in_use");
    let mut unknown = process_edit_of(&after);
    unknown.co_facilitators = vec![Officer {
        name: "A. Chair".into(),
        title: String::new(),
        actor: Some("XXX".parse().unwrap()),
    }];
    let e = app
        .edit_process(&ocean, "ocean", unknown, None)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "unknown_actor");
    let e = app
        .edit_process(&ocean, "ocean", process_edit_of(&after), None)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "nothing_changed");
    assert_eq!(app.process("ocean").await.unwrap().process, after);

    let history = app.process_history("ocean").await.unwrap();
    assert_eq!(history, [change]);
    assert!(app.process_history("forest").await.unwrap().is_empty());
    assert_eq!(
        audit_actions_of(app, "ocean", "process.edit").await,
        ["process.edit"]
    );
    assert!(audit_actions_of(app, "forest", "process.edit")
        .await
        .is_empty());
}

/// A theme's desk: only its own process's secretariat edits or withdraws
/// it; a withdrawn theme leaves the lists offered for choosing, stays on
/// what was filed under it, and nothing new is filed under it; the other
/// process's theme of the same code is untouched.
async fn a_theme_is_edited_and_withdrawn_by_its_own_secretariat(db: TestDatabase) {
    let t = TestApp::empty(db, "2018-07-13T09:00:00Z").await;
    let app = &t.app;
    let (ocean_round, _, ocean, forest) = two_processes(app).await;
    for process in ["ocean", "forest"] {
        for n in [7u32, 8] {
            app.add_theme(
                &OPERATOR,
                Theme {
                    process: process.parse().unwrap(),
                    code: format!("objective-{n}").parse().unwrap(),
                    taxonomy: "objectives".parse().unwrap(),
                    number: Some(n),
                    title: format!("Objective {n} of {process}"),
                    withdrawn_reason: None,
                },
            )
            .await
            .unwrap();
        }
    }
    let delegate = Principal::Account(
        app.create_account(
            &OPERATOR,
            "delegate@ocean.example.org",
            "A delegate",
            PASSWORD,
            &[RoleGrant {
                role: Role::Delegate,
                process: Some("ocean".parse().unwrap()),
                actor: Some("KEN".parse().unwrap()),
            }],
        )
        .await
        .unwrap(),
    );
    let text = "Migrants must have access to basic services, and States should protect the rights of every migrant worker.";
    let statement = app
        .add_statement(
            &ocean,
            NewStatement {
                process: "ocean".parse().unwrap(),
                meeting: ocean_round,
                agenda_item: 1,
                actor: "KEN".parse().unwrap(),
                on_behalf_of: None,
                title: "Kenya's statement".into(),
                delivered_on: d("2018-07-12"),
                distribution: Distribution::Public,
                embargo_until: None,
                synthetic: false,
            },
            vec![ItemText::typed(Language::En, text).unwrap()],
        )
        .await
        .unwrap();
    let rec = |themes: &[&str]| NewRecommendation {
        process: "ocean".parse().unwrap(),
        source: ItemKind::Statement,
        source_id: statement,
        language: Language::En,
        passage: "States should protect the rights of every migrant worker.".into(),
        themes: themes.iter().map(|t| t.parse().unwrap()).collect(),
    };
    let meeting = |slug: &str, process: &str, themes: &[&str]| NewMeeting {
        title_translations: Default::default(),
        process: process.parse().unwrap(),
        slug: slug.parse().unwrap(),
        kind: MeetingKind::NegotiationRound,
        number: None,
        title: format!("Meeting {slug}"),
        start_date: d("2018-08-01"),
        end_date: d("2018-08-01"),
        venue: None,
        chairs: vec![],
        agenda: vec![],
        themes: themes.iter().map(|t| t.parse().unwrap()).collect(),
        note: None,
    };
    // Filed under objective 7 before it is withdrawn.
    let filed = app
        .mark_recommendation(&ocean, rec(&["objective-7"]))
        .await
        .unwrap();
    let filed_meeting = app
        .add_meeting(&ocean, meeting("round-7", "ocean", &["objective-7"]))
        .await
        .unwrap();

    let edit = |title: &str| ThemeEdit {
        title: title.into(),
        number: Some(7),
    };
    // Forest's secretariat and a delegate may not; an unknown code is not found.
    for who in [&forest, &delegate] {
        let refused = app
            .edit_theme(who, "ocean", "objective-7", edit("Taken over"), None)
            .await
            .unwrap_err();
        assert_eq!(refused.kind(), "forbidden");
        let refused = app
            .withdraw_theme(who, "ocean", "objective-7", "Not ours")
            .await
            .unwrap_err();
        assert_eq!(refused.kind(), "forbidden");
    }
    for code in ["objective-9", "Not a code!"] {
        let refused = app
            .withdraw_theme(&ocean, "ocean", code, "Gone")
            .await
            .unwrap_err();
        assert_eq!(refused.kind(), "not_found", "{code}");
    }
    let refused = app
        .edit_theme(
            &ocean,
            "ocean",
            "objective-7",
            edit("Objective 7 of ocean"),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "nothing_changed");
    let change = app
        .edit_theme(
            &ocean,
            "ocean",
            "objective-7",
            edit("Reduce vulnerabilities"),
            Some(" As adopted ".into()),
        )
        .await
        .unwrap();
    let fields: Vec<&str> = change.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["title"]);
    assert_eq!(change.subject, "theme:objective-7");

    let refused = app
        .withdraw_theme(&ocean, "ocean", "objective-7", " ")
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "invalid");
    app.withdraw_theme(&ocean, "ocean", "objective-7", "Merged into objective 8")
        .await
        .unwrap();

    let seen = app.theme("ocean", "objective-7").await.unwrap();
    assert_eq!(seen.theme.title, "Reduce vulnerabilities");
    assert_eq!(
        seen.theme.withdrawn_reason.as_deref(),
        Some("Merged into objective 8")
    );
    let kinds: Vec<ChangeKind> = seen.history.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Edited, ChangeKind::Withdrawn]);
    assert_eq!(seen.history[0].reason.as_deref(), Some("As adopted"));
    assert_eq!(seen.history[1].by, "Secretariat of ocean");

    // The lists offered for choosing leave it out; every theme is still read.
    let codes = |themes: Vec<Theme>| {
        themes
            .into_iter()
            .map(|t| t.code.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(app.themes_to_choose("ocean").await.unwrap()),
        ["objective-8"]
    );
    assert_eq!(
        codes(app.themes("ocean").await.unwrap()),
        ["objective-7", "objective-8"]
    );
    assert_eq!(
        codes(app.themes_to_choose("forest").await.unwrap()),
        ["objective-7", "objective-8"],
        "forest's objective 7 stands"
    );
    // What was filed under it keeps it.
    let under: Vec<i64> = app
        .recommendations(
            &ocean,
            "ocean",
            Some("objective-7"),
            &PageRequest::first(10),
        )
        .await
        .unwrap()
        .items
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(under, [filed]);
    let m = app.meeting(&ocean, "ocean", filed_meeting).await.unwrap();
    assert_eq!(
        m.themes
            .iter()
            .map(|t| (t.code.as_str(), t.is_withdrawn()))
            .collect::<Vec<_>>(),
        [("objective-7", true)]
    );
    // Nothing new is filed under it: a recommendation, a meeting, a label.
    let refused = app
        .mark_recommendation(&ocean, rec(&["objective-8", "objective-7"]))
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "theme_withdrawn");
    let refused = app
        .add_meeting(&ocean, meeting("round-8", "ocean", &["objective-7"]))
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "theme_withdrawn");
    let refused = app
        .label_theme(
            &ocean,
            "ocean",
            ItemKind::Statement,
            statement,
            "objective-7",
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), "theme_withdrawn");
    app.label_theme(
        &ocean,
        "ocean",
        ItemKind::Statement,
        statement,
        "objective-8",
    )
    .await
    .unwrap();
    app.add_meeting(&forest, meeting("round-8", "forest", &["objective-7"]))
        .await
        .unwrap();
    // A withdrawn theme takes no further change.
    for refused in [
        app.withdraw_theme(&ocean, "ocean", "objective-7", "Again")
            .await
            .unwrap_err(),
        app.edit_theme(&ocean, "ocean", "objective-7", edit("Back"), None)
            .await
            .unwrap_err(),
    ] {
        assert_eq!(refused.kind(), "theme_withdrawn");
    }
    let audit: Vec<String> = app
        .audit_log(
            &OPERATOR,
            AuditFilter {
                action_prefix: Some("theme.".into()),
                account: None,
                process: Some("ocean".parse().unwrap()),
            },
            &PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.record.targets.contains(&"theme:objective-7".to_owned()))
        .map(|e| e.record.action)
        .collect();
    assert_eq!(audit, ["theme.withdraw", "theme.edit", "theme.create"]);
    let theirs = app.theme("forest", "objective-7").await.unwrap();
    assert!(theirs.history.is_empty());
    assert_eq!(theirs.theme.withdrawn_reason, None);
}
