//! How many requests a provider may have in flight: adaptive, per provider.
//!
//! A 429 means the account's limit was met, whoever sent the request. So a
//! 429 pauses every request of that provider for `Retry-After` and halves
//! how many may be in flight at once (at least one): the end of a pause
//! releases half the requests that met it, not a herd that the limit
//! refuses again. Each success then gives one back (the command's own
//! `--concurrency`, or the pages it reads ahead, stays the ceiling).
//! That is TCP's and the AWS SDKs' adaptive mode (multiplicative decrease;
//! recovery one request at a time), rather than one request at a time for
//! the rest of the run, which turned a 5 s fan-out into 22 s.
//!
//! The 429s that one congestion event produces (every request in flight
//! meets the full window) cut the limit once: only a request sent after the
//! last cut can cut it again. A 429 spends the provider's rate-limit budget,
//! never the transient-retry budget of the request that met it: the
//! provider fails its requests with 75 only after `--retries` pauses in a
//! row brought no success at all (a server that keeps refusing), and only
//! when no other request is in flight whose answer may yet be a success;
//! so no request fails because of 429s that other requests absorbed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::time::Instant;

/// Every provider's throttle in one run.
pub struct Throttles {
    by_provider: Mutex<HashMap<&'static str, Arc<Throttle>>>,
    /// Pauses in a row without a success before a provider's requests fail.
    budget: u32,
}

impl Throttles {
    pub fn new(budget: u32) -> Throttles {
        Throttles {
            by_provider: Mutex::new(HashMap::new()),
            budget,
        }
    }

    pub fn of(&self, provider: &'static str) -> Arc<Throttle> {
        lock(&self.by_provider)
            .entry(provider)
            .or_insert_with(|| {
                Arc::new(Throttle {
                    state: Mutex::new(State {
                        limit: usize::MAX,
                        in_flight: 0,
                        paused_until: None,
                        cuts: 0,
                        fruitless: 0,
                    }),
                    budget: self.budget,
                    changed: tokio::sync::Notify::new(),
                })
            })
            .clone()
    }
}

pub struct Throttle {
    state: Mutex<State>,
    budget: u32,
    /// Told when a slot frees, the limit rises or a pause is set.
    changed: tokio::sync::Notify,
}

#[derive(Debug)]
struct State {
    /// Requests allowed in flight: unbounded until a 429 (the caller's
    /// own concurrency bounds them), then cut and raised again.
    limit: usize,
    in_flight: usize,
    paused_until: Option<Instant>,
    /// How many times the limit was halved: a request sent before the last
    /// cut that meets a 429 belongs to the event that made the cut.
    cuts: u64,
    /// Pauses (congestion events) since the provider's last success.
    fruitless: u32,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What a 429 leaves the request that met it to do.
#[derive(Debug, PartialEq, Eq)]
pub enum After429 {
    /// Wait for the pause (the throttle's, which this 429 may have moved) and send again.
    TryAgain,
    /// The provider has refused every request through `--retries` pauses in a row.
    GiveUp,
}

impl Throttle {
    /// Wait until the provider is not paused and a request may be in flight.
    pub async fn slot(self: &Arc<Self>) -> Slot {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            // Registered before looking, so a change made in between still wakes us.
            changed.as_mut().enable();
            let pause = {
                let mut s = lock(&self.state);
                match s.paused_until.filter(|&u| u > Instant::now()) {
                    Some(until) => Some(until),
                    None if s.in_flight < s.limit => {
                        s.in_flight += 1;
                        return Slot {
                            throttle: self.clone(),
                            sent_after: s.cuts,
                        };
                    }
                    None => None,
                }
            };
            match pause {
                // The pause may move later while we sleep: look again after it.
                Some(until) => tokio::time::sleep_until(until).await,
                None => changed.await,
            }
        }
    }

    /// The limit now (for tests and `-v`).
    pub fn limit(&self) -> usize {
        lock(&self.state).limit
    }

    fn succeeded(&self) {
        let mut s = lock(&self.state);
        s.fruitless = 0;
        if s.limit < usize::MAX {
            s.limit += 1;
            drop(s);
            self.changed.notify_waiters();
        }
    }

