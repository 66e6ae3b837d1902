//! DOCX (WordprocessingML): the paragraphs of `word/document.xml`; paragraphs whose style is a
//! heading (by the style's name in `word/styles.xml` — "heading 1", "Title" —, its outline
//! level, what it is based on, or else its id) become headings. Table cells and list items are
//! paragraphs; deleted text, field codes and the fallback copies of alternate content are left
//! out. Only `word/styles.xml` and `word/document.xml` are read.

use std::collections::HashMap;

use crate::archive::{self, attribute, Xml};
use crate::sink::{Sink, TextBuf};
use crate::{Format, IngestError};

const W: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Paragraphs nested in paragraphs (text boxes) deeper than this are read as part of their
/// parent.
const MAX_NESTING: usize = 32;

pub(crate) const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";

fn is_w(ns: Option<&str>) -> bool {
    ns.is_some_and(|ns| W.contains(&ns))
}

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let mut zip = archive::open(bytes, Format::Docx)?;
    if !zip.contains(DOCUMENT) {
        return Err(IngestError::Unreadable {
            format: Format::Docx,
            reason: format!("the archive has no {DOCUMENT}"),
        });
    }
    let styles = read_styles(&mut zip, sink)?;

    let mut stack: Vec<Paragraph> = Vec::new();
    let mut in_text = false;
    let mut fallback_depth = 0usize;
    let outcome = zip.read_xml(DOCUMENT, sink, |sink, event| match event {
        Xml::Start {
            ns,
            name,
            element,
            empty,
        } => {
            if ns == Some(MC) && name == "Fallback" {
                if !empty {
                    fallback_depth += 1;
                }
                return;
            }
            if fallback_depth > 0 || !is_w(ns) {
                return;
            }
            match name {
                "p" if !empty => {
                    if stack.len() < MAX_NESTING {
                        stack.push(Paragraph::new(sink.buffer_cap()));
                    } else if let Some(top) = stack.last_mut() {
                        top.nested_extra += 1;
                    }
                }
                "pStyle" => {
                    if let Some(top) = stack.last_mut() {
                        top.style = attribute(element, "val");
                    }
                }
                "outlineLvl" => {
                    if let Some(top) = stack.last_mut() {
                        top.outline = attribute(element, "val").and_then(|v| v.parse().ok());
                    }
                }
                "t" => in_text = !empty,
                "tab" | "ptab" => {
                    if let Some(top) = stack.last_mut() {
                        top.text.space();
                    }
                }
                "br" | "cr" => {
                    if let Some(top) = stack.last_mut() {
                        top.text.line_break();
                    }
                }
                "noBreakHyphen" => {
                    if let Some(top) = stack.last_mut() {
                        top.text.push('-');
                    }
                }
                _ => {}
            }
        }
        Xml::End { ns, name } => {
            if ns == Some(MC) && name == "Fallback" {
                fallback_depth = fallback_depth.saturating_sub(1);
                return;
            }
            if fallback_depth > 0 || !is_w(ns) {
                return;
            }
            match name {
                "t" => in_text = false,
                "p" => {
                    if let Some(top) = stack.last_mut() {
                        if top.nested_extra > 0 {
                            top.nested_extra -= 1;
                            top.text.space();
                            return;
                        }
                    }
                    if let Some(paragraph) = stack.pop() {
                        paragraph.emit(&styles, sink);
                    }
                }
                _ => {}
            }
        }
        Xml::Text(text) => {
            if in_text && fallback_depth == 0 {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(text);
                }
            }
        }
    })?;
    // Paragraphs left open by a document cut short.
    while let Some(paragraph) = stack.pop() {
        paragraph.emit(&styles, sink);
    }
    if let Some(outcome) = outcome {
        if let Some(reason) = outcome.malformed {
            if !sink.has_blocks() {
                return Err(IngestError::Unreadable {
                    format: Format::Docx,
                    reason: format!("{DOCUMENT} is not readable XML: {reason}"),
                });
            }
        }
    }
    Ok(())
}

struct Paragraph {
    text: TextBuf,
    style: Option<String>,
    outline: Option<u8>,
    /// Paragraphs nested past `MAX_NESTING`, read into this one.
    nested_extra: usize,
}

