//! Credentials go only where they belong, signed requests stay fresh, a
//! provider's text cannot drive the user's terminal, untrusted TLS is not
//! retried into, and proxies do not capture the in-process sandbox.

use crate::hostile::{self, Hostile, IBANERA_TOTP, Reply, Request, show};
use crate::pages::logins;
use crate::support::{Run, free_port, run};
use std::path::Path;
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// A profile with boca, p100 and ibanera (and noah when asked), each with
/// its own base URL; never a production default.
fn config(home: &Path, boca: &str, p100: &str, ibanera: &str, noah: Option<&str>) -> String {
    let path = home.join("config.toml");
    let mut text = format!(
        "[profiles.default.boca]\nbase_url = \"{boca}\"\nusers = [\"u-1\"]\n\n\
         [profiles.default.p100]\nbase_url = \"{p100}\"\nusers = [\"u-2\"]\n\n\
         [profiles.default.ibanera]\nbase_url = \"{ibanera}\"\n"
    );
    if let Some(noah) = noah {
        text.push_str(&format!(
            "\n[profiles.default.noah]\nbase_url = \"{noah}\"\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn dead() -> String {
    format!("http://127.0.0.1:{}", free_port())
}

/// Credentials for every provider, in the environment.
fn with_credentials(cmd: &mut assert_cmd::Command, canaries: &[(&str, &str)]) {
    for (k, v) in canaries {
        cmd.env(k, v);
    }
}

const BOCA_CANARIES: [(&str, &str); 2] = [
    ("BALANCES_BOCA_API_KEY", "canary-boca-key-1111"),
    ("BALANCES_BOCA_API_SECRET", "canary-boca-secret-2222"),
];
const NOAH_CANARIES: [(&str, &str); 1] = [("BALANCES_NOAH_API_KEY", "canary-noah-key-3333")];
const P100_CANARIES: [(&str, &str); 1] = [("BALANCES_P100_API_KEY", "canary-p100-key-4444")];
const IBANERA_CANARIES: [(&str, &str); 2] = [
    ("BALANCES_IBANERA_USERNAME", "canary-ibanera-user-5555"),
    ("BALANCES_IBANERA_PASSWORD", "canary-ibanera-pass-6666"),
];
/// The access token the Ibanera server hands out: a credential too.
const IBANERA_TOKEN: &str = "canary-ibanera-token-7777";

fn all_canaries() -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    v.extend(BOCA_CANARIES);
    v.extend(NOAH_CANARIES);
    v.extend(P100_CANARIES);
    v.extend(IBANERA_CANARIES);
    v.push(("BALANCES_IBANERA_TOTP_SECRET", IBANERA_TOTP));
    v
}

// ------------------------------------------- a. --base-url with many providers

#[test]
fn base_url_with_summary_is_a_usage_error_and_sends_nothing() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| {
        Reply::json(
            404,
            r#"{"error":"not_found","message":"x","requestId":"req-x"}"#,
        )
    });
    let conf = config(home.path(), &dead(), &dead(), &dead(), None);
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &all_canaries());
    let r = run(cmd.args([
        "--config",
        &conf,
        "--base-url",
        &srv.base_url(),
        "summary",
        "-o",
        "json",
    ]));
    let seen = srv.requests();
    assert!(
        seen.is_empty(),
        "one --base-url received every provider's requests: {:?}",
        seen.iter()
            .map(|q| format!("{} {}", q.method, q.path_and_query))
            .collect::<Vec<_>>()
    );
    assert_eq!(r.code, 2, "{}", show(&r));
}

#[test]
fn base_url_with_doctor_is_a_usage_error_and_sends_nothing() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| Reply::json(200, "{}"));
    let conf = config(home.path(), &dead(), &dead(), &dead(), None);
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &all_canaries());
    let r = run(cmd.args([
        "--config",
        &conf,
        "--base-url",
        &srv.base_url(),
        "doctor",
        "-o",
        "json",
    ]));
    assert_eq!(srv.request_count(), 0, "{}", show(&r));
    assert_eq!(r.code, 2, "{}", show(&r));
}

