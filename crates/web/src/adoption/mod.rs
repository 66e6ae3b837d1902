//! Adoption and follow-up: adoptions by consensus or recorded vote, ballots,
//! explanations of vote, pledges and progress reports.

pub mod api;
pub mod pages;
pub mod vote_map;
