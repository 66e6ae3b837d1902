//! Reading entries of a ZIP archive (DOCX, ODT) without trusting it: declared sizes and the
//! compression ratio are checked before inflating, and inflated bytes are counted against a
//! hard cap while reading. Also the streaming XML reader both formats share.

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use zip::read::ZipFile;
use zip::ZipArchive;

use crate::sink::Sink;
use crate::{Diagnostic, Format, IngestError, Limits};

/// Entries that inflate to less than this are not held to `max_ratio`: small, repetitive XML
/// compresses far better than 200:1 without being hostile.
const RATIO_EXEMPT_BYTES: u64 = 1024 * 1024;

pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    format: Format,
    /// Bytes inflated so far, from all entries.
    inflated: Rc<RefCell<u64>>,
}

pub(crate) fn open(bytes: &[u8], format: Format) -> Result<Archive<'_>, IngestError> {
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| IngestError::Unreadable {
        format,
        reason: format!("not a readable ZIP archive: {e}"),
    })?;
    Ok(Archive {
        zip,
        format,
        inflated: Rc::new(RefCell::new(0)),
    })
}

impl<'a> Archive<'a> {
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads an entry as XML, giving each event to `on_event`. Ok(None) when there is no such
    /// entry; Ok(Some(outcome)) tells whether the XML was malformed part way.
    pub(crate) fn read_xml<F>(
        &mut self,
        name: &str,
        sink: &mut Sink<'_>,
        on_event: F,
    ) -> Result<Option<XmlOutcome>, IngestError>
    where
        F: FnMut(&mut Sink<'_>, Xml<'_>),
    {
        let limits = sink.limits;
        let abort = Rc::new(RefCell::new(None));
        let Some(entry) = self.entry(name, limits, &abort)? else {
            return Ok(None);
        };
        let outcome = read_xml(BufReader::new(entry), sink, &abort, on_event)?;
        Ok(Some(outcome))
    }

    /// A reader of one entry, after the checks of its declared sizes.
    fn entry(
        &mut self,
        name: &str,
        limits: &Limits,
        abort: &Rc<RefCell<Option<IngestError>>>,
    ) -> Result<Option<Entry<'_, 'a>>, IngestError> {
        let format = self.format;
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| IngestError::Unreadable {
                format,
                reason: format!("the entry {name} cannot be read: {e}"),
            })?;
        if file.encrypted() {
            return Err(IngestError::Unreadable {
                format,
                reason: "the document is encrypted".into(),
            });
        }
        let declared = file.size();
        let compressed = file.compressed_size();
        let already = *self.inflated.borrow();
        let budget = limits.max_uncompressed.saturating_sub(already);
        if declared > budget {
            return Err(IngestError::ArchiveBomb {
                reason: format!(
                    "the entry {name} declares {declared} bytes uncompressed, over the limit of {} bytes",
                    limits.max_uncompressed
                ),
            });
        }
        if declared > RATIO_EXEMPT_BYTES && declared > compressed.saturating_mul(limits.max_ratio) {
            return Err(IngestError::ArchiveBomb {
                reason: format!(
                    "the entry {name} declares a compression ratio of {}:1, over the limit of {}:1",
                    declared / compressed.max(1),
                    limits.max_ratio
                ),
            });
        }
        Ok(Some(Capped {
            // One byte more than the budget, so that going over it is seen.
            inner: file.take(budget.saturating_add(1)),
            name: name.to_string(),
            read: 0,
            compressed,
            budget,
            limits: limits.clone(),
            inflated: Rc::clone(&self.inflated),
            abort: Rc::clone(abort),
        }))
    }
}

/// An entry's reader, capped.
type Entry<'z, 'a> = Capped<ZipFile<'z, Cursor<&'a [u8]>>>;

/// Counts inflated bytes; past the budget or the ratio it stores an `ArchiveBomb` in `abort`
/// and fails the read.
struct Capped<R> {
    inner: io::Take<R>,
    name: String,
    read: u64,
    compressed: u64,
    budget: u64,
    limits: Limits,
    inflated: Rc<RefCell<u64>>,
    abort: Rc<RefCell<Option<IngestError>>>,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            Err(e) => {
                // zip checks the declared size too: an entry that inflates past it lied.
                if e.to_string().contains("declared uncompressed size") {
                    return Err(self.fail(format!(
                        "the entry {} inflates past its declared size",
                        self.name
                    )));
                }
                return Err(e);
            }
        };
        self.read = self.read.saturating_add(n as u64);
        *self.inflated.borrow_mut() += n as u64;
        if self.read > self.budget {
            return Err(self.fail(format!(
                "the entry {} inflates past the limit of {} bytes",
                self.name, self.limits.max_uncompressed
            )));
        }
        if self.read > RATIO_EXEMPT_BYTES
            && self.read > self.compressed.saturating_mul(self.limits.max_ratio)
        {
            return Err(self.fail(format!(
                "the entry {} inflates more than {}:1",
                self.name, self.limits.max_ratio
            )));
        }
        Ok(n)
    }
}

impl<R> Capped<R> {
    fn fail(&self, reason: String) -> io::Error {
        *self.abort.borrow_mut() = Some(IngestError::ArchiveBomb { reason });
        io::Error::other("archive bomb")
    }
}

