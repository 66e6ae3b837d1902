//! Files over HTTP: uploads to a statement or a document in a language (a
//! raw body on the API, a multipart form in the portal), and downloads, byte
//! for byte, always as an attachment and sandboxed, so an uploaded HTML file
//! can never run in Accord's origin.

use crate::http::auth::{Caller, WriteCaller};
use crate::http::error::ApiError;
use crate::http::page::Reader;
use crate::http::query::parse_id;
use crate::http::routes::{get, post, PageRoutes};
use crate::http::upload::{language_of, read_form, read_limited, UploadQuery};
use crate::SharedState;
use accord_app::files::Upload;
use accord_app::AppError;
use accord_domain as d;
use axum::body::Body;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// A file as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessStoredFile {
    /// The name it was uploaded as (cleaned).
    name: String,
    /// Bytes.
    size: u64,
    content_type: String,
    /// Lower-case hex SHA-256 of the bytes.
    sha256: String,
}

/// An upload's outcome: the language's text, read or being read.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProcessFileUploaded {
    language: d::Language,
    status: d::TextStatus,
    file: ProcessStoredFile,
    /// Where to download the file.
    url: String,
    /// True when typed text stands in that language: the file's text is
    /// kept beside it, and the typed one stays shown until the process's
    /// secretariat chooses which stands.
    beside: bool,
    /// The language the file's text looks like, when it is not the one
    /// declared (flagged, not refused; null while a job reads the file).
    looks_like: Option<d::Language>,
}

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route(
            "/processes/{slug}/statements/{id}/files/{language}",
            get(download_statement_file),
        )
        .route(
            "/processes/{slug}/documents/{id}/files/{language}",
            get(download_document_file),
        )
        .route(
            "/processes/{slug}/statements/{id}/files",
            post(statement_upload_form).without_body_limit(),
        )
        .route(
            "/processes/{slug}/document-files",
            post(document_upload_form).without_body_limit(),
        )
}

/// Where an upload goes: the process, the kind of item, its id, the language.
type UploadTarget = (String, d::ItemKind, String, String);

async fn api_upload(
    s: SharedState,
    p: accord_app::Principal,
    (slug, kind, id, language): UploadTarget,
    q: UploadQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ProcessFileUploaded>), ApiError> {
    let p = crate::http::json::signed_in(p)?;
    let id = parse_id(&id, kind.as_str())?;
    let language = language_of(&language)?;
    let filename = q
        .filename
        .or_else(|| {
            headers
                .get(header::CONTENT_DISPOSITION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split("filename=").nth(1))
                .map(|f| f.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| "upload".into());
    // Who may change this item's texts is checked before a byte is read.
    s.app.authorize_texts(&p, &slug, kind, id).await?;
    let bytes = read_limited(&s, body).await?;
    let out = s
        .app
        .upload(
            &p,
            &slug,
            kind,
            id,
            Upload {
                filename,
                bytes,
                language,
            },
        )
        .await?;
    let status = if out.status == d::TextStatus::Pending {
        StatusCode::ACCEPTED
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(ProcessFileUploaded {
            language: out.language,
            status: out.status,
            file: ProcessStoredFile {
                name: out.file.filename,
                size: out.file.size,
                content_type: out.file.content_type,
                sha256: out.file.sha256,
            },
            url: format!(
                "/processes/{slug}/{}s/{id}/files/{}",
                kind.as_str(),
                out.language
            ),
            beside: out.stored.placement == d::TextPlacement::Beside,
            looks_like: out.stored.looks_like,
        }),
    ))
}

/// Upload a statement's file in a language (`detect` to detect it): PDF, DOCX, ODT, HTML, Markdown or text, as the raw body; `?filename=` names it. 201 when read at once, 202 when a background job reads it
///
/// A statement's file in a language, as the raw body.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/statements/{id}/files/{language}",
    tag = "files",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("language" = String, Path)),
    request_body(content = crate::http::openapi::FileBody, content_type = "application/octet-stream"),
    responses((status = 201, description = "Read at once: the text in that language", body = ProcessFileUploaded), (status = 202, description = "Accepted: a background job reads it", body = ProcessFileUploaded))
)]
async fn upload_statement_file(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, language)): Path<(String, String, String)>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ProcessFileUploaded>), ApiError> {
    api_upload(
        s,
        p,
        (slug, d::ItemKind::Statement, id, language),
        q,
        headers,
        body,
    )
    .await
}

