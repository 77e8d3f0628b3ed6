//! The app layer's side of the provider registry: what a run over several
//! providers (`summary`, `sync`, `api`, `doctor`, `--sandbox`) needs of
//! each, one exhaustive `match` per need, each arm a call into the
//! provider's own `app/<name>.rs`. A new provider is an arm in each match
//! here, and the compiler names every one.

use super::Context;
use super::doctor::Status;
use super::sync::{Outcome, Shared};
use super::{boca, ibanera, noah, p100};
use crate::error::{Error, Result};
use crate::http::{Engine, Incoming, Outgoing};
use crate::listing::paginate::Page;
use crate::model::Balance;
use crate::providers::{self, Credential, ProviderId, UserBalances};
use crate::sandbox::Api;
use reqwest::{Method, Url};

/// The providers' clients, each connected as its own subcommand connects
/// it, once for a run that talks to several: a provider that cannot
/// connect (a missing credential) fails each of its lookups and the
/// others go on.
pub(super) struct Clients<'a> {
    boca: Option<Result<providers::boca::Boca>>,
    p100: Option<Result<providers::p100::P100>>,
    noah: Option<Result<providers::noah::Noah>>,
    ibanera: Option<Result<providers::ibanera::Ibanera<'a>>>,
}

impl<'a> Clients<'a> {
    /// The clients of the providers `wants` names; `otp`: a one-time code
    /// typed by hand (for a provider that logs in with one).
    pub(super) fn connect(
        ctx: &'a Context,
        wants: impl Fn(ProviderId) -> bool,
        otp: Option<String>,
    ) -> Self {
        Clients {
            boca: wants(ProviderId::Boca).then(|| boca::connect(ctx)),
            p100: wants(ProviderId::P100).then(|| p100::connect(ctx)),
            noah: wants(ProviderId::Noah).then(|| noah::connect(ctx)),
            ibanera: wants(ProviderId::Ibanera).then(|| ibanera::connect(ctx, otp)),
        }
    }
}

/// A client, or why it could not connect (the same error for each lookup).
fn connected<T>(c: &Option<Result<T>>) -> Result<&T> {
    match c {
        Some(Ok(client)) => Ok(client),
        Some(Err(e)) => Err(e.clone()),
        None => Err(Error::internal("provider not connected")),
    }
}

/// `summary`: the balances of one user (`subject`, a provider with users)
/// or of the whole account.
pub(super) async fn balances(
    clients: &Clients<'_>,
    p: ProviderId,
    engine: &Engine,
    subject: &str,
) -> Result<Vec<Page<Balance>>> {
    Ok(match p {
        ProviderId::Boca => vec![
            connected(&clients.boca)?
                .user_balances(engine, subject)
                .await?,
        ],
        ProviderId::P100 => vec![
            connected(&clients.p100)?
                .user_balances(engine, subject)
                .await?,
        ],
        ProviderId::Noah => noah::balances(connected(&clients.noah)?, engine).await?,
        ProviderId::Ibanera => ibanera::balances(connected(&clients.ibanera)?, engine).await?,
    })
}

/// `sync`: every listing of one user (`subject`) or of the whole account,
/// each written on its own.
pub(super) async fn sync(
    s: &Shared<'_>,
    clients: &Clients<'_>,
    p: ProviderId,
    subject: &str,
) -> Vec<Outcome> {
    match p {
        ProviderId::Boca => boca::sync(s, connected(&clients.boca), subject).await,
        ProviderId::P100 => p100::sync(s, connected(&clients.p100), subject).await,
        ProviderId::Noah => noah::sync(s, connected(&clients.noah)).await,
        ProviderId::Ibanera => ibanera::sync(s, connected(&clients.ibanera)).await,
    }
}

