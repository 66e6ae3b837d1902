//! The API of processes: the processes themselves, their phases, meetings,
//! documents and themes, the actors, and registration for meetings.

use crate::http::command::record;
use crate::http::command::{Command, Done, NoFields};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::page::Reader;
use crate::http::query::{parse_id, strings, ApiQuery, ListParams, Page};
use crate::http::routes::{post, PageRoutes};
use crate::process::speakers;
use crate::SharedState;
use accord_app::AppError;
use accord_app::PageRequest;
use accord_domain as d;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde::Serialize;
use utoipa::ToSchema;

/// A list that is never long enough to page.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeList {
    items: Vec<ThemeDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    status: &'static str,
    /// The store backend: `sqlite` or `postgres`.
    #[schema(example = "sqlite")]
    store: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessItem {
    #[schema(example = "gcm")]
    slug: String,
    title: String,
    /// The phase the process is in today, if any: `consultation`, `stocktaking`,
    /// `negotiation`, `adoption` or `follow_up`.
    current_phase: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfficerDto {
    name: String,
    title: String,
    /// The actor the officer represents, if any.
    actor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessDto {
    slug: String,
    title: String,
    /// The title in other official languages, by ISO 639-1 code, where given.
    title_translations: std::collections::BTreeMap<String, String>,
    description: String,
    /// Symbols of the resolutions that mandate the process.
    mandate: Vec<String>,
    /// ISO 639-1 codes of the official languages.
    languages: Vec<String>,
    co_facilitators: Vec<OfficerDto>,
    secretariat: Vec<OfficerDto>,
    meeting_kinds: Vec<String>,
    /// Where a document's official record is found by its symbol: a URL
    /// with `{symbol}` (the default: `https://undocs.org/{symbol}`).
    #[schema(example = "https://undocs.org/{symbol}")]
    record_resolver: String,
    phases: Vec<crate::process::phases::PhaseDto>,
    current_phase: Option<String>,
    /// What the secretariat corrected in the process, oldest first.
    history: Vec<RecordChangeDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VenueDto {
    /// The building or room, when known.
    name: Option<String>,
    city: String,
    /// ISO 3166-1 alpha-3 code of the host country.
    country: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChairDto {
    name: String,
    title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgendaItemDto {
    number: u32,
    title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingDto {
    id: i64,
    slug: String,
    #[schema(example = "thematic_session")]
    kind: String,
    number: Option<u32>,
    title: String,
    /// The title in other official languages, by ISO 639-1 code, where given.
    title_translations: std::collections::BTreeMap<String, String>,
    start_date: NaiveDate,
    end_date: NaiveDate,
    /// Null when the venue is not confirmed.
    venue: Option<VenueDto>,
    chairs: Vec<ChairDto>,
    agenda_items: Vec<AgendaItemDto>,
    /// Codes of the process's themes the meeting addresses.
    themes: Vec<String>,
    note: Option<String>,
    /// `scheduled` (on its dates, perhaps postponed to them) or `cancelled`.
    #[schema(example = "scheduled")]
    status: d::MeetingStatus,
}

/// One meeting, with the history of its changes.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingDetailDto {
    #[serde(flatten)]
    meeting: MeetingDto,
    /// Every change since the meeting was recorded, oldest first.
    history: Vec<MeetingChangeDto>,
}

/// A change to a meeting: what it was, when, by whom, why, and each field
/// before and after.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingChangeDto {
    /// `edited`, `postponed` (later dates), `rescheduled` (earlier dates,
    /// or another length), `cancelled` or `reinstated`.
    #[schema(example = "postponed")]
    kind: d::MeetingChangeKind,
    at: DateTime<Utc>,
    /// The name of who made it.
    by: String,
    reason: Option<String>,
    changes: Vec<d::FieldChange>,
}

fn meeting_change_dto(c: d::MeetingChange) -> MeetingChangeDto {
    MeetingChangeDto {
        kind: c.kind,
        at: c.at,
        by: c.by,
        reason: c.reason,
        changes: c.changes,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentDto {
    id: i64,
    slug: String,
    /// The UN symbol, for official documents.
    symbol: Option<String>,
    title: String,
    kind: String,
    date: NaiveDate,
    languages: Vec<String>,
    distribution: String,
    embargo_until: Option<DateTime<Utc>>,
    /// The slug of the meeting the document belongs to.
    meeting: Option<String>,
    /// Why the secretariat withdrew it; null while it stands. A withdrawn
    /// document stays readable here, and leaves the lists.
    withdrawn_reason: Option<String>,
}

/// A document with its texts and files, its meeting, and its official record.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentDetailDto {
    #[serde(flatten)]
    document: DocumentDto,
    /// The id of the meeting it belongs to (its page: `/processes/{slug}/meetings/{id}`).
    meeting_id: Option<i64>,
    /// The official record by symbol, from the process's resolver.
    #[schema(example = "https://undocs.org/A/CONF.231/3")]
    official_record: Option<String>,
    /// One per language with a file or a text.
    texts: Vec<DocumentTextDto>,
    /// Every change since the document was recorded, oldest first.
    history: Vec<RecordChangeDto>,
}

/// A change to a document: what it was (`edited` or `withdrawn`), when, by
/// whom, why, and each field before and after.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordChangeDto {
    #[schema(example = "withdrawn")]
    kind: d::ChangeKind,
    at: DateTime<Utc>,
    /// The name of who made it.
    by: String,
    reason: Option<String>,
    changes: Vec<d::FieldChange>,
}

fn record_change_dto(c: d::RecordChange) -> RecordChangeDto {
    RecordChangeDto {
        kind: c.kind,
        at: c.at,
        by: c.by,
        reason: c.reason,
        changes: c.changes,
    }
}

/// A document's text and file in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentTextDto {
    #[schema(example = "fr")]
    language: String,
    /// ready, pending, partial or failed.
    status: String,
    /// The extracted (or typed) text; empty while pending.
    text: String,
    file: Option<DocumentFileDto>,
}

/// A document's file in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentFileDto {
    name: String,
    /// Bytes.
    size: u64,
    content_type: String,
    /// Where it downloads from.
    download: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeDto {
    code: String,
    taxonomy: String,
    number: Option<u32>,
    title: String,
    /// Why the secretariat withdrew it; null while it stands. Nothing new
    /// is filed under a withdrawn theme; what was filed under it keeps it.
    withdrawn_reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActorDto {
    #[schema(example = "MEX")]
    code: String,
    #[schema(example = "member_state")]
    kind: String,
    name: String,
    official_name: Option<String>,
    iso2: Option<String>,
    m49: Option<u16>,
    region: Option<String>,
    subregion: Option<String>,
    un_member_since: Option<i32>,
    /// For a group: the codes of its members, past and present.
    members: Vec<String>,
    /// For a group: when members joined or left, where known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    membership: Vec<d::Membership>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActorDetailDto {
    #[serde(flatten)]
    actor: ActorDto,
    /// Codes of the groups the actor belongs to.
    member_of: Vec<String>,
}

/// The process just created.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessCreated {
    #[schema(example = "gcm")]
    slug: String,
}

/// The phase just added to a process.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessPhaseAdded {
    kind: d::PhaseKind,
}

/// The meeting or document just recorded, by its number.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessRecordCreated {
    id: i64,
}

/// The theme or actor just added, by its code.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessCodeCreated {
    code: String,
}

