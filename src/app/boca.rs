//! `balances boca ...`

use super::{Context, listing, many};
use crate::cli::BocaCommand;
use crate::error::Result;
use crate::http::Engine;
use crate::http::paginate::{Follow, Page, Pager};
use crate::model::{Balance, Header};
use crate::providers::ProviderId;
use crate::providers::boca::{self, Boca, TransactionPager};

pub(super) fn connect(ctx: &Context) -> Result<Boca> {
    let creds = ctx.resolver();
    let base = ctx.base_url(ProviderId::Boca)?;
    Ok(Boca::new(
        base,
        creds.require(ProviderId::Boca, "api_key")?,
        creds.require(ProviderId::Boca, "api_secret")?,
    ))
}

fn header(ctx: &Context, subject: &str) -> Header {
    Header {
        provider: boca::NAME,
        profile: ctx.profile_name.clone(),
        subject: Some(subject.to_owned()),
    }
}

/// Balances come in one response; this adapts them to the listing driver.
struct BalancePager<'a> {
    boca: &'a Boca,
    engine: &'a Engine,
    external_id: &'a str,
}

impl Pager for BalancePager<'_> {
    type Item = Balance;
    async fn page(&mut self, _cursor: Option<&str>, _want: Option<usize>) -> Result<Page<Balance>> {
        self.boca.balances(self.engine, self.external_id).await
    }
}

pub async fn run(ctx: &Context, cmd: BocaCommand) -> Result<()> {
    let subject = match &cmd {
        BocaCommand::GetBalances { external_id, .. } => external_id.clone(),
        BocaCommand::GetTransactions { external_id, .. } => Some(external_id.clone()),
    };
    execute(ctx, cmd)
        .await
        .map_err(|e| e.with_provider(boca::NAME).with_subject(subject.as_deref()))
}

async fn execute(ctx: &Context, cmd: BocaCommand) -> Result<()> {
    match cmd {
        BocaCommand::GetBalances {
            external_id,
            many: users,
            dry_run,
        } => {
            let boca = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            if let Some(file) = &users.users_file {
                let lookups = many::users(boca::NAME, many::read_ids(file)?);
                let (boca, engine, list) = (&boca, &engine, &lookups);
                return many::balances(ctx, list, usize::from(users.concurrency), |i| async move {
                    let id = list[i].subject.as_deref().unwrap_or_default();
                    boca.balances(engine, id).await.map(|page| vec![page])
                })
                .await;
            }
            let external_id = external_id.unwrap_or_default();
            let mut pager = BalancePager {
                boca: &boca,
                engine: &engine,
                external_id: &external_id,
            };
            listing::run(
                ctx,
                header(ctx, &external_id),
                &mut pager,
                None,
                Follow::All,
                "",
            )
            .await
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
            let mut pager = TransactionPager {
                boca: &boca,
                engine: &engine,
                external_id: &external_id,
                limit: limit.unwrap_or(boca::DEFAULT_LIMIT),
            };
            let key = serde_json::json!({"provider": boca::NAME, "profile": ctx.profile_name, "base_url": ctx.base_url(ProviderId::Boca)?.as_str(), "subject": external_id});
            listing::transactions(
                ctx,
                header(ctx, &external_id),
                &mut pager,
                cursor,
                &follow,
                "--cursor",
                listing::Listing {
                    key,
                    form: crate::clock::Form::Rfc3339,
                },
            )
            .await
        }
    }
}
