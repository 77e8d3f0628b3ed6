//! `money::Amount`: `parse` accepts exactly the decimal grammar (exponent
//! bound 400) and keeps the text byte for byte; `from_number_text` writes
//! exponents out in plain digits of equal value; `cmp_value` agrees with an
//! independent comparison and with rust_decimal. `money::exact::Exact`
//! reads exactly what `Amount` reads, to the same value, and its sums and
//! differences agree with `cmp_value` and with rust_decimal. Two amounts are
//! tried when the input has a space (which no amount may contain).
#![no_main]
use balances::money::Amount;
use balances::money::exact::Exact;
use balances_fuzz::*;
use rust_decimal::Decimal;
use serde_json::Value;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(s) = text(data) else { return };
    one(s);
    if let Some((a, b)) = s.split_once(' ') {
        one(a);
        one(b);
        if acceptable(a) && acceptable(b) {
            pair(a, b);
        }
    }
});

fn one(s: &str) {
    let ok = acceptable(s);
    let parsed = Amount::parse(s);
    assert_eq!(parsed.is_ok(), ok, "Amount::parse({s:?}): {parsed:?}");
    assert_eq!(Exact::parse(s).is_ok(), ok, "Exact::parse({s:?})");
    let json = Amount::from_json(&Value::String(s.to_owned()));
    assert_eq!(
        json, parsed,
        "from_json(string) differs from parse for {s:?}"
    );
    let number = Amount::from_number_text(s);
    assert_eq!(number.is_ok(), ok, "from_number_text({s:?}): {number:?}");
    let (Ok(a), Ok(n)) = (parsed, number) else {
        for e in [Amount::parse(s).err(), Amount::from_number_text(s).err()]
            .into_iter()
            .flatten()
        {
            check_message(&e.to_string(), "amount error");
        }
        return;
    };
    assert_eq!(a.as_str(), s, "parse must keep the text");
    assert_eq!(a.to_string(), s);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        Value::String(s.into()).to_string()
    );
    match grammar(s) {
        Some(None) => assert_eq!(n.as_str(), s, "plain number text kept"),
        _ => {
            assert_eq!(n.as_str(), expand(s), "exponent of {s:?} written out");
            assert!(
                n.as_str()
                    .bytes()
                    .all(|c| c.is_ascii_digit() || b".-+".contains(&c)),
                "{s:?} -> {:?} is not plain",
                n.as_str()
            );
        }
    }
    check_amount(&n, "from_number_text");
    // Exact: the same value, and arithmetic that loses nothing.
    let x = Exact::parse(s).expect("Exact reads what Amount reads");
    let printed = Amount::parse(&x.to_string_at(0)).expect("Exact prints an amount");
    assert_eq!(printed.cmp_value(&a), std::cmp::Ordering::Equal, "Exact of {s:?}");
    assert!(x.clone().minus(&x).is_zero(), "{s:?} - itself");
    assert!(x.clone().plus(&Exact::zero()) == x, "{s:?} + 0");
    assert_eq!(
        a.cmp_value(&n),
        std::cmp::Ordering::Equal,
        "{s:?} vs its expansion"
    );
    assert_eq!(a.cmp_value(&a), std::cmp::Ordering::Equal);
    let (negative, m) = a.magnitude();
    assert_eq!(negative, s.starts_with('-'));
    assert_eq!(m.as_str(), s.strip_prefix(['-', '+']).unwrap_or(s));
    check_amount(&m, "magnitude");
    // As a JSON number, when the text is one.
    if let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s) {
        let want = expected_amount(&v);
        let got = Amount::from_json(&v);
        assert_eq!(
            got.as_ref().ok().map(Amount::as_str),
            want.as_deref(),
            "JSON number {s:?}"
        );
    }
}

fn pair(a: &str, b: &str) {
    let (x, y) = (Amount::parse(a).unwrap(), Amount::parse(b).unwrap());
    let ord = x.cmp_value(&y);
    assert_eq!(ord, compare(a, b), "cmp_value({a:?}, {b:?})");
    assert_eq!(
        y.cmp_value(&x),
        ord.reverse(),
        "cmp_value is not antisymmetric"
    );
    let dec = |s: &str| Decimal::from_str_exact(&expand_any(s)).ok();
    if let (Some(p), Some(q)) = (dec(a), dec(b)) {
        assert_eq!(ord, p.cmp(&q), "rust_decimal disagrees on {a:?} vs {b:?}");
    }
    let (ex, ey) = (Exact::parse(a).unwrap(), Exact::parse(b).unwrap());
    let diff = ex.clone().minus(&ey);
    let sign = match (diff.is_zero(), diff.is_negative()) {
        (true, _) => std::cmp::Ordering::Equal,
        (false, true) => std::cmp::Ordering::Less,
        (false, false) => std::cmp::Ordering::Greater,
    };
    assert_eq!(sign, ord, "Exact's {a:?} - {b:?} disagrees with cmp_value");
    assert!(ex.clone().plus(&ey).minus(&ey) == ex, "({a:?} + {b:?}) - {b:?}");
    if let (Some(p), Some(q)) = (dec(a), dec(b))
        && let Some(sum) = p.checked_add(q)
    {
        let exact = Decimal::from_str_exact(&ex.clone().plus(&ey).to_string_at(0)).ok();
        if let Some(exact) = exact {
            assert_eq!(exact, sum, "Exact's {a:?} + {b:?} disagrees with rust_decimal");
        }
    }
}

/// Plain digits for either form.
fn expand_any(s: &str) -> String {
    match grammar(s) {
        Some(None) => s.to_owned(),
        _ => expand(s),
    }
}
