//! `balances reconcile` over ledgers that `sync` wrote from servers whose
//! balances follow their histories (each test states the bytes), SQLite and
//! PostgreSQL; and the README's tour against the sandbox.

use crate::hostile::{self, Hostile, Reply, show};
use crate::ledger::{Target, home_with_boca_user, targets};
use crate::support::{Run, run};
use std::path::Path;
use std::sync::{Arc, Mutex};
use tempfile::TempDir;

/// A Boca user's books: an opening per currency, then conversions; the
/// balances always the opening plus every conversion (hidden ones too), the
/// listing every conversion but the hidden ones.
/// (id, created_at, from (currency, cents), to (currency, cents)).
type Conversion = (String, String, (&'static str, i64), (&'static str, i64));

#[derive(Default)]
struct Books {
    history: Vec<Conversion>,
    hidden: Vec<String>,
    /// Answer the transactions listing 500.
    down: bool,
}

fn cents(v: i64) -> String {
    format!(
        "{}{}.{:02}",
        if v < 0 { "-" } else { "" },
        v.abs() / 100,
        v.abs() % 100
    )
}

impl Books {
    fn balance(&self, currency: &str) -> i64 {
        let opening = if currency == "CAD" { 100_000 } else { 50_000 };
        self.history.iter().fold(opening, |sum, (_, _, from, to)| {
            sum - if from.0 == currency { from.1 } else { 0 }
                + if to.0 == currency { to.1 } else { 0 }
        })
    }

    fn convert(&mut self, at: &str, cad: i64, usd: i64) {
        let id = format!("conv-{}", self.history.len() + 1);
        self.history
            .push((id, at.to_owned(), ("CAD", cad), ("USD", usd)));
    }
}

