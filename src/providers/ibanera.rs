//! Ibanera Customer API (`spec/providers.md` §4): login with username,
//! password and a TOTP code; then every call carries the bearer token and a
//! fresh `otp` header. Lists are page-numbered; balances are JSON numbers.
//!
//! A rejected login is never retried: the account locks for 10 minutes
//! after repeated failures, which would turn a typo into an outage.

use super::wire::Fields;
use crate::auth::totp;
use crate::clock;
use crate::error::{Error, Kind, Result};
use crate::http::paginate::{Page, Pager};
use crate::http::{self, Engine, Incoming, Outgoing, Protocol};
use crate::keyring::SecretStore;
use crate::model::{Balance, Money, Transaction};
use crate::money::Amount;
use crate::secret::Secret;
use reqwest::{Method, Url};
use serde_json::{Value, json};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

pub const NAME: &str = "ibanera";
/// Renew this long before a token expires (or at half its life, if shorter).
const RENEW_MARGIN_SECS: i64 = 60;

/// Where one-time passwords come from.
pub enum Otp {
    /// The Base32 shared secret: a fresh code for every request.
    Secret(Vec<u8>),
    /// A code typed by hand (`--otp`), good for one command.
    Fixed(Secret),
}

impl Otp {
    fn now(&self) -> Secret {
        match self {
            Otp::Secret(key) => Secret::new(totp::code(key, clock::now().unix_timestamp())),
            Otp::Fixed(code) => code.clone(),
        }
    }
}

#[derive(Clone)]
struct Token {
    value: Secret,
    /// Unix time after which we no longer use it.
    renew_at: i64,
    expires_at: i64,
}

/// The keyring entry that keeps a token between runs.
pub struct TokenCache<'a> {
    pub store: &'a dyn SecretStore,
    pub account: String,
}

pub struct Ibanera<'a> {
    base: Url,
    username: String,
    password: Secret,
    otp: Otp,
    token: Mutex<Option<Token>>,
    cache: Option<TokenCache<'a>>,
    logins: AtomicU32,
}

/// Renewal time for a token that lives `ttl` seconds from `now`.
pub fn renew_at(now: i64, ttl: i64) -> i64 {
    now + ttl - RENEW_MARGIN_SECS.min(ttl / 2)
}

impl<'a> Ibanera<'a> {
    pub fn new(
        base: Url,
        username: String,
        password: Secret,
        otp: Otp,
        cache: Option<TokenCache<'a>>,
    ) -> Self {
        Ibanera {
            base,
            username,
            password,
            otp,
            token: Mutex::new(None),
            cache,
            logins: AtomicU32::new(0),
        }
    }

    fn current(&self) -> Option<Token> {
        self.token.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set(&self, token: Option<Token>) {
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) = token;
    }

    /// A usable token: in memory, else from the keyring cache, else a login.
    async fn ensure_token(&self, engine: &Engine) -> Result<()> {
        let now = clock::now().unix_timestamp();
        if self.current().is_some_and(|t| now < t.renew_at) {
            return Ok(());
        }
        if let Some(t) = self.cached_token().filter(|t| now < t.renew_at) {
            tracing::info!("ibanera: using the cached access token");
            self.set(Some(t));
            return Ok(());
        }
        self.login(engine).await
    }

    fn cached_token(&self) -> Option<Token> {
        let cache = self.cache.as_ref()?;
        let stored = cache.store.get(&cache.account).ok()??;
        let v: Value = serde_json::from_str(stored.expose()).ok()?;
        // A token for another server or user is not ours to use.
        if v["base_url"].as_str() != Some(self.base.as_str())
            || v["username"].as_str() != Some(&self.username)
        {
            return None;
        }
        Some(Token {
            value: Secret::new(v["access_token"].as_str()?),
            renew_at: v["renew_at"].as_i64()?,
            expires_at: v["expires_at"].as_i64()?,
        })
    }

    fn save_to_cache(&self, t: &Token) {
        let Some(cache) = &self.cache else { return };
        let entry = json!({"access_token": t.value.expose(), "renew_at": t.renew_at, "expires_at": t.expires_at,
                           "base_url": self.base.as_str(), "username": self.username});
        if let Err(e) = cache
            .store
            .set(&cache.account, &Secret::new(entry.to_string()))
        {
            tracing::info!("ibanera: token kept for this run only ({e})");
        }
    }

    fn drop_token(&self) {
        self.set(None);
        if let Some(cache) = &self.cache {
            let _ = cache.store.delete(&cache.account);
        }
    }

