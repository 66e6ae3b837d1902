//! The consultation phase: statements delivered at meetings, written inputs
//! sent to an open consultation, the text of each in its languages, and the
//! recommendations the secretariat finds in them.

use crate::error::{at_most, required};
use crate::{ActorCode, Distribution, Language, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The longest text Accord keeps for one item in one language (characters).
pub const MAX_TEXT_CHARS: usize = 2_000_000;
/// The longest written input the public form takes (characters).
pub const MAX_INPUT_CHARS: usize = 50_000;

crate::named_enum!(
    /// What carries text in a language: a document, a statement, an input.
    ItemKind, "item kind" {
        Document => "document",
        Statement => "statement",
        Input => "input",
    }
);

crate::named_enum!(
    /// Where the text of an item in a language stands: ready (typed in, or
    /// fully extracted from its file); pending (its file waits for a
    /// background extraction job); partial (extracted in part, the
    /// diagnostics say what could not be read); failed (nothing could be read).
    TextStatus, "text status" {
        Ready => "ready",
        Pending => "pending",
        Partial => "partial",
        Failed => "failed",
    }
);

/// A statement about to be recorded: delivered by an actor (for a group
/// when it speaks on the group's behalf) at a meeting, under an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStatement {
    pub process: Slug,
    /// The meeting's id.
    pub meeting: i64,
    /// 0 for the meeting as a whole.
    #[serde(default)]
    pub agenda_item: u32,
    /// Who delivers it: a state, a UN entity, an organisation.
    pub actor: ActorCode,
    /// The group it is delivered for, if any.
    #[serde(default)]
    pub on_behalf_of: Option<ActorCode>,
    pub title: String,
    pub delivered_on: NaiveDate,
    pub distribution: Distribution,
    #[serde(default)]
    pub embargo_until: Option<DateTime<Utc>>,
    /// Generated test data, labelled as such wherever it appears.
    #[serde(default)]
    pub synthetic: bool,
}

impl NewStatement {
    /// Whose statement it is: the group it is delivered for, else its
    /// speaker. "Austria on behalf of the European Union" is the European
    /// Union's statement, spoken by Austria: listed, searched and counted
    /// under the group.
    pub fn credited_to(&self) -> &ActorCode {
        self.on_behalf_of.as_ref().unwrap_or(&self.actor)
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        required("statement title", &self.title)?;
        at_most("statement title", &self.title, 500)
    }
}

/// A recorded statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: i64,
    #[serde(flatten)]
    pub statement: NewStatement,
    /// Who entered it (an account's name), and when.
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
    /// Entered by the secretariat after the meeting's window for statements
    /// had closed (others are refused then): shown as "filed late".
    #[serde(default)]
    pub filed_late: bool,
}

impl std::ops::Deref for Statement {
    type Target = NewStatement;
    fn deref(&self) -> &NewStatement {
        &self.statement
    }
}

/// A file as Accord keeps it: by the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    /// Lower-case hex SHA-256 of the bytes: the file's name in the blob store.
    pub sha256: String,
    pub size: u64,
    pub content_type: String,
    /// The name it was uploaded as (cleaned), for downloads.
    pub filename: String,
}

/// A heading or a paragraph of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TextBlock {
    Heading { level: u8, text: String },
    Paragraph { text: String },
}

/// The text of an item in one language: typed in, or extracted from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemText {
    pub language: Language,
    /// The plain text (empty while extraction is pending).
    pub body: String,
    /// Headings and paragraphs, when known.
    #[serde(default)]
    pub blocks: Vec<TextBlock>,
    #[serde(default)]
    pub file: Option<StoredFile>,
    pub status: TextStatus,
    /// What could not be read, in words.
    #[serde(default)]
    pub diagnostics: Vec<String>,
    /// The language was detected, not given by the uploader.
    #[serde(default)]
    pub language_detected: bool,
    /// The language the text looks like when it is not the one declared
    /// (`language_flag`): flagged to the uploader and the secretariat,
    /// never refused.
    #[serde(default)]
    pub looks_like: Option<Language>,
}

impl ItemText {
    /// Typed in, or read from a file.
    pub fn source(&self) -> TextSource {
        if self.file.is_some() {
            TextSource::File
        } else {
            TextSource::Typed
        }
    }

    /// Text typed in (or pasted) in a language.
    pub fn typed(language: Language, body: &str) -> Result<Self, ValidationError> {
        required("text", body)?;
        at_most("text", body, MAX_TEXT_CHARS)?;
        let blocks = body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| TextBlock::Paragraph { text: p.to_owned() })
            .collect();
        Ok(ItemText {
            language,
            body: body.trim().to_owned(),
            blocks,
            file: None,
            status: TextStatus::Ready,
            diagnostics: vec![],
            language_detected: false,
            looks_like: None,
        })
    }
}

