//! Many balance lookups in one run: `--users-file` (one provider, many
//! users) and `summary` (every configured provider and user). Lookups run
//! concurrently over the one connection pool and are printed in input order as they
//! complete. A failure does not stop the others; the exit code is the first
//! failure's in input order.

use super::Context;
use crate::error::{Error, Kind, Result};
use crate::http::Engine;
use crate::listing::paginate::{Page, Pager};
use crate::model::{Balance, Header};
use crate::output::{self, Source};
use crate::providers::{ProviderId, UserBalances};
use futures_util::StreamExt;
use indicatif::ProgressBar;
use std::collections::HashSet;
use std::future::Future;

/// User ids from a file (or stdin for `-`): one per line, blank lines and
/// `#` comments skipped, duplicates dropped (first occurrence kept). A file
/// must be a regular one (a FIFO or a device is refused at once, exit 2);
/// stdin may be anything. Read a line at a time, each line and all the ids
/// together capped ([`local::USER_ID_BYTES`], [`local::USER_IDS_BYTES`]),
/// so `/dev/zero` on stdin is refused at its first 4 KiB.
pub fn read_ids(source: &str) -> Result<Vec<String>> {
    use crate::local::{self, Opened};
    if source == "-" {
        return ids_from(std::io::stdin().lock(), "the user ids on stdin");
    }
    let what = format!("users file {source}");
    match local::open_regular(std::path::Path::new(source)) {
        Ok(file) => ids_from(std::io::BufReader::new(file), &what),
        Err(Opened::Missing) => Err(Error::usage(format!(
            "cannot read {what}: it does not exist"
        ))),
        Err(Opened::NotRegular(kind)) => Err(Error::usage(local::not_regular(
            "users file",
            std::path::Path::new(source),
            kind,
        ))),
        Err(Opened::Failed(e)) => Err(Error::usage(format!("cannot read {what}: {e}"))),
    }
}

fn ids_from(mut input: impl std::io::BufRead, what: &str) -> Result<Vec<String>> {
    use crate::local::{USER_ID_BYTES, USER_IDS_BYTES};
    use std::io::{BufRead, Read};
    let mut ids: Vec<String> = Vec::new();
    let (mut line, mut held, mut number) = (Vec::new(), 0usize, 0usize);
    loop {
        line.clear();
        number += 1;
        let got = (&mut input)
            .take(USER_ID_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::usage(format!("cannot read {what}: {e}")))?;
        if got == 0 {
            break;
        }
        if line.last() != Some(&b'\n') && line.len() > USER_ID_BYTES {
            return Err(Error::usage(format!(
                "line {number} of {what} is longer than {} KiB: that is not a user id",
                USER_ID_BYTES >> 10
            )));
        }
        let text = std::str::from_utf8(&line)
            .map_err(|_| Error::usage(format!("line {number} of {what} is not UTF-8 text")))?;
        let id = text.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        held += id.len();
        if held > USER_IDS_BYTES {
            return Err(Error::usage(format!(
                "{what} holds more than {} MiB of user ids: split it into several runs",
                USER_IDS_BYTES >> 20
            )));
        }
        ids.push(id.to_owned());
    }
    // Duplicates dropped, the first occurrence kept in its place.
    let keep: Vec<bool> = {
        let mut seen = HashSet::with_capacity(ids.len());
        ids.iter().map(|id| seen.insert(id.as_str())).collect()
    };
    let mut keep = keep.into_iter();
    ids.retain(|_| keep.next().unwrap_or(false));
    Ok(ids)
}

/// One lookup per user id, all with the same provider.
pub fn users(provider: ProviderId, ids: Vec<String>) -> Vec<BalanceLookup> {
    ids.into_iter()
        .map(|id| BalanceLookup {
            provider,
            subject: Some(id),
        })
        .collect()
}

/// One balance lookup: a provider and, where the API has one, a user.
#[derive(Debug, Clone)]
pub struct BalanceLookup {
    pub provider: ProviderId,
    pub subject: Option<String>,
}

/// A user's balances (one response) as a listing, for `get-balances USER`.
pub struct UserBalancePager<'a, P> {
    pub api: &'a P,
    pub engine: &'a Engine,
    pub user: &'a str,
}

impl<P: UserBalances> Pager for UserBalancePager<'_, P> {
    type Item = Balance;
    async fn page(&mut self, _cursor: Option<&str>, _want: Option<usize>) -> Result<Page<Balance>> {
        self.api.user_balances(self.engine, self.user).await
    }
}

/// `get-balances --users-file`: every user of the file, concurrently, one stream.
pub async fn users_file<P: UserBalances>(
    ctx: &Context,
    provider: ProviderId,
    api: &P,
    engine: &Engine,
    file: &str,
    concurrency: usize,
    mins: &super::thresholds::Minimums,
) -> Result<()> {
    let lookups = users(provider, read_ids(file)?);
    let list = &lookups;
    balances(
        ctx,
        list,
        concurrency,
        |_| mins,
        |i| async move {
            let id = list[i].subject.as_deref().unwrap_or_default();
            api.user_balances(engine, id).await.map(|page| vec![page])
        },
    )
    .await
}