    /// `POST /api/v1/public/auth/login`, exactly once per call, never retried.
    async fn login(&self, engine: &Engine) -> Result<()> {
        let url = http::url::join(&self.base, "/api/v1/public/auth/login", "")?;
        self.logins.fetch_add(1, Ordering::Relaxed);
        let login = Login(self);
        let resp = engine
            .send(&login, || {
                let mut req = Outgoing::get(url.clone());
                req.method = Method::POST;
                req.header("Content-Type", "application/json");
                let body = json!({"username": self.username, "password": self.password.expose(), "otp": self.otp.now().expose()});
                req.body = Some(body.to_string().into_bytes());
                Ok(req)
            })
            .await?;
        let details = envelope_details(&resp)?;
        let mut f = Fields::new("login response", details)?;
        let token = f.string("accessToken")?;
        let ttl = match f.take("expiresIn")? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        }
        .filter(|&t| t > 0)
        .ok_or_else(|| {
            Error::bad_response("login response: expiresIn is not a positive number of seconds")
        })?;
        let now = clock::now().unix_timestamp();
        let t = Token {
            value: Secret::new(token),
            renew_at: renew_at(now, ttl),
            expires_at: now + ttl,
        };
        self.save_to_cache(&t);
        self.set(Some(t));
        Ok(())
    }

    /// How many logins this run made (for `-v` and tests).
    pub fn logins(&self) -> u32 {
        self.logins.load(Ordering::Relaxed)
    }

    /// An authenticated GET, returning the checked envelope and the raw body.
    /// A token the server rejects is dropped and one fresh login is made,
    /// then the request is sent once more.
    async fn get(
        &self,
        engine: &Engine,
        endpoint: &str,
        pairs: &[(&str, String)],
    ) -> Result<(Value, Vec<u8>)> {
        let url = http::url::join(&self.base, endpoint, &http::url::query(pairs))?;
        self.ensure_token(engine).await?;
        let build = || Ok(Outgoing::get(url.clone()));
        let resp = match engine.send(self, build).await {
            Err(e) if e.http_status == Some(401) && !engine.dry_run() => {
                tracing::info!("ibanera: the access token was rejected; logging in again");
                self.drop_token();
                self.login(engine).await?;
                engine.send(self, build).await?
            }
            other => other?,
        };
        let v = resp.json()?;
        check_envelope(&v, resp.status)?;
        Ok((v, resp.body))
    }
}

/// `status: "0"` is an error even on HTTP 200.
fn check_envelope(v: &Value, http_status: u16) -> Result<()> {
    match v.get("status").and_then(Value::as_str) {
        Some("1") => Ok(()),
        Some(_) => Err(envelope_error(v, http_status)),
        None => Err(Error::bad_response("response has no `status` field").with_status(http_status)),
    }
}

/// `details` of a successful envelope.
fn envelope_details(resp: &Incoming) -> Result<Value> {
    let mut v = resp.json()?;
    check_envelope(&v, resp.status)?;
    Ok(v["details"].take())
}

