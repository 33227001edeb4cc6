#!/usr/bin/env bash
# Runs fuzz targets until each has used SECONDS of CPU time (user + system,
# measured, so a busy machine gives each target its due rather than less)
# and prints, per target, the executions done, the CPU and wall seconds and
# the crash artifacts on disk.
#   fuzz/run.sh SECONDS [TARGET...]    (default: every target, one after another)
# A TARGET `hint=NAME` runs the hint target with every input read under the
# vendor hint NAME (VENDOR_ERRORS_FUZZ_HINT), its log run-hint=NAME.log.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo +nightly fuzz list); fi
./seed.sh
mkdir -p target
for t in "${targets[@]}"; do
  target=${t%%=*}
  if [ "$target" != "$t" ]; then export VENDOR_ERRORS_FUZZ_HINT=${t#*=}; else unset VENDOR_ERRORS_FUZZ_HINT; fi
  cargo +nightly fuzz build "$target" >/dev/null 2>&1
  log="target/run-$t.log"
  : >"$log"
  cpu=0 execs=0 start=$(date +%s)
  while [ "$cpu" -lt "$secs" ]; do
    /usr/bin/time -f '%U %S' -o "$log.time" \
      cargo +nightly fuzz run "$target" -- -max_total_time=$((secs - cpu)) -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >>"$log" 2>&1 || true
    # The last line: a failing run's first line says its exit status.
    used=$(tail -n 1 "$log.time" | awk '{ printf "%d", $1 + $2 }')
    cpu=$((cpu + used))
    run=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+$' || echo 0)
    execs=$((execs + run))
    [ "$used" -gt 0 ] || break
    [ -z "$(find "artifacts/$target" -type f 2>/dev/null)" ] || break
  done
  took=$(( $(date +%s) - start ))
  crashes=$(find "artifacts/$target" -type f 2>/dev/null | wc -l)
  echo "$t: ${execs} execs in ${cpu} CPU s (${took} s wall), ${crashes} artifact(s), log fuzz/$log"
done
