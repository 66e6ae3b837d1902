//! A version in the six official languages, in the portal: each language's
//! progress, two languages side by side with the translation status of each
//! node, the secretariat's upload of a translation, and each language's
//! exports (Akoma Ntoso, DOCX). The JSON API's read and write are here too.

use crate::http::auth::{Caller, WriteCaller};
use crate::http::download::download;
use crate::http::error::ApiError;
use crate::http::forms::one;
use crate::http::forms::redirect_or_error;
use crate::http::json::signed_in;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::languages::{LanguageProgress, LanguagesView, ORIGINAL};
use accord_app::negotiation::ImportSource;
use accord_app::AppError;
use accord_domain::Language;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use minijinja::context;
use serde::Deserialize;

const V: &str = "/processes/{slug}/drafts/{draft}/versions/{seq}/languages";

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route(V, get(languages_page).post(upload_form))
        .route(format!("{V}/{{lang}}/akn.xml"), get(export_akn))
        .route(format!("{V}/{{lang}}/draft.docx"), get(export_docx))
}

fn seq(raw: &str) -> Result<u32, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no version '{raw}'")))
}

fn language(raw: &str) -> Result<Language, AppError> {
    raw.parse().map_err(|_| {
        AppError::NotFound(format!(
            "no language '{}'",
            raw.chars().take(10).collect::<String>()
        ))
    })
}

fn languages_of(list: &str) -> Result<Vec<Language>, AppError> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim().parse::<Language>().map_err(|_| {
                AppError::BadRequest(format!(
                    "show: '{}' is not a UN language code (ar, zh, en, fr, ru, es)",
                    s.trim()
                ))
            })
        })
        .collect()
}

#[derive(Deserialize, Default)]
struct SideBySide {
    left: Option<String>,
    right: Option<String>,
}

async fn languages_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, raw_seq)): Path<(String, String, String)>,
    Query(q): Query<SideBySide>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let seq = seq(&raw_seq).map_err(|e| r.error(&s, e))?;
    let pick = |v: Option<&str>, default: Language| -> Result<Language, AppError> {
        match v {
            Some(v) if !v.is_empty() => v
                .parse()
                .map_err(|_| AppError::BadRequest(format!("'{v}' is not a UN language code"))),
            _ => Ok(default),
        }
    };
    let left = pick(q.left.as_deref(), ORIGINAL).map_err(|e| r.error(&s, e))?;
    let default_right = if r.lang() == ORIGINAL {
        Language::Fr
    } else {
        r.lang()
    };
    let right = pick(q.right.as_deref(), default_right).map_err(|e| r.error(&s, e))?;
    let view = s
        .app
        .languages(&slug, &draft, seq, &[left, right])
        .await
        .map_err(|e| r.error(&s, e))?;
    let can = s.app.capabilities(r.principal(), Some(&slug)).await;
    r.render(
        &s,
        "languages.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            v => &view,
            left => left,
            right => if view.shown.len() > 1 { view.shown[1] } else { left },
            all => view.progress.iter().map(|p| p.language).collect::<Vec<_>>(),
            can => &can,
        },
    )
}

async fn upload_form(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, draft, raw_seq)): Path<(String, String, String)>,
    mut form: Multipart,
) -> Response {
    let back = format!("/processes/{slug}/drafts/{draft}/versions/{raw_seq}/languages");
    let result = async {
        let seq = seq(&raw_seq)?;
        // Who may is known before a byte of the form is read.
        s.app.authorize_chair(&caller.principal, &slug).await?;
        let gate = async |p: &accord_app::Principal, _: &crate::http::forms::Fields| {
            s.app.authorize_chair(p, &slug).await
        };
        let (p, f, file) = crate::http::upload::read_form(
            &caller,
            &mut form,
            s.app.upload_limit(),
            (8, 200),
            gate,
        )
        .await?;
        let lang = one(&f, "language")
            .parse::<Language>()
            .map_err(|_| AppError::BadRequest("choose the translation's language".into()))?;
        let source = match file {
            Some((_, bytes)) if bytes.starts_with(b"PK\x03\x04") => ImportSource::Docx(bytes),
            Some((_, bytes)) => ImportSource::Markdown(String::from_utf8(bytes).map_err(|_| {
                AppError::BadRequest("the file is neither DOCX nor UTF-8 Markdown".into())
            })?),
            None => {
                return Err(AppError::BadRequest(
                    "choose the translation's file (DOCX or Markdown)".into(),
                ))
            }
        };
        s.app
            .put_expression(&p, &slug, &draft, seq, lang, source)
            .await?;
        Ok(lang)
    }
    .await;
    redirect_or_error(&r, &s, result.map(|lang| format!("{back}?right={lang}")))
}

