//! A run that exits 0 has skipped nothing and changed no digit
//! (the README's exit-code table and changelog). Each test here reproduces one
//! way a provider's exact bytes lead the current code to a silent gap, a
//! changed digit or a success it should not claim; the server is the
//! scriptable [`Hostile`] one, so every byte the "provider" sends is written
//! out in the test.

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::{Run, run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tempfile::TempDir;

// ---------------------------------------------------------------- helpers

/// One Boca conversion, as the provider writes it.
fn boca_item(id: &str, created_at: &str) -> String {
    format!(
        r#"{{"conversionId":"{id}","createdAt":"{created_at}","type":"conversion","from":{{"currency":"CAD","amount":"10.00"}},"to":{{"currency":"BTC","amount":"0.00011765"}},"rate":"85000.00"}}"#
    )
}

/// A Boca transactions page holding these `(id, createdAt)` items.
fn boca_page(items: &[(&str, &str)], next: Option<&str>) -> String {
    let items: Vec<String> = items.iter().map(|(i, t)| boca_item(i, t)).collect();
    let next = next.map_or("null".to_owned(), |c| format!("\"{c}\""));
    format!(
        r#"{{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","nextCursor":{next},"items":[{}]}}"#,
        items.join(",")
    )
}

/// A Boca server whose one-page history can be swapped between runs.
struct BocaHistory {
    srv: Hostile,
    body: Arc<Mutex<String>>,
}

impl BocaHistory {
    fn new(items: &[(&str, &str)]) -> BocaHistory {
        let body = Arc::new(Mutex::new(boca_page(items, None)));
        let b = body.clone();
        let srv = Hostile::serve(move |req| {
            if req.path().ends_with("/transactions") {
                Reply::json(200, &b.lock().unwrap())
            } else {
                Reply::json(
                    404,
                    r#"{"error":"not_found","message":"no such route","requestId":"req-h"}"#,
                )
            }
        });
        BocaHistory { srv, body }
    }

    fn set(&self, items: &[(&str, &str)]) {
        *self.body.lock().unwrap() = boca_page(items, None);
    }
}

/// `boca get-transactions u-1 --state-file PATH -o ndjson` against `srv`.
fn since(home: &Path, srv: &Hostile, state: &Path) -> Run {
    run(hostile::boca(home, srv).args([
        "boca",
        "get-transactions",
        "u-1",
        "--state-file",
        state.to_str().unwrap(),
        "-o",
        "ndjson",
    ]))
}

/// The ids of an NDJSON transaction listing.
fn ids(r: &Run) -> Vec<String> {
    r.stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not NDJSON ({e}): {l}\n{}", r.stdout));
            v["id"].as_str().unwrap_or_default().to_owned()
        })
        .collect()
}

fn assert_code(r: &Run, code: i32) {
    assert_eq!(r.code, code, "{}", show(r));
}

fn state_path(home: &TempDir) -> PathBuf {
    home.path().join("boca.state")
}

/// The state made by a real first run of `first`, then a second run of `second`.
fn second_run_after(first: &[(&str, &str)], second: &[(&str, &str)]) -> Run {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(first);
    let state = state_path(&home);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    assert_eq!(
        ids(&r),
        first.iter().map(|(i, _)| i.to_string()).collect::<Vec<_>>()
    );
    assert!(state.exists(), "the first run wrote its state");
    h.set(second);
    since(home.path(), &h.srv, &state)
}

// ------------------------------------------- 1. timestamps are instants, not text

