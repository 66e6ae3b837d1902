//! Akoma Ntoso 3.0 (OASIS LegalDocML): a version of a draft as a `<doc
//! name="draft">`, the amendments tabled on it as an `<amendmentList>`, and
//! its adoption (by consensus or by recorded vote) as a `<debate
//! name="adoption">`.
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
//! * An adoption is a `<debate>`, AKN's document for the record of a
//!   sitting; `debateBody` needs at least one speech section, here a
//!   `<debateSection name="adoption">`.
//! * `<parliamentary>` needs at least one `<voting>` (or quorum
//!   verification, or recount) and `<voting>` at least one `<count>` or
//!   `<quorum>`: a consensus adoption, with no vote to count, has no
//!   `<analysis>` at all, and its outcome is said only in the body
//!   (`<outcome refersTo="#adopted">`).
//! * The votes needed to carry are a `<count refersTo="#majorityNeeded">`,
//!   not a `<quorum>`: AKN's quorum is the attendance a sitting needs, not
//!   the votes a decision needs. `<voting>` has no attribute for the
//!   majority rule: it names it in `refersTo` (`#simpleMajority`,
//!   `#twoThirdsMajority`, a `TLCConcept`).
//! * `<vote>` requires `by` (the voter), so only a state can be listed: a
//!   state whose vote is not on record is `<vote by="#afg"
//!   choice="#notRecorded">`, a choice of its own, never one of the four;
//!   votes counted in a total but not attributed to any state are said as
//!   a number ("5 not recorded by name").
//! * The adopted version is a `TLCReference name="adoptedVersion"`, and the
//!   `href` of `<voting>` and of a `<ref>` in the body: the document
//!   references (`original`, `activeRef`, `passiveRef`) would say that the
//!   record is, amends or is amended by the version.
//! * `eId`s are unique in the whole document, so a state's eId is its code
//!   (`actor_id`) unless that would take one of the document's own eIds (a
//!   state coded `NO` and the concept `no`) or is not a plain `[a-z0-9-]`
//!   name: then it is `state_{n}`, its place in the list.
//!
//! Names of the people who issued versions or tabled amendments are left
//! out: the states (actor codes) are what the documents are about.
//!
//! # Languages
//!
//! A version can be exported in any of the six official languages
//! ([`version_in`]): the same work (`/akn/un/doc/draft/…/{issued on}`, one
//! whatever the language) in another expression, `…/fra@{issued on}`, with
//! `<FRBRlanguage language="fra"/>`. The codes are ISO 639-2's three letters
//! ([`language_code`]), as AKN's naming convention and the schema's
//! `FRBRlanguage` ask, and where ISO 639-2 has two codes for a language,
//! its terminology code (ISO 639-2/T), not the bibliographic one (/B): `zho`
//! for Chinese, not `chi`, and `fra` for French, not `fre`. The T codes are
//! derived from the languages' own names (Zhōngwén, français), are the
//! codes ISO 639-3 gives the same languages, and are what AKN documents
//! use (`fra@`, `<FRBRlanguage language="fra"/>`); the B codes are kept for
//! library catalogues that used them before. Arabic, English, Russian and
//! Spanish have one code each (`ara`, `eng`, `rus`, `spa`).
//!
//! The root `<akomaNtoso>` and `<doc>` take no `xml:lang` (their types
//! allow no attribute but `name` and `contains`, not even another
//! namespace's), but the content elements do (`coreopt` and `corereq`
//! include the `xmllang` group): an expression in another language than
//! English carries `xml:lang` (BCP 47: `ar`, `zh-Hans`, `fr`, `ru`, `es`)
//! on `<mainBody>` and on the preface's title line, what is in that
//! language, so a reader renders Arabic right to left and picks Chinese
//! glyphs; not on `<preface>`, whose process title and date are English.
//! The English expression says its language only in `FRBRlanguage`, as it
//! always has, so its bytes are unchanged. The amendment list and adoption
//! exports are English only; they refer to the version's English
//! expression.

use std::collections::{BTreeSet, HashMap, HashSet};

use accord_domain::adoption::{Adoption, AdoptionMethod, MajorityRule, RecordedVote, VoteChoice};
use accord_domain::negotiation::{
    Amendment, Draft, DraftText, Node, NodeKind, Operation, StatusRecord, Version, Wid,
};
use accord_domain::Language;
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

/// A language's code in AKN URIs and in `FRBRlanguage`: ISO 639-2's three
/// letters, the terminology code where there are two (`zho`, not `chi`; see
/// the module's documentation).
pub fn language_code(language: Language) -> &'static str {
    match language {
        Language::Ar => "ara",
        Language::Zh => "zho",
        Language::En => "eng",
        Language::Fr => "fra",
        Language::Ru => "rus",
        Language::Es => "spa",
    }
}

/// A language's tag for `xml:lang` (BCP 47). Chinese is `zh-Hans`: the UN's
/// Chinese texts are in simplified characters, and the script, not a
/// region, is what a reader needs to pick glyphs.
fn xml_lang(language: Language) -> &'static str {
    match language {
        Language::Ar => "ar",
        Language::Zh => "zh-Hans",
        Language::En => "en",
        Language::Fr => "fr",
        Language::Ru => "ru",
        Language::Es => "es",
    }
}

/// The version's work, and its expression in `language`.
fn version_uris(draft: &Draft, version: &Version, language: Language) -> Uris {
    let work = format!(
        "/akn/un/doc/draft/{}/{}/{}",
        draft.process, draft.slug, version.issued_on
    );
    let expression = format!("{work}/{}@{}", language_code(language), version.issued_on);
    Uris { work, expression }
}

/// What `<identification>` says of one document.
struct Identity<'a> {
    work: String,
    /// The expression's language, as [`language_code`] writes it.
    language: &'a str,
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
    let expression = format!("{}/{}@{}", id.work, id.language, id.date);
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
    w.empty("FRBRlanguage", &[("language", id.language)]);
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
///
/// The English expression: [`version_in`] with [`Language::En`].
pub fn version(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    statuses: &[StatusRecord],
) -> String {
    version_in(process_title, draft, version, statuses, Language::En)
}

