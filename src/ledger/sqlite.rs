//! The ledger in a SQLite file (the bundled library: no system package).
//!
//! WAL mode, so readers (`sqlite3`, DuckDB, a dashboard) never block a sync
//! and a sync never blocks them; every write is `BEGIN IMMEDIATE`, so two
//! overlapping cron runs take turns, and the busy timeout makes the second
//! wait for the first rather than fail.

use super::{Batch, Row, Run, Then};
use crate::error::{Error, Kind, Result};
use crate::listing::key::ListingKey;
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params_from_iter};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a run waits for another to finish writing. A write holds the
/// lock for one listing's rows (milliseconds), so a minute means something is stuck.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The connection, used from blocking threads (`spawn_blocking`): a write
/// that waits out another run's lock must not stall this run's requests,
/// which are all polled by one task.
pub struct Sqlite(Arc<Mutex<Inner>>);

struct Inner {
    conn: Connection,
    name: String,
}

impl Sqlite {
    /// Open, set WAL and migrate, on a blocking thread (it may wait out
    /// another run's migration).
    pub async fn open(path: &Path) -> Result<Sqlite> {
        let path = path.to_path_buf();
        let inner = tokio::task::spawn_blocking(move || Inner::open(&path))
            .await
            .map_err(|e| Error::internal(format!("ledger thread: {e}")))??;
        Ok(Sqlite(Arc::new(Mutex::new(inner))))
    }

    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Inner) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let inner = self.0.clone();
        tokio::task::spawn_blocking(move || f(&mut inner.lock().unwrap_or_else(|p| p.into_inner())))
            .await
            .map_err(|e| Error::internal(format!("ledger thread: {e}")))?
    }

    pub async fn begin_run(&self, run: &Run) -> Result<()> {
        let run = run.clone();
        self.blocking(move |db| db.begin_run(&run)).await
    }

    pub async fn finish_run(&self, run: &Run, finished: &str, exit_code: u8) -> Result<()> {
        let (run, finished) = (run.clone(), finished.to_owned());
        self.blocking(move |db| db.finish_run(&run, &finished, exit_code))
            .await
    }

    /// The one text a statement selects for a listing (its position, its backfill).
    pub async fn select_text(&self, sql: &'static str, key: &ListingKey) -> Result<Option<String>> {
        let key = key.clone();
        self.blocking(move |db| {
            let f = |e| fail_of(&db.name, e);
            let mut stmt = db.conn.prepare_cached(sql).map_err(f)?;
            let mut rows = stmt
                .query(params_from_iter(key.position_params()))
                .map_err(f)?;
            match rows.next().map_err(f)? {
                Some(row) => row.get(0).map(Some).map_err(f),
                None => Ok(None),
            }
        })
        .await
    }

    pub async fn subjects(&self, params: [String; 4]) -> Result<Vec<String>> {
        self.blocking(move |db| {
            let f = |e| fail_of(&db.name, e);
            let mut stmt = db.conn.prepare_cached(super::SELECT_SUBJECTS).map_err(f)?;
            let rows = stmt
                .query_map(params_from_iter(params.iter()), |r| r.get(0))
                .map_err(f)?;
            rows.collect::<std::result::Result<Vec<String>, _>>()
                .map_err(f)
        })
        .await
    }

    pub async fn add_snapshot(&self, rows: Vec<Row>, listing: (Vec<String>, i64)) -> Result<u64> {
        self.blocking(move |db| {
            db.in_transaction(|tx| {
                let mut written = 0;
                let mut stmt = tx.prepare_cached(super::INSERT_BALANCE)?;
                for row in &rows {
                    written += stmt.execute(params_from_iter(row))? as u64;
                }
                record_listing(tx, &listing)?;
                Ok(written)
            })
        })
        .await
    }

    /// A batch of transactions, on a blocking thread: the next pages are
    /// asked for meanwhile, and no lock is held while they are.
    pub async fn write(&self, run: &Run, key: &ListingKey, batch: Batch) -> Result<u64> {
        let (run, key) = (run.clone(), key.clone());
        self.blocking(move |db| db.write(&run, &key, batch)).await
    }

    pub async fn record_listing(&self, listing: (Vec<String>, i64)) -> Result<()> {
        self.blocking(move |db| db.in_transaction(|tx| record_listing(tx, &listing)))
            .await
    }
}

