//! The embedded sandbox: a faithful emulator of the provider APIs on loopback.
//!
//! It serves each provider under its own prefix (`/boca`, ...) on one port,
//! checks auth as strictly as the real service, and generates deterministic
//! demo data on the fly (nothing is stored, so a 100,000-item history costs
//! no memory). It never calls the client's signer or request builder: it
//! recomputes what a request should carry from the raw request it received,
//! so a bug copied into both sides cannot pass the tests.

mod boca;
mod data;
mod ibanera;
mod living;
mod noah;
mod p100;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Response, StatusCode, header};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub const DEFAULT_TRANSACTIONS: u64 = 240;
pub const DEFAULT_USERS: u64 = 1000;

/// The fixed, published demo credentials. They protect nothing.
pub mod demo {
    pub const BOCA_API_KEY: &str = "boca-demo-key";
    /// Also the secret of the signing test vectors.
    pub const BOCA_API_SECRET: &str = "boca-demo-signing-secret";
    pub const P100_API_KEY: &str = "p100-demo-key";
    /// A NOAH key registered with the demo public keys: requests must be signed.
    pub const NOAH_API_KEY: &str = "noah-demo-key";
    /// A NOAH key registered without a public key: unsigned requests pass.
    pub const NOAH_UNSIGNED_API_KEY: &str = "noah-demo-unsigned-key";
    pub const NOAH_ES384_PRIVATE: &str = include_str!("examples/noah-demo-es384.pem");
    pub const NOAH_ES384_PUBLIC: &str = include_str!("examples/noah-demo-es384.pub.pem");
    pub const NOAH_ES256_PRIVATE: &str = include_str!("examples/noah-demo-es256.pem");
    pub const NOAH_ES256_PUBLIC: &str = include_str!("examples/noah-demo-es256.pub.pem");
    pub const IBANERA_USERNAME: &str = "demo@balances.example";
    pub const IBANERA_PASSWORD: &str = "demo-password";
    /// Base32 of [`IBANERA_TOTP_KEY`], as an authenticator app would be given it.
    pub const IBANERA_TOTP_SECRET: &str = "MJQWYYLOMNSXGLLEMVWW6LLUN52HALLL";
    pub const IBANERA_TOTP_KEY: &[u8] = b"balances-demo-totp-k";
    /// The seeds' example users, the ones `balances --sandbox summary` shows.
    pub const BOCA_USER: &str = super::boca::EXAMPLE_USER;
    pub const P100_USER: &str = super::p100::EXAMPLE_USER;
    /// A generated Boca user whose history lives (a conversion every few
    /// seconds), in the demo profile beside the seed's example.
    pub const BOCA_LIVING_USER: &str = "user-00001";
}

/// The four emulated APIs, each under its own path prefix on one port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    Boca,
    Noah,
    P100,
    Ibanera,
}

impl Api {
    pub const ALL: [Api; 4] = [Api::Boca, Api::Noah, Api::P100, Api::Ibanera];

    /// The path prefix the API is served under (NOAH's includes its `/v1`).
    pub fn prefix(self) -> &'static str {
        match self {
            Api::Boca => "/boca",
            Api::Noah => "/noah/v1",
            Api::P100 => "/p100",
            Api::Ibanera => "/ibanera",
        }
    }
}

/// What to serve and which faults to inject.
#[derive(Debug, Clone)]
pub struct Options {
    pub seed: u64,
    /// Transactions in every user's history.
    pub transactions: u64,
    /// Generated users (`user-00001` ...) besides the seed examples.
    pub users: u64,
    /// Requests per second before answering 429.
    pub rate_limit: Option<u32>,
    /// Fraction of requests failed with a 5xx, in parts per million.
    pub fail_rate_ppm: u32,
    /// Fail this many requests first (deterministic retry tests).
    pub fail_first: u32,
    /// Answer this many requests first with 429 and `Retry-After: 1`.
    pub throttle_first: u32,
    pub latency: Duration,
    /// Lifetime of Ibanera access tokens, as announced in `expiresIn`.
    pub token_ttl: Duration,
    /// When set, a token is refused after this many data requests, whatever
    /// `expiresIn` said: a deterministic "token expired mid-run".
    pub token_max_uses: Option<u32>,
    /// The sandbox's clock (Unix seconds): its living histories and
    /// balances, and its checks of timestamps, signatures and one-time
    /// codes. `None`: the wall clock.
    pub clock: Option<i64>,
    /// A transaction left out of its listing while its balance still counts
    /// it: what `balances reconcile` exists to find.
    pub hide_transaction: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 42,
            transactions: DEFAULT_TRANSACTIONS,
            users: DEFAULT_USERS,
            rate_limit: None,
            fail_rate_ppm: 0,
            fail_first: 0,
            throttle_first: 0,
            latency: Duration::ZERO,
            token_ttl: Duration::from_secs(3600),
            token_max_uses: None,
            clock: None,
            hide_transaction: None,
        }
    }
}