/// Run every lookup with at most `concurrency` in flight. `fetch(i)` fetches
/// lookup `i`, returning its pages.
pub async fn balances<'m, F, Fut>(
    ctx: &Context,
    lookups: &[BalanceLookup],
    concurrency: usize,
    mins: impl Fn(ProviderId) -> &'m super::thresholds::Minimums,
    fetch: F,
) -> Result<()>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = Result<Vec<Page<Balance>>>>,
{
    let out = super::progress::stdout();
    let mut writer = output::writer::<Balance>(ctx.style, true, out);
    let header = Header {
        provider: lookups.first().map_or("", |l| l.provider.name()),
        profile: ctx.profile_name.clone(),
        subject: None,
        as_of: None,
    };
    // Begun with the first balances (or at the end), not before: a run that
    // ends early (a dry run, once its request is printed) leaves nothing else
    // on stdout. Failures before then are told to the writer once it begins.
    type Failed = Vec<(&'static str, Option<String>)>;
    let mut begun = false;
    let mut failed_before: Failed = Vec::new();
    fn begin(
        writer: &mut Box<dyn output::RecordWriter<Balance> + '_>,
        header: &Header,
        begun: &mut bool,
        failed_before: &mut Failed,
    ) -> Result<()> {
        if !std::mem::replace(begun, true) {
            writer.begin(header)?;
            for (provider, subject) in failed_before.drain(..) {
                writer.failed(Source {
                    provider,
                    subject: subject.as_deref(),
                    as_of: None,
                });
            }
        }
        Ok(())
    }
    let progress = progress_bar(lookups.len(), ctx.global.quiet);
    let mut results = futures_util::stream::iter(0..lookups.len())
        .map(|i| {
            let fetching = fetch(i);
            async move { (i, fetching.await) }
        })
        .buffered(concurrency.max(1));
    let mut first_failure: Option<(usize, Kind)> = None;
    let mut below = Vec::new();
    let mut failed = 0usize;
    while let Some((i, result)) = results.next().await {
        let lookup = &lookups[i];
        match result {
            Ok(pages) => {
                let arrived = crate::clock::rfc3339_seconds(crate::clock::now());
                let source = Source {
                    provider: lookup.provider.name(),
                    subject: lookup.subject.as_deref(),
                    as_of: Some(&arrived),
                };
                begin(&mut writer, &header, &mut begun, &mut failed_before)?;
                let mut seen = std::collections::BTreeSet::new();
                for page in pages {
                    page.each_chunk_with_body(|items, raw| {
                        seen.extend(items.iter().map(|b| b.currency.to_string()));
                        below.extend(super::thresholds::breaches(
                            source,
                            items,
                            mins(lookup.provider),
                        ));
                        writer.records(source, items, raw)
                    })?;
                }
                below.extend(super::thresholds::missing(
                    source,
                    &seen,
                    mins(lookup.provider),
                ));
                writer.source_done()?;
            }
            Err(e) if e.ends_run() => return Err(e),
            Err(e) => {
                if begun {
                    writer.failed(Source {
                        provider: lookup.provider.name(),
                        subject: lookup.subject.as_deref(),
                        as_of: None,
                    });
                } else {
                    failed_before.push((lookup.provider.name(), lookup.subject.clone()));
                }
                let e = e
                    .with_provider(lookup.provider.name())
                    .with_subject(lookup.subject.as_deref());
                super::print_error(&e, ctx.style.format, &ctx.global, true);
                failed += 1;
                if first_failure.is_none_or(|(first, _)| i < first) {
                    first_failure = Some((i, e.kind));
                }
            }
        }
        progress.inc(1);
        if failed > 0 {
            progress.set_message(format!("{failed} failed"));
        }
    }
    progress.finish_and_clear();
    begin(&mut writer, &header, &mut begun, &mut failed_before)?;
    writer.finish(None)?;
    // A breach is news, not an error: reported after the output, and its
    // exit code (10) only when nothing failed (a failure's code wins).
    super::thresholds::report(ctx.style.format, &below);
    match first_failure {
        Some((_, kind)) => Err(Error::reported(kind)),
        None if !below.is_empty() => Err(Error::reported(Kind::BelowMinimum)),
        None => Ok(()),
    }
}

/// Lookups done / total and failures, on stderr, only when it is a terminal.
fn progress_bar(total: usize, quiet: bool) -> ProgressBar {
    super::progress::line(
        Some(total as u64),
        "{spinner} {pos}/{len} done {msg}",
        quiet,
    )
}

#[cfg(test)]
mod tests {
    use super::ids_from;

    #[test]
    fn ids_skip_comments_blanks_and_duplicates() {
        let ids = ids_from(&b"# header\nu1\n\n  u2  \nu1\n#u3\nu3"[..], "x").unwrap();
        assert_eq!(ids, ["u1", "u2", "u3"]);
    }

    #[test]
    fn a_line_too_long_for_an_id_is_refused_where_it_starts() {
        let long = format!("u1\n{}\n", "a".repeat(crate::local::USER_ID_BYTES + 1));
        let e = ids_from(long.as_bytes(), "the users file").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("line 2 of the users file"), "{e}");
        // Exactly the cap is an id.
        let max = "a".repeat(crate::local::USER_ID_BYTES);
        assert_eq!(
            ids_from(max.as_bytes(), "x").unwrap(),
            std::slice::from_ref(&max)
        );
        assert_eq!(ids_from(format!("{max}\n").as_bytes(), "x").unwrap(), [max]);
        // A stream of zeros without a newline stops at once.
        let e = ids_from(std::io::BufReader::new(std::io::repeat(0)), "stdin").unwrap_err();
        assert!(e.message.contains("line 1"), "{e}");
    }
}
