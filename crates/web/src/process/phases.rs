//! A process's phases as decisions: the plan (planned dates) and the facts
//! the secretariat decided (opened, extended, closed), with their history.
//! The API lists them, records a decision and changes a plan; the phases
//! page shows them to everyone and gives the secretariat its forms (the
//! same commands, through `Command`).

use crate::http::auth::Caller;
use crate::http::command::{record, Command, Done, FormAgain, Refusal, Via};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::page::{PageResult, Reader};
use crate::http::routes::{get, post, PageRoutes};
use crate::SharedState;
use accord_app::policy::{authorize, Action};
use accord_app::{AppError, PhasePlan, Principal};
use accord_domain as d;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A phase: its plan, the decisions taken on it, and the days it runs by
/// them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PhaseDto {
    #[schema(example = "negotiation")]
    kind: String,
    /// The planned first day.
    start_date: NaiveDate,
    /// The planned last day; null for a phase planned to run on.
    end_date: Option<NaiveDate>,
    note: Option<String>,
    /// The day the secretariat opened it, by decision.
    opened_on: Option<NaiveDate>,
    /// The day it was extended to, by decision.
    extended_to: Option<NaiveDate>,
    /// The day the secretariat closed it (its last day), by decision.
    closed_on: Option<NaiveDate>,
    /// The first day it runs: opened on, or as planned.
    starts: NaiveDate,
    /// The last day it runs: closed on, extended to, or as planned; null
    /// while it runs on.
    ends: Option<NaiveDate>,
}

pub(crate) fn phase_dto(p: &d::Phase) -> PhaseDto {
    PhaseDto {
        kind: p.kind.to_string(),
        start_date: p.start_date,
        end_date: p.end_date,
        note: p.note.clone(),
        opened_on: p.opened_on,
        extended_to: p.extended_to,
        closed_on: p.closed_on,
        starts: p.starts(),
        ends: p.ends(),
    }
}

/// A change to a phase: a decision or a change of its plan, who made it,
/// when, why, and each field before and after.
#[derive(Debug, Serialize, ToSchema)]
pub struct PhaseChangeDto {
    #[schema(example = "negotiation")]
    phase: d::PhaseKind,
    /// `opened`, `extended`, `closed` (decisions) or `replanned`.
    #[schema(example = "extended")]
    kind: d::PhaseChangeKind,
    at: DateTime<Utc>,
    /// The name of who made it.
    by: String,
    reason: Option<String>,
    changes: Vec<d::FieldChange>,
}

fn change_dto(c: d::PhaseChange) -> PhaseChangeDto {
    PhaseChangeDto {
        phase: c.phase,
        kind: c.kind,
        at: c.at,
        by: c.by,
        reason: c.reason,
        changes: c.changes,
    }
}

/// A process's phases in date order, the one it is in today, and their
/// history, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PhaseList {
    items: Vec<PhaseDto>,
    current_phase: Option<String>,
    history: Vec<PhaseChangeDto>,
}

/// A process's phases: each with its plan and the decisions on it, the
/// phase it is in today, and the history of decisions and changes of plan.
#[utoipa::path(get, path = "/api/v1/processes/{slug}/phases", tag = "processes",
    params(("slug" = String, Path, example = "gcm")),
    responses((status = 200, body = PhaseList), (status = 404, body = ErrorBody)))]
async fn list_phases(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
) -> Result<Json<PhaseList>, ApiError> {
    let o = s.app.process(&slug).await?;
    let history = s.app.phase_history(&slug).await?;
    Ok(Json(PhaseList {
        items: o.phases.iter().map(phase_dto).collect(),
        current_phase: o.current_phase.map(|k| k.to_string()),
        history: history.into_iter().map(change_dto).collect(),
    }))
}

/// What a decision on a phase does.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum DecisionName {
    Open,
    Extend,
    Close,
}

/// A decision of the secretariat on a phase.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhaseDecisionRequest {
    /// `open`, `extend` or `close`.
    decision: DecisionName,
    /// For `open` and `close`: the day it takes effect (a close names the
    /// phase's last day); today if left out; never after today.
    #[serde(default)]
    on: Option<NaiveDate>,
    /// For `extend` (required there): the new last day, after the present one.
    #[serde(default)]
    until: Option<NaiveDate>,
    /// Why; required for `extend`, shown in the phase's history.
    #[serde(default)]
    reason: Option<String>,
}

