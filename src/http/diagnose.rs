//! What the engine says when the network is not what it should be: the
//! proxies it takes from the environment, a certificate it does not trust,
//! a clock the server disagrees with.

use super::{Incoming, SKEW_TOLERANCE_SECS};
use crate::clock;
use crate::error::{Error, Result};
use std::time::SystemTime;

/// The proxies of `HTTPS_PROXY`, `HTTP_PROXY` and `ALL_PROXY` (or their
/// lower-case forms), each skipping `NO_PROXY` and, always, loopback: the
/// plain-http exception for loopback exists because that traffic never
/// leaves the machine, and a proxy would carry its credentials elsewhere.
pub(super) fn env_proxies() -> Result<Vec<reqwest::Proxy>> {
    let var = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
    };
    let no_proxy = var(["NO_PROXY", "no_proxy"]).unwrap_or_default();
    // Every spelling of this machine: `localhost.` (the root-qualified
    // name), IPv4-mapped loopback, and 0.0.0.0 (which Linux connects to itself).
    let no_proxy =
        format!("{no_proxy},127.0.0.0/8,::1,localhost,localhost.,::ffff:127.0.0.0/104,0.0.0.0");
    let mut proxies = Vec::new();
    type MakeProxy = fn(String) -> reqwest::Result<reqwest::Proxy>;
    let kinds: [(&str, [&str; 2], MakeProxy); 3] = [
        (
            "HTTPS_PROXY",
            ["HTTPS_PROXY", "https_proxy"],
            reqwest::Proxy::https,
        ),
        (
            "HTTP_PROXY",
            ["HTTP_PROXY", "http_proxy"],
            reqwest::Proxy::http,
        ),
        ("ALL_PROXY", ["ALL_PROXY", "all_proxy"], reqwest::Proxy::all),
    ];
    for (name, names, make) in kinds {
        if let Some(url) = var(names) {
            let proxy = make(url).map_err(|_| {
                // The value may hold a proxy password: name the variable only.
                Error::config(format!("{name} is not a proxy URL"))
            })?;
            proxies.push(proxy.no_proxy(reqwest::NoProxy::from_string(&no_proxy)));
        }
    }
    Ok(proxies)
}

/// The reason in a TLS failure that is about the server's certificate
/// (rustls says "invalid peer certificate: UnknownIssuer" and the like).
pub fn certificate_problem(chain: &str) -> Option<&str> {
    let at = chain.find("invalid peer certificate")?;
    let why = chain[at..]
        .trim_start_matches("invalid peer certificate")
        .trim_start_matches([':', ' ']);
    Some(why.split(':').next().unwrap_or(why).trim())
}

/// One message for a certificate we do not trust: which host, why, and
/// how to trust a private CA.
pub fn certificate_message(host: &str, why: &str) -> String {
    let why = match why {
        "UnknownIssuer" => "it is signed by a certificate authority this machine does not trust",
        "Expired" => "it has expired",
        "NotValidForName" | "NotValidForNameContext" => "it is not valid for this host name",
        "BadSignature" => "its signature is invalid",
        "CaUsedAsEndEntity" => {
            "it is a self-signed or CA certificate used as a server certificate, which no one vouches for"
        }
        "Revoked" => "it has been revoked",
        other if other.contains("Expired") => "it has expired",
        other if other.contains("NotValidForName") => "it is not valid for this host name",
        _ => "it failed verification",
    };
    format!(
        "TLS certificate of {host} not trusted: {why}. Not retried. If {host} uses a private CA, \
         add that CA to the system store, or point SSL_CERT_FILE (a PEM bundle) or SSL_CERT_DIR at it"
    )
}

pub(super) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// Our clock minus the server's, in seconds, from the response's `Date`.
pub fn clock_skew(resp: &Incoming) -> Option<i64> {
    let server = httpdate::parse_http_date(resp.header("date")?).ok()?;
    let server = server
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs() as i64;
    Some(clock::now().unix_timestamp() - server)
}

/// If the server's `Date` shows our clock more than 60 s off, say so: the
/// usual cause of "invalid signature" on a machine without NTP.
pub(super) fn skew_hint(resp: &Incoming) -> Option<String> {
    let skew = clock_skew(resp).filter(|s| s.abs() > SKEW_TOLERANCE_SECS)?;
    Some({
        let dir = if skew > 0 { "ahead of" } else { "behind" };
        format!(
            " (your clock is {} s {dir} the server's; signed requests are rejected beyond {SKEW_TOLERANCE_SECS} s: sync it with NTP)",
            skew.abs()
        )
    })
}
