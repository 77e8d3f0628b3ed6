//! `balances sync --db`: the ledger holds every transaction exactly once,
//! whatever moment a run is killed at, and a snapshot of every completed run.
//!
//! Every test runs against SQLite; those that take a [`Target`] run against
//! PostgreSQL too when `BALANCES_TEST_POSTGRES` names a server (CI starts
//! one and sets `BALANCES_REQUIRE_POSTGRES=1`, so there it cannot be skipped).

use crate::hostile::{self, Hostile, Reply, show};
use crate::support::{Run, run};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tempfile::TempDir;

const BOCA_BALANCES: &str = r#"{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","balances":[{"currency":"CAD","available":"1250.00","total":"1250.00"},{"currency":"ETH","available":"1000000000000.000000000000000000","total":"1000000000000.000000000000000000"}]}"#;

/// Items per page the test server sends (Boca lets the server choose fewer than `limit`).
const PAGE: usize = 7;

/// Transaction `k` (1 is the oldest): two per second, so pages end inside ties.
fn tx(k: usize) -> String {
    let secs = 1_767_225_600 + (k / 2) as i64; // 2026-01-01T00:00:00Z onwards
    let t = time::OffsetDateTime::from_unix_timestamp(secs).unwrap();
    let at = t
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    format!(
        r#"{{"conversionId":"tx-{k}","createdAt":"{at}","type":"conversion","from":{{"currency":"CAD","amount":"10.{k:02}"}},"to":{{"currency":"BTC","amount":"0.000000000000000{k}"}},"rate":"85000.00"}}"#
    )
}

/// A Boca server whose history (`len` transactions, newest first, in pages
/// of [`PAGE`] behind offset cursors) grows when the test says so.
struct Growing {
    srv: Hostile,
    len: Arc<AtomicUsize>,
    /// Requests with a cursor to refuse (400, as for an expired cursor) from now on.
    refuse_cursors: Arc<AtomicUsize>,
}

impl Growing {
    fn new(len: usize, delay: Duration) -> Growing {
        Growing::paged(len, delay, PAGE)
    }

    /// The same with `page` items a page.
    fn paged(len: usize, delay: Duration, page: usize) -> Growing {
        let n = Arc::new(AtomicUsize::new(len));
        let seen = n.clone();
        let refuse = Arc::new(AtomicUsize::new(0));
        let refusing = refuse.clone();
        // Long histories are read many times over by the backfill tests.
        let srv = Hostile::serve_capped(100_000, move |req| {
            let stale = req.query("cursor").is_some()
                && refusing
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
            let reply = if stale {
                Reply::json(
                    400,
                    r#"{"error":"invalid_cursor","message":"cursor expired","requestId":"r"}"#,
                )
            } else if req.path().ends_with("/transactions") {
                let len = seen.load(Ordering::SeqCst);
                let from: usize = req
                    .query("cursor")
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0);
                let items: Vec<String> =
                    (from..len.min(from + page)).map(|i| tx(len - i)).collect();
                let next = if from + page < len {
                    format!("\"{}\"", from + page)
                } else {
                    "null".to_owned()
                };
                Reply::json(
                    200,
                    &format!(
                        r#"{{"externalId":"u-1","userId":"550e8400-e29b-41d4-a716-446655440000","nextCursor":{next},"items":[{}]}}"#,
                        items.join(",")
                    ),
                )
            } else if req.path().ends_with("/balances") {
                Reply::json(200, BOCA_BALANCES)
            } else {
                Reply::json(
                    404,
                    r#"{"error":"not_found","message":"no such route","requestId":"r"}"#,
                )
            };
            reply.after(delay)
        });
        Growing {
            srv,
            len: n,
            refuse_cursors: refuse,
        }
    }

    fn grow(&self, by: usize) {
        self.len.fetch_add(by, Ordering::SeqCst);
    }

    fn len(&self) -> usize {
        self.len.load(Ordering::SeqCst)
    }
}

/// Where a test's ledger is.
pub(crate) enum Target {
    Sqlite(PathBuf),
    Postgres { url: String, schema: String },
}

