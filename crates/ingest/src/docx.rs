//! DOCX (WordprocessingML): the paragraphs of `word/document.xml`; paragraphs whose style is a
//! heading (by the style's name in `word/styles.xml` — "heading 1", "Title" —, its outline
//! level, what it is based on, or else its id) become headings. Table cells and list items are
//! paragraphs; deleted text, field codes, the fallback copies of alternate content and the
//! former properties of tracked property changes are left out.
//!
//! Word's automatic list numbering is rendered as text, the way Word shows it: a paragraph
//! numbered through its own `w:numPr`, or its paragraph style's (also inherited through
//! `w:basedOn`), starts with its label and one space ("17. We commit …", "(a) Develop …"), from
//! the list definitions of `word/numbering.xml` and counters kept as Word keeps them (see
//! [`numbering`]). Bullets get no label, and a numbered paragraph without text gives no block
//! (its number is still counted). A missing or unreadable numbering part only costs the labels.
//! Only `word/styles.xml`, `word/numbering.xml` and `word/document.xml` are read.

mod numbering;

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
    let mut numbering = numbering::read(&mut zip, sink)?;

    let mut stack: Vec<Paragraph> = Vec::new();
    let mut in_text = false;
    let mut fallback_depth = 0usize;
    // Inside `w:pPrChange`: the paragraph's properties before a tracked change.
    let mut change_depth = 0usize;
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
            if name == "pPrChange" {
                if !empty {
                    change_depth += 1;
                }
                return;
            }
            if change_depth > 0 && name != "p" {
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
                "numId" | "ilvl" => {
                    if let Some(top) = stack.last_mut().filter(|top| top.nested_extra == 0) {
                        let value = attribute(element, "val")
                            .as_deref()
                            .and_then(numbering::number);
                        if name == "numId" {
                            top.num_id = value;
                        } else {
                            top.ilvl = value;
                        }
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
            if name == "pPrChange" {
                change_depth = change_depth.saturating_sub(1);
                return;
            }
            if change_depth > 0 && name != "p" {
                return;
            }
            match name {
                "t" => in_text = false,
                // The paragraph's properties are known: it is counted here, in document order
                // (before the paragraphs of its text boxes).
                "pPr" => {
                    if let Some(top) = stack.last_mut().filter(|top| top.nested_extra == 0) {
                        top.number(&styles, &mut numbering);
                    }
                }
                "p" => {
                    // A property change left open ends with its paragraph.
                    change_depth = 0;
                    if let Some(top) = stack.last_mut() {
                        if top.nested_extra > 0 {
                            top.nested_extra -= 1;
                            top.text.space();
                            return;
                        }
                    }
                    if let Some(paragraph) = stack.pop() {
                        paragraph.emit(&styles, &mut numbering, sink);
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
        paragraph.emit(&styles, &mut numbering, sink);
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
    /// `w:numPr/w:numId` and `w:numPr/w:ilvl` (None when absent or not a number).
    num_id: Option<u64>,
    ilvl: Option<u64>,
    /// Counted in its list (once, whether or not it has a label).
    numbered: bool,
    label: Option<String>,
    /// Paragraphs nested past `MAX_NESTING`, read into this one.
    nested_extra: usize,
}

impl Paragraph {
    fn new(cap: usize) -> Self {
        Paragraph {
            text: TextBuf::new(cap),
            style: None,
            outline: None,
            num_id: None,
            ilvl: None,
            numbered: false,
            label: None,
            nested_extra: 0,
        }
    }

    /// Counts the paragraph in its list, if it is in one (its own `w:numPr`, else its
    /// style's; `w:numId` 0 takes it out of its style's list), and keeps its label.
    fn number(&mut self, styles: &Styles, numbering: &mut numbering::Numbering) {
        if std::mem::replace(&mut self.numbered, true) {
            return;
        }
        let (style_num_id, style_ilvl) = self
            .style
            .as_deref()
            .map(|s| styles.numbering(s))
            .unwrap_or_default();
        let Some(num_id) = self.num_id.or(style_num_id) else {
            return;
        };
        let ilvl = self.ilvl.or(style_ilvl);
        self.label = numbering.label(
            num_id,
            ilvl,
            self.style.as_deref(),
            &styles.numbering_styles,
        );
    }

    fn emit(mut self, styles: &Styles, numbering: &mut numbering::Numbering, sink: &mut Sink<'_>) {
        self.number(styles, numbering);
        let level = self
            .outline
            .and_then(outline_to_level)
            .or_else(|| self.style.as_deref().and_then(|s| styles.heading_level(s)));
        let text = self.text.take();
        let text = match self.label.take() {
            Some(label) if !text.is_empty() => format!("{label} {text}"),
            _ => text,
        };
        sink.push(level, &text);
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
    /// `w:pPr/w:numPr`: the list the style's paragraphs are in.
    num_id: Option<u64>,
    ilvl: Option<u64>,
}

#[derive(Default)]
struct Styles {
    /// Paragraph styles.
    by_id: HashMap<String, Style>,
    /// Numbering styles (`w:type="numbering"`), to the `w:numId` of their list.
    numbering_styles: HashMap<String, u64>,
}

impl Styles {
    /// The `w:numId` and `w:ilvl` a paragraph style gives, each from the style or the nearest
    /// style it is based on that has it.
    fn numbering(&self, id: &str) -> (Option<u64>, Option<u64>) {
        let (mut num_id, mut ilvl) = (None, None);
        let mut id = id;
        for _ in 0..10 {
            let Some(style) = self.by_id.get(id) else {
                break;
            };
            num_id = num_id.or(style.num_id);
            ilvl = ilvl.or(style.ilvl);
            match &style.based_on {
                Some(parent) if num_id.is_none() || ilvl.is_none() => id = parent,
                _ => break,
            }
        }
        (num_id, ilvl)
    }

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
    // The style being read, and whether it is a numbering style (else a paragraph style).
    let mut current: Option<(String, Style, bool)> = None;
    let mut in_change = 0usize;
    zip.read_xml(STYLES, sink, |_, event| match event {
        Xml::Start {
            ns,
            name,
            element,
            empty,
        } if is_w(ns) => match name {
            "style" => {
                styles.keep(current.take());
                let kind = attribute(element, "type");
                let numbering = kind.as_deref() == Some("numbering");
                if kind.is_none_or(|t| t == "paragraph") || numbering {
                    if let Some(id) = attribute(element, "styleId") {
                        current = Some((id, Style::default(), numbering));
                    }
                }
            }
            "pPrChange" if !empty => in_change += 1,
            _ if in_change > 0 => {}
            "numId" | "ilvl" => {
                if let Some((_, style, _)) = current.as_mut() {
                    let value = attribute(element, "val")
                        .as_deref()
                        .and_then(numbering::number);
                    if name == "numId" {
                        style.num_id = value;
                    } else {
                        style.ilvl = value;
                    }
                }
            }
            "name" => {
                if let Some((_, style, _)) = current.as_mut() {
                    style.name = attribute(element, "val");
                }
            }
            "basedOn" => {
                if let Some((_, style, _)) = current.as_mut() {
                    style.based_on = attribute(element, "val");
                }
            }
            "outlineLvl" => {
                if let Some((_, style, _)) = current.as_mut() {
                    style.outline = attribute(element, "val").and_then(|v| v.parse().ok());
                }
            }
            _ => {}
        },
        Xml::End { ns, name } if is_w(ns) && name == "pPrChange" => {
            in_change = in_change.saturating_sub(1);
        }
        Xml::End { ns, name } if is_w(ns) && name == "style" => {
            styles.keep(current.take());
            in_change = 0;
        }
        _ => {}
    })?;
    // A style sheet cut short still gives what it has; its diagnostic is already given.
    styles.keep(current.take());
    Ok(styles)
}

impl Styles {
    fn keep(&mut self, style: Option<(String, Style, bool)>) {
        match style {
            Some((id, style, true)) => {
                if let Some(num_id) = style.num_id {
                    self.numbering_styles.insert(id, num_id);
                }
            }
            Some((id, style, false)) => {
                self.by_id.insert(id, style);
            }
            None => {}
        }
    }
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
                ..Style::default()
            },
        );
        styles.by_id.insert(
            "Berschrift2".into(),
            Style {
                name: Some("heading 2".into()),
                based_on: None,
                outline: None,
                ..Style::default()
            },
        );
        styles.by_id.insert(
            "Loop".into(),
            Style {
                name: None,
                based_on: Some("Loop".into()),
                outline: None,
                ..Style::default()
            },
        );
        assert_eq!(styles.heading_level("Chapter"), Some(2));
        assert_eq!(styles.heading_level("Loop"), None);
        assert_eq!(styles.heading_level("Heading4"), Some(4));
    }
}
