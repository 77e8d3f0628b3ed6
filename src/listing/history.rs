//! `--state-file`: export only the transactions that are new since the last
//! successful run.
//!
//! The rule, exactly:
//! - A run reads the listing newest first and checks that it is: every
//!   transaction must carry a timestamp (RFC 3339, or the provider's
//!   documented form), compared as an instant (fractions and offsets count),
//!   and no transaction may be newer than the one before it, within a page or
//!   across pages. A history that breaks this, a timestamp that is not one,
//!   or one more than a day ahead of this machine's clock, stops the run with
//!   exit 65 and leaves the state as it was.
//! - The state (the "mark") is the newest instant exported so far and the ids
//!   seen at that instant. A run exports every transaction newer than the mark,
//!   and those at the mark's instant whose id it has not seen; it reads on
//!   until the first transaction older than the mark (ties are read in full).
//! - The mark never goes past this machine's clock at the start of the run:
//!   a transaction dated ahead of it is exported, and exported again by
//!   later runs until that time has passed (a repeat, never a skip).
//! - The new mark is written (a temporary file, then a rename) only after
//!   every record has been flushed to stdout. A run that fails anywhere leaves
//!   the old mark, so the next run repeats what this one may have printed
//!   rather than skipping anything: at least once, never lost.
//! - What it assumes of the provider: a new transaction is never given a
//!   timestamp older than the newest one already listed. One that is (a
//!   back-dated entry) would be missed; no client can see it without
//!   re-reading the whole history.
//! - The state names its listing (provider, profile, base URL, subject or
//!   list): one file is never applied to another listing.

use crate::clock::{Form, Timestamp};
use crate::error::{Error, Result};
use crate::listing::key::StateKey;
use crate::listing::paginate::{Page, Pager};
use crate::model::Transaction;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How far ahead of our clock a timestamp may be before it is not believed:
/// a mark in year 9999 would hide every later transaction forever.
const FUTURE_SLACK_SECS: i64 = 24 * 3600;

/// The newest instant exported so far, and the ids seen at that instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub at: Timestamp,
    /// The provider's own spelling of `at` (kept for people reading the file).
    pub created_at: String,
    pub ids: Vec<String>,
    /// The newest instant any run exported (`at` may stop short of it, at
    /// the clock): a listing whose newest is older than this has changed.
    pub newest_seen: Timestamp,
}

impl Mark {
    /// The mark as it is stored (the state file's `newest`, the ledger's `position`).
    pub fn to_json(&self) -> Value {
        json!({"created_at": self.created_at, "instant": self.at.to_rfc3339(), "ids": self.ids,
               "newest_seen": self.newest_seen.to_rfc3339()})
    }

    /// A stored mark; `None` for a listing that had no transaction yet.
    pub fn from_json(newest: &Value) -> std::result::Result<Option<Mark>, String> {
        let Some(created_at) = newest["created_at"].as_str() else {
            return Ok(None);
        };
        let spelled = newest["instant"].as_str().unwrap_or(created_at);
        let at = Timestamp::parse(spelled, Form::Iso8601Utc).map_err(|_| {
            format!(
                "has a mark that is not a timestamp ({})",
                crate::text::quote(spelled)
            )
        })?;
        let ids = newest["ids"]
            .as_array()
            .ok_or("has no `newest.ids`")?
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_owned)
                    .ok_or("has an id that is not a string")
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let newest_seen = match newest["newest_seen"].as_str() {
            Some(t) => Timestamp::parse(t, Form::Rfc3339).map_err(|_| {
                format!(
                    "has a newest_seen that is not a timestamp ({})",
                    crate::text::quote(t)
                )
            })?,
            None => at,
        };
        Ok(Some(Mark {
            at,
            created_at: created_at.to_owned(),
            ids,
            newest_seen,
        }))
    }

    /// The later of two marks, each covering everything up to it: the newer
    /// instant, the ids of both where they are the same instant. Used when a
    /// run ends (the old mark and this run's newest), and by the ledger when
    /// another run moved the position while this one was reading.
    pub fn merged(old: &Mark, new: &Mark) -> Mark {
        let newest_seen = old.newest_seen.max(new.newest_seen);
        if new.at == old.at {
            let mut ids = old.ids.clone();
            ids.extend(new.ids.iter().filter(|i| !old.ids.contains(i)).cloned());
            Mark {
                ids,
                newest_seen,
                ..old.clone()
            }
        } else if new.at < old.at {
            Mark {
                newest_seen,
                ..old.clone()
            }
        } else {
            Mark {
                newest_seen,
                ..new.clone()
            }
        }
    }

    /// Where `at`/`id` stands against the mark.
    fn place(&self, at: Timestamp, id: &str) -> Place {
        if at > self.at {
            Place::New
        } else if at < self.at {
            Place::Older
        } else if self.ids.iter().any(|seen| seen == id) {
            Place::Seen
        } else {
            Place::New
        }
    }
}