/// A server per provider, each answering its provider's balance call.
struct Four {
    boca: Hostile,
    noah: Hostile,
    p100: Hostile,
    ibanera: Hostile,
}

fn four() -> Four {
    Four {
        boca: Hostile::serve(|_| {
            Reply::json(
                200,
                r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"CAD","available":"1.00","total":"1.00"}]}"#,
            )
        }),
        noah: Hostile::serve(|_| {
            Reply::json(
                200,
                r#"{"Items":[{"AccountType":"Current","CryptoCurrency":"BTC","Available":"0.5","Total":"0.5"}],"PageToken":null}"#,
            )
        }),
        p100: Hostile::serve(|_| {
            Reply::json(
                200,
                r#"{"userId":"x","fiatBalances":[{"id":"f-1","amount":"2.00","name":"eur","rate":1,"status":"ACTIVE"}],"cryptoBalances":[]}"#,
            )
        }),
        ibanera: Hostile::serve(|req| {
            if req.path().ends_with("/auth/login") {
                Reply::json(
                    200,
                    &format!(
                        r#"{{"status":"1","errors":[],"id":null,"details":{{"accessToken":"{IBANERA_TOKEN}","expiresIn":3600}},"pageSize":null,"pageNumber":null,"numberOfPages":null}}"#
                    ),
                )
            } else {
                Reply::json(
                    200,
                    r#"{"status":"1","errors":[],"id":null,"details":[{"id":1000,"asset":"EUR","totalBalance":3.00,"availableBalance":3.00,"pendingBalance":0.00,"bSuppressed":false}],"pageSize":100,"pageNumber":1,"numberOfPages":1}"#,
                )
            }
        }),
    }
}

/// Every request `srv` received carries none of `foreign` and some of `own`.
fn only_own(name: &str, srv: &Hostile, own: &[&str], foreign: &[&str]) {
    let reqs: Vec<Request> = srv.requests();
    for req in &reqs {
        let text = req.all_text();
        for f in foreign {
            assert!(
                !text.contains(f),
                "{name}'s server received another provider's credential {f:?}:\n{text}"
            );
        }
    }
    if !own.is_empty() {
        assert!(
            reqs.iter()
                .any(|q| own.iter().any(|o| q.all_text().contains(o))),
            "{name}'s server never saw its own credential (is the test wired right?)"
        );
    }
}

