use crate::error::required;
use crate::{check_dates, ActorCode, Slug, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
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
        Meeting {
            id,
            meeting: self,
            status: MeetingStatus::Scheduled,
        }
    }
}

crate::named_enum!(
    /// Whether a meeting will be held. A postponed meeting is scheduled on
    /// its new dates (its history says it was postponed).
    MeetingStatus, "meeting status" {
        Scheduled => "scheduled",
        Cancelled => "cancelled",
    }
);

/// A recorded meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    #[serde(flatten)]
    pub meeting: NewMeeting,
    pub status: MeetingStatus,
}

impl Meeting {
    pub fn is_cancelled(&self) -> bool {
        self.status == MeetingStatus::Cancelled
    }

    /// Refuses any change to a cancelled meeting.
    fn check_open_to_change(&self) -> Result<(), ValidationError> {
        if self.is_cancelled() {
            return Err(ValidationError::MeetingCancelled(
                self.meeting.title.clone(),
            ));
        }
        Ok(())
    }

    /// The meeting as edited, and what changed field by field; refused
    /// when the meeting is cancelled, the edit breaks a meeting's rules, or
    /// nothing would change.
    pub fn edited(
        &self,
        edit: &MeetingEdit,
    ) -> Result<(Meeting, Vec<FieldChange>), ValidationError> {
        self.check_open_to_change()?;
        let mut next = self.clone();
        next.meeting.title = edit.title.trim().to_owned();
        next.meeting.title_translations = edit.title_translations.clone();
        next.meeting.start_date = edit.start_date;
        next.meeting.end_date = edit.end_date;
        next.meeting.venue = edit.venue.clone();
        next.meeting.agenda = edit.agenda.clone();
        next.meeting.note = edit.note.clone().filter(|n| !n.trim().is_empty());
        next.meeting.validate()?;
        let changes = changes(self, &next);
        if changes.is_empty() {
            return Err(ValidationError::NothingChanged(
                "the meeting already reads so".into(),
            ));
        }
        Ok((next, changes))
    }

    /// The meeting moved to new dates, and whether that is a postponement
    /// (later) or a rescheduling (earlier, or a different length). A reason
    /// is required.
    pub fn rescheduled(
        &self,
        start_date: NaiveDate,
        end_date: NaiveDate,
        reason: &str,
    ) -> Result<(Meeting, MeetingChangeKind, Vec<FieldChange>), ValidationError> {
        self.check_open_to_change()?;
        required("reason", reason)?;
        crate::error::at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.meeting.start_date = start_date;
        next.meeting.end_date = end_date;
        next.meeting.validate()?;
        if start_date == self.start_date && end_date == self.end_date {
            return Err(ValidationError::NothingChanged(format!(
                "the meeting is already held from {start_date} to {end_date}"
            )));
        }
        let kind = if start_date > self.start_date {
            MeetingChangeKind::Postponed
        } else {
            MeetingChangeKind::Rescheduled
        };
        let changes = changes(self, &next);
        Ok((next, kind, changes))
    }

    /// The cancelled meeting held again, on the dates it has; a reason is
    /// required. Refused when the meeting is not cancelled.
    pub fn reinstated(&self, reason: &str) -> Result<(Meeting, Vec<FieldChange>), ValidationError> {
        if !self.is_cancelled() {
            return Err(ValidationError::NothingChanged(format!(
                "the meeting '{}' is not cancelled",
                self.meeting.title
            )));
        }
        required("reason", reason)?;
        crate::error::at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.status = MeetingStatus::Scheduled;
        let changes = changes(self, &next);
        Ok((next, changes))
    }

    /// The meeting cancelled; a reason is required.
    pub fn cancelled(&self, reason: &str) -> Result<(Meeting, Vec<FieldChange>), ValidationError> {
        self.check_open_to_change()?;
        required("reason", reason)?;
        crate::error::at_most("reason", reason, 2_000)?;
        let mut next = self.clone();
        next.status = MeetingStatus::Cancelled;
        let changes = changes(self, &next);
        Ok((next, changes))
    }
}