/// A read of a listing interrupted between two pages (a ledger backfill
/// committed so far), as it is stored to be gone on with.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    /// Where the next page starts.
    pub cursor: String,
    /// The mark the read stops at (what an earlier run stored).
    pub previous: Option<Mark>,
    /// The newest transaction the read saw, with the ids at its instant.
    pub newest: Option<Mark>,
    /// The clock the new mark is capped at.
    pub started: Timestamp,
}

impl Checkpoint {
    pub fn to_json(&self) -> Value {
        json!({
            "cursor": self.cursor,
            "previous": self.previous.as_ref().map(Mark::to_json),
            "newest": self.newest.as_ref().map(Mark::to_json),
            "started": self.started.to_rfc3339(),
        })
    }

    pub fn from_json(v: &Value) -> std::result::Result<Checkpoint, String> {
        let cursor = v["cursor"].as_str().ok_or("has no cursor")?.to_owned();
        let mark = |k: &str| match &v[k] {
            Value::Null => Ok(None),
            m => Mark::from_json(m),
        };
        let started = v["started"]
            .as_str()
            .and_then(|t| Timestamp::parse(t, Form::Rfc3339).ok())
            .ok_or("has no start time")?;
        Ok(Checkpoint {
            cursor,
            previous: mark("previous")?,
            newest: mark("newest")?,
            started,
        })
    }
}

#[derive(Debug, PartialEq)]
enum Place {
    New,
    Seen,
    Older,
}

pub struct StateFile {
    path: PathBuf,
    key: Value,
    pub previous: Option<Mark>,
}

impl StateFile {
    /// Load the state for this listing; `key` names it (provider, profile,
    /// base URL, subject or list) so a state file is never applied to another.
    pub fn load(path: &Path, key: &StateKey) -> Result<StateFile> {
        let key = key.to_json();
        check_writable(&write_target(path)?)?;
        let text = crate::local::read_file(path, crate::local::SMALL_FILE, "state file")?;
        let previous = match text {
            None => None,
            Some(text) => parse(&text, &key)
                .map_err(|why| Error::config(format!("state file {} {why}", path.display())))?,
        };
        Ok(StateFile {
            path: path.to_path_buf(),
            key,
            previous,
        })
    }

    /// Write the new mark: to a temporary file beside the state, then
    /// renamed over it. A state file that is a symlink is written through:
    /// beside, and over, the file it points at, so the link stays a link.
    pub fn save(&self, mark: &Mark) -> Result<()> {
        let doc = json!({"version": 2, "listing": self.key, "newest": mark.to_json()});
        let fail = |e: std::io::Error| {
            Error::new(
                crate::error::Kind::Io,
                format!("cannot write state file {}: {e}", self.path.display()),
            )
            .with_cause(e)
        };
        let target = crate::local::write_target(&self.path).map_err(fail)?;
        let tmp = target.with_extension(format!("tmp-{}", std::process::id()));
        let mut f = std::fs::File::create(&tmp).map_err(fail)?;
        f.write_all(format!("{doc}\n").as_bytes()).map_err(fail)?;
        f.sync_all().map_err(fail)?;
        std::fs::rename(&tmp, &target).map_err(fail)
    }
}

/// Where the state file's writes go (through a symlink), as a config error.
fn write_target(path: &Path) -> Result<PathBuf> {
    crate::local::write_target(path)
        .map_err(|e| Error::config(format!("cannot use the state file {}: {e}", path.display())))
}

/// The folder of the state file must exist and take a new file: found out
/// before the first request, not after the whole export has been printed.
fn check_writable(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let probe = dir.join(format!(
        ".{}.probe-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("state"),
        std::process::id()
    ));
    std::fs::File::create(&probe)
        .and_then(|_| std::fs::remove_file(&probe))
        .map_err(|e| {
            Error::config(format!(
                "cannot write the state file {} ({e}): the folder must exist and be writable",
                path.display()
            ))
        })
}