/// The meeting the caller just registered for.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingRegistered {
    meeting: i64,
}

/// A participant in a meeting, as the public sees them: never their e-mail.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingParticipant {
    name: String,
    /// The code of the actor they attend for.
    actor: d::ActorCode,
    actor_name: String,
    registered_at: DateTime<Utc>,
}

/// A meeting's participants.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingParticipantList {
    items: Vec<MeetingParticipant>,
}

fn officer(o: d::Officer) -> OfficerDto {
    OfficerDto {
        name: o.name,
        title: o.title,
        actor: o.actor.map(String::from),
    }
}

/// A title's translations keyed by language code, for the API's reads.
fn translations(t: d::TitleTranslations) -> std::collections::BTreeMap<String, String> {
    t.into_iter()
        .map(|(l, title)| (l.as_str().to_owned(), title))
        .collect()
}

fn meeting_dto(m: d::Meeting) -> MeetingDto {
    let d::Meeting {
        id,
        meeting: m,
        status,
    } = m;
    MeetingDto {
        id,
        slug: m.slug.into(),
        kind: m.kind.to_string(),
        number: m.number,
        title: m.title,
        title_translations: translations(m.title_translations),
        start_date: m.start_date,
        end_date: m.end_date,
        venue: m.venue.map(|v| VenueDto {
            name: v.name,
            city: v.city,
            country: v.country.into(),
        }),
        chairs: m
            .chairs
            .into_iter()
            .map(|c| ChairDto {
                name: c.name,
                title: c.title,
            })
            .collect(),
        agenda_items: m
            .agenda
            .into_iter()
            .map(|a| AgendaItemDto {
                number: a.number,
                title: a.title,
            })
            .collect(),
        themes: strings(&m.themes),
        note: m.note,
        status,
    }
}

fn document_dto(doc: d::Document) -> DocumentDto {
    let d::Document {
        id,
        document: x,
        withdrawn_reason,
    } = doc;
    DocumentDto {
        id,
        slug: x.slug.into(),
        symbol: x.symbol.map(String::from),
        title: x.title,
        kind: x.kind.to_string(),
        date: x.date,
        languages: strings(&x.languages),
        distribution: x.distribution.to_string(),
        embargo_until: x.embargo_until,
        meeting: x.meeting.map(String::from),
        withdrawn_reason,
    }
}

fn actor_dto(a: d::Actor) -> ActorDto {
    ActorDto {
        code: a.code.into(),
        kind: a.kind.to_string(),
        name: a.name,
        official_name: a.official_name,
        iso2: a.iso2,
        m49: a.m49,
        region: a.region,
        subregion: a.subregion,
        un_member_since: a.un_member_since,
        members: strings(&a.members),
        membership: a.membership,
    }
}

/// Liveness and readiness: answers 200 once the store responds.
#[utoipa::path(get, path = "/healthz", tag = "service",
    responses((status = 200, body = Health), (status = 503, body = ErrorBody)))]
async fn healthz(State(s): State<SharedState>) -> Result<Json<Health>, ApiError> {
    s.app.processes(&PageRequest::first(1)).await?;
    Ok(Json(Health {
        status: "ok",
        store: s.app.backend(),
    }))
}

/// The processes, by slug.
#[utoipa::path(get, path = "/api/v1/processes", tag = "processes", params(ListParams),
    responses((status = 200, body = Page<ProcessItem>), (status = 400, body = ErrorBody)))]
async fn list_processes(
    State(s): State<SharedState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<ProcessItem>>, ApiError> {
    let listing = s.app.processes(&q.page()?).await?;
    Ok(Json(Page::from(listing, |p| ProcessItem {
        slug: p.process.slug.into(),
        title: p.process.title,
        current_phase: p.current_phase.map(|k| k.to_string()),
    })))
}

/// One process with its phases, co-facilitators and mandate.
#[utoipa::path(get, path = "/api/v1/processes/{slug}", tag = "processes",
    params(("slug" = String, Path, description = "The process's slug, e.g. `gcm`")),
    responses((status = 200, body = ProcessDto), (status = 404, body = ErrorBody)))]
