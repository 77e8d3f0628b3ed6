//! What a gh or kubectl user reaches for: no silent nothings, a stable
//! order, one paging vocabulary, errors for the reader they reach.

use crate::support::{TestEnv, expect, have_pty, under_a_terminal};
use balances::providers::ProviderId;
use balances::sandbox::demo;

fn ibanera(env: &TestEnv) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env(
        "BALANCES_IBANERA_BASE_URL",
        env.sandbox.base_url(ProviderId::Ibanera),
    )
    .env("BALANCES_IBANERA_USERNAME", demo::IBANERA_USERNAME)
    .env("BALANCES_IBANERA_PASSWORD", demo::IBANERA_PASSWORD)
    .env("BALANCES_IBANERA_TOTP_SECRET", demo::IBANERA_TOTP_SECRET);
    cmd
}

/// An empty window, a base URL the sandbox would ignore: usage errors,
/// before any request, never exit 0 with nothing.
#[test]
fn silent_nothings_are_usage_errors() {
    let env = TestEnv::new();
    let r = expect(
        ibanera(&env).args([
            "ibanera",
            "get-card-transactions",
            "--from",
            "2026-03-31",
            "--to",
            "2026-03-01",
            "-o",
            "json",
        ]),
        2,
    );
    let message = r.stderr_json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("--from 2026-03-31 is after --to 2026-03-01"),
        "{message}"
    );
    let r = expect(
        env.cmd().args([
            "--sandbox",
            "--base-url",
            "http://example.com",
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        2,
    );
    assert!(
        r.stderr.contains("--sandbox and --base-url"),
        "{}",
        r.stderr
    );
}

/// A minimum in a currency the listing has no balance in is a breach (a
/// typo such as `CDA` alerts instead of silencing the check): exit 10, the
/// output printed in full.
#[test]
fn a_minimum_in_a_missing_currency_is_a_breach() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-balances",
            "partner-user-42",
            "--min",
            "CDA=2000",
            "-o",
            "json",
        ]),
        10,
    );
    assert_eq!(r.json()["balances"].as_array().unwrap().len(), 2);
    let breach: serde_json::Value = serde_json::from_str(r.stderr.trim()).unwrap();
    assert_eq!(breach["below_minimum"]["currency"], "CDA");
    assert_eq!(breach["below_minimum"]["amount"], serde_json::Value::Null);
    let r = expect(
        env.cmd()
            .args([
                "boca",
                "get-balances",
                "--users-file",
                "-",
                "--min",
                "CAD=1",
                "--min",
                "XYZ=1",
                "-o",
                "csv",
            ])
            .write_stdin("partner-user-42\n"),
        10,
    );
    assert!(
        r.stderr
            .contains("balances: below minimum: boca partner-user-42: no XYZ balance (minimum 1)"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("CAD"),
        "CAD is there and above its minimum: {}",
        r.stderr
    );
    // A currency that is there and above its minimum: exit 0.
    expect(
        env.cmd()
            .args(["boca", "get-balances", "partner-user-42", "--min", "CAD=1"]),
        0,
    );
}

/// `summary` prints in the same order on every run (the profile's
/// providers, then its users), however the answers arrive.
#[test]
fn summary_prints_in_the_same_order_every_run() {
    let env = TestEnv::with(balances::sandbox::Options {
        latency: std::time::Duration::from_millis(3),
        ..Default::default()
    });
    let conf = env.home.path().join("summary.toml");
    std::fs::write(
        &conf,
        format!(
            "[profiles.default.boca]\nbase_url = \"{}\"\nusers = [\"user-00003\", \"partner-user-42\", \"user-00001\", \"user-00002\"]\n\n\
             [profiles.default.p100]\nbase_url = \"{}\"\napi_key = \"p100-demo-key\"\nusers = [\"user-00002\", \"user-00001\"]\n",
            env.sandbox.base_url(ProviderId::Boca),
            env.sandbox.base_url(ProviderId::P100),
        ),
    )
    .unwrap();
    let order = || {
        let r = expect(
            env.cmd().env("BALANCES_CONFIG", &conf).args([
                "summary",
                "-o",
                "json",
                "--concurrency",
                "8",
            ]),
            0,
        );
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{} {}", d["provider"], d["subject"]))
            .collect::<Vec<_>>()
    };
    let first = order();
    assert_eq!(
        first,
        [
            "\"boca\" \"user-00003\"",
            "\"boca\" \"partner-user-42\"",
            "\"boca\" \"user-00001\"",
            "\"boca\" \"user-00002\"",
            "\"p100\" \"user-00002\"",
            "\"p100\" \"user-00001\""
        ]
    );
    for _ in 0..19 {
        assert_eq!(order(), first);
    }
}

