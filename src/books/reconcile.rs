//! The roll-forward: opening + inflow − outflow − fees = expected, against
//! the closing snapshot, over windows between snapshots, exactly.
//!
//! A transaction belongs to a window by its `created_at`: (opening's
//! `as_of`, closing's `as_of`]. A snapshot's `as_of` is our clock when the
//! answer arrived, to the second; the provider counted its transactions up
//! to a moment of *its* clock, within [`CLOCK_SLACK`] of that. So when the
//! natural windows leave a difference, the cut is looked for within that
//! slack at both ends (a transaction dated a second after a snapshot that
//! already counts it, or a second before one that does not yet): if one
//! cut makes the difference zero, the window is `ok` and its figures are
//! those of that cut; a transaction left out of the ledger is never
//! explained away, since no cut can add what is not there. With `--each`,
//! the cut found for a snapshot closing one window opens the next.
//!
//! A window past how far the transaction listing is known to be complete
//! (the start of the last complete read) is `incomplete`: its figures
//! would be a guess, so none is printed.

use super::Moves;
use crate::clock::Timestamp;
use crate::money::exact::Exact;
use std::collections::HashMap;

/// How far a provider's clock (and our answer's arrival) may be from a
/// snapshot's `as_of`: the skew `doctor` tolerates.
pub const CLOCK_SLACK_SECS: i64 = 60;
const CLOCK_SLACK: i128 = CLOCK_SLACK_SECS as i128 * 1_000_000_000;

/// Which snapshot figure is rolled forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Basis {
    Total,
    Available,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Total => "total",
            Basis::Available => "available",
        }
    }
}

/// What to roll forward over.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub since: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub each: bool,
    pub basis: Option<Basis>,
}

/// One snapshot of a balance, as stored.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub as_of: Timestamp,
    pub as_of_text: String,
    pub available: Option<String>,
    pub total: Option<String>,
}

/// Who a row is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Who {
    pub provider: String,
    pub profile: String,
    pub subject: String,
    pub account_id: Option<String>,
    pub currency: String,
}

/// One row of `balances reconcile`, its keys in the contract's order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Row {
    pub provider: String,
    pub profile: String,
    pub subject: String,
    pub account_id: Option<String>,
    pub currency: String,
    pub basis: &'static str,
    pub opening: Option<String>,
    pub opening_as_of: Option<String>,
    pub inflow: Option<String>,
    pub outflow: Option<String>,
    pub fees: Option<String>,
    pub transactions: Option<u64>,
    pub expected: Option<String>,
    pub closing: Option<String>,
    pub closing_as_of: Option<String>,
    pub difference: Option<String>,
    pub status: Status,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Mismatch,
    Incomplete,
    Unreconcilable,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Mismatch => "mismatch",
            Status::Incomplete => "incomplete",
            Status::Unreconcilable => "unreconcilable",
        }
    }
}

/// A transaction's effect on one currency, exactly.
#[derive(Debug, Clone, Default)]
struct Effect {
    inflow: Exact,
    outflow: Exact,
    fees: Exact,
    count: u64,
}

impl Effect {
    fn of(moves: &Moves<'_>) -> Result<Effect, String> {
        let x = |a: Option<&str>| a.map(amount).transpose().map(Option::unwrap_or_default);
        Ok(Effect {
            inflow: x(moves.inflow)?,
            outflow: x(moves.outflow)?,
            fees: x(moves.fee)?,
            count: 1,
        })
    }

    fn add(&mut self, other: &Effect) {
        self.inflow.add(&other.inflow);
        self.outflow.add(&other.outflow);
        self.fees.add(&other.fees);
        self.count += other.count;
    }

    fn sub(&mut self, other: &Effect) {
        self.inflow.sub(&other.inflow);
        self.outflow.sub(&other.outflow);
        self.fees.sub(&other.fees);
        self.count -= other.count;
    }

    /// In − out − fees.
    fn net(&self) -> Exact {
        self.inflow.clone().minus(&self.outflow).minus(&self.fees)
    }
}

/// One balance rolled forward: its snapshots, windows and sums so far.
#[derive(Debug)]
pub struct Roll {
    who: Who,
    basis: Basis,
    snapshots: Vec<Snapshot>,
    /// Pairs of snapshot indices, in time order.
    windows: Vec<(usize, usize)>,
    sums: Vec<Effect>,
    /// Transactions within the slack of each boundary snapshot's `as_of`,
    /// gathered (by a second read, [`Roll::gather_near`]) only around the
    /// windows that do not add up: a million transactions cost their sums,
    /// not their list.
    near: HashMap<usize, Vec<(Timestamp, Effect)>>,
    /// The snapshots whose neighbours the current read gathers (`None`: it sums).
    gathering: Option<std::collections::BTreeSet<usize>>,
    /// Why nothing can be rolled forward, if so.
    unreconcilable: Option<String>,
    /// The start of the last complete read of the listing.
    complete_through: Option<Timestamp>,
}

