#!/usr/bin/env bash
# Instructions (callgrind) of the two listings a change to the read path
# touches, for one binary or several side by side (a before and an after):
# the 20,000-item Boca export from nginx (bench/run.sh's), and 600 Ibanera
# pages from the built-in sandbox (every page's envelope check included).
# Deterministic to about 1%, unlike wall time: the numbers a hot-path change
# states.
#   bench/instructions.sh BIN [BIN...]
# Needs valgrind and nginx (Debian nginx-light).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
w=$(mktemp -d); sb=
trap 'kill $(cat "$w/nginx.pid" 2>/dev/null) 2>/dev/null || true; kill $sb 2>/dev/null || true; rm -rf "$w"' EXIT
chmod 755 "$w"; mkdir -p "$w/www" "$w/tmp"
python3 "$here/gen.py" "$w/www" 20000 >/dev/null
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
port=$(free_port)
sed -e "s#@DIR@#$w#g" -e "s#@PORT@#$port#g" "$here/nginx.conf.in" > "$w/nginx.conf"
nginx -c "$w/nginx.conf" -p "$w" & sleep 0.5
export HOME=$w XDG_CONFIG_HOME=$w/cfg BALANCES_KEYRING=none
export BALANCES_BOCA_BASE_URL="http://127.0.0.1:$port/boca" BALANCES_BOCA_API_KEY=perf-key BALANCES_BOCA_API_SECRET=perf-secret
sport=$(free_port)
"$1" sandbox --listen "127.0.0.1:$sport" --transactions 2000 --latency-ms 5 >/dev/null & sb=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$sport) 2>/dev/null && break; sleep 0.1; done
export BALANCES_IBANERA_BASE_URL="http://127.0.0.1:$sport/ibanera" BALANCES_IBANERA_USERNAME=demo@balances.example \
  BALANCES_IBANERA_PASSWORD=demo-password BALANCES_IBANERA_TOTP_SECRET=MJQWYYLOMNSXGLLEMVWW6LLUN52HALLL
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*'; }
printf '%-40s %16s %16s\n' binary "boca 20k items" "ibanera 600 pages"
for bin in "$@"; do
  boca=$(count "$bin" -o ndjson boca get-transactions perf-user --all --limit 100)
  ib=$(count "$bin" -o ndjson ibanera get-card-transactions --all)
  printf '%-40s %16s %16s\n' "$bin" "$boca" "$ib"
done
