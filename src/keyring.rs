//! The OS keyring, behind a small trait so the rest of the tool (and its
//! tests) never touch a platform store directly.
//!
//! Built on `keyring-core` and one store crate per platform rather than the
//! `keyring` umbrella crate: the umbrella's v1 store cannot be chosen at run
//! time (no keyutils), mocked, or bounded, and its setup can block forever
//! when something holds the Secret Service bus name without answering.
//! Every call here runs on a detached thread and is abandoned after 3 s, so a
//! cron job never hangs on a keyring.

use crate::secret::Secret;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

pub const SERVICE: &str = "balances";
const CALL_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Backend {
    /// The platform's usual store: Secret Service on Linux, Keychain on macOS,
    /// Credential Manager on Windows.
    Auto,
    SecretService,
    Keyutils,
    /// Never touch a keyring.
    None,
}

impl Backend {
    pub fn parse(s: &str) -> Option<Backend> {
        match s {
            "auto" => Some(Backend::Auto),
            "secret-service" => Some(Backend::SecretService),
            "keyutils" => Some(Backend::Keyutils),
            "none" => Some(Backend::None),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No keyring here (disabled, no session bus, timed out): use env or file.
    Unavailable(String),
    /// The keyring answered with a failure.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "keyring unavailable: {why}"),
            StoreError::Failed(why) => write!(f, "keyring error: {why}"),
        }
    }
}

/// Where secrets are kept between runs.
pub trait SecretStore: Send + Sync {
    fn get(&self, account: &str) -> Result<Option<Secret>, StoreError>;
    fn set(&self, account: &str, value: &Secret) -> Result<(), StoreError>;
    /// `Ok(false)` when there was nothing to delete.
    fn delete(&self, account: &str) -> Result<bool, StoreError>;
    /// A short name for `auth status` and `doctor`.
    fn describe(&self) -> String;
}

/// `<profile>/<provider>/<field>`, the keyring account of a credential.
pub fn account(profile: &str, provider: &str, field: &str) -> String {
    format!("{profile}/{provider}/{field}")
}

/// A store that has nothing: `BALANCES_KEYRING=none`, and `--sandbox`.
pub struct NoStore(pub String);

impl SecretStore for NoStore {
    fn get(&self, _: &str) -> Result<Option<Secret>, StoreError> {
        Err(StoreError::Unavailable(self.0.clone()))
    }
    fn set(&self, _: &str, _: &Secret) -> Result<(), StoreError> {
        Err(StoreError::Unavailable(self.0.clone()))
    }
    fn delete(&self, _: &str) -> Result<bool, StoreError> {
        Err(StoreError::Unavailable(self.0.clone()))
    }
    fn describe(&self) -> String {
        format!("none ({})", self.0)
    }
}

/// The platform keyring through keyring-core, every call bounded.
pub struct OsKeyring {
    backend: Backend,
    store: std::sync::OnceLock<Result<Arc<keyring_core::CredentialStore>, StoreError>>,
    /// Set once a call went unanswered: later calls give up at once instead
    /// of waiting the full bound again.
    hung: std::sync::atomic::AtomicBool,
}

pub fn open(backend: Backend) -> Box<dyn SecretStore> {
    if backend == Backend::None {
        return Box::new(NoStore("disabled by BALANCES_KEYRING=none".into()));
    }
    if let Some(why) = unreachable_reason(backend) {
        return Box::new(NoStore(why));
    }
    Box::new(OsKeyring {
        backend,
        store: std::sync::OnceLock::new(),
        hung: std::sync::atomic::AtomicBool::new(false),
    })
}

/// Skip the keyring without trying when it cannot be there: the Secret
/// Service lives on the D-Bus session bus, absent under cron and in CI.
fn unreachable_reason(backend: Backend) -> Option<String> {
    if cfg!(target_os = "linux") && matches!(backend, Backend::Auto | Backend::SecretService) {
        let has_env = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
        let has_socket = std::env::var_os("XDG_RUNTIME_DIR")
            .map(|d| std::path::Path::new(&d).join("bus").exists())
            .unwrap_or(false);
        if !has_env && !has_socket {
            return Some("no D-Bus session bus (Secret Service unreachable)".into());
        }
    }
    if !cfg!(target_os = "linux") && matches!(backend, Backend::SecretService | Backend::Keyutils) {
        return Some(format!("{backend:?} exists only on Linux"));
    }
    None
}

