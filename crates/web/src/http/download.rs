//! Downloads: a file sent as an attachment.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A download: its type and a file name made of the draft and version.
/// A file to save, its name reduced to safe characters.
pub(crate) fn download(content_type: &str, name: String, bytes: Vec<u8>) -> Response {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
