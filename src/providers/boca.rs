//! Boca Raton Partner API: HMAC-signed requests,
//! string amounts, cursor pagination.

use crate::auth::hmac_signing;
use crate::clock;
use crate::error::{Error, Kind, Result};
use crate::http::{self, Engine, Incoming, Outgoing, Protocol};
use crate::json::{Fields, Listing};
use crate::listing::ahead::{Ahead, Fetch};
use crate::listing::paginate::{Page, Pager, item_at};
use crate::model::{Balance, Money, Transaction};
use crate::money::Amount;
use crate::secret::Secret;
use reqwest::Url;
use serde_json::Value;

/// Page size when `--limit` is not given (the API's own default).
pub const DEFAULT_LIMIT: u32 = 25;
pub const MAX_LIMIT: u32 = 100;

pub struct Boca {
    base: Url,
    api_key: Secret,
    api_secret: Secret,
}

impl Boca {
    pub fn new(base: Url, api_key: Secret, api_secret: Secret) -> Self {
        Boca {
            base,
            api_key,
            api_secret,
        }
    }

    fn user_url(&self, external_id: &str, endpoint: &str, query: &str) -> Result<Url> {
        check_external_id(external_id)?;
        let id = http::url::path_segment("external id", external_id)?;
        http::url::join(&self.base, &format!("/v1/users/{id}/{endpoint}"), query)
    }

    /// `GET /v1/users/{externalId}/balances`: every balance, in one response.
    pub async fn balances(&self, engine: &Engine, external_id: &str) -> Result<Page<Balance>> {
        let url = self.user_url(external_id, "balances", "")?;
        let resp = engine.send(self, || Ok(Outgoing::get(url.clone()))).await?;
        balances_page(resp.body, resp.status)
    }
}

/// A balances body as a page: its balances stay in the body until they
/// are reached (see [`Listing`]).
pub fn balances_page(body: Vec<u8>, status: u16) -> Result<Page<Balance>> {
    let spans = Listing::read("balances response", &body, &["balances"])
        .and_then(|mut doc| doc.items("balances"))
        .map_err(|e| e.with_status(status))?;
    Page::in_body(body, spans, balance_at, status, None)
}

/// A balances body, every balance read.
pub fn parse_balances(body: &[u8]) -> Result<Vec<Balance>> {
    balances_page(body.to_vec(), 0)?.into_items()
}

fn balance_at(text: &[u8]) -> Result<Balance> {
    balance(Fields::item("balance", text)?)
}

/// A transactions body: the page's items and `nextCursor`. The one pass
/// over the page checks its syntax and leaves the items in it ([`Listing`]);
/// each item is then read by [`Plain`] when it has the documented shape,
/// else by the general reader, which also says what is wrong with it.
pub fn parse_transactions(body: &[u8]) -> Result<(Vec<Transaction>, Option<String>)> {
    let mut doc = Listing::read("transactions response", body, &["items"])?;
    // Each span is a slice of the text checked once by the read (an `str`'s
    // own pieces: they start and end at char boundaries).
    let text = doc.text();
    let items = doc
        .items("items")?
        .into_iter()
        .map(|span| transaction_at(&text[span.clone()]).map_err(|e| item_at(e, span.start)))
        .collect::<Result<Vec<_>>>()?;
    Ok((items, doc.doc.string_opt("nextCursor")?.map(String::from)))
}

fn transaction_at(text: &str) -> Result<Transaction> {
    let plain = serde_json::from_str::<Plain>(text)
        .ok()
        .and_then(Plain::transaction);
    match plain {
        Some(t) => Ok(t),
        None => transaction(Fields::item("transaction", text.as_bytes())?),
    }
}

