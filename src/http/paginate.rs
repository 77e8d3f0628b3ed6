//! Following pages, written once for cursors, page tokens and page numbers.
//!
//! A provider supplies a [`Pager`] that fetches the page at a cursor (Boca's
//! `nextCursor`, NOAH's `PageToken`, Ibanera's page number as text); this
//! module decides how far to go, hands each page on as soon as it arrives
//! (so memory stays flat), and stops with exit 65 when the listing makes no
//! progress: a cursor that comes back, a page that repeats an earlier page,
//! or [`MAX_EMPTY_PAGES`] empty pages in a row that still point further.

use crate::error::{Error, Result};
use std::collections::HashSet;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Empty pages in a row that may still carry a next cursor before the
/// listing is judged stuck. A server may skip over filtered records with an
/// empty page or two; hundreds in a row is a loop.
pub const MAX_EMPTY_PAGES: usize = 20;

/// One page of items, with the raw body for `--raw`.
#[derive(Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page starts; `None` (or empty) on the last page.
    pub next: Option<String>,
    pub raw: Vec<u8>,
    /// Items the provider sent that a wrapper (`--state-file`) dropped as
    /// already exported: the page was not empty, and made progress.
    pub already_seen: usize,
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

    /// A cursor that fetches the first page again, if the API has one
    /// (page number `1`). `--max-items` ending inside the first page points
    /// there, so a resumed run repeats rather than skips.
    fn first_cursor(&self) -> Option<String> {
        None
    }
}

/// Our own cursor for "the page at CURSOR, less its first K items":
/// `skip:K` (the first page) or `skip:K:CURSOR`. `--max-items` that ends
/// inside the first page of a cursor API (which has no cursor for its first
/// page) gives one, so the next run starts exactly where this one stopped.
const SKIP: &str = "skip:";

fn skip_cursor(k: usize, cursor: Option<&str>) -> String {
    match cursor {
        Some(c) => format!("{SKIP}{k}:{c}"),
        None => format!("{SKIP}{k}"),
    }
}

/// `(K, CURSOR)` of a skip cursor; `None` for a provider's own cursor.
fn parse_skip(cursor: &str) -> Option<(usize, Option<&str>)> {
    // Ours are the only ones handed out with this prefix: a provider cursor
    // that happens to start with it is handed out as `skip:0:CURSOR`.
    let rest = cursor.strip_prefix(SKIP)?;
    let (k, inner) = match rest.split_once(':') {
        Some((k, c)) => (k, Some(c)),
        None => (rest, None),
    };
    Some((k.parse().ok()?, inner))
}

/// A provider's cursor as handed to the user: unchanged, unless it could be
/// read as one of ours.
fn handed_out(cursor: String) -> String {
    if cursor.starts_with(SKIP) {
        skip_cursor(0, Some(&cursor))
    } else {
        cursor
    }
}

/// A fingerprint of a page's items (not its body, which may echo the page
/// number), to recognise a page seen before without keeping it. Hashed from
/// the items themselves ([`Record`](crate::output::Record)s hash every field,
/// `provider_fields` in the provider's order): writing them out as JSON
/// first cost as much as printing them.
fn fingerprint<T: Hash>(items: &[T]) -> u64 {
    let mut h = DefaultHasher::new();
    items.hash(&mut h);
    h.finish()
}

