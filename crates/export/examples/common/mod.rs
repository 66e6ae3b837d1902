//! A sample negotiation for the examples and the crate's tests: a zero
//! draft, its revision, paragraph statuses, an amendment of every kind
//! (with `& < > " '` and Arabic and Chinese words), the compilation text and
//! the redline. Built only from `accord_domain` and `chrono`.
#![allow(dead_code)]

use accord_domain::negotiation::{
    apply, compile, from_markdown, redline, Amendment, AmendmentStatus, Compilation, Draft,
    DraftText, Edit, NodeKind, Operation, ParagraphStatus, Position, ProposalFilter, Redline,
    Source, Stance, StatusRecord, Version, Wid,
};
use accord_domain::{ActorCode, Slug};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

pub mod udhr;

pub struct Sample {
    pub process_title: String,
    pub draft: Draft,
    pub zero: Version,
    pub rev1: Version,
    /// Statuses on Rev.1.
    pub statuses: Vec<StatusRecord>,
    /// Amendments on Rev.1, one of every operation (one withdrawn).
    pub amendments: Vec<Amendment>,
    /// Rev.1 with the live amendments inline.
    pub compilation: Compilation,
    /// From the zero draft to Rev.1.
    pub redline: Redline,
}

pub const ZERO_DRAFT: &str = r#"# Global Compact on Data & Cooperation

## Preamble {#pre}

