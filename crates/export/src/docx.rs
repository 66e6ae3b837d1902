//! Word documents (WordprocessingML, `.docx`) laid out as UN drafts are: the
//! title, the version's label and date, section headings, "Objective N:
//! title" headings, paragraphs numbered "17." with the number as literal
//! text (not Word's list numbering, which would renumber them), and
//! sub-paragraphs "(a)" indented.
//!
//! Each document is a zip of `[Content_Types].xml`, `_rels/.rels`,
//! `word/document.xml`, `word/styles.xml` (Title, Subtitle, Heading1,
//! Heading2 and styles for paragraphs, sub-paragraphs and notes),
//! `word/_rels/document.xml.rels` and `docProps/core.xml` / `app.xml`.
//! Entries carry a fixed timestamp (1980-01-01), so the same input gives the
//! same bytes.
//!
//! # Languages
//!
//! A version can be written in any of the six official languages
//! ([`version_in`]; the compilation, redline and report are English). The
//! language sets the document's default `w:lang` (`en-GB`, `fr-FR`,
//! `es-ES`, `ru-RU`, `ar-SA`, `zh-CN`, the locales Word knows the
//! languages by) and `dc:language` in the core properties (`fr`, `ar`, …),
//! and for two of them the layout:
//!
//! * Arabic is right to left: the section has `<w:bidi/>`, and so has
//!   every paragraph of Arabic words; every run of Arabic words has
//!   `<w:rtl/>` (and its bold and italic also the complex-script
//!   `<w:bCs/>` and `<w:iCs/>`, which Arabic text is shown with). A
//!   paragraph or run with no letter at all (a number alone) is right to
//!   left too. One whose letters are all of left-to-right scripts (the
//!   English process title and date line, a node left untranslated) stays
//!   left to right: laid out right to left, its digits and punctuation
//!   would be reordered ("217 A (III) — 10 December 1948" shown as "A (III)
//!   — 10 December 1948 217", a final full stop at the start).
//!
//!   Under `w:bidi`, WordprocessingML reads a paragraph's `w:ind w:left`,
//!   `left` tab stops and `w:jc` from its leading edge, the right one: the
//!   numbered paragraphs' hanging indentation and tab move to the right
//!   with no change to the styles, and no style sets `left` alignment that
//!   would need turning to `right` (`w:jc="right"` in a `bidi` paragraph
//!   would push it to the left margin).
//! * Chinese gets an East Asian font: the defaults' `w:eastAsia` font is
//!   SimSun (宋体), Windows' standard Song face for simplified Chinese body
//!   text and a serif like the Times New Roman of the other languages; Word
//!   on Windows has it, and LibreOffice puts an installed CJK face in its
//!   place (Noto Serif CJK SC, say) when it is missing. Every run of
//!   Chinese words carries `<w:rFonts w:hint="eastAsia"/>`, so characters
//!   both scripts share (the quotation marks “ ”, the dash, the ellipsis)
//!   take the Chinese font among Chinese words, as Word does when one types
//!   Chinese; a run with no Chinese character (an English label) has no
//!   hint.

use std::collections::HashMap;
use std::io::{Cursor, Write};

use accord_domain::negotiation::{
    Compilation, CompiledNode, Draft, DraftText, NodeDiff, NodeDiffKind, NodeKind, Operation,
    Proposal, Redline, Segment, Version, WordOp,
};
use accord_domain::Language;
use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::names::{kind_name, long_date, Places};
use crate::xml::{attr, text};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// What the compilation says when it shows a simulated proposal.
pub const SIMULATION_NOTICE: &str = "The amendments in this compilation are a simulation for \
     demonstration; they are not positions of any state.";

/// How a run looks.
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    bold: bool,
    italic: bool,
    underline: bool,
    strike: bool,
    grey: bool,
}

const PLAIN: Look = Look {
    bold: false,
    italic: false,
    underline: false,
    strike: false,
    grey: false,
};
const STRUCK: Look = Look {
    strike: true,
    ..PLAIN
};
const INSERTED: Look = Look {
    bold: true,
    underline: true,
    ..PLAIN
};
const NOTE: Look = Look {
    italic: true,
    grey: true,
    ..PLAIN
};
const BOLD: Look = Look {
    bold: true,
    ..PLAIN
};

/// Word's name for a language: the locale it sets `w:lang` to.
fn word_lang(language: Language) -> &'static str {
    match language {
        Language::Ar => "ar-SA",
        Language::Zh => "zh-CN",
        Language::En => "en-GB",
        Language::Fr => "fr-FR",
        Language::Ru => "ru-RU",
        Language::Es => "es-ES",
    }
}

/// The font of East Asian text in a Chinese document (see the module's
/// documentation).
const EAST_ASIA_FONT: &str = "SimSun";

/// Whether `c` is written right to left: a letter of the Arabic or Hebrew
/// scripts (and their kin: Syriac, Thaana, N'Ko, Samaritan, Mandaic), their
/// presentation forms, or a right-to-left mark.
fn right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// Whether `words`, in an Arabic document, are laid out right to left: they
/// have a right-to-left letter, or no letter at all (a paragraph's number
/// alone); words whose letters are all of left-to-right scripts (an English
/// date line, a node left untranslated) are left to right.
fn rtl_words(words: &str) -> bool {
    words.chars().any(right_to_left) || !words.chars().any(char::is_alphabetic)
}

/// Whether `c` is Chinese (or Japanese, Korean) writing: CJK ideographs,
/// radicals, kana, bopomofo, CJK punctuation and full-width forms.
fn east_asian(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// How a run of some words is written in a document's language: right to
/// left (in an Arabic document, as [`rtl_words`] says), with the East Asian
/// font hint (in a Chinese document, words with Chinese characters). Words
/// in another script, such as an English label or date or a node left
/// untranslated, are a plain run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Script {
    rtl: bool,
    east_asian: bool,
}

