//! Search over HTTP: `GET /api/v1/search` and the search page. Every facet
//! is a query parameter (`process`, `meeting`, `meeting_kind`, `actor`,
//! `actor_kind`, `theme`, `language`, `year`, `document_kind`, `kind`); a
//! parameter given twice matches either value.

use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::http::names;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::{Facet, SearchRequest, SearchResults};
use axum::extract::{Query, State};
use axum::Json;
use minijinja::{context, Value};
use serde::Serialize;
use utoipa::ToSchema;

/// One search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// `statement`, `document`, `input` or `recommendation`.
    kind: String,
    /// The item's number.
    id: i64,
    title: String,
    /// The item's page.
    url: String,
    language: accord_domain::Language,
    /// HTML: the text escaped, `<mark>…</mark>` around matched words.
    snippet_html: String,
    /// BM25 relevance; 0 when browsing.
    score: f64,
    synthetic: bool,
    /// The process's slug.
    process: String,
    actor: Option<String>,
    year: i32,
}

/// A facet's value and how many visible matches have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacetValue {
    value: String,
    count: u64,
}

/// A page of search results, the total, and the facet counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchAnswer {
    /// Every visible match (not only this page).
    total: usize,
    hits: Vec<SearchHit>,
    /// Every facet's values, highest count first, by the facet's name.
    facets: std::collections::BTreeMap<String, Vec<SearchFacetValue>>,
}

pub fn routes() -> PageRoutes {
    PageRoutes::new().route("/search", get(search_page))
}

/// Results per page.
const PAGE: usize = 20;

fn request(params: &[(String, String)]) -> Result<SearchRequest, accord_app::AppError> {
    let mut req = SearchRequest {
        limit: PAGE,
        ..Default::default()
    };
    for (k, v) in params {
        match k.as_str() {
            "q" => req.text = v.clone(),
            "limit" => {
                req.limit = v.parse().map_err(|_| {
                    accord_app::AppError::BadRequest("limit: a whole number from 1 to 100".into())
                })?;
            }
            "offset" => {
                req.offset = v.parse().map_err(|_| {
                    accord_app::AppError::BadRequest("offset: a whole number".into())
                })?;
            }
            _ if v.is_empty() => {}
            facet => req.filters.push((facet.to_owned(), v.clone())),
        }
    }
    Ok(req)
}

/// Search statements, documents, inputs and recommendations in the six languages: `q` (words, "phrases"), any facet as a parameter (process, meeting, meeting_kind, actor, actor_kind, theme, language, year, document_kind, kind), `limit`, `offset`; results, totals and facet counts hold only what the caller may see
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    responses((status = 200, description = "Found", body = SearchAnswer))
)]
async fn api_search(
    State(s): State<SharedState>,
    caller: Caller,
    Query(params): Query<Vec<(String, String)>>,
) -> Result<Json<SearchAnswer>, ApiError> {
    let results = s.app.search(&caller.principal, request(&params)?).await?;
    Ok(Json(SearchAnswer {
        total: results.total,
        hits: results
            .hits
            .into_iter()
            .map(|h| SearchHit {
                kind: h.kind,
                id: h.item_id,
                title: h.title,
                url: h.url,
                language: h.language,
                snippet_html: h.snippet_html,
                // Widened as the untyped answer always did.
                score: f64::from(h.score),
                synthetic: h.synthetic,
                process: h.process,
                actor: h.actor,
                year: h.year,
            })
            .collect(),
        facets: results
            .facets
            .into_iter()
            .map(|(f, values)| {
                let values = values
                    .into_iter()
                    .map(|(value, count)| SearchFacetValue { value, count })
                    .collect();
                (f.as_str().to_owned(), values)
            })
            .collect(),
    }))
}

