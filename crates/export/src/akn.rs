//! Akoma Ntoso 3.0 (OASIS LegalDocML): a version of a draft as a `<doc
//! name="draft">`, and the amendments tabled on it as an `<amendmentList>`.
//!
//! # Choices the schema forced
//!
//! * Paragraph status (agreed ad ref, bracketed, deleted, under
//!   negotiation) is **not** written in AKN's `status` attribute: its
//!   enumeration (`removed`, `temporarilyRemoved`, `editorial`, …) says why
//!   the markup differs from the document, not where a negotiation stands.
//!   It goes in `class` (the domain's name, e.g. `class="bracketed"`), and
//!   again as `accord:status`, an attribute of Accord's own namespace that
//!   every AKN element accepts (`core` allows any attribute of another
//!   namespace), and in `<proprietary>` with the bracketed options.
//! * Sections are `<section>`, objectives `<hcontainer name="objective">`,
//!   paragraphs `<paragraph>`, sub-paragraphs `<subparagraph>` (their eIds
//!   say `subpara`); a paragraph with sub-paragraphs has its chapeau in
//!   `<intro>`, as the `hierarchy` type allows either `<content>` or
//!   `intro?, sub-parts*`, not both.
//! * The schema's uniqueness of `eId` covers every element under the
//!   document, Accord's own in `<proprietary>` too: those name a node by
//!   `href="#para_17"`, never by an `eId` attribute.
//! * In an `<amendmentList>`, `eId` must be unique across the whole list,
//!   nested amendments included; so an amendment's own references carry
//!   eIds prefixed with its component's (`amdt_3__eu`), as AKN's naming
//!   convention prefixes the eIds inside components. A list with no
//!   amendment still needs one `<component>` (`collectionBody` requires
//!   one): it holds an `<interstitial>` saying so.
//! * An amendment refers to the node it changes in the amended version by
//!   that version's expression URI and the node's eId after `~` (AKN's
//!   naming convention for a fragment of another document):
//!   `<ref href="/akn/un/doc/draft/p/d/2024-03-01/eng@2024-03-01/~para_17">`.
//!
//! Names of the people who issued versions or tabled amendments are left
//! out: the states (actor codes) are what the documents are about.

use std::collections::{BTreeSet, HashMap, HashSet};

use accord_domain::negotiation::{
    Amendment, Draft, DraftText, Node, NodeKind, Operation, StatusRecord, Version, Wid,
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::names::{kind_name, long_date, Places};
use crate::xml::{element, text, Writer};

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// Accord's namespace, for what AKN has no element for (in `<proprietary>`)
/// and for the `accord:status` attribute.
pub const ACCORD_NS: &str = "urn:x-accord:akn:1";

/// The URIs of one version (work, expression) by AKN's naming convention.
struct Uris {
    work: String,
    expression: String,
}

fn version_uris(draft: &Draft, version: &Version) -> Uris {
    let work = format!(
        "/akn/un/doc/draft/{}/{}/{}",
        draft.process, draft.slug, version.issued_on
    );
    let expression = format!("{work}/eng@{}", version.issued_on);
    Uris { work, expression }
}

/// What `<identification>` says of one document.
struct Identity<'a> {
    work: String,
    /// The work's and expression's date, and its name ("issued", "tabled").
    date: NaiveDate,
    date_name: &'a str,
    /// `(href, as)` of each author of the work and expression.
    authors: Vec<(String, Option<String>)>,
    subtype: Option<&'a str>,
    number: Option<String>,
    name: Option<String>,
    version_number: Option<String>,
    /// When this XML was made from the record.
    generated: NaiveDate,
}