async fn get_process(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<ProcessDto>, ApiError> {
    let o = s.app.process(&slug).await?;
    let history = s.app.process_history(&slug).await?;
    let p = o.process;
    Ok(Json(ProcessDto {
        slug: p.slug.into(),
        title: p.title,
        title_translations: translations(p.title_translations),
        description: p.description,
        mandate: strings(&p.mandate),
        languages: strings(&p.languages),
        co_facilitators: p.co_facilitators.into_iter().map(officer).collect(),
        secretariat: p.secretariat.into_iter().map(officer).collect(),
        meeting_kinds: strings(&p.meeting_kinds),
        record_resolver: p
            .record_resolver
            .unwrap_or_else(|| d::DEFAULT_RECORD_RESOLVER.to_owned()),
        phases: o
            .phases
            .iter()
            .map(crate::process::phases::phase_dto)
            .collect(),
        current_phase: o.current_phase.map(|k| k.to_string()),
        history: history.into_iter().map(record_change_dto).collect(),
    }))
}

/// A process's meetings in date order, optionally of one kind.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/meetings", tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ListParams),
    responses((status = 200, body = Page<MeetingDto>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_meetings(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<MeetingDto>>, ApiError> {
    let listing = s.app.meetings(&slug, q.kind()?, &q.page()?).await?;
    Ok(Json(Page::from(listing, meeting_dto)))
}

/// One meeting, with the history of its changes (edited, postponed,
/// rescheduled, cancelled, reinstated: who, when, why, each field before
/// and after).
#[utoipa::path(get, path = "/api/v1/processes/{slug}/meetings/{id}", tag = "meetings",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, body = MeetingDetailDto), (status = 404, body = ErrorBody)))]
async fn get_meeting(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<MeetingDetailDto>, ApiError> {
    let id = parse_id(&id, "meeting")?;
    let detail = s.app.meeting(&caller.principal, &slug, id).await?;
    Ok(Json(MeetingDetailDto {
        meeting: meeting_dto(detail.meeting),
        history: detail.history.into_iter().map(meeting_change_dto).collect(),
    }))
}

/// A meeting as it is to read after an edit: its title and the title's
/// translations, dates, venue, agenda and note (its kind, number and slug
/// stay). The form gives the agenda one title per line.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingEdit {
    title: String,
    /// The title in other official languages, by ISO 639-1 code (the form:
    /// `title_translations[fr]`; an empty one is left out): the whole set,
    /// replacing the translations the meeting had.
    #[serde(default, deserialize_with = "crate::process::params::translations")]
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    title_translations: d::TitleTranslations,
    start_date: NaiveDate,
    end_date: NaiveDate,
    /// Absent when the venue is not known for certain.
    #[serde(default)]
    venue: Option<d::Venue>,
    /// The items in order (the form: one title per line). An item that
    /// statements or speakers are filed under cannot be removed.
    #[serde(default, deserialize_with = "crate::process::params::agenda")]
    #[schema(value_type = Vec<NewAgendaItem>)]
    agenda: Vec<NewAgendaItem>,
    #[serde(default)]
    note: Option<String>,
    /// Why, if the secretariat says (kept in the meeting's history).
    #[serde(default)]
    reason: Option<String>,
}

fn numbered(agenda: Vec<NewAgendaItem>) -> Vec<d::AgendaItem> {
    agenda
        .into_iter()
        .enumerate()
        .map(|(i, item)| d::AgendaItem {
            number: item.number.unwrap_or(i as u32 + 1),
            title: item.title,
        })
        .collect()
}

/// Edit a meeting's title (and its translations), dates, venue, agenda or
/// note (the process's secretariat). The change is kept in the meeting's
/// history and audited (`meeting.edit`); the form on the meeting's desk
/// page sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/meetings/{id}",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = MeetingEdit, example = json!({
                "title": "Sixth round of intergovernmental negotiations",
                "title_translations": { "fr": "Sixième cycle de négociations intergouvernementales" },
                "start_date": "2018-07-09", "end_date": "2018-07-13",
                "venue": { "name": "Conference Room 4", "city": "New York", "country": "USA" },
                "agenda": [{ "number": 1, "title": "Rev.2" }, { "number": 2, "title": "Other matters" }],
                "reason": "The agenda adopted at the opening"
            })),
    responses((status = 200, description = "The change recorded", body = MeetingChangeDto))
)]
pub(crate) async fn edit_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<MeetingEdit>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let meeting = parse_id(&id, "meeting").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let edit = d::MeetingEdit {
            title: c.title,
            title_translations: c.title_translations,
            start_date: c.start_date,
            end_date: c.end_date,
            venue: c.venue,
            agenda: numbered(c.agenda),
            note: c.note,
        };
        let change = s
            .app
            .edit_meeting(&principal, &slug, meeting, edit, c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}"),
            record: record(&meeting_change_dto(change))?,
            page: format!("/processes/{slug}/meetings/{meeting}?done=meeting-edited"),
        })
    }
    .await;
    via.answer_as(StatusCode::OK, &s, &r, result, |form| {
        crate::process::manage::render_meeting_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("edit", form)),
        )
    })
    .await
}

/// New dates for a meeting, and why.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingPostponement {
    start_date: NaiveDate,
    end_date: NaiveDate,
    /// Required: it is shown on the meeting's page.
    reason: String,
}

/// Postpone or reschedule a meeting to new dates, with the reason (the
/// process's secretariat): later dates are a postponement
/// (`meeting.postpone`), earlier ones a rescheduling
/// (`meeting.reschedule`). Kept in the meeting's history and audited.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/postponements",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = MeetingPostponement, example = json!({
                "start_date": "2018-07-19", "end_date": "2018-07-20",
                "reason": "The General Assembly Hall is needed for a special session"
            })),
    responses((status = 201, description = "The change recorded", body = MeetingChangeDto))
)]
pub(crate) async fn postpone_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<MeetingPostponement>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let meeting = parse_id(&id, "meeting").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let change = s
            .app
            .reschedule_meeting(
                &principal,
                &slug,
                meeting,
                c.start_date,
                c.end_date,
                &c.reason,
            )
            .await?;
        let done = match change.kind {
            d::MeetingChangeKind::Postponed => "meeting-postponed",
            _ => "meeting-rescheduled",
        };
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}"),
            record: record(&meeting_change_dto(change))?,
            page: format!("/processes/{slug}/meetings/{meeting}?done={done}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_meeting_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("postpone", form)),
        )
    })
    .await
}

/// Why a meeting is cancelled.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingCancellation {
    /// Required: it is shown on the meeting's page.
    reason: String,
}

/// Cancel a meeting, with the reason (the process's secretariat). The
/// meeting stays, marked cancelled in lists, the timeline and the
/// calendar feed (`STATUS:CANCELLED`); kept in its history and audited
/// (`meeting.cancel`). A cancelled meeting takes no further change.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/cancellation",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = MeetingCancellation, example = json!({
                "reason": "The text was agreed under silence procedure"
            })),
    responses((status = 201, description = "The change recorded", body = MeetingChangeDto))
)]
pub(crate) async fn cancel_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<MeetingCancellation>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let meeting = parse_id(&id, "meeting").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let change = s
            .app
            .cancel_meeting(&principal, &slug, meeting, &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}"),
            record: record(&meeting_change_dto(change))?,
            page: format!("/processes/{slug}/meetings/{meeting}?done=meeting-cancelled"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_meeting_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("cancel", form)),
        )
    })
    .await
}

/// Why a cancelled meeting is held after all.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingReinstatement {
    /// Required: it is shown in the meeting's history.
    reason: String,
}

