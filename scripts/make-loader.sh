#!/usr/bin/env bash
# Trunk post_build hook: write kasir.js, the stable classic-script entry point, next to the
# hashed ES-module glue, wasm and stylesheet trunk produced. It defines window.Kasir at once
# and loads everything else relative to its own URL, whatever page or origin embeds it.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
glue=$(cd "$dir" && ls kasir-*.js | grep -v '_bg' | head -n1)
wasm=$(cd "$dir" && ls kasir-*_bg.wasm | head -n1)
css=$(cd "$dir" && ls kasir-*.css 2>/dev/null | head -n1 || true)
# release builds: the glue minified (terser from package.json; -1.9 KB brotli measured)
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node "$(dirname "$0")/minify-glue.mjs" "$dir" "$glue"
fi
# comments (but the /*! … */ banner) and indentation are left out of what every shopper loads
sed -e "s/__GLUE__/$glue/" -e "s/__WASM__/$wasm/" -e "s/__CSS__/$css/" \
    -e '/^[[:space:]]*\/\/.*$/d' -e '/^[[:space:]]*\/\*\*.*\*\/[[:space:]]*$/d' -e 's/^[[:space:]]*//' \
    "$(dirname "$0")/../www/loader.js" > "$dir/kasir.js"
echo "kasir.js -> $glue, $wasm, ${css:-no css}"