/// What the secretariat may change in a meeting by editing it: its
/// title and the title's translations, dates, venue, agenda and note (its
/// kind, number and slug stay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingEdit {
    pub title: String,
    /// The title in other official languages: the whole set, replacing
    /// what was there (a language left out has no translation).
    pub title_translations: crate::TitleTranslations,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub venue: Option<Venue>,
    pub agenda: Vec<AgendaItem>,
    pub note: Option<String>,
}

crate::named_enum!(
    /// What a change to a meeting was.
    MeetingChangeKind, "meeting change" {
        Edited => "edited",
        Postponed => "postponed",
        Rescheduled => "rescheduled",
        Cancelled => "cancelled",
        Reinstated => "reinstated",
    }
);

/// One field of a meeting before and after a change, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    /// The field's name (for a meeting: `title`, `title_translations`,
    /// `start_date`, `end_date`, `venue`, `agenda`, `note` or `status`).
    pub field: String,
    pub before: String,
    pub after: String,
}

/// A change to a meeting, kept as its history: who, when, what, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChange {
    pub meeting: i64,
    pub kind: MeetingChangeKind,
    pub at: DateTime<Utc>,
    /// Who made the change, as the public may see it (a name, never an
    /// e-mail address).
    pub by: String,
    /// Why (required for a postponement, a rescheduling, a cancellation, a
    /// reinstatement).
    pub reason: Option<String>,
    pub changes: Vec<FieldChange>,
}

fn venue_text(v: &Option<Venue>) -> String {
    match v {
        None => String::new(),
        Some(v) => match &v.name {
            Some(name) => format!("{name}, {}, {}", v.city, v.country),
            None => format!("{}, {}", v.city, v.country),
        },
    }
}

