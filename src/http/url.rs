//! Building request URLs byte-exactly, and the https-only rule.

use crate::error::{Error, Result};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Url;

/// Everything but RFC 3986 unreserved characters is encoded, in path segments
/// and query components alike, so what we sign is what the server receives.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub fn encode(component: &str) -> String {
    utf8_percent_encode(component, STRICT).to_string()
}

/// One path segment, percent-encoded once. `.` and `..` are refused: URL
/// parsers resolve them (even as `%2E`), so the request would go elsewhere.
pub fn path_segment(what: &str, value: &str) -> Result<String> {
    if value.is_empty() || value == "." || value == ".." {
        return Err(Error::usage(format!(
            "{what} {value:?} cannot be used in a URL path"
        )));
    }
    Ok(encode(value))
}

/// `a=1&b=2` from pairs in the order given, each part percent-encoded.
pub fn query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Parse and check a configured base URL: https, or plain http to loopback only.
pub fn parse_base(raw: &str) -> Result<Url> {
    // A URL may carry a password (`https://user:pass@host`): never echo it.
    let shown = if raw.contains('@') {
        "(not shown: it contains @)".to_owned()
    } else {
        crate::text::quote(raw)
    };
    let url = Url::parse(raw.trim_end_matches('/'))
        .map_err(|e| Error::config(format!("invalid base URL {shown}: {e}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        // It would be logged with -v, printed by --dry-run and kept in state files.
        return Err(Error::config(
            "a base URL must not hold a user name or password: credentials come from the \
             environment, the config file or the keyring",
        ));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::config(format!(
                "refusing plain http:// to {} (credentials would cross the network unencrypted); \
                 use https://, or a loopback host for the sandbox",
                url.host_str().unwrap_or("?")
            )));
        }
        other => {
            return Err(Error::config(format!(
                "unsupported URL scheme {other:?} in {shown}"
            )));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "base URL {shown} must not have a query or fragment"
        )));
    }
    Ok(url)
}

/// `127.0.0.0/8`, `::1` and `localhost`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// [`is_loopback`] for a bare host name or address (a database URL's host).
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// Append an already-encoded path and query to a base URL.
pub fn join(base: &Url, encoded_path: &str, encoded_query: &str) -> Result<Url> {
    let mut s = base.as_str().trim_end_matches('/').to_owned();
    s.push_str(encoded_path);
    if !encoded_query.is_empty() {
        s.push('?');
        s.push_str(encoded_query);
    }
    Url::parse(&s).map_err(|e| Error::internal(format!("cannot build URL {s:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_ids_are_encoded_exactly_once() {
        assert_eq!(
            path_segment("id", "partner-user-42").unwrap(),
            "partner-user-42"
        );
        assert_eq!(path_segment("id", "a b/c").unwrap(), "a%20b%2Fc");
        assert_eq!(path_segment("id", "100%").unwrap(), "100%25");
        assert_eq!(path_segment("id", "zoë").unwrap(), "zo%C3%AB");
        assert_eq!(path_segment("id", "a?b#c").unwrap(), "a%3Fb%23c");
        let long = "x".repeat(128);
        assert_eq!(path_segment("id", &long).unwrap(), long);
        assert!(path_segment("id", "..").is_err());
        assert!(path_segment("id", "").is_err());
    }

    #[test]
    fn joined_url_keeps_the_encoding() {
        let base = parse_base("http://127.0.0.1:9/boca/").unwrap();
        let seg = path_segment("id", "a b/%2F").unwrap();
        let url = join(
            &base,
            &format!("/v1/users/{seg}/balances"),
            "cursor=x%3Ay&limit=5",
        )
        .unwrap();
        assert_eq!(url.path(), "/boca/v1/users/a%20b%2F%252F/balances");
        assert_eq!(url.query(), Some("cursor=x%3Ay&limit=5"));
    }

    #[test]
    fn query_keeps_order_and_encodes() {
        let q = query(&[
            ("cursor", "2026-03-12T18:30:00Z".into()),
            ("limit", "25".into()),
        ]);
        assert_eq!(q, "cursor=2026-03-12T18%3A30%3A00Z&limit=25");
    }

    #[test]
    fn https_only_except_loopback() {
        assert!(parse_base("https://partner-api.bocaraton.com").is_ok());
        for ok in [
            "http://127.0.0.1:8080/boca",
            "http://127.8.9.10",
            "http://[::1]:1",
            "http://localhost:1",
        ] {
            assert!(parse_base(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://10.0.0.1",
            "ftp://127.0.0.1",
            "not a url",
        ] {
            let e = parse_base(bad).unwrap_err();
            assert_eq!(e.exit_code(), 78, "{bad}");
        }
    }
}
