//! The one way provider JSON is read, at the bottom of the house: every
//! body, error envelopes included, goes through a reader that refuses a key
//! named twice at any depth ([`document`] builds a tree, [`Json`] borrows
//! from the body, [`Listing`] finds a page's items without building them).
//! Amounts go through [`Amount::from_json`] on the literal text, and every
//! field the model has no place for is kept verbatim ([`Fields::rest`]).

use crate::error::{Error, Result};
use crate::money::Amount;
use compact_str::CompactString;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;

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
                    crate::text::quote(key)
                )));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// A body's text, checked as UTF-8 in one pass before it is read as JSON:
/// serde_json then reads it as `str` and does not check each string again
/// (a check per string cost 6% of an export, most of it per-call overhead on
/// short strings). JSON is UTF-8 (RFC 8259 §8.1), so nothing valid is refused.
fn utf8<'de>(what: &str, body: &'de [u8]) -> Result<&'de str> {
    std::str::from_utf8(body).map_err(|e| {
        Error::bad_response(format!(
            "{what} is not valid JSON (not UTF-8 at byte {})",
            e.valid_up_to()
        ))
    })
}

/// A JSON value read from a provider's body without building a
/// `serde_json::Value` tree: strings without escapes and every key without
/// one borrow from the body, and an object is a list of its fields in the
/// provider's order, so a record costs a few allocations, not one per field
/// and a hash map. Read in one pass that refuses a repeated key at any depth,
/// as [`document`] does (a property test holds the two to each other).
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'de> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'de, str>),
    Array(Vec<Json<'de>>),
    Object(Vec<(Cow<'de, str>, Json<'de>)>),
}

impl<'de> Json<'de> {
    /// A body, refused (exit 65) as [`document`] refuses one.
    pub fn read(body: &'de [u8]) -> Result<Json<'de>> {
        serde_json::from_str::<Json>(utf8("response", body)?)
            .map_err(|e| Error::bad_response(format!("response is not valid JSON ({e})")))
    }

    /// The same value as a `serde_json::Value`, for `provider_fields`.
    pub fn into_value(self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(b),
            Json::Number(n) => Value::Number(n),
            Json::String(s) => Value::String(s.into_owned()),
            Json::Array(items) => Value::Array(items.into_iter().map(Json::into_value).collect()),
            Json::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.into_owned(), v.into_value()))
                    .collect(),
            ),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// What a body says at the top level under an envelope's `key`.
#[derive(Debug)]
pub enum TopField<'de> {
    /// Not a JSON object, or an object without `key`.
    Absent,
    /// Its value, read strictly (a key twice inside it is refused).
    Present(Json<'de>),
    /// `key` given twice, or a value of it that names a key twice: an
    /// envelope that cannot be believed, and so never a success either.
    Ambiguous,
}

/// The field `key` of a body that is a JSON object. Every response of a
/// provider that may send its errors with HTTP 200 is asked this, so the
/// rest of the body is only skipped, not read: its own strictness is the
/// business of whoever reads it (the listings refuse a key twice anywhere).
pub fn top_field<'de>(body: &'de [u8], key: &str) -> TopField<'de> {
    let found = std::cell::Cell::new(false);
    // Once the key is found, any flaw in the syntax after it (a second
    // one, a trailing comma, a cut body) makes an envelope not to be believed.
    let mut de = serde_json::Deserializer::from_slice(body);
    let read = de::DeserializeSeed::deserialize(TopFieldSeed(key, &found), &mut de)
        .and_then(|field| de.end().map(|()| field));
    match read {
        Ok(field) => field,
        Err(_) if found.get() => TopField::Ambiguous,
        Err(_) => TopField::Absent,
    }
}

/// The key looked for, and where to say it was met: past that point a
/// failed read (a second one, a bad value, a flaw further on) is
/// [`TopField::Ambiguous`].
struct TopFieldSeed<'k>(&'k str, &'k std::cell::Cell<bool>);

