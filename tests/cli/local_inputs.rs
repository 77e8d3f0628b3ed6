//! The user's own files (config, state, users list) never hang or balloon a
//! run: a FIFO, a device or a socket is refused at once, a users file is
//! read a line at a time under a cap, and a state file that is a symlink
//! is written through to its target.

use crate::support::{TestEnv, expect};
use std::path::Path;
use std::time::{Duration, Instant};

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// A FIFO with no writer as the config file: opening it would block for
/// ever. Refused (78) with what it is, well inside the command's timeout.
#[test]
fn a_fifo_as_the_config_file_is_refused_at_once() {
    let env = TestEnv::new();
    let fifo = env.home.path().join("config.toml");
    mkfifo(&fifo);
    let started = Instant::now();
    let r = expect(
        env.cmd().env("BALANCES_CONFIG", &fifo).args([
            "boca",
            "get-balances",
            "partner-user-42",
            "-o",
            "json",
        ]),
        78,
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    let message = r.stderr_json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("is a FIFO"), "{message}");
    assert!(message.contains("regular file"), "{message}");
}

#[test]
fn a_fifo_or_a_device_as_the_state_file_is_refused_before_any_request() {
    let env = TestEnv::new();
    let fifo = env.home.path().join("boca.state");
    mkfifo(&fifo);
    for (state, what) in [
        (fifo.as_path(), "is a FIFO"),
        (Path::new("/dev/null"), "is a device"),
    ] {
        let r = expect(
            env.cmd().args([
                "boca",
                "get-transactions",
                "partner-user-42",
                "--state-file",
                state.to_str().unwrap(),
                "-o",
                "json",
            ]),
            78,
        );
        let message = r.stderr_json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.contains(what), "{message}");
        assert!(r.stdout.is_empty());
    }
}

/// `/dev/zero` as the users file is a device (2, at once); on stdin, a
/// stream with no newline stops at its first line's cap. Either way no
/// request is made and memory stays flat (the old reader took 256 MiB).
#[test]
fn dev_zero_as_the_users_file_is_refused_at_once() {
    let env = TestEnv::new();
    let r = expect(
        env.cmd().args([
            "boca",
            "get-balances",
            "--users-file",
            "/dev/zero",
            "-o",
            "json",
        ]),
        2,
    );
    let message = r.stderr_json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("/dev/zero is a device"), "{message}");
    let zeros = std::fs::File::open("/dev/zero").unwrap();
    let out = env
        .std_cmd()
        .args(["boca", "get-balances", "--users-file", "-", "-o", "json"])
        .stdin(zeros)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let error: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
    let message = error["error"]["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("line 1 of the user ids on stdin"),
        "{message}"
    );
    assert!(message.contains("not a user id"), "{message}");
    // A FIFO is fine on stdin, as a pipe is.
    let r = expect(
        env.cmd()
            .args(["boca", "get-balances", "--users-file", "-", "-o", "ndjson"])
            .write_stdin("partner-user-42\n"),
        0,
    );
    assert_eq!(r.ndjson().len(), 2);
}

/// A state file kept as a symlink (to a shared folder, say): the run
/// writes the new mark into the file the link points at, and the link stays.
#[test]
fn a_state_file_that_is_a_symlink_is_written_through() {
    let env = TestEnv::new();
    let shared = env.home.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let target = shared.join("boca.state");
    let link = env.home.path().join("boca.state");
    // Relative, as `ln -s shared/boca.state boca.state` makes it.
    std::os::unix::fs::symlink("shared/boca.state", &link).unwrap();
    let export = |env: &TestEnv| {
        expect(
            env.cmd().args([
                "boca",
                "get-transactions",
                "partner-user-42",
                "--state-file",
                link.to_str().unwrap(),
                "-o",
                "ndjson",
            ]),
            0,
        )
        .ndjson()
        .len()
    };
    assert_eq!(
        export(&env),
        240,
        "a dangling link: the first run exports everything"
    );
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(saved["version"], 2);
    assert_eq!(
        export(&env),
        0,
        "the second run reads the mark through the link"
    );
    assert_eq!(
        std::fs::read_dir(&shared).unwrap().count(),
        1,
        "no temporary file left beside the target"
    );
}
