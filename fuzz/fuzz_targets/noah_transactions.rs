//! `providers::noah::parse_transactions`: Amount becomes a leg only with a
//! currency and a direction (In: to, Out: from), NetworkFee a fee only with
//! a currency; otherwise they stay, checked, in provider_fields. Else exit 65.
#![no_main]
use balances::clock::Form;
use balances::providers::noah;
use balances_fuzz::*;
use serde_json::Value;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match noah::parse_transactions(data) {
        Err(e) => check_error(&e, "noah transactions"),
        Ok((items, _token)) => {
            let doc = document(data).expect("an accepted body passes the duplicate-key check");
            let src = doc["Items"].as_array().expect("`Items` is an array");
            assert_eq!(items.len(), src.len(), "a transaction lost or invented");
            for (t, s) in items.iter().zip(src) {
                assert_eq!(Some(t.id.to_string()), text_of(s.get("ID")), "noah: ID");
                check_created_at(t, s.get("Created"), Form::Rfc3339);
                assert_eq!(t.status.as_deref(), s.get("Status").and_then(Value::as_str));
                let direction = s.get("Direction").and_then(Value::as_str);
                assert_eq!(t.kind.as_deref(), direction.map(str::to_lowercase).as_deref(), "noah: kind");
                let currency = s.get("CryptoCurrency").filter(|v| !v.is_null());
                let amount = s.get("Amount").filter(|v| !v.is_null());
                let mut mapped = vec!["ID", "Created", "Status", "Direction", "CryptoCurrency"];
                let (want_from, want_to) = match (direction, currency) {
                    (Some("In"), Some(_)) => (None, amount),
                    (Some("Out"), Some(_)) => (amount, None),
                    _ => (None, None),
                };
                if currency.is_some() && matches!(direction, Some("In" | "Out")) {
                    mapped.push("Amount");
                }
                for (leg, want, name) in [(&t.from, want_from, "from"), (&t.to, want_to, "to")] {
                    match (leg, want) {
                        (None, None) => {}
                        (Some(m), Some(a)) => check_money(m, Some(a), currency, name),
                        (a, b) => panic!("noah leg {name}: {a:?} from {b:?}"),
                    }
                }
                let fee = s.get("NetworkFee").filter(|v| !v.is_null());
                if currency.is_some() {
                    mapped.push("NetworkFee");
                    match (&t.fee, fee) {
                        (None, None) => {}
                        (Some(m), Some(a)) => check_money(m, Some(a), currency, "fee"),
                        (a, b) => panic!("noah fee: {a:?} from {b:?}"),
                    }
                } else {
                    assert!(t.fee.is_none(), "noah: a fee without a currency");
                }
                // What stays in provider_fields as sent was still checked to be an amount.
                for key in ["Amount", "NetworkFee"] {
                    if let Some(v) = t.provider_fields.get(key).filter(|v| !v.is_null()) {
                        assert!(expected_amount(v).is_some(), "noah: unchecked {key} {v}");
                    }
                }
                check_rest(&t.provider_fields, s, &mapped, "noah transaction");
                serde_json::to_string(t).expect("a transaction serialises");
            }
        }
    }
});
