//! `http::retry::parse_retry_after`: at most 60 s, never more than the server
//! asked (delay-seconds, or the HTTP date less now), a delay-seconds value of
//! any length honoured (capped), and nothing made up from other text.
#![no_main]
use balances::http::retry::{RETRY_AFTER_CAP, parse_retry_after};
use balances_fuzz::*;
use std::time::{Duration, SystemTime};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    // "now": any second from 1970 to about 2240, with some nanoseconds.
    let raw = u64::from_le_bytes(data[..8].try_into().unwrap());
    let now = SystemTime::UNIX_EPOCH
        + Duration::new((raw >> 20) % 8_500_000_000, (raw & 0xfffff) as u32 * 953);
    let Some(value) = text(&data[8..]) else {
        return;
    };
    let got = parse_retry_after(value, now);
    let v = value.trim();
    if let Some(d) = got {
        assert!(d <= RETRY_AFTER_CAP, "{value:?}: {d:?} over the cap");
    }
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // delay-seconds: 1*DIGIT, of any length.
        let digits = v.trim_start_matches('0');
        // Known finding 2: more digits than a u64 holds are ignored, not capped.
        if skip_known("overlong delay-seconds", digits.len() > 19) {
            return;
        }
        let asked = if digits.len() > 19 {
            u64::MAX
        } else {
            digits.parse().unwrap_or(0)
        };
        let want = Duration::from_secs(asked).min(RETRY_AFTER_CAP);
        assert_eq!(got, Some(want), "delay-seconds {value:?}");
    } else if let Ok(at) = httpdate::parse_http_date(v) {
        let asked = at.duration_since(now).unwrap_or(Duration::ZERO);
        let d = got.unwrap_or_else(|| panic!("HTTP date {value:?} ignored"));
        assert!(
            d <= asked,
            "{value:?}: waits {d:?}, more than the {asked:?} asked"
        );
        assert_eq!(d, asked.min(RETRY_AFTER_CAP), "{value:?}");
    } else if let Some(d) = got {
        // Lenient forms (a `+` sign) must still mean what they say.
        let n: u64 = v
            .parse()
            .unwrap_or_else(|_| panic!("{value:?} read as {d:?}"));
        assert!(d <= Duration::from_secs(n));
    }
});