fn values(pairs: &[(&str, &'static str)]) -> Vec<&'static str> {
    pairs.iter().map(|(_, v)| *v).collect()
}

fn assert_no_crossing(f: &Four, expect_own: bool) {
    let boca = values(&BOCA_CANARIES);
    let noah = values(&NOAH_CANARIES);
    let p100 = values(&P100_CANARIES);
    let mut ibanera = values(&IBANERA_CANARIES);
    ibanera.push(IBANERA_TOKEN);
    let others = |mine: &[&'static str]| -> Vec<&'static str> {
        [&boca, &noah, &p100, &ibanera]
            .into_iter()
            .flat_map(|v| v.iter().copied())
            .filter(|c| !mine.contains(c))
            .collect()
    };
    let own = |v: &[&'static str]| if expect_own { v.to_vec() } else { vec![] };
    only_own("boca", &f.boca, &own(&boca[..1]), &others(&boca));
    only_own("noah", &f.noah, &own(&noah), &others(&noah));
    only_own("p100", &f.p100, &own(&p100), &others(&p100));
    only_own("ibanera", &f.ibanera, &own(&ibanera), &others(&ibanera));
}

#[test]
fn summary_sends_each_credential_only_to_its_own_provider() {
    let home = TempDir::new().unwrap();
    let f = four();
    let conf = config(
        home.path(),
        &f.boca.base_url(),
        &f.p100.base_url(),
        &f.ibanera.base_url(),
        Some(&f.noah.base_url()),
    );
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &all_canaries());
    let r = run(cmd.args(["--config", &conf, "summary", "-o", "json"]));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_no_crossing(&f, true);
}

#[test]
fn doctor_sends_no_credential_to_another_provider() {
    let home = TempDir::new().unwrap();
    let f = four();
    let conf = config(
        home.path(),
        &f.boca.base_url(),
        &f.p100.base_url(),
        &f.ibanera.base_url(),
        Some(&f.noah.base_url()),
    );
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &all_canaries());
    let r = run(cmd.args(["--config", &conf, "doctor", "-o", "json"]));
    assert!(r.code != 1 && r.code != 101, "{}", show(&r));
    // doctor need not authenticate, so a server may see no credential at all.
    assert_no_crossing(&f, false);
}

// ---------------------------------------- b. signed requests stay fresh

#[test]
fn timestamps_are_signed_when_sent_not_before_a_shared_pause() {
    let home = TempDir::new().unwrap();
    let first = std::sync::atomic::AtomicBool::new(true);
    let srv = Hostile::serve(move |_| {
        if first.swap(false, std::sync::atomic::Ordering::SeqCst) {
            Reply::with_headers(
                429,
                &[("Content-Type", "application/json"), ("Retry-After", "3")],
                r#"{"error":"too_many_requests","message":"slow down","requestId":"req-429"}"#,
            )
        } else {
            // Slow enough that the 429 reaches the client first and sets its pause.
            Reply::json(
                200,
                r#"{"externalId":"u","userId":"x","balances":[{"currency":"CAD","available":"1.00","total":"1.00"}]}"#,
            )
            .after(Duration::from_millis(200))
        }
    });
    let users = home.path().join("users.txt");
    std::fs::write(&users, "u-1\nu-2\nu-3\nu-4\nu-5\nu-6\n").unwrap();
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-balances",
        "--users-file",
        users.to_str().unwrap(),
        "--concurrency",
        "2",
        "-o",
        "ndjson",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    let reqs = srv.requests();
    assert_eq!(reqs.len(), 7, "six users and one retry");
    let mut stale = Vec::new();
    for q in &reqs {
        let ts = q.header("X-Request-Timestamp").expect("a timestamp");
        let signed =
            time::OffsetDateTime::parse(ts, &time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|e| panic!("{ts:?}: {e}"));
        let signed = SystemTime::UNIX_EPOCH + Duration::from_secs(signed.unix_timestamp() as u64);
        let gap = match q.received_at.duration_since(signed) {
            Ok(d) => d,
            Err(e) => e.duration(),
        };
        if gap > Duration::from_secs(2) {
            stale.push(format!("{} signed {ts}, arrived {gap:?} later", q.path()));
        }
    }
    assert!(stale.is_empty(), "stale timestamps: {stale:#?}");
}

// --------------------------------------- c. provider text is not terminal input

const NASTY: &str = r#"\u001b[31mCAD\u001b]0;pwned\u0007"#;

fn no_controls(what: &str, r: &Run) {
    for (stream, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{what}: raw ESC/BEL on {stream}: {:?}",
            text
        );
    }
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let body = format!(
        r#"{{"externalId":"u-1","userId":"x","balances":[{{"currency":"{NASTY}","available":"1.00","total":"1.00"}}]}}"#
    );
    let srv = Hostile::serve(move |_| Reply::json(200, &body));
    for format in ["table", "csv"] {
        let home = TempDir::new().unwrap();
        let r = run(hostile::boca(home.path(), &srv).args([
            "--color",
            "never",
            "boca",
            "get-balances",
            "u-1",
            "-o",
            format,
        ]));
        no_controls(&format!("-o {format}"), &r);
    }
}

#[test]
fn control_characters_in_a_provider_error_are_not_echoed_raw() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| {
        Reply::json(
            404,
            &format!(
                r#"{{"error":"not_found","message":"User {NASTY} gone","requestId":"req-{NASTY}"}}"#
            ),
        )
    });
    let r = run(hostile::boca(home.path(), &srv).args([
        "--color",
        "never",
        "boca",
        "get-balances",
        "u-1",
        "-o",
        "table",
    ]));
    assert_eq!(r.code, 66, "{}", show(&r));
    no_controls("an error message", &r);
}

