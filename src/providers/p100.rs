//! P100 Partner API: an `x-api-key` header, fiat
//! and crypto balances with JSON-number rates, errors classified by
//! `errorCode` because the HTTP status is not reliable (P501 arrives as 400).

use crate::error::{Error, Kind, Result};
use crate::http::retry::RetryClass;
use crate::http::{self, Engine, Incoming, Outgoing, Protocol};
use crate::json::{Fields, Listing};
use crate::listing::paginate::Page;
use crate::model::Balance;
use crate::secret::Secret;
use reqwest::Url;
use serde_json::Value;

pub struct P100 {
    base: Url,
    api_key: Secret,
}

impl P100 {
    pub fn new(base: Url, api_key: Secret) -> Self {
        P100 { base, api_key }
    }

    /// `GET /v1/user/{externalUserId}/balances`: fiat balances, then crypto.
    pub async fn balances(&self, engine: &Engine, user: &str) -> Result<Page<Balance>> {
        let id = http::url::path_segment("external user id", user)?;
        let url = http::url::join(&self.base, &format!("/v1/user/{id}/balances"), "")?;
        let resp = engine.send(self, || Ok(Outgoing::get(url.clone()))).await?;
        balances_page(resp.body, resp.status)
    }
}

/// A balances body: both lists must be there (empty is fine). A body
/// without them (`{}`, `{"userId": …}`, `"fiatBalances": null`) is not "no
/// balances": it is an answer we do not understand.
pub fn parse_balances(body: &[u8]) -> Result<Vec<Balance>> {
    balances_page(body.to_vec(), 0)?.into_items()
}

/// A balances body as a page: fiat balances, then crypto, left in the body
/// until they are reached (see [`Listing`]).
pub fn balances_page(body: Vec<u8>, status: u16) -> Result<Page<Balance>> {
    const LISTS: &[&str] = &["fiatBalances", "cryptoBalances"];
    let spans = (|| {
        let mut doc = Listing::read("balances response", &body, LISTS)?;
        let mut spans = doc.items(LISTS[0])?;
        spans.extend(doc.items(LISTS[1])?);
        Ok(spans)
    })()
    .map_err(|e: Error| e.with_status(status))?;
    Page::in_body(body, spans, balance_at, status, None)
}

fn balance_at(text: &[u8]) -> Result<Balance> {
    balance(Fields::item("balance", text)?)
}

fn balance(mut f: Fields) -> Result<Balance> {
    let available = f.amount("amount")?;
    let currency = f.currency("name")?;
    let account_id = f.text_opt("id")?;
    let status = f.string_opt("status")?;
    Ok(Balance {
        currency,
        available: Some(available),
        total: None,
        pending: None,
        account_id,
        account_type: None,
        status,
        provider_fields: f.rest(),
    })
}

/// `errorCode` when the body is P100's error envelope (any non-null value
/// counts: an envelope with an odd code is still an error, never a balance
/// list); `Err` for an envelope that names a key twice.
fn error_code(resp: &Incoming) -> std::result::Result<Option<String>, ()> {
    use crate::json::{Json, TopField};
    match crate::json::top_field(&resp.body, "errorCode") {
        TopField::Absent | TopField::Present(Json::Null) => Ok(None),
        TopField::Present(Json::String(code)) => Ok(Some(code.into_owned())),
        TopField::Present(other) => Ok(Some(other.into_value().to_string())),
        TopField::Ambiguous => Err(()),
    }
}