    fn refused(&self, sent_after: u64, wait: Duration) -> After429 {
        let mut s = lock(&self.state);
        let until = Instant::now() + wait;
        if s.paused_until.is_none_or(|u| u < until) {
            s.paused_until = Some(until);
        }
        // One cut per congestion event: the requests already in flight when
        // the limit was cut were sent into the same full window.
        if sent_after == s.cuts {
            s.limit = (s.limit.min(s.in_flight) / 2).max(1);
            s.cuts += 1;
            s.fruitless += 1;
            tracing::info!(
                "429: at most {} request(s) at a time, after a pause of {} ms",
                s.limit,
                wait.as_millis()
            );
        }
        // A success may still be on its way in another request's answer:
        // only the last request in flight is told to give up.
        if s.fruitless > self.budget && s.in_flight == 1 {
            After429::GiveUp
        } else {
            After429::TryAgain
        }
    }
}

/// A request in flight; dropping it frees the slot.
pub struct Slot {
    throttle: Arc<Throttle>,
    /// The throttle's cuts when this request was sent.
    sent_after: u64,
}

impl Slot {
    /// The provider answered: one more request may be in flight (up to the ceiling).
    pub fn succeeded(self) {
        self.throttle.succeeded();
    }

    /// The provider answered 429 and asks for `wait`.
    pub fn refused(self, wait: Duration) -> After429 {
        self.throttle.refused(self.sent_after, wait)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        lock(&self.throttle.state).in_flight -= 1;
        self.throttle.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap()
    }

    #[test]
    fn a_429_halves_the_requests_in_flight_once_per_event_and_successes_raise_it() {
        let throttles = Throttles::new(3);
        let t = throttles.of("boca");
        rt().block_on(async {
            let slots: Vec<Slot> = futures_util::future::join_all((0..16).map(|_| t.slot())).await;
            assert_eq!(lock(&t.state).in_flight, 16);
            // Every request of the full window meets the limit: one cut.
            for s in slots {
                assert_eq!(s.refused(Duration::from_secs(1)), After429::TryAgain);
            }
            assert_eq!(t.limit(), 8);
            assert_eq!(lock(&t.state).fruitless, 1);
            // After the pause, at most 8 go out at once.
            let start = tokio::time::Instant::now();
            let again: Vec<Slot> = futures_util::future::join_all((0..8).map(|_| t.slot())).await;
            assert!(
                start.elapsed() >= Duration::from_secs(1),
                "the pause is kept"
            );
            let ninth = tokio::time::timeout(Duration::from_millis(10), t.slot()).await;
            assert!(ninth.is_err(), "no more than the limit in flight");
            for s in again {
                s.succeeded();
            }
            assert_eq!(t.limit(), 16, "each success gives one back");
            assert_eq!(lock(&t.state).fruitless, 0);
        });
    }

    #[test]
    fn pauses_in_a_row_without_a_success_spend_the_budget() {
        let throttles = Throttles::new(2);
        let t = throttles.of("p100");
        rt().block_on(async {
            for expected in [After429::TryAgain, After429::TryAgain, After429::GiveUp] {
                let s = t.slot().await;
                assert_eq!(s.refused(Duration::from_millis(100)), expected);
            }
            // A success in between starts the count again.
            let throttles = Throttles::new(1);
            let t = throttles.of("p100");
            for _ in 0..5 {
                let s = t.slot().await;
                assert_eq!(s.refused(Duration::from_millis(100)), After429::TryAgain);
                t.slot().await.succeeded();
            }
        });
    }

    #[test]
    fn one_providers_pause_is_its_own() {
        let throttles = Throttles::new(3);
        rt().block_on(async {
            let boca = throttles.of("boca");
            boca.slot().await.refused(Duration::from_secs(30));
            let until = lock(&boca.state).paused_until;
            // A shorter Retry-After met meanwhile never ends the pause sooner.
            let early = Slot {
                throttle: boca.clone(),
                sent_after: 1,
            };
            lock(&boca.state).in_flight += 1;
            early.refused(Duration::from_millis(10));
            assert_eq!(lock(&boca.state).paused_until, until);
            let p100 = throttles.of("p100");
            let got = tokio::time::timeout(Duration::from_millis(10), p100.slot()).await;
            assert!(got.is_ok(), "p100 is not paused by boca's 429");
            let got = tokio::time::timeout(Duration::from_millis(10), boca.slot()).await;
            assert!(got.is_err(), "boca is");
        });
    }
}
