//! The stocktaking in the portal: the analysis of everything said and
//! written (themes with their clusters and key phrases, campaigns, who said
//! what), the report (HTML to read and print, DOCX to edit), coverage of
//! recommendations by the draft, background jobs with their progress, and
//! the secretariat's forms (analyse, label a theme, dismiss a suggestion).

use crate::http::command::again_value;
use crate::http::command::FormAgain;
use crate::http::page::PageResult;
use crate::http::page::{excerpt, Reader};
use crate::http::routes::{get, PageRoutes};
use crate::stocktaking::charts::{self, Bar};
use crate::SharedState;
use accord_app::stocktaking::{ItemAnalysis, Stocktaking};
use accord_app::AppError;
use accord_domain::stocktaking::{JobStatus, WhoSaidWhat};
use accord_domain::{self as d, ItemKind};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/stocktaking", get(stocktaking_page))
        .route("/processes/{slug}/stocktaking/report", get(report_page))
        .route(
            "/processes/{slug}/stocktaking/report.docx",
            get(report_docx),
        )
        .route("/processes/{slug}/campaigns", get(campaigns_page))
        .route("/processes/{slug}/campaigns/{number}", get(campaign_page))
        .route("/processes/{slug}/jobs/{id}", get(job_page))
        .route("/processes/{slug}/coverage", get(coverage_page))
}

/// What the analysis says of an item, for `analysis_part.html` (whose
/// form names the item, as the API's body does).
pub(crate) fn analysis_value(a: &ItemAnalysis, item_kind: ItemKind, item_id: i64) -> Value {
    let theme_code = a
        .label
        .as_ref()
        .map(|l| l.theme.clone())
        .or_else(|| a.assignment.as_ref().and_then(|x| x.theme.clone()));
    let theme = theme_code
        .as_ref()
        .and_then(|c| a.themes.iter().find(|t| &t.code == c));
    context! {
        analysed => a.run.is_some(),
        theme => theme,
        labelled => a.label.is_some(),
        percent => a.assignment.as_ref().map_or(0, |x| (x.confidence * 100.0).round() as i64),
        campaign => &a.campaign,
        // The label form offers only themes something may be filed under.
        themes => a.themes.iter().filter(|t| !t.is_withdrawn()).collect::<Vec<_>>(),
        item_kind => item_kind.as_str(),
        item_id => item_id,
    }
}

// ---- the stocktaking page ----------------------------------------------------

async fn stocktaking_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    render_stocktaking(&s, &r, &slug, None).await
}

/// The stocktaking page; `again`: the analysis form refused, shown again.
pub(crate) async fn render_stocktaking(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    again: Option<FormAgain>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let found = s
        .app
        .stocktaking(r.principal(), slug)
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let manage = can.run_consultation;
    let jobs = if manage {
        s.app
            .jobs(r.principal(), slug)
            .await
            .map_err(|e| r.error(s, e))?
    } else {
        vec![]
    };
    r.render_on_pool(
        s,
        "stocktaking.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            can => &can,
            jobs => jobs,
            again => again_value(again.map(|a| ("analyse", a))),
            ..stocktaking_value(slug, found.as_ref(), 2)
        },
    )
    .await
}

