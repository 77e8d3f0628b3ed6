//! The ledger in PostgreSQL, for cron jobs on several hosts writing one
//! ledger. The same schema and statements as SQLite; each listing's rows and
//! position in one transaction, serialised per listing by an advisory lock
//! (`pg_advisory_xact_lock`), so two hosts syncing the same listing take
//! turns and hosts syncing different users never wait for each other.
//!
//! TLS: a server that is not on this machine is reached only over TLS
//! (rustls, the system's roots), as provider APIs are only over https; the
//! password in the URL must not cross a network in the clear. Loopback and
//! Unix sockets connect as the URL says (`sslmode`; plain by default).

use super::{Batch, Row, Run, Then};
use crate::error::{Error, Kind, Result};
use crate::listing::key::ListingKey;
use crate::secret::Secret;
use std::time::Duration;
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config};

/// Any constant: the lock taken while the schema is created or migrated.
const MIGRATION_LOCK: i64 = 0x6261_6c61_6e63_6573; // "balances"

pub struct Postgres {
    client: Client,
    name: String,
}

/// The URL with its scheme in lower case (tokio-postgres reads only
/// `postgres://` and `postgresql://` as written).
fn normalized(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => format!("{}://{rest}", scheme.to_ascii_lowercase()),
        None => url.to_owned(),
    }
}

/// The text of a PostgreSQL error: the server's own message where there is
/// one (tokio-postgres' `Display` says only "db error"), else the error and
/// its causes. Neither holds the password.
fn reason(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} ({})", db.message(), db.code().code());
    }
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// A failed statement: a lock not had within [`LOCK_TIMEOUT`] is a
/// temporary failure (75), anything else a failed ledger write (74).
fn failed(name: &str, e: tokio_postgres::Error) -> Error {
    let kind = match e.code() {
        Some(c) if *c == tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE => Kind::Timeout,
        _ => Kind::Io,
    };
    let what = if kind == Kind::Timeout {
        format!(
            "the ledger {name}: another run held this listing's lock for {} s",
            LOCK_TIMEOUT.as_secs()
        )
    } else {
        format!("cannot write the ledger {name}")
    };
    Error::new(kind, format!("{what}: {}", crate::text::quote(&reason(&e)))).with_cause(e)
}

/// How long a run waits for another host's transaction on the same listing
/// (as SQLite's busy timeout): past it, that listing fails with 75.
const LOCK_TIMEOUT: Duration = Duration::from_secs(60);

/// The URL for messages: user, hosts, ports and database, never the password.
pub fn display(url: &str) -> String {
    match normalized(url).parse::<Config>() {
        Ok(c) => describe(&c),
        Err(_) => "postgres://… (not a valid URL)".to_owned(),
    }
}

fn describe(c: &Config) -> String {
    let hosts: Vec<String> = c
        .get_hosts()
        .iter()
        .map(|h| match h {
            Host::Tcp(name) => name.clone(),
            #[cfg(unix)]
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let ports: Vec<String> = c.get_ports().iter().map(u16::to_string).collect();
    format!(
        "postgres://{}{}{}{}/{}",
        c.get_user().map(|u| format!("{u}@")).unwrap_or_default(),
        hosts.join(","),
        if ports.is_empty() { "" } else { ":" },
        ports.join(","),
        c.get_dbname().unwrap_or("")
    )
}

fn is_local(c: &Config) -> bool {
    !c.get_hosts().is_empty()
        && c.get_hosts().iter().all(|h| match h {
            Host::Tcp(name) => crate::http::url::is_loopback_host(name),
            #[cfg(unix)]
            Host::Unix(_) => true,
        })
        && c.get_hostaddrs().iter().all(|a| a.is_loopback())
}

fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
        .map_err(|e| Error::config(format!("cannot load the system's TLS roots: {e}")))?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::internal(format!("TLS setup: {e}")))?
        .dangerous() // not dangerous: the platform verifier checks chain and name
        .with_custom_certificate_verifier(std::sync::Arc::new(verifier))
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// Connect to the ledger's server: TLS unless the server is on this
/// machine, the password from the URL or `PGPASSWORD`, never printed.
async fn connect(url: &Secret) -> Result<(Client, String)> {
    let mut config: Config =
        normalized(url.expose())
            .parse()
            .map_err(|e: tokio_postgres::Error| {
                Error::usage(format!(
                    "--db: not a PostgreSQL URL ({})",
                    crate::text::quote(&reason(&e))
                ))
            })?;
    if config.get_password().is_none()
        && let Some(pw) = std::env::var_os("PGPASSWORD")
    {
        config.password(pw.as_encoded_bytes());
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(30));
    }
    let name = describe(&config);
    let local = is_local(&config);
    let plain = local && config.get_ssl_mode() != SslMode::Require;
    if !local {
        if config.get_ssl_mode() == SslMode::Disable {
            return Err(Error::config(format!(
                "the ledger {name} is not on this machine: it is reached over TLS only (drop sslmode=disable)"
            )));
        }
        config.ssl_mode(SslMode::Require);
    }
    let unreachable = |e: tokio_postgres::Error| {
        let auth = e.code().is_some_and(|c| {
            *c == tokio_postgres::error::SqlState::INVALID_PASSWORD
                || *c == tokio_postgres::error::SqlState::INVALID_AUTHORIZATION_SPECIFICATION
                || *c == tokio_postgres::error::SqlState::INVALID_CATALOG_NAME
        });
        let kind = if auth {
            Kind::Config
        } else {
            Kind::Unavailable
        };
        Error::new(
            kind,
            format!(
                "cannot connect to the ledger {name}: {}",
                crate::text::quote(&reason(&e))
            ),
        )
        .with_cause(e)
    };
    let client = if plain {
        config.ssl_mode(SslMode::Disable);
        let (client, conn) = config
            .connect(tokio_postgres::NoTls)
            .await
            .map_err(unreachable)?;
        tokio::spawn(conn);
        client
    } else {
        let (client, conn) = config.connect(tls()?).await.map_err(unreachable)?;
        tokio::spawn(conn);
        client
    };
    Ok((client, name))
}

