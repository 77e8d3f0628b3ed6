//! `--min CURRENCY=AMOUNT` and `min = { CUR = "AMOUNT" }`: a balance below
//! its minimum is not an error (the output is printed as usual, other
//! providers still run) but the run exits 10, naming each breach on stderr.
//! Amounts are compared exactly, digit by digit ([`Amount::cmp_value`]).

use super::Context;
use crate::config::MinEntry;
use crate::error::{Error, Result};
use crate::model::Balance;
use crate::money::Amount;
use crate::output::{Format, Source};
use crate::providers::ProviderId;
use std::cmp::Ordering;

/// A provider's minimums: per currency, and per user where the config
/// gives a user its own (those win for the currencies they name).
#[derive(Debug, Clone, Default)]
pub struct Minimums {
    all: Vec<(String, Amount)>,
    by_user: Vec<(String, Vec<(String, Amount)>)>,
}

impl Minimums {
    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.by_user.iter().all(|(_, m)| m.is_empty())
    }

    /// The minimum of `currency` for `subject`: the user's own, else the provider's.
    fn of(&self, subject: Option<&str>, currency: &str) -> Option<&Amount> {
        let own = subject.and_then(|s| self.by_user.iter().find(|(u, _)| u == s));
        own.and_then(|(_, m)| find(m, currency))
            .or_else(|| find(&self.all, currency))
    }
}

fn find<'a>(mins: &'a [(String, Amount)], currency: &str) -> Option<&'a Amount> {
    mins.iter().find(|(c, _)| c == currency).map(|(_, a)| a)
}

/// Minimums: the provider's config section, then `--min` (which wins, for
/// every user, in the currencies it names).
pub fn minimums(ctx: &Context, p: ProviderId, cli: &[(String, Amount)]) -> Result<Minimums> {
    let section = format!("[profiles.{}.{}]", ctx.profile_name, p.name());
    let amount = |key: &str, text: &str| {
        Amount::parse(text.trim())
            .map_err(|e| Error::config(format!("min.{key} under {section}: {e}")))
    };
    let mut mins = Minimums::default();
    for (key, entry) in ctx
        .profile()
        .map(|prof| prof.minimums(p))
        .unwrap_or_default()
    {
        match entry {
            MinEntry::Amount(text) => mins.all.push((key.to_uppercase(), amount(&key, &text)?)),
            MinEntry::User(table) => {
                if !p.has_users() {
                    let with_users: Vec<&str> = ProviderId::ALL
                        .into_iter()
                        .filter(|q| q.has_users())
                        .map(ProviderId::name)
                        .collect();
                    return Err(Error::config(format!(
                        "min.{key} under {section} is a table: per-user minimums are for providers with users ({})",
                        with_users.join(", ")
                    )));
                }
                let own = table
                    .iter()
                    .map(|(c, t)| Ok((c.to_uppercase(), amount(&format!("{key}.{c}"), t)?)))
                    .collect::<Result<Vec<_>>>()?;
                mins.by_user.push((key, own));
            }
        }
    }
    for (currency, amount) in cli {
        mins.all.retain(|(c, _)| c != currency);
        for (_, own) in &mut mins.by_user {
            own.retain(|(c, _)| c != currency);
        }
        mins.all.push((currency.clone(), amount.clone()));
    }
    Ok(mins)
}

/// A balance below its minimum.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Breach {
    pub provider: &'static str,
    pub subject: Option<String>,
    pub account_id: Option<String>,
    pub currency: String,
    /// `None`: the listing has no balance in the currency at all (a typo
    /// such as `CDA` must alert, not silence the check).
    pub amount: Option<Amount>,
    pub minimum: Amount,
}

/// The breaches among `balances`. The amount compared is `available`, or
/// `total` where a provider has no available amount.
pub fn breaches<'a>(
    source: Source<'_>,
    balances: impl IntoIterator<Item = &'a Balance>,
    mins: &Minimums,
) -> Vec<Breach> {
    let mut found = Vec::new();
    for b in balances {
        let Some(minimum) = mins.of(source.subject, &b.currency) else {
            continue;
        };
        let Some(amount) = b.available.as_ref().or(b.total.as_ref()) else {
            continue;
        };
        if amount.cmp_value(minimum) == Ordering::Less {
            found.push(Breach {
                provider: source.provider,
                subject: source.subject.map(str::to_owned),
                account_id: b.account_id.as_deref().map(str::to_owned),
                currency: b.currency.to_string(),
                amount: Some(amount.clone()),
                minimum: minimum.clone(),
            });
        }
    }
    found
}