/// [`version`] as the expression in `language` of the same work: `version`
/// holds the text in that language (the app's translated `Version`: the
/// same nodes and wIds, untranslated nodes in their original words). The
/// expression URI is `…/{code}@{issued on}` with [`language_code`]'s code
/// (`fra`, `zho`, …), and so are FRBRthis, FRBRuri, FRBRlanguage, the
/// manifestation's URIs and the `<original>` reference; the work URI is
/// the same in every language. Other than English, `<mainBody>` and the
/// preface's title line carry `xml:lang` (`fr`, `ar`, `zh-Hans`, …). What the
/// export writes itself stays English: the date in the preface ("10
/// December 1948"), the co-facilitators' `showAs`, and the objectives'
/// numbers ("Objective 3", from the domain), as does what the caller
/// passes (`process_title`, the version's label, the draft's title).
pub fn version_in(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    statuses: &[StatusRecord],
    language: Language,
) -> String {
    let code = language_code(language);
    // English says its language only in FRBRlanguage, as it always has.
    let lang = (language != Language::En).then(|| ("xml:lang", xml_lang(language)));
    let uris = version_uris(draft, version, language);
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
            language: code,
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
    let title_attrs: Vec<(&str, &str)> = [("class", "title")].into_iter().chain(lang).collect();
    w.leaf(
        "p",
        &title_attrs,
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

    w.open("mainBody", lang.as_slice());
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
    let uris = version_uris(draft, version, Language::En);
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
            language: language_code(Language::En),
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
        .chain(a.co_sponsors.iter().map(accord_domain::ActorCode::as_str))
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
            language: language_code(Language::En),
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

/// One member state in an adoption's export: its vote, or None (not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateVote<'a> {
    /// The state's actor code (`MEX`).
    pub code: &'a str,
    /// Its name as written in the record (`Mexico`).
    pub name: &'a str,
    /// Its vote when on record; `None` is "not recorded", never a guess.
    pub vote: Option<VoteChoice>,
}

/// What the export of an adoption needs.
#[derive(Debug, Clone, Copy)]
pub struct AdoptionExport<'a> {
    pub adoption: &'a Adoption,
    pub process_title: &'a str,
    pub meeting_slug: &'a str,
    pub meeting_title: &'a str,
    pub draft: &'a Draft,
    /// The version adopted.
    pub version: &'a Version,
    /// Every member state, by name (may be empty for a consensus adoption).
    pub states: &'a [StateVote<'a>],
    /// When this XML was made.
    pub generated: NaiveDate,
}

/// The eIds an adoption's document gives its own references and analysis;
/// a state whose code would take one of them gets `state_{n}` instead.
const ADOPTION_EIDS: [&str; 16] = [
    "accord",
    "meeting",
    "process",
    "adoptedVersion",
    "yes",
    "no",
    "abstain",
    "notVoting",
    "notRecorded",
    "adopted",
    "notAdopted",
    "simpleMajority",
    "twoThirdsMajority",
    "presentAndVoting",
    "majorityNeeded",
    "voting_1",
];

/// The four choices in the order a vote is announced.
const CHOICES: [VoteChoice; 4] = [
    VoteChoice::Yes,
    VoteChoice::No,
    VoteChoice::Abstain,
    VoteChoice::NotVoting,
];

/// The eId of a choice's `TLCConcept` (a `<vote choice>` and a `<count
/// refersTo>` point at it).
fn choice_id(c: VoteChoice) -> &'static str {
    match c {
        VoteChoice::Yes => "yes",
        VoteChoice::No => "no",
        VoteChoice::Abstain => "abstain",
        VoteChoice::NotVoting => "notVoting",
    }
}

/// How the record names the states of one choice ("In favour").
fn choice_heading(c: VoteChoice) -> &'static str {
    match c {
        VoteChoice::Yes => "In favour",
        VoteChoice::No => "Against",
        VoteChoice::Abstain => "Abstaining",
        VoteChoice::NotVoting => "Not voting",
    }
}

/// The rule's `TLCConcept` eId, its ontology name and its words.
fn majority(rule: MajorityRule) -> (&'static str, &'static str, &'static str) {
    match rule {
        MajorityRule::Simple => (
            "simpleMajority",
            "simple",
            "simple majority of members present and voting",
        ),
        MajorityRule::TwoThirds => (
            "twoThirdsMajority",
            "twoThirds",
            "two-thirds majority of members present and voting",
        ),
    }
}

/// A code as a URI path segment: `actor_id`, with any byte other than
/// `[a-z0-9-]` percent-encoded (an `ActorCode` has none).
fn uri_part(code: &str) -> String {
    actor_id(code)
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A state of the export with its eId in the document.
struct Listed<'a> {
    eid: String,
    state: &'a StateVote<'a>,
}

