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

/// The forms a provider documents for its timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// RFC 3339: any fraction of a second, `Z` or any offset (Boca, NOAH).
    Rfc3339,
    /// ISO 8601 in UTC (Ibanera): RFC 3339, or the same without an offset
    /// (read as UTC), or a bare date (midnight UTC).
    Iso8601Utc,
}

/// A point in time, to the nanosecond: what timestamps are compared as, so
/// `…14:22:00.500Z` is after `…14:22:00Z` and `20:00:00-05:00` after `23:00:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i128);

/// Why a provider's timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a timestamp: {0}")]
pub struct TimestampError(String);

impl Timestamp {
    pub fn parse(text: &str, form: Form) -> Result<Timestamp, TimestampError> {
        // Both forms take RFC 3339, and nearly every record's timestamp is
        // its commonest spelling: read that one by hand (a tenth of the cost).
        match utc_seconds(text) {
            Some(at) => Ok(at),
            None => Timestamp::parse_general(text, form),
        }
    }

    fn parse_general(text: &str, form: Form) -> Result<Timestamp, TimestampError> {
        let refuse = || TimestampError(crate::text::quote(text));
        let rfc = |t: &str| OffsetDateTime::parse(t, &Rfc3339).ok();
        let parsed = match form {
            Form::Rfc3339 => rfc(text),
            Form::Iso8601Utc => rfc(text)
                .or_else(|| rfc(&format!("{text}Z")))
                .or_else(|| rfc(&format!("{text}T00:00:00Z")).filter(|_| text.len() == 10)),
        };
        // An instant we cannot write back in RFC 3339 (before year 0 or after
        // 9999 in UTC) would make a state file unreadable: not a timestamp.
        parsed
            .map(Timestamp::from)
            .filter(|i| !i.to_rfc3339().is_empty())
            .ok_or_else(refuse)
    }

    pub fn now() -> Timestamp {
        Timestamp::from(now())
    }

    /// Nanoseconds since the Unix epoch.
    pub fn nanos(self) -> i128 {
        self.0
    }

    pub fn from_nanos(nanos: i128) -> Timestamp {
        Timestamp(nanos)
    }

    /// Whole seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        (self.0.div_euclid(1_000_000_000)) as i64
    }

    /// This instant moved by `secs` seconds.
    pub fn plus_seconds(self, secs: i64) -> Timestamp {
        Timestamp(self.0 + i128::from(secs) * 1_000_000_000)
    }

    /// RFC 3339 in UTC with nanoseconds: one spelling per instant.
    pub fn to_rfc3339(self) -> String {
        OffsetDateTime::from_unix_timestamp_nanos(self.0)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_default()
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` exactly, read without the general parser, and
/// without writing it back to check it (a four-digit year in UTC always can
/// be). `None` is "not this spelling": the general parser decides, so a leap
/// second, a fraction or an offset is read by it (a property test holds the
/// two to each other).
fn utc_seconds(text: &str) -> Option<Timestamp> {
    let b: &[u8; 20] = text.as_bytes().try_into().ok()?;
    let punctuated = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'Z'),
    ]
    .iter()
    .all(|&(i, c)| b[i] == c);
    if !punctuated {
        return None;
    }
    let num = |at: usize, len: usize| {
        b[at..at + len].iter().try_fold(0u16, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
        })
    };
    let two = |at| num(at, 2).map(|n| n as u8);
    let month = time::Month::try_from(two(5)?).ok()?;
    let date = time::Date::from_calendar_date(i32::from(num(0, 4)?), month, two(8)?).ok()?;
    let at = time::Time::from_hms(two(11)?, two(14)?, two(17)?).ok()?;
    Some(Timestamp::from(date.with_time(at).assume_utc()))
}

impl From<OffsetDateTime> for Timestamp {
    fn from(t: OffsetDateTime) -> Timestamp {
        Timestamp(t.unix_timestamp_nanos())
    }
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

    proptest::proptest! {
        #[test]
        fn the_hand_read_spelling_agrees_with_the_parser(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z|[0-9T:Z-]{20}|20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z"
        ) {
            let general = Timestamp::parse_general(&text, Form::Rfc3339).ok();
            match utc_seconds(&text) {
                Some(at) => proptest::prop_assert_eq!(Some(at), general, "{}", text),
                // Declined: the parser alone decides; only a leap second may pass it.
                None => proptest::prop_assert!(general.is_none() || &text[17..19] == "60", "{}", text),
            }
        }
    }

    #[test]
    fn instants_compare_as_time_not_text() {
        let at = |s: &str| Timestamp::parse(s, Form::Rfc3339).unwrap();
        assert!(at("2026-03-13T14:22:00.500Z") > at("2026-03-13T14:22:00Z"));
        assert!(at("2026-03-13T20:00:00-05:00") > at("2026-03-13T23:00:00Z"));
        assert_eq!(at("2026-03-13T23:00:00+01:00"), at("2026-03-13T22:00:00Z"));
        assert_eq!(at("2026-03-13T22:00:00.000000001Z").0 % 1000, 1);
        let round = at("2026-03-13T20:00:00.25-05:00").to_rfc3339();
        assert_eq!(at(&round), at("2026-03-13T20:00:00.25-05:00"));
    }

    #[test]
    fn what_is_not_a_timestamp_is_refused() {
        for bad in [
            "",
            "pending",
            "2026-03-13",
            "2026-13-01T00:00:00Z",
            "2026-03-13T14:22:00",
            "1773403200",
        ] {
            assert!(Timestamp::parse(bad, Form::Rfc3339).is_err(), "{bad:?}");
        }
        let iso = |s: &str| Timestamp::parse(s, Form::Iso8601Utc);
        assert_eq!(
            iso("2026-03-13T14:22:00").unwrap(),
            iso("2026-03-13T14:22:00Z").unwrap()
        );
        assert_eq!(
            iso("2026-03-13").unwrap(),
            iso("2026-03-13T00:00:00Z").unwrap()
        );
        assert!(iso("2026-03-13T14:22:00ZZ").is_err());
        assert!(iso("pending").is_err());
    }
}
