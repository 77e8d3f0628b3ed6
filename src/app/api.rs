//! `balances api PROVIDER PATH`: any GET or HEAD of a provider's API,
//! signed and authenticated as the listings are, the body printed as
//! received. The escape hatch for the endpoints the other commands do not
//! model, as `gh api` is for GitHub's.

use super::Context;
use super::wiring::{self, Clients};
use crate::cli::ApiArgs;
use crate::error::{Error, Result};
use crate::http::{self, Incoming};
use crate::listing::paginate::EmptyRun;
use crate::output::compact_json;
use crate::providers::ProviderId;
use reqwest::{Method, Url};
use serde_json::Value;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};

pub async fn run(ctx: &Context, args: ApiArgs) -> Result<()> {
    let provider = args.provider;
    execute(ctx, args)
        .await
        .map_err(|e| e.with_provider(provider.name()))
}

async fn execute(ctx: &Context, args: ApiArgs) -> Result<()> {
    if args.paginate && args.method != Method::GET {
        return Err(Error::usage(
            "--paginate reads each page's body to find the next: it needs GET, not HEAD",
        ));
    }
    let mut target = Target::parse(&args.path, &args.query)?;
    let base = ctx.base_url(args.provider)?;
    if args.otp.is_some() && !args.provider.takes_otp() {
        return Err(Error::usage(format!(
            "--otp is for {} only",
            ProviderId::ALL
                .into_iter()
                .filter(|p| p.takes_otp())
                .map(ProviderId::name)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let clients = Clients::connect(ctx, |p| p == args.provider, args.otp);
    let engine = ctx.engine(args.dry_run.dry_run)?;
    let paging = wiring::paging(args.provider);
    let mut out = std::io::BufWriter::new(std::io::stdout());
    // A server that hands back a cursor it already gave would be followed forever.
    let mut seen = HashSet::new();
    let mut empty_run = EmptyRun::default();
    loop {
        let url = target.url(&base)?;
        let resp = wiring::send(&clients, args.provider, &engine, args.method.clone(), url).await?;
        if args.include {
            write_head(&mut out, &resp)?;
        }
        if !args.paginate {
            out.write_all(&resp.body)?;
            // A prompt glued to the body's last byte is hard to read; a pipe
            // gets the bytes exactly as received.
            if std::io::stdout().is_terminal()
                && !resp.body.is_empty()
                && !resp.body.ends_with(b"\n")
            {
                out.write_all(b"\n")?;
            }
            out.flush()?;
            return Ok(());
        }
        // Strict: a body with a key given twice has no one next cursor.
        let doc = resp.json()?;
        out.write_all(&compact_json(&resp.body))?;
        out.write_all(b"\n")?;
        out.flush()?;
        let Some(next) = paging.next(&doc, resp.status)? else {
            return Ok(());
        };
        empty_run
            .step(paging.is_empty_page(&doc))
            .map_err(|e| e.with_status(resp.status))?;
        if !seen.insert(next.clone()) {
            return Err(Error::bad_response(format!(
                "the server sent the {} {} twice; stopping instead of reading the same pages again",
                paging.name(),
                crate::text::quote(&next)
            ))
            .with_status(resp.status));
        }
        let param = paging.param(&target);
        target.set(&param, &next);
    }
}

/// What is sent: PATH's path, and the query as raw `k=v` parts in order
/// (PATH's own bytes kept as typed, `--query` pairs percent-encoded).
struct Target {
    path: String,
    query: Vec<String>,
}

impl Target {
    fn parse(raw: &str, pairs: &[(String, String)]) -> Result<Self> {
        if raw.split('?').next().unwrap_or(raw).contains("://") {
            return Err(Error::usage(format!(
                "{} is a URL: PATH is a path after the provider's base URL, as in /v1/users/U/balances \
                 (the host is the configured base URL, so credentials go nowhere else)",
                crate::text::quote(raw)
            )));
        }
        if !raw.starts_with('/') {
            return Err(Error::usage(format!(
                "PATH {} must start with /, as in /v1/users/U/balances",
                crate::text::quote(raw)
            )));
        }
        if raw.contains('#') || raw.bytes().any(|b| b.is_ascii_control()) {
            return Err(Error::usage(
                "PATH holds a `#` or a control character: percent-encode it",
            ));
        }
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let mut parts: Vec<String> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        parts.extend(
            pairs
                .iter()
                .map(|(k, v)| format!("{}={}", http::url::encode(k), http::url::encode(v))),
        );
        Ok(Target {
            path: path.to_owned(),
            query: parts,
        })
    }

    /// The key of a query part, decoded (`PageNumber` of `PageNumber=2`).
    fn key(part: &str) -> std::borrow::Cow<'_, str> {
        let key = part.split_once('=').map_or(part, |(k, _)| k);
        percent_encoding::percent_decode_str(key).decode_utf8_lossy()
    }

    /// The existing spelling of a parameter whose case is not fixed.
    fn spelled(&self, name: &str) -> Option<String> {
        self.query
            .iter()
            .map(|p| Target::key(p))
            .find(|k| k.eq_ignore_ascii_case(name))
            .map(|k| k.into_owned())
    }

    /// Replace every `name=` part (in any case) by `name=value`, at the end.
    fn set(&mut self, name: &str, value: &str) {
        self.query
            .retain(|p| !Target::key(p).eq_ignore_ascii_case(name));
        self.query.push(format!(
            "{}={}",
            http::url::encode(name),
            http::url::encode(value)
        ));
    }

    /// The URL on `base`, refused if it would leave the base (a `..` out of
    /// NOAH's `/v1`, another host): the credentials are for the base alone.
    fn url(&self, base: &Url) -> Result<Url> {
        let url = http::url::join(base, &self.path, &self.query.join("&"))
            .map_err(|_| Error::usage(format!("PATH {} is not a valid URL path", self.shown())))?;
        let prefix = base.path().trim_end_matches('/');
        let inside = url.scheme() == base.scheme()
            && url.host() == base.host()
            && url.port_or_known_default() == base.port_or_known_default()
            && url
                .path()
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'));
        if !inside {
            return Err(Error::usage(format!(
                "PATH {} leads out of the provider's base URL {base}",
                self.shown()
            )));
        }
        Ok(url)
    }

    fn shown(&self) -> String {
        crate::text::quote(&self.path)
    }
}

/// How a provider says where the next page is (each provider's is in its `app/<name>.rs`).
pub(super) enum Paging {
    /// The body's `field` (a string; null or absent on the last page) goes
    /// back as the query parameter `param`.
    Token {
        field: &'static str,
        param: &'static str,
        /// The page's items: NOAH's list ends on an empty page (its
        /// documented end); Boca's may skip ahead with a few, never with
        /// [`MAX_EMPTY_PAGES`](crate::listing::paginate::MAX_EMPTY_PAGES) in a row.
        items: &'static str,
        empty_ends: bool,
    },
    /// Ibanera's envelope: `pageNumber` of `numberOfPages`.
    PageNumber,
    /// P100 documents no pagination: one request.
    None,
}

impl Paging {
    fn name(&self) -> &'static str {
        match self {
            Paging::Token { field, .. } => field,
            Paging::PageNumber => "page number",
            Paging::None => "page",
        }
    }

    /// The parameter to send the next page's token in: a token goes back
    /// under the name the provider documents (replacing any other spelling
    /// of it); Ibanera's page number keeps the caller's spelling when the
    /// path names it in any case (its own lists say `pageNumber` and
    /// `PageNumber`).
    fn param(&self, target: &Target) -> String {
        match self {
            Paging::Token { param, .. } => (*param).to_owned(),
            Paging::PageNumber | Paging::None => target
                .spelled("PageNumber")
                .unwrap_or_else(|| "PageNumber".to_owned()),
        }
    }

    /// Whether the page's item list is there and empty.
    fn is_empty_page(&self, doc: &Value) -> bool {
        match self {
            Paging::Token { items, .. } => doc
                .get(*items)
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty),
            Paging::PageNumber | Paging::None => false,
        }
    }

    /// The next page's token, or `None` after the last page.
    fn next(&self, doc: &Value, status: u16) -> Result<Option<String>> {
        match self {
            Paging::None => Ok(None),
            Paging::Token {
                empty_ends: true, ..
            } if self.is_empty_page(doc) => Ok(None),
            Paging::Token { field, .. } => match doc.get(*field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if s.is_empty() => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => bad(
                    status,
                    format!(
                        "{field}: expected a string or null, got {}",
                        crate::text::quote(&other.to_string())
                    ),
                ),
            },
            Paging::PageNumber => {
                let number = |key: &str| match doc.get(key) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::Number(n)) => match n.as_u64() {
                        Some(n) => Ok(Some(n)),
                        None => bad(status, format!("{key}: expected a page count, got {n}")),
                    },
                    Some(other) => bad(
                        status,
                        format!(
                            "{key}: expected a number, got {}",
                            crate::text::quote(&other.to_string())
                        ),
                    ),
                };
                match (number("pageNumber")?, number("numberOfPages")?) {
                    (Some(page), Some(pages)) if page < pages => Ok(Some((page + 1).to_string())),
                    _ => Ok(None),
                }
            }
        }
    }
}