crate::named_enum!(
    /// Where a version of a text in a language comes from: typed in (or
    /// pasted), or read from an uploaded file.
    TextSource, "text source" {
        Typed => "typed",
        File => "file",
    }
);

/// Where a new text in a language goes, given the version standing there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPlacement {
    /// It stands: there was no text in that language, or it replaces one
    /// from the same source (a corrected file replaces the file, a
    /// corrected typed text the typed one).
    Stands,
    /// It is kept beside the standing version, from the other source (a
    /// file beside typed text, or typed text beside a file): the standing
    /// one stays shown until the secretariat chooses, and neither is lost.
    /// It replaces an earlier version from its own source set beside, and
    /// the choice is open again.
    Beside,
}

/// Where a text from `new` goes when `standing` is the source of the
/// version shown in that language (`None`: no text yet).
pub fn place_text(standing: Option<TextSource>, new: TextSource) -> TextPlacement {
    match standing {
        Some(s) if s != new => TextPlacement::Beside,
        _ => TextPlacement::Stands,
    }
}

/// The version of an item's text kept beside the one that stands in the
/// same language (from the other source), and the secretariat's choice
/// between the two once made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherVersion {
    pub text: ItemText,
    /// Who chose which version stands, and when; `None` while the choice
    /// is open (the version first given stands meanwhile).
    pub chosen: Option<VersionChoice>,
}

/// A recorded choice between two versions of a text in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionChoice {
    /// The account's name.
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Checks a choice of `chosen` as the version that stands in `language`,
/// given the standing version's source and the other version's (if any):
/// true when the two change places, false when the standing one is
/// confirmed.
pub fn check_version_choice(
    language: Language,
    standing: Option<TextSource>,
    other: Option<TextSource>,
    chosen: TextSource,
) -> Result<bool, ValidationError> {
    match (standing, other) {
        (Some(standing), Some(other)) if standing != other => Ok(chosen != standing),
        _ => Err(ValidationError::OneVersion(language.to_string())),
    }
}

/// Texts with fewer letters than this are too short to judge their language.
pub const LANGUAGE_FLAG_MIN_LETTERS: usize = 40;
/// Ideographs carry more per character than letters: a Chinese text of this
/// many is long enough.
pub const LANGUAGE_FLAG_MIN_IDEOGRAPHS: usize = 15;
/// The detector's least confidence for a text to be flagged.
pub const LANGUAGE_FLAG_MIN_CONFIDENCE: f64 = 0.8;

/// The language a text declared in `declared` looks like instead, when the
/// detector says so with confidence and the text is long enough to judge;
/// `detected` is the detector's answer (language, confidence from 0 to 1).
pub fn language_flag(
    declared: Language,
    text: &str,
    detected: Option<(Language, f64)>,
) -> Option<Language> {
    let (language, confidence) = detected?;
    let ideographs = text.chars().filter(|c| is_ideograph(*c)).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count() - ideographs;
    let long_enough =
        letters >= LANGUAGE_FLAG_MIN_LETTERS || ideographs >= LANGUAGE_FLAG_MIN_IDEOGRAPHS;
    (language != declared && long_enough && confidence >= LANGUAGE_FLAG_MIN_CONFIDENCE)
        .then_some(language)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// An open call for written inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// Taken from the path.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub process: Slug,
    pub slug: Slug,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub opens_at: DateTime<Utc>,
    #[serde(default)]
    pub closes_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub synthetic: bool,
}

impl Consultation {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("consultation title", &self.title)?;
        at_most("consultation title", &self.title, 500)?;
        at_most("consultation description", &self.description, 20_000)?;
        if let Some(closes) = self.closes_at {
            if closes <= self.opens_at {
                return Err(ValidationError::EndBeforeStart {
                    what: format!("the consultation '{}'", self.slug),
                    start: self.opens_at.date_naive(),
                    end: closes.date_naive(),
                });
            }
        }
        Ok(())
    }

    pub fn is_open_at(&self, now: DateTime<Utc>) -> bool {
        self.opens_at <= now && self.closes_at.is_none_or(|c| now < c)
    }
}

