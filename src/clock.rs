//! The wall clock, with a hook for reproducible runs.
//!
//! `BALANCES_NOW` (Unix seconds, or an RFC 3339 time) pins "now" for signing,
//! in the spirit of jj's `JJ_TIMESTAMP`: tests use it to make signatures
//! repeatable and to simulate a skewed local clock.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub fn now() -> OffsetDateTime {
    std::env::var("BALANCES_NOW")
        .ok()
        .and_then(|v| parse_instant(&v))
        .unwrap_or_else(OffsetDateTime::now_utc)
}

fn parse_instant(v: &str) -> Option<OffsetDateTime> {
    if let Ok(secs) = v.trim().parse::<i64>() {
        return OffsetDateTime::from_unix_timestamp(secs).ok();
    }
    OffsetDateTime::parse(v.trim(), &Rfc3339).ok()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the exact form Boca's `X-Request-Timestamp` wants.
pub fn rfc3339_seconds(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
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
    fn formats_to_the_second_in_utc() {
        let t = OffsetDateTime::from_unix_timestamp(1_773_403_200).unwrap();
        assert_eq!(rfc3339_seconds(t), "2026-03-13T12:00:00Z");
        assert_eq!(parse_instant("2026-03-13T12:00:00Z"), Some(t));
        assert_eq!(parse_instant("1773403200"), Some(t));
    }
}