fn server(books: Arc<Mutex<Books>>) -> Hostile {
    Hostile::serve(move |req| {
        let b = books.lock().unwrap();
        if req.path().ends_with("/balances") {
            let list: Vec<String> = ["CAD", "USD"]
                .iter()
                .map(|c| {
                    let v = cents(b.balance(c));
                    format!(r#"{{"currency":"{c}","available":"{v}","total":"{v}"}}"#)
                })
                .collect();
            return Reply::json(
                200,
                &format!(r#"{{"externalId":"u-1","balances":[{}]}}"#, list.join(",")),
            );
        }
        if b.down {
            return Reply::json(
                500,
                r#"{"error":"internal_error","message":"down","requestId":"r"}"#,
            );
        }
        let items: Vec<String> = b
            .history
            .iter()
            .rev()
            .filter(|(id, ..)| !b.hidden.contains(id))
            .map(|(id, at, from, to)| {
                format!(
                    r#"{{"conversionId":"{id}","createdAt":"{at}","type":"conversion","from":{{"currency":"{}","amount":"{}"}},"to":{{"currency":"{}","amount":"{}"}}}}"#,
                    from.0,
                    cents(from.1),
                    to.0,
                    cents(to.1)
                )
            })
            .collect();
        Reply::json(
            200,
            &format!(
                r#"{{"externalId":"u-1","nextCursor":null,"items":[{}]}}"#,
                items.join(",")
            ),
        )
    })
}

fn sync_at(home: &Path, srv: &Hostile, target: &Target, now: &str) -> Run {
    run(hostile::boca(home, srv).env("BALANCES_NOW", now).args([
        "sync",
        "--db",
        &target.arg(),
        "-o",
        "json",
    ]))
}

fn reconcile(home: &Path, target: &Target, args: &[&str]) -> Run {
    run(hostile::balances(home)
        .args(["reconcile", "--db", &target.arg(), "-o", "json"])
        .args(args))
}

/// Two syncs with conversions before, between and after them: every row `ok`,
/// with the conversions between them as the flows; then one conversion hidden
/// from the listing (its balance still counts it): the rows of its two
/// currencies are mismatches of exactly its legs, exit 11, named on stderr.
#[test]
fn transactions_account_for_every_change_and_a_hidden_one_shows() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let books = Arc::new(Mutex::new(Books::default()));
        let srv = server(books.clone());
        books
            .lock()
            .unwrap()
            .convert("2026-12-07T11:59:00Z", 1_000, 740);
        let r = sync_at(home.path(), &srv, &target, "2026-12-07T12:00:00Z");
        assert_eq!(r.code, 0, "{}", show(&r));
        books
            .lock()
            .unwrap()
            .convert("2026-12-07T12:00:20Z", 2_550, 1_870);
        books.lock().unwrap().convert("2026-12-07T12:00:40Z", 12, 9);
        let r = sync_at(home.path(), &srv, &target, "2026-12-07T12:01:00Z");
        assert_eq!(r.code, 0, "{}", show(&r));
        let r = reconcile(home.path(), &target, &[]);
        assert_eq!(r.code, 0, "{}", show(&r));
        let rows = r.json();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 2);
        let cad = &rows[0];
        assert_eq!(cad["currency"], "CAD");
        assert_eq!(cad["opening"], "990.00");
        assert_eq!(cad["outflow"], "25.62");
        assert_eq!(cad["transactions"], 2);
        assert_eq!(cad["closing"], "964.38");
        assert_eq!(cad["difference"], "0.00");
        assert_eq!(cad["status"], "ok");
        assert_eq!(cad["note"], serde_json::Value::Null);
        let keys: Vec<&str> = cad
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "provider",
                "profile",
                "subject",
                "account_id",
                "currency",
                "basis",
                "opening",
                "opening_as_of",
                "inflow",
                "outflow",
                "fees",
                "transactions",
                "expected",
                "closing",
                "closing_as_of",
                "difference",
                "status",
                "note"
            ]
        );
        assert_eq!(rows[1]["inflow"], "18.79");

        // A third run whose listing leaves one conversion out.
        {
            let mut b = books.lock().unwrap();
            b.convert("2026-12-07T12:01:30Z", 10_000, 7_300);
            b.hidden.push("conv-4".into());
        }
        let r = sync_at(home.path(), &srv, &target, "2026-12-07T12:02:00Z");
        assert_eq!(r.code, 0, "{}", show(&r));
        let r = reconcile(home.path(), &target, &["--each"]);
        assert_eq!(r.code, 11, "{}", show(&r));
        let rows = r.json();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 4, "two windows, two currencies");
        let last = |c: &str| rows.iter().rfind(|r| r["currency"] == c).unwrap();
        assert_eq!(last("CAD")["status"], "mismatch");
        assert_eq!(last("CAD")["difference"], "-100.00");
        assert_eq!(last("USD")["difference"], "73.00");
        assert_eq!(last("USD")["opening_as_of"], "2026-12-07T12:01:00Z");
        let first = rows.iter().find(|r| r["currency"] == "CAD").unwrap();
        assert_eq!(first["status"], "ok", "the window before is still ok");
        let named: Vec<&str> = r
            .stderr
            .lines()
            .filter(|l| l.contains("\"mismatch\""))
            .collect();
        assert_eq!(named.len(), 2, "{}", show(&r));
        // Text on stderr without JSON.
        let r = run(hostile::balances(home.path()).args([
            "reconcile",
            "--db",
            &target.arg(),
            "-o",
            "csv",
        ]));
        assert_eq!(r.code, 11);
        assert!(
            r.stderr.contains("balances: mismatch: boca u-1 CAD: from 2026-12-07T12:00:00Z to 2026-12-07T12:02:00Z"),
            "{}",
            show(&r)
        );
        assert!(
            r.stdout
                .starts_with("provider,profile,subject,account_id,currency,basis,opening,")
        );
    }
}

/// A transactions listing that failed in the run of the closing snapshot:
/// the ledger cannot vouch for that window (`incomplete`, exit 0, no figure
/// printed), until a later run reads it completely.
#[test]
fn a_failed_listing_in_the_closing_run_is_incomplete() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let books = Arc::new(Mutex::new(Books::default()));
        let srv = server(books.clone());
        books
            .lock()
            .unwrap()
            .convert("2026-12-07T11:59:00Z", 1_000, 740);
        assert_eq!(
            sync_at(home.path(), &srv, &target, "2026-12-07T12:00:00Z").code,
            0
        );
        books
            .lock()
            .unwrap()
            .convert("2026-12-07T12:00:20Z", 500, 365);
        books.lock().unwrap().down = true;
        let r = sync_at(home.path(), &srv, &target, "2026-12-07T12:01:00Z");
        assert_eq!(r.code, 69, "{}", show(&r));
        let r = reconcile(home.path(), &target, &[]);
        assert_eq!(r.code, 0, "{}", show(&r));
        for row in r.json().as_array().unwrap() {
            assert_eq!(row["status"], "incomplete", "{row}");
            assert!(
                row["note"]
                    .as_str()
                    .unwrap()
                    .contains("complete only up to 2026-12-07T12:00:00Z")
            );
            assert_eq!(row["expected"], serde_json::Value::Null);
            assert_eq!(
                row["closing"],
                if row["currency"] == "CAD" {
                    "985.00"
                } else {
                    "511.05"
                }
            );
        }
        books.lock().unwrap().down = false;
        assert_eq!(
            sync_at(home.path(), &srv, &target, "2026-12-07T12:02:00Z").code,
            0
        );
        let r = reconcile(home.path(), &target, &["--until", "2026-12-07T12:01:00Z"]);
        assert_eq!(r.code, 0, "{}", show(&r));
        assert!(
            r.json()
                .as_array()
                .unwrap()
                .iter()
                .all(|row| row["status"] == "ok"),
            "{}",
            show(&r)
        );
    }
}

