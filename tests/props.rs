//! Property tests of the library API (proptest), and the regression tests
//! for what the fuzz targets of `fuzz/` found.
//!
//! - The `--state-file` rule over many runs of a growing history, some of
//!   them killed midway: every item is exported by exactly one successful
//!   run, whatever the page sizes, ties, fractions and UTC offsets.
//! - Amounts: the decimal grammar round-trips byte for byte, JSON numbers
//!   keep their digits or write an exponent out exactly, anything else is
//!   refused, and `cmp_value` agrees with rust_decimal.

use balances::clock::{Form, Timestamp};
use balances::error::{Error, Kind, Result};
use balances::listing::history::{Mark, SincePager};
use balances::listing::paginate::{self, Follow, Page, Pager};
use balances::model::Transaction;
use balances::money::Amount;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::HashMap;

// ---------------------------------------------------------------------------
// The state file over a sequence of runs
// ---------------------------------------------------------------------------

/// 2021-01-01T00:00:00Z: far enough in the past that no instant of a
/// generated history is "more than a day ahead" of the clock.
const BASE_SECS: i64 = 1_609_459_200;
const NANOS: i128 = 1_000_000_000;

/// Gaps between two distinct instants of the timeline.
const GAPS: [i128; 8] = [
    1,
    1_000,
    1_000_000,
    500_000_000,
    NANOS,
    59 * NANOS,
    3600 * NANOS,
    86_399 * NANOS,
];
/// UTC offsets (minutes) a provider may spell a timestamp in.
const OFFSETS: [i32; 8] = [0, 0, 60, -300, 330, 345, -720, 840];

/// One transaction of the model: its true instant (ns since the epoch), its
/// place among items of the same instant, and how its timestamp is spelled.
#[derive(Debug, Clone)]
struct Item {
    id: String,
    at: i128,
    tie_rank: u32,
    spelled: String,
}

/// RFC 3339 text for `at` in the UTC offset `offset` (minutes), the fraction
/// written with `style` (0: shortest, 1: milliseconds or more, 2: nanoseconds).
fn spell(at: i128, offset: i32, style: u8) -> String {
    let utc = time::OffsetDateTime::from_unix_timestamp_nanos(at).unwrap();
    let local = utc.to_offset(time::UtcOffset::from_whole_seconds(offset * 60).unwrap());
    let nanos = local.nanosecond();
    let frac = match style {
        0 if nanos == 0 => String::new(),
        0 => format!(".{nanos:09}").trim_end_matches('0').to_owned(),
        1 if nanos.is_multiple_of(1_000_000) => format!(".{:03}", nanos / 1_000_000),
        _ => format!(".{nanos:09}"),
    };
    let zone = match offset {
        0 if style == 1 => "+00:00".to_owned(),
        0 => "Z".to_owned(),
        o => format!(
            "{}{:02}:{:02}",
            if o < 0 { '-' } else { '+' },
            o.abs() / 60,
            o.abs() % 60
        ),
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{frac}{zone}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    )
}

fn transaction(item: &Item) -> Transaction {
    Transaction {
        id: item.id.as_str().into(),
        created_at: Some(item.spelled.as_str().into()),
        kind: None,
        status: None,
        from: None,
        to: None,
        rate: None,
        fee: None,
        provider_fields: Default::default(),
        subject: None,
    }
}

/// The provider's listing as of one run: newest first, ties in the order
/// of their ranks, served `size` at a time from offset cursors; with `kill`,
/// the request after `kill` pages fails (the run dies midway).
struct Listing {
    items: Vec<Transaction>,
    size: usize,
    kill: Option<usize>,
    served: usize,
}

impl Pager for Listing {
    type Item = Transaction;
    async fn page(
        &mut self,
        cursor: Option<&str>,
        _want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        if self.kill == Some(self.served) {
            return Err(Error::new(
                Kind::Unavailable,
                "connection reset (killed run)",
            ));
        }
        self.served += 1;
        let start: usize = cursor.map_or(0, |c| c.parse().unwrap());
        let end = (start + self.size).min(self.items.len());
        Ok(Page::new(
            self.items[start..end].to_vec(),
            (end < self.items.len()).then(|| end.to_string()),
            vec![],
        ))
    }
}

/// One `--state-file` run over `listing`: the ids it printed (also when it
/// failed), and on success the mark it saves.
fn run(listing: &mut Listing, mark: Option<Mark>) -> (Vec<String>, Result<Option<Mark>>) {
    let mut since = SincePager::new(listing, mark, Form::Rfc3339);
    let mut printed = vec![];
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let r = rt.block_on(paginate::drive(&mut since, None, Follow::All, |p| {
        printed.extend(p.into_items()?.into_iter().map(|t| t.id.into()));
        Ok(())
    }));
    (printed, r.map(|_| since.next_mark()))
}

/// A run of the scenario: how many items arrive before it, its page size,
/// and after how many pages it is killed (if it is).
#[derive(Debug, Clone)]
struct RunPlan {
    arrivals: usize,
    size: usize,
    kill: Option<usize>,
}

