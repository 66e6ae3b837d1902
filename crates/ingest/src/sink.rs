//! Where extractors put what they read: blocks, diagnostics, the deadline and the character
//! budget. Also the whitespace-collapsing text buffer they share.

use std::time::Instant;

use crate::{Block, Diagnostic, Extracted, Format, IngestError, Limits};

pub(crate) struct Sink<'a> {
    pub(crate) limits: &'a Limits,
    started: Instant,
    blocks: Vec<Block>,
    diagnostics: Vec<Diagnostic>,
    chars: usize,
    full: bool,
    complete: bool,
    ticks: u32,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(limits: &'a Limits) -> Self {
        Sink {
            limits,
            started: Instant::now(),
            blocks: Vec::new(),
            diagnostics: Vec::new(),
            chars: 0,
            full: false,
            complete: true,
            ticks: 0,
        }
    }

    /// The deadline, checked now.
    pub(crate) fn check_deadline(&self) -> Result<(), IngestError> {
        if self.started.elapsed() > self.limits.max_duration {
            return Err(IngestError::TimedOut {
                after: self.limits.max_duration,
            });
        }
        Ok(())
    }

    /// The deadline, checked every 64th call (for tight loops over events).
    pub(crate) fn tick(&mut self) -> Result<(), IngestError> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks % 64 == 1 {
            self.check_deadline()
        } else {
            Ok(())
        }
    }

    /// No more text will be kept: extractors may stop reading.
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// Bytes a text buffer may grow to before the rest of a block can only be cut.
    pub(crate) fn buffer_cap(&self) -> usize {
        self.limits
            .max_chars
            .saturating_sub(self.chars)
            .saturating_add(1)
            .saturating_mul(4)
    }

    pub(crate) fn diagnostic(&mut self, diagnostic: Diagnostic) {
        // A hostile file could otherwise produce one diagnostic per page or element.
        if self.diagnostics.len() < 100 {
            self.diagnostics.push(diagnostic);
        } else if self.diagnostics.len() == 100 {
            self.diagnostics.push(Diagnostic::warning(
                "too_many_diagnostics",
                "further diagnostics were left out",
            ));
        }
    }

    /// Something could not be read: the result is not complete.
    pub(crate) fn incomplete(&mut self, diagnostic: Diagnostic) {
        self.complete = false;
        self.diagnostic(diagnostic);
    }

    pub(crate) fn paragraph(&mut self, text: &str) {
        self.push(None, text);
    }

    pub(crate) fn push(&mut self, heading: Option<u8>, text: &str) {
        if self.full {
            return;
        }
        let text = text.trim_matches(is_collapsible);
        if text.is_empty() {
            return;
        }
        let remaining = self.limits.max_chars.saturating_sub(self.chars);
        let (kept, cut) = match text.char_indices().nth(remaining) {
            Some((at, _)) => (text.get(..at).unwrap_or(""), true),
            None => (text, false),
        };
        let kept = kept.trim_end_matches(is_collapsible);
        if !kept.is_empty() {
            self.chars += kept.chars().count();
            let text = kept.to_string();
            self.blocks.push(match heading {
                Some(level) => Block::Heading {
                    level: level.clamp(1, 6),
                    text,
                },
                None => Block::Paragraph { text },
            });
        }
        if cut {
            self.full = true;
            let limit = self.limits.max_chars;
            self.incomplete(Diagnostic::warning(
                "truncated",
                format!("the text was cut after {limit} characters"),
            ));
        }
    }

    /// A heading before all other blocks (an HTML title), if the budget has room for it.
    pub(crate) fn prepend_heading(&mut self, level: u8, text: &str) {
        let text = text.trim_matches(is_collapsible);
        let count = text.chars().count();
        if self.full || text.is_empty() || self.chars + count > self.limits.max_chars {
            return;
        }
        self.chars += count;
        self.blocks.insert(
            0,
            Block::Heading {
                level: level.clamp(1, 6),
                text: text.to_string(),
            },
        );
    }

    pub(crate) fn has_blocks(&self) -> bool {
        !self.blocks.is_empty()
    }

    pub(crate) fn finish(mut self, format: Format) -> Extracted {
        if self.blocks.is_empty() {
            let message = match format {
                Format::Pdf => "no text was found (a scanned document needs OCR)",
                _ => "no text was found",
            };
            let diagnostic = Diagnostic::warning("no_text", message);
            if format == Format::Pdf {
                self.incomplete(diagnostic);
            } else {
                self.diagnostic(diagnostic);
            }
        }
        let mut extracted = Extracted {
            format,
            blocks: self.blocks,
            diagnostics: self.diagnostics,
            complete: self.complete,
            language: None,
        };
        extracted.language = crate::lang::detect_blocks(&extracted.blocks);
        extracted
    }
}