impl Target {
    pub(crate) fn arg(&self) -> String {
        match self {
            Target::Sqlite(p) => p.display().to_string(),
            Target::Postgres { url, schema } => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}options=-c%20search_path%3D{schema}")
            }
        }
    }

    /// The rows of one query, every column as text.
    pub(crate) fn query(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match self {
            Target::Sqlite(p) => {
                let c = rusqlite::Connection::open(p).unwrap();
                let mut stmt = c.prepare(sql).unwrap();
                let cols = stmt.column_count();
                stmt.query_map([], |r| {
                    (0..cols)
                        .map(|i| {
                            Ok(match r.get_ref(i)? {
                                rusqlite::types::ValueRef::Null => None,
                                rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
                                rusqlite::types::ValueRef::Text(t) => {
                                    Some(String::from_utf8_lossy(t).into_owned())
                                }
                                other => Some(format!("{other:?}")),
                            })
                        })
                        .collect()
                })
                .unwrap()
                .map(Result::unwrap)
                .collect()
            }
            Target::Postgres { url, schema } => pg(url, |c| async move {
                c.batch_execute(&format!("SET search_path = {schema}"))
                    .await
                    .unwrap();
                // The simple protocol returns every value as text.
                let msgs = c.simple_query(sql).await.unwrap();
                msgs.into_iter()
                    .filter_map(|m| match m {
                        tokio_postgres::SimpleQueryMessage::Row(r) => {
                            Some((0..r.len()).map(|i| r.get(i).map(str::to_owned)).collect())
                        }
                        _ => None,
                    })
                    .collect()
            }),
        }
    }

    /// Run a statement.
    pub(crate) fn exec(&self, sql: &str) {
        match self {
            Target::Sqlite(p) => {
                rusqlite::Connection::open(p)
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
            Target::Postgres { url, schema } => {
                let sql = format!("SET search_path = {schema}; {sql}");
                pg(url, |c| async move { c.batch_execute(&sql).await.unwrap() });
            }
        }
    }

    pub(crate) fn count(&self, sql: &str) -> usize {
        self.query(sql)[0][0].as_deref().unwrap().parse().unwrap()
    }

    /// [`Target::count`] while another process may still be creating the
    /// ledger: `None` until the table is there.
    pub(crate) fn try_count(&self, sql: &str) -> Option<usize> {
        match self {
            Target::Sqlite(p) => rusqlite::Connection::open(p)
                .and_then(|c| c.query_row(sql, [], |r| r.get::<_, i64>(0)))
                .ok()
                .map(|n| n as usize),
            Target::Postgres { url, schema } => {
                let sql = format!("SET search_path = {schema}; {sql}");
                pg(url, |c| async move {
                    let msgs = c.simple_query(&sql).await.ok()?;
                    msgs.into_iter().find_map(|m| match m {
                        tokio_postgres::SimpleQueryMessage::Row(r) => r.get(0)?.parse().ok(),
                        _ => None,
                    })
                })
            }
        }
    }
}

/// Runs `f` with a connection to the test server.
fn pg<T, F, Fut>(url: &str, f: F) -> T
where
    F: FnOnce(tokio_postgres::Client) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("BALANCES_TEST_POSTGRES: cannot connect: {e}"));
        tokio::spawn(conn);
        f(client).await
    })
}

/// A SQLite ledger in `dir`, and a fresh PostgreSQL schema when a server is given.
pub(crate) fn targets(dir: &Path) -> Vec<Target> {
    let mut all = vec![Target::Sqlite(dir.join("ledger.db"))];
    match std::env::var("BALANCES_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t{}_{}", std::process::id(), fastrand::u64(..));
            let create = format!("CREATE SCHEMA {schema}");
            pg(
                &url,
                |c| async move { c.batch_execute(&create).await.unwrap() },
            );
            all.push(Target::Postgres { url, schema });
        }
        _ if std::env::var("BALANCES_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("BALANCES_REQUIRE_POSTGRES=1 but BALANCES_TEST_POSTGRES is not set")
        }
        _ => crate::support::skipped(
            "ledger: the PostgreSQL half (set BALANCES_TEST_POSTGRES=postgres://…; CI does)",
        ),
    }
    all
}

/// A home with a profile that lists Boca user `u-1`.
pub(crate) fn home_with_boca_user() -> TempDir {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("config/balances");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.default.boca]\nusers = [\"u-1\"]\n",
    )
    .unwrap();
    home
}

fn sync(home: &Path, srv: &Hostile, target: &Target) -> Run {
    run(hostile::boca(home, srv).args(["sync", "--db", &target.arg(), "-o", "json"]))
}

