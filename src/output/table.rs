//! `-o table`: for people. Buffers rows (columns need every width), drops
//! columns that are empty in every row, right-aligns numbers, and adds
//! PROVIDER and SUBJECT columns when the rows come from more than one.
//!
//! Rows are kept compactly (every cell's text in one string) and, when no
//! width applies (stdout is not a terminal), the table is drawn a thousand
//! rows at a time with every column at its width over all rows: the same
//! bytes as one table, without a table of 400,000 rows in memory.

use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use std::io::{IsTerminal, Write};
use unicode_width::UnicodeWidthStr;

/// Rows drawn at once when the table is drawn in parts.
const PART_ROWS: usize = 1000;

/// Where one row's cells end in [`TableWriter::text`], which of them are
/// numbers (bit `i`: cell `i`), and whose row it is.
struct Row {
    end: usize,
    numeric: u64,
    source: u32,
}

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    /// Every cell of every row, each followed by `\0` (cells are printable
    /// text: a control character never is one).
    text: String,
    rows: Vec<Row>,
    /// The providers and subjects rows came from, each once in a run.
    sources: Vec<(&'static str, Option<String>)>,
    /// A fixed width (tests); otherwise the terminal's, when stdout is one.
    width: Option<u16>,
    /// Rows drawn at once when no width applies (stdout is not a terminal);
    /// `None`: one table.
    parts: Option<usize>,
    /// When the first and the last answer arrived, for the footer.
    as_of: Option<(String, String)>,
}

impl<'a> TableWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        TableWriter {
            out,
            text: String::new(),
            rows: Vec::new(),
            sources: Vec::new(),
            width: None,
            parts: (!std::io::stdout().is_terminal()).then_some(PART_ROWS),
            as_of: None,
        }
    }

    /// Lay the table out for exactly `width` columns.
    #[cfg(test)]
    pub fn with_width(mut self, width: u16) -> Self {
        self.width = Some(width);
        self
    }

    /// Draw the table `rows` rows at a time when no width applies, or
    /// (`None`) as one table.
    #[cfg(test)]
    pub fn in_parts_of(mut self, rows: Option<usize>) -> Self {
        self.parts = rows;
        self
    }

    /// The cells of row `i`.
    fn cells(&self, i: usize) -> impl Iterator<Item = &str> {
        let start = if i == 0 { 0 } else { self.rows[i - 1].end };
        self.text[start..self.rows[i].end].split_terminator('\0')
    }
}

impl<T: Record> RecordWriter<T> for TableWriter<'_> {
    fn begin(&mut self, _h: &Header) -> Result<()> {
        Ok(())
    }

    fn records(&mut self, source: Source<'_>, items: &[T], _raw: &[u8]) -> Result<()> {
        const {
            assert!(
                T::TABLE_HEADER.len() <= 64,
                "a row's numeric cells are 64 bits"
            )
        };
        if let Some(at) = source.as_of.filter(|_| T::AS_OF) {
            let first = self.as_of.take().map_or_else(|| at.to_owned(), |(f, _)| f);
            self.as_of = Some((first, at.to_owned()));
        }
        // Provider text is shown, never obeyed: control characters are escaped.
        let clean = |s: &str| crate::text::printable(s).into_owned();
        let whose = (source.provider, source.subject.map(clean));
        let index = match self.sources.iter().position(|s| *s == whose) {
            Some(i) => i,
            None => {
                self.sources.push(whose);
                self.sources.len() - 1
            }
        };
        let source = u32::try_from(index).map_err(|_| {
            crate::error::Error::internal("more sources than a table can tell apart")
        })?;
        for item in items {
            let mut numeric = 0u64;
            for (i, (text, is_number)) in item.table_cells().into_iter().enumerate() {
                self.text.push_str(&crate::text::printable(&text));
                self.text.push('\0');
                numeric |= u64::from(is_number) << i;
            }
            self.rows.push(Row {
                end: self.text.len(),
                numeric,
                source,
            });
        }
        Ok(())
    }

    fn finish(&mut self, _next_cursor: Option<&str>) -> Result<()> {
        if self.rows.is_empty() {
            eprintln!("(no {})", T::COLLECTION);
            return Ok(());
        }
        let mut out = std::mem::replace(&mut self.out, Box::new(std::io::sink()));
        let layout = self.layout(T::TABLE_HEADER);
        match (self.width, self.parts) {
            (None, Some(rows)) => layout.write_in_parts(rows, &mut out)?,
            (width, _) => writeln!(out, "{}", layout.whole(width))?,
        }
        match &self.as_of {
            Some((first, last)) if first == last => writeln!(out, "as of {first}")?,
            Some((first, last)) => writeln!(out, "as of {first} to {last}")?,
            None => {}
        }
        out.flush()?;
        self.out = out;
        Ok(())
    }
}