impl Script {
    fn of(words: &str, language: Language) -> Self {
        Script {
            rtl: language.is_rtl() && rtl_words(words),
            east_asian: language == Language::Zh && words.chars().any(east_asian),
        }
    }
}

/// A run's properties, in the order the schema (CT_RPr) wants them; right
/// to left (its bold and italic also the complex script's) or with the
/// East Asian font hint as `script` says.
fn rpr(look: Look, script: Script) -> String {
    let rtl = script.rtl;
    let mut s = String::new();
    if script.east_asian {
        s.push_str("<w:rFonts w:hint=\"eastAsia\"/>");
    }
    if look.bold {
        s.push_str(if rtl { "<w:b/><w:bCs/>" } else { "<w:b/>" });
    }
    if look.italic {
        s.push_str(if rtl { "<w:i/><w:iCs/>" } else { "<w:i/>" });
    }
    if look.strike {
        s.push_str("<w:strike/>");
    }
    if look.grey {
        s.push_str("<w:color w:val=\"595959\"/>");
    }
    if look.underline {
        s.push_str("<w:u w:val=\"single\"/>");
    }
    if rtl {
        s.push_str("<w:rtl/>");
    }
    if s.is_empty() {
        s
    } else {
        format!("<w:rPr>{s}</w:rPr>")
    }
}

/// Runs for `words` in English: tabs as `<w:tab/>`, line breaks as
/// `<w:br/>`; inside a tracked deletion the words go in `<w:delText>`.
fn run(words: &str, look: Look, deleted: bool) -> String {
    run_in(words, look, deleted, Language::En)
}

/// [`run`] in `language`.
fn run_in(words: &str, look: Look, deleted: bool, language: Language) -> String {
    if words.is_empty() {
        return String::new();
    }
    let tag = if deleted { "w:delText" } else { "w:t" };
    let mut inner = String::new();
    let mut piece = String::new();
    let flush = |piece: &mut String, inner: &mut String| {
        if !piece.is_empty() {
            inner.push_str(&format!(
                "<{tag} xml:space=\"preserve\">{}</{tag}>",
                text(piece)
            ));
            piece.clear();
        }
    };
    for c in words.chars() {
        match c {
            '\t' => {
                flush(&mut piece, &mut inner);
                inner.push_str("<w:tab/>");
            }
            '\n' => {
                flush(&mut piece, &mut inner);
                inner.push_str("<w:br/>");
            }
            '\r' => {}
            c => piece.push(c),
        }
    }
    flush(&mut piece, &mut inner);
    format!(
        "<w:r>{}{inner}</w:r>",
        rpr(look, Script::of(words, language))
    )
}

/// `s` cut before its trailing white space.
fn split_trailing(s: &str) -> (&str, &str) {
    let core = s.trim_end();
    (core, &s[core.len()..])
}

/// A tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Track {
    Ins,
    Del,
}

/// The body of `word/document.xml`, and the revisions in it.
struct Body {
    xml: String,
    /// Author and date of tracked changes.
    author: String,
    date: String,
    next_id: u32,
    /// The document's language: Arabic paragraphs are right to left.
    language: Language,
}

impl Body {
    fn new() -> Self {
        Self::in_language(Language::En)
    }

    fn in_language(language: Language) -> Self {
        Body {
            xml: String::new(),
            author: String::new(),
            date: String::new(),
            next_id: 1,
            language,
        }
    }

    fn revision_attrs(&mut self) -> String {
        let id = self.next_id;
        self.next_id += 1;
        format!(
            "w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\"",
            attr(&self.author),
            attr(&self.date)
        )
    }

    /// `runs` as a tracked insertion or deletion.
    fn tracked(&mut self, track: Track, runs: &str) -> String {
        if runs.is_empty() {
            return String::new();
        }
        let tag = match track {
            Track::Ins => "w:ins",
            Track::Del => "w:del",
        };
        format!("<{tag} {}>{runs}</{tag}>", self.revision_attrs())
    }

    /// A paragraph of `style` holding `runs`; `mark` tracks the paragraph
    /// mark itself (a paragraph inserted or deleted whole). Right to left
    /// in a right-to-left document.
    fn para(&mut self, style: &str, mark: Option<Track>, runs: &str) {
        self.para_in(style, mark, runs, self.language.is_rtl());
    }

    /// [`Body::para`], right to left (`<w:bidi/>`) when `rtl`.
    fn para_in(&mut self, style: &str, mark: Option<Track>, runs: &str, rtl: bool) {
        let mark = match mark {
            None => String::new(),
            Some(track) => {
                let tag = match track {
                    Track::Ins => "w:ins",
                    Track::Del => "w:del",
                };
                format!("<w:rPr><{tag} {}/></w:rPr>", self.revision_attrs())
            }
        };
        // CT_PPr: pStyle … bidi … rPr.
        let bidi = if rtl { "<w:bidi/>" } else { "" };
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{bidi}{mark}</w:pPr>{runs}</w:p>"
        ));
    }

    /// A paragraph of `words`, in the document's direction unless their
    /// letters are all left to right (see [`rtl_words`]).
    fn plain(&mut self, style: &str, words: &str) {
        let rtl = self.language.is_rtl() && rtl_words(words);
        self.para_in(
            style,
            None,
            &run_in(words, PLAIN, false, self.language),
            rtl,
        );
    }
}

/// The style of a node's paragraph.
fn style_of(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Section => "Heading1",
        NodeKind::Objective => "Heading2",
        NodeKind::Paragraph => "Para",
        NodeKind::Subparagraph => "SubPara",
    }
}

/// The note style at the indentation of a node of `kind`.
fn note_style(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Subparagraph => "SubNote",
        _ => "Note",
    }
}

/// What stands before a node's words: "17.\t", "(a)\t", "Objective 3: ".
fn prefix(kind: NodeKind, num: &str) -> String {
    match kind {
        NodeKind::Section => String::new(),
        NodeKind::Objective if num.is_empty() => String::new(),
        NodeKind::Objective => format!("{num}: "),
        NodeKind::Paragraph | NodeKind::Subparagraph => format!("{num}\t"),
    }
}

