//! The NOAH emulator: its own JWT verifier (signature against the demo public
//! keys, `aud`, lifetime, expiry, and `method`/`path`/`queryParams`/`bodyHash`
//! matched against the request as received), balances and transactions with
//! page tokens, and NOAH's error envelope.

use super::data::{self, hash, timestamp};
use super::{Fault, Received, Shared, demo, json_response, living};
use axum::body::Body;
use axum::http::Response;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Verifier as _;
use p256::pkcs8::DecodePublicKey as _;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

const MAX_LIFETIME: i64 = 900;
/// Tolerated clock difference for `iat` in the future.
const LEEWAY: i64 = 60;

fn envelope(status: u16, kind: &str, detail: &str, rid: &str, request: Value) -> Response<Body> {
    json_response(
        status,
        &json!({"Type": kind, "Instance": rid, "Action": "", "Detail": detail,
                "Extensions": {"Request": request, "Features": {}}}),
    )
}

pub(super) fn fault(fault: Fault, rid: &str) -> Response<Body> {
    match fault {
        Fault::RateLimited(secs) => {
            let mut r = envelope(
                429,
                "TooManyRequests",
                "Rate limit exceeded",
                rid,
                json!({}),
            );
            r.headers_mut().insert("retry-after", secs.into());
            r
        }
        Fault::Unavailable => envelope(
            500,
            "Unexpected",
            "An unexpected error occurred",
            rid,
            json!({}),
        ),
    }
}

/// Check the request's auth; `Err` says why it is refused.
fn verify(r: &Received, now: i64) -> Result<(), String> {
    let signed = match r.header("x-api-key") {
        Some(demo::NOAH_API_KEY) => true,
        Some(demo::NOAH_UNSIGNED_API_KEY) => false,
        Some(_) => return Err("unknown API key".into()),
        None => return Err("missing X-Api-Key".into()),
    };
    let token = match r.header("api-signature") {
        Some(t) => t,
        None if signed => {
            return Err("this API key requires a signed request (Api-Signature)".into());
        }
        None => return Ok(()),
    };
    let not_jwt = || "Api-Signature is not a valid JWT".to_owned();
    let parts: Vec<&str> = token.split('.').collect();
    let [h, c, s] = parts.as_slice() else {
        return Err(not_jwt());
    };
    let decode = |p: &str| URL_SAFE_NO_PAD.decode(p).map_err(|_| not_jwt());
    let header: Value = serde_json::from_slice(&decode(h)?).map_err(|_| not_jwt())?;
    let claims: Value = serde_json::from_slice(&decode(c)?).map_err(|_| not_jwt())?;
    let sig = decode(s)?;
    let input = format!("{h}.{c}");
    let verified = match header.get("alg").and_then(Value::as_str) {
        Some("ES384") => p384::ecdsa::VerifyingKey::from_public_key_pem(demo::NOAH_ES384_PUBLIC)
            .ok()
            .zip(p384::ecdsa::Signature::from_slice(&sig).ok())
            .is_some_and(|(k, sig)| k.verify(input.as_bytes(), &sig).is_ok()),
        Some("ES256") => p256::ecdsa::VerifyingKey::from_public_key_pem(demo::NOAH_ES256_PUBLIC)
            .ok()
            .zip(p256::ecdsa::Signature::from_slice(&sig).ok())
            .is_some_and(|(k, sig)| k.verify(input.as_bytes(), &sig).is_ok()),
        _ => return Err("unsupported JWT alg".into()),
    };
    if !verified {
        return Err("JWT signature does not verify with the registered public key".into());
    }
    if claims.get("aud").and_then(Value::as_str) != Some("https://api.noah.com") {
        return Err("wrong aud".into());
    }
    let (Some(iat), Some(exp)) = (
        claims.get("iat").and_then(Value::as_i64),
        claims.get("exp").and_then(Value::as_i64),
    ) else {
        return Err("iat and exp must be integers".into());
    };
    if exp <= iat || exp - iat > MAX_LIFETIME {
        return Err(format!("token lifetime must be 1 to {MAX_LIFETIME} s"));
    }
    if now >= exp {
        return Err("token expired".into());
    }
    if iat > now + LEEWAY {
        return Err("token issued in the future".into());
    }
    if claims.get("method").and_then(Value::as_str) != Some(r.method.as_str()) {
        return Err("method claim does not match the request".into());
    }
    if claims.get("path").and_then(Value::as_str) != Some(r.path.as_str()) {
        return Err("path claim does not match the request".into());
    }
    let expected: Map<String, Value> = r
        .query_pairs()
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    match claims.get("queryParams") {
        None if expected.is_empty() => {}
        Some(Value::Object(got)) if !expected.is_empty() && *got == expected => {}
        _ => return Err("queryParams claim does not match the request".into()),
    }
    let body_hash = (!r.body.is_empty()).then(|| hex::encode(Sha256::digest(&r.body)));
    if claims
        .get("bodyHash")
        .and_then(Value::as_str)
        .map(str::to_owned)
        != body_hash
    {
        return Err("bodyHash claim does not match the request".into());
    }
    Ok(())
}

