//! Records that say everything about themselves (`reconcile`'s rows): `-o
//! json` one array of them, `-o ndjson` one a line, `-o csv` a header of
//! their keys then a row each, and a table for people. Their keys, in
//! order, are the JSON object's and the CSV header's.

use super::Format;
use super::fit::Fit;
use super::table::{self, Cells, Layout};
use crate::error::{Error, Result};
use std::io::Write;

pub trait FlatRecord: serde::Serialize {
    /// Every key, in order: the JSON object's and the CSV header.
    const KEYS: &'static [&'static str];
    /// The columns a table shows: a key of [`FlatRecord::KEYS`], its heading,
    /// whether it is a number (right-aligned), how it gives way on a narrow terminal.
    const TABLE: &'static [(&'static str, &'static str, bool, Fit)];
    /// The fields in [`FlatRecord::KEYS`]' order, null as `None`.
    fn fields(&self) -> Vec<Option<String>>;
}

/// Write `rows` in `format` (OpenMetrics has no form for them: usage error).
pub fn write<R: FlatRecord>(
    format: Format,
    pager: bool,
    out: &mut dyn Write,
    rows: &[R],
) -> Result<()> {
    match format {
        Format::Json => {
            out.write_all(b"[")?;
            for (i, row) in rows.iter().enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, row).map_err(super::encode::cannot_encode)?;
            }
            out.write_all(if rows.is_empty() { b"]\n" } else { b"\n]\n" })?;
        }
        Format::Ndjson => {
            for row in rows {
                serde_json::to_writer(&mut *out, row).map_err(super::encode::cannot_encode)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            writeln!(out, "{}", R::KEYS.join(","))?;
            for row in rows {
                let fields: Vec<String> = row
                    .fields()
                    .iter()
                    .map(|f| {
                        super::csv::field(&crate::text::printable(f.as_deref().unwrap_or("")))
                            .into_owned()
                    })
                    .collect();
                writeln!(out, "{}", fields.join(","))?;
            }
        }
        Format::Table | Format::Wide => {
            let columns = R::TABLE
                .iter()
                .map(|&(_, heading, _, fit)| (heading, fit))
                .collect();
            let layout = Layout::measure(FlatRows::new(rows), columns);
            table::write(&layout, format == Format::Wide, pager, out)?;
        }
        Format::Openmetrics => {
            return Err(Error::usage(
                "-o openmetrics is for balances (get-balances, summary): use table, json, ndjson or csv",
            ));
        }
    }
    out.flush()?;
    Ok(())
}

/// The table's cells of flat records, made printable once.
struct FlatRows {
    cells: Vec<Vec<(String, bool)>>,
}

impl FlatRows {
    fn new<R: FlatRecord>(rows: &[R]) -> Self {
        let at: Vec<usize> = R::TABLE
            .iter()
            .map(|(key, ..)| R::KEYS.iter().position(|k| k == key).unwrap_or(0))
            .collect();
        let cells = rows
            .iter()
            .map(|row| {
                let fields = row.fields();
                R::TABLE
                    .iter()
                    .zip(&at)
                    .map(|(&(_, _, numeric, _), &i)| {
                        let text = crate::text::printable(fields[i].as_deref().unwrap_or(""));
                        (text.into_owned(), numeric)
                    })
                    .collect()
            })
            .collect();
        FlatRows { cells }
    }
}

impl Cells for FlatRows {
    fn len(&self) -> usize {
        self.cells.len()
    }
    fn row(&self, i: usize) -> Vec<(&str, bool)> {
        self.cells[i]
            .iter()
            .map(|(t, n)| (t.as_str(), *n))
            .collect()
    }
}
