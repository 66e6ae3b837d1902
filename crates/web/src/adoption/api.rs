//! Adoption and follow-up over the JSON API: reads (adoptions with their
//! vote state by state, pledges, an objective's pledges by region) and the
//! commands (record an adoption, add ballots, link a statement, close a
//! vote, make a pledge, report progress), each one handler for its API
//! route and, where the portal has one, its form (`form_routes`).

use crate::adoption::pages::PledgeForm;
use crate::http::command::record;
use crate::http::command::{Command, Done, NoFields, Refusal};
use crate::http::error::ApiError;
use crate::http::page::Reader;
use crate::http::routes::{post, PageRoutes};
use crate::SharedState;
use accord_app::adoption::{
    AdoptionDetail, AdoptionRequest, AdoptionSummary, ObjectiveView, OralChangeRequest,
    OralChangeView, ParagraphVoteRequest, ParagraphVoteView, PledgeView,
};
use accord_app::{AppError, Principal};
use accord_domain::adoption::{AdoptionStatementKind, Ballot, NewPledge, PledgeStatus, VoteChoice};
use accord_domain::ActorCode;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn id_of(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no {what} '{raw}'")).into())
}

/// The process's adoptions, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
struct AdoptionList {
    items: Vec<AdoptionSummary>,
}

/// The process's adoptions, oldest first: meeting, version adopted, method, totals, outcome, what each endorses
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/adoptions",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = AdoptionList))
)]
async fn list_adoptions(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<AdoptionList>, ApiError> {
    let items = s.app.adoptions(&slug).await?;
    Ok(Json(AdoptionList { items }))
}

/// One adoption: every member state's vote (null: not recorded), the majority needed, the linked statements, the endorsement chain, and the adopted text's preambular and operative paragraphs when it is a resolution
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/adoptions/{id}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = AdoptionDetail))
)]
async fn get_adoption(
    State(s): State<SharedState>,
    caller: crate::http::auth::Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<AdoptionDetail>, ApiError> {
    let id = id_of(&id, "adoption")?;
    Ok(Json(s.app.adoption(&caller.principal, &slug, id).await?))
}

#[derive(Deserialize)]
struct PledgePageQuery {
    after: Option<i64>,
    limit: Option<u32>,
}

/// A page of pledges, and the pledge id to ask for the next page `after` (null: the last page).
#[derive(Serialize, utoipa::ToSchema)]
struct PledgeList {
    items: Vec<PledgeView>,
    next_after: Option<i64>,
}

/// A page of the process's pledges with their progress reports (`after` a pledge id, `limit`)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/pledges",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = PledgeList))
)]
async fn list_pledges(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    Query(q): Query<PledgePageQuery>,
) -> Result<Json<PledgeList>, ApiError> {
    let (items, more) = s
        .app
        .pledges(&slug, q.after, q.limit.unwrap_or(100))
        .await?;
    let next_after = if more {
        items.last().map(|p| p.pledge.id)
    } else {
        None
    };
    Ok(Json(PledgeList { items, next_after }))
}

/// One pledge with its progress reports
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/pledges/{id}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = PledgeView))
)]
async fn get_pledge(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<PledgeView>, ApiError> {
    let id = id_of(&id, "pledge")?;
    Ok(Json(s.app.pledge(&slug, id).await?))
}

/// One objective of the adopted text, with its pledges by region
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/objectives/{number}",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("number" = i64, Path)),
    responses(
        (status = 200, description = "Found", body = ObjectiveView),
        (status = 422, description = "Nothing is adopted in the process yet (`nothing_adopted`), or the adopted text has no such objective (`unknown_objective`)", body = crate::http::error::ErrorBody)
    )
)]
async fn get_objective(
    State(s): State<SharedState>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let number: u32 = number
        .parse()
        .map_err(|_| AppError::NotFound(format!("no objective '{number}'")))?;
    Ok(Json(s.app.objective(&slug, number).await?))
}

/// An adoption's id in a command's path.
fn adoption_id(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no adoption '{raw}'")))
}

/// A pledge's id in a command's path.
fn pledge_id(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no pledge '{raw}'")))
}

/// A command on an adoption is done: the adoption (its summary, with the
/// outcome) is where to read it, over the API and in the portal.
async fn adoption_done(
    s: &SharedState,
    p: &Principal,
    slug: &str,
    id: i64,
    anchor: &str,
) -> Result<Done, Refusal> {
    let d = s.app.adoption(p, slug, id).await?;
    Ok(Done {
        location: format!("/api/v1/processes/{slug}/adoptions/{id}"),
        record: record(&d.summary)?,
        page: format!("/processes/{slug}/adoptions/{id}{anchor}"),
    })
}

