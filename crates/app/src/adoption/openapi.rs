//! The schemas of the records an adoption's views embed whose own schema
//! would not say what is serialized: a [`Meeting`] and a [`Statement`]
//! flatten their request part, whose schema allows no other field (and, for
//! a meeting, leaves out the process taken from the path). These declare
//! the serialized fields, flat; a test keeps them in step.
//!
//! [`Meeting`]: accord_domain::Meeting
//! [`Statement`]: accord_domain::Statement

use accord_domain::{ActorCode, AgendaItem, Chair, Distribution, MeetingKind, Slug, Venue};
use chrono::{DateTime, NaiveDate, Utc};

/// A meeting of the process, as an adoption names it.
#[derive(utoipa::ToSchema)]
pub struct AdoptionMeetingRecord {
    pub id: i64,
    pub process: Slug,
    pub slug: Slug,
    pub kind: MeetingKind,
    pub number: Option<u32>,
    pub title: String,
    /// The title in other official languages, by ISO 639-1 code, where given.
    pub title_translations: std::collections::BTreeMap<String, String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub venue: Option<Venue>,
    pub chairs: Vec<Chair>,
    pub agenda: Vec<AgendaItem>,
    /// Codes of the process's themes the meeting addresses.
    pub themes: Vec<Slug>,
    pub note: Option<String>,
    /// `scheduled` or `cancelled`.
    pub status: accord_domain::MeetingStatus,
}

/// A statement linked to an adoption.
#[derive(utoipa::ToSchema)]
pub struct AdoptionStatementRecord {
    pub id: i64,
    pub process: Slug,
    /// The meeting's id.
    pub meeting: i64,
    /// 0 for the meeting as a whole.
    pub agenda_item: u32,
    pub actor: ActorCode,
    /// The group it is delivered for, if any.
    pub on_behalf_of: Option<ActorCode>,
    pub title: String,
    pub delivered_on: NaiveDate,
    pub distribution: Distribution,
    pub embargo_until: Option<DateTime<Utc>>,
    pub synthetic: bool,
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
    /// Entered by the secretariat after the meeting's window for statements
    /// had closed.
    pub filed_late: bool,
}