/// The whole timeline, oldest first: groups of items at one instant each
/// (group sizes 1 to 30: ties), gaps from a nanosecond to a day.
fn timeline() -> impl Strategy<Value = Vec<Item>> {
    let group = (
        0..GAPS.len(),
        prop_oneof![3 => 1usize..=3, 1 => 1usize..=30],
    );
    prop::collection::vec(group, 1..=25).prop_flat_map(|groups| {
        let n: usize = groups.iter().map(|g| g.1).sum();
        let spelling = prop::collection::vec((any::<u32>(), 0..OFFSETS.len(), 0u8..3), n);
        (Just(groups), spelling).prop_map(|(groups, spelling)| {
            let mut at = i128::from(BASE_SECS) * NANOS;
            let mut items = vec![];
            for (gap, size) in groups {
                at += GAPS[gap];
                for _ in 0..size {
                    let (tie_rank, offset, style) = spelling[items.len()];
                    items.push(Item {
                        id: format!("t{}", items.len()),
                        at,
                        tie_rank,
                        spelled: spell(at, OFFSETS[offset], style),
                    });
                }
            }
            items
        })
    })
}

fn plans() -> impl Strategy<Value = Vec<RunPlan>> {
    let plan = (
        0usize..=12,
        prop_oneof![2 => 1usize..=3, 1 => 4usize..=25],
        prop_oneof![2 => Just(None), 1 => (0usize..4).prop_map(Some)],
    )
        .prop_map(|(arrivals, size, kill)| RunPlan {
            arrivals,
            size,
            kill,
        });
    prop::collection::vec(plan, 1..=8)
}

/// Simulates the runs; the last one always takes in what is left, with no kill.
fn check_state_file_runs(
    timeline: Vec<Item>,
    mut plans: Vec<RunPlan>,
) -> std::result::Result<(), TestCaseError> {
    plans.push(RunPlan {
        arrivals: usize::MAX,
        size: plans[0].size,
        kill: None,
    });
    let mut arrived: usize = 0;
    let mut mark: Option<Mark> = None;
    // Successful runs' outputs, and every id printed by a failed one.
    let mut exported: HashMap<String, usize> = HashMap::new();
    let by_id: HashMap<&str, &Item> = timeline.iter().map(|i| (i.id.as_str(), i)).collect();
    for (n, plan) in plans.iter().enumerate() {
        arrived = arrived.saturating_add(plan.arrivals).min(timeline.len());
        let mut current: Vec<&Item> = timeline[..arrived].iter().collect();
        current.sort_by(|a, b| b.at.cmp(&a.at).then(a.tie_rank.cmp(&b.tie_rank)));
        let mut listing = Listing {
            items: current.iter().map(|i| transaction(i)).collect(),
            size: plan.size,
            kill: plan.kill,
            served: 0,
        };
        let (printed, result) = run(&mut listing, mark.clone());
        for id in &printed {
            prop_assert!(by_id.contains_key(id.as_str()), "run {n} invented {id}");
        }
        match result {
            Ok(next) => {
                // Newest first within the run, each item once.
                let ats: Vec<i128> = printed.iter().map(|id| by_id[id.as_str()].at).collect();
                prop_assert!(ats.windows(2).all(|w| w[0] >= w[1]), "run {n} out of order");
                for id in printed {
                    let count = exported.entry(id.clone()).or_default();
                    *count += 1;
                    prop_assert_eq!(
                        *count,
                        1,
                        "{} exported by two successful runs (run {})",
                        id,
                        n
                    );
                }
                mark = next;
            }
            Err(e) => {
                prop_assert!(
                    plan.kill.is_some(),
                    "run {n} failed without being killed: {e}"
                );
                prop_assert_eq!(e.kind, Kind::Unavailable, "run {} failed: {}", n, e);
            }
        }
    }
    for item in &timeline {
        prop_assert!(
            exported.contains_key(&item.id),
            "{} at {} never exported by a successful run",
            item.id,
            item.spelled
        );
    }
    // The final mark is the newest instant, with every id at it.
    let mark = mark.expect("a mark after the last run");
    let newest = timeline.iter().map(|i| i.at).max().unwrap();
    prop_assert_eq!(
        mark.at,
        Timestamp::parse(&spell(newest, 0, 2), Form::Rfc3339).unwrap()
    );
    let mut at_newest: Vec<&str> = timeline
        .iter()
        .filter(|i| i.at == newest)
        .map(|i| i.id.as_str())
        .collect();
    let mut ids: Vec<&str> = mark.ids.iter().map(String::as_str).collect();
    at_newest.sort_unstable();
    ids.sort_unstable();
    prop_assert_eq!(ids, at_newest);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn state_file_exports_every_item_exactly_once_across_successful_runs(
        timeline in timeline(),
        plans in plans(),
    ) {
        check_state_file_runs(timeline, plans)?;
    }

    #[test]
    fn spelled_timestamps_denote_their_instants(
        secs in 0i64..4_000_000_000,
        nanos in 0u32..1_000_000_000,
        offset in 0..OFFSETS.len(),
        style in 0u8..3,
    ) {
        let at = i128::from(secs) * NANOS + i128::from(nanos);
        let utc = Timestamp::parse(&spell(at, 0, 2), Form::Rfc3339).unwrap();
        let other = Timestamp::parse(&spell(at, OFFSETS[offset], style), Form::Rfc3339).unwrap();
        prop_assert_eq!(utc, other);
    }
}

// ---------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------

/// The mantissa of the grammar: `D+ (. D*)? | . D+`, with an optional sign.
fn mantissa() -> impl Strategy<Value = String> {
    "[+-]?([0-9]{1,40}(\\.[0-9]{0,40})?|\\.[0-9]{1,40})"
}