/// A command on a pledge is done: the pledge, with its reports.
async fn pledge_done(s: &SharedState, slug: &str, id: i64) -> Result<Done, Refusal> {
    Ok(Done {
        location: format!("/api/v1/processes/{slug}/pledges/{id}"),
        record: record(&s.app.pledge(slug, id).await?)?,
        page: format!("/processes/{slug}/pledges#pledge-{id}"),
    })
}

/// Record the adoption of a draft version at a meeting of the process, by consensus or by recorded vote (the secretariat): totals must add up to the member states; only member states vote, once each. An endorsement (`endorses`) adopts a draft resolution of its own, not the endorsed text (`endorsement_needs_its_own_text`, `endorsement_not_a_resolution`), and endorses an adoption that carried (`endorses_nothing_adopted`)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = AdoptionRequest, example = json!({ "meeting": 42, "draft": "a-73-l66", "version": 1, "title": "Endorsement by the General Assembly", "adopted_on": "2018-12-19", "symbol": "A/RES/73/195", "method": "recorded_vote", "vote": { "majority": "simple", "totals": { "yes": 152, "no": 5, "abstain": 12, "not_voting": 24 }, "ballots": [{ "state": "HUN", "vote": "no" }] }, "endorses": 1 })),
    responses((status = 201, description = "Created", body = AdoptionSummary))
)]
pub(crate) async fn adopt(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<AdoptionRequest>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = s.app.adopt(&principal, &slug, c).await?;
        adoption_done(&s, &principal, &slug, id, "?done=adoption-recorded").await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoptions(&s, &r, &slug, Some(form))
    })
    .await
}

/// Member states' votes to cast or record: a delegation's form sends its
/// own state's, `ballots[0][state]` and `ballots[0][vote]`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BallotsBody {
    ballots: Vec<Ballot>,
}

/// Cast or record member states' votes, each state once: while a vote is being taken (`open`), a delegation casts its own state's vote (the secretariat may enter any); for a vote recorded after the fact, the secretariat adds votes within the totals. Answers the adoption's summary
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/ballots",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = BallotsBody, example = json!({ "ballots": [{ "state": "AUT", "vote": "abstain" }] })),
    responses((status = 201, description = "Created", body = AdoptionSummary))
)]
pub(crate) async fn add_ballots(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<BallotsBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = adoption_id(&id)?;
        s.app
            .record_ballots(&principal, &slug, id, c.ballots)
            .await?;
        adoption_done(&s, &principal, &slug, id, "#vote-h").await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption(&s, &r, &slug, &id, None, Some(form))
    })
    .await
}

/// A statement made at the adopting meeting, linked to the adoption as an
/// explanation of vote, a position, a reservation or a dissociation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkBody {
    statement: i64,
    kind: AdoptionStatementKind,
}

/// Link a statement made at the adopting meeting: explanation_before, explanation_after (of vote), position, reservation or dissociation (the secretariat). Answers the adoption's summary
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/statements",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = LinkBody, example = json!({ "statement": 7, "kind": "explanation_after" })),
    responses((status = 201, description = "Created", body = AdoptionSummary))
)]
pub(crate) async fn link_statement(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<LinkBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = adoption_id(&id)?;
        s.app
            .link_adoption_statement(&principal, &slug, id, c.statement, c.kind)
            .await?;
        adoption_done(&s, &principal, &slug, id, "#statements-h").await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption(&s, &r, &slug, &id, None, Some(form))
    })
    .await
}

/// Close a vote being taken (the secretariat): the states that cast no vote did not vote; the totals are counted and the outcome follows. Answers the adoption's summary, with the outcome
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/close",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 201, description = "Created", body = AdoptionSummary))
)]
pub(crate) async fn close_vote(
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
        let id = adoption_id(&id)?;
        s.app.close_vote(&principal, &slug, id).await?;
        adoption_done(&s, &principal, &slug, id, "").await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption(&s, &r, &slug, &id, None, Some(form))
    })
    .await
}

/// The separate votes on paragraphs taken at a meeting, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
struct ParagraphVoteList {
    items: Vec<ParagraphVoteView>,
}

/// The oral amendments and revisions moved at a meeting, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
struct OralChangeList {
    items: Vec<OralChangeView>,
}

/// A meeting's id in a path.
fn meeting_id(raw: &str) -> Result<i64, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no meeting '{raw}'")))
}