impl Roll {
    /// `snapshots` in time order; `movers_missing`: why no listing moves this
    /// balance, if none does; `complete_through`: see [`Roll`].
    pub fn new(
        who: Who,
        snapshots: Vec<Snapshot>,
        opts: &Options,
        movers_missing: Option<&str>,
        complete_through: Option<Timestamp>,
    ) -> Roll {
        let has_total = |s: &Snapshot| s.total.is_some();
        let basis = opts.basis.unwrap_or(if snapshots.iter().all(has_total) {
            Basis::Total
        } else {
            Basis::Available
        });
        let mut roll = Roll {
            who,
            basis,
            snapshots,
            windows: Vec::new(),
            sums: Vec::new(),
            near: HashMap::new(),
            gathering: None,
            unreconcilable: None,
            complete_through,
        };
        let at_or_before = |t: Timestamp| roll.snapshots.iter().rposition(|s| s.as_of <= t);
        let first = match opts.since {
            Some(t) => at_or_before(t),
            None => (!roll.snapshots.is_empty()).then_some(0),
        };
        let last = match opts.until {
            Some(t) => at_or_before(t),
            None => roll.snapshots.len().checked_sub(1),
        };
        match (first, last) {
            (None, _) if opts.since.is_some() => {
                roll.unreconcilable = Some("no snapshot at or before --since".into())
            }
            (_, None) => roll.unreconcilable = Some("no snapshot at or before --until".into()),
            (Some(f), Some(l)) if l <= f => {
                roll.unreconcilable = Some("one snapshot: nothing to roll forward".into());
                roll.windows = vec![(f, f)];
            }
            (Some(f), Some(l)) => {
                roll.windows = if opts.each {
                    (f..l).map(|i| (i, i + 1)).collect()
                } else {
                    vec![(f, l)]
                };
            }
            (None, Some(_)) => unreachable!("no --since gives the first snapshot"),
        }
        if roll.unreconcilable.is_none() {
            if let Some(why) = movers_missing {
                roll.unreconcilable = Some(why.to_owned());
            } else if let Some(i) = roll
                .windows
                .iter()
                .flat_map(|&(o, c)| [o, c])
                .find(|&i| roll.figure(i).is_none())
            {
                roll.unreconcilable = Some(format!(
                    "the snapshot of {} has no {} figure",
                    roll.snapshots[i].as_of_text,
                    basis.name()
                ));
            }
        }
        roll.sums = vec![Effect::default(); roll.windows.len()];
        roll
    }

    pub fn who(&self) -> &Who {
        &self.who
    }

    /// Whether transactions are wanted at all (not for a row that cannot be rolled).
    pub fn wants_transactions(&self) -> bool {
        self.unreconcilable.is_none()
    }

    fn figure(&self, i: usize) -> Option<&str> {
        let s = &self.snapshots[i];
        match self.basis {
            Basis::Total => s.total.as_deref(),
            Basis::Available => s.available.as_deref(),
        }
    }

    /// One transaction of the listing, at `at`, moving this balance's
    /// currency by `moves`; an amount that is not a decimal is the error.
    pub fn add(&mut self, at: Timestamp, moves: &Moves<'_>) -> Result<(), String> {
        if !moves.touches() || !self.wants_transactions() {
            return Ok(());
        }
        let effect = Effect::of(moves)?;
        let Some(wanted) = &self.gathering else {
            // Its window: the first whose closing is at or after it.
            let w = self
                .windows
                .partition_point(|&(_, c)| self.snapshots[c].as_of < at);
            if let Some(&(o, _)) = self.windows.get(w)
                && self.snapshots[o].as_of < at
            {
                self.sums[w].add(&effect);
            }
            return Ok(());
        };
        // Near a boundary in doubt: kept, for a cut within the slack.
        let lo = self
            .snapshots
            .partition_point(|s| s.as_of.nanos() < at.nanos() - CLOCK_SLACK);
        for i in lo..self.snapshots.len() {
            if self.snapshots[i].as_of.nanos() > at.nanos() + CLOCK_SLACK {
                break;
            }
            if wanted.contains(&i) {
                self.near.entry(i).or_default().push((at, effect.clone()));
            }
        }
        Ok(())
    }

