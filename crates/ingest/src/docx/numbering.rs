//! Word's automatic list numbering: the definitions of `word/numbering.xml`, and the counters
//! that turn a paragraph's `w:numPr` into the label Word shows before it ("17.", "(a)", "iv)").
//!
//! Counters run per abstract definition, as in Word: instances (`w:num`) of one definition
//! continue one sequence, and an instance that overrides a level (`w:lvlOverride`, usually with
//! `w:startOverride`) restarts that level where it is first used. Using a level restarts the
//! levels below it (unless their `w:lvlRestart` says otherwise). Bullets get no label; formats
//! other than decimal, letters and roman numerals are written as decimal numbers. Everything
//! read is bounded: levels 0–8, counters, level texts, labels and the number of definitions.

use std::collections::{HashMap, HashSet};

use super::is_w;
use crate::archive::{self, attribute, Xml};
use crate::sink::{Sink, TextBuf};
use crate::{Diagnostic, IngestError};

pub(super) const NUMBERING: &str = "word/numbering.xml";

/// Levels of a list: `w:ilvl` 0 to 8.
const LEVELS: usize = 9;
/// Characters kept of a level's `w:lvlText`.
const MAX_LEVEL_TEXT: usize = 64;
/// Bytes kept of a rendered label.
const MAX_LABEL: usize = 128;
/// Counters and start values stop growing here.
const MAX_COUNTER: u64 = 999_999;
/// Letters past "z" repeat ("aa", "aaa") at most this many times.
const MAX_LETTERS: u64 = 16;
/// Abstract definitions, and instances, kept of each; the rest are ignored.
const MAX_DEFINITIONS: usize = 10_000;
/// `w:numStyleLink` indirections followed (a definition that takes its levels from a
/// numbering style).
const MAX_LINKS: usize = 4;

/// A non-negative number written in decimal digits, saturating; None for anything else.
pub(super) fn number(value: &str) -> Option<u64> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

fn value(element: &quick_xml::events::BytesStart<'_>) -> Option<u64> {
    attribute(element, "val").as_deref().and_then(number)
}