#[test]
fn state_mark_compares_fractional_seconds_as_time() {
    // 14:22:00.500Z is half a second after the mark 14:22:00Z; as text '.' < 'Z'.
    let r = second_run_after(
        &[("a", "2026-03-13T14:22:00Z")],
        &[
            ("b", "2026-03-13T14:22:00.500Z"),
            ("a", "2026-03-13T14:22:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"b".to_owned()), "b is new: {}", show(&r));
}

#[test]
fn state_mark_compares_offsets_as_time() {
    // 20:00-05:00 is 01:00Z the next day: after the mark 23:00Z, before it as text.
    let r = second_run_after(
        &[("a", "2026-03-13T23:00:00Z")],
        &[
            ("b", "2026-03-13T20:00:00-05:00"),
            ("a", "2026-03-13T23:00:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"b".to_owned()), "b is new: {}", show(&r));
}

// ------------------------------------- 2. a seen item is not the end of what is new

#[test]
fn state_does_not_stop_at_the_first_seen_item() {
    // d arrives with c's timestamp, after c in the listing: c was seen, d was not.
    let r = second_run_after(
        &[("c", "2026-03-13T12:00:00Z"), ("b", "2026-03-13T11:00:00Z")],
        &[
            ("c", "2026-03-13T12:00:00Z"),
            ("d", "2026-03-13T12:00:00Z"),
            ("b", "2026-03-13T11:00:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"d".to_owned()), "d is new: {}", show(&r));
}

// ----------------------------------------- 3. a bad timestamp fails and moves nothing

fn bad_timestamp_fails_and_keeps_the_state(bad: &str) {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(&[("a", "2026-03-13T10:00:00Z")]);
    let state = state_path(&home);
    assert_code(&since(home.path(), &h.srv, &state), 0);

    h.set(&[
        ("x", bad),
        ("b", "2026-03-13T11:00:00Z"),
        ("a", "2026-03-13T10:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 65);

    // The provider fixes its data: b (and the repaired x) are still new.
    h.set(&[
        ("x", "2026-03-13T12:00:00Z"),
        ("b", "2026-03-13T11:00:00Z"),
        ("a", "2026-03-13T10:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    let got = ids(&r);
    assert!(
        got.contains(&"x".to_owned()) && got.contains(&"b".to_owned()),
        "the failed run did not advance the state: {}",
        show(&r)
    );
}

#[test]
fn state_refuses_created_at_pending() {
    bad_timestamp_fails_and_keeps_the_state("pending");
}

#[test]
fn state_refuses_created_at_empty() {
    bad_timestamp_fails_and_keeps_the_state("");
}

#[test]
fn state_refuses_created_at_year_9999() {
    bad_timestamp_fails_and_keeps_the_state("9999-01-01T00:00:00Z");
}

// -------------------------------------------- 4. newest first, or no success

#[test]
fn state_refuses_an_oldest_first_listing() {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(&[
        ("a", "2026-03-13T10:00:00Z"),
        ("b", "2026-03-13T11:00:00Z"),
        ("c", "2026-03-13T12:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state_path(&home));
    assert_code(&r, 65);
}

#[test]
fn state_refuses_a_later_page_newer_than_the_first() {
    // Each page is newest first, but page 2 is newer than page 1: not a newest-first history.
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|req| match req.query("cursor").as_deref() {
        None => Reply::json(
            200,
            &boca_page(
                &[("b", "2026-03-13T11:00:00Z"), ("a", "2026-03-13T10:00:00Z")],
                Some("p2"),
            ),
        ),
        Some(_) => Reply::json(
            200,
            &boca_page(
                &[("d", "2026-03-13T13:00:00Z"), ("c", "2026-03-13T12:00:00Z")],
                None,
            ),
        ),
    });
    let r = since(home.path(), &srv, &state_path(&home));
    assert_code(&r, 65);
}

// ------------------------------------------- 5. a state belongs to one server

#[test]
fn state_made_against_one_server_is_not_reused_against_another() {
    let home = TempDir::new().unwrap();
    let state = state_path(&home);
    let a = BocaHistory::new(&[
        ("a2", "2026-03-13T12:00:00Z"),
        ("a1", "2026-03-13T11:00:00Z"),
    ]);
    assert_code(&since(home.path(), &a.srv, &state), 0);
    // Server B (say, staging) has an older, different history for the same user.
    let b = BocaHistory::new(&[
        ("b2", "2026-03-12T09:00:00Z"),
        ("b1", "2026-03-12T08:00:00Z"),
    ]);
    let r = since(home.path(), &b.srv, &state);
    if r.code == 78 {
        return; // refused: fine
    }
    assert_code(&r, 0);
    assert_eq!(
        ids(&r),
        ["b2", "b1"],
        "B's history is not covered by A's mark: {}",
        show(&r)
    );
}

// ------------------------------------------------ 6. valid amounts keep every digit

#[test]
fn boca_long_amount_is_printed_exactly() {
    let home = TempDir::new().unwrap();
    let lit = "1000000000000.000000000000000000";
    let srv = Hostile::start(vec![Reply::json(
        200,
        &format!(
            r#"{{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","balances":[{{"currency":"CAD","available":"{lit}","total":"{lit}"}}]}}"#
        ),
    )]);
    let r =
        run(hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["balances"][0]["available"], lit, "{}", r.stdout);
    assert_eq!(doc["balances"][0]["total"], lit, "{}", r.stdout);
    assert!(r.stdout.contains(&format!("\"{lit}\"")), "{}", r.stdout);
}

#[test]
fn noah_long_amount_is_printed_exactly() {
    let home = TempDir::new().unwrap();
    let lit = "12345678901234567890.1234567890123456";
    let srv = Hostile::start(vec![Reply::json(
        200,
        &format!(
            r#"{{"Items":[{{"AccountType":"Current","CryptoCurrency":"BTC","Available":"{lit}","Total":"{lit}"}}],"PageToken":null}}"#
        ),
    )]);
    let r = run(hostile::noah(home.path(), &srv).args(["noah", "get-balances", "-o", "json"]));
    assert_code(&r, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["balances"][0]["available"], lit, "{}", r.stdout);
    assert!(r.stdout.contains(&format!("\"{lit}\"")), "{}", r.stdout);
}

// -------------------------------------------- 7. JSON numbers with an exponent

fn ibanera_balances_page(details: &str, pages: &str) -> String {
    format!(
        r#"{{"status":"1","errors":[],"id":null,"details":[{details}],"pageSize":100,"pageNumber":1,"numberOfPages":{pages}}}"#
    )
}

#[test]
fn ibanera_exponent_numbers_keep_their_value_and_text() {
    let home = TempDir::new().unwrap();
    let page = ibanera_balances_page(
        r#"{"id":1000,"asset":"EUR","totalBalance":1e5,"availableBalance":2500.10E-3,"pendingBalance":0,"bSuppressed":false}"#,
        "1",
    );
    let srv = hostile::ibanera_server(move |_| Reply::json(200, &page));
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_code(&r, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let b = &doc["balances"][0];
    let total = b["total"].as_str().unwrap_or_default();
    let available = b["available"].as_str().unwrap_or_default();
    assert!(
        ["1e5", "100000"].contains(&total),
        "total must be the text sent (1e5) or its exact expansion (100000), got {total:?}"
    );
    assert!(
        ["2500.10E-3", "2.50010"].contains(&available),
        "available must be the text sent (2500.10E-3) or its exact expansion (2.50010), got {available:?}"
    );
}

// ----------------------------------------- 8. underscores are not decimal digits

#[test]
fn boca_amounts_with_underscores_are_refused() {
    let mut wrong = Vec::new();
    for bad in ["1_000e0", "1__0.5_0E2"] {
        let home = TempDir::new().unwrap();
        let srv = Hostile::start(vec![Reply::json(
            200,
            &format!(
                r#"{{"externalId":"u-1","userId":"x","balances":[{{"currency":"CAD","available":"{bad}","total":"1.00"}}]}}"#
            ),
        )]);
        let r = run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-balances",
            "u-1",
            "-o",
            "json",
        ]));
        if r.code != 65 {
            wrong.push(format!("{bad}: {}", show(&r)));
        }
    }
    assert!(
        wrong.is_empty(),
        "not refused with 65:\n{}",
        wrong.join("\n")
    );
}

// ------------------------------------------ 9. p100 error envelopes on HTTP 200

fn p100_with_200(body: &str) -> Run {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(200, body)]);
    run(hostile::p100(home.path(), &srv).args(["p100", "get-balances", "u-1", "-o", "json"]))
}

#[test]
fn p100_not_found_envelope_on_200_exits_66() {
    let r = p100_with_200(r#"{"errorCode":"P412","errorMessage":"x"}"#);
    assert_code(&r, 66);
}

#[test]
fn p100_unknown_error_envelope_on_200_is_not_a_success() {
    let r = p100_with_200(r#"{"errorCode":"P777","errorMessage":"x"}"#);
    assert_ne!(r.code, 0, "{}", show(&r));
    assert!(
        !r.stdout.contains("\"balances\""),
        "no balances document: {}",
        show(&r)
    );
}

#[test]
fn p100_bodies_without_balances_exit_65() {
    let mut wrong = Vec::new();
    for body in [
        "{}",
        r#"{"userId":"x"}"#,
        r#"{"userId":"x","fiatBalances":null,"cryptoBalances":[]}"#,
    ] {
        let r = p100_with_200(body);
        if r.code != 65 {
            wrong.push(format!("{body}: {}", show(&r)));
        }
    }
    assert!(
        wrong.is_empty(),
        "not refused with 65:\n{}",
        wrong.join("\n")
    );
}

// --------------------------------------------- 10. Ibanera's numberOfPages

/// `ibanera get-balances` (paged) where every page says `numberOfPages: <pages>`.
fn ibanera_pages(pages: &'static str) -> (Run, Hostile) {
    let home = TempDir::new().unwrap();
    let srv = hostile::ibanera_server(move |req| {
        let n: u32 = req
            .query("pageNumber")
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        let item = format!(
            r#"{{"id":{},"asset":"EUR","totalBalance":1.00,"availableBalance":1.00,"pendingBalance":0.00,"bSuppressed":false}}"#,
            1000 + n
        );
        let body = if pages == "<missing>" {
            format!(
                r#"{{"status":"1","errors":[],"id":null,"details":[{item}],"pageSize":1,"pageNumber":{n}}}"#
            )
        } else {
            format!(
                r#"{{"status":"1","errors":[],"id":null,"details":[{item}],"pageSize":1,"pageNumber":{n},"numberOfPages":{pages}}}"#
            )
        };
        Reply::json(200, &body)
    });
    let r = run(hostile::ibanera(home.path(), &srv).args([
        "ibanera",
        "get-balances",
        "--page-size",
        "1",
        "-o",
        "json",
    ]));
    (r, srv)
}

#[test]
fn ibanera_number_of_pages_must_be_a_positive_integer() {
    let mut wrong = Vec::new();
    for pages in [r#""3""#, "3.0", "-1", "null", "true", "<missing>"] {
        let (r, _srv) = ibanera_pages(pages);
        if r.code != 65 {
            wrong.push(format!("numberOfPages {pages}: {}", show(&r)));
        }
    }
    assert!(
        wrong.is_empty(),
        "not refused with 65:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn ibanera_number_of_pages_3_fetches_three_pages() {
    let (r, srv) = ibanera_pages("3");
    assert_code(&r, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let accounts: Vec<&str> = doc["balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["account_id"].as_str().unwrap())
        .collect();
    assert_eq!(accounts, ["1001", "1002", "1003"]);
    let asked: Vec<String> = srv
        .requests()
        .iter()
        .filter_map(|q| q.query("pageNumber"))
        .collect();
    assert_eq!(asked, ["1", "2", "3"]);
}

// --------------------------------------- 11. a failed login answered with HTTP 200

#[test]
fn ibanera_login_refused_on_http_200_exits_77() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"status":"0","errors":[{"fieldName":"","messageCode":"Username_Or_Password_Incorrect"}],"details":null}"#,
    )]);
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_code(&r, 77);
    assert_eq!(srv.request_count(), 1, "a refused login is not retried");
}

// ------------------------------------------ 12. nothing a provider sent is dropped

#[test]
fn noah_amount_and_fee_survive_a_missing_currency() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"Items":[{"ID":"tx-1","PublicID":"p-1","Network":"bitcoin","Created":"2026-03-13T10:00:00Z","Status":"Settled","Direction":"In","Amount":"0.12345678","NetworkFee":"0.00004321"}],"PageToken":null}"#,
    )]);
    let r = run(hostile::noah(home.path(), &srv).args(["noah", "get-transactions", "-o", "json"]));
    assert_code(&r, 0);
    for lit in ["0.12345678", "0.00004321"] {
        assert!(
            r.stdout.contains(&format!("\"{lit}\"")),
            "{lit} is missing from the output: {}",
            r.stdout
        );
    }
}

#[test]
fn boca_leg_fee_survives() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"externalId":"u-1","userId":"x","nextCursor":null,"items":[{"conversionId":"c-1","createdAt":"2026-03-13T10:00:00Z","type":"conversion","from":{"currency":"CAD","amount":"1.00","fee":"0.10"},"to":{"currency":"BTC","amount":"0.00001176"},"rate":"85000.00"}]}"#,
    )]);
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-transactions",
        "u-1",
        "-o",
        "json",
    ]));
    assert_code(&r, 0);
    assert!(
        r.stdout.contains("\"0.10\""),
        "the leg's fee is missing from the output: {}",
        r.stdout
    );
}

