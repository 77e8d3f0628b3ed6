//! Tables for people, as a terminal shows them: under a pseudo-terminal
//! (`script`) of 60, 80, 100 and 200 columns no line is wider than the
//! screen, every row is one line, no amount is cut; `-o wide` shows every
//! column; a long table goes through the pager, never when piped.
//!
//! The screens are insta snapshots in `tests/snapshots/`; after an intended
//! change, `cargo insta review` (or `INSTA_UPDATE=always cargo test --test cli
//! tables`) takes the new ones.

use crate::support::{TestEnv, expect, have_pty, skipped, under_a_terminal};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

const WIDTHS: [u16; 4] = [60, 80, 100, 200];
/// The sandbox's books at a fixed moment: the same screen every run.
const NOW: &str = "2026-12-01T00:00:00Z";

fn screen(env: &TestEnv, cols: u16, args: &str, vars: &[(&str, &str)]) -> String {
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!("{} --sandbox {args}", bin.display());
    let mut all = vec![("BALANCES_NOW", NOW)];
    all.extend_from_slice(vars);
    under_a_terminal(env, cols, &line, &all).replace("\r\n", "\n")
}

/// The screen against its snapshot in `tests/snapshots/`.
pub fn matches_snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

fn fits(text: &str, cols: u16) {
    for line in text.lines() {
        assert!(
            line.width() <= usize::from(cols),
            "a line of {} columns on a screen of {cols}:\n{line}\n{text}",
            line.width()
        );
    }
}

/// Every amount of the listing's first amount column, whole, on the screen.
fn shows_every(amounts: &[String], text: &str) {
    for a in amounts {
        assert!(
            text.lines()
                .any(|l| l.split([' ', '│', '┆']).any(|cell| cell == a)),
            "{a} is not whole on the screen:\n{text}"
        );
    }
}

#[test]
fn tables_fit_60_80_100_and_200_columns() {
    if !have_pty() {
        skipped("tables: no `script` for a pseudo-terminal");
        return;
    }
    let env = TestEnv::new();
    let json = |args: &[&str]| {
        expect(
            env.cmd()
                .env("BALANCES_NOW", NOW)
                .arg("--sandbox")
                .args(args)
                .args(["-o", "json"]),
            0,
        )
        .json()
    };
    let available: Vec<String> = json(&["summary"])
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| doc["balances"].as_array().unwrap().clone())
        .filter_map(|b| b["available"].as_str().map(str::to_owned))
        .collect();
    let from = |doc: Value| -> Vec<String> {
        doc["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| {
                let m = &t["from"];
                Some(format!(
                    "{} {}",
                    m["amount"].as_str()?,
                    m["currency"].as_str()?
                ))
            })
            .collect()
    };
    let boca = from(json(&[
        "boca",
        "get-transactions",
        "partner-user-42",
        "--limit",
        "8",
    ]));
    assert!(available.len() > 20 && boca.len() == 8);
    for cols in WIDTHS {
        let text = screen(&env, cols, "--no-pager summary", &[]);
        fits(&text, cols);
        // A split amount would show as pieces: each one is a whole cell.
        shows_every(&available, &text);
        matches_snapshot(&format!("summary-{cols}"), &text);

        let args = "--no-pager boca get-transactions partner-user-42 --limit 8";
        let text = screen(&env, cols, args, &[]);
        fits(&text, cols);
        // FROM amounts with their currency ("1000.00 CAD") never cut.
        for a in &boca {
            assert!(text.contains(a.as_str()), "{a} at {cols}:\n{text}");
        }
        matches_snapshot(&format!("boca-transactions-{cols}"), &text);
    }
    // -o wide: every column, whatever the width (as kubectl's).
    let wide = screen(&env, 60, "--no-pager summary -o wide", &[]);
    for column in ["TOTAL", "PENDING", "ACCOUNT", "TYPE", "STATUS"] {
        assert!(wide.contains(column), "{column}:\n{wide}");
    }
    let narrow = screen(&env, 60, "--no-pager summary", &[]);
    // The note under the table is wrapped to the screen too.
    assert!(
        narrow.replace('\n', " ").contains(
            "PROVIDER, TOTAL, PENDING, ACCOUNT left out at 60 columns: -o wide shows every column"
        ),
        "{narrow}"
    );
}

/// A table longer than the screen goes through `BALANCES_PAGER` (then
/// `PAGER`); `--no-pager`, a short table or a pipe do not page.
#[test]
fn long_tables_go_through_the_pager_on_a_terminal_only() {
    let env = TestEnv::new();
    let marker = [("BALANCES_PAGER", "sed s/^/PAGED:/")];
    // Piped: never a pager, whatever the variables say.
    let r = expect(
        env.cmd().env("BALANCES_PAGER", "sed s/^/PAGED:/").args([
            "--sandbox",
            "summary",
            "-o",
            "table",
        ]),
        0,
    );
    assert!(!r.stdout.contains("PAGED:"), "{}", r.stdout);
    if !have_pty() {
        skipped("tables: no `script` for a pseudo-terminal");
        return;
    }
    let paged = screen(&env, 200, "summary", &marker);
    assert!(paged.lines().all(|l| l.starts_with("PAGED:")), "{paged}");
    let by_pager = screen(&env, 200, "summary", &[("PAGER", "sed s/^/PAGER:/")]);
    assert!(by_pager.starts_with("PAGER:┌"), "{by_pager}");
    let unpaged = screen(&env, 200, "--no-pager summary", &marker);
    assert!(!unpaged.contains("PAGED:"), "{unpaged}");
    // Short (one Boca user fits the 40 rows): printed as it is.
    let short = screen(&env, 200, "boca get-balances partner-user-42", &marker);
    assert!(
        !short.contains("PAGED:") && short.contains("CAD"),
        "{short}"
    );
    // A pager that is not installed: the table is printed all the same.
    let missing = screen(
        &env,
        200,
        "summary",
        &[("BALANCES_PAGER", "no-such-pager-here")],
    );
    assert!(missing.contains("USDC_TEST"), "{missing}");
}

/// Ctrl-C while the pager shows the table is the pager's (as with git and
/// gh): the run waits for it, and ends as it would have.
#[test]
#[cfg(unix)]
fn an_interrupt_under_the_pager_is_the_pagers() {
    if !have_pty() {
        skipped("tables: no `script` for a pseudo-terminal");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let pager = env.home.path().join("interrupted-pager");
    std::fs::write(
        &pager,
        "#!/bin/sh\nkill -INT $PPID\nkill -QUIT $PPID\nsleep 0.2\nsed s/^/PAGED:/\n",
    )
    .unwrap();
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("balances");
    let line = format!("{} --sandbox summary; echo \"RC=$?\"", bin.display());
    let text = under_a_terminal(
        &env,
        200,
        &line,
        &[
            ("BALANCES_NOW", NOW),
            ("BALANCES_PAGER", pager.to_str().unwrap()),
        ],
    );
    assert!(text.contains("PAGED:"), "{text}");
    assert!(text.contains("RC=0"), "{text}");
}
