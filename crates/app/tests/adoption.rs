//! Adoption and follow-up through the app layer, on both real stores: the
//! GCM demo's real adoption and endorsement, recorded votes and the errors
//! that leave the record as it was, statements on an adoption, pledges on
//! the adopted text's objectives and their progress.

use accord_app::adoption::{AdoptionRequest, OralChangeRequest, ParagraphVoteRequest};
use accord_app::negotiation::{DraftRequest, ImportSource, NewAmendment};
use accord_app::{App, AppError, Principal};
use accord_demo::LoadDemo;
use accord_domain::adoption::*;
use accord_domain::negotiation::{
    AmendmentStatus, DraftKind, Operation, ParagraphStatus, Stance, Wid,
};
use accord_domain::*;

mod common;
use common::{on_both_stores, TestApp, TestDatabase, OPERATOR, PASSWORD};

on_both_stores!(
    the_gcm_demo_has_its_real_adoption_and_endorsement,
    a_recorded_vote_refuses_what_does_not_add_up_and_changes_nothing,
    statements_are_linked_to_an_adoption,
    pledges_name_objectives_of_the_adopted_text,
    delegations_cast_their_votes_and_closing_counts_them,
    adoption_guards_refuse_and_store_nothing,
    an_endorsement_adopts_a_resolution_of_its_own,
    statements_of_intention_stand_beside_the_ballot,
    presence_is_recorded_and_the_majority_counts_those_voting,
    separate_votes_and_oral_changes_come_before_the_vote_on_the_whole,
);

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

async fn meeting(app: &App, slug: &str) -> Meeting {
    app.all_meetings("gcm", None)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.slug.as_str() == slug)
        .unwrap()
}

fn code(s: &str) -> ActorCode {
    s.parse().unwrap()
}

async fn the_gcm_demo_has_its_real_adoption_and_endorsement(db: TestDatabase) {
    let t = TestApp::at(db, "2019-01-15T12:00:00Z").await;
    let app = &t.app;
    let list = app.adoptions("gcm").await.unwrap();
    assert_eq!(list.len(), 2);
    let (marrakech, ga) = (&list[0], &list[1]);
    assert_eq!(marrakech.adoption.method, AdoptionMethod::Consensus);
    assert_eq!(marrakech.adoption.adopted_on.to_string(), "2018-12-10");
    assert_eq!(
        marrakech.meeting.slug.as_str(),
        "intergovernmental-conference-marrakech"
    );
    assert_eq!(marrakech.adoption.symbol.as_deref(), Some("A/CONF.231/3"));
    assert!(marrakech.adopted);
    assert_eq!(marrakech.version_label, "Final draft (agreed text)");

    assert_eq!(ga.adoption.method, AdoptionMethod::RecordedVote);
    assert_eq!(ga.adoption.symbol.as_deref(), Some("A/RES/73/195"));
    assert_eq!(ga.adoption.adopted_on.to_string(), "2018-12-19");
    assert_eq!(ga.adoption.endorses, Some(marrakech.adoption.id));
    // The Assembly adopted a text of its own: draft resolution A/73/L.66,
    // whose wording the facts do not give (no paragraph is invented).
    assert_ne!(ga.adoption.version, marrakech.adoption.version);
    assert_eq!(ga.draft.kind, DraftKind::Resolution);
    assert_eq!(ga.draft.symbol.as_deref(), Some("A/73/L.66"));
    assert_eq!(ga.version_label, "A/73/L.66");
    assert_eq!(marrakech.draft.kind, DraftKind::NegotiatingText);
    let vote = ga.adoption.vote.as_ref().unwrap();
    assert_eq!(
        vote.totals,
        Totals {
            yes: 152,
            no: 5,
            abstain: 12,
            not_voting: 24
        }
    );

    let d = app
        .adoption(&Principal::Anonymous, "gcm", ga.adoption.id)
        .await
        .unwrap();
    assert_eq!(d.rows.len(), 193, "every member state has a line");
    assert_eq!(d.recorded, 17);
    assert_eq!(d.needed, Some(79));
    let vote_of = |c: &str| d.rows.iter().find(|r| r.code.as_str() == c).unwrap().vote;
    for against in ["CZE", "HUN", "ISR", "POL", "USA"] {
        assert_eq!(vote_of(against), Some(VoteChoice::No), "{against}");
    }
    for abstaining in [
        "DZA", "AUS", "AUT", "BGR", "CHL", "ITA", "LVA", "LBY", "LIE", "ROU", "SGP", "CHE",
    ] {
        assert_eq!(
            vote_of(abstaining),
            Some(VoteChoice::Abstain),
            "{abstaining}"
        );
    }
    // Nobody else's vote is guessed.
    assert_eq!(vote_of("FRA"), None);
    assert_eq!(vote_of("MEX"), None);
    assert_eq!(d.rows.iter().filter(|r| r.vote.is_none()).count(), 193 - 17);
    assert!(
        !d.rows.iter().any(|r| r.code.as_str() == "VAT"),
        "observers do not vote"
    );
    // The chain, both ways.
    assert_eq!(
        d.endorses.as_ref().map(|e| e.adoption.id),
        Some(marrakech.adoption.id)
    );
    let conference = app
        .adoption(&Principal::Anonymous, "gcm", marrakech.adoption.id)
        .await
        .unwrap();
    assert_eq!(conference.endorsed_by.len(), 1);
    assert_eq!(conference.endorsed_by[0].adoption.id, ga.adoption.id);
    assert!(
        conference.resolution.is_none(),
        "the compact is not a resolution"
    );
    assert!(
        d.resolution.as_ref().is_some_and(Resolution::is_empty),
        "the demo's resolution holds no invented paragraph"
    );
    // Pledges still name the compact's objectives, not the resolution's.
    assert_eq!(app.adopted_objectives("gcm").await.unwrap().len(), 23);
    // Europe: 10 of the 17 named votes.
    let europe = &d.by_region()["Europe"];
    assert_eq!(europe.get("no"), Some(&3));
    assert_eq!(europe.get("abstain"), Some(&7));
    // Loading the demo again records nothing twice.
    app.load_demo(accord_demo::Demo::Gcm).await.unwrap();
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), 2);
    // The adopted text's 23 objectives.
    let objectives = app.adopted_objectives("gcm").await.unwrap();
    assert_eq!(objectives.len(), 23);
    assert!(
        objectives[19].1.contains("remittances"),
        "{:?}",
        objectives[19]
    );
}

fn vote_request(meeting: i64, totals: Totals, ballots: Vec<Ballot>) -> AdoptionRequest {
    AdoptionRequest {
        meeting,
        draft: "gcm-draft".into(),
        version: 5,
        title: "A vote".into(),
        adopted_on: "2018-12-19".parse().unwrap(),
        symbol: None,
        method: AdoptionMethod::RecordedVote,
        vote: Some(RecordedVote {
            majority: MajorityRule::TwoThirds,
            totals,
            ballots,
            open: false,
            present: None,
        }),
        endorses: None,
        note: None,
        as_it_stands: false,
    }
}

