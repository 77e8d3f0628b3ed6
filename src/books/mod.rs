//! The books: which transactions move which balance, and the roll-forward
//! that checks them. One rule, written here once, for `reconcile` and for
//! `export`:
//!
//! - **Boca**: a user's conversions move that user's balances: `from` out of
//!   its currency, `to` into its currency; a `fee` out of the fee's currency.
//! - **NOAH**: the account's transactions move its balance of their
//!   `CryptoCurrency`: `Direction: In` (`to`) in, `Out` (`from`) out, and
//!   `NetworkFee` (`fee`) out.
//! - **Ibanera**: an account's transactions move the balance with that
//!   account id; card transactions move the balance of the card they name
//!   (`cardsId`, or `cardId`).
//! - **P100**: no transaction history is published: its balances cannot be
//!   reconciled.
//!
//! Where the providers are silent: a transaction whose status says it did
//! not happen ([`did_not_happen`]) moves nothing; every other (pending
//! included) moves the balance at its `created_at`, so the `total` basis is
//! the one the transactions account for, and an `available` basis shows a
//! pending amount as a difference. A fee is taken from its own currency.
//! A transaction's status is the one it had when first synced (the ledger
//! stores each transaction once).

pub mod journal;
pub mod reconcile;

use crate::ledger::read::{ListingOf, StoredBalance, StoredTransaction};
use crate::providers::ProviderId;

/// Statuses (any case) of a transaction that did not happen.
pub const NOT_HAPPENED: [&str; 10] = [
    "failed",
    "rejected",
    "cancelled",
    "canceled",
    "declined",
    "expired",
    "reversed",
    "returned",
    "voided",
    "error",
];

pub fn did_not_happen(status: Option<&str>) -> bool {
    status.is_some_and(|s| NOT_HAPPENED.iter().any(|n| s.eq_ignore_ascii_case(n)))
}

/// The fields of a stored Ibanera card transaction that name its card.
pub const CARD_KEYS: [&str; 2] = ["cardsId", "cardId"];

/// Where the transactions that move a balance are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Movers {
    /// The provider has no transaction history for it: why.
    None(&'static str),
    /// The transactions of this listing; only those of `card` when set.
    Listing {
        listing: ListingOf,
        /// The `listings` record that says how far it is complete.
        list: &'static str,
        card: Option<String>,
    },
}

/// Which listing moves `b`.
pub fn movers(b: &StoredBalance) -> Movers {
    let listing = |subject: &str| ListingOf {
        provider: b.provider.clone(),
        profile: b.profile.clone(),
        base_url: b.base_url.clone(),
        subject: subject.to_owned(),
    };
    let Some(provider) = ProviderId::from_name(&b.provider) else {
        return Movers::None("no transaction listing is known for this provider");
    };
    match provider {
        ProviderId::Boca => Movers::Listing {
            listing: listing(&b.subject),
            list: "transactions",
            card: None,
        },
        ProviderId::Noah => Movers::Listing {
            listing: listing(""),
            list: "transactions",
            card: None,
        },
        ProviderId::Ibanera if is_card(b) => Movers::Listing {
            listing: listing(""),
            list: "card_transactions",
            card: b.account_id.clone(),
        },
        ProviderId::Ibanera => match &b.account_id {
            Some(account) => Movers::Listing {
                listing: listing(account),
                list: "transactions",
                card: None,
            },
            None => Movers::None("an Ibanera account balance without an id"),
        },
        ProviderId::P100 => Movers::None("P100 publishes no transaction history"),
    }
}

/// An Ibanera card balance: its listing says so (schema 1 rows: a card's
/// fields do).
fn is_card(b: &StoredBalance) -> bool {
    match &b.list {
        Some(list) => list == "card_balances",
        None => b.provider_fields.contains("\"cardLast4\""),
    }
}

/// The card a stored card transaction names, from its `provider_fields`.
pub fn card_of(t: &StoredTransaction<'_>) -> Option<String> {
    let fields: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(t.provider_fields?).ok()?;
    CARD_KEYS.iter().find_map(|k| match fields.get(*k)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// What a transaction does to `currency`: money in, money out, fee out
/// (amounts as stored; `None` where it does not touch it).
#[derive(Debug, Clone, Copy, Default)]
pub struct Moves<'a> {
    pub inflow: Option<&'a str>,
    pub outflow: Option<&'a str>,
    pub fee: Option<&'a str>,
}

impl<'a> Moves<'a> {
    pub fn of(t: &StoredTransaction<'a>, currency: &str) -> Moves<'a> {
        if did_not_happen(t.status) {
            return Moves::default();
        }
        let in_currency =
            |leg: Option<(&'a str, &'a str)>| leg.filter(|(c, _)| *c == currency).map(|(_, a)| a);
        Moves {
            inflow: in_currency(t.to),
            outflow: in_currency(t.from),
            fee: in_currency(t.fee),
        }
    }

    pub fn touches(&self) -> bool {
        self.inflow.is_some() || self.outflow.is_some() || self.fee.is_some()
    }
}

/// The journal account a balance is kept in (see [`journal`]).
pub fn place_of_balance(b: &StoredBalance) -> journal::Place {
    let account = match (ProviderId::from_name(&b.provider), &b.account_id) {
        (Some(ProviderId::Ibanera), Some(id)) if is_card(b) => Some(("Cards", id.clone())),
        (Some(ProviderId::Ibanera), Some(id)) => Some(("Accounts", id.clone())),
        (Some(ProviderId::Ibanera), None)
        | (Some(ProviderId::Boca | ProviderId::Noah | ProviderId::P100) | None, _) => None,
    };
    journal::Place {
        provider: b.provider.clone(),
        profile: b.profile.clone(),
        base_url: b.base_url.clone(),
        subject: b.subject.clone(),
        account,
    }
}

/// The journal account a transaction of `listing` moves: the inverse of [`movers`].
pub fn place_of_transaction(listing: &ListingOf, t: &StoredTransaction<'_>) -> journal::Place {
    let (subject, account) = match ProviderId::from_name(&listing.provider) {
        Some(ProviderId::Ibanera) if listing.subject.is_empty() => {
            (String::new(), card_of(t).map(|card| ("Cards", card)))
        }
        Some(ProviderId::Ibanera) => (String::new(), Some(("Accounts", listing.subject.clone()))),
        Some(ProviderId::Boca | ProviderId::Noah | ProviderId::P100) | None => {
            (listing.subject.clone(), None)
        }
    };
    journal::Place {
        provider: listing.provider.clone(),
        profile: listing.profile.clone(),
        base_url: listing.base_url.clone(),
        subject,
        account,
    }
}