/// Shared state of a running sandbox.
struct Shared {
    opts: Options,
    requests: AtomicU64,
    failed_first: AtomicU32,
    throttled_first: AtomicU32,
    rng: Mutex<fastrand::Rng>,
    window: Mutex<(Instant, u32)>,
    ibanera: ibanera::State,
}

impl Shared {
    /// The sandbox's clock, Unix seconds.
    fn now(&self) -> i64 {
        self.opts
            .clock
            .unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp())
    }

    /// Whether a listing leaves this transaction out (`--hide-transaction`).
    fn hidden(&self, id: &str) -> bool {
        self.opts.hide_transaction.as_deref() == Some(id)
    }

    fn request_id(&self) -> String {
        let n = self.requests.load(Ordering::Relaxed);
        let h = data::mix(self.opts.seed ^ n);
        format!(
            "req-{:08x}-{:04x}-{:04x}-{:012x}",
            h >> 32,
            (h >> 16) & 0xffff,
            h & 0xffff,
            n
        )
    }

    /// `Some(fault)` when this request must fail by the fault knobs.
    fn fault(&self) -> Option<Fault> {
        if self.throttled_first.fetch_add(1, Ordering::Relaxed) < self.opts.throttle_first {
            return Some(Fault::RateLimited(1));
        }
        if let Some(limit) = self.opts.rate_limit {
            let mut w = self.window.lock().unwrap_or_else(|p| p.into_inner());
            if w.0.elapsed() >= Duration::from_secs(1) {
                *w = (Instant::now(), 0);
            }
            w.1 += 1;
            if w.1 > limit {
                let retry_after = 1u64.saturating_sub(w.0.elapsed().as_secs()).max(1);
                return Some(Fault::RateLimited(retry_after));
            }
        }
        if self.failed_first.fetch_add(1, Ordering::Relaxed) < self.opts.fail_first {
            return Some(Fault::Unavailable);
        }
        if self.opts.fail_rate_ppm > 0 {
            let roll = self
                .rng
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .u32(0..1_000_000);
            if roll < self.opts.fail_rate_ppm {
                return Some(Fault::Unavailable);
            }
        }
        None
    }
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    RateLimited(u64),
    Unavailable,
}

/// Serves one provider's API: the request, the path below its prefix, the request id.
type Handler = fn(&Shared, &Received, &str, &str) -> Response<Body>;
/// One provider's answer to an injected fault.
type FaultHandler = fn(Fault, &str) -> Response<Body>;

/// Each provider's emulator, under its prefix.
const EMULATORS: [(Api, Handler, FaultHandler); 4] = [
    (Api::Boca, boca::handle, boca::fault),
    (Api::Noah, noah::handle, noah::fault),
    (Api::P100, p100::handle, p100::fault),
    (Api::Ibanera, ibanera::handle, ibanera::fault),
];

/// A request as received: method, raw (still percent-encoded) path and query.
pub(crate) struct Received {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Query pairs, decoded, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        if self.query.is_empty() {
            return Vec::new();
        }
        self.query
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (data::percent_decode(k), data::percent_decode(v))
            })
            .collect()
    }

    /// GET, or HEAD (answered as a GET whose body the server leaves out,
    /// as HTTP servers do).
    pub fn reads(&self) -> bool {
        self.method == "GET" || self.method == "HEAD"
    }

    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

pub(crate) fn json_response(status: u16, body: &serde_json::Value) -> Response<Body> {
    raw_response(status, serde_json::to_vec(body).unwrap_or_default())
}

pub(crate) fn raw_response(status: u16, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    r
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response<Body> {
    shared.requests.fetch_add(1, Ordering::Relaxed);
    if !shared.opts.latency.is_zero() {
        tokio::time::sleep(shared.opts.latency).await;
    }
    let (parts, body) = req.into_parts();
    let body = match axum::body::to_bytes(body, 1 << 20).await {
        Ok(b) => b.to_vec(),
        Err(_) => return raw_response(413, b"{}".to_vec()),
    };
    let received = Received {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        headers: parts.headers,
        body,
    };
    let rid = shared.request_id();
    for (p, handle, fault) in EMULATORS {
        // The prefix without its trailing slash, so "/boca" + "/v1/..." splits cleanly.
        let Some(rest) = received
            .path
            .strip_prefix(p.prefix())
            .filter(|r| r.starts_with('/'))
        else {
            continue;
        };
        if let Some(f) = shared.fault() {
            return fault(f, &rid);
        }
        return handle(&shared, &received, rest, &rid);
    }
    json_response(
        404,
        &serde_json::json!({"error": "not_found", "message": format!("no sandbox route for {}", received.path)}),
    )
}

impl Shared {
    fn new(opts: Options) -> Shared {
        Shared {
            rng: Mutex::new(fastrand::Rng::with_seed(opts.seed)),
            opts,
            requests: AtomicU64::new(0),
            failed_first: AtomicU32::new(0),
            throttled_first: AtomicU32::new(0),
            window: Mutex::new((Instant::now(), 0)),
            ibanera: Default::default(),
        }
    }
}

/// Minor units of a decimal text at `scale` (tests of the books).
#[cfg(test)]
fn minor_units(text: &str, scale: u32) -> i128 {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let negative = int.starts_with('-');
    let digits = format!(
        "{}{frac:0<width$}",
        int.trim_start_matches('-'),
        width = scale as usize
    );
    let v: i128 = digits.parse().unwrap();
    if negative { -v } else { v }
}

/// Serve on an already-bound listener until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    opts: Options,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_shared(listener, Arc::new(Shared::new(opts)), shutdown).await
}

