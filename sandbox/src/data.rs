//! Deterministic demo data, computed on demand from (seed, user, index).

use rust_decimal::Decimal;
use time::OffsetDateTime;

/// SplitMix64: a tiny, well-mixed hash for deterministic generation.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a of a string, to bring user ids into the hash.
pub fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn hash(seed: u64, user: &str, i: u64) -> u64 {
    mix(seed ^ mix(hash_str(user) ^ mix(i)))
}

/// Decode `%XX` escapes (the sandbox's own decoder, independent of the client's encoder).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A UUID-shaped id derived from a hash.
pub fn uuid_like(h: u64) -> String {
    let g = mix(h);
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        h >> 32,
        (h >> 16) & 0xffff,
        h & 0xfff,
        g >> 52,
        g & 0xffff_ffff_ffff
    )
}

/// A fixed-scale decimal from an integer number of minor units.
pub fn minor(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time (the form every emulated API sends).
pub fn timestamp(unix: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b%2Fc"), "a b/c");
        assert_eq!(percent_decode("zo%C3%AB"), "zoë");
        assert_eq!(percent_decode("100%25"), "100%");
        assert_eq!(percent_decode("bad%zz%"), "bad%zz%");
        assert_eq!(percent_decode("%é%"), "%é%");
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(hash(1, "u", 2), hash(1, "u", 2));
        assert_ne!(hash(1, "u", 2), hash(1, "u", 3));
        assert_eq!(timestamp(1_773_411_720), "2026-03-13T14:22:00Z");
    }
}
