//! When to try a request again, and how long to wait first.

use std::time::{Duration, SystemTime};

/// Why a response deserves another attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// 429: wait as long as the server asks (`Retry-After`), capped.
    RateLimited(Option<Duration>),
    /// 5xx, p100 `P501`, connection errors, timeouts: exponential backoff.
    Transient,
}

/// The longest we honour a `Retry-After`.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(60);
const BACKOFF_BASE: Duration = Duration::from_millis(250);
const BACKOFF_CAP: Duration = Duration::from_secs(8);

/// `Retry-After` as delay-seconds or an HTTP date, relative to `now`, capped at 60 s.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    let wait = if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        // delay-seconds of any length: more digits than a u64 holds is
        // still "a long time", i.e. the cap.
        v.parse::<u64>()
            .map_or(RETRY_AFTER_CAP, Duration::from_secs)
    } else {
        let at = httpdate::parse_http_date(v).ok()?;
        at.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(wait.min(RETRY_AFTER_CAP))
}

/// Exponential backoff with "equal jitter": between half and all of
/// `base * 2^attempt`, so concurrent clients do not retry in lockstep.
pub fn backoff(attempt: u32) -> Duration {
    let full = BACKOFF_BASE
        .saturating_mul(1u32 << attempt.min(16))
        .min(BACKOFF_CAP);
    let half = full / 2;
    half + Duration::from_millis(fastrand::u64(0..=half.as_millis() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds() {
        let now = SystemTime::now();
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("3600", now), Some(RETRY_AFTER_CAP));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }

    #[test]
    fn retry_after_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        // A date in the past means "now".
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        // Far future is capped.
        assert_eq!(
            parse_retry_after("Mon, 07 Nov 1994 08:49:37 GMT", now),
            Some(RETRY_AFTER_CAP)
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for attempt in 0..20 {
            let d = backoff(attempt);
            let full = BACKOFF_BASE
                .saturating_mul(1 << attempt.min(16))
                .min(BACKOFF_CAP);
            assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d:?}");
        }
    }
}