/// The field a refusal of a phase command is about, where one is.
fn at_field_of(e: AppError) -> Refusal {
    use d::ValidationError as V;
    let field = match &e {
        AppError::Invalid(V::Empty(what) | V::TooLong { what, .. }) => Some(*what),
        AppError::Invalid(V::NotAnExtension { .. }) => Some("until"),
        AppError::Invalid(
            V::DecisionInFuture { .. }
            | V::CloseBeforeOpening { .. }
            | V::PhaseEndsBeforeOpening { .. },
        ) => Some("on"),
        AppError::Invalid(V::EndBeforeStart { .. }) => Some("end_date"),
        _ => None,
    };
    Refusal {
        field: field.map(str::to_owned),
        error: e,
    }
}

fn parse_kind(slug: &str, kind: &str) -> Result<d::PhaseKind, AppError> {
    kind.parse()
        .map_err(|_| AppError::NotFound(format!("the process '{slug}' has no phase '{kind}'")))
}

/// Record a decision on a phase (the process's secretariat): open it (on
/// a day, early or late), extend it to a later last day, or close it (its
/// last day). Dates are the plan, decisions are the fact: from then on the
/// phase runs by the decision. Kept in the phases' history and audited
/// (`phase.open`, `phase.extend`, `phase.close`); refused with
/// `decision_in_future`, `phase_already_opened`, `phase_ends_before_opening`,
/// `not_an_extension`, `close_before_opening` or `phase_closed` (409).
#[utoipa::path(
    post,
    path = "/api/v1/processes/{slug}/phases/{kind}/decisions",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("kind" = d::PhaseKind, Path, example = "negotiation")),
    request_body(content = PhaseDecisionRequest, example = json!({
                "decision": "extend", "until": "2018-07-13",
                "reason": "A sixth round, from 9 to 13 July"
            })),
    responses((status = 201, description = "The decision recorded", body = PhaseChangeDto))
)]
pub(crate) async fn decide_phase(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, kind)): Path<(String, String)>,
    command: Command<PhaseDecisionRequest>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let phase = parse_kind(&slug, &kind)?;
        let c = input?;
        let today = s.app.today();
        let decision = match c.decision {
            DecisionName::Open => d::PhaseDecision::Open {
                on: c.on.unwrap_or(today),
            },
            DecisionName::Close => d::PhaseDecision::Close {
                on: c.on.unwrap_or(today),
            },
            DecisionName::Extend => d::PhaseDecision::Extend {
                until: c.until.ok_or_else(|| Refusal {
                    field: Some("until".into()),
                    error: AppError::BadRequest("give the new last day of the phase".into()),
                })?,
            },
        };
        let change = s
            .app
            .decide_phase(&principal, &slug, phase, decision, c.reason)
            .await
            .map_err(at_field_of)?;
        let done = match change.kind {
            d::PhaseChangeKind::Opened => "phase-opened",
            d::PhaseChangeKind::Extended => "phase-extended",
            _ => "phase-closed",
        };
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/phases"),
            record: record(&change_dto(change))?,
            page: format!("/processes/{slug}/phases?done={done}#phase-{phase}"),
        })
    }
    .await;
    let sent = match &via {
        Via::Form(values) => values
            .iter()
            .find(|(k, _)| k == "decision")
            .map(|(_, v)| v.as_str()),
        Via::Json => None,
    };
    let form = format!("{}-{kind}", decision_form(sent));
    via.answer(&s, &r, result, |again| {
        render_phases(&s, &r, &principal, &slug, Some((&form, again)))
    })
    .await
}

/// The form a decision came from, by the decision it sent.
fn decision_form(decision: Option<&str>) -> &'static str {
    match decision {
        Some("extend") => "extend",
        Some("close") => "close",
        _ => "open",
    }
}

/// A phase's plan as the secretariat changes it, and why.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhasePlanRequest {
    start_date: NaiveDate,
    /// Null or left out for a phase planned to run on.
    #[serde(default)]
    end_date: Option<NaiveDate>,
    #[serde(default)]
    note: Option<String>,
    /// Required: it is shown in the phase's history.
    reason: String,
}

