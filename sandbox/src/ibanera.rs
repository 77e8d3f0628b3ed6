//! The Ibanera emulator: login with username, password and TOTP (its own
//! RFC 6238 code, ±1 step), bearer tokens that expire, the `otp` header
//! checked on every call, page-numbered accounts, cards and transactions,
//! and the common envelope on errors.

use super::data::{self, hash, timestamp};
use super::{Fault, Received, Shared, demo, json_response};
use axum::body::Body;
use axum::http::Response;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

const HISTORY_START: i64 = 1_773_411_720;
const LOCK_AFTER_FAILURES: u32 = 5;
const CARDS: u64 = 12;
const GENERATED_ACCOUNTS: u64 = 20;

/// Each issued token's expiry and number of uses.
type Tokens = HashMap<String, (Instant, u32)>;

/// Issued tokens and the count of failed logins.
#[derive(Default)]
pub(super) struct State {
    inner: Mutex<(Tokens, u32)>,
}

fn envelope(status: u16, field: &str, code: &str) -> Response<Body> {
    json_response(
        status,
        &json!({"id": 0, "details": null, "status": "0", "errors": [{"fieldName": field, "messageCode": code}]}),
    )
}

pub(super) fn fault(fault: Fault, _rid: &str) -> Response<Body> {
    match fault {
        Fault::RateLimited(secs) => {
            let mut r = envelope(429, "", "Too_Many_Requests");
            r.headers_mut().insert("retry-after", secs.into());
            r
        }
        Fault::Unavailable => envelope(500, "", "Internal_Error"),
    }
}

/// RFC 4226/6238 code, written here independently of the client's.
fn totp_at(step: i64) -> String {
    let mut mac =
        Hmac::<sha1::Sha1>::new_from_slice(demo::IBANERA_TOTP_KEY).expect("HMAC takes any key"); // ok: infallible
    mac.update(&(step as u64).to_be_bytes());
    let d = mac.finalize().into_bytes();
    let o = (d[19] & 0xf) as usize;
    let n = ((u32::from(d[o]) & 0x7f) << 24)
        | (u32::from(d[o + 1]) << 16)
        | (u32::from(d[o + 2]) << 8)
        | u32::from(d[o + 3]);
    format!("{:06}", n % 1_000_000)
}

fn otp_ok(code: Option<&str>) -> bool {
    let Some(code) = code else { return false };
    let step = time::OffsetDateTime::now_utc().unix_timestamp() / 30;
    (-1..=1).any(|d| totp_at(step + d) == code)
}

fn ok_page(details: Vec<Value>, page: Option<(u64, u64)>) -> Response<Body> {
    ok_page_of(details.len() as u64, page, |i| details[i as usize].clone())
}

/// A page of a list of `total` items, of which only the page's own are
/// made (`item(i)`): any page costs the same, however long the history.
fn ok_page_of(total: u64, page: Option<(u64, u64)>, item: impl Fn(u64) -> Value) -> Response<Body> {
    let (number, size) = page.unwrap_or((1, total.max(1)));
    let pages = total.div_ceil(size).max(1);
    let start = (number - 1).saturating_mul(size).min(total);
    let end = number.saturating_mul(size).min(total);
    let details: Vec<Value> = (start..end).map(item).collect();
    json_response(
        200,
        &json!({"id": 0, "details": details, "pageSize": size, "pageNumber": number,
                "numberOfPages": pages, "status": "1", "errors": []}),
    )
}

