//! `-o table`: for people. Buffers rows (columns need every width), drops
//! columns that are empty in every row, right-aligns numbers, and adds
//! PROVIDER and SUBJECT columns when the rows come from more than one.

use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use comfy_table::{Cell, CellAlignment, Table, presets};
use std::io::Write;

/// A row's provider and subject, and its cells (text, right-aligned).
type Row = ((&'static str, Option<String>), Vec<(String, bool)>);

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    rows: Vec<Row>,
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

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        // Provider text is shown, never obeyed: control characters are escaped.
        let clean = |s: &str| crate::text::printable(s).into_owned();
        let whose = (source.provider, source.subject.map(clean));
        self.rows.extend(items.iter().map(|item| {
            let cells = item
                .table_cells()
                .into_iter()
                .map(|(text, numeric)| (clean(&text), numeric))
                .collect();
            (whose.clone(), cells)
        }));
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        if self.rows.is_empty() {
            eprintln!("(no {})", T::COLLECTION);
            return Ok(());
        }
        let first = &self.rows[0].0;
        let providers = self.rows.iter().any(|((p, _), _)| *p != first.0);
        let subjects = self.rows.iter().any(|((_, s), _)| *s != first.1);
        let keep: Vec<usize> = (0..T::TABLE_HEADER.len())
            .filter(|&i| i == 0 || self.rows.iter().any(|(_, r)| !r[i].0.is_empty()))
            .collect();
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        let mut header: Vec<Cell> = Vec::new();
        if providers {
            header.push(Cell::new("PROVIDER"));
        }
        if subjects {
            header.push(Cell::new("SUBJECT"));
        }
        header.extend(keep.iter().map(|&i| Cell::new(T::TABLE_HEADER[i])));
        table.set_header(header);
        for ((provider, subject), row) in &self.rows {
            let mut cells: Vec<Cell> = Vec::new();
            if providers {
                cells.push(Cell::new(provider));
            }
            if subjects {
                cells.push(Cell::new(subject.as_deref().unwrap_or("")));
            }
            cells.extend(keep.iter().map(|&i| {
                let (text, numeric) = &row[i];
                let cell = Cell::new(text);
                if *numeric {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
            table.add_row(cells);
        }
        writeln!(self.out, "{table}")?;
        self.out.flush()?;
        Ok(())
    }
}
