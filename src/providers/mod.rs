//! One module per provider, each behind the engine's [`Protocol`] trait (auth
//! and error envelope) and the paginator's [`Pager`] trait (one page of
//! balances or transactions). Providers map their JSON to the unified model
//! and know nothing of output formats or of the command line, except that
//! [`ProviderId`] and `noah::Sort` derive clap's `ValueEnum` so that flags
//! can name them.
//!
//! [`Protocol`]: crate::http::Protocol
//! [`Pager`]: crate::listing::paginate::Pager

pub mod boca;
pub mod ibanera;
pub mod noah;
pub mod p100;

/// The providers `balances` speaks, with what the rest of the tool needs to
/// know about each: credential fields, environment prefix, production URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum ProviderId {
    Boca,
    Noah,
    P100,
    Ibanera,
}

/// The one uniform operation of the providers whose balances are looked up
/// per user, all in one response (Boca, P100): what `--users-file`,
/// `summary` and `get-balances` share.
pub trait UserBalances {
    fn user_balances(
        &self,
        engine: &crate::http::Engine,
        user: &str,
    ) -> impl std::future::Future<
        Output = crate::error::Result<crate::listing::paginate::Page<crate::model::Balance>>,
    >;
}

impl UserBalances for boca::Boca {
    async fn user_balances(
        &self,
        engine: &crate::http::Engine,
        user: &str,
    ) -> crate::error::Result<crate::listing::paginate::Page<crate::model::Balance>> {
        self.balances(engine, user).await
    }
}

impl UserBalances for p100::P100 {
    async fn user_balances(
        &self,
        engine: &crate::http::Engine,
        user: &str,
    ) -> crate::error::Result<crate::listing::paginate::Page<crate::model::Balance>> {
        self.balances(engine, user).await
    }
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

    /// Whether a lookup is about one of the partner's users (Boca, P100),
    /// listed in the profile's `users`, rather than the account itself.
    pub fn has_users(self) -> bool {
        matches!(self, ProviderId::Boca | ProviderId::P100)
    }

    /// The plain (not secret) settings of the provider's config section that
    /// `config set` takes; `min` is a table, edited in the file.
    pub fn plain_settings(self) -> &'static [&'static str] {
        match self {
            ProviderId::Boca | ProviderId::P100 => &["base_url", "users"],
            ProviderId::Noah => &["base_url", "signing_key_file"],
            ProviderId::Ibanera => &["base_url", "username"],
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

    /// The embedded sandbox's emulator of this provider.
    pub fn sandbox_api(self) -> crate::sandbox::Api {
        use crate::sandbox::Api;
        match self {
            ProviderId::Boca => Api::Boca,
            ProviderId::Noah => Api::Noah,
            ProviderId::P100 => Api::P100,
            ProviderId::Ibanera => Api::Ibanera,
        }
    }

    /// The sandbox's demo value of a credential field, for `--sandbox`.
    pub fn demo_credential(self, field: &str) -> Option<&'static str> {
        use crate::sandbox::demo;
        match self {
            ProviderId::Boca => match field {
                "api_key" => Some(demo::BOCA_API_KEY),
                "api_secret" => Some(demo::BOCA_API_SECRET),
                _ => None,
            },
            ProviderId::Noah => match field {
                "api_key" => Some(demo::NOAH_API_KEY),
                "signing_key" => Some(demo::NOAH_ES384_PRIVATE),
                _ => None,
            },
            ProviderId::P100 => match field {
                "api_key" => Some(demo::P100_API_KEY),
                _ => None,
            },
            ProviderId::Ibanera => match field {
                "username" => Some(demo::IBANERA_USERNAME),
                "password" => Some(demo::IBANERA_PASSWORD),
                "totp_secret" => Some(demo::IBANERA_TOTP_SECRET),
                _ => None,
            },
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

impl From<ProviderId> for crate::sandbox::Api {
    fn from(p: ProviderId) -> Self {
        p.sandbox_api()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                    profile.credential(p, f.name).map(|s| s.expose().trim()),
                    p.demo_credential(f.name).map(str::trim),
                    "{p:?} {}",
                    f.name
                );
            }
        }
    }

    #[test]
    fn the_sandbox_totp_secret_decodes_to_its_key_and_code() {
        use crate::sandbox::demo;
        let key = crate::auth::totp::decode_base32(demo::IBANERA_TOTP_SECRET).unwrap();
        assert_eq!(key.expose(), demo::IBANERA_TOTP_KEY);
        // The sandbox asserts the same code with its own implementation.
        assert_eq!(
            crate::auth::totp::code(key.expose(), 1_773_403_200),
            "202991"
        );
    }
}