/// Reinstate a cancelled meeting, on the dates it has, with the reason
/// (the process's secretariat); kept in its history and audited
/// (`meeting.reinstate`). A meeting that is not cancelled is refused
/// (`nothing_changed`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/reinstatement",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = MeetingReinstatement, example = json!({
                "reason": "The silence procedure was broken: the round is needed after all"
            })),
    responses((status = 201, description = "The change recorded", body = MeetingChangeDto))
)]
pub(crate) async fn reinstate_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<MeetingReinstatement>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let meeting = parse_id(&id, "meeting").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let change = s
            .app
            .reinstate_meeting(&principal, &slug, meeting, &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}"),
            record: record(&meeting_change_dto(change))?,
            page: format!("/processes/{slug}/meetings/{meeting}?done=meeting-reinstated"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_meeting_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("reinstate", form)),
        )
    })
    .await
}

/// The documents of a process the caller may read, in date order: the public
/// sees what is public and no longer embargoed; member states' delegates
/// also what is restricted to member states; the secretariat everything.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/documents", tag = "documents",
    params(("slug" = String, Path, example = "gcm"), ListParams),
    responses((status = 200, body = Page<DocumentDto>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_documents(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path(slug): Path<String>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<DocumentDto>>, ApiError> {
    let listing = s
        .app
        .documents(&caller.principal, &slug, q.kind()?, &q.page()?)
        .await?;
    Ok(Json(Page::from(listing, document_dto)))
}

/// One document the caller may see, with its texts and files in each
/// language, its meeting and its official record by symbol; a document the
/// caller may not see is not found.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/documents/{id}", tag = "documents",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path, description = "The document's id")),
    responses((status = 200, body = DocumentDetailDto), (status = 404, body = ErrorBody)))]
async fn get_document(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<DocumentDetailDto>, ApiError> {
    let id = crate::http::query::parse_id(&id, "document")?;
    let detail = s.app.document(&caller.principal, &slug, id).await?;
    let texts = detail
        .texts
        .into_iter()
        .map(|t| DocumentTextDto {
            language: t.language.to_string(),
            status: t.status.to_string(),
            file: t.file.map(|f| DocumentFileDto {
                download: format!("/processes/{slug}/documents/{id}/files/{}", t.language),
                name: f.filename,
                size: f.size,
                content_type: f.content_type,
            }),
            text: t.body,
        })
        .collect();
    Ok(Json(DocumentDetailDto {
        document: document_dto(detail.document),
        meeting_id: detail.meeting.map(|m| m.id),
        official_record: detail.official_record,
        texts,
        history: detail.history.into_iter().map(record_change_dto).collect(),
    }))
}

/// A process's themes, by taxonomy and number.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/themes", tag = "themes",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, body = ThemeList), (status = 404, body = ErrorBody)))]
async fn list_themes(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<ThemeList>, ApiError> {
    let themes = s.app.themes(&slug).await?;
    Ok(Json(ThemeList {
        items: themes
            .into_iter()
            .map(|t| ThemeDto {
                code: t.code.into(),
                taxonomy: t.taxonomy.into(),
                number: t.number,
                title: t.title,
                withdrawn_reason: t.withdrawn_reason,
            })
            .collect(),
    }))
}

/// Actors by code, optionally of one kind (`member_state`, `observer_state`,
/// `group`, `un_entity`, `intergovernmental_organisation`, …).
#[utoipa::path(get, path = "/api/v1/actors", tag = "actors", params(ListParams),
    responses((status = 200, body = Page<ActorDto>), (status = 400, body = ErrorBody)))]
async fn list_actors(
    State(s): State<SharedState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<ActorDto>>, ApiError> {
    let listing = s.app.actors(q.kind()?, &q.page()?).await?;
    Ok(Json(Page::from(listing, actor_dto)))
}

/// One actor, with its members (for a group) and the groups it belongs to.
#[utoipa::path(get, path = "/api/v1/actors/{code}", tag = "actors",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 for states, e.g. `MEX`; `EU`")),
    responses((status = 200, body = ActorDetailDto), (status = 404, body = ErrorBody)))]
async fn get_actor(
    State(s): State<SharedState>,
    Path(code): Path<String>,
) -> Result<Json<ActorDetailDto>, ApiError> {
    let detail = s.app.actor(&code).await?;
    Ok(Json(ActorDetailDto {
        member_of: detail.groups.into_iter().map(|g| g.code.into()).collect(),
        actor: actor_dto(detail.actor),
    }))
}
/// Who said what: the actor, its memberships over time, and per process
/// its statements, amendments and positions, ballots, statements on
/// adoptions and pledges — only what the caller may see in each process.
#[utoipa::path(get, path = "/api/v1/actors/{code}/record", tag = "actors",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 for states, e.g. `MEX`; `EU`")),
    responses((status = 200, body = accord_app::ActorRecord), (status = 404, body = ErrorBody)))]
async fn get_actor_record(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path(code): Path<String>,
) -> Result<Json<accord_app::ActorRecord>, ApiError> {
    Ok(Json(s.app.actor_record(&caller.principal, &code).await?))
}

/// A process to create. The form may give the mandate as one line of
/// symbols and the officers one per line, `Name | Title | ACTOR`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewProcess {
    slug: d::Slug,
    title: String,
    /// The title in other official languages, by ISO 639-1 code (the form:
    /// `title_translations[fr]`; an empty one is left out).
    #[serde(default, deserialize_with = "crate::process::params::translations")]
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    title_translations: d::TitleTranslations,
    #[serde(default)]
    description: String,
    /// The resolutions that launched and shaped the process.
    #[serde(default, deserialize_with = "crate::process::params::listed")]
    #[schema(value_type = Vec<String>)]
    mandate: Vec<d::Symbol>,
    /// ISO 639-1 codes of the official languages (the form: `languages[]`).
    #[serde(default)]
    languages: Vec<d::Language>,
    #[serde(default, deserialize_with = "crate::process::params::officers")]
    #[schema(value_type = Vec<NewOfficer>)]
    co_facilitators: Vec<NewOfficer>,
    #[serde(default, deserialize_with = "crate::process::params::officers")]
    #[schema(value_type = Vec<NewOfficer>)]
    secretariat: Vec<NewOfficer>,
    /// The kinds of meeting this process holds (the form: `meeting_kinds[]`).
    #[serde(default)]
    meeting_kinds: Vec<d::MeetingKind>,
    /// Where a document's official record is found by its symbol: an
    /// `https://` URL with `{symbol}` where the symbol goes; absent, the
    /// UN's short resolver `https://undocs.org/{symbol}`.
    #[serde(default)]
    record_resolver: Option<String>,
}

