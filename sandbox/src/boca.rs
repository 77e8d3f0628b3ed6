//! The Boca Raton emulator: HMAC verification written independently of the
//! client's signer, seed example user, generated users and histories, and
//! scenario users that misbehave on purpose.

use super::data::{self, hash, minor, timestamp};
use super::{Fault, Received, Shared, demo, json_response, living, raw_response};
use axum::body::Body;
use axum::http::Response;
use hmac::{Hmac, Mac};
use rust_decimal::RoundingStrategy;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The seed document's example user, served verbatim.
pub const EXAMPLE_USER: &str = "partner-user-42";
const EXAMPLE_USER_ID: &str = "550e8400-e29b-41d4-a716-446655440000";
/// 2026-03-13T14:22:00Z, the seed's example transaction; histories count back from it.
const HISTORY_START: i64 = 1_773_411_720;
const WINDOW_SECS: i64 = 60;

/// Users that misbehave, for tests of the client's defences.
pub const CORRUPT_BODY: &str = "scenario-corrupt-body";
pub const LOOPING_CURSOR: &str = "scenario-looping-cursor";
pub const BAD_DECIMAL: &str = "scenario-bad-decimal";
pub const HUGE_BODY: &str = "scenario-huge-body";

fn error(status: u16, code: &str, message: &str, rid: &str) -> Response<Body> {
    json_response(
        status,
        &json!({"error": code, "message": message, "requestId": rid}),
    )
}

pub(super) fn fault(fault: Fault, rid: &str) -> Response<Body> {
    match fault {
        Fault::RateLimited(secs) => {
            let mut r = error(
                429,
                "too_many_requests",
                "Rate limit exceeded. Retry after the duration indicated in the Retry-After header.",
                rid,
            );
            r.headers_mut().insert("retry-after", secs.into());
            r
        }
        Fault::Unavailable => error(
            500,
            "internal_error",
            "An unexpected error occurred. Please retry or contact support with the requestId.",
            rid,
        ),
    }
}

/// Check key, timestamp window and signature from the request as received.
fn verify(r: &Received, now: i64) -> bool {
    if r.header("x-api-key") != Some(demo::BOCA_API_KEY) {
        return false;
    }
    let Some(ts) = r.header("x-request-timestamp") else {
        return false;
    };
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let Ok(at) = time::PrimitiveDateTime::parse(ts, format) else {
        return false;
    };
    if (now - at.assume_utc().unix_timestamp()).abs() > WINDOW_SECS {
        return false;
    }
    let Some(sig) = r
        .header("x-request-signature")
        .and_then(|s| hex::decode(s).ok())
    else {
        return false;
    };
    let body_hash = hex::encode(Sha256::digest(&r.body));
    let signed = [
        r.method.as_str(),
        r.path.as_str(),
        r.query.as_str(),
        ts,
        body_hash.as_str(),
    ]
    .join("\n");
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(demo::BOCA_API_SECRET.as_bytes()) else {
        return false;
    };
    mac.update(signed.as_bytes());
    mac.verify_slice(&sig).is_ok()
}

