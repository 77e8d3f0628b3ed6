//! `balances noah ...`

use super::api::Paging;
use super::doctor::Status;
use super::sync::{Outcome, Shared};
use super::{Context, listing};
use crate::auth::jwt::EcKey;
use crate::cli::NoahCommand;
use crate::clock::Form;
use crate::error::{Error, Result};
use crate::http::Engine;
use crate::listing::paginate::{self, Page};
use crate::model::Balance;
use crate::model::Header;
use crate::providers::noah::{self, BalancePager, Noah, TransactionPager};
use crate::providers::{Credential, ProviderId};
use crate::sandbox::demo;

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
            let key = ctx.state_key(ProviderId::Noah, None, "transactions", None)?;
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

/// `summary`: every balance of the account, all pages.
pub(super) async fn balances(noah: &Noah, engine: &Engine) -> Result<Vec<Page<Balance>>> {
    let mut pager = BalancePager {
        noah,
        engine,
        page_size: None,
    };
    paginate::collect(&mut pager).await
}

/// `sync`: the account's balances, then its transactions from where the
/// ledger stands.
pub(super) async fn sync(s: &Shared<'_>, api: Result<&Noah>) -> Vec<Outcome> {
    let p = ProviderId::Noah;
    let engine = &s.engine;
    let balances = s
        .listing(p, "", "balances", async |k, at| {
            s.snapshot(k, at, balances(api.clone()?, engine).await?)
                .await
        })
        .await;
    let transactions = s
        .listing(p, "", "transactions", async |k, _| {
            let mut pager = TransactionPager::new(api.clone()?, engine, None, None);
            s.transactions(k, &mut pager, Form::Rfc3339).await
        })
        .await;
    vec![balances, transactions]
}

/// `api --paginate`: the body's `PageToken` goes back as `PageToken`; the
/// list ends on an empty page (its documented end).
pub(super) const PAGING: Paging = Paging::Token {
    field: "PageToken",
    param: "PageToken",
    items: "Items",
    empty_ends: true,
};

/// `doctor`: the signing key must parse (none: requests go unsigned).
pub(super) fn usable(ctx: &Context) -> Option<(Status, String)> {
    Some(match signing_key(ctx) {
        Ok(Some(key)) => (Status::Ok, format!("signing key parses ({})", key.alg())),
        Ok(None) => (
            Status::Warn,
            "no signing key: requests go unsigned".to_owned(),
        ),
        Err(e) => (Status::Fail(e.kind), e.message),
    })
}

pub(super) fn demo_credential(c: Credential) -> Option<&'static str> {
    use Credential::*;
    match c {
        ApiKey => Some(demo::NOAH_API_KEY),
        SigningKey => Some(demo::NOAH_ES384_PRIVATE),
        ApiSecret | Username | Password | TotpSecret => None,
    }
}
