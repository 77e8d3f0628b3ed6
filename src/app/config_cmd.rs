//! `balances config init|path|show`.

use super::Context;
use crate::cli::ConfigCommand;
use crate::config::TEMPLATE;
use crate::config::credentials::Lookup;
use crate::error::{Error, Result};
use crate::providers::ProviderId;
use std::io::Write;

pub fn run(ctx: &Context, cmd: ConfigCommand) -> Result<()> {
    let path = &ctx.loaded.path;
    match cmd {
        ConfigCommand::Path => {
            writeln!(std::io::stdout().lock(), "{}", path.display())?;
            Ok(())
        }
        ConfigCommand::Init { force } => {
            if path.as_os_str().is_empty() {
                return Err(Error::config(
                    "no config directory on this system: pass --config PATH",
                ));
            }
            if path.exists() && !force {
                return Err(Error::usage(format!(
                    "{} already exists (pass --force to overwrite)",
                    path.display()
                )));
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::config(format!("cannot create {}: {e}", dir.display())))?;
            }
            write_private(path, TEMPLATE.as_bytes())
                .map_err(|e| Error::config(format!("cannot write {}: {e}", path.display())))?;
            writeln!(std::io::stdout().lock(), "{}", path.display())?;
            Ok(())
        }
        ConfigCommand::Show => show(ctx),
    }
}

/// Create the file readable by its owner only: it may come to hold secrets.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)?.write_all(bytes)
}

/// The effective settings of the profile: URLs as used, credentials as
/// `***` with where they come from.
fn show(ctx: &Context) -> Result<()> {
    let resolver = ctx.resolver();
    let mut providers = serde_json::Map::new();
    for p in ProviderId::ALL {
        let mut creds = serde_json::Map::new();
        for f in p.credential_fields() {
            let v = match resolver.lookup(p, f.name) {
                Lookup::Found(v, source) => {
                    let shown = if f.secret {
                        "***".to_owned()
                    } else {
                        v.expose().to_owned()
                    };
                    serde_json::json!({"value": shown, "source": source.to_string()})
                }
                Lookup::Missing { .. } => serde_json::Value::Null,
                Lookup::Unreadable(e) => {
                    serde_json::json!({"value": null, "source": format!("unreadable: {}", e.message)})
                }
            };
            creds.insert(f.name.to_owned(), v);
        }
        let base_url = ctx
            .base_url(p)
            .map(|u| u.to_string())
            .unwrap_or_else(|e| format!("invalid: {}", e.message));
        let users = ctx
            .profile()
            .map(|prof| prof.users(p).to_vec())
            .unwrap_or_default();
        providers.insert(
            p.name().to_owned(),
            serde_json::json!({"base_url": base_url, "credentials": creds, "users": users}),
        );
    }
    let doc = serde_json::json!({
        "config_file": ctx.loaded.path.display().to_string(),
        "exists": ctx.loaded.exists,
        "profile": ctx.profile_name,
        "keyring": ctx.store.describe(),
        "providers": providers,
    });
    let mut out = std::io::stdout().lock();
    if ctx.style.format.is_json() {
        writeln!(out, "{doc}")?;
        return Ok(());
    }
    writeln!(
        out,
        "# config file: {} ({})",
        ctx.loaded.path.display(),
        if ctx.loaded.exists {
            "found"
        } else {
            "not found"
        }
    )?;
    writeln!(
        out,
        "# profile: {}; keyring: {}",
        ctx.profile_name,
        ctx.store.describe()
    )?;
    for (name, p) in &providers {
        writeln!(out, "\n[profiles.{}.{name}]", ctx.profile_name)?;
        writeln!(out, "base_url = {}", p["base_url"])?;
        if let Some(creds) = p["credentials"].as_object() {
            for (field, v) in creds {
                match v {
                    serde_json::Value::Null => writeln!(out, "# {field}: not set")?,
                    v => writeln!(
                        out,
                        "{field} = {}  # from {}",
                        v["value"],
                        v["source"].as_str().unwrap_or("")
                    )?,
                }
            }
        }
        if let Some(users) = p["users"].as_array().filter(|u| !u.is_empty()) {
            writeln!(out, "users = {}", serde_json::Value::Array(users.clone()))?;
        }
    }
    Ok(())
}