enum User {
    Example,
    Generated,
    Scenario(&'static str),
}

fn find_user(shared: &Shared, id: &str) -> Option<User> {
    if id == EXAMPLE_USER {
        return Some(User::Example);
    }
    for s in [CORRUPT_BODY, LOOPING_CURSOR, BAD_DECIMAL, HUGE_BODY] {
        if id == s {
            return Some(User::Scenario(s));
        }
    }
    let n: u64 = id.strip_prefix("user-")?.parse().ok()?;
    (id.len() == 10 && (1..=shared.opts.users).contains(&n)).then_some(User::Generated)
}

pub(super) fn handle(shared: &Shared, r: &Received, path: &str, rid: &str) -> Response<Body> {
    if !verify(r, shared.now()) {
        return error(
            401,
            "unauthorized",
            "Invalid API key or request signature",
            rid,
        );
    }
    let route = path
        .strip_prefix("/v1/users/")
        .and_then(|rest| rest.split_once('/'))
        .filter(|(id, endpoint)| !id.is_empty() && !endpoint.contains('/'));
    let Some((raw_id, endpoint)) = route else {
        return error(404, "not_found", "Resource not found", rid);
    };
    if !r.reads() || !matches!(endpoint, "balances" | "transactions") {
        return error(404, "not_found", "Resource not found", rid);
    }
    let id = data::percent_decode(raw_id);
    if !(1..=128).contains(&id.chars().count()) {
        return json_response(
            400,
            &json!({"error": "bad_request", "message": "Request failed validation", "requestId": rid,
                    "fieldErrors": [{"field": "externalId", "message": "Must be 1 to 128 characters"}]}),
        );
    }
    let Some(user) = find_user(shared, &id) else {
        return error(
            404,
            "not_found",
            "User not found for the authenticated partner",
            rid,
        );
    };
    match endpoint {
        "balances" => balances(shared, &id, &user),
        _ => transactions(shared, r, &id, &user, rid),
    }
}

fn user_id(shared: &Shared, id: &str, user: &User) -> String {
    match user {
        User::Example => EXAMPLE_USER_ID.to_owned(),
        _ => data::uuid_like(hash(shared.opts.seed, id, u64::MAX)),
    }
}

fn balances(shared: &Shared, id: &str, user: &User) -> Response<Body> {
    let list: Vec<Value> = match user {
        User::Example => vec![
            json!({"currency": "CAD", "available": "1250.00", "total": "1250.00"}),
            json!({"currency": "BTC", "available": "0.01500000", "total": "0.01500000"}),
        ],
        User::Scenario(CORRUPT_BODY) => {
            return raw_response(
                200,
                br#"{"externalId": "scenario-corrupt-body", "balances": [{"currency": "CA"#
                    .to_vec(),
            );
        }
        User::Scenario(BAD_DECIMAL) => {
            vec![json!({"currency": "CAD", "available": "12.3.4", "total": "12.34"})]
        }
        User::Scenario(HUGE_BODY) => {
            let pad = "x".repeat(33 * 1024 * 1024);
            return raw_response(
                200,
                format!(r#"{{"externalId":"{id}","pad":"{pad}","balances":[]}}"#).into_bytes(),
            );
        }
        _ => {
            let book = Book::of(shared, id);
            let net = book.net(shared.now());
            book.currencies
                .iter()
                .zip(net)
                .map(|(c, moved)| {
                    let total = c.opening + moved;
                    json!({"currency": c.code, "available": living::decimal(total - c.held, c.scale),
                           "total": living::decimal(total, c.scale)})
                })
                .collect()
        }
    };
    json_response(
        200,
        &json!({"externalId": id, "userId": user_id(shared, id, user), "balances": list}),
    )
}

/// A generated user's living book: 2 to 4 currencies, each an opening
/// balance and a part held, moved by conversions between two of them (see
/// [`living`]), so every balance is its opening plus its history.
struct Book {
    currencies: Vec<Currency>,
    stream: living::Stream,
    seed: u64,
    id: String,
}

struct Currency {
    code: &'static str,
    scale: u32,
    /// Minor units before the first living transaction.
    opening: i128,
    held: i128,
    /// The largest conversion, in minor units.
    max: i128,
}

/// One conversion of the first half-cycle: `(from, amount)` to `(to, amount)`.
type Conversion = ((usize, i128), (usize, i128));

impl Book {
    fn of(shared: &Shared, id: &str) -> Book {
        let h = hash(shared.opts.seed, id, 0xba1a);
        let all = [
            ("CAD", 2u32, 50_000i128),
            ("USD", 2, 50_000),
            ("BTC", 8, 1_000_000),
            ("ETH", 8, 10_000_000),
            ("USDC", 6, 500_000_000),
        ];
        let count = 2 + (h % 3) as usize;
        let currencies = (0..count)
            .map(|k| {
                let (code, scale, max) = all[(h as usize + k) % all.len()];
                let hk = data::mix(h ^ k as u64);
                // Room for half a cycle of conversions out, so no balance goes below its part held.
                let opening = (hk % 10_000_000_000) as i128 + living::HALF as i128 * max;
                let held = ((hk >> 40) % 1000) as i128;
                Currency {
                    code,
                    scale,
                    opening,
                    held,
                    max,
                }
            })
            .collect();
        Book {
            currencies,
            stream: living::Stream::new(shared.opts.seed, id),
            seed: shared.opts.seed,
            id: id.to_owned(),
        }
    }

    /// Step `j`: from one currency to another, each amount up to its maximum.
    fn conversion(&self, j: u64) -> Conversion {
        let h = hash(self.seed, &self.id, 0xc0_0000_0000 + j);
        let n = self.currencies.len();
        let from = (h % n as u64) as usize;
        let to = (from + 1 + ((h >> 8) % (n as u64 - 1)) as usize) % n;
        let amount = |c: usize, bits: u64| {
            let max = self.currencies[c].max;
            max / 100 + (bits as i128 % (max - max / 100))
        };
        ((from, amount(from, h >> 16)), (to, amount(to, h >> 40)))
    }

    /// Each currency's change from its opening by `now`.
    fn net(&self, now: i64) -> Vec<i128> {
        living::net(self.stream.count(now), self.currencies.len(), |j| {
            let ((from, a), (to, b)) = self.conversion(j);
            vec![(from, -a), (to, b)]
        })
    }

    /// Transaction `k` as the API lists it.
    fn transaction(&self, k: u64) -> Value {
        let (j, back) = living::step(k);
        let ((from, a), (to, b)) = self.conversion(j);
        let ((from, a), (to, b)) = if back {
            ((to, b), (from, a))
        } else {
            ((from, a), (to, b))
        };
        let (f, t) = (&self.currencies[from], &self.currencies[to]);
        let rate = rust_decimal::Decimal::new(a as i64, f.scale)
            / rust_decimal::Decimal::new(b as i64, t.scale);
        let rate = rate.round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero);
        json!({"conversionId": self.transaction_id(k), "createdAt": timestamp(self.stream.at(k)),
               "type": "conversion", "from": {"currency": f.code, "amount": living::decimal(a, f.scale)},
               "to": {"currency": t.code, "amount": living::decimal(b, t.scale)}, "rate": rate.to_string()})
    }

    fn transaction_id(&self, k: u64) -> String {
        format!("conv-{:08x}-{k}", hash(self.seed, &self.id, k) >> 32)
    }
}

fn cursor_for(shared: &Shared, id: &str, offset: u64) -> String {
    format!(
        "c{offset}-{:04x}",
        hash(shared.opts.seed, id, offset) & 0xffff
    )
}

fn offset_of(shared: &Shared, id: &str, cursor: &str) -> Option<u64> {
    let offset: u64 = cursor.strip_prefix('c')?.split_once('-')?.0.parse().ok()?;
    (cursor_for(shared, id, offset) == cursor).then_some(offset)
}

fn transaction(shared: &Shared, id: &str, user: &User, i: u64) -> Value {
    if matches!(user, User::Example) && i == 0 {
        return json!({"conversionId": "conv-abc-123", "createdAt": "2026-03-13T14:22:00Z", "type": "conversion",
                      "from": {"currency": "CAD", "amount": "1000.00"},
                      "to": {"currency": "BTC", "amount": "0.01176471"}, "rate": "85000.00"});
    }
    let h = hash(shared.opts.seed, id, i);
    let created = HISTORY_START - (i as i64) * 3600 - (h % 1800) as i64;
    let from = minor((h % 500_000 + 1_000) as i64, 2);
    let rate = minor((8_000_000 + (h >> 24) % 1_000_000) as i64, 2);
    let mut to = (from / rate).round_dp_with_strategy(8, RoundingStrategy::MidpointAwayFromZero);
    to.rescale(8);
    json!({"conversionId": format!("conv-{:08x}-{i:06}", h >> 32), "createdAt": timestamp(created),
           "type": "conversion", "from": {"currency": "CAD", "amount": from.to_string()},
           "to": {"currency": "BTC", "amount": to.to_string()}, "rate": rate.to_string()})
}

fn transactions(shared: &Shared, r: &Received, id: &str, user: &User, rid: &str) -> Response<Body> {
    let bad = |field: &str, message: &str| {
        json_response(
            400,
            &json!({"error": "bad_request", "message": "Request failed validation", "requestId": rid,
                    "fieldErrors": [{"field": field, "message": message}]}),
        )
    };
    let limit = match r.query_param("limit") {
        None => 25,
        Some(l) => match l.parse::<u64>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => return bad("limit", "Must be between 1 and 100"),
        },
    };
    if matches!(user, User::Generated) {
        return living_transactions(shared, r, id, limit, rid);
    }
    let offset = match r.query_param("cursor") {
        None => 0,
        Some(c) => match offset_of(shared, id, &c) {
            Some(o) => o,
            None => return bad("cursor", "Invalid or expired cursor"),
        },
    };
    let total = match user {
        User::Scenario(CORRUPT_BODY) => return raw_response(200, b"{\"items\": [".to_vec()),
        User::Scenario(LOOPING_CURSOR) => {
            // Always the same next cursor: a client that trusts it never ends.
            let items = vec![transaction(shared, id, user, offset)];
            let next = cursor_for(shared, id, 1);
            return json_response(
                200,
                &json!({"externalId": id, "userId": user_id(shared, id, user), "nextCursor": next, "items": items}),
            );
        }
        User::Scenario(_) => 0,
        _ => shared.opts.transactions,
    };
    let end = (offset + limit).min(total);
    let items: Vec<Value> = (offset.min(end)..end)
        .map(|i| transaction(shared, id, user, i))
        .collect();
    let next = (end < total).then(|| cursor_for(shared, id, end));
    json_response(
        200,
        &json!({"externalId": id, "userId": user_id(shared, id, user), "nextCursor": next, "items": items}),
    )
}

