# Sourced (not run) by scripts/build-wasm.sh for release builds and by `make widget` for trunk's
# release build of the development page: what shoppers download is built smaller than the
# stable compiler alone can — std rebuilt with the widget's own profile, panics that abort at
# once (no message, no panic machinery), no source locations and no `Debug` output in the
# binary (bench/SIZE.md: -12.9 KB brotli), linked without wasm-streams' unused exports. These are unstable options of this same stable
# toolchain (RUSTC_BOOTSTRAP; the rust-src component and std's crates: scripts/setup.sh), for
# wasm32 only; tests, clippy and `trunk serve` keep the stable defaults, panic messages included.
# Their own target directory, shared by trunk's build and every provider's, so that no build
# with other flags invalidates them. KASIR_STABLE_WASM=1 builds without them.
if [ -z "${KASIR_STABLE_WASM:-}" ]; then
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/shipped"
  # a 128 KiB stack instead of rustc's 1 MiB: the linear memory a shopper's page holds falls
  # from 1,152 to ~256 KiB. The whole e2e suite passes with a 16 KiB stack (and the stack is
  # placed first, so an overflow traps rather than corrupting data): 8x that margin
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort -Clink-arg=-zstack-size=131072"
  # rust-lld without wasm-streams' unused exports (scripts/wasm-ld.sh)
  KASIR_RUST_LLD="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
  export KASIR_RUST_LLD
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/wasm-ld.sh"
fi
# wasm-streams' stream classes: server_fn, which Leptos 0.8 always links, exports them from every
# build, and Kasir never streams. Every export of theirs holds a class name in lower case. Not
# exported by the size options' linker (scripts/wasm-ld.sh), else removed after the link
# (scripts/build-wasm.sh); their glue dropped (scripts/minify-names.mjs).
export KASIR_UNUSED_CLASSES="IntoUnderlyingByteSource IntoUnderlyingSink IntoUnderlyingSource"