1. We, the Heads of State and Government, meeting in New York on 19 December 2018, adopt this compact. {#p1}

2. We reaffirm the purposes and principles of the Charter of the United Nations. {#p2}

## Objectives and commitments {#commitments}

### Objective 1: Collect and utilize accurate data {#obj1}

3. We commit to strengthen the global evidence base on migration. {#p3}

4. To realize this commitment, we will draw from the following actions: {#p4}

(a) Elaborate and implement a comprehensive strategy for improving migration data; {#p4a}

(b) Improve international comparability and compatibility of migration statistics; {#p4b}

(c) Develop and use country-specific migration profiles. {#p4c}

### Objective 2: Minimize the adverse drivers {#obj2}

5. We commit to create conducive political, economic and social conditions. {#p5}

6. We recognize the "3 Rs" & the <core> principles of 'shared responsibility'. {#p6}

7. نلتزم بتعزيز التعاون الدولي. 我们承诺加强国际合作。 {#p7}
"#;

pub fn w(s: &str) -> Wid {
    Wid::new(s).expect("a valid wId")
}

fn actor(s: &str) -> ActorCode {
    ActorCode::new(s).expect("a valid actor code")
}

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, d, h, 0, 0).unwrap()
}

/// The span of `needle` in the text of `wid`, in characters.
pub fn span(text: &DraftText, wid: &str, needle: &str) -> (usize, usize) {
    let words = &text.find(&w(wid)).expect("node").text;
    let byte = words.find(needle).expect("needle in the node's text");
    let from = words[..byte].chars().count();
    (from, from + needle.chars().count())
}

fn version(seq: u32, label: &str, issued_on: NaiveDate, text: DraftText) -> Version {
    let issued_at = Utc.from_utc_datetime(&issued_on.and_hms_opt(9, 0, 0).unwrap());
    Version {
        id: seq as i64,
        draft: 1,
        seq,
        label: label.into(),
        issued_on,
        text,
        changes: Vec::new(),
        content_sha256: format!("{seq:064x}"),
        issued_by: "Co-facilitators".into(),
        issued_at,
    }
}

#[allow(clippy::too_many_arguments)]
fn amendment(
    number: u32,
    proposer: &str,
    co_sponsors: &[&str],
    positions: &[(&str, Stance)],
    operation: Operation,
    justification: &str,
    status: AmendmentStatus,
) -> Amendment {
    Amendment {
        id: 100 + number as i64,
        version: 2,
        number,
        proposer: actor(proposer),
        co_sponsors: co_sponsors.iter().map(|c| actor(c)).collect(),
        pending_co_sponsors: vec![],
        positions: positions
            .iter()
            .map(|(a, stance)| Position {
                actor: actor(a),
                stance: *stance,
                at: at(5, 10),
            })
            .collect(),
        operation,
        justification: justification.into(),
        status,
        outcome_note: if status == AmendmentStatus::Withdrawn {
            "Withdrawn by the proposer after informal consultations.".into()
        } else {
            String::new()
        },
        decided_at: (status != AmendmentStatus::Tabled).then(|| at(8, 16)),
        carried_from: None,
        simulated: true,
        proposed_by: "Delegate".into(),
        proposed_at: at(4, 11),
    }
}

pub fn sample() -> Sample {
    let process_title = "Intergovernmental Conference on Data & Cooperation".to_string();
    let draft = Draft {
        id: 1,
        process: Slug::new("data-compact").unwrap(),
        slug: Slug::new("compact").unwrap(),
        title: "Global Compact on Data & Cooperation".into(),
        kind: accord_domain::negotiation::DraftKind::NegotiatingText,
        symbol: None,
        simulated: true,
        created_at: at(1, 9),
    };
    let zero_text = from_markdown(ZERO_DRAFT, None)
        .expect("the sample imports")
        .text;
    zero_text.validate().expect("a valid text");
    let zero = version(
        1,
        "Zero draft",
        NaiveDate::from_ymd_opt(2024, 2, 5).unwrap(),
        zero_text,
    );

    // Rev.1: the co-facilitators' revision.
    let t = &zero.text;
    let (s3, e3) = span(t, "p3", "strengthen");
    let (_, e4b) = span(t, "p4b", "statistics");
    let edits = vec![
        Edit {
            operation: Operation::ReplaceText {
                node: w("p3"),
                from: s3,
                to: e3,
                text: "improve and strengthen".into(),
            },
            source: Source::Amendment(11),
        },
        Edit {
            operation: Operation::InsertText {
                node: w("p4b"),
                at: e4b,
                text: " at all levels".into(),
            },
            source: Source::CoFacilitators,
        },
        Edit {
            operation: Operation::DeleteNode { node: w("p4c") },
            source: Source::Amendment(12),
        },
        Edit {
            operation: Operation::AddNode {
                after: w("p5"),
                kind: NodeKind::Paragraph,
                heading: String::new(),
                text: "We will cooperate to address the drivers of migration.".into(),
            },
            source: Source::CoFacilitators,
        },
        Edit {
            operation: Operation::MoveNode {
                node: w("p1"),
                after: w("p2"),
            },
            source: Source::CoFacilitators,
        },
    ];
    let (rev1_text, changes) = apply(&zero.text, &edits).expect("the revision applies");
    let mut rev1 = version(
        2,
        "Rev.1",
        NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        rev1_text,
    );
    rev1.changes = changes;

    let statuses = vec![
        StatusRecord {
            wid: w("p1"),
            status: ParagraphStatus::AgreedAdRef,
            options: vec![],
            set_at: at(2, 12),
        },
        StatusRecord {
            wid: w("p6"),
            status: ParagraphStatus::Bracketed,
            options: vec![
                "the \"3 Rs\"".into(),
                "the principles of 'shared responsibility' & <solidarity>".into(),
            ],
            set_at: at(2, 12),
        },
        StatusRecord {
            wid: w("p4b"),
            status: ParagraphStatus::Deleted,
            options: vec![],
            set_at: at(2, 12),
        },
        StatusRecord {
            wid: w("p2"),
            status: ParagraphStatus::UnderNegotiation,
            options: vec![],
            set_at: at(2, 12),
        },
    ];

    let t = &rev1.text;
    let (_, e3) = span(t, "p3", "migration");
    let (s5, e5) = span(t, "p5", "political, ");
    let (s6, e6) = span(t, "p6", "\"3 Rs\"");
    let (s7, e7) = span(t, "p7", "الدولي");
    use Stance::*;
    let amendments = vec![
        amendment(
            1,
            "EU",
            &["CELAC"],
            &[("MEX", Support), ("USA", Object)],
            Operation::InsertText {
                node: w("p3"),
                at: e3,
                text: " & <safe>, \"orderly\" and 'regular' mobility".into(),
            },
            "To reflect the \"whole-of-society\" approach & <balance>; it's clearer.",
            AmendmentStatus::Tabled,
        ),
        amendment(
            2,
            "USA",
            &[],
            &[("EU", Object)],
            Operation::DeleteText {
                node: w("p5"),
                from: s5,
                to: e5,
            },
            "Conditions are not only political.",
            AmendmentStatus::Tabled,
        ),
        amendment(
            3,
            "G77",
            &["CHN", "EGY"],
            &[("BRA", Support)],
            Operation::ReplaceText {
                node: w("p6"),
                from: s6,
                to: e6,
                text: "المسؤولية المشتركة (共同责任)".into(),
            },
            "يعكس هذا التعديل مبدأ المسؤولية المشتركة. 此修正体现共同责任原则。",
            AmendmentStatus::Tabled,
        ),
        amendment(
            4,
            "CELAC",
            &[],
            &[],
            Operation::AddNode {
                after: w("p4"),
                kind: NodeKind::Subparagraph,
                heading: String::new(),
                text: "Share data & metadata in Arabic (البيانات) and Chinese (数据);".into(),
            },
            "",
            AmendmentStatus::Tabled,
        ),
        amendment(
            5,
            "NOR",
            &["CHE"],
            &[],
            Operation::DeleteNode { node: w("p4b") },
            "Covered by (a).",
            AmendmentStatus::Tabled,
        ),
        amendment(
            6,
            "BRA",
            &[],
            &[("ARG", Support)],
            Operation::MoveNode {
                node: w("p1"),
                after: w("p6"),
            },
            "The adoption belongs at the end.",
            AmendmentStatus::Tabled,
        ),
        amendment(
            7,
            "JPN",
            &[],
            &[],
            Operation::ReplaceText {
                node: w("p7"),
                from: s7,
                to: e7,
                text: "العالمي".into(),
            },
            "",
            AmendmentStatus::Withdrawn,
        ),
    ];
    let proposals: Vec<_> = amendments.iter().map(Amendment::proposal).collect();
    let compilation = compile(&rev1.text, &proposals, &ProposalFilter::default());
    let redline = redline(&zero.text, &rev1.text);
    Sample {
        process_title,
        draft,
        zero,
        rev1,
        statuses,
        amendments,
        compilation,
        redline,
    }
}
