//! The one HTTP engine every provider goes through.
//!
//! One reqwest client per run (rustls, keep-alive pool), so following 1,000
//! pages costs 1,000 requests and one handshake. Each attempt re-runs the
//! provider's `authorize`, because signatures, timestamps, JWTs and TOTP codes
//! must be fresh; that is why retries live here and not in a middleware that
//! would replay an already-signed request.

mod diagnose;
mod dry_run;
pub mod retry;
pub mod throttle;
pub mod url;

pub use diagnose::{certificate_message, certificate_problem, clock_skew};
use diagnose::{env_proxies, error_chain, skew_hint};
pub use dry_run::DryRun;

use crate::error::{Error, Kind, Result};
use crate::secret::{Secret, SecretBytes};
use reqwest::header::HeaderMap;
use reqwest::{Method, Url};
use retry::RetryClass;
use std::time::{Duration, Instant, SystemTime};
use throttle::{After429, Throttles};
use tracing::{debug, info, warn};

/// Responses larger than this are refused (exit 65): no balance endpoint
/// legitimately sends more, and an unbounded read is a memory hazard.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Provider clocks we tolerate before blaming ours (Boca's documented window).
pub const SKEW_TOLERANCE_SECS: i64 = 60;

/// A header value that is either safe to log or a secret, logged as `***`.
#[derive(Debug, Clone)]
pub enum HeaderValue {
    Plain(String),
    Secret(Secret),
}

impl HeaderValue {
    fn wire(&self) -> &str {
        match self {
            HeaderValue::Plain(s) => s,
            HeaderValue::Secret(s) => s.expose(),
        }
    }
    fn shown(&self) -> &str {
        match self {
            HeaderValue::Plain(s) => s,
            HeaderValue::Secret(_) => "***",
        }
    }
}

/// A request about to be sent, built afresh for every attempt.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(&'static str, HeaderValue)>,
    /// Unprintable and zeroed on drop: a login body holds a password.
    pub body: Option<SecretBytes>,
    /// What the signature covers, shown at `-vv` (never contains a secret).
    pub signing_input: Option<String>,
}

impl Outgoing {
    pub fn get(url: Url) -> Self {
        Outgoing::new(Method::GET, url)
    }
    pub fn new(method: Method, url: Url) -> Self {
        Outgoing {
            method,
            url,
            headers: Vec::new(),
            body: None,
            signing_input: None,
        }
    }
    pub fn header(&mut self, name: &'static str, value: impl Into<String>) {
        self.headers.push((name, HeaderValue::Plain(value.into())));
    }
    pub fn secret_header(&mut self, name: &'static str, value: Secret) {
        self.headers.push((name, HeaderValue::Secret(value)));
    }
    /// The path as it goes on the wire (percent-encoded, with any base prefix).
    pub fn wire_path(&self) -> &str {
        self.url.path()
    }
    /// The query as it goes on the wire, without `?`; empty when there is none.
    pub fn wire_query(&self) -> &str {
        self.url.query().unwrap_or("")
    }
}

