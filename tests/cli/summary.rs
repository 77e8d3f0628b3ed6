use crate::support::{TestEnv, expect};
use balances::providers::ProviderId;

#[test]
fn sandbox_summary_covers_every_provider() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["--sandbox", "summary", "-o", "json"]), 0);
    let docs = r.json();
    let mut providers: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["provider"].as_str().unwrap())
        .collect();
    providers.sort();
    // Boca twice: the seed's example user and a living one.
    assert_eq!(providers, ["boca", "boca", "ibanera", "noah", "p100"]);
    let boca = docs
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["provider"] == "boca" && d["subject"] == "partner-user-42")
        .unwrap();
    assert_eq!(boca["balances"][0]["available"], "1250.00");
}

#[test]
fn summary_reports_every_failure_and_prints_every_success() {
    let env = TestEnv::new();
    let conf = env.home.path().join("summary.toml");
    std::fs::write(
        &conf,
        format!(
            "[profiles.default.boca]\nbase_url = \"{}\"\nusers = [\"partner-user-42\", \"nobody\", \"user-00002\"]\n\n\
             [profiles.default.p100]\nbase_url = \"{}\"\nusers = [\"user-00001\"]\n",
            env.sandbox.base_url(ProviderId::Boca),
            env.sandbox.base_url(ProviderId::P100)
        ),
    )
    .unwrap();
    // p100 has no key: its lookup fails with 78; boca's "nobody" fails with 66, and comes first.
    let r = expect(
        env.cmd().env_remove("BALANCES_BOCA_BASE_URL").args([
            "--config",
            conf.to_str().unwrap(),
            "summary",
            "-o",
            "ndjson",
        ]),
        66,
    );
    let mut subjects: Vec<String> = r
        .ndjson()
        .iter()
        .map(|b| b["subject"].as_str().unwrap().to_owned())
        .collect();
    subjects.dedup();
    subjects.sort();
    assert_eq!(subjects, ["partner-user-42", "user-00002"]);
    let errors: Vec<serde_json::Value> = r
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(
        errors
            .iter()
            .any(|e| e["error"]["provider"] == "p100" && e["error"]["exit_code"] == 78)
    );
    assert!(
        errors
            .iter()
            .any(|e| e["error"]["subject"] == "nobody" && e["error"]["exit_code"] == 66)
    );

    // Only p100, now with its key.
    let r = expect(
        env.cmd()
            .env("BALANCES_P100_API_KEY", "p100-demo-key")
            .args([
                "--config",
                conf.to_str().unwrap(),
                "summary",
                "--provider",
                "p100",
                "-o",
                "csv",
            ]),
        0,
    );
    assert!(
        r.stdout
            .lines()
            .skip(1)
            .all(|l| l.starts_with("p100,user-00001,")),
        "{}",
        r.stdout
    );

    // A profile without providers is a configuration error.
    let empty = env.home.path().join("empty.toml");
    std::fs::write(&empty, "[defaults]\nprofile = \"default\"\n").unwrap();
    expect(
        env.cmd()
            .args(["--config", empty.to_str().unwrap(), "summary"]),
        78,
    );
}