/// One XML event, namespace resolved, text decoded.
pub(crate) enum Xml<'e> {
    /// A start tag (`empty` for `<x/>`, which gets no `End`).
    Start {
        ns: Option<&'e str>,
        name: &'e str,
        element: &'e BytesStart<'e>,
        empty: bool,
    },
    End {
        ns: Option<&'e str>,
        name: &'e str,
    },
    Text(&'e str),
}

pub(crate) struct XmlOutcome {
    /// Why the XML stopped being readable part way, if it did.
    pub(crate) malformed: Option<String>,
}

/// Reads XML events until the end, a fatal error, or a full sink.
pub(crate) fn read_xml<R: BufRead, F>(
    reader: R,
    sink: &mut Sink<'_>,
    abort: &Rc<RefCell<Option<IngestError>>>,
    mut on_event: F,
) -> Result<XmlOutcome, IngestError>
where
    F: FnMut(&mut Sink<'_>, Xml<'_>),
{
    let mut xml = NsReader::from_reader(reader);
    {
        let config = xml.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
    }
    let mut buf = Vec::new();
    let mut ill_formed = 0u32;
    let mut malformed = None;
    // Elements open: a document that ends inside one was cut short.
    let mut depth = 0usize;
    loop {
        sink.tick()?;
        if sink.is_full() {
            break;
        }
        buf.clear();
        let (ns, event) = match xml.read_resolved_event_into(&mut buf) {
            Ok(pair) => pair,
            Err(error) => {
                if let Some(bomb) = abort.borrow_mut().take() {
                    return Err(bomb);
                }
                // Ill-formed markup can be read past; other errors end the reading.
                if matches!(error, quick_xml::Error::IllFormed(_)) && ill_formed < 16 {
                    ill_formed += 1;
                    continue;
                }
                malformed = Some(error.to_string());
                break;
            }
        };
        let ns = match ns {
            ResolveResult::Bound(namespace) => Some(namespace.0),
            _ => None,
        };
        match &event {
            Event::Start(element) | Event::Empty(element) => {
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
                let name = element.local_name();
                on_event(
                    sink,
                    Xml::Start {
                        ns,
                        name: name.as_ref(),
                        element,
                        empty: matches!(event, Event::Empty(_)),
                    },
                );
            }
            Event::End(element) => {
                depth = depth.saturating_sub(1);
                let name = element.local_name();
                on_event(
                    sink,
                    Xml::End {
                        ns,
                        name: name.as_ref(),
                    },
                );
            }
            Event::Text(text) => on_event(sink, Xml::Text(&text.xml10_content())),
            Event::CData(text) => on_event(sink, Xml::Text(&text.xml10_content())),
            Event::GeneralRef(reference) => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    let mut utf8 = [0u8; 4];
                    on_event(sink, Xml::Text(c.encode_utf8(&mut utf8)));
                } else if let Some(s) =
                    quick_xml::escape::resolve_xml_entity(&reference.xml10_content())
                {
                    on_event(sink, Xml::Text(s));
                }
            }
            Event::Eof => {
                if depth > 0 {
                    malformed = Some("the XML ends before its elements are closed".to_string());
                }
                break;
            }
            _ => {}
        }
    }
    if ill_formed > 0 && malformed.is_none() {
        sink.incomplete(Diagnostic::warning(
            "xml_malformed",
            "the document's XML is ill-formed in places; what could be read was kept",
        ));
    }
    if let Some(reason) = &malformed {
        sink.incomplete(Diagnostic::error(
            "xml_malformed",
            format!("the document's XML could not be read to the end: {reason}"),
        ));
    }
    Ok(XmlOutcome { malformed })
}

/// An attribute's value by local name.
pub(crate) fn attribute(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(std::borrow::Cow::into_owned)
                .unwrap_or_else(|_| a.value.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capped(
        budget: u64,
        compressed: u64,
    ) -> (Capped<io::Repeat>, Rc<RefCell<Option<IngestError>>>) {
        let abort = Rc::new(RefCell::new(None));
        let capped = Capped {
            inner: io::repeat(0).take(budget.saturating_add(1)),
            name: "word/document.xml".into(),
            read: 0,
            compressed,
            budget,
            limits: Limits::default(),
            inflated: Rc::new(RefCell::new(0)),
            abort: Rc::clone(&abort),
        };
        (capped, abort)
    }

    #[test]
    fn inflating_past_the_budget_is_a_bomb_whatever_was_declared() {
        let (mut reader, abort) = capped(10_000, 1_000_000);
        let mut sink = Vec::new();
        assert!(reader.read_to_end(&mut sink).is_err());
        assert!(sink.len() <= 10_001 + 8192, "{}", sink.len());
        let error = abort.borrow_mut().take();
        assert!(
            matches!(&error, Some(IngestError::ArchiveBomb { reason }) if reason.contains("limit")),
            "{error:?}"
        );
    }

    #[test]
    fn inflating_past_the_ratio_is_a_bomb() {
        // 1 KB compressed may inflate to 200 KB, but not past 1 MiB (the exemption).
        let (mut reader, abort) = capped(u64::MAX - 1, 1_000);
        let mut sink = Vec::new();
        assert!(reader.read_to_end(&mut sink).is_err());
        assert!(sink.len() < 2 * 1024 * 1024, "{}", sink.len());
        let error = abort.borrow_mut().take();
        assert!(
            matches!(&error, Some(IngestError::ArchiveBomb { reason }) if reason.contains(":1")),
            "{error:?}"
        );
    }
}