impl<'de> de::DeserializeSeed<'de> for TopFieldSeed<'_> {
    type Value = TopField<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopFieldSeed<'_> {
    type Value = TopField<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Ok(TopField::Absent)
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<Self::Value, E> {
        Ok(TopField::Absent)
    }
    fn visit_u64<E>(self, _: u64) -> std::result::Result<Self::Value, E> {
        Ok(TopField::Absent)
    }
    fn visit_str<E>(self, _: &str) -> std::result::Result<Self::Value, E> {
        Ok(TopField::Absent)
    }
    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(TopField::Absent)
    }
    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(TopField::Absent)
    }
    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut found = TopField::Absent;
        let mut first = true;
        while let Some(Key(k)) = map.next_key::<Key>()? {
            if k == NUMBER_TOKEN {
                if first {
                    // A number's text (serde_json's arbitrary precision): not an object.
                    map.next_value::<de::IgnoredAny>()?;
                    return Ok(TopField::Absent);
                }
                return Err(de::Error::custom(format!(
                    "an object with the reserved key {NUMBER_TOKEN:?}"
                )));
            }
            first = false;
            if k != self.0 {
                map.next_value::<de::IgnoredAny>()?;
                continue;
            }
            if self.1.replace(true) {
                return Err(de::Error::custom("the envelope's key twice"));
            }
            found = TopField::Present(map.next_value::<Json>()?);
        }
        Ok(found)
    }
}

/// The error for an [`TopField::Ambiguous`] envelope.
pub fn ambiguous_envelope(provider: &str, status: u16) -> Error {
    Error::bad_response(format!(
        "the {provider} response names a key twice: its error envelope cannot be believed"
    ))
    .with_status(status)
}

impl From<Value> for Json<'static> {
    fn from(v: Value) -> Self {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(s) => Json::String(Cow::Owned(s)),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(map) => Json::Object(
                map.into_iter()
                    .map(|(k, v)| (Cow::Owned(k), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor(Capture::Nothing))
    }
}

/// Items of an array left in the body: each one's text, syntax checked.
type Spans<'de> = Vec<&'de serde_json::value::RawValue>;

/// What a [`JsonVisitor`] leaves in the body rather than reading (see [`Listing`]).
enum Capture<'a, 'de> {
    Nothing,
    /// In an object: the arrays under these keys, each into its place.
    Fields(&'a [&'a str], &'a mut [Option<Spans<'de>>]),
    /// This value, if it is an array: its items.
    Items(&'a mut Option<Spans<'de>>),
}

/// A [`Json`] read with a [`Capture`].
struct JsonSeed<'a, 'de>(Capture<'a, 'de>);

impl<'de> de::DeserializeSeed<'de> for JsonSeed<'_, 'de> {
    type Value = Json<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Json<'de>, D::Error> {
        d.deserialize_any(JsonVisitor(self.0))
    }
}

/// A key, borrowed from the body unless it had to be unescaped.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> std::result::Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> std::result::Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> std::result::Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s)))
    }
}

/// Objects up to this many fields are checked for a repeated key by a scan;
/// larger ones by a set, so a hostile object of a million keys stays linear.
const SCAN_KEYS: usize = 16;

struct JsonVisitor<'a, 'de>(Capture<'a, 'de>);

