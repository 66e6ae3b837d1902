//! The stocktaking over the JSON API: reads (the analysis, campaigns,
//! coverage, jobs) and the writes (importing inputs as a job, starting an
//! analysis, labelling a theme, dismissing a suggestion, linking a
//! paragraph to a recommendation), each but the import one command
//! (`http::command`) sent as JSON or by the portal's form ([`form_routes`]).

use crate::http::auth::{Caller, WriteCaller};
use crate::http::command::record;
use crate::http::command::{Command, Done};
use crate::http::error::ApiError;
use crate::http::json::signed_in;
use crate::http::page::Reader;
use crate::http::routes::{post, PageRoutes};
use crate::SharedState;
use accord_app::import::InputFormat;
use accord_app::stocktaking::AnalysisOptions;
use accord_app::AppError;
use accord_domain::{self as d, ItemKind, Language};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// The latest analysis as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingView {
    run: d::stocktaking::AnalysisRun,
    /// Items no theme was found for.
    unassigned: i64,
    themes: Vec<StocktakingTheme>,
    /// The largest campaigns.
    campaigns: Vec<d::stocktaking::Campaign>,
    who_said_what: Vec<d::stocktaking::WhoSaidWhat>,
}

/// A theme of the analysis, with its clusters.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingTheme {
    code: d::Slug,
    title: String,
    inputs: i64,
    statements: i64,
    clusters: Vec<StocktakingCluster>,
    /// The ids of the recommendations with this theme.
    recommendations: Vec<i64>,
}

/// A group of similar inputs within a theme.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCluster {
    /// 1 is the largest within the theme.
    number: i64,
    inputs: i64,
    key_phrases: Vec<String>,
    /// The ids of the inputs closest to the cluster's centre.
    representatives: Vec<i64>,
}

/// A page of the latest analysis's campaigns, largest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCampaigns {
    /// The analysis run's id.
    run: i64,
    items: Vec<d::stocktaking::Campaign>,
    /// More campaigns follow (ask with a larger `offset`).
    more: bool,
}

/// One campaign and a page of its inputs.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCampaign {
    campaign: d::stocktaking::Campaign,
    /// The input whose text stands for the campaign, if the caller may see it.
    representative: Option<d::Input>,
    inputs: Vec<d::Input>,
    /// Pass back as `after` for the next page; null on the last page.
    next_after: Option<i64>,
}

/// Which paragraphs of a draft answer each recommendation.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCoverage {
    /// The draft's slug; null when the process has no draft.
    draft: Option<d::Slug>,
    /// The draft's latest version's number.
    version: Option<u32>,
    items: Vec<StocktakingCoverageItem>,
    /// Recurring recommendations nothing answers yet.
    unanswered: Vec<StocktakingUnanswered>,
}

/// A recommendation and the paragraphs that answer it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCoverageItem {
    /// The recommendation's id.
    recommendation: i64,
    passage: String,
    linked: Vec<StocktakingParagraph>,
    suggested: Vec<StocktakingSuggestion>,
}

/// A paragraph linked to a recommendation.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingParagraph {
    wid: d::negotiation::Wid,
    /// The paragraph's number as the draft shows it.
    number: String,
}

/// A paragraph suggested as answering a recommendation.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingSuggestion {
    wid: d::negotiation::Wid,
    number: String,
    /// How alike they are (0–1).
    score: f64,
}

/// A recommendation made again and again that nothing answers yet.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingUnanswered {
    /// The recommendation's id.
    recommendation: i64,
    passage: String,
    /// How many times it was made.
    times: usize,
    /// The ids of the recommendations alike.
    alike: Vec<i64>,
}

/// The process's recent background jobs.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingJobs {
    items: Vec<d::stocktaking::Job>,
}

/// An item was labelled with a theme.
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingLabelRecord {
    item_kind: ItemKind,
    item_id: i64,
    theme: String,
}

/// A paragraph was linked to a recommendation (or unlinked).
#[derive(Debug, Serialize, ToSchema)]
pub struct StocktakingCoverageRecord {
    recommendation: i64,
    draft: String,
    wid: String,
    linked: bool,
}

