#!/usr/bin/env bash
# The linker of the shipped wasm builds (scripts/size-env.sh): rust-lld, without the exports of
# wasm-streams' stream classes (KASIR_UNUSED_CLASSES, their wasm-bindgen descriptors included).
# Leptos 0.8 always depends on server_fn with its `browser` feature, which links wasm-streams; its
# `#[wasm_bindgen]` classes are exported from every build although Kasir never streams. Removing
# the exports after the link (wasm-opt --remove-exports) leaves their closures in the function
# table and with them their code, std's io::Error and core::fmt (bench/SIZE.md: ≈ 5 KB brotli
# per build); not exporting them lets the linker drop it all. wasm-bindgen then generates no code for them.
# Called by rustc as `<linker> -flavor wasm <args…>`; KASIR_RUST_LLD is rust-lld's path.
# KASIR_EMIT_RELOCS=1 (a build split by wasm-split-cli, scripts/build-wasm.sh): the relocations
# are kept in the output, which the splitter reads to know what each function refers to.
set -euo pipefail
lld="${KASIR_RUST_LLD:?KASIR_RUST_LLD is not set: source scripts/size-env.sh}"
[ -x "$lld" ] || { echo "wasm-ld.sh: no rust-lld at $lld" >&2; exit 1; }
classes="${KASIR_UNUSED_CLASSES:?KASIR_UNUSED_CLASSES is not set: source scripts/size-env.sh}"
dropped() {
  local c
  for c in $classes; do [[ "$1" == *"${c,,}"* ]] && return 0; done
  return 1
}
args=()
skip_next=
for a in "$@"; do
  if [ -n "$skip_next" ]; then
    skip_next=
    if dropped "$a"; then unset 'args[${#args[@]}-1]'; continue; fi
  fi
  case "$a" in
    --export) skip_next=1 ;;
    --export=*) if dropped "${a#--export=}"; then continue; fi ;;
    @*) echo "wasm-ld.sh: a response file ($a) is not filtered" >&2; exit 1 ;;
  esac
  args+=("$a")
done
if [ -n "${KASIR_EMIT_RELOCS:-}" ]; then args+=(--emit-relocs); fi
exec "$lld" "${args[@]}"
