//! The format from the bytes themselves; the file name's extension is only a hint.

use std::io::{Cursor, Read};

use crate::{Diagnostic, Format, IngestError};

/// Bytes of a text file looked at to tell HTML, Markdown and plain text apart.
const TEXT_SAMPLE: usize = 64 * 1024;

/// The format from the bytes themselves (magic numbers, zip entry names such as
/// word/document.xml or an ODT mimetype entry, HTML/Markdown/text heuristics); the file name's
/// extension is only a hint. Returns also a diagnostic when the extension says otherwise ("a .pdf
/// that is really a DOCX").
pub fn sniff(
    bytes: &[u8],
    filename: Option<&str>,
) -> Result<(Format, Option<Diagnostic>), IngestError> {
    let extension = filename.and_then(extension);
    let hinted = extension.as_deref().and_then(Format::from_extension);
    let format = sniff_bytes(bytes, hinted)?;
    let diagnostic = match (hinted, &extension) {
        (Some(hinted), Some(ext)) if !compatible(hinted, format) => Some(Diagnostic::warning(
            "extension_mismatch",
            format!(
                "the file is named .{ext} but its content is {}; it was read as {}",
                describe(format),
                describe(format)
            ),
        )),
        _ => None,
    };
    Ok((format, diagnostic))
}

/// Markdown is text: a `.txt` read as Markdown or a `.md` read as text is no surprise.
fn compatible(hinted: Format, found: Format) -> bool {
    hinted == found
        || matches!(
            (hinted, found),
            (Format::Text, Format::Markdown) | (Format::Markdown, Format::Text)
        )
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "DOCX",
        Format::Odt => "ODT",
        Format::Html => "HTML",
        Format::Markdown => "Markdown",
        Format::Text => "plain text",
    }
}

fn extension(filename: &str) -> Option<String> {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or(filename);
    let (stem, ext) = base.rsplit_once('.')?;
    if stem.is_empty() || ext.is_empty() || ext.len() > 10 {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

fn sniff_bytes(bytes: &[u8], hinted: Option<Format>) -> Result<Format, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if is_pdf(bytes) {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return sniff_zip(bytes, hinted);
    }
    if let Some(what) = binary_magic(bytes) {
        return Err(IngestError::Unsupported { what: what.into() });
    }
    let text = text_sample(bytes);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if looks_binary(bytes) {
        return Err(IngestError::Unsupported {
            what: "binary data of an unknown kind".into(),
        });
    }
    Ok(sniff_text(&text, hinted))
}

/// `%PDF-` at the start, or in the first KiB (readers allow junk before it) of a file that
/// ends like a PDF.
fn is_pdf(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        return true;
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let tail = bytes
        .get(bytes.len().saturating_sub(1024)..)
        .unwrap_or(bytes);
    find(head, b"%PDF-").is_some()
        && (find(tail, b"%%EOF").is_some() || find(tail, b"startxref").is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn sniff_zip(bytes: &[u8], hinted: Option<Format>) -> Result<Format, IngestError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // A damaged DOCX or ODT: let its extractor say what it can read.
        return match hinted {
            Some(format @ (Format::Docx | Format::Odt)) => Ok(format),
            _ => Err(IngestError::Unsupported {
                what: "a damaged or unrecognised ZIP archive".into(),
            }),
        };
    };
    if zip.index_for_name(crate::docx::DOCUMENT).is_some() {
        return Ok(Format::Docx);
    }
    if let Some(index) = zip.index_for_name("mimetype") {
        let mut mimetype = String::new();
        if let Ok(entry) = zip.by_index(index) {
            // A media type is short: never inflate more than this.
            let _ = entry.take(200).read_to_string(&mut mimetype);
        }
        let mimetype = mimetype.trim();
        return match mimetype {
            "application/vnd.oasis.opendocument.text"
            | "application/vnd.oasis.opendocument.text-template"
            | "application/vnd.oasis.opendocument.text-master" => Ok(Format::Odt),
            "application/epub+zip" => Err(IngestError::Unsupported {
                what: "an EPUB book".into(),
            }),
            other if other.starts_with("application/vnd.oasis.opendocument.") => {
                Err(IngestError::Unsupported {
                    what: format!("an OpenDocument file that is not text ({other})"),
                })
            }
            _ if zip.index_for_name(crate::odt::CONTENT).is_some() => Ok(Format::Odt),
            _ => Err(IngestError::Unsupported {
                what: "a ZIP archive that is neither DOCX nor ODT".into(),
            }),
        };
    }
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Err(IngestError::Unsupported {
            what: "an Excel workbook (XLSX)".into(),
        });
    }
    if zip.index_for_name("ppt/presentation.xml").is_some() {
        return Err(IngestError::Unsupported {
            what: "a PowerPoint presentation (PPTX)".into(),
        });
    }
    if zip.index_for_name(crate::odt::CONTENT).is_some()
        && zip.index_for_name("META-INF/manifest.xml").is_some()
    {
        return Ok(Format::Odt);
    }
    Err(IngestError::Unsupported {
        what: "a ZIP archive that is neither DOCX nor ODT".into(),
    })
}

