//! One way in for a write: [`Command<T>`] reads the same typed request from
//! a JSON body (the API) or from a form (the portal) — same struct, same
//! rules, same errors, each naming the field at fault — and [`Answer`] gives
//! each its answer: `201` with `Location` and the record for JSON; for a
//! form, the next page, or the form again with what was typed and the
//! message beside the field.

use crate::http::auth::{
    cookie, csrf_refused, Caller, Via as Authenticated, CSRF_HEADER, FORM_COOKIE,
};
use crate::http::error::{status_of, ApiError};
use crate::http::page::PageResult;
use crate::SharedState;
use accord_app::{same_secret, AppError, Principal};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How a command came: as JSON, or as a form (with what was typed, the
/// anti-forgery token left out, to show again).
#[derive(Debug, Clone)]
pub enum Via {
    Json,
    Form(Vec<(String, String)>),
}

/// A refused command: the field at fault (a dotted path, as the request
/// named it), if one is, and the rule's error.
#[derive(Debug)]
pub struct Refusal {
    pub field: Option<String>,
    pub error: AppError,
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Self {
        Refusal { field: None, error }
    }
}

/// A write's typed request and the signed-in principal who sends it. A
/// body that does not parse is not rejected here for a form (the handler
/// shows the form again); for JSON it is a 400 naming the field.
pub struct Command<T> {
    pub principal: Principal,
    pub input: Result<T, Refusal>,
    pub via: Via,
}

/// The command of a write that takes no fields (a button).
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

/// The anti-forgery field of the portal's forms.
const CSRF_FIELD: &str = "csrf";

/// A write anyone may send, signed in or not (applying for accreditation):
/// the same reading as [`Command`], but the principal may be `Anonymous`,
/// and a form may carry the pre-sign-in anti-forgery token (the
/// double-submit cookie `accord_form`) instead of a session's.
pub struct OpenCommand<T>(pub Command<T>);

impl<T: DeserializeOwned> FromRequest<SharedState> for Command<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &SharedState) -> Result<Self, Response> {
        read(req, state, false).await
    }
}

impl<T: DeserializeOwned> FromRequest<SharedState> for OpenCommand<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &SharedState) -> Result<Self, Response> {
        read(req, state, true).await.map(OpenCommand)
    }
}

/// Reads a command; `open`: anyone may send it (see [`OpenCommand`]).
async fn read<T: DeserializeOwned>(
    req: Request,
    state: &SharedState,
    open: bool,
) -> Result<Command<T>, Response> {
    let (mut parts, body) = req.into_parts();
    let caller = Caller::from_request_parts(&mut parts, state)
        .await
        .map_err(IntoResponse::into_response)?;
    let form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let bytes = axum::body::Bytes::from_request(Request::from_parts(parts.clone(), body), state)
        .await
        .map_err(IntoResponse::into_response)?;
    if !open && matches!(caller.principal, Principal::Anonymous) {
        return Err(ApiError::from(AppError::Unauthenticated(
            "sign in, or send an API token".into(),
        ))
        .into_response());
    }
    if form {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
        let sent = pairs
            .iter()
            .find(|(k, _)| k == CSRF_FIELD)
            .map_or("", |(_, v)| v.as_str());
        let expected = caller.csrf.as_deref().unwrap_or("");
        let session_ok = same_secret(sent, expected);
        let accepted = if open {
            // The pre-sign-in token (double-submit cookie), or the session's.
            let pre_sign_in = cookie(&parts.headers, FORM_COOKIE).unwrap_or("");
            caller.via == Authenticated::Bearer
                || (!pre_sign_in.is_empty() && same_secret(sent, pre_sign_in))
                || (caller.via == Authenticated::Cookie && session_ok)
        } else {
            caller.via != Authenticated::Cookie || session_ok
        };
        if !accepted {
            return Err(ApiError::from(AppError::Forbidden(
                "the form has expired: reload the page and send it again".into(),
            ))
            .into_response());
        }
        let typed: Vec<(String, String)> =
            pairs.into_iter().filter(|(k, _)| k != CSRF_FIELD).collect();
        // An empty field is a field left blank: absent, not "".
        let filled = typed.iter().filter(|(_, v)| !v.trim().is_empty());
        let encoded = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(filled.map(|(k, v)| (k, v.trim())))
            .finish();
        let input = form_input(encoded.as_bytes());
        return Ok(Command {
            principal: caller.principal,
            input,
            via: Via::Form(typed),
        });
    }
    if caller.via == Authenticated::Cookie {
        let sent = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !same_secret(sent, caller.csrf.as_deref().unwrap_or("")) {
            return Err(csrf_refused().into_response());
        }
    }
    // No body at all is an empty object (a write that takes no fields).
    let json: &[u8] = if bytes.is_empty() { b"{}" } else { &bytes };
    let input = serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(json))
        .map_err(refusal)
        .map_err(|r| ApiError::bad_request(message(&r)).into_response())?;
    Ok(Command {
        principal: caller.principal,
        input: Ok(input),
        via: Via::Json,
    })
}

