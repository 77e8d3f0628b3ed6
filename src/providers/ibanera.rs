//! Ibanera Customer API: login with username,
//! password and a TOTP code; then every call carries the bearer token and a
//! fresh `otp` header. Lists are page-numbered; balances are JSON numbers.
//!
//! A rejected login is never retried: the account locks for 10 minutes
//! after repeated failures, which would turn a typo into an outage.

use crate::auth::totp;
use crate::clock;
use crate::error::{Error, Kind, Result};
use crate::http::{self, Engine, Incoming, Outgoing, Protocol};
use crate::json::{Fields, Records};
use crate::keyring::SecretStore;
use crate::listing::ahead::{Fetch, PagesAhead};
use crate::listing::paginate::{Page, Pager};
use crate::model::{Balance, Money, Transaction};
use crate::secret::{Secret, SecretBytes};
use compact_str::CompactString;
use reqwest::{Method, Url};
use serde_json::{Value, json};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicU32, Ordering};
use zeroize::Zeroizing;

/// Renew this long before a token expires (or at half its life, if shorter).
const RENEW_MARGIN_SECS: i64 = 60;

/// How long a code typed with `--otp` is used: its own 30 s step and the
/// one after (servers accept a step of drift). Past that, requests would
/// carry a stale code the server refuses.
const FIXED_OTP_SECS: i64 = 60;

/// Where one-time passwords come from.
pub enum Otp {
    /// The Base32 shared secret: a fresh code for every request.
    Secret(SecretBytes),
    /// A code typed by hand (`--otp`), good for one command while it lasts.
    Fixed { code: Secret, since: i64 },
}

impl Otp {
    pub fn fixed(code: Secret) -> Otp {
        Otp::Fixed {
            code,
            since: clock::now().unix_timestamp(),
        }
    }

