//! The JSON text of the records a listing streams, written by hand: keys are
//! constants and a string is copied as it is up to the first byte that needs
//! escaping, so a record costs a few copies rather than a serializer's state
//! machine a field (a sixth of an export's instructions went to serde's).
//! Byte for byte what serde_json writes for the same record: a property
//! test holds the two to each other, and the serde derive stays the
//! reference (and the key order of the contract).

use crate::error::Result;
use crate::model::{Balance, Money, Transaction};
use crate::money::Amount;
use serde_json::{Map, Value};

/// serde_json refusing to encode: never our data (strings and maps only), so a bug.
pub(super) fn cannot_encode(e: serde_json::Error) -> crate::error::Error {
    crate::error::Error::internal(format!("cannot encode JSON: {e}"))
}

/// `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and the
/// control characters, those with a short form by it, the rest as `\u00XX`.
pub fn string(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        buf.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
                continue;
            }
        };
        buf.extend_from_slice(&[b'\\', short]);
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

/// A string or `null`.
pub fn opt_string(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn amount(buf: &mut Vec<u8>, a: Option<&Amount>) {
    opt_string(buf, a.map(Amount::as_str));
}

fn money(buf: &mut Vec<u8>, m: Option<&Money>) {
    let Some(m) = m else {
        return buf.extend_from_slice(b"null");
    };
    buf.extend_from_slice(b"{\"currency\":");
    string(buf, &m.currency);
    buf.extend_from_slice(b",\"amount\":");
    string(buf, m.amount.as_str());
    buf.push(b'}');
}

/// `provider_fields`, and the closing brace of the record. Most records
/// have none left over; the others go through serde_json as they are.
fn provider_fields_and_close(buf: &mut Vec<u8>, fields: &Map<String, Value>) -> Result<()> {
    buf.extend_from_slice(b",\"provider_fields\":");
    if fields.is_empty() {
        buf.extend_from_slice(b"{}");
    } else {
        serde_json::to_writer(&mut *buf, fields).map_err(cannot_encode)?;
    }
    buf.push(b'}');
    Ok(())
}

pub fn transaction(buf: &mut Vec<u8>, t: &Transaction) -> Result<()> {
    buf.extend_from_slice(b"{\"id\":");
    string(buf, &t.id);
    buf.extend_from_slice(b",\"created_at\":");
    opt_string(buf, t.created_at.as_deref());
    buf.extend_from_slice(b",\"type\":");
    opt_string(buf, t.kind.as_deref());
    buf.extend_from_slice(b",\"status\":");
    opt_string(buf, t.status.as_deref());
    buf.extend_from_slice(b",\"from\":");
    money(buf, t.from.as_ref());
    buf.extend_from_slice(b",\"to\":");
    money(buf, t.to.as_ref());
    buf.extend_from_slice(b",\"rate\":");
    amount(buf, t.rate.as_ref());
    buf.extend_from_slice(b",\"fee\":");
    money(buf, t.fee.as_ref());
    provider_fields_and_close(buf, &t.provider_fields)
}

pub fn balance(buf: &mut Vec<u8>, b: &Balance) -> Result<()> {
    buf.extend_from_slice(b"{\"currency\":");
    string(buf, &b.currency);
    buf.extend_from_slice(b",\"available\":");
    amount(buf, b.available.as_ref());
    buf.extend_from_slice(b",\"total\":");
    amount(buf, b.total.as_ref());
    buf.extend_from_slice(b",\"pending\":");
    amount(buf, b.pending.as_ref());
    buf.extend_from_slice(b",\"account_id\":");
    opt_string(buf, b.account_id.as_deref());
    buf.extend_from_slice(b",\"account_type\":");
    opt_string(buf, b.account_type.as_deref());
    buf.extend_from_slice(b",\"status\":");
    opt_string(buf, b.status.as_deref());
    provider_fields_and_close(buf, &b.provider_fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Any character, control characters and JSON's specials made common.
        prop_oneof![
            any::<String>(),
            "[\\x00-\\x20\"\\\\/a\u{7f}\u{e9}\u{2028}]{0,8}"
        ]
    }

    /// A model string: the same text.
    fn mtext() -> impl Strategy<Value = compact_str::CompactString> {
        text().prop_map(Into::into)
    }

    fn amount() -> impl Strategy<Value = Amount> {
        "-?[0-9]{1,30}(\\.[0-9]{0,20})?".prop_map(|s| Amount::parse(&s).unwrap())
    }

    fn money() -> impl Strategy<Value = Money> {
        (mtext(), amount()).prop_map(|(currency, amount)| Money { currency, amount })
    }

    fn fields() -> impl Strategy<Value = Map<String, Value>> {
        proptest::collection::vec((text(), text()), 0..3)
            .prop_map(|kv| kv.into_iter().map(|(k, v)| (k, Value::String(v))).collect())
    }

    proptest! {
        #[test]
        fn a_string_is_escaped_as_serde_json_escapes_it(s in text()) {
            let mut buf = Vec::new();
            string(&mut buf, &s);
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn a_transaction_is_written_as_serde_json_writes_it(
            (id, created_at, kind, status) in (mtext(), proptest::option::of(mtext()), proptest::option::of(mtext()), proptest::option::of(mtext())),
            (from, to, rate, fee) in (proptest::option::of(money()), proptest::option::of(money()), proptest::option::of(amount()), proptest::option::of(money())),
            provider_fields in fields(),
            subject in proptest::option::of(mtext()),
        ) {
            let t = Transaction { id, created_at, kind, status, from, to, rate, fee, provider_fields, subject };
            let mut buf = Vec::new();
            transaction(&mut buf, &t).unwrap();
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&t).unwrap());
        }

        #[test]
        fn a_balance_is_written_as_serde_json_writes_it(
            currency in mtext(),
            (available, total, pending) in (proptest::option::of(amount()), proptest::option::of(amount()), proptest::option::of(amount())),
            (account_id, account_type, status) in (proptest::option::of(mtext()), proptest::option::of(mtext()), proptest::option::of(mtext())),
            provider_fields in fields(),
        ) {
            let b = Balance { currency, available, total, pending, account_id, account_type, status, provider_fields };
            let mut buf = Vec::new();
            balance(&mut buf, &b).unwrap();
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&b).unwrap());
        }
    }
}
