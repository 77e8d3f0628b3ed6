//! Records that say everything about themselves (`reconcile`'s rows): `-o
//! json` one array of them, `-o ndjson` one a line, `-o csv` a header of
//! their keys then a row each, and a table for people. Their keys, in
//! order, are the JSON object's and the CSV header's.

use super::Format;
use crate::error::{Error, Result};
use comfy_table::{Cell, CellAlignment, Table, presets};
use std::io::Write;

pub trait FlatRecord: serde::Serialize {
    /// Every key, in order: the JSON object's and the CSV header.
    const KEYS: &'static [&'static str];
    /// The columns a table shows: a key of [`FlatRecord::KEYS`], its heading,
    /// whether it is a number (right-aligned).
    const TABLE: &'static [(&'static str, &'static str, bool)];
    /// The fields in [`FlatRecord::KEYS`]' order, null as `None`.
    fn fields(&self) -> Vec<Option<String>>;
}

/// Write `rows` in `format` (OpenMetrics has no form for them: usage error).
pub fn write<R: FlatRecord>(format: Format, out: &mut dyn Write, rows: &[R]) -> Result<()> {
    match format {
        Format::Json => {
            out.write_all(b"[")?;
            for (i, row) in rows.iter().enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, row).map_err(super::json::cannot_encode)?;
            }
            out.write_all(if rows.is_empty() { b"]\n" } else { b"\n]\n" })?;
        }
        Format::Ndjson => {
            for row in rows {
                serde_json::to_writer(&mut *out, row).map_err(super::json::cannot_encode)?;
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
        Format::Table => {
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED);
            t.set_header(R::TABLE.iter().map(|(_, heading, _)| Cell::new(heading)));
            let at: Vec<usize> = R::TABLE
                .iter()
                .map(|(key, _, _)| R::KEYS.iter().position(|k| k == key).unwrap_or(0))
                .collect();
            for row in rows {
                let fields = row.fields();
                t.add_row(R::TABLE.iter().zip(&at).map(|((_, _, numeric), &i)| {
                    let text =
                        crate::text::printable(fields[i].as_deref().unwrap_or("")).into_owned();
                    let cell = Cell::new(text);
                    if *numeric {
                        cell.set_alignment(CellAlignment::Right)
                    } else {
                        cell
                    }
                }));
            }
            writeln!(out, "{t}")?;
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
