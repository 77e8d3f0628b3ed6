#!/usr/bin/env bash
# The scale benchmark (not a test): a first `sync` of a long Boca history
# against its floor, and fan-outs under a rate limit, on the built-in sandbox.
#   bench/scale.sh [BALANCES_BIN] [TRANSACTIONS] [ROUNDS]   (default: target/release/balances, 1000000, 3)
# Floor (SQLite): `balances -o csv boca get-transactions U --all --limit 100 > f.csv`
# then `sqlite3 f.db ".import --csv --skip 1 f.csv t"` into a table with the
# same primary key. Floor (PostgreSQL, when BENCH_POSTGRES=postgres://… is
# set): the same export, then `psql -c "\copy t from f.csv csv header"`.
# Each pair runs ROUNDS times in turn; the medians and their ratio are printed.
# Needs sqlite3 (and psql for PostgreSQL). Memory: peak RSS (`/usr/bin/time`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/balances}; n=${2:-1000000}; rounds=${3:-3}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
w=$(mktemp -d); sb=
trap 'kill $sb 2>/dev/null || true; rm -rf "$w"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
start_sandbox() {  # ARGS...: a sandbox on a free port; sets $port and $sb
  port=$(free_port)
  "$bin" sandbox --listen "127.0.0.1:$port" "$@" >/dev/null 2>&1 & sb=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && return; sleep 0.05; done
  echo "the sandbox did not start"; exit 1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# seconds and peak KiB of one command, as "S KIB"
timed() { /usr/bin/time -f '%e %M' -o "$w/time" "$@" >/dev/null 2>"$w/err" || { cat "$w/err"; exit 1; }; cat "$w/time"; }

export HOME=$w XDG_CONFIG_HOME=$w/cfg BALANCES_KEYRING=none
mkdir -p "$w/cfg/balances"

# 1. A first sync of N transactions.
start_sandbox --transactions "$n" --users 0
cat > "$w/cfg/balances/config.toml" <<EOF
[profiles.default.boca]
base_url = "http://127.0.0.1:$port/boca"
api_key = "boca-demo-key"
api_secret = "boca-demo-signing-secret"
users = ["partner-user-42"]
EOF
chmod 600 "$w/cfg/balances/config.toml"
columns="provider TEXT, subject TEXT, id TEXT, created_at TEXT, type TEXT, status TEXT, from_currency TEXT, from_amount TEXT, to_currency TEXT, to_amount TEXT, rate TEXT, fee_currency TEXT, fee_amount TEXT, PRIMARY KEY (provider, subject, id)"
export_csv() { "$bin" -o csv boca get-transactions partner-user-42 --all --limit 100 > "$w/f.csv"; }
sqlite_floor() { rm -f "$w/f.db"; export_csv; sqlite3 "$w/f.db" "CREATE TABLE t ($columns)" ".import --csv --skip 1 $w/f.csv t"; }
sqlite_sync() { rm -f "$w/l.db"*; "$bin" sync --db "$w/l.db" --provider boca -o json; }
pg_floor() {
  psql -q "$BENCH_POSTGRES" -c "DROP TABLE IF EXISTS bench_floor" -c "CREATE TABLE bench_floor ($columns)"
  export_csv; psql -q "$BENCH_POSTGRES" -c "\\copy bench_floor from $w/f.csv csv header"
}
pg_sync() {
  psql -q "$BENCH_POSTGRES" -c "DROP SCHEMA IF EXISTS bench_sync CASCADE" -c "CREATE SCHEMA bench_sync" 2>/dev/null
  local sep='?'; case $BENCH_POSTGRES in *'?'*) sep='&';; esac
  "$bin" sync --db "${BENCH_POSTGRES}${sep}options=-c%20search_path%3Dbench_sync" --provider boca -o json
}
export -f export_csv sqlite_floor sqlite_sync pg_floor pg_sync; export bin w columns BENCH_POSTGRES="${BENCH_POSTGRES:-}"
pairs="sqlite"; [ -n "${BENCH_POSTGRES:-}" ] && pairs="sqlite pg"
for db in $pairs; do
  : > "$w/floor.s"; : > "$w/sync.s"; : > "$w/sync.kib"
  for _ in $(seq "$rounds"); do
    read -r s _ < <(timed bash -c "${db}_floor"); echo "$s" >> "$w/floor.s"
    read -r s kib < <(timed bash -c "${db}_sync"); echo "$s" >> "$w/sync.s"; echo "$kib" >> "$w/sync.kib"
  done
  f=$(median < "$w/floor.s"); s=$(median < "$w/sync.s"); k=$(sort -n "$w/sync.kib" | tail -1)
  echo "first sync of $n transactions, $db: sync $s s (runs: $(tr '\n' ' ' < "$w/sync.s")), floor $f s (runs: $(tr '\n' ' ' < "$w/floor.s")), ratio $(awk -v a="$s" -v b="$f" 'BEGIN {printf "%.2f", a/b}'), sync peak RSS $((k / 1024)) MiB"
done
kill $sb; sb=

# 2. Fan-outs under a rate limit: 500 users against 100 requests a second
# (Retry-After: 1 past it) at 50 ms an answer, and 2,000 users whose first
# 20 requests meet a full window, against the same run without it.
seq -f 'user-%05g' 1 2000 > "$w/users"
fanout() {  # USERS SANDBOX-ARGS...: seconds of one p100 --users-file run (exit 0 checked)
  local users=$1; shift
  start_sandbox --users 2000 --latency-ms 50 "$@"
  BALANCES_P100_BASE_URL="http://127.0.0.1:$port/p100" BALANCES_P100_API_KEY=p100-demo-key \
    /usr/bin/time -f %e -o "$w/time" "$bin" -o ndjson -q p100 get-balances --users-file - \
    --concurrency 16 < <(head -n "$users" "$w/users") > "$w/out" || { echo "fan-out failed"; exit 1; }
  kill $sb; wait $sb 2>/dev/null || true; sb=
  [ "$(grep -o '"subject":"[^"]*"' "$w/out" | sort -u | wc -l)" = "$users" ] || { echo "a user missing"; exit 1; }
  cat "$w/time"
}
limited=$(for _ in $(seq "$rounds"); do fanout 500 --rate-limit 100; done | median)
plain=$(for _ in $(seq "$rounds"); do fanout 2000; done | median)
throttled=$(for _ in $(seq "$rounds"); do fanout 2000 --throttle-first 20; done | median)
echo "500 users, --rate-limit 100/s, 50 ms: $limited s (the limit's floor: 5 s; target <= 7.5 s)"
echo "2,000 users, 50 ms: $plain s; with the first 20 requests answered 429 (Retry-After: 1): $throttled s (target <= 2 x $plain + 1)"

# 3. Local inputs: /dev/zero as the users file (a device) and on stdin.
read -r s kib < <(timed bash -c "\"$bin\" -q boca get-balances --users-file /dev/zero; [ \$? = 2 ]")
read -r s2 kib2 < <(timed bash -c "\"$bin\" -q boca get-balances --users-file - < /dev/zero; [ \$? = 2 ]")
echo "--users-file /dev/zero: refused in $s s, $((kib / 1024)) MiB; on stdin: $s2 s, $((kib2 / 1024)) MiB"