fn envelope_error(v: &Value, status: u16) -> Error {
    let errors: Vec<(String, String)> = v
        .get("errors")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e.get("fieldName")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_owned(),
                        e.get("messageCode")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let code = errors
        .first()
        .map(|(_, c)| c.clone())
        .filter(|c| !c.is_empty());
    let kind = match (status, code.as_deref()) {
        (401 | 403, _) => Kind::Unauthorized,
        (404, _) => Kind::NotFound,
        (_, Some(c)) if c.contains("Not_Found") || c.contains("NotFound") => Kind::NotFound,
        (_, Some("Required" | "Invalid" | "Invalid_Length")) => Kind::Usage,
        (s, _) if s >= 500 => Kind::Unavailable,
        (200..=299, _) => Kind::BadResponse,
        (s, _) => http::kind_for_status(s),
    };
    let message = if errors.is_empty() {
        format!("request failed (status \"0\", HTTP {status})")
    } else {
        errors
            .iter()
            .map(|(f, c)| {
                if f.is_empty() {
                    c.clone()
                } else {
                    format!("{f}: {c}")
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    Error::new(kind, message)
        .with_status(status)
        .with_code(code)
}

impl Protocol for Ibanera<'_> {
    fn name(&self) -> &'static str {
        NAME
    }

    fn authorize(&self, req: &mut Outgoing) -> Result<()> {
        let token = self
            .current()
            .ok_or_else(|| Error::internal("no access token"))?;
        req.secret_header(
            "Authorization",
            Secret::new(format!("Bearer {}", token.value.expose())),
        );
        req.secret_header("otp", self.otp.now());
        Ok(())
    }

    fn error_from(&self, resp: &Incoming) -> Error {
        match serde_json::from_slice::<Value>(&resp.body) {
            Ok(v) if v.is_object() => envelope_error(&v, resp.status),
            _ => Error::new(
                http::kind_for_status(resp.status),
                format!("HTTP {} without an Ibanera envelope", resp.status),
            ),
        }
    }
}

/// The login call: no bearer token, and a rejection means bad credentials.
struct Login<'a, 'b>(&'a Ibanera<'b>);

impl Protocol for Login<'_, '_> {
    fn name(&self) -> &'static str {
        NAME
    }
    fn authorize(&self, _req: &mut Outgoing) -> Result<()> {
        Ok(())
    }
    fn error_from(&self, resp: &Incoming) -> Error {
        let mut e = self.0.error_from(resp);
        if (400..500).contains(&resp.status) && resp.status != 429 {
            e.kind = Kind::Unauthorized;
            e.message = format!(
                "login rejected: {} (not retried: repeated failures lock the account)",
                e.message
            );
        }
        e
    }
}

/// Which list a page-numbered pager walks.
pub enum List {
    AccountBalances,
    CardBalances,
    AccountTransactions {
        account: String,
    },
    CardTransactions {
        card: Option<String>,
        from: Option<String>,
        to: Option<String>,
    },
}

pub struct PageNumberPager<'a, 'b, T> {
    pub api: &'a Ibanera<'b>,
    pub engine: &'a Engine,
    pub list: List,
    pub page_size: u32,
    pub map: fn(Value) -> Result<T>,
}

impl<T> Pager for PageNumberPager<'_, '_, T> {
    type Item = T;

    async fn page(&mut self, cursor: Option<&str>, _want: Option<usize>) -> Result<Page<T>> {
        let number: u32 = match cursor {
            None => 1,
            Some(c) => c
                .parse()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| Error::usage(format!("invalid page number {c:?}")))?,
        };
        let (endpoint, mut pairs): (&str, Vec<(&str, String)>) = match &self.list {
            List::AccountBalances => (
                "/api/v1/customer/accounts/balances",
                vec![
                    ("pageNumber", number.to_string()),
                    ("pageSize", self.page_size.to_string()),
                ],
            ),
            List::CardBalances => ("/api/v1/customer/cards/balances", vec![]),
            List::AccountTransactions { account } => (
                "/api/v1/customer/accounts/transactions",
                vec![("AccountsId", account.clone())],
            ),
            List::CardTransactions { card, from, to } => {
                let mut p = vec![];
                for (k, v) in [("CardsId", card), ("fromDate", from), ("toDate", to)] {
                    if let Some(v) = v {
                        p.push((k, v.clone()));
                    }
                }
                ("/api/v1/customer/cards/transactions", p)
            }
        };
        if !matches!(self.list, List::AccountBalances) {
            pairs.push(("PageNumber", number.to_string()));
            pairs.push(("PageSize", self.page_size.to_string()));
        }
        let (mut v, raw) = self.api.get(self.engine, endpoint, &pairs).await?;
        let pages = v.get("numberOfPages").and_then(Value::as_u64).unwrap_or(1);
        let items = match v["details"].take() {
            Value::Array(a) => a,
            Value::Null => vec![],
            _ => return Err(Error::bad_response("details: expected an array")),
        };
        let next =
            (u64::from(number) < pages && !items.is_empty()).then(|| (number + 1).to_string());
        Ok(Page {
            items: items.into_iter().map(self.map).collect::<Result<_>>()?,
            next,
            raw,
        })
    }
}

pub fn account_balance(v: Value) -> Result<Balance> {
    let mut f = Fields::new("account balance", v)?;
    Ok(Balance {
        currency: f.string("asset")?.to_uppercase(),
        available: f.amount_opt("availableBalance")?,
        total: f.amount_opt("totalBalance")?,
        pending: f.amount_opt("pendingBalance")?,
        account_id: f.text_opt("id")?,
        account_type: None,
        status: None,
        provider_fields: f.rest(),
    })
}

pub fn card_balance(v: Value) -> Result<Balance> {
    let mut f = Fields::new("card balance", v)?;
    Ok(Balance {
        currency: f.string("currency")?.to_uppercase(),
        available: f.amount_opt("availableBalance")?,
        total: f.amount_opt("totalBalance")?,
        pending: f.amount_opt("pendingBalance")?,
        account_id: f.text_opt("id")?,
        account_type: None,
        status: f.text_opt("status")?,
        provider_fields: f.rest(),
    })
}

