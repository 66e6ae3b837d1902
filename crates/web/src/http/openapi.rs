//! The OpenAPI document's frame: its description, its security schemes, the
//! error answers every operation may give, and the JSON answers for paths
//! and methods the API does not have. The operations themselves come from
//! the handlers' own `#[utoipa::path]` declarations, collected by the router
//! that serves them (`utoipa_axum`), so the document cannot drift from it.

use crate::http::error::{ApiError, ErrorBody};
use axum::http::Method;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, ResponseBuilder};
use utoipa::{OpenApi as _, PartialSchema, ToSchema};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "Read the processes Accord runs: phases, meetings, documents, themes and actors; \
            and, signed in, act in them. Writes take a bearer token (`Authorization: Bearer acc_…`, \
            from `POST /api/v1/sessions` or your account page) or the portal's session cookie with its \
            anti-forgery token in `X-CSRF-Token`. Request bodies are JSON objects; a field the operation \
            does not know is refused (400, naming it). Lists are paginated by cursor: pass a response's \
            `next_cursor` back as `cursor` with the same filters; it is null on the last page. Errors \
            are `{\"error\": kind, \"message\": …}`.",
        version = "1"
    ),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

/// A file sent as the raw request body.
pub struct FileBody;

impl PartialSchema for FileBody {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .content_media_type("application/octet-stream")
            .into()
    }
}

impl ToSchema for FileBody {}

/// The document's start: description and error shape.
pub fn frame() -> OpenApi {
    ApiDoc::openapi()
}

/// Adds what every operation shares to the collected document: the
/// security schemes, and each error status an operation can answer with.
pub fn finish(mut doc: OpenApi) -> OpenApi {
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "An API token: from POST /api/v1/sessions, your account page, or POST /api/v1/tokens",
                ))
                .build(),
        ),
    );
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            crate::http::auth::SESSION_COOKIE,
            "The portal's session cookie; a write must also send the session's anti-forgery token in X-CSRF-Token",
        ))),
    );
    for item in doc.paths.paths.values_mut() {
        let ops = [
            (&mut item.get, false),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.delete, true),
        ];
        for (op, writes) in ops {
            if let Some(op) = op.as_mut() {
                // A write takes a token or a session unless its declaration
                // says otherwise (`security(())`: anyone).
                if writes && op.security.is_none() {
                    op.security = Some(vec![
                        SecurityRequirement::new("bearer", Vec::<String>::new()),
                        SecurityRequirement::new("session", Vec::<String>::new()),
                    ]);
                }
                add_errors(op, writes);
            }
        }
    }
    doc
}

fn add_errors(op: &mut Operation, writes: bool) {
    let mut errors = vec![
        (
            "400",
            "The request is malformed: a parameter or the body, named in the message",
        ),
        (
            "401",
            "Not signed in, or the token is unknown, expired or revoked",
        ),
        ("403", "The caller may not do this here"),
        ("404", "No such process, or no such item in it"),
        ("413", "The request body is over the limit"),
        (
            "503",
            "The server is busy or its store unavailable; try again after Retry-After seconds",
        ),
    ];
    if writes {
        errors.extend([
            (
                "409",
                "The process's rules refuse it in its present state (e.g. already done)",
            ),
            ("415", "The file's type is not one Accord reads"),
            (
                "422",
                "The request is well formed but breaks a rule, named in the message",
            ),
            (
                "429",
                "Too many attempts or submissions from this address or account; see Retry-After",
            ),
        ]);
    }
    for (status, description) in errors {
        if !op.responses.responses.contains_key(status) {
            op.responses.responses.insert(
                status.to_owned(),
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build()
                    .into(),
            );
        }
    }
}

/// A path under `/api/v1` the API does not have.
pub async fn api_not_found() -> ApiError {
    ApiError::not_found("no such API resource; see /api/v1/openapi.json")
}

/// A method a path does not answer, in the API's error shape (axum adds
/// `Allow`).
pub async fn method_not_allowed(method: Method) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        kind: "method_not_allowed",
        message: format!("{method} is not allowed here; see /api/v1/openapi.json"),
    }
}