/// A state document: version 2 (with the instant), or version 1 (written
/// before base URLs were part of the key; its listing is matched without one).
pub fn parse(text: &str, key: &Value) -> std::result::Result<Option<Mark>, String> {
    let v: Value =
        serde_json::from_str(text).map_err(|_| "is not JSON written by balances".to_owned())?;
    let listing = &v["listing"];
    let same = match v["version"].as_u64() {
        Some(2) => listing == key,
        Some(1) => {
            let mut old_key = key.clone();
            if let Some(k) = old_key.as_object_mut() {
                k.remove("base_url");
            }
            *listing == old_key
        }
        _ => return Err("has a version this balances does not know".into()),
    };
    if !same {
        return Err(format!(
            "belongs to another listing ({}); use one state file per listing",
            // Whole when it can be: which listing it is, is the one useful detail.
            listing_shown(&listing.to_string())
        ));
    }
    Mark::from_json(&v["newest"])
}

/// The most of a foreign listing a message shows, once escaped: the
/// message around it stays within [`crate::text::MESSAGE_CHARS`].
const LISTING_CHARS: usize = 800;

/// A listing as a message names it: escaped first (an escape is longer
/// than its character), then cut, saying how long the whole was.
fn listing_shown(text: &str) -> String {
    let escaped = crate::text::printable(text);
    match escaped.char_indices().nth(LISTING_CHARS) {
        None => escaped.into_owned(),
        Some((end, _)) => format!("{}… ({} bytes in all)", &escaped[..end], text.len()),
    }
}

/// After a complete read: the listing's newest transaction now must not be
/// older than one an earlier run exported (or missing). If it is, the history
/// lost items, or is not the one the earlier run read: refused (65), with
/// `remedy` (how to start over) in the message.
pub fn check_kept(previous: &Mark, newest: Option<&Mark>, remedy: &str) -> Result<()> {
    if newest.is_none_or(|new| new.at < previous.newest_seen) {
        return Err(Error::bad_response(format!(
            "the listing's newest transaction ({}) is older than one an earlier run exported ({}): \
             the history changed; check it, then {remedy}",
            newest.map_or_else(
                || "none at all".to_owned(),
                |n| crate::text::quote(&n.created_at)
            ),
            previous.newest_seen.to_rfc3339(),
        )));
    }
    Ok(())
}

/// Wraps a transaction pager: checks the order, drops what the last run
/// exported, stops at the first transaction older than the mark, and
/// gathers the new mark.
pub struct SincePager<'a, P> {
    pub inner: &'a mut P,
    pub previous: Option<Mark>,
    /// The newest instant seen in this run, with its ids.
    pub newest: Option<Mark>,
    /// The instant of the last transaction read (for the order check).
    last: Option<Timestamp>,
    form: Form,
    /// This machine's clock when the run started: no mark goes past it.
    started: Timestamp,
    latest_believable: Timestamp,
}

impl<'a, P> SincePager<'a, P> {
    pub fn new(inner: &'a mut P, previous: Option<Mark>, form: Form) -> Self {
        SincePager {
            inner,
            previous,
            newest: None,
            last: None,
            form,
            started: Timestamp::now(),
            latest_believable: Timestamp::now().plus_seconds(FUTURE_SLACK_SECS),
        }
    }

    /// Keep the mark `secs` behind this machine's clock rather than at it
    /// (the ledger, whose position several hosts share).
    pub fn holding_back(mut self, secs: i64) -> Self {
        self.started = self.started.plus_seconds(-secs);
        self
    }

    /// Where a read interrupted between two pages stands, to go on from
    /// `cursor` in another run ([`SincePager::resumed`]): the mark it
    /// stops at, the newest it saw, the clock it caps the mark at.
    pub fn checkpoint(&self, cursor: &str) -> Checkpoint {
        Checkpoint {
            cursor: cursor.to_owned(),
            previous: self.previous.clone(),
            newest: self.newest.clone(),
            started: self.started,
        }
    }