/// A process as it is to read after its secretariat's correction: all it
/// holds but its slug, which stays. The whole of it, as `GET` gives it
/// (its phases change by decisions, `…/phases`).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProcessEdit {
    title: String,
    /// The title in other official languages, by ISO 639-1 code (the form:
    /// `title_translations[fr]`; an empty one is left out): the whole set,
    /// replacing the translations the process had.
    #[serde(default, deserialize_with = "crate::process::params::translations")]
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    title_translations: d::TitleTranslations,
    #[serde(default)]
    description: String,
    /// The resolutions that launched and shaped the process.
    #[serde(default, deserialize_with = "crate::process::params::listed")]
    #[schema(value_type = Vec<String>)]
    mandate: Vec<d::Symbol>,
    /// ISO 639-1 codes of the official languages (the form: `languages[]`).
    #[serde(default)]
    languages: Vec<d::Language>,
    #[serde(default, deserialize_with = "crate::process::params::officers")]
    #[schema(value_type = Vec<NewOfficer>)]
    co_facilitators: Vec<NewOfficer>,
    #[serde(default, deserialize_with = "crate::process::params::officers")]
    #[schema(value_type = Vec<NewOfficer>)]
    secretariat: Vec<NewOfficer>,
    /// The kinds of meeting this process holds (the form:
    /// `meeting_kinds[]`); a kind it has meetings of stays.
    #[serde(default)]
    meeting_kinds: Vec<d::MeetingKind>,
    /// Where a document's official record is found by its symbol;
    /// absent, the UN's short resolver `https://undocs.org/{symbol}`.
    #[serde(default)]
    record_resolver: Option<String>,
    /// Why, if the secretariat says (kept in the process's history).
    #[serde(default)]
    reason: Option<String>,
}

fn officers(list: Vec<NewOfficer>) -> Vec<d::Officer> {
    list.into_iter()
        .map(|o| d::Officer {
            name: o.name,
            title: o.title,
            actor: o.actor,
        })
        .collect()
}

/// Correct a process (its secretariat): title and its translations,
/// description, mandate, official languages, officers, meeting kinds,
/// record resolver; the slug stays. Kept in the process's history and
/// audited (`process.edit`); a kind of meeting the process has meetings
/// of is kept (`meeting_kind_in_use`). The form on the process's desk page
/// (`/processes/{slug}/edit`) sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = ProcessEdit, example = json!({
                "title": "Global Compact for Safe, Orderly and Regular Migration",
                "title_translations": { "fr": "Pacte mondial pour des migrations sûres, ordonnées et régulières" },
                "mandate": ["A/RES/71/1", "A/RES/71/280"], "languages": ["ar", "zh", "en", "fr", "ru", "es"],
                "co_facilitators": [{ "name": "Juan José Gómez Camacho", "title": "Permanent Representative of Mexico", "actor": "MEX" }],
                "secretariat": [],
                "meeting_kinds": ["thematic_session", "negotiation_round", "conference"],
                "reason": "The New York Declaration added to the mandate"
            })),
    responses((status = 200, description = "The change recorded", body = RecordChangeDto))
)]
pub(crate) async fn edit_process(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<ProcessEdit>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let edit = d::ProcessEdit {
            title: c.title,
            title_translations: c.title_translations,
            description: c.description,
            mandate: c.mandate,
            languages: c.languages,
            co_facilitators: officers(c.co_facilitators),
            secretariat: officers(c.secretariat),
            meeting_kinds: c.meeting_kinds,
            record_resolver: c.record_resolver,
        };
        let change = s
            .app
            .edit_process(&principal, &slug, edit, c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}"),
            record: record(&record_change_dto(change))?,
            page: format!("/processes/{slug}?done=process-edited"),
        })
    }
    .await;
    via.answer_as(StatusCode::OK, &s, &r, result, |form| {
        crate::process::manage::render_process_desk(&s, &r, &principal, &slug, Some(form))
    })
    .await
}

/// A person holding an office in a process, and the actor they represent.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewOfficer {
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    actor: Option<d::ActorCode>,
}

/// Create a process (secretariat of every process). The form on
/// `/manage/processes` sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes",
    tag = "processes",
    request_body(content = NewProcess, example = json!({
                "slug": "gcm", "title": "Global Compact for Safe, Orderly and Regular Migration",
                "mandate": ["A/RES/71/280"], "languages": ["ar", "zh", "en", "fr", "ru", "es"],
                "co_facilitators": [{ "name": "Juan José Gómez Camacho", "title": "Permanent Representative of Mexico", "actor": "MEX" }],
                "secretariat": [],
                "meeting_kinds": ["thematic_session", "negotiation_round", "conference"]
            })),
    responses((status = 201, description = "Created", body = ProcessCreated))
)]
pub(crate) async fn create_process(
    State(s): State<SharedState>,
    r: Reader,
    command: Command<NewProcess>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let process = d::Process {
            slug: c.slug,
            title: c.title,
            title_translations: c.title_translations,
            description: c.description,
            mandate: c.mandate,
            languages: c.languages,
            co_facilitators: officers(c.co_facilitators),
            secretariat: officers(c.secretariat),
            meeting_kinds: c.meeting_kinds,
            record_resolver: c.record_resolver.filter(|t| !t.trim().is_empty()),
        };
        let slug = process.slug.to_string();
        s.app.create_process(&principal, process).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}"),
            record: record(&ProcessCreated { slug: slug.clone() })?,
            page: format!("/processes/{slug}/manage"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_new_process(&s, &r, &principal, Some(form))
    })
    .await
}

/// A phase to add to a process: its kind and planned dates.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewPhase {
    kind: d::PhaseKind,
    start_date: NaiveDate,
    /// Open for a phase still running.
    #[serde(default)]
    end_date: Option<NaiveDate>,
    #[serde(default)]
    note: Option<String>,
}

/// Add a phase to a process (its secretariat). The secretariat's form on
/// the process's page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/phases",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewPhase, example = json!({ "kind": "negotiation", "start_date": "2018-02-01", "end_date": "2018-07-31" })),
    responses((status = 201, description = "Created", body = ProcessPhaseAdded))
)]
pub(crate) async fn add_phase(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewPhase>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let phase = d::Phase::planned(
            slug.parse().map_err(AppError::from)?,
            c.kind,
            c.start_date,
            c.end_date,
            c.note,
        );
        s.app.add_phase(&principal, phase).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}"),
            record: record(&ProcessPhaseAdded { kind: c.kind })?,
            page: format!("/processes/{slug}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_manage(&s, &r, &principal, &slug, Some(("phase", form)))
    })
    .await
}