fn identification(w: &mut Writer, id: &Identity) {
    let expression = format!("{}/eng@{}", id.work, id.date);
    let date = id.date.to_string();
    let authors = |w: &mut Writer| {
        for (href, role) in &id.authors {
            match role {
                Some(role) => w.empty("FRBRauthor", &[("href", href), ("as", role)]),
                None => w.empty("FRBRauthor", &[("href", href)]),
            }
        }
    };
    w.open("identification", &[("source", "#accord")]);
    w.open("FRBRWork", &[]);
    w.empty("FRBRthis", &[("value", &format!("{}/!main", id.work))]);
    w.empty("FRBRuri", &[("value", &id.work)]);
    w.empty("FRBRdate", &[("date", &date), ("name", id.date_name)]);
    authors(w);
    w.empty("FRBRcountry", &[("value", "un")]);
    if let Some(subtype) = id.subtype {
        w.empty("FRBRsubtype", &[("value", subtype)]);
    }
    if let Some(number) = &id.number {
        w.empty("FRBRnumber", &[("value", number)]);
    }
    if let Some(name) = &id.name {
        w.empty("FRBRname", &[("value", name)]);
    }
    w.close("FRBRWork");
    w.open("FRBRExpression", &[]);
    w.empty("FRBRthis", &[("value", &format!("{expression}/!main"))]);
    w.empty("FRBRuri", &[("value", &expression)]);
    w.empty("FRBRdate", &[("date", &date), ("name", id.date_name)]);
    authors(w);
    if let Some(n) = &id.version_number {
        w.empty("FRBRversionNumber", &[("value", n)]);
    }
    w.empty("FRBRlanguage", &[("language", "eng")]);
    w.close("FRBRExpression");
    w.open("FRBRManifestation", &[]);
    w.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))]);
    w.empty("FRBRuri", &[("value", &format!("{expression}.akn"))]);
    w.empty(
        "FRBRdate",
        &[("date", &id.generated.to_string()), ("name", "generation")],
    );
    w.empty("FRBRauthor", &[("href", "#accord")]);
    w.empty("FRBRformat", &[("value", "application/akn+xml")]);
    w.close("FRBRManifestation");
    w.close("identification");
}

fn accord_org(w: &mut Writer) {
    w.empty(
        "TLCOrganization",
        &[
            ("eId", "accord"),
            ("href", "/akn/ontology/organization/accord"),
            ("showAs", "Accord"),
        ],
    );
}

fn cofacilitators(w: &mut Writer, draft: &Draft, process_title: &str) {
    w.empty(
        "TLCOrganization",
        &[
            ("eId", "cofacilitators"),
            (
                "href",
                &format!(
                    "/akn/ontology/organization/un/{}/cofacilitators",
                    draft.process
                ),
            ),
            ("showAs", &format!("Co-facilitators of {process_title}")),
        ],
    );
}

fn timestamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// One version of a draft as an Akoma Ntoso `<doc name="draft">`: `<meta>`
/// (FRBR identification — work `/akn/un/doc/draft/{process}/{draft}/{issued
/// on}`, expression `…/eng@{issued on}` —, the issuing as a lifecycle event,
/// references to the co-facilitators and to Accord, and the paragraph
/// statuses in `<proprietary>`), a `<preface>` with the title, the version's
/// label and date, and a `<mainBody>` with the tree. Every node carries its
/// `eId` in this version (`para_17__subpara_c`) and its stable `wId`;
/// `statuses` of nodes not in this version are left out.
pub fn version(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    statuses: &[StatusRecord],
) -> String {
    let uris = version_uris(draft, version);
    let places = Places::new(&version.text);
    let status_of: HashMap<&Wid, &StatusRecord> = statuses
        .iter()
        .filter(|s| places.get(&s.wid).is_some())
        .map(|s| (&s.wid, s))
        .collect();

    let mut w = Writer::new();
    w.open(
        "akomaNtoso",
        &[("xmlns", AKN_NS), ("xmlns:accord", ACCORD_NS)],
    );
    w.open("doc", &[("name", "draft")]);

    w.open("meta", &[]);
    identification(
        &mut w,
        &Identity {
            work: uris.work.clone(),
            date: version.issued_on,
            date_name: "issued",
            authors: vec![("#cofacilitators".into(), None)],
            subtype: Some("draft"),
            number: Some(version.label.clone()),
            name: Some(draft.title.clone()),
            version_number: Some(version.seq.to_string()),
            generated: version.issued_at.date_naive(),
        },
    );
    w.open("lifecycle", &[("source", "#accord")]);
    w.empty(
        "eventRef",
        &[
            ("eId", "evt_1"),
            ("date", &version.issued_on.to_string()),
            ("source", "#original"),
            (
                "type",
                if version.seq <= 1 {
                    "generation"
                } else {
                    "amendment"
                },
            ),
        ],
    );
    w.close("lifecycle");
    w.open("references", &[("source", "#accord")]);
    w.empty(
        "original",
        &[
            ("eId", "original"),
            ("href", &uris.expression),
            (
                "showAs",
                &format!("{}, {}", version.text.title, version.label),
            ),
        ],
    );
    cofacilitators(&mut w, draft, process_title);
    accord_org(&mut w);
    w.empty(
        "TLCProcess",
        &[
            ("eId", "process"),
            (
                "href",
                &format!("/akn/ontology/process/un/{}", draft.process),
            ),
            ("showAs", process_title),
        ],
    );
    w.close("references");
    w.open("proprietary", &[("source", "#accord")]);
    w.empty(
        "accord:version",
        &[
            ("process", draft.process.as_str()),
            ("draft", draft.slug.as_str()),
            ("seq", &version.seq.to_string()),
            ("label", &version.label),
            ("issuedOn", &version.issued_on.to_string()),
            ("issuedAt", &timestamp(version.issued_at)),
            ("contentSha256", &version.content_sha256),
            ("simulated", yes_no(draft.simulated)),
        ],
    );
    for p in places.all() {
        let Some(s) = status_of.get(&p.wid) else {
            continue;
        };
        // Not `eId`: the schema's uniqueness of eIds covers these elements too.
        let href = format!("#{}", p.eid);
        let attrs = [
            ("href", href.as_str()),
            ("wId", p.wid.as_str()),
            ("status", s.status.as_str()),
            ("setAt", &timestamp(s.set_at)),
        ];
        if s.options.is_empty() {
            w.empty("accord:status", &attrs);
        } else {
            w.open("accord:status", &attrs);
            for option in &s.options {
                w.leaf("accord:option", &[], &text(option));
            }
            w.close("accord:status");
        }
    }
    w.close("proprietary");
    w.close("meta");

    w.open("preface", &[]);
    w.leaf("p", &[("class", "process")], &text(process_title));
    w.leaf(
        "p",
        &[("class", "title")],
        &element("docTitle", &[], &text(&version.text.title)),
    );
    w.leaf(
        "p",
        &[("class", "stage")],
        &element("docStage", &[], &text(&version.label)),
    );
    w.leaf(
        "p",
        &[("class", "date")],
        &element(
            "docDate",
            &[("date", &version.issued_on.to_string())],
            &text(&long_date(version.issued_on)),
        ),
    );
    w.close("preface");

    w.open("mainBody", &[]);
    if version.text.nodes.is_empty() {
        // mainBody needs at least one child.
        w.leaf("p", &[("class", "empty")], "");
    }
    for node in &version.text.nodes {
        write_node(&mut w, node, &places, &status_of);
    }
    w.close("mainBody");

    w.close("doc");
    w.close("akomaNtoso");
    w.finish()
}

