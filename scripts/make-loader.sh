#!/usr/bin/env bash
# Trunk post_build hook: write kasir.js, the stable classic-script entry point, next to the
# hashed ES-module glue, wasm and stylesheet trunk produced. It defines window.Kasir and
# <kasir-checkout> at once and loads everything else relative to its own URL, whatever page or
# origin embeds it, each file with its Subresource Integrity.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls kasir-*.js | grep -E '^kasir-[0-9a-f]+\.js$' | head -n1)
wasm=$(cd "$dir" && ls kasir-*_bg.wasm | grep -E '^kasir-[0-9a-f]+_bg\.wasm$' | head -n1)
css=$(cd "$dir" && ls kasir-*.css 2>/dev/null | head -n1 || true)
# release builds: the glue minified (terser from package.json; -1.9 KB brotli measured)
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node "$(dirname "$0")/minify-glue.mjs" "$dir" "$glue"
fi
# the QR module, loaded on demand (crates/kasir-qr)
bash "$(dirname "$0")/build-qr-module.sh" "$dir" "$([ "${TRUNK_PROFILE:-}" = release ] && echo release || echo debug)"
qrglue=$(cd "$dir" && ls kasir-qr-*.js | head -n1)
qrwasm=$(cd "$dir" && ls kasir-qr-*_bg.wasm | head -n1)
# kasir.js (www/loader.js + www/api.js, minified) with the names and the Subresource Integrity
# of the final files (the widget's first paint, and the QR module it loads on demand), and
# integrity.json (the sha384 of kasir.js for the merchant's <script>)
node "$(dirname "$0")/write-loader.mjs" "$dir" "$glue" "$wasm" "$css" "$qrglue" "$qrwasm"
