//! The GCM demo's negotiation: the draft's five versions with the structure
//! the sources give (`demo/gcm/draft.toml`), the final text agreed ad ref, and
//! a *simulation* of amendments on Rev.3 by fictional delegations — never by a
//! real state — so that the compilation text, amendment pages and lineage have
//! something to show. Every page showing them says they are a simulation.

use std::collections::HashMap;

use accord_domain::negotiation::{
    self as n, AmendmentStatus, DraftText, Node, NodeKind, Operation, Stance, Wid,
};
use accord_domain::{Actor, ActorCode, ActorKind, Slug};
use chrono::NaiveDate;
use serde::Deserialize;

use accord_app::negotiation::{DraftRequest, ImportSource, NewAmendment};
use accord_app::{App, AppError, Principal, Result};

const DRAFT_TOML: &str = include_str!("../data/gcm/draft.toml");

#[derive(Deserialize)]
struct DraftFile {
    slug: String,
    title: String,
    placeholder: String,
    guiding_principles: Vec<String>,
    objectives: Vec<String>,
    #[serde(rename = "final")]
    sections: Sections,
    version: Vec<VersionSpec>,
}

#[derive(Deserialize)]
struct Sections {
    vision: usize,
    framework: usize,
    implementation: usize,
}

#[derive(Deserialize)]
struct VersionSpec {
    label: String,
    issued_on: NaiveDate,
    preamble: usize,
    objectives: usize,
    follow_up: usize,
    #[serde(default)]
    agreed: bool,
}

fn wid(s: String) -> Wid {
    Wid::new(s).expect("demo identities are well formed")
}

/// One version's text: stable identities by section and place, so that the
/// same paragraph keeps its wId from version to version.
fn version_text(f: &DraftFile, v: &VersionSpec) -> DraftText {
    let para = |id: String, text: &str| {
        let mut node = Node::new(wid(id), NodeKind::Paragraph);
        node.text = text.to_owned();
        node
    };
    let section = |id: &str, heading: &str, children: Vec<Node>| {
        let mut node = Node::new(wid(id.to_owned()), NodeKind::Section);
        node.heading = heading.to_owned();
        node.children = children;
        node
    };
    let placeholder = f.placeholder.as_str();
    let mut vision: Vec<Node> = (1..f.sections.vision)
        .map(|i| para(format!("vis-{i}"), placeholder))
        .collect();
    let mut principles = para(format!("vis-{}", f.sections.vision), placeholder);
    principles.children = f
        .guiding_principles
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut node = Node::new(wid(format!("gp-{}", n::letter(i))), NodeKind::Subparagraph);
            node.text = name.clone();
            node
        })
        .collect();
    vision.push(principles);
    let objectives = f.objectives[..v.objectives]
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let mut node = Node::new(wid(format!("obj-{}", i + 1)), NodeKind::Objective);
            node.heading = title.clone();
            node.children = vec![para(format!("obj-{}-p", i + 1), placeholder)];
            node
        })
        .collect();
    DraftText {
        title: f.title.clone(),
        nodes: vec![
            section(
                "sec-pre",
                "Preamble",
                (1..=v.preamble)
                    .map(|i| para(format!("pre-{i}"), placeholder))
                    .collect(),
            ),
            section("sec-vis", "Our vision and guiding principles", vision),
            section(
                "sec-frm",
                "Our cooperative framework",
                (1..=f.sections.framework)
                    .map(|i| para(format!("frm-{i}"), placeholder))
                    .collect(),
            ),
            section("sec-obj", "Objectives and commitments", objectives),
            section(
                "sec-imp",
                "Implementation",
                (1..=f.sections.implementation)
                    .map(|i| para(format!("imp-{i}"), placeholder))
                    .collect(),
            ),
            section(
                "sec-fu",
                "Follow-up and review",
                (1..=v.follow_up)
                    .map(|i| para(format!("fu-{i}"), placeholder))
                    .collect(),
            ),
        ],
    }
}