    /// A read that goes on from `at`. The order check starts afresh at its
    /// cursor: on a listing paged by offset, transactions that arrived since
    /// push the page's first items back to ones already read (stored again,
    /// once), newer than the last one read before.
    pub fn resumed(inner: &'a mut P, at: Checkpoint, form: Form) -> Self {
        SincePager {
            inner,
            previous: at.previous,
            newest: at.newest,
            last: None,
            form,
            started: at.started,
            latest_believable: Timestamp::now().plus_seconds(FUTURE_SLACK_SECS),
        }
    }

    /// The mark to save after a complete run: the newest instant of the run,
    /// with every id seen at it (those of the old mark too, if it is the same
    /// instant); the old mark if the run saw nothing new.
    pub fn next_mark(&self) -> Option<Mark> {
        let mark = match (&self.newest, &self.previous) {
            (Some(new), Some(old)) => Some(Mark::merged(old, new)),
            (Some(new), None) => Some(new.clone()),
            (None, old) => old.clone(),
        }?;
        // Never past this machine's clock: a transaction dated ahead (a
        // provider clock, a scheduled entry) must not hide the ones that
        // arrive before it. Those after the cap are exported again next run.
        Some(if mark.at > self.started {
            Mark {
                at: self.started,
                created_at: self.started.to_rfc3339(),
                ids: Vec::new(),
                newest_seen: mark.newest_seen,
            }
        } else {
            mark
        })
    }

    /// Check one transaction's timestamp and place in the order.
    fn instant_of(&mut self, t: &Transaction) -> Result<Timestamp> {
        let text = t.created_at.as_deref().ok_or_else(|| {
            Error::bad_response(format!(
                "transaction {} has no timestamp: --state-file cannot place it",
                crate::text::quote(&t.id)
            ))
        })?;
        let at = Timestamp::parse(text, self.form).map_err(|e| {
            Error::bad_response(format!("transaction {}: {e}", crate::text::quote(&t.id)))
        })?;
        if at > self.latest_believable {
            return Err(Error::bad_response(format!(
                "transaction {} is dated {}, more than a day ahead of this machine's clock: \
                 not used as a mark",
                crate::text::quote(&t.id),
                crate::text::quote(text)
            )));
        }
        if self.last.is_some_and(|last| at > last) {
            return Err(Error::bad_response(format!(
                "the history is not newest first (transaction {} at {} comes after an older one): \
                 --state-file needs newest-first order, so nothing is exported as complete",
                crate::text::quote(&t.id),
                crate::text::quote(text)
            )));
        }
        self.last = Some(at);
        match &mut self.newest {
            None => {
                self.newest = Some(Mark {
                    at,
                    created_at: text.to_owned(),
                    ids: vec![t.id.to_string()],
                    newest_seen: at,
                })
            }
            Some(m) if m.at == at => m.ids.push(t.id.to_string()),
            Some(_) => {}
        }
        Ok(at)
    }
}