// ------------------------------------------------- 13. duplicate keys

#[test]
fn boca_duplicate_keys_are_ambiguous() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"CAD","available":"1.00","available":"999.00","total":"1.00"}]}"#,
    )]);
    let r =
        run(hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 65);
}

/// An error envelope that names a key twice says nothing we can vouch
/// for: its code and message are not believed (the status alone speaks),
/// where serde_json would have taken the last of each.
#[test]
fn error_envelopes_with_a_key_twice_are_not_believed() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        404,
        r#"{"error":"not_found","message":"no such user","error":"rate_limited","message":"slow down"}"#,
    )]);
    let r =
        run(hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 66);
    let e = &r.stderr_json()["error"];
    assert_eq!(e["code"], serde_json::Value::Null, "{}", show(&r));
    assert!(!r.stderr.contains("slow down") && !r.stderr.contains("no such user"));
    // P100's envelope on a 200: `errorCode` given twice is no envelope, and
    // the body is then refused as a balance listing would be.
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"errorCode":null,"errorCode":"P404","message":"x"}"#,
    )]);
    let r =
        run(hostile::p100(home.path(), &srv).args(["p100", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 65);
}

// --------------------------------------------- 14. a balance must say something

#[test]
fn boca_empty_currency_exits_65() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![Reply::json(
        200,
        r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"","available":"1.00","total":"1.00"}]}"#,
    )]);
    let r =
        run(hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 65);
}

