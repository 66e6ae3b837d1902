//! What the negotiation's API and pages both read from a request: a
//! version's number, and the compilation's filters.

use crate::http::error::ApiError;
use accord_domain::negotiation::{AmendmentStatus, ProposalFilter};

pub(crate) fn parse_seq(seq: &str) -> Result<u32, ApiError> {
    seq.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::not_found(format!(
            "version '{}' does not exist",
            seq.chars().take(32).collect::<String>()
        ))
    })
}

/// `?actor=EU&status=tabled&status=accepted`.
pub(crate) fn filter_of(query: &[(String, String)]) -> Result<ProposalFilter, ApiError> {
    let mut filter = ProposalFilter::default();
    for (k, v) in query {
        match k.as_str() {
            "actor" if !v.trim().is_empty() => filter.actor = Some(v.trim().to_uppercase()),
            "actor" => {}
            "status" if v == "all" => filter.statuses = AmendmentStatus::ALL.to_vec(),
            "status" if !v.is_empty() => {
                filter
                    .statuses
                    .push(v.parse().map_err(|e: accord_domain::ValidationError| {
                        ApiError::bad_request(e.to_string())
                    })?);
            }
            _ => {}
        }
    }
    Ok(filter)
}

/// Which of a draft page's forms comes back refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DraftForm {
    Revision,
    Silence,
    /// Breaking the silence procedure with this id.
    Break(i64),
    /// Importing a version (a multipart form, not a command: see
    /// `pages::import_form`).
    Import,
}

/// Which of a version page's forms comes back refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VersionForm {
    Status,
}

/// Where the portal's amendment form is: a paragraph of a version.
pub(crate) struct AmendPage<'a> {
    pub slug: &'a str,
    pub draft: &'a str,
    pub seq: &'a str,
    pub wid: &'a str,
}
