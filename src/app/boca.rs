//! `balances boca ...`

use super::api::Paging;
use super::sync::{Outcome, Shared};
use super::{Context, listing, many, thresholds};
use crate::cli::BocaCommand;
use crate::clock::Form;
use crate::error::Result;
use crate::model::Header;
use crate::providers::boca::{self, Boca, TransactionPager};
use crate::providers::{Credential, ProviderId, UserBalances};
use crate::sandbox::demo;

pub(super) fn connect(ctx: &Context) -> Result<Boca> {
    let creds = ctx.resolver();
    let base = ctx.base_url(ProviderId::Boca)?;
    Ok(Boca::new(
        base,
        creds.require(ProviderId::Boca, Credential::ApiKey)?,
        creds.require(ProviderId::Boca, Credential::ApiSecret)?,
    ))
}

fn header(ctx: &Context, subject: &str) -> Header {
    Header {
        provider: ProviderId::Boca.name(),
        profile: ctx.profile_name.clone(),
        subject: Some(subject.to_owned()),
        as_of: None,
    }
}

pub async fn run(ctx: &Context, cmd: BocaCommand) -> Result<()> {
    let subject = match &cmd {
        BocaCommand::GetBalances { external_id, .. } => external_id.clone(),
        BocaCommand::GetTransactions { external_id, .. } => Some(external_id.clone()),
    };
    execute(ctx, cmd).await.map_err(|e| {
        e.with_provider(ProviderId::Boca.name())
            .with_subject(subject.as_deref())
    })
}

async fn execute(ctx: &Context, cmd: BocaCommand) -> Result<()> {
    match cmd {
        BocaCommand::GetBalances {
            external_id,
            many: users,
            minimums,
            dry_run,
        } => {
            let boca = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            let mins = thresholds::minimums(ctx, ProviderId::Boca, &minimums.min)?;
            if let Some(file) = &users.users_file {
                let n = usize::from(users.concurrency);
                return many::users_file(ctx, ProviderId::Boca, &boca, &engine, file, n, &mins)
                    .await;
            }
            let external_id = external_id.unwrap_or_default();
            let mut pager = many::UserBalancePager {
                api: &boca,
                engine: &engine,
                user: &external_id,
            };
            listing::balances(ctx, header(ctx, &external_id), &mut pager, &mins).await
        }
        BocaCommand::GetTransactions {
            external_id,
            limit,
            cursor,
            follow,
            dry_run,
        } => {
            let boca = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            let limit = limit.unwrap_or(boca::DEFAULT_LIMIT);
            let mut pager = TransactionPager::new(&boca, &engine, &external_id, limit);
            let key = ctx.state_key(ProviderId::Boca, Some(&external_id), "transactions", None)?;
            listing::transactions(
                ctx,
                header(ctx, &external_id),
                &mut pager,
                cursor,
                &follow,
                "--cursor",
                listing::ListingState {
                    key,
                    form: crate::clock::Form::Rfc3339,
                },
            )
            .await
        }
    }
}

/// `sync`: a user's balances, then the user's transactions from where the
/// ledger stands.
pub(super) async fn sync(s: &Shared<'_>, api: Result<&Boca>, user: &str) -> Vec<Outcome> {
    let p = ProviderId::Boca;
    let engine = &s.engine;
    let balances = s
        .listing(p, user, "balances", async |k, at| {
            let page = api.clone()?.user_balances(engine, user).await?;
            s.snapshot(k, at, vec![page]).await
        })
        .await;
    let transactions = s
        .listing(p, user, "transactions", async |k, _| {
            let mut pager = TransactionPager::new(api.clone()?, engine, user, boca::MAX_LIMIT);
            s.transactions(k, &mut pager, Form::Rfc3339).await
        })
        .await;
    vec![balances, transactions]
}

/// `api --paginate`: the body's `nextCursor` goes back as `cursor`; a page
/// may skip ahead with few items, never with none many times in a row.
pub(super) const PAGING: Paging = Paging::Token {
    field: "nextCursor",
    param: "cursor",
    items: "items",
    empty_ends: false,
};

pub(super) fn demo_credential(c: Credential) -> Option<&'static str> {
    use Credential::*;
    match c {
        ApiKey => Some(demo::BOCA_API_KEY),
        ApiSecret => Some(demo::BOCA_API_SECRET),
        SigningKey | Username | Password | TotpSecret => None,
    }
}

pub(super) const DEMO_USERS: &[&str] = &[demo::BOCA_USER, demo::BOCA_LIVING_USER];
