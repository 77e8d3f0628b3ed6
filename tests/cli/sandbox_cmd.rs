//! `balances sandbox` as a user runs it: a process on a loopback port whose
//! printed config snippet is a working config for every provider.

use crate::support::{TestEnv, expect, free_port};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_printed_snippet_is_a_working_config() {
    let env = TestEnv::new();
    let port = free_port();
    let mut child = Child(
        Command::new(assert_cmd::cargo::cargo_bin!("balances"))
            .args([
                "sandbox",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--transactions",
                "30",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // Everything it prints is TOML (comments, then the profile); read up to the last field.
    let mut printed = String::new();
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.starts_with("totp_secret") {
            break;
        }
    }
    assert!(
        printed.contains(&format!("http://127.0.0.1:{port}/boca")),
        "{printed}"
    );
    let conf = env.home.path().join("sandbox.toml");
    std::fs::write(&conf, &printed).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&conf, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let r = expect(
        env.cmd()
            .env_remove("BALANCES_BOCA_API_KEY")
            .env_remove("BALANCES_BOCA_API_SECRET")
            .env_remove("BALANCES_BOCA_BASE_URL")
            .args([
                "--config",
                conf.to_str().unwrap(),
                "--profile",
                "sandbox",
                "summary",
                "-o",
                "ndjson",
            ]),
        0,
    );
    let mut providers: Vec<String> = r
        .ndjson()
        .iter()
        .map(|b| b["provider"].as_str().unwrap().to_owned())
        .collect();
    providers.dedup();
    providers.sort();
    providers.dedup();
    assert_eq!(providers, ["boca", "ibanera", "noah", "p100"]);
    let r = expect(
        env.cmd().env_remove("BALANCES_BOCA_BASE_URL").args([
            "--config",
            conf.to_str().unwrap(),
            "--profile",
            "sandbox",
            "noah",
            "get-transactions",
            "--all",
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson().len(), 30);
    // Only loopback.
    expect(env.cmd().args(["sandbox", "--listen", "0.0.0.0:0"]), 2);
}

/// Global options that mean nothing to the emulator are refused (2) on the
/// command line, before it listens, rather than accepted and ignored; set in
/// the environment they are not in the way.
#[test]
fn options_for_requests_are_refused_by_the_sandbox() {
    let env = TestEnv::new();
    let port = free_port().to_string();
    let listen = format!("127.0.0.1:{port}");
    for args in [
        vec!["--raw", "sandbox"],
        vec!["sandbox", "--raw"],
        vec!["sandbox", "-o", "json"],
        vec!["--base-url", "http://127.0.0.1:1", "sandbox"],
        vec!["sandbox", "--retries", "1"],
        vec!["sandbox", "--timeout", "5"],
        vec!["--profile", "x", "sandbox"],
        vec!["--sandbox", "sandbox"],
    ] {
        let flag = args
            .iter()
            .find(|a| a.starts_with('-'))
            .unwrap()
            .to_string();
        let flag = if flag == "-o" {
            "--output".into()
        } else {
            flag
        };
        let r = expect(env.cmd().args(&args).args(["--listen", &listen]), 2);
        assert!(
            r.stderr
                .contains(&format!("{flag} does not apply to `balances sandbox`")),
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            r.stdout.is_empty(),
            "{args:?} started the sandbox: {}",
            r.stdout
        );
    }
    // The same settings from the environment: it starts.
    let mut child = Child(
        Command::new(assert_cmd::cargo::cargo_bin!("balances"))
            .args(["sandbox", "--listen", &listen])
            .env("BALANCES_OUTPUT", "json")
            .env("BALANCES_RETRIES", "1")
            .env("BALANCES_SANDBOX", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let first = BufReader::new(child.0.stdout.take().unwrap())
        .lines()
        .next()
        .unwrap()
        .unwrap();
    assert!(first.contains("sandbox listening"), "{first}");
}
