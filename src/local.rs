//! Reading the user's own files (config, users file, state file, NOAH key):
//! with a size cap, so `BALANCES_CONFIG=/dev/zero` or a wrong path to a log
//! file fails at once with a clear error instead of eating the machine.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;
use zeroize::Zeroizing;

/// Config files, state files and keys are a few kilobytes; 1 MiB is far beyond any real one.
pub const SMALL_FILE: u64 = 1 << 20;
/// A users file of a million 128-character ids is 130 MiB; more is not a list of users.
pub const USERS_FILE: u64 = 256 << 20;

/// At most `limit` bytes of `reader` as UTF-8 text; more is an error that
/// names `what`. The text is zeroed when dropped (config files and keys hold secrets).
pub fn read_capped(
    reader: impl Read,
    limit: u64,
    what: &str,
) -> std::result::Result<Zeroizing<String>, ReadError> {
    let mut bytes = Zeroizing::new(Vec::new());
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(format!(
            "{what} is too large (over the {} MiB limit): that is not a file balances wrote or expects",
            limit >> 20
        )));
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(_) => Err(ReadError::TooLarge(format!("{what} is not UTF-8 text"))),
    }
}

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Too large or not text: the message says which.
    TooLarge(String),
}

/// [`read_capped`] on a file; a missing file is `Ok(None)`.
pub fn read_file(path: &Path, limit: u64, what: &str) -> Result<Option<Zeroizing<String>>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::config(format!(
                "cannot read {what} {}: {e}",
                path.display()
            )));
        }
    };
    match read_capped(file, limit, &format!("{what} {}", path.display())) {
        Ok(text) => Ok(Some(text)),
        Err(ReadError::TooLarge(why)) => Err(Error::config(why)),
        Err(ReadError::Io(e)) => Err(Error::config(format!(
            "cannot read {what} {}: {e}",
            path.display()
        ))),
    }
}

/// Warn when a file that holds secrets can be read by group or others.
#[cfg(unix)]
pub fn warn_if_readable_by_others(path: &Path, what: &str) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        let mode = meta.permissions().mode();
        if meta.is_file() && mode & 0o077 != 0 {
            tracing::warn!(
                "{what} {} holds secrets and is readable by others (mode {:o}): run chmod 600 {}",
                path.display(),
                mode & 0o777,
                path.display()
            );
        }
    }
}

#[cfg(not(unix))]
pub fn warn_if_readable_by_others(_path: &Path, _what: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_input_stops_at_the_cap() {
        let endless = std::io::repeat(b'a');
        match read_capped(endless, 1024, "the thing") {
            Err(ReadError::TooLarge(why)) => assert!(why.contains("the thing"), "{why}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(*read_capped(&b"ok"[..], 2, "x").unwrap(), "ok");
        assert!(matches!(
            read_capped(&[0xff, 0xfe][..], 10, "x"),
            Err(ReadError::TooLarge(_))
        ));
    }

    #[test]
    fn dev_zero_is_refused_quickly() {
        let e = read_file(Path::new("/dev/zero"), SMALL_FILE, "config file").unwrap_err();
        assert_eq!(e.exit_code(), 78);
        assert!(
            read_file(Path::new("/no/such/file"), SMALL_FILE, "x")
                .unwrap()
                .is_none()
        );
    }
}