fn bad<T>(status: u16, why: String) -> Result<T> {
    Err(Error::bad_response(why).with_status(status))
}

/// `HTTP/1.1 200 OK`, the headers as received (credentials as `***`), a blank line.
fn write_head(out: &mut impl Write, resp: &Incoming) -> Result<()> {
    let reason = reqwest::StatusCode::from_u16(resp.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    writeln!(out, "{:?} {} {reason}", resp.version, resp.status)?;
    for (name, value) in &resp.headers {
        let shown = if http::is_secret_header(name.as_str()) {
            "***"
        } else {
            value.to_str().unwrap_or("<binary>")
        };
        writeln!(out, "{name}: {shown}")?;
    }
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(base: &str, path: &str, query: &[(&str, &str)]) -> Result<String> {
        let pairs: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let base = http::url::parse_base(base).unwrap();
        Target::parse(path, &pairs)?.url(&base).map(String::from)
    }

    #[test]
    fn the_path_goes_after_the_base_and_nowhere_else() {
        assert_eq!(
            url("https://api.noah.com/v1", "/balances", &[("PageSize", "2")]).unwrap(),
            "https://api.noah.com/v1/balances?PageSize=2"
        );
        assert_eq!(
            url(
                "http://127.0.0.1:9/boca",
                "/v1/users/u?limit=5",
                &[("cursor", "a:b c")]
            )
            .unwrap(),
            "http://127.0.0.1:9/boca/v1/users/u?limit=5&cursor=a%3Ab%20c"
        );
        for (base, path) in [
            ("https://partner-api.bocaraton.com", "@evil.example/x"),
            (
                "https://partner-api.bocaraton.com",
                "https://evil.example/x",
            ),
            ("https://api.noah.com/v1", "/../admin"),
            ("https://api.noah.com/v1", "/%2e%2e/admin"),
            ("https://api.noah.com/v1", "/x#frag"),
            ("https://api.noah.com/v1", "balances"),
        ] {
            let e = url(base, path, &[]).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{base} {path}: {}", e.message);
        }
    }

    #[test]
    fn the_next_page_replaces_the_cursor_and_keeps_the_callers_spelling() {
        let mut t = Target::parse("/x?pageNumber=1&pageSize=2", &[]).unwrap();
        assert_eq!(Paging::PageNumber.param(&t), "pageNumber");
        t.set("pageNumber", "2");
        assert_eq!(t.query, ["pageSize=2", "pageNumber=2"]);
        let t = Target::parse("/x", &[]).unwrap();
        assert_eq!(Paging::PageNumber.param(&t), "PageNumber");
        // Any case the caller typed is the one replaced, never sent twice.
        let mut t = Target::parse("/x?PAGENUMBER=1&PageSize=5", &[]).unwrap();
        let param = Paging::PageNumber.param(&t);
        assert_eq!(param, "PAGENUMBER");
        t.set(&param, "2");
        assert_eq!(t.query, ["PageSize=5", "PAGENUMBER=2"]);
    }

    #[test]
    fn a_token_goes_back_under_its_documented_name() {
        let mut t = Target::parse("/v1/t?Cursor=x&limit=5", &[]).unwrap();
        let param = wiring::paging(ProviderId::Boca).param(&t);
        assert_eq!(param, "cursor");
        t.set(&param, "c2");
        assert_eq!(t.query, ["limit=5", "cursor=c2"]);
    }

    #[test]
    fn a_url_in_the_query_is_a_value_not_a_target() {
        assert_eq!(
            url("https://api.noah.com/v1", "/x?next=https://a", &[]).unwrap(),
            "https://api.noah.com/v1/x?next=https://a"
        );
    }

    #[test]
    fn noah_ends_on_an_empty_page_and_boca_counts_them() {
        let doc = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        let noah = wiring::paging(ProviderId::Noah);
        let empty = doc(r#"{"Items":[],"PageToken":"t2"}"#);
        assert_eq!(noah.next(&empty, 200).unwrap(), None);
        let boca = wiring::paging(ProviderId::Boca);
        let empty = doc(r#"{"items":[],"nextCursor":"c2"}"#);
        assert_eq!(boca.next(&empty, 200).unwrap(), Some("c2".into()));
        assert!(boca.is_empty_page(&empty));
        assert!(!boca.is_empty_page(&doc(r#"{"items":[1],"nextCursor":"c2"}"#)));
    }

    #[test]
    fn each_provider_says_where_the_next_page_is() {
        let doc = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        let boca = wiring::paging(ProviderId::Boca);
        assert_eq!(
            boca.next(&doc(r#"{"nextCursor":"c2"}"#), 200).unwrap(),
            Some("c2".into())
        );
        assert_eq!(
            boca.next(&doc(r#"{"nextCursor":null}"#), 200).unwrap(),
            None
        );
        assert_eq!(
            boca.next(&doc(r#"{"nextCursor":7}"#), 200)
                .unwrap_err()
                .exit_code(),
            65
        );
        let ib = wiring::paging(ProviderId::Ibanera);
        assert_eq!(
            ib.next(&doc(r#"{"pageNumber":1,"numberOfPages":3}"#), 200)
                .unwrap(),
            Some("2".into())
        );
        assert_eq!(
            ib.next(&doc(r#"{"pageNumber":3,"numberOfPages":3}"#), 200)
                .unwrap(),
            None
        );
        assert_eq!(
            ib.next(&doc(r#"{"pageNumber":"1","numberOfPages":3}"#), 200)
                .unwrap_err()
                .exit_code(),
            65
        );
        assert_eq!(
            wiring::paging(ProviderId::P100)
                .next(&doc("{}"), 200)
                .unwrap(),
            None
        );
    }
}