impl<P: Pager<Item = Transaction>> Pager for SincePager<'_, P> {
    type Item = Transaction;

    async fn page(
        &mut self,
        cursor: Option<&str>,
        want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        let mut page = self.inner.page(cursor, want).await?;
        let mut items = page.take_items()?;
        // Check the whole page first: an order error anywhere in it is found
        // even when the mark is reached on its first item.
        let places = items
            .iter()
            .map(|t| {
                let at = self.instant_of(t)?;
                Ok(match &self.previous {
                    Some(mark) => mark.place(at, &t.id),
                    None => Place::New,
                })
            })
            .collect::<Result<Vec<Place>>>()?;
        if places.contains(&Place::Older) {
            page.next = None;
        }
        let sent = items.len();
        let mut places = places.into_iter();
        items.retain(|_| places.next() == Some(Place::New));
        page.already_seen += sent - items.len();
        page.set_items(items);
        Ok(page)
    }

    fn first_cursor(&self) -> Option<String> {
        self.inner.first_cursor()
    }

    /// `drive` announces a page only once this wrapper has let the read go
    /// on past the current one (a page that reached the mark ends it).
    async fn ahead(&mut self, cursor: &str, want: Option<usize>) {
        self.inner.ahead(cursor, want).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::key::{ListingKey, SubjectIs};

    fn tx(id: &str, at: &str) -> Transaction {
        Transaction {
            id: id.into(),
            created_at: Some(at.into()),
            kind: None,
            status: None,
            from: None,
            to: None,
            rate: None,
            fee: None,
            provider_fields: Default::default(),
            subject: None,
        }
    }

    /// Pages served from a fixed history, `size` items each.
    struct History {
        items: Vec<Transaction>,
        size: usize,
    }

    impl Pager for History {
        type Item = Transaction;
        async fn page(&mut self, c: Option<&str>, _w: Option<usize>) -> Result<Page<Transaction>> {
            let start: usize = c.map_or(0, |c| c.parse().unwrap());
            let end = (start + self.size).min(self.items.len());
            let next = (end < self.items.len()).then(|| end.to_string());
            Ok(Page::new(self.items[start..end].to_vec(), next, vec![]))
        }
    }

    /// One `--state-file` run: what it exports and the mark it would save.
    fn run(
        items: &[Transaction],
        size: usize,
        mark: Option<Mark>,
    ) -> Result<(Vec<String>, Option<Mark>)> {
        let mut h = History {
            items: items.to_vec(),
            size,
        };
        let mut since = SincePager::new(&mut h, mark, Form::Rfc3339);
        let mut got = vec![];
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(crate::listing::paginate::drive(
            &mut since,
            None,
            crate::listing::paginate::Follow::All,
            |p| {
                got.extend(p.into_items()?.into_iter().map(|t| t.id.into()));
                Ok(())
            },
        ))?;
        Ok((got, since.next_mark()))
    }

    #[test]
    fn a_new_item_in_the_same_second_after_a_seen_one_is_exported() {
        let t = "2026-03-13T10:00:00Z";
        let (got, mark) = run(&[tx("c", t), tx("b", "2026-03-12T00:00:00Z")], 1, None).unwrap();
        assert_eq!(got, ["c", "b"]);
        let (got, mark) = run(
            &[tx("c", t), tx("d", t), tx("b", "2026-03-12T00:00:00Z")],
            1,
            mark,
        )
        .unwrap();
        assert_eq!(got, ["d"]);
        assert_eq!(mark.unwrap().ids, ["c", "d"]);
    }

    #[test]
    fn instants_not_text_decide_what_is_new() {
        let mark = run(&[tx("a", "2026-03-13T14:22:00Z")], 5, None).unwrap().1;
        let (got, _) = run(
            &[
                tx("b", "2026-03-13T14:22:00.500Z"),
                tx("a", "2026-03-13T14:22:00Z"),
            ],
            5,
            mark,
        )
        .unwrap();
        assert_eq!(got, ["b"]);
        let mark = run(&[tx("a", "2026-03-13T23:00:00Z")], 5, None).unwrap().1;
        let (got, _) = run(
            &[
                tx("z", "2026-03-13T20:00:00-05:00"),
                tx("a", "2026-03-13T23:00:00Z"),
            ],
            5,
            mark,
        )
        .unwrap();
        assert_eq!(got, ["z"]);
    }

    #[test]
    fn a_transaction_dated_ahead_never_hides_later_ones() {
        let soon = Timestamp::now().plus_seconds(20 * 3600).to_rfc3339();
        let (got, mark) = run(
            &[tx("sched", &soon), tx("old", "2026-01-01T00:00:00Z")],
            5,
            None,
        )
        .unwrap();
        assert_eq!(got, ["sched", "old"]);
        let mark = mark.unwrap();
        assert!(mark.at <= Timestamp::now(), "the mark stops at the clock");
        // A transaction that arrives before the scheduled one is still exported.
        let new = Timestamp::now().to_rfc3339();
        let (got, _) = run(
            &[
                tx("sched", &soon),
                tx("new", &new),
                tx("old", "2026-01-01T00:00:00Z"),
            ],
            5,
            Some(mark),
        )
        .unwrap();
        assert_eq!(got, ["sched", "new"], "a repeat, never a skip");
    }

    #[test]
    fn pages_of_ties_already_seen_are_progress_not_a_loop() {
        let t = "2026-03-13T10:00:00Z";
        let items: Vec<Transaction> = (0..60).map(|i| tx(&format!("t{i}"), t)).collect();
        let (got, mark) = run(&items, 1, None).unwrap();
        assert_eq!(got.len(), 60);
        let (got, _) = run(&items, 1, mark).unwrap();
        assert!(got.is_empty());
    }

    #[test]
    fn bad_timestamps_and_wrong_order_are_refused() {
        for bad in ["pending", "", "9999-01-01T00:00:00Z"] {
            let e = run(&[tx("a", "2026-03-13T10:00:00Z"), tx("b", bad)], 5, None).unwrap_err();
            assert_eq!(e.exit_code(), 65, "{bad:?}");
        }
        let oldest_first = [
            tx("a", "2026-03-01T00:00:00Z"),
            tx("b", "2026-03-02T00:00:00Z"),
        ];
        for size in [1, 2] {
            assert_eq!(run(&oldest_first, size, None).unwrap_err().exit_code(), 65);
        }
        // Found even when the mark is reached on the page's first item.
        let mark = run(&[tx("m", "2026-03-05T00:00:00Z")], 5, None).unwrap().1;
        let e = run(&oldest_first, 2, mark).unwrap_err();
        assert_eq!(e.exit_code(), 65);
    }

    #[test]
    fn state_round_trips_and_refuses_another_listing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let user = |base_url: &str| StateKey {
            listing: ListingKey {
                provider: "boca",
                profile: "default".into(),
                base_url: base_url.into(),
                subject: "u".into(),
                list: "transactions",
            },
            subject_is: SubjectIs::User,
            narrowed: None,
        };
        let key = user("https://a/");
        let s = StateFile::load(&path, &key).unwrap();
        assert!(s.previous.is_none());
        let mark = Mark {
            at: Timestamp::parse("2026-01-01T00:00:00.5+01:00", Form::Rfc3339).unwrap(),
            created_at: "2026-01-01T00:00:00.5+01:00".into(),
            ids: vec!["x".into()],
            newest_seen: Timestamp::parse("2026-01-01T00:00:01Z", Form::Rfc3339).unwrap(),
        };
        s.save(&mark).unwrap();
        assert_eq!(StateFile::load(&path, &key).unwrap().previous, Some(mark));
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            written["listing"].to_string(),
            r#"{"provider":"boca","profile":"default","base_url":"https://a/","subject":"u"}"#,
            "the key keeps the shape earlier releases wrote"
        );
        let e = StateFile::load(&path, &user("https://b/")).err().unwrap();
        assert_eq!(e.exit_code(), 78);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary or probe file left"
        );
        let e = StateFile::load(&dir.path().join("no/such/dir/s.json"), &key)
            .err()
            .unwrap();
        assert_eq!(e.exit_code(), 78);
    }

    /// fuzz `state_file`: a foreign listing of 200 DEL characters made a
    /// message of 1,196 characters (cut to 1,000, then escaped, with the
    /// words around it). Escaped first and cut shorter, it fits.
    #[test]
    fn a_long_foreign_listing_is_named_within_the_message_cap() {
        let key = json!({"provider": "boca", "profile": "default", "base_url": "https://a/", "subject": "u"});
        for listing in ["\u{7f}".repeat(2000), "x".repeat(5000)] {
            let text = format!(
                r#"{{"version":2,"listing":{{"provider":"{listing}"}},"newest":{{"created_at":"2026-03-13T10:00:00Z","ids":["c"]}}}}"#
            );
            let e = parse(&text, &key).unwrap_err();
            assert!(
                e.chars().count() <= crate::text::MESSAGE_CHARS,
                "{}",
                e.len()
            );
            assert!(!e.contains('\u{7f}'), "escaped");
            assert!(e.contains("bytes in all)"), "{e}");
        }
        let short = json!({"provider": "noah"}).to_string();
        let text = format!(
            r#"{{"version":2,"listing":{short},"newest":{{"created_at":"2026-03-13T10:00:00Z","ids":["c"]}}}}"#
        );
        assert!(
            parse(&text, &key).unwrap_err().contains(&short),
            "a listing shown whole"
        );
    }

    #[test]
    fn version_1_states_still_apply() {
        let key = json!({"provider": "boca", "profile": "default", "base_url": "https://a/", "subject": "u"});
        let v1 = r#"{"version":1,"listing":{"provider":"boca","profile":"default","subject":"u"},
                     "newest":{"created_at":"2026-03-13T10:00:00Z","ids":["c"]}}"#;
        let mark = parse(v1, &key).unwrap().unwrap();
        assert_eq!(mark.ids, ["c"]);
        assert_eq!(
            mark.at,
            Timestamp::parse("2026-03-13T10:00:00Z", Form::Rfc3339).unwrap()
        );
    }
}
