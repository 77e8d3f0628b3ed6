//! `--state-file`: export only the transactions that are new since the last
//! successful run.
//!
//! The guarantee: every transaction is exported at least once. The state is
//! written (atomically: a temporary file, then a rename) only after every
//! record has been flushed to stdout; a run that fails anywhere leaves the
//! old state, so the next run repeats what this one may have printed rather
//! than skipping anything. Listings are read newest first, so the run stops
//! at the first transaction it has exported before.

use crate::error::{Error, Result};
use crate::http::paginate::{Page, Pager};
use crate::model::Transaction;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The newest transactions of the last run: their time, and the ids at that time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mark {
    pub created_at: Option<String>,
    pub ids: Vec<String>,
}

impl Mark {
    /// Whether `t` was exported by an earlier run (newest-first order assumed).
    fn covers(&self, t: &Transaction) -> bool {
        match (&self.created_at, &t.created_at) {
            (Some(mark), Some(at)) if at != mark => at < mark,
            _ => self.ids.contains(&t.id),
        }
    }

    /// The mark for a run whose newest transactions come first in `items`.
    fn from_newest(items: &[Transaction]) -> Option<Mark> {
        let first = items.first()?;
        let ids = items
            .iter()
            .take_while(|t| t.created_at == first.created_at)
            .map(|t| t.id.clone())
            .collect();
        Some(Mark {
            created_at: first.created_at.clone(),
            ids,
        })
    }
}

pub struct StateFile {
    path: PathBuf,
    key: Value,
    pub previous: Option<Mark>,
}

impl StateFile {
    /// Load the state for this listing; `key` names it (provider, subject,
    /// list) so a state file is never applied to another listing.
    pub fn load(path: &Path, key: Value) -> Result<StateFile> {
        let previous = match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(Error::config(format!(
                    "cannot read state file {}: {e}",
                    path.display()
                )));
            }
            Ok(text) => {
                let bad = |why: &str| Error::config(format!("state file {} {why}", path.display()));
                let v: Value = serde_json::from_str(&text)
                    .map_err(|_| bad("is not JSON written by balances"))?;
                if v["listing"] != key {
                    return Err(bad(&format!(
                        "belongs to another listing ({}); use one state file per listing",
                        v["listing"]
                    )));
                }
                let mark = &v["newest"];
                Some(Mark {
                    created_at: mark["created_at"].as_str().map(str::to_owned),
                    ids: mark["ids"]
                        .as_array()
                        .ok_or_else(|| bad("has no `newest.ids`"))?
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_owned))
                        .collect(),
                })
            }
        };
        Ok(StateFile {
            path: path.to_path_buf(),
            key,
            previous,
        })
    }

    /// Write the new mark: to a temporary file beside the state, then renamed over it.
    pub fn save(&self, mark: &Mark) -> Result<()> {
        let doc = json!({"version": 1, "listing": self.key,
                         "newest": {"created_at": mark.created_at, "ids": mark.ids}});
        let fail = |e: std::io::Error| {
            Error::config(format!(
                "cannot write state file {}: {e}",
                self.path.display()
            ))
        };
        let tmp = self
            .path
            .with_extension(format!("tmp-{}", std::process::id()));
        let mut f = std::fs::File::create(&tmp).map_err(fail)?;
        f.write_all(format!("{doc}\n").as_bytes()).map_err(fail)?;
        f.sync_all().map_err(fail)?;
        std::fs::rename(&tmp, &self.path).map_err(fail)
    }
}

/// Wraps a transaction pager: drops what the last run exported, stops at
/// the first such transaction, and remembers the new mark.
pub struct SincePager<'a, P> {
    pub inner: &'a mut P,
    pub previous: Option<Mark>,
    pub newest: Option<Mark>,
}

impl<P: Pager<Item = Transaction>> Pager for SincePager<'_, P> {
    type Item = Transaction;

    async fn page(
        &mut self,
        cursor: Option<&str>,
        want: Option<usize>,
    ) -> Result<Page<Transaction>> {
        let mut page = self.inner.page(cursor, want).await?;
        let seen = self
            .previous
            .as_ref()
            .and_then(|prev| page.items.iter().position(|t| prev.covers(t)));
        if let Some(seen) = seen {
            page.items.truncate(seen);
            page.next = None;
        }
        if self.newest.is_none() {
            self.newest = Mark::from_newest(&page.items);
        }
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        }
    }

    #[test]
    fn the_mark_covers_older_and_same_time_seen_ids() {
        let items = [
            tx("c", "2026-03-13T10:00:00Z"),
            tx("b", "2026-03-13T10:00:00Z"),
            tx("a", "2026-03-12T09:00:00Z"),
        ];
        let mark = Mark::from_newest(&items).unwrap();
        assert_eq!(mark.ids, ["c", "b"]);
        assert!(mark.covers(&items[0]) && mark.covers(&items[2]));
        assert!(
            !mark.covers(&tx("d", "2026-03-13T10:00:00Z")),
            "same second, new id"
        );
        assert!(!mark.covers(&tx("e", "2026-03-14T00:00:00Z")));
    }

    #[test]
    fn state_round_trips_and_refuses_another_listing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let key = json!({"provider": "boca", "subject": "u"});
        let s = StateFile::load(&path, key.clone()).unwrap();
        assert!(s.previous.is_none());
        let mark = Mark {
            created_at: Some("2026-01-01T00:00:00Z".into()),
            ids: vec!["x".into()],
        };
        s.save(&mark).unwrap();
        assert_eq!(StateFile::load(&path, key).unwrap().previous, Some(mark));
        let e = StateFile::load(&path, json!({"provider": "noah"}))
            .err()
            .unwrap();
        assert_eq!(e.exit_code(), 78);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