impl<'de> Visitor<'de> for JsonVisitor<'_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> std::result::Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> std::result::Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> std::result::Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }
    // No `visit_f64`, for the reason given on `StrictVisitor`.
    fn visit_borrowed_str<E>(self, s: &'de str) -> std::result::Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> std::result::Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> std::result::Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }
    fn visit_unit<E>(self) -> std::result::Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Json<'de>, A::Error> {
        if let Capture::Items(out) = self.0 {
            // Found, and their syntax checked, but not read: see `Listing`.
            let mut spans = Vec::new();
            while let Some(raw) = seq.next_element::<&'de serde_json::value::RawValue>()? {
                spans.push(raw);
            }
            *out = Some(spans);
            return Ok(Json::Array(Vec::new()));
        }
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element::<Json>()? {
            items.push(v);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Json<'de>, A::Error> {
        let mut fields: Vec<(Cow<'de, str>, Json<'de>)> = Vec::new();
        let mut large: Option<HashSet<Cow<'de, str>>> = None;
        let (lists, outs) = match self.0 {
            Capture::Fields(keys, outs) => (keys, outs),
            _ => (&[][..], &mut [][..]),
        };
        while let Some(Key(key)) = map.next_key::<Key>()? {
            if key == NUMBER_TOKEN {
                // As in `StrictVisitor`: serde_json passing a number's text.
                let NumberText(text) = map.next_value()?;
                if !fields.is_empty() {
                    return Err(de::Error::custom(format!(
                        "an object with the reserved key {NUMBER_TOKEN:?}"
                    )));
                }
                return text
                    .parse::<serde_json::Number>()
                    .map(Json::Number)
                    .map_err(de::Error::custom);
            }
            let value = match lists.iter().position(|list| key == *list) {
                Some(i) => map.next_value_seed(JsonSeed(Capture::Items(&mut outs[i])))?,
                None => map.next_value::<Json>()?,
            };
            let repeated = match &mut large {
                Some(set) => !set.insert(key.clone()),
                None => fields.iter().any(|(k, _)| *k == key),
            };
            if repeated {
                return Err(de::Error::custom(format!(
                    "the key {} appears twice in one object",
                    crate::text::quote(&key)
                )));
            }
            if large.is_none() && fields.len() == SCAN_KEYS {
                large = Some(
                    fields
                        .iter()
                        .map(|(k, _)| k.clone())
                        .chain([key.clone()])
                        .collect(),
                );
            }
            fields.push((key, value));
        }
        Ok(Json::Object(fields))
    }
}

/// A JSON object taken apart field by field; what is left over becomes
/// `provider_fields`.
#[derive(Clone)]
pub struct Fields<'de> {
    what: &'static str,
    /// The fields in the provider's order; a field taken leaves a hole
    /// (`None`), so taking is a short scan with no shifting or hashing
    /// (records have a dozen fields, and most are taken).
    fields: Vec<(Cow<'de, str>, Option<Json<'de>>)>,
}

impl Fields<'static> {
    /// An object already read as a `serde_json::Value`.
    pub fn new(what: &'static str, v: Value) -> Result<Fields<'static>> {
        Fields::from_json(what, Json::from(v))
    }
}

