#!/usr/bin/env bash
# Side-by-side benchmark of `balances` against what users do today, on an
# independent static server (nginx on loopback), plus the Ibanera latency run
# (the built-in sandbox) and the big-body memory run. Not a test: it prints a
# table and a last line of ratios.
#   bench/run.sh [BALANCES_BIN] [ITEMS]     (default: target/release/balances, 20000)
# Needs nginx (Debian nginx-light), hyperfine, openssl, jq, and Python with
# `requests`; scripts/bench.sh installs what is missing and builds the binary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/balances}; n=${2:-20000}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
w=$(mktemp -d); trap 'kill $(cat "$w/nginx.pid" 2>/dev/null) 2>/dev/null || true; kill $sb 2>/dev/null || true; rm -rf "$w"' EXIT
sb=
chmod 755 "$w"; mkdir -p "$w/www" "$w/tmp"
python3 "$here/gen.py" "$w/www" "$n"
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
sed -e "s#@DIR@#$w#g" -e "s#@PORT@#$port#g" "$here/nginx.conf.in" > "$w/nginx.conf"
nginx -c "$w/nginx.conf" -p "$w" & sleep 0.5
base="http://127.0.0.1:$port/boca"; key=perf-key; secret=perf-secret
export BALANCES_BOCA_BASE_URL=$base BALANCES_BOCA_API_KEY=$key BALANCES_BOCA_API_SECRET=$secret
export HOME=$w XDG_CONFIG_HOME=$w/cfg BALANCES_KEYRING=none
# sanity: every tool exports the same number of items
c1=$("$bin" -o ndjson boca get-transactions perf-user --all --limit 100 | wc -l)
c2=$(python3 "$here/py_loop.py" "$base" perf-user $key $secret | wc -l)
c3=$("$here/curl_loop.sh" "$base" perf-user $key $secret | wc -l)
echo "items: balances=$c1 python=$c2 curl=$c3 (expected $n)"
[ "$c1" = "$n" ] && [ "$c2" = "$n" ] && [ "$c3" = "$n" ] || { echo "item counts differ"; exit 1; }
ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sig=$(printf 'GET\n/boca/v1/users/perf-user/balances\n\n%s\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' "$ts" | openssl dgst -sha256 -hmac $secret -hex | awk '{print $NF}')
hyperfine -N -w 3 -r 30 --export-json "$w/one.json" \
  -n balances "$bin -o json boca get-balances perf-user" \
  -n curl "curl -sf -H 'X-Api-Key: $key' -H 'X-Request-Timestamp: $ts' -H 'X-Request-Signature: $sig' $base/v1/users/perf-user/balances" >/dev/null
# the floor: one curl process fetching every page over one kept-alive connection, no parsing at all
pages=$(( (n + 99) / 100 )); urls="$base/v1/users/perf-user/transactions?limit=100"
for ((p = 1; p < pages; p++)); do urls="$urls $base/v1/users/perf-user/transactions?limit=100&cursor=$(printf 'c%07d' $p)"; done
echo "$urls" | tr ' ' '\n' | sed 's/^/url = "/; s/$/"/' > "$w/urls.cfg"
hyperfine -w 1 -r 5 --export-json "$w/export.json" \
  -n floor "curl -sf -K $w/urls.cfg -o /dev/null" \
  -n balances "$bin -o ndjson boca get-transactions perf-user --all --limit 100 >/dev/null" \
  -n python "python3 $here/py_loop.py $base perf-user $key $secret >/dev/null" \
  -n curl-loop "$here/curl_loop.sh $base perf-user $key $secret >/dev/null" >/dev/null
hyperfine -N -w 3 -r 50 --export-json "$w/start.json" -n version "$bin --version" >/dev/null
rss() { python3 "$here/gen.py" "$w/www" "$1"; /usr/bin/time -f %M "$bin" -o ndjson boca get-transactions perf-user --all --limit 100 2>&1 >/dev/null | tail -n1; }
r10k=$(rss 10000); r100k=$(rss 100000); r1m=$(rss 1000000)