/// The separate votes on paragraphs taken at a meeting before the votes on the whole, oldest first: the paragraph, who requested the vote, the vote in full and the result (retained or deleted)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/paragraph-votes",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = ParagraphVoteList))
)]
async fn list_paragraph_votes(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<ParagraphVoteList>, ApiError> {
    let id = meeting_id(&id)?;
    let items = s
        .app
        .votes_before_the_whole(&slug, id)
        .await?
        .paragraph_votes;
    Ok(Json(ParagraphVoteList { items }))
}

/// The oral amendments and oral revisions moved at a meeting, oldest first: the paragraph, who moved it, the words read out, the outcome and the vote if it was put to one
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings/{id}/oral-changes",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = OralChangeList))
)]
async fn list_oral_changes(
    State(s): State<SharedState>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<OralChangeList>, ApiError> {
    let id = meeting_id(&id)?;
    let items = s.app.votes_before_the_whole(&slug, id).await?.oral_changes;
    Ok(Json(OralChangeList { items }))
}

/// Record a separate vote on a paragraph, taken at the meeting before the vote on the whole (the secretariat of the process): the vote in full (closed, totals adding up to the member states, ballots, presence); the paragraph is retained when the vote carries under its majority rule and deleted otherwise. Once per paragraph a meeting (`paragraph_already_voted`), a paragraph of that version (`no_such_paragraph`), before the version is adopted (`version_already_adopted`), at a meeting that adopts texts (`not_an_adoption_setting`); requested by a member state, an observer state or a group (`not_a_delegation`)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/paragraph-votes",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = ParagraphVoteRequest, example = json!({ "draft": "outcome", "version": 3, "paragraph": "23", "requested_by": "HUN", "voted_on": "2018-12-10", "vote": { "majority": "simple", "totals": { "yes": 120, "no": 30, "abstain": 20, "not_voting": 23 }, "ballots": { "no": "HUN USA" } } })),
    responses((status = 201, description = "Created", body = ParagraphVoteView))
)]
pub(crate) async fn record_paragraph_vote(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<ParagraphVoteRequest>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = meeting_id(&id)?;
        let new = s
            .app
            .record_paragraph_vote(&principal, &slug, meeting, c)
            .await?;
        let item = s
            .app
            .votes_before_the_whole(&slug, meeting)
            .await?
            .paragraph_votes
            .into_iter()
            .find(|v| v.paragraph_vote.id == new)
            .ok_or_else(|| AppError::Internal(format!("paragraph vote {new} not read back")))?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}/paragraph-votes"),
            record: record(&item)?,
            page: format!(
                "/processes/{slug}/meetings/{meeting}/adoption?done=paragraph-vote-recorded#paragraph-vote-{new}"
            ),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption_desk(
            &s,
            &r,
            &slug,
            &id,
            Some(("paragraph-vote", form)),
        )
    })
    .await
}

/// Record an oral amendment or oral revision moved from the floor at the meeting on a paragraph of the version put to the vote (the secretariat of the process): who moved it (a member state, an observer state or a group, `not_a_delegation`), the words read out, and the outcome — given (accepted, rejected, withdrawn), or following from the vote it was put to (accepted when the vote carries). Before the version is adopted (`version_already_adopted`)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/meetings/{id}/oral-changes",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = OralChangeRequest, example = json!({ "draft": "outcome", "version": 3, "paragraph": "5", "kind": "oral_amendment", "moved_by": "HUN", "moved_on": "2018-12-10", "text": "Delete the words 'and regular'.", "vote": { "majority": "simple", "totals": { "yes": 30, "no": 120, "abstain": 20, "not_voting": 23 } } })),
    responses((status = 201, description = "Created", body = OralChangeView))
)]
pub(crate) async fn record_oral_change(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<OralChangeRequest>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let meeting = meeting_id(&id)?;
        let new = s
            .app
            .record_oral_change(&principal, &slug, meeting, c)
            .await?;
        let item = s
            .app
            .votes_before_the_whole(&slug, meeting)
            .await?
            .oral_changes
            .into_iter()
            .find(|v| v.oral_change.id == new)
            .ok_or_else(|| AppError::Internal(format!("oral change {new} not read back")))?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/meetings/{meeting}/oral-changes"),
            record: record(&item)?,
            page: format!(
                "/processes/{slug}/meetings/{meeting}/adoption?done=oral-change-recorded#oral-change-{new}"
            ),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption_desk(
            &s,
            &r,
            &slug,
            &id,
            Some(("oral-change", form)),
        )
    })
    .await
}

/// A member state's statement, after the vote, of how it intended to vote.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct IntentionBody {
    state: ActorCode,
    /// yes, no or abstain.
    vote: VoteChoice,
}

/// Record a member state's statement, after the vote, that it intended to vote otherwise (a delegate of that state, or the secretariat recording what the delegation said): kept beside its ballot, which stands as recorded with the totals and the outcome; once per state per vote (`intention_already_stated`), after the vote closed (`vote_still_open`), not the vote it cast (`intention_matches_ballot`). Answers the adoption's summary
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/adoptions/{id}/intentions",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = IntentionBody, example = json!({ "state": "AUT", "vote": "yes" })),
    responses((status = 201, description = "Created", body = AdoptionSummary))
)]
pub(crate) async fn state_intention(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<IntentionBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = adoption_id(&id)?;
        s.app
            .state_intention(&principal, &slug, id, &c.state, c.vote)
            .await?;
        adoption_done(&s, &principal, &slug, id, "#states-h").await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_adoption(&s, &r, &slug, &id, None, Some(form))
    })
    .await
}

