//! PDF: the text of each page with lopdf. A page that cannot be read is a
//! `pdf_page_unreadable` warning and reading goes on; damaged cross-reference data is repaired
//! by lopdf's lenient loading (`pdf_xref_repaired`). Lines come from the text positioning
//! operators; a vertical gap well over the font size makes a blank line, and paragraphs are
//! split on blank lines, page by page.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::content::Content;
use lopdf::xref::XrefRecovery;
use lopdf::{Document, Encoding, LoadOptions, Object, ObjectId};

use crate::sink::Sink;
use crate::{Diagnostic, Format, IngestError};

/// A vertical move of more than this many font sizes starts a new paragraph.
const PARAGRAPH_GAP: f32 = 1.6;
/// A TJ adjustment beyond this (thousandths of an em) is a space between words.
const WORD_GAP: f32 = 200.0;

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let max_stream = usize::try_from(sink.limits.max_uncompressed).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(max_stream),
        ..LoadOptions::default()
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| {
        Document::load_mem_with_options(bytes, options)
    }));
    let document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(error)) => {
            return Err(IngestError::Unreadable {
                format: Format::Pdf,
                reason: error.to_string(),
            })
        }
        Err(_) => {
            return Err(IngestError::Unreadable {
                format: Format::Pdf,
                reason: "the PDF parser failed on this file".into(),
            })
        }
    };
    sink.check_deadline()?;
    if document.is_encrypted() {
        return Err(IngestError::Unreadable {
            format: Format::Pdf,
            reason: "the PDF is encrypted".into(),
        });
    }
    match document.xref_recovery {
        Some(XrefRecovery::OffsetCorrected) => sink.diagnostic(Diagnostic::warning(
            "pdf_xref_repaired",
            "the cross-reference table pointed to wrong places and was corrected",
        )),
        Some(_) => sink.incomplete(Diagnostic::warning(
            "pdf_xref_repaired",
            "the cross-reference table was damaged and was rebuilt by scanning the file; \
             some objects may be missing",
        )),
        None => {}
    }

    let pages: Vec<ObjectId> =
        catch_unwind(AssertUnwindSafe(|| document.page_iter().collect())).unwrap_or_default();
    if pages.is_empty() {
        return Err(IngestError::Unreadable {
            format: Format::Pdf,
            reason: "no pages could be found".into(),
        });
    }
    let mut unreadable = 0usize;
    for (index, page_id) in pages.iter().enumerate() {
        sink.check_deadline()?;
        if sink.is_full() {
            break;
        }
        let number = index + 1;
        let read = catch_unwind(AssertUnwindSafe(|| {
            page_text(&document, *page_id, max_stream, sink)
        }));
        match read {
            Ok(Ok(page)) => {
                if page.undecoded > 0 || page.errors > 0 {
                    sink.incomplete(Diagnostic::warning(
                        "pdf_text_partial",
                        format!("page {number}: some text could not be decoded"),
                    ));
                }
                crate::text::paragraphs(&page.text, sink)?;
            }
            Ok(Err(PageError::TimedOut(error))) => return Err(error),
            Ok(Err(PageError::Pdf(reason))) => {
                unreadable += 1;
                sink.incomplete(Diagnostic::warning(
                    "pdf_page_unreadable",
                    format!("page {number} could not be read: {reason}"),
                ));
            }
            Err(_) => {
                unreadable += 1;
                sink.incomplete(Diagnostic::warning(
                    "pdf_page_unreadable",
                    format!("page {number} could not be read: the PDF parser failed"),
                ));
            }
        }
    }
    if unreadable == pages.len() {
        return Err(IngestError::Unreadable {
            format: Format::Pdf,
            reason: format!("none of its {} pages could be read", pages.len()),
        });
    }
    Ok(())
}

enum PageError {
    TimedOut(IngestError),
    Pdf(String),
}

impl From<lopdf::Error> for PageError {
    fn from(error: lopdf::Error) -> Self {
        PageError::Pdf(error.to_string())
    }
}

