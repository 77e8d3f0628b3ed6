//! From parsed arguments to a finished run: configuration, credentials, the
//! engine, dispatch, and the one place where errors become exit codes.

mod api;
mod auth;
mod boca;
mod config_cmd;
mod doctor;
mod export;
mod ibanera;
mod listing;
mod many;
mod noah;
mod p100;
mod progress;
mod reconcile;
mod sandbox_cmd;
mod summary;
mod sync;
pub mod thresholds;
mod wiring;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::config::credentials::Resolver;
use crate::config::{self, Loaded, Profile};
use crate::error::{Error, Kind, Result};
use crate::http::{Engine, HttpOptions};
use crate::keyring::{self, Backend, SecretStore};
use crate::listing::key::{ListingKey, Narrowed, StateKey, SubjectIs};
use crate::output::{Format, Style};
use crate::providers::ProviderId;
use crate::sandbox::{self, Sandbox};
use reqwest::Url;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Everything a command needs, resolved once.
pub struct Context {
    pub global: GlobalArgs,
    pub loaded: Loaded,
    pub profile_name: String,
    pub store: Box<dyn SecretStore>,
    pub style: Style,
    /// The in-process sandbox of `--sandbox`, kept alive for the run.
    pub sandbox: Option<Sandbox>,
    /// Told when a `--dry-run` has printed its request: the run ends then.
    pub dry_run: crate::http::DryRun,
}

impl Context {
    pub fn profile(&self) -> Option<&Profile> {
        self.loaded.file.profiles.get(&self.profile_name)
    }

    pub fn resolver(&self) -> Resolver<'_> {
        Resolver {
            profile_name: self.profile_name.clone(),
            profile: self.profile(),
            config_path: &self.loaded.path,
            store: self.store.as_ref(),
            demo: self.sandbox.is_some().then_some(wiring::demo_credential),
            env: |var| std::env::var_os(var),
        }
    }

    /// `--sandbox` > `--base-url` > `BALANCES_<P>_BASE_URL` > profile > production.
    pub fn base_url(&self, p: ProviderId) -> Result<Url> {
        let raw = if let Some(sb) = &self.sandbox {
            sb.base_url(p)
        } else if let Some(u) = &self.global.base_url {
            u.clone()
        } else if let Some(u) = std::env::var(p.env_var("base_url"))
            .ok()
            .filter(|u| !u.is_empty())
        {
            u
        } else if let Some(u) = self.profile().and_then(|prof| prof.base_url(p)) {
            u.to_owned()
        } else {
            p.production_url().to_owned()
        };
        crate::http::url::parse_base(&raw)
    }

    /// The base URL as a listing key names it: the URL itself, or, under
    /// `--sandbox` (a new port every run), the sandbox's name for the provider.
    fn listing_base(&self, p: ProviderId) -> Result<String> {
        match &self.sandbox {
            Some(_) => Ok(wiring::demo_listing_base(p)),
            None => Ok(self.base_url(p)?.to_string()),
        }
    }

    /// The name of a provider's listing, for the ledger and state files alike.
    pub fn listing_key(
        &self,
        p: ProviderId,
        subject: &str,
        list: &'static str,
    ) -> Result<ListingKey> {
        Ok(ListingKey {
            base_url: self.listing_base(p)?,
            ..self.listing_key_without_base(p, subject, list)
        })
    }

    /// The name of a listing whose base URL is unusable or was never
    /// needed (no users to ask about): its failure is reported under it.
    pub fn listing_key_without_base(
        &self,
        p: ProviderId,
        subject: &str,
        list: &'static str,
    ) -> ListingKey {
        ListingKey {
            provider: p.name(),
            profile: self.profile_name.clone(),
            base_url: String::new(),
            subject: subject.to_owned(),
            list,
        }
    }

    /// What a state file names: the listing (of one user or account, as
    /// the provider has them, or of the whole account: `subject` `None`),
    /// and what the command line narrowed it to.
    pub fn state_key(
        &self,
        p: ProviderId,
        subject: Option<&str>,
        list: &'static str,
        narrowed: Option<Narrowed>,
    ) -> Result<StateKey> {
        Ok(StateKey {
            listing: self.listing_key(p, subject.unwrap_or(""), list)?,
            subject_is: match subject {
                None => SubjectIs::Whole,
                Some(_) if p.has_users() => SubjectIs::User,
                Some(_) => SubjectIs::Account,
            },
            narrowed,
        })
    }

    pub fn engine(&self, dry_run: bool) -> Result<Engine> {
        Engine::new(HttpOptions {
            timeout: self.global.timeout,
            retries: self.global.retries,
            dry_run: dry_run.then(|| self.dry_run.clone()),
            no_proxy: self.sandbox.is_some(),
        })
    }
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(help) = crate::cli::sandbox_help(&args) {
        print!("{help}");
        return ExitCode::SUCCESS;
    }
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (m, cli)));
    let (matches, cli) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return parse_failure(&e, &args),
    };
    let fallback_format = cli.global.output.unwrap_or_else(default_format);
    decide_stderr(cli.global.output.is_some());
    init_logging(&cli.global, fallback_format);
    if let Some(flag) = matches
        .subcommand_matches("sandbox")
        .and_then(not_for_the_sandbox)
    {
        let e = Error::usage(format!(
            "{flag} does not apply to `balances sandbox` (it serves requests; it makes none)"
        ));
        return report(&e, fallback_format, &cli.global);
    }
    // One thread: a run waits on the network, and its concurrency (many
    // users, pages fetched ahead) is requests in flight, not work to share.
    // Worker threads only handed every answer from one thread to another
    // (a third of an export's CPU time went to waking them).
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return report(
                &Error::internal(format!("cannot start the runtime: {e}")),
                fallback_format,
                &cli.global,
            );
        }
    };
    let global = cli.global.clone();
    let mut format = fallback_format;
    let result = runtime.block_on(async {
        let ctx = build_context(cli.global, &cli.command)?;
        format = ctx.style.format;
        decide_stderr(ctx.global.output.is_some() || ctx.loaded.file.defaults.output.is_some());
        let dry_run = ctx.dry_run.clone();
        tokio::select! {
            done = dispatch(&ctx, cli.command) => done,
            // A dry run has printed its request: the rest of the run
            // (waiting on it) is dropped, and that is a success.
            printed = dry_run.finished() => printed,
        }
    });
    // Don't wait for abandoned blocking work (a keyring call that never answered).
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e, format, &global),
    }
}

