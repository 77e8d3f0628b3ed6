//! `balances api`: any GET or HEAD of a provider's API, signed as the
//! listings are. The sandbox verifies every signature, JWT, key and
//! one-time code; the hostile server states the exact bytes.

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::{TestEnv, expect, run};
use serde_json::Value;

/// Each provider's GET, through `--sandbox`: the sandbox answers only a
/// request signed and authenticated as its provider wants.
#[test]
fn api_reaches_all_four_providers_signed() {
    let env = TestEnv::new();
    for (provider, path, key) in [
        ("boca", "/v1/users/partner-user-42/balances", "balances"),
        ("noah", "/balances", "Items"),
        (
            "p100",
            "/v1/user/660a95b2-a486-4406-a90b-e3bcf7c74ecc/balances",
            "fiatBalances",
        ),
        ("ibanera", "/api/v1/customer/accounts/balances", "details"),
    ] {
        let r = expect(env.cmd().args(["--sandbox", "api", provider, path]), 0);
        let body: Value = serde_json::from_str(&r.stdout).unwrap();
        assert!(body.get(key).is_some(), "{provider}: {}", show(&r));
    }
    // A wrong secret is refused by the sandbox's verifier: the signature is real.
    let r = expect(
        env.cmd()
            .env("BALANCES_BOCA_API_SECRET", "not-the-secret")
            .args(["api", "boca", "/v1/users/partner-user-42/balances"]),
        77,
    );
    assert!(r.stdout.is_empty(), "{}", show(&r));
}

/// `--paginate` over a Boca history: every page once, one line each, the
/// items those of `get-transactions --all` in the same order.
#[test]
fn paginate_follows_a_boca_history_to_its_last_page() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "api",
            "boca",
            "/v1/users/partner-user-42/transactions",
            "--query",
            "limit=7",
            "--paginate",
        ]),
        0,
    );
    let pages: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one page a line"))
        .collect();
    assert!(pages.len() > 2, "{}", show(&r));
    assert!(pages.last().unwrap()["nextCursor"].is_null());
    assert!(
        pages[..pages.len() - 1]
            .iter()
            .all(|p| p["nextCursor"].is_string())
    );
    let ids: Vec<String> = pages
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().clone())
        .map(|t| t["conversionId"].as_str().unwrap().to_owned())
        .collect();
    let all = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "-o",
            "json",
        ]),
        0,
    )
    .json();
    let want: Vec<String> = all["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, want);
}

/// NOAH's page tokens and Ibanera's page numbers, through the sandbox.
#[test]
fn paginate_follows_noah_tokens_and_ibanera_page_numbers() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "--sandbox",
            "api",
            "noah",
            "/transactions",
            "--query",
            "PageSize=3",
            "--paginate",
        ]),
        0,
    );
    let pages: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(pages.len() > 1, "{}", show(&r));
    assert!(
        pages
            .iter()
            .all(|p| p["Items"].as_array().unwrap().len() <= 3)
    );
    assert!(
        pages
            .last()
            .unwrap()
            .get("PageToken")
            .is_none_or(Value::is_null)
    );

    let r = expect(
        env.cmd().args([
            "--sandbox",
            "api",
            "ibanera",
            "/api/v1/customer/accounts/balances?pageSize=4&pageNumber=1",
            "--paginate",
        ]),
        0,
    );
    let pages: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let numbers: Vec<u64> = pages
        .iter()
        .map(|p| p["pageNumber"].as_u64().unwrap())
        .collect();
    let last = pages[0]["numberOfPages"].as_u64().unwrap();
    assert!(last > 1);
    assert_eq!(numbers, (1..=last).collect::<Vec<_>>(), "{}", show(&r));
}