/// An exponent suffix within the bound, in any spelling (`e`/`E`, sign, leading zeros).
fn exponent() -> impl Strategy<Value = (String, i64)> {
    (
        prop::bool::ANY,
        prop_oneof![Just(""), Just("+"), Just("-")],
        -400i64..=400,
        0usize..3,
    )
        .prop_map(|(upper, sign, e, zeros)| {
            let e = if sign == "-" { -e.abs() } else { e.abs() };
            let text = format!(
                "{}{}{}{}",
                if upper { 'E' } else { 'e' },
                if e < 0 { "-" } else { sign },
                "0".repeat(zeros),
                e.abs()
            );
            (text, e)
        })
}

/// Any text in the decimal grammar, with the exponent bound respected.
fn decimal() -> impl Strategy<Value = String> {
    (mantissa(), prop::option::of(exponent()))
        .prop_map(|(m, e)| e.map_or(m.clone(), |(text, _)| m + &text))
}

/// A JSON number without exponent: `-? (0 | [1-9][0-9]*) (. [0-9]+)?`.
fn json_plain() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,40})?"
}

/// The plain digits of `mantissa × 10^e`, as the crate documents it: every
/// written digit kept (trailing fraction zeros included), leading zeros of
/// the integer part dropped, the sign as written. Our own simple code: the
/// digits are laid out on a wide zero-padded tape and the point placed.
fn expected_plain(mantissa: &str, e: i64) -> String {
    let (sign, rest) = match mantissa.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    // Tape: 500 zeros, the digits, 500 zeros; the point sits after `int`.
    let pad = 500usize;
    let tape = format!("{}{int}{frac}{}", "0".repeat(pad), "0".repeat(pad));
    let point = (pad as i64 + int.len() as i64 + e) as usize;
    // The fraction keeps exactly the written fraction digits, moved by the exponent.
    let frac_len = (frac.len() as i64 - e).max(0) as usize;
    let whole = tape[..point].trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if frac_len == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{}", &tape[point..point + frac_len])
    }
}

