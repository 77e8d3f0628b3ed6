//! `balances sync --db`: the ledger. Balance snapshots and transactions in
//! a database (SQLite by default, PostgreSQL for a ledger shared by hosts),
//! with each transaction listing's position stored beside its rows.
//!
//! The guarantee, and how it is kept:
//! - A listing's new rows and its new position are written in **one
//!   database transaction**: a crash (even `kill -9`) before the commit
//!   leaves both as they were, after it both are advanced. The position is
//!   the `--state-file` mark ([`Mark`]), so the next run reads exactly what
//!   is new, ties and all.
//! - Transactions are unique on (provider, profile, base_url, subject, id)
//!   and inserted with `ON CONFLICT DO NOTHING`: whatever two runs read
//!   twice (overlapping runs, a mark held back at the clock) is stored once.
//! - Before it writes, a run locks the listing (SQLite: `BEGIN IMMEDIATE`,
//!   the whole file; PostgreSQL: an advisory lock on the listing) and merges
//!   its mark with the one stored, so a run that finished in between is
//!   never moved back.
//! - Amounts are TEXT, the provider's exact digits; `provider_fields` is the
//!   provider's JSON text.
//!
//! Both databases get the same schema, from the same SQL ([`MIGRATIONS`]).

mod postgres;
pub mod read;
mod sqlite;

use crate::error::{Error, Kind, Result};
use crate::listing::history::{Checkpoint, Mark};
use crate::listing::key::ListingKey;
use crate::model::{Balance, Money, Transaction};

/// The schema, one step per version. A database records the version it is
/// at (`schema_version`); opening it applies the steps it lacks, in one
/// transaction. A ledger from a newer `balances` is refused, not guessed at.
pub const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE runs (
    run_id      TEXT PRIMARY KEY,
    profile     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    exit_code   INTEGER
);
CREATE TABLE balances (
    run_id          TEXT NOT NULL,
    provider        TEXT NOT NULL,
    profile         TEXT NOT NULL,
    base_url        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    currency        TEXT NOT NULL,
    available       TEXT,
    total           TEXT,
    pending         TEXT,
    account_id      TEXT,
    account_type    TEXT,
    status          TEXT,
    provider_fields TEXT NOT NULL,
    as_of           TEXT NOT NULL
);
CREATE INDEX balances_by_subject ON balances (provider, profile, subject, currency, as_of);
CREATE TABLE transactions (
    provider        TEXT NOT NULL,
    profile         TEXT NOT NULL,
    base_url        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    id              TEXT NOT NULL,
    created_at      TEXT,
    type            TEXT,
    status          TEXT,
    from_currency   TEXT,
    from_amount     TEXT,
    to_currency     TEXT,
    to_amount       TEXT,
    fee_currency    TEXT,
    fee_amount      TEXT,
    rate            TEXT,
    provider_fields TEXT NOT NULL,
    first_seen      TEXT NOT NULL,
    run_id          TEXT NOT NULL,
    PRIMARY KEY (provider, profile, base_url, subject, id)
);
CREATE TABLE positions (
    provider   TEXT NOT NULL,
    profile    TEXT NOT NULL,
    base_url   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    list       TEXT NOT NULL,
    mark       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    run_id     TEXT NOT NULL,
    PRIMARY KEY (provider, profile, base_url, subject, list)
);
"#,
    r#"
CREATE TABLE backfills (
    provider   TEXT NOT NULL,
    profile    TEXT NOT NULL,
    base_url   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    list       TEXT NOT NULL,
    state      TEXT NOT NULL,
    rows       BIGINT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    run_id     TEXT NOT NULL,
    PRIMARY KEY (provider, profile, base_url, subject, list)
);
CREATE TABLE listings (
    run_id      TEXT NOT NULL,
    provider    TEXT NOT NULL,
    profile     TEXT NOT NULL,
    base_url    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    list        TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    rows        BIGINT NOT NULL,
    PRIMARY KEY (run_id, provider, profile, base_url, subject, list)
);
CREATE TABLE backfill_rows (
    list            TEXT NOT NULL,
    provider        TEXT NOT NULL,
    profile         TEXT NOT NULL,
    base_url        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    id              TEXT NOT NULL,
    created_at      TEXT,
    type            TEXT,
    status          TEXT,
    from_currency   TEXT,
    from_amount     TEXT,
    to_currency     TEXT,
    to_amount       TEXT,
    fee_currency    TEXT,
    fee_amount      TEXT,
    rate            TEXT,
    provider_fields TEXT NOT NULL,
    first_seen      TEXT NOT NULL,
    run_id          TEXT NOT NULL
);
ALTER TABLE balances ADD COLUMN list TEXT;
CREATE INDEX balances_by_balance ON balances (provider, profile, base_url, subject, account_id, currency, as_of);
"#,
];

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

