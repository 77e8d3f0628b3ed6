//! `providers::boca::parse_balances`: every balance keeps its literals, its
//! currency, and every unmapped field verbatim; anything else is exit 65.
#![no_main]
use balances::providers::boca;
use balances_fuzz::*;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match boca::parse_balances(data) {
        Err(e) => check_error(&e, "boca balances"),
        Ok(items) => {
            let doc = document(data).expect("an accepted body passes the duplicate-key check");
            let src = doc["balances"].as_array().expect("`balances` is an array");
            assert_eq!(items.len(), src.len(), "a balance lost or invented");
            let keys = BalanceKeys {
                currency: "currency",
                available: Some("available"),
                total: Some("total"),
                pending: None,
                also: &[],
            };
            for (b, s) in items.iter().zip(src) {
                assert!(b.available.is_some(), "boca: available is required");
                check_balance(b, s, &keys, "boca balance");
            }
        }
    }
});