/// The title block: the process, the text's title, a line under it.
fn title_block(body: &mut Body, process_title: &str, title: &str, line: &str) {
    body.plain("Subtitle", process_title);
    body.plain("Title", title);
    body.plain("Subtitle", line);
}

/// One version of a draft as a Word document laid out as UN drafts are, in
/// English: [`version_in`] with [`Language::En`].
pub fn version(process_title: &str, draft: &Draft, version: &Version) -> Vec<u8> {
    version_in(process_title, draft, version, Language::En)
}

/// [`version`] in `language`: `version` holds the text in that language
/// (the app's translated `Version`; untranslated nodes keep their original
/// words). The document's default language is `language` (`w:lang`,
/// `dc:language`); Arabic is laid out right to left, Chinese gets its East
/// Asian font (see the module's documentation). What the export writes
/// itself stays English: the date under the title ("1 March 2024"), and
/// the objectives' numbers ("Objective 3: ", from the domain), as does what
/// the caller passes (`process_title`, the version's label, the draft's
/// title in the document's subject).
pub fn version_in(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    language: Language,
) -> Vec<u8> {
    let mut body = Body::in_language(language);
    title_block(
        &mut body,
        process_title,
        &version.text.title,
        &format!("{} — {}", version.label, long_date(version.issued_on)),
    );
    let places = Places::new(&version.text);
    for p in places.all() {
        let Some(node) = version.text.find(&p.wid) else {
            continue;
        };
        let words = format!(
            "{}{}",
            prefix(node.kind, &p.num),
            if node.heading.is_empty() {
                &node.text
            } else {
                &node.heading
            }
        );
        body.plain(style_of(node.kind), &words);
    }
    package(
        &body.xml,
        &version.text.title,
        &format!("{process_title} — {} — {}", draft.title, version.label),
        version.issued_at,
        language,
    )
}

/// "[EU, CELAC]".
fn proposers(p: &Proposal) -> String {
    if p.proposers.is_empty() {
        format!("[A{}]", p.number)
    } else {
        format!("[{}]", p.proposers.join(", "))
    }
}

/// The compilation text as a Word document: each node's text with the
/// proposals on it inline — words a proposal would delete struck through,
/// words it would insert bold and underlined — each followed by its
/// proposers in brackets ("[EU, CELAC]"); after a node, a short list of the
/// proposals on the node as a whole (delete it, move it, a new node after
/// it, a node moved here). When a proposal shown is simulated (or the draft
/// is), the document says so under its title ([`SIMULATION_NOTICE`]).
pub fn compilation(
    process_title: &str,
    draft: &Draft,
    version: &Version,
    compilation: &Compilation,
) -> Vec<u8> {
    let mut body = Body::new();
    title_block(
        &mut body,
        process_title,
        &version.text.title,
        &format!(
            "Compilation text — {}, {}",
            version.label,
            long_date(version.issued_on)
        ),
    );
    let shown = &compilation.proposals;
    if draft.simulated || shown.iter().any(|p| p.simulated) {
        body.para("Notice", None, &run(SIMULATION_NOTICE, BOLD, false));
    }
    body.plain(
        "Key",
        "Words proposed for deletion are struck through; words proposed for insertion are in \
         bold and underlined. Each proposal is followed by its proposers in brackets.",
    );
    if compilation.hidden > 0 {
        body.plain(
            "Key",
            &format!(
                "{} proposal{} not shown here.",
                compilation.hidden,
                if compilation.hidden == 1 {
                    " is"
                } else {
                    "s are"
                }
            ),
        );
    }
    let places = Places::new(&version.text);
    for node in &compilation.nodes {
        compiled_node(&mut body, node, shown, &places, &version.text);
    }
    package(
        &body.xml,
        &format!("{} — compilation text", version.text.title),
        &format!("{process_title} — {} — {}", draft.title, version.label),
        version.issued_at,
        Language::En,
    )
}

