//! Streaming a paged listing from a provider to the chosen renderer.

use super::Context;
use crate::cli::FollowArgs;
use crate::error::Error;
use crate::error::Result;
use crate::listing::history::{SincePager, StateFile};
use crate::listing::paginate::{self, Follow, Pager};
use crate::model::{Balance, Header, Transaction};
use crate::output::{self, Record};
use indicatif::ProgressBar;
use std::time::{Duration, Instant};

/// Fetch pages and print records as they arrive. Nothing reaches stdout
/// before the first page has been fetched and understood, so an early
/// failure leaves stdout empty.
/// `resume_flag` is the option that continues from `next_cursor`
/// (`--cursor`, `--page-token`), named in the hint printed for non-JSON output.
pub async fn run<T: Record, P: Pager<Item = T>>(
    ctx: &Context,
    header: Header,
    pager: &mut P,
    start: Option<String>,
    follow: Follow,
    resume_flag: &str,
) -> Result<()> {
    let none = super::thresholds::Minimums::default();
    run_checked(ctx, header, pager, start, follow, resume_flag, &none).await
}

/// Every balance, checked against `mins` (exit 10 below one, after the output).
pub async fn balances<P: Pager<Item = Balance>>(
    ctx: &Context,
    header: Header,
    pager: &mut P,
    mins: &super::thresholds::Minimums,
) -> Result<()> {
    run_checked(ctx, header, pager, None, Follow::All, "", mins).await
}