const INSERT_BALANCE: &str = "INSERT INTO balances (run_id, provider, profile, base_url, subject, currency, \
     available, total, pending, account_id, account_type, status, provider_fields, as_of, list) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

const INSERT_TRANSACTION: &str = "INSERT INTO transactions (provider, profile, base_url, subject, id, \
     created_at, type, status, from_currency, from_amount, to_currency, to_amount, fee_currency, \
     fee_amount, rate, provider_fields, first_seen, run_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
     ON CONFLICT DO NOTHING";

const SELECT_POSITION: &str = "SELECT mark FROM positions \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4 AND list = $5";

const SELECT_SUBJECTS: &str = "SELECT subject FROM positions \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND list = $4 ORDER BY subject";

const UPSERT_POSITION: &str = "INSERT INTO positions (provider, profile, base_url, subject, list, mark, \
     updated_at, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
     ON CONFLICT (provider, profile, base_url, subject, list) \
     DO UPDATE SET mark = excluded.mark, updated_at = excluded.updated_at, run_id = excluded.run_id";

const INSERT_RUN: &str = "INSERT INTO runs (run_id, profile, started_at) VALUES ($1, $2, $3)";

/// The columns of a `transactions` row, in [`transaction_row`]'s order.
pub(super) const TRANSACTION_COLUMNS: &str = "provider, profile, base_url, subject, id, created_at, type, status, \
     from_currency, from_amount, to_currency, to_amount, fee_currency, fee_amount, rate, \
     provider_fields, first_seen, run_id";

/// A backfill's rows wait in `backfill_rows` (appended, no unique index to
/// keep in order) and reach `transactions` when it ends, in one sorted
/// insert: a history's ids are random, and a unique index kept up to date
/// a batch at a time rewrote most of its pages at every commit (a million
/// transactions took twice the time of a CSV export and an import).
const STAGE_TRANSACTION: &str = "INSERT INTO backfill_rows (list, provider, profile, base_url, subject, \
     id, created_at, type, status, from_currency, from_amount, to_currency, to_amount, fee_currency, \
     fee_amount, rate, provider_fields, first_seen, run_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";

/// A finished backfill's rows, into `transactions`, in the order of its key.
static MOVE_BACKFILL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "INSERT INTO transactions ({TRANSACTION_COLUMNS}) SELECT {TRANSACTION_COLUMNS} FROM backfill_rows \
         WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4 AND list = $5 \
         ORDER BY id ON CONFLICT DO NOTHING"
    )
});

const DELETE_STAGED: &str = "DELETE FROM backfill_rows \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4 AND list = $5";

const SELECT_BACKFILL: &str = "SELECT state FROM backfills \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4 AND list = $5";

/// A backfill's checkpoint: `started_at` is kept from its first batch, its rows add up.
const UPSERT_BACKFILL: &str = "INSERT INTO backfills (provider, profile, base_url, subject, list, state, \
     rows, started_at, updated_at, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (provider, profile, base_url, subject, list) \
     DO UPDATE SET state = excluded.state, rows = backfills.rows + excluded.rows, \
     updated_at = excluded.updated_at, run_id = excluded.run_id";

const DELETE_BACKFILL: &str = "DELETE FROM backfills \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4 AND list = $5";

/// One listing's outcome in one run (a resumed backfill and the read after
/// it are one listing: its rows add up, the last outcome stands).
const UPSERT_LISTING: &str = "INSERT INTO listings (run_id, provider, profile, base_url, subject, list, \
     started_at, finished_at, outcome, rows) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (run_id, provider, profile, base_url, subject, list) \
     DO UPDATE SET started_at = excluded.started_at, finished_at = excluded.finished_at, \
     outcome = excluded.outcome, rows = listings.rows + excluded.rows";

/// Where the ledger is: `--db PATH` or `--db postgres://…`.
#[derive(Debug, Clone)]
pub enum Target {
    Sqlite(std::path::PathBuf),
    /// The URL as given (it may hold a password: never printed; see [`Target::display`]).
    Postgres(crate::secret::Secret),
}