fn write_node(
    w: &mut Writer,
    node: &Node,
    places: &Places,
    status_of: &HashMap<&Wid, &StatusRecord>,
) {
    let Some(p) = places.get(&node.wid) else {
        return;
    };
    let name = match node.kind {
        NodeKind::Section => "section",
        NodeKind::Objective => "hcontainer",
        NodeKind::Paragraph => "paragraph",
        NodeKind::Subparagraph => "subparagraph",
    };
    let mut attrs: Vec<(&str, &str)> = Vec::with_capacity(5);
    if node.kind == NodeKind::Objective {
        attrs.push(("name", "objective"));
    }
    attrs.push(("eId", &p.eid));
    attrs.push(("wId", node.wid.as_str()));
    if let Some(s) = status_of.get(&node.wid) {
        attrs.push(("class", s.status.as_str()));
        attrs.push(("accord:status", s.status.as_str()));
    }
    w.open(name, &attrs);
    if !p.num.is_empty() {
        w.leaf("num", &[], &text(&p.num));
    }
    if !node.heading.is_empty() {
        w.leaf("heading", &[], &text(&node.heading));
    }
    if node.children.is_empty() {
        if !node.text.is_empty() {
            w.open("content", &[]);
            w.leaf("p", &[], &text(&node.text));
            w.close("content");
        }
    } else {
        if !node.text.is_empty() {
            w.open("intro", &[]);
            w.leaf("p", &[], &text(&node.text));
            w.close("intro");
        }
        for child in &node.children {
            write_node(w, child, places, status_of);
        }
    }
    w.close(name);
}

/// An actor code as an eId part: "EU" → "eu", "G-77" → "g-77".
fn actor_id(code: &str) -> String {
    code.to_ascii_lowercase()
}

/// The characters `from..to` of `s` (clamped to its length), and what comes
/// before and after.
fn split3(s: &str, from: usize, to: usize) -> (&str, &str, &str) {
    let byte = |i: usize| s.char_indices().nth(i).map_or(s.len(), |(b, _)| b);
    let (a, b) = (byte(from), byte(to.max(from)));
    (&s[..a], &s[a..b], &s[b..])
}