#[test]
fn ibanera_balance_without_amounts_exits_65() {
    let home = TempDir::new().unwrap();
    let page = ibanera_balances_page(r#"{"id":1000,"asset":"EUR","bSuppressed":false}"#, "1");
    let srv = hostile::ibanera_server(move |_| Reply::json(200, &page));
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "json"]));
    assert_code(&r, 65);
}

// ------------------------------------ 15. --max-items inside a NOAH page

fn noah_tx(i: usize) -> String {
    format!(
        r#"{{"ID":"tx-{i:02}","PublicID":"p-{i:02}","Network":"bitcoin","Created":"2026-03-13T10:{:02}:00Z","Status":"Settled","Direction":"In","Amount":"0.0{i:02}00000","NetworkFee":"0.00001000","CryptoCurrency":"BTC"}}"#,
        59 - i
    )
}

/// Page 1 (no token): tx-00..tx-19 and `PageToken: "t2"`; page "t2": tx-20..tx-39, the end.
/// The server ignores PageSize, as servers may.
fn noah_two_pages() -> Hostile {
    Hostile::serve(|req| {
        let (range, token) = match req.query("PageToken").as_deref() {
            None | Some("") => (0..20, r#""t2""#),
            Some("t2") => (20..40, "null"),
            Some(_) => {
                return Reply::json(
                    400,
                    r#"{"Type":"InvalidMessage","Instance":"i-1","Detail":"unknown PageToken"}"#,
                );
            }
        };
        let items: Vec<String> = range.map(noah_tx).collect();
        Reply::json(
            200,
            &format!(r#"{{"Items":[{}],"PageToken":{token}}}"#, items.join(",")),
        )
    })
}

#[test]
fn noah_max_items_inside_a_page_leaves_a_way_on_without_a_gap() {
    let home = TempDir::new().unwrap();
    let srv = noah_two_pages();
    let r = run(hostile::noah(home.path(), &srv).args([
        "noah",
        "get-transactions",
        "--max-items",
        "5",
        "-o",
        "json",
    ]));
    assert_code(&r, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let mut seen: Vec<String> = doc["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(seen.len(), 5);
    let cursor = doc["next_cursor"]
        .as_str()
        .unwrap_or_else(|| {
            panic!(
                "the history goes on, yet next_cursor is {}",
                doc["next_cursor"]
            )
        })
        .to_owned();
    let r = run(hostile::noah(home.path(), &srv).args([
        "noah",
        "get-transactions",
        "--page-token",
        &cursor,
        "--all",
        "-o",
        "ndjson",
    ]));
    assert_code(&r, 0);
    seen.extend(ids(&r));
    let missing: Vec<String> = (0..40)
        .map(|i| format!("tx-{i:02}"))
        .filter(|id| !seen.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "resuming from {cursor:?} skipped {missing:?}"
    );
}

// ----------------------------------------- 16. lists that make no progress

#[test]
fn boca_empty_pages_with_fresh_cursors_stop_bounded() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|req| {
        let n: u64 = req
            .query("cursor")
            .and_then(|c| c.strip_prefix("c-").and_then(|n| n.parse().ok()))
            .unwrap_or(0);
        Reply::json(
            200,
            &format!(
                r#"{{"externalId":"u-1","userId":"x","nextCursor":"c-{}","items":[]}}"#,
                n + 1
            ),
        )
    });
    let started = Instant::now();
    let r = run(hostile::boca(home.path(), &srv).args([
        "--retries",
        "0",
        "boca",
        "get-transactions",
        "u-1",
        "--all",
        "-o",
        "json",
    ]));
    let n = srv.request_count();
    assert!(n < 1000, "{n} requests for an empty history: {}", show(&r));
    assert_code(&r, 65);
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn ibanera_pages_that_repeat_stop_bounded() {
    let home = TempDir::new().unwrap();
    let page = ibanera_balances_page(
        r#"{"id":1000,"asset":"EUR","totalBalance":1.00,"availableBalance":1.00,"pendingBalance":0.00,"bSuppressed":false}"#,
        "1000000",
    );
    let srv = hostile::ibanera_server(move |_| Reply::json(200, &page));
    let r = run(hostile::ibanera(home.path(), &srv).args([
        "--retries",
        "0",
        "ibanera",
        "get-balances",
        "--page-size",
        "1",
        "-o",
        "json",
    ]));
    let n = srv.request_count();
    assert!(n < 1000, "{n} requests for the same page: {}", show(&r));
    assert_code(&r, 65);
}

// -------------------------------------------- 17. files that never end

/// Run under a 1 GiB address-space limit (ample for a normal run, sandbox
/// included), so a runaway read fails fast instead of eating the machine's memory.
fn bounded(home: &Path, envs: &[(&str, &str)], args: &[&str]) -> (Run, Duration) {
    // `sh -c 'ulimit -v …; exec balances …'`, in the same clean environment.
    let mut cmd = hostile::balances(home);
    cmd.env("BALANCES_BOCA_API_KEY", "k")
        .env("BALANCES_BOCA_API_SECRET", "s")
        .env("BALANCES_BOCA_BASE_URL", "http://127.0.0.1:9")
        .timeout(Duration::from_secs(20));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut wrapped = assert_cmd::Command::from_std({
        let std_cmd = &cmd;
        let mut sh = std::process::Command::new("sh");
        sh.env_clear();
        for (k, v) in std_cmd.get_envs() {
            if let Some(v) = v {
                sh.env(k, v);
            }
        }
        sh.arg("-c")
            .arg("ulimit -v 1048576 2>/dev/null; exec \"$0\" \"$@\"")
            .arg(std_cmd.get_program())
            .args(args);
        sh
    });
    wrapped.timeout(Duration::from_secs(20));
    let started = Instant::now();
    let r = run(&mut wrapped);
    (r, started.elapsed())
}

fn assert_refused_quickly(what: &str, r: &Run, took: Duration) {
    assert!(
        took < Duration::from_secs(20),
        "{what}: took {took:?}: {}",
        show(r)
    );
    assert_ne!(r.code, 0, "{what}: {}", show(r));
    let err = r.stderr.to_lowercase();
    assert!(
        [
            "size",
            "limit",
            "too large",
            "too big",
            "exceeds",
            "regular file"
        ]
        .iter()
        .any(|w| err.contains(w)),
        "{what}: stderr should say the file is too large or not a file: {}",
        show(r)
    );
}

#[test]
fn config_dev_zero_is_refused_quickly() {
    let home = TempDir::new().unwrap();
    let (r, took) = bounded(
        home.path(),
        &[("BALANCES_CONFIG", "/dev/zero")],
        &["boca", "get-balances", "u-1", "-o", "table"],
    );
    assert_refused_quickly("BALANCES_CONFIG=/dev/zero", &r, took);
}

#[test]
fn users_file_dev_zero_is_refused_quickly() {
    let home = TempDir::new().unwrap();
    let (r, took) = bounded(
        home.path(),
        &[],
        &[
            "boca",
            "get-balances",
            "--users-file",
            "/dev/zero",
            "-o",
            "table",
        ],
    );
    assert_refused_quickly("--users-file /dev/zero", &r, took);
}

// ------------------------------------ found by the adversarial review, each a regression

#[test]
fn an_emptied_history_under_a_state_is_not_a_quiet_success() {
    let r = second_run_after(&[("a", "2026-03-13T10:00:00Z")], &[]);
    assert_code(&r, 65);
}

#[test]
fn a_transaction_dated_ahead_does_not_hide_the_next_ones() {
    let home = TempDir::new().unwrap();
    let soon = (time::OffsetDateTime::now_utc() + time::Duration::hours(20))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let h = BocaHistory::new(&[("sched", &soon), ("old", "2026-01-01T00:00:00Z")]);
    let state = state_path(&home);
    assert_code(&since(home.path(), &h.srv, &state), 0);
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    h.set(&[
        ("sched", &soon),
        ("new", &now),
        ("old", "2026-01-01T00:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"new".to_owned()), "{}", show(&r));
}

#[test]
fn raw_output_cannot_go_with_a_state_file() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![]);
    let state = state_path(&home);
    let r = run(hostile::boca(home.path(), &srv).args([
        "--raw",
        "boca",
        "get-transactions",
        "u-1",
        "--state-file",
        state.to_str().unwrap(),
    ]));
    assert_code(&r, 2);
    assert_eq!(srv.request_count(), 0);
}

#[test]
fn a_sandbox_state_file_is_reused_by_the_next_sandbox_run() {
    let home = TempDir::new().unwrap();
    let state = state_path(&home);
    let go = || {
        run(hostile::balances(home.path()).args([
            "--sandbox",
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            state.to_str().unwrap(),
            "-o",
            "ndjson",
        ]))
    };
    let first = go();
    assert_code(&first, 0);
    assert!(!ids(&first).is_empty());
    let second = go();
    assert_code(&second, 0);
    assert!(ids(&second).is_empty(), "{}", show(&second));
}

#[test]
fn an_ibanera_server_answering_another_page_is_refused() {
    let srv = hostile::ibanera_server(|_| {
        Reply::json(
            200,
            r#"{"status":"1","errors":[],"details":[{"id":1,"asset":"EUR","totalBalance":1.00,"availableBalance":1.00,"pendingBalance":0.00}],"pageSize":1,"pageNumber":1,"numberOfPages":2}"#,
        )
    });
    let home = TempDir::new().unwrap();
    let r =
        run(hostile::ibanera(home.path(), &srv).args(["ibanera", "get-balances", "-o", "ndjson"]));
    assert_code(&r, 65);
}

#[test]
fn a_provider_cursor_beginning_like_ours_is_sent_as_written() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|req| match req.query("cursor").as_deref() {
        None => Reply::json(
            200,
            &boca_page(&[("a", "2026-03-13T10:00:00Z")], Some("skip:2:s1")),
        ),
        Some("skip:2:s1") => Reply::json(200, &boca_page(&[("b", "2026-03-13T09:00:00Z")], None)),
        Some(_) => Reply::json(
            400,
            r#"{"error":"bad_request","message":"bad cursor","requestId":"r"}"#,
        ),
    });
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-transactions",
        "u-1",
        "-o",
        "json",
    ]));
    assert_code(&r, 0);
    let next = serde_json::from_str::<Value>(&r.stdout).unwrap()["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-transactions",
        "u-1",
        "--cursor",
        &next,
        "-o",
        "ndjson",
    ]));
    assert_code(&r, 0);
    assert_eq!(ids(&r), ["b"]);
}

