//! `balances export`: the ledger as a plain-text accounting journal that
//! Beancount, hledger and Ledger accept, its balance assertions the proof.
//!
//! - **Accounts**: `Assets:<Provider>[:<Subject>][:Accounts|Cards:<Id>]`;
//!   the counterpart of money in or out is `Equity:Transfers:<Provider>`,
//!   of a fee `Expenses:Fees:<Provider>`, of an opening
//!   `Equity:Opening-Balances`. A component is the original when it is
//!   already valid in all three tools (a capital or a digit first, then
//!   letters, digits and dashes); otherwise its invalid characters become
//!   dashes, its first letter a capital, and six hex digits of a hash of the
//!   original are appended, so two originals never share a name.
//! - **Commodities**: the currency when it is a valid Beancount commodity
//!   (capitals, digits, `'._-`, a letter first, a letter or digit last, 2
//!   to 24 long); otherwise upper-cased, invalid characters made `_`, cut to
//!   17 and a dash and six hex digits of a hash appended. hledger and Ledger
//!   quote a commodity that is not all letters.
//! - **Transactions**, each once, in time order, dated by their UTC date,
//!   with the provider's id and the ledger's key as metadata: a conversion's
//!   `from` leg carries its `to` leg as a total price (`@@`), so the entry
//!   balances with the provider's exact digits. A failed one (books rule)
//!   moves nothing and is a comment.
//! - **Snapshots** as balance assertions, exact (Beancount's carry `~ 0`:
//!   its inferred tolerance would pass an assertion one unit off). hledger
//!   and Ledger check an assertion where it stands in the file: after the
//!   transactions up to the snapshot. Beancount checks `balance` at the
//!   start of its date: a snapshot is asserted the next day, plus the
//!   transactions of its own day that came after it (the file's own data).
//! - **Opening**: each balance's first snapshot less the transactions
//!   before it, against `Equity:Opening-Balances`, on the earliest date of
//!   the account.
//! - Beancount keeps 28 significant digits: an amount or a running balance
//!   with more is refused (never a rounded pass), naming the amounts.

use super::{Moves, did_not_happen};
use crate::clock::Timestamp;
use crate::money::exact::Exact;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    Beancount,
    Hledger,
    Ledger,
}

/// Beancount's default decimal context.
pub const BEANCOUNT_DIGITS: usize = 28;

/// Where a balance or a transaction's money is: the journal's asset account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub provider: String,
    pub profile: String,
    pub base_url: String,
    pub subject: String,
    /// `Accounts` or `Cards` and the id, for a provider whose balances are per account.
    pub account: Option<(&'static str, String)>,
}

/// One transaction, as the journal needs it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub at: Timestamp,
    pub place: Place,
    pub id: String,
    pub key: String,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub from: Option<(String, String)>,
    pub to: Option<(String, String)>,
    pub fee: Option<(String, String)>,
}

impl Entry {
    /// The transaction as the books rule reads it.
    pub fn stored(&self) -> crate::ledger::read::StoredTransaction<'_> {
        fn leg(l: &Option<(String, String)>) -> Option<(&str, &str)> {
            l.as_ref().map(|(c, a)| (c.as_str(), a.as_str()))
        }
        crate::ledger::read::StoredTransaction {
            id: &self.id,
            created_at: None,
            kind: self.kind.as_deref(),
            status: self.status.as_deref(),
            from: leg(&self.from),
            to: leg(&self.to),
            fee: leg(&self.fee),
            rate: None,
            provider_fields: None,
        }
    }
}

/// One snapshot of one balance.
#[derive(Debug, Clone)]
pub struct Assertion {
    pub at: Timestamp,
    pub as_of: String,
    pub place: Place,
    pub currency: String,
    pub figure: String,
}

/// Everything a journal holds, then written in `dialect`.
pub struct Journal {
    pub entries: Vec<Entry>,
    pub assertions: Vec<Assertion>,
    /// The ledger it came from, for the header.
    pub source: String,
}

/// An amount that Beancount would round.
#[derive(Debug, Clone)]
pub struct TooLong {
    pub what: String,
}

