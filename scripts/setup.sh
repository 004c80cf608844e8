#!/usr/bin/env bash
# Install everything Kasir needs to build, run and test, from the package registries only
# (Debian, crates.io, npm, PyPI). Idempotent: every step is skipped when already present at the
# right version. See ../shared/TOOLCHAIN.md for why each pin is what it is.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
step() { printf '\n== setup: %s\n' "$*"; }
t0=$(date +%s)
timed() { local s; s=$(date +%s); "$@"; echo "   (took $(( $(date +%s) - s )) s)"; }

# 1. Debian packages: headless browser + driver for tests, brotli for size checks, wrk for benches.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
command -v wrk >/dev/null || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  timed bash -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${need_apt[*]} >/dev/null"
else
  step "Debian packages present (chromium, chromium-driver, brotli, wrk)"
fi

# 2. wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  timed rustup target add wasm32-unknown-unknown
else
  step "wasm32-unknown-unknown present"
fi

# 2b. the standard library's source: release wasm builds rebuild std for size (scripts/size-env.sh)
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rustup component add rust-src"
  timed rustup component add rust-src
else
  step "rust-src present"
fi

# 3. wasm-bindgen CLI at exactly the version in Cargo.lock
WBG=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG" ]; then
  step "cargo install wasm-bindgen-cli $WBG"
  # --locked fails for 0.2.130 (a pinned dependency is missing from the registry): fall back.
  timed bash -c "cargo install wasm-bindgen-cli --version $WBG --locked || cargo install wasm-bindgen-cli --version $WBG"
else
  step "wasm-bindgen-cli $WBG present"
fi

# 4. trunk (0.22 needs a newer rustc than this machine's)
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION"
  timed cargo install trunk --version "$TRUNK_VERSION" --locked
else
  step "trunk $TRUNK_VERSION present"
fi

# 4b. wasm-split-cli (the splitter of Leptos's wasm_split): a shipped build's flows after the
# picker in a chunk of their own (src/flows.rs, scripts/build-wasm.sh). 0.2.4 knows
# wasm-bindgen's generic imports (0.2.128 and later); 0.2.2 does not.
WSPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:"; then
  step "cargo install wasm_split_cli_support $WSPLIT_VERSION"
  timed cargo install wasm_split_cli_support --version "$WSPLIT_VERSION" --locked --features build-binary
else
  step "wasm-split-cli $WSPLIT_VERSION present"
fi

# 5. npm dev dependencies (playwright-core, binaryen's wasm-opt, axe-core) from package-lock.json
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s <(sed -n '/"packages"/,$p' package-lock.json | md5sum) node_modules/.kasir-lock-md5 2>/dev/null; then
  step "npm ci"
  timed npm ci --no-audit --no-fund --loglevel=error
  sed -n '/"packages"/,$p' package-lock.json | md5sum > node_modules/.kasir-lock-md5
else
  step "node_modules up to date"
fi

# 6. Python venv with the official PSP clients (used by the sandbox integration tests)
if [ -f requirements-dev.txt ]; then
  if [ ! -x .venv/bin/python ] || ! cmp -s requirements-dev.txt .venv/.requirements 2>/dev/null; then
    step "python venv + pip install -r requirements-dev.txt"
    timed bash -c "python3 -m venv .venv && .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt && cp requirements-dev.txt .venv/.requirements"
  else
    step "python venv up to date"
  fi
fi

# 7. crates for offline builds
step "cargo fetch --locked"
timed cargo fetch --locked >/dev/null
# and the standard library's own dependencies (its Cargo.lock), for the offline -Zbuild-std builds
RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >/dev/null
# and `make bench`'s Leptos floor, a workspace of its own (its Cargo.lock; built offline by
# scripts/build-wasm.sh: on a fresh machine `make bench` failed without it)
cargo fetch --locked --manifest-path bench/leptos-floor/Cargo.toml >/dev/null

echo
echo "setup complete in $(( $(date +%s) - t0 )) s"
