#!/usr/bin/env bash
# Build every fuzz target of fuzz/ (cargo-fuzz, libFuzzer) and run each one
# for SECONDS (default 20), starting from the committed seeds in
# fuzz/seeds/<target>/; new inputs go to fuzz/corpus/<target>/ (not
# committed), crashes to fuzz/artifacts/<target>/. Fails if any target
# crashes, panics, breaks an invariant or hangs.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# FUZZ_SANITIZER=none skips AddressSanitizer (faster; the code is safe Rust).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-20}
sanitizer=${FUZZ_SANITIZER:-address}
# Optimised, with debug assertions and overflow checks (an overflow is a finding).
flags=(--debug-assertions --sanitizer "$sanitizer")

cargo +nightly fuzz build "${flags[@]}"
failed=()
passed=0
for target in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$target"
  echo "== $target: ${secs}s"
  if cargo +nightly fuzz run "${flags[@]}" "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$secs" -timeout=10 -print_final_stats=1 2>"corpus/$target.log"; then
    passed=$((passed + 1))
  else
    failed+=("$target")
    # The panic (message and place) and the input that caused it.
    grep -m1 -A3 'panicked at' "corpus/$target.log" || tail -n 20 "corpus/$target.log"
    sed -n '/^Failing input:/,/^Reproduce with:/p' "corpus/$target.log"
  fi
  grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "corpus/$target.log" || true
done
echo "fuzz: $passed passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
  echo "crashing targets: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
