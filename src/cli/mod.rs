//! The command line, as clap types only. Nothing here does I/O; `app`
//! converts these once into plain requests for the providers.

pub mod completions;
pub mod manpages;

use crate::output::Format;
use crate::providers::{ProviderId, ibanera};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Every exit code and what it means (the man pages' EXIT STATUS).
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success: the output is complete and exact"),
    (1, "internal error"),
    (
        2,
        "usage error (flags, arguments; a provider's 400, 409 or 422)",
    ),
    (10, "a balance is below its minimum, and nothing failed"),
    (
        11,
        "reconcile: a balance's transactions do not account for its change, and nothing failed",
    ),
    (
        65,
        "the provider's response could not be understood (or a ledger amount is not a decimal)",
    ),
    (66, "user, account or ledger not found"),
    (
        69,
        "provider unavailable: network failure or 5xx after retries",
    ),
    (
        74,
        "a local write failed (stdout, a state file, the ledger)",
    ),
    (
        75,
        "rate-limited or timed out after retries, or the ledger stayed locked: try again later",
    ),
    (77, "credentials rejected"),
    (78, "configuration or local credentials missing or invalid"),
    (130, "interrupted (Ctrl-C)"),
];

/// The help of `balances sandbox` when asked for (`-h`/`--help` after the
/// word `sandbox`): its own options only, since the global ones (output,
/// base URLs, retries, the sandbox switch) mean nothing to a server. clap
/// has no way to leave inherited globals out of one subcommand's help.
pub fn sandbox_help(args: &[std::ffi::OsString]) -> Option<String> {
    let at = args.iter().skip(1).position(|a| a == "sandbox")? + 1;
    let asked = args[at + 1..].iter().any(|a| a == "--help" || a == "-h");
    // The word must be the subcommand, not a flag's value (`--profile sandbox`).
    let value_of_flag = args[at - 1].to_str().is_some_and(|p| {
        [
            "--config",
            "--profile",
            "-o",
            "--output",
            "--base-url",
            "--timeout",
            "--retries",
            "--color",
        ]
        .contains(&p)
    });
    if !asked || value_of_flag {
        return None;
    }
    let cmd = <SandboxArgs as clap::Args>::augment_args(
        clap::Command::new("sandbox")
            .bin_name("balances sandbox")
            .about("Run the built-in emulator of the provider APIs on loopback")
            .after_help("Logging: -v, -vv, -q and --color work here as everywhere."),
    );
    Some(cmd.term_width(100).render_help().to_string())
}

#[derive(Debug, Parser)]
#[command(
    name = "balances",
    version,
    long_version = concat!(env!("CARGO_PKG_VERSION"), env!("BALANCES_BUILD_DETAIL")),
    about = "Balances and transactions from fintech and crypto partner APIs, exact to the last digit",
    long_about = "Balances and transactions from fintech and crypto partner APIs (Boca Raton, NOAH, P100, \
                  Ibanera), exact to the provider's last digit.\n\n\
                  Try it with no account: balances --sandbox boca get-balances partner-user-42",
    after_help = "Exit codes: 0 ok, 1 internal, 2 usage, 10 a balance below its minimum, 11 reconcile \
                  found a mismatch, 65 bad response, 66 not found, 69 unavailable, 74 local write failed, \
                  75 rate-limited/timed out, 77 credentials rejected, 78 configuration, 130 interrupted."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Config file [default: <config dir>/balances/config.toml]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "BALANCES_CONFIG",
        value_name = "PATH"
    )]
    pub config: Option<PathBuf>,

    /// Profile in the config file [default: defaults.profile, else "default"]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "BALANCES_PROFILE",
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Output format [default: table on a terminal, else json]
    #[arg(
        short = 'o',
        long,
        global = true,
        help_heading = "Global options",
        env = "BALANCES_OUTPUT",
        value_enum,
        value_name = "FORMAT"
    )]
    pub output: Option<Format>,

    /// Print each provider response body on one line, compacted, instead of the unified schema
    #[arg(long, global = true, help_heading = "Global options")]
    pub raw: bool,

    /// Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,

    /// Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "URL"
    )]
    pub base_url: Option<String>,

    /// Per-request timeout in seconds
    #[arg(long, global = true, help_heading = "Global options", env = "BALANCES_TIMEOUT", value_name = "SECS", default_value = "30",
          value_parser = parse_seconds)]
    pub timeout: Duration,

    /// Retries for GET requests on 429, 5xx, timeouts and connection errors
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "BALANCES_RETRIES",
        value_name = "N",
        default_value_t = 3
    )]
    pub retries: u32,

    /// More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG
    #[arg(short, long, global = true, help_heading = "Global options", action = ArgAction::Count)]
    pub verbose: u8,

    /// Only errors on stderr
    #[arg(
        short,
        long,
        global = true,
        help_heading = "Global options",
        conflicts_with = "verbose"
    )]
    pub quiet: bool,

    /// Colour on stderr (NO_COLOR is honoured)
    #[arg(long, global = true, help_heading = "Global options", value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Start the built-in sandbox in-process and use its demo credentials
    #[arg(long, global = true, help_heading = "Global options", env = "BALANCES_SANDBOX", value_parser = clap::builder::BoolishValueParser::new())]
    pub sandbox: bool,
}

