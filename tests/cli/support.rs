//! Shared helpers: a pinned environment and a sandbox per test.

use assert_cmd::Command;
use balances::providers::ProviderId;
use balances::sandbox::{Options, Sandbox};
use serde_json::Value;
use tempfile::TempDir;

pub struct TestEnv {
    pub sandbox: Sandbox,
    pub home: TempDir,
    /// `BALANCES_NOW` for every command: the sandbox's clock, pinned too.
    now: Option<&'static str>,
}

/// The moment [`TestEnv::pinned`] stands at, as Unix seconds and as text.
pub const PINNED: (i64, &str) = (1_796_083_200, "2026-12-01T00:00:00Z");

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv::with(Options::default())
    }

    pub fn with(opts: Options) -> TestEnv {
        TestEnv {
            sandbox: Sandbox::start(opts).expect("sandbox starts"),
            home: TempDir::new().expect("temp dir"),
            now: None,
        }
    }

    /// A sandbox whose books stand still, and commands on the same clock
    /// (the sandbox checks signatures and one-time codes against it): for
    /// tests that compare two runs over its living users and accounts,
    /// which would otherwise move between them.
    pub fn pinned(opts: Options) -> TestEnv {
        let mut env = TestEnv::with(Options {
            clock: Some(PINNED.0),
            ..opts
        });
        env.now = Some(PINNED.1);
        env
    }

    /// `balances` with a clean environment: no user config, no keyring, and
    /// the sandbox's base URL and demo Boca credentials in the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::from_std(self.std_cmd());
        cmd.timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// [`TestEnv::cmd`] as a plain process, for tests that hold its pipes.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(self.vars());
        cmd
    }

    /// The environment of [`TestEnv::cmd`] (without `PATH`).
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        let home = self.home.path();
        let mut vars = vec![
            ("HOME", home.display().to_string()),
            ("XDG_CONFIG_HOME", home.join("config").display().to_string()),
            ("BALANCES_KEYRING", "none".to_owned()),
            (
                "BALANCES_BOCA_BASE_URL",
                self.sandbox.base_url(ProviderId::Boca),
            ),
            ("BALANCES_BOCA_API_KEY", "boca-demo-key".to_owned()),
            (
                "BALANCES_BOCA_API_SECRET",
                "boca-demo-signing-secret".to_owned(),
            ),
        ];
        if let Some(now) = self.now {
            vars.push(("BALANCES_NOW", now.to_owned()));
        }
        vars
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
    /// The error object: the last line of stderr (log lines may come before it).
    pub fn stderr_json(&self) -> Value {
        serde_json::from_str(self.stderr.trim().lines().last().unwrap_or(""))
            .unwrap_or_else(|e| panic!("stderr is not JSON ({e}):\n{}", self.stderr))
    }
    pub fn ndjson(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("NDJSON line"))
            .collect()
    }
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("balances runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run and insist on an exit code, showing the output when it differs.
pub fn expect(cmd: &mut Command, code: i32) -> Run {
    let r = run(cmd);
    assert_eq!(
        r.code, code,
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        r.stdout, r.stderr
    );
    r
}

/// A loopback port nobody listens on (bound, then freed).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// A document (or an array of them) with its `as_of` taken out, after
/// checking that it is an RFC 3339 UTC time: the rest compares exactly.
pub fn without_as_of(mut v: Value) -> Value {
    fn strip(doc: &mut Value) {
        if let Some(obj) = doc.as_object_mut() {
            let at = obj
                .shift_remove("as_of")
                .expect("every balances document has as_of");
            let at = at.as_str().expect("as_of is a string");
            assert!(
                at.ends_with('Z') && at.len() == 20,
                "as_of {at:?} is RFC 3339 UTC"
            );
        }
    }
    match &mut v {
        Value::Array(docs) => docs.iter_mut().for_each(strip),
        doc => strip(doc),
    }
    v
}

/// Say on the terminal that part of a test did not run here. Written to the
/// stderr handle, which libtest does not capture (its capture takes only
/// `eprintln!`), so `cargo test` shows the skip instead of a silent `ok`.
pub fn skipped(what: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {what}");
}

/// Whether `script` (util-linux) is here to give a run a pseudo-terminal.
pub fn have_pty() -> bool {
    std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok()
}

/// Whether tmux is here: a real terminal emulator, for what a screen
/// shows once lines are redrawn in place (a progress line).
pub fn have_tmux() -> bool {
    std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run a shell line in a tmux window `cols` wide, with the clean
/// environment of [`TestEnv::cmd`] plus `vars`, and return what the screen
/// and its scrollback show at the end, wrapped lines joined.
pub fn in_tmux(env: &TestEnv, cols: u16, line: &str, vars: &[(&str, &str)]) -> String {
    let socket = format!(
        "balances-test-{}-{}",
        std::process::id(),
        env.home.path().file_name().unwrap().to_string_lossy()
    );
    let script = env.home.path().join("tmux-run.sh");
    let mut exports = String::new();
    let own = env.vars();
    let own = own.iter().map(|(k, v)| (*k, v.as_str()));
    let terminal = [("NO_COLOR", "1"), ("TERM", "xterm")];
    for (k, v) in own.chain(terminal).chain(vars.iter().copied()) {
        exports.push_str(&format!("export {k}='{v}'\n"));
    }
    std::fs::write(
        &script,
        format!("{exports}{line}\necho __DONE__\nsleep 60\n"),
    )
    .unwrap();
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let cols = cols.to_string();
    let script = script.to_str().unwrap();
    tmux(&["new-session", "-d", "-x", &cols, "-y", "40", "sh", script]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut screen = String::new();
    while std::time::Instant::now() < deadline {
        let out = tmux(&["capture-pane", "-p", "-J", "-S", "-"]);
        screen = String::from_utf8_lossy(&out.stdout).into_owned();
        if screen.contains("__DONE__") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    tmux(&["kill-server"]);
    screen
}

/// Run a shell line under a pseudo-terminal `cols` wide (`script`, util-linux),
/// with the clean environment of [`TestEnv::cmd`] plus `env`; what the
/// terminal showed, both streams, as the screen got them (`\r\n` line ends).
pub fn under_a_terminal(env: &TestEnv, cols: u16, line: &str, vars: &[(&str, &str)]) -> String {
    let line = format!("stty cols {cols} rows 40; {line}");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("BALANCES_KEYRING", "none")
        .env("NO_COLOR", "1")
        .env("TERM", "dumb");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