    fn now(&self) -> Result<Secret> {
        let now = clock::now().unix_timestamp();
        match self {
            Otp::Secret(key) => Ok(Secret::new(totp::code(key.expose(), now))),
            Otp::Fixed { code, since } if now - since <= FIXED_OTP_SECS => Ok(code.clone()),
            Otp::Fixed { .. } => Err(Error::config(format!(
                "the --otp code is over {FIXED_OTP_SECS} s old and no longer valid: run again with a \
                 fresh code, or store totp_secret so every request gets its own"
            ))),
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
    /// Whether this run already replaced a rejected token: it does so once.
    relogged: AtomicBool,
    /// One login at a time: pages fetched concurrently that all find the
    /// token expired (or rejected) wait for one login, not one each.
    login_lock: tokio::sync::Mutex<()>,
    /// A login the server refused (a 4xx): never tried again in this run,
    /// by any request (the account locks after repeated failures).
    login_refused: Mutex<Option<Error>>,
    /// A one-time code the server refused: no further request is sent with
    /// one (the pages in flight fail with this error instead).
    otp_refused: Mutex<Option<Error>>,
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
            relogged: AtomicBool::new(false),
            login_lock: tokio::sync::Mutex::new(()),
            login_refused: Mutex::new(None),
            otp_refused: Mutex::new(None),
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
        let fresh = || {
            let now = clock::now().unix_timestamp();
            self.current().is_some_and(|t| now < t.renew_at)
        };
        if fresh() {
            return Ok(());
        }
        let _one_login = self.login_lock.lock().await;
        if fresh() {
            return Ok(()); // renewed by another request while this one waited
        }
        let now = clock::now().unix_timestamp();
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

    /// `POST /api/v1/public/auth/login`, exactly once per call, never
    /// retried; a refused login is remembered and returned to every later caller.
    async fn login(&self, engine: &Engine) -> Result<()> {
        if let Some(e) = refused(&self.login_refused) {
            return Err(e);
        }
        let result = self.login_once(engine).await;
        if let Err(e) = &result
            && e.http_status.is_some_and(|s| (400..500).contains(&s))
        {
            remember(&self.login_refused, e);
        }
        result
    }

    async fn login_once(&self, engine: &Engine) -> Result<()> {
        let url = http::url::join(&self.base, "/api/v1/public/auth/login", "")?;
        self.logins.fetch_add(1, Ordering::Relaxed);
        let login = Login(self);
        let resp = engine
            .send(&login, || {
                let mut req = Outgoing::get(url.clone());
                req.method = Method::POST;
                req.header("Content-Type", "application/json");
                let otp = self.otp.now()?;
                let body = Zeroizing::new(
                    json!({"username": self.username, "password": self.password.expose(), "otp": otp.expose()})
                        .to_string(),
                );
                req.body = Some(crate::secret::SecretBytes::new(body.as_bytes().to_vec()));
                Ok(req)
            })
            .await?;
        let details = envelope_details(&resp)?;
        let mut f = Fields::new("login response", details)?;
        let token = f.string("accessToken")?;
        // It goes in every request's Authorization header: a token that
        // cannot (a line break, a control character) is a bad answer, never
        // a request that fails to build as if the provider were down.
        if token.is_empty()
            || reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")).is_err()
        {
            return Err(Error::bad_response(
                "login response: accessToken cannot be sent as a header value (empty, or holding line breaks or control characters)",
            ));
        }
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

    /// An authenticated GET: the answer, its envelope not yet read.
    async fn get(
        &self,
        engine: &Engine,
        endpoint: &str,
        pairs: &[(&str, String)],
    ) -> Result<Incoming> {
        let url = http::url::join(&self.base, endpoint, &http::url::query(pairs))?;
        self.send(engine, Method::GET, url).await
    }

    /// A GET or HEAD of `url` with the bearer token and a fresh one-time
    /// code (logging in first when no token is held). A token the server
    /// rejects is dropped and one fresh login is made, then the request is
    /// sent once more. The response is a 2xx whose envelope did not fail.
    pub async fn send(&self, engine: &Engine, method: Method, url: Url) -> Result<Incoming> {
        if let Some(e) = refused(&self.otp_refused) {
            return Err(e);
        }
        self.ensure_token(engine).await?;
        let used = self.current().map(|t| t.value);
        let build = || Ok(Outgoing::new(method.clone(), url.clone()));
        match engine.send(self, build).await {
            Err(e) if e.http_status == Some(401) && !engine.dry_run() => {
                if e.kind == Kind::Config || is_otp_rejection(&e) {
                    // The token is fine; the one-time code was not. Logging in
                    // again would not help and counts toward the account lock,
                    // and so would sending more codes: nothing more is sent.
                    remember(&self.otp_refused, &e);
                    return Err(e);
                }
                let _one_login = self.login_lock.lock().await;
                let now = self.current().map(|t| t.value);
                if now.is_none() || now == used {
                    if self.relogged.swap(true, Ordering::SeqCst) {
                        return Err(e);
                    }
                    tracing::info!("ibanera: the access token was rejected; logging in again");
                    self.drop_token();
                    self.login(engine).await?;
                } // else: a request running beside this one already logged in again
                engine.send(self, build).await
            }
            other => other,
        }
    }
}

fn refused(slot: &Mutex<Option<Error>>) -> Option<Error> {
    slot.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

fn remember(slot: &Mutex<Option<Error>>, e: &Error) {
    slot.lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_or_insert_with(|| e.clone());
}

/// `details` of a successful envelope (the login's: an object, not a page).
fn envelope_details(resp: &Incoming) -> Result<Value> {
    let mut doc = envelope(&resp.body, resp.status)?;
    Ok(doc.take_any("details").unwrap_or(Value::Null))
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
        super::ProviderId::Ibanera.name()
    }

    fn authorize(&self, req: &mut Outgoing) -> Result<()> {
        // Checked at the last moment too: a page fetched ahead that was
        // waiting to be sent when a code was refused is not sent.
        if let Some(e) = refused(&self.otp_refused) {
            return Err(e);
        }
        let token = self
            .current()
            .ok_or_else(|| Error::internal("no access token"))?;
        req.secret_header(
            "Authorization",
            Secret::new(format!("Bearer {}", token.value.expose())),
        );
        req.secret_header("otp", self.otp.now()?);
        Ok(())
    }

    fn is_error_envelope(&self, resp: &Incoming) -> bool {
        has_failed_status(resp)
    }

    fn error_from(&self, resp: &Incoming) -> Error {
        if (200..300).contains(&resp.status)
            && let crate::json::TopField::Ambiguous = crate::json::top_field(&resp.body, "status")
        {
            return crate::json::ambiguous_envelope("Ibanera", resp.status);
        }
        let e = match crate::json::document(&resp.body) {
            Ok(v) if v.is_object() => envelope_error(&v, resp.status),
            _ => Error::new(
                http::kind_for_status(resp.status),
                format!("HTTP {} without an Ibanera envelope", resp.status),
            ),
        };
        if is_otp_rejection(&e) {
            let mut e = e;
            e.kind = Kind::Unauthorized;
            e.message.push_str(OTP_HINT);
            return e;
        }
        e
    }
}

const OTP_HINT: &str = " (the one-time password was refused; codes change every 30 s: check totp_secret, and that this machine's clock is right, e.g. with NTP)";

/// A 2xx body whose envelope says `status` is not `"1"`.
fn has_failed_status(resp: &Incoming) -> bool {
    use crate::json::{Json, TopField};
    match crate::json::top_field(&resp.body, "status") {
        TopField::Absent | TopField::Present(Json::Null) => false,
        TopField::Present(Json::String(s)) => s != "1",
        TopField::Present(_) | TopField::Ambiguous => true,
    }
}

/// Whether an error names the one-time password (field `otp`, or a code about it).
fn is_otp_rejection(e: &Error) -> bool {
    e.code.as_deref().is_some_and(names_otp) || e.message.to_ascii_lowercase().starts_with("otp:")
}

/// Whether a code has "otp" as one of its words (`Invalid_Otp`, `OtpExpired`,
/// `otp-invalid`), not merely its letters (`NotPermitted`).
fn names_otp(code: &str) -> bool {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut after_lower = false;
    for c in code.chars() {
        // A word ends at a separator, or where a capital follows a small letter.
        if !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && after_lower) {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        after_lower = c.is_ascii_lowercase();
    }
    words.push(word);
    words.iter().any(|w| w == "otp")
}

/// The login call: no bearer token, and a rejection means bad credentials.
struct Login<'a, 'b>(&'a Ibanera<'b>);

impl Protocol for Login<'_, '_> {
    fn name(&self) -> &'static str {
        super::ProviderId::Ibanera.name()
    }
    fn authorize(&self, _req: &mut Outgoing) -> Result<()> {
        Ok(())
    }
    fn is_error_envelope(&self, resp: &Incoming) -> bool {
        has_failed_status(resp)
    }
    fn error_from(&self, resp: &Incoming) -> Error {
        let mut e = self.0.error_from(resp);
        let enveloped = crate::json::document(&resp.body).is_ok_and(|v| v.is_object());
        if resp.status == 429 || resp.status == 408 {
            // Rate-limited or timed out: try again later (75), not a config problem.
            e.kind = http::kind_for_status(resp.status);
        } else if matches!(resp.status, 401 | 403) && !enveloped {
            e.kind = Kind::Unauthorized;
            e.message = format!(
                "login rejected (HTTP {}; not retried: repeated failures lock the account)",
                resp.status
            );
        } else if matches!(resp.status, 404 | 405) || (!enveloped && resp.status < 500) {
            // Not Ibanera's login answering: the base URL is wrong.
            e.kind = Kind::Config;
            e.message = format!(
                "no Ibanera login endpoint at {} (HTTP {}): check base_url",
                self.0.base, resp.status
            );
        } else if e.code.as_deref() == Some("Required") {
            e.kind = Kind::Config;
            e.message = format!("login refused: a credential is empty ({})", e.message);
        } else if resp.status < 500 && resp.status != 429 {
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

impl List {
    /// The endpoint and query of page `number`.
    fn request(&self, page_size: u32, number: u32) -> (&'static str, Vec<(&'static str, String)>) {
        let (endpoint, mut pairs): (&str, Vec<(&str, String)>) = match self {
            List::AccountBalances => (
                "/api/v1/customer/accounts/balances",
                vec![
                    ("pageNumber", number.to_string()),
                    ("pageSize", page_size.to_string()),
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
        if !matches!(self, List::AccountBalances) {
            // Card balances are paged too (default page size 10): a list
            // asked for without pages could silently stop at ten cards.
            pairs.push(("PageNumber", number.to_string()));
            pairs.push(("PageSize", page_size.to_string()));
        }
        (endpoint, pairs)
    }
}

/// Ask for page `number` of `list`.
fn fetch<'a>(
    api: &'a Ibanera<'_>,
    engine: &'a Engine,
    list: &List,
    page_size: u32,
    number: u32,
) -> Fetch<'a> {
    let (endpoint, pairs) = list.request(page_size, number);
    Box::pin(async move { api.get(engine, endpoint, &pairs).await })
}

/// The page size of a balance listing when none is asked for
/// (`get-balances --page-size`, and runs over every provider).
pub const BALANCES_PAGE_SIZE: u32 = 100;

/// How many pages a run that reads them all asks for ahead of the one it
/// reads: 600 pages at 20 ms an answer take about 1.5 s rather than 12 s,
/// with at most this many answers (and their bodies) held at once.
pub const PREFETCH: u32 = 8;

/// Walks a page-numbered list. Once the first answer tells how many pages
/// there are, up to `prefetch` later pages are asked for while the current
/// one is read ([`PagesAhead`]); pages are still handed out one by one, in
/// order, each checked, so memory stays bounded by the pages in flight.
pub struct PageNumberPager<'a, 'b, T> {
    api: &'a Ibanera<'b>,
    engine: &'a Engine,
    list: List,
    page_size: u32,
    item: Item<T>,
    prefetch: u32,
    ahead: PagesAhead<'a, Incoming>,
}

impl<'a, 'b, T> PageNumberPager<'a, 'b, T> {
    pub fn new(
        api: &'a Ibanera<'b>,
        engine: &'a Engine,
        list: List,
        page_size: u32,
        item: Item<T>,
    ) -> Self {
        PageNumberPager {
            api,
            engine,
            list,
            page_size,
            item,
            prefetch: 0,
            ahead: PagesAhead::default(),
        }
    }

    /// Fetch up to `pages` pages ahead (for a run that reads every page).
    pub fn prefetching(mut self, pages: u32) -> Self {
        self.prefetch = pages;
        self
    }
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
        let (api, engine, list, size) = (self.api, self.engine, &self.list, self.page_size);
        let resp = self
            .ahead
            .answer(number, || fetch(api, engine, list, size, number))
            .await?;
        let (item, prefetch, ahead) = (&self.item, self.prefetch, &mut self.ahead);
        let page = page_in(envelope(&resp.body, resp.status)?, number, item.what)?;
        if page.next.is_some() && prefetch > 0 {
            ahead.ask_after(number, page.pages, prefetch, |n| {
                fetch(api, engine, list, size, n)
            });
        }
        let items = page.items.map(|f| (item.map)(f?)).collect::<Result<_>>()?;
        let next = page.next;
        Ok(Page::new(items, next, resp.body))
    }

    fn first_cursor(&self) -> Option<String> {
        Some("1".to_owned())
    }
}

/// A page-numbered envelope, read in one pass that borrows from the body:
/// its items (each named `what` in errors), how many pages the list has,
/// and the next page number.
#[derive(Debug)]
pub struct PageOf<'de> {
    pub items: Records<'de>,
    pub pages: u64,
    pub next: Option<String>,
}

/// Page `number`'s envelope: `status` must be `"1"`. Every list is asked
/// for by page, so `numberOfPages` must be an integer: 1 or more, or 0 for
/// an empty list. Anything else (`"3"`, `3.0`, `-1`, `null`, missing) could
/// hide pages, so it is a bad response, never "one page".
pub fn page_of<'de>(body: &'de [u8], number: u32, what: &'static str) -> Result<PageOf<'de>> {
    page_in(envelope(body, 200)?, number, what)
}

/// A body read as an envelope whose `status` is `"1"` (`"0"` is an error
/// even on HTTP 200). Its problems are the answer's (they carry
/// `http_status`); a page's are not.
fn envelope(body: &[u8], http_status: u16) -> Result<Fields<'_>> {
    let no_status =
        || Error::bad_response("response has no `status` field").with_status(http_status);
    let mut doc = match Fields::read("response", body) {
        Ok(doc) => doc,
        // Said as the tree reader says it (the one that read pages before):
        // a JSON value that is not an object has no `status` either.
        Err(e) => {
            return Err(match crate::json::document(body) {
                Err(tree) => tree.with_status(http_status),
                Ok(v) if !v.is_object() => no_status(),
                Ok(_) => e.with_status(http_status),
            });
        }
    };
    match doc.take_opt("status") {
        Some(Value::String(s)) if s == "1" => Ok(doc),
        // A failed envelope on a 2xx is the engine's to refuse; one read
        // here without it (a fuzz target, a test) says the same.
        Some(Value::String(_)) => Err(envelope_error(&crate::json::document(body)?, http_status)),
        _ => Err(no_status()),
    }
}

/// The page an envelope holds: its items, how many pages there are, and
/// the next page number.
fn page_in<'de>(mut doc: Fields<'de>, number: u32, what: &'static str) -> Result<PageOf<'de>> {
    let items = doc
        .records("details", what)
        .map_err(|_| Error::bad_response("details: expected an array"))?;
    // A server that answers another page than the one asked for would make
    // us print a page twice, or never the last one.
    if let Some(Value::Number(n)) = doc.take_any("pageNumber")
        && n.as_u64() != Some(u64::from(number))
    {
        return Err(Error::bad_response(format!(
            "asked for page {number}, the server answered page {}",
            crate::text::quote(n.as_str())
        )));
    }
    let found = doc.take_any("numberOfPages");
    let pages = match &found {
        Some(Value::Number(n)) => n.as_u64().filter(|&p| p >= 1 || items.len() == 0),
        _ => None,
    }
    .ok_or_else(|| {
        Error::bad_response(format!(
            "numberOfPages: expected a whole number of pages, found {}",
            found.as_ref().map_or_else(
                || "nothing".to_owned(),
                |p| crate::text::quote(&p.to_string())
            )
        ))
    })?;
    let next = match number.checked_add(1) {
        Some(n) if u64::from(number) < pages => Some(n.to_string()),
        None if u64::from(number) < pages => {
            return Err(Error::bad_response(
                "numberOfPages goes beyond the last page number there is",
            ));
        }
        _ => None,
    };
    Ok(PageOf { items, pages, next })
}

/// Account and card balances: the same amounts, a different currency key,
/// and a status only on cards. A record without `availableBalance` and
/// `totalBalance` (a pending amount alone is not a balance) cannot be mapped.
fn balance(mut f: Fields, currency_key: &str, has_status: bool) -> Result<Balance> {
    let what = f.what();
    let b = Balance {
        currency: f.currency(currency_key)?,
        available: f.amount_opt("availableBalance")?,
        total: f.amount_opt("totalBalance")?,
        pending: f.amount_opt("pendingBalance")?,
        account_id: f.text_opt("id")?,
        account_type: None,
        status: if has_status {
            f.text_opt("status")?
        } else {
            None
        },
        provider_fields: f.rest(),
    };
    if b.available.is_none() && b.total.is_none() {
        return Err(Error::bad_response(format!(
            "{what}: neither availableBalance nor totalBalance"
        )));
    }
    Ok(b)
}

/// What a page's items are: their name in errors, and how one is mapped.
pub struct Item<T> {
    pub what: &'static str,
    pub map: fn(Fields) -> Result<T>,
}

impl<T> Item<T> {
    /// One item from its text (a test's, a fuzz target's).
    pub fn read(&self, text: &[u8]) -> Result<T> {
        (self.map)(Fields::item(self.what, text)?)
    }
}

pub const ACCOUNT_BALANCE: Item<Balance> = Item {
    what: "account balance",
    map: |f| balance(f, "asset", false),
};

pub const CARD_BALANCE: Item<Balance> = Item {
    what: "card balance",
    map: |f| balance(f, "currency", true),
};

pub const TRANSACTION: Item<Transaction> = Item {
    what: "transaction",
    map: transaction_of,
};

/// Transactions: the shape is not published in full, so known names are
/// mapped where present and everything else is kept in `provider_fields`.
/// A negative amount is money going out (`from`), a positive one coming in (`to`).
fn transaction_of(mut f: Fields) -> Result<Transaction> {
    let first_text = |f: &mut Fields, keys: &[&str]| -> Result<Option<CompactString>> {
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
    if let Some(at) = &created_at {
        clock::Timestamp::parse(at, clock::Form::Iso8601Utc)
            .map_err(|e| Error::bad_response(format!("transaction: {e}")))?;
    }
    let kind = first_text(&mut f, &["transactionType", "type"])?;
    let status = first_text(&mut f, &["status"])?;
    // The money of a transaction: without an amount and its currency it
    // cannot be mapped (a record of nothing would print as one).
    let has_currency = ["currency", "asset"].iter().any(|k| f.has(k));
    let missing = match (f.has("amount"), has_currency) {
        (true, true) => None,
        (true, false) => Some("no `currency` (or `asset`) for its `amount`"),
        (false, true) => Some("no `amount`"),
        (false, false) => Some("neither `amount` nor `currency`"),
    };
    if let Some(missing) = missing {
        return Err(Error::bad_response(format!(
            "transaction {}: {missing}",
            crate::text::quote(&id)
        )));
    }
    let currency = match f.currency_opt("currency")? {
        Some(c) => c,
        None => f.currency("asset")?,
    };
    let (negative, amount) = f.amount("amount")?.magnitude();
    let leg = Some(Money { currency, amount });
    let (from, to) = if negative { (leg, None) } else { (None, leg) };
    // Whose transaction it is, for a listing of every card: the id stays
    // in provider_fields too (the field's name is not published; these are
    // the spellings of the request's `CardsId`/`AccountsId`).
    // Any other shape is left alone (in provider_fields), never an error.
    let subject = ["cardsId", "cardId", "accountsId", "accountId"]
        .iter()
        .find_map(|k| f.text_peek(k));
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
        subject,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture, response};

    #[test]
    fn a_typed_code_is_used_for_its_step_and_the_next_only() {
        let fresh = Otp::fixed(Secret::new("123456"));
        assert_eq!(fresh.now().unwrap().expose(), "123456");
        let stale = Otp::Fixed {
            code: Secret::new("123456"),
            since: clock::now().unix_timestamp() - FIXED_OTP_SECS - 1,
        };
        let e = stale.now().unwrap_err();
        assert_eq!(e.exit_code(), 78);
        assert!(e.message.contains("--otp"), "{}", e.message);
    }

    #[test]
    fn login_bodies_are_unprintable() {
        let mut req = Outgoing::get(Url::parse("https://x/login").unwrap());
        req.body = Some(SecretBytes::new(br#"{"password":"canary-pw"}"#.to_vec()));
        let shown = format!("{req:?}");
        assert!(!shown.contains("canary-pw"), "{shown}");
    }

    #[test]
    fn otp_is_a_word_of_the_code_not_its_letters() {
        for yes in [
            "Invalid_Otp",
            "OtpExpired",
            "otp-invalid",
            "OTP",
            "Wrong_OTP",
        ] {
            assert!(names_otp(yes), "{yes}");
        }
        for no in ["NotPermitted", "Botp", "Unauthorized", ""] {
            assert!(!names_otp(no), "{no}");
        }
    }

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
        let body = fixture("ibanera-balances-200.json");
        let page = page_of(&body, 1, ACCOUNT_BALANCE.what).unwrap();
        let b: Vec<Balance> = page
            .items
            .map(|f| (ACCOUNT_BALANCE.map)(f.unwrap()).unwrap())
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
        // Read from text: the json! macro would pass numbers through binary floating point.
        let parse = str::as_bytes;
        let t = TRANSACTION.read(parse(r#"{"id": 7, "transactionDate": "2026-03-01T10:00:00Z", "amount": -12.50, "currency": "eur", "merchant": "Cafe"}"#)).unwrap();
        assert_eq!(t.id, "7");
        assert_eq!(t.from.as_ref().unwrap().amount.as_str(), "12.50");
        assert_eq!(t.from.unwrap().currency, "EUR");
        assert_eq!(
            serde_json::to_string(&t.provider_fields).unwrap(),
            r#"{"merchant":"Cafe"}"#
        );
        // A record without its money cannot be mapped.
        for (body, says) in [
            (r#"{"id": "x", "amount": 3.10}"#, "no `currency`"),
            (r#"{"id": "x", "currency": "EUR"}"#, "no `amount`"),
            (
                r#"{"id": "x", "transactionDate": "2026-03-01T10:00:00Z"}"#,
                "neither `amount` nor `currency`",
            ),
        ] {
            let e = TRANSACTION.read(parse(body)).unwrap_err();
            assert_eq!(e.exit_code(), 65, "{body}");
            assert!(e.message.contains(says), "{e}");
        }
    }

    #[test]
    fn a_balance_needs_its_available_or_total_amount() {
        let parse = str::as_bytes;
        let e = ACCOUNT_BALANCE
            .read(parse(
                r#"{"id": 1, "asset": "EUR", "pendingBalance": 5.00}"#,
            ))
            .unwrap_err();
        assert_eq!(e.exit_code(), 65);
        assert!(
            e.message
                .contains("neither availableBalance nor totalBalance"),
            "{e}"
        );
        let b = ACCOUNT_BALANCE
            .read(parse(r#"{"id": 1, "asset": "EUR", "totalBalance": 5.00}"#))
            .unwrap();
        assert_eq!(b.total.unwrap().as_str(), "5.00");
    }
}