/// HEAD with `--include`: the status line and headers, no body.
#[test]
fn head_with_include_shows_the_status_and_headers() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "--sandbox",
            "api",
            "noah",
            "/balances",
            "--method",
            "head",
            "--include",
        ]),
        0,
    );
    let (head, body) = r
        .stdout
        .split_once("\n\n")
        .expect("a blank line after the head");
    assert!(head.starts_with("HTTP/1.1 200 OK\n"), "{}", show(&r));
    assert!(head.contains("content-type: application/json"), "{head}");
    assert_eq!(body, "");
}

/// The bytes as received, the credentials of the response hidden, each
/// page on one line with its number literals untouched.
#[test]
fn the_body_is_printed_as_received() {
    let home = tempfile::tempdir().unwrap();
    let body =
        "{\n  \"items\": [ {\"amount\": 1.10000000000000000000001} ],\n  \"nextCursor\": null\n}";
    let srv = Hostile::serve(move |_| {
        Reply::with_headers(
            200,
            &[
                ("Content-Type", "application/json"),
                ("Set-Cookie", "session=hostile-session-cookie"),
            ],
            body,
        )
    });
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/x"]),
        0,
    );
    assert_eq!(r.stdout, body);
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/x", "-i", "--paginate"]),
        0,
    );
    assert!(r.stdout.contains("set-cookie: ***\n"), "{}", show(&r));
    assert!(!r.stdout.contains("hostile-session-cookie"));
    assert!(r.stdout.ends_with(
        "\n\n{\"items\":[{\"amount\":1.10000000000000000000001}],\"nextCursor\":null}\n"
    ));
    // The request went where PATH says, signed over exactly that path and query.
    let reqs = srv.requests();
    assert_eq!(reqs[0].path_and_query, "/v1/x");
    assert!(reqs[0].header("x-request-signature").is_some());
}

