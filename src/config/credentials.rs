//! Where a credential comes from, first found wins:
//! environment `BALANCES_<PROVIDER>_<FIELD>` → config file → OS keyring.
//! The source is recorded so `auth status` can say where each one comes from
//! without ever printing it.

use super::Profile;
use crate::error::{Error, Result};
use crate::keyring::{self, SecretStore, StoreError};
use crate::providers::{Credential, ProviderId};
use crate::secret::Secret;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    Env(String),
    Config(PathBuf),
    Keyring,
    /// NOAH's `signing_key_file`: the PEM is read from this file.
    KeyFile(PathBuf),
    /// `--sandbox`: the sandbox's published demo credentials.
    Sandbox,
}

impl std::fmt::Display for CredentialSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CredentialSource::Env(var) => write!(f, "environment ({var})"),
            CredentialSource::Config(path) => write!(f, "config file ({})", path.display()),
            CredentialSource::Keyring => f.write_str("keyring"),
            CredentialSource::KeyFile(path) => write!(f, "signing_key_file ({})", path.display()),
            CredentialSource::Sandbox => f.write_str("sandbox demo credentials"),
        }
    }
}

/// The outcome of looking a credential up.
pub enum Lookup {
    Found(Secret, CredentialSource),
    /// Not set anywhere; `keyring` says why the keyring had nothing, if it failed.
    Missing {
        keyring: Option<StoreError>,
    },
    /// Named, but not readable (a key file that is missing or too large).
    Unreadable(Error),
}

pub struct Resolver<'a> {
    pub profile_name: String,
    pub profile: Option<&'a Profile>,
    pub config_path: &'a Path,
    pub store: &'a dyn SecretStore,
    /// `--sandbox`: the sandbox's demo credentials, then the only source.
    pub demo: Option<fn(ProviderId, Credential) -> Option<&'static str>>,
    /// How the environment is read: `std::env::var_os`, or a fixed map in
    /// tests (which must not change the process's environment while others run).
    pub env: fn(&str) -> Option<std::ffi::OsString>,
}

impl Resolver<'_> {
    pub fn lookup(&self, p: ProviderId, credential: Credential) -> Lookup {
        if let Some(demo) = self.demo {
            return match demo(p, credential) {
                Some(v) => Lookup::Found(Secret::new(v), CredentialSource::Sandbox),
                None => Lookup::Missing { keyring: None },
            };
        }
        let field = credential.name();
        let var = p.env_var(field);
        if let Some(v) = (self.env)(&var) {
            let v = v.to_string_lossy().into_owned();
            if !v.is_empty() {
                return Lookup::Found(Secret::new(v), CredentialSource::Env(var));
            }
        }
        if let Some(v) = self.profile.and_then(|prof| prof.credential(p, credential)) {
            return Lookup::Found(
                v.clone(),
                CredentialSource::Config(self.config_path.to_path_buf()),
            );
        }
        if let Some(file) = self.key_file(p, credential) {
            return read_key_file(&file);
        }
        let account = keyring::account(&self.profile_name, p.name(), field);
        match self.store.get(&account) {
            Ok(Some(v)) => Lookup::Found(v, CredentialSource::Keyring),
            Ok(None) => Lookup::Missing { keyring: None },
            Err(e) => Lookup::Missing { keyring: Some(e) },
        }
    }

    /// The file a field is read from, if the profile names one (NOAH's
    /// `signing_key_file`, `~` expanded): it comes after the config's own
    /// value and before the keyring.
    fn key_file(&self, p: ProviderId, credential: Credential) -> Option<PathBuf> {
        Some(expand_home(self.profile?.key_file(p, credential)?))
    }

    /// A credential that may be absent (`None`); one named but unreadable is an error.
    pub fn optional(
        &self,
        p: ProviderId,
        credential: Credential,
    ) -> Result<Option<(Secret, CredentialSource)>> {
        match self.lookup(p, credential) {
            Lookup::Found(v, source) => Ok(Some((v, source))),
            Lookup::Missing { .. } => Ok(None),
            Lookup::Unreadable(e) => Err(e),
        }
    }

    /// A credential that must be there; if not, exit 78 naming all three ways to set it.
    pub fn require(&self, p: ProviderId, credential: Credential) -> Result<Secret> {
        match self.lookup(p, credential) {
            Lookup::Found(v, _) => Ok(v),
            Lookup::Missing { keyring } => Err(self.missing(p, credential.name(), keyring)),
            Lookup::Unreadable(e) => Err(e),
        }
    }

    fn missing(&self, p: ProviderId, field: &str, keyring: Option<StoreError>) -> Error {
        let mut msg = format!(
            "missing {field} for profile {profile:?}: set {var}, or add `{field} = \"...\"` under \
             [profiles.{profile}.{provider}] in {path}, or run `balances auth set {provider} {field}`",
            provider = p.name(),
            profile = self.profile_name,
            var = p.env_var(field),
            path = self.config_path.display(),
        );
        if let Some(e) = keyring {
            msg.push_str(&format!(
                " ({e}; the environment or the config file work without one)"
            ));
        }
        Error::config(msg)
    }
}