/// Transactions: the shape is not published in full, so known names are
/// mapped where present and everything else is kept in `provider_fields`.
/// A negative amount is money going out (`from`), a positive one coming in (`to`).
pub fn transaction(v: Value) -> Result<Transaction> {
    let mut f = Fields::new("transaction", v)?;
    let first_text = |f: &mut Fields, keys: &[&str]| -> Result<Option<String>> {
        for k in keys {
            if let Some(v) = f.text_opt(k)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    };
    let id = first_text(&mut f, &["id", "transactionId", "transactionsId"])?
        .ok_or_else(|| Error::bad_response("transaction: no `id`"))?;
    let created_at = first_text(
        &mut f,
        &["transactionDate", "date", "createdDate", "dateCreated"],
    )?;
    let kind = first_text(&mut f, &["transactionType", "type"])?;
    let status = first_text(&mut f, &["status"])?;
    let currency = first_text(&mut f, &["currency", "asset"])?.map(|c| c.to_uppercase());
    let amount = f.amount_opt("amount")?;
    let (from, to) = match (currency, amount) {
        (Some(currency), Some(amount)) => match amount.as_str().strip_prefix('-') {
            Some(abs) => (
                Some(Money {
                    currency,
                    amount: Amount::parse(abs).map_err(Error::bad_response)?,
                }),
                None,
            ),
            None => (None, Some(Money { currency, amount })),
        },
        (currency, amount) => {
            let mut rest = f.rest();
            if let Some(c) = currency {
                rest.insert("currency".into(), Value::String(c));
            }
            if let Some(a) = amount {
                rest.insert(
                    "amount".into(),
                    serde_json::from_str(a.as_str()).unwrap_or(Value::String(a.to_string())),
                );
            }
            f = Fields::new("transaction", Value::Object(rest))?;
            (None, None)
        }
    };
    Ok(Transaction {
        id,
        created_at,
        kind,
        status,
        from,
        to,
        rate: None,
        fee: None,
        provider_fields: f.rest(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, response};

    #[test]
    fn renewal_keeps_a_margin() {
        assert_eq!(renew_at(1000, 3600), 1000 + 3600 - 60);
        assert_eq!(
            renew_at(1000, 100),
            1000 + 100 - 50,
            "short tokens renew at half-life"
        );
        assert_eq!(renew_at(1000, 2), 1000 + 2 - 1);
    }

    #[test]
    fn seed_balances_keep_their_digits() {
        let resp = response(200, fixture("ibanera-balances-200.json"));
        let Value::Array(items) = envelope_details(&resp).unwrap() else {
            panic!()
        };
        let b: Vec<Balance> = items
            .into_iter()
            .map(|v| account_balance(v).unwrap())
            .collect();
        assert_eq!(b[0].total.as_ref().unwrap().as_str(), "100.00");
        assert_eq!(b[0].available.as_ref().unwrap().as_str(), "95.50");
        assert_eq!(b[1].pending.as_ref().unwrap().as_str(), "0.00");
        assert_eq!(b[2].total.as_ref().unwrap().as_str(), "0.12345678");
        assert_eq!(b[2].account_id.as_deref(), Some("1002"));
        assert_eq!(
            serde_json::to_string(&b[2].provider_fields).unwrap(),
            r#"{"bSuppressed":true}"#
        );
    }

    #[test]
    fn status_zero_is_an_error_even_on_200() {
        let body = fixture("ibanera-error-400.json");
        let e = envelope_details(&response(200, body.clone())).unwrap_err();
        assert_eq!(e.code.as_deref(), Some("Username_Or_Password_Incorrect"));
        assert_eq!(e.message, "username: Username_Or_Password_Incorrect");
        let e = envelope_error(&serde_json::from_slice(&body).unwrap(), 401);
        assert_eq!(e.exit_code(), 77);
    }

    #[test]
    fn transactions_by_sign() {
        // Parsed from text: the json! macro would pass numbers through binary floating point.
        let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        let t = transaction(parse(r#"{"id": 7, "transactionDate": "2026-03-01T10:00:00Z", "amount": -12.50, "currency": "eur", "merchant": "Cafe"}"#)).unwrap();
        assert_eq!(t.id, "7");
        assert_eq!(t.from.as_ref().unwrap().amount.as_str(), "12.50");
        assert_eq!(t.from.unwrap().currency, "EUR");
        assert_eq!(
            serde_json::to_string(&t.provider_fields).unwrap(),
            r#"{"merchant":"Cafe"}"#
        );
        let t = transaction(parse(r#"{"id": "x", "amount": 3.10}"#)).unwrap();
        assert!(t.from.is_none() && t.to.is_none());
        assert_eq!(
            serde_json::to_string(&t.provider_fields).unwrap(),
            r#"{"amount":3.10}"#
        );
    }
}