/// A connection for reading the ledger (`reconcile`, `export`): the same
/// TLS rules, no migration.
pub async fn connect_for_reading(url: &Secret) -> Result<Client> {
    Ok(connect(url).await?.0)
}

impl Postgres {
    pub async fn open(url: &Secret) -> Result<Postgres> {
        let (client, name) = connect(url).await?;
        let mut db = Postgres { client, name };
        let timeout = format!("SET lock_timeout = '{}s'", LOCK_TIMEOUT.as_secs());
        db.client
            .batch_execute(&timeout)
            .await
            .map_err(|e| db.fail(e))?;
        db.migrate().await?;
        Ok(db)
    }

    fn fail(&self, e: tokio_postgres::Error) -> Error {
        failed(&self.name, e)
    }

    async fn migrate(&mut self) -> Result<()> {
        let name = self.name.clone();
        let f = |e| failed(&name, e);
        let tx = self.client.transaction().await.map_err(f)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(f)?;
        let exists: bool = tx
            .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])
            .await
            .map_err(f)?
            .get(0);
        let found: i64 = if exists {
            let v: Option<i32> = tx
                .query_one("SELECT max(version) FROM schema_version", &[])
                .await
                .map_err(f)?
                .get(0);
            i64::from(v.unwrap_or(0))
        } else {
            0
        };
        if found > super::schema_version() {
            return Err(super::too_new(&name, found));
        }
        if found == super::schema_version() {
            return tx.commit().await.map_err(f);
        }
        for (i, step) in super::MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.batch_execute(step).await.map_err(f)?;
            let version = i as i32 + 1;
            tx.execute("DELETE FROM schema_version", &[])
                .await
                .map_err(f)?;
            tx.execute(
                "INSERT INTO schema_version (version) VALUES ($1)",
                &[&version],
            )
            .await
            .map_err(f)?;
        }
        tx.commit().await.map_err(f)
    }

    pub async fn begin_run(&mut self, run: &Run) -> Result<()> {
        self.client
            .execute(super::INSERT_RUN, &[&run.id, &run.profile, &run.started_at])
            .await
            .map(drop)
            .map_err(|e| self.fail(e))
    }

    pub async fn finish_run(&mut self, run: &Run, finished: &str, exit_code: u8) -> Result<()> {
        self.client
            .execute(
                "UPDATE runs SET finished_at = $1, exit_code = $2 WHERE run_id = $3",
                &[&finished, &i32::from(exit_code), &run.id],
            )
            .await
            .map(drop)
            .map_err(|e| self.fail(e))
    }

    /// The one text a statement selects for a listing (its position, its backfill).
    pub async fn select_text(
        &mut self,
        sql: &'static str,
        key: &ListingKey,
    ) -> Result<Option<String>> {
        let params = key.position_params();
        let row = self
            .client
            .query_opt(sql, &as_params(&params))
            .await
            .map_err(|e| self.fail(e))?;
        Ok(row.map(|r| r.get(0)))
    }

    pub async fn subjects(&mut self, params: &[String; 4]) -> Result<Vec<String>> {
        let rows = self
            .client
            .query(super::SELECT_SUBJECTS, &as_params(params))
            .await
            .map_err(|e| self.fail(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub async fn add_snapshot(
        &mut self,
        rows: &[Row],
        listing: &(Vec<String>, i64),
    ) -> Result<u64> {
        let name = self.name.clone();
        let f = |e| failed(&name, e);
        let tx = self.client.transaction().await.map_err(f)?;
        let stmt = tx.prepare(super::INSERT_BALANCE).await.map_err(f)?;
        let mut written = 0;
        for row in rows {
            written += tx.execute(&stmt, &as_params(row)).await.map_err(f)?;
        }
        record_listing(&tx, listing).await.map_err(f)?;
        tx.commit().await.map_err(f)?;
        Ok(written)
    }

    /// A batch of transactions, under the listing's lock. While a backfill
    /// is under way its rows go to `backfill_rows` in one `COPY` (appended,
    /// no unique index to keep), and its last batch moves them over, each
    /// once, in one insert: a unique index kept a batch at a time cost
    /// PostgreSQL twice the time of one `COPY` of everything. A read that is
    /// one batch (most syncs after the first) inserts directly.
    pub async fn write(&mut self, run: &Run, key: &ListingKey, batch: Batch) -> Result<u64> {
        let Batch { rows, then } = batch;
        let name = self.name.clone();
        let f = |e| failed(&name, e);
        let tx = self.client.transaction().await.map_err(f)?;
        // One lock per listing, held to the commit: a host that syncs the
        // same listing waits here; the position it then reads is ours.
        let lock = format!("balances:{}", key.position_params().join("\u{1f}"));
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            &[&lock],
        )
        .await
        .map_err(f)?;
        let keys = key.position_params();
        let staging = match &then {
            Then::GoOn(_) => true,
            Then::Finish { .. } => tx
                .query_opt(super::SELECT_BACKFILL, &as_params(&keys))
                .await
                .map_err(f)?
                .is_some(),
        };
        let mut inserted = 0;
        if staging && !rows.is_empty() {
            let copy = format!(
                "COPY backfill_rows (list, {}) FROM STDIN",
                super::TRANSACTION_COLUMNS
            );
            let sink = tx.copy_in(&copy).await.map_err(f)?;
            futures_util::pin_mut!(sink);
            use futures_util::SinkExt;
            sink.send(bytes::Bytes::from(copy_text(key.list, &rows)))
                .await
                .map_err(f)?;
            sink.finish().await.map_err(f)?;
        } else if !rows.is_empty() {
            let columns: Vec<Vec<Option<String>>> = (0..rows[0].len())
                .map(|c| rows.iter().map(|r| r[c].clone()).collect())
                .collect();
            inserted = tx
                .execute(&*INSERT_TRANSACTIONS, &as_params(&columns))
                .await
                .map_err(f)?;
        }
        if staging && let Then::Finish { .. } = &then {
            inserted += move_backfill(&tx, &keys).await.map_err(f)?;
        }
        match &then {
            Then::GoOn(checkpoint) => {
                let text = super::backfill_row(run, key, checkpoint);
                let rows = rows.len() as i64;
                let mut params: Vec<&(dyn ToSql + Sync)> =
                    text[..6].iter().map(|t| t as _).collect();
                params.push(&rows);
                params.extend(text[6..].iter().map(|t| t as &(dyn ToSql + Sync)));
                tx.execute(super::UPSERT_BACKFILL, &params)
                    .await
                    .map_err(f)?;
            }
            Then::Finish { mark, listing } => {
                if let Some(mark) = mark {
                    let stored: Option<String> = tx
                        .query_opt(super::SELECT_POSITION, &as_params(&keys))
                        .await
                        .map_err(f)?
                        .map(|r| r.get(0));
                    let next = super::next_position(stored.as_deref(), mark)?;
                    let mark_text = next.to_json().to_string();
                    let now = crate::clock::rfc3339_seconds(crate::clock::now());
                    let [provider, profile, base_url, subject, list] = keys;
                    tx.execute(
                        super::UPSERT_POSITION,
                        &as_params(&[
                            provider, profile, base_url, subject, list, &mark_text, &now, &run.id,
                        ]),
                    )
                    .await
                    .map_err(f)?;
                }
                tx.execute(super::DELETE_BACKFILL, &as_params(&keys))
                    .await
                    .map_err(f)?;
                let row = super::listing_row(run, key, listing, inserted);
                record_listing(&tx, &row).await.map_err(f)?;
            }
        }
        tx.commit().await.map_err(f)?;
        Ok(inserted)
    }

    pub async fn record_listing(&mut self, listing: &(Vec<String>, i64)) -> Result<()> {
        let name = self.name.clone();
        let f = |e| failed(&name, e);
        let tx = self.client.transaction().await.map_err(f)?;
        record_listing(&tx, listing).await.map_err(f)?;
        tx.commit().await.map_err(f)
    }
}

/// [`super::INSERT_TRANSACTION`] for many rows at once: each column a text array.
static INSERT_TRANSACTIONS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let columns = super::TRANSACTION_COLUMNS;
    let arrays: Vec<String> = (1..=18).map(|i| format!("${i}::text[]")).collect();
    format!(
        "INSERT INTO transactions ({columns}) SELECT * FROM unnest({}) ON CONFLICT DO NOTHING",
        arrays.join(", ")
    )
});