/// `~/x` → `$HOME/x`.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), dirs::home_dir()) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path.to_path_buf(),
    }
}

/// A key file's text: capped, with the permission warning secrets get.
fn read_key_file(path: &Path) -> Lookup {
    let what = "NOAH signing key file";
    match crate::local::read_file(path, crate::local::SMALL_FILE, what) {
        Ok(Some(text)) => {
            crate::local::warn_if_readable_by_others(path, what);
            Lookup::Found(
                Secret::new(text.as_str()),
                CredentialSource::KeyFile(path.to_path_buf()),
            )
        }
        Ok(None) => Lookup::Unreadable(Error::config(format!(
            "cannot read the {what} {}: it does not exist",
            path.display()
        ))),
        Err(e) => Lookup::Unreadable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyring::{MemoryStore, NoStore};

    fn profile(text: &str) -> Profile {
        let mut f = crate::config::parse(text).unwrap();
        f.profiles.remove("default").unwrap()
    }

    #[test]
    fn env_beats_file_beats_keyring() {
        // Each test uses its own field name so parallel tests don't share env vars.
        let prof = profile(
            "[profiles.default.ibanera]\npassword = \"from-file\"\ntotp_secret = \"file-totp\"\n",
        );
        let store = MemoryStore::default();
        store
            .set("default/ibanera/password", &Secret::new("from-keyring"))
            .unwrap();
        store
            .set("default/ibanera/username", &Secret::new("kr-user"))
            .unwrap();
        let path = PathBuf::from("/tmp/c.toml");
        let r = Resolver {
            profile_name: "default".into(),
            profile: Some(&prof),
            config_path: &path,
            store: &store,
            demo: None,
            env: |var| (var == "BALANCES_IBANERA_TOTP_SECRET").then(|| "from-env".into()),
        };
        // file beats keyring
        match r.lookup(ProviderId::Ibanera, Credential::Password) {
            Lookup::Found(v, CredentialSource::Config(_)) => assert_eq!(v.expose(), "from-file"),
            _ => panic!("expected the config file"),
        }
        // keyring when nothing else
        match r.lookup(ProviderId::Ibanera, Credential::Username) {
            Lookup::Found(v, CredentialSource::Keyring) => assert_eq!(v.expose(), "kr-user"),
            _ => panic!("expected the keyring"),
        }
        // env beats file
        match r.lookup(ProviderId::Ibanera, Credential::TotpSecret) {
            Lookup::Found(v, CredentialSource::Env(var)) => {
                assert_eq!(v.expose(), "from-env");
                assert_eq!(var, "BALANCES_IBANERA_TOTP_SECRET");
            }
            _ => panic!("expected the environment"),
        }
    }

    #[test]
    fn missing_names_all_three_ways_and_exits_78() {
        let path = PathBuf::from("/etc/b.toml");
        let store = NoStore("no D-Bus session bus".into());
        let r = Resolver {
            profile_name: "prod".into(),
            profile: None,
            config_path: &path,
            store: &store,
            demo: None,
            env: |_| None,
        };
        let e = r.require(ProviderId::P100, Credential::ApiKey).unwrap_err();
        assert_eq!(e.exit_code(), 78);
        for needle in [
            "BALANCES_P100_API_KEY",
            "[profiles.prod.p100]",
            "/etc/b.toml",
            "balances auth set p100 api_key",
            "no D-Bus session bus",
        ] {
            assert!(e.message.contains(needle), "{needle} not in {}", e.message);
        }
    }
}