/// A meeting to add to a process, with its venue and agenda. The form
/// names the venue's fields `venue[city]`, and may give the agenda as one
/// title per line.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewMeeting {
    /// Unique within the process; a stable name for imports and links.
    slug: d::Slug,
    kind: d::MeetingKind,
    #[serde(default)]
    number: Option<u32>,
    title: String,
    /// The title in other official languages, by ISO 639-1 code (the form:
    /// `title_translations[fr]`; an empty one is left out).
    #[serde(default, deserialize_with = "crate::process::params::translations")]
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    title_translations: d::TitleTranslations,
    start_date: NaiveDate,
    end_date: NaiveDate,
    /// Absent when the venue is not known for certain.
    #[serde(default)]
    venue: Option<d::Venue>,
    #[serde(default)]
    chairs: Vec<d::Chair>,
    /// The items in order (the form: one title per line).
    #[serde(default, deserialize_with = "crate::process::params::agenda")]
    #[schema(value_type = Vec<NewAgendaItem>)]
    agenda: Vec<NewAgendaItem>,
    /// Codes of the process's themes the meeting addresses.
    #[serde(default)]
    themes: Vec<d::Slug>,
    /// What a reader should know about the dates or venue.
    #[serde(default)]
    note: Option<String>,
}

/// An item of a meeting's agenda.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewAgendaItem {
    /// Left out, the item's place in the list (1 for the first).
    #[serde(default)]
    number: Option<u32>,
    title: String,
}

/// Add a meeting with its agenda (the process's secretariat). The
/// secretariat's form sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewMeeting, example = json!({
                "slug": "round-1", "kind": "negotiation_round", "number": 1,
                "title": "First round of intergovernmental negotiations",
                "start_date": "2018-02-20", "end_date": "2018-02-22",
                "venue": { "city": "New York", "country": "USA" },
                "agenda": [{ "number": 1, "title": "Zero draft" }]
            })),
    responses((status = 201, description = "Created", body = ProcessRecordCreated))
)]
pub(crate) async fn add_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewMeeting>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = d::NewMeeting {
            process: slug.parse().map_err(AppError::from)?,
            slug: c.slug,
            kind: c.kind,
            number: c.number,
            title: c.title,
            title_translations: c.title_translations,
            start_date: c.start_date,
            end_date: c.end_date,
            venue: c.venue,
            chairs: c.chairs,
            agenda: c
                .agenda
                .into_iter()
                .enumerate()
                .map(|(i, item)| d::AgendaItem {
                    number: item.number.unwrap_or(i as u32 + 1),
                    title: item.title,
                })
                .collect(),
            themes: c.themes,
            note: c.note,
        };
        let id = s.app.add_meeting(&principal, meeting).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{id}"),
            record: record(&ProcessRecordCreated { id })?,
            page: format!("/processes/{slug}/meetings/{id}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_manage(&s, &r, &principal, &slug, Some(("meeting", form)))
    })
    .await
}

/// A document's metadata to record (its files come with ingestion). The
/// form sends its languages as `languages[]`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewDocument {
    /// Unique within the process: a stable name for documents with no symbol.
    slug: d::Slug,
    /// The UN symbol, for official documents; unique across all processes.
    #[serde(default)]
    symbol: Option<d::Symbol>,
    title: String,
    kind: d::DocumentKind,
    date: NaiveDate,
    #[serde(default)]
    languages: Vec<d::Language>,
    distribution: d::Distribution,
    /// Nobody but the secretariat sees the document before this instant
    /// (RFC 3339; the form's `YYYY-MM-DDTHH:MM` is read as UTC).
    #[serde(default, deserialize_with = "crate::process::params::instant")]
    #[schema(value_type = Option<String>, format = DateTime)]
    embargo_until: Option<DateTime<Utc>>,
    /// The meeting the document belongs to, by the meeting's slug.
    #[serde(default)]
    meeting: Option<d::Slug>,
}

/// Record a document's metadata (the process's secretariat). The
/// secretariat's form sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/documents",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewDocument, example = json!({
                "slug": "zero-draft", "title": "Zero draft", "kind": "draft", "date": "2018-02-05",
                "languages": ["en"], "distribution": "public"
            })),
    responses((status = 201, description = "Created", body = ProcessRecordCreated))
)]
pub(crate) async fn add_document(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewDocument>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let document = d::NewDocument {
            process: slug.parse().map_err(AppError::from)?,
            slug: c.slug,
            symbol: c.symbol,
            title: c.title,
            kind: c.kind,
            date: c.date,
            languages: c.languages,
            distribution: c.distribution,
            embargo_until: c.embargo_until,
            meeting: c.meeting,
        };
        let id = s.app.add_document(&principal, document).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/documents"),
            record: record(&ProcessRecordCreated { id })?,
            page: format!("/processes/{slug}/documents"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_manage(&s, &r, &principal, &slug, Some(("document", form)))
    })
    .await
}

/// A document's metadata as it is to read after an edit (its slug stays;
/// its files come with uploads). The form sends its languages as
/// `languages[]`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentEdit {
    /// The UN symbol, for official documents; unique across all processes.
    #[serde(default)]
    symbol: Option<d::Symbol>,
    title: String,
    kind: d::DocumentKind,
    date: NaiveDate,
    #[serde(default)]
    languages: Vec<d::Language>,
    distribution: d::Distribution,
    /// Nobody but the secretariat sees the document before this instant
    /// (RFC 3339; the form's `YYYY-MM-DDTHH:MM` is read as UTC).
    #[serde(default, deserialize_with = "crate::process::params::instant")]
    #[schema(value_type = Option<String>, format = DateTime)]
    embargo_until: Option<DateTime<Utc>>,
    /// The meeting the document belongs to, by the meeting's slug.
    #[serde(default)]
    meeting: Option<d::Slug>,
    /// Why, if the secretariat says (kept in the document's history).
    #[serde(default)]
    reason: Option<String>,
}

