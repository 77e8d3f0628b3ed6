//! `-o table` and `-o wide`: for people. Buffers rows (columns need every
//! width), drops columns that are empty in every row, right-aligns
//! numbers, and adds PROVIDER and SUBJECT columns when the rows come from
//! more than one.
//!
//! On a terminal the table fits its width ([`fit`]): text is cut with `…`,
//! columns a narrow screen cannot hold are left out (and named under the
//! table), a number is never cut or wrapped; `-o wide` shows every column
//! at full width; a table longer than the screen goes through the pager.
//! When stdout is not a terminal every column is drawn at full width, a
//! thousand rows at a time: the same bytes as one table, without a table
//! of 400,000 rows in memory.

use super::fit::{self, Fit};
use super::pager::{self, Screen};
use super::{Record, RecordWriter, Source};
use crate::error::Result;
use crate::model::Header;
use comfy_table::{Cell, CellAlignment, ColumnConstraint, Table, Width, presets};
use std::io::Write;
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
    /// The terminal stdout is (or a fixed size, in tests); `None`: not one.
    screen: Option<Screen>,
    /// `-o wide`: every column, at full width.
    wide: bool,
    /// Whether a table longer than the screen goes through the pager.
    pager: bool,
    /// Rows drawn at once when stdout is not a terminal; `None`: one table.
    parts: Option<usize>,
    /// When the first and the last answer arrived, for the footer.
    as_of: Option<(String, String)>,
}

impl<'a> TableWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, wide: bool, pager: bool) -> Self {
        TableWriter {
            out,
            text: String::new(),
            rows: Vec::new(),
            sources: Vec::new(),
            screen: Screen::of_stdout(),
            wide,
            pager,
            parts: Some(PART_ROWS),
            as_of: None,
        }
    }

    /// Lay the table out for a terminal exactly `width` columns wide.
    #[cfg(test)]
    pub fn with_width(mut self, width: u16) -> Self {
        self.screen = Some(Screen {
            cols: width,
            rows: u16::MAX,
        });
        self.pager = false;
        self
    }

    /// Draw the table `rows` rows at a time when stdout is not a terminal,
    /// or (`None`) as one table.
    #[cfg(test)]
    pub fn in_parts_of(mut self, rows: Option<usize>) -> Self {
        self.screen = None;
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
                T::TABLE_COLUMNS.len() <= 64,
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
        let footer = match &self.as_of {
            Some((first, last)) if first == last => format!("as of {first}\n"),
            Some((first, last)) => format!("as of {first} to {last}\n"),
            None => String::new(),
        };
        let layout = self.layout(T::TABLE_COLUMNS);
        let how = Draw {
            screen: self.screen,
            wide: self.wide,
            pager: self.pager,
            parts: self.parts,
        };
        how.draw(&layout, &footer, &mut out)?;
        self.out = out;
        Ok(())
    }
}

/// Draw `layout` for where stdout goes: fitted to a terminal (every
/// column with `wide`), through the pager when longer than the screen; at
/// full width when stdout is not a terminal.
pub(super) fn write<C: Cells>(
    layout: &Layout<C>,
    wide: bool,
    pager: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let how = Draw {
        screen: Screen::of_stdout(),
        wide,
        pager,
        parts: Some(PART_ROWS),
    };
    how.draw(layout, "", out)
}

/// Where and how a table is drawn.
struct Draw {
    screen: Option<Screen>,
    wide: bool,
    pager: bool,
    parts: Option<usize>,
}

impl Draw {
    fn draw<C: Cells>(&self, layout: &Layout<C>, footer: &str, out: &mut dyn Write) -> Result<()> {
        match (self.screen, self.parts) {
            (Some(screen), _) => {
                let width = usize::from(screen.cols);
                let text = if self.wide {
                    format!("{}\n{footer}", layout.full())
                } else {
                    let (table, left_out) = layout.fitted(width);
                    // The notes under the table fit the screen too.
                    table + &fit::wrap(&format!("{left_out}{footer}"), width)
                };
                pager::show(&text, screen, self.pager, out)?;
            }
            (None, Some(rows)) => {
                layout.write_in_parts(rows, out)?;
                out.write_all(footer.as_bytes())?;
            }
            (None, None) => write!(out, "{}\n{footer}", layout.full())?,
        }
        out.flush()?;
        Ok(())
    }
}

