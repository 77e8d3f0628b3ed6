//! `providers::p100::parse_balances`: fiat then crypto, literals kept (JSON
//! numbers with exponents written out), leftovers verbatim; else exit 65.
#![no_main]
use balances::providers::p100;
use balances_fuzz::*;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match p100::parse_balances(data) {
        Err(e) => check_error(&e, "p100 balances"),
        Ok(items) => {
            let doc = document(data).expect("an accepted body passes the duplicate-key check");
            let src: Vec<&serde_json::Value> = ["fiatBalances", "cryptoBalances"]
                .iter()
                .flat_map(|k| doc[*k].as_array().expect("both lists are arrays"))
                .collect();
            assert_eq!(items.len(), src.len(), "a balance lost or invented");
            let keys = BalanceKeys {
                currency: "name",
                available: Some("amount"),
                total: None,
                pending: None,
                also: &["id", "status"],
            };
            for (b, s) in items.iter().zip(src) {
                check_balance(b, s, &keys, "p100 balance");
                assert_eq!(b.account_id.as_deref(), text_of(s.get("id")).as_deref(), "p100: id");
                assert_eq!(
                    b.status.as_deref(),
                    s.get("status").and_then(|v| v.as_str()),
                    "p100: status"
                );
            }
        }
    }
});