    /// After the read that summed every window: whether the windows that do
    /// not add up at their natural cuts need a second read, to gather the
    /// transactions near their snapshots ([`Roll::add`] then gathers only).
    pub fn gather_near(&mut self) -> Result<bool, String> {
        let mut doubt = std::collections::BTreeSet::new();
        if self.unreconcilable.is_none() {
            for (w, &(o, c)) in self.windows.iter().enumerate() {
                let (opening, closing) = match (self.figure(o), self.figure(c)) {
                    (Some(a), Some(b)) => (amount(a)?, amount(b)?),
                    _ => continue,
                };
                if !closing.minus(&opening.plus(&self.sums[w].net())).is_zero() {
                    doubt.extend([o, c]);
                    // A cut found for its closing snapshot opens the next window.
                    if let Some(&(_, next)) = self.windows.get(w + 1) {
                        doubt.insert(next);
                    }
                }
            }
        }
        let any = !doubt.is_empty();
        self.gathering = Some(doubt);
        Ok(any)
    }

    /// The rows: one per window (a snapshot figure that is not a decimal is the error).
    pub fn rows(self) -> Result<Vec<Row>, String> {
        Ok(self.rows_and_cuts()?.0)
    }

    /// The rows, and each snapshot's cut: the moment of the provider's
    /// history it counts to (its `as_of`, unless a cut within the slack made
    /// a window add up). `export` places its balance assertions there.
    pub fn rows_and_cuts(self) -> Result<(Vec<Row>, Vec<Timestamp>), String> {
        let mut rows = Vec::with_capacity(self.windows.len());
        let mut cuts: Vec<Timestamp> = self.snapshots.iter().map(|s| s.as_of).collect();
        // The cut found for the snapshot that closed the window before.
        let mut carried: Option<(usize, Timestamp)> = None;
        for (w, &(o, c)) in self.windows.iter().enumerate() {
            rows.push(self.row(w, o, c, &mut carried, &mut cuts)?);
        }
        Ok((rows, cuts))
    }

    fn row(
        &self,
        w: usize,
        o: usize,
        c: usize,
        carried: &mut Option<(usize, Timestamp)>,
        cuts: &mut [Timestamp],
    ) -> Result<Row, String> {
        let (open, close) = (&self.snapshots[o], &self.snapshots[c]);
        let mut row = Row {
            provider: self.who.provider.clone(),
            profile: self.who.profile.clone(),
            subject: self.who.subject.clone(),
            account_id: self.who.account_id.clone(),
            currency: self.who.currency.clone(),
            basis: self.basis.name(),
            opening: self.figure(o).map(str::to_owned),
            opening_as_of: Some(open.as_of_text.clone()),
            inflow: None,
            outflow: None,
            fees: None,
            transactions: None,
            expected: None,
            closing: self.figure(c).map(str::to_owned),
            closing_as_of: Some(close.as_of_text.clone()),
            difference: None,
            status: Status::Unreconcilable,
            note: None,
        };
        if let Some(why) = &self.unreconcilable {
            row.note = Some(why.clone());
            *carried = None;
            return Ok(row);
        }
        if self.complete_through.is_none_or(|t| t < close.as_of) {
            row.status = Status::Incomplete;
            row.note = Some(match self.complete_through {
                None => "the transactions listing was never read completely".into(),
                Some(t) => format!(
                    "the transactions listing is known complete only up to {}",
                    t.to_rfc3339()
                ),
            });
            *carried = None;
            return Ok(row);
        }
        let (opening, closing) = (
            amount(row.opening.as_deref().unwrap_or("0"))?,
            amount(row.closing.as_deref().unwrap_or("0"))?,
        );
        let natural = self.sums[w].clone();
        let fixed_open = carried.filter(|(s, _)| *s == o).map(|(_, cut)| cut);
        let difference = closing.clone().minus(&opening.clone().plus(&natural.net()));
        let chosen = if difference.is_zero() && fixed_open.is_none() {
            None
        } else {
            let opens = match fixed_open {
                Some(cut) => vec![cut],
                None => self.cuts(o),
            };
            self.search(o, c, &opens, &difference)
        };
        let (mut sums, cut_close) = (natural, chosen.as_ref().map(|(_, _, cut)| *cut));
        let cut_open = chosen.as_ref().map(|(_, cut, _)| *cut);
        let adjust = match (chosen, fixed_open) {
            (Some((adjust, _, _)), _) => Some(adjust),
            // The opening cut the window before chose stands, whatever this one finds.
            (None, Some(cut)) => Some(self.moved(o, cut, true)),
            (None, None) => None,
        };
        if let Some((into, out)) = adjust {
            sums.add(&into);
            sums.sub(&out);
        }
        let expected = opening.clone().plus(&sums.net());
        let diff = closing.clone().minus(&expected);
        let scale = [&opening, &closing, &sums.inflow, &sums.outflow, &sums.fees]
            .iter()
            .map(|x| x.scale())
            .max()
            .unwrap_or(0);
        row.inflow = Some(sums.inflow.to_string_at(scale));
        row.outflow = Some(sums.outflow.to_string_at(scale));
        row.fees = Some(sums.fees.to_string_at(scale));
        row.transactions = Some(sums.count);
        row.expected = Some(expected.to_string_at(scale));
        row.difference = Some(diff.to_string_at(scale));
        row.status = if diff.is_zero() {
            Status::Ok
        } else {
            Status::Mismatch
        };
        *carried = match (row.status, cut_close) {
            (Status::Ok, Some(cut)) => Some((c, cut)),
            _ => None,
        };
        if row.status == Status::Ok {
            if let Some(cut) = cut_open {
                cuts[o] = cut;
            }
            if let Some(cut) = cut_close {
                cuts[c] = cut;
            }
        }
        Ok(row)
    }