impl Target {
    pub fn parse(text: &str) -> Result<Target> {
        if text.is_empty() {
            return Err(Error::usage("--db needs a file path or a postgres:// URL"));
        }
        let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(Target::Postgres(crate::secret::Secret::new(
                text.to_owned(),
            )));
        }
        if lower.starts_with("postgres:") || lower.starts_with("postgresql:") {
            // A mistyped URL (it may hold a password): never a file name, never echoed.
            return Err(Error::usage(
                "--db looks like a PostgreSQL URL but is not one: write postgres://user@host/database",
            ));
        }
        if text.contains("://") {
            return Err(Error::usage(format!(
                "--db {}: not a file path, and the only database URL taken is postgres://",
                crate::text::quote(text.split("://").next().unwrap_or(text))
            )));
        }
        Ok(Target::Sqlite(text.into()))
    }

    /// The target for messages: the path, or the URL without its password.
    pub fn display(&self) -> String {
        match self {
            Target::Sqlite(p) => p.display().to_string(),
            Target::Postgres(url) => postgres::display(url.expose()),
        }
    }
}

/// One sync run, as recorded in `runs` and on every row it writes.
#[derive(Debug, Clone)]
pub struct Run {
    pub id: String,
    pub profile: String,
    pub started_at: String,
}

impl Run {
    pub fn start(profile: &str) -> Run {
        let started = crate::clock::now();
        let started_at = crate::clock::rfc3339_seconds(started);
        Run {
            // Sortable by time, unique across hosts and processes.
            id: format!(
                "{started_at}-{:08x}{:08x}",
                std::process::id(),
                fastrand::u32(..)
            ),
            profile: profile.to_owned(),
            started_at,
        }
    }
}

impl ListingKey {
    /// The statement that forgets this listing's position (the next run
    /// reads it all again; what is stored stays, once), for messages.
    pub fn delete_position_sql(&self) -> String {
        let q = |v: &str| format!("'{}'", v.replace('\'', "''"));
        format!(
            "DELETE FROM positions WHERE provider = {} AND profile = {} AND base_url = {} AND subject = {} AND list = {}",
            q(self.provider),
            q(&self.profile),
            q(&self.base_url),
            q(&self.subject),
            q(self.list)
        )
    }

    fn position_params(&self) -> [&str; 5] {
        [
            self.provider,
            &self.profile,
            &self.base_url,
            &self.subject,
            self.list,
        ]
    }
}

/// A row of `balances` or `transactions`, in its INSERT statement's order.
pub type Row = Vec<Option<String>>;

/// One listing's outcome in one run (the `listings` table): what
/// `reconcile` reads to know how far a listing's history is complete.
#[derive(Debug, Clone)]
pub struct ListingRun {
    /// When the run began reading the listing: with outcome `ok`, every
    /// transaction dated before it is in the ledger.
    pub started_at: String,
    /// `ok`, or the kind of the error that stopped it (`unavailable`, …).
    pub outcome: String,
    /// Rows the listing wrote in this run (before this batch's).
    pub rows: u64,
}

impl ListingRun {
    pub const OK: &str = "ok";
}

/// Transaction rows of one listing, and what is stored with them, in one
/// database transaction.
#[derive(Debug)]
pub struct Batch {
    pub rows: Vec<Row>,
    pub then: Then,
}

#[derive(Debug)]
pub enum Then {
    /// The read goes on: where from (a backfill's checkpoint).
    GoOn(Checkpoint),
    /// The read is complete: the listing's new position (none while it has
    /// had no transaction), its backfill over, its outcome recorded.
    Finish {
        mark: Option<Mark>,
        listing: ListingRun,
    },
}

fn opt_text<T: AsRef<str>>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(|s| s.as_ref().to_owned())
}

fn fields_json(m: &serde_json::Map<String, serde_json::Value>) -> String {
    serde_json::Value::Object(m.clone()).to_string()
}

/// A `balances` row, in [`INSERT_BALANCE`]'s order.
fn balance_row(run: &Run, key: &ListingKey, as_of: &str, b: &Balance) -> Vec<Option<String>> {
    vec![
        Some(run.id.clone()),
        Some(key.provider.to_owned()),
        Some(key.profile.clone()),
        Some(key.base_url.clone()),
        Some(key.subject.clone()),
        Some(b.currency.to_string()),
        opt_text(&b.available),
        opt_text(&b.total),
        opt_text(&b.pending),
        opt_text(&b.account_id),
        opt_text(&b.account_type),
        opt_text(&b.status),
        Some(fields_json(&b.provider_fields)),
        Some(as_of.to_owned()),
        Some(key.list.to_owned()),
    ]
}

