-- wrk script for the sandbox's Opn charge endpoint (POST /charges, crates/kasir-sandbox/src/psp/omise.rs):
-- secret key skey_test_kasir by HTTP Basic, an inline TrueMoney QR source, 400000 THB (฿4,000.00).
-- No Idempotency-Key header (so every request creates a charge) and a unique description anyway.
-- WRK_DELAY_MS: wait this long before each request on a connection (approximate fixed rate; Debian's
-- wrk has no -R). done() prints one line "WRKJSON {...}" for bench/run.mjs.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local threads = {}
local counter = 0
local tid = 0

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Basic c2tleV90ZXN0X2thc2lyOg=="
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  counter = counter + 1
  local body = "amount=400000&currency=THB&source[type]=truemoney_qr&description=wrk-" .. tostring(tid) .. "-" .. tostring(counter)
  return wrk.format(nil, nil, nil, body)
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
