#!/usr/bin/env bash
# The QR module (crates/kasir-qr, feature `module`): built for wasm32, through wasm-bindgen (web
# target), wasm-opt and terser like the widget, into <dir> as kasir-qr-<hash>.js and
# kasir-qr-<hash>_bg.wasm (hash of the wasm). Run by make-loader.sh (trunk's post_build hook);
# kasir.js and the ES module load it only when a QR must be encoded in the browser.
# Usage: scripts/build-qr-module.sh <dir> [release|debug]
set -euo pipefail
dir="${1:?usage: build-qr-module.sh <dir> [release|debug]}"
profile="${2:-release}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
args=(--locked --offline -p kasir-qr --features module --target wasm32-unknown-unknown)
if [ "$profile" = release ]; then
  (cd "$root" && cargo build --release "${args[@]}")
else
  (cd "$root" && cargo build "${args[@]}")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$target/wasm32-unknown-unknown/$profile/kasir_qr.wasm"
if [ "$profile" = release ]; then
  # the flags of the widget's wasm (www/index.html)
  wasm-opt -Oz --converge --low-memory-unused --zero-filled-memory --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue -o "$tmp/kasir_qr_bg.wasm" "$tmp/kasir_qr_bg.wasm"
  node "$root/scripts/minify-glue.mjs" "$tmp" kasir_qr.js
fi
hash=$(sha256sum "$tmp/kasir_qr_bg.wasm" | cut -c1-16)
rm -f "$dir"/kasir-qr-*.js "$dir"/kasir-qr-*_bg.wasm
cp "$tmp/kasir_qr_bg.wasm" "$dir/kasir-qr-${hash}_bg.wasm"
cp "$tmp/kasir_qr.js" "$dir/kasir-qr-${hash}.js"
echo "QR module: kasir-qr-${hash}.js, kasir-qr-${hash}_bg.wasm ($(wc -c < "$dir/kasir-qr-${hash}_bg.wasm") bytes)"