/// The listing's outcome, in the open transaction.
fn record_listing(
    tx: &rusqlite::Transaction<'_>,
    (text, rows): &(Vec<String>, i64),
) -> rusqlite::Result<()> {
    let mut params: Vec<&dyn rusqlite::ToSql> = text.iter().map(|t| t as _).collect();
    params.push(rows);
    tx.execute(super::UPSERT_LISTING, params.as_slice())
        .map(drop)
}

impl Inner {
    fn open(path: &Path) -> Result<Inner> {
        let name = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| {
            Error::new(
                Kind::Io,
                format!(
                    "cannot open the ledger {name}: {}",
                    crate::text::quote(&e.to_string())
                ),
            )
            .with_cause(e)
        })?;
        let mut db = Inner { conn, name };
        db.conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db.fail(e))?;
        // Runs that start together on a new file race to turn it to WAL and
        // create the schema, and SQLite answers some of those races at once
        // (a busy it will not wait on, or a journal-mode switch it could not
        // make, reported by returning the old mode): try again, for as long
        // as any other lock wait may last.
        let started = std::time::Instant::now();
        loop {
            match db.set_up() {
                Ok(()) => break,
                Err(SetUp::Contended(e)) if started.elapsed() < BUSY_TIMEOUT => {
                    tracing::debug!("ledger {}: set-up contended ({e}), again", db.name);
                    std::thread::sleep(Duration::from_millis(fastrand::u64(5..50)));
                }
                Err(SetUp::Contended(e) | SetUp::Failed(e)) => return Err(e),
            }
        }
        Ok(db)
    }

    /// WAL, durable commits, and the schema.
    fn set_up(&mut self) -> std::result::Result<(), SetUp> {
        let contended = |e: Error| {
            if e.kind == Kind::Timeout {
                SetUp::Contended(e)
            } else {
                SetUp::Failed(e)
            }
        };
        // WAL survives in the file; asking again is cheap. `synchronous
        // = FULL` makes a commit durable once it returns, even in WAL.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| contended(self.fail(e)))?;
        if !mode.eq_ignore_ascii_case("wal") {
            let e = Error::new(
                Kind::Io,
                format!(
                    "the ledger {} cannot use WAL mode (it is in {mode} mode)",
                    self.name
                ),
            );
            // Still in the mode a new file starts in: another run held it.
            return Err(if mode.eq_ignore_ascii_case("delete") {
                SetUp::Contended(e)
            } else {
                SetUp::Failed(e)
            });
        }
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|e| contended(self.fail(e)))?;
        self.migrate().map_err(contended)
    }

    fn fail(&self, e: rusqlite::Error) -> Error {
        fail_of(&self.name, e)
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail_of(&self.name, e))?;
        let has_table: bool = tx
            .query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| fail_of(&self.name, e))?;
        let found: i64 = if has_table {
            tx.query_row("SELECT max(version) FROM schema_version", [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .map_err(|e| fail_of(&self.name, e))?
            .unwrap_or(0)
        } else {
            0
        };
        if found > super::schema_version() {
            return Err(super::too_new(&self.name, found));
        }
        if found == super::schema_version() {
            return Ok(()); // dropping `tx` rolls back the empty transaction
        }
        for (i, step) in super::MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.execute_batch(step).map_err(|e| fail_of(&self.name, e))?;
            tx.execute("DELETE FROM schema_version", [])
                .and_then(|_| {
                    tx.execute(
                        "INSERT INTO schema_version (version) VALUES (?1)",
                        [i as i64 + 1],
                    )
                })
                .map_err(|e| fail_of(&self.name, e))?;
        }
        tx.commit().map_err(|e| fail_of(&self.name, e))
    }

    fn begin_run(&mut self, run: &Run) -> Result<()> {
        let db = self;
        {
            db.conn
                .execute(super::INSERT_RUN, [&run.id, &run.profile, &run.started_at])
                .map(drop)
                .map_err(|e| db.fail(e))
        }
    }

    fn finish_run(&mut self, run: &Run, finished: &str, exit_code: u8) -> Result<()> {
        let db = self;
        {
            db.conn
                .execute(
                    "UPDATE runs SET finished_at = ?1, exit_code = ?2 WHERE run_id = ?3",
                    rusqlite::params![finished, exit_code, run.id],
                )
                .map(drop)
                .map_err(|e| db.fail(e))
        }
    }

    /// `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken
    /// before anything is read, so no other run moves a position between
    /// this one's read and its write.
    fn in_transaction<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let name = self.name.clone();
        let f = |e| fail_of(&name, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(f)?;
        let done = work(&tx).map_err(f)?;
        tx.commit().map_err(f)?;
        Ok(done)
    }

    /// One batch: rows into `transactions`, or while a backfill is under
    /// way into `backfill_rows`, which its last batch moves over in order.
    fn write(&mut self, run: &Run, key: &ListingKey, batch: Batch) -> Result<u64> {
        let Batch { rows, then } = batch;
        // The merged position is computed inside the transaction, from the
        // position stored then; a position that does not parse fails it.
        let mut bad_position = None;
        let inserted = self.in_transaction(|tx| {
            let keys = key.position_params();
            let staging = match &then {
                Then::GoOn(_) => true,
                Then::Finish { .. } => tx
                    .prepare_cached(super::SELECT_BACKFILL)?
                    .exists(params_from_iter(keys))?,
            };
            let mut inserted = 0;
            if staging {
                let mut stmt = tx.prepare_cached(super::STAGE_TRANSACTION)?;
                for row in &rows {
                    let list: &dyn rusqlite::ToSql = &key.list;
                    let params =
                        std::iter::once(list).chain(row.iter().map(|v| v as &dyn rusqlite::ToSql));
                    stmt.execute(rusqlite::params_from_iter(params))?;
                }
            } else {
                let mut stmt = tx.prepare_cached(super::INSERT_TRANSACTION)?;
                for row in &rows {
                    inserted += stmt.execute(params_from_iter(row))? as u64;
                }
            }
            match &then {
                Then::GoOn(checkpoint) => {
                    let text = super::backfill_row(run, key, checkpoint);
                    let mut params: Vec<&dyn rusqlite::ToSql> =
                        text[..6].iter().map(|t| t as _).collect();
                    let staged = rows.len() as i64;
                    params.push(&staged);
                    params.extend(text[6..].iter().map(|t| t as &dyn rusqlite::ToSql));
                    tx.execute(super::UPSERT_BACKFILL, params.as_slice())?;
                }
                Then::Finish { mark, listing } => {
                    if staging {
                        inserted += tx.execute(&super::MOVE_BACKFILL, keys)? as u64;
                        tx.execute(super::DELETE_STAGED, keys)?;
                    }
                    if let Some(mark) = mark {
                        let stored: Option<String> = tx
                            .prepare_cached(super::SELECT_POSITION)?
                            .query(params_from_iter(keys))?
                            .next()?
                            .map(|row| row.get(0))
                            .transpose()?;
                        match super::next_position(stored.as_deref(), mark) {
                            Ok(next) => {
                                let now = crate::clock::rfc3339_seconds(crate::clock::now());
                                let [provider, profile, base_url, subject, list] = keys;
                                let mark_text = next.to_json().to_string();
                                tx.execute(
                                    super::UPSERT_POSITION,
                                    [
                                        provider, profile, base_url, subject, list, &mark_text,
                                        &now, &run.id,
                                    ],
                                )?;
                            }
                            Err(e) => {
                                bad_position = Some(e);
                                return Err(rusqlite::Error::QueryReturnedNoRows);
                            }
                        }
                    }
                    tx.execute(super::DELETE_BACKFILL, keys)?;
                    record_listing(tx, &super::listing_row(run, key, listing, inserted))?;
                }
            }
            Ok(inserted)
        });
        match bad_position {
            Some(e) => Err(e),
            None => inserted,
        }
    }
}