fn level_index(element: &quick_xml::events::BytesStart<'_>) -> Option<usize> {
    attribute(element, "ilvl")
        .as_deref()
        .and_then(number)
        .filter(|&l| l < LEVELS as u64)
        .map(|l| l as usize)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumFormat {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumFormat {
    fn parse(value: &str) -> Self {
        match value {
            "decimalZero" => NumFormat::DecimalZero,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            // "decimal", and formats not rendered here (ordinal, cardinalText, chineseCounting,
            // …): the number itself is closer to what Word shows than nothing.
            _ => NumFormat::Decimal,
        }
    }

    fn render(self, n: u64) -> String {
        match self {
            NumFormat::Decimal => n.to_string(),
            NumFormat::DecimalZero => format!("{n:02}"),
            NumFormat::LowerLetter => letters(n, b'a'),
            NumFormat::UpperLetter => letters(n, b'A'),
            NumFormat::LowerRoman => roman(n).to_ascii_lowercase(),
            NumFormat::UpperRoman => roman(n),
            NumFormat::Bullet | NumFormat::None => String::new(),
        }
    }
}

/// Word's letters: a … z, then aa … zz, aaa …
fn letters(n: u64, a: u8) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = char::from(a + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(MAX_LETTERS);
    std::iter::repeat_n(letter, times as usize).collect()
}

fn roman(n: u64) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const NUMERALS: &[(u64, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for &(value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// One `w:lvl`.
#[derive(Debug, Clone)]
struct Level {
    /// `w:start`; zero when absent, as the standard says.
    start: u64,
    format: NumFormat,
    /// `w:lvlText`, cut to `MAX_LEVEL_TEXT` characters; no label without it.
    text: Option<String>,
    /// `w:lvlRestart`: the one-based level whose use restarts this one; 0 never.
    restart: Option<u64>,
    /// `w:isLgl`: the levels it shows are written as decimal numbers.
    legal: bool,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 0,
            format: NumFormat::Decimal,
            text: None,
            restart: None,
            legal: false,
            style: None,
        }
    }
}

/// One `w:abstractNum`.
#[derive(Debug, Default)]
struct Definition {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are those of the list of this numbering style.
    style_link: Option<String>,
}

/// One `w:num`.
#[derive(Debug, Default)]
struct Instance {
    abstract_id: Option<u64>,
    /// `w:lvlOverride/w:startOverride`.
    starts: [Option<u64>; LEVELS],
    /// `w:lvlOverride/w:lvl`.
    levels: [Option<Level>; LEVELS],
}

impl Instance {
    fn overrides(&self, level: usize) -> bool {
        self.starts[level].is_some() || self.levels[level].is_some()
    }
}

/// The list definitions of a document, and the counters of the lists read so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    definitions: HashMap<u64, Definition>,
    instances: HashMap<u64, Instance>,
    /// Per abstract definition (after `w:numStyleLink`), per level; None when (re)started.
    counters: HashMap<u64, [Option<u64>; LEVELS]>,
    /// Instances used so far (their overrides restart levels once, where first used).
    used: HashSet<u64>,
}

impl Numbering {
    /// The label of the next paragraph of list `num_id` at level `ilvl` (when the paragraph
    /// or its style gives none: the level linked to the paragraph's style, else 0), counted;
    /// None for no label (no such list or level, a bullet, an empty level text). `links` maps
    /// numbering styles to their `w:numId`.
    pub(super) fn label(
        &mut self,
        num_id: u64,
        ilvl: Option<u64>,
        style: Option<&str>,
        links: &HashMap<String, u64>,
    ) -> Option<String> {
        if num_id == 0 {
            return None;
        }
        let instance = self.instances.get(&num_id)?;
        let (abstract_id, definition) =
            resolve(&self.definitions, &self.instances, instance, links)?;
        let levels: [Option<&Level>; LEVELS] = std::array::from_fn(|i| {
            instance.levels[i]
                .as_ref()
                .or(definition.levels[i].as_ref())
        });
        let ilvl = match ilvl {
            Some(ilvl) => ilvl,
            None => style
                .and_then(|s| {
                    levels
                        .iter()
                        .position(|l| l.is_some_and(|l| l.style.as_deref() == Some(s)))
                })
                .unwrap_or(0) as u64,
        };
        if ilvl >= LEVELS as u64 {
            return None;
        }
        let ilvl = ilvl as usize;
        let level = levels[ilvl]?;
        let start = |i: usize| {
            instance.starts[i]
                .or(levels[i].map(|l| l.start))
                .unwrap_or(0)
                .min(MAX_COUNTER)
        };

        let counters = self.counters.entry(abstract_id).or_default();
        if self.used.insert(num_id) {
            for (i, counter) in counters.iter_mut().enumerate() {
                if instance.overrides(i) {
                    *counter = None;
                }
            }
        }
        counters[ilvl] = Some(match counters[ilvl] {
            Some(n) => n.saturating_add(1).min(MAX_COUNTER),
            None => start(ilvl),
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = match levels[deeper].and_then(|l| l.restart) {
                Some(0) => false,
                // One-based; a level that is not above this one is ignored.
                Some(r) if r <= deeper as u64 => (ilvl as u64) < r,
                _ => true,
            };
            if restart {
                *counter = None;
            }
        }

        if level.format == NumFormat::Bullet {
            return None;
        }
        let text = level.text.as_deref()?;
        let mut label = TextBuf::new(MAX_LABEL);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars
                    .peek()
                    .and_then(|d| d.to_digit(10))
                    .filter(|&d| d >= 1)
                {
                    chars.next();
                    let i = d as usize - 1;
                    if let Some(shown) = levels[i] {
                        // A level not used yet shows one less than its start, as in Word
                        // ("1.0.1" for a level 3 right after a level 1).
                        let n = counters[i].unwrap_or_else(|| start(i).saturating_sub(1));
                        let format = if level.legal && shown.format != NumFormat::None {
                            NumFormat::Decimal
                        } else {
                            shown.format
                        };
                        label.push_str(&format.render(n));
                    }
                    continue;
                }
            }
            label.push(c);
        }
        let label = label.take();
        (!label.is_empty()).then_some(label)
    }
}

/// The abstract definition of an instance, through `w:numStyleLink`s: its id (the key of its
/// counters) and itself.
fn resolve<'n>(
    definitions: &'n HashMap<u64, Definition>,
    instances: &'n HashMap<u64, Instance>,
    instance: &Instance,
    links: &HashMap<String, u64>,
) -> Option<(u64, &'n Definition)> {
    let mut id = instance.abstract_id?;
    let mut definition = definitions.get(&id)?;
    for _ in 0..MAX_LINKS {
        let Some(link) = definition.style_link.as_deref() else {
            break;
        };
        let next = links
            .get(link)
            .and_then(|num| instances.get(num))
            .and_then(|i| i.abstract_id)
            .and_then(|next| Some((next, definitions.get(&next)?)));
        match next {
            Some((next, linked)) if next != id => {
                id = next;
                definition = linked;
            }
            _ => break,
        }
    }
    Some((id, definition))
}

