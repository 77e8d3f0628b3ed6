//! Books that balance, on a clock: living histories.
//!
//! A living subject (a generated Boca user, NOAH's USDC and ETH, a generated
//! Ibanera account) has had a transaction every [`PERIOD`] seconds of the
//! sandbox's clock since [`EPOCH`], at its own phase; its balance is its
//! opening balance plus every one of them, so `balances reconcile` over a
//! sandbox ledger says `ok`, and two syncs a minute apart see new
//! transactions and moved balances. Everything is a function of the seed
//! and the clock: the same seed and instant give the same bytes.
//!
//! Transactions come in cycles of `2 × HALF`: the first half moves money
//! (steps `j`), the second reverses each step of the first, so a balance
//! stays within its opening plus one half-cycle and the net of any prefix
//! is a sum of at most [`HALF`] steps, whatever the clock says. Amounts are
//! integers of each currency's minor unit: exact.

use crate::data::hash;

/// 2026-01-01T00:00:00Z: the first living transaction.
pub const EPOCH: i64 = 1_767_225_600;
/// Seconds between a subject's transactions.
pub const PERIOD: i64 = 7;
/// Steps in half a cycle.
pub const HALF: u64 = 500;

/// A living subject: its transactions' times, and which of them a listing shows.
#[derive(Debug, Clone, Copy)]
pub struct Stream {
    phase: i64,
}

impl Stream {
    pub fn new(seed: u64, subject: &str) -> Stream {
        Stream {
            phase: (hash(seed, subject, 0x9a5e) % PERIOD as u64) as i64,
        }
    }

    /// How many transactions have happened by `now` (inclusive).
    pub fn count(self, now: i64) -> u64 {
        let since = now - EPOCH - self.phase;
        if since < 0 {
            0
        } else {
            (since / PERIOD) as u64 + 1
        }
    }

    /// When transaction `k` happened (Unix seconds).
    pub fn at(self, k: u64) -> i64 {
        EPOCH + self.phase + k as i64 * PERIOD
    }
}

/// Transaction `k`: the step of the first half-cycle it is, and whether it
/// reverses that step.
pub fn step(k: u64) -> (u64, bool) {
    let c = k % (2 * HALF);
    if c < HALF {
        (c, false)
    } else {
        (c - HALF, true)
    }
}

/// The net of the first `n` transactions, per currency (`effect(j)` is step
/// `j`'s change to each currency, in minor units): the steps moved forward
/// and not yet reversed in the current cycle.
pub fn net(n: u64, currencies: usize, effect: impl Fn(u64) -> Vec<(usize, i128)>) -> Vec<i128> {
    let rem = n % (2 * HALF);
    let (from, to) = (rem.saturating_sub(HALF), rem.min(HALF));
    let mut sums = vec![0i128; currencies];
    for j in from..to {
        for (c, delta) in effect(j) {
            sums[c] += delta;
        }
    }
    sums
}

/// Transactions newest first: the `k` of offset `o` when the listing's
/// newest is `top` (a count), hidden ones skipped, at most `window` shown.
pub fn listed(top: u64, window: u64, hidden: impl Fn(u64) -> bool) -> impl Iterator<Item = u64> {
    (0..top.min(window))
        .map(move |o| top - 1 - o)
        .filter(move |&k| !hidden(k))
}

/// A decimal text of `minor` units at `scale` (`12345`, 2 → `123.45`).
pub fn decimal(minor: i128, scale: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let digits = minor.unsigned_abs().to_string();
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let scale = scale as usize;
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{sign}{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The net of a prefix, computed the short way, is the sum of every
    /// transaction one by one, over cycles and at any point in one.
    #[test]
    fn the_net_of_a_prefix_is_the_sum_of_its_transactions() {
        let effect = |j: u64| vec![(0usize, (j as i128 * 37) % 1000 - 400), (1, j as i128)];
        let one = |k: u64| {
            let (j, back) = step(k);
            effect(j)
                .into_iter()
                .map(|(c, d)| (c, if back { -d } else { d }))
                .collect::<Vec<_>>()
        };
        let mut sums = vec![0i128; 2];
        for n in 0..2600u64 {
            assert_eq!(net(n, 2, effect), sums, "n = {n}");
            for (c, d) in one(n) {
                sums[c] += d;
            }
        }
    }

    #[test]
    fn streams_count_by_the_clock() {
        let s = Stream { phase: 3 };
        assert_eq!(s.count(EPOCH + 2), 0);
        assert_eq!(s.count(EPOCH + 3), 1);
        assert_eq!(s.count(EPOCH + 9), 1);
        assert_eq!(s.count(EPOCH + 10), 2);
        assert_eq!(s.at(1), EPOCH + 10);
        let shown: Vec<u64> = listed(10, 4, |k| k == 8).collect();
        assert_eq!(shown, [9, 7, 6]);
        assert_eq!(decimal(12345, 2), "123.45");
        assert_eq!(decimal(-5, 3), "-0.005");
        assert_eq!(decimal(7, 0), "7");
    }
}