/// The form's settings: nested fields are named `venue[city]`, lists
/// `agenda[0][title]` or `co_sponsors[]` (browsers send the brackets
/// percent-encoded), three levels at most.
const FORM: serde_qs::Config = serde_qs::Config::new().max_depth(3).use_form_encoding(true);

/// A command from a form's fields (blank ones already left out).
fn form_input<T: DeserializeOwned>(encoded: &[u8]) -> Result<T, Refusal> {
    let fields = serde_qs::Deserializer::with_config(FORM, encoded).map_err(|e| Refusal {
        field: None,
        error: AppError::BadRequest(e.to_string()),
    })?;
    serde_path_to_error::deserialize(fields).map_err(refusal)
}

fn refusal<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> Refusal {
    let path = e.path().to_string();
    let field = (path != ".").then_some(path);
    Refusal {
        field,
        error: AppError::BadRequest(e.inner().to_string()),
    }
}

/// A message, naming the field it is about when there is one.
pub fn naming(field: Option<&str>, message: impl std::fmt::Display) -> String {
    match field {
        Some(f) => format!("{f}: {message}"),
        None => message.to_string(),
    }
}

/// The message of a refusal, naming its field.
pub fn message(r: &Refusal) -> String {
    naming(r.field.as_deref(), &r.error)
}

/// A write's record, the JSON a `201` carries, from its typed struct (the
/// one its OpenAPI response declares).
pub fn record<T: serde::Serialize>(v: &T) -> Result<Value, AppError> {
    serde_json::to_value(v).map_err(|e| AppError::Internal(e.to_string()))
}

/// What a done command answers with: for JSON, `201`, `Location` (the
/// resource made or changed) and the record; for a form, a redirect to the
/// page that shows it.
pub struct Done {
    pub location: String,
    pub record: Value,
    pub page: String,
}

/// A form to show again: what was typed, the field at fault, the message.
#[derive(Clone)]
pub struct FormAgain {
    pub values: Vec<(String, String)>,
    pub field: Option<String>,
    pub message: String,
}

impl FormAgain {
    /// The message as the page shows it, naming the field at fault.
    pub fn described(&self) -> String {
        naming(self.field.as_deref(), &self.message)
    }
}

impl Via {
    /// The answer to a command: done, or refused. A refused form comes back
    /// through `again` (the form's page, with the typed values, the field at
    /// fault and the message) when the refusal is one the person can mend;
    /// anything else is an error page (forms) or the API's error (JSON).
    pub async fn answer<F, Fut>(
        self,
        s: &SharedState,
        r: &crate::http::page::Reader,
        result: Result<Done, Refusal>,
        again: F,
    ) -> Response
    where
        F: FnOnce(FormAgain) -> Fut,
        Fut: std::future::Future<Output = PageResult>,
    {
        self.answer_as(StatusCode::CREATED, s, r, result, again)
            .await
    }