async fn serve_shared(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = axum::Router::new().fallback(handle).with_state(shared);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Refuse anything but loopback: the sandbox's demo credentials protect nothing.
pub fn check_loopback(addr: &SocketAddr) -> Result<(), String> {
    if addr.ip().is_loopback() {
        Ok(())
    } else {
        Err(format!("the sandbox listens on loopback only, not {addr}"))
    }
}

/// A sandbox running on its own thread and runtime, for tests and `--sandbox`.
/// Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Sandbox {
    /// Start on `127.0.0.1:0` (an ephemeral port) and return once it accepts connections.
    pub fn start(opts: Options) -> std::io::Result<Sandbox> {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::new(Shared::new(opts));
        let served = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("balances-sandbox".into())
            .spawn(move || {
                let rt = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        eprintln!("balances: sandbox: cannot start a runtime: {e}");
                        return;
                    }
                };
                rt.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(std_listener) {
                        Ok(l) => l,
                        Err(e) => {
                            eprintln!("balances: sandbox: {e}");
                            return;
                        }
                    };
                    let _ = serve_shared(listener, served, async {
                        let _ = stopped.await;
                    })
                    .await;
                });
            })?;
        Ok(Sandbox {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT/<prefix>`: the API's base URL in this sandbox.
    pub fn base_url(&self, api: impl Into<Api>) -> String {
        base_url(self.addr, api.into())
    }

    /// How many requests it has answered, for tests that count them.
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::Relaxed)
    }
}

pub fn base_url(addr: SocketAddr, api: Api) -> String {
    format!("http://{addr}{}", api.prefix())
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Not joined: a client's idle keep-alive connection must not hold up
        // the caller; the thread ends with the server or with the process.
        drop(self.thread.take());
    }
}

/// The config snippet `balances sandbox` prints: a `sandbox` profile with
/// every provider's base URL and demo credentials (they protect nothing).
pub fn config_snippet(addr: SocketAddr) -> String {
    let url = |p| base_url(addr, p);
    format!(
        "[profiles.sandbox.boca]\nbase_url = \"{}\"\napi_key = \"{}\"\napi_secret = \"{}\"\nusers = [\"{}\", \"{}\"]\n\n\
         [profiles.sandbox.noah]\nbase_url = \"{}\"\napi_key = \"{}\"\nsigning_key = \"\"\"\n{}\"\"\"\n\n\
         [profiles.sandbox.p100]\nbase_url = \"{}\"\napi_key = \"{}\"\nusers = [\"{}\"]\n\n\
         [profiles.sandbox.ibanera]\nbase_url = \"{}\"\nusername = \"{}\"\npassword = \"{}\"\ntotp_secret = \"{}\"\n",
        url(Api::Boca),
        demo::BOCA_API_KEY,
        demo::BOCA_API_SECRET,
        demo::BOCA_USER,
        demo::BOCA_LIVING_USER,
        url(Api::Noah),
        demo::NOAH_API_KEY,
        demo::NOAH_ES384_PRIVATE.trim_end(),
        url(Api::P100),
        demo::P100_API_KEY,
        demo::P100_USER,
        url(Api::Ibanera),
        demo::IBANERA_USERNAME,
        demo::IBANERA_PASSWORD,
        demo::IBANERA_TOTP_SECRET,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_snippet_names_every_api_and_its_demo_credentials() {
        let addr: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        let snippet = config_snippet(addr);
        for api in Api::ALL {
            assert!(snippet.contains(&base_url(addr, api)), "{api:?}");
        }
        for secret in [
            demo::BOCA_API_SECRET,
            demo::P100_API_KEY,
            demo::IBANERA_TOTP_SECRET,
        ] {
            assert!(snippet.contains(secret));
        }
    }
}