/// `balances … | jq` on a terminal: stdout is a pipe (JSON by default),
/// stderr the terminal, which gets the error as text; asked for by name
/// (`-o json`), the error is the JSON object. Run under a pseudo-terminal
/// (`script`, util-linux).
#[test]
fn errors_are_text_on_a_terminal_unless_json_was_asked_for() {
    if !have_pty() {
        crate::support::skipped("habits: no `script` for a pseudo-terminal");
        return;
    }
    let env = TestEnv::new();
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let under_a_terminal = |args: &str| {
        let line = format!(
            "{} --sandbox {args} boca get-balances nobody | cat",
            bin.display()
        );
        under_a_terminal(&env, 100, &line, &[])
    };
    let text = under_a_terminal("");
    assert!(
        text.contains("balances: boca: not found (HTTP 404)"),
        "{text:?}"
    );
    assert!(!text.contains("{\"error\""), "{text:?}");
    let json = under_a_terminal("-o json");
    assert!(
        json.contains("{\"error\":{\"provider\":\"boca\""),
        "{json:?}"
    );
    // Not a terminal: the JSON object, as before.
    let r = expect(
        env.cmd()
            .args(["--sandbox", "boca", "get-balances", "nobody"]),
        66,
    );
    assert_eq!(r.stderr_json()["error"]["kind"], "not_found");
}