fn compiled_node(
    body: &mut Body,
    node: &CompiledNode,
    shown: &[Proposal],
    places: &Places,
    text_of: &DraftText,
) {
    let kind = node.placed.kind;
    let mut runs = run(&prefix(kind, &node.placed.num), PLAIN, false);
    if !node.heading.is_empty() {
        runs.push_str(&run(&node.heading, PLAIN, false));
    }
    // Where each proposal's deletion ends, to put its proposers there once.
    let mut last_piece: HashMap<usize, usize> = HashMap::new();
    for (k, seg) in node.segments.iter().enumerate() {
        if let Segment::Text { deleted_by, .. } = seg {
            for &i in deleted_by {
                last_piece.insert(i, k);
            }
        }
    }
    for (k, seg) in node.segments.iter().enumerate() {
        match seg {
            Segment::Text { text, deleted_by } if deleted_by.is_empty() => {
                runs.push_str(&run(text, PLAIN, false));
            }
            Segment::Text { text, deleted_by } => {
                // A pure deletion's proposers follow its last words; a
                // replacement's follow the words it brings.
                let ending: Vec<&Proposal> = deleted_by
                    .iter()
                    .filter(|&&i| last_piece.get(&i) == Some(&k))
                    .map(|&i| &shown[i])
                    .filter(|p| p.operation.new_words().is_empty())
                    .collect();
                if ending.is_empty() {
                    runs.push_str(&run(text, STRUCK, false));
                } else {
                    // Trailing white space stays plain: struck, it would
                    // read as a dash after the brackets.
                    let (core, trailing) = split_trailing(text);
                    runs.push_str(&run(core, STRUCK, false));
                    let tags: Vec<String> = ending.iter().map(|p| proposers(p)).collect();
                    runs.push_str(&run(&format!(" {}", tags.join(" ")), PLAIN, false));
                    runs.push_str(&run(trailing, PLAIN, false));
                }
            }
            Segment::Insert { text, by } => {
                let (core, trailing) = split_trailing(text);
                runs.push_str(&run(core, INSERTED, false));
                runs.push_str(&run(&format!(" {}", proposers(&shown[*by])), PLAIN, false));
                runs.push_str(&run(trailing, PLAIN, false));
            }
        }
    }
    body.para(style_of(kind), None, &runs);

    // Proposals on the node as a whole.
    let wid = &node.placed.wid;
    let label = places.label(wid);
    let note = note_style(kind);
    for &i in &node.delete_proposed_by {
        let line = format!("Proposed: delete {label} {}", proposers(&shown[i]));
        body.para(note, None, &run(&line, NOTE, false));
    }
    for &i in &node.move_proposed_by {
        if let Operation::MoveNode { after, .. } = &shown[i].operation {
            let line = format!(
                "Proposed: move {label} to stand {} {} {}",
                placement(text_of, after, kind),
                places.label(after),
                proposers(&shown[i])
            );
            body.para(note, None, &run(&line, NOTE, false));
        }
    }
    for &i in &node.proposed_after {
        let p = &shown[i];
        match &p.operation {
            Operation::AddNode {
                kind: new_kind,
                heading,
                text: words,
                ..
            } => {
                let words = match (heading.trim(), words.trim()) {
                    ("", w) => w.to_owned(),
                    (h, "") => h.to_owned(),
                    (h, w) => format!("{h} {w}"),
                };
                let mut runs = run(
                    &format!(
                        "Proposed: a new {} {} {}: ",
                        kind_name(*new_kind),
                        placement(text_of, wid, *new_kind),
                        label
                    ),
                    NOTE,
                    false,
                );
                runs.push_str(&run(&words, INSERTED, false));
                runs.push_str(&run(&format!(" {}", proposers(p)), NOTE, false));
                body.para(note_style(*new_kind), None, &runs);
            }
            Operation::MoveNode { node: moving, .. } => {
                let moving_kind = text_of.find(moving).map_or(kind, |n| n.kind);
                let line = format!(
                    "Proposed: move {} here, to stand {} {label} {}",
                    places.label(moving),
                    placement(text_of, wid, moving_kind),
                    proposers(p)
                );
                body.para(note, None, &run(&line, NOTE, false));
            }
            _ => {}
        }
    }
}

/// "after", or "at the beginning of" when `anchor` would hold the node.
fn placement(
    text: &DraftText,
    anchor: &accord_domain::negotiation::Wid,
    kind: NodeKind,
) -> &'static str {
    if text.find(anchor).is_some_and(|n| n.kind.may_hold(kind)) {
        "at the beginning of"
    } else {
        "after"
    }
}

/// The redline from `from` to `to` as a Word document with real tracked
/// changes, by the newer version's label as author (so Word and LibreOffice
/// list them as its changes, to accept or reject): words deleted in
/// `<w:del>`, words inserted in `<w:ins>`, deleted nodes as deleted
/// paragraphs and added nodes as inserted ones; a moved node carries a
/// note "[moved from paragraph 12]". A summary line (added, deleted,
/// changed, moved) stands at the top.
pub fn redline(
    process_title: &str,
    draft: &Draft,
    from: &Version,
    to: &Version,
    redline: &Redline,
) -> Vec<u8> {
    let mut body = Body::new();
    title_block(
        &mut body,
        process_title,
        &to.text.title,
        &format!(
            "Changes from {} ({}) to {} ({})",
            from.label,
            long_date(from.issued_on),
            to.label,
            long_date(to.issued_on)
        ),
    );
    if draft.simulated {
        body.para(
            "Notice",
            None,
            &run(
                "The amendments to this draft are a simulation for demonstration; they are not \
                 positions of any state.",
                BOLD,
                false,
            ),
        );
    }
    let s = &redline.summary;
    body.para(
        "Key",
        None,
        &run(
            &format!(
                "Summary: {} added, {} deleted, {} changed, {} moved, {} unchanged; {} words \
                 added, {} words deleted.",
                s.added, s.deleted, s.changed, s.moved, s.unchanged, s.words_added, s.words_deleted
            ),
            BOLD,
            false,
        ),
    );
    body.plain(
        "Key",
        &format!(
            "The changes are tracked changes by “{}”: deleted words are struck through, \
             inserted words underlined.",
            to.label
        ),
    );
    body.author = to.label.clone();
    body.date = to.issued_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let old_places = Places::new(&from.text);
    for node in &redline.nodes {
        redline_node(&mut body, node, &old_places);
    }
    package(
        &body.xml,
        &format!(
            "{} — changes from {} to {}",
            to.text.title, from.label, to.label
        ),
        &format!("{process_title} — {}", draft.title),
        to.issued_at,
        Language::En,
    )
}

fn redline_node(body: &mut Body, node: &NodeDiff, old_places: &Places) {
    let num = node
        .new
        .as_ref()
        .or(node.old.as_ref())
        .map_or("", |(num, _)| num.as_str());
    let lead = prefix(node.kind, num);
    let whole = match node.change {
        NodeDiffKind::Added => Some(Track::Ins),
        NodeDiffKind::Deleted => Some(Track::Del),
        _ => None,
    };
    let mut runs = String::new();
    match whole {
        Some(track) => {
            let deleted = track == Track::Del;
            let mut inner = run(&lead, PLAIN, deleted);
            for op in node.heading.iter().chain(&node.text) {
                inner.push_str(&run(op.text(), PLAIN, deleted));
            }
            runs.push_str(&body.tracked(track, &inner));
        }
        None => {
            runs.push_str(&run(&lead, PLAIN, false));
            for op in node.heading.iter().chain(&node.text) {
                match op {
                    WordOp::Equal(t) => runs.push_str(&run(t, PLAIN, false)),
                    WordOp::Insert(t) => {
                        let r = run(t, PLAIN, false);
                        runs.push_str(&body.tracked(Track::Ins, &r));
                    }
                    WordOp::Delete(t) => {
                        let r = run(t, PLAIN, true);
                        runs.push_str(&body.tracked(Track::Del, &r));
                    }
                }
            }
        }
    }
    if node.moved {
        runs.push_str(&run(
            &format!(" [moved from {}]", old_places.label(&node.wid)),
            NOTE,
            false,
        ));
    }
    body.para(style_of(node.kind), whole, &runs);
}

