//! `balances summary`: every balance of every provider configured in the
//! profile, one lookup per listed user (Boca, P100) or per account (NOAH,
//! Ibanera), run concurrently like `--users-file`.

use super::{Context, many};
use crate::error::{Error, Result};
use crate::listing::paginate::{self, Page};
use crate::model::Balance;
use crate::providers::{ProviderId, UserBalances, ibanera, noah};
use crate::sandbox::demo;

/// Which providers to look at: those asked for, else those with a section
/// in the profile (under `--sandbox`: all four, with the seeds' example users).
pub(super) fn selected(ctx: &Context, asked: Vec<ProviderId>) -> Result<Vec<ProviderId>> {
    if !asked.is_empty() {
        let mut asked = asked;
        asked.sort();
        asked.dedup();
        return Ok(asked);
    }
    if ctx.sandbox.is_some() {
        return Ok(ProviderId::ALL.to_vec());
    }
    let configured: Vec<ProviderId> = ProviderId::ALL
        .into_iter()
        .filter(|&p| ctx.profile().is_some_and(|prof| prof.has(p)))
        .collect();
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

/// The users a per-user provider is asked about (`None`: the provider has no users).
pub(super) fn users(ctx: &Context, p: ProviderId) -> Option<Vec<String>> {
    let demo_users: &[&str] = match p {
        ProviderId::Boca => &[demo::BOCA_USER, demo::BOCA_LIVING_USER],
        ProviderId::P100 => &[demo::P100_USER],
        ProviderId::Noah | ProviderId::Ibanera => return None,
    };
    if ctx.sandbox.is_some() {
        return Some(demo_users.iter().map(|u| u.to_string()).collect());
    }
    Some(
        ctx.profile()
            .map(|prof| prof.users(p).to_vec())
            .unwrap_or_default(),
    )
}

/// The connected client, or the error that kept it from connecting.
pub(super) fn client<T>(c: &Option<Result<T>>) -> Result<&T> {
    match c {
        Some(Ok(client)) => Ok(client),
        Some(Err(e)) => Err(e.clone()),
        None => Err(Error::internal("provider not connected")),
    }
}

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
                lookups.push(many::Lookup {
                    provider: p,
                    subject: None,
                });
            }
            Some(list) => lookups.extend(many::users(p, list)),
            None => lookups.push(many::Lookup {
                provider: p,
                subject: None,
            }),
        }
    }
    let wants = |p: ProviderId| providers.contains(&p);
    // Connect once per provider; a provider that cannot connect fails each of its lookups.
    let boca = wants(ProviderId::Boca).then(|| super::boca::connect(ctx));
    let p100 = wants(ProviderId::P100).then(|| super::p100::connect(ctx));
    let noah = wants(ProviderId::Noah).then(|| super::noah::connect(ctx));
    let ibanera = wants(ProviderId::Ibanera).then(|| super::ibanera::connect(ctx, None));
    let engine = ctx.engine(false)?;
    let (engine, list, no_users) = (&engine, &lookups, &no_users);
    let (boca, p100, noah, ibanera) = (&boca, &p100, &noah, &ibanera);
    many::balances(ctx, list, concurrency, mins_of, |i| async move {
        if no_users.contains(&i) {
            return Err(Error::config(format!(
                "no users listed: add `users = [...]` under [profiles.{}.{}]",
                ctx.profile_name,
                list[i].provider.name()
            )));
        }
        let subject = list[i].subject.as_deref().unwrap_or_default();
        let pages: Vec<Page<Balance>> = match list[i].provider {
            ProviderId::Boca => vec![client(boca)?.user_balances(engine, subject).await?],
            ProviderId::P100 => vec![client(p100)?.user_balances(engine, subject).await?],
            ProviderId::Noah => {
                let mut pager = noah::BalancePager {
                    noah: client(noah)?,
                    engine,
                    page_size: None,
                };
                paginate::collect(&mut pager).await?
            }
            ProviderId::Ibanera => {
                let list = ibanera::List::AccountBalances;
                // 100: the default page size of `ibanera get-balances`.
                let mut pager = ibanera::PageNumberPager::new(
                    client(ibanera)?,
                    engine,
                    list,
                    100,
                    ibanera::account_balance,
                )
                .prefetching(ibanera::PREFETCH);
                paginate::collect(&mut pager).await?
            }
        };
        Ok(pages)
    })
    .await
}
