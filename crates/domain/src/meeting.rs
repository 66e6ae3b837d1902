use crate::error::required;
use crate::{check_dates, ActorCode, Slug, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::named_enum!(
    /// The kinds of meeting a process may hold (DESIGN.md §3).
    MeetingKind, "meeting kind" {
        ThematicSession => "thematic_session",
        RegionalConsultation => "regional_consultation",
        MultiStakeholderHearing => "multi_stakeholder_hearing",
        PreparatoryMeeting => "preparatory_meeting",
        NegotiationRound => "negotiation_round",
        InformalConsultation => "informal_consultation",
        Conference => "conference",
        PlenaryMeeting => "plenary_meeting",
        ReviewForum => "review_forum",
    }
);

/// Where a meeting is held. `country` is the host state's actor code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// The building or room, when known (e.g. "Palais des Nations, Room XIX").
    #[serde(default)]
    pub name: Option<String>,
    pub city: String,
    pub country: ActorCode,
}

/// Who chairs a meeting, in the office they chaired it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Chair {
    pub name: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
}

/// A meeting about to be recorded: everything but the id the store gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMeeting {
    /// Taken from the path.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub process: Slug,
    /// Unique within the process; a stable name for imports and links.
    pub slug: Slug,
    pub kind: MeetingKind,
    #[serde(default)]
    pub number: Option<u32>,
    pub title: String,
    /// The title in other official languages, where it has been given.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub title_translations: crate::TitleTranslations,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// `None` when the venue is not known for certain.
    #[serde(default)]
    pub venue: Option<Venue>,
    #[serde(default)]
    pub chairs: Vec<Chair>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Codes of the process's themes the meeting addresses.
    #[serde(default)]
    pub themes: Vec<Slug>,
    /// What a reader should know about the dates or venue.
    #[serde(default)]
    pub note: Option<String>,
}

impl NewMeeting {
    /// Rules that need nothing but the meeting itself.
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("meeting title", &self.title)?;
        crate::check_title_translations("translated meeting title", &self.title_translations)?;
        check_dates(
            &format!("the meeting '{}'", self.title),
            self.start_date,
            Some(self.end_date),
        )?;
        if let Some(venue) = &self.venue {
            required("venue city", &venue.city)?;
        }
        let mut numbers: Vec<u32> = self.agenda.iter().map(|a| a.number).collect();
        numbers.sort_unstable();
        if let Some(w) = numbers.windows(2).find(|w| w[0] == w[1]) {
            return Err(ValidationError::DuplicateAgendaItem(w[0]));
        }
        for item in &self.agenda {
            required("agenda item title", &item.title)?;
        }
        for chair in &self.chairs {
            required("chair name", &chair.name)?;
        }
        Ok(())
    }

    /// Actor codes the meeting refers to, which must exist.
    pub fn referenced_actors(&self) -> impl Iterator<Item = &ActorCode> {
        self.venue.iter().map(|v| &v.country)
    }

    pub fn with_id(self, id: i64) -> Meeting {
        Meeting { id, meeting: self }
    }
}

/// A recorded meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    #[serde(flatten)]
    pub meeting: NewMeeting,
}

impl std::ops::Deref for Meeting {
    type Target = NewMeeting;
    fn deref(&self) -> &NewMeeting {
        &self.meeting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn meeting() -> NewMeeting {
        NewMeeting {
            process: Slug::new("gcm").unwrap(),
            slug: Slug::new("thematic-session-1").unwrap(),
            kind: MeetingKind::ThematicSession,
            number: Some(1),
            title: "Human rights of all migrants".into(),
            title_translations: Default::default(),
            start_date: "2017-05-08".parse().unwrap(),
            end_date: "2017-05-09".parse().unwrap(),
            venue: None,
            chairs: vec![],
            agenda: vec![],
            themes: vec![],
            note: None,
        }
    }

    #[test]
    fn end_before_start() {
        let mut m = meeting();
        m.end_date = "2017-05-07".parse().unwrap();
        let err = m.validate().unwrap_err();
        assert_eq!(err.kind(), "end_before_start");
        assert!(err.to_string().contains("2017-05-07"), "{err}");
    }

    #[test]
    fn agenda_numbers_are_unique() {
        let mut m = meeting();
        m.agenda = vec![
            AgendaItem {
                number: 1,
                title: "Opening".into(),
            },
            AgendaItem {
                number: 1,
                title: "Again".into(),
            },
        ];
        assert_eq!(m.validate(), Err(ValidationError::DuplicateAgendaItem(1)));
    }

    #[test]
    fn kinds_parse_in_snake_case() {
        assert_eq!(
            "negotiation_round".parse::<MeetingKind>().unwrap(),
            MeetingKind::NegotiationRound
        );
        let err = "tea_party".parse::<MeetingKind>().unwrap_err();
        assert!(err.to_string().contains("thematic_session"), "{err}");
    }

    #[test]
    fn a_process_refuses_kinds_it_does_not_hold() {
        let process = crate::Process {
            slug: Slug::new("gcm").unwrap(),
            title: "GCM".into(),
            title_translations: Default::default(),
            description: String::new(),
            mandate: vec![],
            languages: vec![crate::Language::En],
            co_facilitators: vec![],
            secretariat: vec![],
            meeting_kinds: vec![MeetingKind::ThematicSession],
        };
        assert!(process
            .check_meeting_kind(MeetingKind::ThematicSession)
            .is_ok());
        let err = process
            .check_meeting_kind(MeetingKind::ReviewForum)
            .unwrap_err();
        assert_eq!(err.kind(), "unknown_meeting_kind");
    }
}
