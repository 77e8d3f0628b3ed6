use crate::support::{TestEnv, expect, free_port};
use balances::sandbox::Options;

#[test]
fn balances_json_keeps_the_seed_digits() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "-o", "json"]),
        0,
    );
    let expected = serde_json::json!({
        "provider": "boca", "profile": "default", "subject": "partner-user-42",
        "balances": [
            {"currency": "CAD", "available": "1250.00", "total": "1250.00", "pending": null,
             "account_id": null, "account_type": null, "status": null, "provider_fields": {}},
            {"currency": "BTC", "available": "0.01500000", "total": "0.01500000", "pending": null,
             "account_id": null, "account_type": null, "status": null, "provider_fields": {}}
        ]
    });
    assert_eq!(crate::support::without_as_of(r.json()), expected);
    // Key order is part of the contract (as_of after subject: an addition of 2026-12).
    let doc_keys: Vec<_> = r.json().as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        doc_keys,
        ["provider", "profile", "subject", "as_of", "balances"]
    );
    assert!(r.stdout.find("\"currency\"").unwrap() < r.stdout.find("\"available\"").unwrap());
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn balances_in_every_format() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "-o", "ndjson"]),
        0,
    );
    let lines = r.ndjson();
    assert_eq!(lines.len(), 2);
    let keys: Vec<_> = lines[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "provider",
            "subject",
            "as_of",
            "currency",
            "available",
            "total",
            "pending",
            "account_id",
            "account_type",
            "status",
            "provider_fields"
        ]
    );
    assert_eq!(lines[1]["available"], "0.01500000");

    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "-o", "csv"]),
        0,
    );
    let at = r
        .stdout
        .lines()
        .nth(1)
        .and_then(|l| l.rsplit(',').next())
        .unwrap()
        .to_owned();
    assert_eq!(
        r.stdout,
        format!(
            "provider,subject,currency,available,total,pending,account_id,account_type,status,as_of\n\
             boca,partner-user-42,CAD,1250.00,1250.00,,,,,{at}\n\
             boca,partner-user-42,BTC,0.01500000,0.01500000,,,,,{at}\n"
        )
    );

    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "-o", "table"]),
        0,
    );
    assert!(
        r.stdout.contains("CURRENCY")
            && r.stdout.contains("1250.00")
            && r.stdout.contains("0.01500000"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("PENDING"),
        "empty columns are dropped:\n{}",
        r.stdout
    );

    // The default when stdout is not a terminal is JSON.
    let r = expect(
        env.cmd().args(["boca", "get-balances", "partner-user-42"]),
        0,
    );
    assert_eq!(r.json()["balances"][0]["currency"], "CAD");

    // BALANCES_OUTPUT works like -o.
    let r = expect(
        env.cmd()
            .env("BALANCES_OUTPUT", "csv")
            .args(["boca", "get-balances", "partner-user-42"]),
        0,
    );
    assert!(r.stdout.starts_with("provider,subject,currency"));

    // OpenMetrics: a gauge per amount, labelled, the text ending in `# EOF`
    // (tests/cli/openmetrics.rs holds it to Prometheus' own parser).
    let r = expect(
        env.cmd().args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "openmetrics",
        ]),
        0,
    );
    assert!(
        r.stdout.contains(
            "balances_available{provider=\"boca\",profile=\"default\",subject=\"partner-user-42\",currency=\"CAD\"} 1250.00\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "balances_up{provider=\"boca\",profile=\"default\",subject=\"partner-user-42\"} 1\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("# EOF\n"), "{}", r.stdout);
}

#[test]
fn raw_prints_the_provider_body_compacted() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["--raw", "boca", "get-balances", "partner-user-42"]),
        0,
    );
    assert_eq!(
        r.stdout,
        "{\"externalId\":\"partner-user-42\",\"userId\":\"550e8400-e29b-41d4-a716-446655440000\",\"balances\":[{\"currency\":\"CAD\",\"available\":\"1250.00\",\"total\":\"1250.00\"},{\"currency\":\"BTC\",\"available\":\"0.01500000\",\"total\":\"0.01500000\"}]}\n"
    );
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "2",
            "--max-items",
            "4",
            "--raw",
        ]),
        0,
    );
    assert_eq!(
        r.stdout.lines().count(),
        2,
        "one line per response:\n{}",
        r.stdout
    );
}

