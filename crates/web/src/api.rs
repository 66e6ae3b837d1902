//! The JSON API under `/api/v1`, described by the OpenAPI 3.1 document at
//! `/api/v1/openapi.json`, generated from these handlers and types.

use crate::error::{ApiError, ErrorBody};
use crate::SharedState;
use accord_app::{Listing, PageRequest, MAX_LIMIT};
use accord_domain as d;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/processes", get(list_processes))
        .route("/api/v1/processes/{slug}", get(get_process))
        .route("/api/v1/processes/{slug}/meetings", get(list_meetings))
        .route("/api/v1/processes/{slug}/meetings/{id}", get(get_meeting))
        .route("/api/v1/processes/{slug}/documents", get(list_documents))
        .route("/api/v1/processes/{slug}/themes", get(list_themes))
        .route("/api/v1/actors", get(list_actors))
        .route("/api/v1/actors/{code}", get(get_actor))
        .route("/api/v1", get(api_not_found))
        .route("/api/v1/{*rest}", axum::routing::any(api_not_found))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "Read the processes Accord runs: phases, meetings, documents, themes and actors; \
            and, signed in, act in them. Writes take a bearer token (`Authorization: Bearer acc_…`) or the \
            portal's session cookie with its anti-forgery token in `X-CSRF-Token`. \
            Lists are paginated by cursor: pass a response's `next_cursor` back as `cursor` \
            with the same filters; it is null on the last page.",
        version = "1"
    ),
    paths(
        healthz,
        list_processes,
        get_process,
        list_meetings,
        get_meeting,
        list_documents,
        list_themes,
        list_actors,
        get_actor
    ),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

/// The whole API: the reads described here, and the writes from
/// `api_write`'s route table.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    crate::api_write::document(&mut doc);
    doc
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document())
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("no such API resource; see /api/v1/openapi.json")
}

// ---- query parameters ----------------------------------------------------

/// Query extraction whose failures use the API's error shape.
pub struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| ApiQuery(t))
            .map_err(|e| ApiError::bad_request(format!("invalid query: {}", e.body_text())))
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only items of this kind (snake_case, e.g. `thematic_session`).
    kind: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Items per page, 1 to 200 (default 50).
    limit: Option<String>,
}

impl ListParams {
    fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = match &self.limit {
            None => None,
            Some(s) => Some(s.parse::<u32>().map_err(|_| {
                ApiError::bad_request(format!(
                    "limit must be a whole number from 1 to {MAX_LIMIT}"
                ))
            })?),
        };
        Ok(PageRequest {
            cursor: self.cursor.clone(),
            limit,
        })
    }

    fn kind<K: std::str::FromStr<Err = d::ValidationError>>(&self) -> Result<Option<K>, ApiError> {
        self.kind
            .as_deref()
            .map(|k| {
                k.parse()
                    .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))
            })
            .transpose()
    }
}

// ---- response shapes -----------------------------------------------------

/// A page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    items: Vec<T>,
    /// Pass back as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

