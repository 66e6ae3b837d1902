//! The stocktaking phase: analysis, themes, coverage and the report.

pub mod api;
pub mod charts;
pub mod pages;
pub mod report;
