#!/usr/bin/env bash
# Fill npm/dist/ with dist/kasir.js and exactly the files it loads (the stylesheet, each
# provider's glue and wasm and the flows' chunk its glue fetches, the QR module's glue and wasm), so
# that `cd npm && npm pack` makes the @kasir/checkout package, plus dist/integrity.json and the ES
# module npm/index.mjs (loadKasir; www/esm.js + www/api.js with the hashed names). Version must match Cargo.toml.
# Usage: scripts/build-npm.sh [dist-dir]   (run `make widget` first)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[[ -f "$dist/kasir.js" && -f "$dist/integrity.json" ]] || { echo "build-npm: $dist/kasir.js not found: run make widget first" >&2; exit 2; }

cargo_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
npm_version=$(node -p 'require("./npm/package.json").version')
[[ "$cargo_version" == "$npm_version" ]] ||
  { echo "build-npm: npm/package.json version $npm_version != Cargo.toml $cargo_version" >&2; exit 1; }

# the stylesheet, each provider's glue and wasm, the QR module's and the text tables (on demand)
mapfile -t named < <(grep -oE 'kasir-(omise|wooshpay|ecommpay|qr)-[0-9a-f]+(_bg\.wasm|\.js)|kasir-[0-9a-f]+\.css|kasir-(th|id|ko|ru|ja)-[0-9a-f]+\.json' "$dist/kasir.js" | sort -u)
[[ ${#named[@]} -eq 14 ]] ||
  { echo "build-npm: expected a .css, a glue .js + _bg.wasm for omise, wooshpay, ecommpay and qr, and five text tables in $dist/kasir.js, found: ${named[*]:-nothing}" >&2; exit 1; }

# each provider's flows' chunk, named by its glue (src/flows.rs)
for p in omise wooshpay ecommpay; do
  glue=$(printf '%s\n' "${named[@]}" | grep -E "^kasir-$p-[0-9a-f]+\.js$")
  chunk=$(grep -oE "kasir-$p-[0-9a-f]+_flows\.wasm" "$dist/$glue" | head -n1 || true)
  [[ -n "$chunk" ]] || { echo "build-npm: $dist/$glue names no flows chunk: run make widget (a release build)" >&2; exit 1; }
  named+=("$chunk")
done
rm -rf npm/dist && mkdir -p npm/dist
for f in kasir.js "${named[@]}"; do
  [[ -f "$dist/$f" ]] || { echo "build-npm: $dist/kasir.js loads $f, which is missing" >&2; exit 1; }
  cp "$dist/$f" "npm/dist/$f"
done
cp "$dist/integrity.json" npm/dist/integrity.json
# the ES module: www/esm.js with the hashed names and www/api.js inlined
pick() { printf '%s\n' "${named[@]}" | grep -E "$1"; }
# a provider build's flows chunk, as ",<file>" (the QR module has none)
flows_of() { printf '%s\n' "${named[@]}" | grep -E "^kasir-$1-[0-9a-f]+_flows\.wasm$" | sed 's/^/,/' || true; }
css=$(pick '\.css$')
modules=()
for m in qr omise wooshpay ecommpay; do
  modules+=("$m=$(pick "^kasir-$m-[0-9a-f]+\.js$"),$(pick "^kasir-$m-[0-9a-f]+_bg\.wasm$")$(flows_of "$m")")
done
for l in th id ko ru ja; do modules+=("$l=$(pick "^kasir-$l-[0-9a-f]+\.json$")"); done
node scripts/build-esm.mjs "$css" "${modules[@]}"
echo "build-npm: npm/dist/ = ${named[*]} kasir.js (@kasir/checkout $npm_version)"
