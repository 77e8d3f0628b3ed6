//! `balances p100 ...`

use super::api::Paging;
use super::sync::{Outcome, Shared};
use super::{Context, listing, many};
use crate::cli::P100Command;
use crate::error::Result;
use crate::model::Header;
use crate::providers::p100::P100;
use crate::providers::{Credential, ProviderId, UserBalances};
use crate::sandbox::demo;

pub(super) fn connect(ctx: &Context) -> Result<P100> {
    Ok(P100::new(
        ctx.base_url(ProviderId::P100)?,
        ctx.resolver()
            .require(ProviderId::P100, Credential::ApiKey)?,
    ))
}

pub async fn run(ctx: &Context, cmd: P100Command) -> Result<()> {
    let P100Command::GetBalances {
        external_user_id,
        many: users,
        minimums,
        dry_run,
    } = cmd;
    let subject = external_user_id.clone();
    let result = async {
        let p100 = connect(ctx)?;
        let engine = ctx.engine(dry_run.dry_run)?;
        let mins = super::thresholds::minimums(ctx, ProviderId::P100, &minimums.min)?;
        if let Some(file) = &users.users_file {
            let n = usize::from(users.concurrency);
            return many::users_file(ctx, ProviderId::P100, &p100, &engine, file, n, &mins).await;
        }
        let user = external_user_id.unwrap_or_default();
        let header = Header {
            provider: ProviderId::P100.name(),
            profile: ctx.profile_name.clone(),
            subject: Some(user.clone()),
            as_of: None,
        };
        let mut pager = many::UserBalancePager {
            api: &p100,
            engine: &engine,
            user: &user,
        };
        listing::balances(ctx, header, &mut pager, &mins).await
    }
    .await;
    result.map_err(|e| {
        e.with_provider(ProviderId::P100.name())
            .with_subject(subject.as_deref())
    })
}

/// `sync`: a user's balances (P100 publishes no transactions).
pub(super) async fn sync(s: &Shared<'_>, api: Result<&P100>, user: &str) -> Vec<Outcome> {
    let engine = &s.engine;
    let balances = s
        .listing(ProviderId::P100, user, "balances", async |k, at| {
            let page = api.clone()?.user_balances(engine, user).await?;
            s.snapshot(k, at, vec![page]).await
        })
        .await;
    vec![balances]
}

/// `api --paginate`: P100 documents no pagination: one request.
pub(super) const PAGING: Paging = Paging::None;

pub(super) fn demo_credential(c: Credential) -> Option<&'static str> {
    use Credential::*;
    match c {
        ApiKey => Some(demo::P100_API_KEY),
        ApiSecret | SigningKey | Username | Password | TotpSecret => None,
    }
}

pub(super) const DEMO_USERS: &[&str] = &[demo::P100_USER];
