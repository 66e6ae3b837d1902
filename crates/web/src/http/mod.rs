//! The small kit every area's handlers share: the caller (resolved once per
//! request), the client's address, errors as responses, pages and their
//! templates, forms, JSON bodies, query strings, uploads and downloads.

pub mod assets;
pub mod auth;
pub mod cache;
pub mod client;
pub mod command;
pub mod download;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod json;
pub mod names;
pub mod observe;
pub mod openapi;
pub mod page;
pub mod query;
pub mod routes;
pub mod upload;
