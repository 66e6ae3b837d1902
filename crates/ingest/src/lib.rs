//! Uploaded files to text and structure: PDF, DOCX, ODT, HTML, Markdown and plain text, in pure
//! Rust, with diagnostics for what could not be read.
//!
//! [`extract`] finds the format from the bytes themselves ([`sniff`]; the file name is only a
//! hint), runs the matching extractor under [`Limits`] (input size, inflated bytes and ratio of
//! archive entries, characters kept, wall-clock time), and returns the text as [`Block`]s
//! (headings and paragraphs) with [`Diagnostic`]s and the language detected. A file of which
//! nothing at all can be read is an [`IngestError`]; a file read in part is an [`Extracted`]
//! with `complete == false` and diagnostics saying what was lost.
//!
//! No extractor panics on any input, and each checks the deadline cooperatively (between pages,
//! XML events, tags). Parsing of a PDF's cross-reference data by `lopdf` happens in one call that
//! cannot be interrupted; its decompression is bounded by `max_uncompressed`.

mod archive;
mod docx;
mod html;
mod lang;
mod markdown;
mod odt;
mod pdf;
mod sink;
mod sniff;
mod text;

use std::time::Duration;

pub use accord_domain::Language;
use serde::{Deserialize, Serialize};

pub use lang::detect_language;
pub use sniff::sniff;

/// The formats the extractors read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Html,
    Markdown,
    Text,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Pdf,
        Format::Docx,
        Format::Odt,
        Format::Html,
        Format::Markdown,
        Format::Text,
    ];

    /// Machine-readable name: `pdf`, `docx`, `odt`, `html`, `markdown`, `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }

    /// The media type to serve the original file with.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Html => "text/html; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Text => "text/plain; charset=utf-8",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    /// The format a file extension (without the dot, any case) names, if it is one of ours.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" | "docm" | "dotx" => Some(Format::Docx),
            "odt" | "ott" => Some(Format::Odt),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Bounds on the work one extraction may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the uploaded file. Default 50 MiB.
    pub max_bytes: u64,
    /// Total bytes inflated from an archive (DOCX, ODT) or from one PDF stream. Default 200 MiB.
    pub max_uncompressed: u64,
    /// Inflated bytes per compressed byte of one archive entry. Default 200. Entries that
    /// inflate to less than 1 MiB are not held to it (small XML compresses very well).
    pub max_ratio: u64,
    /// Characters of text kept; the rest is cut with a `truncated` warning. Default 20 million.
    pub max_chars: usize,
    /// Wall-clock time for one extraction. Default 30 s.
    pub max_duration: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 50 * 1024 * 1024,
            max_uncompressed: 200 * 1024 * 1024,
            max_ratio: 200,
            max_chars: 20_000_000,
            max_duration: Duration::from_secs(30),
        }
    }
}

/// One unit of structure: a heading (level 1–6) or a paragraph (also a list item, a table cell).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading { level: u8, text: String },
    Paragraph { text: String },
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text } => text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Something the extractor could not read, or a doubt about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Machine-readable: `extension_mismatch`, `invalid_utf8`, `truncated`, `no_text`,
    /// `pdf_page_unreadable`, `pdf_text_partial`, `pdf_xref_repaired`, `xml_malformed`,
    /// `unknown_charset`, `docx_numbering` (list numbers of a DOCX could not all be read).
    pub code: &'static str,
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
        }
    }
}

/// A language detected from a text, with whatlang's confidence (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detected {
    pub language: Language,
    pub confidence: f64,
}

/// What was read from a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extracted {
    pub format: Format,
    pub blocks: Vec<Block>,
    pub diagnostics: Vec<Diagnostic>,
    /// false when something could not be read (then diagnostics say what)
    pub complete: bool,
    /// detected from the text
    pub language: Option<Detected>,
}

impl Extracted {
    /// The text of all blocks, joined by blank lines.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(block.text());
        }
        out
    }

    /// Whether a diagnostic with this code was given.
    pub fn has_diagnostic(&self, code: &str) -> bool {
        self.diagnostics.iter().any(|d| d.code == code)
    }
}

/// Why nothing could be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("unsupported file: {what}")]
    Unsupported { what: String },
    #[error("the archive looks like a decompression bomb: {reason}")]
    ArchiveBomb { reason: String },
    #[error("extraction took longer than {after:?}")]
    TimedOut { after: Duration },
    #[error("nothing could be read from this {format} file: {reason}")]
    Unreadable { format: Format, reason: String },
}

impl IngestError {
    /// Machine-readable: `empty`, `too_large`, `unsupported`, `archive_bomb`, `timed_out`,
    /// `unreadable`.
    pub fn kind(&self) -> &'static str {
        match self {
            IngestError::Empty => "empty",
            IngestError::TooLarge { .. } => "too_large",
            IngestError::Unsupported { .. } => "unsupported",
            IngestError::ArchiveBomb { .. } => "archive_bomb",
            IngestError::TimedOut { .. } => "timed_out",
            IngestError::Unreadable { .. } => "unreadable",
        }
    }
}

/// Reads a file: finds its format with [`sniff`], then extracts its text and structure.
pub fn extract(
    bytes: &[u8],
    filename: Option<&str>,
    limits: &Limits,
) -> Result<Extracted, IngestError> {
    check_size(bytes, limits)?;
    let (format, mismatch) = sniff(bytes, filename)?;
    let mut extracted = extract_as(format, bytes, limits)?;
    if let Some(diagnostic) = mismatch {
        extracted.diagnostics.insert(0, diagnostic);
    }
    Ok(extracted)
}

/// Reads a file as the given format, without sniffing (for callers that already know it, and
/// for the fuzz targets). Bytes that are not of that format give `Unreadable` or a partial
/// result, never a panic.
pub fn extract_as(format: Format, bytes: &[u8], limits: &Limits) -> Result<Extracted, IngestError> {
    check_size(bytes, limits)?;
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let mut sink = sink::Sink::new(limits);
    match format {
        Format::Text => text::extract(bytes, &mut sink)?,
        Format::Markdown => markdown::extract(bytes, &mut sink)?,
        Format::Html => html::extract(bytes, &mut sink)?,
        Format::Docx => docx::extract(bytes, &mut sink)?,
        Format::Odt => odt::extract(bytes, &mut sink)?,
        Format::Pdf => pdf::extract(bytes, &mut sink)?,
    }
    Ok(sink.finish(format))
}

fn check_size(bytes: &[u8], limits: &Limits) -> Result<(), IngestError> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(IngestError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    Ok(())
}