/// A finished backfill's rows into `transactions`, each once, and out of
/// `backfill_rows`. Measured on a million rows: `ON CONFLICT`'s speculative
/// insertion cost 7.3 s where a sort and an anti-join cost 5.6 s, or 4.2 s
/// without the anti-join when the listing has no transaction yet (a first
/// sync); a `DELETE` of the staged rows 1 s where `TRUNCATE` costs nothing
/// when they are the only ones. The listing's advisory lock, held to the
/// commit, keeps any other run from inserting its rows meanwhile.
async fn move_backfill(
    tx: &tokio_postgres::Transaction<'_>,
    keys: &[&str; 5],
) -> std::result::Result<u64, tokio_postgres::Error> {
    let columns = super::TRANSACTION_COLUMNS;
    let params = as_params(keys);
    // The sort of the staged rows, in memory rather than on disk.
    tx.batch_execute("SET LOCAL work_mem = '64MB'").await?;
    let first = tx
        .query_opt(
            "SELECT 1 FROM transactions WHERE provider = $1 AND profile = $2 AND base_url = $3 \
             AND subject = $4 LIMIT 1",
            &params[..4],
        )
        .await?
        .is_none();
    let new_only = if first {
        ""
    } else {
        "AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.provider = b.provider \
         AND t.profile = b.profile AND t.base_url = b.base_url AND t.subject = b.subject AND t.id = b.id)"
    };
    let moved = tx
        .execute(
            &format!(
                "INSERT INTO transactions ({columns}) SELECT DISTINCT ON (id) {columns} \
                 FROM backfill_rows b WHERE b.provider = $1 AND b.profile = $2 AND b.base_url = $3 \
                 AND b.subject = $4 AND b.list = $5 {new_only} ORDER BY id"
            ),
            &params,
        )
        .await?;
    // Another listing's staged rows may be committed at any moment: the
    // table is locked before it is looked at, and emptied whole only when
    // nothing but this listing's rows is in it.
    tx.batch_execute("LOCK TABLE backfill_rows IN EXCLUSIVE MODE")
        .await?;
    let others = tx
        .query_opt(
            "SELECT 1 FROM backfill_rows WHERE NOT (provider = $1 AND profile = $2 \
             AND base_url = $3 AND subject = $4 AND list = $5) LIMIT 1",
            &params,
        )
        .await?
        .is_some();
    if others {
        tx.execute(super::DELETE_STAGED, &params).await?;
    } else {
        tx.batch_execute("TRUNCATE backfill_rows").await?;
    }
    Ok(moved)
}

