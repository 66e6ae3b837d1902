//! For tests: reading back what the writers wrote.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// One element as parsed: its name and attributes (values unescaped).
#[derive(Debug)]
pub(crate) struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl El {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `xml` whole (panicking when it is not well-formed: unbalanced
/// tags, bad references, bad attributes); returns its elements in order and
/// its character data, unescaped and joined.
pub(crate) fn parse(xml: &str) -> (Vec<El>, String) {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut elements = Vec::new();
    let mut texts = String::new();
    let mut depth = 0i64;
    let mut roots = 0;
    let element = |e: &quick_xml::events::BytesStart| {
        let name = e.name().as_ref().to_owned();
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                (
                    a.key.as_ref().to_owned(),
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .expect("attribute value")
                        .into_owned(),
                )
            })
            .collect();
        El { name, attrs }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                if depth == 0 {
                    roots += 1;
                }
                elements.push(element(&e));
                depth += 1;
            }
            Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                elements.push(element(&e));
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                let t = t.xml10_content();
                assert!(depth > 0 || t.trim().is_empty(), "text outside the root");
                texts.push_str(&t);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("character reference") {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undeclared entity &{other};"),
                    },
                };
                texts.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    assert_eq!(roots, 1, "one root element");
    (elements, texts)
}