/// `balances reconcile`: the ledger's balances rolled forward by its transactions.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The ledger `sync` wrote: a SQLite file or a postgres:// URL
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "BALANCES_DB",
        hide_env_values = true
    )]
    pub db: String,
    /// Only these providers (repeatable)
    #[arg(long = "provider", value_enum, value_name = "P")]
    pub providers: Vec<ProviderId>,
    /// Only these users or accounts (repeatable; an account id matches too)
    #[arg(long = "subject", value_name = "S")]
    pub subjects: Vec<String>,
    /// Open at the snapshot at or before this time (RFC 3339 or YYYY-MM-DD) [default: the first]
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub since: Option<crate::clock::Timestamp>,
    /// Close at the snapshot at or before this time [default: the latest]
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub until: Option<crate::clock::Timestamp>,
    /// One row per consecutive pair of snapshots (to find the window where a difference appeared)
    #[arg(long)]
    pub each: bool,
    /// The snapshot figure rolled forward [default: total where the provider has one, else available]
    #[arg(long, value_enum, value_name = "BASIS")]
    pub basis: Option<crate::books::reconcile::Basis>,
}

/// `balances export`: the ledger as a plain-text accounting journal.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The ledger `sync` wrote: a SQLite file or a postgres:// URL
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "BALANCES_DB",
        hide_env_values = true
    )]
    pub db: String,
    /// The journal's tool
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: crate::books::journal::Dialect,
    /// Only these providers (repeatable)
    #[arg(long = "provider", value_enum, value_name = "P")]
    pub providers: Vec<ProviderId>,
    /// Only transactions and snapshots from this time (RFC 3339 or YYYY-MM-DD)
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub since: Option<crate::clock::Timestamp>,
    /// Only transactions and snapshots up to this time
    #[arg(long, value_name = "TIME", value_parser = parse_instant)]
    pub until: Option<crate::clock::Timestamp>,
}