/// The currencies with a minimum for `source` that its listing (every
/// currency in `seen`) has no balance in: each a breach of its own.
pub fn missing(
    source: Source<'_>,
    seen: &std::collections::BTreeSet<String>,
    mins: &Minimums,
) -> Vec<Breach> {
    let mut wanted: Vec<(&String, &Amount)> = mins.all.iter().map(|(c, a)| (c, a)).collect();
    if let Some((_, own)) = mins
        .by_user
        .iter()
        .find(|(u, _)| Some(u.as_str()) == source.subject)
    {
        for (c, a) in own {
            wanted.retain(|(w, _)| *w != c);
            wanted.push((c, a));
        }
    }
    wanted
        .into_iter()
        .filter(|(c, _)| !seen.contains(c.as_str()))
        .map(|(c, minimum)| Breach {
            provider: source.provider,
            subject: source.subject.map(str::to_owned),
            account_id: None,
            currency: c.clone(),
            amount: None,
            minimum: minimum.clone(),
        })
        .collect()
}

/// Name each breach on stderr: a line of text, or one JSON object each in JSON modes.
pub fn report(format: Format, breaches: &[Breach]) {
    for b in breaches {
        if super::json_stderr(format) {
            eprintln!("{}", serde_json::json!({ "below_minimum": b }));
        } else {
            let whose = [
                Some(b.provider),
                b.subject.as_deref(),
                b.account_id.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(|s| crate::text::printable(s).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
            let currency = crate::text::printable(&b.currency);
            match &b.amount {
                Some(amount) => eprintln!(
                    "balances: below minimum: {whose}: {currency} {amount} < {}",
                    b.minimum
                ),
                None => eprintln!(
                    "balances: below minimum: {whose}: no {currency} balance (minimum {})",
                    b.minimum
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balance(currency: &str, available: &str) -> Balance {
        Balance {
            currency: currency.into(),
            available: Some(Amount::parse(available).unwrap()),
            total: None,
            pending: None,
            account_id: None,
            account_type: None,
            status: None,
            provider_fields: Default::default(),
        }
    }

    #[test]
    fn at_the_minimum_is_fine_a_cent_below_is_not() {
        let src = Source {
            provider: "boca",
            subject: Some("u"),
            as_of: None,
        };
        let mins = Minimums {
            all: vec![("CAD".to_owned(), Amount::parse("1000.00").unwrap())],
            by_user: vec![],
        };
        for (amount, breached) in [
            ("1000.00", false),
            ("1000", false),
            ("1000.01", false),
            ("999.99", true),
            ("-5", true),
        ] {
            let found = breaches(src, &[balance("CAD", amount)], &mins);
            assert_eq!(!found.is_empty(), breached, "{amount}");
        }
        assert!(
            breaches(src, &[balance("EUR", "0")], &mins).is_empty(),
            "other currencies"
        );
        // Digits beyond any fixed-size decimal still compare exactly.
        let mins = Minimums {
            all: vec![(
                "ETH".to_owned(),
                Amount::parse("1000000000000.000000000000000001").unwrap(),
            )],
            by_user: vec![],
        };
        assert_eq!(
            breaches(
                src,
                &[balance("ETH", "1000000000000.000000000000000000")],
                &mins
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_users_own_minimum_wins_for_that_user_only() {
        let amount = |t: &str| Amount::parse(t).unwrap();
        let mins = Minimums {
            all: vec![("CAD".to_owned(), amount("1000.00"))],
            by_user: vec![("big".to_owned(), vec![("CAD".to_owned(), amount("50000"))])],
        };
        let at = |subject| Source {
            provider: "boca",
            subject: Some(subject),
            as_of: None,
        };
        let cad = [balance("CAD", "20000.00")];
        assert_eq!(breaches(at("big"), &cad, &mins).len(), 1);
        assert!(breaches(at("small"), &cad, &mins).is_empty());
        assert_eq!(
            breaches(at("small"), &[balance("CAD", "999.99")], &mins).len(),
            1
        );
    }
}