/// Reads `word/numbering.xml`. A part that is missing gives no numbering; one that cannot be
/// read, or only in part, gives what was read and a `docx_numbering` warning. Only the
/// archive's limits and the deadline stop the extraction.
pub(super) fn read(
    zip: &mut archive::Archive<'_>,
    sink: &mut Sink<'_>,
) -> Result<Numbering, IngestError> {
    let mut parser = Parser::default();
    let outcome = match zip.read_xml(NUMBERING, sink, |_, event| parser.event(event)) {
        Ok(outcome) => outcome,
        Err(IngestError::Unreadable { reason, .. }) => {
            sink.diagnostic(Diagnostic::warning(
                "docx_numbering",
                format!("{NUMBERING} cannot be read ({reason}); list numbers are left out"),
            ));
            return Ok(Numbering::default());
        }
        Err(error) => return Err(error),
    };
    parser.flush();
    if outcome.is_some_and(|o| o.malformed.is_some()) {
        sink.diagnostic(Diagnostic::warning(
            "docx_numbering",
            format!("{NUMBERING} could not be read to the end; list numbers may be missing"),
        ));
    }
    if parser.dropped > 0 {
        sink.diagnostic(Diagnostic::warning(
            "docx_numbering",
            format!(
                "{NUMBERING} has more than {MAX_DEFINITIONS} list definitions; {} were ignored",
                parser.dropped
            ),
        ));
    }
    Ok(parser.numbering)
}

#[derive(Default)]
struct Parser {
    numbering: Numbering,
    definition: Option<(u64, Definition)>,
    instance: Option<(u64, Instance)>,
    /// Inside a `w:lvlOverride` of `instance`, for this level (None if it names none).
    in_override: bool,
    override_level: Option<usize>,
    level: Option<(usize, Level)>,
    /// Definitions and instances past `MAX_DEFINITIONS`.
    dropped: usize,
}

impl Parser {
    fn event(&mut self, event: Xml<'_>) {
        match event {
            Xml::Start {
                ns,
                name,
                element,
                empty,
            } if is_w(ns) => {
                match name {
                    "abstractNum" => {
                        self.flush();
                        let id = attribute(element, "abstractNumId")
                            .as_deref()
                            .and_then(number);
                        self.definition = id.map(|id| (id, Definition::default()));
                    }
                    "num" => {
                        self.flush();
                        let id = attribute(element, "numId").as_deref().and_then(number);
                        self.instance = id.map(|id| (id, Instance::default()));
                    }
                    "numStyleLink" => {
                        if let Some((_, definition)) = self.definition.as_mut() {
                            definition.style_link = attribute(element, "val");
                        }
                    }
                    "abstractNumId" => {
                        if let Some((_, instance)) = self.instance.as_mut() {
                            instance.abstract_id = value(element);
                        }
                    }
                    "lvlOverride" => {
                        self.in_override = !empty;
                        self.override_level = level_index(element);
                    }
                    "startOverride" => {
                        if let (true, Some(level), Some((_, instance))) = (
                            self.in_override,
                            self.override_level,
                            self.instance.as_mut(),
                        ) {
                            instance.starts[level] = value(element).map(|v| v.min(MAX_COUNTER));
                        }
                    }
                    "lvl" => {
                        self.level = level_index(element).map(|i| (i, Level::default()));
                    }
                    _ => {
                        if let Some((_, level)) = self.level.as_mut() {
                            read_level_property(level, name, element);
                        }
                    }
                }
                if empty {
                    self.end(name);
                }
            }
            Xml::End { ns, name } if is_w(ns) => self.end(name),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "lvl" => {
                let Some((i, level)) = self.level.take() else {
                    return;
                };
                if self.in_override {
                    if let Some((_, instance)) = self.instance.as_mut() {
                        instance.levels[i] = Some(level);
                    }
                } else if let Some((_, definition)) = self.definition.as_mut() {
                    definition.levels[i] = Some(level);
                }
            }
            "lvlOverride" => {
                self.in_override = false;
                self.override_level = None;
            }
            "abstractNum" | "num" => self.flush(),
            _ => {}
        }
    }

    /// Keeps the definition or instance being read (also when the part ends inside it).
    fn flush(&mut self) {
        self.level = None;
        self.in_override = false;
        self.override_level = None;
        let numbering = &mut self.numbering;
        if let Some((id, definition)) = self.definition.take() {
            if numbering.definitions.len() < MAX_DEFINITIONS {
                numbering.definitions.entry(id).or_insert(definition);
            } else {
                self.dropped += 1;
            }
        }
        if let Some((id, instance)) = self.instance.take() {
            if numbering.instances.len() < MAX_DEFINITIONS {
                numbering.instances.entry(id).or_insert(instance);
            } else {
                self.dropped += 1;
            }
        }
    }
}

