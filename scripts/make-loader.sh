#!/usr/bin/env bash
# Trunk post_build hook. Trunk built the development page (every provider in one wasm) and the
# stylesheet; this builds what kasir.js loads — one wasm per provider (the `omise`, `wooshpay`,
# `ecommpay` cargo features: a shopper downloads only the mounted PSP's code) and the QR module
# (crates/kasir-qr, on demand) and the locales' text tables (src/i18n/*.json) — then writes kasir.js, the stable classic-script entry point. It
# defines window.Kasir and <kasir-checkout> at once and loads everything else relative to its
# own URL, whatever page or origin embeds it, each file with its Subresource Integrity.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
here="$(dirname "$0")"
profile=$([ "${TRUNK_PROFILE:-}" = release ] && echo release || echo debug)
glue=$(cd "$dir" && ls kasir-*.js | grep -E '^kasir-[0-9a-f]+\.js$' | head -n1)
css=$(cd "$dir" && ls kasir-*.css | grep -E '^kasir-[0-9a-f]+\.css$' | head -n1)
# release builds: the development page's glue minified too (terser; -1.9 KB brotli measured)
if [ "$profile" = release ]; then
  node "$here/minify-glue.mjs" "$dir" "$glue"
fi
builds=()
# a release build's flows after the picker are a chunk of their own (src/flows.rs)
split=$([ "$profile" = release ] && echo ,split || true)
for p in omise wooshpay ecommpay; do
  KASIR_SPLIT=${split:+1} bash "$here/build-wasm.sh" "$dir" "$profile" "kasir-$p" -p kasir --lib --no-default-features --features "$p$split"
  builds+=("$p=$(cd "$dir" && ls "kasir-$p"-*.js),$(cd "$dir" && ls "kasir-$p"-*_bg.wasm)$(cd "$dir" && ls "kasir-$p"-*_flows.wasm 2>/dev/null | sed 's/^/,/')")
done
bash "$here/build-wasm.sh" "$dir" "$profile" kasir-qr -p kasir-qr --features module
qr="$(cd "$dir" && ls kasir-qr-*.js),$(cd "$dir" && ls kasir-qr-*_bg.wasm)"
# the UI texts of each locale but English (compiled in), fetched for the locale shown: its
# texts in key order, without the keys (src/i18n/mod.rs zips them with en.rs's, in that order)
texts=()
for l in th id ko ru ja; do
  node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.stdout.write(JSON.stringify(Object.keys(t).sort().map((k) => t[k])))' \
    "$here/../src/i18n/$l.json" > "$dir/texts.tmp"
  f="kasir-$l-$(sha256sum "$dir/texts.tmp" | cut -c1-16).json"
  mv "$dir/texts.tmp" "$dir/$f"
  texts+=("$l=$f")
done
# kasir.js (www/loader.js + www/api.js, minified) with the names and the Subresource Integrity
# of the final files, and integrity.json (the sha256 of kasir.js for the merchant's <script>)
node "$here/write-loader.mjs" "$dir" "$css" "qr=$qr" "${builds[@]}" "${texts[@]}"
