//! Ibanera pages fetched ahead (`--all`) against a server that refuses
//! logins, one-time codes or the request rate midway: never more logins,
//! refused codes or failed runs than reading one page at a time would give.

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::run;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn page(n: u32, pages: u32) -> String {
    let item = format!(
        r#"{{"id":"tx-{n}","amount":-1.00,"currency":"EUR","transactionDate":"2026-01-01T00:00:{:02}Z"}}"#,
        59 - n.min(59)
    );
    crate::pages::ibanera_envelope(&item, 1, n, &pages.to_string())
}
fn pno(req: &hostile::Request) -> u32 {
    req.query("PageNumber")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}
fn args(retries: &str) -> Vec<String> {
    [
        "--retries",
        retries,
        "ibanera",
        "get-card-transactions",
        "--all",
        "--page-size",
        "1",
        "-o",
        "ndjson",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}
/// A login answer: the first (counted in `logins`) succeeds with a token
/// living `ttl` seconds; every later one is refused after `delay_ms`.
fn first_login_only(logins: &AtomicU32, ttl: u32, delay_ms: u64) -> Reply {
    if logins.fetch_add(1, Ordering::SeqCst) == 0 {
        return Reply::json(
            200,
            &format!(
                r#"{{"status":"1","errors":[],"id":null,"details":{{"accessToken":"tok-1","expiresIn":{ttl}}}}}"#
            ),
        );
    }
    Reply::json(400, LOGIN_BAD).after(Duration::from_millis(delay_ms))
}

const LOGIN_BAD: &str = r#"{"status":"0","errors":[{"fieldName":"username","messageCode":"Username_Or_Password_Incorrect"}],"id":null,"details":null}"#;

/// The token is rejected and the one re-login refused: a page asked for
/// while that login ran must not log in again.
#[test]
fn a_refused_re_login_is_not_tried_again_by_a_page_fetched_ahead() {
    let logins = Arc::new(AtomicU32::new(0));
    let l = logins.clone();
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            return first_login_only(&l, 3600, 300);
        }
        let n = pno(req);
        if n == 3 {
            return Reply::json(200, &page(n, 30)).after(Duration::from_millis(1500));
        }
        if n == 2 {
            return Reply::json(200, &page(n, 30)).after(Duration::from_millis(100));
        }
        if n >= 4 {
            return Reply::json(
                401,
                r#"{"status":"0","errors":[{"fieldName":"Authorization","messageCode":"Unauthorized"}],"id":null,"details":null}"#,
            );
        }
        Reply::json(200, &page(n, 30))
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    let logins_after_rejection = logins.load(Ordering::SeqCst);
    assert_eq!(r.code, 77, "{}", show(&r));
    assert!(
        logins_after_rejection <= 2,
        "rejected login retried: {logins_after_rejection} logins"
    );
}

/// The renewal of an expiring token is refused: the pages that waited for
/// it must not each try a login of their own.
#[test]
fn a_refused_renewal_is_not_tried_again_by_each_waiting_page() {
    let logins = Arc::new(AtomicU32::new(0));
    let l = logins.clone();
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            // The token must be renewed after about a second.
            return first_login_only(&l, 2, 200);
        }
        let n = pno(req);
        // page 1: 3 pages; page 2 (after the token's renewal time): 30 pages, so
        // 4..10 are pushed at once behind page 3, which is still in flight.
        match n {
            1 => Reply::json(200, &page(n, 3)),
            2 => Reply::json(200, &page(n, 30)).after(Duration::from_millis(1200)),
            3 => Reply::json(200, &page(n, 30)).after(Duration::from_millis(4000)),
            _ => Reply::json(200, &page(n, 30)),
        }
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    let n = logins.load(Ordering::SeqCst);
    assert_eq!(r.code, 77, "{}", show(&r));
    assert!(n <= 2, "failed login repeated: {n} logins");
}

