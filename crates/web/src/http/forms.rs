//! Forms: fields as typed, the anti-forgery check, and the answer after a write (the next page, or the form again with the message).

use crate::http::auth::Caller;
use crate::http::page::Reader;
use crate::SharedState;
use accord_app::{same_secret, AppError, Principal};

use axum::response::{IntoResponse, Redirect, Response};

pub(crate) type Fields = Vec<(String, String)>;

pub(crate) fn one(fields: &Fields, name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

pub(crate) fn opt(fields: &Fields, name: &str) -> Option<String> {
    Some(one(fields, name)).filter(|v| !v.is_empty())
}

/// The signed-in principal, once the form's anti-forgery token matches.
pub(crate) fn checked(caller: &Caller, fields: &Fields) -> Result<Principal, AppError> {
    if matches!(caller.principal, Principal::Anonymous) {
        return Err(AppError::Unauthenticated("sign in to do this".into()));
    }
    let sent = one(fields, "csrf");
    if !caller
        .csrf
        .as_deref()
        .is_some_and(|c| same_secret(&sent, c))
    {
        return Err(AppError::Forbidden(
            "the form has expired: reload the page and send it again".into(),
        ));
    }
    Ok(caller.principal.clone())
}

pub(crate) fn redirect_or_error(
    r: &Reader,
    s: &SharedState,
    result: Result<String, AppError>,
) -> Response {
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => r.error(s, e).into_response(),
    }
}