#[test]
fn transactions_one_page_then_cursor() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "2",
            "-o",
            "json",
        ]),
        0,
    );
    let doc = r.json();
    let keys: Vec<_> = doc.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "provider",
            "profile",
            "subject",
            "transactions",
            "next_cursor"
        ]
    );
    let txs = doc["transactions"].as_array().unwrap();
    assert_eq!(txs.len(), 2);
    assert_eq!(
        txs[0],
        serde_json::json!({"id": "conv-abc-123", "created_at": "2026-03-13T14:22:00Z", "type": "conversion",
            "status": null, "from": {"currency": "CAD", "amount": "1000.00"},
            "to": {"currency": "BTC", "amount": "0.01176471"}, "rate": "85000.00", "fee": null, "provider_fields": {}})
    );
    let cursor = doc["next_cursor"]
        .as_str()
        .expect("a next cursor")
        .to_owned();

    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "2",
            "--cursor",
            &cursor,
        ]),
        0,
    );
    let next = r.json();
    assert_ne!(next["transactions"][0]["id"], txs[0]["id"]);
    assert_ne!(next["transactions"][0]["id"], txs[1]["id"]);

    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "3",
            "-o",
            "csv",
        ]),
        0,
    );
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "provider,subject,id,created_at,type,status,from_currency,from_amount,to_currency,to_amount,rate,fee_currency,fee_amount"
    );
    assert_eq!(
        lines.next().unwrap(),
        "boca,partner-user-42,conv-abc-123,2026-03-13T14:22:00Z,conversion,,CAD,1000.00,BTC,0.01176471,85000.00,,"
    );
    assert!(
        r.stderr.contains("--cursor"),
        "the next cursor is hinted on stderr: {}",
        r.stderr
    );

    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "3",
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson().len(), 3);
    assert_eq!(r.ndjson()[0]["provider"], "boca");

    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "3",
            "-o",
            "table",
        ]),
        0,
    );
    assert!(
        r.stdout.contains("conv-abc-123") && r.stdout.contains("0.01176471 BTC"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("--cursor"), "{}", r.stderr);
}

/// The index each generated id ends with (`conv-xxxxxxxx-000123`), or 0 for the seed's.
fn index(id: &str) -> u64 {
    if id == "conv-abc-123" {
        0
    } else {
        id.rsplit('-').next().unwrap().parse().unwrap()
    }
}

#[test]
fn all_returns_the_whole_history_without_gap_or_duplicate() {
    let env = TestEnv::with(Options {
        transactions: 1003,
        ..Options::default()
    });
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "--limit",
            "100",
            "-o",
            "ndjson",
        ]),
        0,
    );
    let ids: Vec<u64> = r
        .ndjson()
        .iter()
        .map(|t| index(t["id"].as_str().unwrap()))
        .collect();
    assert_eq!(ids, (0..1003).collect::<Vec<_>>());

    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "-o",
            "json",
        ]),
        0,
    );
    let doc = r.json();
    assert_eq!(doc["transactions"].as_array().unwrap().len(), 1003);
    assert_eq!(doc["next_cursor"], serde_json::Value::Null);
}

#[test]
fn max_items_stops_exactly_and_resumes_without_gap() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--max-items",
            "30",
            "--limit",
            "25",
        ]),
        0,
    );
    let doc = r.json();
    let first: Vec<u64> = doc["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| index(t["id"].as_str().unwrap()))
        .collect();
    assert_eq!(first, (0..30).collect::<Vec<_>>());
    let cursor = doc["next_cursor"].as_str().unwrap().to_owned();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--cursor",
            &cursor,
            "--limit",
            "5",
        ]),
        0,
    );
    let then: Vec<u64> = r.json()["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| index(t["id"].as_str().unwrap()))
        .collect();
    assert_eq!(then, (30..35).collect::<Vec<_>>());
}

