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

/// A credential a provider is given, named as in the config file, the
/// environment (`BALANCES_<PROVIDER>_<NAME>`) and the keyring
/// (`<profile>/<provider>/<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Credential {
    ApiKey,
    ApiSecret,
    SigningKey,
    Username,
    Password,
    TotpSecret,
}

impl Credential {
    pub fn name(self) -> &'static str {
        match self {
            Credential::ApiKey => "api_key",
            Credential::ApiSecret => "api_secret",
            Credential::SigningKey => "signing_key",
            Credential::Username => "username",
            Credential::Password => "password",
            Credential::TotpSecret => "totp_secret",
        }
    }
}

/// A provider's credential: whether its value is a secret (never shown) and
/// whether the provider works without it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub credential: Credential,
    pub secret: bool,
    /// NOAH without a signing key sends unsigned requests (a key registered
    /// without a public key); Ibanera without the TOTP secret takes `--otp`.
    pub optional: bool,
}

impl Field {
    pub fn name(&self) -> &'static str {
        self.credential.name()
    }
}

const fn secret(credential: Credential) -> Field {
    Field {
        credential,
        secret: true,
        optional: false,
    }
}

const fn optional_secret(credential: Credential) -> Field {
    Field {
        credential,
        secret: true,
        optional: true,
    }
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
        use Credential::*;
        const BOCA: &[Field] = &[secret(ApiKey), secret(ApiSecret)];
        const NOAH: &[Field] = &[secret(ApiKey), optional_secret(SigningKey)];
        const P100: &[Field] = &[secret(ApiKey)];
        const IBANERA: &[Field] = &[
            Field {
                credential: Username,
                secret: false,
                optional: false,
            },
            secret(Password),
            optional_secret(TotpSecret),
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
        match self {
            ProviderId::Boca | ProviderId::P100 => true,
            ProviderId::Noah | ProviderId::Ibanera => false,
        }
    }

    /// Whether a run may be handed a one-time code typed by hand (`--otp`):
    /// the provider logs in with a TOTP secret.
    pub fn takes_otp(self) -> bool {
        self.credential_fields()
            .iter()
            .any(|f| f.credential == Credential::TotpSecret)
    }

    /// The provider of that name, as stored in a ledger or a state file.
    pub fn from_name(name: &str) -> Option<ProviderId> {
        ProviderId::ALL.into_iter().find(|p| p.name() == name)
    }

    /// How the provider spells a transaction's time.
    pub fn timestamp_form(self) -> crate::clock::Form {
        match self {
            ProviderId::Boca | ProviderId::Noah | ProviderId::P100 => crate::clock::Form::Rfc3339,
            ProviderId::Ibanera => crate::clock::Form::Iso8601Utc,
        }
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

    /// The provider's credential of that name (as a user types it).
    pub fn field(self, name: &str) -> Option<Field> {
        self.credential_fields()
            .iter()
            .copied()
            .find(|f| f.name() == name)
    }

    pub fn production_url(self) -> &'static str {
        match self {
            ProviderId::Boca => "https://partner-api.bocaraton.com",
            ProviderId::Noah => "https://api.noah.com/v1",
            ProviderId::P100 => "https://partner-api.p100.io",
            ProviderId::Ibanera => "https://public-api.ibanera.com",
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` is written by hand; clap derives its list from the enum. A
    /// variant left out of `ALL` would be left out of `summary`, `doctor`,
    /// `config` and every stored name, silently: this holds the two together,
    /// and each name to the spelling clap accepts on the command line.
    #[test]
    fn all_is_every_provider_and_each_name_is_its_command_line_spelling() {
        use clap::ValueEnum;
        assert_eq!(ProviderId::ALL.as_slice(), ProviderId::value_variants());
        for p in ProviderId::ALL {
            let value = p.to_possible_value().expect("a provider can be named");
            assert_eq!(value.get_name(), p.name());
            assert_eq!(ProviderId::from_name(p.name()), Some(p));
        }
    }
}