/// A time for `--since`/`--until`: RFC 3339, or a date (its midnight, UTC).
fn parse_instant(s: &str) -> Result<crate::clock::Timestamp, String> {
    crate::clock::Timestamp::parse(s.trim(), crate::clock::Form::Iso8601Utc)
        .map_err(|_| format!("expected an RFC 3339 time or a date (YYYY-MM-DD), got {s:?}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `30`, `2.5`: seconds, without going through floating point.
fn parse_seconds(s: &str) -> Result<Duration, String> {
    let d: rust_decimal::Decimal = s
        .trim()
        .parse()
        .map_err(|_| format!("not a number of seconds: {s:?}"))?;
    let millis = (d * rust_decimal::Decimal::from(1000)).trunc();
    let millis: u64 = millis
        .try_into()
        .map_err(|_| format!("out of range: {s:?}"))?;
    if millis == 0 {
        return Err("must be more than 0".into());
    }
    Ok(Duration::from_millis(millis))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Boca Raton Partner API (HMAC-signed)
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            balances --sandbox boca get-balances partner-user-42\n  \
            balances boca get-transactions partner-user-42 --all -o ndjson\n  \
            balances boca get-balances --users-file users.txt -o csv"
    )]
    Boca(BocaCommand),
    /// NOAH Business API (ES384/ES256 JWT per request)
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            balances --sandbox noah get-balances\n  \
            balances noah get-transactions --max-items 50 -o json\n  \
            balances noah get-transactions --state-file noah.state -o ndjson"
    )]
    Noah(NoahCommand),
    /// Ibanera Customer API (login + TOTP + bearer token)
    #[command(after_help = "Examples:\n  \
        balances --sandbox ibanera get-balances\n  \
        balances ibanera get-card-balances -o table\n  \
        balances ibanera get-card-transactions --card 5000 --from 2026-01-01 --all")]
    Ibanera(IbaneraArgs),
    /// P100 Partner API (API key); balances only
    #[command(
        subcommand,
        long_about = "P100 Partner API (x-api-key).\n\nThere is no get-transactions: P100 lists a transaction-history \
                      endpoint, but its contract (path, parameters, pagination, response) is not published, and \
                      balances does not guess at an API that moves money.",
        after_help = "Examples:\n  \
            balances --sandbox p100 get-balances 660a95b2-a486-4406-a90b-e3bcf7c74ecc\n  \
            balances p100 get-balances --users-file users.txt -o ndjson"
    )]
    P100(P100Command),
    /// A signed, authenticated GET (or HEAD) of any path of a provider's API, as `gh api`
    #[command(
        long_about = "A signed, authenticated GET (or HEAD) of PATH, appended to the provider's base URL as \
                      configured (NOAH's base ends in /v1, so `balances api noah /balances`; Boca's does not: \
                      `balances api boca /v1/users/U/balances`). The body is printed as received. It reaches \
                      the endpoints the other commands do not model, with the same signing, retries, exit \
                      codes, --dry-run and -v. Only GET and HEAD: this tool never moves money.",
        after_help = "Examples:\n  \
            balances --sandbox api boca /v1/users/partner-user-42/balances\n  \
            balances --sandbox api boca /v1/users/partner-user-42/transactions --paginate\n  \
            balances --sandbox api noah /balances --include\n  \
            balances --sandbox api noah /balances -X head -i\n  \
            balances --sandbox api ibanera /api/v1/customer/cards/balances --paginate\n  \
            balances api p100 /v1/user/660a95b2-a486-4406-a90b-e3bcf7c74ecc/balances --dry-run"
    )]
    Api(ApiArgs),
    /// Every balance of every provider configured in the profile (and its `users`)
    #[command(after_help = "Examples:\n  \
            balances --sandbox summary\n  \
            balances summary --provider boca --provider p100 -o ndjson\n  \
            balances summary -o openmetrics > /var/lib/node_exporter/balances.prom")]
    Summary {
        /// Only these providers (repeatable)
        #[arg(long = "provider", value_enum, value_name = "P")]
        providers: Vec<ProviderId>,
        /// How many lookups to run at once
        #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        concurrency: u16,
        #[command(flatten)]
        minimums: Minimums,
    },
    /// Append balance snapshots and new transactions to a ledger database, exactly once
    #[command(
        long_about = "Append a snapshot of every balance, and every transaction not yet stored, for every \
                      provider and user configured in the profile (like summary), to a ledger: a SQLite file \
                      or a PostgreSQL database. Each listing's rows and its position are committed in one \
                      database transaction, so a run that is killed at any moment leaves the ledger as it \
                      was or fully advanced: no transaction missing, none twice.",
        after_help = "Examples:\n  \
            balances --sandbox sync --db ledger.db\n  \
            balances sync --db ~/ledger.db --provider boca\n  \
            balances sync --db postgres://balances@db.internal/ledger\n  \
            sqlite3 ledger.db 'SELECT provider, subject, id, created_at FROM transactions LIMIT 5'"
    )]
    Sync {
        /// The ledger: a SQLite file (created if missing) or a postgres:// URL
        #[arg(
            long,
            value_name = "PATH|URL",
            env = "BALANCES_DB",
            hide_env_values = true
        )]
        db: String,
        /// Only these providers (repeatable)
        #[arg(long = "provider", value_enum, value_name = "P")]
        providers: Vec<ProviderId>,
        /// How many users or accounts to sync at once
        #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        concurrency: u16,
    },
    /// Check that the ledger's transactions account for every change in its balances (exit 11 on a mismatch)
    #[command(after_help = "Examples:\n  \
            balances reconcile --db ledger.db\n  \
            balances reconcile --db ledger.db --provider boca --each -o csv\n  \
            balances reconcile --db ledger.db --since 2026-12-01 --until 2026-12-07T00:00:00Z")]
    Reconcile(ReconcileArgs),
    /// Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions
    #[command(after_help = "Examples:\n  \
            balances export --db ledger.db --format beancount > books.beancount\n  \
            balances export --db ledger.db --format hledger --provider boca\n  \
            balances export --db ledger.db --format ledger --since 2026-12-01 > books.ledger")]
    Export(ExportArgs),
    /// Check config, credentials' sources, keyring, TLS and clock skew
    #[command(after_help = "Examples:\n  \
            balances doctor\n  \
            balances --profile prod doctor --provider ibanera -o json")]
    Doctor {
        /// Only these providers (repeatable) [default: those configured in the profile]
        #[arg(long = "provider", value_enum, value_name = "P")]
        providers: Vec<ProviderId>,
    },
    /// Store, remove or inspect credentials in the OS keyring
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Create, locate or show the config file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Run the built-in emulator of the provider APIs on loopback
    Sandbox(SandboxArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum BocaCommand {
    /// Every balance of one user (or of many, with --users-file)
    #[command(after_help = "Examples:\n  \
            balances --sandbox boca get-balances partner-user-42\n  \
            balances boca get-balances partner-user-42 -o csv --min CAD=1000.00\n  \
            balances boca get-balances --users-file users.txt --concurrency 4 -o ndjson\n  \
            balances boca get-balances partner-user-42 --dry-run")]
    GetBalances {
        /// The partner-owned user id (1 to 128 characters)
        #[arg(
            value_name = "EXTERNAL_ID",
            required_unless_present = "users_file",
            conflicts_with = "users_file"
        )]
        external_id: Option<String>,
        #[command(flatten)]
        many: ManyUsers,
        #[command(flatten)]
        minimums: Minimums,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// A user's transactions: one page by default, --all for every page
    #[command(after_help = "Examples:\n  \
            balances --sandbox boca get-transactions partner-user-42 --limit 5\n  \
            balances boca get-transactions partner-user-42 --all -o ndjson\n  \
            balances boca get-transactions partner-user-42 --state-file boca-42.state -o ndjson")]
    GetTransactions {
        /// The partner-owned user id (1 to 128 characters)
        #[arg(value_name = "EXTERNAL_ID")]
        external_id: String,
        /// Items per page (1 to 100) [default: 25]
        #[arg(long, visible_alias = "page-size", value_parser = clap::value_parser!(u32).range(1..=100))]
        limit: Option<u32>,
        /// Start at this cursor (a previous run's next_cursor)
        #[arg(long)]
        cursor: Option<String>,
        #[command(flatten)]
        follow: FollowArgs,
        #[command(flatten)]
        dry_run: DryRun,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoahCommand {
    /// Every balance of the business account (all pages)
    #[command(after_help = "Examples:\n  \
            balances --sandbox noah get-balances\n  \
            balances noah get-balances -o openmetrics > /var/lib/node_exporter/noah.prom")]
    GetBalances {
        /// Items per page
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
        page_size: Option<u32>,
        #[command(flatten)]
        minimums: Minimums,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Transactions: one page by default, --all for every page
    #[command(after_help = "Examples:\n  \
            balances --sandbox noah get-transactions --max-items 50\n  \
            balances noah get-transactions --all --sort asc -o csv\n  \
            balances noah get-transactions --state-file noah.state -o ndjson")]
    GetTransactions {
        /// Items per page (1 to 100) [default: 20]
        #[arg(long, visible_alias = "limit", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
        page_size: Option<u32>,
        /// Start at this page token (a previous run's next_cursor)
        #[arg(long, visible_alias = "cursor", value_name = "T")]
        page_token: Option<String>,
        /// Order by creation time [default: desc]
        #[arg(long, value_enum)]
        sort: Option<crate::providers::noah::Sort>,
        #[command(flatten)]
        follow: FollowArgs,
        #[command(flatten)]
        dry_run: DryRun,
    },
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    #[arg(value_enum)]
    pub provider: ProviderId,
    /// The path after the provider's base URL, starting with `/`, with an optional `?query`
    pub path: String,
    /// A query parameter, percent-encoded for you (repeatable)
    #[arg(long = "query", value_name = "KEY=VALUE", value_parser = parse_query_pair)]
    pub query: Vec<(String, String)>,
    /// Print the status line and the response headers (credentials as ***) before the body
    #[arg(short = 'i', long)]
    pub include: bool,
    /// Follow the provider's pagination (Boca nextCursor, NOAH PageToken, Ibanera page numbers); each page's body on one line
    #[arg(long)]
    pub paginate: bool,
    /// GET or HEAD; no other method is sent
    #[arg(short = 'X', long, value_name = "METHOD", default_value = "GET", value_parser = parse_read_method)]
    pub method: reqwest::Method,
    /// Ibanera: a one-time code typed by hand, instead of the TOTP shared secret
    #[arg(long, value_name = "CODE")]
    pub otp: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

fn parse_query_pair(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_owned(), v.to_owned())),
        _ => Err(format!("expected KEY=VALUE, as in limit=5: {s:?}")),
    }
}

/// Only reads: `balances` never sends a request that could move money.
fn parse_read_method(s: &str) -> Result<reqwest::Method, String> {
    match s.to_ascii_uppercase().as_str() {
        "GET" => Ok(reqwest::Method::GET),
        "HEAD" => Ok(reqwest::Method::HEAD),
        _ => Err(format!(
            "{s:?} is not sent: balances api sends only GET and HEAD (it never moves money)"
        )),
    }
}

#[derive(Debug, Args)]
pub struct IbaneraArgs {
    /// A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)
    #[arg(long, global = true, value_name = "CODE")]
    pub otp: Option<String>,
    #[command(subcommand)]
    pub command: IbaneraCommand,
}

#[derive(Debug, Subcommand)]
pub enum IbaneraCommand {
    /// Every asset account's balance (all pages)
    #[command(after_help = "Examples:\n  \
            balances --sandbox ibanera get-balances\n  \
            balances ibanera get-balances --otp 123456 -o json")]
    GetBalances {
        /// Items per page (every page is followed)
        #[arg(long, value_name = "N", default_value_t = ibanera::BALANCES_PAGE_SIZE, value_parser = clap::value_parser!(u32).range(1..=500))]
        page_size: u32,
        #[command(flatten)]
        minimums: Minimums,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Every card's balance (all pages)
    #[command(after_help = "Examples:\n  \
            balances --sandbox ibanera get-card-balances -o table")]
    GetCardBalances {
        /// Items per page (every page is followed)
        #[arg(long, value_name = "N", default_value_t = ibanera::BALANCES_PAGE_SIZE, value_parser = clap::value_parser!(u32).range(1..=500))]
        page_size: u32,
        #[command(flatten)]
        minimums: Minimums,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// An account's transactions: one page by default, --all for every page
    #[command(
        long_about = "An account's transactions: one page by default, --all for every page.\n\n\
        Unverified: the path GET /api/v1/customer/accounts/transactions is known from a third-party client \
        only; Ibanera's own page for it could not be read. Fields not recognised are kept in provider_fields.",
        after_help = "Examples:\n  \
            balances --sandbox ibanera get-transactions --account 1000\n  \
            balances ibanera get-transactions --account 1000 --all -o ndjson"
    )]
    GetTransactions {
        /// The asset account id (from get-balances' account_id)
        #[arg(long, value_name = "ID")]
        account: String,
        #[command(flatten)]
        paging: PageArgs,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Card transactions, of one card or all: one page by default, --all for every page
    #[command(after_help = "Examples:\n  \
            balances --sandbox ibanera get-card-transactions --card 5000\n  \
            balances ibanera get-card-transactions --from 2026-01-01T00:00:00Z --all -o csv")]
    GetCardTransactions {
        /// Only this card (from get-card-balances' account_id)
        #[arg(long, value_name = "ID")]
        card: Option<String>,
        /// From this date or time (ISO 8601, UTC), e.g. 2026-03-01
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<String>,
        /// Up to this date or time (ISO 8601, UTC)
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<String>,
        #[command(flatten)]
        paging: PageArgs,
        #[command(flatten)]
        dry_run: DryRun,
    },
}

/// Page-number paging for Ibanera's transaction lists.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// Items per page (1 to 500)
    #[arg(long, visible_alias = "limit", value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub page_size: u32,
    /// Start at this page number (a previous run's next_cursor)
    #[arg(long, visible_alias = "cursor", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page: Option<u32>,
    #[command(flatten)]
    pub follow: FollowArgs,
}

/// `2026-03-01` or an RFC 3339 time, passed on as written.
fn parse_date(s: &str) -> Result<String, String> {
    let date = time::macros::format_description!("[year]-[month]-[day]");
    let ok = time::Date::parse(s, date).is_ok()
        || time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok();
    if ok {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "expected YYYY-MM-DD or an RFC 3339 time, got {s:?}"
        ))
    }
}