/// A `transactions` row, in [`INSERT_TRANSACTION`]'s order.
pub fn transaction_row(
    run: &Run,
    key: &ListingKey,
    first_seen: &str,
    t: &Transaction,
) -> Vec<Option<String>> {
    let leg = |m: &Option<Money>| match m {
        Some(m) => (
            Some(m.currency.to_string()),
            Some(m.amount.as_str().to_owned()),
        ),
        None => (None, None),
    };
    let (fc, fa) = leg(&t.from);
    let (tc, ta) = leg(&t.to);
    let (ec, ea) = leg(&t.fee);
    vec![
        Some(key.provider.to_owned()),
        Some(key.profile.clone()),
        Some(key.base_url.clone()),
        Some(key.subject.clone()),
        Some(t.id.to_string()),
        opt_text(&t.created_at),
        opt_text(&t.kind),
        opt_text(&t.status),
        fc,
        fa,
        tc,
        ta,
        ec,
        ea,
        opt_text(&t.rate),
        Some(fields_json(&t.provider_fields)),
        Some(first_seen.to_owned()),
        Some(run.id.clone()),
    ]
}

/// The position to store: the stored one (another run may have moved it
/// since this run read it) merged with this run's.
fn next_position(stored: Option<&str>, ours: &Mark) -> Result<Mark> {
    Ok(match stored.map(parse_mark).transpose()?.flatten() {
        Some(stored) => Mark::merged(&stored, ours),
        None => ours.clone(),
    })
}

fn parse_mark(text: &str) -> Result<Option<Mark>> {
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|_| Error::config("the ledger holds a position that is not JSON"))?;
    Mark::from_json(&v).map_err(|why| Error::config(format!("the ledger's position {why}")))
}

/// An open ledger.
pub enum Ledger {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

impl Ledger {
    /// Open (creating it if need be) and bring the schema up to date.
    pub async fn open(target: &Target) -> Result<Ledger> {
        match target {
            Target::Sqlite(path) => Ok(Ledger::Sqlite(sqlite::Sqlite::open(path).await?)),
            Target::Postgres(url) => Ok(Ledger::Postgres(postgres::Postgres::open(url).await?)),
        }
    }

    pub async fn begin_run(&mut self, run: &Run) -> Result<()> {
        match self {
            Ledger::Sqlite(db) => db.begin_run(run).await,
            Ledger::Postgres(db) => db.begin_run(run).await,
        }
    }

    pub async fn finish_run(&mut self, run: &Run, exit_code: u8) -> Result<()> {
        let finished = crate::clock::rfc3339_seconds(crate::clock::now());
        match self {
            Ledger::Sqlite(db) => db.finish_run(run, &finished, exit_code).await,
            Ledger::Postgres(db) => db.finish_run(run, &finished, exit_code).await,
        }
    }

    /// The stored position of a transaction listing (`None`: never synced).
    pub async fn position(&mut self, key: &ListingKey) -> Result<Option<Mark>> {
        let text = match self {
            Ledger::Sqlite(db) => db.select_text(SELECT_POSITION, key).await?,
            Ledger::Postgres(db) => db.select_text(SELECT_POSITION, key).await?,
        };
        Ok(text.as_deref().map(parse_mark).transpose()?.flatten())
    }

    /// The subjects with a stored position in `key`'s listing (any subject).
    pub async fn subjects(&mut self, key: &ListingKey) -> Result<Vec<String>> {
        let [provider, profile, base_url, _, list] = key.position_params();
        let params = [provider, profile, base_url, list].map(str::to_owned);
        match self {
            Ledger::Sqlite(db) => db.subjects(params).await,
            Ledger::Postgres(db) => db.subjects(&params).await,
        }
    }

    /// A read of a listing interrupted by an earlier run, to go on with.
    pub async fn backfill(&mut self, key: &ListingKey) -> Result<Option<Checkpoint>> {
        let text = match self {
            Ledger::Sqlite(db) => db.select_text(SELECT_BACKFILL, key).await?,
            Ledger::Postgres(db) => db.select_text(SELECT_BACKFILL, key).await?,
        };
        text.map(|t| {
            serde_json::from_str(&t)
                .map_err(|e| e.to_string())
                .and_then(|v| Checkpoint::from_json(&v))
                .map_err(|why| {
                    Error::config(format!("the ledger's backfill of {} {why}", key.list))
                })
        })
        .transpose()
    }

    /// One snapshot of a listing's balances, and the listing's outcome, in one transaction.
    pub async fn add_snapshot(
        &mut self,
        run: &Run,
        key: &ListingKey,
        as_of: &str,
        balances: &[Balance],
        listing: ListingRun,
    ) -> Result<u64> {
        let rows: Vec<_> = balances
            .iter()
            .map(|b| balance_row(run, key, as_of, b))
            .collect();
        let listing = listing_row(run, key, &listing, rows.len() as u64);
        match self {
            Ledger::Sqlite(db) => db.add_snapshot(rows, listing).await,
            Ledger::Postgres(db) => db.add_snapshot(&rows, &listing).await,
        }
    }

