//! End to end with a real Secret Service (gnome-keyring on a private D-Bus
//! session). CI runs the suite under `dbus-run-session` with an unlocked
//! gnome-keyring and sets BALANCES_REQUIRE_KEYRING_E2E=1, so there these
//! tests must run; elsewhere, without a session bus, they say so and return.

use crate::support::{TestEnv, expect};
use balances::providers::ProviderId;
use balances::sandbox::{Options, demo};

/// Whether test `name` can run here; if not, it says so (see `skipped`).
fn keyring_available(name: &str) -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    if !bus && std::env::var_os("BALANCES_REQUIRE_KEYRING_E2E").is_some() {
        panic!("BALANCES_REQUIRE_KEYRING_E2E is set but there is no D-Bus session bus");
    }
    if !bus {
        crate::support::skipped(&format!(
            "keyring_e2e::{name}: no D-Bus session bus with a Secret Service (CI runs it)"
        ));
    }
    bus
}

/// A command that uses the real keyring under its own profile.
fn with_keyring(env: &TestEnv, profile: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env_remove("BALANCES_BOCA_API_KEY")
        .env_remove("BALANCES_BOCA_API_SECRET")
        .env("BALANCES_KEYRING", "secret-service")
        .env("BALANCES_PROFILE", profile);
    for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
        if let Some(v) = std::env::var_os(var) {
            cmd.env(var, v);
        }
    }
    cmd
}

#[test]
fn credentials_round_trip_through_the_keyring() {
    if !keyring_available("credentials_round_trip_through_the_keyring") {
        return;
    }
    let env = TestEnv::new();
    let profile = format!("e2e-{}", std::process::id());
    expect(
        with_keyring(&env, &profile)
            .args(["auth", "set", "boca", "api_key"])
            .write_stdin("boca-demo-key\n"),
        0,
    );
    expect(
        with_keyring(&env, &profile)
            .args(["auth", "set", "boca", "api_secret"])
            .write_stdin("boca-demo-signing-secret"),
        0,
    );

    let status = expect(
        with_keyring(&env, &profile).args(["auth", "status", "-o", "json"]),
        0,
    )
    .json();
    let source = |field: &str| {
        status["credentials"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["provider"] == "boca" && c["field"] == field)
            .unwrap()["source"]
            .clone()
    };
    assert_eq!(source("api_secret"), "keyring");
    assert!(!status.to_string().contains("boca-demo-signing-secret"));

    let r = expect(
        with_keyring(&env, &profile).args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        0,
    );
    assert_eq!(r.json()["balances"][0]["available"], "1250.00");

    expect(
        with_keyring(&env, &profile).args(["auth", "delete", "boca", "api_secret"]),
        0,
    );
    expect(
        with_keyring(&env, &profile).args(["auth", "delete", "boca", "api_key"]),
        0,
    );
    let r = expect(
        with_keyring(&env, &profile).args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "table",
        ]),
        78,
    );
    assert!(
        r.stderr.contains("balances auth set boca api_key"),
        "{}",
        r.stderr
    );
}

