//! `-o table`: for people. Buffers rows (columns need every width), drops
//! columns that are empty in every row, right-aligns numbers.

use super::{Record, RecordWriter};
use crate::error::Result;
use crate::model::Header;
use comfy_table::{Cell, CellAlignment, Table, presets};
use std::io::Write;

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    rows: Vec<Vec<(String, bool)>>,
}

impl<'a> TableWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        TableWriter {
            out,
            rows: Vec::new(),
        }
    }
}

impl<T: Record> RecordWriter<T> for TableWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, items: &[T], _raw: &[u8]) -> Result<()> {
        self.rows.extend(items.iter().map(Record::table_cells));
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        if self.rows.is_empty() {
            eprintln!("(no {})", T::COLLECTION);
        } else {
            let keep: Vec<usize> = (0..T::TABLE_HEADER.len())
                .filter(|&i| i == 0 || self.rows.iter().any(|r| !r[i].0.is_empty()))
                .collect();
            let mut table = Table::new();
            table.load_style(presets::UTF8_FULL_CONDENSED);
            table.set_header(keep.iter().map(|&i| Cell::new(T::TABLE_HEADER[i])));
            for row in &self.rows {
                table.add_row(keep.iter().map(|&i| {
                    let (text, numeric) = &row[i];
                    let cell = Cell::new(text);
                    if *numeric {
                        cell.set_alignment(CellAlignment::Right)
                    } else {
                        cell
                    }
                }));
            }
            writeln!(self.out, "{table}")?;
        }
        self.out.flush()?;
        Ok(())
    }
}