/// Edit a document's metadata (the process's secretariat): symbol, title,
/// kind, date, languages, distribution, embargo, meeting. Kept in the
/// document's history and audited (`document.edit`); a withdrawn document
/// takes no change (`document_withdrawn`). The form on the document's desk
/// page sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/documents/{id}",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = DocumentEdit, example = json!({
                "symbol": "A/CONF.231/3", "title": "Intergovernmental Conference: outcome document",
                "kind": "outcome_document", "date": "2018-07-30", "languages": ["en", "fr"],
                "distribution": "public", "reason": "The symbol as issued"
            })),
    responses((status = 200, description = "The change recorded", body = RecordChangeDto))
)]
pub(crate) async fn edit_document(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<DocumentEdit>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let document = parse_id(&id, "document").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let edit = d::DocumentEdit {
            symbol: c.symbol,
            title: c.title,
            kind: c.kind,
            date: c.date,
            languages: c.languages,
            distribution: c.distribution,
            embargo_until: c.embargo_until,
            meeting: c.meeting,
        };
        let change = s
            .app
            .edit_document(&principal, &slug, document, edit, c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/documents/{document}"),
            record: record(&record_change_dto(change))?,
            page: format!("/processes/{slug}/documents/{document}?done=document-edited"),
        })
    }
    .await;
    via.answer_as(StatusCode::OK, &s, &r, result, |form| {
        crate::process::manage::render_document_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("edit", form)),
        )
    })
    .await
}

/// Why a document is withdrawn.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentWithdrawal {
    /// Required: it is shown on the document's page.
    reason: String,
}

/// Withdraw a document, with the reason (the process's secretariat). It
/// stays readable by those who may see it, at its address, marked
/// withdrawn with the reason, and leaves the lists (of the process and of
/// its meeting); kept in its history and audited (`document.withdraw`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/documents/{id}/withdrawal",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = DocumentWithdrawal, example = json!({
                "reason": "Superseded by A/CONF.231/3/Rev.1"
            })),
    responses((status = 201, description = "The change recorded", body = RecordChangeDto))
)]
pub(crate) async fn withdraw_document(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<DocumentWithdrawal>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let document = parse_id(&id, "document").map_err(|e| AppError::NotFound(e.message))?;
        let c = input?;
        let change = s
            .app
            .withdraw_document(&principal, &slug, document, &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/documents/{document}"),
            record: record(&record_change_dto(change))?,
            page: format!("/processes/{slug}/documents/{document}?done=document-withdrawn"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_document_desk(
            &s,
            &r,
            &principal,
            &slug,
            &id,
            Some(("withdraw", form)),
        )
    })
    .await
}

/// A theme to add to a process's taxonomy.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewTheme {
    code: d::Slug,
    taxonomy: d::Slug,
    #[serde(default)]
    number: Option<u32>,
    title: String,
}

/// Add a theme (the process's secretariat). The secretariat's form sends
/// the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/themes",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = NewTheme, example = json!({ "code": "topic-1", "taxonomy": "topics", "number": 1, "title": "Human rights of all migrants" })),
    responses((status = 201, description = "Created", body = ProcessCodeCreated))
)]
pub(crate) async fn add_theme(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<NewTheme>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let theme = d::Theme {
            process: slug.parse().map_err(AppError::from)?,
            code: c.code,
            taxonomy: c.taxonomy,
            number: c.number,
            title: c.title,
            withdrawn_reason: None,
        };
        let code = theme.code.to_string();
        s.app.add_theme(&principal, theme).await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/themes"),
            record: record(&ProcessCodeCreated { code: code.clone() })?,
            page: format!("/processes/{slug}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_manage(&s, &r, &principal, &slug, Some(("theme", form)))
    })
    .await
}

/// A theme as it is to read after an edit: its code and taxonomy stay.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThemeEdit {
    title: String,
    /// Its number in the taxonomy; absent for none.
    #[serde(default)]
    number: Option<u32>,
    /// Why, if the secretariat says (kept in the theme's history).
    #[serde(default)]
    reason: Option<String>,
}

/// Edit a theme (the process's secretariat): its title and number; its
/// code and taxonomy stay. Kept in the theme's history and audited
/// (`theme.edit`); a withdrawn theme takes no change (`theme_withdrawn`).
/// The form on the theme's desk page sends the same command.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/themes/{code}",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("code" = String, Path, example = "objective-7")),
    request_body(content = ThemeEdit, example = json!({
                "title": "Address and reduce vulnerabilities in migration", "number": 7,
                "reason": "The title as adopted"
            })),
    responses((status = 200, description = "The change recorded", body = RecordChangeDto))
)]
pub(crate) async fn edit_theme(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, code)): Path<(String, String)>,
    command: Command<ThemeEdit>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let edit = d::ThemeEdit {
            title: c.title,
            number: c.number,
        };
        let change = s
            .app
            .edit_theme(&principal, &slug, &code, edit, c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/themes"),
            record: record(&record_change_dto(change))?,
            page: format!("/processes/{slug}/themes/{code}/edit?done=theme-edited"),
        })
    }
    .await;
    via.answer_as(StatusCode::OK, &s, &r, result, |form| {
        crate::process::manage::render_theme_desk(
            &s,
            &r,
            &principal,
            &slug,
            &code,
            Some(("edit", form)),
        )
    })
    .await
}

/// Why a theme is withdrawn.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThemeWithdrawal {
    /// Required: it is shown wherever the theme still shows.
    reason: String,
}

/// Withdraw a theme, with the reason (the process's secretariat). Nothing
/// new is filed under it (recommendations, meetings, theme labels are
/// refused with `theme_withdrawn`) and it leaves the lists offered for
/// choosing; what was filed under it keeps it, marked withdrawn. Kept in
/// its history and audited (`theme.withdraw`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/themes/{code}/withdrawal",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("code" = String, Path, example = "objective-7")),
    request_body(content = ThemeWithdrawal, example = json!({
                "reason": "Merged into objective-8"
            })),
    responses((status = 201, description = "The change recorded", body = RecordChangeDto))
)]
pub(crate) async fn withdraw_theme(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, code)): Path<(String, String)>,
    command: Command<ThemeWithdrawal>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let change = s
            .app
            .withdraw_theme(&principal, &slug, &code, &c.reason)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/themes"),
            record: record(&record_change_dto(change))?,
            page: format!("/processes/{slug}/themes/{code}/edit?done=theme-withdrawn"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_theme_desk(
            &s,
            &r,
            &principal,
            &slug,
            &code,
            Some(("withdraw", form)),
        )
    })
    .await
}

