//! Exact amounts: the provider's literal digits, validated, never rounded.
//!
//! Amounts reach us as JSON strings (Boca, NOAH) or JSON numbers (p100 rates,
//! Ibanera balances). With serde_json's `arbitrary_precision` a number keeps its
//! literal digits, so neither form ever passes through binary floating point.
//! We check the text against a decimal grammar and print it back as it came
//! (`100.00` stays `100.00`): no fixed-size decimal type limits how many digits
//! a provider may send (NOAH allows 38 characters, an 18-decimal token a
//! trillion units). Comparisons ([`Amount::cmp_value`]) work on the digits
//! themselves, so they cannot overflow or round.

pub mod exact;

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::str::FromStr;

/// How far a JSON number's exponent may move the point when it is written out
/// in plain digits; beyond this the number is refused rather than printed as
/// thousands of zeros. No amount any provider documents comes close.
const MAX_EXPONENT: i64 = 400;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Amount {
    literal: compact_str::CompactString,
}

/// Why a text is not an amount. The text itself is not kept: it may be long.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("not a decimal number: {0}")]
    Syntax(String),
    #[error("expected a decimal, found {0}")]
    NotANumber(&'static str),
    #[error("exponent too large to write out exactly: {0}")]
    Exponent(String),
}

/// The parts of a decimal literal: `[+-] digits [. digits] [e [+-] digits]`.
struct Parts<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    exp: Option<&'a str>,
}

/// Split `text` by the grammar `[+-]? (D+ (. D*)? | . D+) ([eE] [+-]? D+)?`:
/// ASCII digits only (no `_`, spaces, `NaN` or hex), nothing around it.
/// One pass over the bytes: every amount of every record comes through here
/// (a property test holds it to the grammar written as splits).
fn parts(text: &str) -> Option<Parts<'_>> {
    let b = text.as_bytes();
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let (negative, start) = match b.first()? {
        b'-' => (true, 1),
        b'+' => (false, 1),
        _ => (false, 0),
    };
    let mut i = digits_from(start);
    let int = &text[start..i];
    let mut frac = "";
    if b.get(i) == Some(&b'.') {
        let end = digits_from(i + 1);
        frac = &text[i + 1..end];
        i = end;
    }
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut exp = None;
    if let Some(b'e' | b'E') = b.get(i) {
        let sign = usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
        let end = digits_from(i + 1 + sign);
        if end == i + 1 + sign {
            return None;
        }
        exp = Some(&text[i + 1..end]);
        i = end;
    }
    (i == b.len()).then_some(Parts {
        negative,
        int,
        frac,
        exp,
    })
}