/// The states once each (a code given twice keeps its first entry), each
/// with an eId: its code as `actor_id` makes it, or `state_{n}` (its place
/// in `states`, from 1) when that is not a plain `[a-z0-9-]` name, is one
/// of the document's own eIds or is taken by another code.
fn listed<'a>(states: &'a [StateVote<'a>]) -> Vec<Listed<'a>> {
    let mut codes = HashSet::new();
    let mut eids: HashSet<String> = ADOPTION_EIDS
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    let mut out = Vec::with_capacity(states.len());
    for (i, state) in states.iter().enumerate() {
        if !codes.insert(state.code) {
            continue;
        }
        let id = actor_id(state.code);
        let plain = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let eid = if plain && !eids.contains(&id) {
            id
        } else {
            format!("state_{}", i + 1)
        };
        eids.insert(eid.clone());
        out.push(Listed { eid, state });
    }
    out
}

/// An adoption of a draft version as an Akoma Ntoso `<debate
/// name="adoption">`, AKN's document for the record of a sitting.
///
/// * `<meta>`: identification — work `/akn/un/debate/{process}/{meeting
///   slug}/{adopted on}/{draft slug}`, expression `…/eng@{adopted on}`,
///   FRBRsubtype `adoption` (consensus) or `recordedVote`, FRBRnumber the
///   decision's symbol, FRBRname the title —; for a recorded vote,
///   `<analysis>`/`<parliamentary>`/`<voting outcome="#adopted|#notAdopted"
///   href="{the adopted version's expression URI}"
///   refersTo="#simpleMajority|#twoThirdsMajority">` with a `<count>` per
///   total (`refersTo="#yes"`, `#no`, `#abstain`, `#notVoting`), the members
///   present and voting (`#presentAndVoting`) and the yes votes needed to
///   carry (`#majorityNeeded`); `<references>`: the adopted version as a
///   `TLCReference`, the meeting (`TLCEvent`), the process, Accord, one
///   `TLCOrganization` per state, and `TLCConcept`s for the outcomes, the
///   choices (also `notRecorded`) and the majority rule; the record's ids
///   in `<proprietary>`.
/// * `<preface>`: process, title, symbol, date.
/// * `<debateBody>`: a `<debateSection name="adoption">` headed by the
///   title, saying the meeting, date, adopted text (a `<ref>` to the
///   version), symbol, method and majority rule, totals, the outcome in
///   `<outcome>`, and the note; for a recorded vote, a nested
///   `<debateSection name="recordedVote">` with one `<p>` per choice
///   listing each state as `<vote by="#fra" choice="#no">France</vote>`,
///   then the states whose vote is not recorded (`choice="#notRecorded"`).
///   A choice whose total is larger than the states named under it says
///   how many votes are not recorded by name; no vote is ever guessed.
///
/// A consensus adoption has no `<voting>` (there was no vote to count):
/// its outcome is said only in the body, and its states' `vote`s, if any,
/// are ignored. A recorded vote without its result (which the domain
/// refuses) claims no outcome. States are written in the order given, once
/// each.
pub fn adoption(x: &AdoptionExport) -> String {
    let a = x.adoption;
    let draft = x.draft;
    let version = x.version;
    let uris = version_uris(draft, version, Language::En);
    let recorded = a.method == AdoptionMethod::RecordedVote;
    let vote = a.vote.as_ref();
    let adopted = a.adopted();
    let outcome_id = if adopted { "adopted" } else { "notAdopted" };
    let states = listed(x.states);
    let version_name = format!("{}, {}", draft.title, version.label);
    let adopted_on = a.adopted_on.to_string();

    let mut w = Writer::new();
    w.open(
        "akomaNtoso",
        &[("xmlns", AKN_NS), ("xmlns:accord", ACCORD_NS)],
    );
    w.open("debate", &[("name", "adoption")]);

    w.open("meta", &[]);
    identification(
        &mut w,
        &Identity {
            work: format!(
                "/akn/un/debate/{}/{}/{}/{}",
                a.process, x.meeting_slug, a.adopted_on, draft.slug
            ),
            language: language_code(Language::En),
            date: a.adopted_on,
            date_name: "adoption",
            authors: vec![("#accord".into(), None)],
            subtype: Some(if recorded { "recordedVote" } else { "adoption" }),
            number: a.symbol.clone(),
            name: Some(a.title.clone()),
            version_number: None,
            generated: x.generated,
        },
    );
    if let Some(v) = vote {
        let (rule_id, _, _) = majority(v.majority);
        w.open("analysis", &[("source", "#accord")]);
        w.open("parliamentary", &[]);
        w.open(
            "voting",
            &[
                ("eId", "voting_1"),
                ("outcome", &format!("#{outcome_id}")),
                ("refersTo", &format!("#{rule_id}")),
                ("href", &uris.expression),
            ],
        );
        let counts = CHOICES
            .iter()
            .map(|&c| (choice_id(c), v.totals.of(c)))
            .chain([
                ("presentAndVoting", v.totals.yes + v.totals.no),
                ("majorityNeeded", v.totals.needed(v.majority)),
            ]);
        for (concept, value) in counts {
            w.empty(
                "count",
                &[
                    ("eId", &format!("voting_1__count_{concept}")),
                    ("value", &value.to_string()),
                    ("refersTo", &format!("#{concept}")),
                ],
            );
        }
        w.close("voting");
        w.close("parliamentary");
        w.close("analysis");
    }
    w.open("references", &[("source", "#accord")]);
    w.empty(
        "TLCReference",
        &[
            ("eId", "adoptedVersion"),
            ("name", "adoptedVersion"),
            ("href", &uris.expression),
            ("showAs", &version_name),
        ],
    );
    w.empty(
        "TLCEvent",
        &[
            ("eId", "meeting"),
            (
                "href",
                &format!("/akn/ontology/event/un/{}/{}", a.process, x.meeting_slug),
            ),
            ("showAs", x.meeting_title),
        ],
    );
    w.empty(
        "TLCProcess",
        &[
            ("eId", "process"),
            ("href", &format!("/akn/ontology/process/un/{}", a.process)),
            ("showAs", x.process_title),
        ],
    );
    accord_org(&mut w);
    for s in &states {
        w.empty(
            "TLCOrganization",
            &[
                ("eId", &s.eid),
                (
                    "href",
                    &format!("/akn/ontology/organization/un/{}", uri_part(s.state.code)),
                ),
                ("showAs", s.state.name),
            ],
        );
    }
    let concept = |w: &mut Writer, eid: &str, path: &str, show: &str| {
        w.empty(
            "TLCConcept",
            &[
                ("eId", eid),
                ("href", &format!("/akn/ontology/concept/un/{path}")),
                ("showAs", show),
            ],
        );
    };
    concept(&mut w, "adopted", "outcome/adopted", "Adopted");
    concept(&mut w, "notAdopted", "outcome/notAdopted", "Not adopted");
    if recorded {
        for c in CHOICES {
            concept(
                &mut w,
                choice_id(c),
                &format!("vote/{}", choice_id(c)),
                choice_heading(c),
            );
        }
        concept(&mut w, "notRecorded", "vote/notRecorded", "Not recorded");
    }
    if let Some(v) = vote {
        let (rule_id, path, rule) = majority(v.majority);
        let mut show = rule.to_owned();
        show[..1].make_ascii_uppercase();
        concept(&mut w, rule_id, &format!("majority/{path}"), &show);
        concept(
            &mut w,
            "presentAndVoting",
            "vote/presentAndVoting",
            "Members present and voting (in favour and against)",
        );
        concept(
            &mut w,
            "majorityNeeded",
            "vote/majorityNeeded",
            "Votes in favour needed to carry",
        );
    }
    w.close("references");
    w.open("proprietary", &[("source", "#accord")]);
    let mut attrs: Vec<(&str, String)> = vec![
        ("id", a.id.to_string()),
        ("process", a.process.to_string()),
        ("meeting", x.meeting_slug.to_owned()),
        ("draft", draft.slug.to_string()),
        ("version", version.seq.to_string()),
        ("label", version.label.clone()),
        ("method", a.method.as_str().into()),
    ];
    if let Some(v) = vote {
        attrs.push(("majority", v.majority.as_str().into()));
    }
    if !recorded || vote.is_some() {
        attrs.push(("adopted", yes_no(adopted).into()));
    }
    if let Some(e) = a.endorses {
        attrs.push(("endorses", e.to_string()));
    }
    attrs.push(("enteredAt", timestamp(a.entered_at)));
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    w.empty("accord:adoption", &attrs);
    w.close("proprietary");
    w.close("meta");

    w.open("preface", &[]);
    w.leaf("p", &[("class", "process")], &text(x.process_title));
    w.leaf(
        "p",
        &[("class", "title")],
        &element("docTitle", &[], &text(&a.title)),
    );
    if let Some(symbol) = &a.symbol {
        w.leaf(
            "p",
            &[("class", "symbol")],
            &element("docNumber", &[], &text(symbol)),
        );
    }
    w.leaf(
        "p",
        &[("class", "date")],
        &element(
            "docDate",
            &[("date", &adopted_on)],
            &text(&long_date(a.adopted_on)),
        ),
    );
    w.close("preface");

    w.open("debateBody", &[]);
    w.open(
        "debateSection",
        &[("eId", "dbsect_1"), ("name", "adoption")],
    );
    w.leaf("heading", &[], &text(&a.title));
    w.leaf(
        "p",
        &[("class", "meeting")],
        &format!(
            "Meeting: {} ({}), {}.",
            element("event", &[("refersTo", "#meeting")], &text(x.meeting_title)),
            element(
                "process",
                &[("refersTo", "#process")],
                &text(x.process_title)
            ),
            element(
                "date",
                &[("date", &adopted_on)],
                &text(&long_date(a.adopted_on))
            ),
        ),
    );
    w.leaf(
        "p",
        &[("class", "text")],
        &format!(
            "{}: {}.",
            if adopted && (!recorded || vote.is_some()) {
                "Text adopted"
            } else {
                "Text put to the vote"
            },
            element("ref", &[("href", &uris.expression)], &text(&version_name)),
        ),
    );
    if let Some(symbol) = &a.symbol {
        w.leaf(
            "p",
            &[("class", "symbol")],
            &text(&format!("Symbol: {symbol}.")),
        );
    }
    let method = match (a.method, vote) {
        (AdoptionMethod::Consensus, _) => "Method: consensus (adopted without a vote).".into(),
        (AdoptionMethod::RecordedVote, Some(v)) => {
            format!("Method: recorded vote, by a {}.", majority(v.majority).2)
        }
        (AdoptionMethod::RecordedVote, None) => {
            "Method: recorded vote; its result is not recorded.".into()
        }
    };
    w.leaf("p", &[("class", "method")], &text(&method));
    if let Some(v) = vote {
        let t = &v.totals;
        w.leaf(
            "p",
            &[("class", "totals")],
            &text(&format!(
                "Result of the vote: {} in favour, {} against, {} abstaining, {} not voting \
                 ({} in all). Members present and voting: {}; votes in favour needed to \
                 carry: {}.",
                t.yes,
                t.no,
                t.abstain,
                t.not_voting,
                t.sum(),
                t.yes + t.no,
                t.needed(v.majority),
            )),
        );
    }
    let line = if recorded && vote.is_none() {
        // A record the domain refuses; no outcome is claimed from it.
        "Outcome: not recorded.".to_owned()
    } else {
        let outcome = match (adopted, recorded) {
            (true, false) => "adopted by consensus",
            (true, true) => "adopted",
            (false, _) => "not adopted",
        };
        let mut line = format!(
            "Outcome: {}",
            element(
                "outcome",
                &[("refersTo", &format!("#{outcome_id}"))],
                outcome
            )
        );
        if !adopted {
            line.push_str(" (the vote did not carry)");
        }
        line.push('.');
        line
    };
    w.leaf("p", &[("class", "outcome")], &line);
    if let Some(note) = &a.note {
        for para in note.split("\n\n").filter(|p| !p.trim().is_empty()) {
            w.leaf("p", &[("class", "note")], &text(para.trim()));
        }
    }
    if let Some(v) = vote {
        recorded_vote(&mut w, v, &states);
    }
    w.close("debateSection");
    w.close("debateBody");

    w.close("debate");
    w.close("akomaNtoso");
    w.finish()
}

/// The states grouped by choice, then those not recorded, in a nested
/// `<debateSection name="recordedVote">`.
fn recorded_vote(w: &mut Writer, v: &RecordedVote, states: &[Listed]) {
    let vote_el = |s: &Listed, choice: &str| {
        element(
            "vote",
            &[
                ("by", &format!("#{}", s.eid)),
                ("choice", &format!("#{choice}")),
            ],
            &text(s.state.name),
        )
    };
    w.open(
        "debateSection",
        &[("eId", "dbsect_1__dbsect_1"), ("name", "recordedVote")],
    );
    w.leaf("heading", &[], "Recorded vote");
    let mut unnamed = false;
    for c in CHOICES {
        let total = v.totals.of(c);
        let named: Vec<String> = states
            .iter()
            .filter(|s| s.state.vote == Some(c))
            .map(|s| vote_el(s, choice_id(c)))
            .collect();
        let rest = (total as usize).saturating_sub(named.len());
        unnamed |= rest > 0;
        let list = match (named.is_empty(), rest) {
            (true, 0) => "none".to_owned(),
            (true, _) => "none recorded by name".to_owned(),
            (false, 0) => named.join(", "),
            (false, n) => format!("{}; {n} not recorded by name", named.join(", ")),
        };
        w.leaf(
            "p",
            &[("class", choice_id(c))],
            &format!("{} ({total}): {list}.", choice_heading(c)),
        );
    }
    let not_recorded: Vec<String> = states
        .iter()
        .filter(|s| s.state.vote.is_none())
        .map(|s| vote_el(s, "notRecorded"))
        .collect();
    if !not_recorded.is_empty() {
        w.leaf(
            "p",
            &[("class", "notRecorded")],
            &format!(
                "Not recorded ({}): {}.",
                not_recorded.len(),
                not_recorded.join(", ")
            ),
        );
    }
    if unnamed || !not_recorded.is_empty() {
        w.leaf(
            "p",
            &[("class", "explanation")],
            "The totals are the official result. A state whose vote is not on record is \
             listed as not recorded; no vote is attributed to it.",
        );
    }
    w.close("debateSection");
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

    /// The work, the expression and the manifestation's URIs (FRBRthis
    /// and FRBRuri of each), and FRBRlanguage.
    fn frbr(els: &[El]) -> (Vec<&str>, &str) {
        let uris = els
            .iter()
            .filter(|e| e.name == "FRBRthis" || e.name == "FRBRuri")
            .filter_map(|e| e.attr("value"))
            .collect();
        let language = els
            .iter()
            .find(|e| e.name == "FRBRlanguage")
            .and_then(|e| e.attr("language"))
            .expect("FRBRlanguage");
        (uris, language)
    }

    #[test]
    fn the_english_version_is_the_version_in_english() {
        let s = sample();
        for v in [&s.zero, &s.rev1] {
            assert_eq!(
                version(&s.process_title, &s.draft, v, &s.statuses),
                version_in(&s.process_title, &s.draft, v, &s.statuses, Language::En)
            );
        }
        let xml = version(&s.process_title, &s.draft, &s.rev1, &s.statuses);
        assert!(!xml.contains("xml:lang"));
    }

    #[test]
    fn each_language_is_an_expression_of_the_one_work() {
        use crate::sample::udhr::{udhr, version as udhr_version, PROCESS_TITLE};
        let work = "/akn/un/doc/draft/udhr/declaration/1948-12-10";
        let mut structure = None;
        for (language, code, tag) in [
            (Language::Ar, "ara", "ar"),
            (Language::Zh, "zho", "zh-Hans"),
            (Language::En, "eng", "en"),
            (Language::Fr, "fra", "fr"),
            (Language::Ru, "rus", "ru"),
            (Language::Es, "spa", "es"),
        ] {
            assert_eq!(language_code(language), code);
            let (draft, v) = udhr_version(language);
            let xml = version_in(PROCESS_TITLE, &draft, &v, &[], language);
            let (els, texts) = parse(&xml);
            let expression = format!("{work}/{code}@1948-12-10");
            let (uris, frbr_language) = frbr(&els);
            assert_eq!(
                uris,
                [
                    format!("{work}/!main"),
                    work.to_owned(),
                    format!("{expression}/!main"),
                    expression.clone(),
                    format!("{expression}/!main.xml"),
                    format!("{expression}.akn"),
                ],
                "{language}"
            );
            assert_eq!(frbr_language, code);
            let original = els.iter().find(|e| e.name == "original").unwrap();
            assert_eq!(original.attr("href"), Some(expression.as_str()));
            if language != Language::En {
                assert!(
                    !xml.contains("eng@") && !xml.contains("\"eng\""),
                    "{language}"
                );
            }
            // xml:lang where the words are in the language; English says
            // it only in FRBRlanguage.
            let lang_of = |name: &str, class: Option<&str>| {
                els.iter()
                    .find(|e| e.name == name && e.attr("class") == class)
                    .unwrap()
                    .attr("xml:lang")
            };
            let expected = (language != Language::En).then_some(tag);
            assert_eq!(lang_of("mainBody", None), expected, "{language}");
            assert_eq!(lang_of("p", Some("title")), expected, "{language}");
            assert_eq!(lang_of("preface", None), None);
            assert_eq!(lang_of("p", Some("process")), None);
            // The words come back whole, in the language.
            let u = udhr(language);
            assert_eq!(texts.matches(u.title).count(), 2, "{language}");
            for n in 1..=3 {
                assert!(texts.contains(&u.article(n)), "{language} article {n}");
            }
            // The same nodes, eIds and wIds in every language.
            let nodes: Vec<(String, String, String)> = els
                .iter()
                .filter(|e| e.attr("wId").is_some())
                .map(|e| {
                    let a = |k| e.attr(k).unwrap_or("").to_owned();
                    (e.name.clone(), a("eId"), a("wId"))
                })
                .collect();
            assert_eq!(nodes.len(), 4);
            match &structure {
                None => structure = Some(nodes),
                Some(first) => assert_eq!(&nodes, first, "{language}"),
            }
            assert_eq!(xml, version_in(PROCESS_TITLE, &draft, &v, &[], language));
        }
        // The Arabic and Chinese characters as written, not as references.
        let (draft, v) = udhr_version(Language::Ar);
        let xml = version_in(PROCESS_TITLE, &draft, &v, &[], Language::Ar);
        assert!(xml.contains("<heading>الإعلان العالمي لحقوق الإنسان</heading>"));
        let (draft, v) = udhr_version(Language::Zh);
        let xml = version_in(PROCESS_TITLE, &draft, &v, &[], Language::Zh);
        assert!(xml.contains("<p>人人有权享有生命、自由和人身安全。</p>"));
    }

    #[test]
    fn the_whole_declaration_comes_back_in_every_language() {
        use crate::sample::udhr::{version as udhr_version, PROCESS_TITLE};
        for &language in Language::ALL {
            let Some(html) = crate::testudhr::file(language) else {
                return;
            };
            let (draft, mut v) = udhr_version(language);
            v.text = crate::testudhr::text(&html);
            let xml = version_in(PROCESS_TITLE, &draft, &v, &[], language);
            let (els, texts) = parse(&xml);
            for words in crate::testudhr::words(&v.text) {
                assert!(texts.contains(&words), "{language}: {words}");
            }
            assert_eq!(
                els.iter().filter(|e| e.name == "section").count(),
                31,
                "{language}"
            );
            assert_eq!(frbr(&els).1, language_code(language));
        }
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

    // Adoptions.

    use accord_domain::adoption::{Ballot, NewAdoption, Totals};
    use chrono::TimeZone;

    const HOSTILE: &str = r#"Côte d'Ivoire & <script>"x"</script>"#;

    fn an_adoption(method: AdoptionMethod, vote: Option<RecordedVote>) -> Adoption {
        Adoption {
            id: 7,
            adoption: NewAdoption {
                process: "data-compact".parse().unwrap(),
                meeting: 3,
                version: 2,
                title: r#"Adoption of the "Compact" & <annex>"#.into(),
                adopted_on: "2024-03-15".parse().unwrap(),
                symbol: Some("A/RES/99/1".into()),
                method,
                vote,
                endorses: None,
                as_it_stands: false,
                not_agreed: vec![],
                note: Some("First paragraph & <more>.\n\nSecond: 'quoted'.".into()),
            },
            entered_by: "Secretariat".into(),
            entered_at: Utc.with_ymd_and_hms(2024, 3, 15, 18, 0, 0).unwrap(),
            intentions: vec![],
        }
    }

    fn a_vote(
        majority: MajorityRule,
        yes: u32,
        no: u32,
        abstain: u32,
        not_voting: u32,
    ) -> RecordedVote {
        RecordedVote {
            majority,
            totals: Totals {
                yes,
                no,
                abstain,
                not_voting,
            },
            ballots: Vec::<Ballot>::new(),
            open: false,
            present: None,
        }
    }

    fn states() -> Vec<StateVote<'static>> {
        use VoteChoice::*;
        [
            ("CIV", HOSTILE, Some(No)),
            ("EGY", "مصر", Some(Yes)),
            ("CHN", "中国", Some(Abstain)),
            ("FRA", "France", Some(Yes)),
            ("MEX", "Mexico", None),
            ("NOR", "Norway", Some(NotVoting)),
            ("BRA", "Brazil", None),
        ]
        .into_iter()
        .map(|(code, name, vote)| StateVote { code, name, vote })
        .collect()
    }

    fn export(a: &Adoption, states: &[StateVote]) -> String {
        let s = sample();
        adoption(&AdoptionExport {
            adoption: a,
            process_title: &s.process_title,
            meeting_slug: "plenary-3",
            meeting_title: "Third plenary meeting",
            draft: &s.draft,
            version: &s.rev1,
            states,
            generated: "2024-03-16".parse().unwrap(),
        })
    }

    /// The `<vote>`s (by, choice) under each `<p>` of the recorded vote,
    /// by the `p`'s class, in document order.
    fn vote_groups(els: &[El]) -> Vec<(String, Vec<(String, String)>)> {
        let start = els
            .iter()
            .position(|e| e.attr("name") == Some("recordedVote"))
            .expect("a recorded vote section");
        let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for e in &els[start..] {
            match e.name.as_str() {
                "p" => groups.push((e.attr("class").unwrap_or("").into(), Vec::new())),
                "vote" => groups.last_mut().expect("a vote inside a p").1.push((
                    e.attr("by").expect("by").into(),
                    e.attr("choice").expect("choice").into(),
                )),
                _ => {}
            }
        }
        groups
    }

    fn counts(els: &[El]) -> Vec<(&str, &str)> {
        els.iter()
            .filter(|e| e.name == "count")
            .map(|e| (e.attr("refersTo").unwrap(), e.attr("value").unwrap()))
            .collect()
    }

    fn unique_eids(els: &[El]) {
        let mut eids: Vec<_> = els.iter().filter_map(|e| e.attr("eId")).collect();
        let n = eids.len();
        eids.sort_unstable();
        eids.dedup();
        assert_eq!(eids.len(), n, "duplicate eIds");
    }

    #[test]
    fn a_recorded_vote_counts_the_totals_and_lists_each_state_once() {
        let a = an_adoption(
            AdoptionMethod::RecordedVote,
            Some(a_vote(MajorityRule::Simple, 152, 5, 12, 24)),
        );
        let states = states();
        let xml = export(&a, &states);
        let (els, texts) = parse(&xml);
        assert_eq!(
            (els[1].name.as_str(), els[1].attr("name")),
            ("debate", Some("adoption"))
        );
        unique_eids(&els);
        // The counts are the totals, and the majority is worked out.
        assert_eq!(
            counts(&els),
            [
                ("#yes", "152"),
                ("#no", "5"),
                ("#abstain", "12"),
                ("#notVoting", "24"),
                ("#presentAndVoting", "157"),
                ("#majorityNeeded", "79"),
            ]
        );
        let voting: Vec<_> = els.iter().filter(|e| e.name == "voting").collect();
        assert_eq!(voting.len(), 1);
        assert_eq!(voting[0].attr("outcome"), Some("#adopted"));
        assert_eq!(voting[0].attr("refersTo"), Some("#simpleMajority"));
        let expression = "/akn/un/doc/draft/data-compact/compact/2024-03-01/eng@2024-03-01";
        assert_eq!(voting[0].attr("href"), Some(expression));
        assert!(els
            .iter()
            .any(|e| e.name == "ref" && e.attr("href") == Some(expression)));
        assert!(texts.contains("Global Compact on Data & Cooperation, Rev.1"));
        // Every concept and organization pointed at is there.
        let eid = |id: &str| els.iter().filter(|e| e.attr("eId") == Some(id)).count();
        for e in els.iter().filter(|e| e.name == "count" || e.name == "vote") {
            for r in [e.attr("refersTo"), e.attr("choice"), e.attr("by")]
                .into_iter()
                .flatten()
            {
                assert_eq!(eid(&r[1..]), 1, "{r}");
            }
        }
        assert_eq!(eid("adopted"), 1);
        // Each state once, under its own choice.
        let groups = vote_groups(&els);
        let classes: Vec<_> = groups.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            classes,
            [
                "yes",
                "no",
                "abstain",
                "notVoting",
                "notRecorded",
                "explanation"
            ]
        );
        let group = |class: &str| &groups.iter().find(|(c, _)| c == class).unwrap().1;
        let pair = |by: &str, choice: &str| (format!("#{by}"), format!("#{choice}"));
        assert_eq!(*group("yes"), [pair("egy", "yes"), pair("fra", "yes")]);
        assert_eq!(*group("no"), [pair("civ", "no")]);
        assert_eq!(*group("abstain"), [pair("chn", "abstain")]);
        assert_eq!(*group("notVoting"), [pair("nor", "notVoting")]);
        let all: Vec<_> = groups.iter().flat_map(|(_, v)| v).collect();
        assert_eq!(all.len(), states.len());
        let orgs: Vec<_> = els
            .iter()
            .filter(|e| e.name == "TLCOrganization" && e.attr("eId") != Some("accord"))
            .map(|e| (e.attr("eId").unwrap(), e.attr("showAs").unwrap()))
            .collect();
        assert_eq!(orgs.len(), states.len());
        for s in &states {
            let id = actor_id(s.code);
            assert!(orgs.contains(&(id.as_str(), s.name)), "{}", s.code);
            assert_eq!(
                all.iter().filter(|(by, _)| *by == format!("#{id}")).count(),
                1,
                "{}",
                s.code
            );
        }
        // Totals larger than the states named say how many are unnamed.
        assert!(texts.contains("In favour (152): مصر, France; 150 not recorded by name."));
        assert!(texts.contains("Not voting (24): Norway; 23 not recorded by name."));
        assert!(texts.contains(
            "Method: recorded vote, by a simple majority of members present and voting."
        ));
        assert!(texts.contains("votes in favour needed to carry: 79"));
        let subtype = els.iter().find(|e| e.name == "FRBRsubtype").unwrap();
        assert_eq!(subtype.attr("value"), Some("recordedVote"));
        let number = els.iter().find(|e| e.name == "FRBRnumber").unwrap();
        assert_eq!(number.attr("value"), Some("A/RES/99/1"));
        assert_eq!(xml, export(&a, &states), "the same input, the same bytes");
    }

    #[test]
    fn states_whose_vote_is_not_recorded_are_listed_as_not_recorded() {
        let a = an_adoption(
            AdoptionMethod::RecordedVote,
            Some(a_vote(MajorityRule::Simple, 2, 1, 1, 1)),
        );
        let xml = export(&a, &states());
        let (els, texts) = parse(&xml);
        let groups = vote_groups(&els);
        let not_recorded = &groups.iter().find(|(c, _)| c == "notRecorded").unwrap().1;
        assert_eq!(
            *not_recorded,
            [
                ("#mex".to_string(), "#notRecorded".to_string()),
                ("#bra".to_string(), "#notRecorded".to_string()),
            ]
        );
        // And nowhere else, with no guessed choice.
        for (class, votes) in &groups {
            if class != "notRecorded" {
                assert!(
                    votes.iter().all(|(by, _)| by != "#mex" && by != "#bra"),
                    "{class}"
                );
            }
        }
        assert!(texts.contains("Not recorded (2): Mexico, Brazil."));
        assert!(texts.contains("no vote is attributed to it"));
        assert!(els
            .iter()
            .any(|e| e.name == "TLCConcept" && e.attr("eId") == Some("notRecorded")));
        // Totals all named: no "not recorded by name".
        assert!(texts.contains("In favour (2): مصر, France."));
        assert!(!texts.contains("by name"));
    }

    #[test]
    fn a_consensus_adoption_has_no_voting() {
        let a = an_adoption(AdoptionMethod::Consensus, None);
        let xml = export(&a, &states());
        let (els, texts) = parse(&xml);
        unique_eids(&els);
        for name in [
            "analysis",
            "parliamentary",
            "voting",
            "count",
            "quorum",
            "vote",
        ] {
            assert!(els.iter().all(|e| e.name != name), "{name}");
        }
        assert!(els.iter().all(|e| e.attr("name") != Some("recordedVote")));
        let outcome: Vec<_> = els.iter().filter(|e| e.name == "outcome").collect();
        assert_eq!(outcome.len(), 1);
        assert_eq!(outcome[0].attr("refersTo"), Some("#adopted"));
        assert!(texts.contains("Outcome: adopted by consensus."));
        assert!(texts.contains("Method: consensus (adopted without a vote)."));
        assert!(texts.contains("Text adopted: Global Compact on Data & Cooperation, Rev.1."));
        let subtype = els.iter().find(|e| e.name == "FRBRsubtype").unwrap();
        assert_eq!(subtype.attr("value"), Some("adoption"));
        // No state is said to have voted.
        assert!(!texts.contains("In favour") && !texts.contains("Not recorded"));
        // With no states at all, still a document.
        let (els, _) = parse(&export(&a, &[]));
        assert!(els.iter().any(|e| e.name == "debateSection"));
    }

    #[test]
    fn a_vote_that_does_not_carry_is_not_adopted() {
        // 6 of 10 present and voting: a simple majority, not two thirds.
        let two_thirds = a_vote(MajorityRule::TwoThirds, 6, 4, 2, 1);
        let a = an_adoption(AdoptionMethod::RecordedVote, Some(two_thirds));
        let (els, texts) = parse(&export(&a, &states()));
        let voting = els.iter().find(|e| e.name == "voting").unwrap();
        assert_eq!(voting.attr("outcome"), Some("#notAdopted"));
        assert_eq!(voting.attr("refersTo"), Some("#twoThirdsMajority"));
        assert!(counts(&els).contains(&("#majorityNeeded", "7")));
        let outcome = els.iter().find(|e| e.name == "outcome").unwrap();
        assert_eq!(outcome.attr("refersTo"), Some("#notAdopted"));
        assert!(texts.contains("Outcome: not adopted (the vote did not carry)."));
        assert!(texts.contains("Text put to the vote:"));
        assert!(!texts.contains("Text adopted"));
        let proprietary = els.iter().find(|e| e.name == "accord:adoption").unwrap();
        assert_eq!(proprietary.attr("adopted"), Some("false"));
        // The same totals by simple majority carry.
        let simple = a_vote(MajorityRule::Simple, 6, 4, 2, 1);
        let a = an_adoption(AdoptionMethod::RecordedVote, Some(simple));
        let (els, _) = parse(&export(&a, &states()));
        let voting = els.iter().find(|e| e.name == "voting").unwrap();
        assert_eq!(voting.attr("outcome"), Some("#adopted"));
        // A recorded vote with no result claims no outcome.
        let a = an_adoption(AdoptionMethod::RecordedVote, None);
        let (els, texts) = parse(&export(&a, &states()));
        assert!(els
            .iter()
            .all(|e| e.name != "outcome" && e.name != "voting"));
        assert!(texts.contains("Outcome: not recorded."));
        assert!(texts.contains("Text put to the vote:"));
        // A tie does not carry a simple majority.
        let tie = a_vote(MajorityRule::Simple, 5, 5, 0, 3);
        let a = an_adoption(AdoptionMethod::RecordedVote, Some(tie));
        let (els, _) = parse(&export(&a, &states()));
        let voting = els.iter().find(|e| e.name == "voting").unwrap();
        assert_eq!(voting.attr("outcome"), Some("#notAdopted"));
    }

    #[test]
    fn names_are_escaped_and_come_back_whole() {
        let a = an_adoption(
            AdoptionMethod::RecordedVote,
            Some(a_vote(MajorityRule::Simple, 2, 1, 1, 1)),
        );
        let xml = export(&a, &states());
        let (els, texts) = parse(&xml);
        assert!(!xml.contains("<script>"));
        assert!(xml.contains(r#"Côte d'Ivoire &amp; &lt;script&gt;"x"&lt;/script&gt;</vote>"#));
        assert!(xml.contains(
            r#"showAs="Côte d&apos;Ivoire &amp; &lt;script&gt;&quot;x&quot;&lt;/script&gt;""#
        ));
        assert!(texts.contains(HOSTILE));
        let civ = els.iter().find(|e| e.attr("eId") == Some("civ")).unwrap();
        assert_eq!(civ.attr("showAs"), Some(HOSTILE));
        assert!(texts.contains("مصر") && texts.contains("中国"));
        // The title, in the heading, the preface and FRBRname.
        let title = r#"Adoption of the "Compact" & <annex>"#;
        assert_eq!(texts.matches(title).count(), 2);
        let name = els.iter().find(|e| e.name == "FRBRname").unwrap();
        assert_eq!(name.attr("value"), Some(title));
        // The note, a paragraph each.
        assert!(texts.contains("First paragraph & <more>."));
        assert_eq!(
            els.iter()
                .filter(|e| e.name == "p" && e.attr("class") == Some("note"))
                .count(),
            2
        );
    }

    #[test]
    fn state_eids_never_clash() {
        use VoteChoice::*;
        let states = [
            StateVote {
                code: "NO",
                name: "Coded NO",
                vote: Some(Yes),
            },
            StateVote {
                code: "ACCORD",
                name: "Coded ACCORD",
                vote: None,
            },
            StateVote {
                code: "FRA",
                name: "France",
                vote: Some(No),
            },
            StateVote {
                code: "FRA",
                name: "France again",
                vote: Some(Yes),
            },
            StateVote {
                code: "fra",
                name: "France in lower case",
                vote: None,
            },
            StateVote {
                code: "A B",
                name: "A code with a space",
                vote: None,
            },
        ];
        let a = an_adoption(
            AdoptionMethod::RecordedVote,
            Some(a_vote(MajorityRule::Simple, 1, 1, 0, 0)),
        );
        let (els, texts) = parse(&export(&a, &states));
        unique_eids(&els);
        let by: Vec<_> = els
            .iter()
            .filter(|e| e.name == "vote")
            .map(|e| (e.attr("by").unwrap(), e.attr("choice").unwrap()))
            .collect();
        assert_eq!(
            by,
            [
                ("#state_1", "#yes"),
                ("#fra", "#no"),
                ("#state_2", "#notRecorded"),
                ("#state_5", "#notRecorded"),
                ("#state_6", "#notRecorded"),
            ]
        );
        let space = els
            .iter()
            .find(|e| e.attr("eId") == Some("state_6"))
            .unwrap();
        assert_eq!(
            space.attr("href"),
            Some("/akn/ontology/organization/un/a%20b")
        );
        // A code given twice is written once, with its first entry.
        assert!(!texts.contains("France again"));
        let concept = els.iter().find(|e| e.attr("eId") == Some("no")).unwrap();
        assert_eq!(concept.name, "TLCConcept");
    }
}
