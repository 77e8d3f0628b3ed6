//! Helpers for reading provider JSON into the unified model without losing
//! a digit: every amount goes through [`Amount::from_json`] on the literal
//! text, and every field we do not map is kept verbatim.

use crate::error::{Error, Result};
use crate::money::Amount;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A provider's body as JSON, refused (exit 65) when it is not JSON or when
/// an object names a key twice: serde_json would keep the last one, and
/// `{"available":"1.00","available":"999.00"}` is not a balance we can vouch for.
/// One pass: the tree is built and checked together ([`Strict`]).
pub fn document(body: &[u8]) -> Result<Value> {
    serde_json::from_slice::<Strict>(body)
        .map(|Strict(v)| v)
        .map_err(|e| Error::bad_response(format!("response is not valid JSON ({e})")))
}

/// The key serde_json's `arbitrary_precision` uses to carry a number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number as serde_json hands it over: an owned string. The
/// same key written in a body gives a borrowed or escaped string instead.
struct NumberText(String);

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(NumberTextVisitor)
    }
}

struct NumberTextVisitor;

impl<'de> Visitor<'de> for NumberTextVisitor {
    type Value = NumberText;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number")
    }
    fn visit_string<E>(self, text: String) -> std::result::Result<Self::Value, E> {
        Ok(NumberText(text))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Self::Value, E> {
        Err(E::custom(format!(
            "an object with the reserved key {NUMBER_TOKEN:?}"
        )))
    }
}

