//! Accord's domain: the words of an intergovernmental process as types, and the
//! rules that keep them true. Pure: no IO, no SQL, no HTTP.

mod access;
mod accreditation;
mod actor;
pub mod adoption;
pub mod audit;
mod consultation;
mod document;
mod error;
mod ident;
mod language;
mod meeting;
pub mod negotiation;
mod phase;
mod process;
mod speakers;
pub mod stocktaking;
mod theme;

pub use access::{check_person_name, Account, Email, Role, RoleGrant};
pub use accreditation::{
    AccreditationOutcome, AccreditationStatus, Application, BodyDecision, DecidingBody,
    NewApplication, Objection, StakeholderKind,
};
pub use actor::{Actor, ActorKind, Membership};
pub use consultation::{
    check_version_choice, language_flag, locate, place_text, Consultation, Input, ItemKind,
    ItemText, NewInput, NewRecommendation, NewStatement, OtherVersion, Recommendation, Statement,
    StoredFile, TextBlock, TextPlacement, TextSource, TextStatus, VersionChoice, MAX_INPUT_CHARS,
    MAX_TEXT_CHARS,
};
pub use document::{
    ChangeKind, Clearance, Distribution, Document, DocumentEdit, DocumentKind, NewDocument,
    RecordChange,
};
pub use error::ValidationError;
pub use ident::{ActorCode, Slug, Symbol};
pub use language::{
    check_title_translations, title_in, Language, TitleTranslations, MAX_TRANSLATED_TITLE,
};
pub use meeting::{
    AgendaItem, Chair, FieldChange, Meeting, MeetingChange, MeetingChangeKind, MeetingEdit,
    MeetingKind, MeetingStatus, NewMeeting, Venue,
};
pub use phase::{current_phase, Phase, PhaseChange, PhaseChangeKind, PhaseDecision, PhaseKind};
pub use process::{
    check_record_resolver, officers_text, official_record_url, Officer, Process, ProcessEdit,
    DEFAULT_RECORD_RESOLVER,
};
pub use speakers::{speaking_order, Inscription, SpeakerCategory, SpeakerStatus};
pub use theme::{Theme, ThemeEdit};

/// Checks that a date range is ordered; `what` names the thing in the error.
pub fn check_dates(
    what: &str,
    start: chrono::NaiveDate,
    end: Option<chrono::NaiveDate>,
) -> Result<(), ValidationError> {
    match end {
        Some(end) if end < start => Err(ValidationError::EndBeforeStart {
            what: what.to_owned(),
            start,
            end,
        }),
        _ => Ok(()),
    }
}

/// Declares a closed set of snake_case names: `as_str`, `ALL`, `FromStr`, serde.
macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident, $what:literal { $($variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err($crate::ValidationError::UnknownName {
                        what: $what,
                        value: s.chars().take(64).collect(),
                        expected: vec![$($s),+],
                    }),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($s),+]))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use named_enum;