/// The styles: UN drafts' Times New Roman; numbered paragraphs with the
/// number hanging at the margin and the words at 1 cm; sub-paragraphs
/// indented a further 1 cm.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Para"><w:name w:val="Numbered paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:ind w:left="567" w:hanging="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SubPara"><w:name w:val="Sub-paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs><w:ind w:left="1134" w:hanging="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Proposal note"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="567"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="SubNote"><w:name w:val="Proposal note (sub-paragraph)"/><w:basedOn w:val="Note"/><w:pPr><w:ind w:left="1134"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Notice"><w:name w:val="Notice"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr><w:spacing w:before="120" w:after="240"/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Key"><w:name w:val="Key"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
</w:styles>
"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"#;

/// A report as blocks, for [`report`]: headings, paragraphs, notes,
/// attributed quotes and tables.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportBlock {
    Heading1(String),
    Heading2(String),
    Para(String),
    /// A smaller, grey paragraph (how figures were made, caveats).
    Note(String),
    /// A quotation and, under it, who said it.
    Quote {
        text: String,
        source: String,
    },
    /// A table with a bold header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A report to write as a Word document.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDoc {
    pub process_title: String,
    pub title: String,
    /// The line under the title (e.g. when it was generated).
    pub subtitle: String,
    pub blocks: Vec<ReportBlock>,
    pub created: DateTime<Utc>,
}

fn cell(words: &str, look: Look) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Key\"/></w:pPr>{}</w:p></w:tc>",
        run(words, look, false)
    )
}

/// A report (the stocktaking report) as a Word document.
pub fn report(doc: &ReportDoc) -> Vec<u8> {
    let mut body = Body::new();
    title_block(&mut body, &doc.process_title, &doc.title, &doc.subtitle);
    for block in &doc.blocks {
        match block {
            ReportBlock::Heading1(t) => body.plain("Heading1", t),
            ReportBlock::Heading2(t) => body.plain("Heading2", t),
            ReportBlock::Para(t) => body.plain("Normal", t),
            ReportBlock::Note(t) => body.para("Key", None, &run(t, NOTE, false)),
            ReportBlock::Quote { text, source } => {
                body.para(
                    "Note",
                    None,
                    &run(&format!("\u{201c}{text}\u{201d}"), PLAIN, false),
                );
                body.para(
                    "Note",
                    None,
                    &run(&format!("\u{2014} {source}"), NOTE, false),
                );
            }
            ReportBlock::Table { header, rows } => {
                let columns = header
                    .len()
                    .max(rows.iter().map(Vec::len).max().unwrap_or(0))
                    .max(1);
                let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"";
                body.xml.push_str(&format!(
                    "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>\
                     <w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>\
                     <w:insideH {border}/><w:insideV {border}/></w:tblBorders></w:tblPr><w:tblGrid>{}</w:tblGrid>",
                    "<w:gridCol/>".repeat(columns)
                ));
                let row = |cells: &[String], look: Look| {
                    let mut tr = String::from("<w:tr>");
                    for i in 0..columns {
                        tr.push_str(&cell(cells.get(i).map_or("", String::as_str), look));
                    }
                    tr.push_str("</w:tr>");
                    tr
                };
                body.xml.push_str(&row(header, BOLD));
                for r in rows {
                    body.xml.push_str(&row(r, PLAIN));
                }
                body.xml.push_str("</w:tbl>");
                // Word wants a paragraph between a table and what follows.
                body.plain("Normal", "");
            }
        }
    }
    package(
        &body.xml,
        &doc.title,
        &doc.process_title,
        doc.created,
        Language::En,
    )
}

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Accord</Application></Properties>
"#;

/// The styles with the defaults of `language`: its `w:lang`, and for
/// Chinese the East Asian font. English is [`STYLES`] as it stands.
fn styles(language: Language) -> String {
    let fonts =
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>"#;
    let lang = r#"<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#;
    debug_assert!(STYLES.contains(fonts) && STYLES.contains(lang));
    let mut styles = STYLES.replacen(
        lang,
        &format!(
            r#"<w:lang w:val="{}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#,
            word_lang(language)
        ),
        1,
    );
    if language == Language::Zh {
        styles = styles.replacen(
            fonts,
            &format!(
                r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="{EAST_ASIA_FONT}" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>"#
            ),
            1,
        );
    }
    styles
}