/// An actor or a group to add. The form may give a group's members as one
/// text of codes separated by commas, spaces or lines.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewActor {
    /// ISO 3166-1 alpha-3 for states.
    code: d::ActorCode,
    kind: d::ActorKind,
    name: String,
    #[serde(default)]
    official_name: Option<String>,
    /// ISO 3166-1 alpha-2, for states.
    #[serde(default)]
    iso2: Option<String>,
    /// UN M49 numeric code, for states.
    #[serde(default)]
    m49: Option<u16>,
    /// UN M49 region (continent), for states.
    #[serde(default)]
    region: Option<String>,
    /// UN M49 sub-region, for states.
    #[serde(default)]
    subregion: Option<String>,
    /// Year of admission to the United Nations, for member states.
    #[serde(default)]
    un_member_since: Option<i32>,
    /// The members of a group, by code; empty for everything else.
    #[serde(default, deserialize_with = "crate::process::params::listed")]
    #[schema(value_type = Vec<String>)]
    members: Vec<d::ActorCode>,
    /// When members joined or left, where known (each a member above).
    #[serde(default)]
    membership: Vec<d::Membership>,
}

/// Add an actor or a group (secretariat). The form on `/actors/manage`
/// sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/actors",
    tag = "processes",
    request_body(content = NewActor, example = json!({ "code": "IOM", "kind": "intergovernmental_organisation", "name": "International Organization for Migration" })),
    responses((status = 201, description = "Created", body = ProcessCodeCreated))
)]
pub(crate) async fn create_actor(
    State(s): State<SharedState>,
    r: Reader,
    command: Command<NewActor>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let actor = d::Actor {
            code: c.code,
            kind: c.kind,
            name: c.name,
            official_name: c.official_name,
            iso2: c.iso2,
            m49: c.m49,
            region: c.region,
            subregion: c.subregion,
            un_member_since: c.un_member_since,
            members: c.members,
            membership: c.membership,
        };
        let code = actor.code.to_string();
        s.app.create_actor(&principal, actor).await?;
        Ok(Done {
            location: format!("/api/v1/actors/{code}"),
            record: record(&ProcessCodeCreated { code: code.clone() })?,
            page: format!("/actors/{code}"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::manage::render_actors(&s, &r, &principal, Some(form))
    })
    .await
}

/// Register for a meeting (delegates, accredited stakeholders). The button
/// on the meeting's page sends the same command.
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/registrations",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 201, description = "Created", body = MeetingRegistered))
)]
pub(crate) async fn register_for_meeting(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<NoFields>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let NoFields {} = input?;
        let meeting = parse_id(&id, "meeting").map_err(|e| AppError::NotFound(e.message))?;
        s.app
            .register_for_meeting(&principal, &slug, meeting)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}/participants"),
            record: record(&MeetingRegistered { meeting })?,
            page: format!("/processes/{slug}/meetings/{meeting}#participants-h"),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::process::pages::render_meeting(&s, &r, &slug, &id, Some(("register".into(), form)))
    })
    .await
}

/// The public participants list: names and whom they represent, never e-mail.
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/participants",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = MeetingParticipantList))
)]
async fn participants(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<MeetingParticipantList>, ApiError> {
    let meeting = crate::http::query::parse_id(&id, "meeting")?;
    let items = s
        .app
        .participants(&slug, meeting)
        .await?
        .into_iter()
        .map(|(p, actor)| MeetingParticipant {
            name: p.name,
            actor: actor.code,
            actor_name: actor.name,
            registered_at: p.registered_at,
        })
        .collect();
    Ok(Json(MeetingParticipantList { items }))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(create_process, list_processes))
        .routes(utoipa_axum::routes!(add_phase))
        .routes(utoipa_axum::routes!(add_meeting, list_meetings))
        .routes(utoipa_axum::routes!(add_document, list_documents))
        .routes(utoipa_axum::routes!(add_theme, list_themes))
        .routes(utoipa_axum::routes!(edit_theme))
        .routes(utoipa_axum::routes!(withdraw_theme))
        .routes(utoipa_axum::routes!(create_actor, list_actors))
        .routes(utoipa_axum::routes!(register_for_meeting))
        .routes(utoipa_axum::routes!(participants))
        .routes(utoipa_axum::routes!(healthz))
        .routes(utoipa_axum::routes!(get_process, edit_process))
        .routes(utoipa_axum::routes!(get_document, edit_document))
        .routes(utoipa_axum::routes!(withdraw_document))
        .routes(utoipa_axum::routes!(get_meeting, edit_meeting))
        .routes(utoipa_axum::routes!(postpone_meeting))
        .routes(utoipa_axum::routes!(cancel_meeting))
        .routes(utoipa_axum::routes!(reinstate_meeting))
        .routes(utoipa_axum::routes!(get_actor))
        .routes(utoipa_axum::routes!(get_actor_record))
}

/// The portal's forms that send this area's commands (the same handlers;
/// the speakers' list's are in `speakers`).
pub fn form_routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/manage/phases", post(add_phase))
        .route("/processes/{slug}/manage/themes", post(add_theme))
        .route("/processes/{slug}/themes/{code}/edit", post(edit_theme))
        .route(
            "/processes/{slug}/themes/{code}/withdraw",
            post(withdraw_theme),
        )
        .route("/processes/{slug}/manage/meetings", post(add_meeting))
        .route("/processes/{slug}/manage/documents", post(add_document))
        .route("/manage/processes", post(create_process))
        .route("/actors/manage", post(create_actor))
        .route("/processes/{slug}/meetings/{id}/edit", post(edit_meeting))
        .route(
            "/processes/{slug}/meetings/{id}/postpone",
            post(postpone_meeting),
        )
        .route(
            "/processes/{slug}/meetings/{id}/cancel",
            post(cancel_meeting),
        )
        .route(
            "/processes/{slug}/meetings/{id}/reinstate",
            post(reinstate_meeting),
        )
        .route("/processes/{slug}/edit", post(edit_process))
        .route("/processes/{slug}/documents/{id}/edit", post(edit_document))
        .route(
            "/processes/{slug}/documents/{id}/withdraw",
            post(withdraw_document),
        )
        .route(
            "/processes/{slug}/meetings/{id}/register",
            post(register_for_meeting),
        )
        .route(
            "/processes/{slug}/meetings/{id}/floor",
            post(speakers::inscribe),
        )
        .route(
            "/processes/{slug}/meetings/{id}/speakers/{inscription}",
            post(speakers::set_speaker_status),
        )
        .route(
            "/processes/{slug}/meetings/{id}/time-limits/{category}",
            post(speakers::set_time_limit),
        )
}
