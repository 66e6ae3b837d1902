//! The negotiation phase through the app layer, on both real stores: a draft
//! imported, amendments tabled, supported and decided, a revision built from
//! them, redline and lineage, paragraph status, and a silence procedure.

use accord_app::negotiation::{
    local_deadline, DraftRequest, ImportSource, NewAmendment, RevisionRequest,
};
use accord_app::{App, AppError, Principal};
use accord_domain::negotiation::*;
use accord_domain::*;
use chrono::Duration;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    a_docx_laid_out_as_un_drafts_imports_with_its_structure,
    a_round_of_amendments_becomes_a_revision,
    bad_proposals_and_revisions_change_nothing,
    silence_is_kept_or_broken_by_the_deadline,
    silence_follows_practice,
);

const ZERO: &str = "# Global compact (test text)

## Preamble {#pre}

1. We, the States, adopt this compact today. {#p1}

## Objectives

### Objective 1: Collect data {#obj1}

2. We commit to strengthen data. To this end, we will: {#p2}

    (a) collect data; {#p2a}

    (b) share data. {#p2b}

3. We commit to review. {#p3}
";

fn kind<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    r.expect_err("must be refused").kind()
}

async fn person(app: &App, email: &str, role: Role, actor: Option<&str>) -> Principal {
    let grant = RoleGrant {
        role,
        process: Some("gcm".parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

fn code(s: &str) -> ActorCode {
    s.parse().unwrap()
}

fn w(s: &str) -> Wid {
    Wid::new(s).unwrap()
}

fn proposal(proposer: &str, operation: Operation) -> NewAmendment {
    NewAmendment {
        proposer: code(proposer),
        co_sponsors: vec![],
        operation,
        justification: "Test justification".into(),
    }
}

/// A draft with its zero draft, issued by a co-facilitator.
async fn zero_draft(app: &App, chair: &Principal) {
    app.create_draft(
        chair,
        "gcm",
        DraftRequest::negotiating_text("compact", "Global compact (test)", true),
    )
    .await
    .unwrap();
    app.import_version(
        chair,
        "gcm",
        "compact",
        "Zero draft",
        Some("2018-02-05".parse().unwrap()),
        ImportSource::Markdown(ZERO.into()),
        true,
    )
    .await
    .unwrap();
}

async fn a_round_of_amendments_becomes_a_revision(db: TestDatabase) {
    let t = TestApp::at(db, "2018-02-20T15:00:00Z").await;
    let app = &t.app;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let che = person(app, "che@example.org", Role::Delegate, Some("CHE")).await;
    let fra = person(app, "fra@example.org", Role::Delegate, Some("FRA")).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let iom = person(
        app,
        "iom@example.org",
        Role::UnEntityRepresentative,
        Some("IOM"),
    )
    .await;

    // A preview stores nothing; the import issues the first version.
    app.create_draft(
        &chair,
        "gcm",
        DraftRequest::negotiating_text("compact", "Global compact (test)", true),
    )
    .await
    .unwrap();
    let (preview, seq) = app
        .import_version(
            &chair,
            "gcm",
            "compact",
            "Zero draft",
            None,
            ImportSource::Markdown(ZERO.into()),
            false,
        )
        .await
        .unwrap();
    assert_eq!(
        (preview.paragraphs, preview.subparagraphs, seq),
        (3, 2, None)
    );
    assert!(app
        .draft("gcm", "compact")
        .await
        .unwrap()
        .versions
        .is_empty());
    let (_, seq) = app
        .import_version(
            &chair,
            "gcm",
            "compact",
            "Zero draft",
            Some("2018-02-05".parse().unwrap()),
            ImportSource::Markdown(ZERO.into()),
            true,
        )
        .await
        .unwrap();
    assert_eq!(seq, Some(1));
    // The same text again is refused.
    assert_eq!(
        kind(
            app.import_version(
                &chair,
                "gcm",
                "compact",
                "Zero draft plus",
                None,
                ImportSource::Markdown(ZERO.into()),
                true
            )
            .await
        ),
        "duplicate_version"
    );

    // Mexico replaces "the States" (chars 4..14 of p1); the EU, through its
    // designated speaker, proposes a new sub-paragraph, co-sponsored by Mexico.
    let (a1, n1) = app
        .propose_amendment(
            &mex,
            "gcm",
            "compact",
            1,
            proposal(
                "MEX",
                Operation::ReplaceText {
                    node: w("p1"),
                    from: 4,
                    to: 14,
                    text: "the Heads of State".into(),
                },
            ),
            false,
        )
        .await
        .unwrap();
    assert_eq!(n1, 1);
    app.set_group_chair(&sec, "gcm", "EU", "FRA").await.unwrap();
    app.designate_group_speaker(&fra, "gcm", "EU", "fra@example.org")
        .await
        .unwrap();
    let (a2, _) = app
        .propose_amendment(
            &fra,
            "gcm",
            "compact",
            1,
            NewAmendment {
                co_sponsors: vec![code("MEX")],
                ..proposal(
                    "EU",
                    Operation::AddNode {
                        after: w("p2b"),
                        kind: NodeKind::Subparagraph,
                        heading: String::new(),
                        text: "protect data.".into(),
                    },
                )
            },
            false,
        )
        .await
        .unwrap();
    let (a3, _) = app
        .propose_amendment(
            &che,
            "gcm",
            "compact",
            1,
            proposal("CHE", Operation::DeleteNode { node: w("p3") }),
            false,
        )
        .await
        .unwrap();

    // Who may do what.
    assert_eq!(
        kind(
            app.propose_amendment(
                &mex,
                "gcm",
                "compact",
                1,
                proposal("FRA", Operation::DeleteNode { node: w("p3") }),
                false
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.propose_amendment(
                &iom,
                "gcm",
                "compact",
                1,
                proposal("IOM", Operation::DeleteNode { node: w("p3") }),
                false
            )
            .await
        ),
        "not_allowed_for_actor"
    );
    assert_eq!(
        kind(
            app.take_position(&mex, "gcm", "compact", a1, &code("MEX"), Stance::Support)
                .await
        ),
        "not_allowed_for_actor"
    );
    app.take_position(&che, "gcm", "compact", a1, &code("CHE"), Stance::Object)
        .await
        .unwrap();
    t.advance(Duration::minutes(5));
    app.take_position(&che, "gcm", "compact", a1, &code("CHE"), Stance::Support)
        .await
        .unwrap();
    app.take_position(&che, "gcm", "compact", a2, &code("CHE"), Stance::Object)
        .await
        .unwrap();

    // Co-sponsorship is Mexico's own act: named by the EU, it is pending
    // (not among the proposers) until Mexico's delegate confirms it; nobody
    // else can confirm for Mexico.
    let (view, compilation) = app
        .compilation("gcm", "compact", 1, &ProposalFilter::default())
        .await
        .unwrap();
    let named = view.amendments.iter().find(|a| a.id == a2).unwrap();
    assert_eq!(named.pending_co_sponsors, [code("MEX")]);
    assert!(named.co_sponsors.is_empty());
    let eu = compilation.proposals.iter().find(|p| p.id == a2).unwrap();
    assert_eq!(eu.proposers, ["EU"]);
    assert_eq!(
        kind(
            app.co_sponsorship(&che, "gcm", "compact", a2, &code("MEX"), true)
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.co_sponsorship(&fra, "gcm", "compact", a2, &code("MEX"), true)
                .await
        ),
        "forbidden",
        "not even the proposer's speaker"
    );
    assert_eq!(
        kind(
            app.co_sponsorship(&che, "gcm", "compact", a2, &code("CHE"), true)
                .await
        ),
        "not_named_co_sponsor"
    );
    app.co_sponsorship(&mex, "gcm", "compact", a2, &code("MEX"), true)
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.co_sponsorship(&mex, "gcm", "compact", a2, &code("MEX"), true)
                .await
        ),
        "not_named_co_sponsor",
        "once"
    );

    // The compilation text shows them inline, attributed.
    let (view, compilation) = app
        .compilation("gcm", "compact", 1, &ProposalFilter::default())
        .await
        .unwrap();
    assert_eq!(view.amendments.len(), 3);
    assert_eq!(compilation.proposals.len(), 3);
    let p1 = compilation
        .nodes
        .iter()
        .find(|n| n.placed.wid == w("p1"))
        .unwrap();
    assert!(p1
        .segments
        .iter()
        .any(|s| matches!(s, Segment::Insert { text, .. } if text == "the Heads of State")));
    let eu = compilation.proposals.iter().find(|p| p.id == a2).unwrap();
    assert_eq!(eu.proposers, ["EU", "MEX"]);
    assert_eq!(eu.objectors, ["CHE"]);
    assert_eq!(
        compilation
            .proposals
            .iter()
            .find(|p| p.id == a1)
            .unwrap()
            .supporters,
        ["CHE"],
        "a later stance replaces an earlier one"
    );
    let (_, by_che) = app
        .compilation(
            "gcm",
            "compact",
            1,
            &ProposalFilter {
                actor: Some("CHE".into()),
                statuses: vec![],
            },
        )
        .await
        .unwrap();
    assert_eq!(
        by_che.proposals.len(),
        3,
        "CHE proposed one and took positions on two"
    );

    // Switzerland withdraws its own; only the co-facilitators decide.
    app.withdraw_amendment(&che, "gcm", "compact", a3)
        .await
        .unwrap();
    assert_eq!(
        kind(app.withdraw_amendment(&che, "gcm", "compact", a3).await),
        "amendment_not_live"
    );
    assert_eq!(
        kind(
            app.decide_amendment(&mex, "gcm", "compact", a2, AmendmentStatus::Accepted, "")
                .await
        ),
        "forbidden"
    );
    app.set_paragraph_status(
        &chair,
        "gcm",
        "compact",
        1,
        "p3",
        ParagraphStatus::AgreedAdRef,
        vec![],
    )
    .await
    .unwrap();
    app.set_paragraph_status(
        &chair,
        "gcm",
        "compact",
        1,
        "p2a",
        ParagraphStatus::Bracketed,
        vec!["collect data".into(), "gather data".into()],
    )
    .await
    .unwrap();

    // Rev.1: Mexico's amendment as tabled, the chair's own word in p2.
    let seq = app
        .issue_revision(
            &chair,
            "gcm",
            "compact",
            RevisionRequest {
                label: "Rev.1".into(),
                issued_on: Some("2018-03-26".parse().unwrap()),
                take_up: vec![(a1, None)],
                own_edits: vec![Operation::ReplaceText {
                    node: w("p2"),
                    from: 13,
                    to: 23,
                    text: "improve".into(),
                }],
            },
        )
        .await
        .unwrap();
    assert_eq!(seq, 2);
    let rev1 = app.version("gcm", "compact", 2).await.unwrap();
    assert_eq!(
        rev1.version.text.find(&w("p1")).unwrap().text,
        "We, the Heads of State, adopt this compact today."
    );
    assert_eq!(
        app.amendment("gcm", "compact", a1).await.unwrap().2.status,
        AmendmentStatus::Accepted
    );
    // The EU's amendment (on p2b, untouched) carries forward; p3 stays agreed.
    assert_eq!(rev1.amendments.len(), 1);
    assert_eq!(rev1.amendments[0].carried_from, Some(a2));
    assert_eq!(rev1.amendments[0].proposer, code("EU"));
    assert_eq!(rev1.amendments[0].objectors().count(), 1);
    assert_eq!(rev1.status_of(&w("p3")), ParagraphStatus::AgreedAdRef);
    assert_eq!(rev1.counts.agreed_ad_ref, 1);
    assert_eq!(rev1.counts.with_open_proposals, 1);
    assert_eq!(
        app.amendment("gcm", "compact", a2).await.unwrap().2.status,
        AmendmentStatus::Superseded
    );

    // Redline and lineage.
    let (_, _, _, redline) = app.redline("gcm", "compact", 1, 2).await.unwrap();
    assert_eq!(redline.summary.changed, 2);
    let lineage = app.lineage("gcm", "compact", 2, "p1").await.unwrap();
    let heads = lineage.origins.iter().find(|o| o.token == "Heads").unwrap();
    assert_eq!(
        (heads.version, heads.source),
        (1, Some(Source::Amendment(a1)))
    );
    assert_eq!(lineage.amendments[&a1].2, ["MEX"]);
    let we = lineage.origins.iter().find(|o| o.token == "We").unwrap();
    assert_eq!((we.version, we.source), (0, None));
    let improve = app.lineage("gcm", "compact", 2, "p2").await.unwrap();
    let word = improve
        .origins
        .iter()
        .find(|o| o.token == "improve")
        .unwrap();
    assert_eq!(word.source, Some(Source::CoFacilitators));

    // Rev.2 takes up the EU's carried-forward amendment as modified.
    let carried = rev1.amendments[0].id;
    let seq = app
        .issue_revision(
            &chair,
            "gcm",
            "compact",
            RevisionRequest {
                label: "Rev.2".into(),
                issued_on: None,
                take_up: vec![(
                    carried,
                    Some(Operation::AddNode {
                        after: w("p2b"),
                        kind: NodeKind::Subparagraph,
                        heading: String::new(),
                        text: "protect personal data.".into(),
                    }),
                )],
                own_edits: vec![],
            },
        )
        .await
        .unwrap();
    assert_eq!(seq, 3);
    assert_eq!(
        app.amendment("gcm", "compact", carried)
            .await
            .unwrap()
            .2
            .status,
        AmendmentStatus::AcceptedAsModified
    );
    let rev2 = app.version("gcm", "compact", 3).await.unwrap();
    let added = rev2
        .version
        .text
        .iter()
        .find(|n| n.text == "protect personal data.")
        .unwrap()
        .wid
        .clone();
    let origin = app
        .lineage("gcm", "compact", 3, added.as_str())
        .await
        .unwrap();
    assert!(origin
        .origins
        .iter()
        .all(|o| o.version == 2 && o.source == Some(Source::Amendment(carried))));
    assert_eq!(origin.amendments[&carried].2, ["EU", "MEX"]);

    // Proposals go on the latest version only, and only while negotiating.
    assert_eq!(
        kind(
            app.propose_amendment(
                &mex,
                "gcm",
                "compact",
                1,
                proposal("MEX", Operation::DeleteNode { node: w("p3") }),
                false
            )
            .await
        ),
        "not_latest_version"
    );
    t.set_now("2018-08-02T10:00:00Z");
    assert_eq!(
        kind(
            app.propose_amendment(
                &mex,
                "gcm",
                "compact",
                3,
                proposal("MEX", Operation::DeleteNode { node: w("p3") }),
                false
            )
            .await
        ),
        "not_negotiating"
    );
}

async fn bad_proposals_and_revisions_change_nothing(db: TestDatabase) {
    let t = TestApp::at(db, "2018-02-20T15:00:00Z").await;
    let app = &t.app;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    zero_draft(app, &chair).await;
    let bad = [
        (Operation::DeleteNode { node: w("nowhere") }, "unknown_node"),
        (
            Operation::DeleteText {
                node: w("p1"),
                from: 10,
                to: 9_000,
            },
            "span_outside_text",
        ),
        (
            Operation::MoveNode {
                node: w("p2"),
                after: w("p2a"),
            },
            "move_into_itself",
        ),
        (
            Operation::InsertText {
                node: w("p1"),
                at: 0,
                text: "   ".into(),
            },
            "empty_proposal",
        ),
    ];
    for (op, expected) in bad {
        assert_eq!(
            kind(
                app.propose_amendment(&mex, "gcm", "compact", 1, proposal("MEX", op), false)
                    .await
            ),
            expected
        );
    }
    let (a1, _) = app
        .propose_amendment(
            &mex,
            "gcm",
            "compact",
            1,
            proposal(
                "MEX",
                Operation::DeleteText {
                    node: w("p1"),
                    from: 0,
                    to: 10,
                },
            ),
            false,
        )
        .await
        .unwrap();
    // Two overlapping edits in one revision: refused, nothing written.
    let overlapping = RevisionRequest {
        label: "Rev.1".into(),
        issued_on: None,
        take_up: vec![(a1, None)],
        own_edits: vec![Operation::InsertText {
            node: w("p1"),
            at: 5,
            text: "x".into(),
        }],
    };
    assert_eq!(
        kind(
            app.issue_revision(&chair, "gcm", "compact", overlapping)
                .await
        ),
        "overlapping_edits"
    );
    let detail = app.draft("gcm", "compact").await.unwrap();
    assert_eq!(detail.versions.len(), 1);
    assert_eq!(detail.versions[0].live_amendments, 1);
    // A DOCX that is not a draft, and Markdown without numbering.
    assert_eq!(
        kind(
            app.import_version(
                &chair,
                "gcm",
                "compact",
                "Rev.1",
                None,
                ImportSource::Markdown("# Title\n\nJust prose, no numbers.\n".into()),
                true
            )
            .await
        ),
        "no_numbering"
    );
    assert_eq!(
        kind(
            app.import_version(
                &chair,
                "gcm",
                "compact",
                "Rev.1",
                None,
                ImportSource::Docx(b"PK\x03\x04 not really a zip".to_vec()),
                true
            )
            .await
        ),
        "unreadable"
    );
    assert_eq!(app.draft("gcm", "compact").await.unwrap().versions.len(), 1);
}

async fn silence_is_kept_or_broken_by_the_deadline(db: TestDatabase) {
    let t = TestApp::at(db, "2018-07-09T12:00:00Z").await;
    let app = &t.app;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let hun = person(app, "hun@example.org", Role::Delegate, Some("HUN")).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    zero_draft(app, &chair).await;

    // 18:00 in New York in July is 22:00 UTC.
    let deadline = local_deadline("2018-07-10T18:00", "America/New_York").unwrap();
    assert_eq!(
        deadline,
        "2018-07-10T22:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
    assert_eq!(
        kind(local_deadline("2018-03-11T02:30", "America/New_York")),
        "bad_deadline"
    );
    assert_eq!(
        kind(local_deadline("2018-07-10T18:00", "Mars/Olympus")),
        "bad_deadline"
    );
    assert_eq!(
        kind(
            app.open_silence(&hun, "gcm", "compact", 1, deadline, "America/New_York")
                .await
        ),
        "forbidden",
        "the secretariat or the co-facilitators open silence procedures"
    );
    let id = app
        .open_silence(&sec, "gcm", "compact", 1, deadline, "America/New_York")
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.open_silence(&sec, "gcm", "compact", 1, deadline, "America/New_York")
                .await
        ),
        "silence_running"
    );
    assert_eq!(
        kind(
            app.break_silence(&hun, "gcm", "compact", id, &code("HUN"), "  ")
                .await
        ),
        "invalid"
    );
    app.break_silence(
        &hun,
        "gcm",
        "compact",
        id,
        &code("HUN"),
        "Hungary breaks silence.",
    )
    .await
    .unwrap();
    assert_eq!(
        kind(
            app.break_silence(&hun, "gcm", "compact", id, &code("HUN"), "Again.")
                .await
        ),
        "already_broken"
    );
    assert_eq!(
        kind(
            app.break_silence(&mex, "gcm", "compact", id, &code("HUN"), "Not ours.")
                .await
        ),
        "forbidden"
    );
    // The break ended the procedure there and then: broken, recorded at
    // the break, before its deadline; no later letter counts.
    let detail = app.draft("gcm", "compact").await.unwrap();
    assert_eq!(
        detail.silence[0].outcome,
        SilenceOutcome::Broken {
            by: vec!["HUN".into()]
        }
    );
    assert_eq!(
        detail.silence[0].procedure.outcome,
        Some(RecordedOutcome::Broken)
    );
    assert_eq!(
        detail.silence[0].procedure.outcome_at,
        Some("2018-07-09T12:00:00Z".parse().unwrap())
    );
    assert_eq!(detail.silence[0].deadline_local, "2018-07-10 18:00 EDT");
    assert_eq!(
        kind(
            app.break_silence(&mex, "gcm", "compact", id, &code("MEX"), "Too.")
                .await
        ),
        "silence_over"
    );

    // After the deadline: still no more letters, and nothing left to settle.
    t.set_now("2018-07-10T22:00:00Z");
    assert_eq!(
        kind(
            app.break_silence(&mex, "gcm", "compact", id, &code("MEX"), "Late.")
                .await
        ),
        "silence_over"
    );
    assert_eq!(app.settle_silence().await.unwrap(), 0);

    // A second procedure nobody breaks is adopted under silence, recorded
    // when the draft is next read.
    let later = local_deadline("2018-07-12T12:00", "Europe/Zurich").unwrap();
    app.open_silence(&sec, "gcm", "compact", 1, later, "Europe/Zurich")
        .await
        .unwrap();
    t.set_now("2018-07-12T10:00:01Z");
    let detail = app.draft("gcm", "compact").await.unwrap();
    assert_eq!(
        detail.silence[1].procedure.outcome,
        Some(RecordedOutcome::AdoptedUnderSilence)
    );
    assert_eq!(
        detail.silence[1].outcome,
        SilenceOutcome::AdoptedUnderSilence
    );
}

/// A DOCX laid out as UN drafts are ("1." paragraphs, "(a)" sub-paragraphs,
/// "Objective 1:" headings) — here the one Accord exports — imports back with
/// the same structure, and its paragraphs keep their identities (matched to
/// the previous version by their words).
async fn a_docx_laid_out_as_un_drafts_imports_with_its_structure(db: TestDatabase) {
    let t = TestApp::at(db, "2018-02-20T15:00:00Z").await;
    let app = &t.app;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    zero_draft(app, &chair).await;
    let zero = app.version("gcm", "compact", 1).await.unwrap();
    let mut edited = zero.version.clone();
    edited.label = "Rev.1".into();
    edited
        .text
        .find_mut(&w("p3"))
        .unwrap()
        .text
        .push_str(" And we will report.");
    let docx = accord_export::docx::version("GCM", &zero.draft, &edited);
    let (preview, _) = app
        .import_version(
            &chair,
            "gcm",
            "compact",
            "Rev.1",
            None,
            ImportSource::Docx(docx.clone()),
            false,
        )
        .await
        .unwrap();
    assert_eq!(
        (
            preview.sections,
            preview.objectives,
            preview.paragraphs,
            preview.subparagraphs
        ),
        (2, 1, 3, 2),
        "{:?}",
        preview.diagnostics
    );
    let (_, seq) = app
        .import_version(
            &chair,
            "gcm",
            "compact",
            "Rev.1",
            None,
            ImportSource::Docx(docx),
            true,
        )
        .await
        .unwrap();
    let rev1 = app.version("gcm", "compact", seq.unwrap()).await.unwrap();
    let ids = |t: &DraftText| t.iter().map(|n| n.wid.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&rev1.version.text), ids(&zero.version.text));
    assert_eq!(
        rev1.version.text.find(&w("p3")).unwrap().text,
        "We commit to review. And we will report."
    );
    let (_, _, _, redline) = app.redline("gcm", "compact", 1, 2).await.unwrap();
    assert_eq!((redline.summary.changed, redline.summary.added), (1, 0));
}

/// Silence as practised, a table of cases on both stores: a break ends the
/// procedure at once and a new one opens at once on the revised text; a
/// second one while one runs is refused; one that passes marks its
/// paragraphs agreed ad referendum, with the record of it.
async fn silence_follows_practice(db: TestDatabase) {
    let t = TestApp::at(db, "2018-07-09T12:00:00Z").await;
    let app = &t.app;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    let hun = person(app, "hun@example.org", Role::Delegate, Some("HUN")).await;
    zero_draft(app, &chair).await;
    let deadline = local_deadline("2018-07-10T18:00", "America/New_York").unwrap();

    // Case 1: the co-facilitators open; a second while it runs is refused.
    let first = app
        .open_silence(&chair, "gcm", "compact", 1, deadline, "America/New_York")
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.open_silence(&chair, "gcm", "compact", 1, deadline, "America/New_York")
                .await
        ),
        "silence_running"
    );

    // Case 2: Hungary breaks it an hour later; it ends at the break.
    t.set_now("2018-07-09T13:00:00Z");
    app.break_silence(
        &hun,
        "gcm",
        "compact",
        first,
        &code("HUN"),
        "Hungary breaks silence.",
    )
    .await
    .unwrap();
    let detail = app.draft("gcm", "compact").await.unwrap();
    assert_eq!(
        detail.silence[0].procedure.outcome_at,
        Some("2018-07-09T13:00:00Z".parse().unwrap()),
        "a broken procedure ends at the break"
    );

    // Case 3: the co-facilitators revise and reopen at once, on the revised
    // text; an earlier version is refused.
    app.issue_revision(
        &chair,
        "gcm",
        "compact",
        RevisionRequest {
            label: "Rev.1".into(),
            issued_on: None,
            take_up: vec![],
            own_edits: vec![Operation::ReplaceText {
                node: w("p3"),
                from: 0,
                to: 2,
                text: "We all".into(),
            }],
        },
    )
    .await
    .unwrap();
    let later = local_deadline("2018-07-11T18:00", "America/New_York").unwrap();
    assert_eq!(
        kind(
            app.open_silence(&chair, "gcm", "compact", 1, later, "America/New_York")
                .await
        ),
        "not_latest_version"
    );
    let second = app
        .open_silence(&chair, "gcm", "compact", 2, later, "America/New_York")
        .await
        .unwrap();
    assert_ne!(first, second);
    let before = app.version("gcm", "compact", 2).await.unwrap();
    assert!(before.statuses.is_empty(), "nothing agreed yet");

    // Case 4: nobody breaks it; at the deadline it passes and the revised
    // text's paragraphs are agreed ad ref, as of the deadline.
    t.set_now("2018-07-11T22:00:01Z");
    assert_eq!(app.settle_silence().await.unwrap(), 1);
    let v = app.version("gcm", "compact", 2).await.unwrap();
    let paragraphs: Vec<&Wid> = v
        .version
        .text
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Paragraph | NodeKind::Subparagraph))
        .map(|n| &n.wid)
        .collect();
    assert_eq!(paragraphs.len(), 5);
    for wid in &paragraphs {
        assert_eq!(v.status_of(wid), ParagraphStatus::AgreedAdRef, "{wid}");
    }
    assert!(v.statuses.iter().all(|r| r.set_at == later));
    assert_eq!(v.counts.agreed_ad_ref, v.counts.paragraphs);
    // The first version is untouched: its procedure was broken.
    assert!(app
        .version("gcm", "compact", 1)
        .await
        .unwrap()
        .statuses
        .is_empty());
    let detail = app.draft("gcm", "compact").await.unwrap();
    assert_eq!(
        detail.silence[1].procedure.outcome,
        Some(RecordedOutcome::AdoptedUnderSilence)
    );
    assert_eq!(detail.silence[1].procedure.outcome_at, Some(later));
    // The audit log records the paragraphs agreed under silence.
    let log = app
        .audit_log(
            &OPERATOR,
            accord_app::AuditFilter {
                action_prefix: Some("draft.paragraph.status".into()),
                ..Default::default()
            },
            &accord_app::PageRequest::first(50),
        )
        .await
        .unwrap();
    let entry = log
        .items
        .iter()
        .find(|e| e.record.targets.contains(&format!("silence:{second}")))
        .expect("the paragraphs agreed under silence are in the audit log");
    assert!(entry
        .record
        .targets
        .contains(&"status:agreed_ad_ref".to_owned()));
    assert_eq!(
        entry
            .record
            .targets
            .iter()
            .filter(|t| t.starts_with("wid:"))
            .count(),
        5
    );
    assert_eq!(app.settle_silence().await.unwrap(), 0, "settled once");
}
