//! The P100 emulator: `x-api-key` checked, the seed's example user served
//! byte for byte (numbers exactly as P100 sends them), generated users,
//! P-codes, and the 401 code words.

use super::data::{self, hash, minor};
use super::{Fault, Received, Shared, demo, json_response, raw_response};
use axum::body::Body;
use axum::http::Response;
use serde_json::{Value, json};

/// The external user id of the seed's curl example; it gets the seed's response verbatim.
pub const EXAMPLE_USER: &str = "660a95b2-a486-4406-a90b-e3bcf7c74ecc";
/// The `userId` inside that response: served the same body, for whoever reads the example that way.
const EXAMPLE_USER_ID: &str = "5f8d1243-105f-43a2-bf9e-bfc7e97bac41";
const EXAMPLE_BODY: &str = include_str!("examples/p100-balances.json");
/// A user that exists but has not passed KYC (`P459`).
pub const UNVERIFIED_USER: &str = "scenario-unverified";

fn error(status: u16, code: &str, name: Option<&str>, message: &str) -> Response<Body> {
    let mut body = json!({"errorCode": code});
    if let Some(name) = name {
        body["errorName"] = json!(name);
    }
    body["errorMessage"] = json!(message);
    json_response(status, &body)
}

pub(super) fn fault(fault: Fault, _rid: &str) -> Response<Body> {
    match fault {
        Fault::RateLimited(secs) => {
            let mut r = json_response(429, &json!({"message": "Too Many Requests"}));
            r.headers_mut().insert("retry-after", secs.into());
            r
        }
        // P100 reports its outages as HTTP 400 with P501.
        Fault::Unavailable => error(
            400,
            "P501",
            Some("service-temporarily-unavailable"),
            "Service temporarily unavailable",
        ),
    }
}

pub(super) fn handle(shared: &Shared, r: &Received, path: &str, _rid: &str) -> Response<Body> {
    match r.header("x-api-key") {
        None => return json_response(401, &json!({"message": "Access Denied. xo1"})),
        Some(k) if k != demo::P100_API_KEY => {
            return json_response(401, &json!({"message": "Access Denied. xo2"}));
        }
        Some(_) => {}
    }
    let route = path
        .strip_prefix("/v1/user/")
        .and_then(|rest| rest.strip_suffix("/balances"))
        .filter(|id| !id.is_empty() && !id.contains('/'));
    let Some(raw_id) = route.filter(|_| r.reads()) else {
        return error(404, "P404", None, "Not found");
    };
    let id = data::percent_decode(raw_id);
    if id == EXAMPLE_USER || id == EXAMPLE_USER_ID {
        return raw_response(200, EXAMPLE_BODY.as_bytes().to_vec());
    }
    if id == UNVERIFIED_USER {
        return error(400, "P459", Some("user-not-verified"), "User not verified");
    }
    let known = id
        .strip_prefix("user-")
        .and_then(|n| n.parse::<u64>().ok())
        .is_some_and(|n| id.len() == 10 && (1..=shared.opts.users).contains(&n));
    if !known {
        return error(404, "P412", Some("user-not-exist"), "User not exist");
    }
    json_response(200, &generated(shared, &id))
}

/// A generated user: EUR plus two crypto balances, rates as JSON numbers.
fn generated(shared: &Shared, id: &str) -> Value {
    let h = hash(shared.opts.seed, id, 0x9100);
    let n = |k: u64| data::mix(h ^ k);
    let number = |d: rust_decimal::Decimal| -> Value {
        // Parsed from the decimal's text: arbitrary_precision keeps every digit.
        serde_json::from_str(&d.to_string()).unwrap_or(Value::Null)
    };
    json!({
        "userId": data::uuid_like(h),
        "fiatBalances": [
            {"id": data::uuid_like(n(1)), "amount": minor((n(2) % 10_000_000) as i64, 2).to_string(),
             "name": "eur", "rate": 1, "status": "ACTIVE"}
        ],
        "cryptoBalances": [
            {"id": data::uuid_like(n(3)), "amount": minor((n(4) % 1_000_000_000) as i64, 8).to_string(), "name": "btc",
             "rate": number(minor(6_900_000_000_000 + (n(5) % 100_000_000_000) as i64, 8)),
             "networkConfig": {"btc": {"wallet": format!("tb1q{:016x}", n(6)), "mainnet": false, "name": "test",
                "withdrawal": {"feeWithdrawal": number(minor(1, 4)), "minWithdrawal": number(minor(1, 3))},
                "deposit": {"minDeposit": 0}}}},
            {"id": data::uuid_like(n(7)), "amount": minor((n(8) % 100_000_000) as i64, 6).to_string(), "name": "usdc",
             "rate": number(minor(858_814, 6)),
             "networkConfig": {"ethereum": {"wallet": format!("0x{:016x}{:016x}", n(9), n(10)), "mainnet": false,
                "name": "sepolia", "withdrawal": {"feeWithdrawal": 10, "minWithdrawal": 1}, "deposit": {"minDeposit": 5}}}}
        ]
    })
}