/// Fetch pages from `start` as `follow` says, passing each to `sink`.
/// Returns where the next page would start (`None` when the history ended).
pub async fn drive<P: Pager>(
    pager: &mut P,
    start: Option<String>,
    follow: Follow,
    mut sink: impl FnMut(Page<P::Item>) -> Result<()>,
) -> Result<Option<String>>
where
    P::Item: Hash,
{
    let mut seen: HashSet<String> = start.iter().cloned().collect();
    let mut pages_seen: HashSet<u64> = HashSet::new();
    let mut empty_run = 0usize;
    // A skip cursor of ours: fetch its page and drop what was printed before.
    let (mut skip, mut cursor) = match start.as_deref().and_then(parse_skip) {
        Some((k, inner)) => (k, inner.map(str::to_owned)),
        None => (0, start),
    };
    let mut produced = 0usize;
    loop {
        let want = match follow {
            Follow::Max(n) => Some(n - produced),
            _ => None,
        };
        let mut page = pager
            .page(cursor.as_deref(), want.map(|w| w.saturating_add(skip)))
            .await?;
        let skipped = skip;
        page.items.drain(..skip.min(page.items.len()));
        skip = 0;
        let next = page.next.take().filter(|c| !c.is_empty());
        let sent = page.items.len() + page.already_seen;
        if sent == 0 && next.is_some() {
            empty_run += 1;
            if empty_run >= MAX_EMPTY_PAGES {
                return Err(Error::bad_response(format!(
                    "pagination makes no progress: {MAX_EMPTY_PAGES} empty pages in a row, each pointing to another"
                )));
            }
        } else if sent > 0 {
            empty_run = 0;
        }
        // Every page with items counts, the last one too: a server that
        // ignores the page asked for would otherwise print a page twice.
        if !page.items.is_empty() && !pages_seen.insert(fingerprint(&page.items)) {
            return Err(Error::bad_response(
                "pagination loop: the server sent the same page of items twice",
            ));
        }
        if let Some(want) = want.filter(|&w| page.items.len() > w) {
            // The server sent more than asked. Stop inside the page and point
            // the next cursor at this page's start: a resumed run repeats a few
            // items rather than skipping any. Without a cursor for this page
            // (the first, on a cursor API), the next cursor is a skip cursor
            // of ours that resumes exactly.
            page.items.truncate(want);
            let again = match cursor.clone().or_else(|| pager.first_cursor()) {
                Some(c) if skipped == 0 => {
                    tracing::warn!(
                        "stopped inside a page at --max-items; the next cursor repeats that page"
                    );
                    handed_out(c)
                }
                _ => skip_cursor(skipped + want, cursor.as_deref()),
            };
            sink(page)?;
            return Ok(Some(again));
        }
        produced += page.items.len();
        sink(page)?;
        let Some(next) = next else { return Ok(None) };
        if !seen.insert(next.clone()) {
            return Err(Error::bad_response(format!(
                "pagination loop: the server returned cursor {} a second time",
                crate::text::clip(&next)
            )));
        }
        let done = match follow {
            Follow::One => true,
            Follow::All => false,
            Follow::Max(n) => produced >= n,
        };
        if done {
            return Ok(Some(handed_out(next)));
        }
        cursor = Some(next);
    }
}

