//! `balances reconcile`: every balance of the ledger rolled forward by the
//! transactions that move it ([`crate::books`]), a row per window. Reads the
//! ledger only; each transaction listing is read once, a row at a time, for
//! every balance it moves.

use super::Context;
use crate::books::reconcile::{Options, Roll, Row, Snapshot, Status, Who};
use crate::books::{self, Movers, Moves};
use crate::cli::ReconcileArgs;
use crate::clock::{Form, Timestamp};
use crate::error::{Error, Kind, Result};
use crate::ledger::Target;
use crate::ledger::read::{ListingOf, Reader, StoredBalance};
use crate::output::fit::Fit;
use crate::output::{self, Format};
use crate::providers::ProviderId;
use std::collections::BTreeMap;
use std::io::Write;

pub async fn run(ctx: &Context, args: ReconcileArgs) -> Result<()> {
    if ctx.style.raw {
        return Err(Error::usage(
            "reconcile reads the ledger, not provider pages: it cannot be combined with --raw",
        ));
    }
    let format = ctx.style.format;
    if format == Format::Openmetrics {
        return Err(Error::usage(
            "-o openmetrics is for balances (get-balances, summary); reconcile reports in table, json, ndjson or csv",
        ));
    }
    let target = Target::parse(&args.db)?;
    let (mut reader, version) = Reader::open(&target).await?;
    let opts = Options {
        since: args.since,
        until: args.until,
        each: args.each,
        basis: args.basis,
    };
    let complete = reader.complete(version).await?;
    let through = |listing: &ListingOf, list: &str| {
        complete
            .iter()
            .filter(|c| &c.listing == listing && c.list == list)
            .filter_map(|c| Timestamp::parse(&c.through, Form::Rfc3339).ok())
            .max()
    };
    let wanted = |b: &StoredBalance| {
        (args.providers.is_empty() || args.providers.iter().any(|p| p.name() == b.provider))
            && (args.subjects.is_empty()
                || args
                    .subjects
                    .iter()
                    .any(|s| *s == b.subject || b.account_id.as_deref() == Some(s)))
    };
    // Each balance's snapshots, in time order (the query orders them).
    let mut snapshots: BTreeMap<BalanceKey, (StoredBalance, Vec<Snapshot>)> = BTreeMap::new();
    for b in reader.balances(version).await?.into_iter().filter(wanted) {
        let as_of = Timestamp::parse(&b.as_of, Form::Rfc3339).map_err(|_| {
            Error::config(format!(
                "the ledger holds a snapshot time that is not one ({})",
                crate::text::quote(&b.as_of)
            ))
        })?;
        let snapshot = Snapshot {
            as_of,
            as_of_text: b.as_of.clone(),
            available: b.available.clone(),
            total: b.total.clone(),
        };
        snapshots
            .entry(BalanceKey::of(&b))
            .or_insert_with(|| (b, Vec::new()))
            .1
            .push(snapshot);
    }
    // Each balance's roll, and the listing (and card) whose transactions move it.
    let mut rolls: Vec<(Roll, Option<String>)> = Vec::new();
    let mut by_listing: BTreeMap<ListingOf, Vec<usize>> = BTreeMap::new();
    for (_, (b, mut snaps)) in snapshots {
        snaps.sort_by_key(|s| s.as_of);
        let who = Who {
            provider: b.provider.clone(),
            profile: b.profile.clone(),
            subject: b.subject.clone(),
            account_id: b.account_id.clone(),
            currency: b.currency.clone(),
        };
        let roll = match books::movers(&b) {
            Movers::None(why) => Roll::new(who, snaps, &opts, Some(why), None),
            Movers::Listing {
                listing,
                list,
                card,
            } => {
                let roll = Roll::new(who, snaps, &opts, None, through(&listing, list));
                if roll.wants_transactions() {
                    by_listing.entry(listing).or_default().push(rolls.len());
                }
                rolls.push((roll, card));
                continue;
            }
        };
        rolls.push((roll, None));
    }
    for (listing, members) in &by_listing {
        let form = ProviderId::from_name(&listing.provider)
            .map_or(Form::Rfc3339, ProviderId::timestamp_form);
        let cards = members.iter().any(|&i| rolls[i].1.is_some());
        // The sums; then, only if a window does not add up, a second read
        // for the transactions near its snapshots.
        read_listing(&mut reader, listing, form, cards, members, &mut rolls).await?;
        let mut doubt = Vec::new();
        for &i in members {
            if rolls[i].0.gather_near().map_err(Error::bad_response)? {
                doubt.push(i);
            }
        }
        if !doubt.is_empty() {
            read_listing(&mut reader, listing, form, cards, &doubt, &mut rolls).await?;
        }
    }
    let mut rows = Vec::new();
    for (roll, _) in rolls {
        rows.extend(roll.rows().map_err(Error::bad_response)?);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout());
    output::flat::write(format, ctx.style.pager, &mut out, &rows)?;
    out.flush()?;
    let mismatches: Vec<&Row> = rows
        .iter()
        .filter(|r| r.status == Status::Mismatch)
        .collect();
    for row in &mismatches {
        report(format, row);
    }
    if mismatches.is_empty() {
        Ok(())
    } else {
        Err(Error::reported(Kind::Mismatch))
    }
}