impl<'a> TableWriter<'a> {
    /// The columns as shown, measured over every row.
    fn layout(&self, names: &'static [&'static str]) -> Layout<'_, 'a> {
        let first = &self.sources[self.rows[0].source as usize];
        let whose = |r: &Row| &self.sources[r.source as usize];
        let providers = self.rows.iter().any(|r| whose(r).0 != first.0);
        let subjects = self.rows.iter().any(|r| whose(r).1 != first.1);
        let mut filled = vec![false; names.len()];
        for i in 0..self.rows.len() {
            for (c, text) in self.cells(i).enumerate() {
                filled[c] |= !text.is_empty();
            }
        }
        let keep: Vec<usize> = (0..names.len()).filter(|&i| i == 0 || filled[i]).collect();
        let mut header: Vec<&'static str> = Vec::new();
        if providers {
            header.push("PROVIDER");
        }
        if subjects {
            header.push("SUBJECT");
        }
        header.extend(keep.iter().map(|&i| names[i]));
        let shown = Shown {
            writer: self,
            providers,
            subjects,
            keep,
        };
        // Per column: whether any cell is a number, its widest cell and its
        // longest word, measured as comfy-table does (display width: a CJK
        // character is two; words split at ASCII spaces only).
        let mut numeric = vec![false; header.len()];
        let mut widest: Vec<usize> = header.iter().map(|h| h.width()).collect();
        let mut longest_word = widest.clone();
        for i in 0..self.rows.len() {
            for (c, (text, is_number)) in shown.row(i).into_iter().enumerate() {
                numeric[c] |= is_number;
                widest[c] = widest[c].max(text.width());
                let word = text.split(' ').map(UnicodeWidthStr::width).max();
                longest_word[c] = longest_word[c].max(word.unwrap_or(0));
            }
        }
        Layout {
            shown,
            header,
            numeric,
            widest,
            longest_word,
        }
    }
}

struct Layout<'w, 'a> {
    shown: Shown<'w, 'a>,
    header: Vec<&'static str>,
    numeric: Vec<bool>,
    widest: Vec<usize>,
    longest_word: Vec<usize>,
}

/// comfy-table's widths include the cell's padding (one each side).
fn padded(width: usize) -> u16 {
    u16::try_from(width + 2).unwrap_or(u16::MAX)
}

impl Layout<'_, '_> {
    /// One table, fit to `width` or (when stdout is one) the terminal's:
    /// text columns wrap, amounts never do (a number split over lines
    /// misreads). A column is never narrower than its longest word: text
    /// wraps between words, and an id or a timestamp (one word) never
    /// breaks. A table that cannot fit is wider than the terminal (which
    /// folds the lines) rather than a table of broken values.
    fn whole(&self, width: Option<u16>) -> Table {
        let constraints: Vec<_> = (0..self.header.len())
            .map(|c| {
                if self.numeric[c] {
                    ColumnConstraint::ContentWidth
                } else {
                    ColumnConstraint::LowerBoundary(Width::Fixed(padded(self.longest_word[c])))
                }
            })
            .collect();
        let rows = self.shown.writer.rows.len();
        let mut t = self.shown.draw(0..rows, Some(&self.header), &constraints);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = width {
            t.set_width(w);
        }
        t
    }