#[test]
fn ibanera_tokens_are_cached_between_runs_and_dropped_when_rejected() {
    if !keyring_available("ibanera_tokens_are_cached_between_runs_and_dropped_when_rejected") {
        return;
    }
    let env = TestEnv::with(Options {
        token_max_uses: Some(1),
        ..Default::default()
    });
    let profile = format!("e2e-ibanera-{}", std::process::id());
    let run = || {
        let mut cmd = with_keyring(&env, &profile);
        cmd.env(
            "BALANCES_IBANERA_BASE_URL",
            env.sandbox.base_url(ProviderId::Ibanera),
        )
        .env("BALANCES_IBANERA_USERNAME", demo::IBANERA_USERNAME)
        .env("BALANCES_IBANERA_PASSWORD", demo::IBANERA_PASSWORD)
        .env("BALANCES_IBANERA_TOTP_SECRET", demo::IBANERA_TOTP_SECRET)
        .args(["-v", "ibanera", "get-card-balances", "-o", "ndjson"]);
        expect(&mut cmd, 0)
    };
    let logins = |s: &str| {
        s.lines()
            .filter(|l| l.contains("POST ") && l.contains("/auth/login"))
            .count()
    };
    // The first run logs in and uses its token once (the one allowed use).
    let first = run();
    assert_eq!(logins(&first.stderr), 1, "{}", first.stderr);
    assert_eq!(first.ndjson().len(), 12);
    // The second run finds the token in the keyring, the server refuses it
    // (used up): it is dropped and exactly one fresh login is made.
    let second = run();
    assert!(
        second.stderr.contains("using the cached access token"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("logging in again"),
        "{}",
        second.stderr
    );
    assert_eq!(logins(&second.stderr), 1, "{}", second.stderr);
    assert_eq!(second.ndjson().len(), 12);
    let mut cleanup = with_keyring(&env, &profile);
    let _ = cleanup
        .args(["auth", "delete", "ibanera", "access_token"])
        .output();
}

/// A session bus that accepts connections and never answers (as a wedged
/// keyring daemon would): every keyring call must give up within its 3 s
/// bound, and the run must go on with the environment's credentials.
#[cfg(unix)]
#[test]
fn a_keyring_that_never_answers_does_not_hang_the_run() {
    use std::os::unix::net::UnixListener;
    let env = TestEnv::new();
    let socket = env.home.path().join("silent-bus");
    let listener = UnixListener::bind(&socket).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming().flatten() {
            held.push(conn); // accepted, never read or written
        }
    });
    let started = std::time::Instant::now();
    let r = expect(
        env.cmd()
            .env("BALANCES_KEYRING", "secret-service")
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", socket.display()),
            )
            .args(["auth", "status", "-o", "json"]),
        0,
    );
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
    let doc = r.json();
    let p100 = doc["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["provider"] == "p100")
        .unwrap()
        .clone();
    assert_eq!(p100["source"], "missing");
    assert!(
        p100["detail"]
            .as_str()
            .unwrap()
            .contains("no answer within 3 s"),
        "{p100}"
    );
    // Data commands with credentials in the environment are not held up at all.
    expect(
        env.cmd()
            .env("BALANCES_KEYRING", "secret-service")
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", socket.display()),
            )
            .args(["boca", "get-balances", "partner-user-42"]),
        0,
    );
}

/// `secret-tool`, as a user would run it, on the test's session bus.
fn secret_tool(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new("secret-tool")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool (Debian libsecret-tools) is installed where the keyring tests run");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// Two items with the same `service` and `username` (one made by hand, one by
/// another tool) must not break the keyring: the run reads one, `auth set`
/// replaces both and `auth delete` removes both.
#[test]
fn two_entries_for_one_account_are_read_replaced_and_removed() {
    if !keyring_available("two_entries_for_one_account_are_read_replaced_and_removed") {
        return;
    }
    let env = TestEnv::new();
    let profile = format!("dup-{}", std::process::id());
    let key = format!("{profile}/boca/api_key");
    let secret = format!("{profile}/boca/api_secret");
    for (label, extra) in [("by hand", "one"), ("by another tool", "two")] {
        let out = secret_tool(
            &[
                "store", "--label", label, "service", "balances", "username", &key, "origin", extra,
            ],
            Some("boca-demo-key"),
        );
        assert!(out.status.success(), "{out:?}");
    }
    let out = secret_tool(
        &[
            "store", "--label", "secret", "service", "balances", "username", &secret,
        ],
        Some("boca-demo-signing-secret"),
    );
    assert!(out.status.success(), "{out:?}");
    let search = |account: &str| {
        let out = secret_tool(
            &[
                "search", "--all", "service", "balances", "username", account,
            ],
            None,
        );
        String::from_utf8_lossy(&out.stdout).matches("[/").count()
            + String::from_utf8_lossy(&out.stderr).matches("[/").count()
    };
    assert_eq!(search(&key), 2, "the test made two matching items");

    let status = expect(
        with_keyring(&env, &profile).args(["auth", "status", "-o", "json"]),
        0,
    );
    assert!(
        !status.stdout.contains("keyring error"),
        "{}",
        status.stdout
    );
    let r = expect(
        with_keyring(&env, &profile).args([
            "-v",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        0,
    );
    assert!(r.stderr.contains("2 entries match"), "{}", r.stderr);

    expect(
        with_keyring(&env, &profile)
            .args(["auth", "set", "boca", "api_key"])
            .write_stdin("boca-demo-key"),
        0,
    );
    assert_eq!(search(&key), 1, "auth set leaves one item");
    let looked_up = secret_tool(&["lookup", "service", "balances", "username", &key], None);
    assert_eq!(String::from_utf8_lossy(&looked_up.stdout), "boca-demo-key");

    secret_tool(
        &[
            "store", "--label", "again", "service", "balances", "username", &key, "origin", "three",
        ],
        Some("boca-demo-key"),
    );
    expect(
        with_keyring(&env, &profile).args(["auth", "delete", "boca", "api_key"]),
        0,
    );
    expect(
        with_keyring(&env, &profile).args(["auth", "delete", "boca", "api_secret"]),
        0,
    );
    assert_eq!(search(&key), 0, "auth delete removes every matching item");
}