fn href(
    params: &[(String, String)],
    toggle: Option<(&str, &str)>,
    offset: Option<usize>,
) -> String {
    let mut out: Vec<(String, String)> = params
        .iter()
        .filter(|(k, v)| {
            k != "offset" && !v.is_empty() && toggle.is_none_or(|(tk, tv)| !(k == tk && v == tv))
        })
        .cloned()
        .collect();
    if let Some((k, v)) = toggle {
        if !params.iter().any(|(pk, pv)| pk == k && pv == v) {
            out.push((k.to_owned(), v.to_owned()));
        }
    }
    if let Some(o) = offset.filter(|o| *o > 0) {
        out.push(("offset".into(), o.to_string()));
    }
    let q: Vec<String> = out
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                crate::http::page::urlencode(k),
                crate::http::page::urlencode(v)
            )
        })
        .collect();
    format!("/search?{}", q.join("&"))
}

/// The facets as the page lists them; an actor by its name in the
/// reader's language (`names`: a state from CLDR), else its code.
fn facets_value(
    results: &SearchResults,
    params: &[(String, String)],
    actors: &std::collections::HashMap<String, (Option<String>, String)>,
    lang: accord_domain::Language,
) -> Vec<Value> {
    results
        .facets
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(f, values)| {
            context! {
                name => f.as_str(),
                values => values.iter().take(12).map(|(v, n)| {
                    let on = params.iter().any(|(k, pv)| k == f.as_str() && pv == v);
                    let named = if *f == Facet::Actor { actors.get(v) } else { None };
                    let (label, attrs) = match named {
                        Some((iso2, name)) => (
                            names::actor_name(lang, iso2.as_deref(), name).into_owned(),
                            names::lang_attributes(names::actor_name_language(lang, iso2.as_deref())),
                        ),
                        None => (v.clone(), r#"dir="auto""#.to_owned()),
                    };
                    context! {
                        value => v, label => label, attrs => Value::from_safe_string(attrs),
                        count => n, on => on, href => href(params, Some((f.as_str(), v)), None),
                    }
                }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

async fn search_page(
    State(s): State<SharedState>,
    r: Reader,
    Query(params): Query<Vec<(String, String)>>,
) -> PageResult {
    let req = request(&params).map_err(|e| r.error(&s, e))?;
    let text = req.text.clone();
    let offset = req.offset;
    let searched = !text.trim().is_empty() || !req.filters.is_empty();
    let results = if searched {
        Some(
            s.app
                .search(r.principal(), req)
                .await
                .map_err(|e| r.error(&s, e))?,
        )
    } else {
        None
    };
    // The actors the facets name, looked up once.
    let actors: std::collections::HashMap<String, (Option<String>, String)> = match &results {
        Some(res)
            if res
                .facets
                .iter()
                .any(|(f, v)| *f == Facet::Actor && !v.is_empty()) =>
        {
            s.app
                .all_actors(None)
                .await
                .map_err(|e| r.error(&s, e))?
                .into_iter()
                .map(|a| (a.code.to_string(), (a.iso2, a.name)))
                .collect()
        }
        _ => Default::default(),
    };
    let page = results.as_ref().map(|res| {
        context! {
            total => res.total,
            hits => res.hits.iter().map(|h| context! {
                kind => &h.kind, title => &h.title, url => &h.url, language => h.language.as_str(),
                dir => if h.language.is_rtl() { "rtl" } else { "ltr" },
                snippet => Value::from_safe_string(h.snippet_html.clone()),
                synthetic => h.synthetic, actor => &h.actor, year => h.year,
            }).collect::<Vec<_>>(),
            facets => facets_value(res, &params, &actors, r.lang()),
            next => (offset + PAGE < res.total).then(|| href(&params, None, Some(offset + PAGE))),
            previous => (offset > 0).then(|| href(&params, None, Some(offset.saturating_sub(PAGE)))),
            from => offset + 1,
            to => (offset + res.hits.len()),
        }
    });
    let hidden: Vec<Value> = params
        .iter()
        .filter(|(k, v)| k != "q" && k != "offset" && !v.is_empty() && k.parse::<Facet>().is_ok())
        .map(|(k, v)| context! { name => k, value => v })
        .collect();
    r.render(
        &s,
        "search.html",
        context! { q => text, results => page, filters => hidden },
    )
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_search))
}