async fn run_checked<T: Record, P: Pager<Item = T>>(
    ctx: &Context,
    mut header: Header,
    pager: &mut P,
    start: Option<String>,
    follow: Follow,
    resume_flag: &str,
    mins: &super::thresholds::Minimums,
) -> Result<()> {
    if ctx.style.format == output::Format::Openmetrics && !T::AS_OF {
        return Err(Error::usage(
            "-o openmetrics is for balances (get-balances, summary): use json, ndjson or csv for transactions",
        ));
    }
    let mut below = Vec::new();
    // The currencies the listing has, for a minimum in one it has not.
    let mut seen = std::collections::BTreeSet::new();
    let out = super::progress::stdout();
    let mut writer = output::writer::<T>(ctx.style, false, out);
    let mut begun = false;
    let mut progress = Progress::new(ctx.global.quiet);
    let next = paginate::drive(pager, start, follow, |page| {
        progress.page(page.len(), T::COLLECTION);
        let arrived = crate::clock::rfc3339_seconds(crate::clock::now());
        if !begun {
            header.as_of = Some(arrived.clone());
            writer.begin(&header)?;
            begun = true;
        }
        let source = output::Source {
            provider: header.provider,
            subject: header.subject.as_deref(),
            as_of: Some(&arrived),
        };
        page.each_chunk_with_body(|items, raw| {
            if !mins.is_empty() {
                let found = items.iter().filter_map(Record::as_balance);
                seen.extend(found.clone().map(|b| b.currency.to_string()));
                below.extend(super::thresholds::breaches(source, found, mins));
            }
            if header.subject.is_some() || ctx.style.raw || items.is_empty() {
                return writer.records(source, items, raw);
            }
            // A listing about no one subject (every card): each run of records
            // goes out under its own card's subject.
            let mut rest = items;
            while !rest.is_empty() {
                let whose = rest[0].subject();
                let n = rest.iter().take_while(|r| r.subject() == whose).count();
                let source = output::Source {
                    subject: whose,
                    ..source
                };
                writer.records(source, &rest[..n], raw)?;
                rest = &rest[n..];
            }
            Ok(())
        })
    })
    .await;
    let next = match next {
        Ok(next) => next,
        Err(e) if ctx.style.format == output::Format::Openmetrics && !e.ends_run() => {
            // The metrics file says the lookup failed (balances_up 0), then the error.
            progress.done();
            let source = output::Source {
                provider: header.provider,
                subject: header.subject.as_deref(),
                as_of: None,
            };
            writer.failed(source);
            if !begun {
                writer.begin(&header)?;
            }
            writer.finish(None)?;
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    progress.done();
    if !begun {
        header.as_of = Some(crate::clock::rfc3339_seconds(crate::clock::now()));
        writer.begin(&header)?;
    }
    writer.finish(next.as_deref())?;
    // JSON carries `next_cursor` in the document; other formats get a hint on stderr.
    let hint = T::PAGED
        && !ctx.global.quiet
        && (ctx.style.raw || ctx.style.format != crate::output::Format::Json);
    if let Some(next) = next.filter(|_| hint) {
        let text = format!(
            "more {}: add {resume_flag} {} (or --all)",
            T::COLLECTION,
            crate::text::printable(&next)
        );
        if super::json_stderr(ctx.style.format) {
            // NDJSON (or --raw with JSON): the cursor as a JSON line of its own.
            eprintln!(
                "{}",
                serde_json::json!({"notice": text, "next_cursor": next})
            );
        } else {
            eprintln!("{text}");
        }
    }
    if T::AS_OF && !mins.is_empty() {
        let source = output::Source {
            provider: header.provider,
            subject: header.subject.as_deref(),
            as_of: None,
        };
        below.extend(super::thresholds::missing(source, &seen, mins));
    }
    if !below.is_empty() {
        super::thresholds::report(ctx.style.format, &below);
        return Err(Error::reported(crate::error::Kind::BelowMinimum));
    }
    Ok(())
}

/// A transaction listing: from `start` as `--all`/`--max-items` say, or,
/// with `--state-file`, everything since the last successful run, newest
/// first, the new mark written only once the output is flushed. `listing`
/// identifies the list in the state file.
pub async fn transactions<P: Pager<Item = Transaction>>(
    ctx: &Context,
    header: Header,
    pager: &mut P,
    start: Option<String>,
    args: &FollowArgs,
    resume_flag: &str,
    listing: ListingState,
) -> Result<()> {
    let Some(path) = &args.state_file else {
        return run(ctx, header, pager, start, follow(args), resume_flag).await;
    };
    if ctx.style.raw {
        // --raw prints whole provider pages: it cannot leave out what was exported before.
        return Err(Error::usage(
            "--state-file exports only what is new: it cannot be combined with --raw, which prints whole pages",
        ));
    }
    if start.is_some() {
        return Err(Error::usage(
            "--state-file starts from the newest transaction: it cannot be combined with a cursor, token or page",
        ));
    }
    let state = StateFile::load(path, &listing.key)?;
    let mut since = SincePager::new(pager, state.previous.clone(), listing.form);
    run(ctx, header, &mut since, None, Follow::All, resume_flag).await?;
    if let Some(old) = &state.previous {
        let remedy = format!("delete {} to export everything again", path.display());
        crate::listing::history::check_kept(old, since.newest.as_ref(), &remedy)?;
    }
    match since.next_mark() {
        Some(mark) => state.save(&mark),
        None => Ok(()),
    }
}

/// What names a transaction listing in a state file, and the form of its timestamps.
pub struct ListingState {
    pub key: crate::listing::key::StateKey,
    pub form: crate::clock::Form,
}

/// `--all` / `--max-items` / neither, as a [`Follow`].
fn follow(args: &FollowArgs) -> Follow {
    match (args.max_items, args.all) {
        (Some(n), _) => Follow::Max(usize::try_from(n).unwrap_or(usize::MAX)),
        (None, true) => Follow::All,
        (None, false) => Follow::One,
    }
}

/// Pages and items so far, on stderr, once a listing has taken more than a
/// moment, and only when stderr is a terminal (indicatif draws nothing otherwise).
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    pages: usize,
    items: usize,
    quiet: bool,
}

impl Progress {
    const AFTER: Duration = Duration::from_millis(700);

    fn new(quiet: bool) -> Self {
        Progress {
            bar: None,
            started: Instant::now(),
            pages: 0,
            items: 0,
            quiet,
        }
    }

    fn page(&mut self, items: usize, what: &str) {
        self.pages += 1;
        self.items += items;
        if self.bar.is_none() && !self.quiet && self.started.elapsed() > Self::AFTER {
            let bar = super::progress::line(None, "{spinner} {msg}", false);
            bar.enable_steady_tick(Duration::from_millis(120));
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{} pages, {} {what}", self.pages, self.items));
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
