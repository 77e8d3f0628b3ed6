//! TOTP (RFC 6238): HMAC-SHA1, 6 digits, 30 s steps, as Ibanera requires.
//! Hand-rolled (a dozen lines) because the common crate refuses the 80-bit
//! secrets that pyotp-style Base32 keys often are.

use crate::secret::SecretBytes;
use hmac::{Hmac, Mac};
use sha1::Sha1;

pub const STEP_SECS: i64 = 30;

/// Why a TOTP secret could not be decoded (never quoting it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Base32Error {
    #[error("the TOTP secret is not Base32 (letters A-Z and digits 2-7)")]
    NotBase32,
    #[error("the TOTP secret is empty")]
    Empty,
}

/// Decode an RFC 4648 Base32 secret, accepting lower case, spaces and
/// missing `=` padding (all common in authenticator set-up strings).
pub fn decode_base32(secret: &str) -> Result<SecretBytes, Base32Error> {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits: u64 = 0;
    let mut nbits = 0u32;
    let mut out = zeroize::Zeroizing::new(Vec::new());
    for c in secret
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=' && *c != '-')
    {
        let up = c.to_ascii_uppercase() as u8;
        let v = ALPHABET
            .iter()
            .position(|&a| a == up)
            .ok_or(Base32Error::NotBase32)?;
        bits = (bits << 5) | v as u64;
        nbits += 5;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    if out.is_empty() {
        return Err(Base32Error::Empty);
    }
    Ok(SecretBytes::new(std::mem::take(&mut *out)))
}

/// The 6-digit code for Unix time `unix`.
pub fn code(key: &[u8], unix: i64) -> String {
    let counter = unix.div_euclid(STEP_SECS) as u64;
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC accepts keys of any length"); // ok: infallible for HMAC
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let word = u32::from_be_bytes([
        digest[offset],
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]) & 0x7fff_ffff;
    format!("{:06}", word % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn the_six_spec_vectors() {
        let key = decode_base32(RFC_SECRET).unwrap();
        assert_eq!(key.expose(), b"12345678901234567890");
        for (t, want) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code(&key, t), want, "t={t}");
        }
    }

    #[test]
    fn base32_forms() {
        let canonical = decode_base32(RFC_SECRET).unwrap();
        assert_eq!(
            decode_base32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq").unwrap(),
            canonical
        );
        assert_eq!(
            decode_base32("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ").unwrap(),
            canonical
        );
        // 80-bit pyotp-style secret, with and without padding.
        assert_eq!(decode_base32("JBSWY3DPEHPK3PXP").unwrap().len(), 10);
        assert_eq!(
            decode_base32("JBSWY3DPEE======").unwrap(),
            decode_base32("JBSWY3DPEE").unwrap()
        );
        assert!(decode_base32("not base32!").is_err());
        assert!(decode_base32("   ").is_err());
        assert!(
            decode_base32("01189").is_err(),
            "0, 1, 8 and 9 are not in the alphabet"
        );
    }
}
