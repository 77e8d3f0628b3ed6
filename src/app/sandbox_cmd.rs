//! `balances sandbox`: the emulator in the foreground until Ctrl-C.

use crate::cli::SandboxArgs;
use crate::error::{Error, Result};
use crate::providers::ProviderId;
use crate::sandbox;
use std::io::Write;
use std::time::Duration;

pub async fn run(args: SandboxArgs) -> Result<()> {
    sandbox::check_loopback(&args.listen).map_err(Error::usage)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| Error::config(format!("cannot listen on {}: {e}", args.listen)))?;
    let addr = listener.local_addr()?;
    let opts = sandbox::Options {
        seed: args.seed,
        transactions: args.transactions,
        users: args.users,
        rate_limit: args.rate_limit,
        fail_rate_ppm: args.fail_rate.unwrap_or(0),
        fail_first: args.fail_first,
        throttle_first: args.throttle_first,
        clock: args.now,
        hide_transaction: args.hide_transaction,
        latency: Duration::from_millis(args.latency_ms),
        token_ttl: Duration::from_secs(args.token_ttl),
        token_max_uses: None,
    };
    {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "# balances sandbox listening on http://{addr} (Ctrl-C to stop)"
        )?;
        for p in ProviderId::ALL {
            writeln!(
                out,
                "# {:<8} {}",
                p.name(),
                sandbox::base_url(addr, p.into())
            )?;
        }
        writeln!(
            out,
            "# Add this to your config file, then use --profile sandbox:\n"
        )?;
        write!(out, "{}", sandbox::config_snippet(addr))?;
        out.flush()?;
    }
    sandbox::serve(listener, opts, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| Error::internal(format!("sandbox stopped: {e}")))
}
