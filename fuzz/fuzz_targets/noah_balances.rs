//! `providers::noah::parse_balances`: literals, currencies and leftovers
//! kept; the page token only on a non-empty page; anything else is exit 65.
#![no_main]
use balances::providers::noah;
use balances_fuzz::*;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match noah::parse_balances(data) {
        Err(e) => check_error(&e, "noah balances"),
        Ok((items, token)) => {
            let doc = document(data).expect("an accepted body passes the duplicate-key check");
            let src = doc["Items"].as_array().expect("`Items` is an array");
            assert_eq!(items.len(), src.len(), "a balance lost or invented");
            check_token(&doc, src.is_empty(), token.as_deref());
            let keys = BalanceKeys {
                currency: "CryptoCurrency",
                available: Some("Available"),
                total: Some("Total"),
                pending: None,
                also: &["AccountType"],
            };
            for (b, s) in items.iter().zip(src) {
                assert!(b.available.is_some(), "noah: Available is required");
                check_balance(b, s, &keys, "noah balance");
                assert_eq!(
                    b.account_type.as_deref(),
                    s.get("AccountType").and_then(|v| v.as_str()),
                    "noah: AccountType"
                );
            }
        }
    }
});

/// An absent, null or empty token, or an empty page, ends the list.
fn check_token(doc: &serde_json::Value, empty: bool, token: Option<&str>) {
    let sent = doc.get("PageToken").and_then(|t| t.as_str());
    let want = sent.filter(|t| !t.is_empty() && !empty);
    assert_eq!(token, want, "noah: PageToken");
}
