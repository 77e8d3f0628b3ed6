//! `balances ibanera ...`

use super::{Context, listing};
use crate::auth::totp;
use crate::cli::{IbaneraArgs, IbaneraCommand, PageArgs};
use crate::error::{Error, Result};
use crate::http::Engine;
use crate::keyring;
use crate::listing::history::{Listed, StateKey};
use crate::model::Header;
use crate::providers::ibanera::{self, Ibanera, List, Otp, PageNumberPager, TokenCache};
use crate::providers::{Credential, ProviderId};
use crate::secret::Secret;

pub(super) fn connect<'a>(ctx: &'a Context, otp: Option<String>) -> Result<Ibanera<'a>> {
    let creds = ctx.resolver();
    let p = ProviderId::Ibanera;
    let base = ctx.base_url(p)?;
    let username = creds.require(p, Credential::Username)?.expose().to_owned();
    let password = creds.require(p, Credential::Password)?;
    let otp = match otp {
        Some(code) if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) => {
            Otp::fixed(Secret::new(code))
        }
        Some(_) => {
            return Err(Error::usage(
                "--otp takes the 6-digit code from your authenticator",
            ));
        }
        None => {
            let secret = creds.require(p, Credential::TotpSecret).map_err(|mut e| {
                e.message.push_str("; or pass a code with --otp");
                e
            })?;
            Otp::Secret(
                totp::decode_base32(secret.expose())
                    .map_err(|why| Error::config(format!("ibanera totp_secret: {why}")))?,
            )
        }
    };
    let cache = TokenCache {
        store: ctx.store.as_ref(),
        account: keyring::account(
            &ctx.profile_name,
            ProviderId::Ibanera.name(),
            "access_token",
        ),
    };
    Ok(Ibanera::new(base, username, password, otp, Some(cache)))
}

pub async fn run(ctx: &Context, args: IbaneraArgs) -> Result<()> {
    execute(ctx, args)
        .await
        .map_err(|e| e.with_provider(ProviderId::Ibanera.name()))
}

async fn execute(ctx: &Context, args: IbaneraArgs) -> Result<()> {
    let api = connect(ctx, args.otp)?;
    let header = Header {
        provider: ProviderId::Ibanera.name(),
        profile: ctx.profile_name.clone(),
        subject: None,
        as_of: None,
    };
    let dry_run = match &args.command {
        IbaneraCommand::GetBalances { dry_run, .. }
        | IbaneraCommand::GetCardBalances { dry_run, .. }
        | IbaneraCommand::GetTransactions { dry_run, .. }
        | IbaneraCommand::GetCardTransactions { dry_run, .. } => dry_run.dry_run,
    };
    let engine = ctx.engine(dry_run)?;
    let result = match args.command {
        IbaneraCommand::GetBalances {
            page_size,
            minimums,
            ..
        } => {
            let mins = super::thresholds::minimums(ctx, ProviderId::Ibanera, &minimums.min)?;
            let list = List::AccountBalances;
            let mut pager =
                PageNumberPager::new(&api, &engine, list, page_size, ibanera::account_balance)
                    .prefetching(ibanera::PREFETCH);
            listing::balances(ctx, header, &mut pager, &mins).await
        }
        IbaneraCommand::GetCardBalances {
            page_size,
            minimums,
            ..
        } => {
            let mins = super::thresholds::minimums(ctx, ProviderId::Ibanera, &minimums.min)?;
            let list = List::CardBalances;
            let mut pager =
                PageNumberPager::new(&api, &engine, list, page_size, ibanera::card_balance)
                    .prefetching(ibanera::PREFETCH);
            listing::balances(ctx, header, &mut pager, &mins).await
        }
        IbaneraCommand::GetTransactions {
            account, paging, ..
        } => {
            let key = state_key(
                ctx,
                Listed::Account {
                    account: account.clone(),
                },
            )?;
            // The account the call is about is its subject (CSV and NDJSON carry it).
            let header = Header {
                subject: Some(account.clone()),
                ..header
            };
            transactions(
                ctx,
                header,
                &api,
                &engine,
                List::AccountTransactions { account },
                paging,
                key,
            )
            .await
        }
        IbaneraCommand::GetCardTransactions {
            card,
            from,
            to,
            paging,
            ..
        } => {
            // An empty window is a typo, never "no transactions" with exit 0.
            if let (Some(f), Some(t)) = (&from, &to) {
                let at =
                    |d: &str| crate::clock::Timestamp::parse(d, crate::clock::Form::Iso8601Utc);
                if let (Ok(fa), Ok(ta)) = (at(f), at(t))
                    && fa > ta
                {
                    return Err(Error::usage(format!(
                        "--from {} is after --to {}: no transaction can be in between",
                        crate::text::printable(f),
                        crate::text::printable(t)
                    )));
                }
            }
            let key = state_key(
                ctx,
                Listed::Cards {
                    card: card.clone(),
                    from: from.clone(),
                    to: to.clone(),
                },
            )?;
            let header = Header {
                subject: card.clone(),
                ..header
            };
            transactions(
                ctx,
                header,
                &api,
                &engine,
                List::CardTransactions { card, from, to },
                paging,
                key,
            )
            .await
        }
    };
    tracing::info!("ibanera: {} login(s) this run", api.logins());
    result
}

/// What names an Ibanera listing in a state file.
fn state_key(ctx: &Context, listed: Listed) -> Result<StateKey> {
    Ok(StateKey {
        provider: ProviderId::Ibanera.name(),
        profile: ctx.profile_name.clone(),
        base_url: ctx.listing_base(ProviderId::Ibanera)?,
        listed,
    })
}

/// Account or card transactions: page-numbered, one page unless told otherwise.
async fn transactions(
    ctx: &Context,
    header: Header,
    api: &Ibanera<'_>,
    engine: &Engine,
    list: List,
    paging: PageArgs,
    key: StateKey,
) -> Result<()> {
    // Pages ahead only when every page will be read (`--all`); one page,
    // `--max-items` and `--state-file` (which stops at the mark) read on demand.
    let ahead = if paging.follow.all
        && paging.follow.max_items.is_none()
        && paging.follow.state_file.is_none()
    {
        ibanera::PREFETCH
    } else {
        0
    };
    let mut pager = PageNumberPager::new(api, engine, list, paging.page_size, ibanera::transaction)
        .prefetching(ahead);
    let start = paging.page.map(|n| n.to_string());
    listing::transactions(
        ctx,
        header,
        &mut pager,
        start,
        &paging.follow,
        "--cursor",
        listing::ListingState {
            key,
            form: crate::clock::Form::Iso8601Utc,
        },
    )
    .await
}