struct PageText {
    text: String,
    /// Strings shown in a font whose encoding is unknown.
    undecoded: usize,
    /// Strings that failed to decode.
    errors: usize,
}

/// The text of one page, with `\n` between lines and `\n\n` between paragraphs.
fn page_text(
    document: &Document,
    page_id: ObjectId,
    max_stream: usize,
    sink: &mut Sink<'_>,
) -> Result<PageText, PageError> {
    let fonts = document.get_page_fonts(page_id)?;
    let mut encodings: BTreeMap<Vec<u8>, Encoding<'_>> = BTreeMap::new();
    for (name, font) in fonts {
        sink.tick().map_err(PageError::TimedOut)?;
        if let Ok(encoding) = font.get_font_encoding_with_limit(document, max_stream) {
            encodings.insert(name, encoding);
        }
    }
    let data = document.get_page_content_with_limit(page_id, max_stream)?;
    let content = Content::decode(&data)?;

    let mut page = PageText {
        text: String::new(),
        undecoded: 0,
        errors: 0,
    };
    let mut encoding: Option<&Encoding<'_>> = None;
    let mut font_size: f32 = 12.0;
    let mut scale: f32 = 1.0;
    let mut leading: f32 = 0.0;
    let mut line_y: f32 = 0.0;
    let mut last_y: Option<f32> = None;
    let text_cap = sink.buffer_cap();

    for operation in &content.operations {
        sink.tick().map_err(PageError::TimedOut)?;
        if page.text.len() > text_cap {
            break;
        }
        let operands = &operation.operands;
        let number = |i: usize| operands.get(i).and_then(|o| o.as_float().ok());
        match operation.operator.as_str() {
            "BT" => {
                line_y = 0.0;
                scale = 1.0;
            }
            "Tf" => {
                encoding = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
                if let Some(size) = number(1).filter(|s| s.is_finite() && *s != 0.0) {
                    font_size = size.abs();
                }
            }
            "TL" => leading = number(0).unwrap_or(leading),
            "Td" => line_y += number(1).unwrap_or(0.0),
            "TD" => {
                let ty = number(1).unwrap_or(0.0);
                line_y += ty;
                leading = -ty;
            }
            "Tm" => {
                line_y = number(5).unwrap_or(line_y);
                scale = number(3)
                    .map(f32::abs)
                    .filter(|s| s.is_finite() && *s > 0.0)
                    .unwrap_or(1.0);
            }
            "T*" => line_y -= leading,
            "Tj" | "TJ" | "'" | "\"" => {
                if operation.operator == "'" || operation.operator == "\"" {
                    line_y -= leading;
                }
                let shown = if operation.operator == "\"" {
                    operands.get(2..).unwrap_or(&[])
                } else {
                    operands.as_slice()
                };
                if let Some(previous) = last_y {
                    let gap = (line_y - previous).abs();
                    if gap > 0.01 {
                        let size = (font_size * scale).max(1.0);
                        page.text.push_str(if gap > PARAGRAPH_GAP * size {
                            "\n\n"
                        } else {
                            "\n"
                        });
                    }
                }
                last_y = Some(line_y);
                match encoding {
                    Some(encoding) => collect_text(&mut page, encoding, shown),
                    None => page.undecoded += 1,
                }
            }
            _ => {}
        }
    }
    Ok(page)
}

fn collect_text(page: &mut PageText, encoding: &Encoding<'_>, operands: &[Object]) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => decode_string(page, encoding, bytes),
            Object::Array(items) => {
                for item in items {
                    match item {
                        Object::String(bytes, _) => decode_string(page, encoding, bytes),
                        Object::Integer(_) | Object::Real(_)
                            if item.as_float().is_ok_and(|n| n < -WORD_GAP) =>
                        {
                            page.text.push(' ');
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

fn decode_string(page: &mut PageText, encoding: &Encoding<'_>, bytes: &[u8]) {
    if encoding.write_to_string(bytes, &mut page.text).is_err() {
        page.errors += 1;
    }
}
