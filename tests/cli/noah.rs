use crate::support::{TestEnv, expect, without_as_of};
use balances::providers::ProviderId;
use balances::sandbox::demo;

fn noah(env: &TestEnv) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env(
        "BALANCES_NOAH_BASE_URL",
        env.sandbox.base_url(ProviderId::Noah),
    )
    .env("BALANCES_NOAH_API_KEY", demo::NOAH_API_KEY)
    .env("BALANCES_NOAH_SIGNING_KEY", demo::NOAH_ES384_PRIVATE);
    cmd
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn balances_follow_every_page() {
    // USDC and ETH live: the two runs compare the same books.
    let env = TestEnv::pinned(Default::default());
    let one = expect(noah(&env).args(["noah", "get-balances", "-o", "json"]), 0).json();
    let paged = expect(
        noah(&env).args(["noah", "get-balances", "--page-size", "2", "-o", "json"]),
        0,
    )
    .json();
    // The two runs may straddle a second: `as_of` is not what is compared.
    assert_eq!(without_as_of(one.clone()), without_as_of(paged));
    let balances = one["balances"].as_array().unwrap();
    assert_eq!(balances.len(), 7);
    assert_eq!(one["subject"], serde_json::Value::Null);
    assert_eq!(
        balances[0],
        serde_json::json!({"currency": "BTC", "available": "10.1", "total": "10.1", "pending": null, "account_id": null,
                           "account_type": "Current", "status": null, "provider_fields": {}})
    );
    let edge = &balances[6];
    assert_eq!(
        (edge["available"].as_str(), edge["total"].as_str()),
        (Some(".5"), Some("5."))
    );
}

#[test]
fn transactions_one_page_all_pages_and_sort() {
    // The living history's newest 95 would move on between two runs.
    let env = TestEnv::pinned(balances::sandbox::Options {
        transactions: 95,
        ..Default::default()
    });
    let r = expect(
        noah(&env).args(["noah", "get-transactions", "-o", "json"]),
        0,
    );
    let doc = r.json();
    assert_eq!(
        doc["transactions"].as_array().unwrap().len(),
        20,
        "NOAH's default page size"
    );
    let token = doc["next_cursor"].as_str().unwrap().to_owned();
    let next = expect(
        noah(&env).args([
            "noah",
            "get-transactions",
            "--page-token",
            &token,
            "-o",
            "json",
        ]),
        0,
    )
    .json();
    assert_ne!(next["transactions"][0]["id"], doc["transactions"][0]["id"]);

    let all = expect(
        noah(&env).args([
            "noah",
            "get-transactions",
            "--all",
            "--page-size",
            "10",
            "-o",
            "ndjson",
        ]),
        0,
    )
    .ndjson();
    assert_eq!(all.len(), 95);
    let mut ids: Vec<&str> = all.iter().map(|t| t["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 95, "no duplicates");
    let tx = &all[0];
    let leg = if tx["type"] == "in" {
        &tx["to"]
    } else {
        &tx["from"]
    };
    assert!(
        leg["amount"].is_string() && tx["fee"]["amount"].is_string(),
        "{tx}"
    );
    assert!(tx["provider_fields"]["PublicID"].is_string());

    let asc = expect(
        noah(&env).args([
            "noah",
            "get-transactions",
            "--all",
            "--sort",
            "asc",
            "-o",
            "ndjson",
        ]),
        0,
    )
    .ndjson();
    let asc_ids: Vec<&str> = asc
        .iter()
        .rev()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let desc_ids: Vec<&str> = all.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(asc_ids, desc_ids);

    let some = expect(
        noah(&env).args([
            "noah",
            "get-transactions",
            "--max-items",
            "25",
            "-o",
            "ndjson",
        ]),
        0,
    )
    .ndjson();
    assert_eq!(some.len(), 25);
}

#[test]
fn es256_keys_work_too() {
    let env = TestEnv::new();
    expect(
        noah(&env)
            .env("BALANCES_NOAH_SIGNING_KEY", demo::NOAH_ES256_PRIVATE)
            .args(["noah", "get-balances"]),
        0,
    );
}

#[test]
fn a_wrong_key_or_an_expired_token_exits_77() {
    let env = TestEnv::new();
    let r = expect(
        noah(&env)
            .env(
                "BALANCES_NOAH_SIGNING_KEY",
                fixture("noah-other-es384.sec1.pem"),
            )
            .args(["noah", "get-balances", "-o", "json"]),
        77,
    );
    let e = r.stderr_json();
    assert_eq!(e["error"]["code"], "Unauthorized");
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not verify"),
        "{e}"
    );
    assert!(
        e["error"]["request_id"].is_string(),
        "Instance is shown as the request id"
    );

    let hour_ago = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 3600)
        .to_string();
    let r = expect(
        noah(&env)
            .env("BALANCES_NOW", hour_ago)
            .args(["noah", "get-balances", "-o", "table"]),
        77,
    );
    assert!(r.stderr.contains("token expired"), "{}", r.stderr);
    assert!(r.stderr.contains("your clock is"), "{}", r.stderr);
}