/// Whitespace that is collapsed to one space; no-break spaces are kept (French typography).
pub(crate) fn is_collapsible(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Ideographic scripts, whose lines are joined without a space.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fdf}'
        | '\u{3000}'..='\u{303f}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3100}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{2fa1f}')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    LineBreak,
    Space,
}

/// A block's text being assembled: runs of whitespace collapse to one space (a line break
/// between two ideographs to nothing), control characters are dropped, and the buffer stops
/// growing at `cap` bytes.
pub(crate) struct TextBuf {
    text: String,
    pending: Pending,
    cap: usize,
}

impl TextBuf {
    pub(crate) fn new(cap: usize) -> Self {
        TextBuf {
            text: String::new(),
            pending: Pending::None,
            cap,
        }
    }

    pub(crate) fn set_cap(&mut self, cap: usize) {
        self.cap = cap;
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c);
        }
    }

    pub(crate) fn push(&mut self, c: char) {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            if self.pending == Pending::None {
                self.pending = Pending::LineBreak;
            }
            return;
        }
        if is_collapsible(c) {
            self.pending = Pending::Space;
            return;
        }
        if c.is_control() || c == '\u{feff}' || c == '\u{fffe}' || c == '\u{ffff}' {
            return;
        }
        if self.text.len() >= self.cap {
            return;
        }
        match self.pending {
            Pending::None => {}
            Pending::LineBreak => {
                let joined = self.text.chars().next_back().is_some_and(is_cjk) && is_cjk(c);
                if !joined && !self.text.is_empty() {
                    self.text.push(' ');
                }
            }
            Pending::Space => {
                if !self.text.is_empty() {
                    self.text.push(' ');
                }
            }
        }
        self.pending = Pending::None;
        self.text.push(c);
    }

    /// A space, unless the text already ends with one.
    pub(crate) fn space(&mut self) {
        self.pending = Pending::Space;
    }

    /// A soft line break (joined as a space, or as nothing between ideographs).
    pub(crate) fn line_break(&mut self) {
        self.push('\n');
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text so far, leaving the buffer empty.
    pub(crate) fn take(&mut self) -> String {
        self.pending = Pending::None;
        std::mem::take(&mut self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_buf_collapses_whitespace_and_joins_ideographs() {
        let mut buf = TextBuf::new(1000);
        buf.push_str("  a \t b\n\nc\u{0}d\u{a0}:");
        assert_eq!(buf.take(), "a b cd\u{a0}:");
        buf.push_str("人人\n生而");
        assert_eq!(buf.take(), "人人生而");
        buf.push_str("人人 生而");
        assert_eq!(buf.take(), "人人 生而");
    }

    #[test]
    fn text_buf_stops_at_cap() {
        let mut buf = TextBuf::new(3);
        buf.push_str("abcdef");
        assert_eq!(buf.take(), "abc");
    }

    #[test]
    fn sink_truncates_at_max_chars() {
        let limits = Limits {
            max_chars: 5,
            ..Limits::default()
        };
        let mut sink = Sink::new(&limits);
        sink.paragraph("abc");
        sink.paragraph("défgh");
        sink.paragraph("ignored");
        assert!(sink.is_full());
        let out = sink.finish(Format::Text);
        assert_eq!(out.text(), "abc\n\ndé");
        assert!(!out.complete);
        assert!(out.has_diagnostic("truncated"));
    }
}