/// A JSON value read the way serde_json's own `Value` is, except that an
/// object naming a key twice is an error rather than "the last one wins".
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(n))
    }
    // No `visit_f64`: with `arbitrary_precision` a number that is not an
    // integer arrives as its literal text (the map below), and serde's
    // default refuses a float, which would be a value already rounded.
    fn visit_str<E>(self, s: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> std::result::Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(v)) = seq.next_element::<Strict>()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_TOKEN {
                // serde_json's own way of passing a number's text: the only
                // key, its value an owned string. An object that merely names
                // this key in the body is refused (by `NumberText`, or here).
                let NumberText(text) = map.next_value()?;
                if !object.is_empty() {
                    return Err(de::Error::custom(format!(
                        "an object with the reserved key {NUMBER_TOKEN:?}"
                    )));
                }
                return text
                    .parse::<serde_json::Number>()
                    .map(Value::Number)
                    .map_err(de::Error::custom);
            }
            let Strict(value) = map.next_value()?;
            if let Some((key, _)) = object.get_key_value(&key) {
                return Err(de::Error::custom(format!(
                    "the key {} appears twice in one object",
                    crate::text::clip(key)
                )));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// A JSON object taken apart field by field; what is left over becomes
/// `provider_fields`.
pub struct Fields {
    what: &'static str,
    /// The fields in the provider's order; a field taken leaves a hole
    /// (`None`), so taking is a short scan with no shifting or hashing
    /// (records have a dozen fields, and most are taken).
    fields: Vec<(String, Option<Value>)>,
}

impl Fields {
    pub fn new(what: &'static str, v: Value) -> Result<Fields> {
        match v {
            Value::Object(map) => Ok(Fields {
                what,
                fields: map.into_iter().map(|(k, v)| (k, Some(v))).collect(),
            }),
            other => Err(Error::bad_response(format!(
                "{what}: expected an object, found {}",
                type_name(&other)
            ))),
        }
    }

    /// Remove a field that must be present (not null).
    pub fn take(&mut self, key: &str) -> Result<Value> {
        match self.remove(key) {
            Some(Value::Null) | None => Err(self.missing(key)),
            Some(v) => Ok(v),
        }
    }

    /// Whether a field is present and not null.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| !v.is_null())
    }

    pub fn take_opt(&mut self, key: &str) -> Option<Value> {
        self.remove(key).filter(|v| !v.is_null())
    }

    pub fn string(&mut self, key: &str) -> Result<String> {
        let v = self.take(key)?;
        self.as_string(key, v)
    }

    /// A currency code: a string that is not empty.
    pub fn currency(&mut self, key: &str) -> Result<String> {
        let code = self.string(key)?;
        if code.trim().is_empty() {
            return Err(Error::bad_response(format!(
                "{}.{key}: empty currency",
                self.what
            )));
        }
        Ok(code.to_uppercase())
    }

    pub fn currency_opt(&mut self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.currency(key).map(Some),
        }
    }

    pub fn string_opt(&mut self, key: &str) -> Result<Option<String>> {
        self.take_opt(key)
            .map(|v| self.as_string(key, v))
            .transpose()
    }

    /// A string or number rendered as text (ids are sometimes numbers).
    pub fn text_opt(&mut self, key: &str) -> Result<Option<String>> {
        match self.take_opt(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.as_str().to_owned())),
            Some(other) => Err(self.wrong(key, "a string or number", &other)),
        }
    }

    /// The text of a string or number field, left in place (it stays in
    /// `provider_fields` as sent); `None` for anything else, which is not
    /// an error: for fields whose name and type are guessed, not published.
    pub fn text_peek(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.as_str().to_owned()),
            _ => None,
        }
    }

    pub fn amount(&mut self, key: &str) -> Result<Amount> {
        let v = self.take(key)?;
        Amount::from_json(&v)
            .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what)).with_cause(e))
    }

    /// A timestamp: kept as the provider wrote it, after checking that it is one.
    pub fn timestamp_opt(&mut self, key: &str, form: crate::clock::Form) -> Result<Option<String>> {
        let Some(text) = self.string_opt(key)? else {
            return Ok(None);
        };
        crate::clock::Instant::parse(&text, form)
            .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what)).with_cause(e))?;
        Ok(Some(text))
    }

    /// Check that a field, if present, is an amount, and leave it in place
    /// (it goes to `provider_fields` as sent).
    pub fn amount_peek(&self, key: &str) -> Result<()> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(()),
            Some(v) => Amount::from_json(v)
                .map(drop)
                .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what))),
        }
    }

    pub fn amount_opt(&mut self, key: &str) -> Result<Option<Amount>> {
        self.take_opt(key)
            .map(|v| {
                Amount::from_json(&v).map_err(|e| {
                    Error::bad_response(format!("{}.{key}: {e}", self.what)).with_cause(e)
                })
            })
            .transpose()
    }

    pub fn object(&mut self, key: &str) -> Result<Fields> {
        let v = self.take(key)?;
        let what = self.what;
        Fields::new(what, v)
            .map_err(|_| Error::bad_response(format!("{what}.{key}: expected an object")))
    }

    pub fn array(&mut self, key: &str) -> Result<Vec<Value>> {
        match self.take(key)? {
            Value::Array(a) => Ok(a),
            other => Err(self.wrong(key, "an array", &other)),
        }
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(k, v)| k == key && v.is_some())
            .and_then(|(_, v)| v.as_ref())
    }

    fn remove(&mut self, key: &str) -> Option<Value> {
        self.fields
            .iter_mut()
            .find(|(k, v)| k == key && v.is_some())
            .and_then(|(_, v)| v.take())
    }

    /// Everything not taken, in the provider's order.
    pub fn rest(self) -> Map<String, Value> {
        self.fields
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect()
    }

    fn as_string(&self, key: &str, v: Value) -> Result<String> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(self.wrong(key, "a string", &other)),
        }
    }

    fn missing(&self, key: &str) -> Error {
        Error::bad_response(format!("{}: missing field `{key}`", self.what))
    }

    fn wrong(&self, key: &str, expected: &str, found: &Value) -> Error {
        Error::bad_response(format!(
            "{}.{key}: expected {expected}, found {}",
            self.what,
            type_name(found)
        ))
    }
}

