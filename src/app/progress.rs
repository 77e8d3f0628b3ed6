//! One line of progress on stderr (a listing's spinner, the lookups of
//! `--users-file` and `summary`, `sync`'s counts) while a long run goes on,
//! and everything else printed around it: log lines, errors, and records
//! that go to the same terminal on stdout. indicatif redraws its line in
//! place; text written under it without [`around`] would be overwritten.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle, WeakProgressBar};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// The progress line on the screen now, if any: weak, so that the run's
/// own handle going away (an error return) still clears it.
static SHOWN: Mutex<Option<WeakProgressBar>> = Mutex::new(None);

/// A progress line on stderr, shown only when stderr is a terminal and not
/// with `-q`; `len`: the count it goes up to. It is cleared when it is
/// finished or dropped (an error return, an interrupt), never left behind.
pub fn line(len: Option<u64>, template: &str, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr())
        .with_finish(ProgressFinish::AndClear);
    if std::io::stderr().is_terminal() {
        interrupt::clear_the_line();
    }
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    *SHOWN.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.downgrade());
    bar
}

/// The progress line, while it is on the screen.
fn live() -> Option<ProgressBar> {
    SHOWN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(WeakProgressBar::upgrade)
        .filter(|bar| !bar.is_finished() && !bar.is_hidden())
}

/// Run `print` with the progress line taken off the screen, then put back.
pub fn around<R>(print: impl FnOnce() -> R) -> R {
    match live() {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// Ctrl-C ends a run at once (130) and leaves no progress line behind: the
/// line it is on is cleared first, then the interrupt goes on as it would
/// have (the process ends by the signal, as a shell expects).
mod interrupt {
    #[cfg(unix)]
    extern "C" fn clear_then_interrupt(signal: libc::c_int) {
        const CLEAR: &[u8] = b"\r\x1b[2K";
        // SAFETY: write(2), signal(2) and raise(3) are async-signal-safe.
        unsafe {
            libc::write(libc::STDERR_FILENO, CLEAR.as_ptr().cast(), CLEAR.len());
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// From now on, an interrupt clears the line on stderr's terminal.
    pub fn clear_the_line() {
        #[cfg(unix)]
        {
            static ONCE: std::sync::Once = std::sync::Once::new();
            let handler: extern "C" fn(libc::c_int) = clear_then_interrupt;
            // SAFETY: the handler only makes async-signal-safe calls.
            ONCE.call_once(|| unsafe {
                let before = libc::signal(libc::SIGINT, handler as libc::sighandler_t);
                if before == libc::SIG_IGN {
                    // Started with interrupts ignored (nohup, a background job): they stay so.
                    libc::signal(libc::SIGINT, libc::SIG_IGN);
                }
            });
        }
    }
}

/// stderr for the log: each event (one line, one write) printed around the
/// progress line.
pub struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        around(|| std::io::stderr().write_all(buf)).map(|()| buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// Where a run that may show progress writes its records: buffered, as
/// always, unless stdout and stderr are the same kind of screen (both
/// terminals), where each whole line is printed around the progress line.
pub fn stdout() -> Box<dyn Write> {
    let out = std::io::stdout();
    if out.is_terminal() && std::io::stderr().is_terminal() {
        Box::new(Lines {
            inner: out,
            pending: Vec::new(),
        })
    } else {
        Box::new(std::io::BufWriter::new(out))
    }
}

/// Whole lines to `inner`, each batch printed around the progress line (a
/// line half written under it would be joined by the line's next redraw);
/// the rest is kept until its newline (a JSON document's record ends its
/// line only when the next one comes), or the end.
struct Lines<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Lines<W> {
    /// Write out the pending bytes up to `end`, around the progress line.
    fn write_out(&mut self, end: usize) -> std::io::Result<()> {
        let (inner, pending) = (&mut self.inner, &self.pending[..end]);
        around(|| inner.write_all(pending).and_then(|()| inner.flush()))?;
        self.pending.drain(..end);
        Ok(())
    }
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            self.write_out(end + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // Whole lines only, even with no progress line on the screen yet:
        // one may appear at the end of a half-written line, and join it.
        self.inner.flush()
    }
}

impl<W: Write> Drop for Lines<W> {
    fn drop(&mut self) {
        // An unfinished last line (a document whose writer was never
        // finished: the run failed) still goes out, as a buffer's would.
        let _ = self.write_out(self.pending.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_go_out_whole_and_the_rest_at_the_end() {
        let mut out = Vec::new();
        let mut w = Lines {
            inner: &mut out,
            pending: Vec::new(),
        };
        w.write_all(b"{\"a\":1}\n{\"b\"").unwrap();
        assert_eq!(*w.inner, b"{\"a\":1}\n");
        w.write_all(b":2}").unwrap();
        w.flush().unwrap();
        assert_eq!(*w.inner, b"{\"a\":1}\n", "a flush keeps a half line");
        w.write_all(b"\n]").unwrap();
        assert_eq!(*w.inner, b"{\"a\":1}\n{\"b\":2}\n");
        drop(w);
        assert_eq!(out, b"{\"a\":1}\n{\"b\":2}\n]");
    }
}
