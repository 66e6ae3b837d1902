//! Negotiation texts in open formats, as pure functions (no IO):
//!
//! * [`akn`] — Akoma Ntoso 3.0 XML (OASIS LegalDocML): a version of a draft
//!   as a `<doc name="draft">`, the amendments on it as an
//!   `<amendmentList>`, and an adoption (by consensus or recorded vote,
//!   state by state) as a `<debate name="adoption">`; valid against the
//!   official schema.
//! * [`docx`] — Word documents (WordprocessingML) laid out as UN drafts are:
//!   a version, the compilation text with every proposal inline, and a
//!   redline between two versions as real tracked changes.
//!
//! A version can be exported in any of the six official languages
//! ([`akn::version_in`], [`docx::version_in`]): an AKN expression of the
//! same work in that language, a Word document in that language (right to
//! left in Arabic, with an East Asian font in Chinese). The other exports
//! are English.
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
mod testudhr;
#[cfg(test)]
mod testxml;
