#!/usr/bin/env bash
# One wasm module of the widget, built like trunk builds the development page's: cargo for
# wasm32, wasm-bindgen (web target), and in release wasm-opt -Oz (www/index.html's flags) and
# terser for the glue. Written into <dir> as <name>-<hash>.js and <name>-<hash>_bg.wasm (hash of
# the wasm). Run by make-loader.sh (trunk's post_build hook) for each provider's build
# (kasir-omise, kasir-wooshpay, kasir-ecommpay) and for the QR module (kasir-qr).
# Usage: scripts/build-wasm.sh <dir> <release|debug> <name> <cargo build args…>
set -euo pipefail
dir="${1:?usage: build-wasm.sh <dir> <release|debug> <name> <cargo args…>}"
profile="${2:?}"
name="${3:?}"
shift 3
root="$(cd "$(dirname "$0")/.." && pwd)"
release=()
if [ "$profile" = release ]; then
  release=(--release)
  # the size options (and their target directory) of what shoppers download
  source "$root/scripts/size-env.sh"
fi
# the artifact from cargo's own report: builds with other features leave theirs in deps/ too
wasm=$(cd "$root" && cargo build "${release[@]}" --locked --offline --target wasm32-unknown-unknown \
  --message-format=json-render-diagnostics "$@" |
  node -e 'let a = ""; process.stdin.on("data", (d) => (a += d)).on("end", () => {
    const w = a.split("\n").filter(Boolean).map((l) => JSON.parse(l))
      .filter((m) => m.reason === "compiler-artifact" && m.target.kind.includes("cdylib") && m.package_id.startsWith("path+"))
      .flatMap((m) => m.filenames).filter((f) => f.endsWith(".wasm"));
    if (w.length !== 1) { console.error("build-wasm: expected one cdylib wasm, got", w); process.exit(1); }
    console.log(w[0]);
  });')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-name module --out-dir "$tmp" "$wasm"
if [ "$profile" = release ]; then
  # one allocator (lol_alloc): std's dlmalloc is linked again when something calls
  # std::thread::current() again (vendor/send_wrapper/KASIR.md). Read from the function names,
  # still in here: lol_alloc's must be found, or the check would prove nothing
  if ! grep -q lol_alloc "$tmp/module_bg.wasm" || grep -q dlmalloc "$tmp/module_bg.wasm"; then
    echo "build-wasm: $name does not allocate with lol_alloc alone (see vendor/send_wrapper/KASIR.md)" >&2
    exit 1
  fi
  features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue)
  # wasm-streams' classes (scripts/size-env.sh): the size options' linker did not export them; a
  # build without those options (KASIR_STABLE_WASM=1) has them, removed here before -Oz (their
  # closures stay in the function table, so their code stays too)
  if [ -n "${KASIR_STABLE_WASM:-}" ]; then
    for c in $KASIR_UNUSED_CLASSES; do
      wasm-opt --remove-exports --pass-arg="remove-exports@*${c,,}*" "${features[@]}" \
        -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm"
    done
  fi
  # functions sorted by name first (one crate's and one module's code side by side, where
  # brotli finds its repeats closer): Opn's wasm 270-420 B smaller in brotli than in the linker's
  # order (bench/SIZE.md)
  wasm-opt --reorder-functions-by-name -Oz --converge \
    --low-memory-unused --zero-filled-memory "${features[@]}" -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm"
  # one- and two-letter names between the wasm and its glue (the mapping applied to the glue),
  # and without the custom sections no browser reads (the toolchain's `producers`, the
  # `target_features` wasm-opt has already used): 218 B of each wasm
  wasm-opt --minify-imports-and-exports-and-modules --strip-producers --strip-target-features \
    "${features[@]}" -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm" > "$tmp/names.json"
  node "$root/scripts/minify-names.mjs" "$tmp/module.js" "$tmp/module_bg.wasm" "$tmp/names.json" \
    $KASIR_UNUSED_CLASSES
  node "$root/scripts/minify-glue.mjs" "$tmp" module.js >/dev/null
fi
hash=$(sha256sum "$tmp/module_bg.wasm" | cut -c1-16)
rm -f "$dir/$name"-*.js "$dir/$name"-*_bg.wasm
cp "$tmp/module_bg.wasm" "$dir/$name-${hash}_bg.wasm"
cp "$tmp/module.js" "$dir/$name-${hash}.js"
echo "$name-${hash}.js, $name-${hash}_bg.wasm ($(wc -c < "$dir/$name-${hash}_bg.wasm") bytes)"