    /// The cuts that snapshot `i` may have counted to: its `as_of`, and
    /// just before and at each transaction within the slack of it (a cut
    /// counts every transaction at or before it).
    fn cuts(&self, i: usize) -> Vec<Timestamp> {
        let a = self.snapshots[i].as_of;
        let mut cuts = vec![a];
        for (t, _) in self.near.get(&i).into_iter().flatten() {
            cuts.push(*t);
            cuts.push(Timestamp::from_nanos(t.nanos() - 1));
        }
        cuts.retain(|t| (t.nanos() - a.nanos()).abs() <= CLOCK_SLACK);
        cuts.sort();
        cuts.dedup();
        cuts
    }

    /// What moving snapshot `i`'s cut from its `as_of` to `cut` brings into
    /// the window it opens (`opening`) or closes, and takes out of it.
    fn moved(&self, i: usize, cut: Timestamp, opening: bool) -> (Effect, Effect) {
        let a = self.snapshots[i].as_of;
        let (mut into, mut out) = (Effect::default(), Effect::default());
        let (lo, hi) = if cut < a { (cut, a) } else { (a, cut) };
        for (t, e) in self.near.get(&i).into_iter().flatten() {
            if lo < *t && *t <= hi {
                // An earlier opening or a later closing takes it in.
                if opening == (cut < a) {
                    into.add(e);
                } else {
                    out.add(e);
                }
            }
        }
        (into, out)
    }

    /// The nearest cuts (an opening one of `opens`, a closing one) that
    /// make `diff` (closing − expected, at the natural cuts) zero: what they
    /// bring in and take out, and the closing cut.
    fn search(
        &self,
        o: usize,
        c: usize,
        opens: &[Timestamp],
        diff: &Exact,
    ) -> Option<((Effect, Effect), Timestamp, Timestamp)> {
        let (a_o, a_c) = (self.snapshots[o].as_of, self.snapshots[c].as_of);
        let change = |(into, out): &(Effect, Effect)| into.net().minus(&out.net());
        // Each change a closing cut can make, by its nearest cut.
        let mut by_change: HashMap<String, (i128, Timestamp, (Effect, Effect))> = HashMap::new();
        for cut in self.cuts(c) {
            let adjust = self.moved(c, cut, false);
            let distance = (cut.nanos() - a_c.nanos()).abs();
            let key = change(&adjust).normalized();
            if by_change.get(&key).is_none_or(|(d, _, _)| distance < *d) {
                by_change.insert(key, (distance, cut, adjust));
            }
        }
        let mut best: Option<(i128, (Effect, Effect), Timestamp, Timestamp)> = None;
        for &cut_o in opens {
            let (mut into, mut out) = self.moved(o, cut_o, true);
            let wanted = diff.clone().minus(&change(&(into.clone(), out.clone())));
            let Some((distance_c, cut_c, (into_c, out_c))) = by_change.get(&wanted.normalized())
            else {
                continue;
            };
            let distance = (cut_o.nanos() - a_o.nanos()).abs() + distance_c;
            if *cut_c > cut_o && best.as_ref().is_none_or(|(d, ..)| distance < *d) {
                into.add(into_c);
                out.add(out_c);
                best = Some((distance, (into, out), cut_o, *cut_c));
            }
        }
        best.map(|(_, adjust, cut_o, cut_c)| (adjust, cut_o, cut_c))
    }
}

