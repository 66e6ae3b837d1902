//! Reading uploads: raw bodies and multipart forms, bounded, authorised before the file's first byte.

use crate::http::auth::Caller;
use crate::http::error::ApiError;
use crate::SharedState;
use accord_app::AppError;
use accord_domain as d;
use axum::body::Body;
use axum::extract::Multipart;
use serde::Deserialize;

/// `?filename=` on an API upload.
#[derive(Deserialize, Default)]
pub(crate) struct UploadQuery {
    pub filename: Option<String>,
}

pub(crate) fn language_of(v: &str) -> Result<Option<d::Language>, ApiError> {
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
        crate::http::forms::Fields,
        Option<(String, Vec<u8>)>,
    ),
    AppError,
>
where
    G: AsyncFnOnce(&accord_app::Principal, &crate::http::forms::Fields) -> Result<(), AppError>,
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
            principal = Some(crate::http::forms::checked(caller, &fields)?);
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
