//! Import of a version from an outline of lines (Markdown, or the paragraphs
//! of a DOCX laid out as UN drafts are), and export to Markdown.
//!
//! # The Markdown format
//!
//! Blocks are separated by blank lines; a block's first line says what it
//! is, and its other lines are joined to it with a space.
//!
//! ```text
//! # Global Compact for Safe, Orderly and Regular Migration     ← the title
//!
//! ## Preamble {#pre}                                            ← a section
//!
//! 1. We, the Heads of State and Government … {#p1}             ← a numbered paragraph
//!
//! ## Objectives and commitments
//!
//! ### Objective 1: Collect and utilize accurate data {#obj1}   ← an objective
//!
//! 17. We commit to:                                             ← a paragraph with a chapeau
//!
//!     (a) Elaborate and implement a strategy … {#p17a}          ← a lettered sub-paragraph
//! ```
//!
//! Numbers and letters in the file are read but not kept: a version numbers
//! its paragraphs itself, from their places. `{#id}` at the end of a line
//! gives the node's stable identity (its `wId`); [`to_markdown`] writes it on
//! every node, so an exported version imports back identical. A node without
//! one is matched to the most similar node of the same kind in the previous
//! version (so a renumbered paragraph keeps its identity), or gets a new one.
//! "Objective 3: …" is recognised with or without `###`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::text::{DraftText, Node, NodeKind, Wid};
use super::NegotiationError;

/// One line (Markdown) or one paragraph (DOCX) of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineLine {
    /// 1-based line or paragraph number, for diagnostics.
    pub line: usize,
    /// Heading level (1 = title) when the source marks it as a heading.
    pub heading: Option<u8>,
    pub text: String,
}

/// Something the importer could not read as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = ImportDiagnostic))]
pub struct Diagnostic {
    pub line: usize,
    pub message: String,
}

/// What an import recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub text: DraftText,
    pub diagnostics: Vec<Diagnostic>,
    pub sections: usize,
    pub objectives: usize,
    pub paragraphs: usize,
    pub subparagraphs: usize,
}

/// The most lines (paragraphs) one import reads.
const MAX_LINES: usize = 200_000;

/// The title of a Markdown source that holds a title line (`# …`) and
/// nothing else: a draft resolution whose wording is not recorded is known
/// by its title (its symbol is the draft's). `None` for anything else.
pub fn title_only(source: &str) -> Option<String> {
    let mut lines = source.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next()?.strip_prefix("# ")?.trim();
    (lines.next().is_none() && !title.is_empty()).then(|| title.to_owned())
}