fn boca_body(s: &str) -> Vec<u8> {
    format!(r#"{{"balances":[{{"currency":"CAD","available":"{s}","total":"{s}"}}]}}"#).into_bytes()
}

fn noah_body(s: &str) -> Vec<u8> {
    format!(r#"{{"Items":[{{"CryptoCurrency":"BTC","Available":"{s}","Total":"{s}"}}]}}"#)
        .into_bytes()
}

fn ibanera_balance(number: &str) -> Result<balances::model::Balance> {
    let body = format!(r#"{{"asset":"USD","availableBalance":{number},"totalBalance":{number}}}"#);
    balances::providers::ibanera::ACCOUNT_BALANCE.read(body.as_bytes())
}

/// Text that must be refused: a valid literal broken by one character that
/// no decimal has, two points, or nothing.
fn not_a_decimal() -> impl Strategy<Value = String> {
    let bad_char = prop::sample::select(vec![
        '_', ' ', '\t', 'a', 'x', 'Z', 'n', ',', '\'', '#', '\u{a0}', '١', '\0',
    ]);
    prop_oneof![
        (decimal(), any::<prop::sample::Index>(), bad_char).prop_map(|(s, i, c)| {
            let at = i.index(s.len() + 1);
            format!("{}{c}{}", &s[..at], &s[at..])
        }),
        ("[0-9]{0,5}", "[0-9]{0,5}", "[0-9]{0,5}").prop_map(|(a, b, c)| format!("{a}.{b}.{c}")),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decimal_text_round_trips_byte_for_byte(s in decimal()) {
        let a = Amount::parse(&s).unwrap();
        prop_assert_eq!(a.as_str(), s.as_str());
        let boca = balances::providers::boca::parse_balances(&boca_body(&s)).unwrap();
        prop_assert_eq!(boca[0].available.as_ref().unwrap().as_str(), s.as_str());
        prop_assert_eq!(boca[0].total.as_ref().unwrap().as_str(), s.as_str());
        let (noah, _) = balances::providers::noah::parse_balances(&noah_body(&s)).unwrap();
        prop_assert_eq!(noah[0].available.as_ref().unwrap().as_str(), s.as_str());
        prop_assert_eq!(noah[0].total.as_ref().unwrap().as_str(), s.as_str());
    }

    #[test]
    fn json_numbers_without_exponent_keep_their_digits(n in json_plain()) {
        let b = ibanera_balance(&n).unwrap();
        prop_assert_eq!(b.available.as_ref().unwrap().as_str(), n.as_str());
        prop_assert_eq!(b.total.as_ref().unwrap().as_str(), n.as_str());
    }

    #[test]
    fn json_numbers_with_exponent_are_written_out_exactly(
        n in json_plain(),
        (e_text, e) in exponent(),
    ) {
        let number = format!("{n}{e_text}");
        let want = expected_plain(&n, e);
        let b = ibanera_balance(&number).unwrap();
        let got = b.available.unwrap();
        prop_assert_eq!(got.as_str(), want.as_str(), "{}", number);
        prop_assert!(got.as_str().bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-'));
        prop_assert_eq!(got.cmp_value(&Amount::parse(&want).unwrap()), Ordering::Equal);
        prop_assert_eq!(got.cmp_value(&Amount::parse(&number).unwrap()), Ordering::Equal);
        let direct = Amount::from_number_text(&number).unwrap();
        prop_assert_eq!(direct.as_str(), want.as_str());
    }

    #[test]
    fn exponents_beyond_the_bound_are_refused(m in mantissa(), e in 401i64..100_000, neg in any::<bool>()) {
        let s = format!("{m}e{}{e}", if neg { "-" } else { "" });
        prop_assert!(Amount::parse(&s).is_err(), "{}", s);
        prop_assert!(Amount::from_number_text(&s).is_err(), "{}", s);
    }

    #[test]
    fn what_is_not_a_decimal_is_refused(s in not_a_decimal()) {
        prop_assert!(Amount::parse(&s).is_err(), "{:?} accepted", s);
        prop_assert!(Amount::from_number_text(&s).is_err(), "{:?} accepted", s);
        let body = serde_json::json!({"balances": [{"currency": "CAD", "available": s}]});
        let e = balances::providers::boca::parse_balances(body.to_string().as_bytes()).unwrap_err();
        prop_assert_eq!(e.exit_code(), 65);
        let body = serde_json::json!({"Items": [{"CryptoCurrency": "BTC", "Available": s}]});
        let e = balances::providers::noah::parse_balances(body.to_string().as_bytes()).unwrap_err();
        prop_assert_eq!(e.exit_code(), 65);
    }

    #[test]
    fn cmp_value_agrees_with_rust_decimal(
        a in "[+-]?[0-9]{0,14}\\.[0-9]{1,14}|[+-]?[0-9]{1,28}",
        b in "[+-]?[0-9]{0,14}\\.[0-9]{1,14}|[+-]?[0-9]{1,28}",
        ea in -10i64..=10,
        eb in -10i64..=10,
    ) {
        // Plain, and with an exponent whose expansion still fits rust_decimal.
        let plain = |s: &str| Decimal::from_str_exact(s).ok();
        if let (Some(x), Some(y)) = (plain(&a), plain(&b)) {
            let got = Amount::parse(&a).unwrap().cmp_value(&Amount::parse(&b).unwrap());
            prop_assert_eq!(got, x.cmp(&y), "{} vs {}", a, b);
        }
        let (sa, sb) = (format!("{a}e{ea}"), format!("{b}E{eb}"));
        let (pa, pb) = (expected_plain(&a, ea), expected_plain(&b, eb));
        if let (Some(x), Some(y)) = (plain(&pa), plain(&pb)) {
            let got = Amount::parse(&sa).unwrap().cmp_value(&Amount::parse(&sb).unwrap());
            prop_assert_eq!(got, x.cmp(&y), "{} vs {}", sa, sb);
        }
    }
}

// ---------------------------------------------------------------------------
// Regression tests: what the fuzz targets and the properties above found.
// Each fails until `src/` is fixed; each names where it was found.
// ---------------------------------------------------------------------------

/// fuzz `ibanera_pages`: `page_of` indexes `v["details"]` mutably, and
/// serde_json panics ("cannot access key \"details\" in JSON number") on a
/// document that is not an object. A non-object body is a bad response.
#[test]
fn finding_ibanera_page_of_a_document_that_is_not_an_object_is_a_bad_response() {
    for body in ["22", r#""t22""#, "[]", "[1]", "true", "-0.5"] {
        let r = std::panic::catch_unwind(|| {
            balances::providers::ibanera::page_of(body.as_bytes(), 1, "item")
        });
        let r = r.unwrap_or_else(|_| panic!("page_of panicked on {body}"));
        assert_eq!(r.unwrap_err().exit_code(), 65, "{body}");
    }
}

/// fuzz `retry_after`: a delay-seconds value longer than a u64 holds is
/// dropped (`None`, so the engine backs off for a fraction of a second)
/// instead of honoured up to the 60 s cap like any other long wait.
#[test]
fn finding_retry_after_with_more_digits_than_a_u64_is_capped_not_ignored() {
    use balances::http::retry::{RETRY_AFTER_CAP, parse_retry_after};
    let now = std::time::SystemTime::now();
    for value in [
        "111111111111111111111111111",
        "18446744073709551616",
        "99999999999999999999",
    ] {
        assert_eq!(
            parse_retry_after(value, now),
            Some(RETRY_AFTER_CAP),
            "{value}"
        );
    }
    assert_eq!(
        parse_retry_after("18446744073709551615", now),
        Some(RETRY_AFTER_CAP)
    );
}

/// property `state_file_exports_every_item_exactly_once_across_successful_runs`:
/// the items at the mark's instant that the last run exported come back as
/// empty pages (SincePager drops them); 20 such pages in a row trip
/// `drive`'s "no progress" guard, so the run fails with exit 65, and so
/// does every later run, new items or not: the state file never advances.
#[test]
fn finding_state_file_many_seen_ties_at_the_mark_are_not_a_stuck_listing() {
    let tie = |i: usize| Item {
        id: format!("tie{i}"),
        at: i128::from(BASE_SECS + 3600) * NANOS,
        tie_rank: i as u32,
        spelled: "2021-01-01T01:00:00Z".into(),
    };
    let mut history: Vec<Item> = (0..21).map(tie).collect();
    history.push(Item {
        id: "older".into(),
        at: i128::from(BASE_SECS) * NANOS,
        tie_rank: 0,
        spelled: "2021-01-01T00:00:00Z".into(),
    });
    let listing = |items: &[Item]| Listing {
        items: items.iter().map(transaction).collect(),
        size: 1,
        kill: None,
        served: 0,
    };
    // First run: everything is new.
    let (printed, mark) = run(&mut listing(&history), None);
    assert_eq!(printed.len(), 22);
    let mark = mark.unwrap();
    // Second run, nothing new: nothing to print, and no failure.
    let (printed, next) = run(&mut listing(&history), mark.clone());
    assert!(printed.is_empty());
    let next = next.unwrap_or_else(|e| panic!("a run with nothing new failed: {e}"));
    assert_eq!(next, mark);
    // A new transaction later: it is exported.
    history.insert(
        0,
        Item {
            id: "new".into(),
            at: i128::from(BASE_SECS + 7200) * NANOS,
            tie_rank: 0,
            spelled: "2021-01-01T02:00:00Z".into(),
        },
    );
    let (printed, next) = run(&mut listing(&history), mark);
    assert_eq!(printed, ["new"]);
    assert!(next.is_ok(), "{:?}", next.err());
}

/// fuzz invariant of `ibanera_pages` (next page = number + 1 while pages
/// remain): `page_of` computes `number + 1` in u32. At page u32::MAX (which
/// `--page 4294967295` asks for) of a list the server says is longer, that
/// overflows: a panic in a debug build, page "0" in a release build (which
/// the next request refuses, and `--page` cannot take).
#[test]
fn finding_ibanera_page_after_u32_max_does_not_overflow() {
    let body = br#"{"details":[{"id":1}],"numberOfPages":4294967296,"status":"1"}"#;
    let r =
        std::panic::catch_unwind(|| balances::providers::ibanera::page_of(body, u32::MAX, "item"));
    let r = r.unwrap_or_else(|_| panic!("page_of panicked at page u32::MAX"));
    // There is no page after u32::MAX to ask for: the list is refused
    // (exit 65), never followed to a page 0.
    let e = r.expect_err("a list longer than u32::MAX pages is refused");
    assert_eq!(e.exit_code(), 65);
    assert!(
        e.message.contains("beyond the last page number"),
        "{}",
        e.message
    );
}

/// fuzz `state_file` (a mark that parses, saved as `StateFile::save` writes
/// it, must read back): `Timestamp::to_rfc3339` gives "" for an instant before
/// 0000-01-01T00:00:00Z, which `0000-01-01T00:30:00+01:00` is. A listing
/// whose newest transaction is dated so gets a state file with
/// `"instant": ""`, and every later run stops with exit 78 ("has a mark that
/// is not a timestamp") until the file is deleted.
#[test]
fn finding_state_file_mark_before_year_0_in_utc_reads_back() {
    let spelled = "0000-01-01T00:30:00+01:00";
    // The fix: an instant that cannot be written back is not a timestamp at
    // all, so it can never become a mark: the listing is exit 65 instead,
    // and no state file is written with a mark that cannot be read back.
    assert!(Timestamp::parse(spelled, Form::Rfc3339).is_err());
    let mut listing = Listing {
        items: vec![transaction(&Item {
            id: "x".into(),
            at: 0,
            tie_rank: 0,
            spelled: spelled.into(),
        })],
        size: 5,
        kill: None,
        served: 0,
    };
    let (_, mark) = run(&mut listing, None);
    let e = mark.expect_err("a transaction dated before year 0 in UTC is refused");
    assert_eq!(e.exit_code(), 65, "refused as a bad response: {e}");
    assert!(e.message.contains("not a timestamp"), "{}", e.message);
    // A mark that does parse still reads back from the file it is saved in.
    let at = Timestamp::parse("0000-01-01T00:30:00Z", Form::Rfc3339).unwrap();
    assert_eq!(
        Timestamp::parse(&at.to_rfc3339(), Form::Rfc3339),
        Ok(at),
        "to_rfc3339 gave {:?}",
        at.to_rfc3339()
    );
}

/// Any JSON text: objects with string keys (some repeated), arrays, number
/// literals as a provider might write them, strings with escapes.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?",
        "[a-z\\\\\"é\\u{1b}]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(("[abc]{1,2}", inner), 0..6).prop_map(|kv| {
                let body: Vec<String> = kv
                    .into_iter()
                    .map(|(k, v)| format!("{}: {v}", serde_json::to_string(&k).unwrap()))
                    .collect();
                format!("{{{}}}", body.join(", "))
            }),
        ]
    })
}

