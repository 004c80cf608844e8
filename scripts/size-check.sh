#!/usr/bin/env bash
# Size budgets (brotli -q 11), in size-budget.txt:
#   first_paint  everything the page loads before the picker is usable: kasir.js (the loader),
#                the stylesheet, and the provider's wasm-bindgen glue and wasm (in English; a
#                page in another locale also fetches that locale's text table);
#   everything   all the widget can ever load for one provider: the first paint + the parts
#                loaded on demand (the five text tables, the flows' chunk its glue fetches once
#                the picker is drawn (src/flows.rs), and the QR module's glue and wasm for a
#                build that has its client: one whose glue exports setQrEncoder).
# Each must hold for every provider. Usage: scripts/size-check.sh [dist-dir]
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
names=$(grep -oE 'kasir-(omise|wooshpay|ecommpay|qr)-[0-9a-f]+(_bg\.wasm|\.js)|kasir-[0-9a-f]+\.css|kasir-(th|id|ko|ru|ja)-[0-9a-f]+\.json' "$dist/kasir.js" | sort -u)
pick() {
  local f
  f=$(grep -E "$1" <<< "$names" | head -n1)
  [[ -n "$f" ]] || { echo "size-check: $dist/kasir.js names no file like $1 (found: ${names:-nothing})" >&2; exit 2; }
  echo "$f"
}
css=$(pick '\.css$')
qr=("$(pick '^kasir-qr-[0-9a-f]+\.js$')" "$(pick '^kasir-qr-[0-9a-f]+_bg\.wasm$')")

declare -A br
size() { # file → its brotli size in br[], and a report line
  [[ -f "$dist/$1" ]] || { echo "size-check: $dist/kasir.js loads $1, which is missing from $dist" >&2; exit 2; }
  br[$1]=$(brotli -q 11 -c "$dist/$1" | wc -c)
  report+=$'\n'$(printf '%-44s %10d %14d  %s\n' "$1" "$(wc -c < "$dist/$1")" "${br[$1]}" "$2")
}
report=$(printf '%-44s %10s %14s  %s\n' file raw "brotli -q 11" loaded)
size kasir.js "first paint (every provider)"
size "$css" "first paint (every provider)"
declare -A chunk
for p in omise wooshpay ecommpay; do
  glue=$(pick "^kasir-$p-[0-9a-f]+\\.js$")
  size "$glue" "first paint ($p)"
  size "$(pick "^kasir-$p-[0-9a-f]+_bg\\.wasm$")" "first paint ($p)"
  # the flows' chunk its glue names (a release build: scripts/build-wasm.sh)
  chunk[$p]=$(grep -oE "kasir-$p-[0-9a-f]+_flows\\.wasm" "$dist/$glue" | head -n1 || true)
  if [[ -n "${chunk[$p]}" ]]; then
    size "${chunk[$p]}" "after the picker ($p's flows)"
    names+=$'\n'"${chunk[$p]}"
  fi
done
for f in "${qr[@]}"; do size "$f" "on demand (the QR module)"; done
tables=0 largest=0
for l in th id ko ru ja; do
  f=$(pick "^kasir-$l-[0-9a-f]+\\.json$")
  size "$f" "first paint in $l (English is compiled in)"
  tables=$(( tables + br[$f] ))
  (( br[$f] > largest )) && largest=${br[$f]}
done
echo "$report"
echo
# What shoppers download is built with the size options of scripts/size-env.sh: no panic
# locations, so no source path, in any shipped wasm (a build without them is 13 KB heavier).
for f in $names; do
  [[ "$f" == *_bg.wasm ]] || continue
  if paths=$(grep -aoE '[A-Za-z0-9_/.-]+\.rs' "$dist/$f" | sort -u | head -n3) && [[ -n "$paths" ]]; then
    echo "size-check: FAIL: $f holds source paths (${paths//$'\n'/, }): it was built without the size options of scripts/size-env.sh" >&2
    exit 1
  fi