/// P100 publishes no history: its rows are `unreconcilable`, saying why.
/// A ledger that is not there is 66; one from a newer balances 78.
#[test]
fn p100_is_unreconcilable_and_a_missing_ledger_is_66() {
    let home = TempDir::new().unwrap();
    let conf = home.path().join("config/balances");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::write(
        conf.join("config.toml"),
        "[profiles.default.p100]\nusers = [\"p-1\"]\n",
    )
    .unwrap();
    let srv = Hostile::serve(|_| {
        Reply::json(
            200,
            r#"{"fiatBalances":[{"id":"f1","amount":"12.50","name":"eur","rate":1,"status":"ACTIVE"}],"cryptoBalances":[]}"#,
        )
    });
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        for now in ["2026-12-07T12:00:00Z", "2026-12-07T12:01:00Z"] {
            let r = run(hostile::p100(home.path(), &srv)
                .env("BALANCES_NOW", now)
                .args(["sync", "--db", &target.arg()]));
            assert_eq!(r.code, 0, "{}", show(&r));
        }
        let r = reconcile(home.path(), &target, &[]);
        assert_eq!(r.code, 0, "{}", show(&r));
        let row = &r.json()[0];
        assert_eq!(row["status"], "unreconcilable");
        assert_eq!(row["basis"], "available");
        assert_eq!(row["note"], "P100 publishes no transaction history");
        assert_eq!(row["opening"], "12.50");
    }
    let r = reconcile(
        home.path(),
        &Target::Sqlite(dir.path().join("nothing.db")),
        &[],
    );
    assert_eq!(r.code, 66, "{}", show(&r));
    assert!(
        !dir.path().join("nothing.db").exists(),
        "reconcile creates nothing"
    );
    let newer = Target::Sqlite(dir.path().join("newer.db"));
    newer.exec("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);");
    assert_eq!(reconcile(home.path(), &newer, &[]).code, 78);
}

/// The README's tour: two syncs of the sandbox a minute apart, every row
/// `ok` (P100 `unreconcilable`); then a transaction the sandbox hides from
/// its listing: `mismatch`, exit 11.
#[test]
fn the_readme_tour_reconciles_the_sandbox() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("l.db");
    let db = db.to_str().unwrap();
    let sandbox = |now: &str| {
        let mut cmd = hostile::balances(home.path());
        cmd.env("BALANCES_NOW", now).arg("--sandbox");
        cmd
    };
    assert_eq!(
        run(sandbox("2026-12-07T12:00:00Z").args(["sync", "--db", db])).code,
        0
    );
    assert_eq!(
        run(sandbox("2026-12-07T12:01:00Z").args(["sync", "--db", db])).code,
        0
    );
    let r = run(hostile::balances(home.path()).args(["reconcile", "--db", db, "-o", "json"]));
    assert_eq!(r.code, 0, "{}", show(&r));
    let rows = r.json();
    let rows = rows.as_array().unwrap();
    for row in rows {
        let want = if row["provider"] == "p100" {
            "unreconcilable"
        } else {
            "ok"
        };
        assert_eq!(row["status"], want, "{row}");
    }
    let moved = rows
        .iter()
        .filter(|r| r["transactions"].as_u64().unwrap_or(0) > 0)
        .count();
    assert!(moved >= 3, "living balances moved: {moved}");
    // The newest transaction of the living Boca user, hidden from the next sync.
    let r = run(sandbox("2026-12-07T12:02:00Z").args([
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
    let r = run(sandbox("2026-12-07T12:02:00Z")
        .env("BALANCES_SANDBOX_HIDE_TRANSACTION", &id)
        .args(["sync", "--db", db]));
    assert_eq!(r.code, 0, "{}", show(&r));
    let r = run(hostile::balances(home.path()).args([
        "reconcile",
        "--db",
        db,
        "--provider",
        "boca",
        "-o",
        "ndjson",
    ]));
    assert_eq!(r.code, 11, "{}", show(&r));
    let mismatched: Vec<serde_json::Value> = r
        .ndjson()
        .into_iter()
        .filter(|row| row["status"] == "mismatch")
        .collect();
    assert_eq!(
        mismatched.len(),
        2,
        "the hidden conversion's two currencies: {}",
        show(&r)
    );
    assert!(mismatched.iter().all(|row| row["subject"] == "user-00001"));
}
