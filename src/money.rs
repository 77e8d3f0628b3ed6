//! Exact amounts: the provider's literal digits plus a checked `Decimal`.
//!
//! Amounts reach us as JSON strings (Boca, NOAH) or JSON numbers (p100 rates,
//! Ibanera balances). With serde_json's `arbitrary_precision` a number keeps its
//! literal text, so neither form ever passes through binary floating point.
//! We print the literal back (`100.00` stays `100.00`) and keep the `Decimal`
//! to prove the text is a number and for arithmetic (the sandbox uses it).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    literal: String,
    value: Decimal,
}

impl Amount {
    /// Parse decimal text exactly. Accepts an optional sign, `.5` and `5.`
    /// (NOAH's documented pattern) and exponents; rejects anything that
    /// `Decimal` could only hold by rounding (more than 28 significant digits).
    pub fn parse(text: &str) -> Result<Amount, String> {
        let t = text.trim();
        if t.is_empty() || t != text {
            return Err(format!("not a decimal: {text:?}"));
        }
        let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
        let plain = unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && unsigned.bytes().filter(|&b| b == b'.').count() <= 1
            && unsigned.bytes().any(|b| b.is_ascii_digit());
        let value = if plain {
            // `Decimal` wants a digit on both sides of the point.
            let mut norm = String::with_capacity(t.len() + 2);
            if t.starts_with('-') {
                norm.push('-');
            }
            if unsigned.starts_with('.') {
                norm.push('0');
            }
            norm.push_str(unsigned.strip_suffix('.').unwrap_or(unsigned));
            Decimal::from_str_exact(&norm)
        } else if unsigned.contains(['e', 'E']) {
            Decimal::from_scientific(t)
        } else {
            return Err(format!("not a decimal: {text:?}"));
        };
        let value = value.map_err(|e| format!("not an exact decimal: {text:?} ({e})"))?;
        Ok(Amount {
            literal: text.to_owned(),
            value,
        })
    }

    /// Build from a JSON value: a string or a number, both kept as written.
    pub fn from_json(v: &serde_json::Value) -> Result<Amount, String> {
        match v {
            serde_json::Value::String(s) => Amount::parse(s),
            serde_json::Value::Number(n) => Amount::parse(n.as_str()),
            other => Err(format!("expected a decimal, found {other}")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.literal
    }

    pub fn value(&self) -> Decimal {
        self.value
    }
}

impl FromStr for Amount {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
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

    #[test]
    fn keeps_every_digit_of_strings_and_numbers() {
        let v: serde_json::Value = serde_json::from_str(
            r#"[100.00, "0.01500000", 1234567890.123456789012, 0.09872368, 1e-7]"#,
        )
        .unwrap();
        let got: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| Amount::from_json(x).unwrap().as_str().to_owned())
            .collect();
        assert_eq!(
            got,
            [
                "100.00",
                "0.01500000",
                "1234567890.123456789012",
                "0.09872368",
                "1e-7"
            ]
        );
        let tiny = Amount::from_json(&v[4]).unwrap();
        assert_eq!(tiny.value(), Decimal::from_str("0.0000001").unwrap());
        assert_eq!(Amount::parse("100.00").unwrap().value().scale(), 2);
    }

    #[test]
    fn accepts_noah_forms() {
        assert_eq!(Amount::parse(".5").unwrap().value(), Decimal::new(5, 1));
        assert_eq!(Amount::parse("5.").unwrap().value(), Decimal::new(5, 0));
        assert_eq!(
            Amount::parse("+10.1").unwrap().value(),
            Decimal::new(101, 1)
        );
        assert_eq!(Amount::parse("+10.1").unwrap().as_str(), "+10.1");
        assert_eq!(
            Amount::parse("-0.25").unwrap().value(),
            Decimal::new(-25, 2)
        );
    }

    #[test]
    fn rejects_what_is_not_exact() {
        for bad in [
            "",
            " 1",
            "1 ",
            "abc",
            "1.2.3",
            ".",
            "+",
            "1,5",
            "NaN",
            "0x10",
            "123456789012.123456789012345678", // 30 significant digits: would round
            "99999999999999999999999999999999", // beyond 2^96
        ] {
            assert!(Amount::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Amount::from_json(&serde_json::json!(true)).is_err());
        assert!(Amount::from_json(&serde_json::Value::Null).is_err());
    }

    #[test]
    fn serializes_as_string_literal() {
        let a = Amount::parse("0.01500000").unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), r#""0.01500000""#);
    }
}
