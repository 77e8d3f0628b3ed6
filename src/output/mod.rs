//! Renderers over the unified model only: table (fitted to a terminal,
//! `fit`, paged, `pager`), JSON, NDJSON, CSV, OpenMetrics and `--raw`; and
//! `flat` for records that say everything about themselves (`reconcile`).
//!
//! A renderer knows no provider; a provider knows no renderer. Records are
//! written as pages arrive (JSON is streamed too: the closing `]}` and
//! `next_cursor` come last, so an interrupted run leaves invalid JSON rather
//! than a document that looks complete). Tables must see every row to size
//! their columns, so they buffer the cells' text (and, piped, draw a
//! thousand rows at a time).

mod csv;
mod encode;
pub mod fit;
pub mod flat;
mod json;
mod openmetrics;
mod pager;
mod raw;
mod table;

pub use raw::compact_json;

use crate::error::Result;
use crate::model::{Balance, Header, Synced, Transaction};
use fit::Fit;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    /// A table with every column, as wide as its cells (kubectl's `-o wide`).
    Wide,
    Json,
    Ndjson,
    Csv,
    /// OpenMetrics text (balances only).
    Openmetrics,
}

impl Format {
    /// JSON modes also put errors on stderr as JSON.
    pub fn is_json(self) -> bool {
        matches!(self, Format::Json | Format::Ndjson)
    }
}

/// A record kind the renderers know how to lay out.
pub trait Record: Serialize + std::hash::Hash {
    /// The JSON key of the list (`balances`, `transactions`).
    const COLLECTION: &'static str;
    /// Whether records carry `as_of` (balances: a balance without a time is
    /// useless in a log; transactions have their own `created_at`).
    const AS_OF: bool;
    /// Whether the document ends with `next_cursor`.
    const PAGED: bool;
    const CSV_HEADER: &'static [&'static str];
    fn csv_fields(&self) -> Vec<Option<&str>>;
    /// The table's columns, each with how it gives way on a narrow terminal.
    const TABLE_COLUMNS: &'static [(&'static str, Fit)];
    /// Cells and whether each is a number (right-aligned).
    fn table_cells(&self) -> Vec<(String, bool)>;
    /// The record as a balance, for minimum checks.
    fn as_balance(&self) -> Option<&Balance> {
        None
    }
    /// The record's own subject, when a listing spans many (see
    /// [`Transaction::subject`]).
    fn subject(&self) -> Option<&str> {
        None
    }
    /// The record as its JSON object, appended to `buf`: by serde, or by
    /// hand for the records a listing streams (see `encode`).
    fn append_json(&self, buf: &mut Vec<u8>) -> Result<()> {
        serde_json::to_writer(buf, self).map_err(encode::cannot_encode)
    }
}

fn opt<T: AsRef<str>>(v: &Option<T>) -> Option<&str> {
    v.as_ref().map(AsRef::as_ref)
}

impl Record for Balance {
    const COLLECTION: &'static str = "balances";
    const AS_OF: bool = true;
    fn as_balance(&self) -> Option<&Balance> {
        Some(self)
    }
    fn append_json(&self, buf: &mut Vec<u8>) -> Result<()> {
        encode::balance(buf, self)
    }
    const PAGED: bool = false;
    const CSV_HEADER: &'static [&'static str] = &[
        "provider",
        "subject",
        "currency",
        "available",
        "total",
        "pending",
        "account_id",
        "account_type",
        "status",
        "as_of",
    ];
    fn csv_fields(&self) -> Vec<Option<&str>> {
        vec![
            Some(&self.currency),
            opt(&self.available),
            opt(&self.total),
            opt(&self.pending),
            opt(&self.account_id),
            opt(&self.account_type),
            opt(&self.status),
        ]
    }
    // What a treasury reader needs first: the currency and what is
    // available; then the total, the subject, the pending, the account.
    const TABLE_COLUMNS: &'static [(&'static str, Fit)] = &[
        ("CURRENCY", Fit::Always),
        ("AVAILABLE", Fit::Always),
        ("TOTAL", Fit::Whole(50)),
        ("PENDING", Fit::Whole(20)),
        ("ACCOUNT", Fit::Text(10)),
        ("TYPE", Fit::Wide),
        ("STATUS", Fit::Wide),
    ];
    fn table_cells(&self) -> Vec<(String, bool)> {
        let s = |v: Option<&str>| v.unwrap_or("").to_owned();
        vec![
            (self.currency.to_string(), false),
            (s(opt(&self.available)), true),
            (s(opt(&self.total)), true),
            (s(opt(&self.pending)), true),
            (s(opt(&self.account_id)), false),
            (s(opt(&self.account_type)), false),
            (s(opt(&self.status)), false),
        ]
    }
}