/// A response, fully read.
#[derive(Debug)]
pub struct Incoming {
    pub status: u16,
    pub version: reqwest::Version,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Incoming {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The body as JSON, refusing ambiguous documents (a key given twice).
    pub fn json(&self) -> Result<serde_json::Value> {
        crate::json::document(&self.body).map_err(|e| e.with_status(self.status))
    }
}

/// Whether a header's value may be a credential, whichever side sent it (a
/// session cookie is one too): such values are shown as `***`. By the name's
/// kind, not a list of names: a provider's `X-Auth-Token` or a proxy's
/// `X-Amz-Security-Token` is as secret as `Authorization`.
pub fn is_secret_header(name: &str) -> bool {
    const KINDS: [&str; 9] = [
        "auth",
        "cookie",
        "token",
        "secret",
        "signature",
        "password",
        "session",
        "credential",
        "key",
    ];
    let name = name.as_bytes();
    let names = |kind: &str| {
        name.windows(kind.len())
            .any(|w| w.eq_ignore_ascii_case(kind.as_bytes()))
    };
    // A server's challenge names the scheme it wants, never a secret: it
    // is what a reader of a 401 needs to see.
    if name.eq_ignore_ascii_case(b"www-authenticate") {
        return false;
    }
    name.eq_ignore_ascii_case(b"otp") || KINDS.iter().any(|k| names(k))
}

/// What a provider's wire protocol tells the engine.
pub trait Protocol {
    fn name(&self) -> &'static str;
    /// Add credentials to a request. Called for every attempt.
    fn authorize(&self, req: &mut Outgoing) -> Result<()>;
    /// Turn a non-success response into a typed error (the provider's envelope).
    fn error_from(&self, resp: &Incoming) -> Error;
    /// Whether a 2xx response is in fact the provider's error envelope (p100's
    /// `errorCode`, Ibanera's `status: "0"`). It is then handled like an error
    /// status: classified by `error_from`, retried if `retry_class` says so.
    fn is_error_envelope(&self, _resp: &Incoming) -> bool {
        false
    }
    /// Whether a response deserves a retry (GET only; the engine checks the method).
    fn retry_class(&self, resp: &Incoming) -> Option<RetryClass> {
        default_retry_class(resp)
    }
    /// Signed requests get a clock-skew diagnosis when rejected.
    fn is_time_signed(&self) -> bool {
        false
    }
}

pub fn default_retry_class(resp: &Incoming) -> Option<RetryClass> {
    match resp.status {
        429 => Some(RetryClass::RateLimited(
            resp.header("retry-after")
                .and_then(|v| retry::parse_retry_after(v, SystemTime::now())),
        )),
        500..=599 => Some(RetryClass::Transient),
        _ => None,
    }
}

/// A provider's error body as a JSON object, or, when the body is not one,
/// the error a bare status implies (`provider` names the envelope expected).
pub fn error_body(
    resp: &Incoming,
    provider: &str,
) -> std::result::Result<serde_json::Map<String, serde_json::Value>, Error> {
    match crate::json::document(&resp.body) {
        Ok(serde_json::Value::Object(body)) => Ok(body),
        _ => Err(Error::new(
            kind_for_status(resp.status),
            format!("HTTP {} without a {provider} error body", resp.status),
        )
        .with_status(resp.status)),
    }
}

/// The error kind a bare HTTP status implies, for envelopes that don't say more.
pub fn kind_for_status(status: u16) -> Kind {
    match status {
        401 | 403 => Kind::Unauthorized,
        404 => Kind::NotFound,
        408 => Kind::Timeout,
        429 => Kind::RateLimited,
        500..=599 => Kind::Unavailable,
        // 400/409/422 from a read-only call mean an argument we passed on was
        // refused (a stale cursor, a bad id): a usage problem.
        400..=499 => Kind::Usage,
        _ => Kind::BadResponse,
    }
}

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub timeout: Duration,
    pub retries: u32,
    /// Print the first request instead of sending anything.
    pub dry_run: Option<DryRun>,
    /// Ignore proxy variables: the in-process sandbox is on loopback, and a
    /// corporate `HTTP_PROXY` must not carry (or break) that traffic.
    pub no_proxy: bool,
}

pub struct Engine {
    /// For `http://` (loopback only, never proxied): no certificates to load.
    plain: reqwest::Client,
    /// For `https://`, built on first use: loading the system's roots (some
    /// 150 files) is a cost only runs that use TLS pay, once.
    tls: std::sync::OnceLock<std::result::Result<reqwest::Client, String>>,
    proxies: Vec<reqwest::Proxy>,
    opts: HttpOptions,
    /// Per provider: a 429 pauses every request of that provider (the limit
    /// is the account's) and halves how many may be in flight, and no other
    /// provider's.
    throttles: Throttles,
}

/// Why an attempt produced no response.
enum Failure {
    /// Timeouts and connection errors: worth another attempt.
    Transport(Error),
    /// Not worth retrying (a body over the size limit).
    Fatal(Error),
}

/// An attempt that did not succeed: an error status, or no response at all.
enum Failed {
    Status(Incoming),
    Transport(Error),
}

/// "… (after 3 attempts)" when there was more than one.
fn with_attempts(message: String, tries: u32) -> String {
    if tries > 1 {
        format!("{message} (after {tries} attempts)")
    } else {
        message
    }
}