/// A Boca transaction in its documented shape, borrowed from the page:
/// every field a string without escapes, named at most once, and no field
/// beyond the documented ones. Anything else is not an error here, only
/// "not this shape" (the general reader then reads the item and says what
/// is wrong): so a record read this way is exactly the one the general
/// reader makes (a property test holds the two to each other), and the
/// usual record costs no tree and no allocation. By hand, not by serde's
/// derive (`deny_unknown_fields`, borrowed `&str` fields, which reads the
/// same records): the derive cost 1.9% more instructions on the 20,000-item
/// export (262.0 M → 267.0 M, `bench/instructions.sh`).
#[derive(Default)]
struct Plain<'a> {
    conversion_id: Option<&'a str>,
    id: Option<&'a str>,
    created_at: Option<&'a str>,
    kind: Option<&'a str>,
    rate: Option<&'a str>,
    from: Option<PlainLeg<'a>>,
    to: Option<PlainLeg<'a>>,
}

struct PlainLeg<'a> {
    currency: &'a str,
    amount: &'a str,
}

/// What a [`Plain`] reader answers when the item is not in its shape.
fn not_plain<E: serde::de::Error>() -> E {
    E::custom("not the documented shape")
}

/// The value of the field just named into its slot: a field named twice is
/// not this shape.
fn once<'de, T, A>(slot: &mut Option<T>, map: &mut A) -> std::result::Result<(), A::Error>
where
    T: serde::Deserialize<'de>,
    A: serde::de::MapAccess<'de>,
{
    match slot.replace(map.next_value()?) {
        Some(_) => Err(not_plain()),
        None => Ok(()),
    }
}

impl<'a> Plain<'a> {
    fn transaction(self) -> Option<Transaction> {
        let id = match (self.conversion_id, self.id) {
            (Some(id), None) | (None, Some(id)) => id,
            // Both: `id` stays in provider_fields; neither: an error to report.
            _ => return None,
        };
        if let Some(at) = self.created_at {
            clock::Timestamp::parse(at, clock::Form::Rfc3339).ok()?;
        }
        let leg = |leg: Option<PlainLeg>| match leg {
            None => Some(None),
            Some(l) => {
                // A code the general reader would upper-case, or refuse, is its to read.
                let upper = l
                    .currency
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_lowercase());
                (upper && !l.currency.trim().is_empty()).then_some(())?;
                Some(Some(Money {
                    currency: l.currency.into(),
                    amount: Amount::parse(l.amount).ok()?,
                }))
            }
        };
        Some(Transaction {
            id: id.into(),
            created_at: self.created_at.map(Into::into),
            kind: self.kind.map(Into::into),
            status: None,
            from: leg(self.from)?,
            to: leg(self.to)?,
            rate: self.rate.map(Amount::parse).transpose().ok()?,
            fee: None,
            provider_fields: Default::default(),
            subject: None,
        })
    }
}

impl<'de> serde::Deserialize<'de> for Plain<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Plain<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a transaction")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Plain<'de>, A::Error> {
                let mut p = Plain::default();
                // `&str` takes a key or value only as it is in the body: one
                // with an escape is refused, and so not this shape.
                while let Some(key) = map.next_key::<&'de str>()? {
                    let text = match key {
                        "conversionId" => &mut p.conversion_id,
                        "id" => &mut p.id,
                        "createdAt" => &mut p.created_at,
                        "type" => &mut p.kind,
                        "rate" => &mut p.rate,
                        "from" | "to" => {
                            let leg = if key == "from" {
                                &mut p.from
                            } else {
                                &mut p.to
                            };
                            once(leg, &mut map)?;
                            continue;
                        }
                        _ => return Err(not_plain()),
                    };
                    once(text, &mut map)?;
                }
                Ok(p)
            }
        }
        d.deserialize_map(Fields)
    }
}

impl<'de> serde::Deserialize<'de> for PlainLeg<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Leg;
        impl<'de> serde::de::Visitor<'de> for Leg {
            type Value = PlainLeg<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a transaction leg")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<PlainLeg<'de>, A::Error> {
                let (mut currency, mut amount) = (None, None);
                while let Some(key) = map.next_key::<&'de str>()? {
                    let text = match key {
                        "currency" => &mut currency,
                        "amount" => &mut amount,
                        _ => return Err(not_plain()),
                    };
                    once(text, &mut map)?;
                }
                match (currency, amount) {
                    (Some(currency), Some(amount)) => Ok(PlainLeg { currency, amount }),
                    _ => Err(not_plain()),
                }
            }
        }
        d.deserialize_map(Leg)
    }
}

