//! The TOML config file: profiles of per-provider settings.
//!
//! Unknown keys are errors that name the key, the line and the file
//! (`deny_unknown_fields`): a typo such as `api_secert` must not silently
//! leave a credential unset.

pub mod credentials;

use crate::error::{Error, Result};
use crate::keyring::Backend;
use crate::output::Format;
use crate::providers::{Credential, ProviderId};
use crate::secret::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub defaults: Defaults,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub profile: Option<String>,
    pub output: Option<Format>,
    pub keyring: Option<Backend>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub boca: Option<BocaSection>,
    pub noah: Option<NoahSection>,
    pub p100: Option<P100Section>,
    pub ibanera: Option<IbaneraSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BocaSection {
    pub base_url: Option<String>,
    pub api_key: Option<Secret>,
    pub api_secret: Option<Secret>,
    pub users: Option<Vec<String>>,
    /// Minimum balances per currency (`min = { CAD = "1000.00" }`): exit 10 below them.
    pub min: Option<BTreeMap<String, MinEntry>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoahSection {
    pub base_url: Option<String>,
    pub api_key: Option<Secret>,
    pub signing_key: Option<Secret>,
    pub signing_key_file: Option<PathBuf>,
    /// Minimum balances per currency (`min = { CAD = "1000.00" }`): exit 10 below them.
    pub min: Option<BTreeMap<String, MinEntry>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct P100Section {
    pub base_url: Option<String>,
    pub api_key: Option<Secret>,
    pub users: Option<Vec<String>>,
    /// Minimum balances per currency (`min = { CAD = "1000.00" }`): exit 10 below them.
    pub min: Option<BTreeMap<String, MinEntry>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IbaneraSection {
    pub base_url: Option<String>,
    pub username: Option<Secret>,
    pub password: Option<Secret>,
    pub totp_secret: Option<Secret>,
    /// Minimum balances per currency (`min = { CAD = "1000.00" }`): exit 10 below them.
    pub min: Option<BTreeMap<String, MinEntry>>,
}

/// One entry of a `min` table: a currency's minimum, or (keyed by a user
/// id, for providers with users) that user's own minimums, which win over
/// the provider's: `min = { CAD = "1000.00", "user-7" = { CAD = "50000.00" } }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum MinEntry {
    Amount(String),
    User(BTreeMap<String, String>),
}

impl Profile {
    /// Whether the profile has a section for this provider (used by `summary`).
    pub fn has(&self, p: ProviderId) -> bool {
        match p {
            ProviderId::Boca => self.boca.is_some(),
            ProviderId::Noah => self.noah.is_some(),
            ProviderId::P100 => self.p100.is_some(),
            ProviderId::Ibanera => self.ibanera.is_some(),
        }
    }

    pub fn base_url(&self, p: ProviderId) -> Option<&str> {
        match p {
            ProviderId::Boca => self.boca.as_ref()?.base_url.as_deref(),
            ProviderId::Noah => self.noah.as_ref()?.base_url.as_deref(),
            ProviderId::P100 => self.p100.as_ref()?.base_url.as_deref(),
            ProviderId::Ibanera => self.ibanera.as_ref()?.base_url.as_deref(),
        }
    }

    pub fn users(&self, p: ProviderId) -> &[String] {
        let users = match p {
            ProviderId::Boca => self.boca.as_ref().and_then(|s| s.users.as_ref()),
            ProviderId::P100 => self.p100.as_ref().and_then(|s| s.users.as_ref()),
            ProviderId::Noah | ProviderId::Ibanera => None,
        };
        users.map_or(&[], Vec::as_slice)
    }

    /// The `min` table of a provider's section.
    pub fn minimums(&self, p: ProviderId) -> Vec<(String, MinEntry)> {
        let min = match p {
            ProviderId::Boca => self.boca.as_ref().and_then(|s| s.min.as_ref()),
            ProviderId::Noah => self.noah.as_ref().and_then(|s| s.min.as_ref()),
            ProviderId::P100 => self.p100.as_ref().and_then(|s| s.min.as_ref()),
            ProviderId::Ibanera => self.ibanera.as_ref().and_then(|s| s.min.as_ref()),
        };
        min.map(|m| m.iter().map(|(c, a)| (c.clone(), a.clone())).collect())
            .unwrap_or_default()
    }

    /// A credential's value as written in the file (`None` too for a
    /// credential the provider does not take: its section has no such key).
    pub fn credential(&self, p: ProviderId, c: Credential) -> Option<&Secret> {
        use Credential::*;
        match p {
            ProviderId::Boca => {
                let s = self.boca.as_ref()?;
                match c {
                    ApiKey => s.api_key.as_ref(),
                    ApiSecret => s.api_secret.as_ref(),
                    SigningKey | Username | Password | TotpSecret => None,
                }
            }
            ProviderId::Noah => {
                let s = self.noah.as_ref()?;
                match c {
                    ApiKey => s.api_key.as_ref(),
                    SigningKey => s.signing_key.as_ref(),
                    ApiSecret | Username | Password | TotpSecret => None,
                }
            }
            ProviderId::P100 => match c {
                ApiKey => self.p100.as_ref()?.api_key.as_ref(),
                ApiSecret | SigningKey | Username | Password | TotpSecret => None,
            },
            ProviderId::Ibanera => {
                let s = self.ibanera.as_ref()?;
                match c {
                    Username => s.username.as_ref(),
                    Password => s.password.as_ref(),
                    TotpSecret => s.totp_secret.as_ref(),
                    ApiKey | ApiSecret | SigningKey => None,
                }
            }
        }
    }

    /// The file a credential is read from, as the section names it (NOAH's
    /// `signing_key_file`); `None` for a credential that has no such file.
    pub fn key_file(&self, p: ProviderId, c: Credential) -> Option<&Path> {
        use Credential::*;
        match p {
            ProviderId::Noah => match c {
                SigningKey => self.noah.as_ref()?.signing_key_file.as_deref(),
                ApiKey | ApiSecret | Username | Password | TotpSecret => None,
            },
            ProviderId::Boca | ProviderId::P100 | ProviderId::Ibanera => None,
        }
    }

    fn holds_secret(&self) -> bool {
        ProviderId::ALL.iter().any(|&p| {
            p.credential_fields()
                .iter()
                .any(|f| f.secret && self.credential(p, f.credential).is_some())
        })
    }
}

/// The config file as loaded, with where it came from.
#[derive(Debug, Default)]
pub struct Loaded {
    pub path: PathBuf,
    pub exists: bool,
    pub file: ConfigFile,
}

/// `<config dir>/balances/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("balances").join("config.toml"))
}

/// Load the file. A missing file is an empty config unless the path was
/// given explicitly (`--config`, `BALANCES_CONFIG`), where it is an error.
pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) => p,
            None => return Ok(Loaded::default()),
        },
    };
    let text = match crate::local::read_file(&path, crate::local::SMALL_FILE, "config file")? {
        Some(t) => t,
        None if explicit.is_none() => {
            return Ok(Loaded {
                path,
                exists: false,
                file: ConfigFile::default(),
            });
        }
        None => {
            return Err(Error::config(format!(
                "cannot read config file {}: it does not exist",
                path.display()
            )));
        }
    };
    let file = parse(&text)
        .map_err(|e| Error::config(format!("in config file {}: {e}", path.display())))?;
    if file.profiles.values().any(Profile::holds_secret) {
        crate::local::warn_if_readable_by_others(&path, "config file");
    }
    Ok(Loaded {
        path,
        exists: true,
        file,
    })
}

