//! `--state-file`: a mark compares instants, reads past what it has seen,
//! refuses a listing out of order or a timestamp it cannot read, and
//! belongs to one listing on one server.

use super::*;

#[test]
fn state_mark_compares_fractional_seconds_as_time() {
    // 14:22:00.500Z is half a second after the mark 14:22:00Z; as text '.' < 'Z'.
    let r = second_run_after(
        &[("a", "2026-03-13T14:22:00Z")],
        &[
            ("b", "2026-03-13T14:22:00.500Z"),
            ("a", "2026-03-13T14:22:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"b".to_owned()), "b is new: {}", show(&r));
}

#[test]
fn state_mark_compares_offsets_as_time() {
    // 20:00-05:00 is 01:00Z the next day: after the mark 23:00Z, before it as text.
    let r = second_run_after(
        &[("a", "2026-03-13T23:00:00Z")],
        &[
            ("b", "2026-03-13T20:00:00-05:00"),
            ("a", "2026-03-13T23:00:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"b".to_owned()), "b is new: {}", show(&r));
}

#[test]
fn state_does_not_stop_at_the_first_seen_item() {
    // d arrives with c's timestamp, after c in the listing: c was seen, d was not.
    let r = second_run_after(
        &[("c", "2026-03-13T12:00:00Z"), ("b", "2026-03-13T11:00:00Z")],
        &[
            ("c", "2026-03-13T12:00:00Z"),
            ("d", "2026-03-13T12:00:00Z"),
            ("b", "2026-03-13T11:00:00Z"),
        ],
    );
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"d".to_owned()), "d is new: {}", show(&r));
}

fn bad_timestamp_fails_and_keeps_the_state(bad: &str) {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(&[("a", "2026-03-13T10:00:00Z")]);
    let state = state_path(&home);
    assert_code(&since(home.path(), &h.srv, &state), 0);

    h.set(&[
        ("x", bad),
        ("b", "2026-03-13T11:00:00Z"),
        ("a", "2026-03-13T10:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 65);

    // The provider fixes its data: b (and the repaired x) are still new.
    h.set(&[
        ("x", "2026-03-13T12:00:00Z"),
        ("b", "2026-03-13T11:00:00Z"),
        ("a", "2026-03-13T10:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    let got = ids(&r);
    assert!(
        got.contains(&"x".to_owned()) && got.contains(&"b".to_owned()),
        "the failed run did not advance the state: {}",
        show(&r)
    );
}

#[test]
fn state_refuses_created_at_pending() {
    bad_timestamp_fails_and_keeps_the_state("pending");
}

#[test]
fn state_refuses_created_at_empty() {
    bad_timestamp_fails_and_keeps_the_state("");
}

#[test]
fn state_refuses_created_at_year_9999() {
    bad_timestamp_fails_and_keeps_the_state("9999-01-01T00:00:00Z");
}

#[test]
fn state_refuses_an_oldest_first_listing() {
    let home = TempDir::new().unwrap();
    let h = BocaHistory::new(&[
        ("a", "2026-03-13T10:00:00Z"),
        ("b", "2026-03-13T11:00:00Z"),
        ("c", "2026-03-13T12:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state_path(&home));
    assert_code(&r, 65);
}

#[test]
fn state_refuses_a_later_page_newer_than_the_first() {
    // Each page is newest first, but page 2 is newer than page 1: not a newest-first history.
    let home = TempDir::new().unwrap();
    let srv = Hostile::serve(|req| match req.query("cursor").as_deref() {
        None => Reply::json(
            200,
            &boca_page_of(
                &[("b", "2026-03-13T11:00:00Z"), ("a", "2026-03-13T10:00:00Z")],
                Some("p2"),
            ),
        ),
        Some(_) => Reply::json(
            200,
            &boca_page_of(
                &[("d", "2026-03-13T13:00:00Z"), ("c", "2026-03-13T12:00:00Z")],
                None,
            ),
        ),
    });
    let r = since(home.path(), &srv, &state_path(&home));
    assert_code(&r, 65);
}

#[test]
fn state_made_against_one_server_is_not_reused_against_another() {
    let home = TempDir::new().unwrap();
    let state = state_path(&home);
    let a = BocaHistory::new(&[
        ("a2", "2026-03-13T12:00:00Z"),
        ("a1", "2026-03-13T11:00:00Z"),
    ]);
    assert_code(&since(home.path(), &a.srv, &state), 0);
    // Server B (say, staging) has an older, different history for the same user.
    let b = BocaHistory::new(&[
        ("b2", "2026-03-12T09:00:00Z"),
        ("b1", "2026-03-12T08:00:00Z"),
    ]);
    let r = since(home.path(), &b.srv, &state);
    // Refused, naming the listing the file is for: nothing of B is skipped.
    assert_code(&r, 78);
    assert!(
        r.stderr.contains("belongs to another listing")
            && r.stderr.contains(&a.srv.base_url().replace('"', "")),
        "{}",
        show(&r)
    );
    assert_eq!(r.stdout, "", "{}", show(&r));
}

#[test]
fn an_emptied_history_under_a_state_is_not_a_quiet_success() {
    let r = second_run_after(&[("a", "2026-03-13T10:00:00Z")], &[]);
    assert_code(&r, 65);
}

#[test]
fn a_transaction_dated_ahead_does_not_hide_the_next_ones() {
    let home = TempDir::new().unwrap();
    let soon = (time::OffsetDateTime::now_utc() + time::Duration::hours(20))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let h = BocaHistory::new(&[("sched", &soon), ("old", "2026-01-01T00:00:00Z")]);
    let state = state_path(&home);
    assert_code(&since(home.path(), &h.srv, &state), 0);
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    h.set(&[
        ("sched", &soon),
        ("new", &now),
        ("old", "2026-01-01T00:00:00Z"),
    ]);
    let r = since(home.path(), &h.srv, &state);
    assert_code(&r, 0);
    assert!(ids(&r).contains(&"new".to_owned()), "{}", show(&r));
}

#[test]
fn raw_output_cannot_go_with_a_state_file() {
    let home = TempDir::new().unwrap();
    let srv = Hostile::start(vec![]);
    let state = state_path(&home);
    let r = run(hostile::boca(home.path(), &srv).args([
        "--raw",
        "boca",
        "get-transactions",
        "u-1",
        "--state-file",
        state.to_str().unwrap(),
    ]));
    assert_code(&r, 2);
    assert_eq!(srv.request_count(), 0);
}

#[test]
fn a_sandbox_state_file_is_reused_by_the_next_sandbox_run() {
    let home = TempDir::new().unwrap();
    let state = state_path(&home);
    let go = || {
        run(hostile::balances(home.path()).args([
            "--sandbox",
            "boca",
            "get-transactions",
            "partner-user-42",
            "--state-file",
            state.to_str().unwrap(),
            "-o",
            "ndjson",
        ]))
    };
    let first = go();
    assert_code(&first, 0);
    assert!(!ids(&first).is_empty());
    let second = go();
    assert_code(&second, 0);
    assert!(ids(&second).is_empty(), "{}", show(&second));
}

/// A state file names its listing in the shape earlier releases wrote: an
/// Ibanera account is `"account"` even when its id is empty (not the
/// whole-account `"list"` shape), so their files still apply.
#[test]
fn an_empty_account_keeps_the_account_shape_of_its_state_file() {
    let home = TempDir::new().unwrap();
    let state = state_path(&home);
    let srv = hostile::ibanera_server(|_| {
        Reply::json(
            200,
            r#"{"status":"1","errors":[],"details":[{"id":"n","transactionDate":"2026-03-14T00:00:00Z","amount":1.00,"currency":"EUR"}],"pageSize":10,"pageNumber":1,"numberOfPages":1}"#,
        )
    });
    let go = || {
        run(hostile::ibanera(home.path(), &srv).args([
            "ibanera",
            "get-transactions",
            "--account",
            "",
            "--state-file",
            state.to_str().unwrap(),
            "-o",
            "ndjson",
        ]))
    };
    let first = go();
    assert_code(&first, 0);
    assert_eq!(ids(&first), ["n"]);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    let listing = written["listing"].as_object().unwrap();
    let keys: Vec<&str> = listing.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["provider", "profile", "base_url", "account"],
        "{written}"
    );
    assert_eq!(listing["account"], "");
    let second = go();
    assert_code(&second, 0);
    assert!(ids(&second).is_empty(), "{}", show(&second));
}
