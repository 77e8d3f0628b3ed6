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
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;

/// Empty pages in a row that may still carry a next cursor before the
/// listing is judged stuck. A server may skip over filtered records with an
/// empty page or two; hundreds in a row is a loop.
pub const MAX_EMPTY_PAGES: usize = 20;

/// Empty pages in a row, each pointing to another (see [`MAX_EMPTY_PAGES`]).
#[derive(Debug, Default)]
pub struct EmptyRun(usize);

impl EmptyRun {
    /// One more page that points to another: `empty` if it had no items.
    pub fn step(&mut self, empty: bool) -> Result<()> {
        self.0 = if empty { self.0 + 1 } else { 0 };
        if self.0 >= MAX_EMPTY_PAGES {
            return Err(Error::bad_response(format!(
                "pagination makes no progress: {MAX_EMPTY_PAGES} empty pages in a row, each pointing to another"
            )));
        }
        Ok(())
    }
}

/// One page of items, with the raw body for `--raw`.
#[derive(Debug)]
pub struct Page<T> {
    items: Items<T>,
    /// Where the next page starts; `None` (or empty) on the last page.
    pub next: Option<String>,
    pub raw: Vec<u8>,
    /// Items the provider sent that a wrapper (`--state-file`) dropped as
    /// already exported: the page was not empty, and made progress.
    pub already_seen: usize,
}

/// A page's items: mapped already, or still in the body as the spans of
/// their text, each mapped to a `T` when it is reached. A body of 400,000
/// balances then costs the body and 16 bytes an item, rather than every
/// record built at once (`Page::in_body`).
#[derive(Debug)]
enum Items<T> {
    Mapped(Vec<T>),
    InBody {
        spans: Vec<Range<usize>>,
        map: fn(&[u8]) -> Result<T>,
        /// The answer's HTTP status, carried by an item's error.
        status: u16,
    },
}

/// How many items of a page kept in its body are mapped and handed on at a time.
pub const CHUNK: usize = 1024;

impl<T> Page<T> {
    pub fn new(items: Vec<T>, next: Option<String>, raw: Vec<u8>) -> Page<T> {
        Page {
            items: Items::Mapped(items),
            next,
            raw,
            already_seen: 0,
        }
    }

    /// A page whose items stay in `raw`, at `spans`, until they are reached:
    /// `map` reads one item's text (its problems are reported with `status`).
    /// Every item is read once here, and dropped: a page that exists can be
    /// handed on whole, so an item that cannot be read fails the page before
    /// any consumer prints its first record. (Keeping the items of a short
    /// page would save the second read, but a listing collected whole, as
    /// `summary` collects one, would then hold every record at once: 250 MB
    /// rather than 48 MB for 300 pages of 1,000 NOAH balances.)
    pub fn in_body(
        raw: Vec<u8>,
        spans: Vec<Range<usize>>,
        map: fn(&[u8]) -> Result<T>,
        status: u16,
        next: Option<String>,
    ) -> Result<Page<T>> {
        let page = Page {
            items: Items::InBody { spans, map, status },
            next,
            raw,
            already_seen: 0,
        };
        page.in_body_items().try_for_each(|item| item.map(drop))?;
        Ok(page)
    }

