#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the golden fixtures' bodies and from the
# inputs that once failed a target (idempotent). The corpus then grows on the
# machine that fuzzes; git ignores it.
# Raw targets get the bodies as they are; structured targets (hint_*,
# differential) get each body behind two context prefixes: "no status, no
# headers, default limits" and "status 500, small limits".
set -euo pipefail
cd "$(dirname "$0")"
raw=(from_slice from_reader from_bytes)
structured=(differential hint_auto hint_soap hint_openair hint_marketo hint_superoffice hint_qlm hint_salto hint_salesforce hint_netsuite hint_ews hint_json)
for t in "${raw[@]}" "${structured[@]}"; do mkdir -p "corpus/$t"; done
for body in ../fixtures/*/*; do
  case "$body" in *.args|*.expected|*/README.md) continue ;; esac
  name=$(basename "$(dirname "$body")")-$(basename "$body")
  for t in "${raw[@]}"; do cp "$body" "corpus/$t/$name"; done
  for t in "${structured[@]}"; do
    { printf '\0\0\0\0\0'; cat "$body"; } > "corpus/$t/plain-$name"
    { printf '\1\364\1\0\0\1\7'; cat "$body"; } > "corpus/$t/status-$name"
  done
done
# Inputs that once failed a target go back into its corpus.
for dir in regressions/*/; do
  t=$(basename "$dir")
  mkdir -p "corpus/$t"
  cp "$dir"* "corpus/$t/" 2>/dev/null || true
done
