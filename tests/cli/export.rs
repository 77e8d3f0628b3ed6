//! `balances export`: journals that Beancount (`bean-check`), hledger
//! (`hledger check`) and Ledger (`ledger balance`) accept where `reconcile`
//! says ok, and refuse, at the assertion, where it says mismatch. CI installs
//! the three tools (`BALANCES_REQUIRE_BOOKS=1`); elsewhere a missing tool is
//! a `SKIPPED` line.

use crate::hostile::{self, show};
use crate::support::run;
use balances::money::exact::Exact;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The three tools that are installed (all three, or a failure, under CI).
fn tools() -> Vec<(&'static str, &'static str)> {
    let all = [
        ("beancount", "bean-check"),
        ("hledger", "hledger"),
        ("ledger", "ledger"),
    ];
    let found: Vec<_> = all
        .into_iter()
        .filter(|(_, tool)| {
            std::process::Command::new(tool)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .collect();
    if found.len() < 3 {
        if std::env::var("BALANCES_REQUIRE_BOOKS").is_ok_and(|v| v == "1") {
            panic!("BALANCES_REQUIRE_BOOKS=1 but not every tool is installed: {found:?}");
        }
        crate::support::skipped(
            "export: bean-check, hledger or ledger not installed (CI installs them)",
        );
    }
    found
}

/// Whether `tool` accepts `file`, and what it said.
fn check(tool: &str, file: &Path) -> (bool, String) {
    let out = match tool {
        "bean-check" => std::process::Command::new(tool).arg(file).output(),
        "hledger" => std::process::Command::new(tool)
            .args(["-f"])
            .arg(file)
            .arg("check")
            .output(),
        _ => std::process::Command::new(tool)
            .args(["-f"])
            .arg(file)
            .arg("balance")
            .output(),
    }
    .expect("the tool runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success() && !said.contains("rror"), said)
}

/// `balances export` of `db` in every format the tools take, each written
/// beside it; the path of each.
fn export(home: &Path, db: &Path) -> Vec<(&'static str, PathBuf, crate::support::Run)> {
    tools()
        .into_iter()
        .map(|(format, tool)| {
            let r = run(hostile::balances(home).args([
                "export",
                "--db",
                db.to_str().unwrap(),
                "--format",
                format,
            ]));
            let path = db.with_extension(format);
            std::fs::write(&path, &r.stdout).unwrap();
            (tool, path, r)
        })
        .collect()
}

/// A ledger made by `sync` (for its schema), then given a history by hand:
/// each `(subject, at, from, to, fee)`, and each `(subject, currency)`'s
/// snapshots at `snapshot_times`, every one the opening plus the history up
/// to it, exactly.
struct Crafted {
    db: PathBuf,
}

type Leg<'a> = Option<(&'a str, &'a str)>;

impl Crafted {
    fn new(home: &Path) -> Crafted {
        let db = home.join("crafted.db");
        let r = run(hostile::balances(home)
            .env("BALANCES_NOW", "2026-12-07T11:00:00Z")
            .args([
                "--sandbox",
                "sync",
                "--db",
                db.to_str().unwrap(),
                "--provider",
                "p100",
            ]));
        assert_eq!(r.code, 0, "{}", show(&r));
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("DELETE FROM balances; DELETE FROM listings;")
            .unwrap();
        Crafted { db }
    }

    #[allow(clippy::type_complexity)]
    fn fill(
        &self,
        openings: &[(&str, &str, &str)],
        history: &[(&str, &str, &str, Leg<'_>, Leg<'_>, Leg<'_>)],
        snapshot_times: &[&str],
    ) {
        let c = rusqlite::Connection::open(&self.db).unwrap();
        for (subject, id, at, from, to, fee) in history {
            c.execute(
                "INSERT INTO transactions (provider, profile, base_url, subject, id, created_at, type, status, \
                 from_currency, from_amount, to_currency, to_amount, fee_currency, fee_amount, rate, \
                 provider_fields, first_seen, run_id) \
                 VALUES ('boca', 'default', 'https://b/', ?1, ?2, ?3, 'conversion', NULL, ?4, ?5, ?6, ?7, ?8, ?9, NULL, '{}', ?3, 'r')",
                rusqlite::params![
                    subject, id, at,
                    from.map(|l| l.0), from.map(|l| l.1),
                    to.map(|l| l.0), to.map(|l| l.1),
                    fee.map(|l| l.0), fee.map(|l| l.1)
                ],
            )
            .unwrap();
        }
        let subjects: std::collections::BTreeSet<&str> = openings.iter().map(|o| o.0).collect();
        for subject in subjects {
            c.execute(
                "INSERT INTO listings (run_id, provider, profile, base_url, subject, list, started_at, finished_at, outcome, rows) \
                 VALUES ('r', 'boca', 'default', 'https://b/', ?1, 'transactions', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'ok', 0)",
                [subject],
            )
            .unwrap();
        }
        for (subject, currency, opening) in openings {
            for t in snapshot_times {
                let mut figure = Exact::parse(opening).unwrap();
                for (s, _, at, from, to, fee) in history {
                    if s != subject || at > t {
                        continue;
                    }
                    for (leg, sign) in [(to, 1), (from, -1), (fee, -1)] {
                        if let Some((c, a)) = leg
                            && c == currency
                        {
                            let a = Exact::parse(a).unwrap();
                            if sign > 0 {
                                figure.add(&a)
                            } else {
                                figure.sub(&a)
                            }
                        }
                    }
                }
                let text = figure.to_string_at(0);
                c.execute(
                    "INSERT INTO balances (run_id, provider, profile, base_url, subject, currency, available, total, \
                     provider_fields, as_of, list) VALUES ('r', 'boca', 'default', 'https://b/', ?1, ?2, ?3, ?3, '{}', ?4, 'balances')",
                    rusqlite::params![subject, currency, text, t],
                )
                .unwrap();
            }
        }
    }

    fn exec(&self, sql: &str) {
        rusqlite::Connection::open(&self.db)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    }
}

/// The sandbox synced twice a minute apart: every tool accepts the export;
/// with one transaction hidden from a later sync, every tool refuses it, at
/// the assertion. The same ledger gives the same bytes twice.
#[test]
fn the_sandbox_books_pass_in_every_tool_and_a_hidden_transaction_fails_in_each() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("l.db");
    let sync = |now: &str, hide: Option<&str>| {
        let mut cmd = hostile::balances(home.path());
        cmd.env("BALANCES_NOW", now)
            .args(["--sandbox", "sync", "--db", db.to_str().unwrap()]);
        if let Some(id) = hide {
            cmd.env("BALANCES_SANDBOX_HIDE_TRANSACTION", id);
        }
        let r = run(&mut cmd);
        assert_eq!(r.code, 0, "{}", show(&r));
    };
    sync("2026-12-07T12:00:00Z", None);
    sync("2026-12-07T12:01:00Z", None);
    for (tool, path, r) in export(home.path(), &db) {
        assert_eq!(r.code, 0, "{}", show(&r));
        let (ok, said) = check(tool, &path);
        assert!(ok, "{tool} refused {}: {said}", path.display());
    }
    let again = run(hostile::balances(home.path()).args([
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "hledger",
    ]));
    let once = run(hostile::balances(home.path()).args([
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "hledger",
    ]));
    assert_eq!(again.stdout, once.stdout, "the same ledger, the same bytes");
    let r = run(hostile::balances(home.path())
        .env("BALANCES_NOW", "2026-12-07T12:02:00Z")
        .args([
            "--sandbox",
            "boca",
            "get-transactions",
            "user-00001",
            "-o",
            "json",
        ]));
    let id = r.json()["transactions"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    sync("2026-12-07T12:02:00Z", Some(&id));
    for (tool, path, r) in export(home.path(), &db) {
        assert_eq!(r.code, 0, "{}", show(&r));
        let (ok, said) = check(tool, &path);
        assert!(!ok, "{tool} accepted a journal with a transaction missing");
        assert!(
            said.to_lowercase().contains("balance") || said.contains("assert"),
            "{tool}: {said}"
        );
    }
}

/// Odd currencies (`USDC_TEST`, `c0ffee` and `C0FFEE`, one with a space)
/// and subjects with spaces, slashes and non-ASCII: valid, distinct names,
/// every tool accepts; one unit off in the last place of one snapshot,
/// every tool refuses (Beancount's tolerance included).
#[test]
fn odd_names_pass_and_one_unit_off_fails_in_every_tool() {
    let home = TempDir::new().unwrap();
    let ledger = Crafted::new(home.path());
    let openings = [
        ("user one/ü", "USDC_TEST", "100.500000"),
        ("user one/ü", "c0ffee", "7"),
        ("user one/ü", "C0FFEE", "3.25"),
        ("user-one-ü", "US D", "12.5"),
        ("user-one-ü", "BTC", "0.50000000"),
    ];
    let history = [
        (
            "user one/ü",
            "t1",
            "2026-12-07T12:00:10Z",
            Some(("USDC_TEST", "10.000001")),
            Some(("c0ffee", "2")),
            None,
        ),
        (
            "user one/ü",
            "t2",
            "2026-12-07T12:00:20Z",
            Some(("c0ffee", "1")),
            Some(("C0FFEE", "1.75")),
            Some(("USDC_TEST", "0.000001")),
        ),
        (
            "user-one-ü",
            "t3",
            "2026-12-07T12:00:30Z",
            Some(("BTC", "0.00000001")),
            Some(("US D", "0.01")),
            None,
        ),
    ];
    ledger.fill(
        &openings,
        &history,
        &["2026-12-07T12:00:00Z", "2026-12-07T12:01:00Z"],
    );
    let r = run(hostile::balances(home.path()).args([
        "reconcile",
        "--db",
        ledger.db.to_str().unwrap(),
        "-o",
        "json",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    for (tool, path, r) in export(home.path(), &ledger.db) {
        assert_eq!(r.code, 0, "{}", show(&r));
        let (ok, said) = check(tool, &path);
        assert!(ok, "{tool}: {said}\n{}", r.stdout);
    }
    let (_, path, _) = &export(home.path(), &ledger.db)[0];
    let text = std::fs::read_to_string(path).unwrap();
    let accounts: std::collections::BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2).filter(|_| l.contains(" open ")))
        .filter(|a| a.starts_with("Assets:Boca:"))
        .collect();
    assert_eq!(
        accounts.len(),
        2,
        "two subjects, two accounts: {accounts:?}"
    );
    // One unit off in the last decimal place of the last snapshot.
    ledger.exec(
        "UPDATE balances SET total = '0.49999998', available = '0.49999998' \
         WHERE currency = 'BTC' AND as_of = '2026-12-07T12:01:00Z'",
    );
    let r = run(hostile::balances(home.path()).args([
        "reconcile",
        "--db",
        ledger.db.to_str().unwrap(),
    ]));
    assert_eq!(r.code, 11, "{}", show(&r));
    for (tool, path, _) in export(home.path(), &ledger.db) {
        let (ok, said) = check(tool, &path);
        assert!(!ok, "{tool} accepted a balance one unit off: {said}");
    }
}

/// Amounts of 38 characters: hledger and Ledger are exact and accept the
/// journal; Beancount would round them (28 significant digits), so that
/// export is refused, naming the amounts, never a rounded pass.
#[test]
fn thirty_eight_digit_amounts_pass_in_hledger_and_ledger_and_are_refused_for_beancount() {
    let home = TempDir::new().unwrap();
    let ledger = Crafted::new(home.path());
    ledger.fill(
        &[("whale", "WEI", "98765432109876543210987654.3210987654")],
        &[(
            "whale",
            "w1",
            "2026-12-07T12:00:30Z",
            None,
            Some(("WEI", "55555555555555555555555555.5555555554")),
            None,
        )],
        &["2026-12-07T12:00:00Z", "2026-12-07T12:01:00Z"],
    );
    for (tool, path, r) in export(home.path(), &ledger.db) {
        if tool == "bean-check" {
            assert_eq!(r.code, 65, "{}", show(&r));
            assert!(r.stderr.contains("28 significant digits"), "{}", show(&r));
            assert!(
                r.stderr
                    .contains("154320987665432098766543209.8766543208 WEI"),
                "{}",
                show(&r)
            );
            assert!(r.stdout.is_empty());
        } else {
            assert_eq!(r.code, 0, "{}", show(&r));
            let (ok, said) = check(tool, &path);
            assert!(ok, "{tool}: {said}");
            assert!(r.stdout.contains("154320987665432098766543209.8766543208"));
        }
    }
}

/// The provider's clock a second ahead: a transaction dated a second after
/// the snapshot that already counts it. `reconcile` finds the cut within its
/// slack and says ok; the export places that snapshot's assertion after the
/// transaction, so every tool accepts it too.
#[test]
fn a_transaction_a_second_past_its_snapshot_passes_in_every_tool() {
    let home = TempDir::new().unwrap();
    let ledger = Crafted::new(home.path());
    ledger.fill(
        &[("late", "EUR", "10.00")],
        &[
            (
                "late",
                "l1",
                "2026-12-07T12:00:30Z",
                None,
                Some(("EUR", "1.50")),
                None,
            ),
            (
                "late",
                "l2",
                "2026-12-07T12:00:59Z",
                Some(("EUR", "0.25")),
                None,
                None,
            ),
        ],
        &[
            "2026-12-07T12:00:00Z",
            "2026-12-07T12:01:00Z",
            "2026-12-07T12:02:00Z",
        ],
    );
    ledger.exec("UPDATE transactions SET created_at = '2026-12-07T12:01:01Z' WHERE id = 'l2'");
    let r = run(hostile::balances(home.path()).args([
        "reconcile",
        "--db",
        ledger.db.to_str().unwrap(),
        "--each",
        "-o",
        "json",
    ]));
    assert_eq!(r.code, 0, "{}", show(&r));
    for (tool, path, r) in export(home.path(), &ledger.db) {
        assert_eq!(r.code, 0, "{}", show(&r));
        let (ok, said) = check(tool, &path);
        assert!(ok, "{tool}: {said}\n{}", r.stdout);
    }
}
