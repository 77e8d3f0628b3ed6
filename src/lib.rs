//! `balances`: balances and transactions from fintech and crypto partner
//! APIs, exact to the provider's last digit. The binary is a thin shell over
//! this library; the integration tests and the sandbox use it directly.

pub mod app;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod error;
pub mod http;
pub mod keyring;
pub mod model;
pub mod money;
pub mod output;
pub mod providers;
pub mod sandbox;
pub mod secret;
