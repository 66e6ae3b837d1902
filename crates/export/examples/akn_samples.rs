//! Writes Akoma Ntoso samples of the sample negotiation into the directory
//! given as the first argument (made if missing): the zero draft, Rev.1 with
//! paragraph statuses, the amendments on Rev.1 (one of every operation, with
//! `& < > " '`, Arabic and Chinese) and an empty amendment list; and three
//! adoptions: the General Assembly's endorsement of the Global Compact for
//! Migration by recorded vote (A/RES/73/195), its adoption by consensus at
//! the Marrakech conference (A/CONF.231/3), and a small fictional vote that
//! does not carry, with a hostile state name. And two expressions of one
//! version in other languages than English: the Universal Declaration of
//! Human Rights (its title and articles 1 to 3, copied in
//! `common/udhr.rs`) in French (`…/fra@1948-12-10`) and in Arabic
//! (`…/ara@1948-12-10`).
//!
//! `cargo run -q -p accord-export --example akn_samples -- OUTDIR`

mod common;

use std::path::PathBuf;

use accord_domain::adoption::{
    Adoption, AdoptionMethod, Ballot, MajorityRule, NewAdoption, RecordedVote, Totals, VoteChoice,
};
use accord_domain::negotiation::{Draft, DraftText, Version};
use accord_domain::{ActorCode, Language, Slug};
use accord_export::akn::{AdoptionExport, StateVote};
use chrono::{NaiveDate, TimeZone, Utc};

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .expect("usage: akn_samples OUTDIR"),
    );
    std::fs::create_dir_all(&dir)?;
    let s = common::sample();
    let title = &s.process_title;
    let files = [
        (
            "version-zero.akn.xml",
            accord_export::akn::version(title, &s.draft, &s.zero, &[]),
        ),
        (
            "version-rev1.akn.xml",
            accord_export::akn::version(title, &s.draft, &s.rev1, &s.statuses),
        ),
        (
            "amendments-rev1.akn.xml",
            accord_export::akn::amendments(title, &s.draft, &s.rev1, &s.amendments),
        ),
        (
            "amendments-none.akn.xml",
            accord_export::akn::amendments(title, &s.draft, &s.zero, &[]),
        ),
    ]
    .into_iter()
    .chain(adoptions())
    .chain(expressions());
    for (name, xml) in files {
        let path = dir.join(name);
        std::fs::write(&path, xml)?;
        println!("{}", path.display());
    }
    Ok(())
}

