#!/usr/bin/env bash
# Run the official PSP clients (PyPI omise, ecommpay-sdk; WooshPay in Stripe's form encoding), unmodified, against a sandbox on a
# random port with a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
target/debug/kasir-sandbox --addr 127.0.0.1:0 --db "$tmp/s.db" --fresh --dist dist >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$tmp/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$tmp/out" | head -n1)
[ -n "$url" ] || { echo "sandbox did not start"; cat "$tmp/err"; exit 1; }
.venv/bin/python tests/sandbox_clients/test_official_clients.py "$url"
node tests/sandbox_clients/ecommpay_node.mjs "$url"