/// One read of a listing's transactions, each to the rolls of `members`
/// it moves (a card's only to that card's).
async fn read_listing(
    reader: &mut Reader,
    listing: &ListingOf,
    form: Form,
    cards: bool,
    members: &[usize],
    rolls: &mut [(Roll, Option<String>)],
) -> Result<()> {
    reader
        .transactions(listing, cards, |t| {
                let Some(created) = t.created_at else {
                    return Err(Error::bad_response(format!(
                        "transaction {} in the ledger has no created_at: it cannot be placed in a window",
                        crate::text::quote(t.id)
                    )));
                };
                let at = Timestamp::parse(created, form).map_err(|e| {
                    Error::bad_response(format!(
                        "transaction {} in the ledger: {e}",
                        crate::text::quote(t.id)
                    ))
                })?;
                let card = if cards { books::card_of(&t) } else { None };
                for &i in members {
                    let (roll, wanted_card) = &mut rolls[i];
                    if wanted_card.is_some() && *wanted_card != card {
                        continue;
                    }
                    let moves = Moves::of(&t, &roll.who().currency);
                    roll.add(at, &moves).map_err(|why| {
                        Error::bad_response(format!(
                            "transaction {}: {why}",
                            crate::text::quote(t.id)
                        ))
                    })?;
                }
                Ok(())
        })
        .await
}

/// A balance: what one row (or `--each`, rows) is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct BalanceKey {
    provider: String,
    profile: String,
    subject: String,
    account_id: Option<String>,
    currency: String,
    base_url: String,
    list: Option<String>,
}

impl BalanceKey {
    fn of(b: &StoredBalance) -> BalanceKey {
        BalanceKey {
            provider: b.provider.clone(),
            profile: b.profile.clone(),
            subject: b.subject.clone(),
            account_id: b.account_id.clone(),
            currency: b.currency.clone(),
            base_url: b.base_url.clone(),
            list: b.list.clone(),
        }
    }
}

/// A mismatch named on stderr: text, or one JSON object in JSON modes.
fn report(format: Format, row: &Row) {
    if super::json_stderr(format) {
        let shown = serde_json::json!({"mismatch": {
            "provider": row.provider, "profile": row.profile, "subject": row.subject,
            "account_id": row.account_id, "currency": row.currency,
            "opening_as_of": row.opening_as_of, "closing_as_of": row.closing_as_of,
            "expected": row.expected, "closing": row.closing, "difference": row.difference,
        }});
        eprintln!("{shown}");
        return;
    }
    let who = match (&row.subject, &row.account_id) {
        (s, Some(a)) if s.is_empty() => format!("account {a}"),
        (s, Some(a)) => format!("{s} account {a}"),
        (s, None) => s.clone(),
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    eprintln!(
        "balances: mismatch: {} {} {}: from {} to {}: expected {}, closing {} (difference {})",
        row.provider,
        crate::text::printable(&who),
        crate::text::printable(&row.currency),
        text(&row.opening_as_of),
        text(&row.closing_as_of),
        text(&row.expected),
        text(&row.closing),
        text(&row.difference),
    );
}

impl output::flat::FlatRecord for Row {
    const KEYS: &'static [&'static str] = &[
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
        "note",
    ];
    // The verdict first: the difference and the status stay on any screen.
    const TABLE: &'static [(&'static str, &'static str, bool, Fit)] = &[
        ("provider", "PROVIDER", false, Fit::Text(60)),
        ("subject", "SUBJECT", false, Fit::Text(70)),
        ("account_id", "ACCOUNT", false, Fit::Text(15)),
        ("currency", "CURRENCY", false, Fit::Always),
        ("opening", "OPENING", true, Fit::Whole(30)),
        ("inflow", "IN", true, Fit::Whole(20)),
        ("outflow", "OUT", true, Fit::Whole(20)),
        ("fees", "FEES", true, Fit::Whole(10)),
        ("closing", "CLOSING", true, Fit::Whole(40)),
        ("difference", "DIFFERENCE", true, Fit::Always),
        ("closing_as_of", "TO", false, Fit::Text(5)),
        ("status", "STATUS", false, Fit::Always),
    ];
    fn fields(&self) -> Vec<Option<String>> {
        vec![
            Some(self.provider.clone()),
            Some(self.profile.clone()),
            Some(self.subject.clone()),
            self.account_id.clone(),
            Some(self.currency.clone()),
            Some(self.basis.to_owned()),
            self.opening.clone(),
            self.opening_as_of.clone(),
            self.inflow.clone(),
            self.outflow.clone(),
            self.fees.clone(),
            self.transactions.map(|n| n.to_string()),
            self.expected.clone(),
            self.closing.clone(),
            self.closing_as_of.clone(),
            self.difference.clone(),
            Some(self.status.name().to_owned()),
            self.note.clone(),
        ]
    }
}
