//! Authentication schemes as pure functions: no I/O, no clock of their own.

pub mod hmac_signing;
pub mod jwt;
pub mod totp;
