//! `json::Json::read` (the borrowed reader pages go through)
//! against `json::document` (the tree reader): the same bodies
//! refused, and the same values, digits and key order read from the others.
#![no_main]
use balances::json::{Json, document};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match (document(data), Json::read(data)) {
        (Ok(tree), Ok(borrowed)) => assert_eq!(
            serde_json::to_string(&tree).unwrap(),
            serde_json::to_string(&borrowed.into_value()).unwrap(),
            "the readers read different values"
        ),
        (Err(a), Err(b)) => assert_eq!(a.exit_code(), b.exit_code()),
        (a, b) => panic!("tree accepts: {}, borrowed accepts: {}", a.is_ok(), b.is_ok()),
    }
});
