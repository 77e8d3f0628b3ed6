//! Invariants shared by the fuzz targets.
//!
//! Each target feeds arbitrary bytes to one public parser of `balances` and
//! then checks what came out against rules written here independently of the
//! crate's own code: the decimal grammar, the plain expansion of exponents,
//! where each mapped amount came from in the provider's document, and the
//! shape of every error (exit 65, no raw control characters, short).

use balances::error::Error;
use balances::model::{Balance, Money, Transaction};
use balances::money::Amount;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// How far an exponent may move the point (the crate's documented bound).
pub const MAX_EXPONENT: i64 = 400;

/// The decimal grammar `[+-]? (D+ (. D*)? | . D+) ([eE][+-]?D+)?`, as a
/// hand-written scanner. Returns the exponent text (without `e`) if any.
pub fn grammar(s: &str) -> Option<Option<&str>> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_len = i - int_start;
    let mut frac_len = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_len = i - f;
    }
    if int_len == 0 && frac_len == 0 {
        return None;
    }
    if i == b.len() {
        return Some(None);
    }
    if b[i] != b'e' && b[i] != b'E' {
        return None;
    }
    i += 1;
    let exp = &s[i..];
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let d = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    (i > d && i == b.len()).then_some(Some(exp))
}

/// The exponent's value if it is within the bound (leading zeros allowed).
pub fn exponent_value(exp: &str) -> Option<i64> {
    let (neg, digits) = match exp.as_bytes()[0] {
        b'-' => (true, &exp[1..]),
        b'+' => (false, &exp[1..]),
        _ => (false, exp),
    };
    let digits = digits.trim_start_matches('0');
    if digits.len() > 4 {
        return None;
    }
    let v: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    (v <= MAX_EXPONENT).then_some(if neg { -v } else { v })
}

/// Whether `s` is an amount `Amount::parse` must accept.
pub fn acceptable(s: &str) -> bool {
    match grammar(s) {
        None => false,
        Some(None) => true,
        Some(Some(e)) => exponent_value(e).is_some(),
    }
}

/// Split a literal in the grammar into sign, integer digits, fraction digits, exponent.
fn split(s: &str) -> (bool, &str, &str, i64) {
    let (neg, rest) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], exponent_value(&rest[i + 1..]).expect("bounded")),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    (neg, int, frac, exp)
}

/// The plain expansion of a JSON number with an exponent, as the crate
/// documents it: every written digit kept (trailing fraction zeros too),
/// leading integer zeros dropped, the sign kept as written. Computed as
/// "unscaled digits × 10^-scale", unlike the crate's point-shifting.
pub fn expand(s: &str) -> String {
    let (neg, int, frac, exp) = split(s);
    let unscaled: String = format!("{int}{frac}");
    let unscaled = match unscaled.trim_start_matches('0') {
        "" => "0".to_owned(),
        u => u.to_owned(),
    };
    let scale = frac.len() as i64 - exp;
    let body = if scale <= 0 {
        if unscaled == "0" {
            "0".to_owned()
        } else {
            unscaled + &"0".repeat((-scale) as usize)
        }
    } else {
        let scale = scale as usize;
        let padded = if unscaled.len() <= scale {
            "0".repeat(scale + 1 - unscaled.len()) + &unscaled
        } else {
            unscaled
        };
        let (w, f) = padded.split_at(padded.len() - scale);
        format!("{w}.{f}")
    };
    if neg { format!("-{body}") } else { body }
}

/// What a JSON value must become as an amount, or `None` if it must be refused.
pub fn expected_amount(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => acceptable(s).then(|| s.clone()),
        Value::Number(n) => {
            let t = n.as_str();
            match grammar(t)? {
                None => Some(t.to_owned()),
                Some(e) => exponent_value(e).map(|_| expand(t)),
            }
        }
        _ => None,
    }
}

/// A value as (negative, integer digits, fraction digits) without padding
/// zeros, from our own expansion; zero is never negative.
fn normal(s: &str) -> (bool, String, String) {
    let plain = if grammar(s) == Some(None) {
        s.to_owned()
    } else {
        expand(s)
    };
    let (neg, int, frac, _) = split(&plain);
    let int = int.trim_start_matches('0').to_owned();
    let frac = frac.trim_end_matches('0').to_owned();
    let zero = int.is_empty() && frac.is_empty();
    (neg && !zero, int, frac)
}

/// Numeric order of two literals in the grammar, computed independently.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (an, ai, af) = normal(a);
    let (bn, bi, bf) = normal(b);
    let mag = |i1: &String, f1: &String, i2: &String, f2: &String| {
        i1.len()
            .cmp(&i2.len())
            .then_with(|| i1.cmp(i2))
            .then_with(|| f1.cmp(f2))
    };
    match (an, bn) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => mag(&ai, &af, &bi, &bf),
        (true, true) => mag(&bi, &bf, &ai, &af),
    }
}

/// An amount the crate produced: in the grammar, re-parsable to itself.
pub fn check_amount(a: &Amount, what: &str) {
    let s = a.as_str();
    assert!(acceptable(s), "{what}: {s:?} is not in the decimal grammar");
    assert_eq!(
        Amount::parse(s).map(|b| b.as_str().to_owned()).as_deref(),
        Ok(s),
        "{what}: {s:?} does not re-parse to itself"
    );
}