impl Amount {
    /// Parse decimal text exactly as the provider wrote it. Accepts an optional
    /// sign, `.5` and `5.` (NOAH's documented pattern) and an exponent; refuses
    /// anything else (`1_000`, ` 1`, `1,5`, `NaN`, `0x10`).
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        let p = parts(text).ok_or_else(|| AmountError::Syntax(crate::text::quote(text)))?;
        if p.exp.is_some() {
            exponent(text, p.exp)?;
        }
        Ok(Amount {
            literal: text.into(),
        })
    }

    /// Build from a JSON value: a string is kept as written; a number keeps its
    /// digits, and one with an exponent is written out in plain digits
    /// (`1e5` → `100000`, `2500.10E-3` → `2.50010`), because serde_json
    /// re-spells exponents (`1e+5`) and a re-spelling is not the provider's text.
    pub fn from_json(v: &serde_json::Value) -> Result<Amount, AmountError> {
        use serde_json::Value;
        match v {
            Value::String(s) => Amount::parse(s),
            Value::Number(n) => Amount::from_number_text(n.as_str()),
            Value::Null => Err(AmountError::NotANumber("null")),
            Value::Bool(_) => Err(AmountError::NotANumber("a boolean")),
            Value::Array(_) => Err(AmountError::NotANumber("an array")),
            Value::Object(_) => Err(AmountError::NotANumber("an object")),
        }
    }

    /// A JSON number's text: plain digits stay as they are; an exponent is
    /// applied exactly.
    pub fn from_number_text(text: &str) -> Result<Amount, AmountError> {
        let p = parts(text).ok_or_else(|| AmountError::Syntax(crate::text::quote(text)))?;
        let Some(exp) = p.exp else {
            return Amount::parse(text);
        };
        let shift = exponent(text, Some(exp))?;
        Ok(Amount {
            literal: plain(p.negative, p.int, p.frac, shift).into(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.literal
    }

    /// The same amount without its sign, for a leg whose direction the sign
    /// gave (`-12.50` out → `12.50`).
    pub fn magnitude(&self) -> (bool, Amount) {
        match self.literal.strip_prefix(['-', '+']) {
            Some(abs) => (
                self.literal.starts_with('-'),
                Amount {
                    literal: abs.into(),
                },
            ),
            None => (false, self.clone()),
        }
    }

    /// Numeric comparison, exact for any number of digits (`1.50` equals `1.5`).
    pub fn cmp_value(&self, other: &Amount) -> Ordering {
        let (a, b) = (Normal::of(self), Normal::of(other));
        match (a.negative, b.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => a.cmp_magnitude(&b),
            (true, true) => b.cmp_magnitude(&a),
        }
    }
}

/// The exponent's value, refused beyond [`MAX_EXPONENT`].
fn exponent(text: &str, exp: Option<&str>) -> Result<i64, AmountError> {
    exp.and_then(|e| e.parse::<i64>().ok())
        .filter(|e| e.abs() <= MAX_EXPONENT)
        .ok_or_else(|| AmountError::Exponent(crate::text::quote(text)))
}

/// `int.frac × 10^shift` in plain digits, keeping every written digit
/// (trailing fraction zeros included) and dropping only leading zeros.
fn plain(negative: bool, int: &str, frac: &str, shift: i64) -> String {
    let digits: String = [int, frac].concat();
    // Position of the point within `digits`, after the shift.
    let point = int.len() as i64 + shift;
    let (whole, fraction) = if point <= 0 {
        (
            String::from("0"),
            "0".repeat(point.unsigned_abs() as usize) + &digits,
        )
    } else if point as usize >= digits.len() {
        (
            digits.clone() + &"0".repeat(point as usize - digits.len()),
            String::new(),
        )
    } else {
        let (w, f) = digits.split_at(point as usize);
        (w.to_owned(), f.to_owned())
    };
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    let mut out = String::with_capacity(whole.len() + fraction.len() + 2);
    if negative {
        out.push('-');
    }
    out.push_str(whole);
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(&fraction);
    }
    out
}

/// A value as sign, integer digits and fraction digits without padding
/// zeros, so two values compare digit by digit.
struct Normal {
    negative: bool,
    int: String,
    frac: String,
}

impl Normal {
    fn of(a: &Amount) -> Normal {
        // The literal passed the grammar; an exponent is applied first.
        let text = match parts(&a.literal).and_then(|p| p.exp) {
            Some(_) => Amount::from_number_text(&a.literal)
                .map(|x| x.literal)
                .unwrap_or_else(|_| a.literal.clone()),
            None => a.literal.clone(),
        };
        let p = parts(&text).unwrap_or(Parts {
            negative: false,
            int: "0",
            frac: "",
            exp: None,
        });
        let int = p.int.trim_start_matches('0').to_owned();
        let frac = p.frac.trim_end_matches('0').to_owned();
        let zero = int.is_empty() && frac.is_empty();
        Normal {
            negative: p.negative && !zero,
            int,
            frac,
        }
    }

    fn cmp_magnitude(&self, other: &Normal) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(&other.int))
            .then_with(|| self.frac.cmp(&other.frac))
    }
}

impl FromStr for Amount {
    type Err = AmountError;
    fn from_str(s: &str) -> Result<Self, AmountError> {
        Amount::parse(s)
    }
}

impl Serialize for Amount {
    /// Always a JSON string with the provider's digits (`"0.01500000"`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.literal)
    }
}

