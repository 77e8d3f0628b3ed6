//! `json::Json::read` (the borrowed reader pages go through)
//! against `json::document` (the tree reader): the same bodies
//! refused, and the same values, digits and key order read from the others.
//! And `json::top_field` (what tells an error envelope on HTTP 200): on a
//! body both accept, it finds exactly the top-level field the tree has.
#![no_main]
use balances::json::{Json, TopField, document, top_field};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let tree = document(data);
    match (&tree, Json::read(data)) {
        (Ok(tree), Ok(borrowed)) => assert_eq!(
            serde_json::to_string(tree).unwrap(),
            serde_json::to_string(&borrowed.into_value()).unwrap(),
            "the readers read different values"
        ),
        (Err(a), Err(b)) => assert_eq!(a.exit_code(), b.exit_code()),
        (a, b) => panic!("tree accepts: {}, borrowed accepts: {}", a.is_ok(), b.is_ok()),
    }
    for key in ["a", "errorCode", "status"] {
        let found = top_field(data, key);
        let Ok(tree) = &tree else { continue };
        match (tree.get(key).filter(|_| tree.is_object()), found) {
            (Some(want), TopField::Present(got)) => assert_eq!(
                serde_json::to_string(want).unwrap(),
                serde_json::to_string(&got.into_value()).unwrap(),
                "top_field read another value"
            ),
            (None, TopField::Absent) => {}
            (want, got) => panic!("the tree has {want:?}, top_field found {got:?}"),
        }
    }
});
