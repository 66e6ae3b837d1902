//! Processes and what they are made of: phases, meetings, documents and
//! their files, themes and actors; the public pages, the secretariat's
//! forms and the feeds.

pub mod api;
pub mod feeds;
pub mod files;
pub(crate) mod history;
pub mod manage;
pub mod pages;
pub(crate) mod params;
pub mod phases;
pub mod speakers;
pub mod timeline;