/// Every page, in order (for summaries, where one lookup is one result).
pub async fn collect<P: Pager>(pager: &mut P) -> Result<Vec<Page<P::Item>>>
where
    P::Item: Hash,
{
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
                already_seen: 0,
            })
        }
    }

    fn run(
        pages: Vec<(Vec<u32>, Option<&'static str>)>,
        follow: Follow,
    ) -> (Result<Option<String>>, Vec<u32>, Script) {
        run_from(pages, None, follow)
    }

    fn run_from(
        pages: Vec<(Vec<u32>, Option<&'static str>)>,
        start: Option<String>,
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
        let r = rt.block_on(drive(&mut s, start, follow, |p| {
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

    /// Items that differ only in the order of their leftover fields print
    /// differently, so they are not the same page (serde_json's own hash of
    /// a map sorts its keys).
    #[test]
    fn the_fingerprint_sees_the_order_of_provider_fields() {
        let tx = |text: &str| crate::model::Transaction {
            id: "a".into(),
            created_at: None,
            kind: None,
            status: None,
            from: None,
            to: None,
            rate: None,
            fee: None,
            provider_fields: serde_json::from_str(text).unwrap(),
            subject: None,
        };
        let print = |text: &str| fingerprint(&[tx(text)]);
        let xy = r#"{"x":1,"y":{"p":1,"q":2}}"#;
        assert_eq!(print(xy), print(xy));
        assert_ne!(print(xy), print(r#"{"y":{"p":1,"q":2},"x":1}"#));
        assert_ne!(print(xy), print(r#"{"x":1,"y":{"q":2,"p":1}}"#));
        assert_ne!(print(xy), print("{}"));
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

    /// Endless pages from a function of the page index.
    struct Endless(fn(usize) -> Vec<u32>, usize);

    impl Pager for Endless {
        type Item = u32;
        async fn page(&mut self, _c: Option<&str>, _w: Option<usize>) -> Result<Page<u32>> {
            self.1 += 1;
            Ok(Page {
                items: (self.0)(self.1),
                // Bounded, so a test of a guard that fails still ends.
                next: (self.1 < 300).then(|| format!("c{}", self.1)),
                raw: vec![],
                already_seen: 0,
            })
        }
    }

    fn run_endless(items: fn(usize) -> Vec<u32>) -> (Result<Option<String>>, usize) {
        let mut p = Endless(items, 0);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let r = rt.block_on(drive(&mut p, None, Follow::All, |_| Ok(())));
        (r, p.1)
    }

    #[test]
    fn endless_empty_pages_stop_with_exit_65() {
        let (r, requests) = run_endless(|_| vec![]);
        assert_eq!(r.unwrap_err().exit_code(), 65);
        assert_eq!(requests, MAX_EMPTY_PAGES);
        // A few empty pages between full ones are fine.
        let (r, requests) = run_endless(|i| if i % 5 == 0 { vec![i as u32] } else { vec![] });
        assert_eq!(
            (r.unwrap(), requests),
            (None, 300),
            "stops only on a real loop"
        );
    }

    #[test]
    fn a_page_served_again_under_a_new_cursor_is_a_loop() {
        let (r, requests) = run_endless(|_| vec![7, 8]);
        assert_eq!(r.unwrap_err().exit_code(), 65);
        assert_eq!(requests, 2);
    }

    #[test]
    fn max_items_inside_the_first_page_never_claims_the_end() {
        // A cursor API has no cursor for its first page: a skip cursor resumes exactly.
        let pages = vec![(vec![1, 2, 3, 4], Some("a")), (vec![5], None)];
        let (r, got, _) = run(pages.clone(), Follow::Max(2));
        assert_eq!(got, [1, 2]);
        let next = r.unwrap().unwrap();
        assert_eq!(next, "skip:2");
        let (r, got, s) = run_from(pages.clone(), Some(next), Follow::Max(1));
        assert_eq!(got, [3]);
        assert_eq!(
            s.asked[0],
            (None, Some(3)),
            "asks for the skipped items too"
        );
        assert_eq!(r.unwrap().as_deref(), Some("skip:3"));
        let (r, got, _) = run_from(pages, Some("skip:3".into()), Follow::All);
        assert_eq!((r.unwrap(), got), (None, vec![4, 5]));
        assert_eq!(parse_skip("skip:7:tok:en"), Some((7, Some("tok:en"))));
        assert_eq!(parse_skip("c25-1a2b"), None);
    }

    #[test]
    fn a_provider_cursor_that_looks_like_ours_is_handed_out_escaped() {
        let pages = vec![(vec![1], Some("skip:2:s1")), (vec![2], None)];
        let (r, _, _) = run(pages.clone(), Follow::One);
        let next = r.unwrap().unwrap();
        assert_eq!(next, "skip:0:skip:2:s1");
        let (r, got, s) = run_from(pages, Some(next), Follow::One);
        assert_eq!(
            s.asked[0].0.as_deref(),
            Some("skip:2:s1"),
            "sent as the provider wrote it"
        );
        assert_eq!(got, [1], "nothing dropped: skip 0");
        assert!(r.is_ok());
    }

    #[test]
    fn the_last_page_repeating_the_one_before_is_a_loop() {
        let (r, _, _) = run(
            vec![(vec![1, 2], Some("a")), (vec![1, 2], None)],
            Follow::All,
        );
        assert_eq!(r.unwrap_err().exit_code(), 65);
    }
}
