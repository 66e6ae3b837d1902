//! Negotiation texts in open formats, as pure functions (no IO):
//!
//! * [`akn`] — Akoma Ntoso 3.0 XML (OASIS LegalDocML): a version of a draft
//!   as a `<doc name="draft">`, and the amendments on it as an
//!   `<amendmentList>`; valid against the official schema.
//! * [`docx`] — Word documents (WordprocessingML) laid out as UN drafts are:
//!   a version, the compilation text with every proposal inline, and a
//!   redline between two versions as real tracked changes.
//!
//! All text is escaped for XML and stripped of the characters XML 1.0
//! forbids; the same input always gives the same bytes.

pub mod akn;
pub mod docx;
mod names;
mod xml;

#[cfg(test)]
#[path = "../examples/common/mod.rs"]
mod sample;
#[cfg(test)]
mod testxml;
