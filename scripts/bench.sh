#!/usr/bin/env bash
# Measure a long streamed history: wall time and peak memory of
# `get-transactions --all -o ndjson` over N transactions (default 100,000)
# from a local sandbox, and the same with a 10x shorter history to show
# that memory does not grow with the history.
#   scripts/bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
cargo build --release --locked --quiet
bin=target/release/balances
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" sandbox --listen "127.0.0.1:$port" --transactions "$n" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done

export BALANCES_KEYRING=none BALANCES_BOCA_BASE_URL="http://127.0.0.1:$port/boca"
export BALANCES_BOCA_API_KEY=boca-demo-key BALANCES_BOCA_API_SECRET=boca-demo-signing-secret
measure() { # $1 = max items
  /usr/bin/time -f "%e s wall, %M KiB peak RSS" "$bin" boca get-transactions partner-user-42 \
    --all --limit 100 --max-items "$1" -o ndjson 2>&1 >/tmp/balances-bench.ndjson | tail -n 1
  echo "  $(wc -l </tmp/balances-bench.ndjson) records"
}
echo "history of $((n / 10)):"; measure $((n / 10))
echo "history of $n:";         measure "$n"