/// A generated user's history, newest first: the newest `--transactions`
/// of its living stream. A cursor names the listing as its first page saw
/// it (`c<offset>.<newest>-<check>`), so transactions that arrive while it
/// is read neither shift its pages nor enter it.
fn living_transactions(
    shared: &Shared,
    r: &Received,
    id: &str,
    limit: u64,
    rid: &str,
) -> Response<Body> {
    let book = Book::of(shared, id);
    let check = |offset: u64, top: u64| {
        format!(
            "c{offset}.{top}-{:04x}",
            hash(shared.opts.seed, id, offset ^ top.rotate_left(32)) & 0xffff
        )
    };
    let (offset, top) = match r.query_param("cursor") {
        None => (0, book.stream.count(shared.now())),
        Some(c) => {
            let parsed = c
                .strip_prefix('c')
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(pos, _)| pos.split_once('.'))
                .and_then(|(o, t)| Some((o.parse().ok()?, t.parse().ok()?)))
                .filter(|&(o, t)| check(o, t) == c);
            match parsed {
                Some(at) => at,
                None => {
                    return json_response(
                        400,
                        &json!({"error": "bad_request", "message": "Request failed validation", "requestId": rid,
                                "fieldErrors": [{"field": "cursor", "message": "Invalid or expired cursor"}]}),
                    );
                }
            }
        }
    };
    let mut listed = living::listed(top, shared.opts.transactions, |k| {
        shared.hidden(&book.transaction_id(k))
    })
    .skip(offset as usize);
    let items: Vec<Value> = listed
        .by_ref()
        .take(limit as usize)
        .map(|k| book.transaction(k))
        .collect();
    let next = listed
        .next()
        .map(|_| check(offset + items.len() as u64, top));
    json_response(
        200,
        &json!({"externalId": id, "userId": user_id(shared, id, &User::Generated), "nextCursor": next, "items": items}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn to_amount_is_from_over_rate_at_eight_places() {
        let shared = Shared::new(Default::default());
        let t = transaction(&shared, "partner-user-42", &User::Example, 5);
        let from: Decimal = t["from"]["amount"].as_str().unwrap().parse().unwrap();
        let rate: Decimal = t["rate"].as_str().unwrap().parse().unwrap();
        let to = t["to"]["amount"].as_str().unwrap();
        assert_eq!(to.split('.').nth(1).unwrap().len(), 8);
        let diff = (from / rate - to.parse::<Decimal>().unwrap()).abs();
        assert!(diff <= Decimal::new(5, 9), "{diff}");
        let c = cursor_for(&shared, "partner-user-42", 25);
        assert_eq!(offset_of(&shared, "partner-user-42", &c), Some(25));
        assert_eq!(offset_of(&shared, "user-00002", &c), None);
    }

    /// A living user's balances move by exactly its conversions: from one
    /// clock to another, across a half-cycle's turn, each currency's change
    /// is the sum of the transactions dated in between.
    #[test]
    fn a_living_users_balances_move_by_its_transactions() {
        let shared = Shared::new(Default::default());
        let book = Book::of(&shared, "user-00003");
        let t1 = living::EPOCH + (living::HALF as i64 - 40) * living::PERIOD;
        for t2 in [t1 + 7, t1 + 600, t1 + 10_000] {
            let (n1, n2) = (book.stream.count(t1), book.stream.count(t2));
            let mut moved = vec![0i128; book.currencies.len()];
            for k in n1..n2 {
                let t = book.transaction(k);
                for (leg, sign) in [("from", -1), ("to", 1)] {
                    let c = book
                        .currencies
                        .iter()
                        .position(|c| c.code == t[leg]["currency"])
                        .unwrap();
                    let amount = t[leg]["amount"].as_str().unwrap();
                    moved[c] += sign * super::super::minor_units(amount, book.currencies[c].scale);
                }
            }
            let (a, b) = (book.net(t1), book.net(t2));
            let diff: Vec<i128> = b.iter().zip(&a).map(|(b, a)| b - a).collect();
            assert_eq!(diff, moved, "from {t1} to {t2}");
            assert!(
                book.currencies
                    .iter()
                    .zip(&b)
                    .all(|(c, m)| c.opening + m >= c.held),
                "no balance below its part held"
            );
        }
    }
}
