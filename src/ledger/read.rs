//! Reading the ledger back (`reconcile`, `export`): opened read-only, never
//! created or migrated; a ledger that is not there is 66, one that is not a
//! ledger or is from a newer `balances` is 78. Transactions are streamed a
//! row at a time, borrowed from the database's own buffers, so a history of
//! any length costs the rows of one listing's windows, not the history.

use super::{Target, postgres, schema_version};
use crate::error::{Error, Kind, Result};

/// One balance snapshot, as stored.
#[derive(Debug, Clone)]
pub struct StoredBalance {
    pub provider: String,
    pub profile: String,
    pub base_url: String,
    pub subject: String,
    /// `balances` or `card_balances` (`None` in rows of schema 1).
    pub list: Option<String>,
    pub account_id: Option<String>,
    pub currency: String,
    pub available: Option<String>,
    pub total: Option<String>,
    pub provider_fields: String,
    pub as_of: String,
    pub run_id: String,
}

/// One stored transaction, borrowed for the length of a callback.
#[derive(Debug, Clone, Copy)]
pub struct StoredTransaction<'a> {
    pub id: &'a str,
    pub created_at: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub status: Option<&'a str>,
    pub from: Option<(&'a str, &'a str)>,
    pub to: Option<(&'a str, &'a str)>,
    pub fee: Option<(&'a str, &'a str)>,
    pub rate: Option<&'a str>,
    /// The provider's other fields (JSON text), when asked for.
    pub provider_fields: Option<&'a str>,
}

/// A transaction listing: provider, profile, base URL and subject.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListingOf {
    pub provider: String,
    pub profile: String,
    pub base_url: String,
    pub subject: String,
}

/// A listing read completely: when the read that did it began.
#[derive(Debug, Clone)]
pub struct Complete {
    pub listing: ListingOf,
    pub list: String,
    pub through: String,
}

pub enum Reader {
    Sqlite(rusqlite::Connection, String),
    Postgres(tokio_postgres::Client, String),
}

const BALANCES: &str = "SELECT provider, profile, base_url, subject, list, account_id, currency, \
     available, total, provider_fields, as_of, run_id FROM balances \
     ORDER BY provider, profile, base_url, subject, account_id, currency, as_of, run_id";
const BALANCES_V1: &str = "SELECT provider, profile, base_url, subject, NULL, account_id, currency, \
     available, total, provider_fields, as_of, run_id FROM balances \
     ORDER BY provider, profile, base_url, subject, account_id, currency, as_of, run_id";
const COMPLETE: &str = "SELECT provider, profile, base_url, subject, list, max(started_at) FROM listings \
     WHERE outcome = 'ok' GROUP BY provider, profile, base_url, subject, list";
const TRANSACTIONS: &str = "SELECT id, created_at, type, status, from_currency, from_amount, to_currency, \
     to_amount, fee_currency, fee_amount, rate, provider_fields FROM transactions \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4";
const TRANSACTIONS_LEAN: &str = "SELECT id, created_at, type, status, from_currency, from_amount, to_currency, \
     to_amount, fee_currency, fee_amount, rate, NULL FROM transactions \
     WHERE provider = $1 AND profile = $2 AND base_url = $3 AND subject = $4";
const LISTINGS: &str = "SELECT DISTINCT provider, profile, base_url, subject FROM transactions \
     ORDER BY provider, profile, base_url, subject";

impl Reader {
    /// Open `target` for reading, and check it is a ledger this build reads.
    pub async fn open(target: &Target) -> Result<(Reader, i64)> {
        let name = target.display();
        let mut reader = match target {
            Target::Sqlite(path) => {
                if !path.exists() {
                    return Err(Error::new(
                        Kind::NotFound,
                        format!("no ledger at {name}: `balances sync --db {name}` makes one"),
                    ));
                }
                let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = rusqlite::Connection::open_with_flags(path, flags)
                    .map_err(|e| unreadable(&name, &e.to_string()))?;
                conn.busy_timeout(std::time::Duration::from_secs(60))
                    .map_err(|e| unreadable(&name, &e.to_string()))?;
                Reader::Sqlite(conn, name.clone())
            }
            Target::Postgres(url) => {
                Reader::Postgres(postgres::connect_for_reading(url).await?, name.clone())
            }
        };
        let version = reader.version().await?;
        match version {
            None => Err(Error::new(
                Kind::NotFound,
                format!(
                    "{name} holds no ledger (no schema_version): `balances sync --db` makes one"
                ),
            )),
            Some(v) if v > schema_version() => Err(super::too_new(&name, v)),
            Some(v) => Ok((reader, v)),
        }
    }

