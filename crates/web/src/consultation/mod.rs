//! The consultation phase: statements, calls for written inputs and
//! recommendations.

pub mod api;
pub mod pages;