/// The latest analysis: counts, themes with their clusters and key phrases, the largest campaigns, who said what
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/stocktaking",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = StocktakingView))
)]
async fn get_stocktaking(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<StocktakingView>, ApiError> {
    let Some(st) = s.app.stocktaking(&caller.principal, &slug).await? else {
        return Err(AppError::NotFound(format!("'{slug}' has not been analysed yet")).into());
    };
    Ok(Json(StocktakingView {
        run: st.run,
        unassigned: st.unassigned,
        themes: st
            .themes
            .into_iter()
            .map(|t| StocktakingTheme {
                code: t.theme.code,
                title: t.theme.title,
                inputs: t.inputs,
                statements: t.statements,
                clusters: t
                    .clusters
                    .into_iter()
                    .map(|c| StocktakingCluster {
                        number: c.cluster.number,
                        inputs: c.cluster.inputs,
                        key_phrases: c.cluster.key_phrases,
                        representatives: c.representatives.iter().map(|i| i.id).collect(),
                    })
                    .collect(),
                recommendations: t.recommendations.iter().map(|r| r.id).collect(),
            })
            .collect(),
        campaigns: st.campaigns.into_iter().map(|(c, _)| c).collect(),
        who_said_what: st.who,
    }))
}

#[derive(Deserialize)]
struct CampaignsQuery {
    offset: Option<u32>,
    limit: Option<u32>,
    after: Option<i64>,
}

/// The latest analysis's campaigns, largest first (`offset`, `limit`)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/campaigns",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = StocktakingCampaigns))
)]
async fn list_campaigns(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    Query(q): Query<CampaignsQuery>,
) -> Result<Json<StocktakingCampaigns>, ApiError> {
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let Some((run, mut items)) = s.app.campaigns(&slug, q.offset.unwrap_or(0), limit).await? else {
        return Err(AppError::NotFound(format!("'{slug}' has not been analysed yet")).into());
    };
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    Ok(Json(StocktakingCampaigns {
        run: run.id,
        items,
        more,
    }))
}

/// One campaign and a page of its inputs (`after` an input id)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/campaigns/{number}",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm"), ("number" = i64, Path)),
    responses((status = 200, description = "Found", body = StocktakingCampaign))
)]
async fn get_campaign(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, number)): Path<(String, String)>,
    Query(q): Query<CampaignsQuery>,
) -> Result<Json<StocktakingCampaign>, ApiError> {
    let number = crate::http::query::parse_id(&number, "campaign")?;
    let c = s
        .app
        .campaign(&caller.principal, &slug, number, q.after.unwrap_or(0))
        .await?;
    Ok(Json(StocktakingCampaign {
        campaign: c.campaign,
        representative: c.representative,
        inputs: c.inputs,
        next_after: c.next_after,
    }))
}

#[derive(Deserialize)]
struct CoverageQuery {
    draft: Option<String>,
}

/// For each recommendation, the paragraphs of the draft (`draft`, default the first) that answer it, linked or suggested; and the recurring recommendations nothing answers yet
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/coverage",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = StocktakingCoverage))
)]
async fn get_coverage(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
    Query(q): Query<CoverageQuery>,
) -> Result<Json<StocktakingCoverage>, ApiError> {
    let c = s
        .app
        .coverage(&caller.principal, &slug, q.draft.as_deref())
        .await?;
    Ok(Json(StocktakingCoverage {
        draft: c.draft.map(|d| d.slug),
        version: c.version.map(|v| v.seq),
        items: c
            .items
            .into_iter()
            .map(|i| StocktakingCoverageItem {
                recommendation: i.recommendation.id,
                passage: i.recommendation.recommendation.passage,
                linked: i
                    .linked
                    .into_iter()
                    .map(|(wid, number)| StocktakingParagraph { wid, number })
                    .collect(),
                // As f64: the score was always written out widened from f32.
                suggested: i
                    .suggested
                    .into_iter()
                    .map(|(wid, number, score)| StocktakingSuggestion {
                        wid,
                        number,
                        score: f64::from(score),
                    })
                    .collect(),
            })
            .collect(),
        unanswered: c
            .unanswered
            .into_iter()
            .map(|u| StocktakingUnanswered {
                recommendation: u.recommendation.id,
                passage: u.recommendation.recommendation.passage,
                times: u.times,
                alike: u.alike,
            })
            .collect(),
    }))
}

/// The process's recent background jobs (the secretariat)
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/jobs",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, description = "Found", body = StocktakingJobs))
)]
async fn list_jobs(
    State(s): State<SharedState>,
    caller: Caller,
    Path(slug): Path<String>,
) -> Result<Json<StocktakingJobs>, ApiError> {
    Ok(Json(StocktakingJobs {
        items: s.app.jobs(&caller.principal, &slug).await?,
    }))
}

