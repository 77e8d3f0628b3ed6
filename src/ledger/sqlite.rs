//! The ledger in a SQLite file (the bundled library: no system package).
//!
//! WAL mode, so readers (`sqlite3`, DuckDB, a dashboard) never block a sync
//! and a sync never blocks them; every write is `BEGIN IMMEDIATE`, so two
//! overlapping cron runs take turns, and the busy timeout makes the second
//! wait for the first rather than fail.

use super::{ListingKey, Run};
use crate::error::{Error, Kind, Result};
use crate::http::history::Mark;
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

    pub async fn position(&self, key: &ListingKey) -> Result<Option<String>> {
        let key = key.clone();
        self.blocking(move |db| db.position(&key)).await
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

    pub async fn add_snapshot(&self, rows: Vec<Vec<Option<String>>>) -> Result<u64> {
        self.blocking(move |db| db.add_snapshot(&rows)).await
    }

    pub async fn add_transactions(
        &self,
        key: &ListingKey,
        rows: Vec<Vec<Option<String>>>,
        position: Option<(&Mark, &str, &str)>,
    ) -> Result<u64> {
        let key = key.clone();
        let position = position.map(|(m, at, run)| (m.clone(), at.to_owned(), run.to_owned()));
        self.blocking(move |db| {
            let position = position
                .as_ref()
                .map(|(m, at, run)| (m, at.as_str(), run.as_str()));
            db.add_transactions(&key, &rows, position)
        })
        .await
    }
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
                    crate::text::clip(&e.to_string())
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

    fn position(&mut self, key: &ListingKey) -> Result<Option<String>> {
        let db = self;
        {
            let mut stmt = db
                .conn
                .prepare_cached(super::SELECT_POSITION)
                .map_err(|e| db.fail(e))?;
            let mut rows = stmt
                .query(params_from_iter(key.position_params()))
                .map_err(|e| db.fail(e))?;
            match rows.next().map_err(|e| db.fail(e))? {
                Some(row) => row.get(0).map(Some).map_err(|e| db.fail(e)),
                None => Ok(None),
            }
        }
    }

    fn add_snapshot(&mut self, rows: &[Vec<Option<String>>]) -> Result<u64> {
        let db = self;
        {
            let tx = db
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| fail_of(&db.name, e))?;
            let mut written = 0;
            {
                let mut stmt = tx
                    .prepare_cached(super::INSERT_BALANCE)
                    .map_err(|e| fail_of(&db.name, e))?;
                for row in rows {
                    written += stmt
                        .execute(params_from_iter(row))
                        .map_err(|e| fail_of(&db.name, e))? as u64;
                }
            }
            tx.commit().map_err(|e| fail_of(&db.name, e))?;
            Ok(written)
        }
    }

    fn add_transactions(
        &mut self,
        key: &ListingKey,
        rows: &[Vec<Option<String>>],
        position: Option<(&Mark, &str, &str)>,
    ) -> Result<u64> {
        let db = self;
        {
            let name = db.name.clone();
            let f = |e| fail_of(&name, e);
            // IMMEDIATE: the write lock is taken before the position is read,
            // so no other run can move it between the read and the write.
            let tx = db
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(f)?;
            let mut inserted = 0;
            {
                let mut stmt = tx.prepare_cached(super::INSERT_TRANSACTION).map_err(f)?;
                for row in rows {
                    inserted += stmt.execute(params_from_iter(row)).map_err(f)? as u64;
                }
            }
            if let Some((mark, updated_at, run_id)) = position {
                let stored: Option<String> = {
                    let mut stmt = tx.prepare_cached(super::SELECT_POSITION).map_err(f)?;
                    let mut found = stmt
                        .query(params_from_iter(key.position_params()))
                        .map_err(f)?;
                    match found.next().map_err(f)? {
                        Some(row) => Some(row.get(0).map_err(f)?),
                        None => None,
                    }
                };
                let next = super::next_position(stored.as_deref(), mark)?;
                let [provider, profile, base_url, subject, list] = key.position_params();
                let mark_text = next.to_json().to_string();
                tx.execute(
                    super::UPSERT_POSITION,
                    [
                        provider, profile, base_url, subject, list, &mark_text, updated_at, run_id,
                    ],
                )
                .map_err(f)?;
            }
            tx.commit().map_err(f)?;
            Ok(inserted)
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
