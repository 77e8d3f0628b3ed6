//! What the machine hands the run: files that never end, proxies, a base
//! URL with a password, a dry run that must print only the request.

use super::*;

/// Run under a 1 GiB address-space limit (ample for a normal run, sandbox
/// included), so a runaway read fails fast instead of eating the machine's memory.
fn bounded(home: &Path, envs: &[(&str, &str)], args: &[&str]) -> (Run, Duration) {
    // `sh -c 'ulimit -v …; exec balances …'`, in the same clean environment.
    let mut cmd = hostile::balances(home);
    cmd.env("BALANCES_BOCA_API_KEY", "k")
        .env("BALANCES_BOCA_API_SECRET", "s")
        .env("BALANCES_BOCA_BASE_URL", "http://127.0.0.1:9")
        .timeout(Duration::from_secs(20));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut wrapped = assert_cmd::Command::from_std({
        let std_cmd = &cmd;
        let mut sh = std::process::Command::new("sh");
        sh.env_clear();
        for (k, v) in std_cmd.get_envs() {
            if let Some(v) = v {
                sh.env(k, v);
            }
        }
        sh.arg("-c")
            .arg("ulimit -v 1048576 2>/dev/null; exec \"$0\" \"$@\"")
            .arg(std_cmd.get_program())
            .args(args);
        sh
    });
    wrapped.timeout(Duration::from_secs(20));
    let started = Instant::now();
    let r = run(&mut wrapped);
    (r, started.elapsed())
}

fn assert_refused_quickly(what: &str, r: &Run, took: Duration) {
    assert!(
        took < Duration::from_secs(20),
        "{what}: took {took:?}: {}",
        show(r)
    );
    assert_ne!(r.code, 0, "{what}: {}", show(r));
    let err = r.stderr.to_lowercase();
    assert!(
        [
            "size",
            "limit",
            "too large",
            "too big",
            "exceeds",
            "regular file"
        ]
        .iter()
        .any(|w| err.contains(w)),
        "{what}: stderr should say the file is too large or not a file: {}",
        show(r)
    );
}

#[test]
fn config_dev_zero_is_refused_quickly() {
    let home = TempDir::new().unwrap();
    let (r, took) = bounded(
        home.path(),
        &[("BALANCES_CONFIG", "/dev/zero")],
        &["boca", "get-balances", "u-1", "-o", "table"],
    );
    assert_refused_quickly("BALANCES_CONFIG=/dev/zero", &r, took);
}

#[test]
fn users_file_dev_zero_is_refused_quickly() {
    let home = TempDir::new().unwrap();
    let (r, took) = bounded(
        home.path(),
        &[],
        &[
            "boca",
            "get-balances",
            "--users-file",
            "/dev/zero",
            "-o",
            "table",
        ],
    );
    assert_refused_quickly("--users-file /dev/zero", &r, took);
}

#[test]
fn a_loopback_base_url_never_goes_through_a_proxy() {
    let home = TempDir::new().unwrap();
    let proxy = Hostile::start(vec![]);
    let srv = Hostile::serve(|_| {
        Reply::json(
            200,
            r#"{"externalId":"u-1","userId":"x","balances":[{"currency":"CAD","available":"1.00","total":"1.00"}]}"#,
        )
    });
    let mut cmd = hostile::boca(home.path(), &srv);
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "all_proxy",
    ] {
        cmd.env(var, proxy.base_url());
    }
    let r = run(cmd.args(["boca", "get-balances", "u-1", "-o", "json"]));
    assert_code(&r, 0);
    assert_eq!(proxy.request_count(), 0, "the api key went to the proxy");
}

#[test]
fn a_base_url_with_a_password_is_refused_without_echoing_it() {
    let home = TempDir::new().unwrap();
    let r = run(hostile::balances(home.path())
        .env("BALANCES_BOCA_API_KEY", "k")
        .env("BALANCES_BOCA_API_SECRET", "s")
        .args([
            "-v",
            "boca",
            "get-balances",
            "u-1",
            "--base-url",
            "http://user:hunter2@127.0.0.1:9/",
        ]));
    assert_code(&r, 78);
    assert!(!r.stderr.contains("hunter2"), "{}", show(&r));
}

