#!/usr/bin/env bash
# Trunk post_build hook: write kasir.js, the stable classic-script entry point, next to the
# hashed ES-module glue, wasm and stylesheet trunk produced. It defines window.Kasir and
# <kasir-checkout> at once and loads everything else relative to its own URL, whatever page or
# origin embeds it, each file with its Subresource Integrity.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls kasir-*.js | grep -v '_bg' | head -n1)
wasm=$(cd "$dir" && ls kasir-*_bg.wasm | head -n1)
css=$(cd "$dir" && ls kasir-*.css 2>/dev/null | head -n1 || true)
# release builds: the glue minified (terser from package.json; -1.9 KB brotli measured)
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node "$(dirname "$0")/minify-glue.mjs" "$dir" "$glue"
fi
# kasir.js (www/loader.js + www/api.js, minified) with the names and the Subresource Integrity
# of the final files, and integrity.json (the sha384 of kasir.js for the merchant's <script>)
node "$(dirname "$0")/write-loader.mjs" "$dir" "$glue" "$wasm" "$css"
