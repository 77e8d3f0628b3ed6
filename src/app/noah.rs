//! `balances noah ...`

use super::{Context, listing};
use crate::auth::jwt::EcKey;
use crate::cli::NoahCommand;
use crate::error::{Error, Result};
use crate::listing::history::{Listed, StateKey};
use crate::model::Header;
use crate::providers::noah::{self, BalancePager, Noah, TransactionPager};
use crate::providers::{Credential, ProviderId};

/// The signing key (env → config `signing_key` → config `signing_key_file`
/// → keyring, as the resolver orders them). `None` when none is set.
pub(super) fn signing_key(ctx: &Context) -> Result<Option<EcKey>> {
    let Some((pem, source)) = ctx
        .resolver()
        .optional(ProviderId::Noah, Credential::SigningKey)?
    else {
        return Ok(None);
    };
    EcKey::from_pem(pem.expose()).map(Some).map_err(|why| {
        Error::config(format!(
            "the NOAH signing key from {source} is not usable: {why}"
        ))
    })
}

pub(super) fn connect(ctx: &Context) -> Result<Noah> {
    Ok(Noah::new(
        ctx.base_url(ProviderId::Noah)?,
        ctx.resolver()
            .require(ProviderId::Noah, Credential::ApiKey)?,
        signing_key(ctx)?,
    ))
}

pub async fn run(ctx: &Context, cmd: NoahCommand) -> Result<()> {
    execute(ctx, cmd)
        .await
        .map_err(|e| e.with_provider(ProviderId::Noah.name()))
}

async fn execute(ctx: &Context, cmd: NoahCommand) -> Result<()> {
    let header = Header {
        provider: ProviderId::Noah.name(),
        profile: ctx.profile_name.clone(),
        subject: None,
        as_of: None,
    };
    match cmd {
        NoahCommand::GetBalances {
            page_size,
            minimums,
            dry_run,
        } => {
            let noah = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            let mins = super::thresholds::minimums(ctx, ProviderId::Noah, &minimums.min)?;
            let mut pager = BalancePager {
                noah: &noah,
                engine: &engine,
                page_size,
            };
            listing::balances(ctx, header, &mut pager, &mins).await
        }
        NoahCommand::GetTransactions {
            page_size,
            page_token,
            sort,
            follow,
            dry_run,
        } => {
            let noah = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            // NOAH's pages keep the PageSize of the first, so `--max-items`
            // below a page asks for pages of that size: the run then ends on a
            // page boundary and its token resumes exactly (with the same --page-size).
            let shrunk = follow
                .max_items
                .filter(|&n| n < u64::from(page_size.unwrap_or(noah::DEFAULT_PAGE_SIZE)))
                .map(|n| n.max(1) as u32);
            let page_size = shrunk.or(page_size);
            let resume = match shrunk {
                Some(n) => format!("--limit {n} --cursor"),
                None => "--cursor".to_owned(),
            };
            let mut pager = TransactionPager::new(&noah, &engine, page_size, sort);
            if sort == Some(noah::Sort::Asc) && follow.state_file.is_some() {
                return Err(Error::usage(
                    "--state-file reads newest first: it cannot be combined with --sort asc",
                ));
            }
            let key = StateKey {
                provider: ProviderId::Noah.name(),
                profile: ctx.profile_name.clone(),
                base_url: ctx.listing_base(ProviderId::Noah)?,
                listed: Listed::List {
                    list: "transactions",
                },
            };
            listing::transactions(
                ctx,
                header,
                &mut pager,
                page_token,
                &follow,
                &resume,
                listing::ListingState {
                    key,
                    form: crate::clock::Form::Rfc3339,
                },
            )
            .await
        }
    }
}