/// `message (a; b; c)`: an error message with the provider's per-field details.
pub fn with_details(message: String, details: Vec<String>) -> String {
    if details.is_empty() {
        message
    } else {
        format!("{message} ({})", details.join("; "))
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        for bad in [
            r#"{"available":"1.00","available":"999.00"}"#,
            r#"{"balances":[{"a":1,"b":2,"a":3}]}"#,
            r#"[{"x":{"y":{"z":1,"z":1}}}]"#,
        ] {
            assert_eq!(
                document(bad.as_bytes()).unwrap_err().exit_code(),
                65,
                "{bad}"
            );
        }
        let v = document(br#"{"a":{"k":1},"b":{"k":1.50},"c":[{"k":1},{"k":2}]}"#).unwrap();
        assert_eq!(v["b"]["k"].to_string(), "1.50");
        assert_eq!(document(b"{\"a\":").unwrap_err().exit_code(), 65);
        // An object that names serde_json's private number key is not a number.
        for forged in [
            r#"{"amount":{"$serde_json::private::Number":"12.5"}}"#,
            r#"{"amount":{"\u0024serde_json::private::Number":"12.5"}}"#,
            r#"{"amount":{"$serde_json::private::Number":"1\u0032"}}"#,
        ] {
            assert_eq!(
                document(forged.as_bytes()).unwrap_err().exit_code(),
                65,
                "{forged}"
            );
        }
        let v = document(br#"{"amount":12.50,"n":[1e5,-0.0]}"#).unwrap();
        assert_eq!(v["amount"].to_string(), "12.50");
    }

    /// serde_json's `Value` reads an object keyed by its private raw-value
    /// token as the JSON inside the string, so a repeated key could hide
    /// there; ours keeps it as the plain object the body wrote.
    #[test]
    fn the_raw_value_token_is_only_a_key() {
        let body = br#"{"$serde_json::private::RawValue":"{\"available\":\"1.00\",\"available\":\"9.00\"}"}"#;
        let v = document(body).unwrap();
        let map = v.as_object().unwrap();
        assert_eq!(map.len(), 1);
        assert!(map["$serde_json::private::RawValue"].is_string());
    }

    /// serde_json's depth limit holds for our tree as for its own: a body
    /// nested 100,000 deep is a bad response, not a stack overflow.
    #[test]
    fn deep_nesting_is_refused() {
        for open in [b'[', b'{'] {
            let mut body = Vec::new();
            for _ in 0..100_000 {
                body.push(open);
                if open == b'{' {
                    body.extend_from_slice(b"\"k\":");
                }
            }
            assert_eq!(document(&body).unwrap_err().exit_code(), 65);
        }
    }

    #[test]
    fn leftovers_keep_order_and_digits() {
        let v: Value =
            serde_json::from_str(r#"{"b": 1.50, "id": 7, "a": {"x": 0.10}, "amount": "2.500"}"#)
                .unwrap();
        let mut f = Fields::new("rec", v).unwrap();
        assert_eq!(f.amount("amount").unwrap().as_str(), "2.500");
        assert_eq!(f.text_opt("id").unwrap().as_deref(), Some("7"));
        let rest = serde_json::to_string(&f.rest()).unwrap();
        assert_eq!(rest, r#"{"b":1.50,"a":{"x":0.10}}"#);
    }

    #[test]
    fn missing_and_mistyped_fields_are_bad_responses() {
        let v: Value = serde_json::from_str(r#"{"amount": "1.2.3", "n": null, "s": 5}"#).unwrap();
        let mut f = Fields::new("rec", v).unwrap();
        assert_eq!(f.amount("amount").unwrap_err().exit_code(), 65);
        assert_eq!(f.string("n").unwrap_err().exit_code(), 65);
        assert_eq!(f.string("s").unwrap_err().exit_code(), 65);
        assert_eq!(f.string("absent").unwrap_err().exit_code(), 65);
    }
}
