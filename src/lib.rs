//! `balances`: balances and transactions from fintech and crypto partner
//! APIs, exact to the provider's last digit. The binary is a thin shell over
//! this library; the integration tests and the sandbox use it directly.

pub mod app;
pub mod auth;
pub mod books;
pub mod cli;
pub mod clock;
pub mod config;
pub mod error;
pub mod http;
pub mod json;
pub mod keyring;
pub mod ledger;
pub mod listing;
pub mod local;
pub mod model;
pub mod money;
pub mod output;
pub mod providers;
/// The emulator, a crate of its own that knows nothing of this one.
pub use balances_sandbox as sandbox;
pub mod secret;
pub mod text;

/// Helpers for the unit tests: fixture files and canned responses.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::http::Incoming;

    /// A file of `tests/fixtures/`.
    pub fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// A response with this status and body, as the engine would hand it over.
    pub fn response(status: u16, body: impl Into<Vec<u8>>) -> Incoming {
        Incoming {
            status,
            version: reqwest::Version::HTTP_11,
            headers: Default::default(),
            body: body.into(),
        }
    }
}
