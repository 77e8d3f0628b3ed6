//! Listings: what the providers' pages add up to, above the HTTP engine.
//! [`paginate`] follows a listing page by page (cursors, a page asked for
//! ahead, loops refused); [`history`] reads a transaction history down to
//! where an earlier run stopped (the mark a state file or the ledger keeps).

pub mod history;
pub mod paginate;
