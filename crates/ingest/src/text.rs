//! Plain text, and the decoding of bytes to text that Markdown and HTML share.

use std::borrow::Cow;

use crate::sink::{Sink, TextBuf};
use crate::{Diagnostic, IngestError};

/// Bytes to text: a UTF-8 BOM is stripped, UTF-16 with a BOM (or recognisably without one) is
/// decoded; invalid UTF-8 is decoded lossily with an `invalid_utf8` diagnostic.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Diagnostic>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        return utf16(bytes, big_endian);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> (Cow<'_, str>, Option<Diagnostic>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(error) => {
            let at = error.valid_up_to();
            (
                String::from_utf8_lossy(bytes),
                Some(Diagnostic::warning(
                    "invalid_utf8",
                    format!(
                        "the text is not valid UTF-8 (first bad byte at offset {at}); \
                         unreadable bytes were replaced by U+FFFD"
                    ),
                )),
            )
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> (Cow<'_, str>, Option<Diagnostic>) {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut bad = !bytes.len().is_multiple_of(2);
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => text.push(c),
            Err(_) => {
                bad = true;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    let diagnostic = bad.then(|| {
        Diagnostic::warning(
            "invalid_utf16",
            "the text is not valid UTF-16; unreadable units were replaced by U+FFFD",
        )
    });
    (Cow::Owned(text), diagnostic)
}

/// UTF-16 without a BOM: most of the text is ASCII, so every other byte is zero.
/// Some(true) for big-endian, Some(false) for little-endian.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(4096))?;
    if sample.len() < 4 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_zero += usize::from(*a == 0);
            odd_zero += usize::from(*b == 0);
        }
    }
    let pairs = sample.len() / 2;
    if even_zero * 10 >= pairs * 7 && odd_zero == 0 {
        Some(true)
    } else if odd_zero * 10 >= pairs * 7 && even_zero == 0 {
        Some(false)
    } else {
        None
    }
}

/// Decodes and reports a decoding problem; whitespace only is `Empty`.
pub(crate) fn decode_into<'b>(
    bytes: &'b [u8],
    sink: &mut Sink<'_>,
) -> Result<Cow<'b, str>, IngestError> {
    let (text, diagnostic) = decode(bytes);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some(diagnostic) = diagnostic {
        sink.incomplete(diagnostic);
    }
    Ok(text)
}

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let text = decode_into(bytes, sink)?;
    paragraphs(&text, sink)
}

/// Paragraphs separated by blank lines; the lines of one paragraph are joined.
pub(crate) fn paragraphs(text: &str, sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let mut buf = TextBuf::new(sink.buffer_cap());
    for line in text.lines() {
        sink.tick()?;
        if sink.is_full() {
            break;
        }
        if line.trim().is_empty() {
            if !buf.is_empty() {
                sink.paragraph(&buf.take());
                buf.set_cap(sink.buffer_cap());
            }
            continue;
        }
        buf.push_str(line);
        buf.line_break();
    }
    if !buf.is_empty() {
        sink.paragraph(&buf.take());
    }
    Ok(())
}