/// Reads the Markdown format above. `previous` is the version the new one
/// follows, to keep identities of nodes that carry no `{#id}`.
pub fn from_markdown(
    source: &str,
    previous: Option<&DraftText>,
) -> Result<Imported, NegotiationError> {
    let mut lines: Vec<OutlineLine> = Vec::new();
    let mut block: Option<OutlineLine> = None;
    for (i, raw) in source.lines().enumerate().take(MAX_LINES) {
        let line = raw.trim();
        if line.is_empty() {
            lines.extend(block.take());
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let heading = (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
        match block.as_mut() {
            // A heading always starts a block of its own.
            Some(b) if !heading && b.heading.is_none() && !starts_new_block(line) => {
                b.text.push(' ');
                b.text.push_str(line);
            }
            _ => {
                lines.extend(block.take());
                block = Some(OutlineLine {
                    line: i + 1,
                    heading: heading.then_some(hashes as u8),
                    text: if heading {
                        line[hashes..].trim().to_owned()
                    } else {
                        line.to_owned()
                    },
                });
            }
        }
    }
    lines.extend(block);
    from_outline(&lines, previous)
}

/// A line that starts a paragraph, sub-paragraph or objective even without
/// a blank line before it.
fn starts_new_block(line: &str) -> bool {
    paragraph_number(line).is_some() || sub_letter(line).is_some() || objective(line).is_some()
}

/// "17. text" → (17, "text").
fn paragraph_number(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = line[digits..].strip_prefix('.')?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((line[..digits].parse().ok()?, rest.trim()))
}

/// "(c) text" → ("c", "text").
fn sub_letter(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('(')?;
    let close = rest.find(')')?;
    let label = &rest[..close];
    let ok = (1..=4).contains(&label.len())
        && label.bytes().all(|b| b.is_ascii_lowercase())
        && label.bytes().all(|b| b == label.as_bytes()[0]);
    let after = &rest[close + 1..];
    (ok && after.starts_with(char::is_whitespace)).then(|| (label, after.trim()))
}

/// The word for an objective in the six UN languages (a translation keeps
/// its objectives): Objective, Objectif, Objetivo, Цель, الهدف, 目标.
const OBJECTIVE_WORDS: &[&str] = &["objective", "objectif", "objetivo", "цель", "الهدف", "目标"];

/// "Objective 3: title" (also "Objective 3. title", "Objective 3 – title",
/// and the same in the other UN languages: "Objectif 3 : titre", "目标3：…").
fn objective(line: &str) -> Option<(u32, &str)> {
    let lower = line.chars().take(12).collect::<String>().to_lowercase();
    let word = OBJECTIVE_WORDS.iter().find(|w| lower.starts_with(*w))?;
    // The same number of characters in the line (lowercasing keeps them).
    let cut = line.char_indices().nth(word.chars().count())?.0;
    let rest = line[cut..].trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number = rest[..digits].parse().ok()?;
    let title = rest[digits..]
        .trim_start()
        .trim_start_matches([':', '.', '-', '–', '—', '：'])
        .trim();
    Some((number, title))
}

/// Splits a trailing ` {#wid}` off a line.
fn explicit_wid(text: &str) -> (&str, Option<&str>) {
    if let Some(open) = text.rfind("{#") {
        if text.ends_with('}') {
            let id = &text[open + 2..text.len() - 1];
            if !id.is_empty() && Wid::new(id).is_ok() {
                return (text[..open].trim_end(), Some(id));
            }
        }
    }
    (text, None)
}

/// Where the recogniser is: indices into the tree being built.
#[derive(Default)]
struct Cursor {
    section: Option<usize>,
    objective: Option<usize>,
    paragraph: Option<usize>,
    /// The last node built (for joining unnumbered paragraphs).
    last: Option<Vec<usize>>,
}

/// Recognises a draft in `lines`: headings are the title (level 1, or the
/// first line when there is none) and sections; "Objective N:" lines are
/// objectives; "N." lines are paragraphs; "(a)" lines are sub-paragraphs.
/// Anything else is joined to the node before it, with a diagnostic.
pub fn from_outline(
    lines: &[OutlineLine],
    previous: Option<&DraftText>,
) -> Result<Imported, NegotiationError> {
    let mut text = DraftText::default();
    let mut diagnostics = Vec::new();
    let mut explicit: Vec<(Vec<usize>, String)> = Vec::new();
    let mut cur = Cursor::default();
    let mut last_number: Option<u32> = None;
    let mut counts = (0, 0, 0, 0);
    let mut section_lines: Vec<(usize, usize)> = Vec::new();
    let diag = |d: &mut Vec<Diagnostic>, line: usize, message: String| {
        if d.len() < 1_000 {
            d.push(Diagnostic { line, message });
        }
    };

    for line in lines {
        let (body, id) = explicit_wid(line.text.trim());
        if body.is_empty() {
            continue;
        }
        let placeholder = || Wid::new("x").expect("valid");
        // Titles.
        if text.title.is_empty()
            && (line.heading == Some(1)
                || (line.heading.is_none() && !starts_new_block(body) && text.nodes.is_empty()))
        {
            text.title = body.to_owned();
            continue;
        }
        let path: Vec<usize>;
        if let Some((_, title)) = objective(body) {
            let mut node = Node::new(placeholder(), NodeKind::Objective);
            node.heading = title.to_owned();
            let list = match cur.section {
                Some(s) => &mut text.nodes[s].children,
                None => &mut text.nodes,
            };
            list.push(node);
            let i = list.len() - 1;
            path = match cur.section {
                Some(s) => vec![s, i],
                None => vec![i],
            };
            cur.objective = Some(i);
            cur.paragraph = None;
            counts.1 += 1;
        } else if line.heading.is_some() {
            let mut node = Node::new(placeholder(), NodeKind::Section);
            node.heading = body.to_owned();
            text.nodes.push(node);
            let i = text.nodes.len() - 1;
            section_lines.push((i, line.line));
            path = vec![i];
            cur.section = Some(i);
            cur.objective = None;
            cur.paragraph = None;
            counts.0 += 1;
        } else if let Some((number, words)) = paragraph_number(body) {
            if let Some(before) = last_number {
                if number != before + 1 {
                    diag(&mut diagnostics, line.line, format!("paragraph {number} follows paragraph {before}; paragraphs are renumbered in order"));
                }
            }
            last_number = Some(number);
            let mut node = Node::new(placeholder(), NodeKind::Paragraph);
            node.text = words.to_owned();
            let mut base: Vec<usize> = Vec::new();
            let list = match (cur.section, cur.objective) {
                (Some(s), Some(o)) => {
                    base = vec![s, o];
                    &mut text.nodes[s].children[o].children
                }
                (Some(s), None) => {
                    base = vec![s];
                    &mut text.nodes[s].children
                }
                (None, Some(o)) => {
                    base = vec![o];
                    &mut text.nodes[o].children
                }
                (None, None) => &mut text.nodes,
            };
            list.push(node);
            let i = list.len() - 1;
            base.push(i);
            path = base;
            cur.paragraph = Some(i);
            counts.2 += 1;
        } else if let Some((_, words)) = sub_letter(body) {
            let Some(parent) = cur.paragraph.map(|p| {
                let mut base = [cur.section, cur.objective]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>();
                base.push(p);
                base
            }) else {
                diag(
                    &mut diagnostics,
                    line.line,
                    "a lettered sub-paragraph before any numbered paragraph was left out".into(),
                );
                continue;
            };
            let mut node = Node::new(placeholder(), NodeKind::Subparagraph);
            node.text = words.to_owned();
            let p = node_at(&mut text.nodes, &parent);
            p.children.push(node);
            let mut base = parent;
            base.push(p.children.len() - 1);
            path = base;
            counts.3 += 1;
        } else {
            match cur.last.clone() {
                Some(last) if is_paragraph_like(&text.nodes, &last) => {
                    let n = node_at(&mut text.nodes, &last);
                    n.text.push(' ');
                    n.text.push_str(body);
                    diag(&mut diagnostics, line.line, format!("an unnumbered paragraph was joined to the one before it: \"{}\"", preview(body)));
                }
                _ => diag(&mut diagnostics, line.line, format!("not recognised and left out (not a heading, \"Objective N:\", \"N.\" or \"(a)\"): \"{}\"", preview(body))),
            }
            continue;
        }
        if let Some(id) = id {
            explicit.push((path.clone(), id.to_owned()));
        }
        cur.last = Some(path);
    }

    if counts.2 == 0 && counts.1 == 0 {
        return Err(NegotiationError::NothingRecognised(
            "no numbered paragraphs (\"1.\") or objectives (\"Objective 1:\") were found".into(),
        ));
    }
    // A heading with nothing under it (a letterhead, a running title) is no
    // section of the draft.
    for &(i, line) in section_lines.iter().rev() {
        if text.nodes[i].children.is_empty() {
            let heading = text.nodes.remove(i).heading;
            explicit.retain(|(path, _)| path[0] != i);
            for (path, _) in &mut explicit {
                if path[0] > i {
                    path[0] -= 1;
                }
            }
            counts.0 -= 1;
            diag(
                &mut diagnostics,
                line,
                format!(
                    "a heading with nothing under it was left out: \"{}\"",
                    preview(&heading)
                ),
            );
        }
    }
    diagnostics.sort_by_key(|d| d.line);
    if text.title.is_empty() {
        text.title = "Untitled draft".into();
        diag(
            &mut diagnostics,
            1,
            "no title was found; the draft is called \"Untitled draft\"".into(),
        );
    }
    // Paragraphs with sub-paragraphs may have an empty chapeau; others need words.
    assign_wids(&mut text, &explicit, previous)?;
    text.validate()?;
    Ok(Imported {
        text,
        diagnostics,
        sections: counts.0,
        objectives: counts.1,
        paragraphs: counts.2,
        subparagraphs: counts.3,
    })
}

fn preview(s: &str) -> String {
    let mut p: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        p.push('…');
    }
    p
}

fn node_at<'a>(nodes: &'a mut [Node], path: &[usize]) -> &'a mut Node {
    let (first, rest) = path.split_first().expect("a path has a first step");
    let mut node = &mut nodes[*first];
    for &i in rest {
        node = &mut node.children[i];
    }
    node
}