/// Change a phase's plan, with the reason (the process's secretariat): a
/// correction, or a phase moved before it opens. The decisions taken on it
/// stay. Kept in the phases' history and audited (`phase.replan`).
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/phases/{kind}",
    tag = "processes",
    params(("slug" = String, Path, example = "gcm"), ("kind" = d::PhaseKind, Path, example = "negotiation")),
    request_body(content = PhasePlanRequest, example = json!({
                "start_date": "2018-02-20", "end_date": "2018-07-13",
                "reason": "The dates of the rounds, as the co-facilitators announced them"
            })),
    responses((status = 200, description = "The change recorded", body = PhaseChangeDto))
)]
pub(crate) async fn replan_phase(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, kind)): Path<(String, String)>,
    command: Command<PhasePlanRequest>,
) -> Response {
    let Command {
        principal,
        input,
        via,
    } = command;
    let result = async {
        let phase = parse_kind(&slug, &kind)?;
        let c = input?;
        let plan = PhasePlan {
            start_date: c.start_date,
            end_date: c.end_date,
            note: c.note,
        };
        let change = s
            .app
            .replan_phase(&principal, &slug, phase, plan, &c.reason)
            .await
            .map_err(at_field_of)?;
        Ok(Done {
            location: format!("/api/v1/processes/{slug}/phases"),
            record: record(&change_dto(change))?,
            page: format!("/processes/{slug}/phases?done=phase-replanned#phase-{phase}"),
        })
    }
    .await;
    let form = format!("plan-{kind}");
    via.answer_as(StatusCode::OK, &s, &r, result, |again| {
        render_phases(&s, &r, &principal, &slug, Some((&form, again)))
    })
    .await
}

/// The phases page: every phase with its plan, the decisions on it and its
/// history, for everyone; the secretariat's forms beside each phase not
/// yet closed. A refused form comes back open, with what was typed.
pub(crate) async fn render_phases(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let phase_history = s.app.phase_history(slug).await.map_err(|e| r.error(s, e))?;
    let may_decide = authorize(principal, Action::EditProcess(&overview.process.slug)).is_ok();
    let today = overview.today;
    let phases: Vec<minijinja::Value> = overview
        .phases
        .iter()
        .map(|p| {
            let history: Vec<minijinja::Value> = phase_history
                .iter()
                .filter(|c| c.phase == p.kind)
                .map(|c| {
                    context! {
                        kind => c.kind.as_str(),
                        at => c.at.format("%Y-%m-%d").to_string(),
                        by => &c.by,
                        reason => &c.reason,
                        changes => c.changes.iter().map(|f| context! {
                            field => &f.field, before => &f.before, after => &f.after,
                        }).collect::<Vec<_>>(),
                    }
                })
                .collect();
            context! {
                kind => p.kind.as_str(),
                start_date => p.start_date.to_string(),
                end_date => p.end_date.map(|d| d.to_string()),
                note => &p.note,
                opened_on => p.opened_on.map(|d| d.to_string()),
                extended_to => p.extended_to.map(|d| d.to_string()),
                closed_on => p.closed_on.map(|d| d.to_string()),
                starts => p.starts().to_string(),
                ends => p.ends().map(|d| d.to_string()),
                runs_today => p.contains(today),
                current => overview.current_phase == Some(p.kind),
                history => history,
            }
        })
        .collect();
    let (failed_form, typed, error, field) = match failed {
        Some((form, again)) => {
            let typed: BTreeMap<String, String> = again.values.iter().cloned().collect();
            (
                Some(form.to_owned()),
                typed,
                Some(again.described()),
                again.field.clone(),
            )
        }
        None => (None, BTreeMap::new(), None, None),
    };
    let typed_or = |k: &str, default: String| typed.get(k).cloned().unwrap_or(default);
    let values = context! {
        on => typed_or("on", today.to_string()),
        until => typed_or("until", String::new()),
        reason => typed_or("reason", String::new()),
        start_date => typed.get("start_date").cloned(),
        end_date => typed.get("end_date").cloned(),
        note => typed.get("note").cloned(),
    };
    r.render(
        s,
        "phases.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            phases => phases,
            today => today.to_string(),
            may_decide => may_decide,
            values => values,
            failed_form => failed_form,
            failed_field => field,
            error => error,
        },
    )
}

async fn phases_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
) -> PageResult {
    render_phases(&s, &r, &caller.principal, &slug, None).await
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(list_phases))
        .routes(utoipa_axum::routes!(decide_phase))
        .routes(utoipa_axum::routes!(replan_phase))
}

/// The phases page and the forms that send this area's commands.
pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/phases", get(phases_page))
        .route(
            "/processes/{slug}/phases/{kind}/decisions",
            post(decide_phase),
        )
        .route("/processes/{slug}/phases/{kind}/plan", post(replan_phase))
}