#[derive(Debug, Subcommand)]
pub enum P100Command {
    /// Every fiat and crypto balance of one user (or of many, with --users-file)
    #[command(after_help = "Examples:\n  \
            balances --sandbox p100 get-balances 660a95b2-a486-4406-a90b-e3bcf7c74ecc\n  \
            balances p100 get-balances --users-file users.txt -o csv")]
    GetBalances {
        /// The partner's id of the user
        #[arg(
            value_name = "EXTERNAL_USER_ID",
            required_unless_present = "users_file",
            conflicts_with = "users_file"
        )]
        external_user_id: Option<String>,
        #[command(flatten)]
        many: ManyUsers,
        #[command(flatten)]
        minimums: Minimums,
        #[command(flatten)]
        dry_run: DryRun,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ManyUsers {
    /// Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)
    #[arg(long, value_name = "FILE")]
    pub users_file: Option<String>,
    /// How many users to fetch at once (with --users-file)
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct FollowArgs {
    /// Follow every page
    #[arg(long)]
    pub all: bool,
    /// Stop after N items, following pages as needed
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_items: Option<u64>,
    /// Export only what is new since the last successful run with this file (created if missing)
    #[arg(long, value_name = "PATH", conflicts_with_all = ["all", "max_items"])]
    pub state_file: Option<PathBuf>,
}

/// `--min CURRENCY=AMOUNT`: the lowest balance each currency may have.
#[derive(Debug, Clone, Default, Args)]
pub struct Minimums {
    /// Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly);
    /// also `min = { CAD = "1000.00" }` in the provider's config section
    #[arg(long = "min", value_name = "CURRENCY=AMOUNT", value_parser = parse_minimum)]
    pub min: Vec<(String, crate::money::Amount)>,
}

fn parse_minimum(s: &str) -> Result<(String, crate::money::Amount), String> {
    let (currency, amount) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CURRENCY=AMOUNT, as in CAD=1000.00: {s:?}"))?;
    let currency = currency.trim();
    if currency.is_empty() {
        return Err(format!("no currency in {s:?}"));
    }
    let amount = crate::money::Amount::parse(amount.trim()).map_err(|e| e.to_string())?;
    Ok((currency.to_uppercase(), amount))
}

#[derive(Debug, Clone, Copy, Args)]
pub struct DryRun {
    /// Print the request that would be sent (secrets as ***) and send nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Store a secret in the OS keyring (read from the terminal without echo, or from stdin)
    #[command(after_help = "Examples:\n  \
            balances auth set boca api_secret\n  \
            printf %s \"$SECRET\" | balances --profile prod auth set p100 api_key")]
    Set {
        #[arg(value_enum)]
        provider: ProviderId,
        /// api_key, api_secret, signing_key, username, password, totp_secret (per provider)
        field: String,
    },
    /// Remove a secret from the OS keyring
    #[command(after_help = "Examples:\n  \
            balances auth delete boca api_secret")]
    Delete {
        #[arg(value_enum)]
        provider: ProviderId,
        field: String,
    },
    /// Where each credential comes from (never its value)
    #[command(after_help = "Examples:\n  \
            balances auth status\n  \
            balances --profile prod auth status -o json")]
    Status,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Write a commented template to the config path
    #[command(after_help = "Examples:\n  \
            balances config init\n  \
            balances --config ./balances.toml config init --force")]
    Init {
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// Print the config file's path
    Path,
    /// Print the effective configuration of the profile, secrets redacted
    #[command(after_help = "Examples:\n  \
            balances config show\n  \
            balances --profile sandbox config show -o json")]
    Show,
    /// Print a key's value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)
    #[command(after_help = "Examples:\n  \
            balances config get defaults.output\n  \
            balances --profile prod config get boca.users")]
    Get {
        /// `defaults.<key>`, `<provider>.<key>` (in the profile), or `profiles.<name>.<provider>.<key>`
        key: String,
    },
    /// Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)
    #[command(after_help = "Examples:\n  \
            balances config set defaults.output json\n  \
            balances config set boca.users partner-user-42,user-00001\n  \
            balances --profile prod config set boca.base_url https://partner-api.bocaraton.com")]
    Set {
        /// As for `config get`
        key: String,
        /// The value (`users`: ids separated by commas)
        value: String,
    },
    /// List the profiles of the config file
    #[command(after_help = "Examples:\n  \
            balances config profiles\n  \
            balances config profiles -o json")]
    Profiles,
}

