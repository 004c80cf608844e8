#!/usr/bin/env bash
# Size budgets (brotli -q 11), in size-budget.txt:
#   first_paint  everything the page loads before the picker is usable: kasir.js (the loader),
#                the wasm-bindgen glue, the wasm and the stylesheet;
#   everything   all the widget can ever load for one provider: the first paint + the parts
#                loaded on demand (the QR module's glue and wasm).
# Each must not exceed its byte count. Usage: scripts/size-check.sh [dist-dir]
# (needs the `brotli` CLI: apt-get install brotli)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
budget_file="size-budget.txt"

command -v brotli >/dev/null || { echo "size-check: the brotli CLI is missing (apt-get install brotli)" >&2; exit 2; }
[[ -f "$dist/kasir.js" ]] || { echo "size-check: $dist/kasir.js not found: run make widget first" >&2; exit 2; }
budget() {
  local v
  v=$(awk -v k="$1" '$1 == k { print $2 }' "$budget_file")
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "size-check: $budget_file must have a line '$1 <bytes>', got '${v}'" >&2; exit 2; }
  echo "$v"
}
first_budget=$(budget first_paint)
all_budget=$(budget everything)

# The files the loader names (the hashes change with every build).
mapfile -t named < <(grep -oE 'kasir-[0-9a-f]+(_bg\.wasm|\.js|\.css)' "$dist/kasir.js" | sort -u)
mapfile -t lazy < <(grep -oE 'kasir-qr-[0-9a-f]+(_bg\.wasm|\.js)' "$dist/kasir.js" | sort -u)
has() { printf '%s\n' "${named[@]}" | grep -qE "$1"; }
has '_bg\.wasm$' && has '[0-9a-f]\.js$' && has '\.css$' ||
  { echo "size-check: $dist/kasir.js does not name a glue .js, a _bg.wasm and a .css (found: ${named[*]:-nothing})" >&2; exit 2; }
[[ ${#lazy[@]} -eq 2 ]] || { echo "size-check: $dist/kasir.js does not name the QR module's .js and _bg.wasm (found: ${lazy[*]:-nothing})" >&2; exit 2; }

first=0 all=0
report=$(printf '%-40s %10s %14s  %s\n' file raw "brotli -q 11" loaded)
line() { # file, when
  [[ -f "$dist/$1" ]] || { echo "size-check: $dist/kasir.js loads $1, which is missing from $dist" >&2; exit 2; }
  local raw br
  raw=$(wc -c < "$dist/$1")
  br=$(brotli -q 11 -c "$dist/$1" | wc -c)
  all=$((all + br))
  [[ "$2" == "first paint" ]] && first=$((first + br))
  report+=$'\n'$(printf '%-40s %10d %14d  %s\n' "$1" "$raw" "$br" "$2")
}
for f in kasir.js "${named[@]}"; do line "$f" "first paint"; done
for f in "${lazy[@]}"; do line "$f" "on demand"; done
report+=$'\n'$(printf '%-40s %10s %14d\n' "first paint" "" "$first")
report+=$'\n'$(printf '%-40s %10s %14d\n' "everything" "" "$all")
echo "$report"
fail=0
if (( first > first_budget )); then
  echo "size-check: FAIL: the first paint is $first bytes brotli, over the budget of $first_budget in $budget_file by $((first - first_budget)) bytes" >&2
  fail=1
fi
if (( all > all_budget )); then
  echo "size-check: FAIL: everything is $all bytes brotli, over the budget of $all_budget in $budget_file by $((all - all_budget)) bytes" >&2
  fail=1
fi
(( fail == 0 )) || exit 1
echo "size-check: ok: first paint $first of $first_budget, everything $all of $all_budget bytes brotli (issue 13's targets: ≤ 0.5× and ≤ 1.0× Adyen's tree-shaken Drop-in, bench/SIZE.md)"