impl<'a> TableWriter<'a> {
    /// The columns as shown, measured over every row.
    fn layout(&self, columns: &'static [(&'static str, Fit)]) -> Layout<Shown<'_, 'a>> {
        let first = &self.sources[self.rows[0].source as usize];
        let whose = |r: &Row| &self.sources[r.source as usize];
        let providers = self.rows.iter().any(|r| whose(r).0 != first.0);
        let subjects = self.rows.iter().any(|r| whose(r).1 != first.1);
        let mut filled = vec![false; columns.len()];
        for i in 0..self.rows.len() {
            for (c, text) in self.cells(i).enumerate() {
                filled[c] |= !text.is_empty();
            }
        }
        let keep: Vec<usize> = (0..columns.len())
            .filter(|&i| i == 0 || filled[i])
            .collect();
        // Whose row it is matters more than anything but the first amount.
        let mut header: Vec<(&'static str, Fit)> = Vec::new();
        if providers {
            header.push(("PROVIDER", Fit::Text(60)));
        }
        if subjects {
            header.push(("SUBJECT", Fit::Text(70)));
        }
        header.extend(keep.iter().map(|&i| columns[i]));
        let shown = Shown {
            writer: self,
            providers,
            subjects,
            keep,
        };
        Layout::measure(shown, header)
    }
}

/// A table's rows, as cells: text and whether it is a number.
pub(super) trait Cells {
    fn len(&self) -> usize;
    fn row(&self, i: usize) -> Vec<(&str, bool)>;
}

/// The columns of a table, measured over its rows.
pub(super) struct Layout<C> {
    cells: C,
    header: Vec<&'static str>,
    fits: Vec<Fit>,
    widest: Vec<usize>,
}

/// comfy-table's widths include the cell's padding (one each side).
fn padded(width: usize) -> u16 {
    u16::try_from(width + 2).unwrap_or(u16::MAX)
}

