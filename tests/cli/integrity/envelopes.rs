//! Error envelopes and logins: an error on HTTP 200 is an error, a key
//! named twice is no envelope, a refused login is never a success, and what
//! a provider said is escaped and capped on its way to stderr.

use super::*;

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
    let bodies = [
        "{}",
        r#"{"userId":"x"}"#,
        r#"{"userId":"x","fiatBalances":null,"cryptoBalances":[]}"#,
    ];
    each_refused_with_65(bodies, |body| p100_with_200(body));
}

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

/// What is wrong with an Ibanera answer as an envelope (not JSON, no
/// `status`, not an object) carries its HTTP status; what is wrong with the
/// page it holds (its `details`, its page numbers) does not.
#[test]
fn an_ibanera_envelope_problem_carries_the_http_status_and_a_page_problem_does_not() {
    for (body, says, status) in [
        ("[]", "response has no `status` field", Some(200u64)),
        (
            r#"{"details":[]}"#,
            "response has no `status` field",
            Some(200),
        ),
        (r#"{"status":"1","status":"1"}"#, "", Some(200)),
        (
            r#"{"status":"1","details":{},"pageNumber":1,"numberOfPages":1}"#,
            "details: expected an array",
            None,
        ),
        (
            r#"{"status":"1","details":[],"pageNumber":1,"numberOfPages":"1"}"#,
            "numberOfPages: expected a whole number of pages",
            None,
        ),
        (
            r#"{"status":"1","details":[],"numberOfPages":null}"#,
            r#"numberOfPages: expected a whole number of pages, found "null""#,
            None,
        ),
        (
            r#"{"status":"1","details":[{"a":1,"a":2}],"numberOfPages":1}"#,
            r#"response is not valid JSON (the key "a" appears twice in one object at line 1 column 38)"#,
            Some(200),
        ),
    ] {
        let home = TempDir::new().unwrap();
        let body = body.to_owned();
        let srv = hostile::ibanera_server(move |_| Reply::json(200, &body));
        let r = run(hostile::ibanera(home.path(), &srv).args([
            "ibanera",
            "get-card-balances",
            "-o",
            "json",
        ]));
        assert_code(&r, 65);
        let e = &r.stderr_json()["error"];
        assert!(
            e["message"].as_str().unwrap().contains(says),
            "{}",
            show(&r)
        );
        assert_eq!(e["http_status"].as_u64(), status, "{}", show(&r));
    }
}