impl Protocol for P100 {
    fn name(&self) -> &'static str {
        super::ProviderId::P100.name()
    }

    fn authorize(&self, req: &mut Outgoing) -> Result<()> {
        req.secret_header("x-api-key", self.api_key.clone());
        Ok(())
    }

    /// P100 may send its error envelope with HTTP 200: `errorCode` decides.
    fn is_error_envelope(&self, resp: &Incoming) -> bool {
        error_code(resp) != Ok(None)
    }

    fn retry_class(&self, resp: &Incoming) -> Option<RetryClass> {
        if error_code(resp).ok().flatten().as_deref() == Some("P501") {
            return Some(RetryClass::Transient);
        }
        http::default_retry_class(resp)
    }

    fn error_from(&self, resp: &Incoming) -> Error {
        let code = match error_code(resp) {
            Ok(code) => code,
            // A success status with an envelope that cannot be believed; an
            // error status says enough on its own.
            Err(()) if (200..300).contains(&resp.status) => {
                return crate::json::ambiguous_envelope("P100", resp.status);
            }
            Err(()) => None,
        };
        let body: Value = crate::json::document(&resp.body).unwrap_or(Value::Null);
        let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
        let message = text("errorMessage")
            .or_else(|| text("message"))
            .unwrap_or_else(|| format!("HTTP {} without a P100 error body", resp.status));
        if resp.status == 401 {
            // 401 bodies say which of three things went wrong, in a code word.
            let why = if message.contains("xo1") {
                "no API key was sent"
            } else if message.contains("xo2") {
                "the API key is wrong (staging and production keys differ)"
            } else if message.contains("xo3") {
                "this machine's IP address is not on the production allow-list"
            } else {
                "access denied"
            };
            return Error::new(Kind::Unauthorized, format!("{why} ({message})")).with_code(code);
        }
        let (kind, explained) = match code.as_deref() {
            Some("P412") => (Kind::NotFound, "user does not exist"),
            Some("P459") => (Kind::Unauthorized, "user not verified"),
            Some("P500") => (Kind::Unavailable, "unknown exception at P100"),
            Some("P501") => (Kind::Unavailable, "service temporarily unavailable"),
            Some("P403") => (Kind::Usage, "request failed validation"),
            _ => (http::kind_for_status(resp.status), ""),
        };
        let message = if explained.is_empty() {
            message
        } else {
            format!("{explained}: {message}")
        };
        Error::new(kind, message).with_code(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, response};

    #[test]
    fn seed_balances_keep_every_digit() {
        let body = fixture("p100-balances-200.json");
        let mut doc = Fields::read("doc", &body).unwrap();
        let crypto: Vec<Balance> = doc
            .records("cryptoBalances", "balance")
            .unwrap()
            .map(|b| balance(b.unwrap()).unwrap())
            .collect();
        let doge = &crypto[0];
        assert_eq!(doge.currency, "DOGE");
        assert_eq!(doge.available.as_ref().unwrap().as_str(), "0.00000000");
        assert_eq!(
            doge.account_id.as_deref(),
            Some("310f4e65-3589-4096-9d88-532bbf19ccb1")
        );
        assert_eq!(doge.status, None);
        let fields = serde_json::to_string(&doge.provider_fields).unwrap();
        assert!(
            fields.starts_with(r#"{"rate":0.09872368,"networkConfig":{"doge""#),
            "{fields}"
        );
        assert!(fields.contains(r#""minWithdrawal":0.01"#), "{fields}");
        let btc = crypto.iter().find(|b| b.currency == "BTC").unwrap();
        assert_eq!(btc.provider_fields["rate"].to_string(), "69258.93415658");
    }

    #[test]
    fn errors_are_classified_by_code() {
        let p = P100::new(Url::parse("https://x").unwrap(), Secret::new("k"));
        let resp = |status, body: &str| response(status, body);
        let cases = [
            (
                404,
                r#"{"errorCode":"P412","errorName":"user-not-exist","errorMessage":"User not exist"}"#,
                66,
            ),
            (
                400,
                r#"{"errorCode":"P459","errorMessage":"User not verified"}"#,
                77,
            ),
            (
                400,
                r#"{"errorCode":"P500","errorMessage":"Unknown exception"}"#,
                69,
            ),
            (
                400,
                r#"{"errorCode":"P501","errorMessage":"Service temporarily unavailable"}"#,
                69,
            ),
            (400, r#"{"errorCode":"P403","errorMessage":"a. b."}"#, 2),
            (401, r#"{"message":"Access Denied. xo2"}"#, 77),
        ];
        for (status, body, code) in cases {
            assert_eq!(
                p.error_from(&resp(status, body)).exit_code(),
                code,
                "{body}"
            );
        }
        assert!(
            p.error_from(&resp(401, r#"{"message":"Access Denied. xo3"}"#))
                .message
                .contains("allow-list")
        );
        assert_eq!(
            p.retry_class(&resp(400, r#"{"errorCode":"P501","errorMessage":"x"}"#)),
            Some(RetryClass::Transient)
        );
        assert_eq!(
            p.retry_class(&resp(400, r#"{"errorCode":"P500","errorMessage":"x"}"#)),
            None
        );
    }
}
