//! `balances doctor`: what would stop a run, found before a cron job does:
//! the config file, each provider's base URL and credentials (their sources,
//! never their values), the keyring, and for each provider a round trip
//! that proves TLS and shows the clock skew from the server's `Date`.

use super::Context;
use crate::config::credentials::{CredentialSource, Lookup};
use crate::error::{Error, Kind, Result};
use crate::http::Engine;
use crate::providers::ProviderId;
use serde_json::json;
use std::io::Write;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Ok,
    Warn,
    Fail(Kind),
}

struct Check {
    name: String,
    status: Status,
    detail: String,
}

fn check(name: impl Into<String>, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name: name.into(),
        status,
        detail: detail.into(),
    }
}

pub async fn run(ctx: &Context, asked: Vec<ProviderId>) -> Result<()> {
    let mut checks = Vec::new();
    let file = &ctx.loaded;
    checks.push(if ctx.sandbox.is_some() {
        check("config", Status::Ok, "not used with --sandbox")
    } else if file.exists {
        let n = file.file.profiles.len();
        check(
            "config",
            Status::Ok,
            format!(
                "{} ({n} profile(s)), profile {:?}",
                file.path.display(),
                ctx.profile_name
            ),
        )
    } else {
        check(
            "config",
            Status::Warn,
            format!(
                "{} not found: settings come from the environment only",
                file.path.display()
            ),
        )
    });
    let probe = ctx.store.get(&crate::keyring::account(
        &ctx.profile_name,
        "doctor",
        "probe",
    ));
    checks.push(match probe {
        Ok(_) => check("keyring", Status::Ok, ctx.store.describe()),
        Err(e) => check(
            "keyring",
            Status::Warn,
            format!("{e}: credentials must come from the environment or the file"),
        ),
    });
    let providers: Vec<ProviderId> = if !asked.is_empty() {
        asked
    } else {
        super::summary::configured(ctx)
    };
    if providers.is_empty() {
        // A cron job's pre-flight that checked nothing must not pass.
        checks.push(check(
            "providers",
            Status::Fail(Kind::Config),
            format!(
                "nothing to check: profile {:?} configures no provider; add a [profiles.{}.<provider>] section or pass --provider",
                ctx.profile_name, ctx.profile_name
            ),
        ));
    }
    let resolver = ctx.resolver();
    let engine = ctx.engine(false)?;
    for p in providers {
        let name = p.name();
        let base = match ctx.base_url(p) {
            Ok(url) => {
                checks.push(check(format!("{name} base_url"), Status::Ok, url.as_str()));
                Some(url)
            }
            Err(e) => {
                checks.push(check(
                    format!("{name} base_url"),
                    Status::Fail(e.kind),
                    e.message,
                ));
                None
            }
        };
        for field in p.credential_fields() {
            let optional = field.optional;
            let c = match resolver.lookup(p, field.credential) {
                Lookup::Found(_, source) => check(
                    format!("{name} {}", field.name()),
                    Status::Ok,
                    describe(&source),
                ),
                Lookup::Unreadable(e) => check(
                    format!("{name} {}", field.name()),
                    Status::Fail(e.kind),
                    e.message,
                ),
                Lookup::Missing { keyring } => {
                    let why = format!("not set ({})", p.env_var(field.name()))
                        + &keyring.map(|e| format!("; {e}")).unwrap_or_default();
                    let status = if optional {
                        Status::Warn
                    } else {
                        Status::Fail(Kind::Config)
                    };
                    check(format!("{name} {}", field.name()), status, why)
                }
            };
            checks.push(c);
        }
        checks.extend(usable(ctx, p));
        if let Some(base) = base {
            checks.push(round_trip(&engine, name, base).await);
        }
    }
    print(ctx, &checks)?;
    match checks.iter().find_map(|c| match c.status {
        Status::Fail(kind) => Some(kind),
        _ => None,
    }) {
        Some(kind) => Err(Error::reported(kind)),
        None => Ok(()),
    }
}

/// What a run of this provider will need of its secrets, beyond their
/// presence (the provider's own check, through `wiring`).
fn usable(ctx: &Context, p: ProviderId) -> Option<Check> {
    let (status, detail) = super::wiring::usable(ctx, p)?;
    Some(check(
        format!("{} secrets usable", p.name()),
        status,
        detail,
    ))
}

fn describe(source: &CredentialSource) -> String {
    source.to_string()
}

/// One unauthenticated GET of the base URL: any HTTP answer proves DNS, TCP
/// and TLS; its `Date` header gives the clock skew signed requests care about.
async fn round_trip(engine: &Engine, name: &str, base: reqwest::Url) -> Check {
    let label = format!("{name} connection");
    match engine.probe(base.clone()).await {
        Err(e) => check(
            label,
            Status::Fail(e.kind),
            format!("{base}: {}", e.message),
        ),
        Ok(resp) => {
            let skew = crate::http::clock_skew(&resp);
            let tls = if base.scheme() == "https" {
                "TLS ok, "
            } else {
                ""
            };
            match skew {
                Some(s) if s.abs() > crate::http::SKEW_TOLERANCE_SECS => check(
                    label,
                    Status::Fail(Kind::Config),
                    format!(
                        "{tls}HTTP {}, but the local clock is {} s {} the server's: signed requests will be rejected",
                        resp.status,
                        s.abs(),
                        if s > 0 { "ahead of" } else { "behind" }
                    ),
                ),
                Some(s) => check(
                    label,
                    Status::Ok,
                    format!("{tls}HTTP {}, clock skew {s} s", resp.status),
                ),
                None => check(
                    label,
                    Status::Ok,
                    format!(
                        "{tls}HTTP {}, no Date header to check the clock",
                        resp.status
                    ),
                ),
            }
        }
    }
}

fn print(ctx: &Context, checks: &[Check]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let word = |s: Status| match s {
        Status::Ok => "ok",
        Status::Warn => "warn",
        Status::Fail(_) => "fail",
    };
    if ctx.style.format.is_json() {
        let list: Vec<_> = checks
            .iter()
            .map(|c| json!({"check": c.name, "status": word(c.status), "detail": c.detail}))
            .collect();
        writeln!(
            out,
            "{}",
            json!({"profile": ctx.profile_name, "checks": list})
        )?;
    } else {
        for c in checks {
            writeln!(out, "{:<5} {:<22} {}", word(c.status), c.name, c.detail)?;
        }
    }
    Ok(())
}