#[test]
fn unknown_user_exits_66_with_request_id() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "nobody", "-o", "table"]),
        66,
    );
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr
            .starts_with("balances: boca: not found (HTTP 404): "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("[request req-"), "{}", r.stderr);

    let r = expect(
        env.cmd()
            .args(["boca", "get-transactions", "nobody", "-o", "json"]),
        66,
    );
    assert!(
        r.stdout.is_empty(),
        "nothing on stdout before the first page: {}",
        r.stdout
    );
    let e = r.stderr_json();
    let keys: Vec<_> = e["error"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "provider",
            "subject",
            "kind",
            "exit_code",
            "http_status",
            "code",
            "message",
            "request_id"
        ]
    );
    assert_eq!(e["error"]["kind"], "not_found");
    assert_eq!(e["error"]["exit_code"], 66);
    assert_eq!(e["error"]["http_status"], 404);
    assert_eq!(e["error"]["code"], "not_found");
    assert_eq!(e["error"]["subject"], "nobody");
    assert!(
        e["error"]["request_id"]
            .as_str()
            .unwrap()
            .starts_with("req-")
    );
}

#[test]
fn odd_ids_are_signed_as_sent() {
    // A 404 (not a 401) proves the sandbox's own verifier accepted the signature
    // over the percent-encoded path.
    let env = TestEnv::new();
    for id in [
        "a b",
        "with/slash",
        "zoë",
        "100%",
        "q?x#y",
        &"x".repeat(128),
    ] {
        let r = expect(
            env.cmd().args(["boca", "get-balances", id, "-o", "json"]),
            66,
        );
        assert_eq!(r.stderr_json()["error"]["subject"], *id);
    }
    // 129 characters is refused before any request.
    let r = expect(
        env.cmd().args(["boca", "get-balances", &"x".repeat(129)]),
        2,
    );
    assert!(r.stderr.contains("128"), "{}", r.stderr);
}

#[test]
fn wrong_secret_exits_77_and_never_leaks() {
    let env = TestEnv::new();
    let canary = "canary-SECRET-7f3a9";
    let r = expect(
        env.cmd().env("BALANCES_BOCA_API_SECRET", canary).args([
            "-vv",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "table",
        ]),
        77,
    );
    assert!(
        r.stderr
            .contains("unauthorized (HTTP 401): Invalid API key or request signature"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("X-Request-Signature: ***"),
        "-vv shows headers, redacted: {}",
        r.stderr
    );
    assert!(r.stderr.contains("signing input"), "{}", r.stderr);
    assert!(!r.stderr.contains(canary) && !r.stdout.contains(canary));
    assert!(
        !r.stderr.contains("boca-demo-key"),
        "the api key is redacted too"
    );

    let r = expect(
        env.cmd().env("BALANCES_BOCA_API_KEY", canary).args([
            "-vv",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        77,
    );
    assert!(!r.stderr.contains(canary) && !r.stdout.contains(canary));
}

#[test]
fn secrets_never_appear_at_vv_on_success_or_dry_run() {
    let env = TestEnv::new();
    for args in [
        vec![
            "-vv",
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
        ],
        vec![
            "-vvv",
            "boca",
            "get-balances",
            "partner-user-42",
            "--dry-run",
        ],
    ] {
        let r = expect(env.cmd().args(&args), 0);
        for secret in ["boca-demo-signing-secret", "boca-demo-key"] {
            assert!(
                !r.stdout.contains(secret) && !r.stderr.contains(secret),
                "{secret} leaked with {args:?}"
            );
        }
    }
}

#[test]
fn dry_run_prints_the_request_and_sends_nothing() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "a b",
            "--limit",
            "5",
            "--dry-run",
        ]),
        0,
    );
    let mut lines = r.stdout.lines();
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("GET http://127.0.0.1:")
            && first.ends_with("/boca/v1/users/a%20b/transactions?limit=5"),
        "{first}"
    );
    assert!(r.stdout.contains("X-Api-Key: ***"));
    assert!(r.stdout.contains("X-Request-Signature: ***"));
    assert_eq!(env.sandbox.requests(), 0, "a dry run sends nothing");
}

