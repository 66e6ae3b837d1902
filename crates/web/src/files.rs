//! Files over HTTP: uploads to a statement or a document in a language (a
//! raw body on the API, a multipart form in the portal), and downloads, byte
//! for byte, always as an attachment and sandboxed, so an uploaded HTML file
//! can never run in Accord's origin.

use crate::api::parse_id;
use crate::auth::{Caller, WriteCaller};
use crate::error::ApiError;
use crate::portal::Reader;
use crate::SharedState;
use accord_app::files::Upload;
use accord_app::AppError;
use accord_domain as d;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub fn routes() -> Router<SharedState> {
    Router::new()
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
            post(statement_upload_form).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/processes/{slug}/document-files",
            post(document_upload_form).layer(DefaultBodyLimit::disable()),
        )
}

/// `?filename=` on an API upload.
#[derive(Deserialize, Default)]
pub(crate) struct UploadQuery {
    filename: Option<String>,
}

fn language_of(v: &str) -> Result<Option<d::Language>, ApiError> {
    if v == "detect" {
        return Ok(None);
    }
    v.parse()
        .map(Some)
        .map_err(|e: d::ValidationError| ApiError::bad_request(format!("{e} (or `detect`)")))
}

/// Reads a body up to the app's upload limit; more is refused with 413
/// before it is all in memory. Callers check who may send it first.
pub(crate) async fn read_limited(s: &SharedState, body: Body) -> Result<Vec<u8>, ApiError> {
    let limit = s.app.upload_limit();
    axum::body::to_bytes(body, usize::try_from(limit + 1).unwrap_or(usize::MAX))
        .await
        .map(|b| b.to_vec())
        .map_err(|_| {
            ApiError::from(AppError::TooLarge(format!(
                "the upload is over the limit of {limit} bytes"
            )))
        })
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
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let p = crate::api_write::signed_in(p)?;
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
        Json(json!({
            "language": out.language,
            "status": out.status,
            "file": { "name": out.file.filename, "size": out.file.size, "content_type": out.file.content_type, "sha256": out.file.sha256 },
            "url": format!("/processes/{slug}/{}s/{id}/files/{}", kind.as_str(), out.language),
        })),
    ))
}

/// The API's upload route for one kind of item, for `api_write`'s table.
pub(crate) fn upload_route(kind: d::ItemKind) -> MethodRouter<SharedState> {
    axum::routing::put(
        move |State(s): State<SharedState>,
              WriteCaller(p): WriteCaller,
              Path((slug, id, language)): Path<(String, String, String)>,
              Query(q): Query<UploadQuery>,
              headers: HeaderMap,
              body: Body| async move {
            api_upload(s, p, (slug, kind, id, language), q, headers, body).await
        },
    )
    .layer(DefaultBodyLimit::disable())
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
                ],
                d.bytes,
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

/// The most bytes a form field read before the caller is known may hold
/// (the anti-forgery token is 64 characters).
const FIRST_FIELD_BYTES: usize = 1024;

/// Reads a multipart form that carries a file, refusing as early as it can:
/// an anonymous caller before a byte of the body is read; a form whose
/// first field is not the session's anti-forgery token (`csrf`) after that
/// field alone; and, before the file's first byte, whatever `gate` refuses
/// (the use case's permission check, with the fields that came before the
/// file). Text fields are read chunk by chunk and refused past `max_chars`
/// characters' worth of bytes; at most `max_fields` of them; the file is
/// refused past `limit` bytes. Returns the principal, the text fields and
/// the file, if one was sent.
pub(crate) async fn read_form<G>(
    caller: &Caller,
    form: &mut Multipart,
    limit: u64,
    (max_fields, max_chars): (usize, usize),
    gate: G,
) -> Result<
    (
        accord_app::Principal,
        crate::manage::Fields,
        Option<(String, Vec<u8>)>,
    ),
    AppError,
>
where
    G: AsyncFnOnce(&accord_app::Principal, &crate::manage::Fields) -> Result<(), AppError>,
{
    if matches!(caller.principal, accord_app::Principal::Anonymous) {
        return Err(AppError::Unauthenticated("sign in to do this".into()));
    }
    let bad = |e: axum::extract::multipart::MultipartError| {
        AppError::BadRequest(format!("the form could not be read: {e}"))
    };
    let mut fields: Vec<(String, String)> = vec![];
    let mut principal = None;
    let mut gate = Some(gate);
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        let Some(p) = principal.clone() else {
            // The first field must prove the form is the session's own.
            if name != "csrf" {
                return Err(AppError::Forbidden(
                    "the form has expired: reload the page and send it again".into(),
                ));
            }
            let value = read_text(&mut field, &name, FIRST_FIELD_BYTES).await?;
            fields.push((name, value));
            principal = Some(crate::manage::checked(caller, &fields)?);
            continue;
        };
        if name == "file" {
            if file.is_some() {
                return Err(AppError::BadRequest("send one file at a time".into()));
            }
            if let Some(gate) = gate.take() {
                gate(&p, &fields).await?;
            }
            let filename = field.file_name().unwrap_or("upload").to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|e| AppError::BadRequest(format!("the upload was cut: {e}")))?
            {
                if (bytes.len() + chunk.len()) as u64 > limit {
                    return Err(AppError::TooLarge(format!(
                        "the file is over the limit of {limit} bytes"
                    )));
                }
                bytes.extend_from_slice(&chunk);
            }
            // A file input left empty still sends a part: no file.
            if !bytes.is_empty() {
                file = Some((filename, bytes));
            }
        } else {
            if fields.len() >= max_fields {
                return Err(AppError::BadRequest(format!(
                    "the form has more than {max_fields} fields"
                )));
            }
            let value = read_text(&mut field, &name, max_chars.saturating_mul(4)).await?;
            fields.push((name, value.chars().take(max_chars).collect()));
        }
    }
    let Some(p) = principal else {
        return Err(AppError::Forbidden(
            "the form has expired: reload the page and send it again".into(),
        ));
    };
    if let Some(gate) = gate.take() {
        gate(&p, &fields).await?;
    }
    Ok((p, fields, file))
}

/// A text field, read chunk by chunk, refused past `max_bytes`.
async fn read_text(
    field: &mut axum::extract::multipart::Field<'_>,
    name: &str,
    max_bytes: usize,
) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field
        .chunk()
        .await
        .map_err(|e| AppError::BadRequest(format!("the form could not be read: {e}")))?
    {
        if bytes.len() + chunk.len() > max_bytes {
            return Err(AppError::TooLarge(format!(
                "the field '{name}' is longer than this form takes"
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes)
        .map_err(|_| AppError::BadRequest(format!("the field '{name}' is not UTF-8 text")))
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
        let gate = async |p: &accord_app::Principal, fields: &crate::manage::Fields| {
            let id = id
                .clone()
                .unwrap_or_else(|| crate::manage::one(fields, kind.as_str()));
            let id = parse_id(&id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
            s.app.authorize_texts(p, &slug, kind, id).await
        };
        let (p, fields, file) =
            read_form(&caller, &mut form, s.app.upload_limit(), (16, 200), gate).await?;
        let id = id.unwrap_or_else(|| crate::manage::one(&fields, kind.as_str()));
        let id = parse_id(&id, kind.as_str()).map_err(|e| AppError::NotFound(e.message))?;
        let (filename, bytes) =
            file.ok_or_else(|| AppError::BadRequest("choose a file to upload".into()))?;
        let language = match crate::manage::one(&fields, "language").as_str() {
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