/// A second plenary meeting of the General Assembly on the day of the
/// endorsement, for test votes apart from the demo's own plenary, which
/// holds the real endorsement.
async fn a_test_plenary(app: &App) -> i64 {
    let mut m = meeting(app, "general-assembly-73-plenary-60").await.meeting;
    m.slug = "test-plenary".parse().unwrap();
    m.title = "A plenary meeting (test)".into();
    app.add_meeting(&OPERATOR, m).await.unwrap()
}

fn ballot(state: &str, vote: VoteChoice) -> Ballot {
    Ballot {
        state: code(state),
        vote,
    }
}

async fn a_recorded_vote_refuses_what_does_not_add_up_and_changes_nothing(db: TestDatabase) {
    let t = TestApp::at(db, "2019-01-15T12:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let ga = meeting(app, "general-assembly-73-plenary-60").await;
    let totals = Totals {
        yes: 100,
        no: 60,
        abstain: 20,
        not_voting: 13,
    };
    let before = app.adoptions("gcm").await.unwrap().len();
    let audit_before = app.verify_audit().await.unwrap().unwrap();

    let short = Totals {
        not_voting: 12,
        ..totals
    };
    assert_eq!(
        kind(
            app.adopt(&sec, "gcm", vote_request(ga.id, short, vec![]))
                .await
        ),
        "totals_do_not_add_up"
    );
    let observer = vote_request(ga.id, totals, vec![ballot("VAT", VoteChoice::Yes)]);
    assert_eq!(
        kind(app.adopt(&sec, "gcm", observer).await),
        "not_a_member_state"
    );
    let group = vote_request(ga.id, totals, vec![ballot("EU", VoteChoice::Yes)]);
    assert_eq!(
        kind(app.adopt(&sec, "gcm", group).await),
        "not_a_member_state"
    );
    let twice = vote_request(
        ga.id,
        totals,
        vec![
            ballot("FRA", VoteChoice::Yes),
            ballot("FRA", VoteChoice::No),
        ],
    );
    assert_eq!(kind(app.adopt(&sec, "gcm", twice).await), "already_voted");
    // A meeting of another process.
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let mut elsewhere = ga.meeting.clone();
    elsewhere.process = "other-process".parse().unwrap();
    let elsewhere = app.add_meeting(&OPERATOR, elsewhere).await.unwrap();
    assert_eq!(
        kind(
            app.adopt(&sec, "gcm", vote_request(elsewhere, totals, vec![]))
                .await
        ),
        "meeting_of_another_process"
    );
    // A date outside the meeting; a consensus with a vote.
    let mut late = vote_request(ga.id, totals, vec![]);
    late.adopted_on = "2018-12-20".parse().unwrap();
    assert_eq!(kind(app.adopt(&sec, "gcm", late).await), "invalid");
    let mut consensus = vote_request(ga.id, totals, vec![]);
    consensus.method = AdoptionMethod::Consensus;
    assert_eq!(kind(app.adopt(&sec, "gcm", consensus).await), "invalid");
    // Not the secretariat's to record.
    let delegate = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    assert_eq!(
        kind(
            app.adopt(&delegate, "gcm", vote_request(ga.id, totals, vec![]))
                .await
        ),
        "forbidden"
    );
    // Nothing was recorded by any of these.
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), before);
    assert_eq!(
        app.verify_audit().await.unwrap().unwrap(),
        audit_before + 3,
        "only the process, the meeting and the delegate's account were recorded"
    );

    // The demo's plenary has adopted its resolution, A/73/L.66: a second
    // adoption of it there is refused, and stores nothing.
    let again = AdoptionRequest {
        draft: "a-73-l66".into(),
        version: 1,
        ..vote_request(ga.id, totals, vec![])
    };
    assert_eq!(kind(app.adopt(&sec, "gcm", again).await), "already_adopted");
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), before);

    // A vote recorded in two steps: ballots added later, each state once.
    let plenary = a_test_plenary(app).await;
    let id = app
        .adopt(
            &sec,
            "gcm",
            vote_request(plenary, totals, vec![ballot("MEX", VoteChoice::Yes)]),
        )
        .await
        .unwrap();
    app.record_ballots(
        &sec,
        "gcm",
        id,
        vec![
            ballot("FRA", VoteChoice::No),
            ballot("CHE", VoteChoice::Abstain),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        kind(
            app.record_ballots(&sec, "gcm", id, vec![ballot("MEX", VoteChoice::No)])
                .await
        ),
        "already_voted"
    );
    assert_eq!(
        kind(
            app.record_ballots(&sec, "gcm", id, vec![ballot("PSE", VoteChoice::No)])
                .await
        ),
        "not_a_member_state"
    );
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(d.recorded, 3);
    assert!(!d.summary.adopted, "100 of 160 is short of two thirds");
    assert_eq!(d.needed, Some(107));
    let mex = d.rows.iter().find(|r| r.code.as_str() == "MEX").unwrap();
    assert_eq!(
        mex.vote,
        Some(VoteChoice::Yes),
        "the refused ballot changed nothing"
    );
    // A consensus adoption takes no ballots.
    let marrakech = app.adoptions("gcm").await.unwrap()[0].adoption.id;
    assert_eq!(
        kind(
            app.record_ballots(&sec, "gcm", marrakech, vec![ballot("MEX", VoteChoice::Yes)])
                .await
        ),
        "invalid"
    );
}