#[test]
fn missing_secret_exits_78_naming_every_source() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().env_remove("BALANCES_BOCA_API_SECRET").args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "table",
        ]),
        78,
    );
    for needle in [
        "BALANCES_BOCA_API_SECRET",
        "[profiles.default.boca]",
        "balances auth set boca api_secret",
    ] {
        assert!(r.stderr.contains(needle), "{needle}: {}", r.stderr);
    }
}

#[test]
fn plain_http_to_a_remote_host_exits_78() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "--base-url",
            "http://example.com",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "table",
        ]),
        78,
    );
    assert!(r.stderr.contains("http://"), "{}", r.stderr);
    let r = expect(
        env.cmd()
            .env("BALANCES_BOCA_BASE_URL", "http://10.1.2.3:8080")
            .args(["boca", "get-balances", "u"]),
        78,
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "config");
}

#[test]
fn corrupt_body_bad_decimal_and_looping_cursor_exit_65() {
    let env = TestEnv::new();
    for (args, needle) in [
        (
            vec!["boca", "get-balances", "scenario-corrupt-body"],
            "not valid JSON",
        ),
        (
            vec!["boca", "get-balances", "scenario-bad-decimal"],
            "12.3.4",
        ),
        (
            vec![
                "boca",
                "get-transactions",
                "scenario-looping-cursor",
                "--all",
            ],
            "pagination loop",
        ),
        (vec!["boca", "get-balances", "scenario-huge-body"], "32 MiB"),
    ] {
        let r = expect(env.cmd().args(&args).arg("-o").arg("table"), 65);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
    // A loop cut short must not look like a complete JSON document.
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "scenario-looping-cursor",
            "--all",
            "-o",
            "json",
        ]),
        65,
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(&r.stdout).is_err(),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "bad_response");
}

#[test]
fn transient_failures_are_retried_until_success() {
    let env = TestEnv::with(Options {
        fail_first: 2,
        ..Options::default()
    });
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "--retries", "3"]),
        0,
    );
    assert_eq!(r.json()["balances"][0]["available"], "1250.00");
    assert_eq!(r.stderr.matches("retrying").count(), 2, "{}", r.stderr);
}

#[test]
fn server_errors_past_retries_exit_69() {
    let env = TestEnv::with(Options {
        fail_first: 100,
        ..Options::default()
    });
    let r = expect(
        env.cmd().args([
            "boca",
            "get-balances",
            "partner-user-42",
            "--retries",
            "1",
            "-o",
            "json",
        ]),
        69,
    );
    let e = r.stderr_json();
    assert_eq!(e["error"]["kind"], "unavailable");
    assert_eq!(e["error"]["http_status"], 500);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("after 2 attempts")
    );
}

#[test]
fn rate_limited_past_retries_exits_75_and_retry_after_is_honoured() {
    let env = TestEnv::with(Options {
        rate_limit: Some(1),
        transactions: 60,
        ..Options::default()
    });
    // Page 2 comes within the same second: 429, and no retries allowed.
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "--limit",
            "10",
            "--retries",
            "0",
            "-o",
            "json",
        ]),
        75,
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "rate_limited");
    assert_eq!(r.stderr_json()["error"]["code"], "too_many_requests");

    // With retries, Retry-After is waited out and every page arrives.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "--limit",
            "20",
            "--retries",
            "5",
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson().len(), 60);
    assert!(r.stderr.contains("retrying"), "{}", r.stderr);

    // Honoured means waited out: a 429 asking for 2 s is tried again no
    // sooner (the backoff alone would try again within half a second).
    let home = tempfile::tempdir().unwrap();
    let srv = crate::hostile::Hostile::start(vec![
        crate::hostile::Reply::with_headers(
            429,
            &[("Content-Type", "application/json"), ("Retry-After", "2")],
            r#"{"error":"too_many_requests","message":"slow down"}"#,
        ),
        crate::hostile::Reply::json(
            200,
            r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"CAD","available":"1.00","total":"1.00"}]}"#,
        ),
    ]);
    expect(
        crate::hostile::boca(home.path(), &srv).args(["boca", "get-balances", "u-1", "-o", "json"]),
        0,
    );
    let reqs = srv.requests();
    assert_eq!(reqs.len(), 2);
    let waited = reqs[1]
        .received_at
        .duration_since(reqs[0].received_at)
        .unwrap();
    assert!(
        waited >= std::time::Duration::from_millis(1900),
        "tried again after {waited:?}, not the 2 s asked for"
    );
}

