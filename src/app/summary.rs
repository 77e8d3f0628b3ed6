//! `balances summary`: every balance of every provider configured in the
//! profile, one lookup per listed user (a provider with users) or per
//! account, run concurrently like `--users-file`.

use super::wiring::{self, Clients};
use super::{Context, many};
use crate::error::{Error, Result};
use crate::providers::ProviderId;

/// Which providers to look at: those asked for, else those with a section
/// in the profile (under `--sandbox`: every one, with the seeds' example users).
pub(super) fn selected(ctx: &Context, asked: Vec<ProviderId>) -> Result<Vec<ProviderId>> {
    if !asked.is_empty() {
        let mut asked = asked;
        asked.sort();
        asked.dedup();
        return Ok(asked);
    }
    let configured = configured(ctx);
    if configured.is_empty() {
        return Err(Error::config(format!(
            "profile {:?} configures no provider in {}: add a [profiles.{}.<provider>] section, or pass --provider",
            ctx.profile_name,
            ctx.loaded.path.display(),
            ctx.profile_name
        )));
    }
    Ok(configured)
}

/// The providers a run without `--provider` talks to: every one under
/// `--sandbox`, else those the profile has a section for, in their order.
pub(super) fn configured(ctx: &Context) -> Vec<ProviderId> {
    if ctx.sandbox.is_some() {
        return ProviderId::ALL.to_vec();
    }
    ProviderId::ALL
        .into_iter()
        .filter(|&p| ctx.profile().is_some_and(|prof| prof.has(p)))
        .collect()
}

/// The users a per-user provider is asked about (`None`: the provider has no users).
pub(super) fn users(ctx: &Context, p: ProviderId) -> Option<Vec<String>> {
    if !p.has_users() {
        return None;
    }
    if ctx.sandbox.is_some() {
        return Some(
            wiring::demo_users(p)
                .iter()
                .map(|u| u.to_string())
                .collect(),
        );
    }
    Some(
        ctx.profile()
            .map(|prof| prof.users(p).to_vec())
            .unwrap_or_default(),
    )
}

/// The connected client, or the error that kept it from connecting.
pub async fn run(
    ctx: &Context,
    asked: Vec<ProviderId>,
    concurrency: usize,
    cli_mins: &[(String, crate::money::Amount)],
) -> Result<()> {
    let providers = selected(ctx, asked)?;
    let mins = providers
        .iter()
        .map(|&p| Ok((p, super::thresholds::minimums(ctx, p, cli_mins)?)))
        .collect::<Result<std::collections::HashMap<_, _>>>()?;
    let none = super::thresholds::Minimums::default();
    let mins_of = |p: ProviderId| mins.get(&p).unwrap_or(&none);
    let mut lookups = Vec::new();
    // A provider that needs users but lists none is reported as a failure of its own.
    let mut no_users = Vec::new();
    for &p in &providers {
        match users(ctx, p) {
            Some(list) if list.is_empty() => {
                no_users.push(lookups.len());
                lookups.push(many::BalanceLookup {
                    provider: p,
                    subject: None,
                });
            }
            Some(list) => lookups.extend(many::users(p, list)),
            None => lookups.push(many::BalanceLookup {
                provider: p,
                subject: None,
            }),
        }
    }
    let clients = Clients::connect(ctx, |p| providers.contains(&p), None);
    let engine = ctx.engine(false)?;
    let (engine, list, no_users, clients) = (&engine, &lookups, &no_users, &clients);
    many::balances(ctx, list, concurrency, mins_of, |i| async move {
        if no_users.contains(&i) {
            return Err(Error::config(format!(
                "no users listed: add `users = [...]` under [profiles.{}.{}]",
                ctx.profile_name,
                list[i].provider.name()
            )));
        }
        let subject = list[i].subject.as_deref().unwrap_or_default();
        wiring::balances(clients, list[i].provider, engine, subject).await
    })
    .await
}
