//! Pagination against servers that misbehave: page counts that are not
//! counts, pages answered for others, lists that make no progress, cursors
//! that look like ours, `--max-items` inside a page.

use super::*;

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
    let pages = [r#""3""#, "3.0", "-1", "null", "true", "<missing>"];
    each_refused_with_65(pages, |pages| ibanera_pages(pages).0);
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
            &boca_page_of(&[("a", "2026-03-13T10:00:00Z")], Some("skip:2:s1")),
        ),
        Some("skip:2:s1") => {
            Reply::json(200, &boca_page_of(&[("b", "2026-03-13T09:00:00Z")], None))
        }
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