    /// The table [`Layout::whole`] draws when there is no width to fit
    /// (every column as wide as its widest cell), drawn `part_rows` rows at
    /// a time: each part is a table of its rows with the same column widths,
    /// written without the border that would close it (or open it).
    fn write_in_parts(&self, part_rows: usize, out: &mut dyn Write) -> Result<()> {
        let constraints: Vec<_> = self
            .widest
            .iter()
            .map(|&w| ColumnConstraint::Absolute(Width::Fixed(padded(w))))
            .collect();
        let n = self.shown.writer.rows.len();
        let parts = n.div_ceil(part_rows.max(1));
        for part in 0..parts {
            let rows = part * part_rows..((part + 1) * part_rows).min(n);
            let header = (part == 0).then_some(&self.header[..]);
            let mut t = self.shown.draw(rows, header, &constraints);
            t.force_no_tty();
            let drawn = t.to_string();
            let mut lines: Vec<&str> = drawn.lines().collect();
            if part + 1 < parts {
                lines.pop(); // the bottom border: the next part goes on
            }
            if part > 0 {
                lines.remove(0); // the top border: the part before goes on
            }
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }
}

/// The rows as shown: PROVIDER and SUBJECT first when they vary, then the
/// columns kept.
struct Shown<'w, 'a> {
    writer: &'w TableWriter<'a>,
    providers: bool,
    subjects: bool,
    keep: Vec<usize>,
}

impl Shown<'_, '_> {
    /// Row `i`'s cells as shown: text and whether it is a number.
    fn row(&self, i: usize) -> Vec<(&str, bool)> {
        let w = self.writer;
        let row = &w.rows[i];
        let (provider, subject) = &w.sources[row.source as usize];
        let cells: Vec<&str> = w.cells(i).collect();
        let mut shown = Vec::with_capacity(self.keep.len() + 2);
        if self.providers {
            shown.push((*provider, false));
        }
        if self.subjects {
            shown.push((subject.as_deref().unwrap_or(""), false));
        }
        shown.extend(
            self.keep
                .iter()
                .map(|&c| (cells[c], row.numeric >> c & 1 == 1)),
        );
        shown
    }

    /// A comfy-table of `rows`, with `header` if given.
    fn draw(
        &self,
        rows: std::ops::Range<usize>,
        header: Option<&[&str]>,
        constraints: &[ColumnConstraint],
    ) -> Table {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        if let Some(header) = header {
            t.set_header(header.iter().map(Cell::new));
        }
        for i in rows {
            t.add_row(self.row(i).into_iter().map(|(text, numeric)| {
                let cell = Cell::new(text);
                if numeric {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
        }
        for (c, constraint) in constraints.iter().enumerate() {
            if let Some(col) = t.column_mut(c) {
                col.set_constraint(*constraint);
            }
        }
        t
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

    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[a-z0-9 ]{0,12}",
            "[交易é ]{0,6}",
            "[a-z]{1,3}( [a-z]{1,30})?",
        ]
    }

    fn amount() -> impl Strategy<Value = Option<Amount>> {
        prop::option::of("-?[0-9]{1,15}(\\.[0-9]{1,12})?".prop_map(|a| Amount::parse(&a).unwrap()))
    }

    fn balance() -> impl Strategy<Value = Balance> {
        (
            text(),
            amount(),
            amount(),
            prop::option::of(text()),
            prop::option::of(text()),
        )
            .prop_map(|(currency, available, total, account_id, status)| Balance {
                currency: currency.into(),
                available,
                total,
                pending: None,
                account_id: account_id.map(Into::into),
                account_type: None,
                status: status.map(Into::into),
                provider_fields: Default::default(),
            })
    }

    /// Rows in runs, each from one of three sources.
    fn runs() -> impl Strategy<Value = Vec<(usize, Vec<Balance>)>> {
        prop::collection::vec((0..3usize, prop::collection::vec(balance(), 0..8)), 1..8)
    }

    fn fill(w: &mut TableWriter<'_>, runs: &[(usize, Vec<Balance>)]) {
        let sources = [
            ("boca", Some("u-1")),
            ("boca", Some("用户 2")),
            ("p100", None),
        ];
        for (s, items) in runs {
            let (provider, subject) = sources[*s];
            let source = Source {
                provider,
                subject,
                as_of: None,
            };
            RecordWriter::<Balance>::records(w, source, items, &[]).unwrap();
        }
    }

    proptest! {
        /// Drawn in parts, the table is byte for byte the one table comfy-table
        /// draws of every row when there is no width to fit.
        #[test]
        fn a_table_drawn_in_parts_is_the_table_drawn_whole(runs in runs(), part in 1usize..5) {
            let mut whole = TableWriter::new(Box::new(std::io::sink()));
            fill(&mut whole, &runs);
            prop_assume!(!whole.rows.is_empty());
            let mut t = whole.layout(Balance::TABLE_HEADER).whole(None);
            t.force_no_tty();
            let expected = format!("{t}\n");

            let mut out = Vec::new();
            {
                let mut w = TableWriter::new(Box::new(&mut out)).in_parts_of(Some(part));
                fill(&mut w, &runs);
                RecordWriter::<Balance>::finish(&mut w, None).unwrap();
            }
            prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
