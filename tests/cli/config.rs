use crate::support::{TestEnv, expect};
use balances::providers::ProviderId;

#[test]
fn profiles_from_the_config_file() {
    let env = TestEnv::new();
    let path = env.home.path().join("conf.toml");
    std::fs::write(
        &path,
        format!(
            "[defaults]\nprofile = \"sb\"\noutput = \"csv\"\n\n[profiles.sb.boca]\nbase_url = \"{}\"\napi_key = \"boca-demo-key\"\napi_secret = \"boca-demo-signing-secret\"\n",
            env.sandbox.base_url(ProviderId::Boca)
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut cmd = env.cmd();
    cmd.env_remove("BALANCES_BOCA_API_KEY")
        .env_remove("BALANCES_BOCA_API_SECRET")
        .env_remove("BALANCES_BOCA_BASE_URL")
        .args([
            "--config",
            path.to_str().unwrap(),
            "boca",
            "get-balances",
            "partner-user-42",
        ]);
    let r = expect(&mut cmd, 0);
    assert!(
        r.stdout.starts_with("provider,subject,currency"),
        "defaults.output applies: {}",
        r.stdout
    );
    assert!(
        r.stderr.is_empty(),
        "a private file gets no warning: {}",
        r.stderr
    );

    // Environment beats the file.
    let r = expect(
        env.cmd()
            .env_remove("BALANCES_BOCA_BASE_URL")
            .env("BALANCES_BOCA_API_SECRET", "wrong")
            .env("BALANCES_CONFIG", &path)
            .args(["boca", "get-balances", "partner-user-42"]),
        77,
    );
    assert!(r.stderr.contains("unauthorized"));

    // A profile that is not in the file is a configuration error.
    let r = expect(
        env.cmd().args([
            "--config",
            path.to_str().unwrap(),
            "--profile",
            "nope",
            "boca",
            "get-balances",
            "u",
        ]),
        78,
    );
    assert!(
        r.stderr.contains("nope") && r.stderr.contains("sb"),
        "{}",
        r.stderr
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let r = expect(
            env.cmd().env_remove("BALANCES_BOCA_BASE_URL").args([
                "--config",
                path.to_str().unwrap(),
                "boca",
                "get-balances",
                "partner-user-42",
            ]),
            0,
        );
        assert!(r.stderr.contains("chmod 600"), "{}", r.stderr);
    }
}

#[test]
fn unknown_keys_are_rejected_with_file_and_line() {
    let env = TestEnv::new();
    let path = env.home.path().join("typo.toml");
    std::fs::write(
        &path,
        "[profiles.default.boca]\napi_key = \"k\"\napi_secert = \"canary-typo\"\n",
    )
    .unwrap();
    let r = expect(
        env.cmd().args([
            "--config",
            path.to_str().unwrap(),
            "boca",
            "get-balances",
            "u",
            "-o",
            "table",
        ]),
        78,
    );
    assert!(
        r.stderr.contains("api_secert")
            && r.stderr.contains("line 3")
            && r.stderr.contains("typo.toml"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("canary-typo"), "{}", r.stderr);
}

#[test]
fn an_explicit_missing_config_file_is_an_error() {
    let env = TestEnv::new();
    expect(
        env.cmd().args([
            "--config",
            "/nonexistent/balances.toml",
            "boca",
            "get-balances",
            "u",
        ]),
        78,
    );
}

#[test]
fn config_init_path_show() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["config", "path"]), 0);
    let path = std::path::PathBuf::from(r.stdout.trim());
    assert!(path.ends_with("balances/config.toml"), "{}", path.display());
    assert!(path.starts_with(env.home.path()));

    expect(env.cmd().args(["config", "init"]), 0);
    assert!(path.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    expect(env.cmd().args(["config", "init"]), 2);
    expect(env.cmd().args(["config", "init", "--force"]), 0);

    let r = expect(env.cmd().args(["config", "show", "-o", "json"]), 0);
    let doc = r.json();
    assert_eq!(doc["profile"], "default");
    assert_eq!(
        doc["providers"]["boca"]["credentials"]["api_secret"]["value"],
        "***"
    );
    assert!(
        doc["providers"]["boca"]["credentials"]["api_secret"]["source"]
            .as_str()
            .unwrap()
            .contains("BALANCES_BOCA_API_SECRET")
    );
    assert!(!r.stdout.contains("boca-demo-signing-secret") && !r.stdout.contains("boca-demo-key"));
    let r = expect(env.cmd().args(["config", "show", "-o", "table"]), 0);
    assert!(r.stdout.contains("api_secret = \"***\""), "{}", r.stdout);
}

#[test]
fn auth_status_shows_sources_never_values() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["auth", "status", "-o", "json"]), 0);
    let doc = r.json();
    let creds = doc["credentials"].as_array().unwrap();
    let boca_secret = creds
        .iter()
        .find(|c| c["provider"] == "boca" && c["field"] == "api_secret")
        .unwrap();
    assert_eq!(boca_secret["source"], "env");
    let p100 = creds.iter().find(|c| c["provider"] == "p100").unwrap();
    assert_eq!(p100["source"], "missing");
    assert!(!r.stdout.contains("boca-demo-signing-secret"));
}

