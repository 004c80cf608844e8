#!/usr/bin/env bash
# One wasm module of the widget, built like trunk builds the development page's: cargo for
# wasm32, wasm-bindgen (web target), and in release wasm-opt -Os (brotli-smaller than -Oz here) and
# terser for the glue. Written into <dir> as <name>-<hash>.js and <name>-<hash>_bg.wasm (hash of
# the wasm, the chunk and the glue). Run by make-loader.sh (trunk's post_build hook) for each provider's build
# (kasir-omise, kasir-wooshpay, kasir-ecommpay) and for the QR module (kasir-qr).
# KASIR_SPLIT=1 (a release build with the `split` cargo feature, src/flows.rs): the linked wasm
# is split by wasm-split-cli into the main module and the flows' chunk, written beside them as
# <name>-<hash>_flows.wasm and fetched by the glue, with its integrity, when the picker is drawn.
# KASIR_WASM_NAMES=1 (profiling, never shipped): the main module keeps its function names, so a
# CPU profile or a trace of the page names the Rust functions (`KASIR_WASM_NAMES=1 make widget`).
# Usage: scripts/build-wasm.sh <dir> <release|debug> <name> <cargo build args…>
set -euo pipefail
dir="${1:?usage: build-wasm.sh <dir> <release|debug> <name> <cargo args…>}"
profile="${2:?}"
name="${3:?}"
shift 3
root="$(cd "$(dirname "$0")/.." && pwd)"
release=()
split=
if [ "$profile" = release ] && [ -n "${KASIR_SPLIT:-}" ]; then
  split=1
  command -v wasm-split-cli >/dev/null || { echo "build-wasm: wasm-split-cli is missing (make setup)" >&2; exit 1; }
fi
if [ "$profile" = release ]; then
  release=(--release)
  # the size options (and their target directory) of what shoppers download
  source "$root/scripts/size-env.sh"
fi
# the artifact from cargo's own report: builds with other features leave theirs in deps/ too
wasm=$(cd "$root" && KASIR_EMIT_RELOCS=$split cargo build "${release[@]}" --locked --offline --target wasm32-unknown-unknown \
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
if [ -n "$split" ]; then
  # the main module (what runs until the picker) and the chunk of the split points' code; the
  # linker's exports kept for the chunk (the table, the memory, the splitter's globals)
  wasm-split-cli --target web --out-name main "$wasm" "$tmp/split" >/dev/null
  [ -f "$tmp/split/split_flows.wasm" ] || { echo "build-wasm: $name: wasm-split-cli made no flows chunk" >&2; exit 1; }
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-name module --out-dir "$tmp" "$tmp/split/main.wasm"
  node "$root/scripts/split-glue.mjs" "$tmp/module.js" "$tmp/split/__wasm_split.js"
else
  wasm-bindgen --target web --no-typescript --out-name module --out-dir "$tmp" "$wasm"
fi
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
  # build without those options (KASIR_STABLE_WASM=1) has them, removed here before -Os (their
  # closures stay in the function table, so their code stays too)
  if [ -n "${KASIR_STABLE_WASM:-}" ]; then
    for c in $KASIR_UNUSED_CLASSES; do
      wasm-opt --remove-exports --pass-arg="remove-exports@*${c,,}*" "${features[@]}" \
        -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm"
    done
  fi
  # functions sorted by name first (one crate's and one module's code side by side, where
  # brotli finds its repeats closer): Opn's wasm 270-420 B smaller in brotli than in the linker's
  # order (bench/SIZE.md). -Os, not -Oz: a few hundred bytes more raw, but what shoppers fetch
  # (brotli) is smaller: Opn's main module 48,940 -> 48,463 B, its chunk 25,901 -> 25,877
  wasm-opt --reorder-functions-by-name -Os --converge ${KASIR_WASM_NAMES:+-g} \
    --low-memory-unused --zero-filled-memory "${features[@]}" -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm"
  if [ -n "$split" ]; then
    # the chunk runs on the main module's memory, table and exports: -Os on its own code
    wasm-opt --reorder-functions-by-name -Os --converge --strip-debug --strip-producers \
      --strip-target-features "${features[@]}" -o "$tmp/flows.wasm" "$tmp/split/split_flows.wasm"
  fi
  # one- and two-letter names between the wasm and its glue (the mapping applied to the glue),
  # and without the custom sections no browser reads (the toolchain's `producers`, the
  # `target_features` wasm-opt has already used): 218 B of each wasm
  wasm-opt --minify-imports-and-exports-and-modules ${KASIR_WASM_NAMES:+-g} --strip-producers --strip-target-features \
    "${features[@]}" -o "$tmp/module_bg.wasm" "$tmp/module_bg.wasm" > "$tmp/names.json"
  node "$root/scripts/minify-names.mjs" "$tmp/module.js" "$tmp/module_bg.wasm" "$tmp/names.json" \
    $KASIR_UNUSED_CLASSES
  node "$root/scripts/minify-glue.mjs" "$tmp" module.js >/dev/null
fi
# the names' hash: of the wasm, the flows' chunk and the glue (before the chunk's name is in it),
# so that any change of what a page runs names new files
hash=$(cat "$tmp/module_bg.wasm" ${split:+"$tmp/flows.wasm"} "$tmp/module.js" | sha256sum | cut -c1-16)
rm -f "$dir/$name"-*.js "$dir/$name"-*_bg.wasm "$dir/$name"-*_flows.wasm
if [ -n "$split" ]; then
  # the chunk's name and integrity in the glue (scripts/split-glue.mjs left their places)
  flows="$name-${hash}_flows.wasm"
  node -e 'const fs = require("fs"); const [f, chunk, name] = process.argv.slice(1);
    const sri = "sha256-" + require("crypto").createHash("sha256").update(fs.readFileSync(chunk)).digest("base64");
    const g = fs.readFileSync(f, "utf8");
    if (!g.includes("__KASIR_FLOWS__") || !g.includes("__KASIR_FLOWS_SRI__")) { console.error("build-wasm: no chunk placeholders in the glue"); process.exit(1); }
    fs.writeFileSync(f, g.replaceAll("__KASIR_FLOWS_SRI__", sri).replaceAll("__KASIR_FLOWS__", name));' "$tmp/module.js" "$tmp/flows.wasm" "$flows"
  cp "$tmp/flows.wasm" "$dir/$flows"
fi
cp "$tmp/module_bg.wasm" "$dir/$name-${hash}_bg.wasm"
cp "$tmp/module.js" "$dir/$name-${hash}.js"
echo "$name-${hash}.js, $name-${hash}_bg.wasm ($(wc -c < "$dir/$name-${hash}_bg.wasm") bytes)"
