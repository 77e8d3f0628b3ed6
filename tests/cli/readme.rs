//! Every command in the README's `sh` blocks runs as written, against the
//! sandbox (`BALANCES_SANDBOX=1`, the documented switch), with `balances`
//! on PATH; the few that cannot run here are listed below with the reason.
//! A new example must either pass or join the list.

use crate::support::TestEnv;
use std::path::Path;

/// Lines (by prefix) that are not run, and why.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("cargo ", "building is what this test suite already does"),
    (
        "scripts/fuzz.sh",
        "needs nightly and cargo-fuzz, and minutes; CI runs it",
    ),
    ("cd fuzz && cargo +nightly fuzz", "a long fuzz run"),
    (
        "balances auth set",
        "prompts for a secret and needs a keyring",
    ),
    ("balances auth delete", "needs a keyring"),
    ("balances auth set | delete | status", "a synopsis"),
    ("balances config init | path | show", "a synopsis"),
    (
        "balances boca get-transactions partner-user-42 --cursor CURSOR",
        "CURSOR stands for an earlier next_cursor",
    ),
    (
        "balances noah get-transactions --page-token TOKEN",
        "TOKEN stands for an earlier next_cursor",
    ),
    (
        "balances ibanera --otp 123456",
        "needs a code from a real authenticator",
    ),
    ("balances sandbox --listen", "runs a server until stopped"),
    (
        "openssl ",
        "makes a real key pair (the key handling is tested in tests/cli/noah.rs)",
    ),
    ("mkdir -p ~/.config/balances", "part of the openssl example"),
    (
        "bean-check ",
        "needs Beancount; tests/cli/export.rs runs it (CI installs it)",
    ),
    (
        "hledger -f ",
        "needs hledger; tests/cli/export.rs runs it (CI installs it)",
    ),
    (
        "ledger -f ",
        "needs Ledger; tests/cli/export.rs runs it (CI installs it)",
    ),
];

/// The README's `sh` lines, without comments and blank lines.
fn sh_lines(readme: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line.trim() == "```sh" && !in_sh;
            continue;
        }
        let line = line.trim();
        if in_sh && !line.is_empty() && !line.starts_with('#') {
            lines.push(line.to_owned());
        }
    }
    lines
}

/// What a user would have around: a users file, a customers CSV, folders.
fn workspace(home: &Path) {
    std::fs::write(
        home.join("users.txt"),
        "# sandbox users\nuser-00001\n\nuser-00002\n",
    )
    .unwrap();
    std::fs::write(
        home.join("customers.csv"),
        "id,name\n660a95b2-a486-4406-a90b-e3bcf7c74ecc,Demo customer\n",
    )
    .unwrap();
}

#[test]
fn every_readme_example_runs_or_is_a_listed_placeholder() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let env = TestEnv::new();
    let home = env.home.path();
    workspace(home);
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for line in sh_lines(&readme) {
        if PLACEHOLDERS.iter().any(|(p, _)| line.starts_with(p)) {
            continue;
        }
        let out = std::process::Command::new("sh")
            .args(["-c", &line])
            .current_dir(home)
            .env_clear()
            .env("HOME", home)
            .env("PATH", &path)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("BALANCES_KEYRING", "none")
            .env("BALANCES_SANDBOX", "1")
            .output()
            .unwrap();
        // An example may say the exit code it ends with: `# exit 10: …`.
        let expected = line
            .split_once("# exit ")
            .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse::<i32>().ok())
            .unwrap_or(0);
        assert!(
            out.status.code() == Some(expected),
            "README example failed ({:?}, expected {expected}): {line}\n--- stderr\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 25, "only {ran} examples ran: is the README parsed?");
    for (p, _) in PLACEHOLDERS {
        assert!(
            sh_lines(&readme).iter().any(|l| l.starts_with(p)),
            "placeholder {p:?} no longer in the README: drop it from the list"
        );
    }
}