/// A pledge on objectives of the adopted text. The pledges page's form
/// sends the same fields, its objectives as `objectives[]`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PledgeBody {
    actor: ActorCode,
    /// Objective numbers of the adopted text (1-based).
    objectives: Vec<u32>,
    title: String,
    description: String,
    made_on: NaiveDate,
    status: PledgeStatus,
    /// The meeting where it was announced (a review forum), if any.
    #[serde(default)]
    meeting: Option<i64>,
    /// Generated test data, labelled as such wherever it appears.
    #[serde(default)]
    synthetic: bool,
}

/// Make a pledge on objectives of the adopted text (the secretariat, or whoever may speak for the actor)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/pledges",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = PledgeBody, example = json!({ "actor": "MEX", "objectives": [5, 23], "title": "Regular pathways", "description": "More regular pathways for workers.", "made_on": "2022-05-18", "status": "announced", "meeting": 40 })),
    responses((status = 201, description = "Created", body = PledgeView))
)]
pub(crate) async fn make_pledge(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<PledgeBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let pledge = NewPledge {
            process: slug.parse().map_err(AppError::from)?,
            actor: c.actor,
            objectives: c.objectives,
            title: c.title,
            description: c.description,
            made_on: c.made_on,
            status: c.status,
            meeting: c.meeting,
            synthetic: c.synthetic,
        };
        let id = s.app.make_pledge(&principal, pledge).await?;
        pledge_done(&s, &slug, id).await
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_pledges(&s, &r, &slug, None, Some((PledgeForm::Make, form)))
    })
    .await
}

/// A progress report on a pledge; the form on the pledge's card sends the
/// same fields.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportBody {
    reported_on: NaiveDate,
    status: PledgeStatus,
    text: String,
}

/// Report progress on a pledge; the pledge takes the report's status
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/pledges/{id}/reports",
    tag = "adoption",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    request_body(content = ReportBody, example = json!({ "reported_on": "2024-05-01", "status": "in_progress", "text": "Two agreements signed." })),
    responses((status = 201, description = "Created", body = PledgeView))
)]
pub(crate) async fn report_progress(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    command: Command<ReportBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let c = input?;
        let id = pledge_id(&id)?;
        s.app
            .report_progress(&principal, &slug, id, c.reported_on, c.status, &c.text)
            .await?;
        pledge_done(&s, &slug, id).await
    }
    .await;
    let pledge = pledge_id(&id).unwrap_or_default();
    via.answer(&s, &r, result, |form| {
        crate::adoption::pages::render_pledges(
            &s,
            &r,
            &slug,
            None,
            Some((PledgeForm::Report(pledge), form)),
        )
    })
    .await
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(adopt, list_adoptions))
        .routes(utoipa_axum::routes!(add_ballots))
        .routes(utoipa_axum::routes!(close_vote))
        .routes(utoipa_axum::routes!(state_intention))
        .routes(utoipa_axum::routes!(link_statement))
        .routes(utoipa_axum::routes!(
            record_paragraph_vote,
            list_paragraph_votes
        ))
        .routes(utoipa_axum::routes!(record_oral_change, list_oral_changes))
        .routes(utoipa_axum::routes!(make_pledge, list_pledges))
        .routes(utoipa_axum::routes!(report_progress))
        .routes(utoipa_axum::routes!(get_adoption))
        .routes(utoipa_axum::routes!(get_pledge))
        .routes(utoipa_axum::routes!(get_objective))
}

/// The portal's forms that send this area's commands (the same handlers):
/// recording an adoption on the adoptions page; a delegation's vote,
/// closing the vote, a statement of intention and linking a statement on
/// the adoption's page; a separate vote and an oral change on a meeting's
/// adoption desk; a pledge and a progress report on the pledges page.
pub fn form_routes() -> PageRoutes {
    let a = "/processes/{slug}/adoptions/{id}";
    PageRoutes::new()
        .route("/processes/{slug}/adoptions", post(adopt))
        .route(format!("{a}/vote"), post(add_ballots))
        .route(format!("{a}/close"), post(close_vote))
        .route(format!("{a}/intentions"), post(state_intention))
        .route(format!("{a}/statements"), post(link_statement))
        .route(
            "/processes/{slug}/meetings/{id}/paragraph-votes",
            post(record_paragraph_vote),
        )
        .route(
            "/processes/{slug}/meetings/{id}/oral-changes",
            post(record_oral_change),
        )
        .route("/processes/{slug}/pledges", post(make_pledge))
        .route(
            "/processes/{slug}/pledges/{id}/reports",
            post(report_progress),
        )
}
