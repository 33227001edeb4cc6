#!/usr/bin/env bash
# Runs fuzz targets for a number of seconds each and prints, per target, the
# executions done and the crash artifacts on disk.
#   fuzz/run.sh SECONDS [TARGET...]    (default: every target, one after another)
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo +nightly fuzz list); fi
./seed.sh
for t in "${targets[@]}"; do
  log="target/run-$t.log"
  mkdir -p target
  start=$(date +%s)
  cargo +nightly fuzz run "$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1 || true
  took=$(( $(date +%s) - start ))
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
  crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "$t: ${execs} execs in ${took}s, ${crashes} artifact(s), log fuzz/$log"
done
