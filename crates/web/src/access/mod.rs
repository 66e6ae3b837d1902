//! Who may act: signing in, accounts and tokens, and the accreditation of
//! stakeholder organisations.

pub mod accounts;
pub mod accreditation;
pub mod api;
pub mod sign_in;