    /// A batch of a listing's transactions and what goes with it, in one
    /// transaction. Returns how many were not in the ledger yet.
    pub async fn write(&mut self, run: &Run, key: &ListingKey, batch: Batch) -> Result<u64> {
        match self {
            Ledger::Sqlite(db) => db.write(run, key, batch).await,
            Ledger::Postgres(db) => db.write(run, key, batch).await,
        }
    }

    /// The outcome of a listing that failed (what its batches stored stays).
    pub async fn record_listing(
        &mut self,
        run: &Run,
        key: &ListingKey,
        listing: ListingRun,
    ) -> Result<()> {
        let row = listing_row(run, key, &listing, 0);
        match self {
            Ledger::Sqlite(db) => db.record_listing(row).await,
            Ledger::Postgres(db) => db.record_listing(&row).await,
        }
    }
}

/// A `listings` row, in [`UPSERT_LISTING`]'s order, with `more` rows written now.
fn listing_row(run: &Run, key: &ListingKey, l: &ListingRun, more: u64) -> (Vec<String>, i64) {
    let finished = crate::clock::rfc3339_seconds(crate::clock::now());
    let [provider, profile, base_url, subject, list] = key.position_params();
    let text = [
        &run.id,
        provider,
        profile,
        base_url,
        subject,
        list,
        &l.started_at,
        &finished,
        &l.outcome,
    ]
    .map(|v| v.to_owned())
    .to_vec();
    (text, (l.rows + more) as i64)
}

/// The checkpoint's row of `backfills`, in [`UPSERT_BACKFILL`]'s order
/// (its `rows` added last, by the caller).
fn backfill_row(run: &Run, key: &ListingKey, checkpoint: &Checkpoint) -> Vec<String> {
    let now = crate::clock::rfc3339_seconds(crate::clock::now());
    let [provider, profile, base_url, subject, list] = key.position_params();
    let state = checkpoint.to_json().to_string();
    [provider, profile, base_url, subject, list, &state]
        .map(str::to_owned)
        .into_iter()
        .chain([now.clone(), now, run.id.clone()])
        .collect()
}

/// A ledger write that failed: a local I/O failure (74) unless a backend says otherwise.
fn io_error(target: &str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::new(
        Kind::Io,
        format!(
            "cannot write the ledger {target}: {}",
            crate::text::quote(&e.to_string())
        ),
    )
    .with_cause(e)
}

/// A ledger whose schema is newer than this build's.
fn too_new(target: &str, found: i64) -> Error {
    Error::config(format!(
        "the ledger {target} has schema version {found}; this balances writes version {}: upgrade balances",
        schema_version()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_paths_or_postgres_urls() {
        assert!(matches!(Target::parse("ledger.db"), Ok(Target::Sqlite(_))));
        assert!(matches!(
            Target::parse("postgres://u:pw@db.example/ledger"),
            Ok(Target::Postgres(_))
        ));
        assert!(matches!(
            Target::parse("PostgreSQL://localhost/l"),
            Ok(Target::Postgres(_))
        ));
        assert!(Target::parse("mysql://x/y").is_err());
        let typo = Target::parse("postgres:/u:hunter2@h/db").unwrap_err();
        assert!(!typo.message.contains("hunter2"), "{}", typo.message);
        assert_eq!(
            postgres::display("POSTGRES://u:pw@h:5433/l"),
            "postgres://u@h:5433/l"
        );
        assert!(Target::parse("").is_err());
        let shown = Target::parse("postgres://u:hunter2@db.example:5433/ledger")
            .unwrap()
            .display();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("db.example"), "{shown}");
    }

    #[test]
    fn a_stored_position_is_never_moved_back() {
        let mark = |at: &str, ids: &[&str]| {
            Mark::from_json(&serde_json::json!({"created_at": at, "ids": ids}))
                .unwrap()
                .unwrap()
        };
        let newer = mark("2026-03-13T15:00:00Z", &["b"]);
        let older = mark("2026-03-13T14:00:00Z", &["a"]);
        let stored = newer.to_json().to_string();
        let next = next_position(Some(&stored), &older).unwrap();
        assert_eq!(next.at, newer.at);
        assert_eq!(next.ids, ["b"]);
        let same = mark("2026-03-13T15:00:00Z", &["c"]);
        let next = next_position(Some(&stored), &same).unwrap();
        assert_eq!(next.ids, ["b", "c"]);
        assert_eq!(next_position(None, &older).unwrap(), older);
    }
}
