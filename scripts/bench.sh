#!/usr/bin/env bash
# The benchmark (not a test): builds the release binary, installs what the
# comparison needs when it is missing (nginx-light, hyperfine, jq, openssl
# from Debian; Python's requests), then runs bench/run.sh: balances against
# curl, the no-parsing floor, a Python requests loop and a curl+openssl loop
# on a static nginx; export memory at 10k/100k/1M items; a 28 MB balances
# body in every format; Ibanera over 600 pages at 20 ms an answer.
#   scripts/bench.sh [ITEMS]      (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for tool in nginx hyperfine jq openssl; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  pkgs=("${need[@]/nginx/nginx-light}")
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi
python3 -c 'import requests' 2>/dev/null || python3 -m pip install -q requests
cargo build --release --locked --quiet
bench/run.sh target/release/balances "${1:-20000}"