    pub fn len(&self) -> usize {
        match &self.items {
            Items::Mapped(items) => items.len(),
            Items::InBody { spans, .. } => spans.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drop the first `k` items (fewer if the page has fewer).
    fn skip_front(&mut self, k: usize) {
        match &mut self.items {
            Items::Mapped(items) => drop(items.drain(..k.min(items.len()))),
            Items::InBody { spans, .. } => drop(spans.drain(..k.min(spans.len()))),
        }
    }

    fn truncate(&mut self, n: usize) {
        match &mut self.items {
            Items::Mapped(items) => items.truncate(n),
            Items::InBody { spans, .. } => spans.truncate(n),
        }
    }

    /// The items of a page kept in its body, each mapped as it is reached.
    fn in_body_items(&self) -> impl Iterator<Item = Result<T>> + '_ {
        let (spans, map, status) = match &self.items {
            Items::Mapped(_) => (&[][..], None, 0),
            Items::InBody { spans, map, status } => (&spans[..], Some(*map), *status),
        };
        spans.iter().filter_map(move |span| {
            let map = map?;
            Some(
                map(&self.raw[span.clone()])
                    .map_err(|e| item_at(e, span.start).with_status(status)),
            )
        })
    }

    /// The items in order, [`CHUNK`] at a time for a page kept in its body
    /// (all at once otherwise). `f` is called at least once, with no items
    /// for an empty page; the first item that cannot be mapped stops it.
    pub fn each_chunk(&self, mut f: impl FnMut(&[T]) -> Result<()>) -> Result<()> {
        if let Items::Mapped(items) = &self.items {
            return f(items);
        }
        let mut chunk = Vec::with_capacity(CHUNK.min(self.len()));
        let mut handed = false;
        for item in self.in_body_items() {
            chunk.push(item?);
            if chunk.len() == CHUNK {
                f(&chunk)?;
                chunk.clear();
                handed = true;
            }
        }
        if !chunk.is_empty() || !handed {
            f(&chunk)?;
        }
        Ok(())
    }

    /// [`Page::each_chunk`], the page's body handed on with the first
    /// chunk and empty after it (`--raw` prints a body once).
    pub fn each_chunk_with_body(&self, mut f: impl FnMut(&[T], &[u8]) -> Result<()>) -> Result<()> {
        let mut body = &self.raw[..];
        self.each_chunk(|items| f(items, std::mem::take(&mut body)))
    }

    /// Every item, mapped.
    pub fn into_items(mut self) -> Result<Vec<T>> {
        self.take_items()
    }

    /// Every item, mapped, leaving the page with none (see [`Page::set_items`]).
    pub fn take_items(&mut self) -> Result<Vec<T>> {
        let items = match &mut self.items {
            Items::Mapped(items) => std::mem::take(items),
            Items::InBody { .. } => self.in_body_items().collect::<Result<_>>()?,
        };
        self.items = Items::Mapped(Vec::new());
        Ok(items)
    }

    pub fn set_items(&mut self, items: Vec<T>) {
        self.items = Items::Mapped(items);
    }
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

    /// The page at `cursor` will be asked for (with `want`) once the current
    /// one is handed on, every check on it passed: a pager may send that
    /// request now, so the server answers while this page is written out.
    /// Called only when the run goes on to that page, so a run asks for no
    /// page it would not have asked for next (unless writing the current
    /// one then fails, a closed pipe say).
    fn ahead(&mut self, cursor: &str, want: Option<usize>) -> impl Future<Output = ()> {
        let _ = (cursor, want);
        std::future::ready(())
    }
}

/// An item's error, said where in the body the item starts: its own
/// position says little in a long body.
pub fn item_at(mut e: Error, offset: usize) -> Error {
    e.message = format!("{} (the item at byte {offset} of the response)", e.message);
    e
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

/// Where a read stored mid-way goes on from: the provider's cursor as
/// [`drive`] takes it to start at (escaped, if it could be read as one of ours).
pub fn resume_at(cursor: &str) -> String {
    handed_out(cursor.to_owned())
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
/// first cost as much as printing them. A page kept in its body hashes each
/// item's text as the provider sent it (read once already, by
/// [`Page::in_body`]), rather than reading every item again.
///
/// foldhash with one fixed seed (every page must hash alike, so not a
/// random state per call): a collision can only stop a run loudly, so
/// SipHash's resistance to chosen collisions buys nothing here.
fn fingerprint<T: Hash>(page: &Page<T>) -> u64 {
    let mut h = foldhash::quality::FixedState::default().build_hasher();
    h.write_usize(page.len());
    match &page.items {
        Items::Mapped(items) => items.iter().for_each(|item| item.hash(&mut h)),
        Items::InBody { spans, .. } => spans
            .iter()
            .for_each(|span| h.write(&page.raw[span.clone()])),
    }
    h.finish()
}

fn cursor_hash(cursor: &str) -> u64 {
    foldhash::quality::FixedState::default().hash_one(cursor)
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
    // Cursors seen, by their hash: a long history's cursors are not kept
    // (a million items in 10,000 pages), and a collision can only stop a
    // run loudly, as a page's fingerprint can.
    let mut seen: HashSet<u64> = start.iter().map(|c| cursor_hash(c)).collect();
    let mut pages_seen: HashSet<u64> = HashSet::new();
    let mut empty_run = EmptyRun::default();
    // A skip cursor of ours: fetch its page and drop what was printed before.
    let (mut skip, mut cursor) = match start.as_deref().and_then(parse_skip) {
        Some((k, inner)) => (k, inner.map(str::to_owned)),
        None => (0, start),
    };
    let mut produced = 0usize;
    // How many more items the run needs, once `produced` are out.
    let wanted = |produced: usize| match follow {
        Follow::Max(n) => Some(n - produced),
        _ => None,
    };
    loop {
        let want = wanted(produced);
        let mut page = pager
            .page(cursor.as_deref(), want.map(|w| w.saturating_add(skip)))
            .await?;
        let skipped = skip;
        page.skip_front(skip);
        skip = 0;
        let next = page.next.take().filter(|c| !c.is_empty());
        let sent = page.len() + page.already_seen;
        if next.is_some() {
            empty_run.step(sent == 0)?;
        }
        // Every page with items counts, the last one too: a server that
        // ignores the page asked for would otherwise print a page twice.
        if !page.is_empty() && !pages_seen.insert(fingerprint(&page)) {
            return Err(Error::bad_response(
                "pagination loop: the server sent the same page of items twice",
            ));
        }
        if let Some(want) = want.filter(|&w| page.len() > w) {
            // The server sent more than asked. Stop inside the page and point
            // the next cursor at this page's start: a resumed run repeats a few
            // items rather than skipping any. Without a cursor for this page
            // (the first, on a cursor API), the next cursor is a skip cursor
            // of ours that resumes exactly.
            page.truncate(want);
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
        produced += page.len();
        // Where the run goes after this page is decided before the page is
        // handed on and acted on after it (the page is printed first), so
        // that the next page can be asked for in between.
        let step = match next {
            None => Step::End(None),
            Some(next) if !seen.insert(cursor_hash(&next)) => {
                Step::Fail(Error::bad_response(format!(
                    "pagination loop: the server returned cursor {} a second time",
                    crate::text::quote(&next)
                )))
            }
            Some(next) => {
                let done = match follow {
                    Follow::One => true,
                    Follow::All => false,
                    Follow::Max(n) => produced >= n,
                };
                if done {
                    Step::End(Some(handed_out(next)))
                } else {
                    Step::Next(next)
                }
            }
        };
        if let Step::Next(next) = &step {
            pager.ahead(next, wanted(produced)).await;
        }
        sink(page)?;
        match step {
            Step::Next(next) => cursor = Some(next),
            Step::End(next_cursor) => return Ok(next_cursor),
            Step::Fail(e) => return Err(e),
        }
    }
}

/// Where [`drive`] goes after a page.
enum Step {
    /// On to the page at this cursor.
    Next(String),
    /// The run is over; the cursor the output hands on, if the listing goes on.
    End(Option<String>),
    /// The page is printed, then the run fails (a cursor seen before).
    Fail(Error),
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
        /// What `drive` announced it would ask for next.
        ahead: Vec<(Option<String>, Option<usize>)>,
    }

    impl Pager for Script {
        type Item = u32;
        async fn page(&mut self, cursor: Option<&str>, want: Option<usize>) -> Result<Page<u32>> {
            self.asked.push((cursor.map(str::to_owned), want));
            let i = self.asked.len() - 1;
            let (items, next) = self.pages[i].clone();
            Ok(Page::new(items, next.map(str::to_owned), vec![]))
        }
        async fn ahead(&mut self, cursor: &str, want: Option<usize>) {
            self.ahead.push((Some(cursor.to_owned()), want));
        }
    }

    /// A page asked for ahead is always the page asked for next, with the
    /// same size, and never one the run would not ask for: not after the
    /// one page of `Follow::One`, nor once `--max-items` is reached, nor a
    /// cursor that came back.
    #[test]
    fn a_page_is_asked_for_ahead_only_when_the_run_asks_for_it_next() {
        let three = || {
            vec![
                (vec![1, 2], Some("a")),
                (vec![3, 4], Some("b")),
                (vec![5], Some("c")),
                (vec![6], None),
            ]
        };
        let looped = vec![(vec![1], Some("a")), (vec![2], Some("a"))];
        for (pages, follow, aheads) in [
            (three(), Follow::All, 3),
            (three(), Follow::One, 0),
            (three(), Follow::Max(3), 1),
            (three(), Follow::Max(4), 1),
            (three(), Follow::Max(5), 2),
            (looped, Follow::All, 1),
        ] {
            let (_, _, s) = run(pages, follow);
            assert_eq!(s.ahead.len(), aheads, "{follow:?}");
            assert_eq!(s.ahead[..], s.asked[1..=aheads], "{follow:?}");
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
            ahead: vec![],
        };
        let mut got = vec![];
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let r = rt.block_on(drive(&mut s, start, follow, |p| {
            got.extend(p.into_items()?);
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
        let print = |text: &str| fingerprint(&Page::new(vec![tx(text)], None, vec![]));
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
            // Bounded, so a test of a guard that fails still ends.
            let next = (self.1 < 300).then(|| format!("c{}", self.1));
            Ok(Page::new((self.0)(self.1), next, vec![]))
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

    /// Items kept in the body: decimal numbers separated by commas, `x` one
    /// that cannot be read.
    fn in_body(text: &str, next: Option<&str>) -> Result<Page<u32>> {
        let mut spans = vec![];
        let mut at = 0;
        for part in text.split(',').filter(|p| !p.is_empty()) {
            let start = text[at..].find(part).unwrap() + at;
            spans.push(start..start + part.len());
            at = start + part.len();
        }
        fn number(b: &[u8]) -> Result<u32> {
            std::str::from_utf8(b)
                .ok()
                .and_then(|t| t.parse().ok())
                .ok_or_else(|| Error::bad_response("not a number"))
        }
        Page::in_body(
            text.as_bytes().to_vec(),
            spans,
            number,
            200,
            next.map(str::to_owned),
        )
    }

    /// The loop check for pages kept in their body: the same items hash
    /// alike on every call (a fixed seed), and a digit or a split apart
    /// gives another fingerprint.
    #[test]
    fn a_page_kept_in_its_body_is_fingerprinted_by_its_items_text() {
        let print = |text: &str| fingerprint(&in_body(text, None).unwrap());
        assert_eq!(print("1,23,456"), print("1,23,456"));
        assert_ne!(print("1,23,456"), print("1,23,457"));
        assert_ne!(print("1,23,456"), print("12,3,456"));
        assert_ne!(print("1,23"), print("1,23,0"));
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        struct Twice(u32);
        impl Pager for Twice {
            type Item = u32;
            async fn page(&mut self, _: Option<&str>, _: Option<usize>) -> Result<Page<u32>> {
                self.0 += 1;
                in_body("4,5", Some(format!("c{}", self.0)).as_deref())
            }
        }
        let r = rt.block_on(drive(&mut Twice(0), None, Follow::All, |_| Ok(())));
        assert_eq!(
            r.unwrap_err().exit_code(),
            65,
            "the same page twice is a loop"
        );
    }

    fn numbers(range: std::ops::Range<u32>) -> String {
        range.map(|n| n.to_string()).collect::<Vec<_>>().join(",")
    }

    #[test]
    fn a_page_kept_in_its_body_is_handed_on_in_order_chunk_by_chunk() {
        let page = in_body(&numbers(0..2500), None).unwrap();
        assert_eq!(page.len(), 2500);
        let (mut sizes, mut all) = (vec![], vec![]);
        page.each_chunk(|items| {
            sizes.push(items.len());
            all.extend_from_slice(items);
            Ok(())
        })
        .unwrap();
        assert_eq!(sizes, [CHUNK, CHUNK, 2500 - 2 * CHUNK]);
        assert_eq!(all, (0..2500).collect::<Vec<_>>());
        assert_eq!(page.into_items().unwrap(), all);

        let mut calls = vec![];
        in_body("", None)
            .unwrap()
            .each_chunk(|items| {
                calls.push(items.len());
                Ok(())
            })
            .unwrap();
        assert_eq!(calls, [0], "an empty page is handed on once, empty");

        let mut calls = 0;
        in_body(&numbers(0..CHUNK as u32), None)
            .unwrap()
            .each_chunk(|_| {
                calls += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(calls, 1, "no empty batch after a full one");
    }

    /// No page exists with an item that cannot be read, so no consumer can
    /// print part of one.
    #[test]
    fn an_item_that_cannot_be_read_fails_its_page_before_it_is_handed_on() {
        // A page longer than a chunk, and one that is not.
        for good in [numbers(0..1500), numbers(0..100)] {
            let text = format!("{good},x,{}", numbers(1500..1600));
            let e = in_body(&text, None).expect_err("no page");
            assert_eq!((e.exit_code(), e.http_status), (65, Some(200)));
            let at = good.len() + 1;
            assert!(
                e.message
                    .ends_with(&format!("(the item at byte {at} of the response)")),
                "{e}"
            );
        }
    }

    #[test]
    fn skip_and_max_items_cut_a_page_kept_in_its_body() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        struct Body;
        impl Pager for Body {
            type Item = u32;
            async fn page(&mut self, _: Option<&str>, _: Option<usize>) -> Result<Page<u32>> {
                in_body(&numbers(0..3000), None)
            }
        }
        let mut got = vec![];
        let next = rt
            .block_on(drive(
                &mut Body,
                Some("skip:1000".into()),
                Follow::Max(1500),
                |p| {
                    got.extend(p.into_items()?);
                    Ok(())
                },
            ))
            .unwrap();
        assert_eq!(got, (1000..2500).collect::<Vec<_>>());
        assert_eq!(next.as_deref(), Some("skip:2500"));
    }
}