/// The amendments tabled on `version`, as an Akoma Ntoso `<amendmentList>`:
/// one `<component>` per amendment holding an `<amendment>` document with
/// its own `<meta>` (identification — work `/akn/un/amendment/{process}/
/// {draft}/{version issued on}/{number}` —, its proposer and co-sponsors,
/// and the states that supported or objected, as `TLCOrganization`s;
/// status, positions and outcome in `<proprietary>`), a `<preface>`
/// (number, proposers, status, and the simulation notice when it is one)
/// and an `<amendmentBody>`: the target node as a `<ref>` to its eId in the
/// version, the words taken out in `<del>`, the words brought in `<ins>`,
/// shown as an instruction and in the node's text; the justification in
/// `<amendmentJustification>`.
pub fn amendments(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    amendments: &[Amendment],
) -> String {
    let uris = version_uris(draft, version);
    let places = Places::new(&version.text);
    let any_simulated = amendments.iter().any(|a| a.simulated);
    let generated = amendments
        .iter()
        .flat_map(|a| [Some(a.proposed_at), a.decided_at])
        .flatten()
        .chain([version.issued_at])
        .max()
        .unwrap_or(version.issued_at)
        .date_naive();

    let mut w = Writer::new();
    w.open(
        "akomaNtoso",
        &[("xmlns", AKN_NS), ("xmlns:accord", ACCORD_NS)],
    );
    w.open("amendmentList", &[("name", "amendmentList")]);
    w.open("meta", &[]);
    identification(
        &mut w,
        &Identity {
            work: format!(
                "/akn/un/amendmentList/{}/{}/{}",
                draft.process, draft.slug, version.issued_on
            ),
            date: version.issued_on,
            date_name: "issued",
            authors: vec![("#accord".into(), None)],
            subtype: None,
            number: Some(version.label.clone()),
            name: Some(format!("Amendments to {}", draft.title)),
            version_number: None,
            generated,
        },
    );
    w.open("references", &[("source", "#accord")]);
    w.empty(
        "original",
        &[
            ("eId", "original"),
            ("href", &uris.expression),
            (
                "showAs",
                &format!("{}, {}", version.text.title, version.label),
            ),
        ],
    );
    cofacilitators(&mut w, draft, process_title);
    accord_org(&mut w);
    w.close("references");
    w.open("proprietary", &[("source", "#accord")]);
    w.empty(
        "accord:amendmentList",
        &[
            ("process", draft.process.as_str()),
            ("draft", draft.slug.as_str()),
            ("version", &version.seq.to_string()),
            ("label", &version.label),
            ("count", &amendments.len().to_string()),
            ("simulated", yes_no(any_simulated)),
        ],
    );
    w.close("proprietary");
    w.close("meta");

    w.open("preface", &[]);
    w.leaf("p", &[("class", "process")], &text(process_title));
    w.leaf(
        "p",
        &[("class", "title")],
        &format!(
            "Amendments to {}",
            element("docTitle", &[], &text(&version.text.title))
        ),
    );
    w.leaf(
        "p",
        &[("class", "stage")],
        &element("docStage", &[], &text(&version.label)),
    );
    w.leaf(
        "p",
        &[("class", "date")],
        &element(
            "docDate",
            &[("date", &version.issued_on.to_string())],
            &text(&long_date(version.issued_on)),
        ),
    );
    if any_simulated {
        let line = if amendments.iter().all(|a| a.simulated) {
            "The amendments in this list are a simulation for demonstration; they are not \
             positions of any state."
        } else {
            "Some amendments in this list are a simulation for demonstration, and say so; \
             they are not positions of any state."
        };
        w.leaf("p", &[("class", "simulation")], line);
    }
    w.close("preface");

    w.open("collectionBody", &[]);
    if amendments.is_empty() {
        w.open("component", &[("eId", "cmp_none")]);
        w.open("interstitial", &[]);
        w.leaf("p", &[], "No amendments have been tabled on this version.");
        w.close("interstitial");
        w.close("component");
    }
    let mut used: HashSet<String> = HashSet::new();
    for a in amendments {
        let mut cid = format!("amdt_{}", a.number);
        if !used.insert(cid.clone()) {
            cid = format!("amdt_{}_{}", a.number, a.id);
            used.insert(cid.clone());
        }
        write_amendment(
            &mut w,
            &cid,
            draft,
            version,
            &uris,
            &places,
            &version.text,
            a,
        );
    }
    w.close("collectionBody");
    w.close("amendmentList");
    w.close("akomaNtoso");
    w.finish()
}