#[test]
fn auth_set_without_a_keyring_says_what_to_do() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["auth", "set", "boca", "api_secret", "-o", "table"])
            .write_stdin("s3cret\n"),
        78,
    );
    assert!(
        r.stderr.contains("BALANCES_BOCA_API_SECRET"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("s3cret"));
    let r = expect(
        env.cmd()
            .args(["auth", "set", "boca", "password"])
            .write_stdin("x"),
        2,
    );
    assert!(r.stderr.contains("api_key, api_secret"), "{}", r.stderr);
}

#[test]
fn doctor_reports_sources_connection_and_skew() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd()
            .args(["doctor", "--provider", "boca", "-o", "json"]),
        0,
    );
    let doc = r.json();
    let checks = doc["checks"].as_array().unwrap();
    let find = |name: &str| checks.iter().find(|c| c["check"] == name).unwrap().clone();
    assert_eq!(find("boca api_secret")["status"], "ok");
    assert!(
        find("boca api_secret")["detail"]
            .as_str()
            .unwrap()
            .contains("BALANCES_BOCA_API_SECRET")
    );
    assert_eq!(find("boca connection")["status"], "ok");
    assert!(!r.stdout.contains("boca-demo-signing-secret"));

    // A missing credential and a skewed clock are failures, with the config exit code.
    let ahead = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 300)
        .to_string();
    let r = expect(
        env.cmd()
            .env("BALANCES_NOW", ahead)
            .env_remove("BALANCES_BOCA_API_KEY")
            .args(["doctor", "--provider", "boca", "-o", "table"]),
        78,
    );
    assert!(r.stdout.contains("fail  boca api_key"), "{}", r.stdout);
    assert!(r.stdout.contains("ahead of the server"), "{}", r.stdout);
}

#[test]
fn doctor_with_nothing_to_check_fails() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["doctor", "-o", "json"]), 78);
    assert!(r.stdout.contains("nothing to check"), "{}", r.stdout);
}

#[test]
fn doctor_parses_the_noah_key_and_the_totp_secret() {
    let env = TestEnv::new();
    let dir = env.home.path();
    let bad_key = dir.join("bad.pem");
    std::fs::write(
        &bad_key,
        "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let config = dir.join("c.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.default.noah]\nbase_url = \"{}\"\nsigning_key_file = \"{}\"\n\
             [profiles.default.ibanera]\nbase_url = \"{}\"\nusername = \"u\"\n",
            env.sandbox.base_url(ProviderId::Noah),
            bad_key.display(),
            env.sandbox.base_url(ProviderId::Ibanera),
        ),
    )
    .unwrap();
    let r = expect(
        env.cmd()
            .env("BALANCES_CONFIG", &config)
            .env("BALANCES_NOAH_API_KEY", "noah-demo-key")
            .env("BALANCES_IBANERA_PASSWORD", "p")
            .env("BALANCES_IBANERA_TOTP_SECRET", "not base32 at all!")
            .args(["doctor", "-o", "json"]),
        78,
    );
    assert!(
        r.stdout.contains("signing key from signing_key_file"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("not Base32"), "{}", r.stdout);
    // auth status and config show name the key file as the source, as doctor does.
    let status = expect(
        env.cmd()
            .env("BALANCES_CONFIG", &config)
            .args(["auth", "status", "-o", "json"]),
        0,
    );
    assert!(
        status.stdout.contains(bad_key.to_str().unwrap()),
        "{}",
        status.stdout
    );
    assert!(!status.stdout.contains("not a key"), "{}", status.stdout);
    let show = expect(
        env.cmd()
            .env("BALANCES_CONFIG", &config)
            .args(["config", "show", "-o", "json"]),
        0,
    );
    assert!(
        show.stdout.contains("signing_key_file ("),
        "{}",
        show.stdout
    );
}

#[test]
fn auth_set_without_a_keyring_fails_before_asking_for_the_secret() {
    let env = TestEnv::new();
    // BALANCES_KEYRING=none: the store is known to be absent; stdin is never read.
    let r = expect(
        env.cmd()
            .args(["auth", "set", "boca", "api_secret"])
            .write_stdin("this would be the secret"),
        78,
    );
    assert!(r.stderr.contains("keyring"), "{}", r.stderr);
    assert!(!r.stderr.contains("this would be"), "{}", r.stderr);
}

