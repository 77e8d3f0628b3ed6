#!/usr/bin/env bash
# A real PostgreSQL for the ledger tests (`sync --db postgres://…`):
# Debian's server and its default cluster, with a role and a database for
# the tests. Needs root (apt, and `su postgres`). Prints the URL to put in
# BALANCES_TEST_POSTGRES:
#   export BALANCES_TEST_POSTGRES="$(bash scripts/postgres-test-server.sh)"
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi
ver="$(ls /usr/lib/postgresql | sort -V | tail -1)"
pg_lsclusters -h | grep -q "^$ver main" || pg_createcluster "$ver" main >&2
pg_ctlcluster "$ver" main status >/dev/null 2>&1 || pg_ctlcluster "$ver" main start >&2
port="$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $3}')"
as_postgres() { su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -tAc \"$1\""; }
[ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'balances'")" = 1 ] \
  || as_postgres "CREATE ROLE balances LOGIN PASSWORD 'balances-test'" >&2
[ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = 'balances_test'")" = 1 ] \
  || as_postgres "CREATE DATABASE balances_test OWNER balances" >&2
echo "postgres://balances:balances-test@127.0.0.1:$port/balances_test"