/// The same command as a plain process, to be killed.
fn spawn_sync(home: &Path, srv: &Hostile, target: &Target) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("BALANCES_KEYRING", "none")
        .env("BALANCES_BOCA_BASE_URL", srv.base_url())
        .env("BALANCES_BOCA_API_KEY", "hostile-boca-key")
        .env("BALANCES_BOCA_API_SECRET", "hostile-boca-secret")
        .args(["sync", "--db", &target.arg(), "-o", "json"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Every transaction of the history is in the ledger exactly once, digits intact.
fn assert_exactly_once(target: &Target, history: usize) {
    let rows = target.query("SELECT id, from_amount, to_amount FROM transactions ORDER BY id");
    let ids: Vec<String> = rows.iter().map(|r| r[0].clone().unwrap()).collect();
    let stored: std::collections::BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let want: Vec<String> = (1..=history).map(|k| format!("tx-{k}")).collect();
    let missing: Vec<&String> = want
        .iter()
        .filter(|id| !stored.contains(id.as_str()))
        .collect();
    assert!(missing.is_empty(), "missing from the ledger: {missing:?}");
    assert_eq!(ids.len(), stored.len(), "a transaction stored twice");
    assert_eq!(ids.len(), history, "transactions the history never had");
    for r in &rows {
        let k: usize = r[0].as_deref().unwrap()[3..].parse().unwrap();
        assert_eq!(r[1].as_deref(), Some(format!("10.{k:02}").as_str()));
        assert_eq!(
            r[2].as_deref(),
            Some(format!("0.000000000000000{k}").as_str())
        );
    }
}

/// Every run that finished has its whole snapshot; no snapshot is partial.
fn assert_snapshots(target: &Target, completed: usize) {
    let finished = target.count("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL");
    assert!(
        finished >= completed,
        "{finished} runs recorded as finished, {completed} exited 0"
    );
    let without = target.count(
        "SELECT count(*) FROM runs r WHERE r.finished_at IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM balances b WHERE b.run_id = r.run_id)",
    );
    assert_eq!(without, 0, "a finished run without its snapshot");
    let partial = target.count(
        "SELECT count(*) FROM (SELECT run_id FROM balances GROUP BY run_id HAVING count(*) <> 2) p",
    );
    assert_eq!(partial, 0, "a snapshot with some of its balances");
}

#[test]
fn killed_at_any_moment_the_ledger_holds_every_transaction_once() {
    let runs: usize = std::env::var("BALANCES_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let srv = Growing::new(3, Duration::from_millis(2));
        // How long a whole run takes here, so kills land anywhere in one.
        let started = std::time::Instant::now();
        let first = sync(home.path(), &srv.srv, &target);
        assert_eq!(first.code, 0, "{}", show(&first));
        let span = started.elapsed().as_micros().max(1000) as u64 * 2;
        let mut completed = 1;
        for _ in 0..runs {
            srv.grow(fastrand::usize(0..12));
            let mut child = spawn_sync(home.path(), &srv.srv, &target);
            std::thread::sleep(Duration::from_micros(fastrand::u64(0..span)));
            let _ = child.kill(); // SIGKILL: no destructor, no flush, no rollback by us
            let status = child.wait().unwrap();
            if status.success() {
                completed += 1;
            }
        }
        eprintln!(
            "crash test: {completed} of {} runs completed before the kill",
            runs + 1
        );
        srv.grow(5);
        let last = sync(home.path(), &srv.srv, &target);
        assert_eq!(last.code, 0, "{}", show(&last));
        assert_exactly_once(&target, srv.len());
        assert_snapshots(&target, completed + 1);
        // Nothing new since: a further run stores a snapshot and no transaction.
        let again = sync(home.path(), &srv.srv, &target);
        assert_eq!(again.code, 0, "{}", show(&again));
        let listings = &again.json()[0]["listings"];
        assert_eq!(listings[1]["listing"], "transactions");
        assert_eq!(listings[1]["rows"], 0, "{}", show(&again));
        assert_eq!(listings[0]["rows"], 2);
    }
}

/// A first sync of a long history (a backfill) commits its rows a batch at
/// a time, each with a checkpoint: killed at any moment, the next run goes
/// on from the last checkpoint, and in the end every transaction is there
/// once. The listing's position appears only when a backfill reaches the end.
#[test]
fn a_backfill_killed_at_any_moment_goes_on_and_stores_every_transaction_once() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    let srv = Growing::paged(12_000, Duration::from_micros(500), 100);
    // How long a whole first sync takes here (into a scratch ledger), so
    // that kills land anywhere in one: before, between and inside batches.
    let started = std::time::Instant::now();
    let scratch = Target::Sqlite(dir.path().join("scratch.db"));
    let whole = sync(home.path(), &srv.srv, &scratch);
    assert_eq!(whole.code, 0, "{}", show(&whole));
    let span = started.elapsed().as_millis() as u64 + 50;
    let mut checkpoints_seen = 0;
    // Episodes, each a first sync into a new ledger, killed until it ends.
    for episode in 0..4 {
        let folder = dir.path().join(format!("episode-{episode}"));
        std::fs::create_dir(&folder).unwrap();
        for target in targets(&folder) {
            for round in 0..8 {
                let mut child = spawn_sync(home.path(), &srv.srv, &target);
                std::thread::sleep(Duration::from_millis(fastrand::u64(10..span)));
                let _ = child.kill();
                let _ = child.wait();
                let Some(checkpoints) = target.try_count("SELECT count(*) FROM backfills") else {
                    continue; // killed before the ledger was set up
                };
                if checkpoints > 0 {
                    checkpoints_seen += 1;
                    let positions = target.count("SELECT count(*) FROM positions");
                    assert_eq!(
                        positions, 0,
                        "round {round}: a position before the backfill ended"
                    );
                    // A backfill's rows wait beside the ledger until it ends.
                    let staged = target.count("SELECT count(*) FROM backfill_rows");
                    let counted = target.count("SELECT sum(rows) FROM backfills");
                    assert!(
                        staged >= 5_000 && staged == counted,
                        "round {round}: a checkpoint without its rows ({staged} staged, {counted} counted)"
                    );
                }
                if round % 3 == 2 {
                    srv.grow(fastrand::usize(0..30));
                }
            }
            let last = sync(home.path(), &srv.srv, &target);
            assert_eq!(last.code, 0, "{}", show(&last));
            assert_exactly_once(&target, srv.len());
            assert_eq!(target.count("SELECT count(*) FROM backfills"), 0);
            assert_eq!(target.count("SELECT count(*) FROM positions"), 1);
            let again = sync(home.path(), &srv.srv, &target);
            assert_eq!(
                again.json()[0]["listings"][1]["rows"],
                0,
                "{}",
                show(&again)
            );
        }
    }
    eprintln!("backfill crash test: {checkpoints_seen} kills left a checkpoint to go on from");
    assert!(checkpoints_seen > 0, "no kill landed after a checkpoint");
}

/// A backfill killed after its first checkpoint: the next run asks for the
/// pages after it, not the whole history again, and stores each transaction once.
#[test]
fn a_resumed_backfill_asks_for_less_than_the_whole_history() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let pages = 120;
        let srv = Growing::paged(pages * 100, Duration::from_millis(3), 100);
        let mut child = spawn_sync(home.path(), &srv.srv, &target);
        let waited = std::time::Instant::now();
        while target
            .try_count("SELECT count(*) FROM backfills")
            .unwrap_or(0)
            == 0
        {
            assert!(waited.elapsed() < Duration::from_secs(60), "no checkpoint");
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(target.count("SELECT count(*) FROM positions"), 0);
        assert!(target.count("SELECT count(*) FROM backfill_rows") >= 5_000);
        let before = srv.srv.request_count();
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 0, "{}", show(&r));
        let asked = srv.srv.request_count() - before;
        // The balances, the pages after the checkpoint, and one page of the
        // read from the top that finds nothing new.
        assert!(
            asked < pages,
            "{asked} requests: the whole history ({pages} pages) was read again"
        );
        assert_exactly_once(&target, srv.len());
        assert_eq!(target.count("SELECT count(*) FROM backfill_rows"), 0);
    }
}