/// Upload a document's file in a language (the process's secretariat), as for statements
///
/// A document's file in a language, as the raw body.
#[utoipa::path(
    put,
    path = "/api/v1/processes/{slug}/documents/{id}/files/{language}",
    tag = "files",
    params(("slug" = String, Path, example = "gcm"), ("id" = i64, Path), ("language" = String, Path)),
    request_body(content = crate::http::openapi::FileBody, content_type = "application/octet-stream"),
    responses((status = 201, description = "Read at once: the text in that language", body = ProcessFileUploaded), (status = 202, description = "Accepted: a background job reads it", body = ProcessFileUploaded))
)]
async fn upload_document_file(
    State(s): State<SharedState>,
    WriteCaller(p): WriteCaller,
    Path((slug, id, language)): Path<(String, String, String)>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ProcessFileUploaded>), ApiError> {
    api_upload(
        s,
        p,
        (slug, d::ItemKind::Document, id, language),
        q,
        headers,
        body,
    )
    .await
}

/// `attachment; filename="…"; filename*=UTF-8''…` for any name.
fn disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

async fn download(
    s: SharedState,
    r: Reader,
    slug: String,
    kind: d::ItemKind,
    id: String,
    language: String,
) -> Response {
    let result = async {
        let id = parse_id(&id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
        let language: d::Language = language
            .parse()
            .map_err(|_| AppError::NotFound(format!("no file in '{language}'")))?;
        s.app
            .download(r.principal(), &slug, kind, id, language)
            .await
    }
    .await;
    match result {
        Ok(d) => {
            let content_type = HeaderValue::from_str(&d.file.content_type)
                .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
            (
                [
                    (header::CONTENT_TYPE, content_type),
                    (header::CONTENT_DISPOSITION, disposition(&d.file.filename)),
                    (
                        header::CONTENT_SECURITY_POLICY,
                        HeaderValue::from_static(
                            "sandbox; default-src 'none'; frame-ancestors 'none'",
                        ),
                    ),
                    (
                        header::ETAG,
                        HeaderValue::from_str(&format!("\"{}\"", d.file.sha256))
                            .unwrap_or_else(|_| HeaderValue::from_static("\"\"")),
                    ),
                    (header::CONTENT_LENGTH, HeaderValue::from(d.file.size)),
                ],
                // Streamed from the blob store as it is read.
                Body::from_stream(d.bytes),
            )
                .into_response()
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn download_statement_file(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, language)): Path<(String, String, String)>,
) -> Response {
    download(s, r, slug, d::ItemKind::Statement, id, language).await
}

async fn download_document_file(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id, language)): Path<(String, String, String)>,
) -> Response {
    download(s, r, slug, d::ItemKind::Document, id, language).await
}

/// The statement page's upload form (multipart): a file, its language (or
/// detect), and the session's anti-forgery token.
async fn statement_upload_form(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    form: Multipart,
) -> Response {
    upload_form(s, r, caller, slug, d::ItemKind::Statement, Some(id), form).await
}

/// The documents page's upload form: as the statement's, with a `document` field.
async fn document_upload_form(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
    form: Multipart,
) -> Response {
    upload_form(s, r, caller, slug, d::ItemKind::Document, None, form).await
}

async fn upload_form(
    s: SharedState,
    r: Reader,
    caller: Caller,
    slug: String,
    kind: d::ItemKind,
    id: Option<String>,
    mut form: Multipart,
) -> Response {
    let result = async {
        // A statement's upload: who may is known before a byte is read (a
        // document's is named by a field, checked before the file).
        if let Some(id) = &id {
            let id = parse_id(id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
            s.app
                .authorize_texts(&caller.principal, &slug, kind, id)
                .await?;
        }
        let gate = async |p: &accord_app::Principal, fields: &crate::http::forms::Fields| {
            let id = id
                .clone()
                .unwrap_or_else(|| crate::http::forms::one(fields, kind.as_str()));
            let id = parse_id(&id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
            s.app.authorize_texts(p, &slug, kind, id).await
        };
        let (p, fields, file) =
            read_form(&caller, &mut form, s.app.upload_limit(), (16, 200), gate).await?;
        let id = id.unwrap_or_else(|| crate::http::forms::one(&fields, kind.as_str()));
        let id = parse_id(&id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
        let (filename, bytes) =
            file.ok_or_else(|| AppError::BadRequest("choose a file to upload".into()))?;
        let language = match crate::http::forms::one(&fields, "language").as_str() {
            "" | "detect" => None,
            l => Some(
                l.parse()
                    .map_err(|e: d::ValidationError| AppError::BadRequest(e.to_string()))?,
            ),
        };
        let out = s
            .app
            .upload(
                &p,
                &slug,
                kind,
                id,
                Upload {
                    filename,
                    bytes,
                    language,
                },
            )
            .await?;
        Ok(match kind {
            d::ItemKind::Document => format!("/processes/{slug}/documents#document-{id}"),
            _ => format!("/processes/{slug}/statements/{id}#text-{}", out.language),
        })
    }
    .await;
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

/// This area's API routes, each declared once with its OpenAPI description.
pub fn api_routes() -> utoipa_axum::router::OpenApiRouter<SharedState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(upload_statement_file))
        .routes(utoipa_axum::routes!(upload_document_file))
}
