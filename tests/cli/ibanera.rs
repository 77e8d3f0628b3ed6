use crate::support::{TestEnv, expect};
use balances::providers::ProviderId;
use balances::sandbox::{Options, demo};

fn ibanera(env: &TestEnv) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env(
        "BALANCES_IBANERA_BASE_URL",
        env.sandbox.base_url(ProviderId::Ibanera),
    )
    .env("BALANCES_IBANERA_USERNAME", demo::IBANERA_USERNAME)
    .env("BALANCES_IBANERA_PASSWORD", demo::IBANERA_PASSWORD)
    // Lower case with spaces and no padding: accepted as written in authenticator set-ups.
    .env(
        "BALANCES_IBANERA_TOTP_SECRET",
        "mjqw yylo mnsx glle mvww 6llu n52h alll",
    );
    cmd
}

fn logins(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.contains("POST ") && l.contains("/auth/login"))
        .count()
}

#[test]
fn balances_keep_trailing_zeros_and_long_fractions() {
    // Accounts 1004–1022 live: the runs compare the same books.
    let env = TestEnv::pinned(Default::default());
    let r = expect(
        ibanera(&env).args(["ibanera", "get-balances", "-o", "json"]),
        0,
    );
    let doc = crate::support::without_as_of(r.json());
    assert_eq!(doc["subject"], serde_json::Value::Null);
    let b = doc["balances"].as_array().unwrap();
    assert_eq!(b.len(), 23);
    assert_eq!(
        b[0],
        serde_json::json!({"currency": "USDC", "available": "95.50", "total": "100.00", "pending": "4.50", "account_id": "1000",
                           "account_type": null, "status": null, "provider_fields": {"bSuppressed": false}})
    );
    assert_eq!(b[1]["pending"], "0.00");
    assert_eq!(b[2]["pending"], "0");
    assert_eq!(b[3]["total"], "1234567890.123456789012");
    assert_eq!(b[3]["pending"], "0.000");
    // Five pages of five give the same list, one login for all of them.
    let r = expect(
        ibanera(&env).args([
            "-v",
            "ibanera",
            "get-balances",
            "--page-size",
            "5",
            "-o",
            "json",
        ]),
        0,
    );
    assert_eq!(crate::support::without_as_of(r.json()), doc);
    assert_eq!(r.stderr.matches("pageNumber=").count(), 5, "{}", r.stderr);
    assert_eq!(logins(&r.stderr), 1);
    let r = expect(
        ibanera(&env).args(["ibanera", "get-balances", "-o", "csv"]),
        0,
    );
    assert!(
        r.stdout.contains("ibanera,,USDC,95.50,100.00,4.50,1000,,,"),
        "{}",
        r.stdout
    );
}

#[test]
fn one_login_for_a_multi_page_run() {
    let env = TestEnv::new();
    let r = expect(
        ibanera(&env).args([
            "-v",
            "ibanera",
            "get-transactions",
            "--account",
            "1001",
            "--all",
            "-o",
            "ndjson",
        ]),
        0,
    );
    assert_eq!(r.ndjson().len(), 240);
    assert_eq!(logins(&r.stderr), 1, "{}", r.stderr);
    assert!(r.stderr.matches("PageNumber=").count() >= 24);
    let r = expect(
        ibanera(&env).args([
            "-v",
            "ibanera",
            "get-card-balances",
            "--page-size",
            "5",
            "-o",
            "json",
        ]),
        0,
    );
    assert_eq!(r.json()["balances"].as_array().unwrap().len(), 12);
    assert_eq!(r.stderr.matches("PageNumber=").count(), 3, "{}", r.stderr);
    assert_eq!(r.json()["balances"][11]["status"], "Frozen");
}

