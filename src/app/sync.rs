//! `balances sync --db`: every provider and user of the profile (as
//! `summary` chooses them) into the ledger: a snapshot of every balance
//! listing, and every transaction listing read from its stored position.
//!
//! Each listing is fetched whole, then written in one database transaction
//! with its position ([`crate::ledger`]). A listing that fails writes
//! nothing and leaves its position; the others go on, and the exit code is
//! the first failure's. The report on stdout has one record per listing
//! written (`listing`, `rows`: balances stored, or transactions new to the ledger).

use super::wiring::{self, Clients};
use super::{Context, summary};
use crate::clock::Form;
use crate::error::{Error, Kind, Result};
use crate::http::Engine;
use crate::ledger::{self, Batch, Ledger, ListingRun, Row, Run, Target, Then};
use crate::listing::history::Checkpoint;
use crate::listing::history::{self, SincePager};
use crate::listing::key::ListingKey;
use crate::listing::paginate::{self, Follow, Page, Pager};
use crate::model::{Balance, Header, Synced, Transaction};
use crate::output::{self, Source};
use crate::providers::ProviderId;
use futures_util::StreamExt;
use indicatif::ProgressBar;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Mutex;

/// How far behind this machine's clock a stored position stays. Each run
/// re-reads its last five minutes (stored once, by the primary key), so a
/// host whose clock is up to five minutes fast (`doctor` fails past 60 s)
/// cannot move the shared position past transactions still arriving.
const HOLD_BACK_SECS: i64 = 300;

/// What every listing of the run shares.
pub(super) struct Shared<'a> {
    pub(super) ctx: &'a Context,
    ledger: Mutex<Ledger>,
    run: Run,
    pub(super) engine: Engine,
    progress: Progress,
}

/// Users and accounts done, listings written, transactions read and rows
/// stored, on stderr while the sync runs: only when stderr is a terminal
/// (indicatif draws nothing otherwise) and not with `-q`.
struct Progress {
    bar: ProgressBar,
    listings: AtomicU64,
    read: AtomicU64,
    stored: AtomicU64,
}

impl Progress {
    fn new(units: usize, quiet: bool) -> Self {
        let bar = super::progress::line(
            Some(units as u64),
            "{spinner} sync: {pos}/{len} users and accounts, {msg}",
            quiet,
        );
        // The spinner turns while a long listing is read page after page.
        bar.enable_steady_tick(Duration::from_millis(120));
        let progress = Progress {
            bar,
            listings: AtomicU64::new(0),
            read: AtomicU64::new(0),
            stored: AtomicU64::new(0),
        };
        progress.show();
        progress
    }

    fn read(&self, transactions: usize) {
        self.read.fetch_add(transactions as u64, Ordering::Relaxed);
        self.show();
    }

    fn stored(&self, rows: u64) {
        self.stored.fetch_add(rows, Ordering::Relaxed);
        self.show();
    }

    fn listing_written(&self) {
        self.listings.fetch_add(1, Ordering::Relaxed);
        self.show();
    }

    fn show(&self) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar.set_message(format!(
            "{} listings written, {} transactions read, {} rows stored",
            self.listings.load(Ordering::Relaxed),
            self.read.load(Ordering::Relaxed),
            self.stored.load(Ordering::Relaxed)
        ));
    }
}

/// One listing's result: its key and what was written, or why nothing was.
pub(super) type Outcome = (ListingKey, Result<u64>);

