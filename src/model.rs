//! The unified output model shared by every provider and every renderer.
//!
//! Field order here is the field order of the JSON contract,
//! so it must not be rearranged. Strings are `CompactString`: a record's
//! ids, codes and timestamps are short, and kept inline they cost no
//! allocation (see Cargo.toml).

use crate::money::Amount;
use compact_str::CompactString;
use serde::Serialize;
use serde_json::{Map, Value};
use std::hash::{Hash, Hasher};

/// One balance, in the provider-neutral shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Balance {
    pub currency: CompactString,
    pub available: Option<Amount>,
    pub total: Option<Amount>,
    pub pending: Option<Amount>,
    pub account_id: Option<CompactString>,
    pub account_type: Option<CompactString>,
    pub status: Option<CompactString>,
    /// Every field of the provider's record that is not mapped above, verbatim.
    pub provider_fields: Map<String, Value>,
}

/// A currency and an amount: one leg of a transaction, or its fee.
#[derive(Debug, Clone, Serialize, PartialEq, Hash)]
pub struct Money {
    pub currency: CompactString,
    pub amount: Amount,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Transaction {
    pub id: CompactString,
    pub created_at: Option<CompactString>,
    #[serde(rename = "type")]
    pub kind: Option<CompactString>,
    pub status: Option<CompactString>,
    pub from: Option<Money>,
    pub to: Option<Money>,
    pub rate: Option<Amount>,
    pub fee: Option<Money>,
    pub provider_fields: Map<String, Value>,
    /// The card or account the record belongs to, for a listing that spans
    /// many (Ibanera's card transactions without `--card`): NDJSON, CSV and
    /// tables print it as the record's `subject`. Not a JSON field of its
    /// own: the id also stays in `provider_fields` as sent.
    #[serde(skip)]
    pub subject: Option<CompactString>,
}

// Hashing (a page's fingerprint, to spot a server that sends a page twice)
// covers every field, and `provider_fields` in the provider's order:
// serde_json's own `Hash` for a map sorts the keys, and two records whose
// fields differ only in order are not the same record as printed.
impl Hash for Balance {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.currency.hash(h);
        self.available.hash(h);
        self.total.hash(h);
        self.pending.hash(h);
        self.account_id.hash(h);
        self.account_type.hash(h);
        self.status.hash(h);
        hash_in_order(&self.provider_fields, h);
    }
}

impl Hash for Transaction {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.id.hash(h);
        self.created_at.hash(h);
        self.kind.hash(h);
        self.status.hash(h);
        self.from.hash(h);
        self.to.hash(h);
        self.rate.hash(h);
        self.fee.hash(h);
        hash_in_order(&self.provider_fields, h);
        self.subject.hash(h);
    }
}

/// Fields as printed: their JSON text, which keeps every level's order
/// (most records have none left over, and cost nothing here).
fn hash_in_order<H: Hasher>(fields: &Map<String, Value>, h: &mut H) {
    if fields.is_empty() {
        h.write_u8(0);
    } else {
        // Writing our own map to memory cannot fail.
        h.write(serde_json::to_string(fields).unwrap_or_default().as_bytes());
    }
}

/// What a document is about: printed at the top of every JSON document and
/// at the start of every NDJSON/CSV record.
#[derive(Debug, Clone)]
pub struct Header {
    pub provider: &'static str,
    pub profile: String,
    pub subject: Option<String>,
    /// When the provider's answer arrived (RFC 3339 UTC): set by the listing
    /// as the first page comes in; printed on balance documents only.
    pub as_of: Option<String>,
}

/// What `sync` wrote for one listing: the balances of a snapshot, or the
/// transactions new to the ledger.
#[derive(Debug, Clone, Serialize, PartialEq, Hash)]
pub struct Synced {
    /// `balances`, `card_balances`, `transactions`, `card_transactions`.
    pub listing: &'static str,
    pub rows: u64,
    #[serde(skip)]
    rows_text: String,
}

impl Synced {
    pub fn new(listing: &'static str, rows: u64) -> Synced {
        Synced {
            listing,
            rows,
            rows_text: rows.to_string(),
        }
    }

    pub fn rows_text(&self) -> &str {
        &self.rows_text
    }
}