fn check_external_id(id: &str) -> Result<()> {
    let n = id.chars().count();
    if !(1..=128).contains(&n) {
        return Err(Error::usage(format!(
            "external id must be 1 to 128 characters, got {n}"
        )));
    }
    Ok(())
}

fn balance(mut f: Fields) -> Result<Balance> {
    Ok(Balance {
        currency: f.currency("currency")?,
        available: Some(f.amount("available")?),
        total: f.amount_opt("total")?,
        pending: None,
        account_id: None,
        account_type: None,
        status: None,
        provider_fields: f.rest(),
    })
}

fn transaction(mut f: Fields) -> Result<Transaction> {
    let id = match f.string_opt("conversionId")? {
        Some(id) => id,
        None => f.string("id")?,
    };
    let created_at = f.timestamp_opt("createdAt", clock::Form::Rfc3339)?;
    let kind = f.string_opt("type")?;
    let (from, from_rest) = money(f.object_opt("from", "transaction leg")?)?;
    let (to, to_rest) = money(f.object_opt("to", "transaction leg")?)?;
    let rate = f.amount_opt("rate")?;
    let mut rest = f.rest();
    // A leg's fields beyond currency and amount (a `fee`, say) are kept
    // under the leg's own name, never dropped.
    for (name, extra) in [("from", from_rest), ("to", to_rest)] {
        if !extra.is_empty() {
            rest.insert(name.to_owned(), Value::Object(extra));
        }
    }
    Ok(Transaction {
        id,
        created_at,
        kind,
        status: None,
        from,
        to,
        rate,
        fee: None,
        provider_fields: rest,
        subject: None,
    })
}

/// A `from`/`to` leg, and whatever else the provider put in it.
fn money(leg: Option<Fields>) -> Result<(Option<Money>, serde_json::Map<String, Value>)> {
    let Some(mut f) = leg else {
        return Ok((None, Default::default()));
    };
    let leg = Money {
        currency: f.currency("currency")?,
        amount: f.amount("amount")?,
    };
    Ok((Some(leg), f.rest()))
}

/// `GET /v1/users/{externalId}/transactions`, one page per call.
pub struct TransactionPager<'a> {
    boca: &'a Boca,
    engine: &'a Engine,
    external_id: &'a str,
    limit: u32,
    /// The next page's request, sent while the current page is written.
    ahead: Ahead<'a>,
}

impl<'a> TransactionPager<'a> {
    pub fn new(boca: &'a Boca, engine: &'a Engine, external_id: &'a str, limit: u32) -> Self {
        TransactionPager {
            boca,
            engine,
            external_id,
            limit,
            ahead: Ahead::default(),
        }
    }

    /// The page size for a caller that needs `want` more items.
    fn limit_for(&self, want: Option<usize>) -> u32 {
        want.map_or(self.limit, |w| {
            self.limit.min(w.clamp(1, MAX_LIMIT as usize) as u32)
        })
    }

    /// The request for the page at `cursor`, borrowing only what outlives
    /// the pager's calls (so it can wait in `ahead`).
    fn fetch(&self, cursor: Option<&str>, limit: u32) -> Fetch<'a> {
        let mut pairs = Vec::new();
        if let Some(c) = cursor {
            pairs.push(("cursor", c.to_owned()));
        }
        pairs.push(("limit", limit.to_string()));
        let (boca, engine) = (self.boca, self.engine);
        let url = boca.user_url(self.external_id, "transactions", &http::url::query(&pairs));
        Box::pin(async move {
            let url = url?;
            engine.send(boca, || Ok(Outgoing::get(url.clone()))).await
        })
    }
}