/// A written input about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInput {
    pub process: Slug,
    pub consultation: Slug,
    /// The sender's name, if they give it.
    #[serde(default)]
    pub author: Option<String>,
    /// The organisation they write for, if any.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The state they write from, if they say.
    #[serde(default)]
    pub country: Option<ActorCode>,
    /// None: detected from the text.
    #[serde(default)]
    pub language: Option<Language>,
    pub text: String,
    /// The id a bulk import gave it: importing it again changes nothing.
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub synthetic: bool,
}

impl NewInput {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("input text", &self.text)?;
        at_most("input text", &self.text, MAX_INPUT_CHARS)?;
        for (what, v) in [("name", &self.author), ("organisation", &self.organisation)] {
            if let Some(v) = v {
                at_most(what, v, 300)?;
            }
        }
        if let Some(id) = &self.external_id {
            required("external id", id)?;
            at_most("external id", id, 200)?;
        }
        Ok(())
    }
}

/// A recorded input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Input {
    pub id: i64,
    pub process: Slug,
    pub consultation: Slug,
    pub author: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<ActorCode>,
    pub language: Language,
    pub language_detected: bool,
    pub text: String,
    pub external_id: Option<String>,
    pub synthetic: bool,
    pub distribution: Distribution,
    pub submitted_at: DateTime<Utc>,
}

/// A passage of a statement or an input marked as a concrete recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRecommendation {
    /// Taken from the path.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub process: Slug,
    /// A statement or an input.
    pub source: ItemKind,
    pub source_id: i64,
    pub language: Language,
    /// The passage, as it stands in the source's text in that language.
    pub passage: String,
    #[serde(default)]
    pub themes: Vec<Slug>,
}

impl NewRecommendation {
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.source == ItemKind::Document {
            return Err(ValidationError::Invalid {
                what: "recommendation source",
                value: "document".into(),
                reason: "a recommendation comes from a statement or an input",
            });
        }
        required("recommendation passage", &self.passage)?;
        at_most("recommendation passage", &self.passage, 5_000)
    }

    /// Where the passage starts in `text` (in characters), ignoring
    /// differences of white space; None when the text does not contain it.
    pub fn locate(&self, text: &str) -> Option<usize> {
        locate(text, &self.passage)
    }
}

/// The char offset of `passage` in `text`, comparing runs of white space as
/// one space.
pub fn locate(text: &str, passage: &str) -> Option<usize> {
    let want: Vec<&str> = passage.split_whitespace().collect();
    let first = *want.first()?;
    let words: Vec<(usize, &str)> = word_offsets(text);
    'start: for i in 0..words.len() {
        if !words[i].1.ends_with(first) {
            continue;
        }
        for (k, w) in want.iter().enumerate().skip(1) {
            let (_, got) = words.get(i + k)?;
            let last = k == want.len() - 1;
            if !(got == w || (last && got.starts_with(w))) {
                continue 'start;
            }
        }
        // The first word may start inside a longer one ("(a) Ensure" → "Ensure").
        let (offset, word) = words[i];
        let skip = word.chars().count() - first.chars().count();
        return Some(offset + skip);
    }
    None
}

fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = vec![];
    let mut start: Option<(usize, usize)> = None;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some((s_ci, s_bi))) => {
                out.push((s_ci, &text[s_bi..bi]));
                start = None;
            }
            (false, None) => start = Some((ci, bi)),
            _ => {}
        }
    }
    if let Some((s_ci, s_bi)) = start {
        out.push((s_ci, &text[s_bi..]));
    }
    out
}

/// A recorded recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: i64,
    #[serde(flatten)]
    pub recommendation: NewRecommendation,
    /// Where the passage starts in the source's text (characters).
    pub start: usize,
    pub marked_by: String,
    pub marked_at: DateTime<Utc>,
}

