//! `-o table`: for people. Buffers rows (columns need every width), drops
//! columns that are empty in every row, right-aligns numbers, and adds
//! PROVIDER and SUBJECT columns when the rows come from more than one.

use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use std::io::Write;

/// A row's provider and subject, and its cells (text, right-aligned).
type Row = ((&'static str, Option<String>), Vec<(String, bool)>);

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    rows: Vec<Row>,
    /// A fixed width (tests); otherwise the terminal's, when stdout is one.
    width: Option<u16>,
    /// When the first and the last answer arrived, for the footer.
    as_of: Option<(String, String)>,
}

impl<'a> TableWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        TableWriter {
            out,
            rows: Vec::new(),
            width: None,
            as_of: None,
        }
    }

    /// Lay the table out for exactly `width` columns.
    #[cfg(test)]
    pub fn with_width(mut self, width: u16) -> Self {
        self.width = Some(width);
        self
    }
}

impl<T: Record> RecordWriter<T> for TableWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        if let Some(at) = source.as_of.filter(|_| T::AS_OF) {
            let first = self.as_of.take().map_or_else(|| at.to_owned(), |(f, _)| f);
            self.as_of = Some((first, at.to_owned()));
        }
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
        // Fit the terminal (comfy-table measures it when stdout is one): text
        // columns wrap, amounts never do (a number split over lines misreads).
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = self.width {
            table.set_width(w);
        }
        let mut header: Vec<&str> = Vec::new();
        if providers {
            header.push("PROVIDER");
        }
        if subjects {
            header.push("SUBJECT");
        }
        header.extend(keep.iter().map(|&i| T::TABLE_HEADER[i]));
        // Each row's cells as shown: text and whether it is a number.
        let shown: Vec<Vec<(&str, bool)>> = self
            .rows
            .iter()
            .map(|((provider, subject), row)| {
                let mut cells = Vec::with_capacity(header.len());
                if providers {
                    cells.push((*provider, false));
                }
                if subjects {
                    cells.push((subject.as_deref().unwrap_or(""), false));
                }
                cells.extend(keep.iter().map(|&i| (row[i].0.as_str(), row[i].1)));
                cells
            })
            .collect();
        table.set_header(header.iter().map(Cell::new));
        for row in &shown {
            table.add_row(row.iter().map(|&(text, numeric)| {
                let cell = Cell::new(text);
                if numeric {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
        }
        for (col, name) in header.iter().enumerate() {
            let numeric = shown.iter().any(|r| r[col].1);
            // A column is never narrower than its longest word: text wraps
            // between words, and an id or a timestamp (one word) never
            // breaks. A table that cannot fit is wider than the terminal
            // (which folds the lines) rather than a table of broken values.
            // Words as comfy-table wraps them (at ASCII spaces only) and
            // measured as it does (display width: a CJK character is two).
            let longest_word = shown
                .iter()
                .map(|r| r[col].0)
                .chain([*name])
                .flat_map(|text| text.split(' '))
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0);
            let constraint = if numeric {
                ColumnConstraint::ContentWidth
            } else {
                // comfy-table's widths include the cell's padding (one each side).
                let words = u16::try_from(longest_word + 2).unwrap_or(u16::MAX);
                ColumnConstraint::LowerBoundary(Width::Fixed(words))
            };
            if let Some(c) = table.column_mut(col) {
                c.set_constraint(constraint);
            }
        }
        writeln!(self.out, "{table}")?;
        match &self.as_of {
            Some((first, last)) if first == last => writeln!(self.out, "as of {first}")?,
            Some((first, last)) => writeln!(self.out, "as of {first} to {last}")?,
            None => {}
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Balance;
    use crate::money::Amount;

    #[test]
    fn a_narrow_terminal_wraps_text_never_amounts() {
        let amount = "123456789012.123456789012345678";
        let b = Balance {
            currency: "CAD".into(),
            available: Some(Amount::parse(amount).unwrap()),
            total: Some(Amount::parse(amount).unwrap()),
            pending: None,
            account_id: Some("an account id long enough to need wrapping at forty columns".into()),
            account_type: None,
            status: None,
            provider_fields: Default::default(),
        };
        let mut out = Vec::new();
        {
            let mut w = TableWriter::new(Box::new(&mut out)).with_width(60);
            RecordWriter::<Balance>::records(
                &mut w,
                Source {
                    provider: "boca",
                    subject: None,
                    as_of: Some("2026-12-01T00:00:00Z"),
                },
                &[b],
                &[],
            )
            .unwrap();
            RecordWriter::<Balance>::finish(&mut w, None).unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        assert!(text.matches(amount).count() == 2, "{text}");
        assert!(text.lines().count() > 5, "the id column wrapped: {text}");
    }

    /// At 40 and 80 columns no id, timestamp or word is split over lines:
    /// text wraps between words, and a table that cannot fit is wider.
    #[test]
    fn narrow_terminals_break_between_words_never_inside_one() {
        use crate::model::{Money, Transaction};
        let tx = |id: &str| Transaction {
            id: id.into(),
            created_at: Some("2026-03-13T14:22:00.123456Z".into()),
            kind: Some("card purchase refunded".into()),
            status: Some("Pending".into()),
            from: Some(Money {
                currency: "EUR".into(),
                amount: Amount::parse("166.60").unwrap(),
            }),
            to: None,
            rate: None,
            fee: None,
            provider_fields: Default::default(),
            subject: None,
        };
        let items = [
            tx("900000"),
            tx("transaction-with-a-long-id-1"),
            // Double-width letters; a no-break space is not a break.
            tx("交易编号一二三四五六七八九十"),
            tx("abcdefgh\u{a0}ijklmnopqrstu\u{a0}vwxyz0123456789"),
        ];
        for width in [40, 80, 200] {
            let mut out = Vec::new();
            {
                let mut w = TableWriter::new(Box::new(&mut out)).with_width(width);
                let source = Source {
                    provider: "ibanera",
                    subject: None,
                    as_of: None,
                };
                RecordWriter::<Transaction>::records(&mut w, source, &items, &[]).unwrap();
                RecordWriter::<Transaction>::finish(&mut w, None).unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            for word in [
                "900000",
                "transaction-with-a-long-id-1",
                "交易编号一二三四五六七八九十",
                "abcdefgh\u{a0}ijklmnopqrstu\u{a0}vwxyz0123456789",
                "2026-03-13T14:22:00.123456Z",
                "166.60 EUR",
                "purchase",
                "refunded",
                "Pending",
                "CREATED",
            ] {
                assert!(
                    text.contains(word),
                    "{width} columns split {word:?}:\n{text}"
                );
            }
            if width == 200 {
                assert!(text.contains("card purchase refunded"), "{text}");
            }
        }
    }
}