impl<'de> Fields<'de> {
    /// A body that must be a JSON object, read in one pass (see [`Json`]).
    pub fn read(what: &'static str, body: &'de [u8]) -> Result<Fields<'de>> {
        Fields::from_json(what, Json::read(body)?)
    }

    /// One item of a [`Listing`], read when it is reached: its syntax was
    /// checked with the body's, and a repeated key is found here. It is an
    /// element of a list under a top-level key, two levels down: read alone,
    /// it is held to what serde_json's nesting limit leaves it in the body.
    pub fn item(what: &'static str, text: &'de [u8]) -> Result<Fields<'de>> {
        if nesting(text) > ITEM_NESTING {
            return Err(Error::bad_response(format!(
                "{what}: not valid JSON (recursion limit exceeded)"
            )));
        }
        let v = serde_json::from_str::<Json>(utf8(what, text)?)
            .map_err(|e| Error::bad_response(format!("{what}: not valid JSON ({e})")))?;
        Fields::from_json(what, v)
    }

    pub fn from_json(what: &'static str, v: Json<'de>) -> Result<Fields<'de>> {
        match v {
            Json::Object(fields) => Ok(Fields {
                what,
                fields: fields.into_iter().map(|(k, v)| (k, Some(v))).collect(),
            }),
            other => Err(Error::bad_response(format!(
                "{what}: expected an object, found {}",
                other.type_name()
            ))),
        }
    }

    /// Remove a field that must be present (not null).
    pub fn take(&mut self, key: &str) -> Result<Value> {
        self.take_json(key).map(Json::into_value)
    }

    fn take_json(&mut self, key: &str) -> Result<Json<'de>> {
        match self.remove(key) {
            Some(Json::Null) | None => Err(self.missing(key)),
            Some(v) => Ok(v),
        }
    }

    /// Whether a field is present and not null.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| !v.is_null())
    }

    /// What the object is, as its errors name it.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// Remove a field whatever it holds, `null` included.
    pub fn take_any(&mut self, key: &str) -> Option<Value> {
        self.remove(key).map(Json::into_value)
    }

    pub fn take_opt(&mut self, key: &str) -> Option<Value> {
        self.take_json_opt(key).map(Json::into_value)
    }

    fn take_json_opt(&mut self, key: &str) -> Option<Json<'de>> {
        self.remove(key).filter(|v| !v.is_null())
    }

    pub fn string(&mut self, key: &str) -> Result<CompactString> {
        let v = self.take_json(key)?;
        self.as_string(key, v)
    }

    /// A currency code: a string that is not empty.
    pub fn currency(&mut self, key: &str) -> Result<CompactString> {
        let code = self.string(key)?;
        if code.trim().is_empty() {
            return Err(Error::bad_response(format!(
                "{}.{key}: empty currency",
                self.what
            )));
        }
        // Most codes arrive upper-case already: keep the string, don't copy it.
        if code
            .bytes()
            .all(|b| !b.is_ascii_lowercase() && b.is_ascii())
        {
            return Ok(code);
        }
        Ok(code.as_str().to_uppercase().into())
    }

    pub fn currency_opt(&mut self, key: &str) -> Result<Option<CompactString>> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(_) => self.currency(key).map(Some),
        }
    }

    pub fn string_opt(&mut self, key: &str) -> Result<Option<CompactString>> {
        self.take_json_opt(key)
            .map(|v| self.as_string(key, v))
            .transpose()
    }

    /// A string or number rendered as text (ids are sometimes numbers).
    pub fn text_opt(&mut self, key: &str) -> Result<Option<CompactString>> {
        match self.take_json_opt(key) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(CompactString::from(s))),
            Some(Json::Number(n)) => Ok(Some(n.as_str().into())),
            Some(other) => Err(self.wrong(key, "a string or number", &other)),
        }
    }

    /// The text of a string or number field, left in place (it stays in
    /// `provider_fields` as sent); `None` for anything else, which is not
    /// an error: for fields whose name and type are guessed, not published.
    pub fn text_peek(&self, key: &str) -> Option<CompactString> {
        match self.get(key)? {
            Json::String(s) => Some(s.as_ref().into()),
            Json::Number(n) => Some(n.as_str().into()),
            _ => None,
        }
    }

    pub fn amount(&mut self, key: &str) -> Result<Amount> {
        let v = self.take_json(key)?;
        self.to_amount(key, &v)
    }

    /// A timestamp: kept as the provider wrote it, after checking that it is one.
    pub fn timestamp_opt(
        &mut self,
        key: &str,
        form: crate::clock::Form,
    ) -> Result<Option<CompactString>> {
        let Some(text) = self.string_opt(key)? else {
            return Ok(None);
        };
        crate::clock::Timestamp::parse(&text, form)
            .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what)).with_cause(e))?;
        Ok(Some(text))
    }

    /// Check that a field, if present, is an amount, and leave it in place
    /// (it goes to `provider_fields` as sent).
    pub fn amount_peek(&self, key: &str) -> Result<()> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(()),
            Some(v) => amount_of(v)
                .map(drop)
                .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what))),
        }
    }

    pub fn amount_opt(&mut self, key: &str) -> Result<Option<Amount>> {
        self.take_json_opt(key)
            .map(|v| self.to_amount(key, &v))
            .transpose()
    }

    pub fn object(&mut self, key: &str) -> Result<Fields<'de>> {
        let v = self.take_json(key)?;
        self.as_object(key, v)
    }

    /// An object field, if present and not null, taken apart as a `what`.
    pub fn object_opt(&mut self, key: &str, what: &'static str) -> Result<Option<Fields<'de>>> {
        self.take_json_opt(key)
            .map(|v| Fields::from_json(what, v))
            .transpose()
    }

    pub fn array(&mut self, key: &str) -> Result<Vec<Value>> {
        Ok(self
            .json_array(key)?
            .into_iter()
            .map(Json::into_value)
            .collect())
    }

    /// An array of objects, each taken apart as a `what` when it is reached:
    /// an item that is not an object is reported in its turn, after the
    /// problems of the items before it, as when each was read on its own.
    pub fn records(&mut self, key: &str, what: &'static str) -> Result<Records<'de>> {
        Ok(Records {
            what,
            items: self.json_array(key)?.into_iter(),
        })
    }

    fn json_array(&mut self, key: &str) -> Result<Vec<Json<'de>>> {
        match self.take_json(key)? {
            Json::Array(a) => Ok(a),
            other => Err(self.wrong(key, "an array", &other)),
        }
    }

    fn get(&self, key: &str) -> Option<&Json<'de>> {
        self.fields
            .iter()
            .find(|(k, v)| k == key && v.is_some())
            .and_then(|(_, v)| v.as_ref())
    }

    fn remove(&mut self, key: &str) -> Option<Json<'de>> {
        self.fields
            .iter_mut()
            .find(|(k, v)| k == key && v.is_some())
            .and_then(|(_, v)| v.take())
    }

    /// Everything not taken, in the provider's order.
    pub fn rest(self) -> Map<String, Value> {
        if self.fields.iter().all(|(_, v)| v.is_none()) {
            // The usual case (every field mapped): no map to build.
            return Map::new();
        }
        self.fields
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.into_owned(), v.into_value())))
            .collect()
    }

    fn as_string(&self, key: &str, v: Json<'de>) -> Result<CompactString> {
        match v {
            // Inline up to 24 bytes, else one allocation: never two copies.
            Json::String(s) => Ok(CompactString::from(s)),
            other => Err(self.wrong(key, "a string", &other)),
        }
    }

    fn as_object(&self, key: &str, v: Json<'de>) -> Result<Fields<'de>> {
        let what = self.what;
        Fields::from_json(what, v)
            .map_err(|_| Error::bad_response(format!("{what}.{key}: expected an object")))
    }

    fn to_amount(&self, key: &str, v: &Json<'de>) -> Result<Amount> {
        amount_of(v)
            .map_err(|e| Error::bad_response(format!("{}.{key}: {e}", self.what)).with_cause(e))
    }

    fn missing(&self, key: &str) -> Error {
        Error::bad_response(format!("{}: missing field `{key}`", self.what))
    }

    fn wrong(&self, key: &str, expected: &str, found: &Json<'de>) -> Error {
        Error::bad_response(format!(
            "{}.{key}: expected {expected}, found {}",
            self.what,
            found.type_name()
        ))
    }
}

