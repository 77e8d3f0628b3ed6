//! What `--sandbox` supplies for each provider: its emulator in the
//! built-in sandbox and that emulator's demo credentials. App glue: the
//! providers know nothing of the sandbox, nor the sandbox of them.

use crate::providers::{Credential, ProviderId};
use crate::sandbox::{Api, demo};

/// The embedded sandbox's emulator of a provider.
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

/// The sandbox's demo value of a provider's credential (`None`: the
/// provider has no such credential).
pub fn credential(p: ProviderId, c: Credential) -> Option<&'static str> {
    use Credential::*;
    match (p, c) {
        (ProviderId::Boca, ApiKey) => Some(demo::BOCA_API_KEY),
        (ProviderId::Boca, ApiSecret) => Some(demo::BOCA_API_SECRET),
        (ProviderId::Noah, ApiKey) => Some(demo::NOAH_API_KEY),
        (ProviderId::Noah, SigningKey) => Some(demo::NOAH_ES384_PRIVATE),
        (ProviderId::P100, ApiKey) => Some(demo::P100_API_KEY),
        (ProviderId::Ibanera, Username) => Some(demo::IBANERA_USERNAME),
        (ProviderId::Ibanera, Password) => Some(demo::IBANERA_PASSWORD),
        (ProviderId::Ibanera, TotpSecret) => Some(demo::IBANERA_TOTP_SECRET),
        (ProviderId::Boca, SigningKey | Username | Password | TotpSecret)
        | (ProviderId::Noah, ApiSecret | Username | Password | TotpSecret)
        | (ProviderId::P100, ApiSecret | SigningKey | Username | Password | TotpSecret)
        | (ProviderId::Ibanera, ApiKey | ApiSecret | SigningKey) => None,
    }
}

/// The users the sandbox's demo profile lists for a provider with users.
pub fn users(p: ProviderId) -> &'static [&'static str] {
    match p {
        ProviderId::Boca => &[demo::BOCA_USER, demo::BOCA_LIVING_USER],
        ProviderId::P100 => &[demo::P100_USER],
        ProviderId::Noah | ProviderId::Ibanera => &[],
    }
}

/// How a state file names a provider's base URL under `--sandbox` (a new
/// port every run): the sandbox's name for the provider.
pub fn listing_base(p: ProviderId) -> String {
    format!("sandbox:{}", Api::from(p).prefix())
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
                    profile
                        .credential(p, f.credential)
                        .map(|s| s.expose().trim()),
                    credential(p, f.credential).map(str::trim),
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
