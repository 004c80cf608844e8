#!/usr/bin/env bash
# Size budget: the brotli -q 11 total of everything dist/kasir.js loads (the loader itself, the
# wasm-bindgen glue, the wasm and the stylesheet) must not exceed the byte count in size-budget.txt.
# Usage: scripts/size-check.sh [dist-dir]   (needs the `brotli` CLI: apt-get install brotli)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
budget_file="size-budget.txt"

command -v brotli >/dev/null || { echo "size-check: the brotli CLI is missing (apt-get install brotli)" >&2; exit 2; }
[[ -f "$dist/kasir.js" ]] || { echo "size-check: $dist/kasir.js not found: run make widget first" >&2; exit 2; }
budget="$(tr -d '[:space:]' < "$budget_file")"
[[ "$budget" =~ ^[0-9]+$ ]] || { echo "size-check: $budget_file must hold a byte count, got '$budget'" >&2; exit 2; }

# The files the loader names (the hashes change with every build).
mapfile -t named < <(grep -oE 'kasir-[0-9a-f]+(_bg\.wasm|\.js|\.css)' "$dist/kasir.js" | sort -u)
has() { printf '%s\n' "${named[@]}" | grep -qE "$1"; }
has '_bg\.wasm$' && has '[0-9a-f]\.js$' && has '\.css$' ||
  { echo "size-check: $dist/kasir.js does not name a glue .js, a _bg.wasm and a .css (found: ${named[*]:-nothing})" >&2; exit 2; }

total=0
report=$(printf '%-40s %10s %14s\n' file raw "brotli -q 11")
for f in kasir.js "${named[@]}"; do
  [[ -f "$dist/$f" ]] || { echo "size-check: $dist/kasir.js loads $f, which is missing from $dist" >&2; exit 2; }
  raw=$(wc -c < "$dist/$f")
  br=$(brotli -q 11 -c "$dist/$f" | wc -c)
  total=$((total + br))
  report+=$'\n'$(printf '%-40s %10d %14d\n' "$f" "$raw" "$br")
done
report+=$'\n'$(printf '%-40s %10s %14d\n' "total" "" "$total")
echo "$report"
if (( total > budget )); then
  echo "size-check: FAIL: the widget is $total bytes brotli, over the budget of $budget in $budget_file by $((total - budget)) bytes" >&2
  exit 1
fi
echo "size-check: ok: $total of $budget bytes brotli ($((budget - total)) to spare; the goal is 55000)"
