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

#[cfg(test)]
mod tests {
    use super::*;

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