done
# No core::fmt in a shipped wasm (issue 13): its integer formatting brings std's table of digit
# pairs "00".."99". A format! (or a `Display` of a number) in the widget's code puts it back, and
# so does a link that keeps wasm-streams' exports (scripts/wasm-ld.sh).
for f in $names; do
  [[ "$f" == *_bg.wasm ]] || continue
  if grep -qa '0001020304050607080910111213' "$dist/$f"; then
    echo "size-check: FAIL: $f holds core::fmt's digit table: something formats with format!/Display (use [..].concat() and kasir_core::text)" >&2
    exit 1
  fi
done
# One PSP's build carries only its own status rules (kasir-core's interpret_*, reached through
# its adapter) and its own catalogue rows (kasir-core's cargo features omise, wooshpay,
# ecommpay): a word only that PSP's rules or rows hold, per provider, must be absent from the
# others' builds.
declare -A own_word=([omise]=scannable_code [wooshpay]=requires_payment_method [ecommpay]=redirect_data)
declare -A own_row=([omise]=truemoney_jumpapp [wooshpay]=rabbit_line_pay [ecommpay]=true-money)
only_own() { # <array of words> <what they stand for> <how another PSP's got in>
  local -n word=$1
  local p q f
  for p in omise wooshpay ecommpay; do
    # the build: its wasm and its flows' chunk (the status rules are in the chunk)
    f=("$dist/$(pick "^kasir-$p-[0-9a-f]+_bg\\.wasm$")")
    [[ -n "${chunk[$p]}" ]] && f+=("$dist/${chunk[$p]}")
    grep -qa -- "${word[$p]}" "${f[@]}" || { echo "size-check: ${f[*]} lack '${word[$p]}': update $1 to a word only $p's $2 hold" >&2; exit 2; }
    for q in omise wooshpay ecommpay; do
      if [[ $q != "$p" ]] && grep -qa -- "${word[$q]}" "${f[@]}"; then
        echo "size-check: FAIL: $p's build holds '${word[$q]}': $q's $2 are compiled into it ($3)" >&2
        exit 1
      fi
    done
  done
}
only_own own_word "status rules" "something calls kasir_core::status past the adapter"
only_own own_row "catalogue rows" "kasir-core is built with another PSP's cargo feature"
fail=0 worst_first=0 worst_all=0
for p in omise wooshpay ecommpay; do
  first=$(( br[kasir.js] + br[$css] + br[$(pick "^kasir-$p-[0-9a-f]+\\.js$")] + br[$(pick "^kasir-$p-[0-9a-f]+_bg\\.wasm$")] ))
  # everything: every locale's table (a page fetches the one it shows), and the QR module
  # for a build with its client (cargo feature qr-encoder: the loader hands it the encoder)
  all=$(( first + tables ))
  [[ -n "${chunk[$p]}" ]] && all=$(( all + br[${chunk[$p]}] ))
  if grep -q 'setQrEncoder' "$dist/$(pick "^kasir-$p-[0-9a-f]+\\.js$")"; then
    all=$(( all + br[${qr[0]}] + br[${qr[1]}] ))
  fi
  printf '%-10s first paint %7d B (%d B in the largest other locale)   everything %7d B\n' "$p" "$first" "$((first + largest))" "$all"
  (( first > worst_first )) && worst_first=$first
  (( all > worst_all )) && worst_all=$all
  if (( first > first_budget )); then
    echo "size-check: FAIL: $p's first paint is $first bytes brotli, over the budget of $first_budget in $budget_file by $((first - first_budget)) bytes" >&2
    fail=1
  fi
  if (( all > all_budget )); then
    echo "size-check: FAIL: everything for $p is $all bytes brotli, over the budget of $all_budget in $budget_file by $((all - all_budget)) bytes" >&2
    fail=1
  fi
done
(( fail == 0 )) || exit 1
echo "size-check: ok: first paint ≤ $worst_first of $first_budget, everything ≤ $worst_all of $all_budget bytes brotli (issue 13's targets: ≤ 0.5× and ≤ 1.0× Adyen's tree-shaken Drop-in, bench/SIZE.md)"