#[allow(clippy::too_many_arguments)]
fn write_amendment(
    w: &mut Writer,
    cid: &str,
    draft: &Draft,
    version: &Version,
    uris: &Uris,
    places: &Places,
    draft_text: &DraftText,
    a: &Amendment,
) {
    let org = |code: &str| format!("{cid}__{}", actor_id(code));
    let role_proposer = format!("#{cid}__proposer");
    let role_cosponsor = format!("#{cid}__cosponsor");
    // Every actor named, once, in order of first appearance.
    let mut actors: Vec<&str> = Vec::new();
    let mut seen = BTreeSet::new();
    for code in std::iter::once(a.proposer.as_str())
        .chain(a.co_sponsors.iter().map(|c| c.as_str()))
        .chain(a.positions.iter().map(|p| p.actor.as_str()))
    {
        if seen.insert(code) {
            actors.push(code);
        }
    }

    w.open("component", &[("eId", cid)]);
    w.open("amendment", &[("name", "amendment")]);
    w.open("meta", &[]);
    let mut authors = vec![(
        format!("#{}", org(a.proposer.as_str())),
        Some(role_proposer.clone()),
    )];
    authors.extend(a.co_sponsors.iter().map(|c| {
        (
            format!("#{}", org(c.as_str())),
            Some(role_cosponsor.clone()),
        )
    }));
    identification(
        w,
        &Identity {
            work: format!(
                "/akn/un/amendment/{}/{}/{}/{}",
                draft.process, draft.slug, version.issued_on, a.number
            ),
            date: a.proposed_at.date_naive(),
            date_name: "tabled",
            authors,
            subtype: None,
            number: Some(format!("A{}", a.number)),
            name: None,
            version_number: None,
            generated: a.decided_at.unwrap_or(a.proposed_at).date_naive(),
        },
    );
    w.open("references", &[("source", "#accord")]);
    w.empty(
        "activeRef",
        &[
            ("eId", &format!("{cid}__amended")),
            ("href", &uris.expression),
            (
                "showAs",
                &format!("{}, {}", version.text.title, version.label),
            ),
        ],
    );
    for code in &actors {
        w.empty(
            "TLCOrganization",
            &[
                ("eId", &org(code)),
                (
                    "href",
                    &format!("/akn/ontology/organization/un/{}", actor_id(code)),
                ),
                ("showAs", code),
            ],
        );
    }
    w.empty(
        "TLCRole",
        &[
            ("eId", &role_proposer[1..]),
            ("href", "/akn/ontology/role/un/proposer"),
            ("showAs", "Proposer"),
        ],
    );
    if !a.co_sponsors.is_empty() {
        w.empty(
            "TLCRole",
            &[
                ("eId", &role_cosponsor[1..]),
                ("href", "/akn/ontology/role/un/cosponsor"),
                ("showAs", "Co-sponsor"),
            ],
        );
    }
    w.close("references");
    w.open("proprietary", &[("source", "#accord")]);
    let mut attrs: Vec<(&str, String)> = vec![
        ("id", a.id.to_string()),
        ("number", a.number.to_string()),
        ("status", a.status.as_str().into()),
        ("operation", a.operation.name().into()),
        ("target", a.operation.target().to_string()),
        ("simulated", yes_no(a.simulated).into()),
        ("proposedAt", timestamp(a.proposed_at)),
    ];
    if let Some(at) = a.decided_at {
        attrs.push(("decidedAt", timestamp(at)));
    }
    if let Some(from) = a.carried_from {
        attrs.push(("carriedFrom", from.to_string()));
    }
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if a.positions.is_empty() && a.outcome_note.is_empty() {
        w.empty("accord:amendment", &attrs);
    } else {
        w.open("accord:amendment", &attrs);
        for p in &a.positions {
            w.empty(
                "accord:position",
                &[
                    ("actor", p.actor.as_str()),
                    ("stance", p.stance.as_str()),
                    ("at", &timestamp(p.at)),
                ],
            );
        }
        if !a.outcome_note.is_empty() {
            w.leaf("accord:outcomeNote", &[], &text(&a.outcome_note));
        }
        w.close("accord:amendment");
    }
    w.close("proprietary");
    w.close("meta");

    // The preface: number, who, where it stands.
    let actor_ref = |code: &str, role: Option<&str>| match role {
        Some(role) => element(
            "docProponent",
            &[("refersTo", &format!("#{}", org(code))), ("as", role)],
            &text(code),
        ),
        None => element(
            "organization",
            &[("refersTo", &format!("#{}", org(code)))],
            &text(code),
        ),
    };
    w.open("preface", &[]);
    w.leaf(
        "p",
        &[("class", "number")],
        &format!(
            "Amendment {}",
            element("docNumber", &[], &format!("A{}", a.number))
        ),
    );
    let mut who = format!(
        "Proposed by {}",
        actor_ref(a.proposer.as_str(), Some(&role_proposer))
    );
    if !a.co_sponsors.is_empty() {
        who.push_str("; co-sponsored by ");
        let list: Vec<String> = a
            .co_sponsors
            .iter()
            .map(|c| actor_ref(c.as_str(), Some(&role_cosponsor)))
            .collect();
        who.push_str(&list.join(", "));
    }
    w.leaf("p", &[("class", "proponents")], &who);
    let stances: Vec<String> = [
        ("supported by", a.supporters().collect::<Vec<_>>()),
        ("objected to by", a.objectors().collect::<Vec<_>>()),
    ]
    .into_iter()
    .filter(|(_, list)| !list.is_empty())
    .map(|(what, list)| {
        let names: Vec<String> = list.iter().map(|c| actor_ref(c.as_str(), None)).collect();
        format!("{what} {}", names.join(", "))
    })
    .collect();
    if !stances.is_empty() {
        let mut line = stances.join("; ");
        line[..1].make_ascii_uppercase();
        w.leaf("p", &[("class", "positions")], &line);
    }
    w.leaf(
        "p",
        &[("class", "status")],
        &format!(
            "Status: {}",
            element(
                "docStatus",
                &[],
                &text(&a.status.as_str().replace('_', " "))
            )
        ),
    );
    if a.simulated {
        w.leaf(
            "p",
            &[("class", "simulation")],
            "This amendment is a simulation for demonstration; it is not the position of any state.",
        );
    }
    w.close("preface");

    // The body: heading, the operation, the justification.
    let node_ref = |wid: &Wid| -> String {
        let label = places.label(wid);
        match places.get(wid) {
            Some(p) => element(
                "ref",
                &[("href", &format!("{}/~{}", uris.expression, p.eid))],
                &text(&label),
            ),
            None => text(&label),
        }
    };
    w.open("amendmentBody", &[]);
    w.open("amendmentHeading", &[]);
    w.leaf(
        "p",
        &[],
        &format!(
            "Amendment A{} to {}: {}",
            a.number,
            element(
                "affectedDocument",
                &[("href", &uris.expression)],
                &text(&format!("{}, {}", version.text.title, version.label)),
            ),
            node_ref(a.operation.target()),
        ),
    );
    w.close("amendmentHeading");
    w.open("amendmentContent", &[]);
    for (class, p) in operation(&a.operation, draft_text, &node_ref) {
        w.leaf("p", &[("class", class)], &p);
    }
    w.close("amendmentContent");
    if !a.justification.trim().is_empty() {
        w.open("amendmentJustification", &[]);
        for para in a
            .justification
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            w.leaf("p", &[], &text(para.trim()));
        }
        w.close("amendmentJustification");
    }
    w.close("amendmentBody");
    w.close("amendment");
    w.close("component");
}