async fn statements_are_linked_to_an_adoption(db: TestDatabase) {
    let t = TestApp::at(db, "2018-12-19T18:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let ga = meeting(app, "general-assembly-73-plenary-60").await;
    let list = app.adoptions("gcm").await.unwrap();
    let (marrakech, endorsement) = (list[0].adoption.id, list[1].adoption.id);
    let statement = |title: &str, meeting: i64| NewStatement {
        process: "gcm".parse().unwrap(),
        meeting,
        agenda_item: 0,
        actor: code("MEX"),
        on_behalf_of: None,
        title: title.into(),
        delivered_on: "2018-12-19".parse().unwrap(),
        distribution: Distribution::Public,
        embargo_until: None,
        synthetic: true,
    };
    let eov = app
        .add_statement(
            &sec,
            statement("Explanation of vote (synthetic)", ga.id),
            vec![],
        )
        .await
        .unwrap();
    app.link_adoption_statement(
        &sec,
        "gcm",
        endorsement,
        eov,
        AdoptionStatementKind::ExplanationAfter,
    )
    .await
    .unwrap();
    assert_eq!(
        kind(
            app.link_adoption_statement(
                &sec,
                "gcm",
                endorsement,
                eov,
                AdoptionStatementKind::Position
            )
            .await
        ),
        "already_linked"
    );
    // An explanation of vote on a consensus adoption, a statement made at
    // another meeting: refused.
    assert_eq!(
        kind(
            app.link_adoption_statement(
                &sec,
                "gcm",
                marrakech,
                eov,
                AdoptionStatementKind::ExplanationBefore
            )
            .await
        ),
        "invalid"
    );
    let d = app
        .adoption(&Principal::Anonymous, "gcm", endorsement)
        .await
        .unwrap();
    assert_eq!(d.statements.len(), 1);
    assert_eq!(
        d.statements[0].kind,
        AdoptionStatementKind::ExplanationAfter
    );
    assert_eq!(d.statements[0].statement.id, eov);
    assert_eq!(d.statements[0].actor_name, "Mexico");
}

fn pledge(actor: &str, objectives: Vec<u32>) -> NewPledge {
    NewPledge {
        process: "gcm".parse().unwrap(),
        actor: code(actor),
        objectives,
        title: "A synthetic pledge".into(),
        description: "Generated to try the system.".into(),
        made_on: "2022-05-18".parse().unwrap(),
        status: PledgeStatus::Announced,
        meeting: None,
        synthetic: true,
    }
}

async fn pledges_name_objectives_of_the_adopted_text(db: TestDatabase) {
    let t = TestApp::at(db, "2022-05-18T12:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let imrf = meeting(app, "imrf-2022").await;
    let mut first = pledge("MEX", vec![5, 23]);
    first.meeting = Some(imrf.id);
    let p1 = app.make_pledge(&mex, first).await.unwrap();
    let p2 = app.make_pledge(&sec, pledge("FRA", vec![5])).await.unwrap();
    app.make_pledge(&sec, pledge("IOM", vec![1])).await.unwrap();
    // The text has 23 objectives.
    assert_eq!(
        kind(app.make_pledge(&sec, pledge("MEX", vec![24])).await),
        "unknown_objective"
    );
    assert_eq!(
        kind(app.make_pledge(&sec, pledge("MEX", vec![])).await),
        "invalid"
    );
    // A delegate pledges for their own state only.
    assert_eq!(
        kind(app.make_pledge(&mex, pledge("FRA", vec![5])).await),
        "forbidden"
    );
    assert_eq!(
        kind(app.make_pledge(&sec, pledge("XXX", vec![5])).await),
        "unknown_actor"
    );
    let (all, more) = app.pledges("gcm", None, 100).await.unwrap();
    assert_eq!(all.len(), 3);
    assert!(!more);

    let five = app.objective("gcm", 5).await.unwrap();
    assert_eq!(five.pledges, 2);
    assert!(five.title.contains("regular migration"), "{}", five.title);
    let regions: Vec<&str> = five.by_region.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(regions, ["America", "Europe"]);
    let one = app.objective("gcm", 1).await.unwrap();
    assert_eq!(one.by_region.len(), 1);
    assert_eq!(one.by_region[0].0, "", "IOM is not a state");
    assert_eq!(kind(app.objective("gcm", 24).await), "not_found");

    // Progress: the pledge takes the report's status; not before it was made.
    app.report_progress(
        &mex,
        "gcm",
        p1,
        "2024-05-01".parse().unwrap(),
        PledgeStatus::InProgress,
        "Two agreements signed.",
    )
    .await
    .unwrap();
    let v = app.pledge("gcm", p1).await.unwrap();
    assert_eq!(v.pledge.status, PledgeStatus::InProgress);
    assert_eq!(v.pledge.reports.len(), 1);
    assert_eq!(v.pledge.reports[0].text, "Two agreements signed.");
    assert_eq!(
        kind(
            app.report_progress(
                &sec,
                "gcm",
                p2,
                "2020-01-01".parse().unwrap(),
                PledgeStatus::Fulfilled,
                "Too early."
            )
            .await
        ),
        "end_before_start"
    );
    assert_eq!(
        kind(
            app.report_progress(
                &mex,
                "gcm",
                p2,
                "2024-01-01".parse().unwrap(),
                PledgeStatus::Fulfilled,
                "Not mine."
            )
            .await
        ),
        "forbidden"
    );
    assert_eq!(
        app.pledge("gcm", p2).await.unwrap().pledge.status,
        PledgeStatus::Announced
    );
}

async fn delegations_cast_their_votes_and_closing_counts_them(db: TestDatabase) {
    let t = TestApp::at(db, "2018-12-19T15:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let fra = person(app, "fra@example.org", Role::Delegate, Some("FRA")).await;
    let plenary = a_test_plenary(app).await;
    let mut open = vote_request(plenary, Totals::default(), vec![]);
    open.vote.as_mut().unwrap().open = true;
    open.vote.as_mut().unwrap().majority = MajorityRule::Simple;
    let id = app.adopt(&sec, "gcm", open.clone()).await.unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert!(
        !d.summary.adopted,
        "nothing is adopted while the vote is open"
    );
    // An open vote starts empty.
    let mut early = open.clone();
    early.vote.as_mut().unwrap().ballots = vec![ballot("MEX", VoteChoice::Yes)];
    assert_eq!(kind(app.adopt(&sec, "gcm", early).await), "invalid");

    // Each delegation casts its own state's vote, once.
    app.record_ballots(&mex, "gcm", id, vec![ballot("MEX", VoteChoice::Yes)])
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.record_ballots(&mex, "gcm", id, vec![ballot("MEX", VoteChoice::No)])
                .await
        ),
        "already_voted"
    );
    assert_eq!(
        kind(
            app.record_ballots(&mex, "gcm", id, vec![ballot("FRA", VoteChoice::No)])
                .await
        ),
        "forbidden"
    );
    app.record_ballots(&fra, "gcm", id, vec![ballot("FRA", VoteChoice::Abstain)])
        .await
        .unwrap();
    // The secretariat enters a vote given from the floor; observers do not vote.
    app.record_ballots(&sec, "gcm", id, vec![ballot("CHE", VoteChoice::No)])
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.record_ballots(&sec, "gcm", id, vec![ballot("VAT", VoteChoice::Yes)])
                .await
        ),
        "not_a_member_state"
    );
    // Only the secretariat closes it.
    assert_eq!(kind(app.close_vote(&mex, "gcm", id).await), "forbidden");
    let totals = app.close_vote(&sec, "gcm", id).await.unwrap();
    assert_eq!(
        totals,
        Totals {
            yes: 1,
            no: 1,
            abstain: 1,
            not_voting: 190
        }
    );
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(
        d.recorded, 193,
        "every member state's vote is known once it closes"
    );
    assert!(!d.summary.adopted, "1 to 1 does not carry");
    let usa = d.rows.iter().find(|r| r.code.as_str() == "USA").unwrap();
    assert_eq!(usa.vote, Some(VoteChoice::NotVoting));
    assert_eq!(kind(app.close_vote(&sec, "gcm", id).await), "invalid");
    // Closed: no more votes.
    assert_eq!(
        kind(
            app.record_ballots(&fra, "gcm", id, vec![ballot("FRA", VoteChoice::Yes)])
                .await
        ),
        "forbidden"
    );
    assert_eq!(
        kind(
            app.record_ballots(&sec, "gcm", id, vec![ballot("USA", VoteChoice::Yes)])
                .await
        ),
        "already_voted"
    );
}

const GUARDED: &str = "# A text (test)

## Preamble {#pre}

