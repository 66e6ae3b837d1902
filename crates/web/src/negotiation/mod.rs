//! The negotiation phase: drafts, versions, amendments, the compilation
//! text, redlines, silence procedures and the six official languages.

pub mod api;
pub mod languages;
pub mod pages;
pub mod params;