impl std::ops::Deref for Recommendation {
    type Target = NewRecommendation;
    fn deref(&self) -> &NewRecommendation {
        &self.recommendation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_from_the_other_source_is_kept_beside_the_one_that_stands() {
        use TextPlacement::*;
        use TextSource::*;
        // (source standing in that language, source of the new text, where it goes)
        let cases = [
            (None, Typed, Stands),
            (None, File, Stands),
            (Some(Typed), Typed, Stands),
            (Some(File), File, Stands),
            (Some(Typed), File, Beside),
            (Some(File), Typed, Beside),
        ];
        for (standing, new, expected) in cases {
            assert_eq!(place_text(standing, new), expected, "{standing:?} + {new}");
        }
    }

    #[test]
    fn the_secretariat_chooses_between_two_versions_only() {
        use TextSource::*;
        let en = Language::En;
        // (standing, other, chosen, expected: Ok(they change places) or the error kind)
        type Case = (
            Option<TextSource>,
            Option<TextSource>,
            TextSource,
            Result<bool, &'static str>,
        );
        let cases: [Case; 7] = [
            (Some(Typed), Some(File), File, Ok(true)),
            (Some(Typed), Some(File), Typed, Ok(false)),
            (Some(File), Some(Typed), Typed, Ok(true)),
            (Some(File), Some(Typed), File, Ok(false)),
            (Some(Typed), None, File, Err("one_version")),
            (None, None, Typed, Err("one_version")),
            (Some(File), Some(File), Typed, Err("one_version")),
        ];
        for (standing, other, chosen, expected) in cases {
            let got = check_version_choice(en, standing, other, chosen).map_err(|e| e.kind());
            assert_eq!(got, expected, "{standing:?} / {other:?}, {chosen}");
        }
    }

    #[test]
    fn a_text_that_looks_like_another_language_is_flagged_when_it_can_be_judged() {
        use Language::*;
        let long_es = "Considerando que la libertad, la justicia y la paz en el mundo tienen por base el reconocimiento de la dignidad intrínseca";
        let long_zh = "鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认";
        // (declared, text, detector's answer, expected flag)
        type Case<'a> = (Language, &'a str, Option<(Language, f64)>, Option<Language>);
        let cases: [Case; 9] = [
            (En, long_es, Some((Es, 1.0)), Some(Es)),
            (Es, long_es, Some((Es, 1.0)), None),
            (En, long_es, Some((Es, 0.79)), None),
            (En, long_es, Some((Es, 0.8)), Some(Es)),
            (En, long_es, None, None),
            (En, "Gracias, señor Presidente.", Some((Es, 1.0)), None),
            (En, "", Some((Es, 1.0)), None),
            (Ru, long_zh, Some((Zh, 1.0)), Some(Zh)),
            (Ru, "世界人权宣言", Some((Zh, 1.0)), None),
        ];
        for (declared, text, detected, expected) in cases {
            assert_eq!(
                language_flag(declared, text, detected),
                expected,
                "{declared} {text:?} {detected:?}"
            );
        }
    }

    #[test]
    fn passages_are_found_whatever_the_white_space() {
        let text = "We call on States to:\n(a) Ensure  access to\nbasic services; and (b) more.";
        assert_eq!(locate(text, "Ensure access to basic services"), Some(26));
        assert_eq!(locate(text, "access to basic"), Some(34));
        assert_eq!(locate(text, "Ensure access to housing"), None);
        assert_eq!(locate(text, ""), None);
        assert_eq!(locate("", "x"), None);
        // Non-ASCII text: offsets are in characters.
        let ar = "ندعو الدول إلى ضمان الوصول";
        assert_eq!(locate(ar, "ضمان الوصول"), Some(15));
    }

    #[test]
    fn an_input_needs_text_within_limits() {
        let mut input = NewInput {
            process: Slug::new("gcm").unwrap(),
            consultation: Slug::new("online").unwrap(),
            author: None,
            organisation: Some("x".repeat(301)),
            country: None,
            language: None,
            text: "  ".into(),
            external_id: None,
            synthetic: false,
        };
        assert_eq!(input.validate(), Err(ValidationError::Empty("input text")));
        input.text = "Protect the rights of migrant workers.".into();
        assert_eq!(
            input.validate(),
            Err(ValidationError::TooLong {
                what: "organisation",
                max: 300
            })
        );
        input.organisation = None;
        assert!(input.validate().is_ok());
        input.text = "x".repeat(MAX_INPUT_CHARS + 1);
        assert!(input.validate().is_err());
    }

    #[test]
    fn a_consultation_is_open_between_its_dates() {
        let c = Consultation {
            process: Slug::new("gcm").unwrap(),
            slug: Slug::new("online").unwrap(),
            title: "Online consultation".into(),
            description: String::new(),
            opens_at: "2017-05-01T00:00:00Z".parse().unwrap(),
            closes_at: Some("2017-06-01T00:00:00Z".parse().unwrap()),
            synthetic: false,
        };
        assert!(c.validate().is_ok());
        assert!(!c.is_open_at("2017-04-30T23:59:59Z".parse().unwrap()));
        assert!(c.is_open_at("2017-05-15T00:00:00Z".parse().unwrap()));
        assert!(!c.is_open_at("2017-06-01T00:00:00Z".parse().unwrap()));
        let mut backwards = c.clone();
        backwards.closes_at = Some("2017-04-01T00:00:00Z".parse().unwrap());
        assert_eq!(backwards.validate().unwrap_err().kind(), "end_before_start");
    }
}