async fn export_akn(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, raw_seq, lang)): Path<(String, String, String, String)>,
) -> Response {
    let result = async {
        let (seq, lang) = (seq(&raw_seq)?, language(&lang)?);
        let overview = s.app.process(&slug).await?;
        let (d, v) = s.app.version_in(&slug, &draft, seq, lang).await?;
        let statuses = s.app.version(&slug, &draft, seq).await?.statuses;
        let xml = accord_export::akn::version_in(&overview.process.title, &d, &v, &statuses, lang);
        Ok::<_, AppError>(download(
            "application/akn+xml",
            format!("{}-{}-{lang}.akn.xml", d.slug, v.label),
            xml.into_bytes(),
        ))
    }
    .await;
    result.unwrap_or_else(|e| r.error(&s, e).into_response())
}

async fn export_docx(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, raw_seq, lang)): Path<(String, String, String, String)>,
) -> Response {
    let result = async {
        let (seq, lang) = (seq(&raw_seq)?, language(&lang)?);
        let overview = s.app.process(&slug).await?;
        let (d, v) = s.app.version_in(&slug, &draft, seq, lang).await?;
        let bytes = accord_export::docx::version_in(&overview.process.title, &d, &v, lang);
        Ok::<_, AppError>(download(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            format!("{}-{}-{lang}.docx", d.slug, v.label),
            bytes,
        ))
    }
    .await;
    result.unwrap_or_else(|e| r.error(&s, e).into_response())
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    show: Option<String>,
}

/// A version's languages: each language's progress, and its nodes side by side in the languages of `show` (comma-separated codes, default en) with each node's translation status
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/languages",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path)),
    responses((status = 200, description = "Found", body = LanguagesView))
)]
async fn api_languages(
    State(s): State<SharedState>,
    Path((slug, draft, raw_seq)): Path<(String, String, String)>,
    Query(q): Query<ShowQuery>,
) -> Result<Json<LanguagesView>, ApiError> {
    let seq = seq(&raw_seq)?;
    let shown = languages_of(q.show.as_deref().unwrap_or("en"))?;
    Ok(Json(s.app.languages(&slug, &draft, seq, &shown).await?))
}

/// Give a version's text in another official language (the co-facilitators, or the secretariat for them): the raw body is Markdown or DOCX in the version's structure; each node is aligned by its `{#wid}`, else by its place (paragraph 17 is paragraph 17); replaces that language's text
///
/// `PUT …/versions/{seq}/languages/{language}`: the raw body is the
/// translation, Markdown or DOCX, in the version's structure.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/drafts/{draft}/versions/{seq}/languages/{language}",
    tag = "negotiation",
    params(("slug" = String, Path, example = "gcm"), ("draft" = String, Path), ("seq" = i64, Path), ("language" = String, Path)),
    request_body(content = crate::http::openapi::FileBody, content_type = "application/octet-stream"),
    responses((status = 200, description = "Done", body = LanguageProgress))
)]
pub(crate) async fn put_expression(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, draft, raw_seq, lang)): Path<(String, String, String, String)>,
    body: axum::body::Body,
) -> Result<Json<LanguageProgress>, ApiError> {
    let p = signed_in(p)?;
    s.app.authorize_chair(&p, &slug).await?;
    let b = crate::http::upload::read_limited(&s, body).await?;
    let seq = seq(&raw_seq)?;
    let lang: Language = lang
        .parse()
        .map_err(|_| ApiError::bad_request("the language is one of ar, zh, en, fr, ru, es"))?;
    let source = if b.starts_with(b"PK\x03\x04") {
        ImportSource::Docx(b.clone())
    } else {
        ImportSource::Markdown(String::from_utf8(b.clone()).map_err(|_| {
            ApiError::bad_request("the body is neither a DOCX file nor UTF-8 Markdown")
        })?)
    };
    Ok(Json(
        s.app
            .put_expression(&p, &slug, &draft, seq, lang, source)
            .await?,
    ))
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(put_expression))
        .routes(utoipa_axum::routes!(api_languages))
}