#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// Loopback address to listen on
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Seed for the generated demo data
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Transactions in each user's history
    #[arg(long, default_value_t = crate::sandbox::DEFAULT_TRANSACTIONS, value_name = "N")]
    pub transactions: u64,
    /// Generated users besides the seed examples (user-00001 ...)
    #[arg(long, default_value_t = crate::sandbox::DEFAULT_USERS, value_name = "N")]
    pub users: u64,
    /// Answer 429 past N requests per second (`5` or `5/s`)
    #[arg(long, value_name = "N/s", value_parser = parse_rate)]
    pub rate_limit: Option<u32>,
    /// Fail this fraction of requests with a 5xx (or p100 P501), e.g. 0.2
    #[arg(long, value_name = "P", value_parser = parse_fraction)]
    pub fail_rate: Option<u32>,
    /// Fail the first N requests with a 5xx
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub fail_first: u32,
    /// Answer the first N requests 429 with `Retry-After: 1`
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub throttle_first: u32,
    /// The sandbox's clock, pinned (RFC 3339 or Unix seconds): its living histories and balances, and its checks of timestamps and one-time codes [default: the wall clock]
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub now: Option<i64>,
    /// Leave this transaction out of its listing while its balance still counts it (for `balances reconcile` to find)
    #[arg(long, value_name = "ID")]
    pub hide_transaction: Option<String>,
    /// Delay every response by this many milliseconds
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Lifetime of Ibanera access tokens, in seconds
    #[arg(long, value_name = "SECS", default_value_t = 3600)]
    pub token_ttl: u64,
}