/// A stored amount's exact value.
fn amount(text: &str) -> Result<Exact, String> {
    Exact::parse(text).map_err(|e| format!("the ledger holds an amount that is not one ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::read::StoredTransaction;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text, crate::clock::Form::Rfc3339).unwrap()
    }

    fn snapshot(time: &str, total: &str) -> Snapshot {
        Snapshot {
            as_of: at(time),
            as_of_text: time.into(),
            available: None,
            total: Some(total.into()),
        }
    }

    fn roll(snapshots: Vec<Snapshot>, each: bool, txs: &[(&str, &str)]) -> Vec<Row> {
        let who = Who {
            provider: "boca".into(),
            profile: "default".into(),
            subject: "u".into(),
            account_id: None,
            currency: "CAD".into(),
        };
        let opts = Options {
            each,
            ..Options::default()
        };
        let mut r = Roll::new(
            who,
            snapshots,
            &opts,
            None,
            Some(at("2030-01-01T00:00:00Z")),
        );
        // As `reconcile` reads a listing: once for the sums, again if a
        // window does not add up.
        for pass in 0..2 {
            if pass == 1 && !r.gather_near().unwrap() {
                break;
            }
            for (time, amount) in txs {
                let t = StoredTransaction {
                    id: "t",
                    created_at: Some(time),
                    kind: None,
                    status: None,
                    from: None,
                    to: Some(("CAD", amount)),
                    fee: None,
                    rate: None,
                    provider_fields: None,
                };
                r.add(at(time), &Moves::of(&t, "CAD")).unwrap();
            }
        }
        r.rows().unwrap()
    }

    /// The provider's clock a second ahead of ours: a transaction dated a
    /// second after the snapshot that already counts it is that snapshot's,
    /// and the window after it (with `--each`) does not count it again.
    #[test]
    fn a_transaction_a_second_past_the_snapshot_that_counts_it_is_that_snapshots() {
        let snapshots = vec![
            snapshot("2026-12-07T12:00:00Z", "100.00"),
            snapshot("2026-12-07T12:01:00Z", "110.00"),
            snapshot("2026-12-07T12:02:00Z", "115.00"),
        ];
        let txs = [
            ("2026-12-07T12:00:30Z", "4.00"),
            ("2026-12-07T12:01:01Z", "6.00"), // counted in the 12:01 snapshot
            ("2026-12-07T12:01:30Z", "5.00"),
        ];
        let rows = roll(snapshots.clone(), true, &txs);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.status == Status::Ok), "{rows:#?}");
        assert_eq!(rows[0].inflow.as_deref(), Some("10.00"));
        assert_eq!(rows[1].inflow.as_deref(), Some("5.00"));
        let whole = roll(snapshots, false, &txs);
        assert_eq!(whole[0].status, Status::Ok);
        assert_eq!(whole[0].transactions, Some(3));
    }

    /// No cut adds what the ledger does not hold: a missing transaction is
    /// a mismatch of exactly its amount, even near a snapshot.
    #[test]
    fn a_missing_transaction_is_never_explained_away() {
        let snapshots = vec![
            snapshot("2026-12-07T12:00:00Z", "100.00"),
            snapshot("2026-12-07T12:01:00Z", "110.00"),
        ];
        let rows = roll(snapshots, false, &[("2026-12-07T12:00:59Z", "4.00")]);
        assert_eq!(rows[0].status, Status::Mismatch);
        assert_eq!(rows[0].difference.as_deref(), Some("6.00"));
        assert_eq!(rows[0].expected.as_deref(), Some("104.00"));
    }

    #[test]
    fn one_snapshot_and_a_missing_figure_are_unreconcilable() {
        let rows = roll(vec![snapshot("2026-12-07T12:00:00Z", "1")], false, &[]);
        assert_eq!(rows[0].status, Status::Unreconcilable);
        assert!(rows[0].note.as_deref().unwrap().contains("one snapshot"));
        let mut s = snapshot("2026-12-07T12:01:00Z", "1");
        s.total = None;
        s.available = Some("1".into());
        let rows = roll(vec![snapshot("2026-12-07T12:00:00Z", "1"), s], false, &[]);
        // Not every snapshot has a total: the basis is available, which the first lacks.
        assert_eq!(rows[0].basis, "available");
        assert_eq!(rows[0].status, Status::Unreconcilable);
    }
}
