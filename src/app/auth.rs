//! `balances auth set|delete|status`.

use super::Context;
use crate::cli::AuthCommand;
use crate::config::credentials::{CredentialSource, Lookup};
use crate::error::{Error, Result};
use crate::keyring::{self, StoreError};
use crate::providers::{Field, ProviderId};
use crate::secret::Secret;
use std::io::{IsTerminal, Write};

fn field(p: ProviderId, name: &str) -> Result<Field> {
    p.field(name).ok_or_else(|| {
        let known: Vec<&str> = p.credential_fields().iter().map(|f| f.name()).collect();
        Error::usage(format!(
            "{} has no credential field {name:?} (fields: {})",
            p.name(),
            known.join(", ")
        ))
    })
}

fn store_error(e: StoreError, p: ProviderId, field: &str) -> Error {
    Error::config(format!(
        "{e}; set {} in the environment or `{field}` in the config file instead",
        p.env_var(field)
    ))
    .with_provider(p.name())
}

/// Read a secret from the terminal without echo, or all of stdin when piped.
fn read_secret(p: ProviderId, field: &str) -> Result<Secret> {
    // Every copy of the value we own is zeroed when dropped.
    let value = if std::io::stdin().is_terminal() {
        zeroize::Zeroizing::new(
            rpassword::prompt_password(format!("{} {field}: ", p.name()))
                .map_err(|e| Error::usage(format!("cannot read from the terminal: {e}")))?,
        )
    } else {
        crate::local::read_capped(
            std::io::stdin(),
            crate::local::SMALL_FILE,
            "the secret on stdin",
        )
        .map_err(|e| match e {
            crate::local::ReadError::TooLarge(why) => Error::usage(why),
            crate::local::ReadError::Io(e) => Error::usage(format!("cannot read stdin: {e}")),
        })?
    };
    // Trailing newlines come from `echo` or the Enter key; PEM keys keep their inner lines.
    let value = Secret::new(value.trim_end_matches(['\r', '\n']));
    if value.is_empty() {
        return Err(Error::usage(format!(
            "empty value for {} {field}",
            p.name()
        )));
    }
    Ok(value)
}

pub fn run(ctx: &Context, cmd: AuthCommand) -> Result<()> {
    match cmd {
        AuthCommand::Set {
            provider,
            field: name,
        } => {
            field(provider, &name)?;
            let account = keyring::account(&ctx.profile_name, provider.name(), &name);
            // Ask the keyring first: typing a secret only to learn there is no
            // keyring to keep it in is a bad first minute.
            if let Err(e @ keyring::StoreError::Unavailable(_)) = ctx.store.get(&account) {
                return Err(store_error(e, provider, &name));
            }
            let value = read_secret(provider, &name)?;
            ctx.store
                .set(&account, &value)
                .map_err(|e| store_error(e, provider, &name))?;
            super::notice(
                ctx.style.format,
                &format!(
                    "stored {} {name} for profile {:?} in the keyring ({})",
                    provider.name(),
                    ctx.profile_name,
                    ctx.store.describe()
                ),
            );
            Ok(())
        }
        AuthCommand::Delete {
            provider,
            field: name,
        } => {
            field(provider, &name)?;
            let account = keyring::account(&ctx.profile_name, provider.name(), &name);
            let existed = ctx
                .store
                .delete(&account)
                .map_err(|e| store_error(e, provider, &name))?;
            if existed {
                super::notice(
                    ctx.style.format,
                    &format!(
                        "deleted {} {name} for profile {:?} from the keyring",
                        provider.name(),
                        ctx.profile_name
                    ),
                );
            } else {
                super::notice(
                    ctx.style.format,
                    &format!(
                        "nothing stored for {} {name} in profile {:?}",
                        provider.name(),
                        ctx.profile_name
                    ),
                );
            }
            Ok(())
        }
        AuthCommand::Status => status(ctx),
    }
}

fn status(ctx: &Context) -> Result<()> {
    let resolver = ctx.resolver();
    let mut rows = Vec::new();
    for p in ProviderId::ALL {
        for f in p.credential_fields() {
            let (source, detail) = match resolver.lookup(p, f.credential) {
                Lookup::Found(_, CredentialSource::Env(var)) => ("env", var),
                Lookup::Found(_, CredentialSource::Config(path)) => {
                    ("config", path.display().to_string())
                }
                Lookup::Found(_, CredentialSource::Keyring) => ("keyring", ctx.store.describe()),
                Lookup::Found(_, CredentialSource::Sandbox) => {
                    ("sandbox", "demo credentials".to_owned())
                }
                Lookup::Found(_, CredentialSource::KeyFile(path)) => {
                    ("file", path.display().to_string())
                }
                Lookup::Unreadable(e) => ("unreadable", e.message),
                Lookup::Missing { keyring: Some(e) } => ("missing", e.to_string()),
                Lookup::Missing { keyring: None } => ("missing", String::new()),
            };
            rows.push((p.name(), f.name(), source, detail));
        }
    }
    let mut out = std::io::stdout().lock();
    if ctx.style.format.is_json() {
        let list: Vec<_> = rows
            .iter()
            .map(|(p, f, s, d)| serde_json::json!({"provider": p, "field": f, "source": s, "detail": d}))
            .collect();
        let doc = serde_json::json!({"profile": ctx.profile_name, "keyring": ctx.store.describe(), "credentials": list});
        writeln!(out, "{doc}")?;
    } else {
        writeln!(
            out,
            "profile {:?}, keyring: {}",
            ctx.profile_name,
            ctx.store.describe()
        )?;
        for (p, f, s, d) in rows {
            writeln!(out, "{p:<8} {f:<12} {s:<8} {d}")?;
        }
    }
    Ok(())
}
