//! A scriptable HTTP/1.1 server for adversarial tests, independent of the
//! product's sandbox: each test states the exact bytes a provider sends.
//!
//! ```ignore
//! let srv = Hostile::start(vec![Reply::json(200, r#"{"a":1}"#)]); // 1st request, then 2nd...
//! let srv = Hostile::serve(|req| Reply::json(200, "{}"));           // or a routing closure
//! srv.base_url();  srv.requests();
//! ```
//!
//! Everything is bounded: connections poll a stop flag (set when the server
//! is dropped, at the end of the test), reads time out, and after
//! [`Hostile::DEFAULT_CAP`] requests the server stops answering (it closes
//! every connection), so a client that loops cannot run forever.

use assert_cmd::Command;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path_and_query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub received_at: SystemTime,
}

impl Request {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.path_and_query
            .split_once('?')
            .map_or(self.path_and_query.as_str(), |(p, _)| p)
    }

    /// A query parameter, percent-decoded (`+` left as is).
    pub fn query(&self, key: &str) -> Option<String> {
        let (_, q) = self.path_and_query.split_once('?')?;
        q.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k) == key).then(|| decode(v))
        })
    }

    /// Everything the request carried, for "did this string go there" checks.
    pub fn all_text(&self) -> String {
        let mut s = format!("{} {}\n", self.method, self.path_and_query);
        for (k, v) in &self.headers {
            s.push_str(&format!("{k}: {v}\n"));
        }
        s.push_str(&String::from_utf8_lossy(&self.body));
        s
    }
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the server writes back: exact bytes, and whether to close after.
#[derive(Debug, Clone)]
pub struct Reply {
    bytes: Vec<u8>,
    close: bool,
    delay: Duration,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

impl Reply {
    /// A JSON body sent exactly as given, with a correct Content-Length.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::with_headers(status, &[("Content-Type", "application/json")], body)
    }

    /// A response with these headers (Content-Length is added) and this body.
    pub fn with_headers(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body.as_bytes());
        Reply {
            bytes,
            close: false,
            delay: Duration::ZERO,
        }
    }

    /// Exactly these bytes on the wire; the connection is closed after them
    /// (so a response without Content-Length still ends).
    pub fn raw(bytes: impl Into<Vec<u8>>) -> Reply {
        Reply {
            bytes: bytes.into(),
            close: true,
            delay: Duration::ZERO,
        }
    }

    /// Wait this long before answering.
    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

struct Shared {
    handler: Box<Handler>,
    requests: Mutex<Vec<Request>>,
    connections: AtomicUsize,
    stop: AtomicBool,
    cap: usize,
}

pub struct Hostile {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Hostile {
    /// After this many requests the server answers no more (closes connections).
    pub const DEFAULT_CAP: usize = 1500;

    /// Serve `script[i]` to the i-th request; past the end, 418 and close.
    pub fn start(script: Vec<Reply>) -> Hostile {
        let next = AtomicUsize::new(0);
        Hostile::serve(move |_req| {
            let i = next.fetch_add(1, Ordering::SeqCst);
            script.get(i).cloned().unwrap_or_else(|| {
                let mut r = Reply::json(418, r#"{"error":"hostile script exhausted"}"#);
                r.close = true;
                r
            })
        })
    }

    /// Answer every request with `handler`.
    pub fn serve(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Hostile {
        Hostile::serve_capped(Hostile::DEFAULT_CAP, handler)
    }

    pub fn serve_capped(
        cap: usize,
        handler: impl Fn(&Request) -> Reply + Send + Sync + 'static,
    ) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            handler: Box::new(handler),
            requests: Mutex::new(Vec::new()),
            connections: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            cap,
        });
        let s = shared.clone();
        let accept = std::thread::spawn(move || {
            let mut workers: Vec<JoinHandle<()>> = Vec::new();
            while !s.stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        s.connections.fetch_add(1, Ordering::SeqCst);
                        let s = s.clone();
                        workers.push(std::thread::spawn(move || connection(stream, &s)));
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
                workers.retain(|w| !w.is_finished());
            }
            for w in workers {
                let _ = w.join();
            }
        });
        Hostile {
            addr,
            shared,
            accept: Some(accept),
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.shared.requests.lock().unwrap().clone()
    }

    pub fn request_count(&self) -> usize {
        self.shared.requests.lock().unwrap().len()
    }

    /// TCP connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

/// Requests on one connection, one after another (keep-alive), until the
/// client closes, the server stops, or the request cap is reached.
fn connection(mut stream: TcpStream, s: &Shared) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::new();
    let mut last_activity = Instant::now();
    loop {
        if s.stop.load(Ordering::SeqCst) || last_activity.elapsed() > Duration::from_secs(30) {
            return;
        }
        // A full head in the buffer?
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).into_owned();
            let mut lines = head.split("\r\n");
            let mut first = lines.next().unwrap_or("").split(' ');
            let method = first.next().unwrap_or("").to_owned();
            let path_and_query = first.next().unwrap_or("").to_owned();
            let headers: Vec<(String, String)> = lines
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .collect();
            let len: usize = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            let body_start = end + 4;
            if buf.len() < body_start + len {
                if !read_more(&mut stream, &mut buf, s) {
                    return;
                }
                last_activity = Instant::now();
                continue;
            }
            let body = buf[body_start..body_start + len].to_vec();
            buf.drain(..body_start + len);
            let req = Request {
                method,
                path_and_query,
                headers,
                body,
                received_at: SystemTime::now(),
            };
            {
                let mut all = s.requests.lock().unwrap();
                if all.len() >= s.cap {
                    // Bounded: a looping client gets nothing more.
                    return;
                }
                all.push(req.clone());
            }
            let reply = (s.handler)(&req);
            if !reply.delay.is_zero() {
                std::thread::sleep(reply.delay);
            }
            if stream.write_all(&reply.bytes).is_err() || stream.flush().is_err() {
                return;
            }
            last_activity = Instant::now();
            if reply.close
                || req
                    .header("connection")
                    .is_some_and(|c| c.eq_ignore_ascii_case("close"))
            {
                let _ = stream.shutdown(std::net::Shutdown::Write);
                // Let the client read what was written before the socket goes.
                std::thread::sleep(Duration::from_millis(20));
                return;
            }
            continue;
        }
        if buf.len() > 1 << 20 {
            return; // a head that never ends
        }
        if !read_more(&mut stream, &mut buf, s) {
            return;
        }
        last_activity = Instant::now();
    }
}