/// Objects of up to 40 fields drawn from 30 names: past the size where the
/// borrowed reader stops scanning for a repeated key and keeps a set.
fn wide_object() -> impl Strategy<Value = String> {
    prop::collection::vec(("[a-e]{1,2}", json_text()), 10..40).prop_map(|kv| {
        let body: Vec<String> = kv
            .into_iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
            .collect();
        format!("{{{}}}", body.join(","))
    })
}

/// Whether any object in `v`'s text repeats a key (serde_json keeps the last).
fn has_duplicate_key(text: &str) -> bool {
    struct Dup(bool);
    impl<'de> serde::Deserialize<'de> for Dup {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Dup;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("json")
                }
                fn visit_bool<E>(self, _: bool) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_str<E>(self, _: &str) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_string<E>(self, _: String) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_unit<E>(self) -> Result<Dup, E> {
                    Ok(Dup(false))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut s: A,
                ) -> Result<Dup, A::Error> {
                    let mut any = false;
                    while let Some(Dup(d)) = s.next_element()? {
                        any |= d;
                    }
                    Ok(Dup(any))
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut m: A,
                ) -> Result<Dup, A::Error> {
                    let mut keys = std::collections::BTreeSet::new();
                    let mut any = false;
                    while let Some(k) = m.next_key::<String>()? {
                        let Dup(d) = m.next_value()?;
                        any |= d || !keys.insert(k);
                    }
                    Ok(Dup(any))
                }
            }
            d.deserialize_any(V)
        }
    }
    serde_json::from_str::<Dup>(text).unwrap().0
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// `json::document` reads what serde_json reads, digit for digit and in
    /// the same key order, and refuses exactly the texts that repeat a key.
    #[test]
    fn document_is_serde_json_without_duplicate_keys(text in json_text()) {
        let ours = balances::json::document(text.as_bytes());
        if has_duplicate_key(&text) {
            prop_assert_eq!(ours.unwrap_err().exit_code(), 65);
        } else {
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            let ours = ours.unwrap();
            prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
        }
    }

    /// The borrowed reader that pages go through (`json::Json`) refuses and
    /// reads exactly what `json::document` does: the same texts refused, the
    /// same digits and key order kept.
    #[test]
    fn the_borrowed_reader_is_the_tree_reader(text in prop_oneof![json_text(), wide_object()]) {
        let tree = balances::json::document(text.as_bytes());
        let borrowed = balances::json::Json::read(text.as_bytes());
        match (tree, borrowed) {
            (Ok(t), Ok(b)) => prop_assert_eq!(
                serde_json::to_string(&t).unwrap(),
                serde_json::to_string(&b.into_value()).unwrap()
            ),
            (Err(t), Err(b)) => prop_assert_eq!(t.exit_code(), b.exit_code()),
            (t, b) => prop_assert!(false, "tree {:?} borrowed {:?}", t.is_ok(), b.is_ok()),
        }
    }
}