impl Record for Transaction {
    fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }
    fn append_json(&self, buf: &mut Vec<u8>) -> Result<()> {
        encode::transaction(buf, self)
    }
    const COLLECTION: &'static str = "transactions";
    const AS_OF: bool = false;
    const PAGED: bool = true;
    const CSV_HEADER: &'static [&'static str] = &[
        "provider",
        "subject",
        "id",
        "created_at",
        "type",
        "status",
        "from_currency",
        "from_amount",
        "to_currency",
        "to_amount",
        "rate",
        "fee_currency",
        "fee_amount",
    ];
    fn csv_fields(&self) -> Vec<Option<&str>> {
        fn leg(m: &Option<crate::model::Money>) -> (Option<&str>, Option<&str>) {
            m.as_ref().map_or((None, None), |m| {
                (Some(m.currency.as_str()), Some(m.amount.as_str()))
            })
        }
        let (fc, fa) = leg(&self.from);
        let (tc, ta) = leg(&self.to);
        let (ec, ea) = leg(&self.fee);
        vec![
            Some(&self.id),
            opt(&self.created_at),
            opt(&self.kind),
            opt(&self.status),
            fc,
            fa,
            tc,
            ta,
            opt(&self.rate),
            ec,
            ea,
        ]
    }
    const TABLE_COLUMNS: &'static [(&'static str, Fit)] = &[
        ("ID", Fit::Text(40)),
        ("CREATED", Fit::Text(60)),
        ("TYPE", Fit::Text(30)),
        ("STATUS", Fit::Text(20)),
        ("FROM", Fit::Always),
        ("TO", Fit::Always),
        ("RATE", Fit::Wide),
        ("FEE", Fit::Whole(25)),
    ];
    fn table_cells(&self) -> Vec<(String, bool)> {
        let leg = |m: &Option<crate::model::Money>| {
            m.as_ref()
                .map_or(String::new(), |m| format!("{} {}", m.amount, m.currency))
        };
        vec![
            (self.id.to_string(), false),
            (opt(&self.created_at).unwrap_or("").to_owned(), false),
            (opt(&self.kind).unwrap_or("").to_owned(), false),
            (opt(&self.status).unwrap_or("").to_owned(), false),
            (leg(&self.from), true),
            (leg(&self.to), true),
            (opt(&self.rate).unwrap_or("").to_owned(), true),
            (leg(&self.fee), true),
        ]
    }
}

impl Record for Synced {
    const COLLECTION: &'static str = "listings";
    const AS_OF: bool = false;
    const PAGED: bool = false;
    const CSV_HEADER: &'static [&'static str] = &["provider", "subject", "listing", "rows"];
    fn csv_fields(&self) -> Vec<Option<&str>> {
        vec![Some(self.listing), Some(self.rows_text())]
    }
    const TABLE_COLUMNS: &'static [(&'static str, Fit)] =
        &[("LISTING", Fit::Always), ("ROWS", Fit::Always)];
    fn table_cells(&self) -> Vec<(String, bool)> {
        vec![
            (self.listing.to_owned(), false),
            (self.rows_text().to_owned(), true),
        ]
    }
}

/// Where results go, and in what form.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    /// `--raw`: provider bodies, compacted, one per line.
    pub raw: bool,
    /// A long table on a terminal goes through a pager (off: `--no-pager`).
    pub pager: bool,
}

/// Whose records a batch holds: NDJSON and CSV put both on every record.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub provider: &'static str,
    pub subject: Option<&'a str>,
    /// When these records' page arrived (RFC 3339 UTC); balances print it.
    pub as_of: Option<&'a str>,
}

/// A stream of records of one kind: one document, or (with `--users-file`
/// and `summary`) one per provider and subject.
pub trait RecordWriter<T: Record> {
    fn begin(&mut self, header: &Header) -> Result<()>;
    /// Records from `source`, with the provider body they came from. A long
    /// page comes in several batches: its body goes with the first and
    /// `raw_body` is empty for the others.
    fn records(&mut self, source: Source<'_>, items: &[T], raw_body: &[u8]) -> Result<()>;
    /// With many subjects: every record of the current source is in (the
    /// JSON document array closes that source's document).
    fn source_done(&mut self) -> Result<()> {
        Ok(())
    }
    /// `next_cursor` is printed only for paged records.
    fn finish(&mut self, next_cursor: Option<&str>) -> Result<()>;
    /// A lookup that failed: only formats that report failures in-band
    /// (OpenMetrics' `balances_up 0`) take note.
    fn failed(&mut self, _source: Source<'_>) {}
}

/// The writer for `style`. `many`: results for many subjects in one run,
/// which in JSON is an array of documents rather than one document.
pub fn writer<'a, T: Record + 'a>(
    style: Style,
    many: bool,
    out: Box<dyn Write + 'a>,
) -> Box<dyn RecordWriter<T> + 'a> {
    if style.raw {
        return Box::new(raw::RawWriter::new(out));
    }
    match style.format {
        Format::Json if many => Box::new(json::DocArrayWriter::new(out)),
        Format::Json => Box::new(json::JsonWriter::new(out)),
        Format::Ndjson => Box::new(json::NdjsonWriter::new(out)),
        Format::Csv => Box::new(csv::CsvWriter::new(out)),
        Format::Openmetrics => Box::new(openmetrics::OpenMetricsWriter::new(out)),
        Format::Table => Box::new(table::TableWriter::new(out, false, style.pager)),
        Format::Wide => Box::new(table::TableWriter::new(out, true, style.pager)),
    }
}