/// Known binary formats, by their magic numbers.
fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let at = |offset: usize, magic: &[u8]| {
        bytes
            .get(offset..offset + magic.len())
            .is_some_and(|b| b == magic)
    };
    let what = if starts(b"\x89PNG\r\n\x1a\n") {
        "a PNG image"
    } else if starts(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "a GIF image"
    } else if starts(b"RIFF") && at(8, b"WEBP") {
        "a WebP image"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "a TIFF image"
    } else if starts(b"BM") && bytes.len() > 14 && bytes.get(6..10) == Some(b"\0\0\0\0") {
        "a BMP image"
    } else if at(4, b"ftyp") {
        "a video or HEIF image"
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "a legacy Office file (.doc, .xls, .ppt); save it as DOCX or PDF"
    } else if starts(b"{\\rtf") {
        "an RTF document; save it as DOCX or PDF"
    } else if starts(b"MZ") {
        "a Windows executable"
    } else if starts(b"\x7FELF") {
        "an ELF executable"
    } else if starts(b"\xCA\xFE\xBA\xBE")
        || starts(b"\xFE\xED\xFA\xCE")
        || starts(b"\xFE\xED\xFA\xCF")
        || starts(b"\xCE\xFA\xED\xFE")
        || starts(b"\xCF\xFA\xED\xFE")
    {
        "a Mach-O executable"
    } else if starts(b"\0asm") {
        "a WebAssembly module"
    } else if starts(b"\x1F\x8B") {
        "a gzip archive"
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        "a 7-Zip archive"
    } else if starts(b"Rar!\x1A\x07") {
        "a RAR archive"
    } else if starts(b"BZh") && bytes.get(3).is_some_and(u8::is_ascii_digit) {
        "a bzip2 archive"
    } else if starts(b"\xFD7zXZ\0") {
        "an xz archive"
    } else if starts(b"\x28\xB5\x2F\xFD") {
        "a zstd archive"
    } else if starts(b"ID3") || starts(b"OggS") || starts(b"fLaC") {
        "an audio file"
    } else if starts(b"RIFF") {
        "a RIFF media file"
    } else if starts(b"%!PS") {
        "a PostScript file"
    } else if starts(b"SQLite format 3\0") {
        "an SQLite database"
    } else {
        return None;
    };
    Some(what)
}

/// The start of the file as text, for the heuristics below.
fn text_sample(bytes: &[u8]) -> String {
    let sample = bytes.get(..bytes.len().min(TEXT_SAMPLE)).unwrap_or(bytes);
    let (text, _) = crate::text::decode(sample);
    text.into_owned()
}

/// NUL bytes (outside UTF-16) or many control characters: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    if sample.starts_with(b"\xFF\xFE")
        || sample.starts_with(b"\xFE\xFF")
        || crate::text::utf16_without_bom(sample).is_some()
    {
        return false;
    }
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 20 > sample.len()
}

fn sniff_text(text: &str, hinted: Option<Format>) -> Format {
    let start: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .take(256)
        .collect();
    let start_lower = start.to_ascii_lowercase();
    let strong_html = start_lower.starts_with("<!doctype html")
        || start_lower.starts_with("<html")
        || (start_lower.starts_with("<?xml") && start_lower.contains("<html"))
        || (start_lower.starts_with("<!--") && start_lower.contains("<html"));
    if strong_html {
        return Format::Html;
    }
    match hinted {
        Some(Format::Html) if html_score(text) > 0 => return Format::Html,
        Some(Format::Markdown) => return Format::Markdown,
        Some(Format::Text) => return Format::Text,
        _ => {}
    }
    if start.starts_with('<') && html_score(text) >= 2 {
        return Format::Html;
    }
    if markdown_score(text) >= 2 {
        return Format::Markdown;
    }
    if hinted == Some(Format::Html) {
        return Format::Html;
    }
    Format::Text
}

/// How many distinct HTML elements the text uses.
fn html_score(text: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    [
        "<html", "<head", "<body", "<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<br", "<ul", "<li",
        "<table", "<span", "<a href", "<title", "<meta",
    ]
    .iter()
    .filter(|tag| lower.contains(*tag))
    .count()
}

/// Evidence of Markdown: an ATX or setext heading or a code fence counts 2, a link or
/// emphasis 1, list items 1.
fn markdown_score(text: &str) -> usize {
    let mut score = 0;
    let mut previous_text = false;
    let mut list_items = 0;
    for line in text.lines().take(2000) {
        let trimmed = line.trim_start();
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes)
            && trimmed
                .get(hashes..)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        {
            score += 2;
        }
        let underline = line.trim();
        if previous_text
            && underline.len() >= 3
            && (underline.chars().all(|c| c == '=') || underline.chars().all(|c| c == '-'))
        {
            score += 2;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            score += 2;
        }
        if trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("+ ") {
            list_items += 1;
        }
        if line.contains("](") || line.contains("**") || line.contains("__") {
            score += 1;
        }
        previous_text = !underline.is_empty();
        if score >= 4 {
            break;
        }
    }
    score + usize::from(list_items >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b/Report.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("noext"), None);
        assert_eq!(extension("c:\\x\\y.md").as_deref(), Some("md"));
    }

    #[test]
    fn text_kinds() {
        assert_eq!(sniff_text("<!DOCTYPE html><p>x", None), Format::Html);
        let long = format!("<!DOCTYPE html><title>{}</title>", "é".repeat(400));
        assert_eq!(sniff_text(&long, None), Format::Html);
        assert_eq!(sniff_text("# Title\n\nSome text", None), Format::Markdown);
        assert_eq!(sniff_text("Title\n=====\n\ntext", None), Format::Markdown);
        assert_eq!(sniff_text("Just words.\n\nMore words.", None), Format::Text);
        assert_eq!(sniff_text("# Title", Some(Format::Text)), Format::Text);
        assert_eq!(sniff_text("plain", Some(Format::Html)), Format::Html);
        assert_eq!(sniff_text("<div><p>hi</p></div>", None), Format::Html);
    }

    #[test]
    fn pdf_header_after_junk() {
        assert!(is_pdf(b"%PDF-1.4 ..."));
        assert!(is_pdf(b"junk\n%PDF-1.4\n1 0 obj\n%%EOF\n"));
        assert!(!is_pdf(b"A note about the %PDF- header, in plain text."));
    }
}