/// A sync asks for the next page while it stores the current one, and for
/// each page once: never one after the end, never one twice.
#[test]
fn a_sync_asks_for_each_page_once() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    let target = Target::Sqlite(dir.path().join("l.db"));
    let srv = Growing::paged(1_250, Duration::ZERO, 100);
    let r = sync(home.path(), &srv.srv, &target);
    assert_eq!(r.code, 0, "{}", show(&r));
    let cursors: Vec<Option<String>> = srv
        .srv
        .requests()
        .iter()
        .filter(|q| q.path().ends_with("/transactions"))
        .map(|q| q.query("cursor"))
        .collect();
    let expected: Vec<Option<String>> = std::iter::once(None)
        .chain((1..13).map(|p| Some((p * 100).to_string())))
        .collect();
    assert_eq!(cursors, expected);
    assert_exactly_once(&target, 1_250);
}

/// A checkpoint whose cursor the provider no longer takes (400, an expired
/// cursor): the run reads the listing from its position instead, and every
/// transaction is stored once; a cron job is not stuck on it.
#[test]
fn a_checkpoint_the_provider_refuses_is_read_again_from_the_position() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    let target = Target::Sqlite(dir.path().join("l.db"));
    let srv = Growing::paged(12_000, Duration::from_millis(2), 100);
    let mut child = spawn_sync(home.path(), &srv.srv, &target);
    while target
        .try_count("SELECT count(*) FROM backfills")
        .unwrap_or(0)
        == 0
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    srv.refuse_cursors.store(1, Ordering::SeqCst);
    let r = sync(home.path(), &srv.srv, &target);
    assert_eq!(r.code, 0, "{}", show(&r));
    assert!(
        r.stderr.contains("refused the stored checkpoint"),
        "{}",
        show(&r)
    );
    assert_exactly_once(&target, 12_000);
    assert_eq!(target.count("SELECT count(*) FROM backfills"), 0);
}

