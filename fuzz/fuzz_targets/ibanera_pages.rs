//! Ibanera pages: `ibanera::page_of` (with a page number from the first four
//! bytes) → every item through the `ACCOUNT_BALANCE`, `CARD_BALANCE` and
//! `TRANSACTION` mappings, each held to `json::document`'s tree of the same
//! body. Next page only while pages remain; balances keep their JSON-number
//! digits; a negative amount is money out.
#![no_main]
use balances::clock::Form;
use balances::providers::ibanera;
use balances_fuzz::*;
use serde_json::Value;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    // A page number as the pager asks for it: 1 or more (any u32 a cursor can name).
    let number = u32::from_le_bytes(data[..4].try_into().unwrap()).max(1);
    let body = &data[4..];
    let doc = match balances::json::document(body) {
        Ok(doc) => doc,
        Err(e) => {
            // What the tree reader refuses (a key twice, trailing bytes),
            // the page's own borrowed read refuses too.
            check_error(&e, "ibanera document");
            let page = ibanera::page_of(body, number, "item");
            let e = page.expect_err("ibanera: page_of took a body the tree reader refuses");
            return check_error(&e, "ibanera page_of");
        }
    };
    // Known finding 4: the page after u32::MAX overflows (`number + 1`).
    let beyond = doc.get("numberOfPages").and_then(|p| p.as_u64()) > Some(u64::from(u32::MAX));
    if skip_known("page after u32::MAX", number == u32::MAX && beyond) {
        return;
    }
    let failed = doc.get("status").is_some_and(|s| s.is_string() && s != "1");
    let page = match ibanera::page_of(body, number, "item") {
        Ok(page) => page,
        // A failed envelope is the provider's error (its kind from its code),
        // in the provider's words: capped and escaped where they are shown.
        Err(e) if failed => {
            let shown = e.to_json()["error"]["message"].as_str().unwrap().to_owned();
            // Escaped: no raw control reaches a terminal. Capped: at most each
            // character of the cap escaped (`\u{10ffff}`), and the cap's note.
            let raw = |c: char| {
                c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            };
            assert!(!shown.chars().any(raw), "ibanera: raw control in {shown:?}");
            let most = 10 * balances::text::MESSAGE_CHARS + 40;
            assert!(shown.chars().count() <= most, "ibanera: an uncapped envelope");
            return;
        }
        Err(e) => return check_error(&e, "ibanera page_of"),
    };
    let (items, next) = (page.items, page.next);
    assert_eq!(doc["status"], "1", "ibanera: a page of a failed envelope");
    let src = doc["details"].as_array().expect("details is an array");
    assert_eq!(items.len(), src.len(), "ibanera: items lost or invented");
    let pages = doc["numberOfPages"]
        .as_u64()
        .expect("numberOfPages is a whole number");
    assert!(
        pages >= 1 || items.len() == 0,
        "ibanera: items on a list of no pages"
    );
    let want = (u64::from(number) < pages).then(|| (u64::from(number) + 1).to_string());
    assert_eq!(next, want, "ibanera: next page of {number} of {pages}");
    assert_eq!(page.pages, pages, "ibanera: pages");
    for (f, s) in items.zip(src) {
        let f = match f {
            Ok(f) => f,
            Err(e) => {
                assert!(!s.is_object(), "ibanera: an object item refused: {e}");
                check_error(&e, "ibanera item");
                continue;
            }
        };
        let b = (ibanera::ACCOUNT_BALANCE.map)(f.clone());
        balance(b, s, "asset", &["id"], "ibanera account balance");
        let b = (ibanera::CARD_BALANCE.map)(f.clone());
        balance(b, s, "currency", &["id", "status"], "ibanera card balance");
        match (ibanera::TRANSACTION.map)(f) {
            Err(e) => check_error(&e, "ibanera transaction"),
            Ok(t) => transaction(&t, s),
        }
    }
});

fn balance(
    b: balances::error::Result<balances::model::Balance>,
    s: &Value,
    currency: &str,
    also: &[&str],
    what: &str,
) {
    let b = match b {
        Ok(b) => b,
        Err(e) => return check_error(&e, what),
    };
    let keys = BalanceKeys {
        currency,
        available: Some("availableBalance"),
        total: Some("totalBalance"),
        pending: Some("pendingBalance"),
        also,
    };
    assert!(
        b.available.is_some() || b.total.is_some() || b.pending.is_some(),
        "{what}: a balance with no amount"
    );
    check_balance(&b, s, &keys, what);
    assert_eq!(b.account_id.as_deref(), text_of(s.get("id")).as_deref(), "{what}: id");
}

/// The first of these keys that holds a string or number.
fn first<'a>(s: &'a Value, keys: &[&'a str]) -> Option<(&'a str, String)> {
    keys.iter()
        .find_map(|k| text_of(s.get(*k)).map(|t| (*k, t)))
}

fn transaction(t: &balances::model::Transaction, s: &Value) {
    let (id_key, id) = first(s, &["id", "transactionId", "transactionsId"]).expect("an id");
    assert_eq!(t.id.as_str(), id, "ibanera: id");
    let date = first(
        s,
        &["transactionDate", "date", "createdDate", "dateCreated"],
    );
    assert_eq!(
        t.created_at.as_deref(),
        date.as_ref().map(|d| d.1.as_str()),
        "ibanera: date"
    );
    if let Some(at) = &t.created_at {
        assert!(balances::clock::Timestamp::parse(at, Form::Iso8601Utc).is_ok());
    }
    let mut mapped = vec![id_key];
    mapped.extend(date.as_ref().map(|d| d.0));
    mapped.extend(first(s, &["transactionType", "type"]).map(|k| k.0));
    mapped.push("status");
    let present = |k: &str| s.get(k).is_some_and(|v| !v.is_null());
    if (present("currency") || present("asset")) && present("amount") {
        let ckey = if present("currency") {
            "currency"
        } else {
            "asset"
        };
        mapped.extend([ckey, "amount"]);
        let signed = expected_amount(&s["amount"]).expect("an accepted amount");
        let (negative, magnitude) = match signed.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, signed.strip_prefix('+').unwrap_or(&signed)),
        };
        let leg = if negative { &t.from } else { &t.to };
        let other = if negative { &t.to } else { &t.from };
        let leg = leg.as_ref().expect("the amount's leg");
        assert!(other.is_none(), "ibanera: both legs from one amount");
        assert_eq!(leg.amount.as_str(), magnitude, "ibanera: amount magnitude");
        check_amount(&leg.amount, "ibanera leg");
        check_currency(&leg.currency, s.get(ckey), "ibanera leg");
    } else {
        assert!(
            t.from.is_none() && t.to.is_none(),
            "ibanera: a leg without a currency"
        );
        if present("amount") {
            assert!(
                expected_amount(&s["amount"]).is_some(),
                "ibanera: unchecked amount"
            );
        }
    }
    check_rest(&t.provider_fields, s, &mapped, "ibanera transaction");
    serde_json::to_string(t).expect("a transaction serialises");
}
