//! `balances p100 ...`

use super::{Context, listing, many};
use crate::cli::P100Command;
use crate::error::Result;
use crate::http::Engine;
use crate::http::paginate::{Follow, Page, Pager};
use crate::model::{Balance, Header};
use crate::providers::ProviderId;
use crate::providers::p100::{self, P100};

struct BalancePager<'a> {
    p100: &'a P100,
    engine: &'a Engine,
    user: &'a str,
}

impl Pager for BalancePager<'_> {
    type Item = Balance;
    async fn page(&mut self, _cursor: Option<&str>, _want: Option<usize>) -> Result<Page<Balance>> {
        self.p100.balances(self.engine, self.user).await
    }
}

pub(super) fn connect(ctx: &Context) -> Result<P100> {
    Ok(P100::new(
        ctx.base_url(ProviderId::P100)?,
        ctx.resolver().require(ProviderId::P100, "api_key")?,
    ))
}

pub async fn run(ctx: &Context, cmd: P100Command) -> Result<()> {
    let P100Command::GetBalances {
        external_user_id,
        many: users,
        dry_run,
    } = cmd;
    let subject = external_user_id.clone();
    let result = async {
        let p100 = connect(ctx)?;
        let engine = ctx.engine(dry_run.dry_run)?;
        if let Some(file) = &users.users_file {
            let lookups = many::users(p100::NAME, many::read_ids(file)?);
            let (p100, engine, list) = (&p100, &engine, &lookups);
            return many::balances(ctx, list, usize::from(users.concurrency), |i| async move {
                let id = list[i].subject.as_deref().unwrap_or_default();
                p100.balances(engine, id).await.map(|page| vec![page])
            })
            .await;
        }
        let user = external_user_id.unwrap_or_default();
        let header = Header {
            provider: p100::NAME,
            profile: ctx.profile_name.clone(),
            subject: Some(user.clone()),
        };
        let mut pager = BalancePager {
            p100: &p100,
            engine: &engine,
            user: &user,
        };
        listing::run(ctx, header, &mut pager, None, Follow::All, "").await
    }
    .await;
    result.map_err(|e| e.with_provider(p100::NAME).with_subject(subject.as_deref()))
}
