//! `balances ibanera ...`

use super::api::Paging;
use super::doctor::Status;
use super::sync::{Outcome, Shared};
use super::{Context, listing};
use crate::auth::totp;
use crate::cli::{IbaneraArgs, IbaneraCommand, PageArgs};
use crate::clock::Form;
use crate::error::{Error, Kind, Result};
use crate::http::Engine;
use crate::keyring;
use crate::listing::key::{Narrowed, StateKey};
use crate::listing::paginate::{self, Page};
use crate::model::{Balance, Header};
use crate::providers::ibanera::{self, Ibanera, List, Otp, PageNumberPager, TokenCache};
use crate::providers::{Credential, ProviderId};
use crate::sandbox::demo;
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
                PageNumberPager::new(&api, &engine, list, page_size, ibanera::ACCOUNT_BALANCE)
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
                PageNumberPager::new(&api, &engine, list, page_size, ibanera::CARD_BALANCE)
                    .prefetching(ibanera::PREFETCH);
            listing::balances(ctx, header, &mut pager, &mins).await
        }
        IbaneraCommand::GetTransactions {
            account, paging, ..
        } => {
            let key = ctx.state_key(ProviderId::Ibanera, Some(&account), "transactions", None)?;
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
            let narrowed = Narrowed {
                card: card.clone(),
                from: from.clone(),
                to: to.clone(),
            };
            let list = "card_transactions";
            let key = ctx.state_key(ProviderId::Ibanera, card.as_deref(), list, Some(narrowed))?;
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
    let mut pager = PageNumberPager::new(api, engine, list, paging.page_size, ibanera::TRANSACTION)
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

/// The page size of runs over every provider (`summary`, `sync`), their
/// transaction listings too.
const PAGE_SIZE: u32 = ibanera::BALANCES_PAGE_SIZE;

/// `summary`: every account balance, all pages.
pub(super) async fn balances(api: &Ibanera<'_>, engine: &Engine) -> Result<Vec<Page<Balance>>> {
    let list = List::AccountBalances;
    let mut pager = PageNumberPager::new(api, engine, list, PAGE_SIZE, ibanera::ACCOUNT_BALANCE)
        .prefetching(ibanera::PREFETCH);
    paginate::collect(&mut pager).await
}

/// Ibanera: account and card balances, card transactions, and the
/// transactions of every account the balances list.
pub(super) async fn sync(s: &Shared<'_>, api: Result<&Ibanera<'_>>) -> Vec<Outcome> {
    let p = ProviderId::Ibanera;
    fn pager<'a, 'b, T>(
        api: &'a Ibanera<'b>,
        engine: &'a Engine,
        list: List,
        item: ibanera::Item<T>,
    ) -> PageNumberPager<'a, 'b, T> {
        PageNumberPager::new(api, engine, list, PAGE_SIZE, item)
    }
    let engine = &s.engine;
    let mut accounts: Vec<String> = Vec::new();
    let mut without_id = 0usize;
    let mut done = vec![
        s.listing(p, "", "balances", async |k, at| {
            let pages = balances(api.clone()?, engine).await?;
            for page in &pages {
                page.each_chunk(|items| {
                    for b in items {
                        match &b.account_id {
                            Some(id) if !accounts.iter().any(|a| a == id) => {
                                accounts.push(id.to_string())
                            }
                            Some(_) => {}
                            None => without_id += 1,
                        }
                    }
                    Ok(())
                })?;
            }
            s.snapshot(k, at, pages).await
        })
        .await,
        s.listing(p, "", "card_balances", async |k, at| {
            let list = List::CardBalances;
            let mut pager = pager(api.clone()?, engine, list, ibanera::CARD_BALANCE)
                .prefetching(ibanera::PREFETCH);
            s.snapshot(k, at, paginate::collect(&mut pager).await?)
                .await
        })
        .await,
        s.listing(p, "", "card_transactions", async |k, _| {
            let all_cards = List::CardTransactions {
                card: None,
                from: None,
                to: None,
            };
            let mut pager = pager(api.clone()?, engine, all_cards, ibanera::TRANSACTION);
            s.transactions(k, &mut pager, Form::Iso8601Utc).await
        })
        .await,
    ];
    if without_id > 0 {
        // Its transactions cannot be asked for: say so, never skip them quietly.
        let e = Error::bad_response(format!(
            "{without_id} account balance(s) without an `id`: their transactions cannot be listed"
        ));
        done.push(s.listing(p, "", "transactions", async |_, _| Err(e)).await);
    }
    // Accounts synced before stay synced: one that left the balance listing
    // (closed, suppressed) is still read, and fails loudly if it is gone.
    if let Ok(k) = s.ctx.listing_key(p, "", "transactions") {
        match s.stored_subjects(&k).await {
            Ok(stored) => {
                for id in stored {
                    if !accounts.contains(&id) {
                        accounts.push(id);
                    }
                }
            }
            Err(e) => done.push((k, Err(e))),
        }
    }
    for account in accounts {
        done.push(
            s.listing(p, &account, "transactions", async |k, _| {
                let list = List::AccountTransactions {
                    account: account.clone(),
                };
                let mut pager = pager(api.clone()?, engine, list, ibanera::TRANSACTION);
                s.transactions(k, &mut pager, Form::Iso8601Utc).await
            })
            .await,
        );
    }
    done
}

/// `api --paginate`: the envelope's `pageNumber` of `numberOfPages`.
pub(super) const PAGING: Paging = Paging::PageNumber;

/// `doctor`: the TOTP secret must decode (none: a code comes with `--otp`).
pub(super) fn usable(ctx: &Context) -> Option<(Status, String)> {
    match ctx
        .resolver()
        .optional(ProviderId::Ibanera, Credential::TotpSecret)
    {
        Ok(Some((secret, _))) => Some(match totp::decode_base32(secret.expose()) {
            Ok(_) => (Status::Ok, "totp_secret is Base32".to_owned()),
            Err(why) => (Status::Fail(Kind::Config), why.to_string()),
        }),
        Ok(None) => None,
        Err(e) => Some((Status::Fail(e.kind), e.message)),
    }
}

pub(super) fn demo_credential(c: Credential) -> Option<&'static str> {
    use Credential::*;
    match c {
        Username => Some(demo::IBANERA_USERNAME),
        Password => Some(demo::IBANERA_PASSWORD),
        TotpSecret => Some(demo::IBANERA_TOTP_SECRET),
        ApiKey | ApiSecret | SigningKey => None,
    }
}