/// The items of an array field, as [`Fields`] (see [`Fields::records`]).
#[derive(Debug)]
pub struct Records<'de> {
    what: &'static str,
    items: std::vec::IntoIter<Json<'de>>,
}

impl<'de> Iterator for Records<'de> {
    type Item = Result<Fields<'de>>;
    fn next(&mut self) -> Option<Self::Item> {
        self.items.next().map(|v| Fields::from_json(self.what, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl ExactSizeIterator for Records<'_> {}

/// A body whose lists of records, the arrays under some keys, stay in the
/// body: their items are found and their syntax checked in the one pass that
/// reads the rest, and each is read when it is reached ([`Fields::item`]).
/// A 28 MB body of 400,000 balances then costs the body and 16 bytes an
/// item, not 400,000 trees and records at once.
pub struct Listing<'de> {
    pub doc: Fields<'de>,
    /// The body, checked as UTF-8 by [`Listing::read`].
    body: &'de str,
    keys: &'static [&'static str],
    spans: Vec<Option<Spans<'de>>>,
}

impl<'de> Listing<'de> {
    /// `body`, which must be an object, with its arrays under `keys` left in it.
    pub fn read(
        what: &'static str,
        body: &'de [u8],
        keys: &'static [&'static str],
    ) -> Result<Listing<'de>> {
        let mut spans: Vec<Option<Spans>> = keys.iter().map(|_| None).collect();
        let body = utf8("response", body)?;
        let mut de = serde_json::Deserializer::from_str(body);
        let seed = JsonSeed(Capture::Fields(keys, &mut spans));
        let doc = de::DeserializeSeed::deserialize(seed, &mut de)
            .and_then(|doc| de.end().map(|()| doc))
            .map_err(|e| Error::bad_response(format!("response is not valid JSON ({e})")))?;
        Ok(Listing {
            doc: Fields::from_json(what, doc)?,
            body,
            keys,
            spans,
        })
    }

