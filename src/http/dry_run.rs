//! `--dry-run`: the first request, signed, printed instead of sent.

use super::Outgoing;
use crate::error::{Error, Result};
use std::io::Write;

/// `--dry-run`: the engine prints the first request, signed, instead of
/// sending it, and says so here; `app::main` then drops the run (every
/// request of it is waiting on this), so the dry run ends as a success and
/// never travels as an error through the pager and the renderer.
#[derive(Debug, Clone, Default)]
pub struct DryRun(std::sync::Arc<DryRunState>);

#[derive(Debug, Default)]
struct DryRunState {
    printed: std::sync::atomic::AtomicBool,
    /// The print's own failure (a full disk), for `finished` to return.
    failed: std::sync::Mutex<Option<Error>>,
    done: tokio::sync::Notify,
}

impl DryRun {
    /// Resolves once a request has been printed (or its printing failed,
    /// which is then the run's error).
    pub async fn finished(&self) -> Result<()> {
        self.0.done.notified().await;
        match self.0.failed.lock().map(|mut f| f.take()) {
            Ok(Some(e)) => Err(e),
            _ => Ok(()),
        }
    }

    /// Print `req` if no request has been (concurrent lookups print one
    /// between them), then wait for the run to be dropped: every caller
    /// waits, so the end is told exactly once, whatever the print did.
    pub(super) async fn show(&self, req: &Outgoing) -> Result<std::convert::Infallible> {
        use std::sync::atomic::Ordering;
        if !self.0.printed.swap(true, Ordering::SeqCst) {
            if let Err(e) = print_dry_run(req)
                && let Ok(mut failed) = self.0.failed.lock()
            {
                *failed = Some(e);
            }
            // `notify_one` keeps the permit if `finished` is not polled yet.
            self.0.done.notify_one();
        }
        std::future::pending().await
    }
}

fn print_dry_run(req: &Outgoing) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} {}", req.method, req.url)?;
    for (name, value) in &req.headers {
        writeln!(out, "{name}: {}", value.shown())?;
    }
    if let Some(input) = &req.signing_input {
        writeln!(out, "# signing input: {input:?}")?;
    }
    out.flush()?;
    Ok(())
}