#[test]
fn two_overlapping_runs_both_succeed_and_store_nothing_twice() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        // Slow pages: the two runs read the same history at the same time.
        let srv = Growing::new(60, Duration::from_millis(15));
        let a = spawn_sync(home.path(), &srv.srv, &target);
        let b = spawn_sync(home.path(), &srv.srv, &target);
        for child in [a, b] {
            let done = child.wait_with_output().unwrap();
            assert!(
                done.status.success(),
                "an overlapping run failed ({:?}, {}): {}",
                done.status,
                target.arg(),
                String::from_utf8_lossy(&done.stderr)
            );
        }
        assert_exactly_once(&target, 60);
        assert_snapshots(&target, 2);
        srv.grow(9);
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 0, "{}", show(&r));
        assert_eq!(r.json()[0]["listings"][1]["rows"], 9, "{}", show(&r));
        assert_exactly_once(&target, 69);
    }
}

#[test]
fn amounts_are_text_with_every_digit() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let srv = Growing::new(2, Duration::ZERO);
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 0, "{}", show(&r));
        let rows =
            target.query("SELECT currency, available, total FROM balances ORDER BY currency");
        assert_eq!(
            rows[1][1].as_deref(),
            Some("1000000000000.000000000000000000")
        );
        if let Target::Sqlite(_) = target {
            let kinds = target.query("SELECT DISTINCT typeof(available) FROM balances");
            assert_eq!(kinds, vec![vec![Some("text".to_owned())]]);
        }
    }
}

#[test]
fn a_failing_provider_leaves_its_rows_and_position_and_sets_the_exit_code() {
    let home = home_with_boca_user();
    let dir = home.path().join("config/balances");
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.default.boca]\nusers = [\"u-1\"]\n[profiles.default.p100]\nusers = [\"p-1\"]\n",
    )
    .unwrap();
    let srv = Growing::new(10, Duration::ZERO);
    let p100 = Hostile::serve(|_| {
        Reply::json(
            404,
            r#"{"errorCode":"P412","errorName":"user-not-exist","errorMessage":"User not exist"}"#,
        )
    });
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("l.db"));
    let r = run(hostile::boca(home.path(), &srv.srv)
        .env("BALANCES_P100_BASE_URL", p100.base_url())
        .env("BALANCES_P100_API_KEY", "k")
        .args(["sync", "--db", &target.arg(), "-o", "json"]));
    assert_eq!(r.code, 66, "{}", show(&r));
    assert!(r.stderr.contains("p100"), "{}", show(&r));
    assert_exactly_once(&target, 10);
    assert_eq!(
        target.count("SELECT count(*) FROM balances WHERE provider = 'p100'"),
        0
    );
    assert_eq!(
        target.query("SELECT exit_code FROM runs"),
        vec![vec![Some("66".to_owned())]]
    );
}

