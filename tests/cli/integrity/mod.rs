//! A run that exits 0 has skipped nothing and changed no digit
//! (the README's exit-code table and changelog). Each test here reproduces one
//! way a provider's exact bytes lead the current code to a silent gap, a
//! changed digit or a success it should not claim; the server is the
//! scriptable [`Hostile`] one, so every byte the "provider" sends is written
//! out in the test.

use crate::hostile::{self, Hostile, Reply, show};
use crate::pages::boca_page_of;
use crate::support::{Run, run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tempfile::TempDir;

mod amounts;
mod envelopes;
mod local;
mod paging;
mod state;

/// Every case's run is refused with 65; the cases that were not are
/// listed together, each with its run.
fn each_refused_with_65<T: std::fmt::Display>(
    cases: impl IntoIterator<Item = T>,
    run_case: impl Fn(&T) -> Run,
) {
    let wrong: Vec<String> = cases
        .into_iter()
        .filter_map(|case| {
            let r = run_case(&case);
            (r.code != 65).then(|| format!("{case}: {}", show(&r)))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "not refused with 65:\n{}",
        wrong.join("\n")
    );
}

/// A Boca server whose one-page history can be swapped between runs.
struct BocaHistory {
    srv: Hostile,
    body: Arc<Mutex<String>>,
}

impl BocaHistory {
    fn new(items: &[(&str, &str)]) -> BocaHistory {
        let body = Arc::new(Mutex::new(boca_page_of(items, None)));
        let b = body.clone();
        let srv = Hostile::serve(move |req| {
            if req.path().ends_with("/transactions") {
                Reply::json(200, &b.lock().unwrap())
            } else {
                Reply::json(
                    404,
                    r#"{"error":"not_found","message":"no such route","requestId":"req-h"}"#,
                )
            }
        });
        BocaHistory { srv, body }
    }

    fn set(&self, items: &[(&str, &str)]) {
        *self.body.lock().unwrap() = boca_page_of(items, None);
    }
}

/// `boca get-transactions u-1 --state-file PATH -o ndjson` against `srv`.
fn since(home: &Path, srv: &Hostile, state: &Path) -> Run {
    run(hostile::boca(home, srv).args([
        "boca",
        "get-transactions",
        "u-1",
        "--state-file",
        state.to_str().unwrap(),
        "-o",
        "ndjson",
    ]))
}

/// The ids of an NDJSON transaction listing.
fn ids(r: &Run) -> Vec<String> {
    r.stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not NDJSON ({e}): {l}\n{}", r.stdout));
            v["id"].as_str().unwrap_or_default().to_owned()
        })
        .collect()
}

fn assert_code(r: &Run, code: i32) {
    assert_eq!(r.code, code, "{}", show(r));
}

fn state_path(home: &TempDir) -> PathBuf {
    home.path().join("boca.state")
}

/// The state made by a real first run of `first`, then a second run of `second`.
fn second_run_after(first: &[(&str, &str)], second: &[(&str, &str)]) -> Run {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(first);
    let state = state_path(&home);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    assert_eq!(
        ids(&r),
        first.iter().map(|(i, _)| i.to_string()).collect::<Vec<_>>()
    );
    assert!(state.exists(), "the first run wrote its state");
    h.set(second);
    since(home.path(), &h.srv, &state)
}

/// An Ibanera balances envelope, page 1 of `pages` (as written).
fn ibanera_balances_page(details: &str, pages: &str) -> String {
    crate::pages::ibanera_envelope(details, 100, 1, pages)
}
