//! NOAH Business API: `X-Api-Key` plus a fresh
//! ES384/ES256 JWT per request in `Api-Signature`, string amounts, page tokens.

use crate::auth::jwt::{self, EcKey};
use crate::clock;
use crate::error::{Error, Kind, Result};
use crate::http::{self, Engine, Incoming, Outgoing, Protocol};
use crate::json::{Fields, Listing};
use crate::listing::ahead::{Ahead, Fetch};
use crate::listing::paginate::{Page, Pager};
use crate::model::{Balance, Money, Transaction};
use crate::secret::Secret;
use reqwest::Url;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The audience NOAH expects, in production and in its sandbox alike.
pub const AUDIENCE: &str = "https://api.noah.com";
/// NOAH's page size when none is asked for.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// Token lifetime: NOAH allows up to 900 s; a short one limits replay.
const TOKEN_TTL: i64 = 300;

pub struct Noah {
    base: Url,
    api_key: Secret,
    /// `None`: requests go unsigned (a sandbox key created without a public key allows it).
    key: Option<EcKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    Asc,
    Desc,
}

impl Noah {
    pub fn new(base: Url, api_key: Secret, key: Option<EcKey>) -> Self {
        if key.is_none() {
            tracing::info!(
                "noah: no signing key configured: requests are sent without Api-Signature"
            );
        }
        Noah { base, api_key, key }
    }

    async fn get(
        &self,
        engine: &Engine,
        endpoint: &str,
        pairs: &[(&str, String)],
    ) -> Result<Incoming> {
        let url = http::url::join(&self.base, endpoint, &http::url::query(pairs))?;
        engine.send(self, || Ok(Outgoing::get(url.clone()))).await
    }
}

fn page_pairs(page_size: Option<u32>, token: Option<&str>) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(n) = page_size {
        pairs.push(("PageSize", n.to_string()));
    }
    if let Some(t) = token {
        pairs.push(("PageToken", t.to_owned()));
    }
    pairs
}

/// A balances page: its balances and the next token.
pub fn parse_balances(body: &[u8]) -> Result<(Vec<Balance>, Option<String>)> {
    let mut page = balances_page(body.to_vec(), 0)?;
    let next = page.next.take();
    Ok((page.into_items()?, next))
}

/// A balances page: its balances stay in the body until they are reached
/// (see [`Listing`]); the token is read now.
pub fn balances_page(body: Vec<u8>, status: u16) -> Result<Page<Balance>> {
    let (spans, next) = (|| {
        let mut doc = Listing::read("response", &body, &["Items"])?;
        let spans = doc.items("Items")?;
        let token = doc.doc.string_opt("PageToken")?.map(String::from);
        Ok((spans, token))
    })()
    .map_err(|e: Error| e.with_status(status))?;
    let next = next_token(next, spans.len());
    Page::in_body(body, spans, balance_at, status, next)
}

fn balance_at(text: &[u8]) -> Result<Balance> {
    balance(Fields::item("balance", text)?)
}

/// A transactions page: its transactions and the next token.
pub fn parse_transactions(body: &[u8]) -> Result<(Vec<Transaction>, Option<String>)> {
    let (items, next) = items_and_token(body, "transaction")?;
    Ok((items.map(|f| transaction(f?)).collect::<Result<_>>()?, next))
}

/// Items and the next token; an empty page or an absent, null or empty token ends the list.
fn items_and_token<'de>(
    body: &'de [u8],
    what: &'static str,
) -> Result<(crate::json::Records<'de>, Option<String>)> {
    let mut doc = Fields::read("response", body)?;
    let items = doc.records("Items", what)?;
    let token = next_token(doc.string_opt("PageToken")?.map(String::from), items.len());
    Ok((items, token))
}

/// The token of the next page: none when it is empty, or when this page
/// has no items (a list that ended with a token left over).
fn next_token(token: Option<String>, items: usize) -> Option<String> {
    token.filter(|t| !t.is_empty() && items > 0)
}