// ------------------------------------------ d. an untrusted certificate

/// A TLS server on loopback with a fresh self-signed certificate; it counts
/// the TCP connections it accepts (each one a handshake attempt).
struct TlsServer {
    port: u16,
    connections: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TlsServer {
    fn start() -> TlsServer {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()])
            .expect("a self-signed certificate");
        let key = rustls::pki_types::PrivateKeyDer::Pkcs8(
            rustls::pki_types::PrivatePkcs8KeyDer::from(cert.signing_key.serialize_der()),
        );
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert.cert.der().clone()], key)
        .unwrap();
        let config = Arc::new(config);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (c, s) = (connections.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !s.load(Ordering::SeqCst) {
                let Ok((mut tcp, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(5));
                    continue;
                };
                c.fetch_add(1, Ordering::SeqCst);
                let _ = tcp.set_nonblocking(false);
                let _ = tcp.set_read_timeout(Some(Duration::from_secs(2)));
                let _ = tcp.set_write_timeout(Some(Duration::from_secs(2)));
                let Ok(mut conn) = rustls::ServerConnection::new(config.clone()) else {
                    continue;
                };
                // Handshake until the client gives up (it must: the certificate is untrusted).
                for _ in 0..20 {
                    if conn.complete_io(&mut tcp).is_err() || !conn.is_handshaking() {
                        break;
                    }
                }
            }
        });
        TlsServer {
            port,
            connections,
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[test]
fn an_untrusted_certificate_fails_once_and_says_so() {
    let home = TempDir::new().unwrap();
    let tls = TlsServer::start();
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &BOCA_CANARIES);
    let r = run(cmd.args([
        "boca",
        "get-balances",
        "u-1",
        "--base-url",
        &format!("https://127.0.0.1:{}", tls.port),
        "-o",
        "table",
    ]));
    assert_ne!(r.code, 0, "{}", show(&r));
    assert!(
        r.stderr.contains("certificate"),
        "the error names the certificate: {}",
        show(&r)
    );
    let n = tls.connections.load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(
        n,
        1,
        "an untrusted certificate is not a transient failure: {n} handshakes\n{}",
        show(&r)
    );
}

#[test]
fn doctor_names_the_certificate_problem_too() {
    let home = TempDir::new().unwrap();
    let tls = TlsServer::start();
    let mut cmd = hostile::balances(home.path());
    with_credentials(&mut cmd, &BOCA_CANARIES);
    let config = home.path().join("doctor.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.default.boca]\nbase_url = \"https://127.0.0.1:{}\"\nusers = [\"u-1\"]\n",
            tls.port
        ),
    )
    .unwrap();
    let r = run(cmd.env("BALANCES_CONFIG", &config).args([
        "doctor",
        "--provider",
        "boca",
        "-o",
        "json",
    ]));
    assert_ne!(r.code, 0, "{}", show(&r));
    assert!(
        r.stdout
            .contains("TLS certificate of 127.0.0.1 not trusted"),
        "doctor shows the cause: {}",
        show(&r)
    );
    assert!(r.stdout.contains("SSL_CERT_FILE"), "{}", show(&r));
}

// ----------------------------------------- e. proxies and the in-process sandbox