impl Journal {
    /// The journal's text; for Beancount, the amounts it would round, if any.
    pub fn write(mut self, dialect: Dialect) -> Result<String, Vec<TooLong>> {
        self.entries
            .sort_by(|a, b| (a.at, &a.place, &a.id).cmp(&(b.at, &b.place, &b.id)));
        self.assertions
            .sort_by(|a, b| (a.at, &a.place, &a.currency).cmp(&(b.at, &b.place, &b.currency)));
        let names = Names::of(&self);
        let mut w = Writer {
            dialect,
            out: String::new(),
            names,
            running: BTreeMap::new(),
            too_long: Vec::new(),
        };
        w.header(&self);
        w.openings(&self);
        // Transactions and (hledger, Ledger) assertions in time order; a
        // transaction at a snapshot's instant is before it (the snapshot counts it).
        let mut e = self.entries.iter().peekable();
        let mut a = self.assertions.iter().peekable();
        loop {
            let take_entry = match (e.peek(), a.peek()) {
                (Some(x), Some(y)) => x.at <= y.at,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_entry {
                let entry = e.next().expect("peeked");
                w.entry(entry);
            } else {
                let assertion = a.next().expect("peeked");
                w.assertion(assertion, &self.entries);
            }
        }
        if w.too_long.is_empty() {
            Ok(w.out)
        } else {
            Err(w.too_long)
        }
    }
}

/// The journal's names of places, currencies and providers.
struct Names {
    places: BTreeMap<Place, String>,
    commodities: BTreeMap<String, String>,
    /// Whether a provider has several profiles or base URLs in the ledger.
    several: BTreeSet<String>,
}

impl Names {
    fn of(j: &Journal) -> Names {
        let places: BTreeSet<&Place> = j
            .entries
            .iter()
            .map(|e| &e.place)
            .chain(j.assertions.iter().map(|a| &a.place))
            .collect();
        let mut origins: BTreeMap<&str, BTreeSet<(&str, &str)>> = BTreeMap::new();
        for p in &places {
            origins
                .entry(&p.provider)
                .or_default()
                .insert((&p.profile, &p.base_url));
        }
        let several = origins
            .into_iter()
            .filter(|(_, o)| o.len() > 1)
            .map(|(p, _)| p.to_owned())
            .collect();
        let mut names = Names {
            places: BTreeMap::new(),
            commodities: BTreeMap::new(),
            several,
        };
        let mut taken = BTreeSet::new();
        for p in places {
            let mut name = names.place_name(p);
            if !taken.insert(name.clone()) {
                // Two originals came to one name: never merged.
                name = format!("{name}-{}", short_hash(&format!("{p:?}")));
                taken.insert(name.clone());
            }
            names.places.insert(p.clone(), name);
        }
        let currencies: BTreeSet<&str> = j
            .assertions
            .iter()
            .map(|a| a.currency.as_str())
            .chain(j.entries.iter().flat_map(|e| {
                [&e.from, &e.to, &e.fee]
                    .into_iter()
                    .flatten()
                    .map(|(c, _)| c.as_str())
            }))
            .collect();
        let mut taken = BTreeSet::new();
        for c in currencies {
            let mut name = commodity(c);
            if !taken.insert(name.clone()) {
                name = format!(
                    "{}-{}",
                    &name[..name.len().min(17)],
                    short_hash(c).to_uppercase()
                );
                taken.insert(name.clone());
            }
            names.commodities.insert(c.to_owned(), name);
        }
        names
    }

    fn provider(p: &str) -> String {
        component(&capitalized(p))
    }

