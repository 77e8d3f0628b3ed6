//! Reading the user's own files (config, users file, state file, NOAH key):
//! with a size cap, so `BALANCES_CONFIG=/dev/zero` or a wrong path to a log
//! file fails at once with a clear error instead of eating the machine.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Config files, state files and keys are a few kilobytes; 1 MiB is far beyond any real one.
pub const SMALL_FILE: u64 = 1 << 20;
/// A user id is an id: a line longer than this is not one (and a stream
/// with no newline, `/dev/zero` say, stops here, at once).
pub const USER_ID_BYTES: usize = 4 << 10;
/// The ids of a users file, all together, as they are held in memory:
/// half a million 128-character ids. The file is read a line at a time, so
/// this is the run's memory for them, whatever the file holds besides.
pub const USER_IDS_BYTES: usize = 64 << 20;

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

/// [`read_capped`] on a regular file; a missing file is `Ok(None)`.
pub fn read_file(path: &Path, limit: u64, what: &str) -> Result<Option<Zeroizing<String>>> {
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(Opened::Missing) => return Ok(None),
        Err(Opened::NotRegular(kind)) => {
            return Err(Error::config(not_regular(what, path, kind)));
        }
        Err(Opened::Failed(e)) => {
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

/// Why a file was not opened.
#[derive(Debug)]
pub enum Opened {
    Missing,
    /// A FIFO, a device, a socket or a folder: what it is.
    NotRegular(&'static str),
    Failed(std::io::Error),
}

/// Open `path` (through symlinks) for reading, only if it is a regular
/// file. Opened without blocking, then checked on the handle: a FIFO with
/// no writer would block `open` itself forever (a cron job that never
/// ends), and a check of the path before opening could be raced.
pub fn open_regular(path: &Path) -> std::result::Result<std::fs::File, Opened> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Opened::Missing),
        Err(e) => return Err(Opened::Failed(e)),
    };
    let meta = file.metadata().map_err(Opened::Failed)?;
    if !meta.is_file() {
        return Err(Opened::NotRegular(kind_of(&meta)));
    }
    // Reads of a regular file never block; the flag is dropped anyway, so
    // the handle behaves as any other.
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns, with plain integer arguments.
        let cleared = unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) >= 0
        };
        if !cleared {
            return Err(Opened::Failed(std::io::Error::last_os_error()));
        }
    }
    Ok(file)
}

/// What a file that is not a regular one is, for messages.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// The message for a `what` at `path` that is `kind`.
pub fn not_regular(what: &str, path: &Path, kind: &str) -> String {
    format!(
        "{what} {} is {kind}: it must be a regular file",
        path.display()
    )
}

/// Where a write to `path` must go so that a symlink stays one: the file
/// it finally points at (links followed, relative ones from the link's
/// folder), or `path` itself when it is not a link. A state file kept as
/// a link to a shared folder is then updated there, not replaced here.
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    // As the kernel does (ELOOP): a cycle of links is an error, not a hang.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(std::io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
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
