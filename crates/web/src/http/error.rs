//! One error shape for the API: `{"error": kind, "message": …}` with the
//! status that fits; internals are logged, never sent.

use accord_app::AppError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Machine-readable kind, e.g. `not_found`, `bad_request`.
    #[schema(example = "not_found")]
    pub error: String,
    /// What went wrong, for people.
    #[schema(example = "process 'xyz' does not exist")]
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            kind: "bad_request",
            message: message.into(),
        }
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            kind: "not_found",
            message: message.into(),
        }
    }
}

/// The HTTP status for an app error.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
        AppError::Invalid(v) if v.is_conflict() => StatusCode::CONFLICT,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AppError::Unreadable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Unavailable(_) | AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The message a client may see: internal details stay in the log.
pub fn public_message(e: &AppError) -> String {
    match e {
        AppError::Internal(detail) => {
            tracing::error!(%detail, "internal error");
            "an internal error occurred; it has been logged".into()
        }
        AppError::Unavailable(detail) => {
            tracing::error!(%detail, "store unavailable");
            "the data store is unavailable; try again shortly".into()
        }
        other => other.to_string(),
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError {
            status: status_of(&e),
            kind: e.kind(),
            message: public_message(&e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                error: self.kind.to_owned(),
                message: self.message,
            }),
        )
            .into_response()
    }
}