/// `api`: one request, signed and authenticated as the provider's listings are.
pub(super) async fn send(
    clients: &Clients<'_>,
    p: ProviderId,
    engine: &Engine,
    method: Method,
    url: Url,
) -> Result<Incoming> {
    let build = || Ok(Outgoing::new(method.clone(), url.clone()));
    match p {
        ProviderId::Boca => engine.send(connected(&clients.boca)?, build).await,
        ProviderId::Noah => engine.send(connected(&clients.noah)?, build).await,
        ProviderId::P100 => engine.send(connected(&clients.p100)?, build).await,
        ProviderId::Ibanera => {
            let api = connected(&clients.ibanera)?;
            api.send(engine, method.clone(), url.clone()).await
        }
    }
}

/// `api --paginate`: how the provider says where the next page is.
pub(super) fn paging(p: ProviderId) -> super::api::Paging {
    match p {
        ProviderId::Boca => boca::PAGING,
        ProviderId::Noah => noah::PAGING,
        ProviderId::Ibanera => ibanera::PAGING,
        ProviderId::P100 => p100::PAGING,
    }
}

/// `doctor`: what a run will need of the provider's secrets beyond their
/// presence (a key that parses, a secret that decodes); `None`: nothing more.
pub(super) fn usable(ctx: &Context, p: ProviderId) -> Option<(Status, String)> {
    match p {
        ProviderId::Noah => noah::usable(ctx),
        ProviderId::Ibanera => ibanera::usable(ctx),
        ProviderId::Boca | ProviderId::P100 => None,
    }
}

/// `--sandbox`: the built-in sandbox's emulator of a provider.
impl From<ProviderId> for Api {
    fn from(p: ProviderId) -> Self {
        match p {
            ProviderId::Boca => Api::Boca,
            ProviderId::Noah => Api::Noah,
            ProviderId::P100 => Api::P100,
            ProviderId::Ibanera => Api::Ibanera,
        }
    }
}

/// `--sandbox`: the emulator's demo value of a provider's credential
/// (`None`: the provider has no such credential).
pub fn demo_credential(p: ProviderId, c: Credential) -> Option<&'static str> {
    match p {
        ProviderId::Boca => boca::demo_credential(c),
        ProviderId::Noah => noah::demo_credential(c),
        ProviderId::P100 => p100::demo_credential(c),
        ProviderId::Ibanera => ibanera::demo_credential(c),
    }
}

/// `--sandbox`: the users its demo profile lists for a provider with users.
pub fn demo_users(p: ProviderId) -> &'static [&'static str] {
    match p {
        ProviderId::Boca => boca::DEMO_USERS,
        ProviderId::P100 => p100::DEMO_USERS,
        ProviderId::Noah | ProviderId::Ibanera => &[],
    }
}

/// `--sandbox`: how a state file names a provider's base URL (a new port
/// every run): the sandbox's name for the provider.
pub fn demo_listing_base(p: ProviderId) -> String {
    format!("sandbox:{}", Api::from(p).prefix())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::demo;

    #[test]
    fn the_sandbox_config_snippet_is_a_valid_config_with_every_provider() {
        let addr: std::net::SocketAddr = "127.0.0.1:7878".parse().unwrap();
        let file = crate::config::parse(&crate::sandbox::config_snippet(addr)).unwrap();
        let profile = &file.profiles["sandbox"];
        for p in ProviderId::ALL {
            assert_eq!(
                profile.base_url(p),
                Some(crate::sandbox::base_url(addr, p.into()).as_str())
            );
            for f in p.credential_fields() {
                assert_eq!(
                    profile
                        .credential(p, f.credential)
                        .map(|s| s.expose().trim()),
                    demo_credential(p, f.credential).map(str::trim),
                    "{p:?} {}",
                    f.name()
                );
            }
        }
    }

    #[test]
    fn the_sandbox_totp_secret_decodes_to_its_key_and_code() {
        let key = crate::auth::totp::decode_base32(demo::IBANERA_TOTP_SECRET).unwrap();
        assert_eq!(key.expose(), demo::IBANERA_TOTP_KEY);
        // The sandbox asserts the same code with its own implementation.
        assert_eq!(
            crate::auth::totp::code(key.expose(), 1_773_403_200),
            "202991"
        );
    }
}
