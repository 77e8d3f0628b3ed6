//! `--min CURRENCY=AMOUNT` and `min = {…}`: output as usual, exit 10 below a
//! minimum, each breach named on stderr; a failure's exit code wins.

use crate::support::{TestEnv, expect, run};
use balances::providers::ProviderId;

/// The sandbox's partner-user-42 has CAD 1250.00 and BTC 0.01500000.
fn balances(env: &TestEnv, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["boca", "get-balances", "partner-user-42"];
    args.extend_from_slice(extra);
    run(env.cmd().args(&args))
}

#[test]
fn at_above_and_a_cent_below_in_every_format() {
    let env = TestEnv::new();
    for format in ["table", "json", "ndjson", "csv"] {
        let at = balances(&env, &["--min", "CAD=1250.00", "-o", format]);
        assert_eq!(at.code, 0, "{format}: {}", at.stderr);
        let above = balances(
            &env,
            &["--min", "CAD=1000", "--min", "BTC=0.015", "-o", format],
        );
        assert_eq!(above.code, 0, "{format}: {}", above.stderr);
        let below = balances(&env, &["--min", "CAD=1250.01", "-o", format]);
        assert_eq!(below.code, 10, "{format}: {}", below.stderr);
        assert!(
            below.stdout.contains("1250.00"),
            "the output is printed as usual"
        );
        if format == "json" || format == "ndjson" {
            let line = below.stderr.trim().lines().last().unwrap();
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["below_minimum"]["currency"], "CAD");
            assert_eq!(v["below_minimum"]["amount"], "1250.00");
            assert_eq!(v["below_minimum"]["minimum"], "1250.01");
            assert_eq!(v["below_minimum"]["subject"], "partner-user-42");
        } else {
            assert!(
                below.stderr.contains("below minimum")
                    && below.stderr.contains("CAD 1250.00 < 1250.01"),
                "{}",
                below.stderr
            );
        }
    }
    assert_eq!(
        balances(&env, &["--min", "CAD"]).code,
        2,
        "not CURRENCY=AMOUNT"
    );
    assert_eq!(
        balances(&env, &["--min", "CAD=1,000"]).code,
        2,
        "not a decimal"
    );
}

#[test]
fn minimums_from_the_config_and_the_command_line_wins() {
    let env = TestEnv::new();
    let config = env.home.path().join("c.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.default.boca]\nbase_url = \"{}\"\nusers = [\"partner-user-42\"]\nmin = {{ CAD = \"5000.00\" }}\n",
            env.sandbox.base_url(ProviderId::Boca)
        ),
    )
    .unwrap();
    let r = run(env.cmd().env("BALANCES_CONFIG", &config).args([
        "boca",
        "get-balances",
        "partner-user-42",
        "-o",
        "json",
    ]));
    assert_eq!(r.code, 10, "{}", r.stderr);
    let r = run(env.cmd().env("BALANCES_CONFIG", &config).args([
        "boca",
        "get-balances",
        "partner-user-42",
        "--min",
        "CAD=10",
        "-o",
        "json",
    ]));
    assert_eq!(
        r.code, 0,
        "--min overrides the config's CAD minimum: {}",
        r.stderr
    );
    // summary: a breach in one lookup, a failure in another: the failure's code wins.
    std::fs::write(
        &config,
        format!(
            "[profiles.default.boca]\nbase_url = \"{}\"\nusers = [\"partner-user-42\", \"nobody\"]\nmin = {{ CAD = \"5000.00\" }}\n",
            env.sandbox.base_url(ProviderId::Boca)
        ),
    )
    .unwrap();
    let r = expect(
        env.cmd()
            .env("BALANCES_CONFIG", &config)
            .args(["summary", "-o", "ndjson"]),
        66,
    );
    assert!(r.stderr.contains("below_minimum"), "{}", r.stderr);
    assert!(r.stdout.contains("1250.00"), "{}", r.stdout);
    let bad = env.home.path().join("bad.toml");
    std::fs::write(&bad, "[profiles.default.boca]\nmin = { CAD = \"lots\" }\n").unwrap();
    expect(
        env.cmd()
            .env("BALANCES_CONFIG", &bad)
            .args(["boca", "get-balances", "partner-user-42"]),
        78,
    );
}

#[test]
fn a_user_of_the_config_can_have_minimums_of_their_own() {
    let env = TestEnv::new();
    let config = env.home.path().join("c.toml");
    let write = |min: &str| {
        std::fs::write(
            &config,
            format!(
                "[profiles.default.boca]\nbase_url = \"{}\"\nusers = [\"partner-user-42\"]\nmin = {min}\n",
                env.sandbox.base_url(ProviderId::Boca)
            ),
        )
        .unwrap()
    };
    let get = |extra: &[&str]| {
        let mut args = vec!["boca", "get-balances", "partner-user-42", "-o", "json"];
        args.extend_from_slice(extra);
        run(env.cmd().env("BALANCES_CONFIG", &config).args(&args))
    };
    // The provider's CAD minimum is met (1250.00 ≥ 1000); this user's own is not.
    write(r#"{ CAD = "1000.00", "partner-user-42" = { CAD = "1250.01" } }"#);
    let r = get(&[]);
    assert_eq!(r.code, 10, "{}", r.stderr);
    assert!(r.stderr.contains("\"minimum\":\"1250.01\""), "{}", r.stderr);
    // Another user's table does not apply to this one.
    write(r#"{ CAD = "1000.00", "someone-else" = { CAD = "99999" } }"#);
    assert_eq!(get(&[]).code, 0);
    // At the user's own minimum exactly: not below.
    write(r#"{ "partner-user-42" = { CAD = "1250.00" } }"#);
    assert_eq!(get(&[]).code, 0);
    // --min wins over the user's own, for the currency it names.
    write(r#"{ "partner-user-42" = { CAD = "5000" } }"#);
    assert_eq!(get(&["--min", "CAD=1"]).code, 0);
    // NOAH has no users: a table there is a configuration error.
    std::fs::write(
        &config,
        "[profiles.default.noah]\napi_key = \"k\"\nmin = { \"u\" = { USD = \"1\" } }\n",
    )
    .unwrap();
    let r = run(env
        .cmd()
        .env("BALANCES_CONFIG", &config)
        .args(["noah", "get-balances"]));
    assert_eq!(r.code, 78, "{}", r.stderr);
    assert!(r.stderr.contains("per-user"), "{}", r.stderr);
}