/// The fictional delegations of the simulation (ISO 3166 user-assigned codes,
/// which no state has) and a fictional group of three of them.
fn simulated_actors() -> Vec<Actor> {
    let state = |code: &str, letter: &str| Actor {
        code: code.parse().expect("valid code"),
        kind: ActorKind::SimulatedDelegation,
        name: format!("Simulated delegation {letter} (demonstration, not a real state)"),
        official_name: None,
        iso2: None,
        m49: None,
        region: None,
        subregion: None,
        un_member_since: None,
        members: vec![],
        membership: vec![],
    };
    let mut actors: Vec<Actor> = ["A", "B", "C", "D", "E", "F"]
        .iter()
        .enumerate()
        .map(|(i, l)| state(&format!("XA{}", (b'A' + i as u8) as char), l))
        .collect();
    actors.push(Actor {
        code: "SIM-GROUP".parse().expect("valid code"),
        kind: ActorKind::SimulatedGroup,
        name: "Simulated group of states (demonstration)".into(),
        members: ["XAA", "XAB", "XAC"]
            .iter()
            .map(|c| c.parse().expect("valid"))
            .collect(),
        ..state("SIM-GROUP", "")
    });
    actors
}

/// Loads the GCM draft unless the process already has it; returns whether
/// it did.
pub(crate) async fn load_gcm_draft(app: &App, process: &Slug) -> Result<bool> {
    let f: DraftFile = toml::from_str(DRAFT_TOML)
        .map_err(|e| AppError::Internal(format!("demo/gcm/draft.toml: {e}")))?;
    if app
        .drafts(process.as_str())
        .await?
        .iter()
        .any(|d| d.slug.as_str() == f.slug)
    {
        return Ok(false);
    }
    let system = Principal::System("demo loader");
    for actor in simulated_actors() {
        if app.actor(actor.code.as_str()).await.is_err() {
            app.create_actor(&system, actor).await?;
        }
    }
    // The draft and its versions are the real GCM's structure: not
    // simulated; only the amendments of the simulation below are.
    app.create_draft(
        &system,
        process.as_str(),
        DraftRequest::negotiating_text(&f.slug, &f.title, false),
    )
    .await?;
    for v in &f.version {
        let text = version_text(&f, v);
        app.import_version(
            &system,
            process.as_str(),
            &f.slug,
            &v.label,
            Some(v.issued_on),
            ImportSource::Markdown(n::to_markdown(&text)),
            true,
        )
        .await?;
    }
    // The agreed text: every paragraph agreed ad ref.
    if let Some(spec) = f.version.last().filter(|v| v.agreed) {
        let detail = app.draft(process.as_str(), &f.slug).await?;
        let last = detail
            .versions
            .iter()
            .find(|v| v.label == spec.label)
            .ok_or_else(|| AppError::Internal(format!("no demo version '{}'", spec.label)))?;
        app.agree_ad_referendum(&system, process.as_str(), &f.slug, last.seq)
            .await?;
    }
    simulate_amendments(app, process, &f, 4).await?;
    Ok(true)
}

