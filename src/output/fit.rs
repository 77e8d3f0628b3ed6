//! Fitting a table to a terminal's width without misreading a number: text
//! columns are cut with `…`, then whole columns are left out, the least
//! needed first; a number is never cut, never wrapped.

use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// How a column gives way on a narrow terminal. A higher rank stays longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Always shown (the currency, the first amount): never cut, never left out.
    Always,
    /// A number or an amount: never cut; left out, the lowest rank first.
    Whole(u8),
    /// Text: cut with `…` down to [`MIN_TEXT`] (or its heading), then left out.
    Text(u8),
    /// Shown only with `-o wide` (and when stdout is not a terminal).
    Wide,
}

impl Fit {
    fn rank(self) -> Option<u8> {
        match self {
            Fit::Whole(r) | Fit::Text(r) => Some(r),
            Fit::Always | Fit::Wide => None,
        }
    }
}

/// The narrowest a text column is cut to (its heading, if wider, stays whole).
pub const MIN_TEXT: usize = 10;

/// The columns a fitted table shows and the width of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Indices of the columns shown, in their order.
    pub shown: Vec<usize>,
    /// The display width of each shown column's text (padding not included).
    pub widths: Vec<usize>,
    /// Columns left out because the width could not hold them, in their order.
    pub left_out: Vec<usize>,
}

/// A drawn line of a table of these widths: `│ a ┆ b │`.
pub fn line_width(widths: &[usize]) -> usize {
    widths.iter().map(|w| w + 3).sum::<usize>() + 1
}

/// Fit columns of `widest` display width (heading included; `heading` is
/// the heading's own) into `width` terminal columns. `Wide` columns are
/// left out unseen; what cannot fit after every text column is cut to its
/// least is left out, the lowest rank first, and the cutting starts again.
/// Only when the `Always` columns alone are too wide is the table wider.
pub fn plan(fits: &[Fit], heading: &[usize], widest: &[usize], width: usize) -> Plan {
    let mut shown: Vec<usize> = (0..fits.len()).filter(|&c| fits[c] != Fit::Wide).collect();
    let mut left_out = Vec::new();
    loop {
        let floor = |c: usize| match fits[c] {
            Fit::Text(_) => widest[c].min(MIN_TEXT.max(heading[c])),
            _ => widest[c],
        };
        let mut widths: Vec<usize> = shown.iter().map(|&c| widest[c]).collect();
        let least: Vec<usize> = shown.iter().map(|&c| floor(c)).collect();
        let mut over = line_width(&widths).saturating_sub(width);
        if line_width(&least) <= width {
            // Cut the widest text column by one until the line fits: the
            // columns cut end within one of each other.
            while over > 0 {
                let Some(i) = (0..widths.len())
                    .filter(|&i| widths[i] > least[i])
                    .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)))
                else {
                    break;
                };
                widths[i] -= 1;
                over -= 1;
            }
            left_out.sort_unstable();
            return Plan {
                shown,
                widths,
                left_out,
            };
        }
        // The least-needed column goes (the last of equals), and the others
        // are measured again at their full width.
        let Some(i) = (0..shown.len())
            .filter(|&i| fits[shown[i]].rank().is_some())
            .min_by_key(|&i| (fits[shown[i]].rank(), std::cmp::Reverse(i)))
        else {
            left_out.sort_unstable();
            return Plan {
                shown,
                widths: least,
                left_out,
            };
        };
        left_out.push(shown.remove(i));
    }
}

/// `text` in at most `width` display columns: whole if it fits, else its
/// beginning and `…`.
pub fn cut(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= width {
        return text.into();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out.into()
}

/// `text`'s lines broken between words to lines of at most `width`
/// display columns (a word longer than that keeps its own line).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut used = 0;
        for word in line.split(' ') {
            let w = word.width();
            if used > 0 && used + 1 + w > width {
                out.push('\n');
                used = 0;
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_is_cut_before_anything_is_left_out() {
        let fits = [Fit::Text(5), Fit::Always, Fit::Whole(3)];
        // │ 20 ┆ 10 ┆ 10 │ = 50
        let p = plan(&fits, &[7, 8, 5], &[20, 10, 10], 45);
        assert_eq!(p.shown, [0, 1, 2]);
        assert_eq!(p.widths, [15, 10, 10]);
        assert!(p.left_out.is_empty());
        // Cut to its least (7, the heading), still too wide: the lowest
        // rank goes, and the text gets its width back.
        let p = plan(&fits, &[7, 8, 5], &[20, 10, 10], 30);
        assert_eq!(p.shown, [0, 1]);
        assert_eq!(p.widths, [20 - (20 + 10 + 7 - 30), 10]);
        assert_eq!(p.left_out, [2]);
    }

    #[test]
    fn wide_columns_are_left_out_unseen_and_always_columns_stay() {
        let fits = [Fit::Wide, Fit::Always, Fit::Always];
        let p = plan(&fits, &[4, 4, 4], &[30, 30, 30], 20);
        assert_eq!(p.shown, [1, 2]);
        assert_eq!(p.widths, [30, 30]);
        assert!(p.left_out.is_empty());
    }

    #[test]
    fn notes_wrap_between_words() {
        assert_eq!(
            wrap(
                "TOTAL, ACCOUNT left out at 20 columns\nas of 2026-12-01T00:00:00Z\n",
                20
            ),
            "TOTAL, ACCOUNT left\nout at 20 columns\nas of\n2026-12-01T00:00:00Z\n"
        );
    }

    #[test]
    fn cut_keeps_display_width() {
        assert_eq!(cut("partner-user-42", 8), "partner…");
        assert_eq!(cut("short", 8), "short");
        assert_eq!(cut("交易编号一二", 7), "交易编…");
        assert_eq!(cut("交易编号一二", 7).width(), 7);
    }

    fn fit() -> impl Strategy<Value = Fit> {
        prop_oneof![
            Just(Fit::Always),
            (0u8..5).prop_map(Fit::Whole),
            (0u8..5).prop_map(Fit::Text),
            Just(Fit::Wide),
        ]
    }

    proptest! {
        /// Every line fits unless the `Always` columns alone cannot; a
        /// number keeps its whole width; a text column is never narrower
        /// than its least; nothing is both shown and left out.
        #[test]
        fn a_plan_fits_or_keeps_only_what_must_stay(
            cols in prop::collection::vec((fit(), 1usize..10, 0usize..40), 1..10),
            width in 10usize..200,
        ) {
            let fits: Vec<Fit> = cols.iter().map(|c| c.0).collect();
            let heading: Vec<usize> = cols.iter().map(|c| c.1).collect();
            let widest: Vec<usize> = cols.iter().map(|c| c.1.max(c.2)).collect();
            let p = plan(&fits, &heading, &widest, width);
            if line_width(&p.widths) > width {
                prop_assert!(p.shown.iter().all(|&c| fits[c] == Fit::Always));
            }
            for (i, &c) in p.shown.iter().enumerate() {
                match fits[c] {
                    Fit::Text(_) => prop_assert!(p.widths[i] >= widest[c].min(MIN_TEXT.max(heading[c]))),
                    Fit::Wide => prop_assert!(false, "a wide column shown"),
                    _ => prop_assert_eq!(p.widths[i], widest[c]),
                }
                prop_assert!(!p.left_out.contains(&c));
            }
            prop_assert!(fits.iter().enumerate().all(|(c, f)| *f != Fit::Always || p.shown.contains(&c)));
        }
    }
}