fn is_paragraph_like(nodes: &[Node], path: &[usize]) -> bool {
    let mut node = &nodes[path[0]];
    for &i in &path[1..] {
        node = &node.children[i];
    }
    matches!(node.kind, NodeKind::Paragraph | NodeKind::Subparagraph)
}

/// Gives every node its wId: the explicit ones first; then, for the others,
/// the most similar unclaimed node of the same kind in `previous` (at least
/// half their words in common); else a fresh one never used in `previous`.
fn assign_wids(
    text: &mut DraftText,
    explicit: &[(Vec<usize>, String)],
    previous: Option<&DraftText>,
) -> Result<(), NegotiationError> {
    let mut paths: Vec<Vec<usize>> = Vec::new();
    fn collect(nodes: &[Node], base: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, n) in nodes.iter().enumerate() {
            base.push(i);
            out.push(base.clone());
            collect(&n.children, base, out);
            base.pop();
        }
    }
    collect(&text.nodes, &mut Vec::new(), &mut paths);
    let mut assigned: Vec<Option<Wid>> = vec![None; paths.len()];
    let mut used: HashSet<String> = HashSet::new();
    for (path, id) in explicit {
        let i = paths.iter().position(|p| p == path).expect("a built node");
        if !used.insert(id.clone()) {
            return Err(NegotiationError::DuplicateWid(id.clone()));
        }
        assigned[i] = Some(Wid::new(id.as_str())?);
    }
    let mut taken: HashSet<String> = used.clone();
    if let Some(prev) = previous {
        taken.extend(prev.iter().map(|n| n.wid.as_str().to_owned()));
        // Candidates by kind, with their word sets.
        let old: Vec<(&Node, HashSet<String>)> = prev
            .iter()
            .filter(|n| !used.contains(n.wid.as_str()))
            .map(|n| (n, word_set(&n.own_words())))
            .collect();
        let mut claimed: HashSet<usize> = HashSet::new();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            if assigned[i].is_some() {
                continue;
            }
            let node = node_at(&mut text.nodes, path);
            let mine = word_set(&node.own_words());
            for (j, (candidate, theirs)) in old.iter().enumerate() {
                if candidate.kind != node.kind {
                    continue;
                }
                let common = mine.intersection(theirs).count() as f64;
                let all = mine.union(theirs).count().max(1) as f64;
                let score = common / all;
                if score >= 0.5 {
                    pairs.push((score, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i, j) in pairs {
            if assigned[i].is_none() && claimed.insert(j) {
                assigned[i] = Some(old[j].0.wid.clone());
                used.insert(old[j].0.wid.as_str().to_owned());
            }
        }
    }
    for (i, path) in paths.iter().enumerate() {
        let node = node_at(&mut text.nodes, path);
        let wid = match assigned[i].take() {
            Some(w) => w,
            None => {
                let prefix = match node.kind {
                    NodeKind::Section => "sec",
                    NodeKind::Objective => "obj",
                    NodeKind::Paragraph => "para",
                    NodeKind::Subparagraph => "sub",
                };
                let fresh = (1..)
                    .map(|k| format!("{prefix}{k}"))
                    .find(|w| !taken.contains(w))
                    .expect("an unused name exists");
                taken.insert(fresh.clone());
                Wid::new(fresh)?
            }
        };
        node.wid = wid;
    }
    Ok(())
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Writes `text` in the Markdown format, every node with its `{#wid}`.
pub fn to_markdown(text: &DraftText) -> String {
    let mut out = format!("# {}\n", text.title);
    for placed in text.placed() {
        let node = text.find(&placed.wid).expect("placed from the text");
        out.push('\n');
        match node.kind {
            NodeKind::Section => out.push_str(&format!("## {} {{#{}}}\n", node.heading, node.wid)),
            NodeKind::Objective => out.push_str(&format!(
                "### {}: {} {{#{}}}\n",
                placed.num, node.heading, node.wid
            )),
            NodeKind::Paragraph => {
                out.push_str(&format!("{} {} {{#{}}}\n", placed.num, node.text, node.wid));
            }
            NodeKind::Subparagraph => out.push_str(&format!(
                "    {} {} {{#{}}}\n",
                placed.num, node.text, node.wid
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::sample;
    use super::*;

    #[test]
    fn markdown_round_trips() {
        let text = sample();
        let md = to_markdown(&text);
        let back = from_markdown(&md, None).unwrap();
        assert_eq!(back.text, text);
        assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        assert_eq!(
            (
                back.sections,
                back.objectives,
                back.paragraphs,
                back.subparagraphs
            ),
            (2, 1, 2, 2)
        );
    }

    #[test]
    fn reads_a_un_layout_and_says_what_it_could_not() {
        let source = "Draft compact\n\nPreamble\n\n1. We adopt.\n\nObjective 1: Data\n\n3. We commit to:\n(a) collect;\n(b) share.\nan orphan line\n";
        let imported = from_outline(
            &source
                .split('\n')
                .enumerate()
                .filter(|(_, l)| !l.is_empty())
                .map(|(i, l)| OutlineLine {
                    line: i + 1,
                    heading: None,
                    text: l.into(),
                })
                .collect::<Vec<_>>(),
            None,
        )
        .unwrap();
        assert_eq!(imported.text.title, "Draft compact");
        assert_eq!(
            (
                imported.objectives,
                imported.paragraphs,
                imported.subparagraphs
            ),
            (1, 2, 2)
        );
        let messages: Vec<&str> = imported
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("not recognised") && m.contains("Preamble")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("paragraph 3 follows paragraph 1")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("joined")),
            "{messages:?}"
        );
    }

    #[test]
    fn identities_follow_the_previous_version_when_renumbered() {
        let first = from_markdown(
            "# T\n\n1. Safe migration for all.\n\n2. Orderly borders and data.\n",
            None,
        )
        .unwrap()
        .text;
        // A paragraph is inserted first: the others are renumbered but keep their identity.
        let second = from_markdown("# T\n\n1. A new opening paragraph here.\n\n2. Safe migration for all people.\n\n3. Orderly borders and data.\n", Some(&first)).unwrap().text;
        let ids = |t: &DraftText| {
            t.iter()
                .map(|n| n.wid.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        let (a, b) = (ids(&first), ids(&second));
        assert_eq!(b[1], a[0]);
        assert_eq!(b[2], a[1]);
        assert!(!a.contains(&b[0]), "a new paragraph gets a new identity");
    }

    #[test]
    fn hostile_input_is_refused_or_read_partly() {
        for bad in [
            "",
            "# Only a title\n",
            "just words\nand more words",
            "((((((((",
            "\u{0}\u{0}#\u{FEFF}",
        ] {
            assert_eq!(
                from_markdown(bad, None).unwrap_err().kind(),
                "no_numbering",
                "{bad:?}"
            );
        }
        let dup = from_markdown("# T\n\n1. a {#p1}\n\n2. b {#p1}\n", None).unwrap_err();
        assert_eq!(dup.kind(), "duplicate_wid");
        let long = format!("# T\n\n1. {}\n", "word ".repeat(10_000));
        assert_eq!(
            from_markdown(&long, None).unwrap_err().kind(),
            "bad_structure"
        );
    }

    #[test]
    fn a_title_alone_is_read_as_such() {
        assert_eq!(
            title_only("\n# Draft resolution A/73/L.66\n\n").as_deref(),
            Some("Draft resolution A/73/L.66")
        );
        assert_eq!(title_only("# A title\n\n1. A paragraph.\n"), None);
        assert_eq!(title_only("1. A paragraph.\n"), None);
        assert_eq!(title_only("#   \n"), None);
        assert_eq!(title_only(""), None);
    }
}