impl Paragraph {
    fn new(cap: usize) -> Self {
        Paragraph {
            text: TextBuf::new(cap),
            style: None,
            outline: None,
            nested_extra: 0,
        }
    }

    fn emit(mut self, styles: &Styles, sink: &mut Sink<'_>) {
        let level = self
            .outline
            .and_then(outline_to_level)
            .or_else(|| self.style.as_deref().and_then(|s| styles.heading_level(s)));
        sink.push(level, &self.text.take());
    }
}

/// `w:outlineLvl` counts from 0; 9 is body text.
fn outline_to_level(outline: u8) -> Option<u8> {
    (outline < 9).then(|| (outline + 1).min(6))
}

#[derive(Default)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn heading_level(&self, id: &str) -> Option<u8> {
        let mut id = id;
        for _ in 0..10 {
            let Some(style) = self.by_id.get(id) else {
                return level_from_name(id);
            };
            if let Some(level) = style.name.as_deref().and_then(level_from_name) {
                return Some(level);
            }
            if let Some(level) = style.outline.and_then(outline_to_level) {
                return Some(level);
            }
            match &style.based_on {
                Some(parent) => id = parent,
                None => return level_from_name(id),
            }
        }
        None
    }
}

/// "heading 1", "Heading1", "Title" (any case, with or without the space).
fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let rest = lower.strip_prefix("heading")?.trim_start();
    let level: u8 = rest.parse().ok()?;
    (1..=9).contains(&level).then(|| level.min(6))
}

fn read_styles(zip: &mut archive::Archive<'_>, sink: &mut Sink<'_>) -> Result<Styles, IngestError> {
    let mut styles = Styles::default();
    let mut current: Option<(String, Style)> = None;
    let mut in_paragraph_style = false;
    zip.read_xml(STYLES, sink, |_, event| match event {
        Xml::Start {
            ns, name, element, ..
        } if is_w(ns) => match name {
            "style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
                in_paragraph_style = attribute(element, "type").is_none_or(|t| t == "paragraph");
                if in_paragraph_style {
                    if let Some(id) = attribute(element, "styleId") {
                        current = Some((id, Style::default()));
                    }
                }
            }
            "name" => {
                if let Some((_, style)) = current.as_mut() {
                    style.name = attribute(element, "val");
                }
            }
            "basedOn" => {
                if let Some((_, style)) = current.as_mut() {
                    style.based_on = attribute(element, "val");
                }
            }
            "outlineLvl" => {
                if let Some((_, style)) = current.as_mut() {
                    style.outline = attribute(element, "val").and_then(|v| v.parse().ok());
                }
            }
            _ => {}
        },
        Xml::End { ns, name } if is_w(ns) && name == "style" => {
            if let Some((id, style)) = current.take() {
                styles.by_id.insert(id, style);
            }
        }
        _ => {}
    })?;
    // A style sheet cut short still gives what it has; its diagnostic is already given.
    if let Some((id, style)) = current.take() {
        styles.by_id.insert(id, style);
    }
    Ok(styles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(level_from_name("heading 1"), Some(1));
        assert_eq!(level_from_name("Heading3"), Some(3));
        assert_eq!(level_from_name("heading 8"), Some(6));
        assert_eq!(level_from_name("Title"), Some(1));
        assert_eq!(level_from_name("Normal"), None);
        assert_eq!(level_from_name("heading 0"), None);
        assert_eq!(level_from_name("heading"), None);
    }

    #[test]
    fn styles_follow_based_on_without_looping() {
        let mut styles = Styles::default();
        styles.by_id.insert(
            "Chapter".into(),
            Style {
                name: Some("Chapter".into()),
                based_on: Some("Berschrift2".into()),
                outline: None,
            },
        );
        styles.by_id.insert(
            "Berschrift2".into(),
            Style {
                name: Some("heading 2".into()),
                based_on: None,
                outline: None,
            },
        );
        styles.by_id.insert(
            "Loop".into(),
            Style {
                name: None,
                based_on: Some("Loop".into()),
                outline: None,
            },
        );
        assert_eq!(styles.heading_level("Chapter"), Some(2));
        assert_eq!(styles.heading_level("Loop"), None);
        assert_eq!(styles.heading_level("Heading4"), Some(4));
    }
}