/// The first global option given on the command line that means nothing to
/// the emulator, which would otherwise be accepted and silently ignored.
/// (Set in the environment, as a profile's defaults are, they are not refused.)
fn not_for_the_sandbox(m: &clap::ArgMatches) -> Option<&'static str> {
    [
        ("config", "--config"),
        ("profile", "--profile"),
        ("output", "--output"),
        ("raw", "--raw"),
        ("base_url", "--base-url"),
        ("timeout", "--timeout"),
        ("retries", "--retries"),
        ("sandbox", "--sandbox"),
    ]
    .into_iter()
    .find(|(id, _)| m.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
    .map(|(_, flag)| flag)
}

/// clap's answer when the arguments did not make a run: help and version
/// (exit 0, or 74 when stdout cannot take them), or a usage error (exit 2),
/// which is one JSON object on stderr when JSON output was asked for.
fn parse_failure(e: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    use clap::error::ErrorKind;
    let shown = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if !shown && json_asked(args) {
        // clap's text up to its usage block, on one line.
        let text = e.render().to_string();
        let message: Vec<&str> = text
            .lines()
            .take_while(|l| !l.starts_with("Usage:"))
            .map(str::trim)
            .filter(|l| !l.starts_with("For more information"))
            .filter(|l| !l.is_empty())
            .collect();
        let message = message.join(" ");
        eprintln!(
            "{}",
            Error::usage(message.trim_start_matches("error: ")).to_json()
        );
        return ExitCode::from(2);
    }
    match e.print() {
        Err(io) if shown && io.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("balances: cannot write: {io}");
            ExitCode::from(Kind::Io.exit_code())
        }
        _ => ExitCode::from(e.exit_code().clamp(0, 255) as u8),
    }
}

/// Whether the command line (or `BALANCES_OUTPUT`) asks for JSON or NDJSON,
/// read without clap, whose parse just failed.
fn json_asked(args: &[std::ffi::OsString]) -> bool {
    let is_json = |v: &str| matches!(v, "json" | "ndjson");
    let mut asked = std::env::var("BALANCES_OUTPUT").is_ok_and(|v| is_json(&v));
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        let value = match a.as_ref() {
            "-o" | "--output" => args.next().map(|v| v.into_owned()),
            other => other
                .strip_prefix("--output=")
                .or_else(|| other.strip_prefix("-o"))
                .map(str::to_owned),
        };
        if let Some(v) = value {
            asked = is_json(&v);
        }
    }
    asked
}