/// One job: status, progress, and its summary or why it failed
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/jobs/{id}",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path)),
    responses((status = 200, description = "Found", body = d::stocktaking::Job))
)]
async fn get_job(
    State(s): State<SharedState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<d::stocktaking::Job>, ApiError> {
    let id = crate::http::query::parse_id(&id, "job")?;
    Ok(Json(s.app.job(&caller.principal, &slug, id).await?))
}

/// 202 Accepted with the job, and where to follow it.
fn accepted(slug: &str, job: d::stocktaking::Job) -> Result<Response, ApiError> {
    Ok((
        StatusCode::ACCEPTED,
        [(
            header::LOCATION,
            format!("/api/v1/processes/{slug}/jobs/{}", job.id),
        )],
        Json(job),
    )
        .into_response())
}

#[derive(Deserialize)]
pub(crate) struct ImportQuery {
    format: Option<String>,
    synthetic: Option<bool>,
}

/// Import written inputs as a background job (the secretariat): the raw body is a CSV or JSON Lines file (gzip accepted), `?format=csv|jsonl` (default jsonl), `&synthetic=true` for test data; rows are idempotent by `external_id`; 202 with the job to follow
///
/// The body is the file: CSV or JSON Lines, gzip accepted; up to the
/// server's upload limit (larger files: `accord import inputs`).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/consultations/{consultation}/inputs/import",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm"), ("consultation" = String, Path)),
    request_body(content = crate::http::openapi::FileBody, content_type = "application/octet-stream"),
    responses((status = 202, description = "Accepted: the job to follow (GET …/jobs/{id}, or the Location)", body = d::stocktaking::Job))
)]
pub(crate) async fn import_inputs(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, consultation)): Path<(String, String)>,
    Query(q): Query<ImportQuery>,
    b: Body,
) -> Result<Response, ApiError> {
    let p = signed_in(p)?;
    let format: InputFormat = q
        .format
        .as_deref()
        .unwrap_or("jsonl")
        .parse()
        .map_err(ApiError::bad_request)?;
    // Who may import, and where, is settled before the body is read.
    s.app.check_input_import(&p, &slug, &consultation).await?;
    let limit = s.app.upload_limit() as usize;
    let bytes = axum::body::to_bytes(b, limit).await.map_err(|_| {
        ApiError::from(AppError::TooLarge(format!(
            "the file is over the server's limit of {} MiB: import it with `accord import inputs`",
            limit / (1024 * 1024)
        )))
    })?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request(
            "the body is empty: send the file's bytes",
        ));
    }
    let job = s
        .app
        .start_input_import(
            &p,
            &slug,
            &consultation,
            bytes.to_vec(),
            format,
            q.synthetic.unwrap_or(false),
        )
        .await?;
    accepted(&slug, job)
}

/// How to analyse: the themes' taxonomy, and how alike inputs must be to
/// count as one campaign. The form on the stocktaking page sends the same.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnalysisBody {
    #[serde(default)]
    taxonomy: Option<String>,
    #[serde(default)]
    threshold: Option<f64>,
}

/// Analyse the process's inputs and statements as a background job (the secretariat): campaigns, themes, clusters; 202 with the job to follow
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/analysis",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = AnalysisBody, example = json!({ "threshold": 0.7, "taxonomy": "thematic-sessions" })),
    responses((status = 202, description = "Accepted: the job to follow (GET …/jobs/{id}, or the Location)", body = d::stocktaking::Job))
)]
pub(crate) async fn start_analysis(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<AnalysisBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let a = input?;
        let job = s
            .app
            .start_analysis(
                &principal,
                &slug,
                AnalysisOptions {
                    taxonomy: a.taxonomy,
                    threshold: a.threshold,
                },
            )
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/jobs/{}", job.id),
            record: record(&job)?,
            page: format!("/processes/{slug}/jobs/{}", job.id),
        })
    }
    .await;
    via.answer_as(StatusCode::ACCEPTED, &s, &r, result, |form| {
        crate::stocktaking::pages::render_stocktaking(&s, &r, &slug, Some(form))
    })
    .await
}

/// A theme for an input or a statement, as the secretariat labels it. The
/// form on the item's page sends the same fields (the item in hidden ones).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LabelBody {
    item_kind: ItemKind,
    item_id: i64,
    theme: String,
}

/// Label an input or a statement with a theme (the secretariat); the next analysis learns from it
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/theme-labels",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = LabelBody, example = json!({ "item_kind": "input", "item_id": 17, "theme": "topic-3" })),
    responses((status = 201, description = "Created", body = StocktakingLabelRecord))
)]
pub(crate) async fn label_theme(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<LabelBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let l = input?;
        s.app
            .label_theme(&principal, &slug, l.item_kind, l.item_id, &l.theme)
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/stocktaking"),
            record: record(&StocktakingLabelRecord {
                item_kind: l.item_kind,
                item_id: l.item_id,
                theme: l.theme.clone(),
            })?,
            page: format!(
                "/processes/{slug}/{}s/{}#analysis-h",
                l.item_kind.as_str(),
                l.item_id
            ),
        })
    }
    .await;
    via.answer(&s, &r, result, |form| {
        crate::consultation::pages::render_item(
            &s,
            &r,
            &slug,
            ("label", "item_kind", "item_id"),
            form,
        )
    })
    .await
}