pub(super) fn handle(shared: &Shared, r: &Received, path: &str, rid: &str) -> Response<Body> {
    if let Err(why) = verify(r, shared.now()) {
        return envelope(401, "Unauthorized", &why, rid, json!({}));
    }
    if !r.reads() {
        return envelope(404, "ResourceNotFound", "No such resource", rid, json!({}));
    }
    let page_size = match r.query_param("PageSize") {
        None => 20,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return envelope(
                    400,
                    "InvalidMessage",
                    "Invalid request",
                    rid,
                    json!({"PageSize": "must be 1 to 100"}),
                );
            }
        },
    };
    let list = match path {
        "/balances" => "balances",
        "/transactions" => "transactions",
        _ => return envelope(404, "ResourceNotFound", "No such resource", rid, json!({})),
    };
    let living = Living::new(shared);
    // A token names the listing as its first page saw it: transactions that
    // arrive while it is read neither shift its pages nor enter it.
    let (offset, top) = match r.query_param("PageToken") {
        None => (0, living.stream.count(shared.now())),
        Some(t) => match position_of(shared, list, &t) {
            Some(at) => at,
            None => {
                return envelope(
                    400,
                    "InvalidMessage",
                    "Invalid request",
                    rid,
                    json!({"PageToken": "invalid or expired"}),
                );
            }
        },
    };
    let descending = match r.query_param("SortDirection").as_deref() {
        None | Some("DESC") => true,
        Some("ASC") => false,
        Some(_) => {
            return envelope(
                400,
                "InvalidMessage",
                "Invalid request",
                rid,
                json!({"SortDirection": "must be ASC or DESC"}),
            );
        }
    };
    let listed: Vec<u64> = match list {
        "balances" => (0..BALANCES.len() as u64).collect(),
        _ => {
            let mut newest_first: Vec<u64> = living::listed(top, shared.opts.transactions, |k| {
                shared.hidden(&living.transaction_id(k))
            })
            .collect();
            if !descending {
                newest_first.reverse();
            }
            newest_first
        }
    };
    let total = listed.len() as u64;
    let end = (offset + page_size).min(total);
    let items: Vec<Value> = listed[offset.min(end) as usize..end as usize]
        .iter()
        .map(|&i| match list {
            "balances" => balance(shared, i as usize),
            _ => living.transaction(i),
        })
        .collect();
    let mut body = json!({"Items": items});
    if end < total {
        body["PageToken"] = json!(token_for(shared, list, end, top));
    }
    json_response(200, &body)
}

fn token_for(shared: &Shared, list: &str, offset: u64, top: u64) -> String {
    format!(
        "{list}.{offset}.{top}.{:08x}",
        hash(shared.opts.seed, list, offset ^ top.rotate_left(32)) as u32
    )
}

/// The offset and the listing's newest (a count) a token names.
fn position_of(shared: &Shared, list: &str, token: &str) -> Option<(u64, u64)> {
    let mut parts = token.strip_prefix(list)?.strip_prefix('.')?.split('.');
    let offset: u64 = parts.next()?.parse().ok()?;
    let top: u64 = parts.next()?.parse().ok()?;
    (token_for(shared, list, offset, top) == token).then_some((offset, top))
}

/// The seed's example first, then more; `.5` and `5.` are NOAH's documented
/// edge forms. USDC and ETH live ([`Living`]): their figures here are their
/// openings, moved by every transaction so far.
const BALANCES: [(&str, &str, &str, &str); 7] = [
    ("Current", "BTC", "10.1", "10.1"),
    ("Current", "USDC", "52500.500000", "52600.500000"),
    ("Current", "ETH", "25.75000000", "25.75000000"),
    ("Current", "SOL", "12.5", "12.5"),
    ("Current", "USDT", "100", "100"),
    ("Current", "BTC_TEST", "0.00100000", "0.00100000"),
    ("Current", "USDC_TEST", ".5", "5."),
];

/// The living currencies: their index in [`BALANCES`], scale, largest amount (minor units).
const LIVING: [(usize, u32, i128); 2] = [(1, 6, 100_000_000), (2, 8, 5_000_000)];

fn balance(shared: &Shared, i: usize) -> Value {
    let (kind, currency, available, total) = BALANCES[i];
    let Some(c) = LIVING.iter().position(|(at, _, _)| *at == i) else {
        return json!({"AccountType": kind, "CryptoCurrency": currency, "Available": available, "Total": total});
    };
    let living = Living::new(shared);
    let moved = living.net(shared.now())[c];
    let scale = LIVING[c].1;
    let figure = |text: &str| {
        let opening: rust_decimal::Decimal = text.parse().unwrap_or_default();
        let minor = opening.mantissa() * 10i128.pow(scale - opening.scale());
        living::decimal(minor + moved, scale)
    };
    json!({"AccountType": kind, "CryptoCurrency": currency, "Available": figure(available), "Total": figure(total)})
}