#[test]
fn an_ibanera_login_rate_limit_is_75_and_an_html_401_is_77() {
    for (reply, code) in [
        (
            Reply::with_headers(
                429,
                &[("Retry-After", "30"), ("Content-Type", "text/plain")],
                "slow down",
            ),
            75,
        ),
        (
            Reply::with_headers(401, &[("Content-Type", "text/html")], "<html>no</html>"),
            77,
        ),
    ] {
        let home = TempDir::new().unwrap();
        let srv = Hostile::start(vec![reply]);
        let r = run(hostile::ibanera(home.path(), &srv).args([
            "ibanera",
            "get-balances",
            "-o",
            "json",
        ]));
        assert_code(&r, code);
        assert!(!r.stderr.contains("check base_url"), "{}", show(&r));
    }
}

#[test]
fn json_errors_escape_and_cap_what_the_provider_said() {
    let home = TempDir::new().unwrap();
    let big = "x".repeat(200_000);
    let body = format!(
        r#"{{"error":"not_found\u009b{big}","message":"gone \u202e\u009b","requestId":"req-\u009b{big}"}}"#
    );
    let srv = Hostile::serve(move |_| Reply::json(404, &body));
    let r =
        run(hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 66);
    assert!(
        r.stderr.len() < 10_000,
        "{} bytes on stderr",
        r.stderr.len()
    );
    for c in ['\u{9b}', '\u{202e}'] {
        assert!(!r.stderr.contains(c), "raw {c:?} on stderr");
    }
}