/// A full disk on stdout is a local I/O failure (74), not "internal" (1).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_exits_74() {
    let env = TestEnv::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("BALANCES_KEYRING", "none")
        .args([
            "--sandbox",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(74),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err: serde_json::Value =
        serde_json::from_slice(out.stderr.trim_ascii()).expect("one JSON error");
    assert_eq!(err["error"]["kind"], "io");
    assert_eq!(err["error"]["exit_code"], 74);
}

/// In JSON modes every line on stderr is a JSON object: logs and notices too.
#[test]
fn json_modes_keep_stderr_machine_readable() {
    let env = TestEnv::new();
    for args in [
        &[
            "--sandbox",
            "-v",
            "ibanera",
            "get-card-transactions",
            "--max-items",
            "2",
            "-o",
            "json",
        ][..],
        &[
            "--sandbox",
            "-vv",
            "boca",
            "get-transactions",
            "partner-user-42",
            "-o",
            "ndjson",
        ][..],
        &["--sandbox", "boca", "get-balances", "nobody", "-o", "json"][..],
    ] {
        let r = crate::support::run(env.cmd().args(args));
        assert!(!r.stderr.trim().is_empty(), "{args:?} logs something");
        for line in r.stderr.lines() {
            serde_json::from_str::<serde_json::Value>(line)
                .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {line}"));
        }
    }
}

#[test]
fn argument_errors_are_json_in_json_modes_and_help_reports_a_failed_write() {
    let env = crate::support::TestEnv::new();
    for args in [
        &["-o", "json", "boca", "get-balances"][..],
        &[
            "--output=ndjson",
            "boca",
            "get-transactions",
            "u",
            "--limit",
            "500",
        ][..],
        &["-ojson", "boca", "no-such-command"][..],
    ] {
        let r = crate::support::run(env.cmd().args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        let e = r.stderr_json();
        assert_eq!(e["error"]["kind"], "usage", "{args:?}: {}", r.stderr);
        assert!(!e["error"]["message"].as_str().unwrap().contains('\n'));
    }
    let r = crate::support::run(env.cmd().env("BALANCES_OUTPUT", "json").args(["boca"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr_json()["error"]["kind"], "usage", "{}", r.stderr);
    // Text mode keeps clap's own message.
    let r = crate::support::run(env.cmd().args(["boca", "get-balances"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    for args in [&["--help"][..], &["--version"][..]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(74), "{args:?}");
    }
}

/// `config set|get|profiles`, as gh's and aws's: the file keeps its
/// comments and order; a secret is refused with the `auth set` line to use;
/// a value the file would not take is refused before it is written.
#[test]
fn config_set_get_and_profiles_keep_the_files_comments() {
    let env = TestEnv::new();
    let run_ok = |args: &[&str]| expect(env.cmd().args(args), 0).stdout;
    run_ok(&["config", "init"]);
    let path = env.home.path().join("config/balances/config.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    run_ok(&["config", "set", "boca.users", "partner-user-42, user-00001"]);
    run_ok(&[
        "--profile",
        "prod",
        "config",
        "set",
        "p100.base_url",
        "https://partner-api.p100.io",
    ]);
    run_ok(&["config", "set", "defaults.output", "csv"]);
    let after = std::fs::read_to_string(&path).unwrap();
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(
        comments(&after),
        comments(&before),
        "every comment kept:\n{after}"
    );
    assert!(
        after.contains("users = [\"partner-user-42\", \"user-00001\"] # used by `summary`"),
        "{after}"
    );
    assert!(
        after.ends_with("[profiles.prod.p100]\nbase_url = \"https://partner-api.p100.io\"\n"),
        "{after}"
    );
    assert_eq!(
        run_ok(&["-o", "table", "config", "get", "boca.users"]),
        "partner-user-42,user-00001\n"
    );
    assert_eq!(
        run_ok(&[
            "-o",
            "table",
            "config",
            "get",
            "profiles.prod.p100.base_url"
        ]),
        "https://partner-api.p100.io\n"
    );
    assert_eq!(
        run_ok(&["-o", "table", "config", "profiles"]),
        "default (current)\nprod\n"
    );
    assert_eq!(
        run_ok(&["-o", "json", "config", "profiles"]),
        "[\"default\",\"prod\"]\n"
    );
    // The defaults took: `config get` itself now answers in CSV's plain text.
    assert_eq!(run_ok(&["config", "get", "defaults.output"]), "csv\n");
    let r = expect(
        env.cmd()
            .args(["-o", "json", "config", "set", "boca.api_secret", "s3cret"]),
        2,
    );
    let message = r.stderr_json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("balances auth set boca api_secret"),
        "{message}"
    );
    assert!(!std::fs::read_to_string(&path).unwrap().contains("s3cret"));
    expect(
        env.cmd().args(["config", "set", "defaults.output", "yaml"]),
        2,
    );
    expect(env.cmd().args(["config", "set", "noah.users", "x"]), 2);
    expect(
        env.cmd().args(["config", "get", "noah.signing_key_file"]),
        66,
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        after,
        "refusals write nothing"
    );
}
