#!/usr/bin/env python3
"""Fill a ledger (made by `balances sync`) with one Boca user's long history
and snapshots that follow it, for the reconcile benchmark.

    bench/gen_ledger.py LEDGER TRANSACTIONS SNAPSHOTS

Conversions between CAD and BTC, one a second from 2026-01-01, amounts of
mixed scales in minor units (integers, so the snapshots are exact); a
snapshot of both currencies every TRANSACTIONS / SNAPSHOTS transactions,
each the opening plus everything before it; one complete listing record.
"""
import sqlite3
import sys
import time

path, n, snaps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(path)
key = ("boca", "default", "https://bench.example/", "bench-user")
epoch = 1767225600  # 2026-01-01T00:00:00Z


def ts(secs):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(secs))


def dec(units, scale):
    s = str(abs(units)).rjust(scale + 1, "0")
    return ("-" if units < 0 else "") + s[:-scale] + "." + s[-scale:]


cad, btc = 10**12, 10**15  # openings, cents and satoshi-like units (10 decimals)
every = max(1, n // snaps)
rows, balances = [], []
for k in range(n):
    if k % every == 0:
        at = ts(epoch + k)  # at this second, before transaction k
        for cur, units, scale in (("CAD", cad, 2), ("BTC", btc, 10)):
            v = dec(units, scale)
            balances.append(("bench",) + key + (cur, v, v, "{}", at, "balances"))
    a = 1000 + (k * 7919) % 500000
    b = 100000 + (k * 104729) % 90000000
    if k % 2:
        frm, to = ("CAD", dec(a, 2)), ("BTC", dec(b, 10))
        cad, btc = cad - a, btc + b
    else:
        frm, to = ("BTC", dec(b, 10)), ("CAD", dec(a, 2))
        cad, btc = cad + a, btc - b
    # A second after the snapshot at epoch + k, which it follows.
    rows.append(key + (f"conv-{k}", ts(epoch + k + 1), "conversion", None,
                       frm[0], frm[1], to[0], to[1], None, None, None, "{}", ts(epoch), "bench"))
    if len(rows) == 100000:
        db.executemany("INSERT INTO transactions (provider, profile, base_url, subject, id, created_at, type, status, "
                       "from_currency, from_amount, to_currency, to_amount, fee_currency, fee_amount, rate, "
                       "provider_fields, first_seen, run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        rows = []
db.executemany("INSERT INTO transactions (provider, profile, base_url, subject, id, created_at, type, status, "
               "from_currency, from_amount, to_currency, to_amount, fee_currency, fee_amount, rate, "
               "provider_fields, first_seen, run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
at = ts(epoch + n)
for cur, units, scale in (("CAD", cad, 2), ("BTC", btc, 10)):
    v = dec(units, scale)
    balances.append(("bench",) + key + (cur, v, v, "{}", at, "balances"))
db.executemany("INSERT INTO balances (run_id, provider, profile, base_url, subject, currency, available, total, "
               "provider_fields, as_of, list) VALUES (?,?,?,?,?,?,?,?,?,?,?)", balances)
db.execute("INSERT INTO listings (run_id, provider, profile, base_url, subject, list, started_at, finished_at, "
           "outcome, rows) VALUES ('bench', ?, ?, ?, ?, 'transactions', ?, ?, 'ok', ?)", key + (ts(epoch + n + 1), ts(epoch + n + 1), n))
db.commit()