/// A code refused midway: the pages in flight fail with it, and no page is sent after.
#[test]
fn a_refused_code_stops_every_page_not_yet_sent() {
    let rejected = Arc::new(AtomicUsize::new(0));
    let rj = rejected.clone();
    let srv = hostile::ibanera_server(move |req| {
        let n = pno(req);
        if n >= 4 {
            rj.fetch_add(1, Ordering::SeqCst);
            return Reply::json(
                401,
                r#"{"status":"0","errors":[{"fieldName":"otp","messageCode":"Invalid"}],"id":null,"details":null}"#,
            );
        }
        Reply::json(200, &page(n, 30)).after(Duration::from_millis(if n == 3 { 300 } else { 5 }))
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    assert_eq!(r.code, 77, "{}", show(&r));
    let n = rejected.load(Ordering::SeqCst);
    // The pages already on the wire when the first refusal comes back are
    // refused too (at most the 8 fetched ahead); nothing is sent after it.
    assert!(
        n <= 8,
        "{n} requests sent with an OTP the server had refused"
    );
    let sent_after = srv.requests().iter().filter(|q| pno(q) > 11).count();
    assert_eq!(sent_after, 0, "pages asked for after the refusal");
}

/// A rate limit of one request per 300 ms (Retry-After: 1): sequential reading
/// succeeds with --retries 3, and so must reading ahead (no herd at each pause's end).
#[test]
fn the_end_of_a_429_pause_never_releases_a_herd() {
    let last: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
    let throttled = Arc::new(AtomicUsize::new(0));
    let (ls, th) = (last.clone(), throttled.clone());
    let srv = hostile::ibanera_server(move |req| {
        let n = pno(req);
        let mut l = ls.lock().unwrap();
        let now = Instant::now();
        if l.is_some_and(|t| now.duration_since(t) < Duration::from_millis(300)) {
            th.fetch_add(1, Ordering::SeqCst);
            return Reply::with_headers(
                429,
                &[("Retry-After", "1")],
                r#"{"status":"0","errors":[],"id":null,"details":null}"#,
            );
        }
        *l = Some(now);
        Reply::json(200, &page(n, 12))
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::ibanera(home.path(), &srv).args(args("3")));
    assert_eq!(
        r.code,
        0,
        "sequential paging would have finished: {}",
        show(&r)
    );
    assert_eq!(r.stdout.lines().count(), 12);
    let throttled = throttled.load(Ordering::SeqCst);
    // The first burst (the 8 pages asked for at once) meets the limit; after
    // that, each pause releases half of what met it, and a success lets one
    // more through: against one request per 300 ms that is a 429 for the
    // request after each page, and one for the probe of a second request,
    // never a herd again (a herd would be 7 a page).
    assert!(
        throttled <= 8 + 2 * 12,
        "{throttled} answers of 429: a pause released a herd"
    );
}

#[test]
fn one_page_at_a_time_under_the_same_rate_limit() {
    let last: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
    let ls = last.clone();
    let srv = hostile::ibanera_server(move |req| {
        let n = pno(req);
        let mut l = ls.lock().unwrap();
        let now = Instant::now();
        if l.is_some_and(|t| now.duration_since(t) < Duration::from_millis(300)) {
            return Reply::with_headers(
                429,
                &[("Retry-After", "1")],
                r#"{"status":"0","errors":[],"id":null,"details":null}"#,
            );
        }
        *l = Some(now);
        Reply::json(200, &page(n, 12))
    });
    let home = TempDir::new().unwrap();
    let mut a = args("3");
    a[4] = "--max-items".into();
    a.insert(5, "1000".into());
    let r = run(hostile::ibanera(home.path(), &srv).args(a));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(r.stdout.lines().count(), 12);
}

/// 30 one-item pages (newest first) after `delay`; `answer(req, page)` may replace one.
fn thirty_pages(
    delay: Duration,
    answer: impl Fn(&hostile::Request, u32) -> Option<Reply> + Send + Sync + 'static,
) -> Hostile {
    hostile::ibanera_server(move |req| {
        let n = pno(req);
        answer(req, n)
            .unwrap_or_else(|| Reply::json(200, &page(n, 30)))
            .after(delay)
    })
}

/// The ids of an NDJSON listing.
fn ids(r: &crate::support::Run) -> Vec<String> {
    r.stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn pages_fetched_ahead_are_printed_in_order_and_a_failed_one_fails_the_run() {
    let home = TempDir::new().unwrap();
    let srv = thirty_pages(Duration::from_millis(5), |_, _| None);
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    assert_eq!(r.code, 0, "{}", show(&r));
    let want: Vec<String> = (1..=30).map(|n| format!("tx-{n}")).collect();
    assert_eq!(ids(&r), want);
    // Page 17 fails: pages 1-16 are printed, then the error; never exit 0.
    let srv = thirty_pages(Duration::from_millis(5), |_, n| {
        (n == 17).then(|| {
            Reply::json(
                500,
                r#"{"status":"0","errors":[],"id":null,"details":null}"#,
            )
        })
    });
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    assert_eq!(r.code, 69, "{}", show(&r));
    assert_eq!(ids(&r), want[..16].to_vec());
    let pages = srv
        .requests()
        .iter()
        .filter(|q| q.path().ends_with("/transactions"))
        .count();
    assert!(
        pages <= 17 + 8,
        "asked for {pages} pages: no more than 8 ahead"
    );
}

#[test]
fn a_token_rejected_under_pages_in_flight_is_replaced_by_one_login() {
    // Every login gets a new token; the first stops working after page 5.
    let logins = Arc::new(AtomicU32::new(0));
    let seen = logins.clone();
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            let n = seen.fetch_add(1, Ordering::SeqCst) + 1;
            return Reply::json(
                200,
                &format!(
                    r#"{{"status":"1","errors":[],"id":null,"details":{{"accessToken":"tok-{n}","expiresIn":3600}}}}"#
                ),
            );
        }
        let n = pno(req);
        if req.header("authorization") == Some("Bearer tok-1") && n > 5 {
            return Reply::json(
                401,
                r#"{"status":"0","errors":[{"fieldName":"Authorization","messageCode":"Unauthorized"}],"id":null,"details":null}"#,
            )
            .after(Duration::from_millis(5));
        }
        Reply::json(200, &page(n, 30)).after(Duration::from_millis(5))
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::ibanera(home.path(), &srv).args(args("0")));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(ids(&r).len(), 30);
    assert_eq!(
        logins.load(Ordering::SeqCst),
        2,
        "one login, then exactly one more"
    );
}

/// A Boca page of `n` transactions from `from` on, pointing to `next`.
fn boca_page(from: usize, n: usize, next: Option<&str>) -> String {
    crate::pages::boca_page(&crate::pages::boca_items(from, n), next)
}

/// `boca get-transactions u --all -o ndjson` against `srv`.
fn boca_all(home: &std::path::Path, srv: &Hostile) -> crate::support::Run {
    run(hostile::boca(home, srv).args(["-o", "ndjson", "boca", "get-transactions", "u", "--all"]))
}

fn boca_cursor(req: &hostile::Request) -> String {
    req.query("cursor").unwrap_or_default()
}

/// Boca's next page is asked for while the current one is written, and
/// only when the run goes on to it: every page once, in order, and no
/// request for a cursor that came back.
#[test]
fn a_boca_page_is_asked_for_ahead_only_when_it_is_read() {
    let srv = Hostile::serve(|req| match boca_cursor(req).as_str() {
        "" => Reply::json(200, &boca_page(0, 3, Some("c1"))),
        "c1" => Reply::json(200, &boca_page(3, 3, Some("c2"))),
        _ => Reply::json(200, &boca_page(6, 1, None)),
    });
    let home = TempDir::new().unwrap();
    let r = boca_all(home.path(), &srv);
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(r.ndjson().len(), 7);
    let asked: Vec<String> = srv.requests().iter().map(boca_cursor).collect();
    assert_eq!(asked, ["", "c1", "c2"]);

    // c1 points to c1 again: refused (exit 65) without asking for it twice.
    let srv = Hostile::serve(|req| match boca_cursor(req).as_str() {
        "" => Reply::json(200, &boca_page(0, 1, Some("c1"))),
        _ => Reply::json(200, &boca_page(1, 1, Some("c1"))),
    });
    let r = boca_all(home.path(), &srv);
    assert_eq!(r.code, 65, "{}", show(&r));
    let asked: Vec<String> = srv.requests().iter().map(boca_cursor).collect();
    assert_eq!(asked, ["", "c1"]);
}

/// The page asked for ahead waits while a slow reader of our stdout holds
/// the current one: past half of `--timeout` it is dropped and asked for
/// afresh, so a slow pipe is never a timeout (here there are no retries).
#[test]
fn a_page_asked_for_ahead_is_asked_again_after_a_slow_write() {
    let srv = Hostile::serve(|req| match boca_cursor(req).as_str() {
        // More than a pipe holds, so writing it waits for the reader.
        "" => Reply::json(200, &boca_page(0, 2000, Some("c1"))),
        _ => Reply::json(200, &boca_page(2000, 1, None)),
    });
    let (status, out, err) = held(&srv, &["--timeout", "1", "--retries", "0"], 2, 1500);
    assert!(status.success(), "{status:?}: {err}");
    assert_eq!(out.lines().count(), 2001, "{err}");
    let asked: Vec<String> = srv.requests().iter().map(boca_cursor).collect();
    assert_eq!(asked, ["", "c1", "c1"], "{err}");
}

/// NOAH's next page too: asked for ahead, each page once, in order.
#[test]
fn a_noah_page_is_asked_for_ahead_once() {
    let tx = |i: usize| {
        format!(
            r#"{{"ID":"tx-{i:02}","Created":"2026-03-13T10:{:02}:00Z","Status":"Settled","Direction":"In","Amount":"0.01","CryptoCurrency":"BTC"}}"#,
            59 - i
        )
    };
    let srv = Hostile::serve(move |req| {
        let (i, token) = match req.query("PageToken").as_deref() {
            None | Some("") => (0, r#""t2""#),
            Some("t2") => (1, r#""t3""#),
            _ => (2, "null"),
        };
        Reply::json(
            200,
            &format!(r#"{{"Items":[{}],"PageToken":{token}}}"#, tx(i)),
        )
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::noah(home.path(), &srv).args([
        "noah",
        "get-transactions",
        "--all",
        "-o",
        "ndjson",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(r.ndjson().len(), 3);
    let asked: Vec<String> = srv
        .requests()
        .iter()
        .map(|r| r.query("PageToken").unwrap_or_default())
        .collect();
    assert_eq!(asked, ["", "t2", "t3"]);
}

/// `boca get-transactions u --all -o ndjson` with `args` in front, its
/// stdout held unread for `hold_ms` once `requests` requests have arrived.
fn held(
    srv: &Hostile,
    args: &[&str],
    requests: usize,
    hold_ms: u64,
) -> (std::process::ExitStatus, String, String) {
    use std::io::Read;
    let home = TempDir::new().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
        .env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("BALANCES_KEYRING", "none")
        .env("BALANCES_BOCA_BASE_URL", srv.base_url())
        .env("BALANCES_BOCA_API_KEY", "hostile-boca-key")
        .env("BALANCES_BOCA_API_SECRET", "hostile-boca-secret")
        .args(args)
        .args(["-o", "ndjson", "boca", "get-transactions", "u", "--all"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while srv.request_count() < requests && t0.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(hold_ms));
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), out, err)
}

/// The first answer closes its connection, so the request sent ahead only
/// goes out when its page is asked for, its timer already running: it
/// times out, and (no retries here) is asked for afresh once, with the
/// whole `--timeout` a page asked for then would have (an answer in 5 s of 6).
#[test]
fn a_page_asked_for_ahead_without_a_kept_connection_still_gets_its_timeout() {
    let srv = Hostile::serve(|req| match boca_cursor(req).as_str() {
        "" => Reply::with_headers(
            200,
            &[
                ("Content-Type", "application/json"),
                ("Connection", "close"),
            ],
            &boca_page(0, 2000, Some("c1")),
        ),
        _ => Reply::json(200, &boca_page(2000, 1, None)).after(Duration::from_secs(5)),
    });
    let (status, out, err) = held(&srv, &["--timeout", "6", "--retries", "0"], 1, 1600);
    assert!(status.success(), "{status:?}: {err}");
    assert_eq!(out.lines().count(), 2001, "{err}");
    // The page sent ahead went out late and timed out; the second is the one asked afresh.
    let asked: Vec<String> = srv.requests().iter().map(boca_cursor).collect();
    assert_eq!(asked, ["", "c1", "c1"], "{err}");
}
