# Kasir: `make run` starts the sandbox + demo shop + widget; `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TERM_COLOR := never

WASM := --target wasm32-unknown-unknown

.PHONY: setup run test bench widget sandbox fmt-check clippy test-native test-browser test-e2e test-clients test-types npm examples size-check clean

## Install every tool (idempotent; skips what is present).
setup:
	@bash scripts/setup.sh

## Build the widget into dist/ (dist/kasir.js is the stable entry point), with the size options
## of scripts/size-env.sh (trunk's build and the post-build hook's share their target directory).
widget:
	source scripts/size-env.sh && trunk build --release --locked --offline

## Build the sandbox binary.
sandbox:
	cargo build --locked -p kasir-sandbox

## Run the product: sandbox + demo shop + widget on http://127.0.0.1:8080 (Ctrl-C stops it).
run: setup widget sandbox
	./target/debug/kasir-sandbox --dist dist

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p kasir -p kasir-core $(WASM) --all-targets -- -D warnings
	cargo clippy --locked -p kasir-core --no-default-features $(WASM) --all-targets -- -D warnings
	cargo clippy --locked -p kasir-core --all-features $(WASM) --all-targets -- -D warnings
	cargo clippy --locked -p kasir-qr --features module $(WASM) -- -D warnings
	for p in omise wooshpay ecommpay; do for f in $$p $$p,split; do cargo clippy --locked -p kasir --lib --no-default-features --features $$f $(WASM) -- -D warnings; done; done

test-native:
	cargo test --locked --workspace

## wasm-bindgen-test browser tests in headless Chromium (webdriver.json holds the flags).
test-browser:
	cargo test --locked -p kasir $(WASM)

## Playwright (playwright-core + Debian chromium) end-to-end suite against the real sandbox
## (tests/e2e/examples.test.mjs pays through the two example apps: make examples).
test-e2e: widget sandbox examples
	timeout 900 node --test --test-concurrency=1 --test-timeout=120000 tests/e2e/

## The official PyPI clients (omise, ecommpay-sdk), unmodified, against the sandbox.
test-clients: sandbox
	bash scripts/test-clients.sh

## TypeScript compile test of npm/kasir.d.ts, and npm/dist/ filled from dist/ (version checked against Cargo.toml).
test-types: widget
	tsc -p tests/types --noEmit
	bash scripts/build-npm.sh

## The @kasir/checkout tarball (npm/kasir-checkout-<version>.tgz).
npm: widget
	bash scripts/build-npm.sh
	cd npm && npm pack

## The packed tarball installed (offline, from the npm cache) in examples/react-vite (React 19 +
## Vite) and examples/plain-webpack (webpack 5, no configuration), both built; then the SSR test:
## the installed package and @kasir/checkout/react imported in Node without a DOM.
EXAMPLES := examples/react-vite examples/plain-webpack
examples: npm
	for d in $(EXAMPLES); do rm -rf $$d/node_modules/@kasir $$d/dist; \
	  (cd $$d && npm install --no-package-lock --no-audit --no-fund --prefer-offline --loglevel=error && npm run --silent build); done
	cd examples/react-vite && node --test ssr.test.mjs

## Run everything a change must pass.
test: fmt-check clippy test-native test-browser test-clients size-check test-types examples test-e2e
	@echo "make test: all checks passed"

## Kasir vs Adyen Web Drop-in side by side + sandbox under wrk (target/bench/report.md, report.json).
bench: setup widget
	cargo build --locked --release -p kasir-sandbox
	node bench/run.mjs

## Fail when the brotli size of what dist/kasir.js loads exceeds size-budget.txt.
size-check: widget
	bash scripts/size-check.sh

clean:
	cargo clean
	rm -rf dist dist-dev $(addsuffix /dist,$(EXAMPLES)) $(addsuffix /node_modules,$(EXAMPLES))
