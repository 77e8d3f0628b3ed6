//! `balances boca ...`

use super::{Context, listing, many, thresholds};
use crate::cli::BocaCommand;
use crate::error::Result;
use crate::listing::history::{Listed, StateKey};
use crate::model::Header;
use crate::providers::boca::{self, Boca, TransactionPager};
use crate::providers::{Credential, ProviderId};

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
            let key = StateKey {
                provider: ProviderId::Boca.name(),
                profile: ctx.profile_name.clone(),
                base_url: ctx.listing_base(ProviderId::Boca)?,
                listed: Listed::User {
                    subject: external_id.clone(),
                },
            };
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
