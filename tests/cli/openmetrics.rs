//! `-o openmetrics`: parsed by the reference parser (Python's
//! prometheus_client, Debian's python3-prometheus-client). CI installs it and
//! sets BALANCES_REQUIRE_PROMETHEUS=1, so there these tests cannot be skipped.

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::{TestEnv, run};
use tempfile::TempDir;

/// The families and samples the reference parser reads, as JSON; `None`
/// when the parser is not installed here.
fn parse(text: &str) -> Option<serde_json::Value> {
    let script = r#"
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
out = []
for f in text_string_to_metric_families(sys.stdin.read()):
    out.append({"name": f.name, "type": f.type, "samples": [{"labels": s.labels, "value": s.value} for s in f.samples]})
print(json.dumps(out))
"#;
    let have = std::process::Command::new("/usr/bin/python3")
        .args(["-c", "import prometheus_client"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var_os("BALANCES_REQUIRE_PROMETHEUS").is_none(),
            "BALANCES_REQUIRE_PROMETHEUS is set but prometheus_client is not installed"
        );
        crate::support::skipped(
            "openmetrics: prometheus_client not installed, its parser check not run (CI runs it)",
        );
        return None;
    }
    use std::io::Write;
    let mut child = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the reference parser refused it: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn summary_is_valid_openmetrics() {
    let env = TestEnv::new();
    let r = run(env
        .cmd()
        .args(["--sandbox", "summary", "-o", "openmetrics"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.ends_with("# EOF\n"));
    let Some(families) = parse(&r.stdout) else {
        return;
    };
    let names: Vec<&str> = families
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    for n in [
        "balances_available",
        "balances_total",
        "balances_pending",
        "balances_up",
        "balances_as_of_seconds",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let cad = families[0]["samples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["labels"]["provider"] == "boca" && s["labels"]["currency"] == "CAD")
        .expect("boca's CAD balance");
    assert_eq!(cad["value"], 1250.0);
    assert_eq!(cad["labels"]["profile"], "default");
    assert_eq!(cad["labels"]["subject"], "partner-user-42");
}

#[test]
fn labels_are_escaped_and_failures_are_up_zero() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|req| {
        if req.path().contains("nobody") {
            Reply::json(
                404,
                r#"{"error":"not_found","message":"no such user","requestId":"r"}"#,
            )
        } else {
            Reply::json(
                200,
                r#"{"externalId":"x","userId":"y","balances":[{"currency":"c\"a\\d","available":"1.50","total":"2"}]}"#,
            )
        }
    });
    let users = home.path().join("users.txt");
    std::fs::write(&users, "we\"ird\\id\nnobody\n").unwrap();
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-balances",
        "--users-file",
        users.to_str().unwrap(),
        "-o",
        "openmetrics",
    ]));
    assert_eq!(r.code, 66, "{}", show(&r));
    assert!(r.stdout.ends_with("# EOF\n"), "{}", r.stdout);
    let Some(families) = parse(&r.stdout) else {
        return;
    };
    let available = &families[0]["samples"][0];
    assert_eq!(available["labels"]["currency"], "C\"A\\D");
    assert_eq!(available["labels"]["subject"], "we\"ird\\id");
    let up = families
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "balances_up")
        .unwrap();
    let nobody = up["samples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["labels"]["subject"] == "nobody")
        .unwrap();
    assert_eq!(nobody["value"], 0.0);
}

#[test]
fn transactions_have_no_openmetrics_form() {
    let env = TestEnv::new();
    let r = run(env.cmd().args([
        "boca",
        "get-transactions",
        "partner-user-42",
        "-o",
        "openmetrics",
    ]));
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn provider_text_never_reaches_the_terminal_raw() {
    // A currency holding a colour escape, a window-title OSC and a bell.
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| {
        Reply::json(
            200,
            r#"{"externalId":"x","userId":"y","balances":[{"currency":"\u001b[31mCAD\u001b]0;pwned\u0007","available":"1.00","total":"2.00"}]}"#,
        )
    });
    let r = run(hostile::boca(home.path(), &srv).args([
        "boca",
        "get-balances",
        "u1",
        "-o",
        "openmetrics",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    assert!(
        !r.stdout.bytes().any(|b| b < 0x20 && b != b'\n'),
        "raw control bytes on stdout: {:?}",
        r.stdout
    );
    assert!(r.stdout.contains("\\\\u{1b}"), "{}", r.stdout);
    if let Some(families) = parse(&r.stdout) {
        let currency = families[0]["samples"][0]["labels"]["currency"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(currency.starts_with("\\u{1b}"), "{currency}");
    }
}
