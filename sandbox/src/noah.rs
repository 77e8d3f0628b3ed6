//! The NOAH emulator: its own JWT verifier (signature against the demo public
//! keys, `aud`, lifetime, expiry, and `method`/`path`/`queryParams`/`bodyHash`
//! matched against the request as received), balances and transactions with
//! page tokens, and NOAH's error envelope.

use super::data::{self, hash, minor, timestamp};
use super::{Fault, Received, Shared, demo, json_response};
use axum::body::Body;
use axum::http::Response;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Verifier as _;
use p256::pkcs8::DecodePublicKey as _;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

const HISTORY_START: i64 = 1_773_411_720;
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
    if let Err(why) = verify(r, OffsetDateTime::now_utc().unix_timestamp()) {
        return envelope(401, "Unauthorized", &why, rid, json!({}));
    }
    if r.method != "GET" {
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
    let (list, total): (&str, u64) = match path {
        "/balances" => ("balances", BALANCES.len() as u64),
        "/transactions" => ("transactions", shared.opts.transactions),
        _ => return envelope(404, "ResourceNotFound", "No such resource", rid, json!({})),
    };
    let offset = match r.query_param("PageToken") {
        None => 0,
        Some(t) => match offset_of(shared, list, &t) {
            Some(o) => o,
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
    let end = (offset + page_size).min(total);
    let items: Vec<Value> = (offset.min(end)..end)
        .map(|i| match list {
            "balances" => balance(i as usize),
            _ => transaction(shared, if descending { i } else { total - 1 - i }),
        })
        .collect();
    let mut body = json!({"Items": items});
    if end < total {
        body["PageToken"] = json!(token_for(shared, list, end));
    }
    json_response(200, &body)
}

fn token_for(shared: &Shared, list: &str, offset: u64) -> String {
    format!(
        "{list}.{offset}.{:08x}",
        hash(shared.opts.seed, list, offset) as u32
    )
}

fn offset_of(shared: &Shared, list: &str, token: &str) -> Option<u64> {
    let offset: u64 = token
        .strip_prefix(list)?
        .strip_prefix('.')?
        .split('.')
        .next()?
        .parse()
        .ok()?;
    (token_for(shared, list, offset) == token).then_some(offset)
}

/// The seed's example first, then more; `.5` and `5.` are NOAH's documented edge forms.
const BALANCES: [(&str, &str, &str, &str); 7] = [
    ("Current", "BTC", "10.1", "10.1"),
    ("Current", "USDC", "2500.50", "2600.50"),
    ("Current", "ETH", "0.75000000", "0.75000000"),
    ("Current", "SOL", "12.5", "12.5"),
    ("Current", "USDT", "100", "100"),
    ("Current", "BTC_TEST", "0.00100000", "0.00100000"),
    ("Current", "USDC_TEST", ".5", "5."),
];

fn balance(i: usize) -> Value {
    let (kind, currency, available, total) = BALANCES[i];
    json!({"AccountType": kind, "CryptoCurrency": currency, "Available": available, "Total": total})
}

fn transaction(shared: &Shared, i: u64) -> Value {
    let h = hash(shared.opts.seed, "noah", i);
    let (currency, network, scale) = [
        ("BTC", "Bitcoin", 8),
        ("USDC", "Ethereum", 6),
        ("ETH", "Ethereum", 8),
    ][(h % 3) as usize];
    let direction = if h & 8 == 0 { "In" } else { "Out" };
    let status = ["Settled", "Settled", "Settled", "Pending", "Failed"][((h >> 8) % 5) as usize];
    let amount = minor(((h >> 16) % 500_000_000) as i64 + 1, scale);
    let fee = minor(((h >> 40) % 5_000) as i64, scale);
    let mut tx = json!({
        "ID": data::uuid_like(h), "PublicID": format!("{:010X}", h >> 24), "Network": network,
        "Created": timestamp(HISTORY_START - i as i64 * 1800), "Status": status, "Direction": direction,
        "Amount": amount.to_string(), "NetworkFee": fee.to_string(), "CryptoCurrency": currency,
        "Breakdown": [{"Type": "Principal", "Amount": amount.to_string()}, {"Type": "NetworkFee", "Amount": fee.to_string()}]
    });
    if i.is_multiple_of(3) {
        tx["FiatPayment"] = json!({"Amount": minor(((h >> 20) % 10_000_000) as i64, 2).to_string(), "FeeAmount": "1.50",
            "Rate": minor(((h >> 12) % 10_000_000) as i64 + 100, 4).to_string(), "FiatCurrency": "EUR",
            "FiatDepositID": data::uuid_like(h ^ 1)});
    }
    tx
}