    /// The body's text (checked once, so an item read from it is not
    /// checked again). An item's span starts and ends at one of JSON's
    /// ASCII delimiters, so it is a slice of this text too.
    pub fn text(&self) -> &'de str {
        self.body
    }

    /// Where each item under `key` (one of the keys read with) is in the
    /// body, in order. A missing list, or one that is not an array, is
    /// reported as [`Fields::records`] reports it.
    pub fn items(&mut self, key: &str) -> Result<Vec<std::ops::Range<usize>>> {
        let found = self.keys.iter().position(|k| *k == key);
        let Some(spans) = found.and_then(|i| self.spans[i].take()) else {
            // An array under one of the keys is always left in the body
            // above; what is here is a missing field or a value of another type.
            return self.doc.records(key, "").map(|_| Vec::new());
        };
        self.doc.remove(key);
        let start = self.body.as_ptr() as usize;
        Ok(spans
            .into_iter()
            .map(|raw| {
                // Borrowed from the body: its offset is where it starts there.
                let at = raw.get().as_ptr() as usize - start;
                at..at + raw.get().len()
            })
            .collect())
    }
}

/// The deepest nesting of arrays and objects an item of a [`Listing`] may
/// have: serde_json refuses a document that opens its 128th, and the body
/// and its list are two.
const ITEM_NESTING: usize = 125;

/// How deep arrays and objects nest in `text` (valid JSON), at most.
fn nesting(text: &[u8]) -> usize {
    // Each level takes two bytes at least: a short item cannot be too deep.
    if text.len() <= 2 * ITEM_NESTING {
        return 0;
    }
    let (mut depth, mut deepest) = (0usize, 0usize);
    crate::text::json_bytes(text, |b, in_string| match b {
        _ if in_string => {}
        b'[' | b'{' => {
            depth += 1;
            deepest = deepest.max(depth);
        }
        b']' | b'}' => depth = depth.saturating_sub(1),
        _ => {}
    });
    deepest
}

