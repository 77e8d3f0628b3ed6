//! A 429 slows a provider's fan-out (fewer requests at a time, then back up
//! as answers succeed); it does not serialise the rest of the run, and it
//! spends a rate-limit budget of the provider's, not the retries of the one
//! request that met it. Each server here states its bytes.

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::run;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tempfile::TempDir;

const P100_OK: &str = r#"{"fiatBalances":[{"id":"f1","amount":"1.00","name":"eur","rate":1,"status":"ACTIVE"}],"cryptoBalances":[]}"#;
const P100_429: &str = r#"{"message":"Too many requests"}"#;

fn users(n: usize) -> String {
    (1..=n).map(|i| format!("u{i:04}\n")).collect()
}

/// Each user's number of balance records in an NDJSON run.
fn per_user(stdout: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        *m.entry(v["subject"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    m
}

/// Requests in flight at once, as the server sees them: the most at any
/// moment, and the most once the first 429 has been answered.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
    peak_after_429: AtomicUsize,
    answered_429: AtomicUsize,
}

impl InFlight {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        if self.answered_429.load(Ordering::SeqCst) > 0 {
            self.peak_after_429.fetch_max(now, Ordering::SeqCst);
        }
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The first 16 requests (the whole first wave of `--concurrency 16`) meet a
/// full window: 429 with `Retry-After: 1`. The end of that pause releases at
/// most half of them, and answers that succeed raise the fan-out back above
/// that (one request at a time for the rest of the run was the old way).
#[test]
fn a_full_window_halves_the_fan_out_and_successes_raise_it_again() {
    let seen = Arc::new(AtomicUsize::new(0));
    let flight = Arc::new(InFlight::default());
    let (s, f) = (seen.clone(), flight.clone());
    let srv = Hostile::serve(move |_| {
        f.enter();
        let n = s.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(100));
        let reply = if n < 16 {
            f.answered_429.fetch_add(1, Ordering::SeqCst);
            Reply::with_headers(
                429,
                &[("Content-Type", "application/json"), ("Retry-After", "1")],
                P100_429,
            )
        } else {
            Reply::json(200, P100_OK)
        };
        f.leave();
        reply
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::p100(home.path(), &srv)
        .args([
            "p100",
            "get-balances",
            "--users-file",
            "-",
            "--concurrency",
            "16",
            "-o",
            "ndjson",
        ])
        .write_stdin(users(160)));
    assert_eq!(r.code, 0, "{}", show(&r));
    let got = per_user(&r.stdout);
    assert_eq!(got.len(), 160, "every user");
    assert!(got.values().all(|&n| n == 1), "each user once");
    assert_eq!(flight.peak.load(Ordering::SeqCst), 16);
    // The first wave's 429s all came back while the pause was being set; the
    // requests that went out after it were at most half the wave at first…
    let requests = srv.requests();
    let after_pause: Vec<_> = requests[16..].iter().map(|q| q.received_at).collect();
    let first = after_pause[0];
    let burst = after_pause
        .iter()
        .filter(|&&at| at.duration_since(first).unwrap_or_default() < Duration::from_millis(50))
        .count();
    assert!(burst <= 8, "{burst} requests at the end of the pause");
    // …and the fan-out grew back past that as answers succeeded.
    let peak = flight.peak_after_429.load(Ordering::SeqCst);
    assert!(peak > 8, "the fan-out stayed at {peak} after the pause");
}

/// The first 20 requests meet a full window (429, `Retry-After: 1`), as in
/// a run that starts right after another used up the limit. With
/// `--retries 1`, the request that took the one-at-a-time turn after the
/// first pause used to meet a 429 again and fail, though requests after it
/// succeeded: the budget is the provider's, spent only by pauses in a row
/// that bring no success, and never by a request while another's answer
/// may yet be one.
#[test]
fn a_request_is_never_failed_by_429s_that_other_requests_absorbed() {
    let seen = Arc::new(AtomicUsize::new(0));
    let s = seen.clone();
    let srv = Hostile::serve(move |_| {
        let n = s.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(50));
        if n < 20 {
            Reply::with_headers(
                429,
                &[("Content-Type", "application/json"), ("Retry-After", "1")],
                P100_429,
            )
        } else {
            Reply::json(200, P100_OK)
        }
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::p100(home.path(), &srv)
        .args([
            "p100",
            "get-balances",
            "--users-file",
            "-",
            "--concurrency",
            "16",
            "--retries",
            "1",
            "-o",
            "ndjson",
        ])
        .write_stdin(users(100)));
    assert_eq!(r.code, 0, "{}", show(&r));
    let got = per_user(&r.stdout);
    assert_eq!(got.len(), 100);
    assert!(got.values().all(|&n| n == 1));
}

/// A server that refuses everything: the provider's budget (`--retries`
/// pauses in a row without a success) runs out and every user fails with
/// 75, rather than the run waiting forever.
#[test]
fn a_provider_that_keeps_refusing_ends_the_run_with_75() {
    let srv = Hostile::serve(|_| {
        Reply::with_headers(
            429,
            &[("Content-Type", "application/json"), ("Retry-After", "0")],
            P100_429,
        )
    });
    let home = TempDir::new().unwrap();
    let r = run(hostile::p100(home.path(), &srv)
        .args([
            "p100",
            "get-balances",
            "--users-file",
            "-",
            "--retries",
            "2",
            "-o",
            "ndjson",
        ])
        .write_stdin(users(5)));
    assert_eq!(r.code, 75, "{}", show(&r));
    assert_eq!(
        r.stderr.matches("\"rate_limited\"").count(),
        5,
        "{}",
        show(&r)
    );
    // Three pauses (the first and two more), each releasing at most the
    // requests then in flight: never a request per user per retry and more.
    assert!(
        srv.request_count() <= 5 * 3,
        "{} requests",
        srv.request_count()
    );
}
