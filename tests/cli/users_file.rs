//! `--users-file`: many users, concurrently, every failure reported.

use crate::support::{TestEnv, expect};
use balances::providers::ProviderId;
use std::collections::BTreeMap;

/// 1,000 ids: 980 known users and 20 unknown ones, interleaved.
fn thousand_ids() -> (String, Vec<String>, Vec<String>) {
    let mut text = String::from("# many users\n\n");
    let (mut known, mut unknown) = (vec![], vec![]);
    for i in 1..=1000 {
        let id = if i % 50 == 7 {
            format!("ghost-{i:04}")
        } else {
            format!("user-{:05}", i)
        };
        if id.starts_with("ghost") {
            unknown.push(id.clone())
        } else {
            known.push(id.clone())
        }
        text.push_str(&id);
        text.push('\n');
    }
    (text, known, unknown)
}

fn subjects_per_record(lines: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for l in lines {
        *m.entry(l["subject"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    m
}

#[test]
fn a_thousand_users_with_twenty_unknown() {
    let env = TestEnv::new();
    let (text, known, unknown) = thousand_ids();
    assert_eq!((known.len(), unknown.len()), (980, 20));
    let file = env.home.path().join("users.txt");
    std::fs::write(&file, &text).unwrap();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-balances",
            "--users-file",
            file.to_str().unwrap(),
            "-o",
            "ndjson",
        ]),
        66,
    );
    let got = subjects_per_record(&r.ndjson());
    assert_eq!(got.len(), 980);
    assert!(known.iter().all(|k| got.contains_key(k)));
    let errors: Vec<serde_json::Value> = r
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut failed: Vec<String> = errors
        .iter()
        .map(|e| e["error"]["subject"].as_str().unwrap().to_owned())
        .collect();
    failed.sort();
    assert_eq!(failed, unknown);
    assert!(errors.iter().all(|e| e["error"]["exit_code"] == 66));
}

#[test]
fn stdin_dedup_and_json_array() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "--users-file", "-", "-o", "json"])
            .write_stdin("partner-user-42\nuser-00003\n# comment\npartner-user-42\n"),
        0,
    );
    let docs = r.json();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 2, "duplicates are fetched once");
    let mut subjects: Vec<&str> = docs
        .iter()
        .map(|d| d["subject"].as_str().unwrap())
        .collect();
    subjects.sort();
    assert_eq!(subjects, ["partner-user-42", "user-00003"]);
    let keys: Vec<_> = docs[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        ["provider", "profile", "subject", "as_of", "balances"]
    );
}

#[test]
fn concurrency_1_and_32_give_the_same_records() {
    // The generated users' balances would move between the two runs.
    let env = TestEnv::pinned(Default::default());
    let ids: String = (1..=60).map(|i| format!("user-{i:05}\n")).collect();
    let mut outputs = vec![];
    for c in ["1", "32"] {
        let r = expect(
            env.cmd()
                .args([
                    "boca",
                    "get-balances",
                    "--users-file",
                    "-",
                    "--concurrency",
                    c,
                    "-o",
                    "csv",
                ])
                .write_stdin(ids.clone()),
            0,
        );
        // The as_of column (last) says when each answer came; the rest must match.
        let mut lines: Vec<String> = r
            .stdout
            .lines()
            .map(|l| l.rsplit_once(',').unwrap().0.to_owned())
            .collect();
        let header = lines.remove(0);
        assert_eq!(
            header,
            "provider,subject,currency,available,total,pending,account_id,account_type,status"
        );
        lines.sort();
        outputs.push(lines);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert!(outputs[0].len() >= 120);
}

#[test]
fn rate_limited_sandbox_still_completes_every_user_once() {
    let env = TestEnv::with(balances::sandbox::Options {
        rate_limit: Some(40),
        ..Default::default()
    });
    let ids: String = (1..=100).map(|i| format!("user-{i:05}\n")).collect();
    let r = expect(
        env.cmd()
            .env(
                "BALANCES_P100_BASE_URL",
                env.sandbox.base_url(ProviderId::P100),
            )
            .env("BALANCES_P100_API_KEY", "p100-demo-key")
            .args([
                "p100",
                "get-balances",
                "--users-file",
                "-",
                "--concurrency",
                "16",
                "--retries",
                "10",
                "-o",
                "json",
            ])
            .write_stdin(ids),
        0,
    );
    let docs = r.json();
    let mut subjects: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["subject"].as_str().unwrap())
        .collect();
    subjects.sort();
    let expected: Vec<String> = (1..=100).map(|i| format!("user-{i:05}")).collect();
    assert_eq!(subjects, expected);
    assert!(
        r.stderr.contains("retrying"),
        "the limit was hit: {}",
        r.stderr
    );
}

#[test]
fn exit_code_is_the_first_failure_in_input_order() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "--users-file", "-", "-o", "csv"])
            .write_stdin("scenario-bad-decimal\nnobody\nuser-00001\n"),
        65,
    );
    // The one user that succeeded is printed in full; the failures are not.
    let subjects: Vec<&str> = r
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    assert!(!subjects.is_empty(), "{}", r.stdout);
    assert!(subjects.iter().all(|s| *s == "user-00001"), "{}", r.stdout);
    assert!(
        r.stderr.contains("balances: boca: nobody: not found"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("scenario-bad-decimal"), "{}", r.stderr);
    expect(
        env.cmd()
            .args(["boca", "get-balances", "u", "--users-file", "-"]),
        2,
    );
    expect(
        env.cmd()
            .args(["boca", "get-balances", "--users-file", "/nonexistent"]),
        2,
    );
}
