//! Pages asked for before they are read, so the server answers while the
//! page before is written out. Two shapes, because APIs say two things
//! about what comes next:
//! - a cursor API (Boca, NOAH) names only the next page once this one is
//!   read: [`Ahead`] sends that one request, and keeps it young enough for
//!   the provider to accept its signature;
//! - a page-numbered API that says how many pages there are (Ibanera's
//!   `numberOfPages`) lets a run ask for several at once: [`PagesAhead`]
//!   keeps a window of them in flight, answered in order.

use crate::error::Result;
use futures_util::StreamExt;
use futures_util::stream::FuturesOrdered;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

/// A page's answer, on its way.
pub type Fetch<'a> = std::pin::Pin<Box<dyn Future<Output = Result<crate::http::Incoming>> + 'a>>;

/// The one request a cursor pager sends ahead ([`Pager::ahead`](super::paginate::Pager::ahead)): sent
/// while the current page is written, taken by the call that asks for it.
#[derive(Default)]
pub struct Ahead<'a> {
    sent: Option<(String, std::time::Instant, Fetch<'a>)>,
}

impl<'a> Ahead<'a> {
    /// Send `answer`, the request for the page `key` names. Polled once, it
    /// is signed and handed to its connection; the yield lets the
    /// connection's task write it out, and the server answers meanwhile.
    pub async fn send(&mut self, key: String, mut answer: Fetch<'a>) {
        let at = std::time::Instant::now();
        let polled =
            std::future::poll_fn(|cx| std::task::Poll::Ready(answer.as_mut().poll(cx))).await;
        if let std::task::Poll::Ready(done) = polled {
            answer = Box::pin(std::future::ready(done));
        }
        tokio::task::yield_now().await;
        self.sent = Some((key, at, answer));
    }

    /// The answer for the page `key` names (`None`: the first page): the
    /// one sent ahead, if it was for that page and is young enough, else
    /// `fresh` (a future does nothing until polled: unused, it sends
    /// nothing). `--timeout` and the request's signature count from when it
    /// was sent ahead, and writing the page before may have taken a while (a
    /// slow reader of our stdout; and with no idle connection kept alive,
    /// the request only goes out now): past half the timeout, or
    /// [`AHEAD_MAX_AGE`], it is dropped and the page asked for afresh. So a
    /// slow pipe never ages a signature past what the provider takes.
    ///
    /// With `--retries 0`, an answer sent ahead that timed out or lost its
    /// connection (no HTTP status: a server may close a connection that
    /// waited for its request) is asked for afresh once, the one attempt a
    /// page asked for now would have had. With retries the engine's own
    /// retry does that, with a whole timeout, and a second round of retries
    /// would break `--retries`.
    pub async fn answer(
        &mut self,
        key: Option<&str>,
        engine: &crate::http::Engine,
        fresh: Fetch<'a>,
    ) -> Result<crate::http::Incoming> {
        use crate::error::Kind;
        let young =
            |at: std::time::Instant| at.elapsed() < (engine.timeout() / 2).min(AHEAD_MAX_AGE);
        let sent = self.sent.take();
        if let (Some(key), Some((sent_key, at, answer))) = (key, sent)
            && sent_key == key
            && young(at)
        {
            match answer.await {
                Err(e)
                    if engine.retries() == 0
                        && (e.kind == Kind::Timeout
                            || (e.kind == Kind::Unavailable && e.http_status.is_none())) => {}
                answer => return answer,
            }
        }
        fresh.await
    }
}

/// How old a request sent ahead may be when its page is asked for: well
/// inside Boca's 60-second window for a request's timestamp (NOAH's
/// tokens live five minutes).
pub const AHEAD_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(20);

/// Pages asked for ahead by number: up to a window of them in flight at
/// once, all polled while the run waits for the one it reads (they share
/// the engine, and so its 429 pause), handed out one by one, in order. The
/// memory held is the answers of the window, never the listing.
pub struct PagesAhead<'a, A> {
    /// The numbers of the pages in flight, in the order of `answers`.
    numbers: VecDeque<u32>,
    answers: FuturesOrdered<Pin<Box<dyn Future<Output = Result<A>> + 'a>>>,
}

impl<A> Default for PagesAhead<'_, A> {
    fn default() -> Self {
        PagesAhead {
            numbers: VecDeque::new(),
            answers: FuturesOrdered::new(),
        }
    }
}

impl<'a, A> PagesAhead<'a, A> {
    /// The answer for page `number`: the one asked for ahead when it is
    /// next in line; otherwise every page asked for ahead is dropped and the
    /// page asked for now (`fresh` is only called then).
    pub async fn answer<F: Future<Output = Result<A>>>(
        &mut self,
        number: u32,
        fresh: impl FnOnce() -> F,
    ) -> Result<A> {
        if self.numbers.front() == Some(&number) {
            self.numbers.pop_front();
            return match self.answers.next().await {
                Some(answer) => answer,
                None => Err(crate::error::Error::internal(
                    "a page asked for ahead went missing",
                )),
            };
        }
        self.numbers.clear();
        self.answers = FuturesOrdered::new();
        fresh().await
    }

    /// With page `number` read and `pages` in the listing, ask for the
    /// pages after it not yet asked for, at most `window` beyond it.
    pub fn ask_after(
        &mut self,
        number: u32,
        pages: u64,
        window: u32,
        mut fetch: impl FnMut(u32) -> Pin<Box<dyn Future<Output = Result<A>> + 'a>>,
    ) {
        let last = u64::from(self.numbers.back().copied().unwrap_or(number));
        let until = pages
            .min(u64::from(number) + u64::from(window))
            .min(u64::from(u32::MAX));
        for n in last + 1..=until {
            let n = n as u32; // at most u32::MAX (above)
            self.numbers.push_back(n);
            self.answers.push_back(fetch(n));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: u32) -> Pin<Box<dyn Future<Output = Result<u32>>>> {
        Box::pin(async move { Ok(n) })
    }

    #[tokio::test]
    async fn pages_ahead_come_in_order_and_a_jump_drops_them() {
        let mut ahead = PagesAhead::default();
        ahead.ask_after(1, 10, 3, page);
        assert_eq!(Vec::from(ahead.numbers.clone()), [2, 3, 4]);
        assert_eq!(ahead.answer(2, || async { Ok(0) }).await.unwrap(), 2);
        // Asked again after page 2: only what is not in flight, within 3 of it.
        ahead.ask_after(2, 10, 3, page);
        assert_eq!(Vec::from(ahead.numbers.clone()), [3, 4, 5]);
        // Not the page next in line: the window is dropped, the page asked now.
        assert_eq!(ahead.answer(9, || async { Ok(90) }).await.unwrap(), 90);
        assert!(ahead.numbers.is_empty());
        // Never past the listing's last page.
        ahead.ask_after(9, 10, 3, page);
        assert_eq!(Vec::from(ahead.numbers.clone()), [10]);
    }
}
