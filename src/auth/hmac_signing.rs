//! Boca Raton's HMAC-SHA256 request signature.
//!
//! ```text
//! canonical = METHOD \n PATH \n QUERY \n TIMESTAMP \n hex(sha256(BODY))
//! signature = hex(HMAC-SHA256(api_secret, canonical))
//! ```
//! PATH and QUERY are exactly what goes on the wire (already percent-encoded).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub fn canonical_string(
    method: &str,
    path: &str,
    query: &str,
    timestamp: &str,
    body: &[u8],
) -> String {
    format!(
        "{}\n{}\n{}\n{}\n{}",
        method.to_ascii_uppercase(),
        path,
        query,
        timestamp,
        hex::encode(Sha256::digest(body))
    )
}

pub fn sign(secret: &[u8], canonical: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC accepts keys of any length"); // ok: infallible for HMAC
    mac.update(canonical.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"boca-demo-signing-secret";
    const TS: &str = "2026-03-13T12:00:00Z";

    #[test]
    fn spec_vector_balances() {
        let c = canonical_string("GET", "/v1/users/partner-user-42/balances", "", TS, b"");
        assert_eq!(
            c,
            "GET\n/v1/users/partner-user-42/balances\n\n2026-03-13T12:00:00Z\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sign(SECRET, &c),
            "caf88fb880433ca952fa5f312fb6b7f5a83fe14b5d2cdec23dd35084ca1eb2dc"
        );
    }

    #[test]
    fn spec_vector_transactions() {
        let c = canonical_string(
            "get",
            "/v1/users/partner-user-42/transactions",
            "cursor=2026-03-12T18%3A30%3A00Z&limit=25",
            TS,
            b"",
        );
        assert_eq!(
            sign(SECRET, &c),
            "d138482ce6fa5418da1513752799d6431ec9d96e50e28f46184724eb0c99d753"
        );
    }
}
