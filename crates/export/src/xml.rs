//! Writing XML by hand: escaping, and a small indenting writer for
//! element-only content (mixed content is built on one line with [`text`]).

/// Whether `c` may appear in an XML 1.0 document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// `s` as character data: `&`, `<`, `>` escaped, forbidden characters dropped.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as an attribute value (written between double quotes): also quotes,
/// and white space other than the space kept as character references (an
/// XML parser would otherwise normalise it to spaces).
pub(crate) fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// An element's start tag (`<name a="v"`), without the closing `>`.
fn start(out: &mut String, name: &str, attrs: &[(&str, &str)]) {
    out.push('<');
    out.push_str(name);
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        out.push_str(&attr(v));
        out.push('"');
    }
}

/// `<name attrs>inner</name>`, with `inner` already markup.
pub(crate) fn element(name: &str, attrs: &[(&str, &str)], inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 32);
    start(&mut out, name, attrs);
    out.push('>');
    out.push_str(inner);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
    out
}

/// An indenting writer: every element it opens starts a line. Only for
/// elements whose content is elements; put mixed content in with
/// [`Writer::leaf`].
pub(crate) struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    pub(crate) fn new() -> Self {
        Writer {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            depth: 0,
        }
    }

    fn line(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.line();
        start(&mut self.out, name, attrs);
        self.out.push('>');
        self.depth += 1;
    }

    pub(crate) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.line();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.line();
        start(&mut self.out, name, attrs);
        self.out.push_str("/>");
    }

    /// An element on one line whose content `inner` is already markup.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], inner: &str) {
        self.line();
        self.out.push_str(&element(name, attrs, inner));
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_strips() {
        assert_eq!(
            text("a & b < c > d \"e\" 'f'"),
            "a &amp; b &lt; c &gt; d \"e\" 'f'"
        );
        assert_eq!(
            attr("\"x\" & 'y'\n"),
            "&quot;x&quot; &amp; &apos;y&apos;&#10;"
        );
        assert_eq!(text("bell\u{7} nul\u{0} ok\u{FFFE}"), "bell nul ok");
        assert_eq!(text("مرحبا 你好 😀"), "مرحبا 你好 😀");
    }
}