1. We, the States, adopt this text. {#p1}

## Commitments

2. We commit to [review it]. {#p2}
";

/// The adoption guards through the use case, as a table of cases, on both
/// stores: each refusal has its kind and stores nothing; the "as it stands"
/// decision records the paragraphs not agreed; an adopted version is closed
/// to amendments.
async fn adoption_guards_refuse_and_store_nothing(db: TestDatabase) {
    // Negotiated in July (delegations table amendments in the negotiation
    // phase only), adopted in December.
    let t = TestApp::at(db, "2018-07-12T15:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    let mex = person(app, "mex@example.org", Role::Delegate, Some("MEX")).await;
    let che = person(app, "che@example.org", Role::Delegate, Some("CHE")).await;
    app.create_draft(
        &chair,
        "gcm",
        DraftRequest::negotiating_text("guarded", "A text (test)", true),
    )
    .await
    .unwrap();
    app.import_version(
        &chair,
        "gcm",
        "guarded",
        "Zero draft",
        Some("2018-12-01".parse().unwrap()),
        ImportSource::Markdown(GUARDED.into()),
        true,
    )
    .await
    .unwrap();
    let replace = |proposer: &str| NewAmendment {
        proposer: code(proposer),
        co_sponsors: vec![],
        operation: Operation::ReplaceText {
            node: Wid::new("p1").unwrap(),
            from: 4,
            to: 14,
            text: "the Heads of State".into(),
        },
        justification: "Test justification".into(),
    };
    let (tabled, _) = app
        .propose_amendment(&mex, "gcm", "guarded", 1, replace("MEX"), false)
        .await
        .unwrap();
    app.set_paragraph_status(
        &chair,
        "gcm",
        "guarded",
        1,
        "p1",
        ParagraphStatus::AgreedAdRef,
        vec![],
    )
    .await
    .unwrap();
    app.set_paragraph_status(
        &chair,
        "gcm",
        "guarded",
        1,
        "p2",
        ParagraphStatus::Bracketed,
        vec![],
    )
    .await
    .unwrap();
    t.set_now("2018-12-10T15:00:00Z");
    let round = meeting(app, "negotiation-round-6").await;
    let conference = meeting(app, "intergovernmental-conference-marrakech").await;
    let plenary = meeting(app, "general-assembly-73-plenary-60").await;
    let request = |m: &Meeting, as_it_stands: bool| AdoptionRequest {
        meeting: m.id,
        draft: "guarded".into(),
        version: 1,
        title: "Adoption (test)".into(),
        adopted_on: m.start_date,
        symbol: None,
        method: AdoptionMethod::Consensus,
        vote: None,
        endorses: None,
        note: None,
        as_it_stands,
    };
    let before = app.adoptions("gcm").await.unwrap().len();
    let audit_before = app.verify_audit().await.unwrap().unwrap();
    // (case, request, the kind expected)
    let refused = [
        (
            "a negotiation round in the negotiation phase",
            request(&round, true),
            "not_an_adoption_setting",
        ),
        (
            "paragraph 2 is bracketed and no decision was taken",
            request(&conference, false),
            "paragraphs_not_agreed",
        ),
    ];
    for (case, req, expected) in refused {
        assert_eq!(kind(app.adopt(&sec, "gcm", req).await), expected, "{case}");
    }
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), before);
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_before);

    // The conference decides to adopt the text as it stands: recorded, with
    // paragraph 2 listed as not agreed, in the record and in the API's body.
    let id = app
        .adopt(&sec, "gcm", request(&conference, true))
        .await
        .unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert!(d.summary.adoption.as_it_stands);
    assert_eq!(d.summary.adoption.not_agreed, vec!["2"]);
    let body = serde_json::to_value(&d).unwrap();
    assert_eq!(body["adoption"]["not_agreed"], serde_json::json!(["2"]));
    assert_eq!(body["adoption"]["as_it_stands"], serde_json::json!(true));

    // Once per version per meeting, decision or not.
    for as_it_stands in [false, true] {
        assert_eq!(
            kind(
                app.adopt(&sec, "gcm", request(&conference, as_it_stands))
                    .await
            ),
            "already_adopted"
        );
    }
    // The adopted version is closed: no amendment tabled, no position, no
    // withdrawal, no decision on the one tabled before. (Out of the
    // negotiation phase a delegation is refused before that; Accord's own
    // loader, which records past negotiations, meets the closed text.)
    assert_eq!(
        kind(
            app.propose_amendment(&che, "gcm", "guarded", 1, replace("CHE"), false)
                .await
        ),
        "not_negotiating"
    );
    assert_eq!(
        kind(
            app.propose_amendment(&OPERATOR, "gcm", "guarded", 1, replace("CHE"), false)
                .await
        ),
        "version_adopted"
    );
    assert_eq!(
        kind(
            app.take_position(
                &OPERATOR,
                "gcm",
                "guarded",
                tabled,
                &code("CHE"),
                Stance::Support
            )
            .await
        ),
        "version_adopted"
    );
    assert_eq!(
        kind(
            app.decide_amendment(
                &chair,
                "gcm",
                "guarded",
                tabled,
                AmendmentStatus::Accepted,
                ""
            )
            .await
        ),
        "version_adopted"
    );
    assert_eq!(
        kind(
            app.withdraw_amendment(&OPERATOR, "gcm", "guarded", tabled)
                .await
        ),
        "version_adopted"
    );
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), before + 1);

    // Agreed in full, the General Assembly adopts the same version at its
    // own meeting with nothing listed.
    app.agree_ad_referendum(&chair, "gcm", "guarded", 1)
        .await
        .unwrap();
    let ga = app
        .adopt(&sec, "gcm", request(&plenary, false))
        .await
        .unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", ga)
        .await
        .unwrap();
    assert!(!d.summary.adoption.as_it_stands && d.summary.adoption.not_agreed.is_empty());
}

const RESOLUTION: &str = "\
# A resolution endorsing the compact (test)

## Preamble