impl<T> Page<T> {
    fn from<U>(listing: Listing<U>, f: impl Fn(U) -> T) -> Self {
        Page {
            items: listing.items.into_iter().map(f).collect(),
            next_cursor: listing.next_cursor,
        }
    }
}

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
pub struct PhaseDto {
    kind: String,
    start_date: NaiveDate,
    /// Null while the phase runs with no set end.
    end_date: Option<NaiveDate>,
    note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessDto {
    slug: String,
    title: String,
    description: String,
    /// Symbols of the resolutions that mandate the process.
    mandate: Vec<String>,
    /// ISO 639-1 codes of the official languages.
    languages: Vec<String>,
    co_facilitators: Vec<OfficerDto>,
    secretariat: Vec<OfficerDto>,
    meeting_kinds: Vec<String>,
    phases: Vec<PhaseDto>,
    current_phase: Option<String>,
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
    start_date: NaiveDate,
    end_date: NaiveDate,
    /// Null when the venue is not confirmed.
    venue: Option<VenueDto>,
    chairs: Vec<ChairDto>,
    agenda_items: Vec<AgendaItemDto>,
    /// Codes of the process's themes the meeting addresses.
    themes: Vec<String>,
    note: Option<String>,
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
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThemeDto {
    code: String,
    taxonomy: String,
    number: Option<u32>,
    title: String,
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
    /// For a group: the codes of its members.
    members: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActorDetailDto {
    #[serde(flatten)]
    actor: ActorDto,
    /// Codes of the groups the actor belongs to.
    member_of: Vec<String>,
}

fn strings<T: ToString>(v: &[T]) -> Vec<String> {
    v.iter().map(T::to_string).collect()
}

fn officer(o: d::Officer) -> OfficerDto {
    OfficerDto {
        name: o.name,
        title: o.title,
        actor: o.actor.map(String::from),
    }
}

fn meeting_dto(m: d::Meeting) -> MeetingDto {
    let d::Meeting { id, meeting: m } = m;
    MeetingDto {
        id,
        slug: m.slug.into(),
        kind: m.kind.to_string(),
        number: m.number,
        title: m.title,
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
    }
}

fn document_dto(doc: d::Document) -> DocumentDto {
    let d::Document { id, document: x } = doc;
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
    }
}

// ---- handlers ------------------------------------------------------------

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
    let p = o.process;
    Ok(Json(ProcessDto {
        slug: p.slug.into(),
        title: p.title,
        description: p.description,
        mandate: strings(&p.mandate),
        languages: strings(&p.languages),
        co_facilitators: p.co_facilitators.into_iter().map(officer).collect(),
        secretariat: p.secretariat.into_iter().map(officer).collect(),
        meeting_kinds: strings(&p.meeting_kinds),
        phases: o
            .phases
            .into_iter()
            .map(|ph| PhaseDto {
                kind: ph.kind.to_string(),
                start_date: ph.start_date,
                end_date: ph.end_date,
                note: ph.note,
            })
            .collect(),
        current_phase: o.current_phase.map(|k| k.to_string()),
    }))
}

/// A process's meetings in date order, optionally of one kind.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/meetings", tag = "meetings",
    params(("slug" = String, Path), ListParams),
    responses((status = 200, body = Page<MeetingDto>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_meetings(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<MeetingDto>>, ApiError> {
    let listing = s.app.meetings(&slug, q.kind()?, &q.page()?).await?;
    Ok(Json(Page::from(listing, meeting_dto)))
}

/// One meeting.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/meetings/{id}", tag = "meetings",
    params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = MeetingDto), (status = 404, body = ErrorBody)))]
async fn get_meeting(
    State(s): State<SharedState>,
    caller: crate::auth::Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<MeetingDto>, ApiError> {
    let id = parse_id(&id, "meeting")?;
    Ok(Json(meeting_dto(
        s.app.meeting(&caller.principal, &slug, id).await?.meeting,
    )))
}

pub(crate) fn parse_id(id: &str, what: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::not_found(format!(
            "{what} '{}' does not exist",
            id.chars().take(32).collect::<String>()
        ))
    })
}

/// The documents of a process the caller may read, in date order: the public
/// sees what is public and no longer embargoed; member states' delegates
/// also what is restricted to member states; the secretariat everything.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/documents", tag = "documents",
    params(("slug" = String, Path), ListParams),
    responses((status = 200, body = Page<DocumentDto>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_documents(
    State(s): State<SharedState>,
    caller: crate::auth::Caller,
    Path(slug): Path<String>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Json<Page<DocumentDto>>, ApiError> {
    let listing = s
        .app
        .documents(&caller.principal, &slug, q.kind()?, &q.page()?)
        .await?;
    Ok(Json(Page::from(listing, document_dto)))
}

/// A process's themes, by taxonomy and number.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/themes", tag = "themes",
    params(("slug" = String, Path)),
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
