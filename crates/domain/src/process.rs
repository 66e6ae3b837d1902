use crate::error::required;
use crate::{ActorCode, Language, MeetingKind, Slug, Symbol, ValidationError};
use serde::{Deserialize, Serialize};

/// A person holding an office in a process: a co-facilitator, the head of
/// the secretariat. `actor` is the actor they represent, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Officer {
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub actor: Option<ActorCode>,
}

/// An intergovernmental process: from its mandate to its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub slug: Slug,
    pub title: String,
    /// The title in other official languages, where it has been given.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub title_translations: crate::TitleTranslations,
    #[serde(default)]
    pub description: String,
    /// The resolutions that launched and shaped the process.
    pub mandate: Vec<Symbol>,
    pub languages: Vec<Language>,
    pub co_facilitators: Vec<Officer>,
    pub secretariat: Vec<Officer>,
    /// The kinds of meeting this process holds; others are refused.
    pub meeting_kinds: Vec<MeetingKind>,
    /// Where a document's official record is found by its symbol: an
    /// `https://` URL with `{symbol}` where the symbol goes. `None`: the
    /// UN's short resolver, [`DEFAULT_RECORD_RESOLVER`].
    #[serde(default)]
    pub record_resolver: Option<String>,
}

/// The UN's long-standing short resolver: `https://undocs.org/A/RES/73/195`
/// opens the document of that symbol in the Official Document System.
pub const DEFAULT_RECORD_RESOLVER: &str = "https://undocs.org/{symbol}";

/// Checks a resolver template: an `https://` URL with `{symbol}` exactly
/// once, and no character that could end an attribute or a URL early.
pub fn check_record_resolver(template: &str) -> Result<(), ValidationError> {
    let bad = |reason| {
        Err(ValidationError::Invalid {
            what: "record resolver",
            value: template.chars().take(200).collect(),
            reason,
        })
    };
    if template.len() > 500 {
        return bad("at most 500 characters");
    }
    if !template.starts_with("https://") || template.len() <= "https://".len() {
        return bad("an https:// address");
    }
    if template.matches("{symbol}").count() != 1 {
        return bad("contains {symbol} exactly once, where the symbol goes");
    }
    if template.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    }) {
        return bad("no spaces, quotes, angle brackets or backslashes");
    }
    Ok(())
}

/// The address of a document's official record: the template with the
/// symbol percent-encoded (every byte but letters, digits, `-._~` and the
/// `/` that separates a symbol's parts), so no symbol can leave its place
/// in the URL.
pub fn official_record_url(template: Option<&str>, symbol: &str) -> String {
    let mut encoded = String::with_capacity(symbol.len());
    for b in symbol.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    template
        .unwrap_or(DEFAULT_RECORD_RESOLVER)
        .replacen("{symbol}", &encoded, 1)
}

