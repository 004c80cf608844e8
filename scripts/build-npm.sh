#!/usr/bin/env bash
# Fill npm/dist/ with dist/kasir.js and exactly the hashed glue, wasm and stylesheet it loads (and
# the QR module's glue and wasm it loads on demand), so
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

mapfile -t named < <(grep -oE 'kasir-[0-9a-f]+(_bg\.wasm|\.js|\.css)' "$dist/kasir.js" | sort -u)
[[ ${#named[@]} -eq 3 ]] ||
  { echo "build-npm: expected a glue .js, a _bg.wasm and a .css in $dist/kasir.js, found: ${named[*]:-nothing}" >&2; exit 1; }

# the QR module kasir.js loads on demand
mapfile -t lazy < <(grep -oE 'kasir-qr-[0-9a-f]+(_bg\.wasm|\.js)' "$dist/kasir.js" | sort -u)
[[ ${#lazy[@]} -eq 2 ]] ||
  { echo "build-npm: expected the QR module's .js and _bg.wasm in $dist/kasir.js, found: ${lazy[*]:-nothing}" >&2; exit 1; }

rm -rf npm/dist && mkdir -p npm/dist
for f in kasir.js "${named[@]}" "${lazy[@]}"; do
  [[ -f "$dist/$f" ]] || { echo "build-npm: $dist/kasir.js loads $f, which is missing" >&2; exit 1; }
  cp "$dist/$f" "npm/dist/$f"
done
cp "$dist/integrity.json" npm/dist/integrity.json
# the ES module: www/esm.js with the hashed names and www/api.js inlined
glue=$(printf '%s\n' "${named[@]}" | grep -E '[0-9a-f]\.js$')
wasm=$(printf '%s\n' "${named[@]}" | grep -E '_bg\.wasm$')
css=$(printf '%s\n' "${named[@]}" | grep -E '\.css$')
qrglue=$(printf '%s\n' "${lazy[@]}" | grep -E '\.js$')
qrwasm=$(printf '%s\n' "${lazy[@]}" | grep -E '_bg\.wasm$')
node scripts/build-esm.mjs "$glue" "$wasm" "$css" "$qrglue" "$qrwasm"
echo "build-npm: npm/dist/ = ${named[*]} ${lazy[*]} kasir.js (@kasir/checkout $npm_version)"