/// The simulation: amendments on Rev.3 by the fictional delegations, with
/// support, objections, a withdrawal and decisions.
async fn simulate_amendments(app: &App, process: &Slug, f: &DraftFile, seq: u32) -> Result<()> {
    let system = Principal::System("demo loader (simulation)");
    let w = |s: &str| wid(s.to_owned());
    let code = |s: &str| s.parse::<ActorCode>().expect("valid code");
    let sim = "(simulated proposal, demonstration text)";
    let proposals: Vec<(&str, Vec<&str>, Operation, &str)> = vec![
        (
            "XAA",
            vec!["XAD"],
            Operation::ReplaceText {
                node: w("gp-a"),
                from: 0,
                to: 14,
                text: "People-centred and rights-based".into(),
            },
            "Simulated justification: align the principle with the human rights principle.",
        ),
        (
            "SIM-GROUP",
            vec![],
            Operation::AddNode {
                after: w("obj-7-p"),
                kind: NodeKind::Subparagraph,
                heading: String::new(),
                text: format!("An additional action on vulnerabilities {sim}."),
            },
            "Simulated justification: a group proposal.",
        ),
        (
            "XAB",
            vec![],
            Operation::DeleteNode { node: w("fu-7") },
            "Simulated justification: the paragraph repeats another.",
        ),
        (
            "XAC",
            vec!["XAE"],
            Operation::MoveNode {
                node: w("imp-8"),
                after: w("imp-2"),
            },
            "Simulated justification: keep related paragraphs together.",
        ),
        (
            "XAD",
            vec![],
            Operation::InsertText {
                node: w("pre-1"),
                at: f.placeholder.chars().count() - 1,
                text: format!(", with an inserted clause {sim}"),
            },
            "",
        ),
        (
            "XAE",
            vec![],
            Operation::ReplaceText {
                node: w("obj-12-p"),
                from: 0,
                to: f.placeholder.chars().count(),
                text: format!("Replacement wording for the paragraph {sim}."),
            },
            "",
        ),
        (
            "XAF",
            vec!["XAA", "XAB"],
            Operation::AddNode {
                after: w("fu-2"),
                kind: NodeKind::Paragraph,
                heading: String::new(),
                text: format!("A new paragraph on regional reviews {sim}."),
            },
            "Simulated justification: regional follow-up.",
        ),
        (
            "XAB",
            vec![],
            Operation::ReplaceText {
                node: w("gp-i"),
                from: 0,
                to: 28,
                text: "Whole-of-government and inter-agency approach".into(),
            },
            "",
        ),
        (
            "XAC",
            vec![],
            Operation::DeleteText {
                node: w("gp-f"),
                from: 0,
                to: 12,
            },
            "Simulated: a deliberately contested deletion.",
        ),
        (
            "SIM-GROUP",
            vec!["XAF"],
            Operation::InsertText {
                node: w("obj-23-p"),
                at: 0,
                text: format!("Opening words {sim}: "),
            },
            "",
        ),
    ];
    let mut ids: Vec<i64> = Vec::new();
    for (proposer, co, operation, justification) in proposals {
        let (id, _) = app
            .propose_amendment(
                &system,
                process.as_str(),
                &f.slug,
                seq,
                NewAmendment {
                    proposer: code(proposer),
                    co_sponsors: co.into_iter().map(code).collect(),
                    operation,
                    justification: justification.into(),
                },
                true,
            )
            .await?;
        ids.push(id);
    }
    let positions: HashMap<usize, Vec<(&str, Stance)>> = HashMap::from([
        (
            0,
            vec![
                ("XAC", Stance::Support),
                ("XAB", Stance::Object),
                ("SIM-GROUP", Stance::Support),
            ],
        ),
        (1, vec![("XAE", Stance::Support), ("XAF", Stance::Object)]),
        (
            2,
            vec![
                ("XAA", Stance::Object),
                ("XAC", Stance::Object),
                ("XAD", Stance::Object),
            ],
        ),
        (5, vec![("XAA", Stance::Support)]),
        (
            8,
            vec![
                ("XAA", Stance::Object),
                ("XAB", Stance::Object),
                ("XAD", Stance::Object),
                ("XAE", Stance::Object),
                ("XAF", Stance::Object),
            ],
        ),
    ]);
    for (i, list) in positions {
        for (actor, stance) in list {
            app.take_position(
                &system,
                process.as_str(),
                &f.slug,
                ids[i],
                &code(actor),
                stance,
            )
            .await?;
        }
    }
    app.withdraw_amendment(&system, process.as_str(), &f.slug, ids[3])
        .await?;
    app.decide_amendment(
        &system,
        process.as_str(),
        &f.slug,
        ids[2],
        AmendmentStatus::Rejected,
        "Simulated decision: no support.",
    )
    .await?;
    app.decide_amendment(
        &system,
        process.as_str(),
        &f.slug,
        ids[7],
        AmendmentStatus::AcceptedAsModified,
        "Simulated decision: taken up in other words.",
    )
    .await?;
    Ok(())
}