pub struct BalancePager<'a> {
    pub noah: &'a Noah,
    pub engine: &'a Engine,
    pub page_size: Option<u32>,
}

impl Pager for BalancePager<'_> {
    type Item = Balance;
    async fn page(&mut self, cursor: Option<&str>, _want: Option<usize>) -> Result<Page<Balance>> {
        let resp = self
            .noah
            .get(
                self.engine,
                "/balances",
                &page_pairs(self.page_size, cursor),
            )
            .await?;
        balances_page(resp.body, resp.status)
    }
}

pub struct TransactionPager<'a> {
    noah: &'a Noah,
    engine: &'a Engine,
    page_size: Option<u32>,
    sort: Option<Sort>,
    /// The next page's request, sent while the current page is written.
    ahead: Ahead<'a>,
}

impl<'a> TransactionPager<'a> {
    pub fn new(
        noah: &'a Noah,
        engine: &'a Engine,
        page_size: Option<u32>,
        sort: Option<Sort>,
    ) -> Self {
        TransactionPager {
            noah,
            engine,
            page_size,
            sort,
            ahead: Ahead::default(),
        }
    }

    /// The request for the page at `cursor`, borrowing only what outlives
    /// the pager's calls (so it can wait in `ahead`).
    fn fetch(&self, cursor: Option<&str>) -> Fetch<'a> {
        let mut pairs = page_pairs(self.page_size, cursor);
        if let Some(sort) = self.sort {
            pairs.push((
                "SortDirection",
                if sort == Sort::Asc { "ASC" } else { "DESC" }.to_owned(),
            ));
        }
        let (noah, engine) = (self.noah, self.engine);
        Box::pin(async move { noah.get(engine, "/transactions", &pairs).await })
    }
}

impl Pager for TransactionPager<'_> {
    type Item = Transaction;
    // `want` is ignored: NOAH's next page must use the same PageSize as the first.
    async fn page(
        &mut self,
        cursor: Option<&str>,
        _want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        let fresh = self.fetch(cursor);
        let resp = (self.ahead).answer(cursor, self.engine, fresh).await?;
        let (items, next) =
            parse_transactions(&resp.body).map_err(|e| e.with_status(resp.status))?;
        Ok(Page::new(items, next, resp.body))
    }

    async fn ahead(&mut self, cursor: &str, _want: Option<usize>) {
        let answer = self.fetch(Some(cursor));
        self.ahead.send(cursor.to_owned(), answer).await;
    }
}

fn balance(mut f: Fields) -> Result<Balance> {
    Ok(Balance {
        currency: f.currency("CryptoCurrency")?,
        available: Some(f.amount("Available")?),
        total: f.amount_opt("Total")?,
        pending: None,
        account_id: None,
        account_type: f.string_opt("AccountType")?,
        status: None,
        provider_fields: f.rest(),
    })
}

fn transaction(mut f: Fields) -> Result<Transaction> {
    let id = f
        .text_opt("ID")?
        .ok_or_else(|| Error::bad_response("transaction: missing field `ID`"))?;
    let created_at = f.timestamp_opt("Created", clock::Form::Rfc3339)?;
    let status = f.string_opt("Status")?;
    let direction = f.string_opt("Direction")?;
    // Amount and NetworkFee become legs only with a currency and a known
    // direction; otherwise they stay in provider_fields, as sent.
    let currency = f.currency_opt("CryptoCurrency")?;
    let leg = |f: &mut Fields, key: &str| -> Result<Option<Money>> {
        let Some(currency) = currency.clone() else {
            f.amount_peek(key)?;
            return Ok(None);
        };
        Ok(f.amount_opt(key)?.map(|amount| Money { currency, amount }))
    };
    let (from, to) = match direction.as_deref() {
        Some("In") => (None, leg(&mut f, "Amount")?),
        Some("Out") => (leg(&mut f, "Amount")?, None),
        _ => {
            f.amount_peek("Amount")?;
            (None, None)
        }
    };
    let fee = leg(&mut f, "NetworkFee")?;
    Ok(Transaction {
        id,
        created_at,
        // std's lower-casing, not compact_str's (which misses a final sigma
        // after 16 ASCII letters).
        kind: direction.map(|d| d.as_str().to_lowercase().into()),
        status,
        from,
        to,
        rate: None,
        fee,
        provider_fields: f.rest(),
        subject: None,
    })
}