#[test]
fn unreachable_server_exits_69_after_retries() {
    let env = TestEnv::new();
    let port = free_port();
    let r = expect(
        env.cmd().args([
            "--base-url",
            &format!("http://127.0.0.1:{port}/boca"),
            "--retries",
            "1",
            "boca",
            "get-balances",
            "u",
            "-o",
            "json",
        ]),
        69,
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "unavailable");
}

#[test]
fn timeouts_exit_75() {
    let env = TestEnv::with(Options {
        latency: std::time::Duration::from_millis(1500),
        ..Options::default()
    });
    let r = expect(
        env.cmd().args([
            "--timeout",
            "0.3",
            "--retries",
            "0",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        75,
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "timeout");
}

#[test]
fn a_skewed_clock_is_diagnosed() {
    let env = TestEnv::new();
    let ten_minutes_ago = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 600)
        .to_string();
    let r = expect(
        env.cmd().env("BALANCES_NOW", &ten_minutes_ago).args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "table",
        ]),
        77,
    );
    assert!(
        r.stderr.contains("your clock is") && r.stderr.contains("behind"),
        "{}",
        r.stderr
    );
    let secs: u64 = r
        .stderr
        .split("your clock is ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((598..=602).contains(&secs), "{secs}");
}

#[test]
fn sandbox_flag_needs_no_configuration() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .env_remove("BALANCES_BOCA_API_KEY")
            .env_remove("BALANCES_BOCA_API_SECRET")
            .env_remove("BALANCES_BOCA_BASE_URL")
            .args(["--sandbox", "boca", "get-balances", "partner-user-42"]),
        0,
    );
    assert_eq!(r.json()["balances"][1]["total"], "0.01500000");
    let r = expect(
        env.cmd()
            .env_clear()
            .env("BALANCES_SANDBOX", "1")
            .env("HOME", env.home.path())
            .args(["boca", "get-balances", "partner-user-42", "-o", "csv"]),
        0,
    );
    assert!(r.stdout.contains("CAD,1250.00"));
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    for args in [
        vec!["boca", "get-transactions", "u", "--limit", "0"],
        vec!["boca", "get-transactions", "u", "--limit", "101"],
        vec!["boca", "get-balances"],
        vec!["-o", "xml", "boca", "get-balances", "u"],
        vec!["boca", "nope"],
    ] {
        expect(env.cmd().args(&args), 2);
    }
    // A cursor the server refuses is an argument problem too.
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--cursor",
            "bogus",
            "-o",
            "table",
        ]),
        2,
    );
    assert!(r.stderr.contains("cursor"), "{}", r.stderr);
    let help = expect(env.cmd().args(["boca", "get-transactions", "--help"]), 0);
    assert!(help.stdout.contains("--cursor"), "{}", help.stdout);
}

/// The table is for people: a snapshot of exactly what they see, numbers right-aligned
/// and columns that would be empty (pending, account, status) left out.
#[test]
fn table_snapshot() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "-o", "table"]),
        0,
    );
    let (table, footer) = r
        .stdout
        .split_at(r.stdout.find("as of ").expect("an as-of footer"));
    crate::tables::matches_snapshot("boca-balances-table", table);
    assert!(
        footer.ends_with("Z\n") && footer.len() == "as of 2026-12-01T00:00:00Z\n".len(),
        "{footer:?}"
    );
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--limit",
            "3",
            "-o",
            "table",
        ]),
        0,
    );
    crate::tables::matches_snapshot("boca-transactions-table", &r.stdout);
    assert!(
        r.stderr.starts_with("more transactions: add --cursor "),
        "{}",
        r.stderr
    );
}