/// Parse config text. Errors say where (line, column) and what, but never
/// quote the source line: it may hold a secret.
pub fn parse(text: &str) -> std::result::Result<ConfigFile, SyntaxError> {
    toml::from_str::<ConfigFile>(text).map_err(|e| {
        let at = e.span().map_or(String::new(), |span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: ")
        });
        let message = e.message().trim_end();
        // "invalid type: string `…`" quotes the value, which may be a secret.
        let message = if message.starts_with("invalid type") || message.starts_with("invalid value")
        {
            redact_backticks(message)
        } else {
            message.to_owned()
        };
        SyntaxError(format!("{at}{message}"))
    })
}

/// A config file that does not parse: where, and what, never the line itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SyntaxError(String);

impl SyntaxError {
    pub fn contains(&self, s: &str) -> bool {
        self.0.contains(s)
    }
}

fn redact_backticks(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("`***`");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// The template written by `balances config init`, also shipped as `config.example.toml`.
pub const TEMPLATE: &str = include_str!("../../config.example.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses() {
        let f = parse(TEMPLATE).unwrap();
        assert!(f.profiles.contains_key("default"));
    }

    #[test]
    fn every_credential_field_is_read_from_the_file() {
        for p in ProviderId::ALL {
            let mut text = format!("[profiles.default.{}]\n", p.name());
            for f in p.credential_fields() {
                text.push_str(&format!("{} = \"v-{}\"\n", f.name(), f.name()));
            }
            let file = parse(&text).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            let profile = &file.profiles["default"];
            assert!(profile.has(p));
            for f in p.credential_fields() {
                assert_eq!(
                    profile.credential(p, f.credential).map(Secret::expose),
                    Some(format!("v-{}", f.name()).as_str()),
                    "{p:?} {}",
                    f.name()
                );
            }
        }
    }

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        let text = "[profiles.default.boca]\napi_key = \"k\"\napi_secert = \"s\"\n";
        let e = parse(text).unwrap_err();
        assert!(e.contains("api_secert"), "{e}");
        assert!(e.contains("line 3"), "{e}");
        let e = parse("[defaults]\nprofil = \"x\"\n").unwrap_err();
        assert!(e.contains("profil") && e.contains("line 2"), "{e}");
        let e = parse("[profiles.default.bocca]\n").unwrap_err();
        assert!(e.contains("bocca"), "{e}");
    }

    #[test]
    fn errors_never_quote_values() {
        let e = parse("[profiles.default.boca]\napi_secret = 12345678\n").unwrap_err();
        assert!(e.contains("line 2") && !e.contains("12345678"), "{e}");
        let e = parse(
            "[profiles.default.boca]\napi_key = \"canary-value\"\napi_secert = \"canary-2\"\n",
        )
        .unwrap_err();
        assert!(!e.contains("canary"), "{e}");
    }
}