/// A JSON number with exactly this text (never through a float).
fn number(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

pub(super) fn handle(shared: &Shared, r: &Received, path: &str, _rid: &str) -> Response<Body> {
    if path == "/api/v1/public/auth/login" && r.method == "POST" {
        return login(shared, r);
    }
    let token = r
        .header("authorization")
        .and_then(|a| a.strip_prefix("Bearer "));
    let valid = token.is_some_and(|t| {
        let mut state = shared
            .ibanera
            .inner
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let Some((expires, uses)) = state.0.get_mut(t) else {
            return false;
        };
        *uses += 1;
        Instant::now() < *expires && shared.opts.token_max_uses.is_none_or(|max| *uses <= max)
    });
    if !valid {
        return envelope(401, "Authorization", "Unauthorized");
    }
    if !otp_ok(r.header("otp")) {
        return envelope(401, "otp", "Invalid");
    }
    if r.method != "GET" {
        return envelope(404, "", "Not_Found");
    }
    // Ibanera's query names vary in case (pageNumber / PageNumber): match them case-insensitively.
    let param = |name: &str| {
        r.query_pairs()
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    };
    let page = match (param("pageNumber"), param("pageSize")) {
        (None, None) => None,
        (n, s) => {
            let parse = |v: Option<String>, default: u64| {
                v.map_or(Some(default), |v| v.parse::<u64>().ok().filter(|&n| n >= 1))
            };
            match (parse(n, 1), parse(s, 10)) {
                (Some(n), Some(s)) if s <= 500 => Some((n, s)),
                _ => return envelope(400, "pageNumber", "Invalid"),
            }
        }
    };
    match path {
        "/api/v1/customer/accounts/balances" => ok_page(accounts(shared), page),
        "/api/v1/customer/cards/balances" => ok_page(
            (0..CARDS).map(|i| card(shared, i)).collect(),
            page.or(Some((1, 10))),
        ),
        "/api/v1/customer/accounts/transactions" => {
            let Some(id) = param("AccountsId") else {
                return envelope(400, "AccountsId", "Required");
            };
            let known = id
                .parse::<u64>()
                .ok()
                .filter(|n| (1000..1003 + GENERATED_ACCOUNTS).contains(n));
            let Some(account) = known else {
                return envelope(404, "AccountsId", "Not_Found");
            };
            ok_page_of(shared.opts.transactions, page.or(Some((1, 10))), |i| {
                account_tx(shared, account, i)
            })
        }
        "/api/v1/customer/cards/transactions" => {
            let cards: Vec<u64> = match param("CardsId") {
                None => (0..CARDS).collect(),
                Some(id) => match id
                    .parse::<u64>()
                    .ok()
                    .and_then(|n| n.checked_sub(5000))
                    .filter(|&i| i < CARDS)
                {
                    Some(i) => vec![i],
                    None => return envelope(404, "CardsId", "Not_Found"),
                },
            };
            let bound = |name| {
                param(name).map(|d| {
                    if d.len() == 10 {
                        format!("{d}T00:00:00Z")
                    } else {
                        d
                    }
                })
            };
            let (from, to) = (bound("fromDate"), bound("toDate"));
            let per_card = shared.opts.transactions / 4;
            let n = cards.len() as u64;
            if from.is_none() && to.is_none() {
                // Card after card within each step: item j is step j / n of card j % n.
                return ok_page_of(per_card * n, page.or(Some((1, 10))), |j| {
                    card_tx(shared, cards[(j % n) as usize], j / n)
                });
            }
            let items: Vec<Value> = (0..per_card)
                .flat_map(|i| cards.iter().map(move |&c| (c, i)))
                .map(|(c, i)| card_tx(shared, c, i))
                .filter(|t| {
                    let at = t["transactionDate"].as_str().unwrap_or("");
                    from.as_deref().is_none_or(|f| at >= f) && to.as_deref().is_none_or(|t| at <= t)
                })
                .collect();
            ok_page(items, page.or(Some((1, 10))))
        }
        _ => envelope(404, "", "Not_Found"),
    }
}

fn login(shared: &Shared, r: &Received) -> Response<Body> {
    let body: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
    let field = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let mut state = shared
        .ibanera
        .inner
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if state.1 >= LOCK_AFTER_FAILURES {
        return envelope(400, "username", "Account_Locked");
    }
    let (Some(user), Some(password)) = (field("username"), field("password")) else {
        return envelope(400, "username", "Required");
    };
    if user != demo::IBANERA_USERNAME || password != demo::IBANERA_PASSWORD {
        state.1 += 1;
        return envelope(400, "username", "Username_Or_Password_Incorrect");
    }
    if !otp_ok(field("otp")) {
        state.1 += 1;
        return envelope(400, "otp", "Invalid");
    }
    let n = state.0.len() as u64 + 1;
    let token = format!(
        "ibn.{n}.{:016x}",
        hash(
            shared.opts.seed,
            "token",
            n ^ shared.requests.load(std::sync::atomic::Ordering::Relaxed)
        )
    );
    state
        .0
        .insert(token.clone(), (Instant::now() + shared.opts.token_ttl, 0));
    json_response(
        200,
        &json!({"id": 0, "details": {"accessToken": token, "expiresIn": shared.opts.token_ttl.as_secs().max(1)},
                "status": "1", "errors": []}),
    )
}

/// The seed's three accounts (numbers exactly as documented), then generated ones.
fn accounts(shared: &Shared) -> Vec<Value> {
    let mut list = vec![
        json!({"id": 1000, "asset": "USDC", "totalBalance": number("100.00"), "availableBalance": number("95.50"), "pendingBalance": number("4.50"), "bSuppressed": false}),
        json!({"id": 1001, "asset": "EUR", "totalBalance": number("2500.10"), "availableBalance": number("2500.10"), "pendingBalance": number("0.00"), "bSuppressed": false}),
        json!({"id": 1002, "asset": "BTC", "totalBalance": number("0.12345678"), "availableBalance": number("0.12345678"), "pendingBalance": number("0"), "bSuppressed": true}),
    ];
    let assets = [
        ("USD", 2),
        ("EUR", 2),
        ("GBP", 2),
        ("USDC", 6),
        ("BTC", 8),
        ("ETH", 18),
    ];
    for i in 0..GENERATED_ACCOUNTS {
        let h = hash(shared.opts.seed, "ibanera-account", i);
        let (asset, scale) = assets[(h % assets.len() as u64) as usize];
        let total = data::minor((h >> 8) as i64 % 1_000_000_000, scale.min(8));
        let pending = data::minor((h >> 40) as i64 % 1000, scale.min(8)).min(total);
        let (total, available, pending) = if i == 0 {
            // Long fractions and trailing zeros must survive the trip.
            (
                "1234567890.123456789012".to_owned(),
                "1234567890.123456789012".to_owned(),
                "0.000".to_owned(),
            )
        } else {
            (
                total.to_string(),
                (total - pending).to_string(),
                pending.to_string(),
            )
        };
        list.push(json!({"id": 1003 + i, "asset": asset, "totalBalance": number(&total), "availableBalance": number(&available),
                         "pendingBalance": number(&pending), "bSuppressed": false}));
    }
    list
}

fn card(shared: &Shared, i: u64) -> Value {
    let h = hash(shared.opts.seed, "ibanera-card", i);
    let total = data::minor((h >> 8) as i64 % 10_000_000, 2);
    let pending = data::minor((h >> 40) as i64 % 10_000, 2).min(total);
    json!({"id": 5000 + i, "customersReference": format!("CUST-{:04}", i + 1), "cardHolderName": "Demo Holder",
           "cardLast4": format!("{:04}", h % 10_000), "customersID": 77, "currency": if i % 3 == 2 { "USD" } else { "EUR" },
           "totalBalance": number(&total.to_string()), "availableBalance": number(&(total - pending).to_string()),
           "pendingBalance": number(&pending.to_string()), "status": if i == CARDS - 1 { "Frozen" } else { "Active" }})
}

fn card_tx(shared: &Shared, card: u64, i: u64) -> Value {
    let h = hash(shared.opts.seed, "ibanera-card-tx", card * 1_000_000 + i);
    let cents = (h % 50_000) as i64 + 1;
    let refund = h.is_multiple_of(11);
    let amount = data::minor(if refund { cents } else { -cents }, 2);
    json!({"id": 900_000 + card * 100_000 + i, "cardsId": 5000 + card,
           "transactionDate": timestamp(HISTORY_START - (i as i64) * 3 * 3600 - card as i64 * 60),
           "description": if refund { "Refund" } else { "Card purchase" }, "merchantName": format!("Merchant {}", h % 97),
           "amount": number(&amount.to_string()), "currency": if card % 3 == 2 { "USD" } else { "EUR" },
           "status": if i == 0 { "Pending" } else { "Settled" }, "transactionType": if refund { "Refund" } else { "Purchase" }})
}

fn account_tx(shared: &Shared, account: u64, i: u64) -> Value {
    let h = hash(
        shared.opts.seed,
        "ibanera-account-tx",
        account * 1_000_000 + i,
    );
    let amount = data::minor((h % 10_000_000) as i64 * if h & 1 == 0 { 1 } else { -1 }, 2);
    json!({"id": account * 1_000_000 + i, "accountsId": account, "transactionDate": timestamp(HISTORY_START - i as i64 * 7200),
           "description": if h & 1 == 0 { "Incoming transfer" } else { "Outgoing transfer" }, "amount": number(&amount.to_string()),
           "currency": "EUR", "status": "Completed", "transactionType": if h & 1 == 0 { "Credit" } else { "Debit" },
           "reference": format!("REF{:08X}", h >> 32)})
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sandbox_totp_matches_rfc_6238() {
        // The client checks the same value with its own implementation
        // (`auth::totp`), so the two agree without sharing code.
        assert_eq!(super::totp_at(1_773_403_200 / 30), "202991");
    }
}