/// The operation as paragraphs of markup: an instruction, then the node's
/// text as it would read with the change marked.
fn operation(
    op: &Operation,
    draft_text: &DraftText,
    node_ref: &dyn Fn(&Wid) -> String,
) -> Vec<(&'static str, String)> {
    let ins = |s: &str| element("ins", &[], &text(s));
    let del = |s: &str| element("del", &[], &text(s));
    let mut out = Vec::new();
    let context = |wid: &Wid, from: usize, to: usize, new: Option<&str>| {
        draft_text.find(wid).map(|n| {
            let (before, old, after) = split3(&n.text, from, to);
            let mut p = text(before);
            if !old.is_empty() {
                p.push_str(&del(old));
            }
            if let Some(new) = new {
                p.push_str(&ins(new));
            }
            p.push_str(&text(after));
            ("context", p)
        })
    };
    let span_words = |wid: &Wid, from: usize, to: usize| {
        draft_text
            .find(wid)
            .map(|n| split3(&n.text, from, to).1.to_owned())
            .unwrap_or_default()
    };
    let placement = |after: &Wid, kind: NodeKind| {
        if draft_text
            .find(after)
            .is_some_and(|n| n.kind.may_hold(kind))
        {
            "at the beginning of"
        } else {
            "after"
        }
    };
    match op {
        Operation::InsertText {
            node,
            at,
            text: new,
        } => {
            out.push((
                "instruction",
                format!("In {}, insert {}", node_ref(node), ins(new)),
            ));
            out.extend(context(node, *at, *at, Some(new)));
        }
        Operation::DeleteText { node, from, to } => {
            out.push((
                "instruction",
                format!(
                    "In {}, delete {}",
                    node_ref(node),
                    del(&span_words(node, *from, *to))
                ),
            ));
            out.extend(context(node, *from, *to, None));
        }
        Operation::ReplaceText {
            node,
            from,
            to,
            text: new,
        } => {
            out.push((
                "instruction",
                format!(
                    "In {}, replace {} with {}",
                    node_ref(node),
                    del(&span_words(node, *from, *to)),
                    ins(new)
                ),
            ));
            out.extend(context(node, *from, *to, Some(new)));
        }
        Operation::AddNode {
            after,
            kind,
            heading,
            text: words,
        } => {
            let where_ = placement(after, *kind);
            out.push((
                "instruction",
                format!(
                    "{}{} {}, add a new {}:",
                    where_[..1].to_uppercase(),
                    &where_[1..],
                    node_ref(after),
                    kind_name(*kind)
                ),
            ));
            let words = match (heading.trim(), words.trim()) {
                ("", w) => w.to_owned(),
                (h, "") => h.to_owned(),
                (h, w) => format!("{h} {w}"),
            };
            out.push(("new", ins(&words)));
        }
        Operation::DeleteNode { node } => {
            out.push(("instruction", format!("Delete {}", node_ref(node))));
            if let Some(n) = draft_text.find(node) {
                let mut p = del(&n.own_words());
                if !n.children.is_empty() {
                    p.push_str(" (with everything in it)");
                }
                out.push(("context", p));
            }
        }
        Operation::MoveNode { node, after } => {
            let kind = draft_text
                .find(node)
                .map_or(NodeKind::Paragraph, |n| n.kind);
            out.push((
                "instruction",
                format!(
                    "Move {} to stand {} {}",
                    node_ref(node),
                    placement(after, kind),
                    node_ref(after)
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{sample, w};
    use crate::testxml::{parse, El};

    fn find<'a>(els: &'a [El], eid: &str) -> &'a El {
        els.iter()
            .find(|e| e.attr("eId") == Some(eid))
            .unwrap_or_else(|| panic!("no element with eId {eid}"))
    }

    #[test]
    fn a_version_carries_every_node_with_its_eid_and_wid() {
        let s = sample();
        let xml = version(&s.process_title, &s.draft, &s.rev1, &s.statuses);
        let (els, texts) = parse(&xml);
        assert_eq!(els[0].name, "akomaNtoso");
        assert_eq!(els[0].attr("xmlns"), Some(AKN_NS));
        assert_eq!(
            (els[1].name.as_str(), els[1].attr("name")),
            ("doc", Some("draft"))
        );
        let placed = s.rev1.text.placed();
        assert!(placed.len() > 10);
        for p in &placed {
            let el = find(&els, &p.eid);
            assert!(!el.name.starts_with("accord:"));
            assert_eq!(el.attr("wId"), Some(p.wid.as_str()), "{}", p.eid);
            let expected = match p.kind {
                NodeKind::Section => "section",
                NodeKind::Objective => "hcontainer",
                NodeKind::Paragraph => "paragraph",
                NodeKind::Subparagraph => "subparagraph",
            };
            assert_eq!(el.name, expected);
        }
        assert_eq!(find(&els, "obj_1").attr("name"), Some("objective"));
        assert_eq!(find(&els, "para_4__subpara_b").attr("wId"), Some("p4b"));
        // Statuses: in class and accord:status, never in AKN's status.
        let node = |wid: &str| {
            els.iter()
                .find(|e| e.name == "paragraph" && e.attr("wId") == Some(wid))
                .unwrap()
        };
        let p6 = node("p6");
        assert_eq!(p6.attr("class"), Some("bracketed"));
        assert_eq!(p6.attr("accord:status"), Some("bracketed"));
        assert!(els
            .iter()
            .all(|e| e.attr("status").is_none() || e.name == "accord:status"));
        let p1 = node("p1");
        assert_eq!(p1.attr("class"), Some("agreed_ad_ref"));
        // Words come back exactly, escaped in the file.
        assert!(texts.contains(
            r#"We recognize the "3 Rs" & the <core> principles of 'shared responsibility'."#
        ));
        assert!(xml.contains("&amp; the &lt;core&gt; principles"));
        assert!(texts.contains("نلتزم بتعزيز التعاون الدولي. 我们承诺加强国际合作。"));
        assert!(texts.contains("the principles of 'shared responsibility' & <solidarity>"));
        // The FRBR URIs.
        let this: Vec<_> = els
            .iter()
            .filter(|e| e.name == "FRBRthis")
            .filter_map(|e| e.attr("value"))
            .collect();
        assert_eq!(
            this,
            [
                "/akn/un/doc/draft/data-compact/compact/2024-03-01/!main",
                "/akn/un/doc/draft/data-compact/compact/2024-03-01/eng@2024-03-01/!main",
                "/akn/un/doc/draft/data-compact/compact/2024-03-01/eng@2024-03-01/!main.xml",
            ]
        );
        // The same input, the same bytes.
        assert_eq!(
            xml,
            version(&s.process_title, &s.draft, &s.rev1, &s.statuses)
        );
    }

    #[test]
    fn eids_are_unique_and_headings_numbers_are_there() {
        let s = sample();
        let xml = version(&s.process_title, &s.draft, &s.zero, &[]);
        let (els, texts) = parse(&xml);
        let mut eids: Vec<_> = els.iter().filter_map(|e| e.attr("eId")).collect();
        let n = eids.len();
        eids.sort_unstable();
        eids.dedup();
        assert_eq!(eids.len(), n);
        assert!(texts.contains("Objective 1"));
        assert!(texts.contains("Collect and utilize accurate data"));
        assert!(texts.contains("(c)"));
        assert!(texts.contains("Zero draft"));
        assert!(texts.contains("5 February 2024"));
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        let s = sample();
        let mut v = s.zero.clone();
        v.text.find_mut(&w("p2")).unwrap().text = "bell\u{7} and nul\u{0} & \u{FFFF}end".into();
        v.label = "Rev.\u{1b}2 \"x\"".into();
        let xml = version(&s.process_title, &s.draft, &v, &[]);
        let (_, texts) = parse(&xml);
        assert!(texts.contains("bell and nul & end"));
        assert!(texts.contains("Rev.2 \"x\""));
        assert!(!xml.contains('\u{7}') && !xml.contains('\u{0}') && !xml.contains('\u{1b}'));
    }

    #[test]
    fn an_amendment_list_holds_every_operation() {
        let s = sample();
        let xml = amendments(&s.process_title, &s.draft, &s.rev1, &s.amendments);
        let (els, texts) = parse(&xml);
        assert_eq!(els[1].name, "amendmentList");
        let components: Vec<_> = els.iter().filter(|e| e.name == "component").collect();
        assert_eq!(components.len(), s.amendments.len());
        assert_eq!(
            els.iter().filter(|e| e.name == "amendment").count(),
            s.amendments.len()
        );
        // eIds are unique across the list, nested amendments included.
        let mut eids: Vec<_> = els.iter().filter_map(|e| e.attr("eId")).collect();
        let n = eids.len();
        eids.sort_unstable();
        eids.dedup();
        assert_eq!(eids.len(), n);
        // Proposers and co-sponsors as TLCOrganizations.
        let orgs: Vec<_> = els
            .iter()
            .filter(|e| e.name == "TLCOrganization")
            .filter_map(|e| e.attr("showAs"))
            .collect();
        for code in [
            "EU", "CELAC", "USA", "G77", "CHN", "EGY", "NOR", "CHE", "BRA",
        ] {
            assert!(orgs.contains(&code), "{code}");
        }
        assert!(els
            .iter()
            .any(|e| e.name == "FRBRauthor" && e.attr("href") == Some("#amdt_1__eu")));
        // Targets by eId.
        let refs: Vec<_> = els
            .iter()
            .filter(|e| e.name == "ref")
            .filter_map(|e| e.attr("href"))
            .collect();
        let base = "/akn/un/doc/draft/data-compact/compact/2024-03-01/eng@2024-03-01/~";
        for eid in [
            "para_3",
            "para_5",
            "para_7",
            "para_4",
            "para_4__subpara_b",
            "para_2",
        ] {
            assert!(refs.contains(&format!("{base}{eid}").as_str()), "{eid}");
        }
        // The words: inserted, deleted, replaced, escaped, in every script.
        assert!(texts.contains(r#" & <safe>, "orderly" and 'regular' mobility"#));
        assert!(xml.contains(r#"<ins> &amp; &lt;safe&gt;, "orderly" and 'regular' mobility</ins>"#));
        assert!(xml.contains("<del>political, </del>"));
        assert!(xml.contains(r#"<del>"3 Rs"</del><ins>المسؤولية المشتركة (共同责任)</ins>"#));
        assert!(
            texts.contains("يعكس هذا التعديل مبدأ المسؤولية المشتركة. 此修正体现共同责任原则。")
        );
        assert!(texts.contains("add a new sub-paragraph"));
        assert!(texts.contains("to stand after paragraph 7"));
        assert!(els.iter().any(|e| e.name == "amendmentJustification"));
        // Status and the simulation, said.
        let statuses: Vec<_> = els
            .iter()
            .filter(|e| e.name == "accord:amendment")
            .filter_map(|e| e.attr("status"))
            .collect();
        assert_eq!(statuses.iter().filter(|s| **s == "tabled").count(), 6);
        assert!(statuses.contains(&"withdrawn"));
        assert!(texts.contains("The amendments in this list are a simulation for demonstration"));
        assert!(texts.contains("Withdrawn by the proposer"));
    }

    #[test]
    fn an_empty_amendment_list_is_still_a_document() {
        let s = sample();
        let xml = amendments(&s.process_title, &s.draft, &s.zero, &[]);
        let (els, texts) = parse(&xml);
        assert_eq!(els.iter().filter(|e| e.name == "component").count(), 1);
        assert!(texts.contains("No amendments have been tabled"));
        assert!(!texts.contains("simulation"));
    }
}
