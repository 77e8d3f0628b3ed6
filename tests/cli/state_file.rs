//! `--state-file`: only what is new since the last successful run, and a
//! failed run never advances the state.

use crate::support::{TestEnv, expect};
use balances::sandbox::Options;
use serde_json::json;

fn history(env: &TestEnv) -> Vec<serde_json::Value> {
    expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--all",
            "-o",
            "ndjson",
        ]),
        0,
    )
    .ndjson()
}

/// A state file as a run that had exported everything up to `newest` would have left it.
fn state_at(path: &std::path::Path, newest: &serde_json::Value) {
    let doc = json!({"version": 1, "listing": {"provider": "boca", "profile": "default", "subject": "partner-user-42"},
                     "newest": {"created_at": newest["created_at"], "ids": [newest["id"]]}});
    std::fs::write(path, doc.to_string()).unwrap();
}

#[test]
fn exports_only_what_is_new_and_moves_the_mark() {
    let env = TestEnv::new();
    let all = history(&env);
    let path = env.home.path().join("boca.state");

    // First run: no state, everything.
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            path.to_str().unwrap(),
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson(), all);
    // Nothing new since.
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            path.to_str().unwrap(),
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);

    // As if the last run had seen up to item 37: items 0..37 are new, in order.
    state_at(&path, &all[37]);
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            path.to_str().unwrap(),
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson(), all[..37].to_vec());
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(state["newest"]["ids"], json!([all[0]["id"]]));
}

#[test]
fn a_failed_run_leaves_the_state_alone() {
    let env = TestEnv::with(Options {
        rate_limit: Some(1),
        ..Default::default()
    });
    let all = history(&env);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let path = env.home.path().join("boca.state");
    state_at(&path, &all[60]);
    let before = std::fs::read_to_string(&path).unwrap();
    // Page 2 is rate-limited and retries are off: the run fails after printing page 1.
    let r = expect(
        env.cmd().args([
            "--retries",
            "0",
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            path.to_str().unwrap(),
            "-o",
            "ndjson",
        ]),
        75,
    );
    assert_eq!(r.ndjson().len(), 25, "the first page was printed");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "the state did not move"
    );
}

#[test]
fn state_files_are_not_mixed_up() {
    let env = TestEnv::new();
    let path = env.home.path().join("s.state");
    expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "user-00001",
            "--state-file",
            path.to_str().unwrap(),
        ]),
        0,
    );
    let r = expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "user-00002",
            "--state-file",
            path.to_str().unwrap(),
            "-o",
            "table",
        ]),
        78,
    );
    assert!(r.stderr.contains("another listing"), "{}", r.stderr);
    expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "user-00001",
            "--state-file",
            path.to_str().unwrap(),
            "--cursor",
            "c1-0000",
        ]),
        2,
    );
    expect(
        env.cmd().args([
            "boca",
            "get-transactions",
            "user-00001",
            "--state-file",
            path.to_str().unwrap(),
            "--all",
        ]),
        2,
    );
}

/// A reader that stops early (`| head -1`): the run ends with 0, as Unix
/// filters do, but the output was not all delivered, so the mark does not
/// move (the next run exports the same transactions again).
#[test]
fn a_closed_stdout_exits_0_and_leaves_the_state_alone() {
    use std::io::{BufRead, BufReader};
    let env = TestEnv::new();
    let state = env.home.path().join("boca.state");
    let mut cmd = env.std_cmd();
    let mut child = cmd
        .args([
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            state.to_str().unwrap(),
            "--limit",
            "1",
            "-o",
            "ndjson",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains("\"id\""), "{first}");
    drop(out);
    let done = child.wait_with_output().unwrap();
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        done.stderr.is_empty(),
        "nothing to say: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(!state.exists(), "the mark moved past output nobody read");
}