#[test]
fn a_history_that_lost_items_stops_the_listing_and_keeps_its_position() {
    let home = home_with_boca_user();
    let db = TempDir::new().unwrap();
    for target in targets(db.path()) {
        let srv = Growing::new(10, Duration::ZERO);
        assert_eq!(sync(home.path(), &srv.srv, &target).code, 0);
        let before = target.query("SELECT mark FROM positions");
        srv.len.store(4, Ordering::SeqCst); // the newest six vanished
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 65, "{}", show(&r));
        assert_eq!(target.query("SELECT mark FROM positions"), before);
        // The statement the message gives starts the listing over, and only it.
        let message = r.stderr_json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        let sql = message.split("read it all again: ").nth(1).unwrap();
        target.exec(sql);
        assert_eq!(target.count("SELECT count(*) FROM positions"), 0, "{sql}");
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 0, "{}", show(&r));
        assert_eq!(target.count("SELECT count(*) FROM transactions"), 10);
    }
}

#[test]
fn a_closed_stdout_stops_the_report_not_the_sync() {
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("ledger.db"));
    let home = TempDir::new().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("balances"))
        .env_clear()
        .env("HOME", home.path())
        .env("BALANCES_KEYRING", "none")
        .args([
            "--sandbox",
            "sync",
            "--db",
            &target.arg(),
            "-o",
            "ndjson",
            "--concurrency",
            "1",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        use std::io::BufRead;
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut first).unwrap();
    } // like `| head -1`: the pipe closes here
    let status = child.wait().unwrap();
    assert!(first.contains("\"listing\""), "{first}");
    assert_eq!(status.code(), Some(0), "the ledger is complete");
    assert_eq!(
        target.query("SELECT exit_code FROM runs WHERE finished_at IS NOT NULL"),
        vec![vec![Some("0".to_owned())]]
    );
    let providers = target.query("SELECT DISTINCT provider FROM balances");
    assert_eq!(providers.len(), 4, "every provider synced: {providers:?}");
    assert!(target.count("SELECT count(*) FROM transactions WHERE provider = 'ibanera'") > 0);
}

#[test]
fn a_write_waiting_for_the_lock_does_not_stall_the_other_users_requests() {
    let home = home_with_boca_user();
    let dir = home.path().join("config/balances");
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.default.boca]\nusers = [\"u-fast\", \"u-slow\"]\n",
    )
    .unwrap();
    // The first request for u-fast tells the test to take the ledger's write
    // lock (the run has opened the ledger by then); its answer comes after.
    let (lock_now, take_lock) = std::sync::mpsc::channel::<()>();
    let lock_now = std::sync::Mutex::new(Some(lock_now));
    let srv = Hostile::serve(move |req| {
        let body = if req.path().ends_with("/transactions") {
            r#"{"externalId":"u","userId":"550e8400-e29b-41d4-a716-446655440000","nextCursor":null,"items":[]}"#
        } else {
            BOCA_BALANCES
        };
        let reply = Reply::json(200, body);
        if req.path().contains("u-slow") {
            reply.after(Duration::from_millis(2000))
        } else {
            if let Some(tx) = lock_now.lock().unwrap().take() {
                let _ = tx.send(());
            }
            reply.after(Duration::from_millis(300))
        }
    });
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("l.db"));
    let path = db.path().join("l.db");
    let holder = std::thread::spawn(move || {
        take_lock.recv().unwrap();
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
        std::thread::sleep(Duration::from_secs(4));
        c.execute_batch("COMMIT").unwrap();
    });
    // u-fast's rows wait for the lock (about 4 s); u-slow's answer (2 s)
    // must still be read within its 3 s timeout meanwhile.
    let r = run(hostile::boca(home.path(), &srv).args([
        "--timeout",
        "3",
        "--retries",
        "0",
        "sync",
        "--db",
        &target.arg(),
        "-o",
        "json",
    ]));
    holder.join().unwrap();
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(
        target.count("SELECT count(*) FROM balances WHERE subject = 'u-slow'"),
        2
    );
}

