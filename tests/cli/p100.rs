use crate::support::{TestEnv, expect};

const EXAMPLE: &str = "660a95b2-a486-4406-a90b-e3bcf7c74ecc";

fn p100(env: &TestEnv) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env(
        "BALANCES_P100_BASE_URL",
        env.sandbox.base_url(balances::providers::ProviderId::P100),
    )
    .env("BALANCES_P100_API_KEY", "p100-demo-key");
    cmd
}

#[test]
fn seed_example_keeps_numbers_as_sent() {
    let env = TestEnv::new();
    let r = expect(
        p100(&env).args(["p100", "get-balances", EXAMPLE, "-o", "json"]),
        0,
    );
    let doc = r.json();
    assert_eq!(doc["provider"], "p100");
    assert_eq!(doc["subject"], EXAMPLE);
    let balances = doc["balances"].as_array().unwrap();
    assert_eq!(balances[0]["currency"], "EUR");
    assert_eq!(balances[0]["available"], "0.00");
    assert_eq!(balances[0]["total"], serde_json::Value::Null);
    assert_eq!(balances[0]["status"], "ACTIVE");
    assert_eq!(
        balances[0]["account_id"],
        "997d954c-529c-453d-b8b4-d35cb8710538"
    );
    // Rates and fees are JSON numbers at P100; their digits come through untouched.
    for needle in [
        r#""rate":0.09872368"#,
        r#""rate":69258.93415658"#,
        r#""rate":0.858814"#,
        r#""feeWithdrawal":0.002"#,
        r#""minWithdrawal":0.01"#,
    ] {
        assert!(r.stdout.contains(needle), "{needle} missing");
    }
    let usdc = balances.iter().find(|b| b["currency"] == "USDC").unwrap();
    assert_eq!(usdc["available"], "3.000000");
    assert!(usdc["provider_fields"]["networkConfig"]["polygon"].is_object());

    // --raw gives the seed body byte for byte, minus whitespace.
    let r = expect(
        p100(&env).args(["--raw", "p100", "get-balances", EXAMPLE]),
        0,
    );
    let seed = std::fs::read(format!(
        "{}/tests/fixtures/p100-balances-200.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(
        r.stdout.trim_end().as_bytes(),
        balances::output::compact_json(&seed).as_slice()
    );
}

#[test]
fn errors_by_p_code() {
    let env = TestEnv::new();
    let r = expect(
        p100(&env).args(["p100", "get-balances", "nobody", "-o", "json"]),
        66,
    );
    assert_eq!(r.stderr_json()["error"]["code"], "P412");
    let r = expect(
        p100(&env).args(["p100", "get-balances", "scenario-unverified", "-o", "table"]),
        77,
    );
    assert!(r.stderr.contains("not verified"), "{}", r.stderr);
    let r = expect(
        p100(&env).env("BALANCES_P100_API_KEY", "wrong").args([
            "p100",
            "get-balances",
            EXAMPLE,
            "-o",
            "table",
        ]),
        77,
    );
    assert!(
        r.stderr.contains("xo2") && r.stderr.contains("API key is wrong"),
        "{}",
        r.stderr
    );
    let r = expect(
        p100(&env)
            .env_remove("BALANCES_P100_API_KEY")
            .args(["p100", "get-balances", EXAMPLE]),
        78,
    );
    assert!(r.stderr.contains("BALANCES_P100_API_KEY"));
}

#[test]
fn p501_is_retried_then_exits_69() {
    let env = TestEnv::with(balances::sandbox::Options {
        fail_first: 1,
        ..Default::default()
    });
    let r = expect(
        p100(&env).args(["p100", "get-balances", EXAMPLE, "--retries", "2"]),
        0,
    );
    assert!(r.stderr.contains("retrying"), "{}", r.stderr);
    let env = TestEnv::with(balances::sandbox::Options {
        fail_first: 10,
        ..Default::default()
    });
    let r = expect(
        p100(&env).args([
            "p100",
            "get-balances",
            EXAMPLE,
            "--retries",
            "1",
            "-o",
            "json",
        ]),
        69,
    );
    assert_eq!(r.stderr_json()["error"]["code"], "P501");
}

#[test]
fn help_says_why_there_is_no_get_transactions() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["p100", "--help"]), 0);
    assert!(
        r.stdout.contains("no get-transactions") && r.stdout.contains("not published"),
        "{}",
        r.stdout
    );
    expect(env.cmd().args(["p100", "get-transactions", EXAMPLE]), 2);
}