/// Rows in `COPY`'s text format: tab between fields, `\N` for null, and
/// backslash, tab, line feed and carriage return escaped.
fn copy_text(list: &str, rows: &[Row]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 256);
    for row in rows {
        let fields = std::iter::once(Some(list)).chain(row.iter().map(Option::as_deref));
        for (i, field) in fields.enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            match field {
                None => out.extend_from_slice(b"\\N"),
                Some(text) => {
                    for &b in text.as_bytes() {
                        match b {
                            b'\\' => out.extend_from_slice(b"\\\\"),
                            b'\t' => out.extend_from_slice(b"\\t"),
                            b'\n' => out.extend_from_slice(b"\\n"),
                            b'\r' => out.extend_from_slice(b"\\r"),
                            _ => out.push(b),
                        }
                    }
                }
            }
        }
        out.push(b'\n');
    }
    out
}

async fn record_listing(
    tx: &tokio_postgres::Transaction<'_>,
    (text, rows): &(Vec<String>, i64),
) -> std::result::Result<u64, tokio_postgres::Error> {
    let mut params: Vec<&(dyn ToSql + Sync)> = text.iter().map(|t| t as _).collect();
    params.push(rows);
    tx.execute(super::UPSERT_LISTING, &params).await
}

fn as_params<T: ToSql + Sync>(values: &[T]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}
