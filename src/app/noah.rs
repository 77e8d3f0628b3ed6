//! `balances noah ...`

use super::{Context, listing};
use crate::auth::jwt::EcKey;
use crate::cli::NoahCommand;
use crate::config::credentials::{Lookup, Source};
use crate::error::{Error, Result};
use crate::http::paginate::Follow;
use crate::model::Header;
use crate::providers::ProviderId;
use crate::providers::noah::{self, BalancePager, Noah, TransactionPager};
use std::path::PathBuf;

/// `~/x` → `$HOME/x`.
fn expand_home(path: &std::path::Path) -> PathBuf {
    match (path.strip_prefix("~"), dirs::home_dir()) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path.to_path_buf(),
    }
}

/// The signing key: `BALANCES_NOAH_SIGNING_KEY` → config `signing_key` →
/// config `signing_key_file` → keyring `signing_key`. `None` when none is set.
fn signing_key(ctx: &Context) -> Result<Option<EcKey>> {
    let found = ctx.resolver().lookup(ProviderId::Noah, "signing_key");
    let file = ctx
        .profile()
        .and_then(|p| p.noah.as_ref())
        .and_then(|n| n.signing_key_file.as_ref())
        .filter(|_| ctx.sandbox.is_none());
    let (pem, origin) = match (found, file) {
        (Lookup::Found(pem, source), file) if source != Source::Keyring || file.is_none() => {
            (pem, source.to_string())
        }
        (_, Some(file)) => {
            let path = expand_home(file);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::config(format!(
                    "cannot read the NOAH signing key file {}: {e}",
                    path.display()
                ))
            })?;
            (
                crate::secret::Secret::new(text),
                format!("file {}", path.display()),
            )
        }
        (Lookup::Found(..), None) | (Lookup::Missing { .. }, None) => return Ok(None),
    };
    EcKey::from_pem(pem.expose()).map(Some).map_err(|why| {
        Error::config(format!(
            "the NOAH signing key from {origin} is not usable: {why}"
        ))
    })
}

pub(super) fn connect(ctx: &Context) -> Result<Noah> {
    Ok(Noah::new(
        ctx.base_url(ProviderId::Noah)?,
        ctx.resolver().require(ProviderId::Noah, "api_key")?,
        signing_key(ctx)?,
    ))
}

pub async fn run(ctx: &Context, cmd: NoahCommand) -> Result<()> {
    execute(ctx, cmd)
        .await
        .map_err(|e| e.with_provider(noah::NAME))
}

async fn execute(ctx: &Context, cmd: NoahCommand) -> Result<()> {
    let header = Header {
        provider: noah::NAME,
        profile: ctx.profile_name.clone(),
        subject: None,
    };
    match cmd {
        NoahCommand::GetBalances { page_size, dry_run } => {
            let noah = connect(ctx)?;
            let engine = ctx.engine(dry_run.dry_run)?;
            let mut pager = BalancePager {
                noah: &noah,
                engine: &engine,
                page_size,
            };
            listing::run(ctx, header, &mut pager, None, Follow::All, "").await
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
            let mut pager = TransactionPager {
                noah: &noah,
                engine: &engine,
                page_size,
                sort,
            };
            if sort == Some(noah::Sort::Asc) && follow.state_file.is_some() {
                return Err(Error::usage(
                    "--state-file reads newest first: it cannot be combined with --sort asc",
                ));
            }
            let key = serde_json::json!({"provider": noah::NAME, "profile": ctx.profile_name, "list": "transactions"});
            listing::transactions(
                ctx,
                header,
                &mut pager,
                page_token,
                &follow,
                "--page-token",
                key,
            )
            .await
        }
    }
}
