//! The providers' clients, each connected as its own subcommand connects
//! it, once for a run that talks to several (`summary`, `sync`): a
//! provider that cannot connect (a missing credential) fails each of its
//! lookups and the others go on.

use super::Context;
use crate::error::{Error, Result};
use crate::providers::ProviderId;
use crate::providers::{boca::Boca, ibanera::Ibanera, noah::Noah, p100::P100};

pub(super) struct Clients<'a> {
    boca: Option<Result<Boca>>,
    p100: Option<Result<P100>>,
    noah: Option<Result<Noah>>,
    ibanera: Option<Result<Ibanera<'a>>>,
}

impl<'a> Clients<'a> {
    /// The clients of the providers `wants` names; `otp`: Ibanera's code typed by hand.
    pub(super) fn connect(
        ctx: &'a Context,
        wants: impl Fn(ProviderId) -> bool,
        otp: Option<String>,
    ) -> Self {
        Clients {
            boca: wants(ProviderId::Boca).then(|| super::boca::connect(ctx)),
            p100: wants(ProviderId::P100).then(|| super::p100::connect(ctx)),
            noah: wants(ProviderId::Noah).then(|| super::noah::connect(ctx)),
            ibanera: wants(ProviderId::Ibanera).then(|| super::ibanera::connect(ctx, otp)),
        }
    }

    pub(super) fn boca(&self) -> Result<&Boca> {
        connected(&self.boca)
    }
    pub(super) fn p100(&self) -> Result<&P100> {
        connected(&self.p100)
    }
    pub(super) fn noah(&self) -> Result<&Noah> {
        connected(&self.noah)
    }
    pub(super) fn ibanera(&self) -> Result<&Ibanera<'a>> {
        connected(&self.ibanera)
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