/// Tokens minted for another request must be refused: the claims are checked
/// against the request the sandbox actually received.
#[tokio::test]
async fn claims_that_do_not_match_the_request_are_rejected() {
    use balances::auth::jwt::{self, Claims, EcKey};
    let env = TestEnv::new();
    let key = EcKey::from_pem(demo::NOAH_ES384_PRIVATE).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let base = env.sandbox.base_url(ProviderId::Noah);
    let client = reqwest::Client::new();
    let q = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    // (URL path, path claim, queryParams claim, bodyHash claim, expected status)
    type Case<'a> = (&'a str, &'a str, Vec<(String, String)>, Option<String>, u16);
    let cases: Vec<Case> = vec![
        ("/balances", "/noah/v1/balances", vec![], None, 200),
        ("/balances", "/noah/v1/transactions", vec![], None, 401),
        (
            "/balances?PageSize=2",
            "/noah/v1/balances",
            q(&[("PageSize", "3")]),
            None,
            401,
        ),
        (
            "/balances?PageSize=2",
            "/noah/v1/balances",
            vec![],
            None,
            401,
        ),
        (
            "/balances?PageSize=2",
            "/noah/v1/balances",
            q(&[("PageSize", "2")]),
            None,
            200,
        ),
        (
            "/balances",
            "/noah/v1/balances",
            vec![],
            Some("00".repeat(32)),
            401,
        ),
    ];
    for (url_path, claim_path, query, body_hash, want) in cases {
        let claims = Claims {
            aud: "https://api.noah.com",
            iat: now,
            ttl: 300,
            method: "GET",
            path: claim_path,
            query: &query,
            body_hash,
        };
        let resp = client
            .get(format!("{base}{url_path}"))
            .header("X-Api-Key", demo::NOAH_API_KEY)
            .header("Api-Signature", jwt::sign(&key, &claims))
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status().as_u16(),
            want,
            "{url_path} signed for {claim_path}"
        );
        if want == 401 {
            let body: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(body["Type"], "Unauthorized");
        }
    }
    // A lifetime over 900 s is refused even when it has not expired.
    let claims = Claims {
        aud: "https://api.noah.com",
        iat: now,
        ttl: 901,
        method: "GET",
        path: "/noah/v1/balances",
        query: &[],
        body_hash: None,
    };
    let resp = client
        .get(format!("{base}/balances"))
        .header("X-Api-Key", demo::NOAH_API_KEY)
        .header("Api-Signature", jwt::sign(&key, &claims))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    // Garbage is not a JWT.
    let resp = client
        .get(format!("{base}/balances"))
        .header("X-Api-Key", demo::NOAH_API_KEY)
        .header("Api-Signature", "a.b.c")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
}

#[test]
fn malformed_or_foreign_keys_exit_78_without_printing_them() {
    let env = TestEnv::new();
    let key_path = env.home.path().join("broken.pem");
    let pem = demo::NOAH_ES384_PRIVATE;
    let broken = pem.replace(&pem[40..60], "AAAAAAAAAAAAAAAAAAAA");
    std::fs::write(&key_path, &broken).unwrap();
    let conf = env.home.path().join("c.toml");
    std::fs::write(
        &conf,
        "[profiles.default.noah]\nsigning_key_file = \"~/broken.pem\"\n",
    )
    .unwrap();
    let r = expect(
        noah(&env).env_remove("BALANCES_NOAH_SIGNING_KEY").args([
            "--config",
            conf.to_str().unwrap(),
            "noah",
            "get-balances",
            "-o",
            "table",
        ]),
        78,
    );
    assert!(
        r.stderr.contains(key_path.to_str().unwrap()),
        "names the file, with ~ expanded: {}",
        r.stderr
    );
    assert!(!r.stderr.contains(&broken[30..80]));

    let r = expect(
        noah(&env)
            .env("BALANCES_NOAH_SIGNING_KEY", fixture("noah-p521.pem"))
            .args(["noah", "get-balances", "-o", "table"]),
        78,
    );
    assert!(
        r.stderr.contains("P-384 or P-256") && r.stderr.contains("BALANCES_NOAH_SIGNING_KEY"),
        "{}",
        r.stderr
    );

    // The same file, fixed, works through signing_key_file.
    std::fs::write(&key_path, fixture("noah-demo-es384.sec1.pem")).unwrap();
    expect(
        noah(&env).env_remove("BALANCES_NOAH_SIGNING_KEY").args([
            "--config",
            conf.to_str().unwrap(),
            "noah",
            "get-balances",
        ]),
        0,
    );
}

#[test]
fn without_a_signing_key_requests_go_unsigned() {
    let env = TestEnv::new();
    let r = expect(
        noah(&env)
            .env_remove("BALANCES_NOAH_SIGNING_KEY")
            .env("BALANCES_NOAH_API_KEY", demo::NOAH_UNSIGNED_API_KEY)
            .args(["-v", "noah", "get-balances"]),
        0,
    );
    assert!(r.stderr.contains("without Api-Signature"), "{}", r.stderr);
    // A key registered with a public key refuses unsigned requests.
    expect(
        noah(&env)
            .env_remove("BALANCES_NOAH_SIGNING_KEY")
            .args(["noah", "get-balances"]),
        77,
    );
}

#[test]
fn the_jwt_never_leaks() {
    let env = TestEnv::new();
    let r = expect(
        noah(&env).args(["-vv", "noah", "get-balances", "--dry-run"]),
        0,
    );
    assert!(r.stdout.contains("Api-Signature: ***"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("eyJ") && !r.stderr.contains("eyJ"),
        "no JWT in the output"
    );
    assert!(
        r.stdout.contains("\\\"path\\\":\\\"/noah/v1/balances\\\""),
        "the claims are the signing input: {}",
        r.stdout
    );
}
