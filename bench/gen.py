#!/usr/bin/env python3
"""Static Boca-shaped pages for the benchmark: a history of N conversions for user `perf-user`,
pages of 100 chained by opaque cursors, plus a balances body. Served by nginx (fast, independent)."""
import json, os, sys

def main(out: str, n: int, page: int = 100):
    os.makedirs(os.path.join(out, "tx"), exist_ok=True)
    pages = (n + page - 1) // page
    for p in range(pages):
        items = []
        for i in range(p * page, min(n, (p + 1) * page)):
            items.append({"conversionId": f"conv-{i:08d}", "createdAt": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                          "type": "conversion", "from": {"currency": "CAD", "amount": f"{1000 + i % 997}.{i % 100:02d}"},
                          "to": {"currency": "BTC", "amount": f"0.{(i * 7919) % 10**8:08d}"}, "rate": "85000.00"})
        nxt = f"c{p + 1:07d}" if p + 1 < pages else None
        body = {"externalId": "perf-user", "userId": "550e8400-e29b-41d4-a716-446655440000", "nextCursor": nxt, "items": items}
        name = "first" if p == 0 else f"c{p:07d}"
        with open(os.path.join(out, "tx", name + ".json"), "w") as f:
            json.dump(body, f, separators=(",", ":"))
    with open(os.path.join(out, "balances.json"), "w") as f:
        json.dump({"externalId": "perf-user", "userId": "550e8400-e29b-41d4-a716-446655440000",
                   "balances": [{"currency": "CAD", "available": "1250.00", "total": "1250.00"},
                                {"currency": "BTC", "available": "0.01500000", "total": "0.01500000"}]}, f)

def big(out: str, n: int):
    """One get-balances body of n balances (400,000 make about 28 MB, under the 32 MiB cap)."""
    rows = [{"currency": f"T{i:06d}", "available": f"{i}.{i % 10**8:08d}", "total": f"{i}.{i % 10**8:08d}"} for i in range(n)]
    with open(os.path.join(out, "big.json"), "w") as f:
        json.dump({"externalId": "big-user", "userId": "550e8400-e29b-41d4-a716-446655440000", "balances": rows},
                  f, separators=(",", ":"))

if __name__ == "__main__":
    if sys.argv[1] == "--big":
        big(sys.argv[2], int(sys.argv[3]))
    else:
        main(sys.argv[1], int(sys.argv[2]))