/// The account's living history: settled transfers in and out of USDC and
/// ETH (an `Out` pays a network fee; its reversal brings back amount and
/// fee), and some failed ones, which move nothing (see [`living`]).
struct Living {
    stream: living::Stream,
    seed: u64,
}

/// One step: which living currency, in or out, amount, fee, whether it failed.
struct Step {
    currency: usize,
    out: bool,
    amount: i128,
    fee: i128,
    failed: bool,
}

impl Living {
    fn new(shared: &Shared) -> Living {
        Living {
            stream: living::Stream::new(shared.opts.seed, "noah"),
            seed: shared.opts.seed,
        }
    }

    fn step(&self, j: u64) -> Step {
        let h = hash(self.seed, "noah-living", j);
        let currency = (h % 2) as usize;
        let max = LIVING[currency].2;
        let amount = max / 100 + (h >> 8) as i128 % (max - max / 100);
        Step {
            currency,
            out: h & 4 == 0,
            amount,
            fee: amount / 200 + 1,
            failed: h % 12 == 5,
        }
    }

    fn net(&self, now: i64) -> Vec<i128> {
        living::net(self.stream.count(now), LIVING.len(), |j| {
            let s = self.step(j);
            match (s.failed, s.out) {
                (true, _) => vec![],
                (false, true) => vec![(s.currency, -(s.amount + s.fee))],
                (false, false) => vec![(s.currency, s.amount)],
            }
        })
    }

    /// Transaction `k` as the API lists it: a reversal of an `Out` comes
    /// `In` with amount and fee, of an `In` goes `Out` with a fee within it.
    fn transaction(&self, k: u64) -> Value {
        let (j, back) = living::step(k);
        let s = self.step(j);
        let (out, amount, fee) = match (back, s.out) {
            (false, out) => (out, s.amount, if out { s.fee } else { 0 }),
            (true, true) => (false, s.amount + s.fee, 0),
            (true, false) => (true, s.amount - s.fee, s.fee),
        };
        let (index, scale, _) = LIVING[s.currency];
        let currency = BALANCES[index].1;
        let h = hash(self.seed, "noah-living-id", k);
        let (amount, fee) = (living::decimal(amount, scale), living::decimal(fee, scale));
        let mut tx = json!({
            "ID": self.transaction_id(k), "PublicID": format!("{:010X}", h >> 24), "Network": "Ethereum",
            "Created": timestamp(self.stream.at(k)), "Status": if s.failed { "Failed" } else { "Settled" },
            "Direction": if out { "Out" } else { "In" }, "Amount": amount, "NetworkFee": fee,
            "CryptoCurrency": currency,
            "Breakdown": [{"Type": "Principal", "Amount": amount}, {"Type": "NetworkFee", "Amount": fee}]
        });
        // A fiat leg now and then: it stays in provider_fields, it moves no crypto balance.
        if k.is_multiple_of(3) {
            tx["FiatPayment"] = json!({"Amount": data::minor(((h >> 20) % 10_000_000) as i64, 2).to_string(),
                "FeeAmount": "1.50", "Rate": data::minor(((h >> 12) % 10_000_000) as i64 + 100, 4).to_string(),
                "FiatCurrency": "EUR", "FiatDepositID": data::uuid_like(h ^ 1)});
        }
        tx
    }

    fn transaction_id(&self, k: u64) -> String {
        data::uuid_like(hash(self.seed, "noah-living-id", k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// USDC and ETH move by exactly the settled transactions dated in
    /// between (an `Out` with its fee, a failed one not at all).
    #[test]
    fn the_living_balances_move_by_the_settled_transactions() {
        let shared = Shared::new(Default::default());
        let living = Living::new(&shared);
        let t1 = living::EPOCH + 3_000 * living::PERIOD;
        for t2 in [t1 + 7, t1 + 900, t1 + 20_000] {
            let mut moved = [0i128; 2];
            for k in living.stream.count(t1)..living.stream.count(t2) {
                let t = living.transaction(k);
                if t["Status"] == "Failed" {
                    continue;
                }
                let c = LIVING
                    .iter()
                    .position(|(i, _, _)| BALANCES[*i].1 == t["CryptoCurrency"])
                    .unwrap();
                let scale = LIVING[c].1;
                let amount = crate::minor_units(t["Amount"].as_str().unwrap(), scale);
                let fee = crate::minor_units(t["NetworkFee"].as_str().unwrap(), scale);
                moved[c] += if t["Direction"] == "In" {
                    amount
                } else {
                    -amount - fee
                };
            }
            let (a, b) = (living.net(t1), living.net(t2));
            assert_eq!([b[0] - a[0], b[1] - a[1]], moved, "from {t1} to {t2}");
        }
    }
}