/// `--dry-run` is a success that sends nothing: one request printed (of
/// many users looked up at once, still one), exit 0, and the server never
/// hears from it, for every provider (Ibanera's first request is its login).
#[test]
fn a_dry_run_prints_one_request_and_sends_none() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| Reply::json(500, "{}"));
    let users = home.path().join("users.txt");
    std::fs::write(&users, "u-1\nu-2\nu-3\nu-4\nu-5\nu-6\n").unwrap();
    let runs = [
        run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-balances",
            "--users-file",
            users.to_str().unwrap(),
            "--concurrency",
            "6",
            "--dry-run",
        ])),
        run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-transactions",
            "u-1",
            "--all",
            "--dry-run",
        ])),
        run(hostile::noah(home.path(), &srv).args(["noah", "get-balances", "--dry-run"])),
        run(hostile::p100(home.path(), &srv).args(["p100", "get-balances", "u-1", "--dry-run"])),
        run(hostile::ibanera(home.path(), &srv).args([
            "ibanera",
            "get-card-transactions",
            "--all",
            "--dry-run",
        ])),
    ];
    for r in &runs {
        assert_eq!(r.code, 0, "{}", show(r));
        let requests = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("GET ") || l.starts_with("POST "))
            .count();
        assert_eq!(requests, 1, "{}", show(r));
        assert!(r.stdout.contains(&srv.base_url()), "{}", show(r));
    }
    assert_eq!(srv.request_count(), 0, "a dry run sent a request");
}

/// A dry run whose request cannot be printed (a full disk) fails with 74,
/// once, however many lookups were waiting on it; and a dry run of many
/// users prints the request and nothing else (no document opened for them).
#[cfg(target_os = "linux")]
#[test]
fn a_dry_run_that_cannot_print_exits_74_and_one_that_can_prints_only_the_request() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|_| Reply::json(500, "{}"));
    let users = home.path().join("users.txt");
    std::fs::write(&users, "u-1\nu-2\nu-3\nu-4\n").unwrap();
    for concurrency in ["1", "4"] {
        let args = [
            "boca",
            "get-balances",
            "--users-file",
            users.to_str().unwrap(),
            "--concurrency",
            concurrency,
            "--dry-run",
        ];
        let full = std::fs::File::create("/dev/full").unwrap();
        let done = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
            .env_clear()
            .env("HOME", home.path())
            .env("BALANCES_KEYRING", "none")
            .env("BALANCES_BOCA_BASE_URL", srv.base_url())
            .env("BALANCES_BOCA_API_KEY", "hostile-boca-key")
            .env("BALANCES_BOCA_API_SECRET", "hostile-boca-secret")
            .args(args)
            .args(["-o", "json"])
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Bounded: the defect this guards against was a run that never ended.
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut done = done;
        let status = loop {
            if let Some(status) = done.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = done.kill();
                panic!("a dry run into a full disk did not end (--concurrency {concurrency})");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut done.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(74), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("\"kind\":\"io\""), "{stderr}");
        for format in ["json", "csv", "ndjson", "table", "openmetrics"] {
            let r = run(hostile::boca(home.path(), &srv)
                .args(args)
                .args(["-o", format]));
            assert_eq!(r.code, 0, "{}", show(&r));
            only_the_request(&r, format);
        }
    }
    // A user refused before any request (`.` is not a path segment) does
    // not open the document either.
    let refused_first = home.path().join("refused-first.txt");
    std::fs::write(&refused_first, ".\nu-1\n").unwrap();
    for format in ["json", "csv", "ndjson", "openmetrics"] {
        let r = run(hostile::boca(home.path(), &srv).args([
            "boca",
            "get-balances",
            "--users-file",
            refused_first.to_str().unwrap(),
            "--concurrency",
            "1",
            "--dry-run",
            "-o",
            format,
        ]));
        only_the_request(&r, format);
    }
    assert_eq!(srv.request_count(), 0);
}

/// A dry run's stdout: the printed request (method and URL, headers, the
/// signing input) and nothing else.
fn only_the_request(r: &Run, format: &str) {
    assert!(r.stdout.starts_with("GET "), "{format}: {}", show(r));
    assert!(
        r.stdout
            .lines()
            .all(|l| l.starts_with("GET ") || l.starts_with("X-") || l.starts_with("# ")),
        "{format}: more than the request: {}",
        show(r)
    );
}