#[test]
fn a_loopback_base_url_never_goes_through_a_proxy() {
    let home = TempDir::new().unwrap();
    let proxy = Hostile::start(vec![]);
    let srv = Hostile::serve(|_| {
        Reply::json(
            200,
            r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"CAD","available":"1.00","total":"1.00"}]}"#,
        )
    });
    let mut cmd = hostile::boca(home.path(), &srv);
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "all_proxy",
    ] {
        cmd.env(var, proxy.base_url());
    }
    let r = run(cmd.args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 0);
    assert_eq!(proxy.request_count(), 0, "the api key went to the proxy");
}

#[test]
fn a_base_url_with_a_password_is_refused_without_echoing_it() {
    let home = TempDir::new().unwrap();
    let r = run(hostile::balances(home.path())
        .env("BALANCES_BOCA_API_KEY", "k")
        .env("BALANCES_BOCA_API_SECRET", "s")
        .args([
            "-v",
            "boca",
            "get-balances",
            "u-1",
            "--base-url",
            "http://user:hunter2@127.0.0.1:9/",
        ]));
    assert_code(&r, 78);
    assert!(!r.stderr.contains("hunter2"), "{}", show(&r));
}

/// `--dry-run` is a success that sends nothing: one request printed (of
/// many users looked up at once, still one), exit 0, and the server never
/// hears from it, for every provider (Ibanera's first request is its login).
#[test]
fn a_dry_run_prints_one_request_and_sends_none() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| Reply::json(500, "{}"));
    let users = home.path().join("users.txt");
    std::fs::write(&users, "u-1\nu-2\nu-3\nu-4\nu-5\nu-6\n").unwrap();
    let runs = [
        run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-balances",
            "--users-file",
            users.to_str().unwrap(),
            "--concurrency",
            "6",
            "--dry-run",
        ])),
        run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-transactions",
            "u-1",
            "--all",
            "--dry-run",
        ])),
        run(hostile::noah(home.path(), &srv).args(["noah", "get-balances", "--dry-run"])),
        run(hostile::p100(home.path(), &srv).args(["p100", "get-balances", "u-1", "--dry-run"])),
        run(hostile::ibanera(home.path(), &srv).args([
            "ibanera",
            "get-card-transactions",
            "--all",
            "--dry-run",
        ])),
    ];
    for r in &runs {
        assert_eq!(r.code, 0, "{}", show(r));
        let requests = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("GET ") || l.starts_with("POST "))
            .count();
        assert_eq!(requests, 1, "{}", show(r));
        assert!(r.stdout.contains(&srv.base_url()), "{}", show(r));
    }
    assert_eq!(srv.request_count(), 0, "a dry run sent a request");
}