/// The amount mapped from `src` (a field of the provider's record) is
/// exactly the expected literal.
pub fn check_mapped(out: Option<&Amount>, src: Option<&Value>, what: &str) {
    let src = src.filter(|v| !v.is_null());
    match (out, src) {
        (None, None) => {}
        (Some(a), Some(v)) => {
            check_amount(a, what);
            let want = expected_amount(v);
            assert_eq!(
                Some(a.as_str()),
                want.as_deref(),
                "{what}: literal changed (source {v})"
            );
            if let Value::String(s) = v {
                assert_eq!(
                    a.as_str(),
                    s,
                    "{what}: a string amount must be kept byte for byte"
                );
            } else {
                let t = a.as_str();
                assert!(
                    t.bytes().all(|c| c.is_ascii_digit() || b".+-".contains(&c)),
                    "{what}: a number amount must be plain digits, got {t:?}"
                );
            }
        }
        (a, v) => panic!("{what}: mapped {a:?} from source {v:?}"),
    }
}

/// A currency code as mapped: the source string, upper-cased, not blank.
pub fn check_currency(out: &str, src: Option<&Value>, what: &str) {
    let src = src
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{what}: currency from {src:?}"));
    assert!(
        !src.trim().is_empty(),
        "{what}: blank currency {src:?} accepted"
    );
    assert_eq!(out, src.to_uppercase(), "{what}: currency");
}

/// Every field left in `provider_fields` is the source's, verbatim, and no
/// field of the source is lost except the mapped ones.
pub fn check_rest(rest: &Map<String, Value>, src: &Value, mapped: &[&str], what: &str) {
    let src = src
        .as_object()
        .unwrap_or_else(|| panic!("{what}: source is not an object"));
    for (k, v) in rest {
        let s = src
            .get(k)
            .unwrap_or_else(|| panic!("{what}: invented field {k:?}"));
        assert_eq!(
            v.to_string(),
            s.to_string(),
            "{what}: field {k:?} not verbatim"
        );
    }
    for (k, v) in src {
        if !mapped.contains(&k.as_str()) && !v.is_null() {
            assert!(rest.contains_key(k), "{what}: field {k:?} dropped");
        }
    }
}

/// An error from a body parser: a bad response (exit 65) whose message is
/// short and echoes nothing that could drive a terminal.
pub fn check_error(e: &Error, what: &str) {
    assert_eq!(e.exit_code(), 65, "{what}: exit code of {e:?}");
    check_message(&e.message, what);
}

/// No raw control or bidi characters, and no unbounded echo.
pub fn check_message(m: &str, what: &str) {
    assert!(
        !m.chars()
            .any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
        "{what}: raw control character in message {m:?}"
    );
    assert!(
        m.chars().count() <= 1000,
        "{what}: message of {} characters",
        m.chars().count()
    );
}

/// A document the provider parsers accept: the input must also pass the
/// crate's duplicate-key check, and is then read the same way here.
pub fn document(body: &[u8]) -> Option<Value> {
    balances::json::document(body).ok()
}

/// A balance as mapped from `src` with these source keys.
pub struct BalanceKeys<'a> {
    pub currency: &'a str,
    pub available: Option<&'a str>,
    pub total: Option<&'a str>,
    pub pending: Option<&'a str>,
    /// Other keys the mapping takes out of the record.
    pub also: &'a [&'a str],
}

pub fn check_balance(b: &Balance, src: &Value, k: &BalanceKeys, what: &str) {
    check_currency(&b.currency, src.get(k.currency), what);
    let get = |key: Option<&str>| key.and_then(|key| src.get(key));
    check_mapped(
        b.available.as_ref(),
        get(k.available),
        &format!("{what}.available"),
    );
    check_mapped(b.total.as_ref(), get(k.total), &format!("{what}.total"));
    check_mapped(
        b.pending.as_ref(),
        get(k.pending),
        &format!("{what}.pending"),
    );
    let mut mapped: Vec<&str> = vec![k.currency];
    mapped.extend(k.available);
    mapped.extend(k.total);
    mapped.extend(k.pending);
    mapped.extend(k.also);
    check_rest(&b.provider_fields, src, &mapped, what);
    serde_json::to_string(b).expect("a balance serialises");
}

/// A leg or fee mapped from `amount` and `currency` in the source.
pub fn check_money(m: &Money, amount: Option<&Value>, currency: Option<&Value>, what: &str) {
    check_mapped(Some(&m.amount), amount, what);
    check_currency(&m.currency, currency, what);
}

/// A transaction timestamp is kept as written and is one.
pub fn check_created_at(t: &Transaction, src: Option<&Value>, form: balances::clock::Form) {
    let src = src.filter(|v| !v.is_null());
    match (&t.created_at, src) {
        (None, None) => {}
        (Some(at), Some(v)) => {
            let written = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.as_str().to_owned(),
                other => panic!("created_at from {other}"),
            };
            assert_eq!(at, &written, "created_at not kept as written");
            assert!(
                balances::clock::Timestamp::parse(at, form).is_ok(),
                "created_at {at:?} is not a timestamp"
            );
        }
        (a, v) => panic!("created_at {a:?} from {v:?}"),
    }
}

/// Input bytes as text, for parsers that take `&str`.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A string or number field as text (ids are sometimes numbers).
pub fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// Findings already reported (each has a regression test in `tests/props.rs`)
/// that a long run may step over to look for new ones: with
/// `FUZZ_SKIP_KNOWN=1`, a target returns early on an input of a known kind.
/// Without it (the default, and `scripts/fuzz.sh` in CI) every finding fails.
pub fn skip_known(kind: &str, applies: bool) -> bool {
    static SKIP: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let skip = *SKIP.get_or_init(|| std::env::var_os("FUZZ_SKIP_KNOWN").is_some_and(|v| v == "1"));
    if skip && applies {
        let _ = kind;
        return true;
    }
    false
}
