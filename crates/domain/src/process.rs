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