#[test]
fn the_in_process_sandbox_is_not_sent_through_a_proxy() {
    let home = TempDir::new().unwrap();
    let proxy = dead();
    let mut cmd = hostile::balances(home.path());
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env(var, &proxy);
    }
    let r = run(cmd.args([
        "--sandbox",
        "boca",
        "get-balances",
        "partner-user-42",
        "-o",
        "json",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
}

// ------------------------------------------ f. Ibanera tokens and one-time codes

fn ibanera_page(items: &str) -> String {
    crate::pages::ibanera_envelope(items, 10, 1, "1")
}

const IBANERA_BALANCE: &str =
    r#"{"id":1,"asset":"EUR","totalBalance":1.00,"availableBalance":1.00,"pendingBalance":0.00}"#;

#[test]
fn an_otp_rejection_keeps_the_token_and_does_not_log_in_again() {
    let home = TempDir::new().unwrap();
    let srv = hostile::ibanera_server(|_| {
        Reply::json(
            401,
            r#"{"status":"0","errors":[{"fieldName":"otp","messageCode":"Invalid"}],"details":null}"#,
        )
    });
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_eq!(r.code, 77, "{}", show(&r));
    assert_eq!(
        logins(&srv),
        1,
        "no login loop on a refused code: {}",
        show(&r)
    );
    assert!(
        r.stderr.contains("clock"),
        "the hint names the clock: {}",
        show(&r)
    );
}

#[test]
fn a_rejected_token_is_replaced_once_per_run_never_more() {
    let home = TempDir::new().unwrap();
    // Every listing call is refused as if the token were bad.
    let srv = hostile::ibanera_server(|_| {
        Reply::json(
            401,
            r#"{"status":"0","errors":[{"fieldName":"","messageCode":"Unauthorized"}],"details":null}"#,
        )
    });
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_eq!(r.code, 77, "{}", show(&r));
    assert_eq!(
        logins(&srv),
        2,
        "one login and exactly one more: {}",
        show(&r)
    );
}

#[test]
fn a_login_endpoint_that_is_not_there_is_a_config_error() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| {
        Reply::raw(&b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"[..])
    });
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_eq!(r.code, 78, "{}", show(&r));
    assert!(r.stderr.contains("base_url"), "{}", show(&r));
    assert!(!r.stderr.contains("lock the account"), "{}", show(&r));
    assert_eq!(srv.request_count(), 1);
}

#[test]
fn a_typed_otp_code_serves_one_command() {
    let home = TempDir::new().unwrap();
    let srv = hostile::ibanera_server(|_| Reply::json(200, &ibanera_page(IBANERA_BALANCE)));
    let r = run(hostile::ibanera(home.path(), &srv)
        .env_remove("BALANCES_IBANERA_TOTP_SECRET")
        .args(["ibanera", "get-balances", "--otp", "123456", "-o", "json"]));
    assert_eq!(r.code, 0, "{}", show(&r));
    for q in srv.requests() {
        let sent = q.header("otp").map(str::to_owned).or_else(|| {
            let body = String::from_utf8_lossy(&q.body).into_owned();
            body.contains("123456").then(|| "123456".to_owned())
        });
        assert_eq!(sent.as_deref(), Some("123456"), "{}", q.path());
    }
    // (That it is not sent past its 60 s is a unit test of the provider: a run
    // cannot be made to last a minute here.)
}

// ------------------------------------------ g. key files
#[cfg(unix)]
#[test]
fn a_noah_key_file_readable_by_others_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let home = TempDir::new().unwrap();
    let key = home.path().join("noah.pem");
    std::fs::write(&key, balances::sandbox::demo::NOAH_ES384_PRIVATE).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let config = home.path().join("c.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.default.noah]\napi_key = \"k\"\nsigning_key_file = \"{}\"\n",
            key.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = run(hostile::balances(home.path())
        .env("BALANCES_CONFIG", &config)
        .args(["noah", "get-balances", "--dry-run"]));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert!(
        r.stderr.contains("NOAH signing key file")
            && r.stderr.contains("readable by others")
            && r.stderr.contains("chmod 600"),
        "{}",
        show(&r)
    );
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = run(hostile::balances(home.path())
        .env("BALANCES_CONFIG", &config)
        .args(["noah", "get-balances", "--dry-run"]));
    assert!(!r.stderr.contains("readable by others"), "{}", show(&r));
}

#[test]
fn base_url_with_config_show_is_a_usage_error() {
    let home = TempDir::new().unwrap();
    let r = run(hostile::balances(home.path()).args([
        "--base-url",
        "https://one.example",
        "config",
        "show",
    ]));
    assert_eq!(r.code, 2, "{}", show(&r));
}
