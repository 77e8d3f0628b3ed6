//! The Ibanera emulator: login with username, password and TOTP (its own
//! RFC 6238 code, ±1 step), bearer tokens that expire, the `otp` header
//! checked on every call, page-numbered accounts, cards and transactions,
//! and the common envelope on errors.

use super::data::{self, hash, timestamp};
use super::{Fault, Received, Shared, demo, json_response, living};
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

fn otp_ok(shared: &Shared, code: Option<&str>) -> bool {
    let Some(code) = code else { return false };
    let step = shared.now() / 30;
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
    if !otp_ok(shared, r.header("otp")) {
        return envelope(401, "otp", "Invalid");
    }
    if !r.reads() {
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
            let book = AccountBook::of(shared, account);
            match book.living {
                Some(stream) => {
                    let listed: Vec<u64> =
                        living::listed(stream.count(shared.now()), shared.opts.transactions, |k| {
                            shared.hidden(&book.transaction_id(k).to_string())
                        })
                        .collect();
                    ok_page_of(listed.len() as u64, page.or(Some((1, 10))), |i| {
                        book.transaction(listed[i as usize])
                    })
                }
                None => ok_page_of(shared.opts.transactions, page.or(Some((1, 10))), |i| {
                    book.past_transaction(i)
                }),
            }
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
    if !otp_ok(shared, field("otp")) {
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
    (1000..1003 + GENERATED_ACCOUNTS)
        .map(|id| AccountBook::of(shared, id).balance(shared.now()))
        .collect()
}

/// An account: its asset and figures, and its history. The seed's three
/// and the first generated one (its long fraction must survive the trip)
/// stand still, their histories in the past; the others live (see
/// [`living`]): transfers in and out, each later reversed, so the balance
/// is its opening plus every transfer so far. A transfer is in the
/// account's own asset.
struct AccountBook {
    id: u64,
    asset: &'static str,
    scale: u32,
    /// Minor units, before the first living transfer.
    total: i128,
    pending: i128,
    suppressed: bool,
    /// A fixed figure, for an account whose digits are the point.
    literal: Option<(&'static str, &'static str, &'static str)>,
    living: Option<living::Stream>,
    seed: u64,
}

impl AccountBook {
    fn of(shared: &Shared, id: u64) -> AccountBook {
        let seed = shared.opts.seed;
        let fixed = |asset, scale, literal, suppressed| AccountBook {
            id,
            asset,
            scale,
            total: 0,
            pending: 0,
            suppressed,
            literal: Some(literal),
            living: None,
            seed,
        };
        match id {
            1000 => return fixed("USDC", 2, ("100.00", "95.50", "4.50"), false),
            1001 => return fixed("EUR", 2, ("2500.10", "2500.10", "0.00"), false),
            1002 => return fixed("BTC", 8, ("0.12345678", "0.12345678", "0"), true),
            1003 => {
                let long = "1234567890.123456789012";
                let h = hash(seed, "ibanera-account", 0);
                let asset = ASSETS[(h % ASSETS.len() as u64) as usize].0;
                return fixed(asset, 12, (long, long, "0.000"), false);
            }
            _ => {}
        }
        let i = id - 1003;
        let h = hash(seed, "ibanera-account", i);
        let (asset, scale) = ASSETS[(h % ASSETS.len() as u64) as usize];
        let scale = scale.min(8);
        let total = ((h >> 8) as i64 % 1_000_000_000) as i128;
        AccountBook {
            id,
            asset,
            scale,
            // Room for half a cycle of transfers out.
            total: total + living::HALF as i128 * max_transfer(scale),
            pending: (((h >> 40) as i64 % 1000) as i128).min(total),
            suppressed: false,
            literal: None,
            living: Some(living::Stream::new(seed, &format!("ibanera-account-{id}"))),
            seed,
        }
    }

    fn balance(&self, now: i64) -> Value {
        let (total, available, pending) = match (self.literal, self.living) {
            (Some(figures), _) => (
                figures.0.to_owned(),
                figures.1.to_owned(),
                figures.2.to_owned(),
            ),
            (None, stream) => {
                let n = stream.map_or(0, |s| s.count(now));
                let moved = living::net(n, 1, |j| vec![(0, self.transfer(j))])[0];
                let total = self.total + moved;
                (
                    living::decimal(total, self.scale),
                    living::decimal(total - self.pending, self.scale),
                    living::decimal(self.pending, self.scale),
                )
            }
        };
        json!({"id": self.id, "asset": self.asset, "totalBalance": number(&total), "availableBalance": number(&available),
               "pendingBalance": number(&pending), "bSuppressed": self.suppressed})
    }

    /// Step `j` of a living account: a signed amount in minor units.
    fn transfer(&self, j: u64) -> i128 {
        let h = hash(self.seed, "ibanera-transfer", self.id * 1_000_000 + j);
        let max = max_transfer(self.scale);
        let amount = max / 100 + (h >> 1) as i128 % (max - max / 100);
        if h & 1 == 0 { amount } else { -amount }
    }

    fn transaction_id(&self, k: u64) -> u64 {
        self.id * 10_000_000_000 + k
    }

    /// Living transfer `k`.
    fn transaction(&self, k: u64) -> Value {
        let (j, back) = living::step(k);
        let amount = if back {
            -self.transfer(j)
        } else {
            self.transfer(j)
        };
        let at = self.living.map_or(0, |s| s.at(k));
        self.transfer_json(self.transaction_id(k), at, amount, self.scale)
    }

    /// Transfer `i` (newest first) of a history that lies in the past.
    fn past_transaction(&self, i: u64) -> Value {
        let h = hash(self.seed, "ibanera-account-tx", self.id * 1_000_000 + i);
        let scale = self.scale.min(8);
        let amount = (h % 10_000_000) as i128 * if h & 1 == 0 { 1 } else { -1 };
        self.transfer_json(
            self.id * 1_000_000 + i,
            HISTORY_START - i as i64 * 7200,
            amount,
            scale,
        )
    }

    fn transfer_json(&self, id: u64, at: i64, amount: i128, scale: u32) -> Value {
        let h = hash(self.seed, "ibanera-reference", id);
        let credit = amount >= 0;
        json!({"id": id, "accountsId": self.id, "transactionDate": timestamp(at),
               "description": if credit { "Incoming transfer" } else { "Outgoing transfer" },
               "amount": number(&living::decimal(amount, scale)), "currency": self.asset, "status": "Completed",
               "transactionType": if credit { "Credit" } else { "Debit" }, "reference": format!("REF{:08X}", h >> 32)})
    }
}

const ASSETS: [(&str, u32); 6] = [
    ("USD", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("USDC", 6),
    ("BTC", 8),
    ("ETH", 18),
];

/// The largest living transfer at `scale`, in minor units (5,000 units of the asset).
fn max_transfer(scale: u32) -> i128 {
    5_000 * 10i128.pow(scale)
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_sandbox_totp_matches_rfc_6238() {
        // The client checks the same value with its own implementation
        // (`auth::totp`), so the two agree without sharing code.
        assert_eq!(super::totp_at(1_773_403_200 / 30), "202991");
    }

    /// A living account's total moves by exactly its transfers, each in the
    /// account's own asset; the still ones do not move.
    #[test]
    fn a_living_accounts_balance_moves_by_its_transfers() {
        use super::*;
        let shared = Shared::new(Default::default());
        let t1 = living::EPOCH + 7_000 * living::PERIOD;
        for id in [1004, 1010, 1022] {
            let book = AccountBook::of(&shared, id);
            let stream = book.living.unwrap();
            let total = |t: i64| {
                let b = book.balance(t);
                crate::minor_units(&b["totalBalance"].to_string(), book.scale)
            };
            for t2 in [t1 + 7, t1 + 5_000] {
                let moved: i128 = (stream.count(t1)..stream.count(t2))
                    .map(|k| {
                        let t = book.transaction(k);
                        assert_eq!(t["currency"], book.asset);
                        crate::minor_units(&t["amount"].to_string(), book.scale)
                    })
                    .sum();
                assert_eq!(total(t2) - total(t1), moved, "account {id}");
            }
        }
        let still = AccountBook::of(&shared, 1002);
        assert_eq!(still.balance(t1), still.balance(t1 + 100_000));
        assert_eq!(still.past_transaction(3)["currency"], "BTC");
    }
}