// ---------------------------------------------------------------------------
// A long balance list, read lazily from its body
// ---------------------------------------------------------------------------

/// Boca balance items, and (maybe) one that cannot be read, with where it goes.
fn boca_items() -> impl Strategy<Value = (Vec<String>, Option<(prop::sample::Index, &'static str)>)>
{
    let good = (decimal(), "[A-Z]{3}").prop_map(|(a, c)| {
        format!(r#"{{"currency":"{c}","available":"{a}","total":"{a}","x":[1, {{"y":"{a}"}}]}}"#)
    });
    let bad = prop::sample::select(vec![
        r#"{"currency":"CAD","available":"1.0","available":"2.0"}"#,
        r#"{"currency":"CAD","available":"1,00"}"#,
        r#"{"currency":"CAD"}"#,
        r#"["not an object"]"#,
        r#""1.00""#,
    ]);
    (
        prop::collection::vec(good, 0..2600),
        prop::option::of((any::<prop::sample::Index>(), bad)),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A page kept in its body hands on every balance once, in order, with
    /// its digits, across the batches it is cut into; one that cannot be
    /// read anywhere in it means there is no page at all.
    #[test]
    fn a_balance_page_read_from_its_body_is_each_item_read_alone(
        (good, bad) in boca_items(),
        spaces in "[ \n]{0,3}",
    ) {
        let mut items: Vec<(String, bool)> = good.into_iter().map(|t| (t, false)).collect();
        if let Some((at, text)) = bad {
            items.insert(at.index(items.len() + 1), (text.to_owned(), true));
        }
        let body = format!(
            "{{{spaces}\"balances\"{spaces}:{spaces}[{}]{spaces},\"other\":{{\"balances\":[1]}}}}",
            items.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(&format!(",{spaces}"))
        );
        let page = balances::providers::boca::balances_page(body.clone().into_bytes(), 200);
        let alone: Vec<Result<balances::model::Balance>> = items
            .iter()
            .map(|(t, _)| {
                let body = format!(r#"{{"balances":[{t}]}}"#);
                let mut one = balances::providers::boca::parse_balances(body.as_bytes())?;
                assert_eq!(one.len(), 1);
                Ok(one.remove(0))
            })
            .collect();
        let any_bad = alone.iter().any(Result::is_err);
        prop_assert_eq!(any_bad, items.iter().any(|(_, bad)| *bad));
        match page {
            Err(e) => {
                prop_assert!(any_bad, "refused a page of good balances: {}", e);
                prop_assert_eq!(e.exit_code(), 65);
            }
            Ok(page) => {
                prop_assert!(!any_bad, "a page with a bad balance");
                prop_assert_eq!(page.len(), items.len());
                let mut batches = vec![];
                page.each_chunk(|b| {
                    batches.push(b.to_vec());
                    Ok(())
                })
                .unwrap();
                prop_assert!(batches.iter().all(|b| b.len() <= paginate::CHUNK));
                let alone: Vec<_> = alone.into_iter().map(Result::unwrap).collect();
                prop_assert_eq!(batches.concat(), alone);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Exact sums and the roll-forward of `reconcile`
// ---------------------------------------------------------------------------

use balances::books::Moves;
use balances::books::reconcile::{Options as RollOptions, Roll, Snapshot, Status, Who};
use balances::ledger::read::StoredTransaction;
use balances::money::exact::Exact;

/// A generated transaction: its second, `from`, `to` and `fee` legs, and
/// whether it failed.
type Leg<'a> = Option<(&'a str, String)>;
type HistoryItem<'a> = (i64, Leg<'a>, Leg<'a>, Leg<'a>, bool);

/// A decimal literal of up to 38 characters, at any scale.
fn literal() -> impl Strategy<Value = String> {
    (0usize..26, 0usize..13, any::<u64>(), any::<u64>()).prop_map(|(int, frac, a, b)| {
        let digits: String = format!("{a:020}{b:020}")
            .chars()
            .cycle()
            .take(int + frac)
            .collect();
        let (i, f) = digits.split_at(int);
        let i = if i.is_empty() { "0" } else { i };
        if f.is_empty() {
            i.to_owned()
        } else {
            format!("{i}.{f}")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Sums and differences agree with rust_decimal wherever it is exact.
    #[test]
    fn exact_sums_agree_with_rust_decimal(a in -1_000_000_000_000i64..1_000_000_000_000, sa in 0u32..9,
                                          b in -1_000_000_000_000i64..1_000_000_000_000, sb in 0u32..9) {
        let (da, db) = (Decimal::new(a, sa), Decimal::new(b, sb));
        let (ea, eb) = (Exact::parse(&da.to_string()).unwrap(), Exact::parse(&db.to_string()).unwrap());
        let norm = |d: Decimal| d.normalize().to_string();
        prop_assert_eq!(ea.clone().plus(&eb).normalized(), norm(da + db));
        prop_assert_eq!(ea.clone().minus(&eb).normalized(), norm(da - db));
        prop_assert_eq!(ea.minus(&eb).is_zero(), da == db);
    }

    /// Random histories of several currencies (amounts of up to 38
    /// characters at mixed scales, fees, failed transactions) with snapshots
    /// that follow them: every row is `ok`. Without any one transaction
    /// that moved money inside the windows, exactly the rows of its legs'
    /// currencies are mismatches, each short by that leg, exactly.
    #[test]
    fn a_history_reconciles_and_any_missing_transaction_shows(
        txs in proptest::collection::vec(
            (0i64..100_000, 0usize..3, literal(), 0usize..3, literal(), proptest::option::of((0usize..3, literal())), 0u8..10),
            1..30),
        snapshot_secs in proptest::collection::btree_set(0i64..100_000, 2..6),
        openings in proptest::collection::vec(literal(), 3),
        each in any::<bool>(),
        missing in any::<proptest::sample::Index>(),
    ) {
        const CURRENCIES: [&str; 3] = ["CAD", "BTC", "USDC_TEST"];
        let at = |s: i64| Timestamp::parse(&balances::clock::rfc3339_seconds(
            time::OffsetDateTime::from_unix_timestamp(BASE_SECS + s).unwrap()), Form::Rfc3339).unwrap();
        // Transactions at odd seconds, snapshots at even ones: none on a snapshot's second.
        let history: Vec<HistoryItem<'_>> = txs
            .into_iter()
            .map(|(t, fc, fa, tc, ta, fee, s)| {
                let from = (fc != tc).then(|| (CURRENCIES[fc], fa));
                (t * 2 + 1, from, Some((CURRENCIES[tc], ta)), fee.map(|(c, a)| (CURRENCIES[c], a)), s == 0)
            })
            .collect();
        let snapshot_secs: Vec<i64> = snapshot_secs.into_iter().map(|s| s * 2).collect();
        let effect = |h: &HistoryItem<'_>, c: &str| {
            let mut e = Exact::zero();
            if h.4 { return e; }
            if let Some((cur, a)) = &h.2 && *cur == c { e.add(&Exact::parse(a).unwrap()); }
            if let Some((cur, a)) = &h.1 && *cur == c { e.sub(&Exact::parse(a).unwrap()); }
            if let Some((cur, a)) = &h.3 && *cur == c { e.sub(&Exact::parse(a).unwrap()); }
            e
        };
        let txs_full = history.clone();
        let roll_all = |history: &[HistoryItem<'_>]| {
            let mut rows = Vec::new();
            for (i, c) in CURRENCIES.iter().enumerate() {
                let snapshots: Vec<Snapshot> = snapshot_secs.iter().map(|&s| {
                    // The balance at `s`: its opening plus the complete history up to then.
                    let mut figure = Exact::parse(&openings[i]).unwrap();
                    for h in txs_full.iter().filter(|h| h.0 <= s) { figure.add(&effect(h, c)); }
                    Snapshot { as_of: at(s), as_of_text: at(s).to_rfc3339(),
                               available: None, total: Some(figure.to_string_at(0)) }
                }).collect();
                let who = Who { provider: "boca".into(), profile: "default".into(), subject: "u".into(),
                                account_id: None, currency: c.to_string() };
                let opts = RollOptions { each, ..RollOptions::default() };
                let mut roll = Roll::new(who, snapshots, &opts, None, Some(at(1_000_000)));
                for pass in 0..2 {
                if pass == 1 && !roll.gather_near().unwrap() { break; }
                for h in history {
                    let text = at(h.0).to_rfc3339();
                    fn leg<'a>(l: &'a Option<(&'a str, String)>) -> Option<(&'a str, &'a str)> {
                        l.as_ref().map(|(c, a)| (*c, a.as_str()))
                    }
                    let t = StoredTransaction { id: "t", created_at: Some(&text), kind: None,
                        status: Some(if h.4 { "Failed" } else { "Settled" }), from: leg(&h.1), to: leg(&h.2),
                        fee: leg(&h.3), rate: None, provider_fields: None };
                    roll.add(at(h.0), &Moves::of(&t, c)).unwrap();
                }
                }
                rows.extend(roll.rows().unwrap());
            }
            rows
        };
        let rows = roll_all(&history);
        prop_assert!(rows.iter().all(|r| r.status == Status::Ok), "{:#?}", rows);
        // One transaction that moved money inside the windows, left out.
        let (first, last) = (snapshot_secs[0], *snapshot_secs.last().unwrap());
        let inside: Vec<usize> = (0..history.len())
            .filter(|&i| !history[i].4 && history[i].0 > first && history[i].0 <= last)
            .filter(|&i| CURRENCIES.iter().any(|c| !effect(&history[i], c).is_zero()))
            .collect();
        if inside.is_empty() { return Ok(()); }
        let gone = inside[missing.index(inside.len())];
        let mut fewer = history.clone();
        let removed = fewer.remove(gone);
        let rows = roll_all(&fewer);
        for r in &rows {
            let lost = effect(&removed, &r.currency);
            let window = (Timestamp::parse(r.opening_as_of.as_deref().unwrap(), Form::Rfc3339).unwrap(),
                          Timestamp::parse(r.closing_as_of.as_deref().unwrap(), Form::Rfc3339).unwrap());
            let in_window = window.0 < at(removed.0) && at(removed.0) <= window.1;
            if lost.is_zero() || !in_window {
                prop_assert_eq!(r.status, Status::Ok, "{:#?}", r);
            } else {
                prop_assert_eq!(r.status, Status::Mismatch, "{:#?}", r);
                let difference = Exact::parse(r.difference.as_deref().unwrap()).unwrap();
                prop_assert!(difference == lost, "difference {:?} for a lost {:?}", r.difference, lost.normalized());
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The journal of `export`, read back
// ---------------------------------------------------------------------------

use balances::books::journal::{Assertion, Dialect, Entry, Journal, Place};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// A random history and the snapshots that follow it, written as an
    /// hledger journal and read back: every account's sum per commodity is
    /// its last snapshot, exactly (the opening entry, the conversions with
    /// their total prices, the fees and transfers included).
    #[test]
    fn a_journal_read_back_sums_to_the_closing_balances(
        txs in proptest::collection::vec(
            (0i64..10_000, 0usize..3, literal(), 0usize..3, literal(), proptest::option::of((0usize..3, literal())), 0usize..2),
            1..25),
        openings in proptest::collection::vec(literal(), 3),
    ) {
        const CURRENCIES: [&str; 3] = ["CAD", "c0ffee", "USDC_TEST"];
        const SUBJECTS: [&str; 2] = ["u 1", "ü/2"];
        let at = |s: i64| Timestamp::from_nanos(i128::from(BASE_SECS + s) * NANOS);
        let place = |s: usize| Place { provider: "boca".into(), profile: "default".into(),
            base_url: "https://b/".into(), subject: SUBJECTS[s].into(), account: None };
        let entries: Vec<Entry> = txs.iter().enumerate().map(|(i, (t, fc, fa, tc, ta, fee, s))| Entry {
            at: at(*t), place: place(*s), id: format!("t{i}"), key: format!("k{i}"), kind: None, status: None,
            from: (fc != tc).then(|| (CURRENCIES[*fc].to_owned(), fa.clone())),
            to: Some((CURRENCIES[*tc].to_owned(), ta.clone())),
            fee: fee.as_ref().map(|(c, a)| (CURRENCIES[*c].to_owned(), a.clone())),
        }).collect();
        // Each subject's closing in each currency: its opening plus its history.
        let mut closing: HashMap<(usize, &str), Exact> = HashMap::new();
        let mut assertions = Vec::new();
        for s in 0..2 {
            for (i, c) in CURRENCIES.iter().enumerate() {
                let mut figure = Exact::parse(&openings[i]).unwrap();
                assertions.push(Assertion { at: at(-1), as_of: at(-1).to_rfc3339(), place: place(s),
                    currency: c.to_string(), figure: figure.to_string_at(0) });
                for e in entries.iter().filter(|e| e.place == place(s)) {
                    for (leg, sign) in [(&e.to, 1), (&e.from, -1), (&e.fee, -1)] {
                        if let Some((lc, la)) = leg && lc == c {
                            let a = Exact::parse(la).unwrap();
                            if sign > 0 { figure.add(&a) } else { figure.sub(&a) }
                        }
                    }
                }
                assertions.push(Assertion { at: at(20_000), as_of: at(20_000).to_rfc3339(), place: place(s),
                    currency: c.to_string(), figure: figure.to_string_at(0) });
                closing.insert((s, c), figure);
            }
        }
        let text = Journal { entries, assertions, source: "test".into() }.write(Dialect::Hledger).unwrap();
        // Read it back: every posting's amount, to its account and commodity.
        let mut sums: HashMap<(String, String), Exact> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("; commodity ") {
                let (name, original) = rest.split_once(" is the provider's ").unwrap();
                names.insert(name.to_owned(), original.trim_matches('"').to_owned());
            }
            let Some(posting) = line.strip_prefix("  ").filter(|p| !p.starts_with(';')) else { continue };
            let (account, rest) = posting.split_once("  ").unwrap();
            let amount = rest.split(" @@ ").next().unwrap().split(" = ").next().unwrap();
            let (value, commodity) = amount.split_once(' ').unwrap();
            let commodity = names.get(commodity).cloned().unwrap_or_else(|| commodity.trim_matches('"').to_owned());
            sums.entry((account.to_owned(), commodity)).or_default().add(&Exact::parse(value).unwrap());
        }
        for ((s, c), figure) in &closing {
            let account = sums.keys().find(|(a, cur)| a.starts_with("Assets:Boca:") && cur == c
                && a.starts_with("Assets:Boca:U-1-") == (*s == 0)).cloned();
            let got = account.map(|k| sums[&k].clone()).unwrap_or_default();
            prop_assert!(got == *figure, "{} {}: {} in the journal, {} closing\n{}", SUBJECTS[*s], c,
                got.normalized(), figure.normalized(), text);
        }
    }
}