impl AsRef<str> for Amount {
    fn as_ref(&self) -> &str {
        &self.literal
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.literal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar `[+-]? (D+ (. D*)? | . D+) ([eE] [+-]? D+)?` written as
    /// splits, as [`parts`] first was: what its one-pass scanner must agree with.
    fn parts_by_splits(text: &str) -> Option<Parts<'_>> {
        let (negative, rest) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let (int, frac) = match mantissa.split_once('.') {
            Some((i, f)) => (i, f),
            None => (mantissa, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let exp_ok = exp.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        (digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty()) && exp_ok).then_some(
            Parts {
                negative,
                int,
                frac,
                exp,
            },
        )
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_agrees_with_the_grammar_as_splits(text in "[-+0-9.eE]{0,9}|\\PC{0,6}") {
            fn key(p: Option<Parts<'_>>) -> Option<(bool, &str, &str, Option<&str>)> {
                p.map(|p| (p.negative, p.int, p.frac, p.exp))
            }
            proptest::prop_assert_eq!(key(parts(&text)), key(parts_by_splits(&text)), "{:?}", text);
        }
    }

    fn number(text: &str) -> Result<Amount, AmountError> {
        // Through serde_json, as a provider body would come.
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        Amount::from_json(&v)
    }

    #[test]
    fn keeps_every_digit_of_strings_and_numbers() {
        for text in [
            "100.00",
            "1234567890.123456789012",
            "0.09872368",
            "0",
            "-0.25",
        ] {
            assert_eq!(number(text).unwrap().as_str(), text);
        }
        assert_eq!(number(r#""0.01500000""#).unwrap().as_str(), "0.01500000");
    }

    #[test]
    fn digits_beyond_any_fixed_size_decimal_are_kept() {
        for text in [
            "1000000000000.000000000000000000",
            "12345678901234567890.1234567890123456",
            "99999999999999999999999999999999",
            "123456789012.123456789012345678",
        ] {
            assert_eq!(Amount::parse(text).unwrap().as_str(), text);
            assert_eq!(number(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn exponents_of_json_numbers_are_written_out_exactly() {
        for (text, plain) in [
            ("1e5", "100000"),
            ("1E5", "100000"),
            ("2500.10E-3", "2.50010"),
            ("1e-7", "0.0000001"),
            ("-1.5e1", "-15"),
            ("0.5e1", "5"),
            ("12.34e+1", "123.4"),
            ("0e0", "0"),
        ] {
            assert_eq!(number(text).unwrap().as_str(), plain, "{text}");
        }
        assert!(matches!(number("1e401"), Err(AmountError::Exponent(_))));
        assert!(number("1e-99999999999999999999").is_err());
    }

    #[test]
    fn accepts_noah_forms() {
        for text in [".5", "5.", "+10.1", "-0.25", "1e5", "1.5E-3"] {
            assert_eq!(Amount::parse(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for bad in [
            "",
            " 1",
            "1 ",
            "abc",
            "1.2.3",
            ".",
            "+",
            "-",
            "1,5",
            "NaN",
            "inf",
            "0x10",
            "1_000",
            "1_000e0",
            "1__0.5_0E2",
            "1e",
            "1e+",
            "e5",
            ".e5",
            "1.5e1.5",
            "++1",
            "--1",
            "+-1",
            "١٢",
            "1\u{0}",
        ] {
            assert!(Amount::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Amount::from_json(&serde_json::json!(true)).is_err());
        assert!(Amount::from_json(&serde_json::Value::Null).is_err());
    }

    #[test]
    fn compares_by_value_exactly() {
        let a = |s: &str| Amount::parse(s).unwrap();
        assert_eq!(a("1.50").cmp_value(&a("1.5")), Ordering::Equal);
        assert_eq!(a("-0").cmp_value(&a("0.00")), Ordering::Equal);
        assert_eq!(a("999.99").cmp_value(&a("1000")), Ordering::Less);
        assert_eq!(a("-2").cmp_value(&a("-10")), Ordering::Greater);
        assert_eq!(a(".5").cmp_value(&a("0.49999")), Ordering::Greater);
        assert_eq!(a("1e3").cmp_value(&a("999")), Ordering::Greater);
        assert_eq!(
            a("100000000000000000000000000000000.000000000000000000000001")
                .cmp_value(&a("100000000000000000000000000000000")),
            Ordering::Greater
        );
    }

    #[test]
    fn serializes_as_string_literal() {
        let a = Amount::parse("0.01500000").unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), r#""0.01500000""#);
    }
}