impl Pager for TransactionPager<'_> {
    type Item = Transaction;

    async fn page(
        &mut self,
        cursor: Option<&str>,
        want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        let limit = self.limit_for(want);
        let key = cursor.map(|c| ahead_key(c, limit));
        let fresh = self.fetch(cursor, limit);
        let resp = (self.ahead)
            .answer(key.as_deref(), self.engine, fresh)
            .await?;
        let (items, next) =
            parse_transactions(&resp.body).map_err(|e| e.with_status(resp.status))?;
        Ok(Page::new(items, next, resp.body))
    }

    async fn ahead(&mut self, cursor: &str, want: Option<usize>) {
        let limit = self.limit_for(want);
        let answer = self.fetch(Some(cursor), limit);
        self.ahead.send(ahead_key(cursor, limit), answer).await;
    }
}

/// What a request sent ahead is for: a page at a cursor, of a size.
fn ahead_key(cursor: &str, limit: u32) -> String {
    format!("{limit} {cursor}")
}

impl Protocol for Boca {
    fn name(&self) -> &'static str {
        super::ProviderId::Boca.name()
    }

    fn authorize(&self, req: &mut Outgoing) -> Result<()> {
        let timestamp = clock::rfc3339_seconds(clock::now());
        let body: &[u8] = req.body.as_deref().unwrap_or_default();
        let canonical = hmac_signing::canonical_string(
            req.method.as_str(),
            req.wire_path(),
            req.wire_query(),
            &timestamp,
            body,
        );
        let signature = hmac_signing::sign(self.api_secret.expose().as_bytes(), &canonical);
        req.secret_header("X-Api-Key", self.api_key.clone());
        req.header("X-Request-Timestamp", timestamp);
        req.secret_header("X-Request-Signature", Secret::new(signature));
        req.signing_input = Some(canonical);
        Ok(())
    }

    fn error_from(&self, resp: &Incoming) -> Error {
        let body = match http::error_body(resp, "Boca") {
            Ok(body) => body,
            Err(e) => return e,
        };
        let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
        let code = text("error");
        let kind = match code.as_deref() {
            Some("unauthorized") => Kind::Unauthorized,
            Some("not_found") => Kind::NotFound,
            Some("too_many_requests") => Kind::RateLimited,
            Some("internal_error") => Kind::Unavailable,
            Some("bad_request" | "conflict" | "unprocessable_entity") => Kind::Usage,
            _ => http::kind_for_status(resp.status),
        };
        let mut message = text("message").unwrap_or_else(|| format!("HTTP {}", resp.status));
        if let Some(Value::Array(fields)) = body.get("fieldErrors") {
            let details: Vec<String> = fields
                .iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f.get("field").and_then(Value::as_str).unwrap_or("?"),
                        f.get("message").and_then(Value::as_str).unwrap_or("?")
                    )
                })
                .collect();
            message = crate::json::with_details(message, details);
        }
        Error::new(kind, message)
            .with_status(resp.status)
            .with_code(code)
            .with_request_id(text("requestId"))
    }

    fn is_time_signed(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, response};

    #[test]
    fn maps_the_seed_balances_exactly() {
        let body = fixture("boca-balances-200.json");
        let mut doc = Fields::read("doc", &body).unwrap();
        let items: Vec<Balance> = doc
            .records("balances", "balance")
            .unwrap()
            .map(|b| balance(b.unwrap()).unwrap())
            .collect();
        assert_eq!(items[0].currency, "CAD");
        assert_eq!(items[0].available.as_ref().unwrap().as_str(), "1250.00");
        assert_eq!(items[1].total.as_ref().unwrap().as_str(), "0.01500000");
    }

    /// The whole document read at once into fields (the simplest reading,
    /// kept as the reference): the one-at-a-time reading of balances from
    /// the body must accept and refuse alike.
    fn eager(body: &[u8]) -> Result<Vec<Balance>> {
        let mut doc = Fields::read("balances response", body)?;
        doc.records("balances", "balance")?
            .map(|b| balance(b?))
            .collect()
    }

    #[test]
    fn balances_read_from_the_body_are_the_balances_read_at_once() {
        let seed = String::from_utf8(fixture("boca-balances-200.json")).unwrap();
        let bodies = [
            seed.as_str(),
            r#"{"balances":[]}"#,
            r#"{"balances":[],"more":{"balances":[1]}}"#,
            r#"{"more":[{"a":1}],"balances":[{"currency":"CAD","available":"1.0"}]}"#,
            r#"{"balances":[{"currency":"CAD","available":"1.0"},{"currency":"CAD","available":"1.0","available":"2"}]}"#,
            r#"{"balances":[{"currency":"CAD","available":"1.0"}],"balances":[]}"#,
            r#"{"balances":[{"currency":"CAD","available":"1.0"}, 7]}"#,
            r#"{"balances":[{"currency":"CAD"}]}"#,
            r#"{"balances":[{"currency":"CAD","available":"1,00"}]}"#,
            r#"{"balances":{}}"#,
            r#"{"balances":null}"#,
            r#"{"balances":"[]"}"#,
            r#"{}"#,
            r#"[]"#,
            r#"{"balances":[]} x"#,
            r#"{"balances":[{"currency":"CAD","available":"1.0"}"#,
            r#"{"balances":[{"currency":"CAD","available":"1.0",}]}"#,
        ];
        // As deep as serde_json's nesting limit allows, and one more.
        let deep: Vec<String> = (120..130)
            .map(|k| {
                format!(
                    r#"{{"balances":[{{"currency":"CAD","available":"1","d":{}{}}}]}}"#,
                    "[".repeat(k),
                    "]".repeat(k)
                )
            })
            .collect();
        for body in bodies.into_iter().chain(deep.iter().map(String::as_str)) {
            let lazy = parse_balances(body.as_bytes());
            match (eager(body.as_bytes()), lazy) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{body}"),
                (Err(a), Err(b)) => {
                    assert_eq!(a.exit_code(), b.exit_code(), "{body}");
                    assert_eq!(b.exit_code(), 65, "{body}: {b}");
                }
                (a, b) => panic!("{body}: at once {a:?}, from the body {b:?}"),
            }
        }
    }

    #[test]
    fn a_balance_that_cannot_be_read_says_which_problem_it_has() {
        let dup = r#"{"balances":[{"currency":"CAD","available":"1.0","available":"2"}]}"#;
        let e = balances_page(dup.as_bytes().to_vec(), 200).expect_err("no page");
        assert!(e.to_string().contains("appears twice"), "{e}");
        assert!(
            e.to_string()
                .contains("the item at byte 13 of the response"),
            "{e}"
        );
        assert_eq!(e.http_status, Some(200));
        let e = parse_balances(br#"{"balances":[7]}"#).unwrap_err();
        assert!(e.to_string().contains("expected an object"), "{e}");
        let e = parse_balances(br#"{"balances":{}}"#).unwrap_err();
        assert!(e.to_string().contains("balances"), "{e}");
    }

    #[test]
    fn maps_the_seed_transaction() {
        let body = fixture("boca-transactions-200.json");
        let mut doc = Fields::read("doc", &body).unwrap();
        let first = doc.records("items", "transaction").unwrap().next();
        let tx = transaction(first.unwrap().unwrap()).unwrap();
        let json = serde_json::to_string(&tx).unwrap();
        assert_eq!(
            json,
            r#"{"id":"conv-abc-123","created_at":"2026-03-13T14:22:00Z","type":"conversion","status":null,"from":{"currency":"CAD","amount":"1000.00"},"to":{"currency":"BTC","amount":"0.01176471"},"rate":"85000.00","fee":null,"provider_fields":{}}"#
        );
    }

    /// Each item is read in its turn: the first item's problem is the one
    /// reported, even when a later item is not an object at all.
    #[test]
    fn items_are_reported_in_order() {
        let e = parse_balances(br#"{"balances":[{"currency":5,"available":"1"},7]}"#).unwrap_err();
        assert_eq!(
            e.message,
            "balance.currency: expected a string, found a number (the item at byte 13 of the response)"
        );
        let e = parse_transactions(br#"{"items":[{"id":5},7]}"#).unwrap_err();
        assert_eq!(
            e.message,
            "transaction.id: expected a string, found a number (the item at byte 10 of the response)"
        );
        let e = parse_transactions(br#"{"items":[{"id":"a"},7]}"#).unwrap_err();
        assert_eq!(
            e.message,
            "transaction: expected an object, found a number (the item at byte 21 of the response)"
        );
    }

    /// The whole page read into a tree and every item taken apart field by
    /// field (the simplest reading, kept as the reference): reading items
    /// in their documented shape from the body must accept, read and
    /// refuse alike.
    fn eager_transactions(body: &[u8]) -> Result<(Vec<Transaction>, Option<String>)> {
        let mut doc = Fields::read("transactions response", body)?;
        let items = doc
            .records("items", "transaction")?
            .map(|f| transaction(f?))
            .collect::<Result<Vec<_>>>()?;
        Ok((items, doc.string_opt("nextCursor")?.map(String::from)))
    }

    fn same_as_eager(body: &str) -> std::result::Result<(), String> {
        match (
            eager_transactions(body.as_bytes()),
            parse_transactions(body.as_bytes()),
        ) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(a), Err(b)) if a.exit_code() == b.exit_code() => Ok(()),
            (a, b) => Err(format!("{body}: at once {a:?}, from the body {b:?}")),
        }
    }

    #[test]
    fn transactions_read_in_their_shape_are_the_transactions_read_at_once() {
        let seed = String::from_utf8(fixture("boca-transactions-200.json")).unwrap();
        let leg = r#"{"currency":"CAD","amount":"1.00"}"#;
        for body in [
            seed.as_str(),
            r#"{"items":[]}"#,
            r#"{"items":[],"nextCursor":"c2"}"#,
            r#"{"items":[{"id":"a"}],"nextCursor":null}"#,
            r#"{"items":[{"conversionId":"c","id":"a"}]}"#,
            r#"{"items":[{"conversionId":null,"id":"a"}]}"#,
            r#"{"items":[{"type":"x"}]}"#,
            r#"{"items":[{"id":"a","id":"b"}]}"#,
            r#"{"items":[{"id":"a","from":{"currency":"cad","amount":"1"}}]}"#,
            r#"{"items":[{"id":"a","from":{"currency":" ","amount":"1"}}]}"#,
            r#"{"items":[{"id":"a","from":{"currency":"CAD","amount":"1","fee":"2"}}]}"#,
            r#"{"items":[{"id":"a","from":{"currency":"CAD","amount":"1","amount":"2"}}]}"#,
            r#"{"items":[{"id":"a","from":{"currency":"CAD"}}]}"#,
            r#"{"items":[{"id":"a","from":null,"to":{"currency":"BTC","amount":"1e3"}}]}"#,
            r#"{"items":[{"id":"a","rate":"1,5"}]}"#,
            r#"{"items":[{"id":"a","rate":85000.00}]}"#,
            r#"{"items":[{"id":"a","createdAt":"2026-02-30T00:00:00Z"}]}"#,
            r#"{"items":[{"id":"a","createdAt":"2026-03-13T14:22:00+01:00"}]}"#,
            r#"{"items":[{"id":"ab"}]}"#,
            r#"{"items":[{"id":"a"}]}"#,
            r#"{"items":[{"id":"a","note":"kept"}]}"#,
            r#"{"items":[{"id":"a"},{"id":"a"}]}"#,
            r#"{"items":[{"id":"a"}],"items":[]}"#,
            r#"{"items":{}}"#,
            r#"{"items":null}"#,
            r#"{}"#,
            r#"{"items":[{"id":"a"}],"nextCursor":7}"#,
            r#"{"items":[{"id":"a"}]} x"#,
            r#"{"items":[{"id":"a",}]}"#,
        ] {
            same_as_eager(body).unwrap();
        }
        let plain = format!(r#"{{"items":[{{"id":"a","type":"t","from":{leg},"to":{leg}}}]}}"#);
        same_as_eager(&plain).unwrap();
        // The seed's items are in the documented shape: read without the tree.
        let doc: serde_json::Value = serde_json::from_str(&seed).unwrap();
        for item in doc["items"].as_array().unwrap() {
            let text = item.to_string();
            let read = serde_json::from_str::<Plain>(&text)
                .ok()
                .and_then(Plain::transaction);
            assert!(read.is_some(), "{text}");
        }
    }

    proptest::proptest! {
        /// Items built from the documented fields and some others, with
        /// values of every kind: read in their shape or by the general
        /// reader, the page is the one the general reader makes.
        #[test]
        fn any_page_is_read_as_the_general_reader_reads_it(
            items in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        r#""id":"a""#, r#""conversionId":"c1""#, r#""id":"a","conversionId":"c1""#,
                        r#""id":7"#, r#""id":null"#, r#""id":"a\u0062""#, r#""i\u0064":"b""#, "",
                    ]),
                    proptest::sample::subsequence(vec![
                        r#""createdAt":"2026-03-13T14:22:00Z""#, r#""createdAt":"2026-03-13T14:22:00.5-05:00""#,
                        r#""createdAt":"2026-02-30T00:00:00Z""#, r#""type":"conversion""#, r#""type":null"#,
                        r#""rate":"85000.00""#, r#""rate":"-0.5e2""#, r#""rate":85000.00"#, r#""rate":"1_0""#,
                        r#""from":{"currency":"CAD","amount":"1.00"}"#, r#""from":{"currency":"cad","amount":"1.00"}"#,
                        r#""from":{"currency":" ","amount":"1"}"#, r#""to":{"currency":"BTC","amount":"0.1","fee":"1"}"#,
                        r#""to":{"amount":"-0.5e2","currency":"EUR"}"#, r#""to":{"currency":"BTC"}"#,
                        r#""to":{"currency":"BTC","amount":"1","amount":"2"}"#, r#""to":null"#, r#""to":[]"#,
                        r#""note":"kept""#, r#""id":"b""#,
                    ], 0..4),
                    proptest::bool::ANY,
                ),
                0..4,
            )
        ) {
            // The id first or last; any field may repeat another.
            let items: Vec<String> = items
                .iter()
                .map(|(id, others, id_last)| {
                    let mut fields: Vec<&str> = others.clone();
                    if !id.is_empty() {
                        if *id_last { fields.push(id) } else { fields.insert(0, id) }
                    }
                    format!("{{{}}}", fields.join(","))
                })
                .collect();
            let body = format!(r#"{{"items":[{}],"nextCursor":"n"}}"#, items.join(","));
            proptest::prop_assert!(same_as_eager(&body).is_ok(), "{}", same_as_eager(&body).unwrap_err());
        }
    }

    #[test]
    fn error_envelopes_become_kinds() {
        let cases = [
            (
                "boca-error-400.json",
                400,
                2,
                "Request body failed validation (email: Must be a valid email address)",
            ),
            (
                "boca-error-401.json",
                401,
                77,
                "Invalid API key or request signature",
            ),
            (
                "boca-error-404.json",
                404,
                66,
                "User not found for the authenticated partner",
            ),
            (
                "boca-error-429.json",
                429,
                75,
                "Rate limit exceeded. Retry after the duration indicated in the Retry-After header.",
            ),
            (
                "boca-error-500.json",
                500,
                69,
                "An unexpected error occurred. Please retry or contact support with the requestId.",
            ),
        ];
        let boca = Boca::new(
            Url::parse("https://x").unwrap(),
            Secret::new("k"),
            Secret::new("s"),
        );
        for (file, status, code, message) in cases {
            let resp = response(status, fixture(file));
            let e = boca.error_from(&resp);
            assert_eq!(e.exit_code(), code, "{file}");
            assert_eq!(e.message, message);
            assert_eq!(
                e.request_id.as_deref(),
                Some("req-a1b2c3d4-e5f6-7890-abcd-ef1234567890")
            );
        }
    }
}