/// The analysis as the stocktaking page and the report show it; `quotes`
/// representative inputs per cluster.
fn stocktaking_value(slug: &str, st: Option<&Stocktaking>, quotes: usize) -> Value {
    let Some(st) = st else {
        return context! { run => Value::from(()) };
    };
    let total_inputs = st.run.inputs.max(1);
    let themes: Vec<Value> = st
        .themes
        .iter()
        .map(|t| {
            context! {
                theme => &t.theme,
                inputs => t.inputs,
                statements => t.statements,
                share => (t.inputs as f64 * 100.0 / total_inputs as f64).round() as i64,
                clusters => t.clusters.iter().map(|c| context! {
                    number => c.cluster.number,
                    inputs => c.cluster.inputs,
                    key_phrases => &c.cluster.key_phrases,
                    quotes => c.representatives.iter().take(quotes).map(|i| context! {
                        id => i.id,
                        text => excerpt(&i.text, 320),
                        language => i.language.as_str(),
                        organisation => &i.organisation,
                        country => i.country.as_ref().map(accord_domain::ActorCode::as_str),
                        synthetic => i.synthetic,
                    }).collect::<Vec<_>>(),
                }).collect::<Vec<_>>(),
                key_phrases => t.clusters.iter().flat_map(|c| c.cluster.key_phrases.iter().take(2)).take(8).collect::<Vec<_>>(),
                recommendations => t.recommendations.iter().map(|rec| context! {
                    id => rec.id,
                    passage => &rec.passage,
                    language => rec.language.as_str(),
                    source => rec.source.as_str(),
                    source_id => rec.source_id,
                    href => format!("/processes/{slug}/{}s/{}#rec-{}", rec.source.as_str(), rec.source_id, rec.id),
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let theme_chart = charts::bars(
        "Inputs by theme",
        &st.themes
            .iter()
            .map(|t| Bar {
                label: match t.theme.number {
                    Some(n) => format!("{n}. {}", t.theme.title),
                    None => t.theme.title.clone(),
                },
                value: t.inputs,
                href: Some(format!("#theme-{}", t.theme.code)),
            })
            .collect::<Vec<_>>(),
    );
    let campaigns: Vec<Value> = st
        .campaigns
        .iter()
        .map(|(c, rep)| {
            context! {
                campaign => c,
                share => (c.size as f64 * 1000.0 / total_inputs as f64).round() / 10.0,
                excerpt => rep.as_ref().map(|i| excerpt(&i.text, 160)),
            }
        })
        .collect();
    let stats = &st.run.stats;
    let by_language = charts::bars(
        "Inputs by language",
        &stats
            .languages
            .iter()
            .map(|(l, n)| Bar {
                label: l.clone(),
                value: *n,
                href: None,
            })
            .collect::<Vec<_>>(),
    );
    let by_region = charts::bars(
        "Inputs by region",
        &stats
            .regions
            .iter()
            .map(|(r, n)| Bar {
                label: if r.is_empty() {
                    "(no country given)".into()
                } else {
                    r.clone()
                },
                value: *n,
                href: None,
            })
            .collect::<Vec<_>>(),
    );
    let over_time = charts::columns(
        "Inputs per week",
        &stats
            .weeks
            .iter()
            .map(|(w, n)| (w.to_string(), *n))
            .collect::<Vec<_>>(),
    );
    let campaign_share =
        (st.run.campaign_inputs as f64 * 1000.0 / total_inputs as f64).round() / 10.0;
    context! {
        run => &st.run,
        themes => themes,
        unassigned => st.unassigned,
        theme_chart => Value::from_safe_string(theme_chart),
        language_chart => Value::from_safe_string(by_language),
        region_chart => Value::from_safe_string(by_region),
        time_chart => Value::from_safe_string(over_time),
        languages => &stats.languages,
        regions => &stats.regions,
        weeks => stats.weeks.iter().map(|(w, n)| (w.to_string(), *n)).collect::<Vec<_>>(),
        statement_kinds => &stats.statement_kinds,
        campaigns => campaigns,
        campaign_share => campaign_share,
        who => who_value(&st.who, st.themes.iter().map(|t| t.theme.code.clone()).collect()),
    }
}

/// "Who said what": rows by kind of actor, and states by region (each
/// region with its states), one column per theme and one for no theme.
fn who_value(who: &[WhoSaidWhat], themes: Vec<d::Slug>) -> Value {
    let column = |w: &WhoSaidWhat| -> usize {
        w.theme
            .as_ref()
            .and_then(|t| themes.iter().position(|x| x == t))
            .unwrap_or(themes.len())
    };
    let width = themes.len() + 1;
    let mut kinds: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    // Per region: its cells, and each of its states' cells.
    type Cells = Vec<i64>;
    let mut regions: BTreeMap<String, (Cells, BTreeMap<String, Cells>)> = BTreeMap::new();
    for w in who {
        let kind = match w.item_kind {
            ItemKind::Input => "input".to_owned(),
            _ => w.actor_kind.clone().unwrap_or_default(),
        };
        kinds.entry(kind.clone()).or_insert_with(|| vec![0; width])[column(w)] += w.items;
        let is_state = w.region.is_some();
        if is_state {
            let region = w.region.clone().unwrap_or_default();
            let entry = regions
                .entry(region)
                .or_insert_with(|| (vec![0; width], BTreeMap::new()));
            entry.0[column(w)] += w.items;
            if let Some(actor) = &w.actor {
                entry
                    .1
                    .entry(actor.clone())
                    .or_insert_with(|| vec![0; width])[column(w)] += w.items;
            }
        }
    }
    context! {
        themes => themes.iter().map(accord_domain::Slug::as_str).collect::<Vec<_>>(),
        kinds => kinds.into_iter().map(|(k, cells)| context! { kind => k, total => cells.iter().sum::<i64>(), cells => cells }).collect::<Vec<_>>(),
        regions => regions.into_iter().map(|(r, (cells, actors))| context! {
            region => r,
            total => cells.iter().sum::<i64>(),
            cells => cells,
            actors => actors.into_iter().map(|(a, cells)| context! { actor => a, total => cells.iter().sum::<i64>(), cells => cells }).collect::<Vec<_>>(),
        }).collect::<Vec<_>>(),
    }
}

async fn job_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let id = crate::http::query::parse_id(&id, "job")
        .map_err(|e| r.error_page(&s, e.status, e.message))?;
    let job = s
        .app
        .job(r.principal(), &slug, id)
        .await
        .map_err(|e| r.error(&s, e))?;
    let percent = job
        .total
        .filter(|t| *t > 0)
        .map(|t| (job.done * 100 / t).clamp(0, 100));
    r.render(
        &s,
        "job.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            running => job.status == JobStatus::Running,
            live_process => &slug,
            percent => percent,
            job => job,
        },
    )
}

// ---- campaigns ----------------------------------------------------------------

#[derive(Deserialize, Default)]
struct OffsetQuery {
    offset: Option<u32>,
    after: Option<i64>,
}

async fn campaigns_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    Query(q): Query<OffsetQuery>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    const PER_PAGE: u32 = 50;
    let offset = q.offset.unwrap_or(0);
    let found = s
        .app
        .campaigns(&slug, offset, PER_PAGE)
        .await
        .map_err(|e| r.error(&s, e))?;
    let (run, mut list) = match found {
        Some((run, list)) => (Some(run), list),
        None => (None, vec![]),
    };
    let more = list.len() > PER_PAGE as usize;
    list.truncate(PER_PAGE as usize);
    r.render(
        &s,
        "campaigns.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            run => run,
            campaigns => list,
            offset => offset,
            next => more.then_some(offset + PER_PAGE),
            previous => (offset > 0).then(|| offset.saturating_sub(PER_PAGE)),
        },
    )
}

async fn campaign_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, number)): Path<(String, String)>,
    Query(q): Query<OffsetQuery>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let number = crate::http::query::parse_id(&number, "campaign")
        .map_err(|e| r.error_page(&s, e.status, e.message))?;
    let detail = s
        .app
        .campaign(r.principal(), &slug, number, q.after.unwrap_or(0))
        .await
        .map_err(|e| r.error(&s, e))?;
    let theme = match &detail.campaign.theme {
        Some(code) => s
            .app
            .themes(&slug)
            .await
            .map_err(|e| r.error(&s, e))?
            .into_iter()
            .find(|t| &t.code == code),
        None => None,
    };
    r.render(
        &s,
        "campaign.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            campaign => &detail.campaign,
            theme => theme,
            representative => &detail.representative,
            inputs => detail.inputs.iter().map(|i| context! {
                input => i,
                excerpt => excerpt(&i.text, 200),
            }).collect::<Vec<_>>(),
            next_after => detail.next_after,
            run => &detail.run,
        },
    )
}