    async fn version(&mut self) -> Result<Option<i64>> {
        match self {
            Reader::Sqlite(c, name) => {
                let exists: bool = c
                    .query_row(
                        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
                        [],
                        |r| r.get(0),
                    )
                    .map_err(|e| unreadable(name, &e.to_string()))?;
                if !exists {
                    return Ok(None);
                }
                c.query_row("SELECT max(version) FROM schema_version", [], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .map_err(|e| unreadable(name, &e.to_string()))
            }
            Reader::Postgres(c, name) => {
                let exists: bool = c
                    .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])
                    .await
                    .map_err(|e| unreadable(name, &e.to_string()))?
                    .get(0);
                if !exists {
                    return Ok(None);
                }
                let v: Option<i32> = c
                    .query_one("SELECT max(version) FROM schema_version", &[])
                    .await
                    .map_err(|e| unreadable(name, &e.to_string()))?
                    .get(0);
                Ok(v.map(i64::from))
            }
        }
    }

    /// Every balance snapshot, ordered by balance then time.
    pub async fn balances(&mut self, version: i64) -> Result<Vec<StoredBalance>> {
        let sql = if version >= 2 { BALANCES } else { BALANCES_V1 };
        let text_rows = self.text_rows(sql, &[]).await?;
        Ok(text_rows
            .into_iter()
            .map(|r| {
                let mut r = r.into_iter();
                let mut next = || r.next().flatten();
                StoredBalance {
                    provider: next().unwrap_or_default(),
                    profile: next().unwrap_or_default(),
                    base_url: next().unwrap_or_default(),
                    subject: next().unwrap_or_default(),
                    list: next(),
                    account_id: next(),
                    currency: next().unwrap_or_default(),
                    available: next(),
                    total: next(),
                    provider_fields: next().unwrap_or_default(),
                    as_of: next().unwrap_or_default(),
                    run_id: next().unwrap_or_default(),
                }
            })
            .collect())
    }

    /// Every transaction listing the ledger holds rows of.
    pub async fn transaction_listings(&mut self) -> Result<Vec<ListingOf>> {
        let rows = self.text_rows(LISTINGS, &[]).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut r = r.into_iter().map(Option::unwrap_or_default);
                let mut next = || r.next().unwrap_or_default();
                ListingOf {
                    provider: next(),
                    profile: next(),
                    base_url: next(),
                    subject: next(),
                }
            })
            .collect())
    }

    /// How far each transaction listing is known to be complete (schema 2 on).
    pub async fn complete(&mut self, version: i64) -> Result<Vec<Complete>> {
        if version < 2 {
            return Ok(Vec::new());
        }
        let rows = self.text_rows(COMPLETE, &[]).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut r = r.into_iter().map(Option::unwrap_or_default);
                let mut next = || r.next().unwrap_or_default();
                Complete {
                    listing: ListingOf {
                        provider: next(),
                        profile: next(),
                        base_url: next(),
                        subject: next(),
                    },
                    list: next(),
                    through: next(),
                }
            })
            .collect())
    }

    /// Every transaction of `listing`, in no particular order, to `each`
    /// (with `provider_fields` only when `fields` asks for them).
    pub async fn transactions(
        &mut self,
        listing: &ListingOf,
        fields: bool,
        mut each: impl FnMut(StoredTransaction<'_>) -> Result<()>,
    ) -> Result<()> {
        let sql = if fields {
            TRANSACTIONS
        } else {
            TRANSACTIONS_LEAN
        };
        let params = [
            listing.provider.as_str(),
            &listing.profile,
            &listing.base_url,
            &listing.subject,
        ];
        match self {
            Reader::Sqlite(c, name) => {
                let fail = |e: rusqlite::Error| unreadable(name, &e.to_string());
                let mut stmt = c.prepare_cached(sql).map_err(fail)?;
                let mut rows = stmt.query(params).map_err(fail)?;
                while let Some(row) = rows.next().map_err(fail)? {
                    let text = |i: usize| -> Result<Option<&str>> {
                        match row.get_ref(i).map_err(fail)? {
                            rusqlite::types::ValueRef::Null => Ok(None),
                            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t)
                                .map(Some)
                                .map_err(|_| unreadable(name, "a text that is not UTF-8")),
                            _ => Err(unreadable(name, "a column that is not text")),
                        }
                    };
                    each(stored(text)?)?;
                }
                Ok(())
            }
            Reader::Postgres(c, name) => {
                use futures_util::TryStreamExt;
                let fail = |e: tokio_postgres::Error| unreadable(name, &e.to_string());
                let stream = c.query_raw(sql, params.iter()).await.map_err(fail)?;
                futures_util::pin_mut!(stream);
                while let Some(row) = stream.try_next().await.map_err(fail)? {
                    let text = |i: usize| -> Result<Option<&str>> {
                        row.try_get::<_, Option<&str>>(i).map_err(fail)
                    };
                    each(stored(text)?)?;
                }
                Ok(())
            }
        }
    }

    /// Every row of `sql`, each column as text.
    async fn text_rows(&mut self, sql: &str, params: &[&str]) -> Result<Vec<Vec<Option<String>>>> {
        match self {
            Reader::Sqlite(c, name) => {
                let fail = |e: rusqlite::Error| unreadable(name, &e.to_string());
                let mut stmt = c.prepare(sql).map_err(fail)?;
                let columns = stmt.column_count();
                let rows = stmt
                    .query_map(rusqlite::params_from_iter(params), |r| {
                        (0..columns)
                            .map(|i| {
                                Ok(match r.get_ref(i)? {
                                    rusqlite::types::ValueRef::Null => None,
                                    rusqlite::types::ValueRef::Text(t) => {
                                        Some(String::from_utf8_lossy(t).into_owned())
                                    }
                                    rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
                                    other => Some(format!("{other:?}")),
                                })
                            })
                            .collect()
                    })
                    .map_err(fail)?;
                rows.collect::<std::result::Result<_, _>>().map_err(fail)
            }
            Reader::Postgres(c, name) => {
                let fail = |e: tokio_postgres::Error| unreadable(name, &e.to_string());
                let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as _).collect();
                let rows = c.query(sql, &params).await.map_err(fail)?;
                rows.iter()
                    .map(|r| {
                        (0..r.len())
                            .map(|i| r.try_get::<_, Option<String>>(i))
                            .collect::<std::result::Result<Vec<_>, _>>()
                    })
                    .collect::<std::result::Result<_, _>>()
                    .map_err(fail)
            }
        }
    }
}

/// A transaction from its columns, in [`TRANSACTIONS`]' order.
fn stored<'a>(text: impl Fn(usize) -> Result<Option<&'a str>>) -> Result<StoredTransaction<'a>> {
    let leg = |c: usize, a: usize| -> Result<Option<(&'a str, &'a str)>> {
        Ok(match (text(c)?, text(a)?) {
            (Some(currency), Some(amount)) => Some((currency, amount)),
            _ => None,
        })
    };
    Ok(StoredTransaction {
        id: text(0)?.unwrap_or_default(),
        created_at: text(1)?,
        kind: text(2)?,
        status: text(3)?,
        from: leg(4, 5)?,
        to: leg(6, 7)?,
        fee: leg(8, 9)?,
        rate: text(10)?,
        provider_fields: text(11)?,
    })
}

/// A ledger that cannot be read as one: a configuration problem (78).
fn unreadable(name: &str, why: &str) -> Error {
    Error::config(format!(
        "cannot read the ledger {name}: {}",
        crate::text::quote(why)
    ))
}