/// A dry run whose request cannot be printed (a full disk) fails with 74,
/// once, however many lookups were waiting on it; and a dry run of many
/// users prints the request and nothing else (no document opened for them).
#[cfg(target_os = "linux")]
#[test]
fn a_dry_run_that_cannot_print_exits_74_and_one_that_can_prints_only_the_request() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| Reply::json(500, "{}"));
    let users = home.path().join("users.txt");
    std::fs::write(&users, "u-1\nu-2\nu-3\nu-4\n").unwrap();
    for concurrency in ["1", "4"] {
        let args = [
            "boca",
            "get-balances",
            "--users-file",
            users.to_str().unwrap(),
            "--concurrency",
            concurrency,
            "--dry-run",
        ];
        let full = std::fs::File::create("/dev/full").unwrap();
        let done = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
            .env_clear()
            .env("HOME", home.path())
            .env("BALANCES_KEYRING", "none")
            .env("BALANCES_BOCA_BASE_URL", srv.base_url())
            .env("BALANCES_BOCA_API_KEY", "hostile-boca-key")
            .env("BALANCES_BOCA_API_SECRET", "hostile-boca-secret")
            .args(args)
            .args(["-o", "json"])
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Bounded: the defect this guards against was a run that never ended.
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut done = done;
        let status = loop {
            if let Some(status) = done.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = done.kill();
                panic!("a dry run into a full disk did not end (--concurrency {concurrency})");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut done.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(74), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("\"kind\":\"io\""), "{stderr}");
        for format in ["json", "csv", "ndjson", "table", "openmetrics"] {
            let r = run(hostile::boca(home.path(), &srv)
                .args(args)
                .args(["-o", format]));
            assert_eq!(r.code, 0, "{}", show(&r));
            only_the_request(&r, format);
        }
    }
    // A user refused before any request (`.` is not a path segment) does
    // not open the document either.
    let refused_first = home.path().join("refused-first.txt");
    std::fs::write(&refused_first, ".\nu-1\n").unwrap();
    for format in ["json", "csv", "ndjson", "openmetrics"] {
        let r = run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-balances",
            "--users-file",
            refused_first.to_str().unwrap(),
            "--concurrency",
            "1",
            "--dry-run",
            "-o",
            format,
        ]));
        only_the_request(&r, format);
    }
    assert_eq!(srv.request_count(), 0);
}

/// A dry run's stdout: the printed request (method and URL, headers, the
/// signing input) and nothing else.
fn only_the_request(r: &Run, format: &str) {
    assert!(r.stdout.starts_with("GET "), "{format}: {}", show(r));
    assert!(
        r.stdout
            .lines()
            .all(|l| l.starts_with("GET ") || l.starts_with("X-") || l.starts_with("# ")),
        "{format}: more than the request: {}",
        show(r)
    );
}