# The big body: one get-balances answer of 400,000 balances (about 28 MB).
python3 "$here/gen.py" --big "$w/www" 400000
big=""
for fmt in json ndjson csv table; do
  kib=$(/usr/bin/time -f %M "$bin" -o $fmt boca get-balances big-user 2>&1 >/dev/null | tail -n1)
  big="$big $fmt=$kib"
done

# Ibanera over 600 pages at 20 ms an answer (the built-in sandbox): pages
# fetched ahead (--all) against one at a time (--max-items reads on demand).
sport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$bin" sandbox --listen "127.0.0.1:$sport" --transactions 2000 --latency-ms 20 >/dev/null & sb=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$sport) 2>/dev/null && break; sleep 0.1; done
ib() { BALANCES_IBANERA_BASE_URL=http://127.0.0.1:$sport/ibanera BALANCES_IBANERA_USERNAME=demo@balances.example \
  BALANCES_IBANERA_PASSWORD=demo-password BALANCES_IBANERA_TOTP_SECRET=MJQWYYLOMNSXGLLEMVWW6LLUN52HALLL \
  "$bin" -o ndjson ibanera get-card-transactions "$@" >/dev/null; }
t0=$(date +%s.%N); ib --all; t1=$(date +%s.%N); ib --all --max-items 6000; t2=$(date +%s.%N)

python3 - "$w" "$n" "$r10k" "$r100k" "$r1m" "$t0" "$t1" "$t2" "$big" <<'PY'
import json, sys
w, n, r10k, r100k, r1m = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:6])
t0, t1, t2 = map(float, sys.argv[6:9])
big = dict(kv.split("=") for kv in sys.argv[9].split())
med = lambda f: {r["command"]: r["median"] for r in json.load(open(f"{w}/{f}.json"))["results"]}
one, ex, st = med("one"), med("export"), med("start")
print(f"| measure | balances | peer | ratio (peer / balances) |\n|---|---|---|---|")
print(f"| one get-balances call | {one['balances']*1e3:.2f} ms | curl {one['curl']*1e3:.2f} ms | {one['curl']/one['balances']:.2f} |")
print(f"| export {n} tx (NDJSON) | {ex['balances']*1e3:.0f} ms | python {ex['python']*1e3:.0f} ms | {ex['python']/ex['balances']:.1f} |")
print(f"| export {n} tx (NDJSON) | {ex['balances']*1e3:.0f} ms | curl loop {ex['curl-loop']*1e3:.0f} ms | {ex['curl-loop']/ex['balances']:.1f} |")
print(f"| export {n} tx (NDJSON) | {ex['balances']*1e3:.0f} ms | floor: one curl, all pages, no parsing {ex['floor']*1e3:.0f} ms | {ex['floor']/ex['balances']:.2f} |")
print(f"| --version | {st['version']*1e3:.2f} ms | | |")
print(f"| peak RSS, export 10k / 100k / 1M | {r10k/1024:.1f} / {r100k/1024:.1f} / {r1m/1024:.1f} MiB | | growth {r1m/r10k:.2f}x |")
print("| peak RSS, 28 MB get-balances body | " + " / ".join(f"{k} {int(v)/1024:.0f} MiB" for k, v in big.items()) + " | | |")
print(f"| ibanera 600 pages at 20 ms | {t1-t0:.2f} s fetched ahead | one at a time {t2-t1:.2f} s | {(t2-t1)/(t1-t0):.1f} |")
print(f"one-call vs curl {one['curl']/one['balances']:.2f}x; export vs floor {ex['floor']/ex['balances']:.2f}x, vs python {ex['python']/ex['balances']:.1f}x, vs curl loop {ex['curl-loop']/ex['balances']:.1f}x; rss 1M {r1m/1024:.1f} MiB (x{r1m/r10k:.2f} of 10k); --version {st['version']*1e3:.2f} ms; ibanera 600 pages {t1-t0:.2f} s")
PY
