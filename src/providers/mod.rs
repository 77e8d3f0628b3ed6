//! One module per provider, each behind the engine's [`Protocol`] trait (auth
//! and error envelope) and the paginator's [`Pager`] trait (one page of
//! balances or transactions). Providers map their JSON to the unified model
//! and know nothing of clap or of output formats.
//!
//! [`Protocol`]: crate::http::Protocol
//! [`Pager`]: crate::http::paginate::Pager

pub mod boca;
pub mod ibanera;
pub mod noah;
pub mod p100;
pub mod wire;

/// The providers `balances` speaks, with what the rest of the tool needs to
/// know about each: credential fields, environment prefix, production URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum ProviderId {
    Boca,
    Noah,
    P100,
    Ibanera,
}

/// A credential field and whether its value is a secret (never shown).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub secret: bool,
}

const fn secret(name: &'static str) -> Field {
    Field { name, secret: true }
}

impl ProviderId {
    pub const ALL: [ProviderId; 4] = [
        ProviderId::Boca,
        ProviderId::Noah,
        ProviderId::P100,
        ProviderId::Ibanera,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ProviderId::Boca => "boca",
            ProviderId::Noah => "noah",
            ProviderId::P100 => "p100",
            ProviderId::Ibanera => "ibanera",
        }
    }

    pub fn from_name(name: &str) -> Option<ProviderId> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Credential fields, as named in the config file, the environment
    /// (`BALANCES_<PROVIDER>_<FIELD>`) and the keyring (`<profile>/<provider>/<field>`).
    pub fn credential_fields(self) -> &'static [Field] {
        const BOCA: &[Field] = &[secret("api_key"), secret("api_secret")];
        const NOAH: &[Field] = &[secret("api_key"), secret("signing_key")];
        const P100: &[Field] = &[secret("api_key")];
        const IBANERA: &[Field] = &[
            Field {
                name: "username",
                secret: false,
            },
            secret("password"),
            secret("totp_secret"),
        ];
        match self {
            ProviderId::Boca => BOCA,
            ProviderId::Noah => NOAH,
            ProviderId::P100 => P100,
            ProviderId::Ibanera => IBANERA,
        }
    }

    pub fn field(self, name: &str) -> Option<Field> {
        self.credential_fields()
            .iter()
            .copied()
            .find(|f| f.name == name)
    }

    pub fn production_url(self) -> &'static str {
        match self {
            ProviderId::Boca => "https://partner-api.bocaraton.com",
            ProviderId::Noah => "https://api.noah.com/v1",
            ProviderId::P100 => "https://partner-api.p100.io",
            ProviderId::Ibanera => "https://public-api.ibanera.com",
        }
    }

    /// The path prefix under which the embedded sandbox serves this provider.
    pub fn sandbox_prefix(self) -> &'static str {
        match self {
            ProviderId::Boca => "/boca",
            ProviderId::Noah => "/noah/v1",
            ProviderId::P100 => "/p100",
            ProviderId::Ibanera => "/ibanera",
        }
    }

    pub fn env_var(self, field: &str) -> String {
        format!(
            "BALANCES_{}_{}",
            self.name().to_ascii_uppercase(),
            field.to_ascii_uppercase()
        )
    }
}