/// A cursor that comes back is a loop: exit 65 after the pages read, not forever.
#[test]
fn a_cursor_given_twice_stops_the_pagination() {
    let home = tempfile::tempdir().unwrap();
    let srv = Hostile::serve(|req| match req.query("cursor").as_deref() {
        None => Reply::json(200, r#"{"items":[],"nextCursor":"a"}"#),
        Some("a") => Reply::json(200, r#"{"items":[],"nextCursor":"b"}"#),
        _ => Reply::json(200, r#"{"items":[],"nextCursor":"a"}"#),
    });
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/t", "--paginate"]),
        65,
    );
    assert_eq!(r.stdout.lines().count(), 3, "{}", show(&r));
    assert!(r.stderr.contains("twice"), "{}", show(&r));
    assert_eq!(srv.request_count(), 3);
}

/// Empty pages with ever-new tokens end as each provider's listing ends:
/// NOAH's list at its first empty page (its documented end), Boca's after
/// 20 in a row (exit 65), never a loop without end.
#[test]
fn empty_pages_with_fresh_tokens_end_the_pagination() {
    let home = tempfile::tempdir().unwrap();
    let next = |req: &crate::hostile::Request, name: &str| {
        req.query(name)
            .and_then(|t| t.parse::<u32>().ok())
            .unwrap_or(0)
            + 1
    };
    let srv = Hostile::serve(move |req| {
        if req.path().ends_with("/noah") {
            let n = next(req, "PageToken");
            Reply::json(200, &format!(r#"{{"Items":[],"PageToken":"{n}"}}"#))
        } else {
            let n = next(req, "cursor");
            Reply::json(200, &format!(r#"{{"items":[],"nextCursor":"{n}"}}"#))
        }
    });
    let r = expect(
        hostile::noah(home.path(), &srv).args(["api", "noah", "/noah", "--paginate"]),
        0,
    );
    assert_eq!(
        r.stdout,
        "{\"Items\":[],\"PageToken\":\"1\"}\n",
        "{}",
        show(&r)
    );
    assert_eq!(srv.request_count(), 1);
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/boca", "--paginate"]),
        65,
    );
    assert!(r.stderr.contains("no progress"), "{}", show(&r));
    assert_eq!(r.stdout.lines().count(), 20);
    assert_eq!(srv.request_count(), 21);
}

/// An error envelope on HTTP 200 is an error, whatever else its body holds
/// (a key twice deep inside does not hide its code); one that names its
/// code twice cannot be believed either way: 65, never the body printed
/// with exit 0.
#[test]
fn an_error_envelope_with_a_key_twice_is_never_a_success() {
    let home = tempfile::tempdir().unwrap();
    for (body, code) in [
        (r#"{"errorCode":"P412","errorMessage":"no user"}"#, 66),
        (
            r#"{"errorCode":"P412","errorMessage":"no user","data":{"a":1,"a":1}}"#,
            66,
        ),
        (r#"{"errorCode":"P412","errorCode":"P412"}"#, 65),
    ] {
        let srv = Hostile::serve(move |_| Reply::json(200, body));
        let r = expect(
            hostile::p100(home.path(), &srv).args(["api", "p100", "/v1/x"]),
            code,
        );
        assert_eq!(r.stdout, "", "{body}: {}", show(&r));
    }
    let srv = hostile::ibanera_server(|_| {
        Reply::json(200, r#"{"status":"1","details":[],"status":"1"}"#)
    });
    let r = expect(
        hostile::ibanera(home.path(), &srv).args(["api", "ibanera", "/api/v1/x"]),
        65,
    );
    assert!(r.stderr.contains("names a key twice"), "{}", show(&r));
}

/// Only reads, only the configured host: refused before anything is sent.
#[test]
fn other_methods_and_other_hosts_are_refused_before_sending() {
    let home = tempfile::tempdir().unwrap();
    let srv = Hostile::serve(|_| Reply::json(200, "{}"));
    // A base with a path, as NOAH's `/v1`: `..` must not climb out of it.
    let base = format!("{}/p100", srv.base_url());
    for (args, code) in [
        (
            vec!["api", "p100", "/v1/user/u/balances", "--method", "POST"],
            2,
        ),
        (
            vec!["api", "p100", "/v1/user/u/balances", "-X", "delete"],
            2,
        ),
        (
            vec!["api", "p100", "https://evil.example/v1/user/u/balances"],
            2,
        ),
        (vec!["api", "p100", "/../../elsewhere"], 2),
        (vec!["api", "p100", "v1/user/u/balances"], 2),
        (
            vec!["api", "p100", "/v1/x", "--method", "head", "--paginate"],
            2,
        ),
    ] {
        let r = run(hostile::p100(home.path(), &srv)
            .env("BALANCES_P100_BASE_URL", &base)
            .args(&args));
        assert_eq!(r.code, code, "{args:?}: {}", show(&r));
    }
    let r = run(hostile::p100(home.path(), &srv).args(["api", "p100", "/v1/x", "-X", "POST"]));
    assert!(r.stderr.contains("only GET and HEAD"), "{}", show(&r));
    assert_eq!(srv.request_count(), 0);
}

/// `--dry-run` prints the signed request, sends nothing; an error status
/// has the exit code every other command gives it.
#[test]
fn dry_run_and_exit_codes_as_for_every_request() {
    let home = tempfile::tempdir().unwrap();
    let srv = Hostile::serve(|_| {
        Reply::json(
            404,
            r#"{"error":"not_found","message":"Resource not found"}"#,
        )
    });
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/users/u/balances", "--dry-run"]),
        0,
    );
    assert!(r.stdout.starts_with("GET http://"), "{}", show(&r));
    assert!(r.stdout.contains("X-Request-Signature: ***"));
    assert!(!r.stdout.contains("hostile-boca-secret"));
    assert_eq!(srv.request_count(), 0);
    let r = expect(
        hostile::boca(home.path(), &srv).args(["api", "boca", "/v1/users/u/balances"]),
        66,
    );
    assert!(r.stdout.is_empty(), "{}", show(&r));
}