/// One paging vocabulary: every `get-transactions` takes `--limit` and
/// `--page-size` (the same) and `--cursor` (the `next_cursor` of the run
/// before); the provider's own spellings stay.
#[test]
fn every_get_transactions_pages_with_limit_and_cursor() {
    // NOAH's history lives: its newest three would move between two runs.
    let env = TestEnv::pinned(Default::default());
    let noah = |env: &TestEnv| {
        let mut cmd = env.cmd();
        cmd.env(
            "BALANCES_NOAH_BASE_URL",
            env.sandbox.base_url(ProviderId::Noah),
        )
        .env("BALANCES_NOAH_API_KEY", demo::NOAH_UNSIGNED_API_KEY);
        cmd
    };
    let page = |cmd: &mut assert_cmd::Command, args: &[&str]| {
        let r = expect(cmd.args(args).args(["-o", "json"]), 0);
        let doc = r.json();
        let ids: Vec<String> = doc["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect();
        (ids, doc["next_cursor"].as_str().map(str::to_owned))
    };
    type Maker<'a> = Box<dyn Fn() -> assert_cmd::Command + 'a>;
    let cases: Vec<(Maker<'_>, Vec<&str>)> = vec![
        (
            Box::new(|| env.cmd()),
            vec!["boca", "get-transactions", "partner-user-42"],
        ),
        (Box::new(|| noah(&env)), vec!["noah", "get-transactions"]),
        (
            Box::new(|| ibanera(&env)),
            vec!["ibanera", "get-transactions", "--account", "1001"],
        ),
        (
            Box::new(|| ibanera(&env)),
            vec!["ibanera", "get-card-transactions", "--card", "5000"],
        ),
    ];
    for (cmd, args) in cases {
        let (first, next) = page(&mut cmd(), &[&args[..], &["--limit", "3"]].concat());
        assert_eq!(first.len(), 3, "{args:?}");
        let (same, _) = page(&mut cmd(), &[&args[..], &["--page-size", "3"]].concat());
        assert_eq!(same, first, "{args:?}: --page-size is --limit");
        let next = next.expect("a next cursor");
        let (second, _) = page(
            &mut cmd(),
            &[&args[..], &["--limit", "3", "--cursor", &next]].concat(),
        );
        assert_eq!(second.len(), 3, "{args:?}");
        assert!(
            second.iter().all(|id| !first.contains(id)),
            "{args:?}: the next page"
        );
    }
}

/// `sync` says how far it is on a terminal's stderr (users and accounts
/// done, listings written, transactions read, rows stored), and says
/// nothing when stderr is not a terminal.
#[test]
fn sync_shows_progress_on_a_terminal_only() {
    let env = TestEnv::new();
    let db = env.home.path().join("ledger.db");
    let r = expect(
        env.cmd()
            .args(["--sandbox", "sync", "--db"])
            .arg(&db)
            .args(["-o", "ndjson"]),
        0,
    );
    assert_eq!(r.stderr, "", "piped: nothing on stderr");
    if !have_pty() {
        crate::support::skipped("habits: no `script` for a pseudo-terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!(
        "{} --sandbox sync --db {} -o ndjson > /dev/null",
        bin.display(),
        env.home.path().join("tty.db").display()
    );
    // indicatif draws nothing on a `dumb` terminal: a real one here.
    let xterm = [("TERM", "xterm")];
    let screen = under_a_terminal(&env, 120, &line, &xterm);
    assert!(
        screen.contains("users and accounts,") && screen.contains("rows stored"),
        "{screen:?}"
    );
    let quiet = under_a_terminal(&env, 120, &line.replace(" sync ", " -q sync "), &xterm);
    assert!(!quiet.contains("users and accounts"), "{quiet:?}");
}

/// Every line of `output` (what the run printed into a pipe) is a line of
/// the finished `screen`, whole.
fn shows_every_line(screen: &str, output: &str) {
    assert!(screen.contains("__DONE__"), "{screen}");
    let shown: Vec<&str> = screen.lines().map(str::trim_end).collect();
    for line in output.lines() {
        assert!(
            shown.contains(&line.trim_end()),
            "{line} is not whole on the screen:\n{screen}"
        );
    }
}

/// Records on the same terminal as the progress line come out whole: each
/// is printed around it (the line is taken off, the record written, the
/// line put back), and so are log lines. Judged by tmux, a real terminal.
#[test]
fn sync_prints_its_records_around_the_progress_line() {
    if !crate::support::have_tmux() {
        crate::support::skipped("habits: no tmux");
        return;
    }
    let env = TestEnv::pinned(Default::default());
    let piped = expect(
        env.cmd()
            .args(["--sandbox", "sync", "--db"])
            .arg(env.home.path().join("piped.db"))
            .args(["-o", "ndjson"]),
        0,
    );
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!(
        "{} --sandbox sync --db {} -o ndjson",
        bin.display(),
        env.home.path().join("tty.db").display()
    );
    let screen = crate::support::in_tmux(
        &env,
        200,
        &line,
        &[("BALANCES_NOW", "2026-12-01T00:00:00Z")],
    );
    shows_every_line(&screen, &piped.stdout);
    assert!(
        !screen.contains("users and accounts"),
        "the line is cleared at the end:\n{screen}"
    );
}

/// A listing slow enough for its spinner, printed as one JSON document on
/// the spinner's terminal: each line of the document whole on the screen
/// (a record's line ends only when the next record comes, so it is never
/// put out under the spinner half written).
#[test]
fn a_json_document_on_the_spinners_terminal_comes_out_whole() {
    if !crate::support::have_tmux() {
        crate::support::skipped("habits: no tmux");
        return;
    }
    let env = TestEnv::pinned(balances::sandbox::Options {
        transactions: 150,
        latency: std::time::Duration::from_millis(200),
        ..Default::default()
    });
    let args = [
        "boca",
        "get-transactions",
        "partner-user-42",
        "--all",
        "-o",
        "json",
    ];
    let piped = expect(env.cmd().args(args), 0);
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!("{} {}", bin.display(), args.join(" "));
    let screen = crate::support::in_tmux(&env, 300, &line, &[]);
    shows_every_line(&screen, &piped.stdout);
    assert!(
        !screen.contains(" pages, "),
        "the spinner is cleared:\n{screen}"
    );
}

/// Ctrl-C during a listing that shows its spinner: the run ends by the
/// interrupt (130 to the shell) and the spinner's line is cleared.
#[test]
fn an_interrupt_leaves_no_spinner_behind() {
    if !crate::support::have_tmux() {
        crate::support::skipped("habits: no tmux");
        return;
    }
    let env = TestEnv::with(balances::sandbox::Options {
        transactions: 2000,
        latency: std::time::Duration::from_millis(200),
        ..Default::default()
    });
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!(
        "timeout --preserve-status -s INT 2 {} boca get-transactions partner-user-42 --all -o ndjson > /dev/null; echo \"RC=$?\"",
        bin.display()
    );
    let screen = crate::support::in_tmux(&env, 120, &line, &[]);
    assert!(screen.contains("RC=130"), "{screen}");
    assert!(
        !screen.contains(" pages, "),
        "the spinner is cleared:\n{screen}"
    );
}
