//! `providers::boca::parse_transactions`: ids, timestamps, both legs and the
//! rate exactly as sent, a leg's extra fields kept under its name, the
//! cursor as sent; anything else is exit 65.
#![no_main]
use balances::clock::Form;
use balances::providers::boca;
use balances_fuzz::*;
use serde_json::Value;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match boca::parse_transactions(data) {
        Err(e) => check_error(&e, "boca transactions"),
        Ok((items, next)) => {
            let doc = document(data).expect("an accepted body passes the duplicate-key check");
            let src = doc["items"].as_array().expect("`items` is an array");
            assert_eq!(items.len(), src.len(), "a transaction lost or invented");
            assert_eq!(
                next.as_deref(),
                doc.get("nextCursor").and_then(Value::as_str),
                "boca: nextCursor"
            );
            for (t, s) in items.iter().zip(src) {
                let conversion = s.get("conversionId").filter(|v| !v.is_null());
                let id = conversion.or_else(|| s.get("id")).and_then(Value::as_str);
                assert_eq!(Some(t.id.as_str()), id, "boca: id");
                check_created_at(t, s.get("createdAt"), Form::Rfc3339);
                assert_eq!(t.kind.as_deref(), s.get("type").and_then(Value::as_str));
                check_mapped(t.rate.as_ref(), s.get("rate"), "boca rate");
                let mut rest = t.provider_fields.clone();
                for (name, leg) in [("from", &t.from), ("to", &t.to)] {
                    let src_leg = s.get(name).filter(|v| !v.is_null());
                    match (leg, src_leg) {
                        (None, None) => {}
                        (Some(m), Some(l)) => {
                            check_money(m, l.get("amount"), l.get("currency"), name);
                            let extra = rest.shift_remove(name);
                            let mut want = l.as_object().expect("a leg is an object").clone();
                            want.shift_remove("amount");
                            want.shift_remove("currency");
                            match extra {
                                None => assert!(want.is_empty(), "boca: extra leg fields dropped"),
                                Some(e) => {
                                    assert_eq!(e.to_string(), Value::Object(want).to_string())
                                }
                            }
                        }
                        (a, b) => panic!("boca leg {name}: {a:?} from {b:?}"),
                    }
                }
                let mut mapped = vec!["conversionId", "createdAt", "type", "from", "to", "rate"];
                if conversion.is_none() {
                    mapped.push("id");
                }
                check_rest(&rest, s, &mapped, "boca transaction");
                serde_json::to_string(t).expect("a transaction serialises");
            }
        }
    }
});
