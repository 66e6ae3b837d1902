//! HTML: a forgiving tokenizer (in the manner of the HTML5 one, without tree building) that
//! keeps the text of headings and block elements, decodes character references, and never keeps
//! the content of `script`, `style`, `noscript`, `template` and the like, nor any attribute.

use std::borrow::Cow;

use crate::sink::{Sink, TextBuf};
use crate::{Diagnostic, IngestError};

/// Elements whose content is raw text that is dropped whole (up to the matching end tag).
const RAW_DROPPED: &[&str] = &[
    "script", "style", "noscript", "xmp", "iframe", "noembed", "noframes", "textarea",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

const MAX_TITLE_CHARS: usize = 2000;

pub(crate) fn extract(bytes: &[u8], sink: &mut Sink<'_>) -> Result<(), IngestError> {
    let text = decode(bytes, sink)?;
    let mut reader = Reader {
        buf: TextBuf::new(sink.buffer_cap()),
        heading: None,
        template_depth: 0,
        title: None,
        saw_h1: false,
    };
    reader.run(&text, sink)?;
    reader.flush(sink);
    if !reader.saw_h1 {
        if let Some(title) = reader.title.take() {
            sink.prepend_heading(1, &title);
        }
    }
    Ok(())
}

/// The charset: a BOM, else a `<meta charset>` in the first 1024 bytes, else UTF-8.
fn decode<'b>(bytes: &'b [u8], sink: &mut Sink<'_>) -> Result<Cow<'b, str>, IngestError> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if !has_bom {
        if let Some(label) = meta_charset(bytes) {
            match encoding_rs::Encoding::for_label(label.as_bytes()) {
                Some(encoding)
                    if encoding != encoding_rs::UTF_8
                        && encoding != encoding_rs::UTF_16LE
                        && encoding != encoding_rs::UTF_16BE =>
                {
                    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                    if text.trim().is_empty() {
                        return Err(IngestError::Empty);
                    }
                    if had_errors {
                        sink.incomplete(Diagnostic::warning(
                            "invalid_encoding",
                            format!(
                                "the text is not valid {}; unreadable bytes were replaced by U+FFFD",
                                encoding.name()
                            ),
                        ));
                    }
                    return Ok(text);
                }
                Some(_) => {}
                None => sink.diagnostic(Diagnostic::warning(
                    "unknown_charset",
                    format!("unknown charset {label:?}; read as UTF-8"),
                )),
            }
        }
    }
    crate::text::decode_into(bytes, sink)
}

fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(1024))?;
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(meta) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", meta).unwrap_or(lower.len());
        let tag = lower.get(meta..end)?;
        if let Some(at) = find(tag, b"charset", 0) {
            let rest = tag.get(at + 7..)?;
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
                    .collect();
                if !label.is_empty() {
                    return String::from_utf8(label).ok();
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    bytes.get(skip..).unwrap_or(&[])
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let hay = haystack.get(from..)?;
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

struct Reader {
    buf: TextBuf,
    /// Inside `h1`–`h6`: its level.
    heading: Option<u8>,
    /// Inside `template` elements (their content is never kept).
    template_depth: usize,
    title: Option<String>,
    saw_h1: bool,
}

impl Reader {
    fn run(&mut self, text: &str, sink: &mut Sink<'_>) -> Result<(), IngestError> {
        let s = text.as_bytes();
        let mut i = 0;
        while i < s.len() {
            sink.tick()?;
            if sink.is_full() {
                return Ok(());
            }
            let lt = memchr(b'<', s, i).unwrap_or(s.len());
            if lt > i {
                self.text(text.get(i..lt).unwrap_or(""));
            }
            if lt >= s.len() {
                break;
            }
            i = self.markup(text, lt, sink);
        }
        Ok(())
    }

    /// Markup starting at `lt` (a `<`): returns where reading goes on.
    fn markup(&mut self, text: &str, lt: usize, sink: &mut Sink<'_>) -> usize {
        let s = text.as_bytes();
        let next = s.get(lt + 1).copied();
        if s.get(lt..lt + 4) == Some(b"<!--") {
            return find(s, b"-->", lt + 4).map_or(s.len(), |end| end + 3);
        }
        match next {
            Some(b'/') if s.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, after_name) = tag_name(s, lt + 2);
                let end = memchr(b'>', s, after_name).map_or(s.len(), |gt| gt + 1);
                self.end_tag(&name, sink);
                end
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, after_name) = tag_name(s, lt + 1);
                let end = tag_end(s, after_name);
                self.start_tag(&name, sink);
                if RAW_DROPPED.contains(&name.as_str()) {
                    return raw_text_end(s, end, &name).map_or(s.len(), |(_, after)| after);
                }
                if name == "title" {
                    let (content_end, after) =
                        raw_text_end(s, end, "title").unwrap_or((s.len(), s.len()));
                    if self.title.is_none() && self.template_depth == 0 {
                        let mut title = TextBuf::new(MAX_TITLE_CHARS * 4);
                        decode_entities(text.get(end..content_end).unwrap_or(""), &mut title);
                        let title = title.take();
                        if !title.is_empty() {
                            self.title = Some(title);
                        }
                    }
                    return after;
                }
                end
            }
            Some(b'!' | b'?') => memchr(b'>', s, lt).map_or(s.len(), |gt| gt + 1),
            Some(b'/') => {
                // `</>` or `</ …>`: a bogus comment.
                memchr(b'>', s, lt).map_or(s.len(), |gt| gt + 1)
            }
            _ => {
                self.text("<");
                lt + 1
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.template_depth == 0 {
            decode_entities(text, &mut self.buf);
        }
    }

    fn start_tag(&mut self, name: &str, sink: &mut Sink<'_>) {
        if name == "template" {
            self.template_depth = self.template_depth.saturating_add(1);
            return;
        }
        if self.template_depth > 0 {
            return;
        }
        if let Some(level) = heading_level(name) {
            self.flush(sink);
            self.heading = Some(level);
            if level == 1 {
                self.saw_h1 = true;
            }
        } else if name == "br" {
            self.buf.line_break();
        } else if BLOCKS.contains(&name) {
            self.block_boundary(sink);
        } else if name == "img" || name == "input" || name == "wbr" {
            // no text of their own; separate what surrounds them
            if name != "wbr" {
                self.buf.space();
            }
        }
    }

    fn end_tag(&mut self, name: &str, sink: &mut Sink<'_>) {
        if name == "template" {
            self.template_depth = self.template_depth.saturating_sub(1);
            return;
        }
        if self.template_depth > 0 {
            return;
        }
        if heading_level(name).is_some() {
            self.flush(sink);
        } else if BLOCKS.contains(&name) {
            self.block_boundary(sink);
        }
    }

    /// A block element starts or ends: inside a heading it only separates words.
    fn block_boundary(&mut self, sink: &mut Sink<'_>) {
        if self.heading.is_some() {
            self.buf.space();
        } else {
            self.flush(sink);
        }
    }

    fn flush(&mut self, sink: &mut Sink<'_>) {
        if !self.buf.is_empty() {
            sink.push(self.heading, &self.buf.take());
        }
        self.heading = None;
        self.buf.set_cap(sink.buffer_cap());
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn memchr(needle: u8, s: &[u8], from: usize) -> Option<usize> {
    s.get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

/// A tag name (lower-cased) starting at `at`, and where it ends.
fn tag_name(s: &[u8], at: usize) -> (String, usize) {
    let rest = s.get(at..).unwrap_or(&[]);
    let len = rest
        .iter()
        .take_while(|b| !b.is_ascii_whitespace() && **b != b'/' && **b != b'>')
        .count();
    let name = rest.get(..len).unwrap_or(&[]);
    (String::from_utf8_lossy(name).to_ascii_lowercase(), at + len)
}

/// The end of a start tag whose attributes begin at `at`: after its `>` (quoted attribute
/// values may contain `>`), or the end of the input.
fn tag_end(s: &[u8], at: usize) -> usize {
    let mut i = at;
    let mut after_equals = false;
    while let Some(&b) = s.get(i) {
        match b {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                i = memchr(b, s, i + 1).unwrap_or(s.len());
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    s.len()
}

/// The end of raw text content started at `from`: the start of `</name` (ASCII
/// case-insensitively, followed by whitespace, `/` or `>`) and the position after its `>`.
fn raw_text_end(s: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let name = name.as_bytes();
    let mut i = from;
    loop {
        let lt = find(s, b"</", i)?;
        let candidate = s.get(lt + 2..lt + 2 + name.len());
        let after = s.get(lt + 2 + name.len()).copied();
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && after.is_none_or(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            let end = memchr(b'>', s, lt + 2 + name.len()).map_or(s.len(), |gt| gt + 1);
            return Some((lt, end));
        }
        i = lt + 2;
    }
}

/// Text with character references (`&amp;`, `&#233;`, `&#xE9;`) decoded.
pub(crate) fn decode_entities(text: &str, out: &mut TextBuf) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        match character_reference(after) {
            Some((decoded, used)) => {
                match decoded {
                    Decoded::Char(c) => out.push(c),
                    Decoded::Str(s) => out.push_str(s),
                }
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// A character reference at the start of `s` (just after its `&`): what it stands for and how
/// many bytes of `s` it used.
fn character_reference(s: &str) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, start) = match bytes.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes
            .get(start..)?
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let number = s.get(start..start + digits)?;
        let value = u32::from_str_radix(number, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let mut used = start + digits;
        if bytes.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((Decoded::Char(numeric_char(value)), used));
    }
    let len = bytes
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = s.get(..len)?;
    if bytes.get(len) == Some(&b';') {
        if let Some(decoded) = quick_xml::escape::resolve_html5_entity(name) {
            return Some((Decoded::Str(decoded), len + 1));
        }
        return None;
    }
    // A few references are recognised without their semicolon, as browsers do.
    for legacy in ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"] {
        if name.starts_with(legacy) {
            let decoded = quick_xml::escape::resolve_html5_entity(legacy)?;
            return Some((Decoded::Str(decoded), legacy.len()));
        }
    }
    None
}

/// A numeric character reference's character, as HTML5 maps it.
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match value {
        0 => char::REPLACEMENT_CHARACTER,
        0x80..=0x9f => WINDOWS_1252
            .get((value - 0x80) as usize)
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> String {
        let mut buf = TextBuf::new(1000);
        decode_entities(s, &mut buf);
        buf.take()
    }

    #[test]
    fn entities() {
        assert_eq!(decoded("a &amp; b"), "a & b");
        assert_eq!(decoded("&eacute;t&#233; &#xE9;"), "été é");
        assert_eq!(decoded("&#128; &#0; &#x110000;"), "€ \u{fffd} \u{fffd}");
        assert_eq!(decoded("AT&T &unknown; &ampx"), "AT&T &unknown; &x");
        assert_eq!(decoded("&#99999999999999999999;"), "\u{fffd}");
    }

    #[test]
    fn raw_text_end_is_case_insensitive() {
        let s = b"alert('</scriptx>')</SCRIPT >rest";
        let (content_end, after) = raw_text_end(s, 0, "script").unwrap();
        assert_eq!(&s[..content_end], b"alert('</scriptx>')");
        assert_eq!(&s[after..], b"rest");
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            meta_charset(
                b"<html><head><META http-equiv=x content='text/html; charset=windows-1251'>"
            ),
            Some("windows-1251".to_string())
        );
        assert_eq!(
            meta_charset(b"<meta charset=\"utf-8\">"),
            Some("utf-8".into())
        );
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
    }
}