/// The Declaration's version as its French and Arabic expressions.
fn expressions() -> Vec<(&'static str, String)> {
    [
        ("udhr-fra.akn.xml", Language::Fr),
        ("udhr-ara.akn.xml", Language::Ar),
    ]
    .into_iter()
    .map(|(name, language)| {
        let (draft, version) = common::udhr::version(language);
        let xml = accord_export::akn::version_in(
            common::udhr::PROCESS_TITLE,
            &draft,
            &version,
            &[],
            language,
        );
        (name, xml)
    })
    .collect()
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn code(s: &str) -> ActorCode {
    ActorCode::new(s).expect("an actor code")
}

/// The GCM's agreed text as the demo records it (crates/demo/data/gcm): the
/// fifth version of the draft, agreed on 13 July 2018. Its wording is not
/// needed here, only its identity.
fn gcm() -> (Draft, Version) {
    let title = "Global Compact for Safe, Orderly and Regular Migration";
    let draft = Draft {
        id: 1,
        process: Slug::new("gcm").unwrap(),
        slug: Slug::new("gcm-draft").unwrap(),
        title: title.into(),
        kind: accord_domain::negotiation::DraftKind::NegotiatingText,
        symbol: None,
        simulated: false,
        created_at: Utc.with_ymd_and_hms(2018, 2, 5, 9, 0, 0).unwrap(),
    };
    let version = Version {
        id: 5,
        draft: 1,
        seq: 5,
        label: "Final draft (agreed text)".into(),
        issued_on: date("2018-07-13"),
        text: DraftText {
            title: title.into(),
            nodes: Vec::new(),
        },
        changes: Vec::new(),
        content_sha256: format!("{:064x}", 5),
        issued_by: "Co-facilitators".into(),
        issued_at: Utc.with_ymd_and_hms(2018, 7, 13, 18, 0, 0).unwrap(),
    };
    (draft, version)
}

fn recorded(id: i64, adoption: NewAdoption) -> Adoption {
    Adoption {
        id,
        adoption,
        entered_by: "Secretariat".into(),
        entered_at: Utc.with_ymd_and_hms(2024, 3, 1, 9, 0, 0).unwrap(),
        intentions: vec![],
    }
}

/// The three adoption samples.
fn adoptions() -> Vec<(&'static str, String)> {
    use VoteChoice::{Abstain, No};
    let generated = date("2024-03-01");
    let (draft, version) = gcm();
    let process_title = "Global Compact for Safe, Orderly and Regular Migration";

    // The endorsement: only what the sources say (GA/12113 for the totals
    // and the votes against; temi.camera.it for the abstentions). The 152
    // in favour and the 24 not voting are not named, so a few other member
    // states are listed as not recorded.
    let against = [
        ("CZE", "Czechia"),
        ("HUN", "Hungary"),
        ("ISR", "Israel"),
        ("POL", "Poland"),
        ("USA", "United States"),
    ];
    let abstaining = [
        ("DZA", "Algeria"),
        ("AUS", "Australia"),
        ("AUT", "Austria"),
        ("BGR", "Bulgaria"),
        ("CHL", "Chile"),
        ("ITA", "Italy"),
        ("LVA", "Latvia"),
        ("LBY", "Libya"),
        ("LIE", "Liechtenstein"),
        ("ROU", "Romania"),
        ("SGP", "Singapore"),
        ("CHE", "Switzerland"),
    ];
    let not_recorded = [
        ("AFG", "Afghanistan"),
        ("BRA", "Brazil"),
        ("DEU", "Germany"),
        ("MAR", "Morocco"),
        ("MEX", "Mexico"),
        ("NOR", "Norway"),
    ];
    let ballots: Vec<Ballot> = against
        .iter()
        .map(|(c, _)| (c, No))
        .chain(abstaining.iter().map(|(c, _)| (c, Abstain)))
        .map(|(c, vote)| Ballot {
            state: code(c),
            vote,
        })
        .collect();
    let mut states: Vec<StateVote> = against
        .iter()
        .map(|&(code, name)| (code, name, Some(No)))
        .chain(
            abstaining
                .iter()
                .map(|&(code, name)| (code, name, Some(Abstain))),
        )
        .chain(not_recorded.iter().map(|&(code, name)| (code, name, None)))
        .map(|(code, name, vote)| StateVote { code, name, vote })
        .collect();
    states.sort_by_key(|s| s.name);
    let endorsement = recorded(
        2,
        NewAdoption {
            process: Slug::new("gcm").unwrap(),
            meeting: 2,
            version: version.id,
            title: "Endorsement of the Global Compact by the General Assembly (resolution 73/195)"
                .into(),
            adopted_on: date("2018-12-19"),
            symbol: Some("A/RES/73/195".into()),
            method: AdoptionMethod::RecordedVote,
            vote: Some(RecordedVote {
                majority: MajorityRule::Simple,
                totals: Totals {
                    yes: 152,
                    no: 5,
                    abstain: 12,
                    not_voting: 24,
                },
                ballots,
                open: false,
                present: None,
            }),
            endorses: Some(1),
            as_it_stands: false,
            not_agreed: vec![],
            note: Some(
                "Draft A/73/L.66, 60th plenary meeting. The votes of the 152 states in favour \
                 and of the 24 not voting are not named in the checked sources, so they are \
                 not recorded here (press.un.org/en/2018/ga12113.doc.htm)."
                    .into(),
            ),
        },
    );

    let marrakech = recorded(
        1,
        NewAdoption {
            process: Slug::new("gcm").unwrap(),
            meeting: 1,
            version: version.id,
            title: "Adoption of the Global Compact for Safe, Orderly and Regular Migration".into(),
            adopted_on: date("2018-12-10"),
            symbol: Some("A/CONF.231/3".into()),
            method: AdoptionMethod::Consensus,
            vote: None,
            endorses: None,
            as_it_stands: false,
            not_agreed: vec![],
            note: Some(
                "Adopted on 10 December 2018 by 164 Member States (sdg.iisd.org; UN press \
                 release DEV/3375)."
                    .into(),
            ),
        },
    );

    // Fictional: a two-thirds majority missed, 6 in favour and 4 against.
    let s = common::sample();
    let hostile = "Côte d'Ivoire & <script>\"x\"</script>";
    let fictional_states = [
        StateVote {
            code: "CIV",
            name: hostile,
            vote: Some(No),
        },
        StateVote {
            code: "EGY",
            name: "مصر (Egypt)",
            vote: Some(VoteChoice::Yes),
        },
        StateVote {
            code: "CHN",
            name: "中国 (China)",
            vote: Some(Abstain),
        },
        StateVote {
            code: "NO",
            name: "A state coded \"NO\"",
            vote: None,
        },
    ];
    let fictional = recorded(
        3,
        NewAdoption {
            process: s.draft.process.clone(),
            meeting: 9,
            version: s.rev1.id,
            title: "Vote on the \"Compact\" & <its> annex".into(),
            adopted_on: date("2024-03-15"),
            symbol: None,
            method: AdoptionMethod::RecordedVote,
            vote: Some(RecordedVote {
                majority: MajorityRule::TwoThirds,
                totals: Totals {
                    yes: 6,
                    no: 4,
                    abstain: 2,
                    not_voting: 1,
                },
                ballots: vec![
                    Ballot {
                        state: code("CIV"),
                        vote: No,
                    },
                    Ballot {
                        state: code("EGY"),
                        vote: VoteChoice::Yes,
                    },
                    Ballot {
                        state: code("CHN"),
                        vote: Abstain,
                    },
                ],
                open: false,
                present: None,
            }),
            endorses: None,
            as_it_stands: false,
            not_agreed: vec![],
            note: Some("Fictional data for testing: no such vote took place.".into()),
        },
    );

    vec![
        (
            "adoption-gcm-endorsement.akn.xml",
            accord_export::akn::adoption(&AdoptionExport {
                adoption: &endorsement,
                process_title,
                meeting_slug: "general-assembly-73-plenary-60",
                meeting_title: "General Assembly, 73rd session, 60th plenary meeting",
                draft: &draft,
                version: &version,
                states: &states,
                generated,
            }),
        ),
        (
            "adoption-gcm-marrakech.akn.xml",
            accord_export::akn::adoption(&AdoptionExport {
                adoption: &marrakech,
                process_title,
                meeting_slug: "intergovernmental-conference-marrakech",
                meeting_title: "Intergovernmental Conference to Adopt the Global Compact for \
                                Safe, Orderly and Regular Migration",
                draft: &draft,
                version: &version,
                states: &[],
                generated,
            }),
        ),
        (
            "adoption-fictional-not-carried.akn.xml",
            accord_export::akn::adoption(&AdoptionExport {
                adoption: &fictional,
                process_title: &s.process_title,
                meeting_slug: "plenary-3",
                meeting_title: "Third plenary meeting <fictional> & \"final\"",
                draft: &s.draft,
                version: &s.rev1,
                states: &fictional_states,
                generated,
            }),
        ),
    ]
}