#[test]
fn ibanera_accounts_are_never_skipped_quietly() {
    let accounts = Arc::new(std::sync::Mutex::new(
        r#"[{"id":"A1","asset":"EUR","availableBalance":1.00,"totalBalance":1.00},{"id":"A2","asset":"USD","availableBalance":2,"totalBalance":2}]"#.to_owned(),
    ));
    let listed = accounts.clone();
    let envelope = |details: &str| {
        format!(
            r#"{{"status":"1","errors":[],"id":0,"details":{details},"pageSize":100,"pageNumber":1,"numberOfPages":1}}"#
        )
    };
    let srv = hostile::ibanera_server(move |req| {
        let body = match req.path() {
            p if p.ends_with("/accounts/balances") => envelope(&listed.lock().unwrap()),
            // A customer without cards: an empty list, not an error.
            p if p.ends_with("/cards/balances") || p.ends_with("/cards/transactions") => {
                r#"{"status":"1","errors":[],"id":0,"details":[],"pageSize":100,"pageNumber":1,"numberOfPages":0}"#.to_owned()
            }
            _ => envelope(&format!(
                r#"[{{"id":"t-{}","amount":-5.00,"currency":"EUR","transactionDate":"2026-01-02T00:00:00Z"}}]"#,
                req.query("AccountsId").unwrap_or_default()
            )),
        };
        Reply::json(200, &body)
    });
    let home = TempDir::new().unwrap();
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("l.db"));
    let go = || {
        run(hostile::ibanera(home.path(), &srv).args([
            "sync",
            "--db",
            &target.arg(),
            "--provider",
            "ibanera",
            "-o",
            "json",
        ]))
    };
    let r = go();
    assert_eq!(r.code, 0, "{}", show(&r));
    assert_eq!(target.count("SELECT count(*) FROM transactions"), 2);
    // A2 left the balance listing: its transactions are still read.
    *accounts.lock().unwrap() =
        r#"[{"id":"A1","asset":"EUR","availableBalance":1.00,"totalBalance":1.00}]"#.to_owned();
    let before = srv.requests().len();
    let r = go();
    assert_eq!(r.code, 0, "{}", show(&r));
    let asked: Vec<String> = srv.requests()[before..]
        .iter()
        .filter_map(|q| q.query("AccountsId"))
        .collect();
    assert!(asked.contains(&"A2".to_owned()), "{asked:?}");
    // An account without an id: its transactions cannot be asked for, so the run says so.
    *accounts.lock().unwrap() =
        r#"[{"asset":"GBP","availableBalance":3,"totalBalance":3}]"#.to_owned();
    let r = go();
    assert_eq!(r.code, 65, "{}", show(&r));
    assert!(r.stderr.contains("without an `id`"), "{}", show(&r));
}

#[test]
fn a_provider_without_users_does_not_stop_the_others() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("config/balances");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.default.boca]\nusers = []\n[profiles.default.p100]\nusers = [\"p-1\"]\n",
    )
    .unwrap();
    let p100 = Hostile::serve(|_| {
        Reply::json(
            200,
            r#"{"userId":"p-1","fiatBalances":[{"id":"f-1","amount":"5.00","name":"eur","rate":1,"status":"ACTIVE"}],"cryptoBalances":[]}"#,
        )
    });
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("l.db"));
    let r = run(hostile::p100(home.path(), &p100)
        .env("BALANCES_BOCA_BASE_URL", "http://example.com:99999")
        .args(["sync", "--db", &target.arg(), "-o", "json"]));
    assert_eq!(r.code, 78, "{}", show(&r));
    assert!(r.stderr.contains("no users listed"), "{}", show(&r));
    assert_eq!(
        target.count("SELECT count(*) FROM balances WHERE provider = 'p100'"),
        1,
        "{}",
        show(&r)
    );
}

#[test]
fn a_ledger_that_cannot_be_written_fails_before_any_request() {
    let home = home_with_boca_user();
    let srv = Growing::new(1, Duration::ZERO);
    let r = run(hostile::boca(home.path(), &srv.srv).args([
        "sync",
        "--db",
        "/nonexistent-dir/ledger.db",
    ]));
    assert_eq!(r.code, 74, "{}", show(&r));
    assert_eq!(srv.srv.request_count(), 0);
}

/// A ledger written by 0.2.0 (schema 1) is brought up to date by the next
/// run, in place: its rows and positions stay, the new tables appear.
#[test]
fn a_ledger_of_schema_1_is_migrated_and_keeps_its_rows() {
    let home = home_with_boca_user();
    let dir = TempDir::new().unwrap();
    for target in targets(dir.path()) {
        let srv = Growing::new(10, Duration::ZERO);
        let first = sync(home.path(), &srv.srv, &target);
        assert_eq!(first.code, 0, "{}", show(&first));
        // Back to what 0.2.0 left: its tables, rows and position, schema 1.
        target.exec(
            "DROP TABLE listings; DROP TABLE backfills; DROP TABLE backfill_rows; \
             ALTER TABLE balances DROP COLUMN list; \
             DROP INDEX balances_by_balance; UPDATE schema_version SET version = 1",
        );
        srv.grow(5);
        let r = sync(home.path(), &srv.srv, &target);
        assert_eq!(r.code, 0, "{}", show(&r));
        assert_eq!(r.json()[0]["listings"][1]["rows"], 5, "{}", show(&r));
        assert_eq!(target.count("SELECT max(version) FROM schema_version"), 2);
        assert_exactly_once(&target, 15);
        assert_eq!(
            target.count("SELECT count(*) FROM listings WHERE outcome = 'ok'"),
            2,
            "this run's two listings"
        );
    }
}