fn read_level_property(level: &mut Level, name: &str, element: &quick_xml::events::BytesStart<'_>) {
    match name {
        "start" => {
            if let Some(start) = value(element) {
                level.start = start.min(MAX_COUNTER);
            }
        }
        // Word writes custom formats as an mc:Choice followed by a decimal mc:Fallback: the
        // last one read wins, and both read as decimal.
        "numFmt" => {
            if let Some(format) = attribute(element, "val") {
                level.format = NumFormat::parse(format.trim());
            }
        }
        "lvlText" => {
            level.text =
                attribute(element, "val").map(|t| t.chars().take(MAX_LEVEL_TEXT).collect());
        }
        "lvlRestart" => level.restart = value(element),
        "isLgl" => {
            level.legal = attribute(element, "val")
                .is_none_or(|v| !matches!(v.trim(), "0" | "false" | "off"));
        }
        "pStyle" => level.style = attribute(element, "val"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(NumFormat::Decimal.render(17), "17");
        assert_eq!(NumFormat::DecimalZero.render(7), "07");
        assert_eq!(NumFormat::LowerLetter.render(1), "a");
        assert_eq!(NumFormat::LowerLetter.render(26), "z");
        assert_eq!(NumFormat::LowerLetter.render(27), "aa");
        assert_eq!(NumFormat::UpperLetter.render(54), "BBB");
        assert_eq!(
            NumFormat::LowerLetter.render(MAX_COUNTER).len(),
            MAX_LETTERS as usize
        );
        assert_eq!(NumFormat::LowerRoman.render(4), "iv");
        assert_eq!(NumFormat::UpperRoman.render(1994), "MCMXCIV");
        assert_eq!(NumFormat::UpperRoman.render(4000), "4000");
        assert_eq!(NumFormat::Bullet.render(3), "");
        assert_eq!(NumFormat::None.render(3), "");
    }

    #[test]
    fn numbers_saturate_and_refuse_anything_else() {
        assert_eq!(number(" 12 "), Some(12));
        assert_eq!(number("99999999999999999999999999"), Some(u64::MAX));
        assert_eq!(number("-1"), None);
        assert_eq!(number("1e3"), None);
        assert_eq!(number(""), None);
    }

    fn level(format: NumFormat, text: &str, start: u64) -> Option<Level> {
        Some(Level {
            start,
            format,
            text: Some(text.into()),
            ..Level::default()
        })
    }

    /// Abstract 1: "%1." decimal, "(%2)" lower letter, "%1.%2.%3" lower roman; instances 1
    /// and 2 of it, 2 restarting level 0 at 5; instance 3 of abstract 9, which links to
    /// numbering style "Outline", whose list is instance 1.
    fn numbering() -> (Numbering, HashMap<String, u64>) {
        let mut numbering = Numbering::default();
        let mut definition = Definition::default();
        definition.levels[0] = level(NumFormat::Decimal, "%1.", 1);
        definition.levels[1] = level(NumFormat::LowerLetter, "(%2)", 1);
        definition.levels[2] = level(NumFormat::LowerRoman, "%1.%2.%3", 1);
        numbering.definitions.insert(1, definition);
        numbering.definitions.insert(
            9,
            Definition {
                style_link: Some("Outline".into()),
                ..Definition::default()
            },
        );
        numbering.instances.insert(
            1,
            Instance {
                abstract_id: Some(1),
                ..Instance::default()
            },
        );
        let mut restart = Instance {
            abstract_id: Some(1),
            ..Instance::default()
        };
        restart.starts[0] = Some(5);
        numbering.instances.insert(2, restart);
        numbering.instances.insert(
            3,
            Instance {
                abstract_id: Some(9),
                ..Instance::default()
            },
        );
        (numbering, HashMap::from([("Outline".to_string(), 1)]))
    }

    #[test]
    fn counters_are_shared_by_instances_and_restart_deeper_levels() {
        let (mut n, links) = numbering();
        let mut label = |num, ilvl| n.label(num, Some(ilvl), None, &links);
        assert_eq!(label(1, 0).as_deref(), Some("1."));
        assert_eq!(label(1, 1).as_deref(), Some("(a)"));
        assert_eq!(label(1, 2).as_deref(), Some("1.a.i"));
        assert_eq!(label(1, 1).as_deref(), Some("(b)"));
        // Through the numbering style link: the same list. A level not used since its
        // restart shows one less than its start.
        assert_eq!(label(3, 0).as_deref(), Some("2."));
        assert_eq!(label(1, 2).as_deref(), Some("2.0.i"));
        // Instance 2 restarts level 0 at 5, once; instance 1 then continues the sequence.
        assert_eq!(label(2, 0).as_deref(), Some("5."));
        assert_eq!(label(2, 0).as_deref(), Some("6."));
        assert_eq!(label(1, 0).as_deref(), Some("7."));
        assert_eq!(label(1, 1).as_deref(), Some("(a)"));
        // Unknown lists and levels, and numId 0, give nothing.
        assert_eq!(label(4, 0), None);
        assert_eq!(label(1, 3), None);
        assert_eq!(label(1, 9), None);
        assert_eq!(label(0, 0), None);
    }
}