impl<C: Cells> Layout<C> {
    /// Per column: whether any cell is a number (a column of numbers is
    /// never cut, whatever its kind says) and its widest cell, measured as
    /// comfy-table does (display width: a CJK character is two).
    pub(super) fn measure(cells: C, columns: Vec<(&'static str, Fit)>) -> Self {
        let header: Vec<&'static str> = columns.iter().map(|c| c.0).collect();
        let mut numeric = vec![false; header.len()];
        let mut widest: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for i in 0..cells.len() {
            for (c, (text, is_number)) in cells.row(i).into_iter().enumerate() {
                numeric[c] |= is_number;
                widest[c] = widest[c].max(text.width());
            }
        }
        let fits = columns
            .iter()
            .zip(&numeric)
            .map(|(&(_, fit), &number)| match fit {
                Fit::Text(rank) if number => Fit::Whole(rank),
                other => other,
            })
            .collect();
        Layout {
            cells,
            header,
            fits,
            widest,
        }
    }

    /// The table for a terminal `width` columns wide, and the line that
    /// names the columns left out: see [`fit::plan`].
    pub(super) fn fitted(&self, width: usize) -> (String, String) {
        let heading: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        let plan = fit::plan(&self.fits, &heading, &self.widest, width);
        let header: Vec<&str> = plan.shown.iter().map(|&c| self.header[c]).collect();
        let mut t = table(Some(&header));
        for i in 0..self.cells.len() {
            let row = self.cells.row(i);
            t.add_row(plan.shown.iter().zip(&plan.widths).map(|(&c, &w)| {
                let (text, numeric) = row[c];
                cell(&fit::cut(text, w), numeric)
            }));
        }
        constrain(&mut t, &plan.widths);
        let mut left_out = String::new();
        if !plan.left_out.is_empty() {
            let names: Vec<&str> = plan.left_out.iter().map(|&c| self.header[c]).collect();
            left_out = format!(
                "{} left out at {width} columns: -o wide shows every column\n",
                names.join(", ")
            );
        }
        (format!("{t}\n"), left_out)
    }

    /// Every column as wide as its widest cell: `-o wide`, and what a pipe gets.
    pub(super) fn full(&self) -> Table {
        self.part(0..self.cells.len(), Some(&self.header))
    }

    /// Rows `rows` with every column as wide as over all rows.
    fn part(&self, rows: std::ops::Range<usize>, header: Option<&[&str]>) -> Table {
        let mut t = table(header);
        for i in rows {
            t.add_row(
                self.cells
                    .row(i)
                    .into_iter()
                    .map(|(text, numeric)| cell(text, numeric)),
            );
        }
        constrain(&mut t, &self.widest);
        t
    }

    /// The table [`Layout::full`] draws, drawn `part_rows` rows at a time:
    /// each part is a table of its rows with the same column widths,
    /// written without the border that would close it (or open it).
    fn write_in_parts(&self, part_rows: usize, out: &mut dyn Write) -> Result<()> {
        let n = self.cells.len();
        let parts = n.div_ceil(part_rows.max(1));
        for part in 0..parts {
            let rows = part * part_rows..((part + 1) * part_rows).min(n);
            let header = (part == 0).then_some(&self.header[..]);
            let drawn = self.part(rows, header).to_string();
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

/// A table in the one style, with `header` if given.
fn table(header: Option<&[&str]>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.force_no_tty();
    if let Some(header) = header {
        t.set_header(header.iter().map(Cell::new));
    }
    t
}

/// Columns exactly this wide: cells are already cut to fit, so nothing wraps.
fn constrain(t: &mut Table, widths: &[usize]) {
    for (c, &w) in widths.iter().enumerate() {
        if let Some(col) = t.column_mut(c) {
            col.set_constraint(ColumnConstraint::Absolute(Width::Fixed(padded(w))));
        }
    }
}

fn cell(text: &str, numeric: bool) -> Cell {
    let cell = Cell::new(text);
    if numeric {
        cell.set_alignment(CellAlignment::Right)
    } else {
        cell
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

impl Cells for Shown<'_, '_> {
    fn len(&self) -> usize {
        self.writer.rows.len()
    }

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Balance;
    use crate::money::Amount;

    /// Every line of `text` in `width` display columns.
    fn fits(text: &str, width: usize) -> bool {
        text.lines().all(|l| l.width() <= width)
    }

    #[test]
    fn a_narrow_terminal_cuts_text_never_amounts() {
        let amount = "1234567.123456789";
        let b = Balance {
            currency: "CAD".into(),
            available: Some(Amount::parse(amount).unwrap()),
            total: Some(Amount::parse(amount).unwrap()),
            pending: None,
            account_id: Some("an account id long enough to be cut at eighty columns".into()),
            account_type: Some("Current".into()),
            status: None,
            provider_fields: Default::default(),
        };
        let draw = |width: u16, wide: bool| {
            let mut out = Vec::new();
            {
                let mut w = TableWriter::new(Box::new(&mut out), wide, false).with_width(width);
                RecordWriter::<Balance>::records(
                    &mut w,
                    Source {
                        provider: "boca",
                        subject: None,
                        as_of: Some("2026-12-01T00:00:00Z"),
                    },
                    std::slice::from_ref(&b),
                    &[],
                )
                .unwrap();
                RecordWriter::<Balance>::finish(&mut w, None).unwrap();
            }
            String::from_utf8(out).unwrap()
        };
        // 80: the id is cut, the amounts whole, TYPE only with -o wide.
        let text = draw(80, false);
        assert!(fits(&text, 80), "{text}");
        assert_eq!(text.matches(amount).count(), 2, "{text}");
        assert!(
            text.contains("an account id long") && text.contains('…'),
            "{text}"
        );
        assert!(
            !text.contains("TYPE") && !text.contains("left out"),
            "{text}"
        );
        // 60: the id cannot fit even cut: left out, and said so.
        let text = draw(60, false);
        assert!(fits(&text, 60), "{text}");
        assert_eq!(text.matches(amount).count(), 2, "{text}");
        assert!(
            text.contains("ACCOUNT left out at 60 columns: -o wide shows every column"),
            "{text}"
        );
        // 40: the total goes too; the first amount never does.
        let text = draw(40, false);
        assert_eq!(text.matches(amount).count(), 1, "{text}");
        assert!(
            text.contains("TOTAL, ACCOUNT left out at 40 columns"),
            "{text}"
        );
        // -o wide: every column, whole, whatever the width.
        let text = draw(40, true);
        assert!(text.contains("TYPE") && text.contains("Current"), "{text}");
        assert!(text.contains("an account id long enough to be cut at eighty columns"));
    }

    /// At 40, 80 and 200 columns every line fits, no amount is cut and no
    /// text cell is split over lines: it is whole, or cut with `…`.
    #[test]
    fn narrow_terminals_cut_text_on_one_line_and_keep_amounts() {
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
                let mut w = TableWriter::new(Box::new(&mut out), false, false).with_width(width);
                let source = Source {
                    provider: "ibanera",
                    subject: None,
                    as_of: None,
                };
                RecordWriter::<Transaction>::records(&mut w, source, &items, &[]).unwrap();
                RecordWriter::<Transaction>::finish(&mut w, None).unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            assert!(fits(&text, usize::from(width)), "{width}:\n{text}");
            // One line a row: the header, four rows, three borders.
            assert_eq!(
                text.lines().filter(|l| l.starts_with('│')).count(),
                5,
                "{text}"
            );
            assert_eq!(text.matches("166.60 EUR").count(), 4, "{width}:\n{text}");
            if width == 200 {
                for whole in [
                    "transaction-with-a-long-id-1",
                    "交易编号一二三四五六七八九十",
                    "abcdefgh\u{a0}ijklmnopqrstu\u{a0}vwxyz0123456789",
                    "2026-03-13T14:22:00.123456Z",
                    "card purchase refunded",
                    "Pending",
                ] {
                    assert!(text.contains(whole), "{whole:?}:\n{text}");
                }
            } else {
                assert!(text.contains('…'), "{width}:\n{text}");
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
            let mut whole = TableWriter::new(Box::new(std::io::sink()), false, false);
            fill(&mut whole, &runs);
            prop_assume!(!whole.rows.is_empty());
            let expected = format!("{}\n", whole.layout(Balance::TABLE_COLUMNS).full());

            let mut out = Vec::new();
            {
                let mut w = TableWriter::new(Box::new(&mut out), false, false).in_parts_of(Some(part));
                fill(&mut w, &runs);
                RecordWriter::<Balance>::finish(&mut w, None).unwrap();
            }
            prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    proptest! {
        /// Fitted to any width: every line fits (the currency and the first
        /// amount alone may not), one line a row, and every number shown
        /// is whole.
        #[test]
        fn a_fitted_table_fits_and_keeps_every_number_whole(runs in runs(), width in 20u16..220) {
            let mut out = Vec::new();
            {
                let mut w = TableWriter::new(Box::new(&mut out), false, false).with_width(width);
                fill(&mut w, &runs);
                prop_assume!(!w.rows.is_empty());
                RecordWriter::<Balance>::finish(&mut w, None).unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            let rows: usize = runs.iter().map(|r| r.1.len()).sum();
            prop_assert_eq!(text.lines().filter(|l| l.starts_with('│')).count(), rows + 1);
            // The columns that always stay: CURRENCY and AVAILABLE.
            let all = || runs.iter().flat_map(|r| &r.1);
            let currency = all().map(|b| b.currency.width()).max().unwrap_or(0).max(8);
            let available = all()
                .filter_map(|b| b.available.as_ref().map(|a| AsRef::<str>::as_ref(a).len()))
                .max()
                .unwrap_or(0)
                .max(9);
            let least = currency + available + 7;
            if least <= usize::from(width) {
                prop_assert!(fits(&text, usize::from(width)), "{}", text);
            }
            for b in runs.iter().flat_map(|r| &r.1) {
                if let Some(a) = &b.available {
                    let literal: &str = a.as_ref();
                    prop_assert!(text.contains(literal), "{} cut:\n{}", literal, text);
                }
            }
        }
    }
}