/// The parts of a document around `body`, zipped; `language` is the
/// document's (its styles' defaults, `dc:language`, and for Arabic a right
/// to left section).
fn package(
    body: &str,
    title: &str,
    subject: &str,
    created: DateTime<Utc>,
    language: Language,
) -> Vec<u8> {
    // CT_SectPr: pgSz, pgMar … bidi.
    let bidi = if language.is_rtl() { "<w:bidi/>" } else { "" };
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" \
         w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>{bidi}</w:sectPr>\
         </w:body></w:document>\n"
    );
    let created = created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>Accord</dc:creator>\
         <dc:language>{}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified>\
         </cp:coreProperties>\n",
        text(title),
        text(subject),
        language.as_str()
    );
    let styles = styles(language);
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", APP),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(content.as_bytes()).map_err(Into::into))
            .expect("writing a zip to memory does not fail");
    }
    zip.finish()
        .expect("writing a zip to memory does not fail")
        .into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{sample, w};
    use crate::testxml::parse;
    use std::io::Read;

    const PARTS: [&str; 7] = [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ];

    /// Unzips `bytes`, checks every part is there and parses, and returns
    /// `word/document.xml` and its text.
    fn open(bytes: &[u8]) -> (String, String) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        assert_eq!(zip.len(), PARTS.len());
        let mut document = None;
        for name in PARTS {
            let mut part = String::new();
            zip.by_name(name)
                .unwrap_or_else(|_| panic!("{name} is missing"))
                .read_to_string(&mut part)
                .unwrap();
            let (_, texts) = parse(&part);
            if name == "word/document.xml" {
                document = Some((part, texts));
            } else if name == "word/styles.xml" {
                for style in ["Title", "Heading1", "Heading2", "Para", "SubPara"] {
                    assert!(part.contains(&format!("w:styleId=\"{style}\"")), "{style}");
                }
            }
        }
        document.unwrap()
    }

    #[test]
    fn a_report_has_its_headings_quotes_and_tables() {
        let doc = ReportDoc {
            process_title: "Global Compact & Co".into(),
            title: "Stocktaking report".into(),
            subtitle: "Generated 1 March 2024".into(),
            blocks: vec![
                ReportBlock::Heading1("Inputs received".into()),
                ReportBlock::Table {
                    header: vec!["Language".into(), "Inputs".into()],
                    rows: vec![vec!["en".into(), "12".into()], vec!["<fr>".into()]],
                },
                ReportBlock::Heading2("Theme 1".into()),
                ReportBlock::Quote {
                    text: "States should protect migrants".into(),
                    source: "Input 7, Synthetic organisation".into(),
                },
                ReportBlock::Note("Synthetic data".into()),
            ],
            created: chrono::DateTime::UNIX_EPOCH,
        };
        let (xml, texts) = open(&report(&doc));
        for expected in [
            "Stocktaking report",
            "Inputs received",
            "Language",
            "12",
            "<fr>",
            "\u{201c}States should protect migrants\u{201d}",
            "\u{2014} Input 7, Synthetic organisation",
        ] {
            assert!(texts.contains(expected), "{expected} missing from {texts}");
        }
        assert_eq!(xml.matches("<w:tr>").count(), 3);
        // The short row is padded to the header's width.
        assert_eq!(xml.matches("<w:tc>").count(), 6);
        assert_eq!(xml.matches("<w:gridCol/>").count(), 2);
    }

    #[test]
    fn a_version_reads_as_a_un_draft() {
        let s = sample();
        let bytes = version(&s.process_title, &s.draft, &s.rev1);
        let (xml, texts) = open(&bytes);
        for expected in [
            "Global Compact on Data & Cooperation",
            "Rev.1 — 1 March 2024",
            "Preamble",
            "Objective 1: Collect and utilize accurate data",
            "3.We commit to improve and strengthen the global evidence base on migration.",
            "(b)Improve international comparability",
            r#"7.We recognize the "3 Rs" & the <core> principles of 'shared responsibility'."#,
            "نلتزم بتعزيز التعاون الدولي. 我们承诺加强国际合作。",
        ] {
            assert!(texts.contains(expected), "{expected}");
        }
        // The number, a tab, the words; sub-paragraphs in their own style.
        assert!(xml.contains(
            "<w:pStyle w:val=\"Para\"/></w:pPr><w:r><w:t xml:space=\"preserve\">3.</w:t><w:tab/><w:t"
        ));
        assert!(xml.contains(
            "<w:pStyle w:val=\"SubPara\"/></w:pPr><w:r><w:t xml:space=\"preserve\">(a)</w:t>"
        ));
        assert!(xml.contains("&amp; the &lt;core&gt; principles"));
        assert!(!xml.contains("w:ins") && !xml.contains("w:del"));
        // Deterministic to the byte.
        assert_eq!(bytes, version(&s.process_title, &s.draft, &s.rev1));
    }

    /// One part of a document, as text.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut part = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} is missing"))
            .read_to_string(&mut part)
            .unwrap();
        part
    }

    #[test]
    fn the_english_version_is_the_version_in_english() {
        let s = sample();
        let bytes = version(&s.process_title, &s.draft, &s.rev1);
        assert_eq!(
            bytes,
            version_in(&s.process_title, &s.draft, &s.rev1, Language::En)
        );
        assert_eq!(part(&bytes, "word/styles.xml"), STYLES);
        assert!(part(&bytes, "docProps/core.xml").contains("<dc:language>en</dc:language>"));
        let xml = part(&bytes, "word/document.xml");
        for absent in ["<w:bidi/>", "<w:rtl/>", "w:hint"] {
            assert!(!xml.contains(absent), "{absent}");
        }
    }

    /// The Declaration's version in `language`: its bytes, document.xml
    /// and its text, styles.xml and core.xml.
    fn udhr_docx(language: Language) -> (Vec<u8>, String, String, String, String) {
        use crate::sample::udhr::{version as udhr_version, PROCESS_TITLE};
        let (draft, v) = udhr_version(language);
        let bytes = version_in(PROCESS_TITLE, &draft, &v, language);
        let (xml, texts) = open(&bytes);
        let styles = part(&bytes, "word/styles.xml");
        let core = part(&bytes, "docProps/core.xml");
        (bytes, xml, texts, styles, core)
    }

    #[test]
    fn arabic_is_laid_out_right_to_left() {
        use crate::sample::udhr::udhr;
        let (bytes, xml, texts, styles, core) = udhr_docx(Language::Ar);
        // The words as written, in order.
        let u = udhr(Language::Ar);
        assert!(texts.contains(u.title));
        for n in 1..=3 {
            assert!(texts.contains(&format!("{n}.{}", u.article(n))), "{n}");
        }
        assert!(xml.contains("لكل فرد الحق في الحياة والحرية وسلامة شخصه."));
        // Arabic by default, every paragraph and the section right to
        // left, every run too.
        assert!(styles.contains(r#"<w:lang w:val="ar-SA" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#));
        assert!(core.contains("<dc:language>ar</dc:language>"));
        let (els, _) = parse(&xml);
        let count = |name: &str| els.iter().filter(|e| e.name == name).count();
        // Title block (3), the section's heading, three paragraphs.
        assert_eq!(count("w:p"), 7);
        // The section and the paragraphs of Arabic words (the title, the
        // heading, three articles) right to left; the English lines (the
        // process, the label and date) left to right.
        assert_eq!(count("w:bidi"), 6);
        assert!(xml.contains("<w:pStyle w:val=\"Para\"/><w:bidi/></w:pPr>"));
        assert!(xml.contains("<w:bidi/></w:sectPr>"));
        assert!(xml.contains(
            "<w:pStyle w:val=\"Subtitle\"/></w:pPr><w:r><w:t xml:space=\"preserve\">General Assembly, third session</w:t>"
        ));
        // Every run of Arabic words right to left; the English lines (the
        // process, the label and date) left to right.
        assert_eq!(count("w:r"), 7);
        assert_eq!(count("w:rtl"), 5);
        assert!(xml
            .contains("<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">1.</w:t><w:tab/>"));
        assert!(xml.contains(
            "<w:pStyle w:val=\"Subtitle\"/></w:pPr><w:r><w:t xml:space=\"preserve\">217 A (III) — 10 December 1948</w:t>"
        ));
        // The styles' alignment stays: under w:bidi, centred and justified
        // are the same, and left is the leading (right) edge.
        assert!(!styles.contains(r#"w:jc w:val="left""#));
        assert!(!xml.contains("w:hint"));
        assert_eq!(bytes, udhr_docx(Language::Ar).0, "the same bytes");
    }

    #[test]
    fn untranslated_words_in_an_arabic_document_stay_left_to_right() {
        use crate::sample::udhr::{udhr, version as udhr_version, PROCESS_TITLE};
        let (draft, mut v) = udhr_version(Language::Ar);
        // Article 2 left in English; article 3's words gone, its number
        // alone.
        let english = udhr(Language::En).article(2);
        v.text.find_mut(&w("art2")).unwrap().text = english.clone();
        v.text.find_mut(&w("art3")).unwrap().text = String::new();
        let (xml, texts) = open(&version_in(PROCESS_TITLE, &draft, &v, Language::Ar));
        assert!(texts.contains(&format!("2.{english}")));
        assert!(xml.contains(&format!(
            "<w:pStyle w:val=\"Para\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2.</w:t><w:tab/><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            text(&english)
        )));
        assert!(xml.contains(
            "<w:pStyle w:val=\"Para\"/><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">3.</w:t><w:tab/></w:r>"
        ));
    }

    #[test]
    fn rtl_runs_are_bold_and_italic_in_the_complex_script_too() {
        let ar = Script::of("المادة 1", Language::Ar);
        let zh = Script::of("第一条", Language::Zh);
        assert_eq!(rpr(PLAIN, ar), "<w:rPr><w:rtl/></w:rPr>");
        assert_eq!(
            rpr(NOTE, ar),
            "<w:rPr><w:i/><w:iCs/><w:color w:val=\"595959\"/><w:rtl/></w:rPr>"
        );
        assert_eq!(
            rpr(INSERTED, ar),
            "<w:rPr><w:b/><w:bCs/><w:u w:val=\"single\"/><w:rtl/></w:rPr>"
        );
        assert_eq!(
            rpr(BOLD, zh),
            "<w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:b/></w:rPr>"
        );
        // Only in their own documents, only for their own script.
        for (words, language) in [
            ("المادة 1 第一条", Language::En),
            ("المادة 1", Language::Zh),
            ("第一条", Language::Ar),
            ("17 March 2024 — “Rev.1”", Language::Ar),
            ("17 March 2024 — “Rev.1”", Language::Zh),
            ("Статья 1", Language::Ru),
        ] {
            assert_eq!(Script::of(words, language), Script::default(), "{words}");
        }
        assert_eq!(rpr(BOLD, Script::default()), "<w:rPr><w:b/></w:rPr>");
        assert_eq!(rpr(PLAIN, Script::default()), "");
        // Arabic-Indic digits and full-width punctuation count.
        assert!(Script::of("١٧", Language::Ar).rtl);
        assert!(Script::of("，", Language::Zh).east_asian);
    }

    #[test]
    fn chinese_has_its_east_asian_font() {
        use crate::sample::udhr::udhr;
        let (_, xml, texts, styles, core) = udhr_docx(Language::Zh);
        let u = udhr(Language::Zh);
        assert!(texts.contains(u.title));
        for n in 1..=3 {
            assert!(texts.contains(&u.article(n)), "{n}");
        }
        assert!(xml.contains("人人有权享有生命、自由和人身安全。"));
        assert!(styles.contains(
            r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>"#
        ));
        assert!(styles.contains(r#"<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#));
        assert!(core.contains("<dc:language>zh</dc:language>"));
        // The runs of Chinese words (the title twice, three articles) with
        // the hint; the English lines without.
        assert_eq!(xml.matches("<w:r>").count(), 7);
        assert_eq!(
            xml.matches("<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr>")
                .count(),
            5
        );
        assert!(xml.contains(
            "<w:r><w:t xml:space=\"preserve\">General Assembly, third session</w:t></w:r>"
        ));
        assert!(!xml.contains("<w:bidi/>") && !xml.contains("<w:rtl/>"));
    }

    #[test]
    fn french_russian_and_spanish_set_their_language_only() {
        use crate::sample::udhr::udhr;
        for (language, lang) in [
            (Language::Fr, "fr-FR"),
            (Language::Ru, "ru-RU"),
            (Language::Es, "es-ES"),
        ] {
            let (_, xml, texts, styles, core) = udhr_docx(language);
            assert_eq!(
                styles,
                STYLES.replace(r#"w:val="en-GB""#, &format!(r#"w:val="{lang}""#)),
                "{language}"
            );
            assert!(core.contains(&format!("<dc:language>{language}</dc:language>")));
            let u = udhr(language);
            assert!(texts.contains(u.title));
            for n in 1..=3 {
                assert!(texts.contains(&u.article(n)), "{language} {n}");
            }
            for absent in ["<w:bidi/>", "<w:rtl/>", "w:hint", "<w:rPr>"] {
                assert!(!xml.contains(absent), "{language} {absent}");
            }
        }
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
            let (xml, texts) = open(&version_in(PROCESS_TITLE, &draft, &v, language));
            for words in crate::testudhr::words(&v.text) {
                assert!(texts.contains(&words), "{language}: {words}");
            }
            // 3 title lines, the sections' headings, the paragraphs.
            let paragraphs = xml.matches("<w:p>").count();
            assert_eq!(paragraphs, 3 + Places::new(&v.text).all().len());
            // In Arabic, all but the two English lines of the title block
            // right to left, and the section.
            assert_eq!(
                xml.matches("<w:bidi/>").count(),
                if language == Language::Ar {
                    paragraphs - 2 + 1
                } else {
                    0
                }
            );
        }
    }

    #[test]
    fn a_compilation_shows_proposals_inline_with_their_proposers() {
        let s = sample();
        let bytes = compilation(&s.process_title, &s.draft, &s.rev1, &s.compilation);
        let (xml, texts) = open(&bytes);
        assert!(texts.contains(SIMULATION_NOTICE));
        // Near the top: before the first node.
        assert!(texts.find(SIMULATION_NOTICE).unwrap() < texts.find("Preamble").unwrap());
        // Insertions bold and underlined, then their proposers.
        assert!(xml.contains(
            "<w:rPr><w:b/><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\"> &amp; &lt;safe&gt;, \"orderly\" and 'regular' mobility</w:t></w:r><w:r><w:t xml:space=\"preserve\"> [EU, CELAC]</w:t>"
        ));
        // Deletions struck through, then their proposers.
        assert!(xml.contains(
            "<w:rPr><w:strike/></w:rPr><w:t xml:space=\"preserve\">political,</w:t></w:r><w:r><w:t xml:space=\"preserve\"> [USA]</w:t>"
        ));
        // A replacement: the old words struck, the new ones bold, one bracket.
        assert!(xml.contains("<w:strike/></w:rPr><w:t xml:space=\"preserve\">\"3 Rs\"</w:t>"));
        assert!(
            texts.contains("\"3 Rs\"المسؤولية المشتركة (共同责任) [G77, CHN, EGY] & the <core>")
        );
        assert_eq!(texts.matches("[G77, CHN, EGY]").count(), 1);
        // Proposals on whole nodes.
        for note in [
            "Proposed: delete paragraph 4 (b) [NOR, CHE]",
            "Proposed: move paragraph 2 to stand after paragraph 7 [BRA]",
            "Proposed: move paragraph 2 here, to stand after paragraph 7 [BRA]",
            "Proposed: a new sub-paragraph at the beginning of paragraph 4: Share data & metadata in Arabic (البيانات) and Chinese (数据); [CELAC]",
        ] {
            assert!(texts.contains(note), "{note}");
        }
        assert!(texts.contains("1 proposal is not shown here."));
        // The withdrawn amendment is not shown.
        assert!(!texts.contains("العالمي"));
    }

    #[test]
    fn a_compilation_of_real_proposals_says_nothing_of_simulation() {
        let mut s = sample();
        s.draft.simulated = false;
        for p in &mut s.compilation.proposals {
            p.simulated = false;
        }
        let (_, texts) = open(&compilation(
            &s.process_title,
            &s.draft,
            &s.rev1,
            &s.compilation,
        ));
        assert!(!texts.contains("simulation"));
    }

    #[test]
    fn a_redline_is_tracked_changes_by_the_newer_version() {
        let s = sample();
        let bytes = redline(&s.process_title, &s.draft, &s.zero, &s.rev1, &s.redline);
        let (xml, texts) = open(&bytes);
        let (els, _) = parse(&xml);
        let ins: Vec<_> = els.iter().filter(|e| e.name == "w:ins").collect();
        let del: Vec<_> = els.iter().filter(|e| e.name == "w:del").collect();
        // Two words inserted, one paragraph inserted (runs and mark), one
        // paragraph deleted (runs and mark).
        assert_eq!((ins.len(), del.len()), (4, 2));
        for e in ins.iter().chain(&del) {
            assert_eq!(e.attr("w:author"), Some("Rev.1"));
            assert_eq!(e.attr("w:date"), Some("2024-03-01T09:00:00Z"));
        }
        let mut ids: Vec<_> = ins
            .iter()
            .chain(&del)
            .map(|e| e.attr("w:id").unwrap())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 6);
        assert!(xml.contains(
            "<w:delText xml:space=\"preserve\">Develop and use country-specific migration profiles.</w:delText>"
        ));
        assert!(xml.contains("<w:t xml:space=\"preserve\">improve and </w:t></w:r></w:ins>"));
        assert!(xml.contains(
            "<w:ins w:id=\"5\" w:author=\"Rev.1\" w:date=\"2024-03-01T09:00:00Z\"><w:r><w:t xml:space=\"preserve\">6.</w:t>"
        ));
        assert!(texts.contains("Summary: 1 added, 1 deleted, 2 changed, 1 moved, 11 unchanged"));
        assert!(texts.contains("[moved from paragraph 2]"));
        assert!(texts.contains("Changes from Zero draft (5 February 2024) to Rev.1 (1 March 2024)"));
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_the_rest_escaped() {
        let s = sample();
        let mut v = s.rev1.clone();
        v.text.find_mut(&w("p2")).unwrap().text =
            "a\u{7}b\u{0} <c> & \"d\"\u{1b}\tend\u{FFFE}".into();
        v.label = "R\u{8}ev. <2>".into();
        let (xml, texts) = open(&version(&s.process_title, &s.draft, &v));
        assert!(texts.contains("ab <c> & \"d\"end"));
        assert!(texts.contains("Rev. <2>"));
        assert!(xml.contains(
            "ab &lt;c&gt; &amp; \"d\"</w:t><w:tab/><w:t xml:space=\"preserve\">end</w:t>"
        ));
        for bad in ['\u{7}', '\u{0}', '\u{1b}', '\u{8}', '\u{FFFE}'] {
            assert!(!xml.contains(bad));
        }
    }
}
