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
    format!(
        r#"{{"status":"1","errors":[],"id":0,"details":[{{"id":"tx-{n}","amount":-1.00,"currency":"EUR","transactionDate":"2026-01-01T00:00:{:02}Z"}}],"pageSize":1,"pageNumber":{n},"numberOfPages":{pages}}}"#,
        59 - n.min(59)
    )
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
const LOGIN_BAD: &str = r#"{"status":"0","errors":[{"fieldName":"username","messageCode":"Username_Or_Password_Incorrect"}],"id":null,"details":null}"#;

/// Re-login after a rejected token fails (credentials rejected); a page
/// pushed afterwards finds no token and logs in AGAIN with the same rejected credentials.
#[test]
fn a_refused_re_login_is_not_tried_again_by_a_page_fetched_ahead() {
    let logins = Arc::new(AtomicU32::new(0));
    let l = logins.clone();
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            let n = l.fetch_add(1, Ordering::SeqCst) + 1;
            if n == 1 {
                return Reply::json(
                    200,
                    r#"{"status":"1","errors":[],"id":null,"details":{"accessToken":"tok-1","expiresIn":3600}}"#,
                );
            }
            return Reply::json(400, LOGIN_BAD).after(Duration::from_millis(300));
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

/// Token renewal (expiry) that fails: every page waiting on login_lock logs in again.
#[test]
fn a_refused_renewal_is_not_tried_again_by_each_waiting_page() {
    let logins = Arc::new(AtomicU32::new(0));
    let l = logins.clone();
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/auth/login") {
            let n = l.fetch_add(1, Ordering::SeqCst) + 1;
            if n == 1 {
                // renew_at = now + 2 - 1: the token must be renewed after ~1 s.
                return Reply::json(
                    200,
                    r#"{"status":"1","errors":[],"id":null,"details":{"accessToken":"tok-1","expiresIn":2}}"#,
                );
            }
            return Reply::json(400, LOGIN_BAD).after(Duration::from_millis(200));
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
fn the_end_of_a_429_pause_lets_requests_through_one_at_a_time() {
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
    // that, one request at a time: about one 429 a page, never a herd again.
    assert!(
        throttled <= 8 + 12,
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