pub async fn run(
    ctx: &Context,
    db: &str,
    asked: Vec<ProviderId>,
    concurrency: usize,
) -> Result<()> {
    if ctx.style.raw {
        return Err(Error::usage(
            "sync writes the ledger, not provider pages: it cannot be combined with --raw",
        ));
    }
    if ctx.style.format == output::Format::Openmetrics {
        return Err(Error::usage(
            "-o openmetrics is for balances (get-balances, summary); sync reports in table, json, ndjson or csv",
        ));
    }
    let target = Target::parse(db)?;
    let providers = summary::selected(ctx, asked)?;
    // Units of work: a user of a per-user provider, or a whole account.
    let mut units: Vec<(ProviderId, Option<String>)> = Vec::new();
    let mut no_users = Vec::new();
    for &p in &providers {
        match summary::users(ctx, p) {
            Some(list) if list.is_empty() => no_users.push(p),
            Some(list) => units.extend(list.into_iter().map(|u| (p, Some(u)))),
            None => units.push((p, None)),
        }
    }
    // The ledger is opened (and migrated) before any request: a path that
    // cannot be written fails now, not after every provider was read.
    let mut ledger = Ledger::open(&target).await?;
    let run = Run::start(&ctx.profile_name);
    ledger.begin_run(&run).await?;
    let shared = Shared {
        ctx,
        ledger: Mutex::new(ledger),
        run,
        engine: ctx.engine(false)?,
        progress: Progress::new(units.len(), ctx.global.quiet),
    };
    let progress = &shared.progress;
    let wants = |p: ProviderId| providers.contains(&p) && !no_users.contains(&p);
    let clients = &Clients::connect(ctx, wants, None);

    let mut report = Report::begin(ctx)?;
    for (i, &p) in no_users.iter().enumerate() {
        let key = ctx.listing_key_without_base(p, "", "balances");
        let e = Error::config(format!(
            "no users listed: add `users = [...]` under [profiles.{}.{}]",
            ctx.profile_name,
            p.name()
        ));
        report.unit(i, vec![(key, Err(e))])?;
    }
    let (shared_ref, units_ref) = (&shared, &units);
    let mut results = futures_util::stream::iter(0..units.len())
        .map(|i| async move {
            let (p, user) = &units_ref[i];
            (
                i,
                wiring::sync(shared_ref, clients, *p, user.as_deref().unwrap_or("")).await,
            )
        })
        .buffered(concurrency.max(1));
    let mut interrupted = None;
    while let Some((i, listings)) = results.next().await {
        progress.bar.inc(1);
        if let Err(e) = report.unit(no_users.len() + i, listings) {
            interrupted = Some(e);
            break;
        }
    }
    drop(results);
    progress.bar.finish_and_clear();
    report.finish(interrupted.is_some());
    let code = report.exit_code(interrupted.as_ref());
    shared
        .ledger
        .lock()
        .await
        .finish_run(&shared.run, code)
        .await?;
    report.end(interrupted)
}

/// What a run tells about the listings it wrote: one record per listing
/// written, grouped by subject (one JSON document each); failures on
/// stderr. The ledger is the job; the report is news about it. A report
/// that cannot be written (a closed pipe, a full disk) stops the report,
/// not the sync: every listing is still written, and the run's code says so.
struct Report<'c> {
    ctx: &'c Context,
    writer: Box<dyn output::RecordWriter<Synced> + 'c>,
    /// The first failure in the order of the units (not of their ending).
    first_failure: Option<(usize, Kind)>,
    output_failed: Option<Error>,
}

impl<'c> Report<'c> {
    fn begin(ctx: &'c Context) -> Result<Self> {
        let out = super::progress::stdout();
        let mut writer = output::writer::<Synced>(ctx.style, true, out);
        writer.begin(&Header {
            provider: "",
            profile: ctx.profile_name.clone(),
            subject: None,
            as_of: None,
        })?;
        Ok(Report {
            ctx,
            writer,
            first_failure: None,
            output_failed: None,
        })
    }