fn platform_store(backend: Backend) -> Result<Arc<keyring_core::CredentialStore>, StoreError> {
    let fail = |e: keyring_core::Error| StoreError::Unavailable(describe_error(&e));
    #[cfg(target_os = "linux")]
    {
        match backend {
            Backend::Keyutils => Ok(linux_keyutils_keyring_store::Store::new().map_err(fail)?),
            _ => Ok(zbus_secret_service_keyring_store::Store::new().map_err(fail)?),
        }
    }
    #[cfg(target_os = "macos")]
    {
        let _ = backend;
        Ok(apple_native_keyring_store::keychain::Store::new().map_err(fail)?)
    }
    #[cfg(target_os = "windows")]
    {
        let _ = backend;
        Ok(windows_native_keyring_store::Store::new().map_err(fail)?)
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
    {
        let _ = (backend, fail);
        Err(StoreError::Unavailable(
            "no keyring on this platform".into(),
        ))
    }
}

/// Errors described without their payloads: `BadEncoding` carries the secret's bytes.
fn describe_error(e: &keyring_core::Error) -> String {
    use keyring_core::Error as E;
    match e {
        E::PlatformFailure(inner) => format!("platform failure: {inner}"),
        E::NoStorageAccess(inner) => format!("no access to the store: {inner}"),
        E::NoEntry => "no entry".into(),
        E::BadEncoding(_) => "stored value is not UTF-8".into(),
        E::BadDataFormat(_, _) => "stored value has an unexpected format".into(),
        E::TooLong(what, max) => format!("{what} is longer than {max}"),
        E::Invalid(what, why) => format!("invalid {what}: {why}"),
        E::NoDefaultStore => "no store".into(),
        _ => "unexpected keyring failure".into(),
    }
}

/// Which of several matching items was read, for `-v`: its label, if the store has one.
fn describe_entry(entry: &keyring_core::Entry) -> String {
    entry
        .get_attributes()
        .ok()
        .and_then(|a| a.get("label").cloned())
        .map_or_else(
            || "the first the keyring listed".to_owned(),
            |l| format!("the one labelled {l:?}"),
        )
}

enum Op {
    Get,
    Set(Secret),
    Delete,
}

enum OpResult {
    Value(Option<Secret>),
    Done(bool),
}

impl OsKeyring {
    fn run(&self, account: &str, op: Op) -> Result<OpResult, StoreError> {
        use std::sync::atomic::Ordering;
        let unanswered = || format!("no answer within {} s", CALL_TIMEOUT.as_secs());
        if self.hung.load(Ordering::SeqCst) {
            return Err(StoreError::Unavailable(format!(
                "{} earlier in this run",
                unanswered()
            )));
        }
        let backend = self.backend;
        let account = account.to_owned();
        let (tx, rx) = mpsc::channel();
        let cached = self.store.get().cloned();
        // Detached on purpose: a store that never answers must not keep the
        // process alive (joining it, or a tokio blocking task, would).
        std::thread::spawn(move || {
            let store = match cached {
                Some(s) => s,
                None => platform_store(backend),
            };
            let result = store.clone().and_then(|store| {
                let entry = store
                    .build(SERVICE, &account, None)
                    .map_err(|e| StoreError::Failed(describe_error(&e)))?;
                let failed = |e: keyring_core::Error| match e {
                    keyring_core::Error::NoStorageAccess(_)
                    | keyring_core::Error::PlatformFailure(_) => {
                        StoreError::Unavailable(describe_error(&e))
                    }
                    other => StoreError::Failed(describe_error(&other)),
                };
                // Several items can match one account (`secret-tool store`
                // and Python's keyring both made one): read the first, and
                // let `auth set` / `auth delete` replace or remove them all.
                use keyring_core::Error::{Ambiguous, NoEntry};
                let remove_all = |entries: Vec<keyring_core::Entry>| {
                    entries
                        .iter()
                        .try_for_each(|e| match e.delete_credential() {
                            Ok(()) | Err(NoEntry) => Ok(()),
                            Err(e) => Err(failed(e)),
                        })
                };
                match op {
                    Op::Get => match entry.get_password() {
                        Ok(v) => Ok(OpResult::Value(Some(Secret::new(v)))),
                        Err(NoEntry) => Ok(OpResult::Value(None)),
                        Err(Ambiguous(entries)) => {
                            let first = entries.first().ok_or_else(|| {
                                StoreError::Failed("an empty set of matching entries".into())
                            })?;
                            tracing::info!(
                                "keyring: {} entries match service={SERVICE} username={account}; using {}",
                                entries.len(),
                                describe_entry(first)
                            );
                            first
                                .get_password()
                                .map(|v| OpResult::Value(Some(Secret::new(v))))
                                .map_err(failed)
                        }
                        Err(e) => Err(failed(e)),
                    },
                    Op::Set(v) => match entry.set_password(v.expose()) {
                        Err(Ambiguous(entries)) => {
                            remove_all(entries)?;
                            entry
                                .set_password(v.expose())
                                .map(|_| OpResult::Done(true))
                                .map_err(failed)
                        }
                        other => other.map(|_| OpResult::Done(true)).map_err(failed),
                    },
                    Op::Delete => match entry.delete_credential() {
                        Ok(()) => Ok(OpResult::Done(true)),
                        Err(NoEntry) => Ok(OpResult::Done(false)),
                        Err(Ambiguous(entries)) => remove_all(entries).map(|_| OpResult::Done(true)),
                        Err(e) => Err(failed(e)),
                    },
                }
            });
            let _ = tx.send((store, result));
        });
        match off_the_async_workers(|| rx.recv_timeout(CALL_TIMEOUT)) {
            Ok((store, result)) => {
                let _ = self.store.set(store);
                result
            }
            Err(_) => {
                self.hung.store(true, Ordering::SeqCst);
                Err(StoreError::Unavailable(unanswered()))
            }
        }
    }
}

/// Run a blocking wait without stalling the async runtime where it can be
/// helped: on a worker of a multi-threaded runtime, its other tasks move to
/// another thread first. The run's own runtime has one thread, where the
/// wait (bounded by `CALL_TIMEOUT`) holds up requests in flight, and a
/// keyring is asked before requests are made, or after an Ibanera login.
fn off_the_async_workers<T>(wait: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(wait)
        }
        _ => wait(),
    }
}