/// An amount from a JSON string or number, as [`Amount::from_json`] reads one.
fn amount_of(v: &Json<'_>) -> std::result::Result<Amount, crate::money::AmountError> {
    match v {
        Json::String(s) => Amount::parse(s),
        Json::Number(n) => Amount::from_number_text(n.as_str()),
        other => Err(crate::money::AmountError::NotANumber(other.type_name())),
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

#[cfg(test)]
mod tests {
    #[test]
    fn an_envelope_key_is_found_strictly_and_the_rest_skipped() {
        let top = |body: &str| match top_field(body.as_bytes(), "errorCode") {
            TopField::Absent => "absent".to_owned(),
            TopField::Present(v) => v.into_value().to_string(),
            TopField::Ambiguous => "ambiguous".to_owned(),
        };
        assert_eq!(top(r#"{"errorCode":"P412","data":{"a":1}}"#), r#""P412""#);
        // A key twice elsewhere is for the reader of the body to refuse.
        assert_eq!(
            top(r#"{"errorCode":"P412","data":{"a":1,"a":1}}"#),
            r#""P412""#
        );
        assert_eq!(top(r#"{"errorCode":"P412","errorCode":null}"#), "ambiguous");
        assert_eq!(top(r#"{"errorCode":{"x":1,"x":2}}"#), "ambiguous");
        for absent in [
            r#"{"data":[1,{"errorCode":1}]}"#,
            "[1]",
            "12",
            r#""x""#,
            "{",
            "",
        ] {
            assert_eq!(top(absent), "absent", "{absent}");
        }
        assert_eq!(top(r#"{"errorCode":1.50}"#), "1.50");
        // Found, then a flaw further on: not an envelope to believe, nor a success.
        for flawed in [
            r#"{"errorCode":"P412","$serde_json::private::Number":"1"}"#,
            r#"{"fiatBalances":[],"errorCode":"P412",}"#,
            r#"{"errorCode":"P412","x":"#,
            r#"{"errorCode":"P412"} trailing"#,
        ] {
            assert_eq!(top(flawed), "ambiguous", "{flawed}");
        }
        // What is skipped is not checked (bad UTF-8 in a string): the code
        // found still makes it an error, never a success.
        let bad_utf8 = b"{\"errorCode\":\"P412\",\"x\":\"\xff\"}";
        assert!(matches!(
            top_field(bad_utf8, "errorCode"),
            TopField::Present(_)
        ));
    }

    use super::*;

    /// Both readers, as one: the tree for error envelopes, the borrowed
    /// reader for pages. Each must refuse and read exactly what the other does.
    fn both(body: &[u8]) -> Result<Value> {
        let tree = document(body);
        let borrowed = Json::read(body).map(Json::into_value);
        match (&tree, &borrowed) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_string(a).unwrap(),
                serde_json::to_string(b).unwrap()
            ),
            (Err(a), Err(b)) => assert_eq!(a.exit_code(), b.exit_code()),
            _ => panic!(
                "the readers disagree on {:?}",
                String::from_utf8_lossy(body)
            ),
        }
        tree
    }

    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        let many: String = (0..40).map(|i| format!("\"k{i}\":{i},")).collect();
        for bad in [
            r#"{"available":"1.00","available":"999.00"}"#.to_owned(),
            r#"{"balances":[{"a":1,"b":2,"a":3}]}"#.to_owned(),
            r#"[{"x":{"y":{"z":1,"z":1}}}]"#.to_owned(),
            r#"{"a":1,"\u0061":2}"#.to_owned(),
            // Past the scan: a large object is checked by a set.
            format!("{{{many}\"k3\":0}}"),
            format!("{{{many}\"late\":0,\"late\":1}}"),
        ] {
            assert_eq!(both(bad.as_bytes()).unwrap_err().exit_code(), 65, "{bad}");
        }
        let v = both(format!("{{{many}\"last\":0}}").as_bytes()).unwrap();
        assert_eq!(v.as_object().unwrap().len(), 41);
        let v = both(br#"{"a":{"k":1},"b":{"k":1.50},"c":[{"k":1},{"k":2}]}"#).unwrap();
        assert_eq!(v["b"]["k"].to_string(), "1.50");
        assert_eq!(both(b"{\"a\":").unwrap_err().exit_code(), 65);
        // An object that names serde_json's private number key is not a number.
        for forged in [
            r#"{"amount":{"$serde_json::private::Number":"12.5"}}"#,
            r#"{"amount":{"\u0024serde_json::private::Number":"12.5"}}"#,
            r#"{"amount":{"$serde_json::private::Number":"1\u0032"}}"#,
            r#"{"amount":{"x":1,"$serde_json::private::Number":"12"}}"#,
            r#"{"amount":{"$serde_json::private::Number":12}}"#,
        ] {
            assert_eq!(
                both(forged.as_bytes()).unwrap_err().exit_code(),
                65,
                "{forged}"
            );
        }
        let v = both(br#"{"amount":12.50,"n":[1e5,-0.0]}"#).unwrap();
        assert_eq!(v["amount"].to_string(), "12.50");
    }

    /// Strings and keys without escapes are borrowed from the body; the
    /// others are unescaped, and read the same.
    #[test]
    fn the_borrowed_reader_borrows_what_it_can() {
        let body = br#"{"plain":"abc","esc\u0061ped":"a\nb"}"#;
        let Json::Object(fields) = Json::read(body).unwrap() else {
            panic!("an object")
        };
        assert!(matches!(&fields[0].0, Cow::Borrowed("plain")));
        assert!(matches!(&fields[0].1, Json::String(Cow::Borrowed("abc"))));
        assert!(matches!(&fields[1].0, Cow::Owned(k) if k == "escaped"));
        assert!(matches!(&fields[1].1, Json::String(Cow::Owned(v)) if v == "a\nb"));
    }

    /// serde_json's `Value` reads an object keyed by its private raw-value
    /// token as the JSON inside the string, so a repeated key could hide
    /// there; ours keeps it as the plain object the body wrote.
    #[test]
    fn the_raw_value_token_is_only_a_key() {
        let body = br#"{"$serde_json::private::RawValue":"{\"available\":\"1.00\",\"available\":\"9.00\"}"}"#;
        let v = both(body).unwrap();
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
            assert_eq!(both(&body).unwrap_err().exit_code(), 65);
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
