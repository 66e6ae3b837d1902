use crate::error::required;
use crate::{Slug, ValidationError};
use serde::{Deserialize, Serialize};

/// An entry in one of a process's taxonomies (e.g. the six thematic-session
/// topics, or the 23 objectives of the compact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub process: Slug,
    /// Unique within the process, e.g. `objective-7`.
    pub code: Slug,
    /// Which taxonomy the theme belongs to, e.g. `objectives`.
    pub taxonomy: Slug,
    #[serde(default)]
    pub number: Option<u32>,
    pub title: String,
}

impl Theme {
    pub fn validate(&self) -> Result<(), ValidationError> {
        required("theme title", &self.title)
    }
}
