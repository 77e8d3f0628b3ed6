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
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    *SHOWN.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.downgrade());
    bar
}

/// Run `print` with the progress line taken off the screen, then put back.
pub fn around<R>(print: impl FnOnce() -> R) -> R {
    let shown = SHOWN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(WeakProgressBar::upgrade);
    match shown {
        Some(bar) if !bar.is_finished() && !bar.is_hidden() => bar.suspend(print),
        _ => print(),
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
/// line half written under it would be wiped by its redraw); the rest is
/// kept until its newline, or a flush.
struct Lines<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            let inner = &mut self.inner;
            let whole = &self.pending[..=end];
            around(|| inner.write_all(whole).and_then(|()| inner.flush()))?;
            self.pending.drain(..=end);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let (inner, pending) = (&mut self.inner, &self.pending);
        around(|| inner.write_all(pending).and_then(|()| inner.flush()))?;
        self.pending.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_go_out_whole_and_the_rest_on_flush() {
        let mut w = Lines {
            inner: Vec::new(),
            pending: Vec::new(),
        };
        w.write_all(b"{\"a\":1}\n{\"b\"").unwrap();
        assert_eq!(w.inner, b"{\"a\":1}\n");
        w.write_all(b":2}\n").unwrap();
        assert_eq!(w.inner, b"{\"a\":1}\n{\"b\":2}\n");
        w.write_all(b"]").unwrap();
        w.flush().unwrap();
        assert_eq!(w.inner, b"{\"a\":1}\n{\"b\":2}\n]");
    }
}
