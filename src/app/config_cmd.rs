//! `balances config init|path|show|get|set|profiles`.

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
        ConfigCommand::Get { key } => get(ctx, &key),
        ConfigCommand::Set { key, value } => set(ctx, &key, &value),
        ConfigCommand::Profiles => profiles(ctx),
    }
}

/// A key of the file, resolved: its table path and its last name.
struct Key {
    path: Vec<String>,
    name: String,
}

/// `defaults.<key>`, `<provider>.<key>` (in the current profile), or
/// `profiles.<name>.<provider>.<key>`; the keys the file takes, no other
/// (`min` is a table: edit the file), and never a secret.
fn key(ctx: &Context, text: &str) -> Result<Key> {
    let parts: Vec<&str> = text.split('.').collect();
    let (path, provider, name) = match parts.as_slice() {
        ["defaults", name] => {
            if !["profile", "output", "keyring"].contains(name) {
                return Err(Error::usage(format!(
                    "defaults.{name}: not a setting (defaults.profile, defaults.output, defaults.keyring)"
                )));
            }
            return Ok(Key {
                path: vec!["defaults".into()],
                name: (*name).to_owned(),
            });
        }
        ["profiles", profile, provider, name] => (
            vec![
                "profiles".to_owned(),
                (*profile).to_owned(),
                (*provider).to_owned(),
            ],
            *provider,
            *name,
        ),
        [provider, name] => (
            vec![
                "profiles".to_owned(),
                ctx.profile_name.clone(),
                (*provider).to_owned(),
            ],
            *provider,
            *name,
        ),
        _ => {
            return Err(Error::usage(format!(
                "{}: expected defaults.<key>, <provider>.<key> or profiles.<name>.<provider>.<key>",
                crate::text::quote(text)
            )));
        }
    };
    let Some(p) = ProviderId::from_name(provider) else {
        let names: Vec<&str> = ProviderId::ALL.into_iter().map(ProviderId::name).collect();
        return Err(Error::usage(format!(
            "{}: not a provider ({})",
            crate::text::quote(provider),
            names.join(", ")
        )));
    };
    if let Some(field) = p.field(name).filter(|f| f.secret) {
        return Err(Error::usage(format!(
            "{provider}.{name} is a secret: store it in the keyring with `balances auth set {provider} {}` \
             (or set BALANCES_{}_{}), never on a command line",
            field.name(),
            provider.to_uppercase(),
            name.to_uppercase()
        )));
    }
    if !p.plain_settings().contains(&name) {
        return Err(Error::usage(format!(
            "{provider}.{}: not a setting `config set` takes for {provider} ({}; edit the file for `min`)",
            crate::text::quote(name),
            p.plain_settings().join(", ")
        )));
    }
    Ok(Key {
        path,
        name: name.to_owned(),
    })
}

fn read_document(ctx: &Context) -> Result<toml_edit::DocumentMut> {
    let path = &ctx.loaded.path;
    let text = crate::local::read_file(path, crate::local::SMALL_FILE, "config file")?;
    text.as_deref()
        .map(String::as_str)
        .unwrap_or("")
        .parse::<toml_edit::DocumentMut>()
        .map_err(|e| {
            Error::config(format!(
                "in config file {}: {}",
                path.display(),
                crate::text::quote(e.message())
            ))
        })
}

fn get(ctx: &Context, text: &str) -> Result<()> {
    let key = key(ctx, text)?;
    let doc = read_document(ctx)?;
    let mut item = doc.as_item();
    for part in &key.path {
        item = match item.get(part) {
            Some(i) => i,
            None => return Err(not_set(text)),
        };
    }
    let value = item
        .get(&key.name)
        .and_then(|i| i.as_value())
        .ok_or_else(|| not_set(text))?;
    let shown = match value {
        toml_edit::Value::String(s) => s.value().clone(),
        toml_edit::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string().trim().to_owned(),
    };
    let mut out = std::io::stdout().lock();
    if ctx.style.format.is_json() {
        writeln!(out, "{}", serde_json::json!({"key": text, "value": shown}))?;
    } else {
        writeln!(out, "{}", crate::text::printable(&shown))?;
    }
    Ok(())
}

/// A key the file does not set: 1, as `git config` and `gh config get` do? No:
/// a missing setting is not a failure of the tool, but a script must tell it
/// from an empty one: exit 66 (not found).
fn not_set(text: &str) -> Error {
    Error::new(
        crate::error::Kind::NotFound,
        format!("{} is not set in the config file", crate::text::quote(text)),
    )
}

fn set(ctx: &Context, text: &str, value: &str) -> Result<()> {
    let key = key(ctx, text)?;
    let path = &ctx.loaded.path;
    if path.as_os_str().is_empty() {
        return Err(Error::config(
            "no config directory on this system: pass --config PATH",
        ));
    }
    let mut doc = read_document(ctx)?;
    // Comments at the end of the file belong to its last section: a table
    // added after it must not take them (they go before its header).
    let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
    doc.set_trailing("");
    let mut table = doc.as_table_mut();
    let mut created = false;
    for part in &key.path {
        let entry = table.entry(part).or_insert_with(|| {
            created = true;
            let mut t = toml_edit::Table::new();
            t.set_implicit(true);
            toml_edit::Item::Table(t)
        });
        table = entry.as_table_mut().ok_or_else(|| {
            Error::config(format!(
                "in config file {}: {part} is not a table",
                path.display()
            ))
        })?;
    }
    // The provider's own table is shown as a header, not implied.
    if key.path.len() == 3 {
        table.set_implicit(false);
    }
    if created && !trailing.trim().is_empty() {
        table
            .decor_mut()
            .set_prefix(format!("{}\n\n", trailing.trim_end()));
    }
    let new = if key.name == "users" {
        let mut users = toml_edit::Array::new();
        for u in value.split(',').map(str::trim).filter(|u| !u.is_empty()) {
            users.push(u);
        }
        toml_edit::value(users)
    } else {
        toml_edit::value(value)
    };
    match table.get_mut(&key.name) {
        // Replaced in place: the comments around it stay.
        Some(item) if item.is_value() => {
            let decor = item.as_value().map(|v| v.decor().clone());
            *item = new;
            if let (Some(decor), Some(v)) = (decor, item.as_value_mut()) {
                *v.decor_mut() = decor;
            }
        }
        _ => {
            table.insert(&key.name, new);
        }
    }
    if !created {
        doc.set_trailing(trailing);
    }
    let text_out = doc.to_string();
    // The file must still be one this balances reads (an output format it
    // knows, say): checked before it is written.
    crate::config::parse(&text_out).map_err(|e| Error::usage(format!("{text}: {e}")))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::config(format!("cannot create {}: {e}", dir.display())))?;
    }
    // A temporary file beside it, then a rename: never half a config.
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    write_private(&tmp, text_out.as_bytes())
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::new(
                crate::error::Kind::Io,
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
    Ok(())
}

fn profiles(ctx: &Context) -> Result<()> {
    let names: Vec<&String> = ctx.loaded.file.profiles.keys().collect();
    let mut out = std::io::stdout().lock();
    if ctx.style.format.is_json() {
        writeln!(out, "{}", serde_json::json!(names))?;
    } else {
        for name in names {
            let mark = if *name == ctx.profile_name {
                " (current)"
            } else {
                ""
            };
            writeln!(out, "{}{mark}", crate::text::printable(name))?;
        }
    }
    Ok(())
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
            let v = match resolver.lookup(p, f.credential) {
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
            creds.insert(f.name().to_owned(), v);
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
