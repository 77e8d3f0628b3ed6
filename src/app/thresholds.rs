//! `--min CURRENCY=AMOUNT` and `min = { CUR = "AMOUNT" }`: a balance below
//! its minimum is not an error (the output is printed as usual, other
//! providers still run) but the run exits 10, naming each breach on stderr.
//! Amounts are compared exactly, digit by digit ([`Amount::cmp_value`]).

use super::Context;
use crate::error::{Error, Result};
use crate::model::Balance;
use crate::money::Amount;
use crate::output::{Format, Source};
use crate::providers::ProviderId;
use std::cmp::Ordering;

/// The exit code of a run whose only news is a balance below its minimum:
/// not one of the error codes, so a cron wrapper can tell "low" from "broken".
pub const EXIT_BELOW_MINIMUM: u8 = 10;

/// Minimums per currency: the provider's config section, then `--min` (which wins).
pub fn minimums(
    ctx: &Context,
    p: ProviderId,
    cli: &[(String, Amount)],
) -> Result<Vec<(String, Amount)>> {
    let mut all: Vec<(String, Amount)> = Vec::new();
    for (currency, text) in ctx
        .profile()
        .map(|prof| prof.minimums(p))
        .unwrap_or_default()
    {
        let amount = Amount::parse(text.trim()).map_err(|e| {
            Error::config(format!(
                "min.{currency} under [profiles.{}.{}]: {e}",
                ctx.profile_name,
                p.name()
            ))
        })?;
        all.push((currency.to_uppercase(), amount));
    }
    for (currency, amount) in cli {
        all.retain(|(c, _)| c != currency);
        all.push((currency.clone(), amount.clone()));
    }
    Ok(all)
}

/// A balance below its minimum.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Breach {
    pub provider: &'static str,
    pub subject: Option<String>,
    pub account_id: Option<String>,
    pub currency: String,
    pub amount: Amount,
    pub minimum: Amount,
}

/// The breaches among `balances`. The amount compared is `available`, or
/// `total` where a provider has no available amount.
pub fn breaches<'a>(
    source: Source<'_>,
    balances: impl IntoIterator<Item = &'a Balance>,
    mins: &[(String, Amount)],
) -> Vec<Breach> {
    let mut found = Vec::new();
    for b in balances {
        let Some((_, minimum)) = mins.iter().find(|(c, _)| *c == b.currency) else {
            continue;
        };
        let Some(amount) = b.available.as_ref().or(b.total.as_ref()) else {
            continue;
        };
        if amount.cmp_value(minimum) == Ordering::Less {
            found.push(Breach {
                provider: source.provider,
                subject: source.subject.map(str::to_owned),
                account_id: b.account_id.clone(),
                currency: b.currency.clone(),
                amount: amount.clone(),
                minimum: minimum.clone(),
            });
        }
    }
    found
}

/// Name each breach on stderr: a line of text, or one JSON object each in JSON modes.
pub fn report(format: Format, breaches: &[Breach]) {
    for b in breaches {
        if format.is_json() {
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
            eprintln!(
                "balances: below minimum: {whose}: {} {} < {}",
                crate::text::printable(&b.currency),
                b.amount,
                b.minimum
            );
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
        let mins = vec![("CAD".to_owned(), Amount::parse("1000.00").unwrap())];
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
        let mins = vec![(
            "ETH".to_owned(),
            Amount::parse("1000000000000.000000000000000001").unwrap(),
        )];
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
}
