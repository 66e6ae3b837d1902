//! Query strings, list pages and identifiers in paths, with the API's error shape.

use crate::http::error::ApiError;
use accord_app::{Listing, PageRequest, MAX_LIMIT};
use accord_domain as d;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Query extraction whose failures use the API's error shape.
pub struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| ApiQuery(t))
            .map_err(|e| ApiError::bad_request(format!("invalid query: {}", e.body_text())))
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only items of this kind (snake_case, e.g. `thematic_session`).
    kind: Option<String>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Items per page, 1 to 200 (default 50).
    limit: Option<String>,
}

impl ListParams {
    pub(crate) fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = match &self.limit {
            None => None,
            Some(s) => Some(s.parse::<u32>().map_err(|_| {
                ApiError::bad_request(format!(
                    "limit must be a whole number from 1 to {MAX_LIMIT}"
                ))
            })?),
        };
        Ok(PageRequest {
            cursor: self.cursor.clone(),
            limit,
        })
    }

    pub(crate) fn kind<K: std::str::FromStr<Err = d::ValidationError>>(
        &self,
    ) -> Result<Option<K>, ApiError> {
        self.kind
            .as_deref()
            .map(|k| {
                k.parse()
                    .map_err(|e: d::ValidationError| ApiError::bad_request(e.to_string()))
            })
            .transpose()
    }
}

/// A page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    items: Vec<T>,
    /// Pass back as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

impl<T> Page<T> {
    pub(crate) fn from<U>(listing: Listing<U>, f: impl Fn(U) -> T) -> Self {
        Page {
            items: listing.items.into_iter().map(f).collect(),
            next_cursor: listing.next_cursor,
        }
    }
}

pub(crate) fn strings<T: ToString>(v: &[T]) -> Vec<String> {
    v.iter().map(T::to_string).collect()
}

pub(crate) fn parse_id(id: &str, what: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::not_found(format!(
            "{what} '{}' does not exist",
            id.chars().take(32).collect::<String>()
        ))
    })
}
