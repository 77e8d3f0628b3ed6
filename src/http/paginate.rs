//! Following pages, written once for cursors, page tokens and page numbers.
//!
//! A provider supplies a [`Pager`] that fetches the page at a cursor (Boca's
//! `nextCursor`, NOAH's `PageToken`, Ibanera's page number as text); this
//! module decides how far to go, hands each page on as soon as it arrives
//! (so memory stays flat), and stops with exit 65 if a cursor comes back twice.

use crate::error::{Error, Result};
use std::collections::HashSet;
use std::future::Future;

/// One page of items, with the raw body for `--raw`.
#[derive(Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page starts; `None` (or empty) on the last page.
    pub next: Option<String>,
    pub raw: Vec<u8>,
}

/// How many pages to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// One page (the default of `get-transactions`).
    One,
    /// Every page (`get-balances`, `--all`).
    All,
    /// Pages until this many items have been produced (`--max-items`).
    Max(usize),
}

pub trait Pager {
    type Item;
    /// Fetch the page at `cursor` (`None`: the first). `want` is how many more
    /// items the caller needs, so a pager can shrink its page size to match.
    fn page(
        &mut self,
        cursor: Option<&str>,
        want: Option<usize>,
    ) -> impl Future<Output = Result<Page<Self::Item>>>;
}

/// Fetch pages from `start` as `follow` says, passing each to `sink`.
/// Returns where the next page would start (`None` when the history ended).
pub async fn drive<P: Pager>(
    pager: &mut P,
    start: Option<String>,
    follow: Follow,
    mut sink: impl FnMut(Page<P::Item>) -> Result<()>,
) -> Result<Option<String>> {
    let mut seen: HashSet<String> = start.iter().cloned().collect();
    let mut cursor = start;
    let mut produced = 0usize;
    loop {
        let want = match follow {
            Follow::Max(n) => Some(n - produced),
            _ => None,
        };
        let mut page = pager.page(cursor.as_deref(), want).await?;
        let next = page.next.take().filter(|c| !c.is_empty());
        if let Some(want) = want.filter(|&w| page.items.len() > w) {
            // The server sent more than asked. Stop inside the page and point
            // the next cursor at this page's start: a resumed run repeats a few
            // items rather than skipping any.
            page.items.truncate(want);
            tracing::warn!(
                "stopped inside a page at --max-items; the next cursor repeats that page"
            );
            sink(page)?;
            return Ok(cursor);
        }
        produced += page.items.len();
        sink(page)?;
        let Some(next) = next else { return Ok(None) };
        if !seen.insert(next.clone()) {
            return Err(Error::bad_response(format!(
                "pagination loop: the server returned cursor {next:?} a second time"
            )));
        }
        let done = match follow {
            Follow::One => true,
            Follow::All => false,
            Follow::Max(n) => produced >= n,
        };
        if done {
            return Ok(Some(next));
        }
        cursor = Some(next);
    }
}

/// Every page, in order (for summaries, where one lookup is one result).
pub async fn collect<P: Pager>(pager: &mut P) -> Result<Vec<Page<P::Item>>> {
    let mut pages = Vec::new();
    drive(pager, None, Follow::All, |page| {
        pages.push(page);
        Ok(())
    })
    .await?;
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Serves a scripted list of (items, next) pages and records the cursors asked for.
    struct Script {
        pages: Vec<(Vec<u32>, Option<&'static str>)>,
        asked: Vec<(Option<String>, Option<usize>)>,
    }

    impl Pager for Script {
        type Item = u32;
        async fn page(&mut self, cursor: Option<&str>, want: Option<usize>) -> Result<Page<u32>> {
            self.asked.push((cursor.map(str::to_owned), want));
            let i = self.asked.len() - 1;
            let (items, next) = self.pages[i].clone();
            Ok(Page {
                items,
                next: next.map(str::to_owned),
                raw: vec![],
            })
        }
    }

    fn run(
        pages: Vec<(Vec<u32>, Option<&'static str>)>,
        follow: Follow,
    ) -> (Result<Option<String>>, Vec<u32>, Script) {
        let mut s = Script {
            pages,
            asked: vec![],
        };
        let mut got = vec![];
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let r = rt.block_on(drive(&mut s, None, follow, |p| {
            got.extend(p.items);
            Ok(())
        }));
        (r, got, s)
    }

    #[test]
    fn all_follows_every_page_without_gap_or_duplicate() {
        let (r, got, s) = run(
            vec![
                (vec![1, 2], Some("a")),
                (vec![3, 4], Some("b")),
                (vec![5], None),
            ],
            Follow::All,
        );
        assert_eq!(r.unwrap(), None);
        assert_eq!(got, [1, 2, 3, 4, 5]);
        assert_eq!(
            s.asked.iter().map(|a| a.0.clone()).collect::<Vec<_>>(),
            [None, Some("a".into()), Some("b".into())]
        );
    }

    #[test]
    fn one_page_reports_the_next_cursor() {
        let (r, got, s) = run(vec![(vec![1, 2], Some("a"))], Follow::One);
        assert_eq!(r.unwrap().as_deref(), Some("a"));
        assert_eq!(got, [1, 2]);
        assert_eq!(s.asked.len(), 1);
    }

    #[test]
    fn empty_cursor_means_the_end() {
        let (r, got, _) = run(vec![(vec![1], Some(""))], Follow::All);
        assert_eq!(r.unwrap(), None);
        assert_eq!(got, [1]);
    }

    #[test]
    fn repeating_cursor_is_an_error_with_exit_65() {
        let (r, got, _) = run(
            vec![
                (vec![1], Some("a")),
                (vec![2], Some("b")),
                (vec![3], Some("a")),
            ],
            Follow::All,
        );
        assert_eq!(r.unwrap_err().exit_code(), 65);
        assert_eq!(got, [1, 2, 3]);
    }

    #[test]
    fn max_items_asks_for_what_remains_and_stops() {
        let (r, got, s) = run(
            vec![(vec![1, 2], Some("a")), (vec![3], Some("b"))],
            Follow::Max(3),
        );
        assert_eq!(r.unwrap().as_deref(), Some("b"));
        assert_eq!(got, [1, 2, 3]);
        assert_eq!(s.asked[0].1, Some(3));
        assert_eq!(s.asked[1].1, Some(1));
    }

    #[test]
    fn max_items_inside_a_page_points_back_at_that_page() {
        let (r, got, _) = run(
            vec![(vec![1, 2], Some("a")), (vec![3, 4, 5], Some("b"))],
            Follow::Max(3),
        );
        assert_eq!(got, [1, 2, 3]);
        assert_eq!(r.unwrap().as_deref(), Some("a"));
    }
}
