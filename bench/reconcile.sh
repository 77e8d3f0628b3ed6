#!/usr/bin/env bash
# The reconcile benchmark (not a test): a ledger of N transactions and S
# snapshots (bench/gen_ledger.py), `balances reconcile` against the float
# floor: sqlite3 summing the same windows with SUM(CAST(amount AS REAL)).
#   bench/reconcile.sh [BALANCES_BIN] [TRANSACTIONS] [SNAPSHOTS] [ROUNDS]
#   (default: target/release/balances, 1000000, 1000, 3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../target/release/balances}; n=${2:-1000000}; s=${3:-1000}; rounds=${4:-3}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
export HOME=$w XDG_CONFIG_HOME=$w/cfg BALANCES_KEYRING=none
"$bin" --sandbox sync --db "$w/l.db" --provider p100 -o json >/dev/null   # the schema
python3 "$here/gen_ledger.py" "$w/l.db" "$n" "$s"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timed() { /usr/bin/time -f '%e %M' -o "$w/time" "$@" >/dev/null; cat "$w/time"; }
legs="SELECT created_at AS t, to_currency AS c, CAST(to_amount AS REAL) AS v FROM transactions WHERE subject = 'bench-user'
      UNION ALL SELECT created_at, from_currency, -CAST(from_amount AS REAL) FROM transactions WHERE subject = 'bench-user'
      UNION ALL SELECT created_at, fee_currency, -CAST(fee_amount AS REAL) FROM transactions WHERE subject = 'bench-user' AND fee_currency IS NOT NULL"
first=$(sqlite3 "$w/l.db" "SELECT min(as_of) FROM balances WHERE subject = 'bench-user'")
last=$(sqlite3 "$w/l.db" "SELECT max(as_of) FROM balances WHERE subject = 'bench-user'")
one_window="SELECT c, SUM(v) FROM ($legs) WHERE t > '$first' AND t <= '$last' GROUP BY c"
each_window="CREATE TEMP TABLE s AS SELECT DISTINCT as_of FROM balances WHERE subject = 'bench-user';
  CREATE INDEX s_at ON s (as_of);
  SELECT w, c, SUM(v) FROM (SELECT (SELECT min(as_of) FROM s WHERE as_of >= t) AS w, c, v FROM ($legs)) GROUP BY w, c"
for mode in one each; do
  : > "$w/b.s"; : > "$w/f.s"; : > "$w/b.kib"
  for _ in $(seq "$rounds"); do
    if [ $mode = one ]; then
      read -r t kib < <(timed "$bin" reconcile --db "$w/l.db" --subject bench-user -o json)
      read -r f _ < <(timed sqlite3 "$w/l.db" "$one_window")
    else
      read -r t kib < <(timed "$bin" reconcile --db "$w/l.db" --subject bench-user --each -o json)
      read -r f _ < <(timed sqlite3 "$w/l.db" "$each_window")
    fi
    echo "$t" >> "$w/b.s"; echo "$f" >> "$w/f.s"; echo "$kib" >> "$w/b.kib"
  done
  b=$(median < "$w/b.s"); f=$(median < "$w/f.s"); k=$(sort -n "$w/b.kib" | tail -1)
  echo "reconcile of $n transactions, $s snapshots, $( [ $mode = one ] && echo 'one window' || echo '--each') : $b s (runs: $(tr '\n' ' ' < "$w/b.s")), float floor $f s (runs: $(tr '\n' ' ' < "$w/f.s")), ratio $(awk -v a="$b" -v b="$f" 'BEGIN {printf "%.2f", a/b}'), peak RSS $((k / 1024)) MiB"
done