/// Read what is there; false when the client closed or the server stops.
fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>, s: &Shared) -> bool {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if s.stop.load(Ordering::SeqCst) {
            return false;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return false,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                return true;
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => continue,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => return false,
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A run's exit code and both streams, for assertion messages.
pub fn show(r: &crate::support::Run) -> String {
    format!(
        "exit {}\n--- stdout\n{}\n--- stderr\n{}",
        r.code, r.stdout, r.stderr
    )
}

/// `balances` with nothing from the user's machine: an empty home, no
/// config, no keyring, no provider settings (each test adds its own).
pub fn balances(home: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("balances"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("BALANCES_KEYRING", "none")
        .timeout(Duration::from_secs(60));
    cmd
}

/// [`balances`] pointed at a Boca server with throwaway credentials.
pub fn boca(home: &Path, srv: &Hostile) -> Command {
    let mut cmd = balances(home);
    cmd.env("BALANCES_BOCA_BASE_URL", srv.base_url())
        .env("BALANCES_BOCA_API_KEY", "hostile-boca-key")
        .env("BALANCES_BOCA_API_SECRET", "hostile-boca-secret");
    cmd
}

pub fn noah(home: &Path, srv: &Hostile) -> Command {
    let mut cmd = balances(home);
    cmd.env("BALANCES_NOAH_BASE_URL", srv.base_url())
        .env("BALANCES_NOAH_API_KEY", "hostile-noah-key");
    cmd
}

pub fn p100(home: &Path, srv: &Hostile) -> Command {
    let mut cmd = balances(home);
    cmd.env("BALANCES_P100_BASE_URL", srv.base_url())
        .env("BALANCES_P100_API_KEY", "hostile-p100-key");
    cmd
}

/// The RFC 6238 test key, Base32.
pub const IBANERA_TOTP: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

pub fn ibanera(home: &Path, srv: &Hostile) -> Command {
    let mut cmd = balances(home);
    cmd.env("BALANCES_IBANERA_BASE_URL", srv.base_url())
        .env("BALANCES_IBANERA_USERNAME", "hostile-user")
        .env("BALANCES_IBANERA_PASSWORD", "hostile-password")
        .env("BALANCES_IBANERA_TOTP_SECRET", IBANERA_TOTP);
    cmd
}

/// Ibanera's successful login envelope.
pub const IBANERA_LOGIN_OK: &str = r#"{"status":"1","errors":[],"id":null,"details":{"accessToken":"hostile-token","expiresIn":3600},"pageSize":null,"pageNumber":null,"numberOfPages":null}"#;

/// An Ibanera server: the login succeeds, every other request gets `list(req)`.
pub fn ibanera_server(list: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Hostile {
    Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            Reply::json(200, IBANERA_LOGIN_OK)
        } else {
            list(req)
        }
    })
}

mod self_test {
    use super::*;

    /// The server itself: scripted replies in order, keep-alive, request bodies.
    #[test]
    fn hostile_server_serves_the_script_over_keep_alive() {
        let srv = Hostile::start(vec![
            Reply::json(200, r#"{"n":1}"#),
            Reply::json(201, r#"{"n":2}"#),
        ]);
        let mut s = TcpStream::connect(srv.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"POST /a?x=%41b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: h\r\n\r\n")
            .unwrap();
        let mut got = Vec::new();
        let want = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"n\":1}HTTP/1.1 201 Whatever\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"n\":2}";
        let mut chunk = [0u8; 1024];
        while got.len() < want.len() {
            let n = s.read(&mut chunk).unwrap();
            assert!(n > 0);
            got.extend_from_slice(&chunk[..n]);
        }
        assert_eq!(got, want.to_vec());
        let reqs = srv.requests();
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0].method, "POST");
        assert_eq!(reqs[0].body, b"abc");
        assert_eq!(reqs[0].query("x").as_deref(), Some("Ab"));
        assert_eq!(reqs[1].path(), "/b");
        assert_eq!(srv.connections(), 1);
    }

    #[test]
    fn hostile_server_sends_raw_bytes_then_closes() {
        let srv = Hostile::start(vec![Reply::raw(&b"HTTP/1.1 200 OK\r\n\r\nno length"[..])]);
        let mut s = TcpStream::connect(srv.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n").unwrap();
        let mut got = Vec::new();
        s.read_to_end(&mut got).unwrap();
        assert_eq!(got, b"HTTP/1.1 200 OK\r\n\r\nno length");
    }

    #[test]
    fn hostile_server_stops_at_its_cap() {
        let srv = Hostile::serve_capped(3, |_| Reply::json(200, "{}"));
        let mut s = TcpStream::connect(srv.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        for _ in 0..5 {
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        }
        let mut all = Vec::new();
        let _ = s.read_to_end(&mut all);
        assert_eq!(srv.request_count(), 3);
    }
}
