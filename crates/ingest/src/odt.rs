//! ODT (OpenDocument text): `text:h` (with `text:outline-level`) and `text:p` of `content.xml`,
//! including those in lists, tables, frames and notes. Annotations, tracked deletions and note
//! citations are left out. Only `content.xml` is read.

use crate::archive::{self, attribute, Xml};
use crate::sink::{Sink, TextBuf};
use crate::{Format, IngestError};

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const MAX_NESTING: usize = 32;
pub(crate) const CONTENT: &str = "content.xml";

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let mut zip = archive::open(bytes, Format::Odt)?;
    if !zip.contains(CONTENT) {
        return Err(IngestError::Unreadable {
            format: Format::Odt,
            reason: format!("the archive has no {CONTENT}"),
        });
    }
    let mut stack: Vec<Paragraph> = Vec::new();
    // Inside elements whose text is never kept.
    let mut skip_depth = 0usize;
    let outcome = zip.read_xml(CONTENT, sink, |sink, event| match event {
        Xml::Start {
            ns,
            name,
            element,
            empty,
        } => {
            let skipped = match ns {
                Some(TEXT) => matches!(name, "tracked-changes" | "note-citation"),
                Some(OFFICE) => matches!(name, "annotation" | "annotation-end"),
                _ => false,
            };
            if skipped {
                if !empty {
                    skip_depth += 1;
                }
                return;
            }
            if skip_depth > 0 || ns != Some(TEXT) {
                return;
            }
            match name {
                "h" | "p" if !empty => {
                    let level = (name == "h").then(|| {
                        attribute(element, "outline-level")
                            .and_then(|v| v.trim().parse::<u32>().ok())
                            .map_or(1, |l| l.clamp(1, 6) as u8)
                    });
                    let level = level.or_else(|| {
                        attribute(element, "style-name")
                            .filter(|s| s == "Title")
                            .map(|_| 1)
                    });
                    if stack.len() < MAX_NESTING {
                        stack.push(Paragraph {
                            text: TextBuf::new(sink.buffer_cap()),
                            level,
                            nested_extra: 0,
                        });
                    } else if let Some(top) = stack.last_mut() {
                        top.nested_extra += 1;
                    }
                }
                "s" | "tab" => {
                    if let Some(top) = stack.last_mut() {
                        top.text.space();
                    }
                }
                "line-break" => {
                    if let Some(top) = stack.last_mut() {
                        top.text.line_break();
                    }
                }
                _ => {}
            }
        }
        Xml::End { ns, name } => {
            let skipped = match ns {
                Some(TEXT) => matches!(name, "tracked-changes" | "note-citation"),
                Some(OFFICE) => matches!(name, "annotation" | "annotation-end"),
                _ => false,
            };
            if skipped {
                skip_depth = skip_depth.saturating_sub(1);
                return;
            }
            if skip_depth > 0 || ns != Some(TEXT) {
                return;
            }
            if name == "h" || name == "p" {
                if let Some(top) = stack.last_mut() {
                    if top.nested_extra > 0 {
                        top.nested_extra -= 1;
                        top.text.space();
                        return;
                    }
                }
                if let Some(paragraph) = stack.pop() {
                    paragraph.emit(sink);
                }
            }
        }
        Xml::Text(text) => {
            if skip_depth == 0 {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(text);
                }
            }
        }
    })?;
    while let Some(paragraph) = stack.pop() {
        paragraph.emit(sink);
    }
    if let Some(outcome) = outcome {
        if let Some(reason) = outcome.malformed {
            if !sink.has_blocks() {
                return Err(IngestError::Unreadable {
                    format: Format::Odt,
                    reason: format!("{CONTENT} is not readable XML: {reason}"),
                });
            }
        }
    }
    Ok(())
}

struct Paragraph {
    text: TextBuf,
    level: Option<u8>,
    nested_extra: usize,
}

impl Paragraph {
    fn emit(mut self, sink: &mut Sink<'_>) {
        sink.push(self.level, &self.text.take());
    }
}
