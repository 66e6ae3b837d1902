//! JSON bodies and answers of the API's writes.

use crate::http::error::ApiError;
use accord_app::Principal;
use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// Parses a JSON body; `process` (from the path) is set on the object first.
pub(crate) fn body<T: DeserializeOwned>(
    bytes: &Bytes,
    process: Option<&str>,
) -> Result<T, ApiError> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    if let Some(slug) = process {
        match value.as_object_mut() {
            Some(obj) => {
                obj.insert("process".into(), json!(slug));
            }
            None => return Err(ApiError::bad_request("the body must be a JSON object")),
        }
    }
    serde_json::from_value(value).map_err(|e| ApiError::bad_request(format!("invalid body: {e}")))
}

/// What a write answers: `201 Created`, `Location` naming the resource
/// made or changed (to read it back with GET), and what was recorded.
pub(crate) struct CreatedAt {
    location: String,
    body: Value,
}

pub(crate) fn created(location: String, body: Value) -> CreatedAt {
    CreatedAt { location, body }
}

impl IntoResponse for CreatedAt {
    fn into_response(self) -> Response {
        let mut response = (StatusCode::CREATED, Json(self.body)).into_response();
        if let Ok(location) = HeaderValue::from_str(&self.location) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        response
    }
}

/// A signed-in caller: the public may not write.
pub(crate) fn signed_in(p: Principal) -> Result<Principal, ApiError> {
    match p {
        Principal::Anonymous => Err(accord_app::AppError::Unauthenticated(
            "sign in, or send an API token".into(),
        )
        .into()),
        p => Ok(p),
    }
}

pub(crate) type Created = Result<CreatedAt, ApiError>;