impl SecretStore for OsKeyring {
    fn get(&self, account: &str) -> Result<Option<Secret>, StoreError> {
        match self.run(account, Op::Get)? {
            OpResult::Value(v) => Ok(v),
            OpResult::Done(_) => Ok(None),
        }
    }
    fn set(&self, account: &str, value: &Secret) -> Result<(), StoreError> {
        self.run(account, Op::Set(value.clone())).map(|_| ())
    }
    fn delete(&self, account: &str) -> Result<bool, StoreError> {
        match self.run(account, Op::Delete)? {
            OpResult::Done(d) => Ok(d),
            OpResult::Value(_) => Ok(false),
        }
    }
    fn describe(&self) -> String {
        match self.backend {
            Backend::Keyutils => "keyutils".into(),
            _ if cfg!(target_os = "linux") => "secret-service".into(),
            _ if cfg!(target_os = "macos") => "macOS Keychain".into(),
            _ if cfg!(target_os = "windows") => "Windows Credential Manager".into(),
            _ => "none".into(),
        }
    }
}

/// An in-memory store for tests.
#[derive(Default)]
pub struct MemoryStore(pub std::sync::Mutex<std::collections::HashMap<String, String>>);

impl SecretStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<Secret>, StoreError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(account)
            .map(|v| Secret::new(v.clone())))
    }
    fn set(&self, account: &str, value: &Secret) -> Result<(), StoreError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(account.into(), value.expose().into());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<bool, StoreError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account)
            .is_some())
    }
    fn describe(&self) -> String {
        "memory".into()
    }
}