    /// One unit's listings, reported together; an interrupt among them
    /// stops the run here (what was committed stays).
    fn unit(&mut self, order: usize, listings: Vec<Outcome>) -> Result<()> {
        let mut written: Vec<(&'static str, String, Vec<Synced>)> = Vec::new();
        for (key, result) in listings {
            match result {
                Ok(rows) => {
                    let record = Synced::new(key.list, rows);
                    match written.last_mut() {
                        Some((p, s, records)) if *p == key.provider && *s == key.subject => {
                            records.push(record)
                        }
                        _ => written.push((key.provider, key.subject, vec![record])),
                    }
                }
                Err(e) if e.ends_run() => return Err(e),
                Err(e) => {
                    let subject = Some(key.subject.as_str()).filter(|s| !s.is_empty());
                    let e = e.with_provider(key.provider).with_subject(subject);
                    super::print_error(&e, self.ctx.style.format, &self.ctx.global, true);
                    if self.first_failure.is_none_or(|(first, _)| order < first) {
                        self.first_failure = Some((order, e.kind));
                    }
                }
            }
        }
        for (provider, subject, records) in written {
            if self.output_failed.is_some() {
                break;
            }
            let source = Source {
                provider,
                subject: Some(subject.as_str()).filter(|s| !s.is_empty()),
                as_of: None,
            };
            // One document a unit in `-o json`.
            if let Err(e) = self
                .writer
                .records(source, &records, &[])
                .and_then(|()| self.writer.source_done())
            {
                self.output_failed = Some(e);
            }
        }
        Ok(())
    }

    /// Close the report (not after an interrupt: its output stops where it is).
    fn finish(&mut self, interrupted: bool) {
        if self.output_failed.is_none()
            && !interrupted
            && let Err(e) = self.writer.finish(None)
        {
            self.output_failed = Some(e);
        }
    }

    /// The run's code, as the ledger records it: a failure's code wins;
    /// then an interrupt's; then the report's own (a closed pipe is 0: the
    /// ledger is complete; a full disk is 74).
    fn exit_code(&self, interrupted: Option<&Error>) -> u8 {
        self.first_failure
            .map(|(_, kind)| kind.exit_code())
            .or_else(|| interrupted.map(Error::exit_code))
            .or_else(|| self.output_failed.as_ref().map(Error::exit_code))
            .unwrap_or(0)
    }

    /// How the run ends, in the order of [`Report::exit_code`].
    fn end(self, interrupted: Option<Error>) -> Result<()> {
        if let Some((_, kind)) = self.first_failure {
            return Err(Error::reported(kind));
        }
        match interrupted.or(self.output_failed) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Shared<'_> {
    /// Run one listing's work under its key; `work` is given the key and
    /// when the listing was started.
    pub(super) async fn listing(
        &self,
        p: ProviderId,
        subject: &str,
        list: &'static str,
        work: impl AsyncFnOnce(&ListingKey, &str) -> Result<u64>,
    ) -> Outcome {
        match self.ctx.listing_key(p, subject, list) {
            Ok(k) => {
                let started_at = crate::clock::rfc3339_seconds(crate::clock::now());
                let result = work(&k, &started_at).await;
                if let Err(e) = &result
                    && !e.ends_run()
                {
                    // What its batches stored stays; the listing's outcome says it failed.
                    let failed = ListingRun {
                        started_at,
                        outcome: e.kind.name().to_owned(),
                        rows: 0,
                    };
                    let recorded = self
                        .ledger
                        .lock()
                        .await
                        .record_listing(&self.run, &k, failed)
                        .await;
                    if let Err(why) = recorded {
                        tracing::warn!(
                            "{} {}: the failure is not recorded: {why}",
                            k.provider,
                            k.list
                        );
                    }
                }
                (k, result)
            }
            // The base URL is unusable: the listing fails under a key without one.
            Err(e) => (self.ctx.listing_key_without_base(p, subject, list), Err(e)),
        }
    }

    /// The subjects with a stored position in `key`'s listing (any subject).
    pub(super) async fn stored_subjects(&self, key: &ListingKey) -> Result<Vec<String>> {
        self.ledger.lock().await.subjects(key).await
    }

    /// Store one snapshot of a balance listing, asked for at `listed_at`.
    pub(super) async fn snapshot(
        &self,
        key: &ListingKey,
        listed_at: &str,
        pages: Vec<Page<Balance>>,
    ) -> Result<u64> {
        let as_of = crate::clock::rfc3339_seconds(crate::clock::now());
        // An empty listing (a customer without cards) is a snapshot of nothing, not an error.
        let mut items: Vec<Balance> = Vec::new();
        for page in pages {
            items.extend(page.into_items()?);
        }
        let listing = ListingRun {
            started_at: listed_at.to_owned(),
            outcome: ListingRun::OK.to_owned(),
            rows: 0,
        };
        let mut ledger = self.ledger.lock().await;
        let stored = ledger
            .add_snapshot(&self.run, key, &as_of, &items, listing)
            .await?;
        self.progress.stored(stored);
        self.progress.listing_written();
        Ok(stored)
    }

    /// Read a transaction listing from where the ledger stands and store
    /// what is new: first the rest of a backfill a run left unfinished (if
    /// any), then everything since the listing's position.
    pub(super) async fn transactions<P: Pager<Item = Transaction>>(
        &self,
        key: &ListingKey,
        pager: &mut P,
        form: Form,
    ) -> Result<u64> {
        let mut stored = 0;
        let unfinished = self.ledger.lock().await.backfill(key).await?;
        if let Some(at) = unfinished {
            tracing::info!(
                "{} {}: going on from where an earlier run stopped",
                key.provider,
                key.list
            );
            match self.read(key, pager, form, Some(at)).await {
                Ok(n) => stored += n,
                // The provider no longer takes the checkpoint's cursor (it
                // expired): the read from the position below covers it all
                // again, what is stored stays, once.
                Err(e) if e.kind == Kind::Usage && e.http_status.is_some() => tracing::warn!(
                    "{} {}: the provider refused the stored checkpoint ({}); reading the listing from its position",
                    key.provider,
                    key.list,
                    e.message
                ),
                Err(e) => return Err(e),
            }
        }
        Ok(stored + self.read(key, pager, form, None).await?)
    }

    /// One read of a listing, newest first, from its position (or from a
    /// checkpoint, `resume`), down to the position: its rows are written
    /// [`BATCH_ROWS`] at a time while the next pages are asked for, each
    /// batch with a checkpoint in the same database transaction, the last
    /// with the new position.
    async fn read<P: Pager<Item = Transaction>>(
        &self,
        key: &ListingKey,
        pager: &mut P,
        form: Form,
        resume: Option<Checkpoint>,
    ) -> Result<u64> {
        let listed_at = crate::clock::rfc3339_seconds(crate::clock::now());
        let (mut since, start) = match resume {
            Some(at) => {
                let start = paginate::resume_at(&at.cursor);
                (SincePager::resumed(pager, at, form), Some(start))
            }
            None => {
                let stored = self.ledger.lock().await.position(key).await?;
                // Held back from this machine's clock: hosts sharing a ledger
                // never quite agree on the time, and the merged position is the latest.
                let since = SincePager::new(pager, stored, form).holding_back(HOLD_BACK_SECS);
                (since, None)
            }
        };
        let (to_writer, mut batches) = tokio::sync::mpsc::channel::<Batch>(1);
        let filling = RefCell::new(Vec::new());
        let rows = |items: Vec<Transaction>| -> Vec<Row> {
            let first_seen = crate::clock::rfc3339_seconds(crate::clock::now());
            items
                .iter()
                .map(|t| ledger::transaction_row(&self.run, key, &first_seen, t))
                .collect()
        };
        let reader = async {
            // Owned by the read: when it ends, however it ends, the writer
            // sees the channel close and finishes.
            let to_writer = to_writer;
            let mut batching = Batching {
                since: &mut since,
                filling: &filling,
                to_writer: &to_writer,
                rows: &rows,
            };
            paginate::drive(&mut batching, start, Follow::All, |page| {
                let items = page.into_items()?;
                self.progress.read(items.len());
                filling.borrow_mut().extend(items);
                Ok(())
            })
            .await?;
            if let Some(old) = &since.previous {
                let remedy = format!(
                    "delete its position to read it all again: {}",
                    key.delete_position_sql()
                );
                history::check_kept(old, since.newest.as_ref(), &remedy)?;
            }
            let last = Batch {
                rows: rows(filling.take()),
                then: Then::Finish {
                    mark: since.next_mark(),
                    listing: ListingRun {
                        started_at: listed_at.clone(),
                        outcome: ListingRun::OK.to_owned(),
                        rows: 0,
                    },
                },
            };
            to_writer.send(last).await.map_err(|_| writer_gone())
        };
        let writer = async {
            let mut stored = 0;
            while let Some(mut batch) = batches.recv().await {
                let last = matches!(batch.then, Then::Finish { .. });
                if let Then::Finish { listing, .. } = &mut batch.then {
                    listing.rows = stored;
                }
                let mut ledger = self.ledger.lock().await;
                let rows = ledger.write(&self.run, key, batch).await?;
                stored += rows;
                self.progress.stored(rows);
                if last {
                    self.progress.listing_written();
                }
                tracing::debug!("{} {}: {stored} stored", key.provider, key.list);
            }
            Ok::<u64, Error>(stored)
        };
        let (read, written) = tokio::join!(reader, writer);
        // A failed write stops the read (its channel closes): the write's error is the one.
        let written = written?;
        read?;
        Ok(written)
    }
}

/// Transactions a batch holds before it is written with its checkpoint:
/// a first sync's memory is a batch being written and one filling (a few
/// MiB), whatever the history's length; each commit costs one fsync.
const BATCH_ROWS: usize = 5_000;

/// The reader's side of a listing's read: before it asks for the next
/// page, a full batch goes to the writer with that page's cursor as its
/// checkpoint (every row before it handed on), waiting while the writer is
/// a batch behind.
struct Batching<'s, 'p, P, F> {
    since: &'s mut SincePager<'p, P>,
    filling: &'s RefCell<Vec<Transaction>>,
    to_writer: &'s tokio::sync::mpsc::Sender<Batch>,
    rows: &'s F,
}

impl<P, F> Pager for Batching<'_, '_, P, F>
where
    P: Pager<Item = Transaction>,
    F: Fn(Vec<Transaction>) -> Vec<Row>,
{
    type Item = Transaction;

    async fn page(
        &mut self,
        cursor: Option<&str>,
        want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        if let Some(cursor) = cursor
            && self.filling.borrow().len() >= BATCH_ROWS
        {
            let batch = Batch {
                rows: (self.rows)(self.filling.take()),
                then: Then::GoOn(self.since.checkpoint(cursor)),
            };
            self.to_writer
                .send(batch)
                .await
                .map_err(|_| writer_gone())?;
        }
        if self.to_writer.is_closed() {
            return Err(writer_gone());
        }
        self.since.page(cursor, want).await
    }

    fn first_cursor(&self) -> Option<String> {
        self.since.first_cursor()
    }

    async fn ahead(&mut self, cursor: &str, want: Option<usize>) {
        self.since.ahead(cursor, want).await
    }
}

/// The writer stopped (its own error is the listing's); the read stops too.
fn writer_gone() -> Error {
    Error::internal("the ledger stopped taking rows")
}