impl Process {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("process title", &self.title)?;
        crate::check_title_translations("translated process title", &self.title_translations)?;
        if self.languages.is_empty() {
            return Err(ValidationError::Empty("official languages"));
        }
        if self.meeting_kinds.is_empty() {
            return Err(ValidationError::Empty("meeting kinds"));
        }
        for officer in self.co_facilitators.iter().chain(&self.secretariat) {
            required("officer name", &officer.name)?;
        }
        if let Some(t) = &self.record_resolver {
            check_record_resolver(t)?;
        }
        Ok(())
    }

    /// The process as its secretariat corrected it, and what changed field
    /// by field; its slug stays. Refused when it breaks a process's rules or
    /// changes nothing. (That no meeting is of a kind taken away is checked
    /// against the store by the use case.)
    pub fn edited(
        &self,
        edit: ProcessEdit,
    ) -> Result<(Process, Vec<crate::FieldChange>), ValidationError> {
        let next = Process {
            slug: self.slug.clone(),
            title: edit.title.trim().to_owned(),
            title_translations: edit
                .title_translations
                .into_iter()
                .map(|(l, t)| (l, t.trim().to_owned()))
                .collect(),
            description: edit.description.trim().to_owned(),
            mandate: edit.mandate,
            languages: edit.languages,
            co_facilitators: edit.co_facilitators,
            secretariat: edit.secretariat,
            meeting_kinds: edit.meeting_kinds,
            // The UN's resolver is the default: kept as none, as given none.
            record_resolver: edit
                .record_resolver
                .filter(|t| !t.trim().is_empty() && t != DEFAULT_RECORD_RESOLVER),
        };
        next.validate()?;
        let changes = process_changes(self, &next);
        if changes.is_empty() {
            return Err(ValidationError::NothingChanged(
                "the process already reads so".into(),
            ));
        }
        Ok((next, changes))
    }

    /// Actor codes this process refers to, which must exist.
    pub fn referenced_actors(&self) -> impl Iterator<Item = &ActorCode> {
        self.co_facilitators
            .iter()
            .chain(&self.secretariat)
            .filter_map(|o| o.actor.as_ref())
    }

    /// Refuses a meeting kind the process does not hold.
    pub fn check_meeting_kind(&self, kind: MeetingKind) -> Result<(), ValidationError> {
        if self.meeting_kinds.contains(&kind) {
            Ok(())
        } else {
            Err(ValidationError::UnknownMeetingKind {
                process: self.slug.to_string(),
                kind: kind.to_string(),
                known: self
                    .meeting_kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    }
}

/// What the secretariat may correct in a process: all it holds but its
/// slug, which stays (addresses and records name the process by it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessEdit {
    pub title: String,
    pub title_translations: crate::TitleTranslations,
    pub description: String,
    pub mandate: Vec<Symbol>,
    pub languages: Vec<Language>,
    pub co_facilitators: Vec<Officer>,
    pub secretariat: Vec<Officer>,
    pub meeting_kinds: Vec<MeetingKind>,
    pub record_resolver: Option<String>,
}

/// Officers as text, one a line, `Name | Title | ACTOR` (what is not known
/// left off the end): as the secretariat's form reads and shows them.
pub fn officers_text(list: &[Officer]) -> String {
    list.iter()
        .map(|o| {
            let actor = o
                .actor
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            format!("{} | {} | {actor}", o.name, o.title)
                .trim_end_matches([' ', '|'])
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields that differ between two states of a process, as text.
fn process_changes(before: &Process, after: &Process) -> Vec<crate::FieldChange> {
    fn joined<T: std::fmt::Display>(items: &[T]) -> String {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
    let text = |p: &Process| {
        [
            ("title", p.title.clone()),
            (
                "title_translations",
                crate::meeting::translations_text(&p.title_translations),
            ),
            ("description", p.description.clone()),
            ("mandate", joined(&p.mandate)),
            ("languages", joined(&p.languages)),
            ("co_facilitators", officers_text(&p.co_facilitators)),
            ("secretariat", officers_text(&p.secretariat)),
            ("meeting_kinds", joined(&p.meeting_kinds)),
            (
                "record_resolver",
                p.record_resolver.clone().unwrap_or_default(),
            ),
        ]
    };
    text(before)
        .into_iter()
        .zip(text(after))
        .filter(|((_, b), (_, a))| b != a)
        .map(|((field, before), (_, after))| crate::FieldChange {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn process() -> Process {
        Process {
            slug: "gcm".parse().unwrap(),
            title: "Global Compact for Migration".into(),
            title_translations: Default::default(),
            description: String::new(),
            mandate: vec!["A/RES/71/280".parse().unwrap()],
            languages: vec![Language::En, Language::Fr],
            co_facilitators: vec![],
            secretariat: vec![],
            meeting_kinds: vec![MeetingKind::Conference],
            record_resolver: None,
        }
    }

    fn edit_of(p: &Process) -> ProcessEdit {
        ProcessEdit {
            title: p.title.clone(),
            title_translations: p.title_translations.clone(),
            description: p.description.clone(),
            mandate: p.mandate.clone(),
            languages: p.languages.clone(),
            co_facilitators: p.co_facilitators.clone(),
            secretariat: p.secretariat.clone(),
            meeting_kinds: p.meeting_kinds.clone(),
            record_resolver: p.record_resolver.clone(),
        }
    }

    #[test]
    fn an_edit_keeps_the_slug_and_records_each_field_changed() {
        let p = process();
        assert_eq!(p.edited(edit_of(&p)).unwrap_err().kind(), "nothing_changed");
        let mut edit = edit_of(&p);
        edit.title = "  Global Compact for Safe, Orderly and Regular Migration ".into();
        edit.title_translations
            .insert(Language::Fr, "Pacte mondial pour des migrations".into());
        edit.mandate.push("A/RES/72/244".parse().unwrap());
        edit.record_resolver = Some(DEFAULT_RECORD_RESOLVER.into());
        let (next, changes) = p.edited(edit).unwrap();
        assert_eq!(next.slug, p.slug);
        assert_eq!(
            next.title,
            "Global Compact for Safe, Orderly and Regular Migration"
        );
        assert_eq!(next.record_resolver, None);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["title", "title_translations", "mandate"]);
        assert_eq!(changes[2].after, "A/RES/71/280, A/RES/72/244");
        assert_eq!(changes[1].after, "fr: Pacte mondial pour des migrations");
    }

    #[test]
    fn an_edit_that_breaks_a_rule_of_processes_is_refused() {
        let p = process();
        let mut edit = edit_of(&p);
        edit.languages.clear();
        assert_eq!(p.edited(edit).unwrap_err().kind(), "invalid");
        let mut edit = edit_of(&p);
        edit.record_resolver = Some("http://undocs.org/{symbol}".into());
        assert_eq!(p.edited(edit).unwrap_err().kind(), "invalid");
        let mut edit = edit_of(&p);
        edit.title = " ".into();
        assert_eq!(p.edited(edit).unwrap_err().kind(), "invalid");
    }

    #[test]
    fn the_official_record_is_found_by_symbol() {
        assert_eq!(
            official_record_url(None, "A/RES/73/195"),
            "https://undocs.org/A/RES/73/195"
        );
        assert_eq!(
            official_record_url(
                Some("https://documents.un.org/symbol-explorer?s={symbol}"),
                "A/CONF.231/3"
            ),
            "https://documents.un.org/symbol-explorer?s=A/CONF.231/3"
        );
    }

    #[test]
    fn a_hostile_symbol_cannot_leave_its_place_in_the_url() {
        let url = official_record_url(None, "A/1\"><script>alert(1)</script>?x=1#y&z");
        assert_eq!(
            url,
            "https://undocs.org/A/1%22%3E%3Cscript%3Ealert%281%29%3C/script%3E%3Fx%3D1%23y%26z"
        );
        assert!(!url.contains(['"', '<', '>', '?', '#', '&', ' ']));
        let url = official_record_url(Some("https://r.example/?s={symbol}"), "A B\n{symbol}é");
        assert_eq!(url, "https://r.example/?s=A%20B%0A%7Bsymbol%7D%C3%A9");
    }

    #[test]
    fn a_resolver_is_an_https_address_with_one_place_for_the_symbol() {
        assert!(check_record_resolver(DEFAULT_RECORD_RESOLVER).is_ok());
        assert!(
            check_record_resolver("https://documents.un.org/symbol-explorer?s={symbol}").is_ok()
        );
        for bad in [
            "",
            "https://",
            "http://undocs.org/{symbol}",
            "javascript:alert(1)//{symbol}",
            "https://undocs.org/",
            "https://undocs.org/{symbol}/{symbol}",
            "https://undocs.org/{symbol}\" onmouseover=\"x",
            "https://undocs.org/ {symbol}",
            "https://undocs.org/<{symbol}>",
        ] {
            assert!(check_record_resolver(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_record_resolver(&format!("https://{}{{symbol}}", "a".repeat(600))).is_err());
    }
}