/// A time as Unix seconds: RFC 3339 (`2026-12-07T12:00:00Z`) or the seconds themselves.
fn parse_time(s: &str) -> Result<i64, String> {
    if let Ok(secs) = s.trim().parse::<i64>() {
        return Ok(secs);
    }
    time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339)
        .map(|t| t.unix_timestamp())
        .map_err(|_| format!("expected an RFC 3339 time or Unix seconds, got {s:?}"))
}

fn parse_rate(s: &str) -> Result<u32, String> {
    let n = s.trim().strip_suffix("/s").unwrap_or(s.trim());
    n.parse::<u32>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("expected requests per second like 5 or 5/s, got {s:?}"))
}

/// A probability as parts per million (0.2 → 200000), without floating point.
fn parse_fraction(s: &str) -> Result<u32, String> {
    let d: rust_decimal::Decimal = s
        .trim()
        .parse()
        .map_err(|_| format!("not a number: {s:?}"))?;
    if d < rust_decimal::Decimal::ZERO || d > rust_decimal::Decimal::ONE {
        return Err("must be between 0 and 1".into());
    }
    let ppm = (d * rust_decimal::Decimal::from(1_000_000)).trunc();
    ppm.try_into().map_err(|_| format!("out of range: {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn seconds_and_fractions_parse_exactly() {
        assert_eq!(parse_seconds("30").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_seconds("2.5").unwrap(), Duration::from_millis(2500));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("x").is_err());
        assert_eq!(parse_fraction("0.2").unwrap(), 200_000);
        assert_eq!(parse_fraction("1").unwrap(), 1_000_000);
        assert!(parse_fraction("1.5").is_err());
        assert_eq!(parse_rate("5/s").unwrap(), 5);
        assert_eq!(parse_rate("7").unwrap(), 7);
        assert!(parse_rate("0").is_err());
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "balances",
            "boca",
            "get-balances",
            "u",
            "-o",
            "csv",
            "--retries",
            "0",
        ])
        .unwrap();
        assert_eq!(cli.global.output, Some(Format::Csv));
        assert_eq!(cli.global.retries, 0);
    }
}