// ---- the report -----------------------------------------------------------------

async fn report_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let found = s
        .app
        .stocktaking(r.principal(), &slug)
        .await
        .map_err(|e| r.error(&s, e))?;
    let coverage = s
        .app
        .coverage(r.principal(), &slug, None)
        .await
        .map_err(|e| r.error(&s, e))?;
    r.render_on_pool(
        &s,
        "report.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            generated => s.app.now().to_rfc3339(),
            unanswered => coverage.unanswered.iter().map(|u| context! {
                recommendation => &u.recommendation,
                times => u.times,
            }).collect::<Vec<_>>(),
            ..stocktaking_value(&slug, found.as_ref(), 3)
        },
    )
    .await
}

async fn report_docx(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> Response {
    let result = async {
        let overview = s.app.process(&slug).await?;
        let found = s
            .app
            .stocktaking(r.principal(), &slug)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("'{slug}' has not been analysed yet")))?;
        let coverage = s.app.coverage(r.principal(), &slug, None).await?;
        s.app
            .run_on_work_pool(move || {
                let report =
                    crate::stocktaking::report::build(&overview.process, &found, &coverage);
                accord_export::docx::report(&report)
            })
            .await
    }
    .await;
    match result {
        Ok(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        .to_owned(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{slug}-stocktaking-report.docx\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

// ---- coverage -------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct CoverageQuery {
    draft: Option<String>,
}

async fn coverage_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    Query(q): Query<CoverageQuery>,
) -> PageResult {
    render_coverage_of(&s, &r, &slug, q.draft, None).await
}

/// The coverage page of the draft a refused form named, with the message.
pub(crate) async fn render_coverage(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    again: Option<FormAgain>,
) -> PageResult {
    let draft = again.as_ref().and_then(|a| {
        a.values
            .iter()
            .find(|(k, _)| k == "draft")
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    });
    render_coverage_of(s, r, slug, draft, again).await
}

async fn render_coverage_of(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    draft: Option<String>,
    again: Option<FormAgain>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let coverage = s
        .app
        .coverage(r.principal(), slug, draft.as_deref())
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let answered = coverage
        .items
        .iter()
        .filter(|i| !i.linked.is_empty())
        .count();
    r.render(
        s,
        "coverage.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            draft => &coverage.draft,
            version => coverage.version.as_ref().map(|v| context! { seq => v.seq, label => &v.label }),
            can => &can,
            answered => answered,
            items => coverage.items.iter().map(|i| context! {
                recommendation => &i.recommendation,
                href => format!("/processes/{slug}/{}s/{}#rec-{}", i.recommendation.source.as_str(), i.recommendation.source_id, i.recommendation.id),
                linked => i.linked.iter().map(|(w, n)| context! { wid => w.as_str(), number => n }).collect::<Vec<_>>(),
                suggested => i.suggested.iter().map(|(w, n, score)| context! { wid => w.as_str(), number => n, percent => (score * 100.0).round() as i64 }).collect::<Vec<_>>(),
            }).collect::<Vec<_>>(),
            unanswered => coverage.unanswered.iter().map(|u| context! {
                recommendation => &u.recommendation,
                times => u.times,
                alike => &u.alike,
            }).collect::<Vec<_>>(),
            again => again_value(again.map(|a| ("coverage", a))),
        },
    )
}