impl Engine {
    pub fn new(opts: HttpOptions) -> Result<Self> {
        // Read (and check) the proxy variables now: a bad one is a
        // configuration error before the first request, not after.
        let proxies = if opts.no_proxy {
            Vec::new()
        } else {
            env_proxies()?
        };
        // http:// is only ever loopback, which is never proxied, so this
        // client needs neither proxies nor roots: an empty root store.
        let no_roots = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::internal(format!("TLS setup: {e}")))?
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
        let plain = client_builder(&opts)
            .tls_backend_preconfigured(no_roots)
            .build()
            .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))?;
        Ok(Engine {
            plain,
            tls: std::sync::OnceLock::new(),
            proxies,
            throttles: Throttles::new(opts.retries),
            opts,
        })
    }

    /// The client for `url`: the plain one for `http://`, else the TLS one.
    fn client_for(&self, url: &reqwest::Url) -> std::result::Result<&reqwest::Client, Error> {
        if url.scheme() == "http" {
            return Ok(&self.plain);
        }
        let built = self.tls.get_or_init(|| {
            let mut builder = client_builder(&self.opts);
            for proxy in &self.proxies {
                builder = builder.proxy(proxy.clone());
            }
            builder.build().map_err(|e| e.to_string())
        });
        built
            .as_ref()
            .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))
    }

    /// How long one request may take (`--timeout`).
    pub fn timeout(&self) -> Duration {
        self.opts.timeout
    }

    /// How many times a GET is tried again (`--retries`).
    pub fn retries(&self) -> u32 {
        self.opts.retries
    }

    pub fn dry_run(&self) -> bool {
        self.opts.dry_run.is_some()
    }

    /// Send a request built by `build`, with auth, retries and error mapping.
    /// Returns only 2xx responses; everything else becomes the provider's error.
    ///
    /// Every attempt waits for the provider's throttle first (a pause after a
    /// 429, a free slot) and is signed after that wait: a signature,
    /// timestamp or one-time code made before a wait of seconds may be stale
    /// on arrival. A 429 is tried again for as long as the provider's
    /// rate-limit budget lasts ([`throttle`]); 5xx, timeouts and connection
    /// errors spend this request's `--retries`.
    pub async fn send<P: Protocol + ?Sized>(
        &self,
        proto: &P,
        build: impl Fn() -> Result<Outgoing>,
    ) -> Result<Incoming> {
        let name = proto.name();
        let throttle = self.throttles.of(name);
        // Transient failures retried so far, and every attempt made (for messages).
        let (mut transient, mut tries, mut refusals) = (0u32, 0u32, 0u32);
        loop {
            let slot = match &self.opts.dry_run {
                None => Some(throttle.slot().await),
                Some(_) => None,
            };
            let mut req = build()?;
            proto.authorize(&mut req)?;
            if let Some(dry) = &self.opts.dry_run {
                match dry.show(&req).await? {}
            }
            // Reads only: a POST (a login) is never sent twice.
            let retryable_method = matches!(req.method, Method::GET | Method::HEAD);
            let started = Instant::now();
            tries += 1;
            let outcome = self.execute(&req).await;
            let elapsed = started.elapsed().as_millis();
            let failed = match outcome {
                Ok(resp) => {
                    info!(
                        "{} {} -> {} ({elapsed} ms)",
                        req.method, req.url, resp.status
                    );
                    if (200..300).contains(&resp.status) && !proto.is_error_envelope(&resp) {
                        if let Some(slot) = slot {
                            slot.succeeded();
                        }
                        return Ok(resp);
                    }
                    Failed::Status(resp)
                }
                Err(Failure::Fatal(e)) => return Err(e),
                Err(Failure::Transport(e)) => {
                    info!("{} {} -> {} ({elapsed} ms)", req.method, req.url, e.message);
                    Failed::Transport(e)
                }
            };
            let class = match &failed {
                Failed::Status(resp) => proto.retry_class(resp),
                Failed::Transport(..) => Some(RetryClass::Transient),
            };
            let give_up = |failed: Failed| match failed {
                Failed::Status(resp) => self.final_error(proto, &resp, tries),
                Failed::Transport(mut e) => {
                    e.message = with_attempts(std::mem::take(&mut e.message), tries);
                    e
                }
            };
            let wait = match class {
                // A 429 pauses the provider and cuts its requests in flight,
                // whether or not this one is tried again: the limit is the account's.
                Some(RetryClass::RateLimited(after)) => {
                    let wait = after.unwrap_or_else(|| retry::backoff(refusals));
                    refusals += 1;
                    let verdict = slot.map_or(After429::GiveUp, |s| s.refused(wait));
                    if !retryable_method || verdict == After429::GiveUp {
                        return Err(give_up(failed));
                    }
                    warn!(
                        "{name}: rate-limited (429); retrying after a pause of {} ms",
                        wait.as_millis()
                    );
                    // The throttle holds this request until the pause ends.
                    continue;
                }
                Some(RetryClass::Transient)
                    if retryable_method && transient < self.opts.retries =>
                {
                    retry::backoff(transient)
                }
                _ => {
                    // An answer that is not a 429 says the provider is not congested.
                    if let (Some(s), Failed::Status(_)) = (slot, &failed) {
                        s.succeeded();
                    }
                    return Err(give_up(failed));
                }
            };
            drop(slot);
            transient += 1;
            warn!(
                "{name}: retrying in {} ms (attempt {transient} of {})",
                wait.as_millis(),
                self.opts.retries
            );
            tokio::time::sleep(wait).await;
        }
    }

    /// One unauthenticated GET, not retried (for `doctor`): the same client,
    /// TLS, redirects policy and User-Agent as every other request, and the
    /// same error for a certificate it cannot trust. Any status is returned.
    pub async fn probe(&self, url: Url) -> Result<Incoming> {
        match self.execute(&Outgoing::get(url)).await {
            Ok(resp) => Ok(resp),
            Err(Failure::Fatal(e)) => Err(e),
            Err(Failure::Transport(e)) => Err(e),
        }
    }

    fn final_error<P: Protocol + ?Sized>(&self, proto: &P, resp: &Incoming, tries: u32) -> Error {
        let mut err = proto.error_from(resp);
        err.http_status.get_or_insert(resp.status);
        err.message = with_attempts(std::mem::take(&mut err.message), tries);
        if let Some(hint) = (err.kind == Kind::Unauthorized && proto.is_time_signed())
            .then(|| skew_hint(resp))
            .flatten()
        {
            err.message.push_str(&hint);
        }
        err
    }

    async fn execute(&self, req: &Outgoing) -> std::result::Result<Incoming, Failure> {
        let client = self.client_for(&req.url).map_err(Failure::Fatal)?;
        let mut builder = client.request(req.method.clone(), req.url.clone());
        for (name, value) in &req.headers {
            builder = builder.header(*name, value.wire());
            debug!("  > {name}: {}", value.shown());
        }
        if let Some(input) = &req.signing_input {
            debug!("  signing input: {input:?}");
        }
        if let Some(body) = &req.body {
            builder = builder.body(body.expose().to_vec());
        }
        let mut resp = builder.send().await.map_err(classify_reqwest)?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        if tracing::enabled!(tracing::Level::DEBUG) {
            for (k, v) in &headers {
                let shown = if is_secret_header(k.as_str()) {
                    "***"
                } else {
                    v.to_str().unwrap_or("<binary>")
                };
                debug!("  < {k}: {shown}");
            }
        }
        if resp
            .content_length()
            .is_some_and(|len| len > MAX_BODY_BYTES as u64)
        {
            return Err(Failure::Fatal(body_too_large(status)));
        }
        // Sized once from Content-Length (already checked against the cap):
        // a large body is not copied again and again as it grows.
        let expected = resp.content_length().unwrap_or(0) as usize;
        let mut body = Vec::with_capacity(expected);
        while let Some(chunk) = resp.chunk().await.map_err(classify_reqwest)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(Failure::Fatal(body_too_large(status)));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Incoming {
            status,
            version: resp.version(),
            headers,
            body,
        })
    }
}