#[test]
fn a_token_that_dies_mid_run_is_renewed_once_and_the_output_is_complete() {
    let env = TestEnv::with(Options {
        token_max_uses: Some(3),
        transactions: 60,
        ..Default::default()
    });
    let r = expect(
        ibanera(&env).args([
            "-v",
            "ibanera",
            "get-transactions",
            "--account",
            "1000",
            "--all",
            "-o",
            "ndjson",
        ]),
        0,
    );
    let ids: std::collections::BTreeSet<String> = r
        .ndjson()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 60, "complete, no duplicates");
    assert_eq!(r.ndjson().len(), 60);
    assert_eq!(logins(&r.stderr), 2, "{}", r.stderr);
    assert!(r.stderr.contains("logging in again"), "{}", r.stderr);
}

#[test]
fn a_rejected_login_exits_77_after_exactly_one_attempt() {
    let env = TestEnv::new();
    let r = expect(
        ibanera(&env)
            .env("BALANCES_IBANERA_PASSWORD", "wrong")
            .args([
                "-v",
                "--retries",
                "5",
                "ibanera",
                "get-balances",
                "-o",
                "json",
            ]),
        77,
    );
    assert_eq!(logins(&r.stderr), 1, "{}", r.stderr);
    let e = r.stderr_json();
    assert_eq!(e["error"]["code"], "Username_Or_Password_Incorrect");
    assert!(!r.stderr.contains("wrong\""), "the password is never shown");

    let r = expect(
        ibanera(&env)
            .env("BALANCES_IBANERA_TOTP_SECRET", "JBSWY3DPEHPK3PXP")
            .args(["-v", "ibanera", "get-balances", "-o", "table"]),
        77,
    );
    assert_eq!(logins(&r.stderr), 1);
    assert!(
        r.stderr.contains("login rejected: otp: Invalid"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_code_by_hand_replaces_the_shared_secret() {
    let env = TestEnv::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let code = balances::auth::totp::code(demo::IBANERA_TOTP_KEY, now);
    let r = expect(
        ibanera(&env)
            .env_remove("BALANCES_IBANERA_TOTP_SECRET")
            .args([
                "ibanera",
                "--otp",
                &code,
                "get-card-balances",
                "-o",
                "ndjson",
            ]),
        0,
    );
    assert_eq!(r.ndjson().len(), 12);
    let r = expect(
        ibanera(&env)
            .env_remove("BALANCES_IBANERA_TOTP_SECRET")
            .args(["ibanera", "get-balances"]),
        78,
    );
    assert!(
        r.stderr.contains("--otp") && r.stderr.contains("BALANCES_IBANERA_TOTP_SECRET"),
        "{}",
        r.stderr
    );
    expect(
        ibanera(&env).args(["ibanera", "--otp", "12ab", "get-balances"]),
        2,
    );
}

#[test]
fn card_transactions_filter_and_page() {
    let env = TestEnv::new();
    let r = expect(
        ibanera(&env).args([
            "ibanera",
            "get-card-transactions",
            "--card",
            "5002",
            "-o",
            "json",
        ]),
        0,
    );
    let doc = r.json();
    assert_eq!(doc["transactions"].as_array().unwrap().len(), 10);
    assert_eq!(doc["next_cursor"], "2", "page numbers are the cursor");
    let tx = &doc["transactions"][0];
    assert_eq!(tx["provider_fields"]["cardsId"], 5002);
    let r = expect(
        ibanera(&env).args([
            "ibanera",
            "get-card-transactions",
            "--card",
            "5002",
            "--from",
            "2026-03-12",
            "--to",
            "2026-03-13T23:59:59Z",
            "--all",
            "-o",
            "ndjson",
        ]),
        0,
    );
    let lines = r.ndjson();
    assert!(!lines.is_empty() && lines.len() < 60);
    assert!(
        lines
            .iter()
            .all(|t| t["created_at"].as_str().unwrap() >= "2026-03-12")
    );
    let page2 = expect(
        ibanera(&env).args([
            "ibanera",
            "get-card-transactions",
            "--card",
            "5002",
            "--page",
            "2",
            "-o",
            "json",
        ]),
        0,
    )
    .json();
    assert_ne!(page2["transactions"][0]["id"], tx["id"]);
    expect(
        ibanera(&env).args(["ibanera", "get-card-transactions", "--from", "yesterday"]),
        2,
    );
    expect(
        ibanera(&env).args(["ibanera", "get-card-transactions", "--card", "42"]),
        66,
    );
}

#[test]
fn help_says_the_account_transactions_path_is_unverified() {
    let env = TestEnv::new();
    let r = expect(env.cmd().args(["ibanera", "get-transactions", "--help"]), 0);
    assert!(r.stdout.contains("Unverified"), "{}", r.stdout);
}

#[test]
fn secrets_never_leak_at_vv() {
    let env = TestEnv::new();
    let r = expect(ibanera(&env).args(["-vv", "ibanera", "get-balances"]), 0);
    for s in [demo::IBANERA_PASSWORD, "ibn."] {
        assert!(!r.stdout.contains(s) && !r.stderr.contains(s), "{s} leaked");
    }
    assert!(
        r.stderr.contains("Authorization: ***") && r.stderr.contains("otp: ***"),
        "{}",
        r.stderr
    );
}

/// The account or card a transaction listing is about is its subject, in
/// every format (CSV has no provider_fields to carry it otherwise).
#[test]
fn account_and_card_transactions_name_their_subject() {
    let env = TestEnv::new();
    let r = expect(
        ibanera(&env).args([
            "ibanera",
            "get-transactions",
            "--account",
            "1000",
            "-o",
            "csv",
        ]),
        0,
    );
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    assert!(!rows.is_empty(), "{}", r.stdout);
    assert!(
        rows.iter().all(|l| l.starts_with("ibanera,1000,")),
        "{}",
        r.stdout
    );
    let r = expect(
        ibanera(&env).args([
            "ibanera",
            "get-card-transactions",
            "--card",
            "5000",
            "-o",
            "json",
        ]),
        0,
    );
    assert_eq!(r.json()["subject"], "5000");
}

/// Card transactions of every card: each record's subject is its own card,
/// in NDJSON, CSV and the table; the JSON document is about no one card.
#[test]
fn transactions_of_every_card_name_each_card() {
    let env = TestEnv::new();
    let args = |fmt: &'static str| ["ibanera", "get-card-transactions", "--all", "-o", fmt];
    let lines = expect(ibanera(&env).args(args("ndjson")), 0).ndjson();
    let cards: std::collections::BTreeSet<String> = lines
        .iter()
        .map(|l| {
            let card = l["provider_fields"]["cardsId"].to_string();
            assert_eq!(l["subject"], card.as_str(), "{l}");
            card
        })
        .collect();
    assert!(cards.len() > 1, "the sandbox has several cards: {cards:?}");
    let csv = expect(ibanera(&env).args(args("csv")), 0).stdout;
    let subjects: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(subjects.len(), lines.len());
    for (s, l) in subjects.iter().zip(&lines) {
        assert_eq!(Some(*s), l["subject"].as_str());
    }
    let table = expect(ibanera(&env).args(args("table")), 0).stdout;
    assert!(table.contains("SUBJECT"), "{table}");
    let doc = expect(ibanera(&env).args(args("json")), 0).json();
    assert_eq!(doc["subject"], serde_json::Value::Null);
    assert_eq!(doc["transactions"].as_array().unwrap().len(), lines.len());
}

#[test]
fn the_sandbox_makes_only_the_page_asked_for_and_the_same_items_either_way() {
    // The unfiltered path (made per page) lists what the filtered one (made whole) does.
    let env = TestEnv::with(Options {
        transactions: 2000,
        ..Options::default()
    });
    let ids = |env: &TestEnv, args: &[&str]| {
        let r = expect(ibanera(env).args(args).args(["-o", "ndjson"]), 0);
        r.stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
            .collect::<Vec<_>>()
    };
    let cards = ["ibanera", "get-card-transactions", "--page", "37"];
    let unfiltered = ids(&env, &cards);
    assert_eq!(unfiltered.len(), 10);
    let wide = ["--from", "1970-01-01", "--to", "9999-12-31"];
    assert_eq!(unfiltered, ids(&env, &[&cards[..], &wide[..]].concat()));
    // A million transactions: a late page costs what the first does.
    let env = TestEnv::with(Options {
        transactions: 1_000_000,
        ..Options::default()
    });
    let late = [
        "ibanera",
        "get-transactions",
        "--account",
        "1000",
        "--page",
        "90000",
    ];
    assert_eq!(ids(&env, &late).len(), 10);
    assert_eq!(
        ids(
            &env,
            &["ibanera", "get-card-transactions", "--page", "70000"]
        )
        .len(),
        10
    );
}

/// Bytes a hostile Ibanera sends: a login token that cannot be a header
/// value, a balance without `availableBalance`/`totalBalance`, a
/// transaction without its money. Each is a bad response (65), never a
/// request that fails to build (69) or a record of nulls with exit 0.
mod hostile_answers {
    use crate::hostile::{self, Hostile, Reply, show};
    use crate::support::run;
    use tempfile::TempDir;

    fn page(items: &str) -> String {
        format!(
            r#"{{"status":"1","errors":[],"id":0,"details":[{items}],"pageSize":100,"pageNumber":1,"numberOfPages":1}}"#
        )
    }

    fn message(r: &crate::support::Run) -> String {
        r.stderr_json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn a_login_token_holding_a_line_break_is_a_bad_login_response() {
        for token in [r"tok\r\nX-Injected: 1", r"tok\u0000", ""] {
            let login = format!(
                r#"{{"status":"1","errors":[],"id":null,"details":{{"accessToken":"{token}","expiresIn":3600}}}}"#
            );
            let srv = Hostile::serve(move |req| {
                if req.path().ends_with("/auth/login") {
                    Reply::json(200, &login)
                } else {
                    Reply::json(200, &page(""))
                }
            });
            let home = TempDir::new().unwrap();
            let r = run(hostile::ibanera(home.path(), &srv).args([
                "ibanera",
                "get-balances",
                "-o",
                "json",
            ]));
            assert_eq!(r.code, 65, "{token:?}: {}", show(&r));
            assert!(message(&r).contains("accessToken"), "{}", show(&r));
            assert!(!r.stderr.contains("X-Injected"), "the token is not echoed");
            assert_eq!(srv.request_count(), 1, "no request after the login");
        }
    }

    #[test]
    fn a_balance_or_transaction_without_its_money_is_65() {
        for (args, item, says) in [
            (
                &["ibanera", "get-balances"][..],
                r#"{"id":1000,"asset":"EUR","pendingBalance":5.00}"#,
                "neither availableBalance nor totalBalance",
            ),
            (
                &["ibanera", "get-transactions", "--account", "1000"][..],
                r#"{"id":"t1","transactionDate":"2026-03-01T10:00:00Z","transactionType":"Fee"}"#,
                "neither `amount` nor `currency`",
            ),
            (
                &["ibanera", "get-card-transactions", "--card", "5000"][..],
                r#"{"id":"t2","transactionDate":"2026-03-01T10:00:00Z","amount":-1.00}"#,
                "no `currency`",
            ),
        ] {
            let body = page(item);
            let srv = hostile::ibanera_server(move |_| Reply::json(200, &body));
            let home = TempDir::new().unwrap();
            let r = run(hostile::ibanera(home.path(), &srv)
                .args(args)
                .args(["-o", "json"]));
            assert_eq!(r.code, 65, "{args:?}: {}", show(&r));
            assert!(message(&r).contains(says), "{}", show(&r));
            assert!(
                !r.stdout.contains("null,\"to\":null"),
                "no empty record printed"
            );
        }
    }
}
