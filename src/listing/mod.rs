//! Listings: what the providers' pages add up to, above the HTTP engine.
//! [`paginate`] follows a listing page by page (cursors, page numbers,
//! loops refused); [`ahead`] asks for pages before they are read;
//! [`history`] reads a transaction history down to
//! where an earlier run stopped (the mark a state file or the ledger keeps);
//! [`key`] names a listing for both.

pub mod ahead;
pub mod history;
pub mod key;
pub mod paginate;