/// Why setting a ledger up failed: another run in the way (try again), or not.
enum SetUp {
    Contended(Error),
    Failed(Error),
}

/// A SQLite error as the run's error: a lock held past the busy timeout is
/// a temporary failure (75), anything else a local I/O failure (74).
fn fail_of(name: &str, e: rusqlite::Error) -> Error {
    let busy = matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    );
    if busy {
        return Error::new(
            Kind::Timeout,
            format!(
                "the ledger {name} stayed locked by another run for {} s",
                BUSY_TIMEOUT.as_secs()
            ),
        )
        .with_cause(e);
    }
    super::io_error(name, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs that start together on a ledger that does not exist yet all
    /// open it: one turning it to WAL must not make another fail because the
    /// switch could not be made while it was looking.
    #[test]
    fn runs_that_create_the_ledger_together_all_open_it() {
        for round in 0..30 {
            let dir = tempfile::TempDir::new().unwrap();
            let path = dir.path().join(format!("ledger-{round}.db"));
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
            let opened: Vec<_> = (0..6)
                .map(|_| {
                    let (path, barrier) = (path.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        barrier.wait();
                        Inner::open(&path).map(drop)
                    })
                })
                .collect();
            for t in opened {
                if let Err(e) = t.join().unwrap() {
                    panic!("round {round}: {e}");
                }
            }
        }
    }
}