/// The card or account id that names a transaction's subject is a guess at
/// an unpublished field: any other shape is kept in provider_fields and the
/// listing goes on (exit 0), as before the subject was taken from it.
#[test]
fn an_ibanera_card_id_of_another_shape_is_kept_not_refused() {
    let home = TempDir::new().unwrap();
    let srv = hostile::ibanera_server(|_| {
        Reply::json(
            200,
            r#"{"status":"1","errors":[],"id":null,"details":[{"id":1,"cardId":{"id":5000},"accountsId":[1],"amount":-1.50,"currency":"EUR"},{"id":2,"cardId":"card-77","amount":2.00,"currency":"EUR"}],"pageSize":10,"pageNumber":1,"numberOfPages":1}"#,
        )
    });
    let r = run(hostile::ibanera(home.path(), &srv).args([
        "ibanera",
        "get-card-transactions",
        "-o",
        "ndjson",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    let line: Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(line["subject"], Value::Null);
    assert_eq!(line["provider_fields"]["cardId"]["id"], 5000);
    assert_eq!(line["from"]["amount"], "1.50");
    // A spelling the sandbox does not use, holding a string: it names the card.
    let second: Value = serde_json::from_str(r.stdout.lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["subject"], "card-77");
    assert_eq!(second["provider_fields"]["cardId"], "card-77");
}

// ------------------------------------- 7. a balance list longer than one batch

/// Boca's balances body with `n` balances, the one at `bad` (if any) not readable.
fn many_balances(n: usize, bad: Option<usize>) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            if Some(i) == bad {
                r#"{"currency":"CAD","available":"1.0","available":"2.0"}"#.to_owned()
            } else {
                format!(r#"{{"currency":"C{i:04}", "available":"{i}.{i:07}", "total":"0.{i:05}"}}"#)
            }
        })
        .collect();
    format!(
        r#"{{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","balances":[{}]}}"#,
        items.join(",\n ")
    )
}

/// `balances boca get-balances u-1 ARGS` against `srv`.
fn user_balances(home: &Path, srv: &Hostile, args: &[&str]) -> Run {
    run(hostile::boca(home, srv)
        .args(["boca", "get-balances", "u-1"])
        .args(args))
}

/// Balances are read from the body a batch at a time (1,024): every one is
/// printed, once, in order, in every format; `--raw` prints the body once.
#[test]
fn a_long_balance_list_is_printed_whole_in_every_format() {
    let home = TempDir::new().unwrap();
    let n = 2600;
    let body = many_balances(n, None);
    let srv = {
        let body = body.clone();
        Hostile::serve(move |_| Reply::json(200, &body))
    };
    let want: Vec<String> = (0..n).map(|i| format!("C{i:04}")).collect();
    let get = |format: &str| {
        let r = user_balances(home.path(), &srv, &["-o", format]);
        assert_code(&r, 0);
        r
    };
    let doc: Value = serde_json::from_str(&get("json").stdout).unwrap();
    let got: Vec<&str> = doc["balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["currency"].as_str().unwrap())
        .collect();
    assert_eq!(got, want);
    assert_eq!(doc["balances"][2599]["available"], "2599.0002599");
    let lines = get("ndjson").stdout;
    let got: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["currency"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(got, want);
    let csv = get("csv").stdout;
    assert_eq!(csv.lines().count(), n + 1);
    assert!(csv.lines().nth(2600).unwrap().contains("C2599"), "{csv}");
    let table = get("table").stdout;
    let rows: Vec<&str> = table
        .lines()
        .filter_map(|l| {
            l.split_whitespace().find(|w| {
                w.len() == 5 && w.starts_with('C') && w[1..].bytes().all(|b| b.is_ascii_digit())
            })
        })
        .collect();
    assert_eq!(rows, want, "one row a balance, in order");
    let raw = user_balances(home.path(), &srv, &["--raw"]);
    assert_code(&raw, 0);
    let compacted = balances::output::compact_json(body.as_bytes());
    assert_eq!(raw.stdout.as_bytes(), [&compacted[..], b"\n"].concat());
}

/// A balance that cannot be read, past the first batch: nothing printed, exit 65.
#[test]
fn a_bad_balance_past_the_first_batch_prints_nothing() {
    let home = TempDir::new().unwrap();
    let body = many_balances(2600, Some(2500));
    let srv = Hostile::serve(move |_| Reply::json(200, &body));
    for format in ["json", "ndjson", "csv", "table"] {
        let r = user_balances(home.path(), &srv, &["-o", format]);
        assert_code(&r, 65);
        assert_eq!(r.stdout, "", "{format}: {}", show(&r));
        assert!(r.stderr.contains("appears twice"), "{}", show(&r));
    }
    let r = user_balances(home.path(), &srv, &["--raw"]);
    assert_code(&r, 65);
    assert_eq!(r.stdout, "", "{}", show(&r));
}

/// `--users-file` with `-o json`: one document a user, however many batches
/// its balances came in.
#[test]
fn users_file_json_keeps_one_document_a_user_for_long_lists() {
    let home = TempDir::new().unwrap();
    let body = many_balances(2600, None);
    let srv = Hostile::serve(move |_| Reply::json(200, &body));
    let r = run(hostile::boca(home.path(), &srv)
        .args(["boca", "get-balances", "--users-file", "-", "-o", "json"])
        .write_stdin("u-1\nu-2\n"));
    assert_code(&r, 0);
    let docs: Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", show(&r)));
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 2, "{}", r.stdout);
    for doc in docs {
        assert_eq!(doc["balances"].as_array().unwrap().len(), 2600);
    }
}