    fn place_name(&self, p: &Place) -> String {
        let mut name = format!("Assets:{}", Names::provider(&p.provider));
        if self.several.contains(&p.provider) {
            let _ = write!(
                name,
                ":{}-{}",
                component(&capitalized(&p.profile)),
                short_hash(&p.base_url)
            );
        }
        if !p.subject.is_empty() {
            let _ = write!(name, ":{}", component(&p.subject));
        }
        if let Some((kind, id)) = &p.account {
            let _ = write!(name, ":{kind}:{}", component(id));
        }
        name
    }
}

/// A component of an account name, valid in Beancount, hledger and Ledger:
/// the original when it is one, else a faithful spelling and a hash.
fn component(original: &str) -> String {
    let valid = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if valid(original) {
        return original.to_owned();
    }
    let mut spelled = String::new();
    for c in original.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && (spelled.is_empty() || spelled.ends_with('-'))) {
            spelled.push(c);
        }
    }
    let spelled = spelled.trim_end_matches('-');
    let mut out = String::new();
    match spelled.chars().next() {
        Some(c) if c.is_ascii_lowercase() => {
            out.push(c.to_ascii_uppercase());
            out.push_str(&spelled[1..]);
        }
        Some(c) if c.is_ascii_alphanumeric() => out.push_str(spelled),
        _ => {
            out.push('X');
            if !spelled.is_empty() {
                out.push('-');
                out.push_str(spelled);
            }
        }
    }
    format!("{out}-{}", short_hash(original))
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A Beancount commodity for a currency: itself when valid, else a spelling and a hash.
fn commodity(original: &str) -> String {
    let b = original.as_bytes();
    let ok = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit() || b"'._-".contains(c);
    let valid = (2..=24).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter().all(ok)
        && b[b.len() - 1].is_ascii_alphanumeric();
    if valid {
        return original.to_owned();
    }
    let mut spelled: String = original
        .chars()
        .map(|c| c.to_ascii_uppercase())
        .map(|c| {
            if c.is_ascii() && ok(&(c as u8)) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !spelled.starts_with(|c: char| c.is_ascii_uppercase()) {
        spelled.insert(0, 'C');
    }
    spelled.truncate(17);
    format!("{spelled}-{}", short_hash(original).to_uppercase())
}

/// Six hex digits of FNV-1a: stable across runs and builds.
fn short_hash(s: &str) -> String {
    let h = s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:06x}", h & 0xff_ffff)
}

struct Writer {
    dialect: Dialect,
    out: String,
    names: Names,
    /// Each account and commodity's balance so far (Beancount's precision check).
    running: BTreeMap<(String, String), Exact>,
    too_long: Vec<TooLong>,
}

impl Writer {
    fn header(&mut self, j: &Journal) {
        let _ = writeln!(
            self.out,
            "; The ledger {} as a journal, written by `balances export`: {} transactions, {} balance assertions.",
            quoted_comment(&j.source),
            j.entries.len(),
            j.assertions.len()
        );
        if self.dialect != Dialect::Beancount {
            for (c, name) in &self.names.commodities {
                if c != name {
                    let _ = writeln!(
                        self.out,
                        "; commodity {} is the provider's {:?}",
                        self.commodity(c),
                        c
                    );
                }
            }
            self.out.push('\n');
            return;
        }
        // Beancount: every account opened, on the first date it is used.
        let mut first: BTreeMap<String, (Timestamp, Vec<(String, String)>)> = BTreeMap::new();
        let mut note = |name: String, at: Timestamp, meta: Vec<(String, String)>| {
            let e = first.entry(name).or_insert((at, meta));
            e.0 = e.0.min(at);
        };
        let opening_of = |p: &Place| {
            j.entries
                .iter()
                .filter(|e| &e.place == p)
                .map(|e| e.at)
                .chain(j.assertions.iter().filter(|a| &a.place == p).map(|a| a.at))
                .min()
        };
        for (p, name) in &self.names.places {
            if let Some(at) = opening_of(p) {
                let mut meta = vec![
                    ("provider".to_owned(), p.provider.clone()),
                    ("profile".to_owned(), p.profile.clone()),
                    ("base_url".to_owned(), p.base_url.clone()),
                    ("subject".to_owned(), p.subject.clone()),
                ];
                if let Some((_, id)) = &p.account {
                    meta.push(("account_id".to_owned(), id.clone()));
                }
                note(name.clone(), at, meta);
            }
        }
        for e in &j.entries {
            let provider = Names::provider(&e.place.provider);
            if e.fee.is_some() {
                note(format!("Expenses:Fees:{provider}"), e.at, vec![]);
            }
            note(format!("Equity:Transfers:{provider}"), e.at, vec![]);
        }
        if !j.assertions.is_empty() {
            let at = j
                .entries
                .iter()
                .map(|e| e.at)
                .chain(j.assertions.iter().map(|a| a.at))
                .min()
                .expect("not empty");
            note("Equity:Opening-Balances".to_owned(), at, vec![]);
        }
        for (c, name) in &self.names.commodities {
            let _ = writeln!(
                self.out,
                "1970-01-01 commodity {name}\n  name: {}",
                bean_string(c)
            );
        }
        for (name, (at, meta)) in first {
            let _ = writeln!(self.out, "{} open {name}", date(at));
            for (k, v) in meta {
                let _ = writeln!(self.out, "  {k}: {}", bean_string(&v));
            }
        }
        self.out.push('\n');
    }

    fn commodity(&self, currency: &str) -> String {
        let name = &self.names.commodities[currency];
        if self.dialect != Dialect::Beancount && !name.bytes().all(|b| b.is_ascii_alphabetic()) {
            format!("\"{name}\"")
        } else {
            name.clone()
        }
    }

    /// `amount commodity`, checked against Beancount's precision.
    fn amount(&mut self, value: &Exact, currency: &str, scale: u32) -> String {
        let text = value.to_string_at(scale);
        self.check(&text, currency);
        format!("{text} {}", self.commodity(currency))
    }

    fn check(&mut self, text: &str, currency: &str) {
        if self.dialect == Dialect::Beancount {
            let digits = text.trim_start_matches('-').replace('.', "");
            let significant = digits.trim_start_matches('0').len().max(1);
            if significant > BEANCOUNT_DIGITS && self.too_long.len() < 20 {
                self.too_long.push(TooLong {
                    what: format!("{text} {currency}"),
                });
            }
        }
    }

    fn posting(
        &mut self,
        account: &str,
        value: &Exact,
        currency: &str,
        price: Option<(&Exact, &str)>,
    ) {
        let amount = self.amount(value, currency, value.scale());
        let running = self
            .running
            .entry((account.to_owned(), currency.to_owned()))
            .or_default();
        running.add(value);
        let total = running.to_string_at(running.scale());
        self.check(&total, currency);
        let price = price.map(|(v, c)| format!(" @@ {}", self.amount(v, c, v.scale())));
        let _ = writeln!(
            self.out,
            "  {account}  {amount}{}",
            price.unwrap_or_default()
        );
    }

    /// Each balance's opening: its first snapshot less the transactions before it.
    fn openings(&mut self, j: &Journal) {
        let mut firsts: BTreeMap<(&Place, &str), &Assertion> = BTreeMap::new();
        for a in &j.assertions {
            firsts.entry((&a.place, &a.currency)).or_insert(a);
        }
        let mut by_place: BTreeMap<&Place, Vec<(&str, Exact, Timestamp)>> = BTreeMap::new();
        for ((place, currency), first) in firsts {
            let mut opening = Exact::parse(&first.figure).unwrap_or_default();
            let mut earliest = first.at;
            for e in j
                .entries
                .iter()
                .filter(|e| &e.place == place && e.at <= first.at)
            {
                opening.sub(&effect(e, currency));
                earliest = earliest.min(e.at);
            }
            by_place
                .entry(place)
                .or_default()
                .push((currency, opening, earliest));
        }
        for (place, openings) in by_place {
            let name = self.names.places[place].clone();
            let at = openings.iter().map(|o| o.2).min().expect("not empty");
            self.head(at, "opening balance", &[]);
            for (currency, opening, _) in openings {
                self.posting(&name, &opening, currency, None);
                self.posting(
                    "Equity:Opening-Balances",
                    &Exact::zero().minus(&opening),
                    currency,
                    None,
                );
            }
            self.out.push('\n');
        }
    }

    fn head(&mut self, at: Timestamp, what: &str, meta: &[(&str, &str)]) {
        match self.dialect {
            Dialect::Beancount => {
                let _ = writeln!(self.out, "{} * {}", date(at), bean_string(what));
                for (k, v) in meta {
                    let _ = writeln!(self.out, "  {k}: {}", bean_string(v));
                }
            }
            Dialect::Hledger | Dialect::Ledger => {
                let _ = writeln!(
                    self.out,
                    "{} {}",
                    date(at),
                    crate::text::printable(what).replace(';', ",")
                );
                for (k, v) in meta {
                    let _ = writeln!(self.out, "  ; {k}: {}", quoted_comment(v));
                }
            }
        }
    }

    fn entry(&mut self, e: &Entry) {
        let what = e.kind.clone().unwrap_or_else(|| "transaction".to_owned());
        if did_not_happen(e.status.as_deref()) {
            let _ = writeln!(
                self.out,
                "; {} {} {} ({}): moves nothing\n",
                date(e.at),
                quoted_comment(&what),
                quoted_comment(&e.id),
                quoted_comment(e.status.as_deref().unwrap_or(""))
            );
            return;
        }
        let meta = [
            ("txn_id", e.id.as_str()),
            ("ledger_key", e.key.as_str()),
            ("created_at", &e.at.to_rfc3339()),
        ];
        let meta: Vec<(&str, &str)> = meta.iter().map(|(k, v)| (*k, *v)).collect();
        self.head(e.at, &what, &meta);
        let account = self.names.places[&e.place].clone();
        let provider = Names::provider(&e.place.provider);
        let transfers = format!("Equity:Transfers:{provider}");
        let x = |leg: &Option<(String, String)>| {
            leg.as_ref()
                .map(|(c, a)| (c.clone(), Exact::parse(a).unwrap_or_default()))
        };
        match (x(&e.from), x(&e.to)) {
            (Some((fc, fa)), Some((tc, ta))) if fc != tc => {
                self.posting(&account, &Exact::zero().minus(&fa), &fc, Some((&ta, &tc)));
                self.posting(&account, &ta, &tc, None);
            }
            (Some((fc, fa)), Some((_, ta))) => {
                self.posting(&account, &Exact::zero().minus(&fa), &fc, None);
                self.posting(&account, &ta, &fc, None);
                let rest = fa.minus(&ta);
                if !rest.is_zero() {
                    self.posting(&transfers, &rest, &fc, None);
                }
            }
            (Some((fc, fa)), None) => {
                self.posting(&account, &Exact::zero().minus(&fa), &fc, None);
                self.posting(&transfers, &fa, &fc, None);
            }
            (None, Some((tc, ta))) => {
                self.posting(&account, &ta, &tc, None);
                self.posting(&transfers, &Exact::zero().minus(&ta), &tc, None);
            }
            (None, None) => {}
        }
        if let Some((c, a)) = x(&e.fee) {
            self.posting(&account, &Exact::zero().minus(&a), &c, None);
            self.posting(&format!("Expenses:Fees:{provider}"), &a, &c, None);
        }
        self.out.push('\n');
    }

    fn assertion(&mut self, a: &Assertion, entries: &[Entry]) {
        let account = self.names.places[&a.place].clone();
        let figure = Exact::parse(&a.figure).unwrap_or_default();
        match self.dialect {
            Dialect::Beancount => {
                // Checked at the start of its date: the next day, with the
                // transactions of the snapshot's own day that came after it.
                let day = date(a.at);
                let mut value = figure;
                for e in entries
                    .iter()
                    .filter(|e| e.place == a.place && e.at > a.at && date(e.at) == day)
                {
                    value.add(&effect(e, &a.currency));
                }
                let scale = value.scale();
                let text = value.to_string_at(scale);
                self.check(&text, &a.currency);
                let _ = writeln!(
                    self.out,
                    "{} balance {account}  {text} ~ 0 {}\n  as_of: {}\n  snapshot: {}\n",
                    next_day(a.at),
                    self.commodity(&a.currency),
                    bean_string(&a.as_of),
                    bean_string(&a.figure)
                );
            }
            Dialect::Hledger | Dialect::Ledger => {
                let text = figure.to_string_at(figure.scale());
                self.check(&text, &a.currency);
                let commodity = self.commodity(&a.currency);
                let _ = writeln!(
                    self.out,
                    "{} balance as of {}\n  {account}  0 {commodity} = {text} {commodity}\n",
                    date(a.at),
                    a.as_of
                );
            }
        }
    }
}

/// What a transaction does to its place's `currency` (the books rule).
fn effect(e: &Entry, currency: &str) -> Exact {
    let m = Moves::of(&e.stored(), currency);
    let x = |a: Option<&str>| a.and_then(|a| Exact::parse(a).ok()).unwrap_or_default();
    x(m.inflow).minus(&x(m.outflow)).minus(&x(m.fee))
}

fn date(at: Timestamp) -> String {
    at.to_rfc3339().get(..10).unwrap_or("1970-01-01").to_owned()
}

fn next_day(at: Timestamp) -> String {
    date(
        Timestamp::from_nanos(at.nanos().div_euclid(86_400_000_000_000) * 86_400_000_000_000)
            .plus_seconds(86_400),
    )
}

/// A Beancount string: quoted, `"` and `\` escaped, controls shown escaped.
fn bean_string(s: &str) -> String {
    let shown = crate::text::printable(s);
    format!("\"{}\"", shown.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Text for a comment: controls shown escaped (a line break would end it).
fn quoted_comment(s: &str) -> String {
    crate::text::printable(s).replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_distinct() {
        assert_eq!(component("1000"), "1000");
        assert_eq!(component("Abc-1"), "Abc-1");
        for (original, starts) in [
            ("partner-user-42", "Partner-user-42-"),
            ("a b/c", "A-b-c-"),
            ("zoë", "Zo-"),
            ("_x", "X-"),
            ("", "X-"),
        ] {
            let c = component(original);
            assert!(c.starts_with(starts), "{original:?} → {c}");
            assert!(c.chars().next().unwrap().is_ascii_uppercase());
            assert!(
                c.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{c}"
            );
        }
        assert_ne!(component("a b"), component("a-b"));
        assert_eq!(commodity("USDC_TEST"), "USDC_TEST");
        assert_eq!(commodity("BTC"), "BTC");
        assert!(commodity("c0ffee").starts_with("C0FFEE-"));
        assert_ne!(commodity("c0ffee"), commodity("C0FFEE"));
        assert!(commodity("US D").starts_with("US_D-"));
        assert!(commodity("1INCH").starts_with("C1INCH-"));
        let long = commodity("A-VERY-LONG-CURRENCY-NAME-INDEED");
        assert!(long.len() <= 24, "{long}");
        assert_eq!(
            next_day(
                Timestamp::parse("2026-12-07T23:59:59Z", crate::clock::Form::Rfc3339).unwrap()
            ),
            "2026-12-08"
        );
    }
}
