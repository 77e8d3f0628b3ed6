//! One integration-test binary (as jj and ripgrep do, to cut link time):
//! every test runs the built `balances` binary against a sandbox started
//! in-process on an ephemeral loopback port, over real HTTP.

mod api;
mod habits;
mod hostile;
mod house;
mod pages;
mod support;

mod boca;
mod completions;
mod config;
mod export;
mod ibanera;
mod integrity;
mod keyring_e2e;
mod ledger;
mod local_inputs;
mod noah;
mod openmetrics;
mod p100;
mod prefetch;
mod rate_limits;
mod readme;
mod reconcile;
mod sandbox_cmd;
mod security;
mod state_file;
mod summary;
mod tables;
mod thresholds;
mod users_file;
