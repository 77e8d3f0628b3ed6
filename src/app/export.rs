//! `balances export`: the ledger as a Beancount, hledger or Ledger journal
//! ([`crate::books::journal`]), to stdout. Reads the ledger only; the same
//! ledger always gives the same bytes.

use super::Context;
use crate::books::journal::{Assertion, Entry, Journal};
use crate::books::{self};
use crate::cli::ExportArgs;
use crate::clock::{Form, Timestamp};
use crate::error::{Error, Result};
use crate::ledger::Target;
use crate::ledger::read::Reader;
use crate::providers::ProviderId;
use std::io::Write;

pub async fn run(ctx: &Context, args: ExportArgs) -> Result<()> {
    if ctx.style.raw {
        return Err(Error::usage(
            "export writes a journal, not provider pages: it cannot be combined with --raw",
        ));
    }
    let target = Target::parse(&args.db)?;
    let (mut reader, version) = Reader::open(&target).await?;
    let wanted_provider =
        |p: &str| args.providers.is_empty() || args.providers.iter().any(|w| w.name() == p);
    let in_range =
        |at: Timestamp| args.since.is_none_or(|s| at >= s) && args.until.is_none_or(|u| at <= u);
    let mut assertions = Vec::new();
    for b in reader.balances(version).await? {
        if !wanted_provider(&b.provider) {
            continue;
        }
        let at = Timestamp::parse(&b.as_of, Form::Rfc3339).map_err(|_| {
            Error::config(format!(
                "the ledger holds a snapshot time that is not one ({})",
                crate::text::quote(&b.as_of)
            ))
        })?;
        let figure = match (b.total.as_ref(), b.available.as_ref()) {
            // The figure the transactions account for (the books rule's basis).
            (Some(total), _) => total.clone(),
            (None, Some(available)) => available.clone(),
            (None, None) => continue,
        };
        if in_range(at) {
            assertions.push(Assertion {
                at,
                as_of: b.as_of.clone(),
                place: books::place_of_balance(&b),
                currency: b.currency.clone(),
                figure,
            });
        }
    }
    let mut entries = Vec::new();
    for listing in reader.transaction_listings().await? {
        if !wanted_provider(&listing.provider) {
            continue;
        }
        let form = ProviderId::from_name(&listing.provider)
            .map_or(Form::Rfc3339, ProviderId::timestamp_form);
        reader
            .transactions(&listing, true, |t| {
                let at = t
                    .created_at
                    .ok_or("has no created_at")
                    .and_then(|c| Timestamp::parse(c, form).map_err(|_| "has no time"))
                    .map_err(|why| {
                        Error::bad_response(format!(
                            "transaction {} in the ledger {why}",
                            crate::text::quote(t.id)
                        ))
                    })?;
                if !in_range(at) {
                    return Ok(());
                }
                for (_, amount) in [t.from, t.to, t.fee].into_iter().flatten() {
                    crate::money::exact::Exact::parse(amount).map_err(|e| {
                        Error::bad_response(format!(
                            "transaction {} in the ledger: {e}",
                            crate::text::quote(t.id)
                        ))
                    })?;
                }
                let owned =
                    |leg: Option<(&str, &str)>| leg.map(|(c, a)| (c.to_owned(), a.to_owned()));
                entries.push(Entry {
                    at,
                    place: books::place_of_transaction(&listing, &t),
                    id: t.id.to_owned(),
                    key: format!(
                        "{}/{}/{}/{}/{}",
                        listing.provider, listing.profile, listing.base_url, listing.subject, t.id
                    ),
                    kind: t.kind.map(str::to_owned),
                    status: t.status.map(str::to_owned),
                    from: owned(t.from),
                    to: owned(t.to),
                    fee: owned(t.fee),
                });
                Ok(())
            })
            .await?;
    }
    place_at_cuts(&mut assertions, &entries).map_err(Error::bad_response)?;
    let journal = Journal {
        entries,
        assertions,
        source: target.display(),
    };
    let text = journal.write(args.format).map_err(|too_long| {
        let shown: Vec<String> = too_long.iter().take(5).map(|t| t.what.clone()).collect();
        Error::bad_response(format!(
            "Beancount keeps {} significant digits and would round {} amount(s) of this ledger \
             (for example {}): export it with --format hledger or ledger, which are exact",
            crate::books::journal::BEANCOUNT_DIGITS,
            too_long.len(),
            shown.join(", ")
        ))
    })?;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Each assertion at its snapshot's cut, as `reconcile` finds it: where a
/// provider's clock put a transaction a second past the snapshot that
/// counts it, the assertion comes after that transaction, so what
/// `reconcile` calls ok every tool accepts.
fn place_at_cuts(
    assertions: &mut [Assertion],
    entries: &[Entry],
) -> std::result::Result<(), String> {
    use crate::books::reconcile::{Options, Roll, Snapshot, Who};
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<(crate::books::journal::Place, String), Vec<usize>> = BTreeMap::new();
    for (i, a) in assertions.iter().enumerate() {
        groups
            .entry((a.place.clone(), a.currency.clone()))
            .or_default()
            .push(i);
    }
    for ((place, currency), mut members) in groups {
        members.sort_by_key(|&i| assertions[i].at);
        let snapshots = members
            .iter()
            .map(|&i| Snapshot {
                as_of: assertions[i].at,
                as_of_text: assertions[i].as_of.clone(),
                available: None,
                total: Some(assertions[i].figure.clone()),
            })
            .collect();
        let who = Who {
            provider: place.provider.clone(),
            profile: place.profile.clone(),
            subject: place.subject.clone(),
            account_id: None,
            currency: currency.clone(),
        };
        let opts = Options {
            each: true,
            ..Options::default()
        };
        let mut roll = Roll::new(
            who,
            snapshots,
            &opts,
            None,
            Some(Timestamp::from_nanos(i128::MAX)),
        );
        for pass in 0..2 {
            if pass == 1 && !roll.gather_near()? {
                break;
            }
            for e in entries.iter().filter(|e| e.place == place) {
                roll.add(e.at, &crate::books::Moves::of(&e.stored(), &currency))?;
            }
        }
        let (_, cuts) = roll.rows_and_cuts()?;
        for (&i, cut) in members.iter().zip(cuts) {
            assertions[i].at = cut;
        }
    }
    Ok(())
}