1. Recalling the compact (test). {#pp1}

## Operative part

2. Endorses the compact (test). {#op1}

3. Decides (test): {#op2}

(a) to review it; {#op2a}
";

/// An endorsement adopts a draft resolution of its own that names the
/// adoption it endorses: each rule refused with its kind and nothing stored,
/// on both stores, with a second process whose secretariat reaches into
/// neither the first's adoptions nor its records.
async fn an_endorsement_adopts_a_resolution_of_its_own(db: TestDatabase) {
    let t = TestApp::at(db, "2018-12-18T12:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let chair = person(app, "chair@example.org", Role::CoFacilitator, None).await;
    // A second process, with its own secretariat, meeting and resolution.
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let other_sec = Principal::Account(
        app.create_account(
            &OPERATOR,
            "other-sec@example.org",
            "Other secretariat",
            PASSWORD,
            &[RoleGrant {
                role: Role::Secretariat,
                process: Some("other-process".parse().unwrap()),
                actor: None,
            }],
        )
        .await
        .unwrap(),
    );
    let ga = meeting(app, "general-assembly-73-plenary-60").await;
    let mut elsewhere = ga.meeting.clone();
    elsewhere.process = "other-process".parse().unwrap();
    let elsewhere = app.add_meeting(&OPERATOR, elsewhere).await.unwrap();
    let resolution = |slug: &str| DraftRequest {
        slug: slug.into(),
        title: "A resolution (test)".into(),
        kind: DraftKind::Resolution,
        symbol: Some("A/73/L.999".into()),
        simulated: true,
    };
    for (p, process, slug, req) in [
        (&chair, "gcm", "resolution", resolution("resolution")),
        (
            &OPERATOR,
            "other-process",
            "resolution",
            resolution("resolution"),
        ),
        (
            &chair,
            "gcm",
            "plain",
            DraftRequest::negotiating_text("plain", "A text (test)", true),
        ),
    ] {
        let draft = app.create_draft(p, process, req).await.unwrap();
        assert_eq!(draft.slug.as_str(), slug);
        app.import_version(
            p,
            process,
            slug,
            "L.999",
            Some("2018-12-18".parse().unwrap()),
            ImportSource::Markdown(RESOLUTION.into()),
            true,
        )
        .await
        .unwrap();
        app.agree_ad_referendum(p, process, slug, 1).await.unwrap();
    }
    // A title alone is a resolution whose wording is not recorded; a
    // negotiating text needs its paragraphs.
    let title_only = ImportSource::Markdown("# Only a title (test)\n".into());
    assert_eq!(
        kind(
            app.import_version(
                &chair,
                "gcm",
                "plain",
                "Title",
                None,
                title_only.clone(),
                true
            )
            .await
        ),
        "no_numbering"
    );
    app.create_draft(&chair, "gcm", resolution("untold"))
        .await
        .unwrap();
    app.import_version(&chair, "gcm", "untold", "Title", None, title_only, true)
        .await
        .unwrap();
    // A symbol is checked as one.
    assert_eq!(
        kind(
            app.create_draft(
                &chair,
                "gcm",
                DraftRequest {
                    symbol: Some("A/73/<L.1>".into()),
                    ..resolution("bad-symbol")
                },
            )
            .await
        ),
        "invalid"
    );
    t.set_now("2018-12-19T18:00:00Z");
    let list = app.adoptions("gcm").await.unwrap();
    let marrakech = list[0].adoption.id;
    let final_seq = list[0].version_seq;
    let plenary = a_test_plenary(app).await;
    // A vote on the compact that did not carry, at the test plenary.
    let failed = app
        .adopt(
            &sec,
            "gcm",
            AdoptionRequest {
                meeting: plenary,
                draft: "gcm-draft".into(),
                version: final_seq,
                title: "A vote that failed (test)".into(),
                adopted_on: "2018-12-19".parse().unwrap(),
                symbol: None,
                method: AdoptionMethod::RecordedVote,
                vote: Some(RecordedVote {
                    majority: MajorityRule::Simple,
                    totals: Totals {
                        yes: 10,
                        no: 100,
                        abstain: 50,
                        not_voting: 33,
                    },
                    ballots: vec![],
                    present: None,
                    open: false,
                }),
                endorses: None,
                note: None,
                as_it_stands: false,
            },
        )
        .await
        .unwrap();
    let endorse = |meeting: i64, draft: &str, version: u32, endorses: i64| AdoptionRequest {
        meeting,
        draft: draft.into(),
        version,
        title: "Endorsement (test)".into(),
        adopted_on: "2018-12-19".parse().unwrap(),
        symbol: Some("A/RES/73/999".into()),
        method: AdoptionMethod::Consensus,
        vote: None,
        endorses: Some(endorses),
        note: None,
        as_it_stands: false,
    };
    let before = app.adoptions("gcm").await.unwrap().len();
    let before_other = app.adoptions("other-process").await.unwrap().len();
    let audit_before = app.verify_audit().await.unwrap().unwrap();
    // (case, who, process, request, the kind expected)
    let refused = [
        (
            "the endorsed text's own version",
            &sec,
            "gcm",
            endorse(plenary, "gcm-draft", final_seq, marrakech),
            "endorsement_needs_its_own_text",
        ),
        (
            "an earlier version of the endorsed draft",
            &sec,
            "gcm",
            endorse(plenary, "gcm-draft", 1, marrakech),
            "endorsement_needs_its_own_text",
        ),
        (
            "a text of its own that is not a resolution",
            &sec,
            "gcm",
            endorse(plenary, "plain", 1, marrakech),
            "endorsement_not_a_resolution",
        ),
        (
            "an adoption whose vote did not carry",
            &sec,
            "gcm",
            endorse(plenary, "resolution", 1, failed),
            "endorses_nothing_adopted",
        ),
        (
            "no such adoption",
            &sec,
            "gcm",
            endorse(plenary, "resolution", 1, marrakech + 1000),
            "not_found",
        ),
        (
            "the other process's secretariat, in the first process",
            &other_sec,
            "gcm",
            endorse(plenary, "resolution", 1, marrakech),
            "forbidden",
        ),
        (
            "an adoption of another process, named from the second",
            &other_sec,
            "other-process",
            endorse(elsewhere, "resolution", 1, marrakech),
            "not_found",
        ),
        (
            "the first process's secretariat, in the second",
            &sec,
            "other-process",
            endorse(elsewhere, "resolution", 1, marrakech),
            "forbidden",
        ),
    ];
    for (case, p, process, req, expected) in refused {
        assert_eq!(kind(app.adopt(p, process, req).await), expected, "{case}");
    }
    assert_eq!(app.adoptions("gcm").await.unwrap().len(), before);
    assert_eq!(
        app.adoptions("other-process").await.unwrap().len(),
        before_other
    );
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_before);

    // The resolution of its own: recorded, read as a resolution, linked both ways.
    let id = app
        .adopt(&sec, "gcm", endorse(plenary, "resolution", 1, marrakech))
        .await
        .unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(d.summary.draft.kind, DraftKind::Resolution);
    assert_eq!(d.summary.draft.symbol.as_deref(), Some("A/73/L.999"));
    let r = d.resolution.as_ref().expect("read as a resolution");
    assert_eq!(r.preambular.len(), 1);
    assert_eq!(r.preambular[0].num, None);
    assert_eq!(r.preambular[0].text, "Recalling the compact (test).");
    let operative: Vec<_> = r
        .operative
        .iter()
        .map(|p| (p.num.as_deref(), p.text.as_str()))
        .collect();
    assert_eq!(
        operative,
        [
            (Some("1."), "Endorses the compact (test)."),
            (Some("2."), "Decides (test):")
        ]
    );
    assert_eq!(r.operative[1].subparagraphs.len(), 1);
    assert_eq!(d.endorses.as_ref().map(|e| e.adoption.id), Some(marrakech));
    let conference = app
        .adoption(&Principal::Anonymous, "gcm", marrakech)
        .await
        .unwrap();
    assert!(conference.endorsed_by.iter().any(|e| e.adoption.id == id));
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_before + 1);
    // Pledges still name the compact's objectives.
    assert_eq!(app.adopted_objectives("gcm").await.unwrap().len(), 23);
}

/// A grant of `role` in `process` (for `actor`).
async fn granted(
    app: &App,
    email: &str,
    role: Role,
    process: &str,
    actor: Option<&str>,
) -> Principal {
    let grant = RoleGrant {
        role,
        process: Some(process.parse().unwrap()),
        actor: actor.map(|a| a.parse().unwrap()),
    };
    Principal::Account(
        app.create_account(&OPERATOR, email, email, PASSWORD, &[grant])
            .await
            .unwrap(),
    )
}

/// Statements of intention after the vote, as a table of cases on both
/// stores: who states what on which vote, and the error kind expected. The
/// ballots, the totals and the outcome never change; a refusal stores
/// nothing and audits nothing. Grants are held in two processes: a grant in
/// the other one gives nothing here.
async fn statements_of_intention_stand_beside_the_ballot(db: TestDatabase) {
    let t = TestApp::at(db, "2019-01-15T12:00:00Z").await;
    let app = &t.app;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let sec = granted(app, "sec@example.org", Role::Secretariat, "gcm", None).await;
    let mex = granted(app, "mex@example.org", Role::Delegate, "gcm", Some("MEX")).await;
    let other_sec = granted(
        app,
        "osec@example.org",
        Role::Secretariat,
        "other-process",
        None,
    )
    .await;
    let other_fra = granted(
        app,
        "ofra@example.org",
        Role::Delegate,
        "other-process",
        Some("FRA"),
    )
    .await;
    let list = app.adoptions("gcm").await.unwrap();
    let (marrakech, ga) = (list[0].adoption.id, list[1].adoption.id);
    let mut open = vote_request(a_test_plenary(app).await, Totals::default(), vec![]);
    open.vote.as_mut().unwrap().open = true;
    let open = app.adopt(&sec, "gcm", open).await.unwrap();
    let before = app
        .adoption(&Principal::Anonymous, "gcm", ga)
        .await
        .unwrap();
    let audit_before = app.verify_audit().await.unwrap().unwrap();

    use VoteChoice::*;
    let anonymous = Principal::Anonymous;
    // (case, who, adoption, state, intended, the error kind expected)
    type Case<'a> = (
        &'a str,
        &'a Principal,
        i64,
        &'a str,
        VoteChoice,
        Result<(), &'a str>,
    );
    let cases: Vec<Case> = vec![
        (
            "the secretariat records Hungary's intention",
            &sec,
            ga,
            "HUN",
            Yes,
            Ok(()),
        ),
        (
            "a delegate states its own state's",
            &mex,
            ga,
            "MEX",
            Abstain,
            Ok(()),
        ),
        (
            "a second statement by Hungary",
            &sec,
            ga,
            "HUN",
            Abstain,
            Err("intention_already_stated"),
        ),
        (
            "the vote Czechia cast",
            &sec,
            ga,
            "CZE",
            No,
            Err("intention_matches_ballot"),
        ),
        (
            "an observer state",
            &sec,
            ga,
            "VAT",
            Yes,
            Err("not_a_member_state"),
        ),
        (
            "intended not to vote",
            &sec,
            ga,
            "AUT",
            NotVoting,
            Err("invalid"),
        ),
        (
            "while the vote is being taken",
            &sec,
            open,
            "FRA",
            Yes,
            Err("vote_still_open"),
        ),
        (
            "a consensus has no vote",
            &sec,
            marrakech,
            "FRA",
            Yes,
            Err("invalid"),
        ),
        (
            "no such adoption",
            &sec,
            ga + 1000,
            "FRA",
            Yes,
            Err("not_found"),
        ),
        (
            "a delegate for another state",
            &mex,
            ga,
            "FRA",
            Yes,
            Err("forbidden"),
        ),
        (
            "France's delegate in another process",
            &other_fra,
            ga,
            "FRA",
            Yes,
            Err("forbidden"),
        ),
        (
            "the secretariat of another process",
            &other_sec,
            ga,
            "FRA",
            Yes,
            Err("forbidden"),
        ),
        ("anyone", &anonymous, ga, "FRA", Yes, Err("unauthenticated")),
    ];
    for (name, who, adoption, state, intended, expected) in cases {
        let got = app
            .state_intention(who, "gcm", adoption, &code(state), intended)
            .await
            .map_err(|e| e.kind());
        assert_eq!(got, expected, "{name}");
    }
    assert_eq!(
        app.verify_audit().await.unwrap().unwrap(),
        audit_before + 2,
        "only the two statements recorded were audited"
    );
    let d = app
        .adoption(&Principal::Anonymous, "gcm", ga)
        .await
        .unwrap();
    let row = |c: &str| {
        d.rows
            .iter()
            .find(|r| r.code.as_str() == c)
            .unwrap()
            .clone()
    };
    assert_eq!(row("HUN").vote, Some(No), "the ballot stands as recorded");
    assert_eq!(row("HUN").intended, Some(Yes));
    assert_eq!(row("MEX").vote, None, "still not recorded");
    assert_eq!(row("MEX").intended, Some(Abstain));
    assert_eq!(row("CZE").intended, None);
    assert_eq!(
        d.summary.adoption.vote, before.summary.adoption.vote,
        "ballots and totals unchanged"
    );
    assert_eq!(d.summary.adopted, before.summary.adopted);
    assert_eq!(d.needed, before.needed);
    let stated: Vec<(&str, VoteChoice, &str)> = d
        .summary
        .adoption
        .intentions
        .iter()
        .map(|i| (i.state.as_str(), i.vote, i.entered_by.as_str()))
        .collect();
    assert_eq!(
        stated,
        [
            ("HUN", Yes, "sec@example.org"),
            ("MEX", Abstain, "mex@example.org")
        ]
    );
}

/// The states present at a vote, through the use case on both stores, as a
/// table of cases: a refusal stores nothing; a vote taken in Accord records
/// as present the states that cast a ballot; the majority counts the members
/// present and voting (yes or no), abstaining states present but not voting.
async fn presence_is_recorded_and_the_majority_counts_those_voting(db: TestDatabase) {
    let t = TestApp::at(db, "2019-01-15T12:00:00Z").await;
    let app = &t.app;
    let sec = person(app, "sec@example.org", Role::Secretariat, None).await;
    let plenary = a_test_plenary(app).await;
    let totals = Totals {
        yes: 100,
        no: 60,
        abstain: 20,
        not_voting: 13,
    };
    let all: Vec<String> = app
        .adoption(
            &Principal::Anonymous,
            "gcm",
            app.adoptions("gcm").await.unwrap()[1].adoption.id,
        )
        .await
        .unwrap()
        .rows
        .iter()
        .map(|r| r.code.to_string())
        .collect();
    let first = |n: usize| Some(all[..n].iter().map(|c| code(c)).collect::<Vec<_>>());
    let mex_yes = vec![ballot("MEX", VoteChoice::Yes)];
    let without_mex: Vec<ActorCode> = all
        .iter()
        .filter(|c| *c != "MEX")
        .map(|c| code(c))
        .collect();
    let before = app.adoptions("gcm").await.unwrap().len();
    type Case = (
        &'static str,
        Option<Vec<ActorCode>>,
        Vec<Ballot>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "an observer present",
            Some(vec![code("VAT")]),
            vec![],
            "not_a_member_state",
        ),
        (
            "fewer present than voted",
            first(179),
            vec![],
            "fewer_present_than_voted",
        ),
        (
            "Mexico voted, not present",
            Some(without_mex),
            mex_yes.clone(),
            "voted_but_absent",
        ),
        (
            "a state twice",
            Some(vec![code("MEX"), code("MEX")]),
            vec![],
            "invalid",
        ),
    ];
    for (name, present, ballots, expected) in cases {
        let mut req = vote_request(plenary, totals, ballots);
        req.vote.as_mut().unwrap().present = present;
        assert_eq!(kind(app.adopt(&sec, "gcm", req).await), expected, "{name}");
    }
    assert_eq!(
        app.adoptions("gcm").await.unwrap().len(),
        before,
        "nothing stored"
    );
    let mut req = vote_request(plenary, totals, mex_yes);
    req.vote.as_mut().unwrap().present = first(185);
    let id = app.adopt(&sec, "gcm", req).await.unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(d.present, Some(185));
    assert_eq!(
        d.present_and_voting,
        Some(160),
        "abstentions are not voting"
    );
    assert_eq!(d.needed, Some(107), "two thirds of 160");

    // Taken in Accord: those who cast a ballot were present.
    let other = {
        let mut m = meeting(app, "general-assembly-73-plenary-60").await.meeting;
        m.slug = "test-plenary-2".parse().unwrap();
        app.add_meeting(&OPERATOR, m).await.unwrap()
    };
    let mut open = vote_request(other, Totals::default(), vec![]);
    open.vote.as_mut().unwrap().open = true;
    let id = app.adopt(&sec, "gcm", open).await.unwrap();
    app.record_ballots(
        &sec,
        "gcm",
        id,
        vec![
            ballot("MEX", VoteChoice::Yes),
            ballot("FRA", VoteChoice::Abstain),
        ],
    )
    .await
    .unwrap();
    app.close_vote(&sec, "gcm", id).await.unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(
        d.summary.adoption.vote.as_ref().unwrap().present,
        Some(vec![code("FRA"), code("MEX")])
    );
    assert_eq!((d.present, d.present_and_voting), (Some(2), Some(1)));
}

const DIVIDED: &str = "# A text (test)

## Preamble {#pre}

1. We, the States, adopt this text. {#p1}

## Commitments

2. We commit to [review it]. {#p2}

3. We commit to count it. {#p3}
";

/// Separate votes on paragraphs and oral changes through the use cases, on
/// both stores: a separate vote that deletes a paragraph, then the adoption
/// of the whole shows it (and the deleted paragraph needs no agreement);
/// the second vote on the same paragraph, anything after the adoption, and
/// the other process's secretariat are refused, storing and auditing
/// nothing.
async fn separate_votes_and_oral_changes_come_before_the_vote_on_the_whole(db: TestDatabase) {
    let t = TestApp::at(db, "2018-07-12T15:00:00Z").await;
    let app = &t.app;
    let mut other = app.process("gcm").await.unwrap().process;
    other.slug = "other-process".parse().unwrap();
    app.create_process(&OPERATOR, other).await.unwrap();
    let sec = granted(app, "sec@example.org", Role::Secretariat, "gcm", None).await;
    let chair = granted(app, "chair@example.org", Role::CoFacilitator, "gcm", None).await;
    let hun = granted(app, "hun@example.org", Role::Delegate, "gcm", Some("HUN")).await;
    let other_sec = granted(
        app,
        "osec@example.org",
        Role::Secretariat,
        "other-process",
        None,
    )
    .await;
    app.create_draft(
        &chair,
        "gcm",
        DraftRequest::negotiating_text("divided", "A text (test)", true),
    )
    .await
    .unwrap();
    app.import_version(
        &chair,
        "gcm",
        "divided",
        "Final draft",
        Some("2018-12-01".parse().unwrap()),
        ImportSource::Markdown(DIVIDED.into()),
        true,
    )
    .await
    .unwrap();
    for (wid, status) in [
        ("p1", ParagraphStatus::AgreedAdRef),
        ("p2", ParagraphStatus::Bracketed),
        ("p3", ParagraphStatus::AgreedAdRef),
    ] {
        app.set_paragraph_status(&chair, "gcm", "divided", 1, wid, status, vec![])
            .await
            .unwrap();
    }
    t.set_now("2018-12-10T15:00:00Z");
    let conference = meeting(app, "intergovernmental-conference-marrakech").await;
    let round = meeting(app, "negotiation-round-6").await;
    let totals = |yes, no, abstain, not_voting| Totals {
        yes,
        no,
        abstain,
        not_voting,
    };
    let vote = |t: Totals, ballots: Vec<Ballot>| RecordedVote {
        majority: MajorityRule::Simple,
        totals: t,
        ballots,
        open: false,
        present: None,
    };
    let separate =
        |paragraph: &str, by: &str, on: &Meeting, v: RecordedVote| ParagraphVoteRequest {
            draft: "divided".into(),
            version: 1,
            paragraph: paragraph.into(),
            requested_by: code(by),
            voted_on: on.start_date,
            vote: v,
        };
    let deleting = vote(
        totals(30, 120, 20, 23),
        vec![ballot("HUN", VoteChoice::Yes)],
    );
    let retaining = vote(totals(120, 30, 20, 23), vec![ballot("HUN", VoteChoice::No)]);
    let audit_before = app.verify_audit().await.unwrap().unwrap();
    let mut late = separate("2", "HUN", &conference, deleting.clone());
    late.voted_on = "2018-12-12".parse().unwrap();
    // (case, who, process, meeting, request, the kind expected)
    let refused = [
        (
            "the other process's secretariat",
            &other_sec,
            "gcm",
            conference.id,
            separate("2", "HUN", &conference, deleting.clone()),
            "forbidden",
        ),
        (
            "the first process's secretariat, in the second",
            &sec,
            "other-process",
            conference.id,
            separate("2", "HUN", &conference, deleting.clone()),
            "forbidden",
        ),
        (
            "a delegate",
            &hun,
            "gcm",
            conference.id,
            separate("2", "HUN", &conference, deleting.clone()),
            "forbidden",
        ),
        (
            "no such paragraph",
            &sec,
            "gcm",
            conference.id,
            separate("17", "HUN", &conference, deleting.clone()),
            "no_such_paragraph",
        ),
        (
            "a simulated delegation asks",
            &sec,
            "gcm",
            conference.id,
            separate("2", "XAA", &conference, deleting.clone()),
            "not_a_delegation",
        ),
        (
            "an unknown actor asks",
            &sec,
            "gcm",
            conference.id,
            separate("2", "ZZZ", &conference, deleting.clone()),
            "unknown_actor",
        ),
        (
            "a negotiation round",
            &sec,
            "gcm",
            round.id,
            separate("2", "HUN", &round, deleting.clone()),
            "not_an_adoption_setting",
        ),
        (
            "a day after the meeting",
            &sec,
            "gcm",
            conference.id,
            late,
            "invalid",
        ),
        (
            "totals that do not add up",
            &sec,
            "gcm",
            conference.id,
            separate("2", "HUN", &conference, vote(totals(1, 2, 3, 4), vec![])),
            "totals_do_not_add_up",
        ),
    ];
    for (case, p, process, m, req, expected) in refused {
        let got = app.record_paragraph_vote(p, process, m, req).await;
        assert_eq!(got.map_err(|e| e.kind()), Err(expected), "{case}");
    }
    assert!(app
        .votes_before_the_whole("gcm", conference.id)
        .await
        .unwrap()
        .paragraph_votes
        .is_empty());
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_before);

    // Paragraph 2 is put to a separate vote at Hungary's request and not
    // retained: deleted. Paragraph 3 is retained.
    let deleted = app
        .record_paragraph_vote(
            &sec,
            "gcm",
            conference.id,
            separate("2", "HUN", &conference, deleting.clone()),
        )
        .await
        .unwrap();
    let retained = app
        .record_paragraph_vote(
            &sec,
            "gcm",
            conference.id,
            separate("para_3", "HUN", &conference, retaining.clone()),
        )
        .await
        .unwrap();
    // Once a meeting, however the paragraph is named.
    for again in ["2", "para_2", "p2"] {
        assert_eq!(
            kind(
                app.record_paragraph_vote(
                    &sec,
                    "gcm",
                    conference.id,
                    separate(again, "HUN", &conference, retaining.clone())
                )
                .await
            ),
            "paragraph_already_voted",
            "{again}"
        );
    }
    // Oral changes: an amendment by Hungary put to the vote and lost; a
    // revision by the sponsors accepted without a vote.
    let oral = |kind: accord_domain::adoption::OralChangeKind,
                by: &str,
                outcome: Option<OralChangeOutcome>,
                v: Option<RecordedVote>| OralChangeRequest {
        draft: "divided".into(),
        version: 1,
        paragraph: "1".into(),
        kind,
        moved_by: code(by),
        moved_on: conference.start_date,
        text: "Replace 'adopt' by 'take note of'.".into(),
        outcome,
        vote: v,
    };
    let amendment = app
        .record_oral_change(
            &sec,
            "gcm",
            conference.id,
            oral(
                OralChangeKind::OralAmendment,
                "HUN",
                None,
                Some(deleting.clone()),
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        kind(
            app.record_oral_change(
                &sec,
                "gcm",
                conference.id,
                oral(
                    OralChangeKind::OralAmendment,
                    "HUN",
                    Some(OralChangeOutcome::Accepted),
                    Some(deleting.clone())
                )
            )
            .await
        ),
        "invalid",
        "an outcome the vote contradicts"
    );
    assert_eq!(
        kind(
            app.record_oral_change(
                &other_sec,
                "gcm",
                conference.id,
                oral(
                    OralChangeKind::OralRevision,
                    "MEX",
                    Some(OralChangeOutcome::Accepted),
                    None
                )
            )
            .await
        ),
        "forbidden"
    );
    let revision = app
        .record_oral_change(
            &sec,
            "gcm",
            conference.id,
            oral(
                OralChangeKind::OralRevision,
                "MEX",
                Some(OralChangeOutcome::Accepted),
                None,
            ),
        )
        .await
        .unwrap();
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_before + 4);
    let before = app
        .votes_before_the_whole("gcm", conference.id)
        .await
        .unwrap();
    let results: Vec<_> = before
        .paragraph_votes
        .iter()
        .map(|v| {
            (
                v.paragraph_vote.id,
                v.paragraph_vote.number.as_str(),
                v.paragraph_vote.result,
                v.requested_by_name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            (deleted, "2.", ParagraphVoteResult::Deleted, "Hungary"),
            (retained, "3.", ParagraphVoteResult::Retained, "Hungary")
        ]
    );
    assert_eq!(
        before.paragraph_votes[0].paragraph_vote.vote, deleting,
        "the vote is kept whole"
    );
    let changes: Vec<_> = before
        .oral_changes
        .iter()
        .map(|c| {
            (
                c.oral_change.id,
                c.oral_change.kind,
                c.oral_change.outcome,
                c.oral_change.moved_by.as_str(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (
                amendment,
                OralChangeKind::OralAmendment,
                OralChangeOutcome::Rejected,
                "HUN"
            ),
            (
                revision,
                OralChangeKind::OralRevision,
                OralChangeOutcome::Accepted,
                "MEX"
            )
        ]
    );
    assert!(app
        .votes_before_the_whole("gcm", round.id)
        .await
        .unwrap()
        .paragraph_votes
        .is_empty());

    // The vote on the whole: paragraph 2 was deleted by the vote, so the
    // text needs no decision to adopt it as it stands.
    let id = app
        .adopt(
            &sec,
            "gcm",
            AdoptionRequest {
                meeting: conference.id,
                draft: "divided".into(),
                version: 1,
                title: "Adoption (test)".into(),
                adopted_on: conference.start_date,
                symbol: None,
                method: AdoptionMethod::RecordedVote,
                vote: Some(retaining.clone()),
                endorses: None,
                note: None,
                as_it_stands: false,
            },
        )
        .await
        .unwrap();
    let d = app
        .adoption(&Principal::Anonymous, "gcm", id)
        .await
        .unwrap();
    assert_eq!(d.deleted, vec!["2"]);
    assert_eq!(d.deleted_wids, vec![Wid::new("p2").unwrap()]);
    assert_eq!(
        d.paragraph_votes
            .iter()
            .map(|v| v.paragraph_vote.id)
            .collect::<Vec<_>>(),
        vec![deleted, retained]
    );
    assert_eq!(d.oral_changes.len(), 2);
    assert!(d.summary.adoption.not_agreed.is_empty());
    // The adopted text is the version without paragraph 2.
    let (_, text) = app
        .adopted_text(&"gcm".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let nums: Vec<_> = text
        .placed()
        .into_iter()
        .filter(|p| !p.num.is_empty())
        .map(|p| (p.wid.as_str().to_owned(), p.num))
        .collect();
    assert_eq!(
        nums,
        [
            ("p1".to_owned(), "1.".to_owned()),
            ("p3".to_owned(), "2.".to_owned())
        ]
    );

    // After the vote on the whole: nothing more before it.
    let audit_adopted = app.verify_audit().await.unwrap().unwrap();
    assert_eq!(
        kind(
            app.record_paragraph_vote(
                &sec,
                "gcm",
                conference.id,
                separate("1", "HUN", &conference, retaining.clone())
            )
            .await
        ),
        "version_already_adopted"
    );
    assert_eq!(
        kind(
            app.record_oral_change(
                &sec,
                "gcm",
                conference.id,
                oral(
                    OralChangeKind::OralRevision,
                    "MEX",
                    Some(OralChangeOutcome::Accepted),
                    None
                )
            )
            .await
        ),
        "version_already_adopted"
    );
    let plenary = meeting(app, "general-assembly-73-plenary-60").await;
    assert_eq!(
        kind(
            app.record_paragraph_vote(
                &sec,
                "gcm",
                plenary.id,
                separate("1", "HUN", &plenary, retaining.clone())
            )
            .await
        ),
        "version_already_adopted",
        "nor at a later meeting"
    );
    assert_eq!(app.verify_audit().await.unwrap().unwrap(), audit_adopted);
    assert_eq!(
        app.votes_before_the_whole("gcm", conference.id)
            .await
            .unwrap()
            .paragraph_votes
            .len(),
        2
    );
}