/// What both clients share: proxies only from [`env_proxies`] (reqwest's
/// own reading of the environment is off), keep-alive, no redirects.
fn client_builder(opts: &HttpOptions) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .no_proxy()
        .user_agent(concat!("balances/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(opts.timeout.min(Duration::from_secs(10)))
        .timeout(opts.timeout)
        .pool_idle_timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
}

fn body_too_large(status: u16) -> Error {
    Error::bad_response(format!(
        "response body exceeds the {} MiB limit",
        MAX_BODY_BYTES >> 20
    ))
    .with_status(status)
}

fn classify_reqwest(e: reqwest::Error) -> Failure {
    // reqwest's Display names the URL but never our headers, so it is safe to show.
    let msg = error_chain(&e);
    if let Some(why) = certificate_problem(&msg) {
        // Not transient: another handshake gets the same certificate.
        let host = e
            .url()
            .and_then(|u| u.host_str())
            .map_or_else(|| "the server".to_owned(), str::to_owned);
        let message = certificate_message(&host, why);
        return Failure::Fatal(Error::new(Kind::Unavailable, message).with_cause(e));
    }
    if e.is_timeout() {
        Failure::Transport(
            Error::new(Kind::Timeout, format!("request timed out: {msg}")).with_cause(e),
        )
    } else if e.is_connect() || e.is_request() || e.is_body() || e.is_decode() {
        Failure::Transport(
            Error::new(Kind::Unavailable, format!("network error: {msg}")).with_cause(e),
        )
    } else {
        Failure::Fatal(Error::new(Kind::Unavailable, format!("HTTP error: {msg}")).with_cause(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::ProviderId;

    #[test]
    fn credential_headers_are_known_by_their_kind() {
        for secret in [
            "Authorization",
            "Proxy-Authorization",
            "Cookie",
            "Set-Cookie",
            "X-Api-Key",
            "X-Request-Signature",
            "Api-Signature",
            "OTP",
            "X-Auth-Token",
            "token",
            "X-Amz-Security-Token",
            "X-Session-Id",
            "X-Client-Secret",
        ] {
            assert!(is_secret_header(secret), "{secret}");
        }
        for plain in [
            "Content-Type",
            "Retry-After",
            "X-Request-Id",
            "Date",
            "Keep-Alive",
        ] {
            assert!(!is_secret_header(plain), "{plain}");
        }
    }
    use crate::providers::boca::Boca;
    use crate::sandbox::{Options, Sandbox, demo};
    use std::time::Instant;

    /// One worker's 429 holds back the next request of another worker until
    /// `Retry-After` has passed, so that request is not refused in turn.
    /// The sandbox's Boca with its demo credentials, an engine without
    /// retries, and a runtime to drive them.
    fn demo_boca(sandbox: &Sandbox) -> (Boca, Engine, tokio::runtime::Runtime) {
        let boca = Boca::new(
            url::parse_base(&sandbox.base_url(ProviderId::Boca)).unwrap(),
            Secret::new(demo::BOCA_API_KEY),
            Secret::new(demo::BOCA_API_SECRET),
        );
        let engine = Engine::new(HttpOptions {
            timeout: Duration::from_secs(10),
            retries: 0,
            dry_run: None,
            no_proxy: true,
        })
        .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        (boca, engine, rt)
    }

    #[test]
    fn a_429_pauses_the_whole_run() {
        let sandbox = Sandbox::start(Options {
            rate_limit: Some(1),
            ..Default::default()
        })
        .unwrap();
        let (boca, engine, rt) = demo_boca(&sandbox);
        rt.block_on(async {
            // Worker A: two requests in one second; the second is refused
            // (no retries here) and sets the pause. Worker B, a task of its
            // own, starts only then, and waits out Retry-After (1 s) instead
            // of being refused in turn.
            let (refused_tx, refused_rx) = tokio::sync::oneshot::channel();
            let a = async {
                boca.balances(&engine, "partner-user-42").await.unwrap();
                let refused = boca.balances(&engine, "partner-user-42").await.unwrap_err();
                assert_eq!(refused.exit_code(), 75);
                refused_tx.send(()).unwrap();
            };
            let b = async {
                refused_rx.await.unwrap();
                let started = Instant::now();
                boca.balances(&engine, "partner-user-42").await.unwrap();
                started.elapsed()
            };
            let ((), waited) = tokio::join!(a, b);
            assert!(waited >= Duration::from_millis(900), "{waited:?}");
        });
    }

    #[test]
    fn plain_http_runs_build_no_tls_client_and_https_builds_one_once() {
        let sandbox = Sandbox::start(Options::default()).unwrap();
        let (boca, engine, rt) = demo_boca(&sandbox);
        rt.block_on(boca.balances(&engine, "partner-user-42"))
            .unwrap();
        assert!(engine.tls.get().is_none(), "no roots loaded for http://");
        let https = reqwest::Url::parse("https://127.0.0.1:9/").unwrap();
        let first = engine.client_for(&https).unwrap() as *const reqwest::Client;
        let again = engine.client_for(&https).unwrap() as *const reqwest::Client;
        assert_eq!(first, again, "one TLS client per run");
    }
}