impl Protocol for Noah {
    fn name(&self) -> &'static str {
        super::ProviderId::Noah.name()
    }

    fn authorize(&self, req: &mut Outgoing) -> Result<()> {
        req.secret_header("X-Api-Key", self.api_key.clone());
        let Some(key) = &self.key else { return Ok(()) };
        // The claim holds the query exactly as sent, decoded, in order.
        let query: Vec<(String, String)> = req
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let claims = jwt::Claims {
            aud: AUDIENCE,
            iat: clock::now().unix_timestamp(),
            ttl: TOKEN_TTL,
            method: req.method.as_str(),
            path: req.url.path(),
            query: &query,
            body_hash: req
                .body
                .as_ref()
                .map(|b| hex::encode(Sha256::digest(b.expose()))),
        };
        req.signing_input = Some(claims.to_json().to_string());
        req.secret_header("Api-Signature", Secret::new(jwt::sign(key, &claims)));
        Ok(())
    }

    fn error_from(&self, resp: &Incoming) -> Error {
        let body = match http::error_body(resp, "NOAH") {
            Ok(body) => body,
            Err(e) => return e,
        };
        let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
        let code = text("Type");
        let kind = match code.as_deref() {
            Some("Unauthorized" | "Forbidden") => Kind::Unauthorized,
            Some("ResourceNotFound") => Kind::NotFound,
            Some("InvalidMessage" | "InsufficientBalance") => Kind::Usage,
            Some("Unexpected") => Kind::Unavailable,
            _ => http::kind_for_status(resp.status),
        };
        let mut message = text("Detail")
            .filter(|d| !d.is_empty())
            .or_else(|| code.clone())
            .unwrap_or_else(|| format!("HTTP {}", resp.status));
        if let Some(Value::Object(request)) = body.get("Extensions").and_then(|e| e.get("Request"))
        {
            let details: Vec<String> = request
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{k}: {}",
                        v.as_str().map_or_else(|| v.to_string(), str::to_owned)
                    )
                })
                .collect();
            message = crate::json::with_details(message, details);
        }
        Error::new(kind, message)
            .with_status(resp.status)
            .with_code(code)
            .with_request_id(text("Instance"))
    }

    fn is_time_signed(&self) -> bool {
        self.key.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, response};

    /// A direction is lower-cased as std lower-cases it, final sigma and all
    /// (compact_str's own `to_lowercase` misses it after 16 ASCII letters).
    #[test]
    fn a_direction_is_lower_cased_as_std_does() {
        let body = r#"{"Items":[{"ID":"t","Direction":"ABCDEFGHIJKLMNOPΣ"}],"PageToken":null}"#;
        let (items, _) = parse_transactions(body.as_bytes()).unwrap();
        assert_eq!(items[0].kind.as_deref(), Some("abcdefghijklmnopς"));
        assert_eq!("ABCDEFGHIJKLMNOPΣ".to_lowercase(), "abcdefghijklmnopς");
    }

    #[test]
    fn maps_the_seed_balance() {
        let resp = response(200, fixture("noah-balances-200.json"));
        let (items, token) = items_and_token(&resp.body, "balance").unwrap();
        assert_eq!(token.as_deref(), Some("string"));
        let b = balance(items.into_iter().next().unwrap().unwrap()).unwrap();
        assert_eq!(
            (b.currency.as_str(), b.account_type.as_deref()),
            ("BTC", Some("Current"))
        );
        assert_eq!(b.available.unwrap().as_str(), "10.1");
    }

    fn read_tx(v: Value) -> Result<Transaction> {
        transaction(Fields::new("transaction", v)?)
    }

    #[test]
    fn the_page_token_is_checked_before_the_items() {
        let e = parse_balances(br#"{"Items":[1],"PageToken":2}"#).unwrap_err();
        assert_eq!(
            e.message,
            "response.PageToken: expected a string, found a number"
        );
    }

    #[test]
    fn maps_directions_and_fees() {
        let tx = read_tx(serde_json::json!({"ID": "t1", "PublicID": "p1", "Network": "bitcoin", "Created": "2026-03-01T00:00:00Z",
            "Status": "Settled", "Direction": "In", "Amount": "0.50000000", "NetworkFee": "0.00001000", "CryptoCurrency": "btc"})).unwrap();
        let json = serde_json::to_string(&tx).unwrap();
        assert_eq!(
            json,
            r#"{"id":"t1","created_at":"2026-03-01T00:00:00Z","type":"in","status":"Settled","from":null,"to":{"currency":"BTC","amount":"0.50000000"},"rate":null,"fee":{"currency":"BTC","amount":"0.00001000"},"provider_fields":{"PublicID":"p1","Network":"bitcoin"}}"#
        );
        let tx = read_tx(serde_json::json!({"ID": "t2", "Direction": "Out", "Amount": ".5", "CryptoCurrency": "USDC"})).unwrap();
        assert_eq!(tx.from.unwrap().amount.as_str(), ".5");
        assert!(tx.to.is_none() && tx.fee.is_none());
    }

    #[test]
    fn query_params_claim_matches_the_url_byte_for_byte() {
        use base64::Engine as _;
        let key = EcKey::from_pem(crate::sandbox::demo::NOAH_ES384_PRIVATE).unwrap();
        let n = Noah::new(
            Url::parse("https://api.noah.com/v1").unwrap(),
            Secret::new("k"),
            Some(key),
        );
        let pairs = page_pairs(Some(20), Some("a+b=/c d"));
        let url = http::url::join(&n.base, "/transactions", &http::url::query(&pairs)).unwrap();
        let mut req = Outgoing::get(url);
        n.authorize(&mut req).unwrap();
        assert_eq!(req.wire_query(), "PageSize=20&PageToken=a%2Bb%3D%2Fc%20d");
        let jwt = match &req
            .headers
            .iter()
            .find(|(name, _)| *name == "Api-Signature")
            .unwrap()
            .1
        {
            http::HeaderValue::Secret(s) => s.expose().to_owned(),
            http::HeaderValue::Plain(_) => panic!("the JWT must be a secret header"),
        };
        let claims = jwt.split('.').nth(1).unwrap();
        let claims: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(claims)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(claims["path"], "/v1/transactions");
        assert_eq!(claims["method"], "GET");
        assert_eq!(
            claims["queryParams"],
            serde_json::json!({"PageSize": "20", "PageToken": "a+b=/c d"})
        );
        // Re-encoding the claim's pairs gives back the wire query exactly.
        let back: Vec<(&str, String)> = claims["queryParams"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(http::url::query(&back), req.wire_query());
        assert!(claims.get("bodyHash").is_none());
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
            300
        );
    }

    #[test]
    fn error_envelope() {
        let n = Noah::new(Url::parse("https://x").unwrap(), Secret::new("k"), None);
        let body = br#"{"Type":"InvalidMessage","Instance":"inst-1","Action":"GetBalances","Detail":"PageSize too large","Extensions":{"Request":{"PageSize":"must be <= 100"},"Features":{}}}"#;
        let e = n.error_from(&response(400, body.to_vec()));
        assert_eq!(e.exit_code(), 2);
        assert_eq!(e.message, "PageSize too large (PageSize: must be <= 100)");
        assert_eq!(e.request_id.as_deref(), Some("inst-1"));
        assert_eq!(e.code.as_deref(), Some("InvalidMessage"));
        let e = n.error_from(&response(
            401,
            br#"{"Type":"Unauthorized","Detail":"bad signature"}"#.to_vec(),
        ));
        assert_eq!(e.exit_code(), 77);
    }
}
