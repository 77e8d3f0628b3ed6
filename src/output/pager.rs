//! The terminal a table is drawn for, and the pager a long one goes
//! through, as gh does: `BALANCES_PAGER`, else `PAGER`, else `less -FRX`.

use crate::error::Result;
use std::io::{IsTerminal, Write};

/// The terminal stdout is, in columns and rows; `None` when stdout is not
/// a terminal (a pipe, a file), whose tables are drawn at full width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub cols: u16,
    pub rows: u16,
}

impl Screen {
    pub fn of_stdout() -> Option<Screen> {
        if !std::io::stdout().is_terminal() {
            return None;
        }
        // A terminal that does not say its size is taken as the classic 80×24.
        Some(window_size().unwrap_or(Screen { cols: 80, rows: 24 }))
    }
}

#[cfg(unix)]
fn window_size() -> Option<Screen> {
    // SAFETY: TIOCGWINSZ writes a `winsize` into the struct passed, and
    // reads nothing else; stdout's descriptor stays open for the call.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    (ok && ws.ws_col > 0).then_some(Screen {
        cols: ws.ws_col,
        rows: if ws.ws_row > 0 { ws.ws_row } else { 24 },
    })
}

#[cfg(not(unix))]
fn window_size() -> Option<Screen> {
    None
}

/// The pager's command line: `BALANCES_PAGER`, then `PAGER`, then `less
/// -FRX` (quit if one screen, keep the text on the screen after): a
/// program and its arguments, split at spaces (run without a shell, so a
/// pager that is not installed is told apart from one that ran). An empty
/// value, or `cat`, means none.
fn command() -> Option<String> {
    let chosen = ["BALANCES_PAGER", "PAGER"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .unwrap_or_else(|| "less -FRX".to_owned());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_owned())
}

/// SIGINT and SIGQUIT ignored by this process until dropped, then as they
/// were (the pager sets its own back to the default before it starts).
struct IgnoreInterrupts {
    #[cfg(unix)]
    before: [libc::sighandler_t; 2],
}

impl IgnoreInterrupts {
    fn now() -> Self {
        #[cfg(unix)]
        {
            // SAFETY: signal() with SIG_IGN installs no handler of ours.
            let before = unsafe {
                [
                    libc::signal(libc::SIGINT, libc::SIG_IGN),
                    libc::signal(libc::SIGQUIT, libc::SIG_IGN),
                ]
            };
            IgnoreInterrupts { before }
        }
        #[cfg(not(unix))]
        IgnoreInterrupts {}
    }
}

impl Drop for IgnoreInterrupts {
    fn drop(&mut self) {
        #[cfg(unix)]
        // SAFETY: puts back the dispositions signal() returned.
        unsafe {
            libc::signal(libc::SIGINT, self.before[0]);
            libc::signal(libc::SIGQUIT, self.before[1]);
        }
    }
}

/// Write `text` to `out`, or, when it is longer than the screen and a
/// pager is wanted, through the pager. A pager that cannot start leaves
/// the text to `out`; one the reader quits early is not an error.
pub fn show(text: &str, screen: Screen, pager: bool, out: &mut dyn Write) -> Result<()> {
    let long = text.lines().count() >= usize::from(screen.rows);
    if let Some(cmd) = command().filter(|_| pager && long) {
        out.flush()?;
        let mut words = cmd.split_whitespace();
        let program = words.next().unwrap_or("less");
        // Ctrl-C belongs to the pager while it runs (as with git and gh):
        // were it to end us, the pager would be left reading the terminal
        // with the shell. Ignored from before the pager starts (it may be
        // quick), and put back to the default in the pager itself.
        let ignored = IgnoreInterrupts::now();
        let mut command = std::process::Command::new(program);
        command.args(words).stdin(std::process::Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: signal(2) is async-signal-safe, as pre_exec requires.
            unsafe {
                command.pre_exec(|| {
                    libc::signal(libc::SIGINT, libc::SIG_DFL);
                    libc::signal(libc::SIGQUIT, libc::SIG_DFL);
                    Ok(())
                });
            }
        }
        match command.spawn() {
            Ok(mut child) => {
                if let Some(mut stdin) = child.stdin.take() {
                    // A reader who quits (`q`) before the end closes the pipe.
                    let _ = stdin.write_all(text.as_bytes());
                }
                let _ = child.wait();
                drop(ignored);
                return Ok(());
            }
            Err(e) => {
                drop(ignored);
                tracing::debug!("pager {cmd:?} did not start: {e}");
            }
        }
    }
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