/// A suggested recommendation to pass over. The button beside the
/// suggestion sends the same fields.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DismissBody {
    item_kind: ItemKind,
    item_id: i64,
    language: Language,
    /// Where the suggested sentence starts (characters), as suggested.
    start: usize,
}

/// Pass over a suggested recommendation (the secretariat): it is not suggested again
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/dismissals",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = DismissBody, example = json!({ "item_kind": "input", "item_id": 17, "language": "en", "start": 0 })),
    responses((status = 204, description = "Done"))
)]
pub(crate) async fn dismiss(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<DismissBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let d = input?;
        s.app
            .dismiss_suggestion(
                &principal,
                &slug,
                d.item_kind,
                d.item_id,
                d.language,
                d.start,
            )
            .await?;
        let item = format!("{}s/{}", d.item_kind.as_str(), d.item_id);
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/{item}"),
            // 204: no body is sent.
            record: Value::Null,
            page: format!("/processes/{slug}/{item}"),
        })
    }
    .await;
    via.answer_as(StatusCode::NO_CONTENT, &s, &r, result, |form| {
        crate::consultation::pages::render_item(
            &s,
            &r,
            &slug,
            ("dismiss", "item_kind", "item_id"),
            form,
        )
    })
    .await
}

/// A paragraph of a draft that answers a recommendation, or no longer
/// does. The coverage page's buttons send the same fields.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoverageBody {
    recommendation: i64,
    draft: String,
    wid: String,
    /// False removes the link.
    #[serde(default = "yes")]
    linked: bool,
}

fn yes() -> bool {
    true
}

/// Link a paragraph of a draft to a recommendation it answers, or unlink it with `linked: false` (co-facilitators or the secretariat)
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/coverage",
    tag = "stocktaking",
    params(("slug" = String, Path, example = "gcm")),
    request_body(content = CoverageBody, example = json!({ "recommendation": 3, "draft": "compact", "wid": "para17", "linked": true })),
    responses((status = 204, description = "Done"), (status = 201, description = "Created", body = StocktakingCoverageRecord))
)]
pub(crate) async fn link_coverage(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    command: Command<CoverageBody>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let mut linked = true;
    let result = async {
        let c = input?;
        linked = c.linked;
        s.app
            .link_coverage(
                &principal,
                &slug,
                c.recommendation,
                &c.draft,
                &c.wid,
                c.linked,
            )
            .await?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/coverage?draft={}", c.draft),
            record: record(&StocktakingCoverageRecord {
                recommendation: c.recommendation,
                draft: c.draft.clone(),
                wid: c.wid.clone(),
                linked: c.linked,
            })?,
            page: format!(
                "/processes/{slug}/coverage?draft={}#rec-{}",
                c.draft, c.recommendation
            ),
        })
    }
    .await;
    // Unlinking makes nothing: 204.
    let status = if linked {
        StatusCode::CREATED
    } else {
        StatusCode::NO_CONTENT
    };
    via.answer_as(status, &s, &r, result, |form| {
        crate::stocktaking::pages::render_coverage(&s, &r, &slug, Some(form))
    })
    .await
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(import_inputs))
        .routes(utoipa_axum::routes!(start_analysis))
        .routes(utoipa_axum::routes!(label_theme))
        .routes(utoipa_axum::routes!(dismiss))
        .routes(utoipa_axum::routes!(link_coverage, get_coverage))
        .routes(utoipa_axum::routes!(get_stocktaking))
        .routes(utoipa_axum::routes!(list_campaigns))
        .routes(utoipa_axum::routes!(get_campaign))
        .routes(utoipa_axum::routes!(list_jobs))
        .routes(utoipa_axum::routes!(get_job))
}

/// The portal's forms that send this area's commands (the same handlers):
/// the analysis from the stocktaking page, a theme and a dismissal from an
/// input's or a statement's page (the item in the form's fields, as in the
/// API's body), a link from the coverage page.
pub fn form_routes() -> PageRoutes {
    PageRoutes::new()
        .route(
            "/processes/{slug}/stocktaking/analyse",
            post(start_analysis),
        )
        .route("/processes/{slug}/theme-labels", post(label_theme))
        .route("/processes/{slug}/dismissals", post(dismiss))
        .route("/processes/{slug}/coverage", post(link_coverage))
}