#[test]
fn a_ledger_from_a_newer_balances_is_refused() {
    let home = home_with_boca_user();
    let db = TempDir::new().unwrap();
    let path = db.path().join("l.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);")
        .unwrap();
    drop(c);
    let srv = Growing::new(1, Duration::ZERO);
    let r =
        run(hostile::boca(home.path(), &srv.srv).args(["sync", "--db", path.to_str().unwrap()]));
    assert_eq!(r.code, 78, "{}", show(&r));
    assert!(r.stderr.contains("schema version 99"), "{}", show(&r));
}

#[test]
fn sync_refuses_what_it_cannot_do() {
    let home = home_with_boca_user();
    let srv = Growing::new(1, Duration::ZERO);
    for (args, why) in [
        (
            &["--base-url", "http://127.0.0.1:9", "sync", "--db", "x.db"][..],
            "several",
        ),
        (&["--raw", "sync", "--db", "x.db"][..], "--raw"),
        (
            &["sync", "--db", "x.db", "-o", "openmetrics"][..],
            "openmetrics",
        ),
        (&["sync", "--db", "mysql://h/d"][..], "postgres://"),
    ] {
        let r = run(hostile::boca(home.path(), &srv.srv).args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", show(&r));
        assert!(r.stderr.contains(why), "{args:?}: {}", show(&r));
    }
    assert_eq!(srv.srv.request_count(), 0);
}

#[test]
fn the_sandbox_tour_syncs_then_stores_no_transaction_twice() {
    let db = TempDir::new().unwrap();
    let target = Target::Sqlite(db.path().join("ledger.db"));
    let home = TempDir::new().unwrap();
    // The same instant twice (the sandbox's histories live by the clock):
    // nothing new between the runs, so nothing stored twice or anew.
    let tour = |home: &Path| {
        run(hostile::balances(home)
            .env("BALANCES_NOW", "2026-12-07T12:00:00Z")
            .args(["--sandbox", "sync", "--db", &target.arg(), "-o", "ndjson"]))
    };
    let first = tour(home.path());
    assert_eq!(first.code, 0, "{}", show(&first));
    let stored = target.count("SELECT count(*) FROM transactions");
    let snapshots = target.count("SELECT count(*) FROM balances");
    assert!(stored > 0 && snapshots > 0);
    let second = tour(home.path());
    assert_eq!(second.code, 0, "{}", show(&second));
    for line in second.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["listing"].as_str().unwrap().ends_with("transactions") {
            assert_eq!(v["rows"], 0, "{line}");
        }
    }
    assert_eq!(target.count("SELECT count(*) FROM transactions"), stored);
    assert_eq!(target.count("SELECT count(*) FROM balances"), 2 * snapshots);
    let providers = target.query("SELECT DISTINCT provider FROM balances ORDER BY provider");
    assert_eq!(providers.len(), 4, "{providers:?}");
}

/// `sync -o json` prints one document a provider and subject (not every
/// unit's listings under the first one's).
#[test]
fn sync_json_has_one_document_a_unit() {
    let env = crate::support::TestEnv::new();
    let db = env.home.path().join("ledger.db");
    let r = crate::support::expect(
        env.cmd().args([
            "--sandbox",
            "-q",
            "sync",
            "--db",
            db.to_str().unwrap(),
            "-o",
            "json",
        ]),
        0,
    );
    let docs = r.json();
    let whose: Vec<(String, String)> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["provider"].to_string(), d["subject"].to_string()))
        .collect();
    let mut distinct = whose.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), whose.len(), "a unit twice: {whose:?}");
    for p in ["boca", "noah", "p100", "ibanera"] {
        assert!(
            whose.iter().any(|(q, _)| q == &format!("\"{p}\"")),
            "no {p} document: {whose:?}"
        );
    }
}