fn default_format() -> Format {
    if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// Whether stderr is a person's, who gets text though stdout is JSON: a
/// terminal, and no JSON asked for by name (`-o`, `BALANCES_OUTPUT`, the
/// config's `output`). `balances … | jq` then shows a readable error, not a
/// JSON object meant for a machine. Decided once, for the whole run.
static HUMAN_STDERR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn decide_stderr(json_asked_by_name: bool) {
    HUMAN_STDERR.store(
        !json_asked_by_name && std::io::stderr().is_terminal(),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// Whether what goes to stderr (errors, notices, breaches) is JSON.
pub(crate) fn json_stderr(format: Format) -> bool {
    format.is_json() && !HUMAN_STDERR.load(std::sync::atomic::Ordering::Relaxed)
}

/// Print the error and pick the exit code.
fn report(e: &Error, format: Format, global: &GlobalArgs) -> ExitCode {
    if e.reported || e.ends_run() {
        return ExitCode::from(e.exit_code());
    }
    print_error(e, format, global, false);
    ExitCode::from(e.exit_code())
}

/// One error on stderr: text, or one JSON object in JSON modes. Many-user
/// runs name the subject in the text form (JSON always carries it).
pub(crate) fn print_error(e: &Error, format: Format, global: &GlobalArgs, name_subject: bool) {
    let line = if json_stderr(format) {
        e.to_json().to_string()
    } else {
        let prefix = if use_color(global.color) {
            "\x1b[1;31mbalances:\x1b[0m"
        } else {
            "balances:"
        };
        if name_subject {
            format!("{prefix} {e:#}")
        } else {
            format!("{prefix} {e}")
        }
    };
    // Around a progress line, if one is on the screen (`summary`, `sync`).
    progress::around(|| eprintln!("{line}"));
}

/// A line for the user on stderr that is neither a result nor an error
/// (`auth set`'s "stored …"): text, or a JSON object in JSON modes, so that
/// every stderr line of a JSON run parses.
pub(crate) fn notice(format: Format, text: &str) {
    let line = if json_stderr(format) {
        serde_json::json!({ "notice": text }).to_string()
    } else {
        text.to_owned()
    };
    progress::around(|| eprintln!("{line}"));
}

fn init_logging(g: &GlobalArgs, format: Format) {
    let level = if g.quiet {
        "error".to_owned()
    } else if g.verbose > 0 {
        ["warn", "info", "debug", "trace"][usize::from(g.verbose.min(3))].to_owned()
    } else {
        std::env::var("BALANCES_LOG")
            .ok()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| "warn".into())
    };
    // Only our own crate speaks by default: what matters of a dependency's
    // failure reaches the user as our error (a TLS library's ERROR line per
    // handshake would be noise, and its debug output may show request
    // internals we cannot redact). `-vv` and more add dependencies' warnings.
    let directive = if level.contains('=') {
        level
    } else if g.verbose >= 2 {
        format!("warn,balances={level}")
    } else {
        format!("off,balances={level}")
    };
    let filter = tracing_subscriber::EnvFilter::try_new(&directive)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let fmt = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| progress::LogWriter)
        .without_time()
        .with_target(false);
    // In JSON modes every stderr line is a JSON object: logs too
    // (`{"level":"WARN","message":…}`), as the error already is.
    let _ = if json_stderr(format) {
        fmt.json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init()
    } else {
        fmt.with_ansi(use_color(g.color)).try_init()
    };
}

fn build_context(global: GlobalArgs, command: &Command) -> Result<Context> {
    if global.base_url.is_some()
        && matches!(
            command,
            Command::Summary { .. }
                | Command::Sync { .. }
                | Command::Reconcile(_)
                | Command::Export(_)
                | Command::Doctor { .. }
                | Command::Config(_)
        )
    {
        // One URL for several providers would send each one's credentials to
        // the same host. Per-provider overrides stay in the environment and the profile.
        return Err(Error::usage(
            "--base-url applies to one provider: this command talks to several; set \
             BALANCES_<PROVIDER>_BASE_URL or the profile's base_url instead",
        ));
    }
    if global.sandbox && global.base_url.is_some() && !matches!(command, Command::Sandbox(_)) {
        // The sandbox is where --sandbox sends every request: a base URL
        // beside it would be ignored, silently.
        return Err(Error::usage(
            "--sandbox and --base-url cannot be combined: --sandbox sends every request to the built-in sandbox",
        ));
    }
    let needs_config = !matches!(command, Command::Completions { .. } | Command::Sandbox(_));
    let use_sandbox = global.sandbox && needs_config;
    let loaded = if needs_config && !use_sandbox {
        config::load(global.config.as_deref())?
    } else {
        Loaded {
            path: global
                .config
                .clone()
                .or_else(config::default_path)
                .unwrap_or_default(),
            ..Loaded::default()
        }
    };
    let profile_name = global
        .profile
        .clone()
        .or_else(|| loaded.file.defaults.profile.clone())
        .unwrap_or_else(|| "default".to_owned());
    // `config set` is how a profile comes to be: it may name a new one.
    let making_profile = matches!(
        command,
        Command::Config(crate::cli::ConfigCommand::Set { .. })
    );
    if global.profile.is_some()
        && !making_profile
        && loaded.exists
        && !loaded.file.profiles.is_empty()
        && !loaded.file.profiles.contains_key(&profile_name)
    {
        let known: Vec<&str> = loaded.file.profiles.keys().map(String::as_str).collect();
        return Err(Error::config(format!(
            "profile {profile_name:?} is not in {} (profiles: {})",
            loaded.path.display(),
            known.join(", ")
        )));
    }
    let backend = match std::env::var("BALANCES_KEYRING")
        .ok()
        .filter(|v| !v.is_empty())
    {
        Some(v) => Backend::parse(&v).ok_or_else(|| {
            Error::config(format!(
                "BALANCES_KEYRING={v:?}: expected auto, secret-service, keyutils or none"
            ))
        })?,
        None => loaded.file.defaults.keyring.unwrap_or(Backend::Auto),
    };
    let store = if use_sandbox {
        Box::new(keyring::NoStore("not used with --sandbox".into()))
    } else {
        keyring::open(backend)
    };
    let format = global
        .output
        .or(loaded.file.defaults.output)
        .unwrap_or_else(default_format);
    let sandbox = if use_sandbox {
        Some(
            Sandbox::start(sandbox::Options {
                // A pinned clock (tests, reproducible demos) is the sandbox's too,
                // so its histories, balances and checks agree with this run's.
                clock: std::env::var("BALANCES_NOW")
                    .ok()
                    .map(|_| crate::clock::now().unix_timestamp()),
                hide_transaction: std::env::var("BALANCES_SANDBOX_HIDE_TRANSACTION")
                    .ok()
                    .filter(|id| !id.is_empty()),
                ..sandbox::Options::default()
            })
            .map_err(|e| Error::internal(format!("cannot start the sandbox: {e}")))?,
        )
    } else {
        None
    };
    Ok(Context {
        style: Style {
            format,
            raw: global.raw,
            pager: !global.no_pager,
        },
        global,
        loaded,
        profile_name,
        store,
        sandbox,
        dry_run: Default::default(),
    })
}

async fn dispatch(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Boca(cmd) => boca::run(ctx, cmd).await,
        Command::P100(cmd) => p100::run(ctx, cmd).await,
        Command::Noah(cmd) => noah::run(ctx, cmd).await,
        Command::Ibanera(args) => ibanera::run(ctx, args).await,
        Command::Doctor { providers } => doctor::run(ctx, providers).await,
        Command::Summary {
            providers,
            concurrency,
            minimums,
        } => summary::run(ctx, providers, usize::from(concurrency), &minimums.min).await,
        Command::Sync {
            db,
            providers,
            concurrency,
        } => sync::run(ctx, &db, providers, usize::from(concurrency)).await,
        Command::Api(args) => api::run(ctx, args).await,
        Command::Reconcile(args) => reconcile::run(ctx, args).await,
        Command::Export(args) => export::run(ctx, args).await,
        Command::Auth(cmd) => auth::run(ctx, cmd),
        Command::Config(cmd) => config_cmd::run(ctx, cmd),
        Command::Sandbox(args) => sandbox_cmd::run(args).await,
        Command::Completions { shell } => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(&crate::cli::completions::script(shell))?;
            out.flush()?;
            Ok(())
        }
    }
}