/// Translations as text, one `language: title` a line, in language order.
pub fn translations_text(t: &crate::TitleTranslations) -> String {
    t.iter()
        .map(|(l, title)| format!("{l}: {title}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn agenda_text(agenda: &[AgendaItem]) -> String {
    agenda
        .iter()
        .map(|a| format!("{}. {}", a.number, a.title))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields that differ between two states of a meeting.
fn changes(before: &Meeting, after: &Meeting) -> Vec<FieldChange> {
    let fields = [
        ("title", before.title.clone(), after.title.clone()),
        (
            "title_translations",
            translations_text(&before.title_translations),
            translations_text(&after.title_translations),
        ),
        (
            "start_date",
            before.start_date.to_string(),
            after.start_date.to_string(),
        ),
        (
            "end_date",
            before.end_date.to_string(),
            after.end_date.to_string(),
        ),
        ("venue", venue_text(&before.venue), venue_text(&after.venue)),
        (
            "agenda",
            agenda_text(&before.agenda),
            agenda_text(&after.agenda),
        ),
        (
            "note",
            before.note.clone().unwrap_or_default(),
            after.note.clone().unwrap_or_default(),
        ),
        (
            "status",
            before.status.to_string(),
            after.status.to_string(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(field, before, after)| FieldChange {
            field: field.to_owned(),
            before,
            after,
        })
        .collect()
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

    fn edit_of(m: &Meeting) -> MeetingEdit {
        MeetingEdit {
            title: m.title.clone(),
            title_translations: m.title_translations.clone(),
            start_date: m.start_date,
            end_date: m.end_date,
            venue: m.venue.clone(),
            agenda: m.agenda.clone(),
            note: m.note.clone(),
        }
    }

    #[test]
    fn an_edit_records_what_changed_and_refuses_what_changes_nothing() {
        let m = meeting().with_id(7);
        let mut edit = edit_of(&m);
        assert_eq!(m.edited(&edit).unwrap_err().kind(), "nothing_changed");
        edit.title = "Human rights of all migrants, social inclusion".into();
        edit.agenda = vec![AgendaItem {
            number: 1,
            title: "Opening".into(),
        }];
        let (next, changes) = m.edited(&edit).unwrap();
        assert_eq!(next.title, edit.title);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["title", "agenda"]);
        assert_eq!(changes[1].before, "");
        assert_eq!(changes[1].after, "1. Opening");
        edit.end_date = "2017-05-01".parse().unwrap();
        assert_eq!(m.edited(&edit).unwrap_err().kind(), "end_before_start");
    }

    #[test]
    fn later_dates_postpone_earlier_ones_reschedule_and_a_reason_is_required() {
        let m = meeting().with_id(7);
        let later = |d: &str| d.parse::<NaiveDate>().unwrap();
        let (next, kind, changes) = m
            .rescheduled(later("2017-05-15"), later("2017-05-16"), "Room unavailable")
            .unwrap();
        assert_eq!(kind, MeetingChangeKind::Postponed);
        assert_eq!(next.start_date, later("2017-05-15"));
        assert_eq!(changes.len(), 2);
        let (_, kind, _) = m
            .rescheduled(later("2017-05-01"), later("2017-05-02"), "Earlier")
            .unwrap();
        assert_eq!(kind, MeetingChangeKind::Rescheduled);
        let err = m
            .rescheduled(later("2017-05-15"), later("2017-05-16"), "  ")
            .unwrap_err();
        assert_eq!(err.kind(), "invalid");
        assert!(err.to_string().contains("reason"), "{err}");
        let err = m.rescheduled(m.start_date, m.end_date, "Same").unwrap_err();
        assert_eq!(err.kind(), "nothing_changed");
    }

    #[test]
    fn a_cancelled_meeting_takes_no_further_change() {
        let m = meeting().with_id(7);
        assert_eq!(m.cancelled("").unwrap_err().kind(), "invalid");
        let (cancelled, changes) = m.cancelled("Lack of quorum").unwrap();
        assert!(cancelled.is_cancelled());
        assert_eq!(changes[0].field, "status");
        assert_eq!(changes[0].after, "cancelled");
        assert_eq!(
            cancelled.cancelled("again").unwrap_err().kind(),
            "meeting_cancelled"
        );
        let mut edit = edit_of(&cancelled);
        edit.title = "New".into();
        assert_eq!(
            cancelled.edited(&edit).unwrap_err().kind(),
            "meeting_cancelled"
        );
    }

    #[test]
    fn an_edit_carries_the_title_translations() {
        let m = meeting().with_id(7);
        let mut edit = edit_of(&m);
        edit.title_translations
            .insert(crate::Language::Fr, "Droits de l'homme".into());
        let (next, changes) = m.edited(&edit).unwrap();
        assert_eq!(
            next.title_translations.get(&crate::Language::Fr).unwrap(),
            "Droits de l'homme"
        );
        assert_eq!(changes[0].field, "title_translations");
        assert_eq!(changes[0].after, "fr: Droits de l'homme");
        edit.title_translations
            .insert(crate::Language::Es, "  ".into());
        assert_eq!(m.edited(&edit).unwrap_err().kind(), "invalid");
    }

    #[test]
    fn only_a_cancelled_meeting_is_reinstated_and_with_a_reason() {
        let m = meeting().with_id(7);
        assert_eq!(
            m.reinstated("Quorum").unwrap_err().kind(),
            "nothing_changed"
        );
        let (cancelled, _) = m.cancelled("Lack of quorum").unwrap();
        assert_eq!(cancelled.reinstated(" ").unwrap_err().kind(), "invalid");
        let (again, changes) = cancelled.reinstated("Quorum reached").unwrap();
        assert!(!again.is_cancelled());
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].before, "cancelled");
        assert_eq!(changes[0].after, "scheduled");
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
            record_resolver: None,
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