    /// [`Via::answer`] for a write whose JSON answer is not `201 Created`:
    /// `200` for a `PUT` that replaces, `202` for a job started, `204` when
    /// nothing is made (no body then). Forms are answered as by `answer`.
    pub async fn answer_as<F, Fut>(
        self,
        status: StatusCode,
        s: &SharedState,
        r: &crate::http::page::Reader,
        result: Result<Done, Refusal>,
        again: F,
    ) -> Response
    where
        F: FnOnce(FormAgain) -> Fut,
        Fut: std::future::Future<Output = PageResult>,
    {
        match (self, result) {
            (Via::Json, Ok(_)) if status == StatusCode::NO_CONTENT => status.into_response(),
            (Via::Json, Ok(done)) => {
                let mut response = (status, Json(done.record)).into_response();
                if let Ok(location) = HeaderValue::from_str(&done.location) {
                    response.headers_mut().insert(header::LOCATION, location);
                }
                response
            }
            (Via::Json, Err(refused)) => {
                let mut e = ApiError::from(refused.error);
                e.message = naming(refused.field.as_deref(), &e.message);
                e.into_response()
            }
            (Via::Form(_), Ok(done)) => Redirect::to(&done.page).into_response(),
            (Via::Form(values), Err(refused)) => match refused.error {
                e @ (AppError::BadRequest(_) | AppError::Invalid(_)) => {
                    let status = status_of(&e);
                    let form = FormAgain {
                        values,
                        field: refused.field,
                        message: e.to_string(),
                    };
                    match again(form).await {
                        Ok(html) => (status, html).into_response(),
                        Err(page) => page.into_response(),
                    }
                }
                e => r.error(s, e).into_response(),
            },
        }
    }
}

/// A refused form for a template: which form, what was typed (each field's
/// first value; the values of a list such as `themes[]` under `lists`), the
/// field at fault and the message.
pub fn again_value(failed: Option<(&str, FormAgain)>) -> minijinja::Value {
    let Some((form, again)) = failed else {
        return minijinja::Value::from(());
    };
    let mut values: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    let mut lists: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for (k, v) in &again.values {
        match k.strip_suffix("[]") {
            Some(list) => lists.entry(list.to_owned()).or_default().push(v.clone()),
            None => {
                values.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    // The field at fault as the template names it: `themes[1]` is `themes`.
    let field = again
        .field
        .as_deref()
        .map(|f| f.split(['[', '.']).next().unwrap_or(f).to_owned());
    minijinja::context! {
        form => form,
        values => values,
        lists => lists,
        field => field,
        error => again.described(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Venue {
        city: String,
        country: String,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        number: u32,
        title: String,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Meeting {
        title: String,
        venue: Option<Venue>,
        #[serde(default)]
        agenda: Vec<Item>,
        #[serde(default)]
        co_sponsors: Vec<String>,
    }

    fn encoded(pairs: &[(&str, &str)]) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
    }

    #[test]
    fn a_form_names_nested_fields_and_lists_with_brackets() {
        let sent = encoded(&[
            ("title", "Round 1"),
            ("venue[city]", "New York"),
            ("venue[country]", "USA"),
            ("agenda[0][number]", "1"),
            ("agenda[0][title]", "Zero draft"),
            ("agenda[1][number]", "2"),
            ("agenda[1][title]", "Other matters"),
            ("co_sponsors[]", "MEX"),
            ("co_sponsors[]", "CHE"),
        ]);
        let m: Meeting = form_input(sent.as_bytes()).unwrap();
        assert_eq!(m.venue.unwrap().city, "New York");
        assert_eq!(m.agenda[1].title, "Other matters");
        assert_eq!(m.agenda[1].number, 2);
        assert_eq!(m.co_sponsors, ["MEX", "CHE"]);
    }

    #[test]
    fn a_form_s_mistakes_name_the_field() {
        let sent = encoded(&[
            ("title", "R"),
            ("agenda[0][number]", "one"),
            ("agenda[0][title]", "x"),
        ]);
        let r = form_input::<Meeting>(sent.as_bytes()).unwrap_err();
        assert_eq!(r.field.as_deref(), Some("agenda[0].number"));
        let sent = encoded(&[("title", "R"), ("venue[town]", "Paris")]);
        let r = form_input::<Meeting>(sent.as_bytes()).unwrap_err();
        assert!(r.error.to_string().contains("town"), "{}", r.error);
        // Hostile nesting is refused, not followed.
        let deep = encoded(&[("title", "R"), ("a[b][c][d][e][f][g]", "1")]);
        assert!(form_input::<Meeting>(deep.as_bytes()).is_err());
    }
}
